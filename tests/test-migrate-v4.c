/* test-migrate-v4.c: schema 4 brings an older workspace's copy of the
 * catalogue to catalogue 2 (6.2 and 7.5 split into their sub-clauses), and
 * the answers and evidence on the questions that moved follow them, with
 * their history, so that the file still checks out.
 *
 * tests/data/workspace-v3.clausewise was made by schema 3 before the split
 * (see tests/data/make-workspace-v3.c for how and what it holds). */
#include "config.h"

#include "cw-audit.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-history.h"
#include "cw-test-util.h"

#define UPGRADE_ACTOR "Clausewise (upgrade to schema 4)"

/* Where each question of catalogue 1's 6.2 and 7.5 went: the question each
 * one asks, read against the sub-clauses' titles. */
static const struct
{
  const char *from;
  const char *to;
} moved[] = {
  { "6.2.q1", "6.2.1.q1" }, { "6.2.q2", "6.2.2.q1" }, { "6.2.q3", "6.2.1.q2" },
  { "6.2.q4", "6.2.1.q3" }, { "7.5.q1", "7.5.2.q1" }, { "7.5.q2", "7.5.3.q1" },
  { "7.5.q3", "7.5.3.q2" }, { "7.5.q4", "7.5.3.q3" }, { "7.5.q5", "7.5.4.q1" },
};

static const char *
moved_to (const char *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    if (g_str_equal (moved[i].from, from))
      return moved[i].to;
  return NULL;
}

/* A copy of a fixture in a fresh directory. */
static char *
copy_fixture (const char *dir, const char *name)
{
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  char *path = cw_test_path (dir, name);
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  return path;
}

/* One row of the answer or evidence table, as the file holds it. */
static char *
row_of (const char *path, const char *table, gint64 id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM %s WHERE id = %" G_GINT64_FORMAT, g_str_equal (table, "answer")
      ? "json_array (uuid, audit, question, result, note, answered_at, answered_by)"
      : "json_array (uuid, audit, question, finding, kind, reference, description)",
    table, id);
  return cw_test_sql_text (path, sql);
}

