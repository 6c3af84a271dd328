/* test-cli.c: clausewise-cli as a script sees it: exit codes, one-line errors,
 * the line formats of its output, and CSV that survives a round trip. Every
 * case runs the real binary in a child process, so what is tested is exactly
 * what a shell script gets. */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <sys/wait.h>
#include <string.h>

#include "cw-csv.h"
#include "cw-text.h"
#include "cw-test-util.h"

static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = cw_csv_parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const char *const *
csv_row (GPtrArray *rows, guint i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static char *
new_workspace (const char *dir, const char *name)
{
  char *path = cw_test_path (dir, name);
  g_free (cw_test_cli_ok (ARGS ("init", path)));
  return path;
}

static char *
new_audit (const char *workspace, const char *title)
{
  char *out = cw_test_cli_ok (ARGS ("audit", "new", workspace, "--title", title));
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", out, 0, 0));
  out[strlen (out) - 1] = '\0';
  return out;
}

/* ---- Help and usage ---------------------------------------------------- */

static const char *const command_names[] = {
  "init",         "demo",        "catalogue",    "audit new", "audit list", "audit show",
  "audit answer", "finding new", "finding list", "search",    "check",
};

static void
test_help (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (command_names); i++)
    {
      g_auto (GStrv) words = g_strsplit (command_names[i], " ", -1);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_strv_builder_addv (builder, (const char **) words);
      g_strv_builder_add (builder, "--help");
      g_auto (GStrv) argv = g_strv_builder_end (builder);

      g_autofree char *out = cw_test_cli_ok ((const char *const *) argv);
      g_assert_true (g_str_has_prefix (out, "Usage:"));
      g_autofree char *usage = g_strdup_printf ("clausewise-cli %s ", command_names[i]);
      cw_test_assert_contains (out, usage);
    }

  /* The overview names every command. */
  g_autofree char *overview = cw_test_cli_ok (ARGS ("--help"));
  for (guint i = 0; i < G_N_ELEMENTS (command_names); i++)
    cw_test_assert_contains (overview, command_names[i]);

  /* Nothing to do is a usage error like any other: one line on stderr. */
  cw_test_cli_error (ARGS (NULL), CLI_USAGE, "--help");
  cw_test_cli_error (ARGS ("catalogue", "extra"), CLI_USAGE, "no arguments");

  cw_test_cli_error (ARGS ("frobnicate"), CLI_USAGE, "frobnicate");
  cw_test_cli_error (ARGS ("audit"), CLI_USAGE, "new, list, show, answer");
  cw_test_cli_error (ARGS ("audit", "frobnicate"), CLI_USAGE, "new, list, show, answer");
  cw_test_cli_error (ARGS ("finding"), CLI_USAGE, "new, list");
  cw_test_cli_error (ARGS ("catalogue", "--bogus"), CLI_USAGE, "--bogus");
  cw_test_cli_error (ARGS ("catalogue", "extra"), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("check"), CLI_USAGE, "WORKSPACE");
}

/* ---- Catalogue --------------------------------------------------------- */

static gboolean
is_clause_number (const char *text)
{
  return g_regex_match_simple ("^[1-9][0-9]?(\\.[1-9][0-9]?){0,3}$", text, 0, 0);
}

