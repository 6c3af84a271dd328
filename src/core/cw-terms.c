/* cw-terms.c: looking up tokens of the core's vocabularies. */
#include "config.h"

#include "cw-terms.h"

gboolean
cw_term_lookup (const CwTerm *terms, guint n_terms, guint first, const char *token, guint *value)
{
  for (guint i = first; token != NULL && i < n_terms; i++)
    if (g_str_equal (terms[i].token, token))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

/* "a|b|c", for usage and error messages; built once and kept. */
const char *
cw_term_list (const CwTerm *terms, guint n_terms, guint first, const char **cache)
{
  if (g_once_init_enter (cache))
    {
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = first; i < n_terms; i++)
        g_string_append_printf (list, "%s%s", i > first ? "|" : "", terms[i].token);
      g_once_init_leave (cache, g_string_free (g_steal_pointer (&list), FALSE));
    }
  return *cache;
}
