/* cw-register.c: the register of documented information, its rules, the
 * mandatory items, and its CSV import and export.
 */
#define G_LOG_DOMAIN "cw-register"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include "cw-i18n.h"

#include "cw-catalogue.h"
#include "cw-csv.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-record.h"
#include "cw-register.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

/* What certification bodies commonly ask to see at Stage One (see
 * DOMAIN.md, "Documented information certifiers ask for"), as the clause
 * and kind of the catalogue's expected items they correspond to. The
 * catalogue carries no mandatory flag, because what a certifier insists on
 * is a judgement about certification, not part of the clause guidance; it
 * is made here, once. The register, readiness and the tests read it from
 * this table only; test-register checks that the catalogue expects each. */
static const CwMandatoryItem mandatory_items[] = {
  /* Documents */
  { "4.3", CW_EXPECTED_DOCUMENT },     /* scope of the SMS */
  { "4.4", CW_EXPECTED_DOCUMENT },     /* process descriptions */
  { "5.2.1", CW_EXPECTED_DOCUMENT },   /* service management policy */
  { "6.1", CW_EXPECTED_DOCUMENT },     /* risk approach and acceptance criteria */
  { "6.2.1", CW_EXPECTED_DOCUMENT },   /* service management objectives */
  { "6.3", CW_EXPECTED_DOCUMENT },     /* service management plan */
  { "8.2.2", CW_EXPECTED_DOCUMENT },   /* service requirements */
  { "8.2.4", CW_EXPECTED_DOCUMENT },   /* service catalogue */
  { "8.2.6", CW_EXPECTED_DOCUMENT },   /* configuration item types */
  { "8.3.3", CW_EXPECTED_DOCUMENT },   /* service level agreements */
  { "8.3.4.1", CW_EXPECTED_DOCUMENT }, /* supplier contracts */
  { "8.3.4.2", CW_EXPECTED_DOCUMENT }, /* internal agreements */
  { "8.5.1.1", CW_EXPECTED_DOCUMENT }, /* change management policy */
  { "8.7.2", CW_EXPECTED_DOCUMENT },   /* service continuity plans */
  { "8.7.3.1", CW_EXPECTED_DOCUMENT }, /* information security policy */
  { "9.2", CW_EXPECTED_DOCUMENT },     /* internal audit programme */
  /* Records */
  { "7.2", CW_EXPECTED_RECORD },       /* competence */
  { "8.2.6", CW_EXPECTED_RECORD },     /* configuration information */
  { "8.3.2", CW_EXPECTED_RECORD },     /* complaints */
  { "8.3.4.1", CW_EXPECTED_RECORD },   /* supplier disputes */
  { "8.5.1.2", CW_EXPECTED_RECORD },   /* requests for change */
  { "8.6.1", CW_EXPECTED_RECORD },     /* incidents */
  { "8.6.2", CW_EXPECTED_RECORD },     /* service requests */
  { "8.6.3", CW_EXPECTED_RECORD },     /* problems and known errors */
  { "8.7.1", CW_EXPECTED_RECORD },     /* availability monitoring */
  { "8.7.2", CW_EXPECTED_RECORD },     /* continuity test results */
  { "8.7.3.3", CW_EXPECTED_RECORD },   /* information security incidents */
  { "9.1", CW_EXPECTED_RECORD },       /* monitoring and measurement results */
  { "9.2", CW_EXPECTED_RECORD },       /* audit results */
  { "9.3", CW_EXPECTED_RECORD },       /* management review results */
  { "10.1", CW_EXPECTED_RECORD },      /* nonconformities and corrective actions */
  { "10.2", CW_EXPECTED_RECORD },      /* improvement opportunities */
};

const CwMandatoryItem *
cw_register_mandatory_items (guint *n_items)
{
  *n_items = G_N_ELEMENTS (mandatory_items);
  return mandatory_items;
}

gboolean
cw_register_is_mandatory (const char *clause, CwExpectedKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (mandatory_items); i++)
    if (mandatory_items[i].kind == kind && g_strcmp0 (mandatory_items[i].clause, clause) == 0)
      return TRUE;
  return FALSE;
}

static const struct
{
  const char *token;
  const char *label;
} statuses[] = {
  [CW_DOC_MISSING] = { "missing", N_("Missing") },
  [CW_DOC_DRAFT] = { "draft", N_("Draft") },
  [CW_DOC_APPROVED] = { "approved", N_("Approved") },
  [CW_DOC_REVIEW_DUE] = { "review-due", N_("Review due") },
  [CW_DOC_WITHDRAWN] = { "withdrawn", N_("Withdrawn") },
};

const char *
cw_doc_status_to_string (CwDocStatus status)
{
  g_return_val_if_fail (status <= CW_DOC_WITHDRAWN, NULL);
  return statuses[status].token;
}

