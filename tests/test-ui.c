/* test-ui.c: the workbench with its real widgets under Xvfb: plan an audit,
 * answer questions, raise a finding, close and reopen and find it all there;
 * open a damaged file and keep running; delete an audit and undo. Saves a
 * screenshot of each main screen to $CW_SCREENSHOT_DIR. */
#include "config.h"

#include <adwaita.h>

#include "cw-action.h"
#include "cw-actions-page.h"
#include "cw-application.h"
#include "cw-audit-editor.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-demo.h"
#include "cw-report-ui.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-history-window.h"
#include "cw-organisation-dialog.h"
#include "cw-review.h"
#include "cw-reviews-page.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The pause lets transitions finish before the picture is taken. */
static void
screenshot (GtkWidget *widget, const char *name)
{
  if (g_getenv ("CW_SCREENSHOT_DIR") == NULL)
    return;
  settle (400);
  cw_ui_screenshot (widget, name);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_button_with_icon (GtkWidget *root, const char *icon)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon) == 0)
        return child;
      GtkWidget *found = find_button_with_icon (child, icon);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of `type` under `root` whose `property` (a string)
 * equals `value`, depth first. */
static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *property, const char *value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          g_autofree char *text = NULL;
          g_object_get (child, property, &text, NULL);
          if (g_strcmp0 (text, value) == 0)
            return child;
        }
      GtkWidget *found = find_widget (child, type, property, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_titled (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "title"), title) == 0)
        return child;
      GtkWidget *found = find_titled (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types into an entry row and presses Enter; or into a multi-line field of
 * the actions page, and saves it as leaving it would. */
static void
apply_entry (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, "title", title);
  if (row == NULL)
    {
      GtkWidget *view = find_titled (root, title);
      g_assert_true (GTK_IS_TEXT_VIEW (view));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
      cw_actions_page_save_now (CW_ACTIONS_PAGE (gtk_widget_get_ancestor (view,
                                                                           CW_TYPE_ACTIONS_PAGE)));
      settle (50);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  settle (50);
}

/* A visible label under `root` whose text holds `part`. */
static GtkWidget *
find_label_containing (GtkWidget *root, const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child)
          && strstr (gtk_label_get_label (GTK_LABEL (child)), part) != NULL)
        return child;
      GtkWidget *found = find_label_containing (child, part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The spin button of the action row titled `title`. */
static GtkSpinButton *
row_spin (GtkWidget *root, const char *title)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ACTION_ROW, "title", title);
  g_assert_nonnull (row);
  GtkWidget *spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  return GTK_SPIN_BUTTON (spin);
}

static void
click_button (GtkWidget *root, const char *label)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, "label", label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle (100);
}

static CwWindow *
open_window (const char *path, gboolean create)
{
  CwWindow *window = cw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cw_window_open_path (window, path, create));
  settle (200);
  return window;
}

static void
close_window (CwWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  settle (100);
}

static gint64
plan_audit (CwWindow *window, const char *title)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-audit", NULL);
  settle (200);
  CwAuditEditor *editor = find_toplevel (CW_TYPE_AUDIT_EDITOR);
  g_assert_nonnull (editor);
  cw_audit_editor_set_title (editor, title);
  const char *scope[] = { "8.5", "8.6", NULL };
  cw_audit_editor_set_scope (editor, scope);
  screenshot (GTK_WIDGET (editor), "audit-editor");
  gint64 id = cw_audit_editor_save (editor);
  g_assert_cmpint (id, >, 0);
  settle (200);
  return id;
}

