/* cw-case-audit.c: running a case audit and its debrief (see cw-case-audit.h).
 *
 * The workspace keeps the pack's text (table case_study), so the case is
 * read again, validated like any pack, whenever it is needed: a later
 * bundled pack never changes a case a trainee has started. */
#define G_LOG_DOMAIN "cw-case-audit"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <string.h>

#include "cw-case-audit.h"
#include "cw-core.h"
#include "cw-csv.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-register.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

void
cw_case_study_free (CwCaseStudy *study)
{
  if (study == NULL)
    return;
  g_free (study->pack_id);
  g_free (study->pack_source);
  g_free (study->case_id);
  g_free (study->trainee);
  g_free (study->started_at);
  g_clear_pointer (&study->pack, cw_exercise_pack_unref);
  g_free (study);
}

void
cw_library_entry_free (CwLibraryEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->handed_out, g_ptr_array_unref);
  g_free (entry);
}

static void
debrief_row_free (CwDebriefRow *row)
{
  g_clear_object (&row->finding);
  g_free (row->label);
  g_strfreev (row->cited);
  g_strfreev (row->model_items_cited);
  g_clear_pointer (&row->hints, g_ptr_array_unref);
  g_free (row);
}

static void
debrief_sampling_free (CwDebriefSampling *sampling)
{
  g_strfreev (sampling->model_records_not_seen);
  g_free (sampling);
}

void
cw_debrief_free (CwDebrief *debrief)
{
  if (debrief == NULL)
    return;
  cw_case_study_free (debrief->study);
  g_free (debrief->audit_title);
  g_free (debrief->issued_on);
  g_clear_pointer (&debrief->rows, g_ptr_array_unref);
  g_clear_pointer (&debrief->sampling, g_ptr_array_unref);
  g_free (debrief);
}

const char *
cw_debrief_outcome_to_string (CwDebriefOutcome outcome)
{
  static const char *const tokens[] = { "matched", "graded-differently", "missed", "unsupported" };
  g_return_val_if_fail (outcome <= CW_DEBRIEF_UNSUPPORTED, NULL);
  return tokens[outcome];
}

const char *
cw_debrief_outcome_label (CwDebriefOutcome outcome)
{
  switch (outcome)
    {
    case CW_DEBRIEF_MATCHED:
      return _("Matched");
    case CW_DEBRIEF_GRADED_DIFFERENTLY:
      return _("Graded differently");
    case CW_DEBRIEF_MISSED:
      return _("Missed");
    case CW_DEBRIEF_UNSUPPORTED:
      return _("Not supported by the case");
    }
  g_return_val_if_reached (NULL);
}

/* ---- The case a workspace keeps ---------------------------------------- */

static CwCase *
find_case (CwExercisePack *pack, const char *case_id)
{
  for (guint i = 0; i < pack->cases->len; i++)
    {
      CwCase *one = g_ptr_array_index (pack->cases, i);
      if (g_str_equal (one->id, case_id))
        return one;
    }
  return NULL;
}

typedef struct
{
  GBytes *pack_bytes;
  const char *source;
  CwExercisePack *pack;
  CwCase *kase;
  const char *trainee;
} StartData;

