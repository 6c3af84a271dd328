/* test-check.c: `clausewise-cli check` on a damaged workspace lists what is
 * wrong, one problem a line, and exits 1; it never changes the file. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "cw-test-util.h"

static char *
demo_workspace (const char *dir)
{
  char *path = cw_test_path (dir, "demo.clausewise");
  g_free (cw_test_cli_ok (ARGS ("demo", path)));
  return path;
}

/* The pages of `table` (and its indexes), found through SQLite's dbstat. */
static GArray *
pages_of (const char *path, const char *table, gint64 *page_size)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ?", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 page = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (pages, page);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 0);
  return pages;
}

/* Overwrites bytes of the file in place, keeping its size. */
static void
scribble (const char *path, goffset offset, gsize size)
{
  g_autofree guchar *junk = g_malloc (size);
  memset (junk, 0xa5, size);
  int fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, size, offset), ==, (gssize) size);
  close (fd);
}

/* `check` exits 1, lists at least one problem on stdout, one a line,
 * mentioning `mention`, ends with one line on stderr that counts them, and
 * leaves the file as it was. Returns the problems. */
static GStrv
assert_lists_problems (const char *path, const char *mention)
{
  g_autoptr (GBytes) before = cw_test_read (path);
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("check", path), &out, &err), ==, CLI_BAD_INPUT);
  GStrv problems = cw_test_output_lines (out);
  if (g_strv_length (problems) == 0)
    g_error ("check listed nothing; stderr:\n%s", err);
  cw_test_assert_contains (out, mention);
  cw_test_assert_error_line (err);
  g_autofree char *count = g_strdup_printf ("has %u problem", g_strv_length (problems));
  cw_test_assert_contains (err, count);
  cw_test_assert_untouched (path, before);
  return problems;
}

/* Cut off while copying: the missing end is said, in bytes. */
static void
test_truncated (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = demo_workspace (dir);
  g_autoptr (GBytes) whole = cw_test_read (path);
  cw_test_write (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);
  g_auto (GStrv) problems = assert_lists_problems (path, "missing");
  gsize kept = g_bytes_get_size (whole) / 2;
  g_autofree char *missing = g_strdup_printf ("the last %" G_GSIZE_FORMAT " bytes are missing",
                                              g_bytes_get_size (whole) - kept);
  cw_test_assert_contains (problems[0], missing);
}

/* Damaged pages of a table: SQLite's integrity check says where, and the
 * checks that would stop at the damage are not what is reported. */
static void
test_damaged_pages (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = demo_workspace (dir);
  gint64 page_size;
  g_autoptr (GArray) pages = pages_of (path, "finding", &page_size);
  for (guint i = 0; i < pages->len; i++)
    scribble (path, (g_array_index (pages, gint64, i) - 1) * page_size, page_size);
  g_autofree char *page = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (pages, gint64, 0));
  g_auto (GStrv) problems = assert_lists_problems (path, page);
  for (guint i = 0; problems[i] != NULL; i++)
    g_assert_null (strstr (problems[i], "lists what is wrong"));
}

/* The first page, which holds the schema: nothing can be read at all. */
static void
test_damaged_first_page (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = demo_workspace (dir);
  scribble (path, 100, 3000);
  g_auto (GStrv) problems = assert_lists_problems (path, "malformed");
}

/* Not a workspace, or missing, is not a list of problems: one error line. */
static void
test_not_damaged_but_refused (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *absent = cw_test_path (dir, "absent.clausewise");
  cw_test_cli_error (ARGS ("check", absent), CLI_BAD_INPUT, "absent.clausewise");
  g_autofree char *text = cw_test_path (dir, "notes.clausewise");
  cw_test_write (text, "notes\n", 6);
  cw_test_cli_error (ARGS ("check", text), CLI_BAD_INPUT, "not a Clausewise workspace");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/check/truncated", test_truncated);
  g_test_add_func ("/cli/check/damaged-pages", test_damaged_pages);
  g_test_add_func ("/cli/check/damaged-first-page", test_damaged_first_page);
  g_test_add_func ("/cli/check/not-damaged-but-refused", test_not_damaged_but_refused);
  return g_test_run ();
}
