/* cw-search.h: full-text search across findings, answer notes and evidence. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_SEARCH_FINDING,
  CW_SEARCH_ANSWER,
  CW_SEARCH_EVIDENCE,
} CwSearchKind;

typedef struct
{
  CwSearchKind kind;
  gint64 id;       /* finding, answer or evidence id */
  gint64 audit_id;
  char *snippet;   /* the matching passage, matches between [ and ] */
} CwSearchHit;

char *cw_search_match_expression (const char *query);
GPtrArray *cw_workspace_search (CwWorkspace *self, const char *query, guint limit,
                                GError **error);
const char *cw_search_kind_to_string (CwSearchKind kind);
void cw_search_hit_free (CwSearchHit *hit);

G_END_DECLS
