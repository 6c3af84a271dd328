/* test-exercise.c: exercise packs are read and checked strictly, and every
 * kind of exercise is scored as the pack format says: the model answer full
 * marks, a wrong answer less, partial answers in between, and the split
 * between marks the app checked and marks the trainee confirmed. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cw-exercise.h"
#include "cw-test-util.h"
#include "cw-xml.h"

static char *
pack_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "packs", name, NULL);
}

static CwExercisePack *
read_pack (const char *name)
{
  g_autofree char *path = pack_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CwExercisePack *pack = cw_exercise_pack_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static char *
pack_text (const char *name)
{
  g_autofree char *path = pack_path (name);
  char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  return text;
}

/* `text` with the one occurrence of `from` replaced: the test fails if it
 * is not there, so a fixture edit can never silently test nothing. */
static char *
replace (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

static CwExercisePack *
read_text (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  return cw_exercise_pack_read_bytes (bytes, "test-pack.xml", NULL, error);
}

/* ---- Reading ----------------------------------------------------------- */

static void
test_read_sample (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("sample.xml");
  g_assert_cmpstr (pack->id, ==, "sample");
  g_assert_cmpuint (pack->version, ==, 1);
  g_assert_cmpstr (pack->language, ==, "en");
  g_assert_cmpstr (pack->title, ==, "Sample pack");
  g_assert_cmpstr (pack->licence, ==, "CC-BY-4.0");
  g_assert_cmpuint (pack->exercises->len, ==, 2);
  g_assert_nonnull (pack->exam);
  g_assert_cmpuint (pack->exam->minutes, ==, 30);
  g_assert_cmpuint (pack->exam->pass_overall, ==, 70);
  g_assert_cmpuint (pack->exam->pass_section, ==, 50);
  g_assert_cmpuint (pack->exam->sections->len, ==, 2);
  CwExamSection *a = g_ptr_array_index (pack->exam->sections, 0);
  g_assert_cmpstr (a->id, ==, "a");
  g_assert_cmpuint (a->kinds->len, ==, 2);
  g_assert_cmpint (g_array_index (a->kinds, CwExerciseKind, 1), ==, CW_EXERCISE_WHICH_CLAUSE);

  CwExercise *wc = cw_exercise_pack_lookup (pack, "wc-1");
  g_assert_nonnull (wc);
  g_assert_cmpstr (wc->pack_id, ==, "sample");
  g_assert_cmpint (wc->kind, ==, CW_EXERCISE_WHICH_CLAUSE);
  g_assert_cmpstr (wc->clauses[0], ==, "8.5.1");
  g_assert_null (wc->clauses[1]);
  g_assert_cmpuint (wc->difficulty, ==, 1);
  g_assert_null (wc->scenario);
  g_assert_cmpuint (wc->extracts->len, ==, 1);
  CwExtract *extract = g_ptr_array_index (wc->extracts, 0);
  g_assert_cmpint (extract->kind, ==, CW_EXTRACT_RECORD);
  g_assert_cmpstr (extract->source, ==, "Change record CHG-2211");
  g_assert_cmpuint (wc->marks, ==, 2);
  CwPart *part = g_ptr_array_index (wc->parts, 0);
  g_assert_cmpint (part->kind, ==, CW_PART_CLAUSE);
  g_assert_cmpstr (part->clause, ==, "8.5.1");
  g_assert_true (cw_exercise_has_clause (wc, "8"));
  g_assert_true (cw_exercise_has_clause (wc, "8.5"));
  g_assert_false (cw_exercise_has_clause (wc, "8.6"));
  g_assert_false (cw_exercise_has_clause (wc, "8.5.1.1"));

  CwExercise *as = cw_exercise_pack_lookup (pack, "as-1");
  g_assert_cmpuint (as->parts->len, ==, 2);
  g_assert_cmpuint (as->marks, ==, 4);
  part = g_ptr_array_index (as->parts, 1);
  g_assert_cmpint (part->kind, ==, CW_PART_WRITTEN);
  g_assert_cmpuint (part->rubric->len, ==, 2);
  g_assert_null (cw_exercise_pack_lookup (pack, "nope"));
}

static void
test_read_all_kinds (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  gboolean kinds[CW_EXERCISE_N_KINDS] = { FALSE };
  gboolean parts[CW_PART_STATEMENT + 1] = { FALSE };
  for (guint i = 0; i < pack->exercises->len; i++)
    {
      CwExercise *exercise = g_ptr_array_index (pack->exercises, i);
      kinds[exercise->kind] = TRUE;
      for (guint p = 0; p < exercise->parts->len; p++)
        parts[((CwPart *)g_ptr_array_index (exercise->parts, p))->kind] = TRUE;
    }
  for (guint k = 0; k < CW_EXERCISE_N_KINDS; k++)
    g_assert_true (kinds[k]);
  for (guint p = 0; p <= CW_PART_STATEMENT; p++)
    g_assert_true (parts[p]);

  CwExercise *sa = cw_exercise_pack_lookup (pack, "sa-changes");
  CwPart *number = g_ptr_array_index (sa->parts, 1);
  g_assert_cmpuint (number->min, ==, 20);
  g_assert_cmpuint (number->max, ==, 40);
  g_assert_cmpstr (number->prompt, ==, "How many changes?");

  CwExercise *sq = cw_exercise_pack_lookup (pack, "sq-audit");
  CwPart *seq = g_ptr_array_index (sq->parts, 0);
  g_assert_cmpuint (seq->steps->len, ==, 5);
  g_assert_cmpuint (seq->shown->len, ==, 5);
  /* Shown shuffled, every step once, never in the right order. */
  gboolean seen[5] = { FALSE };
  gboolean in_order = TRUE;
  for (guint i = 0; i < 5; i++)
    {
      guint step = g_array_index (seq->shown, guint, i);
      g_assert_cmpuint (step, <, 5);
      g_assert_false (seen[step]);
      seen[step] = TRUE;
      in_order = in_order && step == i;
    }
  g_assert_false (in_order);
  /* The same every time it is read. */
  g_autoptr (CwExercisePack) again = read_pack ("all-kinds.xml");
  CwPart *seq2 = g_ptr_array_index (cw_exercise_pack_lookup (again, "sq-audit")->parts, 0);
  g_assert_cmpmem (seq->shown->data, 5 * sizeof (guint), seq2->shown->data, 5 * sizeof (guint));

  CwExercise *mc = cw_exercise_pack_lookup (pack, "mc-principle");
  g_assert_nonnull (mc->clauses);
  g_assert_null (mc->clauses[0]);

  CwExercise *st = cw_exercise_pack_lookup (pack, "st-emergency");
  CwPart *stp = g_ptr_array_index (st->parts, 0);
  g_assert_cmpint (stp->grade, ==, CW_EXERCISE_GRADE_MINOR);
  g_assert_true (g_str_has_prefix (stp->requirement, "Clause 8.5.1.3"));
  g_assert_cmpuint (stp->rubric->len, ==, 3);
}

static void
assert_invalid (const char *text, const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = read_text (text, &error);
  g_assert_null (pack);
  g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "test-pack.xml"));
  if (strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

/* Each check the schema cannot make refuses the whole pack and names the
 * exercise and what to fix. */
static void
test_read_refusals (void)
{
  g_autofree char *sample = pack_text ("sample.xml");
  g_autofree char *all = pack_text ("all-kinds.xml");
  struct
  {
    const char *base;
    const char *from, *to, *mention;
  } cases[] = {
    { sample, "id=\"as-1\"", "id=\"wc-1\"", "“wc-1”: another exercise has the same id" },
    { sample, "<option>Yes, write a minor nonconformity</option>",
      "<option correct=\"true\">Yes, write a minor nonconformity</option>",
      "“as-1”: part 1 asks for one answer but has 2 correct options" },
    { sample, "<option correct=\"true\">No, verify first</option>",
      "<option>No, verify first</option>", "has 0 correct options" },
    { sample, "weight=\"50\" count=\"1\" kinds=\"audit-situation\"",
      "weight=\"40\" count=\"1\" kinds=\"audit-situation\"", "add up to 90" },
    { sample, "clauses=\"8.6.1\"", "clauses=\"8.6.9\"", "“as-1”: clause 8.6.9 is not in" },
    { sample, "clause-answer clause=\"8.5.1\"", "clause-answer clause=\"11.1\"",
      "“wc-1”: part 1 expects clause 11.1" },
    { sample, "count=\"1\" kinds=\"audit-situation\"", "count=\"2\" kinds=\"audit-situation\"",
      "section “b” draws 2 exercises but the pack has 1" },
    { sample, "kinds=\"audit-situation\"", "kinds=\"audit-situation which-clause\"",
      "which-clause is in exam sections “a” and “b”" },
    { sample, "<section id=\"b\"", "<section id=\"a\"", "two exam sections have the id “a”" },
    { sample, "<option>Yes, write a minor nonconformity</option>",
      "<option>No, verify first</option>", "offers the option “No, verify first” twice" },
    { sample, "clauses=\"8.6.1\"", "clauses=\"8.6.1 8.6.1\"", "clause 8.6.1 is listed twice" },
    { sample, "<item>Compares against the documented criteria</item>",
      "<item>Names a sample of records</item>", "rubric item “Names a sample of records” twice" },
    { all, "min=\"20\" max=\"40\"", "min=\"41\" max=\"40\"",
      "“sa-changes”: part 2 accepts numbers from 41 to 40" },
    { all, "<option correct=\"true\">Incident records</option>",
      "<option>Incident records</option>", NULL },
    { all, "<step>Hold the closing meeting</step>", "<step>Plan the audit</step>",
      "“sq-audit”: part 1 has the step “Plan the audit” twice" },
    { all, "min=\"20\" max=\"40\"", "min=\"20\" max=\"99999999999\"", "too large" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace (cases[i].base, cases[i].from, cases[i].to);
      if (cases[i].mention != NULL)
        assert_invalid (text, cases[i].mention);
      else
        {
          /* mr-records keeps two correct options: still a valid pack. */
          g_autoptr (GError) error = NULL;
          g_autoptr (CwExercisePack) pack = read_text (text, &error);
          g_assert_no_error (error);
        }
    }

  /* A many-answer choice with no correct option at all. */
  g_autofree char *one = replace (all, "<option correct=\"true\">Incident records</option>",
                                  "<option>Incident records</option>");
  g_autofree char *two
      = replace (one, "<option correct=\"true\">Results of internal audits</option>",
                 "<option>Results of internal audits</option>");
  g_autofree char *three
      = replace (two, "<option correct=\"true\">Management review results</option>",
                 "<option>Management review results</option>");
  assert_invalid (three, "“mr-records”: part 1 has no correct option");
}

/* What the schema refuses, before any value is used. */
static void
test_read_schema (void)
{
  g_autofree char *sample = pack_text ("sample.xml");
  const char *const cases[][2] = {
    { "kind=\"which-clause\"", "kind=\"guess\"" },
    { "difficulty=\"1\"", "difficulty=\"4\"" },
    { "marks=\"2\"", "marks=\"0\"" },
    { "marks=\"2\"", "marks=\"101\"" },
    { "id=\"wc-1\"", "id=\"WC 1\"" },
    { "<licence>CC-BY-4.0</licence>", "" },
    { "<model-answer>Clause 8.5.1, change management.</model-answer>", "" },
    { "minutes=\"30\"", "minutes=\"0\"" },
    { "<choose select=\"one\" marks=\"1\">", "<choose select=\"some\" marks=\"1\">" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace (sample, cases[i][0], cases[i][1]);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExercisePack) pack = read_text (text, &error);
      g_assert_null (pack);
      g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_INVALID);
    }
}

/* Every hostile construct the catalogue reader refuses, refused here too. */
static void
test_read_hostile (void)
{
  g_autofree char *sample = pack_text ("sample.xml");
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  g_assert_true (g_str_has_prefix (sample, head));
  const char *body = sample + strlen (head);
  g_autofree char *laughs = g_strconcat (
      head,
      "<!DOCTYPE pack [<!ENTITY a \"laugh\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f "
      "\"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>\n",
      body, NULL);
  g_autofree char *laughs_used
      = replace (laughs, "<title>Sample pack</title>", "<title>&f;</title>");
  g_autofree char *external = g_strconcat (
      head, "<!DOCTYPE pack [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n", body, NULL);
  g_autofree char *external_used
      = replace (external, "<title>Sample pack</title>", "<title>&x;</title>");
  g_autofree char *dtd = g_strconcat (
      head, "<!DOCTYPE pack SYSTEM \"http://example.invalid/pack.dtd\">\n", body, NULL);
  g_autofree char *xinclude = replace (
      sample, "<title>Sample pack</title>",
      "<title>Sample pack</title><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
      "href=\"/etc/passwd\" parse=\"text\"/>");
  g_autofree char *wrong_ns
      = replace (sample, "urn:clausewise:exercise-pack:1", "urn:clausewise:exercise-pack:2");
  g_autofree char *no_ns = replace (sample, " xmlns=\"urn:clausewise:exercise-pack:1\"", "");
  struct
  {
    const char *text;
    int code; /* -1: malformed or forbidden, as libxml2 decides */
  } cases[] = {
    { laughs_used, -1 },
    { external_used, CW_XML_ERROR_FORBIDDEN },
    { dtd, CW_XML_ERROR_FORBIDDEN },
    { xinclude, CW_XML_ERROR_INVALID },
    { wrong_ns, CW_XML_ERROR_INVALID },
    { no_ns, CW_XML_ERROR_INVALID },
    { "<pack", CW_XML_ERROR_MALFORMED },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExercisePack) pack = read_text (cases[i].text, &error);
      g_assert_null (pack);
      if (cases[i].code < 0)
        g_assert_true (g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED)
                       || g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN));
      else
        g_assert_error (error, CW_XML_ERROR, cases[i].code);
      g_assert_null (strstr (error->message, "root:"));
    }

  /* gzip: refused before parsing, whatever it holds. */
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  gsize size = strlen (sample);
  g_autofree guint8 *out = g_malloc (size + 1024);
  gsize read, written;
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), sample, size, out, size + 1024,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_autoptr (GBytes) gz = g_bytes_new (out, written);
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bytes (gz, "pack.xml.gz", NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Oversized: refused from the file without reading it all. */
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "big.xml");
  FILE *file = fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), CW_XML_MAX_BYTES + 10), ==, 0);
  fclose (file);
  g_autoptr (GFile) big = g_file_new_for_path (path);
  g_autoptr (CwExercisePack) none = cw_exercise_pack_read_file (big, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_bundled (void)
{
  if (!cw_exercise_pack_has_bundled ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bundled (NULL, &error);
      g_assert_null (pack);
      g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_NOT_FOUND);
      g_test_skip ("this build has no bundled exercise pack yet");
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bundled (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pack->exercises->len, >=, 80);
}

/* ---- Scoring ----------------------------------------------------------- */

static CwScore *
score (const CwExercise *exercise, const CwExerciseAnswer *answer)
{
  g_autoptr (GError) error = NULL;
  CwScore *result = cw_exercise_score (exercise, answer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* A wrong answer to every part, built from the pack like the model. */
static CwExerciseAnswer *
wrong_answer (const CwExercise *exercise)
{
  CwExerciseAnswer *answer = cw_exercise_answer_new (exercise);
  for (guint i = 0; i < exercise->parts->len; i++)
    {
      const CwPart *part = g_ptr_array_index (exercise->parts, i);
      CwPartAnswer *given = cw_exercise_answer_get_part (answer, i);
      switch (part->kind)
        {
        case CW_PART_CHOOSE_ONE:
        case CW_PART_CHOOSE_MANY:
          for (guint o = 0; o < part->options->len; o++)
            if (!((CwOption *)g_ptr_array_index (part->options, o))->correct)
              {
                g_array_append_val (given->chosen, o);
                if (part->kind == CW_PART_CHOOSE_ONE)
                  break;
              }
          break;
        case CW_PART_CLAUSE:
          given->clause = g_strdup (g_str_equal (part->clause, "10.2") ? "4.1" : "10.2");
          break;
        case CW_PART_GRADE:
          given->has_grade = TRUE;
          given->grade = part->grade == CW_EXERCISE_GRADE_MAJOR ? CW_EXERCISE_GRADE_OFI
                                                                : CW_EXERCISE_GRADE_MAJOR;
          break;
        case CW_PART_NUMBER:
          given->has_number = TRUE;
          given->number = (gint64)part->max + 1;
          break;
        case CW_PART_SEQUENCE:
          for (guint s = part->steps->len; s > 0; s--)
            {
              guint step = s - 1;
              g_array_append_val (given->order, step);
            }
          break;
        case CW_PART_WRITTEN:
          given->text = g_strdup ("I am not sure.");
          break;
        case CW_PART_STATEMENT:
          given->has_grade = TRUE;
          given->grade = part->grade;
          given->requirement = g_strdup ("Things must be done properly.");
          given->evidence = g_strdup ("Some records were missing.");
          given->statement = g_strdup ("Bob should obviously do better.");
          break;
        }
    }
  return answer;
}

/* The model answer of every exercise scores full marks, all of it counted
 * in the right column; a wrong answer scores less in every part; an empty
 * answer scores nothing. Runs over any pack. */
static void
check_pack_scoring (CwExercisePack *pack)
{
  for (guint e = 0; e < pack->exercises->len; e++)
    {
      CwExercise *exercise = g_ptr_array_index (pack->exercises, e);
      g_test_message ("exercise %s", exercise->id);
      g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
      g_autoptr (CwScore) full = score (exercise, model);
      g_assert_cmpfloat_with_epsilon (full->scored, exercise->marks, 1e-9);
      g_assert_cmpfloat_with_epsilon (full->possible, exercise->marks, 1e-9);
      g_assert_cmpfloat_with_epsilon (full->app_scored + full->self_scored, full->scored, 1e-9);
      g_assert_cmpfloat_with_epsilon (full->app_possible + full->self_possible, full->possible,
                                      1e-9);
      for (guint p = 0; p < exercise->parts->len; p++)
        {
          const CwPart *part = g_ptr_array_index (exercise->parts, p);
          CwPartScore *ps = g_ptr_array_index (full->parts, p);
          g_assert_cmpfloat_with_epsilon (ps->scored, part->marks, 1e-9);
          /* The model statement passes the app's own checks. */
          g_assert_cmpuint (ps->hints->len, ==, 0);
          if (part->kind == CW_PART_WRITTEN)
            g_assert_cmpfloat (ps->app_possible, ==, 0);
          else if (part->kind == CW_PART_STATEMENT)
            g_assert_cmpfloat_with_epsilon (ps->app_possible, part->marks / 2.0, 1e-9);
          else
            g_assert_cmpfloat (ps->self_possible, ==, 0);
        }

      g_autoptr (CwExerciseAnswer) wrong = wrong_answer (exercise);
      g_autoptr (CwScore) less = score (exercise, wrong);
      g_assert_cmpfloat (less->scored, <, full->scored);
      g_assert_cmpfloat_with_epsilon (less->possible, full->possible, 1e-9);
      for (guint p = 0; p < exercise->parts->len; p++)
        g_assert_cmpfloat (((CwPartScore *)g_ptr_array_index (less->parts, p))->scored, <,
                           ((CwPartScore *)g_ptr_array_index (full->parts, p))->scored);

      g_autoptr (CwExerciseAnswer) empty = cw_exercise_answer_new (exercise);
      g_autoptr (CwScore) zero = score (exercise, empty);
      g_assert_cmpfloat (zero->scored, ==, 0);

      /* Stored and read back, the model scores the same. */
      g_autofree char *text = cw_exercise_answer_serialise (model);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExerciseAnswer) back = cw_exercise_answer_deserialise (exercise, text, &error);
      g_assert_no_error (error);
      g_autoptr (CwScore) again = score (exercise, back);
      g_assert_cmpfloat (again->scored, ==, full->scored);
      g_autofree char *text2 = cw_exercise_answer_serialise (back);
      g_assert_cmpstr (text, ==, text2);
    }
}

static void
test_score_packs (void)
{
  const char *names[] = { "sample.xml", "all-kinds.xml" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CwExercisePack) pack = read_pack (names[i]);
      check_pack_scoring (pack);
    }
  /* More packs to check, as a list of files: CW_TEST_PACKS=a.xml:b.xml. */
  const char *more = g_getenv ("CW_TEST_PACKS");
  g_auto (GStrv) paths = g_strsplit (more ? more : "", ":", -1);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (*paths[i] == '\0')
        continue;
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_file (file, NULL, &error);
      g_assert_no_error (error);
      check_pack_scoring (pack);
    }
}

