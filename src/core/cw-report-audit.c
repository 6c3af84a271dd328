/* cw-report-audit.c: the internal audit report (ISO 19011 contents) and the
 * nonconformity report, one page per minor or major finding.
 *
 * Everything is read from the workspace when the report is made; composing
 * only reads this snapshot, so it may run in a worker thread. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-review.h"
#include "cw-finding.h"
#include "cw-report-private.h"

#define N_RESULTS (CW_RESULT_MAJOR + 1)
#define N_GRADES (CW_GRADE_MAJOR + 1)

typedef struct
{
  CwClause *clause;
  guint n_questions;
  guint answered;
  CwResult worst;
  guint findings[N_GRADES];
} ClauseRow;

typedef struct
{
  CwOrganisation *organisation;
  CwAudit *audit;
  CwCatalogue *catalogue;
  GPtrArray *findings; /* in clause order, then as raised */
  GPtrArray *evidence;
  GHashTable *evidence_by_finding;  /* finding id → its CwEvidence, in order */
  GHashTable *findings_by_id;       /* finding id → CwFinding, if a sample names it */
  GHashTable *findings_by_question; /* question id → its CwFinding, in order, if a sample
                                     * was filed under it */
  GArray *rows;
  CwResultsChart *chart;
  guint results[N_RESULTS];
  guint grades[N_GRADES];
  guint n_questions;
  char *reference;
  char *dates;
  GPtrArray *answers;       /* CwAnswer */
  GHashTable *by_question;  /* into `answers` */
  GPtrArray *sessions;      /* CwAuditSessionRow */
  GPtrArray *issues;        /* CwAuditIssue, oldest first */
  GHashTable *actions;      /* finding id → CwAction */
  GPtrArray *top_management; /* names */
  GPtrArray *independence;  /* CwIndependence, the lead first */
  gboolean issued;          /* the report stands as an issued version */
  char *version;            /* "version 2, issued 25 September 2026" or the draft's */
  char *footer;             /* "IA-1 v2" */
} AuditContent;

static void
audit_content_free (AuditContent *content)
{
  cw_organisation_free (content->organisation);
  g_clear_object (&content->audit);
  g_clear_object (&content->catalogue);
  /* The indexes first: their keys live in the lists. */
  g_clear_pointer (&content->evidence_by_finding, g_hash_table_unref);
  g_clear_pointer (&content->findings_by_id, g_hash_table_unref);
  g_clear_pointer (&content->findings_by_question, g_hash_table_unref);
  g_clear_pointer (&content->findings, g_ptr_array_unref);
  g_clear_pointer (&content->evidence, g_ptr_array_unref);
  g_clear_pointer (&content->rows, g_array_unref);
  cw_results_chart_free (content->chart);
  g_free (content->reference);
  g_free (content->dates);
  g_clear_pointer (&content->by_question, g_hash_table_unref);
  g_clear_pointer (&content->answers, g_ptr_array_unref);
  g_clear_pointer (&content->sessions, g_ptr_array_unref);
  g_clear_pointer (&content->issues, g_ptr_array_unref);
  g_clear_pointer (&content->actions, g_hash_table_unref);
  g_clear_pointer (&content->top_management, g_ptr_array_unref);
  g_clear_pointer (&content->independence, g_ptr_array_unref);
  g_free (content->version);
  g_free (content->footer);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuditContent, audit_content_free)

/* Reads the audit and everything about it the two reports show. */
static AuditContent *
load_audit (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_autoptr (AuditContent) content = g_new0 (AuditContent, 1);
  content->audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (content->audit == NULL)
    return NULL;
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, audit_id, error);
  g_autoptr (GPtrArray) answers
      = findings ? cw_workspace_list_answers (workspace, audit_id, error) : NULL;
  content->evidence = answers ? cw_workspace_list_evidence (workspace, audit_id, error) : NULL;
  CwCatalogue *catalogue
      = content->evidence ? cw_workspace_load_catalogue (workspace, error) : NULL;
  if (catalogue == NULL)
    return NULL;
  content->catalogue = g_object_ref (catalogue);
  content->reference = g_strdup_printf ("IA-%" PRId64, audit_id);
  content->sessions = cw_workspace_list_audit_sessions (workspace, audit_id, error);
  if (content->sessions == NULL)
    return NULL;
  content->issues = cw_workspace_list_audit_issues (workspace, audit_id, error);
  if (content->issues == NULL)
    return NULL;
  content->independence = cw_workspace_list_independence (workspace, audit_id, error);
  if (content->independence == NULL)
    return NULL;
  CwActionFilter all = { 0 };
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, &all, error);
  if (actions == NULL)
    return NULL;
  content->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      if (cw_action_get_finding_id (action) == 0)
        continue;
      gint64 *key = g_new (gint64, 1);
      *key = cw_action_get_finding_id (action);
      g_hash_table_insert (content->actions, key, g_object_ref (action));
    }
  /* Top management: whoever a management review recorded as such. */
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (workspace, error);
  if (reviews == NULL)
    return NULL;
  content->top_management = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < reviews->len; i++)
    {
      GPtrArray *attendees = cw_review_get_attendee_list (g_ptr_array_index (reviews, i));
      for (guint j = 0; attendees != NULL && j < attendees->len; j++)
        {
          CwReviewAttendee *attendee = g_ptr_array_index (attendees, j);
          if (attendee->top_management
              && !g_ptr_array_find_with_equal_func (content->top_management, attendee->name,
                                                    g_str_equal, NULL))
            g_ptr_array_add (content->top_management, g_strdup (attendee->name));
        }
    }

  CwAuditStatus status = cw_audit_get_status (content->audit);
  content->issued = (status == CW_AUDIT_REPORTED || status == CW_AUDIT_CLOSED)
                    && cw_audit_get_issued_on (content->audit) != NULL;
  guint version = cw_audit_get_version (content->audit);
  if (content->issued)
    {
      g_autofree char *day = cw_report_date (cw_audit_get_issued_on (content->audit));
      content->version = g_strdup_printf (_ ("Version %u, issued %s"), version, day);
      content->footer = g_strdup_printf (_ ("%s version %u"), content->reference, version);
    }
  else
    {
      content->version
          = g_strdup_printf (_ ("Draft — not issued (it will be version %u)"), version + 1);
      content->footer = g_strdup_printf (_ ("%s draft — not issued"), content->reference);
    }

  content->answers = g_steal_pointer (&answers);
  content->by_question = cw_answers_by_question (content->answers);
  GHashTable *results = content->by_question;
  content->chart = cw_results_chart_new_for (content->audit, catalogue, results);
  g_autofree char *start = cw_report_date (cw_audit_get_planned_start (content->audit));
  g_autofree char *end = cw_report_date (cw_audit_get_planned_end (content->audit));
  content->dates = g_strcmp0 (cw_audit_get_planned_start (content->audit),
                              cw_audit_get_planned_end (content->audit))
                           == 0
                       ? g_strdup (start)
                       : g_strdup_printf ("%s – %s", start, end);

  g_autoptr (GHashTable) by_clause
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      GPtrArray *list = g_hash_table_lookup (by_clause, cw_finding_get_clause (finding));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_clause, (gpointer)cw_finding_get_clause (finding), list);
        }
      g_ptr_array_add (list, finding);
      content->grades[cw_finding_get_grade (finding)]++;
    }

  content->rows = g_array_new (FALSE, TRUE, sizeof (ClauseRow));
  content->findings = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *clauses = cw_catalogue_get_clauses (content->catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      const char *number = cw_clause_get_number (clause);
      GPtrArray *list = g_hash_table_lookup (by_clause, number);
      for (guint j = 0; list != NULL && j < list->len; j++)
        g_ptr_array_add (content->findings, g_object_ref (g_ptr_array_index (list, j)));
      if (!cw_audit_covers (content->audit, number))
        continue;
      ClauseRow row = { .clause = clause, .worst = CW_RESULT_NOT_ASSESSED };
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint j = 0; j < questions->len; j++)
        {
          const char *id = cw_question_get_id (g_ptr_array_index (questions, j));
          CwResult result = cw_answers_result (results, id);
          row.n_questions++;
          content->n_questions++;
          content->results[result]++;
          if (result != CW_RESULT_NOT_ASSESSED)
            row.answered++;
          row.worst = MAX (row.worst, result);
        }
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          CwGrade grade = cw_finding_get_grade (g_ptr_array_index (list, j));
          row.findings[grade]++;
          /* A finding weighs at least as much as the worst answer. */
          row.worst = MAX (row.worst, cw_grade_to_result (grade));
        }
      g_array_append_val (content->rows, row);
    }

  /* Each finding looks up its evidence, and each sample the findings it
   * supports, once: scanning every list for each would make a report's
   * time grow with the square of its findings. */
  content->evidence_by_finding = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < content->evidence->len; i++)
    {
      CwEvidence *evidence = g_ptr_array_index (content->evidence, i);
      GPtrArray *list = g_hash_table_lookup (content->evidence_by_finding, &evidence->finding_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (content->evidence_by_finding, &evidence->finding_id, list);
        }
      g_ptr_array_add (list, evidence);
    }
  /* Only the findings a sample supports are indexed, so that the indexes
   * cost memory in step with the samples, not with the findings. */
  g_autoptr (GHashTable) named = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) filed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < content->evidence->len; i++)
    {
      CwEvidence *e = g_ptr_array_index (content->evidence, i);
      if (e->sample_size < 0)
        continue;
      if (e->finding_id > 0)
        g_hash_table_add (named, &e->finding_id);
      else if (e->question != NULL)
        g_hash_table_add (filed, e->question);
    }
  content->findings_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  content->findings_by_question
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < content->findings->len
                    && (g_hash_table_size (named) > 0 || g_hash_table_size (filed) > 0);
       i++)
    {
      CwFinding *finding = g_ptr_array_index (content->findings, i);
      gint64 id = cw_finding_get_id (finding);
      gpointer key; /* the sample's copy of the id, which lives as long */
      if (g_hash_table_lookup_extended (named, &id, &key, NULL))
        g_hash_table_insert (content->findings_by_id, key, finding);
      const char *question = cw_finding_get_question (finding);
      if (question == NULL || !g_hash_table_contains (filed, question))
        continue;
      GPtrArray *list = g_hash_table_lookup (content->findings_by_question, question);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (content->findings_by_question, (gpointer)question, list);
        }
      g_ptr_array_add (list, finding);
    }
  return g_steal_pointer (&content);
}

