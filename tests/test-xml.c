/* test-xml.c: the hardened XML reader refuses every classic XML attack and
 * anything that does not match its schema, with a message that says why. */
#include "config.h"

#include "cw-catalogue.h"
#include "cw-test-util.h"
#include "cw-xml.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define OPEN "<catalogue xmlns=\"urn:clausewise:catalogue:1\" standard=\"Test\" version=\"1\">\n"
#define LEAF(body)                                                                                 \
  "<clause number=\"4\" title=\"Context\"><clause number=\"4.1\" title=\"Leaf\">"                  \
  "<guidance>" body "</guidance>"                                                                  \
  "<question id=\"4.1.q1\">Show me the register of issues.</question>"                             \
  "<question id=\"4.1.q2\">Who reviewed it last, and when?</question>"                             \
  "<question id=\"4.1.q3\">Which issue changed a plan this year?</question>"                       \
  "</clause></clause>\n"
#define CLOSE                                                                                      \
  "<review-inputs><input id=\"previous-review-actions\"><title>Earlier actions</title>"            \
  "<hint>Bring the list of earlier actions.</hint></input></review-inputs>\n</catalogue>\n"

static const char valid_doc[] = HEAD OPEN LEAF ("Look at the register of issues.") CLOSE;

static xmlDoc *
read_text (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  return cw_xml_read_bytes (bytes, "test.xml", CW_CATALOGUE_SCHEMA, error);
}

/* `code` -1: refused for any reason (libxml2 itself may stop an entity
 * expansion before our DTD check sees the document). */
static void
assert_refused (const char *text, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = read_text (text, &error);
  g_assert_null (doc);
  if (code < 0)
    g_assert_true (g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED)
                   || g_error_matches (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN));
  else
    g_assert_error (error, CW_XML_ERROR, code);
  g_assert_nonnull (strstr (error->message, "test.xml"));
  /* Nothing of a local file ever leaks into a message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = read_text (valid_doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

static void
test_billion_laughs (void)
{
  assert_refused (HEAD "<!DOCTYPE catalogue [\n"
                       " <!ENTITY a \"laugh\">\n"
                       " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                       " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                       " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                       " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                       " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                       " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                       " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
                       "]>\n" OPEN LEAF ("&h;") CLOSE,
                  -1);
}

static void
test_external_entity (void)
{
  assert_refused (HEAD "<!DOCTYPE catalogue [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" OPEN
                         LEAF ("Look here: &x; and there.") CLOSE,
                  CW_XML_ERROR_FORBIDDEN);
}

static void
test_dtd (void)
{
  assert_refused (HEAD "<!DOCTYPE catalogue>\n" OPEN LEAF ("Look at the register.") CLOSE,
                  CW_XML_ERROR_FORBIDDEN);
  assert_refused (HEAD "<!DOCTYPE catalogue SYSTEM \"http://example.invalid/c.dtd\">\n" OPEN LEAF (
                    "Look at the register.") CLOSE,
                  CW_XML_ERROR_FORBIDDEN);
}

static void
test_xinclude (void)
{
  /* XInclude is never processed: the element stays an unknown element, which
   * the schema refuses, and the file is not read. */
  assert_refused (HEAD OPEN LEAF ("Look <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                  "href=\"/etc/passwd\" parse=\"text\"/> here.") CLOSE,
                  CW_XML_ERROR_INVALID);
}

static void
test_gzip (void)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  guint8 out[4096];
  gsize read, written;
  g_autoptr (GError) error = NULL;
  GConverterResult result
    = g_converter_convert (G_CONVERTER (compressor), valid_doc, sizeof valid_doc - 1, out,
                           sizeof out, G_CONVERTER_INPUT_AT_END, &read, &written, &error);
  g_assert_cmpint (result, ==, G_CONVERTER_FINISHED);
  g_autoptr (GBytes) bytes = g_bytes_new (out, written);
  g_autoptr (xmlDoc) doc = cw_xml_read_bytes (bytes, "test.xml.gz", CW_CATALOGUE_SCHEMA, &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "compressed"));
}

static void
test_oversized (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "big.xml");
  cw_test_write (path, valid_doc, sizeof valid_doc - 1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = cw_xml_read_file (file, 100, CW_CATALOGUE_SCHEMA, &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Exactly at the cap is fine. */
  doc = cw_xml_read_file (file, sizeof valid_doc - 1, CW_CATALOGUE_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_clear_pointer (&doc, xmlFreeDoc);

  gsize huge = CW_XML_MAX_BYTES + 1;
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_malloc0 (huge), huge);
  doc = cw_xml_read_bytes (bytes, "huge.xml", CW_CATALOGUE_SCHEMA, &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE);
}

static void
test_malformed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = read_text (HEAD OPEN "<clause number=\"4\">\n</catalogue>", &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 4"));
}

/* libxml2 quotes an undecodable end tag byte for byte (found by the XML
 * fuzzer): the message still has to be valid UTF-8 and of a readable length. */
static void
test_malformed_message_readable (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = read_text (HEAD OPEN "<clause>\n</\xff\xff\xff" "clause>", &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_autofree char *name = g_strnfill (40000, 'a');
  g_autofree char *text = g_strdup_printf (HEAD "<%s>\n", name);
  g_autoptr (xmlDoc) long_doc = read_text (text, &error);
  g_assert_null (long_doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "aaaa…"));
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

static void
test_schema_mismatch (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = read_text (HEAD OPEN "<clause number=\"4\" title=\"Context\">"
                                                "<clause number=\"4.1\" title=\"Leaf\">"
                                                "<guidance>Look at the register.</guidance>"
                                                "<question id=\"4.1.q1\">Only one question?</question>"
                                                "</clause></clause>" CLOSE,
                                      &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line"));
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/clausewise/pack.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (xmlDoc) doc = cw_xml_read_file (file, 1024, CW_CATALOGUE_SCHEMA, &error);
  g_assert_null (doc);
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_READ);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/xml/valid", test_valid);
  g_test_add_func ("/core/xml/billion-laughs", test_billion_laughs);
  g_test_add_func ("/core/xml/external-entity", test_external_entity);
  g_test_add_func ("/core/xml/dtd", test_dtd);
  g_test_add_func ("/core/xml/xinclude", test_xinclude);
  g_test_add_func ("/core/xml/gzip", test_gzip);
  g_test_add_func ("/core/xml/oversized", test_oversized);
  g_test_add_func ("/core/xml/malformed", test_malformed);
  g_test_add_func ("/core/xml/malformed-message-readable", test_malformed_message_readable);
  g_test_add_func ("/core/xml/schema-mismatch", test_schema_mismatch);
  g_test_add_func ("/core/xml/missing-file", test_missing_file);
  return g_test_run ();
}
