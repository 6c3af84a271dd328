/* test-case-audit.c: a trainee runs a case audit and is debriefed.
 *
 * Each bundled case, started into a workspace of its own and audited by
 * raising exactly its model findings with their evidence and asking for
 * the records its samples want, scores full marks; with two findings left
 * out and one graded a step higher it scores less, and the debrief names
 * exactly those. The library hands out records only by their ids and only
 * until the report is issued; the debrief waits for the issue; a refused
 * start leaves no file and a refused hand-out leaves the file as it was. */
#include "config.h"

#include <string.h>

#include "cw-audit.h"
#include "cw-case-audit.h"
#include "cw-evidence.h"
#include "cw-register.h"
#include "cw-test-util.h"

static const char *const bundled_cases[] = { "harbourside-desk", "meridian-services" };

static CwWorkspace *
start (const char *dir, const char *case_id, CwCaseStudy **study)
{
  g_autofree char *name = g_strconcat (case_id, ".clausewise", NULL);
  g_autofree char *path = cw_test_path (dir, name);
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_case_start (path, NULL, NULL, case_id, "Sam Trainee", &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  g_assert_true (cw_workspace_is_case_study (workspace));
  *study = cw_case_study_load (workspace, &error);
  g_assert_no_error (error);
  return workspace;
}

/* One step up: an opportunity becomes an observation, a minor a major. */
static CwGrade
one_up (CwGrade grade)
{
  return grade == CW_GRADE_MAJOR ? CW_GRADE_MAJOR : grade + 1;
}

/* Audits the case as its model says, leaving out the findings in `skip`
 * and grading `over` one step higher; then issues the report. */
static void
audit_as_model (CwWorkspace *workspace, CwCaseStudy *study, const char *const *skip,
                const char *over)
{
  g_autoptr (GError) error = NULL;
  gint64 audit_id = study->audit_id;
  CwCase *kase = study->kase;

  /* Ask for what each sample wants: every record of its population. */
  for (guint s = 0; s < kase->samples->len; s++)
    {
      const CwCaseSample *sample = g_ptr_array_index (kase->samples, s);
      const CwCasePopulation *population = cw_case_lookup_population (kase, sample->population);
      g_assert_cmpuint (population->records->len, >=, sample->at_least);
      g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      for (guint r = 0; r < population->records->len; r++)
        {
          const CwCaseItem *record = g_ptr_array_index (population->records, r);
          /* Asked for as an auditor writes them. */
          g_ptr_array_add (ids, g_ascii_strup (record->id, -1));
        }
      g_ptr_array_add (ids, NULL);
      g_autoptr (GPtrArray) handed = cw_case_hand_out (workspace, study, audit_id,
                                                       (const char *const *) ids->pdata, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (handed->len, ==, population->records->len);
    }

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, &error);
  g_assert_no_error (error);
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  CwClause *clause = cw_catalogue_lookup_clause (catalogue, kase->audit_scope[0]);
  g_assert_nonnull (clause);
  CwQuestion *question = g_ptr_array_index (cw_clause_get_questions (clause), 0);
  g_assert_true (cw_workspace_answer (workspace, audit_id, cw_question_get_id (question), CW_RESULT_CONFORMING,
                                      NULL, &error));
  g_assert_no_error (error);

  for (guint m = 0; m < kase->findings->len; m++)
    {
      const CwModelFinding *model = g_ptr_array_index (kase->findings, m);
      if (skip != NULL && g_strv_contains (skip, model->id))
        continue;
      CwFindingDraft draft = {
        .audit_id = audit_id,
        .clause = model->clause,
        .grade = g_strcmp0 (model->id, over) == 0 ? one_up (model->grade) : model->grade,
        .requirement = model->requirement,
        .evidence = model->evidence,
        .statement = model->statement,
        .grade_reason = model->why,
      };
      gint64 finding = cw_workspace_create_finding (workspace, &draft, &error);
      g_assert_no_error (error);
      /* Cited through an evidence item too, the first item the model cites. */
      g_autofree char *reference = g_ascii_strup (model->cites[0], -1);
      CwEvidenceDraft evidence = {
        .audit_id = audit_id,
        .finding_id = finding,
        .kind = CW_EVIDENCE_RECORD,
        .reference = reference,
        .description = "As the case library gave it",
        .sample_size = -1,
      };
      g_assert_cmpint (cw_workspace_add_evidence (workspace, &evidence, &error), >, 0);
      g_assert_no_error (error);
    }
  cw_test_issue_audit (workspace, audit_id);
}

static void
test_full_marks (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (bundled_cases); c++)
    {
      g_autofree char *dir = cw_test_make_dir ();
      g_autoptr (CwCaseStudy) study = NULL;
      g_autoptr (CwWorkspace) workspace = start (dir, bundled_cases[c], &study);
      g_assert_cmpuint (study->kase->findings->len, >=, 12);
      audit_as_model (workspace, study, NULL, NULL);

      g_autoptr (GError) error = NULL;
      g_autoptr (CwDebrief) debrief = cw_case_debrief (workspace, study->audit_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MATCHED], ==, study->kase->findings->len);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_GRADED_DIFFERENTLY], ==, 0);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MISSED], ==, 0);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED], ==, 0);
      g_assert_cmpfloat (debrief->coverage, ==, 100.0);
      g_assert_cmpfloat (debrief->grading, ==, 100.0);
      g_assert_cmpfloat (debrief->statements, ==, 100.0);
      g_assert_cmpfloat (debrief->citing, ==, 100.0);
      g_assert_cmpfloat (debrief->sampling_score, ==, 100.0);
      g_assert_cmpfloat (debrief->overall, ==, 100.0);
      for (guint i = 0; i < debrief->rows->len; i++)
        {
          CwDebriefRow *row = g_ptr_array_index (debrief->rows, i);
          g_assert_cmpuint (row->hints->len, ==, 0);
          /* Every item the model cites is named by the model's own evidence
           * text or the evidence item; at least one always is. */
          g_assert_nonnull (row->model_items_cited[0]);
        }
      for (guint i = 0; i < debrief->sampling->len; i++)
        {
          CwDebriefSampling *sampling = g_ptr_array_index (debrief->sampling, i);
          g_assert_cmpuint (sampling->handed_out, >=, sampling->sample->at_least);
          g_assert_null (sampling->model_records_not_seen[0]);
        }
      g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_assert_true (cw_workspace_check (workspace, problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* The first model finding of `grade` not in `not`, or NULL. */
static const CwModelFinding *
first_of_grade (CwCase *kase, CwGrade grade, const char *const *not)
{
  for (guint m = 0; m < kase->findings->len; m++)
    {
      const CwModelFinding *model = g_ptr_array_index (kase->findings, m);
      if (model->grade == grade && (not == NULL || !g_strv_contains (not, model->id)))
        return model;
    }
  return NULL;
}

static void
test_missed_and_over_graded (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (bundled_cases); c++)
    {
      g_autofree char *dir = cw_test_make_dir ();
      g_autoptr (CwCaseStudy) study = NULL;
      g_autoptr (CwWorkspace) workspace = start (dir, bundled_cases[c], &study);
      CwCase *kase = study->kase;
      const CwModelFinding *major = first_of_grade (kase, CW_GRADE_MAJOR, NULL);
      const CwModelFinding *observation = first_of_grade (kase, CW_GRADE_OBSERVATION, NULL);
      g_assert_nonnull (major);
      g_assert_nonnull (observation);
      const char *skip[] = { major->id, observation->id, NULL };
      const CwModelFinding *minor = first_of_grade (kase, CW_GRADE_MINOR, skip);
      audit_as_model (workspace, study, skip, minor->id);

      g_autoptr (GError) error = NULL;
      g_autoptr (CwDebrief) debrief = cw_case_debrief (workspace, study->audit_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MATCHED], ==, kase->findings->len - 3);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_GRADED_DIFFERENTLY], ==, 1);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MISSED], ==, 2);
      g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED], ==, 0);
      for (guint i = 0; i < debrief->rows->len; i++)
        {
          CwDebriefRow *row = g_ptr_array_index (debrief->rows, i);
          /* The debrief reads the case again: compare ids. */
          const char *id = row->model->id;
          if (g_str_equal (id, major->id) || g_str_equal (id, observation->id))
            {
              g_assert_cmpint (row->outcome, ==, CW_DEBRIEF_MISSED);
              g_assert_null (row->finding);
            }
          else if (g_str_equal (id, minor->id))
            {
              g_assert_cmpint (row->outcome, ==, CW_DEBRIEF_GRADED_DIFFERENTLY);
              g_assert_cmpint (cw_finding_get_grade (row->finding), ==, CW_GRADE_MAJOR);
            }
          else
            g_assert_cmpint (row->outcome, ==, CW_DEBRIEF_MATCHED);
        }
      /* Missing a major (3) and an observation (1) of the whole weight. */
      double all = 0;
      for (guint m = 0; m < kase->findings->len; m++)
        {
          CwGrade grade = ((CwModelFinding *) g_ptr_array_index (kase->findings, m))->grade;
          all += grade == CW_GRADE_MAJOR ? 3 : grade == CW_GRADE_MINOR ? 2 : 1;
        }
      g_assert_cmpfloat_with_epsilon (debrief->coverage, 100.0 * (all - 4) / all, 1e-9);
      g_assert_cmpfloat_with_epsilon (debrief->grading, 100.0 * (all - 6) / (all - 4), 1e-9);
      g_assert_cmpfloat (debrief->overall, <, 100.0);
      g_assert_cmpfloat (debrief->evidence, ==, 100.0);

      /* The CSV says the same, row by row. */
      g_autofree char *csv = cw_debrief_to_csv (debrief);
      g_autofree char *missed = g_strdup_printf ("missed,%s,%s,major", major->id, major->clause);
      cw_test_assert_contains (csv, missed);
      g_autofree char *graded
        = g_strdup_printf ("graded-differently,%s,%s,minor,NC-", minor->id, minor->clause);
      cw_test_assert_contains (csv, graded);
      cw_test_assert_contains (csv, "score,overall,");
    }
}

