/* test-checklist.c: the checklist's note belongs to the question it was
 * typed for. Opening an audit only reads; a note left behind is saved to its
 * own question after a pause in typing, on leaving the note, on moving to
 * another question, audit or page, and on closing the window. Every check
 * reads the workspace through the core, most of them from the file after
 * the window has let it go. */
#include "config.h"

#include <adwaita.h>

#include "cw-application.h"
#include "cw-audit-editor.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-date.h"
#include "cw-demo.h"
#include "cw-evidence-dialog.h"
#include "cw-evidence.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-meetings-dialog.h"
#include "cw-history.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-widgets.h"
#include "cw-window.h"

#define FIRST_QUESTION "8.5.1.1.q1"
#define SECOND_QUESTION "8.5.1.1.q2"
#define STORED_NOTE "CMP-01 v3 approved 2 March; seen on the intranet."

static CwApplication *app;

static CwChecklist *
show_audit (CwWindow *window, gint64 audit, const char *place)
{
  cw_window_show_audit (window, audit, place);
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpint (cw_checklist_get_audit_id (checklist), ==, audit);
  return checklist;
}

static GtkTextView *
note_view (CwChecklist *checklist)
{
  GtkWidget *view = cw_ui_find (GTK_WIDGET (checklist), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

/* ---- The workspace, through the core ------------------------------------ */

typedef struct
{
  char *dir;
  char *path;
  gint64 first;  /* has a note on its first question */
  gint64 second; /* has nothing yet */
} Fixture;

static gint64
create_audit (CwWorkspace *workspace, const char *title)
{
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft draft = { .title = title, .scope = scope };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cw_test_make_dir ();
  f->path = cw_test_path (f->dir, "notes.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (f->path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  f->first = create_audit (workspace, "Change audit");
  f->second = create_audit (workspace, "Release audit");
  g_assert_true (cw_workspace_answer (workspace, f->first, FIRST_QUESTION, CW_RESULT_CONFORMING,
                                      STORED_NOTE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->dir);
}

static CwWorkspace *
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  return workspace;
}

/* The stored note of a question, NULL when the question has no answer. */
static char *
stored_note (CwWorkspace *workspace, gint64 audit, const char *question)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, audit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < answers->len; i++)
    {
      CwAnswer *answer = g_ptr_array_index (answers, i);
      if (g_str_equal (answer->question, question))
        return g_strdup (answer->note);
    }
  return NULL;
}

static GPtrArray *
list_history (CwWorkspace *workspace, gint64 audit)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = cw_workspace_list_audit_history (workspace, audit, &error);
  g_assert_no_error (error);
  return entries;
}

/* The newest history entry's id: entries after it are what a step wrote. */
static gint64
last_history_id (CwWorkspace *workspace, gint64 audit)
{
  g_autoptr (GPtrArray) entries = list_history (workspace, audit);
  gint64 last = 0;
  for (guint i = 0; i < entries->len; i++)
    last = MAX (last, ((CwHistoryEntry *) g_ptr_array_index (entries, i))->id);
  return last;
}

/* The notes written to the audit since history entry `since`. */
static GStrv
notes_written_since (CwWorkspace *workspace, gint64 audit, gint64 since)
{
  g_autoptr (GPtrArray) entries = list_history (workspace, audit);
  g_autoptr (GStrvBuilder) notes = g_strv_builder_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      CwHistoryEntry *entry = g_ptr_array_index (entries, i);
      /* Whatever the step wrote, it never replaced the stored note. */
      g_assert_cmpstr (entry->old_value, !=, STORED_NOTE);
      if (entry->id > since && g_str_equal (entry->field, "note"))
        g_strv_builder_add (notes, entry->new_value);
    }
  return g_strv_builder_end (notes);
}

typedef struct
{
  CwWorkspace *workspace;
  gint64 audit;
  const char *question;
  const char *note;
} Expected;

