/* cw-case.c: reading a case audit from its pack (see cw-case.h).
 *
 * The schema has already said what every element holds; here are the rules
 * it cannot say: ids unique in the case, every cited id an item of the
 * case, every sampled population one of its populations, every clause
 * number one the catalogue has. A case that breaks one is refused with its
 * pack, naming the case and what to fix.
 */
#define G_LOG_DOMAIN "cw-case"

#include "config.h"

#include "cw-i18n.h"

#include "cw-case.h"
#include "cw-exercise.h"
#include "cw-xml.h"

static gboolean
refuse (GError **error, const char *name, const char *case_id, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gboolean
refuse (GError **error, const char *name, const char *case_id, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CW_EXERCISE_ERROR, CW_EXERCISE_ERROR_INVALID, _("%s: case “%s”: %s"), name,
               case_id, what);
  return FALSE;
}

static void
item_free (CwCaseItem *item)
{
  g_free (item->id);
  g_strfreev (item->clauses);
  g_free (item->title);
  g_free (item->version);
  g_free (item->date);
  g_free (item->text);
  g_free (item->population);
  g_free (item);
}

static void
population_free (CwCasePopulation *population)
{
  g_free (population->id);
  g_free (population->title);
  g_strfreev (population->clauses);
  g_free (population->summary);
  g_ptr_array_unref (population->records);
  g_free (population);
}

static void
finding_free (CwModelFinding *finding)
{
  g_free (finding->id);
  g_free (finding->clause);
  g_strfreev (finding->cites);
  g_free (finding->requirement);
  g_free (finding->evidence);
  g_free (finding->statement);
  g_free (finding->why);
  g_free (finding);
}

static void
person_free (CwCasePerson *person)
{
  g_free (person->name);
  g_free (person->role);
  g_strfreev (person->areas);
  g_free (person);
}

static void
sample_free (CwCaseSample *sample)
{
  g_free (sample->population);
  g_free (sample->reason);
  g_free (sample);
}

void
cw_case_free (CwCase *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->organisation);
  g_free (self->scope);
  g_free (self->services);
  g_free (self->briefing);
  g_strfreev (self->audit_scope);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->populations, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self);
}

static GStrv
attr_list (xmlNode *node, const char *name)
{
  g_autofree char *text = cw_xml_attr (node, name);
  return g_strsplit_set (text ? g_strstrip (text) : "", " \t\n", -1);
}

/* Checks a list of clause numbers against the catalogue, dropping the
 * empty words a split leaves. */
static gboolean
check_clauses (GStrv clauses, CwCatalogue *catalogue, const char *name, const char *case_id,
               GError **error)
{
  guint out = 0;
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      if (*clauses[i] == '\0')
        {
          g_free (clauses[i]);
          continue;
        }
      if (cw_catalogue_lookup_clause (catalogue, clauses[i]) == NULL)
        return refuse (error, name, case_id,
                       _("there is no clause %s in ISO/IEC 20000-1:2018; use the clause "
                         "numbers `clausewise-cli catalogue` lists"),
                       clauses[i]);
      clauses[out++] = clauses[i];
    }
  clauses[out] = NULL;
  return TRUE;
}

static gboolean
add_item (CwCase *self, CwCaseItem *item, const char *name, GError **error)
{
  g_ptr_array_add (self->items, item);
  if (!g_hash_table_insert (self->by_id, item->id, item))
    return refuse (error, name, self->id,
                   _("two items have the id “%s”; give each document, interview and record "
                     "its own"),
                   item->id);
  return TRUE;
}

static CwCaseItem *
read_item (xmlNode *node, CwCaseItemKind kind, const char *title_attr)
{
  CwCaseItem *item = g_new0 (CwCaseItem, 1);
  item->kind = kind;
  item->id = cw_xml_attr (node, "id");
  item->clauses = attr_list (node, "clauses");
  item->title = cw_xml_attr (node, title_attr);
  item->version = cw_xml_attr (node, "version");
  item->date = cw_xml_attr (node, "date");
  item->text = cw_xml_raw_text (node);
  return item;
}

