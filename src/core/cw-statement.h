/* cw-statement.h: hints on a written nonconformity statement.
 *
 * An auditor (or a trainee) writes a finding in three parts: the
 * requirement, the evidence and the statement. The checker reads the three
 * and says, in plain words, what to change: a requirement without a clause
 * or document, vague evidence, opinion, "should", a person's name, a
 * statement that only repeats the evidence, or a grade that does not fit.
 * These are hints, never rules: nothing is refused because of them. The
 * GUI's finding editor and `clausewise-cli statement check` both call this
 * one function, so the rules live here only.
 */
#pragma once

#include <glib.h>

#include "cw-types.h"

G_BEGIN_DECLS

/* What a hint is about. The token of each (cw_statement_kind_to_string)
 * is stable: scripts read it from the CLI. */
typedef enum
{
  CW_STATEMENT_INVALID_TEXT,   /* "invalid-text" */
  CW_STATEMENT_NO_REFERENCE,   /* "no-reference" */
  CW_STATEMENT_VAGUE_EVIDENCE, /* "vague-evidence" */
  CW_STATEMENT_EMPTY,          /* "empty" */
  CW_STATEMENT_SHOULD,         /* "should" */
  CW_STATEMENT_OPINION,        /* "opinion" */
  CW_STATEMENT_PERSON_NAME,    /* "person-name" */
  CW_STATEMENT_REPEATS,        /* "repeats-evidence" */
  CW_STATEMENT_GRADE_MISMATCH, /* "grade-mismatch" */
} CwStatementKind;

typedef struct
{
  CwStatementKind kind;
  char *message; /* translated; says what to change */
} CwStatementHint;

const char *cw_statement_kind_to_string (CwStatementKind kind);
void cw_statement_hint_free (CwStatementHint *hint);

/* The hints on one finding, in the order of its parts (requirement,
 * evidence, statement, grade); an empty array when there is nothing to
 * say. `grade` is NULL when no grade is given: the grade rule is then
 * skipped. NULL texts count as empty. Texts that are not valid UTF-8 give
 * the single hint CW_STATEMENT_INVALID_TEXT and nothing else. Time is
 * linear in the length of the texts. */
GPtrArray *cw_statement_check (const char *requirement, const char *evidence,
                               const char *statement, const CwGrade *grade);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwStatementHint, cw_statement_hint_free)

G_END_DECLS