gboolean
cw_doc_status_from_string (const char *token, CwDocStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (token, statuses[i].token) == 0)
      {
        *status = (CwDocStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cw_doc_status_label (CwDocStatus status)
{
  g_return_val_if_fail (status <= CW_DOC_WITHDRAWN, NULL);
  return _(statuses[status].label);
}

/* The statuses a person may set. */
const char *
cw_doc_status_tokens (void)
{
  return "missing, draft, approved or withdrawn";
}

/* The one rule of "review due": approved, and the next review day passed. */
CwDocStatus
cw_register_entry_status (const CwRegisterEntry *entry, const GDate *today)
{
  g_return_val_if_fail (entry != NULL, CW_DOC_MISSING);
  g_return_val_if_fail (today != NULL, entry->stored);

  if (entry->stored == CW_DOC_APPROVED && entry->review_due != NULL)
    {
      g_autofree char *day = cw_date_to_string (today);
      if (strcmp (entry->review_due, day) < 0)
        return CW_DOC_REVIEW_DUE;
    }
  return entry->stored;
}

void
cw_register_entry_free (CwRegisterEntry *entry)
{
  g_free (entry->reference);
  g_free (entry->title);
  g_strfreev (entry->clauses);
  g_free (entry->version);
  g_free (entry->owner);
  g_free (entry->approved_on);
  g_free (entry->review_due);
  g_free (entry->location);
  g_free (entry->sha256);
  g_free (entry->created_at);
  g_free (entry);
}

void
cw_register_item_free (CwRegisterItem *item)
{
  g_free (item->clause);
  g_free (item->expected);
  g_array_unref (item->entries);
  g_free (item);
}

/* ---- Rules -------------------------------------------------------------- */

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
reference_is_valid (const char *reference)
{
  for (const char *p = reference; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_./", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
check_date (const char *text, const char *field, GError **error)
{
  if (!is_set (text))
    return TRUE;
  g_autoptr (GError) local = NULL;
  if (cw_date_check (text, &local))
    return TRUE;
  cw_set_invalid (error, "%s: %s", field, local->message);
  return FALSE;
}

/* Everything about a draft that needs no lookup in the file besides the
 * catalogue: sizes, dates, the reference's form, the clauses, the status. */
gboolean
cw_register_draft_check (CwWorkspace *self, const CwRegisterDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  const CwTextField fields[] = {
    { draft->reference, CW_REGISTER_REFERENCE_MAX, N_("the reference") },
    { draft->title, CW_TEXT_SHORT_MAX, N_("the title") },
    { draft->version, CW_TEXT_SHORT_MAX, N_("the version") },
    { draft->owner, CW_TEXT_SHORT_MAX, N_("the owner") },
    { draft->approved_on, CW_TEXT_SHORT_MAX, N_("the approval date") },
    { draft->review_due, CW_TEXT_SHORT_MAX, N_("the next review date") },
    { draft->location, CW_TEXT_SHORT_MAX, N_("the location") },
    { draft->sha256, CW_TEXT_SHORT_MAX, N_("the SHA-256") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  for (guint i = 0; draft->clauses != NULL && draft->clauses[i] != NULL; i++)
    if (!cw_text_check (draft->clauses[i], CW_TEXT_SHORT_MAX, _("a clause"), error))
      return FALSE;
  if (cw_text_is_blank (draft->reference))
    {
      cw_set_invalid (error, _("An entry needs a reference, such as CHG-POL"));
      return FALSE;
    }
  if (!reference_is_valid (draft->reference))
    {
      cw_set_invalid (error, _("The reference “%s” may hold only letters, digits and - _ . /, "
                               "such as CHG-POL or ISMS/01"),
                      draft->reference);
      return FALSE;
    }
  if (cw_text_is_blank (draft->title))
    {
      cw_set_invalid (error, _("The entry %s needs a title, such as “Change management policy”"),
                      draft->reference);
      return FALSE;
    }
  if (draft->kind != CW_EXPECTED_DOCUMENT && draft->kind != CW_EXPECTED_RECORD)
    {
      cw_set_invalid (error, _("An entry is a document or a record"));
      return FALSE;
    }
  if (draft->clauses == NULL || draft->clauses[0] == NULL)
    {
      cw_set_invalid (error, _("Name the clauses the entry serves, such as 8.5.1.1"));
      return FALSE;
    }
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return FALSE;
  for (guint i = 0; draft->clauses[i] != NULL; i++)
    if (cw_catalogue_lookup_clause (catalogue, draft->clauses[i]) == NULL)
      {
        cw_set_invalid (error, _("There is no clause “%s”; “clausewise-cli catalogue” lists them"),
                        draft->clauses[i]);
        return FALSE;
      }
  if (draft->status == CW_DOC_REVIEW_DUE || draft->status > CW_DOC_WITHDRAWN)
    {
      cw_set_invalid (error, _("“Review due” follows from the next review date; set that date "
                               "instead, and a status of missing, draft, approved or withdrawn"));
      return FALSE;
    }
  if (!check_date (draft->approved_on, _("approved on"), error)
      || !check_date (draft->review_due, _("next review due"), error))
    return FALSE;
  if (draft->status == CW_DOC_APPROVED && !is_set (draft->approved_on))
    {
      cw_set_invalid (error, _("An approved entry needs the day it was approved (YYYY-MM-DD)"));
      return FALSE;
    }
  if (is_set (draft->approved_on) && is_set (draft->review_due)
      && strcmp (draft->review_due, draft->approved_on) < 0)
    {
      cw_set_invalid (error, _("The next review (%s) comes before the approval (%s); check the "
                               "dates"),
                      draft->review_due, draft->approved_on);
      return FALSE;
    }
  if (is_set (draft->sha256) && !is_sha256 (draft->sha256))
    {
      cw_set_invalid (error, _("“%s” is not a SHA-256: 64 digits and lower-case letters a to f"),
                      draft->sha256);
      return FALSE;
    }
  return TRUE;
}

/* The clauses as given, known ones only, each once, in catalogue order. */
static GStrv
ordered_clauses (CwWorkspace *self, const char *const *clauses, GError **error)
{
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  GPtrArray *all = cw_catalogue_get_clauses (catalogue);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const char *number = cw_clause_get_number (g_ptr_array_index (all, i));
      if (g_strv_contains (clauses, number))
        g_strv_builder_add (builder, number);
    }
  return g_strv_builder_end (builder);
}

/* The id of the entry with this reference, whatever its case; 0 if none. */
static gboolean
lookup_reference (CwWorkspace *self, const char *reference, gint64 *id, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT id FROM register_entry WHERE lower (reference) = lower (?)", error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_text (stmt, 1, reference);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return FALSE;
  *id = found ? cw_stmt_int64 (stmt, 0) : 0;
  cw_stmt_reset (stmt);
  return TRUE;
}

static gboolean
check_unique (CwWorkspace *self, const char *reference, gint64 own_id, GError **error)
{
  gint64 other;
  if (!lookup_reference (self, reference, &other, error))
    return FALSE;
  if (other != 0 && other != own_id)
    {
      cw_set_invalid (error, _("The register already has an entry %s; give this one another "
                               "reference, or update that one"),
                      reference);
      return FALSE;
    }
  return TRUE;
}

static void
bind_optional (CwStmt *stmt, int column, const char *text)
{
  cw_stmt_bind_text (stmt, column, is_set (text) ? text : NULL);
}

static gboolean
store_clauses (CwWorkspace *self, gint64 id, const char *const *clauses, GError **error)
{
  CwStmt *clear = cw_workspace_prepare (self, "DELETE FROM register_clause WHERE entry = ?",
                                        error);
  if (clear == NULL)
    return FALSE;
  cw_stmt_bind_int64 (clear, 1, id);
  if (!cw_stmt_run (clear, error))
    return FALSE;
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      CwStmt *put = cw_workspace_prepare (
        self, "INSERT INTO register_clause (entry, clause) VALUES (?, ?)", error);
      if (put == NULL)
        return FALSE;
      cw_stmt_bind_int64 (put, 1, id);
      cw_stmt_bind_text (put, 2, clauses[i]);
      if (!cw_stmt_run (put, error))
        return FALSE;
    }
  return TRUE;
}

/* The hash and location a draft stores: a file is hashed now. */
static gboolean
resolve_location (const CwRegisterDraft *draft, char **location, char **sha256, GError **error)
{
  if (is_set (draft->file))
    {
      *sha256 = cw_file_sha256 (draft->file, error);
      if (*sha256 == NULL)
        return FALSE;
      *location = g_strdup (is_set (draft->location) ? draft->location : draft->file);
      if (!cw_text_check (*location, CW_TEXT_SHORT_MAX, _("the location"), error))
        return FALSE;
      return TRUE;
    }
  *sha256 = is_set (draft->sha256) ? g_strdup (draft->sha256) : NULL;
  *location = g_strdup (or_empty (draft->location));
  return TRUE;
}

static gint64
insert_entry (CwWorkspace *self, const CwRegisterDraft *draft, const char *const *clauses,
              const char *location, const char *sha256, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO register_entry (uuid, reference, title, kind, version, owner, approved_on,"
    " review_due, status, location, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *uuid = cw_record_new_uuid ();
  g_autofree char *now = cw_timestamp_now ();
  g_autofree char *title = cw_text_trimmed (draft->title);
  g_autofree char *reference = cw_text_trimmed (draft->reference);
  cw_stmt_bind_text (stmt, 1, uuid);
  cw_stmt_bind_text (stmt, 2, reference);
  cw_stmt_bind_text (stmt, 3, title);
  cw_stmt_bind_text (stmt, 4, cw_expected_kind_to_string (draft->kind));
  cw_stmt_bind_text (stmt, 5, or_empty (draft->version));
  cw_stmt_bind_text (stmt, 6, or_empty (draft->owner));
  bind_optional (stmt, 7, draft->approved_on);
  bind_optional (stmt, 8, draft->review_due);
  cw_stmt_bind_text (stmt, 9, cw_doc_status_to_string (draft->status));
  cw_stmt_bind_text (stmt, 10, location);
  cw_stmt_bind_text (stmt, 11, sha256);
  cw_stmt_bind_text (stmt, 12, now);
  if (!cw_stmt_run (stmt, error))
    return 0;
  gint64 id = cw_workspace_last_insert_id (self);
  if (!store_clauses (self, id, clauses, error))
    return 0;
  g_autofree char *served = g_strjoinv (", ", (char **) clauses);
  const char *fields[] = { reference, title, cw_expected_kind_to_string (draft->kind), served,
                           or_empty (draft->version), or_empty (draft->owner),
                           or_empty (draft->approved_on), or_empty (draft->review_due),
                           cw_doc_status_to_string (draft->status), location, or_empty (sha256) };
  g_autofree char *content = cw_history_content (fields, G_N_ELEMENTS (fields));
  return cw_workspace_record (self, "register", id, "created", NULL, content, error) ? id : 0;
}

/* Adds an entry; returns its id, or 0 with the reason. */
gint64
cw_workspace_add_register_entry (CwWorkspace *self, const CwRegisterDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!cw_register_draft_check (self, draft, error))
    return 0;
  g_auto (GStrv) clauses = ordered_clauses (self, draft->clauses, error);
  g_autofree char *location = NULL, *sha256 = NULL;
  if (clauses == NULL || !check_unique (self, draft->reference, 0, error)
      || !resolve_location (draft, &location, &sha256, error)
      || !cw_workspace_edit_begin (self, error))
    return 0;
  gint64 id = insert_entry (self, draft, (const char *const *) clauses, location, sha256, error);
  return cw_workspace_edit_end (self, id != 0, error) ? id : 0;
}

/* Saves `draft` over the entry as it was loaded; refused with CHANGED when
 * it was changed since. Only changed fields get a history entry. */
gboolean
cw_workspace_update_register_entry (CwWorkspace *self, const CwRegisterEntry *loaded,
                                    const CwRegisterDraft *draft, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!cw_register_draft_check (self, draft, error))
    return FALSE;
  g_auto (GStrv) clauses = ordered_clauses (self, draft->clauses, error);
  g_autofree char *location = NULL, *sha256 = NULL;
  if (clauses == NULL || !check_unique (self, draft->reference, loaded->id, error))
    return FALSE;
  if (is_set (draft->file) || draft->sha256 != NULL)
    {
      if (!resolve_location (draft, &location, &sha256, error))
        return FALSE;
    }
  else
    {
      /* A new location without a file keeps no hash of an old file. */
      location = g_strdup (or_empty (draft->location));
      sha256 = g_strcmp0 (location, loaded->location) == 0 ? g_strdup (loaded->sha256) : NULL;
    }
  g_autofree char *title = cw_text_trimmed (draft->title);
  g_autofree char *reference = cw_text_trimmed (draft->reference);
  g_autofree char *old_clauses = g_strjoinv (", ", loaded->clauses);
  g_autofree char *new_clauses = g_strjoinv (", ", clauses);
  struct
  {
    const char *field;
    const char *old_value;
    const char *new_value;
  } changes[] = {
    { "reference", loaded->reference, reference },
    { "title", loaded->title, title },
    { "kind", cw_expected_kind_to_string (loaded->kind), cw_expected_kind_to_string (draft->kind) },
    { "clauses", old_clauses, new_clauses },
    { "version", loaded->version, or_empty (draft->version) },
    { "owner", loaded->owner, or_empty (draft->owner) },
    { "approved_on", or_empty (loaded->approved_on), or_empty (draft->approved_on) },
    { "review_due", or_empty (loaded->review_due), or_empty (draft->review_due) },
    { "status", cw_doc_status_to_string (loaded->stored), cw_doc_status_to_string (draft->status) },
    { "location", loaded->location, location },
    { "sha256", or_empty (loaded->sha256), or_empty (sha256) },
  };
  gboolean changed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    changed |= g_strcmp0 (changes[i].old_value, changes[i].new_value) != 0;
  if (!changed)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "UPDATE register_entry SET reference = ?, title = ?, kind = ?, version = ?, owner = ?,"
    " approved_on = ?, review_due = ?, status = ?, location = ?, sha256 = ?, rev = rev + 1"
    " WHERE id = ? AND rev = ?",
    error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, reference);
      cw_stmt_bind_text (stmt, 2, title);
      cw_stmt_bind_text (stmt, 3, cw_expected_kind_to_string (draft->kind));
      cw_stmt_bind_text (stmt, 4, or_empty (draft->version));
      cw_stmt_bind_text (stmt, 5, or_empty (draft->owner));
      bind_optional (stmt, 6, draft->approved_on);
      bind_optional (stmt, 7, draft->review_due);
      cw_stmt_bind_text (stmt, 8, cw_doc_status_to_string (draft->status));
      cw_stmt_bind_text (stmt, 9, location);
      bind_optional (stmt, 10, sha256);
      cw_stmt_bind_int64 (stmt, 11, loaded->id);
      cw_stmt_bind_int64 (stmt, 12, loaded->rev);
      ok = cw_workspace_run_update (self, stmt, "register", loaded->id, error);
    }
  if (ok && g_strcmp0 (old_clauses, new_clauses) != 0)
    ok = store_clauses (self, loaded->id, (const char *const *) clauses, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (changes); i++)
    if (g_strcmp0 (changes[i].old_value, changes[i].new_value) != 0)
      ok = cw_workspace_record_change (self, "register", loaded->id, changes[i].field,
                                       changes[i].old_value, changes[i].new_value, error);
  return cw_workspace_edit_end (self, ok, error);
}

/* Withdraws an entry: it stays in the register, and serves nothing. */
gboolean
cw_workspace_withdraw_register_entry (CwWorkspace *self, const CwRegisterEntry *loaded,
                                      GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  if (loaded->stored == CW_DOC_WITHDRAWN)
    {
      cw_set_invalid (error, _("%s is withdrawn already"), loaded->reference);
      return FALSE;
    }
  CwRegisterDraft draft = {
    loaded->reference, loaded->title, loaded->kind, (const char *const *) loaded->clauses,
    loaded->version, loaded->owner, loaded->approved_on, loaded->review_due, CW_DOC_WITHDRAWN,
    loaded->location, NULL, NULL,
  };
  return cw_workspace_update_register_entry (self, loaded, &draft, error);
}

/* ---- Reading ------------------------------------------------------------ */

#define ENTRY_COLUMNS                                                                              \
  "id, rev, reference, title, kind, version, owner, approved_on, review_due, status, location,"   \
  " sha256, created_at,"                                                                           \
  " (SELECT group_concat (clause, ' ') FROM (SELECT clause FROM register_clause"                   \
  "  WHERE register_clause.entry = register_entry.id))"

static CwRegisterEntry *
entry_from_row (CwStmt *stmt)
{
  CwRegisterEntry *entry = g_new0 (CwRegisterEntry, 1);
  entry->id = cw_stmt_int64 (stmt, 0);
  entry->rev = cw_stmt_int64 (stmt, 1);
  entry->reference = cw_stmt_dup_text (stmt, 2);
  entry->title = cw_stmt_dup_text (stmt, 3);
  if (!cw_expected_kind_from_string (cw_stmt_text (stmt, 4), &entry->kind))
    entry->kind = CW_EXPECTED_DOCUMENT;
  entry->version = cw_stmt_dup_text (stmt, 5);
  entry->owner = cw_stmt_dup_text (stmt, 6);
  entry->approved_on = cw_stmt_dup_text (stmt, 7);
  entry->review_due = cw_stmt_dup_text (stmt, 8);
  if (!cw_doc_status_from_string (cw_stmt_text (stmt, 9), &entry->stored))
    entry->stored = CW_DOC_DRAFT;
  entry->location = cw_stmt_dup_text (stmt, 10);
  entry->sha256 = cw_stmt_dup_text (stmt, 11);
  entry->created_at = cw_stmt_dup_text (stmt, 12);
  entry->clauses = g_strsplit (or_empty (cw_stmt_text (stmt, 13)), " ", -1);
  if (entry->clauses[0] != NULL && *entry->clauses[0] == '\0')
    {
      g_strfreev (entry->clauses);
      entry->clauses = g_new0 (char *, 1);
    }
  return entry;
}

/* Entries in catalogue order of their clauses need the catalogue; the
 * register lists them by reference, which is how people look them up. */
GPtrArray *
cw_workspace_list_register (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT " ENTRY_COLUMNS " FROM register_entry ORDER BY reference", error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_register_entry_free);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != CW_STEP_DONE)
    return NULL;
  /* Clauses in catalogue order, as they were stored. */
  for (guint i = 0; i < entries->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (entries, i);
      g_auto (GStrv) ordered = ordered_clauses (self, (const char *const *) entry->clauses, error);
      if (ordered == NULL)
        return NULL;
      g_strfreev (entry->clauses);
      entry->clauses = g_steal_pointer (&ordered);
    }
  return g_steal_pointer (&entries);
}

static CwRegisterEntry *
get_entry (CwWorkspace *self, const char *sql, gint64 id, const char *reference, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (reference != NULL)
    cw_stmt_bind_text (stmt, 1, reference);
  else
    cw_stmt_bind_int64 (stmt, 1, id);
  gboolean found;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      if (reference != NULL)
        g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                     _("The register has no entry %s; “clausewise-cli register list” lists "
                       "them"),
                     reference);
      else
        g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no register entry %" PRId64 "; “clausewise-cli "
                       "register list” lists them"),
                     id);
      return NULL;
    }
  g_autoptr (CwRegisterEntry) entry = entry_from_row (stmt);
  cw_stmt_reset (stmt);
  g_auto (GStrv) ordered = ordered_clauses (self, (const char *const *) entry->clauses, error);
  if (ordered == NULL)
    return NULL;
  g_strfreev (entry->clauses);
  entry->clauses = g_steal_pointer (&ordered);
  return g_steal_pointer (&entry);
}

