/* test-review.c: management reviews: the figures the core fills in, checked
 * against a workspace built here with known audits, findings and actions;
 * notes, decisions becoming actions, and approved minutes staying as they
 * were. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-review.h"
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

/* Two periods: up to the first review on 1 Feb 2026, and from 2 Feb to the
 * second review on 30 Jun 2026. */
static void
test_prefill (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 january = audit_on (f, "January audit", "2026-01-10", "2026-01-12");
  answer (f, january, "8.6.1.q1");
  finding (f, january, "8.6.1", CW_GRADE_MINOR);

  gint64 first = review_on (f, "2026-02-01", "Owen", "2026-02-01");
  CwReviewDecision decision
    = { .text = "Buy a second backup appliance\nBudget approved.", .owner = "Owen",
        .due = "2026-09-30" };
  gint64 decided = cw_workspace_decide (f->workspace, first, &decision, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_approve_review (f->workspace, first, &error));

  gint64 april = audit_on (f, "April audit", "2026-04-10", NULL);
  answer (f, april, "8.5.1.3.q1");
  answer (f, april, "8.7.2.q1");
  answer (f, april, "8.7.2.q2");
  gint64 major = finding (f, april, "8.5.1.3", CW_GRADE_MAJOR);
  finding (f, april, "8.7.2", CW_GRADE_MAJOR);
  finding (f, april, "7.2", CW_GRADE_MINOR);
  finding (f, april, "8.2.4", CW_GRADE_OFI);
  /* An audit after the review date is outside its period. */
  gint64 july = audit_on (f, "July audit", "2026-07-06", NULL);
  finding (f, july, "9.2", CW_GRADE_MAJOR);

  CwActionDraft late = { .finding_id = major, .owner = "Tomasz", .due = "2026-05-01" };
  gint64 overdue = cw_workspace_create_action (f->workspace, &late, &error);
  g_assert_no_error (error);
  CwActionDraft complaint = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Answer faster",
                              .owner = "Aisha", .due = "2026-07-10" };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &complaint, &error), >, 0);

  gint64 second = review_on (f, "2026-06-30", "Owen", "2026-06-30");
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_review_get_period_start (review), ==, "2026-02-02");
  g_assert_cmpstr (cw_review_get_period_end (review), ==, "2026-06-30");
  g_assert_cmpstr (cw_review_get_figures_as_of (review), ==, "2026-06-30");
  g_assert_cmpint (cw_review_get_status (review), ==, CW_REVIEW_DRAFT);

  /* Every catalogue input is there, in order; only the prefilled ones
   * have figures. */
  GArray *inputs = cw_catalogue_get_review_inputs (cw_workspace_get_catalogue (f->workspace));
  GPtrArray *entries = cw_review_get_entries (review);
  g_assert_cmpuint (entries->len, ==, inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (inputs, CwReviewInput, i);
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      g_assert_cmpstr (entry->input, ==, input->id);
      g_assert_cmpstr (entry->title, ==, input->title);
      g_assert_cmpint (input->prefill == NULL, ==, *entry->figures == '\0');
    }

  const char *trends = figures (review, "nonconformity-trends");
  assert_has (trends, "Nonconformities from 2026-02-02 to 2026-06-30: 3 (2 major, 1 minor).");
  assert_has (trends, "Previous period, the start to 2026-02-01: 1 (0 major, 1 minor); more than "
                      "before.");
  assert_has (trends, "  7 Support of the service management system: 0 major, 1 minor "
                      "(previously 0 major, 0 minor)");
  assert_has (trends, "  8 Operation of the service management system: 2 major, 0 minor "
                      "(previously 0 major, 1 minor)");
  g_assert_null (strstr (trends, "  9 "));

  const char *audits = figures (review, "audit-results");
  assert_has (audits, "Audits from 2026-02-02 to 2026-06-30: 1.");
  g_autofree char *april_line
    = g_strdup_printf ("Audit %" G_GINT64_FORMAT " “April audit” (In progress, 2026-04-10 "
                       "to ?): 2 major, 1 minor, 0 observation, 1 OFI; 1 of 3 nonconformities "
                       "have an action, 3 not yet verified.",
                       april);
  assert_has (audits, april_line);
  g_autofree char *coverage = g_strdup_printf (
    "Catalogue coverage: 2 of %u clauses audited in the period.", clauses_with_questions (f));
  assert_has (audits, coverage);
  g_assert_null (strstr (audits, "January"));
  g_assert_null (strstr (audits, "July"));

  const char *actions = figures (review, "corrective-actions");
  assert_has (actions, "2 corrective actions on 2026-06-30: 2 open, 0 planned, 0 implemented, 0 "
                       "verified effective, 0 closed.");
  assert_has (actions, "Overdue: 1. Due within 14 days: 1. Found not effective at least once: 0.");
  g_autofree char *overdue_line
    = g_strdup_printf ("  Action %" G_GINT64_FORMAT " “Finding", overdue);
  assert_has (actions, overdue_line);
  /* The review's own decisions are reported under their own input. */
  g_assert_null (strstr (actions, "backup appliance"));

  const char *previous = figures (review, "previous-review-actions");
  assert_has (previous, "1 action from earlier reviews: 1 open, 0 planned, 0 implemented, 0 "
                        "verified, 0 closed; 0 overdue.");
  g_autofree char *decided_line = g_strdup_printf (
    "  Action %" G_GINT64_FORMAT " “Buy a second backup appliance”: Open, owner Owen, due "
    "2026-09-30",
    decided);
  assert_has (previous, decided_line);

  /* The first review saw none of this. */
  g_autoptr (CwReview) earlier = cw_workspace_get_review (f->workspace, first, &error);
  g_assert_null (cw_review_get_period_start (earlier));
  assert_has (figures (earlier, "previous-review-actions"), "No actions were decided");
  assert_has (figures (earlier, "corrective-actions"), "register is empty");
  assert_has (figures (earlier, "nonconformity-trends"),
              "Nonconformities from the start to 2026-02-01: 1 (0 major, 1 minor).");
  assert_has (figures (earlier, "nonconformity-trends"), "No earlier review period");
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
  g_assert_false (cw_workspace_approve_review (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  assert_has (error->message, "chair");
  g_clear_error (&error);
  CwReviewDraft named = { .held_on = "2026-06-30", .chair = "Owen Castellane",
                          .attendees = "Fiona\nTomasz" };
  g_assert_true (cw_workspace_update_review (f->workspace, id, &named, &error));
  g_assert_true (cw_workspace_approve_review (f->workspace, id, &error));
  g_assert_no_error (error);

  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpint (cw_review_get_status (review), ==, CW_REVIEW_APPROVED);
  g_assert_cmpstr (cw_review_get_chair (review), ==, "Owen Castellane");
  g_assert_nonnull (cw_review_get_approved_at (review));
  g_assert_cmpstr (cw_review_lookup_entry (review, "resources")->notes, ==,
                   "Two engineers short on nights.");

  /* Approved minutes refuse every edit, each with the reason. */
  GDate today;
  day (&today, "2026-07-01");
  CwReviewDecision decision = { .text = "Hire", .owner = "Owen", .due = "2026-09-01" };
  g_assert_false (cw_workspace_approve_review (f->workspace, id, &error));
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
                                .owner = "Owen", .due = "2026-10-31" };
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

  struct
  {
    CwReviewDecision decision;
    const char *says;
  } refusals[] = {
    { { .text = " ", .owner = "Owen", .due = "2026-10-31" }, "what was decided" },
    { { .text = "Hire", .owner = "", .due = "2026-10-31" }, "an owner" },
    { { .text = "Hire", .owner = "Owen", .due = NULL }, "a due date" },
    { { .text = "Hire", .owner = "Owen", .due = "31/10/2026" }, "31/10/2026" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr (GError) refused = NULL;
      g_assert_cmpint (cw_workspace_decide (f->workspace, id, &refusals[i].decision, &refused),
                       ==, 0);
      g_assert_nonnull (refused);
      assert_has (refused->message, refusals[i].says);
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

static void
test_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = review_on (f, "2026-06-30", "Owen", "2026-06-01");
  g_assert_true (cw_workspace_note_review (f->workspace, id, "corrective-actions",
                                           "Discussed the backlog.", &error));
  CwActionDraft incident = { .source = CW_ACTION_SOURCE_INCIDENT, .title = "Patch the VPN",
                             .owner = "Rhys", .due = "2026-06-10" };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &incident, &error), >, 0);

  GDate today;
  day (&today, "2026-06-20");
  g_assert_true (cw_workspace_refresh_review (f->workspace, id, &today, &error));
  g_assert_no_error (error);
  g_autoptr (CwReview) review = cw_workspace_get_review (f->workspace, id, &error);
  g_assert_cmpstr (cw_review_get_figures_as_of (review), ==, "2026-06-20");
  const CwReviewEntry *entry = cw_review_lookup_entry (review, "corrective-actions");
  assert_has (entry->figures, "1 corrective action on 2026-06-20");
  assert_has (entry->figures, "Overdue: 1.");
  assert_has (entry->figures, "Patch the VPN");
  g_assert_cmpstr (entry->notes, ==, "Discussed the backlog.");
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
  return g_test_run ();
}
