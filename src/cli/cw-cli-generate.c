/* cw-cli-generate.c: the manual pages and the bash, zsh and fish
 * completions of clausewise-cli, written from cw_cli_commands[] and from
 * the very option entries each command gives GOption, so they cannot say
 * anything --help does not. The build runs "clausewise-cli --generate
 * WHAT" in the C locale; the output is not translated. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-cli.h"
#include "cw-clause.h"
#include "cw-evidence.h"
#include "cw-external.h"
#include "cw-programme.h"
#include "cw-register.h"
#include "cw-review.h"
#include "cw-types.h"

/* One command as --help shows it: its table row and its options. */
typedef struct
{
  const CwCliCommand *command;
  GArray *entries; /* GOptionEntry without arg_data, visible ones only */
  gboolean seen;   /* its run function reached cw_cli_parse */
} Spec;

static Spec *capturing;

static void
capture_options (const CwCliCommand *command, const GOptionEntry *entries)
{
  for (const GOptionEntry *entry = entries; entry != NULL && entry->long_name != NULL; entry++)
    {
      if (entry->flags & G_OPTION_FLAG_HIDDEN)
        continue;
      GOptionEntry copy = *entry;
      copy.arg_data = NULL; /* it pointed into the command's stack */
      g_array_append_val (capturing->entries, copy);
    }
  capturing->seen = TRUE;
}

static void
spec_clear (Spec *spec)
{
  g_clear_pointer (&spec->entries, g_array_unref);
}

/* Runs every command with the hook set: each stops in cw_cli_parse, having
 * handed over its entries. NULL when one never got there. */
static GArray *
collect_specs (void)
{
  g_autoptr (GArray) specs = g_array_new (FALSE, TRUE, sizeof (Spec));
  g_array_set_clear_func (specs, (GDestroyNotify) spec_clear);
  for (const CwCliCommand *c = cw_cli_commands; c->name != NULL; c++)
    {
      Spec spec = { c, g_array_new (FALSE, TRUE, sizeof (GOptionEntry)), FALSE };
      g_array_append_val (specs, spec);
    }
  cw_cli_options_hook = capture_options;
  for (guint i = 0; i < specs->len; i++)
    {
      char program[] = "clausewise-cli";
      char *argv[] = { program, NULL };
      capturing = &g_array_index (specs, Spec, i);
      capturing->command->run (capturing->command, 1, argv);
      if (!capturing->seen)
        {
          cw_cli_input_error ("“%s” did not give its options to cw_cli_parse",
                              capturing->command->name);
          capturing = NULL;
          cw_cli_options_hook = NULL;
          return NULL;
        }
    }
  capturing = NULL;
  cw_cli_options_hook = NULL;
  return g_steal_pointer (&specs);
}

static gboolean
takes_value (const GOptionEntry *entry)
{
  return entry->arg != G_OPTION_ARG_NONE;
}

static gboolean
takes_file (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_FILENAME || entry->arg == G_OPTION_ARG_FILENAME_ARRAY;
}

/* The placeholder --help shows after the option. */
static const char *
metavar (const GOptionEntry *entry)
{
  return entry->arg_description ? entry->arg_description : "VALUE";
}

/* ---- The words an option's value or a parameter may be ------------------ */

