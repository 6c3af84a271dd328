/* cw-practice-page.c: where a trainee practises lead-auditor exercises and
 * sits a timed exam.
 *
 * The page works on a practice file of its own (cw-practice.h), never on
 * the organisation's workspace, so practice never counts in its figures.
 * The exercises, the scoring and the exam's rules are the core's
 * (cw-exercise.c, cw-practice.c); the page shows an exercise, reads the
 * trainee's answer from its widgets, and shows what the core says.
 *
 * Practice: answer, Check Answer (Ctrl+Return); where a part is written,
 * the model answer and its rubric show and the trainee ticks what they
 * met, then Check Answer again scores and stores; Next (Alt+Right).
 * Exam: Previous and Next (Alt+Left, Alt+Right) keep each answer as they
 * go, a countdown runs, nothing is scored until Finish Exam or the end of
 * the time; then the result shows each section, the weakest clauses and
 * every answer beside the model.
 */
#define G_LOG_DOMAIN "cw-practice-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-practice-page.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

typedef enum
{
  STAGE_ANSWERING, /* the trainee answers */
  STAGE_ASSESSING, /* practice: the model and rubric show; the trainee ticks what they met */
  STAGE_SCORED,    /* practice: the score shows */
} Stage;

/* The widgets of one part of the exercise shown. */
typedef struct
{
  const CwPart *part;
  GPtrArray *buttons;  /* GtkCheckButton: options, or grades */
  GtkWidget *entry;    /* CLAUSE, NUMBER */
  GtkTextView *texts[3]; /* WRITTEN: [0]; STATEMENT: requirement, evidence, statement */
  GtkListBox *steps;   /* SEQUENCE */
  GArray *order;       /* SEQUENCE: step indices as the trainee has put them */
  GtkWidget *inputs;   /* what is made insensitive once answered */
  GtkWidget *model;    /* the model and rubric, shown when assessing */
  GPtrArray *rubric;   /* GtkCheckButton, one per rubric item */
  GtkLabel *feedback;
} PartView;

struct _CwPracticePage
{
  CwPage parent_instance;

  GtkStack *stack;
  AdwEntryRow *trainee_row;
  AdwActionRow *file_row;
  AdwComboRow *kind_row;
  AdwEntryRow *clause_row;
  AdwPreferencesGroup *exam_group;
  AdwComboRow *exam_pack_row;
  GtkListBox *sections_list;
  AdwComboRow *progress_by_row;
  GtkListBox *progress_list;
  GtkListBox *packs_list;
  GtkScrolledWindow *exercise_scroller;
  GtkBox *exercise_box;
  GtkLabel *position_label;
  GtkLabel *clock_label;
  GtkWidget *next_button;
  GtkWidget *check_button;
  GtkWidget *finish_button;
  GtkWidget *previous_button;
  GtkBox *result_box;

  CwPractice *practice;
  GPtrArray *queue;  /* practice: CwExercise */
  GPtrArray *items;  /* exam: CwExamItem */
  gint64 attempt;    /* the exam being sat, 0 in practice */
  gint64 finished;   /* the finished exam whose result shows, 0 for none */
  guint index;
  CwExercise *exercise; /* the one shown */
  GPtrArray *views;     /* PartView */
  GtkWidget *model_box; /* the model answer and explanation */
  Stage stage;
  guint clock;
  gboolean filling;
  GtkNativeDialog *chooser;
  GPtrArray *exam_packs; /* CwExercisePack with an exam, as the exam row offers them */
};

G_DEFINE_FINAL_TYPE (CwPracticePage, cw_practice_page, CW_TYPE_PAGE)

static void show_home (CwPracticePage *self);
static void fill_sections (CwPracticePage *self);

static void
part_view_free (PartView *view)
{
  g_clear_pointer (&view->buttons, g_ptr_array_unref);
  g_clear_pointer (&view->rubric, g_ptr_array_unref);
  g_clear_pointer (&view->order, g_array_unref);
  g_free (view);
}

char *
cw_practice_page_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "clausewise",
                           "practice" CW_PRACTICE_EXTENSION, NULL);
}

CwPractice *
cw_practice_page_get_practice (CwPracticePage *self)
{
  g_return_val_if_fail (CW_IS_PRACTICE_PAGE (self), NULL);
  return self->practice;
}

CwExercise *
cw_practice_page_get_exercise (CwPracticePage *self)
{
  g_return_val_if_fail (CW_IS_PRACTICE_PAGE (self), NULL);
  return self->exercise;
}

gint64
cw_practice_page_get_attempt (CwPracticePage *self)
{
  g_return_val_if_fail (CW_IS_PRACTICE_PAGE (self), 0);
  return self->attempt;
}

static const char *
trainee (CwPracticePage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->trainee_row));
}

/* Scores are kept under the trainee's name: without one, say so. */
static gboolean
has_trainee (CwPracticePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (trainee (self)));
  if (*name != '\0')
    return TRUE;
  cw_toast (GTK_WIDGET (self), _("Give your name first: your scores are kept under it"));
  gtk_widget_grab_focus (GTK_WIDGET (self->trainee_row));
  return FALSE;
}

static void
set_accessible_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
plain_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
text_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Widgets about to be rebuilt or hidden must not keep the focus: GTK would
 * follow a focus left in freed widgets. */
static void
drop_focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    gtk_root_set_focus (root, NULL);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* "2.5" or "3": marks as a person writes them. */
static char *
marks_text (double marks)
{
  double rounded = (double) cw_score_to_centi (marks) / 100.0;
  if (rounded == (gint64) rounded)
    return g_strdup_printf ("%" PRId64, (gint64) rounded);
  return g_strdup_printf ("%.2g", rounded);
}

/* ---- The practice file ---------------------------------------------------- */

/* Opens the user's practice file, making it with the bundled pack the
 * first time. The reason it cannot be used shows in its row. */
static gboolean
ensure_practice (CwPracticePage *self)
{
  if (self->practice != NULL)
    return TRUE;
  g_autofree char *path = cw_practice_page_default_path ();
  g_autoptr (GError) error = NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    self->practice = cw_practice_open (path, &error);
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("The folder %s could not be made: %s"), dir, g_strerror (errno));
      else
        self->practice = cw_practice_create (path, &error);
      if (self->practice != NULL && cw_exercise_pack_has_bundled ())
        {
          g_autoptr (CwPracticePack) pack = cw_practice_import_bundled (self->practice, &error);
          if (pack == NULL)
            g_clear_object (&self->practice);
        }
    }
  adw_action_row_set_subtitle (self->file_row, self->practice ? path : error->message);
  return self->practice != NULL;
}

