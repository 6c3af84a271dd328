/* cw-actions-page.h: the corrective action register. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_ACTIONS_PAGE (cw_actions_page_get_type ())
G_DECLARE_FINAL_TYPE (CwActionsPage, cw_actions_page, CW, ACTIONS_PAGE, CwPage)

void cw_actions_page_show_action (CwActionsPage *self, gint64 action_id);
void cw_actions_page_save_now (CwActionsPage *self);
gint64 cw_actions_page_get_action_id (CwActionsPage *self);

G_END_DECLS
