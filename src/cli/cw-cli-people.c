/* cw-cli-people.c: the organisation's people and the areas they are
 * responsible for, and the independence of an audit's team, on the command
 * line. The rules are the core's (cw-people.c). */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-people.h"
#include "cw-text.h"

int
cw_cli_run_person_add (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *role = NULL, *areas = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role in the organisation"),
      N_("TEXT") },
    { "areas", 0, 0, G_OPTION_ARG_STRING, &areas,
      N_("Clauses they are responsible for, comma-separated; 8.5.1 covers its sub-clauses"),
      N_("8.5.1,8.5.3") },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_auto (GStrv) list = cw_text_split_list (areas);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_person_with_areas (workspace, args[1], role,
                                                  (const char *const *) list, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

int
cw_cli_run_person_list (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = cw_workspace_list_people (workspace, &error);
  if (people == NULL)
    return cw_cli_fail (error);
  const char *header[] = { "name", "role", "areas" };
  if (csv)
    cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);
      g_autofree char *areas = g_strjoinv (",", person->areas);
      if (csv)
        {
          const char *fields[] = { person->name, person->role, areas };
          cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
        }
      else
        {
          g_autofree char *name = cw_cli_one_line (person->name);
          g_autofree char *role = cw_cli_one_line (person->role);
          g_print ("%s\t%s\t%s\n", name, role, areas);
        }
    }
  return CW_CLI_OK;
}

int
cw_cli_run_person_areas (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *role = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Change their role too"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPerson) person = cw_workspace_find_person (workspace, args[1], &error);
  if (person == NULL)
    return cw_cli_fail (error);
  g_auto (GStrv) list = cw_text_split_list (args[2]);
  if (!cw_workspace_update_person (workspace, person, person->name, role ? role : person->role,
                                   (const char *const *) list, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* "NAME: reason" given to --justify. */
gboolean
cw_cli_parse_justifications (char **items, GArray *justifications)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      char *colon = strchr (items[i], ':');
      if (colon == NULL || colon == items[i] || cw_text_is_blank (colon + 1))
        {
          cw_cli_input_error (_("“%s” is not a reason for a team member; give it as "
                                "“NAME: why they may audit their own area”"),
                              items[i]);
          return FALSE;
        }
      *colon = '\0';
      CwJustification justification = { g_strstrip (items[i]), g_strstrip (colon + 1) };
      g_array_append_val (justifications, justification);
    }
  return TRUE;
}

static void
print_independence (GPtrArray *members)
{
  for (guint i = 0; i < members->len; i++)
    {
      CwIndependence *member = g_ptr_array_index (members, i);
      g_autofree char *statement = cw_independence_describe (member);
      g_autofree char *name = cw_cli_one_line (member->name);
      g_autofree char *text = cw_cli_one_line (statement);
      g_print ("%s\t%s\t%s\n", name, member->lead ? _("lead auditor") : _("auditor"), text);
    }
}

int
cw_cli_run_audit_independence (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *person = NULL, *justification = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("The team member who audits an area they are responsible for"), N_("NAME") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification,
      N_("Why they may (in a small organisation there may be nobody else)"), N_("TEXT") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Remove the reason recorded for them (once it is no longer needed)"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (person == NULL && (justification != NULL || remove))
    return cw_cli_usage_error (command, _("--person is required with --justification or --remove"));
  if (person != NULL && (justification != NULL) == remove)
    return cw_cli_usage_error (command, _("give either --justification or --remove"));
  gint64 audit;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &audit, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  if (person != NULL
      && !cw_workspace_justify_independence (workspace, audit, person,
                                             remove ? NULL : justification, &error))
    return cw_cli_fail (error);
  g_autoptr (GPtrArray) members = cw_workspace_list_independence (workspace, audit, &error);
  if (members == NULL)
    return cw_cli_fail (error);
  print_independence (members);
  return CW_CLI_OK;
}
