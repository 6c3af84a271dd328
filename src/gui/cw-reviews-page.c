/* cw-reviews-page.c: the list of reviews, and a review as minutes: the
 * attendees with their roles, each input with the figures the core filled in,
 * the notes people add and a "nothing to report" switch, the decisions by
 * kind, the conclusion and the next review's date, and Approve (in a named
 * person's name), after which the minutes are read-only. Every text field
 * saves through its own CwDraft, made for this review and this field. What
 * approval needs is the core's rule; the page shows the core's refusal. */
#define G_LOG_DOMAIN "cw-reviews-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-draft.h"
#include "cw-report-ui.h"
#include "cw-review.h"
#include "cw-text.h"
#include "cw-reviews-page.h"
#include "cw-widgets.h"

struct _CwReviewsPage
{
  CwPage parent_instance;
  CwReview *review;
  /* One draft per text field of the review shown; each is made for one
   * review and one field, so typed text lands nowhere else. */
  GPtrArray *drafts;
  gboolean filling;

  AdwLeaflet *leaflet;
  GtkWidget *list_side;
  GtkListBox *review_list;
  GtkStack *detail_stack;
  GtkLabel *heading;
  GtkLabel *meta_label;
  GtkWidget *approve_button;
  GtkWidget *attendees_group;
  GtkBox *attendees_box;
  GtkBox *inputs_box;
  GtkListBox *decision_list;
  GtkBox *conclusion_box;
};

G_DEFINE_FINAL_TYPE (CwReviewsPage, cw_reviews_page, CW_TYPE_PAGE)

/* What it shows: the reviews, and the actions and audits among their inputs. */
static const char *const watches[] = { "review", "action", "audit", NULL };

static void show_review (CwReviewsPage *self, gint64 id);

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

/* ---- Saving ------------------------------------------------------------- */

/* Draft keys: "notes:INPUT", "conclusion", "next-review",
 * "attendee-name:N", "attendee-role:N". */
static gboolean
save_field (CwWorkspace *workspace, gint64 review_id, const char *key, const char *text,
            GError **error)
{
  if (g_str_has_prefix (key, "notes:"))
    return cw_workspace_note_review (workspace, review_id, key + strlen ("notes:"), text, error);
  if (g_str_equal (key, "conclusion"))
    return cw_workspace_conclude_review (workspace, review_id, text, NULL, error);
  if (g_str_equal (key, "next-review"))
    return cw_workspace_conclude_review (workspace, review_id, NULL, text, error);

  gboolean name = g_str_has_prefix (key, "attendee-name:");
  guint position = strtoul (strchr (key, ':') + 1, NULL, 10);
  g_autoptr (CwReview) review = cw_workspace_get_review (workspace, review_id, error);
  if (review == NULL)
    return FALSE;
  GPtrArray *attendees = cw_review_get_attendee_list (review);
  for (guint i = 0; i < attendees->len; i++)
    {
      CwReviewAttendee *a = g_ptr_array_index (attendees, i);
      if (a->position != position)
        continue;
      CwReviewAttendeeDraft changed = { name ? text : a->name, name ? a->role : text,
                                        a->top_management };
      return cw_workspace_update_review_attendee (workspace, review_id, position, &changed,
                                                  error);
    }
  return cw_workspace_update_review_attendee (workspace, review_id, position,
                                              &(CwReviewAttendeeDraft) { text, NULL, FALSE },
                                              error);
}

static void
flush_drafts (CwReviewsPage *self)
{
  for (guint i = 0; self->drafts != NULL && i < self->drafts->len; i++)
    cw_draft_flush (g_ptr_array_index (self->drafts, i));
}

/* What the page knows of the review follows what was saved, without
 * rebuilding the fields being typed into. */
static void
reload_review (CwReviewsPage *self)
{
  if (self->review == NULL)
    return;
  g_autoptr (CwReview) fresh
    = cw_workspace_get_review (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review), NULL);
  if (fresh != NULL)
    g_set_object (&self->review, fresh);
}

static void
on_draft_failed (CwReviewsPage *self, const GError *error)
{
  cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
}

static CwDraft *
add_draft (CwReviewsPage *self, const char *key, const char *loaded)
{
  CwDraft *draft = cw_draft_new (cw_page_get_workspace (CW_PAGE (self)),
                                 cw_review_get_id (self->review), key, loaded, save_field);
  g_signal_connect_object (draft, "saved", G_CALLBACK (reload_review), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "failed", G_CALLBACK (on_draft_failed), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->drafts, draft);
  return draft;
}

