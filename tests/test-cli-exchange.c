/* test-cli-exchange.c: the exchange commands as a lead auditor's script uses
 * them: assign, import into an auditor's workspace, export a return, a dry
 * run that changes nothing, the merge with its conflicts listed field by
 * field, resolve; and every refusal exiting non-zero with one line naming
 * the problem and the workspace left byte for byte as it was. */
#include "config.h"

#include <string.h>

#include "cw-test-util.h"

static void
test_team (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *lead = cw_test_path (dir, "lead.clausewise");
  g_autofree char *auditor = cw_test_path (dir, "auditor.clausewise");
  g_autofree char *given = cw_test_path (dir, "given.xml");
  g_autofree char *back = cw_test_path (dir, "back.xml");
  g_free (cw_test_cli_ok (ARGS ("demo", lead)));
  g_free (cw_test_cli_ok (ARGS ("assign", lead, "2", "--auditor", "Rhys Penhallow", "--clauses",
                                "8.5.3, 10.1", "-o", given)));
  g_free (cw_test_cli_ok (ARGS ("init", auditor)));
  g_autofree char *got = cw_test_cli_ok (ARGS ("import", auditor, given));
  cw_test_assert_contains (got, "assignment of Rhys Penhallow");
  cw_test_assert_contains (got, "conflicts\t0");
  g_autofree char *audits = cw_test_cli_ok (ARGS ("audit", "list", auditor));
  cw_test_assert_contains (audits, "Follow-up audit: change and release management");

  /* Both change the same answer. */
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", auditor, "1", "8.5.3.q2", "minor", "--note",
                                "Rollback never tried; RDP-01 asks for it")));
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", lead, "2", "8.5.3.q2", "ofi", "--note",
                                "Try a rollback")));
  g_free (cw_test_cli_ok (ARGS ("export", "audit", auditor, "1", "-o", back)));

  g_autoptr (GBytes) before = cw_test_read (lead);
  g_autofree char *dry = cw_test_cli_ok (ARGS ("import", lead, back, "--dry-run"));
  cw_test_assert_contains (dry, "Would import from back.xml");
  cw_test_assert_contains (dry, "conflicts\t1");
  cw_test_assert_contains (dry, "\nconflict\tAnswer 8.5.3.q2\tresult note answered-at\n");
  cw_test_assert_untouched (lead, before);

  g_autofree char *merged = cw_test_cli_ok (ARGS ("import", lead, back));
  cw_test_assert_contains (merged, "conflicts\t1");
  cw_test_assert_contains (merged, "\tresult\n\t\tours: ofi\n\t\ttheirs: minor\n");
  g_autofree char *listed = cw_test_cli_ok (ARGS ("conflicts", lead));
  cw_test_assert_contains (listed, "1\topen\tanswer\tAnswer 8.5.3.q2\t");

  cw_test_cli_error (ARGS ("resolve", lead, "1", "--take", "colour"), 1, "colour");
  cw_test_cli_error (ARGS ("resolve", lead, "1"), 2, "--take");
  cw_test_cli_error (ARGS ("resolve", lead, "7", "--take", "ours"), 1, "no conflict 7");
  g_free (cw_test_cli_ok (ARGS ("resolve", lead, "1", "--take", "result, note")));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "show", lead, "2"));
  cw_test_assert_contains (shown, "8.5.3.q2\tminor\tRollback never tried; RDP-01 asks for it");
  g_autofree char *all = cw_test_cli_ok (ARGS ("conflicts", lead, "--all"));
  cw_test_assert_contains (all, "1\tresolved\tanswer\tAnswer 8.5.3.q2\ttheirs: result, note");
  g_autofree char *checked = cw_test_cli_ok (ARGS ("check", lead));
  cw_test_assert_contains (checked, "is sound");

  /* The same return again changes nothing. */
  g_autofree char *again = cw_test_cli_ok (ARGS ("import", lead, back));
  cw_test_assert_contains (again, "added\t0\nupdated\t0\n");
  cw_test_assert_contains (again, "conflicts\t0");
}

static void
test_refusals (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "w.clausewise");
  g_autofree char *out = cw_test_path (dir, "out.xml");
  g_free (cw_test_cli_ok (ARGS ("demo", ws)));
  g_autoptr (GBytes) before = cw_test_read (ws);

  cw_test_cli_error (ARGS ("export", "workspace", ws), 2, "--output");
  cw_test_cli_error (ARGS ("assign", ws, "2", "-o", out), 2, "--auditor");
  cw_test_cli_error (ARGS ("assign", ws, "2", "--auditor", "Rhys", "--clauses", "7.1", "-o", out),
                     1, "not in the scope");
  cw_test_cli_error (ARGS ("export", "audit", ws, "99", "-o", out), 1, "99");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_autofree char *bad = cw_test_path (dir, "bad.xml");
  const char *doctype = "<?xml version='1.0'?><!DOCTYPE exchange [<!ENTITY x 'x'>]><exchange/>";
  cw_test_write (bad, doctype, strlen (doctype));
  cw_test_cli_error (ARGS ("import", ws, bad), 1, "DTD");
  cw_test_cli_error (ARGS ("import", ws, "/nonexistent/file.xml"), 1, "file.xml");
  cw_test_assert_untouched (ws, before);

  /* A register and a whole workspace write and read back. */
  g_autofree char *reg = cw_test_path (dir, "register.xml");
  g_free (cw_test_cli_ok (ARGS ("export", "register", ws, "-o", reg)));
  g_autofree char *whole = cw_test_path (dir, "whole.xml");
  g_free (cw_test_cli_ok (ARGS ("export", "workspace", ws, "-o", whole)));
  g_autofree char *copy = cw_test_path (dir, "copy.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", copy)));
  g_autofree char *imported = cw_test_cli_ok (ARGS ("import", copy, whole));
  cw_test_assert_contains (imported, "conflicts\t0");
  g_autofree char *checked = cw_test_cli_ok (ARGS ("check", copy));
  cw_test_assert_contains (checked, "is sound");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/exchange/team", test_team);
  g_test_add_func ("/cli/exchange/refusals", test_refusals);
  return g_test_run ();
}
