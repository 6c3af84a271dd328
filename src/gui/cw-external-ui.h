/* cw-external-ui.h: forms for the certification body's audits and findings.
 *
 * Each function presents a modal form over `parent`'s window and returns
 * it. A caller that wants to know when something was recorded connects to
 * the form's "response" signal with G_CONNECT_AFTER and asks
 * cw_external_ui_saved(), which gives the id recorded (0 when nothing was).
 */
#pragma once

#include <gtk/gtk.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

GtkWidget *cw_external_ui_record_audit (GtkWidget *parent, CwWorkspace *workspace);
GtkWidget *cw_external_ui_add_finding (GtkWidget *parent, CwWorkspace *workspace,
                                       gint64 audit_id);
GtkWidget *cw_external_ui_resolve_finding (GtkWidget *parent, CwWorkspace *workspace,
                                           gint64 finding_id);
gint64 cw_external_ui_saved (GtkWidget *dialog);

G_END_DECLS
