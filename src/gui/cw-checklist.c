/* cw-checklist.c: the fieldwork view. Clauses in scope on the left with
 * their progress and worst result; the current question on the right with
 * its guidance, the seven results, a note that saves itself as it is typed,
 * the evidence seen, and Raise Finding.
 *
 * Every change goes to the core at once. The note goes through a draft made
 * for the question shown (cw-draft.c): saved after a pause in typing, when
 * the note loses the focus, before the question, audit or page changes and
 * when the window closes, and always into the question it was typed for.
 * Showing a question reads; it never writes. */
#define G_LOG_DOMAIN "cw-checklist"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-audit-editor.h"
#include "cw-case-audit.h"
#include "cw-checklist.h"
#include "cw-date.h"
#include "cw-draft.h"
#include "cw-evidence-dialog.h"
#include "cw-evidence.h"
#include "cw-finding-editor.h"
#include "cw-meetings-dialog.h"
#include "cw-finding.h"
#include "cw-history-window.h"
#include "cw-report-ui.h"
#include "cw-widgets.h"

struct _CwChecklist
{
  GtkWidget parent_instance;

  CwWorkspace *workspace;
  CwAudit *audit;
  GPtrArray *questions;  /* CwQuestion in scope, document order (borrowed from catalogue) */
  guint current;
  GPtrArray *answers;    /* CwAnswer */
  GHashTable *by_question;
  GPtrArray *bound_rows; /* tree rows on screen, refreshed after each answer */
  GtkToggleButton *result_buttons[CW_RESULT_MAJOR + 1];
  CwDraft *note_draft;   /* the note of the question shown; NULL while loading one */
  gboolean loading;      /* filling widgets from data: do not save */

  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkLabel *audit_title;
  GtkLabel *audit_progress;
  GtkListView *clause_view;
  GtkLabel *clause_heading;
  GtkLabel *guidance;
  GtkLabel *position_label;
  GtkLabel *question_label;
  GtkFlowBox *result_box;
  GtkTextView *note_view;
  GtkListBox *evidence_list;
  GtkListBox *findings_list;
  GtkListBox *earlier_list;
  char *listed_clause; /* the clause whose findings the lists show */
  GtkDrawingArea *chart_area;
  GtkMenuButton *chart_button;
  CwResultsChart *chart;
};

G_DEFINE_FINAL_TYPE (CwChecklist, cw_checklist, GTK_TYPE_WIDGET)

enum
{
  BACK,
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* How many of a clause's findings the question view lists. */
#define CW_CHECKLIST_FINDINGS_SHOWN 5

/* The order buttons appear in: the way an auditor thinks, best to worst. */
static const CwResult result_order[] = {
  CW_RESULT_CONFORMING, CW_RESULT_OBSERVATION, CW_RESULT_OFI,           CW_RESULT_MINOR,
  CW_RESULT_MAJOR,      CW_RESULT_NOT_APPLICABLE, CW_RESULT_NOT_ASSESSED,
};

static CwQuestion *
current_question (CwChecklist *self)
{
  if (self->questions == NULL || self->current >= self->questions->len)
    return NULL;
  return g_ptr_array_index (self->questions, self->current);
}

static CwAnswer *
current_answer (CwChecklist *self)
{
  CwQuestion *question = current_question (self);
  return question ? g_hash_table_lookup (self->by_question, cw_question_get_id (question)) : NULL;
}

/* ---- Answers ------------------------------------------------------------ */

static gboolean
reload_answers (CwChecklist *self, GError **error)
{
  g_autoptr (GPtrArray) answers
    = cw_workspace_list_answers (self->workspace, cw_audit_get_id (self->audit), error);
  if (answers == NULL)
    return FALSE;
  g_clear_pointer (&self->by_question, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  self->answers = g_steal_pointer (&answers);
  self->by_question = cw_answers_by_question (self->answers);
  return TRUE;
}

static void refresh_progress (CwChecklist *self);

/* The result toggles show `result`, without storing anything. */
static void
show_result (CwChecklist *self, CwResult result)
{
  gboolean loading = self->loading;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->result_buttons); i++)
    gtk_toggle_button_set_active (self->result_buttons[i], i == result);
  self->loading = loading;
}

