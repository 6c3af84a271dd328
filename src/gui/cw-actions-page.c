/* cw-actions-page.c: the register on the left, filterable by status, owner
 * and overdue; the selected action on the right. The editor offers only the
 * moves the core allows now, and says in the core's words why the next step
 * of the workflow is not yet possible. Each field saves itself as it is
 * typed, into the action it was loaded from. Short fields are entry rows;
 * what people write at length is a multi-line text view that shows it all.
 * An improvement has no root cause, so its editor hides that group. */
#define G_LOG_DOMAIN "cw-actions-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-draft.h"
#include "cw-history.h"
#include "cw-actions-page.h"
#include "cw-finding.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

typedef enum
{
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_OWNER,
  FIELD_DUE,
  FIELD_CHECK_DUE,
  FIELD_CORRECTION,
  FIELD_CONSEQUENCES,
  FIELD_WHY,
  FIELD_SIMILAR,
  FIELD_PLAN,
  FIELD_VERIFICATION,
  FIELD_VERIFIED_BY,
  FIELD_JUSTIFICATION,
  N_FIELDS
} Field;

struct _CwActionsPage
{
  CwPage parent_instance;
  CwAction *action; /* the one in the editor */
  /* An AdwEntryRow or a GtkTextView each; FIELD_WHY is typed into whys. */
  GtkWidget *rows[N_FIELDS];
  GtkWidget *whys[CW_ACTION_MAX_WHYS];
  CwDraft *drafts[N_FIELDS];   /* of the action shown; NULL while loading one */
  GError *refusals[N_FIELDS];  /* why a field's text was refused */
  gboolean told[N_FIELDS];     /* the refusal has been shown in a dialog */
  AdwComboRow *cause_row;
  gboolean loading;
  guint list_idle; /* the register is read again once a save's callers are done */

  AdwLeaflet *leaflet;
  GtkWidget *list_side;
  GtkDropDown *status_filter;
  GtkToggleButton *overdue_toggle;
  GtkSearchEntry *owner_filter;
  GtkListBox *action_list;
  GtkStack *detail_stack;
  GtkLabel *heading;
  GtkLabel *status_label;
  GtkLabel *link_label;
  GtkWidget *open_finding;
  GtkFlowBox *moves_box;
  GtkLabel *why_label;
  AdwPreferencesGroup *action_group;
  AdwPreferencesGroup *cause_group;
  AdwPreferencesGroup *plan_group;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (CwActionsPage, cw_actions_page, CW_TYPE_PAGE)

/* What it shows: the actions and the findings they answer. */
static const char *const watches[] = { "action", "finding", NULL };

static void show_action (CwActionsPage *self, gint64 id);

/* ---- The register -------------------------------------------------------- */

static const char *
due_css_class (CwActionDueState state)
{
  return state == CW_ACTION_DUE_OVERDUE ? "result-major"
         : state == CW_ACTION_DUE_SOON  ? "result-minor"
                                        : NULL;
}

static GtkWidget *
make_action_row (CwAction *action, const GDate *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (cw_action_get_title (action), -1);
  const char *owner = cw_action_get_owner (action);
  const char *due = cw_action_get_due (action);
  const char *status = cw_action_status_label (cw_action_get_status (action));
  const char *who = *owner ? owner : _("no owner");
  /* TRANSLATORS: an action's status, its owner and its due date. */
  g_autofree char *subtitle = due ? g_markup_printf_escaped (_("%s · %s · due %s"), status, who, due)
                                  : g_markup_printf_escaped ("%s · %s", status, who);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  cw_object_set_id (row, "action-id", cw_action_get_id (action));

  CwActionDueState state = cw_action_get_due_state (action, today);
  CwActionOverdue late = cw_action_get_overdue (action, today);
  const char *css = due_css_class (state);
  if (css != NULL)
    {
      /* Overdue says which step is late: the work, or its check. */
      GtkWidget *badge = gtk_label_new (late != CW_ACTION_OVERDUE_NONE
                                          ? cw_action_overdue_label (late)
                                          : cw_action_due_state_label (state));
      gtk_widget_add_css_class (badge, "result-badge");
      gtk_widget_add_css_class (badge, css);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  return row;
}

/* The register as the filters narrow it. */
static void
fill_list (CwActionsPage *self)
{
  g_clear_handle_id (&self->list_idle, g_source_remove);
  cw_list_box_remove_all (self->action_list);
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL)
    return;

  GDate today;
  cw_date_local_today (&today);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  CwActionFilter filter = {
    .by_status = status > 0 && status != GTK_INVALID_LIST_POSITION,
    .status = (CwActionStatus) (status > 0 ? status - 1 : 0),
    .overdue_only = gtk_toggle_button_get_active (self->overdue_toggle),
    .today = &today,
    .owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_filter)),
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (cw_page_get_workspace (CW_PAGE (self)), &filter, &error);
  if (actions == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Read the Actions"), error);
      return;
    }
  for (guint i = 0; i < actions->len; i++)
    gtk_list_box_append (self->action_list,
                         make_action_row (g_ptr_array_index (actions, i), &today));
}

