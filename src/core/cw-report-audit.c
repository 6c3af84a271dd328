/* cw-report-audit.c: the internal audit report (ISO 19011 contents) and the
 * nonconformity report, one page per minor or major finding.
 *
 * Everything is read from the workspace when the report is made; composing
 * only reads this snapshot, so it may run in a worker thread. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-evidence.h"
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
  GArray *rows;
  CwResultsChart *chart;
  guint results[N_RESULTS];
  guint grades[N_GRADES];
  guint n_questions;
  char *reference;
  char *dates;
} AuditContent;

static void
audit_content_free (AuditContent *content)
{
  cw_organisation_free (content->organisation);
  g_clear_object (&content->audit);
  g_clear_object (&content->catalogue);
  g_clear_pointer (&content->findings, g_ptr_array_unref);
  g_clear_pointer (&content->evidence, g_ptr_array_unref);
  g_clear_pointer (&content->rows, g_array_unref);
  cw_results_chart_free (content->chart);
  g_free (content->reference);
  g_free (content->dates);
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
  g_autoptr (GHashTable) results = cw_answers_by_question (answers);
  content->chart = cw_results_chart_new_for (content->audit, catalogue, results);
  content->reference = g_strdup_printf ("IA-%" G_GINT64_FORMAT, audit_id);
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
  return g_steal_pointer (&content);
}

static char *
grade_counts (const guint *grades)
{
  g_autoptr (GString) text = g_string_new (NULL);
  static const CwGrade order[]
      = { CW_GRADE_MAJOR, CW_GRADE_MINOR, CW_GRADE_OBSERVATION, CW_GRADE_OFI };
  static const char *const names[] = {
    [CW_GRADE_MAJOR] = N_ ("major"),
    [CW_GRADE_MINOR] = N_ ("minor"),
    [CW_GRADE_OBSERVATION] = N_ ("obs."),
    [CW_GRADE_OFI] = N_ ("OFI"),
  };
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (grades[order[i]] > 0)
      g_string_append_printf (text, "%s%u %s", text->len ? " · " : "", grades[order[i]],
                              _ (names[order[i]]));
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("—");
}

/* "a\nb\nc" as "a, b, c" for one line of a form. */
static char *
lines_joined (const char *lines)
{
  g_auto (GStrv) items = g_strsplit (lines ? lines : "", "\n", -1);
  return g_strjoinv (", ", items);
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

static void
compose_details (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("1  Audit details"), TRUE);
  g_autofree char *scope = scope_text (c);
  g_autofree char *team = lines_joined (cw_audit_get_team (c->audit));
  g_autofree char *auditees = lines_joined (cw_audit_get_auditees (c->audit));
  CwTable *form = form_begin (ts);
  form_row (form, _ ("Organisation"), c->organisation->name);
  form_row (form, _ ("Audit"), cw_audit_get_title (c->audit));
  form_row (form, _ ("Reference"), c->reference);
  form_row (form, _ ("Objectives"), cw_audit_get_objectives (c->audit));
  form_row (form, _ ("Scope"), scope);
  form_row (form, _ ("Criteria"), cw_audit_get_criteria (c->audit));
  form_row (form, _ ("Dates"), c->dates);
  form_row (form, _ ("Lead auditor"), cw_audit_get_lead_auditor (c->audit));
  form_row (form, _ ("Audit team"), team);
  form_row (form, _ ("Auditees"), auditees);
  form_row (form, _ ("Status of the audit"),
            cw_audit_status_label (cw_audit_get_status (c->audit)));
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
  g_autofree char *intro = g_strdup_printf (
      _ ("Clauses in scope: %u. Checklist questions: %u, of which %u were assessed. Findings "
         "raised: %u (%s). The chart shows the results of the checklist questions per clause "
         "group; the table gives each clause in scope with its most severe result, counting both "
         "answers and findings."),
      c->rows->len, c->n_questions, assessed, c->findings->len, findings);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);

  /* The chart cannot break: its heading moves with it. */
  cw_typeset_keep (ts, cw_results_chart_get_height (c->chart) + 40);
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
      g_autofree char *title = cw_markup_printf ("%s", cw_clause_get_title (row->clause));
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

