/* cw-output.c: the checks that keep an export out of anything but a file
 * (what is refused, and why, is in cw-output.h). */
#define G_LOG_DOMAIN "cw-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "cw-i18n.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-open-files.h"
#include "cw-output.h"

G_DEFINE_QUARK (cw - output - error - quark, cw_output_error)

/* Links followed before a chain counts as a loop: the kernel's own limit. */
#define MAX_LINKS 40

/* The files SQLite keeps beside a database, named after it. */
static const char *const companions[] = { "-wal", "-shm", "-journal" };

static char *
real_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char *real = realpath (dir, NULL);
  if (real == NULL)
    return NULL;
  char *copy = g_strdup (real);
  free (real);
  return copy;
}

/* /dev itself holds the streams (stdout, null, fd/ …); /dev/shm and the like
 * are plain folders. /proc/…/fd/N lead to whatever a process has open. */
static gboolean
in_stream_folder (const char *path)
{
  g_autofree char *dir = real_folder (path);
  return dir != NULL
         && (g_str_equal (dir, "/dev") || g_str_equal (dir, "/proc")
             || g_str_has_prefix (dir, "/proc/"));
}

/* Whether `path`, or a link on the way from it to a file, is in a stream
 * folder: /dev/stdout leads through /proc/self/fd/1 to the shell's pipe or
 * file, and a report is never written into either. */
static gboolean
through_streams (const char *path)
{
  g_autofree char *hop = g_strdup (path);
  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      if (in_stream_folder (hop))
        return TRUE;
      g_autofree char *link = g_file_read_link (hop, NULL);
      if (link == NULL)
        return FALSE;
      g_autofree char *dir = g_path_get_dirname (hop);
      g_free (hop);
      hop = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                      : g_build_filename (dir, link, NULL);
    }
  return FALSE;
}

/* Whether `path` is an SQLite database. One this process has open is known
 * without opening it: closing any descriptor of it would drop SQLite's locks
 * (cw-open-files.c). Anything but a regular file is never opened, and the
 * open does not wait, should a pipe have taken the file's place meanwhile. */
static gboolean
is_database (const char *path)
{
  struct stat st, now;
  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (cw_open_files_contains (path))
    return TRUE;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return FALSE; /* unreadable: the rename decides whether it may be replaced */
  char header[16];
  gboolean database = fstat (fd, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino
                      && read (fd, header, sizeof header) == sizeof header
                      && memcmp (header, "SQLite format 3", sizeof header) == 0;
  close (fd);
  return database;
}

static gboolean
check_type (const char *path, const struct stat *st, gboolean linked, GError **error)
{
  const char *what;
  if (S_ISREG (st->st_mode))
    return TRUE;
  else if (S_ISDIR (st->st_mode))
    what = linked ? _ ("points to a folder") : _ ("is a folder");
  else if (S_ISFIFO (st->st_mode))
    what = linked ? _ ("points to a named pipe") : _ ("is a named pipe");
  else if (S_ISSOCK (st->st_mode))
    what = linked ? _ ("points to a socket") : _ ("is a socket");
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    what = linked ? _ ("points to a device") : _ ("is a device");
  else
    what = linked ? _ ("points to something special") : _ ("is something special");
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, CW_OUTPUT_ERROR, CW_OUTPUT_ERROR_NOT_A_FILE,
               /* Translators: the second %s is "is a named pipe", "points to a folder" … */
               _ ("“%s” %s, not a file; choose a file name for the report"), name, what);
  return FALSE;
}

/* A database's -wal, -shm or -journal, existing or not. */
static gboolean
check_companion (const char *path, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      if (!g_str_has_suffix (path, companions[i]))
        continue;
      g_autofree char *base = g_strndup (path, strlen (path) - strlen (companions[i]));
      if (!is_database (base))
        continue;
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *database = g_filename_display_name (base);
      g_set_error (error, CW_OUTPUT_ERROR, CW_OUTPUT_ERROR_DATABASE,
                   _ ("“%s” belongs to the database “%s”, which keeps changes there; both were "
                      "left as they were. Choose another name for the report"),
                   name, database);
      return FALSE;
    }
  return TRUE;
}

/* Checks that an export may replace `path` (see cw-output.h) and returns the
 * file to replace: `path`, or for a link to a regular file the file it points
 * to. NULL with `error` set if `path` must be left alone. A name whose folder
 * is missing or unreadable passes: writing the temporary file says why. */
char *
cw_output_resolve (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (through_streams (path))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CW_OUTPUT_ERROR, CW_OUTPUT_ERROR_NOT_A_FILE,
                   _ ("“%s” is a device or a stream, not a file; a report is written to a file "
                      "only, so choose a file name for the report"),
                   name);
      return NULL;
    }

  g_autofree char *target = NULL;
  struct stat st;
  if (lstat (path, &st) != 0)
    target = g_strdup (path);
  else if (!S_ISLNK (st.st_mode))
    {
      if (!check_type (path, &st, FALSE, error))
        return NULL;
      target = g_strdup (path);
    }
  else if (stat (path, &st) != 0)
    target = g_strdup (path); /* dangling or a loop: the link itself is replaced */
  else
    {
      if (!check_type (path, &st, TRUE, error))
        return NULL;
      char *real = realpath (path, NULL);
      target = g_strdup (real != NULL ? real : path);
      free (real);
    }

  if (!check_companion (path, error)
      || (!g_str_equal (target, path) && !check_companion (target, error)))
    return NULL;
  if (is_database (target))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CW_OUTPUT_ERROR, CW_OUTPUT_ERROR_DATABASE,
                   _ ("“%s” is a Clausewise workspace or another database; it was left as it "
                      "was. Choose another name for the report"),
                   name);
      return NULL;
    }
  return g_steal_pointer (&target);
}
