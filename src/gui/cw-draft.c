/* cw-draft.c: the text typed into one field of one record, on its way to
 * the workspace.
 *
 * The record is fixed when the draft is made. An editor that moves to
 * another record flushes its draft and makes a new one instead of pointing
 * the old one elsewhere, so typed text can only ever be saved into the record
 * it was typed for, however late the save comes. A draft saves only text that
 * differs from what it was made with (or last saved), so loading a record
 * into an editor never writes.
 *
 * A draft saves itself after a pause in typing; its editor flushes it on
 * focus-out, on moving to another record or page and on close. Saves report
 * through ::saved and ::failed, whatever started them: a pause has no caller
 * to hand an error to. */
#define G_LOG_DOMAIN "cw-draft"

#include "config.h"

#include "cw-draft.h"

struct _CwDraft
{
  GObject parent_instance;

  CwWorkspace *workspace;
  gint64 record_id;
  char *key;
  CwDraftSaveFunc save;

  char *stored;  /* what the workspace holds, as far as this draft knows */
  char *text;    /* what has been typed */
  char *refused; /* the text the workspace refused last */
  guint pause;
};

G_DEFINE_FINAL_TYPE (CwDraft, cw_draft, G_TYPE_OBJECT)

enum
{
  SAVED,
  FAILED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

CwDraft *
cw_draft_new (CwWorkspace *workspace, gint64 record_id, const char *key, const char *loaded,
              CwDraftSaveFunc save)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (save != NULL, NULL);

  CwDraft *self = g_object_new (CW_TYPE_DRAFT, NULL);
  self->workspace = g_object_ref (workspace);
  self->record_id = record_id;
  self->key = g_strdup (key);
  self->save = save;
  self->stored = g_strdup (loaded ? loaded : "");
  self->text = g_strdup (self->stored);
  return self;
}

gint64
cw_draft_get_record_id (CwDraft *self)
{
  g_return_val_if_fail (CW_IS_DRAFT (self), 0);
  return self->record_id;
}

const char *
cw_draft_get_key (CwDraft *self)
{
  g_return_val_if_fail (CW_IS_DRAFT (self), NULL);
  return self->key;
}

const char *
cw_draft_get_text (CwDraft *self)
{
  g_return_val_if_fail (CW_IS_DRAFT (self), NULL);
  return self->text;
}

gboolean
cw_draft_is_dirty (CwDraft *self)
{
  g_return_val_if_fail (CW_IS_DRAFT (self), FALSE);
  return !g_str_equal (self->text, self->stored);
}

static gboolean
on_pause (gpointer data)
{
  CwDraft *self = data;
  self->pause = 0;
  cw_draft_flush (self);
  return G_SOURCE_REMOVE;
}

/* The pause, one for the whole app: the application follows its setting. */
static guint pause_ms = CW_DRAFT_PAUSE_MS;

void
cw_draft_set_pause (guint ms)
{
  pause_ms = ms;
}

guint
cw_draft_get_pause (void)
{
  return pause_ms;
}

/* What the user has typed now; saved after the pause without another
 * change. */
void
cw_draft_set_text (CwDraft *self, const char *text)
{
  g_return_if_fail (CW_IS_DRAFT (self));
  text = text ? text : "";
  if (g_str_equal (text, self->text))
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_handle_id (&self->pause, g_source_remove);
  /* Typed back to what is stored: nothing left to save. */
  if (cw_draft_is_dirty (self))
    self->pause = g_timeout_add (pause_ms, on_pause, self);
}

/* Saves the text now if it differs from what is stored. TRUE when the
 * workspace holds the text; FALSE when it refused it (reported through
 * ::failed). */
gboolean
cw_draft_flush (CwDraft *self)
{
  g_return_val_if_fail (CW_IS_DRAFT (self), FALSE);
  g_clear_handle_id (&self->pause, g_source_remove);
  if (!cw_draft_is_dirty (self))
    return TRUE;
  /* A refusal is reported once: the error dialog takes the focus, and the
   * focus-out it causes would otherwise offer the same text again, and
   * again. Any change to the text is offered afresh. */
  if (g_strcmp0 (self->text, self->refused) == 0)
    return FALSE;

  /* A handler may drop its editor's last reference to this draft. */
  g_autoptr (CwDraft) hold = g_object_ref (self);
  g_autofree char *text = g_strdup (self->text);
  g_autoptr (GError) error = NULL;
  if (!self->save (self->workspace, self->record_id, self->key, text, &error))
    {
      g_free (self->refused);
      self->refused = g_steal_pointer (&text);
      g_signal_emit (self, signals[FAILED], 0, error);
      return FALSE;
    }
  g_clear_pointer (&self->refused, g_free);
  g_free (self->stored);
  self->stored = g_steal_pointer (&text);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
cw_draft_dispose (GObject *object)
{
  CwDraft *self = CW_DRAFT (object);
  /* Whoever drops a draft has flushed it: a save from here would report
   * to an editor that is going away. */
  g_clear_handle_id (&self->pause, g_source_remove);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (cw_draft_parent_class)->dispose (object);
}

static void
cw_draft_finalize (GObject *object)
{
  CwDraft *self = CW_DRAFT (object);
  g_free (self->key);
  g_free (self->stored);
  g_free (self->text);
  g_free (self->refused);
  G_OBJECT_CLASS (cw_draft_parent_class)->finalize (object);
}

static void
cw_draft_class_init (CwDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  object_class->dispose = cw_draft_dispose;
  object_class->finalize = cw_draft_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cw_draft_init (CwDraft *self)
{
}
