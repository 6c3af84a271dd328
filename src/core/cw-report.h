/* cw-report.h: the reports (internal audit report, nonconformity report,
 * corrective action register, management review minutes), laid out and
 * drawn onto a cairo_t page by page.
 *
 * A report is made in two steps. cw_report_new_*() reads what it needs from
 * the workspace, on the thread that owns the workspace; after that the report
 * never touches the workspace again, so laying it out and drawing it may run
 * in a worker thread (a GTask), one report per thread.
 *
 * PDF export: cw_report_write_pdf(), which writes a temporary file beside the
 * target and renames it into place, so that a failed or cancelled export
 * leaves neither a partial PDF nor a damaged older one. The target must be a
 * regular file or a new name: a folder, pipe, socket, device, /dev/stdout, a
 * database or a database's -wal, -shm or -journal is refused with a
 * CW_OUTPUT_ERROR before anything is written, and without waiting
 * (cw-output.h). The CLI and the window both export through it.
 *
 * Printing (GtkPrintOperation, use_full_page TRUE and unit GTK_UNIT_POINTS):
 * in ::begin-print call cw_report_paginate() with the print context's cairo_t,
 * width and height, and pass the result to gtk_print_operation_set_n_pages();
 * in ::draw-page call cw_report_draw_page(). The layout is measured on the
 * cairo_t it will be drawn on, never on an image surface.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_REPORT_ERROR (cw_report_error_quark ())
typedef enum
{
  CW_REPORT_ERROR_WRITE, /* the PDF could not be written where asked */
  CW_REPORT_ERROR_CANCELLED,
} CwReportError;

typedef enum
{
  CW_PAPER_A4,
  CW_PAPER_LETTER,
} CwPaper;

#define CW_TYPE_REPORT (cw_report_get_type ())
G_DECLARE_FINAL_TYPE (CwReport, cw_report, CW, REPORT, GObject)

/* Called after each page is written, in the thread that writes. */
typedef void (*CwReportProgress) (guint page, guint n_pages, gpointer user_data);

GQuark cw_report_error_quark (void);

gboolean cw_paper_from_string (const char *token, CwPaper *paper);
void cw_paper_get_size (CwPaper paper, double *width, double *height);

CwReport *cw_report_new_audit (CwWorkspace *workspace, gint64 audit_id, GError **error);
CwReport *cw_report_new_nonconformities (CwWorkspace *workspace, gint64 audit_id, GError **error);
CwReport *cw_report_new_audit_plan (CwWorkspace *workspace, gint64 audit_id, GError **error);
CwReport *cw_report_new_actions (CwWorkspace *workspace, gboolean reproducible, GError **error);
CwReport *cw_report_new_review (CwWorkspace *workspace, gint64 review_id, GError **error);
CwReport *cw_report_new_programme (CwWorkspace *workspace, const GDate *today, GError **error);
CwReport *cw_report_new_readiness (CwWorkspace *workspace, const GDate *today, GError **error);
/* The debrief of a case audit (cw-case-audit.h), once its report is
 * issued: refused with cw_case_debrief()'s error before. */
CwReport *cw_report_new_debrief (CwWorkspace *workspace, gint64 audit_id, GError **error);
gboolean cw_report_reference_date (CwWorkspace *workspace, GDate *date, GError **error);

const char *cw_report_get_title (CwReport *self);
void cw_report_set_paper (CwReport *self, CwPaper paper);
void cw_report_set_reproducible (CwReport *self, gboolean reproducible);

guint cw_report_paginate (CwReport *self, cairo_t *cr, double width, double height);
guint cw_report_get_n_pages (CwReport *self);
void cw_report_draw_page (CwReport *self, cairo_t *cr, guint page);

gboolean cw_report_write_pdf (CwReport *self, const char *path, CwReportProgress progress,
                              gpointer user_data, GCancellable *cancellable, GError **error);

/* The results chart of an audit, per clause group (4 to 10): the same
 * drawing in the report and in the window's audit summary. */
typedef struct _CwResultsChart CwResultsChart;

CwResultsChart *cw_results_chart_new (CwWorkspace *workspace, gint64 audit_id, GError **error);
void cw_results_chart_draw (const CwResultsChart *chart, cairo_t *cr, double width, double height);
double cw_results_chart_get_height (const CwResultsChart *chart);
void cw_results_chart_set_ink (CwResultsChart *chart, double red, double green, double blue);
char *cw_results_chart_describe (const CwResultsChart *chart);
void cw_results_chart_free (CwResultsChart *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwResultsChart, cw_results_chart_free)

G_END_DECLS
