/* cw-review.c: management reviews and the figures the core fills in.
 *
 * Figures are written into the review as text when it is created (and when
 * a draft is refreshed), so the approved minutes keep what top management
 * actually saw, however the workspace changes afterwards.
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

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
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
  GPtrArray *entries;
};

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
  g_clear_pointer (&self->entries, g_ptr_array_unref);
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

gboolean
cw_review_can_approve (CwReview *self, GError **error)
{
  g_return_val_if_fail (CW_IS_REVIEW (self), FALSE);
  if (!cw_review_can_edit (self, error))
    return FALSE;
  if (cw_text_is_blank (self->chair))
    {
      cw_set_invalid (error,
                   _("Management review %" PRId64 " has no chair; name the member of "
                     "top management who chaired it before approving the minutes"),
                   self->id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Figures ----------------------------------------------------------- */

/* The day a finding or audit counts on; see the comment at the top. */
#define AUDIT_DAY "COALESCE (a.planned_end, a.planned_start, substr (a.created_at, 1, 10))"

static gboolean
in_period (const char *day, const char *start, const char *end)
{
  return day != NULL && (start == NULL || strcmp (day, start) >= 0) && strcmp (day, end) <= 0;
}

static void
append_action_line (GString *out, CwAction *action, const GDate *today)
{
  const char *due = cw_action_get_due (action);
  const char *owner = cw_action_get_owner (action);
  CwActionDueState state = cw_action_get_due_state (action, today);
  g_string_append_printf (out, _("  Action %" PRId64 " “%s”: %s, owner %s, due %s"),
                          cw_action_get_id (action), cw_action_get_title (action),
                          cw_action_status_label (cw_action_get_status (action)),
                          *owner ? owner : _("not named"), due ? due : _("not set"));
  if (state == CW_ACTION_DUE_OVERDUE || state == CW_ACTION_DUE_SOON)
    g_string_append_printf (out, " (%s)", cw_action_due_state_label (state));
  g_string_append_c (out, '\n');
}

static char *
previous_review_actions (CwWorkspace *self, const char *period_end, const GDate *today,
                         GError **error)
{
  CwActionFilter earlier = { .decided_before = period_end };
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (self, &earlier, error);
  if (actions == NULL)
    return NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint counts[CW_ACTION_CLOSED + 1] = { 0 };
  guint n = actions->len, overdue = 0;
  g_autoptr (GString) lines = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      counts[cw_action_get_status (action)]++;
      overdue += cw_action_is_overdue (action, today);
      append_action_line (lines, action, today);
    }
  if (n == 0)
    return g_strdup (_("No actions were decided at earlier management reviews."));
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u action from earlier reviews: %u open, %u planned, "
                                       "%u implemented, %u verified, %u closed; %u overdue.\n",
                                       "%u actions from earlier reviews: %u open, %u planned, "
                                       "%u implemented, %u verified, %u closed; %u overdue.\n",
                                       n),
                          n, counts[CW_ACTION_OPEN], counts[CW_ACTION_PLANNED],
                          counts[CW_ACTION_IMPLEMENTED], counts[CW_ACTION_VERIFIED],
                          counts[CW_ACTION_CLOSED], overdue);
  g_string_append (out, lines->str);
  return g_strchomp (g_string_free (g_steal_pointer (&out), FALSE));
}

