/* test-demo.c: the demo workspace is what a newcomer learns the app from: it
 * must be complete, consistent and obey every rule. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-external.h"
#include "cw-programme.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-people.h"
#include "cw-date.h"
#include "cw-review.h"
#include "cw-test-util.h"

static void
test_demo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_cmpuint (strlen (organisation->name), >, 0);
  g_assert_cmpuint (strlen (organisation->scope), >, 100);
  g_assert_nonnull (organisation->stage_one);

  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpuint (audits->len, ==, 2);
  CwAudit *completed = g_ptr_array_index (audits, 0);
  CwAudit *current = g_ptr_array_index (audits, 1);
  g_assert_cmpint (cw_audit_get_status (completed), ==, CW_AUDIT_REPORTED);
  g_assert_cmpint (cw_audit_get_status (current), ==, CW_AUDIT_IN_PROGRESS);

  /* The completed audit covers every clause but 8.4.1 (left for later, and
   * overdue in the programme) and answers nearly every question; the one in
   * progress is partly done. */
  CwAuditProgress done, ongoing;
  g_assert_true (cw_workspace_get_audit_progress (workspace, completed, &done, &error));
  g_assert_true (cw_workspace_get_audit_progress (workspace, current, &ongoing, &error));
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  guint left_out = cw_clause_get_questions (cw_catalogue_lookup_clause (catalogue, "8.4.1"))->len;
  g_assert_cmpuint (left_out, >, 0);
  g_assert_cmpuint (done.total, ==, cw_catalogue_count_questions (catalogue) - left_out);
  g_assert_cmpuint (done.answered * 10, >=, done.total * 9);
  g_assert_cmpuint (ongoing.answered, >, 0);
  g_assert_cmpuint (ongoing.answered, <, ongoing.total);

  /* A programme whose matrix has something to show: the cycle, clauses
   * ranked high and low, the completed audit covering them and the current
   * one planned over change management. */
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (programme->starts_on, ==, "2025-01-01");
  GDate today;
  g_date_set_dmy (&today, 29, G_DATE_NOVEMBER, 2026);
  g_autoptr (GPtrArray) coverage = cw_workspace_programme_coverage (workspace, &today, &error);
  g_assert_no_error (error);
  guint high = 0, low = 0, planned = 0;
  for (guint i = 0; i < coverage->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (coverage, i);
      high += row->importance == CW_IMPORTANCE_HIGH;
      low += row->importance == CW_IMPORTANCE_LOW;
      planned += row->planned_audit == cw_audit_get_id (current);
      g_assert_cmpint (row->last_audit, ==,
                       g_str_equal (row->clause, "8.4.1") ? 0 : cw_audit_get_id (completed));
    }
  g_assert_cmpuint (high, >=, 2);
  g_assert_cmpuint (low, >=, 2);
  g_assert_cmpuint (planned, >=, 5);

  /* A believable mix: at least a dozen findings, each grade present, and
   * every nonconformity with its three parts. */
  g_assert_cmpuint (done.findings[CW_GRADE_MAJOR], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_MINOR], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_OBSERVATION], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_OFI], >=, 1);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_cmpuint (findings->len, >=, 12);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      if (cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
        {
          g_assert_cmpuint (strlen (cw_finding_get_requirement (finding)), >, 20);
          g_assert_cmpuint (strlen (cw_finding_get_evidence (finding)), >, 20);
          g_assert_cmpuint (strlen (cw_finding_get_statement (finding)), >, 20);
        }
    }

  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

static CwWorkspace *
demo_workspace (void);

/* The clauses overdue in the demo's programme on `day`, as "8.4.1 2026-07-01"
 * (clause and the day it fell due), in catalogue order. */
