/* cw-organisation-dialog.h: who is being audited, and towards which
 * certification. */
#pragma once

#include <adwaita.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_ORGANISATION_DIALOG (cw_organisation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CwOrganisationDialog, cw_organisation_dialog, CW, ORGANISATION_DIALOG,
                      AdwWindow)

CwOrganisationDialog *cw_organisation_dialog_new (GtkWindow *parent, CwWorkspace *workspace);
gboolean cw_organisation_dialog_save (CwOrganisationDialog *self);
gboolean cw_organisation_dialog_set_areas (CwOrganisationDialog *self, const char *person,
                                           const char *areas);
void cw_organisation_dialog_set_new_person (CwOrganisationDialog *self, const char *name,
                                            const char *role, const char *areas);

G_END_DECLS
