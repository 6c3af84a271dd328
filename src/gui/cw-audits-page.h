/* cw-audits-page.h: the workspace's audits, and the checklist of the one
 * being worked on. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_AUDITS_PAGE (cw_audits_page_get_type ())
G_DECLARE_FINAL_TYPE (CwAuditsPage, cw_audits_page, CW, AUDITS_PAGE, CwPage)

gboolean cw_audits_page_show_audit (CwAuditsPage *self, gint64 audit_id, const char *place,
                                    GError **error);
void cw_audits_page_show_list (CwAuditsPage *self);
GtkWidget *cw_audits_page_get_checklist (CwAuditsPage *self);
const char *cw_audits_page_get_view (CwAuditsPage *self);

G_END_DECLS
