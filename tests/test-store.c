/* test-store.c: the workspace file: creating, reopening, migrating, and
 * refusing files that are not ours, newer or damaged without touching them. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-audit.h"
#include "cw-finding.h"
#include "cw-fs.h"
#include "cw-test-util.h"
#include "cw-workspace-private.h"

static gint64
add_audit (CwWorkspace *workspace, const char *title)
{
  g_autoptr (GError) error = NULL;
  CwAuditDraft draft = { .title = title };
  gint64 id = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_finding (CwWorkspace *workspace, gint64 audit, const char *statement)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = audit,
    .clause = "8.5.1.3",
    .grade = CW_GRADE_MINOR,
    .requirement = "Emergency changes are approved before deployment (CMP-01).",
    .evidence = "RFC-2291 of 3 March has no approval recorded.",
    .statement = statement,
  };
  gint64 id = cw_workspace_create_finding (workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static char *
make_workspace (const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = cw_test_path (dir, name);
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  add_finding (workspace, add_audit (workspace, "Internal audit"), "It was not approved.");
  return path;
}

static void
test_create (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "new.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (organisation->name, ==, "Example Services Ltd");
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  g_assert_nonnull (cw_catalogue_lookup_question (catalogue, "8.6.1.q1"));
  g_assert_false (cw_workspace_is_read_only (workspace));

  /* Only the workspace is left in the folder: no half-made part file. */
  g_clear_object (&workspace);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "new.clausewise");
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA application_id"), ==,
                   CW_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   cw_workspace_schema_version ());
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "mine.clausewise");
  cw_test_write (path, "my notes", 8);
  g_autoptr (GBytes) before = cw_test_read (path);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS);
  g_assert_null (workspace);
  cw_test_assert_untouched (path, before);
}

static void
test_create_in_missing_folder (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "w.clausewise", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The message names the workspace, not the hidden file it is built in. */
  cw_test_assert_contains (error->message, "w.clausewise");
  g_assert_null (strstr (error->message, ".part"));
}

static void
test_reopen (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "w.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);

  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audits->len, ==, 1);
  g_assert_cmpstr (cw_audit_get_title (g_ptr_array_index (audits, 0)), ==, "Internal audit");
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (cw_finding_get_statement (g_ptr_array_index (findings, 0)), ==,
                   "It was not approved.");

  /* Closing leaves no -wal or -shm beside the file. */
  g_clear_object (&workspace);
  g_autoptr (GBytes) bytes = cw_test_read (path);
  cw_test_assert_untouched (path, bytes);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "absent.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The shipped migrations and one more, as a future release would add it. */
static CwMigration *
with_next_migration (const char *sql, guint *n_migrations)
{
  CwMigration *migrations = g_new0 (CwMigration, cw_n_migrations + 1);
  memcpy (migrations, cw_migrations, cw_n_migrations * sizeof *migrations);
  migrations[cw_n_migrations] = (CwMigration) { cw_workspace_schema_version () + 1, sql };
  *n_migrations = cw_n_migrations + 1;
  return migrations;
}

static void
test_migrate (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "old.clausewise");
  guint current = cw_workspace_schema_version (), n_migrations;
  g_autofree CwMigration *migrations
    = with_next_migration ("ALTER TABLE finding ADD COLUMN reviewer TEXT NOT NULL DEFAULT 'nobody';"
                           "UPDATE finding SET reviewer = 'migrated';",
                           &n_migrations);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace
    = cw_workspace_open_with (path, migrations, n_migrations, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, current + 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM finding WHERE reviewer = "
                                          "'migrated'"),
                   ==, 1);

  /* The backup beside it is the file as it was, at the current schema, whole. */
  g_autofree char *backup = g_strdup_printf ("%s.schema-%u.bak", path, current);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA user_version"), ==, current);
  g_assert_cmpint (cw_test_sql_int (backup, "SELECT count(*) FROM finding"), ==, 1);
  workspace = cw_workspace_open (backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
}

