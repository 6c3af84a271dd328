/* test-cli-practice.c: the practice commands of clausewise-cli as a
 * script or a trainee at a terminal uses them: practice init, pack
 * validate|import|list, exercise list|show|answer, exam
 * start|answer|finish|show and progress. Every case runs the real binary;
 * every refusal exits 1 (bad input) or 2 (usage) with one line on stderr
 * and leaves the practice file byte for byte as it was. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cw-date.h"
#include "cw-test-util.h"
#include "cw-workspace.h"

static char *
data_pack (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "packs", name, NULL);
}

static char *
pack_text (const char *name)
{
  g_autofree char *path = data_pack (name);
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
replace (const char *text, const char *from, const char *to)
{
  const char *at = strstr (text, from);
  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

/* A practice file with all-kinds.xml imported, in a fresh folder. */
static char *
new_practice (char **dir)
{
  *dir = cw_test_make_dir ();
  char *path = cw_test_path (*dir, "t.clausewise-practice");
  g_autofree char *out = cw_test_cli_ok (ARGS ("practice", "init", path));
  cw_test_assert_contains (out, "Created practice file");
  g_autofree char *pack = data_pack ("all-kinds.xml");
  g_autofree char *imported = cw_test_cli_ok (ARGS ("pack", "import", path, pack));
  g_assert_true (g_str_has_prefix (imported, "all-kinds\t2\t17\texam\tEvery kind of exercise\t"));
  return path;
}

/* The command fails as cw_test_cli_error says and the file is unchanged. */
static void
refused_untouched (const char *path, const char *const *args, int status, const char *mention)
{
  g_autoptr (GBytes) before = cw_test_read (path);
  cw_test_cli_error (args, status, mention);
  cw_test_assert_untouched (path, before);
}

static void
test_init (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "p.clausewise-practice");
  g_autofree char *out = cw_test_cli_ok (ARGS ("practice", "init", path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  refused_untouched (path, ARGS ("practice", "init", path), CLI_BAD_INPUT, "already exists");
  cw_test_cli_error (ARGS ("practice", "init"), CLI_USAGE, "expected PRACTICE");
  g_autofree char *list = cw_test_cli_ok (ARGS ("pack", "list", path));
  g_assert_cmpstr (list, ==, "");

  /* No file is made by any other command. */
  g_autofree char *missing = cw_test_path (dir, "missing.clausewise-practice");
  g_autofree char *pack = data_pack ("sample.xml");
  cw_test_cli_error (ARGS ("pack", "import", missing, pack), CLI_BAD_INPUT, "practice init");
  cw_test_cli_error (ARGS ("pack", "list", missing), CLI_BAD_INPUT, "no practice file");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A workspace is not a practice file and the other way round. */
static void
test_kept_apart (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *practice = new_practice (&dir);
  g_autofree char *workspace = cw_test_path (dir, "org.clausewise");
  g_autofree char *made = cw_test_cli_ok (ARGS ("init", workspace, "--organisation", "Example"));
  g_autofree char *pack = data_pack ("sample.xml");
  refused_untouched (workspace, ARGS ("pack", "import", workspace, pack), CLI_BAD_INPUT,
                     "organisation's workspace");
  refused_untouched (workspace, ARGS ("exercise", "list", workspace), CLI_BAD_INPUT,
                     "not a practice file");
  refused_untouched (practice, ARGS ("audit", "list", practice), CLI_BAD_INPUT,
                     "not a Clausewise workspace");
  refused_untouched (practice, ARGS ("readiness", practice), CLI_BAD_INPUT, NULL);
}

static void
test_pack_validate (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *pack = data_pack ("sample.xml");
  g_autofree char *out = cw_test_cli_ok (ARGS ("pack", "validate", pack));
  g_assert_cmpstr (out, ==, "sample\t1\t2\texam\tSample pack\n");

  g_autofree char *text = pack_text ("sample.xml");
  g_autofree char *two
      = replace (text, "<option>Yes, write", "<option correct=\"true\">Yes, write");
  g_autofree char *bad = cw_test_path (dir, "bad.xml");
  cw_test_write (bad, two, strlen (two));
  cw_test_cli_error (ARGS ("pack", "validate", bad), CLI_BAD_INPUT,
                     "exercise “as-1”: part 1 asks for one answer but has 2 correct options");
  g_autofree char *schema = replace (text, "difficulty=\"1\"", "difficulty=\"9\"");
  cw_test_write (bad, schema, strlen (schema));
  cw_test_cli_error (ARGS ("pack", "validate", bad), CLI_BAD_INPUT, "not in the expected form");
  cw_test_cli_error (ARGS ("pack", "validate", "/nonexistent/pack.xml"), CLI_BAD_INPUT,
                     "Could not read");
  cw_test_cli_error (ARGS ("pack", "validate"), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("pack", "validate", pack, "extra"), CLI_USAGE, NULL);
}

/* Hostile pack files: refused, and the practice file is untouched. */
static void
test_pack_import_hostile (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  g_autofree char *text = pack_text ("sample.xml");
  const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const char *body = text + strlen (head);
  g_autofree char *laughs_decl = g_strconcat (
      head,
      "<!DOCTYPE pack [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d "
      "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n",
      body, NULL);
  g_autofree char *laughs = replace (laughs_decl, "<title>Sample", "<title>&d;Sample");
  g_autofree char *external_decl = g_strconcat (
      head, "<!DOCTYPE pack [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n", body, NULL);
  g_autofree char *external = replace (external_decl, "<title>Sample", "<title>&x;Sample");
  g_autofree char *dtd
      = g_strconcat (head, "<!DOCTYPE pack SYSTEM \"http://example.invalid/p.dtd\">\n", body, NULL);
  g_autofree char *xinclude = replace (text, "<author>",
                                       "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                       "href=\"file:///etc/hostname\" parse=\"text\"/><author>");
  g_autofree char *namespace = replace (text, "exercise-pack:1", "exercise-pack:2");
  g_autoptr (GString) big = g_string_new (text);
  while (big->len < 5 * 1024 * 1024)
    g_string_append (big, "<!-- padding padding padding padding padding padding padding -->\n");

  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  gsize size = strlen (text), read, written;
  g_autofree guint8 *gz = g_malloc (size + 1024);
  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), text, size, gz, size + 1024,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL),
                   ==, G_CONVERTER_FINISHED);

  struct
  {
    const char *name;
    const char *text;
    gsize size;
    const char *mention;
  } cases[] = {
    { "laughs.xml", laughs, 0, NULL },
    { "external.xml", external, 0, "DTD" },
    { "dtd.xml", dtd, 0, "DTD" },
    { "xinclude.xml", xinclude, 0, "not in the expected form" },
    { "namespace.xml", namespace, 0, "not in the expected form" },
    { "big.xml", big->str, 0, "too large" },
    { "pack.xml.gz", (const char *)gz, written, "compressed" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = cw_test_path (dir, cases[i].name);
      cw_test_write (file, cases[i].text, cases[i].size ? cases[i].size : strlen (cases[i].text));
      refused_untouched (path, ARGS ("pack", "import", path, file), CLI_BAD_INPUT,
                         cases[i].mention);
      g_autofree char *list = cw_test_cli_ok (ARGS ("pack", "list", path));
      g_auto (GStrv) lines = cw_test_output_lines (list);
      g_assert_cmpuint (g_strv_length (lines), ==, 1);
    }
}

