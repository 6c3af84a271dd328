/* test-lifecycle.c: an audit from plan to close, and every refusal on the
 * way naming what is missing (cw-audit-lifecycle.c). */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-test-util.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
  gint64 audit;
  GDate today;
  char *today_text;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
  const char *scope[] = { "8.6.1", NULL };
  CwAuditDraft draft = { .title = "Incidents", .scope = scope, .planned_start = "2026-05-04" };
  g_autoptr (GError) error = NULL;
  f->audit = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  cw_date_local_today (&f->today);
  f->today_text = cw_date_to_string (&f->today);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
  g_free (f->today_text);
}

static CwAudit *
get_audit (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CwAudit *audit = cw_workspace_get_audit (f->workspace, f->audit, &error);
  g_assert_no_error (error);
  return audit;
}

static void
answer (Fixture *f, const char *question, CwResult result, const char *note)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (f->workspace, f->audit, question, result, note, &error));
  g_assert_no_error (error);
}

static void
meeting (Fixture *f, CwMeeting which)
{
  g_autoptr (GError) error = NULL;
  CwMeetingRecord record = { f->today_text, "Ada Auditor\nOwen Owner",
                             which == CW_MEETING_CLOSING ? "Accepted" : NULL };
  g_assert_true (
    cw_workspace_record_meeting (f->workspace, f->audit, which, &record, &f->today, &error));
  g_assert_no_error (error);
}

static gint64
minor_on (Fixture *f, const char *question, const char *grade_reason)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = f->audit,
    .question = question,
    .grade = CW_GRADE_MINOR,
    .requirement = "Incidents are prioritised by impact and urgency (PRI-01).",
    .evidence = "INC-1042 was given P4 although a whole site was down.",
    .statement = "One of twenty sampled incidents was not prioritised as PRI-01 requires.",
    .grade_reason = grade_reason,
  };
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

/* The message of a refusal, which must be a rule's (INVALID). */
static char *
refusal (GError *error)
{
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  return g_strdup (error->message);
}

static void
test_plan_and_meetings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_set_audit_sites (f->workspace, f->audit, "Head office", &error));
  CwAuditSession first = { "2026-05-05", "13:00", "8.6.1 Incident management", "Sam", "Ada" };
  CwAuditSession earlier = { "2026-05-04", "09:00", "Opening meeting", "Sam", "Ada" };
  g_assert_true (cw_workspace_add_audit_session (f->workspace, f->audit, &first, &error));
  g_assert_true (cw_workspace_add_audit_session (f->workspace, f->audit, &earlier, &error));
  CwAuditSession no_subject = { "2026-05-04", NULL, " ", NULL, NULL };
  g_assert_false (cw_workspace_add_audit_session (f->workspace, f->audit, &no_subject, &error));
  cw_test_assert_contains (error->message, "which clause or process");
  g_clear_error (&error);
  CwAuditSession bad_day = { "2026-02-30", NULL, "8.6.1", NULL, NULL };
  g_assert_false (cw_workspace_add_audit_session (f->workspace, f->audit, &bad_day, &error));
  cw_test_assert_contains (error->message, "2026-02-30");
  g_clear_error (&error);

  /* The schedule reads by day; numbers stay those given. */
  g_autoptr (GPtrArray) sessions = cw_workspace_list_audit_sessions (f->workspace, f->audit, &error);
  g_assert_cmpuint (sessions->len, ==, 2);
  CwAuditSessionRow *row = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (row->subject, ==, "Opening meeting");
  g_assert_cmpuint (row->position, ==, 2);
  g_assert_true (cw_workspace_remove_audit_session (f->workspace, f->audit, 2, &error));
  g_assert_false (cw_workspace_remove_audit_session (f->workspace, f->audit, 2, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The closing meeting comes at the end of fieldwork, after the opening. */
  CwMeetingRecord closing = { f->today_text, "Ada" };
  g_assert_false (cw_workspace_record_meeting (f->workspace, f->audit, CW_MEETING_CLOSING,
                                               &closing, &f->today, &error));
  cw_test_assert_contains (error->message, "end of fieldwork");
  g_clear_error (&error);
  GDate tomorrow = f->today;
  g_date_add_days (&tomorrow, 1);
  g_autofree char *tomorrow_text = cw_date_to_string (&tomorrow);
  CwMeetingRecord future = { tomorrow_text, "Ada" };
  g_assert_false (cw_workspace_record_meeting (f->workspace, f->audit, CW_MEETING_OPENING,
                                               &future, &f->today, &error));
  cw_test_assert_contains (error->message, "after today");
  g_clear_error (&error);
  CwMeetingRecord nobody = { f->today_text, "  " };
  g_assert_false (cw_workspace_record_meeting (f->workspace, f->audit, CW_MEETING_OPENING,
                                               &nobody, &f->today, &error));
  cw_test_assert_contains (error->message, "who attended");
  g_clear_error (&error);
  meeting (f, CW_MEETING_OPENING);
  answer (f, "8.6.1.q1", CW_RESULT_CONFORMING, NULL);
  meeting (f, CW_MEETING_CLOSING);
  g_autoptr (CwAudit) audit = get_audit (f);
  g_assert_cmpstr (cw_audit_get_sites (audit), ==, "Head office");
  g_assert_cmpstr (cw_audit_get_closing_on (audit), ==, f->today_text);
  g_assert_cmpstr (cw_audit_get_auditee_response (audit), ==, "Accepted");

  /* Each change is in the history, and check sees a schedule edited
   * behind the app's back. */
  const char *path = cw_workspace_get_path (f->workspace);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE entity = 'audit'"
                                          " AND field IN ('session', 'sites', 'closing_on')"),
                   ==, 5);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  cw_test_sql (path, "UPDATE audit_session SET auditor = 'Mallory'");
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  cw_test_assert_contains (g_ptr_array_index (problems, 0), "Audit 1 is not what its history");
}

