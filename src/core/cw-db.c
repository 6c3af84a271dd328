/* cw-db.c: the statement helper over SQLite (see cw-db.h). */
#define G_LOG_DOMAIN "cw-db"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cw-db.h"
#include "cw-fs.h"
#include "cw-workspace.h"

struct _CwDb
{
  sqlite3 *handle;
  char *path;              /* for messages */
  GHashTable *statements;  /* SQL text → CwStmt, prepared once */
};

struct _CwStmt
{
  sqlite3_stmt *raw;
  CwDb *db;
  int bind_rc; /* the first failed bind since the last reset, or SQLITE_OK */
  GPtrArray *repaired; /* texts of this row made valid UTF-8, or NULL */
};

/* The most any one text may hold, whatever the field: a last guard behind
 * the per-field limits of cw-text.h (a review's snapshot in the history,
 * with all its notes, is the largest text stored). */
#define MAX_TEXT_BYTES (4 * 1024 * 1024)

/* ---- Errors ----------------------------------------------------------- */

static void
set_error (GError **error, const char *path, int code, const char *detail, int system_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The workspace %s is damaged (%s). Restore it from a backup copy; "
                     "“clausewise-cli check” lists what is wrong."),
                   name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                   _("Cannot change %s: the file or its folder is read-only (%s)"), name, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_BUSY,
                   _("%s is in use by another program; try again in a moment"), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("The disk holding %s is full; free some space and try again"), name);
      break;
    case SQLITE_MISMATCH:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("A text given is not valid UTF-8, so %s was left as it was; give it as "
                     "UTF-8 and try again"),
                   name);
      break;
    case SQLITE_TOOBIG:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("A value is too large to store in %s; shorten it and try again"), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("The change was refused because it breaks a rule of the workspace (%s)"),
                   detail);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      /* A full disk often shows itself as an I/O error (the -shm cannot be
       * grown, a write comes back short): say so when that is the cause. */
      if (system_errno == ENOSPC)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                       _("The disk holding %s is full; free some space and try again"), name);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("Could not read or write %s (%s)"), name, detail);
      break;
    }
}

static void
set_db_error (CwDb *db, GError **error)
{
  set_error (error, db->path, sqlite3_extended_errcode (db->handle), sqlite3_errmsg (db->handle),
             sqlite3_system_errno (db->handle));
}

/* ---- Connections ------------------------------------------------------ */

static void
stmt_free (gpointer data)
{
  CwStmt *stmt = data;
  sqlite3_finalize (stmt->raw);
  g_clear_pointer (&stmt->repaired, g_ptr_array_unref);
  g_free (stmt);
}

CwDb *
cw_db_open (const char *path, CwDbFlags flags, GError **error)
{
  return cw_db_open_as (path, path, flags, error);
}

/* Opens the file at `path` under the name `name`, which every message
 * about it uses: a workspace is built in a hidden file, and the user knows
 * it by the name it will have. */
CwDb *
cw_db_open_as (const char *path, const char *name, CwDbFlags flags, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  int open_flags = (flags & CW_DB_READ_ONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (flags & CW_DB_CREATE)
    {
      /* SQLite would create the file 0644 under the usual umask, and its
       * -wal and -shm with the file's mode: a new database starts private. */
      cw_fs_create_private (path);
      open_flags |= SQLITE_OPEN_CREATE;
    }
  g_autofree char *uri = NULL;
  if (flags & CW_DB_IMMUTABLE)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      open_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (uri ? uri : path, &handle, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, name, rc, handle ? sqlite3_errmsg (handle) : g_strerror (errno),
                 handle ? sqlite3_system_errno (handle) : errno);
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 3000);
  CwDb *db = g_new0 (CwDb, 1);
  db->handle = handle;
  db->path = g_strdup (name);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
  return db;
}

void
cw_db_close (CwDb *db)
{
  if (db == NULL)
    return;
  g_hash_table_unref (db->statements);
  /* sqlite3_close (not _v2) fails loudly if a statement was leaked. */
  if (sqlite3_close (db->handle) != SQLITE_OK)
    g_critical ("Could not close %s: %s", db->path, sqlite3_errmsg (db->handle));
  g_free (db->path);
  g_free (db);
}

const char *
cw_db_get_path (CwDb *db)
{
  return db->path;
}

