/* fuzz-exchange.c: an exchange file of any bytes imported into a workspace.
 *
 * Every exchange file is untrusted (cw-exchange.h). The importer returns a
 * result or an error, never both and never neither, with a message a user
 * can read; what it refuses leaves the workspace as it was, and what it
 * accepts leaves a workspace that passes its own check. Each input is
 * imported for real into a copy of one small workspace made once. */
#include "config.h"

#include <glib/gstdio.h>

#include "cw-exchange.h"
#include "cw-xml.h"
#include "fuzz.h"

static char *dir;
static char *pristine;

static void
make_pristine (void)
{
  dir = g_dir_make_tmp ("fuzz-exchange-XXXXXX", NULL);
  g_assert_nonnull (dir);
  pristine = g_build_filename (dir, "pristine.clausewise", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (pristine, "Fuzz Ltd", &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (dir == NULL)
    make_pristine ();
  g_autofree char *input = g_build_filename (dir, "input.xml", NULL);
  g_autofree char *path = g_build_filename (dir, "target.clausewise", NULL);
  g_assert_true (g_file_set_contents (input, (const char *) data, size, NULL));
  g_autofree char *bytes = NULL;
  gsize length;
  g_assert_true (g_file_get_contents (pristine, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (CwImportResult) result = cw_workspace_import (workspace, input, FALSE, &error);
  if (result == NULL)
    {
      FUZZ_ASSERT_MESSAGE (error);
      g_assert_true (error->domain == CW_XML_ERROR || error->domain == CW_WORKSPACE_ERROR
                     || error->domain == G_IO_ERROR);
      g_clear_object (&workspace);
      g_autofree char *after = NULL;
      gsize after_length;
      g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
      g_assert_cmpmem (after, after_length, bytes, length);
    }
  else
    {
      g_assert_no_error (error);
      g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_assert_true (cw_workspace_check (workspace, problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);
      if (result->backup)
        g_unlink (result->backup);
    }
  return 0;
}
