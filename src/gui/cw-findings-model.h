/* cw-findings-model.h: all findings of a workspace as a GListModel. */
#pragma once

#include <gio/gio.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_FINDINGS_MODEL (cw_findings_model_get_type ())
G_DECLARE_FINAL_TYPE (CwFindingsModel, cw_findings_model, CW, FINDINGS_MODEL, GObject)

CwFindingsModel *cw_findings_model_new (CwWorkspace *workspace, GError **error);

G_END_DECLS