static void
store (CwChecklist *self, CwResult result, const char *note)
{
  CwQuestion *question = current_question (self);
  if (question == NULL || cw_workspace_is_read_only (self->workspace))
    return;
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_answer (self->workspace, cw_audit_get_id (self->audit),
                            cw_question_get_id (question), result, note, &error)
      || !reload_answers (self, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
      /* The toggles go back to what the file holds, not the refused result. */
      CwAnswer *stored = current_answer (self);
      show_result (self, stored ? stored->result : CW_RESULT_NOT_ASSESSED);
      return;
    }
  refresh_progress (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- The note ---------------------------------------------------------- */

/* The note's draft saves through here, into the question it was made for:
 * with that question's stored result, read afresh, since the question shown
 * may be another one by now. */
static gboolean
save_note (CwWorkspace *workspace, gint64 audit_id, const char *question_id, const char *note,
           GError **error)
{
  g_autoptr (GPtrArray) answers = cw_workspace_list_answers (workspace, audit_id, error);
  if (answers == NULL)
    return FALSE;
  g_autoptr (GHashTable) by_question = cw_answers_by_question (answers);
  return cw_workspace_answer (workspace, audit_id, question_id,
                              cw_answers_result (by_question, question_id), note, error);
}

static void
on_note_saved (CwDraft *draft, CwChecklist *self)
{
  /* Only a note of the audit shown moves its progress. */
  if (self->audit != NULL && cw_draft_get_record_id (draft) == cw_audit_get_id (self->audit))
    {
      g_autoptr (GError) error = NULL;
      if (!reload_answers (self, &error))
        {
          cw_show_error (GTK_WIDGET (self), _("Could Not Read the Answers"), error);
          return;
        }
      refresh_progress (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_note_failed (CwDraft *draft, GError *error, CwChecklist *self)
{
  cw_show_error (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
}

/* Saves the note now if it differs from what is stored. */
void
cw_checklist_save_now (CwChecklist *self)
{
  g_return_if_fail (CW_IS_CHECKLIST (self));
  if (self->note_draft != NULL)
    cw_draft_flush (self->note_draft);
}

/* Before another question is loaded: the note typed so far goes to its own
 * question, and nothing typed from now on can reach it. */
static void
drop_note_draft (CwChecklist *self)
{
  if (self->note_draft == NULL)
    return;
  g_autoptr (CwDraft) draft = g_steal_pointer (&self->note_draft);
  cw_draft_flush (draft);
  g_signal_handlers_disconnect_by_data (draft, self);
}

static void
start_note_draft (CwChecklist *self, CwQuestion *question, const char *stored)
{
  g_return_if_fail (self->note_draft == NULL);
  self->note_draft = cw_draft_new (self->workspace, cw_audit_get_id (self->audit),
                                   cw_question_get_id (question), stored, save_note);
  g_signal_connect (self->note_draft, "saved", G_CALLBACK (on_note_saved), self);
  g_signal_connect (self->note_draft, "failed", G_CALLBACK (on_note_failed), self);
}

static void
on_note_changed (CwChecklist *self)
{
  if (self->loading || self->note_draft == NULL)
    return;
  g_autofree char *note = cw_text_view_dup_text (self->note_view);
  cw_draft_set_text (self->note_draft, note);
}

static void
on_result_toggled (GtkToggleButton *button, CwChecklist *self)
{
  if (self->loading || !gtk_toggle_button_get_active (button))
    return;
  CwResult result = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "result"));
  /* The note first, so the result is stored beside the note as saved (or,
   * when the note was refused, beside the one stored before). */
  cw_checklist_save_now (self);
  CwAnswer *answer = current_answer (self);
  store (self, result, answer ? answer->note : "");
}

/* ---- The clause tree ---------------------------------------------------- */

static GListStore *
clauses_in_scope (CwAudit *audit, GPtrArray *clauses)
{
  GListStore *store = g_list_store_new (CW_TYPE_CLAUSE);
  for (guint i = 0; i < clauses->len; i++)
    if (cw_audit_reaches (audit, cw_clause_get_number (g_ptr_array_index (clauses, i))))
      g_list_store_append (store, g_ptr_array_index (clauses, i));
  return store;
}

static GListModel *
create_children (gpointer item, gpointer data)
{
  CwChecklist *self = data;
  GPtrArray *children = cw_clause_get_children (CW_CLAUSE (item));
  if (children->len == 0)
    return NULL;
  return G_LIST_MODEL (clauses_in_scope (self->audit, children));
}

static void
update_row (CwChecklist *self, GtkWidget *box)
{
  CwClause *clause = g_object_get_data (G_OBJECT (box), "clause");
  GtkLabel *counts = g_object_get_data (G_OBJECT (box), "counts");
  GtkLabel *badge = g_object_get_data (G_OBJECT (box), "badge");
  guint answered = 0, total = 0;
  CwResult worst = CW_RESULT_NOT_ASSESSED;
  cw_clause_summarise (self->audit, clause, self->by_question, &answered, &total, &worst);
  g_autofree char *text = g_strdup_printf ("%u/%u", answered, total);
  gtk_label_set_label (counts, text);
  for (guint i = 0; i < G_N_ELEMENTS (result_order); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), cw_result_css_class (result_order[i]));
  gboolean noteworthy = worst >= CW_RESULT_OFI;
  gtk_widget_set_visible (GTK_WIDGET (badge), noteworthy);
  if (noteworthy)
    {
      gtk_label_set_label (badge, cw_result_badge (worst));
      gtk_widget_add_css_class (GTK_WIDGET (badge), cw_result_css_class (worst));
    }
  g_autofree char *description
    = g_strdup_printf (_("%s %s, %u of %u answered%s%s"), cw_clause_get_number (clause),
                       cw_clause_get_title_shown (clause), answered, total, noteworthy ? ", " : "",
                       noteworthy ? cw_result_label (worst) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  /* The list view's own row is what AT-SPI lists; GTK 4.8 cannot name it
   * through the GtkListItem. */
  GtkWidget *expander = gtk_widget_get_parent (box);
  GtkWidget *row = expander != NULL ? gtk_widget_get_parent (expander) : NULL;
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    description, -1);
}

/* A clause group opens and closes: its row says which it is. GTK 4.8's tree
 * expander does not. */
static void
show_expanded (GtkTreeListRow *list_row, GParamSpec *pspec, GtkWidget *expander)
{
  GtkWidget *row = gtk_widget_get_parent (expander);
  if (row == NULL)
    return;
  gboolean expandable = gtk_tree_list_row_is_expandable (list_row);
  if (expandable)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 gtk_tree_list_row_get_expanded (list_row), -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED);
  /* A clause without sub-clauses offers nothing to expand, to AT-SPI either. */
  static const char *const actions[] = { "listitem.expand", "listitem.collapse",
                                         "listitem.toggle-expand" };
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (expander, actions[i], expandable);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwChecklist *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* Wrapped, never cut short: with large text or a narrow window the
   * clause's whole title still reads. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  GtkWidget *badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (badge, "result-badge");
  /* A title wrapped on two lines makes the row taller: the badge stays
   * its own height, beside the title. */
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  GtkWidget *counts = gtk_label_new (NULL);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), counts);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "counts", counts);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwChecklist *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  CwClause *clause = gtk_tree_list_row_get_item (row);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autofree char *text
    = g_strdup_printf ("%s  %s", cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), text);
  g_object_set_data_full (G_OBJECT (box), "clause", clause, g_object_unref);
  update_row (self, box);
  g_ptr_array_add (self->bound_rows, box);
  show_expanded (row, NULL, expander);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (show_expanded), expander, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, CwChecklist *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_ptr_array_remove_fast (self->bound_rows, box);
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, show_expanded, expander);
}

static void
refresh_progress (CwChecklist *self)
{
  for (guint i = 0; i < self->bound_rows->len; i++)
    update_row (self, g_ptr_array_index (self->bound_rows, i));
  guint answered = 0, total = 0;
  CwResult worst = CW_RESULT_NOT_ASSESSED;
  GListModel *roots = G_LIST_MODEL (g_object_get_data (G_OBJECT (self), "roots"));
  for (guint i = 0; roots != NULL && i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr (CwClause) clause = g_list_model_get_item (roots, i);
      cw_clause_summarise (self->audit, clause, self->by_question, &answered, &total, &worst);
    }
  g_autofree char *text = g_strdup_printf (_("%u of %u questions answered"), answered, total);
  gtk_label_set_label (self->audit_progress, text);
}

