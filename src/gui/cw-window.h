/* cw-window.h: a Clausewise window shows one workspace. */
#pragma once

#include <adwaita.h>

#include "cw-application.h"
#include "cw-finding.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_WINDOW (cw_window_get_type ())
G_DECLARE_FINAL_TYPE (CwWindow, cw_window, CW, WINDOW, AdwApplicationWindow)

CwWindow *cw_window_new (CwApplication *app);
gboolean cw_window_open_path (CwWindow *self, const char *path, gboolean create);
CwWorkspace *cw_window_get_workspace (CwWindow *self);
void cw_window_show_audit (CwWindow *self, gint64 audit_id, const char *place);
const char *cw_window_get_page_name (CwWindow *self);
GtkWidget *cw_window_get_checklist (CwWindow *self);
GtkWidget *cw_window_get_audits_page (CwWindow *self);
void cw_window_show_action (CwWindow *self, gint64 action_id);
void cw_window_show_review (CwWindow *self, gint64 review_id);
void cw_window_show_finding (CwWindow *self, CwFinding *finding);
GtkWidget *cw_window_get_findings_page (CwWindow *self);
GtkWidget *cw_window_get_actions_page (CwWindow *self);
GtkWidget *cw_window_get_reviews_page (CwWindow *self);

G_END_DECLS
