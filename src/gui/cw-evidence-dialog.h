/* cw-evidence-dialog.h: recording one piece of evidence for a question. */
#pragma once

#include <adwaita.h>

#include "cw-evidence.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_EVIDENCE_DIALOG (cw_evidence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwEvidenceDialog, cw_evidence_dialog, CW, EVIDENCE_DIALOG, AdwWindow)

CwEvidenceDialog *cw_evidence_dialog_new (GtkWindow *parent, CwWorkspace *workspace,
                                          gint64 audit_id, const char *question_id);
CwEvidenceDialog *cw_evidence_dialog_new_for_item (GtkWindow *parent, CwWorkspace *workspace,
                                                   const CwEvidence *item);
gint64 cw_evidence_dialog_get_item_id (CwEvidenceDialog *self);
gboolean cw_evidence_dialog_has_typing (CwEvidenceDialog *self);
void cw_evidence_dialog_set_sample (CwEvidenceDialog *self, const char *population, gint count,
                                    gint size, CwSampleMethod method, gint exceptions);
const char *cw_evidence_dialog_get_suggestion (CwEvidenceDialog *self);
const char *cw_evidence_dialog_get_error (CwEvidenceDialog *self);

G_END_DECLS
