/* cw-practice.c: the practice file (see cw-practice.h).
 *
 * Storage choices:
 * - Its own application id and schema version, checked in the header
 *   before SQLite touches the file and again through SQLite (a -wal may
 *   hold a newer header), so that a workspace is never opened as a
 *   practice file nor the other way round.
 * - Every version of a pack ever imported is kept (its validated XML), and
 *   an attempt names the version it was sat on: a later version "replaces"
 *   a pack in the lists, while the answers and results of earlier attempts
 *   still show beside the exercises they answered.
 * - Each answer row carries its exercise's kind and clauses and its scores
 *   in hundredths of a mark (the storage layer binds integers and texts),
 *   so progress is read from the answers alone.
 * - An exam's drawn exercises are stored when it starts; the seed that drew
 *   them is stored too, and the same seed draws the same list.
 * - The same journal settings as a workspace (WAL, a sync at every commit).
 */
#define G_LOG_DOMAIN "cw-practice"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cw-i18n.h"
#include <glib/gstdio.h>

#include "cw-db.h"
#include "cw-practice.h"
#include "cw-workspace.h"
#include "cw-xml.h"

G_DEFINE_QUARK (cw - practice - error - quark, cw_practice_error)

/* The schema version this build writes and reads. */
#define PRACTICE_VERSION 1

/* A pack is kept whole as text in the file; the storage layer caps one
 * text at 4 MiB, and a pack of hundreds of exercises is a few hundred KiB. */
#define MAX_PACK_BYTES (4 * 1024 * 1024 - 1024)

static const char schema_sql[]
    = "CREATE TABLE trainee ("
      " id INTEGER PRIMARY KEY,"
      " name TEXT NOT NULL UNIQUE,"
      " created_at TEXT NOT NULL);"
      "CREATE TABLE pack ("
      " id TEXT NOT NULL,"
      " version INTEGER NOT NULL CHECK (version > 0),"
      " current INTEGER NOT NULL CHECK (current IN (0, 1)),"
      " title TEXT NOT NULL,"
      " author TEXT NOT NULL,"
      " licence TEXT NOT NULL,"
      " language TEXT NOT NULL,"
      " source TEXT NOT NULL,"
      " imported_at TEXT NOT NULL,"
      " n_exercises INTEGER NOT NULL,"
      " has_exam INTEGER NOT NULL CHECK (has_exam IN (0, 1)),"
      " xml TEXT NOT NULL,"
      " PRIMARY KEY (id, version));"
      "CREATE UNIQUE INDEX pack_current ON pack (id) WHERE current = 1;"
      "CREATE TABLE attempt ("
      " id INTEGER PRIMARY KEY,"
      " trainee_id INTEGER NOT NULL REFERENCES trainee (id),"
      " pack_id TEXT NOT NULL,"
      " pack_version INTEGER NOT NULL,"
      " mode TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),"
      " started_at TEXT NOT NULL,"
      " deadline TEXT,"
      " finished_at TEXT,"
      " seed INTEGER NOT NULL,"
      " FOREIGN KEY (pack_id, pack_version) REFERENCES pack (id, version));"
      "CREATE INDEX attempt_trainee ON attempt (trainee_id);"
      "CREATE TABLE exam_item ("
      " attempt_id INTEGER NOT NULL REFERENCES attempt (id),"
      " position INTEGER NOT NULL,"
      " section_id TEXT NOT NULL,"
      " exercise_id TEXT NOT NULL,"
      " PRIMARY KEY (attempt_id, position),"
      " UNIQUE (attempt_id, exercise_id));"
      "CREATE TABLE answer ("
      " id INTEGER PRIMARY KEY,"
      " attempt_id INTEGER NOT NULL REFERENCES attempt (id),"
      " exercise_id TEXT NOT NULL,"
      " kind TEXT NOT NULL,"
      " clauses TEXT NOT NULL,"
      " answer TEXT NOT NULL,"
      " scored INTEGER NOT NULL,"
      " possible INTEGER NOT NULL,"
      " app_scored INTEGER NOT NULL,"
      " app_possible INTEGER NOT NULL,"
      " self_scored INTEGER NOT NULL,"
      " self_possible INTEGER NOT NULL,"
      " answered_at TEXT NOT NULL,"
      " UNIQUE (attempt_id, exercise_id));";

struct _CwPractice
{
  GObject parent_instance;
  char *path;
  CwDb *db;
  GHashTable *packs; /* "id\nversion" → CwExercisePack */
  CwPracticeClock clock;
  gpointer clock_data;
};

G_DEFINE_FINAL_TYPE (CwPractice, cw_practice, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
cw_practice_finalize (GObject *object)
{
  CwPractice *self = CW_PRACTICE (object);
  g_clear_pointer (&self->db, cw_db_close);
  g_clear_pointer (&self->packs, g_hash_table_unref);
  g_free (self->path);
  G_OBJECT_CLASS (cw_practice_parent_class)->finalize (object);
}

static void
cw_practice_class_init (CwPracticeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_practice_finalize;
  signals[SIGNAL_CHANGED]
      = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                      G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED | G_SIGNAL_NO_RECURSE, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 0);
}

static void
cw_practice_init (CwPractice *self)
{
  self->packs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)cw_exercise_pack_unref);
}

static void
emit_changed (CwPractice *self, const char *what)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_static_string (what));
}

/* ---- Errors ------------------------------------------------------------
 * The storage layer speaks CW_WORKSPACE_ERROR; callers of this module get
 * CW_PRACTICE_ERROR, with words about a practice file. */

static gboolean
storage_error (CwPractice *self, GError **error, GError *local)
{
  if (local == NULL)
    return FALSE;
  if (local->domain != CW_WORKSPACE_ERROR)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_autofree char *name = g_filename_display_name (self->path);
  switch (local->code)
    {
    case CW_WORKSPACE_ERROR_DAMAGED:
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_DAMAGED,
                   _ ("The practice file %s is damaged; restore it from a backup copy, or make a "
                      "new one and import the packs again"),
                   name);
      break;
    case CW_WORKSPACE_ERROR_NOT_WORKSPACE:
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE,
                   _ ("%s is not a Clausewise practice file; it was left unchanged"), name);
      break;
    case CW_WORKSPACE_ERROR_INVALID:
      g_set_error_literal (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID, local->message);
      break;
    default:
      g_set_error_literal (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_FAILED, local->message);
      break;
    }
  g_error_free (local);
  return FALSE;
}

/* Ends a failed write: nothing of it stays in the file. */
static gboolean
fail_write (CwPractice *self, GError **error, GError *local)
{
  if (cw_db_in_transaction (self->db))
    cw_db_rollback (self->db);
  return storage_error (self, error, local);
}

/* ---- Time -------------------------------------------------------------- */

void
cw_practice_set_clock (CwPractice *self, CwPracticeClock clock, gpointer data)
{
  g_return_if_fail (CW_IS_PRACTICE (self));
  self->clock = clock;
  self->clock_data = data;
}

static GDateTime *
now (CwPractice *self)
{
  if (self->clock != NULL)
    {
      g_autoptr (GDateTime) given = self->clock (self->clock_data);
      return g_date_time_to_utc (given);
    }
  return g_date_time_new_now_utc ();
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
now_text (CwPractice *self)
{
  g_autoptr (GDateTime) time = now (self);
  return format_time (time);
}

/* ---- Opening and creating ----------------------------------------------- */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32)bytes[0] << 24) | ((guint32)bytes[1] << 16) | ((guint32)bytes[2] << 8)
         | bytes[3];
}

/* What the header says, before SQLite reads the file (SQLite would
 * otherwise apply a -wal beside it, or make one). */