static char *
overdue_on (CwWorkspace *workspace, const GDate *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) coverage = cw_workspace_programme_coverage (workspace, day, &error);
  g_assert_no_error (error);
  g_autoptr (GString) overdue = g_string_new (NULL);
  for (guint i = 0; i < coverage->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (coverage, i);
      if (row->coverage != CW_COVERAGE_OVERDUE)
        continue;
      g_string_append_printf (overdue, "%s%s %s", overdue->len ? ", " : "", row->clause,
                              row->next_due);
      /* Never audited in the cycle: no record, and no audit on its way. */
      g_assert_cmpint (row->last_audit, ==, 0);
      g_assert_null (row->last_audited);
      g_assert_cmpint (row->planned_audit, ==, 0);
    }
  return g_string_free (g_steal_pointer (&overdue), FALSE);
}

/* The demo: a three-year programme with exactly one overdue clause,
 * which stays overdue whenever the demo is opened, and exactly one audit
 * whose team audits its own area with a recorded reason. */
static void
test_programme_story (void)
{
  g_autoptr (CwWorkspace) workspace = demo_workspace ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programme->years, ==, 3);

  /* The day the demo was written for, and any day until its Stage One
   * audit: the rest of the clauses are not overdue before then. */
  GDate day;
  g_date_set_dmy (&day, 29, G_DATE_NOVEMBER, 2026);
  g_autofree char *written = overdue_on (workspace, &day);
  g_assert_cmpstr (written, ==, "8.4.1 2026-07-01");
  g_date_set_dmy (&day, 15, G_DATE_FEBRUARY, 2027);
  g_autofree char *stage_one = overdue_on (workspace, &day);
  g_assert_cmpstr (stage_one, ==, "8.4.1 2026-07-01");
  /* Before its due date it was only not yet audited. */
  g_date_set_dmy (&day, 30, G_DATE_JUNE, 2026);
  g_autofree char *before = overdue_on (workspace, &day);
  g_assert_cmpstr (before, ==, "");

  /* Whenever the demo is opened (today, or years from now), 8.4.1 is
   * overdue: nothing in the demo ever audits it. */
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *now = overdue_on (workspace, &today);
  g_assert_true (g_str_has_prefix (now, "8.4.1 2026-07-01")
                 || strstr (now, ", 8.4.1 2026-07-01") != NULL);

  /* One justified self-audit: one audit has team members auditing their
   * own areas, every one of them with a reason on record. */
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  guint self_audits = 0;
  for (guint a = 0; a < audits->len; a++)
    {
      CwAudit *audit = g_ptr_array_index (audits, a);
      g_autoptr (GPtrArray) team
        = cw_workspace_list_independence (workspace, cw_audit_get_id (audit), &error);
      g_assert_no_error (error);
      gboolean own = FALSE;
      for (guint i = 0; i < team->len; i++)
        {
          CwIndependence *member = g_ptr_array_index (team, i);
          if (g_strv_length (member->own_areas) == 0)
            continue;
          own = TRUE;
          g_assert_nonnull (member->justification);
          g_assert_cmpuint (strlen (member->justification), >, 20);
        }
      self_audits += own;
    }
  g_assert_cmpuint (self_audits, ==, 1);

  /* The October review's audit results carry the programme as it stood at
   * the meeting, naming the overdue clause. */
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (workspace, &error);
  g_assert_no_error (error);
  guint shown = 0;
  for (guint r = 0; r < reviews->len; r++)
    {
      CwReview *review = g_ptr_array_index (reviews, r);
      if (g_strcmp0 (cw_review_get_held_on (review), "2026-10-22") != 0)
        continue;
      const CwReviewEntry *entry = cw_review_lookup_entry (review, "audit-results");
      g_assert_nonnull (entry);
      cw_test_assert_contains (entry->figures, "Audit programme on 2026-10-22, in its cycle of "
                                               "3 years from 2025-01-01:");
      cw_test_assert_contains (entry->figures,
                               "  1 clause overdue:\n    8.4.1 Budgeting and accounting for "
                               "services: due by 2026-07-01, never audited in this cycle");
      shown++;
    }
  g_assert_cmpuint (shown, ==, 1);
}

static CwWorkspace *
demo_workspace (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  return workspace;
}

static CwAnswer *
answer_to (GPtrArray *answers, const char *question)
{
  for (guint i = 0; i < answers->len; i++)
    {
      CwAnswer *answer = g_ptr_array_index (answers, i);
      if (g_str_equal (answer->question, question))
        return answer;
    }
  g_error ("the demo has no answer to %s", question);
  return NULL;
}

