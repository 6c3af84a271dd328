/* cw-case-ui.c: Start a Case Audit…, the case library and the debrief, as
 * window actions (see cw-case-ui.h). Starting asks for the case and the
 * trainee, then where the new workspace goes; the core makes it
 * (cw_case_start) and the window opens it as it opens any workspace. */
#define G_LOG_DOMAIN "cw-case-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-application.h"
#include "cw-case-audit.h"
#include "cw-case-library.h"
#include "cw-case-ui.h"
#include "cw-debrief-window.h"
#include "cw-exercise.h"
#include "cw-widgets.h"

/* Makes the case workspace at `file` and opens it at its audit. */
gboolean
cw_case_ui_start (GtkWidget *window, const char *case_id, const char *trainee, GFile *file)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer"));
      cw_show_error (window, _("Could Not Start the Case Audit"), error);
      return FALSE;
    }
  if (!g_str_has_suffix (path, CW_WORKSPACE_EXTENSION))
    {
      char *with_extension = g_strconcat (path, CW_WORKSPACE_EXTENSION, NULL);
      g_free (path);
      path = with_extension;
    }
  gint64 audit_id = 0;
  {
    g_autoptr (CwWorkspace) made = cw_case_start (path, NULL, NULL, case_id, trainee, &error);
    g_autoptr (CwCaseStudy) study = made ? cw_case_study_load (made, &error) : NULL;
    if (study == NULL)
      {
        cw_show_error (window, _("Could Not Start the Case Audit"), error);
        return FALSE;
      }
    audit_id = study->audit_id;
  }
  /* Opened as any workspace is; the window says so itself if it cannot. */
  gtk_widget_activate_action (window, "win.open-recent", "s", path);
  g_autoptr (CwWorkspace) opened = cw_dup_window_workspace (window);
  if (opened == NULL || g_strcmp0 (cw_workspace_get_path (opened), path) != 0)
    return FALSE;
  if (audit_id > 0)
    gtk_widget_activate_action (window, "win.show-audit", "x", audit_id);
  cw_toast (window, _("Case audit started: ask the case library for what you need"));
  return TRUE;
}

/* ---- Start: which case and who, then where ----------------------------- */

typedef struct
{
  GtkWidget *window;
  char *case_id;
  char *trainee;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->case_id);
  g_free (pending->trainee);
  g_free (pending);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, Pending *pending)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                             ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                             : NULL;
  if (file != NULL)
    cw_case_ui_start (pending->window, pending->case_id, pending->trainee, file);
  pending_free (pending);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (Pending *pending, const char *case_title)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("New Case Audit Workspace"), GTK_WINDOW (pending->window), GTK_FILE_CHOOSER_ACTION_SAVE,
    _("_Start"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Clausewise workspaces"));
  gtk_file_filter_add_pattern (filter, "*" CW_WORKSPACE_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_autofree char *safe = g_strdup (case_title);
  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  /* TRANSLATORS: the suggested file name of a case audit; %s is the case's title */
  g_autofree char *name = g_strdup_printf (_("%s (case audit).clausewise"), safe);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkCheckButton *
chosen_case (AdwMessageDialog *dialog)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "cw-checks");
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      return g_ptr_array_index (checks, i);
  return NULL;
}

static void
update_start (GtkWidget *changed, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  GtkEditable *trainee = g_object_get_data (G_OBJECT (dialog), "cw-trainee");
  g_autofree char *who = g_strstrip (g_strdup (gtk_editable_get_text (trainee)));
  adw_message_dialog_set_response_enabled (dialog, "start", *who && chosen_case (dialog));
}

static void
on_start_response (AdwMessageDialog *dialog, const char *response, GtkWidget *window)
{
  GtkCheckButton *check = chosen_case (dialog);
  if (!g_str_equal (response, "start") || check == NULL)
    return;
  GtkEditable *trainee = g_object_get_data (G_OBJECT (dialog), "cw-trainee");
  Pending *pending = g_new0 (Pending, 1);
  pending->window = window;
  pending->case_id = g_strdup (g_object_get_data (G_OBJECT (check), "cw-case-id"));
  pending->trainee = g_strstrip (g_strdup (gtk_editable_get_text (trainee)));
  choose_file (pending, g_object_get_data (G_OBJECT (check), "cw-case-title"));
}

