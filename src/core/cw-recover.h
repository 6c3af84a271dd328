/* cw-recover.h: what may be done with a -wal or -journal found beside a
 * workspace before SQLite applies it. Private to src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cw_recover_check (const char *path, guint current_version, GError **error);
gboolean cw_recover_check_create (const char *path, GError **error);

G_END_DECLS