/* "2 major · 6 minor · 3 observations · 3 OFIs", counted in words. */
static char *
grade_counts (const guint *grades)
{
  g_autoptr (GString) text = g_string_new (NULL);
  static const CwGrade order[]
      = { CW_GRADE_MAJOR, CW_GRADE_MINOR, CW_GRADE_OBSERVATION, CW_GRADE_OFI };
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = grades[order[i]];
      if (n == 0)
        continue;
      if (text->len)
        g_string_append (text, " · ");
      switch (order[i])
        {
        case CW_GRADE_MAJOR:
          g_string_append_printf (text, cw_ngettext ("%u major", "%u major", n),
                                  n);
          break;
        case CW_GRADE_MINOR:
          g_string_append_printf (text, cw_ngettext ("%u minor", "%u minor", n),
                                  n);
          break;
        case CW_GRADE_OBSERVATION:
          g_string_append_printf (
              text, cw_ngettext ("%u observation", "%u observations", n), n);
          break;
        case CW_GRADE_OFI:
          g_string_append_printf (text, cw_ngettext ("%u OFI", "%u OFIs", n), n);
          break;
        }
    }
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("—");
}

/* "a\nb\nc" as "a, b, c" for one line of a form. */
static char *
lines_joined (const char *lines)
{
  g_auto (GStrv) items = g_strsplit (lines ? lines : "", "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  for (guint i = 0; items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      g_strv_builder_add (kept, items[i]);
  g_auto (GStrv) list = g_strv_builder_end (kept);
  return g_strjoinv (", ", list);
}

static char *
scope_text (AuditContent *content)
{
  const char *const *scope = cw_audit_get_scope (content->audit);
  GPtrArray *mains = cw_catalogue_get_main_clauses (content->catalogue);
  guint whole = 0;
  for (guint i = 0; i < mains->len; i++)
    whole += g_strv_contains (scope, cw_clause_get_number (g_ptr_array_index (mains, i)));
  if (whole == mains->len)
    return g_strdup (_ ("The whole service management system: clauses 4 to 10 of "
                        "ISO/IEC 20000-1:2018 and every sub-clause"));
  g_autofree char *list = g_strjoinv (", ", (char **)scope);
  return g_strdup_printf (_ ("Clauses %s of ISO/IEC 20000-1:2018, with their sub-clauses"), list);
}

static void
form_row (CwTable *table, const char *label, const char *value)
{
  g_autofree char *l = cw_markup_printf ("<b>%s</b>", label);
  g_autofree char *v = cw_markup_printf ("%s", cw_report_or_dash (value));
  const char *cells[] = { l, v };
  cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
}

static CwTable *
form_begin (CwTypeset *typeset)
{
  static const double widths[] = { 0.26, 0.74 };
  return cw_typeset_table_begin (typeset, 2, widths, NULL);
}

/* What a record not made yet reads as, saying what is missing rather than
 * leaving a placeholder. */
static const char *
or_not_recorded (const char *text, const char *missing)
{
  return text && *text ? text : missing;
}

static void
compose_draft_notice (CwTypeset *ts, AuditContent *c)
{
  if (c->issued)
    return;
  cw_typeset_badge_line (ts, _ ("Draft — not issued"), cw_report_grade_colour (CW_GRADE_MAJOR),
                         _ ("This report has not been issued. Its contents may still change "
                            "and it is not the audit's record until the lead auditor issues "
                            "it."),
                         NULL);
}

/* The plan's schedule: who is interviewed on what, when and by whom. */
static void
compose_sessions (CwTypeset *ts, AuditContent *c)
{
  if (c->sessions->len == 0)
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("The audit plan has no schedule of sessions."));
  else
    {
      static const double widths[] = { 0.15, 0.13, 0.38, 0.17, 0.17 };
      const char *header[]
          = { _ ("Day"), _ ("Time"), _ ("Clause or process"), _ ("Auditee"), _ ("Auditor") };
      CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
      for (guint i = 0; i < c->sessions->len; i++)
        {
          CwAuditSessionRow *row = g_ptr_array_index (c->sessions, i);
          g_autofree char *date = cw_report_short_date (row->day);
          g_autofree char *day = cw_markup_printf ("%s", date);
          g_autofree char *time = cw_markup_printf ("%s", cw_report_or_dash (row->time));
          g_autofree char *subject = cw_markup_printf ("%s", cw_report_or_dash (row->subject));
          g_autofree char *auditee = cw_markup_printf ("%s", cw_report_or_dash (row->auditee));
          g_autofree char *auditor = cw_markup_printf ("%s", cw_report_or_dash (row->auditor));
          const char *cells[] = { day, time, subject, auditee, auditor };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (table);
    }
}

/* Each member of the team and their independence of the areas audited
 * (9.2: auditors are objective and impartial), with the reason recorded
 * where someone audits an area they are responsible for. */
static void
compose_independence (CwTypeset *ts, AuditContent *c)
{
  if (c->independence->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("No lead auditor or team is named yet, so their independence of the "
                          "areas audited cannot be stated."));
      return;
    }
  static const double widths[] = { 0.26, 0.74 };
  const char *header[] = { _ ("Team member"), _ ("Independence of the areas audited") };
  CwTable *table = cw_typeset_table_begin (ts, 2, widths, header);
  for (guint i = 0; i < c->independence->len; i++)
    {
      CwIndependence *member = g_ptr_array_index (c->independence, i);
      g_autofree char *statement = cw_independence_describe (member);
      g_autofree char *name
          = member->lead ? cw_markup_printf ("%s\n<i>%s</i>", member->name, _ ("lead auditor"))
                         : cw_markup_printf ("%s", member->name);
      g_autofree char *text = cw_markup_printf ("%s", statement);
      const char *cells[] = { name, text };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);
}

