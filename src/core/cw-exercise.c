/* cw-exercise.c: reading exercise packs, answers and scoring (see cw-exercise.h). */
#define G_LOG_DOMAIN "cw-exercise"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "cw-clause.h"
#include "cw-core.h"
#include "cw-case.h"
#include "cw-exercise.h"
#include "cw-terms.h"
#include "cw-xml.h"

G_DEFINE_QUARK (cw - exercise - error - quark, cw_exercise_error)

/* ---- Vocabularies ------------------------------------------------------ */

static const CwTerm kinds[] = {
  [CW_EXERCISE_WHICH_CLAUSE] = { "which-clause", N_ ("Which clause") },
  [CW_EXERCISE_GRADE] = { "grade", N_ ("Grade it") },
  [CW_EXERCISE_STATEMENT] = { "statement", N_ ("Nonconformity statement") },
  [CW_EXERCISE_FIND_NONCONFORMITIES] = { "find-nonconformities", N_ ("Find the nonconformities") },
  [CW_EXERCISE_STAGE_ONE] = { "stage-one", N_ ("Stage One review") },
  [CW_EXERCISE_SAMPLING] = { "sampling", N_ ("Sampling") },
  [CW_EXERCISE_ACTION_CRITIQUE] = { "action-critique", N_ ("Corrective action critique") },
  [CW_EXERCISE_AUDIT_SITUATION] = { "audit-situation", N_ ("Audit situation") },
  [CW_EXERCISE_MULTIPLE_CHOICE] = { "multiple-choice", N_ ("Multiple choice") },
  [CW_EXERCISE_MULTIPLE_RESPONSE] = { "multiple-response", N_ ("Multiple response") },
  [CW_EXERCISE_SEQUENCING] = { "sequencing", N_ ("Sequencing") },
  [CW_EXERCISE_SHORT_ANSWER] = { "short-answer", N_ ("Short answer") },
  [CW_EXERCISE_LONG_ANSWER] = { "long-answer", N_ ("Long answer") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CW_EXERCISE_N_KINDS);

CW_DEFINE_TERMS (cw_exercise_kind, CwExerciseKind, kinds, 0)

static const CwTerm grades[] = {
  [CW_EXERCISE_GRADE_CONFORMING] = { "conforming", N_ ("Conforming") },
  [CW_EXERCISE_GRADE_OBSERVATION] = { "observation", N_ ("Observation") },
  [CW_EXERCISE_GRADE_OFI] = { "ofi", N_ ("Opportunity for improvement") },
  [CW_EXERCISE_GRADE_MINOR] = { "minor", N_ ("Minor nonconformity") },
  [CW_EXERCISE_GRADE_MAJOR] = { "major", N_ ("Major nonconformity") },
};

CW_DEFINE_TERMS (cw_exercise_grade, CwExerciseGrade, grades, 0)

static const CwTerm extract_kinds[] = {
  [CW_EXTRACT_INTERVIEW] = { "interview", N_ ("Interview notes") },
  [CW_EXTRACT_RECORD] = { "record", N_ ("Record") },
  [CW_EXTRACT_DOCUMENT] = { "document", N_ ("Document") },
};

const char *
cw_extract_kind_to_string (CwExtractKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (extract_kinds), NULL);
  return extract_kinds[kind].token;
}

const char *
cw_extract_kind_label (CwExtractKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (extract_kinds), NULL);
  return _ (extract_kinds[kind].label);
}

static const char *const part_kinds[] = {
  [CW_PART_CHOOSE_ONE] = "choose-one", [CW_PART_CHOOSE_MANY] = "choose-many",
  [CW_PART_CLAUSE] = "clause",         [CW_PART_GRADE] = "grade",
  [CW_PART_NUMBER] = "number",         [CW_PART_SEQUENCE] = "sequence",
  [CW_PART_WRITTEN] = "written",       [CW_PART_STATEMENT] = "statement",
};

const char *
cw_part_kind_to_string (CwPartKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (part_kinds), NULL);
  return part_kinds[kind];
}

/* ---- Data -------------------------------------------------------------- */

static void
extract_free (CwExtract *extract)
{
  g_free (extract->source);
  g_free (extract->text);
  g_free (extract);
}

static void
option_free (CwOption *option)
{
  g_free (option->text);
  g_free (option);
}

static void
part_free (CwPart *part)
{
  g_free (part->prompt);
  g_clear_pointer (&part->options, g_ptr_array_unref);
  g_free (part->clause);
  g_clear_pointer (&part->steps, g_ptr_array_unref);
  g_clear_pointer (&part->shown, g_array_unref);
  g_free (part->model);
  g_free (part->requirement);
  g_free (part->evidence);
  g_free (part->statement);
  g_clear_pointer (&part->rubric, g_ptr_array_unref);
  g_free (part);
}

static CwExercise *
exercise_new (void)
{
  CwExercise *self = g_new0 (CwExercise, 1);
  self->ref_count = 1;
  self->extracts = g_ptr_array_new_with_free_func ((GDestroyNotify)extract_free);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)part_free);
  return self;
}

CwExercise *
cw_exercise_ref (CwExercise *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cw_exercise_unref (CwExercise *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->pack_id);
  g_free (self->id);
  g_strfreev (self->clauses);
  g_free (self->title);
  g_free (self->scenario);
  g_ptr_array_unref (self->extracts);
  g_free (self->task);
  g_ptr_array_unref (self->parts);
  g_free (self->model_answer);
  g_free (self->explanation);
  g_free (self);
}

gboolean
cw_exercise_has_clause (const CwExercise *self, const char *clause)
{
  g_return_val_if_fail (self != NULL && clause != NULL, FALSE);
  for (guint i = 0; self->clauses[i] != NULL; i++)
    if (cw_clause_number_covers (clause, self->clauses[i]))
      return TRUE;
  return FALSE;
}

static void
section_free (CwExamSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_clear_pointer (&section->kinds, g_array_unref);
  g_free (section);
}

static void
blueprint_free (CwExamBlueprint *exam)
{
  g_ptr_array_unref (exam->sections);
  g_free (exam);
}

