/* cw-report.c: a report as an object: pagination, drawing page by page, and
 * export to PDF through a temporary file. The content lives in the report
 * modules (cw-report-audit.c …); the typesetting in cw-report-typeset.c. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include "cw-i18n.h"
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cw-date.h"
#include "cw-output.h"
#include "cw-report-private.h"
#include "cw-workspace-private.h"

struct _CwReport
{
  GObject parent_instance;
  char *title;
  char *subject;
  char *author;
  char *organisation;
  char *created;
  char *dated;  /* when set, the PDF's date whatever `reproducible` says */
  char *footer; /* the subject and the history seal, on every page */
  CwPaper paper;
  gboolean reproducible;
  gpointer content;
  GDestroyNotify content_free;
  CwReportCompose compose;
  CwTypeset *typeset;
  const char *language; /* the language it speaks (cw-i18n.h) */
};

G_DEFINE_FINAL_TYPE (CwReport, cw_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (cw - report - error - quark, cw_report_error)

static void
cw_report_finalize (GObject *object)
{
  CwReport *self = CW_REPORT (object);
  cw_typeset_free (self->typeset);
  if (self->content_free != NULL)
    self->content_free (self->content);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->author);
  g_free (self->organisation);
  g_free (self->created);
  g_free (self->dated);
  g_free (self->footer);
  G_OBJECT_CLASS (cw_report_parent_class)->finalize (object);
}

static void
cw_report_class_init (CwReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_report_finalize;
}

static void
cw_report_init (CwReport *self)
{
}

/* The workspace's creation time: the date reproducible output carries. */
static char *
workspace_created (CwWorkspace *workspace, GError **error)
{
  CwStmt *stmt
      = cw_workspace_prepare (workspace, "SELECT created_at FROM workspace WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (!cw_stmt_expect_row (stmt, error))
    return NULL;
  char *created = cw_stmt_dup_text (stmt, 0);
  cw_stmt_reset (stmt);
  return created ? created : g_strdup ("2000-01-01T00:00:00Z");
}

/* A report over `content`, which it takes (and frees if it fails). */
CwReport *
cw_report_new_with (CwWorkspace *workspace, const CwReportInfo *info, gpointer content,
                    GDestroyNotify content_free, CwReportCompose compose, GError **error)
{
  g_autofree char *created = workspace_created (workspace, error);
  /* Every page carries the seal of the history the report was made from,
   * so that a printed page can be proven against the workspace later. */
  g_autofree char *what = g_strdup_printf ("%s: %s", info->title, info->subject);
  g_autofree char *seal = created ? cw_workspace_seal (workspace, what, error) : NULL;
  if (seal == NULL)
    {
      content_free (content);
      return NULL;
    }
  CwReport *self = g_object_new (CW_TYPE_REPORT, NULL);
  self->title = g_strdup (info->title);
  self->subject = g_strdup (info->subject);
  self->author = g_strdup (info->author);
  self->organisation = g_strdup (info->organisation);
  self->created = g_steal_pointer (&created);
  self->language = cw_language_current ();
  self->dated = g_strdup (info->dated);
  /* The seal first, then the report's short reference: the full title is on
   * the cover and in the running header. */
  self->footer = g_strdup_printf (_ ("History seal %s · %s"), seal,
                                  info->reference ? info->reference : info->subject);
  self->content = content;
  self->content_free = content_free;
  self->compose = compose;
  return self;
}

/* Dates in the language the report speaks (cw_i18n_format_date). */
static char *
format_date (const char *iso, gboolean short_month)
{
  GDate date;
  if (iso == NULL || *iso == '\0')
    return g_strdup (_ ("not set"));
  g_autofree char *day = g_strndup (iso, 10);
  if (!cw_date_parse (day, &date, NULL))
    return g_strdup (iso);
  return cw_i18n_format_date (&date, short_month);
}

/* "2026-09-14" (or a timestamp of that day) → "14 September 2026";
 * anything else is shown as it is. */
char *
cw_report_date (const char *iso)
{
  return format_date (iso, FALSE);
}

/* What a report prints for a field left empty. */
const char *
cw_report_or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* The same for narrow table columns: "14 Sep 2026". */
char *
cw_report_short_date (const char *iso)
{
  return format_date (iso, TRUE);
}

/* Colours chosen to stay apart in greyscale as well: severity darkens. */
const CwRgb *
cw_report_result_colour (CwResult result)
{
  static const CwRgb colours[] = {
    [CW_RESULT_NOT_ASSESSED] = { 1.00, 1.00, 1.00 },
    [CW_RESULT_NOT_APPLICABLE] = { 0.80, 0.81, 0.83 },
    [CW_RESULT_CONFORMING] = { 0.20, 0.52, 0.38 },
    [CW_RESULT_OFI] = { 0.45, 0.66, 0.85 },
    [CW_RESULT_OBSERVATION] = { 0.90, 0.72, 0.25 },
    [CW_RESULT_MINOR] = { 0.83, 0.41, 0.16 },
    [CW_RESULT_MAJOR] = { 0.55, 0.09, 0.11 },
  };
  return &colours[CLAMP (result, CW_RESULT_NOT_ASSESSED, CW_RESULT_MAJOR)];
}

const CwRgb *
cw_report_grade_colour (CwGrade grade)
{
  return cw_report_result_colour (cw_grade_to_result (grade));
}

/* The day of the workspace's last recorded change: the "today" of
 * reproducible output, so that the same workspace always gives the same
 * register whatever day it is printed. */
gboolean
cw_report_reference_date (CwWorkspace *workspace, GDate *date, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
      workspace,
      "SELECT coalesce ((SELECT max (at) FROM history), (SELECT created_at FROM workspace))",
      error);
  if (stmt == NULL)
    return FALSE;
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  g_autofree char *at = cw_stmt_dup_text (stmt, 0);
  cw_stmt_reset (stmt);
  g_autofree char *day = g_strndup (at ? at : "", 10);
  if (!cw_date_parse (day, date, NULL))
    g_date_set_dmy (date, 1, 1, 2000);
  return TRUE;
}

