/* test-report.c: the PDF reports as their readers get them. Each case writes
 * a report with the real clausewise-cw_test_cli (or the core API the window uses) and
 * reads it back with the poppler tools and qpdf: page count and title, every
 * finding's text and every clause in scope, embedded fonts, a clean file,
 * bookmarks, "Page X of Y", reproducible bytes, and safe failure. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-output.h"
#include "cw-report.h"
#include "cw-review.h"
#include "cw-programme.h"
#include "cw-test-util.h"

static void
cli_ok (const char *const *args)
{
  g_autofree char *err = NULL;
  int status = cw_test_cli (args, NULL, &err);
  if (status != 0)
    g_error ("clausewise-cli %s … exited %d: %s", args[0], status, err);
  g_assert_cmpstr (err, ==, "");
}

/* PDF text has its line breaks folded: compare with the needle folded too. */
static void
assert_in_text (const char *haystack, const char *needle)
{
  g_autofree char *wanted = cw_test_normalise_space (needle);
  if (strstr (haystack, wanted) == NULL)
    g_error ("expected “%.200s” in the PDF text", wanted);
}

/* The body text, without the running header and footer, so that a
 * paragraph broken across pages reads as one. */
static char *
body_text (const char *pdf)
{
  g_autofree char *raw
      = cw_test_tool ("pdftotext", ARGS ("-x", "0", "-y", "56", "-W", "612", "-H", "734", pdf, "-"), 0);
  return cw_test_normalise_space (raw);
}

static guint
page_count (const char *pdf)
{
  g_autofree char *info = cw_test_tool ("pdfinfo", ARGS (pdf), 0);
  const char *pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "), NULL, 10);
}

static char *
info_field (const char *pdf, const char *field)
{
  g_autofree char *info = cw_test_tool ("pdfinfo", ARGS (pdf), 0);
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo shows no %s", field);
}

static void
assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = cw_test_tool ("pdffonts", ARGS (pdf), 0);
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;
  for (guint i = 2; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* Columns: name type encoding emb sub uni object ID; the type may hold
       * a space ("CID TrueType"), so read "emb" from the right. */
      g_auto (GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr (GPtrArray) fields = g_ptr_array_new ();
      for (guint j = 0; words[j]; j++)
        if (*words[j])
          g_ptr_array_add (fields, words[j]);
      g_assert_cmpuint (fields->len, >=, 7);
      const char *emb = g_ptr_array_index (fields, fields->len - 5);
      if (!g_str_equal (emb, "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
assert_clean (const char *pdf)
{
  g_autofree char *check = cw_test_tool ("qpdf", ARGS ("--check", pdf), 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  g_assert_null (strstr (check, "WARNING"));
}

static void
assert_outline (const char *pdf, const char *title)
{
  g_autofree char *json = cw_test_tool ("qpdf", ARGS ("--json", "--json-key=outlines", pdf), 0);
  g_autofree char *quoted = g_strdup_printf ("\"title\": \"%s", title);
  if (strstr (json, quoted) == NULL)
    g_error ("no bookmark “%s” in:\n%.2000s", title, json);
}

/* A tagged PDF a screen reader can follow: one Document holding headings
 * by level, paragraphs and figures, without the running header. */
static void
assert_tagged (const char *pdf)
{
  g_autofree char *tagged = info_field (pdf, "Tagged");
  g_assert_cmpstr (tagged, ==, "yes");
  g_autofree char *tree = cw_test_tool ("pdfinfo", ARGS ("-struct-text", pdf), 0);
  g_assert_true (g_str_has_prefix (tree, "Document\n"));
  cw_test_assert_contains (tree, "  H1 (block)\n    \"1  Audit details\"");
  cw_test_assert_contains (tree, "  H2 (block)");
  cw_test_assert_contains (tree, "  P (block)");
  cw_test_assert_contains (tree, "\n  Figure\n");
  g_assert_null (strstr (tree, "Page 3 of"));
  /* Tables are tables, with header cells where they have a header. */
  cw_test_assert_contains (tree, "  Table (block)\n    TR\n      TD\n        \"Audit client\"");
  cw_test_assert_contains (tree, "    TR\n      TH\n        \"QUESTION\"");
  /* The whole text of a line, past its "fi" (no ligature cuts it short). */
  cw_test_assert_contains (tree, "\"Confidential. Prepared with Clausewise for the people");
}

/* Every page but the cover says "Page X of Y", with Y the real count. */
static void
assert_page_numbers (const char *pdf)
{
  guint n = page_count (pdf);
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_auto (GStrv) pages = g_strsplit (raw, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", i + 1, n);
      if (strstr (pages[i], expected) == NULL)
        g_error ("page %u does not say “%s”", i + 1, expected);
    }
  g_autofree char *beyond = g_strdup_printf ("Page %u of", n + 1);
  g_assert_null (strstr (raw, beyond));
}

static char *
demo_workspace (const char *dir)
{
  char *path = cw_test_path (dir, "demo.clausewise");
  cli_ok (ARGS ("demo", path));
  return path;
}

/* ---- Internal audit report --------------------------------------------- */

static void
test_audit_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *pdf = cw_test_path (dir, "audit.pdf");
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", pdf));

  g_assert_cmpuint (page_count (pdf), >=, 8);
  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Internal audit report");
  g_autofree char *author = info_field (pdf, "Author");
  g_assert_cmpstr (author, ==, "Fiona Lindqvist");
  g_autofree char *subject = info_field (pdf, "Subject");
  g_assert_true (g_str_has_prefix (subject, "IA-1"));
  g_autofree char *creator = info_field (pdf, "Creator");
  g_assert_true (g_str_has_prefix (creator, "Clausewise"));
  g_autofree char *size = info_field (pdf, "Page size");
  g_assert_nonnull (strstr (size, "(A4)"));

  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, NULL);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 1, NULL);
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, 1, NULL);
  g_assert_cmpuint (findings->len, >, 0);
  g_autofree char *text = body_text (pdf);
  /* Each member of the team with their independence, and the reason
   * recorded where one audits their own area. */
  assert_in_text (text, "INDEPENDENCE OF THE AREAS AUDITED");
  assert_in_text (text, "audits own areas 7.5, 9.2, 10.1: Kestrelbrook has two trained");
  assert_in_text (text, "Margaret Sefton independent of the areas audited");
  assert_in_text (text, "audits own area 8.6.3: Declan Ashworth joined the team");
  /* The confidence and limitations name the samples findings rest on. */
  assert_in_text (text, "NC-3 rests on a sample of 40 of 2186 (2,186 incidents closed Jul-Aug "
                        "2026), drawn at random, with 6 exceptions.");
  assert_in_text (text, "chosen by judgement, with 7 exceptions");
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      assert_in_text (text, cw_finding_get_statement (finding));
      assert_in_text (text, cw_finding_get_evidence (finding));
    }
  GPtrArray *clauses = cw_catalogue_get_clauses (cw_workspace_get_catalogue (workspace));
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (!cw_audit_covers (audit, cw_clause_get_number (clause)))
        continue;
      g_autofree char *entry
          = g_strdup_printf (" %s %s", cw_clause_get_number (clause), cw_clause_get_title (clause));
      assert_in_text (text, entry);
    }
  const char *sections[] = { "Audit details",
                             "Summary of results",
                             "Findings",
                             "Conclusions",
                             "Unresolved diverging opinions",
                             "Sampling",
                             "Distribution",
                             "Sign-off",
                             "Contents",
                             "Objectives",
                             "Criteria",
                             "Lead auditor" };
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_in_text (text, sections[i]);

  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_outline (pdf, "1  Audit details");
  assert_outline (pdf, "8.5.1.3  Change management activities");
  assert_page_numbers (pdf);
  assert_tagged (pdf);
}

/* ---- Nonconformity report ---------------------------------------------- */

