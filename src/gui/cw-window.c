/* cw-window.c: the main window. */
#define G_LOG_DOMAIN "cw-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-window.h"

struct _CwWindow
{
  AdwApplicationWindow parent_instance;
  CwWorkspace *workspace;
  AdwWindowTitle *title;
  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (CwWindow, cw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);
  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, status);
}

static void
cw_window_init (CwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CwWindow *
cw_window_new (CwApplication *app)
{
  return g_object_new (CW_TYPE_WINDOW, "application", app, NULL);
}

CwWorkspace *
cw_window_get_workspace (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return self->workspace;
}

static void
show_error (CwWindow *self, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open Workspace"),
                                              error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cw_window_open_path (CwWindow *self, const char *path, gboolean create)
{
  g_return_if_fail (CW_IS_WINDOW (self));

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = NULL;
  if (create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0700);
      workspace = cw_workspace_create (path, NULL, &error);
    }
  else
    workspace = cw_workspace_open (path, &error);
  if (workspace == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->workspace, workspace);
  g_autofree char *name = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->title, name);
}