static gboolean
check_header (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, CW_PRACTICE_ERROR,
                   saved_errno == ENOENT ? CW_PRACTICE_ERROR_NOT_FOUND : CW_PRACTICE_ERROR_FAILED,
                   saved_errno == ENOENT
                       ? _ ("There is no practice file %s; make one with “clausewise-cli practice "
                            "init” or choose another file")
                       : _ ("Could not open %s: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  guint8 header[CW_DB_HEADER_SIZE];
  gssize n = read (fd, header, sizeof header);
  close (fd);
  if (n != (gssize)sizeof header || !cw_db_header_is_database (header, sizeof header))
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE,
                   _ ("%s is not a Clausewise practice file; it was left unchanged"), name);
      return FALSE;
    }
  guint32 application_id = read_be32 (header + 68);
  guint32 version = read_be32 (header + 60);
  if (application_id == CW_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE,
                   _ ("%s is an organisation's workspace, not a practice file; practice is kept "
                      "apart so it never counts in an organisation's figures. It was left "
                      "unchanged"),
                   name);
      return FALSE;
    }
  if (application_id != CW_PRACTICE_APPLICATION_ID)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE,
                   _ ("%s is a database of another program, not a Clausewise practice file; it "
                      "was left unchanged"),
                   name);
      return FALSE;
    }
  if (version > PRACTICE_VERSION)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NEWER,
                   _ ("%s was made by a newer Clausewise; update the app to open it"), name);
      return FALSE;
    }
  return TRUE;
}

CwPractice *
cw_practice_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  if (!check_header (path, error))
    return NULL;

  g_autoptr (CwPractice) self = g_object_new (CW_TYPE_PRACTICE, NULL);
  self->path = g_strdup (path);
  GError *local = NULL;
  self->db = cw_db_open (path, 0, &local);
  if (self->db == NULL)
    {
      storage_error (self, error, local);
      return NULL;
    }
  gint64 application_id, version;
  if (!cw_db_read_stamp (self->db, &application_id, &version, &local))
    {
      storage_error (self, error, local);
      return NULL;
    }
  g_autofree char *name = g_filename_display_name (path);
  if (application_id != CW_PRACTICE_APPLICATION_ID || version == 0)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_PRACTICE,
                   _ ("%s is not a Clausewise practice file; it was left unchanged"), name);
      return NULL;
    }
  if (version > PRACTICE_VERSION)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NEWER,
                   _ ("%s was made by a newer Clausewise; update the app to open it"), name);
      return NULL;
    }
  if (!cw_db_setup (self->db, CW_DB_SETUP_EDIT, &local))
    {
      storage_error (self, error, local);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
sync_path (const char *path, int flags)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | flags, 0);
  if (fd < 0)
    return FALSE;
  gboolean ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Built in a hidden file beside `path` and moved into place when whole:
 * a failure leaves nothing, and an existing file is never replaced. */
CwPractice *
cw_practice_create (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *name = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_EXISTS,
                   _ ("%s already exists; choose another name or open it instead"), name);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_name = g_filename_display_name (dir);
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_FAILED,
                   _ ("Cannot create %s: there is no folder %s; create it first or choose "
                      "another folder"),
                   name, dir_name);
      return NULL;
    }
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *part
      = g_strdup_printf ("%s%c.%s.%08x.part", dir, G_DIR_SEPARATOR, base, g_random_int ());

  GError *local = NULL;
  CwDb *db = cw_db_open_as (part, path, CW_DB_CREATE, &local);
  gboolean ok = db != NULL && cw_db_setup (db, CW_DB_SETUP_BUILD, &local)
                && cw_db_begin (db, &local) && cw_db_exec (db, schema_sql, &local)
                && cw_db_write_stamp (db, CW_PRACTICE_APPLICATION_ID, PRACTICE_VERSION, &local)
                && cw_db_commit (db, &local) && cw_db_setup (db, CW_DB_SETUP_BUILT, &local);
  if (db != NULL)
    cw_db_close (db);
  const CwDbSide sides[] = { CW_DB_SIDE_WAL, CW_DB_SIDE_SHM, CW_DB_SIDE_JOURNAL };
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = cw_db_side_path (part, sides[i]);
      g_unlink (side);
    }
  if (ok && !sync_path (part, 0))
    {
      g_set_error (&local, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _ ("Could not write %s to the disk; check that the disk has room and try "
                      "again"),
                   name);
      ok = FALSE;
    }
  /* link() refuses to replace a file that appeared meanwhile. */
  if (ok && link (part, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (&local, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _ ("Could not create %s: %s"), name, g_strerror (saved_errno));
      ok = FALSE;
      if (saved_errno == EEXIST)
        {
          g_clear_error (&local);
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_EXISTS,
                       _ ("%s already exists; choose another name or open it instead"), name);
        }
    }
  g_unlink (part);
  if (!ok)
    {
      if (local != NULL)
        {
          g_autoptr (CwPractice) named = g_object_new (CW_TYPE_PRACTICE, NULL);
          named->path = g_strdup (path);
          storage_error (named, error, local);
        }
      return NULL;
    }
  sync_path (dir, O_DIRECTORY);
  return cw_practice_open (path, error);
}

const char *
cw_practice_get_path (CwPractice *self)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  return self->path;
}

/* ---- Packs ------------------------------------------------------------- */

void
cw_practice_pack_free (CwPracticePack *pack)
{
  if (pack == NULL)
    return;
  g_free (pack->id);
  g_free (pack->title);
  g_free (pack->author);
  g_free (pack->licence);
  g_free (pack->language);
  g_free (pack->source);
  g_free (pack->imported_at);
  g_free (pack);
}

#define PACK_COLUMNS                                                                               \
  "id, version, title, author, licence, language, source, imported_at, n_exercises, has_exam"

static CwPracticePack *
row_to_pack (CwStmt *stmt)
{
  CwPracticePack *pack = g_new0 (CwPracticePack, 1);
  pack->id = cw_stmt_dup_text (stmt, 0);
  pack->version = (guint)cw_stmt_int64 (stmt, 1);
  pack->title = cw_stmt_dup_text (stmt, 2);
  pack->author = cw_stmt_dup_text (stmt, 3);
  pack->licence = cw_stmt_dup_text (stmt, 4);
  pack->language = cw_stmt_dup_text (stmt, 5);
  pack->source = cw_stmt_dup_text (stmt, 6);
  pack->imported_at = cw_stmt_dup_text (stmt, 7);
  pack->n_exercises = (guint)cw_stmt_int64 (stmt, 8);
  pack->has_exam = cw_stmt_int64 (stmt, 9) != 0;
  return pack;
}

static CwPracticePack *
lookup_current_pack (CwPractice *self, const char *pack_id, GError **error)
{
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db, "SELECT " PACK_COLUMNS " FROM pack WHERE id = ? AND current = 1", &local);
  gboolean found = FALSE;
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_text (stmt, 1, pack_id);
  if (!cw_stmt_row (stmt, &found, &local))
    return storage_error (self, error, local), NULL;
  if (!found)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("There is no pack “%s” in %s; “pack list” shows the packs imported"), pack_id,
                   self->path);
      return NULL;
    }
  CwPracticePack *pack = row_to_pack (stmt);
  cw_stmt_reset (stmt);
  return pack;
}

/* Reads the bytes of a pack file with the practice file's cap: anything
 * larger is refused before it is parsed. */
static GBytes *
read_pack_bytes (GFile *file, GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ, _ ("Could not read %s: %s"), name,
                   local->message);
      return NULL;
    }
  g_autoptr (GBytes) bytes
      = g_input_stream_read_bytes (G_INPUT_STREAM (stream), MAX_PACK_BYTES + 1, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ, _ ("Could not read %s: %s"), name,
                   local->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > MAX_PACK_BYTES)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE,
                   _ ("%s is too large for an exercise pack (more than %u KiB); split it into "
                      "smaller packs"),
                   name, (guint)(MAX_PACK_BYTES / 1024));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static CwPracticePack *
