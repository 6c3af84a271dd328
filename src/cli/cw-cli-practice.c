/* cw-cli-practice.c: lead-auditor practice on the command line: exercise
 * packs, practice answers, timed exams and progress, in a practice file of
 * their own (never a workspace). Reading packs, scoring, the exam's draw,
 * deadline and pass rule are the core's (cw-exercise.c, cw-practice.c);
 * this file reads the command line, turns options into an answer and
 * prints. */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-output.h"
#include "cw-practice.h"
#include "cw-text.h"

/* Marks to two decimals at most: "3", "2.5", "0.38". */
static char *
marks (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static CwPractice *
open_practice (const char *path, int *status)
{
  g_autoptr (GError) error = NULL;
  CwPractice *practice = cw_practice_open (path, &error);
  if (practice == NULL)
    *status = cw_cli_fail (error);
  return practice;
}

/* ---- practice init, pack … --------------------------------------------- */

int
cw_cli_run_practice_init (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPractice) practice = cw_practice_create (args[0], &error);
  if (practice == NULL)
    return cw_cli_fail (error);
  g_print (_ ("Created practice file %s\n"), args[0]);
  return CW_CLI_OK;
}

static void
print_pack_summary (const char *id, guint version, guint exercises, gboolean exam,
                    const char *title, const char *source)
{
  g_autofree char *safe_title = cw_cli_safe_line (title);
  g_autofree char *safe_source = cw_cli_safe_line (source);
  g_print ("%s\t%u\t%u\t%s\t%s%s%s\n", id, version, exercises, exam ? "exam" : "-", safe_title,
           source ? "\t" : "", source ? safe_source : "");
}

int
cw_cli_run_pack_validate (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (args[0]);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_file (file, NULL, &error);
  if (pack == NULL)
    return cw_cli_fail (error);
  /* ID, version, exercises, "exam" or "-", title: as `pack list` prints. */
  print_pack_summary (pack->id, pack->version, pack->exercises->len, pack->exam != NULL,
                      pack->title, NULL);
  return CW_CLI_OK;
}

int
cw_cli_run_pack_import (const CwCliCommand *command, int argc, char **argv)
{
  gboolean bundled = FALSE;
  GOptionEntry entries[] = {
    { "bundled", 0, 0, G_OPTION_ARG_NONE, &bundled,
      N_ ("Import the pack that comes with Clausewise instead of a file"), NULL },
    { NULL },
  };
  /* With --bundled there is no FILE to give. */
  CwCliCommand without_file = *command;
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--bundled"))
      without_file.parameters = "PRACTICE";
  char **args;
  int status = cw_cli_parse (&without_file, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPracticePack) pack = NULL;
  if (bundled)
    pack = cw_practice_import_bundled (practice, &error);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (args[1]);
      pack = cw_practice_import_file (practice, file, &error);
    }
  if (pack == NULL)
    return cw_cli_fail (error);
  print_pack_summary (pack->id, pack->version, pack->n_exercises, pack->has_exam, pack->title,
                      pack->source);
  return CW_CLI_OK;
}

int
cw_cli_run_pack_list (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (practice, &error);
  if (packs == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < packs->len; i++)
    {
      CwPracticePack *pack = g_ptr_array_index (packs, i);
      print_pack_summary (pack->id, pack->version, pack->n_exercises, pack->has_exam, pack->title,
                          pack->source);
    }
  return CW_CLI_OK;
}

/* ---- exercise … -------------------------------------------------------- */

