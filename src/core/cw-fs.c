/* cw-fs.c: files and folders as the storage needs them (see cw-fs.h). */
#define G_LOG_DOMAIN "cw-fs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-fs.h"

/* ---- Private files and folders ------------------------------------------ */

/* Creates `path`, empty, readable and writable by its owner only, whatever
 * the umask: 0 or the errno of the failure (EEXIST when it is there). The
 * storage engine then opens the empty file as a new database and gives its
 * side files (-wal, -shm, -journal) the same mode. */
int
cw_fs_create_private (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return errno;
  /* A umask never adds permissions, but an ACL default might have. */
  int rc = fchmod (fd, 0600) == 0 ? 0 : errno;
  close (fd);
  return rc;
}
