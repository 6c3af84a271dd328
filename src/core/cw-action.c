/* cw-action.c: the corrective action register and its workflow.
 *
 * The rules, once: planning needs a root cause, a plan, an owner and a due
 * date; verification needs evidence; a verification that finds the action not
 * effective returns it to planned with the verdict kept in the history; a
 * closed action never changes. A finding's status follows its action in the
 * same transaction, and an audit closes only when each of its
 * nonconformities has an action verified effective.
 *
 * Dates are calendar days. "Today" is the user's local day and is always
 * passed in, so the window, the CLI and the tests agree on one rule while
 * each decides which day it is.
 */
#define G_LOG_DOMAIN "cw-action"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-terms.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-review.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

/* ---- Vocabularies ------------------------------------------------------ */

static const CwTerm statuses[] = {
  [CW_ACTION_OPEN] = { "open", N_("Open") },
  [CW_ACTION_PLANNED] = { "planned", N_("Planned") },
  [CW_ACTION_IMPLEMENTED] = { "implemented", N_("Implemented") },
  [CW_ACTION_VERIFIED] = { "verified", N_("Verified effective") },
  [CW_ACTION_CLOSED] = { "closed", N_("Closed") },
};

static const CwTerm sources[] = {
  [CW_ACTION_SOURCE_INTERNAL_AUDIT] = { "internal-audit", N_("Internal audit") },
  [CW_ACTION_SOURCE_CERTIFICATION_AUDIT] = { "certification-audit", N_("Certification audit") },
  [CW_ACTION_SOURCE_INCIDENT] = { "incident", N_("Incident") },
  [CW_ACTION_SOURCE_COMPLAINT] = { "complaint", N_("Complaint") },
  [CW_ACTION_SOURCE_MANAGEMENT_REVIEW] = { "management-review", N_("Management review") },
  [CW_ACTION_SOURCE_OTHER] = { "other", N_("Other") },
};

/* CW_CAUSE_NONE has no token: it is stored as NULL. */
static const CwTerm causes[] = {
  [CW_CAUSE_NONE] = { "", N_("Not yet known") },
  [CW_CAUSE_PEOPLE] = { "people", N_("People (skills, awareness, workload)") },
  [CW_CAUSE_PROCESS] = { "process", N_("Process (missing or unclear steps)") },
  [CW_CAUSE_TECHNOLOGY] = { "technology", N_("Technology (tools, systems)") },
  [CW_CAUSE_SUPPLIER] = { "supplier", N_("Supplier") },
  [CW_CAUSE_INFORMATION] = { "information", N_("Information (documents, data)") },
  [CW_CAUSE_OTHER] = { "other", N_("Other") },
};

static const CwTerm moves[] = {
  [CW_ACTION_MOVE_PLANNED] = { "planned", N_("Mark planned") },
  [CW_ACTION_MOVE_IMPLEMENTED] = { "implemented", N_("Mark implemented") },
  [CW_ACTION_MOVE_VERIFIED] = { "verified", N_("Verified effective") },
  [CW_ACTION_MOVE_NOT_EFFECTIVE] = { "not-effective", N_("Found not effective") },
  [CW_ACTION_MOVE_CLOSED] = { "closed", N_("Close") },
};

static const CwTerm due_states[] = {
  [CW_ACTION_DUE_NONE] = { "none", N_("No due date") },
  [CW_ACTION_DUE_ON_TRACK] = { "on-track", N_("On track") },
  [CW_ACTION_DUE_SOON] = { "due-soon", N_("Due soon") },
  [CW_ACTION_DUE_OVERDUE] = { "overdue", N_("Overdue") },
};

CW_DEFINE_TERMS (cw_action_status, CwActionStatus, statuses, 0)
CW_DEFINE_TERMS (cw_action_source, CwActionSource, sources, 0)
CW_DEFINE_TERMS (cw_cause_category, CwCauseCategory, causes, 1)
CW_DEFINE_TERMS (cw_action_move, CwActionMove, moves, 0)

const char *
cw_action_due_state_to_string (CwActionDueState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (due_states), NULL);
  return due_states[state].token;
}

const char *
cw_action_due_state_label (CwActionDueState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (due_states), NULL);
  return _(due_states[state].label);
}