static void
compose_details (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("1  Audit details"), TRUE);
  compose_draft_notice (ts, c);
  g_autofree char *scope = scope_text (c);
  g_autofree char *team = lines_joined (cw_audit_get_team (c->audit));
  g_autofree char *auditees = lines_joined (cw_audit_get_auditees (c->audit));
  CwTable *form = form_begin (ts);
  form_row (form, _ ("Audit client"), c->organisation->name);
  form_row (form, _ ("Audit"), cw_audit_get_title (c->audit));
  form_row (form, _ ("Reference"), c->reference);
  form_row (form, _ ("This report"), c->version);
  form_row (form, _ ("Objectives"), cw_audit_get_objectives (c->audit));
  form_row (form, _ ("Scope"), scope);
  form_row (form, _ ("Criteria"), cw_audit_get_criteria (c->audit));
  form_row (form, _ ("Sites and locations"),
            or_not_recorded (cw_audit_get_sites (c->audit), _ ("No site is named in the plan")));
  form_row (form, _ ("Dates"), c->dates);
  form_row (form, _ ("Lead auditor"), cw_audit_get_lead_auditor (c->audit));
  form_row (form, _ ("Audit team"), team);
  form_row (form, _ ("Auditees"), auditees);
  form_row (form, _ ("Status of the audit"),
            cw_audit_status_label (cw_audit_get_status (c->audit)));
  cw_table_end (form);
  compose_independence (ts, c);

  cw_typeset_heading (ts, 2, _ ("1.1  Schedule of sessions"), TRUE);
  compose_sessions (ts, c);

  cw_typeset_heading (ts, 2, _ ("1.2  Opening and closing meetings"), TRUE);
  g_autofree char *opening_day = cw_audit_get_opening_on (c->audit)
                                     ? cw_report_date (cw_audit_get_opening_on (c->audit))
                                     : NULL;
  g_autofree char *closing_day = cw_audit_get_closing_on (c->audit)
                                     ? cw_report_date (cw_audit_get_closing_on (c->audit))
                                     : NULL;
  g_autofree char *opening_people = lines_joined (cw_audit_get_opening_attendees (c->audit));
  g_autofree char *closing_people = lines_joined (cw_audit_get_closing_attendees (c->audit));
  form = form_begin (ts);
  form_row (form, _ ("Opening meeting"),
            or_not_recorded (opening_day, _ ("Not recorded yet")));
  form_row (form, _ ("Present at the opening"), or_not_recorded (opening_people, "—"));
  form_row (form, _ ("Closing meeting"),
            or_not_recorded (closing_day, _ ("Not held or not recorded yet")));
  form_row (form, _ ("Present at the closing"), or_not_recorded (closing_people, "—"));
  cw_table_end (form);
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  cw_results_chart_draw (data, cr, width, height);
}

static void
compose_summary (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("2  Summary of results"), TRUE);
  guint assessed = c->n_questions - c->results[CW_RESULT_NOT_ASSESSED];
  g_autofree char *findings = grade_counts (c->grades);
  g_autofree char *clauses = g_strdup_printf (
      cw_ngettext ("%u clause is in scope.", "%u clauses are in scope.",
                   c->rows->len),
      c->rows->len);
  g_autofree char *questions_assessed = g_strdup_printf (
      cw_ngettext ("The checklist has %u question; assessed: %u.",
                   "The checklist has %u questions; assessed: %u.", c->n_questions),
      c->n_questions, assessed);
  g_autofree char *raised = g_strdup_printf (
      cw_ngettext ("%u finding was raised (%s).",
                   "%u findings were raised (%s).", c->findings->len),
      c->findings->len, findings);
  g_autofree char *intro = g_strdup_printf (
      "%s %s %s %s", clauses, questions_assessed, c->findings->len ? raised : _ ("No finding was raised."),
      _ ("The chart shows the results of the checklist questions per clause group; the table "
         "gives each clause in scope with its most severe result, counting both answers and "
         "findings."));
  cw_typeset_text (ts, CW_STYLE_BODY, intro);

  /* The chart cannot break: its heading moves with it. */
  cw_typeset_heading (ts, 2, _ ("2.1  Results by clause group"), TRUE);
  cw_typeset_drawing (ts, cw_results_chart_get_height (c->chart), draw_chart, c->chart);

  cw_typeset_heading (ts, 2, _ ("2.2  Results by clause"), TRUE);
  static const double widths[] = { 0.11, 0.35, 0.14, 0.24, 0.16 };
  const char *header[]
      = { _ ("Clause"), _ ("Title"), _ ("Answers"), _ ("Overall result"), _ ("Findings") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  for (guint i = 0; i < c->rows->len; i++)
    {
      ClauseRow *row = &g_array_index (c->rows, ClauseRow, i);
      gboolean group = cw_clause_get_depth (row->clause) == 0;
      g_autofree char *number = cw_markup_printf ("%s", cw_clause_get_number (row->clause));
      g_autofree char *title = cw_markup_printf ("%s", cw_clause_get_title_shown (row->clause));
      g_autofree char *answered = row->n_questions
                                      ? g_strdup_printf ("%u / %u", row->answered, row->n_questions)
                                      : g_strdup ("");
      gboolean has_result = row->n_questions > 0 || row->worst != CW_RESULT_NOT_ASSESSED;
      g_autofree char *result
          = cw_markup_printf ("%s", has_result ? cw_result_label (row->worst) : "");
      g_autofree char *counts = grade_counts (row->findings);
      g_autofree char *counts_markup = cw_markup_printf ("%s", counts);
      const char *cells[] = { number, title, answered, result, counts_markup };
      cw_table_row (table, cells, group ? CW_ROW_GROUP : CW_ROW_NORMAL, has_result ? 3 : -1,
                    has_result ? cw_report_result_colour (row->worst) : NULL);
    }
  cw_table_end (table);
}

static void
finding_part (CwTypeset *ts, CwFinding *finding, const char *label, const char *text,
              const CwRgb *colour)
{
  /* Observations and OFIs may leave a part empty; a nonconformity shows all
   * three, an empty one marked as such. */
  if ((text == NULL || *text == '\0')
      && !cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
    return;
  cw_typeset_labelled (ts, label, text, colour);
}

/* "8.5.1.3.q2: How do you …?" or NULL when the finding answers no question. */
static char *
question_text (AuditContent *c, CwFinding *finding)
{
  const char *id = cw_finding_get_question (finding);
  if (id == NULL || *id == '\0')
    return NULL;
  CwQuestion *question = cw_catalogue_lookup_question (c->catalogue, id);
  return question ? g_strdup_printf ("%s  %s", id, cw_question_get_text_shown (question))
                  : g_strdup (id);
}

static void
compose_finding (CwTypeset *ts, AuditContent *c, CwFinding *finding, gboolean with_evidence)
{
  CwGrade grade = cw_finding_get_grade (finding);
  const CwRgb *colour = cw_report_grade_colour (grade);
  g_autofree char *question = question_text (c, finding);
  if (!with_evidence)
    {
      /* On a nonconformity page the form above already names the grade. */
      finding_part (ts, finding, _ ("Requirement"), cw_finding_get_requirement (finding), colour);
      finding_part (ts, finding, _ ("Evidence"), cw_finding_get_evidence (finding), colour);
      finding_part (ts, finding, _ ("Statement"), cw_finding_get_statement (finding), colour);
      return;
    }
  g_autofree char *label = cw_finding_dup_label (finding);
  g_autofree char *observed = cw_report_date (cw_finding_get_raised_on (finding));
  g_autofree char *title
      = cw_markup_printf (_ ("%s  <span weight=\"normal\" foreground=\"#6b7380\">·  clause %s  "
                             "·  seen %s  ·  %s</span>"),
                          label, cw_finding_get_clause (finding), observed,
                          cw_finding_status_label (cw_finding_get_status (finding)));
  cw_typeset_badge_line (ts, cw_grade_label (grade), colour, title, colour);
  if (question != NULL)
    cw_typeset_labelled (ts, _ ("Checklist question"), question, colour);
  finding_part (ts, finding, _ ("Requirement"), cw_finding_get_requirement (finding), colour);
  finding_part (ts, finding, _ ("Evidence"), cw_finding_get_evidence (finding), colour);
  finding_part (ts, finding, _ ("Statement"), cw_finding_get_statement (finding), colour);
  const char *reason = cw_finding_get_grade_reason (finding);
  if (reason != NULL && *reason != '\0')
    cw_typeset_labelled (ts, _ ("Why this grade"), reason, colour);
  g_autoptr (GString) items = g_string_new (NULL);
  gint64 id = cw_finding_get_id (finding);
  GPtrArray *supporting = g_hash_table_lookup (c->evidence_by_finding, &id);
  for (guint i = 0; supporting != NULL && i < supporting->len; i++)
    {
      CwEvidence *evidence = g_ptr_array_index (supporting, i);
      g_string_append_printf (items, "%s%s %s: %s", items->len ? "\n" : "",
                              cw_evidence_kind_label (evidence->kind), evidence->reference,
                              evidence->description);
    }
  if (items->len > 0)
    cw_typeset_labelled (ts, _ ("Supporting evidence"), items->str, colour);
}

static void
compose_findings (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("3  Findings"), TRUE);
  if (c->findings->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY, _ ("The audit raised no findings."));
      return;
    }
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Every finding follows, nonconformities, observations and opportunities "
                      "for improvement alike, grouped by clause: its label and grade, the "
                      "question it answers, the day it was seen, what is required, what the "
                      "auditors saw, how the evidence falls short, and why it got its grade."));
  const char *clause = NULL;
  for (guint i = 0; i < c->findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (c->findings, i);
      if (g_strcmp0 (clause, cw_finding_get_clause (finding)) != 0)
        {
          clause = cw_finding_get_clause (finding);
          CwClause *entry = cw_catalogue_lookup_clause (c->catalogue, clause);
          g_autofree char *heading
              = g_strdup_printf ("%s  %s", clause, entry ? cw_clause_get_title_shown (entry) : "");
          cw_typeset_heading (ts, 2, heading, FALSE);
        }
      compose_finding (ts, c, finding, TRUE);
    }
}

