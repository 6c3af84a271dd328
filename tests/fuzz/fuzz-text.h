/* fuzz-text.h: fuzz input as the C string a parser of typed text receives. */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

/* A NUL-terminated copy. Text reaches our parsers as C strings, so an
 * embedded NUL ends it here too. */
static inline char *
fuzz_text (const uint8_t *data, size_t size)
{
  char *text = g_malloc (size + 1);
  if (size > 0)
    memcpy (text, data, size);
  text[size] = '\0';
  return text;
}
