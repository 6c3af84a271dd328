/* cw-programme-page.h: the internal audit programme's coverage matrix. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_PROGRAMME_PAGE (cw_programme_page_get_type ())
G_DECLARE_FINAL_TYPE (CwProgrammePage, cw_programme_page, CW, PROGRAMME_PAGE, AdwBin)

void cw_programme_page_set_workspace (CwProgrammePage *self, CwWorkspace *workspace);
void cw_programme_page_refresh (CwProgrammePage *self);

G_END_DECLS