static void
test_pack_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  g_autofree char *pack = data_pack ("all-kinds.xml");
  refused_untouched (path, ARGS ("pack", "import", path, pack), CLI_BAD_INPUT,
                     "version 2 is already imported");
  g_autofree char *text = pack_text ("all-kinds.xml");
  g_autofree char *older = replace (text, "version=\"2\"", "version=\"1\"");
  g_autofree char *older_path = cw_test_path (dir, "older.xml");
  cw_test_write (older_path, older, strlen (older));
  refused_untouched (path, ARGS ("pack", "import", path, older_path), CLI_BAD_INPUT,
                     "older than version 2");
  g_autofree char *newer = replace (text, "version=\"2\"", "version=\"5\"");
  g_autofree char *newer_path = cw_test_path (dir, "newer.xml");
  cw_test_write (newer_path, newer, strlen (newer));
  g_autofree char *out = cw_test_cli_ok (ARGS ("pack", "import", path, newer_path));
  g_assert_true (g_str_has_prefix (out, "all-kinds\t5\t17\texam\t"));

  g_autofree char *sample = data_pack ("sample.xml");
  g_autofree char *second = cw_test_cli_ok (ARGS ("pack", "import", path, sample));
  g_autofree char *list = cw_test_cli_ok (ARGS ("pack", "list", path));
  g_auto (GStrv) lines = cw_test_output_lines (list);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_autofree char *first_expected
      = g_strdup_printf ("all-kinds\t5\t17\texam\tEvery kind of exercise\t%s", newer_path);
  g_assert_cmpstr (lines[0], ==, first_expected);
  g_assert_true (g_str_has_prefix (lines[1], "sample\t1\t2\texam\tSample pack\t"));

  /* The bundled pack, once it ships; a clear refusal until then. */
  g_autofree char *bundled_out = NULL, *bundled_err = NULL;
  int status = cw_test_cli (ARGS ("pack", "import", path, "--bundled"), &bundled_out, &bundled_err);
  if (status == CLI_OK)
    g_assert_true (g_str_has_suffix (bundled_out, "\tresource:///io/github/clausewise/Clausewise/"
                                                  "practice/clausewise-practice.xml\n"));
  else
    {
      g_assert_cmpint (status, ==, CLI_BAD_INPUT);
      cw_test_assert_contains (bundled_err, "no bundled exercise pack");
    }
  cw_test_cli_error (ARGS ("pack", "import", path), CLI_USAGE, "expected PRACTICE FILE");
}

