/* cw-types.c: tokens and labels of the domain's vocabularies. */
#include "config.h"

#include "cw-i18n.h"
#include "cw-terms.h"
#include "cw-types.h"

/* Indexed by the enum value. */
static const CwTerm results[] = {
  [CW_RESULT_NOT_ASSESSED] = { "not-assessed", N_("Not assessed") },
  [CW_RESULT_NOT_APPLICABLE] = { "not-applicable", N_("Not applicable") },
  [CW_RESULT_CONFORMING] = { "conforming", N_("Conforming") },
  [CW_RESULT_OFI] = { "ofi", N_("Opportunity for improvement") },
  [CW_RESULT_OBSERVATION] = { "observation", N_("Observation") },
  [CW_RESULT_MINOR] = { "minor", N_("Minor nonconformity") },
  [CW_RESULT_MAJOR] = { "major", N_("Major nonconformity") },
};

static const CwTerm grades[] = {
  [CW_GRADE_OFI] = { "ofi", N_("Opportunity for improvement") },
  [CW_GRADE_OBSERVATION] = { "observation", N_("Observation") },
  [CW_GRADE_MINOR] = { "minor", N_("Minor nonconformity") },
  [CW_GRADE_MAJOR] = { "major", N_("Major nonconformity") },
};

static const CwTerm audit_statuses[] = {
  [CW_AUDIT_PLANNED] = { "planned", N_("Planned") },
  [CW_AUDIT_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [CW_AUDIT_REPORTED] = { "reported", N_("Issued") },
  [CW_AUDIT_CLOSED] = { "closed", N_("Closed") },
};

static const CwTerm finding_statuses[] = {
  [CW_FINDING_OPEN] = { "open", N_("Open") },
  [CW_FINDING_PLANNED] = { "planned", N_("Action planned") },
  [CW_FINDING_IMPLEMENTED] = { "implemented", N_("Action implemented") },
  [CW_FINDING_VERIFIED] = { "verified", N_("Action verified") },
  [CW_FINDING_CLOSED] = { "closed", N_("Closed") },
};

static const CwTerm evidence_kinds[] = {
  [CW_EVIDENCE_DOCUMENT] = { "document", N_("Document") },
  [CW_EVIDENCE_RECORD] = { "record", N_("Record") },
  [CW_EVIDENCE_INTERVIEW] = { "interview", N_("Interview") },
  [CW_EVIDENCE_OBSERVATION] = { "observation", N_("Observation") },
  [CW_EVIDENCE_FILE] = { "file", N_("File") },
};

CW_DEFINE_TERMS (cw_result, CwResult, results, 0)
CW_DEFINE_TERMS (cw_grade, CwGrade, grades, 0)
CW_DEFINE_TERMS (cw_audit_status, CwAuditStatus, audit_statuses, 0)
CW_DEFINE_TERMS (cw_finding_status, CwFindingStatus, finding_statuses, 0)
CW_DEFINE_TERMS (cw_evidence_kind, CwEvidenceKind, evidence_kinds, 0)

gboolean
cw_grade_is_nonconformity (CwGrade grade)
{
  return grade == CW_GRADE_MINOR || grade == CW_GRADE_MAJOR;
}

CwResult
cw_grade_to_result (CwGrade grade)
{
  switch (grade)
    {
    case CW_GRADE_OFI:
      return CW_RESULT_OFI;
    case CW_GRADE_OBSERVATION:
      return CW_RESULT_OBSERVATION;
    case CW_GRADE_MINOR:
      return CW_RESULT_MINOR;
    case CW_GRADE_MAJOR:
      return CW_RESULT_MAJOR;
    default:
      g_return_val_if_reached (CW_RESULT_NOT_ASSESSED);
    }
}

/* The short word on a finding's or a clause's badge. */
const char *
cw_result_badge (CwResult result)
{
  switch (result)
    {
    case CW_RESULT_OFI:
      return C_("badge", "ofi");
    case CW_RESULT_OBSERVATION:
      return C_("badge", "observation");
    case CW_RESULT_MINOR:
      return C_("badge", "minor");
    case CW_RESULT_MAJOR:
      return C_("badge", "major");
    case CW_RESULT_NOT_ASSESSED:
    case CW_RESULT_NOT_APPLICABLE:
    case CW_RESULT_CONFORMING:
      return "";
    }
  g_return_val_if_reached ("");
}

const char *
cw_grade_badge (CwGrade grade)
{
  return cw_result_badge (cw_grade_to_result (grade));
}
