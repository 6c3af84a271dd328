/* cw-readiness.c: the criteria of certification readiness and their rules.
 *
 * Each criterion reads the few rows it needs with one aggregate query or
 * two, so that readiness stays quick on a workspace with 100,000 findings.
 */
#define G_LOG_DOMAIN "cw-readiness"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "cw-i18n.h"

#include "cw-catalogue.h"
#include "cw-date.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

static const char *const colour_tokens[] = { "red", "amber", "green" };
static const char *const colour_labels[] = { N_("Red"), N_("Amber"), N_("Green") };

const char *
cw_ready_colour_to_string (CwReadyColour colour)
{
  g_return_val_if_fail (colour <= CW_READY_GREEN, NULL);
  return colour_tokens[colour];
}

const char *
cw_ready_colour_label (CwReadyColour colour)
{
  g_return_val_if_fail (colour <= CW_READY_GREEN, NULL);
  return _(colour_labels[colour]);
}

static void
record_clear (CwReadinessRecord *record)
{
  g_free (record->entity);
  g_free (record->label);
}

void
cw_criterion_free (CwCriterion *criterion)
{
  g_free (criterion->reason);
  g_array_unref (criterion->records);
  g_free (criterion);
}

static CwCriterion *
criterion_new (CwStage stage, const char *id, const char *title)
{
  CwCriterion *criterion = g_new0 (CwCriterion, 1);
  criterion->stage = stage;
  criterion->id = id;
  criterion->title = title;
  criterion->records = g_array_new (FALSE, TRUE, sizeof (CwReadinessRecord));
  g_array_set_clear_func (criterion->records, (GDestroyNotify) record_clear);
  return criterion;
}

static void
add_record (CwCriterion *criterion, const char *entity, gint64 id, const char *label)
{
  criterion->n_records++;
  if (criterion->records->len >= CW_READINESS_MAX_RECORDS)
    return;
  CwReadinessRecord record = { g_strdup (entity), id, g_strdup (label) };
  g_array_append_val (criterion->records, record);
}

static void
set_state (CwCriterion *criterion, CwReadyColour colour, char *reason)
{
  criterion->colour = colour;
  g_free (criterion->reason);
  criterion->reason = reason;
}

/* Whole weeks from today to `day` (negative once it has passed); FALSE
 * when there is no such date. */
gboolean
cw_readiness_weeks_until (const char *day, const GDate *today, gint *weeks)
{
  GDate date;
  if (day == NULL || !cw_date_parse (day, &date, NULL))
    return FALSE;
  *weeks = g_date_days_between (today, &date) / 7;
  return TRUE;
}

/* How far `day` is from today in words: "today", "in 3 days", "in 5
 * weeks", or for a day gone, "3 days ago", "5 weeks ago". */
char *
cw_readiness_when (const char *day, const char *today)
{
  GDate a, b;
  if (!cw_date_parse (today, &a, NULL) || !cw_date_parse (day, &b, NULL))
    return g_strdup ("");
  gint days = g_date_days_between (&a, &b);
  gint n = ABS (days) < 14 ? ABS (days) : ABS (days) / 7;
  if (days == 0)
    return g_strdup (_("today"));
  if (ABS (days) < 14)
    return g_strdup_printf (days > 0 ? cw_ngettext ("in %d day", "in %d days", n)
                                     : cw_ngettext ("%d day ago", "%d days ago", n),
                            n);
  return g_strdup_printf (days > 0 ? cw_ngettext ("in %d week", "in %d weeks", n)
                                   : cw_ngettext ("%d week ago", "%d weeks ago", n),
                          n);
}

/* ---- The coverage window, kept with the organisation --------------------- */

guint
cw_workspace_get_coverage_months (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);

  gint64 months = 0;
  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT coverage_months FROM organisation WHERE id = 1", error);
  if (stmt == NULL)
    return 0;
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return 0;
  months = found ? cw_stmt_int64 (stmt, 0) : CW_READINESS_DEFAULT_MONTHS;
  cw_stmt_reset (stmt);
  return (guint) months;
}

/* How many months back an internal audit of a clause counts towards Stage
 * Two; `loaded_rev` is the organisation's revision as read. */
