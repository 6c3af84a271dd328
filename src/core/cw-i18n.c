/* cw-i18n.c: the languages Clausewise speaks (see cw-i18n.h).
 *
 * A pushed language is read from its .mo file directly, so that a report
 * can speak German on an English desktop: gettext itself follows the
 * process's locale and $LANGUAGE, which a report must not. The .mo format
 * is GNU gettext's: a header, a table of original strings and a table of
 * translations, each entry a length and an offset. */
#define G_LOG_DOMAIN "cw-i18n"

#include "config.h"

#include "cw-i18n.h"

typedef struct
{
  const char *code;
  const char *name;
  /* Which plural form `n` takes (the language's Plural-Forms). */
  guint (*plural) (gulong n);
} CwLanguage;

static guint
plural_not_one (gulong n)
{
  return n != 1;
}

static guint
plural_above_one (gulong n)
{
  return n > 1;
}

static const CwLanguage languages[] = {
  { "en", "English", plural_not_one },
  { "de", "Deutsch", plural_not_one },
  { "fr", "Français", plural_above_one },
};

G_DEFINE_QUARK (cw-language-error-quark, cw_language_error)

const char *const *
cw_languages (void)
{
  static const char *const codes[] = { "en", "de", "fr", NULL };
  return codes;
}

const char *
cw_language_tokens (void)
{
  return "en, de, fr";
}

static const CwLanguage *
find_language (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];
  return NULL;
}

gboolean
cw_language_is_known (const char *code)
{
  return find_language (code) != NULL;
}

const char *
cw_language_name (const char *code)
{
  const CwLanguage *language = find_language (code);
  return language ? language->name : NULL;
}

gboolean
cw_language_check (const char *code, GError **error)
{
  if (cw_language_is_known (code))
    return TRUE;
  g_set_error (error, CW_LANGUAGE_ERROR, CW_LANGUAGE_ERROR_UNKNOWN,
               _("“%s” is not a language Clausewise speaks; use one of %s"), code ? code : "",
               cw_language_tokens ());
  return FALSE;
}

