/* cw-review.c: management reviews and the figures the core fills in.
 *
 * Figures are written into the review as text when it is created (and when
 * a draft is refreshed), so the approved minutes keep what top management
 * actually saw, however the workspace changes afterwards.
 *
 * Figures are taken as of the meeting date (or today, while a planned
 * meeting is still ahead): an action counts from the day it was created, a
 * finding from its audit's date, and an action's status is the one its
 * history shows at the end of that day. Approval computes them once more as
 * of the meeting date and freezes them with the minutes.
 *
 * The rules for approving minutes (cw_review_meets_rules) are this file's
 * alone: the CLI, the window and the demo all go through them.
 *
 * The period: a review covers the days after the review before it up to and
 * including its own date. A finding or an audit belongs to the period of its
 * audit's date (planned end, else planned start, else the day the finding
 * was recorded), not to the moment it was typed in, so findings entered
 * after the audit still count where they happened.
 */
#define G_LOG_DOMAIN "cw-review"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-programme.h"
#include "cw-external.h"
#include "cw-review.h"
#include "cw-terms.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

static const CwTerm statuses[] = {
  [CW_REVIEW_DRAFT] = { "draft", N_("Draft") },
  [CW_REVIEW_APPROVED] = { "approved", N_("Approved") },
};

CW_DEFINE_TERMS (cw_review_status, CwReviewStatus, statuses, 0)

static const CwTerm output_kinds[] = {
  [CW_REVIEW_OUTPUT_NONE] = { "none", N_("Kind not recorded") },
  [CW_REVIEW_OUTPUT_IMPROVEMENT] = { "improvement", N_("Opportunity for improvement") },
  [CW_REVIEW_OUTPUT_SMS_CHANGE] = { "sms-change", N_("Change to the SMS") },
  [CW_REVIEW_OUTPUT_SERVICE_CHANGE] = { "service-change", N_("Change to the services") },
  [CW_REVIEW_OUTPUT_RESOURCES] = { "resources", N_("Resource need") },
};

CW_DEFINE_TERMS (cw_review_output_kind, CwReviewOutputKind, output_kinds, 1)

/* ---- The object -------------------------------------------------------- */

struct _CwReview
{
  GObject parent_instance;
  gint64 id;
  gint64 rev;
  char *held_on;
  char *chair;
  char *attendees;
  char *period_start;
  char *period_end;
  CwReviewStatus status;
  char *figures_as_of;
  char *approved_at;
  char *approved_by;
  char *conclusion;
  char *next_review;
  GPtrArray *entries;
  GPtrArray *attendee_list; /* CwReviewAttendee */
  GArray *outputs;          /* Output */
};

typedef struct
{
  gint64 action;
  CwReviewOutputKind kind;
} Output;

G_DEFINE_FINAL_TYPE (CwReview, cw_review, G_TYPE_OBJECT)

static void
entry_free (CwReviewEntry *entry)
{
  g_free (entry->input);
  g_free (entry->title);
  g_free (entry->hint);
  g_free (entry->prefill);
  g_free (entry->figures);
  g_free (entry->notes);
  g_free (entry);
}

static void
attendee_free (CwReviewAttendee *attendee)
{
  g_free (attendee->name);
  g_free (attendee->role);
  g_free (attendee);
}

static void
cw_review_finalize (GObject *object)
{
  CwReview *self = CW_REVIEW (object);
  g_free (self->held_on);
  g_free (self->chair);
  g_free (self->attendees);
  g_free (self->period_start);
  g_free (self->period_end);
  g_free (self->figures_as_of);
  g_free (self->approved_at);
  g_free (self->approved_by);
  g_free (self->conclusion);
  g_free (self->next_review);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->attendee_list, g_ptr_array_unref);
  g_clear_pointer (&self->outputs, g_array_unref);
  G_OBJECT_CLASS (cw_review_parent_class)->finalize (object);
}

static void
cw_review_class_init (CwReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_review_finalize;
}

static void
cw_review_init (CwReview *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->attendee_list = g_ptr_array_new_with_free_func ((GDestroyNotify) attendee_free);
  self->outputs = g_array_new (FALSE, FALSE, sizeof (Output));
}

#define GETTER(type, name, fallback)                                                               \
  type cw_review_get_##name (CwReview *self)                                                       \
  {                                                                                                \
    g_return_val_if_fail (CW_IS_REVIEW (self), fallback);                                          \
    return self->name;                                                                             \
  }

GETTER (gint64, id, 0)
GETTER (const char *, held_on, NULL)
GETTER (const char *, chair, NULL)
GETTER (const char *, attendees, NULL)
GETTER (const char *, period_start, NULL)
GETTER (const char *, period_end, NULL)
GETTER (CwReviewStatus, status, CW_REVIEW_DRAFT)
GETTER (const char *, figures_as_of, NULL)
GETTER (const char *, approved_at, NULL)
GETTER (const char *, approved_by, NULL)
GETTER (const char *, conclusion, NULL)
GETTER (const char *, next_review, NULL)

/* The people at the meeting (CwReviewAttendee), in the order they were
 * added; empty for a review made before roles were kept (see
 * cw_review_get_attendees for its text). */
GPtrArray *
cw_review_get_attendee_list (CwReview *self)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), NULL);
  return self->attendee_list;
}

/* The kind of the decision `action_id` of this review; NONE when it was
 * recorded without one. */
CwReviewOutputKind
cw_review_get_output_kind (CwReview *self, gint64 action_id)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), CW_REVIEW_OUTPUT_NONE);
  for (guint i = 0; i < self->outputs->len; i++)
    if (g_array_index (self->outputs, Output, i).action == action_id)
      return g_array_index (self->outputs, Output, i).kind;
  return CW_REVIEW_OUTPUT_NONE;
}

/* The inputs in catalogue order; the review owns them. */
GPtrArray *
cw_review_get_entries (CwReview *self)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), NULL);
  return self->entries;
}

const CwReviewEntry *
cw_review_lookup_entry (CwReview *self, const char *input)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CwReviewEntry *entry = g_ptr_array_index (self->entries, i);
      if (g_strcmp0 (entry->input, input) == 0)
        return entry;
    }
  return NULL;
}

/* Approved minutes are the record of what was decided: never edited. */
gboolean
cw_review_can_edit (CwReview *self, GError **error)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), FALSE);
  if (self->status == CW_REVIEW_APPROVED)
    {
      cw_set_invalid (error,
                   _("Management review %" PRId64 " was approved on %s and its "
                     "minutes are read-only; record anything new in the next review"),
                   self->id, self->approved_at ? self->approved_at : "?");
      return FALSE;
    }
  return TRUE;
}

static const CwReviewAttendee *
lookup_attendee (CwReview *self, const char *name)
{
  for (guint i = 0; name != NULL && i < self->attendee_list->len; i++)
    {
      const CwReviewAttendee *attendee = g_ptr_array_index (self->attendee_list, i);
      if (g_utf8_collate (attendee->name, name) == 0)
        return attendee;
    }
  return NULL;
}

static void
add_problem (GString *problems, const char *problem)
{
  g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", problem);
}

/* Everything approved minutes need, whatever the review's status: the
 * meeting held (no later than `today`), attendees with top management in the
 * chair, every input addressed (a note, or "nothing to report" where the
 * workspace has no figures), a conclusion and the next review's date. One
 * refusal names every gap, so that a chair can fix them all at once. */
gboolean
cw_review_meets_rules (CwReview *self, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *today_text = cw_date_to_string (today);
  if (g_strcmp0 (self->held_on, today_text) > 0)
    {
      g_autofree char *p = g_strdup_printf (
        _("the meeting is dated %s, after today; approve the minutes once it has been held"),
        self->held_on);
      add_problem (problems, p);
    }
  gboolean any_top = FALSE;
  for (guint i = 0; i < self->attendee_list->len; i++)
    any_top |= ((CwReviewAttendee *) g_ptr_array_index (self->attendee_list, i))->top_management;
  if (self->attendee_list->len == 0)
    add_problem (problems, _("no attendees are recorded; add who attended and their roles"));
  else if (!any_top)
    add_problem (problems, _("no attendee is marked as top management"));
  const CwReviewAttendee *chair = lookup_attendee (self, self->chair);
  if (cw_text_is_blank (self->chair))
    add_problem (problems, _("no chair is named; the chair is an attendee from top management"));
  else if (chair == NULL || !chair->top_management)
    {
      g_autofree char *p
        = g_strdup_printf (_("the chair, %s, is not an attendee marked as top management"),
                           self->chair);
      add_problem (problems, p);
    }

  g_autoptr (GString) unaddressed = g_string_new (NULL);
  g_autoptr (GString) not_empty = g_string_new (NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CwReviewEntry *entry = g_ptr_array_index (self->entries, i);
      gboolean has_figures = !cw_text_is_blank (entry->figures);
      if (entry->nothing_to_report && has_figures)
        g_string_append_printf (not_empty, "%s“%s”", not_empty->len ? ", " : "", entry->title);
      else if (!entry->nothing_to_report && cw_text_is_blank (entry->notes))
        g_string_append_printf (unaddressed, "%s“%s”", unaddressed->len ? ", " : "",
                                entry->title);
    }
  if (unaddressed->len > 0)
    {
      g_autofree char *p = g_strdup_printf (
        _("these inputs have neither a note nor “nothing to report”: %s"), unaddressed->str);
      add_problem (problems, p);
    }
  if (not_empty->len > 0)
    {
      g_autofree char *p
        = g_strdup_printf (_("these inputs are marked “nothing to report” although the "
                             "workspace holds figures on them; write a note instead: %s"),
                           not_empty->str);
      add_problem (problems, p);
    }
  if (cw_text_is_blank (self->conclusion))
    add_problem (problems, _("there is no conclusion on whether the SMS is still suitable, "
                             "adequate and effective"));
  if (self->next_review == NULL || *self->next_review == '\0')
    add_problem (problems, _("the date of the next review is not set"));
  else if (g_strcmp0 (self->next_review, self->held_on) <= 0)
    {
      g_autofree char *p = g_strdup_printf (
        _("the next review (%s) is not after this one (%s)"), self->next_review, self->held_on);
      add_problem (problems, p);
    }
  if (problems->len == 0)
    return TRUE;
  cw_set_invalid (error,
                  _("Management review %" PRId64 " cannot be approved yet: %s"), self->id,
                  problems->str);
  return FALSE;
}