/* The name messages use, when the connection's file is a stand-in for
 * another (a workspace built in a hidden file before it is moved). */
void
cw_db_set_path (CwDb *db, const char *path)
{
  g_free (db->path);
  db->path = g_strdup (path);
}

gboolean
cw_db_exec (CwDb *db, const char *sql, GError **error)
{
  if (sqlite3_exec (db->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a query of one integer (a count, a PRAGMA) without caching it. */
gboolean
cw_db_query_int (CwDb *db, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *raw = NULL;
  if (sqlite3_prepare_v2 (db->handle, sql, -1, &raw, NULL) != SQLITE_OK
      || sqlite3_step (raw) != SQLITE_ROW)
    {
      set_db_error (db, error);
      sqlite3_finalize (raw);
      return FALSE;
    }
  *value = sqlite3_column_int64 (raw, 0);
  sqlite3_finalize (raw);
  return TRUE;
}

gint64
cw_db_last_insert_id (CwDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

/* Rows the last INSERT, UPDATE or DELETE changed. */
gint64
cw_db_changes (CwDb *db)
{
  return sqlite3_changes64 (db->handle);
}

gboolean
cw_db_in_transaction (CwDb *db)
{
  return !sqlite3_get_autocommit (db->handle);
}

/* Undoes the open transaction, if any; what failed was reported already. */
void
cw_db_rollback (CwDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* Copies the whole database into a new file at `path`, page by page. The
 * copy is as private as a new database (cw_db_open). */
gboolean
cw_db_backup_to (CwDb *db, const char *path, GError **error)
{
  sqlite3 *copy = NULL;
  cw_fs_create_private (path);
  int rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_backup *backup = sqlite3_backup_init (copy, "main", db->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          /* A step that does not reach the end (busy, locked, disk full)
           * is a failed backup, whatever finish says afterwards. */
          int step = sqlite3_backup_step (backup, -1);
          int finish = sqlite3_backup_finish (backup);
          rc = step != SQLITE_DONE ? (step == SQLITE_OK ? SQLITE_ERROR : step) : finish;
        }
    }
  if (rc != SQLITE_OK)
    set_error (error, path, rc, copy ? sqlite3_errmsg (copy) : "?",
               copy ? sqlite3_system_errno (copy) : 0);
  sqlite3_close (copy);
  return rc == SQLITE_OK;
}

/* ---- Engine settings and transactions ---------------------------------- */

/* Durability: WAL with synchronous=FULL. Edits come at the pace of a person
 * typing, so a sync per commit costs nothing anyone notices, and a power cut
 * never loses an answer the auditor saw saved. Bulk work runs as one batch
 * and pays for one sync. 16 MiB of page cache keeps a 100,000-finding
 * workspace's search index in memory instead of re-reading and spilling it.
 * A file being built gets 8 KiB pages (measured: they halve the time to
 * insert 100,000 findings against 4 KiB, mostly fewer b-tree splits in the
 * search index) and no journal on disk and no syncing: it is thrown away if
 * anything fails and synced once, whole, when done. */
gboolean
cw_db_setup (CwDb *db, CwDbSetup setup, GError **error)
{
  static const char *const sql[] = {
    [CW_DB_SETUP_READ] = "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384",
    [CW_DB_SETUP_EDIT] = "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;"
                         " PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
    [CW_DB_SETUP_BUILD] = "PRAGMA page_size = 8192; PRAGMA journal_mode = MEMORY;"
                          " PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON",
    [CW_DB_SETUP_BUILT] = "PRAGMA journal_mode = WAL",
  };
  g_return_val_if_fail ((guint) setup < G_N_ELEMENTS (sql), FALSE);
  return cw_db_exec (db, sql[setup], error);
}

/* What the file says it is: its application id and schema version, read
 * from SQLite (the header may lag behind a -wal). Reading the schema too
 * finds a damaged first page. */
gboolean
cw_db_read_stamp (CwDb *db, gint64 *application_id, gint64 *version, GError **error)
{
  gint64 n_objects;
  return cw_db_query_int (db, "PRAGMA application_id", application_id, error)
         && cw_db_query_int (db, "PRAGMA user_version", version, error)
         && cw_db_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error);
}

/* Sets the schema version, and the application id unless it is 0. */
gboolean
cw_db_write_stamp (CwDb *db, gint64 application_id, gint64 version, GError **error)
{
  g_autofree char *sql
    = application_id != 0
        ? g_strdup_printf ("PRAGMA user_version = %" PRId64
                           "; PRAGMA application_id = %" PRId64,
                           version, application_id)
        : g_strdup_printf ("PRAGMA user_version = %" PRId64, version);
  return cw_db_exec (db, sql, error);
}

/* Whether the engine's quick check finds the file's pages and indexes
 * consistent. */
gboolean
cw_db_is_sound (CwDb *db)
{
  CwStmt *stmt = cw_db_prepare (db, "PRAGMA quick_check", NULL);
  if (stmt == NULL || !cw_stmt_expect_row (stmt, NULL))
    return FALSE;
  gboolean sound = g_strcmp0 (cw_stmt_text (stmt, 0), "ok") == 0;
  cw_stmt_reset (stmt);
  return sound;
}

/* A write transaction, taken at once so that it cannot fail half-way for
 * want of a lock. */
gboolean
cw_db_begin (CwDb *db, GError **error)
{
  CwStmt *begin = cw_db_prepare (db, "BEGIN IMMEDIATE", error);
  return begin != NULL && cw_stmt_run (begin, error);
}

gboolean
cw_db_commit (CwDb *db, GError **error)
{
  CwStmt *commit = cw_db_prepare (db, "COMMIT", error);
  return commit != NULL && cw_stmt_run (commit, error);
}

/* ---- Statements ------------------------------------------------------- */

/* A cached, reset statement for `sql` (always a literal of ours; values are
 * bound, never spliced in). The connection owns it. */
CwStmt *
cw_db_prepare (CwDb *db, const char *sql, GError **error)
{
  CwStmt *stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt->raw);
      sqlite3_clear_bindings (stmt->raw);
      stmt->bind_rc = SQLITE_OK;
      return stmt;
    }
  sqlite3_stmt *raw = NULL;
  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL) != SQLITE_OK)
    {
      set_db_error (db, error);
      return NULL;
    }
  stmt = g_new0 (CwStmt, 1);
  stmt->raw = raw;
  stmt->db = db;
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
note_bind (CwStmt *stmt, int rc)
{
  if (rc != SQLITE_OK && stmt->bind_rc == SQLITE_OK)
    stmt->bind_rc = rc;
}

