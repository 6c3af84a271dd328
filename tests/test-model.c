/* test-model.c: the window never loses or silently changes a record.
 *
 * A seeded pseudo-random run of window operations, driven through the real
 * window as a user would drive it: opening audits (the win.show-audit action
 * or a row of the audits list), moving between questions (the checklist's
 * next and previous actions, which Ctrl+Page Down/Up are bound to), typing
 * into the note (inserted into its buffer as typing does, so a frozen audit
 * refuses it), leaving the note, setting a result (the checklist.result
 * action behind Alt+1 … Alt+7), raising a finding from an answer and
 * correcting a finding's statement from its row, typing into a corrective
 * action's fields on the Actions page and leaving them, switching pages,
 * waiting out the typing pause, and closing the window and opening the file
 * again.
 *
 * The test keeps its own model of what the workspace must hold: the note
 * and the result of every (audit, question), the findings of every audit
 * (question, grade and statement), and the fields of the actions. It is
 * worked out from the operations alone, never read back through the core.
 * After every step the file is read through a connection of its own and
 * compared with the model. The rules the model follows:
 *
 * - Typed text waits in a draft until a pause in typing saves it. Right
 *   after typing, the file may hold the text as it was at the last flush
 *   point or any text the field held since (a pause may have saved one).
 * - Flush points, after which the file must hold exactly what was typed:
 *   for a note, moving to another question or audit, setting a result that
 *   changes the toggles, Raise Finding, the note losing the focus, leaving
 *   the checklist (another page, or back to the list) and closing the
 *   window; for an action's field, the field losing the focus, showing an
 *   action, leaving the Actions page and closing the window; for both, the
 *   pause once it has passed (the "pause" operation waits for it).
 * - An issued audit is frozen: typing into its note inserts nothing and its
 *   results cannot be set; nothing of it changes.
 * - A result that disagrees with the grade of a finding on its question is
 *   refused with a dialog, and the stored result stays, on the toggles too;
 *   the note it flushed is saved all the same. A finding is raised on an
 *   answer whose result is a grade, with that grade (the test sets such a
 *   result first).
 * - Any other dialog is a failure. Closing the window must let the
 *   workspace go (the helper waits for it) before the file is opened again.
 *
 * The window is checked too: after every move the checklist shows the
 * audit and question the model expects, with the note the model holds.
 *
 * The seed is fixed in the suite; CW_MODEL_SEED overrides it ("clock" takes
 * one from the clock) and CW_MODEL_STEPS sets the number of operations. The
 * seed is printed first; a failure prints the seed, the step and the last
 * steps done, to replay it.
 *
 * What runs found stays as plain tests beside it: opening an action from
 * the register right after typing into another (the register used to be
 * rebuilt under the row being activated), a window closed after the focus
 * had been in the Reviews page (the workspace used to stay open, and
 * claimed, after the window had gone), and the seeded run that found the
 * checklist kept alive the same way. */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <unistd.h>

#include "cw-action.h"
#include "cw-actions-page.h"
#include "cw-application.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-widgets.h"
#include "cw-window.h"

#define DEFAULT_SEED 20261129u
#define DEFAULT_STEPS 500
#define LOG_SIZE 20
/* The checklist lists this many findings of a clause (the rest are on the
 * Findings page): the test raises no more than that on a clause. */
#define FINDINGS_SHOWN 5

static CwApplication *app;

/* The results in the order of the checklist's buttons: the parameter of
 * checklist.result, and Alt+1 … Alt+7. */
static const CwResult result_order[] = {
  CW_RESULT_CONFORMING, CW_RESULT_OBSERVATION,    CW_RESULT_OFI,          CW_RESULT_MINOR,
  CW_RESULT_MAJOR,      CW_RESULT_NOT_APPLICABLE, CW_RESULT_NOT_ASSESSED,
};

static const char *const pages[] = { "audits", "findings", "actions", "reviews", "programme" };

/* The action fields typed into, by the title of their row. */
typedef struct
{
  const char *title;
  const char *key;
  gboolean required; /* may not be left blank */
} ActionField;

static const ActionField action_fields[] = {
  { "Title", "title", TRUE },
  { "Description", "description", FALSE },
  { "Owner", "owner", FALSE },
  { "Action plan", "plan", FALSE },
  { "Correction: what contained the problem at once, or why nothing was needed", "correction",
    FALSE },
};

/* ---- The model ------------------------------------------------------------ */

/* A text the workspace must hold: `text` once flushed; until then, while
 * `earlier` is not NULL, it may still hold any of those. */
typedef struct
{
  char *text;
  GPtrArray *earlier;
} Text;

static void
text_free (Text *text)
{
  g_free (text->text);
  if (text->earlier != NULL)
    g_ptr_array_unref (text->earlier);
  g_free (text);
}

typedef struct
{
  gint64 id;
  const char *title;
  gboolean frozen;      /* issued: refuses every edit */
  GPtrArray *questions; /* question ids in checklist order (the catalogue's strings) */
  GPtrArray *clauses;   /* the clause number of each */
} Audit;

typedef struct
{
  gint64 audit;
  char *question;
  CwGrade grade;
  char *requirement;
  char *evidence;
  char *statement;
} Finding;

static void
finding_free (Finding *finding)
{
  g_free (finding->question);
  g_free (finding->requirement);
  g_free (finding->evidence);
  g_free (finding->statement);
  g_free (finding);
}

typedef struct
{
  char *dir;
  char *path;
  GRand *rand;
  guint32 seed;
  guint operation; /* operations done, what CW_MODEL_STEPS counts */
  guint step;      /* what the log numbers: an operation may take a few */
  char *log[LOG_SIZE];

  GPtrArray *audits;   /* Audit */
  GArray *actions;     /* gint64 */
  GHashTable *notes;   /* "audit|question" → Text */
  GHashTable *results; /* "audit|question" → CwResult */
  GPtrArray *findings; /* Finding */
  GHashTable *fields;  /* "action|key" → Text */

  /* What the window shows, as the test has driven it. */
  CwCatalogue *catalogue;
  CwWindow *window;
  const char *page;
  gboolean checklist_shown; /* the audits page shows the checklist, not the list */
  Audit *audit;             /* the audit in the checklist, NULL before one is opened */
  guint index;              /* its question shown */
  CwResult toggled;         /* the result the toggles show */
  gint64 action;            /* the action in the editor, 0 for none */
} Model;

static Model *current_model; /* for the replay printed on an abort */

static char *
answer_key (gint64 audit, const char *question)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", audit, question);
}

static char *
field_key (gint64 action, const char *key)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", action, key);
}

