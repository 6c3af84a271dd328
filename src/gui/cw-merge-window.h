/* cw-merge-window.h: the conflicts an import left, side by side, for the
 * lead auditor to settle. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_MERGE_WINDOW (cw_merge_window_get_type ())
G_DECLARE_FINAL_TYPE (CwMergeWindow, cw_merge_window, CW, MERGE_WINDOW, AdwWindow)

CwMergeWindow *cw_merge_window_new (GtkWindow *parent, CwWorkspace *workspace);
guint cw_merge_window_get_n_conflicts (CwMergeWindow *self);
gboolean cw_merge_window_choose (CwMergeWindow *self, const char *field, gboolean theirs);

G_END_DECLS
