/* test-readiness-page.c: the Readiness page as a quality manager uses it on
 * the demo workspace: every colour shows with its reason, a record behind a
 * criterion opens in the window, an entry added through the dialog fills a
 * mandatory gap, an edit typed and tabbed away from is saved to the entry it
 * was typed into, and a bad CSV file is refused line by line with nothing
 * stored. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cw-actions-page.h"
#include "cw-application.h"
#include "cw-checklist.h"
#include "cw-date.h"
#include "cw-demo.h"
#include "cw-draft.h"
#include "cw-external.h"
#include "cw-readiness-page.h"
#include "cw-reviews-page.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-widgets.h"
#include "cw-window.h"

static CwApplication *app;

static char *
make_demo (char **dir)
{
  *dir = cw_test_make_dir ();
  char *path = cw_test_path (*dir, "demo.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_demo_create (path, &error);
  g_assert_no_error (error);
  return path;
}

static CwReadinessPage *
show_readiness (CwWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "readiness");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *page = cw_ui_find (GTK_WIDGET (window), CW_TYPE_READINESS_PAGE);
  g_assert_nonnull (page);
  return CW_READINESS_PAGE (page);
}

static void
collect (GtkWidget *root, GType type, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The text of the first badge under `root`. */
static GtkWidget *
find_badge (GtkWidget *root)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "result-badge"))
      return g_ptr_array_index (labels, i);
  return NULL;
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The first row behind a criterion that opens a record of `entity`. */
static AdwActionRow *
find_record (GtkWidget *page, const char *entity)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (page, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "entity"), entity) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_colours_and_records (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  CwReadinessPage *page = show_readiness (window);

  /* Every criterion shows its colour in words, its name and its reason;
   * the demo has all three colours. */
  g_autoptr (GPtrArray) expanders = g_ptr_array_new ();
  collect (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, expanders);
  /* The certification body's audits are expander rows too, but no criteria. */
  g_autoptr (GPtrArray) criteria = g_ptr_array_new ();
  for (guint i = 0; i < expanders->len; i++)
    if (g_object_get_data (g_ptr_array_index (expanders, i), "criterion") != NULL)
      g_ptr_array_add (criteria, g_ptr_array_index (expanders, i));
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) judged
    = cw_workspace_readiness (cw_window_get_workspace (window), CW_STAGE_BOTH, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, judged->len);
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  for (guint i = 0; i < criteria->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (criteria, i);
      CwReadyColour colour = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "colour"));
      seen[colour] = TRUE;
      GtkWidget *badge = find_badge (row);
      g_assert_nonnull (badge);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, cw_ready_colour_label (colour));
      g_assert_true (gtk_widget_has_css_class (badge, colour == CW_READY_RED     ? "ready-red"
                                                      : colour == CW_READY_AMBER ? "ready-amber"
                                                                                 : "ready-green"));
      const char *reason = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      g_assert_true (reason != NULL && *reason != '\0');
    }
  g_assert_true (seen[CW_READY_RED] && seen[CW_READY_AMBER] && seen[CW_READY_GREEN]);
  GtkWidget *major = find_row (GTK_WIDGET (page), "No open major nonconformity");
  g_assert_nonnull (major);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (major), TRUE);
  GtkWidget *documents
      = find_row (GTK_WIDGET (page), "Required documented information approved and current");
  g_assert_nonnull (documents);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (documents), TRUE);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "readiness");

  /* The audit behind a criterion opens in the window. */
  AdwActionRow *audit = find_record (GTK_WIDGET (page), "audit");
  g_assert_nonnull (audit);
  gint64 audit_id = cw_object_get_id (audit, "id");
  adw_action_row_activate (audit);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  g_assert_cmpint (cw_checklist_get_audit_id (checklist), ==, audit_id);

  /* So does the corrective action past its verification date. */
  page = show_readiness (window);
  AdwActionRow *action = find_record (GTK_WIDGET (page), "action");
  g_assert_nonnull (action);
  gint64 action_id = cw_object_get_id (action, "id");
  adw_action_row_activate (action);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *actions = cw_window_get_actions_page (window);
  g_assert_cmpint (cw_actions_page_get_action_id (CW_ACTIONS_PAGE (actions)), ==, action_id);

  /* The management review behind a criterion opens in the Reviews page. */
  page = show_readiness (window);
  AdwActionRow *review = find_record (GTK_WIDGET (page), "review");
  g_assert_nonnull (review);
  gint64 review_id = cw_object_get_id (review, "id");
  adw_action_row_activate (review);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *reviews = cw_window_get_reviews_page (window);
  g_assert_cmpint (cw_reviews_page_get_review_id (CW_REVIEWS_PAGE (reviews)), ==, review_id);

  /* A register entry opens in the page's own editor. */
  page = show_readiness (window);
  AdwActionRow *entry = find_record (GTK_WIDGET (page), "register");
  g_assert_nonnull (entry);
  adw_action_row_activate (entry);
  g_assert_cmpint (cw_readiness_page_get_entry_id (page), ==, cw_object_get_id (entry, "id"));
  cw_ui_close_window (window);
}