static gboolean
fill_case (CwWorkspace *workspace, gpointer user_data, GError **error)
{
  StartData *data = user_data;
  CwCase *kase = data->kase;

  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, error);
  if (organisation == NULL)
    return FALSE;
  g_free (organisation->scope);
  organisation->scope = g_strdup (kase->scope);
  g_free (organisation->services);
  organisation->services = g_strdup (kase->services);
  if (!cw_workspace_set_organisation (workspace, organisation, error))
    return FALSE;

  g_autoptr (GString) auditees = g_string_new (NULL);
  for (guint i = 0; i < kase->people->len; i++)
    {
      CwCasePerson *person = g_ptr_array_index (kase->people, i);
      if (cw_workspace_add_person_with_areas (workspace, person->name, person->role,
                                              (const char *const *) person->areas, error)
          == 0)
        return FALSE;
      g_string_append_printf (auditees, "%s%s", auditees->len > 0 ? "\n" : "", person->name);
    }

  for (guint i = 0; i < kase->items->len; i++)
    {
      CwCaseItem *item = g_ptr_array_index (kase->items, i);
      if (item->kind != CW_CASE_DOCUMENT)
        continue;
      CwRegisterDraft draft = {
        .reference = item->id,
        .title = item->title,
        .kind = CW_EXPECTED_DOCUMENT,
        .clauses = (const char *const *) item->clauses,
        .version = item->version,
        .approved_on = item->date,
        .status = CW_DOC_APPROVED,
        .location = _("The case library"),
      };
      if (cw_workspace_add_register_entry (workspace, &draft, error) == 0)
        return FALSE;
    }

  GDate today;
  cw_date_local_today (&today);
  g_autofree char *day = cw_date_to_string (&today);
  CwAuditDraft audit = {
    .title = kase->title,
    .objectives = kase->briefing,
    .criteria = _("ISO/IEC 20000-1:2018 and the organisation's own documents in the case library"),
    .scope = (const char *const *) kase->audit_scope,
    .planned_start = day,
    .planned_end = day,
    .lead_auditor = data->trainee,
    .auditees = auditees->str,
  };
  gint64 audit_id = cw_workspace_create_audit (workspace, &audit, error);
  if (audit_id == 0)
    return FALSE;

  g_autofree char *now = cw_timestamp_now ();
  CwStmt *stmt = cw_workspace_prepare (
    workspace,
    "INSERT INTO case_study (id, pack_id, pack_version, pack_source, pack_text, case_id, trainee,"
    " audit, started_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  if (stmt == NULL)
    return FALSE;
  gsize size = 0;
  const char *text = g_bytes_get_data (data->pack_bytes, &size);
  g_autofree char *pack_text = g_strndup (text, size);
  cw_stmt_bind_text (stmt, 1, data->pack->id);
  cw_stmt_bind_int64 (stmt, 2, data->pack->version);
  cw_stmt_bind_text (stmt, 3, data->source);
  cw_stmt_bind_text (stmt, 4, pack_text);
  cw_stmt_bind_text (stmt, 5, kase->id);
  cw_stmt_bind_text (stmt, 6, data->trainee);
  cw_stmt_bind_int64 (stmt, 7, audit_id);
  cw_stmt_bind_text (stmt, 8, now);
  if (!cw_stmt_run (stmt, error))
    return FALSE;
  g_autofree char *what = g_strdup_printf ("%s/%s %u", data->pack->id, kase->id,
                                           data->pack->version);
  return cw_workspace_record (workspace, "audit", audit_id, "case-started", NULL, what, error);
}

static GBytes *
bundled_pack (GError **error)
{
  cw_core_ensure_initialised ();
  GBytes *bytes
    = g_resources_lookup_data (CW_EXERCISE_BUNDLED_PACK, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                 _("This build of Clausewise has no bundled exercise pack; give a pack file"));
  return bytes;
}

CwWorkspace *
cw_case_start (const char *path, GBytes *pack_bytes, const char *source, const char *case_id,
               const char *trainee, GError **error)
{
  g_return_val_if_fail (path != NULL && case_id != NULL, NULL);

  if (!cw_text_check (trainee, CW_TEXT_SHORT_MAX, _("the trainee's name"), error))
    return NULL;
  g_autofree char *name = g_strstrip (g_strdup (trainee));
  if (*name == '\0')
    {
      cw_set_invalid (error, _("Give the trainee's name: the debrief and its report carry it"));
      return NULL;
    }
  g_autoptr (GBytes) bytes = NULL;
  if (pack_bytes != NULL)
    bytes = g_bytes_ref (pack_bytes);
  else
    {
      bytes = bundled_pack (error);
      if (bytes == NULL)
        return NULL;
      source = "resource:" CW_EXERCISE_BUNDLED_PACK;
    }
  if (source == NULL)
    source = _("a pack");
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_read_bytes (bytes, source, NULL, error);
  if (pack == NULL)
    return NULL;
  CwCase *kase = find_case (pack, case_id);
  if (kase == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The pack “%s” has no case “%s”; “case list” shows the cases it has"),
                   pack->title, case_id);
      return NULL;
    }
  StartData data = { bytes, source, pack, kase, name };
  return cw_workspace_create_filled (path, kase->organisation, fill_case, &data, error);
}

gboolean
cw_workspace_is_case_study (CwWorkspace *workspace)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), FALSE);
  CwStmt *stmt = cw_workspace_prepare (workspace, "SELECT 1 FROM case_study", NULL);
  gboolean found = FALSE;
  return stmt != NULL && cw_stmt_row (stmt, &found, NULL) && found;
}

