/* cw-programme.c: the internal audit programme and its coverage of the
 * clauses (9.2): when each was last audited, when it is due again, and
 * whether an audit is planned for it.
 */
#define G_LOG_DOMAIN "cw-programme"

#include "config.h"

#include <string.h>

#include "cw-i18n.h"

#include "cw-audit.h"
#include "cw-catalogue.h"
#include "cw-date.h"
#include "cw-programme.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

static const char *const importance_tokens[] = { "low", "normal", "high" };

const char *
cw_importance_to_string (CwImportance importance)
{
  g_return_val_if_fail (importance <= CW_IMPORTANCE_HIGH, NULL);
  return importance_tokens[importance];
}

gboolean
cw_importance_from_string (const char *token, CwImportance *importance)
{
  for (guint i = 0; i < G_N_ELEMENTS (importance_tokens); i++)
    if (g_strcmp0 (token, importance_tokens[i]) == 0)
      {
        *importance = (CwImportance) i;
        return TRUE;
      }
  return FALSE;
}

static const struct
{
  const char *token;
  const char *label;
} coverages[] = {
  [CW_COVERAGE_COVERED] = { "covered", N_("Covered") },
  [CW_COVERAGE_PLANNED] = { "planned", N_("Planned") },
  [CW_COVERAGE_DUE_SOON] = { "due-soon", N_("Due soon") },
  [CW_COVERAGE_NEVER] = { "never-audited", N_("Not audited in this cycle") },
  [CW_COVERAGE_OVERDUE] = { "overdue", N_("Overdue") },
};

const char *
cw_coverage_to_string (CwCoverage coverage)
{
  g_return_val_if_fail (coverage <= CW_COVERAGE_OVERDUE, NULL);
  return coverages[coverage].token;
}

const char *
cw_coverage_label (CwCoverage coverage)
{
  g_return_val_if_fail (coverage <= CW_COVERAGE_OVERDUE, NULL);
  return _(coverages[coverage].label);
}

void
cw_programme_free (CwProgramme *programme)
{
  g_free (programme->starts_on);
  g_free (programme);
}

guint
cw_programme_n_quarters (const CwProgramme *programme)
{
  return programme->years * 4;
}

/* The quarter of the cycle `day` falls in (0 for the first three months from
 * the start), or -1 when it is outside the cycle or not a date. */
int
cw_programme_quarter_of (const CwProgramme *programme, const char *day)
{
  GDate start, date;
  if (day == NULL || !cw_date_parse (programme->starts_on, &start, NULL)
      || !cw_date_parse (day, &date, NULL) || g_date_compare (&date, &start) < 0)
    return -1;
  int months = (g_date_get_year (&date) - g_date_get_year (&start)) * 12
               + (int) g_date_get_month (&date) - (int) g_date_get_month (&start);
  int quarter = months / 3;
  return quarter < (int) cw_programme_n_quarters (programme) ? quarter : -1;
}

/* The month and year quarter `q` of the cycle begins: "04/2026". */
char *
cw_programme_quarter_name (const CwProgramme *programme, guint q)
{
  GDate first;
  if (!cw_date_parse (programme->starts_on, &first, NULL))
    return g_strdup ("?");
  g_date_add_months (&first, q * 3);
  return g_strdup_printf ("%02u/%u", g_date_get_month (&first), g_date_get_year (&first));
}

static void
visit_clear (CwCoverageVisit *visit)
{
  g_free (visit->day);
}

void
cw_coverage_row_free (CwCoverageRow *row)
{
  g_free (row->clause);
  g_array_unref (row->visits);
  g_free (row->last_audited);
  g_free (row->next_due);
  g_free (row->planned_on);
  g_free (row);
}