import_bytes (CwPractice *self, GBytes *bytes, const char *name, const char *source, GError **error)
{
  /* Everything is checked before the first write. */
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bytes (bytes, name, NULL, error);
  if (pack == NULL)
    return NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID,
                   _ ("%s is not encoded as UTF-8; save it as UTF-8 and import it again"), name);
      return NULL;
    }
  g_autofree char *text = g_strndup (data, size);

  GError *local = NULL;
  g_autoptr (CwPracticePack) old = lookup_current_pack (self, pack->id, &local);
  if (old == NULL && !g_error_matches (local, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local);
      return NULL;
    }
  g_clear_error (&local);
  if (old != NULL && pack->version <= old->version)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   pack->version == old->version
                       ? _ ("Pack “%s” version %u is already imported; a pack is replaced only by "
                            "a higher version (raise version= in the pack)")
                       : _ ("Pack “%s” version %u is older than version %u already imported; a "
                            "pack is replaced only by a higher version"),
                   pack->id, pack->version, old->version);
      return NULL;
    }

  g_autofree char *imported_at = now_text (self);
  if (!cw_db_begin (self->db, &local))
    return storage_error (self, error, local), NULL;
  CwStmt *retire = cw_db_prepare (self->db, "UPDATE pack SET current = 0 WHERE id = ?", &local);
  if (retire == NULL)
    return fail_write (self, error, local), NULL;
  cw_stmt_bind_text (retire, 1, pack->id);
  if (!cw_stmt_run (retire, &local))
    return fail_write (self, error, local), NULL;
  CwStmt *insert = cw_db_prepare (
      self->db,
      "INSERT INTO pack (id, version, current, title, author, licence, language, source,"
      " imported_at, n_exercises, has_exam, xml) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      &local);
  if (insert == NULL)
    return fail_write (self, error, local), NULL;
  cw_stmt_bind_text (insert, 1, pack->id);
  cw_stmt_bind_int64 (insert, 2, pack->version);
  cw_stmt_bind_text (insert, 3, pack->title);
  cw_stmt_bind_text (insert, 4, pack->author);
  cw_stmt_bind_text (insert, 5, pack->licence);
  cw_stmt_bind_text (insert, 6, pack->language ? pack->language : "");
  cw_stmt_bind_text (insert, 7, source);
  cw_stmt_bind_text (insert, 8, imported_at);
  cw_stmt_bind_int64 (insert, 9, pack->exercises->len);
  cw_stmt_bind_int64 (insert, 10, pack->exam != NULL);
  cw_stmt_bind_text (insert, 11, text);
  if (!cw_stmt_run (insert, &local) || !cw_db_commit (self->db, &local))
    return fail_write (self, error, local), NULL;

  g_hash_table_insert (self->packs, g_strdup_printf ("%s\n%u", pack->id, pack->version),
                       cw_exercise_pack_ref (pack));
  emit_changed (self, "packs");
  return lookup_current_pack (self, pack->id, error);
}

CwPracticePack *
cw_practice_import_file (CwPractice *self, GFile *file, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_autoptr (GBytes) bytes = read_pack_bytes (file, error);
  if (bytes == NULL)
    return NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *absolute
      = path != NULL ? g_canonicalize_filename (path, NULL) : g_file_get_uri (file);
  return import_bytes (self, bytes, name, absolute, error);
}

CwPracticePack *
cw_practice_import_bundled (CwPractice *self, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_autoptr (GBytes) bytes
      = g_resources_lookup_data (CW_EXERCISE_BUNDLED_PACK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_NOT_FOUND,
                   _ ("This build of Clausewise has no bundled exercise pack; import a pack "
                      "file instead"));
      return NULL;
    }
  return import_bytes (self, bytes, _ ("The bundled exercise pack"),
                       "resource://" CW_EXERCISE_BUNDLED_PACK, error);
}

GPtrArray *
cw_practice_list_packs (CwPractice *self, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db, "SELECT " PACK_COLUMNS " FROM pack WHERE current = 1 ORDER BY title, id", &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  g_autoptr (GPtrArray) packs
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_practice_pack_free);
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    g_ptr_array_add (packs, row_to_pack (stmt));
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;
  return g_steal_pointer (&packs);
}

/* A pack as read from the XML kept for `version` (0: the current one). */
static CwExercisePack *
load_pack (CwPractice *self, const char *pack_id, guint version, GError **error)
{
  GError *local = NULL;
  if (version == 0)
    {
      g_autoptr (CwPracticePack) current = lookup_current_pack (self, pack_id, error);
      if (current == NULL)
        return NULL;
      version = current->version;
    }
  g_autofree char *key = g_strdup_printf ("%s\n%u", pack_id, version);
  CwExercisePack *cached = g_hash_table_lookup (self->packs, key);
  if (cached != NULL)
    return cw_exercise_pack_ref (cached);

  CwStmt *stmt
      = cw_db_prepare (self->db, "SELECT xml FROM pack WHERE id = ? AND version = ?", &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_text (stmt, 1, pack_id);
  cw_stmt_bind_int64 (stmt, 2, version);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, &local))
    return storage_error (self, error, local), NULL;
  if (!found)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_DAMAGED,
                   _ ("The practice file %s has lost version %u of pack “%s”; restore it from a "
                      "backup copy"),
                   self->path, version, pack_id);
      return NULL;
    }
  const char *xml = cw_stmt_text (stmt, 0);
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  cw_stmt_reset (stmt);
  /* Kept text is read like any pack: the file may have been edited. */
  g_autofree char *name = g_strdup_printf (_ ("pack “%s” in %s"), pack_id, self->path);
  g_autoptr (GError) bad = NULL;
  CwExercisePack *pack = cw_exercise_pack_read_bytes (bytes, name, NULL, &bad);
  if (pack == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_DAMAGED,
                   _ ("The practice file %s is damaged: %s"), self->path, bad->message);
      return NULL;
    }
  g_hash_table_insert (self->packs, g_steal_pointer (&key), cw_exercise_pack_ref (pack));
  return pack;
}

CwExercisePack *
cw_practice_get_pack (CwPractice *self, const char *pack_id, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);
  return load_pack (self, pack_id, 0, error);
}

/* ---- Exercises --------------------------------------------------------- */

static gboolean
exercise_matches (const CwExercise *exercise, const CwExerciseFilter *filter)
{
  return (filter->any_kind || exercise->kind == filter->kind)
         && (filter->clause == NULL || cw_exercise_has_clause (exercise, filter->clause))
         && (filter->difficulty == 0 || exercise->difficulty == filter->difficulty);
}

GPtrArray *
cw_practice_list_exercises (CwPractice *self, const CwExerciseFilter *filter, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  static const CwExerciseFilter all = CW_EXERCISE_FILTER_ALL;
  if (filter == NULL)
    filter = &all;
  g_autoptr (GPtrArray) packs = NULL;
  if (filter->pack_id != NULL)
    {
      CwPracticePack *one = lookup_current_pack (self, filter->pack_id, error);
      if (one == NULL)
        return NULL;
      packs = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_practice_pack_free);
      g_ptr_array_add (packs, one);
    }
  else if ((packs = cw_practice_list_packs (self, error)) == NULL)
    return NULL;

  g_autoptr (GPtrArray) exercises
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_exercise_unref);
  for (guint i = 0; i < packs->len; i++)
    {
      CwPracticePack *info = g_ptr_array_index (packs, i);
      g_autoptr (CwExercisePack) pack = load_pack (self, info->id, info->version, error);
      if (pack == NULL)
        return NULL;
      for (guint e = 0; e < pack->exercises->len; e++)
        {
          CwExercise *exercise = g_ptr_array_index (pack->exercises, e);
          if (exercise_matches (exercise, filter))
            g_ptr_array_add (exercises, cw_exercise_ref (exercise));
        }
    }
  return g_steal_pointer (&exercises);
}

