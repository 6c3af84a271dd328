/* cw-evidence.c: evidence items of an audit. */
#define G_LOG_DOMAIN "cw-evidence"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-audit.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-open-files.h"
#include "cw-text.h"
#include "cw-record.h"
#include "cw-workspace-private.h"

/* Streams the file through SHA-256, so a large scan or recording never has
 * to fit in memory. */
char *
cw_file_sha256 (const char *path, GError **error)
{
  /* A pipe or device would never end; an open workspace must not be opened
   * and closed again beside its connection (cw-open-files.c). */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || cw_open_files_contains (path))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("%s cannot be kept as evidence: choose an ordinary file, not a folder, a "
                     "device or an open workspace"),
                   name);
      return NULL;
    }
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[64 * 1024];
  gssize n;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error))
         > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- Sampling ------------------------------------------------------------ */

static const char *const method_tokens[] = { "", "random", "systematic", "judgemental" };

const char *
cw_sample_method_to_string (CwSampleMethod method)
{
  g_return_val_if_fail (method <= CW_SAMPLE_JUDGEMENTAL, "");
  return method_tokens[method];
}

gboolean
cw_sample_method_from_string (const char *token, CwSampleMethod *method)
{
  for (guint i = CW_SAMPLE_RANDOM; i < G_N_ELEMENTS (method_tokens); i++)
    if (g_strcmp0 (token, method_tokens[i]) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cw_sample_method_label (CwSampleMethod method)
{
  switch (method)
    {
    case CW_SAMPLE_RANDOM:
      return _("Random");
    case CW_SAMPLE_SYSTEMATIC:
      return _("Systematic");
    case CW_SAMPLE_JUDGEMENTAL:
      return _("Judgemental");
    case CW_SAMPLE_NONE:
    default:
      return _("Not said");
    }
}

/* How many items to examine from a population of `population`.
 *
 * This table is Clausewise's own, from our judgement of what an internal
 * auditor can examine properly in a session and still see a pattern; it
 * is not taken from ISO 19011, from any certification body or from any
 * statistical sampling plan, and gives no statistical confidence. Small
 * populations are examined in full; above that the size grows slowly,
 * since an internal audit samples to find out how a process works, not to
 * estimate an error rate. The auditor raises it where risk is high or the
 * first items show exceptions. */
static const struct
{
  guint up_to; /* population at most */
  guint size;  /* 0: all of them */
} suggestions[] = {
  { 10, 0 },
  { 50, 10 },
  { 250, 15 },
  { 1000, 20 },
  { G_MAXUINT, 30 },
};

guint
cw_sample_suggest (guint population)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (population <= suggestions[i].up_to)
      return suggestions[i].size == 0 ? population : MIN (suggestions[i].size, population);
  g_return_val_if_reached (population);
}

/* The figures of a sample agree with each other. */
static gboolean
check_sample (const CwEvidenceDraft *draft, GError **error)
{
  const CwTextField field = { draft->sample_items, CW_TEXT_LONG_MAX, N_("the items examined") };
  if (!cw_text_check_fields (&field, 1, error))
    return FALSE;
  if (draft->population_size < -1 || draft->sample_size < -1 || draft->exceptions < -1)
    {
      cw_set_invalid (error, _("A population, a sample and its exceptions are counts of items: "
                               "0 or more"));
      return FALSE;
    }
  if (draft->method > CW_SAMPLE_JUDGEMENTAL)
    {
      cw_set_invalid (error, _("A sample is drawn at random, systematically or by judgement"));
      return FALSE;
    }
  if (draft->population_size > 0 && draft->sample_size > draft->population_size)
    {
      cw_set_invalid (error, _("A sample of %d items cannot be larger than its population of %d; "
                               "check both counts"),
                      draft->sample_size, draft->population_size);
      return FALSE;
    }
  if (draft->method != CW_SAMPLE_NONE && draft->sample_size < 0)
    {
      cw_set_invalid (error, _("Say how many items the sample held"));
      return FALSE;
    }
  if (draft->method != CW_SAMPLE_NONE && draft->exceptions > draft->sample_size)
    {
      cw_set_invalid (error, _("%d exceptions cannot be found in a sample of %d items; check "
                               "both counts"),
                      draft->exceptions, draft->sample_size);
      return FALSE;
    }
  return TRUE;
}

static void
bind_count (CwStmt *stmt, int column, gint count)
{
  if (count >= 0)
    cw_stmt_bind_int64 (stmt, column, count);
  else
    cw_stmt_bind_null (stmt, column);
}

/* `has_file`: the item already holds a file's SHA-256 (an edit of one). */
static gboolean
check_draft (CwWorkspace *self, const CwEvidenceDraft *draft, gboolean has_file, GError **error)
{
  const CwTextField fields[] = {
    { draft->reference, CW_TEXT_SHORT_MAX, N_("the evidence's reference") },
    { draft->description, CW_TEXT_LONG_MAX, N_("the evidence's description") },
    { draft->population, CW_TEXT_SHORT_MAX, N_("the population") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error) || !check_sample (draft, error))
    return FALSE;
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, draft->audit_id, error);
  if (audit == NULL)
    return FALSE;
  if (cw_text_is_blank (draft->reference))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("Evidence needs a reference that lets someone find it again: a document "
                     "id and version, record numbers, or who was interviewed and when"));
      return FALSE;
    }
  const char *clause = NULL;
  if (draft->question != NULL)
    {
      CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
      if (catalogue == NULL)
        return FALSE;
      CwQuestion *question = cw_catalogue_lookup_question (catalogue, draft->question);
      if (question == NULL)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no question “%s”"), draft->question);
          return FALSE;
        }
      clause = cw_clause_get_number (cw_question_get_clause (question));
    }
  if (!cw_audit_accepts (audit, clause, error))
    return FALSE;
  if (draft->finding_id > 0)
    {
      g_autoptr (CwFinding) finding = cw_workspace_get_finding (self, draft->finding_id, error);
      if (finding == NULL)
        return FALSE;
      if (cw_finding_get_audit_id (finding) != draft->audit_id)
        {
          g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                       _("Finding %" PRId64 " belongs to another audit"), draft->finding_id);
          return FALSE;
        }
    }
  if (draft->kind == CW_EVIDENCE_FILE && draft->file == NULL && !has_file)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _("File evidence needs the file, so that its SHA-256 can be recorded"));
      return FALSE;
    }
  return TRUE;
}