static void
test_nc_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *pdf = cw_test_path (dir, "nc.pdf");
  cli_ok (ARGS ("report", "nc", ws, "1", "-o", pdf, "--paper", "letter"));

  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Nonconformity report");
  g_autofree char *size = info_field (pdf, "Page size");
  g_assert_nonnull (strstr (size, "612 x 792"));

  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, NULL);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 1, NULL);
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *text = cw_test_normalise_space (raw);
  guint n_nc = 0;
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *number
          = g_strdup_printf ("NC-%" G_GINT64_FORMAT " %s", cw_finding_get_id (finding),
                             cw_finding_get_clause (finding));
      if (cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
        {
          assert_in_text (text, number);
          g_autofree char *bookmark
              = g_strdup_printf ("NC-%" G_GINT64_FORMAT "  %s ", cw_finding_get_id (finding),
                                 cw_finding_get_clause (finding));
          assert_outline (pdf, bookmark);
          n_nc++;
        }
      else
        g_assert_null (strstr (text, number));
    }
  /* Cover, contents, summary, then at least a page per nonconformity. */
  g_assert_cmpuint (page_count (pdf), >=, 3 + n_nc);
  assert_in_text (text, "Auditee's response to NC-");
  assert_in_text (text, "ROOT CAUSE");
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_page_numbers (pdf);
}

/* ---- Audit plan ----------------------------------------------------------- */

/* The plan sent before the audit: scope, team and schedule, the clauses to be
 * audited, and nothing of the results. */
static void
test_plan_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  cli_ok (ARGS ("audit", "session", ws, "2", "--day", "2026-11-24", "--time", "09:30–11:00",
                "--subject", "8.5.1 Change management", "--auditee", "Tomasz Brennan",
                "--auditor", "Rhys Penhallow"));
  g_autofree char *pdf = cw_test_path (dir, "plan.pdf");
  cli_ok (ARGS ("report", "plan", ws, "2", "-o", pdf));

  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Internal audit plan");
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *text = cw_test_normalise_space (raw);
  assert_in_text (text, "Follow-up audit: change and release management");
  assert_in_text (text, "Objectives, scope and criteria");
  assert_in_text (text, "Schedule of sessions");
  assert_in_text (text, "24 Nov 2026 09:30–");
  assert_in_text (text, "Tomasz Brennan");
  assert_in_text (text, "How the audit runs");
  assert_in_text (text, "8.5.1.3 Change management activities");
  assert_in_text (text, "10.1 Nonconformity and corrective action");
  assert_in_text (text, "IA-2 plan");
  /* The team's independence: neither member is responsible for 8.5 or
   * 10.1. */
  assert_in_text (text, "Margaret Sefton lead auditor independent of the areas audited");
  assert_in_text (text, "Rhys Penhallow independent of the areas audited");
  /* A plan, not a report: no results, no findings, no draft notice. */
  g_assert_null (strstr (text, "NC-"));
  g_assert_null (strstr (text, "Draft"));
  g_assert_null (strstr (text, "8.6.1 "));
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_page_numbers (pdf);

  /* An audit that does not exist says so, and writes nothing. */
  g_autofree char *missing = cw_test_path (dir, "missing.pdf");
  cw_test_cli_error (ARGS ("report", "plan", ws, "99", "-o", missing), CLI_BAD_INPUT, "99");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ---- Audit programme ------------------------------------------------------ */

/* The programme report: its rules, what needs attention first, the matrix,
 * each clause's standing and the audits of the cycle; byte for byte the
 * same with --reproducible. */
static void
test_programme_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *pdf = cw_test_path (dir, "programme.pdf");
  /* No programme yet: the message says how to start one; nothing written. */
  g_autofree char *bare = cw_test_path (dir, "bare.clausewise");
  g_autoptr (CwWorkspace) made = cw_workspace_create (bare, "Example Services Ltd", NULL);
  g_assert_nonnull (made);
  g_clear_object (&made);
  cw_test_cli_error (ARGS ("report", "programme", bare, "-o", pdf), CLI_BAD_INPUT,
                     "programme start");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The demo's programme: a three-year cycle from January 2025. An audit
   * planned for it must lie within the cycle; the one planned then shows
   * in the report. */
  cw_test_cli_error (ARGS ("programme", "plan", ws, "8.6.3", "--start", "2029-03-01"),
                     CLI_BAD_INPUT, "outside the programme's cycle");
  g_autofree char *planned = cw_test_cli_id (ARGS ("programme", "plan", ws, "8.6.3", "--start",
                                                   "2027-03-01", "--lead", "Margaret Sefton"));
  g_assert_cmpstr (planned, ==, "3");
  cli_ok (ARGS ("report", "programme", ws, "-o", pdf, "--reproducible"));
  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Internal audit programme");
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *text = cw_test_normalise_space (raw);
  assert_in_text (text, "How often each clause is audited");
  assert_in_text (text, "every 12 months, one of normal importance every 18 months");
  assert_in_text (text, "What needs attention");
  assert_in_text (text, "Coverage of the cycle");
  assert_in_text (text, "01/2025");
  assert_in_text (text, "10/2027");
  assert_in_text (text, "Where each clause stands");
  assert_in_text (text, "8.5.1.3 Change management activities");
  assert_in_text (text, "Audits of the cycle");
  assert_in_text (text, "Follow-up audit: change and release management");
  assert_in_text (text, "Internal audit of 8.6.3");
  assert_in_text (text, "2 major, 6 minor");
  assert_in_text (text, "Independence of the audit teams");
  assert_in_text (text, "Fiona Lindqvist lead auditor");
  assert_in_text (text, "independent of the areas audited");
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_page_numbers (pdf);

  g_autofree char *again = cw_test_path (dir, "again.pdf");
  cli_ok (ARGS ("report", "programme", ws, "-o", again, "--reproducible"));
  g_autoptr (GBytes) first = cw_test_read (pdf);
  g_autoptr (GBytes) second = cw_test_read (again);
  g_assert_true (g_bytes_equal (first, second));
}

/* The readiness report shows the core's states and reasons, as the CLI
 * prints them, and the register's gaps before what is in order; a gap
 * closed in the register leaves the report. */
static void
test_readiness_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *pdf = cw_test_path (dir, "readiness.pdf");
  cli_ok (ARGS ("report", "readiness", ws, "-o", pdf, "--reproducible"));
  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Certification readiness");
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *text = cw_test_normalise_space (raw);
  /* The demo lacks one mandatory document: red, with the core's reason. */
  assert_in_text (text, "Required documented information approved and current Red "
                        "1 of 32 required items is missing from the register");
  assert_in_text (text, "8.3.4.2 document");
  assert_in_text (text, "12 April 2027");
  assert_in_text (text, "Fernhollow Certification Services Ltd");
  /* Gaps first: the first missing item comes before the first approved. */
  const char *expects = strstr (text, "What the catalogue expects");
  g_assert_nonnull (expects);
  const char *missing = strstr (expects, "Missing");
  const char *approved = strstr (expects, "Approved");
  g_assert_nonnull (missing);
  g_assert_nonnull (approved);
  g_assert_true (missing < approved);
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_page_numbers (pdf);
  g_autofree char *tagged = info_field (pdf, "Tagged");
  g_assert_cmpstr (tagged, ==, "yes");

  /* The missing design document is written and approved: the criterion
   * no longer names it. */
  g_free (cw_test_cli_ok (ARGS ("docs", "add", ws, "DES-01", "--title", "Service design",
                                "--kind", "document", "--clauses", "8.3.4.2", "--version", "1",
                                "--owner", "Service manager", "--approved-on", "2026-10-01",
                                "--review-due", "2027-10-01", "--status", "approved")));
  cli_ok (ARGS ("report", "readiness", ws, "-o", pdf, "--reproducible"));
  g_autofree char *raw_after = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *after = cw_test_normalise_space (raw_after);
  g_assert_null (strstr (after, "8.3.4.2 document"));
  assert_in_text (after, "DES-01 Service design");
}

