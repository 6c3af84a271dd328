/* test-readiness.c: each readiness criterion turns red, amber and green
 * for the reason its rule gives, and names the records behind it. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-demo.h"
#include "cw-external.h"
#include "cw-finding.h"
#include "cw-programme.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-review.h"
#include "cw-test-util.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
  cw_date_local_today (&f->today);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
}

static void
sql (Fixture *f, const char *statement)
{
  cw_test_sql (cw_workspace_get_path (f->workspace), statement);
}

/* A day `days` from today, as text. */
static char *
from_today (Fixture *f, gint days)
{
  GDate date = f->today;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return cw_date_to_string (&date);
}

/* The criterion `id` as it stands now; its colour is checked against
 * `colour`, and its reason must mention `mention` when given. */
/* Every criterion as it stands: both stages, then the cycle. */
static GPtrArray *
all_criteria (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *criteria = cw_workspace_readiness (f->workspace, 0, &f->today, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) cycle
    = cw_workspace_readiness (f->workspace, CW_STAGE_CYCLE, &f->today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cycle->len; i++)
    g_ptr_array_add (criteria, g_ptr_array_steal_index (cycle, i--));
  return criteria;
}

static void
assert_colour (Fixture *f, const char *id, CwReadyColour colour, const char *mention)
{
  g_autoptr (GPtrArray) criteria = all_criteria (f);
  for (guint i = 0; i < criteria->len; i++)
    {
      CwCriterion *c = g_ptr_array_index (criteria, i);
      if (!g_str_equal (c->id, id))
        continue;
      if (c->colour != colour)
        g_error ("%s is %s, not %s: %s", id, cw_ready_colour_to_string (c->colour),
                 cw_ready_colour_to_string (colour), c->reason);
      if (mention != NULL)
        cw_test_assert_contains (c->reason, mention);
      return;
    }
  g_error ("no criterion %s", id);
}

/* Whether the criterion names a record of `entity` with `id`. */
static gboolean
names_record (Fixture *f, const char *criterion, const char *entity, gint64 id)
{
  g_autoptr (GPtrArray) criteria = all_criteria (f);
  for (guint i = 0; i < criteria->len; i++)
    {
      CwCriterion *c = g_ptr_array_index (criteria, i);
      if (!g_str_equal (c->id, criterion))
        continue;
      for (guint r = 0; r < c->records->len; r++)
        {
          CwReadinessRecord *record = &g_array_index (c->records, CwReadinessRecord, r);
          if (g_str_equal (record->entity, entity) && record->id == id)
            return TRUE;
        }
    }
  return FALSE;
}

