/* cw-people.c: the organisation's people and the areas they are
 * responsible for, and the one rule that keeps audits impartial: nobody
 * audits an area they are responsible for, unless the audit records why
 * they may (a small organisation may have nobody else).
 *
 * An audit lists its lead auditor and team as free text; each line is
 * matched to a person by name, however it is capitalised or spaced, with a
 * trailing "(role)" left aside. An area and a scope clause meet when either
 * covers the other: an area of 8.5.1 is audited by a scope of 8.5, and by
 * one of 8.5.1.3.
 */
#define G_LOG_DOMAIN "cw-people"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <string.h>

#include "cw-catalogue.h"
#include "cw-audit.h"
#include "cw-clause.h"
#include "cw-people.h"
#include "cw-record.h"
#include "cw-text.h"
#include "cw-workspace-private.h"

void
cw_person_free (CwPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->role);
  g_strfreev (person->areas);
  g_free (person);
}

void
cw_independence_free (CwIndependence *independence)
{
  if (independence == NULL)
    return;
  g_free (independence->name);
  g_strfreev (independence->own_areas);
  g_free (independence->justification);
  g_free (independence);
}

/* "Margaret Sefton (lead auditor)" is Margaret Sefton. */
static char *
bare_name (const char *text)
{
  g_autofree char *trimmed = cw_text_trimmed (text);
  gsize n = strlen (trimmed);
  if (n > 0 && trimmed[n - 1] == ')')
    {
      char *open = strrchr (trimmed, '(');
      if (open != NULL && open != trimmed)
        *open = '\0';
    }
  return cw_text_trimmed (trimmed);
}

/* The same person, however their name was typed. */
gboolean
cw_people_same_name (const char *a, const char *b)
{
  if (cw_text_is_blank (a) || cw_text_is_blank (b))
    return FALSE;
  g_autofree char *ba = bare_name (a), *bb = bare_name (b);
  g_autofree char *fa = g_utf8_casefold (ba, -1), *fb = g_utf8_casefold (bb, -1);
  g_autofree char *na = g_utf8_normalize (fa, -1, G_NORMALIZE_ALL);
  g_autofree char *nb = g_utf8_normalize (fb, -1, G_NORMALIZE_ALL);
  return g_strcmp0 (na, nb) == 0;
}

/* The lead auditor first, then the team, one name each, without repeats.
 * The team may be one a line or separated by commas. */
GStrv
cw_people_team_names (const char *lead, const char *team)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *all = g_strdup_printf ("%s\n%s", lead ? lead : "", team ? team : "");
  g_strdelimit (all, ",;", '\n');
  g_auto (GStrv) lines = g_strsplit (all, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = bare_name (lines[i]);
      if (*name == '\0')
        continue;
      gboolean again = FALSE;
      for (guint j = 0; j < seen->len && !again; j++)
        again = cw_people_same_name (g_ptr_array_index (seen, j), name);
      if (again)
        continue;
      g_strv_builder_add (builder, name);
      g_ptr_array_add (seen, g_steal_pointer (&name));
    }
  return g_strv_builder_end (builder);
}

/* The areas of `areas` that `scope` reaches. */
static GStrv
areas_in_scope (const char *const *areas, const char *const *scope)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    for (guint j = 0; scope != NULL && scope[j] != NULL; j++)
      if (cw_clause_number_covers (scope[j], areas[i])
          || cw_clause_number_covers (areas[i], scope[j]))
        {
          g_strv_builder_add (builder, areas[i]);
          break;
        }
  return g_strv_builder_end (builder);
}

/* "independent of the areas audited", "audits own area 8.5.1: <why>". */
char *
cw_independence_describe (const CwIndependence *independence)
{
  g_return_val_if_fail (independence != NULL, NULL);
  if (independence->person == 0)
    return g_strdup (_("not among the organisation's people, so no areas are on record"));
  guint n = g_strv_length (independence->own_areas);
  if (n == 0)
    return g_strdup (_("independent of the areas audited"));
  g_autofree char *areas = g_strjoinv (", ", independence->own_areas);
  if (independence->justification == NULL)
    return g_strdup_printf (cw_ngettext ("audits own area %s, with no reason recorded",
                                         "audits own areas %s, with no reason recorded", n),
                            areas);
  return g_strdup_printf (cw_ngettext ("audits own area %s: %s",
                                       "audits own areas %s: %s", n),
                          areas, independence->justification);
}