static void
test_fieldwork (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "ui.clausewise");
  CwWindow *window = open_window (path, TRUE);
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "welcome");
  screenshot (GTK_WIDGET (window), "welcome");

  /* The desktop's recent files know the workspace, as a workspace. */
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    GtkRecentInfo *recent
        = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
    g_assert_nonnull (recent);
    g_assert_cmpstr (gtk_recent_info_get_mime_type (recent), ==,
                     "application/x-clausewise-workspace");
    g_assert_true (gtk_recent_info_has_application (recent, "Clausewise"));
    gtk_recent_info_unref (recent);
  }

  /* Name the organisation; a date that does not exist is refused. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation", NULL);
  settle (100);
  CwOrganisationDialog *profile = find_toplevel (CW_TYPE_ORGANISATION_DIALOG);
  g_assert_nonnull (profile);
  GtkWidget *name = find_widget (GTK_WIDGET (profile), ADW_TYPE_ENTRY_ROW, "title",
                                 "Organisation name");
  GtkWidget *stage_one = find_widget (GTK_WIDGET (profile), ADW_TYPE_ENTRY_ROW, "title",
                                      "Stage One audit (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (name), "Example Services Ltd");
  gtk_editable_set_text (GTK_EDITABLE (stage_one), "2027-02-30");
  g_assert_false (cw_organisation_dialog_save (profile));
  gtk_editable_set_text (GTK_EDITABLE (stage_one), "2027-02-15");

  /* The days to respond to a nonconformity, typed without Enter: a major's
   * longer than a minor's is refused with the core's message in the
   * dialog, and nothing is saved. */
  GtkSpinButton *major = row_spin (GTK_WIDGET (profile), "Major nonconformity (days)");
  GtkSpinButton *minor = row_spin (GTK_WIDGET (profile), "Minor nonconformity (days)");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (major), ==, 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (minor), ==, 60);
  gtk_editable_set_text (GTK_EDITABLE (major), "90");
  g_assert_false (cw_organisation_dialog_save (profile));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (profile),
                                           "give the major 60 days or fewer, or the minor more"));
  {
    g_autoptr (CwOrganisation) unsaved
      = cw_workspace_get_organisation (cw_window_get_workspace (window), NULL);
    g_assert_cmpstr (unsaved->name, !=, "Example Services Ltd");
    g_assert_cmpuint (unsaved->respond_major_days, ==, 30);
  }
  /* Changed meanwhile by another program: the dialog does not save over
   * it, and says so. */
  {
    CwWorkspace *workspace = cw_window_get_workspace (window);
    g_autoptr (CwOrganisation) other = cw_workspace_get_organisation (workspace, NULL);
    g_free (other->certification_body);
    other->certification_body = g_strdup ("Changed Elsewhere Ltd");
    g_assert_true (cw_workspace_set_organisation (workspace, other, NULL));
    gtk_editable_set_text (GTK_EDITABLE (major), "14");
    g_assert_false (cw_organisation_dialog_save (profile));
    g_assert_nonnull (find_label_containing (GTK_WIDGET (profile), "changed meanwhile"));
    g_autoptr (CwOrganisation) kept = cw_workspace_get_organisation (workspace, NULL);
    g_assert_cmpstr (kept->certification_body, ==, "Changed Elsewhere Ltd");
    g_assert_cmpuint (kept->respond_major_days, ==, 30);
    gtk_window_close (GTK_WINDOW (profile));
    settle (100);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation", NULL);
    settle (100);
    profile = find_toplevel (CW_TYPE_ORGANISATION_DIALOG);
    name = find_widget (GTK_WIDGET (profile), ADW_TYPE_ENTRY_ROW, "title", "Organisation name");
    stage_one = find_widget (GTK_WIDGET (profile), ADW_TYPE_ENTRY_ROW, "title",
                             "Stage One audit (YYYY-MM-DD)");
    gtk_editable_set_text (GTK_EDITABLE (name), "Example Services Ltd");
    gtk_editable_set_text (GTK_EDITABLE (stage_one), "2027-02-15");
    major = row_spin (GTK_WIDGET (profile), "Major nonconformity (days)");
    minor = row_spin (GTK_WIDGET (profile), "Minor nonconformity (days)");
  }
  gtk_editable_set_text (GTK_EDITABLE (major), "14");
  gtk_editable_set_text (GTK_EDITABLE (minor), "45");
  gtk_widget_grab_focus (GTK_WIDGET (minor));
  screenshot (GTK_WIDGET (profile), "organisation-dialog");
  g_assert_true (cw_organisation_dialog_save (profile));
  settle (100);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Example Services Ltd"));
  {
    g_autoptr (CwOrganisation) saved
      = cw_workspace_get_organisation (cw_window_get_workspace (window), NULL);
    g_assert_cmpuint (saved->respond_major_days, ==, 14);
    g_assert_cmpuint (saved->respond_minor_days, ==, 45);
  }
  /* Opened again, the dialog shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation", NULL);
  settle (100);
  profile = find_toplevel (CW_TYPE_ORGANISATION_DIALOG);
  g_assert_nonnull (profile);
  g_assert_cmpint (
    gtk_spin_button_get_value_as_int (row_spin (GTK_WIDGET (profile), "Major nonconformity (days)")),
    ==, 14);
  g_assert_cmpint (
    gtk_spin_button_get_value_as_int (row_spin (GTK_WIDGET (profile), "Minor nonconformity (days)")),
    ==, 45);
  gtk_window_close (GTK_WINDOW (profile));
  settle (100);

  gint64 audit = plan_audit (window, "Change and incident audit");
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "workspace");
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpint (cw_checklist_get_audit_id (checklist), ==, audit);
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, "8.5.1.1.q1");

  /* Alt+1 is conforming; type a note; move on. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.result", "i", 0);
  cw_checklist_set_note (checklist, "CMP-01 v3 approved 2 March; seen on the intranet.");
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.next", NULL);
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, "8.5.1.1.q2");
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.result", "i", 4);
  screenshot (GTK_WIDGET (window), "checklist");

  /* Raise a finding: a major without its statement is refused in the
   * dialog, then accepted with all three parts. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.raise-finding", NULL);
  settle (200);
  CwFindingEditor *editor = find_toplevel (CW_TYPE_FINDING_EDITOR);
  g_assert_nonnull (editor);
  cw_finding_editor_fill (editor, CW_GRADE_MAJOR,
                          "Clause 8.5.1.1 and CMP-01 v3 require every change type to be defined.",
                          "CMP-01 v3 defines no emergency change type; RFC-2291 was raised as one.",
                          "");
  g_assert_false (cw_finding_editor_save (editor));
  cw_finding_editor_fill (editor, CW_GRADE_MAJOR,
                          "Clause 8.5.1.1 and CMP-01 v3 require every change type to be defined.",
                          "CMP-01 v3 defines no emergency change type; RFC-2291 was raised as one.",
                          "Emergency changes are made without a defined route.");
  screenshot (GTK_WIDGET (editor), "finding-editor");
  g_assert_true (cw_finding_editor_save (editor));
  settle (200);

  /* The history names each change, newest (the finding) first. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.history", NULL);
  settle (200);
  GtkWidget *history = find_toplevel (CW_TYPE_HISTORY_WINDOW);
  g_assert_nonnull (history);
  GtkWidget *first_entry = find_widget (history, GTK_TYPE_LABEL, "css-name", "label");
  g_assert_nonnull (first_entry);
  screenshot (history, "history");
  gtk_window_close (GTK_WINDOW (history));
  close_window (window);

  /* Everything is there after closing and reopening. */
  window = open_window (path, FALSE);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, audit, &error);
  g_assert_cmpuint (answers->len, ==, 2);
  CwAnswer *first = g_ptr_array_index (answers, 0);
  g_assert_cmpint (first->result, ==, CW_RESULT_CONFORMING);
  g_assert_cmpstr (first->note, ==, "CMP-01 v3 approved 2 March; seen on the intranet.");
  g_assert_cmpint (((CwAnswer *) g_ptr_array_index (answers, 1))->result, ==, CW_RESULT_MAJOR);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, audit, &error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (cw_finding_get_grade (g_ptr_array_index (findings, 0)), ==, CW_GRADE_MAJOR);
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "workspace");
  screenshot (GTK_WIDGET (window), "audits");

  /* A finding on a clause without questions of its own (8.6) opens at the
   * first question under it, not at the start of the audit. */
  cw_window_show_audit (window, audit, "8.6");
  checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_true (g_str_has_prefix (cw_checklist_get_question_id (checklist), "8.6.1."));
  close_window (window);
}