static void
test_catalogue (void)
{
  g_autofree char *plain = cw_test_cli_ok (ARGS ("catalogue"));
  g_auto (GStrv) lines = cw_test_output_lines (plain);
  guint n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 50);
  g_assert_cmpstr (lines[0], ==, "4\tContext of the organization");
  g_assert_true (g_strv_contains ((const char *const *) lines,
                                  "8.5.1.3\tChange management activities"));
  g_assert_cmpstr (lines[n - 1], ==, "10.2\tContinual improvement");

  g_autoptr (GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (is_clause_number (fields[0]));
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_true (g_hash_table_add (numbers, g_strdup (fields[0])));
    }

  g_autofree char *full = cw_test_cli_ok (ARGS ("catalogue", "--questions"));
  g_auto (GStrv) all = cw_test_output_lines (full);
  g_autoptr (GHashTable) question_ids
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GStrvBuilder) clause_lines = g_strv_builder_new ();
  const char *clause = NULL;
  guint clause_index = 0;
  guint n_questions_total = 0;
  gboolean saw_8_6_1_q1 = FALSE;
  /* Questions counted per clause line, in the order of the plain listing. */
  g_autoptr (GArray) per_clause = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; all[i] != NULL; i++)
    {
      if (!g_str_has_prefix (all[i], "  "))
        {
          g_strv_builder_add (clause_lines, all[i]);
          clause = all[i];
          clause_index = per_clause->len;
          guint zero = 0;
          g_array_append_val (per_clause, zero);
          continue;
        }
      g_assert_nonnull (clause);
      g_auto (GStrv) fields = g_strsplit (all[i] + 2, "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (fields[1], !=, "");
      /* A question belongs to the clause line above it. */
      g_autofree char *number = g_strndup (clause, strcspn (clause, "\t"));
      g_autofree char *prefix = g_strconcat (number, ".q", NULL);
      g_assert_true (g_str_has_prefix (fields[0], prefix));
      g_assert_true (g_hash_table_add (question_ids, g_strdup (fields[0])));
      if (g_str_equal (fields[0], "8.6.1.q1"))
        {
          g_assert_cmpstr (clause, ==, "8.6.1\tIncident management");
          g_assert_true (g_str_has_prefix (all[i - 1], "8.6.1\t"));
          saw_8_6_1_q1 = TRUE;
        }
      g_array_index (per_clause, guint, clause_index)++;
      n_questions_total++;
    }
  g_assert_true (saw_8_6_1_q1);

  /* The clause lines are the plain listing, unchanged and in order. */
  g_auto (GStrv) clauses_only = g_strv_builder_end (clause_lines);
  g_assert_true (g_strv_equal ((const char *const *) clauses_only, (const char *const *) lines));

  /* A leaf is a clause no following clause lies under; each needs questions
   * an auditor can ask. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strndup (lines[i], strcspn (lines[i], "\t"));
      g_autofree char *below = g_strconcat (number, ".", NULL);
      gboolean leaf = i + 1 == n || !g_str_has_prefix (lines[i + 1], below);
      if (leaf && g_array_index (per_clause, guint, i) < 3)
        g_error ("leaf clause %s has %u questions", number, g_array_index (per_clause, guint, i));
    }
  g_assert_cmpuint (n_questions_total, >, 3 * 20);
}

/* ---- Workspaces and audits --------------------------------------------- */

static void
test_init_and_audit (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "q3.clausewise");
  g_autofree char *created = cw_test_cli_ok (ARGS ("init", ws, "--organisation", "Acme Services"));
  g_assert_true (g_file_test (ws, G_FILE_TEST_IS_REGULAR));

  g_autofree char *id = cw_test_cli_ok (ARGS ("audit", "new", ws, "--title", "Q3 incidents",
                                         "--scope", "8.6, 9.2", "--lead", "Ann Auditor",
                                         "--start", "2026-03-02"));
  g_assert_cmpstr (id, ==, "1\n");

  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "show", ws, "1"));
  g_auto (GStrv) lines = cw_test_output_lines (shown);
  gboolean saw_scope = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Scope:"))
      {
        g_autofree char *value = g_strstrip (g_strdup (lines[i] + strlen ("Scope:")));
        g_assert_cmpstr (value, ==, "8.6, 9.2");
        saw_scope = TRUE;
      }
  g_assert_true (saw_scope);
  cw_test_assert_contains (shown, "Q3 incidents");
  cw_test_assert_contains (shown, "Ann Auditor");
  cw_test_assert_contains (shown, "2026-03-02");

  /* Inside the scope, sub-clauses included. */
  g_autofree char *answered = cw_test_cli_ok (ARGS ("audit", "answer", ws, "1", "8.6.1.q1",
                                               "conforming", "--note", "Saw INC-4411"));
  g_autofree char *answered_92 = cw_test_cli_ok (ARGS ("audit", "answer", ws, "1", "9.2.q1", "ofi"));
  g_autofree char *after = cw_test_cli_ok (ARGS ("audit", "show", ws, "1"));
  cw_test_assert_contains (after, "  8.6.1.q1\tconforming\tSaw INC-4411\n");
  cw_test_assert_contains (after, "  9.2.q1\tofi\t");

  /* Every result token scripts may pass is understood. */
  const char *results[] = { "not-assessed", "conforming", "observation", "ofi",
                            "minor",        "major",      "not-applicable" };
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *out = cw_test_cli_ok (ARGS ("audit", "answer", ws, "1", "8.6.1.q2",
                                              results[i]));
      g_assert_cmpstr (out, ==, "");
    }

  cw_test_cli_error (ARGS ("audit", "answer", ws, "1", "8.5.1.3.q1", "conforming"), CLI_BAD_INPUT,
                "outside the scope");
  cw_test_cli_error (ARGS ("audit", "answer", ws, "1", "8.6.1.q1", "great"), CLI_BAD_INPUT, "great");
  cw_test_cli_error (ARGS ("audit", "answer", ws, "1", "8.6.1.q99", "conforming"), CLI_BAD_INPUT,
                "8.6.1.q99");
  cw_test_cli_error (ARGS ("audit", "answer", ws, "7", "8.6.1.q1", "conforming"), CLI_BAD_INPUT,
                NULL);
  cw_test_cli_error (ARGS ("audit", "show", ws, "abc"), CLI_BAD_INPUT, "abc");
  cw_test_cli_error (ARGS ("audit", "show", ws, "0"), CLI_BAD_INPUT, NULL);
  cw_test_cli_error (ARGS ("audit", "show", ws, "999"), CLI_BAD_INPUT, "999");
  cw_test_cli_error (ARGS ("audit", "show", ws), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("audit", "answer", ws, "1", "8.6.1.q1"), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("audit", "list", ws, "surplus"), CLI_USAGE, NULL);
  cw_test_cli_error (ARGS ("audit", "new", ws), CLI_USAGE, "--title");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "   "), CLI_BAD_INPUT, NULL);
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "T", "--start", "2026-02-30"),
                CLI_BAD_INPUT, "2026-02-30");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "T", "--start", "14/03/2026"),
                CLI_BAD_INPUT, "14/03/2026");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "T", "--scope", "8.6,8.99"),
                CLI_BAD_INPUT, "8.99");
  cw_test_cli_error (ARGS ("audit", "new", ws, "--title", "T", "--start", "2026-03-10", "--end",
                      "2026-03-01"),
                CLI_BAD_INPUT, NULL);

  /* None of the refusals created an audit. */
  g_autofree char *list = cw_test_cli_ok (ARGS ("audit", "list", ws));
  g_auto (GStrv) audits = cw_test_output_lines (list);
  g_assert_cmpuint (g_strv_length (audits), ==, 1);
  g_assert_true (g_str_has_prefix (audits[0], "1\t"));

  /* init never overwrites: neither a workspace nor someone's other file. */
  g_autoptr (GBytes) before = cw_test_read (ws);
  cw_test_cli_error (ARGS ("init", ws), CLI_BAD_INPUT, "already exists");
  cw_test_assert_untouched (ws, before);

  g_autofree char *notes = cw_test_path (dir, "notes.txt");
  cw_test_write (notes, "keep me\n", 8);
  g_autoptr (GBytes) notes_before = cw_test_read (notes);
  cw_test_cli_error (ARGS ("init", notes), CLI_BAD_INPUT, NULL);
  cw_test_assert_untouched (notes, notes_before);

  g_autofree char *nowhere = g_build_filename (dir, "no-such-dir", "x.clausewise", NULL);
  cw_test_cli_error (ARGS ("init", nowhere), CLI_BAD_INPUT, NULL);
  cw_test_cli_error (ARGS ("audit", "list", nowhere), CLI_BAD_INPUT, NULL);
  g_autofree char *missing = cw_test_path (dir, "missing.clausewise");
  cw_test_cli_error (ARGS ("audit", "list", missing), CLI_BAD_INPUT, NULL);
  /* Reading a missing workspace must not create one. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ---- Findings ---------------------------------------------------------- */

