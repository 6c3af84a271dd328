/* test-search.c: full-text search over findings, answer notes and evidence,
 * kept in step with edits, safe with whatever the user types. */
#include "config.h"

#include <string.h>

#include "cw-audit.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-action.h"
#include "cw-demo.h"
#include "cw-review.h"
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

/* Search reaches corrective actions and review notes too, says where each
 * hit is in words, and marks the matches in bold rather than brackets. */
static void
test_actions_reviews_and_titles (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);

  g_autoptr (CwAction) first = cw_workspace_get_action (workspace, 1, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) by_plan = search (workspace, "approver");
  gboolean action_found = FALSE;
  for (guint i = 0; i < by_plan->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (by_plan, i);
      if (hit->kind != CW_SEARCH_ACTION || hit->id != 1)
        continue;
      action_found = TRUE;
      g_autofree char *title
        = g_strdup_printf ("Corrective action 1: %s", cw_action_get_title (first));
      g_assert_cmpstr (hit->title, ==, title);
      g_assert_cmpint (hit->audit_id, ==, 0);
    }
  g_assert_true (action_found);

  g_autoptr (GPtrArray) by_note = search (workspace, "SD-WAN");
  gboolean review_found = FALSE;
  for (guint i = 0; i < by_note->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (by_note, i);
      if (hit->kind == CW_SEARCH_REVIEW)
        {
          review_found = TRUE;
          cw_test_assert_contains (hit->title, "Management review 1 held on ");
          cw_test_assert_contains (hit->markup, "<b>");
          g_assert_null (strstr (hit->markup, "["));
        }
    }
  g_assert_true (review_found);

  /* A finding's hit names its label, clause and audit. */
  g_autoptr (GPtrArray) emergency = search (workspace, "ECAB");
  gboolean finding_found = FALSE;
  for (guint i = 0; i < emergency->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (emergency, i);
      if (hit->kind == CW_SEARCH_FINDING && hit->id == 1)
        {
          finding_found = TRUE;
          cw_test_assert_contains (hit->title, "Finding NC-1 on 8.5.1.3 · Internal audit 2026");
          g_assert_cmpstr (hit->place, ==, "8.5.1.3.q1");
        }
    }
  g_assert_true (finding_found);

  /* Editing an action's plan keeps its entry current, at the commit. */
  CwActionChanges changes = { .title = "Quetzal approval route" };
  g_assert_true (cw_workspace_update_action (workspace, 1, &changes, &error));
  g_assert_no_error (error);
  g_autoptr (GPtrArray) renamed = search (workspace, "Quetzal");
  g_assert_cmpuint (renamed->len, ==, 1);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* An older file's index is keyed anew when it is upgraded: its findings
 * are still found, and its actions are found too. */
static void
test_upgrade_rekeys (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "workspace-v3.clausewise", NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  g_autofree char *path = cw_test_path (dir, "v3.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) documents = search (workspace, "documents fall due");
  g_assert_cmpuint (documents->len, ==, 1);
  CwSearchHit *hit = g_ptr_array_index (documents, 0);
  g_assert_cmpint (hit->kind, ==, CW_SEARCH_FINDING);
  g_assert_cmpint (hit->id, ==, 2);
  g_autoptr (GPtrArray) actions = search (workspace, "Minor nonconformity at clause");
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpint (((CwSearchHit *) g_ptr_array_index (actions, 0))->kind, ==, CW_SEARCH_ACTION);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/search/kinds", test_kinds);
  g_test_add_func ("/core/search/upgrade-rekeys", test_upgrade_rekeys);
  g_test_add_func ("/core/search/actions-reviews-and-titles", test_actions_reviews_and_titles);
  g_test_add_func ("/core/search/prefix-and-diacritics", test_prefix_and_diacritics);
  g_test_add_func ("/core/search/follows-edits", test_follows_edits);
  g_test_add_func ("/core/search/user-syntax-is-text", test_user_syntax_is_text);
  g_test_add_func ("/core/search/broad-newest-first", test_broad_search_newest_first);
  return g_test_run ();
}
