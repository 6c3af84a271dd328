/* cw-exchange-ui.h: the window side of the exchange format: Export and
 * Import in the primary menu, Export and Assign in an audit's menu, the
 * merge view (cw-merge-window.h). The window installs the actions; pages
 * reach them with gtk_widget_activate_action. */
#pragma once

#include <adwaita.h>

#include "cw-exchange.h"

G_BEGIN_DECLS

void cw_exchange_ui_install_actions (GtkWidgetClass *window_class);
gboolean cw_exchange_ui_export (GtkWidget *window, const CwExportRequest *request, GFile *file);
gboolean cw_exchange_ui_import (GtkWidget *window, GFile *file);
GtkWindow *cw_exchange_ui_show_conflicts (GtkWidget *window);

G_END_DECLS