static void
test_migrate_failure_keeps_file (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "old.clausewise");
  g_autoptr (GBytes) before = cw_test_read (path);
  guint n_migrations;
  g_autofree CwMigration *migrations = with_next_migration (
    "CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1);", &n_migrations);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace
    = cw_workspace_open_with (path, migrations, n_migrations, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED);
  g_assert_null (workspace);
  g_autofree char *next = g_strdup_printf ("schema %u", cw_workspace_schema_version () + 1);
  g_assert_nonnull (strstr (error->message, next));
  cw_test_assert_untouched (path, before);
}

/* A workspace written by schema 1, kept in the source tree: whatever the
 * schema becomes, this file must still open with its data. */
static void
test_fixture_v1 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v1.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  CwFinding *finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (cw_finding_get_clause (finding), ==, "8.5.1.3");
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MAJOR);
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Schema 12 gives the organisation the days an auditee has to respond to a
 * nonconformity of each grade. A workspace of schema 11 opens with the
 * figures the reports used before, keeps its profile, passes check and
 * takes other figures afterwards; so does the schema 1 fixture, through
 * every step. The schema 11 file is a new one with what schemas 12 and 13
 * added taken out again: record snapshots are always taken with the newest
 * schema, so an older one cannot be made by stopping the steps early. A
 * later schema adds its own undoing here. */
