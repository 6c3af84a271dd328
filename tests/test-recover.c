/* test-recover.c: a -wal or -journal found beside a workspace is applied
 * only when it belongs to the file; otherwise opening is refused and both
 * are left exactly as they were (see cw-recover.c for the rules).
 *
 * Crashes are real: a child process opens the workspace, edits it and
 * exits without closing it, leaving its -wal (or -journal) as a crash
 * would. No test here runs a program first, so forking is safe. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cw-audit.h"
#include "cw-test-util.h"

static char *
side (const char *path, const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static char *
new_workspace (const char *dir, const char *name, const char *audit)
{
  char *path = cw_test_path (dir, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  CwAuditDraft draft = { .title = audit };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &draft, &error), >, 0);
  return path;
}

static void
add_audit (const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  CwAuditDraft draft = { .title = title };
  g_assert_cmpint (cw_workspace_create_audit (workspace, &draft, &error), >, 0);
}

static void
wait_for (pid_t pid)
{
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Adds an audit in a child process that then dies without closing the
 * workspace: the audit is only in the -wal left beside it. */
static void
crash_while_editing (const char *path, const char *title)
{
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      CwWorkspace *workspace = cw_workspace_open (path, &error);
      CwAuditDraft draft = { .title = title };
      _exit (workspace != NULL && cw_workspace_create_audit (workspace, &draft, &error) > 0 ? 0
                                                                                           : 1);
    }
  wait_for (pid);
  g_autofree char *wal = side (path, "-wal");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Raw SQL on a plain SQLite file in a child that dies in the middle of
 * the transaction, after SQLite spilled pages into the file: a hot
 * -journal is left. */
static void
crash_in_transaction (const char *path, const char *sql)
{
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      gboolean ok = sqlite3_open (path, &db) == SQLITE_OK
                    && sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN", NULL, NULL, NULL)
                         == SQLITE_OK
                    && sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
      _exit (ok ? 0 : 1);
    }
  wait_for (pid);
  g_autofree char *journal = side (path, "-journal");
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static GPtrArray *
audit_titles (CwWorkspace *workspace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < audits->len; i++)
    g_ptr_array_add (titles, g_strdup (cw_audit_get_title (g_ptr_array_index (audits, i))));
  g_ptr_array_add (titles, NULL);
  return titles;
}

static void
assert_has_audit (CwWorkspace *workspace, const char *title, gboolean has)
{
  g_autoptr (GPtrArray) titles = audit_titles (workspace);
  g_assert_true (g_strv_contains ((const char *const *) titles->pdata, title) == has);
}

/* Every file of the folder, by name. */
static GHashTable *
snapshot (const char *dir)
{
  GHashTable *files
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = cw_test_path (dir, name);
      g_hash_table_insert (files, g_strdup (name), cw_test_read (path));
    }
  return files;
}

/* The folder holds exactly the files it held, byte for byte: nothing was
 * written, removed or made beside them. */
static void
assert_folder_untouched (const char *dir, GHashTable *before)
{
  g_autoptr (GHashTable) after = snapshot (dir);
  GHashTableIter iter;
  gpointer name, bytes;
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);
      if (now == NULL || !g_bytes_equal (now, bytes))
        g_error ("%s was changed or removed", (const char *) name);
    }
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (before, name))
      g_error ("%s was made", (const char *) name);
}

/* Opening is refused with `code`, naming the side file, and touches nothing. */
static void
assert_refused (const char *path, const char *suffix, int code, const char *mention)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GHashTable) before = snapshot (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_null (workspace);
  g_assert_error (error, CW_WORKSPACE_ERROR, code);
  g_autofree char *side_path = side (path, suffix);
  g_autofree char *side_name = g_path_get_basename (side_path);
  cw_test_assert_contains (error->message, side_name);
  cw_test_assert_contains (error->message, "left untouched");
  cw_test_assert_contains (error->message, mention);
  assert_folder_untouched (dir, before);

  /* `check` is refused alike. */
  g_clear_error (&error);
  workspace = cw_workspace_open_as_is (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, code);
  assert_folder_untouched (dir, before);
}

/* Puts `bytes` in place of the file as restoring a backup would, some time
 * after the crash: file times tick in jiffies, so a restore in the same
 * millisecond as the crash would look as old as it. */
static void
restore (const char *path, GBytes *bytes)
{
  g_usleep (G_USEC_PER_SEC / 20);
  cw_test_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A -wal copied from another workspace (a copied folder) is not applied. */
static void
test_foreign_wal (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *other_dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "ours.clausewise", "Our audit");
  g_autofree char *other = new_workspace (other_dir, "theirs.clausewise", "Their audit");
  crash_while_editing (other, "Their crashed audit");
  g_autofree char *other_wal = side (other, "-wal");
  g_autofree char *wal = side (path, "-wal");
  g_autoptr (GBytes) frames = cw_test_read (other_wal);
  cw_test_write (wal, g_bytes_get_data (frames, NULL), g_bytes_get_size (frames));

  assert_refused (path, "-wal", CW_WORKSPACE_ERROR_FOREIGN, "belongs to another database");

  /* Moved away, as the message says, the workspace opens as it was. */
  g_autofree char *moved = cw_test_path (other_dir, "moved-wal");
  g_assert_cmpint (g_rename (wal, moved), ==, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "Our audit", TRUE);
  assert_has_audit (workspace, "Their crashed audit", FALSE);
}

