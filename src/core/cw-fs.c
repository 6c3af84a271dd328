/* cw-fs.c: files and folders as the storage needs them (see cw-fs.h).
 *
 * Network folders: SQLite's locks and its WAL's shared memory only work
 * between processes of one computer (sqlite.org/wal.html, "WAL does not
 * work over a network filesystem"; sqlite.org/howtocorrupt.html, 2.1). NFS
 * and SMB locks are advisory, late or missing, and a -shm mapped on two
 * computers is two different memories. So a workspace on a share is opened
 * for reading only. The file system is told by its statfs magic. FUSE is one
 * magic for every FUSE file system, local ones included (NTFS and exFAT
 * drives, encrypted folders), so for FUSE the type in /proc/self/mountinfo
 * decides, and only the known network ones count as network: sshfs, GNOME's
 * gvfs (the path an SMB or SFTP file opened from Files has), rclone and the
 * object stores. An unknown FUSE type is taken as local: refusing an
 * encrypted home folder would be worse than missing an exotic share.
 */
#define G_LOG_DOMAIN "cw-fs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cw-fs.h"

/* From linux/magic.h and statfs(2); spelt out, as not every one is in the
 * headers of every distribution. */
#define FUSE_SUPER_MAGIC 0x65735546

static const struct
{
  guint64 magic;
  const char *name;
} network_types[] = {
  { 0x6969, "nfs" },
  { 0x517B, "smb" },
  { 0xFE534D42, "smb2" },
  { 0xFF534D42, "cifs" },
  { 0x5346414F, "afs" },
  { 0x6B414653, "afs" },
  { 0x01021997, "9p" },
  { 0x00C36400, "ceph" },
  { 0x73757245, "coda" },
  { 0x564C, "ncp" },
  { 0x0BD00BD0, "lustre" },
  { 0x47504653, "gpfs" },
  { 0x20030528, "orangefs" },
  { 0x01161970, "gfs2" },
  { 0x7461636F, "ocfs2" },
  { 0x786F4256, "vboxsf" },
};

/* FUSE file systems that reach files over a network. */
static const char *const network_fuse[] = {
  "sshfs", "gvfsd-fuse", "rclone", "s3fs", "gcsfuse", "goofys", "curlftpfs", "smbnetfs",
  "glusterfs", "ceph-fuse", "davfs", "vmhgfs-fuse", "onedriver", "google-drive-ocamlfuse",
};

static gboolean pretending;
static guint64 pretend_magic;
static char *pretend_fuse_type;

CwFsKind
cw_fs_classify (guint64 magic, const char *fuse_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if (network_types[i].magic == magic)
      return CW_FS_NETWORK;
  if (magic == FUSE_SUPER_MAGIC && fuse_type != NULL)
    {
      const char *sub = g_str_has_prefix (fuse_type, "fuse.") ? fuse_type + 5 : fuse_type;
      if (g_strv_contains (network_fuse, sub))
        return CW_FS_NETWORK;
    }
  return CW_FS_LOCAL;
}

/* The type /proc/self/mountinfo gives the mount of device `dev`. */
static char *
mount_type (dev_t dev)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents ("/proc/self/mountinfo", &text, NULL, NULL))
    return NULL;
  g_autofree char *wanted = g_strdup_printf ("%u:%u", major (dev), minor (dev));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* "36 35 0:52 / /mnt rw,nosuid shared:1 - fuse.sshfs host:/ rw,…" */
      g_auto (GStrv) fields = g_strsplit (lines[i], " ", 4);
      const char *rest = g_strv_length (fields) == 4 ? strstr (fields[3], " - ") : NULL;
      if (rest == NULL || !g_str_equal (fields[2], wanted))
        continue;
      g_auto (GStrv) tail = g_strsplit (rest + 3, " ", 2);
      return g_strdup (tail[0]);
    }
  return NULL;
}

static const char *
magic_name (guint64 magic)
{
  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if (network_types[i].magic == magic)
      return network_types[i].name;
  return NULL;
}