static void
fill_packs (CwPracticePage *self)
{
  cw_list_box_remove_all (self->packs_list);
  cw_list_box_remove_all (self->sections_list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (self->practice, &error);
  if (packs == NULL)
    {
      gtk_list_box_append (self->packs_list,
                           plain_row (_("The packs could not be read"), error->message));
      return;
    }
  if (packs->len == 0)
    gtk_list_box_append (self->packs_list,
                         plain_row (_("No pack yet"), _("Import a pack of exercises to start")));
  g_clear_pointer (&self->exam_packs, g_ptr_array_unref);
  self->exam_packs = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_exercise_pack_unref);
  GtkStringList *titles = gtk_string_list_new (NULL);
  for (guint i = 0; i < packs->len; i++)
    {
      CwPracticePack *pack = g_ptr_array_index (packs, i);
      g_autofree char *subtitle = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u exercise · version %u · by %s · from %s",
                     "%u exercises · version %u · by %s · from %s", pack->n_exercises),
        pack->n_exercises, pack->version, pack->author,
        g_str_has_prefix (pack->source, "resource:") ? _("Clausewise") : pack->source);
      GtkWidget *row = plain_row (pack->title, subtitle);
      g_autofree char *name = g_strdup_printf ("%s: %s", pack->title, subtitle);
      set_accessible_label (row, name);
      gtk_list_box_append (self->packs_list, row);
      CwExercisePack *read = pack->has_exam ? cw_practice_get_pack (self->practice, pack->id, NULL)
                                            : NULL;
      if (read != NULL)
        {
          g_ptr_array_add (self->exam_packs, read);
          gtk_string_list_append (titles, pack->title);
        }
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->exam_pack_row, G_LIST_MODEL (titles));
  g_object_unref (titles);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->exam_pack_row), self->exam_packs->len > 1);
  fill_sections (self);
}

/* The trainee's exams still running, each with Resume. */
static void
add_running_exams (CwPracticePage *self)
{
  g_autoptr (GPtrArray) attempts = cw_practice_list_attempts (self->practice, trainee (self), NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      CwAttempt *attempt = g_ptr_array_index (attempts, i);
      if (attempt->mode != CW_ATTEMPT_EXAM || attempt->finished_at != NULL)
        continue;
      gint64 left = cw_attempt_seconds_left (attempt, now);
      guint minutes = (guint) ((left + 59) / 60);
      g_autofree char *subtitle
        = left > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Started %s; %u minute left",
                                                   "Started %s; %u minutes left", minutes),
                                      attempt->started_at, minutes)
                   : g_strdup_printf (_("Started %s; its time is up, resume it to see the result"),
                                      attempt->started_at);
      GtkWidget *row = plain_row (_("Exam in progress"), subtitle);
      GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Resume"));
      gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (resume, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (resume), "practice.resume-exam");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (resume), "x", attempt->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);
      gtk_list_box_append (self->sections_list, row);
    }
}

/* The exam of the pack chosen: its rule and its sections. */
static void
fill_sections (CwPracticePage *self)
{
  if (self->filling)
    return;
  cw_list_box_remove_all (self->sections_list);
  guint chosen = adw_combo_row_get_selected (self->exam_pack_row);
  CwExercisePack *exam_pack
    = chosen < self->exam_packs->len ? g_ptr_array_index (self->exam_packs, chosen) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.start-exam", exam_pack != NULL);
  add_running_exams (self);
  if (exam_pack == NULL)
    {
      adw_preferences_group_set_description (self->exam_group, NULL);
      gtk_list_box_append (self->sections_list,
                           plain_row (_("No pack holds an exam"),
                                      _("Import a pack with an exam blueprint to sit one")));
      return;
    }
  const CwExamBlueprint *exam = exam_pack->exam;
  g_autofree char *description = g_strdup_printf (
    _("%s: %u minutes, no feedback until it ends; a pass needs %u %% overall and %u %% in "
      "every section."),
    exam_pack->title, exam->minutes, exam->pass_overall, exam->pass_section);
  adw_preferences_group_set_description (self->exam_group, description);
  for (guint i = 0; i < exam->sections->len; i++)
    {
      CwExamSection *section = g_ptr_array_index (exam->sections, i);
      g_autofree char *subtitle = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u exercise · %u %% of the score",
                     "%u exercises · %u %% of the score", section->count),
        section->count, section->weight);
      gtk_list_box_append (self->sections_list, plain_row (section->title, subtitle));
    }
}

/* One row of progress: a kind's or a clause's scores day after day,
 * "60 % → 75 % → 90 % (12 answers)". */
static void
add_progress_row (CwPracticePage *self, GPtrArray *rows, const char *key, const char *title)
{
  g_autoptr (GString) trend = g_string_new (NULL);
  guint answers = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      CwProgressRow *row = g_ptr_array_index (rows, i);
      if (!g_str_equal (row->key, key))
        continue;
      if (trend->len > 0)
        g_string_append (trend, " → ");
      g_string_append_printf (trend, _("%.0f %%"), row->percent);
      answers += row->answers;
    }
  g_autofree char *subtitle = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%s (%u answer)", "%s (%u answers)", answers), trend->str,
    answers);
  gtk_list_box_append (self->progress_list, plain_row (title, subtitle));
}

static void
fill_progress (CwPracticePage *self)
{
  if (self->practice == NULL)
    return;
  cw_list_box_remove_all (self->progress_list);
  gboolean by_clause = adw_combo_row_get_selected (self->progress_by_row) == 1;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows
    = cw_practice_progress (self->practice, trainee (self),
                            by_clause ? CW_PROGRESS_BY_CLAUSE : CW_PROGRESS_BY_KIND, &error);
  /* A name that has answered nothing yet has no scores, which is no error. */
  if (rows == NULL && !g_error_matches (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND))
    {
      gtk_list_box_append (self->progress_list,
                           plain_row (_("Progress could not be read"), error->message));
      return;
    }
  if (rows == NULL || rows->len == 0)
    {
      gtk_list_box_append (self->progress_list,
                           plain_row (_("No scores yet"),
                                      _("Your scores show here after your first exercise")));
      return;
    }
  if (!by_clause)
    {
      for (guint k = 0; k < CW_EXERCISE_N_KINDS; k++)
        for (guint i = 0; i < rows->len; i++)
          if (g_str_equal (((CwProgressRow *) g_ptr_array_index (rows, i))->key,
                           cw_exercise_kind_to_string (k)))
            {
              add_progress_row (self, rows, cw_exercise_kind_to_string (k),
                                cw_exercise_kind_label (k));
              break;
            }
      return;
    }
  /* Clauses in the order they first scored, each once. */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *clause = ((CwProgressRow *) g_ptr_array_index (rows, i))->key;
      if (!g_hash_table_add (seen, (gpointer) clause))
        continue;
      g_autofree char *title = g_strdup_printf (_("Clause %s"), clause);
      add_progress_row (self, rows, clause, title);
    }
}

static void
show_home (CwPracticePage *self)
{
  g_clear_handle_id (&self->clock, g_source_remove);
  if (!ensure_practice (self))
    return;
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "home"))
    drop_focus_in (GTK_WIDGET (self));
  fill_packs (self);
  fill_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "home");
}