/* ---- People ------------------------------------------------------------- */

/* The areas as the catalogue knows them, sub-clauses of a listed area left
 * out; an empty list is no area (not, as for a scope, everything). */
static GStrv
normalise_areas (CwWorkspace *self, const char *const *areas, GError **error)
{
  gboolean any = FALSE;
  for (guint i = 0; areas != NULL && areas[i] != NULL && !any; i++)
    any = !cw_text_is_blank (areas[i]);
  if (!any)
    return g_new0 (char *, 1);
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  g_autoptr (GStrvBuilder) trimmed = g_strv_builder_new ();
  for (guint i = 0; areas[i] != NULL; i++)
    {
      g_autofree char *area = cw_text_trimmed (areas[i]);
      if (*area != '\0')
        g_strv_builder_add (trimmed, area);
    }
  g_auto (GStrv) list = g_strv_builder_end (trimmed);
  GStrv normal = cw_catalogue_normalise_scope (catalogue, (const char *const *) list, error);
  if (normal == NULL)
    g_prefix_error (error, _("The areas: "));
  return normal;
}

static gboolean
check_person (const char *name, const char *role, GError **error)
{
  const CwTextField fields[] = {
    { name, CW_TEXT_SHORT_MAX, N_("the person's name") },
    { role, CW_TEXT_SHORT_MAX, N_("the role") },
  };
  if (!cw_text_check_fields (fields, G_N_ELEMENTS (fields), error))
    return FALSE;
  if (cw_text_is_blank (name))
    {
      cw_set_invalid (error, _("A person needs a name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_areas (CwWorkspace *self, gint64 person, const char *const *areas, GError **error)
{
  CwStmt *clear = cw_workspace_prepare (self, "DELETE FROM person_area WHERE person = ?", error);
  if (clear == NULL)
    return FALSE;
  cw_stmt_bind_int64 (clear, 1, person);
  if (!cw_stmt_run (clear, error))
    return FALSE;
  for (guint i = 0; areas[i] != NULL; i++)
    {
      CwStmt *put
        = cw_workspace_prepare (self, "INSERT INTO person_area (person, clause) VALUES (?, ?)", error);
      if (put == NULL)
        return FALSE;
      cw_stmt_bind_int64 (put, 1, person);
      cw_stmt_bind_text (put, 2, areas[i]);
      if (!cw_stmt_run (put, error))
        return FALSE;
    }
  return TRUE;
}

/* Adds a person with their role and areas; returns their id, or 0. */
gint64
cw_workspace_add_person_with_areas (CwWorkspace *self, const char *name, const char *role,
                                    const char *const *areas, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), 0);

  if (!check_person (name, role, error))
    return 0;
  g_auto (GStrv) normal = normalise_areas (self, areas, error);
  if (normal == NULL || !cw_workspace_edit_begin (self, error))
    return 0;
  g_autofree char *clean = cw_text_trimmed (name);
  g_autofree char *clean_role = cw_text_trimmed (role ? role : "");
  g_autofree char *uuid = cw_record_new_uuid ();
  CwStmt *stmt
    = cw_workspace_prepare (self, "INSERT INTO person (name, role, uuid) VALUES (?, ?, ?)", error);
  gint64 id = 0;
  if (stmt != NULL)
    {
      cw_stmt_bind_text (stmt, 1, clean);
      cw_stmt_bind_text (stmt, 2, clean_role);
      cw_stmt_bind_text (stmt, 3, uuid);
      if (cw_stmt_run (stmt, error))
        id = cw_workspace_last_insert_id (self);
    }
  g_autofree char *area_text = g_strjoinv (", ", normal);
  gboolean ok = id != 0 && store_areas (self, id, (const char *const *) normal, error)
                && cw_workspace_record (self, "person", id, "created", NULL, clean, error)
                && (*area_text == '\0'
                    || cw_workspace_record (self, "person", id, "areas", NULL, area_text, error));
  return cw_workspace_edit_end (self, ok, error) ? id : 0;
}

/* Corrects a person as they were loaded (`loaded` carries the id and the
 * revision read): a change made meanwhile elsewhere is not overwritten. */
gboolean
cw_workspace_update_person (CwWorkspace *self, const CwPerson *loaded, const char *name,
                            const char *role, const char *const *areas, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  if (!check_person (name, role, error))
    return FALSE;
  g_auto (GStrv) normal = normalise_areas (self, areas, error);
  if (normal == NULL)
    return FALSE;
  g_autofree char *clean = cw_text_trimmed (name);
  g_autofree char *clean_role = cw_text_trimmed (role ? role : "");
  g_autofree char *old_areas = g_strjoinv (", ", loaded->areas);
  g_autofree char *new_areas = g_strjoinv (", ", normal);
  if (g_strcmp0 (clean, loaded->name) == 0 && g_strcmp0 (clean_role, loaded->role) == 0
      && g_strcmp0 (old_areas, new_areas) == 0)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *stmt = cw_workspace_prepare (
    self, "UPDATE person SET name = ?, role = ?, rev = rev + 1 WHERE id = ? AND rev = ?", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      cw_stmt_bind_text (stmt, 1, clean);
      cw_stmt_bind_text (stmt, 2, clean_role);
      cw_stmt_bind_int64 (stmt, 3, loaded->id);
      cw_stmt_bind_int64 (stmt, 4, loaded->rev);
      ok = cw_workspace_run_update (self, stmt, "person", loaded->id, error);
    }
  ok = ok && store_areas (self, loaded->id, (const char *const *) normal, error)
       && cw_workspace_record_change (self, "person", loaded->id, "name", loaded->name, clean,
                                      error)
       && cw_workspace_record_change (self, "person", loaded->id, "role", loaded->role,
                                      clean_role, error)
       && cw_workspace_record_change (self, "person", loaded->id, "areas", old_areas, new_areas,
                                      error);
  return cw_workspace_edit_end (self, ok, error);
}

/* Everyone, by name, with their areas. */
GPtrArray *
cw_workspace_list_people (CwWorkspace *self, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt = cw_workspace_prepare (
    self,
    "SELECT p.id, p.rev, p.name, p.role, (SELECT group_concat (clause, ',') FROM (SELECT clause"
    " FROM person_area a JOIN clause c ON c.number = a.clause WHERE a.person = p.id"
    " ORDER BY c.position)) FROM person p ORDER BY p.name COLLATE NOCASE, p.id",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_person_free);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      CwPerson *person = g_new0 (CwPerson, 1);
      person->id = cw_stmt_int64 (stmt, 0);
      person->rev = cw_stmt_int64 (stmt, 1);
      person->name = cw_stmt_dup_text (stmt, 2);
      person->role = cw_stmt_dup_text (stmt, 3);
      person->areas = cw_stmt_is_null (stmt, 4) ? g_new0 (char *, 1)
                                                 : g_strsplit (cw_stmt_text (stmt, 4), ",", -1);
      g_ptr_array_add (people, person);
    }
  return rc == CW_STEP_DONE ? g_steal_pointer (&people) : NULL;
}

static CwPerson *
lookup (GPtrArray *people, const char *name)
{
  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);
      if (cw_people_same_name (person->name, name))
        return person;
    }
  return NULL;
}