static gboolean
note_is_stored (gpointer data)
{
  Expected *expected = data;
  g_autofree char *note = stored_note (expected->workspace, expected->audit, expected->question);
  return g_strcmp0 (note, expected->note) == 0;
}

/* ---- Tests -------------------------------------------------------------- */

/* The data loss: opening an audit wrote whatever the note box last held into
 * the audit's first question. */
static void
test_opening_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (CwWorkspace) before = reopen (f);
  gint64 since_first = last_history_id (before, f->first);
  gint64 since_second = last_history_id (before, f->second);
  g_clear_object (&before);

  /* Another audit's note, typed and not yet saved, then the first audit. */
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, NULL);
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, FIRST_QUESTION);
  cw_checklist_set_note (checklist, "Typed in the release audit");
  checklist = show_audit (window, f->first, FIRST_QUESTION);
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, FIRST_QUESTION);
  g_autofree char *shown = cw_text_view_dup_text (note_view (checklist));
  g_assert_cmpstr (shown, ==, STORED_NOTE);

  /* The previous question's note, then the same audit opened afresh. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.next", NULL);
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, SECOND_QUESTION);
  cw_checklist_set_note (checklist, "Typed for the second question");
  show_audit (window, f->first, FIRST_QUESTION);
  cw_ui_close_window (window);

  /* What was typed went where it was typed, once, and nowhere else. */
  g_autoptr (CwWorkspace) after = reopen (f);
  g_autofree char *first = stored_note (after, f->first, FIRST_QUESTION);
  g_assert_cmpstr (first, ==, STORED_NOTE);
  g_autofree char *second = stored_note (after, f->first, SECOND_QUESTION);
  g_assert_cmpstr (second, ==, "Typed for the second question");
  g_autofree char *other = stored_note (after, f->second, FIRST_QUESTION);
  g_assert_cmpstr (other, ==, "Typed in the release audit");
  g_auto (GStrv) written_first = notes_written_since (after, f->first, since_first);
  g_assert_cmpstrv (written_first,
                    ((const char *const[]) { "Typed for the second question", NULL }));
  g_auto (GStrv) written_second = notes_written_since (after, f->second, since_second);
  g_assert_cmpstrv (written_second, ((const char *const[]) { "Typed in the release audit", NULL }));
  since_first = last_history_id (after, f->first);
  since_second = last_history_id (after, f->second);
  g_clear_object (&after);

  /* A new start: the note box is empty, and opening the audits, at the
   * start, at a clause or at a question, leaves the history as it was. */
  window = cw_ui_open_window (app, f->path);
  show_audit (window, f->first, NULL);
  show_audit (window, f->first, "8.5.1.2");
  show_audit (window, f->second, NULL);
  show_audit (window, f->first, SECOND_QUESTION);
  show_audit (window, f->first, FIRST_QUESTION);
  cw_ui_close_window (window);

  after = reopen (f);
  g_autofree char *kept = stored_note (after, f->first, FIRST_QUESTION);
  g_assert_cmpstr (kept, ==, STORED_NOTE);
  g_autofree char *kept_other = stored_note (after, f->second, FIRST_QUESTION);
  g_assert_cmpstr (kept_other, ==, "Typed in the release audit");
  g_assert_cmpint (last_history_id (after, f->first), ==, since_first);
  g_assert_cmpint (last_history_id (after, f->second), ==, since_second);
}

/* A note is saved after a pause in typing, to the question it was typed for,
 * even when the pause ends after the question has changed. */
static void
test_note_saves_after_pause (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, SECOND_QUESTION);
  cw_checklist_set_note (checklist, "Seen in the CAB minutes");
  Expected expected = { cw_window_get_workspace (window), f->second, SECOND_QUESTION,
                        "Seen in the CAB minutes" };
  cw_ui_wait_until (note_is_stored, &expected);
  cw_ui_close_window (window);
}