static void
test_exercise_list_show (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  g_autofree char *all = cw_test_cli_ok (ARGS ("exercise", "list", path));
  g_auto (GStrv) lines = cw_test_output_lines (all);
  g_assert_cmpuint (g_strv_length (lines), ==, 17);
  g_assert_cmpstr (lines[0], ==,
                   "all-kinds/wc-change\twhich-clause\t8.5.1.3\t1\t2\tAn emergency change nobody "
                   "looked at again");
  g_autofree char *kind = cw_test_cli_ok (ARGS ("exercise", "list", path, "--kind", "grade"));
  g_assert_true (g_str_has_prefix (kind, "all-kinds/gr-capacity\tgrade\t8.4.3\t2\t4\t"));
  g_auto (GStrv) kind_lines = cw_test_output_lines (kind);
  g_assert_cmpuint (g_strv_length (kind_lines), ==, 1);
  g_autofree char *clause = cw_test_cli_ok (ARGS ("exercise", "list", path, "--clause", "8.6"));
  g_auto (GStrv) clause_lines = cw_test_output_lines (clause);
  g_assert_cmpuint (g_strv_length (clause_lines), ==, 2); /* fn-desk, as-priorities */
  g_autofree char *hard = cw_test_cli_ok (
      ARGS ("exercise", "list", path, "--difficulty", "3", "--pack", "all-kinds"));
  g_auto (GStrv) hard_lines = cw_test_output_lines (hard);
  g_assert_cmpuint (g_strv_length (hard_lines), ==, 4);
  cw_test_cli_error (ARGS ("exercise", "list", path, "--kind", "essay"), CLI_BAD_INPUT,
                     "not a kind of exercise");
  cw_test_cli_error (ARGS ("exercise", "list", path, "--difficulty", "4"), CLI_BAD_INPUT, NULL);
  cw_test_cli_error (ARGS ("exercise", "list", path, "--pack", "nope"), CLI_BAD_INPUT,
                     "no pack “nope”");

  g_autofree char *show = cw_test_cli_ok (ARGS ("exercise", "show", path, "sa-changes"));
  cw_test_assert_contains (show, "Exercise: all-kinds/sa-changes\n");
  cw_test_assert_contains (show, "Part 1 (2 marks): Which sampling method?\n");
  cw_test_assert_contains (show, "    2. Random or systematic across the whole year\n");
  cw_test_assert_contains (show, "Part 2 (2 marks): How many changes?\n");
  g_assert_null (strstr (show, "Model"));
  g_autofree char *model
      = cw_test_cli_ok (ARGS ("exercise", "show", path, "all-kinds/sa-changes", "--model"));
  cw_test_assert_contains (model, "    Model: 2. Random or systematic across the whole year\n");
  cw_test_assert_contains (model, "    Model: 20–40\n");
  cw_test_assert_contains (model, "Explanation: ");
  g_autofree char *extract = cw_test_cli_ok (ARGS ("exercise", "show", path, "wc-change"));
  cw_test_assert_contains (extract, "Extract (Record, Change record CHG-2211): Emergency change");
  g_autofree char *rubric
      = cw_test_cli_ok (ARGS ("exercise", "show", path, "lg-programme", "--model"));
  cw_test_assert_contains (rubric, "    Rubric 4. Reports results to management\n");
  cw_test_cli_error (ARGS ("exercise", "show", path, "nothing"), CLI_BAD_INPUT,
                     "No pack has an exercise “nothing”");
  cw_test_cli_error (ARGS ("exercise", "show", path), CLI_USAGE, NULL);
}

/* The total line of `exercise answer`: "total S P A/AP S/SP". */
static GStrv
answer_total (const char *path, const char *exercise, const char *const *options)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add_many (builder, "exercise", "answer", path, exercise, "--trainee", "Ada", NULL);
  g_strv_builder_addv (builder, (const char **)options);
  g_auto (GStrv) args = g_strv_builder_end (builder);
  g_autofree char *out = cw_test_cli_ok ((const char *const *)args);
  g_auto (GStrv) lines = cw_test_output_lines (out);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "total\t"))
      return g_strsplit (lines[i], "\t", -1);
  g_error ("no total in:\n%s", out);
}

/* The right order of sq-audit as numbered on screen, from --model. */
static char *
model_order (const char *path)
{
  g_autofree char *out = cw_test_cli_ok (ARGS ("exercise", "show", path, "sq-audit", "--model"));
  const char *at = strstr (out, "    Model: ");
  g_assert_nonnull (at);
  at += strlen ("    Model: ");
  g_autofree char *line = g_strndup (at, strcspn (at, "\n"));
  g_auto (GStrv) numbers = g_strsplit (line, ", ", -1);
  return g_strjoinv (",", numbers);
}

#define REQ                                                                                        \
  "Clause 8.5.1.3 requires emergency changes to be reviewed after they are deployed, and the "     \
  "organisation's procedure CHG-PRO-02 section 4 sets a limit of five working days for that "      \
  "review."
#define EVI                                                                                        \
  "Of the 12 emergency changes closed between 1 March and 31 May, 3 (CHG-2211, CHG-2240, "         \
  "CHG-2302) had no post-implementation review recorded in the change tool on 14 June."
#define STM                                                                                        \
  "Emergency changes are not consistently reviewed after deployment as the procedure requires."

/* One exercise of each kind answered right from the command line scores
 * its marks; a wrong answer scores less; the split is printed. */