/* A copy of the workspace that went its own way is the same workspace (same
 * UUID, same start of history) but not the same file: its -wal is not
 * applied to the original. */
static void
test_wal_of_diverged_copy (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *copy_dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "Shared start");
  g_autofree char *copy = cw_test_path (copy_dir, "w.clausewise");
  g_autoptr (GBytes) bytes = cw_test_read (path);
  cw_test_write (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  add_audit (path, "Only in the original");
  crash_while_editing (copy, "Only in the copy");
  g_autofree char *copy_wal = side (copy, "-wal");
  g_autofree char *wal = side (path, "-wal");
  g_autoptr (GBytes) frames = cw_test_read (copy_wal);
  cw_test_write (wal, g_bytes_get_data (frames, NULL), g_bytes_get_size (frames));

  assert_refused (path, "-wal", CW_WORKSPACE_ERROR_FOREIGN, "belongs to another database");
}

/* A -wal left by a crash of a session of this very file is recovered. */
static void
test_crashed_session (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "Before the crash");
  crash_while_editing (path, "Saved just before the crash");

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "Before the crash", TRUE);
  assert_has_audit (workspace, "Saved just before the crash", TRUE);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* Closed, everything is in the file itself. */
  g_clear_object (&workspace);
  g_autoptr (GBytes) bytes = cw_test_read (path);
  cw_test_assert_untouched (path, bytes);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM audit"), ==, 2);
}

/* A checkpoint of a crashed session's -wal, cut short after it wrote one
 * page of the file, and not the first: the file has changed after its
 * -wal, but only by that -wal, and the session's changes are kept. */
static void
test_checkpoint_cut_short (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "Before the crash");
  crash_while_editing (path, "Saved just before the crash");

  /* The last frame of the -wal for a page other than the first. */
  g_autofree char *wal = side (path, "-wal");
  g_autoptr (GBytes) bytes = cw_test_read (wal);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 page_size = GUINT32_FROM_BE (*(const guint32 *) (data + 8));
  gsize frame_size = 24 + page_size;
  gsize chosen = 0;
  guint32 chosen_page = 0;
  for (gsize at = 32; at + frame_size <= size; at += frame_size)
    {
      guint32 page = GUINT32_FROM_BE (*(const guint32 *) (data + at));
      if (page != 1)
        {
          chosen = at;
          chosen_page = page;
        }
    }
  g_assert_cmpuint (chosen_page, >, 1);
  /* Later frames may hold the same page again: take its last version. */
  for (gsize at = chosen + frame_size; at + frame_size <= size; at += frame_size)
    g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (data + at)), !=, chosen_page);
  int fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, data + chosen + 24, page_size,
                           (off_t) (chosen_page - 1) * page_size),
                   ==, (gssize) page_size);
  close (fd);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "Saved just before the crash", TRUE);
}

/* Restoring a backup while a crashed session's -wal is still there must not
 * bring the session's changes back over the restored file. Here the backup
 * is older than the file the session started from. */
static void
test_restored_older_backup (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "In the backup");
  g_autoptr (GBytes) backup = cw_test_read (path);
  add_audit (path, "After the backup");
  crash_while_editing (path, "Crashed session");
  restore (path, backup);

  assert_refused (path, "-wal", CW_WORKSPACE_ERROR_FOREIGN, "replaced");
}

/* The same with the backup taken just before the session: byte for byte the
 * file that session's -wal was written on. */
static void
test_restored_backup_of_same_state (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "In the backup");
  g_autoptr (GBytes) backup = cw_test_read (path);
  crash_while_editing (path, "Crashed session");
  restore (path, backup);

  assert_refused (path, "-wal", CW_WORKSPACE_ERROR_FOREIGN, "replaced");
}

/* A folder copied after a crash, the file before its -wal as file managers
 * copy in name order, still has its session's changes. */