static void
test_findings (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "f.clausewise");
  g_autofree char *changes
    = cw_test_cli_ok (ARGS ("audit", "new", ws, "--title", "Changes", "--scope", "8.5"));
  g_autofree char *incidents
    = cw_test_cli_ok (ARGS ("audit", "new", ws, "--title", "Incidents", "--scope", "8.6"));
  g_assert_cmpstr (changes, ==, "1\n");
  g_assert_cmpstr (incidents, ==, "2\n");

  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "major",
                      "--requirement", "Changes are assessed", "--evidence", "RFC-2291"),
                CLI_BAD_INPUT, "statement");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "minor",
                      "--requirement", "Changes are assessed", "--statement", "Not assessed"),
                CLI_BAD_INPUT, "evidence");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "minor",
                      "--requirement", "  ", "--evidence", "RFC-2291", "--statement", "No"),
                CLI_BAD_INPUT, "requirement");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "ofi"),
                CLI_BAD_INPUT, NULL);

  g_autofree char *major = cw_test_cli_ok (
    ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "major", "--requirement",
          "Changes are assessed before approval", "--evidence", "RFC-2291 had no assessment",
          "--statement", "An emergency change was approved without assessment"));
  g_assert_cmpstr (major, ==, "1\n");
  g_autofree char *ofi = cw_test_cli_ok (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3",
                                          "--grade", "ofi", "--evidence", "CAB minutes are late"));
  g_assert_cmpstr (ofi, ==, "2\n");
  g_autofree char *observation
    = cw_test_cli_ok (ARGS ("finding", "new", ws, "2", "--clause", "8.6.1", "--grade", "observation",
                       "--statement", "Priorities are set by hand"));
  g_assert_cmpstr (observation, ==, "3\n");

  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.99", "--grade", "ofi",
                      "--evidence", "x"),
                CLI_BAD_INPUT, "8.99");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.6.1", "--grade", "ofi",
                      "--evidence", "x"),
                CLI_BAD_INPUT, "outside the scope");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--clause", "8.5.1.3", "--grade", "severe",
                      "--evidence", "x"),
                CLI_BAD_INPUT, "severe");
  cw_test_cli_error (ARGS ("finding", "new", ws, "9", "--clause", "8.5.1.3", "--grade", "ofi",
                      "--evidence", "x"),
                CLI_BAD_INPUT, "9");
  cw_test_cli_error (ARGS ("finding", "new", ws, "one", "--clause", "8.5.1.3", "--grade", "ofi",
                      "--evidence", "x"),
                CLI_BAD_INPUT, "one");
  cw_test_cli_error (ARGS ("finding", "new", ws, "1", "--grade", "ofi", "--evidence", "x"),
                CLI_USAGE, "--clause");
  cw_test_cli_error (ARGS ("finding", "new", ws, "--clause", "8.5.1.3", "--grade", "ofi"), CLI_USAGE,
                NULL);

  /* id, audit, clause, grade, status, text: one line each. */
  g_autofree char *all = cw_test_cli_ok (ARGS ("finding", "list", ws));
  g_auto (GStrv) lines = cw_test_output_lines (all);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==,
                   "1\t1\t8.5.1.3\tmajor\topen\tAn emergency change was approved without "
                   "assessment");
  g_assert_true (g_str_has_prefix (lines[1], "2\t1\t8.5.1.3\tofi\topen\t"));
  g_assert_true (g_str_has_prefix (lines[2], "3\t2\t8.6.1\tobservation\topen\t"));

  g_autofree char *first = cw_test_cli_ok (ARGS ("finding", "list", ws, "--audit", "1"));
  g_auto (GStrv) first_lines = cw_test_output_lines (first);
  g_assert_cmpuint (g_strv_length (first_lines), ==, 2);
  for (guint i = 0; first_lines[i] != NULL; i++)
    g_assert_true (g_regex_match_simple ("^[0-9]+\t1\t", first_lines[i], 0, 0));
  g_autofree char *second = cw_test_cli_ok (ARGS ("finding", "list", ws, "--audit", "2"));
  g_auto (GStrv) second_lines = cw_test_output_lines (second);
  g_assert_cmpuint (g_strv_length (second_lines), ==, 1);
  g_assert_true (g_str_has_prefix (second_lines[0], "3\t2\t"));

  cw_test_cli_error (ARGS ("finding", "list", ws, "--audit", "999"), CLI_BAD_INPUT, "999");
  cw_test_cli_error (ARGS ("finding", "list", ws, "--audit", "abc"), CLI_BAD_INPUT, "abc");

  /* The audit's counts follow its findings. */
  g_autofree char *csv = cw_test_cli_ok (ARGS ("audit", "list", ws, "--csv"));
  g_autoptr (GPtrArray) rows = parse_csv (csv);
  const char *const *header = csv_row (rows, 0);
  const char *const *changes_row = csv_row (rows, 1);
  g_assert_cmpstr (header[9], ==, "major");
  g_assert_cmpstr (changes_row[9], ==, "1");
  g_assert_cmpstr (header[12], ==, "ofi");
  g_assert_cmpstr (changes_row[12], ==, "1");
}