/* The two workflows have the same five steps, on purpose. */
CwFindingStatus
cw_action_status_to_finding_status (CwActionStatus status)
{
  switch (status)
    {
    case CW_ACTION_OPEN:
      return CW_FINDING_OPEN;
    case CW_ACTION_PLANNED:
      return CW_FINDING_PLANNED;
    case CW_ACTION_IMPLEMENTED:
      return CW_FINDING_IMPLEMENTED;
    case CW_ACTION_VERIFIED:
      return CW_FINDING_VERIFIED;
    case CW_ACTION_CLOSED:
      return CW_FINDING_CLOSED;
    default:
      g_return_val_if_reached (CW_FINDING_OPEN);
    }
}

/* ---- The object -------------------------------------------------------- */

struct _CwAction
{
  GObject parent_instance;
  gint64 id;
  gint64 rev;
  char *title;
  CwActionSource source;
  gint64 finding_id;
  gint64 review_id;
  char *description;
  char *correction;
  char *root_cause;
  CwCauseCategory cause_category;
  char *similar;
  char *plan;
  char *owner;
  char *due;
  char *check_due;
  char *verification;
  guint not_effective;
  CwActionStatus status;
  char *created_at;
};

G_DEFINE_FINAL_TYPE (CwAction, cw_action, G_TYPE_OBJECT)

static void
cw_action_finalize (GObject *object)
{
  CwAction *self = CW_ACTION (object);
  g_free (self->title);
  g_free (self->description);
  g_free (self->correction);
  g_free (self->root_cause);
  g_free (self->similar);
  g_free (self->plan);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->check_due);
  g_free (self->verification);
  g_free (self->created_at);
  G_OBJECT_CLASS (cw_action_parent_class)->finalize (object);
}

static void
cw_action_class_init (CwActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_action_finalize;
}

static void
cw_action_init (CwAction *self)
{
}

#define GETTER(type, name, fallback)                                                               \
  type cw_action_get_##name (CwAction *self)                                                       \
  {                                                                                                \
    g_return_val_if_fail (CW_IS_ACTION (self), fallback);                                          \
    return self->name;                                                                             \
  }

GETTER (gint64, id, 0)
GETTER (const char *, title, NULL)
GETTER (CwActionSource, source, CW_ACTION_SOURCE_OTHER)
GETTER (gint64, finding_id, 0)
GETTER (gint64, review_id, 0)
GETTER (const char *, description, NULL)
GETTER (const char *, correction, NULL)
GETTER (const char *, root_cause, NULL)
GETTER (CwCauseCategory, cause_category, CW_CAUSE_NONE)
GETTER (const char *, similar, NULL)
GETTER (const char *, plan, NULL)
GETTER (const char *, owner, NULL)
GETTER (const char *, due, NULL)
GETTER (const char *, check_due, NULL)
GETTER (const char *, verification, NULL)
GETTER (CwActionStatus, status, CW_ACTION_OPEN)
GETTER (const char *, created_at, NULL)

/* Similar cases count as looked for once the action says where and what was
 * found: one fact, kept once. */
gboolean
cw_action_get_similar_checked (CwAction *self)
{
  g_return_val_if_fail (CW_IS_ACTION (self), FALSE);
  return *self->similar != '\0';
}

/* How many times an effectiveness check found the action not effective. */
guint
cw_action_get_not_effective_count (CwAction *self)
{
  g_return_val_if_fail (CW_IS_ACTION (self), 0);
  return self->not_effective;
}

/* The 5-whys chain, one "why" per element. */
GStrv
cw_action_dup_whys (CwAction *self)
{
  g_return_val_if_fail (CW_IS_ACTION (self), NULL);
  if (*self->root_cause == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (self->root_cause, "\n", -1);
}

static CwActionDueState
due_state (CwActionStatus status, const char *due, const GDate *today)
{
  GDate due_date;
  if (status >= CW_ACTION_VERIFIED || due == NULL || !cw_date_parse (due, &due_date, NULL))
    return CW_ACTION_DUE_NONE;
  gint days = g_date_days_between (today, &due_date);
  if (days < 0)
    return CW_ACTION_DUE_OVERDUE;
  if (days <= CW_ACTION_DUE_SOON_DAYS)
    return CW_ACTION_DUE_SOON;
  return CW_ACTION_DUE_ON_TRACK;
}

/* Overdue: not yet verified or closed, and due before `today`. Due soon:
 * due today or within the next CW_ACTION_DUE_SOON_DAYS days. */
CwActionDueState
cw_action_get_due_state (CwAction *self, const GDate *today)
{
  g_return_val_if_fail (CW_IS_ACTION (self), CW_ACTION_DUE_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), CW_ACTION_DUE_NONE);
  return due_state (self->status, self->due, today);
}

