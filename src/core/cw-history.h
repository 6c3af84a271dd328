/* cw-history.h: reading the change history, for people. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *at;
  char *who;
  char *entity;
  gint64 entity_id;
  char *field;
  char *old_value;
  char *new_value;
} CwHistoryEntry;

GPtrArray *cw_workspace_list_audit_history (CwWorkspace *self, gint64 audit_id, GError **error);
GPtrArray *cw_workspace_list_action_history (CwWorkspace *self, gint64 action_id,
                                            GError **error);
char *cw_history_entry_describe (const CwHistoryEntry *entry);
char *cw_history_entry_byline (const CwHistoryEntry *entry);
void cw_history_entry_free (CwHistoryEntry *entry);

G_END_DECLS
