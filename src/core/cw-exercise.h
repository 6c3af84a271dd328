/* cw-exercise.h: lead-auditor exercise packs, answers and their scoring.
 *
 * A pack is an XML file in the format of resources/schemas/exercise-pack.rng
 * (namespace urn:clausewise:exercise-pack:1). Every pack is untrusted: it is
 * read through cw-xml (size cap, no DTD, no entities, RelaxNG validation),
 * then checked for what the schema cannot say (unique ids, the right number
 * of correct options, min <= max, exam weights adding up to 100, clause
 * numbers that exist in the catalogue, exam sections that can be filled).
 * A pack that fails any check is refused whole; an error names the
 * exercise and what to fix.
 *
 * Everything here is plain data: a pack and its exercises are read-only
 * once read, reference counted, and safe to share between threads. An
 * answer is filled by the caller (the Practice page, the CLI) and scored
 * by cw_exercise_score(), the one place the scoring rules live.
 *
 * How each part is scored (the schema's comments say the same):
 *   CHOOSE_ONE   the correct option scores full marks, anything else 0
 *   CHOOSE_MANY  marks x (right picks - wrong picks) / correct options, >= 0
 *   CLAUSE       the exact clause full; its parent clause (the answer is the
 *                expected number with its last part removed) half
 *   GRADE        the exact grade full
 *   NUMBER       full inside [min, max]
 *   SEQUENCE     marks x steps in their right place / steps
 *   WRITTEN      marks x rubric items confirmed / items (self-assessed)
 *   STATEMENT    half the marks from the app's statement checks (the share of
 *                the checker's eight kinds of check that find nothing), half
 *                from the rubric items confirmed (self-assessed)
 */
#pragma once

#include <gio/gio.h>

#include "cw-catalogue.h"
#include "cw-statement.h"

G_BEGIN_DECLS

#define CW_EXERCISE_ERROR (cw_exercise_error_quark ())
typedef enum
{
  CW_EXERCISE_ERROR_INVALID,   /* the pack breaks a rule; the message says which and where */
  CW_EXERCISE_ERROR_NOT_FOUND, /* no such exercise, or no bundled pack in this build */
  CW_EXERCISE_ERROR_ANSWER,    /* an answer does not fit its exercise (wrong option, …) */
} CwExerciseError;

/* The resource the bundled pack is compiled into (absent until it ships). */
#define CW_EXERCISE_BUNDLED_PACK "/io/github/clausewise/Clausewise/practice/clausewise-practice.xml"
#define CW_EXERCISE_PACK_SCHEMA "/io/github/clausewise/Clausewise/schemas/exercise-pack.rng"

/* The kinds of exercise. The token (cw_exercise_kind_to_string) is the
 * pack's kind attribute, stored in practice files and used on the command
 * line: it is stable. */
typedef enum
{
  CW_EXERCISE_WHICH_CLAUSE,         /* "which-clause" */
  CW_EXERCISE_GRADE,                /* "grade" */
  CW_EXERCISE_STATEMENT,            /* "statement" */
  CW_EXERCISE_FIND_NONCONFORMITIES, /* "find-nonconformities" */
  CW_EXERCISE_STAGE_ONE,            /* "stage-one" */
  CW_EXERCISE_SAMPLING,             /* "sampling" */
  CW_EXERCISE_ACTION_CRITIQUE,      /* "action-critique" */
  CW_EXERCISE_AUDIT_SITUATION,      /* "audit-situation" */
  CW_EXERCISE_MULTIPLE_CHOICE,      /* "multiple-choice" */
  CW_EXERCISE_MULTIPLE_RESPONSE,    /* "multiple-response" */
  CW_EXERCISE_SEQUENCING,           /* "sequencing" */
  CW_EXERCISE_SHORT_ANSWER,         /* "short-answer" */
  CW_EXERCISE_LONG_ANSWER,          /* "long-answer" */
} CwExerciseKind;
#define CW_EXERCISE_N_KINDS 13

const char *cw_exercise_kind_to_string (CwExerciseKind kind);
gboolean cw_exercise_kind_from_string (const char *token, CwExerciseKind *kind);
const char *cw_exercise_kind_label (CwExerciseKind kind); /* translated, for people */
const char *cw_exercise_kind_tokens (void);               /* "which-clause, grade, …" */

/* The grades an exercise asks for: the finding grades and "conforming". */
typedef enum
{
  CW_EXERCISE_GRADE_CONFORMING,  /* "conforming" */
  CW_EXERCISE_GRADE_OBSERVATION, /* "observation" */
  CW_EXERCISE_GRADE_OFI,         /* "ofi" */
  CW_EXERCISE_GRADE_MINOR,       /* "minor" */
  CW_EXERCISE_GRADE_MAJOR,       /* "major" */
} CwExerciseGrade;

const char *cw_exercise_grade_to_string (CwExerciseGrade grade);
gboolean cw_exercise_grade_from_string (const char *token, CwExerciseGrade *grade);
const char *cw_exercise_grade_label (CwExerciseGrade grade);
const char *cw_exercise_grade_tokens (void);