/* After an edit: the list and the open action, both read again. */
static void
refresh (CwPage *page)
{
  CwActionsPage *self = CW_ACTIONS_PAGE (page);
  fill_list (self);
  if (cw_page_get_workspace (CW_PAGE (self)) != NULL && self->action != NULL)
    show_action (self, cw_action_get_id (self->action));
}

/* A filter narrows the list only; the open action stays as it is. */
static void
on_filter_changed (CwActionsPage *self)
{
  fill_list (self);
}

static void
on_action_activated (CwActionsPage *self, GtkListBoxRow *row)
{
  show_action (self, cw_object_get_id (row, "action-id"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_show_list (CwActionsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

/* ---- The editor's text fields -------------------------------------------- */

/* Each field's text goes through a draft made for the action shown
 * (cw-draft.c), keyed by the field's name: saved after a pause in typing, on
 * Enter, when the row loses the focus, before another action is shown and
 * when the page goes away, and always into the action it was typed for. */
static const char *const field_keys[] = {
  [FIELD_TITLE] = "title",           [FIELD_DESCRIPTION] = "description",
  [FIELD_OWNER] = "owner",           [FIELD_DUE] = "due",
  [FIELD_CHECK_DUE] = "check_due",   [FIELD_CORRECTION] = "correction",
  [FIELD_CONSEQUENCES] = "consequences",
  [FIELD_WHY] = "root_cause",        [FIELD_SIMILAR] = "similar",
  [FIELD_PLAN] = "plan",             [FIELD_VERIFICATION] = "verification",
  [FIELD_VERIFIED_BY] = "verified_by",
  [FIELD_JUSTIFICATION] = "verifier_justification",
};

static Field
field_of_key (const char *key)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (g_str_equal (key, field_keys[field]))
      return field;
  g_return_val_if_reached (FIELD_TITLE);
}

static gboolean
save_field (CwWorkspace *workspace, gint64 action_id, const char *key, const char *text,
            GError **error)
{
  CwActionChanges changes = { 0 };
  const char **slots[] = {
    [FIELD_TITLE] = &changes.title,           [FIELD_DESCRIPTION] = &changes.description,
    [FIELD_OWNER] = &changes.owner,           [FIELD_DUE] = &changes.due,
    [FIELD_CHECK_DUE] = &changes.check_due,   [FIELD_CORRECTION] = &changes.correction,
    [FIELD_WHY] = &changes.root_cause,        [FIELD_SIMILAR] = &changes.similar,
    [FIELD_PLAN] = &changes.plan,             [FIELD_VERIFICATION] = &changes.verification,
    [FIELD_CONSEQUENCES] = &changes.consequences,
    [FIELD_VERIFIED_BY] = &changes.verified_by,
    [FIELD_JUSTIFICATION] = &changes.verifier_justification,
  };
  *slots[field_of_key (key)] = text;
  return cw_workspace_update_action (workspace, action_id, &changes, error);
}

/* The rows a field is typed into: one, or the five whys of the root cause. */
static GtkWidget *const *
field_rows (CwActionsPage *self, Field field, guint *n)
{
  *n = field == FIELD_WHY ? CW_ACTION_MAX_WHYS : 1;
  return field == FIELD_WHY ? self->whys : &self->rows[field];
}

/* What an entry row or a text view holds. */
static char *
input_text (GtkWidget *input)
{
  if (!GTK_IS_TEXT_VIEW (input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
input_set_text (GtkWidget *input, const char *text)
{
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text ? text : "",
                              -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text ? text : "");
}

/* Each why is one line of the chain: a line break typed inside one would
 * make two whys of it, so it counts as a space. */
static char *
joined_whys (CwActionsPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  for (guint i = 0; i < CW_ACTION_MAX_WHYS; i++)
    {
      g_autofree char *why = input_text (self->whys[i]);
      g_strv_builder_add (builder, g_strdelimit (why, "\r\n", ' '));
    }
  g_auto (GStrv) lines = g_strv_builder_end (builder);
  return g_strjoinv ("\n", lines);
}

static char *
field_text (CwActionsPage *self, Field field)
{
  if (field == FIELD_WHY)
    return joined_whys (self);
  return input_text (self->rows[field]);
}

/* A refused field shows it on its rows, to sight and to screen readers,
 * until it is saved or the action is shown afresh. */
static void
mark_refused (CwActionsPage *self, Field field, const char *reason)
{
  guint n;
  GtkWidget *const *rows = field_rows (self, field, &n);
  for (guint i = 0; i < n; i++)
    {
      if (reason != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (rows[i]), reason);
      gtk_accessible_update_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                   reason ? GTK_ACCESSIBLE_INVALID_TRUE
                                          : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
clear_refusal (CwActionsPage *self, Field field)
{
  g_clear_error (&self->refusals[field]);
  self->told[field] = FALSE;
  mark_refused (self, field, NULL);
}

/* A save after a pause is refused quietly: the user may be half-way through
 * a date. The reason is told once they press Enter or move on. */
static void
on_field_failed (CwDraft *draft, GError *error, CwActionsPage *self)
{
  Field field = field_of_key (cw_draft_get_key (draft));
  g_clear_error (&self->refusals[field]);
  self->refusals[field] = g_error_copy (error);
  self->told[field] = FALSE;
  mark_refused (self, field, error->message);
}

static void fill_summary (CwActionsPage *self);

static gboolean
refill_list (gpointer data)
{
  CwActionsPage *self = data;
  self->list_idle = 0;
  fill_list (self);
  return G_SOURCE_REMOVE;
}

static void
on_field_saved (CwDraft *draft, CwActionsPage *self)
{
  clear_refusal (self, field_of_key (cw_draft_get_key (draft)));
  if (self->action == NULL || cw_draft_get_record_id (draft) != cw_action_get_id (self->action))
    return;
  /* Everything but the rows, one of which may be being typed into: the core
   * trims what it stores, and writing that back would move the cursor. */
  g_autoptr (CwAction) fresh
    = cw_workspace_get_action (cw_page_get_workspace (CW_PAGE (self)), cw_action_get_id (self->action), NULL);
  if (fresh != NULL)
    g_set_object (&self->action, fresh);
  /* Not now: a save can come from a row of the register being activated
   * (showing another action saves the one shown), and destroying that row
   * under its own activation left GtkListBox holding a freed row. */
  if (self->list_idle == 0)
    self->list_idle = g_idle_add (refill_list, self);
  fill_summary (self);
}

/* Saves a field now; a refusal is told in a dialog, once. */
static gboolean
commit_field (CwActionsPage *self, Field field)
{
  if (self->drafts[field] == NULL || cw_draft_flush (self->drafts[field]))
    return TRUE;
  if (self->refusals[field] != NULL && !self->told[field])
    {
      self->told[field] = TRUE;
      cw_show_error (GTK_WIDGET (self), _("Could Not Save the Action"),
                            self->refusals[field]);
    }
  return FALSE;
}

static gboolean
commit_fields (CwActionsPage *self)
{
  gboolean saved = TRUE;
  for (Field field = 0; field < N_FIELDS; field++)
    saved = commit_field (self, field) && saved;
  return saved;
}

/* Before another action is loaded: what was typed goes to its own action,
 * and nothing typed from now on can reach it. */
static void
drop_drafts (CwActionsPage *self)
{
  commit_fields (self);
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr (CwDraft) draft = g_steal_pointer (&self->drafts[field]);
      if (draft != NULL)
        g_signal_handlers_disconnect_by_data (draft, self);
      clear_refusal (self, field);
    }
}

static void
start_drafts (CwActionsPage *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_return_if_fail (self->drafts[field] == NULL);
      g_autofree char *loaded = field_text (self, field);
      self->drafts[field] = cw_draft_new (cw_page_get_workspace (CW_PAGE (self)), cw_action_get_id (self->action),
                                          field_keys[field], loaded, save_field);
      g_signal_connect (self->drafts[field], "saved", G_CALLBACK (on_field_saved), self);
      g_signal_connect (self->drafts[field], "failed", G_CALLBACK (on_field_failed), self);
    }
}

static Field
row_field (gpointer row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
}

/* `row` is an entry row, or the buffer of a text view. */
static void
on_row_changed (GObject *row, CwActionsPage *self)
{
  Field field = row_field (row);
  if (self->loading || self->drafts[field] == NULL)
    return;
  g_autofree char *text = field_text (self, field);
  cw_draft_set_text (self->drafts[field], text);
}

static void
on_row_activated (AdwEntryRow *row, CwActionsPage *self)
{
  commit_field (self, row_field (row));
}

/* The row loses the focus to another widget, or with the window when the
 * user turns to another program: both save, but only the first tells of a
 * refusal; the second may be a look at the calendar for the date. */
static void
on_row_left (GtkEventControllerFocus *focus, CwActionsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  Field field = row_field (row);
  GtkRoot *root = gtk_widget_get_root (row);
  if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
    commit_field (self, field);
  else if (self->drafts[field] != NULL)
    cw_draft_flush (self->drafts[field]);
}

/* ---- The editor ---------------------------------------------------------- */

static void
on_move_clicked (GtkButton *button, CwActionsPage *self)
{
  CwActionMove move = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "move"));
  /* The move checks what the fields hold: what was typed counts. */
  if (!commit_fields (self))
    return;
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_move_action (cw_page_get_workspace (CW_PAGE (self)), cw_action_get_id (self->action), move, &today,
                                 &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Move the Action"), error);
  refresh (CW_PAGE (self));
}

static void
set_row (GtkWidget *row, const char *text)
{
  input_set_text (row, text);
}

static void
fill_moves (CwActionsPage *self)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_box))) != NULL)
    gtk_flow_box_remove (self->moves_box, child);
  gboolean writable = !cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self)));
  CwActionMove next = cw_action_next_move (cw_action_get_status (self->action));
  g_autofree char *blocked = NULL;
  GDate today;
  cw_date_local_today (&today);
  for (CwActionMove move = 0; move < CW_ACTION_N_MOVES; move++)
    {
      g_autoptr (GError) error = NULL;
      if (!cw_action_can_move (self->action, move, &today, &error))
        {
          if (move == next && cw_action_get_status (self->action) != CW_ACTION_CLOSED)
            blocked = g_strdup (error->message);
          continue;
        }
      GtkWidget *button = gtk_button_new_with_label (cw_action_move_label (move));
      if (move == next)
        gtk_widget_add_css_class (button, "suggested-action");
      if (move == CW_ACTION_MOVE_NOT_EFFECTIVE)
        gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_sensitive (button, writable);
      g_object_set_data (G_OBJECT (button), "move", GINT_TO_POINTER (move));
      g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
      gtk_flow_box_append (self->moves_box, button);
    }
  gtk_label_set_label (self->why_label, blocked ? blocked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), blocked != NULL);
}

