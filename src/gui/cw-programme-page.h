/* cw-programme-page.h: the internal audit programme's coverage matrix. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_PROGRAMME_PAGE (cw_programme_page_get_type ())
G_DECLARE_FINAL_TYPE (CwProgrammePage, cw_programme_page, CW, PROGRAMME_PAGE, CwPage)


G_END_DECLS
