/* cw-action.h: the corrective action and improvement register (clause 10.1).
 *
 * An action comes from a finding or from another source, and moves
 * open → planned → implemented → verified → closed; a verification that finds
 * it not effective sends it back to planned. A corrective action answers a
 * nonconformity and needs its correction, consequences, root cause and the
 * review of similar cases; an improvement (from an OFI, an observation or a
 * review decision) needs only a plan, an owner and a due date. Every rule of
 * that workflow, and what counts as overdue, lives in cw-action.c and
 * nowhere else.
 */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_ACTION_OPEN,
  CW_ACTION_PLANNED,
  CW_ACTION_IMPLEMENTED,
  CW_ACTION_VERIFIED,
  CW_ACTION_CLOSED,
} CwActionStatus;

typedef enum
{
  CW_ACTION_SOURCE_INTERNAL_AUDIT, /* only with a finding */
  CW_ACTION_SOURCE_CERTIFICATION_AUDIT,
  CW_ACTION_SOURCE_INCIDENT,
  CW_ACTION_SOURCE_COMPLAINT,
  CW_ACTION_SOURCE_MANAGEMENT_REVIEW,
  CW_ACTION_SOURCE_OTHER,
} CwActionSource;

typedef enum
{
  CW_CAUSE_NONE,
  CW_CAUSE_PEOPLE,
  CW_CAUSE_PROCESS,
  CW_CAUSE_TECHNOLOGY,
  CW_CAUSE_SUPPLIER,
  CW_CAUSE_INFORMATION,
  CW_CAUSE_OTHER,
} CwCauseCategory;

/* What a person can ask an action to do next. NOT_EFFECTIVE records a
 * failed effectiveness check and returns the action to planned. */
typedef enum
{
  CW_ACTION_MOVE_PLANNED,
  CW_ACTION_MOVE_IMPLEMENTED,
  CW_ACTION_MOVE_VERIFIED,
  CW_ACTION_MOVE_NOT_EFFECTIVE,
  CW_ACTION_MOVE_CLOSED,
} CwActionMove;
#define CW_ACTION_N_MOVES (CW_ACTION_MOVE_CLOSED + 1)

/* Where an action stands against its due date on a given day. */
typedef enum
{
  CW_ACTION_DUE_NONE,     /* no due date, or already verified or closed */
  CW_ACTION_DUE_ON_TRACK,
  CW_ACTION_DUE_SOON,     /* due today or within CW_ACTION_DUE_SOON_DAYS */
  CW_ACTION_DUE_OVERDUE,  /* due before today */
} CwActionDueState;

/* Which step is late, when an action is overdue. */
typedef enum
{
  CW_ACTION_OVERDUE_NONE,
  CW_ACTION_OVERDUE_IMPLEMENTATION, /* not implemented by its due date */
  CW_ACTION_OVERDUE_VERIFICATION,   /* implemented, check-due date passed, not verified */
} CwActionOverdue;

typedef enum
{
  CW_ACTION_KIND_CORRECTIVE,  /* answers a nonconformity */
  CW_ACTION_KIND_IMPROVEMENT, /* from an OFI, an observation or a review decision */
} CwActionKind;

#define CW_ACTION_DUE_SOON_DAYS 14
#define CW_ACTION_MAX_WHYS 5

#define CW_TYPE_ACTION (cw_action_get_type ())
G_DECLARE_FINAL_TYPE (CwAction, cw_action, CW, ACTION, GObject)

/* A new action: from a finding (finding_id set; source, title optional),
 * or from another source (finding_id 0; source and title required). A
 * decision of a management review sets review_id (a draft review) and the
 * source MANAGEMENT_REVIEW. */
typedef struct
{
  gint64 finding_id;
  gint64 review_id;
  CwActionSource source;
  const char *title;
  const char *description;
  const char *owner;
  const char *due; /* YYYY-MM-DD or NULL */
  /* NULL: follow the finding's grade or the review (corrective otherwise).
   * Given for a finding or a review decision, it must agree with them. */
  const CwActionKind *kind;
  /* A finding of a certification body (cw-external.h): like finding_id,
   * it gives the source (certification-audit), title, description and
   * kind. */
  gint64 external_finding_id;
} CwActionDraft;

/* An edit: every NULL member is left as it is; "" clears a text or date.
 * `root_cause` holds the 5-whys chain, one "why" a line (at most five). */
typedef struct
{
  const char *title;
  const char *description;
  const char *correction;
  const char *consequences;
  const char *root_cause;
  const CwCauseCategory *cause_category;
  const char *similar; /* setting it records that similar cases were looked for */
  const char *plan;
  const char *owner;
  const char *due;
  const char *check_due;
  const char *verification;
  const char *verified_by;
  const char *verifier_justification; /* why the owner may verify their own action */
} CwActionChanges;

