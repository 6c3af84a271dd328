/* cw-report-ui.h: Export PDF… and Print… for any report. */
#pragma once

#include <adwaita.h>

#include "cw-report.h"

G_BEGIN_DECLS

void cw_report_ui_export (GtkWidget *from, CwReport *report, const char *file_name);
void cw_report_ui_export_to (GtkWidget *from, CwReport *report, const char *path);
void cw_report_ui_print (GtkWidget *from, CwReport *report);
GtkPrintOperation *cw_report_ui_print_operation (GtkWidget *from, CwReport *report);
CwPaper cw_report_ui_paper (GtkWidget *from);
void cw_report_ui_install_actions (GtkWidgetClass *window_class);

G_END_DECLS
