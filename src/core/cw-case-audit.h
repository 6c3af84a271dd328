/* cw-case-audit.h: a trainee runs a case audit, and is debriefed on it.
 *
 * A case audit runs in a workspace of its own, made for it by
 * cw_case_start(): the case's organisation, its people and its documents
 * (in the register) are filled in, and one audit is planned with the
 * briefing's scope, the trainee as lead auditor. The trainee then works as
 * an auditor does, with the same checklist, findings, evidence and report;
 * the workspace is never an organisation's, so nothing in it counts
 * towards anyone's coverage or readiness.
 *
 * The case library (cw_case_library) is open on documents and interviews;
 * records are handed out only when asked for by their ids, as an auditee
 * hands over what the auditor names from a population's listing, and each
 * hand-out is kept (table case_handout) because sampling is part of the
 * debrief. A finding cites case items through its evidence: an evidence
 * item whose reference or sample names an item's id (case does not matter),
 * or the finding's own evidence text naming it.
 *
 * The debrief (cw_case_debrief) is given once the audit's report is
 * issued, never before: it shows the model findings. Each model finding is
 * paired with at most one of the trainee's findings, on the same clause
 * first, then on a clause above or below it, preferring the finding that
 * cites more of the model's items:
 *   matched              same clause family and the same grade;
 *   graded differently   same clause family, another grade;
 *   missed               no finding of the trainee's for it;
 *   unsupported          a finding of the trainee's with no model finding.
 * Four parts are scored, each 0 to 100, and the overall score is their
 * mean. Model findings weigh by grade: a major 3, a minor 2, an
 * observation or an opportunity for improvement 1.
 *   coverage    weight found (matched or graded differently) / all weight;
 *   grading     weight matched / weight found;
 *   statements  the statement checker's verdict on each finding found,
 *               weighed: no hint scores 1, each hint takes a quarter off;
 *   evidence    the mean of citing (findings found that cite one of the
 *               model's items, over findings found and unsupported) and
 *               sampling (per `sample` of the case, the records handed out
 *               from its population over the number it asks for, at most 1).
 * A part with nothing to score (grading or statements with nothing found)
 * scores 0.
 */
#pragma once

#include "cw-case.h"
#include "cw-exercise.h"
#include "cw-finding.h"
#include "cw-statement.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

/* What a case workspace says of its case. */
typedef struct
{
  char *pack_id;
  guint pack_version;
  char *pack_source; /* "resource:…" for the bundled pack, or the file's path */
  char *case_id;
  char *trainee;
  char *started_at; /* UTC, ISO 8601 */
  gint64 audit_id;  /* the audit the case was started with; 0 if deleted */
  CwExercisePack *pack;
  CwCase *kase; /* borrowed from `pack` */
} CwCaseStudy;

void cw_case_study_free (CwCaseStudy *study);

/* Makes a new workspace at `path` for the case `case_id` of the pack read
 * from `pack_bytes` (NULL: the bundled pack; `source` names where it came
 * from, for messages and the record). Refused with CW_WORKSPACE_ERROR_EXISTS
 * when `path` exists, CW_WORKSPACE_ERROR_NOT_FOUND when the pack has no
 * such case, CW_WORKSPACE_ERROR_INVALID for an empty or over-long trainee
 * name, and the pack reader's error for a pack it refuses; nothing is left
 * at `path` after a refusal. */
CwWorkspace *cw_case_start (const char *path, GBytes *pack_bytes, const char *source,
                            const char *case_id, const char *trainee, GError **error);

/* TRUE when `workspace` was made by cw_case_start (no error: a plain
 * workspace is not a case's). */
gboolean cw_workspace_is_case_study (CwWorkspace *workspace);
/* The case of a case workspace, read again from the pack text it keeps.
 * CW_WORKSPACE_ERROR_NOT_FOUND for a workspace that is not a case's. */
CwCaseStudy *cw_case_study_load (CwWorkspace *workspace, GError **error);

/* ---- The case library ------------------------------------------------- */

typedef enum
{
  CW_LIBRARY_DOCUMENT,
  CW_LIBRARY_INTERVIEW,
  CW_LIBRARY_POPULATION,
} CwLibraryKind;