static gboolean
read_population (CwCase *self, xmlNode *node, CwCatalogue *catalogue, const char *name,
                 GError **error)
{
  CwCasePopulation *population = g_new0 (CwCasePopulation, 1);
  g_ptr_array_add (self->populations, population);
  population->id = cw_xml_attr (node, "id");
  population->title = cw_xml_attr (node, "title");
  population->clauses = attr_list (node, "clauses");
  g_autofree char *size = cw_xml_attr (node, "size");
  population->size = (guint) g_ascii_strtoull (size ? size : "0", NULL, 10);
  population->records = g_ptr_array_new ();
  if (!check_clauses (population->clauses, catalogue, name, self->id, error))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cw_xml_is (child, "summary"))
        population->summary = cw_xml_text (child);
      else if (cw_xml_is (child, "record"))
        {
          CwCaseItem *record = read_item (child, CW_CASE_RECORD, "id");
          g_strfreev (record->clauses);
          record->clauses = g_strdupv (population->clauses);
          record->population = g_strdup (population->id);
          g_ptr_array_add (population->records, record);
          if (!add_item (self, record, name, error))
            return FALSE;
        }
    }
  if (population->records->len > population->size)
    return refuse (error, name, self->id,
                   _("population “%s” writes out %u records but says it holds %u"),
                   population->id, population->records->len, population->size);
  return TRUE;
}

static gboolean
read_finding (CwCase *self, xmlNode *node, CwCatalogue *catalogue, const char *name,
              GError **error)
{
  CwModelFinding *finding = g_new0 (CwModelFinding, 1);
  g_ptr_array_add (self->findings, finding);
  finding->id = cw_xml_attr (node, "id");
  finding->clause = cw_xml_attr (node, "clause");
  finding->cites = attr_list (node, "cites");
  g_autofree char *grade = cw_xml_attr (node, "grade");
  if (!cw_grade_from_string (grade, &finding->grade))
    return refuse (error, name, self->id, _("model finding “%s” has no grade"), finding->id);
  if (cw_catalogue_lookup_clause (catalogue, finding->clause) == NULL)
    return refuse (error, name, self->id, _("model finding “%s” is at clause %s, which "
                                            "ISO/IEC 20000-1:2018 does not have"),
                   finding->id, finding->clause);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (cw_xml_is (child, "requirement"))
      finding->requirement = cw_xml_text (child);
    else if (cw_xml_is (child, "evidence"))
      finding->evidence = cw_xml_text (child);
    else if (cw_xml_is (child, "statement"))
      finding->statement = cw_xml_text (child);
    else if (cw_xml_is (child, "why"))
      finding->why = cw_xml_text (child);
  return TRUE;
}

static gboolean
check_references (CwCase *self, const char *name, GError **error)
{
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < self->findings->len; i++)
    {
      CwModelFinding *finding = g_ptr_array_index (self->findings, i);
      if (!g_hash_table_add (seen, finding->id) || g_hash_table_contains (self->by_id, finding->id))
        ok = refuse (error, name, self->id, _("two parts of the case have the id “%s”"),
                     finding->id);
      for (guint c = 0; ok && finding->cites[c] != NULL; c++)
        if (*finding->cites[c] != '\0' && !g_hash_table_contains (self->by_id, finding->cites[c])
            && cw_case_lookup_population (self, finding->cites[c]) == NULL)
          ok = refuse (error, name, self->id,
                       _("model finding “%s” cites “%s”, which is no document, interview, "
                         "population or record of the case"),
                       finding->id, finding->cites[c]);
    }
  for (guint i = 0; ok && i < self->samples->len; i++)
    {
      CwCaseSample *sample = g_ptr_array_index (self->samples, i);
      if (cw_case_lookup_population (self, sample->population) == NULL)
        ok = refuse (error, name, self->id,
                     _("it asks to sample “%s”, which is no population of the case"),
                     sample->population);
    }
  for (guint i = 0; ok && i < self->populations->len; i++)
    {
      CwCasePopulation *population = g_ptr_array_index (self->populations, i);
      if (g_hash_table_contains (self->by_id, population->id)
          || g_hash_table_contains (seen, population->id))
        ok = refuse (error, name, self->id, _("two parts of the case have the id “%s”"),
                     population->id);
      for (guint j = 0; ok && j < i; j++)
        if (g_str_equal (population->id,
                         ((CwCasePopulation *) g_ptr_array_index (self->populations, j))->id))
          ok = refuse (error, name, self->id, _("two parts of the case have the id “%s”"),
                       population->id);
    }
  g_hash_table_unref (seen);
  return ok;
}

