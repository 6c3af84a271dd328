/* cw-exchange-kinds.c: what each record kind holds in the exchange format,
 * and a record's content read from the workspace, written as XML and read
 * back (see cw-exchange-private.h).
 *
 * One table describes every kind: the writer, the reader, the merge and the
 * schema's test all follow it, so a column added to a kind is added here
 * and in resources/schemas/exchange.rng, and nowhere else.
 */
#define G_LOG_DOMAIN "cw-exchange"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"
#include <string.h>

#include "cw-date.h"
#include "cw-exchange-private.h"
#include "cw-text.h"
#include "cw-xml.h"

#define T(el, col) { el, col, CW_XF_TEXT, NULL, FALSE }
#define OT(el, col) { el, col, CW_XF_OPT_TEXT, NULL, FALSE }
#define D(el, col) { el, col, CW_XF_DATE, NULL, FALSE }
#define OD(el, col) { el, col, CW_XF_OPT_DATE, NULL, FALSE }
#define I(el, col) { el, col, CW_XF_INT, NULL, FALSE }
#define OI(el, col) { el, col, CW_XF_OPT_INT, NULL, FALSE }
#define R(el, col, table) { el, col, CW_XF_REF, table, FALSE }
#define OR(el, col, table) { el, col, CW_XF_OPT_REF, table, FALSE }
#define N(array) array, G_N_ELEMENTS (array)

static const CwXField organisation_fields[] = {
  T ("name", "name"), T ("scope", "scope"), T ("services", "services"),
  T ("certification-body", "certification_body"), OD ("stage-one", "stage_one"),
  OD ("stage-two", "stage_two"), I ("coverage-months", "coverage_months"),
  I ("respond-major-days", "respond_major_days"), I ("respond-minor-days", "respond_minor_days"),
  OD ("certified-on", "certified_on"),
};

static const CwXField importance_fields[] = { T ("clause", "clause"),
                                              T ("importance", "importance") };
static const CwXChild programme_children[] = {
  { "importance", "setting", "clause_importance", NULL, "clause", N (importance_fields) },
};
static const CwXField programme_fields[] = {
  D ("starts-on", "starts_on"), I ("years", "years"), I ("high-months", "high_months"),
  I ("normal-months", "normal_months"), T ("created-at", "created_at"),
};

static const CwXField clause_field[] = { T ("clause", "clause") };
static const CwXChild person_children[] = {
  { "areas", NULL, "person_area", "person", "clause", N (clause_field) },
};
static const CwXField person_fields[] = { T ("name", "name"), T ("role", "role") };

static const CwXChild register_children[] = {
  { "clauses", NULL, "register_clause", "entry", "clause", N (clause_field) },
};
static const CwXField register_fields[] = {
  T ("reference", "reference"), T ("title", "title"), T ("kind", "kind"),
  T ("version", "version"), T ("owner", "owner"), OD ("approved-on", "approved_on"),
  OD ("review-due", "review_due"), T ("status", "status"), T ("location", "location"),
  OT ("sha256", "sha256"), T ("created-at", "created_at"),
};
static const char *const register_natural[] = { "reference", NULL };

static const CwXField external_audit_fields[] = {
  T ("kind", "kind"), T ("body", "body"), D ("starts-on", "starts_on"),
  OD ("ends-on", "ends_on"), T ("lead", "lead"), T ("reference", "reference"),
  T ("outcome", "outcome"), T ("created-at", "created_at"),
};

static const CwXField external_finding_fields[] = {
  R ("audit", "audit", "external_audit"), T ("kind", "kind"), T ("reference", "reference"),
  T ("clause", "clause"), T ("text", "text"), OD ("respond-by", "respond_by"),
  T ("status", "status"), OD ("resolved-on", "resolved_on"), T ("resolution", "resolution"),
  T ("created-at", "created_at"),
};
static const char *const external_finding_natural[] = { "audit", "reference", NULL };