CwExercisePack *
cw_exercise_pack_ref (CwExercisePack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cw_exercise_pack_unref (CwExercisePack *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_hash_table_unref (self->by_id);
  g_free (self->id);
  g_free (self->language);
  g_free (self->title);
  g_free (self->author);
  g_free (self->licence);
  g_free (self->description);
  g_clear_pointer (&self->exam, blueprint_free);
  g_ptr_array_unref (self->exercises);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_free (self);
}

CwExercise *
cw_exercise_pack_lookup (CwExercisePack *self, const char *exercise_id)
{
  g_return_val_if_fail (self != NULL && exercise_id != NULL, NULL);
  return g_hash_table_lookup (self->by_id, exercise_id);
}

/* ---- Reading ----------------------------------------------------------- */

/* Numbers the schema has already checked for form and range; anything
 * else here is a bug in the schema, refused rather than trusted. */
static gboolean
attr_uint (xmlNode *node, const char *name, guint max, guint *value)
{
  g_autofree char *text = cw_xml_attr (node, name);
  guint64 number;
  if (text == NULL || !g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, max, &number, NULL))
    return FALSE;
  *value = (guint)number;
  return TRUE;
}

static xmlNode *
first_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

static xmlNode *
next_element (xmlNode *node)
{
  return first_element (node->next);
}

/* The error of a check beyond the schema: which pack, which exercise, what
 * to fix. */
G_GNUC_PRINTF (4, 5)
static gboolean
refuse (GError **error, const char *name, const char *exercise_id, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  if (exercise_id != NULL)
    g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID, _ ("%s: exercise “%s”: %s"),
                 name, exercise_id, what);
  else
    g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID, "%s: %s", name, what);
  return FALSE;
}

static GPtrArray *
read_texts (xmlNode *first, const char *element)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  for (xmlNode *node = first_element (first); node != NULL; node = next_element (node))
    if (cw_xml_is (node, element))
      g_ptr_array_add (texts, cw_xml_text (node));
  return texts;
}

/* The order a sequence is shown in: a shuffle fixed by the exercise's id,
 * never the right order (a rotation undoes that). */
static GArray *
shuffle_steps (const char *exercise_id, guint n)
{
  GArray *shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (shown, i);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_str_hash (exercise_id));
  guint *v = (guint *)shown->data;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = (guint)g_rand_int_range (rand, 0, (gint32)i + 1);
      guint t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
  gboolean identity = TRUE;
  for (guint i = 0; i < n && identity; i++)
    identity = v[i] == i;
  if (identity && n > 1)
    for (guint i = 0; i < n; i++)
      v[i] = (i + 1) % n;
  return shown;
}

