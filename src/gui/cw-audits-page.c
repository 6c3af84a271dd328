/* cw-audits-page.c: the Audits page of the window: a welcome for a
 * workspace without audits, the list of audits with how far each has got,
 * deleting one with Undo, and the checklist of the audit being worked on.
 * It asks the window for nothing: other pages open an audit through the
 * window's win.show-audit, which shows this page and calls
 * cw_audits_page_show_audit. */
#define G_LOG_DOMAIN "cw-audits-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-audit.h"
#include "cw-audits-page.h"
#include "cw-checklist.h"
#include "cw-widgets.h"

struct _CwAuditsPage
{
  CwPage parent_instance;

  /* An audit hidden behind an Undo toast, not yet deleted, and the
   * workspace it is to be deleted from, whichever the page shows by then. */
  gint64 pending_delete;
  CwWorkspace *pending_workspace;
  AdwToast *undo_toast;
  guint progress_idle;

  GtkStack *audits_stack;
  GtkListBox *audit_list;
  GtkLabel *organisation_label;
  GtkLabel *workspace_summary;
  CwChecklist *checklist; /* made when the first audit opens */
};

G_DEFINE_FINAL_TYPE (CwAuditsPage, cw_audits_page, CW_TYPE_PAGE)

/* What it shows: audits, their progress and findings, the organisation. */
static const char *const watches[] = { "audit", "answer", "finding", "organisation", NULL };

static void refresh (CwPage *page);

/* ---- The list ------------------------------------------------------------- */

/* Status, dates and lead; with `progress`, also how far it has got. */
static char *
describe_audit (CwAudit *audit, const CwAuditProgress *progress)
{
  const char *start = cw_audit_get_planned_start (audit);
  const char *end = cw_audit_get_planned_end (audit);
  const char *lead = cw_audit_get_lead_auditor (audit);
  g_autoptr (GString) text = g_string_new (cw_audit_status_label (cw_audit_get_status (audit)));
  if (start != NULL)
    g_string_append_printf (text, " · %s%s%s", start, end ? " – " : "", end ? end : "");
  if (lead != NULL && *lead)
    g_string_append_printf (text, " · %s", lead);
  if (progress != NULL)
    {
      g_string_append_printf (text, _(" · %u of %u answered"), progress->answered,
                              progress->total);
      if (progress->findings[CW_GRADE_MAJOR] + progress->findings[CW_GRADE_MINOR] > 0)
        g_string_append_printf (text, _(" · %u major, %u minor"),
                                progress->findings[CW_GRADE_MAJOR],
                                progress->findings[CW_GRADE_MINOR]);
    }
  return g_markup_escape_text (text->str, -1);
}

static void ask_delete_audit (GtkButton *button, CwAuditsPage *self);

static GtkWidget *
make_audit_row (CwAuditsPage *self, CwAudit *audit)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (cw_audit_get_title (audit), -1);
  g_autofree char *subtitle = describe_audit (audit, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  cw_object_set_id (row, "audit-id", cw_audit_get_id (audit));
  g_object_set_data_full (G_OBJECT (row), "audit", g_object_ref (audit), g_object_unref);

  GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);
  gtk_widget_set_size_request (level, 80, -1);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "level", level);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);

  if (!cw_workspace_is_read_only (workspace) && cw_audit_can_delete (workspace, audit, NULL))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_autofree char *label = g_strdup_printf (_("Delete audit “%s”"), cw_audit_get_title (audit));
      gtk_widget_set_tooltip_text (remove, label);
      /* The tooltip is the name; GTK 4.8 would also read it as the
       * description, the same words twice. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Asks first, and the deletion can be undone"), -1);
      cw_object_set_id (remove, "audit-id", cw_audit_get_id (audit));
      g_object_set_data_full (G_OBJECT (remove), "audit-title",
                              g_strdup (cw_audit_get_title (audit)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (ask_delete_audit), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  /* Only a hint that the row opens; the row's name says what it is. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cw_decorative_icon ("go-next-symbolic"));
  return row;
}

/* Progress and finding counts come after the rows are on screen: with
 * 100,000 findings counting them is the slowest part of the list, and the
 * window should not wait for it to appear. */
static gboolean
fill_progress (gpointer data)
{
  CwAuditsPage *self = data;
  self->progress_idle = 0;
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  guint rows = 0, nonconformities = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->audit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CwAudit *audit = g_object_get_data (G_OBJECT (row), "audit");
      CwAuditProgress progress;
      if (audit == NULL || !cw_workspace_get_audit_progress (workspace, audit, &progress, NULL))
        continue;
      rows++;
      nonconformities += progress.findings[CW_GRADE_MAJOR] + progress.findings[CW_GRADE_MINOR];
      g_autofree char *subtitle = describe_audit (audit, &progress);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      GtkLevelBar *level = g_object_get_data (G_OBJECT (row), "level");
      gtk_level_bar_set_max_value (level, MAX (progress.total, 1));
      gtk_level_bar_set_value (level, progress.answered);
      g_autofree char *label = g_strdup_printf (_("%u of %u questions answered"),
                                                progress.answered, progress.total);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  g_autofree char *summary
    = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u audit, %u nonconformities raised",
                                    "%u audits, %u nonconformities raised", rows),
                       rows, nonconformities);
  gtk_label_set_label (self->workspace_summary, summary);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock, CwAuditsPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_clear_handle_id (&self->progress_idle, g_source_remove);
  self->progress_idle = g_idle_add (fill_progress, self);
}