/* ---- CSV --------------------------------------------------------------- */

static void
test_csv_round_trip (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "csv.clausewise");

  /* Everything a spreadsheet must not mangle: separators, quotes (also at the
   * start of a field), both line ends inside a field, and non-ASCII text. */
  const char *title = "Q3 \"change\" audit, Prüfung\nsecond line";
  const char *requirement = "ISO/IEC 20000-1, 8.5.1.3: changes are \"assessed\" first";
  const char *evidence = "\"RFC-2291\", RFC-2304\r\nboth emergency; Prüfung by CAB\n3 March";
  const char *statement = "Line one,\nline \"two\",,\"\"\nÄnderung ohne Bewertung";

  g_autofree char *audit = new_audit (ws, title);
  g_autofree char *id = cw_test_cli_ok (ARGS ("finding", "new", ws, audit, "--clause", "8.5.1.3",
                                         "--grade", "minor", "--requirement", requirement,
                                         "--evidence", evidence, "--statement", statement));
  g_assert_cmpstr (id, ==, "1\n");

  g_autofree char *findings = cw_test_cli_ok (ARGS ("finding", "list", ws, "--csv"));
  g_assert_true (g_str_has_prefix (findings, "id,audit,clause,grade,status,requirement,"
                                             "evidence,statement,created_at\r\n"));
  g_assert_true (g_str_has_suffix (findings, "\r\n"));
  g_autoptr (GPtrArray) rows = parse_csv (findings);
  g_assert_cmpuint (rows->len, ==, 2);
  const char *const *header = csv_row (rows, 0);
  const char *const *row = csv_row (rows, 1);
  g_assert_cmpuint (g_strv_length ((char **) row), ==, g_strv_length ((char **) header));
  g_assert_cmpstr (header[0], ==, "id");
  g_assert_cmpstr (row[0], ==, "1");
  g_assert_cmpstr (row[1], ==, audit);
  g_assert_cmpstr (row[2], ==, "8.5.1.3");
  g_assert_cmpstr (row[3], ==, "minor");
  g_assert_cmpstr (row[4], ==, "open");
  g_assert_cmpstr (row[5], ==, requirement);
  g_assert_cmpstr (row[6], ==, evidence);
  g_assert_cmpstr (row[7], ==, statement);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT", row[8], 0, 0));

  g_autofree char *audits = cw_test_cli_ok (ARGS ("audit", "list", ws, "--csv"));
  g_assert_true (g_str_has_prefix (audits, "id,title,status,"));
  g_assert_true (g_str_has_suffix (audits, "\r\n"));
  g_autoptr (GPtrArray) audit_rows = parse_csv (audits);
  g_assert_cmpuint (audit_rows->len, ==, 2);
  const char *const *audit_header = csv_row (audit_rows, 0);
  const char *const *audit_row = csv_row (audit_rows, 1);
  g_assert_cmpuint (g_strv_length ((char **) audit_row), ==,
                    g_strv_length ((char **) audit_header));
  g_assert_cmpstr (audit_header[0], ==, "id");
  g_assert_cmpstr (audit_header[1], ==, "title");
  g_assert_cmpstr (audit_row[0], ==, audit);
  g_assert_cmpstr (audit_row[1], ==, title);
  g_assert_cmpstr (audit_row[2], ==, "planned");

  /* With nothing to list, the header still comes, alone. */
  g_autofree char *empty_dir_ws = new_workspace (dir, "empty.clausewise");
  g_autofree char *none = cw_test_cli_ok (ARGS ("finding", "list", empty_dir_ws, "--csv"));
  g_assert_cmpstr (none, ==,
                   "id,audit,clause,grade,status,requirement,evidence,statement,created_at\r\n");
  g_autofree char *no_audits = cw_test_cli_ok (ARGS ("audit", "list", empty_dir_ws, "--csv"));
  g_autoptr (GPtrArray) no_audit_rows = parse_csv (no_audits);
  g_assert_cmpuint (no_audit_rows->len, ==, 1);
}

