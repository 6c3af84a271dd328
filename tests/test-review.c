/* test-review.c: management reviews: the figures the core fills in, checked
 * against a workspace built here with known audits, findings and actions,
 * as the workspace stood on the meeting date; what approval needs (each
 * refusal naming what is missing, and writing nothing); notes, "nothing to
 * report", attendees, decisions by kind, approved minutes staying as they
 * were, and the gaps of minutes approved before these rules.
 *
 * Actions are dated by when they were recorded, which is now: dates here
 * are counted from today so that "before" and "after" hold on any day. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-external.h"
#include "cw-finding.h"
#include "cw-programme.h"
#include "cw-review.h"
#include "cw-test-util.h"
#include "cw-workspace-private.h"

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

static void
day (GDate *date, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_date_parse (text, date, &error));
}

static gint64
audit_on (Fixture *f, const char *title, const char *start, const char *end)
{
  g_autoptr (GError) error = NULL;
  CwAuditDraft draft = { .title = title, .planned_start = start, .planned_end = end };
  gint64 id = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
finding (Fixture *f, gint64 audit, const char *clause, CwGrade grade)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = audit,
    .clause = clause,
    .grade = grade,
    .requirement = "The procedure asks for it.",
    .evidence = "The records sampled do not show it.",
    .statement = "The procedure is not followed.",
  };
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
answer (Fixture *f, gint64 audit, const char *question)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (
    cw_workspace_answer (f->workspace, audit, question, CW_RESULT_CONFORMING, NULL, &error));
}

static gint64
review_on (Fixture *f, const char *held_on, const char *chair, const char *today_text)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  day (&today, today_text);
  CwReviewDraft draft = { .held_on = held_on, .chair = chair };
  gint64 id = cw_workspace_create_review (f->workspace, &draft, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const char *
figures (CwReview *review, const char *input)
{
  const CwReviewEntry *entry = cw_review_lookup_entry (review, input);
  g_assert_nonnull (entry);
  return entry->figures;
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("expected “%s” in:\n%s", needle, text);
}

static guint
clauses_with_questions (Fixture *f)
{
  GPtrArray *clauses = cw_catalogue_get_clauses (cw_workspace_get_catalogue (f->workspace));
  guint n = 0;
  for (guint i = 0; i < clauses->len; i++)
    n += cw_clause_get_questions (g_ptr_array_index (clauses, i))->len > 0;
  return n;
}

/* Today as the workspace dates its records (UTC), `offset` days away. */
static char *
day_from_today (int offset)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, offset);
  return g_date_time_format (then, "%Y-%m-%d");
}

static void
today_date (GDate *date)
{
  g_autofree char *text = day_from_today (0);
  day (date, text);
}

static gint64
count_history (Fixture *f)
{
  return cw_test_sql_int (cw_workspace_get_path (f->workspace), "SELECT count(*) FROM history");
}

/* Everything approval needs but the inputs: attendees with a chair from
 * top management, a conclusion and the next review. */
static void
make_approvable (Fixture *f, gint64 id, const char *held_on)
{
  g_autoptr (GError) error = NULL;
  CwReviewAttendeeDraft chair = { "Owen", "Managing director", TRUE };
  CwReviewAttendeeDraft fiona = { "Fiona", "Quality manager", FALSE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &chair, &error), ==, 1);
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &fiona, &error), ==, 2);
  GDate next;
  day (&next, held_on);
  g_date_add_months (&next, 6);
  g_autofree char *next_text = cw_date_to_string (&next);
  g_assert_true (cw_workspace_conclude_review (f->workspace, id, "Suitable, adequate, effective.",
                                               next_text, &error));
  g_assert_no_error (error);
}

/* Every input addressed: a note on each. */
static void
note_all (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      g_assert_true (cw_workspace_note_review (f->workspace, id, entry->input, "Discussed.",
                                               &error));
    }
  g_assert_no_error (error);
}

/* Two periods: up to the first review, six months ago, and from the day
 * after it to the second review, today. */
