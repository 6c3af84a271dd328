/* cw-audit.c: planning audits and recording checklist answers. */
#define G_LOG_DOMAIN "cw-audit"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

struct _CwAudit
{
  GObject parent_instance;
  gint64 id;
  gint64 rev;
  char *title;
  char *objectives;
  char *criteria;
  GStrv scope;
  char *planned_start;
  char *planned_end;
  char *lead_auditor;
  char *team;
  char *auditees;
  CwAuditStatus status;
  char *sites;
  char *opening_on;
  char *opening_attendees;
  char *closing_on;
  char *closing_attendees;
  char *auditee_response;
  char *diverging_opinions;
  guint version;
  char *issued_on;
};

G_DEFINE_FINAL_TYPE (CwAudit, cw_audit, G_TYPE_OBJECT)

static void
cw_audit_finalize (GObject *object)
{
  CwAudit *self = CW_AUDIT (object);
  g_free (self->title);
  g_free (self->objectives);
  g_free (self->criteria);
  g_strfreev (self->scope);
  g_free (self->planned_start);
  g_free (self->planned_end);
  g_free (self->lead_auditor);
  g_free (self->team);
  g_free (self->auditees);
  g_free (self->sites);
  g_free (self->opening_on);
  g_free (self->opening_attendees);
  g_free (self->closing_on);
  g_free (self->closing_attendees);
  g_free (self->auditee_response);
  g_free (self->diverging_opinions);
  g_free (self->issued_on);
  G_OBJECT_CLASS (cw_audit_parent_class)->finalize (object);
}

static void
cw_audit_class_init (CwAuditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_audit_finalize;
}

static void
cw_audit_init (CwAudit *self)
{
}

gint64
cw_audit_get_id (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), 0);
  return self->id;
}

const char *
cw_audit_get_title (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->title;
}

const char *
cw_audit_get_objectives (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->objectives;
}

const char *
cw_audit_get_criteria (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->criteria;
}

const char *const *
cw_audit_get_scope (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return (const char *const *) self->scope;
}

const char *
cw_audit_get_planned_start (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->planned_start;
}

const char *
cw_audit_get_planned_end (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->planned_end;
}

const char *
cw_audit_get_lead_auditor (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->lead_auditor;
}

const char *
cw_audit_get_team (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->team;
}

const char *
cw_audit_get_auditees (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), NULL);
  return self->auditees;
}

CwAuditStatus
cw_audit_get_status (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), CW_AUDIT_PLANNED);
  return self->status;
}

#define TEXT_GETTER(field)                                                                         \
  const char *cw_audit_get_##field (CwAudit *self)                                                \
  {                                                                                                \
    g_return_val_if_fail (CW_IS_AUDIT (self), NULL);                                               \
    return self->field;                                                                            \
  }

TEXT_GETTER (sites)
TEXT_GETTER (opening_on)
TEXT_GETTER (opening_attendees)
TEXT_GETTER (closing_on)
TEXT_GETTER (closing_attendees)
TEXT_GETTER (auditee_response)
TEXT_GETTER (diverging_opinions)
TEXT_GETTER (issued_on)

/* The version of the report last issued; 0 when none has been. */
guint
cw_audit_get_version (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), 0);
  return self->version;
}

gint64
cw_audit_get_rev (CwAudit *self)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), 0);
  return self->rev;
}

gboolean
cw_audit_covers (CwAudit *self, const char *clause_number)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), FALSE);
  for (guint i = 0; self->scope[i] != NULL; i++)
    if (cw_clause_number_covers (self->scope[i], clause_number))
      return TRUE;
  return FALSE;
}

/* Whether a clause belongs in the audit's checklist tree: it is in scope, or
 * it holds a sub-clause that is (so "8" shows when only "8.1" was chosen). */
gboolean
cw_audit_reaches (CwAudit *self, const char *clause_number)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), FALSE);
  if (cw_audit_covers (self, clause_number))
    return TRUE;
  for (guint i = 0; self->scope[i] != NULL; i++)
    if (cw_clause_number_covers (clause_number, self->scope[i]))
      return TRUE;
  return FALSE;
}