static void
on_buffer_changed (GtkTextBuffer *buffer, CwDraft *draft)
{
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_autofree char *text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cw_draft_set_text (draft, text);
}

static void
on_editable_changed (GtkEditable *editable, CwDraft *draft)
{
  cw_draft_set_text (draft, gtk_editable_get_text (editable));
}

static void
on_focus_leave (GtkEventControllerFocus *controller, CwDraft *draft)
{
  cw_draft_flush (draft);
}

/* Ties `widget` (a text view or an editable) to a new draft of `key`. */
static void
bind_draft (CwReviewsPage *self, GtkWidget *widget, const char *key, const char *loaded)
{
  CwDraft *draft = add_draft (self, key, loaded);
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      gtk_text_buffer_set_text (buffer, loaded ? loaded : "", -1);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), draft, 0);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (widget), loaded ? loaded : "");
      g_signal_connect_object (widget, "changed", G_CALLBACK (on_editable_changed), draft, 0);
    }
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), draft, 0);
  gtk_widget_add_controller (widget, focus);
}

static void
name_widget (GtkWidget *widget, const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static GtkWidget *
text_view (gboolean editable, const char *name)
{
  GtkWidget *view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_widget_set_size_request (view, -1, 64);
  g_object_set (view, "top-margin", 8, "bottom-margin", 8, "left-margin", 8, "right-margin", 8,
                NULL);
  name_widget (view, name);
  return view;
}

/* ---- Attendees ----------------------------------------------------------- */

static void
on_top_management (GtkSwitch *toggle, GParamSpec *pspec, CwReviewsPage *self)
{
  if (self->filling || self->review == NULL)
    return;
  flush_drafts (self);
  reload_review (self);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "position"));
  GPtrArray *attendees = cw_review_get_attendee_list (self->review);
  for (guint i = 0; i < attendees->len; i++)
    {
      CwReviewAttendee *a = g_ptr_array_index (attendees, i);
      if (a->position != position)
        continue;
      CwReviewAttendeeDraft changed = { a->name, a->role, gtk_switch_get_active (toggle) };
      g_autoptr (GError) error = NULL;
      if (!cw_workspace_update_review_attendee (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review),
                                                position, &changed, &error))
        cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
      reload_review (self);
      return;
    }
}

static void
on_remove_attendee (GtkButton *button, CwReviewsPage *self)
{
  if (self->review == NULL)
    return;
  flush_drafts (self);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_remove_review_attendee (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review),
                                            position, &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
  show_review (self, cw_review_get_id (self->review));
}

static GtkWidget *
make_attendee (CwReviewsPage *self, const CwReviewAttendee *attendee, gboolean editable)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name_key = g_strdup_printf ("attendee-name:%u", attendee->position);
  g_autofree char *role_key = g_strdup_printf ("attendee-role:%u", attendee->position);
  g_autofree char *name_label = g_strdup_printf (_("Name of attendee %u"), attendee->position);
  g_autofree char *role_label = g_strdup_printf (_("Role of %s"), attendee->name);
  g_autofree char *top_label = g_strdup_printf (_("%s is top management"), attendee->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), attendee->name);

  GtkWidget *name = gtk_entry_new ();
  gtk_widget_set_hexpand (name, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (name), editable);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  name_widget (name, name_label);
  bind_draft (self, name, name_key, attendee->name);
  gtk_box_append (GTK_BOX (box), name);

  GtkWidget *role = gtk_entry_new ();
  gtk_widget_set_hexpand (role, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (role), editable);
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role"));
  name_widget (role, role_label);
  bind_draft (self, role, role_key, attendee->role);
  gtk_box_append (GTK_BOX (box), role);

  GtkWidget *label = gtk_label_new (_("Top management"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  GtkWidget *top = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (top), attendee->top_management);
  gtk_widget_set_valign (top, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (top, editable);
  name_widget (top, top_label);
  g_object_set_data (G_OBJECT (top), "position", GUINT_TO_POINTER (attendee->position));
  g_signal_connect_object (top, "notify::active", G_CALLBACK (on_top_management), self, 0);
  gtk_box_append (GTK_BOX (box), top);

  if (editable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      name_widget (remove, remove_label);
      g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (attendee->position));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_attendee), self, 0);
      gtk_box_append (GTK_BOX (box), remove);
    }
  return box;
}

