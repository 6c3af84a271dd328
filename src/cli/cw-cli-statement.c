/* cw-cli-statement.c: the nonconformity statement checker on the command
 * line, for trainees practising and for scripts. It needs no workspace:
 * the three parts and the grade are given as options. The rules are the
 * core's (cw-statement.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-statement.h"

/* Prints each hint as KIND<tab>MESSAGE on its own line, nothing when the
 * statement passes; exit 0 either way, since hints are advice, not a
 * refusal. */
int
cw_cli_run_statement_check (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *requirement = NULL, *evidence = NULL, *statement = NULL, *grade = NULL;
  GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement,
      N_("What is required, in your words, with the clause or document"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence,
      N_("What was seen, traceably: record numbers, documents, dates"), N_("TEXT") },
    { "statement", 0, 0, G_OPTION_ARG_STRING, &statement,
      N_("How the evidence fails the requirement, factually"), N_("TEXT") },
    { "grade", 0, 0, G_OPTION_ARG_STRING, &grade,
      N_("major, minor, observation or ofi, to check the grade fits too"), N_("GRADE") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (requirement == NULL)
    return cw_cli_usage_error (command, _("give the requirement with --requirement"));
  if (evidence == NULL)
    return cw_cli_usage_error (command, _("give the evidence with --evidence"));
  if (statement == NULL)
    return cw_cli_usage_error (command, _("give the statement with --statement"));
  CwGrade value;
  if (grade != NULL && !cw_grade_from_string (grade, &value))
    return cw_cli_input_error (_("“%s” is not a grade; use one of %s"), grade,
                               cw_grade_tokens ());

  g_autoptr (GPtrArray) hints
    = cw_statement_check (requirement, evidence, statement, grade != NULL ? &value : NULL);
  for (guint i = 0; i < hints->len; i++)
    {
      CwStatementHint *hint = g_ptr_array_index (hints, i);
      g_autofree char *message = cw_cli_one_line (hint->message);
      g_print ("%s\t%s\n", cw_statement_kind_to_string (hint->kind), message);
    }
  return CW_CLI_OK;
}
