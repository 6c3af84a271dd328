/* cw-test-util.c: helpers shared by the tests. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cw-audit.h"
#include "cw-date.h"
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

/* A new workspace in a fresh directory that is removed when the test ends;
 * the directory is handed back through dir for the test's other files. */
CwWorkspace *
cw_test_new_workspace (char **dir)
{
  *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (*dir, "test.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  return workspace;
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

char *
cw_test_sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
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

/* Runs `argv` (program first) and returns its exit status; `out` and `err`
 * receive what it wrote, when not NULL. */
int
cw_test_spawn (const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process
    = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                         &error);
  g_assert_no_error (error);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  /* communicate_utf8 also asserts that both streams are valid UTF-8. */
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  /* A crash (or a critical made fatal by G_DEBUG) is never an exit code. */
  g_assert_true (g_subprocess_get_if_exited (process));
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/* Runs clausewise-cli with `args` (without the program name). */
int
cw_test_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add (builder, CLI_PATH);
  g_strv_builder_addv (builder, (const char **) args);
  g_auto (GStrv) argv = g_strv_builder_end (builder);
  return cw_test_spawn ((const char *const *) argv, out, err);
}

static char *
describe (const char *const *args)
{
  g_autofree char *joined = g_strjoinv ("' '", (char **) args);
  return g_strdup_printf ("clausewise-cli '%s'", joined);
}

/* Output lines without their "\n"; a missing final newline is an error. */
GStrv
cw_test_output_lines (const char *text)
{
  if (*text == '\0')
    return g_new0 (char *, 1);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_autofree char *body = g_strndup (text, strlen (text) - 1);
  return g_strsplit (body, "\n", -1);
}

void
cw_test_assert_contains (const char *haystack, const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected “%s” in:\n%s", needle, haystack);
}

/* What scripts grep for: exactly one line, with the program's prefix. */
void
cw_test_assert_error_line (const char *err)
{
  const char *newline = strchr (err, '\n');
  if (!g_str_has_prefix (err, "clausewise-cli: ") || newline == NULL || newline[1] != '\0'
      || strchr (err, '\r') != NULL)
    g_error ("expected one line starting “clausewise-cli: ” on stderr, got:\n%s", err);
}

/* The command succeeds and writes nothing on stderr; returns its stdout. */
char *
cw_test_cli_ok (const char *const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_cli (args, &out, &err);
  if (status != CLI_OK || *err != '\0')
    {
      g_autofree char *command = describe (args);
      g_error ("%s exited %d; stderr:\n%s", command, status, err);
    }
  return out;
}

/* The command fails with `status`, writes nothing on stdout, and exactly one
 * line on stderr starting "clausewise-cli: " (what scripts grep for) that
 * mentions `mention` when not NULL. */
void
cw_test_cli_error (const char *const *args, int status, const char *mention)
{
  g_autofree char *out = NULL, *err = NULL;
  int actual = cw_test_cli (args, &out, &err);
  if (actual != status)
    {
      g_autofree char *command = describe (args);
      g_error ("%s exited %d, not %d; stdout:\n%s\nstderr:\n%s", command, actual, status, out, err);
    }
  g_assert_cmpstr (out, ==, "");
  cw_test_assert_error_line (err);
  if (mention != NULL)
    cw_test_assert_contains (err, mention);
}

struct _CwTestWatchdog
{
  GMutex lock;
  GCond cond;
  gboolean done;
  char *what;
  guint seconds;
  GThread *thread;
};

static gpointer
watch (gpointer data)
{
  CwTestWatchdog *dog = data;
  gint64 end = g_get_monotonic_time () + dog->seconds * G_USEC_PER_SEC;
  g_mutex_lock (&dog->lock);
  while (!dog->done)
    if (!g_cond_wait_until (&dog->cond, &dog->lock, end))
      g_error ("%s did not finish within %u s: it blocks", dog->what, dog->seconds);
  g_mutex_unlock (&dog->lock);
  return NULL;
}

CwTestWatchdog *
cw_test_watchdog_start (const char *what, guint seconds)
{
  CwTestWatchdog *dog = g_new0 (CwTestWatchdog, 1);
  g_mutex_init (&dog->lock);
  g_cond_init (&dog->cond);
  dog->what = g_strdup (what);
  dog->seconds = seconds;
  dog->thread = g_thread_new ("watchdog", watch, dog);
  return dog;
}

void
cw_test_watchdog_stop (CwTestWatchdog *dog)
{
  g_mutex_lock (&dog->lock);
  dog->done = TRUE;
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->lock);
  g_thread_join (dog->thread);
  g_mutex_clear (&dog->lock);
  g_cond_clear (&dog->cond);
  g_free (dog->what);
  g_free (dog);
}

/* Holds the meetings an audit in progress still lacks, today, and issues
 * its report: the way to an issued audit for tests about what follows. */
void
cw_test_issue_audit (CwWorkspace *workspace, gint64 audit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, &error);
  g_assert_no_error (error);
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  CwMeetingRecord meeting = { day, "Ada Auditor\nOwen Owner" };
  if (cw_audit_get_opening_on (audit) == NULL)
    g_assert_true (cw_workspace_record_meeting (workspace, audit_id, CW_MEETING_OPENING, &meeting,
                                                &today, &error));
  g_assert_no_error (error);
  if (cw_audit_get_closing_on (audit) == NULL)
    g_assert_true (cw_workspace_record_meeting (workspace, audit_id, CW_MEETING_CLOSING, &meeting,
                                                &today, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_issue_audit (workspace, audit_id, &today, &error));
  g_assert_no_error (error);
}

/* Runs a command that prints one id and returns it, without the newline. */
char *
cw_test_cli_id (const char *const *args)
{
  char *out = cw_test_cli_ok (args);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", out, 0, 0));
  out[strlen (out) - 1] = '\0';
  return out;
}

/* Runs a tool of the suite (poppler, qpdf) and returns its output. The
 * tools are guaranteed by build-aux/setup-deps, so a missing one fails the
 * test rather than skipping it; so does another exit status. */
char *
cw_test_tool (const char *name, const char *const *args, int expected_status)
{
  g_autofree char *program = g_find_program_in_path (name);
  if (program == NULL)
    g_error ("%s is not installed; run build-aux/setup-deps", name);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **) args);
  g_auto (GStrv) argv = g_strv_builder_end (builder);
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_spawn ((const char *const *) argv, &out, &err);
  if (status != expected_status)
    g_error ("%s exited %d: %s%s", name, status, out, err);
  return out;
}

/* Every run of white space made one space: lines of a PDF wrap
 * differently from the source, the words do not. */
char *
cw_test_normalise_space (const char *text)
{
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        space = TRUE;
      else
        {
          if (space && result->len > 0)
            g_string_append_c (result, ' ');
          space = FALSE;
          g_string_append_c (result, *p);
        }
    }
  return g_string_free (result, FALSE);
}
