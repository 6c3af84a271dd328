/* cw-exchange.c: writing the exchange format, and importing it by merging
 * record by record (see cw-exchange.h).
 *
 * The merge is three-way. For each workspace or assignment it exchanges
 * with (the peer), a workspace keeps every record's content as the two
 * sides last agreed on it (exchange_base). An incoming record is compared
 * field by field with that base and with the record here: a field only the
 * other side changed is taken, one only this side changed is kept, one both
 * changed alike is kept, and one both changed differently makes the record
 * a conflict, left as it is here until the lead auditor chooses. Without a
 * base (two auditors answering the same question on their own) any
 * difference is a conflict. Importing the same file again finds nothing
 * new: its records are the base by then.
 */
#define G_LOG_DOMAIN "cw-exchange"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <string.h>

#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-exchange-private.h"
#include "cw-record.h"
#include "cw-text.h"
#include "cw-xml.h"

static const char *const export_kinds[] = { "workspace", "audit", "register", "assignment" };

const char *
cw_export_kind_to_string (CwExportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (export_kinds), NULL);
  return export_kinds[kind];
}

gboolean
cw_export_kind_from_string (const char *token, CwExportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    if (g_strcmp0 (token, export_kinds[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

char *
cw_exchange_files_dir (const char *path)
{
  return g_strconcat (path, ".files", NULL);
}

static gboolean
query_text (CwWorkspace *self, const char *sql, char **text, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  return stmt != NULL && cw_stmt_first_text (stmt, text, error);
}

/* ---- Choosing what to write -------------------------------------------- */

/* The ids of each kind an export holds, in temp.export_set; then every
 * record they refer to, so that the file stands on its own. References only
 * point to kinds listed earlier, so one pass from the last kind back
 * gathers them all. */
static gboolean
select_add (CwWorkspace *self, const char *kind, const char *sql, gint64 audit_id,
            GError **error)
{
  g_autofree char *insert
    = g_strdup_printf ("INSERT OR IGNORE INTO temp.export_set (kind, id) SELECT '%s', id FROM "
                       "(%s)",
                       kind, sql);
  CwStmt *stmt = cw_workspace_prepare (self, insert, error);
  if (stmt == NULL)
    return FALSE;
  if (strchr (sql, '?') != NULL)
    cw_stmt_bind_int64 (stmt, 1, audit_id);
  return cw_stmt_run (stmt, error);
}

static gboolean
select_references (CwWorkspace *self, GError **error)
{
  guint n;
  const CwXKind *const *kinds = cw_xkinds (&n);
  for (guint k = n; k-- > 0;)
    {
      const CwXKind *kind = kinds[k];
      for (guint i = 0; i < kind->n_fields; i++)
        {
          const CwXField *field = &kind->fields[i];
          if (field->ref == NULL)
            continue;
          g_autofree char *sql = g_strdup_printf (
            "SELECT t.%s AS id FROM %s t JOIN temp.export_set s ON s.kind = '%s' AND s.id = t.id"
            " WHERE t.%s IS NOT NULL",
            field->column, kind->table, kind->element, field->column);
          if (!select_add (self, cw_xkind_for_table (field->ref)->element, sql, 0, error))
            return FALSE;
        }
      for (guint c = 0; c < kind->n_children; c++)
        {
          const CwXChild *child = &kind->children[c];
          for (guint i = 0; i < child->n_fields && child->parent != NULL; i++)
            {
              const CwXField *field = &child->fields[i];
              if (field->ref == NULL)
                continue;
              g_autofree char *sql = g_strdup_printf (
                "SELECT c.%s AS id FROM %s c JOIN temp.export_set s ON s.kind = '%s'"
                " AND s.id = c.%s",
                field->column, child->table, kind->element, child->parent);
              if (!select_add (self, cw_xkind_for_table (field->ref)->element, sql, 0, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* A clause given to an auditor covers its sub-clauses. */
#define UNDER_ASSIGNED(column)                                                            \
  "EXISTS (SELECT 1 FROM temp.assigned_clause a WHERE " column " = a.clause OR " column \
  " LIKE a.clause || '.%')"

static gboolean
select_records (CwWorkspace *self, const CwExportRequest *request, GError **error)
{
  if (!cw_workspace_exec (self,
                          "CREATE TEMP TABLE IF NOT EXISTS export_set ("
                          "  kind TEXT NOT NULL, id INTEGER NOT NULL,"
                          "  PRIMARY KEY (kind, id)) WITHOUT ROWID;"
                          "DELETE FROM temp.export_set;",
                          error))
    return FALSE;
  gint64 audit = request->audit_id;
  gboolean ok;
  switch (request->kind)
    {
    case CW_EXPORT_REGISTER:
      ok = select_add (self, "register", "SELECT id FROM register_entry", 0, error);
      break;
    case CW_EXPORT_AUDIT:
      ok = select_add (self, "organisation", "SELECT id FROM organisation", 0, error)
           && select_add (self, "person", "SELECT id FROM person", 0, error)
           && select_add (self, "audit", "SELECT id FROM audit WHERE id = ?", audit, error)
           && select_add (self, "answer", "SELECT id FROM answer WHERE audit = ?", audit, error)
           && select_add (self, "finding", "SELECT id FROM finding WHERE audit = ?", audit, error)
           && select_add (self, "evidence", "SELECT id FROM evidence WHERE audit = ?", audit,
                          error)
           && select_add (self, "action",
                          "SELECT id FROM action WHERE finding IN"
                          " (SELECT id FROM finding WHERE audit = ?)",
                          audit, error);
      break;
    case CW_EXPORT_ASSIGNMENT:
      ok = select_add (self, "organisation", "SELECT id FROM organisation", 0, error)
           && select_add (self, "person", "SELECT id FROM person", 0, error)
           && select_add (self, "register", "SELECT id FROM register_entry", 0, error)
           && select_add (self, "audit", "SELECT id FROM audit WHERE id = ?", audit, error)
           && select_add (self, "answer",
                          "SELECT a.id FROM answer a JOIN question q ON q.id = a.question"
                          " WHERE a.audit = ? AND " UNDER_ASSIGNED ("q.clause"),
                          audit, error)
           && select_add (self, "finding",
                          "SELECT id FROM finding WHERE audit = ? AND " UNDER_ASSIGNED ("clause"),
                          audit, error)
           && select_add (self, "evidence",
                          "SELECT e.id FROM evidence e LEFT JOIN question q ON q.id = e.question"
                          " LEFT JOIN finding f ON f.id = e.finding WHERE e.audit = ? AND ("
                          UNDER_ASSIGNED ("q.clause") " OR " UNDER_ASSIGNED ("f.clause") ")",
                          audit, error);
      break;
    case CW_EXPORT_WORKSPACE:
    default:
      g_return_val_if_reached (FALSE);
    }
  return ok && select_references (self, error);
}

/* ---- Writing ------------------------------------------------------------ */

typedef struct
{
  CwWorkspace *workspace;
  xmlTextWriterPtr writer;
  const char *base_peer; /* an assignment being given: its records' bases */
  GHashTable *files;     /* SHA-256 of file evidence written */
} WriteState;

static gboolean
write_one (CwXRecord *record, gpointer data, GError **error)
{
  WriteState *state = data;
  if (!cw_xrecord_write (state->writer, record))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _("The exchange file could not be written; check the disk has room"));
      return FALSE;
    }
  if (g_str_equal (record->kind->element, "evidence"))
    {
      const char *sha = cw_xrecord_value (record, "sha256");
      if (sha != NULL)
        g_hash_table_add (state->files, g_strdup (sha));
    }
  /* An assignment given: what the auditor got is the base of their return. */
  return state->base_peer == NULL
         || cw_exchange_store_base (state->workspace, state->base_peer, record, error);
}

static gboolean
write_attribute (xmlTextWriterPtr writer, const char *name, const char *value)
{
  return value == NULL || xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value) >= 0;
}

/* The history of the records written, oldest first: who changed what and
 * when in the workspace the file came from, for the reader to see. The
 * history's own snapshots of whole records are left out (the records are
 * there), and so are entries of records since deleted. */
static gboolean
write_history (CwWorkspace *self, xmlTextWriterPtr writer, gboolean whole, GError **error)
{
  guint n;
  const CwXKind *const *kinds = cw_xkinds (&n);
  GString *sql = g_string_new ("SELECT h.at, h.who, h.entity, CASE h.entity");
  for (guint k = 0; k < n; k++)
    g_string_append_printf (sql, " WHEN '%s' THEN (SELECT uuid FROM %s WHERE id = h.entity_id)",
                            kinds[k]->element, kinds[k]->table);
  g_string_append (sql, " END AS record, h.field, h.old_value, h.new_value FROM history h");
  if (!whole)
    g_string_append (sql, " JOIN temp.export_set s ON s.kind = h.entity AND s.id = h.entity_id");
  g_string_append (sql, " WHERE h.field <> '" CW_RECORD_FIELD "' AND record IS NOT NULL"
                        " ORDER BY h.id");
  g_autofree char *text = g_string_free (sql, FALSE);
  CwStmt *stmt = cw_workspace_prepare (self, text, error);
  if (stmt == NULL)
    return FALSE;
  if (xmlTextWriterStartElement (writer, BAD_CAST "history") < 0)
    return FALSE;
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *attributes[] = { "at", "who", "kind", "record", "field" };
      if (xmlTextWriterStartElement (writer, BAD_CAST "entry") < 0)
        {
          cw_stmt_reset (stmt);
          return FALSE;
        }
      for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
        {
          g_autofree char *safe = cw_xml_safe_text (cw_stmt_text (stmt, a));
          if (!write_attribute (writer, attributes[a], safe ? safe : cw_stmt_text (stmt, a)))
            {
              cw_stmt_reset (stmt);
              return FALSE;
            }
        }
      for (guint v = 0; v < 2; v++)
        {
          if (cw_stmt_is_null (stmt, 5 + v))
            continue;
          g_autofree char *safe = cw_xml_safe_text (cw_stmt_text (stmt, 5 + v));
          if (xmlTextWriterWriteElement (writer, BAD_CAST (v ? "new" : "old"),
                                         BAD_CAST (safe ? safe : cw_stmt_text (stmt, 5 + v)))
              < 0)
            {
              cw_stmt_reset (stmt);
              return FALSE;
            }
        }
      if (xmlTextWriterEndElement (writer) < 0)
        {
          cw_stmt_reset (stmt);
          return FALSE;
        }
    }
  return step == CW_STEP_DONE && xmlTextWriterEndElement (writer) >= 0;
}

/* Finds the bytes of each file evidence by hashing the files in `dir`. */
static GHashTable *
find_files (const char *dir, GHashTable *wanted)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (dir == NULL || g_hash_table_size (wanted) == 0)
    return found;
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_autofree char *sha = cw_file_sha256 (path, NULL);
      if (sha != NULL && g_hash_table_contains (wanted, sha))
        g_hash_table_replace (found, g_steal_pointer (&sha), g_steal_pointer (&path));
    }
  return found;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
write_files (WriteState *state, const char *dir, const char *target, guint *n_missing,
             GError **error)
{
  g_autoptr (GHashTable) found = find_files (dir, state->files);
  g_autoptr (GPtrArray) shas = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer sha_key;
  g_hash_table_iter_init (&iter, state->files);
  while (g_hash_table_iter_next (&iter, &sha_key, NULL))
    g_ptr_array_add (shas, sha_key);
  g_ptr_array_sort (shas, compare_strings);
  *n_missing = shas->len - g_hash_table_size (found);
  if (g_hash_table_size (found) == 0)
    return TRUE;
  g_autofree char *files_dir = cw_exchange_files_dir (target);
  if (g_mkdir_with_parents (files_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("The folder %s for the evidence files could not be made: %s"), files_dir,
                   g_strerror (errno));
      return FALSE;
    }
  if (xmlTextWriterStartElement (state->writer, BAD_CAST "files") < 0)
    return FALSE;
  for (guint i = 0; i < shas->len; i++)
    {
      const char *sha = g_ptr_array_index (shas, i);
      const char *from = g_hash_table_lookup (found, sha);
      if (from == NULL)
        continue;
      g_autofree char *to = g_build_filename (files_dir, sha, NULL);
      g_autoptr (GFile) source = g_file_new_for_path (from);
      g_autoptr (GFile) dest = g_file_new_for_path (to);
      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
      if (xmlTextWriterStartElement (state->writer, BAD_CAST "file") < 0
          || !write_attribute (state->writer, "sha256", sha)
          || xmlTextWriterEndElement (state->writer) < 0)
        return FALSE;
    }
  return xmlTextWriterEndElement (state->writer) >= 0;
}

static gboolean
write_document (CwWorkspace *self, const CwExportRequest *request, const char *tmp,
                const char *target, const char *assignment, const char *assignment_role,
                guint *n_missing, GError **error)
{
  g_autofree char *workspace_uuid = NULL, *head = NULL, *organisation = NULL, *audit_uuid = NULL;
  g_autofree char *catalogue_version = NULL;
  if (!query_text (self, "SELECT uuid FROM workspace", &workspace_uuid, error)
      || !query_text (self, "SELECT hash FROM history ORDER BY id DESC LIMIT 1", &head, error)
      || !query_text (self, "SELECT name FROM organisation", &organisation, error)
      || !query_text (self, "SELECT catalogue_version FROM workspace", &catalogue_version, error))
    return FALSE;
  if (request->audit_id > 0)
    {
      CwStmt *stmt = cw_workspace_prepare (self, "SELECT uuid FROM audit WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_int64 (stmt, 1, request->audit_id);
      if (!cw_stmt_first_text (stmt, &audit_uuid, error))
        return FALSE;
    }

  xmlTextWriterPtr writer = xmlNewTextWriterFilename (tmp, 0);
  if (writer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s could not be written"), tmp);
      return FALSE;
    }
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  g_autoptr (GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  WriteState state = { self, writer, NULL, files };
  if (assignment != NULL && g_str_equal (assignment_role, "given"))
    state.base_peer = assignment;
  g_autofree char *schema = g_strdup_printf ("%u", cw_workspace_schema_version ());

  gboolean ok
    = xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) >= 0
      && xmlTextWriterStartElement (writer, BAD_CAST "exchange") >= 0
      && write_attribute (writer, "xmlns", CW_EXCHANGE_NAMESPACE)
      && write_attribute (writer, "version", "1")
      && write_attribute (writer, "kind", cw_export_kind_to_string (request->kind))
      && xmlTextWriterStartElement (writer, BAD_CAST "source") >= 0
      && write_attribute (writer, "workspace", workspace_uuid)
      && write_attribute (writer, "organisation", organisation)
      && write_attribute (writer, "schema", schema)
      && write_attribute (writer, "catalogue-version", catalogue_version)
      && write_attribute (writer, "head", head)
      && xmlTextWriterEndElement (writer) >= 0;
  if (ok && assignment != NULL)
    {
      ok = xmlTextWriterStartElement (writer, BAD_CAST "assignment") >= 0
           && write_attribute (writer, "id", assignment)
           && write_attribute (writer, "audit", audit_uuid)
           && write_attribute (writer, "auditor", request->auditor);
      for (guint i = 0; ok && request->clauses && request->clauses[i]; i++)
        ok = xmlTextWriterWriteElement (writer, BAD_CAST "clause", BAD_CAST request->clauses[i])
             >= 0;
      ok = ok && xmlTextWriterEndElement (writer) >= 0;
    }
  ok = ok && xmlTextWriterStartElement (writer, BAD_CAST "records") >= 0;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("%s could not be written; check the disk has room"), tmp);

  guint n;
  const CwXKind *const *kinds = cw_xkinds (&n);
  for (guint k = 0; ok && k < n; k++)
    {
      if (request->kind == CW_EXPORT_WORKSPACE)
        ok = cw_xrecord_each (self, kinds[k], NULL, NULL, write_one, &state, error);
      else
        ok = cw_xrecord_each (self, kinds[k],
                              "t.id IN (SELECT id FROM temp.export_set WHERE kind = ?)",
                              kinds[k]->element, write_one, &state, error);
    }
  ok = ok && xmlTextWriterEndElement (writer) >= 0
       && write_history (self, writer, request->kind == CW_EXPORT_WORKSPACE, error);
  const char *evidence_dir = request->evidence_dir;
  g_autofree char *own_files = cw_exchange_files_dir (cw_workspace_get_path (self));
  ok = ok && write_files (&state, evidence_dir ? evidence_dir : own_files, target, n_missing,
                          error);
  gboolean ended = xmlTextWriterEndDocument (writer) >= 0;
  xmlFreeTextWriter (writer);
  if (ok && !ended)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s could not be written; check the disk has room"), tmp);
      return FALSE;
    }
  return ok;
}

/* The assignment of `audit_id` this workspace received, if any: an audit
 * written from it is the auditor's return, and names the assignment. */
static gboolean
received_assignment (CwWorkspace *self, gint64 audit_id, char **uuid, char **auditor,
                     char ***clauses, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT s.uuid, s.auditor, s.clauses FROM assignment s JOIN audit a ON a.uuid = s.audit"
    " WHERE s.role = 'received' AND a.id = ? ORDER BY s.made_at DESC LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  if (found)
    {
      *uuid = cw_stmt_dup_text (stmt, 0);
      *auditor = cw_stmt_dup_text (stmt, 1);
      *clauses = g_strsplit (cw_stmt_text (stmt, 2), ",", -1);
      cw_stmt_reset (stmt);
    }
  return TRUE;
}

static gboolean
check_assignment (CwWorkspace *self, const CwExportRequest *request, GError **error)
{
  if (request->auditor == NULL || cw_text_is_blank (request->auditor))
    {
      cw_set_invalid (error, _("An assignment needs the name of the auditor it is for"));
      return FALSE;
    }
  if (request->clauses == NULL || request->clauses[0] == NULL)
    {
      cw_set_invalid (error, _("An assignment needs the clauses the auditor covers"));
      return FALSE;
    }
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, request->audit_id, error);
  if (audit == NULL)
    return FALSE;
  if (cw_audit_get_status (audit) == CW_AUDIT_REPORTED || cw_audit_get_status (audit)
                                                            == CW_AUDIT_CLOSED)
    {
      cw_set_invalid (error,
                      _("Audit %" PRId64 " has its report issued; revise it before "
                        "assigning its clauses again"),
                      request->audit_id);
      return FALSE;
    }
  if (!cw_workspace_exec (self,
                          "CREATE TEMP TABLE IF NOT EXISTS assigned_clause ("
                          "  clause TEXT PRIMARY KEY) WITHOUT ROWID;"
                          "DELETE FROM temp.assigned_clause;",
                          error))
    return FALSE;
  for (guint i = 0; request->clauses[i] != NULL; i++)
    {
      const char *clause = request->clauses[i];
      if (!cw_audit_reaches (audit, clause))
        {
          cw_set_invalid (error,
                          _("Clause %s is not in the scope of audit %" PRId64
                            "; assign only clauses the audit covers"),
                          clause, request->audit_id);
          return FALSE;
        }
      CwStmt *stmt = cw_workspace_prepare (
        self, "INSERT OR IGNORE INTO temp.assigned_clause (clause) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, clause);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cw_workspace_export (CwWorkspace *self, const CwExportRequest *request, const char *path,
                     guint *n_files_missing, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (request != NULL && path != NULL, FALSE);

  guint missing = 0;
  gboolean assigning = request->kind == CW_EXPORT_ASSIGNMENT;
  if ((request->kind == CW_EXPORT_AUDIT || assigning) && request->audit_id <= 0)
    {
      cw_set_invalid (error, _("Say which audit to write"));
      return FALSE;
    }
  /* One snapshot of the workspace for the whole file; an assignment also
   * writes what it gave, so it is an edit. */
  gboolean began = assigning ? cw_workspace_edit_begin (self, error)
                             : cw_workspace_exec (self, "BEGIN", error);
  if (!began)
    return FALSE;
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autofree char *assignment = NULL, *auditor = NULL;
  g_auto (GStrv) clauses = NULL;
  const char *role = NULL;
  gboolean ok = TRUE;
  if (assigning)
    {
      ok = check_assignment (self, request, error);
      assignment = cw_record_new_uuid ();
      role = "given";
    }
  else if (request->kind == CW_EXPORT_AUDIT)
    {
      ok = received_assignment (self, request->audit_id, &assignment, &auditor, &clauses, error);
      role = "received";
      if (ok)
        {
          g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, request->audit_id, error);
          ok = audit != NULL;
        }
    }
  if (ok && request->kind != CW_EXPORT_WORKSPACE)
    ok = select_records (self, request, error);
  if (ok && assigning)
    {
      g_autofree char *list = g_strjoinv (",", (char **) request->clauses);
      g_autofree char *now = cw_timestamp_now ();
      CwStmt *stmt = cw_workspace_prepare (
        self,
        "INSERT INTO assignment (uuid, role, audit, auditor, clauses, made_at)"
        " VALUES (?, 'given', (SELECT uuid FROM audit WHERE id = ?), ?, ?, ?)",
        error);
      ok = stmt != NULL;
      if (ok)
        {
          cw_stmt_bind_text (stmt, 1, assignment);
          cw_stmt_bind_int64 (stmt, 2, request->audit_id);
          cw_stmt_bind_text (stmt, 3, request->auditor);
          cw_stmt_bind_text (stmt, 4, list);
          cw_stmt_bind_text (stmt, 5, now);
          ok = cw_stmt_run (stmt, error);
        }
      g_autofree char *what = g_strdup_printf ("%s: %s", request->auditor, list);
      ok = ok && cw_workspace_record (self, "audit", request->audit_id, "assigned", NULL, what,
                                      error);
    }
  CwExportRequest written = *request;
  if (auditor != NULL)
    {
      written.auditor = auditor;
      written.clauses = (const char *const *) clauses;
    }
  ok = ok && write_document (self, &written, tmp, path, assignment, role, &missing, error);
  gboolean renamed = FALSE;
  if (ok && !(renamed = g_rename (tmp, path) == 0))
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s could not be written: %s"), name, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  if (assigning)
    ok = cw_workspace_edit_end (self, ok, ok ? error : NULL);
  else if (!cw_workspace_exec (self, ok ? "COMMIT" : "ROLLBACK", ok ? error : NULL))
    ok = FALSE;
  if (!ok && renamed)
    g_unlink (path);
  if (n_files_missing != NULL)
    *n_files_missing = missing;
  return ok;
}