static void
test_issue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (cw_workspace_issue_audit (f->workspace, f->audit, &f->today, &error));
  g_autofree char *planned = refusal (error);
  cw_test_assert_contains (planned, "only planned");
  g_clear_error (&error);

  meeting (f, CW_MEETING_OPENING);
  answer (f, "8.6.1.q1", CW_RESULT_MINOR, "Wrong priority on INC-1042.");
  answer (f, "8.6.1.q2", CW_RESULT_MAJOR, "No major incident procedure at all.");
  minor_on (f, "8.6.1.q1", NULL);

  /* Every gap at once, and nothing written. */
  const char *path = cw_workspace_get_path (f->workspace);
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
  g_assert_false (cw_workspace_issue_audit (f->workspace, f->audit, &f->today, &error));
  g_autofree char *gaps = refusal (error);
  cw_test_assert_contains (gaps, "record the closing meeting");
  cw_test_assert_contains (gaps, "raise the finding for the nonconformity answered on question "
                                 "8.6.1.q2");
  cw_test_assert_contains (gaps, "say why NC-1 got its grade");
  g_clear_error (&error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);

  answer (f, "8.6.1.q2", CW_RESULT_MINOR, "Major incident procedure not followed once.");
  minor_on (f, "8.6.1.q2", "A single lapse.");
  cw_test_sql (path, "UPDATE finding SET grade_reason = 'Isolated' WHERE number = 1");
  meeting (f, CW_MEETING_CLOSING);
  g_assert_true (cw_workspace_can_issue_audit (f->workspace, f->audit, &error));
  g_assert_true (cw_workspace_issue_audit (f->workspace, f->audit, &f->today, &error));
  g_assert_no_error (error);
  g_autoptr (CwAudit) audit = get_audit (f);
  g_assert_cmpint (cw_audit_get_status (audit), ==, CW_AUDIT_REPORTED);
  g_assert_cmpuint (cw_audit_get_version (audit), ==, 1);
  g_assert_cmpstr (cw_audit_get_issued_on (audit), ==, f->today_text);

  /* Issued, its record is frozen: answers, findings, evidence, plan. */
  g_assert_false (cw_workspace_answer (f->workspace, f->audit, "8.6.1.q3", CW_RESULT_CONFORMING,
                                       NULL, &error));
  g_autofree char *frozen = refusal (error);
  cw_test_assert_contains (frozen, "revise the audit first");
  g_clear_error (&error);
  CwFindingDraft late = { .audit_id = f->audit, .clause = "8.6.1", .grade = CW_GRADE_OFI,
                          .evidence = "Could be quicker." };
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &late, &error), ==, 0);
  g_clear_error (&error);
  CwEvidenceDraft seen = { .audit_id = f->audit, .question = "8.6.1.q1",
                           .kind = CW_EVIDENCE_RECORD, .reference = "INC-1042", .sample_size = -1 };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &seen, &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (cw_workspace_set_audit_sites (f->workspace, f->audit, "Elsewhere", &error));
  g_clear_error (&error);
  g_assert_false (cw_workspace_issue_audit (f->workspace, f->audit, &f->today, &error));
  cw_test_assert_contains (error->message, "already issued as version 1");
  g_clear_error (&error);

  /* Revising needs a reason; the next issue is version 2 and keeps it. */
  g_assert_false (cw_workspace_revise_audit (f->workspace, f->audit, " ", &error));
  cw_test_assert_contains (error->message, "Say why");
  g_clear_error (&error);
  g_assert_true (cw_workspace_revise_audit (f->workspace, f->audit,
                                            "Evidence for NC-1 was incomplete", &error));
  g_assert_true (cw_workspace_add_evidence (f->workspace, &seen, &error) > 0);
  g_assert_true (cw_workspace_issue_audit (f->workspace, f->audit, &f->today, &error));
  g_assert_no_error (error);
  g_autoptr (GPtrArray) issues = cw_workspace_list_audit_issues (f->workspace, f->audit, &error);
  g_assert_cmpuint (issues->len, ==, 2);
  CwAuditIssue *second = g_ptr_array_index (issues, 1);
  g_assert_cmpuint (second->version, ==, 2);
  g_assert_cmpstr (second->revision_reason, ==, "Evidence for NC-1 was incomplete");
  g_assert_cmpstr (second->issued_on, ==, f->today_text);
}