static gint64
add_entry (Fixture *f, const char *reference, const char *clause, CwExpectedKind kind,
           CwDocStatus status, const char *review_due)
{
  g_autoptr (GError) error = NULL;
  const char *clauses[] = { clause, NULL };
  CwRegisterDraft draft = { .reference = reference, .title = reference, .kind = kind,
                            .clauses = clauses, .status = status,
                            .approved_on = status == CW_DOC_APPROVED ? "2026-01-01" : NULL,
                            .review_due = review_due };
  gint64 id = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_scope (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  assert_colour (f, "scope", CW_READY_RED, NULL);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (f->workspace, &error);
  g_free (organisation->scope);
  organisation->scope = g_strdup ("Managed hosting for Northwind customers");
  g_assert_true (cw_workspace_set_organisation (f->workspace, organisation, &error));
  g_assert_no_error (error);
  assert_colour (f, "scope", CW_READY_AMBER, "services");
  g_autoptr (CwOrganisation) again = cw_workspace_get_organisation (f->workspace, &error);
  g_free (again->services);
  again->services = g_strdup ("Hosting, backup");
  g_assert_true (cw_workspace_set_organisation (f->workspace, again, &error));
  assert_colour (f, "scope", CW_READY_GREEN, NULL);
}

static void
test_mandatory (Fixture *f, gconstpointer data)
{
  assert_colour (f, "mandatory-documents", CW_READY_RED, "missing");
  assert_colour (f, "policy-objectives", CW_READY_RED, NULL);
  assert_colour (f, "plan", CW_READY_RED, NULL);
  guint n;
  const CwMandatoryItem *items = cw_register_mandatory_items (&n);
  g_autofree char *next_year = from_today (f, 365);
  gint64 last = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *reference = g_strdup_printf ("M-%u", i);
      last = add_entry (f, reference, items[i].clause, items[i].kind, CW_DOC_APPROVED, next_year);
    }
  assert_colour (f, "mandatory-documents", CW_READY_GREEN, NULL);
  assert_colour (f, "policy-objectives", CW_READY_GREEN, NULL);
  assert_colour (f, "plan", CW_READY_GREEN, NULL);

  /* One past its review date: amber, and named. */
  g_autofree char *yesterday = from_today (f, -1);
  g_autofree char *past = g_strdup_printf (
    "UPDATE register_entry SET review_due = '%s' WHERE id = %" G_GINT64_FORMAT, yesterday, last);
  sql (f, past);
  assert_colour (f, "mandatory-documents", CW_READY_AMBER, "past the review date");
  g_assert_true (names_record (f, "mandatory-documents", "register", last));

  /* The plan a draft: amber for it too. */
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) plan = NULL;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (items[i].clause, "6.3"))
      {
        g_autofree char *reference = g_strdup_printf ("M-%u", i);
        plan = cw_workspace_find_register_entry (f->workspace, reference, &error);
      }
  g_assert_nonnull (plan);
  const char *clauses[] = { "6.3", NULL };
  CwRegisterDraft draft = { .reference = plan->reference, .title = plan->title,
                            .kind = plan->kind, .clauses = clauses, .status = CW_DOC_DRAFT,
                            .approved_on = plan->approved_on, .review_due = plan->review_due };
  g_assert_true (cw_workspace_update_register_entry (f->workspace, plan, &draft, &error));
  g_assert_no_error (error);
  assert_colour (f, "plan", CW_READY_AMBER, "1 not yet approved");

  /* Withdrawn, it serves nothing: missing again. */
  g_autoptr (CwRegisterEntry) reloaded
    = cw_workspace_get_register_entry (f->workspace, plan->id, &error);
  g_assert_true (cw_workspace_withdraw_register_entry (f->workspace, reloaded, &error));
  assert_colour (f, "plan", CW_READY_RED, "missing");
  assert_colour (f, "mandatory-documents", CW_READY_RED, "1 of");
}

static gint64
new_audit (Fixture *f, const char *start)
{
  g_autoptr (GError) error = NULL;
  CwAuditDraft draft = { .title = "Internal audit", .planned_start = start, .planned_end = start };
  gint64 id = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

/* Issues the audit today, with fieldwork under way first. */
static void
issue (Fixture *f, gint64 audit)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = from_today (f, 0);
  CwMeetingRecord meeting = { today, "Ada" };
  g_assert_true (cw_workspace_record_meeting (f->workspace, audit, CW_MEETING_OPENING, &meeting,
                                              &f->today, &error));
  g_assert_no_error (error);
  g_autofree char *start = g_strdup_printf (
    "UPDATE audit SET status = 'in-progress' WHERE id = %" G_GINT64_FORMAT, audit);
  sql (f, start);
  cw_test_issue_audit (f->workspace, audit);
}

