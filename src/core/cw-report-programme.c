/* cw-report-programme.c: the internal audit programme as a quality manager
 * shows it to top management or a certification body: how often each clause
 * is audited and why, the coverage matrix of the cycle (each clause by
 * quarter: audited with its worst result, planned, or falling due), where
 * each clause stands today with what is overdue first, and the audits of
 * the cycle with their findings. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <pango/pangocairo.h>

#include "cw-date.h"
#include "cw-people.h"
#include "cw-programme.h"
#include "cw-report-private.h"

/* Rows of the matrix drawn as one figure: a figure never splits across
 * pages, so a long catalogue is drawn in parts that each fit one. */
#define MATRIX_ROWS_PER_PART 24
#define MATRIX_ROW_HEIGHT 11.0
#define MATRIX_HEAD_HEIGHT 16.0
#define MATRIX_LABEL_WIDTH 52.0

typedef struct _ProgrammeContent ProgrammeContent;

typedef struct
{
  ProgrammeContent *content;
  guint first, n;
} MatrixPart;

struct _ProgrammeContent
{
  CwOrganisation *organisation;
  CwProgramme *programme;
  CwCatalogue *catalogue;
  GPtrArray *rows;   /* CwCoverageRow, in catalogue order */
  GPtrArray *audits; /* CwAudit of the cycle */
  GArray *progress;  /* CwAuditProgress, one per audit */
  GPtrArray *teams;  /* per audit, a GPtrArray of CwIndependence */
  GArray *parts;     /* MatrixPart */
  char *as_of;
  char *cycle;
  guint counts[CW_COVERAGE_OVERDUE + 1];
};

static void
programme_content_free (ProgrammeContent *content)
{
  if (content->organisation != NULL)
    cw_organisation_free (content->organisation);
  if (content->programme != NULL)
    cw_programme_free (content->programme);
  g_clear_object (&content->catalogue);
  g_clear_pointer (&content->rows, g_ptr_array_unref);
  g_clear_pointer (&content->audits, g_ptr_array_unref);
  g_clear_pointer (&content->progress, g_array_unref);
  g_clear_pointer (&content->teams, g_ptr_array_unref);
  g_clear_pointer (&content->parts, g_array_unref);
  g_free (content->as_of);
  g_free (content->cycle);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProgrammeContent, programme_content_free)

/* Overdue, due soon and never audited stand out; covered and planned not. */
static const CwRgb *
coverage_colour (CwCoverage coverage)
{
  static const CwRgb overdue = { 0.55, 0.09, 0.11 }, soon = { 0.83, 0.41, 0.16 },
                     never = { 0.90, 0.72, 0.25 }, fine = { 0.20, 0.52, 0.38 },
                     planned = { 0.45, 0.66, 0.85 };
  switch (coverage)
    {
    case CW_COVERAGE_OVERDUE:
      return &overdue;
    case CW_COVERAGE_DUE_SOON:
      return &soon;
    case CW_COVERAGE_NEVER:
      return &never;
    case CW_COVERAGE_PLANNED:
      return &planned;
    case CW_COVERAGE_COVERED:
    default:
      return &fine;
    }
}