gboolean
cw_paper_from_string (const char *token, CwPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);
  if (g_strcmp0 (token, "a4") == 0)
    *paper = CW_PAPER_A4;
  else if (g_strcmp0 (token, "letter") == 0)
    *paper = CW_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
cw_paper_get_size (CwPaper paper, double *width, double *height)
{
  /* Points: A4 is 210 × 297 mm, US Letter 8.5 × 11 in. */
  *width = paper == CW_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == CW_PAPER_LETTER ? 792.0 : 841.89;
}

const char *
cw_report_get_title (CwReport *self)
{
  g_return_val_if_fail (CW_IS_REPORT (self), NULL);
  return self->title;
}

void
cw_report_set_paper (CwReport *self, CwPaper paper)
{
  g_return_if_fail (CW_IS_REPORT (self));
  self->paper = paper;
}

/* Reproducible output: the same workspace gives the same bytes, because the
 * creation date in the metadata is the workspace's, not the clock's. The
 * content never shows the current time either way. */
void
cw_report_set_reproducible (CwReport *self, gboolean reproducible)
{
  g_return_if_fail (CW_IS_REPORT (self));
  self->reproducible = reproducible;
}

/* Lays the report out for pages of `width` × `height` points, measuring
 * on `cr`; returns the number of pages. */