static void
test_programme_and_audits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  assert_colour (f, "programme", CW_READY_RED, NULL);
  assert_colour (f, "audit-issued", CW_READY_RED, NULL);
  assert_colour (f, "coverage", CW_READY_RED, "57 of 57");
  g_autofree char *start = from_today (f, -30);
  g_assert_true (cw_workspace_start_programme (f->workspace, start, 3, &error));
  g_assert_no_error (error);
  assert_colour (f, "programme", CW_READY_AMBER, "no audit");

  g_autofree char *soon = from_today (f, 10);
  gint64 audit = new_audit (f, soon);
  assert_colour (f, "programme", CW_READY_GREEN, NULL);
  assert_colour (f, "audit-issued", CW_READY_AMBER, NULL);
  /* Planned within the window: covered on paper only. */
  assert_colour (f, "coverage", CW_READY_AMBER, "not yet issued");
  g_assert_true (names_record (f, "coverage", "audit", audit));

  issue (f, audit);
  assert_colour (f, "audit-issued", CW_READY_GREEN, NULL);
  assert_colour (f, "coverage", CW_READY_GREEN, NULL);

  /* Held 14 months ago, it no longer counts; with a longer window it does. */
  g_autofree char *old = from_today (f, -14 * 31);
  g_autofree char *move = g_strdup_printf (
    "UPDATE audit SET closing_on = '%s' WHERE id = %" G_GINT64_FORMAT, old, audit);
  sql (f, move);
  assert_colour (f, "coverage", CW_READY_RED, NULL);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_true (cw_workspace_set_coverage_months (f->workspace, 24, organisation->rev, &error));
  g_assert_no_error (error);
  assert_colour (f, "coverage", CW_READY_GREEN, NULL);
  /* A stale revision is refused. */
  g_assert_false (cw_workspace_set_coverage_months (f->workspace, 6, organisation->rev, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (cw_workspace_set_coverage_months (f->workspace, 0, organisation->rev + 1,
                                                    &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
}

static gint64
new_finding (Fixture *f, gint64 audit, CwGrade grade)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = { .audit_id = audit, .clause = "8.5.1.1", .grade = grade,
                           .requirement = "R", .evidence = "E", .statement = "S",
                           .grade_reason = "Why" };
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
set_status (Fixture *f, const char *table, gint64 id, const char *status)
{
  g_autofree char *statement = g_strdup_printf (
    "UPDATE %s SET status = '%s' WHERE id = %" G_GINT64_FORMAT, table, status, id);
  sql (f, statement);
}

static void
test_nonconformities (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = from_today (f, 0);
  gint64 audit = new_audit (f, today);
  gint64 major = new_finding (f, audit, CW_GRADE_MAJOR);
  gint64 minor = new_finding (f, audit, CW_GRADE_MINOR);
  assert_colour (f, "no-open-major", CW_READY_RED, "1 major");
  g_assert_true (names_record (f, "no-open-major", "finding", major));
  set_status (f, "finding", major, "implemented");
  assert_colour (f, "no-open-major", CW_READY_AMBER, "awaits verification");
  set_status (f, "finding", major, "verified");
  assert_colour (f, "no-open-major", CW_READY_GREEN, NULL);

  assert_colour (f, "minors-planned", CW_READY_RED, "no corrective action");
  g_assert_true (names_record (f, "minors-planned", "finding", minor));
  CwActionDraft draft = { .finding_id = minor, .source = CW_ACTION_SOURCE_INTERNAL_AUDIT,
                          .title = "Fix approvals" };
  gint64 action = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);
  assert_colour (f, "minors-planned", CW_READY_AMBER, "no plan");
  g_assert_true (names_record (f, "minors-planned", "action", action));
  set_status (f, "action", action, "planned");
  set_status (f, "finding", minor, "planned");
  assert_colour (f, "minors-planned", CW_READY_GREEN, NULL);

  /* The action implemented: verification awaited, then overdue, then done. */
  assert_colour (f, "actions-verified", CW_READY_GREEN, NULL);
  g_autofree char *later = from_today (f, 30);
  g_autofree char *yesterday = from_today (f, -1);
  g_autofree char *implemented = g_strdup_printf (
    "UPDATE action SET status = 'implemented', check_due = '%s' WHERE id = %" G_GINT64_FORMAT,
    later, action);
  sql (f, implemented);
  assert_colour (f, "actions-verified", CW_READY_AMBER, "awaits verification");
  g_autofree char *overdue = g_strdup_printf (
    "UPDATE action SET check_due = '%s' WHERE id = %" G_GINT64_FORMAT, yesterday, action);
  sql (f, overdue);
  assert_colour (f, "actions-verified", CW_READY_RED, "past the day");
  set_status (f, "action", action, "verified");
  assert_colour (f, "actions-verified", CW_READY_GREEN, NULL);
}

static void
test_reviews (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  assert_colour (f, "review-approved", CW_READY_RED, NULL);
  assert_colour (f, "review-after-audit", CW_READY_RED, "No internal audit");
  g_autofree char *last_month = from_today (f, -30);
  CwReviewDraft early = { .held_on = last_month, .chair = "Dana" };
  gint64 before = cw_workspace_create_review (f->workspace, &early, &f->today, &error);
  g_assert_no_error (error);
  assert_colour (f, "review-approved", CW_READY_AMBER, "not approved");
  set_status (f, "review", before, "approved");
  assert_colour (f, "review-approved", CW_READY_GREEN, NULL);

  /* An audit issued today: the review of last month came before it. */
  g_autofree char *today = from_today (f, 0);
  gint64 audit = new_audit (f, today);
  issue (f, audit);
  assert_colour (f, "review-after-audit", CW_READY_RED, "No management review");
  CwReviewDraft after = { .held_on = today, .chair = "Dana" };
  gint64 review = cw_workspace_create_review (f->workspace, &after, &f->today, &error);
  g_assert_no_error (error);
  assert_colour (f, "review-after-audit", CW_READY_AMBER, "not approved");
  set_status (f, "review", review, "approved");
  assert_colour (f, "review-after-audit", CW_READY_GREEN, NULL);
  g_assert_true (names_record (f, "review-after-audit", "review", review));
}

static void
set_stage_dates (Fixture *f, const char *stage_one, const char *stage_two)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_no_error (error);
  g_free (organisation->stage_one);
  g_free (organisation->stage_two);
  organisation->stage_one = g_strdup (stage_one);
  organisation->stage_two = g_strdup (stage_two);
  g_assert_true (cw_workspace_set_organisation (f->workspace, organisation, &error));
  g_assert_no_error (error);
}

static gint64
external_audit (Fixture *f, CwExternalKind kind, const char *starts_on)
{
  g_autoptr (GError) error = NULL;
  CwExternalAuditDraft draft = { .kind = kind, .body = "Certa Assurance", .starts_on = starts_on };
  gint64 id = cw_workspace_add_external_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
external_finding (Fixture *f, gint64 audit, CwBodyGrade grade, const char *reference,
                  const char *respond_by)
{
  g_autoptr (GError) error = NULL;
  CwExternalFindingDraft draft = { .audit_id = audit, .grade = grade, .reference = reference,
                                   .clause = "8.3.4", .text = "Supplier reviews not evidenced",
                                   .respond_by = respond_by };
  gint64 id = cw_workspace_add_external_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

/* The concerns of the body's Stage One report: amber before Stage One,
 * red once its date passed with nothing recorded, amber while a concern
 * is open, red once it is late (response deadline, or Stage Two come),
 * green when every one is resolved. An action does not resolve one. */
static void
test_concerns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *last_month = from_today (f, -30);
  g_autofree char *yesterday = from_today (f, -1);
  g_autofree char *next_week = from_today (f, 7);
  g_autofree char *next_month = from_today (f, 30);
  assert_colour (f, "stage-one-concerns", CW_READY_AMBER, "No Stage One audit");
  set_stage_dates (f, last_month, next_month);
  assert_colour (f, "stage-one-concerns", CW_READY_RED, last_month);

  gint64 audit = external_audit (f, CW_EXTERNAL_STAGE_ONE, last_month);
  assert_colour (f, "stage-one-concerns", CW_READY_GREEN, NULL);
  gint64 concern = external_finding (f, audit, CW_BODY_CONCERN, "S1-C1", next_week);
  external_finding (f, audit, CW_BODY_OBSERVATION, "S1-O1", NULL);
  assert_colour (f, "stage-one-concerns", CW_READY_AMBER, "1 Stage One concern is still open: S1-C1");
  g_assert_true (names_record (f, "stage-one-concerns", "external-finding", concern));

  CwActionDraft draft = { .external_finding_id = concern, .owner = "Dana" };
  gint64 action = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  assert_colour (f, "stage-one-concerns", CW_READY_AMBER, "S1-C1");

  gint64 late = external_finding (f, audit, CW_BODY_CONCERN, "S1-C2", yesterday);
  assert_colour (f, "stage-one-concerns", CW_READY_RED, "past the response deadline the body gave: S1-C2");
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, late, yesterday,
                                                        "Evidence sent", &error));
  g_assert_no_error (error);
  assert_colour (f, "stage-one-concerns", CW_READY_AMBER, "S1-C1");

  /* Stage Two has come and S1-C1 is still open. */
  set_stage_dates (f, last_month, yesterday);
  assert_colour (f, "stage-one-concerns", CW_READY_RED, "still open: S1-C1");
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, concern, yesterday,
                                                        "Supplier review records accepted",
                                                        &error));
  g_assert_no_error (error);
  assert_colour (f, "stage-one-concerns", CW_READY_GREEN, NULL);
}

