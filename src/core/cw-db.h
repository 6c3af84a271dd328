/* cw-db.h: the one door to the storage engine.
 *
 * Every statement of the core is prepared, bound, stepped and read through
 * these functions, and this is the only file pair that knows SQLite: the rest
 * of the core speaks SQL that SQLite and PostgreSQL share, and a second engine
 * would sit behind this header.
 *
 * The rules it keeps:
 * - every failure of the engine becomes a GError in CW_WORKSPACE_ERROR with a
 *   message that says what to do (a damaged page is DAMAGED, a full disk says
 *   the disk is full), never a row that is silently missing;
 * - binds do not return a result to ignore: a failed bind is remembered by
 *   its statement and reported by the next step, before anything runs;
 * - text binds always copy, so a caller may free its value at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CwDb CwDb;
typedef struct _CwStmt CwStmt;

typedef enum
{
  CW_DB_READ_ONLY = 1 << 0,
  CW_DB_CREATE = 1 << 1,
  /* Read a file that nothing writes meanwhile, taking no locks and making no
   * side files (-wal, -shm): for a workspace in a network folder. */
  CW_DB_IMMUTABLE = 1 << 2,
} CwDbFlags;

/* What cw_stmt_step returns besides FALSE-with-error. */
typedef enum
{
  CW_STEP_ERROR = -1,
  CW_STEP_DONE = 0,
  CW_STEP_ROW = 1,
} CwStep;

CwDb *cw_db_open (const char *path, CwDbFlags flags, GError **error);
CwDb *cw_db_open_as (const char *path, const char *name, CwDbFlags flags, GError **error);
void cw_db_close (CwDb *db);
const char *cw_db_get_path (CwDb *db);
void cw_db_set_path (CwDb *db, const char *path);

gboolean cw_db_exec (CwDb *db, const char *sql, GError **error);
gboolean cw_db_query_int (CwDb *db, const char *sql, gint64 *value, GError **error);
gint64 cw_db_last_insert_id (CwDb *db);
gint64 cw_db_changes (CwDb *db);
gboolean cw_db_in_transaction (CwDb *db);
void cw_db_rollback (CwDb *db);
gboolean cw_db_backup_to (CwDb *db, const char *path, GError **error);

/* How a connection is set up: the engine's settings live here, not in the
 * SQL of the modules. */
typedef enum
{
  CW_DB_SETUP_READ,  /* references enforced, a page cache for large files */
  CW_DB_SETUP_EDIT,  /* and a durable journal: WAL, a sync at every commit */
  CW_DB_SETUP_BUILD, /* a new file being built: no journal on disk, no syncing */
  CW_DB_SETUP_BUILT, /* the built file takes its lasting journal (WAL) */
} CwDbSetup;

gboolean cw_db_setup (CwDb *db, CwDbSetup setup, GError **error);
gboolean cw_db_read_stamp (CwDb *db, gint64 *application_id, gint64 *version, GError **error);
gboolean cw_db_write_stamp (CwDb *db, gint64 application_id, gint64 version, GError **error);
gboolean cw_db_is_sound (CwDb *db);
gboolean cw_db_begin (CwDb *db, GError **error);
gboolean cw_db_commit (CwDb *db, GError **error);

CwStmt *cw_db_prepare (CwDb *db, const char *sql, GError **error);

void cw_stmt_bind_int64 (CwStmt *stmt, int index, gint64 value);
void cw_stmt_bind_text (CwStmt *stmt, int index, const char *value);
void cw_stmt_bind_null (CwStmt *stmt, int index);

CwStep cw_stmt_step (CwStmt *stmt, GError **error);
gboolean cw_stmt_run (CwStmt *stmt, GError **error);
gboolean cw_stmt_row (CwStmt *stmt, gboolean *found, GError **error);
gboolean cw_stmt_expect_row (CwStmt *stmt, GError **error);
gboolean cw_stmt_first_text (CwStmt *stmt, char **text, GError **error);
void cw_stmt_reset (CwStmt *stmt);

gint64 cw_stmt_int64 (CwStmt *stmt, int column);
const char *cw_stmt_text (CwStmt *stmt, int column);
char *cw_stmt_dup_text (CwStmt *stmt, int column);
gboolean cw_stmt_is_null (CwStmt *stmt, int column);

/* The size of a file's header that the engine defines, and what it says. */
#define CW_DB_HEADER_SIZE 100
gboolean cw_db_header_is_database (const void *bytes, gsize n);
guint64 cw_db_header_length (const guint8 *header);
guint cw_db_list_damage (CwDb *db, GPtrArray *problems);

/* The files the engine keeps beside a database (see cw-db.c). */
typedef enum
{
  CW_DB_SIDE_WAL,
  CW_DB_SIDE_JOURNAL,
  CW_DB_SIDE_SHM,
} CwDbSide;

char *cw_db_side_path (const char *path, CwDbSide side);
gboolean cw_db_wal_has_changes (const char *path);
gboolean cw_db_wal_checkpoint_began (const char *path);
gboolean cw_db_journal_is_hot (const char *path);
gboolean cw_db_is_in_use (const char *path);

G_END_DECLS
