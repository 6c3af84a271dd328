/* cw-workspace.c: opening, creating, migrating and checking workspace files,
 * the transaction discipline of every edit, and the change history.
 *
 * Every edit is one transaction, committed when made; bulk work (the demo,
 * imports, benchmarks) runs as one batch and pays for one sync. How the
 * engine is set up for that is cw_db_setup's business (cw-db.c).
 */
#define G_LOG_DOMAIN "cw-workspace"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "cw-date.h"
#include "cw-fs.h"
#include "cw-open-files.h"
#include "cw-recover.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-search.h"
#include "cw-workspace-private.h"

struct _CwWorkspace
{
  GObject parent_instance;
  char *path;
  CwDb *db;
  guint version; /* the schema the file has once opened */
  gboolean read_only;
  char *actor;
  guint edit_depth;
  gboolean edit_failed;
  CwCatalogue *catalogue; /* loaded on first use */
  CwOpenFile *open_file;  /* this process's record of the file */
  GPtrArray *touched;     /* "entity\x1fid" of each record the open edit changed */
  char *head;             /* the last history hash, while a transaction is open */
  GHashTable *touched_set;
};

G_DEFINE_FINAL_TYPE (CwWorkspace, cw_workspace, G_TYPE_OBJECT)
G_DEFINE_QUARK (cw-workspace-error-quark, cw_workspace_error)

enum
{
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static CwCatalogue *load_catalogue (CwWorkspace *self, GError **error);
static gboolean save_catalogue (CwWorkspace *self, CwCatalogue *catalogue, GError **error);
static gboolean snapshot_touched (CwWorkspace *self, GError **error);
static void forget_touched (CwWorkspace *self);
static GPtrArray *touched_kinds (CwWorkspace *self);

guint
cw_workspace_schema_version (void)
{
  return cw_migrations[cw_n_migrations - 1].version;
}

static void
cw_workspace_dispose (GObject *object)
{
  CwWorkspace *self = CW_WORKSPACE (object);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->db, cw_db_close);
  cw_open_files_remove (g_steal_pointer (&self->open_file), self);
  G_OBJECT_CLASS (cw_workspace_parent_class)->dispose (object);
}

static void
cw_workspace_finalize (GObject *object)
{
  CwWorkspace *self = CW_WORKSPACE (object);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->head);
  g_ptr_array_unref (self->touched);
  g_hash_table_unref (self->touched_set);
  G_OBJECT_CLASS (cw_workspace_parent_class)->finalize (object);
}

static void
cw_workspace_class_init (CwWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->dispose = cw_workspace_dispose;
  object_class->finalize = cw_workspace_finalize;

  /**
   * CwWorkspace::changed:
   * @self: the workspace
   *
   * An edit was committed. Emitted once per kind of record it changed,
   * with the kind as detail ("changed::audit", "changed::finding",
   * "changed::action", …; see cw-record.c), after the commit, so that a
   * handler reads what is now in the file. A refused or rolled-back edit
   * emits nothing.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cw_workspace_init (CwWorkspace *self)
{
  cw_workspace_set_actor (self, NULL);
  self->touched = g_ptr_array_new_with_free_func (g_free);
  self->touched_set = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---- Statements ------------------------------------------------------- */

CwStmt *
cw_workspace_prepare (CwWorkspace *self, const char *sql, GError **error)
{
  return cw_db_prepare (self->db, sql, error);
}

gboolean
cw_workspace_exec (CwWorkspace *self, const char *sql, GError **error)
{
  return cw_db_exec (self->db, sql, error);
}

gint64
cw_workspace_last_insert_id (CwWorkspace *self)
{
  return cw_db_last_insert_id (self->db);
}

/* Runs an UPDATE of one record guarded by the revision it was read at
 * ("…, rev = rev + 1 WHERE id = ? AND rev = ?"): when no row changed, someone
 * else changed the record in between, and this edit must not overwrite that.
 * The record's content goes to the history when the edit commits. */
gboolean
cw_workspace_run_update (CwWorkspace *self, CwStmt *stmt, const char *entity, gint64 id,
                         GError **error)
{
  if (!cw_stmt_run (stmt, error))
    return FALSE;
  if (cw_db_changes (self->db) == 1)
    {
      cw_workspace_touch (self, entity, id);
      return TRUE;
    }
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
               _("%s %" PRId64 " was changed meanwhile, in another window or by "
                 "another program; nothing was saved. Open it again to see the change, then "
                 "repeat yours"),
               cw_record_label (entity), id);
  return FALSE;
}

/* The ids a query returns (its first column), for lists that then build
 * each object: collected first, because building one runs other cached
 * statements. */
GArray *
cw_workspace_query_ids (CwWorkspace *self, const char *sql, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 id = cw_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

/* ---- Edits, batches, history ------------------------------------------ */

/* Every edit runs between edit_begin and edit_end, and edits nest: only the
 * outermost pair begins and commits the transaction. An edit that fails
 * after it began writing spoils the whole transaction, which then rolls back
 * entirely, so no edit ever leaves half its rows behind. (Savepoints would
 * undo just the failed edit, but FTS5 flushes its buffer at every savepoint,
 * which makes a batch of 100,000 findings several times slower.) */
gboolean
cw_workspace_edit_begin (CwWorkspace *self, GError **error)
{
  if (self->read_only)
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                   _("%s is open read-only; make a copy you can write to in order to edit it"),
                   name);
      return FALSE;
    }
  if (self->edit_depth == 0)
    {
      if (!cw_db_begin (self->db, error))
        return FALSE;
      self->edit_failed = FALSE;
      g_clear_pointer (&self->head, g_free);
    }
  self->edit_depth++;
  return TRUE;
}

gboolean
cw_workspace_edit_end (CwWorkspace *self, gboolean ok, GError **error)
{
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (!ok)
    self->edit_failed = TRUE;
  if (--self->edit_depth > 0)
    return ok;
  if (!self->edit_failed)
    {
      /* Snapshots go in before the commit: one transaction with the edit. */
      gboolean snapped = snapshot_touched (self, error);
      g_autoptr (GPtrArray) kinds = touched_kinds (self);
      forget_touched (self);
      g_clear_pointer (&self->head, g_free);
      if (snapped && cw_db_commit (self->db, error))
        {
          for (guint i = 0; i < kinds->len; i++)
            g_signal_emit (self, signals[CHANGED],
                           g_quark_from_string (g_ptr_array_index (kinds, i)));
          return TRUE;
        }
    }
  else if (ok)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                 _("Nothing was saved, because an earlier change in the same batch failed"));
  forget_touched (self);
  g_clear_pointer (&self->head, g_free);
  cw_db_rollback (self->db);
  return FALSE;
}

/* Groups many edits into one transaction: one commit (one fsync) for all of
 * them, and all or nothing. An edit refused by a rule before it writes (a
 * bad date, a missing statement) does not spoil the batch; a failed write
 * does, and then end_batch keeps nothing. */
gboolean
cw_workspace_begin_batch (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);
  return cw_workspace_edit_begin (self, error);
}

