/* cw-statement.c: the rules of the nonconformity statement checker.
 *
 * Every rule reads words, never sentences: the texts are cut once into
 * tokens (letters and digits, with "-", ".", "/" and apostrophes kept
 * inside a token when a letter or digit follows, so "8.5.1.3", "CHG-POL",
 * "R-2026.04" and "O'Neill" are one token each), lowercased once, and each
 * rule walks the tokens with a small word or phrase list. Nothing compares
 * every word with every other, so a 1 MB text costs one pass per rule.
 *
 * The rules are meant as an experienced lead auditor's first read of a
 * trainee's statement, and lean towards saying nothing when unsure: a hint
 * that is wrong teaches the wrong thing, and the auditor can always see
 * more than the checker. They were measured on tests/data/statements.tsv
 * (see tests/test-statement.c for the figures).
 */
#define G_LOG_DOMAIN "cw-statement"

#include "config.h"

#include "cw-i18n.h"
#include <string.h>

#include "cw-statement.h"

static const char *const kind_tokens[] = {
  [CW_STATEMENT_INVALID_TEXT] = "invalid-text",
  [CW_STATEMENT_NO_REFERENCE] = "no-reference",
  [CW_STATEMENT_VAGUE_EVIDENCE] = "vague-evidence",
  [CW_STATEMENT_EMPTY] = "empty",
  [CW_STATEMENT_SHOULD] = "should",
  [CW_STATEMENT_OPINION] = "opinion",
  [CW_STATEMENT_PERSON_NAME] = "person-name",
  [CW_STATEMENT_REPEATS] = "repeats-evidence",
  [CW_STATEMENT_GRADE_MISMATCH] = "grade-mismatch",
};

const char *
cw_statement_kind_to_string (CwStatementKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_tokens), NULL);
  return kind_tokens[kind];
}

void
cw_statement_hint_free (CwStatementHint *hint)
{
  if (hint == NULL)
    return;
  g_free (hint->message);
  g_free (hint);
}

static void
add_hint (GPtrArray *hints, CwStatementKind kind, char *message)
{
  CwStatementHint *hint = g_new0 (CwStatementHint, 1);
  hint->kind = kind;
  hint->message = message;
  g_ptr_array_add (hints, hint);
}

/* ---- Tokens ---------------------------------------------------------- */

typedef struct
{
  char *lower;
  const char *start; /* in the text checked */
  gsize length;      /* bytes */
  gboolean sentence_start;
  gboolean capitalised; /* "Jennings", "O'Neill": upper, then lower letters */
  gboolean has_digit;
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;
  g_free (token->lower);
}

static gboolean
is_connector (gunichar c)
{
  return c == '-' || c == '.' || c == '/' || c == '\'' || c == 0x2019 || c == '_';
}

static gboolean
is_capitalised (const char *start, gsize length)
{
  const char *end = start + length;
  if (!g_unichar_isupper (g_utf8_get_char (start)))
    return FALSE;
  gboolean lower = FALSE;
  for (const char *p = g_utf8_next_char (start); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        lower = TRUE;
      else if (!g_unichar_isalpha (c) && c != '\'' && c != 0x2019 && c != '-')
        return FALSE;
    }
  return lower;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);
  gboolean at_start = TRUE;
  const char *p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalnum (c))
        {
          /* A sentence starts after its end mark, a colon or a line break;
           * a capital there says nothing about names. */
          if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n')
            at_start = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      const char *start = p;
      gboolean has_digit = FALSE;
      while (*p != '\0')
        {
          gunichar d = g_utf8_get_char (p);
          if (g_unichar_isalnum (d) || g_unichar_ismark (d))
            {
              has_digit |= g_unichar_isdigit (d);
              p = g_utf8_next_char (p);
              continue;
            }
          const char *next = g_utf8_next_char (p);
          if (is_connector (d) && *next != '\0' && g_unichar_isalnum (g_utf8_get_char (next)))
            {
              p = next;
              continue;
            }
          break;
        }
      Token token = {
        .lower = g_utf8_strdown (start, p - start),
        .start = start,
        .length = p - start,
        .sentence_start = at_start,
        .capitalised = is_capitalised (start, p - start),
        .has_digit = has_digit,
      };
      g_array_append_val (tokens, token);
      at_start = FALSE;
    }
  return tokens;
}

