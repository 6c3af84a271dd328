/* test-report-debrief.c: the debrief of a case audit as its readers get
 * it. A trainee audits the bundled case "harbourside-desk": records asked
 * for, a question answered, three findings raised (one matching a model
 * finding, one graded otherwise, one no model finding supports), the
 * meetings held and the report issued. The debrief PDF, made through the
 * core and through `clausewise-cli report debrief`, is read back with
 * poppler: headings, the trainee, a model finding's statement beside the
 * trainee's, the outcomes, the sampling, a date from the issue; and it is
 * refused, with the core's message, before the report is issued. */
#include "config.h"

#include <string.h>

#include "cw-audit.h"
#include "cw-case-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-report.h"
#include "cw-test-util.h"

#define TRAINEE "Morwenna Tregear"
/* The statement of model finding hd-f02, which the trainee misses. */
#define MISSED_STATEMENT                                                                           \
  "The P1 of 12 August went without the documented review and customer report that the "           \
  "procedure requires for every P1."
/* The trainee's own statement of the major on problem management. */
#define TRAINEE_STATEMENT                                                                          \
  "No problem record has been raised for the repeated VPN incidents at Saltmarsh Dental Group."

/* A poppler tool: guaranteed by build-aux/setup-deps, so a missing one
 * fails the test rather than skipping it. */
static char *
tool (const char *name, const char *const *args)
{
  g_autofree char *program = g_find_program_in_path (name);
  if (program == NULL)
    g_error ("%s is not installed; run build-aux/setup-deps", name);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **)args);
  g_auto (GStrv) argv = g_strv_builder_end (builder);
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_spawn ((const char *const *)argv, &out, &err);
  if (status != 0)
    g_error ("%s exited %d: %s%s", name, status, out, err);
  return out;
}

/* Every run of white space made one space: lines wrap differently from
 * the source, the words do not. */
static char *
normalise (const char *text)
{
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        space = TRUE;
      else
        {
          if (space && result->len > 0)
            g_string_append_c (result, ' ');
          space = FALSE;
          g_string_append_c (result, *p);
        }
    }
  return g_string_free (result, FALSE);
}

/* The body text without the running header and footer, so that a cell
 * broken across pages reads as one. */
static char *
body_text (const char *pdf)
{
  g_autofree char *raw
      = tool ("pdftotext", ARGS ("-x", "0", "-y", "56", "-W", "612", "-H", "728", pdf, "-"));
  return normalise (raw);
}

/* One field of pdfinfo's output, without the padding. */
static char *
info_field (const char *info, const char *field)
{
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo shows no %s", field);
}

static void
assert_in_text (const char *text, const char *needle)
{
  g_autofree char *wanted = normalise (needle);
  if (strstr (text, wanted) == NULL)
    g_error ("expected “%s” in the PDF text", wanted);
}

typedef struct
{
  char *dir;
  char *path;
  CwWorkspace *workspace;
  CwCaseStudy *study;
  gint64 audit;
} Case;

static void
case_free (Case *c)
{
  g_clear_pointer (&c->study, cw_case_study_free);
  g_clear_object (&c->workspace);
  g_free (c->path);
  g_free (c->dir);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Case, case_free)

static void
raise_finding (Case *c, const char *clause, CwGrade grade, const char *requirement,
               const char *evidence, const char *statement, const char *reason)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = c->audit,
    .clause = clause,
    .grade = grade,
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .grade_reason = reason,
  };
  g_assert_cmpint (cw_workspace_create_finding (c->workspace, &draft, &error), >, 0);
  g_assert_no_error (error);
}