static gint64
rev_of (const char *path, const char *table, gint64 id)
{
  g_autofree char *sql
    = g_strdup_printf ("SELECT rev FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  return cw_test_sql_int (path, sql);
}

/* Everything but the question id stays as it was, and the history says
 * what happened: one "question" entry by the upgrade, then the record's new
 * content. */
static void
assert_moved (const char *path, const char *backup, const char *table, gint64 id)
{
  g_autofree char *question_sql
    = g_strdup_printf ("SELECT question FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  g_autofree char *old_id = cw_test_sql_text (backup, question_sql);
  g_autofree char *new_id = cw_test_sql_text (path, question_sql);
  const char *expected = moved_to (old_id);
  if (expected == NULL)
    {
      g_assert_cmpstr (new_id, ==, old_id);
      g_autofree char *before = row_of (backup, table, id);
      g_autofree char *after = row_of (path, table, id);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (rev_of (path, table, id), ==, rev_of (backup, table, id));
      return;
    }
  g_assert_cmpstr (new_id, ==, expected);
  g_autofree char *before = row_of (backup, table, id);
  g_autofree char *after = row_of (path, table, id);
  g_autofree char *quoted_old = g_strdup_printf ("\"%s\"", old_id);
  g_autofree char *quoted_new = g_strdup_printf ("\"%s\"", new_id);
  g_autoptr (GString) restored = g_string_new (after);
  g_string_replace (restored, quoted_new, quoted_old, 1);
  g_assert_cmpstr (restored->str, ==, before);
  g_assert_cmpint (rev_of (path, table, id), ==, rev_of (backup, table, id) + 1);

  g_autofree char *entry_sql = g_strdup_printf (
    "SELECT count(*) FROM history WHERE entity = '%s' AND entity_id = %" G_GINT64_FORMAT
    " AND field = 'question' AND old_value = '%s' AND new_value = '%s' AND who = '"
    UPGRADE_ACTOR "'",
    table, id, old_id, new_id);
  g_assert_cmpint (cw_test_sql_int (path, entry_sql), ==, 1);
  g_autofree char *snapshot_sql = g_strdup_printf (
    "SELECT new_value FROM history WHERE entity = '%s' AND entity_id = %" G_GINT64_FORMAT
    " AND field = 'record' ORDER BY id DESC LIMIT 1",
    table, id);
  g_autofree char *snapshot = cw_test_sql_text (path, snapshot_sql);
  g_assert_nonnull (strstr (snapshot, quoted_new));
}

static void
assert_sound (CwWorkspace *workspace, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  g_ptr_array_add (problems, NULL);
  g_autofree char *all = g_strjoinv ("\n", (char **) problems->pdata);
  g_assert_cmpstr (all, ==, "");
  g_free (cw_test_cli_ok (ARGS ("check", path)));
}

/* The copy of the catalogue, as the file holds it: clauses, questions and
 * expected documented information in their order. */
static char *
catalogue_tables (const char *path)
{
  return cw_test_sql_text (
    path, "SELECT (SELECT group_concat (number || '|' || coalesce (parent, '') || '|' || position"
          " || '|' || title || '|' || guidance, char (10)) FROM (SELECT * FROM clause"
          " ORDER BY position)) || char (10) || (SELECT group_concat (id || '|' || clause || '|'"
          " || position || '|' || text, char (10)) FROM (SELECT * FROM question"
          " ORDER BY position)) || char (10) || (SELECT group_concat (clause || '|' || position"
          " || '|' || kind || '|' || text, char (10)) FROM (SELECT * FROM expected_information"
          " ORDER BY clause, position))");
}

/* A new workspace's copy is the built-in catalogue: an upgraded copy must
 * end up the same, row for row. */
static void
assert_catalogue_is_current (const char *dir, const char *path)
{
  g_autofree char *fresh = cw_test_path (dir, "fresh.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) created = cw_workspace_create (fresh, NULL, &error);
  g_assert_no_error (error);
  g_autofree char *expected = catalogue_tables (fresh);
  g_autofree char *actual = catalogue_tables (path);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM clause"), ==, 77);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT catalogue_version FROM workspace"), ==,
                   cw_test_sql_int (fresh, "SELECT catalogue_version FROM workspace"));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT catalogue_version FROM workspace"), ==, 2);
}

static void
test_v3 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = copy_fixture (dir, "workspace-v3.clausewise");
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   (gint64) cw_workspace_schema_version ());

  /* The backup beside it is the file as schema 3 left it. */
  g_autofree char *backup = g_strconcat (path, ".schema-3.bak", NULL);
  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (cw_test_sql_int (backup, "SELECT count(*) FROM answer WHERE question"
                                            " GLOB '6.2.q*' OR question GLOB '7.5.q*'"),
                   ==, 10);

  /* Every answer and evidence item: moved with its history, or untouched. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer"), ==, 12);
  for (gint64 id = 1; id <= 12; id++)
    assert_moved (path, backup, "answer", id);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM evidence"), ==, 3);
  for (gint64 id = 1; id <= 3; id++)
    assert_moved (path, backup, "evidence", id);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE field = 'question'"),
                   ==, 10 + 2);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM question WHERE id GLOB"
                                          " '6.2.q*' OR id GLOB '7.5.q*'"),
                   ==, 0);

  /* The reported audit's answer moved too, and the evidence kept its finding. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer WHERE audit = 2"
                                          " AND question = '7.5.3.q1'"
                                          " AND result = 'observation'"),
                   ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT finding FROM evidence WHERE id = 2"), ==, 1);

  /* Findings stay on the clause their auditor chose, untouched. */
  g_autofree char *findings_before = cw_test_sql_text (
    backup, "SELECT group_concat (clause || rev, ',') FROM (SELECT * FROM finding ORDER BY id)");
  g_autofree char *findings_after = cw_test_sql_text (
    path, "SELECT group_concat (clause || rev, ',') FROM (SELECT * FROM finding ORDER BY id)");
  g_assert_cmpstr (findings_after, ==, "6.21,7.51,10.11");
  g_assert_cmpstr (findings_after, ==, findings_before);
  g_autofree char *history_since_sql = g_strdup_printf (
    "SELECT count(*) FROM history WHERE id > %" G_GINT64_FORMAT
    " AND field <> 'record' AND entity NOT IN ('answer', 'evidence', 'workspace')",
    cw_test_sql_int (backup, "SELECT max (id) FROM history"));
  g_assert_cmpint (cw_test_sql_int (path, history_since_sql), ==, 0);

  /* The workspace record says which catalogue its copy is. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE entity ="
                                          " 'workspace' AND field = 'catalogue_version'"
                                          " AND old_value = '1' AND new_value = '2'"),
                   ==, 1);

  /* Scopes are as they were, and a parent's scope covers its new
   * sub-clauses: audit 1 was of 6.2, 7.5 and 10.1, audit 2 of 7. */
  g_autoptr (CwAudit) planning = cw_workspace_get_audit (workspace, 1, &error);
  g_autoptr (CwAudit) support = cw_workspace_get_audit (workspace, 2, &error);
  g_autoptr (CwAudit) incidents = cw_workspace_get_audit (workspace, 3, &error);
  g_assert_no_error (error);
  g_autofree char *scope = g_strjoinv (",", (char **) cw_audit_get_scope (planning));
  g_assert_cmpstr (scope, ==, "6.2,7.5,10.1");
  const char *sub_clauses[] = { "6.2.1", "6.2.2", "7.5.1", "7.5.2", "7.5.3", "7.5.4" };
  for (guint i = 0; i < G_N_ELEMENTS (sub_clauses); i++)
    {
      g_assert_true (cw_audit_covers (planning, sub_clauses[i]));
      g_assert_true (cw_audit_covers (support, sub_clauses[i]) == (sub_clauses[i][0] == '7'));
      g_assert_false (cw_audit_covers (incidents, sub_clauses[i]));
    }
  CwAuditProgress progress;
  g_assert_true (cw_workspace_get_audit_progress (workspace, planning, &progress, &error));
  g_assert_cmpuint (progress.answered, ==, 10);
  g_assert_cmpuint (progress.total, ==, 7 + 13 + 6);

  /* Answers read back in the new catalogue order, notes intact. */
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, 1, &error);
  g_assert_no_error (error);
  const char *order[] = { "6.2.1.q1", "6.2.1.q2", "6.2.1.q3", "6.2.2.q1", "7.5.2.q1",
                          "7.5.3.q1", "7.5.3.q2", "7.5.3.q3", "7.5.4.q1", "10.1.q1" };
  g_assert_cmpuint (answers->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < answers->len; i++)
    g_assert_cmpstr (((CwAnswer *) g_ptr_array_index (answers, i))->question, ==, order[i]);
  CwAnswer *unicode = g_ptr_array_index (answers, 5);
  g_assert_cmpstr (unicode->note, ==, "Intranet only; 変更管理 v4.");
  g_assert_cmpint (unicode->result, ==, CW_RESULT_CONFORMING);

  /* The audit's history tells the move. */
  g_autoptr (GPtrArray) history = cw_workspace_list_audit_history (workspace, 1, &error);
  g_assert_no_error (error);
  gboolean told = FALSE;
  for (guint i = 0; i < history->len; i++)
    {
      g_autofree char *text = cw_history_entry_describe (g_ptr_array_index (history, i));
      told |= g_str_equal (text, "answer 5, question: 7.5.q1 → 7.5.2.q1");
    }
  g_assert_true (told);

  assert_sound (workspace, path);
  assert_catalogue_is_current (dir, path);

  /* The upgraded workspace takes work on the new questions, not the old. */
  g_assert_true (cw_workspace_answer (workspace, 1, "7.5.3.q4", CW_RESULT_MINOR,
                                      "Superseded PRC-07 v3 still on the wiki.", &error));
  g_assert_no_error (error);
  g_assert_false (cw_workspace_answer (workspace, 1, "7.5.q2", CW_RESULT_MINOR, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  CwFindingDraft draft = { .audit_id = 1,
                           .clause = "7.5.3",
                           .grade = CW_GRADE_MINOR,
                           .requirement = "Superseded versions are withdrawn (DOC-01 v2).",
                           .evidence = "PRC-07 v3 open on the team wiki on 3 March.",
                           .statement = "A superseded procedure was still in use." };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
  g_assert_no_error (error);
  assert_sound (workspace, path);

  /* Opening it again changes nothing. */
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
  g_clear_object (&workspace);
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);
  g_autofree char *second_backup = g_strconcat (path, ".schema-4.bak", NULL);
  g_assert_false (g_file_test (second_backup, G_FILE_TEST_EXISTS));
}

