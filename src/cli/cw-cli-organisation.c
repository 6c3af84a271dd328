/* cw-cli-organisation.c: the organisation's profile on the command line:
 * its name, scope, services, certification body, the dates of Stage One
 * and Two, and the days the auditee has to respond to a nonconformity of
 * each grade. The rules are the core's (cw_workspace_set_organisation);
 * what is typed is checked with the core's parsers before the file is
 * opened, so a mistyped value never reaches it. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-date.h"
#include "cw-readiness.h"

/* A field as one line: a line break inside becomes a space. */
static void
print_line (const char *label, const char *value)
{
  g_autofree char *line = cw_cli_one_line (value);
  g_print ("%s: %s\n", label, line);
}

/* Services are one a line in the dialog: here "; " between them. */
static char *
services_line (const char *services)
{
  g_auto (GStrv) lines = g_strsplit (services ? services : "", "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (kept, lines[i]);
    }
  g_auto (GStrv) services_list = g_strv_builder_end (kept);
  return g_strjoinv ("; ", services_list);
}

int
cw_cli_run_organisation_show (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, NULL, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  if (organisation == NULL)
    return cw_cli_fail (error);
  guint months = cw_workspace_get_coverage_months (workspace, &error);
  if (months == 0)
    return cw_cli_fail (error);

  /* The labels are the options of "organisation set", untranslated: scripts
   * read them. */
  g_autofree char *services = services_line (organisation->services);
  g_autofree char *major = g_strdup_printf ("%u", organisation->respond_major_days);
  g_autofree char *minor = g_strdup_printf ("%u", organisation->respond_minor_days);
  g_autofree char *coverage = g_strdup_printf ("%u", months);
  g_autofree char *revision = g_strdup_printf ("%" PRId64, organisation->rev);
  print_line ("name", organisation->name);
  print_line ("scope", organisation->scope);
  print_line ("services", services);
  print_line ("certification-body", organisation->certification_body);
  print_line ("stage-one", organisation->stage_one);
  print_line ("stage-two", organisation->stage_two);
  print_line ("certified-on", organisation->certified_on);
  print_line ("respond-major", major);
  print_line ("respond-minor", minor);
  print_line ("coverage-months", coverage);
  print_line ("language", organisation->language);
  print_line ("revision", revision);
  return CW_CLI_OK;
}

/* A date given to `option`: "" clears it, anything else must be a date. */
static gboolean
check_date_option (const char *option, const char *value)
{
  g_autoptr (GError) error = NULL;
  if (value == NULL || *value == '\0' || cw_date_check (value, &error))
    return TRUE;
  cw_cli_input_error ("%s: %s", option, error->message);
  return FALSE;
}

/* Days given to `option`, read by the core's parser; 0 when not given,
 * which keeps what is stored. */
static gboolean
parse_days_option (const char *option, const char *value, gboolean major, guint *days)
{
  g_autoptr (GError) error = NULL;
  *days = 0;
  if (value == NULL || cw_organisation_parse_respond_days (value, major, days, &error))
    return TRUE;
  cw_cli_input_error ("%s: %s", option, error->message);
  return FALSE;
}

/* `*field` becomes `value` when the option was given. */
static void
take (char **field, char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

int
cw_cli_run_organisation_set (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *name = NULL, *scope = NULL, *services = NULL, *body = NULL;
  g_autofree char *stage_one = NULL, *stage_two = NULL, *major_text = NULL, *minor_text = NULL;
  g_autofree char *certified_on = NULL, *language = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The organisation's name"), N_("TEXT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("The scope of the service management system"), N_("TEXT") },
    { "services", 0, 0, G_OPTION_ARG_STRING, &services,
      N_("The services in scope, one a line"), N_("TEXT") },
    { "certification-body", 0, 0, G_OPTION_ARG_STRING, &body,
      N_("Who certifies the organisation"), N_("TEXT") },
    { "stage-one", 0, 0, G_OPTION_ARG_STRING, &stage_one,
      N_("The day of the Stage One audit (\"\" when not known)"), N_("YYYY-MM-DD") },
    { "stage-two", 0, 0, G_OPTION_ARG_STRING, &stage_two,
      N_("The day of the Stage Two audit (\"\" when not known)"), N_("YYYY-MM-DD") },
    { "certified-on", 0, 0, G_OPTION_ARG_STRING, &certified_on,
      N_("The day of the certification decision for the certificate in force; the cycle of "
         "surveillance and recertification counts from it (\"\" when not certified)"),
      N_("YYYY-MM-DD") },
    { "respond-major", 0, 0, G_OPTION_ARG_STRING, &major_text,
      N_("Days after the report is issued by which the auditee responds to a major "
         "nonconformity (default 30)"),
      N_("DAYS") },
    { "respond-minor", 0, 0, G_OPTION_ARG_STRING, &minor_text,
      N_("Days after the report is issued by which the auditee responds to a minor "
         "nonconformity (default 60)"),
      N_("DAYS") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the workspace's reports: en, de or fr"), N_("en|de|fr") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  guint major, minor;
  if (!check_date_option ("--stage-one", stage_one) || !check_date_option ("--stage-two", stage_two)
      || !check_date_option ("--certified-on", certified_on)
      || !parse_days_option ("--respond-major", major_text, TRUE, &major)
      || !parse_days_option ("--respond-minor", minor_text, FALSE, &minor))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  if (organisation == NULL)
    return cw_cli_fail (error);
  take (&organisation->name, name);
  take (&organisation->scope, scope);
  take (&organisation->services, services);
  take (&organisation->certification_body, body);
  take (&organisation->stage_one, stage_one);
  take (&organisation->stage_two, stage_two);
  take (&organisation->certified_on, certified_on);
  take (&organisation->language, language);
  if (major != 0)
    organisation->respond_major_days = major;
  if (minor != 0)
    organisation->respond_minor_days = minor;
  /* Saved over the revision just read: a change made meanwhile is refused. */
  if (!cw_workspace_set_organisation (workspace, organisation, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
