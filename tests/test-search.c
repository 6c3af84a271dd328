/* test-search.c: full-text search over findings, answer notes and evidence,
 * kept in step with edits, safe with whatever the user types. */
#include "config.h"

#include "cw-audit.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-search.h"
#include "cw-test-util.h"

static CwWorkspace *
workspace_with_content (const char *dir, gint64 *audit, gint64 *finding)
{
  g_autofree char *path = cw_test_path (dir, "s.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_create (path, NULL, &error);
  g_assert_no_error (error);
  CwAuditDraft plan = { .title = "Audit" };
  *audit = cw_workspace_create_audit (workspace, &plan, &error);
  CwFindingDraft draft = {
    .audit_id = *audit,
    .clause = "8.7.2",
    .grade = CW_GRADE_MAJOR,
    .requirement = "Continuity plans are tested at planned intervals (SCP-01).",
    .evidence = "The Zürich failover was last rehearsed in 2023.",
    .statement = "The continuity plan has not been tested for two years.",
  };
  *finding = cw_workspace_create_finding (workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (workspace, *audit, "8.6.1.q1", CW_RESULT_CONFORMING,
                                      "Sampled tickets from the helpdesk queue.", &error));
  CwEvidenceDraft evidence = { .audit_id = *audit,
                               .kind = CW_EVIDENCE_DOCUMENT,
                               .reference = "SLA-7 v2",
                               .description = "Signed service level agreement",
                               .sample_size = -1 };
  g_assert_cmpint (cw_workspace_add_evidence (workspace, &evidence, &error), >, 0);
  g_assert_no_error (error);
  return workspace;
}

static GPtrArray *
search (CwWorkspace *workspace, const char *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits = cw_workspace_search (workspace, query, 50, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static void
test_kinds (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 audit, finding;
  g_autoptr (CwWorkspace) workspace = workspace_with_content (dir, &audit, &finding);

  g_autoptr (GPtrArray) hits = search (workspace, "continuity");
  g_assert_cmpuint (hits->len, ==, 1);
  CwSearchHit *hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->kind, ==, CW_SEARCH_FINDING);
  g_assert_cmpint (hit->id, ==, finding);
  g_assert_cmpint (hit->audit_id, ==, audit);
  g_autofree char *snippet = g_utf8_strdown (hit->snippet, -1);
  g_assert_nonnull (strstr (snippet, "[continuity]"));

  g_autoptr (GPtrArray) notes = search (workspace, "helpdesk");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (((CwSearchHit *) g_ptr_array_index (notes, 0))->kind, ==, CW_SEARCH_ANSWER);

  g_autoptr (GPtrArray) evidence = search (workspace, "signed agreement");
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (((CwSearchHit *) g_ptr_array_index (evidence, 0))->kind, ==,
                   CW_SEARCH_EVIDENCE);

  /* Clause numbers are searchable too. */
  g_autoptr (GPtrArray) clause = search (workspace, "8.7.2");
  g_assert_cmpuint (clause->len, ==, 1);
}

static void
test_prefix_and_diacritics (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 audit, finding;
  g_autoptr (CwWorkspace) workspace = workspace_with_content (dir, &audit, &finding);
  g_autoptr (GPtrArray) prefix = search (workspace, "contin");
  g_assert_cmpuint (prefix->len, ==, 1);
  g_autoptr (GPtrArray) plain = search (workspace, "zurich");
  g_assert_cmpuint (plain->len, ==, 1);
  g_autoptr (GPtrArray) none = search (workspace, "penguin");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_follows_edits (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 audit, finding;
  g_autoptr (CwWorkspace) workspace = workspace_with_content (dir, &audit, &finding);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (workspace, audit, "8.6.1.q1", CW_RESULT_MINOR,
                                      "Escalation matrix out of date.", &error));
  g_autoptr (GPtrArray) old = search (workspace, "helpdesk");
  g_assert_cmpuint (old->len, ==, 0);
  g_autoptr (GPtrArray) new = search (workspace, "escalation");
  g_assert_cmpuint (new->len, ==, 1);
}

static void
test_user_syntax_is_text (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 audit, finding;
  g_autoptr (CwWorkspace) workspace = workspace_with_content (dir, &audit, &finding);
  const char *queries[] = { "\"unbalanced", "AND", "NOT continuity", "*", "(", "SLA-7",
                            "col:umn", "^start", "   " };
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GPtrArray) hits = search (workspace, queries[i]);
      (void) hits;
    }
  g_autoptr (GPtrArray) sla = search (workspace, "SLA-7");
  g_assert_cmpuint (sla->len, ==, 1);

  g_autofree char *match = cw_search_match_expression ("say \"hi\" now");
  g_assert_cmpstr (match, ==, "\"say\" \"\"\"hi\"\"\" \"now\"*");
}


/* A pointed search comes back best first; a broad one (thousands of
 * matches) newest first, so that its first page stays quick. */
static void
test_broad_search_newest_first (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  gint64 audit, finding;
  g_autoptr (CwWorkspace) workspace = workspace_with_content (dir, &audit, &finding);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_begin_batch (workspace, &error));
  gint64 last = 0;
  for (guint i = 0; i < 2100; i++)
    {
      g_autofree char *evidence = g_strdup_printf ("Ticket INC-%u was closed late.", i);
      CwFindingDraft draft = { .audit_id = audit, .clause = "8.6.1", .grade = CW_GRADE_OFI,
                               .evidence = evidence,
                               .statement = i == 7 ? "Closed late, late, late." : "Closed late." };
      last = cw_workspace_create_finding (workspace, &draft, &error);
      g_assert_cmpint (last, >, 0);
    }
  g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));

  g_autoptr (GPtrArray) broad = cw_workspace_search (workspace, "late", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (broad->len, ==, 20);
  for (guint i = 0; i < broad->len; i++)
    g_assert_cmpint (((CwSearchHit *) g_ptr_array_index (broad, i))->id, ==, last - i);

  g_autoptr (GPtrArray) pointed = cw_workspace_search (workspace, "INC-7", 20, &error);
  g_assert_cmpuint (pointed->len, >=, 1);
  g_assert_nonnull (strstr (((CwSearchHit *) g_ptr_array_index (pointed, 0))->snippet, "INC"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/search/kinds", test_kinds);
  g_test_add_func ("/core/search/prefix-and-diacritics", test_prefix_and_diacritics);
  g_test_add_func ("/core/search/follows-edits", test_follows_edits);
  g_test_add_func ("/core/search/user-syntax-is-text", test_user_syntax_is_text);
  g_test_add_func ("/core/search/broad-newest-first", test_broad_search_newest_first);
  return g_test_run ();
}