/* Leaving the note box saves it at once, without waiting for the pause. */
static void
test_note_saves_on_focus_out (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->first, FIRST_QUESTION);
  GtkTextView *view = note_view (checklist);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  cw_checklist_set_note (checklist, "Amended after the interview");
  GtkWidget *result = cw_ui_find (GTK_WIDGET (checklist), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (gtk_widget_grab_focus (result));
  g_autofree char *note
    = stored_note (cw_window_get_workspace (window), f->first, FIRST_QUESTION);
  g_assert_cmpstr (note, ==, "Amended after the interview");
  cw_ui_close_window (window);
}

/* Another page of the window, and closing the window, save the note. */
static void
test_note_saves_on_page_switch_and_close (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->first, SECOND_QUESTION);
  cw_checklist_set_note (checklist, "Typed before looking at the actions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actions");
  g_autofree char *switched
    = stored_note (cw_window_get_workspace (window), f->first, SECOND_QUESTION);
  g_assert_cmpstr (switched, ==, "Typed before looking at the actions");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audits");
  cw_checklist_set_note (checklist, "Typed just before closing");
  cw_ui_close_window (window);
  g_autoptr (CwWorkspace) after = reopen (f);
  g_autofree char *closed = stored_note (after, f->first, SECOND_QUESTION);
  g_assert_cmpstr (closed, ==, "Typed just before closing");
  g_autofree char *first = stored_note (after, f->first, FIRST_QUESTION);
  g_assert_cmpstr (first, ==, STORED_NOTE);
}

/* Raise Finding raises it on the question shown, with the grade its
 * answer gave (Alt+4 is Minor). */
static void
test_raise_finding_from_answer (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, SECOND_QUESTION);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.result", "i", 3);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.raise-finding", NULL);
  cw_ui_wait_for_toplevel (CW_TYPE_FINDING_EDITOR);
  CwFindingEditor *editor = CW_FINDING_EDITOR (cw_ui_find_toplevel (CW_TYPE_FINDING_EDITOR));
  cw_finding_editor_fill (editor, CW_GRADE_MINOR, "CMP-01 asks for CAB approval.",
                          "RFC-2291 has none.", "One change was not approved.");
  g_assert_true (cw_finding_editor_save (editor));

  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, f->second, &error);
  g_assert_cmpuint (findings->len, ==, 1);
  CwFinding *finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (cw_finding_get_question (finding), ==, SECOND_QUESTION);
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MINOR);
  g_autofree char *label = cw_finding_dup_label (finding);
  g_assert_cmpstr (label, ==, "NC-1");

  /* The answer cannot move away from its finding's grade: the refusal is
   * said, and the results show Minor again, as the file holds. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.result", "i", 0);
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWindow *refusal = cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_close (refusal);
  GtkWidget *minor = cw_ui_find_button (GTK_WIDGET (checklist), "Minor nonconformity");
  GtkWidget *conforming = cw_ui_find_button (GTK_WIDGET (checklist), "Conforming");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (minor)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (conforming)));
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, f->second, &error);
  g_autoptr (GHashTable) by_question = cw_answers_by_question (answers);
  g_assert_cmpint (cw_answers_result (by_question, SECOND_QUESTION), ==, CW_RESULT_MINOR);
  cw_ui_close_window (window);
}

/* The demo's follow-up audit shows the September audit's nonconformity on
 * 10.1 and records what its follow-up saw, on that finding. */
static void
test_follow_up_earlier (Fixture *f, gconstpointer data)
{
  g_autofree char *path = cw_test_path (f->dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *demo = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_object_unref (demo);
  CwWindow *window = cw_ui_open_window (app, path);
  show_audit (window, 2, "10.1.q1");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *button = cw_ui_find_button (GTK_WIDGET (window), "Follow Up…");
  g_assert_nonnull (button);
  cw_ui_screenshot (GTK_WIDGET (window), "follow-up");
  g_signal_emit_by_name (button, "clicked");
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "CAR-2026-020 to 024: each verified a month after completion.");
  adw_message_dialog_response (dialog, "record");

  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GPtrArray) earlier = cw_workspace_list_earlier_findings (workspace, 2, "10.1", &error);
  g_assert_cmpuint (earlier->len, ==, 1);
  CwFinding *finding = g_ptr_array_index (earlier, 0);
  g_assert_cmpint (cw_finding_get_followed_up_in (finding), ==, 2);
  g_assert_cmpstr (cw_finding_get_follow_up_note (finding), ==,
                   "CAR-2026-020 to 024: each verified a month after completion.");
  cw_ui_close_window (window);
}