static void
test_prefill (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  today_date (&today);
  g_autofree char *today_text = day_from_today (0);
  g_autofree char *jan_start = day_from_today (-200), *jan_end = day_from_today (-198);
  g_autofree char *first_day = day_from_today (-180), *after_first = day_from_today (-179);
  g_autofree char *april_day = day_from_today (-60), *july_day = day_from_today (30);
  g_autofree char *late_due = day_from_today (-10), *soon_due = day_from_today (5);
  g_autofree char *decision_due = day_from_today (90);

  gint64 january = audit_on (f, "January audit", jan_start, jan_end);
  answer (f, january, "8.6.1.q1");
  finding (f, january, "8.6.1", CW_GRADE_MINOR);

  gint64 first = review_on (f, first_day, "Owen", today_text);
  CwReviewDecision decision
    = { .text = "Buy a second backup appliance\nBudget approved.", .owner = "Owen",
        .due = decision_due, .kind = CW_REVIEW_OUTPUT_RESOURCES };
  gint64 decided = cw_workspace_decide (f->workspace, first, &decision, &error);
  g_assert_no_error (error);
  CwReviewDecision better
    = { .text = "Publish the service catalogue from one source", .owner = "Aisha",
        .due = decision_due, .kind = CW_REVIEW_OUTPUT_IMPROVEMENT };
  gint64 improvement = cw_workspace_decide (f->workspace, first, &better, &error);
  g_assert_no_error (error);
  make_approvable (f, first, first_day);
  note_all (f, first);
  g_assert_true (cw_workspace_approve_review (f->workspace, first, "Owen", &today, &error));
  g_assert_no_error (error);

  gint64 april = audit_on (f, "April audit", april_day, NULL);
  answer (f, april, "8.5.1.3.q1");
  answer (f, april, "8.7.2.q1");
  answer (f, april, "8.7.2.q2");
  gint64 major = finding (f, april, "8.5.1.3", CW_GRADE_MAJOR);
  finding (f, april, "8.7.2", CW_GRADE_MAJOR);
  gint64 people = finding (f, april, "7.2", CW_GRADE_MINOR);
  finding (f, april, "8.2.4", CW_GRADE_OFI);
  gint64 supplier = finding (f, april, "8.3.4.1", CW_GRADE_OBSERVATION);
  gint64 service = finding (f, april, "9.4", CW_GRADE_OFI);
  gint64 risk = finding (f, april, "6.1", CW_GRADE_OBSERVATION);
  /* An audit after the review date is outside its period. (It can hold
   * no findings yet: none can be observed before an audit starts.) */
  audit_on (f, "July audit", july_day, NULL);

  CwActionDraft late = { .finding_id = major, .owner = "Tomasz", .due = late_due };
  gint64 overdue = cw_workspace_create_action (f->workspace, &late, &error);
  g_assert_no_error (error);
  CwActionDraft complaint = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Answer faster",
                              .owner = "Aisha", .due = soon_due };
  gint64 complained = cw_workspace_create_action (f->workspace, &complaint, &error);
  g_assert_cmpint (complained, >, 0);

  gint64 second = review_on (f, today_text, "Owen", today_text);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_review_get_period_start (review), ==, after_first);
  g_assert_cmpstr (cw_review_get_period_end (review), ==, today_text);
  g_assert_cmpstr (cw_review_get_figures_as_of (review), ==, today_text);
  g_assert_cmpint (cw_review_get_status (review), ==, CW_REVIEW_DRAFT);

  /* Every catalogue input is there, in order; an input without a prefill
   * has no figures. */
  GArray *inputs = cw_catalogue_get_review_inputs (cw_workspace_get_catalogue (f->workspace));
  GPtrArray *entries = cw_review_get_entries (review);
  g_assert_cmpuint (entries->len, ==, inputs->len);
  guint filled = 0;
  for (guint i = 0; i < inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (inputs, CwReviewInput, i);
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      g_assert_cmpstr (entry->input, ==, input->id);
      g_assert_cmpstr (entry->title, ==, input->title);
      if (input->prefill == NULL)
        g_assert_cmpstr (entry->figures, ==, "");
      filled += *entry->figures != '\0';
    }
  /* Here the workspace knows something for all but the context, the
   * monitoring results and the changes ahead. */
  g_assert_cmpuint (filled, ==, inputs->len - 3);

  const char *trends = figures (review, "nonconformity-trends");
  g_autofree char *now_line = g_strdup_printf (
    "Nonconformities from %s to %s: 3 (2 major, 1 minor).", after_first, today_text);
  assert_has (trends, now_line);
  g_autofree char *before_line = g_strdup_printf (
    "Previous period, the start to %s: 1 (0 major, 1 minor); more than before.", first_day);
  assert_has (trends, before_line);
  assert_has (trends, "  7 Support of the service management system: 0 major, 1 minor "
                      "(previously 0 major, 0 minor)");
  g_assert_null (strstr (trends, "  9 "));

  const char *audits = figures (review, "audit-results");
  g_autofree char *audits_line
    = g_strdup_printf ("Audits from %s to %s: 1.", after_first, today_text);
  assert_has (audits, audits_line);
  g_autofree char *april_line
    = g_strdup_printf ("Audit %" G_GINT64_FORMAT " “April audit” (%s "
                       "to ?): 2 major, 1 minor, 2 observation, 2 OFI; 1 of 3 nonconformities "
                       "have an action, 3 not yet verified.",
                       april, april_day);
  assert_has (audits, april_line);
  /* Observations and OFIs are audit results too. */
  assert_has (audits, "All findings of these audits: major 2, minor 1, observations 2, "
                      "opportunities for improvement 2.");
  g_autofree char *coverage = g_strdup_printf (
    "Catalogue coverage: 2 of %u clauses audited in the period.", clauses_with_questions (f));
  assert_has (audits, coverage);
  g_assert_null (strstr (audits, "January"));
  g_assert_null (strstr (audits, "July"));

  g_autofree char *actions_head = g_strdup_printf (
    "2 corrective actions on %s: 2 open, 0 planned, 0 implemented, 0 verified effective, 0 "
    "closed.", today_text);
  const char *actions = figures (review, "corrective-actions");
  assert_has (actions, actions_head);
  assert_has (actions, "Overdue: 1. Due within 14 days: 1. Found not effective at least once: 0.");
  g_autofree char *overdue_line
    = g_strdup_printf ("  Action %" G_GINT64_FORMAT " “Finding", overdue);
  assert_has (actions, overdue_line);
  /* The review's own decisions are reported under their own input. */
  g_assert_null (strstr (actions, "backup appliance"));

  const char *previous = figures (review, "previous-review-actions");
  g_autofree char *previous_head = g_strdup_printf (
    "2 actions from earlier reviews on %s: 2 open, 0 planned, 0 implemented, 0 verified, 0 "
    "closed; 0 overdue.", today_text);
  assert_has (previous, previous_head);
  g_autofree char *decided_line = g_strdup_printf (
    "  Action %" G_GINT64_FORMAT " “Buy a second backup appliance”: Open, owner Owen, due %s",
    decided, decision_due);
  assert_has (previous, decided_line);

  /* Complaints: actions raised from a complaint. */
  const char *complaints = figures (review, "customer-feedback");
  g_autofree char *complaint_line = g_strdup_printf (
    "  Action %" G_GINT64_FORMAT " “Answer faster”: Open, owner Aisha", complained);
  assert_has (complaints, "1 action raised from a complaint by");
  assert_has (complaints, complaint_line);
  g_assert_null (strstr (complaints, "Finding"));

  /* Findings by the clauses each input is about, in the period only. */
  g_autofree char *supplier_line = g_strdup_printf ("  Finding %" G_GINT64_FORMAT " on 8.3.4.1",
                                                    supplier);
  assert_has (figures (review, "supplier-performance"), supplier_line);
  assert_has (figures (review, "supplier-performance"), ": 1 (major 0, minor 0, observations 1");
  g_assert_null (strstr (figures (review, "supplier-performance"), "8.3.4.2"));
  g_autofree char *service_line
    = g_strdup_printf ("  Finding %" G_GINT64_FORMAT " on 9.4", service);
  assert_has (figures (review, "service-performance"), service_line);
  g_autofree char *people_line
    = g_strdup_printf ("  Finding %" G_GINT64_FORMAT " on 7.2", people);
  assert_has (figures (review, "resources"), people_line);
  g_autofree char *risk_line = g_strdup_printf ("  Finding %" G_GINT64_FORMAT " on 6.1", risk);
  assert_has (figures (review, "risks-opportunities"), risk_line);
  const char *improving = figures (review, "improvement-opportunities");
  assert_has (improving, "8.2.4");
  assert_has (improving, service_line);
  g_autofree char *improvement_line = g_strdup_printf (
    "  Action %" G_GINT64_FORMAT " “Publish the service catalogue", improvement);
  assert_has (improving, "1 improvement decided at earlier reviews:");
  assert_has (improving, improvement_line);
  g_assert_null (strstr (improving, "backup appliance"));

  /* The first review, approved, keeps what it saw on its day: the actions
   * recorded since are not in its minutes. */
  g_autoptr (CwReview) earlier = cw_workspace_get_review (f->workspace, first, &error);
  g_assert_null (cw_review_get_period_start (earlier));
  g_assert_cmpstr (cw_review_get_figures_as_of (earlier), ==, first_day);
  g_assert_cmpstr (figures (earlier, "previous-review-actions"), ==, "");
  g_assert_cmpstr (figures (earlier, "corrective-actions"), ==, "");
  g_autofree char *earlier_line = g_strdup_printf (
    "Nonconformities from the start to %s: 1 (0 major, 1 minor).", first_day);
  assert_has (figures (earlier, "nonconformity-trends"), earlier_line);
  assert_has (figures (earlier, "nonconformity-trends"), "No earlier review period");
}