static void
test_exercise_answer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  g_autofree char *order = model_order (path);
  struct
  {
    const char *exercise;
    const char *const *right;
    const char *full;
    const char *split;
    const char *const *wrong;
    const char *less;
  } cases[] = {
    { "wc-change", ARGS ("--clause", "8.5.1.3"), "2", "2/2", ARGS ("--clause", "8.5.1"), "1" },
    { "gr-capacity", ARGS ("--grade", "minor", "--text", "One late review.", "--met", "1,2"), "4",
      "2/2", ARGS ("--grade", "major", "--text", "One late review.", "--met", "1"), "1" },
    { "st-emergency",
      ARGS ("--grade", "minor", "--requirement", REQ, "--evidence", EVI, "--statement", STM,
            "--met", "1,2,3"),
      "6", "3/3",
      ARGS ("--grade", "minor", "--requirement", REQ, "--evidence", EVI, "--statement",
            "They should review changes.", "--met", "1"),
      NULL },
    { "fn-desk", ARGS ("--choose", "1,3"), "4", "4/4", ARGS ("--choose", "1,2"), "0" },
    { "so-documents", ARGS ("--choose", "2", "--choose", "4"), "3", "3/3", ARGS ("--choose", "2"),
      "1.5" },
    { "sa-changes", ARGS ("--choose", "2", "--number", "25"), "4", "4/4",
      ARGS ("--choose", "2", "--number", "400"), "2" },
    { "ac-backup", ARGS ("--choose", "2", "--choose", "2", "--text", "Alerts.", "--met", "1,2"),
      "6", "4/4", ARGS ("--choose", "1", "--choose", "2", "--text", "Alerts.", "--met", "1"), "3" },
    { "as-priorities", ARGS ("--choose", "2", "--text", "Sample records.", "--met", "1,2,3"), "4",
      "1/1", ARGS ("--choose", "1"), "0" },
    { "as-suppliers",
      ARGS ("--choose", "1", "--grade", "major", "--requirement",
            "Clause 8.3.4.1 requires the performance of external suppliers to be monitored at "
            "planned intervals; the supplier management procedure SUP-PRO-01 sets a quarterly "
            "review.",
            "--evidence",
            "None of the 4 external suppliers listed in the supplier register SUP-REG v3 had a "
            "performance review recorded for 2025 or 2026; the review folder held no file dated "
            "after 10 January 2024.",
            "--statement",
            "The organisation has not monitored the performance of any external supplier for "
            "more than two years, so the supplier management process has broken down.",
            "--met", "1,2,3"),
      "6", "3.5/3.5", ARGS ("--choose", "2"), "0" },
    { "mc-principle", ARGS ("--choose", "2"), "1", "1/1", ARGS ("--choose", "3"), "0" },
    { "mr-records", ARGS ("--choose", "1,2,4"), "3", "3/3", ARGS ("--choose", "1,3"), "0" },
    { "sq-audit", ARGS ("--order", order), "4", "4/4", NULL, NULL },
    { "sh-objective", ARGS ("--text", "Measurable and tied to the policy.", "--met", "1,2"), "2",
      "0/0", ARGS ("--text", "Measurable.", "--met", "1"), "1" },
    { "lg-programme", ARGS ("--text", "Risk-based, independent.", "--met", "1,2,3,4"), "8", "0/0",
      ARGS ("--met", "1,2,3,4"), "0" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].exercise);
      g_auto (GStrv) right = answer_total (path, cases[i].exercise, cases[i].right);
      g_assert_cmpstr (right[1], ==, cases[i].full);
      g_assert_cmpstr (right[2], ==, cases[i].full);
      g_assert_cmpstr (right[3], ==, cases[i].split);
      if (cases[i].wrong == NULL)
        continue;
      g_auto (GStrv) wrong = answer_total (path, cases[i].exercise, cases[i].wrong);
      g_assert_cmpfloat (g_ascii_strtod (wrong[1], NULL), <, g_ascii_strtod (right[1], NULL));
      if (cases[i].less != NULL)
        g_assert_cmpstr (wrong[1], ==, cases[i].less);
    }
  /* A wrong order scores less. */
  g_auto (GStrv) reversed = answer_total (path, "sq-audit", ARGS ("--order", "5,4,3,2,1"));
  g_assert_cmpfloat (g_ascii_strtod (reversed[1], NULL), <, 4);

  /* The statement's hints and the model come with the score. */
  g_autofree char *out = cw_test_cli_ok (
      ARGS ("exercise", "answer", path, "st-emergency", "--trainee", "Ada", "--grade", "minor",
            "--requirement", "Changes are reviewed.", "--evidence", EVI, "--statement", STM));
  g_auto (GStrv) lines = cw_test_output_lines (out);
  g_assert_true (g_str_has_prefix (lines[0], "part\t1\tstatement\t"));
  g_assert_true (g_str_has_suffix (lines[0], "\t6\thalf checked by the app, half self-assessed"));
  g_assert_true (g_str_has_prefix (lines[1], "hint\tno-reference\t"));
  cw_test_assert_contains (out, "\nmodel\tA minor nonconformity against 8.5.1.3");
  cw_test_assert_contains (out, "\nexplanation\t");

  /* Each stored: 14 right, 12 wrong, the reversed order and this one. */
  g_autofree char *progress = cw_test_cli_ok (ARGS ("progress", path, "--trainee", "Ada"));
  cw_test_assert_contains (progress, "\tkind\tsequencing\t2\t");
}

