/* cw-report-debrief.c: the debrief of a case audit as a tagged PDF, for a
 * trainer and the trainee: the score by part with the counts of each
 * outcome, then every model finding with the trainee's finding beside it
 * (or the trainee's finding that no model finding supports), the statement
 * checker's hints, the case items cited and not cited, and the sampling
 * the case asked for against the records handed out.
 *
 * The content comes whole from cw_case_debrief(), which refuses an audit
 * whose report is not issued; this file only lays it out. The PDF is dated
 * from the issue of the report debriefed, so the same issue of the same
 * workspace always gives the same bytes.
 */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include "cw-i18n.h"
#include <string.h>

#include "cw-case-audit.h"
#include "cw-report-private.h"

typedef struct
{
  CwDebrief *debrief;
  CwCatalogue *catalogue;
  char *version; /* "Version 1, issued 29 November 2026" */
} DebriefContent;

static void
debrief_content_free (DebriefContent *content)
{
  g_clear_pointer (&content->debrief, cw_debrief_free);
  g_clear_object (&content->catalogue);
  g_free (content->version);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DebriefContent, debrief_content_free)

/* Colours that stay apart in greyscale: the worse, the darker. */
static const CwRgb good_colour = { 0.18, 0.49, 0.20 };
static const CwRgb middling_colour = { 0.80, 0.55, 0.10 };
static const CwRgb poor_colour = { 0.75, 0.15, 0.11 };
static const CwRgb unsupported_colour = { 0.42, 0.45, 0.50 };

static const CwRgb *
outcome_colour (CwDebriefOutcome outcome)
{
  switch (outcome)
    {
    case CW_DEBRIEF_MATCHED:
      return &good_colour;
    case CW_DEBRIEF_GRADED_DIFFERENTLY:
      return &middling_colour;
    case CW_DEBRIEF_MISSED:
      return &poor_colour;
    case CW_DEBRIEF_UNSUPPORTED:
    default:
      return &unsupported_colour;
    }
}

/* The pass mark of the lead auditor exams the debrief prepares for is
 * 70 %, with at least 50 % in each part. */
static const CwRgb *
score_colour (double percent)
{
  return percent >= 70 ? &good_colour : percent >= 50 ? &middling_colour : &poor_colour;
}

static char *
percent_text (double percent)
{
  return g_strdup_printf ("%.0f %%", CLAMP (percent, 0, 100));
}

/* "8.6.3 Problem management", or the number alone for a clause the
 * catalogue does not know. */
static char *
clause_text (DebriefContent *c, const char *number)
{
  if (number == NULL || *number == '\0')
    return g_strdup ("—");
  CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, number);
  return clause ? g_strdup_printf ("%s %s", number, cw_clause_get_title_shown (clause))
                : g_strdup (number);
}

/* A case item as a reader finds it in the case: its id, and the title of
 * a document, an interview or a population (a record's title is its id). */
static char *
item_text (const CwCase *kase, const char *id)
{
  const CwCaseItem *item = cw_case_lookup_item (kase, id);
  if (item != NULL && item->kind != CW_CASE_RECORD && item->title != NULL)
    return g_strdup_printf ("%s (%s)", id, item->title);
  const CwCasePopulation *population = cw_case_lookup_population (kase, id);
  if (population != NULL && population->title != NULL)
    return g_strdup_printf ("%s (%s)", id, population->title);
  return g_strdup (id);
}

static gboolean
strv_has_caseless (const char *const *strv, const char *id)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_ascii_strcasecmp (strv[i], id) == 0)
      return TRUE;
  return FALSE;
}

/* The items of `ids`: all when `against` is NULL, else those in it
 * (`in_against`) or those not in it. Documents, interviews and populations
 * one a line with their titles; records, which are many and named by their
 * ids, together on the last line. NULL when none is left. */