static void
set_no_such_audit (GError **error, gint64 id)
{
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no audit %" PRId64 " in this workspace; "
                 "“clausewise-cli audit list” shows the audits"),
               id);
}

/* The one rule for adding work to an audit: it exists, is not closed, and
 * the clause (when there is one) is within its scope. */
static gboolean
accepts (gint64 id, CwAuditStatus status, const char *const *scope, const char *clause,
         GError **error)
{
  if (status == CW_AUDIT_CLOSED)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("Audit %" PRId64 " is closed; nothing in it can change any more"),
                   id);
      return FALSE;
    }
  if (status == CW_AUDIT_REPORTED)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("The report of audit %" PRId64 " has been issued, so its record is frozen; "
                     "revise the audit first (with the reason), which makes a new version"),
                   id);
      return FALSE;
    }
  if (clause == NULL)
    return TRUE;
  for (guint i = 0; scope[i] != NULL; i++)
    if (cw_clause_number_covers (scope[i], clause))
      return TRUE;
  g_autofree char *listed = g_strjoinv (", ", (char **) scope);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
               _("Clause %s is outside the scope of audit %" PRId64
                 " (%s); widen the audit's scope first"),
               clause, id, listed);
  return FALSE;
}

gboolean
cw_audit_accepts (CwAudit *self, const char *clause_number, GError **error)
{
  g_return_val_if_fail (CW_IS_AUDIT (self), FALSE);
  return accepts (self->id, self->status, (const char *const *) self->scope, clause_number, error);
}

/* cw_audit_accepts without building the audit: the check every new finding
 * makes, so it reads only the status and the scope, in one query. */
gboolean
cw_workspace_audit_accepts (CwWorkspace *self, gint64 audit_id, const char *clause_number,
                            GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.status, s.clause FROM audit a JOIN audit_scope s ON s.audit = a.id WHERE a.id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GStrvBuilder) scope = g_strv_builder_new ();
  CwAuditStatus status = CW_AUDIT_PLANNED;
  gboolean found = FALSE;
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      found = TRUE;
      cw_audit_status_from_string (cw_stmt_text (stmt, 0), &status);
      g_strv_builder_add (scope, cw_stmt_text (stmt, 1));
    }
  if (!(rc == CW_STEP_DONE))
    return FALSE;
  if (!found)
    {
      set_no_such_audit (error, audit_id);
      return FALSE;
    }
  g_auto (GStrv) listed = g_strv_builder_end (scope);
  return accepts (audit_id, status, (const char *const *) listed, clause_number, error);
}

static gboolean
check_optional_date (const char *date, GError **error)
{
  return date == NULL || *date == '\0' || cw_date_check (date, error);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
check_draft (const CwAuditDraft *draft, GError **error)
{
  const CwTextField fields[] = {
    { draft->title, CW_TEXT_SHORT_MAX, N_("the audit's title") },
    { draft->objectives, CW_TEXT_LONG_MAX, N_("the objectives") },
    { draft->criteria, CW_TEXT_LONG_MAX, N_("the criteria") },
    { draft->planned_start, CW_TEXT_SHORT_MAX, N_("the start date") },
    { draft->planned_end, CW_TEXT_SHORT_MAX, N_("the end date") },
    { draft->lead_auditor, CW_TEXT_SHORT_MAX, N_("the lead auditor") },
    { draft->team, CW_TEXT_LONG_MAX, N_("the audit team") },
    { draft->auditees, CW_TEXT_LONG_MAX, N_("the auditees") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (cw_text_is_blank (draft->title))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("An audit needs a title, such as “Internal audit Q3: change management”"));
      return FALSE;
    }
  if (!check_optional_date (draft->planned_start, error)
      || !check_optional_date (draft->planned_end, error))
    return FALSE;
  if (draft->planned_start && *draft->planned_start && draft->planned_end && *draft->planned_end
      && strcmp (draft->planned_end, draft->planned_start) < 0)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("The audit ends (%s) before it starts (%s); check the dates"),
                   draft->planned_end, draft->planned_start);
      return FALSE;
    }
  return TRUE;
}

static void
bind_optional (CwStmt *stmt, int column, const char *text)
{
  cw_stmt_bind_text (stmt, column, text && *text ? text : NULL);
}