/* The sample as the history keeps it: "random, 15 of 400, 1 exception:
 * RFC-2291, …". */
static char *
sample_summary (gint population_size, CwSampleMethod method, gint size, gint exceptions,
                const char *items)
{
  if (method == CW_SAMPLE_NONE)
    return g_strdup ("");
  g_autofree char *of = population_size > 0 ? g_strdup_printf ("%d", population_size)
                                            : g_strdup ("?");
  g_autofree char *exc = exceptions >= 0 ? g_strdup_printf ("%d", exceptions) : g_strdup ("?");
  return g_strdup_printf ("%s, %d of %s, %s exceptions: %s", cw_sample_method_to_string (method),
                          size, of, exc, items ? items : "");
}

/* A new item's id is never one a deleted item had (see cw-finding.c). */
#define NEXT_EVIDENCE_ID                                                                           \
  "(SELECT max (coalesce ((SELECT max (id) FROM evidence), 0),"                                    \
  " coalesce ((SELECT max (entity_id) FROM history WHERE entity = 'evidence'), 0)) + 1)"

static gint64
insert_evidence (CwWorkspace *self, const CwEvidenceDraft *draft, const char *sha256,
                 GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO evidence (id, audit, question, finding, kind, reference, description,"
    " population, sample_size, sha256, created_at, uuid, population_size, sample_method,"
    " sample_items, sample_exceptions) VALUES (" NEXT_EVIDENCE_ID ","
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *now = cw_timestamp_now ();
  cw_stmt_bind_int64 (stmt, 1, draft->audit_id);
  cw_stmt_bind_text (stmt, 2, draft->question);
  if (draft->finding_id > 0)
    cw_stmt_bind_int64 (stmt, 3, draft->finding_id);
  cw_stmt_bind_text (stmt, 4, cw_evidence_kind_to_string (draft->kind));
  cw_stmt_bind_text (stmt, 5, draft->reference);
  cw_stmt_bind_text (stmt, 6, draft->description ? draft->description : "");
  cw_stmt_bind_text (stmt, 7, draft->population ? draft->population : "");
  if (draft->sample_size >= 0)
    cw_stmt_bind_int64 (stmt, 8, draft->sample_size);
  cw_stmt_bind_text (stmt, 9, sha256);
  cw_stmt_bind_text (stmt, 10, now);
  g_autofree char *uuid = cw_record_new_uuid ();
  cw_stmt_bind_text (stmt, 11, uuid);
  gboolean sampled = draft->method != CW_SAMPLE_NONE;
  bind_count (stmt, 12, draft->population_size > 0 ? draft->population_size : -1);
  cw_stmt_bind_text (stmt, 13, sampled ? cw_sample_method_to_string (draft->method) : NULL);
  cw_stmt_bind_text (stmt, 14, sampled && draft->sample_items ? draft->sample_items : "");
  bind_count (stmt, 15, sampled ? draft->exceptions : -1);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  const char *searchable[]
    = { draft->reference, draft->description ? draft->description : "",
        draft->population ? draft->population : "", NULL };
  if (!cw_search_index_put (self, CW_SEARCH_EVIDENCE, id, searchable, error))
    return 0;
  g_autofree char *sample
    = draft->sample_size >= 0 ? g_strdup_printf ("%d", draft->sample_size) : g_strdup ("");
  const char *fields[] = { cw_evidence_kind_to_string (draft->kind), draft->reference,
                           draft->description, draft->population, sample, sha256 };
  g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
  if (!cw_workspace_record (self, "evidence", id, "created", NULL, content, error))
    return 0;
  if (sampled)
    {
      g_autofree char *how = sample_summary (draft->population_size, draft->method,
                                             draft->sample_size, draft->exceptions,
                                             draft->sample_items);
      if (!cw_workspace_record (self, "evidence", id, "sample", NULL, how, error))
        return 0;
    }
  return id;
}

gint64
cw_workspace_add_evidence (CwWorkspace *self, const CwEvidenceDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!check_draft (self, draft, FALSE, error))
    return 0;
  g_autofree char *sha256 = NULL;
  if (draft->kind == CW_EVIDENCE_FILE && (sha256 = cw_file_sha256 (draft->file, error)) == NULL)
    return 0;
  if (!cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_evidence (self, draft, sha256, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

void
cw_evidence_free (CwEvidence *evidence)
{
  g_free (evidence->question);
  g_free (evidence->reference);
  g_free (evidence->description);
  g_free (evidence->population);
  g_free (evidence->sha256);
  g_free (evidence->sample_items);
  g_free (evidence);
}

#define EVIDENCE_COLUMNS                                                                           \
  "id, audit, question, finding, kind, reference, description, population, sample_size,"        \
  " sha256, rev, population_size, sample_method, sample_items, sample_exceptions"

static CwEvidence *
evidence_from_row (CwStmt *stmt)
{
  CwEvidence *item = g_new0 (CwEvidence, 1);
  item->id = cw_stmt_int64 (stmt, 0);
  item->audit_id = cw_stmt_int64 (stmt, 1);
  item->question = cw_stmt_dup_text (stmt, 2);
  item->finding_id = cw_stmt_int64 (stmt, 3);
  cw_evidence_kind_from_string (cw_stmt_text (stmt, 4), &item->kind);
  item->reference = cw_stmt_dup_text (stmt, 5);
  item->description = cw_stmt_dup_text (stmt, 6);
  item->population = cw_stmt_dup_text (stmt, 7);
  item->sample_size = cw_stmt_is_null (stmt, 8) ? -1 : cw_stmt_int64 (stmt, 8);
  item->sha256 = cw_stmt_dup_text (stmt, 9);
  item->rev = cw_stmt_int64 (stmt, 10);
  item->population_size = cw_stmt_is_null (stmt, 11) ? -1 : cw_stmt_int64 (stmt, 11);
  if (cw_stmt_is_null (stmt, 12)
      || !cw_sample_method_from_string (cw_stmt_text (stmt, 12), &item->method))
    item->method = CW_SAMPLE_NONE;
  item->sample_items = cw_stmt_dup_text (stmt, 13);
  item->exceptions = cw_stmt_is_null (stmt, 14) ? -1 : cw_stmt_int64 (stmt, 14);
  return item;
}

GPtrArray *
cw_workspace_list_evidence (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE audit = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_evidence_free);
  int rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (items, evidence_from_row (stmt));
  if (!(rc == CW_STEP_DONE))
    return NULL;
  return g_steal_pointer (&items);
}

CwEvidence *
cw_workspace_get_evidence (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no evidence item %" PRId64 " in this workspace"), id);
      return NULL;
    }
  CwEvidence *item = evidence_from_row (stmt);
  cw_stmt_reset (stmt);
  return item;
}

/* ---- Correcting and deleting ------------------------------------------- */

static char *
sample_text (gint sample_size)
{
  return sample_size >= 0 ? g_strdup_printf ("%d", sample_size) : g_strdup ("");
}

static gboolean
store_evidence (CwWorkspace *self, const CwEvidence *old, const CwEvidenceDraft *new,
                GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE evidence SET kind = ?, reference = ?, description = ?, population = ?,"
    " sample_size = ?, rev = rev + 1, population_size = ?8, sample_method = ?9,"
    " sample_items = ?10, sample_exceptions = ?11 WHERE id = ?6 AND rev = ?7",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, cw_evidence_kind_to_string (new->kind));
  cw_stmt_bind_text (stmt, 2, new->reference);
  cw_stmt_bind_text (stmt, 3, new->description);
  cw_stmt_bind_text (stmt, 4, new->population);
  if (new->sample_size >= 0)
    cw_stmt_bind_int64 (stmt, 5, new->sample_size);
  else
    cw_stmt_bind_null (stmt, 5);
  cw_stmt_bind_int64 (stmt, 6, old->id);
  cw_stmt_bind_int64 (stmt, 7, old->rev);
  gboolean sampled = new->method != CW_SAMPLE_NONE;
  bind_count (stmt, 8, new->population_size > 0 ? new->population_size : -1);
  cw_stmt_bind_text (stmt, 9, sampled ? cw_sample_method_to_string (new->method) : NULL);
  cw_stmt_bind_text (stmt, 10, sampled && new->sample_items ? new->sample_items : "");
  bind_count (stmt, 11, sampled ? new->exceptions : -1);
  if (!cw_workspace_run_update (self, stmt, "evidence", old->id, error))
    return FALSE;
  g_autofree char *old_how = sample_summary (old->population_size, old->method, old->sample_size,
                                             old->exceptions, old->sample_items);
  g_autofree char *new_how = sample_summary (new->population_size, new->method, new->sample_size,
                                             new->exceptions, new->sample_items);
  if (!cw_workspace_record_change (self, "evidence", old->id, "sample", old_how, new_how, error))
    return FALSE;

  g_autofree char *old_sample = sample_text (old->sample_size);
  g_autofree char *new_sample = sample_text (new->sample_size);
  static const char *const fields[]
    = { "kind", "reference", "description", "population", "sample_size" };
  const char *before[] = { cw_evidence_kind_to_string (old->kind), old->reference,
                           old->description, old->population, old_sample };
  const char *after[] = { cw_evidence_kind_to_string (new->kind), new->reference,
                          new->description, new->population, new_sample };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!cw_workspace_record_change (self, "evidence", old->id, fields[i], before[i], after[i],
                                     error))
      return FALSE;
  const char *searchable[] = { new->reference, new->description, new->population, NULL };
  return cw_search_index_put (self, CW_SEARCH_EVIDENCE, old->id, searchable, error);
}

