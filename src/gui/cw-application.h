/* cw-application.h: the Clausewise application object. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_APPLICATION (cw_application_get_type ())
G_DECLARE_FINAL_TYPE (CwApplication, cw_application, CW, APPLICATION, AdwApplication)

CwApplication *cw_application_new (void);
char *cw_application_default_workspace_path (void);
GSettings *cw_application_get_settings (CwApplication *self);
char *cw_application_dup_auditor_name (CwApplication *self);
GStrv cw_application_dup_recent_workspaces (CwApplication *self);
void cw_application_remember_workspace (CwApplication *self, const char *path);

G_END_DECLS
