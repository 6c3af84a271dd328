/* cw-recover.c: a -wal or -journal found beside a workspace.
 *
 * When SQLite opens a file it applies every committed frame of the -wal
 * beside it and rolls back a hot -journal, without asking whether they were
 * written for this file. A -wal from another workspace (a copied folder),
 * or from a later session of this one beside a restored backup, then
 * rewrites the file: it is refused as damaged from then on, or the restore
 * is silently undone. So before SQLite may recover anything, this module
 * recovers a scratch copy and looks at it.
 *
 * When it runs: only when SQLite would recover, that is when the -wal holds
 * a committed transaction or the -journal is hot, and no live connection has
 * the file open. A file this process has open is never looked at here
 * (cw-open-files.c knows, and the caller asks first); one that another
 * process has open holds SQLite's locks (cw_db_is_in_use), and its -wal is
 * then in use, not left over, and SQLite does not recover it.
 *
 * How: the file alone, and the file with its -wal and -journal, are copied
 * into a private scratch folder; SQLite recovers the second copy there. The
 * real files are only read. The side file may then be applied in place when
 * applying it changes nothing, or when all of these hold:
 *
 * 1. The recovered copy is sound (PRAGMA quick_check), a Clausewise
 *    workspace (application_id) of a schema this version reads.
 * 2. It is the same workspace as the file alone: the same UUID (schema 3
 *    on; a -wal may hold the upgrade that gave it one), the same creation
 *    time and the same first history entry (whose hash chains every later
 *    one).
 * 3. Its history continues the file's own: the file's last history entry is
 *    in the recovered copy, unchanged, under the same id. (For a -journal,
 *    which takes back an unfinished transaction, the other way round: the
 *    recovered copy's last entry is in the file.)
 * 4. For a -wal: the file is the one the -wal was written on. The bytes
 *    cannot always tell: a backup taken just before a session is byte for
 *    byte the file that session's -wal was written on, and restoring it must
 *    not bring the session back. So the rule is about the files, not the
 *    bytes: the file has not changed since the -wal last did. Every way of
 *    putting a file in place (copying, moving, unpacking, restoring) sets
 *    its change time (ctime), and no tool can set that back, so the file's
 *    ctime must not be later than the -wal's. A session writes the -wal
 *    after the file (the file only at checkpoints), and copying a folder
 *    in name order copies the file before its -wal. The one change of the
 *    file after its -wal that is allowed is a checkpoint of this very -wal,
 *    cut short (a crash, or a full disk): it shows in the file holding a
 *    page exactly as the -wal last committed it (cw_db_wal_checkpoint_began;
 *    a checkpoint writes the pages in order, and the first is not always
 *    among them).
 *
 * When the file alone cannot be read (a checkpoint cut short by a full disk
 * leaves it shorter than its header says), 2 and 3 cannot be asked of it;
 * the -wal is then applied only when a checkpoint of it began, as in 4.
 *
 * What this gets wrong: a backup copied from the open workspace during the
 * very session whose -wal is left, after a checkpoint began, passes 4 and is
 * brought forward, as would a copy holding a page the session wrote back
 * to exactly what it held before; a folder copied with the -wal before the
 * file (cp -r follows the directory's order) is refused, and the message
 * says to move the -wal away, though the original folder still has both.
 * A -journal carries no time to compare (it is written before the file it
 * protects), so only 1 to 3 guard it; Clausewise itself never leaves one,
 * as it writes in WAL mode.
 */
#define G_LOG_DOMAIN "cw-recover"

#include "config.h"

#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <string.h>

#include "cw-db.h"
#include "cw-fs.h"
#include "cw-recover.h"
#include "cw-workspace.h"

/* What a copy of the workspace says about itself. */
typedef struct
{
  CwDb *db;
  gboolean sound;         /* quick_check found nothing */
  gint64 application_id;
  gint64 version;
  gboolean has_identity;  /* the next two could be read */
  char *created_at;
  char *first_hash;
  char *uuid;             /* NULL before schema 3 */
  gboolean has_history;   /* the next two could be read */
  gint64 last_id;         /* 0: no history */
  char *last_hash;
} Copy;

