/* main.c: the Clausewise desktop app. */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>

#include "cw-application.h"
#include "cw-i18n.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cw_i18n_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without its settings schema GSettings aborts the app; say what is
   * wrong in one line instead, as a program started from the build tree
   * or a broken install would meet it. */
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema
      = schemas ? g_settings_schema_source_lookup (schemas, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    {
      g_printerr (_("clausewise: the settings schema %s is not installed; install Clausewise, or "
                    "run it with “meson devenv -C _build clausewise” from the build tree\n"),
                  APP_ID);
      return 1;
    }

  g_autoptr (CwApplication) app = cw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
