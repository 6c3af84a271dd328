/* test-exchange.c: the exchange format and the merge of an audit team's
 * work (cw-exchange.h): round trips, the lead and two auditors, an issued
 * report that takes no changes, evidence files, and hostile files refused
 * with the workspace untouched. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-exchange.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-test-util.h"
#include "cw-xml.h"

/* The records of an export: its <records>, without the <source> that names
 * the workspace it came from or the <history> of the workspace that wrote
 * it. */
static char *
records_of (const char *path)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  const char *records = strstr (text, "<records>");
  const char *end = records ? strstr (records, "</records>") : NULL;
  g_assert_nonnull (end);
  return g_strndup (records, end - records);
}

static void
export (CwWorkspace *workspace, CwExportKind kind, gint64 audit, const char *path)
{
  g_autoptr (GError) error = NULL;
  CwExportRequest request = { .kind = kind, .audit_id = audit };
  g_assert_true (cw_workspace_export (workspace, &request, path, NULL, &error));
  g_assert_no_error (error);
}

static CwImportResult *
import (CwWorkspace *workspace, const char *path)
{
  g_autoptr (GError) error = NULL;
  CwImportResult *result = cw_workspace_import (workspace, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_sound (CwWorkspace *workspace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (cw_workspace_check (workspace, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static CwWorkspace *
new_workspace (const char *dir, const char *name)
{
  g_autofree char *path = cw_test_path (dir, name);
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_workspace_create (path, "Receiving Ltd", &error);
  g_assert_no_error (error);
  return workspace;
}

static CwWorkspace *
demo (const char *dir)
{
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  return workspace;
}

/* Export, import into an empty workspace, export again: the same records,
 * and the same bytes for the same workspace. */
static void
test_round_trip (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwWorkspace) source = demo (dir);
  g_autofree char *first = cw_test_path (dir, "first.xml");
  g_autofree char *again = cw_test_path (dir, "again.xml");
  export (source, CW_EXPORT_WORKSPACE, 0, first);
  export (source, CW_EXPORT_WORKSPACE, 0, again);
  g_autoptr (GBytes) a = cw_test_read (first);
  g_autoptr (GBytes) b = cw_test_read (again);
  g_assert_true (g_bytes_equal (a, b));

  g_autoptr (CwWorkspace) target = new_workspace (dir, "target.clausewise");
  g_autoptr (CwImportResult) result = import (target, first);
  g_assert_cmpuint (result->conflicts, ==, 0);
  g_assert_cmpuint (result->added, >, 300);
  g_assert_nonnull (result->backup);
  g_assert_true (g_file_test (result->backup, G_FILE_TEST_EXISTS));
  assert_sound (target);

  g_autofree char *second = cw_test_path (dir, "second.xml");
  export (target, CW_EXPORT_WORKSPACE, 0, second);
  g_autofree char *before = records_of (first);
  g_autofree char *after = records_of (second);
  g_assert_true (g_str_equal (before, after));
  /* The history of what was written comes with it, to be read. */
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (first, &text, NULL, NULL));
  cw_test_assert_contains (text, "field=\"root_cause\"");

  /* The same file again finds nothing new and leaves no backup. */
  g_autoptr (CwImportResult) twice = import (target, first);
  g_assert_cmpuint (twice->added + twice->updated + twice->conflicts, ==, 0);
  g_assert_null (twice->backup);

  /* The register alone, and one audit, stand on their own. */
  g_autofree char *reg = cw_test_path (dir, "register.xml");
  export (source, CW_EXPORT_REGISTER, 0, reg);
  g_autoptr (CwWorkspace) fresh = new_workspace (dir, "fresh.clausewise");
  g_autoptr (CwImportResult) entries = import (fresh, reg);
  g_assert_cmpuint (entries->added, ==, 32);
  g_autofree char *one = cw_test_path (dir, "audit.xml");
  export (source, CW_EXPORT_AUDIT, 1, one);
  g_autoptr (CwImportResult) audit = import (fresh, one);
  g_assert_cmpuint (audit->conflicts, ==, 0);
  assert_sound (fresh);
}

static void
answer (CwWorkspace *workspace, gint64 audit, const char *question, CwResult result,
        const char *note)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (cw_workspace_answer (workspace, audit, question, result, note, &error));
  g_assert_no_error (error);
}

static void
assign (CwWorkspace *lead, const char *auditor, const char *const *clauses, const char *path)
{
  g_autoptr (GError) error = NULL;
  CwExportRequest request = { .kind = CW_EXPORT_ASSIGNMENT, .audit_id = 2, .auditor = auditor,
                              .clauses = clauses };
  g_assert_true (cw_workspace_export (lead, &request, path, NULL, &error));
  g_assert_no_error (error);
}

static const CwConflictField *
field_of (const CwConflict *conflict, const char *name)
{
  for (guint i = 0; i < conflict->fields->len; i++)
    {
      const CwConflictField *field = g_ptr_array_index (conflict->fields, i);
      if (g_str_equal (field->name, name))
        return field;
    }
  g_assert_not_reached ();
}

/* The lead gives two auditors overlapping clauses of audit 2; both change
 * the same answer and both answer a question nobody had; one answers a
 * question of their own. The lead sees exactly two conflicts, settles them,
 * and the history keeps each decision. */
static void
test_team (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwWorkspace) lead = demo (dir);
  g_autofree char *for_rhys = cw_test_path (dir, "rhys.xml");
  g_autofree char *for_ines = cw_test_path (dir, "ines.xml");
  assign (lead, "Rhys Penhallow", (const char *const[]) { "8.5", NULL }, for_rhys);
  assign (lead, "Ines Moreau", (const char *const[]) { "8.5.3", "10.1", NULL }, for_ines);

  /* Clauses outside the audit's scope are refused. */
  g_autoptr (GError) error = NULL;
  CwExportRequest wrong = { .kind = CW_EXPORT_ASSIGNMENT, .audit_id = 2, .auditor = "Someone",
                            .clauses = (const char *const[]) { "7.1", NULL } };
  g_autofree char *nowhere = cw_test_path (dir, "nowhere.xml");
  g_assert_false (cw_workspace_export (lead, &wrong, nowhere, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_autoptr (CwWorkspace) rhys = new_workspace (dir, "rhys.clausewise");
  g_autoptr (CwWorkspace) ines = new_workspace (dir, "ines.clausewise");
  g_autoptr (CwImportResult) got_rhys = import (rhys, for_rhys);
  g_autoptr (CwImportResult) got_ines = import (ines, for_ines);
  g_assert_cmpuint (got_rhys->conflicts + got_ines->conflicts, ==, 0);
  /* Each got the audit, its organisation and only their clauses' answers. */
  g_autofree char *rhys_path = g_strdup (cw_workspace_get_path (rhys));
  g_assert_cmpint (cw_test_sql_int (rhys_path, "SELECT count(*) FROM answer WHERE question LIKE "
                                               "'10.%'"),
                   ==, 0);
  g_assert_cmpint (cw_test_sql_int (rhys_path, "SELECT count(*) FROM answer"), ==, 5);
  g_autofree char *org = cw_test_sql_text (rhys_path, "SELECT name FROM organisation");
  g_assert_cmpstr (org, ==, "Kestrelbrook Managed IT Ltd");

  answer (rhys, 1, "8.5.3.q2", CW_RESULT_MINOR, "Rollback never tried; RDP-01 asks for it");
  answer (ines, 1, "8.5.3.q2", CW_RESULT_OBSERVATION, "Rollback never tried; nothing asks");
  answer (rhys, 1, "8.5.3.q1", CW_RESULT_CONFORMING, "Seen by Rhys");
  answer (ines, 1, "8.5.3.q1", CW_RESULT_CONFORMING, "Seen by Ines");
  answer (rhys, 1, "8.5.2.1.q1", CW_RESULT_CONFORMING, "Only Rhys");

  g_autofree char *back_rhys = cw_test_path (dir, "rhys-return.xml");
  g_autofree char *back_ines = cw_test_path (dir, "ines-return.xml");
  export (rhys, CW_EXPORT_AUDIT, 1, back_rhys);
  export (ines, CW_EXPORT_AUDIT, 1, back_ines);

  /* A dry run says what would change and changes nothing. */
  g_autoptr (CwImportResult) dry = cw_workspace_import (lead, back_rhys, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dry->added, ==, 2);
  g_assert_cmpuint (dry->updated, ==, 1);
  g_assert_null (dry->backup);
  g_autofree char *lead_path = g_strdup (cw_workspace_get_path (lead));
  g_assert_cmpint (cw_test_sql_int (lead_path, "SELECT count(*) FROM answer WHERE audit = 2"), ==,
                   7);

  g_autoptr (CwImportResult) from_rhys = import (lead, back_rhys);
  g_assert_cmpuint (from_rhys->added, ==, 2);
  g_assert_cmpuint (from_rhys->updated, ==, 1);
  g_assert_cmpuint (from_rhys->conflicts, ==, 0);
  g_autoptr (CwImportResult) from_ines = import (lead, back_ines);
  g_assert_cmpuint (from_ines->added, ==, 0);
  g_assert_cmpuint (from_ines->updated, ==, 0);
  g_assert_cmpuint (from_ines->conflicts, ==, 2);

  g_autoptr (GPtrArray) conflicts = cw_workspace_list_conflicts (lead, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  CwConflict *changed = g_ptr_array_index (conflicts, 0);
  CwConflict *both_new = g_ptr_array_index (conflicts, 1);
  g_assert_cmpstr (changed->entity, ==, "answer");
  g_assert_true (strstr (changed->label, "8.5.3.q2") != NULL);
  g_assert_cmpstr (field_of (changed, "result")->ours, ==, "minor");
  g_assert_cmpstr (field_of (changed, "result")->theirs, ==, "observation");
  g_assert_true (field_of (changed, "result")->has_base);
  g_assert_cmpstr (field_of (changed, "result")->base, ==, "observation");
  g_assert_false (field_of (changed, "question")->differs);
  g_assert_true (strstr (both_new->label, "8.5.3.q1") != NULL);
  g_assert_false (field_of (both_new, "result")->has_base);
  g_assert_true (field_of (both_new, "note")->differs);
  g_assert_false (field_of (both_new, "result")->differs);

  /* Until settled, the lead's answers are the lead's. */
  g_autofree char *kept = cw_test_sql_text (
    lead_path, "SELECT result FROM answer WHERE audit = 2 AND question = '8.5.3.q2'");
  g_assert_cmpstr (kept, ==, "minor");

  /* An unknown field is refused; then take Ines's grade and note, and keep
   * Rhys's note on the other. */
  g_assert_false (cw_workspace_resolve_conflict (
    lead, changed->id, (const char *const[]) { "colour", NULL }, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cw_workspace_resolve_conflict (
    lead, changed->id, (const char *const[]) { "result", "note", NULL }, &error));
  g_assert_no_error (error);
  g_assert_true (cw_workspace_resolve_conflict (lead, both_new->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cw_workspace_resolve_conflict (lead, both_new->id, NULL, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cw_workspace_count_open_conflicts (lead, NULL), ==, 0);

  g_autofree char *taken = cw_test_sql_text (
    lead_path, "SELECT result || ' / ' || note FROM answer WHERE audit = 2 AND question = "
               "'8.5.3.q2'");
  g_assert_cmpstr (taken, ==, "observation / Rollback never tried; nothing asks");
  g_autofree char *ours = cw_test_sql_text (
    lead_path, "SELECT note FROM answer WHERE audit = 2 AND question = '8.5.3.q1'");
  g_assert_cmpstr (ours, ==, "Seen by Rhys");
  g_assert_cmpint (cw_test_sql_int (lead_path, "SELECT count(*) FROM history WHERE field = "
                                               "'merge-decision'"),
                   ==, 2);
  g_autofree char *decision = cw_test_sql_text (
    lead_path, "SELECT new_value FROM history WHERE field = 'merge-decision' ORDER BY id LIMIT 1");
  cw_test_assert_contains (decision, "theirs: result, note");
  assert_sound (lead);

  /* Both returns again: nothing new, nothing to settle. */
  g_autoptr (CwImportResult) again_rhys = import (lead, back_rhys);
  g_autoptr (CwImportResult) again_ines = import (lead, back_ines);
  g_assert_cmpuint (again_rhys->added + again_rhys->updated + again_rhys->conflicts, ==, 0);
  g_assert_cmpuint (again_ines->added + again_ines->updated + again_ines->conflicts, ==, 0);

  /* Rhys works on and returns again: only what he changed since comes. */
  answer (rhys, 1, "8.5.2.1.q1", CW_RESULT_OFI, "Only Rhys, second look");
  export (rhys, CW_EXPORT_AUDIT, 1, back_rhys);
  g_autoptr (CwImportResult) later = import (lead, back_rhys);
  g_assert_cmpuint (later->updated, ==, 1);
  g_assert_cmpuint (later->conflicts, ==, 0);

  /* The settled conflicts stay listed with their decisions. */
  g_autoptr (GPtrArray) all = cw_workspace_list_conflicts (lead, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (((CwConflict *) g_ptr_array_index (all, 0))->open);
}

static void
raise_minor (CwWorkspace *workspace, const char *clause, const char *statement)
{
  g_autoptr (GError) error = NULL;
  CwFindingDraft draft = {
    .audit_id = 1, .clause = clause, .grade = CW_GRADE_MINOR,
    .requirement = "The procedure asks for it",
    .evidence = "Two records of five sampled lacked it",
    .statement = statement,
    .grade_reason = "Isolated lapses; the process works otherwise",
  };
  g_assert_cmpint (cw_workspace_create_finding (workspace, &draft, &error), >, 0);
  g_assert_no_error (error);
}

/* Two auditors each raise their first nonconformity, NC-1 in their own
 * workspaces: the lead's audit numbers them NC-1 and NC-2. */
static void
test_numbering (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwWorkspace) lead = demo (dir);
  g_autofree char *for_rhys = cw_test_path (dir, "rhys.xml");
  g_autofree char *for_ines = cw_test_path (dir, "ines.xml");
  assign (lead, "Rhys Penhallow", (const char *const[]) { "8.5", NULL }, for_rhys);
  assign (lead, "Ines Moreau", (const char *const[]) { "10.1", NULL }, for_ines);
  g_autoptr (CwWorkspace) rhys = new_workspace (dir, "rhys.clausewise");
  g_autoptr (CwWorkspace) ines = new_workspace (dir, "ines.clausewise");
  g_autoptr (CwImportResult) a = import (rhys, for_rhys);
  g_autoptr (CwImportResult) b = import (ines, for_ines);
  raise_minor (rhys, "8.5.3", "Release rollback steps are not tested as RDP-01 requires");
  raise_minor (ines, "10.1", "CAR-2026-024 is overdue with no new date recorded");
  g_autofree char *back_rhys = cw_test_path (dir, "rhys-return.xml");
  g_autofree char *back_ines = cw_test_path (dir, "ines-return.xml");
  export (rhys, CW_EXPORT_AUDIT, 1, back_rhys);
  export (ines, CW_EXPORT_AUDIT, 1, back_ines);
  g_autoptr (CwImportResult) c = import (lead, back_rhys);
  g_autoptr (CwImportResult) d = import (lead, back_ines);
  g_assert_cmpuint (c->conflicts + d->conflicts, ==, 0);
  g_autofree char *lead_path = g_strdup (cw_workspace_get_path (lead));
  g_autofree char *numbers = cw_test_sql_text (
    lead_path, "SELECT group_concat (clause || '=' || number, ' ') FROM (SELECT clause, number"
               " FROM finding WHERE audit = 2 ORDER BY number)");
  g_assert_cmpstr (numbers, ==, "8.5.3=1 10.1=2");
  g_assert_cmpint (cw_test_sql_int (lead_path, "SELECT last_nc FROM audit WHERE id = 2"), ==, 2);
  assert_sound (lead);

  /* Rhys's return again: his NC-1 is the lead's NC-1 still, unchanged. */
  g_autoptr (CwImportResult) e = import (lead, back_rhys);
  g_assert_cmpuint (e->added + e->updated + e->conflicts, ==, 0);
}

/* Once the lead has issued the report, a return is refused and the
 * workspace left as it was. */
static void
test_issued_report (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwWorkspace) lead = demo (dir);
  g_autofree char *given = cw_test_path (dir, "given.xml");
  assign (lead, "Rhys Penhallow", (const char *const[]) { "8.5", NULL }, given);
  g_autoptr (CwWorkspace) rhys = new_workspace (dir, "rhys.clausewise");
  g_autoptr (CwImportResult) got = import (rhys, given);
  answer (rhys, 1, "8.5.3.q1", CW_RESULT_CONFORMING, "Seen");
  g_autofree char *back = cw_test_path (dir, "back.xml");
  export (rhys, CW_EXPORT_AUDIT, 1, back);

  g_autofree char *lead_path = g_strdup (cw_workspace_get_path (lead));
  cw_test_sql (lead_path, "UPDATE audit SET status = 'reported' WHERE id = 2");
  g_clear_object (&lead);
  g_autoptr (GBytes) before = cw_test_read (lead_path);
  g_autoptr (GError) error = NULL;
  lead = cw_workspace_open (lead_path, &error);
  g_assert_no_error (error);
  g_autoptr (CwImportResult) refused = cw_workspace_import (lead, back, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "revise the audit");
  g_clear_object (&lead);
  cw_test_assert_untouched (lead_path, before);
  g_autofree char *backup = g_strconcat (lead_path, ".before-import.bak", NULL);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* File evidence travels beside the XML, checked against its SHA-256. */
static void
test_evidence_files (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autoptr (CwWorkspace) source = demo (dir);
  g_autofree char *scans = cw_test_path (dir, "scans");
  g_assert_cmpint (g_mkdir (scans, 0700), ==, 0);
  g_autofree char *scan = cw_test_path (scans, "cab-minutes.pdf");
  cw_test_write (scan, "minutes of the CAB", 18);
  g_autoptr (GError) error = NULL;
  CwEvidenceDraft draft = { .audit_id = 2, .kind = CW_EVIDENCE_FILE,
                            .reference = "CAB minutes 19 Nov", .file = scan,
                            .sample_size = -1 };
  g_assert_cmpint (cw_workspace_add_evidence (source, &draft, &error), >, 0);
  g_assert_no_error (error);

  g_autofree char *out = cw_test_path (dir, "audit.xml");
  CwExportRequest request = { .kind = CW_EXPORT_AUDIT, .audit_id = 2, .evidence_dir = scans };
  guint missing = 99;
  g_assert_true (cw_workspace_export (source, &request, out, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing, ==, 0);
  g_autofree char *carried_dir = cw_exchange_files_dir (out);
  g_autofree char *sha = cw_file_sha256 (scan, NULL);
  g_autofree char *carried = g_build_filename (carried_dir, sha, NULL);
  g_assert_true (g_file_test (carried, G_FILE_TEST_IS_REGULAR));

  g_autoptr (CwWorkspace) target = new_workspace (dir, "target.clausewise");
  g_autoptr (CwImportResult) result = import (target, out);
  g_assert_cmpuint (result->files, ==, 1);
  g_autofree char *kept_dir = cw_exchange_files_dir (cw_workspace_get_path (target));
  g_autofree char *kept = g_build_filename (kept_dir, sha, NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  /* A carried file changed after the export is refused. */
  cw_test_write (carried, "minutes, edited", 15);
  g_autoptr (CwWorkspace) other = new_workspace (dir, "other.clausewise");
  g_autoptr (CwImportResult) refused = cw_workspace_import (other, out, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  cw_test_assert_contains (error->message, "does not match its SHA-256");
}

/* ---- Hostile files ------------------------------------------------------ */

#define HEAD                                                                            \
  "<exchange xmlns='urn:clausewise:exchange:1' version='1' kind='workspace'>"          \
  "<source workspace='11111111-2222-3333-4444-555555555555' organisation='Other'"      \
  " schema='15' catalogue-version='2'/>"
#define PERSON(uuid) "<person uuid='" uuid "' rev='1'><name>Dana</name></person>"
#define U1 "aaaaaaaa-bbbb-cccc-dddd-000000000001"
#define U2 "aaaaaaaa-bbbb-cccc-dddd-000000000002"

typedef struct
{
  const char *name;
  const char *xml; /* NULL: built by the test */
  GQuark domain;
  int code;
  const char *mention;
} Hostile;

static char *
deep_nesting (void)
{
  GString *xml = g_string_new (HEAD "<records>" PERSON (U1));
  for (int i = 0; i < 5000; i++)
    g_string_append (xml, "<a>");
  return g_string_free (xml, FALSE);
}

static char *
huge_text (void)
{
  GString *xml = g_string_new (HEAD "<records><person uuid='" U1 "' rev='1'><name>");
  for (int i = 0; i < 30000; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "</name></person></records></exchange>");
  return g_string_free (xml, FALSE);
}

static void
test_hostile (void)
{
  const Hostile cases[] = {
    { "billion-laughs",
      "<?xml version='1.0'?><!DOCTYPE exchange [<!ENTITY a 'ha'>"
      "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
      "]>" HEAD "<records><person uuid='" U1 "' rev='1'><name>&c;</name></person></records>"
      "</exchange>",
      CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN, "DTD" },
    { "external-entity",
      "<?xml version='1.0'?><!DOCTYPE exchange [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" HEAD
      "<records><person uuid='" U1 "' rev='1'><name>&x;</name></person></records></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN, "DTD" },
    { "external-dtd",
      "<?xml version='1.0'?><!DOCTYPE exchange SYSTEM 'http://example.com/x.dtd'>" HEAD
      "<records/></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN, "DTD" },
    { "xinclude",
      HEAD "<records><xi:include xmlns:xi='http://www.w3.org/2001/XInclude'"
           " href='/etc/passwd' parse='text'/></records></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_INVALID, "expected form" },
    { "wrong-namespace",
      "<exchange xmlns='urn:somebody:else' version='1' kind='workspace'><records/></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_INVALID, "expected form" },
    { "wrong-version",
      "<exchange xmlns='urn:clausewise:exchange:1' version='2' kind='workspace'>"
      "<source workspace='11111111-2222-3333-4444-555555555555' organisation='x' schema='15'"
      " catalogue-version='2'/><records/></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_INVALID, "expected form" },
    { "malformed", HEAD "<records><person", CW_XML_ERROR, CW_XML_ERROR_MALFORMED, "well-formed" },
    { "duplicate",
      HEAD "<records>" PERSON (U1) PERSON (U1) "</records></exchange>", CW_WORKSPACE_ERROR,
      CW_WORKSPACE_ERROR_INVALID, "twice" },
    { "dangling",
      HEAD "<records><answer uuid='" U1 "' rev='1'><audit>" U2 "</audit>"
           "<question>4.1.q1</question><result>conforming</result></answer></records></exchange>",
      CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "neither in the file" },
    { "bad-day",
      HEAD "<records><external-audit uuid='" U1 "' rev='1'><kind>stage-one</kind>"
           "<body>B</body><starts-on>2026-02-30</starts-on></external-audit></records>"
           "</exchange>",
      CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "starts-on" },
    { "unknown-clause",
      HEAD "<records><person uuid='" U1 "' rev='1'><name>Dana</name>"
           "<areas><clause>99.9</clause></areas></person></records></exchange>",
      CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "catalogue" },
    { "bad-enum",
      HEAD "<records><register uuid='" U1 "' rev='1'><reference>R</reference><title>T</title>"
           "<kind>poem</kind></register></records></exchange>",
      CW_XML_ERROR, CW_XML_ERROR_INVALID, "expected form" },
    { "huge-text", NULL, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "longer than" },
    { "deep-nesting", NULL, CW_XML_ERROR, 0, "" },
  };
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = NULL;
  {
    g_autoptr (CwWorkspace) made = new_workspace (dir, "target.clausewise");
    path = g_strdup (cw_workspace_get_path (made));
  }
  g_autoptr (GBytes) before = cw_test_read (path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_autofree char *built = g_str_equal (cases[i].name, "huge-text") ? huge_text ()
                               : g_str_equal (cases[i].name, "deep-nesting") ? deep_nesting ()
                                                                              : NULL;
      const char *xml = built ? built : cases[i].xml;
      g_autofree char *file = cw_test_path (dir, "hostile.xml");
      cw_test_write (file, xml, strlen (xml));
      g_autoptr (GError) error = NULL;
      g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
      g_assert_no_error (error);
      g_autoptr (CwImportResult) result = cw_workspace_import (workspace, file, FALSE, &error);
      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_true (error->domain == cases[i].domain);
      if (cases[i].code != 0)
        g_assert_cmpint (error->code, ==, cases[i].code);
      cw_test_assert_contains (error->message, cases[i].mention);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_object (&workspace);
      cw_test_assert_untouched (path, before);
    }

  /* Compressed, and too large for the cap. */
  g_autofree char *gz = cw_test_path (dir, "hostile.xml.gz");
  const guint8 gzip[] = { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 };
  cw_test_write (gz, gzip, sizeof gzip);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
  g_assert_null (cw_workspace_import (workspace, gz, FALSE, &error));
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_autofree char *big = cw_test_path (dir, "big.xml");
  g_autofree char *text = huge_text ();
  cw_test_write (big, text, strlen (text));
  g_assert_null (cw_workspace_import_capped (workspace, big, 1024, FALSE, &error));
  g_assert_error (error, CW_XML_ERROR, CW_XML_ERROR_TOO_LARGE);
  g_clear_object (&workspace);
  cw_test_assert_untouched (path, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/exchange/round-trip", test_round_trip);
  g_test_add_func ("/core/exchange/team", test_team);
  g_test_add_func ("/core/exchange/numbering", test_numbering);
  g_test_add_func ("/core/exchange/issued-report", test_issued_report);
  g_test_add_func ("/core/exchange/evidence-files", test_evidence_files);
  g_test_add_func ("/core/exchange/hostile", test_hostile);
  return g_test_run ();
}