static const CwXField session_fields[] = {
  I ("position", "position"), D ("day", "day"), T ("time", "time"), T ("subject", "subject"),
  T ("auditee", "auditee"), T ("auditor", "auditor"),
};
static const CwXField issue_fields[] = {
  I ("version", "version"), OD ("issued-on", "issued_on"), T ("issued-by", "issued_by"),
  T ("revision-reason", "revision_reason"),
};
static const CwXField independence_fields[] = {
  R ("person", "person", "person"), T ("justification", "justification"),
};
static const CwXChild audit_children[] = {
  { "scope", NULL, "audit_scope", "audit", "clause", N (clause_field) },
  { "sessions", "session", "audit_session", "audit", "position", N (session_fields) },
  { "issues", "issue", "audit_issue", "audit", "version", N (issue_fields) },
  { "independence", "justified", "audit_independence", "audit", "person",
    N (independence_fields) },
};
static const CwXField audit_fields[] = {
  T ("title", "title"), T ("objectives", "objectives"), T ("criteria", "criteria"),
  OD ("planned-start", "planned_start"), OD ("planned-end", "planned_end"),
  OD ("actual-start", "actual_start"), OD ("actual-end", "actual_end"),
  T ("lead-auditor", "lead_auditor"), T ("team", "team"), T ("auditees", "auditees"),
  T ("status", "status"), T ("created-at", "created_at"), T ("sites", "sites"),
  OD ("opening-on", "opening_on"), T ("opening-attendees", "opening_attendees"),
  OD ("closing-on", "closing_on"), T ("closing-attendees", "closing_attendees"),
  T ("auditee-response", "auditee_response"), T ("diverging-opinions", "diverging_opinions"),
};

static const CwXField answer_fields[] = {
  R ("audit", "audit", "audit"), T ("question", "question"), T ("result", "result"),
  T ("note", "note"), T ("answered-at", "answered_at"), T ("answered-by", "answered_by"),
};
static const char *const answer_natural[] = { "audit", "question", NULL };

static const CwXField citation_fields[] = { R ("entry", "entry", "register_entry") };
static const CwXChild finding_children[] = {
  { "cites", NULL, "register_citation", "finding", "entry", N (citation_fields) },
};
static const CwXField finding_fields[] = {
  R ("audit", "audit", "audit"), T ("clause", "clause"), T ("grade", "grade"),
  T ("requirement", "requirement"), T ("evidence", "evidence"), T ("statement", "statement"),
  T ("status", "status"), T ("created-at", "created_at"), OT ("question", "question"),
  /* NC-2 here may be NC-3 in the lead's workspace, where another auditor's
   * finding took number 2: the number is each workspace's own. */
  { "number", "number", CW_XF_INT, NULL, TRUE },
  OD ("raised-on", "raised_on"), T ("grade-reason", "grade_reason"),
  OR ("followed-up-in", "followed_up_in", "audit"), T ("follow-up-note", "follow_up_note"),
};

static const CwXChild evidence_children[] = {
  { "cites", NULL, "register_citation", "evidence", "entry", N (citation_fields) },
};
static const CwXField evidence_fields[] = {
  R ("audit", "audit", "audit"), OT ("question", "question"),
  OR ("finding", "finding", "finding"), T ("kind", "kind"), T ("reference", "reference"),
  T ("description", "description"), T ("population", "population"),
  OI ("sample-size", "sample_size"), OT ("sha256", "sha256"), T ("created-at", "created_at"),
  OI ("population-size", "population_size"), OT ("sample-method", "sample_method"),
  T ("sample-items", "sample_items"), OI ("sample-exceptions", "sample_exceptions"),
};

static const CwXField review_entry_fields[] = {
  T ("input", "input"), T ("figures", "figures"), T ("notes", "notes"),
  I ("nothing-to-report", "nothing_to_report"),
};
static const CwXField attendee_fields[] = {
  I ("position", "position"), T ("name", "name"), T ("role", "role"),
  I ("top-management", "top_management"),
};
static const CwXChild review_children[] = {
  { "inputs", "input", "review_entry", "review", "input", N (review_entry_fields) },
  { "attendance", "attendee", "review_attendee", "review", "position", N (attendee_fields) },
};
static const CwXField review_fields[] = {
  D ("held-on", "held_on"), T ("chair", "chair"), T ("attendees", "attendees"),
  OD ("period-start", "period_start"), D ("period-end", "period_end"), T ("status", "status"),
  OT ("figures-as-of", "figures_as_of"), T ("created-at", "created_at"),
  OT ("approved-at", "approved_at"), OT ("approved-by", "approved_by"),
  T ("conclusion", "conclusion"), OD ("next-review", "next_review"),
};