/* A clause never audited past its due date is named first, as overdue. */
static void
test_programme_overdue (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "overdue.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (ws, "Example Services Ltd", &error);
  g_assert_no_error (error);
  GDate start;
  cw_date_local_today (&start);
  g_date_subtract_months (&start, 20);
  g_autofree char *from = cw_date_to_string (&start);
  g_assert_true (cw_workspace_start_programme (workspace, from, 3, &error));
  g_assert_no_error (error);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (CwReport) report = cw_report_new_programme (workspace, &today, &error);
  g_assert_no_error (error);
  g_autofree char *pdf = cw_test_path (dir, "overdue.pdf");
  g_assert_true (cw_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_autofree char *text = cw_test_normalise_space (raw);
  assert_in_text (text, "4.1 Understanding the organization and its context");
  /* The section itself, past its line in the contents. */
  const char *section = strstr (strstr (text, "What needs attention") + 1, "What needs attention");
  g_assert_nonnull (section);
  g_autofree char *attention = g_strndup (section, 400);
  g_assert_nonnull (strstr (attention, "Overdue"));
  assert_in_text (text, "No audit is planned or held in the cycle yet.");
}

/* ---- Byte for byte ------------------------------------------------------ */

static void
test_reproducible (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *first = cw_test_path (dir, "first.pdf");
  g_autofree char *second = cw_test_path (dir, "second.pdf");
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", first, "--reproducible"));
  g_usleep (1100 * 1000); /* a clock-dated PDF would now differ */
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", second, "--reproducible"));
  g_autoptr (GBytes) a = cw_test_read (first);
  g_autoptr (GBytes) b = cw_test_read (second);
  g_assert_true (g_bytes_equal (a, b));

  cli_ok (ARGS ("report", "nc", ws, "1", "-o", first, "--reproducible"));
  cli_ok (ARGS ("report", "nc", ws, "1", "-o", second, "--reproducible"));
  g_autoptr (GBytes) c = cw_test_read (first);
  g_autoptr (GBytes) d = cw_test_read (second);
  g_assert_true (g_bytes_equal (c, d));
}

/* ---- Failing safely ----------------------------------------------------- */

static void
expect_refusal (const char *const *args, int status, const char *mention)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (args, &out, &err), ==, status);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "clausewise-cli: "));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_true (strchr (err, '\n')[1] == '\0');
  if (strstr (err, mention) == NULL)
    g_error ("expected “%s” in: %s", mention, err);
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_refusals (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *file = cw_test_path (dir, "plain-file");
  cw_test_write (file, "x", 1);
  g_autofree char *under_file = g_build_filename (file, "out.pdf", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-dir", "out.pdf", NULL);
  g_autofree char *subdir = cw_test_path (dir, "a-folder");
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);

  guint before = count_entries (dir);
  expect_refusal (ARGS ("report", "audit", ws, "1", "-o", missing_dir), 1, "no-such-dir");
  expect_refusal (ARGS ("report", "audit", ws, "1", "-o", under_file), 1, "Could not write");
  /* A folder in the way: refused before anything is written. */
  expect_refusal (ARGS ("report", "audit", ws, "1", "-o", subdir), 1, "a-folder");
  g_assert_cmpuint (count_entries (dir), ==, before);
  g_assert_cmpuint (count_entries (subdir), ==, 0);

  /* A good report is never replaced by a failed one. */
  g_autofree char *good = cw_test_path (dir, "good.pdf");
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", good));
  g_autoptr (GBytes) good_bytes = cw_test_read (good);
  before = count_entries (dir);
  expect_refusal (ARGS ("report", "audit", ws, "99", "-o", good), 1, "99");
  expect_refusal (ARGS ("report", "nc", ws, "x", "-o", good), 1, "x");
  g_autoptr (GBytes) after = cw_test_read (good);
  g_assert_true (g_bytes_equal (good_bytes, after));
  g_assert_cmpuint (count_entries (dir), ==, before);

  expect_refusal (ARGS ("report", "audit", ws, "1"), 2, "-o");
  expect_refusal (ARGS ("report", "audit", ws, "1", "-o", good, "--paper", "a3"), 2, "a3");
  expect_refusal (ARGS ("report", "audit", ws, "-o", good), 2, "WORKSPACE AUDIT");
  expect_refusal (ARGS ("report"), 2, "audit");
}

/* ---- Non-Latin text and long flows -------------------------------------- */

static const char *const languages[] = {
  "Änderungsantrag RFC-7 wurde ohne Freigabe umgesetzt; die Prüfung ergab Mängel (Größe, Maß).",
  "Zgłoszenie zmiany nie zostało zatwierdzone; żółć, gęś, jaźń, źródło, łódź.",
  "Η αλλαγή εφαρμόστηκε χωρίς έγκριση· ο ελεγκτής κατέγραψε την απόκλιση.",
};

static gint64
fixture_audit (CwWorkspace *workspace, const char *title)
{
  const char *scope[] = { "8.5", "8.6", NULL };
  CwAuditDraft draft = {
    .title = title,
    .objectives = "Zielsetzung: Änderungen prüfen. Cel: sprawdzić zmiany. Στόχος: έλεγχος.",
    .criteria = "ISO/IEC 20000-1:2018, 8.5 und 8.6",
    .scope = scope,
    .planned_start = "2026-03-02",
    .planned_end = "2026-03-04",
    .lead_auditor = "Łucja Wiśniewska",
    .team = "Jürgen Weiß\nΝίκος Παπαδόπουλος",
    .auditees = "Zoë Ångström",
  };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_audit (workspace, &draft, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_non_latin (void)
{
  g_autoptr (GString) row = g_string_new (NULL);
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (row, "Sample %u: RFC-%u checked.\n", i, 5000 + i);
  const char *long_row = row->str;
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "intl.clausewise");
  g_autofree char *pdf = cw_test_path (dir, "intl.pdf");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_create (ws, "Müller & Søn Sp. z o.o.", &error);
    g_assert_no_error (error);
    gint64 audit = fixture_audit (workspace, "Audit Änderungen / Zmiany / Αλλαγές");
    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      {
        CwFindingDraft draft
            = { audit, "8.5.1.3", CW_GRADE_MINOR, languages[i], languages[i], languages[i] };
        g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
        g_assert_no_error (error);
      }
    CwEvidenceDraft sample = { .audit_id = audit,
                               .kind = CW_EVIDENCE_RECORD,
                               .reference = "RFC-2026-Q1",
                               .description = long_row,
                               .population = "Wszystkie zmiany / alle Änderungen",
                               .sample_size = 25 };
    g_assert_cmpint (cw_workspace_add_evidence (workspace, &sample, &error), >, 0);
    g_assert_no_error (error);
  }
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", pdf));
  g_autofree char *text = body_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    assert_in_text (text, languages[i]);
  /* A table row longer than a page continues on the next, line by line;
   * its cells sit beside each other, so each sentence is checked alone. */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Sample %u: RFC-%u checked.", i, 5000 + i);
      assert_in_text (text, sentence);
    }
  assert_in_text (text, "Łucja Wiśniewska");
  assert_in_text (text, "Νίκος Παπαδόπουλος");
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  g_autofree char *nc = cw_test_path (dir, "intl-nc.pdf");
  cli_ok (ARGS ("report", "nc", ws, "1", "-o", nc));
  g_autofree char *nc_text = body_text (nc);
  assert_in_text (nc_text, languages[2]);
}

/* A thousand findings, some far longer than a page: each statement must be
 * there whole, whatever page breaks fall inside it. */
