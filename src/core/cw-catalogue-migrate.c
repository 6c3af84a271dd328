/* cw-catalogue-migrate.c: schema 4 brings a workspace's own copy of the
 * catalogue up to catalogue 2, in which 6.2 and 7.5 are split into their
 * numbered sub-clauses, and moves the records that named a question whose
 * id changed.
 *
 * The copy: every clause and question of the built-in catalogue that the
 * copy lacks is added, and all of them are laid out in the built-in order.
 * Nothing already there is reworded, so an answer keeps referring to the
 * text its auditor saw. A clause that became a parent (6.2, 7.5) takes the
 * built-in's empty guidance and gives up its expected documented
 * information, which its sub-clauses now carry.
 *
 * The records: catalogue 1's questions of 6.2 and 7.5 moved, word for word,
 * under the sub-clause each one asks about (moved_questions). An answer or
 * an evidence item on one of them now names the new id: its revision is
 * raised, and the history gets an entry "question: old → new" followed by
 * the record's new content, so that `check` finds each row as its history
 * says. The entries name the upgrade as their author, not the person who
 * happened to open the file.
 *
 * What does not move, and why:
 * - findings name a clause, not a question, and "6.2" and "7.5" are still
 *   clauses (parents, like 8.5). Nothing in a finding says which sub-clause
 *   it was about; choosing one would put words in its auditor's mouth, so a
 *   finding on 7.5 stays on 7.5, where its auditor may still move it.
 * - audit scopes: a scope entry covers its sub-clauses
 *   (cw_clause_number_covers), so an audit of "7.5", or of "7", covers
 *   7.5.1 to 7.5.4 as it covered 7.5, and its content is unchanged.
 */
#define G_LOG_DOMAIN "cw-catalogue-migrate"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-catalogue-migrate.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

/* Who the history says made the upgrade's entries. */
#define UPGRADE_ACTOR "Clausewise (upgrade to schema 4)"

/* Catalogue 1's questions of 6.2 and 7.5, and where catalogue 2 has them.
 * Later catalogues must keep these targets, or change this step. */
static const struct
{
  const char *from;
  const char *to;
} moved_questions[] = {
  /* The objectives, where they come from, and the teams' part in them. */
  { "6.2.q1", "6.2.1.q1" },
  { "6.2.q3", "6.2.1.q2" },
  { "6.2.q4", "6.2.1.q3" },
  /* The plan for an objective that is behind. */
  { "6.2.q2", "6.2.2.q1" },
  /* Rules for writing, approving and updating documents. */
  { "7.5.q1", "7.5.2.q1" },
  /* The current version at hand, keeping records, outside documents. */
  { "7.5.q2", "7.5.3.q1" },
  { "7.5.q3", "7.5.3.q2" },
  { "7.5.q4", "7.5.3.q3" },
  /* The list of what the SMS documents. */
  { "7.5.q5", "7.5.4.q1" },
};

/* Whether the row `sql` looks up by `key` exists. */
static gboolean
row_exists (CwWorkspace *self, const char *sql, const char *key, gboolean *found,
            GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, key);
  if (!cw_stmt_row (stmt, found, error))
    return FALSE;
  cw_stmt_reset (stmt);
  return TRUE;
}

/* Runs `sql` with a number and a text bound, in that order. */
static gboolean
run_int_text (CwWorkspace *self, const char *sql, gint64 number, const char *text,
              GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, number);
  cw_stmt_bind_text (stmt, 2, text);
  return cw_stmt_run (stmt, error);
}

static gboolean
run_text (CwWorkspace *self, const char *sql, const char *first, const char *second,
          GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, first);
  if (second != NULL)
    cw_stmt_bind_text (stmt, 2, second);
  return cw_stmt_run (stmt, error);
}

/* Puts a built-in clause at `position`, adding it when the copy lacks it. A
 * parent carries only its sub-clauses, as in the built-in catalogue. */
static gboolean
place_clause (CwWorkspace *self, CwClause *clause, gint64 position, GError **error)
{
  const char *number = cw_clause_get_number (clause);
  gboolean found;
  if (!row_exists (self, "SELECT 1 FROM clause WHERE number = ?", number, &found, error))
    return FALSE;
  if (!found)
    return cw_workspace_insert_clause (self, clause, position, error);
  if (!run_int_text (self, "UPDATE clause SET position = ? WHERE number = ?", position, number,
                     error))
    return FALSE;
  if (cw_clause_is_leaf (clause))
    return TRUE;
  const char *guidance = cw_clause_get_guidance (clause);
  return run_text (self, "UPDATE clause SET guidance = ? WHERE number = ?",
                   guidance ? guidance : "", number, error)
         && run_text (self, "DELETE FROM expected_information WHERE clause = ?", number, NULL,
                      error);
}

/* Puts a built-in question at `position`, adding it when the copy lacks it;
 * one already there keeps its wording. */