/* The core lists its tokens as "a|b|c" or as a phrase, "a, b or c". */
static GStrv
split_tokens (const char *list)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = g_strsplit_set (list, "|, ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && !g_str_equal (parts[i], "or"))
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

#define TOKEN_WORDS(name, tokens)                                                                  \
  static GStrv name (void)                                                                         \
  {                                                                                                \
    return split_tokens (tokens ());                                                               \
  }

TOKEN_WORDS (result_words, cw_result_tokens)
TOKEN_WORDS (grade_words, cw_grade_tokens)
TOKEN_WORDS (action_status_words, cw_action_status_tokens)
TOKEN_WORDS (action_source_words, cw_action_source_tokens)
TOKEN_WORDS (action_kind_words, cw_action_kind_tokens)
TOKEN_WORDS (action_move_words, cw_action_move_tokens)
TOKEN_WORDS (cause_category_words, cw_cause_category_tokens)
TOKEN_WORDS (external_kind_words, cw_external_kind_tokens)
TOKEN_WORDS (body_grade_words, cw_body_grade_tokens)
TOKEN_WORDS (review_output_words, cw_review_output_kind_tokens)
TOKEN_WORDS (doc_status_words, cw_doc_status_tokens)

/* Vocabularies the core keeps without a list: their enums in order. */
static GStrv
importance_words (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (CwImportance i = CW_IMPORTANCE_LOW; i <= CW_IMPORTANCE_HIGH; i++)
    g_strv_builder_add (builder, cw_importance_to_string (i));
  return g_strv_builder_end (builder);
}

static GStrv
sample_method_words (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (CwSampleMethod m = CW_SAMPLE_RANDOM; m <= CW_SAMPLE_JUDGEMENTAL; m++)
    g_strv_builder_add (builder, cw_sample_method_to_string (m));
  return g_strv_builder_end (builder);
}

static GStrv
expected_kind_words (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (CwExpectedKind k = CW_EXPECTED_DOCUMENT; k <= CW_EXPECTED_RECORD; k++)
    g_strv_builder_add (builder, cw_expected_kind_to_string (k));
  return g_strv_builder_end (builder);
}

/* Which options and parameters take a word from a vocabulary. A row that
 * names no command applies to every command with that option or
 * parameter. Generating fails when a row matches nothing, so a renamed
 * option cannot leave completion quietly behind. An option whose
 * placeholder lists its words ("a4|letter") needs no row. */
static const struct
{
  const char *command;
  const char *name; /* "--grade", or a parameter: "RESULT" */
  GStrv (*words) (void);
  const char *literal; /* "a|b", words the CLI itself owns */
} value_words[] = {
  { NULL, "RESULT", result_words },
  { NULL, "--grade", grade_words },
  { "action list", "--status", action_status_words },
  { "action new", "--source", action_source_words },
  { "action new", "--kind", action_kind_words },
  { "action update", "--cause-category", cause_category_words },
  { "action move", "STEP", action_move_words },
  { "external new", "--kind", external_kind_words },
  { "external finding", "--kind", body_grade_words },
  { "review decide", "--kind", review_output_words },
  { "docs add", "--status", doc_status_words },
  { "docs update", "--status", doc_status_words },
  { "docs add", "--kind", expected_kind_words },
  { "docs update", "--kind", expected_kind_words },
  { "programme importance", "IMPORTANCE", importance_words },
  { "audit sample", "--method", sample_method_words },
  { "audit meeting", "MEETING", NULL, "opening|closing" },
  { "readiness", "--stage", NULL, "1|2|cycle" },
};

static const GOptionEntry *
find_option (const Spec *spec, const char *name)
{
  for (guint i = 0; i < spec->entries->len; i++)
    {
      const GOptionEntry *entry = &g_array_index (spec->entries, GOptionEntry, i);
      if (g_str_has_prefix (name, "--") && g_str_equal (entry->long_name, name + 2))
        return entry;
    }
  return NULL;
}

static gboolean
has_parameter (const Spec *spec, const char *name)
{
  g_auto (GStrv) parameters = g_strsplit (spec->command->parameters, " ", -1);
  return g_strv_contains ((const char *const *) parameters, name);
}

static gboolean
has_name (const Spec *spec, const char *name)
{
  return name[0] == '-' ? find_option (spec, name) != NULL : has_parameter (spec, name);
}

/* The words `name` (an option or a parameter) of `spec` may take; NULL
 * when it is free text. */
static GStrv
words_for (const Spec *spec, const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_words); i++)
    if ((value_words[i].command == NULL || g_str_equal (value_words[i].command, spec->command->name))
        && g_str_equal (value_words[i].name, name))
      return value_words[i].words ? value_words[i].words ()
                                  : g_strsplit (value_words[i].literal, "|", -1);
  const GOptionEntry *entry = name[0] == '-' ? find_option (spec, name) : NULL;
  if (entry != NULL && entry->arg == G_OPTION_ARG_STRING && entry->arg_description != NULL
      && strchr (entry->arg_description, '|') != NULL
      && strpbrk (entry->arg_description, " “") == NULL)
    return g_strsplit (entry->arg_description, "|", -1);
  return NULL;
}

static gboolean
check_value_words (GArray *specs)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_words); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < specs->len && !found; j++)
        {
          const Spec *spec = &g_array_index (specs, Spec, j);
          found = (value_words[i].command == NULL
                   || g_str_equal (value_words[i].command, spec->command->name))
                  && has_name (spec, value_words[i].name);
        }
      if (!found)
        {
          cw_cli_input_error ("completion words for %s%s%s match no command's option or "
                              "parameter; update value_words[] in cw-cli-generate.c",
                              value_words[i].command ? value_words[i].command : "",
                              value_words[i].command ? " " : "", value_words[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every option or parameter of `spec` with a vocabulary, as pairs of
 * name and words. */
typedef struct
{
  char *name;
  GStrv words;
} Vocabulary;

static void
vocabulary_clear (Vocabulary *vocabulary)
{
  g_free (vocabulary->name);
  g_strfreev (vocabulary->words);
}

static GArray *
vocabularies_of (const Spec *spec)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Vocabulary));
  g_array_set_clear_func (list, (GDestroyNotify) vocabulary_clear);
  g_auto (GStrv) parameters = g_strsplit (spec->command->parameters, " ", -1);
  for (guint i = 0; parameters[i] != NULL; i++)
    {
      GStrv words = *parameters[i] ? words_for (spec, parameters[i]) : NULL;
      if (words != NULL)
        {
          Vocabulary v = { g_strdup (parameters[i]), words };
          g_array_append_val (list, v);
        }
    }
  for (guint i = 0; i < spec->entries->len; i++)
    {
      const GOptionEntry *entry = &g_array_index (spec->entries, GOptionEntry, i);
      g_autofree char *name = g_strconcat ("--", entry->long_name, NULL);
      GStrv words = takes_value (entry) ? words_for (spec, name) : NULL;
      if (words == NULL)
        continue;
      Vocabulary v = { g_strdup (name), words };
      g_array_append_val (list, v);
      if (entry->short_name)
        {
          Vocabulary s = { g_strdup_printf ("-%c", entry->short_name), g_strdupv (words) };
          g_array_append_val (list, s);
        }
    }
  return list;
}

