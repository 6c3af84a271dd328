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
#include "cw-review.h"
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

/* The day the tests take their steps: after every check date they set. */
static GDate move_day;

static const GDate *
day_of (const char *text)
{
  static GDate day;
  g_assert_true (cw_date_parse (text, &day, NULL));
  return &day;
}

static void
move (Fixture *f, gint64 id, CwActionMove step)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_move_action (f->workspace, id, step, &move_day, &error));
  g_assert_no_error (error);
}

/* What a refused edit must leave exactly as it was: every action row and
 * the length of the history. */
static char *
snapshot (Fixture *f)
{
  return cw_test_sql_text (cw_workspace_get_path (f->workspace),
                           "SELECT (SELECT count(*) FROM history) || ':' || (SELECT"
                           " group_concat (json_array (id, rev, status, kind, correction,"
                           " consequences, similar, verification, verified_by,"
                           " verifier_justification, planned_on, implemented_on, verified_on,"
                           " closed_on)) FROM action)");
}

static void
assert_invalid (GError *error, const char *mention)
{
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  if (strstr (error->message, mention) == NULL)
    g_error ("expected “%s” in: %s", mention, error->message);
}

static const CwActionChanges planning = {
  .correction = "Re-prioritised the two incidents the same day.",
  .consequences = "Both customers were told; their SLA figures were recalculated.",
  .root_cause = "Analysts lower priority on request\nPRI-01 does not say who may change it",
  .similar = "Service requests sampled the same way: none misprioritised.",
  .plan = "Lock the priority field; revise PRI-01 v3.",
  .due = "2026-07-01",
  .check_due = "2026-07-20",
  .verified_by = "Vera Quinn",
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
    [BARE_OPEN] = { { -1, "the action plan; the owner; the due date" },
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
                      { -1, "the verification evidence" },
                      { -1, "the verification evidence" },
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
        gboolean can = cw_action_can_move (before, step, &move_day, &asked);
        gboolean moved = cw_workspace_move_action (f->workspace, id, step, &move_day, &error);
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
  const char *names[] = { "the correction", "the consequences", "the root cause",
                          "whether similar nonconformities", "the action plan", "the owner",
                          "the due date" };
  for (guint missing = 0; missing < G_N_ELEMENTS (names); missing++)
    {
      gint64 id = add_action (f, "Needs planning", NULL);
      CwActionChanges changes = planning;
      changes.owner = "Ann Owner";
      const char **gaps[] = { &changes.correction, &changes.consequences, &changes.root_cause,
                              &changes.similar,    &changes.plan,         &changes.owner,
                              &changes.due };
      *gaps[missing] = "";
      update (f, id, &changes);
      g_autoptr (GError) error = NULL;
      g_autofree char *before = snapshot (f);
      g_assert_false (
        cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_PLANNED, &move_day, &error));
      assert_invalid (error, names[missing]);
      const char *list = strstr (error->message, "missing: ");
      g_assert_nonnull (list);
      for (guint other = 0; other < G_N_ELEMENTS (names); other++)
        if (other != missing)
          g_assert_null (strstr (list, names[other]));
      g_autofree char *after = snapshot (f);
      g_assert_cmpstr (before, ==, after);
    }

  /* Every gap at once, for a nonconformity's action. */
  gint64 finding = add_finding (f, "8.6.1", CW_GRADE_MAJOR);
  CwActionDraft draft = { .finding_id = finding };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_false (
    cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_PLANNED, &move_day, &error));
  const char *list = strstr (error->message, "missing: ");
  g_assert_nonnull (list);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (list, names[i]));
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
          g_assert_false (
            cw_workspace_move_action (f->workspace, id, steps[i].step, &move_day, &error));
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
  g_assert_false (
    cw_workspace_move_action (f->workspace, 999, CW_ACTION_MOVE_PLANNED, &move_day, &error));
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
test_verification (Fixture *f, gconstpointer data)
{
  gint64 id = add_action (f, "Verify me", NULL);
  CwActionChanges changes = planning;
  changes.verified_by = "";
  update (f, id, &changes);
  g_assert_true (
    cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_PLANNED, day_of ("2026-06-01"), NULL));
  g_assert_true (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_IMPLEMENTED,
                                           day_of ("2026-06-20"), NULL));
  update (f, id, &(CwActionChanges) { .verification = "Sample of July: 0 of 40." });

  /* No verifier: both verdicts are refused, naming what is missing. */
  g_autoptr (GError) error = NULL;
  for (CwActionMove step = CW_ACTION_MOVE_VERIFIED; step <= CW_ACTION_MOVE_NOT_EFFECTIVE; step++)
    {
      g_autofree char *before = snapshot (f);
      g_assert_false (
        cw_workspace_move_action (f->workspace, id, step, day_of ("2026-07-25"), &error));
      assert_invalid (error, "who verified it");
      g_clear_error (&error);
      g_autofree char *after = snapshot (f);
      g_assert_cmpstr (before, ==, after);
    }

  /* The owner verifying their own action needs a reason. */
  update (f, id, &(CwActionChanges) { .verified_by = "  ann OWNER " });
  g_autoptr (CwAction) own = get (f, id);
  g_assert_true (cw_action_get_verifier_is_owner (own));
  g_assert_false (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_VERIFIED,
                                            day_of ("2026-07-25"), &error));
  assert_invalid (error, "why the owner verified their own action");
  g_clear_error (&error);
  update (f, id,
          &(CwActionChanges) { .verifier_justification = "Ann is the only engineer on site." });

  /* Not before the check is due: the day before is refused, the day itself
   * is not. */
  g_autofree char *before = snapshot (f);
  g_assert_false (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_VERIFIED,
                                            day_of ("2026-07-19"), &error));
  assert_invalid (error, "2026-07-20");
  g_clear_error (&error);
  g_autofree char *after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* A failed check may come early; it clears the days after planning and
   * the history keeps them. */
  g_assert_true (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_NOT_EFFECTIVE,
                                           day_of ("2026-07-10"), &error));
  g_assert_no_error (error);
  g_autoptr (CwAction) failed = get (f, id);
  g_assert_cmpstr (cw_action_get_planned_on (failed), ==, "2026-06-01");
  g_assert_null (cw_action_get_implemented_on (failed));
  g_assert_cmpint (cw_test_sql_int (cw_workspace_get_path (f->workspace),
                                    "SELECT count(*) FROM history WHERE entity = 'action'"
                                    " AND field = 'implemented_on' AND old_value = '2026-06-20'"
                                    " AND new_value IS NULL"),
                   ==, 1);

  /* A step cannot be dated before the one it follows. */
  g_assert_false (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_IMPLEMENTED,
                                            day_of ("2026-05-01"), &error));
  assert_invalid (error, "2026-06-01");
  g_clear_error (&error);

  g_assert_true (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_IMPLEMENTED,
                                           day_of ("2026-07-12"), NULL));
  update (f, id, &(CwActionChanges) { .verification = "Sample of Aug: 0 of 40." });
  g_assert_true (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_VERIFIED,
                                           day_of ("2026-07-20"), NULL));
  /* A verified action keeps its verifier and the owner's reason. */
  g_assert_false (cw_workspace_update_action (
    f->workspace, id, &(CwActionChanges) { .verifier_justification = "" }, &error));
  assert_invalid (error, "why the owner verified");
  g_clear_error (&error);
  g_assert_false (cw_workspace_update_action (f->workspace, id,
                                              &(CwActionChanges) { .verified_by = "" }, &error));
  assert_invalid (error, "who verified it");
  g_clear_error (&error);
  g_assert_true (cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_CLOSED,
                                           day_of ("2026-07-21"), NULL));
  g_autoptr (CwAction) done = get (f, id);
  g_assert_cmpstr (cw_action_get_implemented_on (done), ==, "2026-07-12");
  g_assert_cmpstr (cw_action_get_verified_on (done), ==, "2026-07-20");
  g_assert_cmpstr (cw_action_get_closed_on (done), ==, "2026-07-21");
  g_assert_true (cw_action_check_rules (done, NULL));

  /* Without a check date there is nothing to wait for: it is asked for. */
  gint64 undated = add_action (f, "No check date", NULL);
  changes = planning;
  changes.check_due = "";
  update (f, undated, &changes);
  move (f, undated, CW_ACTION_MOVE_PLANNED);
  move (f, undated, CW_ACTION_MOVE_IMPLEMENTED);
  update (f, undated, &(CwActionChanges) { .verification = "Checked." });
  g_assert_false (
    cw_workspace_move_action (f->workspace, undated, CW_ACTION_MOVE_VERIFIED, &move_day, &error));
  assert_invalid (error, "the date of the effectiveness check");
}

