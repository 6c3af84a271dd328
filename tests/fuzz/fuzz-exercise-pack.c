/* fuzz-exercise-pack.c: an exercise pack read from any bytes, then every
 * exercise of a pack that is accepted scored with its model answer, an
 * empty answer and the model answer stored and read back.
 *
 * Every pack is untrusted (cw-exercise.h). The reader returns a pack or an
 * error, never both and never neither, with a message a user can read. A
 * pack it accepts keeps the promises the scoring relies on: one correct
 * option where one is asked for, steps shown as a permutation, a range
 * with min <= max; so its model answer scores exactly its marks and an
 * empty answer nothing. */
#include "config.h"

#include "cw-exercise.h"
#include "cw-xml.h"
#include "fuzz.h"

static void
check_exercise (const CwExercise *exercise)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
  g_autoptr (CwScore) full = cw_exercise_score (exercise, model, &error);
  g_assert_no_error (error);
  /* Model statements written by a pack's author may draw the checker's
   * hints, so a statement part's app half may fall short; every other
   * part of the model scores its marks. */
  for (guint p = 0; p < exercise->parts->len; p++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, p);
      const CwPartScore *score = g_ptr_array_index (full->parts, p);
      g_assert_cmpfloat (score->possible, ==, part->marks);
      g_assert_cmpfloat (score->scored, <=, part->marks + 1e-9);
      g_assert_cmpfloat (score->scored, >=, 0);
      if (part->kind != CW_PART_STATEMENT && part->kind != CW_PART_WRITTEN)
        g_assert_cmpfloat (score->scored, ==, part->marks);
      if (part->kind == CW_PART_SEQUENCE)
        {
          g_autofree gboolean *seen = g_new0 (gboolean, part->steps->len);
          for (guint i = 0; i < part->shown->len; i++)
            {
              guint step = g_array_index (part->shown, guint, i);
              g_assert_cmpuint (step, <, part->steps->len);
              g_assert_false (seen[step]);
              seen[step] = TRUE;
            }
        }
    }

  g_autoptr (CwExerciseAnswer) empty = cw_exercise_answer_new (exercise);
  g_autoptr (CwScore) zero = cw_exercise_score (exercise, empty, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (zero->scored, ==, 0);

  g_autofree char *text = cw_exercise_answer_serialise (model);
  g_autoptr (CwExerciseAnswer) back = cw_exercise_answer_deserialise (exercise, text, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < exercise->parts->len; p++)
    {
      g_autofree char *described = cw_exercise_answer_describe_part (exercise, back, p);
      g_assert_true (g_utf8_validate (described, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bytes (bytes, "fuzz.xml", NULL, &error);
  if (pack == NULL)
    {
      g_assert_true (error->domain == CW_XML_ERROR || error->domain == CW_EXERCISE_ERROR);
      FUZZ_ASSERT_MESSAGE (error);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (pack->exercises->len, >, 0);
  for (guint i = 0; i < pack->exercises->len; i++)
    {
      CwExercise *exercise = g_ptr_array_index (pack->exercises, i);
      g_assert_true (cw_exercise_pack_lookup (pack, exercise->id) == exercise);
      check_exercise (exercise);
    }
  if (pack->exam != NULL)
    {
      guint total = 0;
      for (guint s = 0; s < pack->exam->sections->len; s++)
        total += ((CwExamSection *) g_ptr_array_index (pack->exam->sections, s))->weight;
      g_assert_cmpuint (total, ==, 100);
    }
  return 0;
}
