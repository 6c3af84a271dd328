/* cw-cli.c: clausewise-cli, the headless face of the core, for scripts and
 * tests. This file holds the entry point, the dispatch and the shared error
 * conventions: one line on stderr starting "clausewise-cli: ", exit 1 for bad
 * input or data and 2 for a malformed command line. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-i18n.h"
#include "cw-csv.h"
#include "cw-text.h"

/* Everything the CLI prints passes here. Text from a workspace or the
 * command line cannot send a terminal control sequence (it is shown
 * escaped, \x1B), and output goes out in stdio's blocks rather than one
 * write per line, which is what makes long listings stream quickly. */
static void
print_to_stdout (const char *text)
{
  g_autofree char *safe = cw_text_escape_controls (text, -1);
  fputs (safe, stdout);
}

static void
print_to_stderr (const char *text)
{
  g_autofree char *safe = cw_text_escape_controls (text, -1);
  fflush (stdout);
  fputs (safe, stderr);
}

static void
print_error_line (const char *message)
{
  /* One line, whatever the message holds, so scripts can grep for it. */
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');
  g_printerr ("clausewise-cli: %s\n", line);
}

int
cw_cli_fail (const GError *error)
{
  print_error_line (error->message);
  return CW_CLI_BAD_INPUT;
}

int
cw_cli_input_error (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  print_error_line (message);
  return CW_CLI_BAD_INPUT;
}

int
cw_cli_usage_error (const CwCliCommand *command, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_autofree char *line
    = command ? g_strdup_printf (_("%s; see “clausewise-cli %s --help”"), message, command->name)
              : g_strdup_printf (_("%s; see “clausewise-cli --help”"), message);
  print_error_line (line);
  return CW_CLI_USAGE;
}

/* GOption would refuse a text option that is not UTF-8 as a malformed
 * command line; it is bad input, and the message says which option. */
static gboolean
check_text_options (const GOptionEntry *entries, int argc, char **argv, int *status)
{
  for (int i = 1; entries != NULL && i < argc && !g_str_equal (argv[i], "--"); i++)
    for (const GOptionEntry *entry = entries; entry->long_name != NULL; entry++)
      {
        if (entry->arg != G_OPTION_ARG_STRING)
          continue;
        g_autofree char *flag = g_strconcat ("--", entry->long_name, NULL);
        gsize flag_length = strlen (flag);
        const char *value = NULL;
        if ((g_str_equal (argv[i], flag)
             || (entry->short_name && argv[i][0] == '-' && argv[i][1] == entry->short_name
                 && argv[i][2] == '\0'))
            && i + 1 < argc)
          value = argv[i + 1];
        else if (strncmp (argv[i], flag, flag_length) == 0 && argv[i][flag_length] == '=')
          value = argv[i] + flag_length + 1;
        if (value != NULL && !g_utf8_validate (value, -1, NULL))
          {
            *status = cw_cli_input_error (
              _("The value of %s is not valid UTF-8 text; nothing was changed. Give it as "
                "UTF-8"),
              flag);
            return FALSE;
          }
      }
  return TRUE;
}

void (*cw_cli_options_hook) (const CwCliCommand *command, const GOptionEntry *entries);

