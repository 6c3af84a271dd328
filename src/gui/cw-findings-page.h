/* cw-findings-page.h: every finding of the workspace in one list. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_FINDINGS_PAGE (cw_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (CwFindingsPage, cw_findings_page, CW, FINDINGS_PAGE, CwPage)

GtkScrolledWindow *cw_findings_page_get_scroller (CwFindingsPage *self);

G_END_DECLS