/* ---- Manual pages ------------------------------------------------------ */

/* Text for roff: ASCII only (groff would read UTF-8 as Latin-1), a
 * backslash as itself, minus signs where `dashes` (option names, which
 * people copy), and nothing a line could start a request with. */
static void
roff_append (GString *out, const char *text, gboolean dashes)
{
  if (*text == '.' || *text == '\'')
    g_string_append (out, "\\&");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (c)
        {
        case '\\':
          g_string_append (out, "\\e");
          break;
        case '-':
          g_string_append (out, dashes ? "\\-" : "-");
          break;
        case 0x201C:
          g_string_append (out, "\\(lq");
          break;
        case 0x201D:
          g_string_append (out, "\\(rq");
          break;
        case 0x2018:
          g_string_append (out, "\\(oq");
          break;
        case 0x2019:
          g_string_append (out, "\\(cq");
          break;
        case 0x2013:
          g_string_append (out, "\\(en");
          break;
        case 0x2014:
          g_string_append (out, "\\(em");
          break;
        case 0x2026:
          g_string_append (out, "\\&...");
          break;
        default:
          if (c < 0x80)
            g_string_append_c (out, (char) c);
          else
            g_string_append_printf (out, "\\[u%04X]", c);
        }
    }
}

static void
roff_line (GString *out, const char *text)
{
  roff_append (out, text, FALSE);
  g_string_append_c (out, '\n');
}

static void
man_header (GString *out, const char *name, const char *title)
{
  g_string_append (out, ".\\\" Written by \"clausewise-cli --generate\" from its command table.\n");
  g_autofree char *upper = g_ascii_strup (name, -1);
  g_string_append (out, ".TH ");
  roff_append (out, upper, TRUE);
  g_string_append_printf (out, " 1 \"\" \"Clausewise %s\" \"User Commands\"\n", PACKAGE_VERSION);
  g_string_append (out, ".SH NAME\n");
  roff_append (out, name, TRUE);
  g_string_append (out, " \\- ");
  roff_line (out, title);
}

static void
man_option (GString *out, const GOptionEntry *entry)
{
  g_string_append (out, ".TP\n");
  if (entry->short_name)
    g_string_append_printf (out, "\\fB\\-%c\\fR, ", entry->short_name);
  g_string_append (out, "\\fB\\-\\-");
  roff_append (out, entry->long_name, TRUE);
  g_string_append (out, "\\fR");
  if (takes_value (entry))
    {
      g_string_append (out, " \\fI");
      roff_append (out, metavar (entry), FALSE);
      g_string_append (out, "\\fR");
    }
  g_string_append_c (out, '\n');
  roff_line (out, entry->description ? entry->description : "");
}

static void
man_cli (GString *out, GArray *specs)
{
  man_header (out, "clausewise-cli",
              "prepare ISO/IEC 20000-1:2018 audits and certification from the command line");
  g_string_append (out, ".SH SYNOPSIS\n"
                        ".B clausewise\\-cli\n"
                        ".I COMMAND\n"
                        ".RI [ OPTION \\&...]\n"
                        ".RI [ ARGUMENT \\&...]\n"
                        ".br\n"
                        ".B clausewise\\-cli\n"
                        ".RI [ COMMAND ]\n"
                        ".B \\-\\-help\n"
                        ".br\n"
                        ".B clausewise\\-cli \\-\\-version\n");
  g_string_append (out, ".SH DESCRIPTION\n");
  roff_line (out, "clausewise-cli works on the same workspaces as the Clausewise desktop app, "
                  "through the same rules: an edit the window would refuse, the command refuses "
                  "too. A workspace is one file, conventionally named *.clausewise; every change "
                  "is saved when the command succeeds.");
  g_string_append (out, ".PP\n");
  roff_line (out, "Commands are one word (check) or two (audit new). Options come before, "
                  "between or after the arguments; \"--\" ends the options, for an argument "
                  "that starts with a dash. Identifiers such as AUDIT, FINDING or ACTION are "
                  "the numbers the commands that create them print.");
  g_string_append (out, ".SH COMMANDS\n");
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_string_append (out, ".SS \"clausewise\\-cli ");
      roff_append (out, spec->command->name, TRUE);
      g_auto (GStrv) parameters = g_strsplit (spec->command->parameters, " ", -1);
      for (guint j = 0; parameters[j] != NULL; j++)
        if (*parameters[j])
          {
            g_string_append (out, " \\fI");
            roff_append (out, parameters[j], FALSE);
            g_string_append (out, "\\fR");
          }
      g_string_append (out, "\"\n");
      roff_line (out, spec->command->summary);
      for (guint j = 0; j < spec->entries->len; j++)
        man_option (out, &g_array_index (spec->entries, GOptionEntry, j));
    }
  g_string_append (out, ".SH EXIT STATUS\n"
                        ".TP\n.B 0\n");
  roff_line (out, "Success.");
  g_string_append (out, ".TP\n.B 1\n");
  roff_line (out, "Bad input or data: a value out of range, a rule of the workspace refused "
                  "the change, a file that cannot be read, or a failed check. Nothing was "
                  "changed.");
  g_string_append (out, ".TP\n.B 2\n");
  roff_line (out, "The command line itself is wrong: an unknown command or option, or "
                  "missing arguments.");
  g_string_append (out, ".PP\n");
  roff_line (out, "Errors are one line on standard error, starting with \"clausewise-cli: \".");
  g_string_append (out, ".SH FILES\n.TP\n.I *.clausewise\n");
  roff_line (out, "A workspace: one SQLite database with the audits, findings, actions, "
                  "reviews and register of one organisation.");
  g_string_append (out, ".SH EXAMPLES\n.nf\n");
  g_string_append (out, "clausewise\\-cli demo example.clausewise\n"
                        "clausewise\\-cli audit list example.clausewise \\-\\-csv\n"
                        "clausewise\\-cli report audit example.clausewise 1 \\-o audit.pdf\n"
                        ".fi\n");
  g_string_append (out, ".SH SEE ALSO\n.BR clausewise (1)\n");
}

