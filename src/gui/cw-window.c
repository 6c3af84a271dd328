/* cw-window.c: the main window: one workspace, its audits, the checklist of
 * the audit being worked on, and search across the workspace. */
#define G_LOG_DOMAIN "cw-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-audit-editor.h"
#include "cw-audit.h"
#include "cw-actions-page.h"
#include "cw-checklist.h"
#include "cw-organisation-dialog.h"
#include "cw-report-ui.h"
#include "cw-finding.h"
#include "cw-findings-page.h"
#include "cw-programme-page.h"
#include "cw-reviews-page.h"
#include "cw-demo.h"
#include "cw-search.h"
#include "cw-window.h"
#include "cw-widgets.h"

struct _CwWindow
{
  AdwApplicationWindow parent_instance;

  CwWorkspace *workspace;
  gint64 pending_delete; /* audit hidden behind an Undo toast, not yet deleted */
  guint progress_idle;
  AdwToast *undo_toast;

  AdwToastOverlay *toasts;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  guint switchers_idle;
  GtkRevealer *read_only_bar;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *search_button;
  GtkStack *main_stack;
  GtkStack *audits_stack;
  GtkListBox *audit_list;
  GtkListBox *search_results;
  GCancellable *search_cancellable; /* the search under way, cancelled by the next */
  GtkLabel *organisation_label;
  GtkLabel *workspace_summary;
  CwChecklist *checklist;
  GMenu *recent_menu;
  AdwViewStack *view_stack;
  AdwBin *findings_holder;
  AdwBin *actions_holder;
  AdwBin *reviews_holder;
  AdwBin *programme_holder;
  CwFindingsPage *findings_page; /* made on first visit, like the checklist */
  CwActionsPage *actions_page;
  CwReviewsPage *reviews_page;
  CwProgrammePage *programme_page;
};

G_DEFINE_FINAL_TYPE (CwWindow, cw_window, ADW_TYPE_APPLICATION_WINDOW)

static void rebuild_audit_list (CwWindow *self);

/* ---- Helpers ------------------------------------------------------------ */

CwWorkspace *
cw_window_get_workspace (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return self->workspace;
}

/* "welcome", "workspace" or "search": what the window shows. */
const char *
cw_window_get_page_name (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->audits_stack), "welcome") == 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void on_checklist_back (CwWindow *self);

/* The checklist is made when the first audit is opened, not at start-up:
 * a window that shows only the audit list starts faster without it. */
GtkWidget *
cw_window_get_checklist (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  if (self->checklist == NULL)
    {
      self->checklist = g_object_new (CW_TYPE_CHECKLIST, NULL);
      g_signal_connect_swapped (self->checklist, "back", G_CALLBACK (on_checklist_back), self);
      gtk_stack_add_named (self->audits_stack, GTK_WIDGET (self->checklist), "checklist");
    }
  return GTK_WIDGET (self->checklist);
}

static CwFindingsPage *
get_findings_page (CwWindow *self)
{
  if (self->findings_page == NULL)
    {
      self->findings_page = g_object_new (CW_TYPE_FINDINGS_PAGE, NULL);
      adw_bin_set_child (self->findings_holder, GTK_WIDGET (self->findings_page));
    }
  return self->findings_page;
}

GtkWidget *
cw_window_get_findings_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_findings_page (self));
}

static CwActionsPage *
get_actions_page (CwWindow *self)
{
  if (self->actions_page == NULL)
    {
      self->actions_page = g_object_new (CW_TYPE_ACTIONS_PAGE, NULL);
      adw_bin_set_child (self->actions_holder, GTK_WIDGET (self->actions_page));
      cw_actions_page_set_workspace (self->actions_page, self->workspace);
    }
  return self->actions_page;
}

static CwReviewsPage *
get_reviews_page (CwWindow *self)
{
  if (self->reviews_page == NULL)
    {
      self->reviews_page = g_object_new (CW_TYPE_REVIEWS_PAGE, NULL);
      adw_bin_set_child (self->reviews_holder, GTK_WIDGET (self->reviews_page));
      cw_reviews_page_set_workspace (self->reviews_page, self->workspace);
    }
  return self->reviews_page;
}

static CwProgrammePage *
get_programme_page (CwWindow *self)
{
  if (self->programme_page == NULL)
    {
      self->programme_page = g_object_new (CW_TYPE_PROGRAMME_PAGE, NULL);
      adw_bin_set_child (self->programme_holder, GTK_WIDGET (self->programme_page));
      cw_programme_page_set_workspace (self->programme_page, self->workspace);
    }
  return self->programme_page;
}

