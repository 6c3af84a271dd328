/* cw-debrief-window.c: see cw-debrief-window.h. Everything shown is the
 * core's debrief (cw_case_debrief); this file only lays it out. */
#define G_LOG_DOMAIN "cw-debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-case-audit.h"
#include "cw-debrief-window.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

struct _CwDebriefWindow
{
  AdwWindow parent_instance;

  CwWorkspace *workspace;
  gint64 audit_id;
  CwDebrief *debrief;
  GHashTable *score_labels; /* part → GtkLabel, borrowed from the list */
  guint n_rows;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *refused_page;
  GtkListBox *scores_list;
  AdwPreferencesGroup *findings_group;
  GtkListBox *rows_list;
  GtkListBox *sampling_list;
};

G_DEFINE_FINAL_TYPE (CwDebriefWindow, cw_debrief_window, ADW_TYPE_WINDOW)

static void
add_score (CwDebriefWindow *self, const char *part, const char *title, const char *subtitle,
           double score)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (score, 0, 100));
  gtk_widget_set_size_request (bar, 160, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_autofree char *text = g_strdup_printf ("%.0f", score);
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (g_str_equal (part, "overall"))
    gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->scores_list, row);
  g_hash_table_insert (self->score_labels, (gpointer) part, label);
}

static const char *
outcome_class (CwDebriefOutcome outcome)
{
  switch (outcome)
    {
    case CW_DEBRIEF_MATCHED:
      return "ready-green";
    case CW_DEBRIEF_GRADED_DIFFERENTLY:
      return "ready-amber";
    case CW_DEBRIEF_MISSED:
      return "ready-red";
    default:
      return "result-observation";
    }
}

static GtkWidget *
make_column (const char *heading)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), cw_wrapped_label (heading, "caption-heading"));
  return column;
}

static GtkWidget *
model_column (const CwModelFinding *model)
{
  GtkWidget *column = make_column (_("Model finding"));
  if (model == NULL)
    {
      gtk_box_append (GTK_BOX (column),
                      cw_wrapped_label (_("The model auditor raised nothing like this."), "dim-label"));
      return column;
    }
  /* TRANSLATORS: a clause number, then a grade */
  g_autofree char *what = g_strdup_printf (_("Clause %s · %s"), model->clause,
                                           cw_grade_label (model->grade));
  gtk_box_append (GTK_BOX (column), cw_wrapped_label (what, "heading"));
  gtk_box_append (GTK_BOX (column), cw_wrapped_label (model->statement, NULL));
  if (model->why != NULL && *model->why)
    {
      g_autofree char *why = g_strdup_printf (_("Why: %s"), model->why);
      gtk_box_append (GTK_BOX (column), cw_wrapped_label (why, "dim-label"));
    }
  return column;
}

static GtkWidget *
trainee_column (const CwDebriefRow *row)
{
  GtkWidget *column = make_column (_("Your finding"));
  if (row->finding == NULL)
    {
      gtk_box_append (GTK_BOX (column), cw_wrapped_label (_("Not raised."), "dim-label"));
      return column;
    }
  /* TRANSLATORS: a finding's label ("NC-2"), its clause and its grade */
  g_autofree char *what
    = g_strdup_printf (_("%s · clause %s · %s"), row->label ? row->label : "",
                       cw_finding_get_clause (row->finding),
                       cw_grade_label (cw_finding_get_grade (row->finding)));
  gtk_box_append (GTK_BOX (column), cw_wrapped_label (what, "heading"));
  const char *statement = cw_finding_get_statement (row->finding);
  gtk_box_append (GTK_BOX (column), cw_wrapped_label (statement && *statement ? statement
                                                                        : _("No statement written."),
                                                statement && *statement ? NULL : "dim-label"));
  if (row->hints == NULL || row->hints->len == 0)
    gtk_box_append (GTK_BOX (column),
                    cw_wrapped_label (_("The statement checker has nothing to add."), "dim-label"));
  for (guint i = 0; row->hints != NULL && i < row->hints->len; i++)
    {
      const CwStatementHint *hint = g_ptr_array_index (row->hints, i);
      /* TRANSLATORS: one of the statement checker's hints, as a list item */
      g_autofree char *text = g_strdup_printf (_("• %s"), hint->message);
      gtk_box_append (GTK_BOX (column), cw_wrapped_label (text, "warning"));
    }
  if (row->cited != NULL && row->cited[0] != NULL)
    {
      g_autofree char *items = g_strjoinv (", ", row->cited);
      g_autofree char *cites = g_strdup_printf (_("Cites: %s"), items);
      gtk_box_append (GTK_BOX (column), cw_wrapped_label (cites, "dim-label"));
      if (row->model_items_cited != NULL && row->model_items_cited[0] != NULL)
        {
          g_autofree char *shared = g_strjoinv (", ", row->model_items_cited);
          g_autofree char *text = g_strdup_printf (_("The model cites these too: %s"), shared);
          gtk_box_append (GTK_BOX (column), cw_wrapped_label (text, "dim-label"));
        }
    }
  else
    gtk_box_append (GTK_BOX (column), cw_wrapped_label (_("Cites nothing from the case."), "dim-label"));
  return column;
}