/* The questions in scope with a given result, in catalogue order. */
static GPtrArray *
questions_with (AuditContent *c, CwResult wanted)
{
  GPtrArray *list = g_ptr_array_new ();
  for (guint i = 0; i < c->rows->len; i++)
    {
      ClauseRow *row = &g_array_index (c->rows, ClauseRow, i);
      GPtrArray *questions = cw_clause_get_questions (row->clause);
      for (guint j = 0; j < questions->len; j++)
        {
          CwQuestion *question = g_ptr_array_index (questions, j);
          if (cw_answers_result (c->by_question, cw_question_get_id (question)) == wanted)
            g_ptr_array_add (list, question);
        }
    }
  return list;
}

static const char *
answer_note (AuditContent *c, CwQuestion *question)
{
  CwAnswer *answer = g_hash_table_lookup (c->by_question, cw_question_get_id (question));
  return answer ? answer->note : NULL;
}

static void
question_table (CwTypeset *ts, AuditContent *c, GPtrArray *questions, const char *third,
                gboolean with_note)
{
  static const double widths_note[] = { 0.15, 0.45, 0.40 };
  static const double widths_plain[] = { 0.15, 0.85 };
  const char *header[] = { _ ("Question"), _ ("What was asked"), third };
  CwTable *table = cw_typeset_table_begin (ts, with_note ? 3 : 2,
                                           with_note ? widths_note : widths_plain, header);
  for (guint i = 0; i < questions->len; i++)
    {
      CwQuestion *question = g_ptr_array_index (questions, i);
      g_autofree char *id = cw_markup_printf ("%s", cw_question_get_id (question));
      g_autofree char *text = cw_markup_printf ("%s", cw_question_get_text_shown (question));
      g_autofree char *note = cw_markup_printf (
          "%s", or_not_recorded (answer_note (c, question), _ ("No reason recorded")));
      const char *cells[] = { id, text, note };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);
}