static void
compose_finding (CwTypeset *ts, AuditContent *c, CwFinding *finding, gboolean with_evidence)
{
  CwGrade grade = cw_finding_get_grade (finding);
  const CwRgb *colour = cw_report_grade_colour (grade);
  if (!with_evidence)
    {
      /* On a nonconformity page the form above already names the grade. */
      finding_part (ts, finding, _ ("Requirement"), cw_finding_get_requirement (finding), colour);
      finding_part (ts, finding, _ ("Evidence"), cw_finding_get_evidence (finding), colour);
      finding_part (ts, finding, _ ("Statement"), cw_finding_get_statement (finding), colour);
      return;
    }
  g_autofree char *title
      = cw_markup_printf (_ ("Finding %" PRId64 "  <span weight=\"normal\" "
                             "foreground=\"#6b7380\">·  clause %s  ·  %s</span>"),
                          cw_finding_get_id (finding), cw_finding_get_clause (finding),
                          cw_finding_status_label (cw_finding_get_status (finding)));
  cw_typeset_badge_line (ts, cw_grade_label (grade), colour, title, colour);
  finding_part (ts, finding, _ ("Requirement"), cw_finding_get_requirement (finding), colour);
  finding_part (ts, finding, _ ("Evidence"), cw_finding_get_evidence (finding), colour);
  finding_part (ts, finding, _ ("Statement"), cw_finding_get_statement (finding), colour);
  g_autoptr (GString) items = g_string_new (NULL);
  for (guint i = 0; i < c->evidence->len; i++)
    {
      CwEvidence *evidence = g_ptr_array_index (c->evidence, i);
      if (evidence->finding_id != cw_finding_get_id (finding))
        continue;
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
                   _ ("Each finding is given with its grade and its three parts: what is "
                      "required, what the auditors saw, and how the evidence falls short of the "
                      "requirement. Findings are grouped by clause."));
  const char *clause = NULL;
  for (guint i = 0; i < c->findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (c->findings, i);
      if (g_strcmp0 (clause, cw_finding_get_clause (finding)) != 0)
        {
          clause = cw_finding_get_clause (finding);
          CwClause *entry = cw_catalogue_lookup_clause (c->catalogue, clause);
          g_autofree char *heading
              = g_strdup_printf ("%s  %s", clause, entry ? cw_clause_get_title (entry) : "");
          cw_typeset_heading (ts, 2, heading, FALSE);
        }
      compose_finding (ts, c, finding, TRUE);
    }
}

static void
compose_conclusions (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("4  Conclusions"), TRUE);
  guint assessed = c->n_questions - c->results[CW_RESULT_NOT_ASSESSED];
  guint applicable = assessed - c->results[CW_RESULT_NOT_APPLICABLE];
  guint met = c->results[CW_RESULT_CONFORMING] + c->results[CW_RESULT_OFI]
              + c->results[CW_RESULT_OBSERVATION];
  guint percent = applicable ? (met * 100 + applicable / 2) / applicable : 0;
  g_autofree char *extent = g_strdup_printf (
      _ ("Of the %u questions assessed and applicable, %u (%u %%) found the criteria met, "
         "including those with an observation or an opportunity for improvement. %u questions "
         "were not assessed and %u were not applicable to this audit."),
      applicable, met, percent, c->results[CW_RESULT_NOT_ASSESSED],
      c->results[CW_RESULT_NOT_APPLICABLE]);
  cw_typeset_heading (ts, 2, _ ("4.1  Extent to which the criteria are met"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY, extent);

  cw_typeset_heading (ts, 2, _ ("4.2  Overall conclusion"), TRUE);
  const char *verdict;
  if (c->grades[CW_GRADE_MAJOR] > 0)
    verdict = _ ("The audit found at least one major nonconformity: a requirement is not met "
                 "or a process has broken down. The service management system is not yet ready "
                 "for certification; each major nonconformity needs a correction, a corrective "
                 "action and evidence that the action worked before the Stage Two audit.");
  else if (c->grades[CW_GRADE_MINOR] > 0)
    verdict = _ ("The audit found no major nonconformity. The minor nonconformities are "
                 "isolated lapses; each needs an accepted action plan with an owner and a due "
                 "date, and the plans should be under way before the certification audit.");
  else if (assessed < c->n_questions)
    verdict = _ ("No nonconformity was found in what was assessed, but part of the scope was "
                 "not assessed; those questions should be covered before relying on this audit.");
  else
    verdict = _ ("No nonconformity was found: within the scope audited, the service management "
                 "system conforms to the criteria and works in practice.");
  cw_typeset_text (ts, CW_STYLE_BODY, verdict);
  if (c->grades[CW_GRADE_OBSERVATION] + c->grades[CW_GRADE_OFI] > 0)
    cw_typeset_text (ts, CW_STYLE_BODY,
                     _ ("Observations point to where a nonconformity could arise; "
                        "opportunities for improvement are suggestions. Neither needs a "
                        "corrective action, but management should decide on each."));
}

