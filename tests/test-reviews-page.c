/* test-reviews-page.c: the management review page. A note typed for one
 * input is saved into that input of that review when the focus moves on,
 * and never into another; approving minutes with an input not addressed
 * shows the core's refusal, naming the input, and leaves the review a
 * draft. */
#include "config.h"

#include <adwaita.h>

#include "cw-application.h"
#include "cw-date.h"
#include "cw-review.h"
#include "cw-reviews-page.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;

typedef struct
{
  char *dir;
  char *path;
  gint64 review;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cw_test_make_dir ();
  f->path = cw_test_path (f->dir, "reviews.clausewise");
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (f->path, "Example Services Ltd", &error);
  g_assert_no_error (error);
  GDate today;
  cw_date_local_today (&today);
  g_autofree char *held_on = cw_date_to_string (&today);
  CwReviewDraft draft = { .held_on = held_on, .chair = "Eleanor Whitcombe" };
  f->review = cw_workspace_create_review (workspace, &draft, &today, &error);
  g_assert_no_error (error);
  CwReviewAttendeeDraft chair = { "Eleanor Whitcombe", "Managing director", TRUE };
  g_assert_cmpuint (cw_workspace_add_review_attendee (workspace, f->review, &chair, &error), ==,
                    1);
  g_assert_true (cw_workspace_conclude_review (workspace, f->review, "Fit for purpose.",
                                               "2099-01-31", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  g_free (f->dir);
}

static GtkWidget *
show_review (CwWindow *window, gint64 id)
{
  cw_window_show_review (window, id);
  GtkWidget *page = cw_window_get_reviews_page (window);
  g_assert_cmpint (cw_reviews_page_get_review_id (CW_REVIEWS_PAGE (page)), ==, id);
  return page;
}

/* The notes view of one input. */
static GtkWidget *
find_notes (GtkWidget *root, const char *input)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child)
          && g_strcmp0 (g_object_get_data (G_OBJECT (child), "input"), input) == 0)
        return child;
      GtkWidget *found = find_notes (child, input);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
visible_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return visible_dialog () != NULL;
}

static CwReview *
get_review (CwWorkspace *workspace, gint64 id)
{
  g_autoptr (GError) error = NULL;
  CwReview *review = cw_workspace_get_review (workspace, id, &error);
  g_assert_no_error (error);
  return review;
}

typedef struct
{
  CwWorkspace *workspace;
  gint64 id;
  const char *input;
  const char *notes;
} Expected;

static gboolean
notes_are_stored (gpointer data)
{
  Expected *expected = data;
  g_autoptr (CwReview) review = get_review (expected->workspace, expected->id);
  return g_strcmp0 (cw_review_lookup_entry (review, expected->input)->notes, expected->notes)
         == 0;
}

static void
test_note_goes_to_its_input (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GtkWidget *page = show_review (window, f->review);
  GtkWidget *resources = find_notes (page, "resources");
  GtkWidget *risks = find_notes (page, "risks-opportunities");
  g_assert_nonnull (resources);
  g_assert_nonnull (risks);

  g_assert_true (gtk_widget_grab_focus (resources));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (resources)),
                            "The night shift is one engineer short.\nOvertime covers it.", -1);
  /* Moving to the next input saves the first, at once. */
  g_assert_true (gtk_widget_grab_focus (risks));
  Expected expected
    = { workspace, f->review, "resources", "The night shift is one engineer short.\nOvertime covers it." };
  g_assert_true (notes_are_stored (&expected));
  g_autoptr (CwReview) review = get_review (workspace, f->review);
  g_assert_cmpstr (cw_review_lookup_entry (review, "risks-opportunities")->notes, ==, "");

  /* Typing into the second, then showing the review again: it goes to the
   * second input only. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (risks)),
                            "Fail-over untested.", -1);
  show_review (window, f->review);
  Expected second = { workspace, f->review, "risks-opportunities", "Fail-over untested." };
  g_assert_true (notes_are_stored (&second));
  g_assert_true (notes_are_stored (&expected));
  cw_ui_screenshot (GTK_WIDGET (window), "reviews-page");
  cw_ui_close_window (window);
}

static void
test_approve_refused (Fixture *f, gconstpointer data)
{
  CwWindow *window = cw_ui_open_window (app, f->path);
  CwWorkspace *workspace = cw_window_get_workspace (window);
  GtkWidget *page = show_review (window, f->review);
  /* Every input addressed but one. */
  g_autoptr (CwReview) before = get_review (workspace, f->review);
  GPtrArray *entries = cw_review_get_entries (before);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      if (g_str_equal (entry->input, "resources"))
        continue;
      g_autoptr (GError) error = NULL;
      g_assert_true (cw_workspace_note_review (workspace, f->review, entry->input, "Discussed.",
                                               &error));
    }
  page = show_review (window, f->review);

  g_assert_true (gtk_widget_activate_action (page, "reviews.approve", NULL));
  cw_ui_wait_until (dialog_shown, NULL);
  AdwMessageDialog *ask = visible_dialog ();
  GtkEditable *by = g_object_get_data (G_OBJECT (ask), "by");
  g_assert_nonnull (by);
  /* The chair is offered; the login name never is. */
  g_assert_cmpstr (gtk_editable_get_text (by), ==, "Eleanor Whitcombe");
  adw_message_dialog_response (ask, "accept");
  gtk_window_destroy (GTK_WINDOW (ask));

  cw_ui_wait_until (dialog_shown, NULL);
  AdwMessageDialog *refusal = visible_dialog ();
  const char *body = adw_message_dialog_get_body (refusal);
  g_assert_nonnull (strstr (body, "“Adequacy of resources”"));
  g_assert_null (strstr (body, "“Audit results”"));
  cw_ui_screenshot (GTK_WIDGET (refusal), "reviews-approve-refused");
  gtk_window_destroy (GTK_WINDOW (refusal));

  g_autoptr (CwReview) after = get_review (workspace, f->review);
  g_assert_cmpint (cw_review_get_status (after), ==, CW_REVIEW_DRAFT);
  g_assert_null (cw_review_get_approved_by (after));
  cw_ui_close_window (window);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add ("/ui/reviews-page/note-goes-to-its-input", Fixture, NULL, fixture_set_up,
              test_note_goes_to_its_input, fixture_tear_down);
  g_test_add ("/ui/reviews-page/approve-refused", Fixture, NULL, fixture_set_up,
              test_approve_refused, fixture_tear_down);
  return g_test_run ();
}
