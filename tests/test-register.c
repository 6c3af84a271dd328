/* test-register.c: the register of documented information: entries added
 * and updated under the revision guard, their limits, status computed from
 * dates, the mandatory items, citations, CSV import (all or nothing, each
 * bad line named) and export, and an older workspace upgraded. A refused
 * edit leaves the history as long as it was. */
#include "config.h"

#include "cw-audit.h"
#include "cw-catalogue.h"
#include "cw-date.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-register.h"
#include "cw-test-util.h"
#include "cw-text.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->workspace);
  g_free (f->dir);
}

static const char *
path_of (Fixture *f)
{
  return cw_workspace_get_path (f->workspace);
}

static gint64
history_count (Fixture *f)
{
  return cw_test_sql_int (path_of (f), "SELECT count(*) FROM history");
}

static GDate
day (const char *text)
{
  GDate date;
  g_assert_true (cw_date_parse (text, &date, NULL));
  return date;
}

static const char *const change_clauses[] = { "8.5.1.1", NULL };

static CwRegisterDraft
change_policy (void)
{
  CwRegisterDraft draft = {
    .reference = "CHG-POL",
    .title = "Change management policy",
    .kind = CW_EXPECTED_DOCUMENT,
    .clauses = change_clauses,
    .version = "2.1",
    .owner = "Head of change",
    .approved_on = "2026-01-15",
    .review_due = "2027-01-15",
    .status = CW_DOC_APPROVED,
    .location = "https://intranet.example/policies/change",
  };
  return draft;
}