/* ---- Search ------------------------------------------------------------ */

static void
test_search (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "s.clausewise");
  g_autofree char *audit = new_audit (ws, "Search audit");
  g_autofree char *id_line = cw_test_cli_ok (
    ARGS ("finding", "new", ws, audit, "--clause", "8.6.1", "--grade", "observation",
          "--evidence", "Ticket INC-77 was parked by Quetzalcoatl\nfor nine days"));
  g_autofree char *id = g_strndup (id_line, strlen (id_line) - 1);

  g_autofree char *out = cw_test_cli_ok (ARGS ("search", ws, "quetzalcoatl"));
  g_auto (GStrv) lines = cw_test_output_lines (out);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_autofree char *prefix = g_strdup_printf ("finding\t%s\t%s\t", id, audit);
  g_assert_true (g_str_has_prefix (lines[0], prefix));
  cw_test_assert_contains (lines[0], "Quetzalcoatl");
  /* Four tab-separated fields, whatever the text held. */
  g_auto (GStrv) fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);

  /* Answer notes are found too, under their audit. */
  g_autofree char *answered = cw_test_cli_ok (ARGS ("audit", "answer", ws, audit, "8.6.1.q2",
                                               "minor", "--note", "Review by Tlaloc missing"));
  g_autofree char *note_hits = cw_test_cli_ok (ARGS ("search", ws, "Tlaloc"));
  g_auto (GStrv) note_lines = cw_test_output_lines (note_hits);
  g_assert_cmpuint (g_strv_length (note_lines), ==, 1);
  g_assert_true (g_str_has_prefix (note_lines[0], "answer\t"));
  g_auto (GStrv) note_fields = g_strsplit (note_lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (note_fields), ==, 4);
  g_assert_cmpstr (note_fields[2], ==, audit);

  /* What people type is text, never query syntax. */
  const char *odd[] = { "\"unbalanced", "AND", "*", "OR NOT", "NEAR(", "evidence:x", "x -y",
                        "INC-77", "(", "^", "\"\"" };
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *hits = cw_test_cli_ok (ARGS ("search", ws, odd[i]));
      g_auto (GStrv) hit_lines = cw_test_output_lines (hits);
      for (guint j = 0; hit_lines[j] != NULL; j++)
        g_assert_true (g_regex_match_simple ("^(finding|answer|evidence)\t\\d+\t\\d+\t",
                                             hit_lines[j], 0, 0));
    }
  g_autofree char *ticket = cw_test_cli_ok (ARGS ("search", ws, "INC-77"));
  cw_test_assert_contains (ticket, prefix);

  g_autofree char *nothing = cw_test_cli_ok (ARGS ("search", ws, "xylophone"));
  g_assert_cmpstr (nothing, ==, "");
  g_autofree char *blank = cw_test_cli_ok (ARGS ("search", ws, ""));
  g_assert_cmpstr (blank, ==, "");
  cw_test_cli_error (ARGS ("search", ws), CLI_USAGE, NULL);
}