/* The schema 1 file goes through every step and ends as a new one would. */
static void
test_v1 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = copy_fixture (dir, "workspace-v1.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   (gint64) cw_workspace_schema_version ());
  g_autofree char *backup = g_strconcat (path, ".schema-1.bak", NULL);
  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA user_version"), ==, 1);

  /* Its one answer and finding were on questions that did not move. */
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer WHERE question ="
                                          " '8.5.1.3.q1' AND rev = 1"),
                   ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE field ="
                                          " 'question'"),
                   ==, 0);
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  g_assert_nonnull (cw_catalogue_lookup_question (catalogue, "7.5.4.q1"));
  g_assert_nonnull (cw_catalogue_lookup_question (catalogue, "10.1.q6"));
  g_assert_null (cw_catalogue_lookup_question (catalogue, "7.5.q5"));
  assert_sound (workspace, path);
  assert_catalogue_is_current (dir, path);
}

/* `check` looks at an older file as it is: it neither upgrades it nor
 * finds fault with its catalogue 1 copy. */
static void
test_check_leaves_v3 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = copy_fixture (dir, "workspace-v3.clausewise");
  g_autoptr (GBytes) before = cw_test_read (path);
  g_free (cw_test_cli_ok (ARGS ("check", path)));
  cw_test_assert_untouched (path, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/migrate-v4/fixture-v3", test_v3);
  g_test_add_func ("/core/migrate-v4/fixture-v1", test_v1);
  g_test_add_func ("/core/migrate-v4/check-leaves-v3", test_check_leaves_v3);
  return g_test_run ();
}