/* "25 of 400 (random), 2 exceptions" */
static char *
sample_figures (const CwEvidence *e)
{
  g_autoptr (GString) text = g_string_new (NULL);
  if (e->population_size > 0)
    g_string_append_printf (text, _ ("%d of %d"), e->sample_size, e->population_size);
  else
    g_string_append_printf (text, "%d", e->sample_size);
  if (e->method != CW_SAMPLE_NONE)
    {
      g_autofree char *method = g_utf8_strdown (cw_sample_method_label (e->method), -1);
      g_string_append_printf (text, " (%s)", method);
    }
  if (e->exceptions >= 0)
    g_string_append_printf (text,
                            cw_ngettext (", %d exception", ", %d exceptions",
                                         e->exceptions),
                            e->exceptions);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The samples that support findings, each with its size: how far those
 * findings can be generalised rests on them. */
static void
append_sample_support (GString *limits, AuditContent *c)
{
  for (guint i = 0; i < c->evidence->len; i++)
    {
      CwEvidence *e = g_ptr_array_index (c->evidence, i);
      if (e->sample_size < 0)
        continue;
      /* A sample supports the finding it names, and the findings raised on
       * the question it was filed under. */
      CwFinding *named
          = e->finding_id > 0 ? g_hash_table_lookup (c->findings_by_id, &e->finding_id) : NULL;
      GPtrArray *on_question = e->finding_id <= 0 && e->question != NULL
                                   ? g_hash_table_lookup (c->findings_by_question, e->question)
                                   : NULL;
      guint n_supported = named != NULL ? 1 : on_question != NULL ? on_question->len : 0;
      for (guint j = 0; j < n_supported; j++)
        {
          CwFinding *finding = named != NULL ? named : g_ptr_array_index (on_question, j);
          g_autofree char *label = cw_finding_dup_label (finding);
          g_string_append_c (limits, ' ');
          if (e->population_size > 0)
            g_string_append_printf (limits, _ ("%s rests on a sample of %d of %d"), label,
                                    e->sample_size, e->population_size);
          else
            g_string_append_printf (limits, _ ("%s rests on a sample of %d"), label,
                                    e->sample_size);
          if (*e->population)
            g_string_append_printf (limits, " (%s)", e->population);
          switch (e->method)
            {
            case CW_SAMPLE_RANDOM:
              g_string_append (limits, _ (", drawn at random"));
              break;
            case CW_SAMPLE_SYSTEMATIC:
              g_string_append (limits, _ (", drawn systematically"));
              break;
            case CW_SAMPLE_JUDGEMENTAL:
              g_string_append (limits, _ (", chosen by judgement"));
              break;
            case CW_SAMPLE_NONE:
            default:
              break;
            }
          if (e->method != CW_SAMPLE_NONE && e->exceptions >= 0)
            g_string_append_printf (limits,
                                    cw_ngettext (", with %d exception",
                                                 ", with %d exceptions", e->exceptions),
                                    e->exceptions);
          g_string_append_c (limits, '.');
        }
    }
}

static void
compose_conclusions (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("4  Conclusions"), TRUE);
  guint not_assessed = c->results[CW_RESULT_NOT_ASSESSED];
  guint not_applicable = c->results[CW_RESULT_NOT_APPLICABLE];
  guint assessed = c->n_questions - not_assessed;
  guint applicable = assessed - not_applicable;
  guint met = c->results[CW_RESULT_CONFORMING] + c->results[CW_RESULT_OFI]
              + c->results[CW_RESULT_OBSERVATION];
  guint percent = applicable ? (met * 100 + applicable / 2) / applicable : 0;
  g_autofree char *of = g_strdup_printf (
      cw_ngettext ("Of the %u question assessed and applicable,",
                   "Of the %u questions assessed and applicable,", applicable),
      applicable);
  g_autofree char *met_text = g_strdup_printf (
      cw_ngettext ("%u (%u %%) found the criteria met, counting those with an observation or an "
                   "opportunity for improvement.",
                   "%u (%u %%) found the criteria met, counting those with an observation or an "
                   "opportunity for improvement.",
                   met),
      met, percent);
  g_autofree char *open_text = g_strdup_printf (
      cw_ngettext ("%u question was not assessed", "%u questions were not assessed",
                   not_assessed),
      not_assessed);
  g_autofree char *na_text = g_strdup_printf (
      cw_ngettext ("%u was not applicable to this audit.",
                   "%u were not applicable to this audit.", not_applicable),
      not_applicable);
  g_autofree char *extent
      = g_strdup_printf (_ ("%s %s %s and %s"), of, met_text, open_text, na_text);
  cw_typeset_heading (ts, 2, _ ("4.1  Extent to which the criteria are met"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY, extent);

  cw_typeset_heading (ts, 2, _ ("4.2  Overall conclusion"), TRUE);
  guint majors = c->grades[CW_GRADE_MAJOR], minors = c->grades[CW_GRADE_MINOR];
  g_autoptr (GString) verdict = g_string_new (NULL);
  if (majors > 0)
    g_string_append_printf (
        verdict,
        cw_ngettext ("The audit team raised %u major nonconformity: a requirement is not met or a "
                     "process has broken down. The service management system is not ready for "
                     "certification until it is corrected, its cause removed and the action "
                     "shown to work.",
                     "The audit team raised %u major nonconformities: requirements are not met "
                     "or processes have broken down. The service management system is not ready "
                     "for certification until each is corrected, its cause removed and the "
                     "action shown to work.",
                     majors),
        majors);
  else if (minors > 0)
    g_string_append (verdict, _ ("No major nonconformity was raised, so nothing found stands "
                                 "in the way of certification by itself."));
  if (minors > 0)
    {
      if (verdict->len)
        g_string_append_c (verdict, ' ');
      g_string_append_printf (
          verdict,
          cw_ngettext ("The %u minor nonconformity is an isolated lapse that needs an accepted "
                       "action plan.",
                       "The %u minor nonconformities are isolated lapses; each needs an accepted "
                       "action plan.",
                       minors),
          minors);
    }
  if (majors + minors == 0)
    g_string_append (verdict, not_assessed > 0
                                  ? _ ("No nonconformity was found in what was assessed.")
                                  : _ ("No nonconformity was found: within the scope audited, "
                                       "the service management system meets the criteria and "
                                       "works in practice."));
  if (applicable > 0)
    {
      g_string_append_c (verdict, ' ');
      g_string_append_printf (verdict,
                              _ ("The criteria were met in %u %% of the questions assessed."),
                              percent);
    }
  if (not_assessed > 0)
    {
      g_string_append_c (verdict, ' ');
      g_string_append (verdict, _ ("Part of the scope was not assessed (see 4.3); no "
                                   "conclusion is drawn about it."));
    }
  cw_typeset_text (ts, CW_STYLE_BODY, verdict->str);
  if (c->grades[CW_GRADE_OBSERVATION] + c->grades[CW_GRADE_OFI] > 0)
    cw_typeset_text (ts, CW_STYLE_BODY,
                     _ ("Observations point to where a nonconformity could arise; "
                        "opportunities for improvement are suggestions. Neither needs a "
                        "corrective action, but management should decide on each."));

  cw_typeset_heading (ts, 2, _ ("4.3  Confidence and limitations"), TRUE);
  guint sampled = 0;
  for (guint i = 0; i < c->evidence->len; i++)
    sampled += ((CwEvidence *)g_ptr_array_index (c->evidence, i))->sample_size >= 0;
  g_autoptr (GString) limits = g_string_new (NULL);
  g_string_append (limits, _ ("An audit looks at a sample of the system in a few days; it "
                              "cannot show that every case conforms, only what the cases "
                              "examined showed."));
  g_string_append_c (limits, ' ');
  if (sampled > 0)
    g_string_append_printf (
        limits,
        cw_ngettext ("Records were sampled once (see section 6): the conclusions on that "
                     "process rest on the sample, not on every record.",
                     "Records were sampled %u times (see section 6): the conclusions on those "
                     "processes rest on the samples, not on every record.",
                     sampled),
        sampled);
  else
    g_string_append (limits, _ ("No sample was recorded; the conclusions rest on the "
                                "documents, records and interviews cited with each finding and "
                                "answer."));
  append_sample_support (limits, c);
  if (not_assessed > 0)
    {
      g_string_append_c (limits, ' ');
      g_string_append_printf (
          limits,
          cw_ngettext ("%u question in scope was not assessed; it is listed below, and the "
                       "report draws no conclusion on it.",
                       "%u questions in scope were not assessed; they are listed below, and the "
                       "report draws no conclusion on them.",
                       not_assessed),
          not_assessed);
    }
  cw_typeset_text (ts, CW_STYLE_BODY, limits->str);

  if (not_assessed > 0)
    {
      cw_typeset_heading (ts, 3, _ ("Questions not assessed"), FALSE);
      g_autoptr (GPtrArray) open = questions_with (c, CW_RESULT_NOT_ASSESSED);
      question_table (ts, c, open, NULL, FALSE);
    }
  if (not_applicable > 0)
    {
      cw_typeset_heading (ts, 3, _ ("Questions not applicable, and why"), FALSE);
      g_autoptr (GPtrArray) excluded = questions_with (c, CW_RESULT_NOT_APPLICABLE);
      question_table (ts, c, excluded, _ ("Reason"), TRUE);
    }
}

/* A list of names, one a line, added to the distribution under `role`. */
static guint
distribution_rows (CwTable *table, const char *lines, const char *role, GPtrArray *seen)
{
  guint n = 0;
  g_auto (GStrv) names = g_strsplit (lines ? lines : "", "\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*g_strstrip (names[i]) == '\0')
        continue;
      g_autofree char *name = cw_markup_printf ("%s", names[i]);
      g_autofree char *what = cw_markup_printf ("%s", role);
      const char *cells[] = { name, what };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
      g_ptr_array_add (seen, g_strdup (names[i]));
      n++;
    }
  return n;
}

static void
compose_rest (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("5  Unresolved diverging opinions and the auditee's response"), TRUE);
  const char *response = cw_audit_get_auditee_response (c->audit);
  const char *diverging = cw_audit_get_diverging_opinions (c->audit);
  gboolean closed = cw_audit_get_closing_on (c->audit) != NULL;
  cw_typeset_labelled (
      ts, _ ("The auditee's response at the closing meeting"),
      or_not_recorded (response, closed ? _ ("No response was recorded at the closing meeting.")
                                        : _ ("The closing meeting is not recorded yet.")),
      NULL);
  cw_typeset_labelled (
      ts, _ ("Unresolved diverging opinions"),
      or_not_recorded (diverging,
                       closed ? _ ("None: the audit team and the auditees left no opinion "
                                   "unresolved at the closing meeting.")
                              : _ ("The closing meeting is not recorded yet.")),
      NULL);

  cw_typeset_heading (ts, 1, _ ("6  Sampling"), TRUE);
  guint sampled = 0;
  for (guint i = 0; i < c->evidence->len; i++)
    sampled += ((CwEvidence *)g_ptr_array_index (c->evidence, i))->sample_size >= 0;
  if (sampled == 0)
    cw_typeset_text (ts, CW_STYLE_BODY,
                     _ ("No sampling was recorded. Conclusions rest on the documents, records "
                        "and interviews listed with each finding."));
  else
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("Records were sampled as below. A sample shows how a process works "
                          "in the cases examined; it does not prove that every case conforms, "
                          "and conclusions are limited accordingly."));
      static const double widths[] = { 0.15, 0.10, 0.23, 0.17, 0.35 };
      const char *header[] = { _ ("Reference"), _ ("Kind"), _ ("Population"), _ ("Sample"),
                               _ ("What was examined") };
      CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
      for (guint i = 0; i < c->evidence->len; i++)
        {
          CwEvidence *e = g_ptr_array_index (c->evidence, i);
          if (e->sample_size < 0)
            continue;
          g_autofree char *ref = cw_markup_printf ("%s", e->reference);
          g_autofree char *kind = cw_markup_printf ("%s", cw_evidence_kind_label (e->kind));
          g_autofree char *population = cw_markup_printf ("%s", cw_report_or_dash (e->population));
          g_autofree char *figures = sample_figures (e);
          g_autofree char *sample = cw_markup_printf ("%s", figures);
          g_autofree char *examined
              = *e->sample_items ? g_strdup_printf (_ ("%s Items examined: %s"),
                                                   cw_report_or_dash (e->description),
                                                   e->sample_items)
                                 : g_strdup (cw_report_or_dash (e->description));
          g_autofree char *description = cw_markup_printf ("%s", examined);
          const char *cells[] = { ref, kind, population, sample, description };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (table);
    }

  cw_typeset_heading (ts, 1, _ ("7  Distribution"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("This report is confidential to the organisation. It goes to the people "
                      "below; further copies need the lead auditor's agreement."));
  static const double dist_widths[] = { 0.45, 0.55 };
  const char *dist_header[] = { _ ("Name"), _ ("Why they receive it") };
  CwTable *dist = cw_typeset_table_begin (ts, 2, dist_widths, dist_header);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint dist_rows = distribution_rows (dist, cw_audit_get_lead_auditor (c->audit),
                                       _ ("Lead auditor"), seen);
  dist_rows += distribution_rows (dist, cw_audit_get_team (c->audit), _ ("Audit team"), seen);
  dist_rows += distribution_rows (dist, cw_audit_get_auditees (c->audit), _ ("Auditee"), seen);
  if (c->top_management->len > 0)
    for (guint i = 0; i < c->top_management->len; i++)
      dist_rows += distribution_rows (dist, g_ptr_array_index (c->top_management, i),
                                      _ ("Top management"), seen);
  else if (cw_audit_get_auditees (c->audit) != NULL && *cw_audit_get_auditees (c->audit))
    {
      /* No top management on record: the auditees' managers stand for it. */
      g_autofree char *note = cw_markup_printf (
          "<i>%s</i>", _ ("No one is recorded as top management (a management review records "
                          "who is); the auditees above receive the report for it."));
      const char *cells[] = { note, "" };
      cw_table_row (dist, cells, CW_ROW_NORMAL, -1, NULL);
    }
  if (dist_rows == 0)
    {
      g_autofree char *nobody
          = cw_markup_printf ("%s", _ ("No one is named in the audit plan yet"));
      const char *cells[] = { nobody, "" };
      cw_table_row (dist, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (dist);

  cw_typeset_heading (ts, 1, _ ("8  Versions of this report"), TRUE);
  if (!c->issued)
    compose_draft_notice (ts, c);
  guint listed = 0;
  static const double version_widths[] = { 0.12, 0.22, 0.22, 0.44 };
  const char *version_header[] = { _ ("Version"), _ ("Issued"), _ ("By"), _ ("Why it was revised") };
  CwTable *versions = NULL;
  for (guint i = 0; i < c->issues->len; i++)
    {
      CwAuditIssue *issue = g_ptr_array_index (c->issues, i);
      if (versions == NULL)
        versions = cw_typeset_table_begin (ts, 4, version_widths, version_header);
      g_autofree char *number = g_strdup_printf ("%u", issue->version);
      g_autofree char *day = issue->issued_on ? cw_report_date (issue->issued_on) : NULL;
      g_autofree char *when
          = cw_markup_printf ("%s", day ? day : _ ("Not issued yet"));
      g_autofree char *by = cw_markup_printf ("%s", cw_report_or_dash (issue->issued_by));
      g_autofree char *reason = cw_markup_printf (
          "%s", issue->version == 1 ? _ ("First issue")
                                    : or_not_recorded (issue->revision_reason, "—"));
      const char *cells[] = { number, when, by, reason };
      cw_table_row (versions, cells, CW_ROW_NORMAL, -1, NULL);
      listed++;
    }
  if (versions != NULL)
    cw_table_end (versions);
  if (listed == 0)
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("No version of this report has been issued yet."));

  cw_typeset_heading (ts, 1, _ ("9  Sign-off"), TRUE);
  const char *roles[] = { _ ("Lead auditor"), _ ("Auditee representative"), _ ("Top management") };
  const char *names[] = { cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)), NULL,
                          c->top_management->len == 1 ? g_ptr_array_index (c->top_management, 0)
                                                      : NULL };
  cw_typeset_sign_off (ts,
                       _ ("By signing, the lead auditor confirms that this report fairly presents "
                          "the audit and its evidence, and the auditee's representative confirms "
                          "having received it and the findings it contains."),
                       _ ("Role"), roles, names, G_N_ELEMENTS (roles));
}

