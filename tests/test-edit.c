/* test-edit.c: findings and evidence corrected and deleted after they were
 * recorded (cw-finding.c, cw-evidence.c), by the rules a new one obeys, with
 * every change in the history; and numbers never given twice. Each refusal
 * leaves the file as it was: the history is as long as before. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-history.h"
#include "cw-search.h"
#include "cw-test-util.h"

#define QUESTION "8.6.1.q1"

typedef struct
{
  char *dir;
  char *path;
  CwWorkspace *workspace;
  gint64 audit;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
  f->path = g_strdup (cw_workspace_get_path (f->workspace));
  const char *scope[] = { "8.6.1", NULL };
  CwAuditDraft draft = { .title = "Incidents", .scope = scope };
  g_autoptr (GError) error = NULL;
  f->audit = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->path);
  g_free (f->dir);
}

static void
answer (Fixture *f, const char *question, CwResult result)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (f->workspace, f->audit, question, result, NULL, &error));
  g_assert_no_error (error);
}

static gint64
raise_finding (Fixture *f, const char *question, CwGrade grade, const char *statement)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = f->audit,
    .clause = question ? NULL : "8.6.1",
    .question = question,
    .grade = grade,
    .requirement = "Incidents are prioritised by impact and urgency (PRI-01).",
    .evidence = "INC-1042 was given P4 although a whole site was down.",
    .statement = statement,
    .grade_reason = "A single lapse in twenty sampled incidents.",
  };
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CwFinding *
get_finding (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CwFinding *finding = cw_workspace_get_finding (f->workspace, id, &error);
  g_assert_no_error (error);
  return finding;
}

static char *
label_of (Fixture *f, gint64 id)
{
  g_autoptr (CwFinding) finding = get_finding (f, id);
  return cw_finding_dup_label (finding);
}

static gint64
history_count (Fixture *f)
{
  return cw_test_sql_int (f->path, "SELECT count(*) FROM history");
}

/* Whether a search for `word` finds the item of `kind` with `id`. */
static gboolean
search_finds (Fixture *f, const char *word, CwSearchKind kind, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = cw_workspace_search (f->workspace, word, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (hits, i);
      if (hit->kind == kind && hit->id == id)
        return TRUE;
    }
  return FALSE;
}

/* The newest history entry of a record for `field`, or NULL. */
static char *
last_change (Fixture *f, const char *entity, gint64 id, const char *field)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (old_value, '∅') || ' → ' || coalesce (new_value, '∅') FROM history"
    " WHERE entity = '%s' AND entity_id = %" G_GINT64_FORMAT " AND field = '%s'"
    " ORDER BY id DESC LIMIT 1",
    entity, id, field);
  return cw_test_sql_text (f->path, sql);
}

/* `check` finds every record as the history last recorded it. */
static void
assert_check_passes (Fixture *f)
{
  g_clear_object (&f->workspace);
  g_autofree char *out = cw_test_cli_ok (ARGS ("check", f->path));
  g_autoptr (GError) error = NULL;
  f->workspace = cw_workspace_open (f->path, &error);
  g_assert_no_error (error);
}

/* ---- Findings ------------------------------------------------------------ */