static void
test_grades_agree (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  answer (f, "8.6.1.q1", CW_RESULT_CONFORMING, NULL);
  CwFindingDraft draft = { .audit_id = f->audit, .question = "8.6.1.q1", .grade = CW_GRADE_MINOR,
                           .requirement = "R", .evidence = "E", .statement = "S" };
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &draft, &error), ==, 0);
  g_autofree char *disagree = refusal (error);
  cw_test_assert_contains (disagree, "Question 8.6.1.q1 is answered “Conforming”");
  g_clear_error (&error);
  draft.clause = "8.6.2";
  answer (f, "8.6.1.q1", CW_RESULT_MINOR, NULL);
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &draft, &error), ==, 0);
  cw_test_assert_contains (error->message, "belongs to clause 8.6.1, not 8.6.2");
  g_clear_error (&error);
  draft.clause = NULL;
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_cmpint (id, >, 0);
  g_autoptr (CwFinding) finding = cw_workspace_get_finding (f->workspace, id, &error);
  g_assert_cmpstr (cw_finding_get_clause (finding), ==, "8.6.1");
  g_assert_cmpstr (cw_finding_get_question (finding), ==, "8.6.1.q1");

  /* The answer cannot move away from its finding's grade. */
  g_assert_false (cw_workspace_answer (f->workspace, f->audit, "8.6.1.q1", CW_RESULT_CONFORMING,
                                       NULL, &error));
  g_autofree char *moved = refusal (error);
  cw_test_assert_contains (moved, "NC-1 (Minor nonconformity)");
  g_clear_error (&error);
  /* Its note still can. */
  answer (f, "8.6.1.q1", CW_RESULT_MINOR, "INC-1042");
}

static void
test_numbers_and_days (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft ofi = { .audit_id = f->audit, .clause = "8.6.1", .grade = CW_GRADE_OFI,
                         .evidence = "Could be quicker.", .raised_on = "2026-05-05" };
  CwFindingDraft observation = ofi;
  observation.grade = CW_GRADE_OBSERVATION;
  gint64 ids[] = {
    cw_workspace_create_finding (f->workspace, &ofi, &error),
    cw_workspace_create_finding (f->workspace, &observation, &error),
    cw_workspace_create_finding (f->workspace, &ofi, &error),
  };
  g_assert_no_error (error);
  const char *labels[] = { "OFI-1", "OBS-1", "OFI-2" };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (CwFinding) finding = cw_workspace_get_finding (f->workspace, ids[i], &error);
      g_autofree char *label = cw_finding_dup_label (finding);
      g_assert_cmpstr (label, ==, labels[i]);
      g_assert_cmpstr (cw_finding_get_raised_on (finding), ==, "2026-05-05");
    }

  /* A number once given is not given again, even when its finding is gone. */
  cw_test_sql (cw_workspace_get_path (f->workspace), "DELETE FROM finding WHERE id = 3");
  gint64 next = cw_workspace_create_finding (f->workspace, &ofi, &error);
  g_autoptr (CwFinding) again = cw_workspace_get_finding (f->workspace, next, &error);
  g_assert_cmpint (cw_finding_get_number (again), ==, 3);

  /* Observed before the audit started, in the future, or not a date. */
  const char *wrong[][2] = { { "2026-05-03", "ran from 2026-05-04" },
                             { "2999-01-01", "future" },
                             { "5 May", "5 May" } };
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      ofi.raised_on = wrong[i][0];
      g_assert_cmpint (cw_workspace_create_finding (f->workspace, &ofi, &error), ==, 0);
      cw_test_assert_contains (error->message, wrong[i][1]);
      g_clear_error (&error);
    }
}