int
cw_cli_run_exercise_list (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *pack = NULL, *kind = NULL, *clause = NULL;
  gint difficulty = 0;
  GOptionEntry entries[] = {
    { "pack", 0, 0, G_OPTION_ARG_STRING, &pack, N_ ("Only this pack's exercises"), N_ ("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("Only exercises of this kind"), N_ ("KIND") },
    { "clause", 0, 0, G_OPTION_ARG_STRING, &clause,
      N_ ("Only exercises on this clause or its sub-clauses"), N_ ("NUMBER") },
    { "difficulty", 0, 0, G_OPTION_ARG_INT, &difficulty, N_ ("Only this difficulty (1 to 3)"),
      N_ ("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  CwExerciseFilter filter = CW_EXERCISE_FILTER_ALL;
  filter.pack_id = pack;
  filter.clause = clause;
  if (kind != NULL)
    {
      filter.any_kind = FALSE;
      if (!cw_exercise_kind_from_string (kind, &filter.kind))
        return cw_cli_input_error (_ ("“%s” is not a kind of exercise; use one of %s"), kind,
                                   cw_exercise_kind_tokens ());
    }
  if (difficulty < 0 || difficulty > 3)
    return cw_cli_input_error (_ ("--difficulty is 1, 2 or 3"));
  filter.difficulty = (guint)difficulty;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) exercises = cw_practice_list_exercises (practice, &filter, &error);
  if (exercises == NULL)
    return cw_cli_fail (error);
  /* PACK/EXERCISE, kind, clauses, difficulty, marks, title. */
  for (guint i = 0; i < exercises->len; i++)
    {
      CwExercise *exercise = g_ptr_array_index (exercises, i);
      g_autofree char *clauses = g_strjoinv (",", exercise->clauses);
      g_autofree char *title = cw_cli_safe_line (exercise->title);
      g_print ("%s/%s\t%s\t%s\t%u\t%u\t%s\n", exercise->pack_id, exercise->id,
               cw_exercise_kind_to_string (exercise->kind), *clauses ? clauses : "-",
               exercise->difficulty, exercise->marks, title);
    }
  return CW_CLI_OK;
}

static const char *
part_label (CwPartKind kind)
{
  switch (kind)
    {
    case CW_PART_CHOOSE_ONE:
      return _ ("Choose one");
    case CW_PART_CHOOSE_MANY:
      return _ ("Choose all that apply");
    case CW_PART_CLAUSE:
      return _ ("Give the clause number");
    case CW_PART_GRADE:
      return _ ("Give the grade");
    case CW_PART_NUMBER:
      return _ ("Give a number");
    case CW_PART_SEQUENCE:
      return _ ("Put the steps in order");
    case CW_PART_WRITTEN:
      return _ ("Write your answer");
    case CW_PART_STATEMENT:
      return _ ("Write the nonconformity statement: requirement, evidence, statement, grade");
    }
  return "";
}

static void
print_line (const char *label, const char *text)
{
  g_autofree char *value = cw_cli_safe_line (text);
  g_print ("%s %s\n", label, value);
}

static void
print_rubric (const CwPart *part)
{
  for (guint r = 0; r < part->rubric->len; r++)
    {
      g_autofree char *item = cw_cli_safe_line (g_ptr_array_index (part->rubric, r));
      g_print ("    %s %u. %s\n", _ ("Rubric"), r + 1, item);
    }
}

static void
print_model_part (const CwExercise *exercise, const CwPart *part, guint index)
{
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
  g_autofree char *answer = cw_exercise_answer_describe_part (exercise, model, index);
  switch (part->kind)
    {
    case CW_PART_NUMBER:
      g_print ("    %s %u–%u\n", _ ("Model:"), part->min, part->max);
      break;
    case CW_PART_WRITTEN:
      print_line (_ ("    Model:"), part->model);
      print_rubric (part);
      break;
    case CW_PART_STATEMENT:
      print_line (_ ("    Model grade:"), cw_exercise_grade_label (part->grade));
      print_line (_ ("    Model requirement:"), part->requirement);
      print_line (_ ("    Model evidence:"), part->evidence);
      print_line (_ ("    Model statement:"), part->statement);
      print_rubric (part);
      break;
    default:
      print_line (_ ("    Model:"), answer);
      break;
    }
}

static void
print_exercise (const CwExercise *exercise, gboolean model)
{
  g_autofree char *clauses = g_strjoinv (", ", exercise->clauses);
  g_print ("%s %s/%s\n", _ ("Exercise:"), exercise->pack_id, exercise->id);
  print_line (_ ("Title:"), exercise->title);
  g_print ("%s %s\n", _ ("Kind:"), cw_exercise_kind_label (exercise->kind));
  g_print ("%s %s\n", _ ("Clauses:"), *clauses ? clauses : "-");
  g_print ("%s %u\n", _ ("Difficulty:"), exercise->difficulty);
  g_print ("%s %u\n", _ ("Marks:"), exercise->marks);
  if (exercise->scenario != NULL)
    print_line (_ ("Scenario:"), exercise->scenario);
  for (guint i = 0; i < exercise->extracts->len; i++)
    {
      CwExtract *extract = g_ptr_array_index (exercise->extracts, i);
      g_autofree char *source = cw_cli_safe_line (extract->source);
      g_autofree char *label = g_strdup_printf ("%s (%s, %s):", _ ("Extract"),
                                                cw_extract_kind_label (extract->kind), source);
      print_line (label, extract->text);
    }
  print_line (_ ("Task:"), exercise->task);
  for (guint p = 0; p < exercise->parts->len; p++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, p);
      g_print ("%s %u (%u %s): %s\n", _ ("Part"), p + 1, part->marks,
               g_dngettext (GETTEXT_PACKAGE, "mark", "marks", part->marks),
               part->prompt ? part->prompt : part_label (part->kind));
      if (part->prompt != NULL)
        g_print ("    %s\n", part_label (part->kind));
      for (guint o = 0; part->options != NULL && o < part->options->len; o++)
        {
          g_autofree char *text = cw_cli_safe_line (((CwOption *)g_ptr_array_index (part->options, o))->text);
          g_print ("    %u. %s\n", o + 1, text);
        }
      for (guint s = 0; part->shown != NULL && s < part->shown->len; s++)
        {
          guint step = g_array_index (part->shown, guint, s);
          g_autofree char *text = cw_cli_safe_line (g_ptr_array_index (part->steps, step));
          g_print ("    %u. %s\n", s + 1, text);
        }
      if (model)
        print_model_part (exercise, part, p);
    }
  if (model)
    {
      print_line (_ ("Model answer:"), exercise->model_answer);
      print_line (_ ("Explanation:"), exercise->explanation);
    }
}

static CwExercise *
find_exercise (CwPractice *practice, const char *reference, int *status)
{
  g_autoptr (GError) error = NULL;
  CwExercise *exercise = cw_practice_find_exercise (practice, reference, &error);
  if (exercise == NULL)
    *status = cw_cli_fail (error);
  return exercise;
}

int
cw_cli_run_exercise_show (const CwCliCommand *command, int argc, char **argv)
{
  gboolean model = FALSE;
  GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_NONE, &model,
      N_ ("Also show the model answer, the rubric and the explanation"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (CwExercise) exercise = find_exercise (practice, args[1], &status);
  if (exercise == NULL)
    return status;
  print_exercise (exercise, model);
  return CW_CLI_OK;
}

/* ---- Answers from options ----------------------------------------------- */

typedef struct
{
  char **choose;
  char *clause;
  char *grade;
  char *number;
  char *order;
  char *text;
  char *requirement;
  char *evidence;
  char *statement;
  char *met;
} AnswerOptions;

static void
answer_options_clear (AnswerOptions *options)
{
  g_strfreev (options->choose);
  g_free (options->clause);
  g_free (options->grade);
  g_free (options->number);
  g_free (options->order);
  g_free (options->text);
  g_free (options->requirement);
  g_free (options->evidence);
  g_free (options->statement);
  g_free (options->met);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnswerOptions, answer_options_clear)

/* The answer options, with any others a command has before them. */
static GOptionEntry *
answer_entries (AnswerOptions *o, const GOptionEntry *extra, guint n_extra)
{
  const GOptionEntry entries[] = {
    { "choose", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->choose,
      N_ ("Option numbers chosen, comma-separated or repeated; one per one-answer question, "
          "in order"),
      N_ ("N") },
    { "clause", 0, 0, G_OPTION_ARG_STRING, &o->clause, N_ ("The clause number"), N_ ("NUMBER") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &o->grade,
      N_ ("conforming, observation, ofi, minor or major"), N_ ("GRADE") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &o->number, N_ ("A whole number"), N_ ("N") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &o->order,
      N_ ("The steps as numbered on screen, in the order you put them"), N_ ("3,1,2,4") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o->text, N_ ("Your written answer"), N_ ("TEXT") },
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &o->requirement,
      N_ ("The statement's requirement, with the clause or document"), N_ ("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &o->evidence,
      N_ ("The statement's evidence: record numbers, dates, counts"), N_ ("TEXT") },
    { "statement", 0, 0, G_OPTION_ARG_STRING, &o->statement,
      N_ ("How the evidence fails the requirement"), N_ ("TEXT") },
    { "met", 0, 0, G_OPTION_ARG_STRING, &o->met,
      N_ ("The rubric items your answer meets, compared with the model (see exercise show "
          "--model)"),
      N_ ("1,3") },
  };
  GOptionEntry *all = g_new0 (GOptionEntry, n_extra + G_N_ELEMENTS (entries) + 1);
  if (n_extra > 0)
    memcpy (all, extra, n_extra * sizeof *extra);
  memcpy (all + n_extra, entries, sizeof entries);
  return all;
}

/* "3,1, 2" → { 3, 1, 2 }: whole numbers from 1 to `max`. */
static gboolean
parse_numbers (const char *text, const char *option, guint max, GArray *into)
{
  g_auto (GStrv) items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      guint64 value;
      g_strstrip (items[i]);
      if (!g_ascii_string_to_unsigned (items[i], 10, 1, max, &value, NULL))
        {
          cw_cli_input_error (_ ("--%s: “%s” is not a number from 1 to %u"), option, items[i], max);
          return FALSE;
        }
      guint index = (guint)value - 1;
      g_array_append_val (into, index);
    }
  return TRUE;
}

static int
missing_part (const CwExercise *exercise, const char *option)
{
  return cw_cli_input_error (_ ("Exercise %s has no part that --%s answers; “exercise show” lists "
                                "its parts"),
                             exercise->id, option);
}

/* Fills an answer from the options: each option goes to the parts of its
 * kind. Returns -1 when it fits, else the exit code. */
static int
build_answer (const CwExercise *exercise, const AnswerOptions *o, CwExerciseAnswer **out)
{
  g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (exercise);
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; o->choose != NULL && o->choose[i] != NULL; i++)
    if (!parse_numbers (o->choose[i], "choose", 1000, chosen))
      return CW_CLI_BAD_INPUT;
  gboolean used[10] = { FALSE };
  enum
  {
    CHOOSE,
    CLAUSE,
    GRADE,
    NUMBER,
    ORDER,
    TEXT,
    STATEMENT,
    MET
  };
  guint next_choice = 0;
  guint n_choose = 0, n_many = 0;
  for (guint p = 0; p < exercise->parts->len; p++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, p);
      n_choose += part->kind == CW_PART_CHOOSE_ONE || part->kind == CW_PART_CHOOSE_MANY;
      n_many += part->kind == CW_PART_CHOOSE_MANY;
    }
  if (chosen->len > 0 && n_many > 0 && n_choose > 1)
    return cw_cli_input_error (_ ("Exercise %s mixes kinds of choice, which the command line "
                                  "cannot answer"),
                               exercise->id);
  if (chosen->len > 0 && n_many == 0 && chosen->len > n_choose)
    return cw_cli_input_error (
        g_dngettext (
            GETTEXT_PACKAGE, "Exercise %s has %u one-answer question: give one --choose",
            "Exercise %s has %u one-answer questions: give one --choose for each, in order",
            n_choose),
        exercise->id, n_choose);

  for (guint p = 0; p < exercise->parts->len; p++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, p);
      CwPartAnswer *given = cw_exercise_answer_get_part (answer, p);
      switch (part->kind)
        {
        case CW_PART_CHOOSE_MANY:
          g_array_append_vals (given->chosen, chosen->data, chosen->len);
          used[CHOOSE] = used[CHOOSE] || chosen->len > 0;
          break;
        case CW_PART_CHOOSE_ONE:
          if (next_choice < chosen->len)
            {
              g_array_append_val (given->chosen, g_array_index (chosen, guint, next_choice));
              next_choice++;
              used[CHOOSE] = TRUE;
            }
          break;
        case CW_PART_CLAUSE:
          given->clause = g_strdup (o->clause);
          used[CLAUSE] = used[CLAUSE] || o->clause != NULL;
          break;
        case CW_PART_GRADE:
        case CW_PART_STATEMENT:
          if (o->grade != NULL)
            {
              if (!cw_exercise_grade_from_string (o->grade, &given->grade))
                return cw_cli_input_error (_ ("“%s” is not a grade; use one of %s"), o->grade,
                                           cw_exercise_grade_tokens ());
              given->has_grade = TRUE;
              used[GRADE] = TRUE;
            }
          if (part->kind == CW_PART_GRADE)
            break;
          given->requirement = g_strdup (o->requirement);
          given->evidence = g_strdup (o->evidence);
          given->statement = g_strdup (o->statement);
          used[STATEMENT] = used[STATEMENT] || o->requirement || o->evidence || o->statement;
          if (o->met != NULL && !parse_numbers (o->met, "met", part->rubric->len, given->confirmed))
            return CW_CLI_BAD_INPUT;
          used[MET] = used[MET] || o->met != NULL;
          break;
        case CW_PART_NUMBER:
          if (o->number != NULL)
            {
              if (!g_ascii_string_to_signed (o->number, 10, G_MININT32, G_MAXINT32, &given->number,
                                             NULL))
                return cw_cli_input_error (_ ("--number: “%s” is not a whole number"), o->number);
              given->has_number = TRUE;
              used[NUMBER] = TRUE;
            }
          break;
        case CW_PART_SEQUENCE:
          if (o->order != NULL)
            {
              g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
              if (!parse_numbers (o->order, "order", part->steps->len, shown))
                return CW_CLI_BAD_INPUT;
              for (guint i = 0; i < shown->len; i++)
                g_array_append_val (given->order, g_array_index (part->shown, guint,
                                                                 g_array_index (shown, guint, i)));
              used[ORDER] = TRUE;
            }
          break;
        case CW_PART_WRITTEN:
          given->text = g_strdup (o->text);
          used[TEXT] = used[TEXT] || o->text != NULL;
          if (o->met != NULL && !parse_numbers (o->met, "met", part->rubric->len, given->confirmed))
            return CW_CLI_BAD_INPUT;
          used[MET] = used[MET] || o->met != NULL;
          break;
        }
    }
  /* An option no part takes is a mistake to say, not to drop. */
  struct
  {
    gboolean given;
    guint slot;
    const char *name;
  } options[] = {
    { chosen->len > 0, CHOOSE, "choose" },
    { o->clause != NULL, CLAUSE, "clause" },
    { o->grade != NULL, GRADE, "grade" },
    { o->number != NULL, NUMBER, "number" },
    { o->order != NULL, ORDER, "order" },
    { o->text != NULL, TEXT, "text" },
    { o->requirement || o->evidence || o->statement, STATEMENT, "statement" },
    { o->met != NULL, MET, "met" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given && !used[options[i].slot])
      return missing_part (exercise, options[i].name);

  g_autoptr (GError) error = NULL;
  if (!cw_exercise_answer_check (exercise, answer, &error))
    return cw_cli_fail (error);
  *out = g_steal_pointer (&answer);
  return -1;
}

static void
print_score (const CwExercise *exercise, const CwScore *score)
{
  for (guint p = 0; p < score->parts->len; p++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, p);
      const CwPartScore *ps = g_ptr_array_index (score->parts, p);
      g_autofree char *scored = marks (ps->scored);
      g_autofree char *possible = marks (ps->possible);
      const char *how;
      if (ps->self_possible == 0)
        how = _ ("checked by the app");
      else if (ps->app_possible == 0)
        how = _ ("self-assessed against the rubric");
      else
        how = _ ("half checked by the app, half self-assessed");
      /* part N, its kind, scored, possible, how it was scored */
      g_print ("part\t%u\t%s\t%s\t%s\t%s\n", p + 1, cw_part_kind_to_string (part->kind), scored,
               possible, how);
      for (guint h = 0; h < ps->hints->len; h++)
        {
          CwStatementHint *hint = g_ptr_array_index (ps->hints, h);
          g_autofree char *message = cw_cli_safe_line (hint->message);
          g_print ("hint\t%s\t%s\n", cw_statement_kind_to_string (hint->kind), message);
        }
    }
  g_autofree char *scored = marks (score->scored);
  g_autofree char *possible = marks (score->possible);
  g_autofree char *app = marks (score->app_scored);
  g_autofree char *app_possible = marks (score->app_possible);
  g_autofree char *self = marks (score->self_scored);
  g_autofree char *self_possible = marks (score->self_possible);
  /* total, scored, possible, app-checked scored/possible, self-assessed scored/possible */
  g_print ("total\t%s\t%s\t%s/%s\t%s/%s\n", scored, possible, app, app_possible, self,
           self_possible);
}

