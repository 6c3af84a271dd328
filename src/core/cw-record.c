/* cw-record.c: what the history knows of every record, so that a change made
 * outside Clausewise shows.
 *
 * Every record kind the history speaks of has one content expression here:
 * the whole row (and the rows that belong to it, such as an audit's scope) as
 * a JSON array. When an edit commits, every record it touched gets a history
 * entry "record" holding that content (NULL once the record is gone), chained
 * by hash like every entry. `check` computes the same expression over each
 * row and compares it with the latest "record" entry, so an edited row, a
 * deleted row and a row added behind the app's back all show. Nobody has to
 * remember to call this: cw_workspace_record notes the record as touched.
 *
 * What an unkeyed chain cannot show is a change whose history entries were
 * rewritten or appended with hashes recomputed; that is what seals are for:
 * a report prints the chain head as it was when it was made, and the history
 * up to it can then be proven unchanged (cw_workspace_check_seal).
 */
#define G_LOG_DOMAIN "cw-record"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <string.h>

#include "cw-date.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

typedef struct
{
  guint since;         /* the schema whose rows this content describes */
  const char *entity;  /* as the history names it */
  const char *table;
  const char *content; /* SQL over `table`'s columns; one row's content */
  const char *snapshot; /* the content of the row with id ?, prepared once */
  const char *label;   /* for messages: "Audit 3" */
} RecordKind;

#define KIND(since, entity, table, content, label) \
  { since, entity, table, content, "SELECT " content " FROM " table " WHERE id = ?", label }

/* The JSON arrays list every column, so that no field can change unseen.
 * Child rows are listed in a fixed order. A schema step that changes what a
 * record holds adds a new entry for the kind with its version, after the
 * older one: snapshots are taken with the newest, and `check` reads a file
 * not yet upgraded with the entry of the schema it has. */