static gint64
insert_audit (CwWorkspace *self, const CwAuditDraft *draft, const char *const *scope,
              GError **error)
{
  g_autofree char *now = cw_timestamp_now ();
  g_autofree char *title = cw_text_trimmed (draft->title);
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO audit (id, title, objectives, criteria, planned_start, planned_end,"
    " lead_auditor, team, auditees, created_at, uuid) VALUES ("
    /* Never the number of a deleted audit, not even the last one's (which
     * SQLite would give again): the history remembers every audit. */
    " (SELECT max (coalesce ((SELECT max (id) FROM audit), 0),"
    "  coalesce ((SELECT max (entity_id) FROM history WHERE entity = 'audit'), 0)) + 1),"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  cw_stmt_bind_text (stmt, 1, title);
  cw_stmt_bind_text (stmt, 2, or_empty (draft->objectives));
  cw_stmt_bind_text (stmt, 3, or_empty (draft->criteria));
  bind_optional (stmt, 4, draft->planned_start);
  bind_optional (stmt, 5, draft->planned_end);
  cw_stmt_bind_text (stmt, 6, or_empty (draft->lead_auditor));
  cw_stmt_bind_text (stmt, 7, or_empty (draft->team));
  cw_stmt_bind_text (stmt, 8, or_empty (draft->auditees));
  cw_stmt_bind_text (stmt, 9, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 10, uuid);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);

  for (guint i = 0; scope[i] != NULL; i++)
    {
      stmt = cw_workspace_prepare (self, "INSERT INTO audit_scope (audit, clause) VALUES (?, ?)",
                                   error);
      if (stmt == NULL)
        return 0;
      cw_stmt_bind_int64 (stmt, 1, id);
      cw_stmt_bind_text (stmt, 2, scope[i]);
      if (!cw_stmt_run (stmt, error))
        return 0;
    }
  g_autofree char *scope_text = g_strjoinv (", ", (char **) scope);
  if (!cw_workspace_record (self, "audit", id, "created", NULL, title, error)
      || !cw_workspace_record (self, "audit", id, "scope", NULL, scope_text, error))
    return 0;
  return id;
}

