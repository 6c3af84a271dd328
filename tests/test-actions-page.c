/* test-actions-page.c: the corrective action editor saves each field as it
 * is typed, into the action it was loaded from: after a pause, on Enter, on
 * leaving the field, on showing another action and on closing the window.
 * Showing an action writes nothing. A refused field says so on its row while
 * it is being typed, and in a dialog once it is left. Long texts are
 * multi-line fields; an improvement's editor has no root cause; the
 * register's badge says which step is overdue. */
#include "config.h"

#include <adwaita.h>

#include "cw-action.h"
#include "cw-actions-page.h"
#include "cw-application.h"
#include "cw-date.h"
#include "cw-history.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static GtkWidget *
show_action (CwWindow *window, gint64 id)
{
  cw_window_show_action (window, id);
  GtkWidget *page = cw_window_get_actions_page (window);
  g_assert_cmpint (cw_actions_page_get_action_id (CW_ACTIONS_PAGE (page)), ==, id);
  return page;
}

/* A field of the editor by its title: an entry row, or a multi-line text
 * view. */
static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((ADW_IS_ENTRY_ROW (child)
           && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
          || (GTK_IS_TEXT_VIEW (child)
              && g_strcmp0 (g_object_get_data (G_OBJECT (child), "title"), title) == 0))
        return child;
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Puts the focus in a row and types into it, as a user would. */
static GtkWidget *
type_into (GtkWidget *page, const char *title, const char *text)
{
  GtkWidget *row = find_row (page, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  if (GTK_IS_TEXT_VIEW (row))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static guint
count_dialogs (void)
{
  guint n = 0;
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

/* ---- The workspace, through the core ------------------------------------ */

typedef struct
{
  char *dir;
  char *path;
  gint64 first;
  gint64 second;      /* has an owner */
  gint64 improvement; /* from another source, an improvement */
  gint64 late;        /* open past its due date */
  gint64 unchecked;   /* implemented, its check date passed */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cw_test_make_dir ();
  f->path = cw_test_path (f->dir, "actions.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (f->path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  CwActionDraft first = { .source = CW_ACTION_SOURCE_INCIDENT,
                          .title = "Restore the nightly backup check" };
  f->first = cw_workspace_create_action (workspace, &first, &error);
  g_assert_no_error (error);
  CwActionDraft second = { .source = CW_ACTION_SOURCE_COMPLAINT,
                           .title = "Answer complaints within five days",
                           .owner = "Ann Lee" };
  f->second = cw_workspace_create_action (workspace, &second, &error);
  g_assert_no_error (error);
  CwActionKind improvement = CW_ACTION_KIND_IMPROVEMENT;
  CwActionDraft better = { .source = CW_ACTION_SOURCE_OTHER, .title = "Show ages in the register",
                           .kind = &improvement };
  f->improvement = cw_workspace_create_action (workspace, &better, &error);
  g_assert_no_error (error);
  CwActionDraft late = { .source = CW_ACTION_SOURCE_INCIDENT, .title = "Test the restore",
                         .owner = "Ann Lee", .due = "2020-01-01" };
  f->late = cw_workspace_create_action (workspace, &late, &error);
  g_assert_no_error (error);
  CwActionDraft unchecked = { .source = CW_ACTION_SOURCE_INCIDENT, .title = "Patch the VPN",
                              .owner = "Ann Lee", .due = "2099-01-01" };
  f->unchecked = cw_workspace_create_action (workspace, &unchecked, &error);
  g_assert_no_error (error);
  CwActionChanges planning = { .correction = "Blocked the old client",
                               .consequences = "No data left the network",
                               .root_cause = "Patching was manual",
                               .similar = "Other gateways checked: patched",
                               .plan = "Automate patching",
                               .check_due = "2020-06-01" };
  g_assert_true (cw_workspace_update_action (workspace, f->unchecked, &planning, &error));
  GDate today;
  cw_date_local_today (&today);
  g_assert_true (cw_workspace_move_action (workspace, f->unchecked, CW_ACTION_MOVE_PLANNED, &today,
                                           &error));
  g_assert_true (cw_workspace_move_action (workspace, f->unchecked, CW_ACTION_MOVE_IMPLEMENTED,
                                           &today, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->dir);
}

static CwAction *
get_action (CwWorkspace *workspace, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CwAction *action = cw_workspace_get_action (workspace, id, &error);
  g_assert_no_error (error);
  return action;
}

static guint
count_history (CwWorkspace *workspace, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = cw_workspace_list_action_history (workspace, id, &error);
  g_assert_no_error (error);
  return entries->len;
}

static CwWorkspace *
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  return workspace;
}

typedef struct
{
  CwWorkspace *workspace;
  gint64 id;
  const char *description;
} Expected;

static gboolean
description_is_stored (gpointer data)
{
  Expected *expected = data;
  g_autoptr (CwAction) action = get_action (expected->workspace, expected->id);
  return g_strcmp0 (cw_action_get_description (action), expected->description) == 0;
}

static gboolean
row_is_refused (gpointer row)
{
  return gtk_widget_has_css_class (row, "error");
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
window_inactive (gpointer window)
{
  return !gtk_window_is_active (window);
}

/* ---- Tests -------------------------------------------------------------- */

/* Typed, then tabbed away from: saved without Enter. */
static void
test_saves_on_focus_out (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GtkWidget *page = show_action (window, f->first);
  type_into (page, "Owner", "Tomasz Brennan");
  type_into (page, "Why? (1)", "The check was switched off during the migration");
  g_autoptr (CwAction) action = get_action (workspace, f->first);
  g_assert_cmpstr (cw_action_get_owner (action), ==, "Tomasz Brennan");

  /* From one why to the next: the chain so far is saved. */
  type_into (page, "Why? (2)", "Nobody owned the check after the migration");
  g_clear_object (&action);
  action = get_action (workspace, f->first);
  g_assert_cmpstr (cw_action_get_root_cause (action), ==,
                   "The check was switched off during the migration");
  cw_ui_close_window (window);

  /* Closing the window saves the field being typed into. */
  g_autoptr (CwWorkspace) after = reopen (f);
  g_autoptr (CwAction) closed = get_action (after, f->first);
  g_assert_cmpstr (cw_action_get_root_cause (closed), ==,
                   "The check was switched off during the migration\n"
                   "Nobody owned the check after the migration");
}

/* A pause in typing saves, with the focus still in the field. */
static void
test_saves_after_pause (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  GtkWidget *page = show_action (window, f->first);
  type_into (page, "Description", "Backups ran unchecked for 12 nights");
  Expected expected = { cw_window_get_workspace (window), f->first,
                        "Backups ran unchecked for 12 nights" };
  cw_ui_wait_until (description_is_stored, &expected);
  cw_ui_close_window (window);
}

/* Text typed for one action never reaches another, and showing an action
 * writes nothing. */
static void
test_text_goes_to_its_action (Fixture *f, gconstpointer data)
{
  g_autoptr (CwWorkspace) before = reopen (f);
  guint history_first = count_history (before, f->first);
  guint history_second = count_history (before, f->second);
  g_clear_object (&before);

  CwWindow *window = cw_ui_open_window (app, f->path);
  GtkWidget *page = show_action (window, f->first);
  GtkWidget *owner = find_row (page, "Owner");
  gtk_editable_set_text (GTK_EDITABLE (owner), "Typed for the first action");
  show_action (window, f->second);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Ann Lee");
  show_action (window, f->first);
  show_action (window, f->second);
  cw_ui_close_window (window);

  g_autoptr (CwWorkspace) after = reopen (f);
  g_autoptr (CwAction) first = get_action (after, f->first);
  g_assert_cmpstr (cw_action_get_owner (first), ==, "Typed for the first action");
  g_autoptr (CwAction) second = get_action (after, f->second);
  g_assert_cmpstr (cw_action_get_owner (second), ==, "Ann Lee");
  g_assert_cmpuint (count_history (after, f->first), ==, history_first + 1);
  g_assert_cmpuint (count_history (after, f->second), ==, history_second);
}

static gboolean
consequences_are_stored (gpointer data)
{
  Expected *expected = data;
  g_autoptr (CwAction) action = get_action (expected->workspace, expected->id);
  return g_strcmp0 (cw_action_get_consequences (action), expected->description) == 0;
}

/* A long text is typed into a multi-line field that shows all of it, and
 * leaving it with Tab saves it to its action, line breaks and all. */
static void
test_multi_line_field (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GtkWidget *page = show_action (window, f->first);
  const char *title = "Consequences of the problem, and how they were dealt with";
  const char *text = "Two customers called about the missing restore.\n"
                     "Both were told the same day; no data was lost.";
  GtkWidget *view = type_into (page, title, text);
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)) != GTK_WRAP_NONE);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));

  /* Tab, as the user presses it: the focus leaves the field. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_has_focus (view));
  Expected expected = { workspace, f->first, text };
  cw_ui_wait_until (consequences_are_stored, &expected);
  g_autoptr (CwAction) other = get_action (workspace, f->second);
  g_assert_cmpstr (cw_action_get_consequences (other), ==, "");

  /* Shown again, the whole text is there. */
  show_action (window, f->second);
  show_action (window, f->first);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_row (page, title)));
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_autofree char *shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, text);
  cw_ui_close_window (window);
}