/* An audit of `clause` held from `start` to `end` and issued, with one
 * major on `major_on` when given. */
static gint64
issued_audit (Fixture *f, const char *clause, const char *start, const char *end,
              const char *major_on)
{
  g_autoptr (GError) error = NULL;
  const char *scope[] = { clause, NULL };
  CwAuditDraft draft = { .title = "Programme audit", .scope = scope, .planned_start = start,
                         .planned_end = end };
  gint64 id = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  GDate held;
  day (&held, end);
  CwMeetingRecord opening = { start, "Ada" };
  g_assert_true (cw_workspace_record_meeting (f->workspace, id, CW_MEETING_OPENING, &opening,
                                              &held, &error));
  if (major_on != NULL)
    {
      CwFindingDraft major = { .audit_id = id, .clause = major_on, .grade = CW_GRADE_MAJOR,
                               .requirement = "The procedure asks for it.",
                               .evidence = "No record of it exists.",
                               .statement = "The procedure is not followed.",
                               .raised_on = end, .grade_reason = "The process is absent." };
      g_assert_cmpint (cw_workspace_create_finding (f->workspace, &major, &error), >, 0);
    }
  /* Fieldwork under way without answering the whole checklist. */
  g_autofree char *start_sql
    = g_strdup_printf ("UPDATE audit SET status = 'in-progress' WHERE id = %" G_GINT64_FORMAT, id);
  cw_test_sql (cw_workspace_get_path (f->workspace), start_sql);
  CwMeetingRecord closing = { end, "Ada" };
  g_assert_true (cw_workspace_record_meeting (f->workspace, id, CW_MEETING_CLOSING, &closing,
                                              &held, &error));
  gboolean issued = cw_workspace_issue_audit (f->workspace, id, &held, &error);
  g_assert_no_error (error);
  g_assert_true (issued);
  return id;
}

static char *
audit_figures (Fixture *f, const char *start, const char *end)
{
  g_autoptr (GError) error = NULL;
  GDate as_of;
  day (&as_of, end);
  char *text
    = cw_workspace_review_figures (f->workspace, "audit-results", start, end, &as_of, &error);
  g_assert_no_error (error);
  return text;
}

/* The audit results input says where the programme stood at the end of the
 * period, naming each overdue clause and the day it was due; the audits
 * held after that day do not count yet. */
