/* test-cli-language.c: a workspace's reports speak its language, chosen with
 * `organisation set --language`, or the language `report --language` asks
 * for, whatever the desktop's; dates take the language's month names and
 * the catalogue's clause titles come translated. An unknown language is
 * refused and leaves the file as it was. Read back with pdftotext. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-test-util.h"

static char *
pdf_text (const char *pdf)
{
  char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_spawn (ARGS ("pdftotext", "-l", "12", pdf, "-"), &out, &err), ==, 0);
  g_free (err);
  return out;
}

static char *
report (const char *dir, const char *ws, const char *name, const char *language)
{
  g_autofree char *pdf = cw_test_path (dir, name);
  if (language != NULL)
    g_free (cw_test_cli_ok (ARGS ("report", "audit", ws, "1", "-o", pdf, "--language", language)));
  else
    g_free (cw_test_cli_ok (ARGS ("report", "audit", ws, "1", "-o", pdf)));
  return pdf_text (pdf);
}

static void
test_reports (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "demo.clausewise");
  g_free (cw_test_cli_ok (ARGS ("demo", ws)));

  g_autofree char *english = report (dir, ws, "en.pdf", NULL);
  cw_test_assert_contains (english, "Internal audit report");
  cw_test_assert_contains (english, "September 2026");
  cw_test_assert_contains (english, "Improvement");

  /* The workspace's language. */
  g_autoptr (GBytes) before = cw_test_read (ws);
  cw_test_cli_error (ARGS ("organisation", "set", ws, "--language", "klingon"), 1, "en, de, fr");
  cw_test_assert_untouched (ws, before);
  g_free (cw_test_cli_ok (ARGS ("organisation", "set", ws, "--language", "de")));
  g_autofree char *shown = cw_test_cli_ok (ARGS ("organisation", "show", ws));
  cw_test_assert_contains (shown, "language: de\n");
  g_autofree char *german = report (dir, ws, "de.pdf", NULL);
  cw_test_assert_contains (german, "Interner Auditbericht");
  cw_test_assert_contains (german, "Inhalt");
  cw_test_assert_contains (german, "Feststellungen");
  cw_test_assert_contains (german, "14. September 2026");
  cw_test_assert_contains (german, "Verbesserung");
  g_assert_null (strstr (german, "Internal audit report"));

  /* --language over the workspace's. */
  g_autofree char *french = report (dir, ws, "fr.pdf", "fr");
  cw_test_assert_contains (french, "Rapport d'audit interne");
  cw_test_assert_contains (french, "Sommaire");
  cw_test_assert_contains (french, "septembre 2026");
  cw_test_assert_contains (french, "Amélioration");
  g_autofree char *back = report (dir, ws, "en-again.pdf", "en");
  cw_test_assert_contains (back, "Internal audit report");

  g_autofree char *pdf = cw_test_path (dir, "none.pdf");
  cw_test_cli_error (ARGS ("report", "audit", ws, "1", "-o", pdf, "--language", "xx"), 2,
                     "en, de or fr");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/language/reports", test_reports);
  return g_test_run ();
}