/* An improvement is planned without a root cause: its editor hides the
 * root cause, the correction and the review of similar cases. */
static void
test_improvement_hides_root_cause (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  GtkWidget *page = show_action (window, f->first);
  g_assert_true (gtk_widget_is_visible (find_row (page, "Why? (1)")));
  show_action (window, f->improvement);
  g_assert_false (gtk_widget_is_visible (find_row (page, "Why? (1)")));
  g_assert_false (gtk_widget_is_visible (
    find_row (page, "Correction: what contained the problem at once, or why nothing was needed")));
  g_assert_true (gtk_widget_is_visible (find_row (page, "Action plan")));
  g_assert_true (gtk_widget_is_visible (find_row (page, "Owner")));
  cw_ui_close_window (window);
}

static GtkWidget *
find_action_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      GtkWidget *found = find_action_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
badge_text (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "result-badge"))
        return gtk_label_get_label (GTK_LABEL (child));
      const char *found = badge_text (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The register's badge says which step is late. */
static void
test_overdue_badge (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  GtkWidget *page = cw_window_get_actions_page (window);
  cw_window_show_action (window, f->first);
  GtkWidget *late = find_action_row (page, "Test the restore");
  GtkWidget *unchecked = find_action_row (page, "Patch the VPN");
  g_assert_nonnull (late);
  g_assert_nonnull (unchecked);
  g_assert_cmpstr (badge_text (late), ==, "Implementation overdue");
  g_assert_cmpstr (badge_text (unchecked), ==, "Verification overdue");
  /* Neither overdue nor due soon: no badge. */
  g_assert_null (badge_text (find_action_row (page, "Show ages in the register")));
  cw_ui_close_window (window);
}

/* A date half typed is refused quietly on the row; leaving it says why,
 * once; the corrected date is saved on Enter. */
static void
test_refusal_on_the_row (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GtkWidget *page = show_action (window, f->first);
  GtkWidget *due = type_into (page, "Due date (YYYY-MM-DD)", "2027-02-3");
  cw_ui_wait_until (row_is_refused, due);
  g_assert_cmpuint (count_dialogs (), ==, 0);
  cw_ui_screenshot (GTK_WIDGET (window), "actions-refused");

  /* Turning to another program saves what it can and tells nothing. */
  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)));
  GtkWidget *other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  cw_ui_wait_until (window_inactive, window);
  g_assert_cmpuint (count_dialogs (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_present (GTK_WINDOW (window));
  cw_ui_wait_until (window_active, window);

  /* Moving on inside the window tells why, once. */
  g_assert_true (gtk_widget_grab_focus (find_row (page, "Owner")));
  g_assert_cmpuint (count_dialogs (), ==, 1);
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2027-02-3"));
  gtk_window_close (GTK_WINDOW (dialog));

  type_into (page, "Due date (YYYY-MM-DD)", "2027-02-28");
  g_signal_emit_by_name (due, "entry-activated");
  g_assert_false (row_is_refused (due));
  g_autoptr (CwAction) action = get_action (workspace, f->first);
  g_assert_cmpstr (cw_action_get_due (action), ==, "2027-02-28");
  g_assert_cmpuint (count_dialogs (), ==, 0);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);

  g_test_add ("/ui/actions-page/saves-on-focus-out", Fixture, NULL, fixture_set_up,
              test_saves_on_focus_out, fixture_tear_down);
  g_test_add ("/ui/actions-page/saves-after-pause", Fixture, NULL, fixture_set_up,
              test_saves_after_pause, fixture_tear_down);
  g_test_add ("/ui/actions-page/text-goes-to-its-action", Fixture, NULL, fixture_set_up,
              test_text_goes_to_its_action, fixture_tear_down);
  g_test_add ("/ui/actions-page/refusal-on-the-row", Fixture, NULL, fixture_set_up,
              test_refusal_on_the_row, fixture_tear_down);
  g_test_add ("/ui/actions-page/multi-line-field", Fixture, NULL, fixture_set_up,
              test_multi_line_field, fixture_tear_down);
  g_test_add ("/ui/actions-page/improvement-hides-root-cause", Fixture, NULL, fixture_set_up,
              test_improvement_hides_root_cause, fixture_tear_down);
  g_test_add ("/ui/actions-page/overdue-badge", Fixture, NULL, fixture_set_up,
              test_overdue_badge, fixture_tear_down);
  return g_test_run ();
}
