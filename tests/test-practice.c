/* test-practice.c: the practice file keeps trainees, packs, attempts and
 * answers apart from any workspace; imports check everything before they
 * write; exams draw deterministically, hide their scores until finished,
 * close at their deadline and pass by the pack's rule. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cw-practice.h"
#include "cw-test-util.h"
#include "cw-xml.h"

typedef struct
{
  GDateTime *time;
} FakeClock;

static GDateTime *
fake_now (gpointer data)
{
  FakeClock *clock = data;
  return g_date_time_ref (clock->time);
}

static void
clock_set (FakeClock *clock, const char *iso)
{
  g_clear_pointer (&clock->time, g_date_time_unref);
  clock->time = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (clock->time);
}

static void
clock_add_minutes (FakeClock *clock, int minutes)
{
  GDateTime *later = g_date_time_add_minutes (clock->time, minutes);
  g_date_time_unref (clock->time);
  clock->time = later;
}

static char *
pack_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "packs", name, NULL);
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

static char *
replace (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);
  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

static char *
write_file (const char *dir, const char *name, const char *text)
{
  char *path = cw_test_path (dir, name);
  cw_test_write (path, text, strlen (text));
  return path;
}

static CwPractice *
new_practice (char **dir, char **path)
{
  *dir = cw_test_make_dir ();
  *path = cw_test_path (*dir, "trainee.clausewise-practice");
  g_autoptr (GError) error = NULL;
  CwPractice *practice = cw_practice_create (*path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (practice);
  return practice;
}

static CwPracticePack *
import (CwPractice *practice, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CwPracticePack *pack = cw_practice_import_file (practice, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static void
import_data (CwPractice *practice, const char *name)
{
  g_autofree char *path = pack_path (name);
  g_autoptr (CwPracticePack) pack = import (practice, path);
}

static CwPractice *
reopen (const char *path)
{
  g_autoptr (GError) error = NULL;
  CwPractice *practice = cw_practice_open (path, &error);
  g_assert_no_error (error);
  return practice;
}

/* ---- Files ------------------------------------------------------------- */