CwRegisterEntry *
cw_workspace_get_register_entry (CwWorkspace *self, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  return get_entry (self, "SELECT " ENTRY_COLUMNS " FROM register_entry WHERE id = ?", id, NULL,
                    error);
}

/* The entry with this reference, whatever its case. */
CwRegisterEntry *
cw_workspace_find_register_entry (CwWorkspace *self, const char *reference, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  return get_entry (self,
                    "SELECT " ENTRY_COLUMNS " FROM register_entry"
                    " WHERE lower (reference) = lower (?)",
                    0, reference, error);
}

/* How good a status is for an expected item: approved beats review due
 * beats draft beats missing. */
static int
status_rank (CwDocStatus status)
{
  switch (status)
    {
    case CW_DOC_APPROVED:
      return 3;
    case CW_DOC_REVIEW_DUE:
      return 2;
    case CW_DOC_DRAFT:
      return 1;
    case CW_DOC_MISSING:
    case CW_DOC_WITHDRAWN:
    default:
      return 0;
    }
}

/* One row for each clause and kind the catalogue expects documented
 * information of, in catalogue order, documents before records: what it
 * expects, whether it is mandatory, and the best status among the entries
 * (not withdrawn) of that kind that serve that clause. */
GPtrArray *
cw_workspace_register_items (CwWorkspace *self, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  g_autoptr (GPtrArray) entries = catalogue ? cw_workspace_list_register (self, error) : NULL;
  if (entries == NULL)
    return NULL;
  g_autoptr (GPtrArray) items
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_register_item_free);
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      GArray *expected = cw_clause_get_expected (clause);
      for (CwExpectedKind kind = CW_EXPECTED_DOCUMENT; kind <= CW_EXPECTED_RECORD; kind++)
        {
          g_autoptr (GString) text = g_string_new (NULL);
          for (guint e = 0; expected != NULL && e < expected->len; e++)
            {
              CwExpected *item = &g_array_index (expected, CwExpected, e);
              if (item->kind != kind)
                continue;
              if (text->len > 0)
                g_string_append (text, "; ");
              g_string_append (text, item->text);
            }
          if (text->len == 0)
            continue;
          CwRegisterItem *row = g_new0 (CwRegisterItem, 1);
          row->clause = g_strdup (cw_clause_get_number (clause));
          row->kind = kind;
          row->expected = g_string_free (g_steal_pointer (&text), FALSE);
          row->mandatory = cw_register_is_mandatory (row->clause, kind);
          row->status = CW_DOC_MISSING;
          row->entries = g_array_new (FALSE, FALSE, sizeof (gint64));
          for (guint n = 0; n < entries->len; n++)
            {
              CwRegisterEntry *entry = g_ptr_array_index (entries, n);
              if (entry->kind != kind || entry->stored == CW_DOC_WITHDRAWN
                  || !g_strv_contains ((const char *const *) entry->clauses, row->clause))
                continue;
              g_array_append_val (row->entries, entry->id);
              CwDocStatus status = cw_register_entry_status (entry, today);
              if (status_rank (status) > status_rank (row->status))
                row->status = status;
            }
          g_ptr_array_add (items, row);
        }
    }
  return g_steal_pointer (&items);
}