static void
test_damaged_file (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *good = cw_test_path (dir, "good.clausewise");
  g_autofree char *bad = cw_test_path (dir, "bad.clausewise");
  cw_test_write (bad, "SQLite format 3", 16);
  g_autoptr (GBytes) before = cw_test_read (bad);

  CwWindow *window = open_window (good, TRUE);
  g_assert_false (cw_window_open_path (window, bad, FALSE));
  settle (200);
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "bad.clausewise"));
  screenshot (GTK_WIDGET (dialog), "error-dialog");
  gtk_window_close (GTK_WINDOW (dialog));
  /* The window keeps its workspace and goes on working. */
  g_assert_cmpstr (cw_workspace_get_path (cw_window_get_workspace (window)), ==, good);
  cw_test_assert_untouched (bad, before);

  /* A second window on the same workspace says where it is already open. */
  CwWindow *second = cw_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_false (cw_window_open_path (second, good, FALSE));
  settle (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already open"));
  gtk_window_close (GTK_WINDOW (dialog));
  close_window (second);
  close_window (window);
}

static void
delete_first_audit (CwWindow *window)
{
  GtkWidget *trash = find_button_with_icon (GTK_WIDGET (window), "user-trash-symbolic");
  g_assert_nonnull (trash);
  g_signal_emit_by_name (trash, "clicked");
  settle (100);
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  settle (100);
}

