/* test-programme-page.c: the Programme page as a quality manager uses it:
 * start the programme from its empty state, see the matrix, and plan an
 * audit from a clause's gap, which then opens. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cw-application.h"
#include "cw-audit-editor.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-date.h"
#include "cw-programme-page.h"
#include "cw-programme.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static GtkWidget *
find_typed (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      GtkWidget *found = find_typed (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first shown button whose label starts with `prefix`. */
static GtkWidget *
find_button (GtkWidget *root, const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child)
          && gtk_button_get_label (GTK_BUTTON (child)) != NULL
          && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (child)), prefix))
        return child;
      GtkWidget *found = find_button (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static CwAuditEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (CW_IS_AUDIT_EDITOR (window))
        return CW_AUDIT_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return find_editor () != NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *prefix;
} Wanted;

static gboolean
button_shown (gpointer data)
{
  Wanted *wanted = data;
  return find_button (wanted->root, wanted->prefix) != NULL;
}

static void
test_start_and_plan (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "p.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *made = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  g_object_unref (made);
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "programme");

  /* The empty state starts the programme. */
  Wanted start = { GTK_WIDGET (window), "_Start Programme" };
  cw_ui_wait_until (button_shown, &start);
  GtkWidget *page = find_typed (GTK_WIDGET (window), CW_TYPE_PROGRAMME_PAGE);
  GtkEditable *first_day = GTK_EDITABLE (find_typed (page, ADW_TYPE_ENTRY_ROW));
  GDate today;
  cw_date_local_today (&today);
  g_date_subtract_months (&today, 20);
  g_autofree char *day = cw_date_to_string (&today);
  gtk_editable_set_text (first_day, day);
  g_signal_emit_by_name (find_button (page, "_Start Programme"), "clicked");
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (programme->starts_on, ==, day);

  /* Nothing audited for 20 months: every normal clause is overdue, and
   * each offers to plan its audit. */
  Wanted gap = { GTK_WIDGET (window), "Overdue · Plan" };
  cw_ui_wait_until (button_shown, &gap);
  cw_ui_screenshot (GTK_WIDGET (window), "programme");
  g_signal_emit_by_name (find_button (page, "Overdue · Plan"), "clicked");
  cw_ui_wait_until (editor_shown, NULL);
  g_assert_cmpint (cw_audit_editor_save (find_editor ()), ==, 1);

  g_autoptr (CwAudit) planned = cw_workspace_get_audit (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_audit_get_scope (planned)[0], ==, "4.1");
  g_assert_cmpstr (cw_audit_get_title (planned), ==, "Internal audit of 4.1");
  /* The new audit opens, through the window's action. */
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpint (cw_checklist_get_audit_id (checklist), ==, 1);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/programme/start-and-plan", test_start_and_plan);
  return g_test_run ();
}