static Text *
lookup_text (GHashTable *table, const char *key)
{
  Text *text = g_hash_table_lookup (table, key);
  if (text == NULL)
    {
      text = g_new0 (Text, 1);
      text->text = g_strdup ("");
      g_hash_table_insert (table, g_strdup (key), text);
    }
  return text;
}

/* Typed: the new text is what a flush must store; until then the old one,
 * or anything typed since the last flush, may still be there. */
static void
text_typed (Text *text, const char *typed)
{
  if (g_str_equal (text->text, typed))
    return;
  if (text->earlier == NULL)
    text->earlier = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (text->earlier, g_steal_pointer (&text->text));
  text->text = g_strdup (typed);
}

static void
flush_table (GHashTable *table)
{
  GHashTableIter iter;
  Text *text;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &text))
    g_clear_pointer (&text->earlier, g_ptr_array_unref);
}

static CwResult
model_result (Model *m, gint64 audit, const char *question)
{
  g_autofree char *key = answer_key (audit, question);
  gpointer value;
  if (!g_hash_table_lookup_extended (m->results, key, NULL, &value))
    return CW_RESULT_NOT_ASSESSED;
  return GPOINTER_TO_INT (value);
}

static void
set_model_result (Model *m, gint64 audit, const char *question, CwResult result)
{
  g_hash_table_insert (m->results, answer_key (audit, question), GINT_TO_POINTER (result));
}

static const char *
current_question (Model *m)
{
  return g_ptr_array_index (m->audit->questions, m->index);
}

static const char *
current_clause (Model *m)
{
  return g_ptr_array_index (m->audit->clauses, m->index);
}

static Text *
current_note (Model *m)
{
  g_autofree char *key = answer_key (m->audit->id, current_question (m));
  return lookup_text (m->notes, key);
}

/* ---- Failing with a replay ------------------------------------------------ */