CwCaseStudy *
cw_case_study_load (CwWorkspace *workspace, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  CwStmt *stmt = cw_workspace_prepare (workspace,
                                       "SELECT pack_id, pack_version, pack_source, pack_text,"
                                       " case_id, trainee, audit, started_at FROM case_study",
                                       error);
  gboolean found = FALSE;
  if (stmt == NULL || !cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("This workspace is an organisation's, not a case audit's; start a case "
                     "with “case start” to practise on one"));
      return NULL;
    }
  g_autoptr (CwCaseStudy) study = g_new0 (CwCaseStudy, 1);
  study->pack_id = cw_stmt_dup_text (stmt, 0);
  study->pack_version = cw_stmt_int64 (stmt, 1);
  study->pack_source = cw_stmt_dup_text (stmt, 2);
  const char *text = cw_stmt_text (stmt, 3);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  study->case_id = cw_stmt_dup_text (stmt, 4);
  study->trainee = cw_stmt_dup_text (stmt, 5);
  study->audit_id = cw_stmt_is_null (stmt, 6) ? 0 : cw_stmt_int64 (stmt, 6);
  study->started_at = cw_stmt_dup_text (stmt, 7);
  cw_stmt_reset (stmt);

  study->pack = cw_exercise_pack_read_bytes (bytes, study->pack_source,
                                             cw_workspace_get_catalogue (workspace), error);
  if (study->pack == NULL)
    return NULL;
  study->kase = find_case (study->pack, study->case_id);
  if (study->kase == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_DAMAGED,
                   _("The case “%s” this workspace was started from is missing from the pack "
                     "it keeps; the workspace is damaged"),
                   study->case_id);
      return NULL;
    }
  return g_steal_pointer (&study);
}

/* ---- The library ------------------------------------------------------- */

/* "8.5" and "8.5.1.3" are one family: one is the other or below it. */
static gboolean
clause_family (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  if (la == lb)
    return strcmp (a, b) == 0;
  const char *shorter = la < lb ? a : b, *longer = la < lb ? b : a;
  gsize n = MIN (la, lb);
  return strncmp (shorter, longer, n) == 0 && longer[n] == '.';
}

static gboolean
bears_on (GStrv clauses, const char *clause)
{
  for (guint i = 0; clauses[i] != NULL; i++)
    if (clause_family (clauses[i], clause))
      return TRUE;
  return FALSE;
}

