/* cw-history-window.c: the change history of one audit, newest first, in a
 * virtualised list (a long audit has thousands of entries). */
#define G_LOG_DOMAIN "cw-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-history-window.h"
#include "cw-history.h"
#include "cw-widgets.h"

struct _CwHistoryWindow
{
  AdwWindow parent_instance;
  AdwWindowTitle *window_title;
  GtkListView *list;
};

G_DEFINE_FINAL_TYPE (CwHistoryWindow, cw_history_window, ADW_TYPE_WINDOW)

static void
cw_history_window_class_init (CwHistoryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-history-window.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwHistoryWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 12, "margin-end", 12,
                NULL);
  gtk_list_item_set_child (item, label);
}

/* Each entry's row is named with its text, without the markup, so that a
 * screen reader reads the entry when it moves through the list. */
static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  const char *markup = gtk_string_object_get_string (gtk_list_item_get_item (item));
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
  g_autofree char *text = NULL;
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (markup);
  g_strdelimit (text, "\n", ' ');
  cw_list_item_set_accessible_label (item, text);
}

static void
cw_history_window_init (CwHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
}

/* One entry as two lines: when and who, then what changed. */
static char *
entry_markup (const CwHistoryEntry *entry)
{
  g_autofree char *what = cw_history_entry_describe (entry);
  g_autofree char *byline = cw_history_entry_byline (entry);
  return g_markup_printf_escaped ("<span size='small' alpha='70%%'>%s</span>\n%s", byline, what);
}

GtkWindow *
cw_history_window_new (GtkWindow *parent, CwWorkspace *workspace, CwAudit *audit)
{
  CwHistoryWindow *self = g_object_new (CW_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (self->window_title, cw_audit_get_title (audit));

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries
    = cw_workspace_list_audit_history (workspace, cw_audit_get_id (audit), &error);
  GtkStringList *lines = gtk_string_list_new (NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      g_autofree char *line = entry_markup (g_ptr_array_index (entries, i));
      gtk_string_list_append (lines, line);
    }
  if (entries == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      gtk_string_list_append (lines, escaped);
    }
  g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (lines));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  return GTK_WINDOW (self);
}
