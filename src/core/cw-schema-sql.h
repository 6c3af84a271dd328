/* cw-schema-sql.h: the SQL of each step of the workspace schema. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char cw_schema_v1[];
extern const char cw_schema_v2[];
extern const char cw_schema_v3[];
extern const char cw_schema_v4[];
extern const char cw_schema_v5[];
extern const char cw_schema_v6[];
extern const char cw_schema_v7[];
extern const char cw_schema_v8[];
extern const char cw_schema_v9[];
extern const char cw_schema_v10[];
extern const char cw_schema_v11[];
extern const char cw_schema_v12[];
extern const char cw_schema_v13[];
extern const char cw_schema_v14[];
extern const char cw_schema_v15[];
extern const char cw_schema_v16[];

/* What search indexes of an action and of a review, as SQL over the row
 * (shared by schema step 8 and cw-search.c, which keeps it current). */
#define CW_SEARCH_ACTION_BODY \
  "trim (title || ' ' || description || ' ' || correction || ' ' || consequences || ' '" \
  " || root_cause || ' ' || similar || ' ' || plan || ' ' || verification)"
#define CW_SEARCH_REVIEW_BODY \
  "(SELECT group_concat (notes, ' ') FROM review_entry WHERE review_entry.review = review.id" \
  " AND notes <> '')"

G_END_DECLS