/* The ids of the records handed out to an audit. */
static GHashTable *
handed_out (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  CwStmt *stmt
    = cw_workspace_prepare (workspace, "SELECT item FROM case_handout WHERE audit = ?1", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_hash_table_add (ids, cw_stmt_dup_text (stmt, 0));
  if (step == CW_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
cw_case_library (CwWorkspace *workspace, CwCaseStudy *study, gint64 audit_id, const char *clause,
                 GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace) && study != NULL, NULL);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (audit == NULL)
    return NULL;
  if (clause != NULL
      && cw_catalogue_lookup_clause (cw_workspace_get_catalogue (workspace), clause) == NULL)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no clause %s in ISO/IEC 20000-1:2018; give a number such as "
                     "8.5.1"),
                   clause);
      return NULL;
    }
  g_autoptr (GHashTable) given = handed_out (workspace, audit_id, error);
  if (given == NULL)
    return NULL;

  CwCase *kase = study->kase;
  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_library_entry_free);
  /* Documents and interviews in the case's order, then the populations. */
  for (guint i = 0; i < kase->items->len; i++)
    {
      const CwCaseItem *item = g_ptr_array_index (kase->items, i);
      if (item->kind == CW_CASE_RECORD || (clause != NULL && !bears_on (item->clauses, clause)))
        continue;
      CwLibraryEntry *entry = g_new0 (CwLibraryEntry, 1);
      entry->kind = item->kind == CW_CASE_DOCUMENT ? CW_LIBRARY_DOCUMENT : CW_LIBRARY_INTERVIEW;
      entry->item = item;
      g_ptr_array_add (entries, entry);
    }
  for (guint i = 0; i < kase->populations->len; i++)
    {
      const CwCasePopulation *population = g_ptr_array_index (kase->populations, i);
      if (clause != NULL && !bears_on (population->clauses, clause))
        continue;
      CwLibraryEntry *entry = g_new0 (CwLibraryEntry, 1);
      entry->kind = CW_LIBRARY_POPULATION;
      entry->population = population;
      entry->handed_out = g_ptr_array_new ();
      for (guint r = 0; r < population->records->len; r++)
        {
          const CwCaseItem *record = g_ptr_array_index (population->records, r);
          if (g_hash_table_contains (given, record->id))
            g_ptr_array_add (entry->handed_out, (gpointer) record);
        }
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* An item of the case by its id in any case, or NULL. */
static const CwCaseItem *
lookup_item_any_case (const CwCase *kase, const char *id)
{
  const CwCaseItem *item = cw_case_lookup_item (kase, id);
  if (item != NULL)
    return item;
  for (guint i = 0; i < kase->items->len; i++)
    {
      item = g_ptr_array_index (kase->items, i);
      if (g_ascii_strcasecmp (item->id, id) == 0)
        return item;
    }
  return NULL;
}

static gboolean
refuse_issued (CwAudit *audit, const char *doing, GError **error)
{
  CwAuditStatus status = cw_audit_get_status (audit);
  if (status != CW_AUDIT_REPORTED && status != CW_AUDIT_CLOSED)
    return TRUE;
  cw_set_invalid (error, _("Audit %" PRId64 " is %s: %s"), cw_audit_get_id (audit),
                  cw_audit_status_label (status), doing);
  return FALSE;
}

GPtrArray *
cw_case_hand_out (CwWorkspace *workspace, CwCaseStudy *study, gint64 audit_id,
                  const char *const *record_ids, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace) && study != NULL, NULL);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (audit == NULL
      || !refuse_issued (audit,
                         _("the case library hands out no more records once the report is "
                           "issued; revise the report to go on auditing"),
                         error))
    return NULL;

  g_autoptr (GPtrArray) asked = g_ptr_array_new ();
  g_autoptr (GString) unknown = g_string_new (NULL);
  guint n_unknown = 0;
  for (guint i = 0; record_ids != NULL && record_ids[i] != NULL; i++)
    {
      const CwCaseItem *item = lookup_item_any_case (study->kase, record_ids[i]);
      if (item == NULL || item->kind != CW_CASE_RECORD)
        {
          g_string_append_printf (unknown, "%s%s", n_unknown > 0 ? ", " : "", record_ids[i]);
          n_unknown++;
        }
      else if (!g_ptr_array_find (asked, item, NULL))
        g_ptr_array_add (asked, (gpointer) item);
    }
  if (n_unknown > 0)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   cw_ngettext ("The case has no record %s; ask for records by the ids in a "
                                "population's listing (documents and interviews are open "
                                "to read)",
                                "The case has no records %s; ask for records by the ids in a "
                                "population's listing (documents and interviews are open "
                                "to read)",
                                n_unknown),
                   unknown->str);
      return NULL;
    }
  if (asked->len == 0)
    {
      cw_set_invalid (error, _("Name the records to ask for, by their ids"));
      return NULL;
    }

  g_autoptr (GHashTable) given = handed_out (workspace, audit_id, error);
  if (given == NULL || !cw_workspace_edit_begin (workspace, error))
    return NULL;
  g_autofree char *now = cw_timestamp_now ();
  gboolean ok = TRUE;
  g_autoptr (GPtrArray) handed = g_ptr_array_new ();
  for (guint i = 0; ok && i < asked->len; i++)
    {
      const CwCaseItem *item = g_ptr_array_index (asked, i);
      g_ptr_array_add (handed, (gpointer) item);
      if (g_hash_table_contains (given, item->id))
        continue;
      CwStmt *stmt = cw_workspace_prepare (
        workspace, "INSERT INTO case_handout (audit, item, handed_at) VALUES (?1, ?2, ?3)", error);
      ok = stmt != NULL;
      if (ok)
        {
          cw_stmt_bind_int64 (stmt, 1, audit_id);
          cw_stmt_bind_text (stmt, 2, item->id);
          cw_stmt_bind_text (stmt, 3, now);
          ok = cw_stmt_run (stmt, error)
               && cw_workspace_record (workspace, "audit", audit_id, "case-record-handed-out",
                                       NULL, item->id, error);
        }
    }
  if (!cw_workspace_edit_end (workspace, ok, error))
    return NULL;
  return g_steal_pointer (&handed);
}

