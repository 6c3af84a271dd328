/* cw-catalogue.c: building, reading and looking up the clause catalogue.
 *
 * The same builder functions serve the XML reader here and the workspace,
 * which loads its own copy from SQLite, so both produce identical trees and
 * enforce the same rules (unique numbers and question ids, parents first).
 */
#define G_LOG_DOMAIN "cw-catalogue"

#include "config.h"

#include "cw-i18n.h"

#include "cw-catalogue.h"
#include "cw-core.h"
#include "cw-xml.h"

struct _CwCatalogue
{
  GObject parent_instance;
  char *standard;
  guint version;
  GPtrArray *clauses;      /* every clause, document order */
  GPtrArray *main_clauses; /* 4 … 10 */
  GHashTable *by_number;   /* number → CwClause (borrowed) */
  GHashTable *questions;   /* id → CwQuestion (borrowed) */
  GArray *review_inputs;   /* CwReviewInput */
  /* The texts in every language the catalogue carries, English too:
   * "LANG\037KIND\037KEY" → text (cw_catalogue_shown). */
  GHashTable *texts;
};

G_DEFINE_FINAL_TYPE (CwCatalogue, cw_catalogue, G_TYPE_OBJECT)
G_DEFINE_QUARK (cw-catalogue-error-quark, cw_catalogue_error)

static void
clear_review_input (CwReviewInput *input)
{
  g_free (input->id);
  g_free (input->title);
  g_free (input->hint);
  g_free (input->prefill);
}

static void
cw_catalogue_finalize (GObject *object)
{
  CwCatalogue *self = CW_CATALOGUE (object);
  g_free (self->standard);
  g_hash_table_unref (self->by_number);
  g_hash_table_unref (self->questions);
  g_ptr_array_unref (self->clauses);
  g_ptr_array_unref (self->main_clauses);
  g_array_unref (self->review_inputs);
  g_hash_table_unref (self->texts);
  G_OBJECT_CLASS (cw_catalogue_parent_class)->finalize (object);
}

static void
cw_catalogue_class_init (CwCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_catalogue_finalize;
}

static void
cw_catalogue_init (CwCatalogue *self)
{
  /* main_clauses owns the trees; clauses only points into them. */
  self->clauses = g_ptr_array_new ();
  self->main_clauses = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_number = g_hash_table_new (g_str_hash, g_str_equal);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
  self->review_inputs = g_array_new (FALSE, FALSE, sizeof (CwReviewInput));
  g_array_set_clear_func (self->review_inputs, (GDestroyNotify) clear_review_input);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CwCatalogue *
cw_catalogue_new (const char *standard, guint version)
{
  CwCatalogue *self = g_object_new (CW_TYPE_CATALOGUE, NULL);
  self->standard = g_strdup (standard);
  self->version = version;
  return self;
}

/* Adds a clause after every clause added so far; its parent must be there
 * already. The returned clause belongs to the catalogue. */
CwClause *
cw_catalogue_add_clause (CwCatalogue *self, const char *number, const char *title,
                         const char *parent_number, GError **error)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);

  if (!cw_clause_number_is_valid (number) || g_hash_table_contains (self->by_number, number))
    {
      g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                   _("Clause number “%s” is malformed or appears twice"), number);
      return NULL;
    }
  CwClause *parent = NULL;
  if (parent_number != NULL)
    {
      parent = g_hash_table_lookup (self->by_number, parent_number);
      if (parent == NULL || !cw_clause_number_covers (parent_number, number))
        {
          g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                       _("Clause %s is placed under %s, which is not its parent"), number,
                       parent_number);
          return NULL;
        }
    }

  CwClause *clause = cw_clause_new (number, title, parent);
  if (parent == NULL)
    g_ptr_array_add (self->main_clauses, clause);
  g_ptr_array_add (self->clauses, clause);
  g_hash_table_insert (self->by_number, (gpointer) cw_clause_get_number (clause), clause);
  return clause;
}

CwQuestion *
cw_catalogue_add_question (CwCatalogue *self, CwClause *clause, const char *id, const char *text,
                           GError **error)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (CW_IS_CLAUSE (clause), NULL);

  g_autofree char *prefix = g_strconcat (cw_clause_get_number (clause), ".q", NULL);
  if (!g_str_has_prefix (id, prefix) || g_hash_table_contains (self->questions, id))
    {
      g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                   _("Question id “%s” does not belong to clause %s or appears twice"), id,
                   cw_clause_get_number (clause));
      return NULL;
    }
  CwQuestion *question = cw_clause_add_question (clause, id, text);
  g_hash_table_insert (self->questions, (gpointer) cw_question_get_id (question), question);
  return question;
}

