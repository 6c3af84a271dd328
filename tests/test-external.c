/* test-external.c: certification-body audits and their findings as a
 * quality manager records them from the body's reports, the refusals a
 * lead auditor's report would not allow, and the actions raised from them. */
#include "config.h"

#include "cw-action.h"
#include "cw-external.h"
#include "cw-test-util.h"

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

static void
assert_sound (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static gint64
add_audit (Fixture *f, CwExternalKind kind, const char *starts_on)
{
  g_autoptr (GError) error = NULL;
  CwExternalAuditDraft draft = { .kind = kind, .body = "  Certa Assurance ",
                                 .starts_on = starts_on, .ends_on = starts_on,
                                 .lead = "R. Okafor", .reference = "CA-2026-114" };
  gint64 id = cw_workspace_add_external_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* What the file holds, counted: a refusal must leave every count as it
 * was (the byte-for-byte check is the CLI's test, on a closed file). */
static char *
holdings (Fixture *f)
{
  return cw_test_sql_text (cw_workspace_get_path (f->workspace),
                           "SELECT (SELECT count(*) FROM history) || '/' || (SELECT count(*)"
                           " FROM external_audit) || '/' || (SELECT count(*) FROM"
                           " external_finding) || '/' || (SELECT count(*) FROM action) || '/' ||"
                           " (SELECT group_concat (status) FROM external_finding)");
}

/* Refused: the error says so, and the file is as it was. */
static void
assert_refused_audit (Fixture *f, const CwExternalAuditDraft *draft, const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = holdings (f);
  g_assert_cmpint (cw_workspace_add_external_audit (f->workspace, draft, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, mention);
  g_autofree char *after = holdings (f);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused_finding (Fixture *f, const CwExternalFindingDraft *draft, GQuark domain, int code,
                        const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = holdings (f);
  g_assert_cmpint (cw_workspace_add_external_finding (f->workspace, draft, &error), ==, 0);
  g_assert_error (error, domain, code);
  cw_test_assert_contains (error->message, mention);
  g_autofree char *after = holdings (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_record (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 audit = add_audit (f, CW_EXTERNAL_STAGE_ONE, "2026-09-14");
  g_autoptr (CwExternalAudit) read = cw_workspace_get_external_audit (f->workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->kind, ==, CW_EXTERNAL_STAGE_ONE);
  g_assert_cmpstr (read->body, ==, "Certa Assurance");
  g_assert_cmpstr (read->reference, ==, "CA-2026-114");

  CwExternalFindingDraft draft = { .audit_id = audit, .grade = CW_BODY_CONCERN,
                                   .reference = "S1-C1", .clause = "8.3.4",
                                   .text = "Supplier reviews not evidenced",
                                   .respond_by = "2026-10-14" };
  gint64 concern = cw_workspace_add_external_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) findings = cw_workspace_list_external_findings (f->workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  CwExternalFinding *finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->id, ==, concern);
  g_assert_false (finding->resolved);
  g_assert_cmpstr (finding->respond_by, ==, "2026-10-14");

  g_assert_true (cw_workspace_resolve_external_finding (f->workspace, concern, "2026-10-01",
                                                        "Review records sent and accepted",
                                                        &error));
  g_assert_no_error (error);
  g_autoptr (CwExternalFinding) resolved
    = cw_workspace_get_external_finding (f->workspace, concern, &error);
  g_assert_true (resolved->resolved);
  g_assert_cmpstr (resolved->resolved_on, ==, "2026-10-01");
  /* Resolving twice is refused. */
  g_assert_false (cw_workspace_resolve_external_finding (f->workspace, concern, "2026-10-02",
                                                         "Again", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  assert_sound (f);
}

/* What the body's report allows: Stage One raises concerns, not graded
 * nonconformities; later audits grade and raise no concerns. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  CwExternalAuditDraft no_body = { .kind = CW_EXTERNAL_STAGE_ONE, .body = " ",
                                   .starts_on = "2026-09-14" };
  assert_refused_audit (f, &no_body, "certification body");
  CwExternalAuditDraft bad_date = { .kind = CW_EXTERNAL_STAGE_ONE, .body = "Certa",
                                    .starts_on = "2026-02-30" };
  assert_refused_audit (f, &bad_date, "YYYY-MM-DD");
  CwExternalAuditDraft backwards = { .kind = CW_EXTERNAL_STAGE_TWO, .body = "Certa",
                                     .starts_on = "2026-09-14", .ends_on = "2026-09-13" };
  assert_refused_audit (f, &backwards, "before it starts");

  gint64 one = add_audit (f, CW_EXTERNAL_STAGE_ONE, "2026-09-14");
  gint64 two = add_audit (f, CW_EXTERNAL_STAGE_TWO, "2026-11-02");
  CwExternalFindingDraft major = { .audit_id = one, .grade = CW_BODY_MAJOR, .reference = "S1-N1",
                                   .clause = "8.3.4", .text = "No supplier reviews" };
  assert_refused_finding (f, &major, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                          "area of concern");
  CwExternalFindingDraft concern = { .audit_id = two, .grade = CW_BODY_CONCERN,
                                     .reference = "S2-C1", .clause = "8.3.4", .text = "Late" };
  assert_refused_finding (f, &concern, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                          "Stage One report");
  CwExternalFindingDraft clause = { .audit_id = one, .grade = CW_BODY_CONCERN,
                                    .reference = "S1-C1", .clause = "8.9", .text = "Nowhere" };
  assert_refused_finding (f, &clause, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "8.9");
  CwExternalFindingDraft early = { .audit_id = one, .grade = CW_BODY_CONCERN,
                                   .reference = "S1-C1", .clause = "8.3.4", .text = "Early",
                                   .respond_by = "2026-09-01" };
  assert_refused_finding (f, &early, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                          "before the audit began");
  CwExternalFindingDraft nowhere = { .audit_id = 99, .grade = CW_BODY_OFI, .reference = "X",
                                     .clause = "8.3.4", .text = "Lost" };
  assert_refused_finding (f, &nowhere, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                          "no certification audit 99");

  CwExternalFindingDraft first = { .audit_id = two, .grade = CW_BODY_MINOR, .reference = "S2-N1",
                                   .clause = "8.3.4", .text = "Two reviews missing" };
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (cw_workspace_add_external_finding (f->workspace, &first, &error), >, 0);
  g_assert_no_error (error);
  assert_refused_finding (f, &first, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "S2-N1");
  assert_sound (f);
}

/* Actions from the body's findings follow the action rules: the source is
 * the certification audit, the kind follows the grade, one a finding. */
static void
test_actions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 two = add_audit (f, CW_EXTERNAL_STAGE_TWO, "2026-11-02");
  CwExternalFindingDraft minor = { .audit_id = two, .grade = CW_BODY_MINOR, .reference = "S2-N1",
                                   .clause = "8.5.1.3", .text = "Emergency changes unreviewed",
                                   .respond_by = "2026-12-02" };
  gint64 nc = cw_workspace_add_external_finding (f->workspace, &minor, &error);
  CwExternalFindingDraft ofi = { .audit_id = two, .grade = CW_BODY_OFI, .reference = "S2-O1",
                                 .clause = "9.1", .text = "Trend the measures" };
  gint64 opportunity = cw_workspace_add_external_finding (f->workspace, &ofi, &error);
  g_assert_no_error (error);

  CwActionDraft draft = { .external_finding_id = nc, .owner = "Dana", .due = "2026-12-01" };
  gint64 action = cw_workspace_create_action (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) read = cw_workspace_get_action (f->workspace, action, &error);
  g_assert_cmpint (cw_action_get_source (read), ==, CW_ACTION_SOURCE_CERTIFICATION_AUDIT);
  g_assert_cmpint (cw_action_get_kind (read), ==, CW_ACTION_KIND_CORRECTIVE);
  g_assert_cmpint (cw_action_get_external_finding_id (read), ==, nc);
  g_assert_cmpint (cw_action_get_finding_id (read), ==, 0);
  cw_test_assert_contains (cw_action_get_title (read), "S2-N1");
  g_assert_cmpstr (cw_action_get_description (read), ==, "Emergency changes unreviewed");
  g_autoptr (CwExternalFinding) linked = cw_workspace_get_external_finding (f->workspace, nc, &error);
  g_assert_cmpint (linked->action_id, ==, action);

  /* A second action on the same finding, or a kind against the grade. */
  g_autofree char *before = holdings (f);
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &draft, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "already has action");
  g_clear_error (&error);
  CwActionKind corrective = CW_ACTION_KIND_CORRECTIVE;
  CwActionDraft wrong = { .external_finding_id = opportunity, .kind = &corrective };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &wrong, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  CwActionDraft incident = { .external_finding_id = opportunity,
                             .source = CW_ACTION_SOURCE_INCIDENT };
  g_assert_cmpint (cw_workspace_create_action (f->workspace, &incident, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_autofree char *after = holdings (f);
  g_assert_cmpstr (before, ==, after);

  CwActionDraft improvement = { .external_finding_id = opportunity };
  gint64 second = cw_workspace_create_action (f->workspace, &improvement, &error);
  g_assert_no_error (error);
  g_autoptr (CwAction) other = cw_workspace_get_action (f->workspace, second, &error);
  g_assert_cmpint (cw_action_get_kind (other), ==, CW_ACTION_KIND_IMPROVEMENT);
  assert_sound (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/external/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("record", test_record);
  ADD ("refusals", test_refusals);
  ADD ("actions", test_actions);
  return g_test_run ();
}
