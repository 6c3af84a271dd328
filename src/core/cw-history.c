/* cw-history.c: the change history of an audit or an action, as the
 * history views show it. */
#define G_LOG_DOMAIN "cw-history"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-history.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

void
cw_history_entry_free (CwHistoryEntry *entry)
{
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->entity);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

#define ENTRY_COLUMNS "id, at, who, entity, entity_id, field, old_value, new_value"

static GPtrArray *
collect_entries (CwWorkspace *self, CwStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_history_entry_free);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwHistoryEntry *entry = g_new0 (CwHistoryEntry, 1);
      entry->id = cw_stmt_int64 (stmt, 0);
      entry->at = cw_stmt_dup_text (stmt, 1);
      entry->who = cw_stmt_dup_text (stmt, 2);
      entry->entity = cw_stmt_dup_text (stmt, 3);
      entry->entity_id = cw_stmt_int64 (stmt, 4);
      entry->field = cw_stmt_dup_text (stmt, 5);
      entry->old_value = cw_stmt_dup_text (stmt, 6);
      entry->new_value = cw_stmt_dup_text (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  return g_steal_pointer (&entries);
}

/* Everything recorded about an audit, newest first: the audit itself and its
 * answers, findings and evidence. */
GPtrArray *
cw_workspace_list_audit_history (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT " ENTRY_COLUMNS " FROM history WHERE field <> '" CW_RECORD_FIELD "' AND"
    " ((entity = 'audit' AND entity_id = ?1)"
    " OR (entity = 'answer' AND entity_id IN (SELECT id FROM answer WHERE audit = ?1))"
    /* A deleted finding or evidence item keeps its changes here: its
     * record snapshots name the audit it was in (ids are never reused). */
    " OR (entity = 'finding' AND entity_id IN (SELECT id FROM finding WHERE audit = ?1"
    "  UNION SELECT entity_id FROM history WHERE entity = 'finding'"
    "  AND field = '" CW_RECORD_FIELD "' AND json_extract (new_value, '$[2]') = ?1))"
    " OR (entity = 'evidence' AND entity_id IN (SELECT id FROM evidence WHERE audit = ?1"
    "  UNION SELECT entity_id FROM history WHERE entity = 'evidence'"
    "  AND field = '" CW_RECORD_FIELD "' AND json_extract (new_value, '$[2]') = ?1)))"
    " ORDER BY id DESC",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  return collect_entries (self, stmt, error);
}

/* An action's change history, oldest first: who changed what, when. */
GPtrArray *
cw_workspace_list_action_history (CwWorkspace *self, gint64 action_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT " ENTRY_COLUMNS " FROM history WHERE entity = 'action' AND entity_id = ?"
    " AND field <> '" CW_RECORD_FIELD "' ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, action_id);
  return collect_entries (self, stmt, error);
}

/* A value on one line; nothing at all shows as a dash. */
static char *
shown_value (const char *value)
{
  return g_strdelimit (g_strdup (value && *value ? value : "—"), "\n", ' ');
}

/* "finding 12: created (8.6.1 minor)", "answer 3: result minor → conforming". */
char *
cw_history_entry_describe (const CwHistoryEntry *entry)
{
  if (g_str_equal (entry->field, "created"))
    {
      /* Content recorded field by field (cw_history_content) reads as a list. */
      g_auto (GStrv) fields = g_strsplit (entry->new_value ? entry->new_value : "", "\x1f", -1);
      g_autofree char *content = g_strjoinv (" · ", fields);
      return g_strdup_printf (_("%s %" PRId64 " created: %s"), entry->entity, entry->entity_id,
                              content);
    }
  if (g_str_equal (entry->field, "deleted"))
    return g_strdup_printf (_("%s %" PRId64 " deleted: %s"), entry->entity,
                            entry->entity_id, entry->old_value ? entry->old_value : "");
  g_autofree char *old_text = shown_value (entry->old_value);
  g_autofree char *new_text = shown_value (entry->new_value);
  return g_strdup_printf (_("%s %" PRId64 ", %s: %s → %s"), entry->entity,
                          entry->entity_id, entry->field, old_text, new_text);
}

/* "2026-03-02 14:05 UTC · Jane Auditor": when and by whom, to the minute. */
char *
cw_history_entry_byline (const CwHistoryEntry *entry)
{
  g_autofree char *when = g_strndup (entry->at ? entry->at : "", 16);
  g_strdelimit (when, "T", ' ');
  return g_strdup_printf (_("%s UTC · %s"), when, entry->who ? entry->who : "");
}