static void
on_first_map (CwAuditsPage *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint), self, 0);
}

/* Counts come right after the rows; at start-up, after the first frame. */
static void
schedule_progress (CwAuditsPage *self)
{
  g_clear_handle_id (&self->progress_idle, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->progress_idle = g_idle_add (fill_progress, self);
  else if (g_signal_handler_find (self, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                  on_first_map, self)
           == 0)
    g_signal_connect_swapped (self, "map", G_CALLBACK (on_first_map), self);
}

static void
update_heading (CwAuditsPage *self)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  g_autoptr (CwOrganisation) organisation
    = workspace ? cw_workspace_get_organisation (workspace, NULL) : NULL;
  gtk_label_set_label (self->organisation_label,
                       organisation && *organisation->name ? organisation->name : _("Audits"));
}

/* The list read again; a workspace without audits greets the user instead of
 * showing a blank list. The checklist, when open, stays open. */
static void
rebuild_list (CwAuditsPage *self)
{
  cw_list_box_remove_all (self->audit_list);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  if (workspace == NULL)
    return;
  update_heading (self);

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  if (audits == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Read the Audits"), error);
      return;
    }
  guint shown = 0;
  for (guint i = 0; i < audits->len; i++)
    {
      CwAudit *audit = g_ptr_array_index (audits, i);
      if (cw_audit_get_id (audit) == self->pending_delete)
        continue;
      gtk_list_box_append (self->audit_list, make_audit_row (self, audit));
      shown++;
    }
  schedule_progress (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->audits_stack), "checklist") != 0)
    gtk_stack_set_visible_child_name (self->audits_stack, shown == 0 ? "welcome" : "list");
}

static void
on_audit_activated (CwAuditsPage *self, GtkListBoxRow *row)
{
  g_autoptr (GError) error = NULL;
  if (!cw_audits_page_show_audit (self, cw_object_get_id (row, "audit-id"), NULL, &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Open the Audit"), error);
}

/* ---- Deleting with undo ---------------------------------------------------- */

/* Carries out the deletion Undo was offered for. */
static gboolean
delete_pending (CwAuditsPage *self, GError **error)
{
  g_autoptr (CwWorkspace) workspace = g_steal_pointer (&self->pending_workspace);
  gint64 id = self->pending_delete;
  self->pending_delete = 0;
  return workspace == NULL || cw_workspace_delete_audit (workspace, id, error);
}

static void
flush_pending_delete (CwAuditsPage *self)
{
  g_autoptr (GError) error = NULL;
  if (!delete_pending (self, &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Delete the Audit"), error);
  rebuild_list (self);
}

static void
on_undo_toast_dismissed (AdwToast *toast, CwAuditsPage *self)
{
  if (self->undo_toast == toast)
    {
      self->undo_toast = NULL;
      if (self->pending_delete != 0)
        flush_pending_delete (self);
    }
}

static void
undo_delete (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwAuditsPage *self = CW_AUDITS_PAGE (widget);
  self->pending_delete = 0;
  g_clear_object (&self->pending_workspace);
  /* The toast stays until it times out, saying the audit is back, its Undo
   * now without effect: dismissing a toast still sliding in, as Ctrl+Z
   * right after a deletion would, crashes libadwaita 1.2 as soon as another
   * animation is cut short. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, _("Deletion undone"));
      adw_toast_set_button_label (self->undo_toast, NULL);
    }
  rebuild_list (self);
}

static void
on_undo_clicked (CwAuditsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "audits.undo-delete", NULL);
}

static void
delete_audit_later (CwAuditsPage *self, gint64 id, const char *title)
{
  /* An earlier deletion still offered for Undo is carried out. */
  flush_pending_delete (self);
  self->pending_delete = id;
  self->pending_workspace = g_object_ref (cw_page_get_workspace (CW_PAGE (self)));
  rebuild_list (self);
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), title);
  /* The toast on screen then offers Undo for this deletion, and says so:
   * one toast, whose Undo always means the latest deletion. (Dismissing it
   * for a new one crashes libadwaita 1.2 when the window closes while the
   * toasts still animate.) */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, message);
      adw_toast_set_button_label (self->undo_toast, _("_Undo"));
      return;
    }
  AdwToast *toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  self->undo_toast = toast;
  if (!cw_add_toast (GTK_WIDGET (self), g_object_ref (toast)))
    {
      /* Nowhere to offer Undo: the deletion goes ahead. */
      self->undo_toast = NULL;
      flush_pending_delete (self);
    }
  g_object_unref (toast);
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, CwAuditsPage *self)
{
  if (g_str_equal (response, "delete"))
    delete_audit_later (self, cw_object_get_id (dialog, "audit-id"),
                        g_object_get_data (G_OBJECT (dialog), "audit-title"));
}

