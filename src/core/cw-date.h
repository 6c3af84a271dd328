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
/* Calendar days in the user's time zone: "today" for overdue, and the local
 * day of any moment (seconds since 1970), so tests can cross midnight. */
void cw_date_local_at (gint64 unix_seconds, GDate *date);
void cw_date_local_today (GDate *today);

G_END_DECLS
