/* cw-csv.h: RFC 4180 CSV, written and read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_CSV_ERROR (cw_csv_error_quark ())
typedef enum
{
  CW_CSV_ERROR_MALFORMED,
} CwCsvError;

GQuark cw_csv_error_quark (void);

void cw_csv_append_row (GString *out, const char *const *fields, gsize n_fields);
GPtrArray *cw_csv_parse (const char *text, GError **error);

G_END_DECLS
