/* cw-search.c: FTS5 queries over the search_index the schema's triggers keep.
 *
 * What people type is never handed to FTS5 as syntax: every word becomes a
 * quoted phrase, and the last one a prefix, so "RFC-2291" or an unbalanced
 * quote finds text instead of raising a syntax error, and results narrow as
 * the user types.
 *
 * The index is kept in step here, by the modules that write findings, answers
 * and evidence calling cw_search_index_put in the same edit.
 */
#define G_LOG_DOMAIN "cw-search"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-search.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

/* Rowids of search_index encode their source (see cw-schema.c). */
#define ROWID_KINDS 4

char *
cw_search_match_expression (const char *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  g_auto (GStrv) words = g_strsplit_set (query, " \t\r\n", -1);
  g_autoptr (GString) match = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_auto (GStrv) parts = g_strsplit (words[i], "\"", -1);
      g_autofree char *quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (match, "%s\"%s\"", match->len ? " " : "", quoted);
    }
  if (match->len > 0)
    g_string_append_c (match, '*');
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* Replaces what the index holds for one finding, answer or evidence item
 * with `parts` joined by spaces; nothing is kept when they are all empty. */
gboolean
cw_search_index_put (CwWorkspace *self, CwSearchKind kind, gint64 id, const char *const *parts,
                     GError **error)
{
  gint64 rowid = id * ROWID_KINDS + kind;
  CwStmt *drop = cw_workspace_prepare (self, "DELETE FROM search_index WHERE rowid = ?", error);
  if (drop == NULL)
    return FALSE;
  cw_stmt_bind_int64 (drop, 1, rowid);
  if (!cw_stmt_run (drop, error))
    return FALSE;

  g_autoptr (GString) body = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_string_append_printf (body, "%s%s", body->len ? " " : "", parts[i]);
  if (body->len == 0)
    return TRUE;
  CwStmt *put
    = cw_workspace_prepare (self, "INSERT INTO search_index (rowid, body) VALUES (?, ?)", error);
  if (put == NULL)
    return FALSE;
  cw_stmt_bind_int64 (put, 1, rowid);
  cw_stmt_bind_text (put, 2, body->str);
  return cw_stmt_run (put, error);
}

const char *
cw_search_kind_to_string (CwSearchKind kind)
{
  static const char *const names[] = { "finding", "answer", "evidence" };
  g_return_val_if_fail (kind <= CW_SEARCH_EVIDENCE, NULL);
  return names[kind];
}

void
cw_search_hit_free (CwSearchHit *hit)
{
  g_free (hit->snippet);
  g_free (hit);
}

static gboolean
audit_of (CwWorkspace *self, CwSearchKind kind, gint64 id, gint64 *audit, GError **error)
{
  static const char *const sql[] = {
    "SELECT audit FROM finding WHERE id = ?",
    "SELECT audit FROM answer WHERE id = ?",
    "SELECT audit FROM evidence WHERE id = ?",
  };
  CwStmt *stmt = cw_workspace_prepare (self, sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, id);
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  *audit = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);
  return TRUE;
}

/* Up to `limit` matches for what the user typed: the best first, or the
 * newest first when more than RANKED_AT_MOST match. */
#define RANKED_AT_MOST 2000

GPtrArray *
cw_workspace_search (CwWorkspace *self, const char *query, guint limit, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!cw_text_check (query, CW_TEXT_SHORT_MAX, _("the search"), error))
    return NULL;
  g_autoptr (GPtrArray) hits
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_search_hit_free);
  g_autofree char *match = cw_search_match_expression (query);
  if (*match == '\0')
    return g_steal_pointer (&hits);

  /* Ranking reads every match, 3 µs each: worth it for a pointed search,
   * not for a word in a third of 100,000 findings, whose near-equal ranks
   * would cost a tenth of a second and tell nobody anything. A broad search
   * shows the newest matches first, which costs the same whatever the
   * number of matches. Counting stops as soon as the search is broad. */
  CwStmt *count = cw_workspace_prepare (
    self,
    "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
    error);
  if (count == NULL)
    return NULL;
  cw_stmt_bind_text (count, 1, match);
  cw_stmt_bind_int64 (count, 2, RANKED_AT_MOST + 1);
  if (!cw_stmt_expect_row (count, error))
    return NULL;
  gboolean broad = cw_stmt_int64 (count, 0) > RANKED_AT_MOST;
  cw_stmt_reset (count);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    broad ? "SELECT rowid, snippet (search_index, 0, '[', ']', '…', 16) FROM search_index"
            " WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?"
          : "SELECT rowid, snippet (search_index, 0, '[', ']', '…', 16) FROM search_index"
            " WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_text (stmt, 1, match);
  cw_stmt_bind_int64 (stmt, 2, limit);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 rowid = cw_stmt_int64 (stmt, 0);
      CwSearchHit *hit = g_new0 (CwSearchHit, 1);
      hit->kind = rowid % ROWID_KINDS;
      hit->id = rowid / ROWID_KINDS;
      hit->snippet = cw_stmt_dup_text (stmt, 1);
      g_ptr_array_add (hits, hit);
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  for (guint i = 0; i < hits->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (hits, i);
      if (!audit_of (self, hit->kind, hit->id, &hit->audit_id, error))
        return NULL;
    }
  return g_steal_pointer (&hits);
}
