/* cw-xml.c: hardened XML reading (see cw-xml.h).
 *
 * Traps on libxml2 2.9.14 that shape this code: xmlCtxtReadFile silently
 * gunzips its input, and XML_PARSE_NONET does not stop file:// loads. So the
 * bytes are always read here, and a process-wide entity loader (cw-core.c)
 * refuses every external load.
 */
#define G_LOG_DOMAIN "cw-xml"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "cw-core.h"
#include "cw-xml.h"

G_DEFINE_QUARK (cw-xml-error-quark, cw_xml_error)

/* libxml2's messages quote the document: a tag name it could not decode
 * comes through byte for byte, and a name may be 50,000 characters long.
 * Ours go to GTK labels and stderr, so they are made valid UTF-8 and cut to
 * a length a person reads. */
static char *
readable_problem (const char *message)
{
  const glong max_chars = 200;
  g_autofree char *valid = g_utf8_make_valid (message ? message : "?", -1);
  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  g_autofree char *start = g_utf8_substring (valid, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

/* The first error a validator reports, with its line, kept for the message. */
static void
keep_first_error (void *data, xmlErrorPtr err)
{
  char **message = data;
  if (*message != NULL || err == NULL)
    return;
  g_autofree char *text = readable_problem (err->message);
  *message = err->line > 0 ? g_strdup_printf (_("line %d: %s"), err->line, text)
                           : g_steal_pointer (&text);
}

static xmlRelaxNGPtr
load_schema (const char *schema_resource, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes
    = g_resources_lookup_data (schema_resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
  if (bytes == NULL)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ,
                   _("The schema %s is missing from this build of Clausewise: %s"),
                   schema_resource, local->message);
      return NULL;
    }

  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  g_autofree char *message = NULL;
  xmlRelaxNGSetParserStructuredErrors (pctxt, keep_first_error, &message);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ,
                 _("The schema %s of this build of Clausewise is broken: %s"), schema_resource,
                 message ? message : "?");
  return schema;
}

/* Compiling a schema costs more than validating a document with it (most
 * of the 16 ms the catalogue took to read), and the schemas are part of
 * the build: each is compiled once per process and kept. Validation runs
 * under the same lock, since libxml2 does not promise that two threads may
 * validate with one schema at once. */
G_LOCK_DEFINE_STATIC (schemas);
static GHashTable *schemas; /* resource path → xmlRelaxNGPtr */

static gboolean
validate (xmlDoc *doc, const char *name, const char *schema_resource, GError **error)
{
  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  xmlRelaxNGPtr schema = g_hash_table_lookup (schemas, schema_resource);
  if (schema == NULL)
    {
      schema = load_schema (schema_resource, error);
      if (schema == NULL)
        {
          G_UNLOCK (schemas);
          return FALSE;
        }
      g_hash_table_insert (schemas, g_strdup (schema_resource), schema);
    }

  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_autofree char *message = NULL;
  xmlRelaxNGSetValidStructuredErrors (vctxt, keep_first_error, &message);
  int status = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  G_UNLOCK (schemas);

  if (status != 0)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_INVALID,
                   _("%s is not in the expected form (%s)"), name,
                   message ? message : _("it does not match the schema"));
      return FALSE;
    }
  return TRUE;
}

static void
set_dtd_error (GError **error, const char *name)
{
  g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN,
               _("%s declares a DTD, which Clausewise never reads; remove the <!DOCTYPE> "
                 "declaration"),
               name);
}

static void
set_compressed_error (GError **error, const char *name)
{
  g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN,
               _("%s is compressed; unpack it and open the plain XML file"), name);
}