static char *
item_list (const CwCase *kase, const char *const *ids, const char *const *against,
           gboolean in_against)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GPtrArray) records = g_ptr_array_new ();
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (against != NULL && strv_has_caseless (against, ids[i]) != in_against)
        continue;
      const CwCaseItem *item = cw_case_lookup_item (kase, ids[i]);
      if (item != NULL && item->kind == CW_CASE_RECORD)
        {
          g_ptr_array_add (records, (gpointer)ids[i]);
          continue;
        }
      g_autofree char *text = item_text (kase, ids[i]);
      g_string_append_printf (list, "%s• %s", list->len ? "\n" : "", text);
    }
  if (records->len > 0)
    {
      g_ptr_array_add (records, NULL);
      g_autofree char *joined = g_strjoinv (", ", (char **)records->pdata);
      g_autofree char *line = g_strdup_printf (
          cw_ngettext ("Record %s", "Records %s", records->len - 1), joined);
      g_string_append_printf (list, "%s• %s", list->len ? "\n" : "", line);
    }
  return list->len ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* ---- 1  Score ----------------------------------------------------------- */

static void
score_row (CwTable *table, const char *part, double percent, const char *meaning, CwRowFlags flags)
{
  g_autofree char *score = percent_text (percent);
  g_autofree char *part_cell = cw_markup_printf ("%s", part);
  g_autofree char *score_cell = cw_markup_printf ("%s", score);
  g_autofree char *meaning_cell = cw_markup_printf ("%s", meaning);
  const char *cells[] = { part_cell, score_cell, meaning_cell };
  cw_table_row (table, cells, flags, 1, score_colour (percent));
}

static void
compose_score (CwTypeset *ts, DebriefContent *c)
{
  const CwDebrief *d = c->debrief;
  cw_typeset_heading (ts, 1, _ ("1  Score by part"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Four parts are scored from 0 to 100 %, and the overall score is their "
                      "mean. Model findings weigh by grade: a major nonconformity 3, a minor "
                      "nonconformity 2, an observation or an opportunity for improvement 1. A "
                      "part with nothing to score scores 0."));
  static const double widths[] = { 0.22, 0.14, 0.64 };
  const char *header[] = { _ ("Part"), _ ("Score"), _ ("What it measures") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  score_row (table, _ ("Coverage"), d->coverage,
             _ ("The share of the model findings' weight that the trainee found, whatever the "
                "grade given."),
             CW_ROW_NORMAL);
  score_row (table, _ ("Grading"), d->grading,
             _ ("Of the weight found, the share graded as the model grades it."), CW_ROW_NORMAL);
  score_row (table, _ ("Statements"), d->statements,
             _ ("The statement checker's verdict on each finding found, weighed by grade: full "
                "marks without a hint, a quarter off for each hint."),
             CW_ROW_NORMAL);
  score_row (table, _ ("Evidence"), d->evidence, _ ("The mean of citing and sampling."),
             CW_ROW_NORMAL);
  score_row (table, _ ("Evidence: citing"), d->citing,
             _ ("Of the findings found and those no model finding supports, the share that "
                "cite at least one item the model finding cites."),
             CW_ROW_NORMAL);
  score_row (table, _ ("Evidence: sampling"), d->sampling_score,
             _ ("For each sample the case expects, the records handed out from its population "
                "against the number it asks for, never more than all of them."),
             CW_ROW_NORMAL);
  score_row (table, _ ("Overall"), d->overall,
             _ ("The mean of coverage, grading, statements and evidence."), CW_ROW_GROUP);
  cw_table_end (table);

  cw_typeset_heading (ts, 2, _ ("1.1  Findings by outcome"), TRUE);
  static const double o_widths[] = { 0.26, 0.14, 0.60 };
  const char *o_header[] = { _ ("Outcome"), _ ("Findings"), _ ("What it means") };
  CwTable *outcomes = cw_typeset_table_begin (ts, 3, o_widths, o_header);
  static const char *const meanings[] = {
    [CW_DEBRIEF_MATCHED] = N_ ("A model finding the trainee raised on the same clause, or one "
                               "above or below it, with the same grade."),
    [CW_DEBRIEF_GRADED_DIFFERENTLY] = N_ ("A model finding the trainee raised on the same "
                                          "clause, or one above or below it, with another "
                                          "grade."),
    [CW_DEBRIEF_MISSED] = N_ ("A model finding the trainee did not raise."),
    [CW_DEBRIEF_UNSUPPORTED] = N_ ("A finding of the trainee's that no model finding supports."),
  };
  for (int o = CW_DEBRIEF_MATCHED; o <= CW_DEBRIEF_UNSUPPORTED; o++)
    {
      g_autofree char *label = cw_markup_printf ("%s", cw_debrief_outcome_label (o));
      g_autofree char *count = cw_markup_printf ("%u", d->n_outcome[o]);
      g_autofree char *meaning = cw_markup_printf ("%s", _ (meanings[o]));
      const char *cells[] = { label, count, meaning };
      cw_table_row (outcomes, cells, CW_ROW_NORMAL, 0, outcome_colour (o));
    }
  cw_table_end (outcomes);
}

/* ---- 2  Findings beside the model ---------------------------------------- */

/* A row of the findings table: the part, then the model's and the
 * trainee's text, or only the one there is. */
static void
side_row (CwTable *table, const char *part, gboolean model_side, const char *model,
          gboolean trainee_side, const char *trainee)
{
  g_autofree char *part_cell = cw_markup_printf ("<b>%s</b>", part);
  g_autofree char *model_cell = cw_markup_printf ("%s", cw_report_or_dash (model));
  g_autofree char *trainee_cell = cw_markup_printf ("%s", cw_report_or_dash (trainee));
  const char *cells[3] = { part_cell, NULL, NULL };
  guint n = 1;
  if (model_side)
    cells[n++] = model_cell;
  if (trainee_side)
    cells[n++] = trainee_cell;
  cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
}

/* The line beside the outcome's badge, as markup. */
static char *
outcome_summary (const CwDebriefRow *row)
{
  switch (row->outcome)
    {
    case CW_DEBRIEF_MATCHED:
      return cw_markup_printf (_ ("Raised as %s, with the grade the model gives"), row->label);
    case CW_DEBRIEF_GRADED_DIFFERENTLY:
      return cw_markup_printf (_ ("Raised as %s, with another grade than the model's"), row->label);
    case CW_DEBRIEF_MISSED:
      return cw_markup_printf ("%s", _ ("Not raised in the issued report"));
    case CW_DEBRIEF_UNSUPPORTED:
    default:
      return cw_markup_printf (_ ("Raised as %s; no model finding supports it"), row->label);
    }
}

static void
compose_hints (CwTypeset *ts, const CwDebriefRow *row, const CwRgb *bar)
{
  if (row->finding == NULL || row->hints == NULL)
    return;
  g_autofree char *score = percent_text (row->statement * 100);
  if (row->hints->len == 0)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("No hints: the three parts read as a nonconformity statement should (statement "
             "score %s)."),
          score);
      cw_typeset_labelled (ts, _ ("Statement checker"), text, bar);
      return;
    }
  g_autoptr (GString) text = g_string_new (NULL);
  g_string_append_printf (
      text,
      cw_ngettext ("%u hint on the trainee's statement (statement score %s):",
                   "%u hints on the trainee's statement (statement score %s):", row->hints->len),
      row->hints->len, score);
  for (guint i = 0; i < row->hints->len; i++)
    {
      CwStatementHint *hint = g_ptr_array_index (row->hints, i);
      g_string_append_printf (text, "\n• %s", hint->message);
    }
  cw_typeset_labelled (ts, _ ("Statement checker"), text->str, bar);
}

