/* cw-application.c: starts Clausewise on the default workspace or on the
 * files it is given, one window a workspace. */
#define G_LOG_DOMAIN "cw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-application.h"
#include "cw-window.h"

struct _CwApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CwApplication, cw_application, ADW_TYPE_APPLICATION)

/* $XDG_DATA_HOME/clausewise/default.clausewise */
char *
cw_application_default_workspace_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clausewise", "default" CW_WORKSPACE_EXTENSION,
                           NULL);
}

static void
cw_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autofree char *path = cw_application_default_workspace_path ();
      window = GTK_WINDOW (cw_window_new (CW_APPLICATION (app)));
      cw_window_open_path (CW_WINDOW (window), path, TRUE);
    }
  gtk_window_present (window);
}

static void
cw_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      CwWindow *window = cw_window_new (CW_APPLICATION (app));
      if (path != NULL)
        cw_window_open_path (window, path, FALSE);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
cw_application_class_init (CwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  app_class->activate = cw_application_activate;
  app_class->open = cw_application_open;
}

static void
cw_application_init (CwApplication *self)
{
}

CwApplication *
cw_application_new (void)
{
  return g_object_new (CW_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PREFIX, NULL);
}