static GtkWidget *
make_row (const CwDebriefRow *row)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *outcome = cw_debrief_outcome_label (row->outcome);
  GtkWidget *badge = gtk_label_new (outcome);
  gtk_widget_add_css_class (badge, "result-badge");
  gtk_widget_add_css_class (badge, outcome_class (row->outcome));
  gtk_box_append (GTK_BOX (header), badge);
  g_autofree char *title
    = row->model ? g_strdup_printf (_("Model finding %s"), row->model->id)
                 : g_strdup_printf (_("Your %s, not in the model"), row->label ? row->label : "");
  gtk_box_append (GTK_BOX (header), cw_wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), header);

  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_box_append (GTK_BOX (columns), model_column (row->model));
  gtk_box_append (GTK_BOX (columns), trainee_column (row));
  gtk_box_append (GTK_BOX (box), columns);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  /* TRANSLATORS: an outcome ("Missed"), then the row's title */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), outcome, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return list_row;
}

static GtkWidget *
make_sampling_row (const CwDebriefSampling *sampling)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = sampling->population ? sampling->population->title
                                           : sampling->sample->population;
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  g_autofree char *subtitle = NULL;
  const char *reason = sampling->sample->reason ? sampling->sample->reason : "";
  if (sampling->model_records_not_seen != NULL && sampling->model_records_not_seen[0] != NULL)
    {
      g_autofree char *unseen = g_strjoinv (", ", sampling->model_records_not_seen);
      /* TRANSLATORS: why the case asks for a sample, then the records not asked for */
      subtitle = g_strdup_printf (_("%s\nRecords the model findings cite that you did not see: %s"),
                                  reason, unseen);
    }
  else
    subtitle = g_strdup (reason);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  g_autofree char *count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of at least %u record", "%u of at least %u records",
                 sampling->sample->at_least),
    sampling->handed_out, sampling->sample->at_least);
  GtkWidget *label = gtk_label_new (count);
  gtk_widget_add_css_class (label, sampling->handed_out >= sampling->sample->at_least
                                     ? "success"
                                     : "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
counts_text (const CwDebrief *debrief)
{
  const guint *n = debrief->n_outcome;
  g_autofree char *matched = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u matched", "%u matched", n[CW_DEBRIEF_MATCHED]),
    n[CW_DEBRIEF_MATCHED]);
  g_autofree char *graded = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u graded differently", "%u graded differently",
                 n[CW_DEBRIEF_GRADED_DIFFERENTLY]),
    n[CW_DEBRIEF_GRADED_DIFFERENTLY]);
  g_autofree char *missed = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed", n[CW_DEBRIEF_MISSED]),
    n[CW_DEBRIEF_MISSED]);
  g_autofree char *unsupported = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u of yours not in the model", "%u of yours not in the model",
                 n[CW_DEBRIEF_UNSUPPORTED]),
    n[CW_DEBRIEF_UNSUPPORTED]);
  /* TRANSLATORS: "2 matched, 1 graded differently, 3 missed, 1 of yours not in the model" */
  return g_strdup_printf (_("%s, %s, %s, %s"), matched, graded, missed, unsupported);
}