int
cw_cli_run_exercise_answer (const CwCliCommand *command, int argc, char **argv)
{
  g_auto (AnswerOptions) o = { NULL };
  g_autofree char *trainee = NULL;
  const GOptionEntry extra[] = {
    { "trainee", 0, 0, G_OPTION_ARG_STRING, &trainee, N_ ("Who is answering (required)"),
      N_ ("NAME") },
  };
  g_autofree GOptionEntry *entries = answer_entries (&o, extra, G_N_ELEMENTS (extra));
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (trainee == NULL)
    return cw_cli_usage_error (command, _ ("--trainee is required"));
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (CwExercise) exercise = find_exercise (practice, args[1], &status);
  if (exercise == NULL)
    return status;
  g_autoptr (CwExerciseAnswer) answer = NULL;
  status = build_answer (exercise, &o, &answer);
  if (status >= 0)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwScore) score = cw_practice_answer (practice, trainee, exercise, answer, &error);
  if (score == NULL)
    return cw_cli_fail (error);
  print_score (exercise, score);
  /* Practice gives its feedback at once. */
  g_autofree char *model = cw_cli_safe_line (exercise->model_answer);
  g_autofree char *explanation = cw_cli_safe_line (exercise->explanation);
  g_print ("model\t%s\nexplanation\t%s\n", model, explanation);
  return CW_CLI_OK;
}

