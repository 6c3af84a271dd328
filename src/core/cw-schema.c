/* cw-schema.c: the workspace schema, as numbered migrations (their SQL is
 * in cw-schema-sql.c).
 *
 * An older workspace runs those above its PRAGMA user_version, after a
 * backup copy is written beside it. A new one gets the schema they end
 * with in one go: the build applies them to an empty database and keeps
 * what it holds (cw-schema-fresh.h, made by gen/cw-schema-gen.c), because
 * schema 3's ALTER TABLEs each re-read the whole schema, which was a fifth
 * of the time it took to create a workspace.
 */
#include "config.h"

#include "cw-catalogue-migrate.h"
#include "cw-record.h"
#include "cw-schema-fresh.h"
#include "cw-schema-sql.h"
#include "cw-workspace-private.h"

const CwMigration cw_migrations[] = {
  { 1, cw_schema_v1 },
  { 2, cw_schema_v2 },
  { 3, cw_schema_v3, cw_record_touch_all },
  { 4, cw_schema_v4, cw_catalogue_migrate_v4 },
  { 5, cw_schema_v5, cw_record_touch_all },
  { 6, cw_schema_v6, cw_record_touch_all },
  { 7, cw_schema_v7, cw_record_touch_all },
  { 8, cw_schema_v8 },
  { 9, cw_schema_v9 },
  { 10, cw_schema_v10, cw_record_touch_all },
  { 11, cw_schema_v11, cw_record_touch_all },
  { 12, cw_schema_v12, cw_record_touch_all },
  { 13, cw_schema_v13, cw_record_touch_all },
  { 14, cw_schema_v14, cw_record_touch_all },
  { 15, cw_schema_v15 },
  { 16, cw_schema_v16, cw_record_touch_all },
};

const guint cw_n_migrations = G_N_ELEMENTS (cw_migrations);

/* The schema a new workspace starts with: the migrations' end state. */
const char *const cw_schema_fresh = CW_SCHEMA_FRESH;
