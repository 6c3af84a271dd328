/* test-cli-actions.c: clausewise-cli's corrective action and audit closure
 * commands as a script sees them (management reviews: test-cli-reviews.c):
 * ids on stdout, exit codes, one-line errors with the reason, listings and
 * CSV. Every case runs the real binary. */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "cw-csv.h"
#include "cw-date.h"
#include "cw-test-util.h"

/* A command that prints one id: returns it without the newline. */
static char *
expect_id (const char *const *argv)
{
  char *out = cw_test_cli_ok (argv);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", out, 0, 0));
  out[strlen (out) - 1] = '\0';
  return out;
}

static char *
new_workspace (const char *dir)
{
  char *path = cw_test_path (dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", path)));
  return path;
}

static char *
new_finding (const char *ws, const char *audit, const char *grade)
{
  return expect_id (ARGS ("finding", "new", ws, audit, "--clause", "8.6.1", "--grade", grade,
                          "--requirement", "PRI-01 sets priorities.", "--evidence",
                          "INC-60417 logged P3.", "--statement", "Not prioritised as required."));
}

static void
test_help (void)
{
  const char *commands[][2] = {
    { "action", "new" },   { "action", "list" },  { "action", "show" },   { "action", "update" },
    { "action", "move" },  { "audit", "close" },  { "review", "new" },    { "review", "show" },
    { "review", "note" },  { "review", "decide" }, { "review", "approve" },
  };
  g_autofree char *overview = cw_test_cli_ok (ARGS ("--help"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = cw_test_cli_ok (ARGS (commands[i][0], commands[i][1], "--help"));
      g_autofree char *usage = g_strdup_printf ("clausewise-cli %s %s ", commands[i][0],
                                                commands[i][1]);
      cw_test_assert_contains (out, usage);
      g_autofree char *name = g_strdup_printf ("%s %s", commands[i][0], commands[i][1]);
      cw_test_assert_contains (overview, name);
    }
  cw_test_cli_error (ARGS ("action"), CLI_USAGE, "new, list, show, update, move");
  cw_test_cli_error (ARGS ("review"), CLI_USAGE, "new, show, note, decide, approve");
}

static void
test_workflow (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir);
  g_autofree char *audit = expect_id (ARGS ("audit", "new", ws, "--title", "Incidents"));
  g_autofree char *finding = new_finding (ws, audit, "minor");

  g_autofree char *id = expect_id (ARGS ("action", "new", ws, "--finding", finding));
  g_autofree char *again = g_strdup_printf ("already has action %s", id);
  cw_test_cli_error (ARGS ("action", "new", ws, "--finding", finding), CLI_BAD_INPUT, again);

  /* Illegal moves exit 1 and say why. */
  cw_test_cli_error (ARGS ("action", "move", ws, id, "planned"), CLI_BAD_INPUT,
                "missing: the correction");
  cw_test_cli_error (ARGS ("action", "move", ws, id, "planned"), CLI_BAD_INPUT,
                "the consequences and how they were dealt with; the root cause; the review of "
                "whether similar nonconformities exist or could occur; the action plan; the "
                "owner; the due date");
  cw_test_cli_error (ARGS ("action", "move", ws, id, "implemented"), CLI_BAD_INPUT,
                "only a planned action");
  cw_test_cli_error (ARGS ("action", "move", ws, id, "closed"), CLI_BAD_INPUT, "verified");
  cw_test_cli_error (ARGS ("action", "move", ws, id, "done"), CLI_BAD_INPUT,
                "planned|implemented|verified|not-effective|closed");

  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--root-cause",
                           "Analysts lower priorities\nPRI-01 is silent on who may", "--plan",
                           "Lock the field", "--owner", "Aisha Merriman", "--due", "2020-01-31",
                           "--correction", "Re-prioritised six incidents", "--similar",
                           "Service requests checked: fine", "--cause-category", "process")));
  /* All but the consequences: that one gap is named. */
  cw_test_cli_error (ARGS ("action", "move", ws, id, "planned"), CLI_BAD_INPUT,
                     "missing: the consequences and how they were dealt with");
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--consequences",
                                "SLA figures for July recalculated", "--check-due",
                                "2020-06-01")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "planned")));

  /* The finding follows. */
  g_autofree char *findings = cw_test_cli_ok (ARGS ("finding", "list", ws));
  cw_test_assert_contains (findings, "\tminor\tplanned\t");

  /* Overdue: due in 2020 and not verified. */
  g_autofree char *overdue = cw_test_cli_ok (ARGS ("action", "list", ws, "--overdue"));
  g_auto (GStrv) overdue_lines = cw_test_output_lines (overdue);
  g_assert_cmpuint (g_strv_length (overdue_lines), ==, 1);
  g_auto (GStrv) fields = g_strsplit (overdue_lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 7);
  g_assert_cmpstr (fields[0], ==, id);
  g_assert_cmpstr (fields[1], ==, "planned");
  g_assert_cmpstr (fields[2], ==, "2020-01-31");
  g_assert_cmpstr (fields[3], ==, "overdue");
  g_assert_cmpstr (fields[4], ==, "implementation");
  g_assert_cmpstr (fields[5], ==, "Aisha Merriman");

  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "implemented")));
  cw_test_cli_error (ARGS ("action", "move", ws, id, "verified"), CLI_BAD_INPUT,
                "missing: the verification evidence; who verified it");
  /* The owner verifying: a reason is needed. */
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--verification",
                           "July sample: 3 of 40 still wrong", "--verified-by",
                           "aisha merriman")));
  cw_test_cli_error (ARGS ("action", "move", ws, id, "not-effective"), CLI_BAD_INPUT,
                     "why the owner verified their own action");
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--justification",
                                "The only desk lead on site")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "not-effective")));
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--due", "2099-12-31")));
  g_autofree char *none = cw_test_cli_ok (ARGS ("action", "list", ws, "--overdue"));
  g_assert_cmpstr (none, ==, "");
  /* Implemented, its check date (2020) passed: verification is overdue. */
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "implemented")));
  g_autofree char *waiting = cw_test_cli_ok (ARGS ("action", "list", ws, "--overdue"));
  cw_test_assert_contains (waiting, "\toverdue\tverification\t");
  g_autofree char *late_show = cw_test_cli_ok (ARGS ("action", "show", ws, id));
  cw_test_assert_contains (late_show, "Verification overdue");
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, id, "--verification", "Sept: 0 of 40")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "verified")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, id, "closed")));
  cw_test_cli_error (ARGS ("action", "move", ws, id, "closed"), CLI_BAD_INPUT, "closed");
  cw_test_cli_error (ARGS ("action", "update", ws, id, "--plan", "x"), CLI_BAD_INPUT, "closed");

  g_autofree char *shown = cw_test_cli_ok (ARGS ("action", "show", ws, id));
  cw_test_assert_contains (shown, "Why 2:");
  cw_test_assert_contains (shown, "PRI-01 is silent on who may");
  cw_test_assert_contains (shown, "Process");
  cw_test_assert_contains (shown, "Next steps:");
  cw_test_assert_contains (shown, "\tverdict\tJuly sample: 3 of 40 still wrong\tnot-effective\n");
  cw_test_assert_contains (shown, "\tverdict\tSept: 0 of 40\teffective\n");
  cw_test_assert_contains (shown, "Kind:          Corrective action\n");
  cw_test_assert_contains (shown, "Consequences:  SLA figures for July recalculated\n");
  cw_test_assert_contains (shown, "Verified by:   aisha merriman\n");
  cw_test_assert_contains (shown, "Owner verifies: The only desk lead on site\n");
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  g_autofree char *closed_on = g_strdup_printf ("Closed on:     %s\n", day);
  cw_test_assert_contains (shown, closed_on);
  cw_test_assert_contains (shown, "Planned on:");
  cw_test_assert_contains (shown, "Verified on:");
  g_autofree char *closed_list = cw_test_cli_ok (ARGS ("action", "list", ws, "--status", "closed"));
  g_auto (GStrv) closed_lines = cw_test_output_lines (closed_list);
  g_assert_cmpuint (g_strv_length (closed_lines), ==, 1);
  cw_test_assert_contains (closed_lines[0], "[verified by its owner: The only desk lead on site]");
  g_autofree char *open_list = cw_test_cli_ok (ARGS ("action", "list", ws, "--status", "open"));
  g_assert_cmpstr (open_list, ==, "");
}

