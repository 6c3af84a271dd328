/* cw-workspace.h: a workspace is one SQLite file (.clausewise) holding the
 * organisation, its clause catalogue, audits, answers, evidence, findings and
 * an append-only change history.
 *
 * Every edit is committed when it is made, in one transaction, and recorded in
 * the history with who made it. A file that is not ours, is damaged or comes
 * from a newer Clausewise is refused and left exactly as it was.
 */
#pragma once

#include <gio/gio.h>

#include "cw-catalogue.h"

G_BEGIN_DECLS

#define CW_WORKSPACE_ERROR (cw_workspace_error_quark ())
typedef enum
{
  CW_WORKSPACE_ERROR_NOT_FOUND,     /* no such file, or no such record */
  CW_WORKSPACE_ERROR_EXISTS,        /* create: the file is already there */
  CW_WORKSPACE_ERROR_NOT_WORKSPACE, /* not an SQLite file at all */
  CW_WORKSPACE_ERROR_FOREIGN,       /* SQLite, but another program's */
  CW_WORKSPACE_ERROR_NEWER,         /* made by a newer Clausewise */
  CW_WORKSPACE_ERROR_DAMAGED,
  CW_WORKSPACE_ERROR_READ_ONLY,
  CW_WORKSPACE_ERROR_BUSY,
  CW_WORKSPACE_ERROR_INVALID,       /* the edit breaks a rule of the domain */
  CW_WORKSPACE_ERROR_FAILED,        /* the storage failed (disk full, I/O) */
  CW_WORKSPACE_ERROR_CHANGED,       /* the record changed since it was read */
} CwWorkspaceError;

/* "CWKS": PRAGMA application_id of every Clausewise workspace. */
#define CW_WORKSPACE_APPLICATION_ID 0x43574B53
#define CW_WORKSPACE_EXTENSION ".clausewise"

typedef struct
{
  char *name;
  char *scope;
  char *services;
  char *certification_body;
  char *stage_one;
  char *stage_two;
  /* Days the auditee has, after the report is issued, to respond to a major
   * and to a minor nonconformity. 0 in a value given to set_organisation
   * keeps what is stored, as a caller that does not know them needs. */
  guint respond_major_days;
  guint respond_minor_days;
  gint64 rev; /* the revision read; 0 in a new value */
  /* The day of the certification decision for the certificate in force
   * (YYYY-MM-DD), NULL while not certified; the cycle of surveillance and
   * recertification is counted from it (cw-readiness.h). */
  char *certified_on;
  /* The language of the workspace's reports ("en", "de" or "fr";
   * cw-i18n.h); NULL in a value given to set_organisation keeps it. */
  char *language;
} CwOrganisation;

/* What a workspace starts with, and the most either may be. */
#define CW_RESPOND_MAJOR_DAYS_DEFAULT 30
#define CW_RESPOND_MINOR_DAYS_DEFAULT 60
#define CW_RESPOND_DAYS_MAX 365

#define CW_TYPE_WORKSPACE (cw_workspace_get_type ())
G_DECLARE_FINAL_TYPE (CwWorkspace, cw_workspace, CW, WORKSPACE, GObject)

GQuark cw_workspace_error_quark (void);
guint cw_workspace_schema_version (void);

typedef gboolean (*CwWorkspaceFill) (CwWorkspace *workspace, gpointer data, GError **error);

CwWorkspace *cw_workspace_create (const char *path, const char *organisation, GError **error);
CwWorkspace *cw_workspace_create_filled (const char *path, const char *organisation,
                                         CwWorkspaceFill fill, gpointer data, GError **error);
CwWorkspace *cw_workspace_open (const char *path, GError **error);
CwWorkspace *cw_workspace_open_as_is (const char *path, GError **error);

const char *cw_workspace_get_path (CwWorkspace *self);
gboolean cw_workspace_is_read_only (CwWorkspace *self);
gboolean cw_workspace_claim (CwWorkspace *self, GError **error);
const char *cw_workspace_get_actor (CwWorkspace *self);
void cw_workspace_set_actor (CwWorkspace *self, const char *actor);
CwCatalogue *cw_workspace_get_catalogue (CwWorkspace *self);
CwCatalogue *cw_workspace_load_catalogue (CwWorkspace *self, GError **error);

gboolean cw_workspace_begin_batch (CwWorkspace *self, GError **error);
gboolean cw_workspace_end_batch (CwWorkspace *self, gboolean commit, GError **error);

CwOrganisation *cw_workspace_get_organisation (CwWorkspace *self, GError **error);
gboolean cw_workspace_set_organisation (CwWorkspace *self, const CwOrganisation *organisation,
                                        GError **error);
void cw_organisation_free (CwOrganisation *organisation);
gboolean cw_organisation_parse_respond_days (const char *text, gboolean major, guint *days,
                                             GError **error);

gint64 cw_workspace_add_person (CwWorkspace *self, const char *name, const char *role,
                                GError **error);

gboolean cw_workspace_check (CwWorkspace *self, GPtrArray *problems, GError **error);
char *cw_workspace_seal (CwWorkspace *self, const char *subject, GError **error);
gboolean cw_workspace_check_seal (CwWorkspace *self, const char *seal, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwOrganisation, cw_organisation_free)

G_END_DECLS