/* The widget of `type` numbered `n` (from 0) under `root`, depth first. */
static GtkWidget *
find_nth (GtkWidget *root, GType type, guint n)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_ptr_array_add (stack, root);
  guint seen = 0;
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      if (widget != root && G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && seen++ == n)
        return widget;
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

/* The entry row titled `title` under `root`. */
static GtkEditable *
find_entry_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return GTK_EDITABLE (child);
      GtkEditable *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Plan and Meetings… adds a session at once and records the sites and the
 * opening meeting on Save, in the audit it was opened for. */
static void
test_plan_and_meetings (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, SECOND_QUESTION);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.meetings", NULL);
  cw_ui_wait_for_toplevel (CW_TYPE_MEETINGS_DIALOG);
  CwMeetingsDialog *dialog = CW_MEETINGS_DIALOG (cw_ui_find_toplevel (CW_TYPE_MEETINGS_DIALOG));
  GtkWidget *root = GTK_WIDGET (dialog);
  gtk_editable_set_text (find_entry_row (root, "Day (YYYY-MM-DD)"), "2026-05-04");
  gtk_editable_set_text (find_entry_row (root, "Clause or process audited"), "8.5.1 Changes");
  gtk_editable_set_text (find_entry_row (root, "Auditor"), "Ada");
  gtk_widget_activate_action (root, "meetings.add-session", NULL);
  GtkTextView *sites = GTK_TEXT_VIEW (cw_ui_find (root, GTK_TYPE_TEXT_VIEW));
  cw_text_view_set_text (sites, "Head office");
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  gtk_editable_set_text (find_entry_row (root, "Opening meeting held on (YYYY-MM-DD)"), day);
  /* The text views in the dialog's order: sites, then the opening
   * meeting's attendees. */
  GtkTextView *opening = GTK_TEXT_VIEW (find_nth (root, GTK_TYPE_TEXT_VIEW, 1));
  cw_text_view_set_text (opening, "Ada Auditor\nTom Change");
  cw_ui_screenshot (root, "plan-and-meetings");
  g_assert_true (cw_meetings_dialog_save (dialog));

  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, f->second, &error);
  g_assert_cmpstr (cw_audit_get_sites (audit), ==, "Head office");
  g_assert_cmpstr (cw_audit_get_opening_on (audit), ==, day);
  g_assert_cmpstr (cw_audit_get_opening_attendees (audit), ==, "Ada Auditor\nTom Change");
  g_autoptr (GPtrArray) sessions = cw_workspace_list_audit_sessions (workspace, f->second, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((CwAuditSessionRow *) g_ptr_array_index (sessions, 0))->subject, ==,
                   "8.5.1 Changes");
  g_autoptr (CwAudit) other = cw_workspace_get_audit (workspace, f->first, &error);
  g_assert_null (cw_audit_get_opening_on (other));
  cw_ui_close_window (window);
}

/* Audit Details… corrects the audit shown, not another. */
static void
test_edit_details (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, SECOND_QUESTION);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.details", NULL);
  cw_ui_wait_for_toplevel (CW_TYPE_AUDIT_EDITOR);
  CwAuditEditor *editor = CW_AUDIT_EDITOR (cw_ui_find_toplevel (CW_TYPE_AUDIT_EDITOR));
  cw_audit_editor_set_title (editor, "Release and deployment audit");
  g_assert_cmpint (cw_audit_editor_save (editor), ==, f->second);

  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) second = cw_workspace_get_audit (workspace, f->second, &error);
  g_assert_cmpstr (cw_audit_get_title (second), ==, "Release and deployment audit");
  g_assert_true (cw_audit_covers (second, "8.5.3"));
  g_autoptr (CwAudit) first = cw_workspace_get_audit (workspace, f->first, &error);
  g_assert_cmpstr (cw_audit_get_title (first), ==, "Change audit");
  cw_ui_close_window (window);
}