/* The body's open majors count, with the internal ones, until resolved. */
static void
test_body_majors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *yesterday = from_today (f, -1);
  assert_colour (f, "no-open-major", CW_READY_GREEN, NULL);
  gint64 audit = external_audit (f, CW_EXTERNAL_STAGE_TWO, yesterday);
  external_finding (f, audit, CW_BODY_MINOR, "S2-N2", NULL);
  assert_colour (f, "no-open-major", CW_READY_GREEN, NULL);
  gint64 major = external_finding (f, audit, CW_BODY_MAJOR, "S2-N1", NULL);
  assert_colour (f, "no-open-major", CW_READY_RED, "1 of them raised by the certification body (S2-N1)");
  g_assert_true (names_record (f, "no-open-major", "external-finding", major));
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, major, yesterday,
                                                        "Correction verified by the body",
                                                        &error));
  g_assert_no_error (error);
  assert_colour (f, "no-open-major", CW_READY_GREEN, NULL);
}

static void
set_certified (Fixture *f, const char *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_no_error (error);
  g_free (organisation->certified_on);
  organisation->certified_on = g_strdup (day);
  g_assert_true (cw_workspace_set_organisation (f->workspace, organisation, &error));
  g_assert_no_error (error);
}

/* The dates of a cycle: three years less a day, surveillance within 12
 * and 24 months, recertification three months before expiry. */
