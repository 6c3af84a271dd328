/* cw-check.h: what is wrong with a workspace file too damaged to open, as
 * `clausewise-cli check` lists it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cw_check_list_damage (const char *path, const GError *refusal, GPtrArray *problems);

G_END_DECLS
