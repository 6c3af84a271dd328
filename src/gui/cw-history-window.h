/* cw-history-window.h: who changed what in an audit, and when. */
#pragma once

#include <adwaita.h>

#include "cw-audit.h"

G_BEGIN_DECLS

GtkWindow *cw_history_window_new (GtkWindow *parent, CwWorkspace *workspace, CwAudit *audit);

G_END_DECLS
