/* cw-preferences.c: the auditor's name and the paper size, bound to
 * GSettings so they apply as they are changed. */
#include "config.h"

#include "cw-preferences.h"

struct _CwPreferences
{
  AdwPreferencesWindow parent_instance;
  AdwEntryRow *auditor_row;
  AdwComboRow *paper_row;
};

G_DEFINE_FINAL_TYPE (CwPreferences, cw_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo's rows in the order of the enum's nicks. */
static const char *const paper_nicks[] = { "a4", "letter" };

static gboolean
paper_to_row (GValue *value, GVariant *variant, gpointer data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  g_value_set_uint (value, g_strcmp0 (nick, paper_nicks[1]) == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
row_to_paper (const GValue *value, const GVariantType *type, gpointer data)
{
  return g_variant_new_string (paper_nicks[MIN (g_value_get_uint (value), 1)]);
}

static void
cw_preferences_class_init (CwPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-preferences.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwPreferences, auditor_row);
  gtk_widget_class_bind_template_child (widget_class, CwPreferences, paper_row);
}

static void
cw_preferences_init (CwPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CwPreferences *
cw_preferences_new (GtkWindow *parent, GSettings *settings)
{
  CwPreferences *self = g_object_new (CW_TYPE_PREFERENCES, "transient-for", parent, NULL);
  g_settings_bind (settings, "auditor-name", self->auditor_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_to_row, row_to_paper, NULL, NULL);
  return self;
}