static inline const Token *
token_at (GArray *tokens, guint i)
{
  return &g_array_index (tokens, Token, i);
}

/* ---- Word and phrase lists -------------------------------------------- */

/* A list of words or phrases ("i think"), each split into words once. */
typedef struct
{
  const char *const *phrases;
  gsize n;
  GStrv *words;        /* words[i] for phrases[i] */
  GHashTable *single;  /* the one-word phrases, for in_list */
} PhraseList;

#define PHRASES(array) { array, G_N_ELEMENTS (array), NULL, NULL }

/* Built once and kept for the life of the process, like a static table. */
static void
phrase_list_init (PhraseList *list)
{
  if (g_once_init_enter (&list->words))
    {
      GStrv *words = g_new0 (GStrv, list->n);
      list->single = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < list->n; i++)
        {
          words[i] = g_strsplit (list->phrases[i], " ", -1);
          if (words[i][1] == NULL)
            g_hash_table_add (list->single, words[i][0]);
        }
      g_once_init_leave (&list->words, words);
    }
}

/* The first phrase of `list` at token `i`, or -1. */
static gssize
phrase_at (PhraseList *list, GArray *tokens, guint i)
{
  phrase_list_init (list);
  for (gsize k = 0; k < list->n; k++)
    {
      GStrv words = list->words[k];
      guint n = 0;
      while (words[n] != NULL && i + n < tokens->len
             && g_str_equal (words[n], token_at (tokens, i + n)->lower))
        n++;
      if (words[n] == NULL)
        return k;
    }
  return -1;
}

/* The first phrase of `list` anywhere in `tokens`: its index in the list,
 * and in *at the token it starts at. -1 when none. */
static gssize
find_phrase (PhraseList *list, GArray *tokens, guint *at)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      gssize k = phrase_at (list, tokens, i);
      if (k >= 0)
        {
          if (at)
            *at = i;
          return k;
        }
    }
  return -1;
}

static gboolean
in_list (PhraseList *list, const char *word)
{
  phrase_list_init (list);
  return g_hash_table_contains (list->single, word);
}

/* The words of the text as written, from token `first` over `n` tokens,
 * for quoting in a hint. */
static char *
quote_tokens (GArray *tokens, guint first, guint n)
{
  const Token *a = token_at (tokens, first), *b = token_at (tokens, first + n - 1);
  return g_strndup (a->start, b->start + b->length - a->start);
}

/* ---- The requirement names a clause or a document ---------------------- */

/* "8.5.1.3", "8.2", "10.1": the clause numbers of ISO/IEC 20000-1, whose
 * first level runs from 4 to 10. A firmware "9.4" would pass too, but in a
 * requirement a dotted number is a clause almost every time. */
static gboolean
is_clause_number (const char *word, gboolean bare_allowed)
{
  if (!g_ascii_isdigit (word[0]))
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (word, ".", 5);
  guint n = g_strv_length (parts);
  if (n > 4 || (n == 1 && !bare_allowed))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (parts[i]);
      if (len == 0 || len > 2)
        return FALSE;
      for (gsize j = 0; j < len; j++)
        if (!g_ascii_isdigit (parts[i][j]))
          return FALSE;
    }
  guint64 top = g_ascii_strtoull (parts[0], NULL, 10);
  return top >= 4 && top <= 10;
}

/* A document or record identifier as organisations write them:
 * capital letters, a hyphen, then digits or more capitals: "CHG-POL",
 * "SMP-01", "HR-03", "RFC-2291", "IA-2026-03", "E-4410". Ordinary
 * hyphenated words ("e-mail", "X-ray", "follow-up") are not. */
static gboolean
is_identifier (const Token *token)
{
  const char *p = token->start, *end = token->start + token->length;
  gsize capitals = 0;
  while (p < end && g_ascii_isupper (*p))
    p++, capitals++;
  if (capitals == 0 || p >= end || *p != '-')
    return FALSE;
  p++;
  if (p >= end)
    return FALSE;
  if (token->has_digit)
    return TRUE;
  gsize tail_capitals = 0;
  while (p < end && g_ascii_isupper (*p))
    p++, tail_capitals++;
  return tail_capitals >= 2;
}

