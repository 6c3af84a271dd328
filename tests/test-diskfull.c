/* test-diskfull.c: a full disk. While it is full, every command that
 * fails says so (not "disk I/O error", not "damaged", never the name of a
 * hidden file); once space is freed, the workspace opens with all its data.
 *
 * The full disk is a small tmpfs mounted in a mount namespace of the test's
 * own, which needs root: without it the tests are skipped, saying why. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cw-audit.h"
#include "cw-finding.h"
#include "cw-test-util.h"

/* A folder on a tmpfs of `size` of its own, or NULL with the test skipped. */
static char *
small_disk (const char *size)
{
  if (getuid () != 0)
    {
      g_test_skip ("mounting a small disk to fill up needs root");
      return NULL;
    }
  /* In a mount namespace of this process, the mount vanishes with it even
   * if a test aborts, and nothing outside sees it. */
  static gboolean unshared;
  if (!unshared)
    {
      if (unshare (CLONE_NEWNS) != 0
          || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        {
          g_autofree char *why
            = g_strdup_printf ("cannot make a mount namespace: %s", g_strerror (errno));
          g_test_skip (why);
          return NULL;
        }
      unshared = TRUE;
    }
  char *dir = cw_test_make_dir ();
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      g_test_skip (why);
      g_free (dir);
      return NULL;
    }
  return dir;
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* Writes to a file until the disk has no byte left (again). */
static char *
fill (const char *dir)
{
  char *path = cw_test_path (dir, "filler");
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  g_assert_cmpint (fd, >=, 0);
  static char block[4096];
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
  return path;
}

/* The command's error says the disk is full, naming `name`. */
static void
assert_error_says_full (int status, const char *err, const char *name)
{
  g_assert_cmpint (status, ==, CLI_BAD_INPUT);
  cw_test_assert_error_line (err);
  cw_test_assert_contains (err, "is full; free some space");
  cw_test_assert_contains (err, name);
  g_assert_null (strstr (err, ".part"));
  g_assert_null (strstr (err, "damaged"));
}

static void
assert_says_full (const char *const *args, const char *name)
{
  g_autofree char *out = NULL, *err = NULL;
  int status = cw_test_cli (args, &out, &err);
  assert_error_says_full (status, err, name);
}

/* The app fills a workspace, the disk fills up, the app closes: the last
 * checkpoint cannot write the pages past the old end of the file, so the
 * file is left shorter than its first page says, and the -wal holds it all.
 * That is not damage, and the workspace must open once space is free. */
static void
test_checkpoint_on_full_disk (void)
{
  g_autofree char *dir = small_disk ("6m");
  if (dir == NULL)
    return;
  g_autofree char *path = cw_test_path (dir, "w.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  CwAuditDraft audit = { .title = "Before the disk filled up" };
  gint64 audit_id = cw_workspace_create_audit (workspace, &audit, &error);
  g_assert_no_error (error);
  g_autofree char *evidence = g_strnfill (900, 'e');
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *statement = g_strdup_printf ("Finding number %u", i);
      CwFindingDraft draft = { .audit_id = audit_id, .clause = "8.5.1.3", .grade = CW_GRADE_MINOR,
                               .requirement = "Changes are approved.", .evidence = evidence,
                               .statement = statement };
      g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
    }
  g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));
  g_assert_no_error (error);

  g_autofree char *filler = fill (dir);
  g_clear_object (&workspace);

  /* The scene is set as described, or this test tests nothing. */
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_autoptr (GBytes) file = cw_test_read (path);
  const guint8 *header = g_bytes_get_data (file, NULL);
  guint32 pages = (header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
  g_assert_cmpuint ((gsize) pages * 8192, >, g_bytes_get_size (file));

  /* While the disk is full: edits, until the blocks the files already have
   * are used up, and a read that must make the -shm. */
  g_autofree char *more = g_strnfill (4000, 'm');
  for (guint i = 0;; i++)
    {
      g_assert_cmpuint (i, <, 100);
      const char *const *add = ARGS ("finding", "new", path, "1", "--clause", "9.2", "--grade",
                                     "ofi", "--evidence", more);
      g_autofree char *out = NULL, *err = NULL;
      int status = cw_test_cli (add, &out, &err);
      if (status == CLI_OK)
        continue;
      assert_error_says_full (status, err, "w.clausewise");
      break;
    }
  /* The -wal is checked on private copies in the temporary folder first:
   * with no room there either, that is what the message says. */
  g_free (fill (dir));
  g_autofree char *tmpdir = g_strconcat ("TMPDIR=", dir, NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = cw_test_spawn (ARGS ("env", tmpdir, CLI_PATH, "audit", "list", path), &out, &err);
  g_assert_cmpint (status, ==, CLI_BAD_INPUT);
  cw_test_assert_error_line (err);
  cw_test_assert_contains (err, "w.clausewise-wal");
  cw_test_assert_contains (err, "temporary folder");
  cw_test_assert_contains (err, "free some space there");

  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (shm);
  g_free (fill (dir));
  assert_says_full (ARGS ("finding", "list", path), "w.clausewise");
  assert_says_full (ARGS ("audit", "list", path), "w.clausewise");

  /* Space is freed: every finding is there, and the file is whole again. */
  g_unlink (filler);
  g_autofree char *listed = cw_test_cli_ok (ARGS ("finding", "list", path));
  g_auto (GStrv) lines = cw_test_output_lines (listed);
  g_assert_cmpuint (g_strv_length (lines), >=, 300);
  cw_test_assert_contains (listed, "Finding number 299");
  g_free (cw_test_cli_ok (ARGS ("check", path)));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_autoptr (GBytes) whole = cw_test_read (path);
  header = g_bytes_get_data (whole, NULL);
  pages = (header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
  g_assert_cmpuint ((gsize) pages * 8192, ==, g_bytes_get_size (whole));
  unmount (dir);
}

/* Creating a workspace on a disk that fills up on the way, or is full
 * from the start: the message names the workspace, not the hidden file it
 * is built in, and nothing is left behind. */
static void
test_create_on_full_disk (void)
{
  const char *sizes[] = { "200k", "400k", "1m" };
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *dir = small_disk (sizes[i]);
      if (dir == NULL)
        return;
      g_autofree char *path = cw_test_path (dir, "new.clausewise");
      assert_says_full (ARGS ("demo", path), "new.clausewise");
      if (i == 0)
        assert_says_full (ARGS ("init", path), "new.clausewise");
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name = g_dir_read_name (listing);
      if (name != NULL)
        g_error ("%s was left behind on a disk of %s", name, sizes[i]);
      g_autofree char *filler = fill (dir);
      assert_says_full (ARGS ("init", path), "new.clausewise");
      unmount (dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/disk-full/checkpoint", test_checkpoint_on_full_disk);
  g_test_add_func ("/cli/disk-full/create", test_create_on_full_disk);
  return g_test_run ();
}