static void
man_app (GString *out)
{
  man_header (out, "clausewise", "internal audits and certification readiness for "
                                 "ISO/IEC 20000-1:2018");
  g_string_append (out, ".SH SYNOPSIS\n"
                        ".B clausewise\n"
                        ".RI [ WORKSPACE \\&...]\n");
  g_string_append (out, ".SH DESCRIPTION\n");
  roff_line (out, "Clausewise is a GNOME app for organisations preparing for ISO/IEC "
                  "20000-1:2018 certification. Internal auditors plan and run audits clause "
                  "by clause, record evidence and graded findings, and follow corrective "
                  "actions; quality managers hold management reviews, keep the register of "
                  "documented information and see how ready they are for Stage One and "
                  "Stage Two.");
  g_string_append (out, ".PP\n");
  roff_line (out, "Each WORKSPACE given opens in a window of its own; one that is already "
                  "open comes to the front. Without one, Clausewise opens the default "
                  "workspace, and creates it on first start.");
  g_string_append (out, ".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n");
  roff_line (out, "Show the options GTK and GApplication accept, and exit.");
  g_string_append (out, ".SH FILES\n.TP\n.I $XDG_DATA_HOME/clausewise/default.clausewise\n");
  roff_line (out, "The default workspace ($XDG_DATA_HOME is ~/.local/share when unset).");
  g_string_append (out, ".TP\n.I *.clausewise\n");
  roff_line (out, "A workspace: one SQLite file. Every edit is saved as it is made.");
  g_string_append (out, ".SH SEE ALSO\n.BR clausewise\\-cli (1)\n");
}

/* ---- Shell completion -------------------------------------------------- */

/* Quoted for bash and zsh: '…' with each ' closed, escaped and reopened. */
static void
sh_quote (GString *out, const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    if (*p == '\'')
      g_string_append (out, "'\\''");
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '\'');
}

