/* cw-register.h: the register of documented information (7.5).
 *
 * The organisation's documents and records, each with a unique reference
 * (CHG-POL), the clauses it serves, its version, owner, approval and next
 * review, its status and where it lives (a file kept by its SHA-256, or a
 * URL or location). Next to them, what the catalogue expects at each clause,
 * by kind: an expected item is present when an entry of that kind serves
 * that very clause. Some expected items are mandatory for certification;
 * which ones is decided once, in cw-register.c.
 *
 * Status "review due" is never stored: an approved entry whose next review
 * date has passed shows as review due (cw_register_entry_status). Entries
 * are never deleted; they are withdrawn.
 */
#pragma once

#include "cw-clause.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  CW_DOC_MISSING,
  CW_DOC_DRAFT,
  CW_DOC_APPROVED,
  CW_DOC_REVIEW_DUE, /* computed: approved, past its next review date */
  CW_DOC_WITHDRAWN,
} CwDocStatus;

#define CW_REGISTER_REFERENCE_MAX 64

/* What an add, an update or an import line says an entry is. NULL or
 * empty texts are empty; `file`, when set, is hashed and becomes the
 * location unless one is given; `sha256` is a hash already known (import):
 * "" clears it, and NULL on an update keeps the stored one while the
 * location stays the same. */
typedef struct
{
  const char *reference;
  const char *title;
  CwExpectedKind kind;
  const char *const *clauses;
  const char *version;
  const char *owner;
  const char *approved_on;
  const char *review_due;
  CwDocStatus status;
  const char *location;
  const char *file;
  const char *sha256;
} CwRegisterDraft;

typedef struct
{
  gint64 id;
  gint64 rev; /* the revision read: an update saves only over this one */
  char *reference;
  char *title;
  CwExpectedKind kind;
  GStrv clauses;
  char *version;
  char *owner;
  char *approved_on;
  char *review_due;
  CwDocStatus stored; /* as stored; never CW_DOC_REVIEW_DUE */
  char *location;
  char *sha256;
  char *created_at;
} CwRegisterEntry;

/* What the catalogue expects at one clause, of one kind, and where it
 * stands: the best status among the entries that serve it. */
typedef struct
{
  char *clause;
  CwExpectedKind kind;
  char *expected; /* the catalogue's items, "; "-separated */
  gboolean mandatory;
  CwDocStatus status;
  GArray *entries; /* gint64 ids of the entries serving it, not withdrawn */
} CwRegisterItem;

typedef struct
{
  const char *clause;
  CwExpectedKind kind;
} CwMandatoryItem;

const char *cw_doc_status_to_string (CwDocStatus status);
gboolean cw_doc_status_from_string (const char *token, CwDocStatus *status);
const char *cw_doc_status_label (CwDocStatus status);
const char *cw_doc_status_tokens (void);

const CwMandatoryItem *cw_register_mandatory_items (guint *n_items);
gboolean cw_register_is_mandatory (const char *clause, CwExpectedKind kind);

CwDocStatus cw_register_entry_status (const CwRegisterEntry *entry, const GDate *today);
void cw_register_entry_free (CwRegisterEntry *entry);
void cw_register_item_free (CwRegisterItem *item);
gboolean cw_register_draft_check (CwWorkspace *self, const CwRegisterDraft *draft,
                                  GError **error);

gint64 cw_workspace_add_register_entry (CwWorkspace *self, const CwRegisterDraft *draft,
                                        GError **error);
gboolean cw_workspace_update_register_entry (CwWorkspace *self, const CwRegisterEntry *loaded,
                                             const CwRegisterDraft *draft, GError **error);
gboolean cw_workspace_withdraw_register_entry (CwWorkspace *self, const CwRegisterEntry *loaded,
                                               GError **error);
CwRegisterEntry *cw_workspace_get_register_entry (CwWorkspace *self, gint64 id, GError **error);
CwRegisterEntry *cw_workspace_find_register_entry (CwWorkspace *self, const char *reference,
                                                   GError **error);
GPtrArray *cw_workspace_list_register (CwWorkspace *self, GError **error);
GPtrArray *cw_workspace_register_items (CwWorkspace *self, const GDate *today, GError **error);

gboolean cw_workspace_cite_register_entry (CwWorkspace *self, gint64 entry_id,
                                           const char *entity, gint64 id, GError **error);
GArray *cw_workspace_list_citations (CwWorkspace *self, const char *entity, gint64 id,
                                     GError **error);

/* What cites an entry: "evidence" or "finding", and its id. */
typedef struct
{
  const char *entity;
  gint64 id;
} CwCitation;

GArray *cw_workspace_list_cited_by (CwWorkspace *self, gint64 entry_id, GError **error);

/* CSV: one header row (the columns of cw_register_csv_columns), one row
 * per entry. An import stores every line or none. */
const char *const *cw_register_csv_columns (guint *n_columns);
char *cw_workspace_export_register (CwWorkspace *self, GError **error);
guint cw_workspace_import_register (CwWorkspace *self, const char *csv, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRegisterEntry, cw_register_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwRegisterItem, cw_register_item_free)

G_END_DECLS