static void
ask_delete_audit (GtkButton *button, CwAuditsPage *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "audit-title");
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), title);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
    _("Its answers, findings and evidence are deleted with it. The change history keeps a "
      "record of the deletion."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete",
                                    _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  cw_object_set_id (dialog, "audit-id", cw_object_get_id (button, "audit-id"));
  g_object_set_data_full (G_OBJECT (dialog), "audit-title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The checklist ---------------------------------------------------------- */

static void
on_checklist_back (CwAuditsPage *self)
{
  gtk_stack_set_visible_child_name (self->audits_stack, "list");
  rebuild_list (self);
}

/* The checklist is made when the first audit is opened, not at start-up:
 * a window that shows only the audit list starts faster without it. */
GtkWidget *
cw_audits_page_get_checklist (CwAuditsPage *self)
{
  g_return_val_if_fail (CW_IS_AUDITS_PAGE (self), NULL);
  if (self->checklist == NULL)
    {
      self->checklist = g_object_new (CW_TYPE_CHECKLIST, NULL);
      g_signal_connect_swapped (self->checklist, "back", G_CALLBACK (on_checklist_back), self);
      gtk_stack_add_named (self->audits_stack, GTK_WIDGET (self->checklist), "checklist");
    }
  return GTK_WIDGET (self->checklist);
}

/* Opens the audit's checklist, at `place` (a clause or question) if given. */
gboolean
cw_audits_page_show_audit (CwAuditsPage *self, gint64 audit_id, const char *place, GError **error)
{
  g_return_val_if_fail (CW_IS_AUDITS_PAGE (self), FALSE);
  CwChecklist *checklist = CW_CHECKLIST (cw_audits_page_get_checklist (self));
  if (!cw_checklist_show (checklist, cw_page_get_workspace (CW_PAGE (self)), audit_id, place,
                          error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->audits_stack, "checklist");
  return TRUE;
}

/* Back to the list (or the welcome), read afresh. */
void
cw_audits_page_show_list (CwAuditsPage *self)
{
  g_return_if_fail (CW_IS_AUDITS_PAGE (self));
  if (self->checklist != NULL)
    cw_checklist_save_now (self->checklist);
  gtk_stack_set_visible_child_name (self->audits_stack, "list");
  rebuild_list (self);
}

/* "welcome", "list" or "checklist". */
const char *
cw_audits_page_get_view (CwAuditsPage *self)
{
  g_return_val_if_fail (CW_IS_AUDITS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->audits_stack);
}

/* ---- The page --------------------------------------------------------------- */

/* Another workspace: a deletion still offered for Undo is carried out in
 * the workspace it was made in (cw_page_set_workspace saved the typing). */
static void
load (CwPage *page)
{
  CwAuditsPage *self = CW_AUDITS_PAGE (page);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (g_steal_pointer (&self->undo_toast));
  flush_pending_delete (self);
  /* No workspace (the window going): the checklist lets its own go too. */
  if (cw_page_get_workspace (page) == NULL && self->checklist != NULL)
    cw_checklist_release (self->checklist);
  gtk_stack_set_visible_child_name (self->audits_stack, "list");
  rebuild_list (self);
}

static void
refresh (CwPage *page)
{
  rebuild_list (CW_AUDITS_PAGE (page));
}

static void
save (CwPage *page)
{
  CwAuditsPage *self = CW_AUDITS_PAGE (page);
  if (self->checklist != NULL)
    cw_checklist_save_now (self->checklist);
}

/* Focus goes to the question when an audit is open; the list has no
 * single place to take it (FALSE). */
static gboolean
cw_audits_page_grab_focus (GtkWidget *widget)
{
  CwAuditsPage *self = CW_AUDITS_PAGE (widget);
  if (self->checklist != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->audits_stack), "checklist") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->checklist));
  return FALSE;
}

static void
cw_audits_page_dispose (GObject *object)
{
  CwAuditsPage *self = CW_AUDITS_PAGE (object);
  g_clear_handle_id (&self->progress_idle, g_source_remove);
  /* Closing the window while Undo is still offered means the user let it
   * go; there is nobody left to tell of a failure but the log. */
  self->undo_toast = NULL;
  g_autoptr (GError) error = NULL;
  if (!delete_pending (self, &error))
    g_warning ("The audit was not deleted: %s", error->message);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_AUDITS_PAGE);
  G_OBJECT_CLASS (cw_audits_page_parent_class)->dispose (object);
}

static void
cw_audits_page_class_init (CwAuditsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_audits_page_dispose;
  widget_class->grab_focus = cw_audits_page_grab_focus;
  page_class->watches = watches;
  page_class->load = load;
  page_class->refresh = refresh;
  page_class->save = save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-audits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwAuditsPage, audits_stack);
  gtk_widget_class_bind_template_child (widget_class, CwAuditsPage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, CwAuditsPage, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, CwAuditsPage, workspace_summary);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated);
  gtk_widget_class_install_action (widget_class, "audits.undo-delete", NULL, undo_delete);
}

static void
cw_audits_page_init (CwAuditsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
