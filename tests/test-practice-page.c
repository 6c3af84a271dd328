/* test-practice-page.c: the Practice page as a trainee uses it: the bundled
 * pack is there the first time, an exercise is answered and scored with the
 * right answer given, a written statement is compared with the model and
 * its rubric ticked, and a short exam is taken to the end, with no score
 * until it is finished. */
#include "config.h"

#include <adwaita.h>

#include "cw-demo.h"
#include "cw-practice-page.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-widgets.h"
#include "cw-window.h"

static CwApplication *app;

static CwPracticePage *
show_practice (CwWindow **window, char **dir)
{
  *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (*dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  *window = cw_ui_open_window (app, path);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 800);
  cw_ui_wait_for_frames (GTK_WIDGET (*window));
  cw_ui_press_keys ("ctrl+7");
  cw_ui_wait_for_frames (GTK_WIDGET (*window));
  GtkWidget *page = cw_ui_find (GTK_WIDGET (*window), CW_TYPE_PRACTICE_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return CW_PRACTICE_PAGE (page);
}

static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_is_visible (child))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* Whether a label under `root` says `text` (in part). */
static gboolean
says (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWidget *
visible_child (CwPracticePage *page)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)));
  return gtk_stack_get_visible_child (stack);
}

/* Fills the widgets of the exercise shown with its model answer, as a
 * trainee who knows it would: options ticked, texts typed, steps moved. */
static void
answer_with_model (CwPracticePage *page)
{
  CwExercise *exercise = cw_practice_page_get_exercise (page);
  GtkWidget *shown = visible_child (page);
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  collect (shown, GTK_TYPE_CHECK_BUTTON, checks);
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  collect (shown, GTK_TYPE_ENTRY, entries);
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  collect (shown, GTK_TYPE_TEXT_VIEW, texts);
  guint check = 0, entry = 0, text = 0;
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      CwPart *part = g_ptr_array_index (exercise->parts, i);
      switch (part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          for (guint o = 0; o < part->options->len; o++, check++)
            if (((CwOption *) g_ptr_array_index (part->options, o))->correct)
              gtk_widget_activate (g_ptr_array_index (checks, check));
          break;
        case CW_PART_GRADE:
          gtk_widget_activate (g_ptr_array_index (checks, check + part->grade));
          check += 5;
          break;
        case CW_PART_STATEMENT:
          gtk_widget_activate (
            g_ptr_array_index (checks, check + (part->grade == CW_EXERCISE_GRADE_MAJOR)));
          check += 2 + part->rubric->len;
          cw_text_view_set_text (g_ptr_array_index (texts, text++), part->requirement);
          cw_text_view_set_text (g_ptr_array_index (texts, text++), part->evidence);
          cw_text_view_set_text (g_ptr_array_index (texts, text++), part->statement);
          break;
        case CW_PART_CLAUSE:
          gtk_editable_set_text (g_ptr_array_index (entries, entry++), part->clause);
          break;
        case CW_PART_NUMBER:
          {
            g_autofree char *number = g_strdup_printf ("%u", part->min);
            gtk_editable_set_text (g_ptr_array_index (entries, entry++), number);
            break;
          }
        case CW_PART_WRITTEN:
          cw_text_view_set_text (g_ptr_array_index (texts, text++), part->model);
          check += part->rubric->len;
          break;
        case CW_PART_SEQUENCE:
          g_assert_not_reached (); /* not drawn by these tests */
        }
    }
}

/* Ticks every rubric item now shown. */
static guint
tick_rubric (CwPracticePage *page)
{
  g_autoptr (GPtrArray) checks = g_ptr_array_new ();
  collect (visible_child (page), GTK_TYPE_CHECK_BUTTON, checks);
  guint ticked = 0;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_widget_is_sensitive (g_ptr_array_index (checks, i))
        && !gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        gtk_widget_activate (g_ptr_array_index (checks, i));
        ticked++;
      }
  return ticked;
}

static void
choose_kind (CwPracticePage *page, CwExerciseKind kind)
{
  g_autoptr (GPtrArray) combos = g_ptr_array_new ();
  collect (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, combos);
  for (guint i = 0; i < combos->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)),
                     "Kind of exercise"))
      adw_combo_row_set_selected (g_ptr_array_index (combos, i), kind + 1);
}

static void
test_practise (void)
{
  g_autofree char *dir = NULL;
  CwWindow *window = NULL;
  CwPracticePage *page = show_practice (&window, &dir);
  /* The first time: the user's practice file, with the bundled pack. */
  g_autofree char *path = cw_practice_page_default_path ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  GtkWidget *pack = find_row (GTK_WIDGET (page), "Clausewise lead-auditor practice");
  g_assert_nonnull (pack);
  g_assert_nonnull (find_row (GTK_WIDGET (page), "No scores yet"));
  cw_ui_screenshot (GTK_WIDGET (window), "practice-home");

  /* Which clause: the right clause scores full marks. */
  choose_kind (page, CW_EXERCISE_WHICH_CLAUSE);
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.start", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  CwExercise *exercise = cw_practice_page_get_exercise (page);
  g_assert_nonnull (exercise);
  g_assert_cmpint (exercise->kind, ==, CW_EXERCISE_WHICH_CLAUSE);
  answer_with_model (page);
  cw_ui_press_keys ("ctrl+Return");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_autofree char *full = g_strdup_printf ("%u of %u marks", exercise->marks, exercise->marks);
  g_assert_true (says (visible_child (page), full));
  g_assert_true (says (visible_child (page), exercise->explanation));
  cw_ui_screenshot (GTK_WIDGET (window), "practice-scored");

  /* A statement: compared with the model, its rubric ticked, then scored
   * with the app's checks and the trainee's. */
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.home", NULL);
  choose_kind (page, CW_EXERCISE_STATEMENT);
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.start", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  exercise = cw_practice_page_get_exercise (page);
  g_assert_cmpint (exercise->kind, ==, CW_EXERCISE_STATEMENT);
  answer_with_model (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.check", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (says (visible_child (page), "Tick what your answer does as well"));
  g_assert_cmpuint (tick_rubric (page), >, 0);
  cw_ui_screenshot (GTK_WIDGET (window), "practice-rubric");
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.check", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_autofree char *all = g_strdup_printf ("%u of %u marks", exercise->marks, exercise->marks);
  g_assert_true (says (visible_child (page), all));
  g_assert_true (says (visible_child (page), "from the app’s checks"));

  /* Home again: the scores show by kind. */
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.home", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *progress = find_row (GTK_WIDGET (page), cw_exercise_kind_label (CW_EXERCISE_STATEMENT));
  g_assert_nonnull (progress);
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (progress)), "100 %");
  cw_ui_close_window (window);
}