static void
add_attendee (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  flush_drafts (self);
  /* A new attendee starts with a placeholder name to type over: an
   * attendee without a name is not kept. */
  CwReviewAttendeeDraft attendee = { _("New attendee"), "", FALSE };
  g_autoptr (GError) error = NULL;
  if (cw_workspace_add_review_attendee (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review),
                                        &attendee, &error)
      == 0)
    cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
  show_review (self, cw_review_get_id (self->review));
}

/* ---- Inputs -------------------------------------------------------------- */

static void
on_nothing_to_report (GtkSwitch *toggle, GParamSpec *pspec, CwReviewsPage *self)
{
  if (self->filling || self->review == NULL)
    return;
  flush_drafts (self);
  const char *input = g_object_get_data (G_OBJECT (toggle), "input");
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_set_nothing_to_report (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review),
                                           input, gtk_switch_get_active (toggle), &error))
    {
      self->filling = TRUE;
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      self->filling = FALSE;
      cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
    }
  reload_review (self);
}

static GtkWidget *
make_input (CwReviewsPage *self, const CwReviewEntry *entry, gboolean editable)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), entry->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), entry->hint);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *figures
    = gtk_label_new (*entry->figures        ? entry->figures
                     : entry->prefill == NULL ? _("Clausewise keeps no records for this input.")
                                              : _("The workspace holds no figures for this input."));
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_label_set_wrap (GTK_LABEL (figures), TRUE);
  gtk_label_set_selectable (GTK_LABEL (figures), TRUE);
  gtk_widget_add_css_class (figures, *entry->figures ? "review-figures" : "dim-label");
  gtk_box_append (GTK_BOX (box), figures);

  GtkWidget *frame = gtk_frame_new (NULL);
  g_autofree char *label = g_strdup_printf (_("Notes on %s"), entry->title);
  GtkWidget *view = text_view (editable, label);
  g_autofree char *key = g_strconcat ("notes:", entry->input, NULL);
  bind_draft (self, view, key, entry->notes);
  g_object_set_data_full (G_OBJECT (view), "input", g_strdup (entry->input), g_free);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (_("Nothing to report"));
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (row), caption);
  GtkWidget *toggle = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (toggle), entry->nothing_to_report);
  gtk_widget_set_sensitive (toggle, editable);
  g_autofree char *toggle_label = g_strdup_printf (_("Nothing to report on %s"), entry->title);
  name_widget (toggle, toggle_label);
  g_object_set_data_full (G_OBJECT (toggle), "input", g_strdup (entry->input), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_nothing_to_report), self, 0);
  gtk_box_append (GTK_BOX (row), toggle);
  gtk_box_append (GTK_BOX (box), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

/* ---- Decisions and conclusion -------------------------------------------- */

static void
fill_decisions (CwReviewsPage *self)
{
  cw_list_box_remove_all (self->decision_list);
  CwActionFilter filter = { .review_id = cw_review_get_id (self->review) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (cw_page_get_workspace (CW_PAGE (self)), &filter, &error);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (cw_action_get_title (action), -1);
      const char *due = cw_action_get_due (action);
      CwReviewOutputKind kind
        = cw_review_get_output_kind (self->review, cw_action_get_id (action));
      g_autofree char *subtitle = g_markup_printf_escaped (
        _("%s · Action %" PRId64 " · %s · %s · due %s"), cw_review_output_kind_label (kind),
        cw_action_get_id (action), cw_action_status_label (cw_action_get_status (action)),
        cw_action_get_owner (action), due ? due : "—");
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
fill_conclusion (CwReviewsPage *self, gboolean editable)
{
  clear_box (GTK_WIDGET (self->conclusion_box));
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Conclusion"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _("Is the SMS still suitable, adequate and effective? Say so, and when the next review "
      "is held."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = text_view (editable, _("Conclusion on the SMS"));
  bind_draft (self, view, "conclusion", cw_review_get_conclusion (self->review));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (_("Next review (YYYY-MM-DD)"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (row), caption);
  GtkWidget *next = gtk_entry_new ();
  gtk_widget_set_hexpand (next, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (next), editable);
  name_widget (next, _("Date of the next review"));
  bind_draft (self, next, "next-review", cw_review_get_next_review (self->review));
  gtk_box_append (GTK_BOX (row), next);
  gtk_box_append (GTK_BOX (box), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (self->conclusion_box, group);
}

/* ---- The review ---------------------------------------------------------- */

static void
drop_drafts (CwReviewsPage *self)
{
  flush_drafts (self);
  g_ptr_array_set_size (self->drafts, 0);
}

static void
fill_review (CwReviewsPage *self)
{
  CwReview *review = self->review;
  self->filling = TRUE;
  g_autofree char *heading = g_strdup_printf (_("Management review of %s"),
                                              cw_review_get_held_on (review));
  gtk_label_set_label (self->heading, heading);
  const char *start = cw_review_get_period_start (review);
  g_autofree char *period = start ? g_strdup_printf (_("from %s to %s"), start,
                                                     cw_review_get_period_end (review))
                                  : g_strdup_printf (_("up to %s"), cw_review_get_period_end (review));
  const char *approved_by = cw_review_get_approved_by (review);
  g_autofree char *approval
    = approved_by ? g_strdup_printf (_(" · approved by %s on %s"), approved_by,
                                     cw_review_get_approved_at (review))
                  : g_strdup ("");
  g_autofree char *meta = g_strdup_printf (
    _("%s · chaired by %s · period %s · figures as of %s%s"),
    cw_review_status_label (cw_review_get_status (review)),
    *cw_review_get_chair (review) ? cw_review_get_chair (review) : _("nobody yet"), period,
    cw_review_get_figures_as_of (review) ? cw_review_get_figures_as_of (review) : "—",
    approval);
  gtk_label_set_label (self->meta_label, meta);

  gboolean editable = cw_review_can_edit (review, NULL) && !cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self)));
  /* Approve stays available: what is missing is the core's refusal to say. */
  gtk_widget_set_visible (self->approve_button, editable);
  gtk_widget_set_tooltip_text (self->approve_button,
                               _("Approve the minutes; they become read-only"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.decide", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.add-attendee", editable);

  drop_drafts (self);
  /* The fields are rebuilt: a focus left on one of them would point into
   * freed widgets (the scrolled view keeps following it). */
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_stack)))
    gtk_root_set_focus (root, NULL);
  clear_box (GTK_WIDGET (self->attendees_box));
  GPtrArray *attendees = cw_review_get_attendee_list (review);
  for (guint i = 0; i < attendees->len; i++)
    gtk_box_append (self->attendees_box,
                    make_attendee (self, g_ptr_array_index (attendees, i), editable));
  if (attendees->len == 0)
    {
      const char *names = cw_review_get_attendees (review);
      GtkWidget *none = gtk_label_new (
        names && *names ? names : _("No attendees recorded yet."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->attendees_box, none);
    }

  clear_box (GTK_WIDGET (self->inputs_box));
  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    gtk_box_append (self->inputs_box, make_input (self, g_ptr_array_index (entries, i), editable));
  fill_decisions (self);
  fill_conclusion (self, editable);
  self->filling = FALSE;
}

static void
show_review (CwReviewsPage *self, gint64 id)
{
  drop_drafts (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReview) review = cw_workspace_get_review (cw_page_get_workspace (CW_PAGE (self)), id, &error);
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
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL)
    return;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (cw_page_get_workspace (CW_PAGE (self)), &error);
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
  flush_drafts (self);
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
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"), "accept",
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
  CwReviewDraft draft = {
    .held_on = dialog_text (dialog, "date"),
    .chair = dialog_text (dialog, "chair"),
  };
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_review (cw_page_get_workspace (CW_PAGE (self)), &draft, &today, &error);
  if (id == 0)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Start the Review"), error);
      return;
    }
  /* The chair attends, from top management; the role can be edited. */
  if (!cw_text_is_blank (draft.chair))
    {
      CwReviewAttendeeDraft chair = { draft.chair, _("Chair"), TRUE };
      if (cw_workspace_add_review_attendee (cw_page_get_workspace (CW_PAGE (self)), id, &chair, &error) == 0)
        cw_show_error (GTK_WIDGET (self), _("Could Not Save the Review"), error);
    }
  refresh_list (self);
  cw_reviews_page_show_review (self, id);
}

