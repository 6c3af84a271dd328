/* cw-meetings-dialog.h: recording an audit's opening and closing meetings. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_MEETINGS_DIALOG (cw_meetings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwMeetingsDialog, cw_meetings_dialog, CW, MEETINGS_DIALOG, AdwWindow)

CwMeetingsDialog *cw_meetings_dialog_new (GtkWindow *parent, CwWorkspace *workspace,
                                          gint64 audit_id, GError **error);
gboolean cw_meetings_dialog_save (CwMeetingsDialog *self);

G_END_DECLS