static void
load (CwPage *page)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (page);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->practice == NULL)
    show_home (self);
}

/* ---- An exercise ---------------------------------------------------------- */

/* A card with its content set in from the edges. */
static GtkWidget *
card (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  return box;
}

static GtkWidget *
padded (GtkWidget *card)
{
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (inner, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12,
                NULL);
  gtk_box_append (GTK_BOX (card), inner);
  return inner;
}

static GtkTextView *
text_area (GtkBox *box, const char *title)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  GtkWidget *view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  g_object_set (view, "top-margin", 6, "bottom-margin", 6, "left-margin", 6, "right-margin", 6,
                NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  /* GTK 4.8 does not name a text view after its mnemonic label. */
  set_accessible_label (view, gtk_label_get_text (GTK_LABEL (label)));
  GtkWidget *frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (box, frame);
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
choice (GtkWidget *group, const char *text)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  set_accessible_label (button, text);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
  return button;
}

static void fill_steps (PartView *view, guint focus, gboolean up);

static void
on_step_moved (GtkButton *button, PartView *view)
{
  guint at = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "at"));
  gboolean up = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "up"));
  guint to = up ? at - 1 : at + 1;
  guint moved = g_array_index (view->order, guint, at);
  g_array_index (view->order, guint, at) = g_array_index (view->order, guint, to);
  g_array_index (view->order, guint, to) = moved;
  fill_steps (view, to, up);
}

/* The steps as the trainee has put them, each with Move Up and Move Down;
 * the button pressed keeps the focus on the step it moved. */
static void
fill_steps (PartView *view, guint focus, gboolean up)
{
  drop_focus_in (GTK_WIDGET (view->steps));
  cw_list_box_remove_all (view->steps);
  guint n = view->order->len;
  for (guint i = 0; i < n; i++)
    {
      const char *step = g_ptr_array_index (view->part->steps, g_array_index (view->order, guint, i));
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, step);
      GtkWidget *row = plain_row (title, NULL);
      const char *icons[] = { "go-up-symbolic", "go-down-symbolic" };
      for (guint b = 0; b < 2; b++)
        {
          GtkWidget *button = gtk_button_new_from_icon_name (icons[b]);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          g_autofree char *name = g_strdup_printf (b == 0 ? _("Move step %u up") : _("Move step %u down"),
                                                   i + 1);
          set_accessible_label (button, name);
          gtk_widget_set_tooltip_text (button, b == 0 ? _("Move up") : _("Move down"));
          gtk_widget_set_sensitive (button, b == 0 ? i > 0 : i + 1 < n);
          g_object_set_data (G_OBJECT (button), "at", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (button), "up", GINT_TO_POINTER (b == 0));
          g_signal_connect (button, "clicked", G_CALLBACK (on_step_moved), view);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          if (i == focus && (b == 0) == up && gtk_widget_get_sensitive (button))
            gtk_widget_grab_focus (button);
        }
      gtk_list_box_append (view->steps, row);
    }
}

static PartView *
part_view_new (CwPracticePage *self, const CwPart *part, guint index, guint n_parts)
{
  PartView *view = g_new0 (PartView, 1);
  view->part = part;
  GtkWidget *frame = card ();
  GtkWidget *box = padded (frame);
  GtkBox *inputs = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  view->inputs = GTK_WIDGET (inputs);
  g_autofree char *marks = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u mark", "%u marks", part->marks), part->marks);
  g_autofree char *heading
    = n_parts > 1 ? g_strdup_printf (_("Part %u · %s"), index + 1, marks) : g_strdup (marks);
  gtk_box_append (GTK_BOX (box), text_label (heading, "dim-label"));
  if (part->prompt != NULL)
    gtk_box_append (GTK_BOX (box), text_label (part->prompt, "heading"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (inputs));
  switch (part->kind)
    {
    case CW_PART_CHOOSE_ONE:
    case CW_PART_CHOOSE_MANY:
      view->buttons = g_ptr_array_new ();
      for (guint i = 0; i < part->options->len; i++)
        {
          CwOption *option = g_ptr_array_index (part->options, i);
          GtkWidget *button = choice (part->kind == CW_PART_CHOOSE_ONE && i > 0
                                        ? g_ptr_array_index (view->buttons, 0)
                                        : NULL,
                                      option->text);
          g_ptr_array_add (view->buttons, button);
          gtk_box_append (inputs, button);
        }
      break;
    case CW_PART_GRADE:
      view->buttons = g_ptr_array_new ();
      for (CwExerciseGrade g = CW_EXERCISE_GRADE_CONFORMING; g <= CW_EXERCISE_GRADE_MAJOR; g++)
        {
          GtkWidget *button = choice (g > 0 ? g_ptr_array_index (view->buttons, 0) : NULL,
                                      cw_exercise_grade_label (g));
          g_ptr_array_add (view->buttons, button);
          gtk_box_append (inputs, button);
        }
      break;
    case CW_PART_CLAUSE:
    case CW_PART_NUMBER:
      {
        GtkWidget *label = gtk_label_new_with_mnemonic (
          part->kind == CW_PART_CLAUSE ? _("_Clause number") : _("_Number"));
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        view->entry = gtk_entry_new ();
        gtk_entry_set_placeholder_text (GTK_ENTRY (view->entry),
                                        part->kind == CW_PART_CLAUSE ? "8.5.1" : "20");
        gtk_entry_set_input_purpose (GTK_ENTRY (view->entry),
                                     part->kind == CW_PART_CLAUSE ? GTK_INPUT_PURPOSE_NUMBER
                                                                  : GTK_INPUT_PURPOSE_DIGITS);
        gtk_label_set_mnemonic_widget (GTK_LABEL (label), view->entry);
        gtk_box_append (inputs, label);
        gtk_box_append (inputs, view->entry);
        break;
      }
    case CW_PART_SEQUENCE:
      view->order = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (view->order, part->shown->data, part->shown->len);
      view->steps = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (view->steps, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (view->steps), "boxed-list");
      set_accessible_label (GTK_WIDGET (view->steps), _("Steps in your order"));
      fill_steps (view, G_MAXUINT, FALSE);
      gtk_box_append (inputs, GTK_WIDGET (view->steps));
      break;
    case CW_PART_WRITTEN:
      view->texts[0] = text_area (inputs, _("Your _answer"));
      break;
    case CW_PART_STATEMENT:
      view->buttons = g_ptr_array_new ();
      gtk_box_append (inputs, text_label (_("Grade"), "heading"));
      for (CwExerciseGrade g = CW_EXERCISE_GRADE_MINOR; g <= CW_EXERCISE_GRADE_MAJOR; g++)
        {
          GtkWidget *button = choice (g > CW_EXERCISE_GRADE_MINOR
                                        ? g_ptr_array_index (view->buttons, 0)
                                        : NULL,
                                      cw_exercise_grade_label (g));
          g_ptr_array_add (view->buttons, button);
          gtk_box_append (inputs, button);
        }
      view->texts[0] = text_area (inputs, _("_Requirement"));
      view->texts[1] = text_area (inputs, _("_Evidence"));
      view->texts[2] = text_area (inputs, _("_Statement of nonconformity"));
      break;
    }

  /* The model and the rubric, for the trainee to compare with. */
  if (part->kind == CW_PART_WRITTEN || part->kind == CW_PART_STATEMENT)
    {
      GtkWidget *model = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (model), text_label (_("The model"), "heading"));
      if (part->kind == CW_PART_WRITTEN)
        gtk_box_append (GTK_BOX (model), text_label (part->model, NULL));
      else
        {
          g_autofree char *statement = g_strdup_printf (
            _("Requirement: %s\nEvidence: %s\nStatement: %s\nGrade: %s"), part->requirement,
            part->evidence, part->statement, cw_exercise_grade_label (part->grade));
          gtk_box_append (GTK_BOX (model), text_label (statement, NULL));
        }
      gtk_box_append (GTK_BOX (model),
                      text_label (_("Tick what your answer does as well:"), "heading"));
      view->rubric = g_ptr_array_new ();
      for (guint i = 0; i < part->rubric->len; i++)
        {
          GtkWidget *button = choice (NULL, g_ptr_array_index (part->rubric, i));
          g_ptr_array_add (view->rubric, button);
          gtk_box_append (GTK_BOX (model), button);
        }
      gtk_widget_set_visible (model, FALSE);
      view->model = model;
      gtk_box_append (GTK_BOX (box), model);
    }
  view->feedback = GTK_LABEL (text_label (NULL, NULL));
  gtk_widget_set_visible (GTK_WIDGET (view->feedback), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view->feedback));
  gtk_box_append (self->exercise_box, frame);
  return view;
}