static CwRegisterItem *
find_item (GPtrArray *items, const char *clause, CwExpectedKind kind)
{
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (item->clause, clause) && item->kind == kind)
        return item;
    }
  g_assert_not_reached ();
}

static void
set_dialog_text (GtkWidget *dialog, const char *name, const char *text)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  collect (dialog, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (rows, i)), name))
      {
        gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, i)), text);
        return;
      }
  g_assert_not_reached ();
}

/* Scrolls the page so that `widget` shows at its top, for a screenshot. */
static void
scroll_to (GtkWidget *page, GtkWidget *widget)
{
  GtkScrolledWindow *scroller
      = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  graphene_point_t top;
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (scroller),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 60);
  cw_ui_wait_for_frames (page);
}

static void
test_add_fills_gap (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  CwReadinessPage *page = show_readiness (window);
  GDate today;
  g_date_set_time_t (&today, time (NULL));
  g_autoptr (GError) error = NULL;

  /* The demo lacks the internal agreements of 8.3.4.2: a red gap. */
  GtkWidget *gap = find_row (GTK_WIDGET (page), "8.3.4.2 · Document · mandatory");
  g_assert_nonnull (gap);
  g_assert_true (gtk_widget_has_css_class (find_badge (gap), "ready-red"));
  GtkWidget *register_list
      = gtk_widget_get_parent (find_row (GTK_WIDGET (page), "SMS-SCOPE · Scope of the service "
                                                            "management system"));
  scroll_to (GTK_WIDGET (page), register_list);
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-register");
  scroll_to (GTK_WIDGET (page), gap);
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-items");

  /* The gap offers the dialog, filled in with its clause and kind. */
  adw_action_row_activate (ADW_ACTION_ROW (gap));
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *dialog = GTK_WIDGET (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  set_dialog_text (dialog, "reference", "INT-AGR");
  set_dialog_text (dialog, "title", "Agreement with the internal network team");
  set_dialog_text (dialog, "approved_on", "2026-01-05");
  g_autoptr (GPtrArray) combos = g_ptr_array_new ();
  collect (dialog, ADW_TYPE_COMBO_ROW, combos);
  for (guint i = 0; i < combos->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (combos, i)), "status"))
      adw_combo_row_set_selected (g_ptr_array_index (combos, i), 2); /* Approved */
  cw_ui_wait_for_frames (dialog);
  cw_ui_screenshot (dialog, "readiness-add-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  cw_ui_wait_for_frames (GTK_WIDGET (window));

  g_autoptr (GPtrArray) items = cw_workspace_register_items (workspace, &today, &error);
  g_assert_no_error (error);
  CwRegisterItem *item = find_item (items, "8.3.4.2", CW_EXPECTED_DOCUMENT);
  g_assert_cmpint (item->status, ==, CW_DOC_APPROVED);
  gap = find_row (GTK_WIDGET (page), "8.3.4.2 · Document · mandatory");
  g_assert_true (gtk_widget_has_css_class (find_badge (gap), "ready-green"));
  /* The new entry is the one the editor shows. */
  g_autoptr (CwRegisterEntry) added
      = cw_workspace_find_register_entry (workspace, "INT-AGR", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_readiness_page_get_entry_id (page), ==, added->id);
  cw_ui_close_window (window);
}

