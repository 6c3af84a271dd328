/* test-programme.c: the audit programme's coverage of the clauses: when
 * each is due by its importance and its last results, and where it stands. */
#include "config.h"

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-programme.h"
#include "cw-test-util.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
}

static GDate
day (const char *text)
{
  GDate date;
  g_assert_true (cw_date_parse (text, &date, NULL));
  return date;
}

/* An audit of `scope` held from `start` to `end`, issued, with a finding of
 * `grade` on `finding_on` when it is given. */
static gint64
issued_audit (Fixture *f, const char *scope_clause, const char *start, const char *end,
              const char *finding_on, CwGrade grade, guint findings)
{
  g_autoptr (GError) error = NULL;
  const char *scope[] = { scope_clause, NULL };
  CwAuditDraft draft = { .title = "Audit", .scope = scope, .planned_start = start,
                         .planned_end = end };
  gint64 id = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  GDate held = day (end);
  CwMeetingRecord meeting = { end, "Ada" };
  g_assert_true (cw_workspace_record_meeting (f->workspace, id, CW_MEETING_OPENING, &meeting,
                                              &held, &error));
  for (guint i = 0; i < findings; i++)
    {
      CwFindingDraft finding = { .audit_id = id, .clause = finding_on, .grade = grade,
                                 .requirement = "R", .evidence = "E", .statement = "S",
                                 .raised_on = end, .grade_reason = "Why" };
      g_assert_cmpint (cw_workspace_create_finding (f->workspace, &finding, &error), >, 0);
      g_assert_no_error (error);
    }
  /* Fieldwork under way without answering the whole checklist. */
  g_autofree char *start_sql
    = g_strdup_printf ("UPDATE audit SET status = 'in-progress' WHERE id = %" G_GINT64_FORMAT, id);
  cw_test_sql (cw_workspace_get_path (f->workspace), start_sql);
  CwMeetingRecord closing = { end, "Ada" };
  g_assert_true (cw_workspace_record_meeting (f->workspace, id, CW_MEETING_CLOSING, &closing,
                                              &held, &error));
  g_assert_true (cw_workspace_issue_audit (f->workspace, id, &held, &error));
  g_assert_no_error (error);
  return id;
}

static CwCoverageRow *
row_of (GPtrArray *rows, const char *clause)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->clause, clause))
        return row;
    }
  g_assert_not_reached ();
}

static GPtrArray *
coverage_on (Fixture *f, const char *today)
{
  g_autoptr (GError) error = NULL;
  GDate date = day (today);
  GPtrArray *rows = cw_workspace_programme_coverage (f->workspace, &date, &error);
  g_assert_no_error (error);
  return rows;
}

