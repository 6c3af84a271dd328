/* cw-open-files.h: the workspace files this process has open. Private to
 * src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CwOpenFile CwOpenFile;

CwOpenFile *cw_open_files_add (const char *path);
void cw_open_files_remove (CwOpenFile *file, gpointer owner);
gboolean cw_open_files_contains (const char *path);
gboolean cw_open_files_claim (CwOpenFile *file, const char *path, gpointer owner, gboolean *taken,
                              int *error_number);

G_END_DECLS
