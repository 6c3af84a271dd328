/* cw-history-window.c: the change history of one audit, newest first, in a
 * virtualised list (a long audit has thousands of entries). The window is
 * simple enough that it has no class of its own. */
#define G_LOG_DOMAIN "cw-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-history-window.h"
#include "cw-history.h"

static void
setup_entry (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (item, label);
}

static void
bind_entry (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)),
                        gtk_string_object_get_string (line));
}

GtkWindow *
cw_history_window_new (GtkWindow *parent, CwWorkspace *workspace, CwAudit *audit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries
    = cw_workspace_list_audit_history (workspace, cw_audit_get_id (audit), &error);
  g_autoptr (GtkStringList) lines = gtk_string_list_new (NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CwHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *what = cw_history_entry_describe (entry);
      g_autofree char *when = g_strndup (entry->at, 16);
      g_strdelimit (when, "T", ' ');
      g_autofree char *line = g_markup_printf_escaped (
        "<span size='small' alpha='70%%'>%s UTC · %s</span>\n%s", when, entry->who, what);
      gtk_string_list_append (lines, line);
    }
  if (entries == NULL)
    gtk_string_list_append (lines, error->message);

  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry), NULL);
  GtkWidget *list = gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (lines)))), factory);
  gtk_widget_add_css_class (list, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change history"), -1);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);

  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Audit History"), cw_audit_get_title (audit));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);

  GtkWidget *window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  gtk_window_set_title (GTK_WINDOW (window), _("Audit History"));
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}