static void
draw_text (cairo_t *cr, const char *font, const char *text, double x, double y, double width,
           PangoAlignment align)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_matrix (cairo_t *cr, double width, double height, gpointer data)
{
  const MatrixPart *part = data;
  ProgrammeContent *c = part->content;
  guint n_quarters = cw_programme_n_quarters (c->programme);
  double cell = (width - MATRIX_LABEL_WIDTH) / n_quarters;

  cairo_set_source_rgb (cr, 0.25, 0.27, 0.30);
  for (guint q = 0; q < n_quarters; q++)
    {
      g_autofree char *name = cw_programme_quarter_name (c->programme, q);
      draw_text (cr, "DejaVu Sans Condensed 5.5", name, MATRIX_LABEL_WIDTH + q * cell, 4, cell,
                 PANGO_ALIGN_CENTER);
    }
  for (guint i = 0; i < part->n; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (c->rows, part->first + i);
      double y = MATRIX_HEAD_HEIGHT + i * MATRIX_ROW_HEIGHT;
      if (i % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
          cairo_rectangle (cr, 0, y, width, MATRIX_ROW_HEIGHT);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.13, 0.14, 0.16);
      draw_text (cr, "DejaVu Sans Condensed 6.5", row->clause, 2, y + 1.5,
                 MATRIX_LABEL_WIDTH - 4, PANGO_ALIGN_LEFT);
      gboolean taken[64] = { FALSE };
      for (guint v = 0; v < row->visits->len; v++)
        {
          CwCoverageVisit *visit = &g_array_index (row->visits, CwCoverageVisit, v);
          int q = cw_programme_quarter_of (c->programme, visit->day);
          if (q < 0 || q >= (int) G_N_ELEMENTS (taken) || taken[q])
            continue;
          taken[q] = TRUE;
          double x = MATRIX_LABEL_WIDTH + q * cell + 1;
          const CwRgb *colour = visit->issued ? cw_report_result_colour (visit->worst)
                                              : coverage_colour (CW_COVERAGE_PLANNED);
          cairo_rectangle (cr, x, y + 1, cell - 2, MATRIX_ROW_HEIGHT - 2);
          if (visit->issued)
            {
              cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.35);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
              cairo_set_line_width (cr, 0.8);
              cairo_set_dash (cr, (double[]) { 2, 1.5 }, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          g_autofree char *label = g_strdup_printf ("IA-%" PRId64, visit->audit);
          cairo_set_source_rgb (cr, 0.13, 0.14, 0.16);
          draw_text (cr, "DejaVu Sans Condensed 5.5", label, x, y + 2, cell - 2,
                     PANGO_ALIGN_CENTER);
        }
      int due = cw_programme_quarter_of (c->programme, row->next_due);
      if (due >= 0 && due < (int) G_N_ELEMENTS (taken) && !taken[due])
        {
          const CwRgb *colour = row->coverage == CW_COVERAGE_OVERDUE
                                    ? coverage_colour (CW_COVERAGE_OVERDUE)
                                    : &(CwRgb) { 0.40, 0.42, 0.46 };
          cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
          draw_text (cr, "DejaVu Sans Condensed Oblique 5.5",
                     row->coverage == CW_COVERAGE_OVERDUE ? _ ("overdue") : _ ("due"),
                     MATRIX_LABEL_WIDTH + due * cell, y + 2, cell, PANGO_ALIGN_CENTER);
        }
    }
  cairo_set_source_rgb (cr, 0.80, 0.81, 0.83);
  cairo_set_line_width (cr, 0.4);
  for (guint q = 0; q <= n_quarters; q += 4)
    {
      double x = MATRIX_LABEL_WIDTH + q * cell;
      cairo_move_to (cr, x, MATRIX_HEAD_HEIGHT - 2);
      cairo_line_to (cr, x, MATRIX_HEAD_HEIGHT + part->n * MATRIX_ROW_HEIGHT);
    }
  cairo_stroke (cr);
}

static void
compose_programme (CwTypeset *ts, gpointer data)
{
  ProgrammeContent *c = data;
  g_autofree char *overdue = g_strdup_printf (
      cw_ngettext ("%u clause", "%u clauses", c->counts[CW_COVERAGE_OVERDUE]),
      c->counts[CW_COVERAGE_OVERDUE]);
  g_autofree char *soon = g_strdup_printf (
      cw_ngettext ("%u clause", "%u clauses", c->counts[CW_COVERAGE_DUE_SOON]),
      c->counts[CW_COVERAGE_DUE_SOON]);
  const char *fields[] = {
    _ ("Organisation"), c->organisation->name,
    _ ("Cycle"), c->cycle,
    _ ("As of"), c->as_of,
    _ ("Overdue"), overdue,
    _ ("Due within 90 days, unplanned"), soon,
    NULL,
  };
  cw_typeset_cover (ts, _ ("Internal audit programme"), _ ("Audit programme and coverage"),
                    c->organisation->name, fields,
                    _ ("Confidential. Prepared with Clausewise. Clause numbers and titles are "
                       "those of ISO/IEC 20000-1:2018; every other word is the organisation's."));
  cw_typeset_contents_here (ts);

  cw_typeset_heading (ts, 1, _ ("1  How often each clause is audited"), TRUE);
  g_autofree char *rules = g_strdup_printf (
      _ ("Each clause carries an importance. A clause of high importance is audited at least "
         "every %u months, one of normal importance every %u months, and one of low "
         "importance once in the cycle. A clause whose last audit found a major "
         "nonconformity, or two minor ones, on it is audited again within %u months. A clause "
         "is due soon when its date falls within %u days and no audit covering it is planned "
         "by then."),
      c->programme->high_months, c->programme->normal_months, CW_PROGRAMME_RECHECK_MONTHS,
      CW_PROGRAMME_SOON_DAYS);
  cw_typeset_text (ts, CW_STYLE_BODY, rules);

  cw_typeset_heading (ts, 1, _ ("2  What needs attention"), TRUE);
  static const double a_widths[] = { 0.12, 0.48, 0.14, 0.26 };
  const char *a_header[] = { _ ("Clause"), _ ("Title"), _ ("Due"), _ ("Where it stands") };
  CwTable *attention = NULL;
  for (int pass = CW_COVERAGE_OVERDUE; pass >= CW_COVERAGE_DUE_SOON; pass--)
    for (guint i = 0; i < c->rows->len; i++)
      {
        CwCoverageRow *row = g_ptr_array_index (c->rows, i);
        gboolean wanted = pass == CW_COVERAGE_DUE_SOON
                              ? row->coverage == CW_COVERAGE_DUE_SOON
                                    || row->coverage == CW_COVERAGE_NEVER
                              : (int) row->coverage == pass;
        if (!wanted)
          continue;
        if (attention == NULL)
          attention = cw_typeset_table_begin (ts, 4, a_widths, a_header);
        CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, row->clause);
        g_autofree char *number = cw_markup_printf ("%s", row->clause);
        g_autofree char *title
            = cw_markup_printf ("%s", clause ? cw_clause_get_title_shown (clause) : "");
        g_autofree char *date = cw_report_short_date (row->next_due);
        g_autofree char *due = cw_markup_printf ("%s", row->next_due ? date : "—");
        g_autofree char *status = cw_markup_printf ("%s", cw_coverage_label (row->coverage));
        const char *cells[] = { number, title, due, status };
        cw_table_row (attention, cells, CW_ROW_NORMAL, 3, coverage_colour (row->coverage));
      }
  if (attention != NULL)
    cw_table_end (attention);
  else
    cw_typeset_text (ts, CW_STYLE_BODY,
                     _ ("Nothing: every clause is audited or planned in time."));

  cw_typeset_heading (ts, 1, _ ("3  Coverage of the cycle"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Clauses down, quarters of the cycle across. A filled cell is an issued "
                      "audit of the clause, coloured by the worst result it gave the clause; a "
                      "dashed cell is an audit planned or under way; \"due\" marks the quarter "
                      "the clause falls due, and \"overdue\" one that has passed."));
  for (guint p = 0; p < c->parts->len; p++)
    {
      MatrixPart *part = &g_array_index (c->parts, MatrixPart, p);
      cw_typeset_drawing (ts, MATRIX_HEAD_HEIGHT + part->n * MATRIX_ROW_HEIGHT + 4, draw_matrix,
                          part);
    }

  cw_typeset_heading (ts, 1, _ ("4  Where each clause stands"), TRUE);
  static const double s_widths[] = { 0.10, 0.32, 0.14, 0.15, 0.13, 0.16 };
  const char *s_header[] = { _ ("Clause"),  _ ("Title"),    _ ("Importance"),
                             _ ("Last audited"), _ ("Next due"), _ ("Status") };
  CwTable *table = cw_typeset_table_begin (ts, 6, s_widths, s_header);
  for (guint i = 0; i < c->rows->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (c->rows, i);
      CwClause *clause = cw_catalogue_lookup_clause (c->catalogue, row->clause);
      g_autofree char *number = cw_markup_printf ("%s", row->clause);
      g_autofree char *title = cw_markup_printf ("%s", clause ? cw_clause_get_title_shown (clause) : "");
      g_autofree char *importance
          = cw_markup_printf ("%s", cw_importance_to_string (row->importance));
      g_autofree char *last_date = cw_report_short_date (row->last_audited);
      g_autofree char *last
          = row->last_audit > 0
                ? cw_markup_printf ("%s (IA-%" PRId64 ")", last_date, row->last_audit)
                : cw_markup_printf ("%s", _ ("never"));
      g_autofree char *next_date = cw_report_short_date (row->next_due);
      g_autofree char *next = cw_markup_printf ("%s", row->next_due ? next_date : "—");
      g_autofree char *status = cw_markup_printf ("%s", cw_coverage_label (row->coverage));
      const char *cells[] = { number, title, importance, last, next, status };
      cw_table_row (table, cells, CW_ROW_NORMAL, 5, coverage_colour (row->coverage));
    }
  cw_table_end (table);

  cw_typeset_heading (ts, 1, _ ("5  Audits of the cycle"), TRUE);
  if (c->audits->len == 0)
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("No audit is planned or held in the cycle yet."));
  else
    {
      static const double widths[] = { 0.09, 0.37, 0.20, 0.14, 0.20 };
      const char *header[]
          = { _ ("Ref."), _ ("Audit"), _ ("Dates"), _ ("Status"), _ ("Findings") };
      CwTable *audits = cw_typeset_table_begin (ts, 5, widths, header);
      for (guint i = 0; i < c->audits->len; i++)
        {
          CwAudit *audit = g_ptr_array_index (c->audits, i);
          CwAuditProgress *progress = &g_array_index (c->progress, CwAuditProgress, i);
          g_autofree char *ref = cw_markup_printf ("IA-%" PRId64, cw_audit_get_id (audit));
          g_autofree char *title = cw_markup_printf ("%s", cw_audit_get_title (audit));
          g_autofree char *from = cw_report_short_date (cw_audit_get_planned_start (audit));
          g_autofree char *to = cw_report_short_date (cw_audit_get_planned_end (audit));
          g_autofree char *dates
              = cw_markup_printf ("%s – %s", cw_report_or_dash (from), cw_report_or_dash (to));
          g_autofree char *status
              = cw_markup_printf ("%s", cw_audit_status_label (cw_audit_get_status (audit)));
          g_autofree char *findings = cw_markup_printf (
              _ ("%u major, %u minor, %u obs., %u OFI"), progress->findings[CW_GRADE_MAJOR],
              progress->findings[CW_GRADE_MINOR], progress->findings[CW_GRADE_OBSERVATION],
              progress->findings[CW_GRADE_OFI]);
          const char *cells[] = { ref, title, dates, status, findings };
          cw_table_row (audits, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (audits);
    }

  /* 9.2: auditors are chosen so that they are objective and impartial. */
  cw_typeset_heading (ts, 1, _ ("6  Independence of the audit teams"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("Each team member of each audit of the cycle, and whether the audit's "
                      "scope reaches an area they are responsible for; where it does, the "
                      "reason recorded for letting them audit it."));
  static const double t_widths[] = { 0.10, 0.28, 0.62 };
  const char *t_header[] = { _ ("Ref."), _ ("Team member"), _ ("Independence") };
  CwTable *teams = NULL;
  for (guint i = 0; i < c->audits->len; i++)
    {
      GPtrArray *team = g_ptr_array_index (c->teams, i);
      for (guint m = 0; m < team->len; m++)
        {
          CwIndependence *member = g_ptr_array_index (team, m);
          if (teams == NULL)
            teams = cw_typeset_table_begin (ts, 3, t_widths, t_header);
          g_autofree char *statement = cw_independence_describe (member);
          g_autofree char *ref = cw_markup_printf (
              "IA-%" PRId64, cw_audit_get_id (g_ptr_array_index (c->audits, i)));
          g_autofree char *name
              = member->lead ? cw_markup_printf ("%s\n<i>%s</i>", member->name, _ ("lead auditor"))
                             : cw_markup_printf ("%s", member->name);
          g_autofree char *text = cw_markup_printf ("%s", statement);
          const char *cells[] = { ref, name, text };
          cw_table_row (teams, cells, CW_ROW_NORMAL, -1, NULL);
        }
    }
  if (teams != NULL)
    cw_table_end (teams);
  else
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("No audit of the cycle names its team yet."));
}

/* The programme and its coverage as of `today` (for reproducible output,
 * the day of the workspace's last change: cw_report_reference_date). */
CwReport *
cw_report_new_programme (CwWorkspace *workspace, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  g_autoptr (ProgrammeContent) content = g_new0 (ProgrammeContent, 1);
  content->programme = cw_workspace_get_programme (workspace, error);
  if (content->programme == NULL)
    return NULL;
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  CwCatalogue *catalogue = cw_workspace_load_catalogue (workspace, error);
  if (catalogue == NULL)
    return NULL;
  content->catalogue = g_object_ref (catalogue);
  content->rows = cw_workspace_programme_coverage (workspace, today, error);
  if (content->rows == NULL)
    return NULL;
  for (guint i = 0; i < content->rows->len; i++)
    content->counts[((CwCoverageRow *)g_ptr_array_index (content->rows, i))->coverage]++;
  content->parts = g_array_new (FALSE, FALSE, sizeof (MatrixPart));
  for (guint first = 0; first < content->rows->len; first += MATRIX_ROWS_PER_PART)
    {
      MatrixPart part = { content, first, MIN (MATRIX_ROWS_PER_PART, content->rows->len - first) };
      g_array_append_val (content->parts, part);
    }

  /* The audits of the cycle: those starting within it, or not dated yet. */
  g_autoptr (GPtrArray) all = cw_workspace_list_audits (workspace, error);
  if (all == NULL)
    return NULL;
  content->audits = g_ptr_array_new_with_free_func (g_object_unref);
  content->progress = g_array_new (FALSE, TRUE, sizeof (CwAuditProgress));
  content->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      CwAudit *audit = g_ptr_array_index (all, i);
      const char *start = cw_audit_get_planned_start (audit);
      if (start != NULL && cw_programme_quarter_of (content->programme, start) < 0)
        continue;
      CwAuditProgress progress;
      if (!cw_workspace_get_audit_progress (workspace, audit, &progress, error))
        return NULL;
      GPtrArray *team = cw_workspace_list_independence (workspace, cw_audit_get_id (audit), error);
      if (team == NULL)
        return NULL;
      g_ptr_array_add (content->audits, g_object_ref (audit));
      g_array_append_val (content->progress, progress);
      g_ptr_array_add (content->teams, team);
    }

  g_autofree char *iso = cw_date_to_string (today);
  content->as_of = cw_report_date (iso);
  GDate end;
  cw_date_parse (content->programme->starts_on, &end, NULL);
  g_date_add_years (&end, content->programme->years);
  g_date_subtract_days (&end, 1);
  g_autofree char *end_iso = cw_date_to_string (&end);
  g_autofree char *from = cw_report_date (content->programme->starts_on);
  g_autofree char *to = cw_report_date (end_iso);
  content->cycle = g_strdup_printf ("%s – %s", from, to);
  g_autofree char *subject = g_strdup_printf (_ ("Audit programme as of %s"), content->as_of);
  CwReportInfo info = {
    .title = _ ("Internal audit programme"),
    .subject = subject,
    .reference = _ ("Programme"),
    .author = content->organisation->name,
    .organisation = content->organisation->name,
  };
  return cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                             (GDestroyNotify)programme_content_free, compose_programme, error);
}
