/* fuzz-replay.c: the plain main() of a fuzz harness built without libFuzzer.
 *
 * Replays every file of the directories (or the files) named on the command
 * line through LLVMFuzzerTestOneInput, in name order so that runs repeat, and
 * reports each as a TAP test. A crash or failed assertion ends the program
 * right after the "# replaying" line that names the input, which is what a
 * reader of the log needs to reproduce it.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz.h"

static void
collect (const char *path, GPtrArray *files)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("cannot read the corpus %s: %s", path, error->message);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIRECTORY-OR-FILE…\n", argv[0]);
      return 2;
    }

  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);
  /* An empty corpus would pass without testing anything. */
  if (files->len == 0)
    {
      g_print ("Bail out! no inputs in %s\n", argv[1]);
      return 1;
    }

  g_print ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      char *data = NULL;
      gsize size = 0;
      if (!g_file_get_contents (path, &data, &size, &error))
        {
          g_print ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      g_autofree char *name = g_path_get_basename (path);
      g_print ("# replaying %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
      /* libFuzzer hands over a buffer of exactly `size` bytes; so does this,
       * without the NUL g_file_get_contents adds, so that AddressSanitizer
       * catches a harness or parser reading one byte past the end. */
      g_autofree guint8 *exact = g_malloc (MAX (size, 1));
      memcpy (exact, data, size);
      g_free (data);
      LLVMFuzzerTestOneInput (exact, size);
      g_print ("ok %u - %s\n", i + 1, name);
    }
  return 0;
}