static GtkWidget *
make_case_row (CwCase *kase, GtkCheckButton *group, GPtrArray *checks)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (kase->title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_autofree char *findings = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u model finding", "%u model findings", kase->findings->len),
    kase->findings->len);
  /* TRANSLATORS: a case's difficulty (1 to 3), then "4 model findings" */
  g_autofree char *subtitle = g_strdup_printf (_("Difficulty %u of 3 · %s"), kase->difficulty,
                                               findings);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  GtkWidget *check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  /* Named by the row's title, as its activatable widget (a label of its own
   * would be read twice). */
  g_object_set_data_full (G_OBJECT (check), "cw-case-id", g_strdup (kase->id), g_free);
  g_object_set_data_full (G_OBJECT (check), "cw-case-title", g_strdup (kase->title), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (checks, check);
  return row;
}

static void
start_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bundled (NULL, &error);
  if (pack == NULL)
    {
      cw_show_error (widget, _("Could Not Read the Bundled Cases"), error);
      return;
    }
  if (pack->cases == NULL || pack->cases->len == 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The bundled exercise pack has no case; update Clausewise to get them"));
      cw_show_error (widget, _("No Case to Audit"), error);
      return;
    }
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (widget), _("Start a Case Audit"),
    _("Audit a fictional service provider in a workspace of its own. Ask its library for "
      "documents, interviews and records, raise your findings and issue the report; the "
      "debrief then compares them with a model auditor's."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cases"), -1);
  GPtrArray *checks = g_ptr_array_new ();
  for (guint i = 0; i < pack->cases->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         make_case_row (g_ptr_array_index (pack->cases, i),
                                        checks->len ? g_ptr_array_index (checks, 0) : NULL,
                                        checks));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  GtkWidget *people = gtk_list_box_new ();
  gtk_widget_add_css_class (people, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (people), GTK_SELECTION_NONE);
  GtkWidget *trainee = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (trainee), _("Trainee"));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  g_autofree char *name = CW_IS_APPLICATION (app)
                            ? cw_application_dup_auditor_name (CW_APPLICATION (app))
                            : NULL;
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (trainee), name);
  gtk_list_box_append (GTK_LIST_BOX (people), trainee);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), people);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "start",
                                    _("_Choose Where to Save…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "cw-trainee", trainee);
  for (guint i = 0; i < checks->len; i++)
    g_signal_connect (g_ptr_array_index (checks, i), "notify::active", G_CALLBACK (update_start),
                      dialog);
  g_signal_connect (trainee, "notify::text", G_CALLBACK (update_start), dialog);
  update_start (NULL, NULL, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_start_response), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Library and debrief ------------------------------------------------- */

static gboolean
refuse_plain (GtkWidget *window, CwWorkspace *workspace, const char *heading)
{
  if (workspace != NULL && cw_workspace_is_case_study (workspace))
    return FALSE;
  g_autoptr (GError) error
    = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This workspace is not a case audit's; start one from the "
                             "main menu's Start a Case Audit…"));
  cw_show_error (window, heading, error);
  return TRUE;
}

static void
library_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (widget);
  if (refuse_plain (widget, workspace, _("No Case Library Here")))
    return;
  gint64 audit;
  const char *clause;
  g_variant_get (parameter, "(x&s)", &audit, &clause);
  g_autoptr (GError) error = NULL;
  CwCaseLibrary *library = cw_case_library_new (GTK_WINDOW (widget), workspace, audit,
                                                *clause ? clause : NULL, &error);
  if (library == NULL)
    {
      cw_show_error (widget, _("Could Not Open the Case Library"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (library));
}

static void
debrief_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr (CwWorkspace) workspace = cw_dup_window_workspace (widget);
  if (refuse_plain (widget, workspace, _("No Debrief Here")))
    return;
  CwDebriefWindow *debrief
    = cw_debrief_window_new (GTK_WINDOW (widget), workspace, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (debrief));
}

void
cw_case_ui_install_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "case.start", NULL, start_action);
  gtk_widget_class_install_action (window_class, "case.library", "(xs)", library_action);
  gtk_widget_class_install_action (window_class, "case.debrief", "x", debrief_action);
}