static void
fill_history (CwActionsPage *self)
{
  cw_list_box_remove_all (self->history_list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events
    = cw_workspace_list_action_history (cw_page_get_workspace (CW_PAGE (self)), cw_action_get_id (self->action), &error);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      CwHistoryEntry *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_printf_escaped (
        "%s: %s → %s", event->field, event->old_value ? event->old_value : "—",
        event->new_value ? event->new_value : "—");
      g_autofree char *byline = cw_history_entry_byline (event);
      g_autofree char *subtitle = g_markup_escape_text (byline, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->history_list, row);
    }
}

/* What the editor shows of the action besides its fields. */
static void
fill_summary (CwActionsPage *self)
{
  CwAction *action = self->action;
  g_autofree char *heading
    = g_strdup_printf (_("Action %" PRId64 ": %s"), cw_action_get_id (action),
                       cw_action_get_title (action));
  gtk_label_set_label (self->heading, heading);
  GDate today;
  cw_date_local_today (&today);
  CwActionDueState due = cw_action_get_due_state (action, &today);
  CwActionOverdue late = cw_action_get_overdue (action, &today);
  const char *due_text = late != CW_ACTION_OVERDUE_NONE ? cw_action_overdue_label (late)
                         : due != CW_ACTION_DUE_NONE    ? cw_action_due_state_label (due)
                                                        : NULL;
  GString *status = g_string_new (NULL);
  g_string_append_printf (status, "%s · %s · %s",
                          cw_action_kind_label (cw_action_get_kind (action)),
                          cw_action_status_label (cw_action_get_status (action)),
                          cw_action_source_label (cw_action_get_source (action)));
  if (due_text != NULL)
    g_string_append_printf (status, " · %s", due_text);
  /* The days of the steps taken so far. */
  const char *days[] = { cw_action_get_planned_on (action), cw_action_get_implemented_on (action),
                         cw_action_get_verified_on (action), cw_action_get_closed_on (action) };
  const char *day_labels[] = { _("planned"), _("implemented"), _("verified"), _("closed") };
  const char *sep = "\n";
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (days[i] != NULL)
      {
        /* Translators: a step of the workflow and the day it was taken */
        g_string_append_printf (status, _("%s%s %s"), sep, day_labels[i], days[i]);
        sep = ", ";
      }
  if (cw_action_get_verifier_is_owner (action))
    {
      g_string_append (status, "\n");
      g_string_append_printf (status, _("Verified by its owner: %s"),
                              *cw_action_get_verifier_justification (action)
                                ? cw_action_get_verifier_justification (action)
                                : _("no reason recorded yet"));
    }
  gtk_label_set_label (self->status_label, status->str);
  g_string_free (status, TRUE);

  gint64 finding_id = cw_action_get_finding_id (action);
  g_autoptr (CwFinding) finding
    = finding_id ? cw_workspace_get_finding (cw_page_get_workspace (CW_PAGE (self)), finding_id, NULL) : NULL;
  g_autofree char *link
    = finding ? g_strdup_printf (_("For finding %" PRId64 " (%s, %s) of audit %" PRId64),
                                 finding_id, cw_finding_get_clause (finding),
                                 cw_grade_label (cw_finding_get_grade (finding)),
                                 cw_finding_get_audit_id (finding))
              : g_strdup (_("Not linked to a finding"));
  gtk_label_set_label (self->link_label, link);
  gtk_widget_set_visible (self->open_finding, finding != NULL);
  fill_moves (self);
  fill_history (self);
}