/* ---- The debrief ------------------------------------------------------- */

static guint
grade_weight (CwGrade grade)
{
  switch (grade)
    {
    case CW_GRADE_MAJOR:
      return 3;
    case CW_GRADE_MINOR:
      return 2;
    case CW_GRADE_OBSERVATION:
    case CW_GRADE_OFI:
      return 1;
    }
  g_return_val_if_reached (1);
}

/* Adds to `cited` (lower case, owned) the case ids named in `text`: words
 * of the characters an id may have, compared in lower case. */
static void
collect_cited (GHashTable *ids, const char *text, GHashTable *cited)
{
  if (text == NULL)
    return;
  const char *p = text;
  while (*p != '\0')
    {
      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      const char *start = p;
      while (*p != '\0' && (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'))
        p++;
      gsize n = p - start;
      while (n > 0 && (start[n - 1] == '.' || start[n - 1] == '-'))
        n--;
      if (n == 0 || n > 63)
        continue;
      char *word = g_ascii_strdown (start, n);
      if (g_hash_table_contains (ids, word))
        g_hash_table_add (cited, word);
      else
        g_free (word);
    }
}

typedef struct
{
  CwFinding *finding;
  gint64 id;
  GHashTable *cited; /* lower-case ids */
  gboolean paired;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_clear_object (&candidate->finding);
  g_clear_pointer (&candidate->cited, g_hash_table_unref);
}

static guint
overlap (const CwModelFinding *model, GHashTable *cited)
{
  guint n = 0;
  for (guint i = 0; model->cites[i] != NULL; i++)
    {
      g_autofree char *id = g_ascii_strdown (model->cites[i], -1);
      if (g_hash_table_contains (cited, id))
        n++;
    }
  return n;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The strings of a set, sorted, as a new GStrv. */
static GStrv
sorted_keys (GHashTable *set)
{
  guint n = 0;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (set, &n);
  GStrv out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), compare_strings);
  return out;
}

static CwDebriefRow *
row_for (const CwModelFinding *model, Candidate *candidate)
{
  CwDebriefRow *row = g_new0 (CwDebriefRow, 1);
  row->model = model;
  if (candidate == NULL)
    {
      row->outcome = CW_DEBRIEF_MISSED;
      return row;
    }
  CwFinding *finding = candidate->finding;
  CwGrade grade = cw_finding_get_grade (finding);
  row->finding = g_object_ref (finding);
  row->label = cw_finding_dup_label (finding);
  row->cited = sorted_keys (candidate->cited);
  if (model == NULL)
    row->outcome = CW_DEBRIEF_UNSUPPORTED;
  else
    {
      row->outcome
        = model->grade == grade ? CW_DEBRIEF_MATCHED : CW_DEBRIEF_GRADED_DIFFERENTLY;
      g_autoptr (GHashTable) common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; model->cites[i] != NULL; i++)
        {
          char *id = g_ascii_strdown (model->cites[i], -1);
          if (g_hash_table_contains (candidate->cited, id))
            g_hash_table_add (common, id);
          else
            g_free (id);
        }
      row->model_items_cited = sorted_keys (common);
    }
  row->hints = cw_statement_check (cw_finding_get_requirement (finding),
                                   cw_finding_get_evidence (finding),
                                   cw_finding_get_statement (finding), &grade);
  row->statement = MAX (0.0, 1.0 - 0.25 * row->hints->len);
  return row;
}

/* The trainee's finding for a model finding: same clause (`exact`) or the
 * same family, most of the model's items cited, the same grade. */
static Candidate *
best_candidate (const CwModelFinding *model, GArray *candidates, gboolean exact)
{
  Candidate *best = NULL;
  guint best_score = 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      const char *clause = cw_finding_get_clause (candidate->finding);
      if (candidate->paired
          || !(exact ? g_str_equal (clause, model->clause) : clause_family (clause, model->clause)))
        continue;
      guint score = 1 + 2 * overlap (model, candidate->cited)
                    + (cw_finding_get_grade (candidate->finding) == model->grade ? 1 : 0);
      if (score > best_score)
        {
          best = candidate;
          best_score = score;
        }
    }
  return best;
}

static double
percent (double part, double whole)
{
  return whole > 0 ? 100.0 * part / whole : 0.0;
}

