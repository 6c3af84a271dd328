/* cw-case-library.h: a case audit's library: the documents and interviews
 * bearing on a clause, in full, and the populations of records, from
 * whose listings the trainee asks for records, as from an auditee. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_LIBRARY (cw_case_library_get_type ())
G_DECLARE_FINAL_TYPE (CwCaseLibrary, cw_case_library, CW, CASE_LIBRARY, AdwWindow)

/* `clause` NULL shows the whole case. NULL with `error` set when the
 * workspace is not a case's. */
CwCaseLibrary *cw_case_library_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                                    const char *clause, GError **error);
/* For tests and scripting, as a user ticks a record and asks. */
gboolean cw_case_library_choose (CwCaseLibrary *self, const char *record_id);
guint cw_case_library_get_n_handed_out (CwCaseLibrary *self);
void cw_case_library_set_whole_case (CwCaseLibrary *self, gboolean whole);

G_END_DECLS
