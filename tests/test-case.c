/* test-case.c: case audits ride in exercise packs. A pack with a case is
 * read with every item, population and model finding in place; a case that
 * cites what it does not hold, gives two items one id, samples a population
 * it lacks, names a clause the standard does not have or writes out more
 * records than its population holds is refused with its pack, naming the
 * case and the fault. */
#include "config.h"

#include <string.h>

#include "cw-case.h"
#include "cw-exercise.h"
#include "cw-test-util.h"

static char *
fixture (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "packs", "case.xml", NULL);
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static CwExercisePack *
read_text (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  return cw_exercise_pack_read_bytes (bytes, "case.xml", NULL, error);
}

static void
test_read (void)
{
  g_autofree char *text = fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = read_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pack->cases->len, ==, 1);
  CwCase *one = g_ptr_array_index (pack->cases, 0);
  g_assert_cmpstr (one->id, ==, "tiny-desk");
  g_assert_cmpstr (one->organisation, ==, "Tiny Desk Ltd");
  g_assert_cmpuint (one->people->len, ==, 2);
  g_assert_cmpuint (g_strv_length (one->audit_scope), ==, 2);
  g_assert_cmpuint (one->items->len, ==, 5);
  const CwCasePopulation *tickets = cw_case_lookup_population (one, "INC");
  g_assert_nonnull (tickets);
  g_assert_cmpuint (tickets->size, ==, 120);
  g_assert_cmpuint (tickets->records->len, ==, 3);
  const CwCaseItem *late = cw_case_lookup_item (one, "INC-144");
  g_assert_nonnull (late);
  g_assert_cmpint (late->kind, ==, CW_CASE_RECORD);
  g_assert_cmpstr (late->population, ==, "INC");
  g_assert_cmpstr (late->clauses[0], ==, "8.6.1");
  g_assert_cmpuint (one->findings->len, ==, 2);
  CwModelFinding *minor = g_ptr_array_index (one->findings, 0);
  g_assert_cmpint (minor->grade, ==, CW_GRADE_MINOR);
  g_assert_cmpstr (minor->cites[1], ==, "INC-144");
  g_assert_cmpuint (one->samples->len, ==, 1);
}

static void
test_refused (void)
{
  const struct
  {
    const char *from, *to, *mention;
  } cases[] = {
    { "cites=\"DP-1 INC-144\"", "cites=\"DP-1 INC-999\"", "INC-999" },
    { "<record id=\"INC-187\"", "<record id=\"INC-144\"", "two items have the id" },
    { "<sample population=\"INC\"", "<sample population=\"CHG\"", "CHG" },
    { "clause=\"8.6.1\" grade=\"minor\"", "clause=\"8.6.9\" grade=\"minor\"", "8.6.9" },
    { "size=\"120\"", "size=\"2\"", "holds 2" },
    { "areas=\"8.6.1 5\"", "areas=\"8.6.1 11\"", "11" },
  };
  g_autofree char *text = fixture ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].to);
      const char *at = strstr (text, cases[i].from);
      g_assert_nonnull (at);
      g_autofree char *broken
        = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, cases[i].to,
                           at + strlen (cases[i].from));
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExercisePack) pack = read_text (broken, &error);
      g_assert_null (pack);
      g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID);
      cw_test_assert_contains (error->message, "tiny-desk");
      cw_test_assert_contains (error->message, cases[i].mention);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/case/read", test_read);
  g_test_add_func ("/core/case/refused", test_refused);
  return g_test_run ();
}