static void
test_thousand_findings (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "big.clausewise");
  g_autofree char *pdf = cw_test_path (dir, "big.pdf");
  g_autoptr (GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_create (ws, "Bulk Ltd", &error);
    g_assert_no_error (error);
    gint64 audit = fixture_audit (workspace, "Bulk audit");
    const char *clauses[] = { "8.5.1.1", "8.5.1.3", "8.6.1", "8.6.3" };
    g_assert_true (cw_workspace_begin_batch (workspace, &error));
    for (guint i = 0; i < 1000; i++)
      {
        g_autoptr (GString) statement = g_string_new (NULL);
        /* Two statements run over several pages, within the cap on a text. */
        guint repeats = i % 250 == 7 ? 220 : 1 + i % 5;
        for (guint r = 0; r < repeats; r++)
          g_string_append_printf (statement,
                                  "Statement %04u part %u: record REC-%u was not "
                                  "approved before it was implemented. ",
                                  i, r, i * 13 + r);
        CwFindingDraft draft = {
          audit,         clauses[i % 4], (CwGrade)(i % 4), "Requirement text.", "Evidence text.",
          statement->str
        };
        g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
        g_ptr_array_add (statements, g_string_free (g_steal_pointer (&statement), FALSE));
      }
    g_assert_true (cw_workspace_end_batch (workspace, TRUE, &error));
  }
  cli_ok (ARGS ("report", "audit", ws, "1", "-o", pdf));
  g_autofree char *text = body_text (pdf);
  for (guint i = 0; i < statements->len; i++)
    assert_in_text (text, g_ptr_array_index (statements, i));
  assert_page_numbers (pdf);
  assert_clean (pdf);
}

/* ---- Contents a certification body asks for, and clean pages ----------- */

/* Every heading of a report, from its bookmarks. */
static GPtrArray *
outline_titles (const char *pdf)
{
  g_autofree char *json = cw_test_tool ("qpdf", ARGS ("--json", "--json-key=outlines", pdf), 0);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  const char *key = "\"title\": \"";
  for (const char *p = json; (p = strstr (p, key)) != NULL;)
    {
      p += strlen (key);
      GString *title = g_string_new (NULL);
      for (; *p && *p != '"'; p++)
        {
          if (*p == '\\' && p[1])
            p++;
          g_string_append_c (title, *p);
        }
      g_autofree char *raw = g_string_free (title, FALSE);
      g_ptr_array_add (titles, cw_test_normalise_space (raw));
    }
  return titles;
}

/* No page's body ends with a heading: a heading goes with its first block. */
static void
assert_no_stranded_heading (const char *pdf)
{
  g_autoptr (GPtrArray) titles = outline_titles (pdf);
  g_assert_cmpuint (titles->len, >, 0);
  g_autofree char *raw
      = cw_test_tool ("pdftotext", ARGS ("-x", "0", "-y", "56", "-W", "612", "-H", "728", pdf, "-"), 0);
  g_auto (GStrv) pages = g_strsplit (raw, "\f", -1);
  for (guint p = 1; pages[p] != NULL && pages[p + 1] != NULL; p++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[p], "\n", -1);
      g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = cw_test_normalise_space (lines[i]);
          if (*line == '\0')
            g_free (line);
          else
            g_ptr_array_add (kept, line);
        }
      if (kept->len == 0 || g_str_equal (g_ptr_array_index (kept, 0), "Contents"))
        continue;
      const char *last = g_ptr_array_index (kept, kept->len - 1);
      const char *before = kept->len > 1 ? g_ptr_array_index (kept, kept->len - 2) : "";
      g_autofree char *two = g_strdup_printf ("%s %s", before, last);
      for (guint t = 0; t < titles->len; t++)
        {
          const char *title = g_ptr_array_index (titles, t);
          if (g_str_equal (title, last) || g_str_equal (title, two))
            g_error ("page %u of %s ends with the heading “%s”", p + 1, pdf, title);
        }
    }
}

/* None of `ids` is broken across two lines of the PDF text. */
static void
assert_ids_whole (const char *pdf, GPtrArray *ids)
{
  g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
  g_auto (GStrv) lines = g_strsplit_set (raw, "\n\f", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_strchomp (lines[i]);
      const char *next = lines[i + 1] + strspn (lines[i + 1], " ");
      gsize len = strlen (lines[i]);
      if (len == 0 || *next == '\0')
        continue;
      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);
          gsize n = strlen (id);
          for (gsize k = 1; k < n; k++)
            if (k <= len && strncmp (lines[i] + len - k, id, k) == 0
                && (k == len || lines[i][len - k - 1] == ' ')
                && strncmp (next, id + k, n - k) == 0)
              g_error ("%s: “%s” is split across lines: “%s” / “%s”", pdf, id, lines[i],
                       lines[i + 1]);
        }
    }
}

static char *
long_date (const GDate *date)
{
  char text[64];
  g_date_strftime (text, sizeof text, "%d %B %Y", date);
  return g_strdup (text[0] == '0' ? text + 1 : text);
}