/* Appendix: every question in scope, with its result and the auditor's note. */
static void
compose_checklist (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_page_break (ts);
  cw_typeset_heading (ts, 1, _ ("Appendix  The checklist"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Each question of the checklist in scope, with the result recorded and the "
                      "auditor's note: what was seen, or why the question did not apply."));
  static const double widths[] = { 0.12, 0.66, 0.22 };
  const char *header[] = { _ ("Question"), _ ("Question and note"), _ ("Result") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  for (guint i = 0; i < c->rows->len; i++)
    {
      ClauseRow *row = &g_array_index (c->rows, ClauseRow, i);
      GPtrArray *questions = cw_clause_get_questions (row->clause);
      if (questions->len == 0)
        continue;
      g_autofree char *number = cw_markup_printf ("%s", cw_clause_get_number (row->clause));
      g_autofree char *title = cw_markup_printf ("%s", cw_clause_get_title_shown (row->clause));
      const char *group[] = { number, title, "" };
      cw_table_row (table, group, CW_ROW_GROUP, -1, NULL);
      for (guint j = 0; j < questions->len; j++)
        {
          CwQuestion *question = g_ptr_array_index (questions, j);
          CwResult result = cw_answers_result (c->by_question, cw_question_get_id (question));
          const char *note = answer_note (c, question);
          g_autofree char *id = cw_markup_printf ("%s", cw_question_get_id (question));
          g_autofree char *text
              = note && *note
                    ? cw_markup_printf (
                          "%s\n<span foreground=\"#4a5058\">%s</span>",
                          cw_question_get_text_shown (question), note)
                    : cw_markup_printf ("%s", cw_question_get_text_shown (question));
          g_autofree char *label = cw_markup_printf ("%s", cw_result_label (result));
          const char *cells[] = { id, text, label };
          cw_table_row (table, cells, CW_ROW_NORMAL, 2,
                        result == CW_RESULT_NOT_ASSESSED ? NULL : cw_report_result_colour (result));
        }
    }
  cw_table_end (table);
}

static const char *
confidentiality_note (void)
{
  return _ ("Confidential. Prepared with Clausewise for the people on the distribution list. "
            "Clause numbers and titles are those of ISO/IEC 20000-1:2018; every other word is "
            "the audit team's.");
}

static void
compose_cover (CwTypeset *ts, AuditContent *c, const char *kicker, const char *extra_label,
               const char *extra_value)
{
  g_autofree char *team = lines_joined (cw_audit_get_team (c->audit));
  g_autofree char *kicker_line
      = c->issued ? g_strdup (kicker) : g_strdup_printf (_ ("%s · Draft — not issued"), kicker);
  const char *fields[] = {
    _ ("Audit client"),
    c->organisation->name,
    _ ("Reference"),
    c->reference,
    _ ("This report"),
    c->version,
    _ ("Audit dates"),
    c->dates,
    _ ("Lead auditor"),
    cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)),
    _ ("Audit team"),
    cw_report_or_dash (team),
    extra_label,
    extra_value,
    NULL,
  };
  cw_typeset_cover (ts, kicker_line, cw_audit_get_title (c->audit), c->organisation->name,
                    fields, confidentiality_note ());
  cw_typeset_contents_here (ts);
}

static void
compose_audit_report (CwTypeset *ts, gpointer data)
{
  AuditContent *c = data;
  g_autofree char *findings = grade_counts (c->grades);
  compose_cover (ts, c, _ ("Internal audit report"), _ ("Findings"), findings);
  compose_details (ts, c);
  compose_summary (ts, c);
  compose_findings (ts, c);
  compose_conclusions (ts, c);
  compose_rest (ts, c);
  compose_checklist (ts, c);
}

static gboolean
is_nonconformity (CwFinding *finding)
{
  return cw_grade_is_nonconformity (cw_finding_get_grade (finding));
}

static CwAction *
action_for (AuditContent *c, CwFinding *finding)
{
  gint64 id = cw_finding_get_id (finding);
  return g_hash_table_lookup (c->actions, &id);
}

/* How long the auditee has to answer a nonconformity of this grade, in
 * days after the report is issued: the organisation sets it. */
static guint
response_days (AuditContent *c, CwGrade grade)
{
  return grade == CW_GRADE_MAJOR ? c->organisation->respond_major_days
                                 : c->organisation->respond_minor_days;
}

