/* fuzz-xml.c: cw_xml_read_bytes with the catalogue schema, on any bytes.
 *
 * Every XML file is untrusted (cw-xml.h). Whatever the bytes, the reader
 * returns a document or an error, never both and never neither, with a
 * message a user can read. A document it returns has passed the schema, so
 * the catalogue built from it must either load or be refused with a
 * catalogue error: the schema and the loader agree on what a catalogue is. */
#include "config.h"

#include "cw-catalogue.h"
#include "cw-xml.h"
#include "fuzz.h"

/* What the loader does with a document, on every element: text and
 * attributes are read without trusting their shape. */
static void
walk (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_autofree char *text = cw_xml_text (node);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = cw_xml_attr (node, (const char *) attr->name);
          g_assert_nonnull (value);
          g_assert_true (g_utf8_validate (value, -1, NULL));
        }
      walk (node->children);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = cw_xml_read_bytes (bytes, "fuzz.xml", CW_CATALOGUE_SCHEMA, &error);
  if (doc == NULL)
    {
      g_assert_true (error->domain == CW_XML_ERROR);
      FUZZ_ASSERT_MESSAGE (error);
      return 0;
    }
  g_assert_no_error (error);
  /* The reader refuses a DTD outright: no entity can have been declared. */
  g_assert_null (doc->intSubset);
  g_assert_null (doc->extSubset);
  walk (xmlDocGetRootElement (doc));

  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_from_xml (bytes, "fuzz.xml", &error);
  if (catalogue == NULL)
    {
      g_assert_true (error->domain == CW_CATALOGUE_ERROR);
      FUZZ_ASSERT_MESSAGE (error);
    }
  else
    g_assert_no_error (error);
  return 0;
}