static gboolean
read_organisation (CwCase *self, xmlNode *node, CwCatalogue *catalogue, const char *name,
                   GError **error)
{
  for (xmlNode *o = node->children; o != NULL; o = o->next)
    {
      if (cw_xml_is (o, "name"))
        self->organisation = cw_xml_text (o);
      else if (cw_xml_is (o, "scope"))
        self->scope = cw_xml_text (o);
      else if (cw_xml_is (o, "services"))
        self->services = cw_xml_raw_text (o);
      else if (cw_xml_is (o, "person"))
        {
          CwCasePerson *person = g_new0 (CwCasePerson, 1);
          person->name = cw_xml_attr (o, "name");
          person->role = cw_xml_attr (o, "role");
          person->areas = attr_list (o, "areas");
          g_ptr_array_add (self->people, person);
          if (!check_clauses (person->areas, catalogue, name, self->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

CwCase *
cw_case_read (xmlNode *node, CwCatalogue *catalogue, const char *name, GError **error)
{
  g_return_val_if_fail (node != NULL && CW_IS_CATALOGUE (catalogue), NULL);
  g_autoptr (CwCase) self = g_new0 (CwCase, 1);
  self->id = cw_xml_attr (node, "id");
  g_autofree char *difficulty = cw_xml_attr (node, "difficulty");
  self->difficulty = (guint) g_ascii_strtoull (difficulty ? difficulty : "1", NULL, 10);
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->populations = g_ptr_array_new_with_free_func ((GDestroyNotify) population_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  self->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->audit_scope = g_new0 (char *, 1);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean ok = TRUE;
      if (cw_xml_is (child, "title"))
        self->title = cw_xml_text (child);
      else if (cw_xml_is (child, "organisation"))
        ok = read_organisation (self, child, catalogue, name, error);
      else if (cw_xml_is (child, "briefing"))
        {
          self->briefing = cw_xml_raw_text (child);
          g_strfreev (self->audit_scope);
          self->audit_scope = attr_list (child, "scope");
          ok = check_clauses (self->audit_scope, catalogue, name, self->id, error);
        }
      else if (cw_xml_is (child, "document") || cw_xml_is (child, "interview"))
        {
          gboolean document = cw_xml_is (child, "document");
          CwCaseItem *item = read_item (child, document ? CW_CASE_DOCUMENT : CW_CASE_INTERVIEW,
                                        document ? "title" : "with");
          ok = add_item (self, item, name, error)
               && check_clauses (item->clauses, catalogue, name, self->id, error);
        }
      else if (cw_xml_is (child, "population"))
        ok = read_population (self, child, catalogue, name, error);
      else if (cw_xml_is (child, "model-finding"))
        ok = read_finding (self, child, catalogue, name, error);
      else if (cw_xml_is (child, "sample"))
        {
          CwCaseSample *sample = g_new0 (CwCaseSample, 1);
          sample->population = cw_xml_attr (child, "population");
          g_autofree char *at_least = cw_xml_attr (child, "at-least");
          sample->at_least = (guint) g_ascii_strtoull (at_least ? at_least : "1", NULL, 10);
          sample->reason = cw_xml_text (child);
          g_ptr_array_add (self->samples, sample);
        }
      if (!ok)
        return NULL;
    }
  if (self->findings->len == 0)
    {
      refuse (error, name, self->id, _("a case needs its model findings"));
      return NULL;
    }
  if (!check_references (self, name, error))
    return NULL;
  return g_steal_pointer (&self);
}

const CwCaseItem *
cw_case_lookup_item (const CwCase *self, const char *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

const CwCasePopulation *
cw_case_lookup_population (const CwCase *self, const char *id)
{
  for (guint i = 0; i < self->populations->len; i++)
    {
      CwCasePopulation *population = g_ptr_array_index (self->populations, i);
      if (g_strcmp0 (population->id, id) == 0)
        return population;
    }
  return NULL;
}
