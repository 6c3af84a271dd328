/* test-cli-findings.c: correcting and deleting findings with clausewise-cli
 * as a script sees it: the number printed, exit codes, one-line errors that
 * name the reason, and nothing written when a command is refused. Every case
 * runs the real binary. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *audit;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cw_test_make_dir ();
  f->path = cw_test_path (f->dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", f->path)));
  f->audit = cw_test_cli_id (ARGS ("audit", "new", f->path, "--title", "Incidents", "--scope",
                                   "8.6.1"));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->audit);
  g_free (f->path);
  g_free (f->dir);
}

static char *
new_finding (Fixture *f, const char *grade, const char *statement)
{
  return cw_test_cli_id (ARGS ("finding", "new", f->path, f->audit, "--clause", "8.6.1",
                               "--grade", grade, "--requirement", "PRI-01 sets priorities.",
                               "--evidence", "Twenty incidents of May sampled.", "--statement", statement,
                               "--grade-reason", "A single lapse."));
}

static gint64
history_count (Fixture *f)
{
  return cw_test_sql_int (f->path, "SELECT count(*) FROM history");
}

static void
test_help (void)
{
  g_autofree char *overview = cw_test_cli_ok (ARGS ("--help"));
  cw_test_assert_contains (overview, "finding update");
  cw_test_assert_contains (overview, "finding delete");
  g_autofree char *update = cw_test_cli_ok (ARGS ("finding", "update", "--help"));
  cw_test_assert_contains (update, "--statement");
  cw_test_assert_contains (update, "--grade-reason");
  cw_test_assert_contains (update, "--raised");
  g_autofree char *remove = cw_test_cli_ok (ARGS ("finding", "delete", "--help"));
  cw_test_assert_contains (remove, "clausewise-cli finding delete ");
  cw_test_cli_error (ARGS ("finding"), CLI_USAGE, "update, delete");
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autofree char *other = new_finding (f, "minor", "INC-60400 not prioritised.");
  g_autofree char *id = new_finding (f, "minor", "INC-60417 not prioritised.");

  g_autofree char *out
    = cw_test_cli_ok (ARGS ("finding", "update", f->path, id, "--statement",
                            "INC-60417 was logged P3 during a site outage."));
  g_assert_cmpstr (out, ==, "NC-2\n");
  g_autofree char *sql = g_strdup_printf ("SELECT statement FROM finding WHERE id = %s", id);
  g_autofree char *stored = cw_test_sql_text (f->path, sql);
  g_assert_cmpstr (stored, ==, "INC-60417 was logged P3 during a site outage.");
  g_autofree char *other_sql = g_strdup_printf ("SELECT statement FROM finding WHERE id = %s", other);
  g_autofree char *other_stored = cw_test_sql_text (f->path, other_sql);
  g_assert_cmpstr (other_stored, ==, "INC-60400 not prioritised.");
  g_autofree char *found = cw_test_cli_ok (ARGS ("search", f->path, "outage"));
  cw_test_assert_contains (found, "outage");

  /* Into another series: the printed number is the new one. */
  g_autofree char *regraded
    = cw_test_cli_ok (ARGS ("finding", "update", f->path, id, "--grade", "ofi"));
  g_assert_cmpstr (regraded, ==, "OFI-1\n");
  g_autofree char *check = cw_test_cli_ok (ARGS ("check", f->path));
}

