/* cw-audit-editor.h: planning a new audit, and correcting its details. */
#pragma once

#include <adwaita.h>

#include "cw-audit.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_AUDIT_EDITOR (cw_audit_editor_get_type ())
G_DECLARE_FINAL_TYPE (CwAuditEditor, cw_audit_editor, CW, AUDIT_EDITOR, AdwWindow)

CwAuditEditor *cw_audit_editor_new (GtkWindow *parent, CwWorkspace *workspace);
CwAuditEditor *cw_audit_editor_new_for_audit (GtkWindow *parent, CwWorkspace *workspace,
                                              CwAudit *audit);
void cw_audit_editor_set_title (CwAuditEditor *self, const char *title);
void cw_audit_editor_set_scope (CwAuditEditor *self, const char *const *numbers);
void cw_audit_editor_set_team (CwAuditEditor *self, const char *lead, const char *team);
gboolean cw_audit_editor_set_reason (CwAuditEditor *self, const char *person, const char *reason);
const char *cw_audit_editor_get_error (CwAuditEditor *self);
gint64 cw_audit_editor_save (CwAuditEditor *self);

G_END_DECLS
