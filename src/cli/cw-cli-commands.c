/* cw-cli-commands.c: one function per clausewise-cli command. Each parses its
 * command line, calls the core and prints; no rule of the domain lives here. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-check.h"
#include "cw-cli.h"
#include "cw-text.h"
#include "cw-demo.h"
#include "cw-finding.h"
#include "cw-search.h"

/* ---- Workspaces -------------------------------------------------------- */

int
cw_cli_run_init (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *organisation = NULL;
  GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("Name of the organisation being audited"), N_("NAME") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (args[0], organisation, &error);
  if (workspace == NULL)
    return cw_cli_fail (error);
  g_print (_("Created workspace %s\n"), args[0]);
  return CW_CLI_OK;
}

int
cw_cli_run_demo (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (args[0], &error);
  if (workspace == NULL)
    return cw_cli_fail (error);
  g_print (_("Created demo workspace %s\n"), args[0]);
  return CW_CLI_OK;
}

int
cw_cli_run_catalogue (const CwCliCommand *command, int argc, char **argv)
{
  gboolean questions = FALSE;
  GOptionEntry entries[] = {
    { "questions", 0, 0, G_OPTION_ARG_NONE, &questions,
      N_("List each clause's audit questions after it"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_builtin (&error);
  if (catalogue == NULL)
    return cw_cli_fail (error);
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      g_print ("%s\t%s\n", cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
      GPtrArray *list = questions ? cw_clause_get_questions (clause) : NULL;
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          CwQuestion *question = g_ptr_array_index (list, j);
          g_print ("  %s\t%s\n", cw_question_get_id (question), cw_question_get_text_shown (question));
        }
    }
  return CW_CLI_OK;
}

/* ---- Audits ------------------------------------------------------------ */

int
cw_cli_run_audit_new (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *title = NULL, *scope = NULL, *lead = NULL, *start = NULL, *end = NULL;
  g_autofree char *objectives = NULL, *criteria = NULL, *team = NULL, *auditees = NULL;
  g_auto (GStrv) justify = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the audit (required)"),
      N_("TEXT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("Clauses in scope, comma-separated; 8.6 covers its sub-clauses (default: all)"),
      N_("8.6,9.2") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("Lead auditor"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Planned start"), N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Planned end"), N_("YYYY-MM-DD") },
    { "objectives", 0, 0, G_OPTION_ARG_STRING, &objectives, N_("Objectives of the audit"),
      N_("TEXT") },
    { "criteria", 0, 0, G_OPTION_ARG_STRING, &criteria, N_("Audit criteria"), N_("TEXT") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Audit team, comma-separated"),
      N_("NAMES") },
    { "auditees", 0, 0, G_OPTION_ARG_STRING, &auditees, N_("Auditees, comma-separated"),
      N_("NAMES") },
    { "justify", 0, 0, G_OPTION_ARG_STRING_ARRAY, &justify,
      N_("Why a team member may audit an area they are responsible for (repeat for each)"),
      N_("“NAME: TEXT”") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (title == NULL)
    return cw_cli_usage_error (command, _("--title is required"));

  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_auto (GStrv) scope_list = cw_text_split_list (scope);
  g_autofree char *team_lines = cw_text_commas_to_lines (team);
  g_autofree char *auditee_lines = cw_text_commas_to_lines (auditees);
  CwAuditDraft draft = {
    .title = title,
    .objectives = objectives,
    .criteria = criteria,
    .scope = (const char *const *) scope_list,
    .planned_start = start,
    .planned_end = end,
    .lead_auditor = lead,
    .team = team_lines,
    .auditees = auditee_lines,
  };
  g_autoptr (GArray) reasons = g_array_new (FALSE, FALSE, sizeof (CwJustification));
  if (!cw_cli_parse_justifications (justify, reasons))
    return CW_CLI_BAD_INPUT;
  draft.justifications = (const CwJustification *) reasons->data;
  draft.n_justifications = reasons->len;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_audit (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

static char *
findings_summary (const CwAuditProgress *progress)
{
  return g_strdup_printf (_("%u major, %u minor, %u observation, %u OFI"),
                          progress->findings[CW_GRADE_MAJOR], progress->findings[CW_GRADE_MINOR],
                          progress->findings[CW_GRADE_OBSERVATION],
                          progress->findings[CW_GRADE_OFI]);
}

static void
print_audit_csv (CwAudit *audit, const CwAuditProgress *progress)
{
  g_autofree char *id = g_strdup_printf ("%" PRId64, cw_audit_get_id (audit));
  g_autofree char *scope = g_strjoinv (",", (char **) cw_audit_get_scope (audit));
  char *numbers[6];
  guint values[] = { progress->answered,
                     progress->total,
                     progress->findings[CW_GRADE_MAJOR],
                     progress->findings[CW_GRADE_MINOR],
                     progress->findings[CW_GRADE_OBSERVATION],
                     progress->findings[CW_GRADE_OFI] };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    numbers[i] = g_strdup_printf ("%u", values[i]);
  const char *fields[] = {
    id, cw_audit_get_title (audit), cw_audit_status_to_string (cw_audit_get_status (audit)),
    cw_audit_get_planned_start (audit), cw_audit_get_planned_end (audit),
    cw_audit_get_lead_auditor (audit), scope, numbers[0], numbers[1], numbers[2], numbers[3],
    numbers[4], numbers[5],
  };
  cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_free (numbers[i]);
}

int
cw_cli_run_audit_list (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write RFC 4180 CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  if (audits == NULL)
    return cw_cli_fail (error);
  if (csv)
    {
      const char *header[] = { "id",         "title",    "status",    "planned_start",
                               "planned_end", "lead_auditor", "scope", "answered",
                               "questions",  "major",    "minor",     "observation",
                               "ofi" };
      cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
    }
  for (guint i = 0; i < audits->len; i++)
    {
      CwAudit *audit = g_ptr_array_index (audits, i);
      CwAuditProgress progress;
      if (!cw_workspace_get_audit_progress (workspace, audit, &progress, &error))
        return cw_cli_fail (error);
      if (csv)
        {
          print_audit_csv (audit, &progress);
          continue;
        }
      g_autofree char *findings = findings_summary (&progress);
      g_autofree char *title = cw_cli_one_line (cw_audit_get_title (audit));
      const char *start = cw_audit_get_planned_start (audit);
      g_print ("%" PRId64 "\t%s\t%s\t%u/%u\t%s\t%s\n", cw_audit_get_id (audit),
               cw_audit_status_to_string (cw_audit_get_status (audit)), start ? start : "-",
               progress.answered, progress.total, findings, title);
    }
  return CW_CLI_OK;
}

static void
print_field (const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_auto (GStrv) lines = g_strsplit (value, "\n", -1);
  g_autofree char *joined = g_strjoinv (", ", lines);
  g_print ("%-12s %s\n", label, joined);
}

static void
print_meeting (const char *label, const char *held_on, const char *attendees)
{
  if (held_on == NULL)
    {
      print_field (label, _("not held yet"));
      return;
    }
  g_auto (GStrv) lines = g_strsplit (attendees, "\n", -1);
  g_autofree char *joined = g_strjoinv (", ", lines);
  g_autofree char *text = g_strdup_printf (_("%s, with %s"), held_on, joined);
  print_field (label, text);
}

/* The plan's schedule, the meetings, the issues of the report, the earlier
 * nonconformities this audit follows up, and its own findings with where
 * their actions stand. */
static gboolean
print_lifecycle (CwWorkspace *workspace, CwAudit *audit, GError **error)
{
  gint64 id = cw_audit_get_id (audit);
  g_autoptr (GPtrArray) sessions = cw_workspace_list_audit_sessions (workspace, id, error);
  g_autoptr (GPtrArray) issues = sessions ? cw_workspace_list_audit_issues (workspace, id, error)
                                          : NULL;
  g_autoptr (GPtrArray) findings = issues ? cw_workspace_list_findings (workspace, id, error)
                                          : NULL;
  if (findings == NULL)
    return FALSE;
  print_meeting (_("Opening:"), cw_audit_get_opening_on (audit),
                 cw_audit_get_opening_attendees (audit));
  print_meeting (_("Closing:"), cw_audit_get_closing_on (audit),
                 cw_audit_get_closing_attendees (audit));
  if (cw_audit_get_closing_on (audit) != NULL)
    {
      print_field (_("Response:"), cw_audit_get_auditee_response (audit));
      print_field (_("Diverging:"), cw_audit_get_diverging_opinions (audit));
    }
  for (guint i = 0; i < issues->len; i++)
    {
      CwAuditIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *reason = cw_cli_one_line (issue->revision_reason);
      g_autofree char *text
        = issue->issued_on
            ? g_strdup_printf (_("version %u issued on %s by %s%s%s"), issue->version,
                               issue->issued_on, issue->issued_by, *reason ? "; " : "", reason)
            : g_strdup_printf (_("version %u in revision: %s"), issue->version, reason);
      print_field (_("Report:"), text);
    }
  if (sessions->len > 0)
    g_print ("\n%s\n", _("Plan:"));
  for (guint i = 0; i < sessions->len; i++)
    {
      CwAuditSessionRow *row = g_ptr_array_index (sessions, i);
      g_autofree char *subject = cw_cli_one_line (row->subject);
      g_print ("  %u\t%s\t%s\t%s\t%s\t%s\n", row->position, row->day, row->time, subject,
               row->auditee, row->auditor);
    }
  if (!cw_cli_print_follow_up (workspace, audit, error))
    return FALSE;
  if (findings->len > 0)
    g_print ("\n%s\n", _("Findings:"));
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cw_finding_dup_label (finding);
      const char *question = cw_finding_get_question (finding);
      g_print ("  %s\t%s\t%s\t%s\t%s\n", label, question ? question : cw_finding_get_clause (finding),
               cw_grade_to_string (cw_finding_get_grade (finding)),
               cw_finding_get_raised_on (finding),
               cw_finding_status_label (cw_finding_get_status (finding)));
    }
  return TRUE;
}

int
cw_cli_run_audit_show (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, id, &error);
  CwAuditProgress progress;
  if (audit == NULL || !cw_workspace_get_audit_progress (workspace, audit, &progress, &error))
    return cw_cli_fail (error);
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, id, &error);
  if (answers == NULL)
    return cw_cli_fail (error);

  g_print (_("Audit %" PRId64 ": %s\n"), id, cw_audit_get_title (audit));
  g_autofree char *scope = g_strjoinv (", ", (char **) cw_audit_get_scope (audit));
  g_autofree char *dates = g_strdup_printf (
    "%s – %s", cw_audit_get_planned_start (audit) ? cw_audit_get_planned_start (audit) : "?",
    cw_audit_get_planned_end (audit) ? cw_audit_get_planned_end (audit) : "?");
  g_autofree char *answered
    = g_strdup_printf (_("%u of %u questions answered"), progress.answered, progress.total);
  g_autofree char *findings = findings_summary (&progress);
  print_field (_("Status:"), cw_audit_status_label (cw_audit_get_status (audit)));
  print_field (_("Dates:"), dates);
  print_field (_("Scope:"), scope);
  print_field (_("Lead:"), cw_audit_get_lead_auditor (audit));
  print_field (_("Team:"), cw_audit_get_team (audit));
  print_field (_("Auditees:"), cw_audit_get_auditees (audit));
  print_field (_("Objectives:"), cw_audit_get_objectives (audit));
  print_field (_("Criteria:"), cw_audit_get_criteria (audit));
  print_field (_("Sites:"), cw_audit_get_sites (audit));
  print_field (_("Progress:"), answered);
  print_field (_("Findings:"), findings);
  if (!print_lifecycle (workspace, audit, &error))
    return cw_cli_fail (error);
  if (answers->len > 0)
    g_print ("\n%s\n", _("Answers:"));
  for (guint i = 0; i < answers->len; i++)
    {
      CwAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *note = cw_cli_one_line (answer->note);
      g_print ("  %s\t%s\t%s\n", answer->question, cw_result_to_string (answer->result), note);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_audit_answer (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was seen: documents, records, people"),
      N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  CwResult result;
  if (!cw_result_from_string (args[3], &result))
    return cw_cli_input_error (_("“%s” is not a result; use one of %s"), args[3],
                               cw_result_tokens ());
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (!cw_workspace_answer (workspace, id, args[2], result, note, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* ---- Findings ---------------------------------------------------------- */

int
cw_cli_run_finding_new (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *clause = NULL, *grade = NULL, *requirement = NULL, *evidence = NULL;
  g_autofree char *statement = NULL, *question = NULL, *raised = NULL, *grade_reason = NULL;
  GOptionEntry entries[] = {
    { "clause", 0, 0, G_OPTION_ARG_STRING, &clause, N_("Clause the finding is raised against"),
      N_("NUMBER") },
    { "question", 0, 0, G_OPTION_ARG_STRING, &question,
      N_("The checklist question it is raised on (its answer must carry the same grade)"),
      N_("QID") },
    { "raised", 0, 0, G_OPTION_ARG_STRING, &raised,
      N_("The day it was observed (default: today)"), N_("YYYY-MM-DD") },
    { "grade-reason", 0, 0, G_OPTION_ARG_STRING, &grade_reason,
      N_("Why it has this grade, e.g. a total absence or a single lapse"), N_("TEXT") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade, N_("major, minor, observation or ofi"),
      N_("GRADE") },
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement,
      N_("What is required, in your words, with the clause"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence,
      N_("What was seen, traceably: record numbers, documents, dates"), N_("TEXT") },
    { "statement", 0, 0, G_OPTION_ARG_STRING, &statement,
      N_("How the evidence fails the requirement, factually"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if ((clause == NULL && question == NULL) || grade == NULL)
    return cw_cli_usage_error (command, _("--grade and --clause or --question are required"));
  gint64 audit;
  CwFindingDraft draft = {
    .clause = clause,
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .question = question,
    .raised_on = raised,
    .grade_reason = grade_reason,
  };
  if (!cw_grade_from_string (grade, &draft.grade))
    return cw_cli_input_error (_("“%s” is not a grade; use one of %s"), grade,
                               cw_grade_tokens ());
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &audit, &status);
  draft.audit_id = audit;
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_finding (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

static void
print_finding (CwFinding *finding, gpointer user_data)
{
  const char *statement = cw_finding_get_statement (finding);
  if (*statement == '\0')
    statement = cw_finding_get_evidence (finding);
  g_autofree char *line = cw_cli_one_line (statement);
  g_print ("%" PRId64 "\t%" PRId64 "\t%s\t%s\t%s\t%s\n",
           cw_finding_get_id (finding), cw_finding_get_audit_id (finding),
           cw_finding_get_clause (finding), cw_grade_to_string (cw_finding_get_grade (finding)),
           cw_finding_status_to_string (cw_finding_get_status (finding)), line);
}

static void
print_finding_csv (CwFinding *finding, gpointer user_data)
{
  g_autofree char *id = g_strdup_printf ("%" PRId64, cw_finding_get_id (finding));
  g_autofree char *audit = g_strdup_printf ("%" PRId64, cw_finding_get_audit_id (finding));
  const char *fields[] = {
    id,
    audit,
    cw_finding_get_clause (finding),
    cw_grade_to_string (cw_finding_get_grade (finding)),
    cw_finding_status_to_string (cw_finding_get_status (finding)),
    cw_finding_get_requirement (finding),
    cw_finding_get_evidence (finding),
    cw_finding_get_statement (finding),
    cw_finding_get_created_at (finding),
  };
  cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
}

int
cw_cli_run_finding_list (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE;
  g_autofree char *audit_text = NULL;
  GOptionEntry entries[] = {
    { "audit", 0, 0, G_OPTION_ARG_STRING, &audit_text, N_("Only this audit's findings"),
      N_("AUDIT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write RFC 4180 CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 audit = 0;
  if (audit_text != NULL && !cw_cli_parse_id (audit_text, _("an audit"), &audit))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (audit != 0)
    {
      g_autoptr (CwAudit) exists = cw_workspace_get_audit (workspace, audit, &error);
      if (exists == NULL)
        return cw_cli_fail (error);
    }
  if (csv)
    {
      const char *header[] = { "id",       "audit",     "clause",   "grade",     "status",
                               "requirement", "evidence", "statement", "created_at" };
      cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
    }
  /* Streamed: each row is printed as it is read. */
  if (!cw_workspace_foreach_finding (workspace, audit, csv ? print_finding_csv : print_finding,
                                     NULL, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* ---- Search and check -------------------------------------------------- */

int
cw_cli_run_search (const CwCliCommand *command, int argc, char **argv)
{
  gint limit = 50;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N matches (default 50)"),
      N_("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (limit < 1)
    return cw_cli_input_error (_("--limit must be at least 1"));
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = cw_workspace_search (workspace, args[1], limit, &error);
  if (hits == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < hits->len; i++)
    {
      CwSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = cw_cli_one_line (hit->snippet);
      g_print ("%s\t%" PRId64 "\t%" PRId64 "\t%s\n",
               cw_search_kind_to_string (hit->kind), hit->id, hit->audit_id, snippet);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_check (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *seal = NULL;
  GOptionEntry entries[] = {
    { "seal", 0, 0, G_OPTION_ARG_STRING, &seal,
      N_("Also prove that the history is unchanged up to seal S, printed in a report's footer"),
      N_("S") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  /* Checking never changes the file: an older one is examined as it is,
   * and one too damaged to open is examined too, to say what is wrong. */
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CwWorkspace) workspace = cw_workspace_open_as_is (args[0], &error);
  if (workspace == NULL)
    {
      if (!g_error_matches (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED))
        return cw_cli_fail (error);
      cw_check_list_damage (args[0], error, problems);
      g_clear_error (&error);
    }
  else if (!cw_workspace_check (workspace, problems, &error))
    return cw_cli_fail (error);
  if (seal != NULL && workspace != NULL && !cw_workspace_check_seal (workspace, seal, &error))
    {
      if (!g_error_matches (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED))
        return cw_cli_fail (error);
      g_ptr_array_add (problems, g_strdup (error->message));
      g_clear_error (&error);
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return cw_cli_input_error (
      g_dngettext (GETTEXT_PACKAGE, "%s has %u problem; restore it from a backup copy",
                   "%s has %u problems; restore it from a backup copy", problems->len),
      args[0], problems->len);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  if (!cw_check_list_rule_gaps (workspace, warnings, &error))
    return cw_cli_fail (error);
  g_print (_("%s is sound: structure, references, search index and change history check out\n"),
           args[0]);
  for (guint i = 0; i < warnings->len; i++)
    g_print (_("Warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
  if (seal != NULL)
    g_print (_("The history up to seal %s is unchanged\n"), seal);
  return CW_CLI_OK;
}