GtkWidget *
cw_window_get_actions_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_actions_page (self));
}

GtkWidget *
cw_window_get_reviews_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_reviews_page (self));
}

static void
on_page_changed (CwWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (page, "findings") == 0)
    cw_findings_page_set_workspace (get_findings_page (self), self->workspace);
  else if (g_strcmp0 (page, "actions") == 0)
    cw_actions_page_refresh (get_actions_page (self));
  else if (g_strcmp0 (page, "reviews") == 0)
    get_reviews_page (self);
  else if (g_strcmp0 (page, "programme") == 0)
    cw_programme_page_refresh (get_programme_page (self));
  else if (g_strcmp0 (page, "audits") == 0 && self->workspace != NULL)
    rebuild_audit_list (self);
}

/* Shows an action in the register (the Actions page). */
void
cw_window_show_action (CwWindow *self, gint64 action_id)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  cw_actions_page_show_action (get_actions_page (self), action_id);
}

void
cw_window_show_review (CwWindow *self, gint64 review_id)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, "reviews");
  cw_reviews_page_show_review (get_reviews_page (self), review_id);
}

/* Pages ask for an audit, a finding or an action through these actions
 * rather than calling the window. */
static void
show_audit_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_window_show_audit (CW_WINDOW (widget), g_variant_get_int64 (parameter), NULL);
}

static void
show_finding_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwFinding) finding
    = cw_workspace_get_finding (self->workspace, g_variant_get_int64 (parameter), &error);
  if (finding == NULL)
    cw_show_error (widget, _("Could Not Open the Finding"), error);
  else
    cw_window_show_finding (self, finding);
}

static void
show_action_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_window_show_action (CW_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_page_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Shows the audit a finding belongs to, at the finding's clause. */
void
cw_window_show_finding (CwWindow *self, CwFinding *finding)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, "audits");
  cw_window_show_audit (self, cw_finding_get_audit_id (finding), cw_finding_get_clause (finding));
}

static void
update_actions (CwWindow *self)
{
  gboolean writable = self->workspace != NULL && !cw_workspace_is_read_only (self->workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-audit", writable);
  gtk_revealer_set_reveal_child (self->read_only_bar,
                             self->workspace != NULL && !writable);
}

static void
update_title (CwWindow *self)
{
  g_autoptr (CwOrganisation) organisation
    = self->workspace ? cw_workspace_get_organisation (self->workspace, NULL) : NULL;
  g_autofree char *file
    = self->workspace ? g_path_get_basename (cw_workspace_get_path (self->workspace)) : NULL;
  const char *name = organisation && *organisation->name ? organisation->name : _("Clausewise");
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, file ? file : "");
  g_autofree char *title = file ? g_strdup_printf ("%s — %s", name, file) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->organisation_label,
                       organisation && *organisation->name ? organisation->name : _("Audits"));
}

/* ---- Audits list -------------------------------------------------------- */

static void flush_pending_delete (CwWindow *self);

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

static void
ask_delete_audit (GtkButton *button, CwWindow *self);

static GtkWidget *
make_audit_row (CwWindow *self, CwAudit *audit)
{
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

  if (!cw_workspace_is_read_only (self->workspace)
      && cw_audit_can_delete (self->workspace, audit, NULL))
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
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  /* Only a hint that the row opens; the row's name says what it is. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

/* Progress and finding counts come after the rows are on screen: with
 * 100,000 findings counting them is the slowest part of the list, and the
 * window should not wait for it to appear. */
static gboolean
fill_progress (gpointer data)
{
  CwWindow *self = data;
  self->progress_idle = 0;
  guint rows = 0, nonconformities = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->audit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      CwAudit *audit = g_object_get_data (G_OBJECT (row), "audit");
      CwAuditProgress progress;
      if (audit == NULL
          || !cw_workspace_get_audit_progress (self->workspace, audit, &progress, NULL))
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
on_first_paint (GdkFrameClock *clock, CwWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_clear_handle_id (&self->progress_idle, g_source_remove);
  self->progress_idle = g_idle_add (fill_progress, self);
}

static void
on_first_map (CwWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, self);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (on_first_paint), self);
}

