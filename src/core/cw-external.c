/* cw-external.c: certification-body audits and their findings; every rule
 * about them (see cw-external.h for what a body's report may hold). */
#define G_LOG_DOMAIN "cw-external"

#include "config.h"

#include "cw-i18n.h"
#include <inttypes.h>

#include "cw-catalogue.h"
#include "cw-date.h"
#include "cw-external.h"
#include "cw-record.h"
#include "cw-terms.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

static const CwTerm kinds[] = {
  [CW_EXTERNAL_STAGE_ONE] = { "stage-one", N_("Stage One") },
  [CW_EXTERNAL_STAGE_TWO] = { "stage-two", N_("Stage Two") },
  [CW_EXTERNAL_SURVEILLANCE] = { "surveillance", N_("Surveillance") },
  [CW_EXTERNAL_RECERTIFICATION] = { "recertification", N_("Recertification") },
};

static const CwTerm grades[] = {
  [CW_BODY_CONCERN] = { "concern", N_("Area of concern") },
  [CW_BODY_MAJOR] = { "major", N_("Major nonconformity") },
  [CW_BODY_MINOR] = { "minor", N_("Minor nonconformity") },
  [CW_BODY_OBSERVATION] = { "observation", N_("Observation") },
  [CW_BODY_OFI] = { "ofi", N_("Opportunity for improvement") },
};

CW_DEFINE_TERMS (cw_external_kind, CwExternalKind, kinds, 0)
CW_DEFINE_TERMS (cw_body_grade, CwBodyGrade, grades, 0)

/* A concern is answered like a nonconformity: left alone, it becomes one
 * at Stage Two. */
gboolean
cw_body_grade_is_corrective (CwBodyGrade grade)
{
  return grade == CW_BODY_CONCERN || grade == CW_BODY_MAJOR || grade == CW_BODY_MINOR;
}

/* Whether an audit of `kind` can report a finding of `grade`: Stage One
 * raises concerns and no graded nonconformity (it reviews documents and
 * readiness, not the system at work); later audits grade nonconformities
 * and raise no concerns. Observations and OFIs go with any. */
gboolean
cw_external_kind_takes (CwExternalKind kind, CwBodyGrade grade, GError **error)
{
  if (kind == CW_EXTERNAL_STAGE_ONE && (grade == CW_BODY_MAJOR || grade == CW_BODY_MINOR))
    {
      cw_set_invalid (error, _("A Stage One report grades no nonconformities: record what it "
                               "raised as an area of concern (kind concern), or record the "
                               "finding on the Stage Two audit"));
      return FALSE;
    }
  if (kind != CW_EXTERNAL_STAGE_ONE && grade == CW_BODY_CONCERN)
    {
      cw_set_invalid (error, _("Areas of concern come from a Stage One report; at %s the body "
                               "grades a nonconformity major or minor, or records an "
                               "observation or opportunity for improvement"),
                      cw_external_kind_label (kind));
      return FALSE;
    }
  return TRUE;
}

void
cw_external_audit_free (CwExternalAudit *audit)
{
  if (audit == NULL)
    return;
  g_free (audit->body);
  g_free (audit->starts_on);
  g_free (audit->ends_on);
  g_free (audit->lead);
  g_free (audit->reference);
  g_free (audit->outcome);
  g_free (audit->created_at);
  g_free (audit);
}

void
cw_external_finding_free (CwExternalFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->reference);
  g_free (finding->clause);
  g_free (finding->text);
  g_free (finding->respond_by);
  g_free (finding->resolved_on);
  g_free (finding->resolution);
  g_free (finding->created_at);
  g_free (finding);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
check_date (const char *date, const char *what, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (cw_date_check (date, &local))
    return TRUE;
  /* TRANSLATORS: the first %s names the date ("the start date"); the
   * second says what is wrong with it. */
  cw_set_invalid (error, _("%s: %s"), what, local->message);
  return FALSE;
}

/* ---- Audits ------------------------------------------------------------- */

#define AUDIT_COLUMNS "id, rev, kind, body, starts_on, ends_on, lead, reference, outcome, created_at"

