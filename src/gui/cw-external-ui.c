/* cw-external-ui.c: the forms that record a certification body's audit, a
 * finding from its report, and the day and way a finding was resolved.
 *
 * Each form asks the core, as it is filled in, whether what it holds would
 * be recorded (cw_external_audit_draft_check and its siblings): the first
 * reason it would not shows under the fields and Save stays off until
 * there is none, so nothing typed is lost to a refusal. Each form saves to
 * the workspace it was opened for.
 */
#define G_LOG_DOMAIN "cw-external-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cw-date.h"
#include "cw-external-ui.h"
#include "cw-external.h"
#include "cw-widgets.h"

/* Reads the form; saves it when `save`, else only checks it. Returns the
 * id saved (or 1 for a good check), 0 with the reason. */
typedef gint64 (*FormRun) (GtkWidget *dialog, CwWorkspace *workspace, gboolean save,
                           GError **error);

static CwWorkspace *
form_workspace (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "workspace");
}

static const char *
field_text (GtkWidget *dialog, const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), name)));
}

static guint
field_choice (GtkWidget *dialog, const char *name)
{
  return adw_combo_row_get_selected (g_object_get_data (G_OBJECT (dialog), name));
}

/* Whether the form can be saved as it stands, said under its fields. */
static void
form_check (GtkWidget *dialog)
{
  FormRun run = (FormRun) g_object_get_data (G_OBJECT (dialog), "run");
  g_autoptr (GError) error = NULL;
  gboolean ok = run (dialog, form_workspace (dialog), FALSE, &error) != 0;
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gtk_label_set_label (hint, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (hint), !ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", ok);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  if (!g_str_equal (response, "save"))
    return;
  FormRun run = (FormRun) g_object_get_data (G_OBJECT (dialog), "run");
  g_autoptr (GError) error = NULL;
  gint64 id = run (GTK_WIDGET (dialog), form_workspace (GTK_WIDGET (dialog)), TRUE, &error);
  if (id == 0)
    {
      /* Changed meanwhile by another program: said, nothing written. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      if (parent != NULL)
        cw_show_error (GTK_WIDGET (parent), _("Nothing Was Recorded"), error);
      return;
    }
  cw_object_set_id (dialog, "saved", id);
}

static GtkWidget *
form_new (GtkWidget *parent, CwWorkspace *workspace, const char *heading, const char *body,
          FormRun run)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog
    = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  g_object_set_data_full (G_OBJECT (dialog), "workspace", g_object_ref (workspace),
                          g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "run", (gpointer) run);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  GtkWidget *hint = gtk_label_new (NULL);
  gtk_widget_set_name (hint, "hint");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);
  g_object_set_data (G_OBJECT (dialog), "list", list);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save",
                                    _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}

static GtkWidget *
form_entry (GtkWidget *dialog, const char *name, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (form_check), dialog);
  gtk_list_box_append (g_object_get_data (G_OBJECT (dialog), "list"), row);
  g_object_set_data (G_OBJECT (dialog), name, row);
  return row;
}

static GtkWidget *
form_combo (GtkWidget *dialog, const char *name, const char *title, GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (form_check), dialog);
  gtk_list_box_append (g_object_get_data (G_OBJECT (dialog), "list"), row);
  g_object_set_data (G_OBJECT (dialog), name, row);
  return row;
}

static GtkWidget *
form_present (GtkWidget *dialog)
{
  form_check (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gint64
cw_external_ui_saved (GtkWidget *dialog)
{
  return cw_object_get_id (dialog, "saved");
}

/* ---- An audit ------------------------------------------------------------- */

static gint64
run_audit (GtkWidget *dialog, CwWorkspace *workspace, gboolean save, GError **error)
{
  CwExternalAuditDraft draft = {
    .kind = (CwExternalKind) field_choice (dialog, "kind"),
    .body = field_text (dialog, "body"),
    .starts_on = field_text (dialog, "starts_on"),
    .ends_on = field_text (dialog, "ends_on"),
    .lead = field_text (dialog, "lead"),
    .reference = field_text (dialog, "reference"),
    .outcome = field_text (dialog, "outcome"),
  };
  if (!save)
    return cw_external_audit_draft_check (&draft, error) ? 1 : 0;
  return cw_workspace_add_external_audit (workspace, &draft, error);
}

GtkWidget *
cw_external_ui_record_audit (GtkWidget *parent, CwWorkspace *workspace)
{
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  GtkWidget *dialog = form_new (
    parent, workspace, _("Record a Certification Body Audit"),
    _("As the body’s report gives it. Its findings are added to it afterwards."), run_audit);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  for (CwExternalKind k = CW_EXTERNAL_STAGE_ONE; k <= CW_EXTERNAL_RECERTIFICATION; k++)
    gtk_string_list_append (kinds, cw_external_kind_label (k));
  form_combo (dialog, "kind", _("Kind of audit"), kinds);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, NULL);
  form_entry (dialog, "body", _("Certification body"),
              organisation ? organisation->certification_body : NULL);
  form_entry (dialog, "starts_on", _("Started on (YYYY-MM-DD)"), NULL);
  form_entry (dialog, "ends_on", _("Ended on (YYYY-MM-DD, empty for one day)"), NULL);
  form_entry (dialog, "lead", _("The body’s lead auditor"), NULL);
  form_entry (dialog, "reference", _("Report reference"), NULL);
  form_entry (dialog, "outcome", _("Outcome, such as “Recommended for certification”"), NULL);
  return form_present (dialog);
}

/* ---- A finding ------------------------------------------------------------ */

/* The grades the audit's kind takes, in the order offered. */
static guint
grades_for (CwExternalKind kind, CwBodyGrade *grades)
{
  guint n = 0;
  for (CwBodyGrade g = CW_BODY_CONCERN; g <= CW_BODY_OFI; g++)
    if (cw_external_kind_takes (kind, g, NULL))
      grades[n++] = g;
  return n;
}

static gint64
run_finding (GtkWidget *dialog, CwWorkspace *workspace, gboolean save, GError **error)
{
  CwBodyGrade grades[CW_BODY_OFI + 1];
  guint n = grades_for ((CwExternalKind) GPOINTER_TO_INT (
                          g_object_get_data (G_OBJECT (dialog), "audit-kind")),
                        grades);
  guint choice = field_choice (dialog, "grade");
  CwExternalFindingDraft draft = {
    .audit_id = cw_object_get_id (dialog, "audit"),
    .grade = choice < n ? grades[choice] : CW_BODY_OFI,
    .reference = field_text (dialog, "reference"),
    .clause = field_text (dialog, "clause"),
    .text = field_text (dialog, "text"),
    .respond_by = field_text (dialog, "respond_by"),
  };
  if (!save)
    return cw_workspace_check_external_finding (workspace, &draft, error) ? 1 : 0;
  return cw_workspace_add_external_finding (workspace, &draft, error);
}

GtkWidget *
cw_external_ui_add_finding (GtkWidget *parent, CwWorkspace *workspace, gint64 audit_id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwExternalAudit) audit = cw_workspace_get_external_audit (workspace, audit_id, &error);
  if (audit == NULL)
    {
      cw_show_error (parent, _("Nothing Was Recorded"), error);
      return NULL;
    }
  /* TRANSLATORS: "A finding of the Stage One audit of 2026-11-09" */
  g_autofree char *body
    = g_strdup_printf (_("A finding of the %s audit of %s, worded as the body’s report words it."),
                       cw_external_kind_label (audit->kind), audit->starts_on);
  GtkWidget *dialog
    = form_new (parent, workspace, _("Add a Certification Body Finding"), body, run_finding);
  cw_object_set_id (dialog, "audit", audit_id);
  g_object_set_data (G_OBJECT (dialog), "audit-kind", GINT_TO_POINTER (audit->kind));
  CwBodyGrade grades[CW_BODY_OFI + 1];
  guint n = grades_for (audit->kind, grades);
  GtkStringList *labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, cw_body_grade_label (grades[i]));
  form_combo (dialog, "grade", _("Kind of finding"), labels);
  form_entry (dialog, "reference", _("The body’s reference, such as S1-C1"), NULL);
  form_entry (dialog, "clause", _("Clause"), NULL);
  form_entry (dialog, "text", _("The finding as the report words it"), NULL);
  form_entry (dialog, "respond_by", _("Response due by (YYYY-MM-DD, empty when none)"), NULL);
  return form_present (dialog);
}

