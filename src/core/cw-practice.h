/* cw-practice.h: a practice file, where trainees practise and sit exams.
 *
 * A practice file is one SQLite file of its own, never an organisation's
 * workspace: it has its own PRAGMA application_id ("CWPR") and schema
 * version, a workspace refuses to open it and it refuses to open a
 * workspace, so practice never counts in an organisation's coverage,
 * readiness or review figures.
 *
 * It holds the trainees, the packs imported into it (each pack's validated
 * XML text is kept, so a practice file does not depend on the file it was
 * imported from), the attempts and their answers. An import validates the
 * pack fully before it writes anything; every refused operation leaves the
 * file as it was.
 *
 * Practice: cw_practice_answer() scores an answer at once and stores it.
 * Exam: cw_practice_start_exam() draws exercises for each section of the
 * pack's blueprint with a stored seed (the same seed draws the same
 * exercises) and sets a deadline; answers are taken until the deadline or
 * until the exam is finished, and no score of an exam is shown
 * (CW_PRACTICE_ERROR_HIDDEN) until cw_practice_finish_exam().
 *
 * Times are UTC, ISO 8601 ("2026-11-29T17:05:00Z"). The clock can be
 * replaced (cw_practice_set_clock) so tests can pass a deadline.
 *
 * Signals: "changed" with the detail "packs" after an import and
 * "attempts" after an answer, a start or a finish, emitted once the change
 * is committed (connect to "changed::packs" to refresh a pack list).
 */
#pragma once

#include <gio/gio.h>

#include "cw-exercise.h"

G_BEGIN_DECLS

#define CW_PRACTICE_ERROR (cw_practice_error_quark ())
typedef enum
{
  CW_PRACTICE_ERROR_NOT_FOUND,    /* no such file, pack, exercise, trainee or attempt */
  CW_PRACTICE_ERROR_EXISTS,       /* create: the file is already there */
  CW_PRACTICE_ERROR_NOT_PRACTICE, /* not a practice file (another database, a workspace) */
  CW_PRACTICE_ERROR_NEWER,        /* made by a newer Clausewise */
  CW_PRACTICE_ERROR_DAMAGED,
  CW_PRACTICE_ERROR_INVALID, /* refused by a rule: an older pack version, a bad answer */
  CW_PRACTICE_ERROR_CLOSED,  /* the exam is finished or past its deadline */
  CW_PRACTICE_ERROR_HIDDEN,  /* an exam's scores before it is finished */
  CW_PRACTICE_ERROR_FAILED,  /* the storage failed (disk full, I/O) */
} CwPracticeError;

/* "CWPR": PRAGMA application_id of every practice file. */
#define CW_PRACTICE_APPLICATION_ID 0x43575052
#define CW_PRACTICE_EXTENSION ".clausewise-practice"
#define CW_PRACTICE_MAX_NAME 200 /* bytes of a trainee's name */

#define CW_TYPE_PRACTICE (cw_practice_get_type ())
G_DECLARE_FINAL_TYPE (CwPractice, cw_practice, CW, PRACTICE, GObject)

GQuark cw_practice_error_quark (void);

CwPractice *cw_practice_create (const char *path, GError **error);
CwPractice *cw_practice_open (const char *path, GError **error);
const char *cw_practice_get_path (CwPractice *self);

/* The clock: returns the current time in UTC, a new reference. */
typedef GDateTime *(*CwPracticeClock) (gpointer data);
void cw_practice_set_clock (CwPractice *self, CwPracticeClock clock, gpointer data);

/* ---- Packs ------------------------------------------------------------- */

typedef struct
{
  char *id;
  guint version;
  char *title;
  char *author;
  char *licence;
  char *language;
  char *source;      /* the file it was imported from, or "resource:…" for the bundled one */
  char *imported_at; /* UTC */
  guint n_exercises;
  gboolean has_exam;
} CwPracticePack;

void cw_practice_pack_free (CwPracticePack *pack);

/* Imports a pack. A pack already there with the same id is replaced only
 * by a higher version (its attempts keep their answers); an equal or lower
 * version is refused with CW_PRACTICE_ERROR_INVALID. A pack that fails
 * reading is refused with the reader's error (CW_XML_ERROR or
 * CW_EXERCISE_ERROR). Returns the pack as stored. */
CwPracticePack *cw_practice_import_file (CwPractice *self, GFile *file, GError **error);
CwPracticePack *cw_practice_import_bundled (CwPractice *self, GError **error);
GPtrArray *cw_practice_list_packs (CwPractice *self,
                                   GError **error); /* CwPracticePack *, by title */
/* The pack as read from its stored XML (cached). */
CwExercisePack *cw_practice_get_pack (CwPractice *self, const char *pack_id, GError **error);

/* ---- Exercises --------------------------------------------------------- */

typedef struct
{
  const char *pack_id; /* NULL: every pack */
  gboolean any_kind;   /* TRUE: ignore kind */
  CwExerciseKind kind;
  const char *clause; /* NULL: any; "8.5" also matches 8.5.1 and below */
  guint difficulty;   /* 0: any */
} CwExerciseFilter;

/* The filter that lets everything through. */
#define CW_EXERCISE_FILTER_ALL                                                                     \
  {                                                                                                \
    NULL, TRUE, 0, NULL, 0                                                                         \
  }

/* Exercises of every matching pack, packs by title, exercises in pack
 * order. References to the exercises themselves (CwExercise *). */
GPtrArray *cw_practice_list_exercises (CwPractice *self, const CwExerciseFilter *filter,
                                       GError **error);
/* `reference` is "PACK/EXERCISE", or an exercise id alone when only one
 * pack has it. */
CwExercise *cw_practice_find_exercise (CwPractice *self, const char *reference, GError **error);