gboolean
cw_workspace_end_batch (CwWorkspace *self, gboolean commit, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 1, FALSE);
  if (!commit)
    {
      self->edit_failed = TRUE;
      return !cw_workspace_edit_end (self, TRUE, NULL);
    }
  return cw_workspace_edit_end (self, TRUE, error);
}

static void
hash_field (GChecksum *checksum, const char *value)
{
  /* A tag byte tells NULL from the empty string; 0x1f ends every field. */
  static const guchar null_tag = 0, value_tag = 1, end = 0x1f;
  if (value == NULL)
    g_checksum_update (checksum, &null_tag, 1);
  else
    {
      g_checksum_update (checksum, &value_tag, 1);
      g_checksum_update (checksum, (const guchar *) value, -1);
    }
  g_checksum_update (checksum, &end, 1);
}

/* The hash of a history row chains it to the row before. The one definition,
 * used when writing and when checking. */
char *
cw_history_hash (const char *previous, const char *at, const char *who, const char *entity,
              gint64 entity_id, const char *field, const char *old_value, const char *new_value)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char id_text[32];
  g_snprintf (id_text, sizeof id_text, "%" PRId64, entity_id);
  const char *fields[] = { previous, at, who, entity, id_text, field, old_value, new_value };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    hash_field (checksum, fields[i]);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Appends one entry to the change history, inside the caller's edit. */
gboolean
cw_workspace_record (CwWorkspace *self, const char *entity, gint64 entity_id, const char *field,
                     const char *old_value, const char *new_value, GError **error)
{
  /* Inside the transaction nobody else writes, so the chain's head is read
   * once and then carried along: a batch of 100,000 findings does not ask
   * for it 200,000 times. */
  if (self->head == NULL)
    {
      CwStmt *last
        = cw_workspace_prepare (self, "SELECT hash FROM history ORDER BY id DESC LIMIT 1", error);
      if (last == NULL)
        return FALSE;
      if (!cw_stmt_first_text (last, &self->head, error))
        return FALSE;
      if (self->head == NULL)
        self->head = g_strdup ("");
    }

  g_autofree char *at = cw_timestamp_now ();
  char *hash
    = cw_history_hash (self->head, at, self->actor, entity, entity_id, field, old_value, new_value);
  CwStmt *insert
    = cw_workspace_prepare (self,
                            "INSERT INTO history (at, who, entity, entity_id, field, old_value,"
                            " new_value, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (insert == NULL)
    return FALSE;
  cw_stmt_bind_text (insert, 1, at);
  cw_stmt_bind_text (insert, 2, self->actor);
  cw_stmt_bind_text (insert, 3, entity);
  cw_stmt_bind_int64 (insert, 4, entity_id);
  cw_stmt_bind_text (insert, 5, field);
  cw_stmt_bind_text (insert, 6, old_value);
  cw_stmt_bind_text (insert, 7, new_value);
  cw_stmt_bind_text (insert, 8, hash);
  if (!cw_stmt_run (insert, error))
    {
      g_free (hash);
      return FALSE;
    }
  g_free (self->head);
  self->head = hash;
  if (!g_str_equal (field, CW_RECORD_FIELD))
    cw_workspace_touch (self, entity, entity_id);
  return TRUE;
}

/* Notes that the open edit changed a record, so that its content is
 * recorded when the edit commits (cw-record.c). Records that go with
 * another (an audit's findings, deleted with it) are touched explicitly. */
void
cw_workspace_touch (CwWorkspace *self, const char *entity, gint64 id)
{
  g_return_if_fail (cw_record_is_kind (entity));
  char *key = g_strdup_printf ("%s\x1f%" PRId64, entity, id);
  if (g_hash_table_contains (self->touched_set, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (self->touched_set, key);
  g_ptr_array_add (self->touched, key);
}

static gboolean
snapshot_touched (CwWorkspace *self, GError **error)
{
  for (guint i = 0; i < self->touched->len; i++)
    {
      const char *key = g_ptr_array_index (self->touched, i);
      const char *separator = strchr (key, 0x1f);
      g_autofree char *entity = g_strndup (key, separator - key);
      gint64 id = g_ascii_strtoll (separator + 1, NULL, 10);
      if (!cw_record_snapshot (self, entity, id, error)
          || !cw_search_index_record (self, entity, id, error))
        return FALSE;
    }
  return TRUE;
}

/* The kinds of record the open edit changed, each once, in the order first
 * touched: what the commit announces. */
static GPtrArray *
touched_kinds (CwWorkspace *self)
{
  GPtrArray *kinds = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->touched->len; i++)
    {
      const char *key = g_ptr_array_index (self->touched, i);
      g_autofree char *entity = g_strndup (key, strchr (key, 0x1f) - key);
      if (!g_ptr_array_find_with_equal_func (kinds, entity, g_str_equal, NULL))
        g_ptr_array_add (kinds, g_steal_pointer (&entity));
    }
  return kinds;
}

static void
forget_touched (CwWorkspace *self)
{
  g_hash_table_remove_all (self->touched_set);
  g_ptr_array_set_size (self->touched, 0);
}

/* What the history keeps of a record at creation: its fields joined by the
 * unit separator (0x1f), so that `check` can compare the row with it. The
 * check's SQL builds the same string; NULL fields count as empty. */
char *
cw_history_content (const char *const *fields, gsize n_fields)
{
  g_autoptr (GString) content = g_string_new (NULL);
  for (gsize i = 0; i < n_fields; i++)
    g_string_append_printf (content, "%s%s", i ? "\x1f" : "", fields[i] ? fields[i] : "");
  return g_string_free (g_steal_pointer (&content), FALSE);
}

/* Records a field's change, or nothing when the value stayed the same. */
gboolean
cw_workspace_record_change (CwWorkspace *self, const char *entity, gint64 entity_id,
                            const char *field, const char *old_value, const char *new_value,
                            GError **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  return cw_workspace_record (self, entity, entity_id, field, old_value, new_value, error);
}

/* ---- The file header -------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the first 100 bytes before SQLite touches the file, so that a
 * foreign, newer or truncated file is refused without a single byte of it,
 * or a -wal beside it, being written. */
static gboolean
check_header (const char *path, guint current_version, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[100];
  FILE *file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, CW_WORKSPACE_ERROR,
                   saved_errno == ENOENT ? CW_WORKSPACE_ERROR_NOT_FOUND
                                         : CW_WORKSPACE_ERROR_FAILED,
                   _("Could not open %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  size_t n = fread (header, 1, sizeof header, file);
  fseek (file, 0, SEEK_END);
  long file_size = ftell (file);
  fclose (file);

  if (n < sizeof header || !cw_db_header_is_database (header, n))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s is not a Clausewise workspace; open a .clausewise file"), name);
      return FALSE;
    }
  if (read_be32 (header + 68) != CW_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FOREIGN,
                   _("%s is a database of another program, not a Clausewise workspace; "
                     "it was left unchanged"),
                   name);
      return FALSE;
    }
  guint32 version = read_be32 (header + 60);
  if (version > current_version)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NEWER,
                   _("%s was made by a newer Clausewise (schema %u; this one reads up to %u); "
                     "update the app to open it"),
                   name, version, current_version);
      return FALSE;
    }
  /* With a -wal beside it, the file may rightly be shorter: a checkpoint
   * writes the first page, page count and all, first, and the disk may fill
   * up before the last page; the -wal still holds them all. Whether the two
   * make a whole workspace is cw-recover.c's to find out. */
  if (cw_db_header_length (header) > (guint64) file_size && !cw_db_wal_has_changes (path))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The workspace %s is damaged: it is shorter than it should be, perhaps "
                     "cut off while copying. Restore it from a backup copy."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* ---- Opening ---------------------------------------------------------- */

