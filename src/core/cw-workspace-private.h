/* cw-workspace-private.h: what the core's modules share about the storage.
 * Never included outside src/core (and the core's own tests). */
#pragma once


#include "cw-audit.h"
#include "cw-db.h"
#include "cw-search.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

/* One step of the schema: applied in order, inside the migration's
 * transaction, to bring a file from version - 1 to version. */
typedef struct
{
  guint version;
  const char *sql;
  /* Runs after the SQL, in the same transaction, for what SQL cannot do. */
  gboolean (*after) (CwWorkspace *self, GError **error);
} CwMigration;

extern const CwMigration cw_migrations[];
extern const guint cw_n_migrations;
extern const char *const cw_schema_fresh;

/* A request the workspace's rules refuse, with a message that says why. */
#define cw_set_invalid(error, ...) \
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, __VA_ARGS__)

CwStmt *cw_workspace_prepare (CwWorkspace *self, const char *sql, GError **error);
gboolean cw_workspace_exec (CwWorkspace *self, const char *sql, GError **error);
gint64 cw_workspace_last_insert_id (CwWorkspace *self);
gboolean cw_workspace_run_update (CwWorkspace *self, CwStmt *stmt, const char *entity, gint64 id,
                                  GError **error);
GArray *cw_workspace_query_ids (CwWorkspace *self, const char *sql, GError **error);

guint cw_workspace_get_version (CwWorkspace *self);
void cw_workspace_touch (CwWorkspace *self, const char *entity, gint64 id);
char *cw_history_hash (const char *previous, const char *at, const char *who, const char *entity,
                       gint64 entity_id, const char *field, const char *old_value,
                       const char *new_value);
gboolean cw_workspace_insert_clause (CwWorkspace *self, CwClause *clause, gint64 position,
                                     GError **error);
gboolean cw_workspace_edit_begin (CwWorkspace *self, GError **error);
gboolean cw_workspace_edit_end (CwWorkspace *self, gboolean ok, GError **error);
gboolean cw_audit_store_status (CwWorkspace *self, CwAudit *audit, CwAuditStatus status,
                                GError **error);

gboolean cw_workspace_record (CwWorkspace *self, const char *entity, gint64 entity_id,
                              const char *field, const char *old_value, const char *new_value,
                              GError **error);
char *cw_history_content (const char *const *fields, gsize n_fields);
gboolean cw_workspace_record_change (CwWorkspace *self, const char *entity, gint64 entity_id,
                                     const char *field, const char *old_value,
                                     const char *new_value, GError **error);

/* Independence of an audit's team (cw-people.c), for the audit's own edits. */
GPtrArray *cw_independence_assess (CwWorkspace *self, gint64 audit_id, const char *lead,
                                   const char *team, const char *const *scope,
                                   const CwJustification *given, guint n_given, GError **error);
gboolean cw_independence_store (CwWorkspace *self, gint64 audit_id, GPtrArray *entries,
                                GHashTable *old_texts, GError **error);
gboolean cw_independence_has_pending (GPtrArray *entries);
GHashTable *cw_independence_recorded (CwWorkspace *self, gint64 audit_id, GError **error);

gboolean cw_search_index_row (CwWorkspace *self, const char *entity, gint64 id, GError **error);
gboolean cw_search_index_put (CwWorkspace *self, CwSearchKind kind, gint64 id,
                              const char *const *parts, GError **error);

char *cw_workspace_backup (CwWorkspace *self, const char *tag, GError **error);

CwWorkspace *cw_workspace_open_with (const char *path, const CwMigration *migrations,
                                     guint n_migrations, GError **error);

G_END_DECLS
