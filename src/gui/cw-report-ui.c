/* cw-report-ui.c: the window side of reports. Layout and drawing are the
 * core's (cw-report.c); here the PDF is written in a worker thread while a
 * small window shows the pages done and offers Cancel, so a 500-page report
 * never freezes the window, and printing hands the same page drawing to
 * GtkPrintOperation. */
#define G_LOG_DOMAIN "cw-report-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-application.h"
#include "cw-output.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

typedef struct
{
  CwReport *report;
  char *path;
  GtkWidget *progress_window;
  GtkProgressBar *bar;
  GCancellable *cancellable;
  GtkWindow *window; /* the window the export was asked from */
} Export;

static void
export_free (Export *export)
{
  if (export->progress_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (export->progress_window),
                                  (gpointer *) &export->progress_window);
  g_clear_object (&export->report);
  g_free (export->path);
  g_clear_object (&export->cancellable);
  g_clear_object (&export->window);
  g_free (export);
}

/* The paper size chosen in Preferences. */
CwPaper
cw_report_ui_paper (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  CwPaper paper = CW_PAPER_A4;
  if (CW_IS_APPLICATION (app))
    {
      g_autofree char *nick
        = g_settings_get_string (cw_application_get_settings (CW_APPLICATION (app)), "paper-size");
      cw_paper_from_string (nick, &paper);
    }
  return paper;
}

typedef struct
{
  GtkProgressBar *bar;
  guint page, n_pages;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  gtk_progress_bar_set_fraction (progress->bar, (double) progress->page / MAX (progress->n_pages, 1));
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), progress->page, progress->n_pages);
  gtk_progress_bar_set_text (progress->bar, text);
  g_object_unref (progress->bar);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker thread: hand each page's progress to the main loop. */
static void
on_page_written (guint page, guint n_pages, gpointer data)
{
  Export *export = data;
  if (page % 10 != 0 && page != n_pages)
    return;
  Progress *progress = g_new (Progress, 1);
  progress->bar = g_object_ref (export->bar);
  progress->page = page;
  progress->n_pages = n_pages;
  g_main_context_invoke (NULL, show_progress, progress);
}

static void
write_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Export *export = data;
  GError *error = NULL;
  if (cw_report_write_pdf (export->report, export->path, on_page_written, export, cancellable,
                           &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
open_exported (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer data)
{
  Export *export = data;
  g_autoptr (GError) error = NULL;
  /* The window it was asked from may have been closed meanwhile, and its
   * progress window with it: then there is nowhere to say how it went. */
  if (export->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (export->progress_window));
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (export->window));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (shown && !g_error_matches (error, CW_REPORT_ERROR, CW_REPORT_ERROR_CANCELLED)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cw_show_error (GTK_WIDGET (export->window), _("Could Not Export the Report"), error);
    }
  else if (shown)
    {
      g_autofree char *name = g_path_get_basename (export->path);
      g_autofree char *message = g_strdup_printf (_("“%s” exported"), name);
      AdwToast *toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "report.open");
      adw_toast_set_action_target_value (toast, g_variant_new_string (export->path));
      cw_add_toast (GTK_WIDGET (export->window), toast);
    }
  export_free (export);
}

