/* cw-widgets.c: small helpers every view shares. */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cw-widgets.h"

char *
cw_text_view_dup_text (GtkTextView *view)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cw_text_view_set_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* GTK 4.8 has no gtk_list_box_remove_all (4.12). */
void
cw_list_box_remove_all (GtkListBox *box)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

/* Record ids ride on rows and buttons whole: a gint64 does not fit in a
 * pointer-sized int everywhere, and a truncated id names another record. */
void
cw_object_set_id (gpointer object, const char *key, gint64 id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

gint64
cw_object_get_id (gpointer object, const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);
  return id ? *id : 0;
}

/* The style class that colours a result (and a finding's grade) in
 * style.css, the same in the checklist, its badges and the findings list. */
const char *
cw_result_css_class (CwResult result)
{
  static const char *const classes[] = {
    [CW_RESULT_NOT_ASSESSED] = "result-not-assessed", [CW_RESULT_NOT_APPLICABLE] = "result-na",
    [CW_RESULT_CONFORMING] = "result-conforming",    [CW_RESULT_OFI] = "result-ofi",
    [CW_RESULT_OBSERVATION] = "result-observation",  [CW_RESULT_MINOR] = "result-minor",
    [CW_RESULT_MAJOR] = "result-major",
  };
  return classes[result];
}

static gboolean
close_later (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, GtkWindow *window)
{
  if (!g_str_equal (response, "discard"))
    return;
  *(gboolean *) g_object_get_data (G_OBJECT (dialog), "closing") = TRUE;
  /* Not while the question, which belongs to the window, is answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (window), g_object_unref);
}

/* Asks before a dialog holding unsaved typing closes: Keep Editing, or
 * Discard, which sets `*closing` (a member of `window`, which its close
 * request then lets through) and closes it. */
void
cw_ask_discard (GtkWindow *window, const char *heading, const char *body, gboolean *closing)
{
  GtkWidget *dialog = adw_message_dialog_new (window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "closing", closing);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows an error over the window that holds `inside` (any widget in it). */
void
cw_show_error (GtkWidget *inside, const char *heading, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (inside);
  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows `toast` (taking it) in the toast overlay that holds `inside`, or,
 * from a dialog, in its parent window's; FALSE (and the toast dropped) when
 * there is none. Pages tell the user through this, never through the
 * window's code. */
gboolean
cw_add_toast (GtkWidget *inside, gpointer toast)
{
  g_autoptr (AdwToast) owned = toast;
  GtkWidget *overlay = gtk_widget_get_ancestor (inside, ADW_TYPE_TOAST_OVERLAY);
  /* A window's own actions toast in the overlay the window holds. */
  if (overlay == NULL && GTK_IS_WINDOW (inside))
    overlay = (GtkWidget *) find_overlay (inside);
  if (overlay == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (inside);
      GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root))
                                               : NULL;
      overlay = parent ? GTK_WIDGET (find_overlay (GTK_WIDGET (parent))) : NULL;
    }
  if (overlay == NULL)
    return FALSE;
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
  return TRUE;
}

gboolean
cw_toast (GtkWidget *inside, const char *message)
{
  return cw_add_toast (inside, adw_toast_new (message));
}

/* ---- Accessible names that GTK 4.8 gets wrong ----------------------------- */

/* GTK 4.8 names a button that has a text label twice: gtk_button_set_label()
 * stores the raw text, mnemonic underscore included, as the button's
 * accessible label, and the GtkLabel child, when it has a mnemonic, marks
 * the button as labelled by itself, whose name is the same text without
 * the underscore. AT-SPI joins
 * the two: "_Save Save". With the stored label gone the child names the
 * button once. GTK 4.10 no longer does this. */
static void
name_button_once (GtkButton *button)
{
  /* Only a label with a mnemonic names the button through the relation. */
  if (gtk_button_get_label (button) != NULL && gtk_button_get_use_underline (button)
      && GTK_IS_LABEL (gtk_button_get_child (button)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_button_label (GtkButton *button, GParamSpec *pspec, gpointer data)
{
  name_button_once (button);
}

/* The menu a menu button opens is named after the button's tooltip, the
 * words the user saw; GTK 4.8 leaves a GtkPopoverMenu unnamed, and AT-SPI
 * then reads its type name. */
static void
name_menu (GtkPopoverMenu *popover)
{
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (popover));
  const char *tooltip = button != NULL ? gtk_widget_get_tooltip_text (button) : NULL;
  if (GTK_IS_MENU_BUTTON (button) && tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip, -1);
}

/* libadwaita 1.2 leaves pictures with nothing to say in the accessible tree,
 * where they read as "GtkImage": a combo row's drop-down arrow, the pencil
 * that marks an entry row as editable, an expander row's arrow. */
static void
hide_images (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      {
        /* Showing the picture again clears the hidden state; the empty
         * name stays and keeps the type name out. */
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                        -1);
      }
    else
      hide_images (child);
}

static gboolean
on_map (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GObject *widget = g_value_get_object (&values[0]);
  static GQuark seen;
  if (seen == 0)
    seen = g_quark_from_static_string ("cw-accessible-names");

  if (GTK_IS_BUTTON (widget))
    {
      name_button_once (GTK_BUTTON (widget));
      if (g_object_get_qdata (widget, seen) == NULL)
        {
          g_object_set_qdata (widget, seen, GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label), NULL);
        }
    }
  else if (GTK_IS_POPOVER_MENU (widget))
    name_menu (GTK_POPOVER_MENU (widget));
  else if (ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget) || ADW_IS_EXPANDER_ROW (widget))
    hide_images (GTK_WIDGET (widget));
  return TRUE;
}

