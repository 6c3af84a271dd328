/* cw-exchange-import.c: reading an exchange file into a workspace, merging
 * record by record, and settling the conflicts that leaves (the rules are
 * described at the top of cw-exchange.c).
 *
 * The file is read as a stream against the schema; each record is taken as
 * a small tree, merged and freed, so memory does not grow with the file.
 * Everything happens in one transaction after a backup: a file refused at
 * its last line leaves the workspace as it was, and the backup is removed.
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
#include "cw-xml.h"

typedef struct
{
  CwWorkspace *workspace;
  const char *path;
  char *name;          /* the file's name, for messages */
  char *kind;          /* what the file holds: workspace, audit, … */
  char *source;        /* the workspace it came from */
  char *organisation;  /* and its organisation's name */
  char *assignment;    /* the assignment it gives or returns, if any */
  char *assignment_audit;
  char *assignment_auditor;
  GString *assignment_clauses;
  char *peer;          /* whose bases apply: the assignment, else the source */
  GHashTable *in_file; /* the UUIDs read so far, to refuse a duplicate */
  GHashTable *ids;     /* "table\x1fuuid" → local id, for references */
  GHashTable *aliases; /* their UUID → ours, for records matched by content */
  GHashTable *new_audits; /* local ids of audits this import added */
  GHashTable *open_audits; /* and of those found open here */
  GHashTable *series;  /* "audit(grades)" → Series, for findings' numbers */
  GHashTable *numbered; /* local ids of audits that took new findings */
  GPtrArray *files;    /* SHA-256 of the evidence files that came with it */
  CwImportResult *result;
} Import;

void
cw_import_result_free (CwImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->backup);
  g_free (result->source);
  if (result->conflict_ids)
    g_ptr_array_unref (result->conflict_ids);
  if (result->changes)
    g_ptr_array_unref (result->changes);
  g_free (result);
}

static void series_free (gpointer series);
static char *conflict_label (const CwXRecord *record);

static void
import_init (Import *imp, CwWorkspace *workspace, const char *path, char *name)
{
  *imp = (Import) {
    .workspace = workspace,
    .path = path,
    .name = name,
    .in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .new_audits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    .open_audits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    .series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free),
    .numbered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    .files = g_ptr_array_new_with_free_func (g_free),
  };
}

static void
import_clear (Import *imp)
{
  g_free (imp->name);
  g_free (imp->kind);
  g_free (imp->source);
  g_free (imp->organisation);
  g_free (imp->assignment);
  g_free (imp->assignment_audit);
  g_free (imp->assignment_auditor);
  if (imp->assignment_clauses)
    g_string_free (imp->assignment_clauses, TRUE);
  g_free (imp->peer);
  g_hash_table_unref (imp->in_file);
  g_hash_table_unref (imp->ids);
  g_hash_table_unref (imp->aliases);
  g_hash_table_unref (imp->new_audits);
  g_hash_table_unref (imp->open_audits);
  g_hash_table_unref (imp->series);
  g_hash_table_unref (imp->numbered);
  g_ptr_array_unref (imp->files);
}

/* ---- Finding records here ---------------------------------------------- */

static char *
id_key (const char *table, const char *uuid)
{
  return g_strconcat (table, "\x1f", uuid, NULL);
}

static gboolean
lookup_uuid (Import *imp, const char *table, const char *uuid, gint64 *id, GError **error)
{
  g_autofree char *key = id_key (table, uuid);
  gpointer cached = g_hash_table_lookup (imp->ids, key);
  if (cached != NULL)
    {
      *id = *(gint64 *) cached;
      return TRUE;
    }
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  CwStmt *stmt = cw_workspace_prepare (imp->workspace, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, uuid);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  *id = found ? cw_stmt_int64 (stmt, 0) : 0;
  cw_stmt_reset (stmt);
  return TRUE;
}

static void
remember_id (Import *imp, const char *table, const char *uuid, gint64 id)
{
  gint64 *value = g_new (gint64, 1);
  *value = id;
  g_hash_table_replace (imp->ids, id_key (table, uuid), value);
}

/* A reference must name a record of the file read so far or of this
 * workspace. */
static gboolean
resolve_ref (Import *imp, const CwXField *field, const char *uuid, const char *kind,
             gint64 *id, GError **error)
{
  if (!lookup_uuid (imp, field->ref, uuid, id, error))
    return FALSE;
  if (*id == 0)
    {
      cw_set_invalid (error,
                      _("%s: a %s refers to a %s (%s) that is neither in the file nor in this "
                        "workspace"),
                      imp->name, kind, field->element, uuid);
      return FALSE;
    }
  return TRUE;
}

/* Their references to records matched here under another UUID are made
 * ours, so that the two sides compare field by field. */
static void
translate_refs (Import *imp, CwXRecord *record)
{
  if (g_hash_table_size (imp->aliases) == 0)
    return;
  const CwXKind *kind = record->kind;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *ours = record->values[i] && kind->fields[i].ref
                           ? g_hash_table_lookup (imp->aliases, record->values[i])
                           : NULL;
      if (ours != NULL)
        {
          g_free (record->values[i]);
          record->values[i] = g_strdup (ours);
        }
    }
  for (guint c = 0; c < kind->n_children; c++)
    {
      char **slot = &record->values[kind->n_fields + c];
      if (*slot == NULL)
        continue;
      GHashTableIter iter;
      gpointer theirs, ours;
      g_hash_table_iter_init (&iter, imp->aliases);
      while (g_hash_table_iter_next (&iter, &theirs, &ours))
        if (strstr (*slot, theirs) != NULL)
          {
            g_auto (GStrv) parts = g_strsplit (*slot, theirs, -1);
            g_free (*slot);
            *slot = g_strjoinv (ours, parts);
          }
    }
}

/* The record here that `theirs` is: by UUID, as the one row of a singleton,
 * or by its natural key (the answer to the same question of an audit). */
