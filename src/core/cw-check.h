/* cw-check.h: what is wrong with a workspace file too damaged to open, and
 * what an older file's records lack by today's rules, as `clausewise-cli
 * check` lists them. */
#pragma once

#include <glib.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

void cw_check_list_damage (const char *path, const GError *refusal, GPtrArray *problems);
gboolean cw_check_list_rule_gaps (CwWorkspace *workspace, GPtrArray *warnings, GError **error);

G_END_DECLS