static void
test_migrate_respond_days (void)
{
  g_assert_cmpuint (cw_workspace_schema_version (), ==, 16);
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v11.clausewise");
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (CwWorkspace) created = cw_workspace_create (path, "Older Services Ltd", &error);
    g_assert_no_error (error);
    CwOrganisation profile = { "Older Services Ltd", "Hosting from Leeds", "Hosting",
                               "Example Certification", "2027-02-15", NULL };
    g_assert_true (cw_workspace_set_organisation (created, &profile, &error));
    g_assert_no_error (error);
  }
  cw_test_sql (path, "DROP TABLE case_handout;"
                     "DROP TABLE case_study;"
                     "ALTER TABLE organisation DROP COLUMN language;"
                     "DROP TABLE merge_conflict;"
                     "DROP TABLE assignment;"
                     "DROP TABLE exchange_base;"
                     "ALTER TABLE organisation DROP COLUMN certified_on;"
                     "ALTER TABLE organisation DROP COLUMN respond_major_days;"
                     "ALTER TABLE organisation DROP COLUMN respond_minor_days;"
                     "DROP INDEX action_by_external_finding;"
                     "ALTER TABLE action DROP COLUMN external_finding;"
                     "DROP TABLE external_finding;"
                     "DROP TABLE external_audit;"
                     "PRAGMA user_version = 11;");

  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, 16);
  g_autofree char *backup = g_strdup_printf ("%s.schema-11.bak", path);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (organisation->name, ==, "Older Services Ltd");
  g_assert_cmpstr (organisation->stage_one, ==, "2027-02-15");
  g_assert_cmpuint (organisation->respond_major_days, ==, 30);
  g_assert_cmpuint (organisation->respond_minor_days, ==, 60);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  organisation->respond_major_days = 14;
  organisation->respond_minor_days = 45;
  g_assert_true (cw_workspace_set_organisation (workspace, organisation, &error));
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) again = cw_workspace_get_organisation (workspace, &error);
  g_assert_cmpuint (again->respond_major_days, ==, 14);
  g_assert_cmpuint (again->respond_minor_days, ==, 45);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* The oldest file there is, through every step. */
  g_autofree char *v1 = cw_test_path (dir, "v1.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (v1, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (CwWorkspace) oldest = cw_workspace_open (v1, &error);
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) defaults = cw_workspace_get_organisation (oldest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (defaults->respond_major_days, ==, 30);
  g_assert_cmpuint (defaults->respond_minor_days, ==, 60);
  g_assert_true (cw_workspace_check (oldest, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Schema 14 adds the day the certificate was granted: a schema 13 file
 * opens with none, passes `check`, and takes one. */
static void
test_migrate_certified_on (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v13.clausewise");
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (CwWorkspace) created = cw_workspace_create (path, "Certified Hosting Ltd", &error);
    g_assert_no_error (error);
  }
  cw_test_sql (path, "DROP TABLE case_handout;"
                     "DROP TABLE case_study;"
                     "ALTER TABLE organisation DROP COLUMN language;"
                     "DROP TABLE merge_conflict;"
                     "DROP TABLE assignment;"
                     "DROP TABLE exchange_base;"
                     "ALTER TABLE organisation DROP COLUMN certified_on;"
                     "PRAGMA user_version = 13;");
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, 16);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_no_error (error);
  g_assert_null (organisation->certified_on);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  organisation->certified_on = g_strdup ("2026-03-02");
  g_assert_true (cw_workspace_set_organisation (workspace, organisation, &error));
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) again = cw_workspace_get_organisation (workspace, &error);
  g_assert_cmpstr (again->certified_on, ==, "2026-03-02");
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* A certificate before Stage Two is refused, the file as it was. */
  again->stage_two = g_strdup ("2026-04-01");
  g_assert_false (cw_workspace_set_organisation (workspace, again, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before Stage Two"));
  g_clear_error (&error);
  g_clear_object (&workspace);
  g_autoptr (GBytes) before = cw_test_read (path);
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cw_workspace_set_organisation (workspace, again, NULL));
  g_clear_object (&workspace);
  cw_test_assert_untouched (path, before);
}

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GBytes) before = cw_test_read (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, code);
  g_assert_null (workspace);
  /* The message names the file so the user knows which one. */
  g_autofree char *base = g_path_get_basename (path);
  g_assert_nonnull (strstr (error->message, base));
  cw_test_assert_untouched (path, before);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "future.clausewise");
  cw_test_sql (path, "PRAGMA user_version = 99");
  assert_refused (path, CW_WORKSPACE_ERROR_NEWER);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_nonnull (strstr (error->message, "newer Clausewise"));
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "other.db");
  cw_test_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')");
  assert_refused (path, CW_WORKSPACE_ERROR_FOREIGN);

  /* Someone else's application id, even with our table names. */
  g_autofree char *other = make_workspace (dir, "imposter.clausewise");
  cw_test_sql (other, "PRAGMA application_id = 1234");
  assert_refused (other, CW_WORKSPACE_ERROR_FOREIGN);
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *text = cw_test_path (dir, "notes.clausewise");
  const char notes[] = "Audit notes, typed by hand, saved with the wrong extension.\n";
  cw_test_write (text, notes, sizeof notes - 1);
  assert_refused (text, CW_WORKSPACE_ERROR_NOT_WORKSPACE);

  g_autofree char *empty = cw_test_path (dir, "empty.clausewise");
  cw_test_write (empty, "", 0);
  assert_refused (empty, CW_WORKSPACE_ERROR_NOT_WORKSPACE);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "cut.clausewise");
  g_autoptr (GBytes) whole = cw_test_read (path);
  cw_test_write (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
  assert_refused (path, CW_WORKSPACE_ERROR_DAMAGED);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "garbled.clausewise");
  g_autoptr (GBytes) whole = cw_test_read (path);
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  guint8 *bytes = g_memdup2 (data, size);
  /* The rest of the first page holds the schema: scribble over it. */
  memset (bytes + 100, 0xA5, 3000);
  cw_test_write (path, bytes, size);
  g_free (bytes);
  assert_refused (path, CW_WORKSPACE_ERROR_DAMAGED);
}