/* A backup's name beside the workspace, never one already there:
 * "w.clausewise.schema-14.bak", "w.clausewise.before-import-2.bak". */
static char *
unused_backup_path (const char *path, const char *tag)
{
  for (guint i = 1;; i++)
    {
      g_autofree char *candidate
        = i == 1 ? g_strdup_printf ("%s.%s.bak", path, tag)
                 : g_strdup_printf ("%s.%s-%u.bak", path, tag, i);
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

/* Writes a backup copy beside the workspace before a change that touches
 * much of it (an upgrade, an import); returns its path. */
char *
cw_workspace_backup (CwWorkspace *self, const char *tag, GError **error)
{
  g_autofree char *backup_path = unused_backup_path (self->path, tag);
  if (!cw_db_backup_to (self->db, backup_path, error))
    {
      g_unlink (backup_path);
      return NULL;
    }
  return g_steal_pointer (&backup_path);
}

static gboolean
write_backup (CwWorkspace *self, guint version, GError **error)
{
  g_autofree char *tag = g_strdup_printf ("schema-%u", version);
  g_autofree char *backup_path = cw_workspace_backup (self, tag, error);
  if (backup_path == NULL)
    {
      g_prefix_error (error, _("No backup could be written before upgrading, so the workspace "
                               "was left as it was: "));
      return FALSE;
    }
  g_message ("Backed up %s to %s before upgrading it from schema %u", self->path, backup_path,
             version);
  return TRUE;
}

/* Runs the migrations above `from` in one transaction; on any failure the
 * file keeps its old schema and data. */
static gboolean
migrate (CwWorkspace *self, guint from, const CwMigration *migrations, guint n_migrations,
         GError **error)
{
  if (from > 0 && !write_backup (self, from, error))
    return FALSE;
  if (!cw_db_begin (self->db, error))
    return FALSE;
  g_clear_pointer (&self->head, g_free);
  guint to = from;
  for (guint i = 0; i < n_migrations; i++)
    {
      if (migrations[i].version <= from)
        continue;
      if (!cw_workspace_exec (self, migrations[i].sql, error)
          || (migrations[i].after != NULL && !migrations[i].after (self, error)))
        {
          g_prefix_error (error, _("Upgrading to schema %u failed: "), migrations[i].version);
          forget_touched (self);
          cw_db_rollback (self->db);
          return FALSE;
        }
      to = migrations[i].version;
    }
  /* The records an upgrade step changed get their snapshots in the same
   * transaction, as after any edit. */
  gboolean snapped = snapshot_touched (self, error);
  forget_touched (self);
  g_clear_pointer (&self->head, g_free);
  if (!snapped)
    {
      cw_db_rollback (self->db);
      return FALSE;
    }
  if (!cw_db_write_stamp (self->db, 0, to, error) || !cw_db_commit (self->db, error))
    {
      cw_db_rollback (self->db);
      return FALSE;
    }
  self->version = to;
  return TRUE;
}

static CwWorkspace *
open_connection (const char *path, CwDbFlags flags, GError **error)
{
  g_autoptr (CwWorkspace) self = g_object_new (CW_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & (CW_DB_READ_ONLY | CW_DB_IMMUTABLE)) != 0;
  self->db = cw_db_open (path, flags, error);
  if (self->db == NULL)
    return NULL;
  self->open_file = cw_open_files_add (path);
  return g_steal_pointer (&self);
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* SQLite's locks and its WAL are not safe in a network folder (cw-fs.c):
 * there a workspace may be read, never opened for editing or created. */
static void
set_network_error (const char *path, const char *type, gboolean creating, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);
  if (creating)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                 /* Translators: the last %s is the type of network file system ("nfs",
                  * "cifs", "fuse.sshfs"). */
                 _("Cannot create %s: it is in a network folder (%s), where the locks that keep "
                   "a workspace whole do not work. Create it in a folder on this computer, and "
                   "share work through exchange files, not the workspace itself"),
                 name, type);
  else
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                 _("Cannot open %s for editing: it is in a network folder (%s), where the locks "
                   "that keep a workspace whole do not work. Copy it to a folder on this "
                   "computer to work on it, and share work through exchange files, not the "
                   "workspace itself; it was left untouched"),
                 name, type);
}

/* A workspace in a network folder is read as it is in the file, without
 * locks (which may hang or lie there) and without making a -wal or -shm
 * beside it. A -wal or -journal there holds changes the file alone does not
 * have: it is open on another computer, or its last session broke off. */
static gboolean
check_network_snapshot (const char *path, GError **error)
{
  static const char *const sides[] = { "-wal", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (path, sides[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_name (path);
          g_autofree char *side_name = g_filename_display_name (side);
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_BUSY,
                       _("Cannot read %s: it is in a network folder and %s beside it holds "
                         "changes not yet in the file (it is open on another computer, or was "
                         "not closed properly). Close it there, or copy both files to a folder "
                         "on this computer and open the copy"),
                       name, side_name);
          return FALSE;
        }
    }
  return TRUE;
}