/* Quoted for fish, whose single quotes take \' and \\. */
static void
fish_quote (GString *out, const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* The words of `spec`'s options, space-separated: flags without a value,
 * or options with one, or (files) those whose value is a file. */
typedef enum
{
  FLAGS,
  VALUED,
  FILES,
} OptionKind;

static char *
option_words (const Spec *spec, OptionKind kind, gboolean with_short)
{
  g_autoptr (GString) words = g_string_new (NULL);
  for (guint i = 0; i < spec->entries->len; i++)
    {
      const GOptionEntry *entry = &g_array_index (spec->entries, GOptionEntry, i);
      gboolean wanted = kind == FLAGS    ? !takes_value (entry)
                        : kind == VALUED ? takes_value (entry)
                                         : takes_file (entry);
      if (!wanted)
        continue;
      g_string_append_printf (words, "%s--%s", words->len ? " " : "", entry->long_name);
      if (with_short && entry->short_name)
        g_string_append_printf (words, " -%c", entry->short_name);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* The first words of the commands, in table order, each once. */
static GStrv
first_words (GArray *specs)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      char *word = g_strndup (spec->command->name, strcspn (spec->command->name, " "));
      if (g_hash_table_add (seen, word))
        g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

/* The second words under `first` ("new list show …" under "audit"), and
 * whether `first` is a command by itself too ("readiness"). */
static char *
second_words (GArray *specs, const char *first, gboolean *alone)
{
  g_autoptr (GString) words = g_string_new (NULL);
  gsize length = strlen (first);
  *alone = FALSE;
  for (guint i = 0; i < specs->len; i++)
    {
      const char *name = g_array_index (specs, Spec, i).command->name;
      if (g_str_equal (name, first))
        *alone = TRUE;
      else if (strncmp (name, first, length) == 0 && name[length] == ' ')
        g_string_append_printf (words, "%s%s", words->len ? " " : "", name + length + 1);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* What a first word is, for the shells that show it: a command's summary,
 * or the commands it starts. */
static char *
first_word_summary (GArray *specs, const char *first)
{
  const char *summary = NULL;
  for (guint i = 0; i < specs->len && summary == NULL; i++)
    {
      const CwCliCommand *command = g_array_index (specs, Spec, i).command;
      if (g_str_equal (command->name, first))
        summary = command->summary;
    }
  gboolean alone;
  g_autofree char *seconds = second_words (specs, first, &alone);
  if (*seconds == '\0')
    return g_strdup (summary);
  g_auto (GStrv) parts = g_strsplit (seconds, " ", -1);
  g_autofree char *joined = g_strjoinv (", ", parts);
  return alone ? g_strdup_printf ("%s (also: %s)", summary, joined) : g_steal_pointer (&joined);
}

static const char bash_body[] =
  "_clausewise_cli_value ()\n"
  "{\n"
  "  local words IFS=$' \\t\\n'\n"
  "  words=$(_clausewise_cli_words \"$1\" \"$2\")\n"
  "  if [[ -n $words ]]; then\n"
  "    COMPREPLY=($(compgen -W \"$words\" -- \"$3\"))\n"
  "    return\n"
  "  fi\n"
  "  IFS=$'\\n'\n"
  "  if [[ $2 == WORKSPACE ]]; then\n"
  "    compopt -o filenames 2>/dev/null\n"
  "    COMPREPLY=($(compgen -f -X '!*.clausewise' -- \"$3\") $(compgen -d -- \"$3\"))\n"
  "  elif [[ $2 == FILE || \" $files \" == *\" $2 \"* ]]; then\n"
  "    compopt -o filenames 2>/dev/null\n"
  "    COMPREPLY=($(compgen -f -- \"$3\"))\n"
  "  fi\n"
  "}\n"
  "\n"
  "_clausewise_cli ()\n"
  "{\n"
  "  local cur=${COMP_WORDS[COMP_CWORD]} command word expect= ended= IFS=$' \\t\\n'\n"
  "  local params flags valued files seconds alone\n"
  "  local -i i n=0\n"
  "  COMPREPLY=()\n"
  "  if ((COMP_CWORD == 1)); then\n"
  "    COMPREPLY=($(compgen -W \"$_clausewise_cli_first --help --version\" -- \"$cur\"))\n"
  "    return\n"
  "  fi\n"
  "  command=${COMP_WORDS[1]}\n"
  "  _clausewise_cli_group \"$command\"\n"
  "  i=2\n"
  "  if [[ -n $seconds ]]; then\n"
  "    if ((COMP_CWORD == 2)); then\n"
  "      COMPREPLY=($(compgen -W \"$seconds\" -- \"$cur\"))\n"
  "      [[ -n $alone ]] || return\n"
  "    elif [[ \" $seconds \" == *\" ${COMP_WORDS[2]} \"* ]]; then\n"
  "      command+=\" ${COMP_WORDS[2]}\"\n"
  "      i=3\n"
  "    fi\n"
  "  fi\n"
  "  _clausewise_cli_spec \"$command\" || return\n"
  "  local -a before=(\"${COMPREPLY[@]}\")\n"
  "  COMPREPLY=()\n"
  "  for ((; i < COMP_CWORD; i++)); do\n"
  "    word=${COMP_WORDS[i]}\n"
  "    if [[ -n $expect ]]; then\n"
  "      [[ $word == = ]] || expect=\n"
  "    elif [[ -n $ended || $word != -* || $word == - ]]; then\n"
  "      n+=1\n"
  "    elif [[ $word == -- ]]; then\n"
  "      ended=1\n"
  "    elif [[ \" $valued \" == *\" $word \"* ]]; then\n"
  "      expect=$word\n"
  "    fi\n"
  "  done\n"
  "  local -a names=($params)\n"
  "  if [[ -n $expect ]]; then\n"
  "    # Bash splits --grade=m at the \"=\" (COMP_WORDBREAKS): \"=\" is no value.\n"
  "    [[ $cur == = ]] && cur=\n"
  "    _clausewise_cli_value \"$command\" \"$expect\" \"$cur\"\n"
  "  elif [[ -z $ended && $cur == --*=* ]]; then\n"
  "    _clausewise_cli_value \"$command\" \"${cur%%=*}\" \"${cur#*=}\"\n"
  "    COMPREPLY=(\"${COMPREPLY[@]/#/${cur%%=*}=}\")\n"
  "  elif [[ -z $ended && $cur == -* ]]; then\n"
  "    COMPREPLY=($(compgen -W \"$flags $valued --help\" -- \"$cur\"))\n"
  "  elif ((n < ${#names[@]})); then\n"
  "    _clausewise_cli_value \"$command\" \"${names[n]}\" \"$cur\"\n"
  "  fi\n"
  "  COMPREPLY=(\"${before[@]}\" \"${COMPREPLY[@]}\")\n"
  "}\n"
  "\n"
  "complete -F _clausewise_cli clausewise-cli\n";

/* The case arms of the words function: bash echoes the words as one
 * string, zsh (`zsh` set) assigns them to reply one by one. */
static void
shell_vocabulary_cases (GString *out, GArray *specs, gboolean zsh)
{
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_autoptr (GArray) vocabularies = vocabularies_of (spec);
      for (guint j = 0; j < vocabularies->len; j++)
        {
          const Vocabulary *v = &g_array_index (vocabularies, Vocabulary, j);
          g_autofree char *key = g_strdup_printf ("%s/%s", spec->command->name, v->name);
          g_string_append (out, zsh ? "  (" : "  ");
          sh_quote (out, key);
          if (zsh)
            {
              g_string_append (out, ") reply=(");
              for (guint k = 0; v->words[k] != NULL; k++)
                {
                  if (k > 0)
                    g_string_append_c (out, ' ');
                  sh_quote (out, v->words[k]);
                }
              g_string_append (out, ") ;;\n");
            }
          else
            {
              g_autofree char *words = g_strjoinv (" ", v->words);
              g_string_append (out, ") echo ");
              sh_quote (out, words);
              g_string_append (out, " ;;\n");
            }
        }
    }
}

static void
bash_completion (GString *out, GArray *specs)
{
  g_string_append (out, "# bash completion for clausewise-cli\n"
                        "# Written by \"clausewise-cli --generate bash\" from its command "
                        "table.\n\n");
  g_auto (GStrv) firsts = first_words (specs);
  g_autofree char *first_list = g_strjoinv (" ", firsts);
  g_string_append (out, "_clausewise_cli_first=");
  sh_quote (out, first_list);
  g_string_append (out, "\n\n# The second words of a group (seconds), and whether its first "
                        "word is a command too (alone).\n"
                        "_clausewise_cli_group ()\n{\n  seconds= alone=\n  case $1 in\n");
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      gboolean alone;
      g_autofree char *seconds = second_words (specs, firsts[i], &alone);
      if (*seconds == '\0')
        continue;
      g_string_append (out, "  ");
      sh_quote (out, firsts[i]);
      g_string_append (out, ") seconds=");
      sh_quote (out, seconds);
      g_string_append_printf (out, " alone=%s ;;\n", alone ? "1" : "");
    }
  g_string_append (out, "  esac\n}\n\n"
                        "# A command's parameters and options; false for no command.\n"
                        "_clausewise_cli_spec ()\n{\n  case $1 in\n");
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_autofree char *flags = option_words (spec, FLAGS, TRUE);
      g_autofree char *valued = option_words (spec, VALUED, TRUE);
      g_autofree char *files = option_words (spec, FILES, TRUE);
      g_string_append (out, "  ");
      sh_quote (out, spec->command->name);
      g_string_append (out, ")\n    params=");
      sh_quote (out, spec->command->parameters);
      g_string_append (out, " flags=");
      sh_quote (out, flags);
      g_string_append (out, "\n    valued=");
      sh_quote (out, valued);
      g_string_append (out, " files=");
      sh_quote (out, files);
      g_string_append (out, " ;;\n");
    }
  g_string_append (out, "  *) return 1 ;;\n  esac\n}\n\n"
                        "# The words an option or a parameter takes; nothing for free text.\n"
                        "_clausewise_cli_words ()\n{\n  case $1/$2 in\n");
  shell_vocabulary_cases (out, specs, FALSE);
  g_string_append (out, "  esac\n}\n\n");
  g_string_append (out, bash_body);
}

static const char zsh_body[] =
  "_clausewise_cli_value () {\n"
  "  local -a reply\n"
  "  _clausewise_cli_words $1 $2\n"
  "  if (( $#reply )); then\n"
  "    _wanted values expl ${2#--} compadd -a reply\n"
  "  elif [[ $2 == WORKSPACE ]]; then\n"
  "    _files -g '*.clausewise(-.)'\n"
  "  elif [[ $2 == FILE || \" $files \" == *\" $2 \"* ]]; then\n"
  "    _files\n"
  "  else\n"
  "    _message -e values ${2#--}\n"
  "  fi\n"
  "}\n"
  "\n"
  "_clausewise_cli () {\n"
  "  local command word expect ended seconds alone params flags valued files\n"
  "  local -a before options names\n"
  "  integer i n=0\n"
  "  if (( CURRENT == 2 )); then\n"
  "    _describe -t commands 'clausewise-cli command' _clausewise_cli_first\n"
  "    return\n"
  "  fi\n"
  "  command=$words[2]\n"
  "  _clausewise_cli_group $command\n"
  "  i=3\n"
  "  if [[ -n $seconds ]]; then\n"
  "    if (( CURRENT == 3 )); then\n"
  "      _values \"$command command\" ${=seconds}\n"
  "      [[ -n $alone ]] || return\n"
  "    elif [[ \" $seconds \" == *\" $words[3] \"* ]]; then\n"
  "      command+=\" $words[3]\"\n"
  "      i=4\n"
  "    fi\n"
  "  fi\n"
  "  _clausewise_cli_spec $command || return 1\n"
  "  for (( ; i < CURRENT; i++ )); do\n"
  "    word=$words[i]\n"
  "    if [[ -n $expect ]]; then\n"
  "      expect=\n"
  "    elif [[ -n $ended || $word != -* || $word == - ]]; then\n"
  "      (( n++ ))\n"
  "    elif [[ $word == -- ]]; then\n"
  "      ended=1\n"
  "    elif [[ \" $valued \" == *\" $word \"* ]]; then\n"
  "      expect=$word\n"
  "    fi\n"
  "  done\n"
  "  names=(${=params})\n"
  "  if [[ -n $expect ]]; then\n"
  "    _clausewise_cli_value $command $expect\n"
  "  elif [[ -z $ended && $PREFIX == -* ]]; then\n"
  "    options=(${=flags} ${=valued} --help)\n"
  "    _wanted options expl option compadd -a options\n"
  "  elif (( n < $#names )); then\n"
  "    _clausewise_cli_value $command $names[n+1]\n"
  "  fi\n"
  "}\n"
  "\n"
  "_clausewise_cli \"$@\"\n";

static void
zsh_completion (GString *out, GArray *specs)
{
  g_string_append (out, "#compdef clausewise-cli\n"
                        "# zsh completion for clausewise-cli\n"
                        "# Written by \"clausewise-cli --generate zsh\" from its command "
                        "table.\n\n");
  g_auto (GStrv) firsts = first_words (specs);
  g_string_append (out, "_clausewise_cli_first=(\n");
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      g_autofree char *summary = first_word_summary (specs, firsts[i]);
      g_autofree char *item = g_strdup_printf ("%s:%s", firsts[i], summary);
      g_string_append (out, "  ");
      sh_quote (out, item);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, ")\n\n_clausewise_cli_group () {\n  seconds= alone=\n  case $1 in\n");
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      gboolean alone;
      g_autofree char *seconds = second_words (specs, firsts[i], &alone);
      if (*seconds == '\0')
        continue;
      g_string_append (out, "  (");
      sh_quote (out, firsts[i]);
      g_string_append (out, ") seconds=");
      sh_quote (out, seconds);
      g_string_append_printf (out, " alone=%s ;;\n", alone ? "1" : "");
    }
  g_string_append (out, "  esac\n}\n\n_clausewise_cli_spec () {\n  case $1 in\n");
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_autofree char *flags = option_words (spec, FLAGS, TRUE);
      g_autofree char *valued = option_words (spec, VALUED, TRUE);
      g_autofree char *files = option_words (spec, FILES, TRUE);
      g_string_append (out, "  (");
      sh_quote (out, spec->command->name);
      g_string_append (out, ")\n    params=");
      sh_quote (out, spec->command->parameters);
      g_string_append (out, " flags=");
      sh_quote (out, flags);
      g_string_append (out, "\n    valued=");
      sh_quote (out, valued);
      g_string_append (out, " files=");
      sh_quote (out, files);
      g_string_append (out, " ;;\n");
    }
  g_string_append (out, "  (*) return 1 ;;\n  esac\n}\n\n"
                        "_clausewise_cli_words () {\n  reply=()\n  case $1/$2 in\n");
  shell_vocabulary_cases (out, specs, TRUE);
  g_string_append (out, "  esac\n}\n\n");
  g_string_append (out, zsh_body);
}

