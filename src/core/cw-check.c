/* cw-check.c: what is wrong with a damaged workspace file.
 *
 * A file too damaged to open as a workspace still has something to say:
 * how much of it is missing, and what SQLite's integrity check finds in it.
 * That check runs on a private copy of the file alone, so that nothing is
 * written beside the file or into it (SQLite makes a -wal and -shm beside a
 * file in WAL mode it opens, even for reading).
 */
#define G_LOG_DOMAIN "cw-check"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <glib/gstdio.h>

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-check.h"
#include "cw-db.h"
#include "cw-fs.h"
#include "cw-review.h"
#include "cw-workspace-private.h"

/* The file is shorter than its header says. */
static void
list_missing_end (const char *path, GPtrArray *problems)
{
  guint8 header[CW_DB_HEADER_SIZE];
  FILE *file = g_fopen (path, "rb");
  if (file == NULL)
    return;
  size_t n = fread (header, 1, sizeof header, file);
  fseek (file, 0, SEEK_END);
  long size = ftell (file);
  fclose (file);
  guint64 length = n == sizeof header ? cw_db_header_length (header) : 0;
  if (size >= 0 && length > (guint64) size)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The file ends after %ld bytes, but its header says it "
                                        "is %" PRIu64 " bytes long: the last %"
                                        PRIu64 " bytes are missing (cut off while "
                                        "copying?)"),
                                      size, length, length - size));
}

/* What SQLite finds in a copy of the file alone. */
static void
list_damage (const char *path, GPtrArray *problems)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *scratch = cw_fs_make_scratch_dir (&error);
  g_autofree char *copy = scratch ? g_build_filename (scratch, "copy.clausewise", NULL) : NULL;
  if (copy != NULL && cw_fs_copy_private (path, copy, &error))
    {
      CwDb *db = cw_db_open_as (copy, path, 0, &error);
      if (db != NULL)
        cw_db_list_damage (db, problems);
      else
        g_ptr_array_add (problems, g_strdup (error->message));
      cw_db_close (db);
    }
  else
    g_ptr_array_add (problems, g_strdup_printf (_("The file could not be examined further: "
                                                  "a copy could not be made (%s)"),
                                                error->message));
  cw_fs_remove_scratch_dir (scratch);
}

/* Lists what is wrong with the file at `path`, which opening refused as
 * damaged (`refusal` says how): how much of its end is missing, and what
 * SQLite's integrity check finds in a copy of it. Adds one problem at
 * least, and never touches the file. */
void
cw_check_list_damage (const char *path, const GError *refusal, GPtrArray *problems)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (problems != NULL);

  guint before = problems->len;
  list_missing_end (path, problems);
  list_damage (path, problems);
  if (problems->len == before)
    g_ptr_array_add (problems, g_strdup (refusal ? refusal->message : _("The file is damaged")));
}

/* Records made before a rule existed stay as they were made: a report or
 * minutes already issued are not rewritten. Each rule they would fail
 * today is a warning, so that an auditor knows, not damage. */
gboolean
cw_check_list_rule_gaps (CwWorkspace *workspace, GPtrArray *warnings, GError **error)
{
  /* A file not yet upgraded lacks what the rules read; opening it in
   * Clausewise upgrades it, and then its gaps can be listed. */
  if (cw_workspace_get_version (workspace) < cw_workspace_schema_version ())
    return TRUE;
  return cw_audit_list_rule_gaps (workspace, warnings, error)
         && cw_action_list_rule_gaps (workspace, warnings, error)
         && cw_review_list_rule_gaps (workspace, warnings, error);
}