/* What the widgets hold, as an answer to the exercise shown. */
static CwExerciseAnswer *
read_answer (CwPracticePage *self)
{
  CwExerciseAnswer *answer = cw_exercise_answer_new (self->exercise);
  for (guint i = 0; i < self->views->len; i++)
    {
      PartView *view = g_ptr_array_index (self->views, i);
      CwPartAnswer *part = cw_exercise_answer_get_part (answer, i);
      switch (view->part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          for (guint b = 0; b < view->buttons->len; b++)
            if (gtk_check_button_get_active (g_ptr_array_index (view->buttons, b)))
              g_array_append_val (part->chosen, b);
          break;
        case CW_PART_GRADE:
        case CW_PART_STATEMENT:
          for (guint b = 0; b < view->buttons->len; b++)
            if (gtk_check_button_get_active (g_ptr_array_index (view->buttons, b)))
              {
                part->has_grade = TRUE;
                part->grade = view->part->kind == CW_PART_GRADE ? (CwExerciseGrade) b
                                                                : CW_EXERCISE_GRADE_MINOR + b;
              }
          if (view->part->kind == CW_PART_STATEMENT)
            {
              part->requirement = cw_text_view_dup_text (view->texts[0]);
              part->evidence = cw_text_view_dup_text (view->texts[1]);
              part->statement = cw_text_view_dup_text (view->texts[2]);
            }
          break;
        case CW_PART_CLAUSE:
          part->clause = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (view->entry))));
          if (*part->clause == '\0')
            g_clear_pointer (&part->clause, g_free);
          break;
        case CW_PART_NUMBER:
          part->has_number = g_ascii_string_to_signed (
            gtk_editable_get_text (GTK_EDITABLE (view->entry)), 10, 0, G_MAXINT32, &part->number,
            NULL);
          break;
        case CW_PART_SEQUENCE:
          g_array_append_vals (part->order, view->order->data, view->order->len);
          break;
        case CW_PART_WRITTEN:
          part->text = cw_text_view_dup_text (view->texts[0]);
          break;
        }
      if (view->rubric != NULL)
        for (guint r = 0; r < view->rubric->len; r++)
          if (gtk_check_button_get_active (g_ptr_array_index (view->rubric, r)))
            g_array_append_val (part->confirmed, r);
    }
  return answer;
}

/* Puts a stored answer back into the widgets (an exam's earlier answer). */
static void
show_answer (CwPracticePage *self, CwExerciseAnswer *answer)
{
  for (guint i = 0; i < self->views->len && i < answer->parts->len; i++)
    {
      PartView *view = g_ptr_array_index (self->views, i);
      CwPartAnswer *part = cw_exercise_answer_get_part (answer, i);
      switch (view->part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          for (guint c = 0; c < part->chosen->len; c++)
            {
              guint b = g_array_index (part->chosen, guint, c);
              if (b < view->buttons->len)
                gtk_check_button_set_active (g_ptr_array_index (view->buttons, b), TRUE);
            }
          break;
        case CW_PART_GRADE:
        case CW_PART_STATEMENT:
          if (part->has_grade)
            {
              guint b = view->part->kind == CW_PART_GRADE ? part->grade
                                                          : part->grade - CW_EXERCISE_GRADE_MINOR;
              if (b < view->buttons->len)
                gtk_check_button_set_active (g_ptr_array_index (view->buttons, b), TRUE);
            }
          if (view->part->kind == CW_PART_STATEMENT)
            {
              cw_text_view_set_text (view->texts[0], part->requirement ? part->requirement : "");
              cw_text_view_set_text (view->texts[1], part->evidence ? part->evidence : "");
              cw_text_view_set_text (view->texts[2], part->statement ? part->statement : "");
            }
          break;
        case CW_PART_CLAUSE:
          gtk_editable_set_text (GTK_EDITABLE (view->entry), part->clause ? part->clause : "");
          break;
        case CW_PART_NUMBER:
          if (part->has_number)
            {
              g_autofree char *number = g_strdup_printf ("%" PRId64, part->number);
              gtk_editable_set_text (GTK_EDITABLE (view->entry), number);
            }
          break;
        case CW_PART_SEQUENCE:
          if (part->order->len == view->order->len)
            {
              g_array_set_size (view->order, 0);
              g_array_append_vals (view->order, part->order->data, part->order->len);
              fill_steps (view, G_MAXUINT, FALSE);
            }
          break;
        case CW_PART_WRITTEN:
          cw_text_view_set_text (view->texts[0], part->text ? part->text : "");
          break;
        }
    }
}

