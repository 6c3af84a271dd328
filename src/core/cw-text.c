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
