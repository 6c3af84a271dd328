/* cw-reviews-page.c: the list of reviews, and a review as minutes: each
 * input with the figures the core filled in and the notes people add (saved
 * as they are typed), the decisions, and Approve, after which the minutes
 * are read-only. */
#define G_LOG_DOMAIN "cw-reviews-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-report-ui.h"
#include "cw-review.h"
#include "cw-text.h"
#include "cw-reviews-page.h"
#include "cw-window.h"
#include "cw-widgets.h"

#define NOTES_SAVE_DELAY_MS 700

struct _CwReviewsPage
{
  GtkWidget parent_instance;
  CwWorkspace *workspace;
  CwReview *review;
  GPtrArray *note_views; /* GtkTextView, one an input */
  guint save_timeout;

  AdwLeaflet *leaflet;
  GtkWidget *list_side;
  GtkListBox *review_list;
  GtkStack *detail_stack;
  GtkLabel *heading;
  GtkLabel *meta_label;
  GtkWidget *approve_button;
  GtkBox *inputs_box;
  GtkListBox *decision_list;
};

G_DEFINE_FINAL_TYPE (CwReviewsPage, cw_reviews_page, GTK_TYPE_WIDGET)

static void show_review (CwReviewsPage *self, gint64 id);

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

/* ---- Notes --------------------------------------------------------------- */

/* Saves every input's notes that differ from what is stored. */
static void
save_notes (CwReviewsPage *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->review == NULL || !cw_review_can_edit (self->review, NULL))
    return;
  gint64 id = cw_review_get_id (self->review);
  gboolean saved = FALSE;
  for (guint i = 0; i < self->note_views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (self->note_views, i);
      const char *input = g_object_get_data (G_OBJECT (view), "input");
      const CwReviewEntry *entry = cw_review_lookup_entry (self->review, input);
      g_autofree char *notes = cw_text_view_dup_text (view);
      if (entry == NULL || g_strcmp0 (entry->notes, notes) == 0)
        continue;
      g_autoptr (GError) error = NULL;
      if (!cw_workspace_note_review (self->workspace, id, input, notes, &error))
        {
          cw_window_show_error (GTK_WIDGET (self), _("Could Not Save the Notes"), error);
          return;
        }
      saved = TRUE;
    }
  if (saved)
    {
      g_autoptr (CwReview) fresh = cw_workspace_get_review (self->workspace, id, NULL);
      if (fresh != NULL)
        g_set_object (&self->review, fresh);
    }
}

static gboolean
save_later (gpointer data)
{
  CwReviewsPage *self = data;
  self->save_timeout = 0;
  save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (CwReviewsPage *self)
{
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, save_later, self);
}

/* ---- The review ---------------------------------------------------------- */

static GtkWidget *
make_input (CwReviewsPage *self, const CwReviewEntry *entry, gboolean editable)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), entry->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), entry->hint);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (*entry->figures)
    {
      GtkWidget *figures = gtk_label_new (entry->figures);
      gtk_label_set_xalign (GTK_LABEL (figures), 0);
      gtk_label_set_wrap (GTK_LABEL (figures), TRUE);
      gtk_label_set_selectable (GTK_LABEL (figures), TRUE);
      gtk_widget_add_css_class (figures, "review-figures");
      gtk_box_append (GTK_BOX (box), figures);
    }
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_widget_set_size_request (view, -1, 64);
  g_object_set (view, "top-margin", 8, "bottom-margin", 8, "left-margin", 8, "right-margin", 8,
                NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), entry->notes, -1);
  g_autofree char *label = g_strdup_printf (_("Notes on %s"), entry->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (view), "input", g_strdup (entry->input), g_free);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_notes_changed), self);
  g_ptr_array_add (self->note_views, view);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static void
fill_decisions (CwReviewsPage *self)
{
  cw_list_box_remove_all (self->decision_list);
  CwActionFilter filter = { .review_id = cw_review_get_id (self->review) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (self->workspace, &filter, &error);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (cw_action_get_title (action), -1);
      const char *due = cw_action_get_due (action);
      g_autofree char *subtitle = g_markup_printf_escaped (
        _("Action %" PRId64 " · %s · %s · due %s"), cw_action_get_id (action),
        cw_action_status_label (cw_action_get_status (action)), cw_action_get_owner (action),
        due ? due : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->decision_list, row);
    }
  if (actions != NULL && actions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No decisions recorded"));
      gtk_list_box_append (self->decision_list, row);
    }
}

