/* cw-finding.c: raising and reading findings.
 *
 * The grading rule lives here: a nonconformity (minor or major) is only
 * recorded with all three parts of its statement, because a finding without
 * its requirement, evidence or statement cannot be defended to the auditee or
 * the certification body.
 */
#define G_LOG_DOMAIN "cw-finding"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

struct _CwFinding
{
  GObject parent_instance;
  gint64 id;
  gint64 audit_id;
  char *texts; /* owns the strings below */
  char *clause;
  CwGrade grade;
  char *requirement;
  char *evidence;
  char *statement;
  CwFindingStatus status;
  char *created_at;
  char *question; /* NULL: raised on the clause as a whole */
  gint64 number;
  char *raised_on;
  char *grade_reason;
  gint64 followed_up_in;
  char *follow_up_note;
  gint64 rev;
};

G_DEFINE_FINAL_TYPE (CwFinding, cw_finding, G_TYPE_OBJECT)

static void
cw_finding_finalize (GObject *object)
{
  CwFinding *self = CW_FINDING (object);
  g_free (self->texts);
  G_OBJECT_CLASS (cw_finding_parent_class)->finalize (object);
}

static void
cw_finding_class_init (CwFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_finding_finalize;
}

static void
cw_finding_init (CwFinding *self)
{
}

gint64
cw_finding_get_id (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->id;
}

gint64
cw_finding_get_audit_id (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->audit_id;
}

const char *
cw_finding_get_clause (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->clause;
}

CwGrade
cw_finding_get_grade (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), CW_GRADE_OFI);
  return self->grade;
}

const char *
cw_finding_get_requirement (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->requirement;
}

const char *
cw_finding_get_evidence (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->evidence;
}

const char *
cw_finding_get_statement (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->statement;
}

CwFindingStatus
cw_finding_get_status (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), CW_FINDING_OPEN);
  return self->status;
}

const char *
cw_finding_get_created_at (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->created_at;
}

const char *
cw_finding_get_question (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->question;
}

gint64
cw_finding_get_number (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->number;
}

const char *
cw_finding_get_raised_on (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->raised_on;
}

const char *
cw_finding_get_grade_reason (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->grade_reason;
}

gint64
cw_finding_get_followed_up_in (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->followed_up_in;
}

const char *
cw_finding_get_follow_up_note (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return self->follow_up_note;
}

gint64
cw_finding_get_rev (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), 0);
  return self->rev;
}

/* Findings are numbered per audit in three series: nonconformities
 * ("NC-2"), observations ("OBS-1") and opportunities for improvement
 * ("OFI-3"). */
char *
cw_finding_format_label (CwGrade grade, gint64 number)
{
  const char *series = cw_grade_is_nonconformity (grade) ? "NC"
                       : grade == CW_GRADE_OBSERVATION   ? "OBS"
                                                         : "OFI";
  return g_strdup_printf ("%s-%" PRId64, series, number);
}

char *
cw_finding_dup_label (CwFinding *self)
{
  g_return_val_if_fail (CW_IS_FINDING (self), NULL);
  return cw_finding_format_label (self->grade, self->number);
}

/* The rule for what a finding must say, by grade. */
gboolean
cw_finding_draft_check (const CwFindingDraft *draft, GError **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  const CwTextField fields[] = {
    { draft->requirement, CW_TEXT_LONG_MAX, N_("the requirement") },
    { draft->evidence, CW_TEXT_LONG_MAX, N_("the evidence") },
    { draft->statement, CW_TEXT_LONG_MAX, N_("the statement") },
    { draft->grade_reason, CW_TEXT_LONG_MAX, N_("the reason for the grade") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (cw_grade_is_nonconformity (draft->grade))
    {
      const char *missing = cw_text_is_blank (draft->requirement) ? _("the requirement")
                            : cw_text_is_blank (draft->evidence)  ? _("the evidence")
                            : cw_text_is_blank (draft->statement) ? _("the statement")
                                                          : NULL;
      if (missing != NULL)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                       draft->grade == CW_GRADE_MAJOR
                         ? _("A major nonconformity needs all three parts of its statement: "
                             "requirement, evidence and statement; %s is missing")
                         : _("A minor nonconformity needs all three parts of its statement: "
                             "requirement, evidence and statement; %s is missing"),
                       missing);
          return FALSE;
        }
    }
  else if (cw_text_is_blank (draft->evidence) && cw_text_is_blank (draft->statement))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("An observation or opportunity for improvement needs at least the "
                     "evidence seen or a statement of what could be better"));
      return FALSE;
    }
  return TRUE;
}