static gboolean
has_duplicate (GPtrArray *texts, const char **which)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      if (!g_hash_table_add (seen, (gpointer)text))
        {
          *which = text;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
clause_exists (CwCatalogue *catalogue, const char *number)
{
  return cw_catalogue_lookup_clause (catalogue, number) != NULL;
}

static CwPart *
read_part (xmlNode *node, CwExercise *exercise, guint number, CwCatalogue *catalogue,
           const char *name, GError **error)
{
  g_autoptr (GPtrArray) owner = g_ptr_array_new_with_free_func ((GDestroyNotify)part_free);
  CwPart *part = g_new0 (CwPart, 1);
  g_ptr_array_add (owner, part);
  const char *id = exercise->id;

  if (!attr_uint (node, "marks", 100, &part->marks) || part->marks == 0)
    {
      refuse (error, name, id, _ ("part %u has no valid marks; give marks=\"1\" to \"100\""),
              number);
      return NULL;
    }
  xmlNode *child = first_element (node->children);
  if (child != NULL && cw_xml_is (child, "prompt"))
    part->prompt = cw_xml_text (child);

  const char *element = (const char *)node->name;
  if (g_str_equal (element, "choose"))
    {
      g_autofree char *select = cw_xml_attr (node, "select");
      part->kind = g_strcmp0 (select, "one") == 0 ? CW_PART_CHOOSE_ONE : CW_PART_CHOOSE_MANY;
      part->options = g_ptr_array_new_with_free_func ((GDestroyNotify)option_free);
      g_autoptr (GPtrArray) texts = g_ptr_array_new ();
      guint correct = 0;
      for (xmlNode *o = first_element (node->children); o != NULL; o = next_element (o))
        if (cw_xml_is (o, "option"))
          {
            CwOption *option = g_new0 (CwOption, 1);
            option->text = cw_xml_text (o);
            g_autofree char *flag = cw_xml_attr (o, "correct");
            option->correct = g_strcmp0 (flag, "true") == 0;
            correct += option->correct;
            g_ptr_array_add (part->options, option);
            g_ptr_array_add (texts, option->text);
          }
      const char *twice;
      if (has_duplicate (texts, &twice))
        {
          refuse (error, name, id,
                  _ ("part %u offers the option “%s” twice; make every option different"), number,
                  twice);
          return NULL;
        }
      if (part->kind == CW_PART_CHOOSE_ONE && correct != 1)
        {
          refuse (error, name, id,
                  _ ("part %u asks for one answer but has %u correct options; mark exactly one "
                     "option correct=\"true\""),
                  number, correct);
          return NULL;
        }
      if (part->kind == CW_PART_CHOOSE_MANY && correct == 0)
        {
          refuse (error, name, id,
                  _ ("part %u has no correct option; mark at least one option "
                     "correct=\"true\""),
                  number);
          return NULL;
        }
    }
  else if (g_str_equal (element, "clause-answer"))
    {
      part->kind = CW_PART_CLAUSE;
      part->clause = cw_xml_attr (node, "clause");
      if (part->clause == NULL || !clause_exists (catalogue, part->clause))
        {
          refuse (error, name, id,
                  _ ("part %u expects clause %s, which is not in the clause catalogue; use a "
                     "clause number of ISO/IEC 20000-1:2018"),
                  number, part->clause ? part->clause : "?");
          return NULL;
        }
    }
  else if (g_str_equal (element, "grade-answer") || g_str_equal (element, "statement-answer"))
    {
      part->kind = g_str_equal (element, "grade-answer") ? CW_PART_GRADE : CW_PART_STATEMENT;
      g_autofree char *grade = cw_xml_attr (node, "grade");
      if (grade == NULL || !cw_exercise_grade_from_string (grade, &part->grade))
        {
          refuse (error, name, id, _ ("part %u has no valid grade; use one of %s"), number,
                  cw_exercise_grade_tokens ());
          return NULL;
        }
      if (part->kind == CW_PART_STATEMENT)
        {
          g_autoptr (GPtrArray) req = read_texts (node->children, "requirement");
          g_autoptr (GPtrArray) evi = read_texts (node->children, "evidence");
          g_autoptr (GPtrArray) stm = read_texts (node->children, "statement");
          if (req->len != 1 || evi->len != 1 || stm->len != 1)
            {
              refuse (error, name, id, _ ("part %u needs one requirement, evidence and statement"),
                      number);
              return NULL;
            }
          part->requirement = g_strdup (g_ptr_array_index (req, 0));
          part->evidence = g_strdup (g_ptr_array_index (evi, 0));
          part->statement = g_strdup (g_ptr_array_index (stm, 0));
        }
    }
  else if (g_str_equal (element, "number-answer"))
    {
      part->kind = CW_PART_NUMBER;
      if (!attr_uint (node, "min", G_MAXINT32, &part->min)
          || !attr_uint (node, "max", G_MAXINT32, &part->max))
        {
          refuse (error, name, id,
                  _ ("part %u has a min or max that is too large; keep both below %d"), number,
                  G_MAXINT32);
          return NULL;
        }
      if (part->min > part->max)
        {
          refuse (error, name, id,
                  _ ("part %u accepts numbers from %u to %u; make min at most max"), number,
                  part->min, part->max);
          return NULL;
        }
    }
  else if (g_str_equal (element, "sequence"))
    {
      part->kind = CW_PART_SEQUENCE;
      part->steps = read_texts (node->children, "step");
      const char *twice;
      if (has_duplicate (part->steps, &twice))
        {
          refuse (error, name, id, _ ("part %u has the step “%s” twice; make every step different"),
                  number, twice);
          return NULL;
        }
      if (part->steps->len < 3)
        {
          refuse (error, name, id, _ ("part %u needs at least three steps"), number);
          return NULL;
        }
      part->shown = shuffle_steps (id, part->steps->len);
    }
  else if (g_str_equal (element, "written"))
    {
      part->kind = CW_PART_WRITTEN;
      g_autoptr (GPtrArray) model = read_texts (node->children, "model");
      if (model->len != 1)
        {
          refuse (error, name, id, _ ("part %u needs one model answer"), number);
          return NULL;
        }
      part->model = g_strdup (g_ptr_array_index (model, 0));
    }
  else
    {
      refuse (error, name, id, _ ("part %u is a %s, which this Clausewise does not know"), number,
              element);
      return NULL;
    }

  if (part->kind == CW_PART_WRITTEN || part->kind == CW_PART_STATEMENT)
    {
      for (xmlNode *r = first_element (node->children); r != NULL; r = next_element (r))
        if (cw_xml_is (r, "rubric"))
          part->rubric = read_texts (r->children, "item");
      const char *twice;
      if (part->rubric == NULL || part->rubric->len == 0)
        {
          refuse (error, name, id, _ ("part %u needs a rubric with at least one item"), number);
          return NULL;
        }
      if (has_duplicate (part->rubric, &twice))
        {
          refuse (error, name, id,
                  _ ("part %u has the rubric item “%s” twice; make every item different"), number,
                  twice);
          return NULL;
        }
    }
  return g_ptr_array_steal_index (owner, 0);
}

static gboolean
is_part_element (xmlNode *node)
{
  static const char *const names[]
      = { "choose",   "clause-answer", "grade-answer",    "number-answer",
          "sequence", "written",       "statement-answer" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (cw_xml_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static CwExercise *
read_exercise (xmlNode *node, const char *pack_id, CwCatalogue *catalogue, const char *name,
               GError **error)
{
  g_autoptr (CwExercise) exercise = exercise_new ();
  exercise->pack_id = g_strdup (pack_id);
  exercise->id = cw_xml_attr (node, "id");
  if (exercise->id == NULL)
    {
      refuse (error, name, NULL, _ ("an exercise has no id; give each exercise an id"));
      return NULL;
    }
  const char *id = exercise->id;
  g_autofree char *kind = cw_xml_attr (node, "kind");
  if (kind == NULL || !cw_exercise_kind_from_string (kind, &exercise->kind))
    {
      refuse (error, name, id, _ ("the kind “%s” is unknown; use one of %s"), kind ? kind : "",
              cw_exercise_kind_tokens ());
      return NULL;
    }
  g_autofree char *clauses = cw_xml_attr (node, "clauses");
  exercise->clauses = g_strsplit_set (clauses ? g_strstrip (clauses) : "", " \t\r\n", -1);
  /* Splitting on each white-space character leaves empty strings between
   * runs; keep the numbers only. */
  guint kept = 0;
  for (guint i = 0; exercise->clauses[i] != NULL; i++)
    if (*exercise->clauses[i] != '\0')
      exercise->clauses[kept++] = exercise->clauses[i];
    else
      g_free (exercise->clauses[i]);
  exercise->clauses[kept] = NULL;
  for (guint i = 0; exercise->clauses[i] != NULL; i++)
    {
      if (!clause_exists (catalogue, exercise->clauses[i]))
        {
          refuse (error, name, id,
                  _ ("clause %s is not in the clause catalogue; use a clause number of "
                     "ISO/IEC 20000-1:2018"),
                  exercise->clauses[i]);
          return NULL;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (exercise->clauses[i], exercise->clauses[j]))
          {
            refuse (error, name, id, _ ("clause %s is listed twice; list it once"),
                    exercise->clauses[i]);
            return NULL;
          }
    }
  if (!attr_uint (node, "difficulty", 3, &exercise->difficulty) || exercise->difficulty == 0)
    {
      refuse (error, name, id, _ ("the difficulty must be 1, 2 or 3"));
      return NULL;
    }

  guint number = 0;
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (cw_xml_is (child, "title"))
        exercise->title = cw_xml_text (child);
      else if (cw_xml_is (child, "scenario"))
        exercise->scenario = cw_xml_text (child);
      else if (cw_xml_is (child, "task"))
        exercise->task = cw_xml_text (child);
      else if (cw_xml_is (child, "model-answer"))
        exercise->model_answer = cw_xml_text (child);
      else if (cw_xml_is (child, "explanation"))
        exercise->explanation = cw_xml_text (child);
      else if (cw_xml_is (child, "extract"))
        {
          CwExtract *extract = g_new0 (CwExtract, 1);
          g_ptr_array_add (exercise->extracts, extract);
          g_autofree char *ekind = cw_xml_attr (child, "kind");
          guint value;
          if (ekind == NULL
              || !cw_term_lookup (extract_kinds, G_N_ELEMENTS (extract_kinds), 0, ekind, &value))
            {
              refuse (error, name, id, _ ("an extract has an unknown kind"));
              return NULL;
            }
          extract->kind = (CwExtractKind)value;
          extract->source = cw_xml_attr (child, "source");
          extract->text = cw_xml_text (child);
        }
      else if (is_part_element (child))
        {
          CwPart *part = read_part (child, exercise, ++number, catalogue, name, error);
          if (part == NULL)
            return NULL;
          exercise->marks += part->marks;
          g_ptr_array_add (exercise->parts, part);
        }
    }
  if (exercise->title == NULL || exercise->task == NULL || exercise->model_answer == NULL
      || exercise->explanation == NULL || exercise->parts->len == 0)
    {
      refuse (error, name, id,
              _ ("it needs a title, a task, a scored part, a model answer and "
                 "an explanation"));
      return NULL;
    }
  return g_steal_pointer (&exercise);
}

static gboolean
read_exam (xmlNode *node, CwExercisePack *pack, const char *name, GError **error)
{
  CwExamBlueprint *exam = g_new0 (CwExamBlueprint, 1);
  exam->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  pack->exam = exam;
  if (!attr_uint (node, "minutes", 600, &exam->minutes)
      || !attr_uint (node, "pass-overall", 100, &exam->pass_overall)
      || !attr_uint (node, "pass-section", 100, &exam->pass_section) || exam->minutes == 0)
    return refuse (error, name, NULL,
                   _ ("the exam needs minutes (1 to 600) and pass marks (0 to 100 percent)"));

  for (xmlNode *s = first_element (node->children); s != NULL; s = next_element (s))
    {
      if (!cw_xml_is (s, "section"))
        continue;
      CwExamSection *section = g_new0 (CwExamSection, 1);
      g_ptr_array_add (exam->sections, section);
      section->id = cw_xml_attr (s, "id");
      section->title = cw_xml_attr (s, "title");
      section->kinds = g_array_new (FALSE, FALSE, sizeof (CwExerciseKind));
      if (section->id == NULL || section->title == NULL
          || !attr_uint (s, "weight", 100, &section->weight)
          || !attr_uint (s, "count", 10000, &section->count) || section->count == 0)
        return refuse (error, name, NULL,
                       _ ("an exam section needs an id, a title, a weight and a count of 1 to "
                          "10000"));
      g_autofree char *kinds_text = cw_xml_attr (s, "kinds");
      g_auto (GStrv) tokens = g_strsplit_set (kinds_text ? kinds_text : "", " \t\r\n", -1);
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          CwExerciseKind kind;
          if (*tokens[i] == '\0')
            continue;
          if (!cw_exercise_kind_from_string (tokens[i], &kind))
            return refuse (error, name, NULL, _ ("exam section “%s” lists the unknown kind “%s”"),
                           section->id, tokens[i]);
          g_array_append_val (section->kinds, kind);
        }
      if (section->kinds->len == 0)
        return refuse (error, name, NULL, _ ("exam section “%s” lists no kinds"), section->id);
    }

  /* Each kind belongs to one section, so drawing one section never takes
   * what another needs, and a section's count can be checked on its own. */
  guint total = 0;
  int owner[CW_EXERCISE_N_KINDS];
  for (guint k = 0; k < CW_EXERCISE_N_KINDS; k++)
    owner[k] = -1;
  for (guint i = 0; i < exam->sections->len; i++)
    {
      CwExamSection *section = g_ptr_array_index (exam->sections, i);
      total += section->weight;
      for (guint j = 0; j < i; j++)
        {
          CwExamSection *other = g_ptr_array_index (exam->sections, j);
          if (g_str_equal (other->id, section->id))
            return refuse (error, name, NULL,
                           _ ("two exam sections have the id “%s”; give each its own"),
                           section->id);
        }
      for (guint k = 0; k < section->kinds->len; k++)
        {
          CwExerciseKind kind = g_array_index (section->kinds, CwExerciseKind, k);
          if (owner[kind] >= 0)
            {
              CwExamSection *other = g_ptr_array_index (exam->sections, owner[kind]);
              return refuse (error, name, NULL,
                             _ ("the kind %s is in exam sections “%s” and “%s”; list each kind "
                                "in one section only"),
                             cw_exercise_kind_to_string (kind), other->id, section->id);
            }
          owner[kind] = (int)i;
        }
      guint available = 0;
      for (guint e = 0; e < pack->exercises->len; e++)
        {
          CwExercise *exercise = g_ptr_array_index (pack->exercises, e);
          for (guint k = 0; k < section->kinds->len; k++)
            if (g_array_index (section->kinds, CwExerciseKind, k) == exercise->kind)
              available++;
        }
      if (section->count > available)
        return refuse (error, name, NULL,
                       _ ("exam section “%s” draws %u exercises but the pack has %u of its "
                          "kinds; lower its count or add exercises"),
                       section->id, section->count, available);
    }
  if (total != 100)
    return refuse (error, name, NULL,
                   _ ("the exam section weights add up to %u; make them add up to 100"), total);
  return TRUE;
}

static CwCatalogue *
builtin_catalogue (GError **error)
{
  static CwCatalogue *builtin;
  if (g_once_init_enter (&builtin))
    {
      CwCatalogue *catalogue = cw_catalogue_new_builtin (error);
      if (catalogue == NULL)
        {
          /* Leave the once open so a later call tries again and reports. */
          g_once_init_leave (&builtin, NULL);
          return NULL;
        }
      g_once_init_leave (&builtin, catalogue);
    }
  if (builtin == NULL)
    return cw_catalogue_new_builtin (error);
  return g_object_ref (builtin);
}

static CwExercisePack *
pack_from_doc (xmlDoc *doc, CwCatalogue *catalogue, const char *name, GError **error)
{
  g_autoptr (CwCatalogue) owned = NULL;
  if (catalogue == NULL)
    {
      owned = builtin_catalogue (error);
      if (owned == NULL)
        return NULL;
      catalogue = owned;
    }

  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr (CwExercisePack) pack = g_new0 (CwExercisePack, 1);
  pack->ref_count = 1;
  pack->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pack->exercises = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_exercise_unref);
  pack->cases = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_case_free);
  pack->id = cw_xml_attr (root, "id");
  pack->language = cw_xml_attr (root, "lang");
  if (pack->id == NULL || !attr_uint (root, "version", G_MAXINT32, &pack->version)
      || pack->version == 0)
    {
      refuse (error, name, NULL, _ ("the pack needs an id and a version from 1 to %d"), G_MAXINT32);
      return NULL;
    }

  xmlNode *exam = NULL;
  for (xmlNode *child = first_element (root->children); child != NULL; child = next_element (child))
    {
      if (cw_xml_is (child, "title"))
        pack->title = cw_xml_text (child);
      else if (cw_xml_is (child, "author"))
        pack->author = cw_xml_text (child);
      else if (cw_xml_is (child, "licence"))
        pack->licence = cw_xml_text (child);
      else if (cw_xml_is (child, "description"))
        pack->description = cw_xml_text (child);
      else if (cw_xml_is (child, "exam"))
        exam = child;
      else if (cw_xml_is (child, "case"))
        {
          CwCase *one = cw_case_read (child, catalogue, name, error);
          if (one == NULL)
            return NULL;
          for (guint i = 0; i < pack->cases->len; i++)
            if (g_str_equal (((CwCase *) g_ptr_array_index (pack->cases, i))->id, one->id))
              {
                refuse (error, name, NULL, _ ("two cases have the id “%s”"), one->id);
                cw_case_free (one);
                return NULL;
              }
          g_ptr_array_add (pack->cases, one);
        }
      else if (cw_xml_is (child, "exercise"))
        {
          CwExercise *exercise = read_exercise (child, pack->id, catalogue, name, error);
          if (exercise == NULL)
            return NULL;
          g_ptr_array_add (pack->exercises, exercise);
          if (!g_hash_table_insert (pack->by_id, exercise->id, exercise))
            {
              refuse (error, name, exercise->id,
                      _ ("another exercise has the same id; give each exercise its own id"));
              return NULL;
            }
        }
    }
  if (pack->title == NULL || pack->author == NULL || pack->licence == NULL
      || pack->exercises->len == 0)
    {
      refuse (error, name, NULL, _ ("the pack needs a title, an author, a licence and exercises"));
      return NULL;
    }
  if (exam != NULL && !read_exam (exam, pack, name, error))
    return NULL;
  return g_steal_pointer (&pack);
}