static void
assert_sound (Fixture *f)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_check (f->workspace, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_add_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwRegisterDraft draft = change_policy ();
  gint64 id = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_autoptr (CwRegisterEntry) loaded = cw_workspace_find_register_entry (f->workspace, "chg-pol",
                                                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->title, ==, "Change management policy");
  g_assert_cmpstr (loaded->clauses[0], ==, "8.5.1.1");
  g_assert_null (loaded->clauses[1]);
  g_assert_cmpint (loaded->stored, ==, CW_DOC_APPROVED);

  /* Another window saves first; this one's edit is refused. */
  g_autoptr (CwRegisterEntry) stale = cw_workspace_get_register_entry (f->workspace, id, &error);
  draft.version = "2.2";
  draft.approved_on = "2026-06-01";
  g_assert_true (cw_workspace_update_register_entry (f->workspace, loaded, &draft, &error));
  g_assert_no_error (error);
  gint64 before = history_count (f);
  draft.version = "9";
  g_assert_false (cw_workspace_update_register_entry (f->workspace, stale, &draft, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* The history has each changed field. */
  g_autofree char *version = cw_test_sql_text (
    path_of (f), "SELECT old_value || '>' || new_value FROM history WHERE entity = 'register'"
                 " AND field = 'version' ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (version, ==, "2.1>2.2");

  /* A second entry cannot take the same reference, in any case. */
  CwRegisterDraft again = change_policy ();
  again.reference = "Chg-Pol";
  g_assert_cmpint (cw_workspace_add_register_entry (f->workspace, &again, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);

  /* Withdrawn, it stays in the register. */
  g_autoptr (CwRegisterEntry) current = cw_workspace_get_register_entry (f->workspace, id, &error);
  g_assert_true (cw_workspace_withdraw_register_entry (f->workspace, current, &error));
  g_assert_no_error (error);
  g_autoptr (GPtrArray) entries = cw_workspace_list_register (f->workspace, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((CwRegisterEntry *) g_ptr_array_index (entries, 0))->stored, ==,
                   CW_DOC_WITHDRAWN);
  assert_sound (f);
}

/* Each refusal names what is wrong and leaves the history as it was. */
static void
test_limits (Fixture *f, gconstpointer data)
{
  gint64 before = history_count (f);
  g_autofree char *long_title = g_strnfill (CW_TEXT_SHORT_MAX + 1, 'x');
  const char *const no_clause[] = { "99.9", NULL };
  const char *const none[] = { NULL };
  struct
  {
    const char *field;
    const char *value;
    const char *mention;
  } cases[] = {
    { "reference", "", "reference" },
    { "reference", "CHG POL", "CHG POL" },
    { "title", " ", "title" },
    { "title", long_title, "title" },
    { "approved_on", "31/02/2026", "31/02/2026" },
    { "approved_on", "", "approved" },
    { "review_due", "2025-01-01", "before" },
    { "sha256", "abc", "SHA-256" },
    { "clauses", NULL, "99.9" },
    { "clauses-none", NULL, "clauses" },
    { "status", NULL, "Review due" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CwRegisterDraft draft = change_policy ();
      if (g_str_equal (cases[i].field, "reference"))
        draft.reference = cases[i].value;
      else if (g_str_equal (cases[i].field, "title"))
        draft.title = cases[i].value;
      else if (g_str_equal (cases[i].field, "approved_on"))
        draft.approved_on = cases[i].value;
      else if (g_str_equal (cases[i].field, "review_due"))
        draft.review_due = cases[i].value;
      else if (g_str_equal (cases[i].field, "sha256"))
        draft.sha256 = cases[i].value;
      else if (g_str_equal (cases[i].field, "clauses"))
        draft.clauses = no_clause;
      else if (g_str_equal (cases[i].field, "clauses-none"))
        draft.clauses = none;
      else if (g_str_equal (cases[i].field, "status"))
        draft.status = CW_DOC_REVIEW_DUE;
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (cw_workspace_add_register_entry (f->workspace, &draft, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].field, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].mention));
    }
  g_assert_cmpint (history_count (f), ==, before);
  g_assert_cmpint (cw_test_sql_int (path_of (f), "SELECT count(*) FROM register_entry"), ==, 0);
}

/* Review due follows from the date; the best entry decides an item. */
static void
test_status_from_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwRegisterDraft draft = change_policy ();
  gint64 id = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (CwRegisterEntry) entry = cw_workspace_get_register_entry (f->workspace, id, &error);
  GDate before = day ("2027-01-15"), after = day ("2027-01-16");
  g_assert_cmpint (cw_register_entry_status (entry, &before), ==, CW_DOC_APPROVED);
  g_assert_cmpint (cw_register_entry_status (entry, &after), ==, CW_DOC_REVIEW_DUE);
  /* A draft past the date is still a draft: it was never approved. */
  entry->stored = CW_DOC_DRAFT;
  g_assert_cmpint (cw_register_entry_status (entry, &after), ==, CW_DOC_DRAFT);

  g_autoptr (GPtrArray) items = cw_workspace_register_items (f->workspace, &after, &error);
  g_assert_no_error (error);
  gboolean seen = FALSE;
  guint mandatory = 0;
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      mandatory += item->mandatory;
      if (g_str_equal (item->clause, "8.5.1.1") && item->kind == CW_EXPECTED_DOCUMENT)
        {
          seen = TRUE;
          g_assert_true (item->mandatory);
          g_assert_cmpint (item->status, ==, CW_DOC_REVIEW_DUE);
          g_assert_cmpuint (item->entries->len, ==, 1);
        }
      else if (g_str_equal (item->clause, "4.3"))
        g_assert_cmpint (item->status, ==, CW_DOC_MISSING);
    }
  g_assert_true (seen);
  guint n;
  cw_register_mandatory_items (&n);
  g_assert_cmpuint (mandatory, ==, n);
}

/* Every mandatory item is one the catalogue expects: a catalogue change
 * that moves one must move the table in cw-register.c too. */
static void
test_mandatory_in_catalogue (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwCatalogue) catalogue = cw_catalogue_new_builtin (&error);
  g_assert_no_error (error);
  guint n;
  const CwMandatoryItem *items = cw_register_mandatory_items (&n);
  g_assert_cmpuint (n, >, 20);
  for (guint i = 0; i < n; i++)
    {
      CwClause *clause = cw_catalogue_lookup_clause (catalogue, items[i].clause);
      g_assert_nonnull (clause);
      GArray *expected = cw_clause_get_expected (clause);
      gboolean found = FALSE;
      for (guint e = 0; expected != NULL && e < expected->len; e++)
        found |= g_array_index (expected, CwExpected, e).kind == items[i].kind;
      if (!found)
        g_test_message ("%s expects no %s", items[i].clause,
                        cw_expected_kind_to_string (items[i].kind));
      g_assert_true (found);
    }
}

static void
test_file_hashed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = cw_test_path (f->dir, "policy.txt");
  cw_test_write (file, "abc", 3);
  CwRegisterDraft draft = change_policy ();
  draft.location = NULL;
  draft.file = file;
  gint64 id = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  g_assert_no_error (error);
  g_autoptr (CwRegisterEntry) entry = cw_workspace_get_register_entry (f->workspace, id, &error);
  g_assert_cmpstr (entry->sha256, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (entry->location, ==, file);
}