gboolean
cw_workspace_set_coverage_months (CwWorkspace *self, guint months, gint64 loaded_rev,
                                  GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  if (months < 1 || months > CW_READINESS_MAX_MONTHS)
    {
      cw_set_invalid (error, _("An internal audit counts for Stage Two for one to %d months "
                               "(twelve is usual), not %u"),
                      CW_READINESS_MAX_MONTHS, months);
      return FALSE;
    }
  guint old = cw_workspace_get_coverage_months (self, error);
  if (old == 0)
    return FALSE;
  if (old == months)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE organisation SET coverage_months = ?, rev = rev + 1 WHERE id = 1 AND rev = ?", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (stmt, 1, months);
      cw_stmt_bind_int64 (stmt, 2, loaded_rev);
      g_autofree char *old_text = g_strdup_printf ("%u", old);
      g_autofree char *new_text = g_strdup_printf ("%u", months);
      ok = cw_workspace_run_update (self, stmt, "organisation", 1, error)
           && cw_workspace_record_change (self, "organisation", 1, "coverage_months", old_text,
                                          new_text, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* ---- Stage One ----------------------------------------------------------- */

static CwCriterion *
judge_scope (CwOrganisation *organisation)
{
  CwCriterion *c = criterion_new (CW_STAGE_ONE, "scope", _("Scope of the SMS and its services"));
  add_record (c, "organisation", 1, _("Organisation"));
  gboolean scope = !cw_text_is_blank (organisation->scope);
  gboolean services = !cw_text_is_blank (organisation->services);
  if (scope && services)
    set_state (c, CW_READY_GREEN, g_strdup (_("The scope and the services it covers are "
                                              "written down")));
  else if (scope || services)
    set_state (c, CW_READY_AMBER,
               g_strdup (scope ? _("The scope is written down, but not the services it covers")
                               : _("The services are listed, but the scope of the SMS is not "
                                   "written down")));
  else
    set_state (c, CW_READY_RED, g_strdup (_("Neither the scope of the SMS nor its services are "
                                            "written down; fill them in for the organisation")));
  return c;
}

static char *
item_label (const CwRegisterItem *item)
{
  return g_strdup_printf ("%s %s", item->clause,
                          item->kind == CW_EXPECTED_DOCUMENT ? _("document") : _("record"));
}

/* The records behind register items: their entries, or the item itself
 * when nothing serves it yet. */
static void
add_items (CwCriterion *c, GPtrArray *items, GHashTable *references, gboolean (*pick) (
                                                                       const CwRegisterItem *))
{
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      if (!pick (item))
        continue;
      if (item->entries->len == 0)
        {
          g_autofree char *label = item_label (item);
          add_record (c, "clause", 0, label);
        }
      for (guint e = 0; e < item->entries->len; e++)
        {
          gint64 id = g_array_index (item->entries, gint64, e);
          add_record (c, "register", id, g_hash_table_lookup (references, &id));
        }
    }
}

static gboolean
pick_missing (const CwRegisterItem *item)
{
  return item->mandatory && item->status == CW_DOC_MISSING;
}

static gboolean
pick_present_not_current (const CwRegisterItem *item)
{
  return item->mandatory && item->status != CW_DOC_APPROVED && item->status != CW_DOC_MISSING;
}

/* Every mandatory item: red when one is missing, amber when one is a draft
 * or due for review, green when all are approved and current. */
static CwCriterion *
judge_items (GPtrArray *items, GHashTable *references, const char *id, const char *title,
             const char *const *only)
{
  CwCriterion *c = criterion_new (CW_STAGE_ONE, id, title);
  guint missing = 0, draft = 0, due = 0, total = 0;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      if (!item->mandatory)
        continue;
      if (only != NULL
          && !(g_strv_contains (only, item->clause) && item->kind == CW_EXPECTED_DOCUMENT))
        continue;
      g_ptr_array_add (chosen, item);
      total++;
      missing += item->status == CW_DOC_MISSING;
      draft += item->status == CW_DOC_DRAFT;
      due += item->status == CW_DOC_REVIEW_DUE;
    }
  /* What is missing comes first: it is what has to be done first. */
  add_items (c, chosen, references, pick_missing);
  add_items (c, chosen, references, pick_present_not_current);
  g_autofree char *later = NULL;
  if (draft > 0 && due > 0)
    later = g_strdup_printf (_("; %u not yet approved and %u past the review date"), draft, due);
  else if (draft > 0)
    later = g_strdup_printf (_("; %u not yet approved"), draft);
  else if (due > 0)
    later = g_strdup_printf (_("; %u past the review date"), due);
  else
    later = g_strdup ("");
  if (missing > 0)
    set_state (c, CW_READY_RED,
               g_strdup_printf (cw_ngettext ("%u of %u required items is missing from the "
                                             "register%s",
                                             "%u of %u required items are missing from the "
                                             "register%s",
                                             missing),
                                missing, total, later));
  else if (draft + due > 0)
    set_state (c, CW_READY_AMBER,
               g_strdup_printf (_("Every required item is in the register, but not all are "
                                  "approved and current%s"),
                                later));
  else
    set_state (c, CW_READY_GREEN,
               g_strdup_printf (cw_ngettext ("The required item is approved and within its "
                                             "review date",
                                             "All %u required items are approved and within "
                                             "their review date",
                                             total),
                                total));
  return c;
}

static CwCriterion *
judge_programme (CwWorkspace *self, GError **error)
{
  CwCriterion *c = criterion_new (CW_STAGE_ONE, "programme", _("Internal audit programme"));
  g_autoptr (CwCriterion) owned = c;
  gint64 programmes = 0, audits = 0;
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT (SELECT count(*) FROM programme), (SELECT count(*) FROM audit)", error);
  if (stmt == NULL || !cw_stmt_expect_row (stmt, error))
    return NULL;
  programmes = cw_stmt_int64 (stmt, 0);
  audits = cw_stmt_int64 (stmt, 1);
  cw_stmt_reset (stmt);
  if (programmes == 0)
    set_state (c, CW_READY_RED, g_strdup (_("No internal audit programme has been started")));
  else
    {
      add_record (c, "programme", 1, _("Audit programme"));
      if (audits == 0)
        set_state (c, CW_READY_AMBER,
                   g_strdup (_("The programme is started, but no audit is planned in it yet")));
      else
        set_state (c, CW_READY_GREEN,
                   g_strdup_printf (cw_ngettext ("The programme is started and holds %"
                                                       PRId64 " audit",
                                                 "The programme is started and holds %"
                                                 PRId64 " audits",
                                                 (gulong) audits),
                                    audits));
    }
  return g_steal_pointer (&owned);
}

/* Runs `sql` (no parameters but today's date as ?1, when it asks) and adds
 * each row's first column as the id and second as the label of a record
 * of `entity`. */
