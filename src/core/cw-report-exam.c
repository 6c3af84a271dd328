/* cw-report-exam.c: a finished exam's result as a tagged PDF, for a
 * trainer: the score by section with pass or fail, the weakest clauses,
 * then each answer beside the model answer.
 *
 * It is laid out by the one typesetter of the reports (cw-report-typeset.h),
 * poured twice like every report (count, then draw page by page), and
 * written the same careful way: only to a target cw_output_resolve()
 * accepts, into a hidden file beside it, synced and renamed into place.
 * It is not a CwReport: those belong to a workspace (every page carries the
 * seal of the workspace's history), and an exam lives in a practice file,
 * which has no history to seal. The PDF is dated from the exam's finish,
 * so the same exam always gives the same bytes.
 */
#define G_LOG_DOMAIN "cw-report-exam"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include "cw-i18n.h"
#include <glib/gstdio.h>

#include "cw-output.h"
#include "cw-practice.h"
#include "cw-report-typeset.h"

static const CwRgb pass_colour = { 0.18, 0.49, 0.20 };
static const CwRgb fail_colour = { 0.75, 0.15, 0.11 };

typedef struct
{
  CwExamResult *result;
  CwExercisePack *pack;
} ExamContent;

static char *
marks_text (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static char *
when (const char *iso)
{
  g_autoptr (GDateTime) time = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC") : g_strdup ("—");
}

static void
compose_sections (CwTypeset *ts, const CwExamResult *result)
{
  cw_typeset_heading (ts, 1, _ ("1  Score by section"), TRUE);
  g_autofree char *rule = g_strdup_printf (
      _ ("The exam passes at %u %% overall, the sections weighed, with at least %u %% in every "
         "section."),
      result->blueprint->pass_overall, result->blueprint->pass_section);
  cw_typeset_text (ts, CW_STYLE_BODY, rule);
  static const double widths[] = { 0.40, 0.12, 0.18, 0.14, 0.16 };
  const char *header[] = { _ ("Section"), _ ("Weight"), _ ("Marks"), _ ("Score"), _ ("Result") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  for (guint s = 0; s < result->sections->len; s++)
    {
      CwSectionResult *sr = g_ptr_array_index (result->sections, s);
      g_autofree char *scored = marks_text (sr->scored);
      g_autofree char *possible = marks_text (sr->possible);
      g_autofree char *percent = marks_text (sr->percent);
      g_autofree char *title = cw_markup_printf ("%s", sr->title);
      g_autofree char *weight = cw_markup_printf ("%u %%", sr->weight);
      g_autofree char *marks = cw_markup_printf ("%s / %s", scored, possible);
      g_autofree char *score = cw_markup_printf ("%s %%", percent);
      g_autofree char *verdict = cw_markup_printf ("%s", sr->passed ? _ ("Pass") : _ ("Fail"));
      const char *cells[] = { title, weight, marks, score, verdict };
      cw_table_row (table, cells, CW_ROW_NORMAL, 4, sr->passed ? &pass_colour : &fail_colour);
    }
  g_autofree char *overall = marks_text (result->percent);
  g_autofree char *total_title = cw_markup_printf ("%s", _ ("Overall"));
  g_autofree char *total_weight = cw_markup_printf ("100 %%");
  g_autofree char *total_marks = cw_markup_printf ("—");
  g_autofree char *total_score = cw_markup_printf ("%s %%", overall);
  g_autofree char *total_verdict
      = cw_markup_printf ("%s", result->passed ? _ ("Passed") : _ ("Not passed"));
  const char *cells[] = { total_title, total_weight, total_marks, total_score, total_verdict };
  cw_table_row (table, cells, CW_ROW_GROUP, 4, result->passed ? &pass_colour : &fail_colour);
  cw_table_end (table);
}

static void
compose_weakest (CwTypeset *ts, const CwExamResult *result)
{
  cw_typeset_heading (ts, 1, _ ("2  Weakest clauses"), TRUE);
  if (result->weakest->len == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY, _ ("Every clause the exam touched scored full marks."));
      return;
    }
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("The clauses of the exercises drawn, lowest score first: where to practise "
                      "next."));
  static const double widths[] = { 0.3, 0.35, 0.35 };
  const char *header[] = { _ ("Clause"), _ ("Marks"), _ ("Score") };
  CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
  for (guint i = 0; i < result->weakest->len; i++)
    {
      CwClauseResult *cr = g_ptr_array_index (result->weakest, i);
      g_autofree char *scored = marks_text (cr->scored);
      g_autofree char *possible = marks_text (cr->possible);
      g_autofree char *percent = marks_text (cr->percent);
      g_autofree char *clause = cw_markup_printf ("%s", cr->clause);
      g_autofree char *marks = cw_markup_printf ("%s / %s", scored, possible);
      g_autofree char *score = cw_markup_printf ("%s %%", percent);
      const char *cells[] = { clause, marks, score };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);
}