/* Selects `clause` in the tree, expanding its parents. */
static void
select_clause (CwChecklist *self, CwClause *clause)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->clause_view));
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  for (CwClause *c = clause; c != NULL; c = cw_clause_get_parent (c))
    g_ptr_array_insert (path, 0, c);
  guint position = 0;
  for (guint depth = 0; depth < path->len; depth++)
    {
      CwClause *wanted = g_ptr_array_index (path, depth);
      guint n = g_list_model_get_n_items (model);
      for (; position < n; position++)
        {
          g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);
          g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
          if (item == (GObject *) wanted)
            {
              if (depth + 1 < path->len)
                gtk_tree_list_row_set_expanded (row, TRUE);
              break;
            }
        }
      if (position >= n)
        return;
    }
  gtk_single_selection_set_selected (selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->clause_view), "list.scroll-to-item", "u", position);
}

/* ---- The question pane --------------------------------------------------- */

/* ---- Deleting findings and evidence, with undo ---------------------------
 *
 * A row deleted is hidden at once and deleted for good when its toast goes
 * (timed out or closed), or when the checklist goes with its window; Undo
 * only shows it again, so nothing has to be re-created by hand. */

#define PENDING_DELETE "cw-pending-delete"

typedef struct
{
  CwWorkspace *workspace;
  gboolean is_finding; /* otherwise an evidence item */
  gint64 id;
  AdwToast *toast;  /* weak */
  gboolean settled; /* deleted or undone: nothing left to do */
} PendingDelete;

static gboolean
commit_delete (PendingDelete *pending, GError **error)
{
  pending->settled = TRUE;
  return pending->is_finding
           ? cw_workspace_delete_finding (pending->workspace, pending->id, error)
           : cw_workspace_delete_evidence (pending->workspace, pending->id, error);
}

/* Freed when replaced by the next delete, or with the checklist: a delete
 * still waiting is made then. */
static void
pending_delete_free (PendingDelete *pending)
{
  g_autoptr (GError) error = NULL;
  if (!pending->settled && !commit_delete (pending, &error))
    g_message ("%s", error->message);
  if (pending->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (pending->toast), (gpointer *) &pending->toast);
  g_object_unref (pending->workspace);
  g_free (pending);
}

static gboolean
is_pending_delete (CwChecklist *self, gboolean is_finding, gint64 id)
{
  PendingDelete *pending = g_object_get_data (G_OBJECT (self), PENDING_DELETE);
  return pending != NULL && pending->is_finding == is_finding && pending->id == id;
}

static void fill_evidence (CwChecklist *self);
static void fill_findings (CwChecklist *self);

static void
refill_rows (CwChecklist *self)
{
  if (self->audit == NULL || current_question (self) == NULL)
    return;
  fill_evidence (self);
  fill_findings (self);
}

static void
on_delete_toast_dismissed (AdwToast *toast, CwChecklist *self)
{
  PendingDelete *pending = g_object_get_data (G_OBJECT (self), PENDING_DELETE);
  if (pending == NULL || pending->toast != toast)
    return;
  pending = g_object_steal_data (G_OBJECT (self), PENDING_DELETE);
  g_autoptr (GError) error = NULL;
  gboolean deleted = commit_delete (pending, &error);
  gboolean is_finding = pending->is_finding;
  pending_delete_free (pending);
  if (!deleted)
    cw_show_error (GTK_WIDGET (self),
                          is_finding ? _("Could Not Delete the Finding")
                                     : _("Could Not Delete the Evidence"),
                          error);
  refill_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
undo_delete (GSimpleAction *action, GVariant *parameter, CwChecklist *self)
{
  PendingDelete *pending = g_object_steal_data (G_OBJECT (self), PENDING_DELETE);
  if (pending == NULL)
    return;
  pending->settled = TRUE;
  AdwToast *toast = pending->toast;
  if (toast != NULL)
    g_object_ref (toast);
  pending_delete_free (pending);
  if (toast != NULL)
    {
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
  refill_rows (self);
}

/* The toast's Undo button lives in the window's toast overlay, outside the
 * checklist: its action is put where the button finds it. */
static void
offer_undo (CwChecklist *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (root == NULL || gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) == NULL)
    return;
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) undo = g_simple_action_new ("undo", NULL);
  g_signal_connect_object (undo, "activate", G_CALLBACK (undo_delete), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (undo));
  gtk_widget_insert_action_group (root, "checklist-undo", G_ACTION_GROUP (group));
}

static void
delete_later (CwChecklist *self, gboolean is_finding, gint64 id, const char *message)
{
  gboolean in_window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) != NULL;
  PendingDelete *pending = g_new0 (PendingDelete, 1);
  pending->workspace = g_object_ref (self->workspace);
  pending->is_finding = is_finding;
  pending->id = id;
  if (in_window)
    {
      offer_undo (self);
      AdwToast *toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "checklist-undo.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self,
                               0);
      pending->toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &pending->toast);
      /* The delete before this one is made now (when it replaces it). */
      g_object_set_data_full (G_OBJECT (self), PENDING_DELETE, pending,
                              (GDestroyNotify) pending_delete_free);
      cw_add_toast (GTK_WIDGET (self), toast);
    }
  else
    g_object_set_data_full (G_OBJECT (self), PENDING_DELETE, pending,
                            (GDestroyNotify) pending_delete_free);
  refill_rows (self);
}

/* The clause a question belongs to, which the audit must accept a change in. */
static gboolean
accepts_changes (CwChecklist *self, const char *question_id)
{
  if (cw_workspace_is_read_only (self->workspace))
    return FALSE;
  const char *clause = NULL;
  for (guint i = 0; question_id != NULL && i < self->questions->len; i++)
    {
      CwQuestion *question = g_ptr_array_index (self->questions, i);
      if (g_str_equal (cw_question_get_id (question), question_id))
        clause = cw_clause_get_number (cw_question_get_clause (question));
    }
  return cw_audit_accepts (self->audit, clause, NULL);
}

