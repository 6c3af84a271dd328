/* cw-exchange-private.h: the exchange format's description of each record
 * kind, shared by the writer and the reader (cw-exchange-kinds.c). */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "cw-exchange.h"
#include "cw-workspace-private.h"

G_BEGIN_DECLS

typedef enum
{
  CW_XF_TEXT,     /* NOT NULL text, '' when the element is absent */
  CW_XF_OPT_TEXT, /* nullable text: absent is NULL */
  CW_XF_DATE,     /* YYYY-MM-DD, required */
  CW_XF_OPT_DATE,
  CW_XF_INT,
  CW_XF_OPT_INT,
  CW_XF_REF,      /* another record, by its UUID; `ref` is its kind's table */
  CW_XF_OPT_REF,
} CwXType;

typedef struct
{
  const char *element;
  const char *column;
  CwXType type;
  const char *ref;   /* CW_XF_REF, CW_XF_OPT_REF: the table referred to */
  gboolean local;    /* written, but this workspace's own: never merged */
} CwXField;

/* Rows of another table that belong to the record, as one field: the scope
 * of an audit, the sessions of its plan. */
typedef struct
{
  const char *element; /* the container */
  const char *item;    /* each row's element; NULL when the row is its one field */
  const char *table;
  const char *parent;  /* the column naming the record; NULL: the whole table */
  const char *order;
  const CwXField *fields;
  guint n_fields;
} CwXChild;

typedef struct
{
  const char *element; /* also the history's entity name */
  const char *table;
  gboolean singleton;  /* organisation, programme: one row, id 1 */
  const CwXField *fields;
  guint n_fields;
  const CwXChild *children;
  guint n_children;
  /* Columns (by element) that find the same record under another UUID:
   * an answer to the same question of the same audit. */
  const char *const *natural;
  const char *select;  /* built once: uuid, rev, fields…, FROM table t */
} CwXKind;

/* The kinds in the order they are written and read: a record refers only
 * to records of kinds before it. */
const CwXKind *const *cw_xkinds (guint *n);
const CwXKind *cw_xkind_for_element (const char *element);
const CwXKind *cw_xkind_for_table (const char *table);

/* One record's content: a value per field, then one per child (its rows in a
 * canonical text: fields joined by \x1f, rows by \x1e, \x1d for NULL; none of
 * those bytes can occur in XML text). NULL: absent. */
typedef struct
{
  const CwXKind *kind;
  char *uuid;
  gint64 rev;
  char **values;
} CwXRecord;

guint cw_xrecord_n_values (const CwXKind *kind);
void cw_xrecord_free (CwXRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwXRecord, cw_xrecord_free)

/* The record with id `id` (or its uuid's) as this workspace holds it. */
CwXRecord *cw_xrecord_load (CwWorkspace *self, const CwXKind *kind, gint64 id, GError **error);
/* The records in `where` (SQL over t, the kind's table), in id order;
 * `each` returns FALSE to stop (with error). */
typedef gboolean (*CwXEach) (CwXRecord *record, gpointer data, GError **error);
gboolean cw_xrecord_each (CwWorkspace *self, const CwXKind *kind, const char *where,
                          const char *bind_text, CwXEach each, gpointer data, GError **error);

gboolean cw_xrecord_write (xmlTextWriterPtr writer, const CwXRecord *record);
char *cw_xml_safe_text (const char *value);
char *cw_xrecord_to_xml (const CwXRecord *record);
CwXRecord *cw_xrecord_parse (xmlNode *node, GError **error);
CwXRecord *cw_xrecord_from_xml (const char *xml, GError **error);
gboolean cw_xrecord_same (const CwXRecord *a, const CwXRecord *b);
const char *cw_xrecord_value (const CwXRecord *record, const char *element);
gboolean cw_exchange_store_base (CwWorkspace *self, const char *peer, const CwXRecord *record,
                                 GError **error);

/* The value of field (or child) `index` in text for people. */
char *cw_xrecord_display (const CwXRecord *record, guint index);
const char *cw_xkind_value_name (const CwXKind *kind, guint index);

G_END_DECLS