static CwWorkspace *
open_file (const char *path, const CwMigration *migrations, guint n_migrations, gboolean upgrade,
           GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  /* A file this process already has open was checked then, and reading it
   * again here would drop the locks of its connection (cw-open-files.c). */
  guint current = migrations[n_migrations - 1].version;
  gboolean open_here = cw_open_files_contains (path);
  if (!open_here && !check_header (path, current, error))
    return NULL;

  /* In a network folder a workspace is only read: `check` may look at it,
   * working on it needs a local copy. */
  CwDbFlags flags = is_writable (path) ? 0 : CW_DB_READ_ONLY;
  g_autofree char *fs_type = NULL;
  if (cw_fs_kind_of (path, &fs_type) == CW_FS_NETWORK)
    {
      if (upgrade)
        {
          set_network_error (path, fs_type, FALSE, error);
          return NULL;
        }
      if (!check_network_snapshot (path, error))
        return NULL;
      flags = CW_DB_IMMUTABLE;
    }
  /* A -wal or -journal left beside the file is applied by SQLite as soon as
   * it opens it: first make sure it belongs there. */
  else if (!open_here && !cw_recover_check (path, current, error))
    return NULL;

  g_autoptr (CwWorkspace) self = open_connection (path, flags, error);
  if (self == NULL)
    return NULL;

  /* The header may lag behind a WAL left by a crash: ask SQLite too. */
  gint64 app_id, version;
  if (!cw_db_read_stamp (self->db, &app_id, &version, error))
    return NULL;
  if (app_id != CW_WORKSPACE_APPLICATION_ID || version > current || version == 0)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CW_WORKSPACE_ERROR,
                   version > current ? CW_WORKSPACE_ERROR_NEWER : CW_WORKSPACE_ERROR_FOREIGN,
                   version > current
                     ? _("%s was made by a newer Clausewise; update the app to open it")
                     : _("%s is not a Clausewise workspace; it was left unchanged"),
                   name);
      return NULL;
    }

  self->version = (guint) version;

  if (!cw_db_setup (self->db, self->read_only ? CW_DB_SETUP_READ : CW_DB_SETUP_EDIT, error))
    return NULL;

  if ((guint) version < current && upgrade)
    {
      if (self->read_only)
        {
          g_autofree char *name = g_filename_display_name (path);
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                       _("%s comes from an older Clausewise and must be upgraded, but it is "
                         "read-only; copy it somewhere you can write and open the copy"),
                       name);
          return NULL;
        }
      if (!migrate (self, (guint) version, migrations, n_migrations, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

CwWorkspace *
cw_workspace_open_with (const char *path, const CwMigration *migrations, guint n_migrations,
                        GError **error)
{
  return open_file (path, migrations, n_migrations, TRUE, error);
}

CwWorkspace *
cw_workspace_open (const char *path, GError **error)
{
  return open_file (path, cw_migrations, cw_n_migrations, TRUE, error);
}

/* Opens without upgrading an older file, for looking at it as it is
 * (`check`): only what every schema has may be asked of it. */
CwWorkspace *
cw_workspace_open_as_is (const char *path, GError **error)
{
  return open_file (path, cw_migrations, cw_n_migrations, FALSE, error);
}

/* ---- Creating --------------------------------------------------------- */

static gboolean
fill_new_workspace (CwWorkspace *self, const char *organisation, GError **error)
{
  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_builtin (error);
  if (catalogue == NULL)
    return FALSE;

  g_autofree char *now = cw_timestamp_now ();
  CwStmt *info
    = cw_workspace_prepare (self,
                            "INSERT INTO workspace (id, created_at, created_by, catalogue_standard,"
                            " catalogue_version, uuid) VALUES (1, ?, ?, ?, ?, ?)",
                            error);
  if (info == NULL)
    return FALSE;
  cw_stmt_bind_text (info, 1, now);
  cw_stmt_bind_text (info, 2, "Clausewise " PACKAGE_VERSION);
  cw_stmt_bind_text (info, 3, cw_catalogue_get_standard (catalogue));
  cw_stmt_bind_int64 (info, 4, cw_catalogue_get_version (catalogue));
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (info, 5, uuid);
  if (!cw_stmt_run (info, error))
    return FALSE;

  CwStmt *org = cw_workspace_prepare (
    self, "INSERT INTO organisation (id, name, uuid) VALUES (1, ?, ?)", error);
  if (org == NULL)
    return FALSE;
  g_autofree char *org_uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (org, 1, organisation ? organisation : "");
  cw_stmt_bind_text (org, 2, org_uuid);
  cw_workspace_touch (self, "organisation", 1);
  return cw_stmt_run (org, error) && save_catalogue (self, catalogue, error)
         && cw_workspace_record (self, "workspace", 1, "created", NULL, organisation, error);
}

/* A new file gets the schema the migrations end with, in one go, inside
 * the transaction that fills it. */
static gboolean
create_schema (CwWorkspace *self, GError **error)
{
  guint current = cw_workspace_schema_version ();
  if (!cw_workspace_exec (self, cw_schema_fresh, error)
      || !cw_db_write_stamp (self->db, CW_WORKSPACE_APPLICATION_ID, current, error))
    return FALSE;
  self->version = current;
  return TRUE;
}

/* Makes a file's content durable; `name` is what messages call it. */
static gboolean
sync_file (const char *path, const char *name, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_autofree char *display = g_filename_display_name (name);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   saved_errno == ENOSPC
                     ? _("The disk holding %s is full; free some space and try again")
                     : _("Could not write %s to the disk; check the disk and try again"),
                   display);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A new name lives in its folder: the folder is synced so that the name
 * survives a power cut. The file is complete already, so a failure here is
 * not reported. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

/* Builds the whole workspace in a hidden file beside `path` and moves it into
 * place only when complete: a failure never leaves a half-made workspace, and
 * never replaces an existing file. */
CwWorkspace *
cw_workspace_create (const char *path, const char *organisation, GError **error)
{
  return cw_workspace_create_filled (path, organisation, NULL, NULL, error);
}

/* Like cw_workspace_create, and `fill` adds content inside the same
 * transaction: the file appears complete with it, or not at all. */
CwWorkspace *
cw_workspace_create_filled (const char *path, const char *organisation, CwWorkspaceFill fill,
                            gpointer data, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!cw_text_check (organisation, CW_TEXT_SHORT_MAX, _("the organisation's name"), error))
    return NULL;
  g_autofree char *name = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS,
                   _("%s already exists; choose another name or open it instead"), name);
      return NULL;
    }

  g_autofree char *fs_type = NULL;
  if (cw_fs_kind_of (path, &fs_type) == CW_FS_NETWORK)
    {
      set_network_error (path, fs_type, TRUE, error);
      return NULL;
    }
  if (!cw_recover_check_create (path, error))
    return NULL;

  g_autofree char *dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_name = g_filename_display_name (dir);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("Cannot create %s: there is no folder %s; create it first or choose "
                     "another folder"),
                   name, dir_name);
      return NULL;
    }
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *part
    = g_strdup_printf ("%s%c.%s.%08x.part", dir, G_DIR_SEPARATOR, base, g_random_int ());
  gboolean ok = FALSE;
  {
    g_autoptr (CwWorkspace) draft = NULL;
    /* Messages name the workspace, never the hidden file. */
    CwDb *db = cw_db_open_as (part, path, CW_DB_CREATE, error);
    if (db != NULL)
      {
        draft = g_object_new (CW_TYPE_WORKSPACE, NULL);
        draft->path = g_strdup (path);
        draft->db = db;
        /* The hidden file is thrown away if anything fails, so it is built
         * without a journal on disk and without syncing, and synced once,
         * whole, before it takes its name: ten syncs were most of the 49 ms
         * the first start spent creating its workspace. */
        ok = cw_db_setup (db, CW_DB_SETUP_BUILD, error)
             && cw_workspace_edit_begin (draft, error)
             && cw_workspace_edit_end (draft,
                                       create_schema (draft, error)
                                         && fill_new_workspace (draft, organisation, error)
                                         && (fill == NULL || fill (draft, data, error)),
                                       error)
             && cw_db_setup (db, CW_DB_SETUP_BUILT, error);
      }
  }
  /* Closing removes the hidden file's -wal and -shm, unless the disk filled
   * up on the way. A -wal left with changes in it holds pages that never
   * reached the file. */
  if (ok && cw_db_wal_has_changes (part))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("Could not finish writing %s; check that the disk has room and try again"),
                   name);
      ok = FALSE;
    }
  const CwDbSide sides[] = { CW_DB_SIDE_WAL, CW_DB_SIDE_SHM, CW_DB_SIDE_JOURNAL };
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = cw_db_side_path (part, sides[i]);
      g_unlink (side);
    }
  if (ok && !sync_file (part, path, error))
    ok = FALSE;

  /* link() refuses to replace a file that appeared meanwhile; rename() is the
   * fallback for file systems without hard links. */
  if (ok && link (part, path) != 0)
    {
      int saved_errno = errno;
      if (saved_errno != EEXIST && g_rename (part, path) != 0)
        saved_errno = errno;
      else if (saved_errno != EEXIST)
        saved_errno = 0;
      if (saved_errno != 0)
        {
          g_set_error (error, CW_WORKSPACE_ERROR,
                       saved_errno == EEXIST ? CW_WORKSPACE_ERROR_EXISTS
                                             : CW_WORKSPACE_ERROR_FAILED,
                       _("Could not create %s: %s"), name, g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  g_unlink (part);
  if (!ok)
    return NULL;
  sync_folder (dir);
  return cw_workspace_open (path, error);
}

/* ---- Accessors -------------------------------------------------------- */

const char *
cw_workspace_get_path (CwWorkspace *self)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  return self->path;
}

gboolean
cw_workspace_is_read_only (CwWorkspace *self)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), TRUE);
  return self->read_only;
}