static const char *const clause_word_list[] = { "clause", "clauses", "cl", "section" };
static PhraseList clause_words = PHRASES (clause_word_list);

static gboolean
names_reference (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = token_at (tokens, i);
      if (is_identifier (token) || is_clause_number (token->lower, FALSE))
        return TRUE;
      /* "clause 7" */
      if (in_list (&clause_words, token->lower) && i + 1 < tokens->len
          && is_clause_number (token_at (tokens, i + 1)->lower, TRUE))
        return TRUE;
    }
  return FALSE;
}

/* ---- The evidence is specific ----------------------------------------- */

static const char *const number_word_list[] = {
  "one",     "two",     "three",    "four",     "five",    "six",       "seven",
  "eight",   "nine",    "ten",      "eleven",   "twelve",  "thirteen",  "fourteen",
  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",  "thirty",
  "forty",   "fifty",   "sixty",    "seventy",  "eighty",  "ninety",    "hundred",
  "half",    "single",  "once",     "twice",
};
static PhraseList number_words = PHRASES (number_word_list);

static const char *const month_list[] = {
  "january", "february", "march",     "april",   "may",      "june",
  "july",    "august",   "september", "october", "november", "december",
};
static PhraseList months = PHRASES (month_list);

/* Words that stand in for a count or a record without giving one. They
 * only choose the wording of the hint: evidence is vague when it lacks
 * every specific, whatever words it uses. */
static const char *const vague_list[] = {
  "some",      "several",  "many",       "often",    "generally", "usually", "it seems",
  "seems",     "seemed",   "appear",     "appears",  "appeared",  "a few",   "few",
  "numerous",  "various",  "frequently", "sometimes", "a number of", "lots", "most",
  "typically", "commonly", "regularly",
};
static PhraseList vague_words = PHRASES (vague_list);

/* Specific means at least one thing a second auditor could go and find:
 * a number (a count, a date, a version, a time), a number word ("two of
 * nine"), a month, or a record or document identifier. */
static gboolean
is_specific (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = token_at (tokens, i);
      if (token->has_digit || is_identifier (token) || in_list (&number_words, token->lower)
          || in_list (&months, token->lower))
        return TRUE;
    }
  return FALSE;
}

/* ---- The statement: should, opinion, names ----------------------------- */

/* What to do belongs to the auditee's corrective action, not to the
 * statement. Not checked on an opportunity for improvement, which is a
 * suggestion by definition. */
static const char *const should_list[] = {
  "should",      "shall",      "ought",       "must",         "need to",  "needs to",
  "has to",      "have to",    "recommend",   "recommended",  "recommends",
  "recommendation", "we suggest", "i suggest", "it is suggested", "advise",  "advised",
  "is advisable", "would be better", "make sure",
};
static PhraseList should_words = PHRASES (should_list);

/* Judgement, blame and hedging: words that say what the auditor thinks of
 * the auditee rather than what was seen. */
static const char *const opinion_list[] = {
  "poor",        "poorly",     "bad",         "badly",        "sloppy",     "sloppily",
  "careless",    "carelessly", "carelessness", "lazy",        "lazily",     "laziness",
  "unprofessional", "terrible", "terribly",   "awful",        "clearly",    "obviously",
  "disgraceful", "incompetent", "incompetence", "negligent",  "negligence", "shocking",
  "appalling",   "unacceptable", "disappointing", "horrible", "dreadful",   "pathetic",
  "useless",     "shoddy",     "lax",         "chaotic",      "i think",    "i feel",
  "i believe",   "in my opinion", "in my view", "it seems",   "apparently", "to blame",
  "at fault",    "no doubt",   "sadly",       "unfortunately",
};
static PhraseList opinion_words = PHRASES (opinion_list);

/* Words often written with a capital in IT service management, so that a
 * pair of them ("Change Advisory", "Service Desk", "Microsoft Teams") is not
 * taken for a person. Lowercased. */
