/* cw-audit.h: internal audits, their scope and their checklist answers. */
#pragma once

#include "cw-people.h"
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
  /* Why team members may audit their own areas (see cw-people.h); stored
   * with the audit, replacing a reason recorded before for the person. */
  const CwJustification *justifications;
  guint n_justifications;
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
gint64 cw_audit_get_rev (CwAudit *self);
const char *cw_audit_get_sites (CwAudit *self);
const char *cw_audit_get_opening_on (CwAudit *self);
const char *cw_audit_get_opening_attendees (CwAudit *self);
const char *cw_audit_get_closing_on (CwAudit *self);
const char *cw_audit_get_closing_attendees (CwAudit *self);
const char *cw_audit_get_auditee_response (CwAudit *self);
const char *cw_audit_get_diverging_opinions (CwAudit *self);
guint cw_audit_get_version (CwAudit *self);
const char *cw_audit_get_issued_on (CwAudit *self);
gboolean cw_audit_covers (CwAudit *self, const char *clause_number);
gboolean cw_audit_reaches (CwAudit *self, const char *clause_number);
gboolean cw_audit_accepts (CwAudit *self, const char *clause_number /* nullable */,
                           GError **error);

gint64 cw_workspace_create_audit (CwWorkspace *self, const CwAuditDraft *draft, GError **error);
gboolean cw_workspace_update_audit (CwWorkspace *self, CwAudit *loaded, const CwAuditDraft *draft,
                                    GError **error);
GPtrArray *cw_workspace_list_audits (CwWorkspace *self, GError **error);
CwAudit *cw_workspace_get_audit (CwWorkspace *self, gint64 id, GError **error);
gboolean cw_workspace_audit_accepts (CwWorkspace *self, gint64 audit_id,
                                     const char *clause_number, GError **error);
gboolean cw_workspace_get_audit_progress (CwWorkspace *self, CwAudit *audit,
                                          CwAuditProgress *progress, GError **error);

gboolean cw_audit_can_delete (CwWorkspace *workspace, CwAudit *audit, GError **error);
gboolean cw_workspace_delete_audit (CwWorkspace *self, gint64 audit_id, GError **error);

gboolean cw_workspace_answer (CwWorkspace *self, gint64 audit_id, const char *question_id,
                              CwResult result, const char *note, GError **error);
GPtrArray *cw_workspace_list_answers (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_answer_free (CwAnswer *answer);
GHashTable *cw_answers_by_question (GPtrArray *answers);
CwResult cw_answers_result (GHashTable *answers_by_question, const char *question_id);
void cw_clause_summarise (CwAudit *audit, CwClause *clause, GHashTable *answers_by_question,
                          guint *answered, guint *total, CwResult *worst);

/* ---- The lifecycle (cw-audit-lifecycle.c) ------------------------------
 *
 * planned → in progress (the first answer) → issued (the report, as version
 * N with its issue date) → closed. Issuing freezes the audit's answers,
 * findings, evidence, plan and meetings; "revise" reopens it, with a reason,
 * for version N+1. The stored status token of an issued audit is
 * "reported" (CW_AUDIT_REPORTED), as files before versions had it. */

/* One session of the audit plan's schedule. */
typedef struct
{
  const char *day;     /* YYYY-MM-DD, required */
  const char *time;    /* free text: "09:30–11:00" */
  const char *subject; /* the clause or process audited, required */
  const char *auditee;
  const char *auditor;
} CwAuditSession;

typedef struct
{
  guint position;
  char *day;
  char *time;
  char *subject;
  char *auditee;
  char *auditor;
} CwAuditSessionRow;

typedef enum
{
  CW_MEETING_OPENING,
  CW_MEETING_CLOSING,
} CwMeeting;

/* What is recorded of a meeting. The auditee's response and the diverging
 * opinions belong to the closing meeting; NULL leaves them as they are. */
typedef struct
{
  const char *held_on; /* YYYY-MM-DD, required, not after today */
  const char *attendees; /* one a line, required */
  const char *auditee_response;
  const char *diverging_opinions;
} CwMeetingRecord;

/* One issue of the audit report. */
typedef struct
{
  guint version;
  char *issued_on;
  char *issued_by;
  char *revision_reason; /* why this version replaced the one before; "" for 1 */
} CwAuditIssue;

gboolean cw_workspace_set_audit_sites (CwWorkspace *self, gint64 audit_id, const char *sites,
                                       GError **error);
gboolean cw_workspace_add_audit_session (CwWorkspace *self, gint64 audit_id,
                                         const CwAuditSession *session, GError **error);
gboolean cw_workspace_remove_audit_session (CwWorkspace *self, gint64 audit_id, guint position,
                                            GError **error);
GPtrArray *cw_workspace_list_audit_sessions (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_audit_session_row_free (CwAuditSessionRow *row);
gboolean cw_workspace_record_meeting (CwWorkspace *self, gint64 audit_id, CwMeeting meeting,
                                      const CwMeetingRecord *record, const GDate *today,
                                      GError **error);
gboolean cw_workspace_can_issue_audit (CwWorkspace *self, gint64 audit_id, GError **error);
gboolean cw_workspace_issue_audit (CwWorkspace *self, gint64 audit_id, const GDate *today,
                                   GError **error);
gboolean cw_workspace_revise_audit (CwWorkspace *self, gint64 audit_id, const char *reason,
                                    GError **error);
GPtrArray *cw_workspace_list_audit_issues (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_audit_issue_free (CwAuditIssue *issue);
gboolean cw_workspace_can_close_audit (CwWorkspace *self, gint64 audit_id, GError **error);
gboolean cw_workspace_close_audit (CwWorkspace *self, gint64 audit_id, GError **error);
GPtrArray *cw_workspace_list_earlier_findings (CwWorkspace *self, gint64 audit_id,
                                               const char *clause, GError **error);
gboolean cw_workspace_follow_up_finding (CwWorkspace *self, gint64 finding_id, gint64 audit_id,
                                         const char *note, GError **error);
gboolean cw_audit_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error);
gboolean cw_audit_check_grade (CwWorkspace *self, gint64 audit_id, const char *question_id,
                               CwResult result, gint64 except_finding, GError **error);

G_END_DECLS