static gboolean
add_rows (CwWorkspace *self, CwCriterion *c, const char *entity, const char *sql,
          const char *today, GError **error)
{
  /* Counted apart, and only the records shown read: 25,000 open minors
   * would otherwise each build their label. `sql` is this file's own. */
  const char *order = strstr (sql, " ORDER BY ");
  g_autofree char *unordered = g_strndup (sql, order ? (gsize) (order - sql) : strlen (sql));
  /* Without its ORDER BY: sorting 25,000 rows only to count them took
   * twenty times as long as counting them. */
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM (%s)", unordered);
  g_autofree char *shown_sql = g_strdup_printf ("%s LIMIT %d", sql, CW_READINESS_MAX_RECORDS);
  CwStmt *count = cw_workspace_prepare (self, count_sql, error);
  if (count == NULL)
    return FALSE;
  if (today != NULL)
    cw_stmt_bind_text (count, 1, today);
  if (!cw_stmt_expect_row (count, error))
    return FALSE;
  guint total = (guint) cw_stmt_int64 (count, 0);
  cw_stmt_reset (count);
  if (total == 0)
    return TRUE;
  CwStmt *stmt = cw_workspace_prepare (self, shown_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (today != NULL)
    cw_stmt_bind_text (stmt, 1, today);
  guint before = c->n_records;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    add_record (c, entity, cw_stmt_int64 (stmt, 0), cw_stmt_text (stmt, 1));
  if (rc != CW_STEP_DONE)
    return FALSE;
  c->n_records = before + total;
  return TRUE;
}

/* At least one internal audit issued: green with one issued, amber with
 * audits under way but none issued, red with none at all. */
static CwCriterion *
judge_audit_issued (CwWorkspace *self, GError **error)
{
  g_autoptr (CwCriterion) c
    = criterion_new (CW_STAGE_ONE, "audit-issued", _("An internal audit carried out and issued"));
  if (!add_rows (self, c, "audit",
                 "SELECT a.id, a.title FROM audit a WHERE EXISTS (SELECT 1 FROM audit_issue i"
                 " WHERE i.audit = a.id AND i.issued_on IS NOT NULL) ORDER BY a.id DESC",
                 NULL, error))
    return NULL;
  if (c->n_records > 0)
    {
      set_state (c, CW_READY_GREEN,
                 g_strdup_printf (cw_ngettext ("%u internal audit report issued",
                                               "%u internal audit reports issued", c->n_records),
                                  c->n_records));
      return g_steal_pointer (&c);
    }
  if (!add_rows (self, c, "audit", "SELECT id, title FROM audit ORDER BY id DESC", NULL, error))
    return NULL;
  if (c->n_records > 0)
    set_state (c, CW_READY_AMBER,
               g_strdup (_("Internal audits are planned or under way, but no report has been "
                           "issued yet")));
  else
    set_state (c, CW_READY_RED, g_strdup (_("No internal audit has been planned or held")));
  return g_steal_pointer (&c);
}

#define REVIEW_LABEL "'' || held_on"

/* A management review approved: green when one is, amber with only drafts,
 * red with none. */
static CwCriterion *
judge_review_approved (CwWorkspace *self, GError **error)
{
  g_autoptr (CwCriterion) c
    = criterion_new (CW_STAGE_ONE, "review-approved", _("A management review approved"));
  if (!add_rows (self, c, "review",
                 "SELECT id, held_on FROM review WHERE status = 'approved'"
                 " ORDER BY held_on DESC, id DESC",
                 NULL, error))
    return NULL;
  if (c->n_records > 0)
    {
      set_state (c, CW_READY_GREEN,
                 g_strdup_printf (_("The minutes of the review of %s are approved"),
                                  g_array_index (c->records, CwReadinessRecord, 0).label));
      return g_steal_pointer (&c);
    }
  if (!add_rows (self, c, "review", "SELECT id, held_on FROM review ORDER BY held_on DESC", NULL,
                 error))
    return NULL;
  if (c->n_records > 0)
    set_state (c, CW_READY_AMBER,
               g_strdup (_("A management review was held, but its minutes are not approved")));
  else
    set_state (c, CW_READY_RED, g_strdup (_("No management review has been held")));
  return g_steal_pointer (&c);
}

/* ---- Stage Two ----------------------------------------------------------- */

/* The day Stage Two is judged on: its date when it is still ahead, else
 * today; and the first day an internal audit still counts. */
static gboolean
stage_two_window (CwOrganisation *organisation, guint months, const GDate *today, char **from,
                  char **until)
{
  GDate end = *today;
  GDate stage;
  gboolean ahead = FALSE;
  if (organisation->stage_two != NULL && cw_date_parse (organisation->stage_two, &stage, NULL)
      && g_date_compare (&stage, today) > 0)
    {
      end = stage;
      ahead = TRUE;
    }
  GDate start = end;
  g_date_subtract_months (&start, months);
  *from = cw_date_to_string (&start);
  *until = cw_date_to_string (&end);
  return ahead;
}

typedef struct
{
  gint64 id;
  gboolean issued;
  char *day;
  char *title;
  char *clause;
} ScopeRow;

static void
scope_row_clear (ScopeRow *row)
{
  g_free (row->day);
  g_free (row->title);
  g_free (row->clause);
}

/* Each audit's clauses with the day it counts on: the same days
 * cw-programme.c reads, an issued audit on its closing meeting (or planned
 * end), one not yet issued on its planned start. */
static GArray *
load_scopes (CwWorkspace *self, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT a.id, a.status IN ('reported', 'closed'),"
    " CASE WHEN a.status IN ('reported', 'closed') THEN coalesce (a.closing_on, a.planned_end,"
    "  (SELECT min (issued_on) FROM audit_issue i WHERE i.audit = a.id),"
    "  substr (a.created_at, 1, 10))"
    " ELSE coalesce (a.planned_start, a.planned_end) END, a.title, s.clause"
    " FROM audit a JOIN audit_scope s ON s.audit = a.id ORDER BY a.id",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GArray) scopes = g_array_new (FALSE, TRUE, sizeof (ScopeRow));
  g_array_set_clear_func (scopes, (GDestroyNotify) scope_row_clear);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      ScopeRow row = { cw_stmt_int64 (stmt, 0), cw_stmt_int64 (stmt, 1) != 0,
                       cw_stmt_dup_text (stmt, 2), cw_stmt_dup_text (stmt, 3),
                       cw_stmt_dup_text (stmt, 4) };
      g_array_append_val (scopes, row);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&scopes);
}

/* Every clause audited within the window: green when an issued audit
 * covered each, amber when some are covered only by audits planned or
 * under way within the window, red when a clause has neither. */