/* The schema version of the file as open: older than the app's only for a
 * file opened as it is, to be looked at. */
guint
cw_workspace_get_version (CwWorkspace *self)
{
  return self->version;
}

const char *
cw_workspace_get_actor (CwWorkspace *self)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  return self->actor;
}

/* The person recorded in the change history for the edits that follow;
 * NULL or blank means the account's own name. */
void
cw_workspace_set_actor (CwWorkspace *self, const char *actor)
{
  g_return_if_fail (CW_IS_WORKSPACE (self));
  g_free (self->actor);
  if (!cw_text_is_blank (actor))
    self->actor = cw_text_trimmed (actor);
  else
    {
      const char *real_name = g_get_real_name ();
      self->actor
        = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : g_get_user_name ());
    }
}

/* Claims the workspace for one window to work on. A second window or app
 * that tries is refused, so two people do not edit the same file unaware of
 * each other; the CLI never claims, so scripts still work beside the app. */
gboolean
cw_workspace_claim (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  gboolean taken;
  int error_number;
  if (self->read_only || self->open_file == NULL
      || cw_open_files_claim (self->open_file, self->path, self, &taken, &error_number))
    return TRUE;
  g_autofree char *name = g_filename_display_name (self->path);
  if (taken)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_BUSY,
                 _("%s is already open in another Clausewise window; switch to that window to "
                   "work on it"),
                 name);
  else
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                 _("Could not open %s for editing: %s"), name, g_strerror (error_number));
  return FALSE;
}

/* The workspace's own copy of the catalogue, loaded once. A copy that
 * cannot be read means the file is damaged: NULL with `error` set. */
CwCatalogue *
cw_workspace_load_catalogue (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  if (self->catalogue == NULL)
    {
      g_autoptr (GError) local = NULL;
      self->catalogue = load_catalogue (self, &local);
      if (self->catalogue == NULL)
        {
          g_autofree char *name = g_filename_display_name (self->path);
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                       _("The clause catalogue in %s cannot be read (%s); restore the workspace "
                         "from a backup copy"),
                       name, local->message);
        }
    }
  return self->catalogue;
}

/* For callers that can do without it: NULL when it cannot be read. */
CwCatalogue *
cw_workspace_get_catalogue (CwWorkspace *self)
{
  return cw_workspace_load_catalogue (self, NULL);
}

/* ---- The catalogue copy ----------------------------------------------- */

/* One clause of the catalogue copy and what documented information it
 * expects; its questions are saved by the caller. Also used by the upgrade
 * that adds clauses to an older copy (cw-catalogue-migrate.c). */
