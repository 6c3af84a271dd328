/* cw-finding-editor.c: the finding editor. A new finding is prefilled with
 * the clause and the note of the question being answered; an existing one
 * is loaded whole, and saved to that finding only, at the revision it was
 * loaded at. The core decides what a finding of each grade must say, and
 * its refusal is shown in the dialog. Text typed and not saved is not
 * thrown away without asking. Under the statement, the core's statement
 * checker (cw-statement.c) offers hints as the auditor types; they are
 * advice and never stop a save. */
#define G_LOG_DOMAIN "cw-finding-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-statement.h"
#include "cw-text.h"
#include "cw-widgets.h"

struct _CwFindingEditor
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  gint64 audit_id;
  char *question; /* the checklist question it is raised on, or NULL */
  gint64 finding_id; /* the finding being edited, fixed at load; 0: a new one */
  gint64 rev;        /* its revision when loaded */
  char *loaded;      /* what the fields held when shown, to tell typing from it */
  gboolean closing;  /* saved, or discarding was confirmed */

  GtkLabel *error_label;
  GtkButton *save_button;
  AdwEntryRow *clause_row;
  AdwComboRow *grade_row;
  AdwEntryRow *raised_row;
  GtkTextView *grade_reason_view;
  GtkTextView *requirement_view;
  GtkTextView *evidence_view;
  GtkTextView *statement_view;
  GtkListBox *hints_list;
  guint hints_timeout; /* the pending check after a typing pause, or 0 */
};

/* Long enough not to rebuild the list on every key, short enough to feel
 * like an answer to what was just typed. */
#define HINTS_PAUSE_MS 300

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

static CwGrade
selected_grade (CwFindingEditor *self)
{
  return grade_order[MIN (adw_combo_row_get_selected (self->grade_row),
                          G_N_ELEMENTS (grade_order) - 1)];
}

/* The hints on what the fields hold now, one row each. Nothing is shown
 * until a statement is written: hints on an empty form would only say that
 * it is empty. */
static void
update_hints (CwFindingEditor *self)
{
  cw_list_box_remove_all (self->hints_list);
  g_autofree char *statement = cw_text_view_dup_text (self->statement_view);
  if (cw_text_is_blank (statement))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->hints_list), FALSE);
      return;
    }
  g_autofree char *requirement = cw_text_view_dup_text (self->requirement_view);
  g_autofree char *evidence = cw_text_view_dup_text (self->evidence_view);
  CwGrade grade = selected_grade (self);
  g_autoptr (GPtrArray) hints = cw_statement_check (requirement, evidence, statement, &grade);
  for (guint i = 0; i < hints->len; i++)
    {
      CwStatementHint *hint = g_ptr_array_index (hints, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      /* Decoration: the row's name says it all. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-information-symbolic",
                                      "valign", GTK_ALIGN_START, "accessible-role",
                                      GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      GtkWidget *label = gtk_label_new (hint->message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      GtkWidget *row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Read once, as the hint, not as "GtkListBoxRow". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hint->message, -1);
      /* The stable kind, for tests and for anyone inspecting the widget. */
      gtk_widget_set_name (row, cw_statement_kind_to_string (hint->kind));
      gtk_list_box_append (self->hints_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hints_list), hints->len > 0);
}

static gboolean
hints_pause_done (gpointer data)
{
  CwFindingEditor *self = data;
  self->hints_timeout = 0;
  update_hints (self);
  return G_SOURCE_REMOVE;
}