/* A second finding on a clause the model has one on, and one that cites
 * nothing of the case: neither is supported by the case. */
static void
test_unsupported (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwCaseStudy) study = NULL;
  g_autoptr (CwWorkspace) workspace = start (dir, "harbourside-desk", &study);
  const CwModelFinding *first = g_ptr_array_index (study->kase->findings, 0);
  g_autoptr (GError) error = NULL;
  CwFindingDraft extra = {
    .audit_id = study->audit_id,
    .clause = first->clause,
    .grade = CW_GRADE_OFI,
    .requirement = "Clause 8.6.3 of ISO/IEC 20000-1:2018 asks for problems to be managed.",
    .evidence = "The desk could keep its fixes in one place.",
    .statement = "The fixes for repeated incidents could be kept together.",
  };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &extra, &error), >, 0);
  g_assert_no_error (error);
  audit_as_model (workspace, study, NULL, NULL);

  g_autoptr (CwDebrief) debrief = cw_case_debrief (workspace, study->audit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MATCHED], ==, study->kase->findings->len);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED], ==, 1);
  CwDebriefRow *last = g_ptr_array_index (debrief->rows, debrief->rows->len - 1);
  g_assert_cmpint (last->outcome, ==, CW_DEBRIEF_UNSUPPORTED);
  g_assert_null (last->model);
  g_assert_cmpint (cw_finding_get_grade (last->finding), ==, CW_GRADE_OFI);
  g_assert_cmpfloat (debrief->coverage, ==, 100.0);
  g_assert_cmpfloat_with_epsilon (debrief->citing,
                                  100.0 * study->kase->findings->len
                                    / (study->kase->findings->len + 1),
                                  1e-9);
  g_assert_cmpfloat (debrief->overall, <, 100.0);
}

