/* cw-report-chart.c: the results of an audit per clause group, as stacked
 * bars. The same code draws it into the PDF and into the window, so it sizes
 * itself to the box it is given and makes its text with the cairo_t's own
 * Pango context. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include "cw-i18n.h"
#include <pango/pangocairo.h>

#include "cw-audit.h"
#include "cw-report-private.h"

#define ROW_HEIGHT 21.0
#define BAR_HEIGHT 11.0
#define AXIS_HEIGHT 16.0
#define LEGEND_HEIGHT 40.0
#define N_RESULTS (CW_RESULT_MAJOR + 1)

typedef guint Counts[N_RESULTS];

struct _CwResultsChart
{
  guint n_groups;
  char **labels;
  Counts *counts;
  double ink[3]; /* text and rules: near-black on paper, the theme's text colour on screen */
};

/* The colour of the chart's text and grid, which the lighter greys are
 * drawn as translucent shades of, so that it reads on a dark window too. */
void
cw_results_chart_set_ink (CwResultsChart *chart, double red, double green, double blue)
{
  g_return_if_fail (chart != NULL);
  chart->ink[0] = red;
  chart->ink[1] = green;
  chart->ink[2] = blue;
}

static void
set_ink (cairo_t *cr, const CwResultsChart *chart, double alpha)
{
  cairo_set_source_rgba (cr, chart->ink[0], chart->ink[1], chart->ink[2], alpha);
}

/* Severe results first, so that a reader's eye lands on them. */
static const CwResult order[] = {
  CW_RESULT_MAJOR,      CW_RESULT_MINOR,          CW_RESULT_OBSERVATION,  CW_RESULT_OFI,
  CW_RESULT_CONFORMING, CW_RESULT_NOT_APPLICABLE, CW_RESULT_NOT_ASSESSED,
};

static CwClause *
root_of (CwClause *clause)
{
  while (cw_clause_get_parent (clause) != NULL)
    clause = cw_clause_get_parent (clause);
  return clause;
}

CwResultsChart *
cw_results_chart_new (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (audit == NULL)
    return NULL;
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, audit_id, error);
  if (answers == NULL)
    return NULL;
  CwCatalogue *catalogue = cw_workspace_load_catalogue (workspace, error);
  if (catalogue == NULL)
    return NULL;
  g_autoptr (GHashTable) by_question = cw_answers_by_question (answers);
  return cw_results_chart_new_for (audit, catalogue, by_question);
}

/* The chart from what a caller has already read: the audit report reads the
 * same audit, answers and catalogue for its own tables. */
CwResultsChart *
cw_results_chart_new_for (CwAudit *audit, CwCatalogue *catalogue, GHashTable *by_question)
{
  GPtrArray *mains = cw_catalogue_get_main_clauses (catalogue);
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  Counts *counts = g_new0 (Counts, mains->len);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (!cw_audit_covers (audit, cw_clause_get_number (clause)))
        continue;
      guint group;
      if (!g_ptr_array_find (mains, root_of (clause), &group))
        continue;
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint j = 0; j < questions->len; j++)
        {
          const char *id = cw_question_get_id (g_ptr_array_index (questions, j));
          counts[group][cw_answers_result (by_question, id)]++;
        }
    }

  /* Only the groups the audit looked at. */
  CwResultsChart *chart = g_new0 (CwResultsChart, 1);
  cw_results_chart_set_ink (chart, 0.13, 0.14, 0.16);
  chart->labels = g_new0 (char *, mains->len + 1);
  chart->counts = g_new0 (Counts, mains->len);
  for (guint g = 0; g < mains->len; g++)
    {
      guint total = 0;
      for (guint r = 0; r < N_RESULTS; r++)
        total += counts[g][r];
      if (total == 0)
        continue;
      CwClause *main = g_ptr_array_index (mains, g);
      chart->labels[chart->n_groups]
          = g_strdup_printf ("%s  %s", cw_clause_get_number (main), cw_clause_get_title_shown (main));
      memcpy (chart->counts[chart->n_groups], counts[g], sizeof counts[g]);
      chart->n_groups++;
    }
  g_free (counts);
  return chart;
}

/* The chart in words, for those who cannot see it: each group with how many
 * questions had each result, severe results first, results with no
 * questions left out. "4  Context of the organisation: 2 minor, 10
 * conforming. 5  Leadership: …" */
