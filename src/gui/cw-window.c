/* cw-window.c: the main window: one workspace shown in pages (audits,
 * findings, actions, reviews, programme; each a CwPage bound to the
 * window's workspace), navigation between them through the window's
 * actions, opening workspaces, and search across the workspace. */
#define G_LOG_DOMAIN "cw-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cw-audit-editor.h"
#include "cw-audits-page.h"
#include "cw-audit.h"
#include "cw-actions-page.h"
#include "cw-case-audit.h"
#include "cw-case-ui.h"
#include "cw-exchange-ui.h"
#include "cw-organisation-dialog.h"
#include "cw-report-ui.h"
#include "cw-finding.h"
#include "cw-findings-page.h"
#include "cw-programme-page.h"
#include "cw-practice-page.h"
#include "cw-readiness-page.h"
#include "cw-reviews-page.h"
#include "cw-demo.h"
#include "cw-search.h"
#include "cw-window.h"
#include "cw-widgets.h"

struct _CwWindow
{
  AdwApplicationWindow parent_instance;

  CwWorkspace *workspace;

  AdwToastOverlay *toasts;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  guint switchers_idle;
  GtkRevealer *read_only_bar;
  GtkRevealer *case_bar;
  GtkLabel *case_label;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *search_button;
  GtkStack *main_stack;
  CwAuditsPage *audits_page;
  GtkListBox *search_results;
  GCancellable *search_cancellable; /* the search under way, cancelled by the next */
  GMenu *recent_menu;
  AdwViewStack *view_stack;
  GHashTable *pages; /* name → CwPage, each made on first visit */
  GSignalGroup *changes; /* the workspace's changes the window itself shows */
};

G_DEFINE_FINAL_TYPE (CwWindow, cw_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The pages of the view stack besides the audits: each is made when first
 * shown, in the AdwBin "<name>_holder" of the template, with the window's
 * workspace bound to it. */
static const struct
{
  const char *name;
  GType (*get_type) (void);
} lazy_pages[] = {
  { "findings", cw_findings_page_get_type },
  { "actions", cw_actions_page_get_type },
  { "reviews", cw_reviews_page_get_type },
  { "programme", cw_programme_page_get_type },
  { "readiness", cw_readiness_page_get_type },
  { "practice", cw_practice_page_get_type },
};

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
  if (g_strcmp0 (cw_audits_page_get_view (self->audits_page), "welcome") == 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkWidget *
cw_window_get_checklist (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return cw_audits_page_get_checklist (self->audits_page);
}

GtkWidget *
cw_window_get_audits_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->audits_page);
}

/* The page called `name`, made now if it was not yet. */
static CwPage *
get_page (CwWindow *self, const char *name)
{
  if (g_str_equal (name, "audits"))
    return CW_PAGE (self->audits_page);
  CwPage *page = g_hash_table_lookup (self->pages, name);
  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (lazy_pages); i++)
    if (g_str_equal (lazy_pages[i].name, name))
      {
        g_autofree char *holder_id = g_strconcat (name, "_holder", NULL);
        AdwBin *holder
          = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (self), CW_TYPE_WINDOW, holder_id));
        page = g_object_new (lazy_pages[i].get_type (), NULL);
        adw_bin_set_child (holder, GTK_WIDGET (page));
        g_object_bind_property (self, "workspace", page, "workspace", G_BINDING_SYNC_CREATE);
        g_hash_table_insert (self->pages, (gpointer) lazy_pages[i].name, page);
      }
  return page;
}

GtkWidget *
cw_window_get_findings_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_page (self, "findings"));
}

GtkWidget *
cw_window_get_actions_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_page (self, "actions"));
}

GtkWidget *
cw_window_get_reviews_page (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (get_page (self, "reviews"));
}

/* A page shown reads again what changed since it was last shown, and
 * takes the focus, so that its keys work at once. */