static char *
corrective_actions (CwWorkspace *self, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (self, NULL, error);
  if (actions == NULL)
    return NULL;
  guint counts[CW_ACTION_CLOSED + 1] = { 0 };
  guint n = 0, overdue = 0, soon = 0, failed = 0;
  g_autoptr (GString) overdue_lines = g_string_new (NULL);
  g_autoptr (GString) failed_lines = g_string_new (NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      /* Decisions of reviews have their own input. */
      if (cw_action_get_source (action) == CW_ACTION_SOURCE_MANAGEMENT_REVIEW)
        continue;
      n++;
      counts[cw_action_get_status (action)]++;
      CwActionDueState state = cw_action_get_due_state (action, today);
      if (state == CW_ACTION_DUE_OVERDUE)
        {
          overdue++;
          append_action_line (overdue_lines, action, today);
        }
      soon += state == CW_ACTION_DUE_SOON;
      if (cw_action_get_not_effective_count (action) > 0)
        {
          failed++;
          append_action_line (failed_lines, action, today);
        }
    }
  if (n == 0)
    return g_strdup (_("The corrective action register is empty."));
  g_autofree char *as_of = cw_date_to_string (today);
  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u corrective action on %s: %u open, %u planned, %u "
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

static char *
audit_results (CwWorkspace *self, const char *period_start, const char *period_end,
               GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.id, " AUDIT_DAY " AS day, (SELECT count(*) FROM finding f WHERE f.audit = a.id"
    " AND f.grade IN ('minor', 'major')), (SELECT count(*) FROM finding f JOIN action c"
    " ON c.finding = f.id WHERE f.audit = a.id AND f.grade IN ('minor', 'major')),"
    " (SELECT count(*) FROM finding f WHERE f.audit = a.id AND f.grade IN ('minor', 'major')"
    " AND f.status NOT IN ('verified', 'closed'))"
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

  g_autoptr (GString) out = g_string_new (NULL);
  g_string_append_printf (out, _("Audits from %s to %s: %u.\n"),
                          period_start ? period_start : _("the start"), period_end, rows->len);
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
        _("  Audit %" PRId64 " “%s” (%s, %s to %s): %u major, %u minor, %u "
          "observation, %u OFI; %u of %u nonconformities have an action, %u not yet "
          "verified.\n"),
        row->id, cw_audit_get_title (audit), cw_audit_status_label (cw_audit_get_status (audit)),
        start ? start : "?", end ? end : "?", progress.findings[CW_GRADE_MAJOR],
        progress.findings[CW_GRADE_MINOR], progress.findings[CW_GRADE_OBSERVATION],
        progress.findings[CW_GRADE_OFI], row->with_action, row->ncs, row->unresolved);
    }

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
  g_string_append_printf (out, _("Catalogue coverage: %u of %u clauses audited in the period."),
                          covered, with_questions);
  if (missing->len > 0)
    g_string_append_printf (out, _("\nNot audited in the period: %s."), missing->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The text the core fills in for an input with `prefill`, for the period
 * from `period_start` (NULL: from the start) to `period_end`, counting
 * overdue against `today`. An unknown prefill kind gives "". */
char *
cw_workspace_review_figures (CwWorkspace *self, const char *prefill, const char *period_start,
                             const char *period_end, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (period_end != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (g_strcmp0 (prefill, "previous-review-actions") == 0)
    return previous_review_actions (self, period_end, today, error);
  if (g_strcmp0 (prefill, "corrective-actions") == 0)
    return corrective_actions (self, today, error);
  if (g_strcmp0 (prefill, "nonconformity-trends") == 0)
    return nonconformity_trends (self, period_start, period_end, error);
  if (g_strcmp0 (prefill, "audit-results") == 0)
    return audit_results (self, period_start, period_end, error);
  return g_strdup ("");
}

/* ---- Reading ----------------------------------------------------------- */

#define REVIEW_COLUMNS                                                                             \
  "id, held_on, chair, attendees, period_start, period_end, status, figures_as_of,"               \
  " approved_at, approved_by, rev"

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
    "SELECT i.id, i.title, i.hint, i.prefill, e.figures, e.notes FROM review_input i"
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
      entry->title = cw_stmt_dup_text (stmt, 1);
      entry->hint = cw_stmt_dup_text (stmt, 2);
      entry->prefill = cw_stmt_dup_text (stmt, 3);
      /* An input added to the catalogue after the review has no row yet. */
      const char *figures = cw_stmt_text (stmt, 4);
      const char *notes = cw_stmt_text (stmt, 5);
      entry->figures = g_strdup (figures ? figures : "");
      entry->notes = g_strdup (notes ? notes : "");
      g_ptr_array_add (review->entries, entry);
    }
  return (rc == CW_STEP_DONE);
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
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  gboolean ok
    = cw_workspace_record (self, "review", id, "created", NULL, draft->held_on, error)
      && cw_workspace_record_change (self, "review", id, "chair", "", chair, error)
      && cw_workspace_record_change (self, "review", id, "attendees", "", attendees, error)
      && store_figures (self, id, period_start, draft->held_on, today, TRUE, error);
  return ok ? id : 0;
}

/* Creates a draft review with every input's figures filled in as of
 * `today`. Returns its id, or 0 with `error` set. */
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

/* Recomputes a draft's figures as of `today`; notes are kept. */
gboolean
cw_workspace_refresh_review (CwWorkspace *self, gint64 id, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_autoptr (CwReview) review = get_editable (self, id, error);
  if (review == NULL || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self,
                                store_figures (self, id, review->period_start,
                                               review->period_end, today, FALSE, error),
                                error);
}

/* Records a decision as an action of the register (source: management
 * review), owned and dated. Returns the action's id. */
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
  return cw_workspace_create_action (self, &draft, error);
}

/* Approves the minutes; from then on the review is read-only. */
gboolean
cw_workspace_approve_review (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwReview) review = cw_workspace_get_review (self, id, error);
  if (review == NULL || !cw_review_can_approve (review, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *now = cw_timestamp_now ();
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE review SET status = 'approved', approved_at = ?, approved_by = ?, rev = rev + 1"
    " WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, now);
      cw_stmt_bind_text (stmt, 2, cw_workspace_get_actor (self));
      cw_stmt_bind_int64 (stmt, 3, id);
      cw_stmt_bind_int64 (stmt, 4, review->rev);
      ok = cw_workspace_run_update (self, stmt, "review", id, error)
           && cw_workspace_record (self, "review", id, "status",
                                   cw_review_status_to_string (CW_REVIEW_DRAFT),
                                   cw_review_status_to_string (CW_REVIEW_APPROVED), error);
    }
  return cw_workspace_edit_end (self, ok, error);
}