void
cw_stmt_bind_int64 (CwStmt *stmt, int index, gint64 value)
{
  note_bind (stmt, sqlite3_bind_int64 (stmt->raw, index, value));
}

/* Text that is not UTF-8 is never stored: it would break every reader
 * later (reports, exports, the window). */
void
cw_stmt_bind_text (CwStmt *stmt, int index, const char *value)
{
  if (value == NULL)
    note_bind (stmt, sqlite3_bind_null (stmt->raw, index));
  else if (strlen (value) > MAX_TEXT_BYTES)
    note_bind (stmt, SQLITE_TOOBIG);
  else if (!g_utf8_validate (value, -1, NULL))
    note_bind (stmt, SQLITE_MISMATCH);
  else
    note_bind (stmt, sqlite3_bind_text (stmt->raw, index, value, -1, SQLITE_TRANSIENT));
}

void
cw_stmt_bind_null (CwStmt *stmt, int index)
{
  note_bind (stmt, sqlite3_bind_null (stmt->raw, index));
}

/* One step: a row to read, the end (the statement is then reset), or an
 * error (reset too, with `error` set). A row left unread must be given up
 * with cw_stmt_reset, so that the read does not hold its snapshot. */
CwStep
cw_stmt_step (CwStmt *stmt, GError **error)
{
  if (stmt->repaired != NULL)
    g_ptr_array_set_size (stmt->repaired, 0);
  if (stmt->bind_rc != SQLITE_OK)
    {
      set_error (error, stmt->db->path, stmt->bind_rc, sqlite3_errstr (stmt->bind_rc), 0);
      cw_stmt_reset (stmt);
      return CW_STEP_ERROR;
    }
  int rc = sqlite3_step (stmt->raw);
  if (rc == SQLITE_ROW)
    return CW_STEP_ROW;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt->raw);
      return CW_STEP_DONE;
    }
  set_db_error (stmt->db, error);
  cw_stmt_reset (stmt);
  return CW_STEP_ERROR;
}

