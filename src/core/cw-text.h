/* cw-text.h: small rules about text people type. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cw_text_is_blank (const char *text);
char *cw_text_trimmed (const char *text);
GStrv cw_text_split_list (const char *list);
char *cw_text_commas_to_lines (const char *list);

G_END_DECLS