/* A review's decisions are actions; the kind of each is kept with the
 * action, which is written after the review it came from. */
static const CwXField output_fields[] = { R ("review", "review", "review"), T ("kind", "kind") };
static const CwXChild action_children[] = {
  { "output-of", "decision", "review_output", "action", "review", N (output_fields) },
};
static const CwXField action_fields[] = {
  T ("title", "title"), T ("source", "source"), OR ("finding", "finding", "finding"),
  OR ("review", "review", "review"), T ("description", "description"),
  T ("correction", "correction"), T ("root-cause", "root_cause"),
  OT ("cause-category", "cause_category"), T ("similar", "similar"), T ("plan", "plan"),
  T ("owner", "owner"), OD ("due", "due"), OD ("check-due", "check_due"),
  T ("verification", "verification"), I ("not-effective", "not_effective"),
  T ("status", "status"), T ("created-at", "created_at"), T ("kind", "kind"),
  T ("consequences", "consequences"), T ("verified-by", "verified_by"),
  T ("verifier-justification", "verifier_justification"), OD ("planned-on", "planned_on"),
  OD ("implemented-on", "implemented_on"), OD ("verified-on", "verified_on"),
  OD ("closed-on", "closed_on"),
  OR ("external-finding", "external_finding", "external_finding"),
};

#define KIND(el, table, singleton, fields, ...) \
  { el, table, singleton, N (fields), __VA_ARGS__, NULL }

static CwXKind kinds[] = {
  KIND ("organisation", "organisation", TRUE, organisation_fields, NULL, 0, NULL),
  KIND ("programme", "programme", TRUE, programme_fields, N (programme_children), NULL),
  KIND ("person", "person", FALSE, person_fields, N (person_children), NULL),
  KIND ("register", "register_entry", FALSE, register_fields, N (register_children),
        register_natural),
  KIND ("external-audit", "external_audit", FALSE, external_audit_fields, NULL, 0, NULL),
  KIND ("external-finding", "external_finding", FALSE, external_finding_fields, NULL, 0,
        external_finding_natural),
  KIND ("audit", "audit", FALSE, audit_fields, N (audit_children), NULL),
  KIND ("answer", "answer", FALSE, answer_fields, NULL, 0, answer_natural),
  KIND ("finding", "finding", FALSE, finding_fields, N (finding_children), NULL),
  KIND ("evidence", "evidence", FALSE, evidence_fields, N (evidence_children), NULL),
  KIND ("review", "review", FALSE, review_fields, N (review_children), NULL),
  KIND ("action", "action", FALSE, action_fields, N (action_children), NULL),
};

static const CwXKind *kind_list[G_N_ELEMENTS (kinds)];

static char *
field_expression (const CwXField *field, const char *alias)
{
  if (field->type == CW_XF_REF || field->type == CW_XF_OPT_REF)
    return g_strdup_printf ("(SELECT uuid FROM %s WHERE id = %s.%s)", field->ref, alias,
                            field->column);
  return g_strdup_printf ("%s.%s", alias, field->column);
}

static void
build_selects (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GString *sql = g_string_new ("SELECT t.id, t.uuid, t.rev");
      for (guint i = 0; i < kinds[k].n_fields; i++)
        {
          g_autofree char *expression = field_expression (&kinds[k].fields[i], "t");
          g_string_append_printf (sql, ", %s", expression);
        }
      g_string_append_printf (sql, " FROM %s t", kinds[k].table);
      kinds[k].select = g_string_free (sql, FALSE);
      kind_list[k] = &kinds[k];
    }
}

const CwXKind *const *
cw_xkinds (guint *n)
{
  static gsize built = 0;
  if (g_once_init_enter (&built))
    {
      build_selects ();
      g_once_init_leave (&built, 1);
    }
  *n = G_N_ELEMENTS (kinds);
  return kind_list;
}

const CwXKind *
cw_xkind_for_element (const char *element)
{
  guint n;
  const CwXKind *const *list = cw_xkinds (&n);
  for (guint k = 0; k < n; k++)
    if (g_str_equal (list[k]->element, element))
      return list[k];
  return NULL;
}