static gboolean
is_gzip (const guint8 *data, gsize size)
{
  return size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

/* Reads `bytes` with the hardened parser, then validates them against
 * `schema_resource`, or not at all when it is NULL: only for documents
 * compiled into the build (cw_xml_read_resource). */
static xmlDoc *
read_bytes (GBytes *bytes, const char *name, const char *schema_resource, GError **error)
{
  cw_core_ensure_initialised ();

  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  if (size > CW_XML_MAX_BYTES || size > G_MAXINT)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE,
                   _("%s is too large to read (more than %d MiB)"), name,
                   CW_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (is_gzip (data, size))
    {
      set_compressed_error (error, name);
      return NULL;
    }

  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2 could not allocate a parser");
  xmlDoc *doc = xmlCtxtReadMemory (ctxt, (const char *) data, (int) size, name, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                                     | XML_PARSE_NOCDATA);
  g_autofree char *problem = NULL;
  if (doc == NULL)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);
      problem = readable_problem (err ? err->message : NULL);
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED,
                   _("%s is not well-formed XML (line %d: %s)"), name, err ? err->line : 0,
                   problem);
    }
  xmlFreeParserCtxt (ctxt);
  if (doc == NULL)
    return NULL;

  g_autoptr (xmlDoc) owned = doc;
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_dtd_error (error, name);
      return NULL;
    }
  if (schema_resource != NULL && !validate (doc, name, schema_resource, error))
    return NULL;
  return g_steal_pointer (&owned);
}

xmlDoc *
cw_xml_read_bytes (GBytes *bytes, const char *name, const char *schema_resource, GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (schema_resource != NULL, NULL);
  return read_bytes (bytes, name, schema_resource, error);
}

/* A document this program wrote itself and kept (a record in a merge
 * conflict): read with the same hardened parser, without a schema. */
xmlDoc *
cw_xml_read_bytes_unchecked (GBytes *bytes, const char *name, GError **error)
{
  return read_bytes (bytes, name, NULL, error);
}

/* A document compiled into the build, such as the built-in catalogue. It
 * is no outside input: the test suite validates it against its schema
 * (suite "validate"), so it is not validated again at every start, where
 * that was a seventh of the time it took to create a workspace. */
xmlDoc *
cw_xml_read_resource (const char *resource, const char *name, GError **error)
{
  g_return_val_if_fail (resource != NULL, NULL);
  g_autoptr (GBytes) bytes
    = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return read_bytes (bytes, name, NULL, error);
}

xmlDoc *
cw_xml_read_file (GFile *file, gsize max_bytes, const char *schema_resource, GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GError) local = NULL;
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ, _("Could not read %s: %s"), name,
                   local->message);
      return NULL;
    }

  /* Read at most one byte past the cap: enough to know it is too large
   * without reading a huge file into memory. */
  max_bytes = MIN (max_bytes, (gsize) CW_XML_MAX_BYTES);
  g_autoptr (GBytes) bytes
    = g_input_stream_read_bytes (G_INPUT_STREAM (stream), max_bytes + 1, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ, _("Could not read %s: %s"), name,
                   local->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > max_bytes)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE,
                   _("%s is too large to read (more than %u KiB)"), name,
                   (guint) (max_bytes / 1024));
      return NULL;
    }
  return cw_xml_read_bytes (bytes, name, schema_resource, error);
}

gboolean
cw_xml_is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* Text content with surrounding white space trimmed and inner runs of white
 * space (line breaks of the source layout) folded into single spaces. */
char *
cw_xml_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  const char *in = raw ? (const char *) raw : "";
  char *text = g_malloc (strlen (in) + 1);
  char *out = text;
  gboolean space = FALSE;
  for (; *in != '\0'; in++)
    if (*in == ' ' || *in == '\t' || *in == '\r' || *in == '\n')
      space = out != text;
    else
      {
        if (space)
          *out++ = ' ';
        space = FALSE;
        *out++ = *in;
      }
  *out = '\0';
  xmlFree (raw);
  return text;
}

char *
cw_xml_attr (xmlNode *node, const char *name)
{
  xmlChar *raw = xmlGetProp (node, (const xmlChar *) name);
  char *value = g_strdup ((const char *) raw);
  xmlFree (raw);
  return value;
}

