/* cw-catalogue.h: the clauses of ISO/IEC 20000-1:2018 with our guidance and
 * audit questions, and the management review inputs.
 *
 * The built-in catalogue comes from the GResource; a workspace keeps its own
 * copy, made when it was created, so that an audit always refers to the text
 * its auditors saw.
 */
#pragma once

#include <gio/gio.h>

#include "cw-clause.h"

G_BEGIN_DECLS

#define CW_CATALOGUE_RESOURCE RESOURCE_PREFIX "/catalogue/iso20000-1-2018.xml"
#define CW_CATALOGUE_SCHEMA RESOURCE_PREFIX "/schemas/catalogue.rng"

#define CW_CATALOGUE_ERROR (cw_catalogue_error_quark ())
typedef enum
{
  CW_CATALOGUE_ERROR_INVALID,
} CwCatalogueError;

/* One input a management review considers (clause 9.3). `prefill` names what
 * the core fills in from the workspace, or is NULL. */
typedef struct
{
  char *id;
  char *title;
  char *hint;
  char *prefill;
} CwReviewInput;

/* The texts of the catalogue that are translated. */
typedef enum
{
  CW_CATALOGUE_TITLE,       /* key: the clause number */
  CW_CATALOGUE_GUIDANCE,    /* key: the clause number */
  CW_CATALOGUE_QUESTION,    /* key: the question id */
  CW_CATALOGUE_EXPECTS,     /* key: "NUMBER#N", the clause's Nth expected item */
  CW_CATALOGUE_INPUT_TITLE, /* key: the review input id */
  CW_CATALOGUE_INPUT_HINT,  /* key: the review input id */
} CwCatalogueText;

#define CW_TYPE_CATALOGUE (cw_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (CwCatalogue, cw_catalogue, CW, CATALOGUE, GObject)

GQuark cw_catalogue_error_quark (void);

CwCatalogue *cw_catalogue_new (const char *standard, guint version);
CwCatalogue *cw_catalogue_new_builtin (GError **error);
CwCatalogue *cw_catalogue_new_from_xml (GBytes *bytes, const char *name, GError **error);

const char *cw_catalogue_get_standard (CwCatalogue *self);
guint cw_catalogue_get_version (CwCatalogue *self);
GPtrArray *cw_catalogue_get_clauses (CwCatalogue *self);
GPtrArray *cw_catalogue_get_main_clauses (CwCatalogue *self);
GArray *cw_catalogue_get_review_inputs (CwCatalogue *self);
guint cw_catalogue_count_questions (CwCatalogue *self);

CwClause *cw_catalogue_lookup_clause (CwCatalogue *self, const char *number);
CwQuestion *cw_catalogue_lookup_question (CwCatalogue *self, const char *id);

CwClause *cw_catalogue_add_clause (CwCatalogue *self, const char *number, const char *title,
                                   const char *parent_number, GError **error);
CwQuestion *cw_catalogue_add_question (CwCatalogue *self, CwClause *clause, const char *id,
                                       const char *text, GError **error);
void cw_catalogue_add_review_input (CwCatalogue *self, const char *id, const char *title,
                                    const char *hint, const char *prefill);

GStrv cw_catalogue_normalise_scope (CwCatalogue *self, const char *const *scope, GError **error);

/* A text of a catalogue item (`english`, as a workspace keeps it) in the
 * language shown (cw_language_shown): the built-in catalogue's
 * translation, when that catalogue has the item with the same English
 * text; else `english`, so a workspace whose catalogue differs from the
 * built-in one is never shown another question's words. Workspaces keep
 * English; only what is shown is translated. */
const char *cw_catalogue_shown (CwCatalogueText kind, const char *key, const char *english);
/* A catalogue's own text in `lang` ("en", "de", "fr"), or NULL. */
const char *cw_catalogue_text (CwCatalogue *self, const char *lang, CwCatalogueText kind,
                               const char *key);

G_END_DECLS