static GtkWidget *
make_delete_button (const char *tooltip, const char *name, gboolean sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

/* ---- Evidence rows --------------------------------------------------------- */

static void
on_evidence_saved (CwEvidenceDialog *dialog, CwChecklist *self)
{
  fill_evidence (self);
}

static void
on_evidence_activated (AdwActionRow *row, CwChecklist *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwEvidence) item
    = cw_workspace_get_evidence (self->workspace, cw_object_get_id (row, "evidence-id"), &error);
  if (item == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Evidence"), error);
      return;
    }
  CwEvidenceDialog *dialog = cw_evidence_dialog_new_for_item (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace, item);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_evidence_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_evidence_delete (GtkButton *button, CwChecklist *self)
{
  const char *reference = g_object_get_data (G_OBJECT (button), "reference");
  g_autofree char *message = g_strdup_printf (_("Evidence “%s” deleted"), reference);
  delete_later (self, FALSE, cw_object_get_id (button, "evidence-id"), message);
}

static void
fill_evidence (CwChecklist *self)
{
  cw_list_box_remove_all (self->evidence_list);
  CwQuestion *question = current_question (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items
    = cw_workspace_list_evidence (self->workspace, cw_audit_get_id (self->audit), &error);
  gboolean writable = accepts_changes (self, cw_question_get_id (question));
  guint shown = 0;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CwEvidence *item = g_ptr_array_index (items, i);
      if (g_strcmp0 (item->question, cw_question_get_id (question)) != 0
          || is_pending_delete (self, FALSE, item->id))
        continue;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (item->reference, -1);
      g_autoptr (GString) subtitle = g_string_new (cw_evidence_kind_label (item->kind));
      if (*item->description)
        g_string_append_printf (subtitle, " · %s", item->description);
      if (*item->population)
        g_string_append_printf (subtitle, _(" · sample of %d from %s"), MAX (item->sample_size, 0),
                                item->population);
      if (item->sha256 != NULL)
        g_string_append_printf (subtitle, " · SHA-256 %.16s…", item->sha256);
      g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      /* Activating the row opens the item to correct it. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open this evidence to correct it"));
      cw_object_set_id (row, "evidence-id", item->id);
      g_signal_connect (row, "activated", G_CALLBACK (on_evidence_activated), self);
      g_autofree char *name = g_strdup_printf (_("Delete evidence %s"), item->reference);
      GtkWidget *remove = make_delete_button (_("Delete this evidence"), name, writable);
      cw_object_set_id (remove, "evidence-id", item->id);
      g_object_set_data_full (G_OBJECT (remove), "reference", g_strdup (item->reference), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_evidence_delete), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->evidence_list, row);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No evidence recorded yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Record the documents, records, interviews and observations "
                                     "behind this answer so others can trace it."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->evidence_list, row);
    }
}

/* ---- Finding rows ---------------------------------------------------------- */

/* A finding's corrective action: opened in the register when there is one,
 * raised from the finding when there is not. */
static void
on_finding_action (GtkButton *button, CwChecklist *self)
{
  gint64 finding_id = cw_object_get_id (button, "finding-id");
  gint64 action_id = cw_object_get_id (button, "action-id");
  g_autoptr (GError) error = NULL;
  if (action_id == 0)
    {
      CwActionDraft draft = { .finding_id = finding_id };
      action_id = cw_workspace_create_action (self->workspace, &draft, &error);
      if (action_id == 0)
        {
          cw_show_error (GTK_WIDGET (self), _("Could Not Raise the Action"), error);
          return;
        }
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-action", "x", action_id);
}

static void
on_finding_saved (CwFindingEditor *editor, gint64 finding_id, CwChecklist *self)
{
  g_autoptr (CwFinding) finding = cw_workspace_get_finding (self->workspace, finding_id, NULL);
  g_autofree char *label = finding ? cw_finding_dup_label (finding) : NULL;
  g_autofree char *message
    = g_strdup_printf (cw_finding_editor_get_finding_id (editor) ? _("Finding %s saved")
                                                                 : _("Finding %s raised"),
                       label ? label : "");
  cw_toast (GTK_WIDGET (self), message);
  fill_findings (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_finding_activated (AdwActionRow *row, CwChecklist *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwFinding) finding
    = cw_workspace_get_finding (self->workspace, cw_object_get_id (row, "finding-id"), &error);
  if (finding == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Finding"), error);
      return;
    }
  CwFindingEditor *editor = cw_finding_editor_new_for_finding (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace, finding);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_finding_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_finding_delete (GtkButton *button, CwChecklist *self)
{
  const char *label = g_object_get_data (G_OBJECT (button), "label");
  g_autofree char *message = g_strdup_printf (_("Finding %s deleted"), label);
  delete_later (self, TRUE, cw_object_get_id (button, "finding-id"), message);
}

static GtkWidget *
make_finding_row (CwChecklist *self, CwFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  const char *text = *cw_finding_get_statement (finding) ? cw_finding_get_statement (finding)
                                                          : cw_finding_get_evidence (finding);
  g_autofree char *number = cw_finding_dup_label (finding);
  g_autofree char *title = g_markup_printf_escaped (
    "%s (%s): %s", number, cw_grade_label (cw_finding_get_grade (finding)), text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  /* Activating the row opens the finding to correct it. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this finding to correct it"));
  cw_object_set_id (row, "finding-id", cw_finding_get_id (finding));
  g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated), self);

  g_autoptr (CwAction) action
    = cw_workspace_get_action_for_finding (self->workspace, cw_finding_get_id (finding), NULL);
  g_autofree char *label
    = action ? g_strdup_printf (_("Action %" PRId64 ": %s"), cw_action_get_id (action),
                                cw_action_status_label (cw_action_get_status (action)))
             : g_strdup (_("Corrective _Action…"));
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, action ? _("Open the corrective action in the register")
                                              : _("Raise a corrective action for this finding"));
  gtk_widget_set_sensitive (button, action != NULL || !cw_workspace_is_read_only (self->workspace));
  cw_object_set_id (button, "finding-id", cw_finding_get_id (finding));
  cw_object_set_id (button, "action-id", action ? cw_action_get_id (action) : 0);
  g_signal_connect (button, "clicked", G_CALLBACK (on_finding_action), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* A finding a corrective action answers stays: the action needs it. */
  g_autofree char *finding_label = cw_finding_dup_label (finding);
  g_autofree char *name = g_strdup_printf (_("Delete finding %s"), finding_label);
  gboolean deletable = action == NULL && !cw_workspace_is_read_only (self->workspace)
                       && cw_audit_accepts (self->audit, cw_finding_get_clause (finding), NULL);
  GtkWidget *remove = make_delete_button (
    action ? _("A finding with a corrective action cannot be deleted")
           : _("Delete this finding"),
    name, deletable);
  cw_object_set_id (remove, "finding-id", cw_finding_get_id (finding));
  g_object_set_data_full (G_OBJECT (remove), "label", g_steal_pointer (&finding_label), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_finding_delete), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
fill_findings (CwChecklist *self)
{
  cw_list_box_remove_all (self->findings_list);
  CwClause *clause = cw_question_get_clause (current_question (self));
  g_autoptr (GPtrArray) findings = cw_workspace_list_clause_findings (
    self->workspace, cw_audit_get_id (self->audit), cw_clause_get_number (clause), NULL);
  /* A clause can hold thousands of findings in a large audit: the first few
   * are shown here, so that moving between questions costs the same, and
   * the Findings page lists them all. */
  guint shown = 0, more = 0;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      if (is_pending_delete (self, TRUE, cw_finding_get_id (finding)))
        continue;
      if (shown == CW_CHECKLIST_FINDINGS_SHOWN)
        {
          more++;
          continue;
        }
      gtk_list_box_append (self->findings_list, make_finding_row (self, finding));
      shown++;
    }
  if (more > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u more finding at this clause",
                     "%u more findings at this clause", more),
        more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      GtkWidget *all = gtk_button_new_with_label (_("Show All in Findings"));
      gtk_widget_set_valign (all, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (all), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (all), "s", "findings");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), all);
      gtk_list_box_append (self->findings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_list), shown > 0);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->findings_list)), shown > 0);
}

/* ---- Follow-up of earlier audits ----------------------------------------- */

static void fill_earlier (CwChecklist *self);

static void
on_follow_up_response (AdwMessageDialog *dialog, const char *response, CwChecklist *self)
{
  if (!g_str_equal (response, "record"))
    return;
  GtkEditable *note = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 finding = cw_object_get_id (dialog, "finding-id");
  gint64 audit = cw_object_get_id (dialog, "audit-id");
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_follow_up_finding (self->workspace, finding, audit,
                                       gtk_editable_get_text (note), &error))
    {
      cw_show_error (GTK_WIDGET (self), _("The Follow-Up Was Not Recorded"), error);
      return;
    }
  /* The checklist may show another audit by now; the follow-up belongs to
   * the one the dialog was opened for. */
  if (self->audit != NULL && cw_audit_get_id (self->audit) == audit)
    fill_earlier (self);
  cw_toast (GTK_WIDGET (self), _("Follow-up recorded"));
}