/* The clause a finding is raised on, from its question when it has one;
 * the audit must accept it, and (when `check_grade`: a new finding, or a
 * new grade) the question's answer must be the finding's grade. */
static char *
check_place (CwWorkspace *self, const CwFindingDraft *draft, gboolean check_grade,
             GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  const char *clause = draft->clause;
  if (draft->question != NULL)
    {
      CwQuestion *question = cw_catalogue_lookup_question (catalogue, draft->question);
      if (question == NULL)
        {
          cw_set_invalid (error, _("There is no question “%s”; “clausewise-cli catalogue "
                                   "--questions” lists them"),
                          draft->question);
          return NULL;
        }
      const char *of = cw_clause_get_number (cw_question_get_clause (question));
      if (clause != NULL && g_strcmp0 (clause, of) != 0)
        {
          cw_set_invalid (error, _("Question %s belongs to clause %s, not %s"), draft->question,
                          of, clause);
          return NULL;
        }
      clause = of;
    }
  if (cw_catalogue_lookup_clause (catalogue, clause) == NULL)
    {
      cw_set_invalid (error, _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                      clause ? clause : "");
      return NULL;
    }
  if (!cw_workspace_audit_accepts (self, draft->audit_id, clause, error))
    return NULL;
  if (draft->question != NULL && check_grade)
    {
      CwStmt *stmt = cw_workspace_prepare (
        self, "SELECT result FROM answer WHERE audit = ? AND question = ?", error);
      if (stmt == NULL)
        return NULL;
      cw_stmt_bind_int64 (stmt, 1, draft->audit_id);
      cw_stmt_bind_text (stmt, 2, draft->question);
      g_autofree char *token = NULL;
      if (!cw_stmt_first_text (stmt, &token, error))
        return NULL;
      CwResult answer = CW_RESULT_NOT_ASSESSED;
      if (token != NULL)
        cw_result_from_string (token, &answer);
      if (answer != cw_grade_to_result (draft->grade))
        {
          cw_set_invalid (error, _("Question %s is answered “%s”; a finding on it must agree "
                                   "with the answer: answer it “%s” first, or choose the "
                                   "grade that matches"),
                          draft->question, cw_result_label (answer),
                          cw_result_label (cw_grade_to_result (draft->grade)));
          return NULL;
        }
    }
  return g_strdup (clause);
}

/* The day the finding was observed: within the audit's dates (from its
 * planned start or opening meeting, to its closing meeting) and not after
 * today. */
static char *
check_raised_on (CwWorkspace *self, const CwFindingDraft *draft, GError **error)
{
  GDate today, raised;
  cw_date_local_today (&today);
  if (draft->raised_on == NULL)
    raised = today;
  else if (!cw_date_parse (draft->raised_on, &raised, error))
    {
      g_prefix_error (error, _("The day the finding was observed: "));
      return NULL;
    }
  g_autofree char *day = cw_date_to_string (&raised);
  if (g_date_compare (&raised, &today) > 0)
    {
      cw_set_invalid (error, _("A finding cannot be observed in the future (%s)"), day);
      return NULL;
    }
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, draft->audit_id, error);
  if (audit == NULL)
    return NULL;
  const char *starts[] = { cw_audit_get_planned_start (audit), cw_audit_get_opening_on (audit) };
  const char *start = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (starts[i] != NULL && (start == NULL || g_strcmp0 (starts[i], start) < 0))
      start = starts[i];
  const char *end = cw_audit_get_closing_on (audit);
  if ((start != NULL && g_strcmp0 (day, start) < 0) || (end != NULL && g_strcmp0 (day, end) > 0))
    {
      cw_set_invalid (error, _("Audit %" PRId64 " ran from %s to %s; give the day within it "
                               "when the finding was observed, not %s"),
                      draft->audit_id, start ? start : "…", end ? end : _("today"), day);
      return NULL;
    }
  return g_steal_pointer (&day);
}

/* The finding's number: the next of its series in the audit, never one a
 * deleted finding had. */
