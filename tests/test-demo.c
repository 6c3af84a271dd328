/* test-demo.c: the demo workspace is what a newcomer learns the app from: it
 * must be complete, consistent and obey every rule. */
#include "config.h"

#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-finding.h"
#include "cw-test-util.h"

static void
test_demo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_cmpuint (strlen (organisation->name), >, 0);
  g_assert_cmpuint (strlen (organisation->scope), >, 100);
  g_assert_nonnull (organisation->stage_one);

  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_cmpuint (audits->len, ==, 2);
  CwAudit *completed = g_ptr_array_index (audits, 0);
  CwAudit *current = g_ptr_array_index (audits, 1);
  g_assert_cmpint (cw_audit_get_status (completed), ==, CW_AUDIT_REPORTED);
  g_assert_cmpint (cw_audit_get_status (current), ==, CW_AUDIT_IN_PROGRESS);

  /* The completed audit covers the whole catalogue and nearly every
   * question; the one in progress is partly done. */
  CwAuditProgress done, ongoing;
  g_assert_true (cw_workspace_get_audit_progress (workspace, completed, &done, &error));
  g_assert_true (cw_workspace_get_audit_progress (workspace, current, &ongoing, &error));
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  g_assert_cmpuint (done.total, ==, cw_catalogue_count_questions (catalogue));
  g_assert_cmpuint (done.answered * 10, >=, done.total * 9);
  g_assert_cmpuint (ongoing.answered, >, 0);
  g_assert_cmpuint (ongoing.answered, <, ongoing.total);

  /* A believable mix: at least a dozen findings, each grade present, and
   * every nonconformity with its three parts. */
  g_assert_cmpuint (done.findings[CW_GRADE_MAJOR], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_MINOR], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_OBSERVATION], >=, 1);
  g_assert_cmpuint (done.findings[CW_GRADE_OFI], >=, 1);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_cmpuint (findings->len, >=, 12);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      if (cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
        {
          g_assert_cmpuint (strlen (cw_finding_get_requirement (finding)), >, 20);
          g_assert_cmpuint (strlen (cw_finding_get_evidence (finding)), >, 20);
          g_assert_cmpuint (strlen (cw_finding_get_statement (finding)), >, 20);
        }
    }

  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_demo_refuses_existing (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "mine.clausewise");
  cw_test_write (path, "x", 1);
  g_autoptr (GBytes) before = cw_test_read (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS);
  cw_test_assert_untouched (path, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/demo/content", test_demo);
  g_test_add_func ("/core/demo/refuses-existing", test_demo_refuses_existing);
  return g_test_run ();
}