/* Returns the new audit's id, or 0 with `error` set. */
gint64
cw_workspace_create_audit (CwWorkspace *self, const CwAuditDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  CwCatalogue *catalogue;
  if (!check_draft (draft, error)
      || (catalogue = cw_workspace_load_catalogue (self, error)) == NULL)
    return 0;
  g_auto (GStrv) scope = cw_catalogue_normalise_scope (catalogue, draft->scope, error);
  if (scope == NULL)
    return 0;
  g_autoptr (GPtrArray) independence = cw_independence_assess (
    self, 0, draft->lead_auditor, draft->team, (const char *const *) scope,
    draft->justifications, draft->n_justifications, error);
  if (independence == NULL || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_audit (self, draft, (const char *const *) scope, error);
  gboolean ok = id != 0 && cw_independence_store (self, id, independence, NULL, error);
  return cw_workspace_edit_end (self, ok, error) ? id : 0;
}

/* Scope clauses the audit holds work on (answers, findings or evidence)
 * that `scope` would leave out, as "8.6.1, 9.2"; NULL when none. */
static char *
work_outside (CwWorkspace *self, gint64 audit_id, const char *const *scope, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT DISTINCT clause FROM (SELECT q.clause FROM answer a JOIN question q"
    " ON q.id = a.question WHERE a.audit = ?1 UNION SELECT clause FROM finding WHERE audit = ?1"
    " UNION SELECT q.clause FROM evidence e JOIN question q ON q.id = e.question"
    " WHERE e.audit = ?1) ORDER BY clause",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GString) outside = g_string_new (NULL);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *clause = cw_stmt_text (stmt, 0);
      gboolean covered = FALSE;
      for (guint i = 0; scope[i] != NULL && !covered; i++)
        covered = cw_clause_number_covers (scope[i], clause);
      if (!covered)
        g_string_append_printf (outside, "%s%s", outside->len ? ", " : "", clause);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_string_free (g_steal_pointer (&outside), FALSE);
}

/* Corrects the details of the audit as it was loaded (`loaded` carries the
 * id and revision it was read at): a change made meanwhile elsewhere is not
 * overwritten. An issued or closed audit refuses, and the scope cannot
 * leave out a clause the audit already holds work on. */
gboolean
cw_workspace_update_audit (CwWorkspace *self, CwAudit *loaded, const CwAuditDraft *draft,
                           GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (CW_IS_AUDIT (loaded), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  CwCatalogue *catalogue;
  if (!cw_audit_accepts (loaded, NULL, error) || !check_draft (draft, error)
      || (catalogue = cw_workspace_load_catalogue (self, error)) == NULL)
    return FALSE;
  g_auto (GStrv) scope = cw_catalogue_normalise_scope (catalogue, draft->scope, error);
  if (scope == NULL)
    return FALSE;
  g_autofree char *outside = work_outside (self, loaded->id, (const char *const *) scope, error);
  if (outside == NULL)
    return FALSE;
  if (*outside != '\0')
    {
      cw_set_invalid (error, _("The audit already holds answers, findings or evidence on %s; "
                               "keep those clauses in its scope"),
                      outside);
      return FALSE;
    }
  g_autoptr (GPtrArray) independence = cw_independence_assess (
    self, loaded->id, draft->lead_auditor, draft->team, (const char *const *) scope,
    draft->justifications, draft->n_justifications, error);
  if (independence == NULL)
    return FALSE;
  g_autoptr (GHashTable) recorded = cw_independence_recorded (self, loaded->id, error);
  if (recorded == NULL)
    return FALSE;
  g_autofree char *title = cw_text_trimmed (draft->title);
  g_autofree char *old_scope = g_strjoinv (", ", loaded->scope);
  g_autofree char *new_scope = g_strjoinv (", ", scope);
  struct
  {
    const char *field;
    const char *old_value;
    const char *new_value;
  } changes[] = {
    { "title", loaded->title, title },
    { "objectives", loaded->objectives, or_empty (draft->objectives) },
    { "criteria", loaded->criteria, or_empty (draft->criteria) },
    { "planned_start", loaded->planned_start, draft->planned_start },
    { "planned_end", loaded->planned_end, draft->planned_end },
    { "lead_auditor", loaded->lead_auditor, or_empty (draft->lead_auditor) },
    { "team", loaded->team, or_empty (draft->team) },
    { "auditees", loaded->auditees, or_empty (draft->auditees) },
    { "scope", old_scope, new_scope },
  };
  gboolean changed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    changed |= g_strcmp0 (changes[i].old_value ? changes[i].old_value : "",
                          changes[i].new_value ? changes[i].new_value : "")
               != 0;
  changed |= cw_independence_has_pending (independence);
  if (!changed)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE audit SET title = ?, objectives = ?, criteria = ?, planned_start = ?,"
    " planned_end = ?, lead_auditor = ?, team = ?, auditees = ?, rev = rev + 1"
    " WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, title);
      cw_stmt_bind_text (stmt, 2, or_empty (draft->objectives));
      cw_stmt_bind_text (stmt, 3, or_empty (draft->criteria));
      bind_optional (stmt, 4, draft->planned_start);
      bind_optional (stmt, 5, draft->planned_end);
      cw_stmt_bind_text (stmt, 6, or_empty (draft->lead_auditor));
      cw_stmt_bind_text (stmt, 7, or_empty (draft->team));
      cw_stmt_bind_text (stmt, 8, or_empty (draft->auditees));
      cw_stmt_bind_int64 (stmt, 9, loaded->id);
      cw_stmt_bind_int64 (stmt, 10, loaded->rev);
      ok = cw_workspace_run_update (self, stmt, "audit", loaded->id, error);
    }
  if (ok && g_strcmp0 (old_scope, new_scope) != 0)
    {
      CwStmt *clear = cw_workspace_prepare (self, "DELETE FROM audit_scope WHERE audit = ?", error);
      ok = clear != NULL;
      if (ok)
        {
          cw_stmt_bind_int64 (clear, 1, loaded->id);
          ok = cw_stmt_run (clear, error);
        }
      for (guint i = 0; ok && scope[i] != NULL; i++)
        {
          CwStmt *put = cw_workspace_prepare (
            self, "INSERT INTO audit_scope (audit, clause) VALUES (?, ?)", error);
          ok = put != NULL;
          if (ok)
            {
              cw_stmt_bind_int64 (put, 1, loaded->id);
              cw_stmt_bind_text (put, 2, scope[i]);
              ok = cw_stmt_run (put, error);
            }
        }
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (changes); i++)
    ok = cw_workspace_record_change (self, "audit", loaded->id, changes[i].field,
                                     changes[i].old_value ? changes[i].old_value : "",
                                     changes[i].new_value ? changes[i].new_value : "", error);
  ok = ok && cw_independence_store (self, loaded->id, independence, recorded, error);
  return cw_workspace_edit_end (self, ok, error);
}

#define AUDIT_COLUMNS                                                                              \
  "id, title, objectives, criteria, planned_start, planned_end, lead_auditor, team, auditees,"    \
  " status, rev, sites, opening_on, opening_attendees, closing_on,"                 \
  " closing_attendees, auditee_response, diverging_opinions,"                                     \
  " (SELECT max (version) FROM audit_issue WHERE audit_issue.audit = audit.id"                  \
  "  AND issued_on IS NOT NULL),"                                                                  \
  " (SELECT issued_on FROM audit_issue WHERE audit_issue.audit = audit.id"                       \
  "  AND issued_on IS NOT NULL ORDER BY version DESC LIMIT 1)"

static CwAudit *
audit_from_row (CwWorkspace *workspace, CwStmt *row, GError **error)
{
  g_autoptr (CwAudit) self = g_object_new (CW_TYPE_AUDIT, NULL);
  self->id = cw_stmt_int64 (row, 0);
  self->title = cw_stmt_dup_text (row, 1);
  self->objectives = cw_stmt_dup_text (row, 2);
  self->criteria = cw_stmt_dup_text (row, 3);
  self->planned_start = cw_stmt_dup_text (row, 4);
  self->planned_end = cw_stmt_dup_text (row, 5);
  self->lead_auditor = cw_stmt_dup_text (row, 6);
  self->team = cw_stmt_dup_text (row, 7);
  self->auditees = cw_stmt_dup_text (row, 8);
  cw_audit_status_from_string (cw_stmt_text (row, 9), &self->status);
  self->rev = cw_stmt_int64 (row, 10);
  char **texts[] = { &self->sites, &self->opening_on,
                     &self->opening_attendees, &self->closing_on, &self->closing_attendees,
                     &self->auditee_response, &self->diverging_opinions };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    *texts[i] = cw_stmt_dup_text (row, 11 + i);
  self->version = (guint) cw_stmt_int64 (row, 18);
  self->issued_on = cw_stmt_dup_text (row, 19);

  /* Document order comes from the catalogue copy's positions. */
  CwStmt *scope = cw_workspace_prepare (
    workspace,
    "SELECT s.clause FROM audit_scope s JOIN clause c ON c.number = s.clause"
    " WHERE s.audit = ? ORDER BY c.position",
    error);
  if (scope == NULL)
    return NULL;
  cw_stmt_bind_int64 (scope, 1, self->id);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  CwStep rc;
  while ((rc = cw_stmt_step (scope, error)) == CW_STEP_ROW)
    g_strv_builder_add (builder, cw_stmt_text (scope, 0));
  if (rc != CW_STEP_DONE)
    return NULL;
  self->scope = g_strv_builder_end (builder);
  return g_steal_pointer (&self);
}

GPtrArray *
cw_workspace_list_audits (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  g_autoptr (GArray) ids
    = cw_workspace_query_ids (self, "SELECT id FROM audit ORDER BY id", error);
  if (ids == NULL)
    return NULL;
  g_autoptr (GPtrArray) audits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      CwAudit *audit = cw_workspace_get_audit (self, g_array_index (ids, gint64, i), error);
      if (audit == NULL)
        return NULL;
      g_ptr_array_add (audits, audit);
    }
  return g_steal_pointer (&audits);
}