static CwCriterion *
judge_coverage (CwWorkspace *self, CwOrganisation *organisation, guint months, const GDate *today,
                GError **error)
{
  g_autoptr (CwCriterion) c = criterion_new (CW_STAGE_TWO, "coverage",
                                             _("Every clause audited internally in time"));
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  g_autofree char *from = NULL, *until = NULL;
  /* Without a Stage Two date ahead, any audit planned from now on will do. */
  gboolean dated = stage_two_window (organisation, months, today, &from, &until);
  g_autoptr (GArray) scopes = load_scopes (self, error);
  if (scopes == NULL)
    return NULL;

  g_autoptr (GPtrArray) unaudited = g_ptr_array_new ();
  g_autoptr (GHashTable) planned = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_clauses = 0, n_planned_only = 0;
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (cw_clause_get_questions (clause)->len == 0)
        continue;
      const char *number = cw_clause_get_number (clause);
      n_clauses++;
      gboolean audited = FALSE;
      ScopeRow *plan = NULL;
      for (guint s = 0; s < scopes->len && !audited; s++)
        {
          ScopeRow *row = &g_array_index (scopes, ScopeRow, s);
          if (!cw_clause_number_covers (row->clause, number))
            continue;
          gboolean in_window = row->day != NULL && strcmp (row->day, from) >= 0
                               && strcmp (row->day, until) <= 0;
          if (row->issued && in_window)
            audited = TRUE;
          else if (!row->issued
                   && (row->day == NULL
                       || (strcmp (row->day, from) >= 0
                           && (!dated || strcmp (row->day, until) <= 0))))
            plan = row;
        }
      if (audited)
        continue;
      if (plan != NULL)
        {
          n_planned_only++;
          if (!g_hash_table_contains (planned, &plan->id))
            {
              g_hash_table_add (planned, &plan->id);
              add_record (c, "audit", plan->id, plan->title);
            }
        }
      else
        g_ptr_array_add (unaudited, (gpointer) number);
    }
  if (unaudited->len > 0)
    {
      /* The clauses come first: they are what has to be done. */
      g_autoptr (GArray) audits = g_steal_pointer (&c->records);
      guint n_audits = c->n_records;
      c->records = g_array_new (FALSE, TRUE, sizeof (CwReadinessRecord));
      g_array_set_clear_func (c->records, (GDestroyNotify) record_clear);
      c->n_records = 0;
      for (guint i = 0; i < unaudited->len; i++)
        add_record (c, "clause", 0, g_ptr_array_index (unaudited, i));
      for (guint i = 0; i < audits->len; i++)
        {
          CwReadinessRecord *r = &g_array_index (audits, CwReadinessRecord, i);
          add_record (c, r->entity, r->id, r->label);
        }
      c->n_records += n_audits - audits->len;
      set_state (c, CW_READY_RED,
                 g_strdup_printf (_("%u of %u clauses have no internal audit issued or planned "
                                    "between %s and %s"),
                                  unaudited->len, n_clauses, from, until));
    }
  else if (n_planned_only > 0)
    set_state (c, CW_READY_AMBER,
               g_strdup_printf (_("%u of %u clauses are covered only by audits not yet issued; "
                                  "issue them before %s"),
                                n_planned_only, n_clauses, until));
  else
    set_state (c, CW_READY_GREEN,
               g_strdup_printf (_("All %u clauses were covered by an internal audit issued "
                                  "between %s and %s"),
                                n_clauses, from, until));
  return g_steal_pointer (&c);
}

/* One tier of a criterion: the records a query finds (?1 is today when the
 * query has it) and, when it finds any, the colour they give and the reason
 * with their count. */
typedef struct
{
  const char *entity;
  const char *sql;
  CwReadyColour colour;
  const char *singular, *plural; /* marked with P_ for translation */
} Tier;

/* A singular and a plural for g_dngettext, marked for xgettext (po/meson.build). */
#define P_(singular, plural) singular, plural

/* Judges `c` by its tiers, worst first: the first that finds records sets
 * the colour and reason; when none does, it is green for `green`. */
static CwCriterion *
judge_tiers (CwWorkspace *self, CwCriterion *criterion, const Tier *tiers, guint n_tiers,
             const char *today, const char *green, GError **error)
{
  g_autoptr (CwCriterion) c = criterion;
  for (guint i = 0; i < n_tiers; i++)
    {
      if (!add_rows (self, c, tiers[i].entity, tiers[i].sql,
                     strstr (tiers[i].sql, "?1") ? today : NULL, error))
        return NULL;
      if (c->n_records > 0)
        {
          /* The reason's one "%u" is the count: put in by hand, since a
           * format from a table cannot be checked by the compiler. */
          GString *reason = g_string_new (
            cw_ngettext (tiers[i].singular, tiers[i].plural, c->n_records));
          g_autofree char *count = g_strdup_printf ("%u", c->n_records);
          g_string_replace (reason, "%u", count, 1);
          set_state (c, tiers[i].colour, g_string_free (reason, FALSE));
          return g_steal_pointer (&c);
        }
    }
  set_state (c, CW_READY_GREEN, g_strdup (green));
  return g_steal_pointer (&c);
}

/* The certification body's references among `c`'s records, for a reason:
 * "S1-C1, S1-C2" (only those listed; the count says how many in all). */
static char *
record_labels (CwCriterion *c, guint from)
{
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  for (guint i = from; i < c->records->len; i++)
    g_strv_builder_add (labels, g_array_index (c->records, CwReadinessRecord, i).label);
  g_auto (GStrv) list = g_strv_builder_end (labels);
  return g_strjoinv (", ", list);
}

/* A day from the organisation's record, or NULL when it holds none that
 * is valid. */
static const char *
valid_day (const char *day)
{
  return day != NULL && cw_date_check (day, NULL) ? day : NULL;
}

#define FINDING_LABEL                                                                              \
  "f.clause || ' ' || CASE f.grade WHEN 'major' THEN 'major' ELSE 'minor' END || ' NC-' ||"        \
  " f.number || ' (audit ' || f.audit || ')'"

/* No open major: red while a major has no action implemented, amber while
 * the action awaits verification, green when every major is verified or
 * closed. */
