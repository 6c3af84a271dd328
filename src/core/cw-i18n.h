/* cw-i18n.h: the languages Clausewise speaks, and which one the core
 * speaks now.
 *
 * The window and the command line speak the desktop's language (gettext,
 * as usual). A report speaks its workspace's language, whatever the
 * desktop's: a German auditor may send an English report to a group head
 * office. So the core's messages go through cw_gettext() and friends (the
 * core's _() is cw_gettext), which answer in the language pushed on this
 * thread with cw_language_push(), read from Clausewise's own message
 * catalogues (the installed .mo files), and otherwise in the desktop's.
 *
 * Every file of src/core includes this header instead of <glib/gi18n.h>.
 */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>
#include <string.h>

G_BEGIN_DECLS

#undef _
#define _(String) cw_gettext (String)
#undef C_
#define C_(Context, String) cw_pgettext (Context "\004" String, strlen (Context) + 1)

#define CW_LANGUAGE_ERROR (cw_language_error_quark ())
typedef enum
{
  CW_LANGUAGE_ERROR_UNKNOWN,   /* not one of cw_languages() */
  CW_LANGUAGE_ERROR_MISSING,   /* its messages are not installed */
} CwLanguageError;

GQuark cw_language_error_quark (void);

/* "en", "de", "fr": the languages of the messages, the catalogue and the
 * reports, English first. NULL-terminated. */
const char *const *cw_languages (void);
gboolean cw_language_is_known (const char *code);
/* A language's own name ("Deutsch"), to offer it in a list. */
const char *cw_language_name (const char *code);
/* "en", "en, de, fr": for messages that list them. */
const char *cw_language_tokens (void);
gboolean cw_language_check (const char *code, GError **error);

/* Speaks `code` on this thread until the matching cw_language_pop().
 * Pushes nest. Fails (and pushes nothing) for an unknown language or one
 * whose messages are not installed. */
gboolean cw_language_push (const char *code, GError **error);
void cw_language_pop (void);
/* The language pushed on this thread, or NULL. */
const char *cw_language_current (void);
/* The language texts are shown in: the one pushed, else the first of the
 * desktop's languages Clausewise has, else "en". */
const char *cw_language_shown (void);

/* Where the message catalogues are: $CLAUSEWISE_LOCALEDIR when set (the
 * build tree, for tests and `meson devenv`), else the installed place. */
const char *cw_i18n_localedir (void);

const char *cw_gettext (const char *msgid) G_GNUC_FORMAT (1);
const char *cw_ngettext (const char *msgid, const char *plural, gulong n) G_GNUC_FORMAT (1)
  G_GNUC_FORMAT (2);
/* `context_msgid` is "context\004msgid"; `msgid_offset` where msgid starts. */
const char *cw_pgettext (const char *context_msgid, gsize msgid_offset) G_GNUC_FORMAT (1);

/* Dates in the language shown: "14 September 2026", "14. September
 * 2026", "14 septembre 2026"; short: "14 Sep 2026". */
char *cw_i18n_format_date (const GDate *date, gboolean short_month);
/* A number with `decimals` decimals and the language's decimal mark. */
char *cw_i18n_format_decimal (double value, guint decimals);

G_END_DECLS
