/* cw-test-util.c: helpers shared by the tests. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cw-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_tree_later (gpointer path)
{
  remove_tree (path);
  g_free (path);
}

/* A fresh directory, removed when the current test ends. */
char *
cw_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("clausewise-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_later, g_strdup (dir));
  return dir;
}

char *
cw_test_path (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

GBytes *
cw_test_read (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data;
  gsize size;
  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

void
cw_test_write (const char *path, const void *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

/* The file has exactly its old bytes and nothing was left beside it. */
void
cw_test_assert_untouched (const char *path, GBytes *before)
{
  g_autoptr (GBytes) after = cw_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  const char *suffixes[] = { "-wal", "-shm", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

/* Raw SQL on a file, behind Clausewise's back: for building fixtures and
 * for tampering. */
void
cw_test_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

gint64
cw_test_sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  gint64 value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