static void
update_position (CwPracticePage *self)
{
  g_autofree char *text = NULL;
  if (self->attempt != 0)
    {
      CwExamItem *item = g_ptr_array_index (self->items, self->index);
      /* TRANSLATORS: "Question 3 of 32 · Multiple choice" */
      text = g_strdup_printf (_("Question %u of %u · %s"), self->index + 1, self->items->len,
                              item->section_title);
    }
  else
    text = g_strdup_printf (_("Exercise %u of %u"), self->index + 1, self->queue->len);
  gtk_label_set_label (self->position_label, text);
  gboolean exam = self->attempt != 0;
  gtk_widget_set_visible (self->check_button, !exam);
  gtk_widget_set_visible (self->finish_button, exam);
  gtk_widget_set_visible (self->previous_button, exam);
  gtk_widget_set_visible (GTK_WIDGET (self->clock_label), exam);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.previous", exam && self->index > 0);
  guint n = exam ? self->items->len : self->queue->len;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.next",
                                 exam ? self->index + 1 < n : self->stage == STAGE_SCORED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.check",
                                 !exam && self->stage != STAGE_SCORED);
  gtk_button_set_label (GTK_BUTTON (self->check_button), self->stage == STAGE_ASSESSING
                                                           ? _("_Confirm Score")
                                                           : _("_Check Answer"));
  gtk_button_set_use_underline (GTK_BUTTON (self->check_button), TRUE);
}

/* Shows `exercise`: its title and what it is about, the scenario, the
 * evidence extracts, the task and a place to answer each part. */
static void
show_exercise (CwPracticePage *self, CwExercise *exercise)
{
  g_clear_pointer (&self->exercise, cw_exercise_unref);
  self->exercise = cw_exercise_ref (exercise);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) part_view_free);
  self->stage = STAGE_ANSWERING;
  drop_focus_in (GTK_WIDGET (self));
  clear_box (self->exercise_box);

  gtk_box_append (self->exercise_box, text_label (exercise->title, "title-2"));
  g_autoptr (GString) about = g_string_new (cw_exercise_kind_label (exercise->kind));
  if (exercise->clauses[0] != NULL)
    {
      g_autofree char *clauses = g_strjoinv (", ", exercise->clauses);
      g_string_append_printf (about, _(" · clause %s"), clauses);
    }
  g_string_append_printf (about, _(" · difficulty %u of 3"), exercise->difficulty);
  g_string_append_printf (
    about, g_dngettext (GETTEXT_PACKAGE, " · %u mark", " · %u marks", exercise->marks),
    exercise->marks);
  gtk_box_append (self->exercise_box, text_label (about->str, "dim-label"));
  if (exercise->scenario != NULL)
    gtk_box_append (self->exercise_box, text_label (exercise->scenario, NULL));
  for (guint i = 0; i < exercise->extracts->len; i++)
    {
      CwExtract *extract = g_ptr_array_index (exercise->extracts, i);
      GtkWidget *frame = card ();
      GtkWidget *box = padded (frame);
      /* TRANSLATORS: "Record · Change record CHG-2211" */
      g_autofree char *source
        = g_strdup_printf (_("%s · %s"), cw_extract_kind_label (extract->kind), extract->source);
      gtk_box_append (GTK_BOX (box), text_label (source, "heading"));
      gtk_box_append (GTK_BOX (box), text_label (extract->text, NULL));
      gtk_box_append (self->exercise_box, frame);
    }
  gtk_box_append (self->exercise_box, text_label (exercise->task, "heading"));
  for (guint i = 0; i < exercise->parts->len; i++)
    g_ptr_array_add (self->views, part_view_new (self, g_ptr_array_index (exercise->parts, i), i,
                                                 exercise->parts->len));
  self->model_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->model_box), text_label (_("Model answer"), "heading"));
  gtk_box_append (GTK_BOX (self->model_box), text_label (exercise->model_answer, NULL));
  gtk_box_append (GTK_BOX (self->model_box), text_label (_("Why"), "heading"));
  gtk_box_append (GTK_BOX (self->model_box), text_label (exercise->explanation, NULL));
  gtk_widget_set_visible (self->model_box, FALSE);
  gtk_box_append (self->exercise_box, self->model_box);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->exercise_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "exercise");
  update_position (self);
  /* The keyboard starts on the first answer. */
  PartView *first = g_ptr_array_index (self->views, 0);
  GtkWidget *start = first->buttons ? g_ptr_array_index (first->buttons, 0)
                     : first->entry ? first->entry
                     : first->texts[0] ? GTK_WIDGET (first->texts[0])
                                       : GTK_WIDGET (first->steps);
  gtk_widget_grab_focus (start);
}

/* ---- Practice ------------------------------------------------------------- */

static gboolean
has_self_assessed (const CwExercise *exercise)
{
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, i);
      if (part->kind == CW_PART_WRITTEN || part->kind == CW_PART_STATEMENT)
        return TRUE;
    }
  return FALSE;
}

/* Each part's marks, and for a closed part the right answer. */
static void
show_score (CwPracticePage *self, CwExerciseAnswer *answer, CwScore *score)
{
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (self->exercise);
  for (guint i = 0; i < self->views->len; i++)
    {
      PartView *view = g_ptr_array_index (self->views, i);
      CwPartScore *part = g_ptr_array_index (score->parts, i);
      g_autofree char *scored = marks_text (part->scored);
      g_autofree char *possible = marks_text (part->possible);
      g_autoptr (GString) text = g_string_new (NULL);
      g_string_append_printf (text, _("%s of %s marks"), scored, possible);
      if (part->self_possible > 0 && part->app_possible > 0)
        {
          g_autofree char *app = marks_text (part->app_scored);
          g_autofree char *mine = marks_text (part->self_scored);
          g_string_append_printf (text, _(": %s from the app’s checks, %s confirmed by you"), app,
                                  mine);
        }
      else if (part->self_possible > 0)
        g_string_append (text, _(", confirmed by you against the model"));
      else
        {
          g_autofree char *right = cw_exercise_answer_describe_part (self->exercise, model, i);
          g_string_append_printf (text, _(". The answer: %s"), right);
        }
      for (guint h = 0; part->hints != NULL && h < part->hints->len; h++)
        {
          CwStatementHint *hint = g_ptr_array_index (part->hints, h);
          g_string_append_printf (text, "\n• %s", hint->message);
        }
      gtk_label_set_label (view->feedback, text->str);
      gtk_widget_remove_css_class (GTK_WIDGET (view->feedback), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (view->feedback), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (view->feedback),
                                part->scored >= part->possible ? "success" : "warning");
      gtk_widget_set_visible (GTK_WIDGET (view->feedback), TRUE);
      if (view->rubric != NULL)
        for (guint r = 0; r < view->rubric->len; r++)
          gtk_widget_set_sensitive (g_ptr_array_index (view->rubric, r), FALSE);
    }
  gtk_widget_set_visible (self->model_box, TRUE);
  g_autofree char *scored = marks_text (score->scored);
  g_autofree char *possible = marks_text (score->possible);
  g_autofree char *message = g_strdup_printf (_("%s of %s marks"), scored, possible);
  cw_toast (GTK_WIDGET (self), message);
}

