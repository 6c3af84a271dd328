/* cw-evidence-dialog.c: the Add Evidence dialog, which also corrects an item
 * already recorded (saved to that item only, at the revision it was loaded
 * at). A file is not copied into the workspace; its SHA-256 is, so the file
 * shown later can be proved to be the one that was seen. Text typed and not
 * saved is not thrown away without asking.
 *
 * A sample (ISO 19011 A.6) is described by its population and how many
 * items it held, the method, the size, the items examined and the
 * exceptions; the dialog shows the core's suggested size for the count
 * typed, and the core refuses a sample larger than its population. */
#define G_LOG_DOMAIN "cw-evidence-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-evidence-dialog.h"
#include "cw-evidence.h"
#include "cw-widgets.h"

struct _CwEvidenceDialog
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  gint64 audit_id;
  char *question_id;
  char *file;
  gint64 item_id;   /* the item being edited, fixed at load; 0: a new one */
  gint64 rev;       /* its revision when loaded */
  char *loaded;     /* what the fields held when shown */
  gboolean closing; /* saved, or discarding was confirmed */

  GtkLabel *error_label;
  GtkButton *save_button;
  AdwComboRow *kind_row;
  AdwEntryRow *reference_row;
  AdwEntryRow *description_row;
  AdwActionRow *file_row;
  AdwEntryRow *population_row;
  GtkSpinButton *sample_spin;
  /* Built here, in the template's Sampling group. */
  AdwActionRow *count_row;
  GtkSpinButton *count_spin;
  AdwComboRow *method_row;
  AdwEntryRow *items_row;
  GtkSpinButton *exceptions_spin;
};

G_DEFINE_FINAL_TYPE (CwEvidenceDialog, cw_evidence_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static void
show_error (CwEvidenceDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwEvidenceDialog *self = CW_EVIDENCE_DIALOG (widget);
  const char *population = gtk_editable_get_text (GTK_EDITABLE (self->population_row));
  gint count = gtk_spin_button_get_value_as_int (self->count_spin);
  CwSampleMethod method = (CwSampleMethod) adw_combo_row_get_selected (self->method_row);
  gboolean sampled = *population || count > 0 || method != CW_SAMPLE_NONE;
  CwEvidenceDraft draft = {
    .audit_id = self->audit_id,
    .question = self->question_id,
    .kind = (CwEvidenceKind) adw_combo_row_get_selected (self->kind_row),
    .reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row)),
    .description = gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
    .population = population,
    .sample_size = sampled ? gtk_spin_button_get_value_as_int (self->sample_spin) : -1,
    .file = self->file,
    .population_size = count,
    .method = method,
    .sample_items = gtk_editable_get_text (GTK_EDITABLE (self->items_row)),
    .exceptions = method != CW_SAMPLE_NONE ? gtk_spin_button_get_value_as_int (self->exceptions_spin)
                                           : -1,
  };
  g_autoptr (GError) error = NULL;
  gboolean saved;
  if (self->item_id == 0)
    saved = cw_workspace_add_evidence (self->workspace, &draft, &error) != 0;
  else
    {
      CwEvidenceChanges changes = {
        .rev = self->rev,
        .kind = &draft.kind,
        .reference = draft.reference,
        .description = draft.description,
        .population = draft.population,
        .sample_size = &draft.sample_size,
        .population_size = &draft.population_size,
        .method = &draft.method,
        .sample_items = draft.sample_items,
        .exceptions = &draft.exceptions,
      };
      saved = cw_workspace_update_evidence (self->workspace, self->item_id, &changes, &error);
    }
  if (!saved)
    {
      show_error (self, error->message);
      return;
    }
  self->closing = TRUE;
  g_signal_emit (self, saved_signal, 0);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
dup_fields (CwEvidenceDialog *self)
{
  return g_strdup_printf ("%u\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%d\x1f%u\x1f%s\x1f%d",
                          adw_combo_row_get_selected (self->kind_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->reference_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->population_row)),
                          gtk_spin_button_get_value_as_int (self->sample_spin),
                          self->file ? self->file : "",
                          gtk_spin_button_get_value_as_int (self->count_spin),
                          adw_combo_row_get_selected (self->method_row),
                          gtk_editable_get_text (GTK_EDITABLE (self->items_row)),
                          gtk_spin_button_get_value_as_int (self->exceptions_spin));
}