static void
test_cycle_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCertCycle) none = cw_workspace_certification_cycle (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_autoptr (GPtrArray) empty
    = cw_workspace_readiness (f->workspace, CW_STAGE_CYCLE, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);

  set_certified (f, "2024-03-01");
  gint64 stage_two = external_audit (f, CW_EXTERNAL_STAGE_TWO, "2024-01-15");
  gint64 first = external_audit (f, CW_EXTERNAL_SURVEILLANCE, "2025-02-10");
  g_autoptr (CwCertCycle) cycle = cw_workspace_certification_cycle (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cycle->certified_on, ==, "2024-03-01");
  g_assert_cmpstr (cycle->expires_on, ==, "2027-02-28");
  g_assert_cmpstr (cycle->due[CW_VISIT_FIRST_SURVEILLANCE], ==, "2025-03-01");
  g_assert_cmpstr (cycle->due[CW_VISIT_SECOND_SURVEILLANCE], ==, "2026-03-01");
  g_assert_cmpstr (cycle->due[CW_VISIT_RECERTIFICATION], ==, "2026-12-01");
  g_assert_cmpint (cycle->held[CW_VISIT_FIRST_SURVEILLANCE], ==, first);
  g_assert_cmpint (cycle->held[CW_VISIT_SECOND_SURVEILLANCE], ==, 0);
  g_assert_cmpint (cycle->next, ==, CW_VISIT_SECOND_SURVEILLANCE);
  g_assert_cmpstr (cycle->last_visit, ==, "2025-02-10");
  g_assert_cmpint (stage_two, !=, first);
}

/* After certification: the certificate, each visit, the body's findings
 * and the clauses audited since the body came, each red, amber and green. */
static void
test_cycle (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *certified = from_today (f, -300);
  g_autofree char *yesterday = from_today (f, -1);
  set_certified (f, certified);
  assert_colour (f, "certificate", CW_READY_GREEN, "valid until");
  /* Due in about nine weeks. */
  assert_colour (f, "first-surveillance", CW_READY_AMBER, "Due by");
  assert_colour (f, "second-surveillance", CW_READY_GREEN, "Due by");
  assert_colour (f, "recertification", CW_READY_GREEN, "Due by");
  assert_colour (f, "body-findings", CW_READY_GREEN, NULL);
  assert_colour (f, "audited-since-visit", CW_READY_RED, "57 of 57");

  gint64 visit = external_audit (f, CW_EXTERNAL_SURVEILLANCE, yesterday);
  assert_colour (f, "first-surveillance", CW_READY_GREEN, yesterday);
  g_assert_true (names_record (f, "first-surveillance", "external-audit", visit));
  /* The next visit is a year away: what is not audited yet is amber. */
  assert_colour (f, "audited-since-visit", CW_READY_AMBER, yesterday);

  gint64 minor = external_finding (f, visit, CW_BODY_MINOR, "SV1-N1", NULL);
  assert_colour (f, "body-findings", CW_READY_AMBER, "1 finding");
  g_assert_true (names_record (f, "body-findings", "external-finding", minor));
  gint64 major = external_finding (f, visit, CW_BODY_MAJOR, "SV1-N2", NULL);
  assert_colour (f, "body-findings", CW_READY_RED, "1 major");
  external_finding (f, visit, CW_BODY_OFI, "SV1-O1", NULL);
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, major, yesterday,
                                                        "Correction accepted", &error));
  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, minor, yesterday,
                                                        "Action plan accepted", &error));
  g_assert_no_error (error);
  assert_colour (f, "body-findings", CW_READY_GREEN, NULL);

  g_autofree char *today = from_today (f, 0);
  gint64 audit = new_audit (f, today);
  issue (f, audit);
  assert_colour (f, "audited-since-visit", CW_READY_GREEN, "All 57 clauses");

  /* A year later and nothing more recorded: the second visit is late. */
  g_autofree char *earlier = from_today (f, -(365 * 2 + 10));
  set_certified (f, earlier);
  assert_colour (f, "second-surveillance", CW_READY_RED, "not recorded");

  /* Near the end of the certificate without a recertification audit. */
  g_autofree char *nearly = from_today (f, -(365 * 3 - 30));
  set_certified (f, nearly);
  assert_colour (f, "certificate", CW_READY_AMBER, "no recertification audit");
  g_autofree char *expired = from_today (f, -(365 * 3 + 10));
  set_certified (f, expired);
  assert_colour (f, "certificate", CW_READY_RED, "expired");
}