static void
test_score_bundled (void)
{
  if (!cw_exercise_pack_has_bundled ())
    {
      g_test_skip ("this build has no bundled exercise pack yet");
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bundled (NULL, &error);
  g_assert_no_error (error);
  check_pack_scoring (pack);
}

static CwExercise *
exercise_of (CwExercisePack *pack, const char *id)
{
  CwExercise *exercise = cw_exercise_pack_lookup (pack, id);
  g_assert_nonnull (exercise);
  return exercise;
}

static void
choose (CwExerciseAnswer *answer, guint part, guint option)
{
  g_array_append_val (cw_exercise_answer_get_part (answer, part)->chosen, option);
}

static double
scored (const CwExercise *exercise, const CwExerciseAnswer *answer)
{
  g_autoptr (CwScore) result = score (exercise, answer);
  return result->scored;
}

static void
test_score_choose (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  /* One answer: the correct option or nothing. */
  CwExercise *mc = exercise_of (pack, "mc-principle");
  g_autoptr (CwExerciseAnswer) right = cw_exercise_answer_new (mc);
  choose (right, 0, 1);
  g_assert_cmpfloat (scored (mc, right), ==, 1);
  g_autoptr (CwExerciseAnswer) wrong = cw_exercise_answer_new (mc);
  choose (wrong, 0, 2);
  g_assert_cmpfloat (scored (mc, wrong), ==, 0);

  /* Many: (right - wrong) / correct x marks, never below zero. Options 0,
   * 1, 3 are correct, 2 is not; 3 marks. */
  CwExercise *mr = exercise_of (pack, "mr-records");
  struct
  {
    guint picks[4];
    guint n;
    double expected;
  } cases[] = {
    { { 0, 1, 3 }, 3, 3 }, { { 0, 1 }, 2, 2 }, { { 0 }, 1, 1 },          { { 0, 1, 2 }, 3, 1 },
    { { 0, 2 }, 2, 0 },    { { 2 }, 1, 0 },    { { 0, 1, 2, 3 }, 4, 2 }, { { 0 }, 0, 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (mr);
      for (guint j = 0; j < cases[i].n; j++)
        choose (answer, 0, cases[i].picks[j]);
      g_assert_cmpfloat_with_epsilon (scored (mr, answer), cases[i].expected, 1e-9);
    }

  /* Two choose-one parts score apart. */
  CwExercise *ac = exercise_of (pack, "ac-backup");
  g_autoptr (CwExerciseAnswer) half = cw_exercise_answer_new (ac);
  choose (half, 0, 1);
  choose (half, 1, 0);
  g_autoptr (CwScore) s = score (ac, half);
  g_assert_cmpfloat (s->scored, ==, 2);
  g_assert_cmpfloat (s->app_scored, ==, 2);
  g_assert_cmpfloat (s->app_possible, ==, 4);
  g_assert_cmpfloat (s->self_possible, ==, 2);
}

static void
test_score_clause_grade_number (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *wc = exercise_of (pack, "wc-change"); /* 8.5.1.3, 2 marks */
  const char *answers[] = { "8.5.1.3", " 8.5.1.3 ", "8.5.1", "8.5", "8.5.1.2", "", "8.5.1.3.1" };
  double expected[] = { 2, 2, 1, 0, 0, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (wc);
      cw_exercise_answer_get_part (answer, 0)->clause = g_strdup (answers[i]);
      g_assert_cmpfloat (scored (wc, answer), ==, expected[i]);
    }
  /* A main clause has no parent to earn half with. */
  CwExercise *comp = exercise_of (pack, "wc-competence"); /* 7.2 */
  g_autoptr (CwExerciseAnswer) seven = cw_exercise_answer_new (comp);
  cw_exercise_answer_get_part (seven, 0)->clause = g_strdup ("7");
  g_assert_cmpfloat (scored (comp, seven), ==, 0.5);

  CwExercise *gr = exercise_of (pack, "gr-capacity"); /* minor, 2 + written 2 */
  for (guint g = CW_EXERCISE_GRADE_CONFORMING; g <= CW_EXERCISE_GRADE_MAJOR; g++)
    {
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (gr);
      cw_exercise_answer_get_part (answer, 0)->has_grade = TRUE;
      cw_exercise_answer_get_part (answer, 0)->grade = g;
      g_assert_cmpfloat (scored (gr, answer), ==, g == CW_EXERCISE_GRADE_MINOR ? 2 : 0);
    }

  CwExercise *sa = exercise_of (pack, "sa-changes"); /* choose 2 + number [20, 40] 2 */
  gint64 numbers[] = { 19, 20, 30, 40, 41, -5 };
  double points[] = { 0, 2, 2, 2, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (sa);
      cw_exercise_answer_get_part (answer, 1)->has_number = TRUE;
      cw_exercise_answer_get_part (answer, 1)->number = numbers[i];
      g_assert_cmpfloat (scored (sa, answer), ==, points[i]);
    }
}

static void
test_score_sequence (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *sq = exercise_of (pack, "sq-audit"); /* 5 steps, 4 marks */
  struct
  {
    guint order[5];
    double expected;
  } cases[] = {
    { { 0, 1, 2, 3, 4 }, 4 },
    { { 1, 0, 2, 3, 4 }, 4 * 3 / 5.0 },
    { { 4, 3, 2, 1, 0 }, 4 * 1 / 5.0 },
    { { 1, 2, 3, 4, 0 }, 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (sq);
      g_array_append_vals (cw_exercise_answer_get_part (answer, 0)->order, cases[i].order, 5);
      g_assert_cmpfloat_with_epsilon (scored (sq, answer), cases[i].expected, 1e-9);
    }
}

static void
confirm (CwExerciseAnswer *answer, guint part, guint item)
{
  g_array_append_val (cw_exercise_answer_get_part (answer, part)->confirmed, item);
}

static void
test_score_written (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *lg = exercise_of (pack, "lg-programme"); /* 8 marks, 4 items */
  g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (lg);
  cw_exercise_answer_get_part (answer, 0)->text
      = g_strdup ("Every clause over three years, risk first.");
  confirm (answer, 0, 0);
  confirm (answer, 0, 1);
  confirm (answer, 0, 3);
  g_autoptr (CwScore) s = score (lg, answer);
  g_assert_cmpfloat (s->scored, ==, 6);
  g_assert_cmpfloat (s->self_scored, ==, 6);
  g_assert_cmpfloat (s->self_possible, ==, 8);
  g_assert_cmpfloat (s->app_possible, ==, 0);

  /* Confirming the rubric with nothing written earns nothing. */
  g_autoptr (CwExerciseAnswer) blank = cw_exercise_answer_new (lg);
  cw_exercise_answer_get_part (blank, 0)->text = g_strdup ("   ");
  for (guint i = 0; i < 4; i++)
    confirm (blank, 0, i);
  g_assert_cmpfloat (scored (lg, blank), ==, 0);
}

static CwExerciseAnswer *
statement_answer (const CwExercise *exercise, guint part, const char *requirement,
                  const char *evidence, const char *statement, gboolean graded)
{
  CwExerciseAnswer *answer = cw_exercise_answer_new (exercise);
  CwPartAnswer *given = cw_exercise_answer_get_part (answer, part);
  const CwPart *model = g_ptr_array_index (exercise->parts, part);
  given->requirement = g_strdup (requirement ? requirement : model->requirement);
  given->evidence = g_strdup (evidence ? evidence : model->evidence);
  given->statement = g_strdup (statement ? statement : model->statement);
  given->has_grade = graded;
  given->grade = model->grade;
  return answer;
}

static gboolean
has_hint (CwPartScore *score, CwStatementKind kind)
{
  for (guint i = 0; i < score->hints->len; i++)
    if (((CwStatementHint *)g_ptr_array_index (score->hints, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
test_score_statement (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *st = exercise_of (pack, "st-emergency"); /* 6 marks: 3 app, 3 self, 3 items */

  /* The model's three parts with two rubric items: app 3, self 2. */
  g_autoptr (CwExerciseAnswer) two = statement_answer (st, 0, NULL, NULL, NULL, TRUE);
  confirm (two, 0, 0);
  confirm (two, 0, 2);
  g_autoptr (CwScore) s = score (st, two);
  g_assert_cmpfloat (s->app_scored, ==, 3);
  g_assert_cmpfloat (s->app_possible, ==, 3);
  g_assert_cmpfloat_with_epsilon (s->self_scored, 2, 1e-9);
  g_assert_cmpfloat (s->self_possible, ==, 3);

  /* "should" fails one check of eight: 3 x 7/8 from the app. */
  g_autoptr (CwExerciseAnswer) should = statement_answer (
      st, 0, NULL, NULL, "Emergency changes should be reviewed after deployment as required.",
      TRUE);
  g_autoptr (CwScore) s2 = score (st, should);
  CwPartScore *ps = g_ptr_array_index (s2->parts, 0);
  g_assert_true (has_hint (ps, CW_STATEMENT_SHOULD));
  g_assert_cmpfloat_with_epsilon (ps->app_scored, 3 * 7 / 8.0, 1e-9);
  g_assert_cmpfloat (ps->self_scored, ==, 0);

  /* No reference and vague evidence: two of eight fail. */
  g_autoptr (CwExerciseAnswer) vague = statement_answer (
      st, 0, "Changes must be reviewed.", "Several changes were not reviewed.", NULL, TRUE);
  g_autoptr (CwScore) s3 = score (st, vague);
  ps = g_ptr_array_index (s3->parts, 0);
  g_assert_true (has_hint (ps, CW_STATEMENT_NO_REFERENCE));
  g_assert_true (has_hint (ps, CW_STATEMENT_VAGUE_EVIDENCE));
  g_assert_cmpfloat_with_epsilon (ps->app_scored, 3 * 6 / 8.0, 1e-9);

  /* No grade given: the grade check counts as failed. */
  g_autoptr (CwExerciseAnswer) ungraded = statement_answer (st, 0, NULL, NULL, NULL, FALSE);
  g_assert_cmpfloat_with_epsilon (scored (st, ungraded), 3 * 7 / 8.0, 1e-9);

  /* A blank statement scores nothing at all, rubric or not. */
  g_autoptr (CwExerciseAnswer) blank = statement_answer (st, 0, NULL, NULL, " ", TRUE);
  for (guint i = 0; i < 3; i++)
    confirm (blank, 0, i);
  g_autoptr (CwScore) s4 = score (st, blank);
  g_assert_cmpfloat (s4->scored, ==, 0);
  g_assert_true (has_hint (g_ptr_array_index (s4->parts, 0), CW_STATEMENT_EMPTY));

  /* Odd marks split in halves: 5 marks, 2.5 and 2.5. */
  CwExercise *as = exercise_of (pack, "as-suppliers");
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (as);
  g_autoptr (CwScore) s5 = score (as, model);
  ps = g_ptr_array_index (s5->parts, 1);
  g_assert_cmpfloat (ps->app_possible, ==, 2.5);
  g_assert_cmpfloat (ps->self_possible, ==, 2.5);
  g_assert_cmpfloat (s5->scored, ==, 6);
}

static void
test_answer_check (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *mc = exercise_of (pack, "mc-principle");
  CwExercise *sq = exercise_of (pack, "sq-audit");
  CwExercise *lg = exercise_of (pack, "lg-programme");

  g_autoptr (CwExerciseAnswer) out_of_range = cw_exercise_answer_new (mc);
  choose (out_of_range, 0, 4);
  g_autoptr (CwExerciseAnswer) two = cw_exercise_answer_new (mc);
  choose (two, 0, 0);
  choose (two, 0, 1);
  g_autoptr (CwExerciseAnswer) twice = cw_exercise_answer_new (exercise_of (pack, "mr-records"));
  choose (twice, 0, 0);
  choose (twice, 0, 0);
  g_autoptr (CwExerciseAnswer) short_order = cw_exercise_answer_new (sq);
  guint three[] = { 0, 1, 2 };
  g_array_append_vals (cw_exercise_answer_get_part (short_order, 0)->order, three, 3);
  g_autoptr (CwExerciseAnswer) rubric = cw_exercise_answer_new (lg);
  confirm (rubric, 0, 4);
  g_autoptr (CwExerciseAnswer) invalid = cw_exercise_answer_new (lg);
  cw_exercise_answer_get_part (invalid, 0)->text = g_strdup ("bad \xff text");
  g_autoptr (CwExerciseAnswer) long_text = cw_exercise_answer_new (lg);
  cw_exercise_answer_get_part (long_text, 0)->text
      = g_strnfill (CW_EXERCISE_ANSWER_MAX_TEXT + 1, 'a');
  g_autoptr (CwExerciseAnswer) statement_grade
      = cw_exercise_answer_new (exercise_of (pack, "st-emergency"));
  cw_exercise_answer_get_part (statement_grade, 0)->has_grade = TRUE;
  cw_exercise_answer_get_part (statement_grade, 0)->grade = CW_EXERCISE_GRADE_OFI;
  g_autoptr (CwExerciseAnswer) wrong_shape
      = cw_exercise_answer_new (exercise_of (pack, "ac-backup"));

  struct
  {
    const CwExercise *exercise;
    const CwExerciseAnswer *answer;
    const char *mention;
  } cases[] = {
    { mc, out_of_range, "option 5 is not one of the 4" },
    { mc, two, "choose one option only" },
    { exercise_of (pack, "mr-records"), twice, "chosen twice" },
    { sq, short_order, "put all 5 steps in order" },
    { lg, rubric, "rubric item 5" },
    { lg, invalid, "UTF-8" },
    { lg, long_text, "8000" },
    { exercise_of (pack, "st-emergency"), statement_grade, "minor or major" },
    { mc, wrong_shape, "has 3 parts" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwScore) s = cw_exercise_score (cases[i].exercise, cases[i].answer, &error);
      g_assert_null (s);
      g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER);
      if (strstr (error->message, cases[i].mention) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, cases[i].mention);
    }
}

static void
test_answer_storage (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *mc = exercise_of (pack, "mc-principle");
  const char *bad[] = {
    "",
    "not a variant",
    "[{'chosen': <[uint32 9]>}]",
    "[{}, {}]",
    "[{'grade': <'excellent'>}]",
    "[{'chosen': <'one'>}]",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_deserialise (mc, bad[i], &error);
      /* A value of the wrong type under a known key is ignored, leaving
       * an unanswered part; everything else is refused. */
      if (i == 5)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (cw_exercise_answer_get_part (answer, 0)->chosen->len, ==, 0);
          continue;
        }
      g_assert_null (answer);
      g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER);
    }

  /* Every field survives the round trip. */
  CwExercise *st = exercise_of (pack, "as-suppliers");
  g_autoptr (CwExerciseAnswer) answer
      = statement_answer (st, 1, "Req “quoted” 'single' \\ back", "Ev\nnew line", "Stm\ttab", TRUE);
  choose (answer, 0, 1);
  confirm (answer, 1, 2);
  g_autofree char *text = cw_exercise_answer_serialise (answer);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExerciseAnswer) back = cw_exercise_answer_deserialise (st, text, &error);
  g_assert_no_error (error);
  CwPartAnswer *p = cw_exercise_answer_get_part (back, 1);
  g_assert_cmpstr (p->requirement, ==, "Req “quoted” 'single' \\ back");
  g_assert_cmpstr (p->evidence, ==, "Ev\nnew line");
  g_assert_cmpstr (p->statement, ==, "Stm\ttab");
  g_assert_true (p->has_grade);
  g_assert_cmpint (p->grade, ==, CW_EXERCISE_GRADE_MAJOR);
  g_assert_cmpuint (g_array_index (p->confirmed, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (cw_exercise_answer_get_part (back, 0)->chosen, guint, 0), ==, 1);
}

static void
test_describe (void)
{
  g_autoptr (CwExercisePack) pack = read_pack ("all-kinds.xml");
  CwExercise *sq = exercise_of (pack, "sq-audit");
  CwPart *part = g_ptr_array_index (sq->parts, 0);
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (sq);
  g_autofree char *order = cw_exercise_answer_describe_part (sq, model, 0);
  /* The right order, named by the positions the steps are shown at. */
  g_autoptr (GString) expected = g_string_new (NULL);
  for (guint step = 0; step < 5; step++)
    for (guint i = 0; i < 5; i++)
      if (g_array_index (part->shown, guint, i) == step)
        g_string_append_printf (expected, "%s%u", step ? ", " : "", i + 1);
  g_assert_cmpstr (order, ==, expected->str);

  CwExercise *mr = exercise_of (pack, "mr-records");
  g_autoptr (CwExerciseAnswer) many = cw_exercise_model_answer (mr);
  g_autofree char *picks = cw_exercise_answer_describe_part (mr, many, 0);
  g_assert_cmpstr (picks, ==,
                   "1. Incident records; 2. Results of internal audits; 4. Management review "
                   "results");

  CwExercise *gr = exercise_of (pack, "gr-capacity");
  g_autoptr (CwExerciseAnswer) graded = cw_exercise_model_answer (gr);
  g_autofree char *grade = cw_exercise_answer_describe_part (gr, graded, 0);
  g_assert_cmpstr (grade, ==, "Minor nonconformity");
  g_autofree char *written = cw_exercise_answer_describe_part (gr, graded, 1);
  g_assert_true (g_str_has_suffix (written, "(rubric items met: 1, 2)"));
}

static void
test_kinds (void)
{
  for (guint k = 0; k < CW_EXERCISE_N_KINDS; k++)
    {
      CwExerciseKind back;
      g_assert_true (cw_exercise_kind_from_string (cw_exercise_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (cw_exercise_kind_label (k));
    }
  CwExerciseKind kind;
  g_assert_false (cw_exercise_kind_from_string ("guess", &kind));
  CwExerciseGrade grade;
  g_assert_true (cw_exercise_grade_from_string ("conforming", &grade));
  g_assert_cmpint (grade, ==, CW_EXERCISE_GRADE_CONFORMING);
  g_assert_nonnull (strstr (cw_exercise_kind_tokens (), "long-answer"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exercise/read/sample", test_read_sample);
  g_test_add_func ("/exercise/read/all-kinds", test_read_all_kinds);
  g_test_add_func ("/exercise/read/refusals", test_read_refusals);
  g_test_add_func ("/exercise/read/schema", test_read_schema);
  g_test_add_func ("/exercise/read/hostile", test_read_hostile);
  g_test_add_func ("/exercise/read/bundled", test_bundled);
  g_test_add_func ("/exercise/kinds", test_kinds);
  g_test_add_func ("/exercise/score/packs", test_score_packs);
  g_test_add_func ("/exercise/score/bundled", test_score_bundled);
  g_test_add_func ("/exercise/score/choose", test_score_choose);
  g_test_add_func ("/exercise/score/clause-grade-number", test_score_clause_grade_number);
  g_test_add_func ("/exercise/score/sequence", test_score_sequence);
  g_test_add_func ("/exercise/score/written", test_score_written);
  g_test_add_func ("/exercise/score/statement", test_score_statement);
  g_test_add_func ("/exercise/answer/check", test_answer_check);
  g_test_add_func ("/exercise/answer/storage", test_answer_storage);
  g_test_add_func ("/exercise/answer/describe", test_describe);
  return g_test_run ();
}
