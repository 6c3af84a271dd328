/* cw-action.c: the corrective action register and its workflow.
 *
 * The rules, once: planning a corrective action needs the correction, the
 * consequences dealt with, a root cause, the review of similar cases, a plan,
 * an owner and a due date; an improvement needs the plan, owner and due date.
 * A verdict needs evidence and a named verifier (with a reason when the
 * verifier owns the action), and "effective" waits for the check-due date.
 * A verification that finds the action not effective returns it to planned
 * with the verdict kept in the history; a closed action never changes. Each
 * move keeps the day it was made (planned_on … closed_on). A finding's status follows its action in the
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
#include <string.h>

#include "cw-i18n.h"

#include "cw-action.h"
#include "cw-terms.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-external.h"
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

static const CwTerm kinds[] = {
  [CW_ACTION_KIND_CORRECTIVE] = { "corrective", N_("Corrective action") },
  [CW_ACTION_KIND_IMPROVEMENT] = { "improvement", N_("Improvement") },
};

static const CwTerm overdues[] = {
  [CW_ACTION_OVERDUE_NONE] = { "none", N_("Not overdue") },
  [CW_ACTION_OVERDUE_IMPLEMENTATION] = { "implementation", N_("Implementation overdue") },
  [CW_ACTION_OVERDUE_VERIFICATION] = { "verification", N_("Verification overdue") },
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
CW_DEFINE_TERMS (cw_action_kind, CwActionKind, kinds, 0)

const char *
cw_action_overdue_to_string (CwActionOverdue overdue)
{
  g_return_val_if_fail ((guint) overdue < G_N_ELEMENTS (overdues), NULL);
  return overdues[overdue].token;
}

const char *
cw_action_overdue_label (CwActionOverdue overdue)
{
  g_return_val_if_fail ((guint) overdue < G_N_ELEMENTS (overdues), NULL);
  return _(overdues[overdue].label);
}

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
  gint64 external_finding_id;
  CwActionKind kind;
  char *description;
  char *correction;
  char *consequences;
  char *root_cause;
  CwCauseCategory cause_category;
  char *similar;
  char *plan;
  char *owner;
  char *due;
  char *check_due;
  char *verification;
  char *verified_by;
  char *verifier_justification;
  char *planned_on, *implemented_on, *verified_on, *closed_on;
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
  g_free (self->consequences);
  g_free (self->verified_by);
  g_free (self->verifier_justification);
  g_free (self->planned_on);
  g_free (self->implemented_on);
  g_free (self->verified_on);
  g_free (self->closed_on);
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
GETTER (gint64, external_finding_id, 0)
GETTER (const char *, description, NULL)
GETTER (CwActionKind, kind, CW_ACTION_KIND_CORRECTIVE)
GETTER (const char *, correction, NULL)
GETTER (const char *, consequences, NULL)
GETTER (const char *, verified_by, NULL)
GETTER (const char *, verifier_justification, NULL)
GETTER (const char *, planned_on, NULL)
GETTER (const char *, implemented_on, NULL)
GETTER (const char *, verified_on, NULL)
GETTER (const char *, closed_on, NULL)
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

/* The same person, however they typed their name. */
static gboolean
same_person (const char *a, const char *b)
{
  if (cw_text_is_blank (a) || cw_text_is_blank (b))
    return FALSE;
  g_autofree char *ta = cw_text_trimmed (a), *tb = cw_text_trimmed (b);
  g_autofree char *fa = g_utf8_casefold (ta, -1), *fb = g_utf8_casefold (tb, -1);
  return g_str_equal (fa, fb);
}

/* A small organisation may have nobody else to check: then the owner may
 * verify, with a reason on the record. */
gboolean
cw_action_get_verifier_is_owner (CwAction *self)
{
  g_return_val_if_fail (CW_IS_ACTION (self), FALSE);
  return same_person (self->verified_by, self->owner);
}

/* An implemented action waits for its effectiveness check: from then on the
 * date that matters is the check's, not the implementation's. */