static void
test_programme_in_audit_results (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* No programme and no audit: nothing to report. With an audit but no
   * programme, the figures say the programme is missing. */
  g_autofree char *empty = audit_figures (f, NULL, "2025-12-01");
  g_assert_cmpstr (empty, ==, "");
  gint64 march = issued_audit (f, "8.6", "2025-03-03", "2025-03-04", "8.6.1");
  g_autofree char *no_programme = audit_figures (f, NULL, "2025-12-01");
  assert_has (no_programme, "Audits from the start to 2025-12-01: 1.");
  assert_has (no_programme, "No internal audit programme is set up");

  /* A programme from January 2025: March's major brings 8.6.1 due in
   * September; an audit of 9.1 is planned for May 2026; 8.6.1 is
   * re-audited in January 2026, after the period. */
  g_assert_true (cw_workspace_start_programme (f->workspace, "2025-01-01", 3, &error));
  const char *scope[] = { "9.1", NULL };
  CwAuditDraft plan = { .title = "Monitoring audit", .scope = scope,
                        .planned_start = "2026-05-04" };
  g_assert_cmpint (cw_workspace_create_audit (f->workspace, &plan, &error), >, 0);
  issued_audit (f, "8.6.1", "2026-01-12", "2026-01-13", NULL);

  g_autofree char *figures_text = audit_figures (f, NULL, "2025-12-01");
  g_assert_null (strstr (figures_text, "No internal audit programme"));
  assert_has (figures_text,
              "Audit programme on 2025-12-01, in its cycle of 3 years from 2025-01-01:\n"
              "  2 clauses covered, not due again soon\n"
              "  1 clause due soon or not yet audited, with an audit planned in time\n"
              "  0 clauses due soon, with no audit planned\n");
  g_autofree char *never = g_strdup_printf (
    "  %u clauses not audited in this cycle yet, not yet due\n", clauses_with_questions (f) - 4);
  assert_has (figures_text, never);
  g_autofree char *overdue = g_strdup_printf (
    "  1 clause overdue:\n"
    "    8.6.1 Incident management: due by 2025-09-04, last audited 2025-03-04 (audit %"
    G_GINT64_FORMAT ")", march);
  assert_has (figures_text, overdue);

  /* A period with no audit still shows the programme: what is due matters
   * most when nothing was audited. */
  g_autofree char *quiet = audit_figures (f, "2025-06-01", "2025-12-01");
  g_assert_null (strstr (quiet, "Audits from"));
  assert_has (quiet, "Audit programme on 2025-12-01");
  assert_has (quiet, overdue);

  /* After the re-audit nothing is overdue. */
  g_autofree char *february = audit_figures (f, "2025-12-02", "2026-02-01");
  assert_has (february, "Audits from 2025-12-02 to 2026-02-01: 1.");
  assert_has (february, "  3 clauses covered, not due again soon\n");
  assert_has (february, "  No clause overdue");
  g_assert_null (strstr (february, "8.6.1 Incident management: due by"));
}

/* A record made after the meeting is not in its figures; one made on the
 * day is. */