/* Whether `approved_by` may approve this draft's minutes on `today`. The
 * figures checked are those the review holds; cw_workspace_approve_review
 * takes them as of the meeting date first. */
gboolean
cw_review_can_approve (CwReview *self, const char *approved_by, const GDate *today,
                       GError **error)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), FALSE);
  if (!cw_review_can_edit (self, error)
      || !cw_text_check (approved_by, CW_TEXT_SHORT_MAX, _("the name of who approves"), error))
    return FALSE;
  if (cw_text_is_blank (approved_by))
    {
      cw_set_invalid (error,
                      _("Approving management review %" PRId64 " needs the name of the person "
                        "who approves the minutes"),
                      self->id);
      return FALSE;
    }
  return cw_review_meets_rules (self, today, error);
}

/* ---- Figures ----------------------------------------------------------- */

/* The day a finding or audit counts on; see the comment at the top. */
#define AUDIT_DAY "COALESCE (a.planned_end, a.planned_start, substr (a.created_at, 1, 10))"

/* An action recorded by the end of the period (?2), and one whose history
 * shows it verified or closed by then. */
#define ACTION_KNOWN(c) "substr (" c ".created_at, 1, 10) <= ?2"
#define ACTION_CHECKED(c)                                                                          \
  "EXISTS (SELECT 1 FROM history h WHERE h.entity = 'action' AND h.entity_id = " c ".id"          \
  " AND h.field = 'status' AND h.new_value IN ('verified', 'closed')"                              \
  " AND substr (h.at, 1, 10) <= ?2)"

static gboolean
in_period (const char *day, const char *start, const char *end)
{
  return day != NULL && (start == NULL || strcmp (day, start) >= 0) && strcmp (day, end) <= 0;
}

/* ---- Actions as they stood on a day ------------------------------------ */

/* An action as the review sees it: known by `as_of` (created that day or
 * before), with the status its history shows at the end of that day. The
 * history's times are UTC; a review is dated by the day, which is close
 * enough for minutes. */
typedef struct
{
  CwAction *action;
  CwActionStatus status;
} ActionOn;

static void
action_on_clear (ActionOn *on)
{
  g_clear_object (&on->action);
}

static GArray *
actions_on (CwWorkspace *self, const CwActionFilter *filter, const char *as_of, GError **error)
{
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (self, filter, error);
  if (actions == NULL)
    return NULL;
  g_autoptr (GArray) known = g_array_new (FALSE, TRUE, sizeof (ActionOn));
  g_array_set_clear_func (known, (GDestroyNotify) action_on_clear);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      const char *created = cw_action_get_created_at (action);
      if (created == NULL || strncmp (created, as_of, 10) > 0)
        continue;
      CwStmt *stmt = cw_workspace_prepare (
        self,
        "SELECT new_value FROM history WHERE entity = 'action' AND entity_id = ?"
        " AND field = 'status' AND substr (at, 1, 10) <= ? ORDER BY id DESC LIMIT 1",
        error);
      if (stmt == NULL)
        return NULL;
      cw_stmt_bind_int64 (stmt, 1, cw_action_get_id (action));
      cw_stmt_bind_text (stmt, 2, as_of);
      g_autofree char *token = NULL;
      int rc = cw_stmt_step (stmt, error);
      if (rc == CW_STEP_ERROR)
        return NULL;
      if (rc == CW_STEP_ROW)
        token = cw_stmt_dup_text (stmt, 0);
      cw_stmt_reset (stmt);
      ActionOn on = { g_object_ref (action), CW_ACTION_OPEN };
      if (token != NULL && !cw_action_status_from_string (token, &on.status))
        on.status = cw_action_get_status (action);
      g_array_append_val (known, on);
    }
  return g_steal_pointer (&known);
}

static gboolean
action_overdue_on (const ActionOn *on, const char *as_of)
{
  const char *due = cw_action_get_due (on->action);
  return due != NULL && on->status < CW_ACTION_VERIFIED && strcmp (due, as_of) < 0;
}

static gboolean
action_due_soon_on (const ActionOn *on, const char *as_of)
{
  const char *due = cw_action_get_due (on->action);
  GDate day, due_day;
  if (due == NULL || on->status >= CW_ACTION_VERIFIED || strcmp (due, as_of) < 0
      || !cw_date_parse (as_of, &day, NULL) || !cw_date_parse (due, &due_day, NULL))
    return FALSE;
  return g_date_days_between (&day, &due_day) <= CW_ACTION_DUE_SOON_DAYS;
}

static void
append_action_line (GString *out, const ActionOn *on, const char *as_of)
{
  CwAction *action = on->action;
  const char *due = cw_action_get_due (action);
  const char *owner = cw_action_get_owner (action);
  g_string_append_printf (out, _("  Action %" PRId64 " “%s”: %s, owner %s, due %s"),
                          cw_action_get_id (action), cw_action_get_title (action),
                          cw_action_status_label (on->status), *owner ? owner : _("not named"),
                          due ? due : _("not set"));
  if (action_overdue_on (on, as_of))
    g_string_append_printf (out, " (%s)", cw_action_due_state_label (CW_ACTION_DUE_OVERDUE));
  else if (action_due_soon_on (on, as_of))
    g_string_append_printf (out, " (%s)", cw_action_due_state_label (CW_ACTION_DUE_SOON));
  g_string_append_c (out, '\n');
}

static char *
previous_review_actions (CwWorkspace *self, const char *period_end, const char *as_of,
                         GError **error)
{
  CwActionFilter earlier = { .decided_before = period_end };
  g_autoptr (GArray) actions = actions_on (self, &earlier, as_of, error);
  if (actions == NULL)
    return NULL;
  guint counts[CW_ACTION_CLOSED + 1] = { 0 };
  guint n = actions->len, overdue = 0;
  if (n == 0)
    return g_strdup ("");
  g_autoptr (GString) lines = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const ActionOn *on = &g_array_index (actions, ActionOn, i);
      counts[on->status]++;
      overdue += action_overdue_on (on, as_of);
      append_action_line (lines, on, as_of);
    }
  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out,
                          cw_ngettext ("%u action from earlier reviews on %s: %u open, %u "
                                       "planned, %u implemented, %u verified, %u closed; %u "
                                       "overdue.\n",
                                       "%u actions from earlier reviews on %s: %u open, %u "
                                       "planned, %u implemented, %u verified, %u closed; %u "
                                       "overdue.\n",
                                       n),
                          n, as_of, counts[CW_ACTION_OPEN], counts[CW_ACTION_PLANNED],
                          counts[CW_ACTION_IMPLEMENTED], counts[CW_ACTION_VERIFIED],
                          counts[CW_ACTION_CLOSED], overdue);
  g_string_append (out, lines->str);
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

/* Actions of the register known by `as_of`, from one source or (source
 * NULL) from any source but management reviews, which have their own
 * input. */