static void
test_update_refused (Fixture *f, gconstpointer data)
{
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", f->path, f->audit, "8.6.1.q1", "minor")));
  g_autofree char *id = cw_test_cli_id (
    ARGS ("finding", "new", f->path, f->audit, "--question", "8.6.1.q1", "--grade", "minor",
          "--requirement", "PRI-01 sets priorities.", "--evidence", "INC-60417 logged P3.",
          "--statement", "Not prioritised as required."));
  gint64 entries = history_count (f);

  /* The grade must stay the answer's; both are named. */
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--grade", "major"), CLI_BAD_INPUT,
                     "Minor");
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--grade", "major"), CLI_BAD_INPUT,
                     "Major");
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--statement", " "), CLI_BAD_INPUT,
                     "statement");
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--raised", "2026-13-01"),
                     CLI_BAD_INPUT, "2026-13-01");
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--grade", "severe"), CLI_BAD_INPUT,
                     "severe");
  cw_test_cli_error (ARGS ("finding", "update", f->path, "99", "--statement", "x"),
                     CLI_BAD_INPUT, "99");
  cw_test_cli_error (ARGS ("finding", "update", f->path, "first", "--statement", "x"),
                     CLI_BAD_INPUT, "first");
  cw_test_cli_error (ARGS ("finding", "update", f->path, id), CLI_USAGE, "at least one");
  g_assert_cmpint (history_count (f), ==, entries);
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *kept = new_finding (f, "minor", "INC-60400 not prioritised.");
  g_autofree char *id = new_finding (f, "minor", "INC-60417 not prioritised.");
  g_autofree char *out = cw_test_cli_ok (ARGS ("finding", "delete", f->path, id));
  g_assert_cmpstr (out, ==, "");
  g_autofree char *list = cw_test_cli_ok (ARGS ("finding", "list", f->path));
  cw_test_assert_contains (list, "INC-60400");
  g_assert_null (strstr (list, "INC-60417"));
  g_autofree char *found = cw_test_cli_ok (ARGS ("search", f->path, "INC-60417"));
  g_assert_null (strstr (found, "finding"));

  /* Its number is not given again. */
  g_autofree char *next = new_finding (f, "minor", "INC-60450 not prioritised.");
  g_autofree char *updated = cw_test_cli_ok (ARGS ("finding", "update", f->path, next,
                                                   "--grade-reason", "One of twenty."));
  g_assert_cmpstr (updated, ==, "NC-3\n");

  gint64 entries = history_count (f);
  cw_test_cli_error (ARGS ("finding", "delete", f->path, id), CLI_BAD_INPUT, id);
  g_autofree char *action = cw_test_cli_id (ARGS ("action", "new", f->path, "--finding", kept));
  g_assert_cmpint (history_count (f), >, entries);
  entries = history_count (f);
  g_autofree char *named = g_strdup_printf ("action %s", action);
  cw_test_cli_error (ARGS ("finding", "delete", f->path, kept), CLI_BAD_INPUT, named);
  cw_test_cli_error (ARGS ("finding", "delete", f->path, kept), CLI_BAD_INPUT,
                     "delete or detach");
  cw_test_cli_error (ARGS ("finding", "delete", f->path, kept, "extra"), CLI_USAGE, NULL);
  g_assert_cmpint (history_count (f), ==, entries);
  g_autofree char *check = cw_test_cli_ok (ARGS ("check", f->path));
}

static void
test_frozen (Fixture *f, gconstpointer data)
{
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", f->path, f->audit, "8.6.1.q1", "conforming")));
  g_autofree char *id = new_finding (f, "ofi", "Priorities could be shown on the board.");
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (f->path, &error);
    g_assert_no_error (error);
    cw_test_issue_audit (workspace, g_ascii_strtoll (f->audit, NULL, 10));
  }
  gint64 entries = history_count (f);
  cw_test_cli_error (ARGS ("finding", "update", f->path, id, "--statement", "Later."),
                     CLI_BAD_INPUT, "revise");
  cw_test_cli_error (ARGS ("finding", "delete", f->path, id), CLI_BAD_INPUT, "revise");
  g_assert_cmpint (history_count (f), ==, entries);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/findings/help", test_help);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/findings/update", test_update);
  ADD ("/cli/findings/update-refused", test_update_refused);
  ADD ("/cli/findings/delete", test_delete);
  ADD ("/cli/findings/frozen", test_frozen);
  return g_test_run ();
}