static void
log_step (Model *m, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
log_step (Model *m, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  guint slot = m->step % LOG_SIZE;
  g_free (m->log[slot]);
  m->log[slot] = g_strdup_printf ("step %u: %s", m->step, what);
}

static void
print_replay (Model *m)
{
  g_printerr ("\n# model test failed at step %u (operation %u) with seed %u; replay with "
              "CW_MODEL_SEED=%u CW_MODEL_STEPS=%u\n# the last steps:\n",
              m->step, m->operation + 1, m->seed, m->seed, m->operation + 1);
  for (guint i = 0; i < LOG_SIZE; i++)
    {
      const char *line = m->log[(m->step + 1 + i) % LOG_SIZE];
      if (line != NULL)
        g_printerr ("#   %s\n", line);
    }
}

/* Any assertion (or a warning made fatal) ends the run with abort(): the
 * replay is printed on the way out. */
static void
on_abort (int signal_number)
{
  if (current_model != NULL)
    {
      Model *m = current_model;
      current_model = NULL;
      print_replay (m);
    }
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

G_NORETURN static void
fail (Model *m, const char *format, ...) G_GNUC_PRINTF (2, 3);

G_NORETURN static void
fail (Model *m, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("\n# %s\n", message);
  g_error ("step %u (seed %u): %s", m->step, m->seed, message);
}

/* ---- Comparing the file with the model ---------------------------------- */

static gboolean
text_allows (Text *text, const char *stored)
{
  if (g_str_equal (text->text, stored))
    return TRUE;
  for (guint i = 0; text->earlier != NULL && i < text->earlier->len; i++)
    if (g_str_equal (g_ptr_array_index (text->earlier, i), stored))
      return TRUE;
  return FALSE;
}

static char *
describe_text (Text *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out, "\"%s\"", text->text);
  for (guint i = 0; text->earlier != NULL && i < text->earlier->len; i++)
    g_string_append_printf (out, " or, before a flush, \"%s\"",
                            (char *) g_ptr_array_index (text->earlier, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
finding_signature (const char *question, CwGrade grade, const char *statement)
{
  return g_strdup_printf ("%s · %s · %s", question, cw_grade_label (grade), statement);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
join_sorted (GPtrArray *strings)
{
  g_ptr_array_sort (strings, compare_strings);
  g_ptr_array_add (strings, NULL);
  char *joined = g_strjoinv ("\n    ", (char **) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
  return joined;
}

static void
check_file (Model *m)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) file = cw_workspace_open_as_is (m->path, &error);
  if (file == NULL)
    fail (m, "the file cannot be read: %s", error->message);

  for (guint a = 0; a < m->audits->len; a++)
    {
      Audit *audit = g_ptr_array_index (m->audits, a);
      g_autoptr (GPtrArray) answers = cw_workspace_list_answers (file, audit->id, &error);
      if (answers == NULL)
        fail (m, "the answers of audit %" G_GINT64_FORMAT " cannot be read: %s", audit->id,
              error->message);
      g_autoptr (GHashTable) stored = cw_answers_by_question (answers);
      for (guint q = 0; q < audit->questions->len; q++)
        {
          const char *question = g_ptr_array_index (audit->questions, q);
          CwAnswer *answer = g_hash_table_lookup (stored, question);
          const char *note = answer ? answer->note : "";
          CwResult result = answer ? answer->result : CW_RESULT_NOT_ASSESSED;
          g_autofree char *key = answer_key (audit->id, question);
          Text *expected = lookup_text (m->notes, key);
          if (!text_allows (expected, note))
            {
              g_autofree char *wanted = describe_text (expected);
              fail (m, "the note of %s in audit %" G_GINT64_FORMAT " is \"%s\" in the file; "
                    "the model holds %s",
                    question, audit->id, note, wanted);
            }
          CwResult wanted_result = model_result (m, audit->id, question);
          if (result != wanted_result)
            fail (m, "the result of %s in audit %" G_GINT64_FORMAT " is %s in the file; the "
                  "model holds %s",
                  question, audit->id, cw_result_label (result), cw_result_label (wanted_result));
        }
      /* No answer outside the questions the model knows. */
      for (guint i = 0; i < answers->len; i++)
        {
          CwAnswer *answer = g_ptr_array_index (answers, i);
          gboolean known = FALSE;
          for (guint q = 0; q < audit->questions->len && !known; q++)
            known = g_str_equal (answer->question, g_ptr_array_index (audit->questions, q));
          if (!known)
            fail (m, "audit %" G_GINT64_FORMAT " has an answer to %s, outside its questions",
                  audit->id, answer->question);
        }

      g_autoptr (GPtrArray) findings = cw_workspace_list_findings (file, audit->id, &error);
      if (findings == NULL)
        fail (m, "the findings of audit %" G_GINT64_FORMAT " cannot be read: %s", audit->id,
              error->message);
      g_autoptr (GPtrArray) in_file = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < findings->len; i++)
        {
          CwFinding *finding = g_ptr_array_index (findings, i);
          g_ptr_array_add (in_file, finding_signature (cw_finding_get_question (finding),
                                                       cw_finding_get_grade (finding),
                                                       cw_finding_get_statement (finding)));
        }
      g_autoptr (GPtrArray) in_model = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < m->findings->len; i++)
        {
          Finding *finding = g_ptr_array_index (m->findings, i);
          if (finding->audit == audit->id)
            g_ptr_array_add (in_model, finding_signature (finding->question, finding->grade,
                                                          finding->statement));
        }
      g_autofree char *file_list = join_sorted (in_file);
      g_autofree char *model_list = join_sorted (in_model);
      if (!g_str_equal (file_list, model_list))
        fail (m, "the findings of audit %" G_GINT64_FORMAT " in the file:\n    %s\n  in the "
              "model:\n    %s",
              audit->id, file_list, model_list);
    }

  for (guint i = 0; i < m->actions->len; i++)
    {
      gint64 id = g_array_index (m->actions, gint64, i);
      g_autoptr (CwAction) action = cw_workspace_get_action (file, id, &error);
      if (action == NULL)
        fail (m, "action %" G_GINT64_FORMAT " cannot be read: %s", id, error->message);
      const char *stored[] = {
        cw_action_get_title (action), cw_action_get_description (action),
        cw_action_get_owner (action), cw_action_get_plan (action),
        cw_action_get_correction (action),
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (stored) == G_N_ELEMENTS (action_fields));
      for (guint f = 0; f < G_N_ELEMENTS (action_fields); f++)
        {
          g_autofree char *key = field_key (id, action_fields[f].key);
          Text *expected = lookup_text (m->fields, key);
          if (!text_allows (expected, stored[f] ? stored[f] : ""))
            {
              g_autofree char *wanted = describe_text (expected);
              fail (m, "the %s of action %" G_GINT64_FORMAT " is \"%s\" in the file; the model "
                    "holds %s",
                    action_fields[f].key, id, stored[f], wanted);
            }
        }
    }
}

/* ---- The window ------------------------------------------------------------ */

static CwChecklist *
checklist (Model *m)
{
  return CW_CHECKLIST (cw_window_get_checklist (m->window));
}

static GtkTextView *
note_view (Model *m)
{
  GtkWidget *view = cw_ui_find (GTK_WIDGET (checklist (m)), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static GtkWindow *
shown_toplevel (GType type)
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
  return shown_toplevel (CW_TYPE_FINDING_EDITOR) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return shown_toplevel (CW_TYPE_FINDING_EDITOR) == NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return shown_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* After a dialog: the user is back in the main window. */
static void
back_to_window (Model *m)
{
  gtk_window_present (GTK_WINDOW (m->window));
  cw_ui_wait_until (window_active, m->window);
}

/* An error shown in a dialog, which must be the one expected; closed. */
static void
dismiss_error (Model *m, const char *heading)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (shown_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (dialog == NULL)
    fail (m, "no dialog said \"%s\"", heading);
  if (g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) != 0)
    fail (m, "a dialog said \"%s: %s\", not \"%s\"", adw_message_dialog_get_heading (dialog),
          adw_message_dialog_get_body (dialog), heading);
  /* Its Close button: the response, and the dialog goes. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  cw_ui_wait_until (dialog_gone, NULL);
  back_to_window (m);
}

/* No dialog may be left over: an error the model did not expect. */
static void
assert_no_dialog (Model *m)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (shown_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (dialog != NULL)
    fail (m, "an unexpected dialog: \"%s: %s\"", adw_message_dialog_get_heading (dialog),
          adw_message_dialog_get_body (dialog));
}

/* What the checklist shows is the question the model expects, its note as
 * the model has it. */
static void
assert_question_shown (Model *m)
{
  const char *shown = cw_checklist_get_question_id (checklist (m));
  if (cw_checklist_get_audit_id (checklist (m)) != m->audit->id
      || g_strcmp0 (shown, current_question (m)) != 0)
    fail (m, "the checklist shows %s of audit %" G_GINT64_FORMAT ", not %s of audit %"
          G_GINT64_FORMAT,
          shown, cw_checklist_get_audit_id (checklist (m)), current_question (m), m->audit->id);
  g_autofree char *box = cw_text_view_dup_text (note_view (m));
  Text *note = current_note (m);
  if (!g_str_equal (box, note->text))
    fail (m, "the note box of %s shows \"%s\"; the model holds \"%s\"", current_question (m), box,
          note->text);
}

/* The checklist has just loaded a question: its note box and toggles show
 * what is stored. */
static void
question_loaded (Model *m)
{
  flush_table (m->notes);
  m->toggled = model_result (m, m->audit->id, current_question (m));
  assert_question_shown (m);
}

/* The window leaves what it showed: the checklist, when it was on screen,
 * and the action editor save what was typed. */
static void
leaving_page (Model *m, const char *next)
{
  if (g_str_equal (m->page, next))
    return;
  if (g_str_equal (m->page, "audits") && m->checklist_shown)
    flush_table (m->notes);
  if (g_str_equal (m->page, "actions"))
    flush_table (m->fields);
}

static gboolean
on_checklist (Model *m)
{
  return g_str_equal (m->page, "audits") && m->checklist_shown && m->audit != NULL;
}

static GtkWidget *
find_with_id (GtkWidget *root, GType type, const char *key, gint64 id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && cw_object_get_id (child, key) == id)
        return child;
      GtkWidget *found = find_with_id (child, type, key, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the finding whose statement is `statement`, in the checklist. */
static GtkWidget *
find_finding_row (GtkWidget *root, const char *statement)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && cw_object_get_id (child, "finding-id") != 0
          && g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                               statement))
        return child;
      GtkWidget *found = find_finding_row (child, statement);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A field of the action editor by its title: an entry row, or a text view. */
static GtkWidget *
find_field (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((ADW_IS_ENTRY_ROW (child)
           && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
          || (GTK_IS_TEXT_VIEW (child)
              && g_strcmp0 (g_object_get_data (G_OBJECT (child), "title"), title) == 0))
        return child;
      GtkWidget *found = find_field (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_inside (GtkWidget *window, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* ---- Typing ------------------------------------------------------------------- */

/* Some words, unique to the step so that a misplaced text names where it
 * came from; sometimes with a letter outside ASCII. */
static char *
some_words (Model *m, const char *what)
{
  static const char *const words[] = { "CAB minutes", "RFC-2291", "seen", "interview with Ann",
                                       "sample of 12", "Änderung", "log", "ticket INC-77" };
  return g_strdup_printf ("%s%u %s", what, m->step,
                          words[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (words))]);
}

/* ---- Operations ------------------------------------------------------------ */

typedef gboolean (*Operation) (Model *m);

static void
open_window (Model *m)
{
  m->window = cw_ui_open_window (app, m->path);
  m->page = "audits";
  m->checklist_shown = FALSE;
  m->audit = NULL;
  m->action = 0;
}

static gboolean
op_open_audit (Model *m)
{
  Audit *audit = g_ptr_array_index (m->audits, g_rand_int_range (m->rand, 0, m->audits->len));
  gboolean by_list = g_rand_boolean (m->rand);
  if (by_list)
    {
      /* Back to the list the way the user goes there. */
      log_step (m, "open audit %" G_GINT64_FORMAT " from the audits list", audit->id);
      if (on_checklist (m))
        {
          g_assert_true (
            gtk_widget_activate_action (GTK_WIDGET (checklist (m)), "checklist.back", NULL));
          flush_table (m->notes);
          m->checklist_shown = FALSE;
        }
      if (!g_str_equal (m->page, "audits"))
        {
          leaving_page (m, "audits");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (m->window), "win.show-page", "s",
                                                     "audits"));
          m->page = "audits";
        }
      /* The list shows when no checklist is open. */
      if (m->checklist_shown)
        {
          g_assert_true (
            gtk_widget_activate_action (GTK_WIDGET (checklist (m)), "checklist.back", NULL));
          flush_table (m->notes);
          m->checklist_shown = FALSE;
        }
      GtkWidget *row
        = find_with_id (GTK_WIDGET (m->window), ADW_TYPE_ACTION_ROW, "audit-id", audit->id);
      if (row == NULL || !gtk_widget_get_mapped (row))
        fail (m, "the audits list shows no row for audit %" G_GINT64_FORMAT, audit->id);
      gtk_widget_activate (row);
    }
  else
    {
      log_step (m, "open audit %" G_GINT64_FORMAT " with win.show-audit", audit->id);
      g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (m->window), "win.show-audit", "x", audit->id));
    }
  leaving_page (m, "audits");
  /* The checklist saves the note it had before it loads the audit. */
  flush_table (m->notes);
  m->page = "audits";
  m->checklist_shown = TRUE;
  m->audit = audit;
  /* An audit opens at its first question not answered (at the first
   * question when every one is). */
  m->index = 0;
  for (guint i = 0; i < audit->questions->len; i++)
    if (model_result (m, audit->id, g_ptr_array_index (audit->questions, i))
        == CW_RESULT_NOT_ASSESSED)
      {
        m->index = i;
        break;
      }
  question_loaded (m);
  return TRUE;
}

static gboolean
op_move (Model *m)
{
  if (!on_checklist (m))
    return FALSE;
  gboolean next = g_rand_int_range (m->rand, 0, 3) > 0;
  log_step (m, "%s question from %s", next ? "next" : "previous", current_question (m));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checklist (m)),
                                             next ? "checklist.next" : "checklist.previous",
                                             NULL));
  /* At either end the question stays, and nothing is saved. */
  gboolean possible = next ? m->index + 1 < m->audit->questions->len : m->index > 0;
  if (!possible)
    {
      assert_question_shown (m);
      return TRUE;
    }
  m->index += next ? 1 : -1;
  question_loaded (m);
  return TRUE;
}

