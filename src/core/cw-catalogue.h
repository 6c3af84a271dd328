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

G_END_DECLS
