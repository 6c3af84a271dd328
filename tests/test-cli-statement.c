/* test-cli-statement.c: `clausewise-cli statement check` as a script sees
 * it: one KIND<tab>MESSAGE line per hint, nothing for a statement that
 * passes, exit 0 either way; a missing part, an unknown grade or a stray
 * argument exit non-zero with one line on stderr. Every case runs the real
 * binary. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

#define REQ "Clause 8.5.1.3 and policy CHG-POL: changes are approved before deployment."
#define EVI "RFC-2291 was deployed on 4 March 2026 with no approval; 14 other RFCs were approved."
#define STM "One of 15 changes sampled was deployed without the approval the policy requires."

static void
test_passes (void)
{
  g_autofree char *out = cw_test_cli_ok (ARGS ("statement", "check", "--requirement", REQ,
                                               "--evidence", EVI, "--statement", STM));
  g_assert_cmpstr (out, ==, "");
  g_autofree char *graded = cw_test_cli_ok (ARGS ("statement", "check", "--requirement", REQ,
                                                  "--evidence", EVI, "--statement", STM,
                                                  "--grade", "minor"));
  g_assert_cmpstr (graded, ==, "");
}

static void
test_hints (void)
{
  g_autofree char *out = cw_test_cli_ok (
    ARGS ("statement", "check", "--requirement", "Changes are approved.", "--evidence",
          "Some changes were not approved.", "--statement",
          "Changes deployed by Mark Jennings should be approved.\nIt is sloppy."));
  g_auto (GStrv) lines = cw_test_output_lines (out);
  const char *kinds[] = { "no-reference", "vague-evidence", "should", "opinion", "person-name" };
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (fields[0], ==, kinds[i]);
      g_assert_cmpuint (strlen (fields[1]), >, 20);
    }

  /* The grade is checked when given. */
  g_autofree char *major = cw_test_cli_ok (ARGS ("statement", "check", "--requirement", REQ,
                                                 "--evidence", EVI, "--statement", STM,
                                                 "--grade", "major"));
  g_assert_true (g_str_has_prefix (major, "grade-mismatch\t"));

  /* An empty statement is a hint, not an error. */
  g_autofree char *empty = cw_test_cli_ok (ARGS ("statement", "check", "--requirement", REQ,
                                                 "--evidence", EVI, "--statement", ""));
  g_assert_true (g_str_has_prefix (empty, "empty\t"));
}

static void
test_refusals (void)
{
  cw_test_cli_error (ARGS ("statement", "check", "--evidence", EVI, "--statement", STM),
                     CLI_USAGE, "--requirement");
  cw_test_cli_error (ARGS ("statement", "check", "--requirement", REQ, "--statement", STM),
                     CLI_USAGE, "--evidence");
  cw_test_cli_error (ARGS ("statement", "check", "--requirement", REQ, "--evidence", EVI),
                     CLI_USAGE, "--statement");
  cw_test_cli_error (ARGS ("statement", "check", "--requirement", REQ, "--evidence", EVI,
                           "--statement", STM, "--grade", "severe"),
                     CLI_BAD_INPUT, "severe");
  cw_test_cli_error (ARGS ("statement", "check", "extra", "--requirement", REQ, "--evidence",
                           EVI, "--statement", STM),
                     CLI_USAGE, "takes no arguments");
  cw_test_cli_error (ARGS ("statement", "check", "--requirement", REQ, "--evidence", EVI,
                           "--statement", "bad \xff"),
                     CLI_BAD_INPUT, "--statement");
  cw_test_cli_error (ARGS ("statement"), CLI_USAGE, "check");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/statement/passes", test_passes);
  g_test_add_func ("/cli/statement/hints", test_hints);
  g_test_add_func ("/cli/statement/refusals", test_refusals);
  return g_test_run ();
}