static gboolean
op_type_note (Model *m)
{
  if (!on_checklist (m))
    return FALSE;
  GtkTextView *view = note_view (m);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  Text *note = current_note (m);
  g_autofree char *typed = NULL;
  guint how = g_rand_int_range (m->rand, 0, 10);
  gboolean editable = gtk_text_view_get_editable (view);
  if (how == 0 && *note->text)
    {
      /* Select all and delete. */
      log_step (m, "clear the note of %s", current_question (m));
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete_interactive (buffer, &start, &end, editable);
      typed = g_strdup ("");
    }
  else
    {
      g_autofree char *words = some_words (m, "n");
      g_autofree char *chunk = g_strconcat (*note->text ? " " : "", words, NULL);
      log_step (m, "type \"%s\" into the note of %s of audit %" G_GINT64_FORMAT, chunk,
                current_question (m), m->audit->id);
      GtkTextIter end;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, chunk, -1, editable);
      typed = g_strconcat (note->text, chunk, NULL);
    }
  /* A frozen audit's note takes no typing. */
  if (m->audit->frozen)
    {
      if (editable)
        fail (m, "the note of issued audit %" G_GINT64_FORMAT " takes typing", m->audit->id);
    }
  else
    text_typed (note, typed);
  assert_question_shown (m);
  return TRUE;
}

/* The focus goes from the note to a result button. */
static gboolean
op_leave_note (Model *m)
{
  if (!on_checklist (m))
    return FALSE;
  log_step (m, "leave the note of %s", current_question (m));
  GtkTextView *view = note_view (m);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  GtkWidget *button = cw_ui_find (GTK_WIDGET (checklist (m)), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (button);
  if (m->audit->frozen)
    return TRUE; /* its buttons take no focus, and there is nothing to save */
  if (!gtk_widget_grab_focus (button))
    fail (m, "the result buttons take no focus");
  flush_table (m->notes);
  return TRUE;
}

/* The findings of the audit shown raised on `question`, or on its clause
 * when `question` is NULL. */
static GPtrArray *
model_findings (Model *m, const char *question, const char *clause)
{
  GPtrArray *found = g_ptr_array_new ();
  for (guint i = 0; i < m->findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (m->findings, i);
      if (finding->audit != m->audit->id)
        continue;
      if (question != NULL && !g_str_equal (finding->question, question))
        continue;
      if (clause != NULL)
        {
          gboolean in_clause = FALSE;
          for (guint q = 0; q < m->audit->questions->len && !in_clause; q++)
            in_clause = g_str_equal (g_ptr_array_index (m->audit->questions, q), finding->question)
                        && g_str_equal (g_ptr_array_index (m->audit->clauses, q), clause);
          if (!in_clause)
            continue;
        }
      g_ptr_array_add (found, finding);
    }
  return found;
}

static void
set_result (Model *m, CwResult result)
{
  guint position = 0;
  while (result_order[position] != result)
    position++;
  log_step (m, "set %s of audit %" G_GINT64_FORMAT " to %s (Alt+%u)", current_question (m),
            m->audit->id, cw_result_label (result), position + 1);
  gtk_widget_activate_action (GTK_WIDGET (checklist (m)), "checklist.result", "i", position);
  /* A frozen audit's buttons are insensitive; a button already down does
   * not toggle again. */
  if (m->audit->frozen || result == m->toggled)
    {
      assert_no_dialog (m);
      return;
    }
  m->toggled = result;
  flush_table (m->notes);
  g_autoptr (GPtrArray) findings = model_findings (m, current_question (m), NULL);
  gboolean agrees = TRUE;
  for (guint i = 0; i < findings->len; i++)
    agrees = agrees && cw_grade_to_result (((Finding *) g_ptr_array_index (findings, i))->grade)
                         == result;
  if (!agrees)
    {
      dismiss_error (m, "Could Not Save the Answer");
      /* The toggles go back to the result the file holds. */
      m->toggled = model_result (m, m->audit->id, current_question (m));
      return;
    }
  assert_no_dialog (m);
  set_model_result (m, m->audit->id, current_question (m), result);
}

static gboolean
op_set_result (Model *m)
{
  if (!on_checklist (m))
    return FALSE;
  set_result (m, result_order[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (result_order))]);
  return TRUE;
}