/* ---- exam … ------------------------------------------------------------ */

static void
print_items (GPtrArray *items)
{
  /* position, section, PACK/EXERCISE, kind, marks, answered, title */
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = cw_cli_safe_line (item->exercise->title);
      g_print ("%u\t%s\t%s/%s\t%s\t%u\t%s\t%s\n", item->position, item->section_id,
               item->exercise->pack_id, item->exercise->id,
               cw_exercise_kind_to_string (item->exercise->kind), item->exercise->marks,
               item->answered ? "answered" : "-", title);
    }
}

int
cw_cli_run_exam_start (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *trainee = NULL, *pack = NULL, *seed_text = NULL;
  GOptionEntry entries[] = {
    { "trainee", 0, 0, G_OPTION_ARG_STRING, &trainee, N_ ("Who sits the exam (required)"),
      N_ ("NAME") },
    { "pack", 0, 0, G_OPTION_ARG_STRING, &pack,
      N_ ("The pack whose exam to sit (needed when several have one)"), N_ ("ID") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_ ("Draw the exercises with this seed, to give several trainees the same exam"), N_ ("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (trainee == NULL)
    return cw_cli_usage_error (command, _ ("--trainee is required"));
  guint64 seed = 0;
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXINT64, &seed, NULL))
    return cw_cli_input_error (_ ("--seed: “%s” is not a whole number"), seed_text);
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 attempt = seed_text != NULL
                       ? cw_practice_start_exam_with_seed (practice, trainee, pack, seed, &error)
                       : cw_practice_start_exam (practice, trainee, pack, &error);
  if (attempt == 0)
    return cw_cli_fail (error);
  g_autoptr (CwAttempt) info = cw_practice_get_attempt (practice, attempt, &error);
  g_autoptr (GPtrArray) items
      = info ? cw_practice_get_exam_items (practice, attempt, &error) : NULL;
  if (items == NULL)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", attempt);
  g_print ("deadline\t%s\n", info->deadline);
  g_print ("seed\t%" PRIu64 "\n", info->seed);
  print_items (items);
  return CW_CLI_OK;
}

/* The exercise `reference` (PACK/EXERCISE or its id) as the exam drew it,
 * or NULL when it was not drawn. */
static CwExercise *
drawn_exercise (GPtrArray *items, const char *reference)
{
  const char *wanted = strchr (reference, '/') ? strchr (reference, '/') + 1 : reference;
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (item->exercise->id, wanted))
        return item->exercise;
    }
  return NULL;
}

