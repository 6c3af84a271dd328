/* cw-types.c: tokens and labels of the domain's vocabularies. */
#include "config.h"

#include <glib/gi18n.h>

#include "cw-types.h"

typedef struct
{
  const char *token;
  const char *label;
} Term;

/* Indexed by the enum value. */
static const Term results[] = {
  [CW_RESULT_NOT_ASSESSED] = { "not-assessed", N_("Not assessed") },
  [CW_RESULT_NOT_APPLICABLE] = { "not-applicable", N_("Not applicable") },
  [CW_RESULT_CONFORMING] = { "conforming", N_("Conforming") },
  [CW_RESULT_OFI] = { "ofi", N_("Opportunity for improvement") },
  [CW_RESULT_OBSERVATION] = { "observation", N_("Observation") },
  [CW_RESULT_MINOR] = { "minor", N_("Minor nonconformity") },
  [CW_RESULT_MAJOR] = { "major", N_("Major nonconformity") },
};

static const Term grades[] = {
  [CW_GRADE_OFI] = { "ofi", N_("Opportunity for improvement") },
  [CW_GRADE_OBSERVATION] = { "observation", N_("Observation") },
  [CW_GRADE_MINOR] = { "minor", N_("Minor nonconformity") },
  [CW_GRADE_MAJOR] = { "major", N_("Major nonconformity") },
};

static const Term audit_statuses[] = {
  [CW_AUDIT_PLANNED] = { "planned", N_("Planned") },
  [CW_AUDIT_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [CW_AUDIT_REPORTED] = { "reported", N_("Reported") },
  [CW_AUDIT_CLOSED] = { "closed", N_("Closed") },
};

static const Term finding_statuses[] = {
  [CW_FINDING_OPEN] = { "open", N_("Open") },
  [CW_FINDING_PLANNED] = { "planned", N_("Action planned") },
  [CW_FINDING_IMPLEMENTED] = { "implemented", N_("Action implemented") },
  [CW_FINDING_VERIFIED] = { "verified", N_("Action verified") },
  [CW_FINDING_CLOSED] = { "closed", N_("Closed") },
};

static const Term evidence_kinds[] = {
  [CW_EVIDENCE_DOCUMENT] = { "document", N_("Document") },
  [CW_EVIDENCE_RECORD] = { "record", N_("Record") },
  [CW_EVIDENCE_INTERVIEW] = { "interview", N_("Interview") },
  [CW_EVIDENCE_OBSERVATION] = { "observation", N_("Observation") },
  [CW_EVIDENCE_FILE] = { "file", N_("File") },
};

static const char *
term_token (const Term *terms, guint n_terms, guint value)
{
  g_return_val_if_fail (value < n_terms, NULL);
  return terms[value].token;
}

static const char *
term_label (const Term *terms, guint n_terms, guint value)
{
  g_return_val_if_fail (value < n_terms, NULL);
  return _(terms[value].label);
}

static gboolean
term_lookup (const Term *terms, guint n_terms, const char *token, guint *value)
{
  for (guint i = 0; token != NULL && i < n_terms; i++)
    if (g_str_equal (terms[i].token, token))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

/* "a|b|c", for usage and error messages; built once and kept. */
static const char *
term_list (const Term *terms, guint n_terms, const char **cache)
{
  if (g_once_init_enter (cache))
    {
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = 0; i < n_terms; i++)
        g_string_append_printf (list, "%s%s", i ? "|" : "", terms[i].token);
      g_once_init_leave (cache, g_string_free (g_steal_pointer (&list), FALSE));
    }
  return *cache;
}

#define DEFINE_TERMS(prefix, Type, table)                                                          \
  const char *prefix##_to_string (Type value)                                                      \
  {                                                                                                \
    return term_token (table, G_N_ELEMENTS (table), value);                                        \
  }                                                                                                \
  const char *prefix##_label (Type value)                                                          \
  {                                                                                                \
    return term_label (table, G_N_ELEMENTS (table), value);                                        \
  }                                                                                                \
  gboolean prefix##_from_string (const char *token, Type *value)                                   \
  {                                                                                                \
    guint found;                                                                                   \
    if (!term_lookup (table, G_N_ELEMENTS (table), token, &found))                                 \
      return FALSE;                                                                                \
    *value = (Type) found;                                                                         \
    return TRUE;                                                                                   \
  }

DEFINE_TERMS (cw_result, CwResult, results)
DEFINE_TERMS (cw_grade, CwGrade, grades)
DEFINE_TERMS (cw_audit_status, CwAuditStatus, audit_statuses)
DEFINE_TERMS (cw_finding_status, CwFindingStatus, finding_statuses)
DEFINE_TERMS (cw_evidence_kind, CwEvidenceKind, evidence_kinds)

const char *
cw_result_tokens (void)
{
  static const char *cache;
  return term_list (results, G_N_ELEMENTS (results), &cache);
}

const char *
cw_grade_tokens (void)
{
  static const char *cache;
  return term_list (grades, G_N_ELEMENTS (grades), &cache);
}

const char *
cw_evidence_kind_tokens (void)
{
  static const char *cache;
  return term_list (evidence_kinds, G_N_ELEMENTS (evidence_kinds), &cache);
}

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
