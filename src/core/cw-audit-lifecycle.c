/* cw-audit-lifecycle.c: how an internal audit moves from planned to closed
 * (ISO 19011 6.4 to 6.6), and what each move needs. Every rule of that
 * lifecycle lives here and nowhere else; the CLI and the window ask it.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-workspace-private.h"

/* Whether the audit may be closed now, and if not, why: its fieldwork has
 * started (in progress or reported), and each of its nonconformities has a
 * corrective action. Closing ends the audit: nothing can be added to it. */
/* The ids `sql` returns for the audit, as "3, 7, 12", and how many. */
static gboolean
list_findings (CwWorkspace *self, gint64 audit_id, const char *sql, char **ids, guint *n,
               GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GString) text = g_string_new (NULL);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, *n ? ", " : "",
                              (gint64) cw_stmt_int64 (stmt, 0));
      (*n)++;
    }
  if (!(rc == CW_STEP_DONE))
    return FALSE;
  *ids = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

gboolean
cw_workspace_can_close_audit (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL)
    return FALSE;
  CwAuditStatus status = cw_audit_get_status (audit);
  if (status == CW_AUDIT_CLOSED)
    {
      cw_set_invalid (error, _("Audit %" PRId64 " is already closed"), audit_id);
      return FALSE;
    }
  if (status == CW_AUDIT_PLANNED)
    {
      cw_set_invalid (error,
                   _("Audit %" PRId64 " is only planned; nothing has been audited yet, "
                     "so there is nothing to close"),
                   audit_id);
      return FALSE;
    }

  /* Follow-up ends when every nonconformity's corrective action has been
   * verified effective: first those with no action at all, then those whose
   * action is still under way. */
  g_autofree char *without = NULL, *unverified = NULL;
  guint n_without = 0, n_unverified = 0;
  if (!list_findings (self, audit_id,
                      "SELECT f.id FROM finding f LEFT JOIN action a ON a.finding = f.id"
                      " WHERE f.audit = ? AND f.grade IN ('minor', 'major') AND a.id IS NULL"
                      " ORDER BY f.id",
                      &without, &n_without, error)
      || !list_findings (self, audit_id,
                         "SELECT f.id FROM finding f JOIN action a ON a.finding = f.id"
                         " WHERE f.audit = ? AND f.grade IN ('minor', 'major')"
                         " AND a.status NOT IN ('verified', 'closed') ORDER BY f.id",
                         &unverified, &n_unverified, error))
    return FALSE;
  g_autofree char *id = g_strdup_printf ("%" PRId64, audit_id);
  if (n_without > 0)
    {
      cw_set_invalid (error,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Audit %s cannot be closed: nonconformity %s has no corrective "
                                "action; raise one from the finding first",
                                "Audit %s cannot be closed: nonconformities %s have no "
                                "corrective action; raise one from each finding first",
                                n_without),
                   id, without);
      return FALSE;
    }
  if (n_unverified > 0)
    {
      cw_set_invalid (error,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Audit %s cannot be closed yet: the action for nonconformity %s "
                                "has not been verified effective",
                                "Audit %s cannot be closed yet: the actions for nonconformities "
                                "%s have not been verified effective",
                                n_unverified),
                   id, unverified);
      return FALSE;
    }
  return TRUE;
}

gboolean
cw_workspace_close_audit (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  return audit != NULL && cw_workspace_can_close_audit (self, audit_id, error)
         && cw_workspace_edit_begin (self, error)
         && cw_workspace_edit_end (
           self, cw_audit_store_status (self, audit, CW_AUDIT_CLOSED, error), error);
}