static void
compose_answers (CwTypeset *ts, const CwExamResult *result)
{
  cw_typeset_heading (ts, 1, _ ("3  Answers beside the model answers"), TRUE);
  for (guint i = 0; i < result->answers->len; i++)
    {
      CwExamAnswer *entry = g_ptr_array_index (result->answers, i);
      const CwExercise *exercise = entry->item->exercise;
      g_autofree char *heading = g_strdup_printf ("%u  %s", entry->item->position, exercise->title);
      cw_typeset_heading (ts, 2, heading, FALSE);
      g_autofree char *clauses = g_strjoinv (", ", exercise->clauses);
      g_autofree char *scored = marks_text (entry->score ? entry->score->scored : 0);
      g_autofree char *facts = g_strdup_printf (
          _ ("%s · %s · clauses %s · %s of %u marks%s"), entry->item->section_title,
          cw_exercise_kind_label (exercise->kind), *clauses ? clauses : "—", scored,
          exercise->marks, entry->answer ? "" : _ (" · not answered"));
      cw_typeset_text (ts, CW_STYLE_SMALL, facts);
      cw_typeset_labelled (ts, _ ("Task"), exercise->task, NULL);

      static const double widths[] = { 0.08, 0.38, 0.38, 0.16 };
      const char *header[] = { _ ("Part"), _ ("Answer given"), _ ("Model answer"), _ ("Marks") };
      CwTable *table = cw_typeset_table_begin (ts, 4, widths, header);
      g_autoptr (CwExerciseAnswer) model = cw_exercise_model_answer (exercise);
      for (guint p = 0; p < exercise->parts->len; p++)
        {
          g_autofree char *given
              = entry->answer ? cw_exercise_answer_describe_part (exercise, entry->answer, p)
                              : NULL;
          g_autofree char *expected = cw_exercise_answer_describe_part (exercise, model, p);
          const CwPart *part = g_ptr_array_index (exercise->parts, p);
          const CwPartScore *ps = entry->score ? g_ptr_array_index (entry->score->parts, p) : NULL;
          g_autofree char *part_scored = marks_text (ps ? ps->scored : 0);
          const char *how = ps == NULL || ps->self_possible == 0 ? _ ("app")
                            : ps->app_possible == 0              ? _ ("self")
                                                                 : _ ("app + self");
          g_autofree char *number = cw_markup_printf ("%u", p + 1);
          g_autofree char *given_cell
              = cw_markup_printf ("%s", given && *given ? given : _ ("(no answer)"));
          g_autofree char *expected_cell = cw_markup_printf ("%s", expected);
          g_autofree char *marks_cell
              = cw_markup_printf ("%s / %u (%s)", part_scored, part->marks, how);
          const char *cells[] = { number, given_cell, expected_cell, marks_cell };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (table);
      cw_typeset_labelled (ts, _ ("Explanation"), exercise->explanation, NULL);
    }
}

static void
compose (CwTypeset *ts, const ExamContent *content)
{
  const CwExamResult *result = content->result;
  const CwAttempt *attempt = result->attempt;
  g_autofree char *started = when (attempt->started_at);
  g_autofree char *finished = when (attempt->finished_at);
  g_autofree char *overall = marks_text (result->percent);
  g_autofree char *outcome
      = g_strdup_printf ("%s %% · %s", overall, result->passed ? _ ("passed") : _ ("not passed"));
  g_autofree char *pack = g_strdup_printf ("%s (%s, version %u)", content->pack->title,
                                           content->pack->id, content->pack->version);
  g_autofree char *minutes = g_strdup_printf (_ ("%u minutes"), result->blueprint->minutes);
  g_autofree char *reference = g_strdup_printf ("%" PRId64, attempt->id);
  const char *fields[] = {
    _ ("Trainee"), attempt->trainee, _ ("Exercise pack"),
    pack,          _ ("Exam"),       reference,
    _ ("Started"), started,          _ ("Finished"),
    finished,      _ ("Time"),       minutes,
    _ ("Result"),  outcome,          NULL,
  };
  g_autofree char *title = g_strdup_printf (_ ("Exam result of %s"), attempt->trainee);
  cw_typeset_cover (ts, _ ("Lead auditor practice"), title, content->pack->title, fields,
                    _ ("A practice exam, marked by Clausewise: closed questions checked by the "
                       "app, written answers partly checked by the app and partly "
                       "self-assessed against the pack's rubric, as each part says."));
  cw_typeset_contents_here (ts);
  compose_sections (ts, result);
  compose_weakest (ts, result);
  compose_answers (ts, result);
}

/* ---- Writing ----------------------------------------------------------- */

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;
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
      length -= (unsigned int)written;
    }
  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_set_error (error, CW_REPORT_ERROR, CW_REPORT_ERROR_WRITE,
               _ ("Could not write the exam report to “%s”: %s; choose a folder you can write "
                  "to and a file name that is not in use by a folder"),
               path, reason);
}