static const RecordKind kinds[] = {
  KIND (3, "workspace", "workspace",
        "json_array (uuid, rev, created_at, created_by, catalogue_standard, catalogue_version)",
        N_("Workspace record")),
  KIND (3, "organisation", "organisation",
        "json_array (uuid, rev, name, scope, services, certification_body, stage_one,"
        " stage_two)",
        N_("Organisation record")),
  KIND (3, "person", "person", "json_array (uuid, rev, name, role)", N_("Person")),
  KIND (3, "audit", "audit",
        "json_array (uuid, rev, title, objectives, criteria, planned_start, planned_end,"
        " actual_start, actual_end, lead_auditor, team, auditees, status, created_at,"
        " (SELECT json_group_array (clause) FROM (SELECT clause FROM audit_scope"
        "  WHERE audit_scope.audit = audit.id ORDER BY clause)))",
        N_("Audit")),
  KIND (3, "answer", "answer",
        "json_array (uuid, rev, audit, question, result, note, answered_at, answered_by)",
        N_("Answer")),
  KIND (3, "finding", "finding",
        "json_array (uuid, rev, audit, clause, grade, requirement, evidence, statement, status,"
        " created_at)",
        N_("Finding")),
  KIND (3, "evidence", "evidence",
        "json_array (uuid, rev, audit, question, finding, kind, reference, description,"
        " population, sample_size, sha256, created_at)",
        N_("Evidence")),
  KIND (3, "review", "review",
        "json_array (uuid, rev, held_on, chair, attendees, period_start, period_end, status,"
        " figures_as_of, created_at, approved_at, approved_by,"
        " (SELECT json_group_array (json_array (input, figures, notes)) FROM (SELECT input,"
        "  figures, notes FROM review_entry WHERE review_entry.review = review.id"
        "  ORDER BY input)))",
        N_("Review")),
  KIND (3, "action", "action",
        "json_array (uuid, rev, title, source, finding, review, description, correction,"
        " root_cause, cause_category, similar, plan, owner, due, check_due, verification,"
        " not_effective, status, created_at)",
        N_("Action")),
  KIND (5, "audit", "audit",
        "json_array (uuid, rev, title, objectives, criteria, planned_start, planned_end,"
        " actual_start, actual_end, lead_auditor, team, auditees, status, created_at,"
        " (SELECT json_group_array (clause) FROM (SELECT clause FROM audit_scope"
        "  WHERE audit_scope.audit = audit.id ORDER BY clause)),"
        " sites, opening_on, opening_attendees, closing_on, closing_attendees,"
        " auditee_response, diverging_opinions, last_nc, last_observation, last_ofi,"
        " (SELECT json_group_array (json_array (position, day, time, subject, auditee, auditor))"
        "  FROM (SELECT * FROM audit_session WHERE audit_session.audit = audit.id"
        "  ORDER BY position)),"
        " (SELECT json_group_array (json_array (version, issued_on, issued_by, revision_reason))"
        "  FROM (SELECT * FROM audit_issue WHERE audit_issue.audit = audit.id"
        "  ORDER BY version)))",
        N_("Audit")),
  KIND (5, "finding", "finding",
        "json_array (uuid, rev, audit, clause, grade, requirement, evidence, statement, status,"
        " created_at, question, number, raised_on, grade_reason, followed_up_in, follow_up_note)",
        N_("Finding")),
  KIND (6, "action", "action",
        "json_array (uuid, rev, title, source, finding, review, description, correction,"
        " root_cause, cause_category, similar, plan, owner, due, check_due, verification,"
        " not_effective, status, created_at, kind, consequences, verified_by,"
        " verifier_justification, planned_on, implemented_on, verified_on, closed_on)",
        N_("Action")),
  KIND (7, "review", "review",
        "json_array (uuid, rev, held_on, chair, attendees, period_start, period_end, status,"
        " figures_as_of, created_at, approved_at, approved_by, conclusion, next_review,"
        " (SELECT json_group_array (json_array (input, figures, notes, nothing_to_report))"
        "  FROM (SELECT input, figures, notes, nothing_to_report FROM review_entry"
        "  WHERE review_entry.review = review.id ORDER BY input)),"
        " (SELECT json_group_array (json_array (position, name, role, top_management))"
        "  FROM (SELECT position, name, role, top_management FROM review_attendee"
        "  WHERE review_attendee.review = review.id ORDER BY position)),"
        " (SELECT json_group_array (json_array (action, kind)) FROM (SELECT action, kind"
        "  FROM review_output WHERE review_output.review = review.id ORDER BY action)))",
        N_("Review")),
  KIND (9, "programme", "programme",
        "json_array (uuid, rev, starts_on, years, high_months, normal_months, created_at,"
        " (SELECT json_group_array (json_array (clause, importance)) FROM (SELECT clause,"
        "  importance FROM clause_importance ORDER BY clause)))",
        N_("Audit programme")),
  /* Schema 10: the register of documented information; evidence and
   * findings list the entries they cite; the organisation holds how far
   * back an internal audit counts towards Stage Two. */
  KIND (10, "register", "register_entry",
        "json_array (uuid, rev, reference, title, kind, version, owner, approved_on, review_due,"
        " status, location, sha256, created_at,"
        " (SELECT json_group_array (clause) FROM (SELECT clause FROM register_clause"
        "  WHERE register_clause.entry = register_entry.id ORDER BY clause)))",
        N_("Register entry")),
  KIND (10, "evidence", "evidence",
        "json_array (uuid, rev, audit, question, finding, kind, reference, description,"
        " population, sample_size, sha256, created_at,"
        " (SELECT json_group_array (entry) FROM (SELECT entry FROM register_citation"
        "  WHERE register_citation.evidence = evidence.id ORDER BY entry)))",
        N_("Evidence")),
  KIND (10, "finding", "finding",
        "json_array (uuid, rev, audit, clause, grade, requirement, evidence, statement, status,"
        " created_at, question, number, raised_on, grade_reason, followed_up_in, follow_up_note,"
        " (SELECT json_group_array (entry) FROM (SELECT entry FROM register_citation"
        "  WHERE register_citation.finding = finding.id ORDER BY entry)))",
        N_("Finding")),
  KIND (10, "organisation", "organisation",
        "json_array (uuid, rev, name, scope, services, certification_body, stage_one,"
        " stage_two, coverage_months)",
        N_("Organisation record")),
  /* Schema 11: a person's areas of responsibility; an audit's recorded
   * reasons for team members auditing their own areas; how a sample was
   * drawn and what it showed. */
  KIND (11, "person", "person",
        "json_array (uuid, rev, name, role,"
        " (SELECT json_group_array (clause) FROM (SELECT clause FROM person_area"
        "  WHERE person_area.person = person.id ORDER BY clause)))",
        N_("Person")),
  KIND (11, "audit", "audit",
        "json_array (uuid, rev, title, objectives, criteria, planned_start, planned_end,"
        " actual_start, actual_end, lead_auditor, team, auditees, status, created_at,"
        " (SELECT json_group_array (clause) FROM (SELECT clause FROM audit_scope"
        "  WHERE audit_scope.audit = audit.id ORDER BY clause)),"
        " sites, opening_on, opening_attendees, closing_on, closing_attendees,"
        " auditee_response, diverging_opinions, last_nc, last_observation, last_ofi,"
        " (SELECT json_group_array (json_array (position, day, time, subject, auditee, auditor))"
        "  FROM (SELECT * FROM audit_session WHERE audit_session.audit = audit.id"
        "  ORDER BY position)),"
        " (SELECT json_group_array (json_array (version, issued_on, issued_by, revision_reason))"
        "  FROM (SELECT * FROM audit_issue WHERE audit_issue.audit = audit.id"
        "  ORDER BY version)),"
        " (SELECT json_group_array (json_array (person, justification))"
        "  FROM (SELECT person, justification FROM audit_independence"
        "  WHERE audit_independence.audit = audit.id ORDER BY person)))",
        N_("Audit")),
  KIND (11, "evidence", "evidence",
        "json_array (uuid, rev, audit, question, finding, kind, reference, description,"
        " population, sample_size, sha256, created_at,"
        " (SELECT json_group_array (entry) FROM (SELECT entry FROM register_citation"
        "  WHERE register_citation.evidence = evidence.id ORDER BY entry)),"
        " population_size, sample_method, sample_items, sample_exceptions)",
        N_("Evidence")),
  /* Schema 12: the days the auditee has to respond to a major and to a
   * minor nonconformity. */
  KIND (12, "organisation", "organisation",
        "json_array (uuid, rev, name, scope, services, certification_body, stage_one,"
        " stage_two, coverage_months, respond_major_days, respond_minor_days)",
        N_("Organisation record")),
  /* Schema 13: certification-body audits and their findings; an action
   * may answer one of those findings. */
  KIND (13, "external-audit", "external_audit",
        "json_array (uuid, rev, kind, body, starts_on, ends_on, lead, reference, outcome,"
        " created_at)",
        N_("Certification audit")),
  KIND (13, "external-finding", "external_finding",
        "json_array (uuid, rev, audit, kind, reference, clause, text, respond_by, status,"
        " resolved_on, resolution, created_at)",
        N_("Certification body finding")),
  /* Schema 14: the day the certificate in force was granted. */
  KIND (14, "organisation", "organisation",
        "json_array (uuid, rev, name, scope, services, certification_body, stage_one,"
        " stage_two, coverage_months, respond_major_days, respond_minor_days, certified_on)",
        N_("Organisation record")),
  /* Schema 16: the language of the reports. */
  KIND (16, "organisation", "organisation",
        "json_array (uuid, rev, name, scope, services, certification_body, stage_one,"
        " stage_two, coverage_months, respond_major_days, respond_minor_days, certified_on,"
        " language)",
        N_("Organisation record")),
  KIND (13, "action", "action",
        "json_array (uuid, rev, title, source, finding, review, description, correction,"
        " root_cause, cause_category, similar, plan, owner, due, check_due, verification,"
        " not_effective, status, created_at, kind, consequences, verified_by,"
        " verifier_justification, planned_on, implemented_on, verified_on, closed_on,"
        " external_finding)",
        N_("Action")),
};