/* By when the auditee answers: a number of days after the issue date. */
static char *
response_deadline (AuditContent *c, CwFinding *finding)
{
  guint days = response_days (c, cw_finding_get_grade (finding));
  GDate date;
  if (!c->issued || !cw_date_parse (cw_audit_get_issued_on (c->audit), &date, NULL))
    return g_strdup_printf (
        cw_ngettext ("%u day after the report is issued",
                     "%u days after the report is issued", days),
        days);
  g_date_add_days (&date, days);
  g_autofree char *iso = cw_date_to_string (&date);
  g_autofree char *day = cw_report_date (iso);
  return g_strdup_printf (
      cw_ngettext ("%s (%u day after the report was issued)",
                   "%s (%u days after the report was issued)", days),
      day, days);
}

/* A recorded answer in full, or a box to write it in by hand. */
static void
filled_or_box (CwTypeset *ts, const char *label, const char *text, double height)
{
  if (text != NULL && *text != '\0')
    cw_typeset_labelled (ts, label, text, NULL);
  else
    cw_typeset_box (ts, label, height);
}

static char *
dated (const char *iso)
{
  return iso ? cw_report_date (iso) : NULL;
}

static void
compose_nonconformity (CwTypeset *ts, AuditContent *c, CwFinding *finding)
{
  cw_typeset_page_break (ts);
  CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, cw_finding_get_clause (finding));
  g_autofree char *label = cw_finding_dup_label (finding);
  g_autofree char *heading = g_strdup_printf ("%s  %s %s", label, cw_finding_get_clause (finding),
                                              clause ? cw_clause_get_title_shown (clause) : "");
  cw_typeset_heading (ts, 1, heading, TRUE);
  g_autofree char *raised = cw_report_date (cw_finding_get_raised_on (finding));
  g_autofree char *audit = g_strdup_printf ("%s (%s)", cw_audit_get_title (c->audit), c->reference);
  g_autofree char *question = question_text (c, finding);
  g_autofree char *deadline = response_deadline (c, finding);
  CwTable *form = form_begin (ts);
  form_row (form, _ ("Audit"), audit);
  form_row (form, _ ("Grade"), cw_grade_label (cw_finding_get_grade (finding)));
  g_autofree char *raised_by = g_strdup_printf (
      _ ("%s, by %s"), raised, cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)));
  form_row (form, _ ("Seen"), raised_by);
  if (question != NULL)
    form_row (form, _ ("Checklist question"), question);
  form_row (form, _ ("Why this grade"), cw_finding_get_grade_reason (finding));
  form_row (form, _ ("Status"), cw_finding_status_label (cw_finding_get_status (finding)));
  form_row (form, _ ("Respond by"), deadline);
  cw_table_end (form);
  compose_finding (ts, c, finding, FALSE);

  CwAction *action = action_for (c, finding);
  g_autofree char *response = g_strdup_printf (_ ("Auditee's response to %s"), label);
  cw_typeset_heading (ts, 3, response, FALSE);
  if (action != NULL)
    {
      g_autofree char *owner_due = NULL;
      const char *owner = cw_action_get_owner (action);
      const char *due = cw_action_get_due (action);
      if ((owner && *owner) || due)
        {
          g_autofree char *day = dated (due);
          owner_due = g_strdup_printf (_ ("%s, due %s"), cw_report_or_dash (owner),
                                       day ? day : "—");
        }
      g_autofree char *action_ref
          = g_strdup_printf ("A-%" PRId64 "  %s", cw_action_get_id (action),
                             cw_report_or_dash (cw_action_get_title (action)));
      cw_typeset_labelled (ts, _ ("Corrective action"), action_ref, NULL);
      filled_or_box (ts, _ ("Correction: what was done at once to contain it"),
                     cw_action_get_correction (action), 34);
      filled_or_box (ts, _ ("Consequences dealt with"), cw_action_get_consequences (action), 30);
      filled_or_box (ts, _ ("Root cause"), cw_action_get_root_cause (action), 34);
      filled_or_box (ts, _ ("Similar cases, here or elsewhere"), cw_action_get_similar (action),
                     30);
      filled_or_box (ts, _ ("Action plan"), cw_action_get_plan (action), 42);
      filled_or_box (ts, _ ("Owner and due date"), owner_due, 24);
    }
  else
    {
      cw_typeset_box (ts, _ ("Correction: what was done at once to contain it"), 34);
      cw_typeset_box (ts, _ ("Consequences dealt with"), 30);
      cw_typeset_box (ts, _ ("Root cause"), 34);
      cw_typeset_box (ts, _ ("Similar cases, here or elsewhere"), 30);
      cw_typeset_box (ts, _ ("Corrective action, owner and due date"), 42);
    }

  /* Acceptance of the plan by the lead auditor. */
  cw_typeset_heading (ts, 3, _ ("Acceptance of the action plan"), FALSE);
  g_autofree char *planned = action ? dated (cw_action_get_planned_on (action)) : NULL;
  g_autofree char *accepted
      = planned ? g_strdup_printf (_ ("Plan recorded on %s"), planned) : NULL;
  const char *accept_roles[] = { _ ("Auditee (response)"), _ ("Lead auditor (plan accepted)") };
  const char *accept_names[]
      = { action ? cw_action_get_owner (action) : NULL,
          cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)) };
  cw_typeset_sign_off (ts,
                       or_not_recorded (accepted,
                                        _ ("No action plan is recorded yet: the auditee writes it "
                                           "above and the lead auditor accepts it by signing.")),
                       _ ("Signed for"), accept_roles, accept_names, G_N_ELEMENTS (accept_roles));

  /* Closure: verification of effectiveness. */
  cw_typeset_heading (ts, 3, _ ("Verification and closure"), FALSE);
  g_autofree char *implemented = action ? dated (cw_action_get_implemented_on (action)) : NULL;
  g_autofree char *verified = action ? dated (cw_action_get_verified_on (action)) : NULL;
  g_autofree char *closed = action ? dated (cw_action_get_closed_on (action)) : NULL;
  const char *verifier = action ? cw_action_get_verified_by (action) : NULL;
  gboolean is_verified = action && cw_action_get_status (action) >= CW_ACTION_VERIFIED;
  if (implemented != NULL || is_verified)
    {
      form = form_begin (ts);
      form_row (form, _ ("Implemented on"), implemented);
      if (is_verified)
        {
          g_autofree char *by = cw_action_get_verifier_is_owner (action)
                                    ? g_strdup_printf (_ ("%s, the action's owner: %s"), verifier,
                                                       cw_report_or_dash (
                                                           cw_action_get_verifier_justification (
                                                               action)))
                                    : g_strdup (verifier);
          form_row (form, _ ("Verified on"), verified);
          form_row (form, _ ("Verified by"), by);
          form_row (form, _ ("Closed on"), closed ? closed : _ ("Not closed yet"));
        }
      cw_table_end (form);
    }
  if (is_verified)
    cw_typeset_labelled (ts, _ ("Evidence that the action worked"),
                         cw_action_get_verification (action), NULL);
  else
    cw_typeset_box (ts, _ ("Evidence that the action worked, who checked it and when"), 42);
}

