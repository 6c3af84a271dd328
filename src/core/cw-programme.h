/* cw-programme.h: the internal audit programme (clause 9.2).
 *
 * A programme covers a cycle (three years by default) from its start date.
 * Each clause carries an importance that sets how often it is audited
 * (high yearly, normal every 18 months, low once a cycle, editable), and a
 * clause whose last audit found a major, or two minors, on it is due again
 * within six months. The audits of the cycle are the programme's audits:
 * a planned one is its plan, an issued one its record. Every rule of when a
 * clause is due lives in cw-programme.c.
 */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_IMPORTANCE_LOW,
  CW_IMPORTANCE_NORMAL,
  CW_IMPORTANCE_HIGH,
} CwImportance;

/* Where a clause stands in the programme on a given day. */
typedef enum
{
  CW_COVERAGE_COVERED,  /* audited, next due later than CW_PROGRAMME_SOON_DAYS */
  CW_COVERAGE_PLANNED,  /* due soon or never audited, with an audit planned by then */
  CW_COVERAGE_DUE_SOON, /* due within CW_PROGRAMME_SOON_DAYS, nothing planned */
  CW_COVERAGE_NEVER,    /* not audited in the cycle yet, not yet due */
  CW_COVERAGE_OVERDUE,  /* its due date has passed */
} CwCoverage;

#define CW_PROGRAMME_SOON_DAYS 90
#define CW_PROGRAMME_RECHECK_MONTHS 6

typedef struct
{
  char *starts_on;
  guint years;
  guint high_months;
  guint normal_months;
} CwProgramme;

/* One audit of a clause, for the matrix: issued (a record of the clause
 * audited on `day`) or planned (to be held from `day`, which may be NULL). */
typedef struct
{
  gint64 audit;
  char *day;
  gboolean issued;
  CwResult worst; /* issued: the worst result it gave the clause */
} CwCoverageVisit;

/* One clause of the coverage matrix. */
typedef struct
{
  char *clause;
  GArray *visits;       /* CwCoverageVisit, oldest first */
  CwImportance importance;
  char *last_audited;   /* the day its last issued audit ended, or NULL */
  gint64 last_audit;    /* 0 when never */
  CwResult worst;       /* the worst result that audit gave it */
  char *next_due;
  gint64 planned_audit; /* an audit planned or under way that covers it, or 0 */
  char *planned_on;
  CwCoverage coverage;
} CwCoverageRow;

const char *cw_importance_to_string (CwImportance importance);
gboolean cw_importance_from_string (const char *token, CwImportance *importance);
const char *cw_coverage_to_string (CwCoverage coverage);
const char *cw_coverage_label (CwCoverage coverage);

gboolean cw_workspace_start_programme (CwWorkspace *self, const char *starts_on, guint years,
                                       GError **error);
CwProgramme *cw_workspace_get_programme (CwWorkspace *self, GError **error);
void cw_programme_free (CwProgramme *programme);
guint cw_programme_n_quarters (const CwProgramme *programme);
int cw_programme_quarter_of (const CwProgramme *programme, const char *day);
char *cw_programme_quarter_name (const CwProgramme *programme, guint q);
gboolean cw_workspace_set_importance (CwWorkspace *self, const char *clause,
                                      CwImportance importance, GError **error);
gint64 cw_workspace_plan_programme_audit (CwWorkspace *self, const char *clause,
                                          const char *start, const char *end, const char *title,
                                          const char *lead, GError **error);
GPtrArray *cw_workspace_programme_coverage (CwWorkspace *self, const GDate *today,
                                            GError **error);
void cw_coverage_row_free (CwCoverageRow *row);

/* Where the programme stood on a day, in figures: how many clauses were in
 * each state, and which were overdue. Made from the coverage rows, so the
 * rules of when a clause is due stay in one place. */
typedef struct
{
  char *starts_on;
  guint years;
  guint n_clauses;
  guint counts[CW_COVERAGE_OVERDUE + 1]; /* clauses in each CwCoverage */
  GPtrArray *overdue;                    /* CwCoverageRow, in catalogue order */
} CwProgrammeSummary;

CwProgrammeSummary *cw_workspace_programme_summary (CwWorkspace *self, const GDate *day,
                                                    GError **error);
void cw_programme_summary_free (CwProgrammeSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwProgramme, cw_programme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwProgrammeSummary, cw_programme_summary_free)

G_END_DECLS