/* ---- Citations ---------------------------------------------------------- */

/* Evidence or a finding cites an entry: the citation is part of what
 * cites, and goes with it. */
gboolean
cw_workspace_cite_register_entry (CwWorkspace *self, gint64 entry_id, const char *entity,
                                  gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (entity, "evidence") == 0 || g_strcmp0 (entity, "finding") == 0,
                        FALSE);

  gboolean is_evidence = g_str_equal (entity, "evidence");
  g_autoptr (CwRegisterEntry) entry = cw_workspace_get_register_entry (self, entry_id, error);
  if (entry == NULL)
    return FALSE;
  CwStmt *exists = cw_workspace_prepare (
    self, is_evidence ? "SELECT 1 FROM evidence WHERE id = ?" : "SELECT 1 FROM finding WHERE id = ?",
    error);
  if (exists == NULL)
    return FALSE;
  cw_stmt_bind_int64 (exists, 1, id);
  gboolean found;
  if (!cw_stmt_row (exists, &found, error))
    return FALSE;
  cw_stmt_reset (exists);
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   is_evidence ? _("There is no evidence %" PRId64)
                               : _("There is no finding %" PRId64),
                   id);
      return FALSE;
    }
  CwStmt *cited = cw_workspace_prepare (
    self,
    is_evidence ? "SELECT 1 FROM register_citation WHERE evidence = ? AND entry = ?"
                : "SELECT 1 FROM register_citation WHERE finding = ? AND entry = ?",
    error);
  if (cited == NULL)
    return FALSE;
  cw_stmt_bind_int64 (cited, 1, id);
  cw_stmt_bind_int64 (cited, 2, entry_id);
  if (!cw_stmt_row (cited, &found, error))
    return FALSE;
  cw_stmt_reset (cited);
  if (found)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *insert = cw_workspace_prepare (
    self,
    is_evidence ? "INSERT INTO register_citation (entry, evidence) VALUES (?, ?)"
                : "INSERT INTO register_citation (entry, finding) VALUES (?, ?)",
    error);
  gboolean ok = insert != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (insert, 1, entry_id);
      cw_stmt_bind_int64 (insert, 2, id);
      ok = cw_stmt_run (insert, error)
           && cw_workspace_record (self, entity, id, "cites", NULL, entry->reference, error);
    }
  return cw_workspace_edit_end (self, ok, error);
}