/* Starts the programme's cycle, or moves the cycle of the one there is. */
gboolean
cw_workspace_start_programme (CwWorkspace *self, const char *starts_on, guint years,
                              GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  if (!cw_date_check (starts_on, error))
    {
      g_prefix_error (error, _("The start of the programme's cycle: "));
      return FALSE;
    }
  if (years < 1 || years > 5)
    {
      cw_set_invalid (error, _("A programme's cycle lasts from one to five years (three is "
                               "usual, the length of a certificate), not %u"),
                      years);
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  g_autofree char *now = cw_timestamp_now ();
  g_autofree char *uuid = cw_record_new_uuid ();
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO programme (id, uuid, starts_on, years, created_at) VALUES (1, ?1, ?2, ?3, ?4)"
    " ON CONFLICT (id) DO UPDATE SET starts_on = ?2, years = ?3, rev = rev + 1",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, uuid);
      cw_stmt_bind_text (stmt, 2, starts_on);
      cw_stmt_bind_int64 (stmt, 3, years);
      cw_stmt_bind_text (stmt, 4, now);
      g_autofree char *cycle = g_strdup_printf (_("%s, %u years"), starts_on, years);
      ok = cw_stmt_run (stmt, error)
           && cw_workspace_record (self, "programme", 1, "cycle", NULL, cycle, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* The programme, or NULL with NOT_FOUND when none was started. */
CwProgramme *
cw_workspace_get_programme (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT starts_on, years, high_months, normal_months FROM programme WHERE id = 1",
    error);
  if (stmt == NULL)
    return NULL;
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("This workspace has no audit programme yet; start one with "
                     "“clausewise-cli programme start”"));
      return NULL;
    }
  CwProgramme *programme = g_new0 (CwProgramme, 1);
  programme->starts_on = cw_stmt_dup_text (stmt, 0);
  programme->years = (guint) cw_stmt_int64 (stmt, 1);
  programme->high_months = (guint) cw_stmt_int64 (stmt, 2);
  programme->normal_months = (guint) cw_stmt_int64 (stmt, 3);
  cw_stmt_reset (stmt);
  return programme;
}

/* Sets how important a clause (and, unless they have their own, its
 * sub-clauses) is to the programme. */
gboolean
cw_workspace_set_importance (CwWorkspace *self, const char *clause, CwImportance importance,
                             GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (self, error);
  CwCatalogue *catalogue = programme ? cw_workspace_load_catalogue (self, error) : NULL;
  if (catalogue == NULL)
    return FALSE;
  if (cw_catalogue_lookup_clause (catalogue, clause) == NULL)
    {
      cw_set_invalid (error, _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                      clause);
      return FALSE;
    }
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    importance == CW_IMPORTANCE_NORMAL
      ? "DELETE FROM clause_importance WHERE clause = ?1"
      : "INSERT INTO clause_importance (clause, importance) VALUES (?1, ?2)"
        " ON CONFLICT (clause) DO UPDATE SET importance = ?2",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, clause);
      if (importance != CW_IMPORTANCE_NORMAL)
        cw_stmt_bind_text (stmt, 2, cw_importance_to_string (importance));
      CwStmt *bump = cw_workspace_prepare (
        self, "UPDATE programme SET rev = rev + 1 WHERE id = 1", error);
      g_autofree char *change
        = g_strdup_printf ("%s: %s", clause, cw_importance_to_string (importance));
      ok = cw_stmt_run (stmt, error) && bump != NULL
           && cw_workspace_run_update (self, bump, "programme", 1, error)
           && cw_workspace_record (self, "programme", 1, "importance", NULL, change, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* ---- Coverage ----------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gboolean issued;   /* reported or closed: a record of the clause audited */
  char *audited_on;  /* when issued: the closing meeting, or the planned end */
  char *planned_on;  /* when not: the planned start */
  GPtrArray *scope;
} ProgrammeAudit;

static void
programme_audit_free (ProgrammeAudit *audit)
{
  g_free (audit->audited_on);
  g_free (audit->planned_on);
  g_ptr_array_unref (audit->scope);
  g_free (audit);
}

static GPtrArray *
load_audits (CwWorkspace *self, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.id, a.status IN ('reported', 'closed'),"
    " coalesce (a.closing_on, a.planned_end, (SELECT min (issued_on) FROM audit_issue i"
    "  WHERE i.audit = a.id), substr (a.created_at, 1, 10)),"
    " coalesce (a.planned_start, a.planned_end), s.clause"
    " FROM audit a JOIN audit_scope s ON s.audit = a.id ORDER BY a.id",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) audits
    = g_ptr_array_new_with_free_func ((GDestroyNotify) programme_audit_free);
  ProgrammeAudit *last = NULL;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      if (last == NULL || last->id != cw_stmt_int64 (stmt, 0))
        {
          last = g_new0 (ProgrammeAudit, 1);
          last->id = cw_stmt_int64 (stmt, 0);
          last->issued = cw_stmt_int64 (stmt, 1) != 0;
          last->audited_on = cw_stmt_dup_text (stmt, 2);
          last->planned_on = cw_stmt_dup_text (stmt, 3);
          last->scope = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (audits, last);
        }
      g_ptr_array_add (last->scope, cw_stmt_dup_text (stmt, 4));
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&audits);
}

