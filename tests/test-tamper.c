/* test-tamper.c: what `check` can prove about a workspace changed behind
 * Clausewise's back: every kind of record edited, deleted or added outside
 * the app; a history rewritten with its hashes recomputed, caught by seals;
 * and record identity (UUID, revision) with its conflict refusal. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cw-demo.h"
#include "cw-record.h"
#include "cw-test-util.h"
#include "cw-workspace-private.h"

static char *
demo (char **dir)
{
  *dir = cw_test_make_dir ();
  char *path = cw_test_path (*dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return path;
}

static GPtrArray *
check (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  g_ptr_array_add (problems, NULL);
  g_ptr_array_set_size (problems, problems->len - 1);
  return problems;
}

static char *
joined (GPtrArray *problems)
{
  g_autoptr (GString) all = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) g_ptr_array_index (problems, i));
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_demo_is_sound (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo (&dir);
  g_autoptr (GPtrArray) problems = check (path);
  g_autofree char *all = joined (problems);
  g_assert_cmpstr (all, ==, "");
}

/* Each kind of record, changed with plain SQL: every one is named. */
static void
test_every_kind_edited (void)
{
  static const struct
  {
    const char *sql;
    const char *problem;
  } cases[] = {
    { "UPDATE workspace SET created_by = 'someone'", "Workspace record 1 is not what" },
    { "UPDATE organisation SET scope = 'less'", "Organisation record 1 is not what" },
    { "UPDATE audit SET objectives = 'other' WHERE id = 1", "Audit 1 is not what" },
    { "DELETE FROM audit_scope WHERE audit = 1 AND clause = (SELECT max (clause)"
      " FROM audit_scope WHERE audit = 1)",
      "Audit 1 is not what" },
    { "UPDATE answer SET note = 'fine' WHERE id = 2", "Answer 2 is not what" },
    { "UPDATE finding SET grade = 'ofi' WHERE id = 1", "Finding 1 is not what" },
    { "UPDATE evidence SET reference = 'X' WHERE id = 1", "Evidence 1 is not what" },
    { "UPDATE action SET plan = 'nothing' WHERE id = 1", "Action 1 is not what" },
    { "UPDATE action SET status = 'closed', rev = rev + 1 WHERE id = 2", "Action 2 is not what" },
    { "UPDATE review SET chair = 'Nobody' WHERE id = 1", "Review 1 is not what" },
    { "UPDATE review_entry SET notes = 'all good' WHERE review = 1", "Review 1 is not what" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *pristine = demo (&dir);
  g_autoptr (GBytes) bytes = cw_test_read (pristine);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.clausewise", i);
      g_autofree char *path = cw_test_path (dir, name);
      cw_test_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      cw_test_sql (path, cases[i].sql);
      g_autoptr (GPtrArray) problems = check (path);
      g_autofree char *all = joined (problems);
      g_test_message ("%s → %s", cases[i].sql, all);
      cw_test_assert_contains (all, cases[i].problem);
    }
}

/* The attack the issue names: a finding deleted together with its search
 * entry leaves nothing dangling, but its history says it exists. */
static void
test_deleted_and_added (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo (&dir);
  gint64 finding = cw_test_sql_int (path, "SELECT max (id) FROM finding"
                                          " WHERE id NOT IN (SELECT finding FROM action"
                                          " WHERE finding IS NOT NULL)"
                                          " AND id NOT IN (SELECT finding FROM evidence"
                                          " WHERE finding IS NOT NULL)");
  g_assert_cmpint (finding, >, 0);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM search_index WHERE rowid = %" G_GINT64_FORMAT
                                          "; DELETE FROM finding WHERE id = %" G_GINT64_FORMAT
                                          "; INSERT INTO person (name, role, uuid)"
                                          " VALUES ('Mallory', 'auditor', 'x')",
                                          finding * 4, finding);
  cw_test_sql (path, sql);
  g_autoptr (GPtrArray) problems = check (path);
  g_autofree char *all = joined (problems);
  g_autofree char *gone = g_strdup_printf ("Finding %" G_GINT64_FORMAT " is missing, but its "
                                           "history does not record its deletion",
                                           finding);
  cw_test_assert_contains (all, gone);
  cw_test_assert_contains (all, "Person");
}