/* Each answer says what its question asks about: where a first question
 * used to hold a clause's whole story, the answers now sit under the
 * questions that ask for them (audit 1 is the completed audit, 2 the one in
 * progress). */
static void
test_answers_fit_questions (void)
{
  g_autoptr (CwWorkspace) workspace = demo_workspace ();
  static const struct
  {
    gint64 audit;
    const char *question;
    CwResult result;
    const char *mentions;
  } placed[] = {
    { 1, "8.5.1.3.q1", CW_RESULT_MAJOR, "Emergency changes" },
    { 1, "8.5.1.3.q2", CW_RESULT_CONFORMING, "Normal changes" },
    { 2, "8.5.1.3.q1", CW_RESULT_CONFORMING, "Emergency changes" },
    { 2, "8.5.1.3.q2", CW_RESULT_CONFORMING, "Normal changes" },
    { 1, "8.6.1.q1", CW_RESULT_MINOR, "PRI-01 v2" },
    { 1, "8.6.1.q2", CW_RESULT_CONFORMING, "MI-2026-05" },
    { 1, "8.2.6.q1", CW_RESULT_CONFORMING, "CI types" },
    { 1, "8.2.6.q3", CW_RESULT_MINOR, "reconciliation" },
    { 1, "8.3.4.1.q1", CW_RESULT_CONFORMING, "SR-01" },
    { 1, "8.3.4.1.q2", CW_RESULT_MINOR, "no review was held" },
    { 1, "8.6.3.q1", CW_RESULT_CONFORMING, "Trend report" },
    { 1, "8.6.3.q3", CW_RESULT_OBSERVATION, "PRB-0377" },
    { 1, "8.7.3.2.q1", CW_RESULT_CONFORMING, "Risk assessment" },
    { 1, "8.7.3.2.q2", CW_RESULT_OBSERVATION, "leaver" },
    { 1, "8.7.2.q1", CW_RESULT_CONFORMING, "recovery point" },
    { 1, "8.7.2.q2", CW_RESULT_MAJOR, "never been tested" },
    { 1, "9.3.q1", CW_RESULT_CONFORMING, "managing director" },
    { 1, "9.3.q5", CW_RESULT_MINOR, "supplier performance" },
    { 1, "10.1.q1", CW_RESULT_CONFORMING, "overdue" },
    { 1, "10.1.q4", CW_RESULT_MINOR, "without any effectiveness verification" },
    { 1, "10.1.q6", CW_RESULT_CONFORMING, "correction" },
    { 1, "7.5.2.q3", CW_RESULT_OBSERVATION, "review limit" },
    { 2, "10.1.q1", CW_RESULT_OBSERVATION, "overdue" },
    { 2, "8.5.3.q2", CW_RESULT_OBSERVATION, "rollback" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) completed = cw_workspace_list_answers (workspace, 1, &error);
  g_autoptr (GPtrArray) current = cw_workspace_list_answers (workspace, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (placed); i++)
    {
      CwAnswer *answer = answer_to (placed[i].audit == 1 ? completed : current,
                                    placed[i].question);
      g_assert_cmpint (answer->result, ==, placed[i].result);
      cw_test_assert_contains (answer->note, placed[i].mentions);
    }

  /* An answer that points to "the finding" has one of its grade on its
   * clause, and every finding was reached through such an answer. */
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 1, &error);
  g_assert_no_error (error);
  g_autoptr (GHashTable) graded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      g_hash_table_add (graded, g_strdup_printf ("%s %s", cw_finding_get_clause (finding),
                                                 cw_grade_to_string (
                                                   cw_finding_get_grade (finding))));
    }
  guint pointing = 0;
  for (guint i = 0; i < completed->len; i++)
    {
      CwAnswer *answer = g_ptr_array_index (completed, i);
      if (strstr (answer->note, "See the finding") == NULL)
        continue;
      g_autofree char *clause = g_strndup (answer->question, strrchr (answer->question, '.')
                                                               - answer->question);
      g_autofree char *key
        = g_strdup_printf ("%s %s", clause, cw_result_to_string (answer->result));
      g_assert_true (g_hash_table_contains (graded, key));
      pointing++;
    }
  g_assert_cmpuint (pointing, ==, findings->len);

  /* Evidence is filed under the question it was gathered for. */
  g_autoptr (GPtrArray) evidence = cw_workspace_list_evidence (workspace, 1, &error);
  g_assert_no_error (error);
  guint emergency = 0;
  for (guint i = 0; i < evidence->len; i++)
    {
      CwEvidence *item = g_ptr_array_index (evidence, i);
      if (g_str_has_prefix (item->reference, "Emergency changes"))
        {
          g_assert_cmpstr (item->question, ==, "8.5.1.3.q1");
          emergency++;
        }
      if (g_str_has_prefix (item->reference, "RFC-2204"))
        g_assert_cmpstr (item->question, ==, "8.5.1.3.q2");
    }
  g_assert_cmpuint (emergency, ==, 1);
}

