/* test-cli-external.c: clausewise-cli's commands for the certification
 * body's audits as a script uses them: ids on stdout, an action raised from
 * a body's finding, and every refusal exiting non-zero with one line naming
 * what is wrong and the file left byte for byte as it was. Every case runs
 * the real binary. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

static char *
new_workspace (char **dir)
{
  *dir = cw_test_make_dir ();
  char *ws = cw_test_path (*dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  return ws;
}

static void
test_good_path (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_autofree char *one = cw_test_cli_id (
    ARGS ("external", "new", ws, "--kind", "stage-one", "--body", "Certa Assurance", "--start",
          "2026-09-14", "--end", "2026-09-15", "--lead", "R. Okafor", "--reference", "CA-114"));
  g_assert_cmpstr (one, ==, "1");
  g_autofree char *concern = cw_test_cli_id (
    ARGS ("external", "finding", ws, one, "--kind", "concern", "--clause", "8.3.4", "--reference",
          "S1-C1", "--text", "Supplier performance reviews not evidenced", "--respond-by",
          "2026-10-14"));
  g_autofree char *observation = cw_test_cli_id (
    ARGS ("external", "finding", ws, one, "--kind", "observation", "--clause", "9.1",
          "--reference", "S1-O1", "--text", "Measures not yet trended"));
  g_assert_cmpstr (concern, ==, "1");
  g_assert_cmpstr (observation, ==, "2");

  /* The concern raises a corrective action with the certification audit as
   * its source; the action register lists it like any other. */
  g_autofree char *action = cw_test_cli_id (
    ARGS ("action", "new", ws, "--external", concern, "--owner", "Dana", "--due", "2026-10-10"));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("action", "show", ws, action));
  cw_test_assert_contains (shown, "S1-C1 (Stage One): Area of concern at clause 8.3.4");
  cw_test_assert_contains (shown, "Certification audit");
  cw_test_assert_contains (shown, "Corrective action");
  g_autofree char *actions = cw_test_cli_ok (ARGS ("action", "list", ws));
  cw_test_assert_contains (actions, "Dana\tS1-C1 (Stage One)");
  g_autofree char *csv = cw_test_cli_ok (ARGS ("action", "list", ws, "--csv"));
  cw_test_assert_contains (csv, "certification-audit");

  g_autofree char *list = cw_test_cli_ok (ARGS ("external", "list", ws));
  cw_test_assert_contains (list, "1\tstage-one\t2026-09-14\t2026-09-15\tCerta Assurance\tCA-114");
  cw_test_assert_contains (list, "  1\tconcern\tS1-C1\t8.3.4\topen, respond by 2026-10-14\taction 1");
  cw_test_assert_contains (list, "  2\tobservation\tS1-O1\t9.1\topen\tno action");

  g_free (cw_test_cli_ok (ARGS ("external", "resolve", ws, concern, "--on", "2026-10-01", "--how",
                                "Review records for all suppliers sent and accepted")));
  g_autofree char *after = cw_test_cli_ok (ARGS ("external", "list", ws));
  cw_test_assert_contains (after, "S1-C1\t8.3.4\tresolved 2026-10-01");

  /* A Stage Two audit takes the body's graded nonconformities. */
  g_autofree char *two = cw_test_cli_id (ARGS ("external", "new", ws, "--kind", "stage-two",
                                               "--body", "Certa Assurance", "--start",
                                               "2026-11-02"));
  g_autofree char *major = cw_test_cli_id (
    ARGS ("external", "finding", ws, two, "--kind", "major", "--clause", "8.5.1.3", "--reference",
          "S2-N1", "--text", "Emergency changes not reviewed", "--respond-by", "2026-12-02"));
  g_assert_cmpstr (major, ==, "3");
  g_autofree char *readiness = cw_test_cli_ok (ARGS ("readiness", ws));
  cw_test_assert_contains (readiness, "S2-N1");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

/* Refused, with `mention` in the one-line message and the file unchanged. */
static void
refused (const char *ws, const char *const *args, int status, const char *mention)
{
  g_autoptr (GBytes) before = cw_test_read (ws);
  cw_test_cli_error (args, status, mention);
  cw_test_assert_untouched (ws, before);
}

