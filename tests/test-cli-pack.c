/* test-cli-pack.c: `clausewise-cli docs bundle --stage-one`, the Stage One
 * submission pack, as a quality manager and a certifier rely on it: the
 * folder holds exactly the files it lists, each document byte for byte with
 * the hash the register kept, the reports as PDFs, and an index naming each
 * reference and hash; and when anything is wrong (a changed or missing
 * file, no issued audit report, a name in use) every problem is named and
 * nothing at all is left behind. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-date.h"
#include "cw-pack.h"
#include "cw-register.h"
#include "cw-test-util.h"

typedef struct
{
  char *dir;
  char *ws;
  GPtrArray *references; /* the documents with files, in the pack */
  GPtrArray *sources;    /* their files, same order */
} Setup;

static void
setup_free (Setup *setup)
{
  g_free (setup->dir);
  g_free (setup->ws);
  g_ptr_array_unref (setup->references);
  g_ptr_array_unref (setup->sources);
  g_free (setup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Setup, setup_free)

static void
add_document (Setup *setup, const char *reference, const char *clause, const char *file_name)
{
  g_autofree char *source = cw_test_path (setup->dir, file_name);
  g_autofree char *text = g_strdup_printf ("%s, version 1.0, approved.\n", reference);
  cw_test_write (source, text, strlen (text));
  g_autofree char *id = cw_test_cli_id (
    ARGS ("docs", "add", setup->ws, reference, "--title", "A document of the pack", "--kind",
          "document", "--clauses", clause, "--status", "approved", "--approved-on", "2026-01-05",
          "--review-due", "2099-12-31", "--version", "1.0", "--file", source));
  g_ptr_array_add (setup->references, g_strdup (reference));
  g_ptr_array_add (setup->sources, g_steal_pointer (&source));
}

/* A workspace made with `init` (no audit, no review) or `demo` (an issued
 * audit and approved review minutes), with an approved document with a
 * file for every mandatory clause, so that no gap depends on the date. */
static Setup *
setup_new (gboolean demo)
{
  Setup *setup = g_new0 (Setup, 1);
  setup->dir = cw_test_make_dir ();
  setup->ws = cw_test_path (setup->dir, "w.clausewise");
  setup->references = g_ptr_array_new_with_free_func (g_free);
  setup->sources = g_ptr_array_new_with_free_func (g_free);
  g_free (cw_test_cli_ok (ARGS (demo ? "demo" : "init", setup->ws)));
  guint n;
  const CwMandatoryItem *items = cw_register_mandatory_items (&n);
  for (guint i = 0; i < n; i++)
    {
      if (items[i].kind != CW_EXPECTED_DOCUMENT)
        continue;
      g_autofree char *reference = g_strdup_printf ("PK-%s", items[i].clause);
      g_autofree char *file_name = g_strdup_printf ("source %u.txt", i);
      add_document (setup, reference, items[i].clause, file_name);
    }
  /* References that make poor file names: a slash, a leading dot, and one
   * that would take the index's own name. */
  add_document (setup, "ISMS/01", "4.3", "isms.odt");
  add_document (setup, ".hidden", "4.3", "hidden.txt");
  add_document (setup, "index", "4.3", "index.pdf");
  /* Known by its place in the document system only. */
  g_free (cw_test_cli_id (ARGS ("docs", "add", setup->ws, "PK-DMS", "--title", "Kept in the DMS",
                                "--kind", "document", "--clauses", "8.1", "--status", "approved",
                                "--approved-on", "2026-01-05", "--review-due", "2099-12-31",
                                "--version", "2.0", "--location",
                                "https://dms.example/sms/pk-dms")));
  return setup;
}

/* The names in a folder, sorted. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  return names;
}

/* Nothing half-written: no target, and no hidden partial folder beside it. */
static void
assert_nothing_left (const char *dir, const char *target)
{
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_autoptr (GPtrArray) names = list_dir (dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      if (strstr (name, "partial") != NULL || g_str_has_prefix (name, ".pack"))
        g_error ("%s was left behind in %s", name, dir);
    }
}

static char *
sha256_of (const char *path)
{
  g_autoptr (GBytes) bytes = cw_test_read (path);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  /* -raw: in the order drawn, so that a hash wrapped in its cell reads on. */
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = cw_test_spawn (ARGS ("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"), &out, &err);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_dry_run (void)
{
  g_autoptr (Setup) setup = setup_new (TRUE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");

  /* The dry run writes nothing and shows the plan. */
  g_autofree char *plan
    = cw_test_cli_ok (ARGS ("docs", "bundle", setup->ws, "--stage-one", "--dry-run"));
  cw_test_assert_contains (plan, "audit-report\t");
  cw_test_assert_contains (plan, "review-minutes\t");
  cw_test_assert_contains (plan, "kept-elsewhere\tPK-DMS\t2.0\thttps://dms.example/sms/pk-dms\t-");
  g_assert_null (strstr (plan, "problem"));
  assert_nothing_left (setup->dir, pack);
}

static void
test_written (void)
{
  g_autoptr (Setup) setup = setup_new (TRUE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");
  g_autoptr (GPtrArray) before = list_dir (setup->dir);
  g_autofree char *out
    = cw_test_cli_ok (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", pack));

  /* Every printed line is a file of the folder with its true hash, and the
   * folder holds nothing else. */
  g_auto (GStrv) lines = cw_test_output_lines (out);
  g_autoptr (GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_null (strchr (fields[0], '/'));
      g_assert_false (g_str_has_prefix (fields[0], "."));
      g_autofree char *path = cw_test_path (pack, fields[0]);
      g_autofree char *sha256 = sha256_of (path);
      g_assert_cmpstr (sha256, ==, fields[1]);
      g_hash_table_insert (printed, g_strdup (fields[0]), g_strdup (fields[1]));
    }
  g_autoptr (GPtrArray) inside = list_dir (pack);
  g_assert_cmpuint (inside->len, ==, g_hash_table_size (printed));
  for (guint i = 0; i < inside->len; i++)
    g_assert_true (g_hash_table_contains (printed, g_ptr_array_index (inside, i)));
  g_assert_true (g_hash_table_contains (printed, "index.pdf"));
  g_assert_true (g_hash_table_contains (printed, "audit-report.pdf"));
  g_assert_true (g_hash_table_contains (printed, "review-minutes.pdf"));
  /* The poor names became safe, unique ones. */
  g_assert_true (g_hash_table_contains (printed, "ISMS-01.odt"));
  g_assert_true (g_hash_table_contains (printed, "hidden.txt"));
  g_assert_true (g_hash_table_contains (printed, "index-2.pdf"));
  /* Documents, the reports and the index; nothing for PK-DMS. */
  g_assert_cmpuint (inside->len, ==, setup->sources->len + 3);

  /* Each document is the registered file, byte for byte. */
  g_autofree char *index_path = cw_test_path (pack, "index.pdf");
  g_autofree char *index_text = pdf_text (index_path);
  g_autofree char *index_flat = without_spaces (index_text);
  GHashTableIter iter;
  gpointer name, sha256;
  g_hash_table_iter_init (&iter, printed);
  while (g_hash_table_iter_next (&iter, &name, &sha256))
    {
      g_autofree char *path = cw_test_path (pack, name);
      if (!g_str_equal (name, "index.pdf"))
        cw_test_assert_contains (index_flat, sha256);
      if (g_str_has_suffix (name, ".pdf") && !g_str_equal (name, "index-2.pdf"))
        {
          g_autofree char *head = NULL;
          g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
          g_assert_true (g_str_has_prefix (head, "%PDF-"));
        }
    }
  for (guint i = 0; i < setup->sources->len; i++)
    {
      const char *reference = g_ptr_array_index (setup->references, i);
      cw_test_assert_contains (index_flat, reference);
      g_autoptr (GBytes) source = cw_test_read (g_ptr_array_index (setup->sources, i));
      gboolean found = FALSE;
      g_hash_table_iter_init (&iter, printed);
      while (g_hash_table_iter_next (&iter, &name, &sha256))
        {
          g_autofree char *path = cw_test_path (pack, name);
          g_autoptr (GBytes) copy = cw_test_read (path);
          found |= g_bytes_equal (source, copy);
        }
      if (!found)
        g_error ("%s is not in the pack byte for byte", reference);
    }
  /* Where the document kept elsewhere is, for the certifier. */
  cw_test_assert_contains (index_flat, "PK-DMS");
  cw_test_assert_contains (index_flat, "https://dms.example/sms/pk-dms");

  g_autofree char *qpdf = NULL;
  g_assert_cmpint (cw_test_spawn (ARGS ("qpdf", "--check", index_path), &qpdf, NULL), ==, 0);

  /* Beside the pack, nothing new but the pack. */
  g_autoptr (GPtrArray) after = list_dir (setup->dir);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  /* Written once: a second run refuses the name in use and changes nothing. */
  g_autofree char *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", pack),
                                NULL, &err),
                   ==, CLI_BAD_INPUT);
  cw_test_assert_contains (err, "already exists");
  g_autoptr (GPtrArray) again = list_dir (pack);
  g_assert_cmpuint (again->len, ==, inside->len);
}

/* Both problems named, one per line; no folder, no partial folder. */
static void
test_changed_and_missing (void)
{
  g_autoptr (Setup) setup = setup_new (TRUE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");
  const char *changed = g_ptr_array_index (setup->sources, 5);
  const char *missing = g_ptr_array_index (setup->sources, 2);
  cw_test_write (changed, "Edited after approval.\n", 23);
  g_assert_cmpint (g_unlink (missing), ==, 0);

  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", pack),
                                &out, &err),
                   ==, CLI_BAD_INPUT);
  g_assert_cmpstr (out, ==, "");
  g_auto (GStrv) lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4); /* the refusal, two problems, "" */
  g_assert_true (g_str_has_prefix (lines[0], "clausewise-cli: "));
  cw_test_assert_contains (lines[0], "2 problems");
  g_autofree char *expect_changed = g_strdup_printf (
    "%s (A document of the pack): its file", (char *)g_ptr_array_index (setup->references, 5));
  cw_test_assert_contains (err, expect_changed);
  cw_test_assert_contains (err, "has changed since it was registered");
  g_autofree char *expect_missing = g_strdup_printf (
    "%s (A document of the pack)", (char *)g_ptr_array_index (setup->references, 2));
  cw_test_assert_contains (err, expect_missing);
  cw_test_assert_contains (err, "is not there any more");
  assert_nothing_left (setup->dir, pack);

  /* The dry run names the same two, on stdout, and also fails. */
  g_autofree char *dry = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("docs", "bundle", setup->ws, "--stage-one", "--dry-run"),
                                &dry, NULL),
                   ==, CLI_BAD_INPUT);
  cw_test_assert_contains (dry, "problem\t");
  cw_test_assert_contains (dry, "is not there any more");
  assert_nothing_left (setup->dir, pack);
}