/* The ids of the entries that evidence or a finding cites. */
GArray *
cw_workspace_list_citations (CwWorkspace *self, const char *entity, gint64 id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_strcmp0 (entity, "evidence") == 0 || g_strcmp0 (entity, "finding") == 0,
                        NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    g_str_equal (entity, "evidence")
      ? "SELECT entry FROM register_citation WHERE evidence = ? ORDER BY entry"
      : "SELECT entry FROM register_citation WHERE finding = ? ORDER BY entry",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gint64 entry = cw_stmt_int64 (stmt, 0);
      g_array_append_val (ids, entry);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

/* The evidence and findings that cite an entry (CwCitation), evidence
 * first, each in the order it was recorded. */
GArray *
cw_workspace_list_cited_by (CwWorkspace *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT evidence, finding FROM register_citation WHERE entry = ?"
    " ORDER BY evidence IS NULL, evidence, finding",
    error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, entry_id);
  g_autoptr (GArray) citations = g_array_new (FALSE, FALSE, sizeof (CwCitation));
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      gboolean evidence = !cw_stmt_is_null (stmt, 0);
      CwCitation citation = { evidence ? "evidence" : "finding",
                              cw_stmt_int64 (stmt, evidence ? 0 : 1) };
      g_array_append_val (citations, citation);
    }
  if (rc != CW_STEP_DONE)
    return NULL;
  return g_steal_pointer (&citations);
}