static char *
register_figures (CwWorkspace *self, const CwActionSource *source, const char *as_of,
                  GError **error)
{
  g_autoptr (GArray) actions = actions_on (self, NULL, as_of, error);
  if (actions == NULL)
    return NULL;
  guint counts[CW_ACTION_CLOSED + 1] = { 0 };
  guint n = 0, overdue = 0, soon = 0, failed = 0;
  g_autoptr (GString) overdue_lines = g_string_new (NULL);
  g_autoptr (GString) failed_lines = g_string_new (NULL);
  g_autoptr (GString) all_lines = g_string_new (NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      const ActionOn *on = &g_array_index (actions, ActionOn, i);
      CwActionSource from = cw_action_get_source (on->action);
      if (source != NULL ? from != *source : from == CW_ACTION_SOURCE_MANAGEMENT_REVIEW)
        continue;
      n++;
      counts[on->status]++;
      append_action_line (all_lines, on, as_of);
      if (action_overdue_on (on, as_of))
        {
          overdue++;
          append_action_line (overdue_lines, on, as_of);
        }
      soon += action_due_soon_on (on, as_of);
      if (cw_action_get_not_effective_count (on->action) > 0)
        {
          failed++;
          append_action_line (failed_lines, on, as_of);
        }
    }
  if (n == 0)
    return g_strdup ("");
  g_autoptr (GString) out = g_string_new (NULL);
  if (source != NULL)
    {
      g_string_append_printf (out,
                              cw_ngettext ("%u action raised from a complaint by %s: %u open, "
                                           "%u planned, %u implemented, %u verified, %u "
                                           "closed.\n",
                                           "%u actions raised from complaints by %s: %u open, "
                                           "%u planned, %u implemented, %u verified, %u "
                                           "closed.\n",
                                           n),
                              n, as_of, counts[CW_ACTION_OPEN], counts[CW_ACTION_PLANNED],
                              counts[CW_ACTION_IMPLEMENTED], counts[CW_ACTION_VERIFIED],
                              counts[CW_ACTION_CLOSED]);
      g_string_append (out, all_lines->str);
      return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
    }
  g_string_append_printf (out,
                          cw_ngettext ("%u corrective action on %s: %u open, %u planned, %u "
                                       "implemented, %u verified effective, %u closed.\n",
                                       "%u corrective actions on %s: %u open, %u planned, %u "
                                       "implemented, %u verified effective, %u closed.\n",
                                       n),
                          n, as_of, counts[CW_ACTION_OPEN], counts[CW_ACTION_PLANNED],
                          counts[CW_ACTION_IMPLEMENTED], counts[CW_ACTION_VERIFIED],
                          counts[CW_ACTION_CLOSED]);
  g_string_append_printf (out, _("Overdue: %u. Due within %d days: %u. Found not effective at "
                                 "least once: %u.\n"),
                          overdue, CW_ACTION_DUE_SOON_DAYS, soon, failed);
  if (overdue > 0)
    g_string_append_printf (out, "%s\n%s", _("Overdue actions:"), overdue_lines->str);
  if (failed > 0)
    g_string_append_printf (out, "%s\n%s", _("Actions found not effective:"), failed_lines->str);
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

typedef struct
{
  guint now[2];    /* minor, major in the period */
  guint before[2]; /* in the previous period */
} Counts;

static char *
count_text (const guint counts[2])
{
  return g_strdup_printf (_("%u major, %u minor"), counts[1], counts[0]);
}

/* The period before the one ending `period_end`: that of the previous
 * review, when there is one. */
static gboolean
previous_period (CwWorkspace *self, const char *period_end, char **start, char **end,
                 GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT period_start, period_end FROM review WHERE period_end < ?"
    " ORDER BY period_end DESC LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, period_end);
  int rc = cw_stmt_step (stmt, error);
  if (rc == CW_STEP_ROW)
    {
      *start = cw_stmt_dup_text (stmt, 0);
      *end = cw_stmt_dup_text (stmt, 1);
    }
  cw_stmt_reset (stmt);
  return rc != CW_STEP_ERROR;
}

static char *
nonconformity_trends (CwWorkspace *self, const char *period_start, const char *period_end,
                      GError **error)
{
  g_autofree char *before_start = NULL, *before_end = NULL;
  if (!previous_period (self, period_end, &before_start, &before_end, error))
    return NULL;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT f.grade, f.clause, " AUDIT_DAY " FROM finding f JOIN audit a ON a.id = f.audit"
    " WHERE f.grade IN ('minor', 'major')",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GHashTable) by_clause
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Counts total = { { 0 } };
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      guint major = g_strcmp0 (cw_stmt_text (stmt, 0), "major") == 0;
      const char *clause = cw_stmt_text (stmt, 1);
      const char *day = cw_stmt_text (stmt, 2);
      gboolean now = in_period (day, period_start, period_end);
      gboolean before = before_end != NULL && in_period (day, before_start, before_end);
      if (!now && !before)
        continue;
      g_autofree char *main_number = g_strndup (clause, strcspn (clause, "."));
      Counts *counts = g_hash_table_lookup (by_clause, main_number);
      if (counts == NULL)
        {
          counts = g_new0 (Counts, 1);
          g_hash_table_insert (by_clause, g_strdup (main_number), counts);
        }
      if (now)
        counts->now[major]++, total.now[major]++;
      if (before)
        counts->before[major]++, total.before[major]++;
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;

  if (total.now[0] + total.now[1] + total.before[0] + total.before[1] == 0)
    return g_strdup ("");
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *now_text = count_text (total.now);
  g_string_append_printf (out, _("Nonconformities from %s to %s: %u (%s).\n"),
                          period_start ? period_start : _("the start"), period_end,
                          total.now[0] + total.now[1], now_text);
  if (before_end != NULL)
    {
      g_autofree char *before_text = count_text (total.before);
      guint a = total.now[0] + total.now[1], b = total.before[0] + total.before[1];
      g_string_append_printf (out, _("Previous period, %s to %s: %u (%s); %s.\n"),
                              before_start ? before_start : _("the start"), before_end, b,
                              before_text,
                              a > b   ? _("more than before")
                              : a < b ? _("fewer than before")
                                      : _("the same as before"));
    }
  else
    g_string_append (out, _("No earlier review period to compare with.\n"));

  /* In the catalogue's order, which is the standard's. */
  GPtrArray *main_clauses = cw_catalogue_get_main_clauses (cw_workspace_get_catalogue (self));
  if (g_hash_table_size (by_clause) > 0)
    g_string_append_printf (out, "%s\n", _("By clause:"));
  for (guint i = 0; i < main_clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (main_clauses, i);
      Counts *counts = g_hash_table_lookup (by_clause, cw_clause_get_number (clause));
      if (counts == NULL)
        continue;
      g_autofree char *now_counts = count_text (counts->now);
      g_string_append_printf (out, "  %s %s: %s", cw_clause_get_number (clause),
                              cw_clause_get_title (clause), now_counts);
      if (before_end != NULL)
        {
          g_autofree char *before_counts = count_text (counts->before);
          g_string_append_printf (out, _(" (previously %s)"), before_counts);
        }
      g_string_append_c (out, '\n');
    }
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

static gboolean
bind_period (CwStmt *stmt, const char *start, const char *end)
{
  cw_stmt_bind_text (stmt, 1, start);
  cw_stmt_bind_text (stmt, 2, end);
  return TRUE;
}

/* The audit programme as it stood at the end of `day`, from the programme's
 * own figures: how many clauses are covered, planned, due soon, not yet
 * audited and overdue, each overdue clause by name with the day it was due.
 * Without a programme, one line saying so when `say_none` (an auditor asks
 * for the programme first), else nothing. */
static gboolean
append_programme (CwWorkspace *self, GString *out, const char *day, gboolean say_none,
                  GError **error)
{
  GDate date;
  if (!cw_date_parse (day, &date, error))
    return FALSE;
  g_autoptr (GError) local = NULL;
  g_autoptr (CwProgrammeSummary) summary = cw_workspace_programme_summary (self, &date, &local);
  if (summary == NULL)
    {
      if (!g_error_matches (local, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (say_none)
        g_string_append_printf (out, "%s%s", out->len ? "\n" : "",
                                _("No internal audit programme is set up, so nothing shows "
                                  "when each clause is due for audit."));
      return TRUE;
    }

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          cw_ngettext ("Audit programme on %s, in its cycle of %u year from %s:",
                                       "Audit programme on %s, in its cycle of %u years from %s:",
                                       summary->years),
                          day, summary->years, summary->starts_on);
  const guint *n = summary->counts;
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          cw_ngettext ("  %u clause covered, not due again soon",
                                       "  %u clauses covered, not due again soon",
                                       n[CW_COVERAGE_COVERED]),
                          n[CW_COVERAGE_COVERED]);
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          cw_ngettext ("  %u clause due soon or not yet audited, with an audit "
                                       "planned in time",
                                       "  %u clauses due soon or not yet audited, with an audit "
                                       "planned in time",
                                       n[CW_COVERAGE_PLANNED]),
                          n[CW_COVERAGE_PLANNED]);
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          cw_ngettext ("  %u clause due soon, with no audit planned",
                                       "  %u clauses due soon, with no audit planned",
                                       n[CW_COVERAGE_DUE_SOON]),
                          n[CW_COVERAGE_DUE_SOON]);
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          cw_ngettext ("  %u clause not audited in this cycle yet, not yet due",
                                       "  %u clauses not audited in this cycle yet, not yet due",
                                       n[CW_COVERAGE_NEVER]),
                          n[CW_COVERAGE_NEVER]);
  g_string_append_c (out, '\n');
  if (n[CW_COVERAGE_OVERDUE] == 0)
    g_string_append (out, _("  No clause overdue"));
  else
    g_string_append_printf (out,
                            cw_ngettext ("  %u clause overdue:",
                                         "  %u clauses overdue:", n[CW_COVERAGE_OVERDUE]),
                            n[CW_COVERAGE_OVERDUE]);
  CwCatalogue *catalogue = cw_workspace_get_catalogue (self);
  for (guint i = 0; i < summary->overdue->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (summary->overdue, i);
      CwClause *clause = catalogue ? cw_catalogue_lookup_clause (catalogue, row->clause) : NULL;
      const char *title = clause ? cw_clause_get_title (clause) : "";
      g_string_append_c (out, '\n');
      if (row->last_audited == NULL)
        g_string_append_printf (out, _("    %s %s: due by %s, never audited in this cycle"),
                                row->clause, title, row->next_due);
      else
        g_string_append_printf (out,
                                _("    %s %s: due by %s, last audited %s (audit %" PRId64 ")"),
                                row->clause, title, row->next_due, row->last_audited,
                                row->last_audit);
    }
  return TRUE;
}