static gboolean
title_is_stored (gpointer data)
{
  gpointer *pair = data; /* workspace, entry id */
  g_autoptr (CwRegisterEntry) entry
      = cw_workspace_get_register_entry (pair[0], GPOINTER_TO_INT (pair[1]), NULL);
  return entry != NULL && g_str_has_suffix (entry->title, " v2");
}

static gboolean
shows_row (gpointer data)
{
  gpointer *pair = data; /* page, title */
  return find_row (pair[0], pair[1]) != NULL;
}

static gboolean
criterion_green (gpointer page)
{
  GtkWidget *row = find_row (page, "Service management policy and objectives");
  return row != NULL && gtk_widget_has_css_class (find_badge (row), "ready-green");
}

static void
test_edit_saved_on_tab (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  /* Only leaving the row can save within the test's time. */
  guint pause = cw_draft_get_pause ();
  cw_draft_set_pause (10 * 60 * 1000);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  CwReadinessPage *page = show_readiness (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) objectives
      = cw_workspace_find_register_entry (workspace, "SM-OBJ", &error);
  g_assert_no_error (error);
  g_autoptr (CwRegisterEntry) policy
      = cw_workspace_find_register_entry (workspace, "SM-POL", &error);
  g_assert_no_error (error);

  cw_readiness_page_show_entry (page, objectives->id);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-editor");
  cw_ui_press_keys ("End space v 2 Tab");
  gpointer pair[] = { workspace, GINT_TO_POINTER (objectives->id) };
  cw_ui_wait_until (title_is_stored, pair);

  g_autoptr (CwRegisterEntry) saved
      = cw_workspace_get_register_entry (workspace, objectives->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->title, ==, "Service management objectives 2025-26 v2");
  g_assert_cmpint (saved->rev, >, objectives->rev);
  g_autoptr (CwRegisterEntry) other
      = cw_workspace_get_register_entry (workspace, policy->id, &error);
  g_assert_cmpstr (other->title, ==, policy->title);
  g_assert_cmpint (other->rev, ==, policy->rev);
  /* The register's row follows, once the focus has settled. */
  gpointer row[] = { page, "SM-OBJ · Service management objectives 2025-26 v2" };
  cw_ui_wait_until (shows_row, row);

  /* The objectives are past their review date, which keeps their criterion
   * amber: a new review date typed in the editor turns it green. */
  GtkWidget *objectives_criterion
      = find_row (GTK_WIDGET (page), "Service management policy and objectives");
  g_assert_true (gtk_widget_has_css_class (find_badge (objectives_criterion), "ready-amber"));
  GDate next;
  cw_date_local_today (&next);
  g_date_add_years (&next, 1);
  g_autofree char *day = cw_date_to_string (&next);
  g_autoptr (GString) keys = g_string_new ("ctrl+a");
  for (const char *c = day; *c != '\0'; c++)
    g_string_append_printf (keys, " %s", *c == '-' ? "minus" : (char[]){ *c, '\0' });
  g_string_append (keys, " Tab");
  gtk_widget_grab_focus (find_row (GTK_WIDGET (page), "Next review due (YYYY-MM-DD)"));
  cw_ui_press_keys (keys->str);
  cw_ui_wait_until (criterion_green, page);
  cw_ui_close_window (window);
  cw_draft_set_pause (pause);
}

static gboolean
page_is (gpointer data)
{
  gpointer *pair = data; /* view stack, name */
  return g_strcmp0 (adw_view_stack_get_visible_child_name (pair[0]), pair[1]) == 0;
}

/* Ctrl+6 shows the page; withdrawing an entry can be undone from its toast;
 * the coverage window is saved as it is set. */