gboolean
cw_workspace_insert_clause (CwWorkspace *self, CwClause *clause, gint64 position,
                            GError **error)
{
  CwStmt *stmt
    = cw_workspace_prepare (self,
                            "INSERT INTO clause (number, parent, position, title, guidance)"
                            " VALUES (?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  CwClause *parent = cw_clause_get_parent (clause);
  const char *guidance = cw_clause_get_guidance (clause);
  cw_stmt_bind_text (stmt, 1, cw_clause_get_number (clause));
  cw_stmt_bind_text (stmt, 2, parent ? cw_clause_get_number (parent) : NULL);
  cw_stmt_bind_int64 (stmt, 3, position);
  cw_stmt_bind_text (stmt, 4, cw_clause_get_title (clause));
  cw_stmt_bind_text (stmt, 5, guidance ? guidance : "");
  if (!cw_stmt_run (stmt, error))
    return FALSE;

  GArray *expected = cw_clause_get_expected (clause);
  for (guint i = 0; i < expected->len; i++)
    {
      CwExpected *item = &g_array_index (expected, CwExpected, i);
      stmt = cw_workspace_prepare (self,
                                   "INSERT INTO expected_information (clause, position, kind, text)"
                                   " VALUES (?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, cw_clause_get_number (clause));
      cw_stmt_bind_int64 (stmt, 2, i);
      cw_stmt_bind_text (stmt, 3, cw_expected_kind_to_string (item->kind));
      cw_stmt_bind_text (stmt, 4, item->text);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_clause (CwWorkspace *self, CwClause *clause, guint position, guint *question_position,
             GError **error)
{
  if (!cw_workspace_insert_clause (self, clause, position, error))
    return FALSE;

  GPtrArray *questions = cw_clause_get_questions (clause);
  for (guint i = 0; i < questions->len; i++)
    {
      CwQuestion *question = g_ptr_array_index (questions, i);
      CwStmt *stmt = cw_workspace_prepare (
        self, "INSERT INTO question (id, clause, position, text) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, cw_question_get_id (question));
      cw_stmt_bind_text (stmt, 2, cw_clause_get_number (clause));
      cw_stmt_bind_int64 (stmt, 3, (*question_position)++);
      cw_stmt_bind_text (stmt, 4, cw_question_get_text (question));
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_catalogue (CwWorkspace *self, CwCatalogue *catalogue, GError **error)
{
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  guint question_position = 0;
  for (guint i = 0; i < clauses->len; i++)
    if (!save_clause (self, g_ptr_array_index (clauses, i), i, &question_position, error))
      return FALSE;

  GArray *inputs = cw_catalogue_get_review_inputs (catalogue);
  for (guint i = 0; i < inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (inputs, CwReviewInput, i);
      CwStmt *stmt
        = cw_workspace_prepare (self,
                                "INSERT INTO review_input (id, position, title, hint, prefill)"
                                " VALUES (?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, input->id);
      cw_stmt_bind_int64 (stmt, 2, i);
      cw_stmt_bind_text (stmt, 3, input->title);
      cw_stmt_bind_text (stmt, 4, input->hint);
      cw_stmt_bind_text (stmt, 5, input->prefill);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_catalogue_error (GError **error, const char *what)
{
  g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
               _("%s names a clause the catalogue does not have"), what);
  return FALSE;
}

/* One row of each catalogue table; FALSE with `error` set stops the read. */
static gboolean
add_clause_row (CwCatalogue *catalogue, CwStmt *row, GError **error)
{
  CwClause *clause = cw_catalogue_add_clause (
    catalogue, cw_stmt_text (row, 0),
    cw_stmt_text (row, 1), cw_stmt_text (row, 2), error);
  if (clause != NULL)
    cw_clause_set_guidance (clause, cw_stmt_text (row, 3));
  return clause != NULL;
}

static gboolean
add_question_row (CwCatalogue *catalogue, CwStmt *row, GError **error)
{
  const char *id = cw_stmt_text (row, 1);
  CwClause *clause
    = cw_catalogue_lookup_clause (catalogue, cw_stmt_text (row, 0));
  if (clause == NULL)
    return set_catalogue_error (error, id ? id : _("A question"));
  return cw_catalogue_add_question (catalogue, clause, id,
                                    cw_stmt_text (row, 2), error)
         != NULL;
}

static gboolean
add_expected_row (CwCatalogue *catalogue, CwStmt *row, GError **error)
{
  CwClause *clause
    = cw_catalogue_lookup_clause (catalogue, cw_stmt_text (row, 0));
  CwExpectedKind kind;
  if (clause == NULL
      || !cw_expected_kind_from_string (cw_stmt_text (row, 1), &kind))
    return set_catalogue_error (error, _("An entry of expected documented information"));
  cw_clause_add_expected (clause, kind, cw_stmt_text (row, 2));
  return TRUE;
}

typedef gboolean (*AddRow) (CwCatalogue *catalogue, CwStmt *row, GError **error);

static gboolean
load_rows (CwWorkspace *self, CwCatalogue *catalogue, const char *sql, AddRow add,
           GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    if (!add (catalogue, stmt, error))
      {
        cw_stmt_reset (stmt);
        return FALSE;
      }
  return (rc == CW_STEP_DONE);
}

static gboolean
load_clauses (CwWorkspace *self, CwCatalogue *catalogue, GError **error)
{
  return load_rows (self, catalogue,
                    "SELECT number, title, parent, guidance FROM clause ORDER BY position",
                    add_clause_row, error)
         && load_rows (self, catalogue,
                       "SELECT clause, id, text FROM question ORDER BY position",
                       add_question_row, error)
         && load_rows (self, catalogue,
                       "SELECT clause, kind, text FROM expected_information"
                       " ORDER BY clause, position",
                       add_expected_row, error);
}

static CwCatalogue *
load_catalogue (CwWorkspace *self, GError **error)
{
  CwStmt *info = cw_workspace_prepare (
    self, "SELECT catalogue_standard, catalogue_version FROM workspace WHERE id = 1", error);
  if (info == NULL)
    return NULL;
  if (!cw_stmt_expect_row (info, error))
    return NULL;
  g_autoptr (CwCatalogue) catalogue
    = cw_catalogue_new (cw_stmt_text (info, 0), cw_stmt_int64 (info, 1));
  cw_stmt_reset (info);
  if (!load_clauses (self, catalogue, error))
    return NULL;

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT id, title, hint, prefill FROM review_input ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  while (cw_stmt_step (stmt, error) == CW_STEP_ROW)
    cw_catalogue_add_review_input (catalogue, cw_stmt_text (stmt, 0),
                                   cw_stmt_text (stmt, 1),
                                   cw_stmt_text (stmt, 2),
                                   cw_stmt_text (stmt, 3));
  return g_steal_pointer (&catalogue);
}

/* ---- Organisation and people ------------------------------------------ */

void
cw_organisation_free (CwOrganisation *organisation)
{
  if (organisation == NULL)
    return;
  g_free (organisation->name);
  g_free (organisation->scope);
  g_free (organisation->services);
  g_free (organisation->certification_body);
  g_free (organisation->stage_one);
  g_free (organisation->stage_two);
  g_free (organisation->certified_on);
  g_free (organisation->language);
  g_free (organisation);
}

CwOrganisation *
cw_workspace_get_organisation (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT name, scope, services, certification_body, stage_one, stage_two, rev,"
    " respond_major_days, respond_minor_days, certified_on, language FROM organisation"
    " WHERE id = 1",
    error);
  if (stmt == NULL)
    return NULL;
  if (!cw_stmt_expect_row (stmt, error))
    return NULL;
  CwOrganisation *organisation = g_new0 (CwOrganisation, 1);
  organisation->name = cw_stmt_dup_text (stmt, 0);
  organisation->scope = cw_stmt_dup_text (stmt, 1);
  organisation->services = cw_stmt_dup_text (stmt, 2);
  organisation->certification_body = cw_stmt_dup_text (stmt, 3);
  organisation->stage_one = cw_stmt_dup_text (stmt, 4);
  organisation->stage_two = cw_stmt_dup_text (stmt, 5);
  organisation->rev = cw_stmt_int64 (stmt, 6);
  organisation->respond_major_days = (guint) cw_stmt_int64 (stmt, 7);
  organisation->respond_minor_days = (guint) cw_stmt_int64 (stmt, 8);
  organisation->certified_on = cw_stmt_dup_text (stmt, 9);
  organisation->language = cw_stmt_dup_text (stmt, 10);
  cw_stmt_reset (stmt);
  return organisation;
}

/* One home for the range of a response time, for the stored value and for
 * text typed on a command line alike. */
static gboolean
check_respond_days (gint64 days, gboolean major, GError **error)
{
  if (days >= 1 && days <= CW_RESPOND_DAYS_MAX)
    return TRUE;
  g_autofree char *given = g_strdup_printf ("%" PRId64, days);
  if (major)
    cw_set_invalid (error,
                    _("The time to respond to a major nonconformity is a whole number of days "
                      "from 1 to %d (%d is usual), not %s; give it in that range"),
                    CW_RESPOND_DAYS_MAX, CW_RESPOND_MAJOR_DAYS_DEFAULT, given);
  else
    cw_set_invalid (error,
                    _("The time to respond to a minor nonconformity is a whole number of days "
                      "from 1 to %d (%d is usual), not %s; give it in that range"),
                    CW_RESPOND_DAYS_MAX, CW_RESPOND_MINOR_DAYS_DEFAULT, given);
  return FALSE;
}

/* A response time as typed ("14"): a whole number of days in range. */
gboolean
cw_organisation_parse_respond_days (const char *text, gboolean major, guint *days,
                                    GError **error)
{
  g_return_val_if_fail (text != NULL && days != NULL, FALSE);

  g_autofree char *clean = cw_text_trimmed (text);
  gint64 value;
  if (!g_ascii_string_to_signed (clean, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      if (major)
        cw_set_invalid (error,
                        _("“%s” is not a number of days; give the time to respond to a major "
                          "nonconformity as a whole number such as %d"),
                        text, CW_RESPOND_MAJOR_DAYS_DEFAULT);
      else
        cw_set_invalid (error,
                        _("“%s” is not a number of days; give the time to respond to a minor "
                          "nonconformity as a whole number such as %d"),
                        text, CW_RESPOND_MINOR_DAYS_DEFAULT);
      return FALSE;
    }
  if (!check_respond_days (value, major, error))
    return FALSE;
  *days = (guint) value;
  return TRUE;
}

static gboolean
check_organisation (const CwOrganisation *organisation, GError **error)
{
  const CwTextField fields[] = {
    { organisation->name, CW_TEXT_SHORT_MAX, N_("the organisation's name") },
    { organisation->scope, CW_TEXT_LONG_MAX, N_("the scope") },
    { organisation->services, CW_TEXT_LONG_MAX, N_("the services") },
    { organisation->certification_body, CW_TEXT_SHORT_MAX, N_("the certification body") },
    { organisation->stage_one, CW_TEXT_SHORT_MAX, N_("the Stage One date") },
    { organisation->stage_two, CW_TEXT_SHORT_MAX, N_("the Stage Two date") },
    { organisation->certified_on, CW_TEXT_SHORT_MAX, N_("the certification date") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (organisation->language != NULL && !cw_language_check (organisation->language, error))
    return FALSE;
  const char *dates[]
    = { organisation->stage_one, organisation->stage_two, organisation->certified_on };
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && *dates[i] != '\0' && !cw_date_check (dates[i], error))
      return FALSE;
  /* A certificate follows Stage Two, never the other way round. */
  if (organisation->certified_on != NULL && *organisation->certified_on != '\0'
      && organisation->stage_two != NULL && *organisation->stage_two != '\0'
      && strcmp (organisation->certified_on, organisation->stage_two) < 0)
    {
      cw_set_invalid (error,
                      _("The certificate cannot be granted on %s, before Stage Two on %s; give "
                        "the day of the certification decision, or correct the Stage Two date"),
                      organisation->certified_on, organisation->stage_two);
      return FALSE;
    }
  return TRUE;
}

/* The response times as they will stand (`major`, `minor`: 0 keeps what is
 * stored in `old`): each in range, and a major, the more urgent, never
 * given longer than a minor. */
static gboolean
check_respond (const CwOrganisation *organisation, const CwOrganisation *old, guint *major,
               guint *minor, GError **error)
{
  *major = organisation->respond_major_days ? organisation->respond_major_days
                                            : old->respond_major_days;
  *minor = organisation->respond_minor_days ? organisation->respond_minor_days
                                            : old->respond_minor_days;
  if (!check_respond_days (*major, TRUE, error) || !check_respond_days (*minor, FALSE, error))
    return FALSE;
  if (*major > *minor)
    {
      cw_set_invalid (
        error,
        cw_ngettext ("A major nonconformity is the more urgent, so its response cannot be due "
                     "later than a minor one's (%u day); give the major %u day or fewer, or "
                     "the minor more",
                     "A major nonconformity is the more urgent, so its response cannot be due "
                     "later than a minor one's (%u days); give the major %u days or fewer, or "
                     "the minor more",
                     *minor),
        *minor, *minor);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_organisation (CwWorkspace *self, const CwOrganisation *old, const CwOrganisation *new,
                    guint major, guint minor, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE organisation SET name = ?, scope = ?, services = ?, certification_body = ?,"
    " stage_one = ?, stage_two = ?, certified_on = ?, respond_major_days = ?,"
    " respond_minor_days = ?, language = ?, rev = rev + 1 WHERE id = 1 AND rev = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  const char *values[] = { new->name,      new->scope,     new->services,    new->certification_body,
                           new->stage_one, new->stage_two, new->certified_on };
  const char *before[] = { old->name,      old->scope,     old->services,    old->certification_body,
                           old->stage_one, old->stage_two, old->certified_on };
  static const char *const fields[] = { "name",      "scope",     "services",    "certification_body",
                                        "stage_one", "stage_two", "certified_on" };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      gboolean is_date = i >= 4;
      const char *value = values[i] ? values[i] : "";
      if (is_date && *value == '\0')
        value = NULL;
      cw_stmt_bind_text (stmt, i + 1, value);
      values[i] = value;
    }
  cw_stmt_bind_int64 (stmt, 8, major);
  cw_stmt_bind_int64 (stmt, 9, minor);
  const char *language = new->language ? new->language : old->language;
  cw_stmt_bind_text (stmt, 10, language);
  cw_stmt_bind_int64 (stmt, 11, old->rev);
  if (!cw_workspace_run_update (self, stmt, "organisation", 1, error)
      || !cw_workspace_record_change (self, "organisation", 1, "language", old->language,
                                      language, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!cw_workspace_record_change (self, "organisation", 1, fields[i], before[i], values[i],
                                     error))
      return FALSE;
  guint days_before[] = { old->respond_major_days, old->respond_minor_days };
  guint days_after[] = { major, minor };
  static const char *const days_fields[] = { "respond_major_days", "respond_minor_days" };
  for (guint i = 0; i < G_N_ELEMENTS (days_fields); i++)
    {
      g_autofree char *old_text = g_strdup_printf ("%u", days_before[i]);
      g_autofree char *new_text = g_strdup_printf ("%u", days_after[i]);
      if (!cw_workspace_record_change (self, "organisation", 1, days_fields[i], old_text,
                                       new_text, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cw_workspace_set_organisation (CwWorkspace *self, const CwOrganisation *organisation,
                               GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  if (!check_organisation (organisation, error))
    return FALSE;
  g_autoptr (CwOrganisation) old = cw_workspace_get_organisation (self, error);
  if (old == NULL)
    return FALSE;
  /* A dialog passes the revision it showed: saving over a change made
   * meanwhile is refused. 0 means "as it stands now". */
  if (organisation->rev != 0 && organisation->rev != old->rev)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
                   _("The organisation's details were changed meanwhile, in another window or "
                     "by another program; nothing was saved. Open them again to see the change, "
                     "then repeat yours"));
      return FALSE;
    }
  guint major, minor;
  if (!check_respond (organisation, old, &major, &minor, error))
    return FALSE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (
    self, store_organisation (self, old, organisation, major, minor, error), error);
}

gint64
cw_workspace_add_person (CwWorkspace *self, const char *name, const char *role, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);

  const CwTextField fields[] = {
    { name, CW_TEXT_SHORT_MAX, N_("the person's name") },
    { role, CW_TEXT_SHORT_MAX, N_("the role") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return 0;
  g_autofree char *clean = cw_text_trimmed (name);
  if (*clean == '\0')
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("A person needs a name"));
      return 0;
    }
  if (!cw_workspace_edit_begin (self, error))
    return 0;
  CwStmt *stmt
    = cw_workspace_prepare (self, "INSERT INTO person (name, role, uuid) VALUES (?, ?, ?)", error);
  gint64 id = 0;
  g_autofree char *uuid = cw_record_new_uuid ();
  if (stmt != NULL)
    {
      cw_stmt_bind_text (stmt, 1, clean);
      cw_stmt_bind_text (stmt, 2, role ? role : "");
      cw_stmt_bind_text (stmt, 3, uuid);
      if (cw_stmt_run (stmt, error))
        id = cw_workspace_last_insert_id (self);
    }
  gboolean ok = id != 0 && cw_workspace_record (self, "person", id, "created", NULL, clean, error);
  return cw_workspace_edit_end (self, ok, error) ? id : 0;
}

/* ---- Checking --------------------------------------------------------- */

static void
add_problem (GPtrArray *problems, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray *problems, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Runs a check query whose every row is one problem, described by its
 * first column. */
static gboolean
collect (CwWorkspace *self, const char *sql, GPtrArray *problems, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *text = cw_stmt_text (stmt, 0);
      add_problem (problems, "%s", text ? text : "?");
    }
  return rc == CW_STEP_DONE;
}

/* Rows against the history, for a file from before record snapshots
 * (schema 2): the content recorded at creation (cw_history_content) and each
 * answer's latest result and note. */
#define LEGACY_CONTENT_CHECK \
  "SELECT 'Finding ' || f.id || ' is not what its history recorded: it was " \
  "changed outside Clausewise' FROM finding f JOIN history h ON h.id =" \
  " (SELECT max (id) FROM history WHERE entity = 'finding'" \
  " AND entity_id = f.id AND field IN ('created', 'content'))" \
  " WHERE instr (h.new_value, char (31)) > 0 AND h.new_value IS NOT" \
  " (f.clause || char (31) || f.grade || char (31) || f.requirement" \
  " || char (31) || f.evidence || char (31) || f.statement)" \
  " UNION ALL SELECT 'Evidence ' || e.id || ' is not what its history " \
  "recorded: it was changed outside Clausewise' FROM evidence e JOIN history h" \
  " ON h.entity = 'evidence' AND h.entity_id = e.id AND h.field = 'created'" \
  " WHERE instr (h.new_value, char (31)) > 0 AND h.new_value IS NOT" \
  " (e.kind || char (31) || e.reference || char (31) || e.description" \
  " || char (31) || e.population || char (31) || coalesce (e.sample_size, '')" \
  " || char (31) || coalesce (e.sha256, ''))" \
  " UNION ALL SELECT 'Answer ' || a.id || ' to ' || a.question || ' is not what " \
  "its history recorded: it was changed outside Clausewise' FROM answer a" \
  " WHERE a.result IS NOT (SELECT new_value FROM history WHERE entity = 'answer'" \
  " AND entity_id = a.id AND field = 'result' ORDER BY id DESC LIMIT 1)" \
  " OR a.note IS NOT coalesce ((SELECT new_value FROM history" \
  " WHERE entity = 'answer' AND entity_id = a.id AND field = 'note'" \
  " ORDER BY id DESC LIMIT 1), '')"

/* Every finding, note, evidence item and action has its index entry, and
 * every entry its record. Files before schema 8 keyed entries by id * 4
 * and indexed no actions or reviews. */
#define SEARCH_INDEX_CHECK \
  "SELECT 'The search index has no entry for finding ' || id FROM finding" \
  " WHERE id * 8 NOT IN (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index has no entry for the note of answer '" \
  " || id FROM answer WHERE note <> '' AND id * 8 + 1 NOT IN" \
  " (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index has no entry for evidence ' || id" \
  " FROM evidence WHERE id * 8 + 2 NOT IN (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index has no entry for action ' || id" \
  " FROM action WHERE id * 8 + 3 NOT IN (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index holds entry ' || rowid || ' for " \
  "something that no longer exists' FROM search_index s WHERE CASE s.rowid % 8" \
  " WHEN 0 THEN NOT EXISTS (SELECT 1 FROM finding WHERE id = s.rowid / 8)" \
  " WHEN 1 THEN NOT EXISTS (SELECT 1 FROM answer WHERE id = s.rowid / 8" \
  " AND note <> '')" \
  " WHEN 2 THEN NOT EXISTS (SELECT 1 FROM evidence WHERE id = s.rowid / 8)" \
  " WHEN 3 THEN NOT EXISTS (SELECT 1 FROM action WHERE id = s.rowid / 8)" \
  " WHEN 4 THEN NOT EXISTS (SELECT 1 FROM review WHERE id = s.rowid / 8)" \
  " ELSE 1 END"

#define SEARCH_INDEX_CHECK_BEFORE_8 \
  "SELECT 'The search index has no entry for finding ' || id FROM finding" \
  " WHERE id * 4 NOT IN (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index has no entry for the note of answer '" \
  " || id FROM answer WHERE note <> '' AND id * 4 + 1 NOT IN" \
  " (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index has no entry for evidence ' || id" \
  " FROM evidence WHERE id * 4 + 2 NOT IN (SELECT rowid FROM search_index)" \
  " UNION ALL SELECT 'The search index holds entry ' || rowid || ' for " \
  "something that no longer exists' FROM search_index s WHERE CASE s.rowid % 4" \
  " WHEN 0 THEN NOT EXISTS (SELECT 1 FROM finding WHERE id = s.rowid / 4)" \
  " WHEN 1 THEN NOT EXISTS (SELECT 1 FROM answer WHERE id = s.rowid / 4" \
  " AND note <> '')" \
  " WHEN 2 THEN NOT EXISTS (SELECT 1 FROM evidence WHERE id = s.rowid / 4)" \
  " ELSE 1 END"

/* The checks of rows: references, guards, history and search index. */
static gboolean
check_rows (CwWorkspace *self, GPtrArray *problems, GError **error)
{
  return collect (self,
                  "SELECT 'Table ' || \"table\" || ', row ' || rowid || ', refers to a missing "
                  "row of ' || parent FROM pragma_foreign_key_check",
                  problems, error)
         && collect (self,
                     "SELECT 'The guard ' || name || ' that keeps the history append-only is "
                     "missing' FROM (SELECT 'history_no_update' AS name UNION ALL"
                     " SELECT 'history_no_delete') WHERE name NOT IN"
                     " (SELECT name FROM sqlite_schema WHERE type = 'trigger')",
                     problems, error)
         && collect (self,
                     "SELECT 'Audit ' || id || ' has no record of its creation in the history'"
                     " FROM audit WHERE id NOT IN (SELECT entity_id FROM history"
                     " WHERE entity = 'audit' AND field = 'created')"
                     " UNION ALL SELECT 'Finding ' || id || ' has no record of its creation in "
                     "the history' FROM finding WHERE id NOT IN (SELECT entity_id FROM history"
                     " WHERE entity = 'finding' AND field = 'created')",
                     problems, error)
         && collect (self,
                     self->version >= 8 ? SEARCH_INDEX_CHECK : SEARCH_INDEX_CHECK_BEFORE_8,
                     problems, error)
         && (self->version >= 3 ? cw_record_check (self, problems, error)
                                : collect (self, LEGACY_CONTENT_CHECK, problems, error))
         && cw_history_verify (self, problems, error)
         && (self->read_only
             || cw_workspace_exec (
               self, "INSERT INTO search_index (search_index) VALUES ('integrity-check')", NULL)
             || (add_problem (problems, _("The search index does not match the workspace")),
                 TRUE));
}

/* Looks at the whole file: SQLite's own integrity check, references between
 * rows, the search index, and the change history (append-only guards in
 * place, hash chain intact, every audit and finding's creation recorded).
 * Each problem found is added to `problems` as a sentence, damage too; FALSE
 * only when the check itself could not run. */
gboolean
cw_workspace_check (CwWorkspace *self, GPtrArray *problems, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* On damaged pages the checks of rows below stop at the first, with an
   * error that says nothing of what is wrong: SQLite's list is the answer. */
  if (cw_db_list_damage (self->db, problems) > 0)
    return TRUE;
  g_autoptr (GError) local = NULL;
  if (check_rows (self, problems, &local))
    return TRUE;
  if (g_error_matches (local, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED))
    {
      add_problem (problems, _("Part of the workspace cannot be read, though SQLite's own "
                               "check finds its pages in order (the search index?)"));
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}