int
cw_cli_run_exam_answer (const CwCliCommand *command, int argc, char **argv)
{
  g_auto (AnswerOptions) o = { NULL };
  g_autofree GOptionEntry *entries = answer_entries (&o, NULL, 0);
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 attempt;
  if (!cw_cli_parse_id (args[1], _ ("an exam"), &attempt))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, attempt, &error);
  if (items == NULL)
    return cw_cli_fail (error);
  CwExercise *exercise = drawn_exercise (items, args[2]);
  if (exercise == NULL)
    return cw_cli_input_error (_ ("Exercise “%s” is not in exam %" PRId64
                                  "; “exam start” listed the exercises drawn"),
                               args[2], attempt);
  g_autoptr (CwExerciseAnswer) answer = NULL;
  status = build_answer (exercise, &o, &answer);
  if (status >= 0)
    return status;
  if (!cw_practice_exam_answer (practice, attempt, exercise->id, answer, &error))
    return cw_cli_fail (error);
  g_print (_ ("Answer to %s stored; scores are shown when the exam is finished\n"), exercise->id);
  return CW_CLI_OK;
}

static void
print_result (const CwExamResult *result)
{
  /* section, id, title, weight, scored, possible, percent, pass or fail */
  for (guint s = 0; s < result->sections->len; s++)
    {
      CwSectionResult *sr = g_ptr_array_index (result->sections, s);
      g_autofree char *title = cw_cli_safe_line (sr->title);
      g_autofree char *scored = marks (sr->scored);
      g_autofree char *possible = marks (sr->possible);
      g_autofree char *percent = marks (sr->percent);
      g_print ("section\t%s\t%s\t%u\t%s\t%s\t%s%%\t%s\n", sr->id, title, sr->weight, scored,
               possible, percent, sr->passed ? "pass" : "fail");
    }
  g_autofree char *overall = marks (result->percent);
  g_print ("overall\t%s%%\t%s\t%u%% overall, %u%% in every section\n", overall,
           result->passed ? "pass" : "fail", result->blueprint->pass_overall,
           result->blueprint->pass_section);
  for (guint i = 0; i < result->weakest->len; i++)
    {
      CwClauseResult *cr = g_ptr_array_index (result->weakest, i);
      g_autofree char *percent = marks (cr->percent);
      g_print ("weakest\t%s\t%s%%\n", cr->clause, percent);
    }
  /* Each answer beside the model answer. */
  for (guint i = 0; i < result->answers->len; i++)
    {
      CwExamAnswer *entry = g_ptr_array_index (result->answers, i);
      const CwExercise *exercise = entry->item->exercise;
      g_autofree char *scored = marks (entry->score ? entry->score->scored : 0);
      g_print ("answer\t%u\t%s\t%s/%s\t%s\t%u\n", entry->item->position, entry->item->section_id,
               exercise->pack_id, exercise->id, scored, exercise->marks);
      g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
      for (guint p = 0; p < exercise->parts->len; p++)
        {
          g_autofree char *given
              = entry->answer ? cw_exercise_answer_describe_part (exercise, entry->answer, p)
                              : g_strdup ("");
          g_autofree char *expected = cw_exercise_answer_describe_part (exercise, model, p);
          g_autofree char *safe_given = cw_cli_safe_line (*given ? given : _ ("(no answer)"));
          g_autofree char *safe_expected = cw_cli_safe_line (expected);
          g_print ("  part %u\t%s\t%s\n", p + 1, safe_given, safe_expected);
        }
    }
}

