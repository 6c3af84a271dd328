/* cw-programme-page.c: the audit programme's coverage matrix. Clauses go
 * down, the quarters of the cycle across; a cell shows an issued audit of
 * the clause with its worst result, an audit planned, or where the clause
 * falls due; the last column says where the clause stands. A cell opens its
 * audit, and a clause with a gap plans a new audit of it. The page asks the
 * window through its actions (win.show-audit) and never calls it.
 */
#define G_LOG_DOMAIN "cw-programme-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit-editor.h"
#include "cw-catalogue.h"
#include "cw-date.h"
#include "cw-programme-page.h"
#include "cw-programme.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

struct _CwProgrammePage
{
  CwPage parent_instance;

  GtkStack *stack;
  AdwEntryRow *start_row;
  GtkLabel *error_label;
  GtkLabel *cycle_label;
  GtkToggleButton *gaps_toggle;
  GtkGrid *grid;
};

G_DEFINE_FINAL_TYPE (CwProgrammePage, cw_programme_page, CW_TYPE_PAGE)

/* What it shows: the programme, and the audits and findings that cover it. */
static const char *const watches[] = { "programme", "audit", "finding", NULL };

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
on_plan_saved (CwAuditEditor *editor, gint64 audit_id, CwProgrammePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-audit", "x", audit_id);
}

/* A new audit of the clause, planned from its gap. */
static void
on_plan_clicked (GtkButton *button, CwProgrammePage *self)
{
  const char *clause = g_object_get_data (G_OBJECT (button), "clause");
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  CwAuditEditor *editor
    = cw_audit_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), workspace);
  g_autofree char *title = g_strdup_printf (_("Internal audit of %s"), clause);
  cw_audit_editor_set_title (editor, title);
  const char *scope[] = { clause, NULL };
  cw_audit_editor_set_scope (editor, scope);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_plan_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWidget *
visit_cell (CwCoverageRow *row, CwCoverageVisit *visit, const char *quarter)
{
  /* Compact, as in the PDF: the audit's reference, tinted by its worst
   * result for the clause; the result in words is its tooltip and name. */
  g_autofree char *text
    = visit->issued ? g_strdup_printf (_("IA-%" PRId64), visit->audit)
                    : g_strdup_printf (_("IA-%" PRId64 " planned"), visit->audit);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  if (visit->issued)
    {
      gtk_widget_add_css_class (label, "result-badge");
      gtk_widget_add_css_class (label, cw_result_css_class (visit->worst));
      gtk_widget_set_tooltip_text (button, cw_result_label (visit->worst));
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-audit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", visit->audit);
  g_autofree char *name
    = visit->issued
        ? g_strdup_printf (_("%s, quarter from %s: audit %" PRId64
                             " issued, worst result %s; open it"),
                           row->clause, quarter, visit->audit, cw_result_label (visit->worst))
        : g_strdup_printf (_("%s, quarter from %s: audit %" PRId64 " planned; open it"),
                           row->clause, quarter, visit->audit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return button;
}

static int
gap_order (CwCoverage coverage)
{
  switch (coverage)
    {
    case CW_COVERAGE_OVERDUE:
      return 0;
    case CW_COVERAGE_DUE_SOON:
      return 1;
    case CW_COVERAGE_NEVER:
      return 2;
    default:
      return 3;
    }
}

static int
compare_gaps (gconstpointer a, gconstpointer b)
{
  const CwCoverageRow *x = *(CwCoverageRow *const *) a, *y = *(CwCoverageRow *const *) b;
  return gap_order (x->coverage) - gap_order (y->coverage);
}

static void
fill_matrix (CwProgrammePage *self, CwProgramme *programme, GPtrArray *rows)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  guint n_quarters = cw_programme_n_quarters (programme);
  gtk_grid_attach (self->grid, heading (_("Clause")), 0, 0, 1, 1);
  g_autoptr (GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);
  for (guint q = 0; q < n_quarters; q++)
    {
      char *name = cw_programme_quarter_name (programme, q);
      g_ptr_array_add (quarters, name);
      gtk_grid_attach (self->grid, heading (name), 1 + q, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, heading (_("Next due")), 1 + n_quarters, 0, 1, 1);
  gtk_grid_attach (self->grid, heading (_("Status")), 2 + n_quarters, 0, 1, 1);

  /* Borrowed rows, in the order shown: `rows` keeps them. */
  g_autoptr (GPtrArray) order = g_ptr_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (rows, i));
  if (gtk_toggle_button_get_active (self->gaps_toggle))
    g_ptr_array_sort (order, compare_gaps);
  for (guint r = 0; r < order->len; r++)
    {
      CwCoverageRow *row = g_ptr_array_index (order, r);
      CwClause *clause = catalogue ? cw_catalogue_lookup_clause (catalogue, row->clause) : NULL;
      g_autofree char *name
        = g_strdup_printf ("%s %s", row->clause, clause ? cw_clause_get_title_shown (clause) : "");
      GtkWidget *label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* The whole title, wrapped: no tooltip repeating a cut-short one. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_grid_attach (self->grid, label, 0, 1 + r, 1, 1);
      for (guint v = 0; v < row->visits->len; v++)
        {
          CwCoverageVisit *visit = &g_array_index (row->visits, CwCoverageVisit, v);
          int q = cw_programme_quarter_of (programme, visit->day);
          if (q >= 0 && gtk_grid_get_child_at (self->grid, 1 + q, 1 + r) == NULL)
            gtk_grid_attach (self->grid,
                             visit_cell (row, visit, g_ptr_array_index (quarters, q)), 1 + q,
                             1 + r, 1, 1);
        }
      int due = cw_programme_quarter_of (programme, row->next_due);
      if (due >= 0 && gtk_grid_get_child_at (self->grid, 1 + due, 1 + r) == NULL)
        {
          GtkWidget *mark = gtk_label_new (_("due"));
          gtk_widget_add_css_class (mark, "dim-label");
          gtk_grid_attach (self->grid, mark, 1 + due, 1 + r, 1, 1);
        }
      GtkWidget *next = gtk_label_new (row->next_due);
      gtk_grid_attach (self->grid, next, 1 + n_quarters, 1 + r, 1, 1);
      gboolean gap = row->coverage == CW_COVERAGE_OVERDUE || row->coverage == CW_COVERAGE_DUE_SOON
                     || row->coverage == CW_COVERAGE_NEVER;
      GtkWidget *status;
      if (gap && !cw_workspace_is_read_only (workspace))
        {
          g_autofree char *text
            = g_strdup_printf (_("%s · Plan…"), cw_coverage_label (row->coverage));
          status = gtk_button_new_with_label (text);
          gtk_widget_add_css_class (status, "flat");
          if (row->coverage == CW_COVERAGE_OVERDUE)
            gtk_widget_add_css_class (status, "error");
          g_autofree char *label_text = g_strdup_printf (
            _("%s is %s: plan an audit of it"), row->clause, cw_coverage_label (row->coverage));
          gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label_text, -1);
          g_object_set_data_full (G_OBJECT (status), "clause", g_strdup (row->clause), g_free);
          g_signal_connect (status, "clicked", G_CALLBACK (on_plan_clicked), self);
        }
      else
        {
          status = gtk_label_new (cw_coverage_label (row->coverage));
          gtk_label_set_xalign (GTK_LABEL (status), 0);
        }
      gtk_grid_attach (self->grid, status, 2 + n_quarters, 1 + r, 1, 1);
    }
}