static gboolean
find_local (Import *imp, const CwXRecord *theirs, gint64 *id, GError **error)
{
  const CwXKind *kind = theirs->kind;
  if (!lookup_uuid (imp, kind->table, theirs->uuid, id, error))
    return FALSE;
  if (*id != 0 || (kind->natural == NULL && !kind->singleton))
    return TRUE;
  GString *sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT id, uuid FROM %s WHERE ", kind->table);
  if (kind->singleton)
    g_string_append (sql, "id = 1");
  for (guint n = 0; kind->natural && kind->natural[n]; n++)
    {
      for (guint i = 0; i < kind->n_fields; i++)
        if (g_str_equal (kind->fields[i].element, kind->natural[n]))
          {
            const CwXField *field = &kind->fields[i];
            g_string_append_printf (sql, "%s%s = %s", n ? " AND " : "", field->column,
                                    field->ref ? "(SELECT id FROM " : "?");
            if (field->ref)
              g_string_append_printf (sql, "%s WHERE uuid = ?)", field->ref);
          }
    }
  g_autofree char *text = g_string_free (sql, FALSE);
  CwStmt *stmt = cw_workspace_prepare (imp->workspace, text, error);
  if (stmt == NULL)
    return FALSE;
  for (guint n = 0; kind->natural && kind->natural[n]; n++)
    cw_stmt_bind_text (stmt, n + 1, cw_xrecord_value (theirs, kind->natural[n]));
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  if (found)
    {
      *id = cw_stmt_int64 (stmt, 0);
      g_hash_table_replace (imp->aliases, g_strdup (theirs->uuid), cw_stmt_dup_text (stmt, 1));
      remember_id (imp, kind->table, theirs->uuid, *id);
    }
  cw_stmt_reset (stmt);
  return TRUE;
}

/* ---- Writing a record here --------------------------------------------- */

static gboolean
check_catalogue (Import *imp, const CwXField *field, const char *value, GError **error)
{
  const char *sql = NULL;
  if (g_str_equal (field->column, "clause"))
    sql = "SELECT 1 FROM clause WHERE number = ?";
  else if (g_str_equal (field->column, "question"))
    sql = "SELECT 1 FROM question WHERE id = ?";
  else if (g_str_equal (field->column, "input"))
    sql = "SELECT 1 FROM review_input WHERE id = ?";
  if (sql == NULL || value == NULL)
    return TRUE;
  CwStmt *stmt = cw_workspace_prepare (imp->workspace, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, value);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  cw_stmt_reset (stmt);
  if (!found)
    cw_set_invalid (error,
                    _("%s names %s “%s”, which this workspace's catalogue does not have; "
                      "both sides need the same catalogue"),
                    imp->name, field->element, value);
  return found;
}

static gboolean
bind_value (Import *imp, CwStmt *stmt, int index, const CwXField *field, const char *value,
            const char *kind, GError **error)
{
  if (value == NULL)
    {
      cw_stmt_bind_null (stmt, index);
      return TRUE;
    }
  if (!check_catalogue (imp, field, value, error))
    return FALSE;
  switch (field->type)
    {
    case CW_XF_INT:
    case CW_XF_OPT_INT:
      cw_stmt_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
      return TRUE;
    case CW_XF_REF:
    case CW_XF_OPT_REF:
      {
        gint64 id;
        if (!resolve_ref (imp, field, value, kind, &id, error))
          return FALSE;
        cw_stmt_bind_int64 (stmt, index, id);
        return TRUE;
      }
    default:
      cw_stmt_bind_text (stmt, index, value);
      return TRUE;
    }
}

