/* cw-ui-test-util.h: what the window tests share: waiting on the main loop
 * (never on the clock), screenshots, and a window on a workspace. */
#pragma once

#include <gtk/gtk.h>

#include "cw-application.h"
#include "cw-window.h"

G_BEGIN_DECLS

typedef gboolean (*CwCondition) (gpointer data);

CwApplication *cw_ui_test_init (int *argc, char ***argv);
void cw_ui_wait_until (CwCondition done, gpointer data);
void cw_ui_wait_for_frames (GtkWidget *widget);
GdkTexture *cw_ui_render (GtkWidget *widget);
void cw_ui_screenshot (GtkWidget *widget, const char *name);
CwWindow *cw_ui_open_window (CwApplication *app, const char *path);
void cw_ui_close_window (CwWindow *window);
GtkWidget *cw_ui_find (GtkWidget *root, GType type);
GtkWidget *cw_ui_find_button (GtkWidget *root, const char *label_prefix);
GtkWindow *cw_ui_find_toplevel (GType type);
void cw_ui_wait_for_toplevel (GType type);
void cw_ui_press_keys (const char *keys);

G_END_DECLS