static void
test_contents (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = cw_test_path (dir, "contents.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (ws, "Harbourside Hosting Ltd", &error);
  g_assert_no_error (error);
  gint64 audit = fixture_audit (workspace, "Change and release audit");
  g_assert_true (cw_workspace_set_audit_sites (
      workspace, audit, "Quay Street office, Leeds\nColocation hall B7, Sheffield", &error));
  CwAuditSession session = { "2026-03-02", "09:00–10:30", "8.5.1 Change management",
                             "Zoë Ångström", "Łucja Wiśniewska" };
  g_assert_true (cw_workspace_add_audit_session (workspace, audit, &session, &error));
  g_assert_no_error (error);

  g_autoptr (CwAudit) plan = cw_workspace_get_audit (workspace, audit, &error);
  g_autoptr (GPtrArray) in_scope = g_ptr_array_new ();
  GPtrArray *clauses = cw_catalogue_get_clauses (cw_workspace_get_catalogue (workspace));
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      GPtrArray *questions = cw_clause_get_questions (clause);
      if (cw_audit_covers (plan, cw_clause_get_number (clause)))
        for (guint j = 0; j < questions->len; j++)
          g_ptr_array_add (in_scope, g_ptr_array_index (questions, j));
    }
  g_assert_cmpuint (in_scope->len, >=, 4);
  const char *na_question = cw_question_get_id (g_ptr_array_index (in_scope, 0));
  const char *nc_question = cw_question_get_id (g_ptr_array_index (in_scope, 1));
  const char *open_question = cw_question_get_id (g_ptr_array_index (in_scope, 2));
  const char *na_reason = "No release was deployed in the period: the release train was frozen.";
  g_assert_true (cw_workspace_answer (workspace, audit, na_question, CW_RESULT_NOT_APPLICABLE,
                                      na_reason, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_answer (workspace, audit, nc_question, CW_RESULT_MINOR,
                                      "See the finding.", &error));
  g_assert_no_error (error);
  for (guint i = 3; i < in_scope->len; i++)
    g_assert_true (cw_workspace_answer (workspace, audit,
                                        cw_question_get_id (g_ptr_array_index (in_scope, i)),
                                        CW_RESULT_CONFORMING, NULL, &error));
  const char *nc_clause = cw_clause_get_number (
      cw_question_get_clause (g_ptr_array_index (in_scope, 1)));
  CwFindingDraft draft = {
    .audit_id = audit,
    .clause = nc_clause,
    .grade = CW_GRADE_MINOR,
    .requirement = "Changes are approved before they are deployed.",
    .evidence = "CHG-2026-000123 was deployed on 3 March without approval.",
    .statement = "One change of the 25 sampled went in without approval.",
    .question = nc_question,
    .raised_on = "2026-03-03",
    .grade_reason = "One lapse among 25 sampled changes: isolated, so minor.",
  };
  gint64 finding = cw_workspace_create_finding (workspace, &draft, &error);
  g_assert_no_error (error);
  CwEvidenceDraft sample = { .audit_id = audit, .kind = CW_EVIDENCE_RECORD,
                             .reference = "CHG-2026-000123", .description = "Changes of Q1",
                             .population = "212 changes", .sample_size = 25 };
  g_assert_cmpint (cw_workspace_add_evidence (workspace, &sample, &error), >, 0);
  CwActionDraft action_draft = { .finding_id = finding, .owner = "Zoë Ångström",
                                 .due = "2026-04-30" };
  gint64 action = cw_workspace_create_action (workspace, &action_draft, &error);
  g_assert_no_error (error);
  CwActionChanges changes = {
    .correction = "The change was reviewed by the CAB after the fact on 4 March.",
    .consequences = "No service was affected; the change log shows no incident.",
    .root_cause = "The tool let a change skip approval\nIts workflow was never configured",
    .similar = "All 212 changes of the quarter were checked: no other gap.",
    .plan = "Make approval a required step of the change workflow in the tool.",
  };
  g_assert_true (cw_workspace_update_action (workspace, action, &changes, &error));
  g_assert_no_error (error);
  GDate held;
  g_date_set_dmy (&held, 4, 3, 2026);
  CwMeetingRecord opening = { "2026-03-02", "Łucja Wiśniewska\nZoë Ångström", NULL, NULL };
  g_assert_true (cw_workspace_record_meeting (workspace, audit, CW_MEETING_OPENING, &opening,
                                              &held, &error));
  g_assert_no_error (error);
  const char *response = "The change manager accepted the finding and owns the action.";
  const char *diverging = "The change manager holds that the CAB chair's e-mail was an approval.";
  CwMeetingRecord closing
      = { "2026-03-04", "Łucja Wiśniewska\nJürgen Weiß\nZoë Ångström", response, diverging };
  g_assert_true (cw_workspace_record_meeting (workspace, audit, CW_MEETING_CLOSING, &closing,
                                              &held, &error));
  g_assert_no_error (error);

  /* Not issued yet: a draft, said so, with every record it has. */
  g_autofree char *draft_pdf = cw_test_path (dir, "draft.pdf");
  g_autofree char *audit_arg = g_strdup_printf ("%" G_GINT64_FORMAT, audit);
  cli_ok (ARGS ("report", "audit", ws, audit_arg, "-o", draft_pdf));
  g_autofree char *text = body_text (draft_pdf);
  assert_in_text (text, "Draft — not issued");
  assert_in_text (text, "Quay Street office, Leeds");
  assert_in_text (text, "Colocation hall B7, Sheffield");
  assert_in_text (text, "8.5.1 Change management");
  assert_in_text (text, diverging);
  assert_in_text (text, response);
  assert_in_text (text, na_reason);
  assert_in_text (text, draft.grade_reason);
  assert_in_text (text, "3 March 2026");
  assert_in_text (text, "Harbourside Hosting Ltd");
  g_autofree char *open_entry = g_strdup_printf (
      "%s %s", open_question, cw_question_get_text (g_ptr_array_index (in_scope, 2)));
  assert_in_text (text, open_entry);
  g_assert_nonnull (strstr (text, "NC-1"));
  g_assert_null (strstr (text, "Version 1, issued"));

  /* Issued: its version and day, no draft mark. */
  GDate issued;
  g_date_set_dmy (&issued, 10, 3, 2026);
  g_assert_true (cw_workspace_issue_audit (workspace, audit, &issued, &error));
  g_assert_no_error (error);
  g_autofree char *issued_pdf = cw_test_path (dir, "issued.pdf");
  cli_ok (ARGS ("report", "audit", ws, audit_arg, "-o", issued_pdf));
  g_autofree char *issued_text = body_text (issued_pdf);
  g_autofree char *issued_day = long_date (&issued);
  g_autofree char *version = g_strdup_printf ("Version 1, issued %s", issued_day);
  assert_in_text (issued_text, version);
  g_assert_null (strstr (issued_text, "not issued"));

  /* The nonconformity report is filled in from the action. */
  g_autofree char *nc_pdf = cw_test_path (dir, "nc.pdf");
  cli_ok (ARGS ("report", "nc", ws, audit_arg, "-o", nc_pdf));
  g_autofree char *nc_text = body_text (nc_pdf);
  assert_in_text (nc_text, changes.correction);
  assert_in_text (nc_text, changes.consequences);
  assert_in_text (nc_text, changes.similar);
  assert_in_text (nc_text, changes.plan);
  assert_in_text (nc_text, "The tool let a change skip approval");
  assert_in_text (nc_text, "Zoë Ångström, due 30 April 2026");
  GDate deadline = issued;
  g_date_add_days (&deadline, 60); /* a minor one: 60 days */
  g_autofree char *deadline_day = long_date (&deadline);
  assert_in_text (nc_text, deadline_day);
  g_assert_null (strstr (nc_text, "CORRECTION: WHAT WAS DONE AT ONCE TO CONTAIN IT Auditee"));

  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ids, g_strdup ("CHG-2026-000123"));
  g_ptr_array_add (ids, g_strdup ("NC-1"));
  for (guint i = 0; i < in_scope->len; i++)
    g_ptr_array_add (ids, g_strdup (cw_question_get_id (g_ptr_array_index (in_scope, i))));
  const char *pdfs[] = { draft_pdf, issued_pdf, nc_pdf };
  for (guint i = 0; i < G_N_ELEMENTS (pdfs); i++)
    {
      assert_ids_whole (pdfs[i], ids);
      assert_no_stranded_heading (pdfs[i]);
      assert_clean (pdfs[i]);
    }
}

static guint
count_in (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The response deadlines are the organisation's: with 14 days for a major
 * and 45 for a minor, each nonconformity's page gives the day that many
 * days after the issue, and the summary says both figures. */
static void
test_nc_deadlines (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autoptr (GError) error = NULL;
  guint majors = 0, minors = 0;
  GDate issued;
  {
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, &error);
    g_assert_no_error (error);
    g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
    g_assert_no_error (error);
    organisation->respond_major_days = 14;
    organisation->respond_minor_days = 45;
    g_assert_true (cw_workspace_set_organisation (workspace, organisation, &error));
    g_assert_no_error (error);
    g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, 1, &error);
    g_assert_no_error (error);
    g_assert_true (cw_date_parse (cw_audit_get_issued_on (audit), &issued, &error));
    g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 1, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < findings->len; i++)
      {
        CwGrade grade = cw_finding_get_grade (g_ptr_array_index (findings, i));
        majors += grade == CW_GRADE_MAJOR;
        minors += grade == CW_GRADE_MINOR;
      }
  }
  g_assert_cmpuint (majors, >, 0);
  g_assert_cmpuint (minors, >, 0);

  g_autofree char *pdf = cw_test_path (dir, "nc.pdf");
  cli_ok (ARGS ("report", "nc", ws, "1", "-o", pdf));
  g_autofree char *text = body_text (pdf);
  GDate major_due = issued, minor_due = issued;
  g_date_add_days (&major_due, 14);
  g_date_add_days (&minor_due, 45);
  g_autofree char *major_day = long_date (&major_due);
  g_autofree char *minor_day = long_date (&minor_due);
  g_autofree char *major_line
      = g_strdup_printf ("Respond by %s (14 days after the report was issued)", major_day);
  g_autofree char *minor_line
      = g_strdup_printf ("Respond by %s (45 days after the report was issued)", minor_day);
  g_assert_cmpuint (count_in (text, major_line), ==, majors);
  g_assert_cmpuint (count_in (text, minor_line), ==, minors);
  assert_in_text (text, "The response to a major nonconformity is due 14 days after the report "
                        "is issued.");
  assert_in_text (text, "The response to a minor nonconformity is due 45 days after the report "
                        "is issued.");
  g_assert_null (strstr (text, "30 days"));
  g_assert_null (strstr (text, "60 days"));
}

/* The demo's four reports: no heading ends a page, no identifier is split,
 * counts agree with their nouns. */
