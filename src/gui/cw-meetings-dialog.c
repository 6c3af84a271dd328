/* cw-meetings-dialog.c: one audit's plan and meetings (ISO 19011 6.3.2,
 * 6.4.3 and 6.4.9): its sites and schedule of sessions, then when the
 * opening and closing meetings were held, who attended, and at the close
 * the auditee's response and any opinions left diverging. The audit is
 * fixed when the dialog opens. Sessions are saved as they are added or
 * removed; Save records the sites and each meeting that has a date. The
 * core's refusal is shown in the dialog. */
#define G_LOG_DOMAIN "cw-meetings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-meetings-dialog.h"
#include "cw-widgets.h"

struct _CwMeetingsDialog
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  gint64 audit_id;

  GtkLabel *error_label;
  GtkTextView *sites_view;
  AdwEntryRow *session_day_row;
  AdwEntryRow *session_time_row;
  AdwEntryRow *session_subject_row;
  AdwEntryRow *session_auditee_row;
  AdwEntryRow *session_auditor_row;
  GtkListBox *sessions_list;
  AdwEntryRow *opening_row;
  GtkTextView *opening_view;
  AdwEntryRow *closing_row;
  GtkTextView *closing_view;
  GtkTextView *response_view;
  GtkTextView *diverging_view;
};

