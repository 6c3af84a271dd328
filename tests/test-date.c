/* test-date.c: dates are real days written YYYY-MM-DD, nothing else. */
#include "config.h"

#include "cw-date.h"

static void
test_valid (void)
{
  const char *valid[] = { "2026-03-14", "2024-02-29", "1999-12-31", "2100-01-01" };
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      GDate date;
      g_autoptr (GError) error = NULL;
      g_assert_true (cw_date_parse (valid[i], &date, &error));
      g_assert_no_error (error);
      g_autofree char *back = cw_date_to_string (&date);
      g_assert_cmpstr (back, ==, valid[i]);
    }
}

static void
test_invalid (void)
{
  const char *invalid[] = { "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                            "2026-1-5",   "14/03/2026", "2026-03-14T10:00", "",
                            "20260314",   "2026-03-1x", "1066-10-14", " 2026-03-14" };
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_false (cw_date_check (invalid[i], &error));
      g_assert_error (error, CW_DATE_ERROR, CW_DATE_ERROR_INVALID);
      /* The message quotes what was typed and shows the expected form. */
      g_assert_nonnull (strstr (error->message, invalid[i]));
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
    }
  g_autoptr (GError) error = NULL;
  g_assert_false (cw_date_check (NULL, &error));
}

/* The message is shown and printed, so it is valid UTF-8 and of a readable
 * length whatever was passed in (a damaged file, a script). */
static void
test_message_readable (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (cw_date_check ("20\xff" "6-01-01", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "20\xef\xbf\xbd" "6-01-01"));
  g_clear_error (&error);

  g_autofree char *long_text = g_strnfill (10000, '9');
  g_assert_false (cw_date_check (long_text, &error));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "…"));
}

static void
test_timestamp (void)
{
  g_autofree char *now = cw_timestamp_now ();
  g_assert_true (g_str_has_suffix (now, "Z"));
  g_assert_cmpuint (strlen (now), ==, strlen ("2026-11-25T15:03:52.123456Z"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/date/valid", test_valid);
  g_test_add_func ("/core/date/invalid", test_invalid);
  g_test_add_func ("/core/date/message-readable", test_message_readable);
  g_test_add_func ("/core/date/timestamp", test_timestamp);
  return g_test_run ();
}