/* ---- Check ------------------------------------------------------------- */

static void
test_check (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "c.clausewise");
  g_autofree char *audit = new_audit (ws, "Checked");
  g_autofree char *finding
    = cw_test_cli_ok (ARGS ("finding", "new", ws, audit, "--clause", "9.2", "--grade", "ofi",
                       "--evidence", "Programme not risk based"));
  g_autofree char *sound = cw_test_cli_ok (ARGS ("check", ws));
  g_assert_cmpstr (sound, !=, "");

  g_autofree char *text = cw_test_path (dir, "readme.txt");
  cw_test_write (text, "not a workspace\n", 16);
  g_autoptr (GBytes) before = cw_test_read (text);
  cw_test_cli_error (ARGS ("check", text), CLI_BAD_INPUT, NULL);
  cw_test_assert_untouched (text, before);

  /* An older workspace is checked as it is: not upgraded, not touched. */
  g_autofree char *old = cw_test_path (dir, "old.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (old, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_free (cw_test_cli_ok (ARGS ("check", old)));
  cw_test_assert_untouched (old, fixture);
  g_autofree char *backup = g_strconcat (old, ".schema-1.bak", NULL);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  cw_test_sql (ws, "DROP TRIGGER history_no_update; UPDATE history SET who = 'x' WHERE id = 2");
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("check", ws), &out, &err), ==, CLI_BAD_INPUT);
  cw_test_assert_error_line (err);
  /* Both the missing guard and the altered entry are named, one a line. */
  g_auto (GStrv) problems = cw_test_output_lines (out);
  g_assert_cmpuint (g_strv_length (problems), >=, 2);
  cw_test_assert_contains (out, "history_no_update");
  cw_test_assert_contains (out, "History entry 2");
}

/* ---- Demo -------------------------------------------------------------- */

/* The catalogue's questions, leaving out those of `except` (NULL: none). */
static guint
count_questions (const char *except)
{
  g_autofree char *full = cw_test_cli_ok (ARGS ("catalogue", "--questions"));
  g_auto (GStrv) lines = cw_test_output_lines (full);
  g_autofree char *prefix = g_strdup_printf ("  %s.q", except ? except : "");
  guint n = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], "  ")
         && (except == NULL || !g_str_has_prefix (lines[i], prefix));
  return n;
}

static void
test_demo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "demo.clausewise");
  g_autofree char *created = cw_test_cli_ok (ARGS ("demo", ws));

  g_autofree char *list = cw_test_cli_ok (ARGS ("audit", "list", ws));
  g_auto (GStrv) lines = cw_test_output_lines (list);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  g_autofree char *csv = cw_test_cli_ok (ARGS ("audit", "list", ws, "--csv"));
  g_autoptr (GPtrArray) rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  const char *const *header = csv_row (rows, 0);
  g_assert_cmpstr (header[2], ==, "status");
  g_assert_cmpstr (header[8], ==, "questions");
  guint n_reported = 0, n_in_progress = 0;
  g_autofree char *all_but_one = g_strdup_printf ("%u", count_questions ("8.4.1"));
  g_assert_cmpuint (count_questions ("8.4.1"), <, count_questions (NULL));
  for (guint i = 1; i < rows->len; i++)
    {
      const char *const *row = csv_row (rows, i);
      if (g_str_equal (row[2], "reported"))
        {
          /* The reported audit covers the whole catalogue but 8.4.1,
           * which the demo's programme shows overdue. */
          g_assert_cmpstr (row[8], ==, all_but_one);
          n_reported++;
        }
      n_in_progress += g_str_equal (row[2], "in-progress");
    }
  g_assert_cmpuint (n_reported, ==, 1);
  g_assert_cmpuint (n_in_progress, ==, 1);

  g_autofree char *findings = cw_test_cli_ok (ARGS ("finding", "list", ws));
  g_auto (GStrv) finding_lines = cw_test_output_lines (findings);
  g_assert_cmpuint (g_strv_length (finding_lines), >=, 12);
  for (guint i = 0; finding_lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (finding_lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
    }

  g_autofree char *checked = cw_test_cli_ok (ARGS ("check", ws));

  g_autoptr (GBytes) before = cw_test_read (ws);
  cw_test_cli_error (ARGS ("demo", ws), CLI_BAD_INPUT, "already exists");
  cw_test_assert_untouched (ws, before);
}

