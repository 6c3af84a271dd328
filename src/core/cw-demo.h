/* cw-demo.h: the demo workspace, for newcomers and for trying things out. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

CwWorkspace *cw_demo_create (const char *path, GError **error);

G_END_DECLS