CwExercisePack *
cw_exercise_pack_read_bytes (GBytes *bytes, const char *name, CwCatalogue *catalogue,
                             GError **error)
{
  g_return_val_if_fail (bytes != NULL && name != NULL, NULL);
  g_return_val_if_fail (catalogue == NULL || CW_IS_CATALOGUE (catalogue), NULL);
  g_autoptr (xmlDoc) doc = cw_xml_read_bytes (bytes, name, CW_EXERCISE_PACK_SCHEMA, error);
  return doc ? pack_from_doc (doc, catalogue, name, error) : NULL;
}

CwExercisePack *
cw_exercise_pack_read_file (GFile *file, CwCatalogue *catalogue, GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (catalogue == NULL || CW_IS_CATALOGUE (catalogue), NULL);
  g_autoptr (xmlDoc) doc
      = cw_xml_read_file (file, CW_XML_MAX_BYTES, CW_EXERCISE_PACK_SCHEMA, error);
  if (doc == NULL)
    return NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  return pack_from_doc (doc, catalogue, name, error);
}

gboolean
cw_exercise_pack_has_bundled (void)
{
  cw_core_ensure_initialised ();
  return g_resources_get_info (CW_EXERCISE_BUNDLED_PACK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL,
                               NULL);
}

CwExercisePack *
cw_exercise_pack_read_bundled (CwCatalogue *catalogue, GError **error)
{
  cw_core_ensure_initialised ();
  g_autoptr (GBytes) bytes
      = g_resources_lookup_data (CW_EXERCISE_BUNDLED_PACK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_NOT_FOUND,
                   _ ("This build of Clausewise has no bundled exercise pack; import a pack "
                      "file instead"));
      return NULL;
    }
  /* Validated like any pack: it is checked in the test suite too, but a
   * pack is read rarely and the checks cost little. */
  return cw_exercise_pack_read_bytes (bytes, _ ("The bundled exercise pack"), catalogue, error);
}

