/* cw-page.h: what every page of the main window is. A page shows one
 * workspace (its `workspace` property, which the window binds once), reads
 * its records again when they change (CwWorkspace::changed for the kinds of
 * record its class watches), and saves what is being typed in it when asked.
 *
 * A change marks the page stale; a stale page reads again when the window
 * next shows it (cw_page_shown), not while the user works on it: changes
 * made on the page itself show at once through the page's own code, and
 * reading again under an editor would take its focus and cursor. */
#pragma once

#include <gtk/gtk.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

#define CW_TYPE_PAGE (cw_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CwPage, cw_page, CW, PAGE, GtkWidget)

struct _CwPageClass
{
  GtkWidgetClass parent_class;

  /* The kinds of record whose changes make the page stale ("action",
   * "finding", …; see cw-record.c), NULL-terminated. */
  const char *const *watches;

  /* Shows the page's workspace, after it was set (it may be NULL): forget
   * what was shown before and read everything. */
  void (*load) (CwPage *self);
  /* Reads again what the page shows; by default, load. */
  void (*refresh) (CwPage *self);
  /* Saves what is being typed into the record it was typed for. */
  void (*save) (CwPage *self);
};

CwWorkspace *cw_page_get_workspace (CwPage *self);
void cw_page_set_workspace (CwPage *self, CwWorkspace *workspace);
void cw_page_shown (CwPage *self);
void cw_page_save (CwPage *self);
gboolean cw_page_is_stale (CwPage *self);

G_END_DECLS