/* Which actions to list; zeroed means all. */
typedef struct
{
  gboolean by_status;
  CwActionStatus status;
  gboolean overdue_only; /* needs `today` */
  const GDate *today;
  gint64 finding_id;
  gint64 review_id;
  const char *owner; /* part of the owner's name, in any case; NULL or "": any */
  const char *decided_before; /* decided at a review held before this date */
} CwActionFilter;

const char *cw_action_status_to_string (CwActionStatus status);
gboolean cw_action_status_from_string (const char *token, CwActionStatus *status);
const char *cw_action_status_label (CwActionStatus status);
const char *cw_action_status_tokens (void);
const char *cw_action_source_to_string (CwActionSource source);
gboolean cw_action_source_from_string (const char *token, CwActionSource *source);
const char *cw_action_source_label (CwActionSource source);
const char *cw_action_source_tokens (void);
const char *cw_cause_category_to_string (CwCauseCategory category);
gboolean cw_cause_category_from_string (const char *token, CwCauseCategory *category);
const char *cw_cause_category_label (CwCauseCategory category);
const char *cw_cause_category_tokens (void);
const char *cw_action_move_to_string (CwActionMove move);
gboolean cw_action_move_from_string (const char *token, CwActionMove *move);
const char *cw_action_move_label (CwActionMove move);
const char *cw_action_move_tokens (void);
const char *cw_action_due_state_to_string (CwActionDueState state);
const char *cw_action_due_state_label (CwActionDueState state);
const char *cw_action_overdue_to_string (CwActionOverdue overdue);
const char *cw_action_overdue_label (CwActionOverdue overdue);
const char *cw_action_kind_to_string (CwActionKind kind);
gboolean cw_action_kind_from_string (const char *token, CwActionKind *kind);
const char *cw_action_kind_label (CwActionKind kind);
const char *cw_action_kind_tokens (void);
CwFindingStatus cw_action_status_to_finding_status (CwActionStatus status);

gint64 cw_action_get_id (CwAction *self);
const char *cw_action_get_title (CwAction *self);
CwActionSource cw_action_get_source (CwAction *self);
gint64 cw_action_get_finding_id (CwAction *self);
gint64 cw_action_get_review_id (CwAction *self);
gint64 cw_action_get_external_finding_id (CwAction *self);
const char *cw_action_get_description (CwAction *self);
CwActionKind cw_action_get_kind (CwAction *self);
const char *cw_action_get_correction (CwAction *self);
const char *cw_action_get_consequences (CwAction *self);
const char *cw_action_get_root_cause (CwAction *self);
GStrv cw_action_dup_whys (CwAction *self);
CwCauseCategory cw_action_get_cause_category (CwAction *self);
gboolean cw_action_get_similar_checked (CwAction *self);
const char *cw_action_get_similar (CwAction *self);
const char *cw_action_get_plan (CwAction *self);
const char *cw_action_get_owner (CwAction *self);
const char *cw_action_get_due (CwAction *self);
const char *cw_action_get_check_due (CwAction *self);
const char *cw_action_get_verification (CwAction *self);
const char *cw_action_get_verified_by (CwAction *self);
const char *cw_action_get_verifier_justification (CwAction *self);
gboolean cw_action_get_verifier_is_owner (CwAction *self);
const char *cw_action_get_planned_on (CwAction *self);
const char *cw_action_get_implemented_on (CwAction *self);
const char *cw_action_get_verified_on (CwAction *self);
const char *cw_action_get_closed_on (CwAction *self);
CwActionStatus cw_action_get_status (CwAction *self);
const char *cw_action_get_created_at (CwAction *self);
guint cw_action_get_not_effective_count (CwAction *self);

CwActionDueState cw_action_get_due_state (CwAction *self, const GDate *today);
gboolean cw_action_is_overdue (CwAction *self, const GDate *today);
CwActionOverdue cw_action_get_overdue (CwAction *self, const GDate *today);
CwActionMove cw_action_next_move (CwActionStatus status);
gboolean cw_action_can_move (CwAction *self, CwActionMove move, const GDate *today,
                             GError **error);
gboolean cw_action_check_rules (CwAction *self, GError **error);

gint64 cw_workspace_create_action (CwWorkspace *self, const CwActionDraft *draft, GError **error);
CwAction *cw_workspace_get_action (CwWorkspace *self, gint64 id, GError **error);
CwAction *cw_workspace_get_action_for_finding (CwWorkspace *self, gint64 finding_id,
                                               GError **error);
CwAction *cw_workspace_get_action_for_external_finding (CwWorkspace *self, gint64 finding_id,
                                                        GError **error);
GPtrArray *cw_workspace_list_actions (CwWorkspace *self, const CwActionFilter *filter,
                                      GError **error);
gboolean cw_workspace_update_action (CwWorkspace *self, gint64 id, const CwActionChanges *changes,
                                     GError **error);
gboolean cw_workspace_move_action (CwWorkspace *self, gint64 id, CwActionMove move,
                                   const GDate *today, GError **error);
gboolean cw_action_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error);


G_END_DECLS