const CwXKind *
cw_xkind_for_table (const char *table)
{
  guint n;
  const CwXKind *const *list = cw_xkinds (&n);
  for (guint k = 0; k < n; k++)
    if (g_str_equal (list[k]->table, table))
      return list[k];
  return NULL;
}

guint
cw_xrecord_n_values (const CwXKind *kind)
{
  return kind->n_fields + kind->n_children;
}

const char *
cw_xkind_value_name (const CwXKind *kind, guint index)
{
  return index < kind->n_fields ? kind->fields[index].element
                                 : kind->children[index - kind->n_fields].element;
}

void
cw_xrecord_free (CwXRecord *record)
{
  if (record == NULL)
    return;
  if (record->values != NULL)
    for (guint i = 0; i < cw_xrecord_n_values (record->kind); i++)
      g_free (record->values[i]);
  g_free (record->values);
  g_free (record->uuid);
  g_free (record);
}

static CwXRecord *
xrecord_new (const CwXKind *kind)
{
  CwXRecord *record = g_new0 (CwXRecord, 1);
  record->kind = kind;
  record->values = g_new0 (char *, cw_xrecord_n_values (kind));
  return record;
}

/* ---- From the workspace ----------------------------------------------- */

#define NULL_MARK "\x1d"
#define FIELD_SEP "\x1f"
#define ROW_SEP "\x1e"

static char *
column_text (CwStmt *stmt, int column, CwXType type)
{
  if (cw_stmt_is_null (stmt, column))
    return NULL;
  if (type == CW_XF_INT || type == CW_XF_OPT_INT)
    return g_strdup_printf ("%" PRId64, cw_stmt_int64 (stmt, column));
  return cw_stmt_dup_text (stmt, column);
}

/* A child's query; its text is the statement cache's key, so it is built
 * once a child. */
static const char *
child_sql (const CwXChild *child)
{
  static GHashTable *sqls; /* CwXChild * → SQL */
  G_LOCK_DEFINE_STATIC (sqls);
  G_LOCK (sqls);
  if (sqls == NULL)
    sqls = g_hash_table_new (NULL, NULL);
  const char *text = g_hash_table_lookup (sqls, child);
  if (text == NULL)
    {
      GString *sql = g_string_new ("SELECT ");
      for (guint i = 0; i < child->n_fields; i++)
        {
          g_autofree char *expression = field_expression (&child->fields[i], "c");
          g_string_append_printf (sql, "%s%s", i ? ", " : "", expression);
        }
      g_string_append_printf (sql, " FROM %s c", child->table);
      if (child->parent != NULL)
        g_string_append_printf (sql, " WHERE c.%s = ?", child->parent);
      g_string_append_printf (sql, " ORDER BY c.%s", child->order);
      text = g_string_free (sql, FALSE);
      g_hash_table_insert (sqls, (gpointer) child, (gpointer) text);
    }
  G_UNLOCK (sqls);
  return text;
}

static gboolean
load_child (CwWorkspace *self, const CwXChild *child, gint64 id, char **value, GError **error)
{
  const char *text = child_sql (child);
  CwStmt *stmt = cw_workspace_prepare (self, text, error);
  if (stmt == NULL)
    return FALSE;
  if (child->parent != NULL)
    cw_stmt_bind_int64 (stmt, 1, id);
  GString *rows = NULL;
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      if (rows == NULL)
        rows = g_string_new (NULL);
      else
        g_string_append (rows, ROW_SEP);
      for (guint i = 0; i < child->n_fields; i++)
        {
          g_autofree char *cell = column_text (stmt, i, child->fields[i].type);
          if (i > 0)
            g_string_append (rows, FIELD_SEP);
          g_string_append (rows, cell ? cell : NULL_MARK);
        }
    }
  if (step == CW_STEP_ERROR)
    {
      if (rows)
        g_string_free (rows, TRUE);
      return FALSE;
    }
  *value = rows ? g_string_free (rows, FALSE) : NULL;
  return TRUE;
}

