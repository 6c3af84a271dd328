/* cw-application.c: starts Clausewise on the default workspace or on the
 * files it is given, one window a workspace; owns the settings, the recent
 * workspaces and the app-wide actions. */
#define G_LOG_DOMAIN "cw-application"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-application.h"
#include "cw-draft.h"
#include "cw-preferences.h"
#include "cw-widgets.h"
#include "cw-window.h"

#define MAX_RECENT 10

struct _CwApplication
{
  AdwApplication parent_instance;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CwApplication, cw_application, ADW_TYPE_APPLICATION)

enum
{
  RECENT_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* $XDG_DATA_HOME/clausewise/default.clausewise */
char *
cw_application_default_workspace_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clausewise", "default" CW_WORKSPACE_EXTENSION,
                           NULL);
}

GSettings *
cw_application_get_settings (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The name recorded in the change history: the preference, else NULL for the
 * core's default (the account's real name). */
char *
cw_application_dup_auditor_name (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);
  g_autofree char *name = g_settings_get_string (self->settings, "auditor-name");
  g_strstrip (name);
  return *name ? g_steal_pointer (&name) : NULL;
}

GStrv
cw_application_dup_recent_workspaces (CwApplication *self)
{
  g_return_val_if_fail (CW_IS_APPLICATION (self), NULL);
  return g_settings_get_strv (self->settings, "recent-workspaces");
}

void
cw_application_remember_workspace (CwApplication *self, const char *path)
{
  g_return_if_fail (CW_IS_APPLICATION (self));
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0, n = 1; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  g_auto (GStrv) recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char *const *) recent);
  g_signal_emit (self, signals[RECENT_CHANGED], 0);

  /* The desktop's recent files too (the file chooser's Recent, GNOME
   * Shell's search), as a workspace that Clausewise opens. */
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return;
  GtkRecentData data = {
    .mime_type = (char *) "application/x-clausewise-workspace",
    .app_name = (char *) "Clausewise",
    .app_exec = (char *) "clausewise %f",
  };
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* A workspace already open in a window is brought forward rather than
 * opened twice. */
static CwWindow *
find_window (CwApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!CW_IS_WINDOW (l->data))
        continue;
      CwWorkspace *workspace = cw_window_get_workspace (l->data);
      if (workspace != NULL && g_str_equal (cw_workspace_get_path (workspace), path))
        return l->data;
    }
  return NULL;
}

/* For the start-up benchmark (tests/bench): with CLAUSEWISE_QUIT_AFTER_FIRST_FRAME
 * set, the app prints the monotonic time at which its first window finished
 * painting a frame, then quits; the benchmark compares it with the moment it
 * started the process. */
static void
quit_after_paint (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, quit_after_paint, app);
  g_print ("first-frame %" PRId64 "\n", g_get_monotonic_time ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
on_first_map (GtkWidget *window, GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (quit_after_paint), app);
}

static void
watch_first_frame (GApplication *app, GtkWindow *window)
{
  if (g_getenv ("CLAUSEWISE_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_first_map), app);
}

static void
cw_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autofree char *path = cw_application_default_workspace_path ();
      window = GTK_WINDOW (cw_window_new (CW_APPLICATION (app)));
      watch_first_frame (app, window);
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
      CwWindow *window = path ? find_window (CW_APPLICATION (app), path) : NULL;
      if (window == NULL)
        {
          window = cw_window_new (CW_APPLICATION (app));
          watch_first_frame (app, GTK_WINDOW (window));
          /* Filled before it is shown: one layout, not two. */
          if (path != NULL)
            cw_window_open_path (window, path, FALSE);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  static const char *developers[] = { "The Clausewise developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  GtkWidget *about = g_object_new (
    ADW_TYPE_ABOUT_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, "transient-for", parent, "application-name", _("Clausewise"),
    "application-icon", APP_ID, "developer-name", _("The Clausewise developers"), "version",
    PACKAGE_VERSION, "developers", developers, "license-type", GTK_LICENSE_GPL_3_0, "comments",
    _("Internal audits, findings and certification readiness for ISO/IEC 20000-1:2018. Clause "
      "numbers and titles are those of the standard; every question and guidance text is "
      "Clausewise's own."),
    NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  CwApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (cw_preferences_new (parent, self->settings)));
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (data)); l;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
cw_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (cw_application_parent_class)->startup (app);
  cw_accessible_names_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  static const char *quit[] = { "<Control>q", NULL };
  static const char *preferences[] = { "<Control>comma", NULL };
  static const char *close[] = { "<Control>w", NULL };
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close);
}

static void
cw_application_finalize (GObject *object)
{
  g_clear_object (&CW_APPLICATION (object)->settings);
  G_OBJECT_CLASS (cw_application_parent_class)->finalize (object);
}

static void
cw_application_class_init (CwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  G_OBJECT_CLASS (klass)->finalize = cw_application_finalize;
  app_class->activate = cw_application_activate;
  app_class->open = cw_application_open;
  app_class->startup = cw_application_startup;
  signals[RECENT_CHANGED] = g_signal_new ("recent-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
apply_autosave_pause (CwApplication *self)
{
  cw_draft_set_pause (g_settings_get_uint (self->settings, "autosave-pause"));
}

static void
cw_application_init (CwApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  apply_autosave_pause (self);
  g_signal_connect_object (self->settings, "changed::autosave-pause",
                           G_CALLBACK (apply_autosave_pause), self, G_CONNECT_SWAPPED);
}

CwApplication *
cw_application_new (void)
{
  return g_object_new (CW_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PREFIX, NULL);
}
