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

#include <inttypes.h>

#include <string.h>

#include "cw-i18n.h"

#include "cw-finding.h"
#include "cw-schema-sql.h"
#include "cw-search.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

/* Rowids of search_index encode their source (see cw-schema.c). */
#define ROWID_KINDS 8

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
  static const char *const names[] = { "finding", "answer", "evidence", "action", "review" };
  g_return_val_if_fail (kind <= CW_SEARCH_REVIEW, NULL);
  return names[kind];
}

void
cw_search_hit_free (CwSearchHit *hit)
{
  g_free (hit->title);
  g_free (hit->place);
  g_free (hit->snippet);
  g_free (hit->markup);
  g_free (hit);
}

/* Indexes a finding, an answer's note or an evidence item from its row as
 * it stands: for records written whole (an import), where the edits that
 * index them part by part did not run. The parts are those the edits give. */
gboolean
cw_search_index_row (CwWorkspace *self, const char *entity, gint64 id, GError **error)
{
  static const struct
  {
    const char *entity;
    CwSearchKind kind;
    const char *sql;
  } rows[] = {
    { "finding", CW_SEARCH_FINDING,
      "SELECT clause, requirement, evidence, statement FROM finding WHERE id = ?" },
    { "answer", CW_SEARCH_ANSWER, "SELECT note, '', '', '' FROM answer WHERE id = ?" },
    { "evidence", CW_SEARCH_EVIDENCE,
      "SELECT reference, description, population, '' FROM evidence WHERE id = ?" },
  };
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      if (!g_str_equal (entity, rows[r].entity))
        continue;
      CwStmt *stmt = cw_workspace_prepare (self, rows[r].sql, error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_int64 (stmt, 1, id);
      if (!cw_stmt_expect_row (stmt, error))
        return FALSE;
      g_autofree char *a = cw_stmt_dup_text (stmt, 0), *b = cw_stmt_dup_text (stmt, 1);
      g_autofree char *c = cw_stmt_dup_text (stmt, 2), *d = cw_stmt_dup_text (stmt, 3);
      cw_stmt_reset (stmt);
      const char *parts[] = { a, b, c, d, NULL };
      return cw_search_index_put (self, rows[r].kind, id, parts, error);
    }
  return TRUE;
}

/* Keeps the index entry of an action or a review in step with its row
 * (none once it is gone): called for every record an edit touched, when
 * the edit commits, so no code path that changes one can forget it. */
gboolean
cw_search_index_record (CwWorkspace *self, const char *entity, gint64 id, GError **error)
{
  CwSearchKind kind;
  const char *sql;
  if (g_str_equal (entity, "action"))
    {
      kind = CW_SEARCH_ACTION;
      sql = "SELECT " CW_SEARCH_ACTION_BODY " FROM action WHERE id = ?";
    }
  else if (g_str_equal (entity, "review"))
    {
      kind = CW_SEARCH_REVIEW;
      sql = "SELECT " CW_SEARCH_REVIEW_BODY " FROM review WHERE id = ?";
    }
  else
    return TRUE;
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, id);
  g_autofree char *body = NULL;
  if (!cw_stmt_first_text (stmt, &body, error))
    return FALSE;
  const char *parts[] = { body ? body : "", NULL };
  return cw_search_index_put (self, kind, id, parts, error);
}

/* Where a hit is, in words, and which audit and place it opens. Each row
 * gives the audit (0 for none), the title's parts and the place. */
