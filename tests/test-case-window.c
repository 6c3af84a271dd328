/* test-case-window.c: a trainee's case audit through the window. Start a
 * Case Audit… from the main menu: the dialog lists the bundled cases, the
 * trainee ticks one, types their name and chooses the file; the window
 * opens the new workspace at its audit, named as a case audit. The case
 * library, opened from the audit's menu at a clause, hands out the two
 * records asked for; one finding is raised with the finding editor; the
 * debrief says to issue the report first, then, once it is issued, shows
 * one row a model finding with the core's scores, and the library refuses
 * to hand out more. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cw-audit.h"
#include "cw-case-audit.h"
#include "cw-case-library.h"
#include "cw-checklist.h"
#include "cw-debrief-window.h"
#include "cw-exercise.h"
#include "cw-finding-editor.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static gboolean
toplevel_shown (gpointer data)
{
  return cw_ui_find_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return cw_ui_find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

static void
wait_for (GType type)
{
  cw_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Export's progress window is a plain AdwWindow; it goes when the writer ends. */
static gboolean
no_progress_window (gpointer data)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_OBJECT_TYPE (window) == ADW_TYPE_WINDOW)
        return FALSE;
    }
  return TRUE;
}

static gboolean
case_opened (gpointer data)
{
  CwWorkspace *workspace = cw_window_get_workspace (data);
  return workspace != NULL && cw_workspace_is_case_study (workspace);
}

/* The dialog as a user fills it: the first case ticked, a name typed. */
static void
fill_start_dialog (AdwMessageDialog *dialog)
{
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Start a Case Audit");
  GtkWidget *check = cw_ui_find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Harbourside Desk: a small service desk one year into its SMS");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "model finding"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  GtkWidget *trainee = cw_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (trainee), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "start"));
  gtk_editable_set_text (GTK_EDITABLE (trainee), "Sam Okafor");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "start"));
}

static void
start_case (CwWindow *window, const char *dir)
{
  g_autofree char *was = g_get_current_dir ();
  g_assert_cmpint (g_chdir (dir), ==, 0);
  /* From the Practice page, where trainees are (the main menu has it too). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "practice");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *start = cw_ui_find_button (GTK_WIDGET (window), "Start a _Case Audit");
  g_assert_nonnull (start);
  gtk_widget_activate (start);
  wait_for (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  fill_start_dialog (dialog);
  cw_ui_screenshot (GTK_WIDGET (dialog), "case-start");
  adw_message_dialog_response (dialog, "start");
  gtk_window_close (GTK_WINDOW (dialog));

  /* The save chooser (GTK's own dialog under the test's X server) opens
   * in the folder the test works in: changing its folder while it still
   * reads the first one would show GTK's "could not be displayed". */
  wait_for (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "harbourside");
  /* Its button, as a click: a response given to the dialog directly waits
   * on the chooser's own checks of the name and never comes. */
  gtk_widget_activate (cw_ui_find_button (GTK_WIDGET (chooser), "_Start"));
  cw_ui_wait_until (case_opened, window);
  g_assert_cmpint (g_chdir (was), ==, 0);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
}