static void
test_page_rules (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 1, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      g_ptr_array_add (ids, cw_finding_dup_label (finding));
      if (cw_finding_get_question (finding))
        g_ptr_array_add (ids, g_strdup (cw_finding_get_question (finding)));
    }
  g_autoptr (GPtrArray) evidence = cw_workspace_list_evidence (workspace, 1, NULL);
  for (guint i = 0; i < evidence->len; i++)
    {
      CwEvidence *item = g_ptr_array_index (evidence, i);
      if (strlen (item->reference) < 24 && strchr (item->reference, ' ') == NULL)
        g_ptr_array_add (ids, g_strdup (item->reference));
    }
  CwActionFilter all = { 0 };
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, &all, NULL);
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (ids, g_strdup_printf ("A-%" G_GINT64_FORMAT,
                                           cw_action_get_id (g_ptr_array_index (actions, i))));
  g_ptr_array_add (ids, g_strdup ("ISO/IEC"));

  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (workspace, NULL);
  g_assert_cmpuint (reviews->len, >, 0);
  g_autofree char *review_id = g_strdup_printf (
      "%" G_GINT64_FORMAT, cw_review_get_id (g_ptr_array_index (reviews, 0)));
  const char *const *commands[] = {
    ARGS ("report", "audit", ws, "1", "-o"),
    ARGS ("report", "nc", ws, "1", "-o"),
    ARGS ("report", "actions", ws, "-o"),
    ARGS ("report", "review", ws, review_id, "-o"),
  };
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", c);
      g_autofree char *pdf = cw_test_path (dir, name);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_strv_builder_addv (builder, (const char **)commands[c]);
      g_strv_builder_add (builder, pdf);
      g_auto (GStrv) args = g_strv_builder_end (builder);
      cli_ok ((const char *const *)args);
      assert_ids_whole (pdf, ids);
      assert_no_stranded_heading (pdf);
      g_autofree char *raw = cw_test_tool ("pdftotext", ARGS (pdf, "-"), 0);
      g_autofree char *text = cw_test_normalise_space (raw);
      const char *wrong[] = { " 1 actions", " 1 were ", " 1 questions", " 1 findings",
                              " 1 observations", " 1 OFIs" };
      for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
        if (strstr (text, wrong[w]) != NULL)
          g_error ("%s: “%s” in %s", wrong[w], strstr (text, wrong[w]), pdf);
    }
}

/* ---- The core API the window uses --------------------------------------- */

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static void
count_progress (guint page, guint n_pages, gpointer user_data)
{
  guint *calls = user_data;
  g_assert_cmpuint (page, ==, *calls + 1);
  (*calls)++;
}

static void
cancel_at_two (guint page, guint n_pages, gpointer user_data)
{
  if (page == 2)
    g_cancellable_cancel (user_data);
}

static void
test_core_api (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, &error);
  g_assert_no_error (error);

  g_assert_null (cw_report_new_audit (workspace, 42, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
  g_clear_error (&error);

  g_autoptr (CwReport) report = cw_report_new_audit (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_report_get_title (report), ==, "Internal audit report");

  /* As GtkPrintOperation drives it: paginate on the print surface, then draw
   * each page it asks for, in any order. */
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, 612, 792);
  cairo_t *cr = cairo_create (surface);
  guint n = cw_report_paginate (report, cr, 612, 792);
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpuint (cw_report_get_n_pages (report), ==, n);
  for (guint i = n; i-- > 0;)
    {
      cw_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Export with progress, as a GTask would run it, on the same paper. */
  g_autofree char *pdf = cw_test_path (dir, "api.pdf");
  cw_report_set_paper (report, CW_PAPER_LETTER);
  guint calls = 0;
  g_assert_true (cw_report_write_pdf (report, pdf, count_progress, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, page_count (pdf));
  /* The export pours the content twice, one page at a time: it paginates
   * exactly as the kept pages did. */
  g_assert_cmpuint (page_count (pdf), ==, n);

  /* Cancelled half-way: no file, and the earlier one is untouched. */
  g_autoptr (GBytes) before = cw_test_read (pdf);
  guint entries = count_entries (dir);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_assert_false (
      cw_report_write_pdf (report, pdf, cancel_at_two, cancellable, cancellable, &error));
  g_assert_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_CANCELLED);
  g_clear_error (&error);
  g_autoptr (GBytes) after = cw_test_read (pdf);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_entries (dir), ==, entries);

  /* Saved over a symbolic link: the PDF goes where the link points and the
   * link stays a link. */
  g_autofree char *linked = cw_test_path (dir, "linked.pdf");
  g_autofree char *link = cw_test_path (dir, "link.pdf");
  cw_test_write (linked, "old", 3);
  g_assert_cmpint (symlink ("linked.pdf", link), ==, 0);
  g_assert_true (cw_report_write_pdf (report, link, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_autoptr (GBytes) linked_bytes = cw_test_read (linked);
  g_assert_cmpmem (g_bytes_get_data (linked_bytes, NULL), 5, "%PDF-", 5);

  /* The chart draws anywhere, an image surface as in the window. */
  g_autoptr (CwResultsChart) chart = cw_results_chart_new (workspace, 1, &error);
  g_assert_no_error (error);
  double height = cw_results_chart_get_height (chart);
  g_assert_cmpfloat (height, >, 100);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, (int)height);
  cairo_t *icr = cairo_create (image);
  cw_results_chart_draw (chart, icr, 400, height);
  g_assert_cmpint (cairo_status (icr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (icr);
  cairo_surface_destroy (image);
}

/* ---- Corrective action register and review minutes ---------------------- */

static char *
cli_out (const char *const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_cli (args, &out, &err);
  if (status != 0)
    g_error ("clausewise-cli %s %s … exited %d: %s", args[0], args[1], status, err);
  g_strchomp (out);
  return out;
}

static void
test_actions_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  /* One action surely overdue, whatever the demo holds. */
  g_autofree char *id = cli_out (ARGS ("action", "new", ws, "--source", "complaint", "--title",
                                       "Password resets take three days", "--owner", "Zoë Ångström",
                                       "--due", "2001-02-03"));
  g_autofree char *pdf = cw_test_path (dir, "actions.pdf");
  cli_ok (ARGS ("report", "actions", ws, "-o", pdf));
  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Corrective action register");

  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, NULL);
  CwActionFilter all = { 0 };
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, &all, NULL);
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *text = body_text (pdf);
  guint overdue = 0;
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      g_autofree char *entry = g_strdup_printf (
          "A-%" G_GINT64_FORMAT " %s", cw_action_get_id (action), cw_action_get_title (action));
      assert_in_text (text, entry);
      overdue += cw_action_is_overdue (action, &today);
    }
  g_assert_cmpuint (overdue, >, 0);
  g_autofree char *count = g_strdup_printf ("%u overdue", overdue);
  assert_in_text (text, count);
  /* Marked twice: in the register and on the action's own entry. */
  guint marks = 0;
  for (const char *p = text; (p = strstr (p, "OVERDUE")) != NULL; p++)
    marks++;
  g_assert_cmpuint (marks, ==, 2 * overdue);
  assert_in_text (text, "3 Feb 2001");
  assert_in_text (text, "Zoë Ångström");
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_outline (pdf, "2  Register");
  assert_page_numbers (pdf);

  g_autofree char *again = cw_test_path (dir, "again.pdf");
  cli_ok (ARGS ("report", "actions", ws, "-o", pdf, "--reproducible"));
  cli_ok (ARGS ("report", "actions", ws, "-o", again, "--reproducible"));
  g_autoptr (GBytes) a = cw_test_read (pdf);
  g_autoptr (GBytes) b = cw_test_read (again);
  g_assert_true (g_bytes_equal (a, b));
  expect_refusal (ARGS ("report", "actions", ws, "extra", "-o", pdf), 2, "WORKSPACE");
}

static void
test_review_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *id
      = cli_out (ARGS ("review", "new", ws, "--date", "2026-12-01", "--chair", "Eleanor Whitcombe",
                       "--attendees", "Owen Castellane, Παύλος Νικολάου"));
  g_autofree char *decision = cli_out (ARGS ("review", "decide", ws, id, "--text",
                                             "Hire a second change analyst before Stage Two",
                                             "--owner", "Owen Castellane", "--due", "2027-01-31",
                                             "--kind", "resources"));
  g_autofree char *pdf = cw_test_path (dir, "review.pdf");
  cli_ok (ARGS ("report", "review", ws, id, "-o", pdf));
  g_autofree char *title = info_field (pdf, "Title");
  g_assert_cmpstr (title, ==, "Management review minutes");

  g_autofree char *text = body_text (pdf);
  assert_in_text (text, "Eleanor Whitcombe Chair");
  assert_in_text (text, "Παύλος Νικολάου");
  assert_in_text (text, "Hire a second change analyst before Stage Two");
  assert_in_text (text, "31 Jan 2027");
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, NULL);
  gint64 review_id = g_ascii_strtoll (id, NULL, 10);
  g_autoptr (CwReview) review = cw_workspace_get_review (workspace, review_id, NULL);
  GPtrArray *entries = cw_review_get_entries (review);
  g_assert_cmpuint (entries->len, >, 5);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      assert_in_text (text, entry->title);
      if (entry->figures && *entry->figures)
        assert_in_text (text, entry->figures);
    }
  assert_fonts_embedded (pdf);
  assert_clean (pdf);
  assert_outline (pdf, "3  Decisions and actions");
  assert_page_numbers (pdf);
  expect_refusal (ARGS ("report", "review", ws, "77", "-o", pdf), 1, "77");
}

