/* cw-xml.h: the one way Clausewise reads XML.
 *
 * Every XML file is untrusted, even the ones we ship: the bytes are read with a
 * size cap, parsed from memory with the network off and no entity expansion,
 * refused if they carry a DTD, and validated against a RelaxNG schema from the
 * GResource before a single value is used.
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

#define CW_XML_ERROR (cw_xml_error_quark ())
typedef enum
{
  CW_XML_ERROR_READ,
  CW_XML_ERROR_TOO_LARGE,
  CW_XML_ERROR_MALFORMED,
  CW_XML_ERROR_FORBIDDEN,
  CW_XML_ERROR_INVALID,
} CwXmlError;

/* Large enough for any catalogue, exercise pack or audit exchange file we
 * expect; anything bigger is refused before parsing. */
#define CW_XML_MAX_BYTES (32 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

GQuark cw_xml_error_quark (void);

xmlDoc *cw_xml_read_bytes (GBytes *bytes, const char *name, const char *schema_resource,
                           GError **error);
xmlDoc *cw_xml_read_resource (const char *resource, const char *name, GError **error);
xmlDoc *cw_xml_read_file (GFile *file, gsize max_bytes, const char *schema_resource,
                          GError **error);

xmlDoc *cw_xml_read_bytes_unchecked (GBytes *bytes, const char *name, GError **error);

/* Streaming, for files too large to hold as a tree (the exchange format):
 * the same refusals, the schema checked as the reader goes. */
typedef struct _CwXmlReader CwXmlReader;
CwXmlReader *cw_xml_reader_new (GInputStream *stream, guint64 max_bytes, const char *name,
                                const char *schema_resource, GError **error);
gboolean cw_xml_reader_read (CwXmlReader *reader, gboolean *more, GError **error);
gboolean cw_xml_reader_skip (CwXmlReader *reader, gboolean *more, GError **error);
xmlTextReaderPtr cw_xml_reader_get (CwXmlReader *reader);
xmlNode *cw_xml_reader_expand (CwXmlReader *reader, GError **error);
void cw_xml_reader_free (CwXmlReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwXmlReader, cw_xml_reader_free)

char *cw_xml_text (xmlNode *node);
char *cw_xml_raw_text (xmlNode *node);
char *cw_xml_attr (xmlNode *node, const char *name);
gboolean cw_xml_is (xmlNode *node, const char *name);

G_END_DECLS
