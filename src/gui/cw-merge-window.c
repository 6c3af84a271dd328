/* cw-merge-window.c: the merge view (see cw-merge-window.h).
 *
 * On the left the open conflicts; on the right the one chosen, each field
 * both sides changed shown with this workspace's value, the other side's
 * and, when known, what both had before; the lead picks one side per field
 * and applies. The choice and who made it go into the history (the core's
 * cw_workspace_resolve_conflict); the record stays as it is here until
 * then. */
#define G_LOG_DOMAIN "cw-merge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-exchange.h"
#include "cw-merge-window.h"
#include "cw-widgets.h"

struct _CwMergeWindow
{
  AdwWindow parent_instance;

  CwWorkspace *workspace;
  GPtrArray *conflicts;  /* CwConflict *, the open ones */
  CwConflict *current;   /* borrowed from `conflicts` */
  GPtrArray *choices;    /* GtkCheckButton * "take theirs", one a differing field */

  AdwWindowTitle *window_title;
  AdwToastOverlay *toasts;
  GtkStack *stack;
  GtkListBox *list;
  GtkBox *detail;
};

G_DEFINE_FINAL_TYPE (CwMergeWindow, cw_merge_window, ADW_TYPE_WINDOW)

#define FIELD_KEY "cw-field"

/* "answered-at" → "Answered at" */
static char *
field_title (const char *name)
{
  char *title = g_strdelimit (g_strdup (name), "-", ' ');
  title[0] = g_ascii_toupper (title[0]);
  return title;
}

static GtkWidget *
value_label (const char *text, const char *fallback)
{
  GtkWidget *label = gtk_label_new (text && *text ? text : fallback);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (!(text && *text))
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
clear_detail (CwMergeWindow *self)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail))) != NULL)
    gtk_box_remove (self->detail, child);
  g_ptr_array_set_size (self->choices, 0);
}

static void
show_conflict (CwMergeWindow *self, CwConflict *conflict)
{
  /* A focused radio button is about to go: focus must not follow it. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  clear_detail (self);
  self->current = conflict;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", conflict != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.keep-ours", conflict != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.take-theirs", conflict != NULL);
  if (conflict == NULL)
    return;

  GtkWidget *heading = gtk_label_new (conflict->label);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_box_append (self->detail, heading);
  /* "2026-11-29T19:34:43.528Z" → "2026-11-29 19:34" */
  g_autofree char *when = g_strndup (conflict->raised_at, 16);
  g_strdelimit (when, "T", ' ');
  g_autofree char *from = g_strdup_printf (_("From %s, imported %s"), conflict->source, when);
  GtkWidget *source = value_label (from, NULL);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_box_append (self->detail, source);

  for (guint i = 0; i < conflict->fields->len; i++)
    {
      CwConflictField *field = g_ptr_array_index (conflict->fields, i);
      if (!field->differs)
        continue;
      g_autofree char *title = field_title (field->name);
      GtkWidget *group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      if (field->has_base)
        {
          g_autofree char *before = g_strdup_printf (_("Before: %s"), field->base && *field->base
                                                                          ? field->base
                                                                          : _("(empty)"));
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), before);
        }
      GtkWidget *ours = gtk_check_button_new_with_label (_("Keep this workspace's"));
      GtkWidget *theirs = gtk_check_button_new_with_label (_("Take the imported"));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (ours));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (ours), TRUE);
      g_autofree char *ours_name = g_strdup_printf (_("Keep this workspace's %s"), title);
      g_autofree char *theirs_name = g_strdup_printf (_("Take the imported %s"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (ours), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ours_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (theirs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      theirs_name, -1);
      g_object_set_data_full (G_OBJECT (theirs), FIELD_KEY, g_strdup (field->name), g_free);
      g_ptr_array_add (self->choices, theirs);

      GtkWidget *grid = gtk_grid_new ();
      gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_grid_attach (GTK_GRID (grid), ours, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), theirs, 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (field->ours, _("(empty)")), 0, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (field->theirs, _("(empty)")), 1, 1, 1, 1);
      gtk_widget_add_css_class (grid, "card");
      gtk_widget_set_margin_top (grid, 6);
      for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
        {
          gtk_widget_set_margin_start (c, 12);
          gtk_widget_set_margin_end (c, 12);
          gtk_widget_set_margin_top (c, 6);
          gtk_widget_set_margin_bottom (c, 6);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
      gtk_box_append (self->detail, group);
    }
}