/* ---- CSV ---------------------------------------------------------------- */

/* How many bad lines an import's refusal names. */
#define IMPORT_MAX_PROBLEMS 50

static const char *const csv_columns[] = {
  "reference", "title", "kind", "clauses", "version", "owner",
  "approved_on", "review_due", "status", "location", "sha256",
};

enum
{
  COL_REFERENCE,
  COL_TITLE,
  COL_KIND,
  COL_CLAUSES,
  COL_VERSION,
  COL_OWNER,
  COL_APPROVED_ON,
  COL_REVIEW_DUE,
  COL_STATUS,
  COL_LOCATION,
  COL_SHA256,
  N_COLUMNS,
};

const char *const *
cw_register_csv_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (csv_columns);
  return csv_columns;
}

/* The register as CSV, a header row first; the status is the stored one
 * (review due is computed on reading), so that an import restores it. */
char *
cw_workspace_export_register (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  g_autoptr (GPtrArray) entries = cw_workspace_list_register (self, error);
  if (entries == NULL)
    return NULL;
  GString *out = g_string_new (NULL);
  cw_csv_append_row (out, csv_columns, G_N_ELEMENTS (csv_columns));
  for (guint i = 0; i < entries->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *clauses = g_strjoinv (" ", entry->clauses);
      const char *fields[N_COLUMNS] = {
        [COL_REFERENCE] = entry->reference,
        [COL_TITLE] = entry->title,
        [COL_KIND] = cw_expected_kind_to_string (entry->kind),
        [COL_CLAUSES] = clauses,
        [COL_VERSION] = entry->version,
        [COL_OWNER] = entry->owner,
        [COL_APPROVED_ON] = or_empty (entry->approved_on),
        [COL_REVIEW_DUE] = or_empty (entry->review_due),
        [COL_STATUS] = cw_doc_status_to_string (entry->stored),
        [COL_LOCATION] = entry->location,
        [COL_SHA256] = or_empty (entry->sha256),
      };
      cw_csv_append_row (out, fields, N_COLUMNS);
    }
  return g_string_free (out, FALSE);
}