/* ---- Answers ----------------------------------------------------------- */

static void
part_answer_free (CwPartAnswer *part)
{
  g_clear_pointer (&part->chosen, g_array_unref);
  g_free (part->clause);
  g_clear_pointer (&part->order, g_array_unref);
  g_free (part->text);
  g_free (part->requirement);
  g_free (part->evidence);
  g_free (part->statement);
  g_clear_pointer (&part->confirmed, g_array_unref);
  g_free (part);
}

static CwPartAnswer *
part_answer_new (void)
{
  CwPartAnswer *part = g_new0 (CwPartAnswer, 1);
  part->chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  part->order = g_array_new (FALSE, FALSE, sizeof (guint));
  part->confirmed = g_array_new (FALSE, FALSE, sizeof (guint));
  return part;
}

CwExerciseAnswer *
cw_exercise_answer_new (const CwExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, NULL);
  CwExerciseAnswer *answer = g_new0 (CwExerciseAnswer, 1);
  answer->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)part_answer_free);
  for (guint i = 0; i < exercise->parts->len; i++)
    g_ptr_array_add (answer->parts, part_answer_new ());
  return answer;
}

void
cw_exercise_answer_free (CwExerciseAnswer *answer)
{
  if (answer == NULL)
    return;
  g_ptr_array_unref (answer->parts);
  g_free (answer);
}

CwPartAnswer *
cw_exercise_answer_get_part (CwExerciseAnswer *answer, guint index)
{
  g_return_val_if_fail (answer != NULL && index < answer->parts->len, NULL);
  return g_ptr_array_index (answer->parts, index);
}

static void
append_all (GArray *array, guint n)
{
  for (guint i = 0; i < n; i++)
    g_array_append_val (array, i);
}

CwExerciseAnswer *
cw_exercise_model_answer (const CwExercise *exercise)
{
  g_return_val_if_fail (exercise != NULL, NULL);
  CwExerciseAnswer *answer = cw_exercise_answer_new (exercise);
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, i);
      CwPartAnswer *given = g_ptr_array_index (answer->parts, i);
      switch (part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          for (guint o = 0; o < part->options->len; o++)
            if (((CwOption *)g_ptr_array_index (part->options, o))->correct)
              g_array_append_val (given->chosen, o);
          break;
        case CW_PART_CLAUSE:
          given->clause = g_strdup (part->clause);
          break;
        case CW_PART_GRADE:
          given->has_grade = TRUE;
          given->grade = part->grade;
          break;
        case CW_PART_NUMBER:
          given->has_number = TRUE;
          given->number = part->min;
          break;
        case CW_PART_SEQUENCE:
          append_all (given->order, part->steps->len);
          break;
        case CW_PART_WRITTEN:
          given->text = g_strdup (part->model);
          append_all (given->confirmed, part->rubric->len);
          break;
        case CW_PART_STATEMENT:
          given->has_grade = TRUE;
          given->grade = part->grade;
          given->requirement = g_strdup (part->requirement);
          given->evidence = g_strdup (part->evidence);
          given->statement = g_strdup (part->statement);
          append_all (given->confirmed, part->rubric->len);
          break;
        }
    }
  return answer;
}