/* ---- Files that are not ours ------------------------------------------- */

static void
expect_refused (const char *path)
{
  g_autoptr (GBytes) before = cw_test_read (path);
  const char *const *commands[] = {
    ARGS ("audit", "list", path),
    ARGS ("audit", "list", path, "--csv"),
    ARGS ("audit", "show", path, "1"),
    ARGS ("audit", "new", path, "--title", "T"),
    ARGS ("audit", "answer", path, "1", "8.6.1.q1", "conforming"),
    ARGS ("finding", "new", path, "1", "--clause", "8.6.1", "--grade", "ofi", "--evidence", "e"),
    ARGS ("finding", "list", path),
    ARGS ("search", path, "change"),
    ARGS ("check", path),
  };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      cw_test_cli_error (commands[i], CLI_BAD_INPUT, NULL);
      cw_test_assert_untouched (path, before);
    }
}

static void
test_refusals (void)
{
  g_autofree char *dir = cw_test_make_dir ();

  g_autofree char *text = cw_test_path (dir, "minutes.clausewise");
  const char *minutes = "Minutes of the CAB, 3 March\n";
  cw_test_write (text, minutes, strlen (minutes));
  expect_refused (text);

  /* SQLite, but another program's. */
  g_autofree char *foreign = cw_test_path (dir, "other.db");
  cw_test_sql (foreign, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
                        "INSERT INTO accounts (name) VALUES ('x')");
  expect_refused (foreign);

  g_autofree char *newer = new_workspace (dir, "newer.clausewise");
  cw_test_sql (newer, "PRAGMA user_version = 99");
  expect_refused (newer);
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("audit", "list", newer), &out, &err), ==, CLI_BAD_INPUT);
  cw_test_assert_contains (err, "newer");

  g_autofree char *empty = cw_test_path (dir, "empty.clausewise");
  cw_test_write (empty, "", 0);
  expect_refused (empty);
}

/* ---- Arguments that look like options --------------------------------- */

/* "--" ends the options, as everywhere on the command line: after it, a
 * query or path starting with "-" is taken as it is. */
static void
test_double_dash (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "dash.clausewise");
  g_autofree char *audit = new_audit (ws, "Dashes");
  g_autofree char *id_line
    = cw_test_cli_ok (ARGS ("finding", "new", ws, audit, "--clause", "8.6.1", "--grade", "ofi",
                       "--evidence", "Ticket INC-77 was parked"));
  g_autofree char *id = g_strndup (id_line, strlen (id_line) - 1);
  g_autofree char *prefix = g_strdup_printf ("finding\t%s\t%s\t", id, audit);

  g_autofree char *plain = cw_test_cli_ok (ARGS ("search", "--", ws, "parked"));
  cw_test_assert_contains (plain, prefix);
  cw_test_cli_error (ARGS ("search", ws, "-77"), CLI_USAGE, "-77");
  g_autofree char *dashed = cw_test_cli_ok (ARGS ("search", ws, "--", "-77"));
  cw_test_assert_contains (dashed, prefix);
}

/* ---- Text output ------------------------------------------------------- */

/* Scripts read the plain listings a line at a time, so text people typed
 * must not break a record across lines or add columns. */
static void
test_list_lines (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = new_workspace (dir, "lines.clausewise");
  g_autofree char *audit = new_audit (ws, "Two\nlines\tand a tab");
  g_autofree char *finding
    = cw_test_cli_ok (ARGS ("finding", "new", ws, audit, "--clause", "8.6.1", "--grade", "ofi",
                       "--evidence", "Two\nlines\tand a tab"));

  g_autofree char *findings = cw_test_cli_ok (ARGS ("finding", "list", ws));
  g_auto (GStrv) finding_lines = cw_test_output_lines (findings);
  g_assert_cmpuint (g_strv_length (finding_lines), ==, 1);
  g_auto (GStrv) finding_fields = g_strsplit (finding_lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (finding_fields), ==, 6);

  g_autofree char *audits = cw_test_cli_ok (ARGS ("audit", "list", ws));
  g_auto (GStrv) audit_lines = cw_test_output_lines (audits);
  g_assert_cmpuint (g_strv_length (audit_lines), ==, 1);
  g_auto (GStrv) audit_fields = g_strsplit (audit_lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (audit_fields), ==, 6);
}


