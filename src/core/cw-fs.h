/* cw-fs.h: what the storage needs to know about files and folders: private
 * files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cw_fs_create_private (const char *path);

G_END_DECLS
