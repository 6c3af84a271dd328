/* test-action.c: the corrective action register: raising actions, every
 * legal and illegal move of the workflow, the finding following its action,
 * overdue around midnight and across time zones, closing audits, and the
 * schema 1 fixture upgrading with its data. */
#include "config.h"

#include <stdlib.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-history.h"
#include "cw-audit.h"
#include "cw-finding.h"
#include "cw-test-util.h"
#include "cw-workspace-private.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
  gint64 audit;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
  g_autoptr (GError) error = NULL;
  CwAuditDraft draft = { .title = "Service desk audit", .planned_start = "2026-05-04" };
  f->audit = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
}

static gint64
add_finding (Fixture *f, const char *clause, CwGrade grade)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = f->audit,
    .clause = clause,
    .grade = grade,
    .requirement = "Incidents are prioritised by impact and urgency (PRI-01).",
    .evidence = "INC-1042 and INC-1057 were given P4 although a whole site was down.",
    .statement = "Two of twenty sampled incidents were not prioritised as PRI-01 requires.",
  };
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_action (Fixture *f, const char *title, const char *due)
{
  g_autoptr (GError) error = NULL;
  CwActionDraft draft
    = { .source = CW_ACTION_SOURCE_INCIDENT, .title = title, .owner = "Ann Owner", .due = due };
  gint64 id = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CwAction *
get (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CwAction *action = cw_workspace_get_action (f->workspace, id, &error);
  g_assert_no_error (error);
  return action;
}

static void
update (Fixture *f, gint64 id, const CwActionChanges *changes)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_update_action (f->workspace, id, changes, &error));
  g_assert_no_error (error);
}