static void
compose_rest (CwTypeset *ts, AuditContent *c)
{
  cw_typeset_heading (ts, 1, _ ("5  Unresolved diverging opinions"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("No diverging opinions between the audit team and the auditees were "
                      "recorded for this audit. Opinions that remain unresolved after the closing "
                      "meeting are to be listed here with both positions."));

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
      static const double widths[] = { 0.15, 0.10, 0.23, 0.12, 0.40 };
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
          g_autofree char *sample = g_strdup_printf ("%d", e->sample_size);
          g_autofree char *description = cw_markup_printf ("%s", cw_report_or_dash (e->description));
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
  const char *dist_header[] = { _ ("Name"), _ ("Role in this audit") };
  CwTable *dist = cw_typeset_table_begin (ts, 2, dist_widths, dist_header);
  guint dist_rows = 0;
  struct
  {
    const char *lines;
    const char *role;
  } groups[] = {
    { cw_audit_get_lead_auditor (c->audit), _ ("Lead auditor") },
    { cw_audit_get_team (c->audit), _ ("Audit team") },
    { cw_audit_get_auditees (c->audit), _ ("Auditee") },
  };
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto (GStrv) names = g_strsplit (groups[g].lines ? groups[g].lines : "", "\n", -1);
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (*g_strstrip (names[i]) == '\0')
            continue;
          g_autofree char *name = cw_markup_printf ("%s", names[i]);
          g_autofree char *role = cw_markup_printf ("%s", groups[g].role);
          const char *cells[] = { name, role };
          cw_table_row (dist, cells, CW_ROW_NORMAL, -1, NULL);
          dist_rows++;
        }
    }
  if (dist_rows == 0)
    {
      g_autofree char *nobody
          = cw_markup_printf ("%s", _ ("No one is named in the audit plan yet"));
      const char *cells[] = { nobody, "" };
      cw_table_row (dist, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (dist);

  cw_typeset_heading (ts, 1, _ ("8  Sign-off"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("By signing, the lead auditor confirms that this report fairly presents "
                      "the audit and its evidence, and the auditee's representative confirms "
                      "having received it and the findings it contains."));
  cw_typeset_keep (ts, 140);
  const char *roles[] = { _ ("Lead auditor"), _ ("Auditee representative"), _ ("Top management") };
  const char *names[] = { cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)), NULL, NULL };
  cw_typeset_sign_off (ts, _ ("Role"), roles, names, G_N_ELEMENTS (roles));
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
  const char *fields[] = {
    _ ("Organisation"),
    c->organisation->name,
    _ ("Reference"),
    c->reference,
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
  cw_typeset_cover (ts, kicker, cw_audit_get_title (c->audit), c->organisation->name, fields,
                    confidentiality_note ());
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
}

static gboolean
is_nonconformity (CwFinding *finding)
{
  return cw_grade_is_nonconformity (cw_finding_get_grade (finding));
}

static void
compose_nonconformity (CwTypeset *ts, AuditContent *c, CwFinding *finding)
{
  cw_typeset_page_break (ts);
  CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, cw_finding_get_clause (finding));
  g_autofree char *heading = g_strdup_printf (
      _ ("NC-%" PRId64 "  %s %s"), cw_finding_get_id (finding),
      cw_finding_get_clause (finding), clause ? cw_clause_get_title (clause) : "");
  cw_typeset_heading (ts, 1, heading, TRUE);
  g_autofree char *raised = cw_report_date (cw_finding_get_created_at (finding));
  g_autofree char *audit = g_strdup_printf ("%s (%s)", cw_audit_get_title (c->audit), c->reference);
  CwTable *form = form_begin (ts);
  form_row (form, _ ("Audit"), audit);
  form_row (form, _ ("Grade"), cw_grade_label (cw_finding_get_grade (finding)));
  g_autofree char *raised_by
      = g_strdup_printf (_ ("%s, by %s"), raised, cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)));
  form_row (form, _ ("Raised"), raised_by);
  form_row (form, _ ("Status"), cw_finding_status_label (cw_finding_get_status (finding)));
  cw_table_end (form);
  compose_finding (ts, c, finding, FALSE);

  /* The response form stays whole: if it does not fit under the finding it
   * starts the next page rather than leaving the signatures alone there. */
  cw_typeset_keep (ts, 215);
  g_autofree char *response = g_strdup_printf (_ ("Auditee's response to NC-%" PRId64),
                                               cw_finding_get_id (finding));
  cw_typeset_heading (ts, 3, response, FALSE);
  cw_typeset_box (ts, _ ("Correction: what was done at once to contain it"), 34);
  cw_typeset_box (ts, _ ("Root cause, and whether it occurs elsewhere"), 34);
  cw_typeset_box (ts, _ ("Corrective action, owner and due date"), 42);
  cw_typeset_keep (ts, 72);
  const char *roles[] = { _ ("Auditee (response)"), _ ("Lead auditor (accepted)") };
  const char *names[] = { NULL, cw_report_or_dash (cw_audit_get_lead_auditor (c->audit)) };
  cw_typeset_sign_off (ts, _ ("Signed for"), roles, names, G_N_ELEMENTS (roles));
}