static void
new_review (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL || cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self))))
    return;
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *date = cw_date_to_string (&today);
  GtkWidget *group;
  AdwMessageDialog *dialog = form_dialog (
    self, _("New Management Review"),
    _("The inputs are filled in from the workspace: actions, nonconformities and audits since "
      "the last review."),
    _("Start"), &group);
  g_object_set_data (G_OBJECT (dialog), "date", entry_row (group, _("Date (YYYY-MM-DD)"), date));
  g_object_set_data (G_OBJECT (dialog), "chair",
                     entry_row (group, _("Chair, from top management"), NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_decide_response (AdwMessageDialog *dialog, const char *response, CwReviewsPage *self)
{
  if (!g_str_equal (response, "accept") || self->review == NULL)
    return;
  GtkDropDown *kinds = g_object_get_data (G_OBJECT (dialog), "kind");
  CwReviewDecision decision = {
    .text = dialog_text (dialog, "text"),
    .owner = dialog_text (dialog, "owner"),
    .due = dialog_text (dialog, "due"),
    .kind = CW_REVIEW_OUTPUT_IMPROVEMENT + gtk_drop_down_get_selected (kinds),
  };
  g_autoptr (GError) error = NULL;
  if (cw_workspace_decide (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review), &decision, &error) == 0)
    cw_show_error (GTK_WIDGET (self), _("Could Not Record the Decision"), error);
  show_review (self, cw_review_get_id (self->review));
}

static void
decide (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  flush_drafts (self);
  GtkWidget *group;
  AdwMessageDialog *dialog = form_dialog (
    self, _("Add Decision"), _("The decision becomes an action in the register."), _("Add"),
    &group);
  const char *kind_labels[CW_REVIEW_OUTPUT_RESOURCES + 1] = { NULL };
  for (int k = CW_REVIEW_OUTPUT_IMPROVEMENT; k <= CW_REVIEW_OUTPUT_RESOURCES; k++)
    kind_labels[k - CW_REVIEW_OUTPUT_IMPROVEMENT] = cw_review_output_kind_label (k);
  GtkWidget *kinds = gtk_drop_down_new_from_strings (kind_labels);
  gtk_widget_set_valign (kinds, GTK_ALIGN_CENTER);
  name_widget (kinds, _("Kind of decision"));
  GtkWidget *kind_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), kinds);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind_row);
  g_object_set_data (G_OBJECT (dialog), "kind", kinds);
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
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_approve_review (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review),
                                    dialog_text (dialog, "by"), &today, &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Approve the Review"), error);
  refresh_list (self);
  show_review (self, cw_review_get_id (self->review));
}