static void
fill_editor (CwActionsPage *self)
{
  CwAction *action = self->action;
  self->loading = TRUE;
  set_row (self->rows[FIELD_TITLE], cw_action_get_title (action));
  set_row (self->rows[FIELD_DESCRIPTION], cw_action_get_description (action));
  set_row (self->rows[FIELD_OWNER], cw_action_get_owner (action));
  set_row (self->rows[FIELD_DUE], cw_action_get_due (action));
  set_row (self->rows[FIELD_CHECK_DUE], cw_action_get_check_due (action));
  set_row (self->rows[FIELD_CORRECTION], cw_action_get_correction (action));
  set_row (self->rows[FIELD_SIMILAR], cw_action_get_similar (action));
  set_row (self->rows[FIELD_PLAN], cw_action_get_plan (action));
  set_row (self->rows[FIELD_VERIFICATION], cw_action_get_verification (action));
  set_row (self->rows[FIELD_CONSEQUENCES], cw_action_get_consequences (action));
  set_row (self->rows[FIELD_VERIFIED_BY], cw_action_get_verified_by (action));
  set_row (self->rows[FIELD_JUSTIFICATION], cw_action_get_verifier_justification (action));
  g_auto (GStrv) whys = cw_action_dup_whys (action);
  for (guint i = 0; i < CW_ACTION_MAX_WHYS; i++)
    set_row (self->whys[i], whys && i < g_strv_length (whys) ? whys[i] : "");
  adw_combo_row_set_selected (self->cause_row, cw_action_get_cause_category (action));

  gboolean editable = cw_action_get_status (action) != CW_ACTION_CLOSED
                      && !cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cause_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_group), editable);
  /* An improvement is planned without a root cause or a correction. */
  gtk_widget_set_visible (GTK_WIDGET (self->cause_group),
                          cw_action_get_kind (action) == CW_ACTION_KIND_CORRECTIVE);
  self->loading = FALSE;
  start_drafts (self);
  fill_summary (self);
}

