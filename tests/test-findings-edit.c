/* test-findings-edit.c: correcting and deleting findings and evidence from
 * the checklist as a user would: a finding row opens that finding in the
 * editor and saves to it; Delete hides the row, Undo brings it back and the
 * finding stays, and without Undo it is gone once the toast is; a dialog
 * holding typed text asks before throwing it away; the statement
 * checker's hints come and go under the statement as it is typed, and
 * never stop a save. What is expected is read back through the core. */
#include "config.h"

#include <adwaita.h>

#include "cw-application.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-evidence-dialog.h"
#include "cw-evidence.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

#define QUESTION "8.5.1.1.q1"

static CwApplication *app;

typedef struct
{
  char *dir;
  char *path;
  gint64 audit;
  gint64 first;  /* NC-1 */
  gint64 second; /* NC-2 */
  gint64 evidence;
} Fixture;

static gint64
raise_minor (CwWorkspace *workspace, gint64 audit, const char *statement)
{
  CwFindingDraft draft = {
    .audit_id = audit,
    .question = QUESTION,
    .grade = CW_GRADE_MINOR,
    .requirement = "CMP-01 asks for CAB approval of every normal change.",
    .evidence = "RFC-2291 and RFC-2304 were sampled.",
    .statement = statement,
  };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_finding (workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cw_test_make_dir ();
  f->path = cw_test_path (f->dir, "edit.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (f->path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft audit = { .title = "Change audit", .scope = scope };
  f->audit = cw_workspace_create_audit (workspace, &audit, &error);
  g_assert_no_error (error);
  g_assert_true (
    cw_workspace_answer (workspace, f->audit, QUESTION, CW_RESULT_MINOR, NULL, &error));
  f->first = raise_minor (workspace, f->audit, "RFC-2291 was not approved.");
  f->second = raise_minor (workspace, f->audit, "RFC-2304 was not approved.");
  CwEvidenceDraft evidence = { .audit_id = f->audit, .question = QUESTION,
                               .kind = CW_EVIDENCE_RECORD, .reference = "RFC-2291",
                               .sample_size = -1 };
  f->evidence = cw_workspace_add_evidence (workspace, &evidence, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->dir);
}

static CwChecklist *
open_checklist (CwWindow *window, Fixture *f)
{
  cw_window_show_audit (window, f->audit, QUESTION);
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  return checklist;
}

/* The widget of `type` under `root` that carries `key` = `id`, or NULL. */
static GtkWidget *
find_with_id (GtkWidget *root, GType type, const char *key, gint64 id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && g_object_get_data (G_OBJECT (child), key)
          && *(gint64 *) g_object_get_data (G_OBJECT (child), key) == id)
        return child;
      GtkWidget *found = find_with_id (child, type, key, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_first (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      GtkWidget *found = find_first (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
finding_row (CwChecklist *checklist, gint64 id)
{
  return find_with_id (GTK_WIDGET (checklist), ADW_TYPE_ACTION_ROW, "finding-id", id);
}

/* The row's Delete button (the one with the trash icon). */
static GtkWidget *
delete_button (GtkWidget *row, const char *key, gint64 id)
{
  GtkWidget *button = find_with_id (row, GTK_TYPE_BUTTON, key, id);
  while (button != NULL
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "user-trash-symbolic") != 0)
    button = gtk_widget_get_next_sibling (button);
  g_assert_nonnull (button);
  return button;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return find_toplevel (CW_TYPE_FINDING_EDITOR) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return find_toplevel (CW_TYPE_FINDING_EDITOR) == NULL;
}

static gboolean
question_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
evidence_dialog_shown (gpointer data)
{
  return find_toplevel (CW_TYPE_EVIDENCE_DIALOG) != NULL;
}

static CwFinding *
stored_finding (CwWorkspace *workspace, gint64 id)
{
  return cw_workspace_get_finding (workspace, id, NULL);
}

/* ---- Editing ------------------------------------------------------------- */

static void
test_edit_finding (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);
  GtkWidget *row = finding_row (checklist, f->second);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_widget_activate (row);
  cw_ui_wait_until (editor_shown, NULL);
  CwFindingEditor *editor = CW_FINDING_EDITOR (find_toplevel (CW_TYPE_FINDING_EDITOR));
  g_assert_cmpint (cw_finding_editor_get_finding_id (editor), ==, f->second);
  cw_test_assert_contains (gtk_window_get_title (GTK_WINDOW (editor)), "NC-2");
  g_assert_false (cw_finding_editor_has_typing (editor));

  cw_finding_editor_fill (editor, CW_GRADE_MINOR,
                          "CMP-01 asks for CAB approval of every normal change.",
                          "RFC-2291 and RFC-2304 were sampled.",
                          "RFC-2304 was implemented on 4 March without CAB approval.");
  g_assert_true (cw_finding_editor_save (editor));
  cw_ui_wait_until (editor_gone, NULL);

  /* Stored in that finding, and in no other. */
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (CwFinding) second = stored_finding (workspace, f->second);
  g_assert_cmpstr (cw_finding_get_statement (second), ==,
                   "RFC-2304 was implemented on 4 March without CAB approval.");
  g_autoptr (CwFinding) first = stored_finding (workspace, f->first);
  g_assert_cmpstr (cw_finding_get_statement (first), ==, "RFC-2291 was not approved.");
  cw_ui_close_window (window);
}

static void
test_edit_evidence (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);
  GtkWidget *row
    = find_with_id (GTK_WIDGET (checklist), ADW_TYPE_ACTION_ROW, "evidence-id", f->evidence);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  cw_ui_wait_until (evidence_dialog_shown, NULL);
  CwEvidenceDialog *dialog = CW_EVIDENCE_DIALOG (find_toplevel (CW_TYPE_EVIDENCE_DIALOG));
  g_assert_cmpint (cw_evidence_dialog_get_item_id (dialog), ==, f->evidence);
  /* The first entry row is the reference. */
  GtkWidget *reference = find_first (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (reference);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reference)), ==, "RFC-2291");
  gtk_editable_set_text (GTK_EDITABLE (reference), "RFC-2291 v2, change tool export of 5 March");
  g_assert_true (cw_evidence_dialog_has_typing (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "evidence.save", NULL);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (CwEvidence) item = cw_workspace_get_evidence (workspace, f->evidence, NULL);
  g_assert_cmpstr (item->reference, ==, "RFC-2291 v2, change tool export of 5 March");
  cw_ui_close_window (window);
}

/* ---- Deleting with undo ---------------------------------------------------- */

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);
  GtkWidget *row = finding_row (checklist, f->second);
  g_signal_emit_by_name (delete_button (row, "finding-id", f->second), "clicked");
  /* Hidden at once; still stored until the toast goes. */
  g_assert_null (finding_row (checklist, f->second));
  g_assert_nonnull (finding_row (checklist, f->first));
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (CwFinding) waiting = stored_finding (workspace, f->second);
  g_assert_nonnull (waiting);

  gtk_widget_activate_action (GTK_WIDGET (window), "checklist-undo.undo", NULL);
  g_assert_nonnull (finding_row (checklist, f->second));
  cw_ui_close_window (window);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) after = cw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_autoptr (CwFinding) kept = stored_finding (after, f->second);
  g_assert_nonnull (kept);
}