/* The cause category names what the last of the whys found. */
static void
test_cause_categories (void)
{
  g_autoptr (CwWorkspace) workspace = demo_workspace ();
  static const struct
  {
    const char *title;
    CwCauseCategory cause;
  } expected[] = {
    { "CAR-2026-020", CW_CAUSE_PROCESS },     /* a policy change rolled out without its tool */
    { "CAR-2026-021", CW_CAUSE_PROCESS },     /* nobody owns the test schedule */
    { "CAR-2026-022", CW_CAUSE_TECHNOLOGY },  /* any analyst can edit the priority */
    { "CAR-2026-023", CW_CAUSE_PROCESS },     /* a personal reminder, not a scheduled task */
    { "CAR-2026-024", CW_CAUSE_PROCESS },     /* no deputy for supplier reviews */
    { "CAR-2026-025", CW_CAUSE_PROCESS },     /* no step in the onboarding checklist */
    { "CAR-2026-026", CW_CAUSE_PROCESS },     /* nothing checks the agenda against MRP-01 */
    { "CAR-2026-027", CW_CAUSE_TECHNOLOGY },  /* the register had no verification field */
    { "INC-61802", CW_CAUSE_INFORMATION },    /* contractors missing from the HR data */
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, NULL, &error);
  g_assert_no_error (error);
  guint seen = 0;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        if (g_str_has_prefix (cw_action_get_title (action), expected[e].title))
          {
            g_assert_cmpint (cw_action_get_cause_category (action), ==, expected[e].cause);
            seen++;
          }
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (expected));
}

/* Every demo action holds what the register's rules ask of it at its stage
 * (the core says what that is), and the register has no gaps to report; the
 * demo shows each kind of overdue and an owner who verified with a reason. */
static void
test_actions_follow_rules (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, NULL, &error);
  g_assert_no_error (error);
  gboolean own_check = FALSE, improvement = FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      g_autoptr (GError) broken = NULL;
      if (!cw_action_check_rules (action, &broken))
        g_error ("demo action %s: %s", cw_action_get_title (action), broken->message);
      own_check |= cw_action_get_verifier_is_owner (action);
      improvement |= cw_action_get_kind (action) == CW_ACTION_KIND_IMPROVEMENT;
    }
  g_assert_true (own_check);
  g_assert_true (improvement);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_action_list_rule_gaps (workspace, gaps, &error));
  g_assert_cmpuint (gaps->len, ==, 0);
}

/* Every approved review of the demo would pass approval today, and its
 * figures are those of its meeting date: the core says so, not this test. */