/* Counts come right after the rows; at start-up, after the first frame. */
static void
schedule_progress (CwWindow *self)
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
rebuild_audit_list (CwWindow *self)
{
  cw_list_box_remove_all (self->audit_list);
  if (self->workspace == NULL)
    return;

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (self->workspace, &error);
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

  /* A workspace without audits greets the user instead of showing a blank
   * list; the checklist, when open, stays open. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->audits_stack), "checklist") != 0)
    gtk_stack_set_visible_child_name (self->audits_stack, shown == 0 ? "welcome" : "list");
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->main_stack, "workspace");
}

void
cw_window_refresh (CwWindow *self)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  update_title (self);
  update_actions (self);
  rebuild_audit_list (self);
}

static void
on_audit_activated (CwWindow *self, GtkListBoxRow *row)
{
  gint64 id = cw_object_get_id (row, "audit-id");
  cw_window_show_audit (self, id, NULL);
}

void
cw_window_show_audit (CwWindow *self, gint64 audit_id, const char *place)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  g_autoptr (GError) error = NULL;
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (self));
  if (!cw_checklist_show (checklist, self->workspace, audit_id, place, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Audit"), error);
      return;
    }
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, "audits");
  gtk_stack_set_visible_child_name (self->audits_stack, "checklist");
}

static void
on_checklist_back (CwWindow *self)
{
  gtk_stack_set_visible_child_name (self->audits_stack, "list");
  rebuild_audit_list (self);
}

/* What is being typed goes to the workspace it was typed in, before the
 * window closes or shows another one. */
static void
save_typing (CwWindow *self)
{
  if (self->checklist != NULL)
    cw_checklist_save_now (self->checklist);
  if (self->actions_page != NULL)
    cw_actions_page_save_now (self->actions_page);
}

/* ---- Deleting with undo -------------------------------------------------- */

static void
flush_pending_delete (CwWindow *self)
{
  if (self->pending_delete == 0 || self->workspace == NULL)
    return;
  gint64 id = self->pending_delete;
  self->pending_delete = 0;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_delete_audit (self->workspace, id, &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Delete the Audit"), error);
  rebuild_audit_list (self);
}

static void
on_undo_toast_dismissed (AdwToast *toast, CwWindow *self)
{
  if (self->undo_toast == toast)
    {
      self->undo_toast = NULL;
      flush_pending_delete (self);
    }
}

static void
undo_delete (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  self->pending_delete = 0;
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->undo_toast);
      adw_toast_dismiss (toast);
    }
  rebuild_audit_list (self);
}

static void
delete_audit_later (CwWindow *self, gint64 id, const char *title)
{
  flush_pending_delete (self);
  self->pending_delete = id;
  rebuild_audit_list (self);
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), title);
  AdwToast *toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, CwWindow *self)
{
  if (g_str_equal (response, "delete"))
    delete_audit_later (self,
                        cw_object_get_id (dialog, "audit-id"),
                        g_object_get_data (G_OBJECT (dialog), "audit-title"));
}

static void
ask_delete_audit (GtkButton *button, CwWindow *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "audit-title");
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), title);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), heading,
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

/* ---- Search ------------------------------------------------------------- */

/* A search runs in a worker thread on its own read-only look at the file,
 * so that typing never waits for it; each keystroke cancels the search
 * before it, whose results are then dropped. */
static void
search_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *const *job = data; /* path, query */
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open_as_is (job[0], &error);
  g_autoptr (GPtrArray) hits
    = workspace != NULL && !g_cancellable_is_cancelled (cancellable)
        ? cw_workspace_search (workspace, job[1], 100, &error)
        : NULL;
  if (g_task_return_error_if_cancelled (task))
    return;
  if (hits == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&hits), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
make_search_row (CwSearchHit *hit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (hit->title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hit->markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  cw_object_set_id (row, "audit-id", hit->audit_id);
  cw_object_set_id (row, "kind", hit->kind);
  cw_object_set_id (row, "id", hit->id);
  g_object_set_data_full (G_OBJECT (row), "place", g_strdup (hit->place), g_free);
  return row;
}

static void
show_search_message (CwWindow *self, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->search_results, row);
}

static void
on_search_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* a newer search replaced it; the window may be gone */
  CwWindow *self = CW_WINDOW (data);
  cw_list_box_remove_all (self->search_results);
  if (hits == NULL)
    {
      show_search_message (self, _("The search failed"), error->message);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->search_results, make_search_row (g_ptr_array_index (hits, i)));
  if (hits->len == 0)
    show_search_message (self, _("No matches"),
                         _("Try fewer or shorter words; the last word matches as a prefix."));
}

