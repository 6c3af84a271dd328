/* cw-readiness.h: how ready the organisation is for certification.
 *
 * Each criterion of Stage One (documentation review) and Stage Two (main
 * audit) is red, amber or green, with the reason in words and the records
 * behind it (entity and id, so that a view can open each). Every rule that
 * sets a colour lives in cw-readiness.c, once; the register's own rules
 * (what is mandatory, when an entry is due for review) are cw-register.c's.
 */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_STAGE_BOTH = 0, /* for cw_workspace_readiness: one stage after the other */
  CW_STAGE_ONE = 1,
  CW_STAGE_TWO = 2,
  CW_STAGE_CYCLE = 3, /* after certification: the three-year cycle; asked for on its own */
} CwStage;

typedef enum
{
  CW_READY_RED,
  CW_READY_AMBER,
  CW_READY_GREEN,
} CwReadyColour;

#define CW_READINESS_DEFAULT_MONTHS 12
#define CW_READINESS_MAX_MONTHS 36
/* A criterion lists at most this many records; n_records says how many. */
#define CW_READINESS_MAX_RECORDS 25

/* A record behind a criterion: "register" 4, "finding" 12, "audit" 3,
 * "review" 2, "action" 7, "organisation" 1, "programme" 1; a clause or an
 * expected item that has no record yet is "clause" with id 0 and its
 * number (and kind) as label. */
typedef struct
{
  char *entity;
  gint64 id;
  char *label;
} CwReadinessRecord;

typedef struct
{
  CwStage stage;
  const char *id;    /* stable token: "mandatory-documents" */
  const char *title; /* translated */
  CwReadyColour colour;
  char *reason;
  GArray *records; /* CwReadinessRecord */
  guint n_records;
} CwCriterion;

const char *cw_ready_colour_to_string (CwReadyColour colour);
const char *cw_ready_colour_label (CwReadyColour colour);
void cw_criterion_free (CwCriterion *criterion);

GPtrArray *cw_workspace_readiness (CwWorkspace *self, CwStage stage, const GDate *today,
                                   GError **error);
gboolean cw_readiness_weeks_until (const char *day, const GDate *today, gint *weeks);
char *cw_readiness_when (const char *day, const char *today);

guint cw_workspace_get_coverage_months (CwWorkspace *self, GError **error);
gboolean cw_workspace_set_coverage_months (CwWorkspace *self, guint months, gint64 loaded_rev,
                                           GError **error);

/* ---- After certification ------------------------------------------------
 *
 * A certificate is valid for three years from the certification decision.
 * The body audits the system again at least once a year: the first
 * surveillance audit within twelve months of the decision, the second
 * within twenty-four, and the recertification audit early enough for a new
 * decision before the certificate expires (by three months before its
 * expiry here). A visit is held when the body's audit of its kind is
 * recorded (cw-external.h) on or after the certification day: the first
 * surveillance audit recorded is the first visit, the next the second.
 * After a recertification the organisation records the new decision's day
 * and the cycle starts again from it. */

typedef enum
{
  CW_VISIT_FIRST_SURVEILLANCE,
  CW_VISIT_SECOND_SURVEILLANCE,
  CW_VISIT_RECERTIFICATION,
  CW_N_VISITS,
} CwVisit;

#define CW_CERTIFICATE_YEARS 3
#define CW_RECERTIFY_MONTHS_BEFORE_EXPIRY 3
/* A visit (or the expiry) this close is amber. */
#define CW_CYCLE_SOON_WEEKS 13

typedef struct
{
  char *certified_on;
  char *expires_on; /* the last day the certificate is valid */
  char *due[CW_N_VISITS];
  gint64 held[CW_N_VISITS];  /* the body's audit, 0 while not recorded */
  char *held_on[CW_N_VISITS];
  CwVisit next;              /* the first visit not held; CW_N_VISITS when all are */
  char *last_visit;          /* the body's latest Stage Two, surveillance or
                              * recertification audit; the certification day
                              * when none is recorded */
  gboolean visited;          /* whether last_visit is a body's audit */
} CwCertCycle;

const char *cw_visit_label (CwVisit visit);
void cw_cert_cycle_free (CwCertCycle *cycle);
/* NULL without an error while the organisation is not certified. */
CwCertCycle *cw_workspace_certification_cycle (CwWorkspace *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCriterion, cw_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCertCycle, cw_cert_cycle_free)

G_END_DECLS