static void
test_finding_update (Fixture *f, gconstpointer data)
{
  answer (f, QUESTION, CW_RESULT_MINOR);
  gint64 other = raise_finding (f, QUESTION, CW_GRADE_MINOR, "First sampled incident misprioritised.");
  gint64 id = raise_finding (f, QUESTION, CW_GRADE_MINOR, "Second sampled incident misprioritised.");
  g_autoptr (CwFinding) before = get_finding (f, id);

  CwFindingChanges changes = {
    .rev = cw_finding_get_rev (before),
    .statement = "  One of twenty sampled incidents was not prioritised as PRI-01 requires.  ",
    .grade_reason = "An isolated lapse: nineteen of twenty were right.",
  };
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_update_finding (f->workspace, id, &changes, &error));
  g_assert_no_error (error);

  /* Stored in that finding, trimmed, and in no other. */
  g_autoptr (CwFinding) after = get_finding (f, id);
  g_assert_cmpstr (cw_finding_get_statement (after), ==,
                   "One of twenty sampled incidents was not prioritised as PRI-01 requires.");
  g_assert_cmpstr (cw_finding_get_grade_reason (after), ==,
                   "An isolated lapse: nineteen of twenty were right.");
  g_assert_cmpstr (cw_finding_get_requirement (after), ==, cw_finding_get_requirement (before));
  g_assert_cmpint (cw_finding_get_number (after), ==, cw_finding_get_number (before));
  g_assert_cmpint (cw_finding_get_rev (after), >, cw_finding_get_rev (before));
  g_autoptr (CwFinding) untouched = get_finding (f, other);
  g_assert_cmpstr (cw_finding_get_statement (untouched), ==,
                   "First sampled incident misprioritised.");

  /* The history has each field's change. */
  g_autofree char *statement = last_change (f, "finding", id, "statement");
  g_assert_cmpstr (statement, ==,
                   "Second sampled incident misprioritised. → One of twenty sampled incidents "
                   "was not prioritised as PRI-01 requires.");
  g_autofree char *reason = last_change (f, "finding", id, "grade_reason");
  cw_test_assert_contains (reason, "nineteen of twenty");

  /* Search finds the new words, not the old. */
  g_assert_true (search_finds (f, "twenty sampled", CW_SEARCH_FINDING, id));
  g_assert_false (search_finds (f, "Second", CW_SEARCH_FINDING, id));

  /* The same values again write nothing. */
  gint64 entries = history_count (f);
  CwFindingChanges same = { .statement = cw_finding_get_statement (after) };
  g_assert_true (cw_workspace_update_finding (f->workspace, id, &same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (history_count (f), ==, entries);

  /* The revision it was loaded at no longer holds: refused, nothing written. */
  CwFindingChanges stale = { .rev = cw_finding_get_rev (before), .statement = "Overwritten." };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &stale, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, entries);
  assert_check_passes (f);
}

