/* cw-pack.h: the Stage One submission pack.
 *
 * What a certification body asks for before Stage One, gathered into one
 * new folder: the register's approved, current documents (their files,
 * checked against the SHA-256 kept when they were registered), the latest
 * issued internal audit report and the latest approved management review
 * minutes as PDFs, and an index PDF naming each item with its reference,
 * version and SHA-256.
 *
 * Two steps. cw_workspace_plan_stage_one_pack() decides what goes in and
 * names every problem that stops the pack; it writes nothing.
 * cw_workspace_write_stage_one_pack() refuses a plan with problems, and
 * otherwise writes everything into a hidden folder beside the target and
 * renames it into place at the end: the folder appears whole or not at all,
 * and nothing already there is ever replaced.
 *
 * An approved document that the register knows only by a URL or a place
 * (no file, or no SHA-256 to check a file against) cannot be bundled. It is
 * not a problem: documents kept in a document management system are normal,
 * and the certifier is given access there. It is listed in the plan as
 * CW_PACK_KEPT_ELSEWHERE and in the index under "Kept outside the pack",
 * with where it is kept, so that a lead auditor sees it at once. An approved
 * document with neither a file nor a location is a problem: nobody could
 * find it.
 */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_PACK_INDEX,          /* the index PDF, made while writing */
  CW_PACK_DOCUMENT,       /* a register document's file, copied */
  CW_PACK_AUDIT_REPORT,   /* the latest issued internal audit report, as PDF */
  CW_PACK_REVIEW_MINUTES, /* the latest approved management review, as PDF */
  CW_PACK_KEPT_ELSEWHERE, /* an approved document known by its location only */
} CwPackKind;

typedef struct
{
  CwPackKind kind;
  char *reference;
  char *title;
  char *version;
  char *source;     /* a document's file path; where a kept-elsewhere one is; else NULL */
  gint64 record_id; /* the register entry, audit or review; 0 for the index */
  char *sha256;     /* a document's registered hash; a made PDF's once written; else NULL */
  char *file_name;  /* its name in the folder; NULL when kept elsewhere */
} CwPackItem;

typedef struct
{
  GPtrArray *items;    /* CwPackItem: the index first, then documents, reports, kept elsewhere */
  GPtrArray *problems; /* char *: one sentence each, saying what is wrong and what to do */
  GDate today;
} CwPackPlan;

const char *cw_pack_kind_to_string (CwPackKind kind);

CwPackPlan *cw_workspace_plan_stage_one_pack (CwWorkspace *self, const GDate *today,
                                              GError **error);
gboolean cw_workspace_write_stage_one_pack (CwWorkspace *self, CwPackPlan *plan,
                                            const char *folder, GError **error);
void cw_pack_plan_free (CwPackPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPackPlan, cw_pack_plan_free)

G_END_DECLS