/* The certification body's audits of the period (by their first day), each
 * with its findings by the body's grade and how many are still open; ""
 * when there were none. A certifier's results are audit results too (9.3). */
static char *
certification_results (CwWorkspace *self, const char *period_start, const char *period_end,
                       GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.kind, a.body, a.starts_on, coalesce (a.ends_on, a.starts_on), a.reference,"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.kind = 'concern'),"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.kind = 'major'),"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.kind = 'minor'),"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.kind = 'observation'),"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.kind = 'ofi'),"
    " (SELECT count(*) FROM external_finding f WHERE f.audit = a.id AND f.status = 'open')"
    " FROM external_audit a WHERE (?1 IS NULL OR a.starts_on >= ?1) AND a.starts_on <= ?2"
    " ORDER BY a.starts_on, a.id",
    error);
  if (stmt == NULL || !bind_period (stmt, period_start, period_end))
    return NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = 0;
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwExternalKind kind = CW_EXTERNAL_STAGE_ONE;
      cw_external_kind_from_string (cw_stmt_text (stmt, 0), &kind);
      const char *reference = cw_stmt_text (stmt, 4);
      g_string_append_printf (
        out,
        /* TRANSLATORS: "Stage One by Certa Assurance (2026-09-14 to 2026-09-15,
         * report CA-114): concerns 2, …" */
        _("  %s by %s (%s to %s, report %s): concerns %u, major %u, minor %u, observations %u, "
          "opportunities for improvement %u; still open %u.\n"),
        cw_external_kind_label (kind), cw_stmt_text (stmt, 1), cw_stmt_text (stmt, 2),
        cw_stmt_text (stmt, 3), *reference ? reference : "—", (guint) cw_stmt_int64 (stmt, 5),
        (guint) cw_stmt_int64 (stmt, 6), (guint) cw_stmt_int64 (stmt, 7),
        (guint) cw_stmt_int64 (stmt, 8), (guint) cw_stmt_int64 (stmt, 9),
        (guint) cw_stmt_int64 (stmt, 10));
      n++;
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  if (n == 0)
    return g_strdup ("");
  g_autofree char *heading = g_strdup_printf (
    cw_ngettext ("Certification body audits from %s to %s: %u.\n",
                 "Certification body audits from %s to %s: %u.\n", n),
    period_start ? period_start : _("the start"), period_end, n);
  g_string_prepend (out, heading);
  g_string_truncate (out, out->len - 1); /* the last line's newline */
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
audit_results (CwWorkspace *self, const char *period_start, const char *period_end,
               GError **error)
{
  g_autofree char *body = certification_results (self, period_start, period_end, error);
  if (body == NULL)
    return NULL;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.id, " AUDIT_DAY " AS day, (SELECT count(*) FROM finding f WHERE f.audit = a.id"
    " AND f.grade IN ('minor', 'major')), (SELECT count(*) FROM finding f JOIN action c"
    " ON c.finding = f.id WHERE f.audit = a.id AND f.grade IN ('minor', 'major')"
    " AND " ACTION_KNOWN ("c") "),"
    " (SELECT count(*) FROM finding f WHERE f.audit = a.id AND f.grade IN ('minor', 'major')"
    " AND NOT EXISTS (SELECT 1 FROM action c WHERE c.finding = f.id"
    " AND " ACTION_CHECKED ("c") "))"
    " FROM audit a WHERE (?1 IS NULL OR day >= ?1) AND day <= ?2 ORDER BY day, a.id",
    error);
  if (stmt == NULL || !bind_period (stmt, period_start, period_end))
    return NULL;
  typedef struct
  {
    gint64 id;
    guint ncs, with_action, unresolved;
  } Row;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      Row row = { cw_stmt_int64 (stmt, 0), cw_stmt_int64 (stmt, 2),
                  cw_stmt_int64 (stmt, 3), cw_stmt_int64 (stmt, 4) };
      g_array_append_val (rows, row);
    }
  if (!(rc == CW_STEP_DONE))
    return NULL;
  /* With no audit in the period, the programme still says what is due. */
  g_autoptr (GString) out = g_string_new (NULL);
  if (rows->len == 0)
    {
      g_string_append (out, body);
      return append_programme (self, out, period_end, FALSE, error)
             ? g_string_free (g_steal_pointer (&out), FALSE)
             : NULL;
    }

  g_string_append_printf (out, _("Audits from %s to %s: %u.\n"),
                          period_start ? period_start : _("the start"), period_end, rows->len);
  guint grades[CW_GRADE_MAJOR + 1] = { 0 };
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, row->id, error);
      CwAuditProgress progress;
      if (audit == NULL || !cw_workspace_get_audit_progress (self, audit, &progress, error))
        return NULL;
      const char *start = cw_audit_get_planned_start (audit);
      const char *end = cw_audit_get_planned_end (audit);
      g_string_append_printf (
        out,
        _("  Audit %" PRId64 " “%s” (%s to %s): %u major, %u minor, %u "
          "observation, %u OFI; %u of %u nonconformities have an action, %u not yet "
          "verified.\n"),
        row->id, cw_audit_get_title (audit), start ? start : "?", end ? end : "?", progress.findings[CW_GRADE_MAJOR],
        progress.findings[CW_GRADE_MINOR], progress.findings[CW_GRADE_OBSERVATION],
        progress.findings[CW_GRADE_OFI], row->with_action, row->ncs, row->unresolved);
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        grades[g] += progress.findings[g];
    }
  /* Observations and OFIs are results too: a certifier reads them. */
  g_string_append_printf (out,
                          _("All findings of these audits: major %u, minor %u, observations %u, "
                            "opportunities for improvement %u.\n"),
                          grades[CW_GRADE_MAJOR], grades[CW_GRADE_MINOR],
                          grades[CW_GRADE_OBSERVATION], grades[CW_GRADE_OFI]);

  /* Coverage: a clause with questions counts as audited when an audit of
   * the period answered at least one of its questions. */
  stmt = cw_workspace_prepare (
    self,
    "SELECT DISTINCT q.clause FROM answer n JOIN question q ON q.id = n.question"
    " JOIN audit a ON a.id = n.audit WHERE n.result <> 'not-assessed'"
    " AND (?1 IS NULL OR " AUDIT_DAY " >= ?1) AND " AUDIT_DAY " <= ?2",
    error);
  if (stmt == NULL || !bind_period (stmt, period_start, period_end))
    return NULL;
  g_autoptr (GHashTable) audited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_hash_table_add (audited, cw_stmt_dup_text (stmt, 0));
  if (!(rc == CW_STEP_DONE))
    return NULL;
  CwCatalogue *catalogue = cw_workspace_get_catalogue (self);
  GPtrArray *clauses = catalogue ? cw_catalogue_get_clauses (catalogue) : NULL;
  guint with_questions = 0, covered = 0;
  g_autoptr (GString) missing = g_string_new (NULL);
  for (guint i = 0; clauses != NULL && i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (cw_clause_get_questions (clause)->len == 0)
        continue;
      with_questions++;
      if (g_hash_table_contains (audited, cw_clause_get_number (clause)))
        covered++;
      else
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "",
                                cw_clause_get_number (clause));
    }
  g_string_append_printf (out,
                          cw_ngettext ("Catalogue coverage: %u of %u clause audited in the period.",
                                       "Catalogue coverage: %u of %u clauses audited in the period.",
                                       with_questions),
                          covered, with_questions);
  if (missing->len > 0)
    g_string_append_printf (out, _("\nNot audited in the period: %s."), missing->str);
  if (*body != '\0')
    g_string_append_printf (out, "\n%s", body);
  if (!append_programme (self, out, period_end, TRUE, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Findings of the period's audits on the clauses `prefixes` names (a
 * prefix "8.3.4" takes 8.3.4 and its sub-clauses; NULL: every clause) with
 * a grade among `grades` (NULL: any), one line each, with the state of its
 * action. "" when there are none. */
static char *
findings_on (CwWorkspace *self, const char *const *prefixes, const char *const *grades,
             const char *what, const char *period_start, const char *period_end,
             GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT f.id, f.clause, f.grade, f.statement, a.id, a.title, " AUDIT_DAY " AS day,"
    " (SELECT c.id FROM action c WHERE c.finding = f.id AND " ACTION_KNOWN ("c") ")"
    " FROM finding f JOIN audit a ON a.id = f.audit"
    " WHERE (?1 IS NULL OR day >= ?1) AND day <= ?2 ORDER BY day, a.id, f.id",
    error);
  if (stmt == NULL || !bind_period (stmt, period_start, period_end))
    return NULL;
  guint counts[CW_GRADE_MAJOR + 1] = { 0 }, n = 0;
  g_autoptr (GString) lines = g_string_new (NULL);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *clause = cw_stmt_text (stmt, 1);
      const char *grade_token = cw_stmt_text (stmt, 2);
      gboolean wanted = prefixes == NULL;
      for (guint i = 0; prefixes != NULL && prefixes[i] != NULL && !wanted; i++)
        {
          gsize len = strlen (prefixes[i]);
          wanted = strncmp (clause, prefixes[i], len) == 0
                   && (clause[len] == '\0' || clause[len] == '.');
        }
      if (wanted && grades != NULL && !g_strv_contains (grades, grade_token))
        wanted = FALSE;
      CwGrade grade;
      if (!wanted || !cw_grade_from_string (grade_token, &grade))
        continue;
      n++;
      counts[grade]++;
      const char *statement = cw_stmt_text (stmt, 3);
      g_autofree char *first_line = g_strndup (statement, strcspn (statement, "\n"));
      g_string_append_printf (lines, _("  Finding %" PRId64 " on %s (%s), audit %" PRId64
                                       " “%s”: %s"),
                              cw_stmt_int64 (stmt, 0), clause, cw_grade_label (grade),
                              cw_stmt_int64 (stmt, 4), cw_stmt_text (stmt, 5),
                              *first_line ? first_line : _("no statement yet"));
      if (cw_stmt_is_null (stmt, 7))
        g_string_append_printf (lines, " (%s)\n", _("no action"));
      else
        g_string_append_printf (lines, _(" (action %" PRId64 ")\n"), cw_stmt_int64 (stmt, 7));
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  if (n == 0)
    return g_strdup ("");
  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out,
                          _("Audit findings on %s from %s to %s: %u (major %u, minor %u, "
                            "observations %u, opportunities for improvement %u).\n"),
                          what, period_start ? period_start : _("the start"), period_end, n,
                          counts[CW_GRADE_MAJOR], counts[CW_GRADE_MINOR],
                          counts[CW_GRADE_OBSERVATION], counts[CW_GRADE_OFI]);
  g_string_append (out, lines->str);
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