/* Overdue says which step is late; an implemented action waits for its
 * check without being overdue. */
static void
test_overdue_kinds (Fixture *f, gconstpointer data)
{
  gint64 late = add_action (f, "Late work", "2026-03-01");
  gint64 waiting = add_action (f, "Waiting for its check", NULL);
  update (f, waiting, &planning); /* due 2026-07-01, check 2026-07-20 */
  move (f, waiting, CW_ACTION_MOVE_PLANNED);
  move (f, waiting, CW_ACTION_MOVE_IMPLEMENTED);

  g_autoptr (CwAction) work = get (f, late);
  g_autoptr (CwAction) check = get (f, waiting);
  g_assert_cmpint (cw_action_get_overdue (work, day_of ("2026-03-02")), ==,
                   CW_ACTION_OVERDUE_IMPLEMENTATION);
  g_assert_cmpint (cw_action_get_overdue (work, day_of ("2026-03-01")), ==,
                   CW_ACTION_OVERDUE_NONE);
  /* Past its due date, before its check date: not overdue. */
  g_assert_cmpint (cw_action_get_overdue (check, day_of ("2026-07-15")), ==,
                   CW_ACTION_OVERDUE_NONE);
  g_assert_cmpint (cw_action_get_due_state (check, day_of ("2026-07-15")), ==,
                   CW_ACTION_DUE_SOON);
  g_assert_false (cw_action_is_overdue (check, day_of ("2026-07-20")));
  g_assert_cmpint (cw_action_get_overdue (check, day_of ("2026-07-21")), ==,
                   CW_ACTION_OVERDUE_VERIFICATION);
  g_assert_cmpstr (cw_action_overdue_label (CW_ACTION_OVERDUE_VERIFICATION), ==,
                   "Verification overdue");

  CwActionFilter overdue = { .overdue_only = TRUE, .today = day_of ("2026-07-15") };
  g_autoptr (GPtrArray) before_check = cw_workspace_list_actions (f->workspace, &overdue, NULL);
  g_assert_cmpuint (before_check->len, ==, 1);
  overdue.today = day_of ("2026-07-21");
  g_autoptr (GPtrArray) after_check = cw_workspace_list_actions (f->workspace, &overdue, NULL);
  g_assert_cmpuint (after_check->len, ==, 2);
}

