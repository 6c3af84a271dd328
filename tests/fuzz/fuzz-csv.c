/* fuzz-csv.c: cw_csv_parse on any text.
 *
 * Whatever parses survives a round trip: written back with
 * cw_csv_append_row and parsed again, it gives the same rows. That is the
 * promise export and import make to a user whose notes hold commas, quotes
 * and line breaks. */
#include "config.h"

#include "cw-csv.h"
#include "fuzz-text.h"
#include "fuzz.h"

static void
assert_same_rows (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      char **row_a = g_ptr_array_index (a, i);
      char **row_b = g_ptr_array_index (b, i);
      g_assert_cmpuint (g_strv_length (row_a), ==, g_strv_length (row_b));
      for (guint j = 0; row_a[j] != NULL; j++)
        g_assert_cmpstr (row_a[j], ==, row_b[j]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_text (data, size);

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse (text, &error);
  if (rows == NULL)
    {
      g_assert_error (error, CW_CSV_ERROR, CW_CSV_ERROR_MALFORMED);
      FUZZ_ASSERT_MESSAGE (error);
      return 0;
    }
  g_assert_no_error (error);

  g_autoptr (GString) out = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_assert_nonnull (row);
      /* Every row the parser returns has at least one field. */
      g_assert_nonnull (row[0]);
      cw_csv_append_row (out, (const char *const *) row, g_strv_length (row));
    }
  g_autoptr (GPtrArray) again = cw_csv_parse (out->str, &error);
  g_assert_no_error (error);
  assert_same_rows (rows, again);
  return 0;
}