static gboolean
store_child (Import *imp, const CwXKind *kind, const CwXChild *child, gint64 id,
             gboolean inserted, const char *rows, GError **error)
{
  g_autofree char *wipe = child->parent
                            ? g_strdup_printf ("DELETE FROM %s WHERE %s = ?", child->table,
                                               child->parent)
                            : g_strdup_printf ("DELETE FROM %s", child->table);
  CwStmt *stmt;
  if (!inserted)
    {
      stmt = cw_workspace_prepare (imp->workspace, wipe, error);
      if (stmt == NULL)
        return FALSE;
      if (child->parent)
        cw_stmt_bind_int64 (stmt, 1, id);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  if (rows == NULL)
    return TRUE;

  GString *sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (", child->table);
  if (child->parent)
    g_string_append_printf (sql, "%s, ", child->parent);
  for (guint i = 0; i < child->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", child->fields[i].column);
  g_string_append (sql, ") VALUES (");
  guint n = child->n_fields + (child->parent ? 1 : 0);
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");
  g_autofree char *insert = g_string_free (sql, FALSE);

  g_auto (GStrv) lines = g_strsplit (rows, "\x1e", -1);
  for (guint r = 0; lines[r] != NULL; r++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[r], "\x1f", -1);
      if (g_strv_length (cells) != child->n_fields)
        {
          cw_set_invalid (error, _("%s: a %s's %s is incomplete"), imp->name, kind->element,
                          child->element);
          return FALSE;
        }
      stmt = cw_workspace_prepare (imp->workspace, insert, error);
      if (stmt == NULL)
        return FALSE;
      int index = 1;
      if (child->parent)
        cw_stmt_bind_int64 (stmt, index++, id);
      for (guint i = 0; i < child->n_fields; i++)
        {
          const char *value = g_str_equal (cells[i], "\x1d") ? NULL : cells[i];
          if (!bind_value (imp, stmt, index++, &child->fields[i], value, kind->element, error))
            {
              cw_stmt_reset (stmt);
              return FALSE;
            }
        }
      if (!cw_stmt_run (stmt, error))
        {
          g_prefix_error (error, _("%s: a %s's %s could not be kept: "), imp->name,
                          kind->element, child->element);
          return FALSE;
        }
    }
  return TRUE;
}

/* The numbers an audit's findings of one series use, read once an import
 * (a large audit would otherwise be read again for every finding). */
typedef struct
{
  GHashTable *used; /* gint64 numbers */
  gint64 last;
} Series;

static void
series_free (gpointer data)
{
  Series *series = data;
  g_hash_table_unref (series->used);
  g_free (series);
}

/* A new finding keeps its number unless this audit already has it in the
 * same series; then it takes the next. */
static gboolean
finding_number (Import *imp, const CwXRecord *record, gint64 *number, GError **error)
{
  gint64 audit;
  const CwXKind *kind = record->kind;
  const CwXField *audit_field = &kind->fields[0];
  if (!resolve_ref (imp, audit_field, cw_xrecord_value (record, "audit"), kind->element, &audit, error))
    return FALSE;
  const char *grade = cw_xrecord_value (record, "grade");
  const char *grades = g_strcmp0 (grade, "major") == 0 || g_strcmp0 (grade, "minor") == 0
                         ? "('major', 'minor')"
                         : g_strcmp0 (grade, "observation") == 0 ? "('observation')"
                                                                 : "('ofi')";
  g_autofree char *key = g_strdup_printf ("%" PRId64 "%s", audit, grades);
  Series *series = g_hash_table_lookup (imp->series, key);
  if (series == NULL)
    {
      series = g_new0 (Series, 1);
      series->used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autofree char *sql
        = g_strdup_printf ("SELECT number FROM finding WHERE audit = ? AND grade IN %s", grades);
      CwStmt *stmt = cw_workspace_prepare (imp->workspace, sql, error);
      if (stmt == NULL)
        {
          series_free (series);
          return FALSE;
        }
      cw_stmt_bind_int64 (stmt, 1, audit);
      CwStep step;
      while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
        {
          gint64 *used = g_new (gint64, 1);
          *used = cw_stmt_int64 (stmt, 0);
          series->last = MAX (series->last, *used);
          g_hash_table_add (series->used, used);
        }
      g_hash_table_insert (imp->series, g_steal_pointer (&key), series);
      if (step == CW_STEP_ERROR)
        return FALSE;
    }
  if (!g_hash_table_contains (imp->numbered, &audit))
    {
      gint64 *id = g_new (gint64, 1);
      *id = audit;
      g_hash_table_add (imp->numbered, id);
    }
  gint64 wanted = g_ascii_strtoll (cw_xrecord_value (record, "number"), NULL, 10);
  *number = wanted <= 0 || g_hash_table_contains (series->used, &wanted) ? series->last + 1
                                                                           : wanted;
  gint64 *used = g_new (gint64, 1);
  *used = *number;
  g_hash_table_add (series->used, used);
  series->last = MAX (series->last, *number);
  return TRUE;
}

/* A new record's rows of a child table are new too, unless the table is
 * not the record's own (the programme's clause importances). */
static gboolean
child_table_is_own (const CwXChild *child)
{
  return child->parent != NULL;
}

/* Writes `record` as the record `id` (0: a new one) and its rows. */
static gboolean
store_record (Import *imp, const CwXRecord *record, gint64 id, gboolean adopt, gint64 *stored,
              GError **error)
{
  const CwXKind *kind = record->kind;
  gboolean inserting = id == 0;
  GString *sql = g_string_new (NULL);
  if (id == 0)
    {
      g_string_printf (sql, "INSERT INTO %s (uuid, rev", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append_printf (sql, ", %s", kind->fields[i].column);
      g_string_append (sql, ") VALUES (?, ?");
      for (guint i = 0; i < kind->n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET ", kind->table);
      for (guint i = 0; i < kind->n_fields; i++)
        if (!kind->fields[i].local)
          g_string_append_printf (sql, "%s = ?, ", kind->fields[i].column);
      g_string_append (sql, adopt ? "uuid = ?, rev = ? WHERE id = ?" : "rev = rev + 1 WHERE id = ?");
    }
  g_autofree char *text = g_string_free (sql, FALSE);
  CwStmt *stmt = cw_workspace_prepare (imp->workspace, text, error);
  if (stmt == NULL)
    return FALSE;
  int index = 1;
  if (id == 0)
    {
      cw_stmt_bind_text (stmt, index++, record->uuid);
      cw_stmt_bind_int64 (stmt, index++, record->rev);
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CwXField *field = &kind->fields[i];
      if (field->local && id != 0)
        continue;
      if (field->local)
        {
          gint64 number;
          if (!finding_number (imp, record, &number, error))
            {
              cw_stmt_reset (stmt);
              return FALSE;
            }
          cw_stmt_bind_int64 (stmt, index++, number);
          continue;
        }
      if (!bind_value (imp, stmt, index++, field, record->values[i], kind->element, error))
        {
          cw_stmt_reset (stmt);
          return FALSE;
        }
    }
  if (id != 0 && adopt)
    {
      cw_stmt_bind_text (stmt, index++, record->uuid);
      cw_stmt_bind_int64 (stmt, index++, record->rev);
    }
  if (id != 0)
    cw_stmt_bind_int64 (stmt, index++, id);
  if (!cw_stmt_run (stmt, error))
    {
      g_prefix_error (error, _("%s: %s %s could not be kept: "), imp->name,
                      cw_record_label (kind->element), record->uuid);
      return FALSE;
    }
  if (id == 0)
    id = cw_workspace_last_insert_id (imp->workspace);
  for (guint c = 0; c < kind->n_children; c++)
    if (!store_child (imp, kind, &kind->children[c], id,
                      inserting && child_table_is_own (&kind->children[c]),
                      record->values[kind->n_fields + c], error))
      return FALSE;
  remember_id (imp, kind->table, record->uuid, id);
  *stored = id;
  /* The history says where the record came from; an answer's result and
   * note are also kept as fields, as `check` compares them. */
  if (!cw_workspace_record (imp->workspace, kind->element, id, inserting ? "created" : "merged",
                            NULL, imp->result->source, error))
    return FALSE;
  if (g_str_equal (kind->element, "answer")
      && (!cw_workspace_record (imp->workspace, "answer", id, "result", NULL,
                                cw_xrecord_value (record, "result"), error)
          || !cw_workspace_record (imp->workspace, "answer", id, "note", NULL,
                                   cw_xrecord_value (record, "note"), error)))
    return FALSE;
  return cw_search_index_row (imp->workspace, kind->element, id, error);
}

/* ---- Merging ----------------------------------------------------------- */

static gboolean
load_base (Import *imp, const char *uuid, CwXRecord **base, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    imp->workspace, "SELECT content FROM exchange_base WHERE peer = ? AND uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, imp->peer);
  cw_stmt_bind_text (stmt, 2, uuid);
  g_autofree char *xml = NULL;
  if (!cw_stmt_first_text (stmt, &xml, error))
    return FALSE;
  *base = xml ? cw_xrecord_from_xml (xml, error) : NULL;
  return xml == NULL || *base != NULL;
}


/* What the import does to a record, for a dry run to say: "added Answer
 * 8.5.3.q1", "conflict Answer 8.5.3.q2: result, note". */
static void
note_change (Import *imp, const char *what, const CwXRecord *record, const CwXRecord *ours)
{
  if (imp->result->changes == NULL)
    return;
  g_autofree char *label = g_strdelimit (conflict_label (record), "\r\n\t", ' ');
  GString *line = g_string_new (NULL);
  g_string_printf (line, "%s\t%s%s", what, label, ours ? "\t" : "");
  for (guint i = 0; ours && i < cw_xrecord_n_values (record->kind); i++)
    if (!(i < record->kind->n_fields && record->kind->fields[i].local)
        && g_strcmp0 (ours->values[i], record->values[i]) != 0)
      g_string_append_printf (line, "%s%s", line->str[line->len - 1] == '\t' ? "" : " ",
                              cw_xkind_value_name (record->kind, i));
  g_ptr_array_add (imp->result->changes, g_string_free (line, FALSE));
}

static gboolean
raise_conflict (Import *imp, const CwXRecord *ours, const CwXRecord *theirs,
                const CwXRecord *base, GError **error)
{
  g_autofree char *ours_xml = cw_xrecord_to_xml (ours);
  g_autofree char *theirs_xml = cw_xrecord_to_xml (theirs);
  g_autofree char *base_xml = base ? cw_xrecord_to_xml (base) : NULL;
  CwStmt *open = cw_workspace_prepare (
    imp->workspace,
    "SELECT id, theirs = ?3 FROM merge_conflict WHERE peer = ?1 AND uuid = ?2 AND status = 'open'",
    error);
  if (open == NULL)
    return FALSE;
  cw_stmt_bind_text (open, 1, imp->peer);
  cw_stmt_bind_text (open, 2, theirs->uuid);
  cw_stmt_bind_text (open, 3, theirs_xml);
  gboolean found;
  if (!cw_stmt_row (open, &found, error))
    return FALSE;
  gint64 existing = found ? cw_stmt_int64 (open, 0) : 0;
  gboolean same = found && cw_stmt_int64 (open, 1) != 0;
  cw_stmt_reset (open);
  if (same)
    {
      /* Already waiting for the lead: the same file imported again. */
      imp->result->unchanged++;
      return TRUE;
    }
  g_autofree char *now = cw_timestamp_now ();
  CwStmt *stmt = cw_workspace_prepare (
    imp->workspace,
    existing ? "UPDATE merge_conflict SET ours = ?4, theirs = ?5, base = ?6, source = ?7,"
               " raised_at = ?8 WHERE id = ?9"
             : "INSERT INTO merge_conflict (peer, entity, uuid, ours, theirs, base, source,"
               " raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  if (stmt == NULL)
    return FALSE;
  if (!existing)
    {
      cw_stmt_bind_text (stmt, 1, imp->peer);
      cw_stmt_bind_text (stmt, 2, theirs->kind->element);
      cw_stmt_bind_text (stmt, 3, theirs->uuid);
    }
  cw_stmt_bind_text (stmt, 4, ours_xml);
  cw_stmt_bind_text (stmt, 5, theirs_xml);
  cw_stmt_bind_text (stmt, 6, base_xml);
  cw_stmt_bind_text (stmt, 7, imp->result->source);
  cw_stmt_bind_text (stmt, 8, now);
  if (existing)
    cw_stmt_bind_int64 (stmt, 9, existing);
  if (!cw_stmt_run (stmt, error))
    return FALSE;
  gint64 *id = g_new (gint64, 1);
  *id = existing ? existing : cw_workspace_last_insert_id (imp->workspace);
  g_ptr_array_add (imp->result->conflict_ids, id);
  imp->result->conflicts++;
  note_change (imp, "conflict", theirs, ours);
  return TRUE;
}

/* An audit whose report was issued here takes no new answers, findings or
 * evidence from outside: the lead revises it first. */
static gboolean
check_audit_open (Import *imp, const CwXRecord *record, GError **error)
{
  const char *element = record->kind->element;
  if (!g_str_equal (element, "answer") && !g_str_equal (element, "finding")
      && !g_str_equal (element, "evidence"))
    return TRUE;
  gint64 audit;
  if (!resolve_ref (imp, &record->kind->fields[0], cw_xrecord_value (record, "audit"), element, &audit,
                    error))
    return FALSE;
  if (g_hash_table_contains (imp->new_audits, &audit)
      || g_hash_table_contains (imp->open_audits, &audit))
    return TRUE;
  CwStmt *stmt
    = cw_workspace_prepare (imp->workspace, "SELECT title, status FROM audit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit);
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  g_autofree char *title = cw_stmt_dup_text (stmt, 0);
  const char *status = cw_stmt_text (stmt, 1);
  gboolean issued = g_str_equal (status, "reported") || g_str_equal (status, "closed");
  cw_stmt_reset (stmt);
  if (!issued)
    {
      gint64 *key = g_new (gint64, 1);
      *key = audit;
      g_hash_table_add (imp->open_audits, key);
    }
  if (issued)
    cw_set_invalid (error,
                    _("The report of audit “%s” has been issued, so it takes no changes from "
                      "%s; revise the audit first (a new version of the report) and import "
                      "again"),
                    title, imp->name);
  return !issued;
}

static gboolean
merge_record (Import *imp, CwXRecord *theirs, GError **error)
{
  const CwXKind *kind = theirs->kind;
  if (!g_hash_table_add (imp->in_file, g_strdup (theirs->uuid)))
    {
      cw_set_invalid (error, _("%s holds the record %s twice"), imp->name, theirs->uuid);
      return FALSE;
    }
  translate_refs (imp, theirs);
  gint64 id;
  if (!find_local (imp, theirs, &id, error))
    return FALSE;
  gint64 stored;
  if (id == 0)
    {
      if (!check_audit_open (imp, theirs, error) || !store_record (imp, theirs, 0, FALSE, &stored, error)
          || !cw_exchange_store_base (imp->workspace, imp->peer, theirs, error))
        return FALSE;
      if (g_str_equal (kind->element, "audit"))
        {
          gint64 *key = g_new (gint64, 1);
          *key = stored;
          g_hash_table_add (imp->new_audits, key);
        }
      imp->result->added++;
      note_change (imp, "added", theirs, NULL);
      return TRUE;
    }

  g_autoptr (CwXRecord) ours = cw_xrecord_load (imp->workspace, kind, id, error);
  g_autoptr (CwXRecord) base = NULL;
  if (ours == NULL || !load_base (imp, theirs->uuid, &base, error))
    return FALSE;
  if (cw_xrecord_same (ours, theirs))
    {
      imp->result->unchanged++;
      return cw_exchange_store_base (imp->workspace, imp->peer, theirs, error);
    }
  if (base == NULL)
    {
      /* A workspace made to receive (an auditor's, empty) takes the other
       * side's organisation and programme as they are. */
      if (kind->singleton && ours->rev == 1)
        {
          if (!store_record (imp, theirs, id, TRUE, &stored, error)
              || !cw_exchange_store_base (imp->workspace, imp->peer, theirs, error))
            return FALSE;
          imp->result->updated++;
          note_change (imp, "updated", theirs, ours);
          return TRUE;
        }
      return raise_conflict (imp, ours, theirs, NULL, error);
    }

  /* Three ways, field by field. */
  g_autoptr (CwXRecord) merged = g_new0 (CwXRecord, 1);
  merged->kind = kind;
  merged->uuid = g_strdup (ours->uuid);
  merged->rev = ours->rev;
  merged->values = g_new0 (char *, cw_xrecord_n_values (kind));
  gboolean clash = FALSE, changed = FALSE;
  for (guint i = 0; i < cw_xrecord_n_values (kind); i++)
    {
      const char *b = base->values[i], *o = ours->values[i], *t = theirs->values[i];
      const char *m = o;
      if (!(i < kind->n_fields && kind->fields[i].local) && g_strcmp0 (t, b) != 0
          && g_strcmp0 (o, t) != 0)
        {
          if (g_strcmp0 (o, b) == 0)
            {
              m = t;
              changed = TRUE;
            }
          else
            clash = TRUE;
        }
      merged->values[i] = g_strdup (m);
    }
  if (clash)
    return raise_conflict (imp, ours, theirs, base, error);
  if (changed)
    {
      if (!check_audit_open (imp, theirs, error)
          || !store_record (imp, merged, id, FALSE, &stored, error))
        return FALSE;
      imp->result->updated++;
      note_change (imp, "updated", merged, ours);
    }
  else
    imp->result->unchanged++;
  return cw_exchange_store_base (imp->workspace, imp->peer, theirs, error);
}

/* ---- Reading the file -------------------------------------------------- */

static gboolean
read_source (Import *imp, xmlNode *node, GError **error)
{
  imp->source = cw_xml_attr (node, "workspace");
  imp->organisation = cw_xml_attr (node, "organisation");
  return TRUE;
}

static void
read_assignment (Import *imp, xmlNode *node)
{
  imp->assignment = cw_xml_attr (node, "id");
  imp->assignment_audit = cw_xml_attr (node, "audit");
  imp->assignment_auditor = cw_xml_attr (node, "auditor");
  imp->assignment_clauses = g_string_new (NULL);
  for (xmlNode *child = node->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        g_autofree char *clause = cw_xml_raw_text (child);
        if (imp->assignment_clauses->len)
          g_string_append_c (imp->assignment_clauses, ',');
        g_string_append (imp->assignment_clauses, clause);
      }
}

static gboolean
begin_records (Import *imp, GError **error)
{
  if (imp->peer != NULL)
    return TRUE;
  if (imp->source == NULL)
    {
      cw_set_invalid (error, _("%s does not say which workspace it came from"), imp->name);
      return FALSE;
    }
  imp->peer = g_strdup (imp->assignment ? imp->assignment : imp->source);
  const char *org = imp->organisation && *imp->organisation ? imp->organisation : imp->source;
  imp->result->source
    = imp->assignment_auditor
        ? g_strdup_printf (_("%s (%s, assignment of %s)"), imp->name, org, imp->assignment_auditor)
        : g_strdup_printf (_("%s (%s)"), imp->name, org);
  return TRUE;
}

static gboolean
read_files (Import *imp, xmlNode *node, GError **error)
{
  g_autofree char *dir = cw_exchange_files_dir (imp->path);
  for (xmlNode *file = node->children; file; file = file->next)
    {
      if (file->type != XML_ELEMENT_NODE)
        continue;
      g_autofree char *sha = cw_xml_attr (file, "sha256");
      /* The schema allows only 64 hex digits: no path can hide in it. */
      g_autofree char *path = g_build_filename (dir, sha, NULL);
      g_autoptr (GError) local = NULL;
      g_autofree char *actual = cw_file_sha256 (path, &local);
      if (actual == NULL)
        {
          cw_set_invalid (error, _("The evidence file %s that %s lists is missing (%s)"), sha,
                          imp->name, local->message);
          return FALSE;
        }
      if (!g_str_equal (actual, sha))
        {
          cw_set_invalid (error,
                          _("The evidence file %s beside %s does not match its SHA-256: it "
                            "was changed or damaged after it was exported"),
                          sha, imp->name);
          return FALSE;
        }
      g_ptr_array_add (imp->files, g_steal_pointer (&sha));
    }
  return TRUE;
}

/* Keeps the evidence files that came with the file beside the workspace. */
static gboolean
keep_files (Import *imp, GError **error)
{
  if (imp->files->len == 0)
    return TRUE;
  g_autofree char *from_dir = cw_exchange_files_dir (imp->path);
  g_autofree char *to_dir = cw_exchange_files_dir (cw_workspace_get_path (imp->workspace));
  if (g_mkdir_with_parents (to_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("The folder %s for the evidence files could not be made: %s"), to_dir,
                   g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < imp->files->len; i++)
    {
      const char *sha = g_ptr_array_index (imp->files, i);
      g_autofree char *from = g_build_filename (from_dir, sha, NULL);
      g_autofree char *to = g_build_filename (to_dir, sha, NULL);
      g_autoptr (GFile) source = g_file_new_for_path (from);
      g_autoptr (GFile) dest = g_file_new_for_path (to);
      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
      imp->result->files++;
    }
  return TRUE;
}

static gboolean
read_document (Import *imp, CwXmlReader *reader, GError **error)
{
  xmlTextReaderPtr raw = cw_xml_reader_get (reader);
  gboolean more;
  if (!cw_xml_reader_read (reader, &more, error))
    return FALSE;
  while (more)
    {
      if (xmlTextReaderNodeType (raw) != XML_READER_TYPE_ELEMENT)
        {
          if (!cw_xml_reader_read (reader, &more, error))
            return FALSE;
          continue;
        }
      int depth = xmlTextReaderDepth (raw);
      const char *name = (const char *) xmlTextReaderConstLocalName (raw);
      if (depth == 0)
        imp->kind = (char *) xmlTextReaderGetAttribute (raw, BAD_CAST "kind");
      /* The other side's history is there for people to read: this
       * workspace keeps its own. */
      if (depth == 1 && g_str_equal (name, "history"))
        {
          if (!cw_xml_reader_skip (reader, &more, error))
            return FALSE;
          continue;
        }
      if (depth == 0 || (depth == 1 && g_str_equal (name, "records")))
        {
          if (!cw_xml_reader_read (reader, &more, error))
            return FALSE;
          continue;
        }
      xmlNode *expanded = cw_xml_reader_expand (reader, error);
      if (expanded == NULL)
        return FALSE;
      /* The schema is checked as the reader moves past the element: a copy
       * is kept, and used only once the element has passed. */
      g_autoptr (xmlDoc) holder = xmlNewDoc (BAD_CAST "1.0");
      xmlNode *node = xmlDocCopyNode (expanded, holder, 1);
      xmlDocSetRootElement (holder, node);
      if (!cw_xml_reader_skip (reader, &more, error))
        return FALSE;
      gboolean ok = TRUE;
      if (depth == 1 && g_str_equal (name, "source"))
        ok = read_source (imp, node, error);
      else if (depth == 1 && g_str_equal (name, "assignment"))
        read_assignment (imp, node);
      else if (depth == 1 && g_str_equal (name, "files"))
        ok = read_files (imp, node, error);
      else if (depth == 2)
        {
          g_autoptr (CwXRecord) record = NULL;
          ok = begin_records (imp, error) && (record = cw_xrecord_parse (node, error)) != NULL
               && merge_record (imp, record, error);
        }
      if (!ok)
        return FALSE;
    }
  return begin_records (imp, error);
}

/* What the import leaves to do once every record is in: the assignment it
 * received, the findings' numbering, the history's note of the import. */
static gboolean
finish_import (Import *imp, GError **error)
{
  CwWorkspace *self = imp->workspace;
  if (imp->assignment != NULL && g_strcmp0 (imp->kind, "assignment") == 0)
    {
      CwStmt *stmt = cw_workspace_prepare (
        self,
        "INSERT OR IGNORE INTO assignment (uuid, role, audit, auditor, clauses, made_at)"
        " VALUES (?, 'received', ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      g_autofree char *now = cw_timestamp_now ();
      cw_stmt_bind_text (stmt, 1, imp->assignment);
      cw_stmt_bind_text (stmt, 2, imp->assignment_audit);
      cw_stmt_bind_text (stmt, 3, imp->assignment_auditor);
      cw_stmt_bind_text (stmt, 4, imp->assignment_clauses ? imp->assignment_clauses->str : "");
      cw_stmt_bind_text (stmt, 5, now);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  /* The audits that took new findings count their series on from them. */
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, imp->numbered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 audit = *(gint64 *) key;
      CwStmt *stmt = cw_workspace_prepare (
        self,
        "UPDATE audit SET"
        " last_nc = MAX (last_nc, COALESCE ((SELECT MAX (number) FROM finding f"
        "  WHERE f.audit = audit.id AND f.grade IN ('major', 'minor')), 0)),"
        " last_observation = MAX (last_observation, COALESCE ((SELECT MAX (number) FROM finding f"
        "  WHERE f.audit = audit.id AND f.grade = 'observation'), 0)),"
        " last_ofi = MAX (last_ofi, COALESCE ((SELECT MAX (number) FROM finding f"
        "  WHERE f.audit = audit.id AND f.grade = 'ofi'), 0))"
        " WHERE id = ?",
        error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_int64 (stmt, 1, audit);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
      cw_workspace_touch (self, "audit", audit);
    }
  CwImportResult *r = imp->result;
  if (r->added + r->updated + r->conflicts == 0)
    return TRUE;
  g_autofree char *summary
    = g_strdup_printf ("%s: +%u ~%u =%u !%u", r->source, r->added, r->updated, r->unchanged,
                       r->conflicts);
  return cw_workspace_record (self, "workspace", 1, "import", NULL, summary, error);
}

CwImportResult *
cw_workspace_import_capped (CwWorkspace *self, const char *path, guint64 max_bytes,
                            gboolean dry_run, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, local->domain, local->code, _("Could not read %s: %s"), name,
                   local->message);
      return NULL;
    }
  if (cw_workspace_is_read_only (self))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_READ_ONLY,
                   _("This workspace is open read-only; nothing can be imported into it"));
      return NULL;
    }
  g_autoptr (CwXmlReader) reader
    = cw_xml_reader_new (G_INPUT_STREAM (stream), max_bytes, name, CW_EXCHANGE_SCHEMA, error);
  if (reader == NULL)
    return NULL;

  g_autoptr (CwImportResult) result = g_new0 (CwImportResult, 1);
  result->conflict_ids = g_ptr_array_new_with_free_func (g_free);
  if (dry_run)
    result->changes = g_ptr_array_new_with_free_func (g_free);
  if (!dry_run && (result->backup = cw_workspace_backup (self, "before-import", error)) == NULL)
    {
      g_prefix_error (error, _("No backup could be written before importing, so nothing was "
                               "imported: "));
      return NULL;
    }

  Import imp;
  import_init (&imp, self, path, g_steal_pointer (&name));
  imp.result = result;

  gboolean ok = cw_workspace_edit_begin (self, error);
  if (ok)
    {
      ok = read_document (&imp, reader, error) && finish_import (&imp, error)
           && (dry_run || keep_files (&imp, error));
      if (dry_run)
        cw_workspace_edit_end (self, FALSE, NULL);
      else
        ok = cw_workspace_edit_end (self, ok, ok ? error : NULL);
    }
  import_clear (&imp);
  /* A refused file, or one that brought nothing new (the same return
   * imported twice), leaves no trace. */
  if (result->backup != NULL && (!ok || result->added + result->updated + result->conflicts == 0))
    {
      g_unlink (result->backup);
      g_clear_pointer (&result->backup, g_free);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}

CwImportResult *
cw_workspace_import (CwWorkspace *self, const char *path, gboolean dry_run, GError **error)
{
  return cw_workspace_import_capped (self, path, CW_EXCHANGE_MAX_BYTES, dry_run, error);
}

/* ---- Conflicts ---------------------------------------------------------- */

void
cw_conflict_free (CwConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->entity);
  g_free (conflict->uuid);
  g_free (conflict->label);
  g_free (conflict->source);
  g_free (conflict->raised_at);
  g_free (conflict->decision);
  g_free (conflict->decided_by);
  if (conflict->fields)
    g_ptr_array_unref (conflict->fields);
  g_free (conflict);
}

static void
conflict_field_free (CwConflictField *field)
{
  g_free (field->name);
  g_free (field->ours);
  g_free (field->theirs);
  g_free (field->base);
  g_free (field);
}

/* What people call the record: the field that names it. */
static char *
conflict_label (const CwXRecord *record)
{
  static const char *const naming[][2] = {
    { "answer", "question" },     { "finding", "clause" },   { "evidence", "reference" },
    { "external-audit", "body" }, { "external-finding", "reference" },
  };
  const char *element = record->kind->fields[0].element;
  for (guint i = 0; i < G_N_ELEMENTS (naming); i++)
    if (g_str_equal (naming[i][0], record->kind->element))
      element = naming[i][1];
  const char *value = cw_xrecord_value (record, element);
  return g_strdup_printf ("%s %s", cw_record_label (record->kind->element), value ? value : "");
}

#define CONFLICT_COLUMNS                                                                   \
  "id, entity, uuid, ours, theirs, base, source, raised_at, status, decision, decided_by"

static CwConflict *
conflict_from_row (CwStmt *stmt, GError **error)
{
  g_autoptr (CwXRecord) ours = cw_xrecord_from_xml (cw_stmt_text (stmt, 3), error);
  g_autoptr (CwXRecord) theirs = ours ? cw_xrecord_from_xml (cw_stmt_text (stmt, 4), error) : NULL;
  g_autoptr (CwXRecord) base = NULL;
  if (theirs == NULL)
    return NULL;
  if (!cw_stmt_is_null (stmt, 5) && (base = cw_xrecord_from_xml (cw_stmt_text (stmt, 5), error))
                                      == NULL)
    return NULL;
  CwConflict *conflict = g_new0 (CwConflict, 1);
  conflict->id = cw_stmt_int64 (stmt, 0);
  conflict->entity = cw_stmt_dup_text (stmt, 1);
  conflict->uuid = cw_stmt_dup_text (stmt, 2);
  conflict->source = cw_stmt_dup_text (stmt, 6);
  conflict->raised_at = cw_stmt_dup_text (stmt, 7);
  conflict->open = g_str_equal (cw_stmt_text (stmt, 8), "open");
  conflict->decision = cw_stmt_dup_text (stmt, 9);
  conflict->decided_by = cw_stmt_dup_text (stmt, 10);
  conflict->label = conflict_label (ours);
  conflict->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_field_free);
  for (guint i = 0; i < cw_xrecord_n_values (ours->kind); i++)
    {
      if (i < ours->kind->n_fields && ours->kind->fields[i].local)
        continue;
      CwConflictField *field = g_new0 (CwConflictField, 1);
      field->name = g_strdup (cw_xkind_value_name (ours->kind, i));
      field->ours = cw_xrecord_display (ours, i);
      field->theirs = cw_xrecord_display (theirs, i);
      field->has_base = base != NULL;
      field->base = base ? cw_xrecord_display (base, i) : NULL;
      field->differs = g_strcmp0 (ours->values[i], theirs->values[i]) != 0;
      g_ptr_array_add (conflict->fields, field);
    }
  return conflict;
}

GPtrArray *
cw_workspace_list_conflicts (CwWorkspace *self, gboolean include_resolved, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    include_resolved
      ? "SELECT " CONFLICT_COLUMNS " FROM merge_conflict ORDER BY status = 'resolved', id"
      : "SELECT " CONFLICT_COLUMNS " FROM merge_conflict WHERE status = 'open' ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_conflict_free);
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwConflict *conflict = conflict_from_row (stmt, error);
      if (conflict == NULL)
        {
          cw_stmt_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (list, conflict);
    }
  return step == CW_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

CwConflict *
cw_workspace_get_conflict (CwWorkspace *self, gint64 id, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " CONFLICT_COLUMNS " FROM merge_conflict WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no conflict %" PRId64 "; `conflicts` lists them"), id);
      return NULL;
    }
  CwConflict *conflict = conflict_from_row (stmt, error);
  cw_stmt_reset (stmt);
  return conflict;
}

gint64
cw_workspace_count_open_conflicts (CwWorkspace *self, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT count(*) FROM merge_conflict WHERE status = 'open'", error);
  if (stmt == NULL || !cw_stmt_expect_row (stmt, error))
    return -1;
  gint64 n = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);
  return n;
}

static gboolean
resolve (CwWorkspace *self, gint64 id, const char *const *take, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT peer, ours, theirs, status, source FROM merge_conflict WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no conflict %" PRId64 "; `conflicts` lists them"), id);
      return FALSE;
    }
  g_autofree char *peer = cw_stmt_dup_text (stmt, 0);
  g_autofree char *ours_xml = cw_stmt_dup_text (stmt, 1);
  g_autofree char *theirs_xml = cw_stmt_dup_text (stmt, 2);
  gboolean open = g_str_equal (cw_stmt_text (stmt, 3), "open");
  g_autofree char *source = cw_stmt_dup_text (stmt, 4);
  cw_stmt_reset (stmt);
  if (!open)
    {
      cw_set_invalid (error, _("Conflict %" PRId64 " was settled already"), id);
      return FALSE;
    }
  g_autoptr (CwXRecord) ours = cw_xrecord_from_xml (ours_xml, error);
  g_autoptr (CwXRecord) theirs = ours ? cw_xrecord_from_xml (theirs_xml, error) : NULL;
  if (theirs == NULL)
    return FALSE;
  const CwXKind *kind = ours->kind;
  gboolean all = take && take[0] && g_str_equal (take[0], "*") && take[1] == NULL;
  guint n = cw_xrecord_n_values (kind);
  g_autofree gboolean *chosen = g_new0 (gboolean, n);
  for (guint t = 0; take && take[t] && !all; t++)
    {
      gboolean known = FALSE;
      for (guint i = 0; i < n; i++)
        if (g_str_equal (take[t], cw_xkind_value_name (kind, i))
            && !(i < kind->n_fields && kind->fields[i].local))
          known = chosen[i] = TRUE;
      if (!known)
        {
          cw_set_invalid (error, _("A %s has no field “%s” to take"), kind->element, take[t]);
          return FALSE;
        }
    }

  Import imp;
  import_init (&imp, self, "", g_strdup (source));

  CwImportResult result = { .source = g_strdup (source) };
  imp.result = &result;
  gint64 local = 0;
  gboolean ok = lookup_uuid (&imp, kind->table, ours->uuid, &local, error);
  g_autoptr (CwXRecord) now = NULL;
  if (ok && local == 0)
    {
      cw_set_invalid (error, _("The record of conflict %" PRId64 " is gone"), id);
      ok = FALSE;
    }
  if (ok && ((now = cw_xrecord_load (self, kind, local, error)) == NULL))
    ok = FALSE;
  if (ok && !cw_xrecord_same (now, ours))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
                   _("The record of conflict %" PRId64 " changed here since the "
                     "conflict was raised; import the file again to compare afresh"),
                   id);
      ok = FALSE;
    }
  GString *decision = g_string_new (NULL);
  g_autoptr (CwXRecord) merged = NULL;
  gboolean any = FALSE;
  if (ok)
    {
      merged = g_new0 (CwXRecord, 1);
      merged->kind = kind;
      merged->uuid = g_strdup (ours->uuid);
      merged->rev = ours->rev;
      merged->values = g_new0 (char *, n);
      for (guint i = 0; i < n; i++)
        {
          gboolean pick = (all && !(i < kind->n_fields && kind->fields[i].local)) || chosen[i];
          merged->values[i] = g_strdup (pick ? theirs->values[i] : ours->values[i]);
          if (pick && g_strcmp0 (theirs->values[i], ours->values[i]) != 0)
            {
              g_string_append_printf (decision, "%s%s", any ? ", " : "",
                                      cw_xkind_value_name (kind, i));
              any = TRUE;
            }
        }
    }
  g_autofree char *text = any ? g_strdup_printf ("theirs: %s", decision->str) : g_strdup ("ours");
  g_string_free (decision, TRUE);
  gint64 stored;
  if (ok && any)
    ok = store_record (&imp, merged, local, FALSE, &stored, error);
  if (ok)
    {
      g_autofree char *note
        = g_strdup_printf ("conflict %" PRId64 " with %s: %s", id, source, text);
      ok = cw_workspace_record (self, kind->element, local, "merge-decision", NULL, note, error);
    }
  ok = ok && cw_exchange_store_base (self, peer, theirs, error);
  if (ok)
    {
      g_autofree char *at = cw_timestamp_now ();
      stmt = cw_workspace_prepare (self,
                                   "UPDATE merge_conflict SET status = 'resolved', decision = ?,"
                                   " decided_by = ?, decided_at = ? WHERE id = ?",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          cw_stmt_bind_text (stmt, 1, text);
          cw_stmt_bind_text (stmt, 2, cw_workspace_get_actor (self));
          cw_stmt_bind_text (stmt, 3, at);
          cw_stmt_bind_int64 (stmt, 4, id);
          ok = cw_stmt_run (stmt, error);
        }
    }
  g_free (result.source);
  import_clear (&imp);
  return ok;
}

gboolean
cw_workspace_resolve_conflict (CwWorkspace *self, gint64 id, const char *const *take_theirs,
                               GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  gboolean ok = resolve (self, id, take_theirs, error);
  return cw_workspace_edit_end (self, ok, ok ? error : NULL);
}