static void
test_reviews_obey_rules (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (workspace, &error);
  g_assert_no_error (error);
  guint approved = 0;
  for (guint r = 0; r < reviews->len; r++)
    {
      CwReview *review = g_ptr_array_index (reviews, r);
      if (cw_review_get_status (review) != CW_REVIEW_APPROVED)
        continue;
      approved++;
      g_assert_true (cw_review_meets_rules (review, &today, &error));
      g_assert_no_error (error);
      const char *held_on = cw_review_get_held_on (review);
      g_assert_cmpstr (cw_review_get_figures_as_of (review), ==, held_on);
      GDate meeting;
      g_assert_true (cw_date_parse (held_on, &meeting, NULL));
      GPtrArray *entries = cw_review_get_entries (review);
      for (guint i = 0; i < entries->len; i++)
        {
          CwReviewEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *figures = cw_workspace_review_figures (
            workspace, entry->prefill, cw_review_get_period_start (review),
            cw_review_get_period_end (review), &meeting, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (entry->figures, ==, figures);
        }
      /* Every decision has its kind. */
      CwActionFilter of_review = { .review_id = cw_review_get_id (review) };
      g_autoptr (GPtrArray) decisions = cw_workspace_list_actions (workspace, &of_review, &error);
      g_assert_cmpuint (decisions->len, >, 0);
      for (guint i = 0; i < decisions->len; i++)
        g_assert_cmpint (cw_review_get_output_kind (
                           review, cw_action_get_id (g_ptr_array_index (decisions, i))),
                         !=, CW_REVIEW_OUTPUT_NONE);
    }
  g_assert_cmpuint (approved, >, 0);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_review_list_rule_gaps (workspace, gaps, &error));
  g_assert_cmpuint (gaps->len, ==, 0);
}

static void
test_demo_refuses_existing (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "mine.clausewise");
  cw_test_write (path, "x", 1);
  g_autoptr (GBytes) before = cw_test_read (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS);
  cw_test_assert_untouched (path, before);
}

/* The body's Stage One: held on the organisation's Stage One date, after
 * the internal audit and before Stage Two, with two areas of concern, one
 * resolved and one still open with a corrective action. */
static void
test_stage_one (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_autoptr (GPtrArray) bodies = cw_workspace_list_external_audits (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bodies->len, ==, 1);
  CwExternalAudit *stage_one = g_ptr_array_index (bodies, 0);
  g_assert_cmpint (stage_one->kind, ==, CW_EXTERNAL_STAGE_ONE);
  g_assert_cmpstr (stage_one->body, ==, organisation->certification_body);
  g_assert_cmpstr (stage_one->starts_on, ==, organisation->stage_one);
  g_assert_cmpstr (stage_one->ends_on, <, organisation->stage_two);
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpstr (cw_audit_get_planned_end (g_ptr_array_index (audits, 0)), <,
                   stage_one->starts_on);

  g_autoptr (GPtrArray) findings = cw_workspace_list_external_findings (workspace, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 2);
  guint resolved = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      CwExternalFinding *finding = g_ptr_array_index (findings, i);
      g_assert_cmpint (finding->grade, ==, CW_BODY_CONCERN);
      g_assert_cmpstr (finding->respond_by, >, stage_one->starts_on);
      if (finding->resolved)
        {
          resolved++;
          g_assert_cmpstr (finding->resolved_on, >=, stage_one->ends_on);
          g_assert_cmpint (finding->action_id, ==, 0);
          continue;
        }
      g_autoptr (CwAction) action = cw_workspace_get_action (workspace, finding->action_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cw_action_get_source (action), ==, CW_ACTION_SOURCE_CERTIFICATION_AUDIT);
      g_assert_cmpint (cw_action_get_kind (action), ==, CW_ACTION_KIND_CORRECTIVE);
      g_assert_cmpstr (cw_action_get_due (action), <, organisation->stage_two);
    }
  g_assert_cmpuint (resolved, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/demo/content", test_demo);
  g_test_add_func ("/core/demo/stage-one", test_stage_one);
  g_test_add_func ("/core/demo/answers-fit-questions", test_answers_fit_questions);
  g_test_add_func ("/core/demo/programme-story", test_programme_story);
  g_test_add_func ("/core/demo/cause-categories", test_cause_categories);
  g_test_add_func ("/core/demo/refuses-existing", test_demo_refuses_existing);
  g_test_add_func ("/core/demo/actions-follow-rules", test_actions_follow_rules);
  g_test_add_func ("/core/demo/reviews-obey-rules", test_reviews_obey_rules);
  return g_test_run ();
}