static gboolean bad_answer (GError **error, const CwExercise *exercise, guint part,
                            const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
bad_answer (GError **error, const CwExercise *exercise, guint part, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  if (exercise->parts->len > 1)
    g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER, _ ("Exercise %s, part %u: %s"),
                 exercise->id, part + 1, what);
  else
    g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER, _ ("Exercise %s: %s"),
                 exercise->id, what);
  return FALSE;
}

/* Indices in [0, n), none twice. */
static gboolean
indices_fit (GArray *indices, guint n, guint *bad)
{
  if (indices == NULL)
    return TRUE;
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < indices->len; i++)
    {
      guint v = g_array_index (indices, guint, i);
      if (v >= n || seen[v])
        {
          *bad = v;
          return FALSE;
        }
      seen[v] = TRUE;
    }
  return TRUE;
}

static gboolean
text_fits (const char *text)
{
  return text == NULL
         || (strlen (text) <= CW_EXERCISE_ANSWER_MAX_TEXT && g_utf8_validate (text, -1, NULL));
}

gboolean
cw_exercise_answer_check (const CwExercise *exercise, const CwExerciseAnswer *answer,
                          GError **error)
{
  g_return_val_if_fail (exercise != NULL, FALSE);
  g_return_val_if_fail (answer != NULL && answer->parts != NULL, FALSE);
  if (answer->parts->len != exercise->parts->len)
    {
      g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER,
                   _ ("The answer has %u parts but exercise %s has %u"), answer->parts->len,
                   exercise->id, exercise->parts->len);
      return FALSE;
    }
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, i);
      const CwPartAnswer *given = g_ptr_array_index (answer->parts, i);
      guint bad = 0;
      /* An answer comes from cw_exercise_answer_new () or deserialising, which set
       * every array; one without is a caller's bug. */
      g_return_val_if_fail (
          given->chosen != NULL && given->order != NULL && given->confirmed != NULL, FALSE);
      if (!text_fits (given->clause) || !text_fits (given->text) || !text_fits (given->requirement)
          || !text_fits (given->evidence) || !text_fits (given->statement))
        return bad_answer (error, exercise, i,
                           _ ("a text is not valid UTF-8 or longer than %d bytes; shorten it"),
                           CW_EXERCISE_ANSWER_MAX_TEXT);
      switch (part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          if (!indices_fit (given->chosen, part->options->len, &bad))
            return bad_answer (error, exercise, i,
                               _ ("option %u is not one of the %u options or is chosen twice"),
                               bad + 1, part->options->len);
          if (part->kind == CW_PART_CHOOSE_ONE && given->chosen != NULL && given->chosen->len > 1)
            return bad_answer (error, exercise, i, _ ("choose one option only"));
          break;
        case CW_PART_SEQUENCE:
          if (!indices_fit (given->order, part->steps->len, &bad))
            return bad_answer (error, exercise, i,
                               _ ("step %u is not one of the %u steps or is placed twice"), bad + 1,
                               part->steps->len);
          if (given->order != NULL && given->order->len != 0
              && given->order->len != part->steps->len)
            return bad_answer (error, exercise, i, _ ("put all %u steps in order"),
                               part->steps->len);
          break;
        case CW_PART_WRITTEN:
        case CW_PART_STATEMENT:
          if (!indices_fit (given->confirmed, part->rubric->len, &bad))
            return bad_answer (error, exercise, i,
                               _ ("rubric item %u is not one of the %u items or is confirmed "
                                  "twice"),
                               bad + 1, part->rubric->len);
          if (part->kind == CW_PART_STATEMENT && given->has_grade
              && given->grade != CW_EXERCISE_GRADE_MINOR && given->grade != CW_EXERCISE_GRADE_MAJOR)
            return bad_answer (error, exercise, i,
                               _ ("a nonconformity statement is graded minor or major"));
          break;
        case CW_PART_GRADE:
          if (given->has_grade && (guint)given->grade >= G_N_ELEMENTS (grades))
            return bad_answer (error, exercise, i, _ ("unknown grade"));
          break;
        case CW_PART_CLAUSE:
        case CW_PART_NUMBER:
          break;
        }
    }
  return TRUE;
}

/* ---- Storing answers ----------------------------------------------------
 * A GVariant of type aa{sv}, one dictionary per part holding only what was
 * given: readable in the file, and parsed back without a parser of ours. */

static GVariant *
indices_variant (GArray *indices)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, indices->data, indices->len,
                                    sizeof (guint32));
}

G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));

char *
cw_exercise_answer_serialise (const CwExerciseAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, NULL);
  GVariantBuilder parts;
  g_variant_builder_init (&parts, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < answer->parts->len; i++)
    {
      const CwPartAnswer *given = g_ptr_array_index (answer->parts, i);
      GVariantBuilder dict;
      g_variant_builder_init (&dict, G_VARIANT_TYPE ("a{sv}"));
      if (given->chosen != NULL && given->chosen->len > 0)
        g_variant_builder_add (&dict, "{sv}", "chosen", indices_variant (given->chosen));
      if (given->clause != NULL)
        g_variant_builder_add (&dict, "{sv}", "clause", g_variant_new_string (given->clause));
      if (given->has_grade)
        g_variant_builder_add (&dict, "{sv}", "grade",
                               g_variant_new_string (cw_exercise_grade_to_string (given->grade)));
      if (given->has_number)
        g_variant_builder_add (&dict, "{sv}", "number", g_variant_new_int64 (given->number));
      if (given->order != NULL && given->order->len > 0)
        g_variant_builder_add (&dict, "{sv}", "order", indices_variant (given->order));
      const char *names[] = { "text", "requirement", "evidence", "statement" };
      const char *values[] = { given->text, given->requirement, given->evidence, given->statement };
      for (guint t = 0; t < G_N_ELEMENTS (names); t++)
        if (values[t] != NULL)
          g_variant_builder_add (&dict, "{sv}", names[t], g_variant_new_string (values[t]));
      if (given->confirmed != NULL && given->confirmed->len > 0)
        g_variant_builder_add (&dict, "{sv}", "confirmed", indices_variant (given->confirmed));
      g_variant_builder_add_value (&parts, g_variant_builder_end (&dict));
    }
  g_autoptr (GVariant) value = g_variant_ref_sink (g_variant_builder_end (&parts));
  return g_variant_print (value, FALSE);
}