static void
show_action (CwActionsPage *self, gint64 id)
{
  drop_drafts (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwAction) action = cw_workspace_get_action (cw_page_get_workspace (CW_PAGE (self)), id, &error);
  if (action == NULL)
    {
      g_clear_object (&self->action);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  g_set_object (&self->action, action);
  fill_editor (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
}

static void
on_cause_changed (CwActionsPage *self)
{
  if (self->loading || self->action == NULL)
    return;
  /* What was typed is saved before the action is shown afresh; a refused
   * field does not hold the cause back. */
  commit_fields (self);
  CwCauseCategory category = adw_combo_row_get_selected (self->cause_row);
  CwActionChanges changes = { .cause_category = &category };
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_update_action (cw_page_get_workspace (CW_PAGE (self)), cw_action_get_id (self->action), &changes,
                                   &error))
    cw_show_error (GTK_WIDGET (self), _("Could Not Save the Action"), error);
  refresh (CW_PAGE (self));
}

/* What each control does, for sight and for screen readers: the title is
 * its one name, with no mnemonic and no tooltip repeating it. */
static void
watch_input (CwActionsPage *self, GtkWidget *input, GObject *source, Field field)
{
  g_object_set_data (G_OBJECT (input), "field", GINT_TO_POINTER (field));
  g_object_set_data (source, "field", GINT_TO_POINTER (field));
  g_signal_connect (source, "changed", G_CALLBACK (on_row_changed), self);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_row_left), self);
  gtk_widget_add_controller (input, focus);
}