/* ---- Practice ---------------------------------------------------------- */

/* Scores `answer` to an exercise, stores it for `trainee` (added when new)
 * and returns the score. Feedback comes at once: show the score, the
 * statement hints, the model answer and the explanation. */
CwScore *cw_practice_answer (CwPractice *self, const char *trainee, const CwExercise *exercise,
                             const CwExerciseAnswer *answer, GError **error);

GStrv cw_practice_list_trainees (CwPractice *self, GError **error);

/* ---- Exams ------------------------------------------------------------- */

typedef enum
{
  CW_ATTEMPT_PRACTICE, /* "practice" */
  CW_ATTEMPT_EXAM,     /* "exam" */
} CwAttemptMode;

const char *cw_attempt_mode_to_string (CwAttemptMode mode);

typedef struct
{
  gint64 id;
  char *trainee;
  char *pack_id;
  CwAttemptMode mode;
  char *started_at;
  char *deadline;    /* exams; NULL for practice */
  char *finished_at; /* NULL while an exam runs */
  guint64 seed;
} CwAttempt;

void cw_attempt_free (CwAttempt *attempt);
/* Seconds left before the deadline at `now` (0 when past or finished). */
gint64 cw_attempt_seconds_left (const CwAttempt *attempt, GDateTime *now);

/* One exercise drawn for an exam, in the order it is sat. */
typedef struct
{
  guint position; /* 1-based */
  char *section_id;
  char *section_title;
  CwExercise *exercise;
  gboolean answered;
} CwExamItem;

void cw_exam_item_free (CwExamItem *item);

/* Starts an exam on `pack_id` (NULL: the only pack with an exam blueprint)
 * for `trainee` with a random seed; returns the attempt id, 0 on error. */
gint64 cw_practice_start_exam (CwPractice *self, const char *trainee, const char *pack_id,
                               GError **error);
/* The same with a given seed: the same pack and seed always draw the same
 * exercises in the same order. */
gint64 cw_practice_start_exam_with_seed (CwPractice *self, const char *trainee, const char *pack_id,
                                         guint64 seed, GError **error);
CwAttempt *cw_practice_get_attempt (CwPractice *self, gint64 attempt_id, GError **error);
GPtrArray *cw_practice_list_attempts (CwPractice *self, const char *trainee, GError **error);
GPtrArray *cw_practice_get_exam_items (CwPractice *self, gint64 attempt_id, GError **error);

/* Stores (or replaces) the answer to one drawn exercise; returns nothing
 * about its score. CW_PRACTICE_ERROR_CLOSED after the deadline or finish;
 * CW_PRACTICE_ERROR_NOT_FOUND when the exercise was not drawn. */
gboolean cw_practice_exam_answer (CwPractice *self, gint64 attempt_id, const char *exercise_id,
                                  const CwExerciseAnswer *answer, GError **error);

/* The answer stored for a drawn exercise, to show it again while the exam
 * runs; NULL (and no error) when it has none yet. No score. */
CwExerciseAnswer *cw_practice_get_exam_answer (CwPractice *self, gint64 attempt_id,
                                               const char *exercise_id, GError **error);

typedef struct
{
  char *id;
  char *title;
  guint weight;
  double scored, possible;
  double percent;
  gboolean passed; /* percent >= the pack's pass-section */
} CwSectionResult;

typedef struct
{
  char *clause;
  double scored, possible;
  double percent;
} CwClauseResult;

/* One drawn exercise of a finished exam with its answer and score. */
typedef struct
{
  CwExamItem *item;
  CwExerciseAnswer *answer; /* NULL when it was not answered */
  CwScore *score;           /* NULL when it was not answered (it scores 0 of its marks) */
} CwExamAnswer;

typedef struct
{
  CwAttempt *attempt;
  CwExamBlueprint *blueprint; /* borrowed from the pack, which the result holds */
  GPtrArray *sections;        /* CwSectionResult *, blueprint order */
  double percent;             /* overall, sections weighed */
  gboolean passed;            /* overall and every section */
  GPtrArray *weakest;         /* CwClauseResult *, lowest first, at most 5, below 100 % */
  GPtrArray *answers;         /* CwExamAnswer *, in exam order */
  /*< private >*/
  CwExercisePack *pack;
} CwExamResult;

void cw_exam_result_free (CwExamResult *result);

/* Ends the exam (allowed after the deadline; answers given by then count)
 * and returns its result. Finishing twice is refused (CLOSED). */
CwExamResult *cw_practice_finish_exam (CwPractice *self, gint64 attempt_id, GError **error);
/* The result of a finished exam; CW_PRACTICE_ERROR_HIDDEN before. */
CwExamResult *cw_practice_get_exam_result (CwPractice *self, gint64 attempt_id, GError **error);

/* ---- Progress ---------------------------------------------------------- */

typedef enum
{
  CW_PROGRESS_BY_KIND,
  CW_PROGRESS_BY_CLAUSE,
} CwProgressBy;

/* A trainee's scores on one day for one kind or one clause (an exercise
 * on several clauses counts for each). Practice answers and finished exams
 * only: a running exam's answers stay hidden. */
typedef struct
{
  char *day; /* YYYY-MM-DD, UTC */
  char *key; /* the kind token or the clause number */
  guint answers;
  double scored, possible;
  double percent;
} CwProgressRow;

void cw_progress_row_free (CwProgressRow *row);
/* Rows by day, then key. */
GPtrArray *cw_practice_progress (CwPractice *self, const char *trainee, CwProgressBy by,
                                 GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPracticePack, cw_practice_pack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwAttempt, cw_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExamItem, cw_exam_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExamResult, cw_exam_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwProgressRow, cw_progress_row_free)

G_END_DECLS