/* An improvement is planned without a root cause; where it comes from says
 * whether an action is one. */
static void
test_improvement (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 ofi = add_finding (f, "10.1", CW_GRADE_OFI);
  gint64 minor = add_finding (f, "8.6.1", CW_GRADE_MINOR);
  CwActionKind improvement = CW_ACTION_KIND_IMPROVEMENT, corrective = CW_ACTION_KIND_CORRECTIVE;

  CwActionDraft wrong = { .finding_id = minor, .kind = &improvement };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &wrong, &error), ==, 0);
  assert_invalid (error, "nonconformity");
  g_clear_error (&error);
  CwActionDraft for_ofi = { .finding_id = ofi, .owner = "Ann Owner" };
  gint64 id = cw_workspace_create_action (f->workspace, &for_ofi, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) action = get (f, id);
  g_assert_cmpint (cw_action_get_kind (action), ==, CW_ACTION_KIND_IMPROVEMENT);

  /* A plan, an owner and a due date are enough; the refusal names only
   * those. */
  g_assert_false (
    cw_workspace_move_action (f->workspace, id, CW_ACTION_MOVE_PLANNED, &move_day, &error));
  assert_invalid (error, "missing: the action plan; the due date");
  g_clear_error (&error);
  update (f, id, &(CwActionChanges) { .plan = "Show ages in the register.", .due = "2026-07-01" });
  move (f, id, CW_ACTION_MOVE_PLANNED);

  /* Other sources: the draft says, corrective by default. */
  CwActionDraft asked = { .source = CW_ACTION_SOURCE_OTHER, .title = "Tidy", .kind = &improvement };
  gint64 tidy = cw_workspace_create_action (f->workspace, &asked, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) tidied = get (f, tidy);
  g_assert_cmpint (cw_action_get_kind (tidied), ==, CW_ACTION_KIND_IMPROVEMENT);
  gint64 plain = add_action (f, "Default", NULL);
  g_autoptr (CwAction) plained = get (f, plain);
  g_assert_cmpint (cw_action_get_kind (plained), ==, CW_ACTION_KIND_CORRECTIVE);

  /* A management review's decision is an improvement, planned without a
   * root cause. */
  CwReviewDraft review_draft = { .held_on = "2026-05-10", .chair = "Owen" };
  gint64 review = cw_workspace_create_review (f->workspace, &review_draft, day_of ("2026-05-10"),
                                              &error);
  g_assert_no_error (error);
  CwReviewDecision decision = { .text = "Hire a second desk lead", .owner = "Owen",
                                .due = "2026-09-01", .kind = CW_REVIEW_OUTPUT_RESOURCES };
  gint64 decided = cw_workspace_decide (f->workspace, review, &decision, &error);
  g_assert_no_error (error);
  update (f, decided, &(CwActionChanges) { .plan = "Advertise in June; interview in July." });
  move (f, decided, CW_ACTION_MOVE_PLANNED);
  g_autoptr (CwAction) decision_action = get (f, decided);
  g_assert_cmpint (cw_action_get_kind (decision_action), ==, CW_ACTION_KIND_IMPROVEMENT);
  CwActionDraft against = { .source = CW_ACTION_SOURCE_MANAGEMENT_REVIEW, .title = "T",
                            .kind = &corrective };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &against, &error), ==, 0);
  assert_invalid (error, "improvement");
}