static CwCriterion *
judge_majors (CwWorkspace *self, GError **error)
{
  static const Tier tiers[] = {
    { "finding",
      "SELECT f.id, " FINDING_LABEL " FROM finding f WHERE f.grade = 'major'"
      " AND f.status IN ('open', 'planned') ORDER BY f.id",
      CW_READY_RED,
      P_ ("%u major nonconformity is open: a major stops certification until it is corrected",
          "%u major nonconformities are open: a major stops certification until it is "
          "corrected") },
    { "finding",
      "SELECT f.id, " FINDING_LABEL " FROM finding f WHERE f.grade = 'major'"
      " AND f.status = 'implemented' ORDER BY f.id",
      CW_READY_AMBER,
      P_ ("The action on %u major nonconformity is implemented and awaits verification",
          "The actions on %u major nonconformities are implemented and await verification") },
  };
  g_autoptr (CwCriterion) c = judge_tiers (
    self, criterion_new (CW_STAGE_TWO, "no-open-major", _("No open major nonconformity")), tiers,
    G_N_ELEMENTS (tiers), NULL, _("No major nonconformity is open"), error);
  if (c == NULL)
    return NULL;
  /* The certification body's majors stay open until it accepts their
   * resolution: red while any is, whatever the internal ones say. */
  g_autoptr (CwCriterion) body = criterion_new (CW_STAGE_TWO, "no-open-major", NULL);
  if (!add_rows (self, body, "external-finding",
                 "SELECT f.id, f.reference FROM external_finding f WHERE f.kind = 'major'"
                 " AND f.status = 'open' ORDER BY f.id",
                 NULL, error))
    return NULL;
  if (body->n_records == 0)
    return g_steal_pointer (&c);
  guint internal = c->colour == CW_READY_RED ? c->n_records : 0;
  if (internal == 0)
    {
      g_array_set_size (c->records, 0);
      c->n_records = 0;
    }
  for (guint i = 0; i < body->records->len; i++)
    {
      CwReadinessRecord *r = &g_array_index (body->records, CwReadinessRecord, i);
      add_record (c, r->entity, r->id, r->label);
    }
  c->n_records = internal + body->n_records;
  g_autofree char *references = record_labels (body, 0);
  set_state (c, CW_READY_RED,
             g_strdup_printf (cw_ngettext ("%u major nonconformity is open, %u of them raised by "
                                           "the certification body (%s): a major stops "
                                           "certification until it is corrected",
                                           "%u major nonconformities are open, %u of them raised "
                                           "by the certification body (%s): a major stops "
                                           "certification until it is corrected",
                                           c->n_records),
                              c->n_records, body->n_records, references));
  return g_steal_pointer (&c);
}

/* Every minor with a planned action: red when a minor has no action at
 * all, amber when its action is not yet planned, green otherwise. */
static CwCriterion *
judge_minors (CwWorkspace *self, GError **error)
{
  static const Tier tiers[] = {
    { "finding",
      "SELECT f.id, " FINDING_LABEL " FROM finding f WHERE f.grade = 'minor'"
      " AND f.status = 'open' AND NOT EXISTS (SELECT 1 FROM action a"
      " WHERE a.finding = f.id) ORDER BY f.id",
      CW_READY_RED,
      P_ ("%u minor nonconformity has no corrective action",
          "%u minor nonconformities have no corrective action") },
    { "action",
      "SELECT a.id, a.title FROM action a JOIN finding f ON f.id = a.finding"
      " WHERE f.grade = 'minor' AND a.status = 'open' ORDER BY a.id",
      CW_READY_AMBER,
      P_ ("%u action on a minor nonconformity has no plan yet",
          "%u actions on minor nonconformities have no plan yet") },
  };
  return judge_tiers (self,
                      criterion_new (CW_STAGE_TWO, "minors-planned",
                                     _("Every minor nonconformity has a plan")),
                      tiers, G_N_ELEMENTS (tiers), NULL,
                      _("Every open minor nonconformity has a planned action"), error);
}

/* Corrective actions verified effective: red when a verification is past
 * its day, amber while implemented actions await theirs, green when none
 * waits. */
static CwCriterion *
judge_verified (CwWorkspace *self, const char *today, GError **error)
{
  static const Tier tiers[] = {
    { "action",
      "SELECT id, title FROM action WHERE kind = 'corrective'"
      " AND status = 'implemented' AND check_due IS NOT NULL AND check_due < ?1"
      " ORDER BY id",
      CW_READY_RED,
      P_ ("%u corrective action is past the day its effectiveness was to be verified",
          "%u corrective actions are past the day their effectiveness was to be verified") },
    { "action",
      "SELECT id, title FROM action WHERE kind = 'corrective'"
      " AND status = 'implemented' ORDER BY id",
      CW_READY_AMBER,
      P_ ("%u corrective action is implemented and awaits verification of its effect",
          "%u corrective actions are implemented and await verification of their effect") },
  };
  return judge_tiers (self,
                      criterion_new (CW_STAGE_TWO, "actions-verified",
                                     _("Corrective actions verified effective")),
                      tiers, G_N_ELEMENTS (tiers), today,
                      _("No implemented corrective action awaits verification"), error);
}

/* A management review after the latest internal audit: red when none was
 * held since (or no audit was issued), amber when its minutes are not
 * approved, green when they are. */
static CwCriterion *
judge_review_after_audit (CwWorkspace *self, GError **error)
{
  g_autoptr (CwCriterion) c = criterion_new (
    CW_STAGE_TWO, "review-after-audit", _("A management review after the latest internal audit"));
  g_autofree char *latest = NULL;
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT max (issued_on) FROM audit_issue WHERE issued_on IS NOT NULL", error);
  if (stmt == NULL || !cw_stmt_first_text (stmt, &latest, error))
    return NULL;
  if (latest == NULL)
    {
      set_state (c, CW_READY_RED, g_strdup (_("No internal audit report has been issued, so no "
                                              "review can have considered its results")));
      return g_steal_pointer (&c);
    }
  if (!add_rows (self, c, "review",
                 "SELECT id, held_on FROM review WHERE status = 'approved' AND held_on >= ?1"
                 " ORDER BY held_on DESC",
                 latest, error))
    return NULL;
  if (c->n_records > 0)
    {
      set_state (c, CW_READY_GREEN,
                 g_strdup_printf (_("The review of %s followed the latest audit report (%s)"),
                                  g_array_index (c->records, CwReadinessRecord, 0).label, latest));
      return g_steal_pointer (&c);
    }
  if (!add_rows (self, c, "review",
                 "SELECT id, held_on FROM review WHERE held_on >= ?1 ORDER BY held_on DESC",
                 latest, error))
    return NULL;
  if (c->n_records > 0)
    set_state (c, CW_READY_AMBER,
               g_strdup_printf (_("A review was held after the latest audit report (%s), but "
                                  "its minutes are not approved"),
                                latest));
  else
    set_state (c, CW_READY_RED,
               g_strdup_printf (_("No management review was held after the latest audit report "
                                  "(%s)"),
                                latest));
  return g_steal_pointer (&c);
}