static gboolean
audit_covers (ProgrammeAudit *audit, const char *clause)
{
  for (guint i = 0; i < audit->scope->len; i++)
    if (cw_clause_number_covers (g_ptr_array_index (audit->scope, i), clause))
      return TRUE;
  return FALSE;
}

/* The findings of each audit on each clause, by grade, in one grouped pass
 * over the findings index: audit id → GPtrArray of GradeEntry. */
typedef struct
{
  char *clause;
  guint counts[CW_GRADE_MAJOR + 1];
} GradeEntry;

static void
grade_entry_free (GradeEntry *entry)
{
  g_free (entry->clause);
  g_free (entry);
}

static GHashTable *
load_grades (CwWorkspace *self, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT audit, clause, grade, count(*) FROM finding GROUP BY audit, clause, grade",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GHashTable) grades = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 audit = cw_stmt_int64 (stmt, 0);
      GPtrArray *entries = g_hash_table_lookup (grades, &audit);
      if (entries == NULL)
        {
          entries = g_ptr_array_new_with_free_func ((GDestroyNotify) grade_entry_free);
          g_hash_table_insert (grades, g_memdup2 (&audit, sizeof audit), entries);
        }
      const char *clause = cw_stmt_text (stmt, 1);
      GradeEntry *entry = entries->len ? g_ptr_array_index (entries, entries->len - 1) : NULL;
      if (entry == NULL || g_strcmp0 (entry->clause, clause) != 0)
        {
          entry = g_new0 (GradeEntry, 1);
          entry->clause = g_strdup (clause);
          g_ptr_array_add (entries, entry);
        }
      CwGrade grade;
      if (cw_grade_from_string (cw_stmt_text (stmt, 2), &grade))
        entry->counts[grade] += (guint) cw_stmt_int64 (stmt, 3);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&grades);
}

static GHashTable *
load_importance (CwWorkspace *self, GError **error)
{
  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT clause, importance FROM clause_importance", error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GHashTable) importance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwImportance value = CW_IMPORTANCE_NORMAL;
      cw_importance_from_string (cw_stmt_text (stmt, 1), &value);
      g_hash_table_insert (importance, cw_stmt_dup_text (stmt, 0), GINT_TO_POINTER (value));
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&importance);
}

/* A clause's importance is its own, or its nearest parent's, or normal. */
static CwImportance
importance_of (GHashTable *importance, CwClause *clause)
{
  for (CwClause *c = clause; c != NULL; c = cw_clause_get_parent (c))
    {
      gpointer value;
      if (g_hash_table_lookup_extended (importance, cw_clause_get_number (c), NULL, &value))
        return (CwImportance) GPOINTER_TO_INT (value);
    }
  return CW_IMPORTANCE_NORMAL;
}

/* The findings `grades` holds for the audit on the clause and below it. */
static void
sum_grades (GHashTable *grades, gint64 audit, const char *clause, guint *sum)
{
  GPtrArray *entries = g_hash_table_lookup (grades, &audit);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GradeEntry *entry = g_ptr_array_index (entries, i);
      if (cw_clause_number_covers (clause, entry->clause))
        for (guint g = 0; g <= CW_GRADE_MAJOR; g++)
          sum[g] += entry->counts[g];
    }
}

static CwResult
worst_of (const guint *sum)
{
  CwResult worst = CW_RESULT_CONFORMING;
  for (CwGrade g = CW_GRADE_OFI; g <= CW_GRADE_MAJOR; g++)
    if (sum[g] > 0)
      worst = cw_grade_to_result (g);
  return worst;
}

static char *
add_months (const char *day, guint months)
{
  GDate date;
  if (!cw_date_parse (day, &date, NULL))
    return NULL;
  g_date_add_months (&date, months);
  return cw_date_to_string (&date);
}

