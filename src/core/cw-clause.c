/* cw-clause.c: clauses and questions of the catalogue.
 *
 * A clause holds its sub-clauses (a tree in document order) and, when it is a
 * leaf, the questions an auditor asks there. Parents are weak references: the
 * catalogue owns the whole tree.
 */
#include "config.h"

#include "cw-catalogue.h"
#include "cw-clause.h"

struct _CwClause
{
  GObject parent_instance;
  char *number;
  char *title;
  char *guidance;
  CwClause *parent;
  GPtrArray *children;
  GPtrArray *questions;
  GArray *expected;
};

struct _CwQuestion
{
  GObject parent_instance;
  char *id;
  char *text;
  CwClause *clause;
};

G_DEFINE_FINAL_TYPE (CwClause, cw_clause, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (CwQuestion, cw_question, G_TYPE_OBJECT)

static void
clear_expected (CwExpected *expected)
{
  g_free (expected->text);
}

static void
cw_clause_finalize (GObject *object)
{
  CwClause *self = CW_CLAUSE (object);
  g_free (self->number);
  g_free (self->title);
  g_free (self->guidance);
  g_ptr_array_unref (self->children);
  g_ptr_array_unref (self->questions);
  g_array_unref (self->expected);
  G_OBJECT_CLASS (cw_clause_parent_class)->finalize (object);
}

static void
cw_clause_class_init (CwClauseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_clause_finalize;
}

static void
cw_clause_init (CwClause *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->expected = g_array_new (FALSE, FALSE, sizeof (CwExpected));
  g_array_set_clear_func (self->expected, (GDestroyNotify) clear_expected);
}

static void
cw_question_finalize (GObject *object)
{
  CwQuestion *self = CW_QUESTION (object);
  g_free (self->id);
  g_free (self->text);
  G_OBJECT_CLASS (cw_question_parent_class)->finalize (object);
}

static void
cw_question_class_init (CwQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_question_finalize;
}

static void
cw_question_init (CwQuestion *self)
{
}

/* Creates a clause; with a parent, the parent takes a reference to it as its
 * last child and the returned pointer is borrowed. */
CwClause *
cw_clause_new (const char *number, const char *title, CwClause *parent)
{
  g_return_val_if_fail (number != NULL && title != NULL, NULL);

  CwClause *self = g_object_new (CW_TYPE_CLAUSE, NULL);
  self->number = g_strdup (number);
  self->title = g_strdup (title);
  self->guidance = g_strdup ("");
  self->parent = parent;
  if (parent != NULL)
    g_ptr_array_add (parent->children, self);
  return self;
}

const char *
cw_clause_get_number (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->number;
}

const char *
cw_clause_get_title (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->title;
}

const char *
cw_clause_get_guidance (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->guidance;
}

const char *
cw_clause_get_title_shown (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return cw_catalogue_shown (CW_CATALOGUE_TITLE, self->number, self->title);
}

const char *
cw_clause_get_guidance_shown (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return cw_catalogue_shown (CW_CATALOGUE_GUIDANCE, self->number, self->guidance);
}

void
cw_clause_set_guidance (CwClause *self, const char *guidance)
{
  g_return_if_fail (CW_IS_CLAUSE (self));
  g_free (self->guidance);
  self->guidance = g_strdup (guidance ? guidance : "");
}

CwClause *
cw_clause_get_parent (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->parent;
}

/* 0 for a main clause (4 … 10), 1 for 8.6, 2 for 8.6.1 and so on. */
guint
cw_clause_get_depth (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), 0);
  guint depth = 0;
  for (CwClause *c = self->parent; c != NULL; c = c->parent)
    depth++;
  return depth;
}

gboolean
cw_clause_is_leaf (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), FALSE);
  return self->children->len == 0;
}

GPtrArray *
cw_clause_get_children (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->children;
}

GPtrArray *
cw_clause_get_questions (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->questions;
}

GArray *
cw_clause_get_expected (CwClause *self)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  return self->expected;
}

/* Returns the new question, owned by the clause. */
CwQuestion *
cw_clause_add_question (CwClause *self, const char *id, const char *text)
{
  g_return_val_if_fail (CW_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (id != NULL && text != NULL, NULL);

  CwQuestion *question = g_object_new (CW_TYPE_QUESTION, NULL);
  question->id = g_strdup (id);
  question->text = g_strdup (text);
  question->clause = self;
  g_ptr_array_add (self->questions, question);
  return question;
}

void
cw_clause_add_expected (CwClause *self, CwExpectedKind kind, const char *text)
{
  g_return_if_fail (CW_IS_CLAUSE (self));
  CwExpected expected = { kind, g_strdup (text) };
  g_array_append_val (self->expected, expected);
}

const char *
cw_question_get_id (CwQuestion *self)
{
  g_return_val_if_fail (CW_IS_QUESTION (self), NULL);
  return self->id;
}

const char *
cw_question_get_text (CwQuestion *self)
{
  g_return_val_if_fail (CW_IS_QUESTION (self), NULL);
  return self->text;
}

const char *
cw_question_get_text_shown (CwQuestion *self)
{
  g_return_val_if_fail (CW_IS_QUESTION (self), NULL);
  return cw_catalogue_shown (CW_CATALOGUE_QUESTION, self->id, self->text);
}

CwClause *
cw_question_get_clause (CwQuestion *self)
{
  g_return_val_if_fail (CW_IS_QUESTION (self), NULL);
  return self->clause;
}

const char *
cw_expected_kind_to_string (CwExpectedKind kind)
{
  return kind == CW_EXPECTED_RECORD ? "record" : "document";
}

gboolean
cw_expected_kind_from_string (const char *token, CwExpectedKind *kind)
{
  if (g_strcmp0 (token, "document") == 0)
    *kind = CW_EXPECTED_DOCUMENT;
  else if (g_strcmp0 (token, "record") == 0)
    *kind = CW_EXPECTED_RECORD;
  else
    return FALSE;
  return TRUE;
}

/* Whether an audit scope entry covers a clause: "8.6" covers 8.6, 8.6.1 and
 * 8.6.3, but not 8.60 or 8. This is the one place that rule lives. */
gboolean
cw_clause_number_covers (const char *scope, const char *number)
{
  g_return_val_if_fail (scope != NULL && number != NULL, FALSE);
  gsize n = strlen (scope);
  return strncmp (scope, number, n) == 0 && (number[n] == '\0' || number[n] == '.');
}

/* Dotted numbers of one to four parts, each 1–99: "8", "8.5.1.3". */
gboolean
cw_clause_number_is_valid (const char *number)
{
  if (number == NULL || *number == '\0')
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (number, ".", -1);
  guint n = g_strv_length (parts);
  if (n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (parts[i]);
      if (len == 0 || len > 2 || parts[i][0] == '0' || !g_ascii_isdigit (parts[i][0])
          || (len == 2 && !g_ascii_isdigit (parts[i][1])))
        return FALSE;
    }
  return TRUE;
}