static const char *const term_list[] = {
  "service",    "services",   "desk",        "change",      "changes",    "advisory",
  "board",      "level",      "levels",      "agreement",   "agreements", "management",
  "manager",    "managers",   "review",      "reviews",     "plan",       "policy",
  "procedure",  "process",    "incident",    "incidents",   "problem",    "problems",
  "release",    "releases",   "capacity",    "continuity",  "supplier",   "suppliers",
  "customer",   "customers",  "business",    "relationship", "information", "security",
  "configuration", "database", "known",      "error",       "errors",     "foundation",
  "practitioner", "office",   "microsoft",   "windows",     "linux",      "azure",
  "google",     "amazon",     "web",         "cloud",       "data",       "centre",
  "center",     "team",       "teams",       "group",       "limited",    "ltd",
  "inc",        "plc",        "street",      "road",        "house",      "stage",
  "one",        "two",        "internal",    "audit",       "audits",     "report",
  "reports",    "top",        "head",        "director",    "officer",    "chief",
  "quality",    "operations", "network",     "standard",    "part",       "annex",
  "appendix",   "table",      "figure",      "version",     "north",      "south",
  "east",       "west",       "new",         "united",      "kingdom",    "states",
  "monday",     "tuesday",    "wednesday",   "thursday",    "friday",     "saturday",
  "sunday",     "january",    "february",    "march",       "april",      "may",
  "june",       "july",       "august",      "september",   "october",    "november",
  "december",   "request",    "requests",    "asset",       "assets",     "register",
  "catalogue",  "catalog",    "portal",      "tool",        "system",     "systems",
  "availability", "demand",   "budget",      "risk",        "risks",      "continual",
  "improvement", "corrective", "action",     "actions",     "objective",  "objectives",
  "manual",     "guide",      "handbook",    "framework",   "programme",  "program",
  "project",    "projects",   "the",         "a",           "an",         "and",
  "of",         "for",        "in",          "on",          "with",       "to",
  "it",         "itil",       "certification", "body",     "bank",       "holiday",
  "christmas",  "easter",     "user",        "users",       "operating",  "level",
  "emergency",  "cab",        "ecab",        "deployment",  "test",       "testing",
  "knowledge",  "base",       "article",     "articles",    "centre",     "hub",
  "server",     "servers",    "exchange",    "active",      "directory",  "jira",
  "now",        "payroll",    "finance",     "human",       "resources",  "legal",
  "hosting",    "helpdesk",   "support",     "analyst",     "engineer",   "lead",
  "owner",      "senior",     "junior",      "general",     "executive",  "committee",
};
static PhraseList terms = PHRASES (term_list);

/* Titles that put a person's surname right after them. */
static const char *const title_list[] = { "mr", "mrs", "ms", "miss", "dr", "mx" };
static PhraseList titles = PHRASES (title_list);

/* A person's name, conservatively: two capitalised words side by side
 * ("Sarah Okafor"), the first not at the start of a sentence (where any
 * word has a capital), neither one a common term of the trade; or a title
 * and a capitalised word ("Mr Jennings"). Role words ("the service desk
 * lead") are lower case and never match. A name at the very start of a
 * sentence is missed: there the capital proves nothing, and guessing
 * would flag "Emergency Changes" as often as a name. */
static gboolean
find_person_name (GArray *tokens, guint *at, guint *n)
{
  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      const Token *a = token_at (tokens, i), *b = token_at (tokens, i + 1);
      /* Only white space between the two words. */
      const char *gap = a->start + a->length;
      gboolean adjacent = gap < b->start;
      for (const char *p = gap; p < b->start && adjacent; p++)
        adjacent = *p == ' ';
      if (!adjacent || !b->capitalised || in_list (&terms, b->lower))
        continue;
      if (in_list (&titles, a->lower))
        {
          *at = i;
          *n = 2;
          return TRUE;
        }
      if (a->capitalised && !a->sentence_start && !in_list (&terms, a->lower))
        {
          *at = i;
          *n = 2;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- The statement does not repeat the evidence ------------------------- */

static const char *const stop_list[] = {
  "the", "a",  "an",   "of",   "and",  "or",   "in",   "on",   "at",    "to",    "for",
  "was", "were", "is", "are",  "be",   "been", "by",   "with", "no",    "not",   "has",
  "have", "had", "it", "its",  "this", "that", "which", "as",  "from",  "than",  "there",
  "their", "they", "while", "but", "after", "before", "into", "also", "any",   "all",
};
static PhraseList stop_words = PHRASES (stop_list);

static GHashTable *
content_words (GArray *tokens)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *word = token_at (tokens, i)->lower;
      if (!in_list (&stop_words, word))
        g_hash_table_add (set, (gpointer) word);
    }
  return set;
}