static void
show_debrief (CwDebriefWindow *self)
{
  const CwDebrief *debrief = self->debrief;
  /* TRANSLATORS: an audit's title, the version of its report and the day it was issued */
  g_autofree char *subtitle = g_strdup_printf (_("%s · report version %u of %s"),
                                               debrief->audit_title, debrief->version,
                                               debrief->issued_on ? debrief->issued_on : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);

  add_score (self, "coverage", _("Coverage"), _("How much of the model's findings you found"),
             debrief->coverage);
  add_score (self, "grading", _("Grading"), _("Of what you found, how much you graded as the model"),
             debrief->grading);
  add_score (self, "statements", _("Statements"),
             _("How well your statements pass the statement checker"), debrief->statements);
  add_score (self, "evidence", _("Evidence"),
             _("Citing the case's items, and sampling enough records"), debrief->evidence);
  add_score (self, "overall", _("Overall"), _("The mean of the four parts"), debrief->overall);

  g_autofree char *counts = counts_text (debrief);
  adw_preferences_group_set_description (self->findings_group, counts);
  for (guint i = 0; i < debrief->rows->len; i++)
    {
      gtk_list_box_append (self->rows_list, make_row (g_ptr_array_index (debrief->rows, i)));
      self->n_rows++;
    }
  for (guint i = 0; debrief->sampling != NULL && i < debrief->sampling->len; i++)
    gtk_list_box_append (self->sampling_list,
                         make_sampling_row (g_ptr_array_index (debrief->sampling, i)));
  if (debrief->sampling == NULL || debrief->sampling->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The case asks for no sample"));
      gtk_list_box_append (self->sampling_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "debrief");
}

/* The same debrief as a PDF, from the report the core draws. */
static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwDebriefWindow *self = CW_DEBRIEF_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report = cw_report_new_debrief (self->workspace, self->audit_id, &error);
  if (report == NULL)
    {
      cw_show_error (widget, _("Could Not Prepare the Report"), error);
      return;
    }
  g_autofree char *title = g_strdup (self->debrief->audit_title);
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  /* TRANSLATORS: the suggested file name of a debrief; %s is the audit's title */
  g_autofree char *name = g_strdup_printf (_("%s – debrief.pdf"), title);
  cw_report_ui_export (widget, report, name);
}

static void
cw_debrief_window_dispose (GObject *object)
{
  CwDebriefWindow *self = CW_DEBRIEF_WINDOW (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_DEBRIEF_WINDOW);
  g_clear_pointer (&self->score_labels, g_hash_table_unref);
  g_clear_pointer (&self->debrief, cw_debrief_free);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (cw_debrief_window_parent_class)->dispose (object);
}

static void
cw_debrief_window_class_init (CwDebriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_debrief_window_dispose;

  /* A window over the main one: screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, refused_page);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, scores_list);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, findings_group);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, rows_list);
  gtk_widget_class_bind_template_child (widget_class, CwDebriefWindow, sampling_list);
  gtk_widget_class_install_action (widget_class, "debrief.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_debrief_window_init (CwDebriefWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->score_labels = g_hash_table_new (g_str_hash, g_str_equal);
}

CwDebriefWindow *
cw_debrief_window_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  CwDebriefWindow *self = g_object_new (CW_TYPE_DEBRIEF_WINDOW, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = audit_id;
  g_autoptr (GError) error = NULL;
  self->debrief = cw_case_debrief (workspace, audit_id, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debrief.export", self->debrief != NULL);
  if (self->debrief == NULL)
    {
      adw_status_page_set_description (self->refused_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "refused");
    }
  else
    show_debrief (self);
  return self;
}

gboolean
cw_debrief_window_has_debrief (CwDebriefWindow *self)
{
  g_return_val_if_fail (CW_IS_DEBRIEF_WINDOW (self), FALSE);
  return self->debrief != NULL;
}

guint
cw_debrief_window_get_n_rows (CwDebriefWindow *self)
{
  g_return_val_if_fail (CW_IS_DEBRIEF_WINDOW (self), 0);
  return self->n_rows;
}

const char *
cw_debrief_window_get_score_text (CwDebriefWindow *self, const char *part)
{
  g_return_val_if_fail (CW_IS_DEBRIEF_WINDOW (self), NULL);
  GtkLabel *label = g_hash_table_lookup (self->score_labels, part);
  return label ? gtk_label_get_label (label) : NULL;
}