#define CONCERN_SQL                                                                                  "SELECT f.id, f.reference FROM external_finding f JOIN external_audit a ON a.id = f.audit"       " WHERE a.kind = 'stage-one' AND f.kind = 'concern' AND f.status = 'open'"

/* Every Stage One concern resolved, judged from the areas of concern the
 * body's Stage One report raised (cw-external.h), worst first:
 * - red when a concern is still open on or after the Stage Two date, or
 *   past the response deadline the body gave;
 * - red when the Stage One date has passed and no Stage One audit is
 *   recorded: the report is what this criterion reads, so record it;
 * - amber while concerns are open but nothing is late yet, and while no
 *   Stage One is recorded before its date (nothing to judge yet);
 * - green when a Stage One is recorded and all its concerns are resolved
 *   (or it raised none).
 * An action on a concern does not resolve it: the body decides that, and
 * the organisation records it (cw_workspace_resolve_external_finding). */
static CwCriterion *
judge_concerns (CwWorkspace *self, CwOrganisation *organisation, const char *today,
                GError **error)
{
  g_autoptr (CwCriterion) c
    = criterion_new (CW_STAGE_TWO, "stage-one-concerns", _("Every Stage One concern resolved"));
  const char *stage_one = valid_day (organisation->stage_one);
  const char *stage_two = valid_day (organisation->stage_two);

  if (stage_two != NULL && g_strcmp0 (stage_two, today) <= 0)
    {
      if (!add_rows (self, c, "external-finding", CONCERN_SQL " ORDER BY f.id", NULL, error))
        return NULL;
      if (c->n_records > 0)
        {
          g_autofree char *references = record_labels (c, 0);
          set_state (c, CW_READY_RED,
                     g_strdup_printf (cw_ngettext ("Stage Two (%s) has come with %u Stage One "
                                                   "concern still open: %s",
                                                   "Stage Two (%s) has come with %u Stage One "
                                                   "concerns still open: %s",
                                                   c->n_records),
                                      stage_two, c->n_records, references));
          return g_steal_pointer (&c);
        }
    }
  if (!add_rows (self, c, "external-finding",
                 CONCERN_SQL " AND f.respond_by IS NOT NULL AND f.respond_by < ?1 ORDER BY f.id",
                 today, error))
    return NULL;
  if (c->n_records > 0)
    {
      g_autofree char *references = record_labels (c, 0);
      set_state (c, CW_READY_RED,
                 g_strdup_printf (cw_ngettext ("%u Stage One concern is open past the response "
                                               "deadline the body gave: %s",
                                               "%u Stage One concerns are open past the response "
                                               "deadline the body gave: %s",
                                               c->n_records),
                                  c->n_records, references));
      return g_steal_pointer (&c);
    }

  g_autofree char *held = NULL;
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT max (starts_on) FROM external_audit WHERE kind = 'stage-one'", error);
  if (stmt == NULL || !cw_stmt_first_text (stmt, &held, error))
    return NULL;
  if (held == NULL)
    {
      if (stage_one != NULL && g_strcmp0 (stage_one, today) < 0)
        set_state (c, CW_READY_RED,
                   g_strdup_printf (_("Stage One was due on %s, but no Stage One audit of the "
                                      "certification body is recorded; record its report and "
                                      "the areas of concern it raised"),
                                    stage_one));
      else
        set_state (c, CW_READY_AMBER,
                   g_strdup (_("No Stage One audit of the certification body is recorded yet; "
                               "its areas of concern are judged once its report is in")));
      return g_steal_pointer (&c);
    }

  if (!add_rows (self, c, "external-finding", CONCERN_SQL " ORDER BY f.id", NULL, error))
    return NULL;
  if (c->n_records > 0)
    {
      g_autofree char *references = record_labels (c, 0);
      set_state (c, CW_READY_AMBER,
                 g_strdup_printf (cw_ngettext ("%u Stage One concern is still open: %s; resolve "
                                               "it before Stage Two",
                                               "%u Stage One concerns are still open: %s; resolve "
                                               "them before Stage Two",
                                               c->n_records),
                                  c->n_records, references));
      return g_steal_pointer (&c);
    }
  set_state (c, CW_READY_GREEN,
             g_strdup (_("Every area of concern from the Stage One report is resolved")));
  return g_steal_pointer (&c);
}

/* Adds a criterion judged without an error; FALSE for one that failed. */
static gboolean
add (GPtrArray *criteria, CwCriterion *criterion)
{
  if (criterion == NULL)
    return FALSE;
  g_ptr_array_add (criteria, criterion);
  return TRUE;
}

/* ---- After certification: the three-year cycle ---------------------------- */

static const char *const visit_labels[] = {
  N_("First surveillance audit"),
  N_("Second surveillance audit"),
  N_("Recertification audit"),
};
static const char *const visit_ids[] = { "first-surveillance", "second-surveillance",
                                         "recertification" };

const char *
cw_visit_label (CwVisit visit)
{
  g_return_val_if_fail (visit < CW_N_VISITS, NULL);
  return _(visit_labels[visit]);
}

void
cw_cert_cycle_free (CwCertCycle *cycle)
{
  if (cycle == NULL)
    return;
  g_free (cycle->certified_on);
  g_free (cycle->expires_on);
  for (guint i = 0; i < CW_N_VISITS; i++)
    {
      g_free (cycle->due[i]);
      g_free (cycle->held_on[i]);
    }
  g_free (cycle->last_visit);
  g_free (cycle);
}

static char *
months_after (const GDate *day, guint months, gint days)
{
  GDate d = *day;
  g_date_add_months (&d, months);
  if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  return cw_date_to_string (&d);
}