/* Jaccard similarity of the statement's and the evidence's content words
 * (stop words left out, numbers and identifiers kept). A statement that
 * explains the failure brings words of its own ("required", "policy",
 * "one of fifteen"); one that copies the evidence shares nearly all of
 * them. On the labelled set no statement written to explain reaches 0.45
 * and the copies, even reworded a little, score 0.85 or more: the
 * threshold sits at 0.55, nearer the explanations, because a statement
 * that is half evidence still says little. Statements of fewer than four
 * content words are not judged. */
#define REPEAT_THRESHOLD 0.55
#define REPEAT_MIN_WORDS 4

static double
overlap (GArray *statement, GArray *evidence)
{
  g_autoptr (GHashTable) s = content_words (statement);
  g_autoptr (GHashTable) e = content_words (evidence);
  guint s_n = g_hash_table_size (s), e_n = g_hash_table_size (e);
  if (s_n < REPEAT_MIN_WORDS || e_n == 0)
    return 0.0;
  guint shared = 0;
  GHashTableIter iter;
  gpointer word;
  g_hash_table_iter_init (&iter, s);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (e, word))
      shared++;
  return (double) shared / (double) (s_n + e_n - shared);
}

/* ---- The grade fits ---------------------------------------------------- */

/* Words that describe a whole process or requirement missing: the mark of
 * a major nonconformity. Only phrases that say "wholly": "no record of
 * approval" fits a single lapse, "not implemented at all" does not. */
static const char *const absent_list[] = {
  "at all",          "whatsoever",         "not implemented",   "not been implemented",
  "no process",      "not established",    "not been established", "broken down",
  "has never",       "have never",         "never been",        "wholly absent",
  "completely absent", "entirely absent",  "no such process",
};
static PhraseList absent_words = PHRASES (absent_list);

static const char *const isolated_list[] = { "isolated", "a single", "only one", "one-off" };
static PhraseList isolated_words = PHRASES (isolated_list);