static void
compose_nc_report (CwTypeset *ts, gpointer data)
{
  AuditContent *c = data;
  g_autofree char *majors = g_strdup_printf (
      cw_ngettext ("%u major", "%u major", c->grades[CW_GRADE_MAJOR]),
      c->grades[CW_GRADE_MAJOR]);
  g_autofree char *minors = g_strdup_printf (
      cw_ngettext ("%u minor", "%u minor", c->grades[CW_GRADE_MINOR]),
      c->grades[CW_GRADE_MINOR]);
  g_autofree char *counts = g_strdup_printf ("%s, %s", majors, minors);
  compose_cover (ts, c, _ ("Nonconformity report"), _ ("Nonconformities"), counts);

  cw_typeset_heading (ts, 1, _ ("Nonconformities raised"), TRUE);
  compose_draft_notice (ts, c);
  if (c->grades[CW_GRADE_MAJOR] + c->grades[CW_GRADE_MINOR] == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("The audit raised no minor or major nonconformity, so no response is "
                          "needed."));
      return;
    }
  /* The organisation sets both figures, so each has its own plural form:
   * whole sentences, one a figure, in a paragraph. */
  guint major_days = response_days (c, CW_GRADE_MAJOR);
  guint minor_days = response_days (c, CW_GRADE_MINOR);
  g_autofree char *major_due = g_strdup_printf (
      cw_ngettext ("The response to a major nonconformity is due %u day after the report is "
                   "issued.",
                   "The response to a major nonconformity is due %u days after the report is "
                   "issued.",
                   major_days),
      major_days);
  g_autofree char *minor_due = g_strdup_printf (
      cw_ngettext ("The response to a minor nonconformity is due %u day after the report is "
                   "issued.",
                   "The response to a minor nonconformity is due %u days after the report is "
                   "issued.",
                   minor_days),
      minor_days);
  /* TRANSLATORS: the sentences of a paragraph, in the order they read. */
  g_autofree char *intro = g_strdup_printf (
      C_ ("sentences", "%s %s %s %s"),
      _ ("Each nonconformity below has a page of its own with what the auditee has recorded "
         "so far; boxes are left only for what is not recorded yet."),
      major_due, minor_due,
      _ ("A major nonconformity needs its correction and corrective action before the audit "
         "can be closed."));
  cw_typeset_text (ts, CW_STYLE_BODY, intro);
  static const double widths[] = { 0.12, 0.40, 0.16, 0.14, 0.18 };
  const char *header[] = { _ ("Number"), _ ("Clause"), _ ("Grade"), _ ("Action"), _ ("Status") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  for (guint i = 0; i < c->findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (c->findings, i);
      if (!is_nonconformity (finding))
        continue;
      CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, cw_finding_get_clause (finding));
      CwAction *action = action_for (c, finding);
      g_autofree char *label = cw_finding_dup_label (finding);
      g_autofree char *number = cw_markup_printf ("%s", label);
      g_autofree char *title = cw_markup_printf ("%s  %s", cw_finding_get_clause (finding),
                                                 clause ? cw_clause_get_title_shown (clause) : "");
      g_autofree char *grade
          = cw_markup_printf ("%s", cw_grade_label (cw_finding_get_grade (finding)));
      g_autofree char *action_ref
          = action ? g_strdup_printf ("A-%" PRId64, cw_action_get_id (action))
                   : cw_markup_printf ("%s", _ ("none yet"));
      g_autofree char *status
          = cw_markup_printf ("%s", cw_finding_status_label (cw_finding_get_status (finding)));
      const char *cells[] = { number, title, grade, action_ref, status };
      cw_table_row (table, cells, CW_ROW_NORMAL, 2,
                    cw_report_grade_colour (cw_finding_get_grade (finding)));
    }
  cw_table_end (table);
  for (guint i = 0; i < c->findings->len; i++)
    if (is_nonconformity (g_ptr_array_index (c->findings, i)))
      compose_nonconformity (ts, c, g_ptr_array_index (c->findings, i));
}

/* ---- The audit plan -------------------------------------------------------- */

/* The plan sent to the auditees before the audit (ISO 19011 6.3): what is
 * audited against what, where, when and by whom, and how the audit runs;
 * nothing of its results. */
static void
compose_plan (CwTypeset *ts, gpointer data)
{
  AuditContent *c = data;
  g_autofree char *team = lines_joined (cw_audit_get_team (c->audit));
  g_autofree char *auditees = lines_joined (cw_audit_get_auditees (c->audit));
  g_autofree char *scope = scope_text (c);
  const char *fields[] = {
    _ ("Audit client"),
    c->organisation->name,
    _ ("Reference"),
    c->reference,
    _ ("Audit dates"),
    c->dates,
    _ ("Lead auditor"),
    cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)),
    _ ("Audit team"),
    cw_report_or_dash (team),
    NULL,
  };
  /* A few pages: no table of contents. */
  cw_typeset_cover (ts, _ ("Internal audit plan"), cw_audit_get_title (c->audit),
                    c->organisation->name, fields, confidentiality_note ());

  cw_typeset_heading (ts, 1, _ ("1  Objectives, scope and criteria"), TRUE);
  CwTable *form = form_begin (ts);
  form_row (form, _ ("Objectives"),
            or_not_recorded (cw_audit_get_objectives (c->audit),
                             _ ("Not recorded yet: the lead auditor states them before the "
                                "plan is sent")));
  form_row (form, _ ("Scope"), scope);
  form_row (form, _ ("Criteria"),
            or_not_recorded (cw_audit_get_criteria (c->audit),
                             _ ("ISO/IEC 20000-1:2018 and the organisation's own service "
                                "management documents")));
  form_row (form, _ ("Sites and locations"),
            or_not_recorded (cw_audit_get_sites (c->audit), _ ("No site is named in the plan")));
  form_row (form, _ ("Dates"), c->dates);
  cw_table_end (form);

  cw_typeset_heading (ts, 1, _ ("2  Audit team and auditees"), TRUE);
  form = form_begin (ts);
  form_row (form, _ ("Lead auditor"), cw_audit_get_lead_auditor (c->audit));
  form_row (form, _ ("Audit team"), team);
  form_row (form, _ ("Auditees"), auditees);
  cw_table_end (form);
  compose_independence (ts, c);

  cw_typeset_heading (ts, 1, _ ("3  Schedule of sessions"), TRUE);
  compose_sessions (ts, c);

  cw_typeset_heading (ts, 1, _ ("4  How the audit runs"), TRUE);
  cw_typeset_labelled (
      ts, _ ("Opening meeting"),
      _ ("On the first day the audit team meets the auditees to confirm this plan, the "
         "arrangements for access and confidentiality, and who accompanies the auditors."),
      NULL);
  cw_typeset_labelled (
      ts, _ ("Sessions"),
      _ ("In each session the auditors ask to see how the work is done and the records it "
         "leaves, and examine samples of them. Please have the documents and records of the "
         "clauses in scope at hand, and tell the lead auditor early of anyone who cannot "
         "attend."),
      NULL);
  cw_typeset_labelled (
      ts, _ ("Closing meeting"),
      _ ("On the last day the audit team presents its findings, graded as major or minor "
         "nonconformities, observations and opportunities for improvement, and records the "
         "auditees' response and any opinion left unresolved. The audit report follows."),
      NULL);

  cw_typeset_heading (ts, 1, _ ("5  Clauses to be audited"), TRUE);
  static const double widths[] = { 0.14, 0.70, 0.16 };
  const char *header[] = { _ ("Clause"), _ ("Title"), _ ("Questions") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  GPtrArray *clauses = cw_catalogue_get_clauses (c->catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      guint n = cw_clause_get_questions (clause)->len;
      if (n == 0 || !cw_audit_covers (c->audit, cw_clause_get_number (clause)))
        continue;
      g_autofree char *number = cw_markup_printf ("%s", cw_clause_get_number (clause));
      g_autofree char *title = cw_markup_printf ("%s", cw_clause_get_title_shown (clause));
      g_autofree char *count = cw_markup_printf ("%u", n);
      const char *cells[] = { number, title, count };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);
}

static CwReport *
new_audit_report (CwWorkspace *workspace, gint64 audit_id, const char *title,
                  CwReportCompose compose, GError **error)
{
  AuditContent *content = load_audit (workspace, audit_id, error);
  if (content == NULL)
    return NULL;
  /* The plan is no version of the report: its footer says what it is. */
  if (compose == compose_plan)
    {
      g_free (content->footer);
      content->footer = g_strdup_printf (_ ("%s plan"), content->reference);
    }
  g_autofree char *subject
      = g_strdup_printf ("%s: %s", content->reference, cw_audit_get_title (content->audit));
  CwReportInfo info = {
    .title = title,
    .subject = subject,
    .author = cw_audit_get_lead_auditor (content->audit),
    .organisation = content->organisation->name,
    .reference = content->footer,
  };
  return cw_report_new_with (workspace, &info, content, (GDestroyNotify)audit_content_free,
                             compose, error);
}

/* The internal audit report: details, results per clause with the chart,
 * every finding in full, conclusions, sampling, distribution, sign-off. */
CwReport *
cw_report_new_audit (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;
  return new_audit_report (workspace, audit_id, _ ("Internal audit report"), compose_audit_report,
                           error);
}

/* The audit plan, to send to the auditees before the audit. */
CwReport *
cw_report_new_audit_plan (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;
  return new_audit_report (workspace, audit_id, _ ("Internal audit plan"), compose_plan, error);
}

/* One page per minor or major nonconformity, with room for the auditee's
 * response and the signatures. */
CwReport *
cw_report_new_nonconformities (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;
  return new_audit_report (workspace, audit_id, _ ("Nonconformity report"), compose_nc_report,
                           error);
}
