/* test-audit.c: planning audits, answering the checklist, raising findings
 * and recording evidence, with every rule the core enforces. */
#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-history.h"
#include "cw-search.h"
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

static gint64
plan (Fixture *f, const char *const *scope)
{
  g_autoptr (GError) error = NULL;
  CwAuditDraft draft = {
    .title = "  Service desk audit  ",
    .scope = scope,
    .planned_start = "2026-05-04",
    .planned_end = "2026-05-05",
    .lead_auditor = "Ada Auditor",
  };
  gint64 id = cw_workspace_create_audit (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_create (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "9.2", "8.6.1", "8.6", NULL };
  gint64 id = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (f->workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_audit_get_title (audit), ==, "Service desk audit");
  g_assert_cmpint (cw_audit_get_status (audit), ==, CW_AUDIT_PLANNED);
  g_autofree char *joined = g_strjoinv (",", (char **) cw_audit_get_scope (audit));
  g_assert_cmpstr (joined, ==, "8.6,9.2");
  g_assert_true (cw_audit_covers (audit, "8.6.3"));
  g_assert_false (cw_audit_covers (audit, "8.5.1.3"));

  CwAuditProgress progress;
  g_assert_true (cw_workspace_get_audit_progress (f->workspace, audit, &progress, &error));
  CwCatalogue *catalogue = cw_workspace_get_catalogue (f->workspace);
  guint expected = 0;
  const char *leaves[] = { "8.6.1", "8.6.2", "8.6.3", "9.2" };
  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    expected += cw_clause_get_questions (cw_catalogue_lookup_clause (catalogue, leaves[i]))->len;
  g_assert_cmpuint (progress.total, ==, expected);
  g_assert_cmpuint (progress.answered, ==, 0);
}

static void
test_create_refusals (Fixture *f, gconstpointer data)
{
  struct
  {
    CwAuditDraft draft;
    const char *says;
  } cases[] = {
    { { .title = "   " }, "title" },
    { { .title = "A", .planned_start = "2026-02-30" }, "2026-02-30" },
    { { .title = "A", .planned_start = "2026-05-05", .planned_end = "2026-05-04" }, "before" },
    { { .title = "A", .scope = (const char *const[]) { "8.6", "11.1", NULL } }, "11.1" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (cw_workspace_create_audit (f->workspace, &cases[i].draft, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (f->workspace, &error);
  g_assert_cmpuint (audits->len, ==, 0);
}

static void
test_answer (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 id = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (f->workspace, id, "8.6.1.q1", CW_RESULT_CONFORMING,
                                      "INC-1042 to INC-1061 sampled; all prioritised.", &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (f->workspace, id, "8.6.1.q2", CW_RESULT_NOT_ASSESSED, NULL,
                                      &error));
  /* Answering again replaces the result. */
  g_assert_true (
    cw_workspace_answer (f->workspace, id, "8.6.1.q1", CW_RESULT_MINOR, "Two misprioritised.",
                         &error));

  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (f->workspace, id, &error);
  g_assert_cmpuint (answers->len, ==, 2);
  CwAnswer *first = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (first->question, ==, "8.6.1.q1");
  g_assert_cmpint (first->result, ==, CW_RESULT_MINOR);
  g_assert_cmpstr (first->note, ==, "Two misprioritised.");

  /* The first answer started the audit; not-assessed does not count. */
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (f->workspace, id, &error);
  g_assert_cmpint (cw_audit_get_status (audit), ==, CW_AUDIT_IN_PROGRESS);
  CwAuditProgress progress;
  g_assert_true (cw_workspace_get_audit_progress (f->workspace, audit, &progress, &error));
  g_assert_cmpuint (progress.answered, ==, 1);
}

static void
test_answer_refusals (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 id = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_assert_false (
    cw_workspace_answer (f->workspace, id, "8.5.1.3.q1", CW_RESULT_CONFORMING, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outside the scope"));
  g_clear_error (&error);

  g_assert_false (
    cw_workspace_answer (f->workspace, id, "8.6.1.q99", CW_RESULT_CONFORMING, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (
    cw_workspace_answer (f->workspace, 999, "8.6.1.q1", CW_RESULT_CONFORMING, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (f->workspace, id, &error);
  g_assert_cmpuint (answers->len, ==, 0);
}

static CwFindingDraft
complete_minor (gint64 audit)
{
  return (CwFindingDraft) {
    .audit_id = audit,
    .clause = "8.6.1",
    .grade = CW_GRADE_MINOR,
    .requirement = "Incidents are prioritised by impact and urgency (PRI-01).",
    .evidence = "INC-1042 and INC-1057 were given P4 although a whole site was down.",
    .statement = "Two of twenty sampled incidents were not prioritised as PRI-01 requires.",
  };
}

static void
test_findings (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 audit = plan (f, scope);
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = complete_minor (audit);
  gint64 id = cw_workspace_create_finding (f->workspace, &draft, &error);
  g_assert_no_error (error);

  CwFindingDraft ofi = {
    .audit_id = audit,
    .clause = "8.6.3",
    .grade = CW_GRADE_OFI,
    .evidence = "Known errors are kept in a spreadsheet beside the tool.",
  };
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &ofi, &error), >, id);
  g_assert_no_error (error);

  g_autoptr (CwFinding) finding = cw_workspace_get_finding (f->workspace, id, &error);
  g_assert_cmpstr (cw_finding_get_clause (finding), ==, "8.6.1");
  g_assert_cmpint (cw_finding_get_grade (finding), ==, CW_GRADE_MINOR);
  g_assert_cmpint (cw_finding_get_status (finding), ==, CW_FINDING_OPEN);
  g_assert_cmpstr (cw_finding_get_statement (finding), ==, draft.statement);

  g_autoptr (GPtrArray) all = cw_workspace_list_findings (f->workspace, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_autoptr (GPtrArray) other = cw_workspace_list_findings (f->workspace, audit + 1, &error);
  g_assert_cmpuint (other->len, ==, 0);
  /* What the checklist shows under a question of 8.6.3: its clause only. */
  g_autoptr (GPtrArray) under = cw_workspace_list_clause_findings (f->workspace, audit, "8.6.3",
                                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (under->len, ==, 1);
  g_assert_cmpint (cw_finding_get_grade (g_ptr_array_index (under, 0)), ==, CW_GRADE_OFI);

  g_autoptr (CwAudit) a = cw_workspace_get_audit (f->workspace, audit, &error);
  CwAuditProgress progress;
  g_assert_true (cw_workspace_get_audit_progress (f->workspace, a, &progress, &error));
  g_assert_cmpuint (progress.findings[CW_GRADE_MINOR], ==, 1);
  g_assert_cmpuint (progress.findings[CW_GRADE_OFI], ==, 1);
  g_assert_cmpuint (progress.findings[CW_GRADE_MAJOR], ==, 0);
}

static void
test_finding_refusals (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 audit = plan (f, scope);

  /* A nonconformity without any one of its three parts. */
  for (guint part = 0; part < 3; part++)
    for (CwGrade grade = CW_GRADE_MINOR; grade <= CW_GRADE_MAJOR; grade++)
      {
        CwFindingDraft draft = complete_minor (audit);
        draft.grade = grade;
        const char **field = part == 0   ? &draft.requirement
                             : part == 1 ? &draft.evidence
                                         : &draft.statement;
        *field = "  \n ";
        g_autoptr (GError) error = NULL;
        g_assert_cmpint (cw_workspace_create_finding (f->workspace, &draft, &error), ==, 0);
        g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
        const char *names[] = { "requirement", "evidence", "statement" };
        g_assert_nonnull (strstr (error->message, names[part]));
      }

  struct
  {
    const char *clause;
    gint64 audit;
    int code;
  } cases[] = {
    { "8.99", audit, CW_WORKSPACE_ERROR_INVALID },   /* unknown clause */
    { "8.5.1.3", audit, CW_WORKSPACE_ERROR_INVALID }, /* outside the scope */
    { "8.6.1", 999, CW_WORKSPACE_ERROR_NOT_FOUND },  /* no such audit */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwFindingDraft draft = complete_minor (cases[i].audit);
      draft.clause = cases[i].clause;
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (cw_workspace_create_finding (f->workspace, &draft, &error), ==, 0);
      g_assert_error (error, CW_WORKSPACE_ERROR, cases[i].code);
    }

  CwFindingDraft empty = { .audit_id = audit, .clause = "8.6.1", .grade = CW_GRADE_OBSERVATION };
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &empty, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (f->workspace, 0, &error);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_evidence (Fixture *f, gconstpointer data)
{
  gint64 audit = plan (f, NULL);
  g_autoptr (GError) error = NULL;
  CwEvidenceDraft record = {
    .audit_id = audit,
    .question = "8.5.1.3.q1",
    .kind = CW_EVIDENCE_RECORD,
    .reference = "RFC-2291 to RFC-2310",
    .population = "142 changes closed Jun-Aug 2026",
    .sample_size = 15,
  };
  gint64 first = cw_workspace_add_evidence (f->workspace, &record, &error);
  g_assert_no_error (error);

  g_autofree char *path = cw_test_path (f->dir, "minutes.txt");
  const char minutes[] = "CAB minutes, 3 March 2026\n";
  cw_test_write (path, minutes, sizeof minutes - 1);
  CwEvidenceDraft file = {
    .audit_id = audit,
    .kind = CW_EVIDENCE_FILE,
    .reference = "CAB minutes 2026-03-03",
    .sample_size = -1,
    .file = path,
  };
  gint64 second = cw_workspace_add_evidence (f->workspace, &file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  g_autoptr (GPtrArray) items = cw_workspace_list_evidence (f->workspace, audit, &error);
  g_assert_cmpuint (items->len, ==, 2);
  CwEvidence *sampled = g_ptr_array_index (items, 0);
  g_assert_cmpint (sampled->sample_size, ==, 15);
  g_assert_null (sampled->sha256);
  CwEvidence *hashed = g_ptr_array_index (items, 1);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, minutes, -1);
  g_assert_cmpstr (hashed->sha256, ==, expected);
  g_assert_cmpint (hashed->sample_size, ==, -1);

  CwEvidenceDraft nameless = { .audit_id = audit, .kind = CW_EVIDENCE_INTERVIEW, .reference = " " };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &nameless, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  CwEvidenceDraft missing = { .audit_id = audit, .kind = CW_EVIDENCE_FILE, .reference = "x",
                              .file = "/nonexistent/file.pdf" };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &missing, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A pipe would never finish hashing; a folder is not a file. */
  CwEvidenceDraft folder = { .audit_id = audit, .kind = CW_EVIDENCE_FILE, .reference = "x",
                             .file = f->dir };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &folder, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
}

static void
test_evidence_refusals (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 audit = plan (f, scope);
  g_autoptr (GError) error = NULL;
  CwEvidenceDraft outside = { .audit_id = audit, .question = "8.5.1.3.q1",
                              .kind = CW_EVIDENCE_RECORD, .reference = "RFC-2291",
                              .sample_size = -1 };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &outside, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cw_workspace_answer (f->workspace, audit, "8.6.1.q1", CW_RESULT_CONFORMING, NULL,
                                      &error));
  cw_test_issue_audit (f->workspace, audit);
  CwEvidenceDraft late = { .audit_id = audit, .question = "8.6.1.q1", .kind = CW_EVIDENCE_RECORD,
                           .reference = "INC-1042", .sample_size = -1 };
  g_assert_cmpint (cw_workspace_add_evidence (f->workspace, &late, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "revise the audit first");
}

static void
test_delete_and_history (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 audit = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (f->workspace, audit, "8.6.1.q1", CW_RESULT_MINOR,
                                      "Escalation matrix out of date.", &error));
  CwFindingDraft draft = complete_minor (audit);
  draft.question = "8.6.1.q1";
  draft.grade_reason = "An isolated lapse in two of twenty tickets.";
  g_assert_cmpint (cw_workspace_create_finding (f->workspace, &draft, &error), >, 0);

  /* The history lists the audit's own changes, newest first. */
  g_autoptr (GPtrArray) history = cw_workspace_list_audit_history (f->workspace, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 5);
  CwHistoryEntry *newest = g_ptr_array_index (history, 0);
  g_assert_cmpstr (newest->entity, ==, "finding");
  g_autofree char *described = cw_history_entry_describe (newest);
  g_assert_nonnull (strstr (described, "created"));

  /* Issued, it is evidence and stays. (Set back behind the core's back
   * to reach the next rule.) */
  cw_test_issue_audit (f->workspace, audit);
  g_assert_false (cw_workspace_delete_audit (f->workspace, audit, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "evidence"));
  g_clear_error (&error);
  cw_test_sql (cw_workspace_get_path (f->workspace), "UPDATE audit SET status = 'in-progress'");

  /* With a corrective action on one of its findings it stays too. */
  g_autoptr (GPtrArray) raised = cw_workspace_list_findings (f->workspace, audit, &error);
  CwActionDraft action = { .finding_id = cw_finding_get_id (g_ptr_array_index (raised, 0)) };
  gint64 action_id = cw_workspace_create_action (f->workspace, &action, &error);
  g_assert_cmpint (action_id, >, 0);
  g_assert_false (cw_workspace_delete_audit (f->workspace, audit, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  cw_test_sql (cw_workspace_get_path (f->workspace), "DELETE FROM action");

  g_assert_true (cw_workspace_delete_audit (f->workspace, audit, &error));
  g_assert_no_error (error);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (f->workspace, 0, &error);
  g_assert_cmpuint (findings->len, ==, 0);
  g_autoptr (GPtrArray) hits = cw_workspace_search (f->workspace, "escalation", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  /* What the app deleted with the audit is recorded as gone; the action
   * this test deleted behind its back is not, and its search entry is left
   * without its record. */
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  cw_test_assert_contains (g_ptr_array_index (problems, 0),
                           "something that no longer exists");
  cw_test_assert_contains (g_ptr_array_index (problems, 1),
                           "is missing, but its history does not record its deletion");
  cw_test_assert_contains (g_ptr_array_index (problems, 1), "Action");
  g_assert_false (cw_workspace_delete_audit (f->workspace, audit, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_clause_summary (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 audit = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_assert_true (
    cw_workspace_answer (f->workspace, audit, "8.6.1.q1", CW_RESULT_CONFORMING, NULL, &error));
  g_assert_true (cw_workspace_answer (f->workspace, audit, "8.6.2.q1", CW_RESULT_MAJOR, NULL, &error));
  g_assert_true (cw_workspace_answer (f->workspace, audit, "8.6.2.q2", CW_RESULT_NOT_ASSESSED, NULL,
                                      &error));
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (f->workspace, audit, &error);
  g_autoptr (GHashTable) index = cw_answers_by_question (answers);
  CwCatalogue *catalogue = cw_workspace_get_catalogue (f->workspace);

  guint answered = 0, total = 0;
  CwResult worst = CW_RESULT_NOT_ASSESSED;
  g_autoptr (CwAudit) planned = cw_workspace_get_audit (f->workspace, audit, &error);
  cw_clause_summarise (planned, cw_catalogue_lookup_clause (catalogue, "8.6"), index, &answered,
                       &total, &worst);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpint (worst, ==, CW_RESULT_MAJOR);
  answered = total = 0;
  worst = CW_RESULT_NOT_ASSESSED;
  cw_clause_summarise (planned, cw_catalogue_lookup_clause (catalogue, "8.6.1"), index, &answered,
                       &total, &worst);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (total, ==,
                    cw_clause_get_questions (cw_catalogue_lookup_clause (catalogue, "8.6.1"))->len);
  g_assert_cmpint (worst, ==, CW_RESULT_CONFORMING);

  /* A main clause counts only the part of it in scope: "8" holds no more
   * questions than "8.6" when only 8.6 was chosen. */
  guint total_86 = 0, total_8 = 0;
  answered = 0;
  cw_clause_summarise (planned, cw_catalogue_lookup_clause (catalogue, "8.6"), index, &answered,
                       &total_86, &worst);
  answered = 0;
  cw_clause_summarise (planned, cw_catalogue_lookup_clause (catalogue, "8"), index, &answered,
                       &total_8, &worst);
  g_assert_cmpuint (total_8, ==, total_86);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_true (cw_audit_reaches (planned, "8"));
  g_assert_false (cw_audit_reaches (planned, "8.5"));
}

static void
test_organisation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwOrganisation organisation = { "Example Services Ltd", "Managed services from Leeds",
                                  "Service desk\nHosting", "Example Certification",
                                  "2027-02-15", "" };
  g_assert_true (cw_workspace_set_organisation (f->workspace, &organisation, &error));
  g_autoptr (CwOrganisation) back = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_cmpstr (back->services, ==, "Service desk\nHosting");
  g_assert_cmpstr (back->stage_one, ==, "2027-02-15");
  g_assert_null (back->stage_two);

  organisation.stage_two = "2027-04-31";
  g_assert_false (cw_workspace_set_organisation (f->workspace, &organisation, &error));
  g_assert_error (error, CW_DATE_ERROR, CW_DATE_ERROR_INVALID);
}

static gint64
history_entries (Fixture *f)
{
  g_autofree char *path = g_strdup (cw_workspace_get_path (f->workspace));
  return cw_test_sql_int (path, "SELECT count(*) FROM history");
}

/* The days the auditee has to respond to a nonconformity: 30 and 60 in a
 * new workspace; whole days from 1 to 365, a major's never the longer, and
 * a refusal changes nothing; a caller that leaves them 0 keeps them. */
static void
test_organisation_respond_days (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organisation->respond_major_days, ==, 30);
  g_assert_cmpuint (organisation->respond_minor_days, ==, 60);

  organisation->respond_major_days = 14;
  organisation->respond_minor_days = 45;
  g_assert_true (cw_workspace_set_organisation (f->workspace, organisation, &error));
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) stored = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_cmpuint (stored->respond_major_days, ==, 14);
  g_assert_cmpuint (stored->respond_minor_days, ==, 45);

  /* Refused, each with a message that says what to do, nothing written. */
  struct
  {
    guint major, minor;
    const char *says;
  } refused[] = {
    { 366, 400, "from 1 to 365" },
    { 14, 366, "from 1 to 365" },
    { 46, 45, "give the major 45 days or fewer, or the minor more" },
    { 90, 0, "give the major 45 days or fewer" }, /* against the stored minor */
  };
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gint64 entries = history_entries (f);
      CwOrganisation change = { .name = stored->name,
                                .respond_major_days = refused[i].major,
                                .respond_minor_days = refused[i].minor };
      g_assert_false (cw_workspace_set_organisation (f->workspace, &change, &error));
      g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i].says));
      g_clear_error (&error);
      g_autoptr (CwOrganisation) after = cw_workspace_get_organisation (f->workspace, &error);
      g_assert_cmpint (after->rev, ==, stored->rev);
      g_assert_cmpuint (after->respond_major_days, ==, 14);
      g_assert_cmpuint (after->respond_minor_days, ==, 45);
      g_assert_cmpint (history_entries (f), ==, entries);
    }

  /* The same days for both grades are allowed; 0 keeps what is stored, so a
   * caller that does not know the days leaves them alone. */
  CwOrganisation same = { .name = stored->name, .respond_major_days = 45 };
  g_assert_true (cw_workspace_set_organisation (f->workspace, &same, &error));
  g_assert_no_error (error);
  g_autoptr (CwOrganisation) kept = cw_workspace_get_organisation (f->workspace, &error);
  g_assert_cmpuint (kept->respond_major_days, ==, 45);
  g_assert_cmpuint (kept->respond_minor_days, ==, 45);

  /* As typed: whole days in range, anything else refused by name. */
  guint days = 0;
  g_assert_true (cw_organisation_parse_respond_days (" 21 ", TRUE, &days, &error));
  g_assert_cmpuint (days, ==, 21);
  const char *bad[] = { "0", "366", "-3", "two weeks", "", "14.5" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      days = 7;
      g_assert_false (cw_organisation_parse_respond_days (bad[i], FALSE, &days, &error));
      g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "minor nonconformity"));
      g_assert_cmpuint (days, ==, 7);
      g_clear_error (&error);
    }
}

/* Details are corrected on the audit as it was loaded: never over a change
 * made meanwhile, never leaving work outside the scope, never once issued. */
static void
test_update_details (Fixture *f, gconstpointer data)
{
  const char *scope[] = { "8.6", NULL };
  gint64 id = plan (f, scope);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (f->workspace, id, "8.6.1.q1", CW_RESULT_CONFORMING, NULL,
                                      &error));
  g_autoptr (CwAudit) loaded = cw_workspace_get_audit (f->workspace, id, &error);
  const char *path = cw_workspace_get_path (f->workspace);

  /* Saving what is there writes nothing. */
  gint64 entries = cw_test_sql_int (path, "SELECT count(*) FROM history");
  CwAuditDraft same = { .title = "Service desk audit", .scope = scope,
                        .planned_start = "2026-05-04", .planned_end = "2026-05-05",
                        .lead_auditor = "Ada Auditor" };
  g_assert_true (cw_workspace_update_audit (f->workspace, loaded, &same, &error));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);

  /* The scope may not leave out the answered 8.6.1. */
  const char *narrower[] = { "8.6.2", NULL };
  CwAuditDraft narrow = same;
  narrow.scope = narrower;
  g_assert_false (cw_workspace_update_audit (f->workspace, loaded, &narrow, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "8.6.1");
  g_clear_error (&error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, entries);

  /* A correction, in the history field by field. */
  const char *wider[] = { "8.6", "9.2", NULL };
  CwAuditDraft fixed = same;
  fixed.title = "Service desk and internal audit";
  fixed.scope = wider;
  g_assert_true (cw_workspace_update_audit (f->workspace, loaded, &fixed, &error));
  g_assert_no_error (error);
  g_autoptr (CwAudit) now = cw_workspace_get_audit (f->workspace, id, &error);
  g_assert_cmpstr (cw_audit_get_title (now), ==, "Service desk and internal audit");
  g_assert_true (cw_audit_covers (now, "9.2"));
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history WHERE entity = 'audit'"
                                          " AND field IN ('title', 'scope')"
                                          " AND old_value IS NOT NULL AND old_value <> ''"),
                   ==, 2);

  /* The form still holding the old revision cannot overwrite that. */
  CwAuditDraft stale = same;
  stale.title = "Overwritten";
  g_assert_false (cw_workspace_update_audit (f->workspace, loaded, &stale, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);

  /* Issued, the details are frozen too. */
  cw_test_issue_audit (f->workspace, id);
  g_autoptr (CwAudit) issued = cw_workspace_get_audit (f->workspace, id, &error);
  g_assert_false (cw_workspace_update_audit (f->workspace, issued, &fixed, &error));
  cw_test_assert_contains (error->message, "revise the audit first");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                            \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/audit/create", test_create);
  ADD ("/core/audit/create-refusals", test_create_refusals);
  ADD ("/core/audit/answer", test_answer);
  ADD ("/core/audit/answer-refusals", test_answer_refusals);
  ADD ("/core/audit/findings", test_findings);
  ADD ("/core/audit/finding-refusals", test_finding_refusals);
  ADD ("/core/audit/evidence", test_evidence);
  ADD ("/core/audit/evidence-refusals", test_evidence_refusals);
  ADD ("/core/audit/organisation", test_organisation);
  ADD ("/core/audit/organisation-respond-days", test_organisation_respond_days);
  ADD ("/core/audit/delete-and-history", test_delete_and_history);
  ADD ("/core/audit/update-details", test_update_details);
  ADD ("/core/audit/clause-summary", test_clause_summary);
  return g_test_run ();
}
