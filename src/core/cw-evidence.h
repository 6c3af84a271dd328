/* cw-evidence.h: what an auditor saw, traceably: documents, records,
 * interviews, observations and files (kept by their SHA-256). */
#pragma once

#include "cw-types.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

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
} CwEvidence;

gint64 cw_workspace_add_evidence (CwWorkspace *self, const CwEvidenceDraft *draft,
                                  GError **error);
GPtrArray *cw_workspace_list_evidence (CwWorkspace *self, gint64 audit_id, GError **error);
void cw_evidence_free (CwEvidence *evidence);
char *cw_file_sha256 (const char *path, GError **error);

G_END_DECLS