static void
test_create_open (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  CwPractice *practice = new_practice (&dir, &path);
  g_assert_cmpstr (cw_practice_get_path (practice), ==, path);
  g_object_unref (practice);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA application_id"), ==, CW_PRACTICE_APPLICATION_ID);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, 1);

  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = cw_test_read (path);
  g_assert_null (cw_practice_create (path, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_EXISTS);
  cw_test_assert_untouched (path, before);
  g_clear_error (&error);

  g_autoptr (CwPractice) again = reopen (path);
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 0);

  g_autofree char *missing = cw_test_path (dir, "missing.clausewise-practice");
  g_assert_null (cw_practice_open (missing, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "practice init"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_autofree char *nowhere = cw_test_path (dir, "no/such/folder.clausewise-practice");
  g_assert_null (cw_practice_create (nowhere, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_FAILED);
}

/* A workspace is never opened as a practice file, nor a practice file as
 * a workspace; neither is changed by the attempt. */
static void
test_kept_apart (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (CwWorkspace) workspace = cw_test_new_workspace (&dir);
  g_autofree char *workspace_path = g_strdup (cw_workspace_get_path (workspace));
  g_clear_object (&workspace);
  g_autoptr (GBytes) workspace_bytes = cw_test_read (workspace_path);
  g_autoptr (GError) error = NULL;
  g_assert_null (cw_practice_open (workspace_path, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE);
  g_assert_nonnull (strstr (error->message, "organisation's workspace"));
  cw_test_assert_untouched (workspace_path, workspace_bytes);
  g_clear_error (&error);

  g_autofree char *practice_path = cw_test_path (dir, "p.clausewise-practice");
  CwPractice *practice = cw_practice_create (practice_path, &error);
  g_assert_no_error (error);
  import_data (practice, "sample.xml");
  g_object_unref (practice);
  g_autoptr (GBytes) practice_bytes = cw_test_read (practice_path);
  g_assert_null (cw_workspace_open (practice_path, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FOREIGN);
  cw_test_assert_untouched (practice_path, practice_bytes);
  g_clear_error (&error);

  /* Not a database at all; another program's database; a newer file. */
  g_autofree char *text = write_file (dir, "notes.txt",
                                      "These are notes, not a database at all. "
                                      "They are long enough for a header.....");
  g_autoptr (GBytes) text_bytes = cw_test_read (text);
  g_assert_null (cw_practice_open (text, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE);
  cw_test_assert_untouched (text, text_bytes);
  g_clear_error (&error);

  g_autofree char *other = cw_test_path (dir, "other.db");
  cw_test_sql (other, "CREATE TABLE t (x); PRAGMA application_id = 7");
  g_assert_null (cw_practice_open (other, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  cw_test_sql (practice_path, "PRAGMA user_version = 2");
  g_autoptr (GBytes) newer = cw_test_read (practice_path);
  g_assert_null (cw_practice_open (practice_path, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NEWER);
  cw_test_assert_untouched (practice_path, newer);
}

/* ---- Packs ------------------------------------------------------------- */

static void
count_signal (CwPractice *practice, gpointer data)
{
  (*(guint *)data)++;
}

static void
test_import (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  guint changed = 0;
  g_signal_connect (practice, "changed::packs", G_CALLBACK (count_signal), &changed);
  g_autofree char *sample = pack_path ("sample.xml");
  g_autoptr (CwPracticePack) info = import (practice, sample);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (info->id, ==, "sample");
  g_assert_cmpuint (info->version, ==, 1);
  g_assert_cmpuint (info->n_exercises, ==, 2);
  g_assert_true (info->has_exam);
  g_assert_cmpstr (info->source, ==, sample);
  g_assert_cmpstr (info->language, ==, "en");
  g_assert_true (g_str_has_suffix (info->imported_at, "Z"));
  import_data (practice, "all-kinds.xml");

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (practice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 2);
  /* By title: "Every kind…" before "Sample pack". */
  g_assert_cmpstr (((CwPracticePack *)g_ptr_array_index (packs, 0))->id, ==, "all-kinds");
  g_assert_cmpuint (((CwPracticePack *)g_ptr_array_index (packs, 0))->n_exercises, ==, 17);

  /* The pack is kept in the file: it reads back without its source. */
  g_autofree char *copy_text = pack_text ("sample.xml");
  g_autofree char *renamed = replace (copy_text, "id=\"sample\"", "id=\"moved\"");
  g_autofree char *moved = write_file (dir, "moved.xml", renamed);
  g_autoptr (CwPracticePack) moved_info = import (practice, moved);
  g_assert_no_errno (g_unlink (moved));
  g_clear_object (&practice);
  practice = reopen (path);
  g_autoptr (CwExercisePack) read = cw_practice_get_pack (practice, "moved", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->exercises->len, ==, 2);
  g_assert_null (cw_practice_get_pack (practice, "nope", &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
}

/* The same or an older version is refused; a newer one replaces it in the
 * lists, and the file is unchanged by every refusal. */
static void
test_import_versions (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  CwPractice *practice = new_practice (&dir, &path);
  import_data (practice, "all-kinds.xml"); /* version 2 */
  g_autofree char *text = pack_text ("all-kinds.xml");
  g_autofree char *v1_text = replace (text, "version=\"2\"", "version=\"1\"");
  g_autofree char *v3_text = replace (text, "version=\"2\"", "version=\"3\"");
  g_autofree char *v3_titled = replace (v3_text, "<title>Every kind of exercise</title>",
                                        "<title>Every kind, third edition</title>");
  g_autofree char *same = pack_path ("all-kinds.xml");
  g_autofree char *v1 = write_file (dir, "v1.xml", v1_text);
  g_autofree char *v3 = write_file (dir, "v3.xml", v3_titled);
  g_object_unref (practice);

  const char *refused[] = { same, v1 };
  const char *mention[] = { "version 2 is already imported", "older than version 2" };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GBytes) before = cw_test_read (path);
      practice = reopen (path);
      g_autoptr (GFile) file = g_file_new_for_path (refused[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwPracticePack) none = cw_practice_import_file (practice, file, &error);
      g_assert_null (none);
      g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, mention[i]));
      g_object_unref (practice);
      cw_test_assert_untouched (path, before);
    }

  practice = reopen (path);
  g_autoptr (GError) error = NULL;
  gint64 exam = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", 5, &error);
  g_assert_no_error (error);
  g_autoptr (CwPracticePack) third = import (practice, v3);
  g_assert_cmpuint (third->version, ==, 3);
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (practice, &error);
  g_assert_cmpuint (packs->len, ==, 1);
  g_assert_cmpstr (((CwPracticePack *)g_ptr_array_index (packs, 0))->title, ==,
                   "Every kind, third edition");
  /* The exam started on version 2 goes on on version 2. */
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 9);
  g_object_unref (practice);
}

static void
test_import_refusals (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  CwPractice *practice = new_practice (&dir, &path);
  import_data (practice, "sample.xml");
  g_object_unref (practice);

  g_autofree char *sample = pack_text ("all-kinds.xml");
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  g_assert_true (g_str_has_prefix (sample, head));
  const char *body = sample + strlen (head);
  g_autofree char *laughs = g_strconcat (
      head,
      "<!DOCTYPE pack [<!ENTITY a \"laugh\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n",
      body, NULL);
  g_autofree char *laughs_used = replace (laughs, "<author>", "<author>&d;");
  g_autofree char *external_decl = g_strconcat (
      head, "<!DOCTYPE pack [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n", body, NULL);
  g_autofree char *external = replace (external_decl, "<author>", "<author>&x;");
  g_autofree char *dtd
      = g_strconcat (head, "<!DOCTYPE pack SYSTEM \"file:///etc/pack.dtd\">\n", body, NULL);
  g_autofree char *xinclude
      = replace (sample, "<licence>",
                 "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" "
                 "parse=\"text\"/><licence>");
  g_autofree char *namespace = replace (sample, "exercise-pack:1", "exercise-pack:9");
  g_autofree char *duplicate = replace (sample, "id=\"wc-competence\"", "id=\"wc-change\"");
  g_autofree char *latin1 = replace (sample, "<author>Clausewise tests</author>",
                                     "<author>Clausewise \xe9tudes</author>");
  g_autofree char *latin1_decl = replace (latin1, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");

  /* gzip of a valid pack. */
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  gsize size = strlen (sample);
  g_autofree guint8 *gz = g_malloc (size + 1024);
  gsize read, written;
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), sample, size, gz, size + 1024,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, &error),
                   ==, G_CONVERTER_FINISHED);
  g_autofree char *gz_path = cw_test_path (dir, "pack.xml.gz");
  cw_test_write (gz_path, gz, written);

  /* Oversized: a valid pack padded with a long comment past the cap. */
  g_autoptr (GString) big = g_string_new (sample);
  g_string_append (big, "<!--");
  while (big->len < 4 * 1024 * 1024 + 10)
    g_string_append (big, "padding padding padding padding padding padding padding padding ");
  g_string_append (big, "-->\n");
  g_autofree char *big_path = write_file (dir, "big.xml", big->str);

  struct
  {
    const char *name, *text, *path;
    GQuark domain;
    int code; /* -1: malformed or forbidden */
  } cases[] = {
    { "laughs.xml", laughs_used, NULL, CW_XML_ERROR, -1 },
    { "external.xml", external, NULL, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN },
    { "dtd.xml", dtd, NULL, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN },
    { "xinclude.xml", xinclude, NULL, CW_XML_ERROR, CW_XML_ERROR_INVALID },
    { "namespace.xml", namespace, NULL, CW_XML_ERROR, CW_XML_ERROR_INVALID },
    { "duplicate.xml", duplicate, NULL, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID },
    { "latin1.xml", latin1_decl, NULL, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID },
    { "gzip", NULL, gz_path, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN },
    { "big", NULL, big_path, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE },
    { "missing", NULL, "/nonexistent/pack.xml", CW_XML_ERROR, CW_XML_ERROR_READ },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_autofree char *file_path = cases[i].path ? g_strdup (cases[i].path)
                                                 : write_file (dir, cases[i].name, cases[i].text);
      g_autoptr (GBytes) before = cw_test_read (path);
      practice = reopen (path);
      g_autoptr (GFile) file = g_file_new_for_path (file_path);
      g_autoptr (CwPracticePack) none = cw_practice_import_file (practice, file, &error);
      g_assert_null (none);
      if (cases[i].code < 0)
        g_assert_true (g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED)
                       || g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN));
      else
        g_assert_error (error, cases[i].domain, cases[i].code);
      g_clear_error (&error);
      g_autoptr (GPtrArray) packs = cw_practice_list_packs (practice, &error);
      g_assert_cmpuint (packs->len, ==, 1);
      g_object_unref (practice);
      cw_test_assert_untouched (path, before);
    }
}

static void
test_bundled (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPracticePack) pack = cw_practice_import_bundled (practice, &error);
  if (!cw_exercise_pack_has_bundled ())
    {
      g_assert_null (pack);
      g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_NOT_FOUND);
      g_test_skip ("this build has no bundled exercise pack yet");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pack->source, "resource://"));
}

