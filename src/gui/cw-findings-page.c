/* cw-findings-page.c: every finding of the workspace, newest first, in a
 * virtualised list over CwFindingsModel; activating one opens it in the
 * finding editor, and each row's jump button opens its audit at its
 * clause. */
#define G_LOG_DOMAIN "cw-findings-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cw-finding-editor.h"
#include "cw-finding.h"
#include "cw-findings-model.h"
#include "cw-findings-page.h"
#include "cw-widgets.h"

struct _CwFindingsPage
{
  CwPage parent_instance;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkListView *list;
};

G_DEFINE_FINAL_TYPE (CwFindingsPage, cw_findings_page, CW_TYPE_PAGE)

/* What it shows: every finding, its audit's title and its action. */
static const char *const watches[] = { "finding", "audit", "action", NULL };

static void
on_show_in_audit (GtkButton *button, CwFindingsPage *self)
{
  CwFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  if (finding != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-finding", "x",
                                cw_finding_get_id (finding));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwFindingsPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  GtkWidget *jump = gtk_button_new_from_icon_name ("go-jump-symbolic");
  gtk_widget_add_css_class (jump, "flat");
  gtk_widget_set_valign (jump, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (jump, 12);
  gtk_widget_set_tooltip_text (jump, _("Show in its audit"));
  g_signal_connect (jump, "clicked", G_CALLBACK (on_show_in_audit), self);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), jump);
  g_object_set_data (G_OBJECT (row), "jump", jump);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (badge, "result-badge");
  GtkWidget *caption = gtk_label_new (NULL);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_box_append (GTK_BOX (heading), badge);
  gtk_box_append (GTK_BOX (heading), caption);
  GtkWidget *text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "caption", caption);
  g_object_set_data (G_OBJECT (row), "text", text);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwFindingsPage *self)
{
  CwFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  if (finding == NULL)
    return;
  GtkLabel *badge = g_object_get_data (G_OBJECT (box), "badge");
  for (CwGrade grade = CW_GRADE_OFI; grade <= CW_GRADE_MAJOR; grade++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), cw_result_css_class (cw_grade_to_result (grade)));
  CwGrade grade = cw_finding_get_grade (finding);
  gtk_label_set_label (badge, cw_grade_badge (grade));
  gtk_widget_add_css_class (GTK_WIDGET (badge), cw_result_css_class (cw_grade_to_result (grade)));
  g_autofree char *caption = g_strdup_printf (
    _("Finding %" PRId64 " · clause %s · audit %" PRId64 " · %s"), cw_finding_get_id (finding),
    cw_finding_get_clause (finding), cw_finding_get_audit_id (finding),
    cw_finding_status_label (cw_finding_get_status (finding)));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "caption"), caption);
  const char *text = *cw_finding_get_statement (finding) ? cw_finding_get_statement (finding)
                                                          : cw_finding_get_evidence (finding);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "text"), text);
  g_autofree char *label = g_strdup_printf ("%s, %s: %s", cw_grade_label (grade), caption, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  cw_list_item_set_accessible_label (item, label);
  GtkWidget *jump = g_object_get_data (G_OBJECT (box), "jump");
  g_object_set_data_full (G_OBJECT (jump), "finding", g_object_ref (finding), g_object_unref);
  g_autofree char *finding_label = cw_finding_dup_label (finding);
  g_autofree char *jump_name = g_strdup_printf (_("Show finding %s in audit %" PRId64),
                                                finding_label, cw_finding_get_audit_id (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (jump), GTK_ACCESSIBLE_PROPERTY_LABEL, jump_name,
                                  -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwFindingsPage *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  g_object_set_data (g_object_get_data (G_OBJECT (row), "jump"), "finding", NULL);
}

static void load (CwPage *page);

static void
on_finding_saved (CwFindingEditor *editor, gint64 finding_id, CwFindingsPage *self)
{
  /* The row shows what was saved; the list keeps its place. */
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (adjustment);
  load (CW_PAGE (self));
  gtk_adjustment_set_value (adjustment, position);
}

static void
on_activate (CwFindingsPage *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list));
  g_autoptr (CwFinding) listed = g_list_model_get_item (model, position);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  if (listed == NULL || workspace == NULL)
    return;
  /* Opened as it is now, not as the list last read it. */
  g_autoptr (GError) error = NULL;
  g_autoptr (CwFinding) finding
    = cw_workspace_get_finding (workspace, cw_finding_get_id (listed), &error);
  if (finding == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Finding"), error);
      return;
    }
  CwFindingEditor *editor = cw_finding_editor_new_for_finding (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), workspace, finding);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_finding_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
load (CwPage *page)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (page);
  CwWorkspace *workspace = cw_page_get_workspace (page);
  g_autoptr (CwFindingsModel) model = workspace ? cw_findings_model_new (workspace, NULL) : NULL;
  g_autoptr (GtkNoSelection) selection
    = model ? gtk_no_selection_new (G_LIST_MODEL (g_object_ref (model))) : NULL;
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  gboolean empty = model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

GtkScrolledWindow *
cw_findings_page_get_scroller (CwFindingsPage *self)
{
  g_return_val_if_fail (CW_IS_FINDINGS_PAGE (self), NULL);
  return self->scroller;
}

static void
cw_findings_page_dispose (GObject *object)
{
  CwFindingsPage *self = CW_FINDINGS_PAGE (object);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_FINDINGS_PAGE);
  G_OBJECT_CLASS (cw_findings_page_parent_class)->dispose (object);
}

static void
cw_findings_page_class_init (CwFindingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_findings_page_dispose;
  page_class->watches = watches;
  page_class->load = load;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwFindingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwFindingsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwFindingsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
cw_findings_page_init (CwFindingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list, factory);
}