static gint64
next_number (CwWorkspace *self, gint64 audit_id, CwGrade grade, GError **error)
{
  const char *sql = cw_grade_is_nonconformity (grade)
                      ? "UPDATE audit SET last_nc = last_nc + 1 WHERE id = ? RETURNING last_nc"
                    : grade == CW_GRADE_OBSERVATION
                      ? "UPDATE audit SET last_observation = last_observation + 1 WHERE id = ?"
                        " RETURNING last_observation"
                      : "UPDATE audit SET last_ofi = last_ofi + 1 WHERE id = ? RETURNING last_ofi";
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  if (!cw_stmt_expect_row (stmt, error))
    return 0;
  gint64 number = cw_stmt_int64 (stmt, 0);
  cw_stmt_reset (stmt);
  cw_workspace_touch (self, "audit", audit_id);
  return number;
}

/* A new finding's id is never one a deleted finding had, even the last one
 * (which SQLite would give again): scripts and the history name findings
 * by id. The history remembers every id ever given, through its index. */
#define NEXT_FINDING_ID                                                                            \
  "(SELECT max (coalesce ((SELECT max (id) FROM finding), 0),"                                     \
  " coalesce ((SELECT max (entity_id) FROM history WHERE entity = 'finding'), 0)) + 1)"

static gint64
insert_finding (CwWorkspace *self, const CwFindingDraft *draft, const char *clause,
                const char *raised_on, GError **error)
{
  gint64 number = next_number (self, draft->audit_id, draft->grade, error);
  if (number == 0)
    return 0;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO finding (id, audit, clause, grade, requirement, evidence, statement, created_at,"
    " uuid, question, number, raised_on, grade_reason) VALUES (" NEXT_FINDING_ID ","
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *now = cw_timestamp_now ();
  cw_stmt_bind_int64 (stmt, 1, draft->audit_id);
  cw_stmt_bind_text (stmt, 2, clause);
  cw_stmt_bind_text (stmt, 3, cw_grade_to_string (draft->grade));
  g_autofree char *requirement = cw_text_trimmed (draft->requirement);
  g_autofree char *evidence = cw_text_trimmed (draft->evidence);
  g_autofree char *statement = cw_text_trimmed (draft->statement);
  g_autofree char *grade_reason = cw_text_trimmed (draft->grade_reason);
  cw_stmt_bind_text (stmt, 4, requirement);
  cw_stmt_bind_text (stmt, 5, evidence);
  cw_stmt_bind_text (stmt, 6, statement);
  cw_stmt_bind_text (stmt, 7, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 8, uuid);
  if (draft->question != NULL)
    cw_stmt_bind_text (stmt, 9, draft->question);
  else
    cw_stmt_bind_null (stmt, 9);
  cw_stmt_bind_int64 (stmt, 10, number);
  cw_stmt_bind_text (stmt, 11, raised_on);
  cw_stmt_bind_text (stmt, 12, grade_reason);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  const char *searchable[] = { clause, requirement, evidence, statement, NULL };
  if (!cw_search_index_put (self, CW_SEARCH_FINDING, id, searchable, error))
    return 0;
  g_autofree char *label = cw_finding_format_label (draft->grade, number);
  const char *fields[] = { clause, cw_grade_to_string (draft->grade), requirement, evidence,
                           statement, label, raised_on, draft->question ? draft->question : "",
                           grade_reason };
  g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
  return cw_workspace_record (self, "finding", id, "created", NULL, content, error) ? id : 0;
}

/* Returns the new finding's id, or 0 with `error` set. */
gint64
cw_workspace_create_finding (CwWorkspace *self, const CwFindingDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!cw_finding_draft_check (draft, error))
    return 0;
  g_autofree char *clause = check_place (self, draft, TRUE, error);
  g_autofree char *raised_on = clause ? check_raised_on (self, draft, error) : NULL;
  if (raised_on == NULL || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_finding (self, draft, clause, raised_on, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

#define FINDING_COLUMNS                                                                            \
  "id, audit, clause, grade, requirement, evidence, statement, status, created_at, question,"     \
  " number, raised_on, grade_reason, followed_up_in, follow_up_note, rev"

/* The texts of a finding share one allocation: listing 100,000 findings
 * then makes 200,000 allocations instead of 600,000, which keeps the
 * allocator quick when they are freed again. */
static CwFinding *
finding_from_row (CwStmt *row)
{
  static const int columns[] = { 2, 4, 5, 6, 8, 9, 11, 12, 14 };
  const char *texts[G_N_ELEMENTS (columns)];
  gsize lengths[G_N_ELEMENTS (columns)];
  gsize total = 0;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      texts[i] = cw_stmt_text (row, columns[i]);
      lengths[i] = texts[i] ? strlen (texts[i]) : 0;
      total += lengths[i] + 1;
    }
  CwFinding *self = g_object_new (CW_TYPE_FINDING, NULL);
  self->texts = g_malloc (total);
  char **fields[] = { &self->clause,     &self->requirement, &self->evidence,
                      &self->statement,  &self->created_at,  &self->question,
                      &self->raised_on,  &self->grade_reason, &self->follow_up_note };
  char *next = self->texts;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      *fields[i] = memcpy (next, texts[i] ? texts[i] : "", lengths[i]);
      next[lengths[i]] = '\0';
      next += lengths[i] + 1;
    }
  self->id = cw_stmt_int64 (row, 0);
  self->audit_id = cw_stmt_int64 (row, 1);
  cw_grade_from_string (cw_stmt_text (row, 3), &self->grade);
  cw_finding_status_from_string (cw_stmt_text (row, 7), &self->status);
  if (cw_stmt_is_null (row, 9))
    self->question = NULL;
  self->number = cw_stmt_int64 (row, 10);
  self->followed_up_in = cw_stmt_int64 (row, 13);
  self->rev = cw_stmt_int64 (row, 15);
  return self;
}

CwFinding *
cw_workspace_get_finding (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " FINDING_COLUMNS " FROM finding WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  int rc = cw_stmt_step (stmt, error);
  CwFinding *finding = rc == CW_STEP_ROW ? finding_from_row (stmt) : NULL;
  if (rc == CW_STEP_DONE)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no finding %" PRId64 " in this workspace"), id);
  cw_stmt_reset (stmt);
  return finding;
}

static GPtrArray *
collect_findings (CwWorkspace *self, CwStmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (findings, finding_from_row (stmt));
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&findings);
}

