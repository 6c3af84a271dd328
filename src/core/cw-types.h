/* cw-types.h: the closed vocabularies of the domain.
 *
 * Each enum has one table in cw-types.c with its stable token (stored in the
 * workspace, used on the command line and in XML) and its label for people.
 * Nothing else in the code spells these tokens.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Result of one checklist question, ordered from least to most severe so that
 * the worst result of a clause is the maximum. */
typedef enum
{
  CW_RESULT_NOT_ASSESSED,
  CW_RESULT_NOT_APPLICABLE,
  CW_RESULT_CONFORMING,
  CW_RESULT_OFI,
  CW_RESULT_OBSERVATION,
  CW_RESULT_MINOR,
  CW_RESULT_MAJOR,
} CwResult;

typedef enum
{
  CW_GRADE_OFI,
  CW_GRADE_OBSERVATION,
  CW_GRADE_MINOR,
  CW_GRADE_MAJOR,
} CwGrade;

typedef enum
{
  CW_AUDIT_PLANNED,
  CW_AUDIT_IN_PROGRESS,
  CW_AUDIT_REPORTED,
  CW_AUDIT_CLOSED,
} CwAuditStatus;

/* A finding's status follows the corrective action raised for it. */
typedef enum
{
  CW_FINDING_OPEN,
  CW_FINDING_PLANNED,
  CW_FINDING_IMPLEMENTED,
  CW_FINDING_VERIFIED,
  CW_FINDING_CLOSED,
} CwFindingStatus;

typedef enum
{
  CW_EVIDENCE_DOCUMENT,
  CW_EVIDENCE_RECORD,
  CW_EVIDENCE_INTERVIEW,
  CW_EVIDENCE_OBSERVATION,
  CW_EVIDENCE_FILE,
} CwEvidenceKind;

const char *cw_result_to_string (CwResult result);
gboolean cw_result_from_string (const char *token, CwResult *result);
const char *cw_result_label (CwResult result);
const char *cw_result_tokens (void);

const char *cw_grade_to_string (CwGrade grade);
gboolean cw_grade_from_string (const char *token, CwGrade *grade);
const char *cw_grade_label (CwGrade grade);
const char *cw_grade_tokens (void);
gboolean cw_grade_is_nonconformity (CwGrade grade);
/* The short, translated word on a badge ("minor"); "" for no finding. */
const char *cw_result_badge (CwResult result);
const char *cw_grade_badge (CwGrade grade);
CwResult cw_grade_to_result (CwGrade grade);

const char *cw_audit_status_to_string (CwAuditStatus status);
gboolean cw_audit_status_from_string (const char *token, CwAuditStatus *status);
const char *cw_audit_status_label (CwAuditStatus status);
const char *cw_audit_status_tokens (void);

const char *cw_finding_status_to_string (CwFindingStatus status);
gboolean cw_finding_status_from_string (const char *token, CwFindingStatus *status);
const char *cw_finding_status_label (CwFindingStatus status);
const char *cw_finding_status_tokens (void);

const char *cw_evidence_kind_to_string (CwEvidenceKind kind);
gboolean cw_evidence_kind_from_string (const char *token, CwEvidenceKind *kind);
const char *cw_evidence_kind_label (CwEvidenceKind kind);
const char *cw_evidence_kind_tokens (void);

G_END_DECLS
