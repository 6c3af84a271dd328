/* test-window-search.c: searching from the window as a user types. The
 * search runs off the main thread, each keystroke replaces the search
 * before it, and each hit says in words where it is and opens there. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cw-application.h"
#include "cw-demo.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

typedef struct
{
  GtkListBox *results;
  const char *title_part; /* a row whose title holds this */
} Waiting;

static AdwActionRow *
row_with_title (GtkListBox *results, const char *part)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (results)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), part) != NULL)
      return ADW_ACTION_ROW (row);
  return NULL;
}

static gboolean
row_shown (gpointer data)
{
  Waiting *waiting = data;
  return row_with_title (waiting->results, waiting->title_part) != NULL;
}

static gboolean
page_is_actions (gpointer data)
{
  AdwViewStack *pages = ADW_VIEW_STACK (cw_ui_find (GTK_WIDGET (data), ADW_TYPE_VIEW_STACK));
  return g_strcmp0 (cw_window_get_page_name (data), "workspace") == 0
         && g_strcmp0 (adw_view_stack_get_visible_child_name (pages), "actions") == 0;
}

static void
test_search_as_typed (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *demo = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_object_unref (demo);
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  GtkEditable *entry = GTK_EDITABLE (cw_ui_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);

  /* A first search, replaced at once by the next keystrokes: only the last
   * one's results are shown. */
  gtk_editable_set_text (entry, "continuity");
  g_signal_emit_by_name (entry, "search-changed");
  gtk_editable_set_text (entry, "ECAB");
  g_signal_emit_by_name (entry, "search-changed");
  /* The results list: the list box of the window's "search" view. */
  Waiting waiting = { NULL, "Corrective action 1: " };
  GtkWidget *stack = cw_ui_find (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  GtkWidget *search_page = gtk_stack_get_child_by_name (GTK_STACK (stack), "search");
  g_assert_nonnull (search_page);
  GtkListBox *results = GTK_LIST_BOX (cw_ui_find (search_page, GTK_TYPE_LIST_BOX));
  waiting.results = results;
  cw_ui_wait_until (row_shown, &waiting);

  /* Each row says where the hit is and marks the match without brackets. */
  AdwActionRow *finding = row_with_title (results, "Finding NC-1 on 8.5.1.3 · ");
  g_assert_nonnull (finding);
  const char *snippet = adw_action_row_get_subtitle (finding);
  cw_test_assert_contains (snippet, "ECAB");
  g_assert_null (strstr (snippet, "[ECAB]"));
  g_assert_null (row_with_title (results, "Finding NC-2 on 8.7.2"));

  /* The action's hit opens the action in the register. */
  AdwActionRow *action = row_with_title (results, "Corrective action 1: ");
  g_signal_emit_by_name (results, "row-activated", action);
  cw_ui_wait_until (page_is_actions, window);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/search/as-typed", test_search_as_typed);
  return g_test_run ();
}
