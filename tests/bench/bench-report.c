/* bench-report.c: what a report costs to lay out and write, each figure
 * printed beside its target with a verdict:
 *   - a typical report (the demo's internal audit, about sixty pages);
 *   - an audit with 1,000 findings: CPU time and peak memory;
 *   - 10,000 findings: the time grows in step with the findings;
 *   - 100,000 findings: peak memory stays bounded (pages are drawn and
 *     freed one by one; only the PDF's structure tree grows).
 * Each report is written by a child process of its own, so that the peak
 * memory measured is that report's: the parent makes the workspaces, the
 * child opens one and writes its report.
 *
 * Run with `meson test -C _build --benchmark -v report`. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-finding.h"
#include "cw-report.h"

static double
cpu_seconds (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The child: makes the report from the workspace and writes it, as the
 * CLI does, `runs` times; prints the best CPU time, the pages and the
 * peak RSS. */
static int
child (const char *path, gint64 audit, guint runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  if (workspace == NULL)
    g_error ("%s", error->message);
  g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
  double best = G_MAXDOUBLE;
  guint n_pages = 0;
  for (guint i = 0; i < runs; i++)
    {
      double start = cpu_seconds ();
      g_autoptr (CwReport) report = cw_report_new_audit (workspace, audit, &error);
      if (report == NULL)
        g_error ("%s", error->message);
      cw_report_set_reproducible (report, TRUE);
      if (!cw_report_write_pdf (report, pdf, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      best = MIN (best, cpu_seconds () - start);
      n_pages = cw_report_get_n_pages (report);
    }
  g_unlink (pdf);
  g_print ("%f %u %ld\n", best, n_pages, bench_peak_rss_mib ());
  return 0;
}

typedef struct
{
  double seconds;
  guint n_pages;
  long peak_mib;
} Figures;

static Figures
measure (const char *self, const char *path, gint64 audit, guint runs)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, audit);
  g_autofree char *n_runs = g_strdup_printf ("%u", runs);
  const char *argv[] = { self, "--child", path, id, n_runs, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s", error->message);
  Figures figures = { 0 };
  if (sscanf (out, "%lf %u %ld", &figures.seconds, &figures.n_pages, &figures.peak_mib) != 3)
    g_error ("the child printed “%s”", out);
  return figures;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
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

/* An audit with `n` findings whose three-part statements are of realistic
 * length; returns the audit's id. */
static gint64
make_audit (const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Bench Ltd", &error);
  g_assert_no_error (error);
  CwAuditDraft draft = { .title = "Bench audit", .lead_auditor = "Bench Auditor" };
  gint64 audit = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  static const char *const clauses[] = { "8.5.1.3", "8.6.1", "8.3.4.1", "8.7.2", "9.2", "7.5" };
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *requirement = paragraph (i, 1, 2);
      g_autofree char *evidence = paragraph (i, 5, 4);
      g_autofree char *statement = paragraph (i, 9, 2);
      CwFindingDraft finding = {
        audit,    clauses[i % G_N_ELEMENTS (clauses)], (CwGrade)(i % 4), requirement, evidence,
        statement
      };
      if (cw_workspace_create_finding (workspace, &finding, &error) == 0)
        g_error ("finding %u: %s", i, error->message);
    }
  g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));
  return audit;
}

int
main (int argc, char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]));

  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-bench-XXXXXX", &error);
  g_assert_no_error (error);

  g_autofree char *demo = g_build_filename (dir, "demo.clausewise", NULL);
  CwWorkspace *made = cw_demo_create (demo, &error);
  g_assert_no_error (error);
  g_object_unref (made);
  Figures typical = measure (argv[0], demo, 1, 5);
  g_print ("typical report (%u pages):          %6.3f s CPU  (target < 0.150 s, best of 5): %s\n",
           typical.n_pages, typical.seconds, verdict (typical.seconds < 0.150));

  g_autofree char *one = g_build_filename (dir, "1k.clausewise", NULL);
  gint64 audit = make_audit (one, 1000);
  Figures small = measure (argv[0], one, audit, 3);
  g_print ("1,000-finding report (%u pages):    %6.3f s CPU  (target <= 0.250 s, best of 3): %s\n",
           small.n_pages, small.seconds, verdict (small.seconds <= 0.250));
  g_print ("1,000-finding report peak RSS:      %6ld MiB    (target < 60 MiB): %s\n",
           small.peak_mib, verdict (small.peak_mib < 60));

  g_autofree char *ten = g_build_filename (dir, "10k.clausewise", NULL);
  audit = make_audit (ten, 10000);
  Figures medium = measure (argv[0], ten, audit, 1);
  double growth = medium.seconds / small.seconds;
  g_print ("10,000-finding report (%u pages):  %6.3f s CPU: %.1fx the time for 10x the "
           "findings  (target <= 11x): %s\n",
           medium.n_pages, medium.seconds, growth, verdict (growth <= 11));

  g_autofree char *hundred = g_build_filename (dir, "100k.clausewise", NULL);
  audit = make_audit (hundred, 100000);
  Figures large = measure (argv[0], hundred, audit, 1);
  g_print ("100,000-finding report (%u pages): %6.1f s CPU, peak RSS %ld MiB  "
           "(target < 300 MiB): %s\n",
           large.n_pages, large.seconds, large.peak_mib, verdict (large.peak_mib < 300));

  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child_path = g_build_filename (dir, name, NULL);
      g_unlink (child_path);
    }
  g_rmdir (dir);
  return 0;
}