/* ---- Exercises and practice -------------------------------------------- */

static void
test_exercises (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  import_data (practice, "sample.xml");
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;

  g_autoptr (GPtrArray) all = cw_practice_list_exercises (practice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 19);
  /* Packs by title, exercises in pack order. */
  g_assert_cmpstr (((CwExercise *)g_ptr_array_index (all, 0))->id, ==, "wc-change");
  g_assert_cmpstr (((CwExercise *)g_ptr_array_index (all, 17))->id, ==, "wc-1");

  CwExerciseFilter filter = CW_EXERCISE_FILTER_ALL;
  filter.pack_id = "sample";
  g_autoptr (GPtrArray) sample = cw_practice_list_exercises (practice, &filter, &error);
  g_assert_cmpuint (sample->len, ==, 2);

  filter = (CwExerciseFilter)CW_EXERCISE_FILTER_ALL;
  filter.any_kind = FALSE;
  filter.kind = CW_EXERCISE_AUDIT_SITUATION;
  g_autoptr (GPtrArray) situations = cw_practice_list_exercises (practice, &filter, &error);
  g_assert_cmpuint (situations->len, ==, 3);

  filter.clause = "8.6";
  g_autoptr (GPtrArray) in_86 = cw_practice_list_exercises (practice, &filter, &error);
  g_assert_cmpuint (in_86->len, ==, 2); /* as-priorities (8.6.1), as-1 (8.6.1) */

  filter = (CwExerciseFilter)CW_EXERCISE_FILTER_ALL;
  filter.clause = "8";
  filter.difficulty = 3;
  g_autoptr (GPtrArray) hard = cw_practice_list_exercises (practice, &filter, &error);
  g_assert_cmpuint (hard->len, ==, 2); /* st-emergency, as-suppliers */

  filter = (CwExerciseFilter)CW_EXERCISE_FILTER_ALL;
  filter.pack_id = "nope";
  g_assert_null (cw_practice_list_exercises (practice, &filter, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_autoptr (CwExercise) bare = cw_practice_find_exercise (practice, "sq-audit", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bare->pack_id, ==, "all-kinds");
  g_autoptr (CwExercise) qualified = cw_practice_find_exercise (practice, "sample/wc-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qualified->id, ==, "wc-1");
  g_assert_null (cw_practice_find_exercise (practice, "sample/sq-audit", &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cw_practice_find_exercise (practice, "nothing", &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same exercise id in two packs must be named with its pack. */
  g_autofree char *text = pack_text ("sample.xml");
  g_autofree char *twin = replace (text, "id=\"sample\"", "id=\"twin\"");
  g_autofree char *twin_path = write_file (dir, "twin.xml", twin);
  g_autoptr (CwPracticePack) twin_info = import (practice, twin_path);
  g_assert_null (cw_practice_find_exercise (practice, "wc-1", &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "PACK/wc-1"));
}

static void
test_practice_answer (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  CwPractice *practice = new_practice (&dir, &path);
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercise) exercise = cw_practice_find_exercise (practice, "mr-records", &error);
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
  g_autoptr (CwScore) score = cw_practice_answer (practice, "Ada Byron", exercise, model, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (score->scored, ==, 3);
  g_auto (GStrv) trainees = cw_practice_list_trainees (practice, &error);
  g_assert_cmpstrv (trainees, ((const char *const[]){ "Ada Byron", NULL }));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer"), ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT scored FROM answer"), ==, 300);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT app_possible FROM answer"), ==, 300);
  g_autoptr (GPtrArray) attempts = cw_practice_list_attempts (practice, "Ada Byron", &error);
  g_assert_cmpuint (attempts->len, ==, 1);
  CwAttempt *attempt = g_ptr_array_index (attempts, 0);
  g_assert_cmpint (attempt->mode, ==, CW_ATTEMPT_PRACTICE);
  g_assert_nonnull (attempt->finished_at);
  g_object_unref (practice);

  /* Refusals leave the file as it was. */
  g_autoptr (GBytes) before = cw_test_read (path);
  practice = reopen (path);
  g_autoptr (CwExerciseAnswer) bad = cw_exercise_answer_new (exercise);
  guint nine = 9;
  g_array_append_val (cw_exercise_answer_get_part (bad, 0)->chosen, nine);
  g_assert_null (cw_practice_answer (practice, "Ada Byron", exercise, bad, &error));
  g_assert_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_ANSWER);
  g_clear_error (&error);
  const char *names[] = { "", "  ", "Tab\there", "\xff" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_null (cw_practice_answer (practice, names[i], exercise, model, &error));
      g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_autofree char *long_name = g_strnfill (CW_PRACTICE_MAX_NAME + 1, 'n');
  g_assert_null (cw_practice_answer (practice, long_name, exercise, model, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID);
  g_clear_error (&error);
  /* An exercise from a pack this file does not have. */
  g_autofree char *sample_path = pack_path ("sample.xml");
  g_autoptr (GFile) sample_file = g_file_new_for_path (sample_path);
  g_autoptr (CwExercisePack) outside = cw_exercise_pack_read_file (sample_file, NULL, &error);
  g_assert_no_error (error);
  CwExercise *stranger = g_ptr_array_index (outside->exercises, 0);
  g_autoptr (CwExerciseAnswer) stranger_answer = cw_exercise_model_answer (stranger);
  g_assert_null (cw_practice_answer (practice, "Ada Byron", stranger, stranger_answer, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_object_unref (practice);
  cw_test_assert_untouched (path, before);
}

/* ---- Exams ------------------------------------------------------------- */

static GStrv
drawn_ids (CwPractice *practice, gint64 attempt)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, attempt, &error);
  g_assert_no_error (error);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      g_assert_cmpuint (item->position, ==, i + 1);
      g_autofree char *id = g_strdup_printf ("%s:%s", item->section_id, item->exercise->id);
      g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

static void
test_exam_draw (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;
  gint64 a = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", 42, &error);
  g_assert_no_error (error);
  gint64 b = cw_practice_start_exam_with_seed (practice, "Bea", NULL, 42, &error);
  g_assert_no_error (error);
  g_auto (GStrv) first = drawn_ids (practice, a);
  g_auto (GStrv) second = drawn_ids (practice, b);
  g_assert_cmpstrv (first, second);
  /* Sections in blueprint order with their counts, each exercise of the
   * section's kinds and drawn once. */
  g_assert_cmpuint (g_strv_length (first), ==, 9);
  const char *sections[]
      = { "mc", "mc", "mc", "short", "short", "long", "long", "situations", "situations" };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (g_str_has_prefix (first[i], sections[i]));
      g_assert_true (g_hash_table_add (seen, first[i]));
    }
  g_autoptr (CwAttempt) attempt = cw_practice_get_attempt (practice, a, &error);
  g_assert_cmpuint (attempt->seed, ==, 42);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT seed FROM attempt WHERE id = 1"), ==, 42);

  /* Other seeds draw other exams. */
  gboolean differs = FALSE;
  for (guint64 seed = 1; seed <= 6 && !differs; seed++)
    {
      gint64 c = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", seed, &error);
      g_assert_no_error (error);
      g_auto (GStrv) other = drawn_ids (practice, c);
      differs = !g_strv_equal ((const char *const *)first, (const char *const *)other);
    }
  g_assert_true (differs);

  /* A random seed is stored and replays the draw. */
  gint64 r = cw_practice_start_exam (practice, "Ada", "all-kinds", &error);
  g_autoptr (CwAttempt) random = cw_practice_get_attempt (practice, r, &error);
  gint64 replay
      = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", random->seed, &error);
  g_auto (GStrv) random_ids = drawn_ids (practice, r);
  g_auto (GStrv) replay_ids = drawn_ids (practice, replay);
  g_assert_cmpstrv (random_ids, replay_ids);

  /* Two packs with an exam: say which. A pack with none: refused. */
  import_data (practice, "sample.xml");
  g_assert_cmpint (cw_practice_start_exam (practice, "Ada", NULL, &error), ==, 0);
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID);
  g_clear_error (&error);
  g_autofree char *text = pack_text ("sample.xml");
  g_autofree char *no_exam = NULL;
  {
    const char *from = strstr (text, "  <exam ");
    const char *to = strstr (text, "</exam>\n") + strlen ("</exam>\n");
    no_exam = g_strdup_printf ("%.*s%s", (int)(from - text), text, to);
  }
  g_autofree char *renamed = replace (no_exam, "id=\"sample\"", "id=\"plain\"");
  g_autofree char *plain_path = write_file (dir, "plain.xml", renamed);
  g_autoptr (CwPracticePack) plain = import (practice, plain_path);
  g_assert_false (plain->has_exam);
  g_assert_cmpint (cw_practice_start_exam (practice, "Ada", "plain", &error), ==, 0);
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
answer_model (CwPractice *practice, gint64 attempt, CwExercise *exercise)
{
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_practice_exam_answer (practice, attempt, exercise->id, model, &error));
  g_assert_no_error (error);
}

static void
test_exam_deadline (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  CwPractice *practice = new_practice (&dir, &path);
  FakeClock clock = { NULL };
  clock_set (&clock, "2026-11-29T10:00:00Z");
  cw_practice_set_clock (practice, fake_now, &clock);
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;
  gint64 exam = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", 7, &error);
  g_assert_no_error (error);
  g_autoptr (CwAttempt) attempt = cw_practice_get_attempt (practice, exam, &error);
  g_assert_cmpstr (attempt->started_at, ==, "2026-11-29T10:00:00Z");
  g_assert_cmpstr (attempt->deadline, ==, "2026-11-29T12:00:00Z");
  g_assert_null (attempt->finished_at);
  g_assert_cmpint (cw_attempt_seconds_left (attempt, clock.time), ==, 7200);

  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, exam, &error);
  CwExamItem *first = g_ptr_array_index (items, 0);
  g_assert_false (first->answered);
  clock_add_minutes (&clock, 30);
  answer_model (practice, exam, first->exercise);
  g_autoptr (GPtrArray) after = cw_practice_get_exam_items (practice, exam, &error);
  g_assert_true (((CwExamItem *)g_ptr_array_index (after, 0))->answered);
  /* The answer is kept and can be shown again; no score is. */
  g_autoptr (CwExerciseAnswer) kept
      = cw_practice_get_exam_answer (practice, exam, first->exercise->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  CwExamItem *second = g_ptr_array_index (items, 1);
  g_autoptr (CwExerciseAnswer) none
      = cw_practice_get_exam_answer (practice, exam, second->exercise->id, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (cw_practice_get_exam_result (practice, exam, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_HIDDEN);
  g_clear_error (&error);
  /* Nor does progress show a running exam. */
  g_autoptr (GPtrArray) running
      = cw_practice_progress (practice, "Ada", CW_PROGRESS_BY_KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (running->len, ==, 0);

  /* An exercise not drawn. */
  g_autoptr (CwExercise) stranger = NULL;
  g_autoptr (CwExercisePack) pack = cw_practice_get_pack (practice, "all-kinds", &error);
  for (guint e = 0; e < pack->exercises->len && stranger == NULL; e++)
    {
      CwExercise *exercise = g_ptr_array_index (pack->exercises, e);
      gboolean drawn = FALSE;
      for (guint i = 0; i < items->len; i++)
        drawn = drawn || ((CwExamItem *)g_ptr_array_index (items, i))->exercise == exercise;
      if (!drawn)
        stranger = cw_exercise_ref (exercise);
    }
  g_autoptr (CwExerciseAnswer) stranger_answer = cw_exercise_model_answer (stranger);
  g_assert_false (cw_practice_exam_answer (practice, exam, stranger->id, stranger_answer, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* At the deadline the exam takes no more answers, and the refusal
   * changes nothing. */
  clock_add_minutes (&clock, 90);
  g_autoptr (CwAttempt) late = cw_practice_get_attempt (practice, exam, &error);
  g_assert_cmpint (cw_attempt_seconds_left (late, clock.time), ==, 0);
  g_object_unref (practice);
  g_autoptr (GBytes) before = cw_test_read (path);
  practice = reopen (path);
  cw_practice_set_clock (practice, fake_now, &clock);
  g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (second->exercise);
  g_assert_false (cw_practice_exam_answer (practice, exam, second->exercise->id, model, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "ran out"));
  g_clear_error (&error);
  g_object_unref (practice);
  cw_test_assert_untouched (path, before);

  /* Finishing after the deadline counts what was answered by then, and is
   * recorded at the deadline. */
  practice = reopen (path);
  clock_add_minutes (&clock, 15);
  cw_practice_set_clock (practice, fake_now, &clock);
  g_autoptr (CwExamResult) result = cw_practice_finish_exam (practice, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->attempt->finished_at, ==, "2026-11-29T12:00:00Z");
  g_assert_cmpuint (result->answers->len, ==, 9);
  CwExamAnswer *answered = g_ptr_array_index (result->answers, 0);
  g_assert_nonnull (answered->answer);
  g_assert_cmpfloat (answered->score->scored, ==, answered->item->exercise->marks);
  CwExamAnswer *blank = g_ptr_array_index (result->answers, 1);
  g_assert_null (blank->answer);
  g_assert_null (blank->score);
  g_assert_false (result->passed);

  g_assert_null (cw_practice_finish_exam (practice, exam, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED);
  g_clear_error (&error);
  /* Finished: no more answers, even with time left on the clock. */
  clock_set (&clock, "2026-11-29T10:05:00Z");
  g_assert_false (cw_practice_exam_answer (practice, exam, second->exercise->id, model, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "finished"));
  g_clear_error (&error);
  g_autoptr (CwExamResult) again = cw_practice_get_exam_result (practice, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (again->percent, ==, result->percent);
  g_autoptr (GPtrArray) shown = cw_practice_progress (practice, "Ada", CW_PROGRESS_BY_KIND, &error);
  g_assert_cmpuint (shown->len, ==, 1);

  /* Practice attempts are not exams. */
  g_autoptr (CwExercise) any = cw_practice_find_exercise (practice, "mc-review", &error);
  g_autoptr (CwExerciseAnswer) any_answer = cw_exercise_model_answer (any);
  g_autoptr (CwScore) practised = cw_practice_answer (practice, "Ada", any, any_answer, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) attempts = cw_practice_list_attempts (practice, "Ada", &error);
  CwAttempt *last = g_ptr_array_index (attempts, attempts->len - 1);
  g_assert_null (cw_practice_get_exam_items (practice, last->id, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cw_practice_get_attempt (practice, 999, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_object_unref (practice);
  g_date_time_unref (clock.time);
}

/* A pack for the pass rule: two sections weighed 80 and 20, each one
 * exercise of four correct options (and one wrong) worth 4 marks, so a
 * section scores 0, 25, 50, 75 or 100 %. */
static const char pass_pack[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<pack xmlns=\"urn:clausewise:exercise-pack:1\" id=\"pass\" version=\"1\" xml:lang=\"en\">"
      "<title>Pass rule</title><author>Tests</author><licence>CC0-1.0</licence>"
      "<exam minutes=\"60\" pass-overall=\"70\" pass-section=\"50\">"
      "<section id=\"big\" title=\"Big\" weight=\"80\" count=\"1\" kinds=\"multiple-response\"/>"
      "<section id=\"small\" title=\"Small\" weight=\"20\" count=\"1\" kinds=\"stage-one\"/>"
      "</exam>"
      "<exercise id=\"mr\" kind=\"multiple-response\" clauses=\"9.2\" difficulty=\"1\">"
      "<title>Four of five</title><task>Choose the four true ones.</task>"
      "<choose select=\"many\" marks=\"4\"><option correct=\"true\">A</option>"
      "<option correct=\"true\">B</option><option correct=\"true\">C</option>"
      "<option correct=\"true\">D</option><option>E</option></choose>"
      "<model-answer>A, B, C and D.</model-answer><explanation>Only E is false (9.2).</explanation>"
      "</exercise>"
      "<exercise id=\"so\" kind=\"stage-one\" clauses=\"7.5.4\" difficulty=\"1\">"
      "<title>Four of five</title><task>Choose the four missing.</task>"
      "<choose select=\"many\" marks=\"4\"><option correct=\"true\">A</option>"
      "<option correct=\"true\">B</option><option correct=\"true\">C</option>"
      "<option correct=\"true\">D</option><option>E</option></choose>"
      "<model-answer>A, B, C and D.</model-answer><explanation>Only E is there "
      "(7.5.4).</explanation>"
      "</exercise></pack>\n";

static CwExamResult *
sit (CwPractice *practice, guint big, guint small)
{
  g_autoptr (GError) error = NULL;
  gint64 exam = cw_practice_start_exam_with_seed (practice, "Ada", "pass", 1, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, exam, &error);
  guint right[] = { big, small };
  for (guint i = 0; i < 2; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      g_autoptr (CwExerciseAnswer) answer = cw_exercise_answer_new (item->exercise);
      for (guint o = 0; o < right[i]; o++)
        g_array_append_val (cw_exercise_answer_get_part (answer, 0)->chosen, o);
      g_assert_true (cw_practice_exam_answer (practice, exam, item->exercise->id, answer, &error));
    }
  CwExamResult *result = cw_practice_finish_exam (practice, exam, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_exam_pass_rule (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  g_autofree char *pack_file = write_file (dir, "pass.xml", pass_pack);
  g_autoptr (CwPracticePack) info = import (practice, pack_file);
  struct
  {
    guint big, small; /* right picks of 4 */
    double percent;
    gboolean big_passed, small_passed, passed;
  } cases[] = {
    { 4, 4, 100, TRUE, TRUE, TRUE },  { 4, 2, 90, TRUE, TRUE, TRUE },
    { 4, 1, 85, TRUE, FALSE, FALSE }, /* overall fine, one section under 50 % */
    { 3, 2, 70, TRUE, TRUE, TRUE },   /* exactly at both marks */
    { 2, 4, 60, TRUE, TRUE, FALSE },  /* every section fine, overall under 70 % */
    { 0, 0, 0, FALSE, FALSE, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CwExamResult) result = sit (practice, cases[i].big, cases[i].small);
      g_assert_cmpuint (result->sections->len, ==, 2);
      CwSectionResult *big = g_ptr_array_index (result->sections, 0);
      CwSectionResult *small = g_ptr_array_index (result->sections, 1);
      g_assert_cmpstr (big->id, ==, "big");
      g_assert_cmpuint (big->weight, ==, 80);
      g_assert_cmpfloat_with_epsilon (big->percent, cases[i].big * 25.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (small->percent, cases[i].small * 25.0, 1e-9);
      g_assert_cmpfloat (big->possible, ==, 4);
      g_assert_cmpfloat_with_epsilon (result->percent, cases[i].percent, 1e-9);
      g_assert_cmpint (big->passed, ==, cases[i].big_passed);
      g_assert_cmpint (small->passed, ==, cases[i].small_passed);
      g_assert_cmpint (result->passed, ==, cases[i].passed);
      g_assert_true (result->blueprint->pass_overall == 70);
      /* Weakest clauses: the weaker section's clause first, full marks
       * not listed. */
      if (cases[i].big == 4 && cases[i].small == 4)
        g_assert_cmpuint (result->weakest->len, ==, 0);
      if (cases[i].big == 4 && cases[i].small == 1)
        {
          g_assert_cmpuint (result->weakest->len, ==, 1);
          CwClauseResult *weakest = g_ptr_array_index (result->weakest, 0);
          g_assert_cmpstr (weakest->clause, ==, "7.5.4");
          g_assert_cmpfloat (weakest->percent, ==, 25);
        }
      if (cases[i].big == 2 && cases[i].small == 4)
        g_assert_cmpstr (((CwClauseResult *)g_ptr_array_index (result->weakest, 0))->clause, ==,
                         "9.2");
    }
}

static void
test_exam_full_marks (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;
  gint64 exam = cw_practice_start_exam_with_seed (practice, "Ada", "all-kinds", 3, &error);
  g_autoptr (GPtrArray) items = cw_practice_get_exam_items (practice, exam, &error);
  for (guint i = 0; i < items->len; i++)
    answer_model (practice, exam, ((CwExamItem *)g_ptr_array_index (items, i))->exercise);
  /* Answering again replaces the earlier answer. */
  answer_model (practice, exam, ((CwExamItem *)g_ptr_array_index (items, 0))->exercise);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer"), ==, 9);
  g_autoptr (CwExamResult) result = cw_practice_finish_exam (practice, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (result->percent, 100, 1e-9);
  g_assert_true (result->passed);
  g_assert_cmpuint (result->weakest->len, ==, 0);
  for (guint s = 0; s < result->sections->len; s++)
    g_assert_true (((CwSectionResult *)g_ptr_array_index (result->sections, s))->passed);
}

static void
test_progress (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (CwPractice) practice = new_practice (&dir, &path);
  FakeClock clock = { NULL };
  clock_set (&clock, "2026-11-01T09:00:00Z");
  cw_practice_set_clock (practice, fake_now, &clock);
  import_data (practice, "all-kinds.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercise) fn = cw_practice_find_exercise (practice, "fn-desk", &error);
  g_autoptr (CwExercise) mc = cw_practice_find_exercise (practice, "mc-review", &error);
  g_autoptr (CwExerciseAnswer) empty = cw_exercise_answer_new (fn);
  g_autoptr (CwExerciseAnswer) fn_model = cw_exercise_model_answer (fn);
  g_autoptr (CwExerciseAnswer) mc_model = cw_exercise_model_answer (mc);
  CwScore *s;
  s = cw_practice_answer (practice, "Ada", fn, empty, &error);
  cw_score_free (s);
  clock_set (&clock, "2026-11-02T09:00:00Z");
  s = cw_practice_answer (practice, "Ada", fn, fn_model, &error);
  cw_score_free (s);
  s = cw_practice_answer (practice, "Ada", mc, mc_model, &error);
  cw_score_free (s);
  s = cw_practice_answer (practice, "Bea", mc, mc_model, &error);
  cw_score_free (s);
  g_assert_no_error (error);

  g_autoptr (GPtrArray) kinds = cw_practice_progress (practice, "Ada", CW_PROGRESS_BY_KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kinds->len, ==, 3);
  CwProgressRow *row = g_ptr_array_index (kinds, 0);
  g_assert_cmpstr (row->day, ==, "2026-11-01");
  g_assert_cmpstr (row->key, ==, "find-nonconformities");
  g_assert_cmpfloat (row->percent, ==, 0);
  row = g_ptr_array_index (kinds, 1);
  g_assert_cmpstr (row->day, ==, "2026-11-02");
  g_assert_cmpstr (row->key, ==, "find-nonconformities");
  g_assert_cmpfloat (row->percent, ==, 100);
  g_assert_cmpfloat (row->possible, ==, 4);
  row = g_ptr_array_index (kinds, 2);
  g_assert_cmpstr (row->key, ==, "multiple-choice");
  g_assert_cmpuint (row->answers, ==, 1);

  /* fn-desk is on 8.6.1 and 8.6.2: it counts for both. */
  g_autoptr (GPtrArray) clauses
      = cw_practice_progress (practice, "Ada", CW_PROGRESS_BY_CLAUSE, &error);
  g_assert_cmpuint (clauses->len, ==, 5);
  const char *expected[][2] = { { "2026-11-01", "8.6.1" },
                                { "2026-11-01", "8.6.2" },
                                { "2026-11-02", "8.6.1" },
                                { "2026-11-02", "8.6.2" },
                                { "2026-11-02", "9.3" } };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      row = g_ptr_array_index (clauses, i);
      g_assert_cmpstr (row->day, ==, expected[i][0]);
      g_assert_cmpstr (row->key, ==, expected[i][1]);
    }
  g_assert_null (cw_practice_progress (practice, "Nobody", CW_PROGRESS_BY_KIND, &error));
  g_assert_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND);
  g_date_time_unref (clock.time);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/practice/file/create-open", test_create_open);
  g_test_add_func ("/practice/file/kept-apart", test_kept_apart);
  g_test_add_func ("/practice/pack/import", test_import);
  g_test_add_func ("/practice/pack/versions", test_import_versions);
  g_test_add_func ("/practice/pack/refusals", test_import_refusals);
  g_test_add_func ("/practice/pack/bundled", test_bundled);
  g_test_add_func ("/practice/exercises", test_exercises);
  g_test_add_func ("/practice/answer", test_practice_answer);
  g_test_add_func ("/practice/exam/draw", test_exam_draw);
  g_test_add_func ("/practice/exam/deadline", test_exam_deadline);
  g_test_add_func ("/practice/exam/pass-rule", test_exam_pass_rule);
  g_test_add_func ("/practice/exam/full-marks", test_exam_full_marks);
  g_test_add_func ("/practice/progress", test_progress);
  return g_test_run ();
}
