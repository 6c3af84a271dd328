/* cw-organisation-dialog.c: the organisation's profile: name, SMS scope,
 * services, certification body and the dates of Stage One and Two. The core
 * checks the dates; a refusal is shown in the dialog. */
#define G_LOG_DOMAIN "cw-organisation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-organisation-dialog.h"
#include "cw-widgets.h"

struct _CwOrganisationDialog
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;

  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *body_row;
  AdwEntryRow *stage_one_row;
  AdwEntryRow *stage_two_row;
  GtkTextView *scope_view;
  GtkTextView *services_view;
};

G_DEFINE_FINAL_TYPE (CwOrganisationDialog, cw_organisation_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

gboolean
cw_organisation_dialog_save (CwOrganisationDialog *self)
{
  g_return_val_if_fail (CW_IS_ORGANISATION_DIALOG (self), FALSE);
  g_autofree char *scope = cw_text_view_dup_text (self->scope_view);
  g_autofree char *services = cw_text_view_dup_text (self->services_view);
  CwOrganisation organisation = {
    (char *) row_text (self->name_row), scope, services, (char *) row_text (self->body_row),
    (char *) row_text (self->stage_one_row), (char *) row_text (self->stage_two_row),
  };
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_set_organisation (self->workspace, &organisation, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, saved_signal, 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_organisation_dialog_save (CW_ORGANISATION_DIALOG (widget));
}

static void
cw_organisation_dialog_dispose (GObject *object)
{
  CwOrganisationDialog *self = CW_ORGANISATION_DIALOG (object);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_ORGANISATION_DIALOG);
  G_OBJECT_CLASS (cw_organisation_dialog_parent_class)->dispose (object);
}

static void
cw_organisation_dialog_class_init (CwOrganisationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_organisation_dialog_dispose;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-organisation-dialog.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, body_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, stage_one_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, stage_two_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, scope_view);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, services_view);
  gtk_widget_class_install_action (widget_class, "organisation.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "organisation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_organisation_dialog_init (CwOrganisationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CwOrganisationDialog *
cw_organisation_dialog_new (GtkWindow *parent, CwWorkspace *workspace)
{
  CwOrganisationDialog *self
    = g_object_new (CW_TYPE_ORGANISATION_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, NULL);
  if (organisation != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), organisation->name);
      gtk_editable_set_text (GTK_EDITABLE (self->body_row), organisation->certification_body);
      gtk_editable_set_text (GTK_EDITABLE (self->stage_one_row),
                             organisation->stage_one ? organisation->stage_one : "");
      gtk_editable_set_text (GTK_EDITABLE (self->stage_two_row),
                             organisation->stage_two ? organisation->stage_two : "");
      cw_text_view_set_text (self->scope_view, organisation->scope);
      cw_text_view_set_text (self->services_view, organisation->services);
    }
  gboolean writable = !cw_workspace_is_read_only (workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.save", writable);
  return self;
}