/* Where `path` lives; a file that does not exist yet is where its folder
 * is. `type_name`, when not NULL, receives a name for messages ("nfs",
 * "fuse.sshfs"). A file system that cannot be asked counts as local. */
CwFsKind
cw_fs_kind_of (const char *path, char **type_name)
{
  g_return_val_if_fail (path != NULL, CW_FS_LOCAL);

  guint64 magic;
  g_autofree char *fuse_type = NULL;
  if (pretending)
    {
      magic = pretend_magic;
      fuse_type = g_strdup (pretend_fuse_type);
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);
      struct statfs fs;
      GStatBuf st;
      const char *where = statfs (path, &fs) == 0 ? path : dir;
      if (where == dir && statfs (dir, &fs) != 0)
        return CW_FS_LOCAL;
      magic = (guint64) (gulong) fs.f_type;
      if (magic == FUSE_SUPER_MAGIC && g_stat (where, &st) == 0)
        fuse_type = mount_type (st.st_dev);
    }
  CwFsKind kind = cw_fs_classify (magic, fuse_type);
  if (type_name != NULL)
    *type_name = fuse_type != NULL ? g_strdup (fuse_type)
                 : magic_name (magic) ? g_strdup (magic_name (magic))
                                       : g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", magic);
  return kind;
}

/* Makes cw_fs_kind_of answer as if every file were on the file system of
 * `magic` (and `fuse_type`); a magic of 0 ends the pretence. Tests only: no
 * share can be mounted where the tests run. */
void
cw_fs_pretend_for_testing (guint64 magic, const char *fuse_type)
{
  pretending = magic != 0;
  pretend_magic = magic;
  g_free (pretend_fuse_type);
  pretend_fuse_type = g_strdup (fuse_type);
}

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

/* A new folder for copies of a workspace that no one else may read; the
 * caller removes it with cw_fs_remove_scratch_dir. */
char *
cw_fs_make_scratch_dir (GError **error)
{
  /* mkdtemp: mode 0700, a name no one could have prepared. */
  return g_dir_make_tmp ("clausewise-check-XXXXXX", error);
}

/* Removes a scratch folder and the files in it (it has no subfolders). */
void
cw_fs_remove_scratch_dir (const char *dir)
{
  if (dir == NULL)
    return;
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

/* Copies what is left to read of `in` to `out`: 0, or the errno of the
 * failure, with *writing telling whether it was a write. */
static int
copy_fd (int in, int out, gboolean *writing)
{
  char buffer[65536];
  for (;;)
    {
      *writing = FALSE;
      ssize_t n = read (in, buffer, sizeof buffer);
      if (n == 0)
        return 0;
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      *writing = TRUE;
      for (ssize_t done = 0; done < n;)
        {
          ssize_t written = write (out, buffer + done, n - done);
          if (written < 0 && errno != EINTR)
            return errno;
          done += MAX (written, 0);
        }
    }
}

/* Copies `from` into a new private file `to`. Only reads `from`. The error
 * is in G_FILE_ERROR, so that a full disk can be told (NOSPC). */
gboolean
cw_fs_copy_private (const char *from, const char *to, GError **error)
{
  const char *failed = from;
  int saved_errno = 0;
  int in = g_open (from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  int out = -1;
  if (in < 0)
    saved_errno = errno;
  else if ((saved_errno = cw_fs_create_private (to)) != 0)
    failed = to;
  else if ((out = g_open (to, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    {
      saved_errno = errno;
      failed = to;
    }
  else
    {
      gboolean writing;
      saved_errno = copy_fd (in, out, &writing);
      if (close (out) != 0 && saved_errno == 0)
        {
          saved_errno = errno;
          writing = TRUE;
        }
      if (writing)
        failed = to;
    }
  if (in >= 0)
    close (in);
  if (saved_errno == 0)
    return TRUE;
  g_autofree char *name = g_filename_display_name (failed);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", name,
               g_strerror (saved_errno));
  return FALSE;
}
