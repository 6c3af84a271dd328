/* test-fs.c: telling a network folder from a local one, by the file
 * system's magic number (and for FUSE, its type). */
#include "config.h"

#include "cw-fs.h"
#include "cw-test-util.h"

static void
test_classify (void)
{
  static const guint64 network[] = {
    0x6969,     /* NFS */
    0x517B,     /* SMB */
    0xFE534D42, /* SMB2 */
    0xFF534D42, /* CIFS */
    0x5346414F, /* AFS */
    0x6B414653, /* kAFS */
    0x01021997, /* 9P */
    0x00C36400, /* Ceph */
    0x73757245, /* Coda */
  };
  for (guint i = 0; i < G_N_ELEMENTS (network); i++)
    g_assert_cmpint (cw_fs_classify (network[i], NULL), ==, CW_FS_NETWORK);

  static const guint64 local[] = {
    0xEF53,     /* ext2/3/4 */
    0x01021994, /* tmpfs */
    0x9123683E, /* btrfs */
    0x58465342, /* XFS */
    0x4D44,     /* FAT */
    0x5346544E, /* NTFS (ntfs3) */
    0x794C7630, /* overlayfs */
  };
  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    g_assert_cmpint (cw_fs_classify (local[i], NULL), ==, CW_FS_LOCAL);
}

/* FUSE is one magic for every FUSE file system: its type decides. */
static void
test_classify_fuse (void)
{
  const guint64 fuse = 0x65735546;
  const char *network[] = { "fuse.sshfs", "fuse.gvfsd-fuse", "fuse.rclone", "fuse.s3fs" };
  for (guint i = 0; i < G_N_ELEMENTS (network); i++)
    g_assert_cmpint (cw_fs_classify (fuse, network[i]), ==, CW_FS_NETWORK);
  const char *local[] = { "fuseblk", "fuse.gocryptfs", "fuse.encfs", "fuse", NULL };
  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    g_assert_cmpint (cw_fs_classify (fuse, local[i]), ==, CW_FS_LOCAL);
  /* A FUSE type name alone says nothing about a disk that is not FUSE. */
  g_assert_cmpint (cw_fs_classify (0xEF53, "fuse.sshfs"), ==, CW_FS_LOCAL);
}

/* The folder the tests run in is on this computer, and a file that does
 * not exist yet is judged by its folder. */
static void
test_kind_of_here (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *absent = cw_test_path (dir, "not-yet.clausewise");
  g_autofree char *type = NULL;
  g_assert_cmpint (cw_fs_kind_of (absent, &type), ==, CW_FS_LOCAL);
  g_assert_nonnull (type);
  g_test_message ("the test folder is on %s", type);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/fs/classify", test_classify);
  g_test_add_func ("/core/fs/classify-fuse", test_classify_fuse);
  g_test_add_func ("/core/fs/kind-of-here", test_kind_of_here);
  return g_test_run ();
}