CwDebrief *
cw_case_debrief (CwWorkspace *workspace, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);

  g_autoptr (CwCaseStudy) study = cw_case_study_load (workspace, error);
  if (study == NULL)
    return NULL;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  if (audit == NULL)
    return NULL;
  CwAuditStatus status = cw_audit_get_status (audit);
  if (status != CW_AUDIT_REPORTED && status != CW_AUDIT_CLOSED)
    {
      cw_set_invalid (error, _("The debrief shows the case's model findings, so it is given "
                               "once the report of audit %" PRId64
                               " is issued; issue the report first"),
                      audit_id);
      return NULL;
    }
  const CwCase *kase = study->kase;

  /* Every id of the case in lower case, to the id as the case writes it. */
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < kase->items->len; i++)
    {
      CwCaseItem *item = g_ptr_array_index (kase->items, i);
      g_hash_table_insert (ids, g_ascii_strdown (item->id, -1), item->id);
    }
  for (guint i = 0; i < kase->populations->len; i++)
    {
      CwCasePopulation *population = g_ptr_array_index (kase->populations, i);
      g_hash_table_insert (ids, g_ascii_strdown (population->id, -1), population->id);
    }

  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, audit_id, error);
  if (findings == NULL)
    return NULL;
  g_autoptr (GPtrArray) evidence = cw_workspace_list_evidence (workspace, audit_id, error);
  if (evidence == NULL)
    return NULL;
  g_autoptr (GArray) candidates
    = g_array_sized_new (FALSE, TRUE, sizeof (Candidate), findings->len);
  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  for (guint i = 0; i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      Candidate candidate = { g_object_ref (finding), cw_finding_get_id (finding),
                              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                              FALSE };
      collect_cited (ids, cw_finding_get_evidence (finding), candidate.cited);
      g_array_append_val (candidates, candidate);
    }
  /* The array is complete: its elements stay where they are. */
  g_autoptr (GHashTable) by_finding = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_hash_table_insert (by_finding, &candidate->id, candidate);
    }
  for (guint i = 0; i < evidence->len; i++)
    {
      CwEvidence *item = g_ptr_array_index (evidence, i);
      Candidate *candidate = g_hash_table_lookup (by_finding, &item->finding_id);
      if (candidate == NULL)
        continue;
      collect_cited (ids, item->reference, candidate->cited);
      collect_cited (ids, item->sample_items, candidate->cited);
    }

  g_autoptr (CwDebrief) debrief = g_new0 (CwDebrief, 1);
  debrief->audit_id = audit_id;
  debrief->audit_title = g_strdup (cw_audit_get_title (audit));
  debrief->version = cw_audit_get_version (audit);
  debrief->issued_on = g_strdup (cw_audit_get_issued_on (audit));
  debrief->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_row_free);
  debrief->sampling = g_ptr_array_new_with_free_func ((GDestroyNotify) debrief_sampling_free);

  /* Pair on the same clause first, then within the family, so that a
   * finding on 8.5 does not take the place of one on 8.5.1.3. */
  guint n_models = kase->findings->len;
  g_autofree Candidate **paired = g_new0 (Candidate *, n_models);
  for (int pass = 0; pass < 2; pass++)
    for (guint m = 0; m < n_models; m++)
      {
        const CwModelFinding *model = g_ptr_array_index (kase->findings, m);
        if (paired[m] != NULL)
          continue;
        Candidate *best = best_candidate (model, candidates, pass == 0);
        if (best != NULL)
          {
            best->paired = TRUE;
            paired[m] = best;
          }
      }

  double weight_all = 0, weight_found = 0, weight_matched = 0, statements = 0;
  guint n_found = 0, n_citing = 0;
  for (guint m = 0; m < n_models; m++)
    {
      const CwModelFinding *model = g_ptr_array_index (kase->findings, m);
      CwDebriefRow *row = row_for (model, paired[m]);
      double weight = grade_weight (model->grade);
      weight_all += weight;
      if (row->outcome != CW_DEBRIEF_MISSED)
        {
          weight_found += weight;
          statements += weight * row->statement;
          n_found++;
          if (row->model_items_cited[0] != NULL)
            n_citing++;
        }
      if (row->outcome == CW_DEBRIEF_MATCHED)
        weight_matched += weight;
      debrief->n_outcome[row->outcome]++;
      g_ptr_array_add (debrief->rows, row);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      if (candidate->paired)
        continue;
      g_ptr_array_add (debrief->rows, row_for (NULL, candidate));
      debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED]++;
    }

  g_autoptr (GHashTable) given = handed_out (workspace, audit_id, error);
  if (given == NULL)
    return NULL;
  double sampled = 0;
  for (guint s = 0; s < kase->samples->len; s++)
    {
      const CwCaseSample *sample = g_ptr_array_index (kase->samples, s);
      CwDebriefSampling *sampling = g_new0 (CwDebriefSampling, 1);
      sampling->sample = sample;
      sampling->population = cw_case_lookup_population (kase, sample->population);
      g_autoptr (GHashTable) unseen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < sampling->population->records->len; r++)
        {
          const CwCaseItem *record = g_ptr_array_index (sampling->population->records, r);
          if (g_hash_table_contains (given, record->id))
            {
              sampling->handed_out++;
              continue;
            }
          for (guint m = 0; m < n_models; m++)
            {
              const CwModelFinding *model = g_ptr_array_index (kase->findings, m);
              if (g_strv_contains ((const char *const *) model->cites, record->id))
                g_hash_table_add (unseen, record->id);
            }
        }
      sampling->model_records_not_seen = sorted_keys (unseen);
      sampled += MIN (1.0, (double) sampling->handed_out / sample->at_least);
      g_ptr_array_add (debrief->sampling, sampling);
    }

  debrief->coverage = percent (weight_found, weight_all);
  debrief->grading = percent (weight_matched, weight_found);
  debrief->statements = percent (statements, weight_found);
  debrief->citing
    = percent (n_citing, n_found + debrief->n_outcome[CW_DEBRIEF_UNSUPPORTED]);
  if (kase->samples->len > 0)
    {
      debrief->sampling_score = percent (sampled, kase->samples->len);
      debrief->evidence = (debrief->citing + debrief->sampling_score) / 2;
    }
  else
    debrief->evidence = debrief->citing;
  debrief->overall
    = (debrief->coverage + debrief->grading + debrief->statements + debrief->evidence) / 4;
  debrief->study = g_steal_pointer (&study);
  return g_steal_pointer (&debrief);
}