static void
on_cancel (GtkButton *button, GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static GtkWidget *
progress_window (GtkWindow *parent, Export *export)
{
  GtkWidget *window = g_object_new (ADW_TYPE_WINDOW, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                    NULL);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (parent));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_set_title (GTK_WINDOW (window), _("Exporting Report"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (box, "margin-top", 24, "margin-bottom", 24, "margin-start", 24, "margin-end", 24,
                NULL);
  GtkWidget *title = gtk_label_new (cw_report_get_title (export->report));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  export->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (export->bar, TRUE);
  gtk_progress_bar_set_text (export->bar, _("Laying out pages…"));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel), export->cancellable);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (export->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

/* Closing the progress window means Cancel; it goes away when the writer
 * has stopped, never before (the writer reports to it). */
static gboolean
on_progress_close (GtkWindow *window, GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
  return TRUE;
}

static void
start_export (Export *export)
{
  /* A file that can never hold the PDF (a pipe, a device, the workspace or
   * its -wal …) is refused at once, without a progress window flashing by;
   * the check never waits. The writer checks again in its thread, and its
   * errors reach on_written() like any other. */
  g_autoptr (GError) error = NULL;
  g_autofree char *target = cw_output_resolve (export->path, &error);
  if (target == NULL)
    {
      cw_show_error (GTK_WIDGET (export->window), _("Could Not Export the Report"), error);
      export_free (export);
      return;
    }
  export->progress_window = progress_window (export->window, export);
  g_object_add_weak_pointer (G_OBJECT (export->progress_window),
                             (gpointer *) &export->progress_window);
  g_signal_connect (export->progress_window, "close-request", G_CALLBACK (on_progress_close),
                    export->cancellable);
  gtk_window_present (GTK_WINDOW (export->progress_window));
  g_autoptr (GTask) task = g_task_new (NULL, export->cancellable, on_written, export);
  /* The writer's own result says whether it finished; a cancel after the
   * rename must not report a written file as failed. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export, NULL);
  g_task_run_in_thread (task, write_in_thread);
}

static Export *
export_new (GtkWidget *from, CwReport *report)
{
  GtkRoot *window = gtk_widget_get_root (from);
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  Export *export = g_new0 (Export, 1);
  export->report = g_object_ref (report);
  export->window = g_object_ref (GTK_WINDOW (window));
  export->cancellable = g_cancellable_new ();
  cw_report_set_paper (report, cw_report_ui_paper (from));
  return export;
}

/* Writes the PDF to `path` without asking: what Export does once a file is
 * chosen, and what the UI tests drive. */
void
cw_report_ui_export_to (GtkWidget *from, CwReport *report, const char *path)
{
  Export *export = export_new (from, report);
  export->path = g_strdup (path);
  start_export (export);
}

static void
on_chosen (GtkNativeDialog *dialog, int response, Export *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export->path = g_file_get_path (file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (export->path != NULL)
    start_export (export);
  else
    export_free (export);
}

/* Asks where to save, then writes the PDF without blocking the window.
 * Takes a reference to `report`. */
void
cw_report_ui_export (GtkWidget *from, CwReport *report, const char *file_name)
{
  Export *export = export_new (from, report);
  GtkFileChooserNative *dialog
    = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (export->window),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chosen), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Printing ------------------------------------------------------------ */

static void
on_begin_print (GtkPrintOperation *operation, GtkPrintContext *context, CwReport *report)
{
  guint n_pages = cw_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, CwReport *report)
{
  cw_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

/* A print operation that lays the report out on the printer's pages and
 * draws them as the printer asks: what Print… runs with its dialog, and what
 * the tests run to a file. */
GtkPrintOperation *
cw_report_ui_print_operation (GtkWidget *from, CwReport *report)
{
  CwPaper paper = cw_report_ui_paper (from);
  cw_report_set_paper (report, paper);

  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) size
    = gtk_paper_size_new (paper == CW_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, cw_report_get_title (report));
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), report, 0);
  g_object_set_data_full (G_OBJECT (operation), "report", g_object_ref (report), g_object_unref);
  return g_steal_pointer (&operation);
}

void
cw_report_ui_print (GtkWidget *from, CwReport *report)
{
  GtkRoot *window = gtk_widget_get_root (from);
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_autoptr (GtkPrintOperation) operation = cw_report_ui_print_operation (from, report);
  g_autoptr (GError) error = NULL;
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    cw_show_error (GTK_WIDGET (window), _("Could Not Print the Report"), error);
}

/* The window's "report.open" action, used by the Open button of the toast. */
void
cw_report_ui_install_actions (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "report.open", "s", open_exported);
}