static CwActionDueState
due_state (CwActionStatus status, const char *due, const char *check_due, const GDate *today)
{
  GDate due_date;
  if (status == CW_ACTION_IMPLEMENTED)
    due = check_due;
  if (status >= CW_ACTION_VERIFIED || due == NULL || !cw_date_parse (due, &due_date, NULL))
    return CW_ACTION_DUE_NONE;
  gint days = g_date_days_between (today, &due_date);
  if (days < 0)
    return CW_ACTION_DUE_OVERDUE;
  if (days <= CW_ACTION_DUE_SOON_DAYS)
    return CW_ACTION_DUE_SOON;
  return CW_ACTION_DUE_ON_TRACK;
}

/* Overdue: not yet implemented and due before `today`, or implemented and
 * its check due before `today`. Due soon: that date is today or within the
 * next CW_ACTION_DUE_SOON_DAYS days. */
CwActionDueState
cw_action_get_due_state (CwAction *self, const GDate *today)
{
  g_return_val_if_fail (CW_IS_ACTION (self), CW_ACTION_DUE_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), CW_ACTION_DUE_NONE);
  return due_state (self->status, self->due, self->check_due, today);
}

/* Which step is late, when the action is overdue. */
CwActionOverdue
cw_action_get_overdue (CwAction *self, const GDate *today)
{
  g_return_val_if_fail (CW_IS_ACTION (self), CW_ACTION_OVERDUE_NONE);
  if (cw_action_get_due_state (self, today) != CW_ACTION_DUE_OVERDUE)
    return CW_ACTION_OVERDUE_NONE;
  return self->status == CW_ACTION_IMPLEMENTED ? CW_ACTION_OVERDUE_VERIFICATION
                                               : CW_ACTION_OVERDUE_IMPLEMENTATION;
}

gboolean
cw_action_is_overdue (CwAction *self, const GDate *today)
{
  return cw_action_get_due_state (self, today) == CW_ACTION_DUE_OVERDUE;
}

/* ---- The workflow ------------------------------------------------------ */

/* What an action holds that the rules look at: read from an action, or from
 * an action as an edit would leave it. */
typedef struct
{
  gint64 id;
  CwActionStatus status;
  CwActionKind kind;
  const char *correction, *consequences, *root_cause, *similar, *plan, *owner, *due;
  const char *check_due, *verification, *verified_by, *verifier_justification;
  const char *planned_on, *implemented_on, *verified_on;
} Facts;

static Facts
facts_of (CwAction *a)
{
  return (Facts) { a->id,         a->status,       a->kind,
                   a->correction, a->consequences, a->root_cause,
                   a->similar,    a->plan,         a->owner,
                   a->due,        a->check_due,    a->verification,
                   a->verified_by, a->verifier_justification, a->planned_on,
                   a->implemented_on, a->verified_on };
}

/* What the rules can find missing, in the order a person works through
 * them. */
typedef enum
{
  GAP_CORRECTION = 1 << 0,
  GAP_CONSEQUENCES = 1 << 1,
  GAP_ROOT_CAUSE = 1 << 2,
  GAP_SIMILAR = 1 << 3,
  GAP_PLAN = 1 << 4,
  GAP_OWNER = 1 << 5,
  GAP_DUE = 1 << 6,
  GAP_CHECK_DUE = 1 << 7,
  GAP_EVIDENCE = 1 << 8,
  GAP_VERIFIER = 1 << 9,
  GAP_JUSTIFICATION = 1 << 10,
} Gaps;

static const char *const gap_names[] = {
  N_("the correction (what was done at once, or why nothing was needed)"),
  N_("the consequences and how they were dealt with"),
  N_("the root cause"),
  N_("the review of whether similar nonconformities exist or could occur"),
  N_("the action plan"),
  N_("the owner"),
  N_("the due date"),
  N_("the date of the effectiveness check"),
  N_("the verification evidence"),
  N_("who verified it"),
  N_("why the owner verified their own action"),
};

#define PLANNING_GAPS                                                                              \
  (GAP_CORRECTION | GAP_CONSEQUENCES | GAP_ROOT_CAUSE | GAP_SIMILAR | GAP_PLAN | GAP_OWNER       \
   | GAP_DUE)
