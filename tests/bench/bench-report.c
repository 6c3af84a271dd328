/* bench-report.c: how long a report takes to lay out and write. Two cases,
 * each printed beside its target: the demo's internal audit report (a
 * typical report of about twenty pages) and an audit with 1,000 findings.
 * Peak RSS is the whole process's, workspace creation included.
 *
 * Run with `meson test -C _build --benchmark -v`. */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-finding.h"
#include "cw-report.h"

#define N_FINDINGS 1000
#define N_RUNS 5

/* Makes the report from the workspace and writes it: what the CLI does. */
static double
write_report (CwWorkspace *workspace, gint64 audit, const char *pdf, guint *n_pages)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (CwReport) report = cw_report_new_audit (workspace, audit, &error);
  g_assert_no_error (error);
  cw_report_set_reproducible (report, TRUE);
  if (!cw_report_write_pdf (report, pdf, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  double seconds = bench_seconds_since (start);
  *n_pages = cw_report_get_n_pages (report);
  return seconds;
}

static const char *const words[] = {
  "change", "approval", "incident",  "priority", "supplier", "review",    "capacity", "release",
  "backup", "restore",  "catalogue", "asset",    "licence",  "emergency", "customer", "complaint",
};

static char *
paragraph (guint i, guint salt, guint sentences)
{
  GString *text = g_string_new (NULL);
  for (guint s = 0; s < sentences; s++)
    g_string_append_printf (text,
                            "Record %s-%u of %u March shows that the %s %s was handled without "
                            "the %s step the procedure asks for. ",
                            words[(i + s + salt) % G_N_ELEMENTS (words)], i * 7 + s, 1 + i % 28,
                            words[(i / 3 + salt) % G_N_ELEMENTS (words)],
                            words[(i / 5 + s) % G_N_ELEMENTS (words)],
                            words[(i / 11 + salt) % G_N_ELEMENTS (words)]);
  return g_string_free (text, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-bench-XXXXXX", &error);
  g_assert_no_error (error);

  /* A typical report: the demo's system-wide internal audit (all clauses but one). */
  g_autofree char *demo_path = g_build_filename (dir, "demo.clausewise", NULL);
  g_autofree char *demo_pdf = g_build_filename (dir, "demo.pdf", NULL);
  g_autoptr (CwWorkspace) demo = cw_demo_create (demo_path, &error);
  g_assert_no_error (error);
  guint n_pages;
  write_report (demo, 1, demo_pdf, &n_pages); /* warm the font caches */
  double best = G_MAXDOUBLE;
  for (guint i = 0; i < N_RUNS; i++)
    best = MIN (best, write_report (demo, 1, demo_pdf, &n_pages));
  g_print ("typical report (%u pages):     %7.3f s  (target < 0.150 s, best of %u)\n", n_pages,
           best, N_RUNS);

  /* 1,000 findings with three-part statements of realistic length. */
  g_autofree char *big_path = g_build_filename (dir, "big.clausewise", NULL);
  g_autofree char *big_pdf = g_build_filename (dir, "big.pdf", NULL);
  g_autoptr (CwWorkspace) big = cw_workspace_create (big_path, "Bench Ltd", &error);
  g_assert_no_error (error);
  CwAuditDraft draft = { .title = "Bench audit", .lead_auditor = "Bench Auditor" };
  gint64 audit = cw_workspace_create_audit (big, &draft, &error);
  g_assert_no_error (error);
  static const char *const clauses[] = { "8.5.1.3", "8.6.1", "8.3.4.1", "8.7.2", "9.2", "7.5" };
  g_assert_true (cw_workspace_begin_batch (big, &error));
  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autofree char *requirement = paragraph (i, 1, 2);
      g_autofree char *evidence = paragraph (i, 5, 4);
      g_autofree char *statement = paragraph (i, 9, 2);
      CwFindingDraft finding = {
        audit,    clauses[i % G_N_ELEMENTS (clauses)], (CwGrade)(i % 4), requirement, evidence,
        statement
      };
      if (cw_workspace_create_finding (big, &finding, &error) == 0)
        g_error ("finding %u: %s", i, error->message);
    }
  g_assert_true (cw_workspace_end_batch (big, TRUE, &error));
  double seconds = write_report (big, audit, big_pdf, &n_pages);
  g_print ("1,000-finding report (%u pages): %6.3f s  (target < 2 s)\n", n_pages, seconds);
  g_print ("peak RSS:                       %4ld MiB  (target < 150 MiB)\n", bench_peak_rss_mib ());

  g_unlink (demo_pdf);
  g_unlink (big_pdf);
  g_clear_object (&demo);
  g_clear_object (&big);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
  return 0;
}
