/* test-cli-audits.c: an audit's lifecycle through clausewise-cli as a
 * script drives it: plan, meetings, issue, revise, close, with each
 * refusal exiting 1 and naming what is missing. Every case runs the real
 * binary. */
#include "config.h"

#include "cw-date.h"
#include "cw-test-util.h"

static void
test_lifecycle (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  g_autofree char *audit = cw_test_cli_id (
    ARGS ("audit", "new", ws, "--title", "Incidents", "--scope", "8.6.1", "--start", "2026-05-04"));
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);

  g_free (cw_test_cli_ok (ARGS ("audit", "sites", ws, audit, "Head office, Bristol")));
  g_free (cw_test_cli_ok (ARGS ("audit", "session", ws, audit, "--day", "2026-05-04", "--time",
                                "09:00", "--subject", "8.6.1 Incidents", "--auditee", "Sam",
                                "--auditor", "Ada")));
  cw_test_cli_error (ARGS ("audit", "session", ws, audit, "--day", "2026-05-04"), CLI_USAGE,
                     "--subject");
  cw_test_cli_error (ARGS ("audit", "meeting", ws, audit, "lunch", "--date", day, "--attendees",
                           "Ada"),
                     CLI_BAD_INPUT, "opening or closing");
  g_free (cw_test_cli_ok (ARGS ("audit", "meeting", ws, audit, "opening", "--date", day,
                                "--attendees", "Ada Auditor, Sam Service")));
  cw_test_cli_error (ARGS ("audit", "issue", ws, audit), CLI_BAD_INPUT, "only planned");

  g_free (cw_test_cli_ok (ARGS ("audit", "answer", ws, audit, "8.6.1.q1", "minor")));
  cw_test_cli_error (ARGS ("finding", "new", ws, audit, "--question", "8.6.1.q1", "--grade",
                           "major", "--requirement", "R", "--evidence", "E", "--statement", "S"),
                     CLI_BAD_INPUT, "must agree with the answer");
  g_autofree char *finding = cw_test_cli_id (
    ARGS ("finding", "new", ws, audit, "--question", "8.6.1.q1", "--grade", "minor",
          "--requirement", "PRI-01 sets priorities.", "--evidence", "INC-60417 logged P3.",
          "--statement", "Not prioritised as required.", "--raised", "2026-05-04"));
  cw_test_cli_error (ARGS ("audit", "issue", ws, audit), CLI_BAD_INPUT,
                     "record the closing meeting; say why NC-1 got its grade");
  cw_test_cli_error (ARGS ("audit", "close", ws, audit), CLI_BAD_INPUT, "issue its report");

  g_free (cw_test_cli_ok (ARGS ("audit", "meeting", ws, audit, "closing", "--date", day,
                                "--attendees", "Ada Auditor, Sam Service", "--response",
                                "Accepted", "--diverging", "None")));
  cw_test_sql (ws, "UPDATE finding SET grade_reason = 'A single lapse'");
  g_autofree char *issued = cw_test_cli_ok (ARGS ("audit", "issue", ws, audit));
  cw_test_assert_contains (issued, "Issued version 1 of the report of audit 1");
  cw_test_cli_error (ARGS ("audit", "answer", ws, audit, "8.6.1.q2", "conforming"),
                     CLI_BAD_INPUT, "revise the audit first");
  cw_test_cli_error (ARGS ("audit", "revise", ws, audit), CLI_USAGE, "--reason");
  g_free (cw_test_cli_ok (ARGS ("audit", "revise", ws, audit, "--reason", "Sample was short")));
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", ws, audit, "8.6.1.q2", "conforming")));
  g_autofree char *again = cw_test_cli_ok (ARGS ("audit", "issue", ws, audit));
  cw_test_assert_contains (again, "Issued version 2");

  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "show", ws, audit));
  cw_test_assert_contains (shown, "Status:      Issued\n");
  cw_test_assert_contains (shown, "Sites:       Head office, Bristol\n");
  g_autofree char *closing = g_strdup_printf ("Closing:     %s, with Ada Auditor, Sam Service\n",
                                              day);
  cw_test_assert_contains (shown, closing);
  g_autofree char *second
    = g_strdup_printf ("Report:      version 2 issued on %s by", day);
  cw_test_assert_contains (shown, second);
  cw_test_assert_contains (shown, "; Sample was short\n");
  cw_test_assert_contains (shown, "  1\t2026-05-04\t09:00\t8.6.1 Incidents\tSam\tAda\n");
  cw_test_assert_contains (shown, "  NC-1\t8.6.1.q1\tminor\t2026-05-04\tOpen\n");

  cw_test_cli_error (ARGS ("audit", "close", ws, audit), CLI_BAD_INPUT,
                     "raise a corrective action for NC-1");

  /* A later audit on the clause lists NC-1 to follow up, and records it. */
  g_autofree char *later = cw_test_cli_id (
    ARGS ("audit", "new", ws, "--title", "Follow-up", "--scope", "8.6"));
  g_autofree char *before = cw_test_cli_ok (ARGS ("audit", "show", ws, later));
  cw_test_assert_contains (before, "Earlier nonconformities to follow up:\n  1\tNC-1 of audit 1"
                                   "\t8.6.1\tno action\tnot followed up\n");
  cw_test_cli_error (ARGS ("audit", "follow-up", ws, later, finding), CLI_USAGE, "--note");
  g_free (cw_test_cli_ok (ARGS ("audit", "follow-up", ws, later, finding, "--note",
                                "Thirty incidents since: all prioritised right")));
  g_autofree char *after = cw_test_cli_ok (ARGS ("audit", "show", ws, later));
  cw_test_assert_contains (after, "\tfollowed up in audit 2\n");
}