/* Asks what the follow-up saw, for the audit shown now. */
static void
on_follow_up_clicked (GtkButton *button, CwChecklist *self)
{
  g_autofree char *heading = g_strdup_printf (
    _("Follow Up %s"), (const char *) g_object_get_data (G_OBJECT (button), "label"));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
    _("Say what this audit saw: the records or changes that show whether the corrective action "
      "worked. The action's verification can cite it.")));
  cw_object_set_id (dialog, "finding-id", cw_object_get_id (button, "finding-id"));
  cw_object_set_id (dialog, "audit-id", cw_audit_get_id (self->audit));
  GtkWidget *note = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the follow-up saw"), -1);
  adw_message_dialog_set_extra_child (dialog, note);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_follow_up_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note);
}

static GtkWidget *
make_earlier_row (CwChecklist *self, CwFinding *finding, gboolean writable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *label = cw_finding_dup_label (finding);
  const char *text = *cw_finding_get_statement (finding) ? cw_finding_get_statement (finding)
                                                          : cw_finding_get_evidence (finding);
  g_autofree char *title = g_markup_printf_escaped (
    _("%s of audit %" PRId64 " (%s): %s"), label, cw_finding_get_audit_id (finding),
    cw_finding_get_clause (finding), text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  g_autoptr (CwAction) action
    = cw_workspace_get_action_for_finding (self->workspace, cw_finding_get_id (finding), NULL);
  gint64 followed_in = cw_finding_get_followed_up_in (finding);
  g_autofree char *followed
    = followed_in ? g_strdup_printf (_("followed up in audit %" PRId64 ": %s"), followed_in,
                                     cw_finding_get_follow_up_note (finding))
                  : g_strdup (_("not followed up yet"));
  g_autofree char *subtitle = g_markup_printf_escaped (
    "%s · %s",
    action ? cw_action_status_label (cw_action_get_status (action)) : _("No corrective action"),
    followed);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (writable)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Follow Up…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_autofree char *name = g_strdup_printf (_("Follow up %s of audit %" PRId64), label,
                                               cw_finding_get_audit_id (finding));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      cw_object_set_id (button, "finding-id", cw_finding_get_id (finding));
      g_object_set_data_full (G_OBJECT (button), "label", g_steal_pointer (&label), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_follow_up_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* The earlier audits' nonconformities on the clause shown. */
static void
fill_earlier (CwChecklist *self)
{
  cw_list_box_remove_all (self->earlier_list);
  CwClause *clause = cw_question_get_clause (current_question (self));
  g_autoptr (GPtrArray) findings = cw_workspace_list_earlier_findings (
    self->workspace, cw_audit_get_id (self->audit), cw_clause_get_number (clause), NULL);
  gboolean writable = !cw_workspace_is_read_only (self->workspace)
                      && cw_audit_accepts (self->audit, NULL, NULL);
  guint shown = findings != NULL ? findings->len : 0;
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->earlier_list,
                         make_earlier_row (self, g_ptr_array_index (findings, i), writable));
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_list), shown > 0);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->earlier_list)), shown > 0);
}

static void
show_question (CwChecklist *self, guint index)
{
  drop_note_draft (self);
  if (self->questions->len == 0)
    return;
  self->current = MIN (index, self->questions->len - 1);
  CwQuestion *question = current_question (self);
  CwClause *clause = cw_question_get_clause (question);
  CwAnswer *answer = current_answer (self);

  self->loading = TRUE;
  g_autofree char *heading
    = g_strdup_printf ("%s %s", cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
  gtk_label_set_label (self->clause_heading, heading);
  gtk_label_set_label (self->guidance, cw_clause_get_guidance_shown (clause));
  guint in_clause = 0, of_clause = cw_clause_get_questions (clause)->len;
  for (guint i = 0; i < of_clause; i++)
    if (g_ptr_array_index (cw_clause_get_questions (clause), i) == question)
      in_clause = i + 1;
  g_autofree char *position
    = g_strdup_printf (_("Question %u of %u · %s · %u of %u in this audit"), in_clause, of_clause,
                       cw_question_get_id (question), self->current + 1, self->questions->len);
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->question_label, cw_question_get_text_shown (question));
  show_result (self, answer ? answer->result : CW_RESULT_NOT_ASSESSED);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            answer ? answer->note : "", -1);
  gboolean writable = !cw_workspace_is_read_only (self->workspace)
                      && cw_audit_accepts (self->audit, NULL, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->result_box), writable);
  gtk_text_view_set_editable (self->note_view, writable);
  self->loading = FALSE;
  start_note_draft (self, question, answer ? answer->note : "");

  fill_evidence (self);
  /* Moving within a clause keeps its findings' rows: a clause can hold
   * many, and rebuilding their widgets was most of a step's cost. */
  if (g_strcmp0 (self->listed_clause, cw_clause_get_number (clause)) != 0)
    {
      g_free (self->listed_clause);
      self->listed_clause = g_strdup (cw_clause_get_number (clause));
      fill_findings (self);
      fill_earlier (self);
    }
  select_clause (self, clause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.next",
                                 self->current + 1 < self->questions->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.raise-finding", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.add-evidence", writable);
}