static gboolean
is_grade (CwResult result, CwGrade *grade)
{
  for (CwGrade g = CW_GRADE_OFI; g <= CW_GRADE_MAJOR; g++)
    if (cw_grade_to_result (g) == result)
      {
        *grade = g;
        return TRUE;
      }
  return FALSE;
}

static CwFindingEditor *
wait_for_editor (void)
{
  cw_ui_wait_until (editor_shown, NULL);
  return CW_FINDING_EDITOR (shown_toplevel (CW_TYPE_FINDING_EDITOR));
}

static void
save_editor (Model *m, CwFindingEditor *editor)
{
  if (!cw_finding_editor_save (editor))
    {
      GtkWidget *label = cw_ui_find (GTK_WIDGET (editor), GTK_TYPE_LABEL);
      fail (m, "the finding editor refused to save (%s)",
            label ? gtk_label_get_label (GTK_LABEL (label)) : "?");
    }
  cw_ui_wait_until (editor_gone, NULL);
  back_to_window (m);
  assert_no_dialog (m);
}

static gboolean
op_raise_finding (Model *m)
{
  if (!on_checklist (m) || m->audit->frozen)
    return FALSE;
  g_autoptr (GPtrArray) in_clause = model_findings (m, NULL, current_clause (m));
  if (in_clause->len >= FINDINGS_SHOWN)
    return FALSE;
  CwGrade grade;
  if (!is_grade (m->toggled, &grade)
      || !is_grade (model_result (m, m->audit->id, current_question (m)), &grade))
    {
      /* A finding agrees with its answer: grade the answer first. */
      static const CwResult graded[]
        = { CW_RESULT_OFI, CW_RESULT_OBSERVATION, CW_RESULT_MINOR, CW_RESULT_MAJOR };
      set_result (m, graded[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (graded))]);
      if (!is_grade (model_result (m, m->audit->id, current_question (m)), &grade)
          || m->toggled != model_result (m, m->audit->id, current_question (m)))
        return TRUE;
      m->step++;
    }
  log_step (m, "raise a %s finding on %s of audit %" G_GINT64_FORMAT, cw_grade_label (grade),
            current_question (m), m->audit->id);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (checklist (m)), "checklist.raise-finding", NULL));
  flush_table (m->notes);
  CwFindingEditor *editor = wait_for_editor ();
  Finding *finding = g_new0 (Finding, 1);
  finding->audit = m->audit->id;
  finding->question = g_strdup (current_question (m));
  finding->grade = grade;
  finding->requirement = g_strdup ("CMP-01 asks for CAB approval of every normal change.");
  finding->evidence = g_strdup_printf ("RFC-%u was sampled.", m->step);
  finding->statement = g_strdup_printf ("Raised at step %u.", m->step);
  cw_finding_editor_fill (editor, grade, finding->requirement, finding->evidence,
                          finding->statement);
  g_ptr_array_add (m->findings, finding);
  save_editor (m, editor);
  return TRUE;
}

static gboolean
op_edit_finding (Model *m)
{
  if (!on_checklist (m) || m->audit->frozen)
    return FALSE;
  g_autoptr (GPtrArray) in_clause = model_findings (m, NULL, current_clause (m));
  if (in_clause->len == 0)
    return FALSE;
  Finding *finding = g_ptr_array_index (in_clause, g_rand_int_range (m->rand, 0, in_clause->len));
  log_step (m, "correct the statement of the finding \"%s\" on %s", finding->statement,
            finding->question);
  GtkWidget *row = find_finding_row (GTK_WIDGET (checklist (m)), finding->statement);
  if (row == NULL)
    fail (m, "the checklist shows no row for the finding \"%s\" on %s", finding->statement,
          finding->question);
  gtk_widget_activate (row);
  CwFindingEditor *editor = wait_for_editor ();
  g_free (finding->statement);
  finding->statement = g_strdup_printf ("Corrected at step %u.", m->step);
  cw_finding_editor_fill (editor, finding->grade, finding->requirement, finding->evidence,
                          finding->statement);
  save_editor (m, editor);
  return TRUE;
}