static const char fish_body[] =
  "# Prints the candidates for the token under the cursor.\n"
  "function __clausewise_cli_complete\n"
  "    set -l tokens (commandline -opc)\n"
  "    set -l current (commandline -ct)\n"
  "    set -e tokens[1]\n"
  "    if test (count $tokens) -eq 0\n"
  "        printf '%s\\n' $__clausewise_cli_first\n"
  "        return\n"
  "    end\n"
  "    set -l command $tokens[1]\n"
  "    set -e tokens[1]\n"
  "    set -l group (__clausewise_cli_group $command)\n"
  "    if test -n \"$group\"\n"
  "        set -l seconds (string split ' ' -- $group[1])\n"
  "        if test (count $tokens) -eq 0\n"
  "            printf '%s\\n' $seconds\n"
  "            test \"$group[2]\" = alone; or return\n"
  "        else if contains -- $tokens[1] $seconds\n"
  "            set command \"$command $tokens[1]\"\n"
  "            set -e tokens[1]\n"
  "        end\n"
  "    end\n"
  "    set -l spec (__clausewise_cli_spec $command); or return\n"
  "    set -l params (string split -n ' ' -- $spec[1])\n"
  "    set -l options (string split -n ' ' -- $spec[2])\n"
  "    set -l valued (string split -n ' ' -- $spec[3])\n"
  "    set -l files (string split -n ' ' -- $spec[4])\n"
  "    set -l expect\n"
  "    set -l ended\n"
  "    set -l n 0\n"
  "    for word in $tokens\n"
  "        if test -n \"$expect\"\n"
  "            set expect\n"
  "        else if test -n \"$ended\"; or not string match -q -- '-?*' $word\n"
  "            set n (math $n + 1)\n"
  "        else if test \"$word\" = --\n"
  "            set ended 1\n"
  "        else if contains -- $word $valued\n"
  "            set expect $word\n"
  "        end\n"
  "    end\n"
  "    set -l what\n"
  "    if test -n \"$expect\"\n"
  "        set what $expect\n"
  "    else if test -z \"$ended\"; and string match -q -- '-*' $current\n"
  "        printf '%s\\n' $options $valued --help\n"
  "        return\n"
  "    else if test $n -lt (count $params)\n"
  "        set what $params[(math $n + 1)]\n"
  "    else\n"
  "        return\n"
  "    end\n"
  "    set -l words (__clausewise_cli_words $command $what)\n"
  "    if test (count $words) -gt 0\n"
  "        printf '%s\\n' $words\n"
  "    else if test \"$what\" = WORKSPACE\n"
  "        for path in $current*\n"
  "            if test -d $path\n"
  "                echo $path/\n"
  "            else if string match -q -- '*.clausewise' $path\n"
  "                echo $path\n"
  "            end\n"
  "        end\n"
  "    else if test \"$what\" = FILE; or contains -- $what $files\n"
  "        __fish_complete_path $current\n"
  "    end\n"
  "end\n"
  "\n"
  "complete -c clausewise-cli -f -a '(__clausewise_cli_complete)'\n";