static CwXRecord *
record_from_row (CwWorkspace *self, const CwXKind *kind, CwStmt *stmt, GError **error)
{
  g_autoptr (CwXRecord) record = xrecord_new (kind);
  gint64 id = cw_stmt_int64 (stmt, 0);
  record->uuid = cw_stmt_dup_text (stmt, 1);
  record->rev = cw_stmt_int64 (stmt, 2);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      record->values[i] = column_text (stmt, 3 + i, kind->fields[i].type);
      if (record->values[i] == NULL && kind->fields[i].type == CW_XF_TEXT)
        record->values[i] = g_strdup ("");
    }
  for (guint c = 0; c < kind->n_children; c++)
    if (!load_child (self, &kind->children[c], id, &record->values[kind->n_fields + c], error))
      return NULL;
  return g_steal_pointer (&record);
}

gboolean
cw_xrecord_each (CwWorkspace *self, const CwXKind *kind, const char *where,
                 const char *bind_text, CwXEach each, gpointer data, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("%s%s%s ORDER BY t.id", kind->select,
                                          where ? " WHERE " : "", where ? where : "");
  /* The children are read with statements of their own (other SQL) while
   * this one steps. */
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (bind_text != NULL)
    cw_stmt_bind_text (stmt, 1, bind_text);
  CwStep step;
  while ((step = cw_stmt_step (stmt, error)) == CW_STEP_ROW)
    {
      g_autoptr (CwXRecord) record = record_from_row (self, kind, stmt, error);
      if (record == NULL || !each (record, data, error))
        {
          cw_stmt_reset (stmt);
          return FALSE;
        }
    }
  return step == CW_STEP_DONE;
}

CwXRecord *
cw_xrecord_load (CwWorkspace *self, const CwXKind *kind, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE t.id = ?", kind->select);
  CwStmt *stmt = cw_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  cw_stmt_bind_int64 (stmt, 1, id);
  if (!cw_stmt_expect_row (stmt, error))
    return NULL;
  CwXRecord *record = record_from_row (self, kind, stmt, error);
  cw_stmt_reset (stmt);
  return record;
}

/* ---- As XML ------------------------------------------------------------ */

/* XML cannot hold control characters other than tab and line breaks: a
 * value from an old file that has one is written with it escaped (\x1F). */
char *
cw_xml_safe_text (const char *value)
{
  for (const guchar *p = (const guchar *) value; *p; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return cw_text_escape_controls (value, -1);
  return NULL;
}

static gboolean
write_value (xmlTextWriterPtr writer, const char *element, const char *value)
{
  g_autofree char *safe = cw_xml_safe_text (value);
  return xmlTextWriterWriteElement (writer, BAD_CAST element, BAD_CAST (safe ? safe : value))
         >= 0;
}

static gboolean
write_child (xmlTextWriterPtr writer, const CwXChild *child, const char *rows)
{
  if (xmlTextWriterStartElement (writer, BAD_CAST child->element) < 0)
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (rows, ROW_SEP, -1);
  for (guint r = 0; lines[r] != NULL; r++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[r], FIELD_SEP, -1);
      if (child->item != NULL && xmlTextWriterStartElement (writer, BAD_CAST child->item) < 0)
        return FALSE;
      for (guint i = 0; i < child->n_fields && cells[i] != NULL; i++)
        {
          if (g_str_equal (cells[i], NULL_MARK))
            continue;
          if (child->fields[i].type == CW_XF_TEXT && cells[i][0] == '\0' && child->item != NULL)
            continue;
          if (!write_value (writer, child->fields[i].element, cells[i]))
            return FALSE;
        }
      if (child->item != NULL && xmlTextWriterEndElement (writer) < 0)
        return FALSE;
    }
  return xmlTextWriterEndElement (writer) >= 0;
}

gboolean
cw_xrecord_write (xmlTextWriterPtr writer, const CwXRecord *record)
{
  const CwXKind *kind = record->kind;
  g_autofree char *rev = g_strdup_printf ("%" PRId64, record->rev);
  if (xmlTextWriterStartElement (writer, BAD_CAST kind->element) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "uuid", BAD_CAST record->uuid) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "rev", BAD_CAST rev) < 0)
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *value = record->values[i];
      /* An empty text is the default: it is left out. */
      if (value == NULL || (kind->fields[i].type == CW_XF_TEXT && value[0] == '\0'))
        continue;
      if (!write_value (writer, kind->fields[i].element, value))
        return FALSE;
    }
  for (guint c = 0; c < kind->n_children; c++)
    {
      const char *rows = record->values[kind->n_fields + c];
      if (rows != NULL && !write_child (writer, &kind->children[c], rows))
        return FALSE;
    }
  return xmlTextWriterEndElement (writer) >= 0;
}