static GtkWidget *
add_row (CwActionsPage *self, AdwPreferencesGroup *group, Field field, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  watch_input (self, row, G_OBJECT (row), field);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_row_activated), self);
  adw_preferences_group_add (group, row);
  return row;
}

/* A long text: its title above a framed text view that grows with what is
 * written, so the whole text is always in sight. Tab leaves it, as it leaves
 * an entry. */
static GtkWidget *
add_text (CwActionsPage *self, AdwPreferencesGroup *group, Field field, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  GtkWidget *label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  GtkWidget *view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  g_object_set_data_full (G_OBJECT (view), "title", g_strdup (title), g_free);
  GtkWidget *frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  watch_input (self, view, G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), field);
  adw_preferences_group_add (group, box);
  return view;
}

static void
build_editor (CwActionsPage *self)
{
  self->rows[FIELD_TITLE] = add_row (self, self->action_group, FIELD_TITLE, _("Title"));
  self->rows[FIELD_DESCRIPTION]
    = add_row (self, self->action_group, FIELD_DESCRIPTION, _("Description"));
  self->rows[FIELD_OWNER] = add_row (self, self->action_group, FIELD_OWNER, _("Owner"));
  self->rows[FIELD_DUE] = add_row (self, self->action_group, FIELD_DUE, _("Due date (YYYY-MM-DD)"));
  self->rows[FIELD_CORRECTION]
    = add_text (self, self->cause_group, FIELD_CORRECTION,
                _("Correction: what contained the problem at once, or why nothing was needed"));
  self->rows[FIELD_CONSEQUENCES]
    = add_text (self, self->cause_group, FIELD_CONSEQUENCES,
                _("Consequences of the problem, and how they were dealt with"));
  for (guint i = 0; i < CW_ACTION_MAX_WHYS; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Why? (%u)"), i + 1);
      self->whys[i] = add_text (self, self->cause_group, FIELD_WHY, title);
    }
  self->cause_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cause_row), _("Cause category"));
  g_autoptr (GtkStringList) causes = gtk_string_list_new (NULL);
  for (CwCauseCategory c = CW_CAUSE_NONE; c <= CW_CAUSE_OTHER; c++)
    gtk_string_list_append (causes, cw_cause_category_label (c));
  adw_combo_row_set_model (self->cause_row, G_LIST_MODEL (causes));
  g_signal_connect_swapped (self->cause_row, "notify::selected", G_CALLBACK (on_cause_changed),
                            self);
  adw_preferences_group_add (self->cause_group, GTK_WIDGET (self->cause_row));
  self->rows[FIELD_SIMILAR]
    = add_text (self, self->cause_group, FIELD_SIMILAR,
                _("Similar nonconformities: whether they exist or could occur, and where you "
                  "looked"));
  self->rows[FIELD_PLAN] = add_text (self, self->plan_group, FIELD_PLAN, _("Action plan"));
  self->rows[FIELD_CHECK_DUE] = add_row (self, self->plan_group, FIELD_CHECK_DUE,
                                         _("Effectiveness check on (YYYY-MM-DD)"));
  self->rows[FIELD_VERIFIED_BY]
    = add_row (self, self->plan_group, FIELD_VERIFIED_BY, _("Verified by (who checked it)"));
  self->rows[FIELD_VERIFICATION] = add_text (self, self->plan_group, FIELD_VERIFICATION,
                                             _("Verification evidence"));
  self->rows[FIELD_JUSTIFICATION]
    = add_text (self, self->plan_group, FIELD_JUSTIFICATION,
                _("Why the owner verifies their own action (only when nobody else can)"));
}