/* Calls `func` with each finding of an audit (all audits when 0), oldest
 * first, without holding them all: a listing of 100,000 findings runs in
 * the memory of one. `func` may keep a reference; it must not edit the
 * workspace while the walk goes on. */
gboolean
cw_workspace_foreach_finding (CwWorkspace *self, gint64 audit_id, CwFindingFunc func,
                              gpointer user_data, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Two statements rather than "?1 = 0 OR audit = ?1", which would keep
   * SQLite from using the audit index. */
  CwStmt *stmt
    = audit_id == 0
        ? cw_workspace_prepare (self, "SELECT " FINDING_COLUMNS " FROM finding ORDER BY id", error)
        : cw_workspace_prepare (
            self, "SELECT " FINDING_COLUMNS " FROM finding WHERE audit = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  if (audit_id != 0)
    cw_stmt_bind_int64 (stmt, 1, audit_id);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_autoptr (CwFinding) finding = finding_from_row (stmt);
      func (finding, user_data);
    }
  return rc == CW_STEP_DONE;
}

static void
add_finding (CwFinding *finding, gpointer findings)
{
  g_ptr_array_add (findings, g_object_ref (finding));
}

/* The findings of one audit, or of all audits when `audit_id` is 0, in the
 * order they were raised. */
GPtrArray *
cw_workspace_list_findings (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  if (!cw_workspace_foreach_finding (self, audit_id, add_finding, findings, error))
    return NULL;
  return g_steal_pointer (&findings);
}

/* The findings an audit raised against one clause: what the checklist shows
 * under each question, read through the (audit, clause) index rather than
 * by listing the whole audit. */
GPtrArray *
cw_workspace_list_clause_findings (CwWorkspace *self, gint64 audit_id, const char *clause,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (clause != NULL, NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " FINDING_COLUMNS " FROM finding WHERE audit = ? AND clause = ? ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  cw_stmt_bind_text (stmt, 2, clause);
  return collect_findings (self, stmt, error);
}

/* Every finding's id, newest first: what a list of 100,000 findings keeps in
 * memory (8 bytes a row), making each row's object only when it is shown. */
GArray *
cw_workspace_list_finding_ids (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  return cw_workspace_query_ids (self, "SELECT id FROM finding ORDER BY id DESC", error);
}

/* ---- Correcting and deleting ------------------------------------------- */

/* Major and minor share the NC series; observations and OFIs have their own. */
static gboolean
same_series (CwGrade a, CwGrade b)
{
  return cw_grade_is_nonconformity (a) ? cw_grade_is_nonconformity (b) : a == b;
}

/* The corrective action raised for a finding; 0 in *action_id when none. */
static gboolean
find_action (CwWorkspace *self, gint64 finding_id, gint64 *action_id, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, "SELECT id FROM action WHERE finding = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, finding_id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  *action_id = found ? cw_stmt_int64 (stmt, 0) : 0;
  cw_stmt_reset (stmt);
  return TRUE;
}

static void
set_changed_meanwhile (CwFinding *finding, GError **error)
{
  g_autofree char *label = cw_finding_dup_label (finding);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
               _("Finding %s was changed meanwhile, in another window or by another program; "
                 "nothing was saved. Open it again to see the change, then repeat yours"),
               label);
}