static void
on_search_changed (CwWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (self->workspace == NULL || *query == '\0')
    {
      cw_list_box_remove_all (self->search_results);
      rebuild_audit_list (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "search");
  self->search_cancellable = g_cancellable_new ();
  /* The task holds the window until it reports, even when cancelled. */
  g_autoptr (GTask) task = g_task_new (NULL, self->search_cancellable, on_search_done, self);
  g_object_ref (self);
  g_signal_connect_swapped (task, "notify::completed", G_CALLBACK (g_object_unref), self);
  char **job = g_new0 (char *, 3);
  job[0] = g_strdup (cw_workspace_get_path (self->workspace));
  job[1] = g_strdup (query);
  g_task_set_task_data (task, job, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, search_in_thread);
}

static void
on_stop_search (CwWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  rebuild_audit_list (self);
}

/* A hit opens where it is: the audit at its question or clause, the
 * action in the register, the review. */
static void
on_search_result_activated (CwWindow *self, GtkListBoxRow *row)
{
  gint64 audit = cw_object_get_id (row, "audit-id");
  gint64 id = cw_object_get_id (row, "id");
  const char *place = g_object_get_data (G_OBJECT (row), "place");
  switch ((CwSearchKind) cw_object_get_id (row, "kind"))
    {
    case CW_SEARCH_ACTION:
      cw_window_show_action (self, id);
      break;
    case CW_SEARCH_REVIEW:
      cw_window_show_review (self, id);
      break;
    default:
      if (audit > 0)
        cw_window_show_audit (self, audit, place && *place ? place : NULL);
      break;
    }
}

static void
on_search_mode (CwWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      rebuild_audit_list (self);
    }
}

/* ---- Opening workspaces -------------------------------------------------- */

/* The name in the change history follows Preferences at once. */
static void
apply_auditor_name (CwWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  if (self->workspace == NULL || !CW_IS_APPLICATION (app))
    return;
  g_autofree char *actor = cw_application_dup_auditor_name (CW_APPLICATION (app));
  cw_workspace_set_actor (self->workspace, actor);
}

/* Opens the workspace at `path` in this window; with `create`, makes it first
 * when it is missing (the default workspace on first start).
 * A file that cannot be opened leaves the window as it was and says why. */
gboolean
cw_window_open_path (CwWindow *self, const char *path, gboolean create)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), FALSE);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = NULL;
  if (create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0700);
      workspace = cw_workspace_create (path, NULL, &error);
    }
  else
    workspace = cw_workspace_open (path, &error);
  if (workspace == NULL || !cw_workspace_claim (workspace, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Workspace"), error);
      return FALSE;
    }

  flush_pending_delete (self);
  save_typing (self);
  g_set_object (&self->workspace, workspace);
  apply_auditor_name (self);
  if (self->findings_page != NULL)
    cw_findings_page_set_workspace (self->findings_page, workspace);
  if (self->actions_page != NULL)
    cw_actions_page_set_workspace (self->actions_page, workspace);
  if (self->reviews_page != NULL)
    cw_reviews_page_set_workspace (self->reviews_page, workspace);
  if (self->programme_page != NULL)
    cw_programme_page_set_workspace (self->programme_page, workspace);
  cw_application_remember_workspace (CW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), path);
  gtk_stack_set_visible_child_name (self->audits_stack, "list");
  cw_window_refresh (self);
  return TRUE;
}

/* New Workspace: the core refuses a name that exists, so nothing is ever
 * opened in place of the new file the user asked for. */
static void
create_path (CwWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) created = cw_workspace_create (path, NULL, &error);
  if (created == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Create the Workspace"), error);
      return;
    }
  g_clear_object (&created);
  cw_window_open_path (self, path, FALSE);
}

