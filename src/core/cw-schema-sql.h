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

G_END_DECLS