static gboolean
on_result (gpointer page)
{
  return g_str_equal (gtk_stack_get_visible_child_name (
                        GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)))),
                      "result");
}

static gboolean
passed (gpointer page)
{
  return says (visible_child (page), "Passed with");
}

/* A short exam, from the first question to the result: no score shows
 * while it runs; Finish asks first; the result has each section. */
static void
test_exam (void)
{
  g_autofree char *dir = NULL;
  CwWindow *window = NULL;
  CwPracticePage *page = show_practice (&window, &dir);
  g_autoptr (GFile) sample = g_file_new_for_path (TEST_DATA_DIR "/packs/sample.xml");
  g_assert_true (cw_practice_page_import (page, sample));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_autoptr (GPtrArray) combos = g_ptr_array_new ();
  collect (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, combos);
  AdwComboRow *packs = NULL;
  for (guint i = 0; i < combos->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (combos, i)), "Pack"))
      packs = g_ptr_array_index (combos, i);
  g_assert_nonnull (packs);
  GListModel *titles = adw_combo_row_get_model (packs);
  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (titles), i), "Sample pack"))
      adw_combo_row_set_selected (packs, i);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Audit situations"));

  gtk_widget_activate_action (GTK_WIDGET (page), "practice.start-exam", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (cw_practice_page_get_attempt (page), >, 0);
  g_assert_true (says (visible_child (page), "Question 1 of 2"));
  g_assert_true (says (visible_child (page), "left"));
  answer_with_model (page);
  cw_ui_press_keys ("alt+Right");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_true (says (visible_child (page), "Question 2 of 2"));
  /* No feedback while the exam runs. */
  g_assert_false (says (visible_child (page), " marks:"));
  answer_with_model (page);
  cw_ui_screenshot (GTK_WIDGET (window), "practice-exam");

  /* Stopped, the exam goes on: home offers to resume it, and it resumes
   * with its answers kept. */
  gint64 attempt = cw_practice_page_get_attempt (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.home", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (cw_practice_page_get_attempt (page), ==, 0);
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Exam in progress"));
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.resume-exam", "x", attempt);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpint (cw_practice_page_get_attempt (page), ==, attempt);
  g_assert_true (says (visible_child (page), "Question 1 of 2"));
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  collect (visible_child (page), GTK_TYPE_ENTRY, entries);
  CwPart *first = g_ptr_array_index (cw_practice_page_get_exercise (page)->parts, 0);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, first->clause);
  gtk_widget_activate_action (GTK_WIDGET (page), "practice.finish", NULL);
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *confirm = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Finish the Exam?");
  adw_message_dialog_response (confirm, "finish");
  gtk_window_destroy (GTK_WINDOW (confirm));
  cw_ui_wait_until (on_result, page);
  g_assert_cmpint (cw_practice_page_get_attempt (page), ==, 0);
  GtkWidget *result = visible_child (page);
  g_assert_true (says (result, "By section"));
  g_assert_nonnull (find_row (result, "Multiple choice"));
  g_assert_nonnull (find_row (result, "Audit situations"));
  /* The written answer counts the app's checks only, until the trainee
   * compares it with the model and counts what it meets. */
  g_assert_true (says (result, "Not passed"));
  GtkWidget *second = find_row (result, "2. Incident priorities");
  g_assert_nonnull (second);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (second), TRUE);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpuint (tick_rubric (page), ==, 2);
  GtkWidget *count = cw_ui_find_button (second, "C_ount These");
  g_assert_nonnull (count);
  /* A button clicks a moment after it is activated. */
  gtk_widget_activate (count);
  cw_ui_wait_until (passed, page);
  result = visible_child (page);
  g_assert_true (says (result, "Passed with 100 %"));
  second = find_row (result, "2. Incident priorities");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (second)));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "practice-result");

  /* The result for a trainer, as a PDF. */
  g_autofree char *pdf = cw_test_path (dir, "result.pdf");
  g_assert_true (cw_practice_page_export_result (page, pdf));
  g_autofree char *info = NULL;
  g_assert_cmpint (cw_test_spawn ((const char *[]) { "pdfinfo", pdf, NULL }, &info, NULL), ==, 0);
  cw_test_assert_contains (info, "Tagged:          yes");
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/practice/practise", test_practise);
  g_test_add_func ("/ui/practice/exam", test_exam);
  return g_test_run ();
}