static void
test_exercise_answer_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  /* Written answers are kept, so make one first: refusals must add none. */
  g_autofree char *first = cw_test_cli_ok (
      ARGS ("exercise", "answer", path, "mc-principle", "--trainee", "Ada", "--choose", "2"));
  struct
  {
    const char *const *args;
    int status;
    const char *mention;
  } cases[] = {
    { ARGS ("exercise", "answer", path, "mc-principle", "--choose", "2"), CLI_USAGE,
      "--trainee is required" },
    { ARGS ("exercise", "answer", path, "mc-principle", "--trainee", "Ada", "--choose", "5"),
      CLI_BAD_INPUT, "option 5 is not one of the 4 options" },
    { ARGS ("exercise", "answer", path, "mc-principle", "--trainee", "Ada", "--choose", "1",
            "--choose", "2"),
      CLI_BAD_INPUT, "has 1 one-answer question" },
    { ARGS ("exercise", "answer", path, "mc-principle", "--trainee", "Ada", "--choose", "x"),
      CLI_BAD_INPUT, "--choose: “x” is not a number" },
    { ARGS ("exercise", "answer", path, "mc-principle", "--trainee", "Ada", "--clause", "9.3"),
      CLI_BAD_INPUT, "no part that --clause answers" },
    { ARGS ("exercise", "answer", path, "gr-capacity", "--trainee", "Ada", "--grade", "awful"),
      CLI_BAD_INPUT, "is not a grade" },
    { ARGS ("exercise", "answer", path, "sa-changes", "--trainee", "Ada", "--number", "ten"),
      CLI_BAD_INPUT, "is not a whole number" },
    { ARGS ("exercise", "answer", path, "sq-audit", "--trainee", "Ada", "--order", "1,2"),
      CLI_BAD_INPUT, "put all 5 steps in order" },
    { ARGS ("exercise", "answer", path, "sq-audit", "--trainee", "Ada", "--order", "1,1,2,3,4"),
      CLI_BAD_INPUT, "placed twice" },
    { ARGS ("exercise", "answer", path, "lg-programme", "--trainee", "Ada", "--met", "9"),
      CLI_BAD_INPUT, "--met: “9” is not a number from 1 to 4" },
    { ARGS ("exercise", "answer", path, "lg-programme", "--trainee", "", "--text", "x"),
      CLI_BAD_INPUT, "trainee's name" },
    { ARGS ("exercise", "answer", path, "st-emergency", "--trainee", "Ada", "--grade", "ofi",
            "--statement", "x"),
      CLI_BAD_INPUT, "minor or major" },
    { ARGS ("exercise", "answer", path, "nothing", "--trainee", "Ada"), CLI_BAD_INPUT, "nothing" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    refused_untouched (path, cases[i].args, cases[i].status, cases[i].mention);
}

static GStrv
exam_start (const char *path, const char *trainee, const char *seed, gint64 *attempt)
{
  g_autofree char *out = cw_test_cli_ok (
      ARGS ("exam", "start", path, "--trainee", trainee, "--pack", "all-kinds", "--seed", seed));
  GStrv lines = cw_test_output_lines (out);
  g_assert_true (g_ascii_string_to_signed (lines[0], 10, 1, G_MAXINT64, attempt, NULL));
  g_assert_true (g_str_has_prefix (lines[1], "deadline\t"));
  g_assert_true (g_str_has_suffix (lines[1], "Z"));
  g_autofree char *seed_line = g_strconcat ("seed\t", seed, NULL);
  g_assert_cmpstr (lines[2], ==, seed_line);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 9);
  return lines;
}