CwExercise *
cw_practice_find_exercise (CwPractice *self, const char *reference, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  const char *slash = strchr (reference, '/');
  if (slash != NULL)
    {
      g_autofree char *pack_id = g_strndup (reference, (gsize)(slash - reference));
      g_autoptr (CwExercisePack) pack = load_pack (self, pack_id, 0, error);
      if (pack == NULL)
        return NULL;
      CwExercise *exercise = cw_exercise_pack_lookup (pack, slash + 1);
      if (exercise == NULL)
        {
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                       _ ("Pack “%s” has no exercise “%s”; “exercise list” shows its exercises"),
                       pack_id, slash + 1);
          return NULL;
        }
      return cw_exercise_ref (exercise);
    }
  g_autoptr (GPtrArray) packs = cw_practice_list_packs (self, error);
  if (packs == NULL)
    return NULL;
  CwExercise *found = NULL;
  for (guint i = 0; i < packs->len; i++)
    {
      CwPracticePack *info = g_ptr_array_index (packs, i);
      g_autoptr (CwExercisePack) pack = load_pack (self, info->id, info->version, error);
      if (pack == NULL)
        {
          g_clear_pointer (&found, cw_exercise_unref);
          return NULL;
        }
      CwExercise *exercise = cw_exercise_pack_lookup (pack, reference);
      if (exercise == NULL)
        continue;
      if (found != NULL)
        {
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                       _ ("Packs “%s” and “%s” both have an exercise “%s”; name it as PACK/%s"),
                       found->pack_id, info->id, reference, reference);
          cw_exercise_unref (found);
          return NULL;
        }
      found = cw_exercise_ref (exercise);
    }
  if (found == NULL)
    g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                 _ ("No pack has an exercise “%s”; “exercise list” shows the exercises"),
                 reference);
  return found;
}

/* ---- Trainees ---------------------------------------------------------- */

static char *
clean_name (const char *name, GError **error)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Give the trainee's name as UTF-8 text"));
      return NULL;
    }
  g_autofree char *clean = g_strstrip (g_strdup (name));
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                     _ ("A trainee's name is one line without control characters"));
        return NULL;
      }
  if (*clean == '\0' || strlen (clean) > CW_PRACTICE_MAX_NAME)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Give the trainee's name (1 to %d bytes)"), CW_PRACTICE_MAX_NAME);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* The trainee's id; 0 with no error when `add` is FALSE and there is none.
 * Inside the caller's transaction when adding. */
static gint64
trainee_id (CwPractice *self, const char *name, gboolean add, GError **error)
{
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (self->db, "SELECT id FROM trainee WHERE name = ?", &local);
  if (stmt == NULL)
    return storage_error (self, error, local), 0;
  cw_stmt_bind_text (stmt, 1, name);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, &local))
    return storage_error (self, error, local), 0;
  if (found)
    {
      gint64 id = cw_stmt_int64 (stmt, 0);
      cw_stmt_reset (stmt);
      return id;
    }
  if (!add)
    return 0;
  g_autofree char *created = now_text (self);
  CwStmt *insert
      = cw_db_prepare (self->db, "INSERT INTO trainee (name, created_at) VALUES (?, ?)", &local);
  if (insert == NULL)
    return storage_error (self, error, local), 0;
  cw_stmt_bind_text (insert, 1, name);
  cw_stmt_bind_text (insert, 2, created);
  if (!cw_stmt_run (insert, &local))
    return storage_error (self, error, local), 0;
  return cw_db_last_insert_id (self->db);
}

GStrv
cw_practice_list_trainees (CwPractice *self, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (self->db, "SELECT name FROM trainee ORDER BY name", &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    g_strv_builder_add (names, cw_stmt_text (stmt, 0));
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;
  return g_strv_builder_end (names);
}

/* ---- Answers ----------------------------------------------------------- */

static char *
clauses_text (const CwExercise *exercise)
{
  return g_strjoinv (" ", exercise->clauses);
}

static gboolean
store_answer (CwPractice *self, gint64 attempt, const CwExercise *exercise,
              const CwExerciseAnswer *answer, const CwScore *score, GError **error)
{
  GError *local = NULL;
  g_autofree char *text = cw_exercise_answer_serialise (answer);
  g_autofree char *clauses = clauses_text (exercise);
  g_autofree char *answered_at = now_text (self);
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "INSERT INTO answer (attempt_id, exercise_id, kind, clauses, answer, scored, possible,"
      " app_scored, app_possible, self_scored, self_possible, answered_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (attempt_id, exercise_id) DO UPDATE SET answer = excluded.answer,"
      " scored = excluded.scored, possible = excluded.possible,"
      " app_scored = excluded.app_scored, app_possible = excluded.app_possible,"
      " self_scored = excluded.self_scored, self_possible = excluded.self_possible,"
      " answered_at = excluded.answered_at",
      &local);
  if (stmt == NULL)
    return storage_error (self, error, local);
  cw_stmt_bind_int64 (stmt, 1, attempt);
  cw_stmt_bind_text (stmt, 2, exercise->id);
  cw_stmt_bind_text (stmt, 3, cw_exercise_kind_to_string (exercise->kind));
  cw_stmt_bind_text (stmt, 4, clauses);
  cw_stmt_bind_text (stmt, 5, text);
  cw_stmt_bind_int64 (stmt, 6, cw_score_to_centi (score->scored));
  cw_stmt_bind_int64 (stmt, 7, cw_score_to_centi (score->possible));
  cw_stmt_bind_int64 (stmt, 8, cw_score_to_centi (score->app_scored));
  cw_stmt_bind_int64 (stmt, 9, cw_score_to_centi (score->app_possible));
  cw_stmt_bind_int64 (stmt, 10, cw_score_to_centi (score->self_scored));
  cw_stmt_bind_int64 (stmt, 11, cw_score_to_centi (score->self_possible));
  cw_stmt_bind_text (stmt, 12, answered_at);
  if (!cw_stmt_run (stmt, &local))
    return storage_error (self, error, local);
  return TRUE;
}

/* The version of the pack `exercise` came from, which must be imported
 * here: an exercise read from a file elsewhere is not stored. */
static gboolean
exercise_version (CwPractice *self, const CwExercise *exercise, guint *version, GError **error)
{
  g_autoptr (CwPracticePack) pack = lookup_current_pack (self, exercise->pack_id, error);
  if (pack == NULL)
    return FALSE;
  g_autoptr (CwExercisePack) read = load_pack (self, pack->id, pack->version, error);
  if (read == NULL)
    return FALSE;
  if (cw_exercise_pack_lookup (read, exercise->id) == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("Pack “%s” has no exercise “%s”"), pack->id, exercise->id);
      return FALSE;
    }
  *version = pack->version;
  return TRUE;
}

CwScore *
cw_practice_answer (CwPractice *self, const char *trainee, const CwExercise *exercise,
                    const CwExerciseAnswer *answer, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (exercise != NULL && answer != NULL, NULL);
  g_autofree char *name = clean_name (trainee, error);
  if (name == NULL)
    return NULL;
  guint version;
  if (!exercise_version (self, exercise, &version, error))
    return NULL;
  g_autoptr (CwScore) score = cw_exercise_score (exercise, answer, error);
  if (score == NULL)
    return NULL;

  GError *local = NULL;
  g_autofree char *started = now_text (self);
  if (!cw_db_begin (self->db, &local))
    return storage_error (self, error, local), NULL;
  gint64 who = trainee_id (self, name, TRUE, &local);
  if (who == 0)
    return fail_write (self, error, local), NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "INSERT INTO attempt (trainee_id, pack_id, pack_version, mode, started_at, finished_at,"
      " seed) VALUES (?, ?, ?, 'practice', ?, ?, 0)",
      &local);
  if (stmt == NULL)
    return fail_write (self, error, local), NULL;
  cw_stmt_bind_int64 (stmt, 1, who);
  cw_stmt_bind_text (stmt, 2, exercise->pack_id);
  cw_stmt_bind_int64 (stmt, 3, version);
  cw_stmt_bind_text (stmt, 4, started);
  cw_stmt_bind_text (stmt, 5, started);
  if (!cw_stmt_run (stmt, &local))
    return fail_write (self, error, local), NULL;
  gint64 attempt = cw_db_last_insert_id (self->db);
  if (!store_answer (self, attempt, exercise, answer, score, &local)
      || !cw_db_commit (self->db, &local))
    return fail_write (self, error, local), NULL;
  emit_changed (self, "attempts");
  return g_steal_pointer (&score);
}

/* ---- Attempts ---------------------------------------------------------- */

const char *
cw_attempt_mode_to_string (CwAttemptMode mode)
{
  return mode == CW_ATTEMPT_EXAM ? "exam" : "practice";
}