/* The file changes after the plan was checked, while the pack is written:
 * the copy's own hash catches it, and nothing is left. */
static void
test_changed_while_writing (void)
{
  g_autoptr (Setup) setup = setup_new (TRUE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (setup->ws, &error);
  g_assert_no_error (error);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (CwPackPlan) plan = cw_workspace_plan_stage_one_pack (workspace, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  const char *source = g_ptr_array_index (setup->sources, setup->sources->len - 1);
  cw_test_write (source, "Swapped.\n", 9);
  g_assert_false (cw_workspace_write_stage_one_pack (workspace, plan, pack, &error));
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED);
  cw_test_assert_contains (error->message, "index");
  assert_nothing_left (setup->dir, pack);
}

static void
test_target_exists (void)
{
  g_autoptr (Setup) setup = setup_new (TRUE);
  g_autofree char *folder = cw_test_path (setup->dir, "existing");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  cw_test_cli_error (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", folder),
                     CLI_BAD_INPUT, "already exists");
  g_autoptr (GPtrArray) inside = list_dir (folder);
  g_assert_cmpuint (inside->len, ==, 0);

  g_autofree char *file = cw_test_path (setup->dir, "a-file");
  cw_test_write (file, "kept", 4);
  g_autoptr (GBytes) before = cw_test_read (file);
  cw_test_cli_error (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", file),
                     CLI_BAD_INPUT, "already exists");
  cw_test_assert_untouched (file, before);

  g_autofree char *nowhere = cw_test_path (setup->dir, "no/such/pack");
  cw_test_cli_error (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", nowhere),
                     CLI_BAD_INPUT, "create it first");
  g_autoptr (GPtrArray) names = list_dir (setup->dir);
  for (guint i = 0; i < names->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (names, i), "."));
}