static CwExternalAudit *
audit_from_row (CwStmt *row)
{
  CwExternalAudit *audit = g_new0 (CwExternalAudit, 1);
  audit->id = cw_stmt_int64 (row, 0);
  audit->rev = cw_stmt_int64 (row, 1);
  cw_external_kind_from_string (cw_stmt_text (row, 2), &audit->kind);
  audit->body = cw_stmt_dup_text (row, 3);
  audit->starts_on = cw_stmt_dup_text (row, 4);
  audit->ends_on = cw_stmt_dup_text (row, 5);
  audit->lead = cw_stmt_dup_text (row, 6);
  audit->reference = cw_stmt_dup_text (row, 7);
  audit->outcome = cw_stmt_dup_text (row, 8);
  audit->created_at = cw_stmt_dup_text (row, 9);
  return audit;
}

/* Whether the draft would be recorded, with the reason when not: the one
 * check cw_workspace_add_external_audit makes, for a form that says what
 * is missing while it is filled in. */
gboolean
cw_external_audit_draft_check (const CwExternalAuditDraft *draft, GError **error)
{
  const CwTextField fields[] = {
    { draft->body, CW_TEXT_SHORT_MAX, N_("the certification body") },
    { draft->starts_on, CW_TEXT_SHORT_MAX, N_("the start date") },
    { draft->ends_on, CW_TEXT_SHORT_MAX, N_("the end date") },
    { draft->lead, CW_TEXT_SHORT_MAX, N_("the lead auditor") },
    { draft->reference, CW_EXTERNAL_REFERENCE_MAX, N_("the report reference") },
    { draft->outcome, CW_TEXT_LONG_MAX, N_("the outcome") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if ((guint) draft->kind >= G_N_ELEMENTS (kinds))
    {
      cw_set_invalid (error, _("Unknown kind of certification audit; use one of %s"),
                      cw_external_kind_tokens ());
      return FALSE;
    }
  if (cw_text_is_blank (draft->body))
    {
      cw_set_invalid (error, _("Name the certification body that carried out the audit"));
      return FALSE;
    }
  if (!is_set (draft->starts_on))
    {
      cw_set_invalid (error, _("Give the day the audit started (YYYY-MM-DD)"));
      return FALSE;
    }
  if (!check_date (draft->starts_on, _("The start date"), error))
    return FALSE;
  if (is_set (draft->ends_on))
    {
      if (!check_date (draft->ends_on, _("The end date"), error))
        return FALSE;
      if (g_strcmp0 (draft->ends_on, draft->starts_on) < 0)
        {
          cw_set_invalid (error, _("The audit ends on %s, before it starts on %s; check both "
                                   "dates"),
                          draft->ends_on, draft->starts_on);
          return FALSE;
        }
    }
  return TRUE;
}

/* Records a certification body's audit; returns its id, or 0 with the
 * reason and nothing written. */
gint64
cw_workspace_add_external_audit (CwWorkspace *self, const CwExternalAuditDraft *draft,
                                 GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!cw_external_audit_draft_check (draft, error) || !cw_workspace_edit_begin (self, error))
    return 0;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO external_audit (uuid, kind, body, starts_on, ends_on, lead, reference, outcome,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  gint64 id = 0;
  if (stmt != NULL)
    {
      g_autofree char *uuid = cw_record_new_uuid ();
      g_autofree char *now = cw_timestamp_now ();
      g_autofree char *body = cw_text_trimmed (draft->body);
      g_autofree char *lead = cw_text_trimmed (draft->lead);
      g_autofree char *reference = cw_text_trimmed (draft->reference);
      g_autofree char *outcome = cw_text_trimmed (draft->outcome);
      cw_stmt_bind_text (stmt, 1, uuid);
      cw_stmt_bind_text (stmt, 2, cw_external_kind_to_string (draft->kind));
      cw_stmt_bind_text (stmt, 3, body);
      cw_stmt_bind_text (stmt, 4, draft->starts_on);
      cw_stmt_bind_text (stmt, 5, is_set (draft->ends_on) ? draft->ends_on : NULL);
      cw_stmt_bind_text (stmt, 6, lead);
      cw_stmt_bind_text (stmt, 7, reference);
      cw_stmt_bind_text (stmt, 8, outcome);
      cw_stmt_bind_text (stmt, 9, now);
      if (cw_stmt_run (stmt, error))
        {
          id = cw_workspace_last_insert_id (self);
          const char *fields[] = { cw_external_kind_to_string (draft->kind), body,
                                   draft->starts_on, or_empty (draft->ends_on), lead, reference,
                                   outcome };
          g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
          if (!cw_workspace_record (self, "external-audit", id, "created", NULL, content, error))
            id = 0;
        }
    }
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

CwExternalAudit *
cw_workspace_get_external_audit (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " AUDIT_COLUMNS " FROM external_audit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no certification audit %" PRId64 " in this workspace; "
                     "“clausewise-cli external list” shows them"),
                   id);
      return NULL;
    }
  CwExternalAudit *audit = audit_from_row (stmt);
  cw_stmt_reset (stmt);
  return audit;
}

