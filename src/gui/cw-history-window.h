/* cw-history-window.h: who changed what in an audit, and when. */
#pragma once

#include <adwaita.h>

#include "cw-audit.h"

G_BEGIN_DECLS

#define CW_TYPE_HISTORY_WINDOW (cw_history_window_get_type ())
G_DECLARE_FINAL_TYPE (CwHistoryWindow, cw_history_window, CW, HISTORY_WINDOW, AdwWindow)

GtkWindow *cw_history_window_new (GtkWindow *parent, CwWorkspace *workspace, CwAudit *audit);

G_END_DECLS
