/* cw-audit.h: internal audits, their scope and their checklist answers. */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_AUDIT (cw_audit_get_type ())
G_DECLARE_FINAL_TYPE (CwAudit, cw_audit, CW, AUDIT, GObject)

/* What the auditor fills in to plan an audit. A NULL or empty scope means the
 * whole catalogue; lists (team, auditees) are one entry a line. */
typedef struct
{
  const char *title;
  const char *objectives;
  const char *criteria;
  const char *const *scope;
  const char *planned_start;
  const char *planned_end;
  const char *lead_auditor;
  const char *team;
  const char *auditees;
} CwAuditDraft;

typedef struct
{
  char *question;
  CwResult result;
  char *note;
  char *answered_at;
  char *answered_by;
} CwAnswer;

/* Where an audit stands: questions answered of those in scope, and findings
 * by grade (indexed by CwGrade). */
typedef struct
{
  guint answered;
  guint total;
  guint findings[CW_GRADE_MAJOR + 1];
} CwAuditProgress;

gint64 cw_audit_get_id (CwAudit *self);
const char *cw_audit_get_title (CwAudit *self);
const char *cw_audit_get_objectives (CwAudit *self);
const char *cw_audit_get_criteria (CwAudit *self);
const char *const *cw_audit_get_scope (CwAudit *self);
const char *cw_audit_get_planned_start (CwAudit *self);
const char *cw_audit_get_planned_end (CwAudit *self);
const char *cw_audit_get_lead_auditor (CwAudit *self);
const char *cw_audit_get_team (CwAudit *self);
const char *cw_audit_get_auditees (CwAudit *self);
CwAuditStatus cw_audit_get_status (CwAudit *self);
gboolean cw_audit_covers (CwAudit *self, const char *clause_number);
gboolean cw_audit_reaches (CwAudit *self, const char *clause_number);
gboolean cw_audit_can_report (CwAudit *self, GError **error);
gboolean cw_audit_accepts (CwAudit *self, const char *clause_number /* nullable */,
                           GError **error);

gint64 cw_workspace_create_audit (CwWorkspace *self, const CwAuditDraft *draft, GError **error);
GPtrArray *cw_workspace_list_audits (CwWorkspace *self, GError **error);
CwAudit *cw_workspace_get_audit (CwWorkspace *self, gint64 id, GError **error);
gboolean cw_workspace_audit_accepts (CwWorkspace *self, gint64 audit_id,
                                     const char *clause_number, GError **error);
gboolean cw_workspace_get_audit_progress (CwWorkspace *self, CwAudit *audit,
                                          CwAuditProgress *progress, GError **error);

gboolean cw_audit_can_delete (CwWorkspace *workspace, CwAudit *audit, GError **error);
gboolean cw_workspace_delete_audit (CwWorkspace *self, gint64 audit_id, GError **error);
gboolean cw_workspace_report_audit (CwWorkspace *self, gint64 audit_id, GError **error);
gboolean cw_workspace_can_close_audit (CwWorkspace *self, gint64 audit_id, GError **error);
gboolean cw_workspace_close_audit (CwWorkspace *self, gint64 audit_id, GError **error);

gboolean cw_workspace_answer (CwWorkspace *self, gint64 audit_id, const char *question_id,
                              CwResult result, const char *note, GError **error);
GPtrArray *cw_workspace_list_answers (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_answer_free (CwAnswer *answer);
GHashTable *cw_answers_by_question (GPtrArray *answers);
CwResult cw_answers_result (GHashTable *answers_by_question, const char *question_id);
void cw_clause_summarise (CwAudit *audit, CwClause *clause, GHashTable *answers_by_question,
                          guint *answered, guint *total, CwResult *worst);

G_END_DECLS