/* One stage only, and the weeks to a date. */
static void
test_stage_filter (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) one = cw_workspace_readiness (f->workspace, CW_STAGE_ONE, &f->today,
                                                      &error);
  g_autoptr (GPtrArray) two = cw_workspace_readiness (f->workspace, CW_STAGE_TWO, &f->today,
                                                      &error);
  g_assert_cmpuint (one->len, ==, 7);
  g_assert_cmpuint (two->len, ==, 6);
  for (guint i = 0; i < one->len; i++)
    g_assert_cmpint (((CwCriterion *) g_ptr_array_index (one, i))->stage, ==, CW_STAGE_ONE);
  gint weeks;
  g_autofree char *in_three_weeks = from_today (f, 21);
  g_assert_true (cw_readiness_weeks_until (in_three_weeks, &f->today, &weeks));
  g_assert_cmpint (weeks, ==, 3);
  g_assert_false (cw_readiness_weeks_until (NULL, &f->today, &weeks));
}

/* The demo shows every colour: a missing mandatory item and a clause its
 * audits left out (red), objectives past their review date (amber), and
 * much in place (green). */
static void
test_demo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  Fixture f = { NULL, cw_demo_create (path, &error) };
  g_assert_no_error (error);
  g_date_clear (&f.today, 1);
  g_date_set_dmy (&f.today, 1, 12, 2026);
  assert_colour (&f, "mandatory-documents", CW_READY_RED, "1 of 32");
  assert_colour (&f, "policy-objectives", CW_READY_AMBER, "1 past the review date");
  assert_colour (&f, "plan", CW_READY_GREEN, NULL);
  assert_colour (&f, "scope", CW_READY_GREEN, NULL);
  assert_colour (&f, "coverage", CW_READY_RED, "1 of 57 clauses");
  /* The body's Stage One left one area of concern open, with its action. */
  assert_colour (&f, "stage-one-concerns", CW_READY_AMBER, "S1-C2");
  g_autoptr (GPtrArray) criteria = cw_workspace_readiness (f.workspace, CW_STAGE_ONE, &f.today,
                                                           &error);
  CwCriterion *mandatory = g_ptr_array_index (criteria, 1);
  CwReadinessRecord *first = &g_array_index (mandatory->records, CwReadinessRecord, 0);
  g_assert_cmpstr (first->entity, ==, "clause");
  g_assert_cmpstr (first->label, ==, "8.3.4.2 document");
  /* The clause left out is named, for the quality manager to plan. */
  g_autoptr (GPtrArray) stage_two = cw_workspace_readiness (f.workspace, CW_STAGE_TWO, &f.today,
                                                            &error);
  g_assert_no_error (error);
  gboolean named = FALSE;
  for (guint i = 0; i < stage_two->len; i++)
    {
      CwCriterion *c = g_ptr_array_index (stage_two, i);
      if (!g_str_equal (c->id, "coverage"))
        continue;
      CwReadinessRecord *clause = &g_array_index (c->records, CwReadinessRecord, 0);
      g_assert_cmpstr (clause->entity, ==, "clause");
      g_assert_cmpstr (clause->label, ==, "8.4.1");
      named = TRUE;
    }
  g_assert_true (named);
  g_clear_object (&f.workspace);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/readiness/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("scope", test_scope);
  ADD ("mandatory", test_mandatory);
  ADD ("programme-and-audits", test_programme_and_audits);
  ADD ("nonconformities", test_nonconformities);
  ADD ("reviews", test_reviews);
  ADD ("concerns", test_concerns);
  ADD ("body-majors", test_body_majors);
  ADD ("stage-filter", test_stage_filter);
  ADD ("cycle-dates", test_cycle_dates);
  ADD ("cycle", test_cycle);
  g_test_add_func ("/core/readiness/demo", test_demo);
  return g_test_run ();
}