static void
compose_citations (CwTypeset *ts, const CwCase *kase, const CwDebriefRow *row, const CwRgb *bar)
{
  const char *const *model_cites = row->model ? (const char *const *)row->model->cites : NULL;
  const char *const *cited = (const char *const *)row->cited;
  if (row->model != NULL)
    {
      g_autofree char *both
          = item_list (kase, model_cites, (const char *const *)row->model_items_cited, TRUE);
      g_autofree char *not_cited
          = item_list (kase, model_cites, (const char *const *)row->model_items_cited, FALSE);
      if (row->finding != NULL)
        cw_typeset_labelled (ts, _ ("Model items the trainee cited"),
                             both ? both : _ ("None of the items the model finding cites."), bar);
      cw_typeset_labelled (
          ts, _ ("Model items the trainee did not cite"),
          not_cited ? not_cited : _ ("None: every item the model finding cites is cited."), bar);
    }
  if (row->finding != NULL)
    {
      g_autofree char *others = item_list (kase, cited, model_cites, FALSE);
      if (row->model == NULL)
        cw_typeset_labelled (ts, _ ("Case items the trainee cited"),
                             others ? others : _ ("The finding cites no item of the case."), bar);
      else if (others != NULL)
        cw_typeset_labelled (ts, _ ("Other case items the trainee cited"), others, bar);
    }
}

