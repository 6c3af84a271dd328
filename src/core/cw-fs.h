/* cw-fs.h: what the storage needs to know about files and folders: where a
 * file lives (a local disk or a share on the network), private files and
 * scratch folders. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CW_FS_LOCAL,
  CW_FS_NETWORK, /* reached over a network, or shared between computers */
} CwFsKind;

/* The Linux statfs magic of a file system, and for FUSE the type that
 * /proc/self/mountinfo gives ("fuse.sshfs"); NULL when there is none. */
CwFsKind cw_fs_classify (guint64 magic, const char *fuse_type);
CwFsKind cw_fs_kind_of (const char *path, char **type_name);
void cw_fs_pretend_for_testing (guint64 magic, const char *fuse_type);

int cw_fs_create_private (const char *path);
char *cw_fs_make_scratch_dir (GError **error);
void cw_fs_remove_scratch_dir (const char *dir);
gboolean cw_fs_copy_private (const char *from, const char *to, GError **error);

G_END_DECLS