static void
copy_clear (Copy *copy)
{
  g_clear_pointer (&copy->db, cw_db_close);
  g_clear_pointer (&copy->created_at, g_free);
  g_clear_pointer (&copy->first_hash, g_free);
  g_clear_pointer (&copy->uuid, g_free);
  g_clear_pointer (&copy->last_hash, g_free);
}

/* The text of the one row `sql` returns, or NULL (with *ok FALSE when it
 * could not be read, TRUE when there is no row). */
static char *
query_text (CwDb *db, const char *sql, gint64 id, gboolean *ok)
{
  CwStmt *stmt = cw_db_prepare (db, sql, NULL);
  gboolean found = FALSE;
  *ok = FALSE;
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    cw_stmt_bind_int64 (stmt, 1, id);
  if (!cw_stmt_row (stmt, &found, NULL))
    return NULL;
  *ok = TRUE;
  char *text = found ? cw_stmt_dup_text (stmt, 0) : NULL;
  cw_stmt_reset (stmt);
  return text;
}


/* Opens the copy at `path` (SQLite recovers it then, if it has side files)
 * and reads what the rules need. Whatever cannot be read stays unset. */
static void
look_at (const char *path, Copy *copy)
{
  copy->db = cw_db_open (path, 0, NULL);
  if (copy->db == NULL)
    return;
  gboolean ok, ok_first;
  if (!cw_db_read_stamp (copy->db, &copy->application_id, &copy->version, NULL))
    return;
  copy->created_at = query_text (copy->db, "SELECT created_at FROM workspace WHERE id = 1", 0, &ok);
  copy->first_hash
    = query_text (copy->db, "SELECT hash FROM history ORDER BY id LIMIT 1", 0, &ok_first);
  copy->has_identity = ok && ok_first && copy->created_at != NULL;
  if (copy->version >= 3)
    copy->uuid = query_text (copy->db, "SELECT uuid FROM workspace WHERE id = 1", 0, &ok);

  CwStmt *last = cw_db_prepare (copy->db, "SELECT id, hash FROM history ORDER BY id DESC LIMIT 1",
                                NULL);
  gboolean found;
  if (last != NULL && cw_stmt_row (last, &found, NULL))
    {
      copy->has_history = TRUE;
      copy->last_id = found ? cw_stmt_int64 (last, 0) : 0;
      copy->last_hash = found ? cw_stmt_dup_text (last, 1) : NULL;
      cw_stmt_reset (last);
    }
}

/* Whether `copy` has the history entry `id` with `hash`. */
static gboolean
has_entry (Copy *copy, gint64 id, const char *hash)
{
  gboolean ok;
  g_autofree char *found = query_text (copy->db, "SELECT hash FROM history WHERE id = ?", id, &ok);
  return ok && found != NULL && g_strcmp0 (found, hash) == 0;
}

static gboolean
files_equal (const char *a, const char *b)
{
  g_autoptr (GMappedFile) first = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr (GMappedFile) second = g_mapped_file_new (b, FALSE, NULL);
  return first != NULL && second != NULL
         && g_mapped_file_get_length (first) == g_mapped_file_get_length (second)
         && g_mapped_file_get_length (first) > 0
         && memcmp (g_mapped_file_get_contents (first), g_mapped_file_get_contents (second),
                    g_mapped_file_get_length (first))
              == 0;
}

/* Rule 4: the file has not changed since the -wal last did. */
static gboolean
unchanged_since_wal (const char *path, const char *wal)
{
  GStatBuf file, side;
  if (g_stat (path, &file) != 0 || g_stat (wal, &side) != 0)
    return FALSE;
  return file.st_ctim.tv_sec < side.st_ctim.tv_sec
         || (file.st_ctim.tv_sec == side.st_ctim.tv_sec
             && file.st_ctim.tv_nsec <= side.st_ctim.tv_nsec);
}