/* ---- Text people give ---------------------------------------------------- */

/* Invalid UTF-8, control characters and oversized texts are refused with
 * exit 1 naming the field, and nothing is written. */
static void
test_input_limits (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "limits.clausewise");
  g_autofree char *audit = new_audit (path, "Limits");
  g_free (cw_test_cli_ok (ARGS ("review", "new", path, "--date", "2026-01-10")));
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");

  cw_test_cli_error (ARGS ("audit", "answer", path, audit, "8.6.1.q1", "minor", "--note",
                           "bad \xff byte"),
                     CLI_BAD_INPUT, "--note is not valid UTF-8");
  cw_test_cli_error (ARGS ("audit", "answer", path, audit, "8.6.1.q1", "minor",
                           "--note=bad \xff byte"),
                     CLI_BAD_INPUT, "--note is not valid UTF-8");
  cw_test_cli_error (ARGS ("review", "note", path, "1", "complaints", "x\xfey"), CLI_BAD_INPUT,
                     "the notes is not valid UTF-8");
  cw_test_cli_error (ARGS ("audit", "new", path, "--title", "clear \x1b[2J"), CLI_BAD_INPUT,
                     "control character");
  g_autofree char *long_note = g_strnfill (CW_TEXT_LONG_MAX + 1, 'x');
  cw_test_cli_error (ARGS ("audit", "answer", path, audit, "8.6.1.q1", "minor", "--note",
                           long_note),
                     CLI_BAD_INPUT, "at most 20000");
  cw_test_cli_error (ARGS ("search", path, "\xff"), CLI_BAD_INPUT, "the search");
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);

  /* The longest note allowed is kept whole. */
  g_autofree char *longest = g_strnfill (CW_TEXT_LONG_MAX, 'y');
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", path, audit, "8.6.1.q1", "minor", "--note",
                                longest)));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT length (note) FROM answer"), ==,
                   CW_TEXT_LONG_MAX);
}

/* A file written before input was checked may hold anything: it is shown
 * escaped and as valid UTF-8 (cw_test_spawn asserts that), and its reports
 * are still written. */
static void
test_stored_controls_printed_safely (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "old.clausewise");
  g_autofree char *audit = new_audit (path, "Old data");
  g_free (cw_test_cli_ok (ARGS ("audit", "answer", path, audit, "8.6.1.q1", "minor", "--note",
                                "placeholder")));
  g_free (cw_test_cli_ok (ARGS ("review", "new", path, "--date", "2026-01-10")));
  cw_test_sql (path, "UPDATE answer SET note = 'RFC \x1b[2J' || char (7) || ' ' || CAST (x'ff'"
                     " AS TEXT);"
                     "UPDATE review_entry SET notes = 'minutes ' || CAST (x'c3' AS TEXT)"
                     " WHERE input = (SELECT min (input) FROM review_entry)");
  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "show", path, audit));
  cw_test_assert_contains (shown, "RFC \\x1B[2J\\x07 \xef\xbf\xbd");
  g_assert_null (strchr (shown, 0x1b));
  g_autofree char *pdf = cw_test_path (dir, "minutes.pdf");
  g_free (cw_test_cli_ok (ARGS ("report", "review", path, "1", "-o", pdf)));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* The app started where its settings schema is not installed (from the
 * build tree, or a broken install) says so in one line and exits 1,
 * before it needs a display; GSettings alone would abort it. */
static void
test_app_without_schema (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_auto (GStrv) env = g_get_environ ();
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_DIRS", dir, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  const char *argv[] = { APP_PATH, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  cw_test_assert_contains (err, "settings schema io.github.clausewise.Clausewise is not installed");
  cw_test_assert_contains (err, "meson devenv");
  /* One line: the text, its newline, nothing after. */
  g_auto (GStrv) lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
}

int
main (int argc, char **argv)
{
  /* So that failure messages show the CLI's UTF-8 text as it is. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/app-without-schema", test_app_without_schema);
  g_test_add_func ("/cli/catalogue", test_catalogue);
  g_test_add_func ("/cli/init-and-audit", test_init_and_audit);
  g_test_add_func ("/cli/findings", test_findings);
  g_test_add_func ("/cli/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/refusals", test_refusals);
  /* Last: they cover known weak spots, and a failed assertion ends the whole
   * run, which should hide no other test. */
  g_test_add_func ("/cli/double-dash", test_double_dash);
  g_test_add_func ("/cli/list-lines", test_list_lines);
  g_test_add_func ("/cli/input-limits", test_input_limits);
  g_test_add_func ("/cli/stored-controls-printed-safely", test_stored_controls_printed_safely);

  return g_test_run ();
}