/* An upgraded older file is sound; what its records lack by today's rules
 * is listed as warnings, and check still exits 0. */
static void
test_check_warns (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "workspace-v3.clausewise", NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  g_autofree char *ws = cw_test_path (dir, "v3.clausewise");
  cw_test_write (ws, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  CwWorkspace *upgraded = cw_workspace_open (ws, &error);
  g_assert_no_error (error);
  g_object_unref (upgraded);
  g_autofree char *out = cw_test_cli_ok (ARGS ("check", ws));
  cw_test_assert_contains (out, " is sound: ");
  cw_test_assert_contains (out, "\nWarning: Audit 2 was issued without its closing meeting "
                                "recorded");
}

/* The programme through the command line: its refusals, and a coverage
 * listing a script can read. */
static void
test_programme (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "p.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  cw_test_cli_error (ARGS ("programme", "show", ws), CLI_BAD_INPUT, "programme start");
  cw_test_cli_error (ARGS ("programme", "start", ws), CLI_USAGE, "--date");
  cw_test_cli_error (ARGS ("programme", "start", ws, "--date", "2026-13-01"), CLI_BAD_INPUT,
                     "2026-13-01");
  cw_test_cli_error (ARGS ("programme", "start", ws, "--date", "2026-01-01", "--years", "0"),
                     CLI_BAD_INPUT, "one to five years");
  g_free (cw_test_cli_ok (ARGS ("programme", "start", ws, "--date", "2026-01-01")));
  cw_test_cli_error (ARGS ("programme", "importance", ws, "8.6", "urgent"), CLI_BAD_INPUT,
                     "high, normal or low");
  cw_test_cli_error (ARGS ("programme", "importance", ws, "8.99", "high"), CLI_BAD_INPUT,
                     "8.99");
  g_free (cw_test_cli_ok (ARGS ("programme", "importance", ws, "8.6", "high")));
  g_autofree char *csv = cw_test_cli_ok (ARGS ("programme", "show", ws, "--csv"));
  cw_test_assert_contains (csv, "clause,importance,last_audited,last_audit,worst,next_due,"
                                "planned_audit,planned_on,coverage\r\n");
  cw_test_assert_contains (csv, "\r\n8.6.1,high,,,,2027-01-01,,,");
  g_autofree char *gaps = cw_test_cli_ok (ARGS ("programme", "show", ws, "--gaps"));
  cw_test_assert_contains (gaps, "Programme of 3 years from 2026-01-01\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/audits/lifecycle", test_lifecycle);
  g_test_add_func ("/cli/audits/check-warns", test_check_warns);
  g_test_add_func ("/cli/audits/programme", test_programme);
  return g_test_run ();
}