static void
compose_row (CwTypeset *ts, DebriefContent *c, const CwDebriefRow *row, guint number)
{
  const CwModelFinding *model = row->model;
  CwFinding *finding = row->finding;
  const CwCase *kase = c->debrief->study->kase;
  const CwRgb *colour = outcome_colour (row->outcome);

  const char *clause_number = model ? model->clause : cw_finding_get_clause (finding);
  g_autofree char *clause = clause_text (c, clause_number);
  g_autofree char *heading
      = g_strdup_printf ("2.%u  %s · %s", number, model ? model->id : row->label, clause);
  cw_typeset_heading (ts, 2, heading, FALSE);

  g_autofree char *summary = outcome_summary (row);
  cw_typeset_badge_line (ts, cw_debrief_outcome_label (row->outcome), colour, summary, colour);

  /* Beside each other when both exist; a missed model finding, or a
   * finding no model supports, has the page's width to itself. */
  gboolean both = model != NULL && finding != NULL;
  g_autofree char *trainee_head
      = finding ? g_strdup_printf (_ ("Trainee's finding %s"), row->label) : NULL;
  static const double widths_both[] = { 0.17, 0.415, 0.415 };
  static const double widths_one[] = { 0.17, 0.83 };
  const char *header[3] = { _ ("Part"), NULL, NULL };
  guint n = 1;
  if (model != NULL)
    header[n++] = _ ("Model finding");
  if (finding != NULL)
    header[n++] = trainee_head;
  CwTable *table = cw_typeset_table_begin (ts, n, both ? widths_both : widths_one, header);
  g_autofree char *model_clause = model ? clause_text (c, model->clause) : NULL;
  g_autofree char *trainee_clause
      = finding ? clause_text (c, cw_finding_get_clause (finding)) : NULL;
  gboolean m = model != NULL, t = finding != NULL;
  side_row (table, _ ("Clause"), m, model_clause, t, trainee_clause);
  side_row (table, _ ("Grade"), m, m ? cw_grade_label (model->grade) : NULL, t,
            t ? cw_grade_label (cw_finding_get_grade (finding)) : NULL);
  side_row (table, _ ("Requirement"), m, m ? model->requirement : NULL, t,
            t ? cw_finding_get_requirement (finding) : NULL);
  side_row (table, _ ("Evidence"), m, m ? model->evidence : NULL, t,
            t ? cw_finding_get_evidence (finding) : NULL);
  side_row (table, _ ("Statement"), m, m ? model->statement : NULL, t,
            t ? cw_finding_get_statement (finding) : NULL);
  side_row (table, _ ("Why this grade"), m, m ? model->why : NULL, t,
            t ? cw_finding_get_grade_reason (finding) : NULL);
  cw_table_end (table);

  compose_hints (ts, row, colour);
  compose_citations (ts, kase, row, colour);
}

static void
compose_rows (CwTypeset *ts, DebriefContent *c)
{
  const CwDebrief *d = c->debrief;
  cw_typeset_heading (ts, 1, _ ("2  Findings beside the model findings"), TRUE);
  if (d->rows->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("The case has no model findings and the report raised none."));
      return;
    }
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Each model finding in the case's order, with the trainee's finding paired "
                      "with it beside it, then the trainee's findings that no model finding "
                      "supports. Under each: the statement checker's hints on the trainee's "
                      "three parts, and which of the items the model finding rests on the "
                      "trainee cited."));
  for (guint i = 0; i < d->rows->len; i++)
    compose_row (ts, c, g_ptr_array_index (d->rows, i), i + 1);
}

/* ---- 3  Sampling --------------------------------------------------------- */

