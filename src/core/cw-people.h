/* cw-people.h: the organisation's people, the areas each is responsible
 * for, and the independence of an audit's team from the areas it audits. */
#pragma once

#include "cw-workspace.h"

G_BEGIN_DECLS

/* One person. Areas are clause numbers ("8.5.1"), each covering its
 * sub-clauses; a process is named by its clause. */
typedef struct
{
  gint64 id;
  gint64 rev;
  char *name;
  char *role;
  GStrv areas;
} CwPerson;

/* A reason, given with an audit's details, why a team member may audit an
 * area they are responsible for. */
typedef struct
{
  const char *person; /* their name as the team lists it */
  const char *justification;
} CwJustification;

/* Where one team member stands: the areas of the audit's scope they are
 * responsible for (none: independent), and the reason recorded for them. */
typedef struct
{
  char *name;          /* as the audit lists them */
  gint64 person;       /* 0: not among the organisation's people */
  gboolean lead;
  GStrv own_areas;     /* never NULL */
  char *justification; /* NULL when none is recorded */
  gboolean pending;    /* the justification came with a draft, not yet stored */
} CwIndependence;

void cw_person_free (CwPerson *person);
void cw_independence_free (CwIndependence *independence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPerson, cw_person_free)

gboolean cw_people_same_name (const char *a, const char *b);
GStrv cw_people_team_names (const char *lead, const char *team);
char *cw_independence_describe (const CwIndependence *independence);

gint64 cw_workspace_add_person_with_areas (CwWorkspace *self, const char *name, const char *role,
                                           const char *const *areas, GError **error);
gboolean cw_workspace_update_person (CwWorkspace *self, const CwPerson *loaded, const char *name,
                                     const char *role, const char *const *areas, GError **error);
GPtrArray *cw_workspace_list_people (CwWorkspace *self, GError **error);
CwPerson *cw_workspace_find_person (CwWorkspace *self, const char *name, GError **error);

GPtrArray *cw_workspace_list_independence (CwWorkspace *self, gint64 audit_id, GError **error);
GPtrArray *cw_workspace_preview_independence (CwWorkspace *self, gint64 audit_id,
                                              const char *lead, const char *team,
                                              const char *const *scope, GError **error);
gboolean cw_workspace_justify_independence (CwWorkspace *self, gint64 audit_id,
                                            const char *person, const char *justification,
                                            GError **error);

G_END_DECLS