static void
move (Fixture *f, gint64 id, CwActionMove step)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_move_action (f->workspace, id, step, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (GError *error, const char *mention)
{
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  if (strstr (error->message, mention) == NULL)
    g_error ("expected “%s” in: %s", mention, error->message);
}

static const CwActionChanges planning = {
  .root_cause = "Analysts lower priority on request\nPRI-01 does not say who may change it",
  .plan = "Lock the priority field; revise PRI-01 v3.",
  .due = "2026-07-01",
};

static void
test_create_from_finding (Fixture *f, gconstpointer data)
{
  gint64 finding = add_finding (f, "8.6.1", CW_GRADE_MINOR);
  g_autoptr (GError) error = NULL;
  CwActionDraft draft = { .finding_id = finding, .owner = "  Aisha  " };
  gint64 id = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);

  g_autoptr (CwAction) action = get (f, id);
  g_assert_cmpint (cw_action_get_source (action), ==, CW_ACTION_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpint (cw_action_get_finding_id (action), ==, finding);
  g_assert_cmpint (cw_action_get_status (action), ==, CW_ACTION_OPEN);
  g_assert_cmpstr (cw_action_get_owner (action), ==, "Aisha");
  g_assert_nonnull (strstr (cw_action_get_title (action), "8.6.1"));
  g_assert_cmpstr (cw_action_get_description (action), ==,
                   "Two of twenty sampled incidents were not prioritised as PRI-01 requires.");
  g_assert_null (cw_action_get_due (action));
  g_autoptr (CwAction) same = cw_workspace_get_action_for_finding (f->workspace, finding, &error);
  g_assert_cmpint (cw_action_get_id (same), ==, id);

  /* One action per finding: the second is refused and names the first. */
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &draft, &error), ==, 0);
  g_autofree char *names = g_strdup_printf ("action %" G_GINT64_FORMAT, id);
  assert_invalid (error, names);
  g_clear_error (&error);

  /* An observation may get an action too (decided: acting early is allowed). */
  gint64 observation = add_finding (f, "8.6.3", CW_GRADE_OBSERVATION);
  CwActionDraft early = { .finding_id = observation };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &early, &error), >, id);
  g_assert_no_error (error);

  CwActionDraft missing = { .finding_id = 999 };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &missing, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_create_refusals (Fixture *f, gconstpointer data)
{
  gint64 finding = add_finding (f, "8.6.1", CW_GRADE_MINOR);
  struct
  {
    CwActionDraft draft;
    const char *says;
  } cases[] = {
    { { .source = CW_ACTION_SOURCE_COMPLAINT, .title = "  " }, "title" },
    { { .source = CW_ACTION_SOURCE_INTERNAL_AUDIT, .title = "Fix it" }, "finding" },
    { { .finding_id = finding, .source = CW_ACTION_SOURCE_INCIDENT }, "internal-audit" },
    { { .source = CW_ACTION_SOURCE_OTHER, .title = "Fix it", .due = "2026-02-30" },
      "2026-02-30" },
    { { .source = CW_ACTION_SOURCE_MANAGEMENT_REVIEW, .title = "Fix it", .review_id = 4 },
      "review 4" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (cw_workspace_create_action (f->workspace, &cases[i].draft, &error), ==, 0);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: expected “%s” in: %s", i, cases[i].says, error->message);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (f->workspace, NULL, &error);
  g_assert_cmpuint (actions->len, ==, 0);

  /* A due date in the past is accepted: it is simply overdue. */
  gint64 late = add_action (f, "Late from the start", "2020-01-01");
  g_autoptr (CwAction) action = get (f, late);
  GDate today;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 6, 2026);
  g_assert_true (cw_action_is_overdue (action, &today));
}

/* The states an action can be in, with what each move needs present or
 * absent, so that every move is tried from every state. */
typedef enum
{
  BARE_OPEN,      /* open, nothing filled in */
  READY_OPEN,     /* open, planning complete */
  PLANNED,
  IMPLEMENTED,    /* without verification evidence */
  CHECKED,        /* implemented, evidence recorded */
  VERIFIED,
  CLOSED,
  N_STATES
} State;

static const char *const state_names[]
  = { "bare open", "ready open", "planned", "implemented", "checked", "verified", "closed" };

static gint64
action_in (Fixture *f, State state)
{
  gint64 id = add_action (f, state_names[state], NULL);
  if (state == BARE_OPEN)
    {
      CwActionChanges no_owner = { .owner = "" };
      update (f, id, &no_owner);
      return id;
    }
  update (f, id, &planning);
  if (state >= PLANNED)
    move (f, id, CW_ACTION_MOVE_PLANNED);
  if (state >= IMPLEMENTED)
    move (f, id, CW_ACTION_MOVE_IMPLEMENTED);
  if (state >= CHECKED)
    {
      CwActionChanges evidence = { .verification = "INC sample of July: 0 of 40 misprioritised." };
      update (f, id, &evidence);
    }
  if (state >= VERIFIED)
    move (f, id, CW_ACTION_MOVE_VERIFIED);
  if (state >= CLOSED)
    move (f, id, CW_ACTION_MOVE_CLOSED);
  return id;
}

static void
test_transitions (Fixture *f, gconstpointer data)
{
  /* What each move leads to from each state; -1 is a refusal, with a word
   * the reason must contain. */
  static const struct
  {
    int to;
    const char *says;
  } table[N_STATES][CW_ACTION_N_MOVES] = {
    [BARE_OPEN] = { { -1, "root cause, the action plan, the owner, the due date" },
                    { -1, "only a planned action" },
                    { -1, "only an implemented action" },
                    { -1, "only an implemented action" },
                    { -1, "only an action verified" } },
    [READY_OPEN] = { { CW_ACTION_PLANNED, NULL },
                     { -1, "only a planned action" },
                     { -1, "only an implemented action" },
                     { -1, "only an implemented action" },
                     { -1, "only an action verified" } },
    [PLANNED] = { { -1, "only an open action" },
                  { CW_ACTION_IMPLEMENTED, NULL },
                  { -1, "only an implemented action" },
                  { -1, "only an implemented action" },
                  { -1, "only an action verified" } },
    [IMPLEMENTED] = { { -1, "not-effective" },
                      { -1, "only a planned action" },
                      { -1, "no verification evidence" },
                      { -1, "no verification evidence" },
                      { -1, "only an action verified" } },
    [CHECKED] = { { -1, "only an open action" },
                  { -1, "only a planned action" },
                  { CW_ACTION_VERIFIED, NULL },
                  { CW_ACTION_PLANNED, NULL },
                  { -1, "only an action verified" } },
    [VERIFIED] = { { -1, "only an open action" },
                   { -1, "only a planned action" },
                   { -1, "only an implemented action" },
                   { -1, "only an implemented action" },
                   { CW_ACTION_CLOSED, NULL } },
    [CLOSED] = { { -1, "closed" },
                 { -1, "closed" },
                 { -1, "closed" },
                 { -1, "closed" },
                 { -1, "closed" } },
  };
  static const CwActionStatus status_of[N_STATES]
    = { CW_ACTION_OPEN,        CW_ACTION_OPEN,        CW_ACTION_PLANNED, CW_ACTION_IMPLEMENTED,
        CW_ACTION_IMPLEMENTED, CW_ACTION_VERIFIED,    CW_ACTION_CLOSED };

  for (State state = 0; state < N_STATES; state++)
    for (CwActionMove step = 0; step < CW_ACTION_N_MOVES; step++)
      {
        gint64 id = action_in (f, state);
        g_autoptr (CwAction) before = get (f, id);
        g_assert_cmpint (cw_action_get_status (before), ==, status_of[state]);
        g_autoptr (GError) asked = NULL, error = NULL;
        gboolean can = cw_action_can_move (before, step, &asked);
        gboolean moved = cw_workspace_move_action (f->workspace, id, step, &error);
        g_autoptr (CwAction) after = get (f, id);
        g_test_message ("%s, %s", state_names[state], cw_action_move_to_string (step));
        /* The question the window asks and the edit always agree. */
        g_assert_cmpint (can, ==, moved);
        if (table[state][step].to >= 0)
          {
            g_assert_no_error (error);
            g_assert_cmpint (cw_action_get_status (after), ==, table[state][step].to);
          }
        else
          {
            assert_invalid (error, table[state][step].says);
            g_assert_cmpstr (asked->message, ==, error->message);
            g_autofree char *number = g_strdup_printf ("Action %" G_GINT64_FORMAT, id);
            g_assert_nonnull (strstr (error->message, number));
            g_assert_cmpint (cw_action_get_status (after), ==, status_of[state]);
          }
      }

  /* The move the window suggests is the one that leads on once its needs
   * are met. */
  static const State ready[] = { READY_OPEN, PLANNED, CHECKED, VERIFIED };
  for (guint i = 0; i < G_N_ELEMENTS (ready); i++)
    {
      CwActionMove next = cw_action_next_move (status_of[ready[i]]);
      g_assert_cmpint (table[ready[i]][next].to, >, (int) status_of[ready[i]]);
    }
}

static void
test_planning_needs (Fixture *f, gconstpointer data)
{
  const char *names[] = { "the root cause", "the action plan", "the owner", "the due date" };
  for (guint missing = 0; missing < G_N_ELEMENTS (names); missing++)
    {
      gint64 id = add_action (f, "Needs planning", NULL);
      CwActionChanges changes = planning;
      changes.owner = "Ann Owner";
      const char **gap = missing == 0   ? &changes.root_cause
                         : missing == 1 ? &changes.plan
                         : missing == 2 ? &changes.owner
                                        : &changes.due;
      *gap = "";
      update (f, id, &changes);
      g_autoptr (GError) error = NULL;
      g_assert_false (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_PLANNED, &error));
      assert_invalid (error, names[missing]);
      for (guint other = 0; other < G_N_ELEMENTS (names); other++)
        if (other != missing)
          g_assert_null (strstr (error->message, names[other]));
    }
}