int
cw_cli_parse (const CwCliCommand *command, GOptionEntry *entries, int argc, char **argv,
              char ***args)
{
  int status;
  if (cw_cli_options_hook != NULL)
    {
      cw_cli_options_hook (command, entries);
      return CW_CLI_OK;
    }
  if (!check_text_options (entries, argc, argv, &status))
    return status;

  g_autofree char *prgname = g_strdup_printf ("clausewise-cli %s", command->name);
  g_set_prgname (prgname);
  g_autoptr (GOptionContext) context = g_option_context_new (command->parameters);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (command, "%s", error->message);

  /* argv[0] is the program; everything after it is positional. GOption
   * keeps a "--" that precedes a dash argument ("search W -- -77"): drop it. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        memmove (argv + i, argv + i + 1, (argc - i) * sizeof *argv);
        argc--;
        break;
      }
  g_auto (GStrv) wanted = g_strsplit (command->parameters, " ", -1);
  guint n_wanted = 0;
  for (guint i = 0; wanted[i]; i++)
    if (*wanted[i] && g_ascii_isupper (wanted[i][0]))
      n_wanted++;
  if ((guint) argc - 1 != n_wanted)
    return n_wanted == 0
             ? cw_cli_usage_error (command, _("“%s” takes no arguments"), command->name)
             : cw_cli_usage_error (command, _("expected %s"), command->parameters);
  *args = argv + 1;
  return -1;
}

CwWorkspace *
cw_cli_open (const char *path, int *status)
{
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_open (path, &error);
  if (workspace == NULL)
    *status = cw_cli_fail (error);
  return workspace;
}

/* Parses the command line and opens the workspace named first: the two
 * steps most commands begin with. NULL, with *status the exit code, when
 * either fails or help was asked for. */
CwWorkspace *
cw_cli_parse_open (const CwCliCommand *command, GOptionEntry *entries, int argc, char **argv,
                   char ***args, int *status)
{
  *status = cw_cli_parse (command, entries, argc, argv, args);
  if (*status >= 0)
    return NULL;
  return cw_cli_open ((*args)[0], status);
}

/* The workspace args[0] and the id in args[1] (`what` names its kind, "an
 * audit"), the id checked before the file is opened. */
CwWorkspace *
cw_cli_open_record (char **args, const char *what, gint64 *id, int *status)
{
  if (!cw_cli_parse_id (args[1], what, id))
    {
      *status = CW_CLI_BAD_INPUT;
      return NULL;
    }
  return cw_cli_open (args[0], status);
}

gboolean
cw_cli_parse_id (const char *text, const char *what, gint64 *id)
{
  guint64 value;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      cw_cli_input_error (_("“%s” is not %s id; ids are whole numbers such as 3"), text, what);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/* "8.6, 9.2" → { "8.6", "9.2" }: comma-separated values as typed. */
/* One record of a --csv listing on standard output. */
void
cw_cli_print_csv_row (const char *const *fields, gsize n_fields)
{
  g_autoptr (GString) row = g_string_new (NULL);
  cw_csv_append_row (row, fields, n_fields);
  g_print ("%s", row->str);
}

/* Text as one line of a tab-separated listing: line breaks and tabs inside
 * it become spaces, so every record stays one line with fixed columns. */
char *
cw_cli_one_line (const char *text)
{
  return g_strdelimit (g_strdup (text ? text : ""), "\r\n\t", ' ');
}

/* Text from a pack, a case or a trainee, on one line and with no control
 * characters that could move a terminal's cursor. */
char *
cw_cli_safe_line (const char *text)
{
  g_autofree char *line = cw_cli_one_line (text);
  return cw_text_escape_controls (line, -1);
}

/* Every command, in the order --help lists them. */
const CwCliCommand cw_cli_commands[] = {
  { "init", "WORKSPACE", N_("Create an empty workspace"), cw_cli_run_init },
  { "demo", "WORKSPACE", N_("Create a workspace filled with a realistic example"), cw_cli_run_demo },
  { "catalogue", "", N_("List the clauses of ISO/IEC 20000-1:2018"), cw_cli_run_catalogue },
  { "audit new", "WORKSPACE", N_("Plan an audit; prints its id"), cw_cli_run_audit_new },
  { "audit list", "WORKSPACE", N_("List the audits with their progress"), cw_cli_run_audit_list },
  { "audit show", "WORKSPACE AUDIT", N_("Show an audit and its answers"), cw_cli_run_audit_show },
  { "audit answer", "WORKSPACE AUDIT QID RESULT", N_("Record the result of a checklist question"),
    cw_cli_run_audit_answer },
  { "audit sites", "WORKSPACE AUDIT TEXT", N_("Set the sites and locations of an audit's plan"),
    cw_cli_run_audit_sites },
  { "audit session", "WORKSPACE AUDIT", N_("Add a session to an audit's plan, or remove one"),
    cw_cli_run_audit_session },
  { "audit meeting", "WORKSPACE AUDIT MEETING",
    N_("Record the opening or the closing meeting (MEETING: opening or closing)"),
    cw_cli_run_audit_meeting },
  { "audit issue", "WORKSPACE AUDIT", N_("Issue the audit report as its next version"),
    cw_cli_run_audit_issue },
  { "audit revise", "WORKSPACE AUDIT", N_("Reopen an issued report for a new version"),
    cw_cli_run_audit_revise },
  { "audit follow-up", "WORKSPACE AUDIT FINDING",
    N_("Record that this audit followed up an earlier nonconformity, and what it saw"),
    cw_cli_run_audit_follow_up },
  { "audit close", "WORKSPACE AUDIT",
    N_("Close an audit: report issued, every question answered, every nonconformity planned"),
    cw_cli_run_audit_close },
  { "audit sample", "WORKSPACE AUDIT",
    N_("Record a sample of records as evidence: population, method, size, items, exceptions; "
       "prints its id"),
    cw_cli_run_audit_sample },
  { "audit independence", "WORKSPACE AUDIT",
    N_("Show each team member's independence of the areas audited, or record (or remove) "
       "why one may audit their own area"),
    cw_cli_run_audit_independence },
  { "organisation show", "WORKSPACE",
    N_("Show the organisation's profile, one field a line, and the days to respond to a "
       "nonconformity"),
    cw_cli_run_organisation_show },
  { "organisation set", "WORKSPACE",
    N_("Change the fields of the organisation's profile given as options (\"\" clears one)"),
    cw_cli_run_organisation_set },
  { "person add", "WORKSPACE NAME", N_("Add a person with their role and areas; prints their id"),
    cw_cli_run_person_add },
  { "person list", "WORKSPACE", N_("List the people, their roles and the areas they are "
                                   "responsible for"),
    cw_cli_run_person_list },
  { "person areas", "WORKSPACE NAME AREAS",
    N_("Set the clauses a person is responsible for, comma-separated (\"\" for none)"),
    cw_cli_run_person_areas },
  { "external new", "WORKSPACE",
    N_("Record an audit by the certification body (Stage One, Stage Two, surveillance, "
       "recertification); prints its id"),
    cw_cli_run_external_new },
  { "external list", "WORKSPACE",
    N_("List the certification body's audits, each with its findings and where they stand"),
    cw_cli_run_external_list },
  { "external finding", "WORKSPACE EXTERNAL",
    N_("Record a finding from the body's report of an audit; prints its id"),
    cw_cli_run_external_finding },
  { "external resolve", "WORKSPACE FINDING",
    N_("Record when and how a finding of the certification body was resolved"),
    cw_cli_run_external_resolve },
  { "programme start", "WORKSPACE", N_("Start (or move) the audit programme's cycle"),
    cw_cli_run_programme_start },
  { "programme plan", "WORKSPACE CLAUSE",
    N_("Plan an audit of a clause within the programme's cycle; prints its id"),
    cw_cli_run_programme_plan },
  { "programme importance", "WORKSPACE CLAUSE IMPORTANCE",
    N_("Set a clause's importance to the programme: high, normal or low"),
    cw_cli_run_programme_importance },
  { "programme show", "WORKSPACE",
    N_("Show when each clause was last audited, is due and is planned"),
    cw_cli_run_programme_show },
  { "finding new", "WORKSPACE AUDIT", N_("Raise a finding; prints its id"),
    cw_cli_run_finding_new },
  { "finding list", "WORKSPACE", N_("List findings"), cw_cli_run_finding_list },
  { "finding update", "WORKSPACE FINDING",
    N_("Correct a finding while its audit is open; prints its number"),
    cw_cli_run_finding_update },
  { "finding delete", "WORKSPACE FINDING",
    N_("Delete a finding that has no corrective action while its audit is open"),
    cw_cli_run_finding_delete },
  { "action new", "WORKSPACE",
    N_("Raise a corrective action (--finding or --source); prints its id"),
    cw_cli_run_action_new },
  { "action list", "WORKSPACE", N_("List corrective actions"), cw_cli_run_action_list },
  { "action show", "WORKSPACE ACTION", N_("Show an action, its next steps and its history"),
    cw_cli_run_action_show },
  { "action update", "WORKSPACE ACTION", N_("Change the fields of an action"),
    cw_cli_run_action_update },
  { "action move", "WORKSPACE ACTION STEP",
    N_("Move an action: planned, implemented, verified, not-effective or closed"),
    cw_cli_run_action_move },
  { "review new", "WORKSPACE", N_("Hold a management review; prints its id"),
    cw_cli_run_review_new },
  { "review show", "WORKSPACE REVIEW", N_("Show a management review with its inputs"),
    cw_cli_run_review_show },
  { "review note", "WORKSPACE REVIEW INPUT TEXT",
    N_("Write the notes for one review input, or say it had nothing to report"),
    cw_cli_run_review_note },
  { "review decide", "WORKSPACE REVIEW",
    N_("Record a decision of one kind as an action; prints its id"), cw_cli_run_review_decide },
  { "review approve", "WORKSPACE REVIEW",
    N_("Approve the minutes in someone's name; they become read-only"),
    cw_cli_run_review_approve },
  { "review attendee", "WORKSPACE REVIEW",
    N_("Add who attended with their role (or remove one); prints their position"),
    cw_cli_run_review_attendee },
  { "review conclude", "WORKSPACE REVIEW",
    N_("Write the conclusion on the SMS and the date of the next review"),
    cw_cli_run_review_conclude },
  { "docs list", "WORKSPACE",
    N_("List the register of documented information and the mandatory items it lacks"),
    cw_cli_run_register_list },
  { "docs add", "WORKSPACE REFERENCE", N_("Add a document or record to the register; prints its id"),
    cw_cli_run_register_add },
  { "docs update", "WORKSPACE REFERENCE", N_("Change the fields of a register entry"),
    cw_cli_run_register_update },
  { "docs withdraw", "WORKSPACE REFERENCE", N_("Withdraw a register entry; it stays listed"),
    cw_cli_run_register_withdraw },
  { "docs import", "WORKSPACE FILE",
    N_("Import a register from CSV: every line, or none when one is wrong"),
    cw_cli_run_register_import },
  { "docs export", "WORKSPACE", N_("Write the register as CSV"), cw_cli_run_register_export },
  { "docs cite", "WORKSPACE REFERENCE",
    N_("Record that evidence or a finding cites a register entry"), cw_cli_run_register_cite },
  { "docs bundle", "WORKSPACE",
    N_("Gather the Stage One submission pack into a new folder: documents, reports, index"),
    cw_cli_run_docs_bundle },
  { "readiness window", "WORKSPACE MONTHS",
    N_("Set how many months back an internal audit counts for Stage Two (default 12)"),
    cw_cli_run_readiness_window },
  { "readiness", "WORKSPACE",
    N_("Score each Stage One and Stage Two criterion red, amber or green, with reasons"),
    cw_cli_run_readiness },
  { "report audit", "WORKSPACE AUDIT", N_("Write the internal audit report as PDF"),
    cw_cli_run_report_audit },
  { "report nc", "WORKSPACE AUDIT", N_("Write one nonconformity report page per NC as PDF"),
    cw_cli_run_report_nc },
  { "report plan", "WORKSPACE AUDIT",
    N_("Write the audit plan to send to the auditees as PDF"), cw_cli_run_report_plan },
  { "report actions", "WORKSPACE", N_("Write the corrective action register as PDF"),
    cw_cli_run_report_actions },
  { "report programme", "WORKSPACE",
    N_("Write the audit programme with its coverage matrix as PDF"),
    cw_cli_run_report_programme },
  { "report readiness", "WORKSPACE",
    N_("Write the certification readiness, criteria and register with gaps first, as PDF"),
    cw_cli_run_report_readiness },
  { "report review", "WORKSPACE REVIEW", N_("Write the minutes of a management review as PDF"),
    cw_cli_run_report_review },
  { "report debrief", "WORKSPACE AUDIT",
    N_("Write a case audit's debrief as PDF, once its report is issued: the score by part and "
       "each model finding beside the trainee's"),
    cw_cli_run_report_debrief },
  { "report exam", "PRACTICE ATTEMPT",
    N_("Write a finished exam's result as PDF: sections, weakest clauses, answers beside the "
       "model"),
    cw_cli_run_report_exam },
  { "statement check", "",
    N_("Check a nonconformity statement's three parts (and grade); prints each hint as "
       "KIND<tab>MESSAGE, nothing when it passes"),
    cw_cli_run_statement_check },
  { "practice init", "PRACTICE",
    N_("Create a practice file for trainees, kept apart from every workspace"),
    cw_cli_run_practice_init },
  { "pack validate", "FILE",
    N_("Check an exercise pack; prints its id, version, exercises, exam and title"),
    cw_cli_run_pack_validate },
  { "pack import", "PRACTICE FILE",
    N_("Import an exercise pack (or --bundled) into a practice file; a pack is replaced only "
       "by a higher version"),
    cw_cli_run_pack_import },
  { "pack list", "PRACTICE", N_("List the packs imported, with their source"),
    cw_cli_run_pack_list },
  { "exercise list", "PRACTICE", N_("List exercises: PACK/ID, kind, clauses, difficulty, marks, "
                                     "title"),
    cw_cli_run_exercise_list },
  { "exercise show", "PRACTICE EXERCISE",
    N_("Show an exercise to answer (--model: with the model answer)"), cw_cli_run_exercise_show },
  { "exercise answer", "PRACTICE EXERCISE",
    N_("Answer an exercise in practice: scores, stores and shows the model answer"),
    cw_cli_run_exercise_answer },
  { "exam start", "PRACTICE",
    N_("Start a timed exam; prints its id, deadline and the exercises drawn"),
    cw_cli_run_exam_start },
  { "exam answer", "PRACTICE ATTEMPT EXERCISE",
    N_("Answer an exercise of a running exam; no score until it is finished"),
    cw_cli_run_exam_answer },
  { "exam finish", "PRACTICE ATTEMPT",
    N_("Finish an exam; prints the score by section, pass or fail, the weakest clauses and "
       "each answer beside the model"),
    cw_cli_run_exam_finish },
  { "exam confirm", "PRACTICE ATTEMPT EXERCISE",
    N_("After the finish, confirm the rubric items a written answer meets beside the model; "
       "prints the result again"),
    cw_cli_run_exam_confirm },
  { "exam show", "PRACTICE ATTEMPT",
    N_("Show a running exam's time left and exercises, or a finished exam's result"),
    cw_cli_run_exam_show },
  { "case list", "",
    N_("List the case audits of the bundled pack (or --pack FILE): id, difficulty, model "
       "findings, records, title"),
    cw_cli_run_case_list },
  { "case start", "PRACTICE-WORKSPACE CASE",
    N_("Start a case audit (--trainee NAME): a new workspace with the case's organisation, "
       "people, documents and a planned audit"),
    cw_cli_run_case_start },
  { "case records", "PRACTICE-WORKSPACE AUDIT",
    N_("Read the case library (--clause N), or ask for records by id (--ask ID,…)"),
    cw_cli_run_case_records },
  { "case debrief", "PRACTICE-WORKSPACE AUDIT",
    N_("After the report is issued: the findings beside the case's model findings, and the "
       "score by part (--csv)"),
    cw_cli_run_case_debrief },
  { "progress", "PRACTICE",
    N_("A trainee's scores by day, by kind and by clause"), cw_cli_run_progress },
  { "search", "WORKSPACE QUERY", N_("Search findings, notes, evidence, actions and review notes"), cw_cli_run_search },
  { "export workspace", "WORKSPACE",
    N_("Write the whole workspace in the open exchange format (-o FILE.xml)"),
    cw_cli_run_export_workspace },
  { "export audit", "WORKSPACE AUDIT",
    N_("Write an audit with its answers, findings, evidence and actions as exchange XML"),
    cw_cli_run_export_audit },
  { "export register", "WORKSPACE",
    N_("Write the register of documented information as exchange XML"),
    cw_cli_run_export_register },
  { "assign", "WORKSPACE AUDIT",
    N_("Give an auditor their clauses of an audit as a file to work on offline"),
    cw_cli_run_assign },
  { "import", "WORKSPACE FILE",
    N_("Merge an exchange file (an auditor's return, a workspace) into a workspace; "
       "--dry-run says what would change"),
    cw_cli_run_import },
  { "conflicts", "WORKSPACE",
    N_("List what an import found changed differently on both sides, field by field"),
    cw_cli_run_conflicts },
  { "resolve", "WORKSPACE CONFLICT",
    N_("Settle a conflict: keep ours, take theirs, or take some fields of theirs"),
    cw_cli_run_resolve },
  { "check", "WORKSPACE", N_("Check a workspace's integrity and history; exit 0 when sound"),
    cw_cli_run_check },
  { NULL },
};

static void
print_overview (void)
{
  g_print ("%s", _("Usage: clausewise-cli COMMAND [OPTION…] ARGUMENTS\n\n"
                        "Prepare ISO/IEC 20000-1:2018 audits from the command line.\n\n"
                        "Commands:\n"));
  for (const CwCliCommand *c = cw_cli_commands; c->name != NULL; c++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", c->name, c->parameters);
      g_print ("  %-40s %s\n", call, _(c->summary));
    }
  g_print ("%s", _("\nRun “clausewise-cli COMMAND --help” for a command's options.\n"));
}

/* Words that earlier versions used, still understood so that scripts keep
 * working: "register list" is "docs list". */
static void
resolve_alias (int argc, char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "register"))
    argv[1] = (char *)"docs";
}