CwCertCycle *
cw_workspace_certification_cycle (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (self, error);
  if (organisation == NULL)
    return NULL;
  GDate certified;
  if (valid_day (organisation->certified_on) == NULL
      || !cw_date_parse (organisation->certified_on, &certified, NULL))
    return NULL;

  g_autoptr (CwCertCycle) cycle = g_new0 (CwCertCycle, 1);
  cycle->certified_on = g_strdup (organisation->certified_on);
  cycle->expires_on = months_after (&certified, 12 * CW_CERTIFICATE_YEARS, -1);
  cycle->due[CW_VISIT_FIRST_SURVEILLANCE] = months_after (&certified, 12, 0);
  cycle->due[CW_VISIT_SECOND_SURVEILLANCE] = months_after (&certified, 24, 0);
  cycle->due[CW_VISIT_RECERTIFICATION]
    = months_after (&certified, 12 * CW_CERTIFICATE_YEARS - CW_RECERTIFY_MONTHS_BEFORE_EXPIRY, 0);

  /* The body's audits since the decision, in the order they were held. */
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT id, kind, starts_on FROM external_audit WHERE starts_on >= ?"
    " ORDER BY starts_on, id",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_text (stmt, 1, cycle->certified_on);
  guint n_surveillance = 0;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *kind = cw_stmt_text (stmt, 1);
      CwVisit visit = CW_N_VISITS;
      if (g_strcmp0 (kind, "surveillance") == 0 && n_surveillance < 2)
        visit = n_surveillance++ == 0 ? CW_VISIT_FIRST_SURVEILLANCE
                                      : CW_VISIT_SECOND_SURVEILLANCE;
      else if (g_strcmp0 (kind, "recertification") == 0
               && cycle->held[CW_VISIT_RECERTIFICATION] == 0)
        visit = CW_VISIT_RECERTIFICATION;
      if (visit == CW_N_VISITS)
        continue;
      cycle->held[visit] = cw_stmt_int64 (stmt, 0);
      cycle->held_on[visit] = cw_stmt_dup_text (stmt, 2);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  /* The body last came for Stage Two or a later audit of the system in
   * operation (a Stage One reviews documents); before any, the decision. */
  stmt = cw_workspace_prepare (self,
                               "SELECT max (starts_on) FROM external_audit"
                               " WHERE kind IN ('stage-two', 'surveillance', 'recertification')",
                               error);
  if (stmt == NULL || !cw_stmt_first_text (stmt, &cycle->last_visit, error))
    return NULL;
  cycle->visited = cycle->last_visit != NULL;
  if (!cycle->visited)
    cycle->last_visit = g_strdup (cycle->certified_on);
  cycle->next = CW_N_VISITS;
  for (CwVisit v = 0; v < CW_N_VISITS; v++)
    if (cycle->held[v] == 0)
      {
        cycle->next = v;
        break;
      }
  return g_steal_pointer (&cycle);
}

static gint
weeks_between (const char *today, const char *day)
{
  GDate a, b;
  if (!cw_date_parse (today, &a, NULL) || !cw_date_parse (day, &b, NULL))
    return 0;
  return g_date_days_between (&a, &b) / 7;
}

/* The certificate: green while valid, amber in its last CW_CYCLE_SOON_WEEKS
 * without the recertification audit held, red once expired. */
static CwCriterion *
judge_certificate (CwCertCycle *cycle, const char *today)
{
  CwCriterion *c
    = criterion_new (CW_STAGE_CYCLE, "certificate", _("Certificate in force"));
  g_autofree char *label = g_strdup_printf (_("Certified on %s"), cycle->certified_on);
  add_record (c, "organisation", 1, label);
  gint weeks = weeks_between (today, cycle->expires_on);
  if (strcmp (today, cycle->expires_on) > 0)
    set_state (c, CW_READY_RED,
               g_strdup_printf (_("The certificate granted on %s expired on %s; if it was "
                                  "renewed, record the day of the new certification decision"),
                                cycle->certified_on, cycle->expires_on));
  else if (weeks < CW_CYCLE_SOON_WEEKS && cycle->held[CW_VISIT_RECERTIFICATION] == 0)
    set_state (c, CW_READY_AMBER,
               g_strdup_printf (cw_ngettext ("The certificate expires on %s, in %d week, and "
                                             "no recertification audit is recorded",
                                             "The certificate expires on %s, in %d weeks, and "
                                             "no recertification audit is recorded",
                                             weeks),
                                cycle->expires_on, weeks));
  else
    set_state (c, CW_READY_GREEN,
               g_strdup_printf (cw_ngettext ("Granted on %s and valid until %s (%d week left)",
                                             "Granted on %s and valid until %s (%d weeks left)",
                                             weeks),
                                cycle->certified_on, cycle->expires_on, weeks));
  return c;
}

/* One visit: green when held, or when it is not yet near; amber when it is
 * due within CW_CYCLE_SOON_WEEKS; red when its day has passed unrecorded. */
static CwCriterion *
judge_visit (CwCertCycle *cycle, CwVisit visit, const char *today)
{
  CwCriterion *c = criterion_new (CW_STAGE_CYCLE, visit_ids[visit], _(visit_labels[visit]));
  const char *due = cycle->due[visit];
  if (cycle->held[visit] != 0)
    {
      g_autofree char *label = g_strdup_printf (_("Held on %s"), cycle->held_on[visit]);
      add_record (c, "external-audit", cycle->held[visit], label);
      set_state (c, CW_READY_GREEN,
                 g_strdup_printf (_("Held on %s (due by %s)"), cycle->held_on[visit], due));
      return c;
    }
  gint weeks = weeks_between (today, due);
  g_autofree char *when = cw_readiness_when (due, today);
  if (strcmp (today, due) > 0)
    set_state (c, CW_READY_RED,
               g_strdup_printf (_("Due by %s and not recorded; record the body's audit, or "
                                  "agree its date with the body before the certificate is "
                                  "suspended"),
                                due));
  else
    /* TRANSLATORS: "Due by 2026-12-01, in 2 days" */
    set_state (c, weeks < CW_CYCLE_SOON_WEEKS ? CW_READY_AMBER : CW_READY_GREEN,
               g_strdup_printf (_("Due by %s, %s"), due, when));
  return c;
}

/* What the next visit looks at first: the body's own findings. Red while a
 * major is open, amber while a minor or a concern is, green otherwise. */