G_DEFINE_FINAL_TYPE (CwMeetingsDialog, cw_meetings_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static void
show_error (CwMeetingsDialog *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Records a meeting whose day is filled in; an empty day leaves it be. */
static gboolean
save_meeting (CwMeetingsDialog *self, CwMeeting meeting, AdwEntryRow *day_row,
              GtkTextView *attendees_view, const GDate *today, GError **error)
{
  const char *day = gtk_editable_get_text (GTK_EDITABLE (day_row));
  if (*day == '\0')
    return TRUE;
  g_autofree char *attendees = cw_text_view_dup_text (attendees_view);
  g_autofree char *response = NULL, *diverging = NULL;
  if (meeting == CW_MEETING_CLOSING)
    {
      response = cw_text_view_dup_text (self->response_view);
      diverging = cw_text_view_dup_text (self->diverging_view);
    }
  CwMeetingRecord record = { day, attendees, response, diverging };
  return cw_workspace_record_meeting (self->workspace, self->audit_id, meeting, &record, today,
                                      error);
}

static void fill_sessions (CwMeetingsDialog *self);

static void
on_remove_session (GtkButton *button, CwMeetingsDialog *self)
{
  g_autoptr (GError) error = NULL;
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  if (!cw_workspace_remove_audit_session (self->workspace, self->audit_id, position, &error))
    show_error (self, error);
  fill_sessions (self);
}

static void
fill_sessions (CwMeetingsDialog *self)
{
  cw_list_box_remove_all (self->sessions_list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions
    = cw_workspace_list_audit_sessions (self->workspace, self->audit_id, &error);
  if (sessions == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      CwAuditSessionRow *session = g_ptr_array_index (sessions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title
        = *session->time
            ? g_markup_printf_escaped ("%s %s · %s", session->day, session->time, session->subject)
            : g_markup_printf_escaped ("%s · %s", session->day, session->subject);
      g_autoptr (GString) who = g_string_new (NULL);
      if (*session->auditee)
        g_string_append_printf (who, _("Auditee: %s"), session->auditee);
      if (*session->auditee && *session->auditor)
        g_string_append (who, " · ");
      if (*session->auditor)
        g_string_append_printf (who, _("Auditor: %s"), session->auditor);
      g_autofree char *subtitle = g_markup_escape_text (who->str, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_autofree char *name = g_strdup_printf (_("Remove the session of %s, %s"), session->day,
                                               session->subject);
      gtk_widget_set_tooltip_text (remove, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (session->position));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_session), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->sessions_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list), sessions->len > 0);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Adds the session typed in the rows; they are cleared for the next one,
 * except the day, which the next session often shares. */
/* Enter in a session's field adds the session, as its button does; Enter
 * elsewhere saves the dialog. */
static void
on_session_entry_activated (CwMeetingsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.add-session", NULL);
}

static void
add_session_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwMeetingsDialog *self = CW_MEETINGS_DIALOG (widget);
  CwAuditSession session = { row_text (self->session_day_row), row_text (self->session_time_row),
                             row_text (self->session_subject_row),
                             row_text (self->session_auditee_row),
                             row_text (self->session_auditor_row) };
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_add_audit_session (self->workspace, self->audit_id, &session, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  AdwEntryRow *cleared[] = { self->session_time_row, self->session_subject_row,
                             self->session_auditee_row, self->session_auditor_row };
  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    gtk_editable_set_text (GTK_EDITABLE (cleared[i]), "");
  fill_sessions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->session_time_row));
}

/* Returns TRUE and closes the dialog when the core accepted the sites and
 * both meetings; nothing of them is written when it is unchanged. */
gboolean
cw_meetings_dialog_save (CwMeetingsDialog *self)
{
  g_return_val_if_fail (CW_IS_MEETINGS_DIALOG (self), FALSE);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autofree char *sites = cw_text_view_dup_text (self->sites_view);
  if (!cw_workspace_set_audit_sites (self->workspace, self->audit_id, sites, &error)
      || !save_meeting (self, CW_MEETING_OPENING, self->opening_row, self->opening_view, &today,
                     &error)
      || !save_meeting (self, CW_MEETING_CLOSING, self->closing_row, self->closing_view, &today,
                        &error))
    {
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, saved_signal, 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_meetings_dialog_save (CW_MEETINGS_DIALOG (widget));
}

static void
cw_meetings_dialog_dispose (GObject *object)
{
  CwMeetingsDialog *self = CW_MEETINGS_DIALOG (object);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_MEETINGS_DIALOG);
  G_OBJECT_CLASS (cw_meetings_dialog_parent_class)->dispose (object);
}

static void
cw_meetings_dialog_class_init (CwMeetingsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_meetings_dialog_dispose;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-meetings-dialog.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, sites_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, session_day_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, session_time_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, session_subject_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, session_auditee_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, session_auditor_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, opening_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, opening_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, closing_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, closing_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, response_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, diverging_view);
  gtk_widget_class_install_action (widget_class, "meetings.save", NULL, save_action);
  gtk_widget_class_bind_template_callback (widget_class, on_session_entry_activated);
  gtk_widget_class_install_action (widget_class, "meetings.add-session", NULL,
                                   add_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "meetings.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_meetings_dialog_init (CwMeetingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The dialog for one audit, filled with what is recorded; NULL with
 * `error` set when the audit cannot be read. */
CwMeetingsDialog *
cw_meetings_dialog_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                        GError **error)
{
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (audit == NULL)
    return NULL;
  CwMeetingsDialog *self = g_object_new (CW_TYPE_MEETINGS_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = audit_id;
  cw_text_view_set_text (self->sites_view, cw_audit_get_sites (audit));
  set_row (self->session_day_row, cw_audit_get_planned_start (audit));
  fill_sessions (self);
  set_row (self->opening_row, cw_audit_get_opening_on (audit));
  cw_text_view_set_text (self->opening_view, cw_audit_get_opening_attendees (audit));
  set_row (self->closing_row, cw_audit_get_closing_on (audit));
  cw_text_view_set_text (self->closing_view, cw_audit_get_closing_attendees (audit));
  cw_text_view_set_text (self->response_view, cw_audit_get_auditee_response (audit));
  cw_text_view_set_text (self->diverging_view, cw_audit_get_diverging_opinions (audit));
  cw_window_focus_when_shown (GTK_WINDOW (self), GTK_WIDGET (self->sites_view));
  return self;
}
