/* cw-cli-audits.c: an audit's lifecycle on the command line: its plan's
 * sites and sessions, the opening and closing meetings, issuing and
 * revising the report, and closing the audit. The rules are the core's
 * (cw-audit-lifecycle.c); each command parses, calls it and reports. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-action.h"
#include "cw-finding.h"
#include "cw-cli.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-text.h"

int
cw_cli_run_audit_sites (const CwCliCommand *command, int argc, char **argv)
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
  if (!cw_workspace_set_audit_sites (workspace, id, args[2], &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_audit_session (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *day = NULL, *time = NULL, *subject = NULL, *auditee = NULL, *auditor = NULL;
  gint remove = 0;
  GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("The day of the session"), N_("YYYY-MM-DD") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("When in the day, e.g. 09:30–11:00"),
      N_("TEXT") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject, N_("The clause or process audited"),
      N_("TEXT") },
    { "auditee", 0, 0, G_OPTION_ARG_STRING, &auditee, N_("Who is interviewed"), N_("NAME") },
    { "auditor", 0, 0, G_OPTION_ARG_STRING, &auditor, N_("Who audits"), N_("NAME") },
    { "remove", 0, 0, G_OPTION_ARG_INT, &remove, N_("Remove session number N of the plan"),
      N_("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (remove < 0 || (remove == 0 && (day == NULL || subject == NULL)))
    return cw_cli_usage_error (command, _("give --day and --subject, or --remove N"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  CwAuditSession session = { day, time, subject, auditee, auditor };
  gboolean ok = remove > 0
                  ? cw_workspace_remove_audit_session (workspace, id, (guint) remove, &error)
                  : cw_workspace_add_audit_session (workspace, id, &session, &error);
  return ok ? CW_CLI_OK : cw_cli_fail (error);
}

int
cw_cli_run_audit_meeting (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *date = NULL, *attendees = NULL, *response = NULL, *diverging = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the meeting was held"),
      N_("YYYY-MM-DD") },
    { "attendees", 0, 0, G_OPTION_ARG_STRING, &attendees,
      N_("Who attended, separated by commas"), N_("NAMES") },
    { "response", 0, 0, G_OPTION_ARG_STRING, &response,
      N_("The auditee's response (closing meeting)"), N_("TEXT") },
    { "diverging", 0, 0, G_OPTION_ARG_STRING, &diverging,
      N_("Diverging opinions left unresolved (closing meeting)"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  CwMeeting meeting;
  if (g_str_equal (args[2], "opening"))
    meeting = CW_MEETING_OPENING;
  else if (g_str_equal (args[2], "closing"))
    meeting = CW_MEETING_CLOSING;
  else
    return cw_cli_input_error (_("“%s” is not a meeting; use opening or closing"), args[2]);
  if (date == NULL || attendees == NULL)
    return cw_cli_usage_error (command, _("--date and --attendees are required"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;
  g_autofree char *lines = cw_text_commas_to_lines (attendees);
  CwMeetingRecord record = { date, lines, response, diverging };
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_record_meeting (workspace, id, meeting, &record, &today, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* issue, revise and close: one move of the audit each. */
int
cw_cli_run_audit_issue (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAudit) audit = NULL;
  if (!cw_workspace_issue_audit (workspace, id, &today, &error)
      || (audit = cw_workspace_get_audit (workspace, id, &error)) == NULL)
    return cw_cli_fail (error);
  g_print (_("Issued version %u of the report of audit %" PRId64 "\n"),
           cw_audit_get_version (audit), id);
  return CW_CLI_OK;
}