static void
test_close (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_false (cw_workspace_close_audit (f->workspace, f->audit, &error));
  g_autofree char *planned = refusal (error);
  cw_test_assert_contains (planned, "only planned");
  g_clear_error (&error);

  meeting (f, CW_MEETING_OPENING);
  answer (f, "8.6.1.q1", CW_RESULT_MINOR, NULL);
  answer (f, "8.6.1.q2", CW_RESULT_NOT_APPLICABLE, "");
  gint64 minor = minor_on (f, "8.6.1.q1", "A single lapse.");
  const char *path = cw_workspace_get_path (f->workspace);
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
  g_assert_false (cw_workspace_close_audit (f->workspace, f->audit, &error));
  g_autofree char *gaps = refusal (error);
  cw_test_assert_contains (gaps, "issue its report");
  cw_test_assert_contains (gaps, "questions not yet assessed");
  cw_test_assert_contains (gaps, "give the reason question 8.6.1.q2 is not applicable");
  cw_test_assert_contains (gaps, "raise a corrective action for NC-1");
  g_clear_error (&error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);

  /* Answer the rest, explain the N/A, plan the action, issue. */
  for (int q = 3; q <= 20; q++)
    {
      g_autofree char *id = g_strdup_printf ("8.6.1.q%d", q);
      if (!cw_workspace_answer (f->workspace, f->audit, id, CW_RESULT_CONFORMING, NULL, &error))
        {
          g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          break;
        }
    }
  answer (f, "8.6.1.q2", CW_RESULT_NOT_APPLICABLE, "No major incident in the period.");
  CwActionDraft for_minor = { .finding_id = minor };
  gint64 action = cw_workspace_create_action (f->workspace, &for_minor, &error);
  g_assert_cmpint (action, >, 0);
  meeting (f, CW_MEETING_CLOSING);
  cw_test_issue_audit (f->workspace, f->audit);
  g_assert_false (cw_workspace_close_audit (f->workspace, f->audit, &error));
  g_autofree char *unplanned = refusal (error);
  cw_test_assert_contains (unplanned, "plan the corrective action of NC-1");
  g_clear_error (&error);

  /* A planned action is enough: verifying it is follow-up. */
  cw_test_sql (path, "UPDATE action SET status = 'planned'");
  g_assert_true (cw_workspace_close_audit (f->workspace, f->audit, &error));
  g_assert_no_error (error);
  g_autoptr (CwAudit) audit = get_audit (f);
  g_assert_cmpint (cw_audit_get_status (audit), ==, CW_AUDIT_CLOSED);
  g_assert_false (cw_workspace_close_audit (f->workspace, f->audit, &error));
  cw_test_assert_contains (error->message, "already closed");
  g_clear_error (&error);
  g_assert_false (cw_workspace_revise_audit (f->workspace, f->audit, "Late change", &error));
  cw_test_assert_contains (error->message, "only an issued report");
}

/* A later audit sees the earlier audit's nonconformities on its scope and
 * records what its follow-up saw. */