static guint
count_audits (CwWorkspace *workspace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  return audits->len;
}

static void
test_export (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autofree char *pdf = cw_test_path (dir, "audit report.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) demo = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  CwWindow *window = open_window (path, FALSE);
  cw_window_show_audit (window, 1, NULL);
  g_autoptr (CwReport) report = cw_report_new_audit (cw_window_get_workspace (window), 1, &error);
  g_assert_no_error (error);

  /* The PDF is written in a thread while the window keeps running. */
  cw_report_ui_export_to (cw_window_get_checklist (window), report, pdf);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (find_toplevel (ADW_TYPE_WINDOW) != NULL && !g_file_test (pdf, G_FILE_TEST_EXISTS)
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  settle (300);
  g_autoptr (GBytes) bytes = cw_test_read (pdf);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 10000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  /* Beside the open workspace, only the PDF: no temporary file is left. */
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_prefix (name, "demo.clausewise") || g_str_equal (name, "audit report.pdf"));
  close_window (window);
}

static void
test_delete_and_undo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "d.clausewise");
  CwWindow *window = open_window (path, TRUE);
  plan_audit (window, "To be deleted");
  gtk_widget_activate_action (cw_window_get_checklist (window), "checklist.back", NULL);
  settle (100);

  delete_first_audit (window);
  /* Hidden at once, but kept while Undo is offered. */
  g_assert_cmpuint (count_audits (cw_window_get_workspace (window)), ==, 1);
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "welcome");
  gtk_widget_activate_action (cw_window_get_audits_page (window), "audits.undo-delete", NULL);
  settle (100);
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "workspace");
  g_assert_cmpuint (count_audits (cw_window_get_workspace (window)), ==, 1);

  /* Without Undo, closing the window carries the deletion out. */
  delete_first_audit (window);
  g_object_ref (window);
  close_window (window);
  g_object_unref (window);
  window = open_window (path, FALSE);
  g_assert_cmpuint (count_audits (cw_window_get_workspace (window)), ==, 0);
  close_window (window);
}

