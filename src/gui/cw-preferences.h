/* cw-preferences.h: the Preferences window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_PREFERENCES (cw_preferences_get_type ())
G_DECLARE_FINAL_TYPE (CwPreferences, cw_preferences, CW, PREFERENCES, AdwPreferencesWindow)

CwPreferences *cw_preferences_new (GtkWindow *parent, GSettings *settings);

G_END_DECLS