static void
test_keys_withdraw_and_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_press_keys ("ctrl+6");
  gpointer shown[] = { cw_ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK), "readiness" };
  cw_ui_wait_until (page_is, shown);
  CwReadinessPage *page = show_readiness (window);

  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) draft
      = cw_workspace_find_register_entry (workspace, "CHG-STD", &error);
  g_assert_no_error (error);
  cw_readiness_page_show_entry (page, draft->id);
  gtk_widget_activate_action (GTK_WIDGET (page), "readiness.withdraw", NULL);
  g_autoptr (CwRegisterEntry) withdrawn
      = cw_workspace_get_register_entry (workspace, draft->id, &error);
  g_assert_cmpint (withdrawn->stored, ==, CW_DOC_WITHDRAWN);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *undo = cw_ui_find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_autoptr (CwRegisterEntry) restored
      = cw_workspace_get_register_entry (workspace, draft->id, &error);
  g_assert_cmpint (restored->stored, ==, CW_DOC_DRAFT);

  GtkSpinButton *months = GTK_SPIN_BUTTON (cw_ui_find (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (months, 18);
  g_assert_cmpuint (cw_workspace_get_coverage_months (workspace, &error), ==, 18);
  gtk_spin_button_set_value (months, 6);
  g_assert_cmpuint (cw_workspace_get_coverage_months (workspace, &error), ==, 6);
  g_assert_no_error (error);
  cw_ui_close_window (window);
}

/* Typed over an entry that changed elsewhere since it was shown: the
 * change made elsewhere stays, and the user is told. */
static void
test_edit_refused_over_newer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  guint pause = cw_draft_get_pause ();
  cw_draft_set_pause (10 * 60 * 1000);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  CwReadinessPage *page = show_readiness (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwRegisterEntry) shown
      = cw_workspace_find_register_entry (workspace, "SM-POL", &error);
  g_assert_no_error (error);
  cw_readiness_page_show_entry (page, shown->id);
  cw_ui_wait_for_frames (GTK_WIDGET (window));

  /* Someone else renames it meanwhile. */
  CwRegisterDraft elsewhere = {
    .reference = shown->reference,
    .title = "Service management policy (board copy)",
    .kind = shown->kind,
    .clauses = (const char *const *)shown->clauses,
    .version = shown->version,
    .owner = shown->owner,
    .approved_on = shown->approved_on,
    .review_due = shown->review_due,
    .status = shown->stored,
    .location = shown->location,
  };
  g_assert_true (cw_workspace_update_register_entry (workspace, shown, &elsewhere, &error));
  g_assert_no_error (error);

  cw_ui_press_keys ("End space X Tab");
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_test_message ("refused: %s", adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "close");
  g_autoptr (CwRegisterEntry) stored
      = cw_workspace_get_register_entry (workspace, shown->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "Service management policy (board copy)");
  cw_ui_close_window (window);
  cw_draft_set_pause (pause);
}

static void
test_bad_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  CwReadinessPage *page = show_readiness (window);
  gint64 history = cw_test_sql_int (path, "SELECT count(*) FROM history");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = cw_workspace_export_register (workspace, &error);
  g_assert_no_error (error);

  g_autofree char *bad = cw_test_path (dir, "bad.csv");
  const char bad_csv[] = "reference,title,kind,clauses,approved_on,status\n"
                         "NEW-ONE,A new procedure,document,8.1,2026-01-10,approved\n"
                         "ISP,Security policy,document,8.7.3.1,31/02/2026,approved\n"
                         "RFC,Requests for change,record,8.5.1.2,,pending\n";
  cw_test_write (bad, bad_csv, sizeof bad_csv - 1);
  g_autoptr (GFile) file = g_file_new_for_path (bad);
  g_assert_false (cw_readiness_page_import (page, file));

  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  cw_test_assert_contains (adw_message_dialog_get_body (dialog), "Nothing was imported");
  GtkWidget *details = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (details);
  const char *body = gtk_label_get_label (GTK_LABEL (cw_ui_find (details, GTK_TYPE_LABEL)));
  cw_test_assert_contains (body, "line 3: approved on");
  cw_test_assert_contains (body, "line 4: the status “pending”");
  g_assert_null (strstr (body, "line 2:"));
  cw_ui_wait_for_frames (GTK_WIDGET (dialog));
  cw_ui_screenshot (GTK_WIDGET (dialog), "readiness-import-refused");
  adw_message_dialog_response (dialog, "close");

  g_autofree char *after = cw_workspace_export_register (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (cw_test_sql_int (path, "SELECT count(*) FROM history"), ==, history);

  /* Export writes the register as the core exports it. */
  g_autofree char *out = cw_test_path (dir, "register.csv");
  g_autoptr (GFile) target = g_file_new_for_path (out);
  g_assert_true (cw_readiness_page_export (page, target));
  g_autofree char *written = NULL;
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, before);
  cw_ui_close_window (window);
}