gboolean
cw_action_is_overdue (CwAction *self, const GDate *today)
{
  return cw_action_get_due_state (self, today) == CW_ACTION_DUE_OVERDUE;
}

/* ---- The workflow ------------------------------------------------------ */

/* What planning still lacks, as "the root cause, the owner", or NULL. */
static char *
planning_gaps (const char *root_cause, const char *plan, const char *owner, const char *due)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  if (cw_text_is_blank (root_cause))
    g_ptr_array_add (missing, (gpointer) _("the root cause"));
  if (cw_text_is_blank (plan))
    g_ptr_array_add (missing, (gpointer) _("the action plan"));
  if (cw_text_is_blank (owner))
    g_ptr_array_add (missing, (gpointer) _("the owner"));
  if (due == NULL || *due == '\0')
    g_ptr_array_add (missing, (gpointer) _("the due date"));
  if (missing->len == 0)
    return NULL;
  g_ptr_array_add (missing, NULL);
  return g_strjoinv (", ", (char **) missing->pdata);
}

static gboolean
check_move (gint64 id, CwActionStatus status, const char *root_cause, const char *plan,
            const char *owner, const char *due, const char *verification, CwActionMove move,
            GError **error)
{
  const char *state = cw_action_status_to_string (status);
  if (status == CW_ACTION_CLOSED)
    {
      cw_set_invalid (error,
                   _("Action %" PRId64 " is closed and can no longer change; if the "
                     "problem has come back, raise a new action"),
                   id);
      return FALSE;
    }
  switch (move)
    {
    case CW_ACTION_MOVE_PLANNED:
      {
        if (status != CW_ACTION_OPEN)
          {
            cw_set_invalid (error,
                         _("Action %" PRId64 " is %s; only an open action can be "
                           "planned (an implemented action found not effective returns to "
                           "planned with the move not-effective)"),
                         id, state);
            return FALSE;
          }
        g_autofree char *gaps = planning_gaps (root_cause, plan, owner, due);
        if (gaps != NULL)
          {
            cw_set_invalid (error,
                         _("Action %" PRId64 " cannot be planned yet: planning needs "
                           "a root cause, an action plan, an owner and a due date; missing: %s"),
                         id, gaps);
            return FALSE;
          }
        return TRUE;
      }
    case CW_ACTION_MOVE_IMPLEMENTED:
      if (status != CW_ACTION_PLANNED)
        {
          cw_set_invalid (error,
                       _("Action %" PRId64 " is %s; only a planned action can be "
                         "marked implemented"),
                       id, state);
          return FALSE;
        }
      return TRUE;
    case CW_ACTION_MOVE_VERIFIED:
    case CW_ACTION_MOVE_NOT_EFFECTIVE:
      if (status != CW_ACTION_IMPLEMENTED)
        {
          cw_set_invalid (error,
                       move == CW_ACTION_MOVE_VERIFIED
                         ? _("Action %" PRId64 " is %s; only an implemented action "
                             "can be verified")
                         : _("Action %" PRId64 " is %s; only an implemented action "
                             "can be found not effective"),
                       id, state);
          return FALSE;
        }
      if (cw_text_is_blank (verification))
        {
          cw_set_invalid (error,
                       _("Action %" PRId64 " has no verification evidence; record "
                         "what was checked and what it showed before giving the verdict"),
                       id);
          return FALSE;
        }
      return TRUE;
    case CW_ACTION_MOVE_CLOSED:
      if (status != CW_ACTION_VERIFIED)
        {
          cw_set_invalid (error,
                       _("Action %" PRId64 " is %s; only an action verified as "
                         "effective can be closed"),
                       id, state);
          return FALSE;
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The move that normally follows a status: the one the window suggests, and
 * whose blocker it explains when the move is not yet allowed. */
CwActionMove
cw_action_next_move (CwActionStatus status)
{
  switch (status)
    {
    case CW_ACTION_OPEN:
      return CW_ACTION_MOVE_PLANNED;
    case CW_ACTION_PLANNED:
      return CW_ACTION_MOVE_IMPLEMENTED;
    case CW_ACTION_IMPLEMENTED:
      return CW_ACTION_MOVE_VERIFIED;
    default:
      return CW_ACTION_MOVE_CLOSED;
    }
}

/* Whether `move` is allowed now, and if not, why (CW_WORKSPACE_ERROR_INVALID
 * with a sentence a person can act on). The window asks this for each move
 * to enable its buttons and explain the disabled ones. */
gboolean
cw_action_can_move (CwAction *self, CwActionMove move, GError **error)
{
  g_return_val_if_fail (CW_IS_ACTION (self), FALSE);
  g_return_val_if_fail ((guint) move < CW_ACTION_N_MOVES, FALSE);
  return check_move (self->id, self->status, self->root_cause, self->plan, self->owner,
                     self->due, self->verification, move, error);
}

/* ---- Reading ----------------------------------------------------------- */

#define ACTION_COLUMNS                                                                             \
  "id, title, source, finding, review, description, correction, root_cause, cause_category,"      \
  " similar, plan, owner, due, check_due, verification, not_effective, status, created_at, rev"

static CwAction *
action_from_row (CwStmt *row)
{
  CwAction *self = g_object_new (CW_TYPE_ACTION, NULL);
  self->id = cw_stmt_int64 (row, 0);
  self->title = cw_stmt_dup_text (row, 1);
  cw_action_source_from_string (cw_stmt_text (row, 2), &self->source);
  self->finding_id = cw_stmt_int64 (row, 3);
  self->review_id = cw_stmt_int64 (row, 4);
  self->description = cw_stmt_dup_text (row, 5);
  self->correction = cw_stmt_dup_text (row, 6);
  self->root_cause = cw_stmt_dup_text (row, 7);
  self->cause_category = CW_CAUSE_NONE;
  cw_cause_category_from_string (cw_stmt_text (row, 8),
                                 &self->cause_category);
  self->similar = cw_stmt_dup_text (row, 9);
  self->plan = cw_stmt_dup_text (row, 10);
  self->owner = cw_stmt_dup_text (row, 11);
  self->due = cw_stmt_dup_text (row, 12);
  self->check_due = cw_stmt_dup_text (row, 13);
  self->verification = cw_stmt_dup_text (row, 14);
  self->not_effective = cw_stmt_int64 (row, 15);
  cw_action_status_from_string (cw_stmt_text (row, 16), &self->status);
  self->created_at = cw_stmt_dup_text (row, 17);
  self->rev = cw_stmt_int64 (row, 18);
  return self;
}

static void
set_no_such_action (GError **error, gint64 id)
{
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no action %" PRId64 " in this workspace; "
                 "“clausewise-cli action list” shows the actions"),
               id);
}

static CwAction *
get_one (CwWorkspace *self, CwStmt *stmt, GError **error)
{
  int rc = cw_stmt_step (stmt, error);
  CwAction *action = rc == CW_STEP_ROW ? action_from_row (stmt) : NULL;
  cw_stmt_reset (stmt);
  return action;
}

CwAction *
cw_workspace_get_action (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " ACTION_COLUMNS " FROM action WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  g_autoptr (GError) local = NULL;
  CwAction *action = get_one (self, stmt, &local);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (action == NULL)
    set_no_such_action (error, id);
  return action;
}

/* The finding's action, or NULL without an error when it has none. */
CwAction *
cw_workspace_get_action_for_finding (CwWorkspace *self, gint64 finding_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " ACTION_COLUMNS " FROM action WHERE finding = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, finding_id);
  return get_one (self, stmt, error);
}

