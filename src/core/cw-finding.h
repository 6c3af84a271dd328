/* cw-finding.h: audit findings, graded, with the three-part statement. */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_FINDING (cw_finding_get_type ())
G_DECLARE_FINAL_TYPE (CwFinding, cw_finding, CW, FINDING, GObject)

typedef struct
{
  gint64 audit_id;
  const char *clause;
  CwGrade grade;
  const char *requirement;
  const char *evidence;
  const char *statement;
  const char *question;     /* optional: the checklist question it answers */
  const char *raised_on;    /* YYYY-MM-DD, the day observed; NULL: today */
  const char *grade_reason; /* why this grade; needed for a nonconformity before issue */
} CwFindingDraft;

/* An edit of a finding: every NULL member is left as it is. `rev` is the
 * revision the edit was made against (cw_finding_get_rev when the finding
 * was loaded); when someone changed the finding since, the edit is refused
 * instead of overwriting theirs. 0 edits the finding as it now stands. */
typedef struct
{
  gint64 rev;
  const char *requirement;
  const char *evidence;
  const char *statement;
  const CwGrade *grade;
  const char *grade_reason;
  const char *raised_on; /* YYYY-MM-DD, the day observed */
} CwFindingChanges;

gint64 cw_finding_get_id (CwFinding *self);
gint64 cw_finding_get_audit_id (CwFinding *self);
const char *cw_finding_get_clause (CwFinding *self);
CwGrade cw_finding_get_grade (CwFinding *self);
const char *cw_finding_get_requirement (CwFinding *self);
const char *cw_finding_get_evidence (CwFinding *self);
const char *cw_finding_get_statement (CwFinding *self);
CwFindingStatus cw_finding_get_status (CwFinding *self);
const char *cw_finding_get_created_at (CwFinding *self);
const char *cw_finding_get_question (CwFinding *self);
gint64 cw_finding_get_number (CwFinding *self);
const char *cw_finding_get_raised_on (CwFinding *self);
const char *cw_finding_get_grade_reason (CwFinding *self);
gint64 cw_finding_get_followed_up_in (CwFinding *self);
const char *cw_finding_get_follow_up_note (CwFinding *self);
gint64 cw_finding_get_rev (CwFinding *self);
char *cw_finding_format_label (CwGrade grade, gint64 number);
char *cw_finding_dup_label (CwFinding *self);

gboolean cw_finding_draft_check (const CwFindingDraft *draft, GError **error);

gint64 cw_workspace_create_finding (CwWorkspace *self, const CwFindingDraft *draft,
                                    GError **error);
gboolean cw_workspace_update_finding (CwWorkspace *self, gint64 id,
                                      const CwFindingChanges *changes, GError **error);
gboolean cw_workspace_can_delete_finding (CwWorkspace *self, gint64 id, GError **error);
gboolean cw_workspace_delete_finding (CwWorkspace *self, gint64 id, GError **error);
CwFinding *cw_workspace_get_finding (CwWorkspace *self, gint64 id, GError **error);
GPtrArray *cw_workspace_list_findings (CwWorkspace *self, gint64 audit_id, GError **error);
typedef void (*CwFindingFunc) (CwFinding *finding, gpointer user_data);
gboolean cw_workspace_foreach_finding (CwWorkspace *self, gint64 audit_id, CwFindingFunc func,
                                       gpointer user_data, GError **error);
GPtrArray *cw_workspace_list_clause_findings (CwWorkspace *self, gint64 audit_id,
                                              const char *clause, GError **error);
GArray *cw_workspace_list_finding_ids (CwWorkspace *self, GError **error);

G_END_DECLS