static int
print_exam_result (CwPractice *practice, gint64 attempt, gboolean finish)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExamResult) result = finish
                                        ? cw_practice_finish_exam (practice, attempt, &error)
                                        : cw_practice_get_exam_result (practice, attempt, &error);
  if (result == NULL)
    return cw_cli_fail (error);
  print_result (result);
  return CW_CLI_OK;
}

/* The practice file and the exam named by args[0] and args[1]. */
static CwPractice *
open_exam (const CwCliCommand *command, int argc, char **argv, gint64 *attempt, int *status)
{
  char **args;
  *status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (*status >= 0)
    return NULL;
  if (!cw_cli_parse_id (args[1], _ ("an exam"), attempt))
    {
      *status = CW_CLI_BAD_INPUT;
      return NULL;
    }
  return open_practice (args[0], status);
}

int
cw_cli_run_exam_finish (const CwCliCommand *command, int argc, char **argv)
{
  gint64 attempt;
  int status;
  g_autoptr (CwPractice) practice = open_exam (command, argc, argv, &attempt, &status);
  if (practice == NULL)
    return status;
  return print_exam_result (practice, attempt, TRUE);
}

/* A running exam: its deadline, the time left and the exercises drawn,
 * which are answered; a finished one: its result. */
int
cw_cli_run_exam_show (const CwCliCommand *command, int argc, char **argv)
{
  gint64 attempt;
  int status;
  g_autoptr (CwPractice) practice = open_exam (command, argc, argv, &attempt, &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAttempt) info = cw_practice_get_attempt (practice, attempt, &error);
  if (info == NULL)
    return cw_cli_fail (error);
  if (info->mode == CW_ATTEMPT_EXAM && info->finished_at != NULL)
    return print_exam_result (practice, attempt, FALSE);
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, attempt, &error);
  if (items == NULL)
    return cw_cli_fail (error);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_print ("deadline\t%s\n", info->deadline);
  g_print ("left\t%" PRId64 "\n", cw_attempt_seconds_left (info, now));
  print_items (items);
  return CW_CLI_OK;
}

