/* fuzz-search.c: cw_search_match_expression on whatever a user may type.
 *
 * Typed text is never FTS5 syntax (cw-search.c): every query becomes a match
 * expression that FTS5 accepts. So each input is also searched for in a demo
 * workspace, where a syntax error from SQLite is a failure, and the
 * snippets that come back are valid UTF-8 for the GTK list that shows them. */
#include "config.h"

#include <glib/gstdio.h>

#include "cw-demo.h"
#include "cw-search.h"
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

/* One demo workspace for the whole run: creating it takes far longer than a
 * search, and searching never changes it. */
static CwWorkspace *
demo_workspace (void)
{
  if (workspace != NULL)
    return workspace;
  g_autoptr (GError) error = NULL;
  workspace_dir = g_dir_make_tmp ("clausewise-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (workspace_dir, "demo.clausewise", NULL);
  workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  atexit (remove_workspace);
  return workspace;
}

static gboolean
is_blank (const char *text)
{
  return text[strspn (text, " \t\r\n")] == '\0';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *query = fuzz_text (data, size);

  g_autofree char *match = cw_search_match_expression (query);
  g_assert_nonnull (match);
  /* Nothing typed, nothing searched; anything typed, a prefix search. */
  if (is_blank (query))
    g_assert_cmpstr (match, ==, "");
  else
    g_assert_true (g_str_has_prefix (match, "\"") && g_str_has_suffix (match, "\"*"));
  if (g_utf8_validate (query, -1, NULL))
    g_assert_true (g_utf8_validate (match, -1, NULL));

  /* What may not be stored may not be searched for either (cw-text.h):
   * refused with the text rules' error, never SQLite's. */
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = cw_workspace_search (demo_workspace (), query, 20, &error);
  if (!cw_text_check (query, CW_TEXT_SHORT_MAX, "the search", NULL))
    {
      g_assert_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID);
      g_assert_null (hits);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (hits, i);
      g_assert_cmpint (hit->id, >, 0);
      g_assert_nonnull (cw_search_kind_to_string (hit->kind));
      g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
    }
  return 0;
}
