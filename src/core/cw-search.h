/* cw-search.h: full-text search across findings, answer notes, evidence,
 * corrective actions and management reviews' notes. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_SEARCH_FINDING,
  CW_SEARCH_ANSWER,
  CW_SEARCH_EVIDENCE,
  CW_SEARCH_ACTION,
  CW_SEARCH_REVIEW,
} CwSearchKind;

typedef struct
{
  CwSearchKind kind;
  gint64 id;       /* finding, answer, evidence, action or review id */
  gint64 audit_id; /* 0 for an action or a review */
  char *title;     /* where it is, for people: "Finding NC-2 on 8.5.1.3 · Audit title" */
  char *place;     /* where to open it: a question or clause for an audit's record */
  char *snippet;   /* the matching passage, matches between [ and ] */
  char *markup;    /* the same as Pango markup, matches in bold, nothing else marked */
} CwSearchHit;

char *cw_search_match_expression (const char *query);
GPtrArray *cw_workspace_search (CwWorkspace *self, const char *query, guint limit,
                                GError **error);
const char *cw_search_kind_to_string (CwSearchKind kind);
gboolean cw_search_index_record (CwWorkspace *self, const char *entity, gint64 id, GError **error);
void cw_search_hit_free (CwSearchHit *hit);

G_END_DECLS