/* A new workspace: every mandatory item is a gap, the register says how
 * to start, and the dates say where they are set. */
static void
test_new_workspace (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "new.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) made = cw_workspace_create (path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  CwWindow *window = cw_ui_open_window (app, path);
  CwReadinessPage *page = show_readiness (window);
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-new");
  g_assert_nonnull (find_row (GTK_WIDGET (page), "No entries yet"));
  GtkWidget *stage_one = find_row (GTK_WIDGET (page), "Stage One");
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (stage_one)), "No date set");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (stage_one)), ==,
                   "win.organisation");
  GtkWidget *documents
      = find_row (GTK_WIDGET (page), "Required documented information approved and current");
  g_assert_true (gtk_widget_has_css_class (find_badge (documents), "ready-red"));
  cw_ui_close_window (window);
}

static gboolean
names_file (gpointer chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  return file != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The page's Export Report… writes the readiness report where the file
 * chooser says, named for what it is. */
static void
test_export_report (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  g_autofree char *pdf = cw_test_path (dir, "readiness.pdf");
  CwWindow *window = cw_ui_open_window (app, path);
  CwReadinessPage *page = show_readiness (window);
  gtk_widget_activate_action (GTK_WIDGET (page), "readiness.report", NULL);
  cw_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Certification readiness.pdf");
  /* Typed in full into the name, as a user may. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), pdf);
  cw_ui_wait_until (names_file, chooser);
  g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (g_file_peek_path (chosen), ==, pdf);
  gtk_widget_activate (
      gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
  cw_ui_wait_until (file_written, pdf);
  g_autofree char *text = NULL;
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autofree char *command = g_strdup_printf ("pdftotext %s -", quoted);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
  cw_test_assert_contains (text, "Readiness for certification");
  cw_test_assert_contains (text, "Kestrelbrook Managed IT Ltd");
  cw_ui_close_window (window);
}

static gboolean
no_message_dialog (gpointer unused)
{
  return cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
pack_written (gpointer path)
{
  g_autofree char *index = g_build_filename (path, "index.pdf", NULL);
  return g_file_test (index, G_FILE_TEST_IS_REGULAR);
}

/* Prepare Stage One Pack…: refused with every problem listed and nothing
 * written while mandatory documents are missing; once each has an approved
 * file, written into the folder named in the chooser. */
static void
test_stage_one_pack (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  g_autofree char *pack = cw_test_path (dir, "pack");
  CwWindow *window = cw_ui_open_window (app, path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  CwReadinessPage *page = show_readiness (window);

  /* The demo's register lacks mandatory documents (8.3.4.2 at least). */
  g_autoptr (GFile) folder = g_file_new_for_path (pack);
  g_assert_false (cw_readiness_page_write_pack (page, folder));
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Stage One Pack Not Written");
  cw_test_assert_contains (adw_message_dialog_get_body (dialog), "was not written");
  GtkWidget *details = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (details);
  const char *problems = gtk_label_get_label (GTK_LABEL (cw_ui_find (details, GTK_TYPE_LABEL)));
  cw_test_assert_contains (problems, "Clause 8.3.4.2: no approved, current document");
  cw_ui_wait_for_frames (GTK_WIDGET (dialog));
  cw_ui_screenshot (GTK_WIDGET (dialog), "readiness-pack-refused");
  adw_message_dialog_response (dialog, "close");
  /* A response given in code does not close the dialog as a click does. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  cw_ui_wait_until (no_message_dialog, NULL);
  g_assert_false (g_file_test (pack, G_FILE_TEST_EXISTS));

  /* A file for every mandatory document, so that no gap depends on the date. */
  guint n;
  const CwMandatoryItem *items = cw_register_mandatory_items (&n);
  for (guint i = 0; i < n; i++)
    {
      if (items[i].kind != CW_EXPECTED_DOCUMENT)
        continue;
      g_autofree char *reference = g_strdup_printf ("PK-%s", items[i].clause);
      g_autofree char *file_name = g_strdup_printf ("%s.txt", reference);
      g_autofree char *file = cw_test_path (dir, file_name);
      cw_test_write (file, reference, strlen (reference));
      const char *clauses[] = { items[i].clause, NULL };
      CwRegisterDraft draft = {
        .reference = reference, .title = "Approved document", .kind = CW_EXPECTED_DOCUMENT,
        .clauses = clauses, .version = "1.0", .approved_on = "2026-01-05",
        .review_due = "2099-12-31", .status = CW_DOC_APPROVED, .file = file,
      };
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (cw_workspace_add_register_entry (workspace, &draft, &error), >, 0);
      g_assert_no_error (error);
    }

  gtk_widget_activate_action (GTK_WIDGET (page), "readiness.pack", NULL);
  cw_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkWindow *chooser = cw_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser))
                 == GTK_FILE_CHOOSER_ACTION_SAVE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), pack);
  cw_ui_wait_until (names_file, chooser);
  gtk_widget_activate (
      gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
  cw_ui_wait_until (pack_written, pack);
  g_autofree char *minutes = cw_test_path (pack, "review-minutes.pdf");
  g_assert_true (g_file_test (minutes, G_FILE_TEST_IS_REGULAR));
  g_autofree char *scope = cw_test_path (pack, "PK-4.3.txt");
  g_autoptr (GBytes) copied = cw_test_read (scope);
  g_assert_cmpmem (g_bytes_get_data (copied, NULL), g_bytes_get_size (copied), "PK-4.3", 6);

  /* Asked again for the same name: refused, the pack left as it is. */
  g_assert_false (cw_readiness_page_write_pack (page, folder));
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  dialog = ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  cw_test_assert_contains (adw_message_dialog_get_body (dialog), "already exists");
  adw_message_dialog_response (dialog, "close");
  cw_ui_close_window (window);
}