void
cw_attempt_free (CwAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->trainee);
  g_free (attempt->pack_id);
  g_free (attempt->started_at);
  g_free (attempt->deadline);
  g_free (attempt->finished_at);
  g_free (attempt);
}

static GDateTime *
parse_time (const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

gint64
cw_attempt_seconds_left (const CwAttempt *attempt, GDateTime *now)
{
  g_return_val_if_fail (attempt != NULL && now != NULL, 0);
  if (attempt->finished_at != NULL || attempt->deadline == NULL)
    return 0;
  g_autoptr (GDateTime) deadline = parse_time (attempt->deadline);
  if (deadline == NULL)
    return 0;
  GTimeSpan left = g_date_time_difference (deadline, now);
  return left > 0 ? (left + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND : 0;
}

#define ATTEMPT_COLUMNS                                                                            \
  "attempt.id, trainee.name, attempt.pack_id, attempt.pack_version, attempt.mode,"                 \
  " attempt.started_at, attempt.deadline, attempt.finished_at, attempt.seed"

static CwAttempt *
row_to_attempt (CwStmt *stmt, guint *version)
{
  CwAttempt *attempt = g_new0 (CwAttempt, 1);
  attempt->id = cw_stmt_int64 (stmt, 0);
  attempt->trainee = cw_stmt_dup_text (stmt, 1);
  attempt->pack_id = cw_stmt_dup_text (stmt, 2);
  if (version != NULL)
    *version = (guint)cw_stmt_int64 (stmt, 3);
  attempt->mode
      = g_strcmp0 (cw_stmt_text (stmt, 4), "exam") == 0 ? CW_ATTEMPT_EXAM : CW_ATTEMPT_PRACTICE;
  attempt->started_at = cw_stmt_dup_text (stmt, 5);
  attempt->deadline = cw_stmt_is_null (stmt, 6) ? NULL : cw_stmt_dup_text (stmt, 6);
  attempt->finished_at = cw_stmt_is_null (stmt, 7) ? NULL : cw_stmt_dup_text (stmt, 7);
  attempt->seed = (guint64)cw_stmt_int64 (stmt, 8);
  return attempt;
}

static CwAttempt *
get_attempt (CwPractice *self, gint64 attempt_id, guint *version, GError **error)
{
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (self->db,
                                "SELECT " ATTEMPT_COLUMNS " FROM attempt JOIN trainee ON"
                                " trainee.id = attempt.trainee_id WHERE attempt.id = ?",
                                &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_int64 (stmt, 1, attempt_id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, &local))
    return storage_error (self, error, local), NULL;
  if (!found)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("There is no attempt %" PRId64 " in %s"), attempt_id, self->path);
      return NULL;
    }
  CwAttempt *attempt = row_to_attempt (stmt, version);
  cw_stmt_reset (stmt);
  return attempt;
}

CwAttempt *
cw_practice_get_attempt (CwPractice *self, gint64 attempt_id, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  return get_attempt (self, attempt_id, NULL, error);
}

GPtrArray *
cw_practice_list_attempts (CwPractice *self, const char *trainee, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (self->db,
                                "SELECT " ATTEMPT_COLUMNS " FROM attempt JOIN trainee ON"
                                " trainee.id = attempt.trainee_id"
                                " WHERE ?1 IS NULL OR trainee.name = ?1 ORDER BY attempt.id",
                                &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  if (trainee != NULL)
    cw_stmt_bind_text (stmt, 1, trainee);
  else
    cw_stmt_bind_null (stmt, 1);
  g_autoptr (GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_attempt_free);
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    g_ptr_array_add (attempts, row_to_attempt (stmt, NULL));
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;
  return g_steal_pointer (&attempts);
}

/* ---- Exams ------------------------------------------------------------- */

void
cw_exam_item_free (CwExamItem *item)
{
  if (item == NULL)
    return;
  g_free (item->section_id);
  g_free (item->section_title);
  g_clear_pointer (&item->exercise, cw_exercise_unref);
  g_free (item);
}

static CwExamSection *
find_section (CwExamBlueprint *exam, const char *id)
{
  for (guint i = 0; i < exam->sections->len; i++)
    {
      CwExamSection *section = g_ptr_array_index (exam->sections, i);
      if (g_str_equal (section->id, id))
        return section;
    }
  return NULL;
}

static gboolean
section_has_kind (const CwExamSection *section, CwExerciseKind kind)
{
  for (guint k = 0; k < section->kinds->len; k++)
    if (g_array_index (section->kinds, CwExerciseKind, k) == kind)
      return TRUE;
  return FALSE;
}

/* The draw: for each section in blueprint order, `count` of the pack's
 * exercises of its kinds, chosen by a generator seeded with `seed` (GLib's
 * Mersenne Twister, the same on every platform) and kept in the order
 * drawn. The reader made sure every section can be filled and that no
 * exercise can belong to two sections. */
static GPtrArray *
draw (CwExercisePack *pack, guint64 seed)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_exam_item_free);
  guint32 words[2] = { (guint32)(seed >> 32), (guint32)seed };
  g_autoptr (GRand) rand = g_rand_new_with_seed_array (words, 2);
  for (guint s = 0; s < pack->exam->sections->len; s++)
    {
      CwExamSection *section = g_ptr_array_index (pack->exam->sections, s);
      g_autoptr (GPtrArray) candidates = g_ptr_array_new ();
      for (guint e = 0; e < pack->exercises->len; e++)
        {
          CwExercise *exercise = g_ptr_array_index (pack->exercises, e);
          if (section_has_kind (section, exercise->kind))
            g_ptr_array_add (candidates, exercise);
        }
      for (guint i = 0; i < section->count && i < candidates->len; i++)
        {
          guint j = i + (guint)g_rand_int_range (rand, 0, (gint32)(candidates->len - i));
          gpointer picked = candidates->pdata[j];
          candidates->pdata[j] = candidates->pdata[i];
          candidates->pdata[i] = picked;
          CwExamItem *item = g_new0 (CwExamItem, 1);
          item->position = items->len + 1;
          item->section_id = g_strdup (section->id);
          item->section_title = g_strdup (section->title);
          item->exercise = cw_exercise_ref (picked);
          g_ptr_array_add (items, item);
        }
    }
  return items;
}

gint64
cw_practice_start_exam_with_seed (CwPractice *self, const char *trainee, const char *pack_id,
                                  guint64 seed, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), 0);
  g_autofree char *name = clean_name (trainee, error);
  if (name == NULL)
    return 0;

  g_autofree char *chosen = g_strdup (pack_id);
  if (chosen == NULL)
    {
      /* The only pack with an exam. */
      g_autoptr (GPtrArray) packs = cw_practice_list_packs (self, error);
      if (packs == NULL)
        return 0;
      for (guint i = 0; i < packs->len; i++)
        {
          CwPracticePack *info = g_ptr_array_index (packs, i);
          if (!info->has_exam)
            continue;
          if (chosen != NULL)
            {
              g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                           _ ("Packs “%s” and “%s” both have an exam; say which pack to sit"),
                           chosen, info->id);
              return 0;
            }
          chosen = g_strdup (info->id);
        }
      if (chosen == NULL)
        {
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                       _ ("No pack in %s has an exam; import a pack with an <exam> blueprint"),
                       self->path);
          return 0;
        }
    }
  g_autoptr (CwPracticePack) info = lookup_current_pack (self, chosen, error);
  if (info == NULL)
    return 0;
  g_autoptr (CwExercisePack) pack = load_pack (self, info->id, info->version, error);
  if (pack == NULL)
    return 0;
  if (pack->exam == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Pack “%s” has no exam; practise its exercises one by one instead"),
                   pack->id);
      return 0;
    }

  g_autoptr (GPtrArray) items = draw (pack, seed);
  g_autoptr (GDateTime) start = now (self);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, (gint)pack->exam->minutes);
  g_autofree char *started = format_time (start);
  g_autofree char *deadline = format_time (end);

  GError *local = NULL;
  if (!cw_db_begin (self->db, &local))
    return storage_error (self, error, local), 0;
  gint64 who = trainee_id (self, name, TRUE, &local);
  if (who == 0)
    return fail_write (self, error, local), 0;
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "INSERT INTO attempt (trainee_id, pack_id, pack_version, mode, started_at, deadline, seed)"
      " VALUES (?, ?, ?, 'exam', ?, ?, ?)",
      &local);
  if (stmt == NULL)
    return fail_write (self, error, local), 0;
  cw_stmt_bind_int64 (stmt, 1, who);
  cw_stmt_bind_text (stmt, 2, pack->id);
  cw_stmt_bind_int64 (stmt, 3, pack->version);
  cw_stmt_bind_text (stmt, 4, started);
  cw_stmt_bind_text (stmt, 5, deadline);
  cw_stmt_bind_int64 (stmt, 6, (gint64)seed);
  if (!cw_stmt_run (stmt, &local))
    return fail_write (self, error, local), 0;
  gint64 attempt = cw_db_last_insert_id (self->db);
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      CwStmt *insert = cw_db_prepare (self->db,
                                      "INSERT INTO exam_item (attempt_id, position, section_id,"
                                      " exercise_id) VALUES (?, ?, ?, ?)",
                                      &local);
      if (insert == NULL)
        return fail_write (self, error, local), 0;
      cw_stmt_bind_int64 (insert, 1, attempt);
      cw_stmt_bind_int64 (insert, 2, item->position);
      cw_stmt_bind_text (insert, 3, item->section_id);
      cw_stmt_bind_text (insert, 4, item->exercise->id);
      if (!cw_stmt_run (insert, &local))
        return fail_write (self, error, local), 0;
    }
  if (!cw_db_commit (self->db, &local))
    return fail_write (self, error, local), 0;
  emit_changed (self, "attempts");
  return attempt;
}

