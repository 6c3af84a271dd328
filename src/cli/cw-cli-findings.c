/* cw-cli-findings.c: correcting and deleting findings on the command line.
 * Each command parses, calls the core and prints; what may change, and
 * when, is the core's rule (cw-finding.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-finding.h"

int
cw_cli_run_finding_update (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *requirement = NULL, *evidence = NULL, *statement = NULL, *grade = NULL;
  g_autofree char *grade_reason = NULL, *raised = NULL;
  GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement,
      N_("What is required, in your words, with the clause"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence,
      N_("What was seen, traceably: record numbers, documents, dates"), N_("TEXT") },
    { "statement", 0, 0, G_OPTION_ARG_STRING, &statement,
      N_("How the evidence fails the requirement, factually"), N_("TEXT") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade,
      N_("major, minor, observation or ofi; on a question it must be the answer's"),
      N_("GRADE") },
    { "grade-reason", 0, 0, G_OPTION_ARG_STRING, &grade_reason,
      N_("Why it has this grade, e.g. a total absence or a single lapse"), N_("TEXT") },
    { "raised", 0, 0, G_OPTION_ARG_STRING, &raised,
      N_("The day it was observed, within the audit's dates"), N_("YYYY-MM-DD") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (requirement == NULL && evidence == NULL && statement == NULL && grade == NULL
      && grade_reason == NULL && raised == NULL)
    return cw_cli_usage_error (command, _("give at least one field to change"));
  CwGrade new_grade;
  if (grade != NULL && !cw_grade_from_string (grade, &new_grade))
    return cw_cli_input_error (_("“%s” is not a grade; use one of %s"), grade,
                               cw_grade_tokens ());
  CwFindingChanges changes = {
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .grade = grade != NULL ? &new_grade : NULL,
    .grade_reason = grade_reason,
    .raised_on = raised,
  };
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a finding"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (!cw_workspace_update_finding (workspace, id, &changes, &error))
    return cw_cli_fail (error);
  /* A new grade may have given it a number of another series. */
  g_autoptr (CwFinding) finding = cw_workspace_get_finding (workspace, id, &error);
  if (finding == NULL)
    return cw_cli_fail (error);
  g_autofree char *label = cw_finding_dup_label (finding);
  g_print ("%s\n", label);
  return CW_CLI_OK;
}

int
cw_cli_run_finding_delete (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a finding"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (!cw_workspace_delete_finding (workspace, id, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