char *
cw_results_chart_describe (const CwResultsChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  if (chart->n_groups == 0)
    return g_strdup (_("No questions in this audit's scope yet."));
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint g = 0; g < chart->n_groups; g++)
    {
      if (g > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s: ", chart->labels[g]);
      gboolean first = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          guint n = chart->counts[g][order[i]];
          if (n == 0)
            continue;
          /* TRANSLATORS: a count and a result in the chart's text, "3 minor" */
          g_string_append_printf (text, first ? _("%u %s") : _(", %u %s"), n,
                                  cw_result_label (order[i]));
          first = FALSE;
        }
      g_string_append_c (text, '.');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
cw_results_chart_free (CwResultsChart *chart)
{
  if (chart == NULL)
    return;
  g_strfreev (chart->labels);
  g_free (chart->counts);
  g_free (chart);
}

/* The height the chart wants for its rows, axis and legend. */
double
cw_results_chart_get_height (const CwResultsChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return MAX (1, chart->n_groups) * ROW_HEIGHT + AXIS_HEIGHT + LEGEND_HEIGHT;
}

static void
set_rgb (cairo_t *cr, const CwRgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static PangoLayout *
make_text (cairo_t *cr, const char *font, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Nonconformities are hatched as well as coloured, so that minor and
 * conforming stay apart on a greyscale printout. */
static void
fill_segment (cairo_t *cr, CwResult result, double x, double y, double w, double h)
{
  cairo_rectangle (cr, x, y, w, h);
  if (result == CW_RESULT_NOT_ASSESSED)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.6, 0.62, 0.65);
      cairo_set_line_width (cr, 0.5);
      cairo_save (cr);
      cairo_clip_preserve (cr);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_new_path (cr);
      return;
    }
  set_rgb (cr, cw_report_result_colour (result));
  cairo_fill (cr);
  if (result != CW_RESULT_MINOR && result != CW_RESULT_MAJOR)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  cairo_set_line_width (cr, 0.8);
  for (double hx = x - h; hx < x + w; hx += 3.2)
    {
      cairo_move_to (cr, hx, y + h);
      cairo_line_to (cr, hx + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cw_results_chart_draw (const CwResultsChart *chart, cairo_t *cr, double width, double height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  double label_w = MIN (230.0, width * 0.42);
  double bar_x = label_w + 8, bar_w = MAX (20.0, width - bar_x - 34);
  double rows_h = chart->n_groups * ROW_HEIGHT;

  /* Grid at every quarter. */
  for (guint q = 0; q <= 4; q++)
    {
      double gx = bar_x + bar_w * q / 4.0;
      set_ink (cr, chart, 0.15);
      cairo_rectangle (cr, gx - 0.2, 0, 0.4, rows_h);
      cairo_fill (cr);
      g_autofree char *percent = g_strdup_printf ("%u %%", q * 25);
      g_autoptr (PangoLayout) tick = make_text (cr, "DejaVu Sans 6.5", percent);
      int tw, th;
      pango_layout_get_size (tick, &tw, &th);
      set_ink (cr, chart, 0.65);
      cairo_move_to (cr, gx - (double)tw / PANGO_SCALE / 2, rows_h + 3);
      pango_cairo_show_layout (cr, tick);
    }

  for (guint g = 0; g < chart->n_groups; g++)
    {
      double y = g * ROW_HEIGHT;
      g_autoptr (PangoLayout) label = make_text (cr, "DejaVu Sans Condensed 8", chart->labels[g]);
      pango_layout_set_width (label, (int)(label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      int lw, lh;
      pango_layout_get_size (label, &lw, &lh);
      set_ink (cr, chart, 1.0);
      cairo_move_to (cr, 0, y + (ROW_HEIGHT - (double)lh / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, label);

      guint total = 0;
      for (guint r = 0; r < N_RESULTS; r++)
        total += chart->counts[g][r];
      double x = bar_x, bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        {
          guint count = chart->counts[g][order[k]];
          if (count == 0 || total == 0)
            continue;
          double w = bar_w * count / total;
          fill_segment (cr, order[k], x, bar_y, w, BAR_HEIGHT);
          x += w;
        }
      g_autofree char *n = g_strdup_printf ("%u", total);
      g_autoptr (PangoLayout) count = make_text (cr, "DejaVu Sans Condensed 7", n);
      int cw, ch;
      pango_layout_get_size (count, &cw, &ch);
      set_ink (cr, chart, 0.65);
      cairo_move_to (cr, bar_x + bar_w + 5, y + (ROW_HEIGHT - (double)ch / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, count);
    }

  /* Legend, wrapping when the box is narrow. */
  double lx = 0, ly = rows_h + AXIS_HEIGHT + 6;
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr (PangoLayout) text = make_text (cr, "DejaVu Sans 7", cw_result_label (order[k]));
      int tw, th;
      pango_layout_get_size (text, &tw, &th);
      double item_w = 12 + (double)tw / PANGO_SCALE + 12;
      if (lx + item_w > width && lx > 0)
        {
          lx = 0;
          ly += 13;
        }
      if (ly + 10 > height)
        break;
      fill_segment (cr, order[k], lx, ly + 1, 8, 8);
      set_ink (cr, chart, 0.85);
      cairo_move_to (cr, lx + 12,
                     ly + 5 - (double)pango_layout_get_baseline (text) / PANGO_SCALE + 3);
      pango_cairo_show_layout (cr, text);
      lx += item_w;
    }
  cairo_restore (cr);
}
