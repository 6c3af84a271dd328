/* fuzz-register.c: cw_workspace_import_register on whatever file a user
 * may pick.
 *
 * Every input is either refused as a whole, with the workspace's rules'
 * error (nothing stored: the register exports as it did), or stored; and
 * then the register exports to CSV that imports back without a change. */
#include "config.h"

#include <glib/gstdio.h>

#include "cw-date.h"
#include "cw-register.h"
#include "cw-text.h"
#include "fuzz-text.h"
#include "fuzz.h"

static char *workspace_dir;
static CwWorkspace *workspace;

static void
remove_workspace (void)
{
  g_clear_object (&workspace);
  g_autoptr (GDir) dir = g_dir_open (workspace_dir, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (workspace_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (workspace_dir);
  g_clear_pointer (&workspace_dir, g_free);
}

/* One workspace for the whole run; imports accumulate in it, as they
 * would in a user's. */
static CwWorkspace *
the_workspace (void)
{
  if (workspace != NULL)
    return workspace;
  g_autoptr (GError) error = NULL;
  workspace_dir = g_dir_make_tmp ("clausewise-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (workspace_dir, "register.clausewise", NULL);
  workspace = cw_workspace_create (path, "Fuzz Ltd", &error);
  g_assert_no_error (error);
  atexit (remove_workspace);
  return workspace;
}

static char *
register_now (CwWorkspace *self)
{
  g_autofree char *csv = cw_workspace_export_register (self, NULL);
  g_assert_nonnull (csv);
  return g_steal_pointer (&csv);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_text (data, size);
  CwWorkspace *self = the_workspace ();
  g_autofree char *before = register_now (self);

  g_autoptr (GError) error = NULL;
  cw_workspace_import_register (self, text, &error);
  if (error != NULL)
    {
      /* Refused by a rule, never by the storage, and nothing stored. */
      if (!g_error_matches (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID))
        g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_autofree char *after = register_now (self);
      g_assert_cmpstr (after, ==, before);
      return 0;
    }
  /* Stored: what it exports imports back as it is. */
  g_autofree char *exported = cw_workspace_export_register (self, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_workspace_import_register (self, exported, &error), ==, 0);
  g_assert_no_error (error);
  g_autofree char *again = cw_workspace_export_register (self, &error);
  g_assert_cmpstr (again, ==, exported);
  return 0;
}