static const CwCliCommand *
find_command (int argc, char **argv, int *consumed)
{
  /* Commands are one word ("search") or two ("audit new"). */
  for (const CwCliCommand *c = cw_cli_commands; c->name != NULL; c++)
    {
      g_auto (GStrv) words = g_strsplit (c->name, " ", -1);
      guint n = g_strv_length (words);
      if ((guint) argc - 1 < n)
        continue;
      gboolean same = TRUE;
      for (guint i = 0; i < n && same; i++)
        same = g_str_equal (words[i], argv[1 + i]);
      if (same)
        {
          *consumed = n;
          return c;
        }
    }
  return NULL;
}

static int
unknown_command (int argc, char **argv)
{
  /* "audit" alone, or "audit frobnicate": list what "audit" can do. */
  g_autoptr (GString) choices = g_string_new (NULL);
  gsize len = strlen (argv[1]);
  for (const CwCliCommand *c = cw_cli_commands; c->name != NULL; c++)
    if (strncmp (c->name, argv[1], len) == 0 && c->name[len] == ' ')
      g_string_append_printf (choices, "%s%s", choices->len ? ", " : "", c->name + len + 1);
  if (choices->len > 0)
    return cw_cli_usage_error (NULL, _("“%s” needs one of: %s"), argv[1], choices->str);
  return cw_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cw_i18n_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);

  if (argc < 2)
    return cw_cli_usage_error (NULL, _("no command given"));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_overview ();
      return CW_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("clausewise-cli %s\n", PACKAGE_VERSION);
      return CW_CLI_OK;
    }
  /* Not in the overview: the build runs it to write the man pages and the
   * shell completions. */
  if (g_str_equal (argv[1], "--generate"))
    return argc == 3 ? cw_cli_generate (argv[2])
                     : cw_cli_usage_error (NULL, _("--generate takes one of: %s"),
                                           "man, man-app, bash, zsh, fish");

  int consumed = 0;
  resolve_alias (argc, argv);
  const CwCliCommand *command = find_command (argc, argv, &consumed);
  if (command == NULL)
    return unknown_command (argc, argv);

  /* The command sees itself as argv[0]. */
  argv[consumed] = argv[0];
  return command->run (command, argc - consumed, argv + consumed);
}
