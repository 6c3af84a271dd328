/* cw-open-files.c: the workspace files this process has open.
 *
 * Closing any descriptor of a file drops every POSIX lock the process holds
 * on it, SQLite's included, and SQLite then no longer protects its WAL from
 * other processes (sqlite.org/howtocorrupt.html, 2.2). So nothing in the core
 * may open and close a file that a connection of this process has open: the
 * header check, the evidence hash and the PDF writer ask here first, and the
 * one extra descriptor a window's claim needs is kept until the last
 * connection to the file is closed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-open-files.h"

struct _CwOpenFile
{
  dev_t dev;
  ino_t ino;
  guint connections;
  int claim_fd;        /* opened on the first claim, closed with the last connection */
  gpointer claimed_by; /* the workspace that claimed it, in this process */
};

/* A byte far past SQLite's own lock bytes (which start at 1 GiB), locked
 * with an open-file-description lock: it never disturbs SQLite's locks and
 * conflicts with any other descriptor that claims it, in any process. */
#define CLAIM_BYTE (G_GINT64_CONSTANT (0x40000000) + 4096)

static GMutex lock;
static GPtrArray *files; /* CwOpenFile */

static CwOpenFile *
find (dev_t dev, ino_t ino)
{
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      CwOpenFile *file = g_ptr_array_index (files, i);
      if (file->dev == dev && file->ino == ino)
        return file;
    }
  return NULL;
}

/* Notes one more connection to `path`, just opened; NULL if it cannot be
 * identified (it then takes part in nothing here). */
CwOpenFile *
cw_open_files_add (const char *path)
{
  GStatBuf st;
  if (g_stat (path, &st) != 0)
    return NULL;
  g_mutex_lock (&lock);
  if (files == NULL)
    files = g_ptr_array_new_with_free_func (g_free);
  CwOpenFile *file = find (st.st_dev, st.st_ino);
  if (file == NULL)
    {
      file = g_new0 (CwOpenFile, 1);
      file->dev = st.st_dev;
      file->ino = st.st_ino;
      file->claim_fd = -1;
      g_ptr_array_add (files, file);
    }
  file->connections++;
  g_mutex_unlock (&lock);
  return file;
}

/* After a connection closed: gives up `owner`'s claim, and closes the claim's
 * descriptor once no connection is left to be hurt by it. */
void
cw_open_files_remove (CwOpenFile *file, gpointer owner)
{
  if (file == NULL)
    return;
  g_mutex_lock (&lock);
  if (file->claimed_by == owner)
    {
      struct flock unlock = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = CLAIM_BYTE,
                              .l_len = 1 };
      fcntl (file->claim_fd, F_OFD_SETLK, &unlock);
      file->claimed_by = NULL;
    }
  if (--file->connections == 0)
    {
      if (file->claim_fd >= 0)
        close (file->claim_fd);
      g_ptr_array_remove (files, file);
    }
  g_mutex_unlock (&lock);
}

/* Whether a connection of this process has the file at `path` open. */
gboolean
cw_open_files_contains (const char *path)
{
  GStatBuf st;
  if (g_stat (path, &st) != 0)
    return FALSE;
  g_mutex_lock (&lock);
  gboolean open = find (st.st_dev, st.st_ino) != NULL;
  g_mutex_unlock (&lock);
  return open;
}

/* Claims the file for `owner`: TRUE when it is (or already was) its claim.
 * Otherwise *taken says whether another window or app holds it, and
 * *error_number why the claim could not be tried when it does not. */
gboolean
cw_open_files_claim (CwOpenFile *file, const char *path, gpointer owner, gboolean *taken,
                     int *error_number)
{
  *taken = FALSE;
  *error_number = 0;
  g_mutex_lock (&lock);
  gboolean ok = file->claimed_by == owner;
  if (!ok && file->claimed_by != NULL)
    *taken = TRUE;
  else if (!ok)
    {
      if (file->claim_fd < 0)
        file->claim_fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
      struct flock claim = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = CLAIM_BYTE,
                             .l_len = 1 };
      if (file->claim_fd >= 0 && fcntl (file->claim_fd, F_OFD_SETLK, &claim) == 0)
        {
          file->claimed_by = owner;
          ok = TRUE;
        }
      else
        {
          *error_number = errno;
          *taken = errno == EAGAIN || errno == EACCES;
        }
    }
  g_mutex_unlock (&lock);
  return ok;
}
