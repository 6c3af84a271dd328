/* cw-findings-model.c: the findings of a workspace as a GListModel that
 * holds only their ids; a row's CwFinding is read from the store when the
 * list view asks for it, so a list of 100,000 findings scrolls in the memory
 * of the rows on screen. */
#include "config.h"

#include "cw-finding.h"
#include "cw-findings-model.h"

struct _CwFindingsModel
{
  GObject parent_instance;
  CwWorkspace *workspace;
  GArray *ids;
};

static void cw_findings_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwFindingsModel, cw_findings_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cw_findings_model_list_init))

static GType
get_item_type (GListModel *list)
{
  return CW_TYPE_FINDING;
}

static guint
get_n_items (GListModel *list)
{
  return CW_FINDINGS_MODEL (list)->ids->len;
}

static gpointer
get_item (GListModel *list, guint position)
{
  CwFindingsModel *self = CW_FINDINGS_MODEL (list);
  if (position >= self->ids->len)
    return NULL;
  return cw_workspace_get_finding (self->workspace, g_array_index (self->ids, gint64, position),
                                   NULL);
}

static void
cw_findings_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
cw_findings_model_finalize (GObject *object)
{
  CwFindingsModel *self = CW_FINDINGS_MODEL (object);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->ids, g_array_unref);
  G_OBJECT_CLASS (cw_findings_model_parent_class)->finalize (object);
}

static void
cw_findings_model_class_init (CwFindingsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_findings_model_finalize;
}

static void
cw_findings_model_init (CwFindingsModel *self)
{
}

CwFindingsModel *
cw_findings_model_new (CwWorkspace *workspace, GError **error)
{
  g_autoptr (GArray) ids = cw_workspace_list_finding_ids (workspace, error);
  if (ids == NULL)
    return NULL;
  CwFindingsModel *self = g_object_new (CW_TYPE_FINDINGS_MODEL, NULL);
  self->workspace = g_object_ref (workspace);
  self->ids = g_steal_pointer (&ids);
  return self;
}
