/* cw-csv.c: RFC 4180 CSV.
 *
 * Rows end in CRLF; a field is quoted when it holds a comma, a quote, CR or LF,
 * with quotes doubled, so that notes and statements with any punctuation
 * survive a trip through a spreadsheet and back.
 */
#include "config.h"

#include "cw-i18n.h"

#include "cw-csv.h"

G_DEFINE_QUARK (cw-csv-error-quark, cw_csv_error)

static void
append_field (GString *out, const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cw_csv_append_row (GString *out, const char *const *fields, gsize n_fields)
{
  g_return_if_fail (out != NULL);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
end_row (GPtrArray *rows, GPtrArray **row)
{
  g_ptr_array_add (*row, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (row), FALSE));
  *row = g_ptr_array_new_with_free_func (g_free);
}

/* Returns an array of rows, each a NULL-terminated string vector. A final line
 * break is optional; bare LF line ends are accepted as well as CRLF. */
GPtrArray *
cw_csv_parse (const char *text, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  guint line = 1;
  const char *p = text;
  /* A quoted empty field is a field even though it adds no text: without
   * this, a last line of just "" would vanish instead of being one row. */
  gboolean field_quoted = FALSE;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          guint start_line = line;
          for (p++;; p++)
            {
              if (*p == '\0')
                {
                  g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_MALFORMED,
                               _("Line %u: a quoted field is never closed"), start_line);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p);
            }
          p++;
          field_quoted = TRUE;
          if (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
            {
              g_set_error (error, CW_CSV_ERROR, CW_CSV_ERROR_MALFORMED,
                           _("Line %u: text follows a closing quote"), line);
              return NULL;
            }
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_quoted = FALSE;
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_quoted = FALSE;
          end_row (rows, &row);
          line++;
        }
      else
        g_string_append_c (field, *p);
      p++;
    }

  if (field->len > 0 || row->len > 0 || field_quoted)
    {
      g_ptr_array_add (row, g_strndup (field->str, field->len));
      end_row (rows, &row);
    }
  return g_steal_pointer (&rows);
}
