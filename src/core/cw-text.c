/* cw-text.c: small rules about text people type. */
#include "config.h"

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
