/* cw-report-readiness.c: how ready the organisation is for certification,
 * as a quality manager shows it to top management before Stage One or Stage
 * Two: the dates and the weeks left, every criterion of both stages with its
 * state and the reason, and the register of documented information with its
 * gaps first. The states are the core's (cw-readiness.c); this file only
 * lays them out. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include "cw-i18n.h"

#include "cw-date.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-report-private.h"

typedef struct
{
  CwOrganisation *organisation;
  GPtrArray *criteria; /* CwCriterion, Stage One then Stage Two */
  GPtrArray *items;    /* CwRegisterItem, gaps first */
  GPtrArray *entries;  /* CwRegisterEntry */
  GArray *statuses;    /* CwDocStatus of each entry, as of `today` */
  GDate today;
  char *as_of;
  guint months; /* how far back an internal audit counts for Stage Two */
  guint colours[CW_STAGE_CYCLE + 1][CW_READY_GREEN + 1]; /* [stage][colour] */
  CwCertCycle *cycle; /* NULL while not certified */
} ReadinessContent;

static void
readiness_content_free (ReadinessContent *content)
{
  if (content->organisation != NULL)
    cw_organisation_free (content->organisation);
  g_clear_pointer (&content->criteria, g_ptr_array_unref);
  g_clear_pointer (&content->items, g_ptr_array_unref);
  g_clear_pointer (&content->entries, g_ptr_array_unref);
  g_clear_pointer (&content->statuses, g_array_unref);
  g_clear_pointer (&content->cycle, cw_cert_cycle_free);
  g_free (content->as_of);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadinessContent, readiness_content_free)

/* The same colours as the findings' grades, so that red reads as serious
 * in greyscale too. */
static const CwRgb *
ready_colour (CwReadyColour colour)
{
  static const CwResult results[] = {
    [CW_READY_RED] = CW_RESULT_MAJOR,
    [CW_READY_AMBER] = CW_RESULT_OBSERVATION,
    [CW_READY_GREEN] = CW_RESULT_CONFORMING,
  };
  return cw_report_result_colour (results[colour]);
}

/* "14 September 2026, in 3 weeks", "… 2 weeks ago", or "not set". */
static char *
stage_date (const char *day, const GDate *today)
{
  if (day == NULL || *day == '\0')
    return g_strdup (_ ("Not set yet (in the organisation's details)"));
  g_autofree char *date = cw_report_date (day);
  gint weeks;
  if (!cw_readiness_weeks_until (day, today, &weeks))
    return g_steal_pointer (&date);
  if (weeks >= 0)
    return g_strdup_printf (
        cw_ngettext ("%s, in %d week", "%s, in %d weeks", weeks), date, weeks);
  return g_strdup_printf (
      cw_ngettext ("%s, %d week ago", "%s, %d weeks ago", -weeks), date, -weeks);
}

static char *
colour_counts (const guint *counts)
{
  return g_strdup_printf (_ ("%u red · %u amber · %u green"), counts[CW_READY_RED],
                          counts[CW_READY_AMBER], counts[CW_READY_GREEN]);
}