static void
test_citations (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwRegisterDraft draft = change_policy ();
  gint64 entry = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft audit = { .title = "Change audit", .scope = scope };
  gint64 audit_id = cw_workspace_create_audit (f->workspace, &audit, &error);
  g_assert_no_error (error);
  CwEvidenceDraft evidence = { .audit_id = audit_id, .kind = CW_EVIDENCE_DOCUMENT,
                               .reference = "CHG-POL v2.1", .sample_size = -1 };
  gint64 evidence_id = cw_workspace_add_evidence (f->workspace, &evidence, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_cite_register_entry (f->workspace, entry, "evidence", evidence_id,
                                                   &error));
  g_assert_no_error (error);
  /* Citing twice is one citation. */
  g_assert_true (cw_workspace_cite_register_entry (f->workspace, entry, "evidence", evidence_id,
                                                   &error));
  g_autoptr (GArray) cited = cw_workspace_list_citations (f->workspace, "evidence", evidence_id,
                                                          &error);
  g_assert_cmpuint (cited->len, ==, 1);
  g_assert_cmpint (g_array_index (cited, gint64, 0), ==, entry);
  CwFindingDraft finding = { .audit_id = audit_id, .clause = "8.5.1.1", .grade = CW_GRADE_OFI,
                             .requirement = "R", .evidence = "E", .statement = "S" };
  gint64 finding_id = cw_workspace_create_finding (f->workspace, &finding, &error);
  g_assert_no_error (error);
  g_assert_true (cw_workspace_cite_register_entry (f->workspace, entry, "finding", finding_id,
                                                   &error));
  g_autoptr (GArray) by = cw_workspace_list_cited_by (f->workspace, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by->len, ==, 2);
  g_assert_cmpstr (g_array_index (by, CwCitation, 0).entity, ==, "evidence");
  g_assert_cmpint (g_array_index (by, CwCitation, 0).id, ==, evidence_id);
  g_assert_cmpstr (g_array_index (by, CwCitation, 1).entity, ==, "finding");
  g_assert_cmpint (g_array_index (by, CwCitation, 1).id, ==, finding_id);
  /* The citation goes with what cites. */
  g_assert_true (cw_workspace_delete_finding (f->workspace, finding_id, &error));
  g_assert_no_error (error);
  g_autoptr (GArray) left = cw_workspace_list_cited_by (f->workspace, entry, &error);
  g_assert_cmpuint (left->len, ==, 1);

  gint64 before = history_count (f);
  g_assert_false (cw_workspace_cite_register_entry (f->workspace, entry, "finding", 999, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpint (history_count (f), ==, before);
  assert_sound (f);
}

/* An edit behind the app's back shows in check. */
static void
test_check_sees_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwRegisterDraft draft = change_policy ();
  cw_workspace_add_register_entry (f->workspace, &draft, &error);
  g_assert_no_error (error);
  assert_sound (f);
  g_autofree char *path = g_strdup (path_of (f));
  g_clear_object (&f->workspace);
  cw_test_sql (path, "UPDATE register_entry SET version = '7'");
  f->workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  cw_workspace_check (f->workspace, problems, &error);
  g_assert_cmpuint (problems->len, >, 0);
}

/* A citation added behind the app's back shows too: it is part of what
 * cites. */
static void
test_check_sees_citations (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CwRegisterDraft draft = change_policy ();
  gint64 entry = cw_workspace_add_register_entry (f->workspace, &draft, &error);
  const char *scope[] = { "8.5", NULL };
  CwAuditDraft audit = { .title = "Change audit", .scope = scope };
  gint64 audit_id = cw_workspace_create_audit (f->workspace, &audit, &error);
  CwEvidenceDraft evidence = { .audit_id = audit_id, .kind = CW_EVIDENCE_DOCUMENT,
                               .reference = "CHG-POL v2.1", .sample_size = -1 };
  gint64 evidence_id = cw_workspace_add_evidence (f->workspace, &evidence, &error);
  g_assert_no_error (error);
  assert_sound (f);
  g_autofree char *path = g_strdup (path_of (f));
  g_clear_object (&f->workspace);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO register_citation (entry, evidence) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    entry, evidence_id);
  cw_test_sql (path, sql);
  f->workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  cw_workspace_check (f->workspace, problems, &error);
  g_assert_cmpuint (problems->len, >, 0);
  g_test_message ("%s", (const char *) g_ptr_array_index (problems, 0));
}

static const char good_csv[]
  = "reference,title,kind,clauses,version,owner,approved_on,review_due,status,location,sha256\n"
    "SMS-SCOPE,Scope of the SMS,document,4.3,1.0,QM,2026-01-10,2027-01-10,approved,"
    "https://intranet.example/scope,\n"
    "\"INC-REC\",Incident records,record,8.6.1,,Service desk,,,approved,ServiceNow,\n";

