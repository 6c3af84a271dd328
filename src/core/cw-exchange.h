/* cw-exchange.h: the open exchange format (urn:clausewise:exchange:1).
 *
 * A workspace, one audit, the documents register or an auditor's assignment
 * is written as plain XML (resources/schemas/exchange.rng, described in
 * README.md), streamed and reproducible: the same workspace gives the same
 * bytes. Evidence files travel beside the XML in a folder FILE.xml.files/,
 * each named by its SHA-256, never inside it.
 *
 * Importing merges record by record, by each record's UUID: what only one
 * side changed since the two last agreed is taken, field by field; what both
 * changed differently becomes a conflict that the lead auditor settles
 * (cw_workspace_resolve_conflict), and the decision goes into the history.
 * An import is one transaction, after a backup of the workspace; a file that
 * is refused leaves the workspace exactly as it was.
 */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_EXCHANGE_NAMESPACE "urn:clausewise:exchange:1"
#define CW_EXCHANGE_SCHEMA "/io/github/clausewise/Clausewise/schemas/exchange.rng"

/* The largest exchange file read: a 100,000-finding workspace is about
 * 90 MiB. */
#define CW_EXCHANGE_MAX_BYTES (G_GUINT64_CONSTANT (1) << 30)

typedef enum
{
  CW_EXPORT_WORKSPACE,
  CW_EXPORT_AUDIT,
  CW_EXPORT_REGISTER,
  CW_EXPORT_ASSIGNMENT,
} CwExportKind;

const char *cw_export_kind_to_string (CwExportKind kind);
gboolean cw_export_kind_from_string (const char *token, CwExportKind *kind);

typedef struct
{
  CwExportKind kind;
  gint64 audit_id;          /* AUDIT and ASSIGNMENT */
  const char *auditor;      /* ASSIGNMENT: who it is for */
  const char *const *clauses; /* ASSIGNMENT: the clauses they cover (NULL-terminated) */
  /* Where evidence files are looked up by their SHA-256 to be copied
   * beside the XML; NULL: the workspace's own folder of evidence files. */
  const char *evidence_dir;
} CwExportRequest;

/* Writes `path` (and path.files/ when there are evidence files to carry)
 * by way of a temporary file: a failed export leaves nothing behind.
 * `n_files_missing` counts file evidence whose bytes were not found. */
gboolean cw_workspace_export (CwWorkspace *self, const CwExportRequest *request, const char *path,
                              guint *n_files_missing, GError **error);

/* The folder beside a workspace that holds its evidence files by SHA-256,
 * and the folder beside an exchange file that carries them. */
char *cw_exchange_files_dir (const char *path);

typedef struct
{
  guint added;     /* records new to this workspace */
  guint updated;   /* records that took the other side's changes */
  guint unchanged; /* records the same on both sides, or changed only here */
  guint conflicts; /* records both sides changed differently (new ones) */
  guint files;     /* evidence files checked and kept */
  char *backup;    /* the backup written before the import (NULL on a dry run) */
  char *source;    /* who the file came from: organisation, kind, assignment */
  GPtrArray *conflict_ids; /* gint64 *, the new conflicts' ids */
  /* A dry run's account of each record it would add, update or leave in
   * conflict: "added\tAnswer 8.5.3.q1", "conflict\tAnswer 8.5.3.q2\tresult
   * note" (the fields that differ); NULL when not a dry run. */
  GPtrArray *changes;
} CwImportResult;

void cw_import_result_free (CwImportResult *result);

CwImportResult *cw_workspace_import (CwWorkspace *self, const char *path, gboolean dry_run,
                                     GError **error);

/* Internal for tests and the fuzz harness: reads `path` with a smaller cap. */
CwImportResult *cw_workspace_import_capped (CwWorkspace *self, const char *path,
                                            guint64 max_bytes, gboolean dry_run, GError **error);

typedef struct
{
  char *name;   /* the field's element name */
  char *ours;   /* its value here (NULL: absent), as text */
  char *theirs;
  char *base;   /* when the two last agreed; NULL with has_base FALSE */
  gboolean has_base;
  gboolean differs; /* ours and theirs differ: the lead must choose */
} CwConflictField;

typedef struct
{
  gint64 id;
  char *entity;     /* "answer", "finding", … */
  char *uuid;       /* the record's, as the other side has it */
  char *label;      /* for people: "Finding NC-2 (8.2)", "Answer 8.5.1-2" */
  char *source;     /* where the other side came from */
  char *raised_at;
  gboolean open;
  char *decision;   /* once resolved: "ours", "theirs" or the fields taken */
  char *decided_by;
  GPtrArray *fields; /* CwConflictField *, every field of the record */
} CwConflict;

void cw_conflict_free (CwConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwConflict, cw_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportResult, cw_import_result_free)

/* The conflicts, open ones first; `include_resolved` adds the settled ones. */
GPtrArray *cw_workspace_list_conflicts (CwWorkspace *self, gboolean include_resolved,
                                        GError **error);
CwConflict *cw_workspace_get_conflict (CwWorkspace *self, gint64 id, GError **error);
gint64 cw_workspace_count_open_conflicts (CwWorkspace *self, GError **error);

/* Settles a conflict: `take_theirs` names the fields (by element name) to
 * take from the other side; every other field keeps this workspace's value.
 * NULL or empty keeps ours entirely; "*" alone takes theirs entirely. The
 * record must not have changed here since the conflict was raised. */
gboolean cw_workspace_resolve_conflict (CwWorkspace *self, gint64 id,
                                        const char *const *take_theirs, GError **error);

G_END_DECLS
