/* cw-terms.h: the machinery behind every closed vocabulary of the core (a
 * table of stable tokens and labels per enum). Private to src/core. */
#pragma once

#include <glib.h>
#include "cw-i18n.h"

G_BEGIN_DECLS

/* Indexed by the enum value. */
typedef struct
{
  const char *token;
  const char *label; /* N_() */
} CwTerm;

gboolean cw_term_lookup (const CwTerm *terms, guint n_terms, guint first, const char *token,
                         guint *value);
const char *cw_term_list (const CwTerm *terms, guint n_terms, guint first, const char **cache);

/* Defines prefix_to_string, _label, _from_string and _tokens for an enum
 * over `table`; values below `first` have no token people may type. */
#define CW_DEFINE_TERMS(prefix, Type, table, first)                                                \
  const char *prefix##_to_string (Type value)                                                      \
  {                                                                                                \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);                             \
    return table[value].token;                                                                     \
  }                                                                                                \
  const char *prefix##_label (Type value)                                                          \
  {                                                                                                \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);                             \
    return _(table[value].label);                                                                  \
  }                                                                                                \
  gboolean prefix##_from_string (const char *token, Type *value)                                   \
  {                                                                                                \
    guint found;                                                                                   \
    if (!cw_term_lookup (table, G_N_ELEMENTS (table), first, token, &found))                       \
      return FALSE;                                                                                \
    *value = (Type) found;                                                                         \
    return TRUE;                                                                                   \
  }                                                                                                \
  const char *prefix##_tokens (void)                                                               \
  {                                                                                                \
    static const char *cache;                                                                      \
    return cw_term_list (table, G_N_ELEMENTS (table), first, &cache);                              \
  }

G_END_DECLS