/* The body's audits, earliest first. */
GPtrArray *
cw_workspace_list_external_audits (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " AUDIT_COLUMNS " FROM external_audit ORDER BY starts_on, id", error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) audits
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_external_audit_free);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (audits, audit_from_row (stmt));
  return rc == CW_STEP_DONE ? g_steal_pointer (&audits) : NULL;
}

/* ---- Findings ----------------------------------------------------------- */

#define FINDING_COLUMNS                                                                            \
  "f.id, f.rev, f.audit, a.kind, f.kind, f.reference, f.clause, f.text, f.respond_by, f.status,"  \
  " f.resolved_on, f.resolution, f.created_at,"                                                    \
  " (SELECT x.id FROM action x WHERE x.external_finding = f.id)"                                  \
  " FROM external_finding f JOIN external_audit a ON a.id = f.audit"

static CwExternalFinding *
finding_from_row (CwStmt *row)
{
  CwExternalFinding *finding = g_new0 (CwExternalFinding, 1);
  finding->id = cw_stmt_int64 (row, 0);
  finding->rev = cw_stmt_int64 (row, 1);
  finding->audit_id = cw_stmt_int64 (row, 2);
  cw_external_kind_from_string (cw_stmt_text (row, 3), &finding->audit_kind);
  cw_body_grade_from_string (cw_stmt_text (row, 4), &finding->grade);
  finding->reference = cw_stmt_dup_text (row, 5);
  finding->clause = cw_stmt_dup_text (row, 6);
  finding->text = cw_stmt_dup_text (row, 7);
  finding->respond_by = cw_stmt_dup_text (row, 8);
  finding->resolved = g_strcmp0 (cw_stmt_text (row, 9), "resolved") == 0;
  finding->resolved_on = cw_stmt_dup_text (row, 10);
  finding->resolution = cw_stmt_dup_text (row, 11);
  finding->created_at = cw_stmt_dup_text (row, 12);
  finding->action_id = cw_stmt_int64 (row, 13);
  return finding;
}