/* Opportunities the workspace knows of: OFIs and observations of the
 * period's audits, and improvements decided at earlier reviews. */
static char *
improvements (CwWorkspace *self, const char *period_start, const char *period_end,
              const char *as_of, GError **error)
{
  static const char *const grades[] = { "ofi", "observation", NULL };
  g_autofree char *findings
    = findings_on (self, NULL, grades, _("any clause (observations and opportunities)"),
                   period_start, period_end, error);
  if (findings == NULL)
    return NULL;
  CwActionFilter earlier = { .decided_before = period_end };
  g_autoptr (GArray) decided = actions_on (self, &earlier, as_of, error);
  if (decided == NULL)
    return NULL;
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT action FROM review_output WHERE kind = 'improvement'", error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GHashTable) improvement_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 id = cw_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (improvement_ids, &g_array_index (ids, gint64, i));
  g_autoptr (GString) lines = g_string_new (NULL);
  guint n = 0;
  for (guint i = 0; i < decided->len; i++)
    {
      const ActionOn *on = &g_array_index (decided, ActionOn, i);
      gint64 id = cw_action_get_id (on->action);
      if (!g_hash_table_contains (improvement_ids, &id))
        continue;
      n++;
      append_action_line (lines, on, as_of);
    }
  g_autoptr (GString) out = g_string_new (findings);
  if (n > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              cw_ngettext ("%u improvement decided at earlier reviews:\n%s",
                                           "%u improvements decided at earlier reviews:\n%s",
                                           n),
                              n, lines->str);
    }
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

/* The text the core fills in for an input with `prefill`, for the period
 * from `period_start` (NULL: from the start) to `period_end`, as the
 * workspace stood on `as_of` (the meeting date, or today for a meeting still
 * ahead): nothing recorded after that day counts. "" when the workspace
 * holds nothing for the input, or the prefill kind is unknown. */
char *
cw_workspace_review_figures (CwWorkspace *self, const char *prefill, const char *period_start,
                             const char *period_end, const GDate *as_of, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (period_end != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  g_autofree char *day = cw_date_to_string (as_of);
  /* A period that ends after `as_of` is counted up to `as_of`. */
  const char *end = strcmp (period_end, day) > 0 ? day : period_end;
  if (period_start != NULL && strcmp (period_start, end) > 0)
    return g_strdup ("");
  static const char *const monitoring[] = { "9.1", NULL };
  static const char *const suppliers[] = { "8.3.4", NULL };
  static const char *const service[] = { "8.3.3", "9.4", NULL };
  static const char *const resources[] = { "7.1", "7.2", NULL };
  static const char *const risks[] = { "6.1", NULL };
  static const CwActionSource complaint = CW_ACTION_SOURCE_COMPLAINT;

  if (g_strcmp0 (prefill, "previous-review-actions") == 0)
    return previous_review_actions (self, period_end, day, error);
  if (g_strcmp0 (prefill, "corrective-actions") == 0)
    return register_figures (self, NULL, day, error);
  if (g_strcmp0 (prefill, "complaints") == 0)
    return register_figures (self, &complaint, day, error);
  if (g_strcmp0 (prefill, "nonconformity-trends") == 0)
    return nonconformity_trends (self, period_start, end, error);
  if (g_strcmp0 (prefill, "audit-results") == 0)
    return audit_results (self, period_start, end, error);
  if (g_strcmp0 (prefill, "monitoring-findings") == 0)
    return findings_on (self, monitoring, NULL, _("monitoring and measurement (9.1)"),
                        period_start, end, error);
  if (g_strcmp0 (prefill, "supplier-findings") == 0)
    return findings_on (self, suppliers, NULL, _("supplier management (8.3.4)"), period_start,
                        end, error);
  if (g_strcmp0 (prefill, "service-findings") == 0)
    return findings_on (self, service, NULL,
                        _("service level management (8.3.3) and service reporting (9.4)"),
                        period_start, end, error);
  if (g_strcmp0 (prefill, "resource-findings") == 0)
    return findings_on (self, resources, NULL, _("resources (7.1) and competence (7.2)"),
                        period_start, end, error);
  if (g_strcmp0 (prefill, "risk-findings") == 0)
    return findings_on (self, risks, NULL, _("risks and opportunities (6.1)"), period_start,
                        end, error);
  if (g_strcmp0 (prefill, "improvements") == 0)
    return improvements (self, period_start, end, day, error);
  return g_strdup ("");
}

/* ---- Reading ----------------------------------------------------------- */

#define REVIEW_COLUMNS                                                                             \
  "id, held_on, chair, attendees, period_start, period_end, status, figures_as_of,"               \
  " approved_at, approved_by, rev, conclusion, next_review"

static void
set_no_such_review (GError **error, gint64 id)
{
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no management review %" PRId64 " in this workspace"), id);
}

static gboolean
load_entries (CwWorkspace *self, CwReview *review, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT i.id, i.title, i.hint, i.prefill, e.figures, e.notes, e.nothing_to_report"
    " FROM review_input i"
    " LEFT JOIN review_entry e ON e.input = i.id AND e.review = ? ORDER BY i.position",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, review->id);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwReviewEntry *entry = g_new0 (CwReviewEntry, 1);
      entry->input = cw_stmt_dup_text (stmt, 0);
      /* Shown in the language shown; the review stores only the input id. */
      entry->title = g_strdup (
        cw_catalogue_shown (CW_CATALOGUE_INPUT_TITLE, entry->input, cw_stmt_text (stmt, 1)));
      entry->hint = g_strdup (
        cw_catalogue_shown (CW_CATALOGUE_INPUT_HINT, entry->input, cw_stmt_text (stmt, 2)));
      entry->prefill = cw_stmt_dup_text (stmt, 3);
      /* An input added to the catalogue after the review has no row yet. */
      const char *figures = cw_stmt_text (stmt, 4);
      const char *notes = cw_stmt_text (stmt, 5);
      entry->figures = g_strdup (figures ? figures : "");
      entry->notes = g_strdup (notes ? notes : "");
      entry->nothing_to_report = cw_stmt_int64 (stmt, 6) != 0;
      g_ptr_array_add (review->entries, entry);
    }
  if (rc != CW_STEP_DONE)
    return FALSE;

  stmt = cw_workspace_prepare (self,
                               "SELECT position, name, role, top_management FROM review_attendee"
                               " WHERE review = ? ORDER BY position",
                               error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, review->id);
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwReviewAttendee *attendee = g_new0 (CwReviewAttendee, 1);
      attendee->position = cw_stmt_int64 (stmt, 0);
      attendee->name = cw_stmt_dup_text (stmt, 1);
      attendee->role = cw_stmt_dup_text (stmt, 2);
      attendee->top_management = cw_stmt_int64 (stmt, 3) != 0;
      g_ptr_array_add (review->attendee_list, attendee);
    }
  if (rc != CW_STEP_DONE)
    return FALSE;

  stmt = cw_workspace_prepare (
    self, "SELECT action, kind FROM review_output WHERE review = ? ORDER BY action", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, review->id);
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      Output output = { cw_stmt_int64 (stmt, 0), CW_REVIEW_OUTPUT_NONE };
      cw_review_output_kind_from_string (cw_stmt_text (stmt, 1), &output.kind);
      g_array_append_val (review->outputs, output);
    }
  return rc == CW_STEP_DONE;
}