static void
test_new_and_csv (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir);
  g_autofree char *id
    = expect_id (ARGS ("action", "new", ws, "--source", "complaint", "--title",
                       "Call back, \"quickly\"\nsecond line", "--owner", "Ann", "--due",
                       "2030-01-01"));
  g_assert_cmpstr (id, ==, "1");

  g_autofree char *csv = cw_test_cli_ok (ARGS ("action", "list", ws, "--csv"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  const char *const *header = g_ptr_array_index (rows, 0);
  const char *const *row = g_ptr_array_index (rows, 1);
  const char *expected_header[] = { "id",  "title",     "source",    "finding",   "review",
                                    "status", "owner", "due", "check_due", "due_state",
                                    "created_at", "kind", "overdue", "verified_by",
                                    "verifier_justification" };
  for (guint i = 0; i < G_N_ELEMENTS (expected_header); i++)
    g_assert_cmpstr (header[i], ==, expected_header[i]);
  g_assert_cmpstr (row[1], ==, "Call back, \"quickly\"\nsecond line");
  g_assert_cmpstr (row[2], ==, "complaint");
  g_assert_cmpstr (row[3], ==, "");
  g_assert_cmpstr (row[5], ==, "open");
  g_assert_cmpstr (row[7], ==, "2030-01-01");
  g_assert_cmpstr (row[9], ==, "on-track");
  g_assert_cmpstr (row[11], ==, "corrective");
  g_assert_cmpstr (row[12], ==, "none");

  /* The plain listing keeps one record a line. */
  g_autofree char *plain = cw_test_cli_ok (ARGS ("action", "list", ws));
  g_auto (GStrv) lines = cw_test_output_lines (plain);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);

  cw_test_cli_error (ARGS ("action", "new", ws), CLI_USAGE, "--finding");
  cw_test_cli_error (ARGS ("action", "new", ws, "--source", "incident"), CLI_USAGE, "--title");
  cw_test_cli_error (ARGS ("action", "new", ws, "--finding", "1", "--source", "incident"), CLI_USAGE,
                NULL);
  cw_test_cli_error (ARGS ("action", "new", ws, "--source", "gossip", "--title", "T"), CLI_BAD_INPUT,
                "gossip");
  cw_test_cli_error (ARGS ("action", "new", ws, "--source", "internal-audit", "--title", "T"),
                CLI_BAD_INPUT, "finding");
  cw_test_cli_error (ARGS ("action", "new", ws, "--source", "incident", "--title", "T", "--due",
                      "2026-02-30"),
                CLI_BAD_INPUT, "2026-02-30");
  cw_test_cli_error (ARGS ("action", "new", ws, "--finding", "42"), CLI_BAD_INPUT, "42");
  cw_test_cli_error (ARGS ("action", "new", ws, "--finding", "x"), CLI_BAD_INPUT, "x");
  cw_test_cli_error (ARGS ("action", "show", ws, "7"), CLI_BAD_INPUT, "no action 7");
  cw_test_cli_error (ARGS ("action", "show", ws, "-3"), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("action", "list", ws, "--status", "pending"), CLI_BAD_INPUT, "pending");
  cw_test_cli_error (ARGS ("action", "update", ws, id, "--check-due", "soon"), CLI_BAD_INPUT, "soon");
  cw_test_cli_error (ARGS ("action", "update", ws, id, "--cause-category", "luck"), CLI_BAD_INPUT,
                "luck");
  cw_test_cli_error (ARGS ("action", "move", ws, id), CLI_USAGE, NULL);
}