/* A text of the changes, trimmed as stored, or the finding's own. */
static char *
changed_text (const char *change, const char *stored)
{
  return change != NULL ? cw_text_trimmed (change) : g_strdup (stored);
}

static gboolean
store_finding (CwWorkspace *self, CwFinding *old, const CwFindingDraft *new, gint64 rev,
               GError **error)
{
  gint64 number = old->number;
  if (!same_series (old->grade, new->grade)
      && (number = next_number (self, old->audit_id, new->grade, error)) == 0)
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE finding SET requirement = ?, evidence = ?, statement = ?, grade = ?,"
    " grade_reason = ?, raised_on = ?, number = ?, rev = rev + 1 WHERE id = ? AND rev = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  const char *grade = cw_grade_to_string (new->grade);
  cw_stmt_bind_text (stmt, 1, new->requirement);
  cw_stmt_bind_text (stmt, 2, new->evidence);
  cw_stmt_bind_text (stmt, 3, new->statement);
  cw_stmt_bind_text (stmt, 4, grade);
  cw_stmt_bind_text (stmt, 5, new->grade_reason);
  cw_stmt_bind_text (stmt, 6, new->raised_on);
  cw_stmt_bind_int64 (stmt, 7, number);
  cw_stmt_bind_int64 (stmt, 8, old->id);
  cw_stmt_bind_int64 (stmt, 9, rev);
  if (!cw_workspace_run_update (self, stmt, "finding", old->id, error))
    return FALSE;

  g_autofree char *old_label = cw_finding_dup_label (old);
  g_autofree char *new_label = cw_finding_format_label (new->grade, number);
  static const char *const fields[]
    = { "requirement", "evidence", "statement", "grade", "grade_reason", "raised_on", "label" };
  const char *before[] = { old->requirement,  old->evidence,  old->statement, cw_grade_to_string (old->grade),
                           old->grade_reason, old->raised_on, old_label };
  const char *after[] = { new->requirement,  new->evidence,  new->statement, grade,
                          new->grade_reason, new->raised_on, new_label };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!cw_workspace_record_change (self, "finding", old->id, fields[i], before[i], after[i],
                                     error))
      return FALSE;
  const char *searchable[]
    = { old->clause, new->requirement, new->evidence, new->statement, NULL };
  return cw_search_index_put (self, CW_SEARCH_FINDING, old->id, searchable, error);
}

/* Corrects a finding while its audit accepts changes. The rules of a new
 * finding hold for the result: what its grade needs it to say, the day
 * within the audit, and a grade that agrees with its question's answer. A
 * grade of another series takes that series' next number; the old number
 * stays retired. Nothing is written when nothing changes. */