/* Runs a statement to its end, for those that return no rows. */
gboolean
cw_stmt_run (CwStmt *stmt, GError **error)
{
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    ;
  return step == CW_STEP_DONE;
}

/* Steps to the one row a lookup returns: TRUE with *found FALSE when there
 * is none (the statement is then reset). With a row, read it and reset. */
gboolean
cw_stmt_row (CwStmt *stmt, gboolean *found, GError **error)
{
  CwStep step = cw_stmt_step (stmt, error);
  *found = step == CW_STEP_ROW;
  return step != CW_STEP_ERROR;
}

/* Steps to a row that must be there (the workspace's own record, say):
 * its absence means the file is damaged. */
gboolean
cw_stmt_expect_row (CwStmt *stmt, GError **error)
{
  CwStep step = cw_stmt_step (stmt, error);
  if (step == CW_STEP_DONE)
    {
      g_autofree char *name = g_filename_display_name (stmt->db->path);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The workspace %s is damaged: a record it must hold is missing. Restore it "
                     "from a backup copy; “clausewise-cli check” lists what is wrong."),
                   name);
    }
  return step == CW_STEP_ROW;
}

/* The first column of the first row, or NULL in *text when there is no
 * row; the statement is reset. */
gboolean
cw_stmt_first_text (CwStmt *stmt, char **text, GError **error)
{
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  *text = found ? cw_stmt_dup_text (stmt, 0) : NULL;
  cw_stmt_reset (stmt);
  return TRUE;
}

void
cw_stmt_reset (CwStmt *stmt)
{
  if (stmt->repaired != NULL)
    g_ptr_array_set_size (stmt->repaired, 0);
  sqlite3_reset (stmt->raw);
  stmt->bind_rc = SQLITE_OK;
}

gint64
cw_stmt_int64 (CwStmt *stmt, int column)
{
  return sqlite3_column_int64 (stmt->raw, column);
}

/* A column's text, always valid UTF-8: a file written before input was
 * checked (or by another program) may hold other bytes, which read as
 * U+FFFD instead of breaking reports and the window later. Valid until the
 * next step or reset. */
const char *
cw_stmt_text (CwStmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt->raw, column);
  if (text == NULL)
    return NULL;
  int length = sqlite3_column_bytes (stmt->raw, column);
  if (g_utf8_validate_len (text, length, NULL))
    return text;
  if (stmt->repaired == NULL)
    stmt->repaired = g_ptr_array_new_with_free_func (g_free);
  char *valid = g_utf8_make_valid (text, length);
  g_ptr_array_add (stmt->repaired, valid);
  return valid;
}

char *
cw_stmt_dup_text (CwStmt *stmt, int column)
{
  return g_strdup (cw_stmt_text (stmt, column));
}

gboolean
cw_stmt_is_null (CwStmt *stmt, int column)
{
  return sqlite3_column_type (stmt->raw, column) == SQLITE_NULL;
}

/* ---- The file format -------------------------------------------------- */

/* Every SQLite database starts with these 16 bytes, NUL included. */
gboolean
cw_db_header_is_database (const void *bytes, gsize n)
{
  return n >= 16 && memcmp (bytes, "SQLite format 3", 16) == 0;
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The length in bytes that a database's first CW_DB_HEADER_SIZE bytes say
 * it has, or 0 when they do not say: the page count there is only valid
 * when written by a version that keeps it (sqlite.org/fileformat2.html,
 * "in-header database size"). */
guint64
cw_db_header_length (const guint8 *header)
{
  guint page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (get_be32 (header + 24) != get_be32 (header + 92))
    return 0;
  return (guint64) get_be32 (header + 28) * page_size;
}

/* Runs the engine's own integrity check over the whole file and adds what
 * it finds, one line each, to `problems`; when the check cannot run at all,
 * what stopped it. Returns how many it added. */
guint
cw_db_list_damage (CwDb *db, GPtrArray *problems)
{
  guint before = problems->len;
  sqlite3_stmt *raw = NULL;
  int rc = sqlite3_prepare_v2 (db->handle, "PRAGMA integrity_check", -1, &raw, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (raw)) == SQLITE_ROW)
    {
      /* The first finding starts with a line that names the schema. */
      g_auto (GStrv) lines = g_strsplit ((const char *) sqlite3_column_text (raw, 0), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && !g_str_equal (lines[i], "ok")
            && !g_str_has_prefix (lines[i], "*** in database "))
          g_ptr_array_add (problems, g_strdup (lines[i]));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems,
                     problems->len > before
                       ? g_strdup_printf (_("The check stopped there, at damage it cannot "
                                            "pass: %s"),
                                          sqlite3_errmsg (db->handle))
                       : g_strdup_printf (_("The file cannot be read as a database: %s"),
                                          sqlite3_errmsg (db->handle)));
  sqlite3_finalize (raw);
  return problems->len - before;
}

