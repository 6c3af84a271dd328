/* cw-debrief-window.h: the debrief of a case audit: the scores, then each
 * model finding beside the trainee's, then the sampling. Before the
 * audit's report is issued it says why there is none yet. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_DEBRIEF_WINDOW (cw_debrief_window_get_type ())
G_DECLARE_FINAL_TYPE (CwDebriefWindow, cw_debrief_window, CW, DEBRIEF_WINDOW, AdwWindow)

CwDebriefWindow *cw_debrief_window_new (GtkWindow *parent, CwWorkspace *workspace,
                                        gint64 audit_id);
/* FALSE while the core refuses the debrief (the report not issued). */
gboolean cw_debrief_window_has_debrief (CwDebriefWindow *self);
/* The rows shown, one a model finding or unsupported finding. */
guint cw_debrief_window_get_n_rows (CwDebriefWindow *self);
/* The text shown for a score: "coverage", "grading", "statements",
 * "evidence" or "overall". */
const char *cw_debrief_window_get_score_text (CwDebriefWindow *self, const char *part);

G_END_DECLS