/* The entry for `entity` as of schema `version`: the newest one it has. */
static const RecordKind *
lookup_kind_at (const char *entity, guint version)
{
  const RecordKind *found = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].entity, entity) && kinds[i].since <= version
        && (found == NULL || kinds[i].since > found->since))
      found = &kinds[i];
  return found;
}

static const RecordKind *
lookup_kind (const char *entity)
{
  return lookup_kind_at (entity, G_MAXUINT);
}

/* Whether this entry is the one to use for a file of schema `version`. */
static gboolean
kind_applies (const RecordKind *kind, guint version)
{
  return lookup_kind_at (kind->entity, version) == kind;
}

char *
cw_record_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* "Action", "Audit": how messages name a record of this kind. */
const char *
cw_record_label (const char *entity)
{
  const RecordKind *kind = lookup_kind (entity);
  g_return_val_if_fail (kind != NULL, entity);
  return _(kind->label);
}

gboolean
cw_record_is_kind (const char *entity)
{
  return lookup_kind (entity) != NULL;
}

/* Records the content of one record as it now stands, or NULL when it is
 * gone. The statement is built from the kind table, never from user text. */
gboolean
cw_record_snapshot (CwWorkspace *self, const char *entity, gint64 id, GError **error)
{
  const RecordKind *kind = lookup_kind (entity);
  g_return_val_if_fail (kind != NULL, FALSE);

  CwStmt *stmt = cw_workspace_prepare (self, kind->snapshot, error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, id);
  g_autofree char *content = NULL;
  if (!cw_stmt_first_text (stmt, &content, error))
    return FALSE;
  return cw_workspace_record (self, entity, id, CW_RECORD_FIELD, NULL, content, error);
}