static void
check_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->exercise == NULL || self->attempt != 0 || self->stage == STAGE_SCORED)
    return;
  g_autoptr (CwExerciseAnswer) answer = read_answer (self);
  g_autoptr (GError) error = NULL;
  if (!cw_exercise_answer_check (self->exercise, answer, &error))
    {
      cw_show_error (widget, _("The Answer Does Not Fit the Exercise"), error);
      return;
    }
  /* Answered: the inputs go read-only, the keyboard to the buttons. */
  gtk_widget_grab_focus (self->check_button);
  for (guint i = 0; i < self->views->len; i++)
    gtk_widget_set_sensitive (((PartView *) g_ptr_array_index (self->views, i))->inputs, FALSE);
  if (self->stage == STAGE_ANSWERING && has_self_assessed (self->exercise))
    {
      /* Written parts: compare with the model first, then score. */
      self->stage = STAGE_ASSESSING;
      for (guint i = 0; i < self->views->len; i++)
        {
          PartView *view = g_ptr_array_index (self->views, i);
          if (view->model != NULL)
            gtk_widget_set_visible (view->model, TRUE);
        }
      update_position (self);
      PartView *first = NULL;
      for (guint i = 0; i < self->views->len && first == NULL; i++)
        if (((PartView *) g_ptr_array_index (self->views, i))->rubric != NULL)
          first = g_ptr_array_index (self->views, i);
      gtk_widget_grab_focus (g_ptr_array_index (first->rubric, 0));
      return;
    }
  g_autoptr (CwScore) score
    = cw_practice_answer (self->practice, trainee (self), self->exercise, answer, &error);
  if (score == NULL)
    {
      for (guint i = 0; i < self->views->len; i++)
        gtk_widget_set_sensitive (((PartView *) g_ptr_array_index (self->views, i))->inputs, TRUE);
      cw_show_error (widget, _("The Answer Was Not Kept"), error);
      return;
    }
  self->stage = STAGE_SCORED;
  show_score (self, answer, score);
  update_position (self);
  gtk_widget_grab_focus (self->next_button);
}

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (!ensure_practice (self))
    return;
  if (!has_trainee (self))
    return;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *clause
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clause_row))));
  CwExerciseFilter filter = CW_EXERCISE_FILTER_ALL;
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    {
      filter.any_kind = FALSE;
      filter.kind = kind - 1;
    }
  filter.clause = *clause != '\0' ? clause : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) exercises = cw_practice_list_exercises (self->practice, &filter, &error);
  if (exercises == NULL)
    {
      cw_show_error (widget, _("The Exercises Could Not Be Read"), error);
      return;
    }
  if (exercises->len == 0)
    {
      cw_toast (widget, _("No exercise of that kind and clause; choose another"));
      return;
    }
  /* A fresh order each time, so that practice is not learnt by rote. */
  for (guint i = exercises->len - 1; i > 0; i--)
    {
      guint j = g_random_int_range (0, i + 1);
      gpointer t = exercises->pdata[i];
      exercises->pdata[i] = exercises->pdata[j];
      exercises->pdata[j] = t;
    }
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->queue = g_steal_pointer (&exercises);
  self->attempt = 0;
  self->index = 0;
  show_exercise (self, g_ptr_array_index (self->queue, 0));
}

/* ---- Exam ----------------------------------------------------------------- */

static void show_result (CwPracticePage *self, CwExamResult *result, guint expanded);
static void add_running_exams (CwPracticePage *self);

/* Keeps the answer shown; FALSE when the exam no longer takes answers. */
static gboolean
keep_exam_answer (CwPracticePage *self)
{
  if (self->exercise == NULL || self->attempt == 0)
    return TRUE;
  g_autoptr (CwExerciseAnswer) answer = read_answer (self);
  g_autoptr (GError) error = NULL;
  if (cw_practice_exam_answer (self->practice, self->attempt, self->exercise->id, answer, &error))
    return TRUE;
  if (!g_error_matches (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED))
    cw_show_error (GTK_WIDGET (self), _("The Answer Was Not Kept"), error);
  return FALSE;
}

static void
show_exam_item (CwPracticePage *self)
{
  CwExamItem *item = g_ptr_array_index (self->items, self->index);
  show_exercise (self, item->exercise);
  g_autoptr (CwExerciseAnswer) answer
    = cw_practice_get_exam_answer (self->practice, self->attempt, item->exercise->id, NULL);
  if (answer != NULL)
    show_answer (self, answer);
}

static void
finish_exam (CwPracticePage *self)
{
  g_clear_handle_id (&self->clock, g_source_remove);
  keep_exam_answer (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExamResult) result = cw_practice_finish_exam (self->practice, self->attempt, &error);
  if (result == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("The Exam Could Not Be Finished"), error);
      return;
    }
  self->finished = self->attempt;
  self->attempt = 0;
  g_clear_pointer (&self->exercise, cw_exercise_unref);
  show_result (self, result, G_MAXUINT);
}

static gboolean
tick (gpointer data)
{
  CwPracticePage *self = data;
  g_autoptr (CwAttempt) attempt = cw_practice_get_attempt (self->practice, self->attempt, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 left = attempt ? cw_attempt_seconds_left (attempt, now) : 0;
  /* TRANSLATORS: hours, minutes and seconds of an exam: "1:59:58 left" */
  g_autofree char *text = g_strdup_printf (_("%d:%02d:%02d left"), (int) (left / 3600),
                                           (int) (left / 60 % 60), (int) (left % 60));
  gtk_label_set_label (self->clock_label, text);
  if (left > 0)
    return G_SOURCE_CONTINUE;
  /* Time is up: the answers given so far count. */
  self->clock = 0;
  finish_exam (self);
  cw_toast (GTK_WIDGET (self), _("Time is up: the exam is finished"));
  return G_SOURCE_REMOVE;
}

/* Shows the exam `attempt`, from its first question, with its clock. */
static void
sit_exam (CwPracticePage *self, gint64 attempt)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (self->practice, attempt, &error);
  if (items == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("The Exam Could Not Start"), error);
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  self->attempt = attempt;
  self->index = 0;
  show_exam_item (self);
  tick (self);
  if (self->attempt != 0)
    self->clock = g_timeout_add_seconds (1, tick, self);
}

static void
start_exam_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (!ensure_practice (self))
    return;
  if (!has_trainee (self))
    return;
  g_autoptr (GError) error = NULL;
  guint chosen = adw_combo_row_get_selected (self->exam_pack_row);
  if (self->exam_packs == NULL || chosen >= self->exam_packs->len)
    return;
  CwExercisePack *pack = g_ptr_array_index (self->exam_packs, chosen);
  gint64 attempt = cw_practice_start_exam (self->practice, trainee (self), pack->id, &error);
  if (attempt == 0)
    cw_show_error (widget, _("The Exam Could Not Start"), error);
  else
    sit_exam (self, attempt);
}