static void
on_open_response (GtkNativeDialog *dialog, int response, CwWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog))
                        == GTK_FILE_CHOOSER_ACTION_SAVE;
      if (create && !g_str_has_suffix (path, CW_WORKSPACE_EXTENSION))
        {
          char *with_extension = g_strconcat (path, CW_WORKSPACE_EXTENSION, NULL);
          g_free (path);
          path = with_extension;
        }
      if (create)
        create_path (self, path);
      else
        cw_window_open_path (self, path, FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_workspace (CwWindow *self, gboolean create)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
    create ? _("New Workspace") : _("Open Workspace"), GTK_WINDOW (self),
    create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
    create ? _("_Create") : _("_Open"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Clausewise workspaces"));
  gtk_file_filter_add_pattern (filter, "*" CW_WORKSPACE_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                       _("Audit workspace.clausewise"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_workspace (CW_WINDOW (widget), FALSE);
}

static void
new_workspace_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_workspace (CW_WINDOW (widget), TRUE);
}

static void
open_recent_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_window_open_path (CW_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* The demo lives beside the default workspace and is made on first use. */
static void
open_demo_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autofree char *path
    = g_build_filename (g_get_user_data_dir (), "clausewise", "demo" CW_WORKSPACE_EXTENSION, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0700);
      g_autoptr (GError) error = NULL;
      g_autoptr (CwWorkspace) demo = cw_demo_create (path, &error);
      if (demo == NULL)
        {
          cw_show_error (GTK_WIDGET (self), _("Could Not Create the Demo Workspace"), error);
          return;
        }
    }
  cw_window_open_path (self, path, FALSE);
}

static void
on_audit_saved (CwAuditEditor *editor, gint64 audit_id, CwWindow *self)
{
  rebuild_audit_list (self);
  cw_window_show_audit (self, audit_id, NULL);
}

static void
new_audit_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  if (self->workspace == NULL)
    return;
  CwAuditEditor *editor = cw_audit_editor_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_audit_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Built on first use rather than by GtkApplicationWindow for every new
 * window: it is the largest widget tree of the app and most sessions never
 * open it. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr (GtkBuilder) builder
    = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

static void
organisation_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  if (self->workspace == NULL)
    return;
  CwOrganisationDialog *dialog = cw_organisation_dialog_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cw_window_refresh), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Recent workspaces -------------------------------------------------- */

static void
update_recent_menu (CwWindow *self)
{
  g_menu_remove_all (self->recent_menu);
  g_auto (GStrv) recent = cw_application_dup_recent_workspaces (
    CW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *label = g_path_get_basename (recent[i]);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/* ---- Object ------------------------------------------------------------- */

static GSettings *
get_settings (CwWindow *self)
{
  return cw_application_get_settings (
    CW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
save_window_size (CwWindow *self)
{
  GSettings *settings = get_settings (self);
  if (settings == NULL)
    return;
  int width, height;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
restore_window_size (CwWindow *self)
{
  GSettings *settings = get_settings (self);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
cw_window_close_request (GtkWindow *window)
{
  CwWindow *self = CW_WINDOW (window);
  save_window_size (self);
  /* Closing while Undo is still offered means the user let it go. */
  flush_pending_delete (self);
  save_typing (self);
  return GTK_WINDOW_CLASS (cw_window_parent_class)->close_request (window);
}

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->progress_idle, g_source_remove);
  g_clear_handle_id (&self->switchers_idle, g_source_remove);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);
  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cw_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, audits_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, audit_list);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, workspace_summary);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, findings_holder);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, actions_holder);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, reviews_holder);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, programme_holder);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_result_activated);

  gtk_widget_class_install_action (widget_class, "win.new-audit", NULL, new_audit_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.organisation", NULL, organisation_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-audit", "x", show_audit_action);
  gtk_widget_class_install_action (widget_class, "win.show-finding", "x", show_finding_action);
  gtk_widget_class_install_action (widget_class, "win.show-action", "x", show_action_action);
  cw_report_ui_install_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-audit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "audits");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "findings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "actions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "reviews");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "programme");
}

/* The page switchers build a button a page for each of their three places;
 * they are given the pages after the first frame, which they do not delay. */
static gboolean
bind_switchers (gpointer data)
{
  CwWindow *self = data;
  self->switchers_idle = 0;
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  return G_SOURCE_REMOVE;
}

/* The primary menu's popover is built when first opened, not with the
 * window: it is a start-up cost most sessions never need at once. */
static void
create_primary_popover (GtkMenuButton *button, gpointer data)
{
  CwWindow *self = data;
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
cw_window_init (CwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_popover, self, NULL);
  self->switchers_idle = g_idle_add_full (G_PRIORITY_LOW, bind_switchers, self, NULL);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  update_actions (self);
}

CwWindow *
cw_window_new (CwApplication *app)
{
  CwWindow *self = g_object_new (CW_TYPE_WINDOW, "application", app, NULL);
  restore_window_size (self);
  update_recent_menu (self);
  g_signal_connect_object (cw_application_get_settings (app), "changed::auditor-name",
                           G_CALLBACK (apply_auditor_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "recent-changed", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  return self;
}