static CwCriterion *
judge_body_findings (CwWorkspace *self, GError **error)
{
  static const Tier tiers[] = {
    { "external-finding",
      "SELECT f.id, f.reference FROM external_finding f WHERE f.kind = 'major'"
      " AND f.status = 'open' ORDER BY f.id",
      CW_READY_RED,
      P_ ("%u major nonconformity from the certification body is open; the body checks its "
          "correction at the next visit",
          "%u major nonconformities from the certification body are open; the body checks "
          "their correction at the next visit") },
    { "external-finding",
      "SELECT f.id, f.reference FROM external_finding f WHERE f.kind IN ('minor', 'concern')"
      " AND f.status = 'open' ORDER BY f.id",
      CW_READY_AMBER,
      P_ ("%u finding from the certification body is open; resolve it before the next visit",
          "%u findings from the certification body are open; resolve them before the next "
          "visit") },
  };
  return judge_tiers (self,
                      criterion_new (CW_STAGE_CYCLE, "body-findings",
                                     _("Certification body's findings resolved")),
                      tiers, G_N_ELEMENTS (tiers), NULL,
                      _("Every finding of the certification body is resolved"), error);
}

/* The other thing a visit looks at: clauses not audited internally since
 * the body last came. Amber while some are not; red when they are not and
 * the next visit is near or late; green when an issued internal audit
 * covered every clause since. */
static CwCriterion *
judge_since_visit (CwWorkspace *self, CwCertCycle *cycle, const char *today, GError **error)
{
  g_autoptr (CwCriterion) c = criterion_new (CW_STAGE_CYCLE, "audited-since-visit",
                                             _("Clauses audited internally since the last visit"));
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  g_autoptr (GArray) scopes = load_scopes (self, error);
  if (scopes == NULL)
    return NULL;
  guint n_clauses = 0, n_missing = 0;
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (cw_clause_get_questions (clause)->len == 0)
        continue;
      const char *number = cw_clause_get_number (clause);
      n_clauses++;
      gboolean audited = FALSE;
      for (guint s = 0; s < scopes->len && !audited; s++)
        {
          ScopeRow *row = &g_array_index (scopes, ScopeRow, s);
          audited = row->issued && row->day != NULL && strcmp (row->day, cycle->last_visit) >= 0
                    && cw_clause_number_covers (row->clause, number);
        }
      if (audited)
        continue;
      n_missing++;
      add_record (c, "clause", 0, number);
    }
  if (n_missing == 0)
    {
      set_state (c, CW_READY_GREEN,
                 g_strdup_printf (_("All %u clauses were audited internally since %s"),
                                  n_clauses, cycle->last_visit));
      return g_steal_pointer (&c);
    }
  gboolean near = cycle->next < CW_N_VISITS
                  && weeks_between (today, cycle->due[cycle->next]) < CW_CYCLE_SOON_WEEKS;
  set_state (c, near ? CW_READY_RED : CW_READY_AMBER,
             cycle->visited
               ? g_strdup_printf (_("%u of %u clauses have no internal audit issued since the "
                                    "body's last visit on %s; plan them before the next visit"),
                                  n_missing, n_clauses, cycle->last_visit)
               : g_strdup_printf (_("%u of %u clauses have no internal audit issued since "
                                    "certification on %s; plan them before the next visit"),
                                  n_missing, n_clauses, cycle->last_visit));
  return g_steal_pointer (&c);
}

static gboolean
add_cycle (CwWorkspace *self, GPtrArray *criteria, const char *today, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (CwCertCycle) cycle = cw_workspace_certification_cycle (self, &local);
  if (cycle == NULL)
    {
      if (local == NULL)
        return TRUE; /* not certified: no cycle to judge */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_ptr_array_add (criteria, judge_certificate (cycle, today));
  for (CwVisit v = 0; v < CW_N_VISITS; v++)
    g_ptr_array_add (criteria, judge_visit (cycle, v, today));
  return add (criteria, judge_body_findings (self, error))
         && add (criteria, judge_since_visit (self, cycle, today, error));
}

/* ---- All of them --------------------------------------------------------- */

/* The criteria of one stage, or of both (CW_STAGE_BOTH), in the order a
 * certifier looks at them, on `today`. */
GPtrArray *
cw_workspace_readiness (CwWorkspace *self, CwStage stage, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (stage <= CW_STAGE_CYCLE, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (self, error);
  if (organisation == NULL)
    return NULL;
  g_autofree char *day = cw_date_to_string (today);
  g_autoptr (GPtrArray) criteria
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_criterion_free);
  if (stage == CW_STAGE_CYCLE)
    return add_cycle (self, criteria, day, error) ? g_steal_pointer (&criteria) : NULL;
  if (stage != CW_STAGE_TWO)
    {
      g_autoptr (GPtrArray) items = cw_workspace_register_items (self, today, error);
      g_autoptr (GPtrArray) entries = items ? cw_workspace_list_register (self, error) : NULL;
      if (entries == NULL)
        return NULL;
      g_autoptr (GHashTable) references = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < entries->len; i++)
        {
          CwRegisterEntry *entry = g_ptr_array_index (entries, i);
          g_hash_table_insert (references, &entry->id, entry->reference);
        }
      const char *const policy[] = { "5.2.1", "6.2.1", NULL };
      const char *const plan[] = { "6.3", NULL };
      g_ptr_array_add (criteria, judge_scope (organisation));
      g_ptr_array_add (criteria,
                       judge_items (items, references, "mandatory-documents",
                                    _("Required documented information approved and current"),
                                    NULL));
      g_ptr_array_add (criteria, judge_items (items, references, "policy-objectives",
                                              _("Service management policy and objectives"),
                                              policy));
      g_ptr_array_add (criteria, judge_items (items, references, "plan",
                                              _("Service management plan"), plan));
      if (!add (criteria, judge_programme (self, error))
          || !add (criteria, judge_audit_issued (self, error))
          || !add (criteria, judge_review_approved (self, error)))
        return NULL;
    }
  if (stage != CW_STAGE_ONE)
    {
      guint months = cw_workspace_get_coverage_months (self, error);
      if (months == 0 || !add (criteria, judge_coverage (self, organisation, months, today, error))
          || !add (criteria, judge_majors (self, error))
          || !add (criteria, judge_minors (self, error))
          || !add (criteria, judge_verified (self, day, error))
          || !add (criteria, judge_review_after_audit (self, error))
          || !add (criteria, judge_concerns (self, organisation, day, error)))
        return NULL;
    }
  return g_steal_pointer (&criteria);
}