const char *
cw_i18n_localedir (void)
{
  const char *dir = g_getenv ("CLAUSEWISE_LOCALEDIR");
  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* ---- Message catalogues ------------------------------------------------ */

typedef struct
{
  const char *text; /* the translations, NUL-separated for plural forms */
  guint32 length;
} Translation;

typedef struct
{
  char *data;
  GHashTable *strings; /* original (msgctxt\004msgid, or msgid) → Translation * */
} Catalogue;

static guint32
read_u32 (const char *data, gsize offset, gboolean swapped)
{
  guint32 value;
  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The catalogue of `code`, or NULL when its file is missing or damaged. */
static Catalogue *
catalogue_read (const char *code)
{
  g_autofree char *path = g_build_filename (cw_i18n_localedir (), code, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  char *data = NULL;
  gsize size = 0;
  if (!g_file_get_contents (path, &data, &size, NULL))
    return NULL;
  g_autofree char *owned = data;
  if (size < 28 || size > G_MAXUINT32)
    return NULL;
  guint32 magic = read_u32 (data, 0, FALSE);
  gboolean swapped = magic == 0xde120495;
  if (magic != 0x950412de && !swapped)
    return NULL;
  guint32 n = read_u32 (data, 8, swapped);
  guint32 originals = read_u32 (data, 12, swapped);
  guint32 translations = read_u32 (data, 16, swapped);
  if (n > size / 16 || originals > size - 8 * (gsize) n || translations > size - 8 * (gsize) n)
    return NULL;

  Catalogue *catalogue = g_new0 (Catalogue, 1);
  catalogue->strings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_length = read_u32 (data, originals + 8 * i, swapped);
      guint32 o_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 t_length = read_u32 (data, translations + 8 * i, swapped);
      guint32 t_offset = read_u32 (data, translations + 8 * i + 4, swapped);
      if ((gsize) o_offset + o_length >= size || (gsize) t_offset + t_length >= size
          || data[o_offset + o_length] != '\0' || data[t_offset + t_length] != '\0')
        {
          g_hash_table_unref (catalogue->strings);
          g_free (catalogue);
          return NULL;
        }
      if (o_length == 0) /* the header */
        continue;
      Translation *translation = g_new (Translation, 1);
      translation->text = data + t_offset;
      translation->length = t_length;
      g_hash_table_replace (catalogue->strings, data + o_offset, translation);
    }
  catalogue->data = g_steal_pointer (&owned);
  return catalogue;
}

/* Catalogues are read once and kept for the life of the process. */
static GMutex catalogues_lock;
static GHashTable *catalogues; /* code → Catalogue * (NULL: none for English) */

static Catalogue *
catalogue_for (const char *code, gboolean *found)
{
  g_mutex_lock (&catalogues_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  gpointer value = NULL;
  *found = g_hash_table_lookup_extended (catalogues, code, NULL, &value);
  if (!*found && !g_str_equal (code, "en"))
    {
      value = catalogue_read (code);
      if (value != NULL)
        {
          g_hash_table_insert (catalogues, (gpointer) find_language (code)->code, value);
          *found = TRUE;
        }
    }
  else if (!*found)
    *found = TRUE; /* English needs no catalogue */
  g_mutex_unlock (&catalogues_lock);
  return value;
}

/* ---- The language of this thread ---------------------------------------- */

static GPrivate stack_key = G_PRIVATE_INIT ((GDestroyNotify) g_ptr_array_unref);

gboolean
cw_language_push (const char *code, GError **error)
{
  const CwLanguage *language = find_language (code);
  if (language == NULL)
    return cw_language_check (code, error);
  gboolean found = FALSE;
  catalogue_for (language->code, &found);
  if (!found)
    {
      g_set_error (error, CW_LANGUAGE_ERROR, CW_LANGUAGE_ERROR_MISSING,
                   _("Clausewise's messages in %s are not installed (looked in %s); "
                     "reinstall Clausewise or choose another language"),
                   language->name, cw_i18n_localedir ());
      return FALSE;
    }
  GPtrArray *stack = g_private_get (&stack_key);
  if (stack == NULL)
    {
      stack = g_ptr_array_new ();
      g_private_set (&stack_key, stack);
    }
  g_ptr_array_add (stack, (gpointer) language);
  return TRUE;
}

void
cw_language_pop (void)
{
  GPtrArray *stack = g_private_get (&stack_key);
  g_return_if_fail (stack != NULL && stack->len > 0);
  g_ptr_array_set_size (stack, stack->len - 1);
}

static const CwLanguage *
current (void)
{
  GPtrArray *stack = g_private_get (&stack_key);
  return stack != NULL && stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

const char *
cw_language_current (void)
{
  const CwLanguage *language = current ();
  return language ? language->code : NULL;
}

const char *
cw_language_shown (void)
{
  const CwLanguage *language = current ();
  if (language != NULL)
    return language->code;
  static gsize desktop = 0;
  if (g_once_init_enter (&desktop))
    {
      const char *found = "en";
      const char *const *names = g_get_language_names ();
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
            break;
          g_autofree char *base = g_strndup (names[i], strcspn (names[i], "_.@"));
          const CwLanguage *known = find_language (base);
          if (known != NULL)
            {
              found = known->code;
              break;
            }
        }
      g_once_init_leave (&desktop, (gsize) found);
    }
  return (const char *) desktop;
}

/* ---- Looking messages up ------------------------------------------------- */

static const Translation *
lookup (const CwLanguage *language, const char *original)
{
  gboolean found = FALSE;
  Catalogue *catalogue = catalogue_for (language->code, &found);
  return catalogue ? g_hash_table_lookup (catalogue->strings, original) : NULL;
}

const char *
cw_gettext (const char *msgid)
{
  const CwLanguage *language = current ();
  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  const Translation *translation = lookup (language, msgid);
  return translation && *translation->text ? translation->text : msgid;
}

const char *
cw_ngettext (const char *msgid, const char *plural, gulong n)
{
  const CwLanguage *language = current ();
  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);
  guint form = language->plural (n);
  const Translation *translation = lookup (language, msgid);
  if (translation != NULL)
    {
      const char *text = translation->text, *end = text + translation->length;
      for (guint i = 0; i < form && text < end; i++)
        text += strlen (text) + 1;
      if (text < end && *text != '\0')
        return text;
    }
  return n == 1 ? msgid : plural;
}

const char *
cw_pgettext (const char *context_msgid, gsize msgid_offset)
{
  const CwLanguage *language = current ();
  if (language == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, context_msgid, msgid_offset);
  const Translation *translation = lookup (language, context_msgid);
  return translation && *translation->text ? translation->text : context_msgid + msgid_offset;
}

/* ---- Dates and numbers --------------------------------------------------- */

static const char *
month_name (GDateMonth month, gboolean abbreviated)
{
  if (abbreviated)
    switch (month)
      {
      case G_DATE_JANUARY: return C_("abbreviated month", "Jan");
      case G_DATE_FEBRUARY: return C_("abbreviated month", "Feb");
      case G_DATE_MARCH: return C_("abbreviated month", "Mar");
      case G_DATE_APRIL: return C_("abbreviated month", "Apr");
      case G_DATE_MAY: return C_("abbreviated month", "May");
      case G_DATE_JUNE: return C_("abbreviated month", "Jun");
      case G_DATE_JULY: return C_("abbreviated month", "Jul");
      case G_DATE_AUGUST: return C_("abbreviated month", "Aug");
      case G_DATE_SEPTEMBER: return C_("abbreviated month", "Sep");
      case G_DATE_OCTOBER: return C_("abbreviated month", "Oct");
      case G_DATE_NOVEMBER: return C_("abbreviated month", "Nov");
      case G_DATE_DECEMBER: return C_("abbreviated month", "Dec");
      case G_DATE_BAD_MONTH: break;
      }
  else
    switch (month)
      {
      case G_DATE_JANUARY: return C_("month", "January");
      case G_DATE_FEBRUARY: return C_("month", "February");
      case G_DATE_MARCH: return C_("month", "March");
      case G_DATE_APRIL: return C_("month", "April");
      case G_DATE_MAY: return C_("month", "May");
      case G_DATE_JUNE: return C_("month", "June");
      case G_DATE_JULY: return C_("month", "July");
      case G_DATE_AUGUST: return C_("month", "August");
      case G_DATE_SEPTEMBER: return C_("month", "September");
      case G_DATE_OCTOBER: return C_("month", "October");
      case G_DATE_NOVEMBER: return C_("month", "November");
      case G_DATE_DECEMBER: return C_("month", "December");
      case G_DATE_BAD_MONTH: break;
      }
  g_return_val_if_reached ("");
}

char *
cw_i18n_format_date (const GDate *date, gboolean short_month)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  /* TRANSLATORS: a date: %1$u is the day, %2$s the month's name, %3$u the
   * year ("14 September 2026"); reorder with the positions as needed. */
  return g_strdup_printf (C_("date", "%1$u %2$s %3$u"), g_date_get_day (date),
                          month_name (g_date_get_month (date), short_month),
                          g_date_get_year (date));
}

char *
cw_i18n_format_decimal (double value, guint decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* TRANSLATORS: the mark between a number's whole part and its decimals. */
  const char *mark = C_("decimal mark", ".");
  g_auto (GStrv) parts = g_strsplit (buffer, ".", 2);
  return parts[1] ? g_strconcat (parts[0], mark, parts[1], NULL) : g_strdup (parts[0]);
}
