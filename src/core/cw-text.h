/* cw-text.h: small rules about text people type. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most a text field holds, in characters. Short fields are one-line
 * names, titles, references and owners; long ones are what people write:
 * notes, requirements, evidence, statements, plans, minutes. 20,000
 * characters is about eight printed pages, more than any one answer needs,
 * and keeps search and reports quick. */
#define CW_TEXT_SHORT_MAX 500
#define CW_TEXT_LONG_MAX 20000

#define CW_TEXT_ERROR (cw_text_error_quark ())
typedef enum
{
  CW_TEXT_ERROR_INVALID,
} CwTextError;

GQuark cw_text_error_quark (void);
gboolean cw_text_check (const char *text, guint max_chars, const char *field, GError **error);
/* One field of a record for cw_text_check_fields: its text, its cap and its
 * name in a message ("the note"), marked with N_(). */
typedef struct
{
  const char *text;
  guint max_chars;
  const char *field;
} CwTextField;

gboolean cw_text_check_fields (const CwTextField *fields, gsize n_fields, GError **error);
char *cw_text_escape_controls (const char *text, gssize length);

gboolean cw_text_is_blank (const char *text);
char *cw_text_trimmed (const char *text);
GStrv cw_text_split_list (const char *list);
char *cw_text_commas_to_lines (const char *list);

G_END_DECLS
