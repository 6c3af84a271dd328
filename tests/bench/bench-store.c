/* bench-store.c: the workspace at scale. Creates a workspace, inserts
 * 100,000 findings, reopens it, lists them all and runs a full-text query,
 * printing each figure beside its target. Also measures the cost of one
 * edit committed on its own, which is what synchronous=FULL costs a user.
 *
 * Run with `meson test -C _build --benchmark -v`. */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-finding.h"
#include "cw-search.h"

#define N_FINDINGS 100000

static const char *const words[] = {
  "change",   "approval", "incident", "priority", "supplier", "review",   "capacity",
  "release",  "backup",   "restore",  "catalogue", "asset",   "licence",  "emergency",
  "customer", "complaint", "budget",  "forecast", "problem",  "workaround", "continuity",
};

static char *
sentence (guint i, guint salt)
{
  return g_strdup_printf ("Record %u shows the %s %s was not followed for %s %u.", i,
                          words[(i + salt) % G_N_ELEMENTS (words)],
                          words[(i / 7 + salt) % G_N_ELEMENTS (words)],
                          words[(i / 49 + salt) % G_N_ELEMENTS (words)], i % 97);
}

static void
insert_findings (CwWorkspace *workspace, gint64 audit, guint count)
{
  static const char *const clauses[] = { "8.5.1.3", "8.6.1", "8.3.4.1", "8.7.2", "9.2" };
  g_autoptr (GError) error = NULL;
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *requirement = sentence (i, 1);
      g_autofree char *evidence = sentence (i, 5);
      g_autofree char *statement = sentence (i, 11);
      CwFindingDraft draft = {
        .audit_id = audit,
        .clause = clauses[i % G_N_ELEMENTS (clauses)],
        .grade = (CwGrade) (i % 4),
        .requirement = requirement,
        .evidence = evidence,
        .statement = statement,
      };
      if (cw_workspace_create_finding (workspace, &draft, &error) == 0)
        g_error ("insert %u: %s", i, error->message);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.clausewise", NULL);

  gint64 start = g_get_monotonic_time ();
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Bench Ltd", &error);
  g_assert_no_error (error);
  g_print ("create workspace:          %7.3f s\n", bench_seconds_since (start));

  CwAuditDraft plan = { .title = "Benchmark audit" };
  gint64 audit = cw_workspace_create_audit (workspace, &plan, &error);

  /* Edits one at a time, each its own durable transaction. */
  start = g_get_monotonic_time ();
  insert_findings (workspace, audit, 200);
  g_print ("one edit, own transaction: %7.2f ms  (synchronous=FULL, mean of 200)\n",
           bench_seconds_since (start) * 1000 / 200);

  start = g_get_monotonic_time ();
  cw_workspace_begin_batch (workspace, &error);
  insert_findings (workspace, audit, N_FINDINGS);
  gint64 commit = g_get_monotonic_time ();
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
  g_print ("insert %d findings:    %7.3f s   (target < 3 s; of which commit %.3f s)\n",
           N_FINDINGS, bench_seconds_since (start), bench_seconds_since (commit));
  g_clear_object (&workspace);

  GStatBuf st;
  g_stat (path, &st);
  g_print ("workspace file:            %7.1f MiB\n", st.st_size / 1048576.0);

  start = g_get_monotonic_time ();
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_print ("reopen:                    %7.2f ms  (target < 50 ms)\n",
           bench_seconds_since (start) * 1000);
  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  CwAuditProgress progress;
  cw_workspace_get_audit_progress (workspace, g_ptr_array_index (audits, 0), &progress, &error);
  g_print ("then the audits list:      %7.2f ms  (catalogue, audits, findings by grade)\n",
           bench_seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_no_error (error);
  g_print ("list all %u findings:  %7.3f s\n", findings->len, bench_seconds_since (start));
  g_clear_pointer (&findings, g_ptr_array_unref);

  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) hits = cw_workspace_search (workspace, "emergency approval", 50, &error);
  g_assert_no_error (error);
  g_print ("FTS query (%u hits):       %7.2f ms  (target < 20 ms)\n", hits->len,
           bench_seconds_since (start) * 1000);
  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) again = cw_workspace_search (workspace, "emergency approval", 50, &error);
  g_print ("FTS query again:           %7.2f ms\n", bench_seconds_since (start) * 1000);
  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) rare = cw_workspace_search (workspace, "record 1234", 50, &error);
  g_print ("FTS query, rare term:      %7.2f ms\n", bench_seconds_since (start) * 1000);

  g_print ("peak RSS:                  %7ld MiB (target < 100 MiB)\n", bench_peak_rss_mib ());

  g_clear_object (&workspace);
  if (g_getenv ("BENCH_KEEP"))
    {
      g_print ("kept %s\n", path);
      return 0;
    }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