/* Each change restarts the pause, so the check runs once typing stops. */
static void
schedule_hints (CwFindingEditor *self)
{
  g_clear_handle_id (&self->hints_timeout, g_source_remove);
  self->hints_timeout = g_timeout_add (HINTS_PAUSE_MS, hints_pause_done, self);
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
    .grade = selected_grade (self),
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .raised_on = *raised ? raised : NULL,
    .grade_reason = grade_reason,
  };
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  if (self->finding_id == 0)
    id = cw_workspace_create_finding (self->workspace, &draft, &error);
  else
    {
      CwFindingChanges changes = {
        .rev = self->rev,
        .requirement = requirement,
        .evidence = evidence,
        .statement = statement,
        .grade = &draft.grade,
        .grade_reason = grade_reason,
        .raised_on = raised,
      };
      if (cw_workspace_update_finding (self->workspace, self->finding_id, &changes, &error))
        id = self->finding_id;
    }
  if (id == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  self->closing = TRUE;
  g_signal_emit (self, saved_signal, 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Everything the fields hold, as one string. */
static char *
dup_fields (CwFindingEditor *self)
{
  g_autofree char *requirement = cw_text_view_dup_text (self->requirement_view);
  g_autofree char *evidence = cw_text_view_dup_text (self->evidence_view);
  g_autofree char *statement = cw_text_view_dup_text (self->statement_view);
  g_autofree char *grade_reason = cw_text_view_dup_text (self->grade_reason_view);
  return g_strdup_printf ("%s\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          gtk_editable_get_text (GTK_EDITABLE (self->clause_row)),
                          adw_combo_row_get_selected (self->grade_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->raised_row)), grade_reason,
                          requirement, evidence, statement);
}

/* Remembers what the fields hold now as what was loaded. */
static void
mark_loaded (CwFindingEditor *self)
{
  g_free (self->loaded);
  self->loaded = dup_fields (self);
}

gboolean
cw_finding_editor_has_typing (CwFindingEditor *self)
{
  g_return_val_if_fail (CW_IS_FINDING_EDITOR (self), FALSE);
  g_autofree char *now = dup_fields (self);
  return g_strcmp0 (now, self->loaded) != 0;
}

/* Cancel, Escape and the window's close all come here. */
static gboolean
cw_finding_editor_close_request (GtkWindow *window)
{
  CwFindingEditor *self = CW_FINDING_EDITOR (window);
  if (self->closing || !cw_finding_editor_has_typing (self))
    return GTK_WINDOW_CLASS (cw_finding_editor_parent_class)->close_request (window);
  cw_ask_discard (window, self->finding_id ? _("Discard Your Changes to This Finding?") : _("Discard this finding?"),
                  self->finding_id ? _("What you changed has not been saved.")
                                  : _("What you typed has not been raised as a finding."),
                  &self->closing);
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
  /* Taking the widgets down changes them (the combo row's selection goes
   * with its model): stop listening first, or a check would be scheduled
   * on a disposed editor. Dispose may run twice; the views are NULL then. */
  GtkTextView *views[] = { self->requirement_view, self->evidence_view, self->statement_view };
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] != NULL)
      g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (views[i]), self);
  if (self->grade_row != NULL)
    g_signal_handlers_disconnect_by_data (self->grade_row, self);
  g_clear_handle_id (&self->hints_timeout, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->loaded, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_FINDING_EDITOR);
  G_OBJECT_CLASS (cw_finding_editor_parent_class)->dispose (object);
}

static void
cw_finding_editor_class_init (CwFindingEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_finding_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cw_finding_editor_close_request;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-finding-editor.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, clause_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, raised_row);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, grade_reason_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, requirement_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, statement_view);
  gtk_widget_class_bind_template_child (widget_class, CwFindingEditor, hints_list);
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

  GtkTextView *views[] = { self->requirement_view, self->evidence_view, self->statement_view };
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (views[i]), "changed",
                              G_CALLBACK (schedule_hints), self);
  g_signal_connect_swapped (self->grade_row, "notify::selected", G_CALLBACK (schedule_hints),
                            self);
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
  cw_window_focus_when_shown (GTK_WINDOW (self), GTK_WIDGET (self->requirement_view));
  mark_loaded (self);
  return self;
}

/* The editor on an existing finding: it saves to that finding, at the
 * revision it had now, or says why it cannot change. */
CwFindingEditor *
cw_finding_editor_new_for_finding (GtkWindow *parent, CwWorkspace *workspace, CwFinding *finding)
{
  g_return_val_if_fail (CW_IS_FINDING (finding), NULL);
  CwFindingEditor *self = g_object_new (CW_TYPE_FINDING_EDITOR, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = cw_finding_get_audit_id (finding);
  self->question = g_strdup (cw_finding_get_question (finding));
  self->finding_id = cw_finding_get_id (finding);
  self->rev = cw_finding_get_rev (finding);
  g_autofree char *label = cw_finding_dup_label (finding);
  g_autofree char *title = g_strdup_printf (_("Edit Finding %s"), label);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->clause_row), cw_finding_get_clause (finding));
  gtk_editable_set_editable (GTK_EDITABLE (self->clause_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->raised_row), cw_finding_get_raised_on (finding));
  cw_text_view_set_text (self->grade_reason_view, cw_finding_get_grade_reason (finding));
  cw_finding_editor_fill (self, cw_finding_get_grade (finding),
                          cw_finding_get_requirement (finding), cw_finding_get_evidence (finding),
                          cw_finding_get_statement (finding));
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_audit_accepts (workspace, self->audit_id, cw_finding_get_clause (finding),
                                   &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
    }
  cw_window_focus_when_shown (GTK_WINDOW (self), GTK_WIDGET (self->statement_view));
  mark_loaded (self);
  return self;
}

gint64
cw_finding_editor_get_finding_id (CwFindingEditor *self)
{
  g_return_val_if_fail (CW_IS_FINDING_EDITOR (self), 0);
  return self->finding_id;
}
