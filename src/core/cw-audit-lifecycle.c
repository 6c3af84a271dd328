/* cw-audit-lifecycle.c: how an internal audit moves from planned to closed
 * (ISO 19011 6.4 to 6.6), and what each move needs. Every rule of that
 * lifecycle lives here and nowhere else; the CLI and the window ask it.
 */
#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

/* What `sql` returns for the audit (bound as ?1), as "NC-1, NC-3", and how many. */
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
      g_string_append_printf (text, "%s%s", *n ? ", " : "", cw_stmt_text (stmt, 0));
      (*n)++;
    }
  if (!(rc == CW_STEP_DONE))
    return FALSE;
  *ids = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* ---- Helpers ------------------------------------------------------------ */

/* Gathers what is missing for a move, to say it all in one message. */
static void
add_gap (GPtrArray *gaps, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_gap (GPtrArray *gaps, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_ptr_array_add (gaps, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
refuse_gaps (GPtrArray *gaps, const char *intro, GError **error)
{
  if (gaps->len == 0)
    return TRUE;
  g_ptr_array_add (gaps, NULL);
  g_autofree char *list = g_strjoinv ("; ", (char **) gaps->pdata);
  cw_set_invalid (error, "%s: %s", intro, list);
  return FALSE;
}

/* Raises the audit's revision for a change to one of its child rows, so
 * that an edit made meanwhile elsewhere is not overwritten unseen. */
static gboolean
bump_audit (CwWorkspace *self, CwAudit *audit, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "UPDATE audit SET rev = rev + 1 WHERE id = ? AND rev = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, cw_audit_get_id (audit));
  cw_stmt_bind_int64 (stmt, 2, cw_audit_get_rev (audit));
  return cw_workspace_run_update (self, stmt, "audit", cw_audit_get_id (audit), error);
}

/* The audit, when its plan and meetings may still change. */
static CwAudit *
get_editable (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL || !cw_audit_accepts (audit, NULL, error))
    return NULL;
  return g_steal_pointer (&audit);
}

static gboolean
check_day (const char *day, const char *what, GDate *date, GError **error)
{
  if (cw_text_is_blank (day))
    {
      cw_set_invalid (error, _("Give %s (YYYY-MM-DD)"), what);
      return FALSE;
    }
  if (!cw_date_parse (day, date, error))
    {
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }
  return TRUE;
}

/* ---- The plan ----------------------------------------------------------- */

gboolean
cw_workspace_set_audit_sites (CwWorkspace *self, gint64 audit_id, const char *sites,
                              GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  if (!cw_text_check (sites, CW_TEXT_LONG_MAX, _("the sites"), error))
    return FALSE;
  g_autoptr (CwAudit) audit = get_editable (self, audit_id, error);
  if (audit == NULL)
    return FALSE;
  g_autofree char *text = cw_text_trimmed (sites);
  if (g_strcmp0 (text, cw_audit_get_sites (audit)) == 0)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self, "UPDATE audit SET sites = ?, rev = rev + 1 WHERE id = ? AND rev = ?", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, text);
      cw_stmt_bind_int64 (stmt, 2, audit_id);
      cw_stmt_bind_int64 (stmt, 3, cw_audit_get_rev (audit));
      ok = cw_workspace_run_update (self, stmt, "audit", audit_id, error)
           && cw_workspace_record_change (self, "audit", audit_id, "sites",
                                          cw_audit_get_sites (audit), text, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

static char *
session_content (const CwAuditSession *session)
{
  const char *fields[] = { session->day, session->time ? session->time : "", session->subject,
                           session->auditee ? session->auditee : "",
                           session->auditor ? session->auditor : "" };
  return cw_history_content (fields, G_N_ELEMENTS (fields));
}

/* Adds a session at the end of the audit plan's schedule. */
gboolean
cw_workspace_add_audit_session (CwWorkspace *self, gint64 audit_id,
                                const CwAuditSession *session, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  GDate day;
  const CwTextField fields[] = {
    { session->time, CW_TEXT_SHORT_MAX, N_("the time") },
    { session->subject, CW_TEXT_SHORT_MAX, N_("the clause or process") },
    { session->auditee, CW_TEXT_SHORT_MAX, N_("the auditee") },
    { session->auditor, CW_TEXT_SHORT_MAX, N_("the auditor") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error)
      || !check_day (session->day, _("the day of the session"), &day, error))
    return FALSE;
  if (cw_text_is_blank (session->subject))
    {
      cw_set_invalid (error, _("Say which clause or process the session audits"));
      return FALSE;
    }
  g_autoptr (CwAudit) audit = get_editable (self, audit_id, error);
  if (audit == NULL || !cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO audit_session (audit, position, day, time, subject, auditee, auditor)"
    " SELECT ?1, coalesce (max (position), 0) + 1, ?2, ?3, ?4, ?5, ?6 FROM audit_session"
    " WHERE audit = ?1",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *time = cw_text_trimmed (session->time);
      g_autofree char *subject = cw_text_trimmed (session->subject);
      g_autofree char *auditee = cw_text_trimmed (session->auditee);
      g_autofree char *auditor = cw_text_trimmed (session->auditor);
      CwAuditSession stored = { session->day, time, subject, auditee, auditor };
      g_autofree char *content = session_content (&stored);
      cw_stmt_bind_int64 (stmt, 1, audit_id);
      cw_stmt_bind_text (stmt, 2, session->day);
      cw_stmt_bind_text (stmt, 3, time);
      cw_stmt_bind_text (stmt, 4, subject);
      cw_stmt_bind_text (stmt, 5, auditee);
      cw_stmt_bind_text (stmt, 6, auditor);
      ok = cw_stmt_run (stmt, error) && bump_audit (self, audit, error)
           && cw_workspace_record (self, "audit", audit_id, "session", NULL, content, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

gboolean
cw_workspace_remove_audit_session (CwWorkspace *self, gint64 audit_id, guint position,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = get_editable (self, audit_id, error);
  if (audit == NULL)
    return FALSE;
  g_autoptr (GPtrArray) sessions = cw_workspace_list_audit_sessions (self, audit_id, error);
  if (sessions == NULL)
    return FALSE;
  CwAuditSessionRow *found = NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      CwAuditSessionRow *row = g_ptr_array_index (sessions, i);
      if (row->position == position)
        found = row;
    }
  if (found == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("Audit %" PRId64 " has no session %u in its plan"), audit_id, position);
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwAuditSession old = { found->day, found->time, found->subject, found->auditee,
                         found->auditor };
  g_autofree char *content = session_content (&old);
  CwStmt *stmt = cw_workspace_prepare (
    self, "DELETE FROM audit_session WHERE audit = ? AND position = ?", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, audit_id);
      cw_stmt_bind_int64 (stmt, 2, position);
      ok = cw_stmt_run (stmt, error) && bump_audit (self, audit, error)
           && cw_workspace_record (self, "audit", audit_id, "session", content, NULL, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

void
cw_audit_session_row_free (CwAuditSessionRow *row)
{
  g_free (row->day);
  g_free (row->time);
  g_free (row->subject);
  g_free (row->auditee);
  g_free (row->auditor);
  g_free (row);
}

/* The schedule in its order, by day and then as entered. */
GPtrArray *
cw_workspace_list_audit_sessions (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT position, day, time, subject, auditee, auditor FROM audit_session"
    " WHERE audit = ? ORDER BY day, position",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GPtrArray) rows
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_audit_session_row_free);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwAuditSessionRow *row = g_new0 (CwAuditSessionRow, 1);
      row->position = (guint) cw_stmt_int64 (stmt, 0);
      row->day = cw_stmt_dup_text (stmt, 1);
      row->time = cw_stmt_dup_text (stmt, 2);
      row->subject = cw_stmt_dup_text (stmt, 3);
      row->auditee = cw_stmt_dup_text (stmt, 4);
      row->auditor = cw_stmt_dup_text (stmt, 5);
      g_ptr_array_add (rows, row);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

/* ---- Meetings ----------------------------------------------------------- */

static gboolean
check_meeting (CwAudit *audit, CwMeeting meeting, const CwMeetingRecord *record,
               const GDate *today, GError **error)
{
  const CwTextField fields[] = {
    { record->attendees, CW_TEXT_LONG_MAX, N_("the attendees") },
    { record->auditee_response, CW_TEXT_LONG_MAX, N_("the auditee's response") },
    { record->diverging_opinions, CW_TEXT_LONG_MAX, N_("the diverging opinions") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  const char *name = meeting == CW_MEETING_OPENING ? _("the opening meeting")
                                                   : _("the closing meeting");
  g_autofree char *what = g_strdup_printf (_("the day of %s"), name);
  GDate held;
  if (!check_day (record->held_on, what, &held, error))
    return FALSE;
  if (g_date_compare (&held, today) > 0)
    {
      cw_set_invalid (error, _("%s cannot be recorded before it is held (%s is after today)"),
                      name, record->held_on);
      return FALSE;
    }
  if (cw_text_is_blank (record->attendees))
    {
      cw_set_invalid (error, _("Record who attended %s, one a line"), name);
      return FALSE;
    }
  if (meeting == CW_MEETING_OPENING)
    {
      if (record->auditee_response != NULL || record->diverging_opinions != NULL)
        {
          cw_set_invalid (error, _("The auditee's response and diverging opinions belong to "
                                   "the closing meeting"));
          return FALSE;
        }
      return TRUE;
    }
  /* The closing meeting ends fieldwork: it follows the opening one. */
  if (cw_audit_get_status (audit) != CW_AUDIT_IN_PROGRESS)
    {
      cw_set_invalid (error, _("Audit %" PRId64 " is %s; the closing meeting is held at the end "
                               "of fieldwork, once questions have been answered"),
                      cw_audit_get_id (audit), cw_audit_status_label (cw_audit_get_status (audit)));
      return FALSE;
    }
  const char *opening = cw_audit_get_opening_on (audit);
  if (opening == NULL)
    {
      cw_set_invalid (error, _("Record the opening meeting of audit %" PRId64 " first"),
                      cw_audit_get_id (audit));
      return FALSE;
    }
  if (g_strcmp0 (record->held_on, opening) < 0)
    {
      cw_set_invalid (error, _("The closing meeting (%s) cannot come before the opening "
                               "meeting (%s)"),
                      record->held_on, opening);
      return FALSE;
    }
  return TRUE;
}

/* Records (or corrects) the opening or closing meeting. */
gboolean
cw_workspace_record_meeting (CwWorkspace *self, gint64 audit_id, CwMeeting meeting,
                             const CwMeetingRecord *record, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (record != NULL && today != NULL, FALSE);

  g_autoptr (CwAudit) audit = get_editable (self, audit_id, error);
  if (audit == NULL || !check_meeting (audit, meeting, record, today, error))
    return FALSE;

  gboolean closing = meeting == CW_MEETING_CLOSING;
  g_autofree char *attendees = cw_text_trimmed (record->attendees);
  g_autofree char *response = record->auditee_response
                                ? cw_text_trimmed (record->auditee_response)
                                : g_strdup (cw_audit_get_auditee_response (audit));
  g_autofree char *diverging = record->diverging_opinions
                                 ? cw_text_trimmed (record->diverging_opinions)
                                 : g_strdup (cw_audit_get_diverging_opinions (audit));
  struct
  {
    const char *field;
    const char *old_value;
    const char *new_value;
  } changes[] = {
    { closing ? "closing_on" : "opening_on",
      closing ? cw_audit_get_closing_on (audit) : cw_audit_get_opening_on (audit),
      record->held_on },
    { closing ? "closing_attendees" : "opening_attendees",
      closing ? cw_audit_get_closing_attendees (audit) : cw_audit_get_opening_attendees (audit),
      attendees },
    { "auditee_response", cw_audit_get_auditee_response (audit), response },
    { "diverging_opinions", cw_audit_get_diverging_opinions (audit), diverging },
  };
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    closing ? "UPDATE audit SET closing_on = ?, closing_attendees = ?, auditee_response = ?,"
              " diverging_opinions = ?, rev = rev + 1 WHERE id = ? AND rev = ?"
            : "UPDATE audit SET opening_on = ?, opening_attendees = ?, auditee_response = ?,"
              " diverging_opinions = ?, rev = rev + 1 WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, record->held_on);
      cw_stmt_bind_text (stmt, 2, attendees);
      cw_stmt_bind_text (stmt, 3, response);
      cw_stmt_bind_text (stmt, 4, diverging);
      cw_stmt_bind_int64 (stmt, 5, audit_id);
      cw_stmt_bind_int64 (stmt, 6, cw_audit_get_rev (audit));
      ok = cw_workspace_run_update (self, stmt, "audit", audit_id, error);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (changes); i++)
    if (g_strcmp0 (changes[i].old_value ? changes[i].old_value : "", changes[i].new_value) != 0)
      ok = cw_workspace_record_change (self, "audit", audit_id, changes[i].field,
                                       changes[i].old_value ? changes[i].old_value : "",
                                       changes[i].new_value, error);
  return cw_workspace_edit_end (self, ok, error);
}

/* ---- Grades agree with answers ------------------------------------------ */

/* Whether `result` may stand as the answer to `question_id` given the
 * audit's findings on that question (but `except_finding`): each finding's
 * grade must be the answer. */
gboolean
cw_audit_check_grade (CwWorkspace *self, gint64 audit_id, const char *question_id,
                      CwResult result, gint64 except_finding, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT number, grade FROM finding WHERE audit = ? AND question = ? AND id <> ?"
    " ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  cw_stmt_bind_text (stmt, 2, question_id);
  cw_stmt_bind_int64 (stmt, 3, except_finding);
  CwStep rc;
  g_autoptr (GString) others = g_string_new (NULL);
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwGrade grade;
      if (cw_grade_from_string (cw_stmt_text (stmt, 1), &grade)
          && cw_grade_to_result (grade) != result)
        {
          g_autofree char *label = cw_finding_format_label (grade, cw_stmt_int64 (stmt, 0));
          g_string_append_printf (others, "%s%s (%s)", others->len ? ", " : "", label,
                                  cw_grade_label (grade));
        }
    }
  if (rc != CW_STEP_DONE)
    return FALSE;
  if (others->len == 0)
    return TRUE;
  cw_set_invalid (error, _("Question %s has findings of another grade (%s); an answer and the "
                           "findings raised on its question must agree: change the grade or "
                           "the answer"),
                  question_id, others->str);
  return FALSE;
}

/* ---- Issuing and revising the report ------------------------------------ */

gboolean
cw_workspace_can_issue_audit (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL)
    return FALSE;
  switch (cw_audit_get_status (audit))
    {
    case CW_AUDIT_PLANNED:
      cw_set_invalid (error, _("Audit %" PRId64 " is only planned; nothing has been audited yet, "
                               "so there is no report to issue"),
                      audit_id);
      return FALSE;
    case CW_AUDIT_REPORTED:
      cw_set_invalid (error, _("The report of audit %" PRId64 " is already issued as version %u"),
                      audit_id, cw_audit_get_version (audit));
      return FALSE;
    case CW_AUDIT_CLOSED:
      cw_set_invalid (error, _("Audit %" PRId64 " is closed"), audit_id);
      return FALSE;
    case CW_AUDIT_IN_PROGRESS:
      break;
    }

  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  if (cw_audit_get_closing_on (audit) == NULL)
    add_gap (gaps, _("record the closing meeting"));
  g_autofree char *unsupported = NULL, *ungraded = NULL;
  guint n_unsupported = 0, n_ungraded = 0;
  if (!list_findings (self, audit_id,
                      "SELECT a.question FROM answer a WHERE a.audit = ?1"
                      " AND a.result IN ('major', 'minor') AND NOT EXISTS (SELECT 1 FROM finding f"
                      " WHERE f.audit = a.audit AND f.question = a.question"
                      " AND f.grade = a.result) ORDER BY a.question",
                      &unsupported, &n_unsupported, error)
      || !list_findings (self, audit_id,
                         "SELECT 'NC-' || number FROM finding WHERE audit = ?1"
                         " AND grade IN ('major', 'minor') AND trim (grade_reason) = ''"
                         " ORDER BY number",
                         &ungraded, &n_ungraded, error))
    return FALSE;
  if (n_unsupported > 0)
    add_gap (gaps,
             cw_ngettext ("raise the finding for the nonconformity answered on question %s",
                          "raise the findings for the nonconformities answered on questions %s",
                          n_unsupported),
             unsupported);
  if (n_ungraded > 0)
    add_gap (gaps,
             cw_ngettext ("say why %s got its grade",
                          "say why %s got their grades", n_ungraded),
             ungraded);
  /* A person's areas may have changed since the team was saved. */
  g_autoptr (GPtrArray) independence = cw_workspace_list_independence (self, audit_id, error);
  if (independence == NULL)
    return FALSE;
  for (guint i = 0; i < independence->len; i++)
    {
      CwIndependence *member = g_ptr_array_index (independence, i);
      if (member->own_areas[0] == NULL || member->justification != NULL)
        continue;
      g_autofree char *areas = g_strjoinv (", ", member->own_areas);
      add_gap (gaps, _("record why %s may audit %s, an area they are responsible for"),
               member->name, areas);
    }
  g_autofree char *intro
    = g_strdup_printf (_("The report of audit %" PRId64 " cannot be issued yet"), audit_id);
  return refuse_gaps (gaps, intro, error);
}

/* Issues the report as its next version, dated `today`; the audit's record
 * is then frozen until it is revised. */
gboolean
cw_workspace_issue_audit (CwWorkspace *self, gint64 audit_id, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (!cw_workspace_can_issue_audit (self, audit_id, error))
    return FALSE;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL || !cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *day = cw_date_to_string (today);
  guint version = cw_audit_get_version (audit) + 1;
  /* A revision opened the row of its version; a first issue makes it. */
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO audit_issue (audit, version, issued_on, issued_by) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (audit, version) DO UPDATE SET issued_on = ?3, issued_by = ?4",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, audit_id);
      cw_stmt_bind_int64 (stmt, 2, version);
      cw_stmt_bind_text (stmt, 3, day);
      cw_stmt_bind_text (stmt, 4, cw_workspace_get_actor (self));
      g_autofree char *issued = g_strdup_printf (_("version %u, %s"), version, day);
      ok = cw_stmt_run (stmt, error)
           && cw_audit_store_status (self, audit, CW_AUDIT_REPORTED, error)
           && cw_workspace_record (self, "audit", audit_id, "issued", NULL, issued, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* Reopens an issued report for a change, which will be its next version. */
gboolean
cw_workspace_revise_audit (CwWorkspace *self, gint64 audit_id, const char *reason,
                           GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  if (!cw_text_check (reason, CW_TEXT_LONG_MAX, _("the reason"), error))
    return FALSE;
  if (cw_text_is_blank (reason))
    {
      cw_set_invalid (error, _("Say why the issued report is being revised: the reason is "
                               "printed in the next version"));
      return FALSE;
    }
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL)
    return FALSE;
  if (cw_audit_get_status (audit) != CW_AUDIT_REPORTED)
    {
      cw_set_invalid (error, _("Audit %" PRId64 " is %s; only an issued report can be revised"),
                      audit_id, cw_audit_status_label (cw_audit_get_status (audit)));
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *text = cw_text_trimmed (reason);
  CwStmt *stmt = cw_workspace_prepare (
    self, "INSERT INTO audit_issue (audit, version, revision_reason) VALUES (?, ?, ?)", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, audit_id);
      cw_stmt_bind_int64 (stmt, 2, cw_audit_get_version (audit) + 1);
      cw_stmt_bind_text (stmt, 3, text);
      ok = cw_stmt_run (stmt, error)
           && cw_audit_store_status (self, audit, CW_AUDIT_IN_PROGRESS, error)
           && cw_workspace_record (self, "audit", audit_id, "revised", NULL, text, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

void
cw_audit_issue_free (CwAuditIssue *issue)
{
  g_free (issue->issued_on);
  g_free (issue->issued_by);
  g_free (issue->revision_reason);
  g_free (issue);
}

/* Every issue of the report, oldest first; a revision not yet issued is
 * listed with a NULL issued_on. */
GPtrArray *
cw_workspace_list_audit_issues (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT version, issued_on, issued_by, revision_reason FROM audit_issue WHERE audit = ?"
    " ORDER BY version",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GPtrArray) issues
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_audit_issue_free);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwAuditIssue *issue = g_new0 (CwAuditIssue, 1);
      issue->version = (guint) cw_stmt_int64 (stmt, 0);
      issue->issued_on = cw_stmt_dup_text (stmt, 1);
      issue->issued_by = cw_stmt_dup_text (stmt, 2);
      issue->revision_reason = cw_stmt_dup_text (stmt, 3);
      g_ptr_array_add (issues, issue);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&issues);
}

/* ---- Closing ------------------------------------------------------------ */

/* Whether the audit may be closed now (ISO 19011 6.6: the audit is
 * complete), and if not, everything still missing: the report issued,
 * every question in scope answered, every "not applicable" with its reason,
 * and every nonconformity with an accepted action plan. Verifying those
 * actions is follow-up, tracked on the actions, not a condition here. */
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

  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  if (status != CW_AUDIT_REPORTED)
    add_gap (gaps, _("issue its report"));
  CwAuditProgress progress;
  if (!cw_workspace_get_audit_progress (self, audit, &progress, error))
    return FALSE;
  if (progress.answered < progress.total)
    add_gap (gaps,
             cw_ngettext ("answer the %u question not yet assessed",
                          "answer the %u questions not yet assessed",
                          progress.total - progress.answered),
             progress.total - progress.answered);
  g_autofree char *unexplained = NULL, *without = NULL, *unplanned = NULL;
  guint n_unexplained = 0, n_without = 0, n_unplanned = 0;
  if (!list_findings (self, audit_id,
                      "SELECT question FROM answer WHERE audit = ?1"
                      " AND result = 'not-applicable' AND trim (note) = '' ORDER BY question",
                      &unexplained, &n_unexplained, error)
      || !list_findings (self, audit_id,
                         "SELECT 'NC-' || f.number FROM finding f"
                         " LEFT JOIN action a ON a.finding = f.id"
                         " WHERE f.audit = ?1 AND f.grade IN ('minor', 'major') AND a.id IS NULL"
                         " ORDER BY f.number",
                         &without, &n_without, error)
      || !list_findings (self, audit_id,
                         "SELECT 'NC-' || f.number FROM finding f JOIN action a ON a.finding = f.id"
                         " WHERE f.audit = ?1 AND f.grade IN ('minor', 'major')"
                         " AND a.status = 'open' ORDER BY f.number",
                         &unplanned, &n_unplanned, error))
    return FALSE;
  if (n_unexplained > 0)
    add_gap (gaps,
             cw_ngettext ("give the reason question %s is not applicable",
                          "give the reasons questions %s are not applicable", n_unexplained),
             unexplained);
  if (n_without > 0)
    add_gap (gaps,
             cw_ngettext ("raise a corrective action for %s",
                          "raise a corrective action for each of %s", n_without),
             without);
  if (n_unplanned > 0)
    add_gap (gaps,
             cw_ngettext ("plan the corrective action of %s",
                          "plan the corrective actions of %s", n_unplanned),
             unplanned);
  g_autofree char *intro
    = g_strdup_printf (_("Audit %" PRId64 " cannot be closed yet"), audit_id);
  return refuse_gaps (gaps, intro, error);
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

/* ---- Follow-up (ISO 19011 6.7) ------------------------------------------ */

/* The nonconformities earlier audits raised on `clause` or its
 * sub-clauses, for the audit `audit_id` to follow up: those of other audits
 * whose report was issued, oldest audit first. */
GPtrArray *
cw_workspace_list_earlier_findings (CwWorkspace *self, gint64 audit_id, const char *clause,
                                    GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (clause != NULL, NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT f.id FROM finding f JOIN audit a ON a.id = f.audit"
    " WHERE f.audit <> ?1 AND a.status IN ('reported', 'closed')"
    " AND f.grade IN ('major', 'minor') AND (f.clause = ?2 OR f.clause LIKE ?2 || '.%')"
    " ORDER BY f.audit, f.number",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  cw_stmt_bind_text (stmt, 2, clause);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 id = cw_stmt_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      CwFinding *finding = cw_workspace_get_finding (self, g_array_index (ids, gint64, i), error);
      if (finding == NULL)
        return NULL;
      g_ptr_array_add (findings, finding);
    }
  return g_steal_pointer (&findings);
}

/* Records that audit `audit_id` followed up an earlier nonconformity and
 * what it saw: the audit must be under way and cover the finding's clause,
 * and the finding must come from another audit whose report was issued. The
 * action's verification can then cite it. */
gboolean
cw_workspace_follow_up_finding (CwWorkspace *self, gint64 finding_id, gint64 audit_id,
                                const char *note, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  if (!cw_text_check (note, CW_TEXT_LONG_MAX, _("the follow-up note"), error))
    return FALSE;
  if (cw_text_is_blank (note))
    {
      cw_set_invalid (error, _("Say what the follow-up saw: the records or changes that show "
                               "whether the action worked"));
      return FALSE;
    }
  g_autoptr (CwFinding) finding = cw_workspace_get_finding (self, finding_id, error);
  if (finding == NULL)
    return FALSE;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL
      || !cw_audit_accepts (audit, cw_finding_get_clause (finding), error))
    return FALSE;
  g_autoptr (CwAudit) origin
    = cw_workspace_get_audit (self, cw_finding_get_audit_id (finding), error);
  if (origin == NULL)
    return FALSE;
  g_autofree char *label = cw_finding_dup_label (finding);
  if (cw_audit_get_id (origin) == audit_id || cw_audit_get_version (origin) == 0
      || !cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
    {
      cw_set_invalid (error, _("%s of audit %" PRId64 " is not an earlier audit's issued "
                               "nonconformity; a follow-up verifies those"),
                      label, cw_finding_get_audit_id (finding));
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *text = cw_text_trimmed (note);
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE finding SET followed_up_in = ?, follow_up_note = ?, rev = rev + 1 WHERE id = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, audit_id);
      cw_stmt_bind_text (stmt, 2, text);
      cw_stmt_bind_int64 (stmt, 3, finding_id);
      g_autofree char *followed = g_strdup_printf (_("in audit %" PRId64 ": %s"), audit_id, text);
      ok = cw_workspace_run_update (self, stmt, "finding", finding_id, error)
           && cw_workspace_record (self, "finding", finding_id, "follow_up",
                                   cw_finding_get_follow_up_note (finding), followed, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* ---- Records from before these rules ------------------------------------ */

/* What `sql` lists (an audit id, a finding label or ""), each as one
 * warning built by `describe`. */
static gboolean
collect_gaps (CwWorkspace *self, const char *sql, char *(*describe) (const char *, const char *),
              GPtrArray *warnings, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (warnings, describe (cw_stmt_text (stmt, 0), cw_stmt_text (stmt, 1)));
  return rc == CW_STEP_DONE;
}

static char *
describe_no_closing (const char *audit, const char *unused)
{
  return g_strdup_printf (_("Audit %s was issued without its closing meeting recorded (it was "
                            "issued before meetings were kept)"),
                          audit);
}

static char *
describe_no_grade_reason (const char *audit, const char *label)
{
  return g_strdup_printf (_("Audit %s was issued without saying why %s got its grade"), audit,
                          label);
}

/* An issued or closed audit whose team member is now responsible for an
 * area of its scope with no reason recorded: their areas changed after the
 * report was issued, or the file came from before people had areas. */
static gboolean
list_independence_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error)
{
  g_autoptr (GArray) ids = cw_workspace_query_ids (
    self, "SELECT id FROM audit WHERE status IN ('reported', 'closed') ORDER BY id", error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (GPtrArray) members = cw_workspace_list_independence (self, id, error);
      if (members == NULL)
        return FALSE;
      for (guint j = 0; j < members->len; j++)
        {
          CwIndependence *member = g_ptr_array_index (members, j);
          if (member->own_areas[0] == NULL || member->justification != NULL)
            continue;
          g_autofree char *areas = g_strjoinv (", ", member->own_areas);
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("Audit %" PRId64 " was issued with %s on "
                                              "its team, who is now responsible for %s of its "
                                              "scope, and no reason is recorded"),
                                            id, member->name, areas));
        }
    }
  return TRUE;
}

/* One sentence for each rule an issued or closed audit was not held to
 * because it was recorded before the rule existed: its report stands, and
 * `check` lists these as warnings, not damage. */
gboolean
cw_audit_list_rule_gaps (CwWorkspace *self, GPtrArray *warnings, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  return collect_gaps (self,
                       "SELECT id, '' FROM audit WHERE status IN ('reported', 'closed')"
                       " AND closing_on IS NULL ORDER BY id",
                       describe_no_closing, warnings, error)
         && collect_gaps (self,
                          "SELECT f.audit, 'NC-' || f.number FROM finding f"
                          " JOIN audit a ON a.id = f.audit"
                          " WHERE a.status IN ('reported', 'closed')"
                          " AND f.grade IN ('major', 'minor') AND trim (f.grade_reason) = ''"
                          " ORDER BY f.audit, f.number",
                          describe_no_grade_reason, warnings, error)
         && list_independence_gaps (self, warnings, error);
}