#define VERDICT_GAPS (GAP_EVIDENCE | GAP_VERIFIER | GAP_JUSTIFICATION)

static guint
planning_gaps (const Facts *f)
{
  guint gaps = 0;
  if (f->kind == CW_ACTION_KIND_CORRECTIVE)
    {
      gaps |= cw_text_is_blank (f->correction) ? GAP_CORRECTION : 0;
      gaps |= cw_text_is_blank (f->consequences) ? GAP_CONSEQUENCES : 0;
      gaps |= cw_text_is_blank (f->root_cause) ? GAP_ROOT_CAUSE : 0;
      gaps |= cw_text_is_blank (f->similar) ? GAP_SIMILAR : 0;
    }
  gaps |= cw_text_is_blank (f->plan) ? GAP_PLAN : 0;
  gaps |= cw_text_is_blank (f->owner) ? GAP_OWNER : 0;
  gaps |= f->due == NULL || *f->due == '\0' ? GAP_DUE : 0;
  return gaps;
}

/* What a verdict (effective or not) needs: evidence, and the person who
 * gave it, with a reason when that is the owner. */
static guint
verdict_gaps (const Facts *f)
{
  guint gaps = 0;
  gaps |= cw_text_is_blank (f->verification) ? GAP_EVIDENCE : 0;
  gaps |= cw_text_is_blank (f->verified_by) ? GAP_VERIFIER : 0;
  if (same_person (f->verified_by, f->owner) && cw_text_is_blank (f->verifier_justification))
    gaps |= GAP_JUSTIFICATION;
  return gaps;
}

/* "the owner, the due date", or NULL when `gaps` is empty. */
static char *
gap_list (guint gaps)
{
  if (gaps == 0)
    return NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (gap_names); i++)
    if (gaps & (1u << i))
      g_ptr_array_add (names, (gpointer) _(gap_names[i]));
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

static const char *
kind_needs (CwActionKind kind)
{
  return kind == CW_ACTION_KIND_CORRECTIVE
           ? _("a corrective action needs the correction, the consequences dealt with, a root "
               "cause, the review of similar nonconformities, an action plan, an owner and a "
               "due date")
           : _("an improvement needs an action plan, an owner and a due date");
}

/* A step cannot be dated before the step it follows. */
static gboolean
check_step_day (const Facts *f, const char *previous, const GDate *today, GError **error)
{
  GDate before;
  if (previous == NULL || !cw_date_parse (previous, &before, NULL)
      || g_date_compare (today, &before) >= 0)
    return TRUE;
  g_autofree char *day = cw_date_to_string (today);
  cw_set_invalid (error,
                  _("Action %" PRId64 " reached its last step on %s; the next step cannot be "
                    "dated %s, before it"),
                  f->id, previous, day);
  return FALSE;
}