/* The reason, then the records behind it, one per line. */
static char *
criterion_markup (const CwCriterion *criterion)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autofree char *reason = g_markup_escape_text (criterion->reason, -1);
  g_string_append (markup, reason);
  if (criterion->records->len > 0)
    {
      g_autoptr (GString) labels = g_string_new (NULL);
      for (guint i = 0; i < criterion->records->len; i++)
        {
          CwReadinessRecord *record = &g_array_index (criterion->records, CwReadinessRecord, i);
          g_string_append_printf (labels, "%s%s", i ? "; " : "", record->label);
        }
      if (criterion->n_records > criterion->records->len)
        {
          guint more = criterion->n_records - criterion->records->len;
          g_string_append_printf (
              labels, cw_ngettext ("; and %u more", "; and %u more", more), more);
        }
      g_autofree char *escaped = g_markup_escape_text (labels->str, -1);
      g_string_append_printf (markup, "\n<span foreground=\"#5c6370\">%s</span>", escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
criteria_table (CwTypeset *ts, ReadinessContent *c, CwStage stage)
{
  static const double widths[] = { 0.30, 0.12, 0.58 };
  const char *header[] = { _ ("Criterion"), _ ("State"), _ ("Why, and the records behind it") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  for (guint i = 0; i < c->criteria->len; i++)
    {
      CwCriterion *criterion = g_ptr_array_index (c->criteria, i);
      if (criterion->stage != stage)
        continue;
      g_autofree char *title = cw_markup_printf ("%s", criterion->title);
      g_autofree char *state
          = cw_markup_printf ("<b>%s</b>", cw_ready_colour_label (criterion->colour));
      g_autofree char *why = criterion_markup (criterion);
      const char *cells[] = { title, state, why };
      cw_table_row (table, cells, CW_ROW_NORMAL, 1, ready_colour (criterion->colour));
    }
  cw_table_end (table);
}

static const char *
expected_kind_label (CwExpectedKind kind)
{
  return kind == CW_EXPECTED_RECORD ? _ ("Record") : _ ("Document");
}

static void
compose_register (CwTypeset *ts, ReadinessContent *c)
{
  cw_typeset_heading (ts, 1, _ ("3  Documented information"), TRUE);
  guint gaps = 0, mandatory_gaps = 0;
  for (guint i = 0; i < c->items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (c->items, i);
      if (item->status != CW_DOC_APPROVED)
        {
          gaps++;
          mandatory_gaps += item->mandatory;
        }
    }
  g_autofree char *expected = g_strdup_printf (
      cw_ngettext ("The catalogue expects %u item of documented information at its clauses.",
                   "The catalogue expects %u items of documented information at its clauses.",
                   c->items->len),
      c->items->len);
  g_autofree char *gap_text = g_strdup_printf (
      cw_ngettext ("%u is not yet served by an approved, current entry of the register, "
                   "%u of them mandatory for certification; the gaps come first below.",
                   "%u are not yet served by an approved, current entry of the register, "
                   "%u of them mandatory for certification; the gaps come first below.",
                   gaps),
      gaps, mandatory_gaps);
  g_autofree char *intro = g_strdup_printf ("%s %s", expected, gap_text);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);

  cw_typeset_heading (ts, 2, _ ("3.1  What the catalogue expects"), TRUE);
  static const double item_widths[] = { 0.12, 0.13, 0.55, 0.20 };
  const char *item_header[] = { _ ("Clause"), _ ("Kind"), _ ("Expected"), _ ("Status") };
  CwTable *table = cw_typeset_table_begin (ts, 4, item_widths, item_header);
  for (guint i = 0; i < c->items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (c->items, i);
      g_autofree char *clause = cw_markup_printf ("%s", item->clause);
      g_autofree char *kind = item->mandatory ? cw_markup_printf ("%s\n<i>%s</i>",
                                                                  expected_kind_label (item->kind),
                                                                  _ ("mandatory"))
                                              : cw_markup_printf ("%s",
                                                                  expected_kind_label (item->kind));
      g_autofree char *what = cw_markup_printf ("%s", item->expected);
      g_autofree char *status = cw_markup_printf ("%s", cw_doc_status_label (item->status));
      const CwRgb *chip = item->status == CW_DOC_APPROVED ? NULL
                          : item->mandatory ? ready_colour (CW_READY_RED)
                                            : ready_colour (CW_READY_AMBER);
      const char *cells[] = { clause, kind, what, status };
      cw_table_row (table, cells, CW_ROW_NORMAL, 3, chip);
    }
  cw_table_end (table);

  cw_typeset_heading (ts, 2, _ ("3.2  The register"), TRUE);
  if (c->entries->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("The register is empty: add the organisation's documents and records, "
                          "or import an existing register from CSV."));
      return;
    }
  static const double entry_widths[] = { 0.14, 0.30, 0.10, 0.09, 0.17, 0.20 };
  const char *entry_header[] = { _ ("Reference"), _ ("Title"),       _ ("Kind"),
                                 _ ("Version"),   _ ("Next review"), _ ("Status") };
  table = cw_typeset_table_begin (ts, 6, entry_widths, entry_header);
  for (guint i = 0; i < c->entries->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (c->entries, i);
      CwDocStatus status = g_array_index (c->statuses, CwDocStatus, i);
      g_autofree char *reference = cw_markup_printf ("%s", entry->reference);
      g_autofree char *title = cw_markup_printf ("%s", entry->title);
      g_autofree char *kind = cw_markup_printf ("%s", expected_kind_label (entry->kind));
      g_autofree char *version = cw_markup_printf ("%s", cw_report_or_dash (entry->version));
      g_autofree char *due_day = entry->review_due ? cw_report_short_date (entry->review_due)
                                                   : NULL;
      g_autofree char *due = cw_markup_printf ("%s", cw_report_or_dash (due_day));
      g_autofree char *state = cw_markup_printf ("%s", cw_doc_status_label (status));
      const CwRgb *chip = status == CW_DOC_APPROVED    ? NULL
                          : status == CW_DOC_WITHDRAWN ? NULL
                                                       : ready_colour (CW_READY_AMBER);
      const char *cells[] = { reference, title, kind, version, due, state };
      cw_table_row (table, cells, CW_ROW_NORMAL, 5, chip);
    }
  cw_table_end (table);
}

/* One stage in the summary: its day and how many criteria have each
 * colour, chipped with the worst. */
static void
summary_row (CwTable *table, const char *stage, const char *day, const guint *counts)
{
  g_autofree char *name = cw_markup_printf ("%s", stage);
  g_autofree char *when = cw_markup_printf ("%s", day);
  g_autofree char *red = g_strdup_printf ("%u", counts[CW_READY_RED]);
  g_autofree char *amber = g_strdup_printf ("%u", counts[CW_READY_AMBER]);
  g_autofree char *green = g_strdup_printf ("%u", counts[CW_READY_GREEN]);
  const char *cells[] = { name, when, red, amber, green };
  CwReadyColour worst = counts[CW_READY_RED]     ? CW_READY_RED
                        : counts[CW_READY_AMBER] ? CW_READY_AMBER
                                                 : CW_READY_GREEN;
  cw_table_row (table, cells, CW_ROW_NORMAL, 0, ready_colour (worst));
}

/* "1 December 2025, valid until 30 November 2028" */
static char *
certificate_text (const CwCertCycle *cycle)
{
  g_autofree char *granted = cw_report_date (cycle->certified_on);
  g_autofree char *expires = cw_report_date (cycle->expires_on);
  return g_strdup_printf (_ ("Granted %s, valid until %s"), granted, expires);
}

/* The three-year cycle: each visit with the day it is due by and the day
 * it was held, then the criteria of the cycle. */
static void
compose_cycle (CwTypeset *ts, ReadinessContent *c)
{
  cw_typeset_heading (ts, 2, _ ("2.3  After certification: the three-year cycle"), TRUE);
  g_autofree char *counts = colour_counts (c->colours[CW_STAGE_CYCLE]);
  g_autofree char *visited
      = c->cycle->visited ? cw_report_date (c->cycle->last_visit) : NULL;
  g_autofree char *intro
      = visited != NULL
            ? g_strdup_printf (_ ("The certification body last audited the system on %s. "
                                  "After certification: %s."),
                               visited, counts)
            : g_strdup_printf (_ ("No audit by the certification body is recorded since "
                                  "certification. After certification: %s."),
                               counts);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);
  static const double widths[] = { 0.40, 0.30, 0.30 };
  const char *header[] = { _ ("Visit"), _ ("Due by"), _ ("Held on") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  for (CwVisit v = 0; v < CW_N_VISITS; v++)
    {
      g_autofree char *name = cw_markup_printf ("%s", cw_visit_label (v));
      g_autofree char *due_day = cw_report_date (c->cycle->due[v]);
      g_autofree char *due = cw_markup_printf ("%s", due_day);
      g_autofree char *held_day
          = c->cycle->held_on[v] ? cw_report_date (c->cycle->held_on[v]) : NULL;
      g_autofree char *held
          = cw_markup_printf ("%s", held_day ? held_day : _ ("Not yet recorded"));
      const char *cells[] = { name, due, held };
      cw_table_row (table, cells, CW_ROW_NORMAL, 0, NULL);
    }
  cw_table_end (table);
  criteria_table (ts, c, CW_STAGE_CYCLE);
}

static void
compose_readiness (CwTypeset *ts, gpointer data)
{
  ReadinessContent *c = data;
  g_autofree char *one = stage_date (c->organisation->stage_one, &c->today);
  g_autofree char *two = stage_date (c->organisation->stage_two, &c->today);
  g_autofree char *counts_one = colour_counts (c->colours[CW_STAGE_ONE]);
  g_autofree char *counts_two = colour_counts (c->colours[CW_STAGE_TWO]);
  g_autofree char *certified = c->cycle ? certificate_text (c->cycle) : NULL;
  const char *fields[] = {
    _ ("Organisation"),
    c->organisation->name,
    _ ("Certification body"),
    cw_report_or_dash (c->organisation->certification_body),
    _ ("Stage One"),
    one,
    _ ("Stage Two"),
    two,
    _ ("State as of"),
    c->as_of,
    /* Once certified, the certificate and its expiry. */
    c->cycle ? _ ("Certificate") : NULL,
    certified,
    NULL,
  };
  cw_typeset_cover (ts, _ ("Certification readiness"), _ ("Readiness for certification"),
                    c->organisation->name, fields,
                    _ ("Confidential. Prepared with Clausewise. Each criterion is red when it "
                       "would stop the stage, amber when it needs attention before the stage, "
                       "and green when it is met; the records behind each are named."));
  cw_typeset_contents_here (ts);

  cw_typeset_heading (ts, 1, _ ("1  Summary"), TRUE);
  g_autofree char *scope = g_strdup_printf (
      _ ("Scope of the service management system: %s"),
      cw_report_or_dash (c->organisation->scope));
  cw_typeset_text (ts, CW_STYLE_BODY, scope);
  g_autofree char *window = g_strdup_printf (
      cw_ngettext ("Stage One reviews the documented system; Stage Two audits it at work. For "
                   "Stage Two an internal audit counts when it was held within the last %u "
                   "month.",
                   "Stage One reviews the documented system; Stage Two audits it at work. For "
                   "Stage Two an internal audit counts when it was held within the last %u "
                   "months.",
                   c->months),
      c->months);
  cw_typeset_text (ts, CW_STYLE_BODY, window);
  static const double widths[] = { 0.28, 0.36, 0.12, 0.12, 0.12 };
  const char *header[] = { _ ("Stage"), _ ("Date"), _ ("Red"), _ ("Amber"), _ ("Green") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  summary_row (table, _ ("Stage One (documentation review)"), one, c->colours[CW_STAGE_ONE]);
  summary_row (table, _ ("Stage Two (main audit)"), two, c->colours[CW_STAGE_TWO]);
  if (c->cycle != NULL)
    summary_row (table, _ ("After certification"), certified, c->colours[CW_STAGE_CYCLE]);
  cw_table_end (table);

  cw_typeset_heading (ts, 1, _ ("2  Criteria"), TRUE);
  cw_typeset_heading (ts, 2, _ ("2.1  Stage One: documentation review"), TRUE);
  g_autofree char *summary_one = g_strdup_printf (_ ("Stage One: %s."), counts_one);
  cw_typeset_text (ts, CW_STYLE_BODY, summary_one);
  criteria_table (ts, c, CW_STAGE_ONE);
  cw_typeset_heading (ts, 2, _ ("2.2  Stage Two: main audit"), TRUE);
  g_autofree char *summary_two = g_strdup_printf (_ ("Stage Two: %s."), counts_two);
  cw_typeset_text (ts, CW_STYLE_BODY, summary_two);
  criteria_table (ts, c, CW_STAGE_TWO);
  if (c->cycle != NULL)
    compose_cycle (ts, c);

  compose_register (ts, c);
}

/* Gaps first: missing, then draft, then due for review; mandatory before
 * the rest; then in catalogue order, which the list already has. */
static int
gap_rank (const CwRegisterItem *item)
{
  int rank = item->status == CW_DOC_MISSING    ? 0
             : item->status == CW_DOC_DRAFT    ? 2
             : item->status == CW_DOC_REVIEW_DUE ? 4
                                                 : 6;
  return rank + (item->mandatory ? 0 : 1);
}

static int
compare_gaps (gconstpointer a, gconstpointer b)
{
  const CwRegisterItem *x = *(CwRegisterItem *const *)a, *y = *(CwRegisterItem *const *)b;
  return gap_rank (x) - gap_rank (y);
}

CwReport *
cw_report_new_readiness (CwWorkspace *workspace, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  g_autoptr (ReadinessContent) content = g_new0 (ReadinessContent, 1);
  content->today = *today;
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  content->criteria = cw_workspace_readiness (workspace, CW_STAGE_BOTH, today, error);
  if (content->criteria == NULL)
    return NULL;
  GError *cycle_error = NULL;
  content->cycle = cw_workspace_certification_cycle (workspace, &cycle_error);
  if (cycle_error != NULL)
    {
      g_propagate_error (error, cycle_error);
      return NULL;
    }
  if (content->cycle != NULL)
    {
      g_autoptr (GPtrArray) after
          = cw_workspace_readiness (workspace, CW_STAGE_CYCLE, today, error);
      if (after == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (content->criteria, g_steal_pointer (&after));
    }
  for (guint i = 0; i < content->criteria->len; i++)
    {
      CwCriterion *criterion = g_ptr_array_index (content->criteria, i);
      content->colours[criterion->stage][criterion->colour]++;
    }
  content->items = cw_workspace_register_items (workspace, today, error);
  if (content->items == NULL)
    return NULL;
  /* A stable sort: within a rank, catalogue order stays. */
  g_ptr_array_sort (content->items, compare_gaps);
  content->entries = cw_workspace_list_register (workspace, error);
  if (content->entries == NULL)
    return NULL;
  content->statuses = g_array_new (FALSE, FALSE, sizeof (CwDocStatus));
  for (guint i = 0; i < content->entries->len; i++)
    {
      CwDocStatus status
          = cw_register_entry_status (g_ptr_array_index (content->entries, i), today);
      g_array_append_val (content->statuses, status);
    }
  GError *months_error = NULL;
  content->months = cw_workspace_get_coverage_months (workspace, &months_error);
  if (months_error != NULL)
    {
      g_propagate_error (error, months_error);
      return NULL;
    }

  g_autofree char *iso = cw_date_to_string (today);
  content->as_of = cw_report_date (iso);
  g_autofree char *subject = g_strdup_printf (_ ("Readiness as of %s"), content->as_of);
  CwReportInfo info = {
    .title = _ ("Certification readiness"),
    .subject = subject,
    .reference = _ ("Readiness"),
    .author = content->organisation->name,
    .organisation = content->organisation->name,
  };
  return cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                             (GDestroyNotify)readiness_content_free, compose_readiness, error);
}