static gboolean
place_question (CwWorkspace *self, CwClause *clause, CwQuestion *question, gint64 position,
                GError **error)
{
  const char *id = cw_question_get_id (question);
  gboolean found;
  if (!row_exists (self, "SELECT 1 FROM question WHERE id = ?", id, &found, error))
    return FALSE;
  if (found)
    return run_int_text (self, "UPDATE question SET position = ? WHERE id = ?", position, id,
                         error);
  CwStmt *stmt = cw_workspace_prepare (
    self, "INSERT INTO question (id, clause, position, text) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, id);
  cw_stmt_bind_text (stmt, 2, cw_clause_get_number (clause));
  cw_stmt_bind_int64 (stmt, 3, position);
  cw_stmt_bind_text (stmt, 4, cw_question_get_text (question));
  return cw_stmt_run (stmt, error);
}

/* Rows of the copy that the built-in catalogue does not have were left with
 * the negative positions that made room for the new layout: they follow it,
 * in their old order. */
static gboolean
place_leftovers (CwWorkspace *self, const char *select_sql, const char *update_sql,
                 gint64 next, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (keys, cw_stmt_dup_text (stmt, 0));
  if (rc != CW_STEP_DONE)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    if (!run_int_text (self, update_sql, next + i, g_ptr_array_index (keys, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
lay_out_catalogue (CwWorkspace *self, CwCatalogue *builtin, GError **error)
{
  /* Positions are UNIQUE: every row first moves out of the way, keeping its
   * order backwards in the negative numbers. */
  if (!cw_workspace_exec (self,
                          "UPDATE clause SET position = -1 - position;"
                          " UPDATE question SET position = -1 - position",
                          error))
    return FALSE;
  GPtrArray *clauses = cw_catalogue_get_clauses (builtin);
  gint64 question_position = 0;
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (!place_clause (self, clause, i, error))
        return FALSE;
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint q = 0; q < questions->len; q++)
        if (!place_question (self, clause, g_ptr_array_index (questions, q), question_position++,
                             error))
          return FALSE;
    }
  return place_leftovers (self,
                          "SELECT number FROM clause WHERE position < 0 ORDER BY position DESC",
                          "UPDATE clause SET position = ? WHERE number = ?", clauses->len, error);
}

/* The ids of the rows of `sql` for one question id. */
static GArray *
ids_for (CwWorkspace *self, const char *sql, const char *question, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_text (stmt, 1, question);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 id = cw_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

/* Points every `entity` record on question `from` at `to`, with its history. */
static gboolean
move_records (CwWorkspace *self, const char *entity, const char *select_sql,
              const char *update_sql, const char *from, const char *to, GError **error)
{
  g_autoptr (GArray) ids = ids_for (self, select_sql, from, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      CwStmt *stmt = cw_workspace_prepare (self, update_sql, error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, to);
      cw_stmt_bind_int64 (stmt, 2, id);
      if (!cw_stmt_run (stmt, error)
          || !cw_workspace_record (self, entity, id, "question", from, to, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
move_questions (CwWorkspace *self, CwCatalogue *builtin, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (moved_questions); i++)
    {
      const char *from = moved_questions[i].from, *to = moved_questions[i].to;
      if (cw_catalogue_lookup_question (builtin, to) == NULL
          || cw_catalogue_lookup_question (builtin, from) != NULL)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                       _("The built-in catalogue does not move question %s to %s"), from, to);
          return FALSE;
        }
      if (!move_records (self, "answer", "SELECT id FROM answer WHERE question = ? ORDER BY id",
                         "UPDATE answer SET question = ?, rev = rev + 1 WHERE id = ?", from, to,
                         error)
          || !move_records (self, "evidence",
                            "SELECT id FROM evidence WHERE question = ? ORDER BY id",
                            "UPDATE evidence SET question = ?, rev = rev + 1 WHERE id = ?", from,
                            to, error)
          || !run_text (self, "DELETE FROM question WHERE id = ?", from, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The workspace record says which catalogue its copy now is. */
static gboolean
record_catalogue_version (CwWorkspace *self, CwCatalogue *builtin, GError **error)
{
  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT catalogue_version FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !cw_stmt_expect_row (stmt, error))
    return FALSE;
  gint64 old_version = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);
  gint64 new_version = cw_catalogue_get_version (builtin);
  if (old_version == new_version)
    return TRUE;
  stmt = cw_workspace_prepare (
    self, "UPDATE workspace SET catalogue_version = ?, rev = rev + 1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, new_version);
  g_autofree char *old_text = g_strdup_printf ("%" PRId64, old_version);
  g_autofree char *new_text = g_strdup_printf ("%" PRId64, new_version);
  return cw_stmt_run (stmt, error)
         && cw_workspace_record (self, "workspace", 1, "catalogue_version", old_text, new_text,
                                 error);
}

static gboolean
migrate (CwWorkspace *self, CwCatalogue *builtin, GError **error)
{
  if (!lay_out_catalogue (self, builtin, error) || !move_questions (self, builtin, error))
    return FALSE;
  /* Only now are the moved questions gone, so that the ones left over are
   * only those the built-in catalogue never had. */
  return place_leftovers (self,
                          "SELECT id FROM question WHERE position < 0 ORDER BY position DESC",
                          "UPDATE question SET position = ? WHERE id = ?",
                          cw_catalogue_count_questions (builtin), error)
         && record_catalogue_version (self, builtin, error);
}

/* The `after` step of schema 4 (cw-schema.c), inside its transaction. */
gboolean
cw_catalogue_migrate_v4 (CwWorkspace *self, GError **error)
{
  g_autoptr (CwCatalogue) builtin = cw_catalogue_new_builtin (error);
  if (builtin == NULL)
    return FALSE;
  /* A copy of another standard's catalogue has none of these clauses. */
  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT catalogue_standard FROM workspace WHERE id = 1", error);
  g_autofree char *standard = NULL;
  if (stmt == NULL || !cw_stmt_first_text (stmt, &standard, error))
    return FALSE;
  if (g_strcmp0 (standard, cw_catalogue_get_standard (builtin)) != 0)
    return TRUE;

  g_autofree char *actor = g_strdup (cw_workspace_get_actor (self));
  cw_workspace_set_actor (self, UPGRADE_ACTOR);
  gboolean ok = migrate (self, builtin, error);
  cw_workspace_set_actor (self, actor);
  return ok;
}
