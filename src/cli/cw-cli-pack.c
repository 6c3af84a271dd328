/* cw-cli-pack.c: `clausewise-cli docs bundle`, the Stage One submission
 * pack. What goes in, what stops it and the all-or-nothing write are the
 * core's (cw-pack.c); this file reads the command line and prints. */
#include "config.h"

#include <glib/gi18n.h>

#include "cw-cli.h"
#include "cw-date.h"
#include "cw-pack.h"
#include "cw-text.h"

static void
print_field_line (const char *const *fields, gsize n)
{
  g_autoptr (GString) line = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *one = cw_cli_one_line (fields[i] != NULL && *fields[i] ? fields[i] : "-");
      g_string_append_printf (line, "%s%s", i ? "\t" : "", one);
    }
  g_autofree char *safe = cw_text_escape_controls (line->str, -1);
  g_print ("%s\n", safe);
}

/* One line per item: kind, reference, version, its file in the folder (or
 * where it is kept), SHA-256; then one line per problem. */
static int
print_plan (const CwPackPlan *plan)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const CwPackItem *item = g_ptr_array_index (plan->items, i);
      const char *fields[] = {
        cw_pack_kind_to_string (item->kind),
        item->reference,
        item->version,
        item->kind == CW_PACK_KEPT_ELSEWHERE ? item->source : item->file_name,
        item->sha256,
      };
      print_field_line (fields, G_N_ELEMENTS (fields));
    }
  for (guint i = 0; i < plan->problems->len; i++)
    {
      const char *fields[] = { "problem", g_ptr_array_index (plan->problems, i) };
      print_field_line (fields, G_N_ELEMENTS (fields));
    }
  return plan->problems->len > 0 ? CW_CLI_BAD_INPUT : CW_CLI_OK;
}

/* The refusal names every problem, one per line: the first line as any
 * error, the problems under it. */
static int
print_refusal (const GError *error)
{
  g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *safe = cw_text_escape_controls (lines[i], -1);
      g_printerr (i == 0 ? "clausewise-cli: %s\n" : "  %s\n", safe);
    }
  return CW_CLI_BAD_INPUT;
}

int
cw_cli_run_docs_bundle (const CwCliCommand *command, int argc, char **argv)
{
  gboolean stage_one = FALSE, dry_run = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "stage-one", 0, 0, G_OPTION_ARG_NONE, &stage_one,
      N_("The Stage One submission pack (required: the only pack there is so far)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The new folder to write the pack into; it must not exist yet"), N_("FOLDER") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("List what would go in and what stops the pack, and write nothing"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (!stage_one)
    return cw_cli_usage_error (command,
                               _("only the Stage One pack exists so far: add --stage-one"));
  if (!dry_run && (output == NULL || *output == '\0'))
    return cw_cli_usage_error (command, _("-o FOLDER is required, unless --dry-run is given"));

  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwPackPlan) plan = cw_workspace_plan_stage_one_pack (workspace, &today, &error);
  if (plan == NULL)
    return cw_cli_fail (error);
  if (dry_run)
    return print_plan (plan);
  if (!cw_workspace_write_stage_one_pack (workspace, plan, output, &error))
    return plan->problems->len > 0 ? print_refusal (error) : cw_cli_fail (error);

  for (guint i = 0; i < plan->items->len; i++)
    {
      const CwPackItem *item = g_ptr_array_index (plan->items, i);
      if (item->file_name == NULL)
        continue;
      const char *fields[] = { item->file_name, item->sha256 };
      print_field_line (fields, G_N_ELEMENTS (fields));
    }
  return CW_CLI_OK;
}