/* Text content exactly as written: line breaks and spaces kept. */
char *
cw_xml_raw_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  char *text = g_strdup (raw ? (const char *) raw : "");
  xmlFree (raw);
  return text;
}

/* ---- Streaming --------------------------------------------------------- */

struct _CwXmlReader
{
  xmlTextReaderPtr raw;
  xmlRelaxNGPtr schema;
  GInputStream *stream;
  char *name;
  guint64 max_bytes;
  guint64 total;
  gboolean too_large;
  gboolean compressed;
  gboolean doctype;
  GString *prolog; /* the first bytes, until they show whether a DTD comes */
  GError *io_error;
  char *malformed; /* the parser's first complaint */
  char *invalid;   /* the validator's first complaint */
};

/* What the prolog at the start of `data` shows: 1 a DTD declaration, 0 the
 * root element (no DTD), -1 not known yet (more bytes are needed). */
static int
prolog_declares_dtd (const char *data, gsize size)
{
  const char *end = data + size;
  for (const char *p = data; p < end; p++)
    {
      if (*p != '<')
        continue;
      if (end - p < 9)
        return -1;
      if (p[1] == '?' || memcmp (p, "<!--", 4) == 0)
        {
          const char *close = memchr (p, '>', end - p);
          if (close == NULL)
            return -1;
          p = close;
          continue;
        }
      return memcmp (p, "<!DOCTYPE", 9) == 0;
    }
  return -1;
}

static int
reader_io_read (void *data, char *buffer, int len)
{
  CwXmlReader *reader = data;
  if (reader->too_large || reader->compressed || reader->doctype || reader->io_error != NULL)
    return -1;
  gssize n = g_input_stream_read (reader->stream, buffer, len, NULL, &reader->io_error);
  if (n < 0)
    return -1;
  if (reader->total == 0 && is_gzip ((const guint8 *) buffer, n))
    {
      reader->compressed = TRUE;
      return -1;
    }
  /* The parser would expand a DTD's entities before the reader shows the
   * declaration: the prolog is looked at first. */
  if (reader->prolog != NULL)
    {
      g_string_append_len (reader->prolog, buffer, n);
      int dtd = prolog_declares_dtd (reader->prolog->str, reader->prolog->len);
      if (dtd == 1)
        {
          reader->doctype = TRUE;
          return -1;
        }
      if (dtd == 0 || reader->prolog->len > 65536 || n == 0)
        g_string_free (g_steal_pointer (&reader->prolog), TRUE);
    }
  reader->total += n;
  if (reader->total > reader->max_bytes)
    {
      reader->too_large = TRUE;
      return -1;
    }
  return (int) n;
}

static void
reader_keep_error (void *data, xmlErrorPtr err)
{
  CwXmlReader *reader = data;
  gboolean validity = err->domain == XML_FROM_RELAXNGV || err->domain == XML_FROM_RELAXNGP;
  char **slot = validity ? &reader->invalid : &reader->malformed;
  if (err->level >= XML_ERR_ERROR)
    keep_first_error (slot, err);
}

/* A reader of `stream` that refuses more than `max_bytes`, compressed input,
 * a DTD and anything the schema does not allow; the stream is not closed. */