static CwCoverageRow *
cover_clause (CwProgramme *programme, CwClause *clause, CwImportance importance,
              GPtrArray *audits, GHashTable *grades, const char *cycle_end, const char *today,
              const char *soon)
{
  CwCoverageRow *row = g_new0 (CwCoverageRow, 1);
  const char *number = cw_clause_get_number (clause);
  row->clause = g_strdup (number);
  row->importance = importance;
  row->worst = CW_RESULT_NOT_ASSESSED;
  row->visits = g_array_new (FALSE, TRUE, sizeof (CwCoverageVisit));
  g_array_set_clear_func (row->visits, (GDestroyNotify) visit_clear);
  ProgrammeAudit *last = NULL, *planned = NULL;
  for (guint i = 0; i < audits->len; i++)
    {
      ProgrammeAudit *audit = g_ptr_array_index (audits, i);
      if (!audit_covers (audit, number))
        continue;
      CwCoverageVisit visit = { audit->id,
                                g_strdup (audit->issued ? audit->audited_on : audit->planned_on),
                                audit->issued, CW_RESULT_NOT_ASSESSED };
      if (audit->issued)
        {
          guint sum[CW_GRADE_MAJOR + 1] = { 0 };
          sum_grades (grades, audit->id, number, sum);
          visit.worst = worst_of (sum);
        }
      g_array_append_val (row->visits, visit);
      if (audit->issued && (last == NULL || g_strcmp0 (audit->audited_on, last->audited_on) > 0))
        last = audit;
      else if (!audit->issued
               && (planned == NULL || g_strcmp0 (audit->planned_on, planned->planned_on) < 0))
        planned = audit;
    }

  guint months = importance == CW_IMPORTANCE_HIGH     ? programme->high_months
                 : importance == CW_IMPORTANCE_NORMAL ? programme->normal_months
                                                      : programme->years * 12;
  if (last != NULL)
    {
      guint sum[CW_GRADE_MAJOR + 1] = { 0 };
      sum_grades (grades, last->id, number, sum);
      row->last_audit = last->id;
      row->last_audited = g_strdup (last->audited_on);
      row->worst = worst_of (sum);
      /* A major, or minors adding up, bring the next audit forward. */
      if (sum[CW_GRADE_MAJOR] > 0 || sum[CW_GRADE_MINOR] >= 2)
        months = MIN (months, CW_PROGRAMME_RECHECK_MONTHS);
      row->next_due = add_months (last->audited_on, months);
    }
  else
    row->next_due = importance == CW_IMPORTANCE_LOW ? g_strdup (cycle_end)
                                                    : add_months (programme->starts_on, months);
  if (row->next_due == NULL)
    row->next_due = g_strdup (cycle_end);
  if (planned != NULL)
    {
      row->planned_audit = planned->id;
      row->planned_on = g_strdup (planned->planned_on);
    }

  gboolean in_cycle = last != NULL && g_strcmp0 (last->audited_on, programme->starts_on) >= 0;
  gboolean planned_in_time
    = planned != NULL && (planned->planned_on == NULL
                          || g_strcmp0 (planned->planned_on, row->next_due) <= 0);
  if (g_strcmp0 (row->next_due, today) < 0)
    row->coverage = CW_COVERAGE_OVERDUE;
  else if ((g_strcmp0 (row->next_due, soon) <= 0 || !in_cycle) && planned_in_time)
    row->coverage = CW_COVERAGE_PLANNED;
  else if (g_strcmp0 (row->next_due, soon) <= 0)
    row->coverage = CW_COVERAGE_DUE_SOON;
  else if (!in_cycle)
    row->coverage = CW_COVERAGE_NEVER;
  else
    row->coverage = CW_COVERAGE_COVERED;
  return row;
}

/* The coverage on `today`. `looking_back`: `today` is a day gone by (a
 * review's period end), so an audit dated after it was not yet a record of
 * its clauses then, only a plan. */
static GPtrArray *
coverage_on (CwWorkspace *self, CwProgramme *programme, const GDate *today,
             gboolean looking_back, GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  g_autoptr (GPtrArray) audits = load_audits (self, error);
  g_autoptr (GHashTable) grades = audits ? load_grades (self, error) : NULL;
  g_autoptr (GHashTable) importance = grades ? load_importance (self, error) : NULL;
  if (importance == NULL)
    return NULL;
  g_autofree char *cycle_end = add_months (programme->starts_on, programme->years * 12);
  g_autofree char *day = cw_date_to_string (today);
  for (guint i = 0; looking_back && i < audits->len; i++)
    {
      ProgrammeAudit *audit = g_ptr_array_index (audits, i);
      if (audit->issued && g_strcmp0 (audit->audited_on, day) > 0)
        audit->issued = FALSE;
    }
  GDate soon_date = *today;
  g_date_add_days (&soon_date, CW_PROGRAMME_SOON_DAYS);
  g_autofree char *soon = cw_date_to_string (&soon_date);

  g_autoptr (GPtrArray) rows
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_coverage_row_free);
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (cw_clause_get_questions (clause)->len == 0)
        continue;
      g_ptr_array_add (rows, cover_clause (programme, clause, importance_of (importance, clause),
                                           audits, grades, cycle_end, day, soon));
    }
  return g_steal_pointer (&rows);
}

