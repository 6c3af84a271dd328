/* test-cli-people.c: clausewise-cli's people and independence commands as a
 * script sees them: ids on stdout, exit codes, refusals on one line naming
 * every person and area at once, an unknown person, and the workspace's
 * history unchanged by every refusal. Every case runs the real binary. */
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

static gint64
history_count (const char *ws)
{
  return cw_test_sql_int (ws, "SELECT count(*) FROM history");
}

static void
test_people (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_autofree char *id = cw_test_cli_id (ARGS ("person", "add", ws, "Tomasz Brennan", "--role",
                                              "Change manager", "--areas", "8.5.1, 8.5.3"));
  g_assert_cmpstr (id, ==, "1");
  g_free (cw_test_cli_ok (ARGS ("person", "add", ws, "Margaret Sefton", "--role", "Auditor")));

  gint64 before = history_count (ws);
  cw_test_cli_error (ARGS ("person", "add", ws, "Ann", "--areas", "8.5,12"), CLI_BAD_INPUT,
                     "12");
  cw_test_cli_error (ARGS ("person", "add", ws, " "), CLI_BAD_INPUT, "name");
  cw_test_cli_error (ARGS ("person", "areas", ws, "Nobody Known", "8.5"), CLI_BAD_INPUT,
                     "Nobody Known");
  cw_test_cli_error (ARGS ("person", "areas", ws, "Tomasz Brennan"), CLI_USAGE, NULL);
  g_assert_cmpint (history_count (ws), ==, before);

  /* Areas are matched by name, however it is typed; a sub-clause of an
   * area already listed adds nothing. */
  g_free (cw_test_cli_ok (ARGS ("person", "areas", ws, "tomasz brennan", "8.5.1,8.5.1.2,8.6.1",
                                "--role", "Change and incident manager")));
  g_autofree char *list = cw_test_cli_ok (ARGS ("person", "list", ws));
  cw_test_assert_contains (list, "Margaret Sefton\tAuditor\t\n");
  cw_test_assert_contains (list, "Tomasz Brennan\tChange and incident manager\t8.5.1,8.6.1\n");
  g_free (cw_test_cli_ok (ARGS ("person", "areas", ws, "Tomasz Brennan", "")));
  g_free (list);
  list = cw_test_cli_ok (ARGS ("person", "list", ws));
  cw_test_assert_contains (list, "Tomasz Brennan\tChange and incident manager\t\n");
  g_autofree char *csv = cw_test_cli_ok (ARGS ("person", "list", ws, "--csv"));
  cw_test_assert_contains (csv, "name,role,areas\r\n");
}

static void
test_independence (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_free (cw_test_cli_ok (ARGS ("person", "add", ws, "Tomasz Brennan", "--areas", "8.5.1,8.5.3")));
  g_free (cw_test_cli_ok (ARGS ("person", "add", ws, "Fiona Lindqvist", "--areas", "9.2,10.1")));
  g_free (cw_test_cli_ok (ARGS ("person", "add", ws, "Margaret Sefton")));

  /* The refusal names each person and area, on one line. */
  gint64 before = history_count (ws);
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "Change audit", "--scope", "8.5,10.1",
                           "--lead", "Fiona Lindqvist", "--team", "Tomasz Brennan"),
                     CLI_BAD_INPUT,
                     "Fiona Lindqvist is responsible for 10.1; Tomasz Brennan is responsible for "
                     "8.5.1, 8.5.3");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "Change audit", "--scope", "8.5",
                           "--lead", "Margaret Sefton", "--team", "Tomasz Brennan", "--justify",
                           "no colon here"),
                     CLI_BAD_INPUT, "NAME: ");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "Change audit", "--scope", "8.5",
                           "--lead", "Margaret Sefton", "--justify", "Nobody Known: because"),
                     CLI_BAD_INPUT, "Nobody Known");
  g_assert_cmpint (history_count (ws), ==, before);

  g_autofree char *audit = cw_test_cli_id (
    ARGS ("audit", "new", ws, "--title", "Change audit", "--scope", "8.5", "--lead",
          "Margaret Sefton", "--team", "tomasz brennan", "--justify",
          "Tomasz Brennan: Only change specialist; shadowed throughout"));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "independence", ws, audit));
  cw_test_assert_contains (shown, "Margaret Sefton\tlead auditor\tindependent of the areas audited\n");
  cw_test_assert_contains (shown, "Tomasz Brennan\tauditor\taudits own areas 8.5.1, 8.5.3: Only "
                                  "change specialist; shadowed throughout\n");

  before = history_count (ws);
  cw_test_cli_error (ARGS ("audit", "independence", ws, audit, "--person", "Nobody Known",
                           "--justification", "x"),
                     CLI_BAD_INPUT, "no person called “Nobody Known”");
  cw_test_cli_error (ARGS ("audit", "independence", ws, audit, "--person", "Fiona Lindqvist",
                           "--justification", "x"),
                     CLI_BAD_INPUT, "not the lead auditor or on the team");
  cw_test_cli_error (ARGS ("audit", "independence", ws, audit, "--person", "Tomasz Brennan",
                           "--remove"),
                     CLI_BAD_INPUT, "8.5.1, 8.5.3");
  cw_test_cli_error (ARGS ("audit", "independence", ws, audit, "--person", "Tomasz Brennan"),
                     CLI_USAGE, "--justification or --remove");
  cw_test_cli_error (ARGS ("audit", "independence", ws, "99"), CLI_BAD_INPUT, "99");
  g_assert_cmpint (history_count (ws), ==, before);

  g_autofree char *changed = cw_test_cli_ok (ARGS ("audit", "independence", ws, audit, "--person",
                                                   "Tomasz Brennan", "--justification",
                                                   "Peer-reviewed by Margaret Sefton"));
  cw_test_assert_contains (changed, "audits own areas 8.5.1, 8.5.3: Peer-reviewed by Margaret");
  g_assert_cmpint (history_count (ws), >, before);
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/people/people", test_people);
  g_test_add_func ("/cli/people/independence", test_independence);
  return g_test_run ();
}