static gboolean
op_edit_action (Model *m)
{
  gint64 id = g_array_index (m->actions, gint64, g_rand_int_range (m->rand, 0, m->actions->len));
  const ActionField *field
    = &action_fields[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (action_fields))];
  GtkWidget *page = cw_window_get_actions_page (m->window);
  if (g_str_equal (m->page, "actions") && g_rand_boolean (m->rand))
    {
      log_step (m, "open action %" G_GINT64_FORMAT " from the register", id);
      GtkWidget *row = find_with_id (page, ADW_TYPE_ACTION_ROW, "action-id", id);
      if (row == NULL)
        fail (m, "the register shows no row for action %" G_GINT64_FORMAT, id);
      gtk_widget_activate (row);
    }
  else
    {
      log_step (m, "open action %" G_GINT64_FORMAT " with win.show-action", id);
      g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (m->window), "win.show-action", "x", id));
    }
  leaving_page (m, "actions");
  /* Showing an action saves what was typed into the one shown before. */
  flush_table (m->fields);
  m->page = "actions";
  m->action = id;
  if (cw_actions_page_get_action_id (CW_ACTIONS_PAGE (page)) != id)
    fail (m, "the Actions page shows action %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
          cw_actions_page_get_action_id (CW_ACTIONS_PAGE (page)), id);
  m->step++;

  GtkWidget *input = find_field (page, field->title);
  g_assert_nonnull (input);
  if (!gtk_widget_grab_focus (input))
    fail (m, "the %s of action %" G_GINT64_FORMAT " takes no focus", field->key, id);
  g_autofree char *key = field_key (id, field->key);
  Text *text = lookup_text (m->fields, key);
  g_autofree char *words = some_words (m, "a");
  g_autofree char *typed = NULL;
  gboolean replace = g_rand_int_range (m->rand, 0, 4) == 0;
  if (replace || (!field->required && !*text->text))
    {
      log_step (m, "type \"%s\" over the %s of action %" G_GINT64_FORMAT, words, field->key, id);
      typed = g_strdup (words);
      if (GTK_IS_TEXT_VIEW (input))
        cw_text_view_set_text (GTK_TEXT_VIEW (input), typed);
      else
        gtk_editable_set_text (GTK_EDITABLE (input), typed);
    }
  else
    {
      g_autofree char *chunk = g_strconcat (*text->text ? " " : "", words, NULL);
      log_step (m, "type \"%s\" at the end of the %s of action %" G_GINT64_FORMAT, chunk,
                field->key, id);
      typed = g_strconcat (text->text, chunk, NULL);
      if (GTK_IS_TEXT_VIEW (input))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
          GtkTextIter end;
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_place_cursor (buffer, &end);
          gtk_text_buffer_insert_interactive_at_cursor (buffer, chunk, -1, TRUE);
        }
      else
        {
          int position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (input)), -1);
          gtk_editable_set_position (GTK_EDITABLE (input), position);
          gtk_editable_insert_text (GTK_EDITABLE (input), chunk, -1, &position);
        }
    }
  text_typed (text, typed);

  /* Most of the time the user moves on: Tab, or a click into another field. */
  guint leave = g_rand_int_range (m->rand, 0, 10);
  if (leave < 4)
    {
      m->step++;
      log_step (m, "tab away from the %s of action %" G_GINT64_FORMAT, field->key, id);
      /* An entry row may take more than one Tab to leave. */
      for (guint i = 0; i < 8 && focus_inside (GTK_WIDGET (m->window), input); i++)
        gtk_widget_child_focus (GTK_WIDGET (m->window), GTK_DIR_TAB_FORWARD);
      if (focus_inside (GTK_WIDGET (m->window), input))
        fail (m, "Tab does not leave the %s", field->key);
      flush_table (m->fields);
    }
  else if (leave < 7)
    {
      const ActionField *other
        = &action_fields[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (action_fields))];
      if (other == field)
        return TRUE;
      m->step++;
      log_step (m, "click into the %s of action %" G_GINT64_FORMAT, other->key, id);
      if (!gtk_widget_grab_focus (find_field (page, other->title)))
        fail (m, "the %s takes no focus", other->key);
      flush_table (m->fields);
    }
  return TRUE;
}

static gboolean
op_switch_page (Model *m)
{
  const char *page = pages[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (pages))];
  log_step (m, "show the %s page", page);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (m->window), "win.show-page", "s", page));
  leaving_page (m, page);
  m->page = page;
  return TRUE;
}

static gboolean
op_back_to_list (Model *m)
{
  if (!on_checklist (m))
    return FALSE;
  log_step (m, "back to the audits list (Alt+Home)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checklist (m)), "checklist.back", NULL));
  flush_table (m->notes);
  m->checklist_shown = FALSE;
  return TRUE;
}

typedef struct
{
  Model *model;
  GHashTable *table;
  const char *key;
  gboolean note;
} Pending;

static gboolean
pause_saved (gpointer data)
{
  Pending *pending = data;
  Model *m = pending->model;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) file = cw_workspace_open_as_is (m->path, &error);
  g_assert_no_error (error);
  Text *text = g_hash_table_lookup (pending->table, pending->key);
  if (pending->note)
    {
      g_autoptr (GPtrArray) answers = cw_workspace_list_answers (file, m->audit->id, &error);
      g_assert_no_error (error);
      g_autoptr (GHashTable) stored = cw_answers_by_question (answers);
      CwAnswer *answer = g_hash_table_lookup (stored, current_question (m));
      return g_str_equal (answer ? answer->note : "", text->text);
    }
  g_autoptr (CwAction) action = cw_workspace_get_action (file, m->action, &error);
  g_assert_no_error (error);
  const char *stored[] = {
    cw_action_get_title (action), cw_action_get_description (action),
    cw_action_get_owner (action), cw_action_get_plan (action), cw_action_get_correction (action),
  };
  for (guint f = 0; f < G_N_ELEMENTS (action_fields); f++)
    {
      g_autofree char *key = field_key (m->action, action_fields[f].key);
      if (g_str_equal (key, pending->key))
        return g_strcmp0 (stored[f], text->text) == 0;
    }
  g_assert_not_reached ();
}

/* The user stops typing and waits: the pause saves the text. */
static gboolean
op_pause (Model *m)
{
  Pending pending = { m, NULL, NULL, FALSE };
  g_autofree char *key = NULL;
  if (on_checklist (m) && current_note (m)->earlier != NULL)
    {
      key = answer_key (m->audit->id, current_question (m));
      pending = (Pending) { m, m->notes, key, TRUE };
    }
  else if (g_str_equal (m->page, "actions") && m->action != 0)
    {
      for (guint f = 0; f < G_N_ELEMENTS (action_fields) && pending.key == NULL; f++)
        {
          g_autofree char *candidate = field_key (m->action, action_fields[f].key);
          if (lookup_text (m->fields, candidate)->earlier != NULL)
            {
              key = g_steal_pointer (&candidate);
              pending = (Pending) { m, m->fields, key, FALSE };
            }
        }
    }
  if (pending.key == NULL)
    return FALSE;
  log_step (m, "pause after typing (%s)", key);
  cw_ui_wait_until (pause_saved, &pending);
  g_clear_pointer (&((Text *) g_hash_table_lookup (pending.table, key))->earlier,
                   g_ptr_array_unref);
  return TRUE;
}

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* As cw_ui_close_window, saying what went wrong in the replay's words. */
static void
close_window (Model *m)
{
  gpointer workspace = cw_window_get_workspace (m->window);
  g_object_add_weak_pointer (workspace, &workspace);
  gtk_window_close (GTK_WINDOW (m->window));
  m->window = NULL;
  gboolean up = FALSE;
  guint cap = g_timeout_add_seconds (10, time_is_up, &up);
  while (workspace != NULL && !up)
    g_main_context_iteration (NULL, TRUE);
  if (workspace != NULL)
    {
      g_object_remove_weak_pointer (workspace, &workspace);
      fail (m, "the window closed and the workspace stayed open (and claimed): the file could "
            "not be opened again");
    }
  if (!up)
    g_source_remove (cap);
}

