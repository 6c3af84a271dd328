/* cw-finding.c: raising and reading findings.
 *
 * The grading rule lives here: a nonconformity (minor or major) is only
 * recorded with all three parts of its statement, because a finding without
 * its requirement, evidence or statement cannot be defended to the auditee or
 * the certification body.
 */
#define G_LOG_DOMAIN "cw-finding"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

struct _CwFinding
{
  GObject parent_instance;
  gint64 id;
  gint64 audit_id;
  char *texts; /* owns the strings below */
  char *clause;
  CwGrade grade;
  char *requirement;
  char *evidence;
  char *statement;
  CwFindingStatus status;
  char *created_at;
};

G_DEFINE_FINAL_TYPE (CwFinding, cw_finding, G_TYPE_OBJECT)

static void
cw_finding_finalize (GObject *object)
{
  CwFinding *self = CW_FINDING (object);
  g_free (self->texts);
  G_OBJECT_CLASS (cw_finding_parent_class)->finalize (object);
}

static void
cw_finding_class_init (CwFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_finding_finalize;
}

static void
cw_finding_init (CwFinding *self)
{
}

gint64
cw_finding_get_id (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->id;
}

gint64
cw_finding_get_audit_id (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->audit_id;
}

const char *
cw_finding_get_clause (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->clause;
}

CwGrade
cw_finding_get_grade (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), CW_GRADE_OFI);
  return self->grade;
}

const char *
cw_finding_get_requirement (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->requirement;
}

const char *
cw_finding_get_evidence (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->evidence;
}

const char *
cw_finding_get_statement (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->statement;
}

CwFindingStatus
cw_finding_get_status (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), CW_FINDING_OPEN);
  return self->status;
}

const char *
cw_finding_get_created_at (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->created_at;
}