/* One row for each clause that has questions, in catalogue order: when it
 * was last audited and with what result, when it is due again, the audit
 * planned for it, and where it stands on `today`. */
GPtrArray *
cw_workspace_programme_coverage (CwWorkspace *self, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (self, error);
  return programme ? coverage_on (self, programme, today, FALSE, error) : NULL;
}

void
cw_programme_summary_free (CwProgrammeSummary *summary)
{
  g_free (summary->starts_on);
  g_ptr_array_unref (summary->overdue);
  g_free (summary);
}

/* How the programme stood at the end of `day`, a day gone by or today, as
 * a management review reports it: audits dated after `day` count as
 * planned, not done. NULL with NOT_FOUND when there is no programme. */
CwProgrammeSummary *
cw_workspace_programme_summary (CwWorkspace *self, const GDate *day, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (self, error);
  g_autoptr (GPtrArray) rows = programme ? coverage_on (self, programme, day, TRUE, error) : NULL;
  if (rows == NULL)
    return NULL;
  CwProgrammeSummary *summary = g_new0 (CwProgrammeSummary, 1);
  summary->starts_on = g_strdup (programme->starts_on);
  summary->years = programme->years;
  summary->n_clauses = rows->len;
  summary->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_coverage_row_free);
  for (guint i = 0; i < rows->len;)
    {
      CwCoverageRow *row = g_ptr_array_index (rows, i);
      summary->counts[row->coverage]++;
      if (row->coverage == CW_COVERAGE_OVERDUE)
        g_ptr_array_add (summary->overdue, g_ptr_array_steal_index (rows, i));
      else
        i++;
    }
  return summary;
}

/* Plans an audit of `clause` for the programme: an audit, not yet started,
 * whose scope is the clause, held from `start` to `end` (the same day when
 * NULL), both within the cycle, titled "Internal audit of CLAUSE" unless
 * `title` says otherwise. The audit's own rules (dates in order, the team's
 * independence) apply as to any audit. Returns its id, or 0. */
gint64
cw_workspace_plan_programme_audit (CwWorkspace *self, const char *clause, const char *start,
                                   const char *end, const char *title, const char *lead,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (clause != NULL && start != NULL, 0);

  g_autoptr (CwProgramme) programme = cw_workspace_get_programme (self, error);
  CwCatalogue *catalogue = programme ? cw_workspace_load_catalogue (self, error) : NULL;
  if (catalogue == NULL)
    return 0;
  if (cw_catalogue_lookup_clause (catalogue, clause) == NULL)
    {
      cw_set_invalid (error, _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                      clause);
      return 0;
    }
  end = end ? end : start;
  const char *days[] = { start, end };
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate day;
      if (!cw_date_parse (days[i], &day, error))
        return 0;
      if (cw_programme_quarter_of (programme, days[i]) < 0)
        {
          GDate last;
          cw_date_parse (programme->starts_on, &last, NULL);
          g_date_add_years (&last, programme->years);
          g_date_subtract_days (&last, 1);
          g_autofree char *until = cw_date_to_string (&last);
          cw_set_invalid (error,
                          _("%s is outside the programme's cycle (%s to %s); plan the audit "
                            "within it, or move the cycle with “programme start”"),
                          days[i], programme->starts_on, until);
          return 0;
        }
    }
  g_autofree char *default_title = g_strdup_printf (_("Internal audit of %s"), clause);
  const char *scope[] = { clause, NULL };
  CwAuditDraft draft = {
    .title = title && *title ? title : default_title,
    .scope = scope,
    .planned_start = start,
    .planned_end = end,
    .lead_auditor = lead,
  };
  return cw_workspace_create_audit (self, &draft, error);
}