/* The clauses of a CSV cell: separated by spaces, commas or semicolons. */
static GStrv
split_clauses (const char *cell)
{
  g_auto (GStrv) parts = g_strsplit_set (cell, " ,;", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

typedef struct
{
  guint line;
  CwRegisterDraft draft;
  GStrv clauses;
} ImportRow;

static void
import_row_clear (ImportRow *row)
{
  g_strfreev (row->clauses);
}

/* Which column each header cell names, or -1 for none. */
static gboolean
map_header (char **header, int *map, GError **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    map[c] = -1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));
      g_autofree char *name = g_ascii_strdown (stripped, -1);
      g_strdelimit (name, " -", '_');
      gboolean known = FALSE;
      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, csv_columns[c]))
          {
            if (map[c] >= 0)
              {
                cw_set_invalid (error, _("line 1: the column “%s” is named twice"), csv_columns[c]);
                return FALSE;
              }
            map[c] = (int) i;
            known = TRUE;
          }
      if (!known)
        {
          g_autofree char *columns = g_strjoinv (", ", (char **) csv_columns);
          cw_set_invalid (error, _("line 1: “%s” is not a column of the register; the columns "
                                   "are %s"),
                          header[i], columns);
          return FALSE;
        }
    }
  const guint required[] = { COL_REFERENCE, COL_TITLE, COL_KIND, COL_CLAUSES };
  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (map[required[r]] < 0)
      {
        cw_set_invalid (error, _("line 1: the header needs the columns reference, title, kind "
                                 "and clauses (missing: %s)"),
                        csv_columns[required[r]]);
        return FALSE;
      }
  return TRUE;
}

/* A row's cell for a column; NULL when the file has no such column, so
 * that an update from it keeps a file's hash (see update_register_entry). */
static const char *
cell (char **row, const int *map, guint column)
{
  if (map[column] < 0)
    return NULL;
  if ((guint) map[column] >= g_strv_length (row))
    return "";
  return row[map[column]];
}

/* Imports a register from CSV (a header row naming the columns of
 * cw_register_csv_columns, in any order; reference, title, kind and clauses
 * required). A reference already in the register updates that entry. Every
 * line is checked first; with any error nothing is stored, and the error
 * names each bad line ("line 7: …"), one per line of its message. Returns
 * how many entries were added or changed. */