static gboolean
is_number (const Token *token)
{
  if (in_list (&number_words, token->lower))
    return TRUE;
  for (const char *p = token->lower; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* "1 of 20", "one of twelve", "one of the six": a single lapse in a
 * sample, the mark of a minor nonconformity. */
static gboolean
find_one_of_many (GArray *tokens, guint *at, guint *n)
{
  for (guint i = 0; i + 2 < tokens->len; i++)
    {
      const Token *t = token_at (tokens, i);
      if (!g_str_equal (t->lower, "1") && !g_str_equal (t->lower, "one"))
        continue;
      if (!g_str_equal (token_at (tokens, i + 1)->lower, "of"))
        continue;
      guint k = i + 2;
      if (g_str_equal (token_at (tokens, k)->lower, "the") && k + 1 < tokens->len)
        k++;
      if (is_number (token_at (tokens, k)))
        {
          *at = i;
          *n = k - i + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- The checker ----------------------------------------------------- */

/* Not one word: only spaces or punctuation ("...", "-") is not a statement. */
static gboolean
is_blank (GArray *tokens)
{
  return tokens->len == 0;
}

GPtrArray *
cw_statement_check (const char *requirement, const char *evidence, const char *statement,
                    const CwGrade *grade)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_statement_hint_free);
  requirement = requirement ? requirement : "";
  evidence = evidence ? evidence : "";
  statement = statement ? statement : "";

  /* Text that is not UTF-8 cannot be read word by word; one hint says so
   * rather than a guess on part of it (the editor and the CLI only pass
   * valid text, so this is for other callers). */
  if (!g_utf8_validate (requirement, -1, NULL) || !g_utf8_validate (evidence, -1, NULL)
      || !g_utf8_validate (statement, -1, NULL))
    {
      add_hint (hints, CW_STATEMENT_INVALID_TEXT,
                g_strdup (_("Part of this finding is not valid text (UTF-8), so it was not "
                            "checked; type or paste that part again")));
      return hints;
    }

  g_autoptr (GArray) req = tokenize (requirement);
  g_autoptr (GArray) evi = tokenize (evidence);
  g_autoptr (GArray) stm = tokenize (statement);

  if (!names_reference (req))
    add_hint (hints, CW_STATEMENT_NO_REFERENCE,
              g_strdup (_("Say where the requirement comes from: the clause number (such as "
                          "8.5.1.3) or the reference of the organisation's document (such as "
                          "CHG-POL)")));

  if (!is_specific (evi))
    {
      guint at;
      gssize k = find_phrase (&vague_words, evi, &at);
      if (k >= 0)
        {
          g_autofree char *word = quote_tokens (evi, at, g_strv_length (vague_words.words[k]));
          add_hint (hints, CW_STATEMENT_VAGUE_EVIDENCE,
                    g_strdup_printf (_("The evidence says “%s” but not how many or which: give "
                                       "counts, dates and record numbers (such as 3 of 10 "
                                       "changes, CHG-1042 of 4 March)"),
                                     word));
        }
      else
        add_hint (hints, CW_STATEMENT_VAGUE_EVIDENCE,
                  g_strdup (_("The evidence names nothing another auditor could find again: "
                              "give counts, dates and record numbers (such as 3 of 10 changes, "
                              "CHG-1042 of 4 March)")));
    }

  if (is_blank (stm))
    {
      add_hint (hints, CW_STATEMENT_EMPTY,
                g_strdup (_("Write the statement: how the evidence fails the requirement")));
      return hints;
    }

  guint at, n;
  gssize k;
  if ((grade == NULL || *grade != CW_GRADE_OFI)
      && (k = find_phrase (&should_words, stm, &at)) >= 0)
    {
      g_autofree char *word = quote_tokens (stm, at, g_strv_length (should_words.words[k]));
      add_hint (hints, CW_STATEMENT_SHOULD,
                g_strdup_printf (_("“%s” tells the auditee what to do; leave the remedy to "
                                   "their corrective action and say only how the evidence "
                                   "fails the requirement"),
                                 word));
    }

  if ((k = find_phrase (&opinion_words, stm, &at)) >= 0)
    {
      g_autofree char *word = quote_tokens (stm, at, g_strv_length (opinion_words.words[k]));
      add_hint (hints, CW_STATEMENT_OPINION,
                g_strdup_printf (_("“%s” is a judgement, not a fact; describe what was seen "
                                   "in neutral words"),
                                 word));
    }

  if (find_person_name (stm, &at, &n))
    {
      g_autofree char *name = quote_tokens (stm, at, n);
      add_hint (hints, CW_STATEMENT_PERSON_NAME,
                g_strdup_printf (_("“%s” looks like a person's name; findings are about the "
                                   "system, so name the role instead (such as “the change "
                                   "manager”)"),
                                 name));
    }

  if (overlap (stm, evi) >= REPEAT_THRESHOLD)
    add_hint (hints, CW_STATEMENT_REPEATS,
              g_strdup (_("The statement repeats the evidence; say instead how the evidence "
                          "fails the requirement")));

  if (grade != NULL && *grade == CW_GRADE_MINOR && (k = find_phrase (&absent_words, stm, &at)) >= 0)
    {
      g_autofree char *words = quote_tokens (stm, at, g_strv_length (absent_words.words[k]));
      add_hint (hints, CW_STATEMENT_GRADE_MISMATCH,
                g_strdup_printf (_("“%s” describes a requirement not met at all, which is "
                                   "usually a major nonconformity; check the grade or the "
                                   "wording"),
                                 words));
    }
  else if (grade != NULL && *grade == CW_GRADE_MAJOR
           && ((k = find_phrase (&isolated_words, stm, &at)) >= 0
               ? (n = g_strv_length (isolated_words.words[k]), TRUE)
               : find_one_of_many (stm, &at, &n)))
    {
      g_autofree char *words = quote_tokens (stm, at, n);
      add_hint (hints, CW_STATEMENT_GRADE_MISMATCH,
                g_strdup_printf (_("“%s” describes a single lapse, which is usually a minor "
                                   "nonconformity; check the grade or the wording"),
                                 words));
    }

  return hints;
}