CwReview *
cw_workspace_get_review (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " REVIEW_COLUMNS " FROM review WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  int rc = cw_stmt_step (stmt, error);
  if (rc != CW_STEP_ROW)
    {
      if (rc == CW_STEP_DONE)
        set_no_such_review (error, id);
      return NULL;
    }
  g_autoptr (CwReview) review = g_object_new (CW_TYPE_REVIEW, NULL);
  review->id = cw_stmt_int64 (stmt, 0);
  review->held_on = cw_stmt_dup_text (stmt, 1);
  review->chair = cw_stmt_dup_text (stmt, 2);
  review->attendees = cw_stmt_dup_text (stmt, 3);
  review->period_start = cw_stmt_dup_text (stmt, 4);
  review->period_end = cw_stmt_dup_text (stmt, 5);
  review->status = CW_REVIEW_DRAFT;
  cw_review_status_from_string (cw_stmt_text (stmt, 6), &review->status);
  review->figures_as_of = cw_stmt_dup_text (stmt, 7);
  review->approved_at = cw_stmt_dup_text (stmt, 8);
  review->approved_by = cw_stmt_dup_text (stmt, 9);
  review->rev = cw_stmt_int64 (stmt, 10);
  review->conclusion = cw_stmt_dup_text (stmt, 11);
  review->next_review = cw_stmt_dup_text (stmt, 12);
  cw_stmt_reset (stmt);
  if (!load_entries (self, review, error))
    return NULL;
  return g_steal_pointer (&review);
}

/* All reviews, oldest first. */
GPtrArray *
cw_workspace_list_reviews (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  g_autoptr (GArray) ids
    = cw_workspace_query_ids (self, "SELECT id FROM review ORDER BY held_on, id", error);
  if (ids == NULL)
    return NULL;
  g_autoptr (GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      CwReview *review = cw_workspace_get_review (self, g_array_index (ids, gint64, i), error);
      if (review == NULL)
        return NULL;
      g_ptr_array_add (reviews, review);
    }
  return g_steal_pointer (&reviews);
}

/* ---- Creating and editing ---------------------------------------------- */

/* Checks the draft and works out the period's first day (NULL: from the
 * start). `self_id` is the review being edited, 0 for a new one. */
