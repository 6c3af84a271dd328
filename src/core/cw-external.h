/* cw-external.h: audits by the certification body, and their findings as
 * the body's report gives them.
 *
 * An external audit is Stage One, Stage Two, surveillance or
 * recertification. Its findings keep the body's own reference ("S1-C1"),
 * clause, wording and response deadline, and are open until the
 * organisation records when and how each was resolved. What a lead auditor
 * of a body would sign decides which kinds an audit takes: a Stage One
 * report raises areas of concern (things that could become nonconformities
 * at Stage Two), never graded nonconformities, since Stage One reviews
 * documents and readiness rather than the system in operation; the later
 * audits grade nonconformities major or minor and raise no "concerns".
 * Observations and opportunities for improvement go with any audit. Every
 * rule lives in cw-external.c.
 */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_EXTERNAL_STAGE_ONE,
  CW_EXTERNAL_STAGE_TWO,
  CW_EXTERNAL_SURVEILLANCE,
  CW_EXTERNAL_RECERTIFICATION,
} CwExternalKind;

typedef enum
{
  CW_BODY_CONCERN, /* a Stage One area of concern */
  CW_BODY_MAJOR,
  CW_BODY_MINOR,
  CW_BODY_OBSERVATION,
  CW_BODY_OFI,
} CwBodyGrade;

#define CW_EXTERNAL_REFERENCE_MAX 64

typedef struct
{
  CwExternalKind kind;
  const char *body;      /* the certification body; required */
  const char *starts_on; /* YYYY-MM-DD; required */
  const char *ends_on;   /* NULL or "": a one-day audit */
  const char *lead;      /* the body's lead auditor */
  const char *reference; /* the body's report reference */
  const char *outcome;   /* "Recommended for Stage Two", … */
} CwExternalAuditDraft;

typedef struct
{
  gint64 id;
  gint64 rev;
  CwExternalKind kind;
  char *body;
  char *starts_on;
  char *ends_on; /* NULL when not given */
  char *lead;
  char *reference;
  char *outcome;
  char *created_at;
} CwExternalAudit;

typedef struct
{
  gint64 audit_id;
  CwBodyGrade grade;
  const char *reference;  /* the body's, unique within the audit */
  const char *clause;
  const char *text;       /* as the report words it */
  const char *respond_by; /* NULL or "": no deadline given */
} CwExternalFindingDraft;

typedef struct
{
  gint64 id;
  gint64 rev;
  gint64 audit_id;
  CwExternalKind audit_kind;
  CwBodyGrade grade;
  char *reference;
  char *clause;
  char *text;
  char *respond_by;  /* NULL when none */
  gboolean resolved;
  char *resolved_on; /* NULL while open */
  char *resolution;
  gint64 action_id;  /* the action raised from it, 0 when none */
  char *created_at;
} CwExternalFinding;

const char *cw_external_kind_to_string (CwExternalKind kind);
gboolean cw_external_kind_from_string (const char *token, CwExternalKind *kind);
const char *cw_external_kind_label (CwExternalKind kind);
const char *cw_external_kind_tokens (void);
const char *cw_body_grade_to_string (CwBodyGrade grade);
gboolean cw_body_grade_from_string (const char *token, CwBodyGrade *grade);
const char *cw_body_grade_label (CwBodyGrade grade);
const char *cw_body_grade_tokens (void);
gboolean cw_body_grade_is_corrective (CwBodyGrade grade);
gboolean cw_external_kind_takes (CwExternalKind kind, CwBodyGrade grade, GError **error);

void cw_external_audit_free (CwExternalAudit *audit);
void cw_external_finding_free (CwExternalFinding *finding);

gboolean cw_external_audit_draft_check (const CwExternalAuditDraft *draft, GError **error);
gint64 cw_workspace_add_external_audit (CwWorkspace *self, const CwExternalAuditDraft *draft,
                                        GError **error);
CwExternalAudit *cw_workspace_get_external_audit (CwWorkspace *self, gint64 id, GError **error);
GPtrArray *cw_workspace_list_external_audits (CwWorkspace *self, GError **error);

gboolean cw_workspace_check_external_finding (CwWorkspace *self,
                                              const CwExternalFindingDraft *draft, GError **error);
gint64 cw_workspace_add_external_finding (CwWorkspace *self, const CwExternalFindingDraft *draft,
                                          GError **error);
CwExternalFinding *cw_workspace_get_external_finding (CwWorkspace *self, gint64 id,
                                                      GError **error);
GPtrArray *cw_workspace_list_external_findings (CwWorkspace *self, gint64 audit_id,
                                                GError **error);
gboolean cw_workspace_check_resolution (CwWorkspace *self, gint64 id, const char *on,
                                        const char *how, GError **error);
gboolean cw_workspace_resolve_external_finding (CwWorkspace *self, gint64 id, const char *on,
                                                const char *how, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExternalAudit, cw_external_audit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExternalFinding, cw_external_finding_free)

G_END_DECLS