/* An exam left with Stop goes on where it was left, its clock running. */
static void
resume_exam_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sit_exam (CW_PRACTICE_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
on_finish_response (AdwMessageDialog *dialog, const char *response, CwPracticePage *self)
{
  if (g_str_equal (response, "finish") && self->attempt != 0)
    finish_exam (self);
}

static void
finish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->attempt == 0)
    return;
  guint unanswered = 0;
  keep_exam_answer (self);
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (self->practice, self->attempt, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    unanswered += !((CwExamItem *) g_ptr_array_index (items, i))->answered;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body
    = unanswered > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u question has no answer and will score nothing. "
                                        "Answers cannot be changed once the exam is finished.",
                                        "%u questions have no answer and will score nothing. "
                                        "Answers cannot be changed once the exam is finished.",
                                        unanswered),
                           unanswered)
        : g_strdup (_("Answers cannot be changed once the exam is finished."));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Finish the Exam?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Going"),
                                    "finish", _("_Finish"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finish",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->attempt != 0)
    {
      if (self->index + 1 >= self->items->len || !keep_exam_answer (self))
        return;
      self->index++;
      show_exam_item (self);
      return;
    }
  if (self->queue == NULL || self->stage != STAGE_SCORED)
    return;
  if (self->index + 1 >= self->queue->len)
    {
      cw_toast (widget, _("That was the last exercise of this practice"));
      show_home (self);
      return;
    }
  self->index++;
  show_exercise (self, g_ptr_array_index (self->queue, self->index));
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->attempt == 0 || self->index == 0 || !keep_exam_answer (self))
    return;
  self->index--;
  show_exam_item (self);
}

static void
home_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->attempt != 0)
    {
      /* The exam keeps its answers and its deadline; finish it from here. */
      keep_exam_answer (self);
      cw_toast (widget, _("The exam goes on: its answers are kept until you finish it"));
      self->attempt = 0;
    }
  g_clear_pointer (&self->exercise, cw_exercise_unref);
  show_home (self);
}

/* ---- An exam's result ----------------------------------------------------- */

/* After the finish: the rubric items a written answer meets, as the
 * trainee ticks them beside the model, count as self-assessed marks. */
static void
on_assess_clicked (GtkButton *button, CwPracticePage *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (button), "checks");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "part"));
  const char *exercise = g_object_get_data (G_OBJECT (button), "exercise");
  g_autoptr (GArray) confirmed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_array_append_val (confirmed, i);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExamResult) result = NULL;
  if (cw_practice_exam_confirm (self->practice, self->finished, exercise, part, confirmed, &error))
    result = cw_practice_get_exam_result (self->practice, self->finished, &error);
  if (result == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("The Self-Assessment Was Not Kept"), error);
      return;
    }
  show_result (self, result, position);
  cw_toast (GTK_WIDGET (self), _("Self-assessment counted"));
}

/* The model of a written or statement part, and its rubric to tick. */
static void
add_assessment (CwPracticePage *self, GtkWidget *expander, CwExamAnswer *answer, guint part_index,
                guint position)
{
  const CwPart *part = g_ptr_array_index (answer->item->exercise->parts, part_index);
  CwPartAnswer *given = cw_exercise_answer_get_part (answer->answer, part_index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (box, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12,
                NULL);
  g_autofree char *heading
    = g_strdup_printf (_("Part %u: tick what your answer does as well as the model"),
                       part_index + 1);
  gtk_box_append (GTK_BOX (box), text_label (heading, "heading"));
  GPtrArray *checks = g_ptr_array_new ();
  for (guint r = 0; r < part->rubric->len; r++)
    {
      GtkWidget *check = choice (NULL, g_ptr_array_index (part->rubric, r));
      for (guint c = 0; c < given->confirmed->len; c++)
        if (g_array_index (given->confirmed, guint, c) == r)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_ptr_array_add (checks, check);
      gtk_box_append (GTK_BOX (box), check);
    }
  GtkWidget *button = gtk_button_new_with_mnemonic (_("C_ount These"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_autofree char *name = g_strdup_printf (_("Count the ticked items of part %u"), part_index + 1);
  set_accessible_label (button, name);
  g_object_set_data_full (G_OBJECT (button), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (button), "exercise", g_strdup (answer->item->exercise->id),
                          g_free);
  g_object_set_data (G_OBJECT (button), "part", GUINT_TO_POINTER (part_index));
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_signal_connect (button, "clicked", G_CALLBACK (on_assess_clicked), self);
  gtk_box_append (GTK_BOX (box), button);
  GtkWidget *row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
show_result (CwPracticePage *self, CwExamResult *result, guint expanded)
{
  drop_focus_in (GTK_WIDGET (self));
  clear_box (self->result_box);
  g_autofree char *headline
    = g_strdup_printf (result->passed ? _("Passed with %.0f %%") : _("Not passed: %.0f %%"),
                       result->percent);
  gtk_box_append (self->result_box, text_label (headline, "title-1"));
  g_autofree char *rule = g_strdup_printf (
    _("A pass needs %u %% overall and %u %% in every section. A written answer counts the "
      "app’s checks until you compare it with its model below and count what it meets."),
    result->blueprint->pass_overall, result->blueprint->pass_section);
  gtk_box_append (self->result_box, text_label (rule, "dim-label"));

  GtkWidget *sections = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (sections), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (sections, "boxed-list");
  set_accessible_label (sections, _("Score by section"));
  for (guint i = 0; i < result->sections->len; i++)
    {
      CwSectionResult *section = g_ptr_array_index (result->sections, i);
      g_autofree char *scored = marks_text (section->scored);
      g_autofree char *possible = marks_text (section->possible);
      g_autofree char *subtitle = g_strdup_printf (
        _("%.0f %% (%s of %s marks) · %s · %u %% of the score"), section->percent, scored,
        possible, section->passed ? _("passed") : _("below the pass mark"), section->weight);
      gtk_list_box_append (GTK_LIST_BOX (sections), plain_row (section->title, subtitle));
    }
  gtk_box_append (self->result_box, text_label (_("By section"), "heading"));
  gtk_box_append (self->result_box, sections);

  if (result->weakest->len > 0)
    {
      g_autoptr (GString) weakest = g_string_new (NULL);
      for (guint i = 0; i < result->weakest->len; i++)
        {
          CwClauseResult *clause = g_ptr_array_index (result->weakest, i);
          g_string_append_printf (weakest, i == 0 ? _("%s (%.0f %%)") : _(", %s (%.0f %%)"),
                                  clause->clause, clause->percent);
        }
      gtk_box_append (self->result_box, text_label (_("Clauses to work on"), "heading"));
      gtk_box_append (self->result_box, text_label (weakest->str, NULL));
    }

  GtkWidget *answers = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (answers), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (answers, "boxed-list");
  set_accessible_label (answers, _("Your answers beside the models"));
  for (guint i = 0; i < result->answers->len; i++)
    {
      CwExamAnswer *answer = g_ptr_array_index (result->answers, i);
      CwExercise *exercise = answer->item->exercise;
      g_autofree char *title = g_strdup_printf ("%u. %s", answer->item->position, exercise->title);
      g_autofree char *scored = marks_text (answer->score ? answer->score->scored : 0);
      g_autofree char *subtitle
        = answer->answer ? g_strdup_printf (_("%s of %u marks"), scored, exercise->marks)
                         : g_strdup_printf (_("Not answered · 0 of %u marks"), exercise->marks);
      GtkWidget *row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      cw_expander_row_report_state (row);
      g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
      for (guint p = 0; p < exercise->parts->len; p++)
        {
          g_autofree char *given = answer->answer
                                     ? cw_exercise_answer_describe_part (exercise, answer->answer, p)
                                     : g_strdup (_("No answer"));
          g_autofree char *right = cw_exercise_answer_describe_part (exercise, model, p);
          g_autofree char *text = g_strdup_printf (_("Yours: %s\nModel: %s"), given, right);
          g_autofree char *part = g_strdup_printf (_("Part %u"), p + 1);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_row (part, text));
        }
      for (guint p = 0; answer->answer != NULL && p < exercise->parts->len; p++)
        {
          const CwPart *part = g_ptr_array_index (exercise->parts, p);
          if (part->kind == CW_PART_WRITTEN || part->kind == CW_PART_STATEMENT)
            add_assessment (self, row, answer, p, i);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                plain_row (_("Why"), exercise->explanation));
      if (i == expanded)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (answers), row);
    }
  gtk_box_append (self->result_box, text_label (_("Your answers"), "heading"));
  gtk_box_append (self->result_box, answers);

  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export Result…"));
  gtk_widget_set_tooltip_text (export, _("A PDF of this result for a trainer"));
  gtk_widget_add_css_class (export, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "practice.export-result");
  gtk_box_append (GTK_BOX (buttons), export);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back to Practice"));
  gtk_widget_add_css_class (back, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "practice.home");
  gtk_box_append (GTK_BOX (buttons), back);
  gtk_box_append (self->result_box, buttons);
  gtk_stack_set_visible_child_name (self->stack, "result");
  GtkWidget *again = expanded < result->answers->len
                       ? GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (answers), (int) expanded))
                       : NULL;
  gtk_widget_grab_focus (again != NULL ? again : back);
}

