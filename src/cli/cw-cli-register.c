/* cw-cli-register.c: the register of documented information and
 * certification readiness on the command line. The rules are the core's
 * (cw-register.c, cw-readiness.c); this file reads options and prints. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-cli.h"
#include "cw-date.h"
#include "cw-output.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-text.h"

/* The largest register file an import reads: far more than any register. */
#define IMPORT_MAX_BYTES (16 * 1024 * 1024)

typedef struct
{
  char *reference;
  char *title;
  char *kind;
  char *clauses;
  char *version;
  char *owner;
  char *approved_on;
  char *review_due;
  char *status;
  char *location;
  char *file;
} EntryOptions;

static void
entry_options_clear (EntryOptions *o)
{
  g_free (o->reference);
  g_free (o->title);
  g_free (o->kind);
  g_free (o->clauses);
  g_free (o->version);
  g_free (o->owner);
  g_free (o->approved_on);
  g_free (o->review_due);
  g_free (o->status);
  g_free (o->location);
  g_free (o->file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntryOptions, entry_options_clear)

#define ENTRY_ENTRIES(o)                                                                           \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(o).title, N_("What the entry is called"), N_("TEXT") }, \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &(o).kind, N_("document or record"), N_("KIND") },         \
  { "clauses", 0, 0, G_OPTION_ARG_STRING, &(o).clauses,                                           \
    N_("The clauses it serves, comma-separated"), N_("LIST") },                                   \
  { "version", 0, 0, G_OPTION_ARG_STRING, &(o).version, N_("Its version"), N_("TEXT") },          \
  { "owner", 0, 0, G_OPTION_ARG_STRING, &(o).owner, N_("Who owns it"), N_("TEXT") },              \
  { "approved-on", 0, 0, G_OPTION_ARG_STRING, &(o).approved_on, N_("When it was approved"),       \
    N_("YYYY-MM-DD") },                                                                           \
  { "review-due", 0, 0, G_OPTION_ARG_STRING, &(o).review_due, N_("When it is next reviewed"),     \
    N_("YYYY-MM-DD") },                                                                           \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(o).status,                                             \
    N_("missing, draft, approved or withdrawn"), N_("STATUS") },                                  \
  { "location", 0, 0, G_OPTION_ARG_STRING, &(o).location, N_("A URL or where it is kept"),        \
    N_("TEXT") },                                                                                 \
  { "file", 0, 0, G_OPTION_ARG_FILENAME, &(o).file, N_("The file itself, kept by its SHA-256"),  \
    N_("FILE") }

/* Fills `draft` from the options given over what it holds; `clauses`
 * keeps the split list alive. FALSE after printing what is wrong. */
static gboolean
apply_options (EntryOptions *o, CwRegisterDraft *draft, GStrv *clauses)
{
  if (o->kind != NULL && !cw_expected_kind_from_string (o->kind, &draft->kind))
    {
      cw_cli_input_error (_("“%s” is not a kind; use document or record"), o->kind);
      return FALSE;
    }
  if (o->status != NULL && !cw_doc_status_from_string (o->status, &draft->status))
    {
      cw_cli_input_error (_("“%s” is not a status; use %s"), o->status, cw_doc_status_tokens ());
      return FALSE;
    }
  if (o->reference != NULL)
    draft->reference = o->reference;
  if (o->title != NULL)
    draft->title = o->title;
  if (o->clauses != NULL)
    {
      *clauses = cw_text_split_list (o->clauses);
      draft->clauses = (const char *const *) *clauses;
    }
  if (o->version != NULL)
    draft->version = o->version;
  if (o->owner != NULL)
    draft->owner = o->owner;
  if (o->approved_on != NULL)
    draft->approved_on = o->approved_on;
  if (o->review_due != NULL)
    draft->review_due = o->review_due;
  if (o->location != NULL)
    draft->location = o->location;
  if (o->file != NULL)
    {
      /* Kept as a location, a path must still mean the file from elsewhere. */
      g_autofree char *absolute = g_canonicalize_filename (o->file, NULL);
      g_free (o->file);
      o->file = g_steal_pointer (&absolute);
      draft->file = o->file;
    }
  return TRUE;
}