void
cw_catalogue_add_review_input (CwCatalogue *self, const char *id, const char *title,
                               const char *hint, const char *prefill)
{
  g_return_if_fail (CW_IS_CATALOGUE (self));
  CwReviewInput input
    = { g_strdup (id), g_strdup (title), g_strdup (hint), g_strdup (prefill) };
  g_array_append_val (self->review_inputs, input);
}

static gboolean
read_leaf (CwCatalogue *self, CwClause *clause, xmlNode *node, GError **error)
{
  g_autofree char *text = cw_xml_text (node);
  if (cw_xml_is (node, "guidance"))
    cw_clause_set_guidance (clause, text);
  else if (cw_xml_is (node, "question"))
    {
      g_autofree char *id = cw_xml_attr (node, "id");
      if (cw_catalogue_add_question (self, clause, id, text, error) == NULL)
        return FALSE;
    }
  else if (cw_xml_is (node, "expects"))
    {
      g_autofree char *kind_token = cw_xml_attr (node, "kind");
      CwExpectedKind kind;
      if (cw_expected_kind_from_string (kind_token, &kind))
        cw_clause_add_expected (clause, kind, text);
    }
  return TRUE;
}

static gboolean
read_clause (CwCatalogue *self, xmlNode *node, const char *parent_number, GError **error)
{
  g_autofree char *number = cw_xml_attr (node, "number");
  g_autofree char *title = cw_xml_attr (node, "title");
  CwClause *clause = cw_catalogue_add_clause (self, number, title, parent_number, error);
  if (clause == NULL)
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cw_xml_is (child, "clause"))
        {
          if (!read_clause (self, child, number, error))
            return FALSE;
        }
      else if (child->type == XML_ELEMENT_NODE && !read_leaf (self, clause, child, error))
        return FALSE;
    }
  return TRUE;
}

static void
read_review_input (CwCatalogue *self, xmlNode *node)
{
  g_autofree char *id = cw_xml_attr (node, "id");
  g_autofree char *prefill = cw_xml_attr (node, "prefill");
  g_autofree char *title = NULL;
  g_autofree char *hint = NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cw_xml_is (child, "title"))
        title = cw_xml_text (child);
      else if (cw_xml_is (child, "hint"))
        hint = cw_xml_text (child);
    }
  cw_catalogue_add_review_input (self, id, title, hint, prefill);
}

static const char *const text_kinds[] = { "title", "guidance", "question", "expects", "input-title",
                                          "input-hint" };

static char *
text_key (const char *lang, CwCatalogueText kind, const char *key)
{
  return g_strdup_printf ("%s\037%s\037%s", lang, text_kinds[kind], key);
}

static void
put_text (CwCatalogue *self, const char *lang, CwCatalogueText kind, const char *key,
          const char *text)
{
  g_hash_table_replace (self->texts, text_key (lang, kind, key), g_strdup (text));
}

/* The English texts, keyed as the translations are. */
static void
keep_english (CwCatalogue *self)
{
  for (guint i = 0; i < self->clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (self->clauses, i);
      const char *number = cw_clause_get_number (clause);
      put_text (self, "en", CW_CATALOGUE_TITLE, number, cw_clause_get_title (clause));
      if (!cw_clause_is_leaf (clause))
        continue;
      put_text (self, "en", CW_CATALOGUE_GUIDANCE, number, cw_clause_get_guidance (clause));
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint q = 0; q < questions->len; q++)
        {
          CwQuestion *question = g_ptr_array_index (questions, q);
          put_text (self, "en", CW_CATALOGUE_QUESTION, cw_question_get_id (question),
                    cw_question_get_text (question));
        }
      GArray *expected = cw_clause_get_expected (clause);
      for (guint e = 0; e < expected->len; e++)
        {
          g_autofree char *key = g_strdup_printf ("%s#%u", number, e + 1);
          put_text (self, "en", CW_CATALOGUE_EXPECTS, key,
                    g_array_index (expected, CwExpected, e).text);
        }
    }
  for (guint i = 0; i < self->review_inputs->len; i++)
    {
      CwReviewInput *input = &g_array_index (self->review_inputs, CwReviewInput, i);
      put_text (self, "en", CW_CATALOGUE_INPUT_TITLE, input->id, input->title);
      put_text (self, "en", CW_CATALOGUE_INPUT_HINT, input->id, input->hint);
    }
}