static void
read_indices (GVariant *dict, const char *key, GArray *into)
{
  g_autoptr (GVariant) value = g_variant_lookup_value (dict, key, G_VARIANT_TYPE ("au"));
  if (value == NULL)
    return;
  gsize n;
  const guint32 *items = g_variant_get_fixed_array (value, &n, sizeof (guint32));
  g_array_append_vals (into, items, (guint)n);
}

static char *
read_string (GVariant *dict, const char *key)
{
  const char *text = NULL;
  return g_variant_lookup (dict, key, "&s", &text) ? g_strdup (text) : NULL;
}

CwExerciseAnswer *
cw_exercise_answer_deserialise (const CwExercise *exercise, const char *text, GError **error)
{
  g_return_val_if_fail (exercise != NULL && text != NULL, NULL);
  g_autoptr (GError) local = NULL;
  g_autoptr (GVariant) value
      = g_variant_parse (G_VARIANT_TYPE ("aa{sv}"), text, NULL, NULL, &local);
  if (value == NULL)
    {
      g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER,
                   _ ("The stored answer to exercise %s cannot be read: %s"), exercise->id,
                   local->message);
      return NULL;
    }
  g_autoptr (CwExerciseAnswer) answer = g_new0 (CwExerciseAnswer, 1);
  answer->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)part_answer_free);
  gsize n = g_variant_n_children (value);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) dict = g_variant_get_child_value (value, i);
      CwPartAnswer *given = part_answer_new ();
      g_ptr_array_add (answer->parts, given);
      read_indices (dict, "chosen", given->chosen);
      read_indices (dict, "order", given->order);
      read_indices (dict, "confirmed", given->confirmed);
      given->clause = read_string (dict, "clause");
      given->text = read_string (dict, "text");
      given->requirement = read_string (dict, "requirement");
      given->evidence = read_string (dict, "evidence");
      given->statement = read_string (dict, "statement");
      g_autofree char *grade = read_string (dict, "grade");
      if (grade != NULL)
        {
          if (!cw_exercise_grade_from_string (grade, &given->grade))
            {
              g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER,
                           _ ("The stored answer to exercise %s has the unknown grade “%s”"),
                           exercise->id, grade);
              return NULL;
            }
          given->has_grade = TRUE;
        }
      given->has_number = g_variant_lookup (dict, "number", "x", &given->number);
    }
  if (!cw_exercise_answer_check (exercise, answer, error))
    return NULL;
  return g_steal_pointer (&answer);
}

static void
append_indices (GString *out, GArray *indices, const char *separator)
{
  for (guint i = 0; indices != NULL && i < indices->len; i++)
    g_string_append_printf (out, "%s%u", i ? separator : "", g_array_index (indices, guint, i) + 1);
}

/* The position a step is shown at (1-based), which is how people name it. */
static guint
shown_position (const CwPart *part, guint step)
{
  for (guint i = 0; i < part->shown->len; i++)
    if (g_array_index (part->shown, guint, i) == step)
      return i + 1;
  return 0;
}

