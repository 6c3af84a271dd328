/* cw-cli-programme.c: the internal audit programme on the command line:
 * start its cycle, set clause importance, and show each clause's coverage.
 * The rules are the core's (cw-programme.c). */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-date.h"
#include "cw-programme.h"

int
cw_cli_run_programme_start (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *date = NULL;
  gint years = 3;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The first day of the cycle"),
      N_("YYYY-MM-DD") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("How long the cycle lasts (default 3)"),
      N_("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (date == NULL)
    return cw_cli_usage_error (command, _("--date is required"));
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_start_programme (workspace, date, (guint) MAX (years, 0), &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_programme_plan (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *start = NULL, *end = NULL, *title = NULL, *lead = NULL;
  GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("The first day of the audit"),
      N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("The last day (default: the first)"),
      N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The audit's title (default: Internal audit of CLAUSE)"), N_("TEXT") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("The lead auditor"), N_("NAME") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (start == NULL)
    return cw_cli_usage_error (command, _("--start is required"));
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 id
    = cw_workspace_plan_programme_audit (workspace, args[1], start, end, title, lead, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

int
cw_cli_run_programme_importance (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  CwImportance importance;
  if (!cw_importance_from_string (args[2], &importance))
    return cw_cli_input_error (_("“%s” is not an importance; use high, normal or low"), args[2]);
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_set_importance (workspace, args[1], importance, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

static char *
id_or_empty (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" PRId64, id) : g_strdup ("");
}

int
cw_cli_run_programme_show (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE, gaps = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV with a header row"), NULL },
    { "gaps", 0, 0, G_OPTION_ARG_NONE, &gaps,
      N_("Only clauses overdue, due soon or not yet audited in the cycle"), NULL },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (workspace, &error);
  g_autoptr (GPtrArray) rows
    = programme ? cw_workspace_programme_coverage (workspace, &today, &error) : NULL;
  if (rows == NULL)
    return cw_cli_fail (error);
  const char *header[] = { "clause", "importance", "last_audited", "last_audit", "worst",
                           "next_due", "planned_audit", "planned_on", "coverage" };
  if (csv)
    cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
  else
    g_print (_("Programme of %u years from %s\n"), programme->years, programme->starts_on);
  for (guint i = 0; i < rows->len; i++)
    {
      CwCoverageRow *row = g_ptr_array_index (rows, i);
      if (gaps && (row->coverage == CW_COVERAGE_COVERED || row->coverage == CW_COVERAGE_PLANNED))
        continue;
      g_autofree char *last = id_or_empty (row->last_audit);
      g_autofree char *planned = id_or_empty (row->planned_audit);
      const char *fields[] = {
        row->clause,
        cw_importance_to_string (row->importance),
        row->last_audited ? row->last_audited : "",
        last,
        row->last_audit ? cw_result_to_string (row->worst) : "",
        row->next_due,
        planned,
        row->planned_on ? row->planned_on : "",
        cw_coverage_to_string (row->coverage),
        NULL,
      };
      if (csv)
        cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields) - 1);
      else
        {
          g_autofree char *line = g_strjoinv ("\t", (char **) fields);
          g_print ("%s\n", line);
        }
    }
  return CW_CLI_OK;
}