/* One <translation>: its texts, each for an item the English has, and
 * every item the English has translated. */
static gboolean
read_translation (CwCatalogue *self, xmlNode *node, GError **error)
{
  g_autofree char *lang = cw_xml_attr (node, "lang");
  guint n = 0;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cw_xml_is (child, "clause"))
        {
          g_autofree char *number = cw_xml_attr (child, "number");
          g_autofree char *title = cw_xml_attr (child, "title");
          put_text (self, lang, CW_CATALOGUE_TITLE, number, title);
          n++;
          guint expects = 0;
          for (xmlNode *leaf = child->children; leaf != NULL; leaf = leaf->next)
            {
              g_autofree char *text = cw_xml_text (leaf);
              if (cw_xml_is (leaf, "guidance"))
                put_text (self, lang, CW_CATALOGUE_GUIDANCE, number, text);
              else if (cw_xml_is (leaf, "question"))
                {
                  g_autofree char *id = cw_xml_attr (leaf, "id");
                  put_text (self, lang, CW_CATALOGUE_QUESTION, id, text);
                }
              else if (cw_xml_is (leaf, "expects"))
                {
                  g_autofree char *key = g_strdup_printf ("%s#%u", number, ++expects);
                  put_text (self, lang, CW_CATALOGUE_EXPECTS, key, text);
                }
              else
                continue;
              n++;
            }
        }
      else if (cw_xml_is (child, "input"))
        {
          g_autofree char *id = cw_xml_attr (child, "id");
          for (xmlNode *part = child->children; part != NULL; part = part->next)
            {
              g_autofree char *text = cw_xml_text (part);
              if (cw_xml_is (part, "title"))
                put_text (self, lang, CW_CATALOGUE_INPUT_TITLE, id, text);
              else if (cw_xml_is (part, "hint"))
                put_text (self, lang, CW_CATALOGUE_INPUT_HINT, id, text);
              else
                continue;
              n++;
            }
        }
    }
  /* Every English text has its translation, and nothing else is there. */
  guint english = 0;
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, self->texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_str_has_prefix (key, "en\037"))
        continue;
      english++;
      g_autofree char *translated = g_strconcat (lang, (const char *) key + 2, NULL);
      if (!g_hash_table_contains (self->texts, translated))
        {
          g_auto (GStrv) parts = g_strsplit (key, "\037", 3);
          g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                       _("The “%s” translation has no %s for %s"), lang, parts[1], parts[2]);
          return FALSE;
        }
    }
  if (n != english)
    {
      g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                   _("The “%s” translation has %u texts where the catalogue has %u; each "
                     "text is translated once, for an item the catalogue has"),
                   lang, n, english);
      return FALSE;
    }
  return TRUE;
}

static CwCatalogue *catalogue_from_doc (xmlDoc *doc, const char *name, GError **error);

CwCatalogue *
cw_catalogue_new_from_xml (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr (xmlDoc) doc = cw_xml_read_bytes (bytes, name, CW_CATALOGUE_SCHEMA, error);
  return doc ? catalogue_from_doc (doc, name, error) : NULL;
}

/* A catalogue document that has passed its schema (or is part of the build). */
static CwCatalogue *
catalogue_from_doc (xmlDoc *doc, const char *name, GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *standard = cw_xml_attr (root, "standard");
  g_autofree char *version = cw_xml_attr (root, "version");
  g_autoptr (CwCatalogue) self = cw_catalogue_new (standard, g_ascii_strtoull (version, NULL, 10));

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (cw_xml_is (node, "clause"))
        {
          if (!read_clause (self, node, NULL, error))
            {
              g_prefix_error (error, "%s: ", name);
              return NULL;
            }
        }
      else if (cw_xml_is (node, "review-inputs"))
        {
          for (xmlNode *input = node->children; input != NULL; input = input->next)
            if (cw_xml_is (input, "input"))
              read_review_input (self, input);
          keep_english (self);
        }
      else if (cw_xml_is (node, "translation") && !read_translation (self, node, error))
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

CwCatalogue *
cw_catalogue_new_builtin (GError **error)
{
  cw_core_ensure_initialised ();
  const char *name = _("The built-in clause catalogue");
  g_autoptr (xmlDoc) doc = cw_xml_read_resource (CW_CATALOGUE_RESOURCE, name, error);
  return doc ? catalogue_from_doc (doc, name, error) : NULL;
}

const char *
cw_catalogue_get_standard (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return self->standard;
}

guint
cw_catalogue_get_version (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), 0);
  return self->version;
}