static gboolean
describe_hit (CwWorkspace *self, CwSearchHit *hit, GError **error)
{
  static const char *const sql[] = {
    [CW_SEARCH_FINDING] = "SELECT f.audit, a.title, f.grade, f.number, f.clause,"
                          " coalesce (f.question, f.clause)"
                          " FROM finding f JOIN audit a ON a.id = f.audit WHERE f.id = ?",
    [CW_SEARCH_ANSWER] = "SELECT n.audit, a.title, '', 0, n.question, n.question"
                         " FROM answer n JOIN audit a ON a.id = n.audit WHERE n.id = ?",
    [CW_SEARCH_EVIDENCE] = "SELECT e.audit, a.title, e.reference, 0, coalesce (e.question, ''),"
                           " coalesce (e.question, '')"
                           " FROM evidence e JOIN audit a ON a.id = e.audit WHERE e.id = ?",
    [CW_SEARCH_ACTION] = "SELECT 0, title, status, 0, '', '' FROM action WHERE id = ?",
    [CW_SEARCH_REVIEW] = "SELECT 0, held_on, status, 0, '', '' FROM review WHERE id = ?",
  };
  CwStmt *stmt = cw_workspace_prepare (self, sql[hit->kind], error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, hit->id);
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  hit->audit_id = cw_stmt_int64 (stmt, 0);
  const char *name = cw_stmt_text (stmt, 1);
  const char *detail = cw_stmt_text (stmt, 2);
  const char *where = cw_stmt_text (stmt, 4);
  hit->place = cw_stmt_dup_text (stmt, 5);
  switch (hit->kind)
    {
    case CW_SEARCH_FINDING:
      {
        CwGrade grade = CW_GRADE_OFI;
        cw_grade_from_string (detail, &grade);
        g_autofree char *label = cw_finding_format_label (grade, cw_stmt_int64 (stmt, 3));
        hit->title = g_strdup_printf (_("Finding %s on %s · %s"), label, where, name);
      }
      break;
    case CW_SEARCH_ANSWER:
      hit->title = g_strdup_printf (_("Note on question %s · %s"), where, name);
      break;
    case CW_SEARCH_EVIDENCE:
      hit->title = *where ? g_strdup_printf (_("Evidence %s on question %s · %s"), detail, where,
                                             name)
                          : g_strdup_printf (_("Evidence %s · %s"), detail, name);
      break;
    case CW_SEARCH_ACTION:
      hit->title = g_strdup_printf (_("Corrective action %" PRId64 ": %s"), hit->id,
                                    name);
      break;
    case CW_SEARCH_REVIEW:
      hit->title = g_strdup_printf (_("Management review %" PRId64 " held on %s"),
                                    hit->id, name);
      break;
    }
  cw_stmt_reset (stmt);
  return TRUE;
}

/* The snippet's matches are marked with two private-use characters, which
 * no text people type holds, and turned into brackets for plain text and
 * bold for markup. */
#define MATCH_OPEN "\xee\x80\x80"  /* U+E000 */
#define MATCH_CLOSE "\xee\x80\x81" /* U+E001 */

static void
mark_snippet (CwSearchHit *hit, const char *marked)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GString) markup = g_string_new (NULL);
  for (const char *p = marked; *p != '\0';)
    {
      const char *open = strstr (p, MATCH_OPEN);
      const char *close = strstr (p, MATCH_CLOSE);
      const char *next = open && (!close || open < close) ? open : close;
      gsize length = next ? (gsize) (next - p) : strlen (p);
      g_string_append_len (plain, p, length);
      g_autofree char *escaped = g_markup_escape_text (p, length);
      g_string_append (markup, escaped);
      if (next == NULL)
        break;
      gboolean opening = next == open;
      g_string_append (plain, opening ? "[" : "]");
      g_string_append (markup, opening ? "<b>" : "</b>");
      p = next + strlen (MATCH_OPEN);
    }
  hit->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
  hit->markup = g_string_free (g_steal_pointer (&markup), FALSE);
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
    broad ? "SELECT rowid, snippet (search_index, 0, '" MATCH_OPEN "', '" MATCH_CLOSE "', '…',"
            " 16) FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?"
          : "SELECT rowid, snippet (search_index, 0, '" MATCH_OPEN "', '" MATCH_CLOSE "', '…',"
            " 16) FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
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
      mark_snippet (hit, cw_stmt_text (stmt, 1));
      g_ptr_array_add (hits, hit);
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  for (guint i = 0; i < hits->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (hits, i);
      if (!describe_hit (self, hit, error))
        return NULL;
    }
  return g_steal_pointer (&hits);
}