static void
test_exam (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  gint64 a, b;
  g_auto (GStrv) first = exam_start (path, "Ada", "42", &a);
  g_auto (GStrv) second = exam_start (path, "Bea", "42", &b);
  g_assert_cmpint (a, !=, b);
  /* The same seed draws the same exercises in the same order. */
  for (guint i = 3; first[i] != NULL; i++)
    g_assert_cmpstr (first[i], ==, second[i]);
  g_auto (GStrv) item = g_strsplit (first[3], "\t", -1);
  g_assert_cmpstr (item[0], ==, "1");
  g_assert_cmpstr (item[1], ==, "mc");
  g_assert_cmpstr (item[5], ==, "-");
  g_autofree char *attempt = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  const char *drawn = strchr (item[2], '/') + 1;

  /* An answer is stored and tells nothing of its score. */
  g_autofree char *stored
      = cw_test_cli_ok (ARGS ("exam", "answer", path, attempt, item[2], "--choose", "1"));
  g_assert_true (g_str_has_prefix (stored, "Answer to "));
  cw_test_assert_contains (stored, "scores are shown when the exam is finished");
  g_autofree char *show = cw_test_cli_ok (ARGS ("exam", "show", path, attempt));
  cw_test_assert_contains (show, "\tanswered\t");
  g_assert_null (strstr (show, "section\t"));
  /* Not in progress either while it runs. */
  g_autofree char *running = cw_test_cli_ok (ARGS ("progress", path, "--trainee", "Ada"));
  g_assert_cmpstr (running, ==, "");

  g_autofree char *not_drawn = NULL;
  g_autofree char *list = cw_test_cli_ok (ARGS ("exercise", "list", path));
  g_auto (GStrv) all = cw_test_output_lines (list);
  for (guint i = 0; all[i] != NULL && not_drawn == NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (all[i], "\t", -1);
      gboolean in_exam = FALSE;
      for (guint j = 3; first[j] != NULL; j++)
        in_exam = in_exam || strstr (first[j], fields[0]) != NULL;
      if (!in_exam)
        not_drawn = g_strdup (fields[0]);
    }
  refused_untouched (path, ARGS ("exam", "answer", path, attempt, not_drawn, "--choose", "1"),
                     CLI_BAD_INPUT, "is not in exam");
  refused_untouched (path, ARGS ("exam", "answer", path, "99", drawn, "--choose", "1"),
                     CLI_BAD_INPUT, "no attempt 99");
  refused_untouched (path, ARGS ("exam", "answer", path, "x", drawn), CLI_BAD_INPUT, NULL);
  refused_untouched (path, ARGS ("exam", "finish", path), CLI_USAGE, NULL);
  refused_untouched (path, ARGS ("exam", "start", path), CLI_USAGE, "--trainee is required");
  refused_untouched (path, ARGS ("exam", "start", path, "--trainee", "Ada", "--pack", "nope"),
                     CLI_BAD_INPUT, "no pack “nope”");

  /* Written answers: rubric items are confirmed after the finish, beside
   * the model, never while the exam runs. */
  refused_untouched (path,
                     ARGS ("exam", "answer", path, attempt, "gr-capacity", "--grade", "minor",
                           "--text", "One late review.", "--met", "1"),
                     CLI_BAD_INPUT, "confirmed after the finish");
  g_autofree char *graded
      = cw_test_cli_ok (ARGS ("exam", "answer", path, attempt, "gr-capacity", "--grade", "minor",
                              "--text", "One late review."));
  refused_untouched (path, ARGS ("exam", "confirm", path, attempt, "gr-capacity", "--met", "1,2"),
                     CLI_BAD_INPUT, "still running");

  g_autofree char *result = cw_test_cli_ok (ARGS ("exam", "finish", path, attempt));
  g_auto (GStrv) lines = cw_test_output_lines (result);
  const char *sections[] = { "mc", "short", "long", "situations" };
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpstr (fields[0], ==, "section");
      g_assert_cmpstr (fields[1], ==, sections[i]);
      g_assert_cmpstr (fields[7], ==, "fail");
    }
  g_assert_true (g_str_has_prefix (lines[4], "overall\t"));
  g_assert_true (g_str_has_suffix (lines[4], "\tfail\t70% overall, 50% in every section"));
  g_assert_true (g_str_has_prefix (lines[5], "weakest\t"));
  cw_test_assert_contains (result, "\nanswer\t1\tmc\t");
  cw_test_assert_contains (result, "(no answer)");
  g_autofree char *shown = cw_test_cli_ok (ARGS ("exam", "show", path, attempt));
  g_assert_cmpstr (shown, ==, result);
  refused_untouched (path, ARGS ("exam", "finish", path, attempt), CLI_BAD_INPUT, "finished at");
  refused_untouched (path, ARGS ("exam", "answer", path, attempt, drawn, "--choose", "1"),
                     CLI_BAD_INPUT, "is finished");
  g_autofree char *confirmed
      = cw_test_cli_ok (ARGS ("exam", "confirm", path, attempt, "gr-capacity", "--met", "1,2"));
  cw_test_assert_contains (confirmed,
                           "section\tshort\tShort written answers\t25\t4\t6\t66.67%\tpass\n");
  g_assert_null (strstr (result, "\t66.67%\t"));
  refused_untouched (path, ARGS ("exam", "confirm", path, attempt, "gr-capacity", "--met", "3"),
                     CLI_BAD_INPUT, "--met: “3” is not a number from 1 to 2");
  refused_untouched (path, ARGS ("exam", "confirm", path, attempt, "mc-principle", "--met", "1"),
                     CLI_BAD_INPUT, "scored by the app alone");
  refused_untouched (path, ARGS ("exam", "confirm", path, attempt, "gr-capacity"), CLI_USAGE,
                     "--met is required");

  g_autofree char *progress = cw_test_cli_ok (ARGS ("progress", path, "--trainee", "Ada"));
  g_auto (GStrv) rows = cw_test_output_lines (progress);
  g_assert_cmpuint (g_strv_length (rows), >=, 2);
  g_auto (GStrv) row = g_strsplit (rows[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (row), ==, 7);
  g_assert_cmpstr (row[1], ==, "kind");
  g_assert_true (g_str_has_suffix (row[6], "%"));
  g_autofree char *csv = cw_test_cli_ok (ARGS ("progress", path, "--trainee", "Ada", "--csv"));
  g_assert_true (g_str_has_prefix (csv, "day,by,key,answers,scored,possible,percent\r\n")
                 || g_str_has_prefix (csv, "day,by,key,answers,scored,possible,percent\n"));
  cw_test_cli_error (ARGS ("progress", path), CLI_USAGE, "--trainee is required");
  cw_test_cli_error (ARGS ("progress", path, "--trainee", "Nobody"), CLI_BAD_INPUT,
                     "No trainee “Nobody”");
}