static void
set_no_such_person (GError **error, const char *name)
{
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no person called “%s” in this workspace; add them first, or check "
                 "the spelling (“clausewise-cli person list” shows everyone)"),
               name);
}

/* The person of that name, however it is capitalised; NULL with
 * CW_WORKSPACE_ERROR_NOT_FOUND when there is none. */
CwPerson *
cw_workspace_find_person (CwWorkspace *self, const char *name, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_autoptr (GPtrArray) people = cw_workspace_list_people (self, error);
  if (people == NULL)
    return NULL;
  CwPerson *found = lookup (people, name);
  if (found == NULL)
    {
      set_no_such_person (error, name ? name : "");
      return NULL;
    }
  guint index;
  g_ptr_array_find (people, found, &index);
  return g_ptr_array_steal_index (people, index);
}

/* ---- Independence ------------------------------------------------------- */

/* Person id → the justification recorded for them on the audit. */
static GHashTable *
recorded_justifications (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_autoptr (GHashTable) recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
  if (audit_id == 0)
    return g_steal_pointer (&recorded);
  CwStmt *stmt = cw_workspace_prepare (
    self, "SELECT person, justification FROM audit_independence WHERE audit = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_hash_table_insert (recorded, g_memdup2 (&(gint64) { cw_stmt_int64 (stmt, 0) }, sizeof (gint64)),
                         cw_stmt_dup_text (stmt, 1));
  return rc == CW_STEP_DONE ? g_steal_pointer (&recorded) : NULL;
}

