/* cw-date.h: calendar dates as people type them (YYYY-MM-DD). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_DATE_ERROR (cw_date_error_quark ())
typedef enum
{
  CW_DATE_ERROR_INVALID,
} CwDateError;

GQuark cw_date_error_quark (void);

gboolean cw_date_parse (const char *text, GDate *date, GError **error);
gboolean cw_date_check (const char *text, GError **error);
char *cw_date_to_string (const GDate *date);
char *cw_timestamp_now (void);

G_END_DECLS