/* The certification body's audits are listed with their findings and
 * where each stands; the open concern behind a criterion is named by its
 * reference; a finding recorded elsewhere shows when the page is shown
 * again. */
static void
test_certification_body (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  CwReadinessPage *page = show_readiness (window);

  GtkWidget *stage_one = find_row (GTK_WIDGET (page), "Stage One, 2026-11-09 to 2026-11-10");
  g_assert_nonnull (stage_one);
  cw_test_assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (stage_one)),
                           "Fernhollow Certification Services Ltd, report FCS-S1-2026-0412");
  cw_test_assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (stage_one)),
                           "2 findings, 1 open");
  GtkWidget *resolved = find_row (stage_one, "S1-C1 · Area of concern at 7.5.2");
  g_assert_nonnull (resolved);
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (resolved)),
                           "Resolved on 2026-11-20");
  GtkWidget *open = find_row (stage_one, "S1-C2 · Area of concern at 8.7.2");
  g_assert_nonnull (open);
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (open)),
                           "Open, response due 2027-01-15; action");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage_one), TRUE);
  GtkWidget *concerns = find_row (GTK_WIDGET (page), "Every Stage One concern resolved");
  g_assert_nonnull (concerns);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (concerns), TRUE);
  g_assert_nonnull (find_row (concerns, "S1-C2"));
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  /* Scrolled so that the body's audits are in the picture. */
  GtkWidget *scroller = gtk_widget_get_ancestor (stage_one, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;
  g_assert_true (gtk_widget_compute_point (stage_one, scroller, &GRAPHENE_POINT_INIT (0, 0), &at));
  GtkAdjustment *vertical = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (vertical, gtk_adjustment_get_value (vertical) + at.y - 300);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-certification-body");

  /* The body's Stage Two report, recorded elsewhere (the CLI), shows. */
  CwWorkspace *workspace = cw_window_get_workspace (window);
  g_autoptr (GError) error = NULL;
  CwExternalAuditDraft two = { .kind = CW_EXTERNAL_STAGE_TWO,
                               .body = "Fernhollow Certification Services Ltd",
                               .starts_on = "2027-04-12", .ends_on = "2027-04-14" };
  gint64 audit = cw_workspace_add_external_audit (workspace, &two, &error);
  g_assert_no_error (error);
  CwExternalFindingDraft major = { .audit_id = audit, .grade = CW_BODY_MAJOR,
                                   .reference = "S2-N1", .clause = "8.7.2",
                                   .text = "No continuity test record" };
  g_assert_cmpint (cw_workspace_add_external_finding (workspace, &major, &error), >, 0);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "actions");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  page = show_readiness (window);
  GtkWidget *stage_two = find_row (GTK_WIDGET (page), "Stage Two, 2027-04-12 to 2027-04-14");
  g_assert_nonnull (stage_two);
  g_assert_nonnull (find_row (stage_two, "S2-N1 · Major nonconformity at 8.7.2"));
  GtkWidget *majors = find_row (GTK_WIDGET (page), "No open major nonconformity");
  cw_test_assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (majors)), "S2-N1");
  cw_ui_close_window (window);
}