static gboolean
check_finding_draft (CwWorkspace *self, const CwExternalFindingDraft *draft,
                     CwExternalAudit **audit_out, GError **error)
{
  const CwTextField fields[] = {
    { draft->reference, CW_EXTERNAL_REFERENCE_MAX, N_("the body's reference") },
    { draft->clause, CW_TEXT_SHORT_MAX, N_("the clause") },
    { draft->text, CW_TEXT_LONG_MAX, N_("the finding's text") },
    { draft->respond_by, CW_TEXT_SHORT_MAX, N_("the response deadline") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if ((guint) draft->grade >= G_N_ELEMENTS (grades))
    {
      cw_set_invalid (error, _("Unknown kind of finding; use one of %s"), cw_body_grade_tokens ());
      return FALSE;
    }
  g_autoptr (CwExternalAudit) audit = cw_workspace_get_external_audit (self, draft->audit_id, error);
  if (audit == NULL || !cw_external_kind_takes (audit->kind, draft->grade, error))
    return FALSE;
  if (cw_text_is_blank (draft->reference))
    {
      cw_set_invalid (error, _("Give the body's reference for the finding as its report prints "
                               "it, such as “S1-C1”"));
      return FALSE;
    }
  if (cw_text_is_blank (draft->text))
    {
      cw_set_invalid (error, _("Give the finding's text as the body's report words it"));
      return FALSE;
    }
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  if (draft->clause == NULL || cw_catalogue_lookup_clause (catalogue, draft->clause) == NULL)
    {
      cw_set_invalid (error, _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                      or_empty (draft->clause));
      return FALSE;
    }
  if (is_set (draft->respond_by))
    {
      if (!check_date (draft->respond_by, _("The response deadline"), error))
        return FALSE;
      if (g_strcmp0 (draft->respond_by, audit->starts_on) < 0)
        {
          cw_set_invalid (error, _("The response deadline %s falls before the audit began (%s); "
                                   "check the date in the body's report"),
                          draft->respond_by, audit->starts_on);
          return FALSE;
        }
    }
  g_autofree char *reference = cw_text_trimmed (draft->reference);
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT id FROM external_finding WHERE audit = ? AND reference = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, draft->audit_id);
  cw_stmt_bind_text (stmt, 2, reference);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  gint64 existing = found ? cw_stmt_int64 (stmt, 0) : 0;
  cw_stmt_reset (stmt);
  if (existing != 0)
    {
      cw_set_invalid (error, _("Certification audit %" PRId64 " already has a finding %s (%" PRId64
                               "); give each finding the body's own reference"),
                      draft->audit_id, reference, existing);
      return FALSE;
    }
  *audit_out = g_steal_pointer (&audit);
  return TRUE;
}

/* Whether the finding would be recorded, with the reason when not. */
gboolean
cw_workspace_check_external_finding (CwWorkspace *self, const CwExternalFindingDraft *draft,
                                     GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_autoptr (CwExternalAudit) audit = NULL;
  return check_finding_draft (self, draft, &audit, error);
}

/* Records a finding of a certification body's audit; returns its id, or
 * 0 with the reason and nothing written. */
gint64
cw_workspace_add_external_finding (CwWorkspace *self, const CwExternalFindingDraft *draft,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  g_autoptr (CwExternalAudit) audit = NULL;
  if (!check_finding_draft (self, draft, &audit, error) || !cw_workspace_edit_begin (self, error))
    return 0;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO external_finding (uuid, audit, kind, reference, clause, text, respond_by,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  gint64 id = 0;
  if (stmt != NULL)
    {
      g_autofree char *uuid = cw_record_new_uuid ();
      g_autofree char *now = cw_timestamp_now ();
      g_autofree char *reference = cw_text_trimmed (draft->reference);
      g_autofree char *text = cw_text_trimmed (draft->text);
      cw_stmt_bind_text (stmt, 1, uuid);
      cw_stmt_bind_int64 (stmt, 2, draft->audit_id);
      cw_stmt_bind_text (stmt, 3, cw_body_grade_to_string (draft->grade));
      cw_stmt_bind_text (stmt, 4, reference);
      cw_stmt_bind_text (stmt, 5, draft->clause);
      cw_stmt_bind_text (stmt, 6, text);
      cw_stmt_bind_text (stmt, 7, is_set (draft->respond_by) ? draft->respond_by : NULL);
      cw_stmt_bind_text (stmt, 8, now);
      if (cw_stmt_run (stmt, error))
        {
          id = cw_workspace_last_insert_id (self);
          g_autofree char *audit_id = g_strdup_printf ("%" PRId64, draft->audit_id);
          const char *fields[] = { audit_id, cw_body_grade_to_string (draft->grade), reference,
                                   draft->clause, text, or_empty (draft->respond_by) };
          g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
          if (!cw_workspace_record (self, "external-finding", id, "created", NULL, content, error))
            id = 0;
        }
    }
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

CwExternalFinding *
cw_workspace_get_external_finding (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (self, "SELECT " FINDING_COLUMNS " WHERE f.id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no certification body finding %" PRId64 " in this workspace; "
                     "“clausewise-cli external list” shows them"),
                   id);
      return NULL;
    }
  CwExternalFinding *finding = finding_from_row (stmt);
  cw_stmt_reset (stmt);
  return finding;
}

/* The findings of one audit (audit_id 0: of all), by audit and in the
 * order they were recorded. */
GPtrArray *
cw_workspace_list_external_findings (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " FINDING_COLUMNS " WHERE ?1 = 0 OR f.audit = ?1 ORDER BY a.starts_on, a.id, f.id",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GPtrArray) findings
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_external_finding_free);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (findings, finding_from_row (stmt));
  return rc == CW_STEP_DONE ? g_steal_pointer (&findings) : NULL;
}