static void
test_import_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* INC-REC is approved without a date: the whole file is refused. */
  gint64 before = history_count (f);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, good_csv, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 3: "));
  g_clear_error (&error);
  g_assert_cmpint (history_count (f), ==, before);
  g_assert_cmpint (cw_test_sql_int (path_of (f), "SELECT count(*) FROM register_entry"), ==, 0);

  g_autofree char *fixed = g_strdup (good_csv);
  char *spot = strstr (fixed, ",,,approved,ServiceNow");
  memcpy (spot, ",,,draft,   ", 12);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, fixed, &error), ==, 2);
  g_assert_no_error (error);

  g_autofree char *exported = cw_workspace_export_register (f->workspace, &error);
  g_assert_no_error (error);
  /* Imported again, nothing changes. */
  before = history_count (f);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, exported, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (history_count (f), ==, before);

  /* Into another workspace, it exports the same. */
  g_autofree char *other_dir = NULL;
  g_autoptr (CwWorkspace) other = cw_test_new_workspace (&other_dir);
  g_assert_cmpuint (cw_workspace_import_register (other, exported, &error), ==, 2);
  g_assert_no_error (error);
  g_autofree char *again = cw_workspace_export_register (other, &error);
  g_assert_cmpstr (again, ==, exported);
  assert_sound (f);
}

static void
test_import_line_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char csv[]
    = "Reference,Title,Kind,Clauses,Approved on,Status\n"
      "CHG-POL,Change policy,document,8.5.1.1,2026-01-01,approved\n"
      "ISP,Security policy,document,8.7.3.1,31/02/2026,approved\n"
      "RFC,Requests for change,recording,8.5.1.2,,draft\n"
      "CHG-POL,Again,document,8.5.1.1,,draft\n"
      "SLA,SLAs,document,8.3.3,,review-due\n"
      "CAT,Catalogue,document,8.2.4\n";
  gint64 before = history_count (f);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, csv, &error), ==, 0);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 3: approved on: “31/02/2026” is not a valid date"));
  g_assert_nonnull (strstr (error->message, "line 4: the kind “recording”"));
  g_assert_nonnull (strstr (error->message, "line 5: the reference CHG-POL is on line 2"));
  g_assert_nonnull (strstr (error->message, "line 6: "));
  g_assert_nonnull (strstr (error->message, "line 7: it has 4 fields"));
  g_assert_null (strstr (error->message, "line 2:"));
  g_assert_cmpint (history_count (f), ==, before);

  /* A file of the wrong kind names its first 50 bad lines only. */
  g_clear_error (&error);
  g_autoptr (GString) many = g_string_new ("reference,title,kind,clauses\n");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (many, "R%u,T,memo,4.3\n", i);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, many->str, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "correct these 60 lines"));
  g_assert_nonnull (strstr (error->message, "line 51: "));
  g_assert_null (strstr (error->message, "line 52: "));
  g_assert_nonnull (strstr (error->message, "… and 10 more lines"));
  g_assert_cmpint (history_count (f), ==, before);

  /* A header that names an unknown column. */
  g_clear_error (&error);
  g_assert_cmpuint (cw_workspace_import_register (f->workspace, "reference,colour\nA,red\n",
                                                  &error),
                    ==, 0);
  g_assert_nonnull (strstr (error->message, "line 1: “colour”"));
  g_assert_cmpint (history_count (f), ==, before);
}

/* A workspace made by schema 3 opens with an empty register, and holds
 * one afterwards that check accepts. */
static void
test_migrate (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "workspace-v3.clausewise", NULL);
  g_autoptr (GBytes) fixture = cw_test_read (source);
  g_autofree char *path = cw_test_path (dir, "old.clausewise");
  cw_test_write (path, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr (GError) error = NULL;
  Fixture f = { NULL, cw_workspace_open (path, &error) };
  g_assert_no_error (error);
  g_assert_cmpint (cw_test_sql_int (path, "PRAGMA user_version"), ==,
                   (gint64) cw_workspace_schema_version ());
  g_assert_cmpint (cw_test_sql_int (path, "SELECT coverage_months FROM organisation"), ==, 12);
  CwRegisterDraft draft = change_policy ();
  g_assert_cmpint (cw_workspace_add_register_entry (f.workspace, &draft, &error), >, 0);
  g_assert_no_error (error);
  assert_sound (&f);
  g_clear_object (&f.workspace);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/core/register/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-update", test_add_update);
  ADD ("limits", test_limits);
  ADD ("status-from-dates", test_status_from_dates);
  ADD ("file-hashed", test_file_hashed);
  ADD ("citations", test_citations);
  ADD ("check-sees-edits", test_check_sees_edits);
  ADD ("check-sees-citations", test_check_sees_citations);
  ADD ("import-round-trip", test_import_round_trip);
  ADD ("import-line-errors", test_import_line_errors);
  g_test_add_func ("/core/register/mandatory-in-catalogue", test_mandatory_in_catalogue);
  g_test_add_func ("/core/register/migrate-v3", test_migrate);
  return g_test_run ();
}