/* ---- Where a report may go ---------------------------------------------- */

typedef struct
{
  gboolean done, timed_out;
  char *out, *err;
  GError *error;
} Run;

static void
on_communicated (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &run->error);
  run->done = TRUE;
}

static gboolean
on_too_long (gpointer data)
{
  ((Run *)data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Like cw_test_cli(), with a guard: a command still running after `seconds`
 * is killed and the test fails, so a writer that blocks on a pipe is a
 * failure to read, not a suite that hangs. */
static int
cli_within (guint seconds, const char *const *args, char **out, char **err)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_strv_builder_add (builder, CLI_PATH);
  g_strv_builder_addv (builder, (const char **)args);
  g_auto (GStrv) argv = g_strv_builder_end (builder);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process
      = g_subprocess_newv ((const char *const *)argv,
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  g_autoptr (GMainContext) context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  Run run = { 0 };
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &run);
  g_autoptr (GSource) timeout = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (timeout, on_too_long, &run, NULL);
  g_source_attach (timeout, context);
  while (!run.done && !run.timed_out)
    g_main_context_iteration (context, TRUE);
  if (!run.done)
    {
      g_subprocess_force_exit (process);
      while (!run.done)
        g_main_context_iteration (context, TRUE);
      g_autofree char *joined = g_strjoinv (" ", (char **)args);
      g_error ("clausewise-cli %s was still running after %u s: it blocks on its output", joined,
               seconds);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
  g_assert_no_error (run.error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  *out = run.out;
  *err = run.err;
  return g_subprocess_get_exit_status (process);
}

/* `report audit WS 1 -o target` fails at once with one line that names the
 * target and says `mention`, and leaves the folder as it was. */
static void
expect_target_refused (const char *ws, const char *target, const char *mention)
{
  g_autofree char *dir = g_path_get_dirname (ws);
  guint entries = count_entries (dir);
  g_autofree char *out = NULL, *err = NULL;
  int status = cli_within (30, ARGS ("report", "audit", ws, "1", "-o", target), &out, &err);
  if (status != CLI_BAD_INPUT)
    g_error ("-o %s: exited %d, not 1; stderr: %s", target, status, err);
  g_assert_cmpstr (out, ==, "");
  cw_test_assert_error_line (err);
  g_autofree char *name = g_strdup_printf ("“%s”", target);
  cw_test_assert_contains (err, name);
  cw_test_assert_contains (err, mention);
  g_assert_cmpuint (count_entries (dir), ==, entries);
}

static void
assert_mode (const char *path, mode_t type)
{
  struct stat st;
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & S_IFMT, ==, type);
}

static void
test_target_fifo (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *fifo = cw_test_path (dir, "report.pdf");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  expect_target_refused (ws, fifo, "is a named pipe, not a file; choose a file name");
  assert_mode (fifo, S_IFIFO);

  /* Checked before the workspace is opened: a workspace that is not there
   * is never reached, so nothing beside it can change either. */
  g_autofree char *absent = cw_test_path (dir, "absent.clausewise");
  expect_target_refused (absent, fifo, "is a named pipe");
  g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));

  /* Through a link: the link and the pipe both stay. */
  g_autofree char *link = cw_test_path (dir, "link.pdf");
  g_assert_cmpint (symlink ("report.pdf", link), ==, 0);
  expect_target_refused (ws, link, "points to a named pipe, not a file");
  assert_mode (link, S_IFLNK);
  assert_mode (fifo, S_IFIFO);
}

/* Run as root, a writer that regressed would rename its PDF over the
 * system's own /dev/null or /dev/stdout: the cases below then use stand-ins
 * in the test's folder (a device node, links into /dev and /proc) and touch
 * /dev only where they cannot damage it. */
static gboolean
dev_is_writable (void)
{
  return access ("/dev", W_OK) == 0;
}

static void
test_target_device (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);

  /* A report is a file someone keeps: never a stream, wherever it leads.
   * The CLI's stdout is the test's pipe here; it once blocked on it. */
  if (!dev_is_writable ())
    {
      const char *streams[] = { "/dev/null", "/dev/stdout", "/dev/stderr", "/dev/fd/1" };
      for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
        expect_target_refused (ws, streams[i], "is a device or a stream, not a file");
      assert_mode ("/dev/null", S_IFCHR);
      g_autofree char *link = cw_test_path (dir, "null.pdf");
      g_assert_cmpint (symlink ("/dev/null", link), ==, 0);
      expect_target_refused (ws, link, "is a device or a stream, not a file");
      assert_mode (link, S_IFLNK);
    }
  else
    g_test_message ("/dev is writable: stand-ins for /dev/null and /dev/stdout");

  /* The stdout of whoever writes, reached through a link of one's own. */
  g_autofree char *stdout_link = cw_test_path (dir, "stdout.pdf");
  g_assert_cmpint (symlink ("/proc/self/fd/1", stdout_link), ==, 0);
  expect_target_refused (ws, stdout_link, "is a device or a stream, not a file");
  assert_mode (stdout_link, S_IFLNK);

  /* A device node outside /dev (making one needs root), directly and
   * through a link. */
  g_autofree char *node = cw_test_path (dir, "device.pdf");
  if (mknod (node, S_IFCHR | 0666, makedev (1, 3)) == 0)
    {
      expect_target_refused (ws, node, "is a device, not a file");
      assert_mode (node, S_IFCHR);
      g_autofree char *link = cw_test_path (dir, "device-link.pdf");
      g_assert_cmpint (symlink ("device.pdf", link), ==, 0);
      expect_target_refused (ws, link, "points to a device, not a file");
      assert_mode (link, S_IFLNK);
      assert_mode (node, S_IFCHR);
    }
  else if (dev_is_writable ())
    g_error ("could not make a device node to stand in for /dev/null: %s", g_strerror (errno));
  else
    g_test_message ("no device node outside /dev (%s); /dev/null stood in", g_strerror (errno));
}

static void
test_target_folder (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autofree char *folder = cw_test_path (dir, "reports");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  expect_target_refused (ws, folder, "is a folder, not a file");
  g_assert_cmpuint (count_entries (folder), ==, 0);
  g_autofree char *link = cw_test_path (dir, "reports.pdf");
  g_assert_cmpint (symlink ("reports", link), ==, 0);
  expect_target_refused (ws, link, "points to a folder, not a file");
  assert_mode (link, S_IFLNK);
  g_assert_cmpuint (count_entries (folder), ==, 0);
}

static void
test_target_workspace (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autoptr (GBytes) before = cw_test_read (ws);
  expect_target_refused (ws, ws, "is a Clausewise workspace or another database");
  g_autofree char *link = cw_test_path (dir, "ws.pdf");
  g_assert_cmpint (symlink ("demo.clausewise", link), ==, 0);
  expect_target_refused (ws, link, "is a Clausewise workspace or another database");
  assert_mode (link, S_IFLNK);
  cw_test_assert_untouched (ws, before);
}

/* The -wal, -shm and -journal of the workspace, or of any SQLite database,
 * whether they exist or not: SQLite would take a report there for its own. */
