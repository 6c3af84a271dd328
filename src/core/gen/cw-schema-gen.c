/* cw-schema-gen.c: a build step. Applies the workspace schema's steps
 * (cw-schema-sql.c) to an empty in-memory database and writes what it then
 * holds as one C string, CW_SCHEMA_FRESH: the schema a new workspace is
 * created with, always the end state of the migrations, never written by
 * hand. Tables that a virtual table makes for itself (the search index's)
 * are left to it. */
#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "cw-schema-sql.h"

static void
fail (sqlite3 *db, const char *what)
{
  fprintf (stderr, "cw-schema-gen: %s: %s\n", what, sqlite3_errmsg (db));
  exit (1);
}

static void
append_c_string (GString *out, const char *sql)
{
  g_string_append (out, "  \"");
  for (const char *p = sql; *p; p++)
    switch (*p)
      {
      case '"':
      case '\\':
        g_string_append_printf (out, "\\%c", *p);
        break;
      case '\n':
        g_string_append (out, "\\n\"\n  \"");
        break;
      default:
        g_string_append_c (out, *p);
      }
  g_string_append (out, ";\"\n");
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: cw-schema-gen OUTPUT.h\n");
      return 2;
    }
  sqlite3 *db = NULL;
  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    fail (db, "open");
  const char *steps[] = { cw_schema_v1, cw_schema_v2, cw_schema_v3, cw_schema_v4,
                          cw_schema_v5, cw_schema_v6, cw_schema_v7,
                          cw_schema_v8, cw_schema_v9, cw_schema_v10,
                          cw_schema_v11, cw_schema_v12,
                          cw_schema_v13, cw_schema_v14, cw_schema_v15,
                          cw_schema_v16 };
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (sqlite3_exec (db, steps[i], NULL, NULL, NULL) != SQLITE_OK)
      fail (db, "a schema step");

  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db,
                          "SELECT sql FROM sqlite_schema s WHERE sql IS NOT NULL"
                          " AND NOT EXISTS (SELECT 1 FROM sqlite_schema v"
                          "  WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'"
                          "  AND s.type = 'table' AND s.name LIKE v.name || '\\_%' ESCAPE '\\')"
                          " ORDER BY rowid",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    fail (db, "reading the schema");
  GString *out = g_string_new ("/* Made by cw-schema-gen from cw-schema-sql.c; do not edit. */\n"
                               "#pragma once\n\n#define CW_SCHEMA_FRESH \\\n");
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_c_string (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_insert (out, out->len - 1, " \\");
    }
  if (rc != SQLITE_DONE)
    fail (db, "reading the schema");
  g_string_append (out, "  \"\"\n");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  GError *error = NULL;
  if (!g_file_set_contents (argv[1], out->str, out->len, &error))
    {
      fprintf (stderr, "cw-schema-gen: %s\n", error->message);
      return 1;
    }
  g_string_free (out, TRUE);
  return 0;
}
