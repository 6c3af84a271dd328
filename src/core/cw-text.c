/* cw-text.c: small rules about text people type. */
#include "config.h"

#include "cw-i18n.h"
#include <string.h>

#include "cw-text.h"

/* NULL, empty and white space only all count as "nothing written". */
gboolean
cw_text_is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A copy without leading and trailing white space; never NULL. */
char *
cw_text_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* "a, b,,c " as the list a, b, c: what people type in one field, commas
 * between the items, blanks around them and empty items ignored. */
GStrv
cw_text_split_list (const char *list)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) items = g_strsplit (list ? list : "", ",", -1);
  for (guint i = 0; items[i]; i++)
    if (!cw_text_is_blank (items[i]))
      g_strv_builder_add (builder, g_strstrip (items[i]));
  return g_strv_builder_end (builder);
}

/* The same list one item a line, as the workspace keeps names. */
char *
cw_text_commas_to_lines (const char *list)
{
  g_auto (GStrv) items = cw_text_split_list (list);
  return g_strjoinv ("\n", items);
}

G_DEFINE_QUARK (cw-text-error-quark, cw_text_error)

static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0);
}

/* Whether `text` may be stored in a field called `field` ("the note"):
 * valid UTF-8, no control characters but tab and line breaks, and at most
 * `max_chars` characters. NULL is an empty field. The message names the
 * field, never the text, which may be anything. */
gboolean
cw_text_check (const char *text, guint max_chars, const char *field, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID,
                   _("The text of %s is not valid UTF-8; save it as UTF-8 and try again"), field);
      return FALSE;
    }
  guint n = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      if (is_control (c))
        {
          g_set_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID,
                       _("The text of %s contains a control character (U+%04X); remove it and "
                         "try again"),
                       field, c);
          return FALSE;
        }
    }
  if (n > max_chars)
    {
      g_set_error (error, CW_TEXT_ERROR, CW_TEXT_ERROR_INVALID,
                   _("The text of %s is %u characters long; it can hold at most %u. Shorten it, "
                     "or keep the full text in a document and cite it"),
                   field, n, max_chars);
      return FALSE;
    }
  return TRUE;
}

/* Checks every field of a record, and stops at the first that is refused. */
gboolean
cw_text_check_fields (const CwTextField *fields, gsize n_fields, GError **error)
{
  for (gsize i = 0; i < n_fields; i++)
    if (!cw_text_check (fields[i].text, fields[i].max_chars, _(fields[i].field), error))
      return FALSE;
  return TRUE;
}

/* `text` as a terminal may safely show it: control characters other than
 * tab and line breaks become \x1B (or \u0085), and bytes that are not
 * UTF-8 become \xFF, so that nothing stored can move a cursor, clear a
 * screen or set a window title. */
char *
cw_text_escape_controls (const char *text, gssize length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  GString *out = g_string_sized_new (end - text);
  const char *p = text;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      const char *next = g_utf8_next_char (p);
      /* A lone carriage return can overwrite what a line showed; the one
       * before a line feed (CSV's line ends) cannot. */
      if (is_control (c) || (c == '\r' && (next >= end || *next != '\n')))
        g_string_append_printf (out, c < 0x80 ? "\\x%02X" : "\\u%04X", c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}