char *
cw_xrecord_to_xml (const CwXRecord *record)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  gboolean ok = xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) >= 0
                && cw_xrecord_write (writer, record) && xmlTextWriterEndDocument (writer) >= 0;
  xmlFreeTextWriter (writer);
  char *xml = ok ? g_strdup ((const char *) xmlBufferContent (buffer)) : NULL;
  xmlBufferFree (buffer);
  if (!ok)
    g_error ("libxml2 could not write a record to memory");
  return xml;
}

/* ---- From XML ----------------------------------------------------------- */

static gboolean
check_value (const CwXField *field, const char *value, const char *kind, GError **error)
{
  if (value == NULL)
    return TRUE;
  switch (field->type)
    {
    case CW_XF_DATE:
    case CW_XF_OPT_DATE:
      {
        g_autoptr (GError) local = NULL;
        if (!cw_date_check (value, &local))
          {
            cw_set_invalid (error, _("A %s's %s is not a day (%s)"), kind, field->element,
                            local->message);
            return FALSE;
          }
        return TRUE;
      }
    case CW_XF_INT:
    case CW_XF_OPT_INT:
      if (!g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, NULL, NULL))
        {
          cw_set_invalid (error, _("A %s's %s is not a whole number"), kind, field->element);
          return FALSE;
        }
      return TRUE;
    default:
      if (g_utf8_strlen (value, -1) > CW_TEXT_LONG_MAX)
        {
          cw_set_invalid (error, _("A %s's %s is longer than %d characters"), kind,
                          field->element, CW_TEXT_LONG_MAX);
          return FALSE;
        }
      return TRUE;
    }
}

static const CwXField *
find_field (const CwXField *fields, guint n, const xmlChar *name, guint *index)
{
  for (guint i = 0; i < n; i++)
    if (xmlStrEqual (name, BAD_CAST fields[i].element))
      {
        *index = i;
        return &fields[i];
      }
  return NULL;
}

static gboolean
parse_child (const CwXChild *child, xmlNode *node, const char *kind, char **value,
             GError **error)
{
  GString *rows = NULL;
  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      if (item->type != XML_ELEMENT_NODE)
        continue;
      g_autofree char **cells = g_new0 (char *, child->n_fields);
      if (child->item == NULL)
        cells[0] = cw_xml_raw_text (item);
      else
        for (xmlNode *cell = item->children; cell != NULL; cell = cell->next)
          {
            guint index;
            if (cell->type == XML_ELEMENT_NODE
                && find_field (child->fields, child->n_fields, cell->name, &index))
              cells[index] = cw_xml_raw_text (cell);
          }
      gboolean ok = TRUE;
      if (rows == NULL)
        rows = g_string_new (NULL);
      else
        g_string_append (rows, ROW_SEP);
      for (guint i = 0; i < child->n_fields; i++)
        {
          if (cells[i] == NULL && child->fields[i].type == CW_XF_TEXT)
            cells[i] = g_strdup ("");
          if (ok && !check_value (&child->fields[i], cells[i], kind, error))
            ok = FALSE;
          if (ok && cells[i] == NULL && (child->fields[i].type == CW_XF_INT
                                         || child->fields[i].type == CW_XF_DATE
                                         || child->fields[i].type == CW_XF_REF))
            {
              cw_set_invalid (error, _("A %s's %s lacks its %s"), kind, child->element,
                              child->fields[i].element);
              ok = FALSE;
            }
          if (i > 0)
            g_string_append (rows, FIELD_SEP);
          g_string_append (rows, cells[i] ? cells[i] : NULL_MARK);
          g_free (cells[i]);
        }
      if (!ok)
        {
          g_string_free (rows, TRUE);
          return FALSE;
        }
    }
  *value = rows ? g_string_free (rows, FALSE) : NULL;
  return TRUE;
}