static gboolean
owner_matches (CwAction *action, const char *folded_part)
{
  if (folded_part == NULL)
    return TRUE;
  g_autofree char *owner = g_utf8_casefold (action->owner, -1);
  return strstr (owner, folded_part) != NULL;
}

/* Actions in the order they were raised, narrowed by `filter` (NULL: all). */
GPtrArray *
cw_workspace_list_actions (CwWorkspace *self, const CwActionFilter *filter, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (filter == NULL || !filter->overdue_only || filter->today != NULL, NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT " ACTION_COLUMNS " FROM action WHERE (?1 IS NULL OR status = ?1)"
    " AND (?2 = 0 OR finding = ?2) AND (?3 = 0 OR review = ?3)"
    " AND (?4 IS NULL OR review IN (SELECT id FROM review WHERE held_on < ?4)) ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL && filter->by_status)
    cw_stmt_bind_text (stmt, 1, cw_action_status_to_string (filter->status));
  cw_stmt_bind_int64 (stmt, 2, filter ? filter->finding_id : 0);
  cw_stmt_bind_int64 (stmt, 3, filter ? filter->review_id : 0);
  if (filter != NULL && filter->decided_before != NULL)
    cw_stmt_bind_text (stmt, 4, filter->decided_before);
  g_autofree char *owner = filter != NULL && !cw_text_is_blank (filter->owner)
                             ? g_utf8_casefold (filter->owner, -1)
                             : NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_autoptr (CwAction) action = action_from_row (stmt);
      if ((filter != NULL && filter->overdue_only && !cw_action_is_overdue (action, filter->today))
          || !owner_matches (action, owner))
        continue;
      g_ptr_array_add (actions, g_steal_pointer (&action));
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  return g_steal_pointer (&actions);
}

/* ---- Creating ---------------------------------------------------------- */

static gboolean
check_optional_date (const char *date, GError **error)
{
  return date == NULL || *date == '\0' || cw_date_check (date, error);
}

/* The review a decision belongs to must exist and still be a draft. */
static gboolean
check_review_open (CwWorkspace *self, gint64 review_id, GError **error)
{
  g_autoptr (CwReview) review = cw_workspace_get_review (self, review_id, error);
  return review != NULL && cw_review_can_edit (review, error);
}

/* Checks the draft and, for a finding, works out title and description. */
static gboolean
check_draft (CwWorkspace *self, const CwActionDraft *draft, char **title, char **description,
             GError **error)
{
  const CwTextField fields[] = {
    { draft->title, CW_TEXT_SHORT_MAX, N_("the action's title") },
    { draft->description, CW_TEXT_LONG_MAX, N_("the description") },
    { draft->owner, CW_TEXT_SHORT_MAX, N_("the owner") },
    { draft->due, CW_TEXT_SHORT_MAX, N_("the due date") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if ((guint) draft->source >= G_N_ELEMENTS (sources))
    {
      cw_set_invalid (error, _("Unknown source of an action; use one of %s"),
                   cw_action_source_tokens ());
      return FALSE;
    }
  if (!check_optional_date (draft->due, error))
    return FALSE;
  if (draft->finding_id != 0)
    {
      /* Any grade may get an action: an observation is often worth acting on
       * before it becomes a nonconformity. Only nonconformities must have
       * one before their audit closes. */
      if (draft->source != CW_ACTION_SOURCE_INTERNAL_AUDIT || draft->review_id != 0)
        {
          cw_set_invalid (error, _("An action raised from a finding has the source "
                                "internal-audit; leave the source out"));
          return FALSE;
        }
      g_autoptr (CwFinding) finding = cw_workspace_get_finding (self, draft->finding_id, error);
      if (finding == NULL)
        return FALSE;
      g_autoptr (GError) local = NULL;
      g_autoptr (CwAction) existing
        = cw_workspace_get_action_for_finding (self, draft->finding_id, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (existing != NULL)
        {
          cw_set_invalid (error,
                       _("Finding %" PRId64 " already has action %" PRId64
                         "; work on that action instead of raising another"),
                       draft->finding_id, existing->id);
          return FALSE;
        }
      *title = cw_text_is_blank (draft->title)
                 ? g_strdup_printf (_("Finding %" PRId64 ": %s at clause %s"),
                                    draft->finding_id,
                                    cw_grade_label (cw_finding_get_grade (finding)),
                                    cw_finding_get_clause (finding))
                 : cw_text_trimmed (draft->title);
      const char *statement = cw_finding_get_statement (finding);
      *description = !cw_text_is_blank (draft->description) ? cw_text_trimmed (draft->description)
                     : *statement != '\0' ? g_strdup (statement)
                                          : g_strdup (cw_finding_get_evidence (finding));
      return TRUE;
    }

  if (draft->source == CW_ACTION_SOURCE_INTERNAL_AUDIT)
    {
      cw_set_invalid (error, _("An action from an internal audit is raised from its finding; "
                            "give the finding instead of the source"));
      return FALSE;
    }
  if (draft->review_id != 0)
    {
      if (draft->source != CW_ACTION_SOURCE_MANAGEMENT_REVIEW)
        {
          cw_set_invalid (error, _("A decision of a management review has the source "
                                "management-review"));
          return FALSE;
        }
      if (!check_review_open (self, draft->review_id, error))
        return FALSE;
    }
  if (cw_text_is_blank (draft->title))
    {
      cw_set_invalid (error, _("An action needs a title that says what is to be fixed, such as "
                            "“Record out-of-hours emergency change approvals”"));
      return FALSE;
    }
  *title = cw_text_trimmed (draft->title);
  *description = cw_text_trimmed (draft->description);
  return TRUE;
}

static gint64
insert_action (CwWorkspace *self, const CwActionDraft *draft, const char *title,
               const char *description, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO action (title, source, finding, review, description, owner, due, created_at,"
    " uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *owner = cw_text_trimmed (draft->owner);
  g_autofree char *now = cw_timestamp_now ();
  cw_stmt_bind_text (stmt, 1, title);
  cw_stmt_bind_text (stmt, 2, cw_action_source_to_string (draft->source));
  if (draft->finding_id != 0)
    cw_stmt_bind_int64 (stmt, 3, draft->finding_id);
  if (draft->review_id != 0)
    cw_stmt_bind_int64 (stmt, 4, draft->review_id);
  cw_stmt_bind_text (stmt, 5, description);
  cw_stmt_bind_text (stmt, 6, owner);
  cw_stmt_bind_text (stmt, 7, draft->due && *draft->due ? draft->due : NULL);
  cw_stmt_bind_text (stmt, 8, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 9, uuid);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  g_autofree char *finding
    = draft->finding_id ? g_strdup_printf ("%" G_GINT64_FORMAT, draft->finding_id) : NULL;
  g_autofree char *review
    = draft->review_id ? g_strdup_printf ("%" G_GINT64_FORMAT, draft->review_id) : NULL;
  gboolean ok = cw_workspace_record (self, "action", id, "created", NULL, title, error)
                && cw_workspace_record (self, "action", id, "source", NULL,
                                        cw_action_source_to_string (draft->source), error)
                && (finding == NULL
                    || cw_workspace_record (self, "action", id, "finding", NULL, finding, error))
                && (review == NULL
                    || cw_workspace_record (self, "review", draft->review_id, "decision", NULL,
                                            title, error))
                && cw_workspace_record_change (self, "action", id, "owner", "", owner, error)
                && cw_workspace_record_change (self, "action", id, "due", NULL,
                                               draft->due && *draft->due ? draft->due : NULL,
                                               error);
  return ok ? id : 0;
}

/* Returns the new action's id, or 0 with `error` set. */
gint64
cw_workspace_create_action (CwWorkspace *self, const CwActionDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  g_autofree char *title = NULL, *description = NULL;
  if (!check_draft (self, draft, &title, &description, error)
      || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_action (self, draft, title, description, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

/* ---- Editing ----------------------------------------------------------- */

/* "why 1\n\n why 2 " → "why 1\nwhy 2"; NULL when the chain is too long. */
static char *
normalise_whys (const char *text, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  guint n = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    if (!cw_text_is_blank (lines[i]))
      {
        g_strv_builder_add (kept, g_strstrip (lines[i]));
        n++;
      }
  if (n > CW_ACTION_MAX_WHYS)
    {
      cw_set_invalid (error,
                   _("A 5-whys chain has at most %d “why” lines, one a line; this root cause "
                     "has %u: keep the chain to the deepest five"),
                   CW_ACTION_MAX_WHYS, n);
      return NULL;
    }
  g_auto (GStrv) joined = g_strv_builder_end (kept);
  return g_strjoinv ("\n", joined);
}

typedef struct
{
  char *title, *description, *correction, *root_cause, *similar, *plan, *owner, *due, *check_due,
    *verification;
  CwCauseCategory cause_category;
} Values;

static void
values_clear (Values *v)
{
  char **fields[] = { &v->title, &v->description, &v->correction, &v->root_cause, &v->similar,
                      &v->plan, &v->owner, &v->due, &v->check_due, &v->verification };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

static char *
pick_text (const char *change, const char *current)
{
  return change != NULL ? cw_text_trimmed (change) : g_strdup (current);
}

static char *
pick_date (const char *change, const char *current)
{
  if (change == NULL)
    return g_strdup (current);
  return *change != '\0' ? g_strdup (change) : NULL;
}

/* The action as it would be after `changes`, checked against the rules of
 * the state it is in: a planned action keeps what planning needed, and a
 * verified one keeps its evidence. */
static gboolean
apply_changes (CwAction *action, const CwActionChanges *changes, Values *v, GError **error)
{
  const CwTextField fields[] = {
    { changes->title, CW_TEXT_SHORT_MAX, N_("the action's title") },
    { changes->description, CW_TEXT_LONG_MAX, N_("the description") },
    { changes->correction, CW_TEXT_LONG_MAX, N_("the correction") },
    { changes->root_cause, CW_TEXT_LONG_MAX, N_("the root cause") },
    { changes->similar, CW_TEXT_LONG_MAX, N_("the review of similar cases") },
    { changes->plan, CW_TEXT_LONG_MAX, N_("the plan") },
    { changes->owner, CW_TEXT_SHORT_MAX, N_("the owner") },
    { changes->due, CW_TEXT_SHORT_MAX, N_("the due date") },
    { changes->check_due, CW_TEXT_SHORT_MAX, N_("the date of the effectiveness check") },
    { changes->verification, CW_TEXT_LONG_MAX, N_("the verification") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (action->status == CW_ACTION_CLOSED)
    {
      cw_set_invalid (error,
                   _("Action %" PRId64 " is closed and can no longer change; if the "
                     "problem has come back, raise a new action"),
                   action->id);
      return FALSE;
    }
  if (changes->title != NULL && cw_text_is_blank (changes->title))
    {
      cw_set_invalid (error, _("An action needs a title; the title cannot be emptied"));
      return FALSE;
    }
  if (!check_optional_date (changes->due, error)
      || !check_optional_date (changes->check_due, error))
    return FALSE;
  if (changes->cause_category != NULL
      && (guint) *changes->cause_category >= G_N_ELEMENTS (causes))
    {
      cw_set_invalid (error, _("Unknown cause category; use one of %s"),
                   cw_cause_category_tokens ());
      return FALSE;
    }
  if (changes->root_cause != NULL)
    {
      v->root_cause = normalise_whys (changes->root_cause, error);
      if (v->root_cause == NULL)
        return FALSE;
    }
  else
    v->root_cause = g_strdup (action->root_cause);
  v->title = pick_text (changes->title, action->title);
  v->description = pick_text (changes->description, action->description);
  v->correction = pick_text (changes->correction, action->correction);
  v->similar = pick_text (changes->similar, action->similar);
  v->plan = pick_text (changes->plan, action->plan);
  v->owner = pick_text (changes->owner, action->owner);
  v->verification = pick_text (changes->verification, action->verification);
  v->due = pick_date (changes->due, action->due);
  v->check_due = pick_date (changes->check_due, action->check_due);
  v->cause_category
    = changes->cause_category ? *changes->cause_category : action->cause_category;

  if (action->status >= CW_ACTION_PLANNED)
    {
      g_autofree char *gaps = planning_gaps (v->root_cause, v->plan, v->owner, v->due);
      if (gaps != NULL)
        {
          cw_set_invalid (error,
                       _("Action %" PRId64 " is %s, so it must keep its root cause, "
                         "plan, owner and due date; this change would leave it without %s"),
                       action->id, cw_action_status_to_string (action->status), gaps);
          return FALSE;
        }
    }
  if (action->status >= CW_ACTION_VERIFIED && cw_text_is_blank (v->verification))
    {
      cw_set_invalid (error,
                   _("Action %" PRId64 " is verified, so its verification evidence "
                     "cannot be emptied"),
                   action->id);
      return FALSE;
    }
  return TRUE;
}

static const char *
category_token (CwCauseCategory category)
{
  return category == CW_CAUSE_NONE ? NULL : cw_cause_category_to_string (category);
}

static gboolean
store_values (CwWorkspace *self, CwAction *a, const Values *v, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE action SET title = ?, description = ?, correction = ?, root_cause = ?,"
    " cause_category = ?, similar = ?, plan = ?, owner = ?, due = ?,"
    " check_due = ?, verification = ?, rev = rev + 1 WHERE id = ? AND rev = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  const char *texts[] = { v->title,
                          v->description,
                          v->correction,
                          v->root_cause,
                          category_token (v->cause_category) };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    cw_stmt_bind_text (stmt, i + 1, texts[i]);
  const char *more[] = { v->similar, v->plan, v->owner, v->due, v->check_due, v->verification };
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    cw_stmt_bind_text (stmt, i + 6, more[i]);
  cw_stmt_bind_int64 (stmt, 12, a->id);
  cw_stmt_bind_int64 (stmt, 13, a->rev);
  if (!cw_workspace_run_update (self, stmt, "action", a->id, error))
    return FALSE;

  static const char *const fields[] = { "title", "description", "correction", "root_cause",
                                        "cause_category", "similar", "plan", "owner", "due",
                                        "check_due", "verification" };
  const char *before[] = { a->title, a->description, a->correction, a->root_cause,
                           category_token (a->cause_category), a->similar, a->plan, a->owner,
                           a->due, a->check_due, a->verification };
  const char *after[] = { v->title, v->description, v->correction, v->root_cause,
                          category_token (v->cause_category), v->similar, v->plan, v->owner,
                          v->due, v->check_due, v->verification };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!cw_workspace_record_change (self, "action", a->id, fields[i], before[i], after[i],
                                     error))
      return FALSE;
  return TRUE;
}

gboolean
cw_workspace_update_action (CwWorkspace *self, gint64 id, const CwActionChanges *changes,
                            GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  g_autoptr (CwAction) action = cw_workspace_get_action (self, id, error);
  g_auto (Values) values = { 0 };
  if (action == NULL || !apply_changes (action, changes, &values, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, store_values (self, action, &values, error), error);
}

/* ---- Moving ------------------------------------------------------------ */

static gboolean
store_finding_status (CwWorkspace *self, gint64 finding_id, CwActionStatus status,
                      GError **error)
{
  CwStmt *read
    = cw_workspace_prepare (self, "SELECT status FROM finding WHERE id = ?", error);
  if (read == NULL)
    return FALSE;
  cw_stmt_bind_int64 (read, 1, finding_id);
  g_autofree char *old = NULL;
  if (!cw_stmt_first_text (read, &old, error))
    return FALSE;
  const char *new = cw_finding_status_to_string (cw_action_status_to_finding_status (status));
  if (g_strcmp0 (old, new) == 0)
    return TRUE;

  CwStmt *write
    = cw_workspace_prepare (self, "UPDATE finding SET status = ?, rev = rev + 1 WHERE id = ?", error);
  if (write == NULL)
    return FALSE;
  cw_stmt_bind_text (write, 1, new);
  cw_stmt_bind_int64 (write, 2, finding_id);
  return cw_stmt_run (write, error)
         && cw_workspace_record_change (self, "finding", finding_id, "status", old, new, error);
}

static gboolean
store_move (CwWorkspace *self, CwAction *action, CwActionMove move, GError **error)
{
  CwActionStatus target;
  const char *verdict = NULL;
  switch (move)
    {
    case CW_ACTION_MOVE_PLANNED:
      target = CW_ACTION_PLANNED;
      break;
    case CW_ACTION_MOVE_IMPLEMENTED:
      target = CW_ACTION_IMPLEMENTED;
      break;
    case CW_ACTION_MOVE_VERIFIED:
      target = CW_ACTION_VERIFIED;
      verdict = "effective";
      break;
    case CW_ACTION_MOVE_NOT_EFFECTIVE:
      target = CW_ACTION_PLANNED;
      verdict = "not-effective";
      break;
    case CW_ACTION_MOVE_CLOSED:
    default:
      target = CW_ACTION_CLOSED;
      break;
    }
  gboolean failed = move == CW_ACTION_MOVE_NOT_EFFECTIVE;

  /* A failed check keeps its evidence in the history and clears the field,
   * so the next verdict needs evidence of its own. */
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE action SET status = ?, verification = CASE WHEN ?2 THEN '' ELSE verification END,"
    " not_effective = not_effective + ?2, rev = rev + 1 WHERE id = ?3 AND rev = ?4",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, cw_action_status_to_string (target));
  cw_stmt_bind_int64 (stmt, 2, failed);
  cw_stmt_bind_int64 (stmt, 3, action->id);
  cw_stmt_bind_int64 (stmt, 4, action->rev);
  if (!cw_workspace_run_update (self, stmt, "action", action->id, error))
    return FALSE;
  if (verdict != NULL
      && !cw_workspace_record (self, "action", action->id, "verdict", action->verification,
                               verdict, error))
    return FALSE;
  if (failed
      && !cw_workspace_record (self, "action", action->id, "verification", action->verification,
                               "", error))
    return FALSE;
  if (!cw_workspace_record (self, "action", action->id, "status",
                            cw_action_status_to_string (action->status),
                            cw_action_status_to_string (target), error))
    return FALSE;
  return action->finding_id == 0
         || store_finding_status (self, action->finding_id, target, error);
}

/* Moves the action one step of its workflow, or refuses with the reason. */
gboolean
cw_workspace_move_action (CwWorkspace *self, gint64 id, CwActionMove move, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail ((guint) move < CW_ACTION_N_MOVES, FALSE);

  g_autoptr (CwAction) action = cw_workspace_get_action (self, id, error);
  if (action == NULL || !cw_action_can_move (action, move, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, store_move (self, action, move, error), error);
}