static void
mark_loaded (CwEvidenceDialog *self)
{
  g_free (self->loaded);
  self->loaded = dup_fields (self);
}

gboolean
cw_evidence_dialog_has_typing (CwEvidenceDialog *self)
{
  g_return_val_if_fail (CW_IS_EVIDENCE_DIALOG (self), FALSE);
  g_autofree char *now = dup_fields (self);
  return g_strcmp0 (now, self->loaded) != 0;
}

/* Cancel, Escape and the window's close all come here. */
static gboolean
cw_evidence_dialog_close_request (GtkWindow *window)
{
  CwEvidenceDialog *self = CW_EVIDENCE_DIALOG (window);
  if (self->closing || !cw_evidence_dialog_has_typing (self))
    return GTK_WINDOW_CLASS (cw_evidence_dialog_parent_class)->close_request (window);
  cw_ask_discard (window, self->item_id ? _("Discard Your Changes to This Evidence?") : _("Discard this evidence?"),
                  self->item_id ? _("What you changed has not been saved.")
                                  : _("What you typed has not been recorded as evidence."),
                  &self->closing);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, CwEvidenceDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_free (self->file);
      self->file = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      adw_action_row_set_subtitle (self->file_row, name);
      if (*gtk_editable_get_text (GTK_EDITABLE (self->reference_row)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->reference_row), name);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwEvidenceDialog *self = CW_EVIDENCE_DIALOG (widget);
  GtkFileChooserNative *chooser
    = gtk_file_chooser_native_new (_("Choose Evidence File"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The suggested size for the count typed, from the core's own table. */
static void
on_count_changed (CwEvidenceDialog *self)
{
  gint count = gtk_spin_button_get_value_as_int (self->count_spin);
  g_autofree char *hint
    = count > 0 ? g_strdup_printf (_("Suggested sample: %u (Clausewise's own table; small "
                                     "populations in full)"),
                                   cw_sample_suggest ((guint) count))
                : g_strdup (_("How many items it held; 0 when not counted"));
  adw_action_row_set_subtitle (self->count_row, hint);
}

/* Named by the row it sits in (spin_row): a label of its own would be
 * read twice. */
static GtkSpinButton *
count_spin (void)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000000, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return GTK_SPIN_BUTTON (spin);
}

static AdwActionRow *
spin_row (AdwPreferencesGroup *group, const char *title, GtkSpinButton *spin)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (row, GTK_WIDGET (spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (spin));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

/* The rest of a sample, after the template's population and size. */
static void
build_sample_rows (CwEvidenceDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (
    gtk_widget_get_ancestor (GTK_WIDGET (self->population_row), ADW_TYPE_PREFERENCES_GROUP));
  self->count_spin = count_spin ();
  self->count_row = spin_row (group, _("Items in the population"), self->count_spin);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (on_count_changed), self);
  on_count_changed (self);

  self->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row),
                                 _("How the items were chosen"));
  g_autoptr (GtkStringList) methods = gtk_string_list_new (NULL);
  for (CwSampleMethod m = CW_SAMPLE_NONE; m <= CW_SAMPLE_JUDGEMENTAL; m++)
    gtk_string_list_append (methods, cw_sample_method_label (m));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
  adw_preferences_group_add (group, GTK_WIDGET (self->method_row));

  self->items_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->items_row),
                                 _("Items examined (e.g. RFC-2204, RFC-2211, …)"));
  adw_preferences_group_add (group, GTK_WIDGET (self->items_row));

  self->exceptions_spin = count_spin ();
  spin_row (group, _("Exceptions found"), self->exceptions_spin);
}