static void
test_copied_folder (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *copy_dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "Before the crash");
  crash_while_editing (path, "Saved just before the crash");
  const char *names[] = { "w.clausewise", "w.clausewise-shm", "w.clausewise-wal" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = cw_test_path (dir, names[i]);
      g_autofree char *to = cw_test_path (copy_dir, names[i]);
      g_autoptr (GBytes) bytes = cw_test_read (from);
      g_usleep (G_USEC_PER_SEC / 50);
      cw_test_write (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  g_autofree char *copy = cw_test_path (copy_dir, "w.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (copy, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "Saved just before the crash", TRUE);
}

/* A hot -journal of another database is not rolled back into ours. */
static void
test_foreign_journal (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *other_dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "ours.clausewise", "Our audit");
  g_autofree char *other = cw_test_path (other_dir, "contacts.db");
  cw_test_sql (other, "PRAGMA page_size = 8192; CREATE TABLE contact (name TEXT);"
                      "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                      " WHERE i < 2000) INSERT INTO contact SELECT printf ('%0400d', i) FROM n");
  crash_in_transaction (other, "UPDATE contact SET name = name || 'changed'");
  g_autofree char *other_journal = side (other, "-journal");
  g_autofree char *journal = side (path, "-journal");
  g_autoptr (GBytes) records = cw_test_read (other_journal);
  cw_test_write (journal, g_bytes_get_data (records, NULL), g_bytes_get_size (records));

  assert_refused (path, "-journal", CW_WORKSPACE_ERROR_FOREIGN, "belongs to another database");
}

/* A hot -journal of this very file (a workspace in rollback mode, written by
 * another program that crashed) is rolled back. */
static void
test_own_journal (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "Kept");
  cw_test_sql (path, "PRAGMA journal_mode = DELETE");
  crash_in_transaction (path, "UPDATE clause SET guidance = guidance || ' (unfinished)'");

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "Kept", TRUE);
  g_clear_object (&workspace);
  g_assert_cmpint (
    cw_test_sql_int (path, "SELECT count(*) FROM clause WHERE guidance LIKE '%(unfinished)'"), ==,
    0);
}

/* A -wal that another process is using is not left over: the file opens
 * and shows that process's changes. */
static void
test_open_in_another_process (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "First");
  int ready[2], done[2];
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (done), ==, 0);
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      CwWorkspace *workspace = cw_workspace_open (path, &error);
      CwAuditDraft draft = { .title = "Added by the other process" };
      gboolean ok = workspace != NULL && cw_workspace_create_audit (workspace, &draft, &error) > 0;
      char byte = ok;
      ok = write (ready[1], &byte, 1) == 1 && read (done[0], &byte, 1) == 1 && ok;
      g_clear_object (&workspace);
      _exit (ok ? 0 : 1);
    }
  char byte = 0;
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  g_assert_true (byte);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
    g_assert_no_error (error);
    assert_has_audit (workspace, "Added by the other process", TRUE);
  }
  g_assert_cmpint (write (done[1], &byte, 1), ==, 1);
  wait_for (pid);
  for (guint i = 0; i < 2; i++)
    {
      close (ready[i]);
      close (done[i]);
    }
  g_autoptr (GBytes) bytes = cw_test_read (path);
  cw_test_assert_untouched (path, bytes);
}

/* An empty -wal holds nothing to apply. */
static void
test_empty_wal (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = new_workspace (dir, "w.clausewise", "First");
  g_autofree char *wal = side (path, "-wal");
  cw_test_write (wal, "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_has_audit (workspace, "First", TRUE);
}

/* A -wal left where a workspace is created would be applied to the new
 * file: creating is refused. */
static void
test_create_beside_stray_wal (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *other_dir = cw_test_make_dir ();
  g_autofree char *other = new_workspace (other_dir, "old.clausewise", "Old");
  crash_while_editing (other, "Old crash");
  g_autofree char *path = cw_test_path (dir, "new.clausewise");
  g_autofree char *other_wal = side (other, "-wal");
  g_autofree char *wal = side (path, "-wal");
  g_autoptr (GBytes) frames = cw_test_read (other_wal);
  cw_test_write (wal, g_bytes_get_data (frames, NULL), g_bytes_get_size (frames));
  g_autoptr (GHashTable) before = snapshot (dir);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, NULL, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS);
  cw_test_assert_contains (error->message, "new.clausewise-wal");
  assert_folder_untouched (dir, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/recover/foreign-wal", test_foreign_wal);
  g_test_add_func ("/core/recover/wal-of-diverged-copy", test_wal_of_diverged_copy);
  g_test_add_func ("/core/recover/crashed-session", test_crashed_session);
  g_test_add_func ("/core/recover/checkpoint-cut-short", test_checkpoint_cut_short);
  g_test_add_func ("/core/recover/restored-older-backup", test_restored_older_backup);
  g_test_add_func ("/core/recover/restored-backup-of-same-state",
                   test_restored_backup_of_same_state);
  g_test_add_func ("/core/recover/copied-folder", test_copied_folder);
  g_test_add_func ("/core/recover/foreign-journal", test_foreign_journal);
  g_test_add_func ("/core/recover/own-journal", test_own_journal);
  g_test_add_func ("/core/recover/open-in-another-process", test_open_in_another_process);
  g_test_add_func ("/core/recover/empty-wal", test_empty_wal);
  g_test_add_func ("/core/recover/create-beside-stray-wal", test_create_beside_stray_wal);
  return g_test_run ();
}