/* A poppler or qpdf tool's output; the tools come with build-aux/setup-deps. */
static char *
tool (const char *const *argv)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_spawn (argv, &out, &err);
  if (status != 0)
    g_error ("%s exited %d: %s", argv[0], status, err);
  return out;
}

static void
test_report_exam (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = new_practice (&dir);
  gint64 id;
  g_auto (GStrv) drawn = exam_start (path, "Ada", "42", &id);
  g_autofree char *attempt = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *pdf = cw_test_path (dir, "exam.pdf");

  /* A running exam has no result to print. */
  refused_untouched (path, ARGS ("report", "exam", path, attempt, "-o", pdf), CLI_BAD_INPUT,
                     "still running");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_auto (GStrv) first = g_strsplit (drawn[3], "\t", -1);
  g_autofree char *answered
      = cw_test_cli_ok (ARGS ("exam", "answer", path, attempt, first[2], "--choose", "1,2"));
  g_autofree char *finished = cw_test_cli_ok (ARGS ("exam", "finish", path, attempt));
  g_autofree char *written = cw_test_cli_ok (ARGS ("report", "exam", path, attempt, "-o", pdf));
  g_assert_cmpstr (written, ==, "");

  g_autofree char *info = tool (ARGS ("pdfinfo", pdf));
  cw_test_assert_contains (info, "Tagged:          yes");
  cw_test_assert_contains (info, "Title:           Exam result of Ada");
  g_autofree char *check = tool (ARGS ("qpdf", "--check", pdf));
  cw_test_assert_contains (check, "No syntax or stream encoding errors found");
  g_autofree char *text = tool (ARGS ("pdftotext", pdf, "-"));
  cw_test_assert_contains (text, "Score by section");
  cw_test_assert_contains (text, "Weakest clauses");
  cw_test_assert_contains (text, "Answers beside the model answers");
  cw_test_assert_contains (text, "Records a certifier expects");
  cw_test_assert_contains (text, "1. Incident records; 2. Results of");
  cw_test_assert_contains (text, "(no answer)");
  cw_test_assert_contains (text, "Not");
  g_autofree char *tree = tool (ARGS ("pdfinfo", "-struct-text", pdf));
  cw_test_assert_contains (tree, "Table");
  cw_test_assert_contains (tree, "H1");

  /* Dated from the exam's finish: the same exam gives the same bytes. */
  g_autoptr (GBytes) once = cw_test_read (pdf);
  g_autofree char *again = cw_test_cli_ok (ARGS ("report", "exam", path, attempt, "-o", pdf));
  g_autoptr (GBytes) twice = cw_test_read (pdf);
  g_assert_true (g_bytes_equal (once, twice));

  /* Targets that can never hold a PDF, and a missing -o. */
  refused_untouched (path, ARGS ("report", "exam", path, attempt, "-o", dir), CLI_BAD_INPUT, NULL);
  refused_untouched (path, ARGS ("report", "exam", path, attempt, "-o", path), CLI_BAD_INPUT, NULL);
  refused_untouched (path, ARGS ("report", "exam", path, attempt), CLI_USAGE, "-o OUT.pdf");
  refused_untouched (path, ARGS ("report", "exam", path, "77", "-o", pdf), CLI_BAD_INPUT,
                     "no attempt 77");
  /* Nothing but the report is left in the folder. */
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".exam.pdf."));
}

/* Case audits are listed from the bundled pack or a pack file; a pack with
 * a broken case is refused with the case named. */
static void
test_case_list (void)
{
  g_autofree char *pack = data_pack ("case.xml");
  g_autofree char *listed = cw_test_cli_ok (ARGS ("case", "list", "--pack", pack));
  g_assert_cmpstr (listed, ==, "tiny-desk\t1\t2\t3\tTiny Desk Ltd: a two-person service desk\n");
  g_free (cw_test_cli_ok (ARGS ("case", "list")));

  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (pack, &text, NULL, NULL));
  g_autofree char *broken = cw_test_path (dir, "broken.xml");
  g_autoptr (GString) edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "cites=\"DP-1 INC-144\"", "cites=\"DP-1 INC-9\"", 1),
                    ==, 1);
  cw_test_write (broken, edited->str, edited->len);
  cw_test_cli_error (ARGS ("case", "list", "--pack", broken), 1, "INC-9");
}

/* A case audit on the command line: started into a workspace of its own,
 * its library read and records asked for, no debrief before the report is
 * issued, then the debrief in words and in CSV. */
