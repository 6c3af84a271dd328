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
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *page = cw_ui_find (GTK_WIDGET (window), CW_TYPE_PROGRAMME_PAGE);
  GtkEditable *first_day = GTK_EDITABLE (cw_ui_find (page, ADW_TYPE_ENTRY_ROW));
  GDate today;
  cw_date_local_today (&today);
  g_date_subtract_months (&today, 20);
  g_autofree char *day = cw_date_to_string (&today);
  gtk_editable_set_text (first_day, day);
  g_signal_emit_by_name (cw_ui_find_button (page, "_Start Programme"), "clicked");
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (programme->starts_on, ==, day);

  /* Nothing audited for 20 months: every normal clause is overdue, and
   * each offers to plan its audit. */
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "programme");
  g_signal_emit_by_name (cw_ui_find_button (page, "Overdue · Plan"), "clicked");
  cw_ui_wait_for_toplevel (CW_TYPE_AUDIT_EDITOR);
  g_assert_cmpint (
    cw_audit_editor_save (CW_AUDIT_EDITOR (cw_ui_find_toplevel (CW_TYPE_AUDIT_EDITOR))), ==, 1);

  g_autoptr (CwAudit) planned = cw_workspace_get_audit (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_audit_get_scope (planned)[0], ==, "4.1");
  g_assert_cmpstr (cw_audit_get_title (planned), ==, "Internal audit of 4.1");
  /* The new audit opens, through the window's action. */
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpint (cw_checklist_get_audit_id (checklist), ==, 1);

  /* The programme exports as a PDF report (written by the export every
   * report shares, tested in test-report-ui.c). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "programme");
  gtk_widget_activate_action (page, "programme.export", NULL);
  cw_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Audit programme.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/programme/start-and-plan", test_start_and_plan);
  return g_test_run ();
}