static void
test_not_effective (Fixture *f, gconstpointer data)
{
  gint64 finding = add_finding (f, "8.6.1", CW_GRADE_MAJOR);
  g_autoptr (GError) error = NULL;
  CwActionDraft draft = { .finding_id = finding, .owner = "Aisha" };
  gint64 id = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);

  /* The finding's status follows the action's at every step. */
  struct
  {
    CwActionMove step;
    CwFindingStatus finding;
  } steps[] = {
    { CW_ACTION_MOVE_PLANNED, CW_FINDING_PLANNED },
    { CW_ACTION_MOVE_IMPLEMENTED, CW_FINDING_IMPLEMENTED },
    { CW_ACTION_MOVE_NOT_EFFECTIVE, CW_FINDING_PLANNED },
    { CW_ACTION_MOVE_IMPLEMENTED, CW_FINDING_IMPLEMENTED },
    { CW_ACTION_MOVE_VERIFIED, CW_FINDING_VERIFIED },
    { CW_ACTION_MOVE_CLOSED, CW_FINDING_CLOSED },
  };
  update (f, id, &planning);
  const char *first_check = "Sample of June: 3 of 40 still misprioritised.";
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i].step == CW_ACTION_MOVE_NOT_EFFECTIVE)
        {
          CwActionChanges evidence = { .verification = first_check };
          update (f, id, &evidence);
        }
      if (steps[i].step == CW_ACTION_MOVE_VERIFIED)
        {
          /* The failed check's evidence was cleared: the next verdict needs
           * evidence of its own. */
          g_autoptr (CwAction) again = get (f, id);
          g_assert_cmpstr (cw_action_get_verification (again), ==, "");
          g_assert_cmpuint (cw_action_get_not_effective_count (again), ==, 1);
          g_assert_false (cw_workspace_move_action (f->workspace, id, steps[i].step, &error));
          assert_invalid (error, "verification evidence");
          g_clear_error (&error);
          CwActionChanges evidence = { .verification = "Sample of Sept: 0 of 40." };
          update (f, id, &evidence);
        }
      move (f, id, steps[i].step);
      g_autoptr (CwFinding) after = cw_workspace_get_finding (f->workspace, finding, &error);
      g_assert_cmpint (cw_finding_get_status (after), ==, steps[i].finding);
    }

  /* The history keeps the failed verdict with its evidence. */
  g_autoptr (GPtrArray) history = cw_workspace_list_action_history (f->workspace, id, &error);
  g_assert_no_error (error);
  guint verdicts = 0;
  gboolean kept_evidence = FALSE;
  for (guint i = 0; i < history->len; i++)
    {
      CwHistoryEntry *event = g_ptr_array_index (history, i);
      if (g_str_equal (event->field, "verdict"))
        {
          verdicts++;
          if (g_strcmp0 (event->new_value, "not-effective") == 0)
            kept_evidence = g_strcmp0 (event->old_value, first_check) == 0;
        }
    }
  g_assert_cmpuint (verdicts, ==, 2);
  g_assert_true (kept_evidence);
  g_assert_cmpstr (((CwHistoryEntry *) g_ptr_array_index (history, 0))->field, ==, "created");
  g_assert_cmpint (cw_test_sql_int (cw_workspace_get_path (f->workspace),
                                    "SELECT count(*) FROM history WHERE entity = 'finding'"
                                    " AND field = 'status'"),
                   ==, G_N_ELEMENTS (steps));
}