static void
test_target_companions (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (ws, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
      expect_target_refused (ws, side, "belongs to the database “");
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }

  /* Open, as in a window: its -wal and -shm exist and keep their inode. */
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (ws, suffixes[i], NULL);
      struct stat st_before, st_after;
      g_assert_cmpint (stat (side, &st_before), ==, 0);
      expect_target_refused (ws, side, "belongs to the database “");
      g_assert_cmpint (stat (side, &st_after), ==, 0);
      g_assert_cmpuint (st_before.st_ino, ==, st_after.st_ino);
      g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
    }
  g_clear_object (&workspace);

  /* Another program's database, with a journal beside it. */
  g_autofree char *other = cw_test_path (dir, "inventory.db");
  cw_test_sql (other, "CREATE TABLE item (name TEXT)");
  g_autofree char *journal = cw_test_path (dir, "inventory.db-journal");
  cw_test_write (journal, "journal", 7);
  expect_target_refused (ws, journal, "belongs to the database “");
  g_autoptr (GBytes) kept = cw_test_read (journal);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "journal", 7);
  g_autofree char *wal = cw_test_path (dir, "inventory.db-wal");
  expect_target_refused (ws, wal, "belongs to the database “");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  expect_target_refused (ws, other, "is a Clausewise workspace or another database");
}

static void
assert_pdf (const char *path)
{
  g_autoptr (GBytes) bytes = cw_test_read (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
}

static void
report_to (const char *ws, const char *target)
{
  g_autofree char *out = NULL, *err = NULL;
  int status = cli_within (60, ARGS ("report", "audit", ws, "1", "-o", target), &out, &err);
  if (status != CLI_OK)
    g_error ("-o %s: exited %d: %s", target, status, err);
  g_assert_cmpstr (err, ==, "");
}

/* What stays allowed: a new name, an existing file (replaced whole, by a
 * rename), a link to a file (the file is replaced, the link stays), a
 * dangling link (replaced itself), and a name that only looks like a
 * companion of something that is not a database. */
static void
test_target_files (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);

  g_autofree char *fresh = cw_test_path (dir, "new.pdf");
  report_to (ws, fresh);
  assert_pdf (fresh);

  g_autofree char *old = cw_test_path (dir, "old.pdf");
  cw_test_write (old, "old", 3);
  struct stat st_before, st_after;
  g_assert_cmpint (stat (old, &st_before), ==, 0);
  report_to (ws, old);
  assert_pdf (old);
  g_assert_cmpint (stat (old, &st_after), ==, 0);
  g_assert_cmpuint (st_before.st_ino, !=, st_after.st_ino);

  g_autofree char *sub = cw_test_path (dir, "out");
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_autofree char *pointed = g_build_filename (sub, "pointed.pdf", NULL);
  cw_test_write (pointed, "old", 3);
  g_autofree char *link = cw_test_path (dir, "link.pdf");
  g_assert_cmpint (symlink ("out/pointed.pdf", link), ==, 0);
  report_to (ws, link);
  assert_mode (link, S_IFLNK);
  assert_pdf (pointed);
  g_assert_cmpuint (count_entries (sub), ==, 1);

  g_autofree char *dangling = cw_test_path (dir, "dangling.pdf");
  g_assert_cmpint (symlink ("nowhere/none.pdf", dangling), ==, 0);
  report_to (ws, dangling);
  assert_mode (dangling, S_IFREG);
  assert_pdf (dangling);

  g_autofree char *notes = cw_test_path (dir, "notes.txt");
  cw_test_write (notes, "not a database", 14);
  g_autofree char *lookalike = cw_test_path (dir, "notes.txt-wal");
  report_to (ws, lookalike);
  assert_pdf (lookalike);

  /* Nothing else was left beside them. */
  const char *expected[] = { "demo.clausewise", "new.pdf",      "old.pdf",   "out",
                             "link.pdf",        "dangling.pdf", "notes.txt", "notes.txt-wal" };
  g_assert_cmpuint (count_entries (dir), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = cw_test_path (dir, expected[i]);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
    }
}

static void
expect_write_refused (CwReport *report, const char *path, int code, const char *mention)
{
  CwTestWatchdog *dog = cw_test_watchdog_start (path, 20);
  g_autoptr (GError) error = NULL;
  gboolean ok = cw_report_write_pdf (report, path, NULL, NULL, NULL, &error);
  cw_test_watchdog_stop (dog);
  g_assert_false (ok);
  g_assert_error (error, CW_OUTPUT_ERROR, code);
  cw_test_assert_contains (error->message, mention);
}

/* The core function the window exports through, with its workspace open. */
static void
test_target_core (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *ws = demo_workspace (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (ws, &error);
  g_assert_no_error (error);
  g_autoptr (CwReport) report = cw_report_new_audit (workspace, 1, &error);
  g_assert_no_error (error);

  guint entries = count_entries (dir);
  g_autofree char *fifo = cw_test_path (dir, "fifo.pdf");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  expect_write_refused (report, fifo, CW_OUTPUT_ERROR_NOT_A_FILE, "is a named pipe, not a file");

  g_autofree char *socket_path = cw_test_path (dir, "socket.pdf");
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&address, sizeof address), ==, 0);
  expect_write_refused (report, socket_path, CW_OUTPUT_ERROR_NOT_A_FILE, "is a socket, not a file");
  close (fd);
  assert_mode (socket_path, S_IFSOCK);

  g_autofree char *stdout_link = cw_test_path (dir, "stdout.pdf");
  g_assert_cmpint (symlink ("/proc/self/fd/1", stdout_link), ==, 0);
  expect_write_refused (report, dev_is_writable () ? stdout_link : "/dev/stdout",
                        CW_OUTPUT_ERROR_NOT_A_FILE, "device or a stream");
  expect_write_refused (report, dir, CW_OUTPUT_ERROR_NOT_A_FILE, "is a folder, not a file");
  /* Recognised as open in this process: never opened to be looked at. */
  expect_write_refused (report, ws, CW_OUTPUT_ERROR_DATABASE, "is a Clausewise workspace");
  g_autofree char *wal = g_strconcat (ws, "-wal", NULL);
  expect_write_refused (report, wal, CW_OUTPUT_ERROR_DATABASE, "belongs to the database");
  g_autofree char *journal = g_strconcat (ws, "-journal", NULL);
  expect_write_refused (report, journal, CW_OUTPUT_ERROR_DATABASE, "belongs to the database");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  assert_mode (fifo, S_IFIFO);
  /* The fifo, the socket and the link, nothing else: no temporary file. */
  g_assert_cmpuint (count_entries (dir), ==, entries + 3);

  /* The workspace still works after all that looking. */
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  g_assert_no_error (error);
  g_autofree char *pdf = cw_test_path (dir, "fine.pdf");
  g_assert_true (cw_report_write_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/report/audit", test_audit_report);
  g_test_add_func ("/cli/report/nc", test_nc_report);
  g_test_add_func ("/cli/report/plan", test_plan_report);
  g_test_add_func ("/cli/report/programme", test_programme_report);
  g_test_add_func ("/core/report/programme-overdue", test_programme_overdue);
  g_test_add_func ("/cli/report/readiness", test_readiness_report);
  g_test_add_func ("/cli/report/reproducible", test_reproducible);
  g_test_add_func ("/cli/report/refusals", test_refusals);
  g_test_add_func ("/cli/report/non-latin", test_non_latin);
  g_test_add_func ("/cli/report/thousand-findings", test_thousand_findings);
  g_test_add_func ("/cli/report/actions", test_actions_report);
  g_test_add_func ("/cli/report/review", test_review_report);
  g_test_add_func ("/core/report/api", test_core_api);
  g_test_add_func ("/cli/report/contents", test_contents);
  g_test_add_func ("/cli/report/nc-deadlines", test_nc_deadlines);
  g_test_add_func ("/cli/report/page-rules", test_page_rules);
  g_test_add_func ("/cli/report/target/fifo", test_target_fifo);
  g_test_add_func ("/cli/report/target/device", test_target_device);
  g_test_add_func ("/cli/report/target/folder", test_target_folder);
  g_test_add_func ("/cli/report/target/workspace", test_target_workspace);
  g_test_add_func ("/cli/report/target/companions", test_target_companions);
  g_test_add_func ("/cli/report/target/files", test_target_files);
  g_test_add_func ("/core/report/target", test_target_core);
  return g_test_run ();
}