/* An upgrade step that adds record snapshots, or columns to what a record
 * holds, marks every record as touched: each then gets a snapshot of its
 * content once all the steps have run (migrate() in cw-workspace.c), taken
 * with the content expressions of the schema the file ends on. */
gboolean
cw_record_touch_all (CwWorkspace *self, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!kind_applies (&kinds[i], G_MAXUINT))
        continue;
      /* A kind whose table a later step makes has no records yet. */
      g_autofree char *exists = g_strdup_printf (
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '%s'", kinds[i].table);
      g_autoptr (GArray) found = cw_workspace_query_ids (self, exists, error);
      if (found == NULL)
        return FALSE;
      if (found->len == 0)
        continue;
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id", kinds[i].table);
      g_autoptr (GArray) ids = cw_workspace_query_ids (self, sql, error);
      if (ids == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        cw_workspace_touch (self, kinds[i].entity, g_array_index (ids, gint64, j));
    }
  return TRUE;
}

static gboolean
collect_ids (CwWorkspace *self, const char *sql, GArray **ids, GError **error)
{
  *ids = cw_workspace_query_ids (self, sql, error);
  return *ids != NULL;
}

/* Adds a sentence to `problems` for every record whose row is not what the
 * history last recorded, and every recorded record whose row is gone. */
