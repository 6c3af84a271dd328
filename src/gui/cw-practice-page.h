/* cw-practice-page.h: lead-auditor practice and exams for trainees. */
#pragma once

#include <adwaita.h>

#include "cw-page.h"
#include "cw-practice.h"

G_BEGIN_DECLS

#define CW_TYPE_PRACTICE_PAGE (cw_practice_page_get_type ())
G_DECLARE_FINAL_TYPE (CwPracticePage, cw_practice_page, CW, PRACTICE_PAGE, CwPage)

/* The practice file the page works on: the user's own, made with the
 * bundled pack the first time it is needed. */
char *cw_practice_page_default_path (void);
CwPractice *cw_practice_page_get_practice (CwPracticePage *self);
/* The exercise shown, or NULL. */
CwExercise *cw_practice_page_get_exercise (CwPracticePage *self);
/* The exam being sat, 0 when none. */
gint64 cw_practice_page_get_attempt (CwPracticePage *self);
/* Writes the result shown as a PDF, as Export Result… does. */
gboolean cw_practice_page_export_result (CwPracticePage *self, const char *path);
/* Imports a pack file, as Import Pack… does; a refusal is shown. */
gboolean cw_practice_page_import (CwPracticePage *self, GFile *file);

G_END_DECLS