typedef struct
{
  CwLibraryKind kind;
  const CwCaseItem *item;             /* documents and interviews */
  const CwCasePopulation *population; /* populations */
  /* Populations: the records handed out to this audit, in the case's
   * order (const CwCaseItem *); the rest of the listing is ids and days. */
  GPtrArray *handed_out;
} CwLibraryEntry;

void cw_library_entry_free (CwLibraryEntry *entry);

/* What the library holds for an audit of the case workspace, in the case's
 * order: every document, interview and population when `clause` is NULL,
 * else those bearing on the clause, on one below it or on one above it
 * ("8.5" finds 8.5.1.3 and 8; "8.5.1.3" finds 8.5.1 and 8.5.1.3).
 * CW_WORKSPACE_ERROR_NOT_FOUND: not a case workspace, no such audit or an
 * unknown clause. */
GPtrArray *cw_case_library (CwWorkspace *workspace, CwCaseStudy *study, gint64 audit_id,
                            const char *clause, GError **error);

/* Hands out the records named by `record_ids` (ids as the case writes
 * them, any case) to the audit, once each: asking again for a record
 * already handed out changes nothing. Refused, with nothing handed out,
 * for an id the case has no record of (documents and interviews are never
 * asked for: they are open), and for an audit whose report is issued or
 * which is closed. Each hand-out is in the history. Returns the records
 * handed out by this call (const CwCaseItem *, borrowed from the study),
 * in the order asked. */
GPtrArray *cw_case_hand_out (CwWorkspace *workspace, CwCaseStudy *study, gint64 audit_id,
                             const char *const *record_ids, GError **error);

/* ---- The debrief ------------------------------------------------------ */

typedef enum
{
  CW_DEBRIEF_MATCHED,            /* "matched" */
  CW_DEBRIEF_GRADED_DIFFERENTLY, /* "graded-differently" */
  CW_DEBRIEF_MISSED,             /* "missed" */
  CW_DEBRIEF_UNSUPPORTED,        /* "unsupported" */
} CwDebriefOutcome;

const char *cw_debrief_outcome_to_string (CwDebriefOutcome outcome);
const char *cw_debrief_outcome_label (CwDebriefOutcome outcome); /* translated */

typedef struct
{
  CwDebriefOutcome outcome;
  const CwModelFinding *model; /* NULL when unsupported */
  CwFinding *finding;          /* the trainee's; NULL when missed */
  char *label;                 /* the trainee's "NC-2", "OBS-1"; NULL when missed */
  GStrv cited;                 /* the case items the trainee's finding cites, lower case */
  GStrv model_items_cited;     /* those of them the model finding cites */
  GPtrArray *hints;            /* CwStatementHint *; NULL when missed */
  double statement;            /* 0 to 1; 0 when missed */
} CwDebriefRow;

typedef struct
{
  const CwCaseSample *sample;
  const CwCasePopulation *population;
  guint handed_out; /* records of the population handed out to the audit */
  GStrv model_records_not_seen; /* records the model findings cite that were not handed out */
} CwDebriefSampling;

typedef struct
{
  CwCaseStudy *study;
  gint64 audit_id;
  char *audit_title;
  char *issued_on; /* the issue of the report debriefed */
  guint version;
  /* Model findings in the case's order, each with its outcome, then the
   * unsupported findings by label. */
  GPtrArray *rows;     /* CwDebriefRow * */
  GPtrArray *sampling; /* CwDebriefSampling *, the case's samples in order */
  guint n_outcome[CW_DEBRIEF_UNSUPPORTED + 1];
  double coverage, grading, statements, citing, sampling_score, evidence, overall; /* 0 to 100 */
} CwDebrief;

void cw_debrief_free (CwDebrief *debrief);

/* The debrief of an audit of a case workspace; refused with
 * CW_WORKSPACE_ERROR_INVALID while its report is not issued. */
CwDebrief *cw_case_debrief (CwWorkspace *workspace, gint64 audit_id, GError **error);

/* The debrief as CSV (cw-csv.h rules), one line a row: outcome, model id,
 * clause, model grade, the trainee's label, clause and grade, statement
 * hints, model items cited; then the scores as lines "score,PART,N". */
char *cw_debrief_to_csv (const CwDebrief *debrief);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCaseStudy, cw_case_study_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwLibraryEntry, cw_library_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwDebrief, cw_debrief_free)

G_END_DECLS