static gboolean
op_reopen (Model *m)
{
  log_step (m, "close the window and open the file again");
  close_window (m);
  flush_table (m->notes);
  flush_table (m->fields);
  check_file (m);
  open_window (m);
  return TRUE;
}

typedef struct
{
  const char *name;
  Operation run;
  guint weight;
} Choice;

/* Weights as a session goes: mostly fieldwork in the checklist. An
 * operation with nothing to work on is drawn again, so those that need the
 * checklist on screen are weighted up. */
static const Choice choices[] = {
  { "open-audit", op_open_audit, 6 },     { "move", op_move, 22 },
  { "type-note", op_type_note, 24 },      { "leave-note", op_leave_note, 4 },
  { "set-result", op_set_result, 12 },    { "raise-finding", op_raise_finding, 8 },
  { "edit-finding", op_edit_finding, 8 }, { "edit-action", op_edit_action, 7 },
  { "switch-page", op_switch_page, 5 },   { "back-to-list", op_back_to_list, 2 },
  { "pause", op_pause, 3 },               { "reopen", op_reopen, 2 },
};

static const Choice *
choose (Model *m)
{
  guint total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    total += choices[i].weight;
  guint pick = g_rand_int_range (m->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (pick < choices[i].weight)
        return &choices[i];
      pick -= choices[i].weight;
    }
  g_assert_not_reached ();
}

/* ---- The workspace ------------------------------------------------------------ */

static Audit *
add_audit (Model *m, CwWorkspace *workspace, const char *title, const char *const *scope)
{
  CwAuditDraft draft = { .title = title, .scope = scope };
  g_autoptr (GError) error = NULL;
  Audit *audit = g_new0 (Audit, 1);
  audit->id = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  audit->title = title;
  audit->questions = g_ptr_array_new ();
  audit->clauses = g_ptr_array_new ();
  /* Its questions in the checklist's order: the catalogue's, in scope. */
  g_autoptr (CwAudit) stored = cw_workspace_get_audit (workspace, audit->id, &error);
  g_assert_no_error (error);
  GPtrArray *clauses = cw_catalogue_get_clauses (m->catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (!cw_audit_covers (stored, cw_clause_get_number (clause)))
        continue;
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint q = 0; q < questions->len; q++)
        {
          g_ptr_array_add (audit->questions,
                           (gpointer) cw_question_get_id (g_ptr_array_index (questions, q)));
          g_ptr_array_add (audit->clauses, (gpointer) cw_clause_get_number (clause));
        }
    }
  g_assert_cmpuint (audit->questions->len, >, 1);
  g_ptr_array_add (m->audits, audit);
  return audit;
}

static void
audit_free (Audit *audit)
{
  g_ptr_array_unref (audit->questions);
  g_ptr_array_unref (audit->clauses);
  g_free (audit);
}

/* What the workspace starts with; the model is told the same. */
static void
answer (Model *m, CwWorkspace *workspace, Audit *audit, guint index, CwResult result,
        const char *note)
{
  const char *question = g_ptr_array_index (audit->questions, index);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (workspace, audit->id, question, result, note, &error));
  g_assert_no_error (error);
  set_model_result (m, audit->id, question, result);
  g_autofree char *key = answer_key (audit->id, question);
  g_free (lookup_text (m->notes, key)->text);
  lookup_text (m->notes, key)->text = g_strdup (note);
}

static void
add_action (Model *m, CwWorkspace *workspace, const char *title, const char *owner)
{
  CwActionDraft draft = { .source = CW_ACTION_SOURCE_INCIDENT, .title = title, .owner = owner };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_action (workspace, &draft, &error);
  g_assert_no_error (error);
  g_array_append_val (m->actions, id);
  const char *values[] = { title, "", owner ? owner : "", "", "" };
  for (guint f = 0; f < G_N_ELEMENTS (action_fields); f++)
    {
      g_autofree char *key = field_key (id, action_fields[f].key);
      g_free (lookup_text (m->fields, key)->text);
      lookup_text (m->fields, key)->text = g_strdup (values[f]);
    }
}

static void
model_set_up (Model *m)
{
  m->dir = cw_test_make_dir ();
  m->path = cw_test_path (m->dir, "model.clausewise");
  m->audits = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_free);
  m->actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  m->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) text_free);
  m->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) text_free);
  m->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (m->path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  m->catalogue = g_object_ref (cw_workspace_load_catalogue (workspace, &error));
  g_assert_no_error (error);

  const char *changes[] = { "8.5.1", NULL };
  Audit *change = add_audit (m, workspace, "Change audit", changes);
  const char *audits[] = { "9.2", "10", NULL };
  Audit *improvement = add_audit (m, workspace, "Audit and improvement audit", audits);
  const char *incidents[] = { "8.6.1", NULL };
  Audit *issued = add_audit (m, workspace, "Incident audit, issued", incidents);
  /* Notes already stored are what opening an audit used to overwrite. */
  answer (m, workspace, change, 0, CW_RESULT_CONFORMING, "CMP-01 v3 approved 2 March.");
  answer (m, workspace, change, 2, CW_RESULT_OBSERVATION, "Standard changes listed in CMDB.");
  answer (m, workspace, improvement, 0, CW_RESULT_NOT_ASSESSED, "Programme for 2026 seen.");
  answer (m, workspace, issued, 0, CW_RESULT_CONFORMING, "INC-2201 closed within target.");
  answer (m, workspace, issued, 1, CW_RESULT_NOT_APPLICABLE, "No major incidents this year.");
  cw_test_issue_audit (workspace, issued->id);
  issued->frozen = TRUE;

  add_action (m, workspace, "Restore the nightly backup check", NULL);
  add_action (m, workspace, "Answer complaints within five days", "Ann Lee");
  add_action (m, workspace, "Patch the VPN gateways", "Tom Change");
}

static void
model_tear_down (Model *m)
{
  for (guint i = 0; i < LOG_SIZE; i++)
    g_free (m->log[i]);
  g_ptr_array_unref (m->audits);
  g_array_unref (m->actions);
  g_hash_table_unref (m->notes);
  g_hash_table_unref (m->fields);
  g_hash_table_unref (m->results);
  g_ptr_array_unref (m->findings);
  g_clear_object (&m->catalogue);
  g_rand_free (m->rand);
  g_free (m->path);
  g_free (m->dir);
}

/* ---- The run -------------------------------------------------------------------- */

