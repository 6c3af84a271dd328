/* cw-cli-exchange.c: the exchange format on the command line: export,
 * assignments, import with its merge, and settling conflicts. The rules
 * are the core's (cw-exchange.c). */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-exchange.h"

static int
export (const CwCliCommand *command, CwExportKind kind, int argc, char **argv)
{
  g_autofree char *output = NULL, *evidence = NULL, *auditor = NULL, *clauses = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The XML file to write"),
      N_("FILE.xml") },
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence,
      N_("A folder holding the evidence files, found by their SHA-256 (default: the "
         "workspace's own folder WORKSPACE.files)"),
      N_("DIR") },
    { "auditor", 0, 0, G_OPTION_ARG_STRING, &auditor, N_("Who the assignment is for"),
      N_("NAME") },
    { "clauses", 0, 0, G_OPTION_ARG_STRING, &clauses,
      N_("The clauses the auditor covers, comma-separated"), N_("LIST") },
    { NULL },
  };
  if (kind != CW_EXPORT_ASSIGNMENT)
    entries[2] = (GOptionEntry) { NULL };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (output == NULL)
    return cw_cli_usage_error (command, _("--output is required"));
  if (kind == CW_EXPORT_ASSIGNMENT && (auditor == NULL || clauses == NULL))
    return cw_cli_usage_error (command, _("--auditor and --clauses are required"));
  gint64 audit = 0;
  g_autoptr (CwWorkspace) workspace = NULL;
  if (kind == CW_EXPORT_AUDIT || kind == CW_EXPORT_ASSIGNMENT)
    workspace = cw_cli_open_record (args, _("audit"), &audit, &status);
  else
    workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_auto (GStrv) list = clauses ? g_strsplit (clauses, ",", -1) : NULL;
  for (guint i = 0; list && list[i]; i++)
    g_strstrip (list[i]);
  CwExportRequest request = { .kind = kind, .audit_id = audit, .auditor = auditor,
                              .clauses = (const char *const *) list,
                              .evidence_dir = evidence };
  g_autoptr (GError) error = NULL;
  guint missing = 0;
  if (!cw_workspace_export (workspace, &request, output, &missing, &error))
    return cw_cli_fail (error);
  if (missing > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u evidence file was not found and is not carried with the "
                             "export; give its folder with --evidence\n",
                             "%u evidence files were not found and are not carried with the "
                             "export; give their folder with --evidence\n",
                             missing),
                missing);
  return CW_CLI_OK;
}

int
cw_cli_run_export_workspace (const CwCliCommand *command, int argc, char **argv)
{
  return export (command, CW_EXPORT_WORKSPACE, argc, argv);
}

int
cw_cli_run_export_audit (const CwCliCommand *command, int argc, char **argv)
{
  return export (command, CW_EXPORT_AUDIT, argc, argv);
}

int
cw_cli_run_export_register (const CwCliCommand *command, int argc, char **argv)
{
  return export (command, CW_EXPORT_REGISTER, argc, argv);
}

int
cw_cli_run_assign (const CwCliCommand *command, int argc, char **argv)
{
  return export (command, CW_EXPORT_ASSIGNMENT, argc, argv);
}

static void
print_conflict (const CwConflict *conflict, gboolean fields)
{
  g_autofree char *label = cw_cli_one_line (conflict->label);
  g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\n", conflict->id,
           conflict->open ? "open" : "resolved", conflict->entity, label,
           conflict->open ? conflict->source : conflict->decision);
  for (guint i = 0; fields && i < conflict->fields->len; i++)
    {
      CwConflictField *field = g_ptr_array_index (conflict->fields, i);
      if (!field->differs)
        continue;
      g_autofree char *ours = cw_cli_one_line (field->ours ? field->ours : "");
      g_autofree char *theirs = cw_cli_one_line (field->theirs ? field->theirs : "");
      g_print ("\t%s\n\t\t%s: %s\n\t\t%s: %s\n", field->name, _("ours"), ours, _("theirs"),
               theirs);
    }
}

int
cw_cli_run_import (const CwCliCommand *command, int argc, char **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Say what would change and what would conflict, and change nothing"), NULL },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwImportResult) result = cw_workspace_import (workspace, args[1], dry_run, &error);
  if (result == NULL)
    return cw_cli_fail (error);
  g_print (dry_run ? _("Would import from %s\n") : _("Imported from %s\n"), result->source);
  g_print (_("added\t%u\nupdated\t%u\nunchanged\t%u\nconflicts\t%u\nfiles\t%u\n"), result->added,
           result->updated, result->unchanged, result->conflicts, result->files);
  if (result->backup)
    g_print (_("backup\t%s\n"), result->backup);
  /* A dry run's conflicts were rolled back with the rest: it says which
   * records would change and how. */
  for (guint i = 0; dry_run && i < result->changes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (result->changes, i));
  if (!dry_run)
    for (guint i = 0; i < result->conflict_ids->len; i++)
      {
        gint64 id = *(gint64 *) g_ptr_array_index (result->conflict_ids, i);
        g_autoptr (CwConflict) conflict = cw_workspace_get_conflict (workspace, id, &error);
        if (conflict == NULL)
          return cw_cli_fail (error);
        print_conflict (conflict, TRUE);
      }
  return CW_CLI_OK;
}

int
cw_cli_run_conflicts (const CwCliCommand *command, int argc, char **argv)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("List the settled conflicts too"), NULL },
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = cw_workspace_list_conflicts (workspace, all, &error);
  if (list == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      CwConflict *conflict = g_ptr_array_index (list, i);
      print_conflict (conflict, conflict->open);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_resolve (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *take = NULL;
  GOptionEntry entries[] = {
    { "take", 0, 0, G_OPTION_ARG_STRING, &take,
      N_("ours, theirs, or the fields to take from theirs, comma-separated (the rest stay "
         "ours)"),
      N_("WHAT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (take == NULL)
    return cw_cli_usage_error (command, _("--take is required"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("conflict"), &id, &status);
  if (workspace == NULL)
    return status;
  g_auto (GStrv) fields = NULL;
  if (g_str_equal (take, "theirs"))
    fields = g_strsplit ("*", ",", -1);
  else if (!g_str_equal (take, "ours"))
    {
      fields = g_strsplit (take, ",", -1);
      for (guint i = 0; fields[i]; i++)
        g_strstrip (fields[i]);
    }
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_resolve_conflict (workspace, id, (const char *const *) fields, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