GPtrArray *
cw_catalogue_get_clauses (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return self->clauses;
}

GPtrArray *
cw_catalogue_get_main_clauses (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return self->main_clauses;
}

GArray *
cw_catalogue_get_review_inputs (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return self->review_inputs;
}

guint
cw_catalogue_count_questions (CwCatalogue *self)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), 0);
  return g_hash_table_size (self->questions);
}

CwClause *
cw_catalogue_lookup_clause (CwCatalogue *self, const char *number)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return number ? g_hash_table_lookup (self->by_number, number) : NULL;
}

CwQuestion *
cw_catalogue_lookup_question (CwCatalogue *self, const char *id)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  return id ? g_hash_table_lookup (self->questions, id) : NULL;
}

/* Turns what a person typed as an audit scope into the canonical list: known
 * clauses only, in document order, without entries that a broader one
 * already covers ("8.6, 8.6.1" is "8.6"). Empty means the whole catalogue,
 * stored as its main clauses so that no reader needs a special case. */
GStrv
cw_catalogue_normalise_scope (CwCatalogue *self, const char *const *scope, GError **error)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);

  g_autoptr (GHashTable) wanted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; scope != NULL && scope[i] != NULL; i++)
    {
      if (*scope[i] == '\0')
        continue;
      CwClause *clause = cw_catalogue_lookup_clause (self, scope[i]);
      if (clause == NULL)
        {
          g_set_error (error, CW_CATALOGUE_ERROR, CW_CATALOGUE_ERROR_INVALID,
                       _("There is no clause %s in %s; “clausewise-cli catalogue” lists them"),
                       scope[i], self->standard);
          return NULL;
        }
      g_hash_table_add (wanted, clause);
    }

  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *covering = NULL;
  for (guint i = 0; i < self->clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (self->clauses, i);
      const char *number = cw_clause_get_number (clause);
      if (covering != NULL && cw_clause_number_covers (covering, number))
        continue;
      covering = NULL;
      if (g_hash_table_size (wanted) == 0 ? cw_clause_get_parent (clause) == NULL
                                          : g_hash_table_contains (wanted, clause))
        {
          g_strv_builder_add (builder, number);
          covering = number;
        }
    }
  return g_strv_builder_end (builder);
}

/* The built-in catalogue, read once, for the texts it carries. */
static CwCatalogue *
builtin_texts (void)
{
  static gsize builtin = 0;
  if (g_once_init_enter (&builtin))
    {
      g_autoptr (GError) error = NULL;
      CwCatalogue *catalogue = cw_catalogue_new_builtin (&error);
      if (catalogue == NULL)
        g_warning ("The built-in catalogue cannot be read: %s", error->message);
      g_once_init_leave (&builtin, (gsize) catalogue);
    }
  return (CwCatalogue *) builtin;
}

const char *
cw_catalogue_shown (CwCatalogueText kind, const char *key, const char *english)
{
  g_return_val_if_fail (kind <= CW_CATALOGUE_INPUT_HINT, english);
  const char *lang = cw_language_shown ();
  CwCatalogue *builtin;
  if (english == NULL || key == NULL || g_str_equal (lang, "en")
      || (builtin = builtin_texts ()) == NULL)
    return english;
  g_autofree char *english_key = text_key ("en", kind, key);
  const char *reference = g_hash_table_lookup (builtin->texts, english_key);
  if (reference == NULL || !g_str_equal (reference, english))
    return english;
  g_autofree char *translated_key = text_key (lang, kind, key);
  const char *translated = g_hash_table_lookup (builtin->texts, translated_key);
  return translated ? translated : english;
}

const char *
cw_catalogue_text (CwCatalogue *self, const char *lang, CwCatalogueText kind, const char *key)
{
  g_return_val_if_fail (CW_IS_CATALOGUE (self), NULL);
  g_autofree char *text_id = text_key (lang, kind, key);
  return g_hash_table_lookup (self->texts, text_id);
}