static void
test_library (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwCaseStudy) study = NULL;
  g_autoptr (CwWorkspace) workspace = start (dir, "harbourside-desk", &study);
  g_autoptr (GError) error = NULL;

  /* Filled in from the case: organisation, people, documents, the audit. */
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_assert_cmpstr (organisation->name, ==, study->kase->organisation);
  g_autoptr (GPtrArray) people = cw_workspace_list_people (workspace, &error);
  g_assert_cmpuint (people->len, ==, study->kase->people->len);
  CwRegisterEntry *policy = cw_workspace_find_register_entry (workspace, "hd-doc-policy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (policy->version, ==, "2.0");
  cw_register_entry_free (policy);
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, study->audit_id, &error);
  g_assert_cmpstr (cw_audit_get_lead_auditor (audit), ==, "Sam Trainee");
  g_assert_true (cw_audit_covers (audit, "8.6.3"));
  g_assert_cmpstr (study->trainee, ==, "Sam Trainee");

  /* "8.6" reaches what bears on 8.6.1 and 8.6.3, and nothing on 9.2 alone. */
  g_autoptr (GPtrArray) library
    = cw_case_library (workspace, study, study->audit_id, "8.6", &error);
  g_assert_no_error (error);
  gboolean procedure = FALSE, tickets = FALSE;
  for (guint i = 0; i < library->len; i++)
    {
      CwLibraryEntry *entry = g_ptr_array_index (library, i);
      if (entry->kind == CW_LIBRARY_POPULATION)
        {
          tickets |= g_str_equal (entry->population->id, "hd-pop-incidents");
          g_assert_cmpuint (entry->handed_out->len, ==, 0);
        }
      else
        {
          procedure |= g_str_equal (entry->item->id, "hd-doc-incident");
          g_assert_false (g_str_equal (entry->item->id, "hd-doc-audit-prog"));
        }
    }
  g_assert_true (procedure && tickets);
  g_assert_null (cw_case_library (workspace, study, study->audit_id, "42.1", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An unknown id or a document refuses the whole request. */
  const char *path = cw_workspace_get_path (workspace);
  const char *mixed[] = { "inc-26-0412", "inc-99-9999", "hd-doc-plan", NULL };
  g_assert_null (cw_case_hand_out (workspace, study, study->audit_id, mixed, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  cw_test_assert_contains (error->message, "inc-99-9999, hd-doc-plan");
  g_clear_error (&error);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM case_handout"), ==, 0);

  /* Asking twice hands the record out once. */
  const char *one[] = { "INC-26-0412", NULL };
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (GPtrArray) handed
        = cw_case_hand_out (workspace, study, study->audit_id, one, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (handed->len, ==, 1);
      g_assert_cmpstr (((CwCaseItem *) g_ptr_array_index (handed, 0))->id, ==, "inc-26-0412");
    }
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM case_handout"), ==, 1);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"
                                          " WHERE field = 'case-record-handed-out'"),
                   ==, 1);
  g_autoptr (GPtrArray) again = cw_case_library (workspace, study, study->audit_id, "8.6.3", &error);
  for (guint i = 0; i < again->len; i++)
    {
      CwLibraryEntry *entry = g_ptr_array_index (again, i);
      if (entry->kind == CW_LIBRARY_POPULATION)
        g_assert_cmpuint (entry->handed_out->len, ==, 1);
    }

  /* No debrief before the issue; no records after it. */
  g_assert_null (cw_case_debrief (workspace, study->audit_id, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "issue the report first");
  g_clear_error (&error);
  CwClause *clause = cw_catalogue_lookup_clause (cw_workspace_get_catalogue (workspace), "8.6.3");
  CwQuestion *question = g_ptr_array_index (cw_clause_get_questions (clause), 0);
  g_assert_true (cw_workspace_answer (workspace, study->audit_id, cw_question_get_id (question),
                                      CW_RESULT_CONFORMING, NULL, &error));
  g_assert_no_error (error);
  cw_test_issue_audit (workspace, study->audit_id);
  g_autofree char *kept = g_strdup (path);
  g_clear_object (&workspace);
  g_autoptr (GBytes) before = cw_test_read (kept);
  workspace = cw_workspace_open (kept, &error);
  g_assert_no_error (error);
  const char *late[] = { "inc-26-0931", NULL };
  g_assert_null (cw_case_hand_out (workspace, study, study->audit_id, late, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&workspace);
  cw_test_assert_untouched (kept, before);
  workspace = cw_workspace_open (kept, &error);
  g_assert_no_error (error);
  g_autoptr (CwDebrief) debrief = cw_case_debrief (workspace, study->audit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MISSED], ==, study->kase->findings->len);
  g_assert_cmpfloat (debrief->overall, <, 10.0);
}

static void
test_start_refused (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "case.clausewise");
  g_autoptr (GError) error = NULL;

  g_assert_null (cw_case_start (path, NULL, NULL, "no-such-case", "Sam", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  cw_test_assert_contains (error->message, "case list");
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_null (cw_case_start (path, NULL, NULL, "harbourside-desk", "  ", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A hostile pack is refused by the pack reader, before any file exists. */
  const char *laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">"
                       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<p>&b;</p>\n";
  g_autoptr (GBytes) hostile = g_bytes_new_static (laughs, strlen (laughs));
  g_assert_null (cw_case_start (path, hostile, "laughs.xml", "harbourside-desk", "Sam", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A pack of ours without that case. */
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "packs", "case.xml", NULL);
  g_autoptr (GBytes) tiny = cw_test_read (fixture);
  g_autoptr (CwWorkspace) workspace
    = cw_case_start (path, tiny, fixture, "tiny-desk", "Sam", &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  /* An existing file is never replaced. */
  g_autoptr (GBytes) before = cw_test_read (path);
  g_assert_null (cw_case_start (path, NULL, NULL, "harbourside-desk", "Sam", &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  cw_test_assert_untouched (path, before);

  /* An organisation's workspace is not a case's. */
  g_autofree char *plain = cw_test_path (dir, "plain.clausewise");
  g_autoptr (CwWorkspace) organisation = cw_workspace_create (plain, "Real Ltd", &error);
  g_assert_false (cw_workspace_is_case_study (organisation));
  g_assert_null (cw_case_study_load (organisation, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/case-audit/full-marks", test_full_marks);
  g_test_add_func ("/core/case-audit/missed-and-over-graded", test_missed_and_over_graded);
  g_test_add_func ("/core/case-audit/unsupported", test_unsupported);
  g_test_add_func ("/core/case-audit/library", test_library);
  g_test_add_func ("/core/case-audit/start-refused", test_start_refused);
  return g_test_run ();
}