static void
compose_nc_report (CwTypeset *ts, gpointer data)
{
  AuditContent *c = data;
  g_autofree char *counts = g_strdup_printf (_ ("%u major, %u minor"), c->grades[CW_GRADE_MAJOR],
                                             c->grades[CW_GRADE_MINOR]);
  compose_cover (ts, c, _ ("Nonconformity report"), _ ("Nonconformities"), counts);

  cw_typeset_heading (ts, 1, _ ("Nonconformities raised"), TRUE);
  if (c->grades[CW_GRADE_MAJOR] + c->grades[CW_GRADE_MINOR] == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("The audit raised no minor or major nonconformity, so no response is "
                          "needed."));
      return;
    }
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Each nonconformity below has a page of its own for the auditee's "
                      "response. Return the completed pages to the lead auditor; a major "
                      "nonconformity needs its correction and corrective action before the "
                      "audit can be closed."));
  static const double widths[] = { 0.12, 0.50, 0.22, 0.16 };
  const char *header[] = { _ ("Number"), _ ("Clause"), _ ("Grade"), _ ("Status") };
  CwTable *table = cw_typeset_table_begin (ts, 4, widths, header);
  for (guint i = 0; i < c->findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (c->findings, i);
      if (!is_nonconformity (finding))
        continue;
      CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, cw_finding_get_clause (finding));
      g_autofree char *number
          = g_strdup_printf ("NC-%" G_GINT64_FORMAT, cw_finding_get_id (finding));
      g_autofree char *title = cw_markup_printf ("%s  %s", cw_finding_get_clause (finding),
                                                 clause ? cw_clause_get_title (clause) : "");
      g_autofree char *grade
          = cw_markup_printf ("%s", cw_grade_label (cw_finding_get_grade (finding)));
      g_autofree char *status
          = cw_markup_printf ("%s", cw_finding_status_label (cw_finding_get_status (finding)));
      const char *cells[] = { number, title, grade, status };
      cw_table_row (table, cells, CW_ROW_NORMAL, 2,
                    cw_report_grade_colour (cw_finding_get_grade (finding)));
    }
  cw_table_end (table);
  for (guint i = 0; i < c->findings->len; i++)
    if (is_nonconformity (g_ptr_array_index (c->findings, i)))
      compose_nonconformity (ts, c, g_ptr_array_index (c->findings, i));
}

static CwReport *
new_audit_report (CwWorkspace *workspace, gint64 audit_id, const char *title,
                  CwReportCompose compose, GError **error)
{
  AuditContent *content = load_audit (workspace, audit_id, error);
  if (content == NULL)
    return NULL;
  g_autofree char *subject
      = g_strdup_printf ("%s: %s", content->reference, cw_audit_get_title (content->audit));
  CwReportInfo info = {
    .title = title,
    .subject = subject,
    .author = cw_audit_get_lead_auditor (content->audit),
    .organisation = content->organisation->name,
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
  return new_audit_report (workspace, audit_id, _ ("Internal audit report"), compose_audit_report,
                           error);
}

/* One page per minor or major nonconformity, with room for the auditee's
 * response and the signatures. */
CwReport *
cw_report_new_nonconformities (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return new_audit_report (workspace, audit_id, _ ("Nonconformity report"), compose_nc_report,
                           error);
}