typedef struct
{
  CwWorkspace *workspace;
  gint64 id;
} Gone;

static gboolean
finding_gone (gpointer data)
{
  Gone *gone = data;
  g_autoptr (CwFinding) finding = stored_finding (gone->workspace, gone->id);
  return finding == NULL;
}

static void
test_delete_after_toast (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);
  g_signal_emit_by_name (delete_button (finding_row (checklist, f->second), "finding-id", f->second), "clicked");
  Gone gone = { cw_window_get_workspace (window), f->second };
  cw_ui_wait_until (finding_gone, &gone);
  g_assert_null (finding_row (checklist, f->second));
  g_autoptr (CwFinding) first = stored_finding (gone.workspace, f->first);
  g_assert_nonnull (first);

  /* Evidence deleted and not undone goes when the window does. */
  GtkWidget *row
    = find_with_id (GTK_WIDGET (checklist), ADW_TYPE_ACTION_ROW, "evidence-id", f->evidence);
  g_signal_emit_by_name (delete_button (row, "evidence-id", f->evidence), "clicked");
  cw_ui_close_window (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) after = cw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) items = cw_workspace_list_evidence (after, f->audit, &error);
  g_assert_cmpuint (items->len, ==, 0);
}

/* ---- No silent discards ------------------------------------------------------ */

