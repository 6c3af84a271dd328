/* cw-widgets.h: small helpers every view shares. */
#pragma once

#include <gtk/gtk.h>

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

char *cw_text_view_dup_text (GtkTextView *view);
void cw_text_view_set_text (GtkTextView *view, const char *text);
void cw_list_box_remove_all (GtkListBox *box);
void cw_object_set_id (gpointer object, const char *key, gint64 id);
gint64 cw_object_get_id (gpointer object, const char *key);
const char *cw_result_css_class (CwResult result);
void cw_show_error (GtkWidget *inside, const char *heading, const GError *error);
gboolean cw_toast (GtkWidget *inside, const char *message);
gboolean cw_add_toast (GtkWidget *inside, gpointer toast);
void cw_accessible_names_init (void);
void cw_window_focus_when_shown (GtkWindow *window, GtkWidget *widget);
void cw_list_item_set_accessible_label (GtkListItem *item, const char *label);
GtkWidget *cw_decorative_icon (const char *icon_name);
GtkWidget *cw_wrapped_label (const char *text, const char *css_class);
CwWorkspace *cw_dup_window_workspace (GtkWidget *window);
void cw_expander_row_report_state (GtkWidget *row);
void cw_ask_discard (GtkWindow *window, const char *heading, const char *body, gboolean *closing);

G_END_DECLS
