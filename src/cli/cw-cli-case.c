/* cw-cli-case.c: case audits on the command line. A case is started into a
 * workspace of its own; its library hands out records; the debrief compares
 * the trainee's findings with the case's model findings. The rules and the
 * scoring are the core's (cw-case-audit.c); this file reads the command line
 * and prints. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-case-audit.h"
#include "cw-cli.h"

/* The pack a command reads: `path`, or the bundled one when NULL. */
static GBytes *
read_pack_bytes (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  return g_file_load_bytes (file, NULL, NULL, error);
}

static CwExercisePack *
read_pack (const char *path, GError **error)
{
  if (path == NULL)
    return cw_exercise_pack_read_bundled (NULL, error);
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  return cw_exercise_pack_read_file (file, NULL, error);
}

static const GOptionEntry pack_option
  = { "pack", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("A pack file to read instead of the bundled pack"), N_("FILE") };

/* The case audits of the bundled pack, or of a pack file: one a line,
 * id, difficulty, model findings, records written out, title. */
int
cw_cli_run_case_list (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *pack_path = NULL;
  GOptionEntry entries[] = { pack_option, { NULL } };
  entries[0].arg_data = &pack_path;
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwExercisePack) pack = read_pack (pack_path, &error);
  if (pack == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < pack->cases->len; i++)
    {
      CwCase *one = g_ptr_array_index (pack->cases, i);
      guint records = 0;
      for (guint p = 0; p < one->populations->len; p++)
        records += ((CwCasePopulation *) g_ptr_array_index (one->populations, p))->records->len;
      g_autofree char *title = cw_cli_safe_line (one->title);
      g_print ("%s\t%u\t%u\t%u\t%s\n", one->id, one->difficulty, one->findings->len, records,
               title);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_case_start (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *pack_path = NULL, *trainee = NULL;
  GOptionEntry entries[] = {
    pack_option,
    { "trainee", 0, 0, G_OPTION_ARG_STRING, &trainee,
      N_("Who audits the case (required; the debrief carries the name)"), N_("NAME") },
    { NULL },
  };
  entries[0].arg_data = &pack_path;
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (trainee == NULL)
    return cw_cli_usage_error (command, _("--trainee is required"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  if (pack_path != NULL && (bytes = read_pack_bytes (pack_path, &error)) == NULL)
    return cw_cli_fail (error);
  g_autoptr (CwWorkspace) workspace
    = cw_case_start (args[0], bytes, pack_path, args[1], trainee, &error);
  if (workspace == NULL)
    return cw_cli_fail (error);
  g_autoptr (CwCaseStudy) study = cw_case_study_load (workspace, &error);
  if (study == NULL)
    return cw_cli_fail (error);
  g_autofree char *title = cw_cli_safe_line (study->kase->title);
  g_print (_("Started the case “%s” as audit %" PRId64 "; read its library with "
             "“case records %s %" PRId64 "”\n"),
           title, study->audit_id, args[0], study->audit_id);
  return CW_CLI_OK;
}

static void
print_text (const char *text)
{
  g_autofree char *line = cw_cli_safe_line (text);
  g_print ("  %s\n", line);
}

static void
print_entry (const CwLibraryEntry *entry)
{
  g_autofree char *clauses = NULL;
  switch (entry->kind)
    {
    case CW_LIBRARY_DOCUMENT:
      {
        const CwCaseItem *item = entry->item;
        g_autofree char *title = cw_cli_safe_line (item->title);
        g_autofree char *version = cw_cli_safe_line (item->version);
        clauses = g_strjoinv (" ", item->clauses);
        g_print (_("Document %s: %s, version %s of %s (clauses %s)\n"), item->id, title, version,
                 item->date, clauses);
        print_text (item->text);
        break;
      }
    case CW_LIBRARY_INTERVIEW:
      {
        const CwCaseItem *item = entry->item;
        g_autofree char *with = cw_cli_safe_line (item->title);
        clauses = g_strjoinv (" ", item->clauses);
        g_print (_("Interview %s with %s on %s (clauses %s)\n"), item->id, with, item->date,
                 clauses);
        print_text (item->text);
        break;
      }
    case CW_LIBRARY_POPULATION:
      {
        const CwCasePopulation *population = entry->population;
        g_autofree char *title = cw_cli_safe_line (population->title);
        clauses = g_strjoinv (" ", population->clauses);
        g_print (g_dngettext (GETTEXT_PACKAGE, "Population %s: %s, %u record (clauses %s)\n",
                              "Population %s: %s, %u records (clauses %s)\n", population->size),
                 population->id, title, population->size, clauses);
        print_text (population->summary);
        g_autoptr (GString) listing = g_string_new (NULL);
        for (guint r = 0; r < population->records->len; r++)
          {
            const CwCaseItem *record = g_ptr_array_index (population->records, r);
            gboolean given = g_ptr_array_find (entry->handed_out, record, NULL);
            g_string_append_printf (listing, "%s%s %s%s", r > 0 ? ", " : "", record->id,
                                    record->date, given ? " *" : "");
          }
        g_print (_("  Listing (* handed out): %s\n"), listing->str);
        for (guint r = 0; r < entry->handed_out->len; r++)
          {
            const CwCaseItem *record = g_ptr_array_index (entry->handed_out, r);
            g_autofree char *text = cw_cli_safe_line (record->text);
            g_print ("  %s (%s): %s\n", record->id, record->date, text);
          }
        break;
      }
    }
}

/* The library of a case audit, or, with --ask, the records handed out. */
int
cw_cli_run_case_records (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *clause = NULL;
  g_auto (GStrv) ask = NULL;
  GOptionEntry entries[] = {
    { "clause", 0, 0, G_OPTION_ARG_STRING, &clause,
      N_("Only what bears on this clause, the clauses below it and above it"), N_("N") },
    { "ask", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ask,
      N_("Ask for these records by their ids in a listing (comma-separated, repeatable)"),
      N_("ID,…") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 audit_id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &audit_id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCaseStudy) study = cw_case_study_load (workspace, &error);
  if (study == NULL)
    return cw_cli_fail (error);
  if (ask != NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      for (guint i = 0; ask[i] != NULL; i++)
        {
          g_auto (GStrv) parts = g_strsplit (ask[i], ",", -1);
          for (guint p = 0; parts[p] != NULL; p++)
            if (*g_strstrip (parts[p]) != '\0')
              g_strv_builder_add (builder, parts[p]);
        }
      g_auto (GStrv) ids = g_strv_builder_end (builder);
      g_autoptr (GPtrArray) handed
        = cw_case_hand_out (workspace, study, audit_id, (const char *const *) ids, &error);
      if (handed == NULL)
        return cw_cli_fail (error);
      for (guint i = 0; i < handed->len; i++)
        {
          const CwCaseItem *record = g_ptr_array_index (handed, i);
          g_autofree char *text = cw_cli_safe_line (record->text);
          g_print ("%s\t%s\t%s\t%s\n", record->id, record->population, record->date, text);
        }
      return CW_CLI_OK;
    }
  g_autoptr (GPtrArray) library
    = cw_case_library (workspace, study, audit_id, clause, &error);
  if (library == NULL)
    return cw_cli_fail (error);
  for (guint i = 0; i < library->len; i++)
    print_entry (g_ptr_array_index (library, i));
  if (library->len == 0)
    g_print (_("The case library has nothing on clause %s\n"), clause);
  return CW_CLI_OK;
}

static void
print_row (const CwDebriefRow *row)
{
  const CwModelFinding *model = row->model;
  if (model != NULL)
    g_print (_("%s: model %s, clause %s, %s\n"), cw_debrief_outcome_label (row->outcome),
             model->id, model->clause, cw_grade_label (model->grade));
  else
    g_print ("%s\n", cw_debrief_outcome_label (row->outcome));
  if (row->finding != NULL)
    {
      g_autofree char *statement = cw_cli_safe_line (cw_finding_get_statement (row->finding));
      g_print (_("  Yours: %s, clause %s, %s: %s\n"), row->label,
               cw_finding_get_clause (row->finding),
               cw_grade_label (cw_finding_get_grade (row->finding)), statement);
      for (guint h = 0; h < row->hints->len; h++)
        {
          CwStatementHint *hint = g_ptr_array_index (row->hints, h);
          g_print (_("  Hint: %s\n"), hint->message);
        }
    }
  if (model != NULL)
    {
      g_autofree char *statement = cw_cli_safe_line (model->statement);
      g_autofree char *why = cw_cli_safe_line (model->why);
      g_autofree char *cites = g_strjoinv (" ", model->cites);
      g_print (_("  Model: %s\n"), statement);
      g_print (_("  Why: %s\n"), why);
      g_print (_("  The model cites: %s\n"), cites);
      if (row->model_items_cited != NULL && row->model_items_cited[0] != NULL)
        {
          g_autofree char *cited = g_strjoinv (" ", row->model_items_cited);
          g_print (_("  You cited of these: %s\n"), cited);
        }
    }
}

int
cw_cli_run_case_debrief (const CwCliCommand *command, int argc, char **argv)
{
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write RFC 4180 CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 audit_id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an audit"), &audit_id, &status);
  if (workspace == NULL)
    return status;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwDebrief) debrief = cw_case_debrief (workspace, audit_id, &error);
  if (debrief == NULL)
    return cw_cli_fail (error);
  if (csv)
    {
      g_autofree char *text = cw_debrief_to_csv (debrief);
      g_print ("%s", text);
      return CW_CLI_OK;
    }
  g_autofree char *title = cw_cli_safe_line (debrief->study->kase->title);
  g_autofree char *trainee = cw_cli_safe_line (debrief->study->trainee);
  g_print (_("Debrief of %s for %s, report version %u of %s\n"), title, trainee,
           debrief->version, debrief->issued_on);
  g_print (_("Score %.0f %%: coverage %.0f %%, grading %.0f %%, statements %.0f %%, evidence "
             "%.0f %% (citing %.0f %%, sampling %.0f %%)\n"),
           debrief->overall, debrief->coverage, debrief->grading, debrief->statements,
           debrief->evidence, debrief->citing, debrief->sampling_score);
  g_print (_("Matched %u, graded differently %u, missed %u, not supported by the case %u\n"),
           debrief->n_outcome[CW_DEBRIEF_MATCHED],
           debrief->n_outcome[CW_DEBRIEF_GRADED_DIFFERENTLY],
           debrief->n_outcome[CW_DEBRIEF_MISSED], debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED]);
  for (guint i = 0; i < debrief->rows->len; i++)
    print_row (g_ptr_array_index (debrief->rows, i));
  for (guint i = 0; i < debrief->sampling->len; i++)
    {
      const CwDebriefSampling *sampling = g_ptr_array_index (debrief->sampling, i);
      g_autofree char *population = cw_cli_safe_line (sampling->population->title);
      g_autofree char *reason = cw_cli_safe_line (sampling->sample->reason);
      g_print (_("Sampling %s: %u handed out, the case asks for at least %u: %s\n"), population,
               sampling->handed_out, sampling->sample->at_least, reason);
      if (sampling->model_records_not_seen[0] != NULL)
        {
          g_autofree char *unseen = g_strjoinv (" ", sampling->model_records_not_seen);
          g_print (_("  Records the model findings rest on that you did not ask for: %s\n"),
                   unseen);
        }
    }
  return CW_CLI_OK;
}
