/* fuzz-statement.c: cw_statement_check on any three texts and any grade.
 *
 * The input is GRADE-BYTE then REQUIREMENT \x1f EVIDENCE \x1f STATEMENT
 * (missing parts are empty). Whatever the texts, every hint has a known
 * kind and a message a label can show (valid UTF-8), no kind comes twice,
 * and text that is not UTF-8 gives the one invalid-text hint alone. */
#include "config.h"

#include "cw-statement.h"
#include "fuzz-text.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  /* 0-3: a grade; anything else: none. */
  CwGrade grade = (CwGrade) (data[0] % 5);
  gboolean graded = data[0] % 5 < 4;
  g_autofree char *text = fuzz_text (data + 1, size - 1);
  g_auto (GStrv) parts = g_strsplit (text, "\x1f", 3);
  const char *fields[3] = { "", "", "" };
  for (guint i = 0; i < 3 && parts[i] != NULL; i++)
    fields[i] = parts[i];

  g_autoptr (GPtrArray) hints
    = cw_statement_check (fields[0], fields[1], fields[2], graded ? &grade : NULL);
  g_assert_nonnull (hints);
  gboolean valid = TRUE;
  for (guint i = 0; i < 3; i++)
    valid &= g_utf8_validate (fields[i], -1, NULL);
  guint seen = 0;
  for (guint i = 0; i < hints->len; i++)
    {
      CwStatementHint *hint = g_ptr_array_index (hints, i);
      g_assert_nonnull (cw_statement_kind_to_string (hint->kind));
      g_assert_true (g_utf8_validate (hint->message, -1, NULL));
      g_assert_false (seen & (1u << hint->kind));
      seen |= 1u << hint->kind;
    }
  if (!valid)
    {
      g_assert_cmpuint (hints->len, ==, 1);
      g_assert_cmpint (((CwStatementHint *) g_ptr_array_index (hints, 0))->kind, ==,
                       CW_STATEMENT_INVALID_TEXT);
    }
  else
    g_assert_false (seen & (1u << CW_STATEMENT_INVALID_TEXT));
  return 0;
}
