/* cw-window.h: a Clausewise window shows one workspace. */
#pragma once

#include <adwaita.h>

#include "cw-application.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_WINDOW (cw_window_get_type ())
G_DECLARE_FINAL_TYPE (CwWindow, cw_window, CW, WINDOW, AdwApplicationWindow)

CwWindow *cw_window_new (CwApplication *app);
void cw_window_open_path (CwWindow *self, const char *path, gboolean create);
CwWorkspace *cw_window_get_workspace (CwWindow *self);

G_END_DECLS