static void
test_demo_screens (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  CwWindow *window = open_window (path, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  settle (300);
  g_autofree char *demo = g_build_filename (g_get_user_data_dir (), "clausewise",
                                            "demo.clausewise", NULL);
  g_assert_cmpstr (cw_workspace_get_path (cw_window_get_workspace (window)), ==, demo);
  g_assert_cmpstr (cw_window_get_page_name (window), ==, "workspace");
  screenshot (GTK_WIDGET (window), "demo-audits");
  cw_window_show_audit (window, 1, "8.5.1.3.q2");
  settle (300);
  screenshot (GTK_WIDGET (window), "demo-checklist");
  GtkWidget *chart = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "tooltip-text",
                                  "Results by Clause Group");
  g_assert_nonnull (chart);
  gtk_menu_button_popup (GTK_MENU_BUTTON (chart));
  screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chart))), "demo-chart");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (chart));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "findings");
  settle (300);
  GtkWidget *findings = cw_window_get_findings_page (window);
  GtkListView *list = GTK_LIST_VIEW (find_widget (findings, GTK_TYPE_LIST_VIEW, "css-name",
                                                  "listview"));
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), >=,
                    12);
  screenshot (GTK_WIDGET (window), "demo-findings");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "programme");
  settle (300);
  screenshot (GTK_WIDGET (window), "demo-programme");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  settle (300);
  screenshot (GTK_WIDGET (window), "demo-readiness");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audits");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  settle (300);
  screenshot (GTK_WIDGET (window), "demo-narrow");
  close_window (window);
}

static CwActionStatus
action_status (CwWorkspace *workspace, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAction) action = cw_workspace_get_action (workspace, id, &error);
  g_assert_no_error (error);
  return cw_action_get_status (action);
}

static void
test_actions_page (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "actions.clausewise");
  CwWindow *window = open_window (path, TRUE);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  plan_audit (window, "Change audit");
  CwFindingDraft draft = {
    .audit_id = 1, .clause = "8.5.1.1", .grade = CW_GRADE_MINOR,
    .requirement = "CMP-01 v3 defines the change types.",
    .evidence = "RFC-2291 was raised as an emergency change, a type CMP-01 v3 lacks.",
    .statement = "A change was raised under a type the policy does not define.",
  };
  g_autoptr (GError) error = NULL;
  gint64 finding = cw_workspace_create_finding (workspace, &draft, &error);
  g_assert_no_error (error);
  cw_window_show_audit (window, 1, "8.5.1.1.q1");
  settle (200);

  /* From the finding in the checklist to its new action in the register. */
  click_button (cw_window_get_checklist (window), "Corrective _Action…");
  CwActionsPage *page = CW_ACTIONS_PAGE (cw_window_get_actions_page (window));
  gint64 action = cw_actions_page_get_action_id (page);
  g_assert_cmpint (action, >, 0);
  g_autoptr (CwAction) made = cw_workspace_get_action_for_finding (workspace, finding, &error);
  g_assert_cmpint (cw_action_get_id (made), ==, action);

  /* Planning is not offered until its fields are filled in. */
  GtkWidget *root = GTK_WIDGET (page);
  g_assert_null (find_widget (root, GTK_TYPE_BUTTON, "label", cw_action_move_label (CW_ACTION_MOVE_PLANNED)));
  apply_entry (root, "Why? (1)", "CMP-01 was written before emergency changes were allowed");
  apply_entry (root, "Action plan", "Add the emergency type to CMP-01 and train the CAB");
  apply_entry (root, "Owner", "Tomasz Brennan");
  apply_entry (root, "Due date (YYYY-MM-DD)", "2027-01-31");
  apply_entry (root, "Correction: what contained the problem at once, or why nothing was needed",
               "RFC-2291 was reviewed by the CAB the next morning");
  apply_entry (root, "Consequences of the problem, and how they were dealt with",
               "None: the change worked and caused no incident");
  apply_entry (root,
               "Similar nonconformities: whether they exist or could occur, and where you looked",
               "All changes of the quarter checked: no other unknown type");
  apply_entry (root, "Effectiveness check on (YYYY-MM-DD)", "2020-01-01");
  apply_entry (root, "Verified by (who checked it)", "Fiona Lindqvist");
  screenshot (GTK_WIDGET (window), "actions");
  click_button (root, cw_action_move_label (CW_ACTION_MOVE_PLANNED));
  g_assert_cmpint (action_status (workspace, action), ==, CW_ACTION_PLANNED);
  click_button (root, cw_action_move_label (CW_ACTION_MOVE_IMPLEMENTED));
  apply_entry (root, "Verification evidence", "RFC-2302 to RFC-2310 all used the new type");
  click_button (root, cw_action_move_label (CW_ACTION_MOVE_VERIFIED));
  click_button (root, cw_action_move_label (CW_ACTION_MOVE_CLOSED));
  g_assert_cmpint (action_status (workspace, action), ==, CW_ACTION_CLOSED);
  g_autoptr (CwFinding) closed = cw_workspace_get_finding (workspace, finding, &error);
  g_assert_cmpint (cw_finding_get_status (closed), ==, CW_FINDING_CLOSED);
  close_window (window);
}

