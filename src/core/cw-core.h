/* cw-core.h: one-time set-up of the core, done on first use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cw_core_ensure_initialised (void);

G_END_DECLS