static void
test_discard_question (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);

  /* Nothing typed: Cancel just closes. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.raise-finding", NULL);
  cw_ui_wait_until (editor_shown, NULL);
  GtkWindow *editor = find_toplevel (CW_TYPE_FINDING_EDITOR);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  cw_ui_wait_until (editor_gone, NULL);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Typed: it asks, and Keep Editing keeps the text. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.raise-finding", NULL);
  cw_ui_wait_until (editor_shown, NULL);
  editor = find_toplevel (CW_TYPE_FINDING_EDITOR);
  cw_finding_editor_fill (CW_FINDING_EDITOR (editor), CW_GRADE_MINOR,
                          "CMP-01 asks for approval.", "RFC-2400 has none.",
                          "A third change was not approved.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  cw_ui_wait_until (question_shown, NULL);
  AdwMessageDialog *question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard this finding?");
  g_assert_true (adw_message_dialog_has_response (question, "discard"));
  g_assert_true (adw_message_dialog_has_response (question, "keep"));
  adw_message_dialog_response (question, "keep");
  g_assert_true (find_toplevel (CW_TYPE_FINDING_EDITOR) == editor);
  g_assert_true (cw_finding_editor_has_typing (CW_FINDING_EDITOR (editor)));

  /* Discard closes it, and nothing is raised. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  cw_ui_wait_until (question_shown, NULL);
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, "discard");
  cw_ui_wait_until (editor_gone, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings
    = cw_workspace_list_findings (cw_window_get_workspace (window), f->audit, &error);
  g_assert_cmpuint (findings->len, ==, 2);
  cw_ui_close_window (window);
}

/* ---- Statement hints ------------------------------------------------------- */

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_name (child), name))
        return child;
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *list;
  const char *kind;
  gboolean present;
} HintWait;

/* A row of the kind is shown (or, with present FALSE, none is), on a list
 * that is itself visible exactly when it has rows. */
static gboolean
hint_is (gpointer data)
{
  HintWait *wait = data;
  gboolean found = FALSE, any = FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (wait->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      any = TRUE;
      found |= g_str_equal (gtk_widget_get_name (row), wait->kind);
    }
  return found == wait->present && gtk_widget_get_visible (wait->list) == any;
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_statement_hints (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = open_checklist (window, f);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.raise-finding", NULL);
  cw_ui_wait_until (editor_shown, NULL);
  GtkWindow *editor = find_toplevel (CW_TYPE_FINDING_EDITOR);
  GtkWidget *list = find_named (GTK_WIDGET (editor), "statement-hints");
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_get_visible (list));

  const char *requirement = "Clause 8.5.1.3 and CMP-01: every normal change is approved by "
                            "the CAB before it is deployed.";
  const char *evidence = "RFC-2304 was deployed on 4 March 2026 with no CAB approval; the "
                         "other 9 RFCs sampled were approved.";
  cw_finding_editor_fill (CW_FINDING_EDITOR (editor), CW_GRADE_MINOR, requirement, evidence,
                          "The CAB should approve every change before it is deployed.");
  HintWait should = { list, "should", TRUE };
  cw_ui_wait_until (hint_is, &should);
  cw_ui_screenshot (list, "finding-editor-hints");
  GtkWidget *row = gtk_widget_get_first_child (list);
  GtkWidget *label = find_first (row, GTK_TYPE_LABEL);
  cw_test_assert_contains (gtk_label_get_label (GTK_LABEL (label)), "“should”");

  /* Fixed: the hint goes, and with no other hint the list hides. */
  cw_finding_editor_fill (CW_FINDING_EDITOR (editor), CW_GRADE_MINOR, requirement, evidence,
                          "One of ten changes sampled was deployed without the CAB approval "
                          "that CMP-01 requires.");
  HintWait gone = { list, "should", FALSE };
  cw_ui_wait_until (hint_is, &gone);
  g_assert_false (gtk_widget_get_visible (list));

  /* A hint is advice: the finding is raised with it showing. */
  cw_finding_editor_fill (CW_FINDING_EDITOR (editor), CW_GRADE_MINOR, requirement, evidence,
                          "The CAB should approve every change before it is deployed.");
  cw_ui_wait_until (hint_is, &should);
  g_assert_true (cw_finding_editor_save (CW_FINDING_EDITOR (editor)));
  cw_ui_wait_until (editor_gone, NULL);
  /* Taking the editor down changes its fields; no check may be left
   * scheduled on it. Let more than the typing pause go by. */
  gboolean paused = FALSE;
  g_timeout_add_once (600, set_true, &paused);
  cw_ui_wait_until (is_true, &paused);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings
    = cw_workspace_list_findings (cw_window_get_workspace (window), f->audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 3);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/findings-edit/edit-finding", test_edit_finding);
  ADD ("/ui/findings-edit/edit-evidence", test_edit_evidence);
  ADD ("/ui/findings-edit/delete-undo", test_delete_undo);
  ADD ("/ui/findings-edit/delete-after-toast", test_delete_after_toast);
  ADD ("/ui/findings-edit/discard-question", test_discard_question);
  ADD ("/ui/findings-edit/statement-hints", test_statement_hints);
  return g_test_run ();
}
