/* test-cli-register.c: clausewise-cli's register and readiness commands as
 * a script sees them: ids on stdout, exit codes, one-line refusals naming
 * what is wrong, an import refused line by line with the file untouched,
 * an export that imports back, and readiness exiting 0 whatever the state.
 * Every case runs the real binary. */
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
test_add_update_list (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_autofree char *id = cw_test_cli_id (
    ARGS ("docs", "add", ws, "CHG-POL", "--title", "Change management policy", "--kind",
          "document", "--clauses", "8.5.1.1, 8.5.1.2", "--status", "approved", "--approved-on",
          "2026-01-15", "--review-due", "2099-01-15", "--version", "2.1", "--owner", "Head of change",
          "--location", "https://intranet.example/chg"));
  g_assert_cmpstr (id, ==, "1");

  /* Bad input: exit 1, one line, the value named; usage errors exit 2. */
  cw_test_cli_error (ARGS ("docs", "add", ws, "X", "--title", "T", "--kind", "memo",
                           "--clauses", "4.3"),
                     CLI_BAD_INPUT, "memo");
  cw_test_cli_error (ARGS ("docs", "add", ws, "X", "--title", "T", "--kind", "document",
                           "--clauses", "4.3", "--status", "current"),
                     CLI_BAD_INPUT, "current");
  cw_test_cli_error (ARGS ("docs", "add", ws, "X", "--title", "T", "--kind", "document",
                           "--clauses", "4.3", "--approved-on", "31/02/2026", "--status",
                           "approved"),
                     CLI_BAD_INPUT, "31/02/2026");
  cw_test_cli_error (ARGS ("docs", "add", ws, "chg-pol", "--title", "T", "--kind",
                           "document", "--clauses", "4.3"),
                     CLI_BAD_INPUT, "already");
  cw_test_cli_error (ARGS ("docs", "add", ws, "X", "--title", "T"), CLI_USAGE, "--kind");
  cw_test_cli_error (ARGS ("docs", "update", ws, "NOPE", "--version", "3"), CLI_BAD_INPUT,
                     "NOPE");
  cw_test_cli_error (ARGS ("docs", "update", ws, "CHG-POL", "--status", "review-due"),
                     CLI_BAD_INPUT, "next review date");

  g_free (cw_test_cli_ok (ARGS ("docs", "update", ws, "CHG-POL", "--version", "2.2")));
  g_autofree char *list = cw_test_cli_ok (ARGS ("docs", "list", ws));
  cw_test_assert_contains (list, "CHG-POL\tdocument\tapproved\t2.2\tHead of change\t2026-01-15");
  /* "register", the commands' earlier name, still works for scripts. */
  g_autofree char *aliased = cw_test_cli_ok (ARGS ("register", "list", ws));
  g_assert_cmpstr (aliased, ==, list);
  cw_test_assert_contains (list, "8.5.1.1 8.5.1.2");
  /* The mandatory items nothing serves are listed after the entries. */
  cw_test_assert_contains (list, "missing\t4.3 document (mandatory)");
  g_assert_null (strstr (list, "8.5.1.1 document (mandatory)"));

  g_autofree char *items = cw_test_cli_ok (ARGS ("docs", "list", ws, "--items", "--csv"));
  cw_test_assert_contains (items, "clause,kind,mandatory,status,entries,expected\r\n");
  cw_test_assert_contains (items, "8.5.1.1,document,mandatory,approved,CHG-POL,");

  g_free (cw_test_cli_ok (ARGS ("docs", "withdraw", ws, "CHG-POL")));
  cw_test_cli_error (ARGS ("docs", "withdraw", ws, "CHG-POL"), CLI_BAD_INPUT, "withdrawn");
  g_autofree char *after = cw_test_cli_ok (ARGS ("docs", "list", ws, "--items", "--gaps"));
  cw_test_assert_contains (after, "8.5.1.1\tdocument\tmandatory\tmissing\t");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

static void
test_import_export (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  g_autofree char *bad = cw_test_path (dir, "bad.csv");
  const char bad_csv[] = "reference,title,kind,clauses,approved_on,status\n"
                         "SMS-SCOPE,Scope,document,4.3,2026-01-10,approved\n"
                         "SLA,Service level agreements,document,8.3.3,2026-01-10,approved\n"
                         "ISP,Security policy,document,8.7.3.1,31/02/2026,approved\n"
                         "RFC,Requests for change,record,8.5.1.2,,pending\n";
  cw_test_write (bad, bad_csv, sizeof bad_csv - 1);
  g_autoptr (GBytes) before = cw_test_read (ws);
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("docs", "import", ws, bad), &out, &err), ==,
                   CLI_BAD_INPUT);
  g_assert_cmpstr (out, ==, "");
  cw_test_assert_contains (err, "clausewise-cli: Nothing was imported");
  cw_test_assert_contains (err, "\nclausewise-cli: line 4: approved on: “31/02/2026”");
  cw_test_assert_contains (err, "\nclausewise-cli: line 5: the status “pending”");
  g_assert_null (strstr (err, "line 2:"));
  cw_test_assert_untouched (ws, before);

  g_autofree char *good = cw_test_path (dir, "good.csv");
  const char good_csv[] = "reference,title,kind,clauses,approved_on,status\n"
                          "SMS-SCOPE,Scope,document,4.3,2026-01-10,approved\n"
                          "\"SLA\",\"Service level agreements, all customers\",document,"
                          "\"8.3.3 8.3.2\",2026-01-10,approved\n";
  cw_test_write (good, good_csv, sizeof good_csv - 1);
  g_autofree char *imported = cw_test_cli_ok (ARGS ("docs", "import", ws, good));
  g_assert_cmpstr (imported, ==, "2 entries added or changed\n");

  g_autofree char *exported = cw_test_cli_ok (ARGS ("docs", "export", ws));
  cw_test_assert_contains (exported, "SLA,\"Service level agreements, all customers\",document,"
                                     "8.3.2 8.3.3,,,2026-01-10,,approved,,\r\n");
  g_autofree char *file = cw_test_path (dir, "out.csv");
  g_free (cw_test_cli_ok (ARGS ("docs", "export", ws, "-o", file)));
  g_autofree char *written = NULL;
  g_assert_true (g_file_get_contents (file, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, exported);

  /* Into a new workspace, it exports the same again. */
  g_autofree char *dir2 = NULL;
  g_autofree char *ws2 = new_workspace (&dir2);
  g_free (cw_test_cli_ok (ARGS ("docs", "import", ws2, file)));
  g_autofree char *again = cw_test_cli_ok (ARGS ("docs", "export", ws2));
  g_assert_cmpstr (again, ==, exported);

  cw_test_cli_error (ARGS ("docs", "import", ws, dir), CLI_BAD_INPUT, "CSV");
  cw_test_cli_error (ARGS ("docs", "export", ws, "-o", ws), CLI_BAD_INPUT, NULL);
}