CwXmlReader *
cw_xml_reader_new (GInputStream *stream, guint64 max_bytes, const char *name,
                   const char *schema_resource, GError **error)
{
  cw_core_ensure_initialised ();
  g_autoptr (CwXmlReader) reader = g_new0 (CwXmlReader, 1);
  reader->stream = g_object_ref (stream);
  reader->name = g_strdup (name);
  reader->max_bytes = max_bytes;
  reader->prolog = g_string_new (NULL);
  reader->schema = load_schema (schema_resource, error);
  if (reader->schema == NULL)
    return NULL;
  reader->raw = xmlReaderForIO (reader_io_read, NULL, reader, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR
                                  | XML_PARSE_NOWARNING);
  if (reader->raw == NULL)
    g_error ("libxml2 could not allocate a reader");
  xmlTextReaderSetStructuredErrorHandler (reader->raw, reader_keep_error, reader);
  if (xmlTextReaderRelaxNGSetSchema (reader->raw, reader->schema) != 0)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ,
                   _("The schema %s could not be used to read %s"), schema_resource, name);
      return NULL;
    }
  return g_steal_pointer (&reader);
}

static gboolean
reader_problem (CwXmlReader *reader, GError **error)
{
  if (reader->too_large)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE,
                 _("%s is too large to read (more than %" PRIu64 " MiB)"),
                 reader->name, reader->max_bytes / (1024 * 1024));
  else if (reader->compressed)
    set_compressed_error (error, reader->name);
  else if (reader->doctype)
    set_dtd_error (error, reader->name);
  else if (reader->io_error != NULL)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_READ, _("Could not read %s: %s"),
                 reader->name, reader->io_error->message);
  else if (reader->malformed != NULL)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED,
                 _("%s is not well-formed XML (%s)"), reader->name, reader->malformed);
  else if (reader->invalid != NULL)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_INVALID,
                 _("%s is not in the expected form (%s)"), reader->name, reader->invalid);
  else
    return FALSE;
  return TRUE;
}

/* What a step of the reader returned (1 a node, 0 the end, -1 a
 * failure), as an error or *more. */
static gboolean
step_result (CwXmlReader *reader, int rc, gboolean *more, GError **error)
{
  if (reader_problem (reader, error))
    return FALSE;
  if (rc < 0)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED,
                   _("%s is not well-formed XML"), reader->name);
      return FALSE;
    }
  *more = rc == 1;
  return TRUE;
}

/* Moves to the next node: TRUE with *more FALSE at the end. */
gboolean
cw_xml_reader_read (CwXmlReader *reader, gboolean *more, GError **error)
{
  int rc = xmlTextReaderRead (reader->raw);
  if (!step_result (reader, rc, more, error))
    return FALSE;
  if (rc == 1 && xmlTextReaderNodeType (reader->raw) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      set_dtd_error (error, reader->name);
      return FALSE;
    }
  if (rc == 0 && xmlTextReaderIsValid (reader->raw) != 1)
    {
      g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_INVALID,
                   _("%s is not in the expected form (it does not match the schema)"),
                   reader->name);
      return FALSE;
    }
  return TRUE;
}

xmlTextReaderPtr
cw_xml_reader_get (CwXmlReader *reader)
{
  return reader->raw;
}

/* The current element with everything inside it, valid until the reader
 * moves past it (cw_xml_reader_skip). */
xmlNode *
cw_xml_reader_expand (CwXmlReader *reader, GError **error)
{
  xmlNode *node = xmlTextReaderExpand (reader->raw);
  if (reader_problem (reader, error))
    return NULL;
  if (node == NULL)
    g_set_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED,
                 _("%s is not well-formed XML"), reader->name);
  return node;
}

/* Moves past the current element and everything inside it. */
gboolean
cw_xml_reader_skip (CwXmlReader *reader, gboolean *more, GError **error)
{
  return step_result (reader, xmlTextReaderNext (reader->raw), more, error);
}

void
cw_xml_reader_free (CwXmlReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->raw != NULL)
    xmlFreeTextReader (reader->raw);
  if (reader->schema != NULL)
    xmlRelaxNGFree (reader->schema);
  g_clear_error (&reader->io_error);
  if (reader->prolog != NULL)
    g_string_free (reader->prolog, TRUE);
  g_object_unref (reader->stream);
  g_free (reader->malformed);
  g_free (reader->invalid);
  g_free (reader->name);
  g_free (reader);
}