/* Where each team member stands against `scope` (normalised), with the
 * justifications given (they replace recorded ones for the same person).
 * A justification for someone not on the team is refused. */
static GPtrArray *
assess (CwWorkspace *self, gint64 audit_id, const char *lead, const char *team,
        const char *const *scope, const CwJustification *given, guint n_given, GError **error)
{
  g_autoptr (GPtrArray) people = cw_workspace_list_people (self, error);
  if (people == NULL)
    return NULL;
  g_autoptr (GHashTable) recorded = recorded_justifications (self, audit_id, error);
  if (recorded == NULL)
    return NULL;
  g_auto (GStrv) names = cw_people_team_names (lead, team);
  g_autofree char *lead_name = bare_name (lead ? lead : "");
  for (guint g = 0; g < n_given; g++)
    {
      gboolean on_team = FALSE;
      for (guint i = 0; names[i] != NULL && !on_team; i++)
        on_team = cw_people_same_name (names[i], given[g].person);
      if (!on_team)
        {
          cw_set_invalid (error, _("“%s” is not the lead auditor or on the team of this audit, "
                                   "so no reason for their independence is needed"),
                          given[g].person ? given[g].person : "");
          return NULL;
        }
      const CwTextField field
        = { given[g].justification, CW_TEXT_LONG_MAX, N_("the reason for auditing one's own area") };
      if (!cw_text_check_fields (&field, 1, error))
        return NULL;
    }

  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_independence_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      CwIndependence *entry = g_new0 (CwIndependence, 1);
      CwPerson *person = lookup (people, names[i]);
      entry->name = g_strdup (person != NULL ? person->name : names[i]);
      entry->person = person != NULL ? person->id : 0;
      entry->lead = cw_people_same_name (names[i], lead_name);
      entry->own_areas = person != NULL
                           ? areas_in_scope ((const char *const *) person->areas, scope)
                           : g_new0 (char *, 1);
      for (guint g = 0; g < n_given; g++)
        if (cw_people_same_name (names[i], given[g].person)
            && !cw_text_is_blank (given[g].justification))
          {
            g_free (entry->justification);
            entry->justification = cw_text_trimmed (given[g].justification);
            entry->pending = TRUE;
          }
      const char *stored = person != NULL ? g_hash_table_lookup (recorded, &person->id) : NULL;
      if (entry->justification == NULL && stored != NULL)
        entry->justification = g_strdup (stored);
      else if (entry->pending && g_strcmp0 (stored, entry->justification) == 0)
        entry->pending = FALSE;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* Refuses the team when a member's areas fall in scope with no reason
 * recorded, naming every such person and area in one message. */
static gboolean
refuse_unjustified (GPtrArray *entries, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      CwIndependence *entry = g_ptr_array_index (entries, i);
      if (entry->own_areas[0] == NULL || entry->justification != NULL)
        continue;
      g_autofree char *areas = g_strjoinv (", ", entry->own_areas);
      g_ptr_array_add (parts, g_strdup_printf (_("%s is responsible for %s"), entry->name, areas));
    }
  if (parts->len == 0)
    return TRUE;
  g_ptr_array_add (parts, NULL);
  g_autofree char *list = g_strjoinv ("; ", (char **) parts->pdata);
  cw_set_invalid (error,
                  _("Nobody audits their own area, and this audit's scope includes areas of its "
                    "team: %s. Choose other auditors, narrow the scope, or record why each may "
                    "audit their own area (in a small organisation there may be nobody else)"),
                  list);
  return FALSE;
}