typedef enum
{
  VERDICT_APPLY,
  VERDICT_FOREIGN, /* the side file belongs to another database */
  VERDICT_STALE,   /* it belongs to an earlier state of this file */
  VERDICT_NEWER,   /* it holds a newer Clausewise's schema */
  VERDICT_DAMAGED, /* the file is damaged and the side file does not mend it */
} Verdict;

static Verdict
judge (Copy *alone, Copy *recovered, gboolean wal, gboolean continuous, gboolean checkpointed,
       guint current_version)
{
  if (!recovered->sound || recovered->application_id != CW_WORKSPACE_APPLICATION_ID
      || recovered->version == 0)
    {
      /* This -wal wrote the file, or the file is damaged on its own. */
      if (checkpointed || alone->db == NULL || !cw_db_is_sound (alone->db))
        return VERDICT_DAMAGED;
      /* A later session's frames over a restored file make a mixture. */
      return wal && !continuous ? VERDICT_STALE : VERDICT_FOREIGN;
    }
  if (recovered->version > current_version)
    return VERDICT_NEWER;
  if (!alone->has_identity || !alone->has_history)
    {
      /* The file alone cannot be read: only a checkpoint of this -wal cut
       * short may explain that. */
      if (!checkpointed)
        return VERDICT_DAMAGED;
    }
  if (alone->has_identity
      && (!recovered->has_identity || g_strcmp0 (alone->created_at, recovered->created_at) != 0
          || g_strcmp0 (alone->first_hash, recovered->first_hash) != 0
          || (alone->uuid != NULL && g_strcmp0 (alone->uuid, recovered->uuid) != 0)))
    return VERDICT_FOREIGN;
  if (alone->has_history && wal && alone->last_id != 0)
    {
      gboolean ok;
      g_autofree char *hash = query_text (recovered->db, "SELECT hash FROM history WHERE id = ?",
                                          alone->last_id, &ok);
      if (!ok || hash == NULL)
        return VERDICT_STALE; /* the -wal is older than the file */
      if (g_strcmp0 (hash, alone->last_hash) != 0)
        return VERDICT_FOREIGN;
    }
  if (alone->has_history && !wal && recovered->last_id != 0
      && !has_entry (alone, recovered->last_id, recovered->last_hash))
    return VERDICT_FOREIGN;
  if (wal && !continuous && !checkpointed)
    return VERDICT_STALE;
  return VERDICT_APPLY;
}

static void
set_verdict_error (GError **error, Verdict verdict, const char *path, const char *side)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *side_name = g_filename_display_name (side);
  switch (verdict)
    {
    case VERDICT_FOREIGN:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FOREIGN,
                   _("%s was not opened: %s beside it belongs to another database, and opening "
                     "would have written it into the workspace. Move %s away (it was left "
                     "untouched, as was the workspace) and open again"),
                   name, side_name, side_name);
      break;
    case VERDICT_STALE:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FOREIGN,
                   _("%s was not opened: %s beside it holds changes from a session of this "
                     "workspace that did not end, and the file has been replaced since (a "
                     "restored backup or a copy?); applying them would undo that. Move %s away "
                     "(it was left untouched, as was the workspace) and open again"),
                   name, side_name, side_name);
      break;
    case VERDICT_NEWER:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NEWER,
                   _("%s was not opened: %s beside it holds changes made by a newer Clausewise; "
                     "update the app to open it. Both files were left untouched"),
                   name, side_name);
      break;
    case VERDICT_DAMAGED:
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The workspace %s is damaged, and %s beside it does not make it whole. "
                     "Restore it from a backup copy; both files were left untouched"),
                   name, side_name);
      break;
    case VERDICT_APPLY:
    default:
      g_assert_not_reached ();
    }
}

/* Copies the file and its side files into `scratch`: "alone" is the file
 * without them, "recovered" the file with them, for SQLite to recover. */
