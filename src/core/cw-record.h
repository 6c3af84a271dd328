/* cw-record.h: record identity, record snapshots in the history, and seals
 * (see cw-record.c). Core-internal, like cw-workspace-private.h. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

/* The history field that holds a record's whole content after an edit. */
#define CW_RECORD_FIELD "record"

/* A seal is this many hex digits of the chain head's SHA-256 (128 bits). */
#define CW_SEAL_DIGITS 32

char *cw_record_new_uuid (void);
gboolean cw_record_is_kind (const char *entity);
const char *cw_record_label (const char *entity);
gboolean cw_record_snapshot (CwWorkspace *self, const char *entity, gint64 id, GError **error);
gboolean cw_record_touch_all (CwWorkspace *self, GError **error);
gboolean cw_record_check (CwWorkspace *self, GPtrArray *problems, GError **error);

gboolean cw_history_verify (CwWorkspace *self, GPtrArray *problems, GError **error);

G_END_DECLS