static void
test_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_autofree char *one = cw_test_cli_id (ARGS ("external", "new", ws, "--kind", "stage-one",
                                               "--body", "Certa", "--start", "2026-09-14"));

  refused (ws, ARGS ("external", "new", ws, "--kind", "stage-three", "--body", "Certa", "--start",
                     "2026-09-14"),
           CLI_BAD_INPUT, "stage-three");
  refused (ws, ARGS ("external", "new", ws, "--kind", "stage-two", "--body", "Certa", "--start",
                     "2026-02-30"),
           CLI_BAD_INPUT, "2026-02-30");
  refused (ws, ARGS ("external", "new", ws, "--kind", "stage-two", "--body", "Certa", "--start",
                     "2026-11-02", "--end", "2026-11-01"),
           CLI_BAD_INPUT, "before it starts");
  refused (ws, ARGS ("external", "new", ws, "--kind", "stage-two", "--start", "2026-11-02"),
           CLI_USAGE, "--body");
  refused (ws, ARGS ("external", "finding", ws, one, "--kind", "grave", "--clause", "8.3.4",
                     "--reference", "S1-C1", "--text", "T"),
           CLI_BAD_INPUT, "grave");
  refused (ws, ARGS ("external", "finding", ws, one, "--kind", "concern", "--clause", "8.3.9",
                     "--reference", "S1-C1", "--text", "T"),
           CLI_BAD_INPUT, "8.3.9");
  refused (ws, ARGS ("external", "finding", ws, one, "--kind", "concern", "--clause", "8.3.4",
                     "--reference", "S1-C1", "--text", "T", "--respond-by", "14/10/2026"),
           CLI_BAD_INPUT, "14/10/2026");
  /* A Stage One report grades no nonconformities. */
  refused (ws, ARGS ("external", "finding", ws, one, "--kind", "major", "--clause", "8.3.4",
                     "--reference", "S1-N1", "--text", "T"),
           CLI_BAD_INPUT, "Stage One");
  refused (ws, ARGS ("external", "finding", ws, "7", "--kind", "concern", "--clause", "8.3.4",
                     "--reference", "S1-C1", "--text", "T"),
           CLI_BAD_INPUT, "no certification audit 7");
  refused (ws, ARGS ("external", "finding", ws, "seven", "--kind", "concern", "--clause", "8.3.4",
                     "--reference", "S1-C1", "--text", "T"),
           CLI_BAD_INPUT, "seven");
  refused (ws, ARGS ("external", "resolve", ws, "5", "--on", "2026-10-01", "--how", "Sent"),
           CLI_BAD_INPUT, "no certification body finding 5");
  refused (ws, ARGS ("action", "new", ws, "--external", "5", "--owner", "Dana"), CLI_BAD_INPUT,
           "no certification body finding 5");

  g_autofree char *concern = cw_test_cli_id (
    ARGS ("external", "finding", ws, one, "--kind", "concern", "--clause", "8.3.4", "--reference",
          "S1-C1", "--text", "T"));
  refused (ws, ARGS ("external", "finding", ws, one, "--kind", "concern", "--clause", "8.3.4",
                     "--reference", "S1-C1", "--text", "Again"),
           CLI_BAD_INPUT, "S1-C1");
  refused (ws, ARGS ("external", "resolve", ws, concern, "--on", "2026-13-01", "--how", "Sent"),
           CLI_BAD_INPUT, "2026-13-01");
  refused (ws, ARGS ("external", "resolve", ws, concern, "--on", "2026-09-01", "--how", "Sent"),
           CLI_BAD_INPUT, "before its audit began");
  refused (ws, ARGS ("action", "new", ws, "--external", concern, "--kind", "improvement"),
           CLI_BAD_INPUT, "corrective");
  refused (ws, ARGS ("action", "new", ws, "--external", concern, "--finding", "1"), CLI_USAGE,
           "--external");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/external/good-path", test_good_path);
  g_test_add_func ("/cli/external/refusals", test_refusals);
  return g_test_run ();
}