gint64
cw_practice_start_exam (CwPractice *self, const char *trainee, const char *pack_id, GError **error)
{
  guint64 seed = ((guint64)g_random_int () << 32) | g_random_int ();
  /* Kept below 2^63 so that it reads back the same from a signed column. */
  return cw_practice_start_exam_with_seed (self, trainee, pack_id, seed >> 1, error);
}

/* An exam attempt and the pack version it is sat on. */
static CwAttempt *
get_exam (CwPractice *self, gint64 attempt_id, CwExercisePack **pack, GError **error)
{
  guint version;
  g_autoptr (CwAttempt) attempt = get_attempt (self, attempt_id, &version, error);
  if (attempt == NULL)
    return NULL;
  if (attempt->mode != CW_ATTEMPT_EXAM)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("Attempt %" PRId64 " is practice, not an exam"), attempt_id);
      return NULL;
    }
  *pack = load_pack (self, attempt->pack_id, version, error);
  if (*pack == NULL)
    return NULL;
  return g_steal_pointer (&attempt);
}

static GPtrArray *
read_items (CwPractice *self, gint64 attempt_id, CwExercisePack *pack, GError **error)
{
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "SELECT exam_item.position, exam_item.section_id, exam_item.exercise_id,"
      " answer.id IS NOT NULL FROM exam_item LEFT JOIN answer ON answer.attempt_id ="
      " exam_item.attempt_id AND answer.exercise_id = exam_item.exercise_id"
      " WHERE exam_item.attempt_id = ? ORDER BY exam_item.position",
      &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_int64 (stmt, 1, attempt_id);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_exam_item_free);
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    {
      CwExercise *exercise = cw_exercise_pack_lookup (pack, cw_stmt_text (stmt, 2));
      CwExamSection *section = find_section (pack->exam, cw_stmt_text (stmt, 1));
      if (exercise == NULL || section == NULL)
        {
          cw_stmt_reset (stmt);
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_DAMAGED,
                       _ ("The practice file %s is damaged: exam %" PRId64
                          " lists an exercise its pack does not have"),
                       self->path, attempt_id);
          return NULL;
        }
      CwExamItem *item = g_new0 (CwExamItem, 1);
      item->position = (guint)cw_stmt_int64 (stmt, 0);
      item->section_id = g_strdup (section->id);
      item->section_title = g_strdup (section->title);
      item->exercise = cw_exercise_ref (exercise);
      item->answered = cw_stmt_int64 (stmt, 3) != 0;
      g_ptr_array_add (items, item);
    }
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
cw_practice_get_exam_items (CwPractice *self, gint64 attempt_id, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL)
    return NULL;
  return read_items (self, attempt_id, pack, error);
}

/* Refuses when the exam is finished or its time is up. */
static gboolean
exam_open (CwPractice *self, const CwAttempt *attempt, GError **error)
{
  if (attempt->finished_at != NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED,
                   _ ("Exam %" PRId64 " is finished; its answers can no longer change"),
                   attempt->id);
      return FALSE;
    }
  g_autoptr (GDateTime) at = now (self);
  g_autoptr (GDateTime) deadline = parse_time (attempt->deadline);
  if (deadline == NULL || g_date_time_compare (at, deadline) >= 0)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED,
                   _ ("The time for exam %" PRId64 " ran out at %s; finish it to see "
                      "the result"),
                   attempt->id, attempt->deadline ? attempt->deadline : "?");
      return FALSE;
    }
  return TRUE;
}

static CwExamItem *
find_item (GPtrArray *items, const char *exercise_id)
{
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (item->exercise->id, exercise_id))
        return item;
    }
  return NULL;
}

gboolean
cw_practice_exam_answer (CwPractice *self, gint64 attempt_id, const char *exercise_id,
                         const CwExerciseAnswer *answer, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), FALSE);
  g_return_val_if_fail (exercise_id != NULL && answer != NULL, FALSE);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL || !exam_open (self, attempt, error))
    return FALSE;
  g_autoptr (GPtrArray) items = read_items (self, attempt_id, pack, error);
  if (items == NULL)
    return FALSE;
  CwExamItem *item = find_item (items, exercise_id);
  if (item == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("Exercise “%s” is not in exam %" PRId64
                      "; “exam start” listed the exercises drawn"),
                   exercise_id, attempt_id);
      return FALSE;
    }
  /* While the exam runs the trainee sees no model answer, so there is
   * nothing to compare a written answer with: rubric items are confirmed
   * after the finish (cw_practice_exam_confirm). */
  for (guint p = 0; p < answer->parts->len; p++)
    {
      const CwPartAnswer *given = g_ptr_array_index (answer->parts, p);
      if (given->confirmed != NULL && given->confirmed->len > 0)
        {
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                       _ ("In an exam the rubric is confirmed after the finish, beside the model "
                          "answer; answer exercise %s without confirming rubric items"),
                       exercise_id);
          return FALSE;
        }
    }
  /* Scored now, shown only when the exam is finished. */
  g_autoptr (CwScore) score = cw_exercise_score (item->exercise, answer, error);
  if (score == NULL)
    return FALSE;
  GError *local = NULL;
  if (!cw_db_begin (self->db, &local))
    return storage_error (self, error, local);
  if (!store_answer (self, attempt_id, item->exercise, answer, score, &local)
      || !cw_db_commit (self->db, &local))
    return fail_write (self, error, local);
  emit_changed (self, "attempts");
  return TRUE;
}

/* The stored answers of an attempt: exercise id → CwExerciseAnswer. */
static GHashTable *
read_answers (CwPractice *self, gint64 attempt_id, CwExercisePack *pack, GError **error)
{
  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db, "SELECT exercise_id, answer FROM answer WHERE attempt_id = ?", &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_int64 (stmt, 1, attempt_id);
  g_autoptr (GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)cw_exercise_answer_free);
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    {
      CwExercise *exercise = cw_exercise_pack_lookup (pack, cw_stmt_text (stmt, 0));
      g_autoptr (GError) bad = NULL;
      CwExerciseAnswer *answer
          = exercise ? cw_exercise_answer_deserialise (exercise, cw_stmt_text (stmt, 1), &bad)
                     : NULL;
      if (answer == NULL)
        {
          cw_stmt_reset (stmt);
          g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_DAMAGED,
                       _ ("The practice file %s is damaged: an answer of attempt %" PRId64
                          " cannot be read (%s)"),
                       self->path, attempt_id, bad ? bad->message : _ ("unknown exercise"));
          return NULL;
        }
      g_hash_table_insert (answers, g_strdup (exercise->id), answer);
    }
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;
  return g_steal_pointer (&answers);
}