static void
test_needs_a_programme (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today = day ("2026-06-01");
  g_assert_null (cw_workspace_programme_coverage (f->workspace, &today, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  cw_test_assert_contains (error->message, "programme start");
  g_clear_error (&error);
  g_assert_false (cw_workspace_start_programme (f->workspace, "2026-02-30", 3, &error));
  g_clear_error (&error);
  g_assert_false (cw_workspace_start_programme (f->workspace, "2026-01-01", 9, &error));
  cw_test_assert_contains (error->message, "one to five years");
  g_clear_error (&error);
  g_assert_false (cw_workspace_set_importance (f->workspace, "8.6", CW_IMPORTANCE_HIGH, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_due_by_importance (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_start_programme (f->workspace, "2026-01-01", 3, &error));
  g_assert_true (cw_workspace_set_importance (f->workspace, "8.6", CW_IMPORTANCE_HIGH, &error));
  g_assert_true (cw_workspace_set_importance (f->workspace, "4", CW_IMPORTANCE_LOW, &error));
  g_assert_false (cw_workspace_set_importance (f->workspace, "8.99", CW_IMPORTANCE_LOW, &error));
  g_clear_error (&error);

  /* Never audited: due a period after the cycle starts; a low clause once
   * in the cycle. */
  g_autoptr (GPtrArray) fresh = coverage_on (f, "2026-06-01");
  g_assert_cmpstr (row_of (fresh, "8.6.1")->next_due, ==, "2027-01-01");
  g_assert_cmpint (row_of (fresh, "8.6.1")->importance, ==, CW_IMPORTANCE_HIGH);
  g_assert_cmpint (row_of (fresh, "8.6.1")->coverage, ==, CW_COVERAGE_NEVER);
  g_assert_cmpstr (row_of (fresh, "9.1")->next_due, ==, "2027-07-01");
  g_assert_cmpstr (row_of (fresh, "4.1")->next_due, ==, "2029-01-01");

  /* Audited on a leap day: a high clause is due a year on, the last day of
   * February. */
  issued_audit (f, "8.6", "2028-02-28", "2028-02-29", NULL, CW_GRADE_OFI, 0);
  g_autoptr (GPtrArray) after = coverage_on (f, "2028-03-01");
  CwCoverageRow *incidents = row_of (after, "8.6.1");
  g_assert_cmpstr (incidents->last_audited, ==, "2028-02-29");
  g_assert_cmpstr (incidents->next_due, ==, "2029-02-28");
  g_assert_cmpint (incidents->coverage, ==, CW_COVERAGE_COVERED);
  g_assert_cmpint (incidents->worst, ==, CW_RESULT_CONFORMING);
  /* 9.1 was due in July 2027 and never audited: overdue. */
  g_assert_cmpint (row_of (after, "9.1")->coverage, ==, CW_COVERAGE_OVERDUE);
  /* Close to its date it is due soon. */
  g_autoptr (GPtrArray) later = coverage_on (f, "2029-01-15");
  g_assert_cmpint (row_of (later, "8.6.1")->coverage, ==, CW_COVERAGE_DUE_SOON);
}

static void
test_results_bring_forward (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_start_programme (f->workspace, "2026-01-01", 3, &error));
  issued_audit (f, "8.6", "2026-03-02", "2026-03-03", "8.6.1", CW_GRADE_MAJOR, 1);
  issued_audit (f, "8.7", "2026-03-09", "2026-03-10", "8.7.2", CW_GRADE_MINOR, 2);
  issued_audit (f, "9.1", "2026-03-16", "2026-03-17", "9.1", CW_GRADE_MINOR, 1);
  g_autoptr (GPtrArray) rows = coverage_on (f, "2026-04-01");
  /* A major, or two minors, bring the next audit within six months. */
  g_assert_cmpstr (row_of (rows, "8.6.1")->next_due, ==, "2026-09-03");
  g_assert_cmpint (row_of (rows, "8.6.1")->worst, ==, CW_RESULT_MAJOR);
  g_assert_cmpstr (row_of (rows, "8.7.2")->next_due, ==, "2026-09-10");
  /* One minor does not; sibling clauses keep their own results. */
  g_assert_cmpstr (row_of (rows, "9.1")->next_due, ==, "2027-09-17");
  g_assert_cmpstr (row_of (rows, "8.6.2")->next_due, ==, "2027-09-03");

  /* An audit planned before the date turns "due soon" into planned. */
  const char *scope[] = { "8.6.1", NULL };
  CwAuditDraft next = { .title = "Follow-up", .scope = scope, .planned_start = "2026-08-20" };
  gint64 planned = cw_workspace_create_audit (f->workspace, &next, &error);
  g_autoptr (GPtrArray) summer = coverage_on (f, "2026-07-01");
  g_assert_cmpint (row_of (summer, "8.6.1")->coverage, ==, CW_COVERAGE_PLANNED);
  g_assert_cmpint (row_of (summer, "8.6.1")->planned_audit, ==, planned);
  /* The matrix has both audits of the clause, each with its day. */
  GArray *visits = row_of (summer, "8.6.1")->visits;
  g_assert_cmpuint (visits->len, ==, 2);
  CwCoverageVisit *done = &g_array_index (visits, CwCoverageVisit, 0);
  g_assert_true (done->issued);
  g_assert_cmpstr (done->day, ==, "2026-03-03");
  g_assert_cmpint (done->worst, ==, CW_RESULT_MAJOR);
  CwCoverageVisit *next_visit = &g_array_index (visits, CwCoverageVisit, 1);
  g_assert_false (next_visit->issued);
  g_assert_cmpstr (next_visit->day, ==, "2026-08-20");
  g_assert_cmpint (row_of (summer, "8.7.2")->coverage, ==, CW_COVERAGE_DUE_SOON);
}

/* An audit planned for the programme lies within its cycle and audits the
 * clause asked for; a day outside the cycle or an unknown clause is
 * refused and leaves the history as it was. */
static void
test_plan_within_cycle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_start_programme (f->workspace, "2025-01-01", 3, &error));
  g_assert_no_error (error);
  const char *path = cw_workspace_get_path (f->workspace);
  gint64 before = cw_test_sql_int (path, "SELECT count(*) FROM history");

  g_assert_cmpint (cw_workspace_plan_programme_audit (f->workspace, "8.6.3", "2028-01-01", NULL,
                                                      NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "outside the programme's cycle (2025-01-01 to 2027-12-31)");
  g_clear_error (&error);
  g_assert_cmpint (cw_workspace_plan_programme_audit (f->workspace, "8.6.3", "2027-11-29",
                                                      "2028-01-02", NULL, NULL, &error),
                   ==, 0);
  cw_test_assert_contains (error->message, "2028-01-02 is outside");
  g_clear_error (&error);
  g_assert_cmpint (cw_workspace_plan_programme_audit (f->workspace, "9.9", "2026-03-01", NULL,
                                                      NULL, NULL, &error),
                   ==, 0);
  cw_test_assert_contains (error->message, "9.9");
  g_clear_error (&error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, before);

  gint64 id = cw_workspace_plan_programme_audit (f->workspace, "8.6.3", "2026-03-02", NULL, NULL,
                                                 "Margaret Sefton", &error);
  g_assert_no_error (error);
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (f->workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_audit_get_title (audit), ==, "Internal audit of 8.6.3");
  g_assert_cmpstrv (cw_audit_get_scope (audit), ((const char *const[]) { "8.6.3", NULL }));
  g_assert_cmpstr (cw_audit_get_planned_end (audit), ==, "2026-03-02");
  g_assert_cmpstr (cw_audit_get_lead_auditor (audit), ==, "Margaret Sefton");
  g_assert_cmpint (cw_audit_get_status (audit), ==, CW_AUDIT_PLANNED);
}

/* The summary counts what the coverage says, clause by clause, and names the
 * overdue ones; looking back at a day, an audit dated after it was only a
 * plan then. */
static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate day_before = day ("2025-12-01");
  g_assert_null (cw_workspace_programme_summary (f->workspace, &day_before, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cw_workspace_start_programme (f->workspace, "2025-01-01", 3, &error));
  gint64 march = issued_audit (f, "8.6", "2025-03-03", "2025-03-04", "8.6.1", CW_GRADE_MAJOR, 1);
  /* The re-audit of 8.6.1, six weeks after the day looked back at. */
  gint64 january = issued_audit (f, "8.6.1", "2026-01-12", "2026-01-13", NULL, CW_GRADE_OFI, 0);

  g_autoptr (CwProgrammeSummary) then
    = cw_workspace_programme_summary (f->workspace, &day_before, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (then->starts_on, ==, "2025-01-01");
  g_assert_cmpuint (then->years, ==, 3);
  g_autoptr (GPtrArray) rows = coverage_on (f, "2025-12-01");
  g_assert_cmpuint (then->n_clauses, ==, rows->len);
  guint sum = 0;
  for (CwCoverage c = CW_COVERAGE_COVERED; c <= CW_COVERAGE_OVERDUE; c++)
    sum += then->counts[c];
  g_assert_cmpuint (sum, ==, rows->len);
  /* 8.6.2 and 8.6.3 audited in March; 8.6.1's major brought it due in
   * September, and on 1 December its re-audit had not happened yet. */
  g_assert_cmpuint (then->counts[CW_COVERAGE_COVERED], ==, 2);
  g_assert_cmpuint (then->counts[CW_COVERAGE_OVERDUE], ==, 1);
  g_assert_cmpuint (then->counts[CW_COVERAGE_NEVER], ==, rows->len - 3);
  g_assert_cmpuint (then->overdue->len, ==, 1);
  CwCoverageRow *late = g_ptr_array_index (then->overdue, 0);
  g_assert_cmpstr (late->clause, ==, "8.6.1");
  g_assert_cmpstr (late->next_due, ==, "2025-09-04");
  g_assert_cmpint (late->last_audit, ==, march);
  /* The coverage of the same day, which does not look back, already
   * counts January's audit. */
  g_assert_cmpint (row_of (rows, "8.6.1")->last_audit, ==, january);

  /* In February the re-audit is done and nothing is overdue. */
  GDate february = day ("2026-02-01");
  g_autoptr (CwProgrammeSummary) now
    = cw_workspace_programme_summary (f->workspace, &february, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->counts[CW_COVERAGE_OVERDUE], ==, 0);
  g_assert_cmpuint (now->overdue->len, ==, 0);
  g_assert_cmpuint (now->counts[CW_COVERAGE_COVERED], ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/programme/needs-a-programme", test_needs_a_programme);
  ADD ("/core/programme/due-by-importance", test_due_by_importance);
  ADD ("/core/programme/results-bring-forward", test_results_bring_forward);
  ADD ("/core/programme/plan-within-cycle", test_plan_within_cycle);
  ADD ("/core/programme/summary", test_summary);
  return g_test_run ();
}