static gboolean
make_copies (const char *path, const char *scratch, char **alone, char **recovered,
             GError **error)
{
  *alone = g_build_filename (scratch, "alone.clausewise", NULL);
  *recovered = g_build_filename (scratch, "recovered.clausewise", NULL);
  if (!cw_fs_copy_private (path, *alone, error) || !cw_fs_copy_private (path, *recovered, error))
    return FALSE;
  const CwDbSide sides[] = { CW_DB_SIDE_WAL, CW_DB_SIDE_JOURNAL };
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *from = cw_db_side_path (path, sides[i]);
      g_autofree char *to = cw_db_side_path (*recovered, sides[i]);
      if (g_file_test (from, G_FILE_TEST_EXISTS) && !cw_fs_copy_private (from, to, error))
        return FALSE;
    }
  return TRUE;
}

/* Decides whether SQLite may recover the workspace at `path` from the -wal
 * or -journal beside it (see the top of this file): TRUE when there is
 * nothing to recover, when a live connection has the file open, or when
 * the rules hold. Otherwise FALSE with an error that names the side file;
 * both files are then exactly as they were. Never call it for a file this
 * process has open (cw_open_files_contains). */
gboolean
cw_recover_check (const char *path, guint current_version, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  /* In this order, so that a file open in the app costs the CLI beside it
   * two lookups and a lock test, not a read of its whole -wal. */
  g_autofree char *wal_path = cw_db_side_path (path, CW_DB_SIDE_WAL);
  g_autofree char *journal_path = cw_db_side_path (path, CW_DB_SIDE_JOURNAL);
  if (!g_file_test (wal_path, G_FILE_TEST_EXISTS)
      && !g_file_test (journal_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (cw_db_is_in_use (path))
    {
      g_debug ("%s is open in another process: its side files are in use", path);
      return TRUE;
    }
  gboolean wal = cw_db_wal_has_changes (path);
  if (!wal && !cw_db_journal_is_hot (path))
    return TRUE;
  const char *side = wal ? wal_path : journal_path;
  gboolean continuous = wal && unchanged_since_wal (path, side);
  gboolean checkpointed = wal && cw_db_wal_checkpoint_began (path);

  g_autoptr (GError) local = NULL;
  g_autofree char *scratch = cw_fs_make_scratch_dir (&local);
  g_autofree char *alone_path = NULL, *recovered_path = NULL;
  if (scratch == NULL || !make_copies (path, scratch, &alone_path, &recovered_path, &local))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *side_name = g_filename_display_name (side);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("Could not check %s beside %s before opening it, as a copy could not be "
                     "made in the temporary folder (%s); free some space there and try again. "
                     "Both files were left untouched"),
                   side_name, name, local->message);
      cw_fs_remove_scratch_dir (scratch);
      return FALSE;
    }

  Copy alone = { 0 }, recovered = { 0 };
  look_at (alone_path, &alone);
  look_at (recovered_path, &recovered);
  recovered.sound = recovered.db != NULL && cw_db_is_sound (recovered.db);
  Verdict verdict = judge (&alone, &recovered, wal, continuous, checkpointed, current_version);
  copy_clear (&alone);
  copy_clear (&recovered);
  /* Closed, the recovered copy has its -wal checkpointed into it: if that
   * is the file as it was, applying the side file changes nothing. */
  if (verdict != VERDICT_APPLY && files_equal (alone_path, recovered_path))
    verdict = VERDICT_APPLY;
  cw_fs_remove_scratch_dir (scratch);

  if (verdict == VERDICT_APPLY)
    {
      g_debug ("%s beside %s belongs to it; SQLite may recover it", side, path);
      return TRUE;
    }
  set_verdict_error (error, verdict, path, side);
  return FALSE;
}

/* Before a workspace is created at `path`: a -wal or hot -journal left
 * there by an earlier file of that name would be applied to the new one. */
gboolean
cw_recover_check_create (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  gboolean wal = cw_db_wal_has_changes (path);
  if (!wal && !cw_db_journal_is_hot (path))
    return TRUE;
  g_autofree char *side = cw_db_side_path (path, wal ? CW_DB_SIDE_WAL : CW_DB_SIDE_JOURNAL);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *side_name = g_filename_display_name (side);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS,
               _("Cannot create %s: %s is there, left by an earlier file of that name, and "
                 "would be written into the new workspace. Move it away (it was left untouched) "
                 "or choose another name"),
               name, side_name);
  return FALSE;
}