/* Rewrites one early history entry and recomputes every hash after it, as
 * anyone who reads the source can: the chain alone then checks out. */
static void
forge_history (const char *path, gint64 entry, const char *new_value)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN; DROP TRIGGER history_no_update;"
                                 " DROP TRIGGER history_no_delete",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_stmt *update = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE history SET new_value = ? WHERE id = ?", -1,
                                       &update, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (update, 1, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, entry);
  g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
  sqlite3_finalize (update);

  sqlite3_stmt *rows = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, at, who, entity, entity_id, field, old_value,"
                                       " new_value FROM history ORDER BY id",
                                       -1, &rows, NULL),
                   ==, SQLITE_OK);
  sqlite3_stmt *rehash = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE history SET hash = ? WHERE id = ?", -1,
                                       &rehash, NULL),
                   ==, SQLITE_OK);
  g_autofree char *previous = g_strdup ("");
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (rows, i))
      char *hash = cw_history_hash (previous, TEXT (1), TEXT (2), TEXT (3),
                                    sqlite3_column_int64 (rows, 4), TEXT (5), TEXT (6), TEXT (7));
#undef TEXT
      sqlite3_bind_text (rehash, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (rehash, 2, sqlite3_column_int64 (rows, 0));
      g_assert_cmpint (sqlite3_step (rehash), ==, SQLITE_DONE);
      sqlite3_reset (rehash);
      g_free (previous);
      previous = hash;
    }
  sqlite3_finalize (rows);
  sqlite3_finalize (rehash);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
                                 "  BEGIN SELECT RAISE (ABORT, 'the change history is"
                                 " append-only'); END;"
                                 "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
                                 "  BEGIN SELECT RAISE (ABORT, 'the change history is"
                                 " append-only'); END; COMMIT",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_seal (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo (&dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *seal = NULL;
  {
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
    seal = cw_workspace_seal (workspace, "Internal audit report: IA-1", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (seal), ==, CW_SEAL_DIGITS);
    /* The same history gives the same seal, and sealing adds no entry. */
    g_autofree char *again = cw_workspace_seal (workspace, "Internal audit report: IA-1", &error);
    g_assert_cmpstr (seal, ==, again);
    g_assert_true (cw_workspace_check_seal (workspace, seal, &error));
    g_assert_no_error (error);
    /* Work goes on after the report, in the audit under way: the seal
     * still holds. */
    g_assert_true (cw_workspace_answer (workspace, 2, "8.5.1.1.q1", CW_RESULT_CONFORMING,
                                        "Seen RFC-4410", &error));
    g_assert_true (cw_workspace_check_seal (workspace, seal, &error));
  }
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM seal"), ==, 1);

  /* The first entry the demo wrote says who created the workspace. */
  forge_history (path, 3, "Someone else");
  {
    g_autoptr (GPtrArray) problems = check (path);
    g_autofree char *all = joined (problems);
    g_autofree char *expected = g_strdup_printf ("The history has changed since seal %s", seal);
    cw_test_assert_contains (all, expected);
  }

  /* A thorough forger removes the stored seal too: the chain and every
   * record then check out, but the seal printed in the report does not. */
  cw_test_sql (path, "DELETE FROM seal");
  g_autoptr (GPtrArray) problems = check (path);
  g_autofree char *all = joined (problems);
  g_assert_cmpstr (all, ==, "");
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_false (cw_workspace_check_seal (workspace, seal, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED);
  cw_test_assert_contains (error->message, "does not hold seal");
}

static void
test_identity (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo (&dir);
  static const char *const tables[] = { "workspace", "organisation", "person", "audit", "answer",
                                        "finding",   "evidence",     "review", "action" };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM %s WHERE uuid IS NULL OR length (uuid) <> 36", tables[i]);
      g_assert_cmpint (cw_test_sql_int (path, sql), ==, 0);
      g_autofree char *distinct
        = g_strdup_printf ("SELECT count(*) - count(DISTINCT uuid) FROM %s", tables[i]);
      g_assert_cmpint (cw_test_sql_int (path, distinct), ==, 0);
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  {
    g_autoptr (CwOrganisation) shown = cw_workspace_get_organisation (workspace, &error);
    g_autoptr (CwOrganisation) other = cw_workspace_get_organisation (workspace, &error);
    /* Another window saves first… */
    g_free (other->scope);
    other->scope = g_strdup ("Managed hosting only");
    g_assert_true (cw_workspace_set_organisation (workspace, other, &error));
    g_assert_no_error (error);
    g_autoptr (CwOrganisation) after = cw_workspace_get_organisation (workspace, &error);
    g_assert_cmpint (after->rev, ==, shown->rev + 1);
    /* …so saving what this one showed would overwrite that: refused. */
    gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
    g_free (shown->services);
    shown->services = g_strdup ("Everything");
    g_assert_false (cw_workspace_set_organisation (workspace, shown, &error));
    g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
    g_clear_error (&error);
    g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);
    g_autofree char *services = cw_test_sql_text (path, "SELECT services FROM organisation");
    g_assert_cmpstr (services, !=, "Everything");
  }

  /* An edit keeps the record's UUID and raises its revision. */
  const char *uuid_sql = "SELECT uuid FROM answer WHERE audit = 2 AND question = '8.5.1.1.q1'";
  const char *rev_sql = "SELECT rev FROM answer WHERE audit = 2 AND question = '8.5.1.1.q1'";
  g_assert_true (cw_workspace_answer (workspace, 2, "8.5.1.1.q1", CW_RESULT_OBSERVATION, "first",
                                      &error));
  g_autofree char *uuid = cw_test_sql_text (path, uuid_sql);
  gint64 rev = cw_test_sql_int (path, rev_sql);
  g_assert_true (cw_workspace_answer (workspace, 2, "8.5.1.1.q1", CW_RESULT_OBSERVATION,
                                      "second", &error));
  g_autofree char *uuid_after = cw_test_sql_text (path, uuid_sql);
  g_assert_cmpstr (uuid, ==, uuid_after);
  g_assert_cmpint (cw_test_sql_int (path, rev_sql), ==, rev + 1);
  /* Saving the same again is no edit at all. */
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
  g_assert_true (cw_workspace_answer (workspace, 2, "8.5.1.1.q1", CW_RESULT_OBSERVATION,
                                      "second", &error));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);
  g_assert_cmpint (cw_test_sql_int (path, rev_sql), ==, rev + 1);
}

/* A file from before record identity (schema 1) is upgraded: every record
 * gets a UUID, the history a snapshot of each, and check finds it sound. */
static void
test_upgrade (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v1.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GPtrArray) problems = check (path);
  g_autofree char *all = joined (problems);
  g_assert_cmpstr (all, ==, "");
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM finding WHERE uuid IS NULL"), ==,
                   0);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE field = 'record'"),
                   >, 0);
  cw_test_sql (path, "UPDATE finding SET statement = 'changed'");
  g_autoptr (GPtrArray) after = check (path);
  g_assert_cmpuint (after->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/tamper/demo-is-sound", test_demo_is_sound);
  g_test_add_func ("/core/tamper/every-kind-edited", test_every_kind_edited);
  g_test_add_func ("/core/tamper/deleted-and-added", test_deleted_and_added);
  g_test_add_func ("/core/tamper/seal", test_seal);
  g_test_add_func ("/core/records/identity", test_identity);
  g_test_add_func ("/core/records/upgrade", test_upgrade);
  return g_test_run ();
}