static void
on_open_finding (CwActionsPage *self)
{
  if (self->action != NULL && cw_action_get_finding_id (self->action) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-finding", "x",
                                cw_action_get_finding_id (self->action));
}

/* ---- New action from another source -------------------------------------- */

static void
on_new_response (AdwMessageDialog *dialog, const char *response, CwActionsPage *self)
{
  if (!g_str_equal (response, "create"))
    return;
  AdwComboRow *source = g_object_get_data (G_OBJECT (dialog), "source");
  AdwEntryRow *title = g_object_get_data (G_OBJECT (dialog), "title");
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (dialog), "kind");
  CwActionKind kind = (CwActionKind) adw_combo_row_get_selected (kind_row);
  CwActionDraft draft = {
    .source = (CwActionSource) (adw_combo_row_get_selected (source) + CW_ACTION_SOURCE_CERTIFICATION_AUDIT),
    .title = gtk_editable_get_text (GTK_EDITABLE (title)),
  };
  /* A review's decision is an improvement whatever the row says. */
  if (draft.source != CW_ACTION_SOURCE_MANAGEMENT_REVIEW)
    draft.kind = &kind;
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_action (cw_page_get_workspace (CW_PAGE (self)), &draft, &error);
  if (id == 0)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Create the Action"), error);
      return;
    }
  cw_actions_page_show_action (self, id);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwActionsPage *self = CW_ACTIONS_PAGE (widget);
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL || cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self))))
    return;
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), _("New Action"),
    _("For an action from an audit finding, use Corrective Action on the finding in the "
      "audit's checklist."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *source = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source), _("Source"));
  g_autoptr (GtkStringList) sources = gtk_string_list_new (NULL);
  for (CwActionSource s = CW_ACTION_SOURCE_CERTIFICATION_AUDIT; s <= CW_ACTION_SOURCE_OTHER; s++)
    gtk_string_list_append (sources, cw_action_source_label (s));
  adw_combo_row_set_model (ADW_COMBO_ROW (source), G_LIST_MODEL (sources));
  GtkWidget *kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  for (CwActionKind k = CW_ACTION_KIND_CORRECTIVE; k <= CW_ACTION_KIND_IMPROVEMENT; k++)
    gtk_string_list_append (kinds, cw_action_kind_label (k));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  GtkWidget *title = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), source);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create",
                                    _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "source", source);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Reports ------------------------------------------------------------- */