static void
test_as_of_meeting (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  today_date (&today);
  g_autofree char *yesterday = day_from_today (-1), *today_text = day_from_today (0);
  g_autofree char *due = day_from_today (20);
  g_autofree char *audit_day = day_from_today (-10);
  gint64 audit = audit_on (f, "Access audit", audit_day, audit_day);
  gint64 minor = finding (f, audit, "8.7.3.2", CW_GRADE_MINOR);
  gint64 before = review_on (f, yesterday, "Owen", today_text);
  CwActionDraft fix = { .finding_id = minor, .owner = "Rhys", .due = due };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &fix, &error), >, 0);
  CwActionDraft complaint = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Late updates",
                              .owner = "Aisha", .due = due };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &complaint, &error), >, 0);
  /* Refreshing yesterday's review still counts as of yesterday. */
  g_assert_true (cw_workspace_refresh_review (f->workspace, before, &today, &error));
  gint64 after = review_on (f, today_text, "Owen", today_text);

  g_autoptr (CwReview) held_before = cw_workspace_get_review (f->workspace, before, &error);
  g_autoptr (CwReview) held_after = cw_workspace_get_review (f->workspace, after, &error);
  g_assert_cmpstr (cw_review_get_figures_as_of (held_before), ==, yesterday);
  g_assert_cmpstr (figures (held_before, "customer-feedback"), ==, "");
  g_assert_cmpstr (figures (held_before, "corrective-actions"), ==, "");
  assert_has (figures (held_after, "customer-feedback"), "Late updates");
  /* The finding's action came after yesterday's meeting. */
  assert_has (figures (held_before, "audit-results"), "0 of 1 nonconformities have an action");
  g_autofree char *now_counted = cw_workspace_review_figures (f->workspace, "audit-results", NULL,
                                                              today_text, &today, &error);
  g_assert_no_error (error);
  assert_has (now_counted, "1 of 1 nonconformities have an action");
  g_autofree char *counted = g_strdup_printf ("2 corrective actions on %s", today_text);
  assert_has (figures (held_after, "corrective-actions"), counted);

  /* Approval stores the figures of the meeting date; they stay. */
  make_approvable (f, before, yesterday);
  note_all (f, before);
  g_assert_true (cw_workspace_approve_review (f->workspace, before, "Owen", &today, &error));
  g_assert_no_error (error);
  CwActionDraft another = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Rude reply",
                            .owner = "Aisha", .due = due };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &another, &error), >, 0);
  g_assert_false (cw_workspace_refresh_review (f->workspace, before, &today, &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_autoptr (CwReview) approved = cw_workspace_get_review (f->workspace, before, &error);
  g_assert_cmpstr (cw_review_get_figures_as_of (approved), ==, yesterday);
  g_assert_cmpstr (figures (approved, "customer-feedback"), ==, "");
  g_assert_cmpstr (cw_review_get_approved_by (approved), ==, "Owen");
}

static void
expect_refused (Fixture *f, gint64 id, const char *by, const GDate *today,
                const char *const *mentions)
{
  gint64 history = count_history (f);
  g_autoptr (GError) error = NULL;
  g_assert_false (cw_workspace_approve_review (f->workspace, id, by, today, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  for (guint i = 0; mentions[i] != NULL; i++)
    assert_has (error->message, mentions[i]);
  /* A refusal writes nothing. */
  g_assert_cmpint (count_history (f), ==, history);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpint (cw_review_get_status (review), ==, CW_REVIEW_DRAFT);
}

#define MENTIONS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void
test_approval_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  today_date (&today);
  g_autofree char *today_text = day_from_today (0), *tomorrow = day_from_today (1);
  g_autofree char *yesterday = day_from_today (-1);
  gint64 audit = audit_on (f, "Audit", yesterday, yesterday);
  finding (f, audit, "8.6.1", CW_GRADE_MINOR);
  gint64 id = review_on (f, today_text, "Owen", today_text);

  /* An empty draft: every gap is named at once, every input by title. */
  g_autoptr (CwReview) empty = cw_workspace_get_review (f->workspace, id, &error);
  expect_refused (f, id, "Owen", &today,
                  MENTIONS ("no attendees", "the chair, Owen, is not an attendee",
                            "neither a note nor “nothing to report”", "no conclusion",
                            "next review is not set"));
  {
    g_autoptr (GError) refused = NULL;
    g_assert_false (cw_workspace_approve_review (f->workspace, id, "Owen", &today, &refused));
    GPtrArray *entries = cw_review_get_entries (empty);
    for (guint i = 0; i < entries->len; i++)
      {
        CwReviewEntry *entry = g_ptr_array_index (entries, i);
        g_autofree char *quoted = g_strdup_printf ("“%s”", entry->title);
        assert_has (refused->message, quoted);
      }
  }
  /* Approval is in a person's name. */
  expect_refused (f, id, "  ", &today, MENTIONS ("name of the person"));
  expect_refused (f, id, NULL, &today, MENTIONS ("name of the person"));

  /* Attendees, but nobody from top management. */
  CwReviewAttendeeDraft owen = { "Owen", "Service manager", FALSE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &owen, &error), ==, 1);
  expect_refused (f, id, "Owen", &today,
                  MENTIONS ("no attendee is marked as top management",
                            "the chair, Owen, is not an attendee marked as top management"));
  /* Top management present, but the chair is someone else. */
  CwReviewAttendeeDraft eleanor = { "Eleanor", "Managing director", TRUE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &eleanor, &error), ==,
                    2);
  expect_refused (f, id, "Owen", &today, MENTIONS ("the chair, Owen, is not an attendee"));
  g_autoptr (CwReview) with_top = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_nonnull (with_top);
  CwReviewDraft chaired = { .held_on = today_text, .chair = "Eleanor" };
  g_assert_true (cw_workspace_update_review (f->workspace, id, &chaired, &error));

  /* "Nothing to report" is refused where the workspace holds figures. */
  g_assert_false (cw_workspace_set_nothing_to_report (f->workspace, id, "nonconformity-trends",
                                                      TRUE, &error));
  assert_has (error->message, "Trends in nonconformities and corrective actions");
  assert_has (error->message, "holds figures");
  g_clear_error (&error);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      if (g_str_equal (entry->input, "resources"))
        continue; /* left out, to be named */
      if (*entry->figures == '\0')
        g_assert_true (cw_workspace_set_nothing_to_report (f->workspace, id, entry->input, TRUE,
                                                           &error));
      else
        g_assert_true (cw_workspace_note_review (f->workspace, id, entry->input, "Discussed.",
                                                 &error));
      g_assert_no_error (error);
    }
  expect_refused (f, id, "Eleanor", &today,
                  MENTIONS ("neither a note nor “nothing to report”: “Adequacy of resources”",
                            "no conclusion"));
  {
    g_autoptr (GError) refused = NULL;
    g_assert_false (cw_workspace_approve_review (f->workspace, id, "Eleanor", &today, &refused));
    g_assert_null (strstr (refused->message, "Audit results"));
    g_assert_null (strstr (refused->message, "attendee"));
  }
  g_assert_true (cw_workspace_note_review (f->workspace, id, "resources", "Enough.", &error));

  /* The conclusion and the next review, after this one. */
  g_assert_false (cw_workspace_conclude_review (f->workspace, id, NULL, today_text, &error));
  assert_has (error->message, "after this one");
  g_clear_error (&error);
  g_assert_false (cw_workspace_conclude_review (f->workspace, id, NULL, "next spring", &error));
  assert_has (error->message, "next spring");
  g_clear_error (&error);
  g_assert_true (cw_workspace_conclude_review (f->workspace, id, "Still fit for purpose.", NULL,
                                               &error));
  expect_refused (f, id, "Eleanor", &today, MENTIONS ("next review is not set"));
  g_autofree char *next = day_from_today (180);
  g_assert_true (cw_workspace_conclude_review (f->workspace, id, NULL, next, &error));
  g_assert_no_error (error);

  /* A meeting not yet held cannot be approved. */
  CwReviewDraft ahead = { .held_on = tomorrow, .chair = "Eleanor" };
  g_assert_true (cw_workspace_update_review (f->workspace, id, &ahead, &error));
  expect_refused (f, id, "Eleanor", &today, MENTIONS (tomorrow, "after today"));
  CwReviewDraft held = { .held_on = today_text, .chair = "Eleanor" };
  g_assert_true (cw_workspace_update_review (f->workspace, id, &held, &error));

  g_assert_true (cw_workspace_approve_review (f->workspace, id, " Eleanor Whitcombe ", &today,
                                              &error));
  g_assert_no_error (error);
  g_autoptr (CwReview) approved = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpint (cw_review_get_status (approved), ==, CW_REVIEW_APPROVED);
  g_assert_cmpstr (cw_review_get_approved_by (approved), ==, "Eleanor Whitcombe");
  g_assert_true (cw_review_meets_rules (approved, &today, &error));
  g_assert_false (cw_workspace_add_review_attendee (f->workspace, id, &owen, &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_assert_false (cw_workspace_conclude_review (f->workspace, id, "Changed", NULL, &error));
  assert_has (error->message, "read-only");
}

/* "Nothing to report" marked while the workspace had nothing, but figures
 * appeared by the meeting date: approval takes the figures of that day and
 * refuses. */
static void
test_nothing_to_report_rechecked (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  today_date (&today);
  g_autofree char *today_text = day_from_today (0), *due = day_from_today (10);
  gint64 id = review_on (f, today_text, "Owen", today_text);
  make_approvable (f, id, today_text);
  note_all (f, id);
  g_assert_true (cw_workspace_set_nothing_to_report (f->workspace, id, "customer-feedback", TRUE,
                                                     &error));
  g_assert_true (
    cw_workspace_note_review (f->workspace, id, "customer-feedback", "", &error));
  CwActionDraft complaint = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Slow answers",
                              .owner = "Aisha", .due = due };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &complaint, &error), >, 0);
  expect_refused (f, id, "Owen", &today,
                  MENTIONS ("“nothing to report” although the workspace holds figures",
                            "“Customer satisfaction, feedback and complaints”"));
}

