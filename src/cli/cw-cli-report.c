/* cw-cli-report.c: `clausewise-cli report …`, the PDF reports. The layout
 * and the safe write live in the core (cw-report.h); this file reads the
 * command line and reports the outcome. */
#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-output.h"
#include "cw-date.h"
#include "cw-i18n.h"
#include "cw-report.h"

typedef CwReport *(*ReportForId) (CwWorkspace *workspace, gint64 id, GError **error);

typedef struct
{
  char *output;
  char *paper;
  char *language;
  gboolean reproducible;
} ReportOptions;

static void
report_options_clear (ReportOptions *options)
{
  g_free (options->output);
  g_free (options->paper);
  g_free (options->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

/* `dated`: the report always carries its own date (a debrief, dated from
 * the issue it debriefs), so --reproducible would promise nothing more and
 * is not offered. */
static int
parse_report (const CwCliCommand *command, gboolean dated, ReportOptions *options, CwPaper *paper,
              int argc, char **argv, char ***args)
{
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_ ("Where to write the PDF (required)"), N_ ("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper,
      N_ ("Paper size: a4 (default) or letter"), N_ ("a4|letter") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options->language,
      N_ ("The report's language: en, de or fr (default: the workspace's)"), N_ ("en|de|fr") },
    { "reproducible", 0, 0, G_OPTION_ARG_NONE, &options->reproducible,
      N_ ("Same workspace, same bytes: date the PDF from the workspace, not the clock"), NULL },
    { NULL },
  };
  if (dated)
    entries[3] = (GOptionEntry){ NULL };
  int status = cw_cli_parse (command, entries, argc, argv, args);
  if (status >= 0)
    return status;
  if (options->output == NULL || *options->output == '\0')
    return cw_cli_usage_error (command, _ ("-o OUT.pdf is required"));
  *paper = CW_PAPER_A4;
  if (options->paper != NULL && !cw_paper_from_string (options->paper, paper))
    return cw_cli_usage_error (command, _ ("“%s” is not a paper size; use a4 or letter"),
                               options->paper);
  if (options->language != NULL && !cw_language_is_known (options->language))
    return cw_cli_usage_error (command, _ ("“%s” is not a report language; use en, de or fr"),
                               options->language);
  /* A target that can never hold the report (a pipe, a device, the
   * workspace's -wal …) is refused before the workspace is even opened; the
   * writer checks again, as it does for the window. */
  g_autoptr (GError) error = NULL;
  g_autofree char *target = cw_output_resolve (options->output, &error);
  if (target == NULL)
    return cw_cli_fail (error);
  return -1;
}

static int
write_report (CwReport *report, const ReportOptions *options, CwPaper paper)
{
  cw_report_set_paper (report, paper);
  cw_report_set_reproducible (report, options->reproducible);
  g_autoptr (GError) error = NULL;
  if (!cw_report_write_pdf (report, options->output, NULL, NULL, NULL, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* `what` names the record in the message for a bad id: "an audit". */
static int
run_report_for_id (const CwCliCommand *command, gboolean dated, int argc, char **argv,
                   ReportForId make, const char *what)
{
  g_auto (ReportOptions) options = { 0 };
  CwPaper paper;
  char **args;
  int status = parse_report (command, dated, &options, &paper, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, what, &id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (options.language != NULL && !cw_language_push (options.language, &error))
    return cw_cli_fail (error);
  g_autoptr (CwReport) report = make (workspace, id, &error);
  status = report ? write_report (report, &options, paper) : cw_cli_fail (error);
  if (options.language != NULL)
    cw_language_pop ();
  return status;
}

int
cw_cli_run_report_audit (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_id (command, FALSE, argc, argv, cw_report_new_audit, _ ("an audit"));
}

int
cw_cli_run_report_nc (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_id (command, FALSE, argc, argv, cw_report_new_nonconformities, _ ("an audit"));
}

int
cw_cli_run_report_plan (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_id (command, FALSE, argc, argv, cw_report_new_audit_plan, _ ("an audit"));
}

/* A report of the whole workspace, as of today or, with --reproducible, as
 * of the workspace's last change. */
typedef CwReport *(*ReportForWorkspace) (CwWorkspace *workspace, gboolean reproducible,
                                         GError **error);

static int
run_report_for_workspace (const CwCliCommand *command, int argc, char **argv,
                          ReportForWorkspace make)
{
  g_auto (ReportOptions) options = { 0 };
  CwPaper paper;
  char **args;
  int status = parse_report (command, FALSE, &options, &paper, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (options.language != NULL && !cw_language_push (options.language, &error))
    return cw_cli_fail (error);
  g_autoptr (CwReport) report = make (workspace, options.reproducible, &error);
  status = report ? write_report (report, &options, paper) : cw_cli_fail (error);
  if (options.language != NULL)
    cw_language_pop ();
  return status;
}

int
cw_cli_run_report_actions (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_workspace (command, argc, argv, cw_report_new_actions);
}

/* Reports of the state on a day: today, or for reproducible output the
 * day of the workspace's last change. */
static gboolean
report_day (CwWorkspace *workspace, gboolean reproducible, GDate *today, GError **error)
{
  if (reproducible)
    return cw_report_reference_date (workspace, today, error);
  cw_date_local_today (today);
  return TRUE;
}

static CwReport *
new_programme (CwWorkspace *workspace, gboolean reproducible, GError **error)
{
  GDate today;
  if (!report_day (workspace, reproducible, &today, error))
    return NULL;
  return cw_report_new_programme (workspace, &today, error);
}

static CwReport *
new_readiness (CwWorkspace *workspace, gboolean reproducible, GError **error)
{
  GDate today;
  if (!report_day (workspace, reproducible, &today, error))
    return NULL;
  return cw_report_new_readiness (workspace, &today, error);
}

int
cw_cli_run_report_programme (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_workspace (command, argc, argv, new_programme);
}

int
cw_cli_run_report_readiness (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_workspace (command, argc, argv, new_readiness);
}

int
cw_cli_run_report_review (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_id (command, FALSE, argc, argv, cw_report_new_review, _ ("a review"));
}

/* The debrief of a case audit: dated from the issue of the report it
 * debriefs, so the same issue gives the same bytes without asking. */
int
cw_cli_run_report_debrief (const CwCliCommand *command, int argc, char **argv)
{
  return run_report_for_id (command, TRUE, argc, argv, cw_report_new_debrief, _ ("an audit"));
}