static void
test_history (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "h.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_no_error (error);
  cw_workspace_set_actor (workspace, "Ada Auditor");
  gint64 audit = add_audit (workspace, "Audit");
  g_assert_true (cw_workspace_answer (workspace, audit, "9.2.q1", CW_RESULT_MINOR, "first", &error));
  g_assert_true (
    cw_workspace_answer (workspace, audit, "9.2.q1", CW_RESULT_CONFORMING, "second", &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE who = 'Ada "
                                          "Auditor' AND entity = 'answer' AND field = 'result' "
                                          "AND old_value = 'minor' AND new_value = 'conforming'"),
                   ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE entity = 'audit' "
                                          "AND field = 'status' AND new_value = 'in-progress'"),
                   ==, 1);

  workspace = cw_workspace_open (path, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&workspace);

  /* The history refuses to be rewritten through SQL... */
  sqlite3 *db = NULL;
  sqlite3_open (path, &db);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE history SET who = 'Mallory'", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM history", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* ...and when the guard is removed first, the hash chain tells. */
  cw_test_sql (path, "DROP TRIGGER history_no_update;"
                     "UPDATE history SET who = 'Mallory' WHERE id = 3");
  workspace = cw_workspace_open (path, &error);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "history_no_update"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "History entry 3"));
}

/* `check` notices findings, answers and evidence changed behind
 * Clausewise's back, not only a tampered history. */
static void
test_check_content (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "c.clausewise");
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
    g_assert_true (cw_workspace_answer (workspace, 1, "8.5.1.1.q1", CW_RESULT_MINOR, "RFC-7",
                                        &error));
    g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (cw_workspace_check (workspace, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
  cw_test_sql (path, "UPDATE finding SET grade = 'observation', statement = 'All fine';"
                     "UPDATE answer SET result = 'conforming'");
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_ptr_array_add (problems, NULL);
  g_autofree char *all = g_strjoinv ("\n", (char **) problems->pdata);
  cw_test_assert_contains (all, "Finding 1 is not what its history recorded");
  cw_test_assert_contains (all, "Answer 1 is not what its history recorded");
}

static void
test_batch_rolls_back (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "b.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  add_audit (workspace, "Never kept");
  g_assert_true (cw_workspace_end_batch (workspace, FALSE, &error));
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpuint (audits->len, ==, 0);

  /* A refused edit inside a batch leaves the batch's other edits intact. */
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  gint64 kept = add_audit (workspace, "Kept");
  CwAuditDraft bad = { .title = "Bad", .planned_start = "2026-02-30" };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &bad, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));
  g_ptr_array_unref (audits);
  audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpuint (audits->len, ==, 1);
  g_assert_cmpint (cw_audit_get_id (g_ptr_array_index (audits, 0)), ==, kept);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Audit findings are confidential: a workspace, its -wal and -shm while it
 * is open, and the backup written before an upgrade are readable by their
 * owner only, under the usual umask too. */
static void
test_private_modes (void)
{
  mode_t old_umask = umask (022);
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "private.clausewise");
  g_assert_cmpuint (mode_of (path), ==, 0600);

  g_autoptr (GError) error = NULL;
  guint n_migrations;
  g_autofree CwMigration *migrations
    = with_next_migration ("CREATE TABLE extra (x);", &n_migrations);
  g_autoptr (CwWorkspace) workspace
    = cw_workspace_open_with (path, migrations, n_migrations, &error);
  g_assert_no_error (error);
  add_audit (workspace, "While open");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);
  g_autofree char *backup
    = g_strdup_printf ("%s.schema-%u.bak", path, cw_workspace_schema_version ());
  g_assert_cmpuint (mode_of (backup), ==, 0600);
  g_clear_object (&workspace);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  umask (old_umask);
}

/* A workspace in a network folder (NFS, SMB, sshfs…) is never opened for
 * editing or created there, since SQLite's locks and WAL are not safe on a
 * share; `check` may still read it. No share can be mounted here, so the
 * file system is pretended (cw_fs_pretend_for_testing). */