static gboolean
question_is (gpointer data)
{
  gpointer *pair = data; /* checklist, question id */
  return g_strcmp0 (cw_checklist_get_question_id (pair[0]), pair[1]) == 0;
}

/* Opening an audit resumes at its first question not answered, with the
 * focus in its note; from there the keyboard moves between questions and
 * sets results, even though the note is a text view with keys of its own. */
static void
test_keyboard (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", "x", f->first);
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpstr (cw_checklist_get_question_id (checklist), ==, SECOND_QUESTION);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkTextView *view = note_view (checklist);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (view));

  cw_ui_press_keys ("ctrl+Next");
  gpointer third[] = { checklist, "8.5.1.1.q3" };
  cw_ui_wait_until (question_is, third);
  cw_ui_press_keys ("ctrl+Prior");
  gpointer second[] = { checklist, SECOND_QUESTION };
  cw_ui_wait_until (question_is, second);

  /* Alt+4 is Minor: stored at once for the question shown. */
  cw_ui_press_keys ("alt+4");
  Expected expected = { cw_window_get_workspace (window), f->first, SECOND_QUESTION, "" };
  cw_ui_wait_until (note_is_stored, &expected);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) answers
    = cw_workspace_list_answers (cw_window_get_workspace (window), f->first, &error);
  g_autoptr (GHashTable) by_question = cw_answers_by_question (answers);
  g_assert_cmpint (cw_answers_result (by_question, SECOND_QUESTION), ==, CW_RESULT_MINOR);

  /* Another page by keyboard takes the focus with it, and back again. */
  cw_ui_press_keys ("ctrl+3");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *actions = cw_window_get_actions_page (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, actions));
  cw_ui_press_keys ("ctrl+1");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (view));
  cw_ui_close_window (window);
}

static gboolean
has_evidence (gpointer data)
{
  gpointer *pair = data; /* workspace, audit id */
  g_autoptr (GPtrArray) items
    = cw_workspace_list_evidence (pair[0], GPOINTER_TO_INT (pair[1]), NULL);
  return items != NULL && items->len == 1;
}

/* Ctrl+E opens the Evidence dialog on its first field; Enter adds the item. */
static void
test_evidence_by_keyboard (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-audit", "x", f->second);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_press_keys ("ctrl+e");
  cw_ui_wait_for_toplevel (CW_TYPE_EVIDENCE_DIALOG);
  GtkWindow *dialog = cw_ui_find_toplevel (CW_TYPE_EVIDENCE_DIALOG);
  cw_ui_wait_for_frames (GTK_WIDGET (dialog));
  GtkWidget *first = cw_ui_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus == first || gtk_widget_is_ancestor (focus, first));

  cw_ui_press_keys ("Tab");
  cw_ui_press_keys ("C A B minus 2 2 9 1 Tab M i n u t e s Return");
  gpointer pair[] = { cw_window_get_workspace (window), GINT_TO_POINTER (f->second) };
  cw_ui_wait_until (has_evidence, pair);
  cw_ui_close_window (window);
}

/* The audit's menu exports its plan, under a name that says what it is;
 * writing the chosen file is the export every report shares
 * (test-report-ui.c). */
static void
test_export_plan (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwChecklist *checklist = show_audit (window, f->second, NULL);
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.export-plan", NULL);
  cw_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Release audit – audit plan.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  cw_ui_close_window (window);
}