CwAudit *
cw_workspace_get_audit (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " AUDIT_COLUMNS " FROM audit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  int rc = cw_stmt_step (stmt, error);
  if (rc == CW_STEP_ROW)
    {
      CwAudit *audit = audit_from_row (self, stmt, error);
      cw_stmt_reset (stmt);
      return audit;
    }
  if (rc == CW_STEP_DONE)
    set_no_such_audit (error, id);
  return NULL;
}

gboolean
cw_workspace_get_audit_progress (CwWorkspace *self, CwAudit *audit, CwAuditProgress *progress,
                                 GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (CW_IS_AUDIT (audit), FALSE);

  *progress = (CwAuditProgress) { 0 };
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (cw_audit_covers (audit, cw_clause_get_number (clause)))
        progress->total += cw_clause_get_questions (clause)->len;
    }

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT count(*) FROM answer WHERE audit = ? AND result <> 'not-assessed'", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit->id);
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  progress->answered = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);

  stmt = cw_workspace_prepare (
    self, "SELECT grade, count(*) FROM finding WHERE audit = ? GROUP BY grade", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit->id);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwGrade grade;
      if (cw_grade_from_string (cw_stmt_text (stmt, 0), &grade))
        progress->findings[grade] = cw_stmt_int64 (stmt, 1);
    }
  return rc == CW_STEP_DONE;
}