static void
test_network_folder (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "shared.clausewise");
  g_autoptr (GBytes) before = cw_test_read (path);
  const struct
  {
    guint64 magic;
    const char *fuse_type;
    const char *shown;
  } shares[] = { { 0x6969, NULL, "nfs" },
                 { 0xFF534D42, NULL, "cifs" },
                 { 0x65735546, "fuse.sshfs", "fuse.sshfs" } };
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      cw_fs_pretend_for_testing (shares[i].magic, shares[i].fuse_type);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
      g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY);
      g_assert_null (workspace);
      cw_test_assert_contains (error->message, "shared.clausewise");
      cw_test_assert_contains (error->message, shares[i].shown);
      cw_test_assert_contains (error->message, "network folder");
      cw_test_assert_contains (error->message, "Copy it to a folder on this computer");
      cw_test_assert_untouched (path, before);
      g_clear_error (&error);

      /* Reading is allowed, and leaves the file as it was. */
      workspace = cw_workspace_open_as_is (path, &error);
      g_assert_no_error (error);
      g_assert_true (cw_workspace_is_read_only (workspace));
      g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (audits->len, ==, 1);
      g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_assert_true (cw_workspace_check (workspace, problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);
      g_clear_object (&workspace);
      cw_test_assert_untouched (path, before);

      g_autofree char *other = cw_test_path (dir, "new.clausewise");
      workspace = cw_workspace_create (other, NULL, &error);
      g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY);
      cw_test_assert_contains (error->message, "network folder");
      g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
    }

  /* Read without locks, a workspace with a -wal beside it would show less
   * than it holds: it is open on another computer, or broke off. */
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  cw_test_write (wal, "frames", 6);
  g_autoptr (GBytes) wal_before = cw_test_read (wal);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open_as_is (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_BUSY);
  cw_test_assert_contains (error->message, "shared.clausewise-wal");
  g_autoptr (GBytes) wal_after = cw_test_read (wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  g_unlink (wal);
  cw_test_assert_untouched (path, before);
  g_clear_error (&error);

  cw_fs_pretend_for_testing (0, NULL);
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cw_workspace_is_read_only (workspace));
}

static void
test_claim (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "shared.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) first = cw_workspace_open (path, &error);
  g_autoptr (CwWorkspace) second = cw_workspace_open (path, &error);
  g_assert_no_error (error);

  /* One window works on a file; a second is told where it is open. */
  g_assert_true (cw_workspace_claim (first, &error));
  g_assert_true (cw_workspace_claim (first, &error));
  g_assert_false (cw_workspace_claim (second, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "shared.clausewise"));
  g_clear_error (&error);

  /* Without a claim the file still works, as the CLI uses it beside the app. */
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (second, &error);
  g_assert_cmpuint (audits->len, ==, 1);
  add_audit (second, "Added by a script");

  g_clear_object (&first);
  g_assert_true (cw_workspace_claim (second, &error));
  g_assert_no_error (error);
}

/* Opening a file again in the same process, or refusing it, must not drop
 * the POSIX locks SQLite holds through the first connection: otherwise a
 * script's write next to the app is lost when the app closes. */
static void
test_second_open_keeps_locks (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "w.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) window = cw_workspace_open (path, &error);
  g_assert_true (cw_workspace_claim (window, &error));
  g_assert_true (cw_workspace_answer (window, 1, "8.5.1.1.q1", CW_RESULT_CONFORMING, NULL, &error));

  CwWorkspace *again = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (cw_workspace_claim (again, NULL));
  g_object_unref (again);

  /* A script reads (and, closing last, would checkpoint), the app writes,
   * the script writes, the app closes: nothing may be lost. */
  g_autofree char *shown = cw_test_cli_ok (ARGS ("audit", "show", path, "1"));
  g_assert_true (cw_workspace_answer (window, 1, "8.5.1.1.q3", CW_RESULT_CONFORMING, NULL, &error));
  g_autofree char *out = cw_test_cli_ok (ARGS ("audit", "answer", path, "1", "8.5.1.1.q2", "minor"));
  g_clear_object (&window);

  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM answer"), ==, 3);
}