char *
cw_exercise_answer_describe_part (const CwExercise *exercise, const CwExerciseAnswer *answer,
                                  guint index)
{
  g_return_val_if_fail (exercise != NULL && answer != NULL, NULL);
  g_return_val_if_fail (index < exercise->parts->len && index < answer->parts->len, NULL);
  const CwPart *part = g_ptr_array_index (exercise->parts, index);
  const CwPartAnswer *given = g_ptr_array_index (answer->parts, index);
  g_autoptr (GString) out = g_string_new (NULL);
  switch (part->kind)
    {
    case CW_PART_CHOOSE_ONE:
    case CW_PART_CHOOSE_MANY:
      for (guint i = 0; i < given->chosen->len; i++)
        {
          guint o = g_array_index (given->chosen, guint, i);
          g_string_append_printf (out, "%s%u. %s", i ? "; " : "", o + 1,
                                  ((CwOption *)g_ptr_array_index (part->options, o))->text);
        }
      break;
    case CW_PART_CLAUSE:
      g_string_append (out, given->clause ? given->clause : "");
      break;
    case CW_PART_GRADE:
      if (given->has_grade)
        g_string_append (out, cw_exercise_grade_label (given->grade));
      break;
    case CW_PART_NUMBER:
      if (given->has_number)
        g_string_append_printf (out, "%" PRId64, given->number);
      break;
    case CW_PART_SEQUENCE:
      for (guint i = 0; i < given->order->len; i++)
        g_string_append_printf (out, "%s%u", i ? ", " : "",
                                shown_position (part, g_array_index (given->order, guint, i)));
      break;
    case CW_PART_WRITTEN:
      g_string_append (out, given->text ? given->text : "");
      break;
    case CW_PART_STATEMENT:
      if (given->has_grade)
        g_string_append_printf (out, "%s. ", cw_exercise_grade_label (given->grade));
      if (given->requirement != NULL && *given->requirement)
        g_string_append_printf (out, _ ("Requirement: %s "), given->requirement);
      if (given->evidence != NULL && *given->evidence)
        g_string_append_printf (out, _ ("Evidence: %s "), given->evidence);
      if (given->statement != NULL && *given->statement)
        g_string_append_printf (out, _ ("Statement: %s"), given->statement);
      break;
    }
  if ((part->kind == CW_PART_WRITTEN || part->kind == CW_PART_STATEMENT)
      && given->confirmed->len > 0)
    {
      g_string_append (out, out->len ? " " : "");
      g_string_append (out, _ ("(rubric items met: "));
      append_indices (out, given->confirmed, ", ");
      g_string_append (out, ")");
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Scoring ----------------------------------------------------------- */

/* The kinds of check the statement checker makes; the app's half of a
 * statement's marks is the share of them that find nothing. */
static const CwStatementKind statement_checks[] = {
  CW_STATEMENT_NO_REFERENCE, CW_STATEMENT_VAGUE_EVIDENCE, CW_STATEMENT_EMPTY,
  CW_STATEMENT_SHOULD,       CW_STATEMENT_OPINION,        CW_STATEMENT_PERSON_NAME,
  CW_STATEMENT_REPEATS,      CW_STATEMENT_GRADE_MISMATCH,
};

static void
part_score_free (CwPartScore *score)
{
  g_clear_pointer (&score->hints, g_ptr_array_unref);
  g_free (score);
}

void
cw_score_free (CwScore *score)
{
  if (score == NULL)
    return;
  g_ptr_array_unref (score->parts);
  g_free (score);
}

gint64
cw_score_to_centi (double marks)
{
  /* Rounded half away from zero, without libm. */
  double centi = marks * 100.0;
  return (gint64)(centi < 0 ? centi - 0.5 : centi + 0.5);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
contains (GArray *indices, guint value)
{
  for (guint i = 0; indices != NULL && i < indices->len; i++)
    if (g_array_index (indices, guint, i) == value)
      return TRUE;
  return FALSE;
}

/* The parent of a dotted clause number, or NULL for a main clause. */
static char *
clause_parent (const char *number)
{
  const char *dot = strrchr (number, '.');
  return dot ? g_strndup (number, (gsize)(dot - number)) : NULL;
}

static double
rubric_share (const CwPart *part, const CwPartAnswer *given)
{
  return (double)given->confirmed->len / (double)part->rubric->len;
}

static void
score_statement (const CwPart *part, const CwPartAnswer *given, CwPartScore *score)
{
  double half = part->marks / 2.0;
  score->app_possible = half;
  score->self_possible = part->marks - half;

  CwGrade grade = given->grade == CW_EXERCISE_GRADE_MAJOR ? CW_GRADE_MAJOR : CW_GRADE_MINOR;
  score->hints = cw_statement_check (given->requirement, given->evidence, given->statement,
                                     given->has_grade ? &grade : NULL);

  /* A blank statement scores nothing: the checker stops at "empty" and
   * never runs the checks that need a statement, which must not count as
   * passed; nor can a trainee meet a rubric with nothing written. A
   * missing grade fails the grade check, which the checker skips. */
  if (is_blank (given->statement))
    return;
  guint passed = 0;
  for (guint c = 0; c < G_N_ELEMENTS (statement_checks); c++)
    {
      gboolean failed = statement_checks[c] == CW_STATEMENT_GRADE_MISMATCH && !given->has_grade;
      for (guint h = 0; h < score->hints->len && !failed; h++)
        {
          const CwStatementHint *hint = g_ptr_array_index (score->hints, h);
          failed = hint->kind == statement_checks[c] || hint->kind == CW_STATEMENT_INVALID_TEXT;
        }
      passed += !failed;
    }
  score->app_scored = half * passed / G_N_ELEMENTS (statement_checks);
  score->self_scored = score->self_possible * rubric_share (part, given);
}

static void
score_part (const CwPart *part, const CwPartAnswer *given, CwPartScore *score)
{
  double marks = part->marks;
  score->hints = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_statement_hint_free);
  switch (part->kind)
    {
    case CW_PART_CHOOSE_ONE:
      score->app_possible = marks;
      if (given->chosen->len == 1
          && ((CwOption *)g_ptr_array_index (part->options,
                                             g_array_index (given->chosen, guint, 0)))
                 ->correct)
        score->app_scored = marks;
      break;
    case CW_PART_CHOOSE_MANY:
      {
        score->app_possible = marks;
        int right = 0, wrong = 0, correct = 0;
        for (guint o = 0; o < part->options->len; o++)
          {
            gboolean is_correct = ((CwOption *)g_ptr_array_index (part->options, o))->correct;
            correct += is_correct;
            if (contains (given->chosen, o))
              is_correct ? right++ : wrong++;
          }
        score->app_scored = MAX (0, right - wrong) * marks / correct;
        break;
      }
    case CW_PART_CLAUSE:
      {
        score->app_possible = marks;
        g_autofree char *answer = g_strstrip (g_strdup (given->clause ? given->clause : ""));
        g_autofree char *parent = clause_parent (part->clause);
        if (g_str_equal (answer, part->clause))
          score->app_scored = marks;
        else if (parent != NULL && g_str_equal (answer, parent))
          score->app_scored = marks / 2.0;
        break;
      }
    case CW_PART_GRADE:
      score->app_possible = marks;
      if (given->has_grade && given->grade == part->grade)
        score->app_scored = marks;
      break;
    case CW_PART_NUMBER:
      score->app_possible = marks;
      if (given->has_number && given->number >= part->min && given->number <= part->max)
        score->app_scored = marks;
      break;
    case CW_PART_SEQUENCE:
      {
        score->app_possible = marks;
        guint placed = 0;
        for (guint i = 0; i < given->order->len; i++)
          placed += g_array_index (given->order, guint, i) == i;
        score->app_scored = marks * placed / part->steps->len;
        break;
      }
    case CW_PART_WRITTEN:
      score->self_possible = marks;
      /* Nothing written, nothing to compare with the model. */
      if (!is_blank (given->text))
        score->self_scored = marks * rubric_share (part, given);
      break;
    case CW_PART_STATEMENT:
      g_clear_pointer (&score->hints, g_ptr_array_unref);
      score_statement (part, given, score);
      break;
    }
  score->scored = score->app_scored + score->self_scored;
  score->possible = score->app_possible + score->self_possible;
}

CwScore *
cw_exercise_score (const CwExercise *exercise, const CwExerciseAnswer *answer, GError **error)
{
  g_return_val_if_fail (exercise != NULL && answer != NULL, NULL);
  if (!cw_exercise_answer_check (exercise, answer, error))
    return NULL;
  CwScore *score = g_new0 (CwScore, 1);
  score->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)part_score_free);
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      CwPartScore *part_score = g_new0 (CwPartScore, 1);
      score_part (g_ptr_array_index (exercise->parts, i), g_ptr_array_index (answer->parts, i),
                  part_score);
      g_ptr_array_add (score->parts, part_score);
      score->scored += part_score->scored;
      score->possible += part_score->possible;
      score->app_scored += part_score->app_scored;
      score->app_possible += part_score->app_possible;
      score->self_scored += part_score->self_scored;
      score->self_possible += part_score->self_possible;
    }
  return score;
}