static void
approve (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (widget);
  if (self->review == NULL)
    return;
  flush_drafts (self);
  GtkWidget *group;
  AdwMessageDialog *dialog = form_dialog (
    self, _("Approve the Minutes?"),
    _("Approved minutes can no longer be changed, and their figures stay as they were on the "
      "day of the meeting. Decisions stay tracked in the action register."),
    _("Approve"), &group);
  /* Approval is in a person's name, asked for every time: never the login. */
  g_object_set_data (G_OBJECT (dialog), "by",
                     entry_row (group, _("Approved by"), cw_review_get_chair (self->review)));
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
  flush_drafts (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report
    = cw_report_new_review (cw_page_get_workspace (CW_PAGE (self)), cw_review_get_id (self->review), &error);
  if (report == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Prepare the Minutes"), error);
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

static void
load (CwPage *page)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (page);
  CwWorkspace *workspace = cw_page_get_workspace (page);
  drop_drafts (self);
  g_clear_object (&self->review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.new",
                                 workspace != NULL && !cw_workspace_is_read_only (workspace));
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  refresh_list (self);
}

/* The list and the open review, both read again. */
static void
refresh (CwPage *page)
{
  CwReviewsPage *self = CW_REVIEWS_PAGE (page);
  refresh_list (self);
  if (self->review != NULL)
    show_review (self, cw_review_get_id (self->review));
}

static void
save (CwPage *page)
{
  flush_drafts (CW_REVIEWS_PAGE (page));
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
  if (cw_page_get_workspace (CW_PAGE (self)) != NULL)
    flush_drafts (self);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REVIEWS_PAGE);
  g_clear_object (&self->review);
  G_OBJECT_CLASS (cw_reviews_page_parent_class)->dispose (object);
}

static void
cw_reviews_page_class_init (CwReviewsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_reviews_page_dispose;
  page_class->watches = watches;
  page_class->load = load;
  page_class->refresh = refresh;
  page_class->save = save;
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
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, attendees_box);
  gtk_widget_class_bind_template_child (widget_class, CwReviewsPage, conclusion_box);
  gtk_widget_class_bind_template_callback (widget_class, on_review_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_list);
  gtk_widget_class_install_action (widget_class, "reviews.new", NULL, new_review);
  gtk_widget_class_install_action (widget_class, "reviews.decide", NULL, decide);
  gtk_widget_class_install_action (widget_class, "reviews.approve", NULL, approve);
  gtk_widget_class_install_action (widget_class, "reviews.add-attendee", NULL, add_attendee);
  gtk_widget_class_install_action (widget_class, "reviews.export", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "reviews.print", NULL, report_action);
}

static void
cw_reviews_page_init (CwReviewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->drafts = g_ptr_array_new_with_free_func (g_object_unref);
}