static guint
first_question_of (CwChecklist *self, CwClause *clause)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      CwClause *owner = cw_question_get_clause (g_ptr_array_index (self->questions, i));
      if (cw_clause_number_covers (cw_clause_get_number (clause), cw_clause_get_number (owner)))
        return i;
    }
  return self->current;
}

static void
on_clause_activated (CwChecklist *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->clause_view));
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr (CwClause) clause = gtk_tree_list_row_get_item (row);
  if (!cw_clause_is_leaf (clause))
    gtk_tree_list_row_set_expanded (row, TRUE);
  guint index = first_question_of (self, clause);
  CwQuestion *question = current_question (self);
  /* Staying within the same clause keeps the current question. */
  if (question == NULL
      || !cw_clause_number_covers (cw_clause_get_number (clause),
                                   cw_clause_get_number (cw_question_get_clause (question))))
    show_question (self, index);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_show_clauses (CwChecklist *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* ---- Actions ------------------------------------------------------------ */

static void
next_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  if (self->current + 1 < self->questions->len)
    show_question (self, self->current + 1);
}

static void
previous_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  if (self->current > 0)
    show_question (self, self->current - 1);
}

static void
result_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  guint index = g_variant_get_int32 (parameter);
  if (index < G_N_ELEMENTS (result_order) && gtk_widget_get_sensitive (GTK_WIDGET (self->result_box)))
    gtk_toggle_button_set_active (self->result_buttons[result_order[index]], TRUE);
}

static void
back_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  g_signal_emit (self, signals[BACK], 0);
}

static void
raise_finding_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  CwQuestion *question = current_question (self);
  if (question == NULL)
    return;
  cw_checklist_save_now (self);
  g_autofree char *note = cw_text_view_dup_text (self->note_view);
  /* The finding is raised on the question, with the grade its answer gave. */
  CwResult result = CW_RESULT_NOT_ASSESSED;
  for (guint i = 0; i < G_N_ELEMENTS (self->result_buttons); i++)
    if (self->result_buttons[i] != NULL && gtk_toggle_button_get_active (self->result_buttons[i]))
      result = (CwResult) i;
  CwFindingEditor *editor = cw_finding_editor_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace, cw_audit_get_id (self->audit),
    cw_clause_get_number (cw_question_get_clause (question)), cw_question_get_id (question),
    result, note);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_finding_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_evidence_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  CwQuestion *question = current_question (self);
  if (question == NULL)
    return;
  CwEvidenceDialog *dialog
    = cw_evidence_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace,
                              cw_audit_get_id (self->audit), cw_question_get_id (question));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_evidence_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  if (self->audit == NULL)
    return;
  cw_checklist_save_now (self);
  GtkWindow *history = cw_history_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              self->workspace, self->audit);
  gtk_window_present (history);
}

/* ---- Reports and the audit's status -------------------------------------- */

static char *
report_file_name (CwChecklist *self, const char *kind)
{
  g_autofree char *title = g_strdup (cw_audit_get_title (self->audit));
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strdup_printf ("%s – %s.pdf", title, kind);
}

/* Exchange belongs to the window: the audit asks for it by its id. */
static void
exchange_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  gtk_widget_activate_action (widget,
                              g_str_equal (action, "checklist.exchange-assign")
                                ? "exchange.assign"
                                : "exchange.export-audit",
                              "x", cw_audit_get_id (self->audit));
}

/* Case audits belong to the window too: the library opens at the clause
 * of the question shown. */
static void
case_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  if (g_str_equal (action, "checklist.debrief"))
    {
      gtk_widget_activate_action (widget, "case.debrief", "x", cw_audit_get_id (self->audit));
      return;
    }
  CwQuestion *question = current_question (self);
  const char *clause = question ? cw_clause_get_number (cw_question_get_clause (question)) : "";
  gtk_widget_activate_action (widget, "case.library", "(xs)", cw_audit_get_id (self->audit),
                              clause);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_audit_get_id (self->audit);
  g_autoptr (CwReport) report = NULL;
  const char *kind;
  if (g_str_equal (action, "checklist.export-nc"))
    {
      report = cw_report_new_nonconformities (self->workspace, id, &error);
      kind = _("nonconformity report");
    }
  else if (g_str_equal (action, "checklist.export-plan"))
    {
      report = cw_report_new_audit_plan (self->workspace, id, &error);
      kind = _("audit plan");
    }
  else
    {
      report = cw_report_new_audit (self->workspace, id, &error);
      kind = _("audit report");
    }
  if (report == NULL)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Prepare the Report"), error);
      return;
    }
  g_autofree char *name = report_file_name (self, kind);
  cw_report_ui_export (widget, report, name);
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report
    = cw_report_new_audit (self->workspace, cw_audit_get_id (self->audit), &error);
  if (report == NULL)
    cw_show_error (GTK_WIDGET (self), _("Could Not Prepare the Report"), error);
  else
    cw_report_ui_print (widget, report);
}

static void
status_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  gint64 id = cw_audit_get_id (self->audit);
  g_autoptr (GError) error = NULL;
  gboolean close = g_str_equal (action, "checklist.close-audit");
  GDate today;
  cw_date_local_today (&today);
  gboolean ok = close ? cw_workspace_close_audit (self->workspace, id, &error)
                      : cw_workspace_issue_audit (self->workspace, id, &today, &error);
  if (!ok)
    {
      cw_show_error (GTK_WIDGET (self), close ? _("The Audit Cannot Be Closed Yet")
                                : _("The Report Cannot Be Issued Yet"),
                    error);
      return;
    }
  cw_checklist_show (self, self->workspace, id, cw_checklist_get_question_id (self), NULL);
  cw_toast (GTK_WIDGET (self), close ? _("Audit closed") : _("Audit report issued"));
}