static void
fish_completion (GString *out, GArray *specs)
{
  g_string_append (out, "# fish completion for clausewise-cli\n"
                        "# Written by \"clausewise-cli --generate fish\" from its command "
                        "table.\n\n");
  g_auto (GStrv) firsts = first_words (specs);
  g_string_append (out, "set -g __clausewise_cli_first");
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      g_autofree char *summary = first_word_summary (specs, firsts[i]);
      g_autofree char *item = g_strdup_printf ("%s\t%s", firsts[i], summary);
      g_string_append (out, " \\\n    ");
      fish_quote (out, item);
    }
  g_string_append (out, "\n\n# The second words of a group, and \"alone\" when its first word is "
                        "a command too.\nfunction __clausewise_cli_group\n    switch $argv[1]\n");
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      gboolean alone;
      g_autofree char *seconds = second_words (specs, firsts[i], &alone);
      if (*seconds == '\0')
        continue;
      g_string_append (out, "        case ");
      fish_quote (out, firsts[i]);
      g_string_append (out, "\n            printf '%s\\n' ");
      fish_quote (out, seconds);
      g_string_append_printf (out, " %s\n", alone ? "alone" : "''");
    }
  g_string_append (out, "    end\nend\n\n"
                        "# Parameters, flags, options with a value, options with a file.\n"
                        "function __clausewise_cli_spec\n    switch $argv[1]\n");
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_autofree char *flags = option_words (spec, FLAGS, TRUE);
      g_autofree char *valued = option_words (spec, VALUED, TRUE);
      g_autofree char *files = option_words (spec, FILES, TRUE);
      g_string_append (out, "        case ");
      fish_quote (out, spec->command->name);
      g_string_append (out, "\n            printf '%s\\n' ");
      fish_quote (out, spec->command->parameters);
      g_string_append_c (out, ' ');
      fish_quote (out, flags);
      g_string_append_c (out, ' ');
      fish_quote (out, valued);
      g_string_append_c (out, ' ');
      fish_quote (out, files);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "        case '*'\n            return 1\n    end\nend\n\n"
                        "function __clausewise_cli_words\n    switch \"$argv[1]/$argv[2]\"\n");
  for (guint i = 0; i < specs->len; i++)
    {
      const Spec *spec = &g_array_index (specs, Spec, i);
      g_autoptr (GArray) vocabularies = vocabularies_of (spec);
      for (guint j = 0; j < vocabularies->len; j++)
        {
          const Vocabulary *v = &g_array_index (vocabularies, Vocabulary, j);
          g_autofree char *key = g_strdup_printf ("%s/%s", spec->command->name, v->name);
          g_string_append (out, "        case ");
          fish_quote (out, key);
          g_string_append (out, "\n            printf '%s\\n'");
          for (guint k = 0; v->words[k] != NULL; k++)
            {
              g_string_append_c (out, ' ');
              fish_quote (out, v->words[k]);
            }
          g_string_append_c (out, '\n');
        }
    }
  g_string_append (out, "    end\nend\n\n");
  g_string_append (out, fish_body);
}

int
cw_cli_generate (const char *what)
{
  static const char *const kinds[] = { "man", "man-app", "bash", "zsh", "fish", NULL };
  if (!g_strv_contains (kinds, what))
    return cw_cli_usage_error (NULL, _("--generate takes one of: %s"),
                               "man, man-app, bash, zsh, fish");

  g_autoptr (GArray) specs = collect_specs ();
  if (specs == NULL || !check_value_words (specs))
    return CW_CLI_BAD_INPUT;

  g_autoptr (GString) out = g_string_new (NULL);
  if (g_str_equal (what, "man"))
    man_cli (out, specs);
  else if (g_str_equal (what, "man-app"))
    man_app (out);
  else if (g_str_equal (what, "bash"))
    bash_completion (out, specs);
  else if (g_str_equal (what, "zsh"))
    zsh_completion (out, specs);
  else
    fish_completion (out, specs);

  /* Straight to stdout: the CLI's print handler would escape the tabs and
   * the escapes of a script would be the script's no longer. */
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    return cw_cli_input_error ("could not write the output");
  return CW_CLI_OK;
}