/* Reads one record element, already valid against the schema. */
CwXRecord *
cw_xrecord_parse (xmlNode *node, GError **error)
{
  const CwXKind *kind = cw_xkind_for_element ((const char *) node->name);
  if (kind == NULL)
    {
      cw_set_invalid (error, _("“%s” is not a kind of record Clausewise knows"),
                      (const char *) node->name);
      return NULL;
    }
  g_autoptr (CwXRecord) record = xrecord_new (kind);
  record->uuid = cw_xml_attr (node, "uuid");
  g_autofree char *rev = cw_xml_attr (node, "rev");
  guint64 rev_value = 0;
  if (record->uuid == NULL || rev == NULL
      || !g_ascii_string_to_unsigned (rev, 10, 1, G_MAXINT32, &rev_value, NULL))
    {
      cw_set_invalid (error, _("A %s lacks its uuid or revision"), kind->element);
      return NULL;
    }
  record->rev = (gint64) rev_value;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      guint index;
      if (find_field (kind->fields, kind->n_fields, child->name, &index))
        {
          g_free (record->values[index]);
          record->values[index] = cw_xml_raw_text (child);
          continue;
        }
      for (guint c = 0; c < kind->n_children; c++)
        if (xmlStrEqual (child->name, BAD_CAST kind->children[c].element))
          {
            char **slot = &record->values[kind->n_fields + c];
            g_clear_pointer (slot, g_free);
            if (!parse_child (&kind->children[c], child, kind->element, slot, error))
              return NULL;
          }
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const CwXField *field = &kind->fields[i];
      if (record->values[i] == NULL && field->type == CW_XF_TEXT)
        record->values[i] = g_strdup ("");
      if (record->values[i] == NULL
          && (field->type == CW_XF_INT || field->type == CW_XF_DATE || field->type == CW_XF_REF))
        {
          cw_set_invalid (error, _("A %s lacks its %s"), kind->element, field->element);
          return NULL;
        }
      if (!check_value (field, record->values[i], kind->element, error))
        return NULL;
    }
  return g_steal_pointer (&record);
}

/* A record this workspace wrote itself (a conflict's two sides). */
CwXRecord *
cw_xrecord_from_xml (const char *xml, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr (xmlDoc) doc = cw_xml_read_bytes_unchecked (bytes, "record", error);
  if (doc == NULL)
    return NULL;
  return cw_xrecord_parse (xmlDocGetRootElement (doc), error);
}

/* The value of the field named `element`, NULL when absent or no field. */
const char *
cw_xrecord_value (const CwXRecord *record, const char *element)
{
  for (guint i = 0; i < record->kind->n_fields; i++)
    if (g_str_equal (record->kind->fields[i].element, element))
      return record->values[i];
  return NULL;
}

/* Keeps `record` as this workspace and `peer` now agree on it: the base of
 * the next merge with that peer (cw-exchange.c). */
gboolean
cw_exchange_store_base (CwWorkspace *self, const char *peer, const CwXRecord *record,
                        GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
    self, "INSERT OR REPLACE INTO exchange_base (peer, uuid, content) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  g_autofree char *xml = cw_xrecord_to_xml (record);
  cw_stmt_bind_text (stmt, 1, peer);
  cw_stmt_bind_text (stmt, 2, record->uuid);
  cw_stmt_bind_text (stmt, 3, xml);
  return cw_stmt_run (stmt, error);
}

gboolean
cw_xrecord_same (const CwXRecord *a, const CwXRecord *b)
{
  g_return_val_if_fail (a->kind == b->kind, FALSE);
  for (guint i = 0; i < cw_xrecord_n_values (a->kind); i++)
    if (!(i < a->kind->n_fields && a->kind->fields[i].local)
        && g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
cw_xrecord_display (const CwXRecord *record, guint index)
{
  const char *value = record->values[index];
  if (value == NULL)
    return NULL;
  if (index < record->kind->n_fields)
    return g_strdup (value);
  /* A child's rows, one a line, fields by " · ". */
  GString *text = g_string_new (NULL);
  for (const char *p = value; *p; p++)
    {
      if (*p == ROW_SEP[0])
        g_string_append_c (text, '\n');
      else if (*p == FIELD_SEP[0])
        g_string_append (text, " · ");
      else if (*p == NULL_MARK[0])
        g_string_append (text, "—");
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}
