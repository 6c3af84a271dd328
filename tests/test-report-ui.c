/* test-report-ui.c: the window's Export PDF refuses what the CLI refuses,
 * through the same core function, and says so in a dialog instead of
 * swallowing the error or waiting forever on a pipe. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-application.h"
#include "cw-demo.h"
#include "cw-report-ui.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Exports to `path` and expects the error dialog, its body saying
 * `mention`; closes it. */
static void
expect_export_refused (CwWindow *window, CwReport *report, const char *path, const char *mention)
{
  /* Should the export block the main loop (opening a pipe on it), the test
   * ends with a message instead of hanging. */
  g_autofree char *what = g_strdup_printf ("exporting to %s", path);
  CwTestWatchdog *dog = cw_test_watchdog_start (what, 30);

  cw_report_ui_export_to (cw_window_get_checklist (window), report, path);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog = NULL;
  while ((dialog = find_dialog ()) == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);

  cw_test_watchdog_stop (dog);

  if (dialog == NULL)
    g_error ("exporting to %s showed no error", path);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Report");
  cw_test_assert_contains (adw_message_dialog_get_body (dialog), mention);
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  settle (200);
  g_assert_null (find_dialog ());
}

/* A window on a new demo workspace at `dir`/demo.clausewise. */
static CwWindow *
open_demo (const char *dir, char **path_out)
{
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) demo = cw_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  CwWindow *window = cw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cw_window_open_path (window, path, FALSE));
  settle (200);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return window;
}

static void
test_export_refused (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = NULL;
  CwWindow *window = open_demo (dir, &path);
  g_autoptr (GError) error = NULL;
  cw_window_show_audit (window, 1, NULL);
  g_autoptr (CwReport) report = cw_report_new_audit (cw_window_get_workspace (window), 1, &error);
  g_assert_no_error (error);

  g_autofree char *fifo = cw_test_path (dir, "fifo.pdf");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr (GBytes) wal_before = cw_test_read (wal);

  expect_export_refused (window, report, fifo, "is a named pipe, not a file");
  expect_export_refused (window, report, path, "is a Clausewise workspace");
  expect_export_refused (window, report, dir, "is a folder, not a file");
  /* The -wal of the workspace this window has open. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  expect_export_refused (window, report, wal, "belongs to the database");
  g_autoptr (GBytes) wal_after = cw_test_read (wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));
  expect_export_refused (window, report, journal, "belongs to the database");
  /* Refused while writing, in the worker thread: shown all the same. */
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  expect_export_refused (window, report, missing, "no-such-folder");

  struct stat st;
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  /* Beside the workspace, only its own files and the pipe: no temporary file. */
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "demo.clausewise") && !g_str_equal (name, "fifo.pdf"))
      g_error ("left beside the workspace: %s", name);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* And a good name still exports. */
  g_autofree char *pdf = cw_test_path (dir, "fine.pdf");
  cw_report_ui_export_to (cw_window_get_checklist (window), report, pdf);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (pdf, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  settle (300);
  g_assert_null (find_dialog ());
  g_autoptr (GBytes) bytes = cw_test_read (pdf);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  gtk_window_close (GTK_WINDOW (window));
  settle (100);
}

/* Pages in a PDF, as poppler counts them. */
static guint
pdf_pages (const char *pdf)
{
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", quoted);
  g_autofree char *out = NULL;
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  const char *line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* Every report printed through GtkPrintOperation, to a file as "Print to
 * File" does, has as many pages as the same report exported on the same
 * paper: printing lays out every page to draw them in any order, export
 * one page at a time, and they must agree. */
static void
test_print_to_file (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  CwWindow *window = open_demo (dir, NULL);
  g_autoptr (GError) error = NULL;
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GDate today;
  g_date_set_dmy (&today, 29, 11, 2026);
  CwReport *reports[] = {
    cw_report_new_audit (workspace, 1, &error),
    cw_report_new_nonconformities (workspace, 1, &error),
    cw_report_new_audit_plan (workspace, 1, &error),
    cw_report_new_actions (workspace, TRUE, &error),
    cw_report_new_review (workspace, 1, &error),
    cw_report_new_programme (workspace, &today, &error),
    cw_report_new_readiness (workspace, &today, &error),
  };
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr (CwReport) report = reports[i];
      g_autofree char *name = g_strdup_printf ("printed-%u.pdf", i);
      g_autofree char *printed = cw_test_path (dir, name);
      g_autoptr (GtkPrintOperation) operation
          = cw_report_ui_print_operation (GTK_WIDGET (window), report);
      gtk_print_operation_set_export_filename (operation, printed);
      gtk_print_operation_set_show_progress (operation, FALSE);
      g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                GTK_WINDOW (window), &error),
                       ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);

      g_autofree char *exported = cw_test_path (dir, "exported.pdf");
      g_assert_true (cw_report_write_pdf (report, exported, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      guint n = pdf_pages (exported);
      g_assert_cmpuint (n, >, 1);
      if (pdf_pages (printed) != n)
        g_error ("%s: printed on %u pages, exported on %u", cw_report_get_title (report),
                 pdf_pages (printed), n);
    }
  gtk_window_close (GTK_WINDOW (window));
  settle (100);
}

/* The window an export was asked from closed while the PDF is written:
 * the file is still written whole, and nothing tries to show a toast in
 * the closed window (G_DEBUG=fatal-warnings makes any warning fail). */
static void
test_window_closed_while_exporting (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  CwWindow *window = open_demo (dir, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report = cw_report_new_audit (cw_window_get_workspace (window), 1, &error);
  g_assert_no_error (error);
  g_autofree char *pdf = cw_test_path (dir, "closed.pdf");
  cw_report_ui_export_to (cw_window_get_checklist (window), report, pdf);
  gtk_window_destroy (GTK_WINDOW (window));
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (pdf, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  settle (300);
  g_assert_null (find_dialog ());
  g_autoptr (GBytes) bytes = cw_test_read (pdf);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/report/export-refused", test_export_refused);
  g_test_add_func ("/ui/report/window-closed-while-exporting", test_window_closed_while_exporting);
  g_test_add_func ("/ui/report/print-to-file", test_print_to_file);
  return g_test_run ();
}