static gboolean
check_move (const Facts *f, CwActionMove move, const GDate *today, GError **error)
{
  gint64 id = f->id;
  CwActionStatus status = f->status;
  const char *state = cw_action_status_to_string (status);
  if (status == CW_ACTION_CLOSED)
    {
      cw_set_invalid (error,
                   _("Action %" PRId64 " is closed and can no longer change; if the "
                     "problem has come back, raise a new action"),
                   id);
      return FALSE;
    }
  g_autofree char *planning = gap_list (planning_gaps (f));
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
        if (planning != NULL)
          {
            cw_set_invalid (error,
                            _("Action %" PRId64 " cannot be planned yet: %s; missing: %s"), id,
                            kind_needs (f->kind), planning);
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
      break;
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
      break;
    case CW_ACTION_MOVE_CLOSED:
      if (status != CW_ACTION_VERIFIED)
        {
          cw_set_invalid (error,
                       _("Action %" PRId64 " is %s; only an action verified as "
                         "effective can be closed"),
                       id, state);
          return FALSE;
        }
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  /* An action planned or verified before today's rules moves on once it has
   * what they need; every gap is named at once. */
  guint gaps = planning_gaps (f);
  if (move != CW_ACTION_MOVE_IMPLEMENTED)
    gaps |= verdict_gaps (f);
  if (move == CW_ACTION_MOVE_VERIFIED && (f->check_due == NULL || *f->check_due == '\0'))
    gaps |= GAP_CHECK_DUE;
  if (gaps != 0)
    {
      g_autofree char *missing = gap_list (gaps);
      gboolean verdict = move == CW_ACTION_MOVE_VERIFIED || move == CW_ACTION_MOVE_NOT_EFFECTIVE;
      cw_set_invalid (error,
                      verdict && planning == NULL
                        ? _("Action %" PRId64 " cannot be given a verdict yet: a verdict needs "
                            "the evidence seen and the person who checked it; missing: %s")
                        : _("Action %" PRId64 " lacks what the rules now ask of it before it "
                            "moves on (it reached its step before they did); missing: %s"),
                      id, missing);
      return FALSE;
    }
  if (move == CW_ACTION_MOVE_VERIFIED)
    {
      GDate check;
      if (cw_date_parse (f->check_due, &check, NULL) && g_date_compare (today, &check) < 0)
        {
          g_autofree char *day = cw_date_to_string (today);
          cw_set_invalid (error,
                          _("Action %" PRId64 " is to be checked for effectiveness on %s; it "
                            "cannot be verified effective before then (today is %s)"),
                          id, f->check_due, day);
          return FALSE;
        }
    }
  const char *previous = move == CW_ACTION_MOVE_IMPLEMENTED ? f->planned_on
                         : move == CW_ACTION_MOVE_CLOSED    ? f->verified_on
                                                            : f->implemented_on;
  return check_step_day (f, previous, today, error);
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

/* Whether `move` is allowed on `today`, and if not, why
 * (CW_WORKSPACE_ERROR_INVALID with a sentence a person can act on). The
 * window asks this for each move to enable its buttons and explain the
 * disabled ones. */
gboolean
cw_action_can_move (CwAction *self, CwActionMove move, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_ACTION (self), FALSE);
  g_return_val_if_fail ((guint) move < CW_ACTION_N_MOVES, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  Facts facts = facts_of (self);
  return check_move (&facts, move, today, error);
}

/* Whether the action holds everything the rules ask of an action at its
 * stage: planning's needs once planned, a verdict's once verified, the
 * check not before its date, and the days of its steps in order. The demo
 * and the register's warnings ask this. */
gboolean
cw_action_check_rules (CwAction *self, GError **error)
{
  g_return_val_if_fail (CW_IS_ACTION (self), FALSE);
  Facts f = facts_of (self);
  guint gaps = 0;
  if (f.status >= CW_ACTION_PLANNED)
    gaps |= planning_gaps (&f);
  if (f.status >= CW_ACTION_VERIFIED)
    gaps |= verdict_gaps (&f) | (f.check_due == NULL ? GAP_CHECK_DUE : 0);
  g_autofree char *missing = gap_list (gaps);
  if (missing != NULL)
    {
      cw_set_invalid (error, _("Action %" PRId64 " is %s but lacks %s"), f.id,
                      cw_action_status_to_string (f.status), missing);
      return FALSE;
    }
  /* Each step reached has its day, and the days run in order. */
  const char *days[] = { self->planned_on, self->implemented_on, self->verified_on,
                         self->closed_on };
  const char *previous = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      gboolean reached = f.status >= CW_ACTION_PLANNED + i;
      if (reached && days[i] == NULL)
        {
          cw_set_invalid (error, _("Action %" PRId64 " is %s but has no date for that step"),
                          f.id, cw_action_status_to_string (f.status));
          return FALSE;
        }
      if (days[i] != NULL && previous != NULL && strcmp (days[i], previous) < 0)
        {
          cw_set_invalid (error, _("Action %" PRId64 " has a step dated %s, before the step "
                                   "it follows (%s)"),
                          f.id, days[i], previous);
          return FALSE;
        }
      previous = days[i] ? days[i] : previous;
    }
  if (self->verified_on != NULL && f.check_due != NULL && strcmp (self->verified_on, f.check_due) < 0)
    {
      cw_set_invalid (error,
                      _("Action %" PRId64 " was verified on %s, before its check was due (%s)"),
                      f.id, self->verified_on, f.check_due);
      return FALSE;
    }
  return TRUE;
}

/* ---- Reading ----------------------------------------------------------- */

#define ACTION_COLUMNS                                                                             \
  "id, title, source, finding, review, description, correction, root_cause, cause_category,"      \
  " similar, plan, owner, due, check_due, verification, not_effective, status, created_at, rev,"  \
  " kind, consequences, verified_by, verifier_justification, planned_on, implemented_on,"        \
  " verified_on, closed_on, external_finding"

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
  cw_action_kind_from_string (cw_stmt_text (row, 19), &self->kind);
  self->consequences = cw_stmt_dup_text (row, 20);
  self->verified_by = cw_stmt_dup_text (row, 21);
  self->verifier_justification = cw_stmt_dup_text (row, 22);
  self->planned_on = cw_stmt_dup_text (row, 23);
  self->implemented_on = cw_stmt_dup_text (row, 24);
  self->verified_on = cw_stmt_dup_text (row, 25);
  self->closed_on = cw_stmt_dup_text (row, 26);
  self->external_finding_id = cw_stmt_int64 (row, 27);
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

/* The action raised from a certification body's finding, or NULL without
 * an error when it has none. */
CwAction *
cw_workspace_get_action_for_external_finding (CwWorkspace *self, gint64 finding_id,
                                              GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " ACTION_COLUMNS " FROM action WHERE external_finding = ?", error);
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

/* The kind the action's origin gives it, or the one the draft asks for;
 * a draft that contradicts its origin is refused. */
static gboolean
settle_kind (const CwActionDraft *draft, CwFinding *finding, CwActionKind *kind, GError **error)
{
  if (draft->kind != NULL && (guint) *draft->kind >= G_N_ELEMENTS (kinds))
    {
      cw_set_invalid (error, _("Unknown kind of action; use one of %s"), cw_action_kind_tokens ());
      return FALSE;
    }
  if (finding != NULL)
    *kind = cw_grade_is_nonconformity (cw_finding_get_grade (finding))
              ? CW_ACTION_KIND_CORRECTIVE
              : CW_ACTION_KIND_IMPROVEMENT;
  else if (draft->review_id != 0 || draft->source == CW_ACTION_SOURCE_MANAGEMENT_REVIEW)
    *kind = CW_ACTION_KIND_IMPROVEMENT;
  else
    {
      *kind = draft->kind ? *draft->kind : CW_ACTION_KIND_CORRECTIVE;
      return TRUE;
    }
  if (draft->kind != NULL && *draft->kind != *kind)
    {
      if (finding != NULL)
        cw_set_invalid (error,
                        *kind == CW_ACTION_KIND_CORRECTIVE
                          ? _("Finding %" PRId64 " is a nonconformity (%s), so its action is "
                              "corrective; leave the kind out")
                          : _("Finding %" PRId64 " is not a nonconformity (%s), so its action "
                              "is an improvement; leave the kind out"),
                        cw_finding_get_id (finding), cw_grade_label (cw_finding_get_grade (finding)));
      else
        cw_set_invalid (error, _("A decision of a management review is an improvement; leave "
                                 "the kind out"));
      return FALSE;
    }
  return TRUE;
}

/* An action from a certification body's finding: the source is the
 * certification audit, the kind follows the body's grade (a concern is
 * answered like a nonconformity), one action a finding. */
static gboolean
check_external (CwWorkspace *self, const CwActionDraft *draft, char **title, char **description,
                CwActionKind *kind, GError **error)
{
  if (draft->finding_id != 0 || draft->review_id != 0)
    {
      cw_set_invalid (error, _("An action answers one finding: give either the internal "
                               "finding or the certification body's, not both"));
      return FALSE;
    }
  if (draft->source != CW_ACTION_SOURCE_INTERNAL_AUDIT
      && draft->source != CW_ACTION_SOURCE_CERTIFICATION_AUDIT)
    {
      cw_set_invalid (error, _("An action raised from a certification body's finding has the "
                               "source certification-audit; leave the source out"));
      return FALSE;
    }
  g_autoptr (CwExternalFinding) finding
    = cw_workspace_get_external_finding (self, draft->external_finding_id, error);
  if (finding == NULL)
    return FALSE;
  *kind = cw_body_grade_is_corrective (finding->grade) ? CW_ACTION_KIND_CORRECTIVE
                                                       : CW_ACTION_KIND_IMPROVEMENT;
  if (draft->kind != NULL && *draft->kind != *kind)
    {
      cw_set_invalid (error,
                      *kind == CW_ACTION_KIND_CORRECTIVE
                        ? _("Finding %s of the certification body is a %s, so its action is "
                            "corrective; leave the kind out")
                        : _("Finding %s of the certification body is an %s, so its action is "
                            "an improvement; leave the kind out"),
                      finding->reference, cw_body_grade_label (finding->grade));
      return FALSE;
    }
  if (finding->action_id != 0)
    {
      cw_set_invalid (error,
                      _("Finding %s of the certification body already has action %" PRId64
                        "; work on that action instead of raising another"),
                      finding->reference, finding->action_id);
      return FALSE;
    }
  *title = cw_text_is_blank (draft->title)
             /* TRANSLATORS: "S1-C2 (Stage One): Area of concern at clause 8.3.4" */
             ? g_strdup_printf (_("%s (%s): %s at clause %s"), finding->reference,
                                cw_external_kind_label (finding->audit_kind),
                                cw_body_grade_label (finding->grade), finding->clause)
             : cw_text_trimmed (draft->title);
  *description = cw_text_is_blank (draft->description) ? g_strdup (finding->text)
                                                       : cw_text_trimmed (draft->description);
  return TRUE;
}

/* Checks the draft and, for a finding, works out title and description. */
static gboolean
check_draft (CwWorkspace *self, const CwActionDraft *draft, char **title, char **description,
             CwActionKind *kind, GError **error)
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
  if (draft->external_finding_id != 0)
    return check_external (self, draft, title, description, kind, error);
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
      if (finding == NULL || !settle_kind (draft, finding, kind, error))
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
  if (!settle_kind (draft, NULL, kind, error))
    return FALSE;
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
               const char *description, CwActionKind kind, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO action (title, source, finding, review, description, owner, due, created_at,"
    " uuid, kind, external_finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *owner = cw_text_trimmed (draft->owner);
  g_autofree char *now = cw_timestamp_now ();
  CwActionSource source
    = draft->external_finding_id != 0 ? CW_ACTION_SOURCE_CERTIFICATION_AUDIT : draft->source;
  cw_stmt_bind_text (stmt, 1, title);
  cw_stmt_bind_text (stmt, 2, cw_action_source_to_string (source));
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
  cw_stmt_bind_text (stmt, 10, cw_action_kind_to_string (kind));
  if (draft->external_finding_id != 0)
    cw_stmt_bind_int64 (stmt, 11, draft->external_finding_id);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  g_autofree char *finding
    = draft->finding_id ? g_strdup_printf ("%" PRId64, draft->finding_id) : NULL;
  g_autofree char *review
    = draft->review_id ? g_strdup_printf ("%" PRId64, draft->review_id) : NULL;
  g_autofree char *external = draft->external_finding_id
                                ? g_strdup_printf ("%" PRId64, draft->external_finding_id)
                                : NULL;
  gboolean ok = cw_workspace_record (self, "action", id, "created", NULL, title, error)
                && cw_workspace_record (self, "action", id, "source", NULL,
                                        cw_action_source_to_string (source), error)
                && cw_workspace_record (self, "action", id, "kind", NULL,
                                        cw_action_kind_to_string (kind), error)
                && (finding == NULL
                    || cw_workspace_record (self, "action", id, "finding", NULL, finding, error))
                && (external == NULL
                    || cw_workspace_record (self, "action", id, "external_finding", NULL,
                                            external, error))
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
  CwActionKind kind = CW_ACTION_KIND_CORRECTIVE;
  if (!check_draft (self, draft, &title, &description, &kind, error)
      || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_action (self, draft, title, description, kind, error);
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
  char *title, *description, *correction, *consequences, *root_cause, *similar, *plan, *owner,
    *due, *check_due, *verification, *verified_by, *verifier_justification;
  CwCauseCategory cause_category;
} Values;

static void
values_clear (Values *v)
{
  char **fields[] = { &v->title,       &v->description, &v->correction,   &v->consequences,
                      &v->root_cause,  &v->similar,     &v->plan,         &v->owner,
                      &v->due,         &v->check_due,   &v->verification, &v->verified_by,
                      &v->verifier_justification };
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
    { changes->consequences, CW_TEXT_LONG_MAX, N_("the consequences") },
    { changes->root_cause, CW_TEXT_LONG_MAX, N_("the root cause") },
    { changes->similar, CW_TEXT_LONG_MAX, N_("the review of similar cases") },
    { changes->plan, CW_TEXT_LONG_MAX, N_("the plan") },
    { changes->owner, CW_TEXT_SHORT_MAX, N_("the owner") },
    { changes->due, CW_TEXT_SHORT_MAX, N_("the due date") },
    { changes->check_due, CW_TEXT_SHORT_MAX, N_("the date of the effectiveness check") },
    { changes->verification, CW_TEXT_LONG_MAX, N_("the verification") },
    { changes->verified_by, CW_TEXT_SHORT_MAX, N_("the verifier's name") },
    { changes->verifier_justification, CW_TEXT_LONG_MAX,
      N_("the reason the owner verifies their own action") },
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
  v->consequences = pick_text (changes->consequences, action->consequences);
  v->verified_by = pick_text (changes->verified_by, action->verified_by);
  v->verifier_justification
    = pick_text (changes->verifier_justification, action->verifier_justification);
  v->similar = pick_text (changes->similar, action->similar);
  v->plan = pick_text (changes->plan, action->plan);
  v->owner = pick_text (changes->owner, action->owner);
  v->verification = pick_text (changes->verification, action->verification);
  v->due = pick_date (changes->due, action->due);
  v->check_due = pick_date (changes->check_due, action->check_due);
  v->cause_category
    = changes->cause_category ? *changes->cause_category : action->cause_category;

  /* A planned action keeps what planning needed, and a verified one what
   * its verdict needed. Only what this change would take away counts: an
   * action planned before a rule existed can still be edited, one field at a
   * time, until it has everything. */
  Facts before = facts_of (action);
  Facts after = before;
  after.correction = v->correction;
  after.consequences = v->consequences;
  after.root_cause = v->root_cause;
  after.similar = v->similar;
  after.plan = v->plan;
  after.owner = v->owner;
  after.due = v->due;
  after.check_due = v->check_due;
  after.verification = v->verification;
  after.verified_by = v->verified_by;
  after.verifier_justification = v->verifier_justification;
  guint needed = action->status >= CW_ACTION_VERIFIED  ? PLANNING_GAPS | VERDICT_GAPS
                 : action->status >= CW_ACTION_PLANNED ? PLANNING_GAPS
                                                       : 0;
  guint lost = ((planning_gaps (&after) | verdict_gaps (&after))
                & ~(planning_gaps (&before) | verdict_gaps (&before)))
               & needed;
  if (lost != 0)
    {
      g_autofree char *missing = gap_list (lost);
      cw_set_invalid (error,
                      _("Action %" PRId64 " is %s, so it must keep what that step needed; "
                        "this change would leave it without %s"),
                      action->id, cw_action_status_to_string (action->status), missing);
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
    " check_due = ?, verification = ?, rev = rev + 1, consequences = ?14, verified_by = ?15,"
    " verifier_justification = ?16 WHERE id = ?12 AND rev = ?13",
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
  cw_stmt_bind_text (stmt, 14, v->consequences);
  cw_stmt_bind_text (stmt, 15, v->verified_by);
  cw_stmt_bind_text (stmt, 16, v->verifier_justification);
  if (!cw_workspace_run_update (self, stmt, "action", a->id, error))
    return FALSE;

  static const char *const fields[]
    = { "title",     "description",  "correction",  "consequences",          "root_cause",
        "cause_category", "similar", "plan",        "owner",                 "due",
        "check_due", "verification", "verified_by", "verifier_justification" };
  const char *before[] = { a->title,      a->description,  a->correction,
                           a->consequences, a->root_cause, category_token (a->cause_category),
                           a->similar,    a->plan,         a->owner,
                           a->due,        a->check_due,    a->verification,
                           a->verified_by, a->verifier_justification };
  const char *after[] = { v->title,      v->description,  v->correction,
                          v->consequences, v->root_cause, category_token (v->cause_category),
                          v->similar,    v->plan,         v->owner,
                          v->due,        v->check_due,    v->verification,
                          v->verified_by, v->verifier_justification };
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
store_move (CwWorkspace *self, CwAction *action, CwActionMove move, const GDate *today,
            GError **error)
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

  /* The day of each step is kept. A failed check returns the action to
   * planned: the days after planning no longer hold, and go, as the
   * evidence does, so that the next verdict needs evidence of its own; the
   * history keeps both. */
  static const char *const day_fields[]
    = { "planned_on", "implemented_on", "verified_on", "closed_on" };
  const char *days_before[]
    = { action->planned_on, action->implemented_on, action->verified_on, action->closed_on };
  const char *days_after[G_N_ELEMENTS (day_fields)];
  memcpy (days_after, days_before, sizeof days_after);
  g_autofree char *day = cw_date_to_string (today);
  if (failed)
    days_after[1] = days_after[2] = days_after[3] = NULL;
  else
    days_after[target - CW_ACTION_PLANNED] = day;

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE action SET status = ?1, verification = CASE WHEN ?2 THEN '' ELSE verification END,"
    " not_effective = not_effective + ?2, rev = rev + 1, planned_on = ?5, implemented_on = ?6,"
    " verified_on = ?7, closed_on = ?8 WHERE id = ?3 AND rev = ?4",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, cw_action_status_to_string (target));
  cw_stmt_bind_int64 (stmt, 2, failed);
  cw_stmt_bind_int64 (stmt, 3, action->id);
  cw_stmt_bind_int64 (stmt, 4, action->rev);
  for (guint i = 0; i < G_N_ELEMENTS (day_fields); i++)
    cw_stmt_bind_text (stmt, 5 + i, days_after[i]);
  if (!cw_workspace_run_update (self, stmt, "action", action->id, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (day_fields); i++)
    if (!cw_workspace_record_change (self, "action", action->id, day_fields[i], days_before[i],
                                     days_after[i], error))
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

/* Moves the action one step of its workflow on `today`, the day the step
 * is recorded as taken, or refuses with the reason. */
gboolean
cw_workspace_move_action (CwWorkspace *self, gint64 id, CwActionMove move, const GDate *today,
                          GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail ((guint) move < CW_ACTION_N_MOVES, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_autoptr (CwAction) action = cw_workspace_get_action (self, id, error);
  if (action == NULL || !cw_action_can_move (action, move, today, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, store_move (self, action, move, today, error), error);
}

/* ---- What older records lack ------------------------------------------- */

/* One sentence for each action that reached a step before the rules of that
 * step asked for what it lacks, so that `check` can point at it. */
gboolean
cw_action_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);

  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (self, NULL, error);
  if (actions == NULL)
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      Facts f = facts_of (action);
      guint planning = f.status >= CW_ACTION_PLANNED ? planning_gaps (&f) : 0;
      guint verdict = f.status >= CW_ACTION_VERIFIED ? verdict_gaps (&f) : 0;
      g_autofree char *missing = gap_list (planning | verdict);
      if (missing == NULL)
        continue;
      g_ptr_array_add (warnings,
                       verdict != 0
                         ? g_strdup_printf (_("Action %" PRId64 " was verified before these "
                                              "were recorded: %s"),
                                            f.id, missing)
                         : g_strdup_printf (_("Action %" PRId64 " was planned before these "
                                              "were recorded: %s"),
                                            f.id, missing));
    }
  return TRUE;
}