/* ---- Answers ----------------------------------------------------------- */

static gboolean
check_answerable (CwWorkspace *self, CwAudit *audit, const char *question_id, GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  CwQuestion *question = cw_catalogue_lookup_question (catalogue, question_id);
  if (question == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no question “%s”; “clausewise-cli catalogue --questions” lists "
                     "them"),
                   question_id);
      return FALSE;
    }
  if (!cw_audit_accepts (audit, cw_clause_get_number (cw_question_get_clause (question)), error))
    {
      g_prefix_error (error, _("Question %s: "), question_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_answer (CwWorkspace *self, CwAudit *audit, const char *question_id, const char *result,
              const char *note, GError **error)
{
  CwStmt *find = cw_workspace_prepare (
    self, "SELECT id, result, note FROM answer WHERE audit = ? AND question = ?", error);
  if (find == NULL)
    return FALSE;
  cw_stmt_bind_int64 (find, 1, audit->id);
  cw_stmt_bind_text (find, 2, question_id);
  gboolean exists;
  if (!cw_stmt_row (find, &exists, error))
    return FALSE;
  gint64 id = exists ? cw_stmt_int64 (find, 0) : 0;
  g_autofree char *old_result = exists ? cw_stmt_dup_text (find, 1) : NULL;
  g_autofree char *old_note = exists ? cw_stmt_dup_text (find, 2) : NULL;
  cw_stmt_reset (find);
  /* Saving what is already stored is no edit: nothing is written. */
  if (exists && g_strcmp0 (old_result, result) == 0 && g_strcmp0 (old_note, note) == 0)
    return TRUE;

  g_autofree char *now = cw_timestamp_now ();
  g_autofree char *uuid = cw_record_new_uuid ();
  CwStmt *write = cw_workspace_prepare (
    self,
    "INSERT INTO answer (audit, question, result, note, answered_at, answered_by, uuid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (audit, question) DO UPDATE SET"
    " result = ?3, note = ?4, answered_at = ?5, answered_by = ?6, rev = rev + 1",
    error);
  if (write == NULL)
    return FALSE;
  cw_stmt_bind_int64 (write, 1, audit->id);
  cw_stmt_bind_text (write, 2, question_id);
  cw_stmt_bind_text (write, 3, result);
  cw_stmt_bind_text (write, 4, note);
  cw_stmt_bind_text (write, 5, now);
  cw_stmt_bind_text (write, 6, cw_workspace_get_actor (self));
  cw_stmt_bind_text (write, 7, uuid);
  if (!cw_stmt_run (write, error))
    return FALSE;
  if (!exists)
    id = cw_workspace_last_insert_id (self);
  const char *searchable[] = { note, NULL };
  if (!cw_search_index_put (self, CW_SEARCH_ANSWER, id, searchable, error))
    return FALSE;

  return cw_workspace_record_change (self, "answer", id, "result", old_result, result, error)
         && cw_workspace_record_change (self, "answer", id, "note", old_note ? old_note : "", note, error);
}

/* Moves an audit to a status and records the move in its history; the
 * caller has checked that the move is allowed. */
gboolean
cw_audit_store_status (CwWorkspace *self, CwAudit *audit, CwAuditStatus status, GError **error)
{
  CwStmt *stmt
    = cw_workspace_prepare (self, "UPDATE audit SET status = ?, rev = rev + 1 WHERE id = ? AND rev = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, cw_audit_status_to_string (status));
  cw_stmt_bind_int64 (stmt, 2, audit->id);
  cw_stmt_bind_int64 (stmt, 3, audit->rev);
  return cw_workspace_run_update (self, stmt, "audit", audit->id, error)
         && cw_workspace_record (self, "audit", audit->id, "status",
                                 cw_audit_status_to_string (audit->status),
                                 cw_audit_status_to_string (status), error);
}

static gboolean
start_audit_if_planned (CwWorkspace *self, CwAudit *audit, GError **error)
{
  return audit->status != CW_AUDIT_PLANNED
         || cw_audit_store_status (self, audit, CW_AUDIT_IN_PROGRESS, error);
}

/* Records the result of one question; the first answer starts the audit. */
gboolean
cw_workspace_answer (CwWorkspace *self, gint64 audit_id, const char *question_id, CwResult result,
                     const char *note, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (!cw_text_check (note, CW_TEXT_LONG_MAX, _("the note"), error))
    return FALSE;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL || !check_answerable (self, audit, question_id, error)
      || !cw_audit_check_grade (self, audit_id, question_id, result, 0, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  gboolean ok
    = store_answer (self, audit, question_id, cw_result_to_string (result), note ? note : "", error)
      && start_audit_if_planned (self, audit, error);
  return cw_workspace_edit_end (self, ok, error);
}

void
cw_answer_free (CwAnswer *answer)
{
  g_free (answer->question);
  g_free (answer->note);
  g_free (answer->answered_at);
  g_free (answer->answered_by);
  g_free (answer);
}

/* The audit's answers in catalogue order. */
GPtrArray *
cw_workspace_list_answers (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.question, a.result, a.note, a.answered_at, a.answered_by FROM answer a"
    " JOIN question q ON q.id = a.question WHERE a.audit = ? ORDER BY q.position",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_answer_free);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwAnswer *answer = g_new0 (CwAnswer, 1);
      answer->question = cw_stmt_dup_text (stmt, 0);
      cw_result_from_string (cw_stmt_text (stmt, 1), &answer->result);
      answer->note = cw_stmt_dup_text (stmt, 2);
      answer->answered_at = cw_stmt_dup_text (stmt, 3);
      answer->answered_by = cw_stmt_dup_text (stmt, 4);
      g_ptr_array_add (answers, answer);
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  return g_steal_pointer (&answers);
}

/* Question id → CwAnswer (borrowed from `answers`). */
GHashTable *
cw_answers_by_question (GPtrArray *answers)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < answers->len; i++)
    {
      CwAnswer *answer = g_ptr_array_index (answers, i);
      g_hash_table_insert (index, answer->question, answer);
    }
  return index;
}

/* The result recorded for a question in an index from cw_answers_by_question;
 * a question never answered is not assessed. */
CwResult
cw_answers_result (GHashTable *answers_by_question, const char *question_id)
{
  CwAnswer *answer = g_hash_table_lookup (answers_by_question, question_id);
  return answer != NULL ? answer->result : CW_RESULT_NOT_ASSESSED;
}

/* How far the audit has answered a clause and its sub-clauses, counting only
 * questions in its scope, and the most severe result among them: what the
 * checklist tree shows beside each clause. */
void
cw_clause_summarise (CwAudit *audit, CwClause *clause, GHashTable *answers_by_question,
                     guint *answered, guint *total, CwResult *worst)
{
  const char *number = cw_clause_get_number (clause);
  if (!cw_audit_reaches (audit, number))
    return;
  GPtrArray *questions = cw_clause_get_questions (clause);
  for (guint i = 0; cw_audit_covers (audit, number) && i < questions->len; i++)
    {
      CwQuestion *question = g_ptr_array_index (questions, i);
      CwResult result = cw_answers_result (answers_by_question, cw_question_get_id (question));
      (*total)++;
      if (result == CW_RESULT_NOT_ASSESSED)
        continue;
      (*answered)++;
      *worst = MAX (*worst, result);
    }
  GPtrArray *children = cw_clause_get_children (clause);
  for (guint i = 0; i < children->len; i++)
    cw_clause_summarise (audit, g_ptr_array_index (children, i), answers_by_question, answered,
                         total, worst);
}

static gboolean
drop_audit (CwWorkspace *self, CwAudit *audit, GError **error)
{
  /* The search index is kept by the core, not by cascades: drop the
   * audit's entries first, then the rows. */
  CwStmt *unindex = cw_workspace_prepare (
    self,
    "DELETE FROM search_index WHERE rowid IN (SELECT id * 8 FROM finding WHERE audit = ?1"
    " UNION ALL SELECT id * 8 + 1 FROM answer WHERE audit = ?1"
    " UNION ALL SELECT id * 8 + 2 FROM evidence WHERE audit = ?1)",
    error);
  if (unindex == NULL)
    return FALSE;
  cw_stmt_bind_int64 (unindex, 1, audit->id);
  if (!cw_stmt_run (unindex, error))
    return FALSE;
  /* Its answers, findings and evidence go with it: the history records
   * that they are gone, so that check does not take them for tampering. */
  static const char *const children[][2] = {
    { "answer", "SELECT id FROM answer WHERE audit = ?" },
    { "finding", "SELECT id FROM finding WHERE audit = ?" },
    { "evidence", "SELECT id FROM evidence WHERE audit = ?" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      CwStmt *list = cw_workspace_prepare (self, children[i][1], error);
      if (list == NULL)
        return FALSE;
      cw_stmt_bind_int64 (list, 1, audit->id);
      CwStep rc;
      while ((rc = cw_stmt_step (list, error)) == CW_STEP_ROW)
        cw_workspace_touch (self, children[i][0], cw_stmt_int64 (list, 0));
      if (rc != CW_STEP_DONE)
        return FALSE;
    }
  CwStmt *drop = cw_workspace_prepare (self, "DELETE FROM audit WHERE id = ?", error);
  if (drop == NULL)
    return FALSE;
  cw_stmt_bind_int64 (drop, 1, audit->id);
  return cw_stmt_run (drop, error)
         && cw_workspace_record (self, "audit", audit->id, "deleted", audit->title, NULL, error);
}

/* A reported or closed audit is certification evidence, and an audit whose
 * findings have corrective actions would leave those actions without their
 * reason: neither may be deleted. */
gboolean
cw_audit_can_delete (CwWorkspace *workspace, CwAudit *audit, GError **error)
{
  g_return_val_if_fail (CW_IS_AUDIT (audit), FALSE);
  if (audit->status == CW_AUDIT_REPORTED || audit->status == CW_AUDIT_CLOSED)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("Audit %" PRId64 " is %s: its record is certification evidence and "
                     "cannot be deleted"),
                   audit->id, cw_audit_status_label (audit->status));
      return FALSE;
    }
  /* From the actions (few) to their findings, never the other way: the
   * audits list asks this for every audit, one of which may hold 100,000
   * findings (CROSS JOIN keeps SQLite to that order). */
  CwStmt *stmt = cw_workspace_prepare (
    workspace,
    "SELECT count(*) FROM action a CROSS JOIN finding f ON f.id = a.finding WHERE f.audit = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit->id);
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  gint64 actions = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);
  if (actions > 0)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("Audit %" PRId64 " has findings with corrective actions; deleting it would "
                     "leave those actions without their finding"),
                   audit->id);
      return FALSE;
    }
  return TRUE;
}

/* Deletes an audit with its answers, findings and evidence. The history of
 * all of them stays. */
gboolean
cw_workspace_delete_audit (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL || !cw_audit_can_delete (self, audit, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, drop_audit (self, audit, error), error);
}
