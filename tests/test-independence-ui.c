/* test-independence-ui.c: the independence rule in the window, as a quality
 * manager meets it: give people their areas in the organisation dialog,
 * plan an audit whose team would audit its own areas, see the refusal name
 * them, type the reasons the form then asks for, and save. And the sample
 * of the Evidence dialog (issue 13's other half): the suggested size, a
 * sample larger than its population refused, a sample saved. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cw-application.h"
#include "cw-audit-editor.h"
#include "cw-audit.h"
#include "cw-evidence-dialog.h"
#include "cw-evidence.h"
#include "cw-organisation-dialog.h"
#include "cw-people.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static gint64
history_count (const char *path)
{
  return cw_test_sql_int (path, "SELECT count(*) FROM history");
}

static void
test_refusal_and_reasons (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "i.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *made = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_workspace_add_person_with_areas (made, "Tomasz Brennan", "Change manager",
                                                       NULL, &error),
                   >, 0);
  g_object_unref (made);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);

  /* Areas are given in the organisation dialog; an unknown clause is
   * refused there, and a new person is added with theirs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation", NULL);
  cw_ui_wait_for_toplevel (CW_TYPE_ORGANISATION_DIALOG);
  CwOrganisationDialog *profile
    = CW_ORGANISATION_DIALOG (cw_ui_find_toplevel (CW_TYPE_ORGANISATION_DIALOG));
  g_assert_true (cw_organisation_dialog_set_areas (profile, "Tomasz Brennan", "8.5.1, 8.99"));
  g_assert_false (cw_organisation_dialog_save (profile));
  g_assert_true (cw_organisation_dialog_set_areas (profile, "Tomasz Brennan", "8.5.1, 8.5.3"));
  cw_organisation_dialog_set_new_person (profile, "Fiona Lindqvist", "Quality manager", "10.1");
  cw_ui_wait_for_frames (GTK_WIDGET (profile));
  cw_ui_screenshot (GTK_WIDGET (profile), "organisation-people");
  g_assert_true (cw_organisation_dialog_save (profile));
  g_autoptr (CwPerson) tomasz = cw_workspace_find_person (workspace, "Tomasz Brennan", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tomasz->areas[1], ==, "8.5.3");
  g_autoptr (CwPerson) fiona = cw_workspace_find_person (workspace, "Fiona Lindqvist", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fiona->areas[0], ==, "10.1");

  /* The audit is refused, naming both; the file is unchanged. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-audit", NULL);
  cw_ui_wait_for_toplevel (CW_TYPE_AUDIT_EDITOR);
  CwAuditEditor *editor = CW_AUDIT_EDITOR (cw_ui_find_toplevel (CW_TYPE_AUDIT_EDITOR));
  cw_audit_editor_set_title (editor, "Change audit");
  const char *scope[] = { "8.5", "10.1", NULL };
  cw_audit_editor_set_scope (editor, scope);
  cw_audit_editor_set_team (editor, "Fiona Lindqvist", "Tomasz Brennan, Margaret Sefton");
  g_assert_false (cw_audit_editor_set_reason (editor, "Tomasz Brennan", "too early"));
  gint64 before = history_count (path);
  g_assert_cmpint (cw_audit_editor_save (editor), ==, 0);
  g_assert_cmpint (history_count (path), ==, before);
  const char *refusal = cw_audit_editor_get_error (editor);
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "Fiona Lindqvist is responsible for 10.1"));
  g_assert_nonnull (strstr (refusal, "Tomasz Brennan is responsible for 8.5.1, 8.5.3"));
  /* The form asks for a reason for each of them, and not for Margaret. */
  g_assert_false (cw_audit_editor_set_reason (editor, "Margaret Sefton", "x"));
  g_assert_true (cw_audit_editor_set_reason (editor, "Tomasz Brennan",
                                             "Only change specialist; Margaret Sefton shadows"));
  cw_ui_wait_for_frames (GTK_WIDGET (editor));
  cw_ui_screenshot (GTK_WIDGET (editor), "audit-editor-independence");

  /* One reason missing: still refused, now naming only Fiona. */
  g_assert_cmpint (cw_audit_editor_save (editor), ==, 0);
  refusal = cw_audit_editor_get_error (editor);
  g_assert_nonnull (strstr (refusal, "Fiona Lindqvist"));
  g_assert_null (strstr (refusal, "Tomasz"));
  g_assert_cmpint (history_count (path), ==, before);

  g_assert_true (cw_audit_editor_set_reason (editor, "Fiona Lindqvist",
                                             "Margaret Sefton audits 10.1 itself"));
  gint64 id = cw_audit_editor_save (editor);
  g_assert_cmpint (id, >, 0);
  g_autoptr (GPtrArray) members = cw_workspace_list_independence (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  g_autofree char *lead = cw_independence_describe (g_ptr_array_index (members, 0));
  g_assert_cmpstr (lead, ==, "audits own area 10.1: Margaret Sefton audits 10.1 itself");

  /* Opened again, the form shows the reasons recorded. */
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, id, &error);
  CwAuditEditor *details = cw_audit_editor_new_for_audit (GTK_WINDOW (window), workspace, audit);
  gtk_window_present (GTK_WINDOW (details));
  cw_ui_wait_for_frames (GTK_WIDGET (details));
  g_assert_true (cw_audit_editor_set_reason (details, "Tomasz Brennan", "Peer-reviewed"));
  g_assert_cmpint (cw_audit_editor_save (details), ==, id);
  g_autoptr (GPtrArray) again = cw_workspace_list_independence (workspace, id, &error);
  g_assert_cmpstr (((CwIndependence *) g_ptr_array_index (again, 1))->justification, ==,
                   "Peer-reviewed");
  cw_ui_close_window (window);
}