/* The first widget named `name` under `root`. */
static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The form now open: whether it can be saved, and the reason when not. */
static AdwMessageDialog *
open_form (void)
{
  cw_ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  return ADW_MESSAGE_DIALOG (cw_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
assert_refuses (AdwMessageDialog *form, const char *reason)
{
  g_assert_false (adw_message_dialog_get_response_enabled (form, "save"));
  GtkWidget *hint = find_named (GTK_WIDGET (form), "hint");
  g_assert_true (gtk_widget_get_visible (hint));
  cw_test_assert_contains (gtk_label_get_label (GTK_LABEL (hint)), reason);
}

static void
save_form (AdwMessageDialog *form)
{
  g_assert_true (adw_message_dialog_get_response_enabled (form, "save"));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (form), "hint")));
  adw_message_dialog_response (form, "save");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* A body's audit, one of its findings and the finding's resolution, all
 * recorded from the page: Save waits until the core would take what is
 * typed and says why not meanwhile, so nothing typed is lost. */
static void
test_record_body_audit (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  CwReadinessPage *page = show_readiness (window);
  CwWorkspace *workspace = cw_window_get_workspace (window);

  gtk_widget_activate_action (GTK_WIDGET (page), "readiness.record-external", NULL);
  AdwMessageDialog *form = open_form ();
  /* The organisation's body is filled in; the start date is not. */
  GtkWidget *body = find_named (GTK_WIDGET (form), "body");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (body)), ==,
                   "Fernhollow Certification Services Ltd");
  assert_refuses (form, "the day the audit started");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (form), "kind")), 1);
  set_dialog_text (GTK_WIDGET (form), "starts_on", "2027-04-12");
  set_dialog_text (GTK_WIDGET (form), "ends_on", "2027-04-10");
  assert_refuses (form, "before it starts");
  set_dialog_text (GTK_WIDGET (form), "ends_on", "2027-04-14");
  set_dialog_text (GTK_WIDGET (form), "reference", "FCS-S2-2027-0077");
  cw_ui_wait_for_frames (GTK_WIDGET (form));
  cw_ui_screenshot (GTK_WIDGET (form), "readiness-record-audit");
  save_form (form);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWidget *stage_two = find_row (GTK_WIDGET (page), "Stage Two, 2027-04-12 to 2027-04-14");
  g_assert_nonnull (stage_two);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_external_audits (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audits->len, ==, 2);

  /* A finding, from the audit's own row; a Stage Two takes no concern. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage_two), TRUE);
  GtkWidget *add = find_row (stage_two, "Add Finding…");
  g_assert_nonnull (add);
  gtk_widget_activate (add);
  form = open_form ();
  GtkWidget *grade = find_named (GTK_WIDGET (form), "grade");
  GListModel *grades = adw_combo_row_get_model (ADW_COMBO_ROW (grade));
  g_assert_cmpuint (g_list_model_get_n_items (grades), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (grades), 0), ==,
                   cw_body_grade_label (CW_BODY_MAJOR));
  set_dialog_text (GTK_WIDGET (form), "reference", "S2-N1");
  set_dialog_text (GTK_WIDGET (form), "text", "No record of a continuity test in 2026");
  set_dialog_text (GTK_WIDGET (form), "clause", "8.7.9");
  assert_refuses (form, "no clause “8.7.9”");
  set_dialog_text (GTK_WIDGET (form), "clause", "8.7.2");
  set_dialog_text (GTK_WIDGET (form), "respond_by", "2027-05-12");
  save_form (form);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  stage_two = find_row (GTK_WIDGET (page), "Stage Two, 2027-04-12 to 2027-04-14");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (stage_two)));
  GtkWidget *major = find_row (stage_two, "S2-N1 · Major nonconformity at 8.7.2");
  g_assert_nonnull (major);
  GtkWidget *majors = find_row (GTK_WIDGET (page), "No open major nonconformity");
  cw_test_assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (majors)), "S2-N1");

  /* Resolved from its own row: not before its audit, and said how. */
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  collect (major, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_widget_activate (g_ptr_array_index (buttons, 0));
  form = open_form ();
  assert_refuses (form, "before its audit began");
  set_dialog_text (GTK_WIDGET (form), "resolved_on", "2027-05-03");
  assert_refuses (form, "Say how");
  set_dialog_text (GTK_WIDGET (form), "how", "Test record CT-2027-01 accepted by the body");
  save_form (form);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  major = find_row (GTK_WIDGET (page), "S2-N1 · Major nonconformity at 8.7.2");
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (major)),
                           "Resolved on 2027-05-03");
  g_autoptr (GPtrArray) findings = cw_workspace_list_external_findings (workspace, 0, &error);
  g_assert_no_error (error);
  gboolean resolved = FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      CwExternalFinding *finding = g_ptr_array_index (findings, i);
      if (g_str_equal (finding->reference, "S2-N1"))
        resolved = finding->resolved && g_str_equal (finding->resolved_on, "2027-05-03");
    }
  g_assert_true (resolved);
  cw_ui_close_window (window);
}

