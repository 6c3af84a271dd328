/* cw-exchange-ui.c: Export, Import, Assign and the merge view, as window
 * actions (see cw-exchange-ui.h). The rules and the merge are the core's
 * (cw-exchange.c); here are the file choosers, the question before an
 * import, and the toasts that say what it did. */
#define G_LOG_DOMAIN "cw-exchange-ui"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-exchange-ui.h"
#include "cw-merge-window.h"
#include "cw-widgets.h"

gboolean
cw_exchange_ui_export (GtkWidget *window, const CwExportRequest *request, GFile *file)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (window);
  g_return_val_if_fail (workspace != NULL, FALSE);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  guint missing = 0;
  if (path == NULL || !cw_workspace_export (workspace, request, path, &missing, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Choose a folder on this computer"));
      cw_show_error (window, _("Could Not Export"), error);
      return FALSE;
    }
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message
    = missing ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Written to %s; %u evidence file was not found",
                                              "Written to %s; %u evidence files were not found",
                                              missing),
                                 name, missing)
              : g_strdup_printf (_("Written to %s"), name);
  cw_toast (window, message);
  return TRUE;
}

GtkWindow *
cw_exchange_ui_show_conflicts (GtkWidget *window)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (window);
  g_return_val_if_fail (workspace != NULL, NULL);
  CwMergeWindow *merge = cw_merge_window_new (GTK_WINDOW (window), workspace);
  gtk_window_present (GTK_WINDOW (merge));
  return GTK_WINDOW (merge);
}

static char *
counts_text (const CwImportResult *result)
{
  g_autofree char *added = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u new record", "%u new records", result->added),
    result->added);
  g_autofree char *updated = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", result->updated), result->updated);
  g_autofree char *conflicts = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u conflict to settle", "%u conflicts to settle",
                 result->conflicts),
    result->conflicts);
  if (result->conflicts == 0)
    /* TRANSLATORS: "3 new records, 1 updated" */
    return g_strdup_printf (_("%s, %s"), added, updated);
  /* TRANSLATORS: "3 new records, 1 updated, 2 conflicts to settle" */
  return g_strdup_printf (_("%s, %s, %s"), added, updated, conflicts);
}

/* The core's import of `file`, or NULL with the reason shown. */
static CwImportResult *
run_import (GtkWidget *window, CwWorkspace *workspace, GFile *file, gboolean dry_run)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  CwImportResult *result = path ? cw_workspace_import (workspace, path, dry_run, &error) : NULL;
  if (result == NULL)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Choose a file on this computer"));
      cw_show_error (window, _("Nothing Was Imported"), error);
    }
  return result;
}

/* Imports for real: a toast with the counts, and the merge view when the
 * lead has something to settle. */
gboolean
cw_exchange_ui_import (GtkWidget *window, GFile *file)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (window);
  g_return_val_if_fail (workspace != NULL, FALSE);
  g_autoptr (CwImportResult) result = run_import (window, workspace, file, FALSE);
  if (result == NULL)
    return FALSE;
  g_autofree char *counts = counts_text (result);
  g_autofree char *message = g_strdup_printf (_("Imported: %s"), counts);
  AdwToast *toast = adw_toast_new (message);
  if (result->conflicts > 0)
    {
      adw_toast_set_button_label (toast, _("_Settle"));
      adw_toast_set_action_name (toast, "exchange.conflicts");
    }
  cw_add_toast (window, toast);
  if (result->conflicts > 0)
    cw_exchange_ui_show_conflicts (window);
  return TRUE;
}

/* ---- Import: choose, look, then merge ----------------------------------- */

static void
on_import_response (AdwMessageDialog *dialog, const char *response, GtkWidget *window)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cw-file");
  if (g_str_equal (response, "import"))
    cw_exchange_ui_import (window, file);
}

/* A dry run first: the lead sees what the file would change. */
static void
ask_import (GtkWidget *window, GFile *file)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (window);
  g_autoptr (CwImportResult) result = run_import (window, workspace, file, TRUE);
  if (result == NULL)
    return;
  g_autofree char *counts = counts_text (result);
  g_autofree char *body = g_strdup_printf (
    _("%s.\n\nA backup of the workspace is written first. Records both sides changed "
      "differently stay as they are here until you settle them."),
    counts);
  g_autofree char *heading = g_strdup_printf (_("Import From %s?"), result->source);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import",
                                    _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), window);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWidget *window;
  CwExportKind kind;
  gint64 audit;
  char *auditor;
  GStrv clauses;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->auditor);
  g_strfreev (pending->clauses);
  g_free (pending);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, Pending *pending)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                             ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                             : NULL;
  gboolean importing
    = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  if (file != NULL && importing)
    ask_import (pending->window, file);
  else if (file != NULL)
    {
      CwExportRequest request = { .kind = pending->kind, .audit_id = pending->audit,
                                  .auditor = pending->auditor,
                                  .clauses = (const char *const *) pending->clauses };
      cw_exchange_ui_export (pending->window, &request, file);
    }
  pending_free (pending);
  g_object_unref (chooser);
}