/* An action planned and verified before these rules: it reads and lists,
 * its moves name what it lacks, it can be completed one field at a time,
 * and the register's warnings say what is missing. */
static void
test_older_records (Fixture *f, gconstpointer data)
{
  gint64 planned = add_action (f, "Planned long ago", NULL);
  gint64 verified = add_action (f, "Verified long ago", NULL);
  gint64 fine = add_action (f, "Planned under the rules", NULL);
  update (f, fine, &planning);
  move (f, fine, CW_ACTION_MOVE_PLANNED);
  /* What an older file holds: the fields these rules added are empty. */
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE action SET status = CASE id WHEN %" G_GINT64_FORMAT " THEN 'planned'"
    " ELSE 'verified' END, root_cause = 'Why', plan = 'Plan', due = '2026-01-01',"
    " verification = 'Seen' WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    planned, planned, verified);
  g_assert_true (cw_workspace_exec (f->workspace, sql, &error));
  g_assert_no_error (error);

  g_autoptr (GPtrArray) all = cw_workspace_list_actions (f->workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_autofree char *before = snapshot (f);
  g_assert_false (
    cw_workspace_move_action (f->workspace, planned, CW_ACTION_MOVE_IMPLEMENTED, &move_day, &error));
  assert_invalid (error, "the consequences");
  g_clear_error (&error);
  g_assert_false (
    cw_workspace_move_action (f->workspace, verified, CW_ACTION_MOVE_CLOSED, &move_day, &error));
  assert_invalid (error, "who verified it");
  g_clear_error (&error);
  g_autofree char *after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_action_list_rule_gaps (f->workspace, warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_autofree char *first = g_strdup_printf ("Action %" G_GINT64_FORMAT " was planned before",
                                            planned);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), first));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "the consequences"));
  g_autofree char *second = g_strdup_printf ("Action %" G_GINT64_FORMAT " was verified before",
                                             verified);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 1), second));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "who verified it"));

  /* One field at a time: each edit is taken although others still lack. */
  update (f, planned, &(CwActionChanges) { .consequences = "None found." });
  update (f, planned, &(CwActionChanges) { .correction = "Fixed at once.",
                                           .similar = "Looked: none." });
  move (f, planned, CW_ACTION_MOVE_IMPLEMENTED);
  g_ptr_array_set_size (warnings, 0);
  g_assert_true (cw_action_list_rule_gaps (f->workspace, warnings, &error));
  g_assert_cmpuint (warnings->len, ==, 1);
}

/* The schema 3 fixture's action, made before these rules, reads as a
 * corrective action for its minor finding, with no dates. */
static void
test_migrate_v6 (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "v3.clausewise");
  g_autoptr (GBytes) fixture = cw_test_read (TEST_DATA_DIR "/workspace-v3.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  CwAction *action = g_ptr_array_index (actions, 0);
  g_assert_cmpint (cw_action_get_kind (action), ==, CW_ACTION_KIND_CORRECTIVE);
  g_assert_cmpstr (cw_action_get_consequences (action), ==, "");
  g_assert_null (cw_action_get_planned_on (action));
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The schema 1 file in the source tree opens, upgrades to schema 2 with its
 * data, and takes actions like a new workspace. */
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
  g_date_clear (&move_day, 1);
  g_date_set_dmy (&move_day, 1, 8, 2026);
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
  ADD ("/core/action/verification", test_verification);
  ADD ("/core/action/overdue-kinds", test_overdue_kinds);
  ADD ("/core/action/improvement", test_improvement);
  ADD ("/core/action/older-records", test_older_records);
  g_test_add_func ("/core/action/migrate-v6", test_migrate_v6);
  g_test_add_func ("/core/action/migrate-v1", test_migrate_v1);
  return g_test_run ();
}