static void
test_attendees (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today_text = day_from_today (0);
  gint64 id = review_on (f, today_text, "Owen", today_text);
  CwReviewAttendeeDraft blank = { "  ", "Auditor", FALSE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &blank, &error), ==, 0);
  assert_has (error->message, "needs a name");
  g_clear_error (&error);
  CwReviewAttendeeDraft owen = { " Owen ", " Managing director ", TRUE };
  CwReviewAttendeeDraft fiona = { "Fiona", "Quality manager", FALSE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &owen, &error), ==, 1);
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &fiona, &error), ==, 2);
  CwReviewAttendeeDraft lead = { "Fiona", "Audit lead", FALSE };
  g_assert_true (cw_workspace_update_review_attendee (f->workspace, id, 2, &lead, &error));
  g_assert_false (cw_workspace_update_review_attendee (f->workspace, id, 7, &lead, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cw_workspace_remove_review_attendee (f->workspace, id, 1, &error));
  CwReviewAttendeeDraft rhys = { "Rhys", "Security officer", FALSE };
  /* A new attendee goes after the last one, not into the gap: an edit
   * meant for the removed one cannot land on them. */
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &rhys, &error), ==, 3);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  GPtrArray *attendees = cw_review_get_attendee_list (review);
  g_assert_cmpuint (attendees->len, ==, 2);
  CwReviewAttendee *first = g_ptr_array_index (attendees, 0);
  g_assert_cmpstr (first->name, ==, "Fiona");
  g_assert_cmpstr (first->role, ==, "Audit lead");
  g_assert_false (first->top_management);
}

static void
test_rule_gaps (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  today_date (&today);
  g_autofree char *today_text = day_from_today (0), *earlier = day_from_today (-100);
  /* Minutes approved before the rules, as an older Clausewise wrote them. */
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO review (held_on, chair, attendees, period_end, status, created_at, approved_at,"
    " approved_by, uuid) VALUES ('%s', 'Owen', 'Owen\nFiona', '%s', 'approved',"
    " '%sT09:00:00Z', '%sT10:00:00Z', 'root', 'b7c1c6e4-1d2f-4c1b-9a55-0d3c2b1a0f00')",
    earlier, earlier, earlier, earlier);
  g_assert_true (cw_workspace_exec (f->workspace, sql, &error));
  g_assert_no_error (error);

  gint64 id = review_on (f, today_text, "Owen", today_text);
  make_approvable (f, id, today_text);
  note_all (f, id);
  g_assert_true (cw_workspace_approve_review (f->workspace, id, "Owen", &today, &error));

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_review_list_rule_gaps (f->workspace, warnings, &error));
  g_assert_no_error (error);
  g_ptr_array_add (warnings, NULL);
  g_autofree char *all = g_strjoinv ("\n", (char **) warnings->pdata);
  assert_has (all, "Review 1 was approved without attendees' roles");
  assert_has (all, "Review 1 was approved with inputs not addressed: “Status of actions");
  assert_has (all, "Review 1 was approved without a conclusion");
  assert_has (all, "Review 1 was approved without the date of the next review");
  /* Minutes approved under the rules have no gaps. */
  g_autofree char *mention = g_strdup_printf ("Review %" G_GINT64_FORMAT " ", id);
  g_assert_null (strstr (all, mention));
}