static void
respond (const char *const *keys, const char *const *values, const char *response)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), keys[i])), values[i]);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  settle (200);
}

static void
test_reviews_page (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "reviews.clausewise");
  CwWindow *window = open_window (path, TRUE);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews");
  CwReviewsPage *page = CW_REVIEWS_PAGE (cw_window_get_reviews_page (window));

  gtk_widget_activate_action (GTK_WIDGET (page), "reviews.new", NULL);
  settle (100);
  respond ((const char *const[]) { "date", "chair", NULL },
           (const char *const[]) { "2026-11-20", "Owen Castellane" }, "accept");
  gint64 review = cw_reviews_page_get_review_id (page);
  g_assert_cmpint (review, >, 0);
  cw_window_show_review (window, review);
  settle (200);

  /* Notes typed into the first input are saved without a Save button. */
  GtkWidget *view = find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "css-name", "textview");
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "All three actions from the spring review are closed.", -1);
  settle (1000);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReview) saved = cw_workspace_get_review (workspace, review, &error);
  const CwReviewEntry *first = g_ptr_array_index (cw_review_get_entries (saved), 0);
  g_assert_cmpstr (first->notes, ==, "All three actions from the spring review are closed.");

  gtk_widget_activate_action (GTK_WIDGET (page), "reviews.decide", NULL);
  settle (100);
  respond ((const char *const[]) { "text", "owner", "due", NULL },
           (const char *const[]) { "Hire a second change analyst", "Owen Castellane", "2027-03-31" },
           "accept");
  CwActionFilter filter = { .review_id = review };
  g_autoptr (GPtrArray) decisions = cw_workspace_list_actions (workspace, &filter, &error);
  g_assert_cmpuint (decisions->len, ==, 1);
  screenshot (GTK_WIDGET (window), "reviews");

  /* What approval needs besides (the chair attends from the start). */
  GPtrArray *entries = cw_review_get_entries (saved);
  for (guint i = 1; i < entries->len; i++)
    g_assert_true (cw_workspace_note_review (
      workspace, review, ((CwReviewEntry *) g_ptr_array_index (entries, i))->input, "Discussed.",
      &error));
  g_assert_true (cw_workspace_conclude_review (workspace, review, "Still fit for purpose.",
                                               "2027-05-20", &error));
  cw_window_show_review (window, review);
  settle (200);
  gtk_widget_activate_action (GTK_WIDGET (page), "reviews.approve", NULL);
  settle (100);
  respond ((const char *const[]) { NULL }, (const char *const[]) { NULL }, "accept");
  g_autoptr (CwReview) approved = cw_workspace_get_review (workspace, review, &error);
  g_assert_cmpint (cw_review_get_status (approved), ==, CW_REVIEW_APPROVED);
  view = find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "css-name", "textview");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/fieldwork", test_fieldwork);
  g_test_add_func ("/ui/damaged-file", test_damaged_file);
  g_test_add_func ("/ui/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/demo-screens", test_demo_screens);
  g_test_add_func ("/ui/actions-page", test_actions_page);
  g_test_add_func ("/ui/export", test_export);
  g_test_add_func ("/ui/reviews-page", test_reviews_page);
  return g_test_run ();
}
