/* cw-review.h: management reviews (clause 9.3).
 *
 * A review is held on a date, chaired by top management, and covers the
 * period since the review before it. It considers each input of the
 * catalogue's list; the core fills in what the workspace knows (figures) and
 * people add their notes. Decisions become actions in the corrective action
 * register. Approved minutes are read-only.
 */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_REVIEW_DRAFT,
  CW_REVIEW_APPROVED,
} CwReviewStatus;

/* The kinds of decision clause 9.3 asks a review to reach. NONE: a decision
 * recorded before kinds were kept. */
typedef enum
{
  CW_REVIEW_OUTPUT_NONE,
  CW_REVIEW_OUTPUT_IMPROVEMENT,
  CW_REVIEW_OUTPUT_SMS_CHANGE,
  CW_REVIEW_OUTPUT_SERVICE_CHANGE,
  CW_REVIEW_OUTPUT_RESOURCES,
} CwReviewOutputKind;

/* What people fill in to hold a review. `period_start` NULL or "" means
 * "the day after the review before this one" (or everything, for the
 * first). */
typedef struct
{
  const char *held_on; /* YYYY-MM-DD, required */
  const char *chair;   /* an attendee's name; approval needs them top management */
  const char *attendees; /* one a line; kept for reviews made before roles were */
  const char *period_start;
} CwReviewDraft;

/* One person at the meeting. */
typedef struct
{
  const char *name;
  const char *role;
  gboolean top_management;
} CwReviewAttendeeDraft;

typedef struct
{
  guint position; /* 1, 2, …: stable while the attendee stays */
  char *name;
  char *role;
  gboolean top_management;
} CwReviewAttendee;

/* One input of the review: the catalogue's title and hint, what the core
 * filled in (`figures`, empty when the input has no prefill) and the notes. */
typedef struct
{
  char *input;
  char *title;
  char *hint;
  char *prefill;
  char *figures;
  char *notes;
  gboolean nothing_to_report;
} CwReviewEntry;

typedef struct
{
  const char *text;
  const char *owner;
  const char *due; /* YYYY-MM-DD */
  CwReviewOutputKind kind; /* required */
} CwReviewDecision;

#define CW_TYPE_REVIEW (cw_review_get_type ())
G_DECLARE_FINAL_TYPE (CwReview, cw_review, CW, REVIEW, GObject)

const char *cw_review_status_to_string (CwReviewStatus status);
const char *cw_review_status_label (CwReviewStatus status);
gboolean cw_review_status_from_string (const char *token, CwReviewStatus *status);
const char *cw_review_status_tokens (void);
const char *cw_review_output_kind_to_string (CwReviewOutputKind kind);
const char *cw_review_output_kind_label (CwReviewOutputKind kind);
gboolean cw_review_output_kind_from_string (const char *token, CwReviewOutputKind *kind);
const char *cw_review_output_kind_tokens (void);

gint64 cw_review_get_id (CwReview *self);
const char *cw_review_get_held_on (CwReview *self);
const char *cw_review_get_chair (CwReview *self);
const char *cw_review_get_attendees (CwReview *self);
const char *cw_review_get_period_start (CwReview *self);
const char *cw_review_get_period_end (CwReview *self);
CwReviewStatus cw_review_get_status (CwReview *self);
const char *cw_review_get_figures_as_of (CwReview *self);
const char *cw_review_get_approved_at (CwReview *self);
const char *cw_review_get_approved_by (CwReview *self);
const char *cw_review_get_conclusion (CwReview *self);
const char *cw_review_get_next_review (CwReview *self);
GPtrArray *cw_review_get_entries (CwReview *self);
GPtrArray *cw_review_get_attendee_list (CwReview *self);
const CwReviewEntry *cw_review_lookup_entry (CwReview *self, const char *input);
CwReviewOutputKind cw_review_get_output_kind (CwReview *self, gint64 action_id);
gboolean cw_review_can_edit (CwReview *self, GError **error);
gboolean cw_review_can_approve (CwReview *self, const char *approved_by, const GDate *today,
                                GError **error);
gboolean cw_review_meets_rules (CwReview *self, const GDate *today, GError **error);

gint64 cw_workspace_create_review (CwWorkspace *self, const CwReviewDraft *draft,
                                   const GDate *today, GError **error);
CwReview *cw_workspace_get_review (CwWorkspace *self, gint64 id, GError **error);
GPtrArray *cw_workspace_list_reviews (CwWorkspace *self, GError **error);
gboolean cw_workspace_update_review (CwWorkspace *self, gint64 id, const CwReviewDraft *draft,
                                     GError **error);
gboolean cw_workspace_note_review (CwWorkspace *self, gint64 id, const char *input,
                                   const char *notes, GError **error);
gboolean cw_workspace_refresh_review (CwWorkspace *self, gint64 id, const GDate *today,
                                      GError **error);
gint64 cw_workspace_decide (CwWorkspace *self, gint64 id, const CwReviewDecision *decision,
                            GError **error);
gboolean cw_workspace_set_nothing_to_report (CwWorkspace *self, gint64 id, const char *input,
                                             gboolean nothing, GError **error);
guint cw_workspace_add_review_attendee (CwWorkspace *self, gint64 id,
                                        const CwReviewAttendeeDraft *attendee, GError **error);
gboolean cw_workspace_update_review_attendee (CwWorkspace *self, gint64 id, guint position,
                                              const CwReviewAttendeeDraft *attendee,
                                              GError **error);
gboolean cw_workspace_remove_review_attendee (CwWorkspace *self, gint64 id, guint position,
                                              GError **error);
gboolean cw_workspace_conclude_review (CwWorkspace *self, gint64 id, const char *conclusion,
                                       const char *next_review, GError **error);
gboolean cw_workspace_approve_review (CwWorkspace *self, gint64 id, const char *approved_by,
                                      const GDate *today, GError **error);
gboolean cw_review_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error);

char *cw_workspace_review_figures (CwWorkspace *self, const char *prefill,
                                   const char *period_start, const char *period_end,
                                   const GDate *today, GError **error);

G_END_DECLS
