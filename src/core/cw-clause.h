/* cw-clause.h: one clause of the catalogue and its audit questions. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CW_TYPE_CLAUSE (cw_clause_get_type ())
G_DECLARE_FINAL_TYPE (CwClause, cw_clause, CW, CLAUSE, GObject)

#define CW_TYPE_QUESTION (cw_question_get_type ())
G_DECLARE_FINAL_TYPE (CwQuestion, cw_question, CW, QUESTION, GObject)

typedef enum
{
  CW_EXPECTED_DOCUMENT,
  CW_EXPECTED_RECORD,
} CwExpectedKind;

/* Documented information an auditor usually asks for at a clause. */
typedef struct
{
  CwExpectedKind kind;
  char *text;
} CwExpected;

CwClause *cw_clause_new (const char *number, const char *title, CwClause *parent);
const char *cw_clause_get_number (CwClause *self);
const char *cw_clause_get_title (CwClause *self);
const char *cw_clause_get_guidance (CwClause *self);
/* The title, guidance and question text in the language shown
 * (cw_catalogue_shown); the plain getters give what is stored. */
const char *cw_clause_get_title_shown (CwClause *self);
const char *cw_clause_get_guidance_shown (CwClause *self);
void cw_clause_set_guidance (CwClause *self, const char *guidance);
CwClause *cw_clause_get_parent (CwClause *self);
guint cw_clause_get_depth (CwClause *self);
gboolean cw_clause_is_leaf (CwClause *self);
GPtrArray *cw_clause_get_children (CwClause *self);
GPtrArray *cw_clause_get_questions (CwClause *self);
GArray *cw_clause_get_expected (CwClause *self);
CwQuestion *cw_clause_add_question (CwClause *self, const char *id, const char *text);
void cw_clause_add_expected (CwClause *self, CwExpectedKind kind, const char *text);

const char *cw_question_get_id (CwQuestion *self);
const char *cw_question_get_text (CwQuestion *self);
const char *cw_question_get_text_shown (CwQuestion *self);
CwClause *cw_question_get_clause (CwQuestion *self);

const char *cw_expected_kind_to_string (CwExpectedKind kind);
gboolean cw_expected_kind_from_string (const char *token, CwExpectedKind *kind);

gboolean cw_clause_number_covers (const char *scope, const char *number);
gboolean cw_clause_number_is_valid (const char *number);

G_END_DECLS