/* Installs the corrections above for every widget the process maps, ours
 * and those GTK and libadwaita build themselves (dialog buttons, the file
 * chooser). Call once, after gtk_init(). */
void
cw_accessible_names_init (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      /* The signal exists once the class does; the class lives as long as
       * the process. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL,
                                  NULL);
      g_once_init_leave (&done, 1);
    }
}

/* GTK 4.8 has no accessible label on a GtkListItem (4.12 has): the row that
 * a list view shows for an item, the parent of the item's child, is what
 * AT-SPI lists as the list item, and it would have no name. */
void
cw_list_item_set_accessible_label (GtkListItem *item, const char *label)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *row = child != NULL ? gtk_widget_get_parent (child) : NULL;
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
focus_on_map (GtkWidget *window, GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (window, focus_on_map, widget);
  gtk_widget_grab_focus (widget);
}

/* Gives `widget` the focus when its window is shown. A window that is given
 * a focus before it is shown is exposed by GTK 4.8 with the role of a plain
 * widget, not as the dialog or window it is. */
void
cw_window_focus_when_shown (GtkWindow *window, GtkWidget *widget)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    gtk_widget_grab_focus (widget);
  else
    g_signal_connect_object (window, "map", G_CALLBACK (focus_on_map), widget, G_CONNECT_AFTER);
}

/* An icon that only decorates (a row's arrow, a plus): seen, not read. */
GtkWidget *
cw_decorative_icon (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return image;
}

static void
report_expanded (AdwExpanderRow *row)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED,
                               adw_expander_row_get_expanded (row), -1);
}

/* Tells assistive technology whether the expander row is open, now and as
 * it changes: libadwaita 1.2 does not. */
void
cw_expander_row_report_state (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));
  report_expanded (ADW_EXPANDER_ROW (row));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (report_expanded), NULL);
}

/* A label that wraps at words (and inside long ids), left-aligned, with
 * an optional style class: the body text of the case library and the
 * debrief. */
GtkWidget *
cw_wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The workspace `window` shows (its "workspace" property): a new
 * reference, or NULL. For window actions kept outside the window's own
 * file. */
CwWorkspace *
cw_dup_window_workspace (GtkWidget *window)
{
  CwWorkspace *workspace = NULL;
  g_object_get (window, "workspace", &workspace, NULL);
  return workspace;
}
