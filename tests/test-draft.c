/* test-draft.c: a draft saves typed text into the record it was made for,
 * only when the text differs from what was loaded, after a pause or when
 * flushed, and reports a refusal once. */
#include "config.h"

#include "cw-draft.h"
#include "cw-test-util.h"

typedef struct
{
  char *dir;
  CwWorkspace *workspace;
  GPtrArray *saves; /* "record key text", one a save */
  gboolean refuse;
  guint saved;
  guint failed;
} Fixture;

static Fixture *current;

static gboolean
record_save (CwWorkspace *workspace, gint64 record_id, const char *key, const char *text,
             GError **error)
{
  g_assert_true (workspace == current->workspace);
  if (current->refuse)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, "refused");
      return FALSE;
    }
  g_ptr_array_add (current->saves,
                   g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", record_id, key, text));
  return TRUE;
}

static void
on_saved (CwDraft *draft, Fixture *f)
{
  f->saved++;
}

static void
on_failed (CwDraft *draft, GError *error, Fixture *f)
{
  g_assert_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID);
  f->failed++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->workspace = cw_test_new_workspace (&f->dir);
  f->saves = g_ptr_array_new_with_free_func (g_free);
  current = f;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  current = NULL;
  g_ptr_array_unref (f->saves);
  g_object_unref (f->workspace);
  g_free (f->dir);
}

static CwDraft *
make_draft (Fixture *f, const char *loaded)
{
  CwDraft *draft = cw_draft_new (f->workspace, 7, "8.5.1.1.q1", loaded, record_save);
  g_signal_connect (draft, "saved", G_CALLBACK (on_saved), f);
  g_signal_connect (draft, "failed", G_CALLBACK (on_failed), f);
  return draft;
}

static void
test_loading_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (CwDraft) draft = make_draft (f, "Stored note");
  g_assert_false (cw_draft_is_dirty (draft));
  g_assert_true (cw_draft_flush (draft));
  /* Typed and typed back: nothing to save. */
  cw_draft_set_text (draft, "Stored note, amended");
  cw_draft_set_text (draft, "Stored note");
  g_assert_false (cw_draft_is_dirty (draft));
  g_assert_true (cw_draft_flush (draft));
  g_assert_cmpuint (f->saves->len, ==, 0);
  g_assert_cmpuint (f->saved, ==, 0);
}

static void
test_saves_to_its_record (Fixture *f, gconstpointer data)
{
  g_autoptr (CwDraft) draft = make_draft (f, NULL);
  g_assert_cmpint (cw_draft_get_record_id (draft), ==, 7);
  g_assert_cmpstr (cw_draft_get_key (draft), ==, "8.5.1.1.q1");
  g_assert_cmpstr (cw_draft_get_text (draft), ==, "");
  cw_draft_set_text (draft, "Seen on the intranet");
  g_assert_true (cw_draft_is_dirty (draft));
  g_assert_true (cw_draft_flush (draft));
  g_assert_false (cw_draft_is_dirty (draft));
  g_assert_true (cw_draft_flush (draft));
  g_assert_cmpuint (f->saves->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->saves, 0), ==, "7 8.5.1.1.q1 Seen on the intranet");
  g_assert_cmpuint (f->saved, ==, 1);
}

static gboolean
give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_saves_after_pause (Fixture *f, gconstpointer data)
{
  g_autoptr (CwDraft) draft = make_draft (f, "");
  cw_draft_set_text (draft, "Seen");
  cw_draft_set_text (draft, "Seen in the CAB minutes");
  /* The draft's own timer ends the wait; the cap only stops a hang. */
  gboolean expired = FALSE;
  guint cap = g_timeout_add_seconds (10, give_up, &expired);
  while (f->saved == 0 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (cap);
  g_assert_cmpuint (f->saves->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->saves, 0), ==, "7 8.5.1.1.q1 Seen in the CAB minutes");
  g_assert_false (cw_draft_is_dirty (draft));
}

static void
test_refusal_reported_once (Fixture *f, gconstpointer data)
{
  g_autoptr (CwDraft) draft = make_draft (f, "");
  f->refuse = TRUE;
  cw_draft_set_text (draft, "2027-02-30");
  g_assert_false (cw_draft_flush (draft));
  g_assert_false (cw_draft_flush (draft));
  g_assert_cmpuint (f->failed, ==, 1);
  g_assert_true (cw_draft_is_dirty (draft));
  /* Changed text is offered again. */
  f->refuse = FALSE;
  cw_draft_set_text (draft, "2027-02-28");
  g_assert_true (cw_draft_flush (draft));
  g_assert_cmpuint (f->saves->len, ==, 1);
  g_assert_cmpuint (f->failed, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ui/draft/loading-writes-nothing", Fixture, NULL, fixture_set_up,
              test_loading_writes_nothing, fixture_tear_down);
  g_test_add ("/ui/draft/saves-to-its-record", Fixture, NULL, fixture_set_up,
              test_saves_to_its_record, fixture_tear_down);
  g_test_add ("/ui/draft/saves-after-pause", Fixture, NULL, fixture_set_up,
              test_saves_after_pause, fixture_tear_down);
  g_test_add ("/ui/draft/refusal-reported-once", Fixture, NULL, fixture_set_up,
              test_refusal_reported_once, fixture_tear_down);
  return g_test_run ();
}