static void
refresh (CwMergeWindow *self, gint64 select_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = cw_workspace_list_conflicts (self->workspace, FALSE, &error);
  if (conflicts == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Read the Conflicts"), error);
      return;
    }
  self->current = NULL;
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  cw_list_box_remove_all (self->list);
  GtkListBoxRow *selected = NULL;
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (self->conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), conflict->source);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      cw_object_set_id (row, "conflict", conflict->id);
      gtk_list_box_append (self->list, row);
      if (selected == NULL || conflict->id == select_id)
        selected = GTK_LIST_BOX_ROW (row);
    }
  guint n = self->conflicts->len;
  g_autofree char *subtitle
    = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to settle", "%u to settle", n), n);
  adw_window_title_set_subtitle (self->window_title, n ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, n ? "conflicts" : "empty");
  if (selected != NULL)
    gtk_list_box_select_row (self->list, selected);
  else
    show_conflict (self, NULL);
}

static void
on_row_selected (CwMergeWindow *self, GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gint64 id = cw_object_get_id (row, "conflict");
  for (guint i = 0; self->conflicts && i < self->conflicts->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (self->conflicts, i);
      if (conflict->id == id)
        show_conflict (self, conflict);
    }
}

static void
settle (CwMergeWindow *self, const char *const *take)
{
  if (self->current == NULL)
    return;
  g_autoptr (GError) error = NULL;
  gint64 id = self->current->id;
  g_autofree char *label = g_strdup (self->current->label);
  if (!cw_workspace_resolve_conflict (self->workspace, id, take, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Settle the Conflict"), error);
      refresh (self, id);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("%s settled"), label);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  refresh (self, 0);
}

static void
apply_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwMergeWindow *self = CW_MERGE_WINDOW (widget);
  g_autoptr (GPtrArray) take = g_ptr_array_new ();
  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkCheckButton *theirs = g_ptr_array_index (self->choices, i);
      if (gtk_check_button_get_active (theirs))
        g_ptr_array_add (take, g_object_get_data (G_OBJECT (theirs), FIELD_KEY));
    }
  g_ptr_array_add (take, NULL);
  settle (self, (const char *const *) take->pdata);
}

static void
keep_ours_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  settle (CW_MERGE_WINDOW (widget), NULL);
}

static void
take_theirs_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  settle (CW_MERGE_WINDOW (widget), (const char *const[]) { "*", NULL });
}

static void
cw_merge_window_dispose (GObject *object)
{
  CwMergeWindow *self = CW_MERGE_WINDOW (object);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_MERGE_WINDOW);
  G_OBJECT_CLASS (cw_merge_window_parent_class)->dispose (object);
}

static void
cw_merge_window_class_init (CwMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_merge_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clausewise/Clausewise/ui/"
                                               "cw-merge-window.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwMergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwMergeWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CwMergeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CwMergeWindow, list);
  gtk_widget_class_bind_template_child (widget_class, CwMergeWindow, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "merge.keep-ours", NULL, keep_ours_action);
  gtk_widget_class_install_action (widget_class, "merge.take-theirs", NULL, take_theirs_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_merge_window_init (CwMergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_ptr_array_new ();
}

CwMergeWindow *
cw_merge_window_new (GtkWindow *parent, CwWorkspace *workspace)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  CwMergeWindow *self = g_object_new (CW_TYPE_MERGE_WINDOW, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  refresh (self, 0);
  return self;
}

guint
cw_merge_window_get_n_conflicts (CwMergeWindow *self)
{
  g_return_val_if_fail (CW_IS_MERGE_WINDOW (self), 0);
  return self->conflicts ? self->conflicts->len : 0;
}

/* Picks a side for one field of the conflict shown, as a click would. */
gboolean
cw_merge_window_choose (CwMergeWindow *self, const char *field, gboolean theirs)
{
  g_return_val_if_fail (CW_IS_MERGE_WINDOW (self), FALSE);
  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->choices, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), FIELD_KEY), field) != 0)
        continue;
      if (theirs)
        gtk_check_button_set_active (button, TRUE);
      else
        gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_prev_sibling (
                                       GTK_WIDGET (button))),
                                     TRUE);
      return TRUE;
    }
  return FALSE;
}
