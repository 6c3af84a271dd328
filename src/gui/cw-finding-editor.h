/* cw-finding-editor.h: raising a finding with its three-part statement. */
#pragma once

#include <adwaita.h>

#include "cw-finding.h"
#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_FINDING_EDITOR (cw_finding_editor_get_type ())
G_DECLARE_FINAL_TYPE (CwFindingEditor, cw_finding_editor, CW, FINDING_EDITOR, AdwWindow)

CwFindingEditor *cw_finding_editor_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                                        const char *clause, const char *question, CwResult result,
                                        const char *evidence);
CwFindingEditor *cw_finding_editor_new_for_finding (GtkWindow *parent, CwWorkspace *workspace,
                                                    CwFinding *finding);
gint64 cw_finding_editor_get_finding_id (CwFindingEditor *self);
gboolean cw_finding_editor_has_typing (CwFindingEditor *self);
void cw_finding_editor_fill (CwFindingEditor *self, CwGrade grade, const char *requirement,
                             const char *evidence, const char *statement);
gboolean cw_finding_editor_save (CwFindingEditor *self);

G_END_DECLS
