/* cw-meetings-dialog.c: the opening and closing meetings of one audit (ISO
 * 19011 6.4.3 and 6.4.9): when, who attended, and at the close the
 * auditee's response and any opinions left diverging. The audit is fixed
 * when the dialog opens; saving records each meeting that has a date, and
 * the core's refusal is shown in the dialog. */
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

/* Returns TRUE and closes the dialog when the core accepted both meetings;
 * nothing of them needs saving when it is unchanged. */
gboolean
cw_meetings_dialog_save (CwMeetingsDialog *self)
{
  g_return_val_if_fail (CW_IS_MEETINGS_DIALOG (self), FALSE);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  if (!save_meeting (self, CW_MEETING_OPENING, self->opening_row, self->opening_view, &today,
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
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, opening_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, opening_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, closing_row);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, closing_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, response_view);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingsDialog, diverging_view);
  gtk_widget_class_install_action (widget_class, "meetings.save", NULL, save_action);
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
  set_row (self->opening_row, cw_audit_get_opening_on (audit));
  cw_text_view_set_text (self->opening_view, cw_audit_get_opening_attendees (audit));
  set_row (self->closing_row, cw_audit_get_closing_on (audit));
  cw_text_view_set_text (self->closing_view, cw_audit_get_closing_attendees (audit));
  cw_text_view_set_text (self->response_view, cw_audit_get_auditee_response (audit));
  cw_text_view_set_text (self->diverging_view, cw_audit_get_diverging_opinions (audit));
  gtk_widget_grab_focus (GTK_WIDGET (self->opening_row));
  return self;
}
