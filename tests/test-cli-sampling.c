/* test-cli-sampling.c: clausewise-cli audit sample as a script sees it: the
 * id on stdout, the suggested size when none is given, and one-line refusals
 * (a sample larger than its population, an unknown method, a count that is
 * no number) that leave the history as it was. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

static void
test_sample (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "w.clausewise");
  g_free (cw_test_cli_ok (ARGS ("init", ws)));
  g_autofree char *audit = cw_test_cli_id (
    ARGS ("audit", "new", ws, "--title", "Change audit", "--scope", "8.5"));

  gint64 before = cw_test_sql_int (ws, "SELECT count(*) FROM history");
  cw_test_cli_error (ARGS ("audit", "sample", ws, audit, "--reference", "RFC export",
                           "--population-size", "10", "--size", "11", "--method", "random"),
                     CLI_BAD_INPUT, "larger than its population of 10");
  cw_test_cli_error (ARGS ("audit", "sample", ws, audit, "--reference", "RFC export",
                           "--population-size", "10", "--size", "5", "--exceptions", "6",
                           "--method", "random"),
                     CLI_BAD_INPUT, "6 exceptions");
  cw_test_cli_error (ARGS ("audit", "sample", ws, audit, "--reference", "RFC export",
                           "--population-size", "10", "--method", "haphazard"),
                     CLI_BAD_INPUT, "haphazard");
  cw_test_cli_error (ARGS ("audit", "sample", ws, audit, "--reference", "RFC export",
                           "--population-size", "-3", "--method", "random"),
                     CLI_BAD_INPUT, "-3");
  cw_test_cli_error (ARGS ("audit", "sample", ws, audit, "--reference", "RFC export",
                           "--method", "random"),
                     CLI_USAGE, "--population-size");
  cw_test_cli_error (ARGS ("audit", "sample", ws, "99", "--reference", "RFC export",
                           "--population-size", "10", "--method", "random"),
                     CLI_BAD_INPUT, "99");
  g_assert_cmpint (cw_test_sql_int (ws, "SELECT count(*) FROM history"), ==, before);

  /* No size: Clausewise's suggestion (400 items: 20). */
  g_autofree char *id = cw_test_cli_id (
    ARGS ("audit", "sample", ws, audit, "--reference", "RFC-2204 to RFC-2603", "--population",
          "Changes closed Jun-Aug", "--population-size", "400", "--method", "systematic",
          "--items", "every 20th change from RFC-2210", "--exceptions", "1", "--question",
          "8.5.1.3.q1"));
  g_autofree char *sql = g_strdup_printf (
    "SELECT sample_size || '/' || population_size || ' ' || sample_method || ' '"
    " || sample_exceptions FROM evidence WHERE id = %s", id);
  g_autofree char *stored = cw_test_sql_text (ws, sql);
  g_assert_cmpstr (stored, ==, "20/400 systematic 1");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/sampling/sample", test_sample);
  return g_test_run ();
}
