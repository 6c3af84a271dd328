/* cw-ui-test-util.c: see cw-ui-test-util.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cw-ui-test-util.h"

static char *data_home;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) listing = g_dir_open (path, 0, NULL);
      const char *name;
      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The data folder of the test's own goes with the test. */
static void
remove_data_home (void)
{
  remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

/* gtk_test_init, libadwaita and a registered application for the test's
 * windows. The tests keep away from the user's data: XDG_DATA_HOME is set
 * before anything asks GLib for the data directory, which it remembers
 * (the desktop's recent files go there). */
CwApplication *
cw_ui_test_init (int *argc, char ***argv)
{
  data_home = g_dir_make_tmp ("clausewise-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  atexit (remove_data_home);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  CwApplication *app = cw_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  return app;
}

static gboolean
give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `done` holds. The cap only stops a broken build
 * from hanging; a passing test never gets near it. */
void
cw_ui_wait_until (CwCondition done, gpointer data)
{
  gboolean expired = FALSE;
  guint cap = g_timeout_add_seconds (10, give_up, &expired);
  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (cap);
  g_assert_true (done (data));
}

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Until the frame clock has ticked twice: the window is mapped and laid out. */
void
cw_ui_wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  cw_ui_wait_until (two_frames, &frames);
  gtk_widget_remove_tick_callback (widget, tick);
}

/* What `widget` shows now, drawn into a texture. */
GdkTexture *
cw_ui_render (GtkWidget *widget)
{
  cw_ui_wait_for_frames (widget);
  /* A widget paintable shows what the widget last rendered. On a slow run
   * (the sanitizer build, a busy machine) a widget just shown may not have
   * been laid out or drawn yet, which gives no node at all: wait for one. */
  g_autoptr (GskRenderNode) node = NULL;
  int width = 0, height = 0;
  gint64 give_up_at = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        {
          g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
          g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        }
      if (node != NULL || g_get_monotonic_time () > give_up_at)
        break;
      for (gint64 end = g_get_monotonic_time () + 50000; g_get_monotonic_time () < end;)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (width, >, 0);
  g_assert_nonnull (node);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves what `widget` shows to $CW_SCREENSHOT_DIR/`name`.png, to look at. */
void
cw_ui_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("CW_SCREENSHOT_DIR");
  if (dir == NULL)
    return;
  g_autoptr (GdkTexture) texture = cw_ui_render (widget);
  g_mkdir_with_parents (dir, 0755);
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

CwWindow *
cw_ui_open_window (CwApplication *app, const char *path)
{
  CwWindow *window = cw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cw_window_open_path (window, path, FALSE));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  return window;
}

/* Closes the window and waits until the workspace it held is let go, so the
 * file can be read again as a new start would read it. */
void
cw_ui_close_window (CwWindow *window)
{
  gpointer workspace = cw_window_get_workspace (window);
  g_object_add_weak_pointer (workspace, &workspace);
  gtk_window_close (GTK_WINDOW (window));
  cw_ui_wait_until (pointer_cleared, &workspace);
}

/* The first widget of `type` under `root`, depth first. */
GtkWidget *
cw_ui_find (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      GtkWidget *found = cw_ui_find (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button shown under `root` whose label starts with
 * `label_prefix`, as a user would look for it. */
GtkWidget *
cw_ui_find_button (GtkWidget *root, const char *label_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child)
          && gtk_button_get_label (GTK_BUTTON (child)) != NULL
          && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (child)), label_prefix))
        return child;
      GtkWidget *found = cw_ui_find_button (child, label_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window of `type` shown, such as a dialog a step opened. */
GtkWindow *
cw_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return cw_ui_find_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

void
cw_ui_wait_for_toplevel (GType type)
{
  cw_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
}

/* Presses `keys` one after another (xdotool's names separated by spaces,
 * e.g. "ctrl+Next" or "A B Return") on whatever has the keyboard, as a user
 * would: the events come through the X server and GTK's own handling of
 * them, shortcuts and focus included. */
void
cw_ui_press_keys (const char *keys)
{
  g_autoptr (GError) error = NULL;
  int status = 0;
  g_auto (GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *head[] = { "xdotool", "key", "--delay", "30", NULL };
  g_strv_builder_addv (builder, head);
  g_strv_builder_addv (builder, (const char **) names);
  g_auto (GStrv) argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}
