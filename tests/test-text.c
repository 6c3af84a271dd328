/* test-text.c: the rules every stored text obeys, and how text is made safe
 * to print. */
#include "config.h"

#include "cw-text.h"

static void
test_check (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_text_check (NULL, 10, "the note", &error));
  g_assert_true (cw_text_check ("Seen RFC-2291 of 3 March\n\tand its approval", 100, "the note",
                                &error));
  g_assert_true (cw_text_check ("Überprüfung: ÅÄÖ ✓", 18, "the note", &error));
  g_assert_no_error (error);

  g_assert_false (cw_text_check ("Überprüfung: ÅÄÖ ✓!", 18, "the note", &error));
  g_assert_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the note"));
  g_assert_nonnull (strstr (error->message, "19 characters"));
  g_assert_nonnull (strstr (error->message, "at most 18"));
  g_clear_error (&error);

  g_assert_false (cw_text_check ("bad \xff byte", 100, "the statement", &error));
  g_assert_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the statement is not valid UTF-8"));
  g_clear_error (&error);

  const char *controls[] = { "clear \x1b[2J", "bell \a", "nul-ish \x01", "c1 \xc2\x9b" };
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      g_assert_false (cw_text_check (controls[i], 100, "the title", &error));
      g_assert_nonnull (strstr (error->message, "control character"));
      g_clear_error (&error);
    }
}

static void
test_check_fields_names_the_first_refused (void)
{
  g_autoptr (GError) error = NULL;
  const CwTextField fields[] = {
    { "fine", CW_TEXT_SHORT_MAX, "the title" },
    { "not \xfe fine", CW_TEXT_LONG_MAX, "the plan" },
    { "\x1b", CW_TEXT_SHORT_MAX, "the owner" },
  };
  g_assert_false (cw_text_check_fields (fields, G_N_ELEMENTS (fields), &error));
  g_assert_nonnull (strstr (error->message, "the plan"));
}

static void
test_escape (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "plain text", "plain text" },
    { "two\nlines\tand a tab", "two\nlines\tand a tab" },
    { "clear \x1b[2J screen", "clear \\x1B[2J screen" },
    { "carriage\rreturn", "carriage\\x0Dreturn" },
    { "csv\r\nline", "csv\r\nline" },
    { "bad \xff\xfe bytes", "bad \\xFF\\xFE bytes" },
    { "c1 \xc2\x9b csi", "c1 \\u009B csi" },
    { "ünïcödé ✓", "ünïcödé ✓" },
    { "cut \xe2\x9c", "cut \\xE2\\x9C" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cw_text_escape_controls (cases[i].in, -1);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/text/check", test_check);
  g_test_add_func ("/core/text/check-fields", test_check_fields_names_the_first_refused);
  g_test_add_func ("/core/text/escape", test_escape);
  return g_test_run ();
}