/* Records that a finding is resolved: the day and how (the correction the
 * body accepted, the evidence sent). Its action, if any, is left to its
 * own workflow: the body's acceptance and the action's verification are
 * different events. */
/* The finding `id` when it can be resolved on `on` as `how` says; NULL
 * with the reason otherwise. */
static CwExternalFinding *
check_resolution (CwWorkspace *self, gint64 id, const char *on, const char *how, GError **error)
{
  const CwTextField fields[] = {
    { on, CW_TEXT_SHORT_MAX, N_("the day it was resolved") },
    { how, CW_TEXT_LONG_MAX, N_("how it was resolved") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return NULL;
  g_autoptr (CwExternalFinding) finding = cw_workspace_get_external_finding (self, id, error);
  if (finding == NULL)
    return NULL;
  if (finding->resolved)
    {
      cw_set_invalid (error, _("Finding %s was already resolved on %s"), finding->reference,
                      finding->resolved_on);
      return NULL;
    }
  if (!is_set (on))
    {
      cw_set_invalid (error, _("Give the day the finding was resolved (YYYY-MM-DD)"));
      return NULL;
    }
  if (!check_date (on, _("The day it was resolved"), error))
    return NULL;
  g_autoptr (CwExternalAudit) audit
    = cw_workspace_get_external_audit (self, finding->audit_id, error);
  if (audit == NULL)
    return NULL;
  if (g_strcmp0 (on, audit->starts_on) < 0)
    {
      cw_set_invalid (error, _("Finding %s cannot be resolved on %s, before its audit began on "
                               "%s"),
                      finding->reference, on, audit->starts_on);
      return NULL;
    }
  if (cw_text_is_blank (how))
    {
      cw_set_invalid (error, _("Say how the finding was resolved, such as the evidence the body "
                               "accepted"));
      return NULL;
    }
  return g_steal_pointer (&finding);
}

gboolean
cw_workspace_check_resolution (CwWorkspace *self, gint64 id, const char *on, const char *how,
                               GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_autoptr (CwExternalFinding) finding = check_resolution (self, id, on, how, error);
  return finding != NULL;
}

gboolean
cw_workspace_resolve_external_finding (CwWorkspace *self, gint64 id, const char *on,
                                       const char *how, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwExternalFinding) finding = check_resolution (self, id, on, how, error);
  if (finding == NULL)
    return FALSE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *resolution = cw_text_trimmed (how);
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE external_finding SET status = 'resolved', resolved_on = ?, resolution = ?,"
    " rev = rev + 1 WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, on);
      cw_stmt_bind_text (stmt, 2, resolution);
      cw_stmt_bind_int64 (stmt, 3, id);
      cw_stmt_bind_int64 (stmt, 4, finding->rev);
      ok = cw_workspace_run_update (self, stmt, "external-finding", id, error)
           && cw_workspace_record_change (self, "external-finding", id, "status", "open",
                                          "resolved", error)
           && cw_workspace_record_change (self, "external-finding", id, "resolved_on", NULL, on,
                                          error)
           && cw_workspace_record_change (self, "external-finding", id, "resolution", "",
                                          resolution, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}
