/* cw-cli-external.c: the certification body's audits and their findings on
 * the command line. The rules are the core's (cw-external.c); an action is
 * raised from a finding with `action new --external`. */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cw-cli.h"
#include "cw-external.h"

int
cw_cli_run_external_new (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *kind_text = NULL, *body = NULL, *start = NULL, *end = NULL, *lead = NULL;
  g_autofree char *reference = NULL, *outcome = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("stage-one, stage-two, surveillance or recertification"), N_("KIND") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The certification body"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First day of the audit"),
      N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the audit (default: the first)"),
      N_("YYYY-MM-DD") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("The body's lead auditor"), N_("NAME") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The reference of the body's report"),
      N_("TEXT") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome,
      N_("What the report concludes, such as “Ready for Stage Two”"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (kind_text == NULL || body == NULL || start == NULL)
    return cw_cli_usage_error (command, _("--kind, --body and --start are required"));
  CwExternalAuditDraft draft = { .body = body, .starts_on = start, .ends_on = end, .lead = lead,
                                 .reference = reference, .outcome = outcome };
  if (!cw_external_kind_from_string (kind_text, &draft.kind))
    return cw_cli_input_error (_("“%s” is not a kind of certification audit; use one of %s"),
                               kind_text, cw_external_kind_tokens ());
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_external_audit (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

/* Each audit on a line, its findings indented below it:
 * id, kind, first and last day, body, report reference, outcome;
 * id, kind, reference, clause, state, action, text. */
int
cw_cli_run_external_list (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, NULL, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_external_audits (workspace, &error);
  g_autoptr (GPtrArray) findings
    = audits ? cw_workspace_list_external_findings (workspace, 0, &error) : NULL;
  if (findings == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < audits->len; i++)
    {
      CwExternalAudit *audit = g_ptr_array_index (audits, i);
      g_autofree char *body = cw_cli_one_line (audit->body);
      g_autofree char *reference = cw_cli_one_line (audit->reference);
      g_autofree char *outcome = cw_cli_one_line (audit->outcome);
      g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s\n", audit->id,
               cw_external_kind_to_string (audit->kind), audit->starts_on,
               audit->ends_on ? audit->ends_on : audit->starts_on, body, reference, outcome);
      for (guint j = 0; j < findings->len; j++)
        {
          CwExternalFinding *finding = g_ptr_array_index (findings, j);
          if (finding->audit_id != audit->id)
            continue;
          g_autofree char *state
            = finding->resolved
                ? g_strdup_printf (_("resolved %s"), finding->resolved_on)
                : finding->respond_by ? g_strdup_printf (_("open, respond by %s"), finding->respond_by)
                                      : g_strdup (_("open"));
          g_autofree char *action = finding->action_id
                                      ? g_strdup_printf (_("action %" PRId64), finding->action_id)
                                      : g_strdup (_("no action"));
          g_autofree char *finding_reference = cw_cli_one_line (finding->reference);
          g_autofree char *text = cw_cli_one_line (finding->text);
          g_print ("  %" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s\n", finding->id,
                   cw_body_grade_to_string (finding->grade), finding_reference, finding->clause,
                   state, action, text);
        }
    }
  return CW_CLI_OK;
}

int
cw_cli_run_external_finding (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *kind_text = NULL, *clause = NULL, *reference = NULL, *text = NULL;
  g_autofree char *respond_by = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("concern (Stage One), major, minor, observation or ofi, as the body's report grades it"),
      N_("KIND") },
    { "clause", 0, 0, G_OPTION_ARG_STRING, &clause, N_("The clause it concerns"), N_("CLAUSE") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The body's reference for it, such as S1-C1"), N_("REF") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The finding as the report words it"),
      N_("TEXT") },
    { "respond-by", 0, 0, G_OPTION_ARG_STRING, &respond_by,
      N_("The day the body expects a response by"), N_("YYYY-MM-DD") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (kind_text == NULL || clause == NULL || reference == NULL || text == NULL)
    return cw_cli_usage_error (command, _("--kind, --clause, --reference and --text are required"));
  CwExternalFindingDraft draft = { .clause = clause, .reference = reference, .text = text,
                                   .respond_by = respond_by };
  if (!cw_body_grade_from_string (kind_text, &draft.grade))
    return cw_cli_input_error (_("“%s” is not a kind of finding; use one of %s"), kind_text,
                               cw_body_grade_tokens ());
  g_autoptr (CwWorkspace) workspace
    = cw_cli_open_record (args, _("a certification audit"), &draft.audit_id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_external_finding (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

int
cw_cli_run_external_resolve (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *on = NULL, *how = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The day it was resolved"), N_("YYYY-MM-DD") },
    { "how", 0, 0, G_OPTION_ARG_STRING, &how,
      N_("How: the correction, the evidence the body accepted"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (on == NULL || how == NULL)
    return cw_cli_usage_error (command, _("--on and --how are required"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_open_record (args, _("a certification body's finding"), &id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_resolve_external_finding (workspace, id, on, how, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