/* For the audit's create and update: refuses a team that is not
 * independent of the scope, and returns where each member stands. */
GPtrArray *
cw_independence_assess (CwWorkspace *self, gint64 audit_id, const char *lead, const char *team,
                        const char *const *scope, const CwJustification *given, guint n_given,
                        GError **error)
{
  g_autoptr (GPtrArray) entries
    = assess (self, audit_id, lead, team, scope, given, n_given, error);
  if (entries == NULL || !refuse_unjustified (entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

static char *
history_text (const char *name, const char *justification)
{
  return justification != NULL ? g_strdup_printf ("%s: %s", name, justification) : NULL;
}

static gboolean
put_justification (CwWorkspace *self, gint64 audit_id, gint64 person, const char *justification,
                   GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self,
    "INSERT INTO audit_independence (audit, person, justification) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (audit, person) DO UPDATE SET justification = ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  cw_stmt_bind_int64 (stmt, 2, person);
  cw_stmt_bind_text (stmt, 3, justification);
  return cw_stmt_run (stmt, error);
}

/* Stores the justifications that came with the draft, within the audit's
 * own edit; `changed` is set when one was stored. */
gboolean
cw_independence_store (CwWorkspace *self, gint64 audit_id, GPtrArray *entries,
                       GHashTable *old_texts, GError **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CwIndependence *entry = g_ptr_array_index (entries, i);
      if (!entry->pending || entry->person == 0 || entry->own_areas[0] == NULL)
        continue;
      const char *old = old_texts ? g_hash_table_lookup (old_texts, &entry->person) : NULL;
      g_autofree char *old_text = history_text (entry->name, old);
      g_autofree char *new_text = history_text (entry->name, entry->justification);
      if (!put_justification (self, audit_id, entry->person, entry->justification, error)
          || !cw_workspace_record (self, "audit", audit_id, "independence", old_text, new_text,
                                   error))
        return FALSE;
    }
  return TRUE;
}

/* Whether the draft brings a justification not yet stored. */
gboolean
cw_independence_has_pending (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CwIndependence *entry = g_ptr_array_index (entries, i);
      if (entry->pending && entry->person != 0 && entry->own_areas[0] != NULL)
        return TRUE;
    }
  return FALSE;
}

GHashTable *
cw_independence_recorded (CwWorkspace *self, gint64 audit_id, GError **error)
{
  return recorded_justifications (self, audit_id, error);
}

static GStrv
audit_scope (CwWorkspace *self, gint64 audit_id, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (self, "SELECT clause FROM audit_scope WHERE audit = ?"
                                             " ORDER BY clause", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  CwStep rc;
  while ((rc = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    g_strv_builder_add (builder, cw_stmt_text (stmt, 0));
  return rc == CW_STEP_DONE ? g_strv_builder_end (builder) : NULL;
}

/* Where each member of the audit's team stands, as saved: for the plan,
 * the report and the window. Never refuses a team (areas may have changed
 * since the audit was saved; the lifecycle's rules catch that). */
GPtrArray *
cw_workspace_list_independence (CwWorkspace *self, gint64 audit_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);

  CwStmt *stmt
    = cw_workspace_prepare (self, "SELECT lead_auditor, team FROM audit WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, audit_id);
  gboolean found = FALSE;
  if (!cw_stmt_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no audit %" PRId64 " in this workspace"), audit_id);
      return NULL;
    }
  g_autofree char *lead = cw_stmt_dup_text (stmt, 0);
  g_autofree char *team = cw_stmt_dup_text (stmt, 1);
  cw_stmt_reset (stmt);
  g_auto (GStrv) scope = audit_scope (self, audit_id, error);
  if (scope == NULL)
    return NULL;
  return assess (self, audit_id, lead, team, (const char *const *) scope, NULL, 0, error);
}

/* Where each member of a team being typed would stand (audit_id 0 for a
 * new audit), without refusing: for the window, to ask for the reasons. */
GPtrArray *
cw_workspace_preview_independence (CwWorkspace *self, gint64 audit_id, const char *lead,
                                   const char *team, const char *const *scope, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  CwCatalogue *catalogue = cw_workspace_load_catalogue (self, error);
  if (catalogue == NULL)
    return NULL;
  g_auto (GStrv) normal = cw_catalogue_normalise_scope (catalogue, scope, error);
  if (normal == NULL)
    return NULL;
  return assess (self, audit_id, lead, team, (const char *const *) normal, NULL, 0, error);
}

/* Records (or, with a NULL or empty justification, removes) why `person`
 * may audit their own area in the audit, as an edit of its own. A removal
 * is refused while the reason is still needed. */
gboolean
cw_workspace_justify_independence (CwWorkspace *self, gint64 audit_id, const char *person,
                                   const char *justification, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);

  g_autoptr (CwAudit) audit = cw_workspace_get_audit (self, audit_id, error);
  if (audit == NULL || !cw_audit_accepts (audit, NULL, error))
    return FALSE;
  const CwTextField field
    = { justification, CW_TEXT_LONG_MAX, N_("the reason for auditing one's own area") };
  if (!cw_text_check_fields (&field, 1, error))
    return FALSE;
  g_autoptr (CwPerson) found = cw_workspace_find_person (self, person, error);
  if (found == NULL)
    return FALSE;
  g_autoptr (GPtrArray) entries = cw_workspace_list_independence (self, audit_id, error);
  if (entries == NULL)
    return FALSE;
  CwIndependence *entry = NULL;
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (((CwIndependence *) g_ptr_array_index (entries, i))->person == found->id)
      entry = g_ptr_array_index (entries, i);
  gboolean removing = cw_text_is_blank (justification);
  if (entry == NULL && !removing)
    {
      cw_set_invalid (error, _("%s is not the lead auditor or on the team of audit %" PRId64
                               "; add them to the team first"),
                      found->name, audit_id);
      return FALSE;
    }
  if (entry != NULL && entry->own_areas[0] == NULL && !removing)
    {
      cw_set_invalid (error, _("%s is responsible for no area in the scope of audit %"
                               PRId64 ", so no reason is needed"),
                      found->name, audit_id);
      return FALSE;
    }
  if (entry != NULL && entry->own_areas[0] != NULL && removing)
    {
      g_autofree char *areas = g_strjoinv (", ", entry->own_areas);
      cw_set_invalid (error, _("%s is responsible for %s, within the scope of audit %"
                               PRId64 "; take them off the team or narrow the scope "
                               "before removing the reason"),
                      found->name, areas, audit_id);
      return FALSE;
    }
  g_autoptr (GHashTable) recorded = recorded_justifications (self, audit_id, error);
  if (recorded == NULL)
    return FALSE;
  const char *old = g_hash_table_lookup (recorded, &found->id);
  g_autofree char *clean = removing ? NULL : cw_text_trimmed (justification);
  if (g_strcmp0 (old, clean) == 0)
    return TRUE;
  if (!cw_workspace_edit_begin (self, error))
    return FALSE;
  CwStmt *bump = cw_workspace_prepare (self, "UPDATE audit SET rev = rev + 1 WHERE id = ? AND rev = ?",
                                       error);
  gboolean ok = bump != NULL;
  if (ok)
    {
      cw_stmt_bind_int64 (bump, 1, audit_id);
      cw_stmt_bind_int64 (bump, 2, cw_audit_get_rev (audit));
      ok = cw_workspace_run_update (self, bump, "audit", audit_id, error);
    }
  if (ok && removing)
    {
      CwStmt *del = cw_workspace_prepare (
        self, "DELETE FROM audit_independence WHERE audit = ? AND person = ?", error);
      ok = del != NULL;
      if (ok)
        {
          cw_stmt_bind_int64 (del, 1, audit_id);
          cw_stmt_bind_int64 (del, 2, found->id);
          ok = cw_stmt_run (del, error);
        }
    }
  else if (ok)
    ok = put_justification (self, audit_id, found->id, clean, error);
  g_autofree char *old_text = history_text (found->name, old);
  g_autofree char *new_text = history_text (found->name, clean);
  ok = ok && cw_workspace_record (self, "audit", audit_id, "independence", old_text, new_text,
                                  error);
  return cw_workspace_edit_end (self, ok, error);
}
