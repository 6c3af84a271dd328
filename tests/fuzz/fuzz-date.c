/* fuzz-date.c: cw_date_parse and cw_date_check on any text.
 *
 * Dates are strict: whatever is accepted is printed back exactly as it was
 * typed, and both entry points agree. */
#include "config.h"

#include "cw-date.h"
#include "fuzz-text.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_text (data, size);

  GDate date;
  g_autoptr (GError) error = NULL;
  gboolean parsed = cw_date_parse (text, &date, &error);
  g_autoptr (GError) check_error = NULL;
  g_assert_cmpint (cw_date_check (text, &check_error), ==, parsed);

  if (parsed)
    {
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_autofree char *back = cw_date_to_string (&date);
      g_assert_cmpstr (back, ==, text);
    }
  else
    {
      g_assert_error (error, CW_DATE_ERROR, CW_DATE_ERROR_INVALID);
      FUZZ_ASSERT_MESSAGE (error);
      g_assert_cmpstr (error->message, ==, check_error->message);
    }
  return 0;
}
