/* cw-core.c: one-time set-up of the core.
 *
 * The core's GResource is registered by hand: a static library's
 * constructor-registered resource is dropped by the linker when no symbol of
 * it is referenced, which would make the catalogue vanish from some binaries.
 */
#include "config.h"

#include <libxml/parser.h>

#include "cw-core-resources.h"
#include "cw-core.h"

static xmlParserInputPtr
refuse_external_entity (const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
  return NULL;
}

void
cw_core_ensure_initialised (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      cw_core_register_resource ();
      /* Every XML file is untrusted; no external entity or DTD is ever
       * fetched, whatever a document asks for. */
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&done, 1);
    }
}
