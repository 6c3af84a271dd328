/* cw-catalogue-migrate.h: bringing a workspace's copy of the catalogue to
 * the built-in one as a schema step (see cw-catalogue-migrate.c).
 * Core-internal, like cw-workspace-private.h. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

gboolean cw_catalogue_migrate_v4 (CwWorkspace *self, GError **error);

G_END_DECLS