gboolean
cw_record_check (CwWorkspace *self, GPtrArray *problems, GError **error)
{
  guint version = cw_workspace_get_version (self);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const RecordKind *kind = &kinds[i];
      if (!kind_applies (kind, version))
        continue;
      g_autofree char *changed_sql = g_strdup_printf (
        "SELECT id FROM %s WHERE %s IS NOT (SELECT h.new_value FROM history h"
        " WHERE h.entity = '%s' AND h.entity_id = %s.id AND h.field = '" CW_RECORD_FIELD "'"
        " ORDER BY h.id DESC LIMIT 1) ORDER BY id",
        kind->table, kind->content, kind->entity, kind->table);
      g_autofree char *gone_sql = g_strdup_printf (
        "SELECT h.entity_id FROM history h WHERE h.entity = '%s' AND h.field = '" CW_RECORD_FIELD
        "' AND h.new_value IS NOT NULL AND h.id = (SELECT max (id) FROM history"
        " WHERE entity = h.entity AND entity_id = h.entity_id AND field = h.field)"
        " AND NOT EXISTS (SELECT 1 FROM %s WHERE id = h.entity_id) ORDER BY h.entity_id",
        kind->entity, kind->table);
      g_autoptr (GArray) changed = NULL;
      g_autoptr (GArray) gone = NULL;
      if (!collect_ids (self, changed_sql, &changed, error)
          || !collect_ids (self, gone_sql, &gone, error))
        return FALSE;
      for (guint j = 0; j < changed->len; j++)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s %" PRId64 " is not what its history "
                                            "recorded: it was changed outside Clausewise"),
                                          _(kind->label), g_array_index (changed, gint64, j)));
      for (guint j = 0; j < gone->len; j++)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s %" PRId64 " is missing, but its "
                                            "history does not record its deletion: it was "
                                            "deleted outside Clausewise"),
                                          _(kind->label), g_array_index (gone, gint64, j)));
    }
  return TRUE;
}

/* ---- The chain and its seals ------------------------------------------ */

/* Walks the history from its first entry, recomputing each hash. The chain
 * holds up to the entry before `*broken_at` (0: all of it). */
static gboolean
walk_chain (CwWorkspace *self, gint64 *broken_at, GHashTable *sealed, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT id, at, who, entity, entity_id, field, old_value, new_value, hash"
    " FROM history ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  g_autofree char *previous = g_strdup ("");
  *broken_at = 0;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      const char *hash = cw_stmt_text (stmt, 8);
      g_autofree char *expected = cw_history_hash (
        previous, cw_stmt_text (stmt, 1), cw_stmt_text (stmt, 2), cw_stmt_text (stmt, 3),
        cw_stmt_int64 (stmt, 4), cw_stmt_text (stmt, 5), cw_stmt_text (stmt, 6),
        cw_stmt_text (stmt, 7));
      if (g_strcmp0 (expected, hash) != 0)
        {
          *broken_at = cw_stmt_int64 (stmt, 0);
          cw_stmt_reset (stmt);
          return TRUE;
        }
      if (sealed != NULL)
        g_hash_table_add (sealed, g_strndup (hash, CW_SEAL_DIGITS));
      g_free (previous);
      previous = g_strdup (hash);
    }
  return rc == CW_STEP_DONE;
}

/* The chain from the first entry to the last, and every seal the workspace
 * has issued: each must name an entry of the intact chain. */
gboolean
cw_history_verify (CwWorkspace *self, GPtrArray *problems, GError **error)
{
  g_autoptr (GHashTable) sealed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 broken_at;
  if (!walk_chain (self, &broken_at, sealed, error))
    return FALSE;
  if (broken_at != 0)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("History entry %" PRId64 " does not match its "
                                        "hash: the change history was altered outside "
                                        "Clausewise"),
                                      broken_at));
  if (cw_workspace_get_version (self) < 3)
    return TRUE;
  CwStmt *stmt = cw_workspace_prepare (self, "SELECT hash, subject FROM seal ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_autofree char *seal = g_strndup (cw_stmt_text (stmt, 0), CW_SEAL_DIGITS);
      if (!g_hash_table_contains (sealed, seal))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The history has changed since seal %s was issued "
                                            "for %s"),
                                          seal, cw_stmt_text (stmt, 1)));
    }
  return rc == CW_STEP_DONE;
}