static guint32
seed_to_use (void)
{
  const char *value = g_getenv ("CW_MODEL_SEED");
  if (value == NULL || *value == '\0')
    return DEFAULT_SEED;
  if (g_str_equal (value, "clock"))
    return (guint32) (g_get_real_time () ^ (g_get_monotonic_time () << 7) ^ getpid ());
  guint64 seed;
  g_autoptr (GError) error = NULL;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seed, &error))
    g_error ("CW_MODEL_SEED=%s: %s", value, error->message);
  return (guint32) seed;
}

static guint
steps_to_take (void)
{
  const char *value = g_getenv ("CW_MODEL_STEPS");
  if (value == NULL || *value == '\0')
    return DEFAULT_STEPS;
  guint64 steps;
  g_autoptr (GError) error = NULL;
  if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &steps, &error))
    g_error ("CW_MODEL_STEPS=%s: %s", value, error->message);
  return (guint) steps;
}

static void
run_operations (guint32 seed, guint steps)
{
  Model model = { 0 };
  Model *m = &model;
  m->seed = seed;
  g_test_message ("seed %u, %u operations (replay with CW_MODEL_SEED=%u)", m->seed, steps,
                  m->seed);
  m->rand = g_rand_new_with_seed (m->seed);
  model_set_up (m);
  current_model = m;
  /* A failed assertion aborts; a warning made fatal traps. */
  signal (SIGABRT, on_abort);
  signal (SIGTRAP, on_abort);

  check_file (m);
  open_window (m);
  guint counts[G_N_ELEMENTS (choices)] = { 0 };
  gint64 spent[G_N_ELEMENTS (choices)] = { 0 };
  gint64 start = g_get_monotonic_time ();
  /* An operation that has nothing to work on (no audit open yet, say)
   * is not counted; some operations take a few steps. */
  for (m->operation = 0; m->operation < steps;)
    {
      /* The user works in the window: a click into it makes it active
       * again. Under Xvfb without a window manager a long wait (the pause)
       * can leave it inactive, the input focus gone to another surface
       * under the pointer; focus moves in an inactive window then make no
       * focus-out, which no user could bring about by clicking. */
      if (!gtk_window_is_active (GTK_WINDOW (m->window)))
        back_to_window (m);
      const Choice *choice = choose (m);
      gint64 began = g_get_monotonic_time ();
      if (!choice->run (m))
        continue;
      counts[choice - choices]++;
      assert_no_dialog (m);
      check_file (m);
      spent[choice - choices] += g_get_monotonic_time () - began;
      m->operation++;
      m->step++;
    }
  /* Everything typed is saved when the window closes. */
  log_step (m, "close the window at the end");
  close_window (m);
  flush_table (m->notes);
  flush_table (m->fields);
  check_file (m);

  g_autoptr (GString) summary = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_string_append_printf (summary, " %s %u (%.1f s)", choices[i].name, counts[i],
                            spent[i] / 1e6);
  g_test_message ("%u operations (%u steps) in %.1f s:%s; %u findings raised", m->operation,
                  m->step,
                  (g_get_monotonic_time () - start) / 1e6, summary->str, m->findings->len);
  current_model = NULL;
  signal (SIGABRT, SIG_DFL);
  signal (SIGTRAP, SIG_DFL);
  model_tear_down (m);
}

static void
test_random_operations (void)
{
  run_operations (seed_to_use (), steps_to_take ());
}

/* The run that found the checklist kept alive past its window, and the
 * workspace with it: a close and reopen at its operation 197. It replays
 * that path only as long as the operations draw from the generator as they
 * do now. */
static void
test_replay_checklist_leak (void)
{
  run_operations (1509030235u, 197);
}

/* Typed into an action's field, then another action opened from the
 * register: the typing is saved to its own action, the other is shown, and
 * GTK has not been left with a row taken away under its activation (a
 * critical, fatal here). */
static void
test_register_row_after_typing (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "register.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  CwActionDraft first = { .source = CW_ACTION_SOURCE_INCIDENT, .title = "Restore the check" };
  gint64 first_id = cw_workspace_create_action (workspace, &first, &error);
  g_assert_no_error (error);
  CwActionDraft second = { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "Answer in five days" };
  gint64 second_id = cw_workspace_create_action (workspace, &second, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  CwWindow *window = cw_ui_open_window (app, path);
  cw_window_show_action (window, first_id);
  GtkWidget *page = cw_window_get_actions_page (window);
  GtkWidget *owner = find_field (page, "Owner");
  g_assert_true (gtk_widget_grab_focus (owner));
  gtk_editable_set_text (GTK_EDITABLE (owner), "Ann Lee");
  GtkWidget *row = find_with_id (page, ADW_TYPE_ACTION_ROW, "action-id", second_id);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpint (cw_actions_page_get_action_id (CW_ACTIONS_PAGE (page)), ==, second_id);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  /* The register, read again, still opens actions. */
  row = find_with_id (page, ADW_TYPE_ACTION_ROW, "action-id", first_id);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpint (cw_actions_page_get_action_id (CW_ACTIONS_PAGE (page)), ==, first_id);
  cw_ui_close_window (window);

  workspace = cw_workspace_open_as_is (path, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) typed = cw_workspace_get_action (workspace, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_action_get_owner (typed), ==, "Ann Lee");
  g_autoptr (CwAction) other = cw_workspace_get_action (workspace, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_action_get_owner (other), ==, "");
}

/* The focus in the Reviews page, another page and back, an audit opened,
 * the window closed: the workspace is let go with the window (the helper
 * waits for that), and the file opens again in a new window. */
static void
test_close_after_reviews_focus (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "reviews.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  const char *scope[] = { "9.2", NULL };
  CwAuditDraft draft = { .title = "Audit audit", .scope = scope };
  gint64 audit = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  CwWindow *window = cw_ui_open_window (app, path);
  GtkWidget *self = GTK_WIDGET (window);
  g_assert_true (gtk_widget_activate_action (self, "win.show-page", "s", "reviews"));
  GtkWidget *button = cw_ui_find (cw_window_get_reviews_page (window), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_activate_action (self, "win.show-page", "s", "findings"));
  g_assert_true (gtk_widget_activate_action (self, "win.show-page", "s", "reviews"));
  g_assert_true (gtk_widget_activate_action (self, "win.show-audit", "x", audit));
  cw_ui_wait_for_frames (self);
  cw_ui_close_window (window);

  window = cw_ui_open_window (app, path);
  g_assert_nonnull (cw_window_get_workspace (window));
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/model/register-row-after-typing", test_register_row_after_typing);
  g_test_add_func ("/ui/model/close-after-reviews-focus", test_close_after_reviews_focus);
  g_test_add_func ("/ui/model/random-operations", test_random_operations);
  g_test_add_func ("/ui/model/replay-checklist-leak", test_replay_checklist_leak);
  return g_test_run ();
}
