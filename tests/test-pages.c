/* test-pages.c: the contract every page of the window keeps (cw-page.c).
 * A page shows the window's workspace, whichever is opened; a change made
 * elsewhere (another page, a dialog, the core) marks it stale, and it shows
 * the change when it is next shown, without being refreshed by the window;
 * the window's title follows the organisation's name; typed text is saved
 * after the pause the settings give. */
#include "config.h"

#include <adwaita.h>

#include "cw-action.h"
#include "cw-actions-page.h"
#include "cw-application.h"
#include "cw-audit.h"
#include "cw-draft.h"
#include "cw-finding.h"
#include "cw-findings-page.h"
#include "cw-page.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

/* Whether a row titled `title` shows under `root`. */
static gboolean
shows_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return TRUE;
      if (shows_row (child, title))
        return TRUE;
    }
  return FALSE;
}

static void
show_page (CwWindow *window, const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
}

static char *
make_workspace (const char *dir, const char *name, const char *organisation, gint64 *action)
{
  char *path = cw_test_path (dir, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, organisation, &error);
  g_assert_no_error (error);
  CwActionDraft draft = {
    .source = CW_ACTION_SOURCE_COMPLAINT,
    .title = "Answer the complaint about slow restores",
  };
  *action = cw_workspace_create_action (workspace, &draft, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_stale_until_shown (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 action;
  g_autofree char *path = make_workspace (dir, "a.clausewise", "Example Services Ltd", &action);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);

  show_page (window, "actions");
  GtkWidget *actions = cw_window_get_actions_page (window);
  g_assert_true (shows_row (actions, "Answer the complaint about slow restores"));
  g_assert_false (cw_page_is_stale (CW_PAGE (actions)));
  show_page (window, "findings");

  /* Changed while another page shows: the actions page only notes it. */
  g_autoptr (GError) error = NULL;
  CwActionChanges changes = { .title = "Restore tests every month" };
  g_assert_true (cw_workspace_update_action (workspace, action, &changes, &error));
  g_assert_no_error (error);
  g_assert_true (cw_page_is_stale (CW_PAGE (actions)));
  g_assert_true (shows_row (actions, "Answer the complaint about slow restores"));

  /* Shown again: it reads the change, without the window's help. */
  show_page (window, "actions");
  g_assert_false (cw_page_is_stale (CW_PAGE (actions)));
  g_assert_true (shows_row (actions, "Restore tests every month"));
  g_assert_false (shows_row (actions, "Answer the complaint about slow restores"));

  /* A change to a kind of record the page does not show leaves it as it is. */
  const char *scope[] = { "8.6.1", NULL };
  CwAuditDraft audit = { .title = "Incidents", .scope = scope };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &audit, &error), >, 0);
  g_assert_false (cw_page_is_stale (CW_PAGE (actions)));

  /* The findings page, hidden, learns of a finding raised meanwhile. */
  GtkWidget *findings = cw_window_get_findings_page (window);
  CwFindingDraft finding = {
    .audit_id = 1,
    .clause = "8.6.1",
    .grade = CW_GRADE_OFI,
    .statement = "Incident categories could follow the service catalogue.",
  };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &finding, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (cw_page_is_stale (CW_PAGE (findings)));
  show_page (window, "findings");
  GtkListView *list = GTK_LIST_VIEW (cw_ui_find (findings, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==,
                    1);
  cw_ui_close_window (window);
}

static void
test_follows_workspace (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 first_action, second_action;
  g_autofree char *first = make_workspace (dir, "a.clausewise", "First Ltd", &first_action);
  g_autofree char *second = make_workspace (dir, "b.clausewise", "Second Ltd", &second_action);
  CwWindow *window = cw_ui_open_window (app, first);
  show_page (window, "actions");
  GtkWidget *actions = cw_window_get_actions_page (window);
  g_assert_true (cw_page_get_workspace (CW_PAGE (actions)) == cw_window_get_workspace (window));

  /* Another workspace opened: every page made so far shows it at once. */
  g_assert_true (cw_window_open_path (window, second, FALSE));
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_assert_true (cw_page_get_workspace (CW_PAGE (actions)) == workspace);
  GtkWidget *audits = cw_window_get_audits_page (window);
  g_assert_true (cw_page_get_workspace (CW_PAGE (audits)) == workspace);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Second Ltd"));

  /* The organisation renamed by anyone: the title follows. */
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_no_error (error);
  g_free (organisation->name);
  organisation->name = g_strdup ("Second Services Ltd");
  g_assert_true (cw_workspace_set_organisation (workspace, organisation, &error));
  g_assert_no_error (error);
  g_assert_true (
    g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Second Services Ltd"));
  cw_ui_close_window (window);
}

/* The pause before typed text is saved follows Preferences' setting. */
static void
test_autosave_pause_setting (void)
{
  GSettings *settings = cw_application_get_settings (app);
  g_assert_cmpuint (cw_draft_get_pause (), ==, g_settings_get_uint (settings, "autosave-pause"));
  g_settings_set_uint (settings, "autosave-pause", 150);
  g_assert_cmpuint (cw_draft_get_pause (), ==, 150);
  g_settings_reset (settings, "autosave-pause");
  g_assert_cmpuint (cw_draft_get_pause (), ==, CW_DRAFT_PAUSE_MS);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/pages/stale-until-shown", test_stale_until_shown);
  g_test_add_func ("/ui/pages/follows-workspace", test_follows_workspace);
  g_test_add_func ("/ui/pages/autosave-pause-setting", test_autosave_pause_setting);
  return g_test_run ();
}