static void
test_follow_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  meeting (f, CW_MEETING_OPENING);
  answer (f, "8.6.1.q1", CW_RESULT_MINOR, NULL);
  gint64 minor = minor_on (f, "8.6.1.q1", "A single lapse.");
  CwFindingDraft ofi = { .audit_id = f->audit, .clause = "8.6.1", .grade = CW_GRADE_OFI,
                         .evidence = "Could be quicker." };
  gint64 suggestion = cw_workspace_create_finding (f->workspace, &ofi, &error);
  g_assert_no_error (error);

  const char *scope[] = { "8.6", NULL };
  CwAuditDraft draft = { .title = "Incidents again", .scope = scope };
  gint64 later = cw_workspace_create_audit (f->workspace, &draft, &error);
  /* Not yet: the first audit's report is not issued. */
  g_autoptr (GPtrArray) none = cw_workspace_list_earlier_findings (f->workspace, later, "8.6",
                                                                   &error);
  g_assert_cmpuint (none->len, ==, 0);
  meeting (f, CW_MEETING_CLOSING);
  cw_test_issue_audit (f->workspace, f->audit);
  g_autoptr (GPtrArray) earlier = cw_workspace_list_earlier_findings (f->workspace, later, "8.6",
                                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (earlier->len, ==, 1);
  g_assert_cmpint (cw_finding_get_id (g_ptr_array_index (earlier, 0)), ==, minor);
  g_autoptr (GPtrArray) own = cw_workspace_list_earlier_findings (f->workspace, f->audit, "8.6",
                                                                  &error);
  g_assert_cmpuint (own->len, ==, 0);

  g_assert_false (cw_workspace_follow_up_finding (f->workspace, minor, later, " ", &error));
  g_autofree char *blank = refusal (error);
  cw_test_assert_contains (blank, "Say what the follow-up saw");
  g_clear_error (&error);
  g_assert_false (cw_workspace_follow_up_finding (f->workspace, suggestion, later, "Seen", &error));
  g_autofree char *not_nc = refusal (error);
  cw_test_assert_contains (not_nc, "OFI-1 of audit 1 is not an earlier audit's issued "
                                   "nonconformity");
  g_clear_error (&error);
  g_assert_true (cw_workspace_follow_up_finding (
    f->workspace, minor, later, "INC-2001 to INC-2040: all prioritised by the matrix.", &error));
  g_assert_no_error (error);
  g_autoptr (CwFinding) followed = cw_workspace_get_finding (f->workspace, minor, &error);
  g_assert_cmpint (cw_finding_get_followed_up_in (followed), ==, later);
  g_assert_cmpstr (cw_finding_get_follow_up_note (followed), ==,
                   "INC-2001 to INC-2040: all prioritised by the matrix.");
}

/* A file from before the lifecycle: its reported audit was issued as
 * version 1, its findings are numbered in the order they were written and
 * raised on that day, and the upgraded file checks out. Its findings sit on
 * 6.2 and 7.5, whose questions moved to sub-clauses (catalogue 2), so none
 * is tied to a question: a finding's question is always of its clause. */
static void
test_upgrade (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "workspace-v3.clausewise", NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  g_autofree char *path = cw_test_path (dir, "v3.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);

  g_autofree char *issues
    = cw_test_sql_text (path, "SELECT group_concat (audit || ':' || version, ',') FROM audit_issue");
  g_assert_cmpstr (issues, ==, "2:1");
  g_autoptr (CwAudit) reported = cw_workspace_get_audit (workspace, 2, &error);
  g_assert_cmpuint (cw_audit_get_version (reported), ==, 1);
  g_assert_nonnull (cw_audit_get_issued_on (reported));
  g_autofree char *numbers = cw_test_sql_text (
    path, "SELECT group_concat (number || '/' || coalesce (question, '-') || '/'"
          " || (raised_on = substr (created_at, 1, 10)), ',') FROM (SELECT * FROM finding"
          " ORDER BY id)");
  g_assert_cmpstr (numbers, ==, "1/-/1,1/-/1,1/-/1");
  g_assert_cmpint (cw_test_sql_int (path, "SELECT last_nc + last_observation + last_ofi"
                                          " FROM audit WHERE id = 1"),
                   ==, 3);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* What the rules would now refuse is a warning about the older record. */
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_audit_list_rule_gaps (workspace, warnings, &error));
  g_assert_cmpuint (warnings->len, ==, 1);
  cw_test_assert_contains (g_ptr_array_index (warnings, 0),
                           "Audit 2 was issued without its closing meeting recorded");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/lifecycle/plan-and-meetings", test_plan_and_meetings);
  ADD ("/core/lifecycle/issue", test_issue);
  ADD ("/core/lifecycle/grades-agree", test_grades_agree);
  ADD ("/core/lifecycle/numbers-and-days", test_numbers_and_days);
  ADD ("/core/lifecycle/close", test_close);
  ADD ("/core/lifecycle/follow-up", test_follow_up);
  g_test_add_func ("/core/lifecycle/upgrade", test_upgrade);
  return g_test_run ();
}
