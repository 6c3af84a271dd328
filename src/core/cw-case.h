/* cw-case.h: case audits for trainees, carried by exercise packs.
 *
 * A case is a fictional service provider a trainee audits with the real
 * checklist (resources/schemas/exercise-pack.rng, define "case"): its
 * organisation and people, a briefing, a library of documents, interviews
 * and populations of records, each tied to clauses, and the model findings
 * an experienced auditor would raise with the items that support them.
 * A case is read with its pack and refused with it when it breaks a rule
 * the schema cannot state (cw_case_read). Plain data, read-only once read.
 */
#pragma once

#include <libxml/tree.h>

#include "cw-catalogue.h"
#include "cw-types.h"

G_BEGIN_DECLS

typedef enum
{
  CW_CASE_DOCUMENT,
  CW_CASE_INTERVIEW,
  CW_CASE_RECORD,
} CwCaseItemKind;

typedef struct
{
  CwCaseItemKind kind;
  char *id;
  GStrv clauses;     /* the clauses it bears on (a record: its population's) */
  char *title;       /* a document's title, an interview's "with", a record's id */
  char *version;     /* documents; NULL otherwise */
  char *date;        /* YYYY-MM-DD */
  char *text;
  char *population;  /* records: the population's id; NULL otherwise */
} CwCaseItem;

typedef struct
{
  char *id;
  char *title;
  GStrv clauses;
  guint size;        /* how many records the organisation holds */
  char *summary;
  GPtrArray *records; /* CwCaseItem *, borrowed from the case's items */
} CwCasePopulation;

typedef struct
{
  char *id;
  char *clause;
  CwGrade grade;
  GStrv cites;       /* ids of items or populations */
  char *requirement; /* the statement's three parts */
  char *evidence;
  char *statement;
  char *why;
} CwModelFinding;

typedef struct
{
  char *name;
  char *role;
  GStrv areas;       /* may be empty */
} CwCasePerson;

typedef struct
{
  char *population;
  guint at_least;
  char *reason;
} CwCaseSample;

typedef struct
{
  char *id;
  guint difficulty;  /* 1 to 3 */
  char *title;
  char *organisation;
  char *scope;
  char *services;
  GPtrArray *people;      /* CwCasePerson * */
  char *briefing;
  GStrv audit_scope;      /* the clauses the briefing asks to audit */
  GPtrArray *items;       /* CwCaseItem *, in the case's order */
  GPtrArray *populations; /* CwCasePopulation * */
  GPtrArray *findings;    /* CwModelFinding * */
  GPtrArray *samples;     /* CwCaseSample * */
  GHashTable *by_id;      /* item id → CwCaseItem * */
} CwCase;

CwCase *cw_case_read (xmlNode *node, CwCatalogue *catalogue, const char *name, GError **error);
void cw_case_free (CwCase *self);
const CwCaseItem *cw_case_lookup_item (const CwCase *self, const char *id);
const CwCasePopulation *cw_case_lookup_population (const CwCase *self, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCase, cw_case_free)

G_END_DECLS