/* After the finish, beside the model: the rubric items the written or
 * statement part of an answer meets. */
int
cw_cli_run_exam_confirm (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *met = NULL;
  GOptionEntry entries[] = {
    { "met", 0, 0, G_OPTION_ARG_STRING, &met,
      N_ ("The rubric items the answer meets, compared with the model (\"\" for none)"),
      N_ ("1,3") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (met == NULL)
    return cw_cli_usage_error (command, _ ("--met is required"));
  gint64 attempt;
  if (!cw_cli_parse_id (args[1], _ ("an exam"), &attempt))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, attempt, &error);
  if (items == NULL)
    return cw_cli_fail (error);
  CwExercise *exercise = drawn_exercise (items, args[2]);
  if (exercise == NULL)
    return cw_cli_input_error (_ ("Exercise “%s” is not in exam %" PRId64), args[2],
                               attempt);
  /* An exercise has one written or statement part at most. */
  const CwPart *part = NULL;
  guint index = 0;
  for (guint p = 0; p < exercise->parts->len && part == NULL; p++)
    {
      const CwPart *candidate = g_ptr_array_index (exercise->parts, p);
      if (candidate->kind == CW_PART_WRITTEN || candidate->kind == CW_PART_STATEMENT)
        {
          part = candidate;
          index = p;
        }
    }
  if (part == NULL)
    return cw_cli_input_error (_ ("Exercise %s is scored by the app alone; it has no rubric to "
                                  "confirm"),
                               exercise->id);
  g_autoptr (GArray) confirmed = g_array_new (FALSE, FALSE, sizeof (guint));
  if (*met != '\0' && !parse_numbers (met, "met", part->rubric->len, confirmed))
    return CW_CLI_BAD_INPUT;
  if (!cw_practice_exam_confirm (practice, attempt, exercise->id, index, confirmed, &error))
    return cw_cli_fail (error);
  return print_exam_result (practice, attempt, FALSE);
}

/* ---- progress ---------------------------------------------------------- */

int
cw_cli_run_progress (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *trainee = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "trainee", 0, 0, G_OPTION_ARG_STRING, &trainee, N_ ("Whose progress (required)"),
      N_ ("NAME") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_ ("Write RFC 4180 CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (trainee == NULL)
    return cw_cli_usage_error (command, _ ("--trainee is required"));
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kinds
      = cw_practice_progress (practice, trainee, CW_PROGRESS_BY_KIND, &error);
  g_autoptr (GPtrArray) clauses
      = kinds ? cw_practice_progress (practice, trainee, CW_PROGRESS_BY_CLAUSE, &error) : NULL;
  if (clauses == NULL)
    return cw_cli_fail (error);
  if (csv)
    {
      const char *header[] = { "day", "by", "key", "answers", "scored", "possible", "percent" };
      cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
    }
  GPtrArray *groups[] = { kinds, clauses };
  const char *names[] = { "kind", "clause" };
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < groups[g]->len; i++)
      {
        CwProgressRow *row = g_ptr_array_index (groups[g], i);
        g_autofree char *answers = g_strdup_printf ("%u", row->answers);
        g_autofree char *scored = marks (row->scored);
        g_autofree char *possible = marks (row->possible);
        g_autofree char *percent = marks (row->percent);
        const char *fields[] = { row->day, names[g], row->key, answers, scored, possible, percent };
        if (csv)
          cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
        else
          g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s%%\n", row->day, names[g], row->key, answers, scored,
                   possible, percent);
      }
  return CW_CLI_OK;
}

/* ---- report exam ------------------------------------------------------- */

int
cw_cli_run_report_exam (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *output = NULL, *paper_text = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Where to write the PDF (required)"),
      N_ ("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text, N_ ("Paper size: a4 (default) or letter"),
      N_ ("a4|letter") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (output == NULL || *output == '\0')
    return cw_cli_usage_error (command, _ ("-o OUT.pdf is required"));
  CwPaper paper = CW_PAPER_A4;
  if (paper_text != NULL && !cw_paper_from_string (paper_text, &paper))
    return cw_cli_usage_error (command, _ ("“%s” is not a paper size; use a4 or letter"),
                               paper_text);
  gint64 attempt;
  if (!cw_cli_parse_id (args[1], _ ("an exam"), &attempt))
    return CW_CLI_BAD_INPUT;
  g_autoptr (GError) error = NULL;
  /* A target that can never hold the PDF is refused before the practice
   * file is opened; the writer checks again. */
  g_autofree char *target = cw_output_resolve (output, &error);
  if (target == NULL)
    return cw_cli_fail (error);
  g_autoptr (CwPractice) practice = open_practice (args[0], &status);
  if (practice == NULL)
    return status;
  if (!cw_practice_write_exam_report (practice, attempt, output, paper, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