/* A catalogue copy damaged behind Clausewise's back is reported as damage,
 * by every path that needs it, never a crash. */
static void
test_damaged_catalogue (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "c.clausewise");
  cw_test_sql (path, "UPDATE clause SET parent = '9.9' WHERE number = '4.1'");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  CwAuditDraft draft = { .title = "After the damage" };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &draft, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_clear_error (&error);
  g_assert_false (cw_workspace_answer (workspace, 1, "8.5.1.1.q1", CW_RESULT_MINOR, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED);
  g_clear_error (&error);
  cw_test_cli_error (ARGS ("audit", "new", path, "--title", "T"), CLI_BAD_INPUT, "catalogue");
}

static void
test_read_only (void)
{
  if (getuid () == 0)
    {
      g_test_skip ("root can write to any file, so a read-only file cannot be tested as root");
      return;
    }
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = make_workspace (dir, "ro.clausewise");
  g_chmod (path, 0444);
  g_autoptr (GBytes) before = cw_test_read (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_is_read_only (workspace));
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpuint (audits->len, ==, 1);
  CwAuditDraft draft = { .title = "More" };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &draft, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY);
  g_clear_object (&workspace);
  g_autoptr (GBytes) after = cw_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
}


/* A new workspace gets its schema in one go (cw-schema-gen); it must be
 * exactly what the migrations make of the oldest file there is. */
static void
test_fresh_schema_is_migrated_schema (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *fresh = cw_test_path (dir, "fresh.clausewise");
  g_autofree char *old = cw_test_path (dir, "old.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (old, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  {
    g_autoptr (CwWorkspace) created = cw_workspace_create (fresh, NULL, &error);
    g_assert_no_error (error);
    g_autoptr (CwWorkspace) upgraded = cw_workspace_open (old, &error);
    g_assert_no_error (error);
  }

  const char *sql = "SELECT group_concat (type || ' ' || name || ': ' || coalesce (sql, ''),"
                    " char (10)) FROM (SELECT * FROM sqlite_schema ORDER BY type, name)";
  g_autofree char *fresh_schema = cw_test_sql_text (fresh, sql);
  g_autofree char *old_schema = cw_test_sql_text (old, sql);
  g_assert_cmpstr (fresh_schema, ==, old_schema);
  g_assert_cmpint (cw_test_sql_int (fresh, "PRAGMA user_version"), ==,
                   cw_test_sql_int (old, "PRAGMA user_version"));
  g_assert_cmpint (cw_test_sql_int (fresh, "PRAGMA application_id"), ==,
                   CW_WORKSPACE_APPLICATION_ID);
}

/* Each committed edit announces the kinds of record it changed, once each,
 * after the commit; a batch announces at its end, and a refused or
 * rolled-back edit announces nothing. Pages of the window refresh from it. */
typedef struct
{
  guint audit, finding, answer, any;
  gint64 findings_in_file; /* what a handler of changed::finding read */
  CwWorkspace *workspace;
} Heard;

static void
on_audit_changed (CwWorkspace *workspace, Heard *heard)
{
  heard->audit++;
}

static void
on_finding_changed (CwWorkspace *workspace, Heard *heard)
{
  heard->finding++;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_no_error (error);
  heard->findings_in_file = findings->len;
}

static void
on_answer_changed (CwWorkspace *workspace, Heard *heard)
{
  heard->answer++;
}

static void
on_any_changed (CwWorkspace *workspace, Heard *heard)
{
  heard->any++;
}