static void
test_update (Fixture *f, gconstpointer data)
{
  gint64 id = add_action (f, "Edit me", NULL);
  CwCauseCategory process = CW_CAUSE_PROCESS;
  CwActionChanges changes = {
    .root_cause = "  Why one \n\n why two\n",
    .cause_category = &process,
    .similar = "Checked problem records too: none found.",
    .correction = "Re-prioritised the six incidents.",
    .check_due = "2026-09-01",
  };
  update (f, id, &changes);
  g_autoptr (CwAction) action = get (f, id);
  g_auto (GStrv) whys = cw_action_dup_whys (action);
  g_assert_cmpuint (g_strv_length (whys), ==, 2);
  g_assert_cmpstr (whys[0], ==, "Why one");
  g_assert_cmpstr (whys[1], ==, "why two");
  g_assert_cmpint (cw_action_get_cause_category (action), ==, CW_CAUSE_PROCESS);
  g_assert_true (cw_action_get_similar_checked (action));
  g_assert_cmpstr (cw_action_get_check_due (action), ==, "2026-09-01");
  g_assert_cmpstr (cw_action_get_owner (action), ==, "Ann Owner");

  /* The register's owner filter: part of the name, in any case. */
  CwActionFilter by_owner = { .owner = "ann ow" };
  g_autoptr (GPtrArray) owned = cw_workspace_list_actions (f->workspace, &by_owner, NULL);
  g_assert_cmpuint (owned->len, ==, 1);
  by_owner.owner = "Someone Else";
  g_autoptr (GPtrArray) none = cw_workspace_list_actions (f->workspace, &by_owner, NULL);
  g_assert_cmpuint (none->len, ==, 0);

  g_autoptr (GError) error = NULL;
  CwActionChanges six = { .root_cause = "1\n2\n3\n4\n5\n6" };
  g_assert_false (cw_workspace_update_action (f->workspace, id, &six, &error));
  assert_invalid (error, "five");
  g_clear_error (&error);
  CwActionChanges bad_date = { .check_due = "2026-13-01" };
  g_assert_false (cw_workspace_update_action (f->workspace, id, &bad_date, &error));
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
  g_clear_error (&error);
  CwActionChanges no_title = { .title = " " };
  g_assert_false (cw_workspace_update_action (f->workspace, id, &no_title, &error));
  assert_invalid (error, "title");
  g_clear_error (&error);

  /* A planned action keeps what planning needed. */
  update (f, id, &planning);
  move (f, id, CW_ACTION_MOVE_PLANNED);
  CwActionChanges no_owner = { .owner = "" };
  g_assert_false (cw_workspace_update_action (f->workspace, id, &no_owner, &error));
  assert_invalid (error, "the owner");
  g_clear_error (&error);
  CwActionChanges no_due = { .due = "" };
  g_assert_false (cw_workspace_update_action (f->workspace, id, &no_due, &error));
  assert_invalid (error, "the due date");
  g_clear_error (&error);

  /* A closed action refuses every edit. */
  gint64 closed = action_in (f, CLOSED);
  CwActionChanges anything = { .plan = "New plan" };
  g_assert_false (cw_workspace_update_action (f->workspace, closed, &anything, &error));
  assert_invalid (error, "closed");
  g_clear_error (&error);

  g_assert_false (cw_workspace_update_action (f->workspace, 999, &anything, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cw_workspace_move_action (f->workspace, 999, CW_ACTION_MOVE_PLANNED, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
set_day (GDate *date, guint day, guint month, guint year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  gint64 id = add_action (f, "Due mid-March", "2026-03-14");
  g_autoptr (CwAction) action = get (f, id);
  struct
  {
    guint day, month;
    CwActionDueState state;
  } cases[] = {
    { 15, 3, CW_ACTION_DUE_OVERDUE }, { 14, 3, CW_ACTION_DUE_SOON },
    { 28, 2, CW_ACTION_DUE_SOON },    { 27, 2, CW_ACTION_DUE_ON_TRACK },
    { 1, 1, CW_ACTION_DUE_ON_TRACK }, { 1, 12, CW_ACTION_DUE_OVERDUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      set_day (&today, cases[i].day, cases[i].month, 2026);
      g_assert_cmpint (cw_action_get_due_state (action, &today), ==, cases[i].state);
    }

  /* Verified and closed actions are never overdue; undated ones neither. */
  GDate late;
  set_day (&late, 1, 1, 2030);
  gint64 verified = action_in (f, VERIFIED);
  g_autoptr (CwAction) done = get (f, verified);
  g_assert_cmpint (cw_action_get_due_state (done, &late), ==, CW_ACTION_DUE_NONE);
  gint64 undated = add_action (f, "No date", NULL);
  g_autoptr (CwAction) open = get (f, undated);
  g_assert_cmpint (cw_action_get_due_state (open, &late), ==, CW_ACTION_DUE_NONE);

  /* The list filters use the same rule. */
  GDate today;
  set_day (&today, 15, 3, 2026);
  CwActionFilter overdue = { .overdue_only = TRUE, .today = &today };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = cw_workspace_list_actions (f->workspace, &overdue, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (cw_action_get_id (g_ptr_array_index (list, 0)), ==, id);
  CwActionFilter by_status = { .by_status = TRUE, .status = CW_ACTION_VERIFIED };
  g_autoptr (GPtrArray) verified_list
    = cw_workspace_list_actions (f->workspace, &by_status, &error);
  g_assert_cmpuint (verified_list->len, ==, 1);
  g_assert_cmpint (cw_action_get_id (g_ptr_array_index (verified_list, 0)), ==, verified);
}

/* 2026-03-14 00:00:00 UTC, in seconds since 1970. */
#define MARCH_14_UTC G_GINT64_CONSTANT (1773446400)

static void
assert_local_day (const char *zone, gint64 seconds, guint day)
{
  g_setenv ("TZ", zone, TRUE);
  GDate date;
  cw_date_local_at (seconds, &date);
  if (g_date_get_day (&date) != day || g_date_get_month (&date) != 3)
    g_error ("TZ=%s, %" G_GINT64_FORMAT ": expected 2026-03-%02u, got day %u", zone, seconds, day,
             g_date_get_day (&date));
}

static void
test_time_zones (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  gint64 id = add_action (f, "Due on the 14th", "2026-03-14");
  g_autoptr (CwAction) action = get (f, id);

  /* The last second of the 14th and the first of the 15th, in zones on
   * both sides of UTC, with and without summer time that night. */
  struct
  {
    const char *zone;
    gint64 midnight; /* local midnight starting the 15th, in UTC seconds */
  } zones[] = {
    { "UTC", MARCH_14_UTC + 86400 },
    { "Pacific/Auckland", MARCH_14_UTC + 86400 - 13 * 3600 },   /* NZDT, UTC+13 */
    { "America/Los_Angeles", MARCH_14_UTC + 86400 + 7 * 3600 }, /* PDT since 8 March */
    { "Asia/Kolkata", MARCH_14_UTC + 86400 - 5 * 3600 - 1800 }, /* UTC+5:30 */
  };
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      assert_local_day (zones[i].zone, zones[i].midnight - 1, 14);
      GDate today;
      cw_date_local_at (zones[i].midnight - 1, &today);
      g_assert_cmpint (cw_action_get_due_state (action, &today), ==, CW_ACTION_DUE_SOON);
      assert_local_day (zones[i].zone, zones[i].midnight, 15);
      cw_date_local_at (zones[i].midnight, &today);
      g_assert_true (cw_action_is_overdue (action, &today));
    }

  /* One moment is a different day in different zones. */
  assert_local_day ("Pacific/Auckland", MARCH_14_UTC + 12 * 3600, 15);
  assert_local_day ("America/Los_Angeles", MARCH_14_UTC + 12 * 3600, 14);

  /* "Today" is the local date of now. */
  g_setenv ("TZ", "UTC", TRUE);
  GDate today, now;
  cw_date_local_today (&today);
  cw_date_local_at (g_get_real_time () / G_USEC_PER_SEC, &now);
  g_assert_cmpint (g_date_compare (&today, &now), ==, 0);

  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v1.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v1.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==, 1);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   cw_workspace_schema_version ());

  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_cmpuint (findings->len, ==, 1);
  CwFinding *finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MAJOR);
  g_autoptr (GPtrArray) none = cw_workspace_list_actions (workspace, NULL, &error);
  g_assert_cmpuint (none->len, ==, 0);

  CwActionDraft draft = { .finding_id = cw_finding_get_id (finding), .owner = "Tomasz" };
  gint64 id = cw_workspace_create_action (workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  g_autofree char *backup = g_strconcat (path, ".schema-1.bak", NULL);
  g_assert_cmpint (cw_test_sql_int (backup, "PRAGMA user_version"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                            \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/action/create-from-finding", test_create_from_finding);
  ADD ("/core/action/create-refusals", test_create_refusals);
  ADD ("/core/action/transitions", test_transitions);
  ADD ("/core/action/planning-needs", test_planning_needs);
  ADD ("/core/action/not-effective", test_not_effective);
  ADD ("/core/action/update", test_update);
  ADD ("/core/action/overdue", test_overdue);
  ADD ("/core/action/time-zones", test_time_zones);
  g_test_add_func ("/core/action/migrate-v1", test_migrate_v1);
  return g_test_run ();
}