guint
cw_report_paginate (CwReport *self, cairo_t *cr, double width, double height)
{
  g_return_val_if_fail (CW_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  cw_typeset_free (self->typeset);
  self->typeset = cw_typeset_new (cr, width, height);
  cw_typeset_set_running (self->typeset, self->organisation, self->title, self->footer);
  gboolean speaking = self->language != NULL && cw_language_push (self->language, NULL);
  self->compose (self->typeset, self->content);
  if (speaking)
    cw_language_pop ();
  cw_typeset_finish (self->typeset);
  return cw_typeset_get_n_pages (self->typeset);
}

guint
cw_report_get_n_pages (CwReport *self)
{
  g_return_val_if_fail (CW_IS_REPORT (self), 0);
  return self->typeset ? cw_typeset_get_n_pages (self->typeset) : 0;
}

/* Draws page `page` (from 0) with its origin at the top left of the paper,
 * in points. Needs cw_report_paginate() first. */
void
cw_report_draw_page (CwReport *self, cairo_t *cr, guint page)
{
  g_return_if_fail (CW_IS_REPORT (self));
  g_return_if_fail (self->typeset != NULL);
  g_return_if_fail (page < cw_typeset_get_n_pages (self->typeset));
  gboolean speaking = self->language != NULL && cw_language_push (self->language, NULL);
  cw_typeset_draw_page (self->typeset, cr, page);
  if (speaking)
    cw_language_pop ();
}

/* ---- PDF export ------------------------------------------------------- */

/* cairo writes a PDF in many small pieces: they are gathered into a
 * buffer so that the file takes one system call per 64 KiB, not one per
 * piece. */
#define SINK_BUFFER (64 * 1024)

typedef struct
{
  int fd;
  int saved_errno;
  unsigned char buffer[SINK_BUFFER];
  gsize used;
} Sink;

static gboolean
write_all (Sink *sink, const unsigned char *data, gsize length)
{
  while (length > 0 && sink->saved_errno == 0)
    {
      ssize_t written = write (sink->fd, data, length);
      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->saved_errno = written < 0 ? errno : ENOSPC;
          break;
        }
      data += written;
      length -= written;
    }
  return sink->saved_errno == 0;
}

static gboolean
flush_sink (Sink *sink)
{
  gboolean ok = write_all (sink, sink->buffer, sink->used);
  sink->used = 0;
  return ok;
}

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;
  if (sink->used + length > SINK_BUFFER && !flush_sink (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_BUFFER)
    return write_all (sink, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
  memcpy (sink->buffer + sink->used, data, length);
  sink->used += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_WRITE,
               _ ("Could not write the report to “%s”: %s; choose a folder you can write to "
                  "and a file name that is not in use by a folder"),
               path, reason);
}