static void
test_notes_and_approval (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = review_on (f, "2026-06-30", NULL, "2026-06-30");
  g_assert_true (cw_workspace_note_review (f->workspace, id, "resources",
                                           "  Two engineers short on nights.  ", &error));
  g_assert_no_error (error);
  g_assert_false (cw_workspace_note_review (f->workspace, id, "weather", "Sunny", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  assert_has (error->message, "weather");
  assert_has (error->message, "resources");
  g_clear_error (&error);

  /* Minutes without a chair cannot be approved. */
  GDate today;
  day (&today, "2026-07-01");
  g_assert_false (cw_workspace_approve_review (f->workspace, id, "Owen", &today, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  assert_has (error->message, "chair");
  g_clear_error (&error);
  CwReviewDraft named = { .held_on = "2026-06-30", .chair = "Owen Castellane",
                          .attendees = "Fiona\nTomasz" };
  g_assert_true (cw_workspace_update_review (f->workspace, id, &named, &error));
  CwReviewAttendeeDraft chair = { "Owen Castellane", "Managing director", TRUE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (f->workspace, id, &chair, &error), ==, 1);
  g_assert_true (cw_workspace_conclude_review (f->workspace, id, "Fit.", "2026-12-31", &error));
  note_all (f, id);
  g_assert_true (cw_workspace_note_review (f->workspace, id, "resources",
                                           "  Two engineers short on nights.  ", &error));
  g_assert_true (cw_workspace_approve_review (f->workspace, id, "Owen Castellane", &today,
                                              &error));
  g_assert_no_error (error);

  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpint (cw_review_get_status (review), ==, CW_REVIEW_APPROVED);
  g_assert_cmpstr (cw_review_get_chair (review), ==, "Owen Castellane");
  g_assert_nonnull (cw_review_get_approved_at (review));
  g_assert_cmpstr (cw_review_lookup_entry (review, "resources")->notes, ==,
                   "Two engineers short on nights.");

  /* Approved minutes refuse every edit, each with the reason. */
  CwReviewDecision decision = { .text = "Hire", .owner = "Owen", .due = "2026-09-01",
                                .kind = CW_REVIEW_OUTPUT_RESOURCES };
  g_assert_false (cw_workspace_approve_review (f->workspace, id, "Owen", &today, &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_assert_false (cw_workspace_note_review (f->workspace, id, "resources", "More", &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_assert_cmpint (cw_workspace_decide (f->workspace, id, &decision, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_assert_false (cw_workspace_refresh_review (f->workspace, id, &today, &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  g_assert_false (cw_workspace_update_review (f->workspace, id, &named, &error));
  assert_has (error->message, "read-only");
  g_clear_error (&error);
  /* Nor can a decision be slipped in through the register. */
  CwActionDraft sneaky = { .review_id = id, .source = CW_ACTION_SOURCE_MANAGEMENT_REVIEW,
                           .title = "Later idea" };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &sneaky, &error), ==, 0);
  assert_has (error->message, "read-only");
  g_clear_error (&error);

  g_assert_null (cw_workspace_get_review (f->workspace, 999, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_decide (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = review_on (f, "2026-06-30", "Owen", "2026-06-30");
  CwReviewDecision decision = { .text = "  Test the continuity plan\nFail over hosting.  ",
                                .owner = "Owen", .due = "2026-10-31",
                                .kind = CW_REVIEW_OUTPUT_SERVICE_CHANGE };
  gint64 action_id = cw_workspace_decide (f->workspace, id, &decision, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) action = cw_workspace_get_action (f->workspace, action_id, &error);
  g_assert_cmpint (cw_action_get_source (action), ==, CW_ACTION_SOURCE_MANAGEMENT_REVIEW);
  g_assert_cmpint (cw_action_get_review_id (action), ==, id);
  g_assert_cmpstr (cw_action_get_title (action), ==, "Test the continuity plan");
  g_assert_cmpstr (cw_action_get_description (action), ==,
                   "Test the continuity plan\nFail over hosting.");
  g_assert_cmpstr (cw_action_get_owner (action), ==, "Owen");
  g_assert_cmpstr (cw_action_get_due (action), ==, "2026-10-31");
  g_assert_cmpint (cw_action_get_status (action), ==, CW_ACTION_OPEN);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpint (cw_review_get_output_kind (review, action_id), ==,
                   CW_REVIEW_OUTPUT_SERVICE_CHANGE);

  struct
  {
    CwReviewDecision decision;
    const char *says;
  } refusals[] = {
    { { .text = " ", .owner = "Owen", .due = "2026-10-31", .kind = 1 }, "what was decided" },
    { { .text = "Hire", .owner = "", .due = "2026-10-31", .kind = 1 }, "an owner" },
    { { .text = "Hire", .owner = "Owen", .due = NULL, .kind = 1 }, "a due date" },
    { { .text = "Hire", .owner = "Owen", .due = "31/10/2026", .kind = 1 }, "31/10/2026" },
    { { .text = "Hire", .owner = "Owen", .due = "2026-10-31" }, "needs its kind" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr (GError) refused = NULL;
      gint64 history = count_history (f);
      g_assert_cmpint (cw_workspace_decide (f->workspace, id, &refusals[i].decision, &refused),
                       ==, 0);
      g_assert_nonnull (refused);
      assert_has (refused->message, refusals[i].says);
      g_assert_cmpint (count_history (f), ==, history);
    }
  g_assert_cmpint (cw_workspace_decide (f->workspace, 999, &decision, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  CwActionFilter of_review = { .review_id = id };
  g_autoptr (GPtrArray) decisions = cw_workspace_list_actions (f->workspace, &of_review, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
}

static void
test_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  day (&today, "2026-06-30");
  struct
  {
    CwReviewDraft draft;
    const char *says;
  } refusals[] = {
    { { .held_on = NULL }, "date" },
    { { .held_on = "2026-02-29" }, "2026-02-29" },
    { { .held_on = "2026-06-30", .period_start = "2026-07-01" }, "after the review" },
    { { .held_on = "2026-06-30", .period_start = "yesterday" }, "yesterday" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr (GError) refused = NULL;
      g_assert_cmpint (
        cw_workspace_create_review (f->workspace, &refusals[i].draft, &today, &refused), ==, 0);
      g_assert_nonnull (refused);
      assert_has (refused->message, refusals[i].says);
    }

  gint64 first = review_on (f, "2026-03-31", "Owen", "2026-03-31");
  CwReviewDraft same = { .held_on = "2026-03-31" };
  g_assert_cmpint (cw_workspace_create_review (f->workspace, &same, &today, &error), ==, 0);
  g_autofree char *names = g_strdup_printf ("review %" G_GINT64_FORMAT, first);
  assert_has (error->message, names);
  g_clear_error (&error);

  /* An explicit period start wins over the default. */
  CwReviewDraft custom = { .held_on = "2026-09-30", .period_start = "2026-01-01" };
  gint64 id = cw_workspace_create_review (f->workspace, &custom, &today, &error);
  g_assert_no_error (error);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpstr (cw_review_get_period_start (review), ==, "2026-01-01");
  gint64 next = review_on (f, "2026-12-15", "Owen", "2026-06-30");
  g_autoptr (CwReview) later = cw_workspace_get_review (f->workspace, next, &error);
  g_assert_cmpstr (cw_review_get_period_start (later), ==, "2026-10-01");

  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (f->workspace, &error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_assert_cmpint (cw_review_get_id (g_ptr_array_index (reviews, 0)), ==, first);
}

/* A meeting still ahead has figures as of today; refreshing brings them
 * up to date and keeps the notes. */
static void
test_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ahead = day_from_today (30), *yesterday = day_from_today (-1);
  g_autofree char *today_text = day_from_today (0), *late = day_from_today (-3);
  gint64 id = review_on (f, ahead, "Owen", yesterday);
  g_assert_true (cw_workspace_note_review (f->workspace, id, "corrective-actions",
                                           "Discussed the backlog.", &error));
  CwActionDraft incident = { .source = CW_ACTION_SOURCE_INCIDENT, .title = "Patch the VPN",
                             .owner = "Rhys", .due = late };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &incident, &error), >, 0);

  GDate today;
  today_date (&today);
  g_assert_true (cw_workspace_refresh_review (f->workspace, id, &today, &error));
  g_assert_no_error (error);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpstr (cw_review_get_figures_as_of (review), ==, today_text);
  const CwReviewEntry *entry = cw_review_lookup_entry (review, "corrective-actions");
  g_autofree char *head = g_strdup_printf ("1 corrective action on %s", today_text);
  assert_has (entry->figures, head);
  assert_has (entry->figures, "Overdue: 1.");
  assert_has (entry->figures, "Patch the VPN");
  g_assert_cmpstr (entry->notes, ==, "Discussed the backlog.");
}

/* The certification body's audits of the period are audit results too:
 * each with its findings by grade and how many are still open. */
static void
test_certification_results (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, 6, 2026);
  CwExternalAuditDraft earlier = { .kind = CW_EXTERNAL_SURVEILLANCE, .body = "Certa Assurance",
                                   .starts_on = "2025-11-03" };
  g_assert_cmpint (cw_workspace_add_external_audit (f->workspace, &earlier, &error), >, 0);
  CwExternalAuditDraft stage_one = { .kind = CW_EXTERNAL_STAGE_ONE, .body = "Certa Assurance",
                                     .starts_on = "2026-03-10", .ends_on = "2026-03-11",
                                     .reference = "CA-114" };
  gint64 audit = cw_workspace_add_external_audit (f->workspace, &stage_one, &error);
  g_assert_no_error (error);
  const struct
  {
    CwBodyGrade grade;
    const char *reference;
  } findings[] = { { CW_BODY_CONCERN, "S1-C1" }, { CW_BODY_CONCERN, "S1-C2" },
                   { CW_BODY_OBSERVATION, "S1-O1" } };
  gint64 first = 0;
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      CwExternalFindingDraft draft = { .audit_id = audit, .grade = findings[i].grade,
                                       .reference = findings[i].reference, .clause = "8.3.4",
                                       .text = "As the report words it" };
      gint64 id = cw_workspace_add_external_finding (f->workspace, &draft, &error);
      g_assert_no_error (error);
      first = first ? first : id;
    }
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, first, "2026-04-01",
                                                        "Records sent", &error));
  g_assert_no_error (error);

  g_autofree char *text = cw_workspace_review_figures (f->workspace, "audit-results",
                                                       "2026-01-01", "2026-06-30", &today,
                                                       &error);
  g_assert_no_error (error);
  assert_has (text, "Certification body audits from 2026-01-01 to 2026-06-30: 1.");
  assert_has (text, "  Stage One by Certa Assurance (2026-03-10 to 2026-03-11, report CA-114): "
                    "concerns 2, major 0, minor 0, observations 1, opportunities for "
                    "improvement 0; still open 2.");
  g_assert_null (strstr (text, "Surveillance"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                            \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/review/prefill", test_prefill);
  ADD ("/core/review/notes-and-approval", test_notes_and_approval);
  ADD ("/core/review/decide", test_decide);
  ADD ("/core/review/dates", test_dates);
  ADD ("/core/review/refresh", test_refresh);
  ADD ("/core/review/as-of-meeting", test_as_of_meeting);
  ADD ("/core/review/programme-in-audit-results", test_programme_in_audit_results);
  ADD ("/core/review/approval-rules", test_approval_rules);
  ADD ("/core/review/nothing-to-report-rechecked", test_nothing_to_report_rechecked);
  ADD ("/core/review/attendees", test_attendees);
  ADD ("/core/review/rule-gaps", test_rule_gaps);
  ADD ("/core/review/certification-results", test_certification_results);
  return g_test_run ();
}
