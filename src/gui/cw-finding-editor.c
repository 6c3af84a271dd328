/* cw-finding-editor.c: the finding editor. It is prefilled with the clause
 * and the note of the question being answered; the core decides what a
 * finding of each grade must say, and its refusal is shown in the dialog. */
#define G_LOG_DOMAIN "cw-finding-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-date.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-widgets.h"

struct _CwFindingEditor
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  gint64 audit_id;
  char *question; /* the checklist question it is raised on, or NULL */

  GtkLabel *error_label;
  AdwEntryRow *clause_row;
  AdwComboRow *grade_row;
  AdwEntryRow *raised_row;
  GtkTextView *grade_reason_view;
  GtkTextView *requirement_view;
  GtkTextView *evidence_view;
  GtkTextView *statement_view;
};

G_DEFINE_FINAL_TYPE (CwFindingEditor, cw_finding_editor, ADW_TYPE_WINDOW)

static guint saved_signal;

/* Combo order: the grades as an auditor weighs them, most severe first. */
static const CwGrade grade_order[] = { CW_GRADE_MAJOR, CW_GRADE_MINOR, CW_GRADE_OBSERVATION,
                                       CW_GRADE_OFI };

void
cw_finding_editor_fill (CwFindingEditor *self, CwGrade grade, const char *requirement,
                        const char *evidence, const char *statement)
{
  g_return_if_fail (CW_IS_FINDING_EDITOR (self));
  for (guint i = 0; i < G_N_ELEMENTS (grade_order); i++)
    if (grade_order[i] == grade)
      adw_combo_row_set_selected (self->grade_row, i);
  cw_text_view_set_text (self->requirement_view, requirement);
  cw_text_view_set_text (self->evidence_view, evidence);
  cw_text_view_set_text (self->statement_view, statement);
}

/* Returns TRUE and closes the editor when the core accepted the finding. */
gboolean
cw_finding_editor_save (CwFindingEditor *self)
{
  g_return_val_if_fail (CW_IS_FINDING_EDITOR (self), FALSE);
  g_autofree char *requirement = cw_text_view_dup_text (self->requirement_view);
  g_autofree char *evidence = cw_text_view_dup_text (self->evidence_view);
  g_autofree char *statement = cw_text_view_dup_text (self->statement_view);
  g_autofree char *grade_reason = cw_text_view_dup_text (self->grade_reason_view);
  const char *raised = gtk_editable_get_text (GTK_EDITABLE (self->raised_row));
  CwFindingDraft draft = {
    .audit_id = self->audit_id,
    .clause = gtk_editable_get_text (GTK_EDITABLE (self->clause_row)),
    .question = self->question,
    .grade = grade_order[MIN (adw_combo_row_get_selected (self->grade_row), 3)],
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .raised_on = *raised ? raised : NULL,
    .grade_reason = grade_reason,
  };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_finding (self->workspace, &draft, &error);
  if (id == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, saved_signal, 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_finding_editor_save (CW_FINDING_EDITOR (widget));
}

static void
cw_finding_editor_dispose (GObject *object)
{
  CwFindingEditor *self = CW_FINDING_EDITOR (object);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->question, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_FINDING_EDITOR);
  G_OBJECT_CLASS (cw_finding_editor_parent_class)->dispose (object);
}

static void
cw_finding_editor_class_init (CwFindingEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_finding_editor_dispose;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-finding-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, clause_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, raised_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, grade_reason_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, requirement_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, statement_view);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_finding_editor_init (CwFindingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_autoptr (GtkStringList) grades = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (grade_order); i++)
    gtk_string_list_append (grades, cw_grade_label (grade_order[i]));
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  adw_combo_row_set_selected (self->grade_row, 1);
}

/* A finding on `question` (NULL: on `clause` as a whole), graded as its
 * answer `result` says when that is a grade, observed today unless the
 * auditor says otherwise. */
CwFindingEditor *
cw_finding_editor_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                       const char *clause, const char *question, CwResult result,
                       const char *evidence)
{
  CwFindingEditor *self = g_object_new (CW_TYPE_FINDING_EDITOR, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = audit_id;
  self->question = g_strdup (question);
  gtk_editable_set_text (GTK_EDITABLE (self->clause_row), clause ? clause : "");
  if (question != NULL)
    {
      /* Its clause is the question's. */
      g_autofree char *title = g_strdup_printf (_("Raise Finding on %s"), question);
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_editable_set_editable (GTK_EDITABLE (self->clause_row), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (grade_order); i++)
    if (cw_grade_to_result (grade_order[i]) == result)
      adw_combo_row_set_selected (self->grade_row, i);
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->raised_row), day);
  cw_text_view_set_text (self->evidence_view, evidence);
  gtk_widget_grab_focus (GTK_WIDGET (self->requirement_view));
  return self;
}