CwExerciseAnswer *
cw_practice_get_exam_answer (CwPractice *self, gint64 attempt_id, const char *exercise_id,
                             GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_return_val_if_fail (exercise_id != NULL, NULL);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL)
    return NULL;
  g_autoptr (GHashTable) answers = read_answers (self, attempt_id, pack, error);
  if (answers == NULL)
    return NULL;
  gpointer key = NULL, answer = NULL;
  g_hash_table_steal_extended (answers, exercise_id, &key, &answer);
  g_free (key);
  return answer;
}

gboolean
cw_practice_exam_confirm (CwPractice *self, gint64 attempt_id, const char *exercise_id, guint part,
                          GArray *confirmed, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), FALSE);
  g_return_val_if_fail (exercise_id != NULL && confirmed != NULL, FALSE);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL)
    return FALSE;
  if (attempt->finished_at == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_HIDDEN,
                   _ ("Exam %" PRId64 " is still running: its model answers, and the "
                      "rubric to confirm against them, are shown when it is finished"),
                   attempt_id);
      return FALSE;
    }
  g_autoptr (GPtrArray) items = read_items (self, attempt_id, pack, error);
  if (items == NULL)
    return FALSE;
  CwExamItem *item = find_item (items, exercise_id);
  if (item == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("Exercise “%s” is not in exam %" PRId64), exercise_id, attempt_id);
      return FALSE;
    }
  const CwExercise *exercise = item->exercise;
  if (part >= exercise->parts->len)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Exercise %s has %u parts; there is no part %u"), exercise_id,
                   exercise->parts->len, part + 1);
      return FALSE;
    }
  CwPartKind kind = ((CwPart *)g_ptr_array_index (exercise->parts, part))->kind;
  if (kind != CW_PART_WRITTEN && kind != CW_PART_STATEMENT)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Part %u of exercise %s is scored by the app; only written parts have a "
                      "rubric to confirm"),
                   part + 1, exercise_id);
      return FALSE;
    }
  g_autoptr (GHashTable) answers = read_answers (self, attempt_id, pack, error);
  if (answers == NULL)
    return FALSE;
  CwExerciseAnswer *answer = g_hash_table_lookup (answers, exercise_id);
  if (answer == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_INVALID,
                   _ ("Exercise %s was not answered in exam %" PRId64
                      "; there is nothing to compare with the model"),
                   exercise_id, attempt_id);
      return FALSE;
    }
  GArray *items_met = cw_exercise_answer_get_part (answer, part)->confirmed;
  g_array_set_size (items_met, 0);
  g_array_append_vals (items_met, confirmed->data, confirmed->len);
  g_autoptr (CwScore) score = cw_exercise_score (exercise, answer, error);
  if (score == NULL)
    return FALSE;

  /* The answer keeps the time it was given; only its rubric and scores
   * change. */
  GError *local = NULL;
  g_autofree char *text = cw_exercise_answer_serialise (answer);
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "UPDATE answer SET answer = ?, scored = ?, possible = ?, app_scored = ?, app_possible = ?,"
      " self_scored = ?, self_possible = ? WHERE attempt_id = ? AND exercise_id = ?",
      &local);
  if (stmt == NULL || !cw_db_begin (self->db, &local))
    return storage_error (self, error, local);
  cw_stmt_bind_text (stmt, 1, text);
  cw_stmt_bind_int64 (stmt, 2, cw_score_to_centi (score->scored));
  cw_stmt_bind_int64 (stmt, 3, cw_score_to_centi (score->possible));
  cw_stmt_bind_int64 (stmt, 4, cw_score_to_centi (score->app_scored));
  cw_stmt_bind_int64 (stmt, 5, cw_score_to_centi (score->app_possible));
  cw_stmt_bind_int64 (stmt, 6, cw_score_to_centi (score->self_scored));
  cw_stmt_bind_int64 (stmt, 7, cw_score_to_centi (score->self_possible));
  cw_stmt_bind_int64 (stmt, 8, attempt_id);
  cw_stmt_bind_text (stmt, 9, exercise_id);
  if (!cw_stmt_run (stmt, &local) || !cw_db_commit (self->db, &local))
    return fail_write (self, error, local);
  emit_changed (self, "attempts");
  return TRUE;
}

static void
section_result_free (CwSectionResult *result)
{
  g_free (result->id);
  g_free (result->title);
  g_free (result);
}

static void
clause_result_free (CwClauseResult *result)
{
  g_free (result->clause);
  g_free (result);
}

static void
exam_answer_free (CwExamAnswer *answer)
{
  cw_exam_item_free (answer->item);
  cw_exercise_answer_free (answer->answer);
  cw_score_free (answer->score);
  g_free (answer);
}

void
cw_exam_result_free (CwExamResult *result)
{
  if (result == NULL)
    return;
  cw_attempt_free (result->attempt);
  g_clear_pointer (&result->sections, g_ptr_array_unref);
  g_clear_pointer (&result->weakest, g_ptr_array_unref);
  g_clear_pointer (&result->answers, g_ptr_array_unref);
  g_clear_pointer (&result->pack, cw_exercise_pack_unref);
  g_free (result);
}

static double
percent (double scored, double possible)
{
  return possible > 0 ? 100.0 * scored / possible : 0;
}

/* "6.2.1" before "10.1": part by part, as numbers. */
static int
compare_clause_numbers (const char *a, const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      char *end_a, *end_b;
      guint64 x = g_ascii_strtoull (a, &end_a, 10);
      guint64 y = g_ascii_strtoull (b, &end_b, 10);
      if (x != y)
        return x < y ? -1 : 1;
      a = *end_a == '.' ? end_a + 1 : end_a;
      b = *end_b == '.' ? end_b + 1 : end_b;
      if (end_a == a && end_b == b)
        break;
    }
  return (*a != '\0') - (*b != '\0');
}

static int
compare_clause_results (gconstpointer a, gconstpointer b)
{
  const CwClauseResult *x = *(CwClauseResult *const *)a;
  const CwClauseResult *y = *(CwClauseResult *const *)b;
  if (x->percent != y->percent)
    return x->percent < y->percent ? -1 : 1;
  return compare_clause_numbers (x->clause, y->clause);
}

/* The result, computed from the stored answers: scores are never taken
 * from anywhere a running exam could show them. */