static gboolean
render (const ExamContent *content, CwPaper paper, int fd, const char *path, GError **error)
{
  double width, height;
  cw_paper_get_size (paper, &width, &height);
  Sink sink = { fd, 0 };
  cairo_surface_t *surface
      = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, width, height);
  const CwAttempt *attempt = content->result->attempt;
  g_autofree char *title = g_strdup_printf (_ ("Exam result of %s"), attempt->trainee);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, attempt->trainee);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, content->pack->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Clausewise " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, attempt->finished_at);
  cairo_t *cr = cairo_create (surface);

  g_autofree char *footer = g_strdup_printf (_ ("Practice exam %" PRId64 " · %s"),
                                             attempt->id, content->pack->id);
  CwTypeset *counted = cw_typeset_new_counting (cr, width, height);
  cw_typeset_set_running (counted, _ ("Lead auditor practice"), title, footer);
  compose (counted, content);
  cw_typeset_finish (counted);
  CwTypeset *drawing = cw_typeset_new_drawing (cr, width, height, counted, NULL, NULL);
  cw_typeset_set_running (drawing, _ ("Lead auditor practice"), title, footer);
  compose (drawing, content);
  cw_typeset_finish (drawing);
  cw_typeset_add_outlines (drawing, surface);
  cw_typeset_free (drawing);
  cw_typeset_free (counted);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.saved_errno != 0)
    {
      set_write_error (error, path, g_strerror (sink.saved_errno));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
cw_practice_write_exam_report (CwPractice *self, gint64 attempt_id, const char *path, CwPaper paper,
                               GError **error)
{
  g_return_val_if_fail (CW_IS_PRACTICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Refused before anything is created: a running exam, or a target that
   * can never hold a PDF. */
  g_autoptr (CwExamResult) result = cw_practice_get_exam_result (self, attempt_id, error);
  if (result == NULL)
    return FALSE;
  g_autofree char *target = cw_output_resolve (path, error);
  if (target == NULL)
    return FALSE;
  g_autoptr (CwExercisePack) pack = cw_exercise_pack_ref (result->pack);
  ExamContent content = { result, pack };

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
  gboolean ok = render (&content, paper, fd, path, error);
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
  /* The target must still be what was checked, not a pipe put there
   * meanwhile. */
  g_autofree char *again = ok ? cw_output_resolve (path, error) : NULL;
  if (ok && again == NULL)
    ok = FALSE;
  else if (ok && !g_str_equal (again, target))
    {
      set_write_error (error, path, _ ("it was changed while the report was being written"));
      ok = FALSE;
    }
  if (ok && g_rename (temp, target) != 0)
    {
      set_write_error (error, path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      (void)fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}