static void
test_readiness (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *ws = new_workspace (&dir);
  /* Not ready at all, and still exit 0: the state is the output. */
  g_autofree char *out = cw_test_cli_ok (ARGS ("readiness", ws));
  cw_test_assert_contains (out, "Stage One: no date set");
  cw_test_assert_contains (out, "\nStage One\nred    Scope of the SMS and its services: ");
  cw_test_assert_contains (out, "clause 4.3 document");
  cw_test_assert_contains (out, "\nStage Two\n");

  g_autofree char *one = cw_test_cli_ok (ARGS ("readiness", ws, "--stage", "1", "--csv"));
  cw_test_assert_contains (one, "stage,criterion,colour,reason,records\r\n");
  cw_test_assert_contains (one, "1,mandatory-documents,red,");
  g_assert_null (strstr (one, "\r\n2,"));
  g_autofree char *two = cw_test_cli_ok (ARGS ("readiness", ws, "--stage", "two", "--csv"));
  cw_test_assert_contains (two, "2,no-open-major,green,");
  g_assert_null (strstr (two, "\r\n1,"));
  cw_test_cli_error (ARGS ("readiness", ws, "--stage", "3"), CLI_BAD_INPUT, "“3”");

  /* The cycle after certification: said to be not there yet, then shown
   * after the two stages once the certificate's day is set; a certificate
   * before Stage Two is refused. */
  g_autofree char *none = cw_test_cli_ok (ARGS ("readiness", ws, "--stage", "cycle"));
  cw_test_assert_contains (none, "Not certified yet");
  g_assert_null (strstr (out, "After certification"));
  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--certified-on", "2026-01-05")));
  g_autofree char *certified = cw_test_cli_ok (ARGS ("readiness", ws));
  cw_test_assert_contains (certified, "\nAfter certification\n");
  cw_test_assert_contains (certified, "Certificate expiry: 2029-01-04");
  cw_test_assert_contains (certified, "First surveillance audit: Due by 2027-01-05");
  g_autofree char *cycle = cw_test_cli_ok (ARGS ("readiness", ws, "--stage", "cycle", "--csv"));
  cw_test_assert_contains (cycle, "3,certificate,");
  cw_test_assert_contains (cycle, "3,recertification,");
  g_assert_null (strstr (cycle, "\r\n2,"));
  cw_test_cli_error (ARGS ("organisation", "set", ws, "--stage-two", "2026-02-01"),
                     CLI_BAD_INPUT, "before Stage Two");
  cw_test_cli_error (ARGS ("organisation", "set", ws, "--certified-on", "2026-02-30"),
                     CLI_BAD_INPUT, "--certified-on");

  g_free (cw_test_cli_ok (ARGS ("readiness", "window", ws, "18")));
  g_autofree char *months
    = cw_test_sql_text (ws, "SELECT coverage_months FROM organisation WHERE id = 1");
  g_assert_cmpstr (months, ==, "18");
  cw_test_cli_error (ARGS ("readiness", "window", ws, "0"), CLI_BAD_INPUT, "months");
  cw_test_cli_error (ARGS ("readiness", "window", ws, "forty"), CLI_BAD_INPUT, "forty");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/register/add-update-list", test_add_update_list);
  g_test_add_func ("/cli/register/import-export", test_import_export);
  g_test_add_func ("/cli/register/readiness", test_readiness);
  return g_test_run ();
}