typedef enum
{
  CW_EXTRACT_INTERVIEW, /* "interview" */
  CW_EXTRACT_RECORD,    /* "record" */
  CW_EXTRACT_DOCUMENT,  /* "document" */
} CwExtractKind;

const char *cw_extract_kind_to_string (CwExtractKind kind);
const char *cw_extract_kind_label (CwExtractKind kind);

/* A piece of evidence shown with the exercise. */
typedef struct
{
  CwExtractKind kind;
  char *source; /* "Change record CHG-2211" */
  char *text;
} CwExtract;

/* The kinds of scored part. */
typedef enum
{
  CW_PART_CHOOSE_ONE,  /* <choose select="one"> */
  CW_PART_CHOOSE_MANY, /* <choose select="many"> */
  CW_PART_CLAUSE,      /* <clause-answer> */
  CW_PART_GRADE,       /* <grade-answer> */
  CW_PART_NUMBER,      /* <number-answer> */
  CW_PART_SEQUENCE,    /* <sequence> */
  CW_PART_WRITTEN,     /* <written> */
  CW_PART_STATEMENT,   /* <statement-answer> */
} CwPartKind;

const char *cw_part_kind_to_string (CwPartKind kind); /* "choose-one", …, "statement" */

typedef struct
{
  char *text;
  gboolean correct;
} CwOption;

/* One scored part of an exercise. Only the fields of its kind are set; the
 * others are NULL or 0. */
typedef struct
{
  CwPartKind kind;
  guint marks;  /* 1 to 100 */
  char *prompt; /* the part's own question, or NULL */

  GPtrArray *options; /* CwOption *, in pack order: CHOOSE_ONE, CHOOSE_MANY */
  char *clause;       /* the expected clause number: CLAUSE */
  /* GRADE: the expected grade; STATEMENT: the model's grade (minor or major) */
  CwExerciseGrade grade;
  guint min, max; /* NUMBER: the accepted range, inclusive */

  /* SEQUENCE: the steps in their right order, and the order they are shown
   * in (indices into steps). The shown order is a fixed shuffle of the
   * exercise, never the right order, so every screen and the CLI number
   * the steps the same way. */
  GPtrArray *steps; /* char * */
  GArray *shown;    /* guint */

  char *model;       /* WRITTEN: the model answer to compare with */
  char *requirement; /* STATEMENT: the model statement's three parts */
  char *evidence;
  char *statement;
  GPtrArray *rubric; /* char *: WRITTEN, STATEMENT; what the trainee confirms */
} CwPart;

typedef struct _CwExercise CwExercise;
struct _CwExercise
{
  /*< private >*/
  gint ref_count;
  /*< public, read-only >*/
  char *pack_id; /* the pack it was read from */
  char *id;      /* unique in its pack */
  CwExerciseKind kind;
  GStrv clauses;    /* clause numbers, possibly empty, never NULL */
  guint difficulty; /* 1 (easy) to 3 (hard) */
  char *title;
  char *scenario;      /* or NULL */
  GPtrArray *extracts; /* CwExtract *, in pack order */
  char *task;
  GPtrArray *parts; /* CwPart *, in pack order; never empty */
  char *model_answer;
  char *explanation;
  guint marks; /* the sum of the parts' marks */
};

CwExercise *cw_exercise_ref (CwExercise *self);
void cw_exercise_unref (CwExercise *self);
/* TRUE when the exercise is about `clause` or one of its sub-clauses
 * ("8.5" matches an exercise on 8.5.1.2). */
gboolean cw_exercise_has_clause (const CwExercise *self, const char *clause);

/* ---- Packs ------------------------------------------------------------- */

typedef struct
{
  char *id;
  char *title;
  guint weight;  /* percent of the overall score */
  guint count;   /* exercises drawn for it */
  GArray *kinds; /* CwExerciseKind; each kind is in one section at most */
} CwExamSection;

/* An exam blueprint. Each exercise of a kind listed by a section may be
 * drawn for that section; a section's score is its marks scored over its
 * marks possible, the overall score weighs the sections. */
typedef struct
{
  guint minutes;
  guint pass_overall;  /* percent */
  guint pass_section;  /* percent, in every section */
  GPtrArray *sections; /* CwExamSection * */
} CwExamBlueprint;

typedef struct _CwExercisePack CwExercisePack;
struct _CwExercisePack
{
  /*< private >*/
  gint ref_count;
  GHashTable *by_id;
  /*< public, read-only >*/
  char *id;
  guint version;
  char *language;
  char *title;
  char *author;
  char *licence;
  char *description;     /* or NULL */
  CwExamBlueprint *exam; /* or NULL: no exam in this pack */
  GPtrArray *exercises;  /* CwExercise *, in pack order */
  GPtrArray *cases;      /* CwCase *, in pack order (cw-case.h) */
};

GQuark cw_exercise_error_quark (void);