static void
on_details_saved (CwAuditEditor *editor, gint64 audit_id, CwChecklist *self)
{
  cw_checklist_show (self, self->workspace, audit_id, cw_checklist_get_question_id (self), NULL);
  cw_toast (GTK_WIDGET (self), _("Audit details saved"));
}

/* The audit's details, to correct them while the audit is open. */
static void
details_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  CwAuditEditor *editor = cw_audit_editor_new_for_audit (
    GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace, self->audit);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_details_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_meetings_saved (CwMeetingsDialog *dialog, CwChecklist *self)
{
  cw_checklist_show (self, self->workspace, cw_audit_get_id (self->audit),
                     cw_checklist_get_question_id (self), NULL);
  cw_toast (GTK_WIDGET (self), _("Meetings saved"));
}

static void
meetings_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  cw_checklist_save_now (self);
  g_autoptr (GError) error = NULL;
  CwMeetingsDialog *dialog = cw_meetings_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                     self->workspace,
                                                     cw_audit_get_id (self->audit), &error);
  if (dialog == NULL)
    {
      cw_show_error (widget, _("Could Not Open the Meetings"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_meetings_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_revise_response (AdwMessageDialog *dialog, const char *response, CwChecklist *self)
{
  if (!g_str_equal (response, "revise"))
    return;
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;
  gint64 id = cw_audit_get_id (self->audit);
  if (!cw_workspace_revise_audit (self->workspace, id, gtk_editable_get_text (reason), &error))
    {
      cw_show_error (GTK_WIDGET (self), _("The Report Cannot Be Revised"), error);
      return;
    }
  cw_checklist_show (self, self->workspace, id, cw_checklist_get_question_id (self), NULL);
  cw_toast (GTK_WIDGET (self), _("Audit reopened for the next version of its report"));
}

/* Revising asks for the reason, which the next version of the report
 * prints. */
static void
revise_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  g_autofree char *body = g_strdup_printf (
    _("Version %u of the report stays as it was issued. Say why it changes: the reason is "
      "printed in version %u."),
    cw_audit_get_version (self->audit), cw_audit_get_version (self->audit) + 1);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), _("Revise the Issued Report?"), body));
  GtkWidget *reason = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the revision"), -1);
  adw_message_dialog_set_extra_child (dialog, reason);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "revise", _("_Revise"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "revise", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "revise");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revise_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

/* The same drawing as the report's chart (cw-report-chart.c). */
static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  CwChecklist *self = data;
  if (self->chart == NULL)
    return;
  GdkRGBA ink;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &ink);
  cw_results_chart_set_ink (self->chart, ink.red, ink.green, ink.blue);
  cw_results_chart_draw (self->chart, cr, width, height);
}

