/* test-merge-window.c: the lead auditor brings two auditors' returns into
 * the window: the first merges with a toast, the second opens the merge
 * view with the two records both changed; the lead takes one auditor's
 * grade and note field by field, keeps their own answer on the other, and
 * the view ends empty. The workspace then holds exactly those choices. */
#include "config.h"

#include <adwaita.h>

#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-exchange-ui.h"
#include "cw-merge-window.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static void
answer (CwWorkspace *workspace, const char *question, CwResult result, const char *note)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (workspace, 1, question, result, note, &error));
  g_assert_no_error (error);
}

/* One auditor's round: their assignment into a new workspace, their
 * answers, and their return written to `back`. */
static void
auditor_round (CwWorkspace *lead, const char *dir, const char *who, const char *const *clauses,
               const char *note, CwResult result, const char *back)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *given = g_strdup_printf ("%s/%s.xml", dir, who);
  CwExportRequest request = { .kind = CW_EXPORT_ASSIGNMENT, .audit_id = 2, .auditor = who,
                              .clauses = clauses };
  g_assert_true (cw_workspace_export (lead, &request, given, NULL, &error));
  g_assert_no_error (error);
  g_autofree char *path = g_strdup_printf ("%s/%s.clausewise", dir, who);
  g_autoptr (CwWorkspace) mine = cw_workspace_create (path, "Auditor", &error);
  g_assert_no_error (error);
  g_autoptr (CwImportResult) got = cw_workspace_import (mine, given, FALSE, &error);
  g_assert_no_error (error);
  answer (mine, "8.5.3.q2", result, note);
  answer (mine, "8.5.3.q1", CW_RESULT_CONFORMING, note);
  CwExportRequest out = { .kind = CW_EXPORT_AUDIT, .audit_id = 1 };
  g_assert_true (cw_workspace_export (mine, &out, back, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
merge_window_shown (gpointer data)
{
  return cw_ui_find_toplevel (CW_TYPE_MERGE_WINDOW) != NULL;
}

static gboolean
conflicts_left (gpointer data)
{
  CwMergeWindow *merge = data;
  return cw_merge_window_get_n_conflicts (merge) == GPOINTER_TO_UINT (
           g_object_get_data (G_OBJECT (merge), "expected"));
}

static void
test_settle (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *lead_path = cw_test_path (dir, "lead.clausewise");
  g_autofree char *rhys = cw_test_path (dir, "rhys-return.xml");
  g_autofree char *ines = cw_test_path (dir, "ines-return.xml");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) lead = cw_demo_create (lead_path, &error);
    g_assert_no_error (error);
    auditor_round (lead, dir, "Rhys Penhallow", (const char *const[]) { "8.5", NULL },
                   "Rollback never tried; RDP-01 asks for it", CW_RESULT_MINOR, rhys);
    auditor_round (lead, dir, "Ines Moreau", (const char *const[]) { "8.5.3", NULL },
                   "Rollback never tried; nothing asks for it", CW_RESULT_OBSERVATION, ines);
  }

  CwWindow *window = cw_ui_open_window (app, lead_path);
  g_autoptr (GFile) first = g_file_new_for_path (rhys);
  g_autoptr (GFile) second = g_file_new_for_path (ines);
  g_assert_true (cw_exchange_ui_import (GTK_WIDGET (window), first));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (cw_ui_find_toplevel (CW_TYPE_MERGE_WINDOW));
  cw_ui_screenshot (GTK_WIDGET (window), "import-toast");

  g_assert_true (cw_exchange_ui_import (GTK_WIDGET (window), second));
  cw_ui_wait_until (merge_window_shown, NULL);
  CwMergeWindow *merge = CW_MERGE_WINDOW (cw_ui_find_toplevel (CW_TYPE_MERGE_WINDOW));
  g_assert_cmpuint (cw_merge_window_get_n_conflicts (merge), ==, 2);
  cw_ui_wait_for_frames (GTK_WIDGET (merge));
  cw_ui_screenshot (GTK_WIDGET (merge), "merge-view");

  /* The first shown is the answer both changed: take Ines's grade and
   * note, keep the lead's time stamp. */
  g_assert_true (cw_merge_window_choose (merge, "result", TRUE));
  g_assert_true (cw_merge_window_choose (merge, "note", TRUE));
  g_assert_false (cw_merge_window_choose (merge, "colour", TRUE));
  g_object_set_data (G_OBJECT (merge), "expected", GUINT_TO_POINTER (1));
  gtk_widget_activate_action (GTK_WIDGET (merge), "merge.apply", NULL);
  cw_ui_wait_until (conflicts_left, merge);

  g_object_set_data (G_OBJECT (merge), "expected", GUINT_TO_POINTER (0));
  gtk_widget_activate_action (GTK_WIDGET (merge), "merge.keep-ours", NULL);
  cw_ui_wait_until (conflicts_left, merge);
  cw_ui_wait_for_frames (GTK_WIDGET (merge));
  cw_ui_screenshot (GTK_WIDGET (merge), "merge-view-done");
  gtk_window_close (GTK_WINDOW (merge));

  g_autofree char *taken = cw_test_sql_text (
    lead_path, "SELECT result || ' / ' || note FROM answer WHERE audit = 2 AND question = "
               "'8.5.3.q2'");
  g_assert_cmpstr (taken, ==, "observation / Rollback never tried; nothing asks for it");
  g_autofree char *kept = cw_test_sql_text (
    lead_path, "SELECT note FROM answer WHERE audit = 2 AND question = '8.5.3.q1'");
  g_assert_cmpstr (kept, ==, "Rollback never tried; RDP-01 asks for it");
  g_assert_cmpint (cw_test_sql_int (lead_path, "SELECT count(*) FROM merge_conflict WHERE "
                                               "status = 'resolved'"),
                   ==, 2);

  /* The primary menu's Settle Conflicts… opens the view, empty now. */
  gtk_widget_activate_action (GTK_WIDGET (window), "exchange.conflicts", NULL);
  cw_ui_wait_until (merge_window_shown, NULL);
  merge = CW_MERGE_WINDOW (cw_ui_find_toplevel (CW_TYPE_MERGE_WINDOW));
  g_assert_cmpuint (cw_merge_window_get_n_conflicts (merge), ==, 0);
  gtk_window_close (GTK_WINDOW (merge));

  /* Export Workspace… writes the file the lead chose. */
  g_autofree char *out = cw_test_path (dir, "lead.xml");
  g_autoptr (GFile) file = g_file_new_for_path (out);
  CwExportRequest request = { .kind = CW_EXPORT_WORKSPACE };
  g_assert_true (cw_exchange_ui_export (GTK_WIDGET (window), &request, file));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/merge/settle", test_settle);
  return g_test_run ();
}
