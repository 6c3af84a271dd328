/* cw-readiness-page.h: how ready the organisation is for certification,
 * and the register of documented information behind it. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_READINESS_PAGE (cw_readiness_page_get_type ())
G_DECLARE_FINAL_TYPE (CwReadinessPage, cw_readiness_page, CW, READINESS_PAGE, CwPage)

gboolean cw_readiness_page_import (CwReadinessPage *self, GFile *file);
gboolean cw_readiness_page_export (CwReadinessPage *self, GFile *file);
gboolean cw_readiness_page_write_pack (CwReadinessPage *self, GFile *folder);
void cw_readiness_page_show_entry (CwReadinessPage *self, gint64 entry_id);
gint64 cw_readiness_page_get_entry_id (CwReadinessPage *self);

G_END_DECLS