static void
set_metadata (CwReport *self, cairo_surface_t *surface)
{
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Clausewise " PACKAGE_VERSION);
  g_autofree char *date = NULL;
  if (self->dated != NULL)
    {
      /* A day is dated at its start; a time to the second. */
      g_autofree char *second = g_strndup (self->dated, 19);
      date = strlen (second) == 19   ? g_strconcat (second, "Z", NULL)
             : strlen (second) == 10 ? g_strconcat (second, "T00:00:00Z", NULL)
                                     : g_strdup ("2000-01-01T00:00:00Z");
    }
  else if (self->reproducible)
    {
      /* The workspace's creation, to the second ("2026-11-25T15:34:09Z"). */
      g_autofree char *day = g_strndup (self->created ? self->created : "", 19);
      date = strlen (day) == 19 ? g_strconcat (day, "Z", NULL) : g_strdup ("2000-01-01T00:00:00Z");
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

typedef struct
{
  Sink *sink;
  CwReportProgress progress;
  gpointer user_data;
  GCancellable *cancellable;
  gboolean cancelled;
} Drawing;

static gboolean
page_drawn (guint page, guint n_pages, gpointer data)
{
  Drawing *drawing = data;
  if (drawing->progress != NULL)
    drawing->progress (page + 1, n_pages, drawing->user_data);
  drawing->cancelled = g_cancellable_is_cancelled (drawing->cancellable);
  return !drawing->cancelled && drawing->sink->saved_errno == 0;
}

/* The content is poured twice: the first pass counts the pages and finds
 * where each heading lands, the second draws every page as it fills. Each
 * holds one page at a time, so memory does not grow with the report. */
static gboolean render_pages (CwReport *self, int fd, const char *path,
                              CwReportProgress progress, gpointer user_data,
                              GCancellable *cancellable, GError **error);

/* Renders in the report's language, on whichever thread renders. */
static gboolean
render (CwReport *self, int fd, const char *path, CwReportProgress progress, gpointer user_data,
        GCancellable *cancellable, GError **error)
{
  gboolean speaking = self->language != NULL && cw_language_push (self->language, NULL);
  gboolean ok = render_pages (self, fd, path, progress, user_data, cancellable, error);
  if (speaking)
    cw_language_pop ();
  return ok;
}

static gboolean
render_pages (CwReport *self, int fd, const char *path, CwReportProgress progress,
              gpointer user_data, GCancellable *cancellable, GError **error)
{
  double width, height;
  cw_paper_get_size (self->paper, &width, &height);
  g_autofree Sink *sink = g_new0 (Sink, 1); /* too big for a thread's stack */
  sink->fd = fd;
  cairo_surface_t *surface
      = cairo_pdf_surface_create_for_stream (write_to_fd, sink, width, height);
  set_metadata (self, surface);
  cairo_t *cr = cairo_create (surface);

  CwTypeset *counted = cw_typeset_new_counting (cr, width, height);
  cw_typeset_set_running (counted, self->organisation, self->title, self->footer);
  self->compose (counted, self->content);
  cw_typeset_finish (counted);

  Drawing drawing = { sink, progress, user_data, cancellable, FALSE };
  drawing.cancelled = g_cancellable_is_cancelled (cancellable);
  cw_typeset_free (self->typeset);
  self->typeset = NULL;
  if (!drawing.cancelled)
    {
      self->typeset
          = cw_typeset_new_drawing (cr, width, height, counted, page_drawn, &drawing);
      cw_typeset_set_running (self->typeset, self->organisation, self->title, self->footer);
      self->compose (self->typeset, self->content);
      cw_typeset_finish (self->typeset);
      cw_typeset_add_outlines (self->typeset, surface);
    }
  cw_typeset_free (counted);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  gboolean flushed = flush_sink (sink);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (drawing.cancelled)
    {
      g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_CANCELLED,
                   _ ("The export of “%s” was cancelled; no file was written"), path);
      return FALSE;
    }
  if (sink->saved_errno != 0 || !flushed)
    {
      set_write_error (error, path, g_strerror (sink->saved_errno));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* A rename lives in the folder: until the folder reaches the disk, a power
 * cut can bring back the old file (or none) although the new content was
 * synced. The file is already in place, so a failure here is not reported. */
static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  (void)fsync (fd);
  close (fd);
}

/* Just before the rename: the target must still be the file that was
 * checked before writing, not a pipe or device put there meanwhile. */
static gboolean
still_replaceable (const char *path, const char *target, GError **error)
{
  g_autofree char *again = cw_output_resolve (path, error);
  if (again == NULL)
    return FALSE;
  if (!g_str_equal (again, target))
    {
      set_write_error (error, path, _ ("it was changed while the report was being written"));
      return FALSE;
    }
  return TRUE;
}

gboolean
cw_report_write_pdf (CwReport *self, const char *path, CwReportProgress progress,
                     gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (CW_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Only a regular file or a new name, and never a database or its -wal:
   * refused before anything is created. Saving over a symbolic link writes
   * where the link points, so the link the user made stays a link. */
  g_autofree char *target = cw_output_resolve (path, error);
  if (target == NULL)
    return FALSE;

  /* The temporary file sits beside the target so that the rename is atomic
   * (same file system) and is hidden while it is being written. */
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, g_strerror (errno));
      return FALSE;
    }

  gboolean ok = render (self, fd, path, progress, user_data, cancellable, error);
  if (ok && fsync (fd) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  g_autoptr (GError) close_error = NULL;
  if (!g_close (fd, &close_error) && ok)
    {
      set_write_error (error, path, close_error->message);
      ok = FALSE;
    }
  if (ok && !still_replaceable (path, target, error))
    ok = FALSE;
  if (ok && g_rename (temp, target) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  if (ok)
    sync_folder (dir);
  else
    g_unlink (temp);
  return ok;
}

/* ---- The language a report speaks ------------------------------------- */

static const char speaking_token = 0;

/* Pushes the language a report of `workspace` speaks: the one the caller
 * has pushed already (`report --language`), else the workspace's. */
CwSpeaking *
cw_report_speak (CwWorkspace *workspace, GError **error)
{
  const char *language = cw_language_current ();
  g_autoptr (CwOrganisation) organisation = NULL;
  if (language == NULL)
    {
      organisation = cw_workspace_get_organisation (workspace, error);
      if (organisation == NULL)
        return NULL;
      language = organisation->language;
    }
  if (!cw_language_push (language, error))
    return NULL;
  return (CwSpeaking *) &speaking_token;
}

void
cw_report_speak_end (CwSpeaking *speaking)
{
  if (speaking != NULL)
    cw_language_pop ();
}
