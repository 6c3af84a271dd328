/* test-csv.c: RFC 4180 writing and reading. */
#include "config.h"

#include "cw-csv.h"

static void
test_round_trip (void)
{
  const char *fields[] = { "plain", "comma, inside", "quote \" inside", "line\r\nbreak",
                           "", "Prüfung – Ωμέγα", "\"\"" };
  g_autoptr (GString) out = g_string_new (NULL);
  cw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  cw_csv_append_row (out, fields, 2);
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  g_assert_nonnull (strstr (out->str, "\"quote \"\" inside\""));

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  char **first = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (first), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (first[i], ==, fields[i]);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 1)), ==, 2);
}

static void
test_plain_fields_unquoted (void)
{
  const char *fields[] = { "12", "8.6.1", "minor" };
  g_autoptr (GString) out = g_string_new (NULL);
  cw_csv_append_row (out, fields, 3);
  g_assert_cmpstr (out->str, ==, "12,8.6.1,minor\r\n");
}

static void
test_parse_lf_and_no_final_break (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse ("a,b\nc,\"d\ne\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "d\ne");
}

static void
test_parse_malformed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse ("a,\"never closed\n", &error);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_MALFORMED);
  g_assert_null (rows);
  g_clear_error (&error);
  rows = cw_csv_parse ("\"closed\"then text\n", &error);
  g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_MALFORMED);
}

/* A last line holding only an empty quoted field is still a row: "" once
 * gave no rows at all, while "" followed by a line break gave one. */
static void
test_parse_empty_quoted_last_line (void)
{
  const char *texts[] = { "\"\"", "\"\"\r\n", "a\r\n\"\"" };
  const guint rows_expected[] = { 1, 1, 2 };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) rows = cw_csv_parse (texts[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, rows_expected[i]);
      char **last = g_ptr_array_index (rows, rows->len - 1);
      g_assert_cmpuint (g_strv_length (last), ==, 1);
      g_assert_cmpstr (last[0], ==, "");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/csv/round-trip", test_round_trip);
  g_test_add_func ("/core/csv/plain-fields-unquoted", test_plain_fields_unquoted);
  g_test_add_func ("/core/csv/parse-lf-and-no-final-break", test_parse_lf_and_no_final_break);
  g_test_add_func ("/core/csv/parse-malformed", test_parse_malformed);
  g_test_add_func ("/core/csv/parse-empty-quoted-last-line", test_parse_empty_quoted_last_line);
  return g_test_run ();
}
