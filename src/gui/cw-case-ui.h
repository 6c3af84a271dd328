/* cw-case-ui.h: the window side of case audits: Start a Case Audit… (the
 * primary menu and the Practice page), the case library and the debrief
 * (an audit's menu, in a case workspace). The rules are the core's
 * (cw-case-audit.h); the window installs the actions and pages reach them
 * with gtk_widget_activate_action:
 *   case.start                    choose a case and a trainee, then a file;
 *   case.library  (xs)            the library for an audit at a clause ("" for all);
 *   case.debrief  x               the debrief of an audit. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

void cw_case_ui_install_actions (GtkWidgetClass *window_class);
gboolean cw_case_ui_start (GtkWidget *window, const char *case_id, const char *trainee,
                           GFile *file);

G_END_DECLS