static gboolean
transition_done (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

/* The first widget under `root` whose tooltip is `tooltip`. */
static GtkWidget *
find_by_tooltip (GtkWidget *root, const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      GtkWidget *found = find_by_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The audit shown at the window's present size, once it has settled. */
static CwChecklist *
show_settled (CwWindow *window, gint64 audit, const char *place)
{
  CwChecklist *checklist = show_audit (window, audit, place);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (checklist)));
  cw_ui_wait_until (transition_done, stack);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  return checklist;
}

static gboolean
leaflet_settled (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

/* Folded down to 360 px the checklist shows the question and reaches the
 * clause list and back; with text at 1.5 times its size, clause titles wrap
 * rather than being cut short. */
static void
test_narrow_and_large_text (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  CwChecklist *checklist = show_settled (window, f->first, "8.5.1.2");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 370);
  AdwLeaflet *leaflet = ADW_LEAFLET (cw_ui_find (GTK_WIDGET (checklist), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  cw_ui_screenshot (GTK_WIDGET (window), "checklist-narrow");

  /* The clause list is one button away, and a clause brings the question
   * back. */
  GtkWidget *content = adw_leaflet_get_visible_child (leaflet);
  g_signal_emit_by_name (find_by_tooltip (content, "Show Clauses"), "clicked");
  cw_ui_wait_until (leaflet_settled, leaflet);
  GtkWidget *sidebar = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (sidebar != content);
  GtkListView *clauses = GTK_LIST_VIEW (cw_ui_find (sidebar, GTK_TYPE_LIST_VIEW));
  g_signal_emit_by_name (clauses, "activate", 0);
  cw_ui_wait_until (leaflet_settled, leaflet);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);

  /* Large text, as the accessibility setting gives it. */
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  g_signal_emit_by_name (find_by_tooltip (content, "Show Clauses"), "clicked");
  cw_ui_wait_until (leaflet_settled, leaflet);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "checklist-large-text-clauses");
  GtkWidget *title = cw_ui_find (GTK_WIDGET (clauses), GTK_TYPE_LABEL);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), ==, PANGO_ELLIPSIZE_NONE);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);

  g_test_add ("/ui/checklist/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/ui/checklist/evidence-by-keyboard", Fixture, NULL, fixture_set_up,
              test_evidence_by_keyboard, fixture_tear_down);
  g_test_add ("/ui/checklist/export-plan", Fixture, NULL, fixture_set_up, test_export_plan,
              fixture_tear_down);
  g_test_add ("/ui/checklist/narrow-and-large-text", Fixture, NULL, fixture_set_up,
              test_narrow_and_large_text, fixture_tear_down);
  g_test_add ("/ui/checklist/edit-details", Fixture, NULL, fixture_set_up, test_edit_details,
              fixture_tear_down);
  g_test_add ("/ui/checklist/plan-and-meetings", Fixture, NULL, fixture_set_up,
              test_plan_and_meetings, fixture_tear_down);
  g_test_add ("/ui/checklist/follow-up-earlier", Fixture, NULL, fixture_set_up,
              test_follow_up_earlier, fixture_tear_down);
  g_test_add ("/ui/checklist/raise-finding-from-answer", Fixture, NULL, fixture_set_up,
              test_raise_finding_from_answer, fixture_tear_down);
  g_test_add ("/ui/checklist/opening-writes-nothing", Fixture, NULL, fixture_set_up,
              test_opening_writes_nothing, fixture_tear_down);
  g_test_add ("/ui/checklist/note-saves-after-pause", Fixture, NULL, fixture_set_up,
              test_note_saves_after_pause, fixture_tear_down);
  g_test_add ("/ui/checklist/note-saves-on-focus-out", Fixture, NULL, fixture_set_up,
              test_note_saves_on_focus_out, fixture_tear_down);
  g_test_add ("/ui/checklist/note-saves-on-page-switch-and-close", Fixture, NULL,
              fixture_set_up, test_note_saves_on_page_switch_and_close, fixture_tear_down);
  return g_test_run ();
}
