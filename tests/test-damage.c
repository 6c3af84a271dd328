/* test-damage.c: a workspace whose pages are damaged is never read as if
 * nothing were wrong. Each case damages the pages of some tables of a demo
 * workspace (found through SQLite's dbstat table), then runs the read
 * commands a script would: every one must fail with exit 1 and say that the
 * workspace is damaged, instead of printing figures that leave rows out. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "cw-test-util.h"

static char *
demo_workspace (char **dir)
{
  *dir = cw_test_make_dir ();
  char *path = cw_test_path (*dir, "demo.clausewise");
  g_free (cw_test_cli_ok (ARGS ("demo", path)));
  return path;
}

/* Overwrites every page of the named tables and indexes with a pattern no
 * b-tree page can have, keeping the file's size. */
static void
damage_tables (const char *path, const char *const *tables)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno FROM dbstat WHERE name = ?", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; tables[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 page = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (pages, page);
        }
      g_assert_cmpint (sqlite3_reset (stmt), ==, SQLITE_OK);
    }
  sqlite3_finalize (stmt);
  gint64 page_size = 0;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (pages->len, >, 0);

  g_autofree guchar *junk = g_malloc (page_size);
  memset (junk, 0xa5, page_size);
  int fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < pages->len; i++)
    {
      gint64 page = g_array_index (pages, gint64, i);
      g_assert_cmpint (pwrite (fd, junk, page_size, (page - 1) * page_size), ==, page_size);
    }
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
}

static void
assert_refused_as_damaged (const char *const *args)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_cli (args, &out, &err);
  g_autofree char *command = g_strjoinv (" ", (char **) args);
  if (status != CLI_BAD_INPUT)
    g_error ("“%s” exited %d on a damaged workspace; stdout:\n%s\nstderr:\n%s", command, status,
             out, err);
  cw_test_assert_error_line (err);
  cw_test_assert_contains (err, "damaged");
}

/* The figures of `audit list` come from the answers: damaged answers must
 * not read as "0 answered". */
static void
test_damaged_answers (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo_workspace (&dir);
  damage_tables (path, ARGS ("answer"));
  assert_refused_as_damaged (ARGS ("audit", "list", path));
  assert_refused_as_damaged (ARGS ("audit", "list", path, "--csv"));
  assert_refused_as_damaged (ARGS ("audit", "show", path, "1"));
}

static void
test_damaged_findings (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo_workspace (&dir);
  damage_tables (path, ARGS ("finding"));
  assert_refused_as_damaged (ARGS ("finding", "list", path));
  assert_refused_as_damaged (ARGS ("finding", "list", path, "--csv"));
}

/* Every read command, with every table of records damaged at once. */
static void
test_every_read_command (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = demo_workspace (&dir);
  damage_tables (path, ARGS ("audit", "audit_scope", "answer", "finding", "evidence", "action",
                             "review", "review_entry", "history", "search_index_data",
                             "search_index_content", "search_index_docsize"));
  g_autofree char *pdf = cw_test_path (dir, "report.pdf");
  const char *const *commands[] = {
    ARGS ("audit", "list", path),
    ARGS ("audit", "show", path, "1"),
    ARGS ("finding", "list", path),
    ARGS ("finding", "list", path, "--audit", "1", "--csv"),
    ARGS ("action", "list", path),
    ARGS ("action", "list", path, "--csv"),
    ARGS ("action", "show", path, "1"),
    ARGS ("review", "show", path, "1"),
    ARGS ("search", path, "change"),
    ARGS ("report", "audit", path, "1", "-o", pdf),
    ARGS ("report", "nc", path, "1", "-o", pdf),
    ARGS ("report", "actions", path, "-o", pdf),
    ARGS ("report", "review", path, "1", "-o", pdf),
  };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_refused_as_damaged (commands[i]);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/damage/answers", test_damaged_answers);
  g_test_add_func ("/cli/damage/findings", test_damaged_findings);
  g_test_add_func ("/cli/damage/every-read-command", test_every_read_command);
  return g_test_run ();
}