/* ---- The result as a PDF -------------------------------------------------- */

gboolean
cw_practice_page_export_result (CwPracticePage *self, const char *path)
{
  g_return_val_if_fail (CW_IS_PRACTICE_PAGE (self), FALSE);
  g_autoptr (GError) error = NULL;
  if (self->finished == 0
      || !cw_practice_write_exam_report (self->practice, self->finished, path,
                                         cw_report_ui_paper (GTK_WIDGET (self)), &error))
    {
      if (error != NULL)
        cw_show_error (GTK_WIDGET (self), _("The Result Was Not Exported"), error);
      return FALSE;
    }
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = g_strdup_printf (_("Exam result exported to %s"), name);
  cw_toast (GTK_WIDGET (self), message);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser, int response, CwPracticePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        cw_practice_page_export_result (self, path);
    }
  self->chooser = NULL;
  g_object_unref (chooser);
}

static void
export_result_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->chooser != NULL || self->finished == 0)
    return;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Export the Exam Result"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Exam result.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Importing a pack ----------------------------------------------------- */

gboolean
cw_practice_page_import (CwPracticePage *self, GFile *file)
{
  g_return_val_if_fail (CW_IS_PRACTICE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (!ensure_practice (self))
    return FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPracticePack) pack = cw_practice_import_file (self->practice, file, &error);
  if (pack == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("The Pack Was Not Imported"), error);
      return FALSE;
    }
  g_autofree char *message = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "“%s” imported: %u exercise", "“%s” imported: %u exercises",
                 pack->n_exercises),
    pack->title, pack->n_exercises);
  cw_toast (GTK_WIDGET (self), message);
  fill_packs (self);
  return TRUE;
}

static void
on_import_response (GtkNativeDialog *chooser, int response, CwPracticePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cw_practice_page_import (self, file);
    }
  self->chooser = NULL;
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (self->chooser != NULL)
    return;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Import an Exercise Pack"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Exercise packs (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- The class ------------------------------------------------------------ */

static void
cw_practice_page_dispose (GObject *object)
{
  CwPracticePage *self = CW_PRACTICE_PAGE (object);
  g_clear_handle_id (&self->clock, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->exercise, cw_exercise_unref);
  g_clear_pointer (&self->exam_packs, g_ptr_array_unref);
  g_clear_object (&self->practice);
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_PRACTICE_PAGE);
  G_OBJECT_CLASS (cw_practice_page_parent_class)->dispose (object);
}

static void
cw_practice_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cw_practice_page_parent_class)->map (widget);
  CwPracticePage *self = CW_PRACTICE_PAGE (widget);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "home"))
    show_home (self);
}

static void
cw_practice_page_class_init (CwPracticePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_practice_page_dispose;
  widget_class->map = cw_practice_page_map;
  page_class->load = load;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, trainee_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, file_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, clause_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, exam_group);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, exam_pack_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, progress_by_row);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, packs_list);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, exercise_scroller);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, exercise_box);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, position_label);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, clock_label);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, check_button);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, CwPracticePage, result_box);
  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "practice.start-exam", NULL, start_exam_action);
  gtk_widget_class_install_action (widget_class, "practice.resume-exam", "x", resume_exam_action);
  gtk_widget_class_install_action (widget_class, "practice.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "practice.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "practice.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "practice.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "practice.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "practice.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "practice.export-result", NULL,
                                   export_result_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "practice.check", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "practice.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "practice.previous", NULL);
}

static void
cw_practice_page_init (CwPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  GtkStringList *kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _("All kinds"));
  for (guint k = 0; k < CW_EXERCISE_N_KINDS; k++)
    gtk_string_list_append (kinds, cw_exercise_kind_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  const char *by[] = { _("Kind of exercise"), _("Clause"), NULL };
  GtkStringList *bys = gtk_string_list_new (by);
  adw_combo_row_set_model (self->progress_by_row, G_LIST_MODEL (bys));
  g_object_unref (bys);
  g_signal_connect_swapped (self->progress_by_row, "notify::selected", G_CALLBACK (fill_progress),
                            self);
  const char *name = g_get_real_name ();
  if (name == NULL || g_str_equal (name, "Unknown") || *name == '\0')
    name = g_get_user_name ();
  gtk_editable_set_text (GTK_EDITABLE (self->trainee_row), name);
  g_signal_connect_swapped (self->trainee_row, "apply", G_CALLBACK (fill_progress), self);
  g_signal_connect_swapped (self->trainee_row, "apply", G_CALLBACK (fill_sections), self);
  adw_entry_row_set_show_apply_button (self->trainee_row, TRUE);
  g_signal_connect_swapped (self->exam_pack_row, "notify::selected", G_CALLBACK (fill_sections),
                            self);
}