static void
test_finding_update_rules (Fixture *f, gconstpointer data)
{
  answer (f, QUESTION, CW_RESULT_MINOR);
  gint64 id = raise_finding (f, QUESTION, CW_GRADE_MINOR, "One of twenty was misprioritised.");
  gint64 entries = history_count (f);
  g_autoptr (GError) error = NULL;

  /* The grade must agree with the question's answer; both are named. */
  CwGrade major = CW_GRADE_MAJOR;
  CwFindingChanges regrade = { .grade = &major };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &regrade, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, cw_result_label (CW_RESULT_MINOR));
  cw_test_assert_contains (error->message, cw_result_label (CW_RESULT_MAJOR));
  g_clear_error (&error);

  /* A nonconformity keeps all three parts of its statement. */
  CwFindingChanges blank = { .statement = "   " };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &blank, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "statement");
  g_clear_error (&error);

  /* The day observed is a date, not in the future. */
  CwFindingChanges bad_day = { .raised_on = "2026-02-30" };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &bad_day, &error));
  cw_test_assert_contains (error->message, "2026-02-30");
  g_clear_error (&error);
  GDate tomorrow;
  cw_date_local_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  g_autofree char *future = cw_date_to_string (&tomorrow);
  CwFindingChanges later = { .raised_on = future };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &later, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, future);
  g_clear_error (&error);

  /* Text over its limit. */
  g_autofree char *huge = g_strnfill (20001, 'x');
  CwFindingChanges too_long = { .evidence = huge };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &too_long, &error));
  cw_test_assert_contains (error->message, "evidence");
  g_clear_error (&error);

  g_assert_cmpint (history_count (f), ==, entries);
  g_autoptr (CwFinding) finding = get_finding (f, id);
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MINOR);
  g_assert_cmpstr (cw_finding_get_statement (finding), ==, "One of twenty was misprioritised.");

  /* No such finding. */
  CwFindingChanges any = { .statement = "x" };
  g_assert_false (cw_workspace_update_finding (f->workspace, id + 100, &any, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_finding_regrade_series (Fixture *f, gconstpointer data)
{
  /* Raised on the clause as a whole, so no answer binds its grade. */
  gint64 observation = raise_finding (f, NULL, CW_GRADE_OBSERVATION, "Priorities are set by feel.");
  gint64 nc = raise_finding (f, NULL, CW_GRADE_MINOR, "INC-1042 was misprioritised.");
  g_autofree char *first = label_of (f, observation);
  g_assert_cmpstr (first, ==, "OBS-1");

  /* Into the NC series: the next NC number; OBS-1 stays retired. */
  CwGrade minor = CW_GRADE_MINOR;
  CwFindingChanges regrade = { .grade = &minor, .statement = "Priorities were set by feel." };
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_update_finding (f->workspace, observation, &regrade, &error));
  g_assert_no_error (error);
  g_autofree char *now = label_of (f, observation);
  g_assert_cmpstr (now, ==, "NC-2");
  g_autofree char *change = last_change (f, "finding", observation, "label");
  g_assert_cmpstr (change, ==, "OBS-1 → NC-2");
  g_autofree char *grade = last_change (f, "finding", observation, "grade");
  g_assert_cmpstr (grade, ==, "observation → minor");
  gint64 next = raise_finding (f, NULL, CW_GRADE_OBSERVATION, "Another risk.");
  g_autofree char *next_label = label_of (f, next);
  g_assert_cmpstr (next_label, ==, "OBS-2");

  /* Within the series the number stays. */
  CwGrade major = CW_GRADE_MAJOR;
  CwFindingChanges up = { .grade = &major };
  g_assert_true (cw_workspace_update_finding (f->workspace, nc, &up, &error));
  g_assert_no_error (error);
  g_autofree char *kept = label_of (f, nc);
  g_assert_cmpstr (kept, ==, "NC-1");
  assert_check_passes (f);
}

static void
test_finding_delete (Fixture *f, gconstpointer data)
{
  answer (f, QUESTION, CW_RESULT_MINOR);
  gint64 kept = raise_finding (f, QUESTION, CW_GRADE_MINOR, "INC-1040 was misprioritised.");
  gint64 id = raise_finding (f, QUESTION, CW_GRADE_MINOR, "INC-1042 was misprioritised.");
  g_autofree char *label = label_of (f, id);
  g_assert_cmpstr (label, ==, "NC-2");
  /* Evidence that supported it stays, no longer tied to it. */
  CwEvidenceDraft draft = { .audit_id = f->audit, .question = QUESTION, .finding_id = id,
                            .kind = CW_EVIDENCE_RECORD, .reference = "INC-1042",
                            .sample_size = -1 };
  g_autoptr (GError) error = NULL;
  gint64 evidence = cw_workspace_add_evidence (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_true (search_finds (f, "INC-1042", CW_SEARCH_FINDING, id));

  g_assert_true (cw_workspace_can_delete_finding (f->workspace, id, &error));
  g_assert_true (cw_workspace_delete_finding (f->workspace, id, &error));
  g_assert_no_error (error);
  g_assert_null (cw_workspace_get_finding (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_autoptr (CwFinding) other = get_finding (f, kept);
  g_assert_nonnull (other);
  g_assert_false (search_finds (f, "INC-1042", CW_SEARCH_FINDING, id));
  g_autofree char *deleted = last_change (f, "finding", id, "deleted");
  g_assert_cmpstr (deleted, ==, "NC-2 → ∅");
  /* The audit's own history still shows the finding, and its deletion. */
  g_autoptr (GPtrArray) audit_history
    = cw_workspace_list_audit_history (f->workspace, f->audit, &error);
  g_assert_no_error (error);
  gboolean shown_deleted = FALSE;
  for (guint i = 0; i < audit_history->len; i++)
    {
      CwHistoryEntry *entry = g_ptr_array_index (audit_history, i);
      shown_deleted |= g_str_equal (entry->entity, "finding") && entry->entity_id == id
                       && g_str_equal (entry->field, "deleted");
    }
  g_assert_true (shown_deleted);
  g_autoptr (CwEvidence) item = cw_workspace_get_evidence (f->workspace, evidence, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->finding_id, ==, 0);

  /* Neither its number nor its id is given again. */
  gint64 next = raise_finding (f, QUESTION, CW_GRADE_MINOR, "INC-1050 was misprioritised.");
  g_assert_cmpint (next, >, id);
  g_autofree char *next_label = label_of (f, next);
  g_assert_cmpstr (next_label, ==, "NC-3");

  /* Gone is gone: a second delete says so. */
  gint64 entries = history_count (f);
  g_assert_false (cw_workspace_delete_finding (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, entries);
  assert_check_passes (f);
}

static void
test_finding_with_action (Fixture *f, gconstpointer data)
{
  gint64 id = raise_finding (f, NULL, CW_GRADE_MINOR, "INC-1042 was misprioritised.");
  g_autoptr (GError) error = NULL;
  CwActionDraft action = { .finding_id = id };
  gint64 action_id = cw_workspace_create_action (f->workspace, &action, &error);
  g_assert_no_error (error);
  gint64 entries = history_count (f);
  g_autofree char *action_text = g_strdup_printf ("action %" G_GINT64_FORMAT, action_id);

  g_assert_false (cw_workspace_can_delete_finding (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cw_workspace_delete_finding (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, action_text);
  cw_test_assert_contains (error->message, "delete or detach");
  g_clear_error (&error);

  /* Its action was raised for a nonconformity: no longer one, it would not fit. */
  CwGrade ofi = CW_GRADE_OFI;
  CwFindingChanges regrade = { .grade = &ofi };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &regrade, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, action_text);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, entries);
  g_autoptr (CwFinding) finding = get_finding (f, id);
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MINOR);

  /* Its text can still be corrected. */
  CwFindingChanges text = { .statement = "INC-1042 was given P4 during a site outage." };
  g_assert_true (cw_workspace_update_finding (f->workspace, id, &text, &error));
  g_assert_no_error (error);
}

static void
test_frozen (Fixture *f, gconstpointer data)
{
  answer (f, QUESTION, CW_RESULT_MINOR);
  gint64 id = raise_finding (f, QUESTION, CW_GRADE_MINOR, "INC-1042 was misprioritised.");
  CwEvidenceDraft draft = { .audit_id = f->audit, .question = QUESTION,
                            .kind = CW_EVIDENCE_RECORD, .reference = "INC-1042",
                            .sample_size = -1 };
  g_autoptr (GError) error = NULL;
  gint64 evidence = cw_workspace_add_evidence (f->workspace, &draft, &error);
  g_assert_no_error (error);
  cw_test_issue_audit (f->workspace, f->audit);
  gint64 entries = history_count (f);

  CwFindingChanges changes = { .statement = "Changed after issue." };
  g_assert_false (cw_workspace_update_finding (f->workspace, id, &changes, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "revise");
  g_clear_error (&error);
  g_assert_false (cw_workspace_delete_finding (f->workspace, id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  CwEvidenceChanges edit = { .reference = "INC-1043" };
  g_assert_false (cw_workspace_update_evidence (f->workspace, evidence, &edit, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cw_workspace_delete_evidence (f->workspace, evidence, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, entries);

  /* Revised, it accepts them again. */
  g_assert_true (cw_workspace_revise_audit (f->workspace, f->audit, "Typo in NC-1", &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_update_finding (f->workspace, id, &changes, &error));
  g_assert_no_error (error);
}

/* ---- Evidence ------------------------------------------------------------ */

static void
test_evidence (Fixture *f, gconstpointer data)
{
  CwEvidenceDraft draft = { .audit_id = f->audit, .question = QUESTION,
                            .kind = CW_EVIDENCE_RECORD, .reference = "INC-1042",
                            .description = "Priority P4", .sample_size = -1 };
  g_autoptr (GError) error = NULL;
  gint64 kept = cw_workspace_add_evidence (f->workspace, &draft, &error);
  gint64 id = cw_workspace_add_evidence (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (CwEvidence) before = cw_workspace_get_evidence (f->workspace, id, &error);
  g_assert_no_error (error);

  CwEvidenceKind interview = CW_EVIDENCE_INTERVIEW;
  gint sample = 20;
  CwEvidenceChanges changes = { .rev = before->rev, .kind = &interview,
                                .reference = "Service desk lead, 3 March",
                                .population = "Incidents of February", .sample_size = &sample };
  g_assert_true (cw_workspace_update_evidence (f->workspace, id, &changes, &error));
  g_assert_no_error (error);
  g_autoptr (CwEvidence) after = cw_workspace_get_evidence (f->workspace, id, &error);
  g_assert_cmpint (after->kind, ==, CW_EVIDENCE_INTERVIEW);
  g_assert_cmpstr (after->reference, ==, "Service desk lead, 3 March");
  g_assert_cmpstr (after->description, ==, "Priority P4");
  g_assert_cmpstr (after->population, ==, "Incidents of February");
  g_assert_cmpint (after->sample_size, ==, 20);
  g_autoptr (CwEvidence) other = cw_workspace_get_evidence (f->workspace, kept, &error);
  g_assert_cmpstr (other->reference, ==, "INC-1042");
  g_autofree char *reference = last_change (f, "evidence", id, "reference");
  g_assert_cmpstr (reference, ==, "INC-1042 → Service desk lead, 3 March");
  g_autofree char *sampled = last_change (f, "evidence", id, "sample_size");
  g_assert_cmpstr (sampled, ==, " → 20");
  g_assert_true (search_finds (f, "February", CW_SEARCH_EVIDENCE, id));

  /* Refusals: no reference, stale revision, a file it never was. */
  gint64 entries = history_count (f);
  CwEvidenceChanges blank = { .reference = " " };
  g_assert_false (cw_workspace_update_evidence (f->workspace, id, &blank, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "reference");
  g_clear_error (&error);
  CwEvidenceChanges stale = { .rev = before->rev, .reference = "Overwritten" };
  g_assert_false (cw_workspace_update_evidence (f->workspace, id, &stale, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);
  CwEvidenceKind file = CW_EVIDENCE_FILE;
  CwEvidenceChanges to_file = { .kind = &file };
  g_assert_false (cw_workspace_update_evidence (f->workspace, id, &to_file, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "new evidence");
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, entries);

  /* Deleted: gone from the audit and the search, its id not given again. */
  g_assert_true (cw_workspace_delete_evidence (f->workspace, id, &error));
  g_assert_no_error (error);
  g_autoptr (GPtrArray) items = cw_workspace_list_evidence (f->workspace, f->audit, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_false (search_finds (f, "February", CW_SEARCH_EVIDENCE, id));
  g_autofree char *deleted = last_change (f, "evidence", id, "deleted");
  g_assert_cmpstr (deleted, ==, "Service desk lead, 3 March → ∅");
  gint64 next = cw_workspace_add_evidence (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, >, id);
  assert_check_passes (f);
}

/* ---- Audit numbers ---------------------------------------------------------- */

static void
test_audit_numbers (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "9.2", NULL };
  CwAuditDraft draft = { .title = "Internal audit", .scope = scope };
  g_autoptr (GError) error = NULL;
  gint64 second = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, f->audit);
  g_assert_true (cw_workspace_delete_audit (f->workspace, second, &error));
  g_assert_no_error (error);
  /* The last audit deleted: the next one still has a number of its own. */
  gint64 third = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (third, >, second);
  assert_check_passes (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/edit/finding/update", test_finding_update);
  ADD ("/core/edit/finding/update-rules", test_finding_update_rules);
  ADD ("/core/edit/finding/regrade-series", test_finding_regrade_series);
  ADD ("/core/edit/finding/delete", test_finding_delete);
  ADD ("/core/edit/finding/with-action", test_finding_with_action);
  ADD ("/core/edit/frozen", test_frozen);
  ADD ("/core/edit/evidence", test_evidence);
  ADD ("/core/edit/audit-numbers", test_audit_numbers);
  return g_test_run ();
}
