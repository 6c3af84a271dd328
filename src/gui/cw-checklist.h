/* cw-checklist.h: working through one audit, question by question. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_CHECKLIST (cw_checklist_get_type ())
G_DECLARE_FINAL_TYPE (CwChecklist, cw_checklist, CW, CHECKLIST, GtkWidget)

/* `place` is a question id, or a clause number for the first question of
 * that clause in scope; NULL starts at the first question. */
gboolean cw_checklist_show (CwChecklist *self, CwWorkspace *workspace, gint64 audit_id,
                            const char *place, GError **error);
void cw_checklist_save_now (CwChecklist *self);
const char *cw_checklist_get_question_id (CwChecklist *self);
gint64 cw_checklist_get_audit_id (CwChecklist *self);
void cw_checklist_set_note (CwChecklist *self, const char *note);
void cw_checklist_release (CwChecklist *self);

G_END_DECLS