static void
load_chart (CwChecklist *self)
{
  g_clear_pointer (&self->chart, cw_results_chart_free);
  self->chart = cw_results_chart_new (self->workspace, cw_audit_get_id (self->audit), NULL);
  if (self->chart != NULL)
    {
      gtk_drawing_area_set_content_height (self->chart_area,
                                           (int) cw_results_chart_get_height (self->chart));
      /* The picture's text alternative: the same figures, in words. */
      g_autofree char *text = cw_results_chart_describe (self->chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

/* ---- Public ------------------------------------------------------------- */

gboolean
cw_checklist_show (CwChecklist *self, CwWorkspace *workspace, gint64 audit_id,
                   const char *place, GError **error)
{
  g_return_val_if_fail (CW_IS_CHECKLIST (self), FALSE);

  cw_checklist_save_now (self);
  g_autoptr (CwAudit) audit = cw_workspace_get_audit (workspace, audit_id, error);
  CwCatalogue *catalogue;
  if (audit == NULL || (catalogue = cw_workspace_load_catalogue (workspace, error)) == NULL)
    return FALSE;
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->audit, audit);
  if (!reload_answers (self, error))
    return FALSE;

  g_ptr_array_set_size (self->questions, 0);
  gboolean placed = FALSE;
  guint start = 0;
  GPtrArray *clauses = cw_catalogue_get_clauses (catalogue);
  for (guint i = 0; i < clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (clauses, i);
      if (!cw_audit_covers (audit, cw_clause_get_number (clause)))
        continue;
      GPtrArray *questions = cw_clause_get_questions (clause);
      for (guint q = 0; q < questions->len; q++)
        {
          CwQuestion *question = g_ptr_array_index (questions, q);
          if (!placed && place != NULL
              && (g_str_equal (place, cw_question_get_id (question))
                  || cw_clause_number_covers (place, cw_clause_get_number (clause))))
            {
              start = self->questions->len;
              placed = TRUE;
            }
          g_ptr_array_add (self->questions, question);
        }
    }

  /* Without a place, the work resumes at the first question not yet
   * answered. */
  for (guint i = 0; !placed && i < self->questions->len; i++)
    if (cw_answers_result (self->by_question,
                           cw_question_get_id (g_ptr_array_index (self->questions, i)))
        == CW_RESULT_NOT_ASSESSED)
      {
        start = i;
        placed = TRUE;
      }

  GListStore *roots = clauses_in_scope (audit, cw_catalogue_get_main_clauses (catalogue));
  g_object_set_data_full (G_OBJECT (self), "roots", g_object_ref (roots), g_object_unref);
  GtkTreeListModel *tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, FALSE,
                                                    create_children, self, NULL);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_list_view_set_model (self->clause_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_label_set_label (self->audit_title, cw_audit_get_title (audit));
  load_chart (self);
  /* Issuing and closing stay offered while they are the next step: when
   * something is missing, the core's refusal names all of it. */
  gboolean writable = !cw_workspace_is_read_only (workspace);
  CwAuditStatus status = cw_audit_get_status (audit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.issue-audit",
                                 writable && status == CW_AUDIT_IN_PROGRESS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.close-audit",
                                 writable && status == CW_AUDIT_REPORTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.revise-audit",
                                 writable && status == CW_AUDIT_REPORTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.meetings",
                                 writable && cw_audit_accepts (audit, NULL, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.details",
                                 writable && cw_audit_accepts (audit, NULL, NULL));
  gboolean case_study = cw_workspace_is_case_study (workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.case-library", case_study);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.debrief", case_study);
  self->current = 0;
  g_clear_pointer (&self->listed_clause, g_free);
  refresh_progress (self);
  show_question (self, start);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

const char *
cw_checklist_get_question_id (CwChecklist *self)
{
  g_return_val_if_fail (CW_IS_CHECKLIST (self), NULL);
  CwQuestion *question = current_question (self);
  return question ? cw_question_get_id (question) : NULL;
}

gint64
cw_checklist_get_audit_id (CwChecklist *self)
{
  g_return_val_if_fail (CW_IS_CHECKLIST (self), 0);
  return self->audit ? cw_audit_get_id (self->audit) : 0;
}

/* For tests and scripting: type a note as a user would. */
void
cw_checklist_set_note (CwChecklist *self, const char *note)
{
  g_return_if_fail (CW_IS_CHECKLIST (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
}

/* Lets the workspace go, for the window closing: the note is saved, a
 * delete still waiting for its toast is made, and nothing is shown any
 * more. GTK may keep the widget itself alive past its window. */
void
cw_checklist_release (CwChecklist *self)
{
  g_return_if_fail (CW_IS_CHECKLIST (self));
  drop_note_draft (self);
  g_object_set_data (G_OBJECT (self), PENDING_DELETE, NULL);
  if (self->clause_view != NULL)
    gtk_list_view_set_model (self->clause_view, NULL);
  g_clear_pointer (&self->chart, cw_results_chart_free);
  g_clear_object (&self->audit);
  g_clear_object (&self->workspace);
}

/* ---- Object ------------------------------------------------------------- */

static void
cw_checklist_dispose (GObject *object)
{
  CwChecklist *self = CW_CHECKLIST (object);
  drop_note_draft (self);
  if (self->clause_view != NULL)
    gtk_list_view_set_model (self->clause_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CHECKLIST);
  g_clear_object (&self->audit);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->by_question, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->chart, cw_results_chart_free);
  g_clear_pointer (&self->listed_clause, g_free);
  G_OBJECT_CLASS (cw_checklist_parent_class)->dispose (object);
}

/* Leaving the checklist for another page of the window (or folding to the
 * clause list) is a time to save the note. */
static void
cw_checklist_unmap (GtkWidget *widget)
{
  cw_checklist_save_now (CW_CHECKLIST (widget));
  GTK_WIDGET_CLASS (cw_checklist_parent_class)->unmap (widget);
}

static void
cw_checklist_finalize (GObject *object)
{
  CwChecklist *self = CW_CHECKLIST (object);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->bound_rows);
  G_OBJECT_CLASS (cw_checklist_parent_class)->finalize (object);
}

/* Focus on the checklist goes to its question: the note when it can be
 * written, else the results, so that typing, Alt+1…7, Ctrl+R and Ctrl+E
 * work at once. */
static gboolean
cw_checklist_grab_focus (GtkWidget *widget)
{
  CwChecklist *self = CW_CHECKLIST (widget);
  if (gtk_text_view_get_editable (self->note_view))
    return gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
  return gtk_widget_child_focus (GTK_WIDGET (self->result_box), GTK_DIR_TAB_FORWARD);
}

static void
cw_checklist_class_init (CwChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_checklist_dispose;
  object_class->finalize = cw_checklist_finalize;
  widget_class->unmap = cw_checklist_unmap;
  widget_class->grab_focus = cw_checklist_grab_focus;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, content);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, audit_title);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, audit_progress);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, clause_view);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, clause_heading);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, guidance);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, position_label);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, question_label);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, result_box);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, note_view);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, earlier_list);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, chart_area);
  gtk_widget_class_bind_template_child (widget_class, CwChecklist, chart_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clause_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clauses);
  gtk_widget_class_bind_template_callback (widget_class, cw_checklist_save_now);

  gtk_widget_class_install_action (widget_class, "checklist.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "checklist.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "checklist.result", "i", result_action);
  gtk_widget_class_install_action (widget_class, "checklist.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "checklist.raise-finding", NULL,
                                   raise_finding_action);
  gtk_widget_class_install_action (widget_class, "checklist.add-evidence", NULL,
                                   add_evidence_action);
  gtk_widget_class_install_action (widget_class, "checklist.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "checklist.export-audit", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "checklist.export-nc", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "checklist.export-plan", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "checklist.print-audit", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "checklist.exchange-export", NULL,
                                   exchange_action);
  gtk_widget_class_install_action (widget_class, "checklist.exchange-assign", NULL,
                                   exchange_action);
  gtk_widget_class_install_action (widget_class, "checklist.case-library", NULL, case_action);
  gtk_widget_class_install_action (widget_class, "checklist.debrief", NULL, case_action);
  gtk_widget_class_install_action (widget_class, "checklist.issue-audit", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "checklist.revise-audit", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "checklist.meetings", NULL, meetings_action);
  gtk_widget_class_install_action (widget_class, "checklist.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "checklist.close-audit", NULL, status_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "checklist.raise-finding", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "checklist.add-evidence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "checklist.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "checklist.case-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "checklist.back",
                                       NULL);
  /* Alt+1 … Alt+7: the results in the order of the buttons. */
  for (int i = 0; i < (int) G_N_ELEMENTS (result_order); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "checklist.result", "i", i);
}

static void
cw_checklist_init (CwChecklist *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->questions = g_ptr_array_new ();
  self->bound_rows = g_ptr_array_new ();

  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->clause_view, factory);
  g_object_unref (factory);

  GtkToggleButton *group = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (result_order); i++)
    {
      CwResult result = result_order[i];
      g_autofree char *tooltip = g_strdup_printf (_("%s (Alt+%u)"), cw_result_label (result), i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (cw_result_label (result));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, cw_result_css_class (result));
      gtk_widget_add_css_class (button, "result-button");
      g_object_set_data (G_OBJECT (button), "result", GINT_TO_POINTER (result));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_result_toggled), self);
      self->result_buttons[result] = GTK_TOGGLE_BUTTON (button);
      gtk_flow_box_append (self->result_box, button);
      /* The flow box's cell around each button is what AT-SPI lists in the
       * grid; unnamed, it would be read as its type. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (button)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cw_result_label (result), -1);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_note_changed), self);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);

  /* Ctrl+Page Down and Up move between questions wherever the focus is in
   * the checklist: caught before the focused widget sees them, since the
   * note (a text view) would take them as its own. */
  GtkEventController *pages = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (pages, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (pages),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                      gtk_named_action_new ("checklist.next")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (pages),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                      gtk_named_action_new ("checklist.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), pages);
  /* Answers change during fieldwork: draw the chart afresh each time. */
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->chart_button), "show",
                            G_CALLBACK (load_chart), self);
}
