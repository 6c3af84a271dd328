/* cw-draft.h: the text typed into one field of one record, on its way to
 * the workspace. */
#pragma once

#include <glib-object.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

/* How long typing has to pause before a draft saves itself, unless the
 * autosave-pause setting says otherwise (cw_draft_set_pause). */
#define CW_DRAFT_PAUSE_MS 600

/* Writes `text` into `key` of the record `record_id`: a question of an
 * audit, a field of an action. */
typedef gboolean (*CwDraftSaveFunc) (CwWorkspace *workspace, gint64 record_id, const char *key,
                                     const char *text, GError **error);

#define CW_TYPE_DRAFT (cw_draft_get_type ())
G_DECLARE_FINAL_TYPE (CwDraft, cw_draft, CW, DRAFT, GObject)

CwDraft *cw_draft_new (CwWorkspace *workspace, gint64 record_id, const char *key,
                       const char *loaded, CwDraftSaveFunc save);
gint64 cw_draft_get_record_id (CwDraft *self);
const char *cw_draft_get_key (CwDraft *self);
const char *cw_draft_get_text (CwDraft *self);
gboolean cw_draft_is_dirty (CwDraft *self);
void cw_draft_set_text (CwDraft *self, const char *text);
gboolean cw_draft_flush (CwDraft *self);
void cw_draft_set_pause (guint ms);
guint cw_draft_get_pause (void);

G_END_DECLS