static void
choose_file (Pending *pending, gboolean importing, const char *name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    importing ? _("Import an Exchange File") : _("Export as Exchange File"),
    GTK_WINDOW (pending->window),
    importing ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
    importing ? _("_Import") : _("_Export"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Exchange files (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static Pending *
pending_new (GtkWidget *window, CwExportKind kind, gint64 audit)
{
  Pending *pending = g_new0 (Pending, 1);
  pending->window = window;
  pending->kind = kind;
  pending->audit = audit;
  return pending;
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_file (pending_new (widget, CW_EXPORT_WORKSPACE, 0), TRUE, NULL);
}

static void
export_workspace_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_file (pending_new (widget, CW_EXPORT_WORKSPACE, 0), FALSE, _("workspace.xml"));
}

static void
export_audit_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gint64 audit = g_variant_get_int64 (parameter);
  g_autofree char *name = g_strdup_printf (_("audit-%" PRId64 ".xml"), audit);
  choose_file (pending_new (widget, CW_EXPORT_AUDIT, audit), FALSE, name);
}

static void
conflicts_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_exchange_ui_show_conflicts (widget);
}

/* ---- Assign: who and which clauses, then where ------------------------- */

static void
on_assign_response (AdwMessageDialog *dialog, const char *response, Pending *pending)
{
  if (!g_str_equal (response, "assign"))
    {
      pending_free (pending);
      return;
    }
  GtkEditable *auditor = g_object_get_data (G_OBJECT (dialog), "cw-auditor");
  GtkEditable *clauses = g_object_get_data (G_OBJECT (dialog), "cw-clauses");
  pending->auditor = g_strstrip (g_strdup (gtk_editable_get_text (auditor)));
  pending->clauses = g_strsplit (gtk_editable_get_text (clauses), ",", -1);
  for (guint i = 0; pending->clauses[i]; i++)
    g_strstrip (pending->clauses[i]);
  g_autofree char *name = g_strdup_printf (_("assignment-%s.xml"), pending->auditor);
  choose_file (pending, FALSE, name);
}

static void
update_assign (GtkEditable *changed, AdwMessageDialog *dialog)
{
  GtkEditable *auditor = g_object_get_data (G_OBJECT (dialog), "cw-auditor");
  GtkEditable *clauses = g_object_get_data (G_OBJECT (dialog), "cw-clauses");
  g_autofree char *who = g_strstrip (g_strdup (gtk_editable_get_text (auditor)));
  g_autofree char *what = g_strstrip (g_strdup (gtk_editable_get_text (clauses)));
  adw_message_dialog_set_response_enabled (dialog, "assign", *who && *what);
}

static void
assign_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gint64 audit = g_variant_get_int64 (parameter);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (widget), _("Assign Clauses"),
    _("The auditor gets their clauses of this audit as a file, opens it in their own "
      "Clausewise, works offline and sends back a return to import here."));
  GtkWidget *list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  GtkWidget *auditor = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (auditor), _("Auditor"));
  GtkWidget *clauses = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (clauses),
                                 _("Clauses, separated by commas"));
  gtk_list_box_append (GTK_LIST_BOX (list), auditor);
  gtk_list_box_append (GTK_LIST_BOX (list), clauses);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "assign",
                                    _("_Assign…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assign",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "assign", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cw-auditor", auditor);
  g_object_set_data (G_OBJECT (dialog), "cw-clauses", clauses);
  g_signal_connect (auditor, "changed", G_CALLBACK (update_assign), dialog);
  g_signal_connect (clauses, "changed", G_CALLBACK (update_assign), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_assign_response),
                    pending_new (widget, CW_EXPORT_ASSIGNMENT, audit));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cw_exchange_ui_install_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "exchange.import", NULL, import_action);
  gtk_widget_class_install_action (window_class, "exchange.export-workspace", NULL,
                                   export_workspace_action);
  gtk_widget_class_install_action (window_class, "exchange.export-audit", "x",
                                   export_audit_action);
  gtk_widget_class_install_action (window_class, "exchange.assign", "x", assign_action);
  gtk_widget_class_install_action (window_class, "exchange.conflicts", NULL, conflicts_action);
}