static void
test_case_audit (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "desk.clausewise");
  cw_test_cli_error (ARGS ("case", "start", ws, "harbourside-desk"), 2, "--trainee");
  cw_test_cli_error (ARGS ("case", "start", ws, "no-such", "--trainee", "Sam"), 1, "case list");
  g_assert_false (g_file_test (ws, G_FILE_TEST_EXISTS));
  g_autofree char *started
    = cw_test_cli_ok (ARGS ("case", "start", ws, "harbourside-desk", "--trainee", "Sam Trainee"));
  cw_test_assert_contains (started, "as audit 1");
  cw_test_cli_error (ARGS ("case", "start", ws, "harbourside-desk", "--trainee", "Sam"), 1,
                     "already exists");

  g_autofree char *library
    = cw_test_cli_ok (ARGS ("case", "records", ws, "1", "--clause", "8.6.3"));
  cw_test_assert_contains (library, "Document hd-doc-incident");
  cw_test_assert_contains (library, "Population hd-pop-incidents");
  cw_test_assert_contains (library, "inc-26-0412 2026-02-19,");
  g_assert_null (strstr (library, "hd-doc-audit-prog"));
  cw_test_cli_error (ARGS ("case", "records", ws, "1", "--ask", "INC-26-0412,INC-0"), 1,
                     "INC-0");
  g_autofree char *handed
    = cw_test_cli_ok (ARGS ("case", "records", ws, "1", "--ask", "INC-26-0412, inc-26-0931"));
  cw_test_assert_contains (handed, "inc-26-0412\thd-pop-incidents\t2026-02-19\tP2, Saltmarsh");
  g_autofree char *marked = cw_test_cli_ok (ARGS ("case", "records", ws, "1", "--clause", "8.6"));
  cw_test_assert_contains (marked, "inc-26-0412 2026-02-19 *");

  cw_test_cli_error (ARGS ("case", "debrief", ws, "1"), 1, "issue the report first");
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", ws, "1", "8.6.3.q1", "major")));
  g_free (cw_test_cli_ok (
    ARGS ("finding", "new", ws, "1", "--question", "8.6.3.q1", "--grade", "major",
          "--requirement", "Procedure INC-PRO-01 v3.0 asks for a problem record for repeats.",
          "--evidence", "INC-26-0412 and INC-26-0931 repeat at one customer with no problem record.",
          "--statement", "Problems are not recorded for repeated incidents.", "--grade-reason",
          "No problem log at all")));
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  g_free (cw_test_cli_ok (ARGS ("audit", "meeting", ws, "1", "opening", "--date", day,
                                "--attendees", "Sam Trainee")));
  g_free (cw_test_cli_ok (ARGS ("audit", "meeting", ws, "1", "closing", "--date", day,
                                "--attendees", "Sam Trainee")));
  g_free (cw_test_cli_ok (ARGS ("audit", "issue", ws, "1")));
  cw_test_cli_error (ARGS ("case", "records", ws, "1", "--ask", "inc-26-1420"), 1,
                     "revise the report");

  g_autofree char *debrief = cw_test_cli_ok (ARGS ("case", "debrief", ws, "1"));
  cw_test_assert_contains (debrief, "for Sam Trainee, report version 1");
  cw_test_assert_contains (debrief, "Matched 1, graded differently 0, missed 13");
  cw_test_assert_contains (debrief, "Matched: model hd-f01, clause 8.6.3");
  cw_test_assert_contains (debrief, "Yours: NC-1, clause 8.6.3");
  cw_test_assert_contains (debrief, "You cited of these: inc-26-0412 inc-26-0931");
  g_autofree char *csv = cw_test_cli_ok (ARGS ("case", "debrief", ws, "1", "--csv"));
  cw_test_assert_contains (csv, "outcome,model,model_clause,model_grade,finding,clause,grade,");
  cw_test_assert_contains (csv, "matched,hd-f01,8.6.3,major,NC-1,8.6.3,major,");
  cw_test_assert_contains (csv, "missed,hd-f02,8.6.1,minor,,,,,,");
  cw_test_assert_contains (csv, "score,coverage,");
  g_free (cw_test_cli_ok (ARGS ("check", ws)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/practice/init", test_init);
  g_test_add_func ("/cli/practice/kept-apart", test_kept_apart);
  g_test_add_func ("/cli/practice/pack/validate", test_pack_validate);
  g_test_add_func ("/cli/practice/pack/import", test_pack_import);
  g_test_add_func ("/cli/practice/pack/hostile", test_pack_import_hostile);
  g_test_add_func ("/cli/practice/exercise/list-show", test_exercise_list_show);
  g_test_add_func ("/cli/practice/exercise/answer", test_exercise_answer);
  g_test_add_func ("/cli/practice/exercise/refusals", test_exercise_answer_refusals);
  g_test_add_func ("/cli/practice/exam", test_exam);
  g_test_add_func ("/cli/practice/report", test_report_exam);
  g_test_add_func ("/cli/practice/case-list", test_case_list);
  g_test_add_func ("/cli/practice/case-audit", test_case_audit);
  return g_test_run ();
}
