/* bench-util.c: what the benchmarks share: clocks, memory and a large workspace. */
#include "config.h"

#include <sys/resource.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-finding.h"

double
bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The process's peak resident memory so far. */
long
bench_peak_rss_mib (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* One audit holding n_findings findings of every grade, written in one batch. */
void
bench_make_large_workspace (const char *path, guint n_findings)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Large Ltd", &error);
  g_assert_no_error (error);
  CwAuditDraft plan = { .title = "Audit with 100,000 findings" };
  gint64 audit = cw_workspace_create_audit (workspace, &plan, &error);
  cw_workspace_begin_batch (workspace, &error);
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *evidence = g_strdup_printf ("Record INC-%06u was closed without a cause.", i);
      CwFindingDraft draft = { .audit_id = audit, .clause = "8.6.1", .grade = (CwGrade) (i % 4),
                               .requirement = "Incidents are closed with a recorded cause.",
                               .evidence = evidence, .statement = "The cause is not recorded." };
      cw_workspace_create_finding (workspace, &draft, &error);
    }
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
}