/* Once certified, the page leads with the cycle: the certificate, the
 * three visits and what the next one looks at. */
static void
test_cycle (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) workspace = cw_workspace_open (path, &error);
    g_assert_no_error (error);
    g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
    g_free (organisation->stage_two);
    organisation->stage_two = g_strdup ("2025-11-10");
    organisation->certified_on = g_strdup ("2025-12-01");
    g_assert_true (cw_workspace_set_organisation (workspace, organisation, &error));
    g_assert_no_error (error);
  }
  CwWindow *window = cw_ui_open_window (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  CwReadinessPage *page = show_readiness (window);
  GtkWidget *certificate = find_row (GTK_WIDGET (page), "Certificate");
  g_assert_nonnull (certificate);
  cw_test_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (certificate)),
                           "Granted on 2025-12-01, valid until 2028-11-30");
  const char *visits[] = { "First surveillance audit", "Second surveillance audit",
                           "Recertification audit", "Certificate in force",
                           "Certification body's findings resolved",
                           "Clauses audited internally since the last visit" };
  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    {
      GtkWidget *row = find_row (GTK_WIDGET (page), visits[i]);
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_is_visible (row));
      g_assert_nonnull (find_badge (row));
    }
  GtkWidget *first = find_row (GTK_WIDGET (page), "First surveillance audit");
  cw_test_assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)),
                           "Due by 2026-12-01");
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  cw_ui_screenshot (GTK_WIDGET (window), "readiness-cycle");
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/readiness/colours-and-records", test_colours_and_records);
  g_test_add_func ("/ui/readiness/certification-body", test_certification_body);
  g_test_add_func ("/ui/readiness/record-body-audit", test_record_body_audit);
  g_test_add_func ("/ui/readiness/cycle", test_cycle);
  g_test_add_func ("/ui/readiness/add-fills-gap", test_add_fills_gap);
  g_test_add_func ("/ui/readiness/edit-saved-on-tab", test_edit_saved_on_tab);
  g_test_add_func ("/ui/readiness/bad-import", test_bad_import);
  g_test_add_func ("/ui/readiness/keys-withdraw-and-window", test_keys_withdraw_and_window);
  g_test_add_func ("/ui/readiness/new-workspace", test_new_workspace);
  g_test_add_func ("/ui/readiness/export-report", test_export_report);
  g_test_add_func ("/ui/readiness/stage-one-pack", test_stage_one_pack);
  g_test_add_func ("/ui/readiness/edit-refused-over-newer", test_edit_refused_over_newer);
  return g_test_run ();
}