static void
fill_review (CwReviewsPage *self)
{
  CwReview *review = self->review;
  g_autofree char *heading = g_strdup_printf (_("Management review of %s"),
                                              cw_review_get_held_on (review));
  gtk_label_set_label (self->heading, heading);
  const char *start = cw_review_get_period_start (review);
  g_auto (GStrv) names = g_strsplit (cw_review_get_attendees (review), "\n", -1);
  g_autofree char *attendees = g_strjoinv (", ", names);
  g_autofree char *period = start ? g_strdup_printf (_("from %s to %s"), start,
                                                     cw_review_get_period_end (review))
                                  : g_strdup_printf (_("up to %s"), cw_review_get_period_end (review));
  g_autofree char *meta = g_strdup_printf (
    _("%s · chaired by %s · attendees: %s · period %s · figures as of %s"),
    cw_review_status_label (cw_review_get_status (review)),
    *cw_review_get_chair (review) ? cw_review_get_chair (review) : _("nobody yet"),
    *attendees ? attendees : "—", period,
    cw_review_get_figures_as_of (review) ? cw_review_get_figures_as_of (review) : "—");
  gtk_label_set_label (self->meta_label, meta);

  gboolean editable = cw_review_can_edit (review, NULL) && !cw_workspace_is_read_only (self->workspace);
  g_autoptr (GError) why = NULL;
  gboolean approvable = editable && cw_review_can_approve (review, &why);
  gtk_widget_set_visible (self->approve_button, editable);
  gtk_widget_set_sensitive (self->approve_button, approvable);
  gtk_widget_set_tooltip_text (self->approve_button, why ? why->message : _("Approve the minutes; they become read-only"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.decide", editable);

  g_ptr_array_set_size (self->note_views, 0);
  clear_box (GTK_WIDGET (self->inputs_box));
  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    gtk_box_append (self->inputs_box, make_input (self, g_ptr_array_index (entries, i), editable));
  fill_decisions (self);
}

static void
show_review (CwReviewsPage *self, gint64 id)
{
  save_notes (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReview) review = cw_workspace_get_review (self->workspace, id, &error);
  if (review == NULL)
    {
      g_clear_object (&self->review);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  g_set_object (&self->review, review);
  fill_review (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "review");
}

static void
refresh_list (CwReviewsPage *self)
{
  cw_list_box_remove_all (self->review_list);
  if (self->workspace == NULL)
    return;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (self->workspace, &error);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      CwReview *review = g_ptr_array_index (reviews, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Review of %s"), cw_review_get_held_on (review));
      g_autofree char *subtitle = g_markup_printf_escaped (
        "%s · %s", cw_review_status_label (cw_review_get_status (review)), cw_review_get_chair (review));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      cw_object_set_id (row, "review-id", cw_review_get_id (review));
      gtk_list_box_append (self->review_list, row);
    }
}

static void
on_review_activated (CwReviewsPage *self, GtkListBoxRow *row)
{
  show_review (self, cw_object_get_id (row, "review-id"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_show_list (CwReviewsPage *self)
{
  save_notes (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

/* ---- Dialogs ------------------------------------------------------------- */

static GtkWidget *
entry_row (GtkWidget *group, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static const char *
dialog_text (AdwMessageDialog *dialog, const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key)));
}

static AdwMessageDialog *
form_dialog (CwReviewsPage *self, const char *heading, const char *body, const char *accept,
             GtkWidget **group)
{
  GtkWidget *dialog
    = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  *group = adw_preferences_group_new ();
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), *group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept",
                                    accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_new_response (AdwMessageDialog *dialog, const char *response, CwReviewsPage *self)
{
  if (!g_str_equal (response, "accept"))
    return;
  g_autofree char *attendees = cw_text_commas_to_lines (dialog_text (dialog, "attendees"));
  CwReviewDraft draft = {
    .held_on = dialog_text (dialog, "date"),
    .chair = dialog_text (dialog, "chair"),
    .attendees = attendees,
  };
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_review (self->workspace, &draft, &today, &error);
  if (id == 0)
    {
      cw_window_show_error (GTK_WIDGET (self), _("Could Not Start the Review"), error);
      return;
    }
  refresh_list (self);
  cw_reviews_page_show_review (self, id);
}

static void
new_review (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->workspace == NULL || cw_workspace_is_read_only (self->workspace))
    return;
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *date = cw_date_to_string (&today);
  GtkWidget *group;
  AdwMessageDialog *dialog = form_dialog (
    self, _("New Management Review"),
    _("The inputs are filled in from the workspace: actions, nonconformities and audits since "
      "the last review."),
    _("_Start"), &group);
  g_object_set_data (G_OBJECT (dialog), "date", entry_row (group, _("Date (YYYY-MM-DD)"), date));
  g_object_set_data (G_OBJECT (dialog), "chair", entry_row (group, _("Chair"), NULL));
  g_object_set_data (G_OBJECT (dialog), "attendees",
                     entry_row (group, _("Attendees, separated by commas"), NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_decide_response (AdwMessageDialog *dialog, const char *response, CwReviewsPage *self)
{
  if (!g_str_equal (response, "accept") || self->review == NULL)
    return;
  CwReviewDecision decision = {
    .text = dialog_text (dialog, "text"),
    .owner = dialog_text (dialog, "owner"),
    .due = dialog_text (dialog, "due"),
  };
  g_autoptr (GError) error = NULL;
  if (cw_workspace_decide (self->workspace, cw_review_get_id (self->review), &decision, &error) == 0)
    cw_window_show_error (GTK_WIDGET (self), _("Could Not Record the Decision"), error);
  show_review (self, cw_review_get_id (self->review));
}

static void
decide (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  save_notes (self);
  GtkWidget *group;
  AdwMessageDialog *dialog = form_dialog (
    self, _("Add Decision"), _("The decision becomes an action in the register."), _("_Add"),
    &group);
  g_object_set_data (G_OBJECT (dialog), "text", entry_row (group, _("Decision"), NULL));
  g_object_set_data (G_OBJECT (dialog), "owner", entry_row (group, _("Owner"), NULL));
  g_object_set_data (G_OBJECT (dialog), "due", entry_row (group, _("Due date (YYYY-MM-DD)"), NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_decide_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_approve_response (AdwMessageDialog *dialog, const char *response, CwReviewsPage *self)
{
  if (!g_str_equal (response, "accept") || self->review == NULL)
    return;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_approve_review (self->workspace, cw_review_get_id (self->review), &error))
    cw_window_show_error (GTK_WIDGET (self), _("Could Not Approve the Review"), error);
  refresh_list (self);
  show_review (self, cw_review_get_id (self->review));
}

static void
approve (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  save_notes (self);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), _("Approve the Minutes?"),
    _("Approved minutes can no longer be changed. Decisions stay tracked in the action register."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept",
                                    _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Reports ------------------------------------------------------------- */

static void
report_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  save_notes (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report
    = cw_report_new_review (self->workspace, cw_review_get_id (self->review), &error);
  if (report == NULL)
    {
      cw_window_show_error (GTK_WIDGET (self), _("Could Not Prepare the Minutes"), error);
      return;
    }
  if (g_str_equal (action, "reviews.print"))
    cw_report_ui_print (widget, report);
  else
    {
      g_autofree char *name = g_strdup_printf (_("Management review %s.pdf"),
                                               cw_review_get_held_on (self->review));
      cw_report_ui_export (widget, report, name);
    }
}

/* ---- Public -------------------------------------------------------------- */

void
cw_reviews_page_set_workspace (CwReviewsPage *self, CwWorkspace *workspace)
{
  g_return_if_fail (CW_IS_REVIEWS_PAGE (self));
  save_notes (self);
  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.new",
                                 workspace != NULL && !cw_workspace_is_read_only (workspace));
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  refresh_list (self);
}

void
cw_reviews_page_show_review (CwReviewsPage *self, gint64 review_id)
{
  g_return_if_fail (CW_IS_REVIEWS_PAGE (self));
  show_review (self, review_id);
  if (self->review != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
cw_reviews_page_get_review_id (CwReviewsPage *self)
{
  g_return_val_if_fail (CW_IS_REVIEWS_PAGE (self), 0);
  return self->review ? cw_review_get_id (self->review) : 0;
}

static void
cw_reviews_page_dispose (GObject *object)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (object);
  if (self->workspace != NULL)
    save_notes (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REVIEWS_PAGE);
  g_clear_pointer (&self->note_views, g_ptr_array_unref);
  g_clear_object (&self->review);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (cw_reviews_page_parent_class)->dispose (object);
}

static void
cw_reviews_page_class_init (CwReviewsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_reviews_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, heading);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, inputs_box);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, decision_list);
  gtk_widget_class_bind_template_callback (widget_class, on_review_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_list);
  gtk_widget_class_install_action (widget_class, "reviews.new", NULL, new_review);
  gtk_widget_class_install_action (widget_class, "reviews.decide", NULL, decide);
  gtk_widget_class_install_action (widget_class, "reviews.approve", NULL, approve);
  gtk_widget_class_install_action (widget_class, "reviews.export", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "reviews.print", NULL, report_action);
}

static void
cw_reviews_page_init (CwReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->note_views = g_ptr_array_new ();
}
