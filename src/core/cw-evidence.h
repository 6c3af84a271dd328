/* cw-evidence.h: what an auditor saw, traceably: documents, records,
 * interviews, observations and files (kept by their SHA-256). */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

/* How a sample was drawn (ISO 19011 A.6). NONE: no sample, or not said. */
typedef enum
{
  CW_SAMPLE_NONE,
  CW_SAMPLE_RANDOM,
  CW_SAMPLE_SYSTEMATIC,
  CW_SAMPLE_JUDGEMENTAL,
} CwSampleMethod;

const char *cw_sample_method_to_string (CwSampleMethod method);
gboolean cw_sample_method_from_string (const char *token, CwSampleMethod *method);
const char *cw_sample_method_label (CwSampleMethod method);
guint cw_sample_suggest (guint population);

typedef struct
{
  gint64 audit_id;
  const char *question; /* optional: the question it answers */
  gint64 finding_id;    /* optional (0): the finding it supports */
  CwEvidenceKind kind;
  const char *reference;
  const char *description;
  const char *population; /* what was sampled from, if anything */
  gint sample_size;       /* -1 when nothing was sampled */
  const char *file;       /* kind FILE: the file's path, hashed when added */
  /* The sample, when `method` is not NONE (a zeroed draft records none). */
  gint population_size;   /* how many items the population held; 0: not counted */
  CwSampleMethod method;
  const char *sample_items; /* which items were examined */
  gint exceptions;        /* how many of them did not conform */
} CwEvidenceDraft;

typedef struct
{
  gint64 id;
  gint64 audit_id;
  char *question;
  gint64 finding_id;
  CwEvidenceKind kind;
  char *reference;
  char *description;
  char *population;
  gint sample_size;
  char *sha256;
  gint64 rev;
  gint population_size; /* -1: not counted */
  CwSampleMethod method;
  char *sample_items;
  gint exceptions;      /* -1: not recorded */
} CwEvidence;

/* An edit of an evidence item: every NULL member is left as it is. `rev` is
 * the revision it was loaded at (0: as it now stands); an edit over a change
 * made meanwhile is refused. A file's evidence stays the file it was: its
 * SHA-256 is what proves it. */
typedef struct
{
  gint64 rev;
  const CwEvidenceKind *kind;
  const char *reference;
  const char *description;
  const char *population;
  const gint *sample_size; /* -1: nothing sampled */
  const gint *population_size; /* 0 or -1: not counted */
  const CwSampleMethod *method;
  const char *sample_items;
  const gint *exceptions; /* -1: not recorded */
} CwEvidenceChanges;

gint64 cw_workspace_add_evidence (CwWorkspace *self, const CwEvidenceDraft *draft,
                                  GError **error);
CwEvidence *cw_workspace_get_evidence (CwWorkspace *self, gint64 id, GError **error);
gboolean cw_workspace_update_evidence (CwWorkspace *self, gint64 id,
                                       const CwEvidenceChanges *changes, GError **error);
gboolean cw_workspace_delete_evidence (CwWorkspace *self, gint64 id, GError **error);
GPtrArray *cw_workspace_list_evidence (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_evidence_free (CwEvidence *evidence);
char *cw_file_sha256 (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwEvidence, cw_evidence_free)

G_END_DECLS