/* The rule for what a finding must say, by grade. */
gboolean
cw_finding_draft_check (const CwFindingDraft *draft, GError **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  const CwTextField fields[] = {
    { draft->requirement, CW_TEXT_LONG_MAX, N_("the requirement") },
    { draft->evidence, CW_TEXT_LONG_MAX, N_("the evidence") },
    { draft->statement, CW_TEXT_LONG_MAX, N_("the statement") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (cw_grade_is_nonconformity (draft->grade))
    {
      const char *missing = cw_text_is_blank (draft->requirement) ? _("the requirement")
                            : cw_text_is_blank (draft->evidence)  ? _("the evidence")
                            : cw_text_is_blank (draft->statement) ? _("the statement")
                                                          : NULL;
      if (missing != NULL)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                       draft->grade == CW_GRADE_MAJOR
                         ? _("A major nonconformity needs all three parts of its statement: "
                             "requirement, evidence and statement; %s is missing")
                         : _("A minor nonconformity needs all three parts of its statement: "
                             "requirement, evidence and statement; %s is missing"),
                       missing);
          return FALSE;
        }
    }
  else if (cw_text_is_blank (draft->evidence) && cw_text_is_blank (draft->statement))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("An observation or opportunity for improvement needs at least the "
                     "evidence seen or a statement of what could be better"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_clause (CwWorkspace *self, const CwFindingDraft *draft, GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  if (cw_catalogue_lookup_clause (catalogue, draft->clause) == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                   draft->clause ? draft->clause : "");
      return FALSE;
    }
  return cw_workspace_audit_accepts (self, draft->audit_id, draft->clause, error);
}

static gint64
insert_finding (CwWorkspace *self, const CwFindingDraft *draft, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO finding (audit, clause, grade, requirement, evidence, statement, created_at,"
    " uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *now = cw_timestamp_now ();
  cw_stmt_bind_int64 (stmt, 1, draft->audit_id);
  cw_stmt_bind_text (stmt, 2, draft->clause);
  cw_stmt_bind_text (stmt, 3, cw_grade_to_string (draft->grade));
  g_autofree char *requirement = cw_text_trimmed (draft->requirement);
  g_autofree char *evidence = cw_text_trimmed (draft->evidence);
  g_autofree char *statement = cw_text_trimmed (draft->statement);
  cw_stmt_bind_text (stmt, 4, requirement);
  cw_stmt_bind_text (stmt, 5, evidence);
  cw_stmt_bind_text (stmt, 6, statement);
  cw_stmt_bind_text (stmt, 7, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 8, uuid);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  const char *searchable[] = { draft->clause, requirement, evidence, statement, NULL };
  if (!cw_search_index_put (self, CW_SEARCH_FINDING, id, searchable, error))
    return 0;
  const char *fields[] = { draft->clause, cw_grade_to_string (draft->grade), requirement, evidence,
                           statement };
  g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
  return cw_workspace_record (self, "finding", id, "created", NULL, content, error) ? id : 0;
}

/* Returns the new finding's id, or 0 with `error` set. */
gint64
cw_workspace_create_finding (CwWorkspace *self, const CwFindingDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!cw_finding_draft_check (draft, error) || !check_clause (self, draft, error)
      || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_finding (self, draft, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

#define FINDING_COLUMNS                                                                            \
  "id, audit, clause, grade, requirement, evidence, statement, status, created_at"

/* The texts of a finding share one allocation: listing 100,000 findings
 * then makes 200,000 allocations instead of 600,000, which keeps the
 * allocator quick when they are freed again. */
static CwFinding *
finding_from_row (CwStmt *row)
{
  static const int columns[] = { 2, 4, 5, 6, 8 };
  const char *texts[G_N_ELEMENTS (columns)];
  gsize lengths[G_N_ELEMENTS (columns)];
  gsize total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      texts[i] = cw_stmt_text (row, columns[i]);
      lengths[i] = texts[i] ? strlen (texts[i]) : 0;
      total += lengths[i] + 1;
    }
  CwFinding *self = g_object_new (CW_TYPE_FINDING, NULL);
  self->texts = g_malloc (total);
  char **fields[] = { &self->clause, &self->requirement, &self->evidence, &self->statement,
                      &self->created_at };
  char *next = self->texts;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      *fields[i] = memcpy (next, texts[i] ? texts[i] : "", lengths[i]);
      next[lengths[i]] = '\0';
      next += lengths[i] + 1;
    }
  self->id = cw_stmt_int64 (row, 0);
  self->audit_id = cw_stmt_int64 (row, 1);
  cw_grade_from_string (cw_stmt_text (row, 3), &self->grade);
  cw_finding_status_from_string (cw_stmt_text (row, 7), &self->status);
  return self;
}

CwFinding *
cw_workspace_get_finding (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " FINDING_COLUMNS " FROM finding WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  int rc = cw_stmt_step (stmt, error);
  CwFinding *finding = rc == CW_STEP_ROW ? finding_from_row (stmt) : NULL;
  if (rc == CW_STEP_DONE)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no finding %" PRId64 " in this workspace"), id);
  cw_stmt_reset (stmt);
  return finding;
}

static GPtrArray *
collect_findings (CwWorkspace *self, CwStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (findings, finding_from_row (stmt));
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&findings);
}

/* Calls `func` with each finding of an audit (all audits when 0), oldest
 * first, without holding them all: a listing of 100,000 findings runs in
 * the memory of one. `func` may keep a reference; it must not edit the
 * workspace while the walk goes on. */
gboolean
cw_workspace_foreach_finding (CwWorkspace *self, gint64 audit_id, CwFindingFunc func,
                              gpointer user_data, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Two statements rather than "?1 = 0 OR audit = ?1", which would keep
   * SQLite from using the audit index. */
  CwStmt *stmt
    = audit_id == 0
        ? cw_workspace_prepare (self, "SELECT " FINDING_COLUMNS " FROM finding ORDER BY id", error)
        : cw_workspace_prepare (
            self, "SELECT " FINDING_COLUMNS " FROM finding WHERE audit = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  if (audit_id != 0)
    cw_stmt_bind_int64 (stmt, 1, audit_id);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_autoptr (CwFinding) finding = finding_from_row (stmt);
      func (finding, user_data);
    }
  return rc == CW_STEP_DONE;
}

static void
add_finding (CwFinding *finding, gpointer findings)
{
  g_ptr_array_add (findings, g_object_ref (finding));
}

/* The findings of one audit, or of all audits when `audit_id` is 0, in the
 * order they were raised. */
GPtrArray *
cw_workspace_list_findings (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  if (!cw_workspace_foreach_finding (self, audit_id, add_finding, findings, error))
    return NULL;
  return g_steal_pointer (&findings);
}

/* The findings an audit raised against one clause: what the checklist shows
 * under each question, read through the (audit, clause) index rather than
 * by listing the whole audit. */
GPtrArray *
cw_workspace_list_clause_findings (CwWorkspace *self, gint64 audit_id, const char *clause,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (clause != NULL, NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " FINDING_COLUMNS " FROM finding WHERE audit = ? AND clause = ? ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  cw_stmt_bind_text (stmt, 2, clause);
  return collect_findings (self, stmt, error);
}

/* Every finding's id, newest first: what a list of 100,000 findings keeps in
 * memory (8 bytes a row), making each row's object only when it is shown. */
GArray *
cw_workspace_list_finding_ids (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  return cw_workspace_query_ids (self, "SELECT id FROM finding ORDER BY id DESC", error);
}