char *
cw_debrief_to_csv (const CwDebrief *debrief)
{
  g_return_val_if_fail (debrief != NULL, NULL);

  GString *out = g_string_new (NULL);
  const char *header[] = { "outcome", "model",       "model_clause", "model_grade",
                           "finding", "clause",      "grade",        "statement_hints",
                           "cited",   "model_items_cited" };
  cw_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < debrief->rows->len; i++)
    {
      CwDebriefRow *row = g_ptr_array_index (debrief->rows, i);
      g_autoptr (GString) hints = g_string_new (NULL);
      for (guint h = 0; row->hints != NULL && h < row->hints->len; h++)
        {
          CwStatementHint *hint = g_ptr_array_index (row->hints, h);
          g_string_append_printf (hints, "%s%s", h > 0 ? " " : "",
                                  cw_statement_kind_to_string (hint->kind));
        }
      g_autofree char *cited = row->cited != NULL ? g_strjoinv (" ", row->cited) : g_strdup ("");
      g_autofree char *model_cited
        = row->model_items_cited != NULL ? g_strjoinv (" ", row->model_items_cited) : g_strdup ("");
      const char *fields[] = {
        cw_debrief_outcome_to_string (row->outcome),
        row->model != NULL ? row->model->id : "",
        row->model != NULL ? row->model->clause : "",
        row->model != NULL ? cw_grade_to_string (row->model->grade) : "",
        row->label != NULL ? row->label : "",
        row->finding != NULL ? cw_finding_get_clause (row->finding) : "",
        row->finding != NULL ? cw_grade_to_string (cw_finding_get_grade (row->finding)) : "",
        hints->str,
        cited,
        model_cited,
      };
      cw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  const struct
  {
    const char *part;
    double value;
  } scores[] = {
    { "coverage", debrief->coverage },   { "grading", debrief->grading },
    { "statements", debrief->statements }, { "citing", debrief->citing },
    { "sampling", debrief->sampling_score }, { "evidence", debrief->evidence },
    { "overall", debrief->overall },
  };
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (value, sizeof value, "%.1f", scores[i].value);
      const char *fields[] = { "score", scores[i].part, value };
      cw_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}