static gboolean
check_draft (CwWorkspace *self, const CwReviewDraft *draft, gint64 self_id, char **period_start,
             GError **error)
{
  const CwTextField fields[] = {
    { draft->held_on, CW_TEXT_SHORT_MAX, N_("the date of the review") },
    { draft->chair, CW_TEXT_SHORT_MAX, N_("the chair") },
    { draft->attendees, CW_TEXT_LONG_MAX, N_("the attendees") },
    { draft->period_start, CW_TEXT_SHORT_MAX, N_("the start of the period") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  GDate held_on;
  if (draft->held_on == NULL || *draft->held_on == '\0')
    {
      cw_set_invalid (error, _("A management review needs the date it is held on (YYYY-MM-DD)"));
      return FALSE;
    }
  if (!cw_date_parse (draft->held_on, &held_on, error))
    return FALSE;

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT id, held_on FROM review WHERE held_on <= ? AND id <> ? ORDER BY held_on DESC",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, draft->held_on);
  cw_stmt_bind_int64 (stmt, 2, self_id);
  int rc = cw_stmt_step (stmt, error);
  gint64 other = rc == CW_STEP_ROW ? cw_stmt_int64 (stmt, 0) : 0;
  g_autofree char *previous = rc == CW_STEP_ROW ? cw_stmt_dup_text (stmt, 1) : NULL;
  cw_stmt_reset (stmt);
  if (rc == CW_STEP_ERROR)
    return FALSE;
  if (previous != NULL && g_str_equal (previous, draft->held_on))
    {
      cw_set_invalid (error,
                   _("Management review %" PRId64 " is already held on %s; add to "
                     "that review instead of holding a second one on the same day"),
                   other, previous);
      return FALSE;
    }

  if (draft->period_start != NULL && *draft->period_start != '\0')
    {
      if (!cw_date_check (draft->period_start, error))
        return FALSE;
      if (strcmp (draft->period_start, draft->held_on) > 0)
        {
          cw_set_invalid (error,
                       _("The period covered starts on %s, after the review itself (%s); "
                         "check the dates"),
                       draft->period_start, draft->held_on);
          return FALSE;
        }
      *period_start = g_strdup (draft->period_start);
    }
  else if (previous != NULL)
    {
      GDate day;
      cw_date_parse (previous, &day, NULL);
      g_date_add_days (&day, 1);
      *period_start = cw_date_to_string (&day);
    }
  return TRUE;
}

/* The day figures are taken on: the meeting's, or today while it is
 * ahead. */
static void
figures_day (const char *held_on, const GDate *today, GDate *day)
{
  *day = *today;
  GDate held;
  if (cw_date_parse (held_on, &held, NULL) && g_date_compare (&held, today) < 0)
    *day = held;
}

static gboolean
store_figures (CwWorkspace *self, gint64 id, const char *period_start, const char *period_end,
               const GDate *today, gboolean fresh, GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  GArray *inputs = cw_catalogue_get_review_inputs (catalogue);
  for (guint i = 0; i < inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (inputs, CwReviewInput, i);
      g_autofree char *figures = cw_workspace_review_figures (self, input->prefill, period_start,
                                                               period_end, today, error);
      if (figures == NULL)
        return FALSE;
      CwStmt *stmt = cw_workspace_prepare (
        self,
        "INSERT INTO review_entry (review, input, figures) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (review, input) DO UPDATE SET figures = ?3",
        error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_int64 (stmt, 1, id);
      cw_stmt_bind_text (stmt, 2, input->id);
      cw_stmt_bind_text (stmt, 3, figures);
      if (!cw_stmt_run (stmt, error))
        return FALSE;
    }
  g_autofree char *as_of = cw_date_to_string (today);
  CwStmt *stmt
    = cw_workspace_prepare (self, "UPDATE review SET figures_as_of = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, as_of);
  cw_stmt_bind_int64 (stmt, 2, id);
  return cw_stmt_run (stmt, error)
         && cw_workspace_record (self, "review", id, fresh ? "figures" : "figures refreshed",
                                 NULL, as_of, error);
}

/* Figures of every input as of the meeting, in memory: what approval
 * checks and then stores. */
static gboolean
compute_figures (CwWorkspace *self, CwReview *review, const GDate *as_of, GError **error)
{
  for (guint i = 0; i < review->entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (review->entries, i);
      char *figures = cw_workspace_review_figures (self, entry->prefill, review->period_start,
                                                   review->period_end, as_of, error);
      if (figures == NULL)
        return FALSE;
      g_free (entry->figures);
      entry->figures = figures;
    }
  return TRUE;
}

static gint64
insert_review (CwWorkspace *self, const CwReviewDraft *draft, const char *period_start,
               const GDate *today, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO review (held_on, chair, attendees, period_start, period_end, created_at, uuid)"
    " VALUES (?1, ?2, ?3, ?4, ?1, ?5, ?6)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *chair = cw_text_trimmed (draft->chair);
  g_autofree char *attendees = cw_text_trimmed (draft->attendees);
  g_autofree char *now = cw_timestamp_now ();
  cw_stmt_bind_text (stmt, 1, draft->held_on);
  cw_stmt_bind_text (stmt, 2, chair);
  cw_stmt_bind_text (stmt, 3, attendees);
  cw_stmt_bind_text (stmt, 4, period_start);
  cw_stmt_bind_text (stmt, 5, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 6, uuid);
  GDate day;
  figures_day (draft->held_on, today, &day);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  gboolean ok
    = cw_workspace_record (self, "review", id, "created", NULL, draft->held_on, error)
      && cw_workspace_record_change (self, "review", id, "chair", "", chair, error)
      && cw_workspace_record_change (self, "review", id, "attendees", "", attendees, error)
      && store_figures (self, id, period_start, draft->held_on, &day, TRUE, error);
  return ok ? id : 0;
}

/* Creates a draft review with every input's figures filled in as of its
 * date (or `today`, for a meeting still ahead). Returns its id, or 0 with
 * `error` set. */
gint64
cw_workspace_create_review (CwWorkspace *self, const CwReviewDraft *draft, const GDate *today,
                            GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  g_autofree char *period_start = NULL;
  if (!check_draft (self, draft, 0, &period_start, error) || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_review (self, draft, period_start, today, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

static CwReview *
get_editable (CwWorkspace *self, gint64 id, GError **error)
{
  g_autoptr (CwReview) review = cw_workspace_get_review (self, id, error);
  if (review == NULL || !cw_review_can_edit (review, error))
    return NULL;
  return g_steal_pointer (&review);
}

/* Changes the date, chair, attendees or period of a draft. The figures are
 * not recomputed: cw_workspace_refresh_review does that when asked. */
gboolean
cw_workspace_update_review (CwWorkspace *self, gint64 id, const CwReviewDraft *draft,
                            GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  g_autoptr (CwReview) review = get_editable (self, id, error);
  g_autofree char *period_start = NULL;
  if (review == NULL || !check_draft (self, draft, id, &period_start, error))
    return FALSE;
  g_autofree char *chair = cw_text_trimmed (draft->chair);
  g_autofree char *attendees = cw_text_trimmed (draft->attendees);
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE review SET held_on = ?1, period_end = ?1, chair = ?2, attendees = ?3,"
    " period_start = ?4, rev = rev + 1 WHERE id = ?5 AND rev = ?6",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, draft->held_on);
      cw_stmt_bind_text (stmt, 2, chair);
      cw_stmt_bind_text (stmt, 3, attendees);
      cw_stmt_bind_text (stmt, 4, period_start);
      cw_stmt_bind_int64 (stmt, 5, id);
      cw_stmt_bind_int64 (stmt, 6, review->rev);
      ok = cw_workspace_run_update (self, stmt, "review", id, error)
           && cw_workspace_record_change (self, "review", id, "held_on", review->held_on,
                                          draft->held_on, error)
           && cw_workspace_record_change (self, "review", id, "chair", review->chair, chair,
                                          error)
           && cw_workspace_record_change (self, "review", id, "attendees", review->attendees,
                                          attendees, error)
           && cw_workspace_record_change (self, "review", id, "period_start",
                                          review->period_start, period_start, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* A review's entries belong to its record: changing one is a new revision
 * of the review, refused when someone else changed the review meanwhile. */
static gboolean
bump_review (CwWorkspace *self, CwReview *review, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "UPDATE review SET rev = rev + 1 WHERE id = ? AND rev = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, review->id);
  cw_stmt_bind_int64 (stmt, 2, review->rev);
  return cw_workspace_run_update (self, stmt, "review", review->id, error);
}

/* Sets the notes people wrote for one input, replacing earlier notes. */
gboolean
cw_workspace_note_review (CwWorkspace *self, gint64 id, const char *input, const char *notes,
                          GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!cw_text_check (notes, CW_TEXT_LONG_MAX, _("the notes"), error))
    return FALSE;
  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL)
    return FALSE;
  const CwReviewEntry *entry = cw_review_lookup_entry (review, input);
  if (entry == NULL)
    {
      g_autoptr (GString) ids = g_string_new (NULL);
      for (guint i = 0; i < review->entries->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "",
                                ((CwReviewEntry *) g_ptr_array_index (review->entries, i))->input);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("A management review has no input “%s”; the inputs are %s"), input,
                   ids->str);
      return FALSE;
    }
  g_autofree char *text = cw_text_trimmed (notes);
  if (g_strcmp0 (text, entry->notes ? entry->notes : "") == 0)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO review_entry (review, input, notes) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (review, input) DO UPDATE SET notes = ?3",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, id);
      cw_stmt_bind_text (stmt, 2, input);
      cw_stmt_bind_text (stmt, 3, text);
      g_autofree char *field = g_strconcat ("notes:", input, NULL);
      ok = cw_stmt_run (stmt, error) && bump_review (self, review, error)
           && cw_workspace_record_change (self, "review", id, field, entry->notes, text, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* Recomputes a draft's figures as of its date (or `today`, while the
 * meeting is ahead); notes are kept. Approved minutes keep theirs. */
gboolean
cw_workspace_refresh_review (CwWorkspace *self, gint64 id, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL || !cw_workspace_edit_begin (self, error))
    return FALSE;
  GDate day;
  figures_day (review->held_on, today, &day);
  return cw_workspace_edit_end (self,
                                store_figures (self, id, review->period_start,
                                               review->period_end, &day, FALSE, error),
                                error);
}

static const CwReviewEntry *
lookup_input (CwReview *review, const char *input, GError **error)
{
  const CwReviewEntry *entry = cw_review_lookup_entry (review, input);
  if (entry != NULL)
    return entry;
  g_autoptr (GString) ids = g_string_new (NULL);
  for (guint i = 0; i < review->entries->len; i++)
    g_string_append_printf (ids, "%s%s", i ? ", " : "",
                            ((CwReviewEntry *) g_ptr_array_index (review->entries, i))->input);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("A management review has no input “%s”; the inputs are %s"), input, ids->str);
  return NULL;
}

/* Says that an input was considered and there was nothing to report on
 * it, or takes that back. Refused where the workspace holds figures on the
 * input: those need a note saying what the meeting made of them. */
gboolean
cw_workspace_set_nothing_to_report (CwWorkspace *self, gint64 id, const char *input,
                                    gboolean nothing, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL)
    return FALSE;
  const CwReviewEntry *entry = lookup_input (review, input, error);
  if (entry == NULL)
    return FALSE;
  nothing = !!nothing;
  if (entry->nothing_to_report == nothing)
    return TRUE;
  if (nothing && !cw_text_is_blank (entry->figures))
    {
      cw_set_invalid (error,
                      _("“%s” cannot be marked “nothing to report”: the workspace holds figures "
                        "on it; write a note on what the meeting made of them"),
                      entry->title);
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO review_entry (review, input, nothing_to_report) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (review, input) DO UPDATE SET nothing_to_report = ?3",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, id);
      cw_stmt_bind_text (stmt, 2, input);
      cw_stmt_bind_int64 (stmt, 3, nothing);
      g_autofree char *field = g_strconcat ("nothing-to-report:", input, NULL);
      ok = cw_stmt_run (stmt, error) && bump_review (self, review, error)
           && cw_workspace_record_change (self, "review", id, field, nothing ? "no" : "yes",
                                          nothing ? "yes" : "no", error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

static gboolean
check_attendee (const CwReviewAttendeeDraft *attendee, GError **error)
{
  const CwTextField fields[] = {
    { attendee->name, CW_TEXT_SHORT_MAX, N_("the attendee's name") },
    { attendee->role, CW_TEXT_SHORT_MAX, N_("the attendee's role") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (cw_text_is_blank (attendee->name))
    {
      cw_set_invalid (error, _("An attendee of a management review needs a name"));
      return FALSE;
    }
  return TRUE;
}

static const CwReviewAttendee *
lookup_position (CwReview *review, guint position, GError **error)
{
  for (guint i = 0; i < review->attendee_list->len; i++)
    {
      const CwReviewAttendee *attendee = g_ptr_array_index (review->attendee_list, i);
      if (attendee->position == position)
        return attendee;
    }
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("Management review %" PRId64 " has no attendee %u"), review->id, position);
  return NULL;
}

static char *
attendee_text (const CwReviewAttendee *attendee)
{
  if (attendee == NULL)
    return NULL;
  return g_strdup_printf ("%s|%s|%s", attendee->name, attendee->role,
                          attendee->top_management ? "top management" : "");
}

/* Writes attendee `position` (new when `old` is NULL). */
static gboolean
store_attendee (CwWorkspace *self, CwReview *review, guint position,
                const CwReviewAttendee *old, const CwReviewAttendeeDraft *attendee,
                GError **error)
{
  g_autofree char *name = cw_text_trimmed (attendee->name);
  g_autofree char *role = cw_text_trimmed (attendee->role);
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO review_attendee (review, position, name, role, top_management)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (review, position) DO UPDATE"
    " SET name = ?3, role = ?4, top_management = ?5",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, review->id);
  cw_stmt_bind_int64 (stmt, 2, position);
  cw_stmt_bind_text (stmt, 3, name);
  cw_stmt_bind_text (stmt, 4, role ? role : "");
  cw_stmt_bind_int64 (stmt, 5, attendee->top_management ? 1 : 0);
  CwReviewAttendee now = { position, name, role ? role : "", !!attendee->top_management };
  g_autofree char *before = attendee_text (old);
  g_autofree char *after = attendee_text (&now);
  g_autofree char *field = g_strdup_printf ("attendee:%u", position);
  return cw_stmt_run (stmt, error) && bump_review (self, review, error)
         && cw_workspace_record_change (self, "review", review->id, field, before, after, error);
}

/* Adds a person to the meeting; returns their position (> 0). */
guint
cw_workspace_add_review_attendee (CwWorkspace *self, gint64 id,
                                  const CwReviewAttendeeDraft *attendee, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (attendee != NULL, 0);

  if (!check_attendee (attendee, error))
    return 0;
  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL)
    return 0;
  guint position = 1;
  for (guint i = 0; i < review->attendee_list->len; i++)
    position = MAX (position,
                    ((CwReviewAttendee *) g_ptr_array_index (review->attendee_list, i))->position
                      + 1);
  if (!cw_workspace_edit_begin (self, error))
    return 0;
  gboolean ok = store_attendee (self, review, position, NULL, attendee, error);
  return cw_workspace_edit_end (self, ok, error) ? position : 0;
}

gboolean
cw_workspace_update_review_attendee (CwWorkspace *self, gint64 id, guint position,
                                     const CwReviewAttendeeDraft *attendee, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (attendee != NULL, FALSE);

  if (!check_attendee (attendee, error))
    return FALSE;
  g_autoptr (CwReview) review = get_editable (self, id, error);
  const CwReviewAttendee *old = review ? lookup_position (review, position, error) : NULL;
  if (old == NULL)
    return FALSE;
  g_autofree char *name = cw_text_trimmed (attendee->name);
  g_autofree char *role = cw_text_trimmed (attendee->role);
  if (g_strcmp0 (name, old->name) == 0 && g_strcmp0 (role ? role : "", old->role) == 0
      && !!attendee->top_management == old->top_management)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  gboolean ok = store_attendee (self, review, position, old, attendee, error);
  return cw_workspace_edit_end (self, ok, error);
}

gboolean
cw_workspace_remove_review_attendee (CwWorkspace *self, gint64 id, guint position,
                                     GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwReview) review = get_editable (self, id, error);
  const CwReviewAttendee *old = review ? lookup_position (review, position, error) : NULL;
  if (old == NULL || !cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self, "DELETE FROM review_attendee WHERE review = ? AND position = ?", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, id);
      cw_stmt_bind_int64 (stmt, 2, position);
      g_autofree char *before = attendee_text (old);
      g_autofree char *field = g_strdup_printf ("attendee:%u", position);
      ok = cw_stmt_run (stmt, error) && bump_review (self, review, error)
           && cw_workspace_record_change (self, "review", id, field, before, NULL, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* Sets the conclusion on the SMS's suitability, adequacy and
 * effectiveness and/or the date of the next review; NULL leaves one as it
 * is, "" clears it. */
gboolean
cw_workspace_conclude_review (CwWorkspace *self, gint64 id, const char *conclusion,
                              const char *next_review, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  const CwTextField fields[] = {
    { conclusion, CW_TEXT_LONG_MAX, N_("the conclusion") },
    { next_review, CW_TEXT_SHORT_MAX, N_("the date of the next review") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL)
    return FALSE;
  g_autofree char *text = conclusion ? cw_text_trimmed (conclusion) : g_strdup (review->conclusion);
  g_autofree char *next = next_review ? cw_text_trimmed (next_review)
                                      : g_strdup (review->next_review);
  if (next != NULL && *next == '\0')
    g_clear_pointer (&next, g_free);
  if (next != NULL)
    {
      if (!cw_date_check (next, error))
        return FALSE;
      if (strcmp (next, review->held_on) <= 0)
        {
          cw_set_invalid (error,
                          _("The next review must come after this one (held on %s); %s is not "
                            "after it"),
                          review->held_on, next);
          return FALSE;
        }
    }
  if (g_strcmp0 (text, review->conclusion) == 0 && g_strcmp0 (next, review->next_review) == 0)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE review SET conclusion = ?, next_review = ?, rev = rev + 1 WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, text);
      cw_stmt_bind_text (stmt, 2, next);
      cw_stmt_bind_int64 (stmt, 3, id);
      cw_stmt_bind_int64 (stmt, 4, review->rev);
      ok = cw_workspace_run_update (self, stmt, "review", id, error)
           && cw_workspace_record_change (self, "review", id, "conclusion", review->conclusion,
                                          text, error)
           && cw_workspace_record_change (self, "review", id, "next_review",
                                          review->next_review, next, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* Records a decision as an action of the register (source: management
 * review), owned, dated and of one of the kinds 9.3 names. Returns the
 * action's id. */
gint64
cw_workspace_decide (CwWorkspace *self, gint64 id, const CwReviewDecision *decision,
                     GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (decision != NULL, 0);

  const CwTextField fields[] = {
    { decision->text, CW_TEXT_LONG_MAX, N_("the decision") },
    { decision->owner, CW_TEXT_SHORT_MAX, N_("the owner") },
    { decision->due, CW_TEXT_SHORT_MAX, N_("the due date") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return 0;
  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL)
    return 0;
  const char *missing = cw_text_is_blank (decision->text)    ? _("what was decided")
                        : cw_text_is_blank (decision->owner) ? _("an owner")
                        : cw_text_is_blank (decision->due)   ? _("a due date")
                                                             : NULL;
  if (missing != NULL)
    {
      cw_set_invalid (error,
                   _("A decision of a management review needs what was decided, an owner and "
                     "a due date; %s is missing"),
                   missing);
      return 0;
    }
  if (decision->kind <= CW_REVIEW_OUTPUT_NONE || decision->kind > CW_REVIEW_OUTPUT_RESOURCES)
    {
      cw_set_invalid (error,
                      _("A decision of a management review needs its kind: an opportunity for "
                        "improvement, a change to the SMS, a change to the services or a "
                        "resource need (%s)"),
                      cw_review_output_kind_tokens ());
      return 0;
    }
  g_autofree char *text = cw_text_trimmed (decision->text);
  /* The first line is the title; the whole text stays as the description. */
  g_autofree char *title = g_strndup (text, strcspn (text, "\n"));
  CwActionDraft draft = {
    .review_id = id,
    .source = CW_ACTION_SOURCE_MANAGEMENT_REVIEW,
    .title = title,
    .description = text,
    .owner = decision->owner,
    .due = decision->due,
  };
  if (!cw_workspace_edit_begin (self, error))
    return 0;
  gint64 action = cw_workspace_create_action (self, &draft, error);
  gboolean ok = action != 0;
  if (ok)
    {
      CwStmt *stmt = cw_workspace_prepare (
        self, "INSERT INTO review_output (review, action, kind) VALUES (?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          const char *kind = cw_review_output_kind_to_string (decision->kind);
          g_autofree char *field = g_strdup_printf ("output:%" PRId64, action);
          cw_stmt_bind_int64 (stmt, 1, id);
          cw_stmt_bind_int64 (stmt, 2, action);
          cw_stmt_bind_text (stmt, 3, kind);
          ok = cw_stmt_run (stmt, error)
               && cw_workspace_record (self, "review", id, field, NULL, kind, error);
        }
    }
  return cw_workspace_edit_end (self, ok, error) ? action : 0;
}

/* Approves the minutes in the name of `approved_by`, once every rule of
 * cw_review_meets_rules holds with the figures taken as of the meeting
 * date; those figures are stored with the minutes, which are read-only from
 * then on. A refusal writes nothing. */
gboolean
cw_workspace_approve_review (CwWorkspace *self, gint64 id, const char *approved_by,
                             const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_autoptr (CwReview) review = cw_workspace_get_review (self, id, error);
  if (review == NULL || !cw_review_can_edit (review, error))
    return FALSE;
  GDate held_on, as_of;
  if (!cw_date_parse (review->held_on, &held_on, error))
    return FALSE;
  figures_day (review->held_on, today, &as_of);
  g_autofree char *by = cw_text_trimmed (approved_by);
  if (!compute_figures (self, review, &as_of, error)
      || !cw_review_can_approve (review, by, today, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *now = cw_timestamp_now ();
  gboolean ok = store_figures (self, id, review->period_start, review->period_end, &held_on,
                               FALSE, error);
  CwStmt *stmt = ok ? cw_workspace_prepare (
                        self,
                        "UPDATE review SET status = 'approved', approved_at = ?, approved_by = ?"
                        " WHERE id = ?",
                        error)
                    : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, now);
      cw_stmt_bind_text (stmt, 2, by);
      cw_stmt_bind_int64 (stmt, 3, id);
      ok = cw_stmt_run (stmt, error)
           && cw_workspace_record (self, "review", id, "approved_by", NULL, by, error)
           && cw_workspace_record (self, "review", id, "status",
                                   cw_review_status_to_string (CW_REVIEW_DRAFT),
                                   cw_review_status_to_string (CW_REVIEW_APPROVED), error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* ---- Minutes approved before these rules -------------------------------- */

/* Adds to `warnings` one sentence for each thing an approved review lacks
 * that approval now requires: minutes approved before the rules stay as
 * they were (they are a record), and `check` names the gaps. */
gboolean
cw_review_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);

  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (self, error);
  if (reviews == NULL)
    return FALSE;
  for (guint r = 0; r < reviews->len; r++)
    {
      CwReview *review = g_ptr_array_index (reviews, r);
      if (review->status != CW_REVIEW_APPROVED)
        continue;
      gint64 id = review->id;
      gboolean any_top = FALSE;
      for (guint i = 0; i < review->attendee_list->len; i++)
        any_top |= ((CwReviewAttendee *) g_ptr_array_index (review->attendee_list, i))
                     ->top_management;
      if (review->attendee_list->len == 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Review %" PRId64 " was approved without "
                                            "attendees' roles"),
                                          id));
      else if (!any_top)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Review %" PRId64 " was approved without top "
                                            "management among its attendees"),
                                          id));
      g_autoptr (GString) unaddressed = g_string_new (NULL);
      for (guint i = 0; i < review->entries->len; i++)
        {
          const CwReviewEntry *entry = g_ptr_array_index (review->entries, i);
          if (!entry->nothing_to_report && cw_text_is_blank (entry->notes))
            g_string_append_printf (unaddressed, "%s“%s”", unaddressed->len ? ", " : "",
                                    entry->title);
        }
      if (unaddressed->len > 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Review %" PRId64 " was approved with inputs not "
                                            "addressed: %s"),
                                          id, unaddressed->str));
      if (cw_text_is_blank (review->conclusion))
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Review %" PRId64 " was approved without a "
                                            "conclusion on the SMS's suitability, adequacy and "
                                            "effectiveness"),
                                          id));
      if (review->next_review == NULL)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Review %" PRId64 " was approved without the date "
                                            "of the next review"),
                                          id));
      CwActionFilter of_review = { .review_id = id };
      g_autoptr (GPtrArray) decisions = cw_workspace_list_actions (self, &of_review, error);
      if (decisions == NULL)
        return FALSE;
      guint without_kind = 0;
      for (guint i = 0; i < decisions->len; i++)
        without_kind += cw_review_get_output_kind (
                          review, cw_action_get_id (g_ptr_array_index (decisions, i)))
                        == CW_REVIEW_OUTPUT_NONE;
      if (without_kind > 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (cw_ngettext ("Review %" PRId64 " was approved with %u "
                                                       "decision not sorted by kind",
                                                       "Review %" PRId64 " was approved with %u "
                                                       "decisions not sorted by kind",
                                                       without_kind),
                                          id, without_kind));
    }
  return TRUE;
}