/* Reads and checks a pack. `catalogue` is the clause catalogue the clause
 * numbers must exist in; NULL uses the built-in one. Errors are in
 * CW_XML_ERROR (unreadable, too large, malformed, forbidden constructs,
 * schema) or CW_EXERCISE_ERROR_INVALID (the checks beyond the schema). */
CwExercisePack *cw_exercise_pack_read_file (GFile *file, CwCatalogue *catalogue, GError **error);
CwExercisePack *cw_exercise_pack_read_bytes (GBytes *bytes, const char *name,
                                             CwCatalogue *catalogue, GError **error);
/* The pack shipped with Clausewise. CW_EXERCISE_ERROR_NOT_FOUND when this
 * build has none. */
CwExercisePack *cw_exercise_pack_read_bundled (CwCatalogue *catalogue, GError **error);
gboolean cw_exercise_pack_has_bundled (void);

CwExercisePack *cw_exercise_pack_ref (CwExercisePack *self);
void cw_exercise_pack_unref (CwExercisePack *self);
CwExercise *cw_exercise_pack_lookup (CwExercisePack *self, const char *exercise_id);

/* ---- Answers ----------------------------------------------------------- */

/* What the trainee gave for one part. Fields not of the part's kind are
 * ignored; an unanswered field scores nothing for its part. */
typedef struct
{
  GArray *chosen; /* guint option indices (0-based): CHOOSE_ONE, CHOOSE_MANY */
  char *clause;   /* CLAUSE, or NULL */
  gboolean has_grade;
  CwExerciseGrade grade; /* GRADE; STATEMENT: the grade the trainee gives */
  gboolean has_number;
  gint64 number;     /* NUMBER */
  GArray *order;     /* guint step indices (into CwPart.steps) as the trainee put them */
  char *text;        /* WRITTEN: what the trainee wrote, or NULL */
  char *requirement; /* STATEMENT: the trainee's three parts, or NULL */
  char *evidence;
  char *statement;
  GArray *confirmed; /* guint rubric item indices the trainee says they met */
} CwPartAnswer;

/* An answer to one exercise: one CwPartAnswer per part, in part order. */
typedef struct
{
  GPtrArray *parts; /* CwPartAnswer * */
} CwExerciseAnswer;

/* An empty answer with as many parts as `exercise` has: fill it in place. */
CwExerciseAnswer *cw_exercise_answer_new (const CwExercise *exercise);
void cw_exercise_answer_free (CwExerciseAnswer *answer);
CwPartAnswer *cw_exercise_answer_get_part (CwExerciseAnswer *answer, guint index);
/* The answer built from the pack: correct options, the clause, the grade,
 * min, steps in order, every rubric item confirmed, the model statement. */
CwExerciseAnswer *cw_exercise_model_answer (const CwExercise *exercise);
/* Whether the answer fits the exercise: option, step and rubric indices in
 * range, no index twice, one option at most for CHOOSE_ONE, a whole
 * permutation for a SEQUENCE that was answered, texts valid UTF-8 and at
 * most CW_EXERCISE_ANSWER_MAX_TEXT bytes. Scoring and storing call it first. */
gboolean cw_exercise_answer_check (const CwExercise *exercise, const CwExerciseAnswer *answer,
                                   GError **error);
#define CW_EXERCISE_ANSWER_MAX_TEXT 8000

/* A stable text form for storage, and back (checked against the exercise). */
char *cw_exercise_answer_serialise (const CwExerciseAnswer *answer);
CwExerciseAnswer *cw_exercise_answer_deserialise (const CwExercise *exercise, const char *text,
                                                  GError **error);
/* One part of an answer in words, for printing beside the model
 * ("2. Emergency change…", "8.5.1", "3, 1, 2, 4", the written text). */
char *cw_exercise_answer_describe_part (const CwExercise *exercise, const CwExerciseAnswer *answer,
                                        guint index);

/* ---- Scores ------------------------------------------------------------ */

typedef struct
{
  double scored;   /* marks scored in this part */
  double possible; /* the part's marks */
  /* The split of both: checked by the app, or confirmed by the trainee
   * against the model (WRITTEN, half of STATEMENT). */
  double app_scored, app_possible;
  double self_scored, self_possible;
  /* STATEMENT: the checker's hints on the trainee's statement
   * (CwStatementHint *); empty for other parts. */
  GPtrArray *hints;
} CwPartScore;

typedef struct
{
  GPtrArray *parts; /* CwPartScore *, in part order */
  double scored, possible;
  double app_scored, app_possible;
  double self_scored, self_possible;
} CwScore;

/* Scores `answer`; NULL with CW_EXERCISE_ERROR_ANSWER when it does not fit
 * the exercise (see cw_exercise_answer_check). */
CwScore *cw_exercise_score (const CwExercise *exercise, const CwExerciseAnswer *answer,
                            GError **error);
void cw_score_free (CwScore *score);
/* A score in hundredths of a mark, as practice files store it. */
gint64 cw_score_to_centi (double marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExercise, cw_exercise_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExercisePack, cw_exercise_pack_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwExerciseAnswer, cw_exercise_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwScore, cw_score_free)

G_END_DECLS
