/* cw-report-private.h: what the report modules share inside the core. */
#pragma once

#include "cw-audit.h"
#include "cw-catalogue.h"
#include "cw-pack.h"
#include "cw-report-typeset.h"
#include "cw-report.h"
#include "cw-types.h"

G_BEGIN_DECLS

/* Pours a report's content, already read from the workspace, into the
 * typesetter. Runs again for every pagination (each paper size or printer). */
typedef void (*CwReportCompose) (CwTypeset *typeset, gpointer content);

typedef struct
{
  const char *title;   /* document title: metadata, running header */
  const char *subject; /* metadata */
  const char *author;  /* metadata: who is responsible for the content */
  const char *organisation;
  const char *reference; /* the short form for the footer; NULL: the subject */
  /* When set (UTC, "YYYY-MM-DD" or ISO 8601), the PDF is dated from it
   * always, reproducible or not: a report of something fixed, such as an
   * issued audit report's debrief, gives the same bytes whenever made.
   * NULL: the workspace's creation for reproducible output, else now. */
  const char *dated;
} CwReportInfo;

CwReport *cw_report_new_with (CwWorkspace *workspace, const CwReportInfo *info, gpointer content,
                              GDestroyNotify content_free, CwReportCompose compose,
                              GError **error);

const CwRgb *cw_report_result_colour (CwResult result);
const CwRgb *cw_report_grade_colour (CwGrade grade);
char *cw_report_date (const char *iso);
char *cw_report_short_date (const char *iso);
const char *cw_report_or_dash (const char *text);
CwResultsChart *cw_results_chart_new_for (CwAudit *audit, CwCatalogue *catalogue,
                                          GHashTable *by_question);

/* The index of a Stage One pack (cw-report-pack.c); cw-pack.c writes it. */
CwReport *cw_report_new_pack_index (CwWorkspace *workspace, const CwPackPlan *plan,
                                    GError **error);

/* A report's constructor speaks the report's language from its first
 * line:   g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
 * and the report keeps that language for laying out its pages. */
typedef struct _CwSpeaking CwSpeaking;
CwSpeaking *cw_report_speak (CwWorkspace *workspace, GError **error);
void cw_report_speak_end (CwSpeaking *speaking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwSpeaking, cw_report_speak_end)

G_END_DECLS