/* Reads the programme afresh: the page shows what the workspace holds now. */
static void
load (CwPage *page)
{
  CwProgrammePage *self = CW_PROGRAMME_PAGE (page);
  CwWorkspace *workspace = cw_page_get_workspace (page);
  if (workspace == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  if (programme == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (!g_error_matches (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND))
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GPtrArray) rows = cw_workspace_programme_coverage (workspace, &today, &error);
  if (rows == NULL)
    {
      gtk_label_set_label (self->cycle_label, error->message);
      return;
    }
  guint overdue = 0;
  for (guint i = 0; i < rows->len; i++)
    overdue += ((CwCoverageRow *) g_ptr_array_index (rows, i))->coverage == CW_COVERAGE_OVERDUE;
  g_autofree char *overdue_text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u clause overdue", "%u clauses overdue", overdue), overdue);
  g_autofree char *cycle = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Programme of %u year from %s · %s",
                 "Programme of %u years from %s · %s", programme->years),
    programme->years, programme->starts_on, overdue_text);
  gtk_label_set_label (self->cycle_label, cycle);
  fill_matrix (self, programme, rows);
  gtk_stack_set_visible_child_name (self->stack, "matrix");
}

static void
start_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwProgrammePage *self = CW_PROGRAMME_PAGE (widget);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_start_programme (cw_page_get_workspace (CW_PAGE (self)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->start_row)), 3,
                                     &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  load (CW_PAGE (self));
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwProgrammePage *self = CW_PROGRAMME_PAGE (widget);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report
    = cw_report_new_programme (cw_page_get_workspace (CW_PAGE (self)), &today, &error);
  if (report == NULL)
    cw_show_error (widget, _("Could Not Prepare the Report"), error);
  else
    cw_report_ui_export (widget, report, _("Audit programme.pdf"));
}

static void
cw_programme_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_PROGRAMME_PAGE);
  G_OBJECT_CLASS (cw_programme_page_parent_class)->dispose (object);
}

static void
cw_programme_page_class_init (CwProgrammePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_programme_page_dispose;
  page_class->watches = watches;
  page_class->load = load;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, start_row);
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, cycle_label);
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, gaps_toggle);
  gtk_widget_class_bind_template_child (widget_class, CwProgrammePage, grid);
  gtk_widget_class_install_action (widget_class, "programme.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "programme.export", NULL, export_action);
}

static void
cw_programme_page_init (CwProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->gaps_toggle, "toggled", G_CALLBACK (load), self);
  GDate today;
  cw_date_local_today (&today);
  g_date_set_day (&today, 1);
  g_date_set_month (&today, G_DATE_JANUARY);
  g_autofree char *first = cw_date_to_string (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), first);
}