static gboolean
is_seal_text (const char *seal)
{
  if (strlen (seal) < CW_SEAL_DIGITS || strlen (seal) > 64)
    return FALSE;
  for (const char *p = seal; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* Proves that the history up to the entry `seal` names is as it was when the
 * seal was printed: the chain recomputes from the first entry to that one.
 * FALSE with `error` set when it cannot be proven, saying why. */
gboolean
cw_workspace_check_seal (CwWorkspace *self, const char *seal, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (seal != NULL, FALSE);

  if (!is_seal_text (seal))
    {
      cw_set_invalid (error,
                      _("“%s” is not a seal: a seal is the %d hex digits a report prints after "
                        "“History seal”"),
                      seal, CW_SEAL_DIGITS);
      return FALSE;
    }
  g_autofree char *wanted = g_ascii_strdown (seal, -1);
  g_autoptr (GHashTable) sealed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 broken_at;
  if (!walk_chain (self, &broken_at, sealed, error))
    return FALSE;
  g_autofree char *prefix = g_strndup (wanted, CW_SEAL_DIGITS);
  if (g_hash_table_contains (sealed, prefix))
    {
      /* The chain is intact at least up to the sealed entry; a longer seal
       * must match the longer hash too. */
      CwStmt *stmt = cw_workspace_prepare (
        self, "SELECT count(*) FROM history WHERE substr (hash, 1, length (?1)) = ?1", error);
      if (stmt == NULL)
        return FALSE;
      cw_stmt_bind_text (stmt, 1, wanted);
      if (!cw_stmt_expect_row (stmt, error))
        return FALSE;
      gint64 matches = cw_stmt_int64 (stmt, 0);
      cw_stmt_reset (stmt);
      if (matches > 0)
        return TRUE;
    }
  if (broken_at != 0)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                 _("The history does not hold seal %s: it was altered outside Clausewise "
                   "(entry %" PRId64 " no longer matches its hash)"),
                 seal, broken_at);
  else
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                 _("The history does not hold seal %s: the entries it was issued on were "
                   "changed or removed"),
                 seal);
  return FALSE;
}

/* Seals the history as it stands for a report about `subject`: returns the
 * seal to print, and keeps it in the workspace (when it can be written) so
 * that every later check proves it again. Sealing is not itself an entry of
 * the history: the same workspace gives the same seal, and reproducible
 * reports stay byte for byte the same. */
char *
cw_workspace_seal (CwWorkspace *self, const char *subject, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  CwStmt *head
    = cw_workspace_prepare (self, "SELECT id, hash FROM history ORDER BY id DESC LIMIT 1", error);
  if (head == NULL || !cw_stmt_expect_row (head, error))
    return NULL;
  gint64 history_id = cw_stmt_int64 (head, 0);
  g_autofree char *hash = cw_stmt_dup_text (head, 1);
  cw_stmt_reset (head);
  if (hash == NULL || strlen (hash) < CW_SEAL_DIGITS)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The last history entry has no valid hash; run “clausewise-cli check”"));
      return NULL;
    }
  if (!cw_workspace_is_read_only (self) && cw_workspace_get_version (self) >= 3)
    {
      if (!cw_workspace_edit_begin (self, error))
        return NULL;
      CwStmt *keep = cw_workspace_prepare (
        self,
        "INSERT INTO seal (uuid, history_id, hash, subject, made_at, made_by)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
        error);
      g_autofree char *uuid = cw_record_new_uuid ();
      g_autofree char *now = cw_timestamp_now ();
      if (keep != NULL)
        {
          cw_stmt_bind_text (keep, 1, uuid);
          cw_stmt_bind_int64 (keep, 2, history_id);
          cw_stmt_bind_text (keep, 3, hash);
          cw_stmt_bind_text (keep, 4, subject);
          cw_stmt_bind_text (keep, 5, now);
          cw_stmt_bind_text (keep, 6, cw_workspace_get_actor (self));
        }
      if (!cw_workspace_edit_end (self, keep != NULL && cw_stmt_run (keep, error), error))
        return NULL;
    }
  return g_strndup (hash, CW_SEAL_DIGITS);
}
