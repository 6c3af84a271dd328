/* test-people.c: people, their areas, and the independence of an audit's
 * team: matching by name, sub-clause coverage, the refusal and its
 * justification (in the draft and as an edit of its own), the lifecycle's
 * second look when areas change, check, and an older workspace upgraded.
 * A refused edit leaves the history as it was. */
#include <string.h>

#include "cw-audit.h"
#include "cw-check.h"
#include "cw-core.h"
#include "cw-people.h"
#include "cw-test-util.h"
#include "cw-text.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
}

static gint64
history_count (Fixture *f)
{
  return cw_test_sql_int (cw_workspace_get_path (f->workspace), "SELECT count(*) FROM history");
}

static void
assert_sound (CwWorkspace *workspace)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static gint64
add_person (Fixture *f, const char *name, const char *role, const char *areas)
{
  g_auto (GStrv) list = g_strsplit (areas, ",", -1);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_person_with_areas (f->workspace, name, role,
                                                  (const char *const *) list, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_people (Fixture *f)
{
  add_person (f, "Tomasz Brennan", "Change manager", "8.5.1,8.5.3");
  add_person (f, "Fiona Lindqvist", "Quality manager", "9.2,10.1");
  add_person (f, "Margaret Sefton", "Internal auditor", "");
}

static gint64
plan (Fixture *f, const char *scope, const char *lead, const char *team,
      const CwJustification *reasons, guint n_reasons, GError **error)
{
  g_auto (GStrv) clauses = g_strsplit (scope, ",", -1);
  CwAuditDraft draft = {
    .title = "Change audit",
    .scope = (const char *const *) clauses,
    .lead_auditor = lead,
    .team = team,
    .justifications = reasons,
    .n_justifications = n_reasons,
  };
  return cw_workspace_create_audit (f->workspace, &draft, error);
}

static void
test_areas (Fixture *f, gconstpointer data)
{
  add_people (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPerson) tomasz = cw_workspace_find_person (f->workspace, "  tomasz BRENNAN ",
                                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tomasz->name, ==, "Tomasz Brennan");
  g_assert_cmpstr (tomasz->areas[0], ==, "8.5.1");
  g_assert_cmpstr (tomasz->areas[1], ==, "8.5.3");
  g_assert_null (tomasz->areas[2]);

  /* A sub-clause of an area already listed adds nothing; an unknown clause
   * is refused and nothing is written. */
  gint64 before = history_count (f);
  const char *bad[] = { "8.5.1", "8.99", NULL };
  g_assert_false (cw_workspace_update_person (f->workspace, tomasz, "Tomasz Brennan", "", bad,
                                              &error));
  g_assert_nonnull (strstr (error->message, "8.99"));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);
  const char *more[] = { "8.5.1.2", "8.5.1", "8.6.1", NULL };
  g_assert_true (cw_workspace_update_person (f->workspace, tomasz, "Tomasz Brennan",
                                             "Change and release manager", more, &error));
  g_assert_no_error (error);
  g_autoptr (CwPerson) again = cw_workspace_find_person (f->workspace, "Tomasz Brennan", &error);
  g_assert_cmpstr (again->role, ==, "Change and release manager");
  g_assert_cmpuint (g_strv_length (again->areas), ==, 2);
  g_assert_cmpstr (again->areas[0], ==, "8.5.1");
  g_assert_cmpstr (again->areas[1], ==, "8.6.1");

  /* The revision guard: the first load is stale now. */
  before = history_count (f);
  g_assert_false (cw_workspace_update_person (f->workspace, tomasz, "T. Brennan", "", more,
                                              &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  g_assert_null (cw_workspace_find_person (f->workspace, "Nobody Known", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody Known"));
  g_clear_error (&error);

  /* A name alone, too long a role: refused. */
  g_assert_cmpint (cw_workspace_add_person_with_areas (f->workspace, "  ", "", NULL, &error), ==,
                   0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_autofree char *long_role = g_strnfill (CW_TEXT_SHORT_MAX + 1, 'r');
  g_assert_cmpint (cw_workspace_add_person_with_areas (f->workspace, "Ann", long_role, NULL,
                                                       &error),
                   ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);
  assert_sound (f->workspace);
}

static void
test_team_names (void)
{
  g_auto (GStrv) names = cw_people_team_names ("Fiona Lindqvist (lead auditor)",
                                               "Margaret Sefton, fiona lindqvist\n"
                                               "Declan Ashworth (problem manager)\n\n");
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Fiona Lindqvist");
  g_assert_cmpstr (names[1], ==, "Margaret Sefton");
  g_assert_cmpstr (names[2], ==, "Declan Ashworth");
  g_assert_true (cw_people_same_name ("MARGARET  Sefton", "margaret  sefton (auditor)"));
  g_assert_false (cw_people_same_name ("Margaret Sefton", "Margaret Sefto"));
  g_assert_false (cw_people_same_name ("", ""));
}

static void
test_refusal (Fixture *f, gconstpointer data)
{
  add_people (f);
  g_autoptr (GError) error = NULL;
  gint64 before = history_count (f);

  /* Scope 8.5 reaches Tomasz's 8.5.1 and 8.5.3; 10.1.x would reach
   * Fiona's 10.1 from below. Both are named in one message. */
  g_assert_cmpint (plan (f, "8.5,10.1", "fiona lindqvist", "Tomasz Brennan (change manager)",
                         NULL, 0, &error),
                   ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Fiona Lindqvist is responsible for 10.1"));
  g_assert_nonnull (strstr (error->message, "Tomasz Brennan is responsible for 8.5.1, 8.5.3"));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* A scope inside an area reaches it too. */
  g_assert_cmpint (plan (f, "8.5.1.3", "Margaret Sefton", "Tomasz Brennan", NULL, 0, &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "Tomasz Brennan is responsible for 8.5.1"));
  g_clear_error (&error);
  /* A neighbouring clause does not. */
  g_assert_cmpint (plan (f, "8.5.2,8.6", "Margaret Sefton", "Tomasz Brennan", NULL, 0, &error),
                   >, 0);
  g_assert_no_error (error);

  /* A reason for one of two is not enough; a reason for someone not on
   * the team is refused. */
  before = history_count (f);
  CwJustification one[] = { { "Tomasz Brennan", "Only change specialist; peer-reviewed" } };
  g_assert_cmpint (plan (f, "8.5,10.1", "Fiona Lindqvist", "Tomasz Brennan", one, 1, &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "Fiona Lindqvist is responsible for 10.1"));
  g_assert_null (strstr (error->message, "Tomasz"));
  g_clear_error (&error);
  CwJustification stranger[] = { { "Owen Castellane", "Why not" } };
  g_assert_cmpint (plan (f, "8.5", "Margaret Sefton", "", stranger, 1, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Owen Castellane"));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* With both reasons the audit is made, and each member's independence
   * reads as the plan and report print it. */
  CwJustification both[] = { { "tomasz brennan", "Only change specialist; peer-reviewed" },
                             { "Fiona Lindqvist", "Audits 10.1 alongside Margaret Sefton" } };
  gint64 audit = plan (f, "8.5,10.1", "Fiona Lindqvist", "Tomasz Brennan\nMargaret Sefton\nGuest",
                       both, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit, >, 0);
  g_autoptr (GPtrArray) list = cw_workspace_list_independence (f->workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  const char *expected[] = {
    "audits own area 10.1: Audits 10.1 alongside Margaret Sefton",
    "audits own areas 8.5.1, 8.5.3: Only change specialist; peer-reviewed",
    "independent of the areas audited",
    "not among the organisation's people, so no areas are on record",
  };
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = cw_independence_describe (g_ptr_array_index (list, i));
      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_true (((CwIndependence *) g_ptr_array_index (list, 0))->lead);
  assert_sound (f->workspace);
}

static void
test_justify_edit (Fixture *f, gconstpointer data)
{
  add_people (f);
  g_autoptr (GError) error = NULL;
  gint64 audit = plan (f, "8.6", "Margaret Sefton", "Tomasz Brennan", NULL, 0, &error);
  g_assert_no_error (error);

  /* Widening the scope into Tomasz's area is refused until a reason is
   * recorded; the reason for a member with no area in scope is refused. */
  g_autoptr (CwAudit) loaded = cw_workspace_get_audit (f->workspace, audit, &error);
  const char *wider[] = { "8.5", "8.6", NULL };
  CwAuditDraft draft = { .title = "Change audit", .scope = wider,
                         .lead_auditor = "Margaret Sefton", .team = "Tomasz Brennan" };
  gint64 before = history_count (f);
  g_assert_false (cw_workspace_update_audit (f->workspace, loaded, &draft, &error));
  g_assert_nonnull (strstr (error->message, "Tomasz Brennan is responsible for 8.5.1, 8.5.3"));
  g_clear_error (&error);
  g_assert_false (cw_workspace_justify_independence (f->workspace, audit, "Tomasz Brennan",
                                                     "Nobody else", &error));
  g_assert_nonnull (strstr (error->message, "no area in the scope"));
  g_clear_error (&error);
  g_assert_false (cw_workspace_justify_independence (f->workspace, audit, "Nobody Known",
                                                     "Nobody else", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* The reason comes with the update, in the same edit. */
  CwJustification reason[] = { { "Tomasz Brennan", "Shadowed by Margaret Sefton throughout" } };
  draft.justifications = reason;
  draft.n_justifications = 1;
  g_assert_true (cw_workspace_update_audit (f->workspace, loaded, &draft, &error));
  g_assert_no_error (error);

  /* Removing it while it is needed is refused; changing it is an edit of
   * its own, with the old and new reasons in the history. */
  before = history_count (f);
  g_assert_false (cw_workspace_justify_independence (f->workspace, audit, "Tomasz Brennan", NULL,
                                                     &error));
  g_assert_nonnull (strstr (error->message, "8.5.1, 8.5.3"));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);
  g_assert_true (cw_workspace_justify_independence (f->workspace, audit, "tomasz brennan",
                                                    "Only change specialist", &error));
  g_assert_no_error (error);
  g_autofree char *old_value = cw_test_sql_text (
    cw_workspace_get_path (f->workspace),
    "SELECT old_value || ' → ' || new_value FROM history WHERE field = 'independence'"
    " ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (old_value, ==,
                   "Tomasz Brennan: Shadowed by Margaret Sefton throughout → "
                   "Tomasz Brennan: Only change specialist");
  /* The audit's revision moved: the editor's old copy is stale. */
  g_assert_false (cw_workspace_update_audit (f->workspace, loaded, &draft, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);

  /* Narrowed back, the reason may go. */
  g_clear_object (&loaded);
  loaded = cw_workspace_get_audit (f->workspace, audit, &error);
  const char *narrow[] = { "8.6", NULL };
  draft.scope = narrow;
  draft.justifications = NULL;
  draft.n_justifications = 0;
  g_assert_true (cw_workspace_update_audit (f->workspace, loaded, &draft, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_justify_independence (f->workspace, audit, "Tomasz Brennan", "",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (cw_workspace_get_path (f->workspace),
                                    "SELECT count(*) FROM audit_independence"),
                   ==, 0);
  assert_sound (f->workspace);
}

/* Areas given to a person after the audit was planned: issuing the report
 * asks for the reason. */
static void
test_issue_looks_again (Fixture *f, gconstpointer data)
{
  add_people (f);
  g_autoptr (GError) error = NULL;
  gint64 audit = plan (f, "8.6", "Margaret Sefton", "", NULL, 0, &error);
  g_assert_no_error (error);
  g_autoptr (CwPerson) margaret = cw_workspace_find_person (f->workspace, "Margaret Sefton",
                                                            &error);
  const char *areas[] = { "8.6.1", NULL };
  g_assert_true (cw_workspace_update_person (f->workspace, margaret, margaret->name,
                                             margaret->role, areas, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (f->workspace, audit, "8.6.1.q1", CW_RESULT_CONFORMING, "",
                                      &error));
  g_assert_no_error (error);
  g_assert_false (cw_workspace_can_issue_audit (f->workspace, audit, &error));
  g_assert_nonnull (strstr (error->message, "record why Margaret Sefton may audit 8.6.1"));
  g_clear_error (&error);
  g_assert_true (cw_workspace_justify_independence (f->workspace, audit, "Margaret Sefton",
                                                    "Took over incidents after planning", &error));
  g_assert_no_error (error);
  g_assert_false (cw_workspace_can_issue_audit (f->workspace, audit, &error));
  g_assert_null (strstr (error->message, "Margaret Sefton"));
  g_clear_error (&error);
  assert_sound (f->workspace);

  /* An issued audit whose auditor later takes on one of its areas: check
   * warns, since the issued report cannot change. */
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_assert_false (cw_workspace_justify_independence (f->workspace, audit, "Margaret Sefton", NULL,
                                                     &error));
  g_clear_error (&error);
  gint64 second = plan (f, "8.7", "Fiona Lindqvist", "", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (f->workspace, second, "8.7.1.q1", CW_RESULT_CONFORMING, "",
                                      &error));
  cw_test_issue_audit (f->workspace, second);
  g_assert_true (cw_check_list_rule_gaps (f->workspace, warnings, &error));
  g_assert_cmpuint (warnings->len, ==, 0);
  g_autoptr (CwPerson) fiona = cw_workspace_find_person (f->workspace, "Fiona Lindqvist", &error);
  const char *more[] = { "9.2", "10.1", "8.7.2", NULL };
  g_assert_true (cw_workspace_update_person (f->workspace, fiona, fiona->name, fiona->role, more,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (cw_check_list_rule_gaps (f->workspace, warnings, &error));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Fiona Lindqvist on its team, who is "
                                                             "now responsible for 8.7.2"));
}

/* A workspace made by schema 3 upgrades with people who have no areas;
 * check accepts it, and areas can be given afterwards. */
static void
test_migrate (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "workspace-v3.clausewise", NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  g_autofree char *path = cw_test_path (dir, "old.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   (gint64) cw_workspace_schema_version ());
  g_assert_cmpint (cw_workspace_schema_version (), >=, 11);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM person_area"), ==, 0);
  assert_sound (workspace);
  gint64 id = cw_workspace_add_person_with_areas (workspace, "New Person", "Auditor", NULL,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audits->len; i++)
    {
      g_autoptr (GPtrArray) list
        = cw_workspace_list_independence (workspace, cw_audit_get_id (g_ptr_array_index (audits, i)),
                                          &error);
      g_assert_no_error (error);
    }
  assert_sound (workspace);
}

/* A reason changed behind the app's back shows in check. */
static void
test_check_sees_reasons (Fixture *f, gconstpointer data)
{
  add_people (f);
  g_autoptr (GError) error = NULL;
  CwJustification reason[] = { { "Tomasz Brennan", "Only change specialist" } };
  gint64 audit = plan (f, "8.5", "Margaret Sefton", "Tomasz Brennan", reason, 1, &error);
  g_assert_no_error (error);
  assert_sound (f->workspace);
  g_clear_object (&f->workspace);
  g_autofree char *path = cw_test_path (f->dir, "test.clausewise");
  cw_test_sql (path, "UPDATE audit_independence SET justification = 'Edited'");
  cw_test_sql (path, "DELETE FROM person_area WHERE clause = '9.2'");
  f->workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_ptr_array_add (problems, NULL);
  g_autofree char *all = g_strjoinv ("\n", (char **) problems->pdata);
  g_autofree char *audit_line = g_strdup_printf ("Audit %" G_GINT64_FORMAT " is not what", audit);
  g_assert_nonnull (strstr (all, audit_line));
  g_assert_nonnull (strstr (all, "Person 2 is not what"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/people/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("areas", test_areas);
  ADD ("refusal", test_refusal);
  ADD ("justify-edit", test_justify_edit);
  ADD ("issue-looks-again", test_issue_looks_again);
  ADD ("check-sees-reasons", test_check_sees_reasons);
  g_test_add_func ("/core/people/team-names", test_team_names);
  g_test_add_func ("/core/people/migrate-v3", test_migrate);
  return g_test_run ();
}
