/* test-sampling.c: samples recorded with evidence (ISO 19011 A.6): the
 * suggested sizes of our own table, a sample never larger than its
 * population nor its exceptions more than its items, the figures read back
 * and kept in the history, and check seeing them changed behind the app's
 * back. A refused edit leaves the history as it was. */
#include <string.h>

#include "cw-audit.h"
#include "cw-core.h"
#include "cw-evidence.h"
#include "cw-test-util.h"
#include "cw-text.h"

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
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft draft = { .title = "Change audit", .scope = scope };
  g_autoptr (GError) error = NULL;
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
history_count (Fixture *f)
{
  return cw_test_sql_int (cw_workspace_get_path (f->workspace), "SELECT count(*) FROM history");
}

static void
assert_sound (CwWorkspace *workspace, guint expected)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, expected);
}

static void
test_suggest (void)
{
  /* Small populations in full; then a size that grows slowly. */
  static const guint table[][2] = {
    { 0, 0 },     { 1, 1 },     { 7, 7 },      { 10, 10 },     { 11, 10 },   { 50, 10 },
    { 51, 15 },   { 250, 15 },  { 251, 20 },   { 1000, 20 },   { 1001, 30 }, { 2186, 30 },
    { G_MAXUINT, 30 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    g_assert_cmpuint (cw_sample_suggest (table[i][0]), ==, table[i][1]);
  /* Never more than the population. */
  for (guint n = 0; n < 2000; n++)
    g_assert_cmpuint (cw_sample_suggest (n), <=, n);

  CwSampleMethod method;
  g_assert_true (cw_sample_method_from_string ("judgemental", &method));
  g_assert_cmpint (method, ==, CW_SAMPLE_JUDGEMENTAL);
  g_assert_false (cw_sample_method_from_string ("", &method));
  g_assert_false (cw_sample_method_from_string ("haphazard", &method));
  g_assert_cmpstr (cw_sample_method_to_string (CW_SAMPLE_SYSTEMATIC), ==, "systematic");
}

static CwEvidenceDraft
changes_sample (Fixture *f)
{
  CwEvidenceDraft draft = {
    .audit_id = f->audit,
    .question = "8.5.1.3.q1",
    .kind = CW_EVIDENCE_RECORD,
    .reference = "Change register export, Jun-Aug 2026",
    .description = "Normal changes chosen at random.",
    .population = "142 changes closed Jun-Aug 2026",
    .population_size = 142,
    .sample_size = 15,
    .method = CW_SAMPLE_RANDOM,
    .sample_items = "RFC-2204, RFC-2211, RFC-2237",
    .exceptions = 2,
  };
  return draft;
}

static void
test_bounds (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 before = history_count (f);

  CwEvidenceDraft draft = changes_sample (f);
  draft.sample_size = 143;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sample of 143 items cannot be larger than its "
                                            "population of 142"));
  g_clear_error (&error);

  draft = changes_sample (f);
  draft.exceptions = 16;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "16 exceptions"));
  g_clear_error (&error);

  draft = changes_sample (f);
  draft.sample_size = -1;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "how many items"));
  g_clear_error (&error);

  draft = changes_sample (f);
  draft.population_size = -5;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "0 or more"));
  g_clear_error (&error);

  draft = changes_sample (f);
  g_autofree char *long_items = g_strnfill (CW_TEXT_LONG_MAX + 1, 'x');
  draft.sample_items = long_items;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* A sample of the whole population is fine. */
  draft = changes_sample (f);
  draft.sample_size = 142;
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &draft, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_stored (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwEvidenceDraft draft = changes_sample (f);
  gint64 id = cw_workspace_add_evidence (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (CwEvidence) item = cw_workspace_get_evidence (f->workspace, id, &error);
  g_assert_cmpint (item->population_size, ==, 142);
  g_assert_cmpint (item->sample_size, ==, 15);
  g_assert_cmpint (item->method, ==, CW_SAMPLE_RANDOM);
  g_assert_cmpstr (item->sample_items, ==, "RFC-2204, RFC-2211, RFC-2237");
  g_assert_cmpint (item->exceptions, ==, 2);

  /* Evidence with no sample records none of it. */
  CwEvidenceDraft plain = { .audit_id = f->audit, .kind = CW_EVIDENCE_DOCUMENT,
                            .reference = "CMP-01 v3", .sample_size = -1 };
  gint64 plain_id = cw_workspace_add_evidence (f->workspace, &plain, &error);
  g_assert_no_error (error);
  g_autoptr (CwEvidence) plain_item = cw_workspace_get_evidence (f->workspace, plain_id, &error);
  g_assert_cmpint (plain_item->method, ==, CW_SAMPLE_NONE);
  g_assert_cmpint (plain_item->population_size, ==, -1);
  g_assert_cmpint (plain_item->exceptions, ==, -1);

  /* Growing the sample past its population is refused on update too. */
  gint64 before = history_count (f);
  gint bigger = 150;
  CwEvidenceChanges grow = { .rev = item->rev, .sample_size = &bigger };
  g_assert_false (cw_workspace_update_evidence (f->workspace, id, &grow, &error));
  g_assert_nonnull (strstr (error->message, "population of 142"));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  CwSampleMethod systematic = CW_SAMPLE_SYSTEMATIC;
  gint three = 3, twenty = 20;
  CwEvidenceChanges change = { .rev = item->rev, .sample_size = &twenty, .method = &systematic,
                               .exceptions = &three };
  g_assert_true (cw_workspace_update_evidence (f->workspace, id, &change, &error));
  g_assert_no_error (error);
  g_autofree char *logged = cw_test_sql_text (
    cw_workspace_get_path (f->workspace),
    "SELECT new_value FROM history WHERE field = 'sample' ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (logged, ==, "systematic, 20 of 142, 3 exceptions: RFC-2204, RFC-2211, RFC-2237");
  assert_sound (f->workspace, 0);

  /* Changed outside Clausewise: check sees it. */
  g_clear_object (&f->workspace);
  g_autofree char *path = cw_test_path (f->dir, "test.clausewise");
  cw_test_sql (path, "UPDATE evidence SET sample_exceptions = 0 WHERE sample_exceptions = 3");
  f->workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_sound (f->workspace, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/sampling/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/core/sampling/suggest", test_suggest);
  ADD ("bounds", test_bounds);
  ADD ("stored", test_stored);
  return g_test_run ();
}
