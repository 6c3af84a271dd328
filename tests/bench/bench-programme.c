/* bench-programme.c: the audit programme's coverage matrix for a large
 * workspace: 200 audits over the catalogue and 100,000 findings. Prints the
 * figure, the target and a verdict. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-programme.h"

#define N_AUDITS 200
#define N_FINDINGS 100000

static const char *const scopes[] = { "4", "5", "6", "7", "8.1", "8.2", "8.3", "8.4",
                                      "8.5", "8.6", "8.7", "9", "10" };
static const char *const clauses[] = { "4.1", "5.2.1", "6.1", "7.2", "8.1", "8.2.6", "8.3.3",
                                       "8.4.3", "8.5.1.3", "8.6.1", "8.7.2", "9.1", "10.1" };

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-programme-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.clausewise", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Large Ltd", &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_start_programme (workspace, "2024-01-01", 3, &error));
  gint64 audits[N_AUDITS];
  cw_workspace_begin_batch (workspace, &error);
  for (guint i = 0; i < N_AUDITS; i++)
    {
      const char *scope[] = { scopes[i % G_N_ELEMENTS (scopes)], NULL };
      GDate start;
      g_date_set_dmy (&start, 1, 1, 2024);
      g_date_add_days (&start, i * 5);
      g_autofree char *day = cw_date_to_string (&start);
      CwAuditDraft draft = { .title = "Audit", .scope = scope, .planned_start = day,
                             .planned_end = day };
      audits[i] = cw_workspace_create_audit (workspace, &draft, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_FINDINGS; i++)
    {
      guint a = i % N_AUDITS;
      CwFindingDraft draft = { .audit_id = audits[a],
                               .clause = clauses[a % G_N_ELEMENTS (clauses)],
                               .grade = (CwGrade) (i % 4), .requirement = "R",
                               .evidence = "E", .statement = "S" };
      if (cw_workspace_create_finding (workspace, &draft, &error) == 0)
        g_error ("%s", error->message);
    }
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);
  /* Three in four audits issued, their closing meeting on their day. */
  g_autofree char *sql = g_strdup_printf (
    "sqlite3 '%s' \"UPDATE audit SET status = 'reported', closing_on = planned_end"
    " WHERE id %% 4 <> 0\"", path);
  g_assert_cmpint (system (sql), ==, 0);
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);

  GDate today;
  g_date_set_dmy (&today, 1, 6, 2026);
  double times[7];
  guint rows = 0;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) coverage = cw_workspace_programme_coverage (workspace, &today, &error);
      times[i] = bench_seconds_since (start) * 1000;
      g_assert_no_error (error);
      rows = coverage->len;
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (times); j++)
      if (times[j] < times[i])
        {
          double t = times[i];
          times[i] = times[j];
          times[j] = t;
        }
  double median = times[G_N_ELEMENTS (times) / 2];
  printf ("coverage matrix, %u clauses, %d audits, %d findings (median of %u): %.1f ms "
          "(target < 50 ms): %s\n",
          rows, N_AUDITS, N_FINDINGS, (guint) G_N_ELEMENTS (times), median,
          median < 50 ? "met" : "MISSED");
  g_clear_object (&workspace);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  return system (cleanup) == 0 ? 0 : 1;
}