static CwExamResult *
compute_result (CwPractice *self, CwAttempt *attempt, CwExercisePack *pack, GError **error)
{
  g_autoptr (GPtrArray) items = read_items (self, attempt->id, pack, error);
  if (items == NULL)
    return NULL;
  g_autoptr (GHashTable) answers = read_answers (self, attempt->id, pack, error);
  if (answers == NULL)
    return NULL;

  g_autoptr (CwExamResult) result = g_new0 (CwExamResult, 1);
  result->pack = cw_exercise_pack_ref (pack);
  result->blueprint = pack->exam;
  result->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_result_free);
  result->weakest = g_ptr_array_new_with_free_func ((GDestroyNotify)clause_result_free);
  result->answers = g_ptr_array_new_with_free_func ((GDestroyNotify)exam_answer_free);
  for (guint s = 0; s < pack->exam->sections->len; s++)
    {
      CwExamSection *section = g_ptr_array_index (pack->exam->sections, s);
      CwSectionResult *sr = g_new0 (CwSectionResult, 1);
      sr->id = g_strdup (section->id);
      sr->title = g_strdup (section->title);
      sr->weight = section->weight;
      g_ptr_array_add (result->sections, sr);
    }

  g_autoptr (GHashTable) clauses
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)clause_result_free);
  for (guint i = 0; i < items->len; i++)
    {
      CwExamItem *item = g_ptr_array_index (items, i);
      CwExamAnswer *entry = g_new0 (CwExamAnswer, 1);
      g_ptr_array_add (result->answers, entry);
      entry->item = item;
      items->pdata[i] = NULL;
      gpointer key = NULL, answer = NULL;
      if (g_hash_table_steal_extended (answers, item->exercise->id, &key, &answer))
        {
          g_free (key);
          entry->answer = answer;
          entry->score = cw_exercise_score (item->exercise, entry->answer, error);
          if (entry->score == NULL)
            return NULL;
        }
      double scored = entry->score ? entry->score->scored : 0;
      double possible = item->exercise->marks;
      for (guint s = 0; s < result->sections->len; s++)
        {
          CwSectionResult *sr = g_ptr_array_index (result->sections, s);
          if (g_str_equal (sr->id, item->section_id))
            {
              sr->scored += scored;
              sr->possible += possible;
            }
        }
      for (guint c = 0; item->exercise->clauses[c] != NULL; c++)
        {
          const char *number = item->exercise->clauses[c];
          CwClauseResult *cr = g_hash_table_lookup (clauses, number);
          if (cr == NULL)
            {
              cr = g_new0 (CwClauseResult, 1);
              cr->clause = g_strdup (number);
              g_hash_table_insert (clauses, cr->clause, cr);
            }
          cr->scored += scored;
          cr->possible += possible;
        }
    }
  g_ptr_array_set_free_func (items, NULL);

  result->passed = TRUE;
  for (guint s = 0; s < result->sections->len; s++)
    {
      CwSectionResult *sr = g_ptr_array_index (result->sections, s);
      sr->percent = percent (sr->scored, sr->possible);
      sr->passed = sr->percent >= pack->exam->pass_section;
      result->percent += sr->weight * sr->percent / 100.0;
      result->passed = result->passed && sr->passed;
    }
  result->passed = result->passed && result->percent >= pack->exam->pass_overall;

  GHashTableIter iter;
  gpointer value;
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, clauses);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CwClauseResult *cr = value;
      cr->percent = percent (cr->scored, cr->possible);
      g_ptr_array_add (all, cr);
    }
  g_ptr_array_sort (all, compare_clause_results);
  for (guint i = 0; i < all->len && result->weakest->len < 5; i++)
    {
      CwClauseResult *cr = g_ptr_array_index (all, i);
      if (cr->percent >= 100.0)
        break;
      CwClauseResult *copy = g_new0 (CwClauseResult, 1);
      *copy = *cr;
      copy->clause = g_strdup (cr->clause);
      g_ptr_array_add (result->weakest, copy);
    }
  result->attempt = g_steal_pointer (&attempt);
  return g_steal_pointer (&result);
}

CwExamResult *
cw_practice_finish_exam (CwPractice *self, gint64 attempt_id, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL)
    return NULL;
  if (attempt->finished_at != NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED,
                   _ ("Exam %" PRId64 " was finished at %s already"), attempt_id,
                   attempt->finished_at);
      return NULL;
    }
  /* Finished at the deadline at the latest: what the clock says after it
   * is not time spent on the exam. */
  g_autoptr (GDateTime) at = now (self);
  g_autoptr (GDateTime) deadline = parse_time (attempt->deadline);
  g_autofree char *finished
      = format_time (deadline != NULL && g_date_time_compare (at, deadline) > 0 ? deadline : at);

  GError *local = NULL;
  CwStmt *stmt = cw_db_prepare (
      self->db, "UPDATE attempt SET finished_at = ? WHERE id = ? AND finished_at IS NULL", &local);
  if (stmt == NULL || !cw_db_begin (self->db, &local))
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_text (stmt, 1, finished);
  cw_stmt_bind_int64 (stmt, 2, attempt_id);
  if (!cw_stmt_run (stmt, &local))
    return fail_write (self, error, local), NULL;
  if (cw_db_changes (self->db) != 1)
    {
      cw_db_rollback (self->db);
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_CLOSED,
                   _ ("Exam %" PRId64 " was finished meanwhile"), attempt_id);
      return NULL;
    }
  if (!cw_db_commit (self->db, &local))
    return fail_write (self, error, local), NULL;
  emit_changed (self, "attempts");
  attempt->finished_at = g_steal_pointer (&finished);
  return compute_result (self, g_steal_pointer (&attempt), pack, error);
}

CwExamResult *
cw_practice_get_exam_result (CwPractice *self, gint64 attempt_id, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_autoptr (CwExercisePack) pack = NULL;
  g_autoptr (CwAttempt) attempt = get_exam (self, attempt_id, &pack, error);
  if (attempt == NULL)
    return NULL;
  if (attempt->finished_at == NULL)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_HIDDEN,
                   _ ("Exam %" PRId64 " is still running: its scores are shown when it "
                      "is finished"),
                   attempt_id);
      return NULL;
    }
  return compute_result (self, g_steal_pointer (&attempt), pack, error);
}

/* ---- Progress ---------------------------------------------------------- */

void
cw_progress_row_free (CwProgressRow *row)
{
  if (row == NULL)
    return;
  g_free (row->day);
  g_free (row->key);
  g_free (row);
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const CwProgressRow *x = *(CwProgressRow *const *)a;
  const CwProgressRow *y = *(CwProgressRow *const *)b;
  int by_day = g_strcmp0 (x->day, y->day);
  return by_day != 0 ? by_day : g_strcmp0 (x->key, y->key);
}

static void
add_progress (GHashTable *rows, const char *day, const char *key, double scored, double possible)
{
  g_autofree char *id = g_strdup_printf ("%s\t%s", day, key);
  CwProgressRow *row = g_hash_table_lookup (rows, id);
  if (row == NULL)
    {
      row = g_new0 (CwProgressRow, 1);
      row->day = g_strdup (day);
      row->key = g_strdup (key);
      g_hash_table_insert (rows, g_steal_pointer (&id), row);
    }
  row->answers++;
  row->scored += scored;
  row->possible += possible;
}

GPtrArray *
cw_practice_progress (CwPractice *self, const char *trainee, CwProgressBy by, GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), NULL);
  g_autofree char *name = clean_name (trainee, error);
  if (name == NULL)
    return NULL;
  GError *local = NULL;
  gint64 who = trainee_id (self, name, FALSE, &local);
  if (local != NULL)
    return storage_error (self, error, local), NULL;
  if (who == 0)
    {
      g_set_error (error, CW_PRACTICE_ERROR, CW_PRACTICE_ERROR_NOT_FOUND,
                   _ ("No trainee “%s” has answered anything in %s yet"), name, self->path);
      return NULL;
    }
  /* A running exam's answers stay out: its scores are not to be seen. */
  CwStmt *stmt = cw_db_prepare (
      self->db,
      "SELECT substr(answer.answered_at, 1, 10), answer.kind, answer.clauses, answer.scored,"
      " answer.possible FROM answer JOIN attempt ON attempt.id = answer.attempt_id"
      " WHERE attempt.trainee_id = ? AND (attempt.mode = 'practice' OR attempt.finished_at IS NOT"
      " NULL) ORDER BY answer.answered_at",
      &local);
  if (stmt == NULL)
    return storage_error (self, error, local), NULL;
  cw_stmt_bind_int64 (stmt, 1, who);
  g_autoptr (GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CwStep step;
  while ((step = cw_stmt_step (stmt, &local)) == CW_STEP_ROW)
    {
      const char *day = cw_stmt_text (stmt, 0);
      double scored = cw_stmt_int64 (stmt, 3) / 100.0;
      double possible = cw_stmt_int64 (stmt, 4) / 100.0;
      if (by == CW_PROGRESS_BY_KIND)
        add_progress (rows, day, cw_stmt_text (stmt, 1), scored, possible);
      else
        {
          g_auto (GStrv) numbers = g_strsplit (cw_stmt_text (stmt, 2), " ", -1);
          for (guint i = 0; numbers[i] != NULL; i++)
            if (*numbers[i] != '\0')
              add_progress (rows, day, numbers[i], scored, possible);
        }
    }
  if (step == CW_STEP_ERROR)
    return storage_error (self, error, local), NULL;

  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_progress_row_free);
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CwProgressRow *row = value;
      row->percent = percent (row->scored, row->possible);
      g_ptr_array_add (list, row);
    }
  g_ptr_array_sort (list, compare_rows);
  return g_steal_pointer (&list);
}
