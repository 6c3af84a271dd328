/* cw-page.c: the base of the main window's pages: the workspace they show,
 * the changes that make them stale, and saving on request. */
#define G_LOG_DOMAIN "cw-page"

#include "config.h"

#include "cw-page.h"

typedef struct
{
  CwWorkspace *workspace;
  GSignalGroup *changes; /* the watched changed:: signals of the workspace */
  gboolean stale;
} CwPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CwPage, cw_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

CwWorkspace *
cw_page_get_workspace (CwPage *self)
{
  g_return_val_if_fail (CW_IS_PAGE (self), NULL);
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  return priv->workspace;
}

/* What was typed goes to the workspace it was typed in before the page
 * shows another one. */
void
cw_page_set_workspace (CwPage *self, CwWorkspace *workspace)
{
  g_return_if_fail (CW_IS_PAGE (self));
  g_return_if_fail (workspace == NULL || CW_IS_WORKSPACE (workspace));
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  if (priv->workspace == workspace)
    return;
  cw_page_save (self);
  g_set_object (&priv->workspace, workspace);
  g_signal_group_set_target (priv->changes, workspace);
  priv->stale = FALSE;
  CW_PAGE_GET_CLASS (self)->load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/* The window shows the page: a stale page reads its records again. */
void
cw_page_shown (CwPage *self)
{
  g_return_if_fail (CW_IS_PAGE (self));
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  if (!priv->stale)
    return;
  priv->stale = FALSE;
  CW_PAGE_GET_CLASS (self)->refresh (self);
}

void
cw_page_save (CwPage *self)
{
  g_return_if_fail (CW_IS_PAGE (self));
  CwPageClass *klass = CW_PAGE_GET_CLASS (self);
  if (klass->save != NULL)
    klass->save (self);
}

gboolean
cw_page_is_stale (CwPage *self)
{
  g_return_val_if_fail (CW_IS_PAGE (self), FALSE);
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  return priv->stale;
}

static void
on_changed (CwPage *self)
{
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  priv->stale = TRUE;
}

static void
default_refresh (CwPage *self)
{
  CW_PAGE_GET_CLASS (self)->load (self);
}

static void
default_load (CwPage *self)
{
}

/* Leaving the page for another one of the window is a time to save. */
static void
cw_page_unmap (GtkWidget *widget)
{
  cw_page_save (CW_PAGE (widget));
  GTK_WIDGET_CLASS (cw_page_parent_class)->unmap (widget);
}

/* The watched kinds are the final class's: known once construction ends. */
static void
cw_page_constructed (GObject *object)
{
  CwPage *self = CW_PAGE (object);
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  G_OBJECT_CLASS (cw_page_parent_class)->constructed (object);
  const char *const *watches = CW_PAGE_GET_CLASS (self)->watches;
  for (guint i = 0; watches != NULL && watches[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", watches[i], NULL);
      g_signal_group_connect_swapped (priv->changes, signal, G_CALLBACK (on_changed), self);
    }
}

static void
cw_page_dispose (GObject *object)
{
  CwPage *self = CW_PAGE (object);
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  if (priv->changes != NULL)
    g_signal_group_set_target (priv->changes, NULL);
  g_clear_object (&priv->changes);
  g_clear_object (&priv->workspace);
  G_OBJECT_CLASS (cw_page_parent_class)->dispose (object);
}

static void
cw_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, cw_page_get_workspace (CW_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE:
      cw_page_set_workspace (CW_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_page_class_init (CwPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->constructed = cw_page_constructed;
  object_class->dispose = cw_page_dispose;
  object_class->get_property = cw_page_get_property;
  object_class->set_property = cw_page_set_property;
  widget_class->unmap = cw_page_unmap;
  klass->load = default_load;
  klass->refresh = default_refresh;

  properties[PROP_WORKSPACE]
    = g_param_spec_object ("workspace", NULL, NULL, CW_TYPE_WORKSPACE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_page_init (CwPage *self)
{
  CwPagePrivate *priv = cw_page_get_instance_private (self);
  priv->changes = g_signal_group_new (CW_TYPE_WORKSPACE);
}