/* Kinds of action, and verification waiting for its check date. */
static void
test_kind_and_check_date (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir);
  g_autofree char *audit = expect_id (ARGS ("audit", "new", ws, "--title", "Incidents"));
  g_autofree char *minor = new_finding (ws, audit, "minor");
  cw_test_cli_error (ARGS ("action", "new", ws, "--finding", minor, "--kind", "improvement"),
                     CLI_BAD_INPUT, "nonconformity");
  cw_test_cli_error (ARGS ("action", "new", ws, "--source", "other", "--title", "T", "--kind",
                           "wish"),
                     CLI_BAD_INPUT, "corrective|improvement");

  /* An improvement is planned with a plan, an owner and a due date. */
  g_autofree char *better = expect_id (ARGS ("action", "new", ws, "--source", "other", "--title",
                                             "Show ages in the register", "--kind",
                                             "improvement", "--owner", "Ann"));
  cw_test_cli_error (ARGS ("action", "move", ws, better, "planned"), CLI_BAD_INPUT,
                     "missing: the action plan; the due date");
  g_free (cw_test_cli_ok (ARGS ("action", "update", ws, better, "--plan", "Add a column",
                                "--due", "2099-01-01", "--check-due", "2099-02-01",
                                "--verified-by", "Bo", "--verification", "Looked")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, better, "planned")));
  g_free (cw_test_cli_ok (ARGS ("action", "move", ws, better, "implemented")));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("action", "show", ws, better));
  cw_test_assert_contains (shown, "Kind:          Improvement\n");
  /* Not verified before its check date, which the refusal names. */
  cw_test_cli_error (ARGS ("action", "move", ws, better, "verified"), CLI_BAD_INPUT,
                     "2099-02-01");
  g_autofree char *list = cw_test_cli_ok (ARGS ("action", "list", ws, "--overdue"));
  g_assert_cmpstr (list, ==, "");
}

static void
test_demo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "demo.clausewise");
  g_free (cw_test_cli_ok (ARGS ("demo", ws)));
  g_autofree char *csv = cw_test_cli_ok (ARGS ("action", "list", ws, "--csv"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = cw_csv_parse (csv, &error);
  g_assert_no_error (error);
  const char *statuses[] = { "open", "planned", "implemented", "verified", "closed" };
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      gboolean seen = FALSE;
      for (guint i = 1; i < rows->len && !seen; i++)
        seen = g_str_equal (((const char *const *) g_ptr_array_index (rows, i))[5], statuses[s]);
      if (!seen)
        g_error ("the demo has no %s action", statuses[s]);
    }
  g_autofree char *overdue = cw_test_cli_ok (ARGS ("action", "list", ws, "--overdue"));
  g_assert_cmpstr (overdue, !=, "");
  g_free (cw_test_cli_ok (ARGS ("review", "show", ws, "1")));
  g_free (cw_test_cli_ok (ARGS ("review", "show", ws, "2")));
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/actions/help", test_help);
  g_test_add_func ("/cli/actions/workflow", test_workflow);
  g_test_add_func ("/cli/actions/new-and-csv", test_new_and_csv);
  g_test_add_func ("/cli/actions/kind-and-check-date", test_kind_and_check_date);
  g_test_add_func ("/cli/actions/demo", test_demo);
  return g_test_run ();
}