int
cw_cli_run_register_add (const CwCliCommand *command, int argc, char **argv)
{
  g_auto (EntryOptions) o = { 0 };
  GOptionEntry entries[] = { ENTRY_ENTRIES (o), { NULL } };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (o.title == NULL || o.kind == NULL || o.clauses == NULL)
    return cw_cli_usage_error (command, _("--title, --kind and --clauses are required"));
  CwRegisterDraft draft = { .reference = args[1], .status = CW_DOC_DRAFT };
  g_auto (GStrv) clauses = NULL;
  if (!apply_options (&o, &draft, &clauses))
    return CW_CLI_BAD_INPUT;
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_register_entry (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

static CwRegisterDraft
draft_of (const CwRegisterEntry *entry)
{
  CwRegisterDraft draft = {
    entry->reference, entry->title,   entry->kind,        (const char *const *) entry->clauses,
    entry->version,   entry->owner,   entry->approved_on, entry->review_due,
    entry->stored,    entry->location, NULL,              NULL,
  };
  return draft;
}

int
cw_cli_run_register_update (const CwCliCommand *command, int argc, char **argv)
{
  g_auto (EntryOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "reference", 0, 0, G_OPTION_ARG_STRING, &o.reference, N_("A new reference"), N_("REF") },
    ENTRY_ENTRIES (o),
    { NULL },
  };
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, entries, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) entry
    = cw_workspace_find_register_entry (workspace, args[1], &error);
  if (entry == NULL)
    return cw_cli_fail (error);
  CwRegisterDraft draft = draft_of (entry);
  g_auto (GStrv) clauses = NULL;
  if (!apply_options (&o, &draft, &clauses))
    return CW_CLI_BAD_INPUT;
  if (!cw_workspace_update_register_entry (workspace, entry, &draft, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_register_withdraw (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status;
  g_autoptr (CwWorkspace) workspace
    = cw_cli_parse_open (command, NULL, argc, argv, &args, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) entry
    = cw_workspace_find_register_entry (workspace, args[1], &error);
  if (entry == NULL || !cw_workspace_withdraw_register_entry (workspace, entry, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

static char *
join_references (GArray *ids, GHashTable *references)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_string_append_printf (text, "%s%s", i ? " " : "",
                              (const char *) g_hash_table_lookup (references, &id));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The entries, then what the catalogue expects that no entry serves:
 * with --items, every expected item and where it stands instead. */
int
cw_cli_run_register_list (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE, items_only = FALSE, gaps = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV with a header row"), NULL },
    { "items", 0, 0, G_OPTION_ARG_NONE, &items_only,
      N_("List what the catalogue expects at each clause, and what serves it"), NULL },
    { "gaps", 0, 0, G_OPTION_ARG_NONE, &gaps,
      N_("With --items: only mandatory items not approved and current"), NULL },
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
  g_autoptr (GPtrArray) list = cw_workspace_list_register (workspace, &error);
  g_autoptr (GPtrArray) items = list ? cw_workspace_register_items (workspace, &today, &error)
                                     : NULL;
  if (items == NULL)
    return cw_cli_fail (error);
  g_autoptr (GHashTable) references = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < list->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (list, i);
      g_hash_table_insert (references, &entry->id, entry->reference);
    }

  if (items_only)
    {
      const char *header[] = { "clause", "kind", "mandatory", "status", "entries", "expected" };
      if (csv)
        cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
      for (guint i = 0; i < items->len; i++)
        {
          CwRegisterItem *item = g_ptr_array_index (items, i);
          if (gaps && (!item->mandatory || item->status == CW_DOC_APPROVED))
            continue;
          g_autofree char *served = join_references (item->entries, references);
          const char *fields[] = { item->clause, cw_expected_kind_to_string (item->kind),
                                   item->mandatory ? "mandatory" : "",
                                   cw_doc_status_to_string (item->status), served,
                                   item->expected, NULL };
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

  const char *header[] = { "reference", "kind", "status",     "version", "owner",
                           "approved_on", "review_due", "clauses", "location", "title" };
  if (csv)
    cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (list, i);
      g_autofree char *clauses = g_strjoinv (" ", entry->clauses);
      g_autofree char *title = cw_cli_one_line (entry->title);
      g_autofree char *location = cw_cli_one_line (entry->location);
      const char *fields[] = { entry->reference,
                               cw_expected_kind_to_string (entry->kind),
                               cw_doc_status_to_string (cw_register_entry_status (entry, &today)),
                               entry->version,
                               entry->owner,
                               entry->approved_on ? entry->approved_on : "",
                               entry->review_due ? entry->review_due : "",
                               clauses,
                               location,
                               title,
                               NULL };
      if (csv)
        cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields) - 1);
      else
        {
          g_autofree char *line = g_strjoinv ("\t", (char **) fields);
          g_print ("%s\n", line);
        }
    }
  if (!csv)
    for (guint i = 0; i < items->len; i++)
      {
        CwRegisterItem *item = g_ptr_array_index (items, i);
        if (item->mandatory && item->status == CW_DOC_MISSING)
          g_print (_("missing\t%s %s (mandatory): %s\n"), item->clause,
                   cw_expected_kind_to_string (item->kind), item->expected);
      }
  return CW_CLI_OK;
}

int
cw_cli_run_register_import (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (GError) error = NULL;
  GStatBuf info;
  if (g_stat (args[1], &info) != 0 || !S_ISREG (info.st_mode))
    return cw_cli_input_error (_("%s is not a file that can be read; give the path of a CSV file"),
                               args[1]);
  if (info.st_size > IMPORT_MAX_BYTES)
    return cw_cli_input_error (_("%s is larger than a register can be (%d MiB at most)"),
                               args[1], IMPORT_MAX_BYTES / (1024 * 1024));
  g_autofree char *text = NULL;
  if (!g_file_get_contents (args[1], &text, NULL, &error))
    return cw_cli_fail (error);
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  guint stored = cw_workspace_import_register (workspace, text, &error);
  if (error != NULL)
    {
      /* One line on stderr for each bad line of the file. */
      g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        cw_cli_input_error ("%s", lines[i]);
      return CW_CLI_BAD_INPUT;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u entry added or changed\n",
                        "%u entries added or changed\n", stored),
           stored);
  return CW_CLI_OK;
}

int
cw_cli_run_register_export (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (GError) error = NULL;
  g_autofree char *target = NULL;
  if (output != NULL && (target = cw_output_resolve (output, &error)) == NULL)
    return cw_cli_fail (error);
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autofree char *csv = cw_workspace_export_register (workspace, &error);
  if (csv == NULL)
    return cw_cli_fail (error);
  if (target == NULL)
    g_print ("%s", csv);
  else if (!g_file_set_contents (target, csv, -1, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_register_cite (const CwCliCommand *command, int argc, char **argv)
{
  gint64 evidence = 0, finding = 0;
  GOptionEntry entries[] = {
    { "evidence", 0, 0, G_OPTION_ARG_INT64, &evidence, N_("The evidence that cites it"),
      N_("ID") },
    { "finding", 0, 0, G_OPTION_ARG_INT64, &finding, N_("The finding that cites it"), N_("ID") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if ((evidence > 0) == (finding > 0))
    return cw_cli_usage_error (command, _("give either --evidence or --finding"));
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) entry
    = cw_workspace_find_register_entry (workspace, args[1], &error);
  if (entry == NULL
      || !cw_workspace_cite_register_entry (workspace, entry->id,
                                            evidence > 0 ? "evidence" : "finding",
                                            evidence > 0 ? evidence : finding, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

/* ---- Readiness ------------------------------------------------------------ */

static char *
records_text (const CwCriterion *criterion)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < criterion->records->len; i++)
    {
      const CwReadinessRecord *r = &g_array_index (criterion->records, CwReadinessRecord, i);
      if (text->len > 0)
        g_string_append (text, ", ");
      if (r->id > 0)
        g_string_append_printf (text, "%s %" PRId64 " (%s)", r->entity, r->id,
                                r->label ? r->label : "");
      else
        g_string_append_printf (text, "%s %s", r->entity, r->label ? r->label : "");
    }
  if (criterion->n_records > criterion->records->len)
    g_string_append_printf (text, _(" and %u more"),
                            criterion->n_records - criterion->records->len);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_weeks (const char *what, const char *day, const GDate *today)
{
  gint weeks;
  if (!cw_readiness_weeks_until (day, today, &weeks))
    g_print (_("%s: no date set (set it for the organisation)\n"), what);
  else if (weeks >= 0)
    g_print (_("%s: %s, %d weeks from today\n"), what, day, weeks);
  else
    g_print (_("%s: %s, %d weeks ago\n"), what, day, -weeks);
}

/* The state is the output: exit 0 whether or not the organisation is
 * ready, so that scripts tell a failed command from a red criterion. */
int
cw_cli_run_readiness (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *stage_text = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage_text,
      N_("Only one stage: 1 (or one), 2 (or two), or the cycle after certification (cycle)"),
      N_("STAGE") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  CwStage stage = CW_STAGE_BOTH;
  if (stage_text != NULL)
    {
      if (g_str_equal (stage_text, "1") || g_str_equal (stage_text, "one"))
        stage = CW_STAGE_ONE;
      else if (g_str_equal (stage_text, "2") || g_str_equal (stage_text, "two"))
        stage = CW_STAGE_TWO;
      else if (g_str_equal (stage_text, "cycle"))
        stage = CW_STAGE_CYCLE;
      else
        return cw_cli_input_error (_("“%s” is not a stage; use 1, 2 or cycle"), stage_text);
    }
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_autoptr (GPtrArray) criteria
    = organisation ? cw_workspace_readiness (workspace, stage, &today, &error) : NULL;
  if (criteria == NULL)
    return cw_cli_fail (error);
  /* Once certified, the cycle follows the two stages unless one is asked for. */
  g_autoptr (CwCertCycle) cycle = cw_workspace_certification_cycle (workspace, &error);
  if (error != NULL)
    return cw_cli_fail (error);
  if (stage == CW_STAGE_BOTH && cycle != NULL)
    {
      g_autoptr (GPtrArray) after = cw_workspace_readiness (workspace, CW_STAGE_CYCLE, &today, &error);
      if (after == NULL)
        return cw_cli_fail (error);
      g_ptr_array_extend_and_steal (criteria, g_steal_pointer (&after));
    }
  if (stage == CW_STAGE_CYCLE && cycle == NULL && !csv)
    g_print (_("Not certified yet: once the certificate is granted, record the day with "
               "`organisation set --certified-on`\n"));
  const char *header[] = { "stage", "criterion", "colour", "reason", "records" };
  if (csv)
    cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
  else
    {
      print_weeks (_("Stage One"), organisation->stage_one, &today);
      print_weeks (_("Stage Two"), organisation->stage_two, &today);
      if (cycle != NULL && cycle->next < CW_N_VISITS)
        print_weeks (cw_visit_label (cycle->next), cycle->due[cycle->next], &today);
      if (cycle != NULL)
        print_weeks (_("Certificate expiry"), cycle->expires_on, &today);
    }
  CwStage shown = CW_STAGE_BOTH;
  for (guint i = 0; i < criteria->len; i++)
    {
      CwCriterion *c = g_ptr_array_index (criteria, i);
      g_autofree char *records = records_text (c);
      if (csv)
        {
          g_autofree char *stage_number = g_strdup_printf ("%d", c->stage);
          const char *fields[] = { stage_number, c->id, cw_ready_colour_to_string (c->colour),
                                   c->reason, records };
          cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
          continue;
        }
      if (c->stage != shown)
        {
          g_print ("\n%s\n", c->stage == CW_STAGE_ONE   ? _("Stage One")
                             : c->stage == CW_STAGE_TWO ? _("Stage Two")
                                                        : _("After certification"));
          shown = c->stage;
        }
      g_print ("%-6s %s: %s\n", cw_ready_colour_to_string (c->colour), c->title, c->reason);
      if (*records != '\0')
        g_print ("       %s\n", records);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_readiness_window (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  guint64 months;
  if (!g_ascii_string_to_unsigned (args[1], 10, 1, CW_READINESS_MAX_MONTHS, &months, NULL))
    return cw_cli_input_error (_("“%s” is not a number of months from 1 to %d"), args[1],
                               CW_READINESS_MAX_MONTHS);
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  if (organisation == NULL
      || !cw_workspace_set_coverage_months (workspace, (guint) months, organisation->rev, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