static void
on_page_changed (CwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  CwPage *page = name ? get_page (self, name) : NULL;
  if (page == NULL)
    return;
  cw_page_shown (page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  if ((focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
      && !gtk_widget_grab_focus (GTK_WIDGET (page)))
    gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

/* Shows an action in the register (the Actions page). */
void
cw_window_show_action (CwWindow *self, gint64 action_id)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  cw_actions_page_show_action (CW_ACTIONS_PAGE (get_page (self, "actions")), action_id);
}

void
cw_window_show_review (CwWindow *self, gint64 review_id)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  adw_view_stack_set_visible_child_name (self->view_stack, "reviews");
  cw_reviews_page_show_review (CW_REVIEWS_PAGE (get_page (self, "reviews")), review_id);
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
show_review_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_window_show_review (CW_WINDOW (widget), g_variant_get_int64 (parameter));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.assign", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.conflicts", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.export-workspace",
                                 self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.export-audit",
                                 self->workspace != NULL);
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
  /* A case audit's workspace says so, so that nobody takes it for an
   * organisation's. */
  g_autoptr (CwCaseStudy) study = self->workspace && cw_workspace_is_case_study (self->workspace)
                                    ? cw_case_study_load (self->workspace, NULL)
                                    : NULL;
  g_autofree char *subtitle
    = study ? g_strdup_printf (_("Case audit by trainee %s — %s"), study->trainee, file)
            : g_strdup (file ? file : "");
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  if (study != NULL)
    {
      g_autofree char *banner = g_strdup_printf (
        _("Case audit of a fictional organisation for trainee %s: nothing here is an "
          "organisation's own record. The audit's menu has the case library and the debrief."),
        study->trainee);
      gtk_label_set_label (self->case_label, banner);
    }
  gtk_revealer_set_reveal_child (self->case_bar, study != NULL);
  g_autofree char *title = file ? g_strdup_printf ("%s — %s", name, subtitle) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Shows the workspace after a search: the page the view stack is at. */
static void
show_workspace (CwWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
}

void
cw_window_show_audit (CwWindow *self, gint64 audit_id, const char *place)
{
  g_return_if_fail (CW_IS_WINDOW (self));
  g_autoptr (GError) error = NULL;
  if (!cw_audits_page_show_audit (self->audits_page, audit_id, place, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Open the Audit"), error);
      return;
    }
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  show_workspace (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "audits");
  gtk_widget_grab_focus (cw_window_get_checklist (self));
}

/* What is being typed goes to the workspace it was typed in, before the
 * window closes. */
static void
save_typing (CwWindow *self)
{
  cw_page_save (CW_PAGE (self->audits_page));
  GHashTableIter iter;
  gpointer page;
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    cw_page_save (page);
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
      if (!gtk_search_bar_get_search_mode (self->search_bar))
        show_workspace (self);
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
  show_workspace (self);
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
      show_workspace (self);
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

  g_set_object (&self->workspace, workspace);
  g_signal_group_set_target (self->changes, workspace);
  apply_auditor_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  cw_application_remember_workspace (CW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), path);
  update_title (self);
  update_actions (self);
  show_workspace (self);
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
  save_typing (self);
  return GTK_WINDOW_CLASS (cw_window_parent_class)->close_request (window);
}

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->switchers_idle, g_source_remove);
  /* The pages let the workspace go with the window, whatever keeps a page
   * itself alive: GTK 4.8 can keep a page that once held the focus (focus
   * in the Reviews page, another page and back, then an audit opened), and
   * with it the workspace, still claimed, so the file could not be opened
   * again until the app quit. */
  if (self->audits_page != NULL)
    cw_page_set_workspace (CW_PAGE (self->audits_page), NULL);
  if (self->pages != NULL)
    {
      GHashTableIter iter;
      gpointer page;
      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &page))
        cw_page_set_workspace (page, NULL);
    }
  /* Pages leave the stack while it goes: none of them is being shown. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, on_page_changed, self);
  if (self->changes != NULL)
    g_signal_group_set_target (self->changes, NULL);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, CW_WINDOW (object)->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_window_dispose;
  object_class->get_property = cw_window_get_property;

  /* The workspace shown; every page is bound to it. */
  properties[PROP_WORKSPACE]
    = g_param_spec_object ("workspace", NULL, NULL, CW_TYPE_WORKSPACE,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = cw_window_close_request;

  g_type_ensure (CW_TYPE_AUDITS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, case_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, case_label);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, audits_page);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, view_stack);
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    {
      g_autofree char *holder_id = g_strconcat (lazy_pages[i].name, "_holder", NULL);
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (holder_id), FALSE,
                                                 0);
    }
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_result_activated);

  gtk_widget_class_install_action (widget_class, "win.new-audit", NULL, new_audit_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.organisation", NULL, organisation_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-audit", "x", show_audit_action);
  gtk_widget_class_install_action (widget_class, "win.show-finding", "x", show_finding_action);
  gtk_widget_class_install_action (widget_class, "win.show-action", "x", show_action_action);
  gtk_widget_class_install_action (widget_class, "win.show-review", "x", show_review_action);
  cw_report_ui_install_actions (widget_class);
  cw_exchange_ui_install_actions (widget_class);
  cw_case_ui_install_actions (widget_class);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "readiness");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_CONTROL_MASK, "win.show-page",
                                       "s", "practice");
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
  self->pages = g_hash_table_new (g_str_hash, g_str_equal);
  /* The organisation's name heads the window and the audit list. */
  self->changes = g_signal_group_new (CW_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->changes, "changed::organisation", G_CALLBACK (update_title),
                                  self);
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