guint
cw_workspace_import_register (CwWorkspace *self, const char *csv, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (csv != NULL, 0);

  g_autoptr (GError) local = NULL;
  if (!cw_text_check (csv, G_MAXINT / 2, _("the CSV file"), error))
    return 0;
  g_autoptr (GPtrArray) rows = cw_csv_parse (csv, &local);
  if (rows == NULL)
    {
      cw_set_invalid (error, _("The file is not CSV: %s"), local->message);
      return 0;
    }
  if (rows->len == 0)
    {
      cw_set_invalid (error, _("The file is empty; it needs a header row naming the columns (%s)"),
                      "reference, title, kind, clauses, …");
      return 0;
    }
  int map[N_COLUMNS];
  char **header = g_ptr_array_index (rows, 0);
  if (!map_header (header, map, error))
    return 0;

  g_autoptr (GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  g_autoptr (GArray) drafts = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_array_set_clear_func (drafts, (GDestroyNotify) import_row_clear);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      /* Lines count records: a quoted field spanning lines is rare in a
       * register, and a spreadsheet numbers its rows the same way. */
      guint line = i + 1;
      /* A blank line, as spreadsheets leave at the end. */
      if (g_strv_length (row) <= 1 && (row[0] == NULL || *row[0] == '\0'))
        continue;
      ImportRow parsed = { line };
      CwRegisterDraft *draft = &parsed.draft;
      g_autoptr (GError) problem = NULL;
      draft->reference = cell (row, map, COL_REFERENCE);
      draft->title = cell (row, map, COL_TITLE);
      draft->version = cell (row, map, COL_VERSION);
      draft->owner = cell (row, map, COL_OWNER);
      draft->approved_on = cell (row, map, COL_APPROVED_ON);
      draft->review_due = cell (row, map, COL_REVIEW_DUE);
      draft->location = cell (row, map, COL_LOCATION);
      draft->sha256 = cell (row, map, COL_SHA256);
      parsed.clauses = split_clauses (cell (row, map, COL_CLAUSES));
      draft->clauses = (const char *const *) parsed.clauses;
      const char *status = cell (row, map, COL_STATUS);
      if (status == NULL)
        status = "";
      if (g_strv_length (row) != g_strv_length (header))
        cw_set_invalid (&problem, _("it has %u fields where the header has %u"),
                        g_strv_length (row), g_strv_length (header));
      else if (!cw_expected_kind_from_string (cell (row, map, COL_KIND), &draft->kind))
        cw_set_invalid (&problem, _("the kind “%s” is neither document nor record"),
                        cell (row, map, COL_KIND));
      else if (*status != '\0' && !cw_doc_status_from_string (status, &draft->status))
        cw_set_invalid (&problem, _("the status “%s” is not one of %s"), status,
                        cw_doc_status_tokens ());
      else
        {
          if (*status == '\0')
            draft->status = CW_DOC_DRAFT;
          if (cw_register_draft_check (self, draft, &problem))
            {
              g_autofree char *key = g_utf8_strdown (draft->reference, -1);
              gpointer first = g_hash_table_lookup (seen, key);
              if (first != NULL)
                cw_set_invalid (&problem, _("the reference %s is on line %u already"),
                                draft->reference, GPOINTER_TO_UINT (first));
              else
                g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
            }
        }
      if (problem != NULL)
        {
          /* A file of the wrong kind would name every line: the first
           * ones say enough. */
          if (n_problems < IMPORT_MAX_PROBLEMS)
            {
              if (problems->len > 0)
                g_string_append_c (problems, '\n');
              g_string_append_printf (problems, _("line %u: %s"), line, problem->message);
            }
          n_problems++;
          import_row_clear (&parsed);
          continue;
        }
      g_array_append_val (drafts, parsed);
    }
  if (n_problems > IMPORT_MAX_PROBLEMS)
    g_string_append_printf (problems, _("\n… and %u more lines"),
                            n_problems - IMPORT_MAX_PROBLEMS);
  if (n_problems > 0)
    {
      if (n_problems == 1)
        cw_set_invalid (error, _("Nothing was imported; correct this line and import again:\n%s"),
                        problems->str);
      else
        cw_set_invalid (error, _("Nothing was imported; correct these %u lines and import "
                                 "again:\n%s"),
                        n_problems, problems->str);
      return 0;
    }

  if (!cw_workspace_edit_begin (self, error))
    return 0;
  guint stored = 0;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < drafts->len; i++)
    {
      ImportRow *row = &g_array_index (drafts, ImportRow, i);
      g_autoptr (GError) problem = NULL;
      g_autoptr (CwRegisterEntry) existing = NULL;
      gint64 id = 0;
      ok = lookup_reference (self, row->draft.reference, &id, &problem);
      if (ok && id != 0)
        {
          existing = cw_workspace_get_register_entry (self, id, &problem);
          gint64 rev = existing ? existing->rev : 0;
          ok = existing != NULL
               && cw_workspace_update_register_entry (self, existing, &row->draft, &problem);
          g_clear_pointer (&existing, cw_register_entry_free);
          if (ok && (existing = cw_workspace_get_register_entry (self, id, &problem)) == NULL)
            ok = FALSE;
          if (ok && existing->rev != rev)
            stored++;
        }
      else if (ok)
        {
          ok = cw_workspace_add_register_entry (self, &row->draft, &problem) != 0;
          stored += ok;
        }
      if (!ok)
        g_set_error (error, problem->domain, problem->code, _("line %u: %s"), row->line,
                     problem->message);
    }
  return cw_workspace_edit_end (self, ok, ok ? error : NULL) ? stored : 0;
}