/* Types a sample's figures (for tests). */
void
cw_evidence_dialog_set_sample (CwEvidenceDialog *self, const char *population, gint count,
                               gint size, CwSampleMethod method, gint exceptions)
{
  g_return_if_fail (CW_IS_EVIDENCE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->population_row), population);
  gtk_spin_button_set_value (self->count_spin, count);
  gtk_spin_button_set_value (self->sample_spin, size);
  adw_combo_row_set_selected (self->method_row, method);
  gtk_spin_button_set_value (self->exceptions_spin, exceptions);
}

/* What the dialog suggests for the count typed, as shown; and the refusal
 * shown, or NULL (for tests). */
const char *
cw_evidence_dialog_get_suggestion (CwEvidenceDialog *self)
{
  g_return_val_if_fail (CW_IS_EVIDENCE_DIALOG (self), NULL);
  return adw_action_row_get_subtitle (self->count_row);
}

const char *
cw_evidence_dialog_get_error (CwEvidenceDialog *self)
{
  g_return_val_if_fail (CW_IS_EVIDENCE_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label)
           : NULL;
}

static void
on_kind_changed (CwEvidenceDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->file_row),
                          adw_combo_row_get_selected (self->kind_row) == CW_EVIDENCE_FILE);
}

static void
cw_evidence_dialog_dispose (GObject *object)
{
  CwEvidenceDialog *self = CW_EVIDENCE_DIALOG (object);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->question_id, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->loaded, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_EVIDENCE_DIALOG);
  G_OBJECT_CLASS (cw_evidence_dialog_parent_class)->dispose (object);
}

static void
cw_evidence_dialog_class_init (CwEvidenceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_evidence_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cw_evidence_dialog_close_request;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-evidence-dialog.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, population_row);
  gtk_widget_class_bind_template_child (widget_class, CwEvidenceDialog, sample_spin);
  gtk_widget_class_install_action (widget_class, "evidence.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "evidence.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_evidence_dialog_init (CwEvidenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_sample_rows (self);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  for (CwEvidenceKind kind = CW_EVIDENCE_DOCUMENT; kind <= CW_EVIDENCE_FILE; kind++)
    gtk_string_list_append (kinds, cw_evidence_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed),
                            self);  /* The dialog opens on its first field. */
  cw_window_focus_when_shown (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
}

CwEvidenceDialog *
cw_evidence_dialog_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                        const char *question_id)
{
  CwEvidenceDialog *self = g_object_new (CW_TYPE_EVIDENCE_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = audit_id;
  self->question_id = g_strdup (question_id);
  mark_loaded (self);
  return self;
}

/* The dialog on an item already recorded: it saves to that item only. */
CwEvidenceDialog *
cw_evidence_dialog_new_for_item (GtkWindow *parent, CwWorkspace *workspace,
                                 const CwEvidence *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  CwEvidenceDialog *self = g_object_new (CW_TYPE_EVIDENCE_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = item->audit_id;
  self->question_id = g_strdup (item->question);
  self->item_id = item->id;
  self->rev = item->rev;
  g_autofree char *title = g_strdup_printf (_("Edit Evidence %s"), item->reference);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, _("_Save"));
  adw_combo_row_set_selected (self->kind_row, item->kind);
  /* A file's evidence is the file its SHA-256 names: it stays a file. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), item->kind != CW_EVIDENCE_FILE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_row), FALSE);
  if (item->sha256 != NULL)
    adw_action_row_set_subtitle (self->file_row, item->sha256);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), item->reference);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), item->description);
  gtk_editable_set_text (GTK_EDITABLE (self->population_row), item->population);
  gtk_spin_button_set_value (self->sample_spin, MAX (item->sample_size, 0));
  gtk_spin_button_set_value (self->count_spin, MAX (item->population_size, 0));
  adw_combo_row_set_selected (self->method_row, item->method);
  gtk_editable_set_text (GTK_EDITABLE (self->items_row),
                         item->sample_items ? item->sample_items : "");
  gtk_spin_button_set_value (self->exceptions_spin, MAX (item->exceptions, 0));
  mark_loaded (self);
  return self;
}

gint64
cw_evidence_dialog_get_item_id (CwEvidenceDialog *self)
{
  g_return_val_if_fail (CW_IS_EVIDENCE_DIALOG (self), 0);
  return self->item_id;
}