/* The case audit run up to the issue of its report, not issued yet. */
static Case *
run_case (void)
{
  g_autoptr (Case) c = g_new0 (Case, 1);
  c->dir = cw_test_make_dir ();
  c->path = cw_test_path (c->dir, "harbourside.clausewise");
  g_autoptr (GError) error = NULL;
  c->workspace = cw_case_start (c->path, NULL, NULL, "harbourside-desk", TRAINEE, &error);
  g_assert_no_error (error);
  c->study = cw_case_study_load (c->workspace, &error);
  g_assert_no_error (error);
  c->audit = c->study->audit_id;
  g_assert_cmpint (c->audit, >, 0);

  /* Records named from the populations' listings, as an auditor asks. */
  const char *const wanted[] = { "INC-26-0412", "INC-26-0931", "INC-26-1420", "TR-019", NULL };
  g_autoptr (GPtrArray) handed
      = cw_case_hand_out (c->workspace, c->study, c->audit, wanted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (handed->len, ==, 4);

  g_assert_true (cw_workspace_answer (c->workspace, c->audit, "8.6.1.q1", CW_RESULT_CONFORMING,
                                      "P1 tickets answered within 15 minutes.", &error));
  g_assert_no_error (error);

  /* Matched: the model grades problem management a major too. */
  raise_finding (
      c, "8.6.3", CW_GRADE_MAJOR,
      "Clause 8.6.3 and procedure INC-PRO-01 v3.0 require a problem record for incidents that "
      "recur three times at one customer within 30 days.",
      "INC-26-0412, INC-26-0931 and INC-26-1420 are repeated VPN incidents at Saltmarsh "
      "Dental Group with no problem reference; corrective action CA-26-07 is still open.",
      TRAINEE_STATEMENT, "The process has not run at all since January: no problem log exists.");
  /* Graded differently: the model calls it a minor. */
  raise_finding (
      c, "7.2", CW_GRADE_MAJOR,
      "Procedure HR-PRO-02 v1.3 requires security awareness training before an analyst works "
      "unsupervised.",
      "Training record TR-019 shows no security awareness certificate; the rota shows the "
      "analyst alone on the late shift from 7 September.",
      "An analyst worked unsupervised without the training the procedure requires first.",
      "An analyst without the training handled customers' incidents alone.");
  /* Unsupported: the second finding on a clause whose model finding is
   * already paired. */
  raise_finding (c, "8.6.3", CW_GRADE_OFI, NULL, "Knowledge articles are undated Word files.",
                 "Dating knowledge articles would show which fixes are current.", NULL);
  return g_steal_pointer (&c);
}

static void
issue (Case *c)
{
  g_autoptr (GError) error = NULL;
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  CwMeetingRecord meeting = { day, TRAINEE "\nPriya Nandakumar, quality lead" };
  g_assert_true (cw_workspace_record_meeting (c->workspace, c->audit, CW_MEETING_OPENING, &meeting,
                                              &today, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_record_meeting (c->workspace, c->audit, CW_MEETING_CLOSING, &meeting,
                                              &today, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_issue_audit (c->workspace, c->audit, &today, &error));
  g_assert_no_error (error);
}

static void
assert_debrief_text (const char *pdf)
{
  g_autofree char *text = body_text (pdf);
  /* The cover's kicker is set in capitals; the title is the document's. */
  assert_in_text (text, "CASE AUDIT DEBRIEF");
  g_autofree char *info = tool ("pdfinfo", ARGS (pdf));
  g_autofree char *title = info_field (info, "Title");
  g_assert_cmpstr (title, ==, "Case audit debrief");
  assert_in_text (text, "Harbourside Desk: a small service desk one year into its SMS");
  assert_in_text (text, TRAINEE);
  assert_in_text (text, "Score by part");
  assert_in_text (text, "Findings beside the model findings");
  assert_in_text (text, "Sampling");
  assert_in_text (text, "Incident tickets, January to October 2026");
  assert_in_text (text, MISSED_STATEMENT);
  assert_in_text (text, TRAINEE_STATEMENT);
  for (int o = CW_DEBRIEF_MATCHED; o <= CW_DEBRIEF_UNSUPPORTED; o++)
    assert_in_text (text, cw_debrief_outcome_label (o));
}

static void
test_pdf (void)
{
  g_autoptr (Case) c = run_case ();
  g_autofree char *pdf = cw_test_path (c->dir, "debrief.pdf");

  /* Before the issue: the core's refusal, word for word, and no file. */
  g_autoptr (GError) core_error = NULL;
  g_assert_null (cw_case_debrief (c->workspace, c->audit, &core_error));
  g_assert_error (core_error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_autoptr (GError) error = NULL;
  g_assert_null (cw_report_new_debrief (c->workspace, c->audit, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, core_error->message);
  g_clear_error (&error);

  issue (c);
  g_autoptr (CwDebrief) debrief = cw_case_debrief (c->workspace, c->audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MATCHED], ==, 1);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_GRADED_DIFFERENTLY], ==, 1);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED], ==, 1);
  g_assert_cmpuint (debrief->n_outcome[CW_DEBRIEF_MISSED], ==, 12);

  g_autoptr (CwReport) report = cw_report_new_debrief (c->workspace, c->audit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_report_get_title (report), ==, "Case audit debrief");
  g_assert_true (cw_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_debrief_text (pdf);

  g_autofree char *info = tool ("pdfinfo", ARGS ("-isodates", pdf));
  g_autofree char *tagged = info_field (info, "Tagged");
  g_assert_cmpstr (tagged, ==, "yes");
  g_autofree char *author = info_field (info, "Author");
  g_assert_cmpstr (author, ==, TRAINEE);
  /* Dated from the issue, not the clock: the same issue, the same bytes. */
  g_autofree char *issued = g_strdup_printf ("%.10sT00:00:00", debrief->issued_on);
  g_autofree char *created = info_field (info, "CreationDate");
  g_assert_true (g_str_has_prefix (created, issued));
  g_autofree char *again = cw_test_path (c->dir, "again.pdf");
  g_usleep (G_USEC_PER_SEC + 10000);
  g_assert_true (cw_report_write_pdf (report, again, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_autoptr (GBytes) first = cw_test_read (pdf);
  g_autoptr (GBytes) second = cw_test_read (again);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_cli (void)
{
  g_autoptr (Case) c = run_case ();
  g_autofree char *pdf = cw_test_path (c->dir, "debrief.pdf");
  g_autofree char *audit = g_strdup_printf ("%" G_GINT64_FORMAT, c->audit);

  g_autoptr (GError) core_error = NULL;
  g_assert_null (cw_case_debrief (c->workspace, c->audit, &core_error));
  cw_test_cli_error (ARGS ("report", "debrief", c->path, audit, "-o", pdf), CLI_BAD_INPUT,
                     core_error->message);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  issue (c);
  g_clear_object (&c->workspace);
  g_free (cw_test_cli_ok (ARGS ("report", "debrief", c->path, audit, "-o", pdf)));
  assert_debrief_text (pdf);
  g_autofree char *info = tool ("pdfinfo", ARGS (pdf));
  g_autofree char *size = info_field (info, "Page size");
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");

  g_autofree char *letter = cw_test_path (c->dir, "letter.pdf");
  g_free (cw_test_cli_ok (
      ARGS ("report", "debrief", c->path, audit, "-o", letter, "--paper", "letter")));
  g_autofree char *letter_info = tool ("pdfinfo", ARGS (letter));
  g_autofree char *letter_size = info_field (letter_info, "Page size");
  g_assert_cmpstr (letter_size, ==, "612 x 792 pts (letter)");
  assert_debrief_text (letter);

  /* Always dated from the issue: there is no --reproducible to ask for. */
  cw_test_cli_error (ARGS ("report", "debrief", c->path, audit, "-o", pdf, "--reproducible"),
                     CLI_USAGE, "--reproducible");
  cw_test_cli_error (ARGS ("report", "debrief", c->path, "99", "-o", pdf), CLI_BAD_INPUT, NULL);

  /* A workspace that is no case's has nothing to debrief. */
  g_autofree char *plain = cw_test_path (c->dir, "plain.clausewise");
  g_free (cw_test_cli_ok (ARGS ("demo", plain)));
  g_autofree char *refused = cw_test_path (c->dir, "refused.pdf");
  cw_test_cli_error (ARGS ("report", "debrief", plain, "1", "-o", refused), CLI_BAD_INPUT, NULL);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/debrief/pdf", test_pdf);
  g_test_add_func ("/report/debrief/cli", test_cli);
  return g_test_run ();
}