static void
test_evidence_sample (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "s.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *made = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft draft = { .title = "Change audit", .scope = scope };
  gint64 audit = cw_workspace_create_audit (made, &draft, &error);
  g_assert_no_error (error);
  g_object_unref (made);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);

  CwEvidenceDialog *dialog
    = cw_evidence_dialog_new (GTK_WINDOW (window), workspace, audit, "8.5.1.3.q1");
  gtk_window_present (GTK_WINDOW (dialog));
  GtkEditable *reference = GTK_EDITABLE (cw_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (reference, "Change register export, Jun-Aug 2026");
  cw_evidence_dialog_set_sample (dialog, "Changes closed Jun-Aug", 400, 401, CW_SAMPLE_RANDOM, 0);
  g_assert_nonnull (strstr (cw_evidence_dialog_get_suggestion (dialog), "Suggested sample: 20"));
  gint64 before = history_count (path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.save", NULL);
  g_assert_nonnull (cw_evidence_dialog_get_error (dialog));
  g_assert_nonnull (strstr (cw_evidence_dialog_get_error (dialog),
                            "sample of 401 items cannot be larger than its population of 400"));
  g_assert_cmpint (history_count (path), ==, before);
  cw_evidence_dialog_set_sample (dialog, "Changes closed Jun-Aug", 400, 20, CW_SAMPLE_RANDOM, 2);
  cw_ui_wait_for_frames (GTK_WIDGET (dialog));
  cw_ui_screenshot (GTK_WIDGET (dialog), "evidence-sample");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.save", NULL);
  g_autoptr (GPtrArray) items = cw_workspace_list_evidence (workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  CwEvidence *item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->population_size, ==, 400);
  g_assert_cmpint (item->sample_size, ==, 20);
  g_assert_cmpint (item->method, ==, CW_SAMPLE_RANDOM);
  g_assert_cmpint (item->exceptions, ==, 2);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/independence/refusal-and-reasons", test_refusal_and_reasons);
  g_test_add_func ("/ui/sampling/evidence-sample", test_evidence_sample);
  return g_test_run ();
}