int
cw_cli_run_audit_revise (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the issued report changes (printed in the next version)"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (reason == NULL)
    return cw_cli_usage_error (command, _("--reason is required"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_revise_audit (workspace, id, reason, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_audit_close (const CwCliCommand *command, int argc, char **argv)
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
  if (!cw_workspace_close_audit (workspace, id, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_audit_follow_up (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("What the follow-up saw: records or changes that show whether the action worked"),
      N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (note == NULL)
    return cw_cli_usage_error (command, _("--note is required"));
  gint64 finding;
  if (!cw_cli_parse_id (args[2], _("a finding"), &finding))
    return CW_CLI_BAD_INPUT;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_follow_up_finding (workspace, finding, id, note, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* The earlier nonconformities on the audit's scope, with where their
 * actions stand and whether this or another audit followed them up. */
gboolean
cw_cli_print_follow_up (CwWorkspace *workspace, CwAudit *audit, GError **error)
{
  gboolean header = FALSE;
  for (const char *const *clause = cw_audit_get_scope (audit); *clause != NULL; clause++)
    {
      g_autoptr (GPtrArray) findings
        = cw_workspace_list_earlier_findings (workspace, cw_audit_get_id (audit), *clause, error);
      if (findings == NULL)
        return FALSE;
      for (guint i = 0; i < findings->len; i++)
        {
          CwFinding *finding = g_ptr_array_index (findings, i);
          /* NULL without an error: the finding has no action. */
          g_autoptr (GError) none = NULL;
          g_autoptr (CwAction) action
            = cw_workspace_get_action_for_finding (workspace, cw_finding_get_id (finding), &none);
          if (none != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&none));
              return FALSE;
            }
          if (!header)
            g_print ("\n%s\n", _("Earlier nonconformities to follow up:"));
          header = TRUE;
          g_autofree char *label = cw_finding_dup_label (finding);
          g_autofree char *followed
            = cw_finding_get_followed_up_in (finding)
                ? g_strdup_printf (_("followed up in audit %" PRId64),
                                   cw_finding_get_followed_up_in (finding))
                : g_strdup (_("not followed up"));
          g_print ("  %" PRId64 "\t%s of audit %" PRId64 "\t%s\t%s\t%s\n",
                   cw_finding_get_id (finding), label, cw_finding_get_audit_id (finding),
                   cw_finding_get_clause (finding),
                   action ? cw_action_status_label (cw_action_get_status (action))
                          : _("no action"),
                   followed);
        }
    }
  return TRUE;
}

/* A count given on the command line: "" when not given, else 0 or more. */
static gboolean
parse_count (const char *text, const char *option, gint *count)
{
  guint64 value;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    {
      cw_cli_input_error (_("%s takes a count of items, such as 25, not “%s”"), option, text);
      return FALSE;
    }
  *count = (gint) value;
  return TRUE;
}

int
cw_cli_run_audit_sample (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *reference = NULL, *population = NULL, *population_size = NULL;
  g_autofree char *size = NULL, *method = NULL, *items = NULL, *exceptions = NULL;
  g_autofree char *question = NULL, *description = NULL;
  gint64 finding = 0;
  GOptionEntry entries[] = {
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("Where the sample can be found again (required)"), N_("TEXT") },
    { "population", 0, 0, G_OPTION_ARG_STRING, &population, N_("What was sampled from"),
      N_("TEXT") },
    { "population-size", 0, 0, G_OPTION_ARG_STRING, &population_size,
      N_("How many items the population held (required)"), N_("N") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("How many items were examined, or “suggested” for Clausewise's suggestion"), N_("N") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      N_("How the items were chosen: random, systematic or judgemental (required)"),
      N_("METHOD") },
    { "items", 0, 0, G_OPTION_ARG_STRING, &items, N_("Which items were examined"), N_("TEXT") },
    { "exceptions", 0, 0, G_OPTION_ARG_STRING, &exceptions,
      N_("How many of them did not conform (default 0)"), N_("N") },
    { "question", 0, 0, G_OPTION_ARG_STRING, &question, N_("The question it answers"),
      N_("QID") },
    { "finding", 0, 0, G_OPTION_ARG_INT64, &finding, N_("The finding it supports"), N_("ID") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the sample showed"),
      N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (reference == NULL || population_size == NULL || method == NULL)
    return cw_cli_usage_error (command, _("--reference, --population-size and --method are "
                                          "required"));
  CwEvidenceDraft draft = {
    .kind = CW_EVIDENCE_RECORD,
    .reference = reference,
    .description = description,
    .population = population,
    .question = question,
    .finding_id = finding,
    .sample_items = items,
    .exceptions = 0,
  };
  if (!cw_sample_method_from_string (method, &draft.method))
    return cw_cli_input_error (_("“%s” is not a sampling method; use random, systematic or "
                                 "judgemental"),
                               method);
  if (!parse_count (population_size, "--population-size", &draft.population_size)
      || !parse_count (exceptions, "--exceptions", &draft.exceptions))
    return CW_CLI_BAD_INPUT;
  if (size == NULL || g_str_equal (size, "suggested"))
    draft.sample_size = (gint) cw_sample_suggest ((guint) draft.population_size);
  else if (!parse_count (size, "--size", &draft.sample_size))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_open_record (args, _("an audit"), &draft.audit_id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_evidence (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}