/* ---- Side files --------------------------------------------------------- */

/* What SQLite keeps beside a database while it works on it, and how it
 * treats what it finds there when it opens the file: it applies every
 * committed frame of a -wal (sqlite.org/walformat.html) and rolls back a
 * "hot" -journal (sqlite.org/fileformat2.html#rollbackjournal), without
 * asking whether they were written for this file. */

char *
cw_db_side_path (const char *path, CwDbSide side)
{
  static const char *const suffixes[] = { "-wal", "-journal", "-shm" };
  return g_strconcat (path, suffixes[side], NULL);
}

static gboolean
read_at (int fd, void *buffer, gsize size, goffset offset)
{
  return pread (fd, buffer, size, offset) == (ssize_t) size;
}

static guint32
get_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* The WAL's running checksum (walChecksumBytes): over 32-bit words, big- or
 * little-endian as the header's magic says. */
static void
wal_checksum (gboolean big_endian, const guint8 *data, gsize size, guint32 sum[2])
{
  for (gsize i = 0; i + 8 <= size; i += 8)
    {
      const guint8 *p = data + i;
      guint32 x0 = big_endian ? get_be32 (p) : get_le32 (p);
      guint32 x1 = big_endian ? get_be32 (p + 4) : get_le32 (p + 4);
      sum[0] += x0 + sum[1];
      sum[1] += x1 + sum[0];
    }
}

/* Walks the frames of the -wal beside `path` as SQLite's recovery would:
 * from the header, while salts and checksums hold. Returns how many frames
 * are committed (up to the last valid commit frame). When `file` is a
 * descriptor of the database (pages of `page_size` bytes), sets *wrote when,
 * for some page, the file holds exactly the last version of it that the
 * -wal committed; without one, it stops at the first commit. */
static guint
wal_walk (const char *path, int file, gsize page_size_wanted, gboolean *wrote)
{
  /* Without a file to compare, the first commit answers the question. */
  gboolean any_commit = file < 0;
  g_autofree char *wal = cw_db_side_path (path, CW_DB_SIDE_WAL);
  int fd = g_open (wal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return 0;
  guint8 header[32];
  guint committed = 0;
  /* For each frame: its page and whether the file holds that page as it. */
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) same = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (read_at (fd, header, sizeof header, 0) && (get_be32 (header) & ~1u) == 0x377f0682)
    {
      gboolean big_endian = get_be32 (header) & 1;
      guint32 page_size = get_be32 (header + 8);
      guint32 sum[2] = { 0, 0 };
      wal_checksum (big_endian, header, 24, sum);
      if (page_size >= 512 && page_size <= 65536 && (page_size & (page_size - 1)) == 0
          && sum[0] == get_be32 (header + 24) && sum[1] == get_be32 (header + 28))
        {
          g_autofree guint8 *frame = g_malloc (24 + page_size);
          g_autofree guint8 *page = g_malloc (page_size);
          for (guint n = 0;; n++)
            {
              if (!read_at (fd, frame, 24 + page_size, 32 + (goffset) n * (24 + page_size))
                  || memcmp (frame + 8, header + 16, 8) != 0)
                break;
              wal_checksum (big_endian, frame, 8, sum);
              wal_checksum (big_endian, frame + 24, page_size, sum);
              if (sum[0] != get_be32 (frame + 16) || sum[1] != get_be32 (frame + 20))
                break;
              if (file >= 0)
                {
                  guint32 number = get_be32 (frame);
                  gboolean equal
                    = page_size == page_size_wanted && number > 0
                      && read_at (file, page, page_size, (goffset) (number - 1) * page_size)
                      && memcmp (frame + 24, page, page_size) == 0;
                  g_array_append_val (pages, number);
                  g_array_append_val (same, equal);
                }
              if (get_be32 (frame + 4) != 0)
                {
                  committed = n + 1;
                  if (any_commit)
                    break;
                }
            }
        }
    }
  close (fd);
  if (wrote != NULL)
    {
      /* The last committed version of each page is what a checkpoint
       * writes; an earlier one could be what the page held before. */
      *wrote = FALSE;
      for (guint n = 0; n < committed && !*wrote; n++)
        {
          guint32 number = g_array_index (pages, guint32, n);
          gboolean last = TRUE;
          for (guint later = n + 1; later < committed && last; later++)
            last = g_array_index (pages, guint32, later) != number;
          *wrote = last && g_array_index (same, gboolean, n);
        }
    }
  return committed;
}