gboolean
cw_workspace_update_finding (CwWorkspace *self, gint64 id, const CwFindingChanges *changes,
                             GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  const CwTextField fields[] = {
    { changes->raised_on, CW_TEXT_SHORT_MAX, N_("the day the finding was observed") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  g_autoptr (CwFinding) old = cw_workspace_get_finding (self, id, error);
  if (old == NULL)
    return FALSE;
  if (changes->rev != 0 && changes->rev != old->rev)
    {
      set_changed_meanwhile (old, error);
      return FALSE;
    }
  g_autofree char *requirement = changed_text (changes->requirement, old->requirement);
  g_autofree char *evidence = changed_text (changes->evidence, old->evidence);
  g_autofree char *statement = changed_text (changes->statement, old->statement);
  g_autofree char *grade_reason = changed_text (changes->grade_reason, old->grade_reason);
  g_autofree char *raised_text = changed_text (changes->raised_on, old->raised_on);
  CwFindingDraft new = {
    .audit_id = old->audit_id,
    .clause = old->clause,
    .grade = changes->grade ? *changes->grade : old->grade,
    .requirement = requirement,
    .evidence = evidence,
    .statement = statement,
    .question = old->question,
    .raised_on = raised_text,
    .grade_reason = grade_reason,
  };
  gboolean regraded = new.grade != old->grade;
  if (!regraded && g_str_equal (requirement, old->requirement)
      && g_str_equal (evidence, old->evidence) && g_str_equal (statement, old->statement)
      && g_str_equal (grade_reason, old->grade_reason)
      && g_str_equal (raised_text, old->raised_on))
    return cw_workspace_audit_accepts (self, old->audit_id, old->clause, error);

  if (!cw_finding_draft_check (&new, error))
    return FALSE;
  g_autofree char *clause = check_place (self, &new, regraded, error);
  if (clause == NULL)
    return FALSE;
  g_autofree char *raised_on = NULL;
  if (!g_str_equal (raised_text, old->raised_on))
    {
      if ((raised_on = check_raised_on (self, &new, error)) == NULL)
        return FALSE;
      new.raised_on = raised_on;
    }
  if (cw_grade_is_nonconformity (new.grade) != cw_grade_is_nonconformity (old->grade))
    {
      /* A nonconformity's action is corrective, anything else's an
       * improvement: the action would no longer fit its finding. */
      gint64 action_id;
      if (!find_action (self, id, &action_id, error))
        return FALSE;
      if (action_id != 0)
        {
          g_autofree char *label = cw_finding_dup_label (old);
          cw_set_invalid (error, _("Finding %s has action %" PRId64 ", which was raised for a "
                                   "%s; a finding graded %s needs another kind of action. Delete "
                                   "or detach action %" PRId64 " first, or keep the grade"),
                          label, action_id, cw_grade_label (old->grade),
                          cw_grade_label (new.grade), action_id);
          return FALSE;
        }
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, store_finding (self, old, &new, old->rev, error), error);
}

static gboolean
check_deletable (CwWorkspace *self, CwFinding *finding, GError **error)
{
  if (!cw_workspace_audit_accepts (self, finding->audit_id, finding->clause, error))
    return FALSE;
  gint64 action_id;
  if (!find_action (self, finding->id, &action_id, error))
    return FALSE;
  if (action_id != 0)
    {
      g_autofree char *label = cw_finding_dup_label (finding);
      cw_set_invalid (error, _("Finding %s has corrective action %" PRId64 ", which would be left "
                               "without its reason; delete or detach action %" PRId64 " first"),
                      label, action_id, action_id);
      return FALSE;
    }
  return TRUE;
}

/* Whether cw_workspace_delete_finding would delete the finding, and if not,
 * why not: what the window asks before it offers Delete. */
gboolean
cw_workspace_can_delete_finding (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_autoptr (CwFinding) finding = cw_workspace_get_finding (self, id, error);
  return finding != NULL && check_deletable (self, finding, error);
}

static gboolean
drop_finding (CwWorkspace *self, CwFinding *finding, GError **error)
{
  /* Evidence that supported it stays, no longer tied to it (the schema sets
   * its finding to NULL): those records change too. */
  CwStmt *list = cw_workspace_prepare (self, "SELECT id FROM evidence WHERE finding = ?", error);
  if (list == NULL)
    return FALSE;
  cw_stmt_bind_int64 (list, 1, finding->id);
  CwStep rc;
  while ((rc = cw_stmt_step (list, error)) == CW_STEP_ROW)
    cw_workspace_touch (self, "evidence", cw_stmt_int64 (list, 0));
  if (rc != CW_STEP_DONE)
    return FALSE;
  const char *nothing[] = { NULL };
  if (!cw_search_index_put (self, CW_SEARCH_FINDING, finding->id, nothing, error))
    return FALSE;
  CwStmt *drop
    = cw_workspace_prepare (self, "DELETE FROM finding WHERE id = ? AND rev = ?", error);
  if (drop == NULL)
    return FALSE;
  cw_stmt_bind_int64 (drop, 1, finding->id);
  cw_stmt_bind_int64 (drop, 2, finding->rev);
  g_autofree char *label = cw_finding_dup_label (finding);
  return cw_workspace_run_update (self, drop, "finding", finding->id, error)
         && cw_workspace_record (self, "finding", finding->id, "deleted", label, NULL, error);
}

/* Deletes a finding while its audit accepts changes and no corrective
 * action answers it. Its number is not given again (the audit's counter
 * keeps it), and the history keeps all it said. */
gboolean
cw_workspace_delete_finding (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwFinding) finding = cw_workspace_get_finding (self, id, error);
  if (finding == NULL || !check_deletable (self, finding, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, drop_finding (self, finding, error), error);
}