static void
compose_sampling (CwTypeset *ts, DebriefContent *c)
{
  const CwDebrief *d = c->debrief;
  cw_typeset_heading (ts, 1, _ ("3  Sampling"), TRUE);
  if (d->sampling->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY, _ ("The case asks for no samples."));
      return;
    }
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("For each population the case expects an auditor to sample: how many "
                      "records it asks for and why, how many were handed out to the audit, and "
                      "the records the model findings rest on that were never asked for."));
  static const double widths[] = { 0.24, 0.10, 0.11, 0.30, 0.25 };
  const char *header[] = { _ ("Population"), _ ("Asked for"), _ ("Handed out"),
                           _ ("Why this sample"), _ ("Model records not seen") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  for (guint i = 0; i < d->sampling->len; i++)
    {
      CwDebriefSampling *s = g_ptr_array_index (d->sampling, i);
      const CwCasePopulation *population = s->population;
      g_autofree char *held
          = population ? g_strdup_printf (cw_ngettext ("%u record held",
                                                       "%u records held", population->size),
                                          population->size)
                       : NULL;
      g_autofree char *title = population
                                   ? cw_markup_printf ("%s\n<span foreground=\"#6b7380\">%s</span>",
                                                       population->title, held)
                                   : cw_markup_printf ("%s", s->sample->population);
      g_autofree char *asked = cw_markup_printf ("%u", s->sample->at_least);
      g_autofree char *handed = cw_markup_printf ("%u", s->handed_out);
      g_autofree char *reason = cw_markup_printf ("%s", cw_report_or_dash (s->sample->reason));
      g_autofree char *joined = s->model_records_not_seen && s->model_records_not_seen[0]
                                    ? g_strjoinv (", ", s->model_records_not_seen)
                                    : NULL;
      g_autofree char *unseen = cw_markup_printf ("%s", joined ? joined : _ ("None"));
      const char *cells[] = { title, asked, handed, reason, unseen };
      /* Green only for a sample as large as the case asks. */
      const CwRgb *chip = s->handed_out >= s->sample->at_least       ? &good_colour
                          : 2 * s->handed_out >= s->sample->at_least ? &middling_colour
                                                                     : &poor_colour;
      cw_table_row (table, cells, CW_ROW_NORMAL, 2, chip);
    }
  cw_table_end (table);
}

/* ---- The whole -------------------------------------------------------- */

static void
compose_debrief (CwTypeset *ts, gpointer data)
{
  DebriefContent *c = data;
  const CwDebrief *d = c->debrief;
  const CwCaseStudy *study = d->study;
  g_autofree char *overall = percent_text (d->overall);
  g_autofree char *kase = g_strdup_printf (_ ("%s, from exercise pack %s version %u"),
                                           study->case_id, study->pack_id, study->pack_version);
  const char *fields[] = {
    _ ("Trainee"), study->trainee, _ ("Case"),    kase,    _ ("Audit"), d->audit_title,
    _ ("Report"),  c->version,     _ ("Overall"), overall, NULL,
  };
  cw_typeset_cover (ts, _ ("Case audit debrief"), study->kase->title, study->kase->organisation,
                    fields,
                    _ ("A practice case audit, debriefed by Clausewise: the findings of the "
                       "issued audit report beside the findings an experienced auditor would "
                       "raise on the same case. The organisation and its people are fictional."));
  cw_typeset_contents_here (ts);
  compose_score (ts, c);
  compose_rows (ts, c);
  compose_sampling (ts, c);
}

/* The debrief of case audit `audit_id`, once its report is issued. */
CwReport *
cw_report_new_debrief (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  g_autoptr (DebriefContent) content = g_new0 (DebriefContent, 1);
  content->debrief = cw_case_debrief (workspace, audit_id, error);
  if (content->debrief == NULL)
    return NULL;
  CwCatalogue *catalogue = cw_workspace_load_catalogue (workspace, error);
  if (catalogue == NULL)
    return NULL;
  content->catalogue = g_object_ref (catalogue);
  const CwDebrief *d = content->debrief;
  g_autofree char *issued = cw_report_date (d->issued_on);
  content->version = g_strdup_printf (_ ("Version %u, issued %s"), d->version, issued);

  const CwCaseStudy *study = d->study;
  g_autofree char *subject = g_strdup_printf ("%s: %s", study->kase->title, d->audit_title);
  /* Short: the footer holds the history seal too. */
  g_autofree char *reference = g_strdup_printf (_ ("Debrief of report v%u"), d->version);
  CwReportInfo info = {
    .title = _ ("Case audit debrief"),
    .subject = subject,
    .author = study->trainee,
    .organisation = study->kase->organisation,
    .reference = reference,
    .dated = d->issued_on,
  };
  return cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                             (GDestroyNotify)debrief_content_free, compose_debrief, error);
}