static void
set_changed_meanwhile (gint64 id, GError **error)
{
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
               _("Evidence item %" PRId64 " was changed meanwhile, in another window or by "
                 "another program; nothing was saved. Open it again to see the change, then "
                 "repeat yours"),
               id);
}

/* Corrects an evidence item while its audit accepts changes; the rules of
 * a new item hold for the result. Nothing is written when nothing changes. */
gboolean
cw_workspace_update_evidence (CwWorkspace *self, gint64 id, const CwEvidenceChanges *changes,
                              GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  g_autoptr (CwEvidence) old = cw_workspace_get_evidence (self, id, error);
  if (old == NULL)
    return FALSE;
  if (changes->rev != 0 && changes->rev != old->rev)
    {
      set_changed_meanwhile (id, error);
      return FALSE;
    }
  CwEvidenceKind kind = changes->kind ? *changes->kind : old->kind;
  if ((kind == CW_EVIDENCE_FILE) != (old->kind == CW_EVIDENCE_FILE))
    {
      cw_set_invalid (error, old->kind == CW_EVIDENCE_FILE
                               ? _("Evidence item %" PRId64 " is a file kept by its SHA-256 and "
                                   "stays one; record the other kind as new evidence and delete "
                                   "this item if it is wrong")
                               : _("Evidence item %" PRId64 " cannot become a file: add the file "
                                   "as new evidence, so that its SHA-256 is recorded"),
                     id);
      return FALSE;
    }
  gint sample_size = changes->sample_size ? *changes->sample_size : old->sample_size;
  if (sample_size < -1)
    {
      cw_set_invalid (error, _("A sample size is a count of items: 0 or more"));
      return FALSE;
    }
  const CwTextField fields[] = {
    { changes->reference, CW_TEXT_SHORT_MAX, N_("the evidence's reference") },
    { changes->description, CW_TEXT_LONG_MAX, N_("the evidence's description") },
    { changes->population, CW_TEXT_SHORT_MAX, N_("the population") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  /* Stored as given, as a new item's are. */
  const char *reference = changes->reference ? changes->reference : old->reference;
  const char *description = changes->description ? changes->description : old->description;
  const char *population = changes->population ? changes->population : old->population;
  CwEvidenceDraft new = {
    .audit_id = old->audit_id,
    .question = old->question,
    .finding_id = old->finding_id,
    .kind = kind,
    .reference = reference,
    .description = description,
    .population = population,
    .sample_size = sample_size,
    .population_size = changes->population_size ? *changes->population_size
                                                : old->population_size,
    .method = changes->method ? *changes->method : old->method,
    .sample_items = changes->sample_items ? changes->sample_items : old->sample_items,
    .exceptions = changes->exceptions ? *changes->exceptions : old->exceptions,
  };
  if (new.population_size == 0)
    new.population_size = -1;
  if (!check_draft (self, &new, old->sha256 != NULL, error))
    return FALSE;
  if (kind == old->kind && sample_size == old->sample_size
      && g_str_equal (reference, old->reference) && g_str_equal (description, old->description)
      && g_str_equal (population, old->population)
      && new.population_size == old->population_size && new.method == old->method
      && g_str_equal (new.sample_items, old->sample_items) && new.exceptions == old->exceptions)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, store_evidence (self, old, &new, error), error);
}

static gboolean
drop_evidence (CwWorkspace *self, const CwEvidence *item, GError **error)
{
  const char *nothing[] = { NULL };
  if (!cw_search_index_put (self, CW_SEARCH_EVIDENCE, item->id, nothing, error))
    return FALSE;
  CwStmt *drop
    = cw_workspace_prepare (self, "DELETE FROM evidence WHERE id = ? AND rev = ?", error);
  if (drop == NULL)
    return FALSE;
  cw_stmt_bind_int64 (drop, 1, item->id);
  cw_stmt_bind_int64 (drop, 2, item->rev);
  return cw_workspace_run_update (self, drop, "evidence", item->id, error)
         && cw_workspace_record (self, "evidence", item->id, "deleted", item->reference, NULL,
                                 error);
}

/* Deletes an evidence item while its audit accepts changes; the history
 * keeps what it said. */
gboolean
cw_workspace_delete_evidence (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwEvidence) item = cw_workspace_get_evidence (self, id, error);
  if (item == NULL)
    return FALSE;
  const char *clause = NULL;
  if (item->question != NULL)
    {
      CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
      if (catalogue == NULL)
        return FALSE;
      CwQuestion *question = cw_catalogue_lookup_question (catalogue, item->question);
      if (question != NULL)
        clause = cw_clause_get_number (cw_question_get_clause (question));
    }
  if (!cw_workspace_audit_accepts (self, item->audit_id, clause, error)
      || !cw_workspace_edit_begin (self, error))
    return FALSE;
  return cw_workspace_edit_end (self, drop_evidence (self, item, error), error);
}