static void
report_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CwActionsPage *self = CW_ACTIONS_PAGE (widget);
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL)
    return;
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report = cw_report_new_actions (cw_page_get_workspace (CW_PAGE (self)), FALSE, &error);
  if (report == NULL)
    cw_show_error (GTK_WIDGET (self), _("Could Not Prepare the Report"), error);
  else if (g_str_equal (action_name, "actions.print"))
    cw_report_ui_print (widget, report);
  else
    cw_report_ui_export (widget, report, _("Corrective action register.pdf"));
}

/* ---- Public -------------------------------------------------------------- */

static void
load (CwPage *page)
{
  CwActionsPage *self = CW_ACTIONS_PAGE (page);
  CwWorkspace *workspace = cw_page_get_workspace (page);
  drop_drafts (self);
  g_clear_object (&self->action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.new",
                                 workspace != NULL && !cw_workspace_is_read_only (workspace));
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  refresh (CW_PAGE (self));
}

void
cw_actions_page_show_action (CwActionsPage *self, gint64 action_id)
{
  g_return_if_fail (CW_IS_ACTIONS_PAGE (self));
  refresh (CW_PAGE (self));
  show_action (self, action_id);
  if (self->action != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Saves what has been typed into the action shown. */
void
cw_actions_page_save_now (CwActionsPage *self)
{
  g_return_if_fail (CW_IS_ACTIONS_PAGE (self));
  commit_fields (self);
}

static void
save (CwPage *page)
{
  commit_fields (CW_ACTIONS_PAGE (page));
}

gint64
cw_actions_page_get_action_id (CwActionsPage *self)
{
  g_return_val_if_fail (CW_IS_ACTIONS_PAGE (self), 0);
  return self->action ? cw_action_get_id (self->action) : 0;
}

static void
cw_actions_page_dispose (GObject *object)
{
  CwActionsPage *self = CW_ACTIONS_PAGE (object);
  /* Closing the window has committed them and told of any refusal; this
   * last flush has nobody left to tell. */
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->drafts[field] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->drafts[field], self);
        cw_draft_flush (self->drafts[field]);
        g_clear_object (&self->drafts[field]);
      }
  for (Field field = 0; field < N_FIELDS; field++)
    g_clear_error (&self->refusals[field]);
  g_clear_handle_id (&self->list_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_ACTIONS_PAGE);
  g_clear_object (&self->action);
  G_OBJECT_CLASS (cw_actions_page_parent_class)->dispose (object);
}

static void
cw_actions_page_class_init (CwActionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_actions_page_dispose;
  page_class->watches = watches;
  page_class->load = load;
  page_class->refresh = refresh;
  page_class->save = save;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, list_side);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, heading);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, link_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, open_finding);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, moves_box);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, action_group);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, cause_group);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, CwActionsPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_action_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_list);
  gtk_widget_class_bind_template_callback (widget_class, on_open_finding);
  gtk_widget_class_install_action (widget_class, "actions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "actions.export", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "actions.print", NULL, report_action);
}

static void
cw_actions_page_init (CwActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("All statuses"));
  for (CwActionStatus s = CW_ACTION_OPEN; s <= CW_ACTION_CLOSED; s++)
    gtk_string_list_append (statuses, cw_action_status_label (s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  build_editor (self);
}