static void
test_changed_signal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (CwWorkspace) workspace = cw_test_new_workspace (&dir);
  Heard heard = { 0 };
  g_signal_connect (workspace, "changed::audit", G_CALLBACK (on_audit_changed), &heard);
  g_signal_connect (workspace, "changed::finding", G_CALLBACK (on_finding_changed), &heard);
  g_signal_connect (workspace, "changed::answer", G_CALLBACK (on_answer_changed), &heard);
  g_signal_connect (workspace, "changed", G_CALLBACK (on_any_changed), &heard);

  g_autoptr (GError) error = NULL;
  const char *scope[] = { "8.6.1", NULL };
  CwAuditDraft audit_draft = { .title = "Incidents", .scope = scope };
  gint64 audit = cw_workspace_create_audit (workspace, &audit_draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heard.audit, ==, 1);
  g_assert_cmpuint (heard.finding, ==, 0);

  /* Three findings in one batch: one announcement, at the end, when a
   * handler already reads all three from the file. */
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  for (guint i = 0; i < 3; i++)
    {
      CwFindingDraft draft = {
        .audit_id = audit,
        .clause = "8.6.1",
        .grade = CW_GRADE_OFI,
        .statement = "Incident categories could be grouped by service.",
      };
      g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (heard.finding, ==, 0);
  g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.finding, ==, 1);
  g_assert_cmpint (heard.findings_in_file, ==, 3);

  g_assert_true (cw_workspace_answer (workspace, audit, "8.6.1.q1", CW_RESULT_CONFORMING,
                                      "Sampled ten incidents.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.answer, ==, 1);

  /* Refused before writing, and rolled back after: nothing to announce. */
  guint before = heard.any;
  CwFindingDraft refused = { .audit_id = audit, .clause = "8.6.1", .grade = CW_GRADE_MAJOR };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &refused, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  CwFindingDraft kept_out = {
    .audit_id = audit,
    .clause = "8.6.1",
    .grade = CW_GRADE_OFI,
    .statement = "Never kept.",
  };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &kept_out, &error), >, 0);
  g_assert_true (cw_workspace_end_batch (workspace, FALSE, &error));
  g_assert_cmpuint (heard.any, ==, before);
  g_assert_cmpint (heard.findings_in_file, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/store/create", test_create);
  g_test_add_func ("/core/store/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/core/store/create-in-missing-folder", test_create_in_missing_folder);
  g_test_add_func ("/core/store/reopen", test_reopen);
  g_test_add_func ("/core/store/missing-file", test_missing_file);
  g_test_add_func ("/core/store/migrate", test_migrate);
  g_test_add_func ("/core/store/migrate-failure-keeps-file", test_migrate_failure_keeps_file);
  g_test_add_func ("/core/store/fixture-v1", test_fixture_v1);
  g_test_add_func ("/core/store/migrate-respond-days", test_migrate_respond_days);
  g_test_add_func ("/core/store/migrate-certified-on", test_migrate_certified_on);
  g_test_add_func ("/core/store/refuse-newer", test_refuse_newer);
  g_test_add_func ("/core/store/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/core/store/refuse-not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/core/store/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/core/store/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/core/store/history", test_history);
  g_test_add_func ("/core/store/check-content", test_check_content);
  g_test_add_func ("/core/store/batch-rolls-back", test_batch_rolls_back);
  g_test_add_func ("/core/store/claim", test_claim);
  g_test_add_func ("/core/store/second-open-keeps-locks", test_second_open_keeps_locks);
  g_test_add_func ("/core/store/damaged-catalogue", test_damaged_catalogue);
  g_test_add_func ("/core/store/read-only", test_read_only);
  g_test_add_func ("/core/store/fresh-schema", test_fresh_schema_is_migrated_schema);
  g_test_add_func ("/core/store/private-modes", test_private_modes);
  g_test_add_func ("/core/store/network-folder", test_network_folder);
  g_test_add_func ("/core/store/changed-signal", test_changed_signal);
  return g_test_run ();
}