/* ---- Its resolution ------------------------------------------------------- */

static gint64
run_resolution (GtkWidget *dialog, CwWorkspace *workspace, gboolean save, GError **error)
{
  gint64 id = cw_object_get_id (dialog, "finding");
  const char *on = field_text (dialog, "resolved_on");
  const char *how = field_text (dialog, "how");
  if (!save)
    return cw_workspace_check_resolution (workspace, id, on, how, error) ? 1 : 0;
  return cw_workspace_resolve_external_finding (workspace, id, on, how, error) ? id : 0;
}

GtkWidget *
cw_external_ui_resolve_finding (GtkWidget *parent, CwWorkspace *workspace, gint64 finding_id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwExternalFinding) finding
    = cw_workspace_get_external_finding (workspace, finding_id, &error);
  if (finding == NULL)
    {
      cw_show_error (parent, _("Nothing Was Recorded"), error);
      return NULL;
    }
  g_autofree char *heading = g_strdup_printf (_("Resolve %s"), finding->reference);
  GtkWidget *dialog = form_new (
    parent, workspace, heading,
    _("Record it once the certification body has accepted the correction or the evidence."),
    run_resolution);
  cw_object_set_id (dialog, "finding", finding_id);
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  form_entry (dialog, "resolved_on", _("Resolved on (YYYY-MM-DD)"), day);
  form_entry (dialog, "how", _("How, such as the evidence the body accepted"), NULL);
  return form_present (dialog);
}