/* Whether the -wal beside `path` holds a committed transaction: something
 * SQLite would apply to the file. */
gboolean
cw_db_wal_has_changes (const char *path)
{
  return wal_walk (path, -1, 0, NULL) > 0;
}

/* Whether a checkpoint of the -wal beside `path` has begun writing the file,
 * perhaps cut short (a crash or a full disk during it): the file holds, for
 * some page, exactly the last version of it that the -wal committed. A
 * copy of the file from before the session that wrote the -wal holds the
 * pages as they were before it. The first page holds a change counter that
 * every transaction writing it moves on; other pages are told by content. */
gboolean
cw_db_wal_checkpoint_began (const char *path)
{
  guint8 header[CW_DB_HEADER_SIZE];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return FALSE;
  gboolean found = FALSE;
  if (read_at (fd, header, sizeof header, 0) && cw_db_header_is_database (header, sizeof header))
    {
      gsize page_size = (header[16] << 8) | header[17];
      if (page_size == 1)
        page_size = 65536;
      wal_walk (path, fd, page_size, &found);
    }
  close (fd);
  return found;
}

/* Whether the -journal beside `path` is hot: SQLite would roll it back into
 * the file (it is there, not empty, and its first byte is not zero). */
gboolean
cw_db_journal_is_hot (const char *path)
{
  g_autofree char *journal = cw_db_side_path (path, CW_DB_SIDE_JOURNAL);
  int fd = g_open (journal, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return FALSE;
  guint8 first = 0;
  gboolean hot = read_at (fd, &first, 1, 0) && first != 0;
  close (fd);
  return hot;
}

/* Whether some lock in bytes [start, start + length) of `file` conflicts
 * with a write lock: another connection holds it. Open file description
 * locks conflict with this process's own POSIX locks too; where the kernel
 * lacks them, F_GETLK sees other processes only. */
static gboolean
is_locked (const char *file, goffset start, goffset length)
{
  int fd = g_open (file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    return FALSE;
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start,
                        .l_len = length };
  int rc = fcntl (fd, F_OFD_GETLK, &lock);
  if (rc != 0 && errno == EINVAL)
    {
      lock = (struct flock) { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start,
                              .l_len = length };
      rc = fcntl (fd, F_GETLK, &lock);
    }
  close (fd);
  return rc == 0 && lock.l_type != F_UNLCK;
}

/* Whether a live connection, in any process, has the database at `path`
 * open: its -wal and -journal are then in use, not left over, and SQLite
 * does not recover them. Every connection to a file in WAL mode holds a
 * read lock on the -shm's "DMS" byte (offset 128) for as long as it is open,
 * and the first to open takes it for writing to rebuild the -shm; a
 * connection in rollback mode locks the bytes from 1 GiB (PENDING, RESERVED
 * and SHARED) of the file itself while it reads or writes. These are
 * SQLite's documented locking protocol (os_unix.c, sqlite.org/walformat.html
 * 2.3.1), the same for every version that reads WAL files.
 *
 * Opening and closing a descriptor of a file drops every POSIX lock this
 * process holds on it (cw-open-files.c): call this only for a file no
 * connection of this process has open. */
gboolean
cw_db_is_in_use (const char *path)
{
  g_autofree char *shm = cw_db_side_path (path, CW_DB_SIDE_SHM);
  return is_locked (shm, 128, 1) || is_locked (path, G_GINT64_CONSTANT (0x40000000), 512);
}
