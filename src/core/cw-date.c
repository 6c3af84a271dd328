/* cw-date.c: strict parsing of calendar dates.
 *
 * Only the ISO form YYYY-MM-DD is accepted, and only real days: 2026-02-30
 * and 2026-13-01 are refused rather than rolled over, because a wrong audit or
 * due date silently becoming another date is worse than a clear refusal.
 */
#include "config.h"

#include "cw-i18n.h"
#include <time.h>

#include "cw-date.h"

G_DEFINE_QUARK (cw-date-error-quark, cw_date_error)

static gboolean
is_digits (const char *text, guint n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* What was typed, for quoting in a message. A message must be valid UTF-8
 * (GTK shows it, the CLI prints it) but the text may come from a damaged
 * workspace or a script, so bytes that are not UTF-8 become U+FFFD; and
 * anything much longer than a date is cut, since the point is to recognise
 * it, not to read it back. */
static char *
quotable (const char *text)
{
  const glong max_chars = 40;
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  g_autofree char *start = g_utf8_substring (valid, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

gboolean
cw_date_parse (const char *text, GDate *date, GError **error)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (text != NULL && strlen (text) == 10 && is_digits (text, 4) && text[4] == '-'
      && is_digits (text + 5, 2) && text[7] == '-' && is_digits (text + 8, 2))
    {
      guint year = g_ascii_strtoull (text, NULL, 10);
      guint month = g_ascii_strtoull (text + 5, NULL, 10);
      guint day = g_ascii_strtoull (text + 8, NULL, 10);

      if (year >= 1900 && g_date_valid_dmy (day, month, year))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, day, month, year);
          return TRUE;
        }
    }

  g_autofree char *typed = quotable (text);
  g_set_error (error, CW_DATE_ERROR, CW_DATE_ERROR_INVALID,
               _("“%s” is not a valid date; write it as YYYY-MM-DD, for example 2026-03-14"),
               typed);
  return FALSE;
}

gboolean
cw_date_check (const char *text, GError **error)
{
  GDate date;
  return cw_date_parse (text, &date, error);
}

char *
cw_date_to_string (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* The moment of an edit, for the change history: UTC, to the microsecond, so
 * that entries sort and compare across time zones. Formatted by hand because
 * it runs for every edit and g_date_time_format is comparatively slow. */
char *
cw_timestamp_now (void)
{
  gint64 now = g_get_real_time ();
  time_t seconds = now / G_USEC_PER_SEC;
  struct tm utc;
  gmtime_r (&seconds, &utc);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", utc.tm_year + 1900,
                          utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                          (int) (now % G_USEC_PER_SEC));
}

/* The local calendar day of a moment. GLib re-reads TZ when it changes, so
 * a test (or a traveller) sees the day of the zone in force. */
void
cw_date_local_at (gint64 unix_seconds, GDate *date)
{
  g_return_if_fail (date != NULL);
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, zone);
  gint year, month, day;
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* Today in the user's time zone: the day due dates are compared with. */
void
cw_date_local_today (GDate *today)
{
  cw_date_local_at (g_get_real_time () / G_USEC_PER_SEC, today);
}