static void
test_no_audit_report (void)
{
  g_autoptr (Setup) setup = setup_new (FALSE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");
  g_autofree char *err = NULL;
  g_assert_cmpint (cw_test_cli (ARGS ("docs", "bundle", setup->ws, "--stage-one", "-o", pack),
                                NULL, &err),
                   ==, CLI_BAD_INPUT);
  cw_test_assert_contains (err, "No internal audit report has been issued");
  cw_test_assert_contains (err, "No management review has been approved");
  assert_nothing_left (setup->dir, pack);
}

static void
test_usage (void)
{
  g_autoptr (Setup) setup = setup_new (FALSE);
  g_autofree char *pack = cw_test_path (setup->dir, "pack");
  cw_test_cli_error (ARGS ("docs", "bundle", setup->ws, "-o", pack), CLI_USAGE, "--stage-one");
  cw_test_cli_error (ARGS ("docs", "bundle", setup->ws, "--stage-one"), CLI_USAGE, "-o FOLDER");
  assert_nothing_left (setup->dir, pack);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/pack/dry-run", test_dry_run);
  g_test_add_func ("/cli/pack/written", test_written);
  g_test_add_func ("/cli/pack/changed-and-missing", test_changed_and_missing);
  g_test_add_func ("/cli/pack/changed-while-writing", test_changed_while_writing);
  g_test_add_func ("/cli/pack/target-exists", test_target_exists);
  g_test_add_func ("/cli/pack/no-audit-report", test_no_audit_report);
  g_test_add_func ("/cli/pack/usage", test_usage);
  return g_test_run ();
}