static void
test_case_audit (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *plain = cw_test_path (dir, "plain.clausewise");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_create (plain, "Plain Ltd", &error);
    g_assert_no_error (error);
  }
  CwWindow *window = cw_ui_open_window (app, plain);
  start_case (window, dir);

  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autofree char *path = cw_test_path (dir, "harbourside.clausewise");
  g_assert_cmpstr (cw_workspace_get_path (workspace), ==, path);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Sam Okafor"));
  cw_ui_screenshot (GTK_WIDGET (window), "case-window");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCaseStudy) study = cw_case_study_load (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (study->case_id, ==, "harbourside-desk");
  g_assert_cmpstr (study->trainee, ==, "Sam Okafor");
  gint64 audit = study->audit_id;
  GtkWidget *checklist = cw_window_get_checklist (window);
  g_assert_cmpint (cw_checklist_get_audit_id (CW_CHECKLIST (checklist)), ==, audit);

  /* The library at 8.6.3 (Ctrl+L from the checklist): two records of the
   * incident listing asked for. */
  cw_window_show_audit (window, audit, "8.6.3");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_press_keys ("ctrl+l");
  wait_for (CW_TYPE_CASE_LIBRARY);
  CwCaseLibrary *library = CW_CASE_LIBRARY (cw_ui_find_toplevel (CW_TYPE_CASE_LIBRARY));
  g_assert_cmpuint (cw_case_library_get_n_handed_out (library), ==, 0);
  g_assert_true (cw_case_library_choose (library, "inc-26-0412"));
  g_assert_true (cw_case_library_choose (library, "INC-26-0931"));
  g_assert_false (cw_case_library_choose (library, "no-such-record"));
  gtk_widget_activate_action (GTK_WIDGET (library), "library.ask", NULL);
  g_assert_null (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (cw_case_library_get_n_handed_out (library), ==, 2);
  cw_ui_wait_for_frames (GTK_WIDGET (library));
  cw_ui_screenshot (GTK_WIDGET (library), "case-library");
  /* Further down, the listing with the two records' text. */
  GtkWidget *check = cw_ui_find (GTK_WIDGET (library), GTK_TYPE_CHECK_BUTTON);
  GtkAdjustment *listing = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (check, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (listing, gtk_adjustment_get_upper (listing)
                                       - gtk_adjustment_get_page_size (listing));
  cw_ui_screenshot (GTK_WIDGET (library), "case-library-records");
  cw_case_library_set_whole_case (library, TRUE);
  g_assert_cmpuint (cw_case_library_get_n_handed_out (library), ==, 2);
  gtk_window_close (GTK_WINDOW (library));
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (CW_TYPE_CASE_LIBRARY));

  /* One finding through the editor, citing what was handed out, on the
   * question answered Minor first. */
  GtkWidget *minor = cw_ui_find_button (checklist, "Minor nonconformity");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (minor), TRUE);
  gtk_widget_activate_action (checklist, "checklist.raise-finding", NULL);
  wait_for (CW_TYPE_FINDING_EDITOR);
  CwFindingEditor *editor = CW_FINDING_EDITOR (cw_ui_find_toplevel (CW_TYPE_FINDING_EDITOR));
  cw_finding_editor_fill (
    editor, CW_GRADE_MINOR,
    "INC-PRO-01 asks the desk lead to open a problem record for any incident that recurs three "
    "times at one customer in 30 days (8.6.3).",
    "INC-26-0412 of 19 February and INC-26-0931 of 8 April are the same VPN drop-outs at "
    "Saltmarsh Dental Group; neither references a problem record.",
    "Recurring incidents at Saltmarsh Dental Group were not passed to problem management.");
  g_assert_true (cw_finding_editor_save (editor));
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (CW_TYPE_FINDING_EDITOR));

  /* Before the report is issued the debrief says so. */
  gtk_widget_activate_action (checklist, "checklist.debrief", NULL);
  wait_for (CW_TYPE_DEBRIEF_WINDOW);
  CwDebriefWindow *debrief = CW_DEBRIEF_WINDOW (cw_ui_find_toplevel (CW_TYPE_DEBRIEF_WINDOW));
  g_assert_false (cw_debrief_window_has_debrief (debrief));
  cw_ui_screenshot (GTK_WIDGET (debrief), "case-debrief-refused");
  gtk_window_close (GTK_WINDOW (debrief));
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (CW_TYPE_DEBRIEF_WINDOW));

  /* The rest as the core does it: an answer, why the grade, the meetings,
   * the report issued. */
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  CwFindingChanges changes
    = { .grade_reason = "Two recurrences seen in a sample of two; the problem log is missing." };
  g_assert_true (cw_workspace_update_finding (
    workspace, cw_finding_get_id (g_ptr_array_index (findings, 0)), &changes, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (workspace, audit, "8.6.1.q1", CW_RESULT_CONFORMING,
                                      "P1 reviews seen for INC-26-0655", &error));
  g_assert_no_error (error);
  GDate today;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 19, G_DATE_NOVEMBER, 2026);
  CwMeetingRecord opening = { .held_on = "2026-11-17", .attendees = "Sam Okafor\nClaire Penhallow" };
  g_assert_true (cw_workspace_record_meeting (workspace, audit, CW_MEETING_OPENING, &opening, &today,
                                              &error));
  g_assert_no_error (error);
  CwMeetingRecord closing = { .held_on = "2026-11-18", .attendees = "Sam Okafor\nClaire Penhallow" };
  g_assert_true (cw_workspace_record_meeting (workspace, audit, CW_MEETING_CLOSING, &closing, &today,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_issue_audit (workspace, audit, &today, &error));
  g_assert_no_error (error);
  cw_window_show_audit (window, audit, "8.6.3");

  /* The debrief: one row a model finding, this one's found. */
  gtk_widget_activate_action (checklist, "checklist.debrief", NULL);
  wait_for (CW_TYPE_DEBRIEF_WINDOW);
  debrief = CW_DEBRIEF_WINDOW (cw_ui_find_toplevel (CW_TYPE_DEBRIEF_WINDOW));
  g_assert_true (cw_debrief_window_has_debrief (debrief));
  g_autoptr (CwDebrief) expected = cw_case_debrief (workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_debrief_window_get_n_rows (debrief), ==, expected->rows->len);
  g_assert_cmpuint (expected->rows->len, ==, study->kase->findings->len);
  g_assert_cmpuint (expected->n_outcome[CW_DEBRIEF_MATCHED]
                      + expected->n_outcome[CW_DEBRIEF_GRADED_DIFFERENTLY],
                    ==, 1);
  g_assert_cmpuint (expected->n_outcome[CW_DEBRIEF_MISSED], ==, study->kase->findings->len - 1);
  g_assert_cmpuint (expected->n_outcome[CW_DEBRIEF_UNSUPPORTED], ==, 0);
  const struct
  {
    const char *part;
    double score;
  } scores[] = { { "coverage", expected->coverage },     { "grading", expected->grading },
                 { "statements", expected->statements }, { "evidence", expected->evidence },
                 { "overall", expected->overall } };
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *text = g_strdup_printf ("%.0f", scores[i].score);
      g_assert_cmpstr (cw_debrief_window_get_score_text (debrief, scores[i].part), ==, text);
    }
  g_assert_cmpfloat (expected->coverage, >, 0);
  cw_ui_wait_for_frames (GTK_WIDGET (debrief));
  cw_ui_screenshot (GTK_WIDGET (debrief), "case-debrief");
  /* Further down, the missed findings and the sampling. */
  GtkWidget *level = cw_ui_find (GTK_WIDGET (debrief), GTK_TYPE_LEVEL_BAR);
  GtkAdjustment *down = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (level, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (down, gtk_adjustment_get_upper (down)
                                    - gtk_adjustment_get_page_size (down));
  cw_ui_screenshot (GTK_WIDGET (debrief), "case-debrief-sampling");

  /* Export PDF… writes the core's debrief report where the trainee says. */
  g_autofree char *was = g_get_current_dir ();
  g_assert_cmpint (g_chdir (dir), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (debrief), "debrief.export", NULL);
  wait_for (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "debrief.pdf");
  gtk_widget_activate (cw_ui_find_button (GTK_WIDGET (chooser), "_Export"));
  g_autofree char *pdf = cw_test_path (dir, "debrief.pdf");
  cw_ui_wait_until (file_written, pdf);
  /* The writer reports to the window it started from: wait for it. */
  cw_ui_wait_until (no_progress_window, NULL);
  g_autofree char *bytes = NULL;
  g_assert_true (g_file_get_contents (pdf, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_cmpint (g_chdir (was), ==, 0);
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_close (GTK_WINDOW (debrief));
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (CW_TYPE_DEBRIEF_WINDOW));

  /* The report is issued: the library hands out nothing more, and says why. */
  gtk_widget_activate_action (checklist, "checklist.case-library", NULL);
  wait_for (CW_TYPE_CASE_LIBRARY);
  library = CW_CASE_LIBRARY (cw_ui_find_toplevel (CW_TYPE_CASE_LIBRARY));
  g_assert_true (cw_case_library_choose (library, "inc-26-1420"));
  gtk_widget_activate_action (GTK_WIDGET (library), "library.ask", NULL);
  wait_for (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *refusal = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "No Records Were Handed Out");
  g_assert_cmpuint (cw_case_library_get_n_handed_out (library), ==, 2);
  gtk_window_close (GTK_WINDOW (refusal));
  gtk_window_close (GTK_WINDOW (library));
  cw_ui_wait_until (toplevel_gone, GSIZE_TO_POINTER (CW_TYPE_CASE_LIBRARY));
  cw_ui_close_window (window);
}

/* A plain workspace offers no case library or debrief in an audit's menu. */
static void
test_plain_workspace (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "plain.clausewise");
  gint64 audit;
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Plain Ltd", &error);
    g_assert_no_error (error);
    CwAuditDraft draft = { .title = "Change", .scope = (const char *const[]) { "8.5", NULL } };
    audit = cw_workspace_create_audit (workspace, &draft, &error);
    g_assert_no_error (error);
  }
  CwWindow *window = cw_ui_open_window (app, path);
  cw_window_show_audit (window, audit, NULL);
  GtkWidget *checklist = cw_window_get_checklist (window);
  /* Disabled there: asking for them does nothing, not even a refusal. */
  gtk_widget_activate_action (checklist, "checklist.case-library", NULL);
  gtk_widget_activate_action (checklist, "checklist.debrief", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_null (cw_ui_find_toplevel (CW_TYPE_CASE_LIBRARY));
  g_assert_null (cw_ui_find_toplevel (CW_TYPE_DEBRIEF_WINDOW));
  g_assert_null (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* The window's own action refuses a plain workspace with a reason. */
  gtk_widget_activate_action (GTK_WIDGET (window), "case.debrief", "x", audit);
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_close (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Case audit"));
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/case/audit", test_case_audit);
  g_test_add_func ("/ui/case/plain-workspace", test_plain_workspace);
  return g_test_run ();
}
