/* cw-readiness-page.c: how ready the organisation is for Stage One and
 * Stage Two, and the register of documented information that most of it
 * rests on. The colours and reasons are the core's (cw-readiness.c); the
 * page shows them, opens the records behind them through the window's
 * actions, and edits the register in place.
 *
 * An entry is edited in one editor below the register. Its typed fields go
 * through drafts (cw-draft.c) made for the entry shown; each save goes over
 * the revision of the entry as it was last read or saved, so a change made
 * elsewhere meanwhile (the CLI, another window) is refused, not overwritten.
 */
#define G_LOG_DOMAIN "cw-readiness-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "cw-date.h"
#include "cw-draft.h"
#include "cw-pack.h"
#include "cw-external-ui.h"
#include "cw-external.h"
#include "cw-readiness-page.h"
#include "cw-readiness.h"
#include "cw-register.h"
#include "cw-report-ui.h"
#include "cw-text.h"
#include "cw-widgets.h"

/* The largest register file an import reads: far more than any register. */
#define IMPORT_MAX_BYTES (16 * 1024 * 1024)

typedef enum
{
  FIELD_TITLE,
  FIELD_CLAUSES,
  FIELD_VERSION,
  FIELD_OWNER,
  FIELD_APPROVED_ON,
  FIELD_REVIEW_DUE,
  FIELD_LOCATION,
  N_FIELDS
} Field;

static const char *const field_keys[N_FIELDS] = {
  [FIELD_TITLE] = "title",
  [FIELD_CLAUSES] = "clauses",
  [FIELD_VERSION] = "version",
  [FIELD_OWNER] = "owner",
  [FIELD_APPROVED_ON] = "approved_on",
  [FIELD_REVIEW_DUE] = "review_due",
  [FIELD_LOCATION] = "location",
};

/* The statuses a person sets, in the order the status row offers them;
 * "review due" is never set, it follows from the date. */
static const CwDocStatus status_choices[]
    = { CW_DOC_MISSING, CW_DOC_DRAFT, CW_DOC_APPROVED, CW_DOC_WITHDRAWN };

struct _CwReadinessPage
{
  CwPage parent_instance;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  AdwActionRow *stage_one_row;
  AdwActionRow *stage_two_row;
  AdwActionRow *certified_row;
  GtkSpinButton *months_spin;
  AdwPreferencesGroup *cycle_group;
  GtkListBox *cycle_list;
  GtkListBox *stage_one_list;
  GtkListBox *stage_two_list;
  GtkListBox *external_list;
  GtkListBox *entries_list;
  AdwPreferencesGroup *editor_group;
  GtkWidget *rows[N_FIELDS];
  AdwComboRow *kind_row;
  AdwComboRow *status_row;
  GtkListBox *items_list;
  GtkToggleButton *mandatory_toggle;

  gint64 organisation_rev; /* the organisation as read: the coverage window saves over it */
  gint64 entry_id;         /* the entry in the editor, 0 for none */
  CwDraft *drafts[N_FIELDS];
  gboolean told[N_FIELDS];
  gboolean loading;
  GtkNativeDialog *chooser;
  guint scroll_tick;
  guint fill_idle;
  guint scroll_frames;
};

G_DEFINE_FINAL_TYPE (CwReadinessPage, cw_readiness_page, CW_TYPE_PAGE)

/* What the criteria rest on: nearly every kind of record. */
static const char *const watches[]
    = { "register",     "audit",          "finding",          "action", "review",
        "programme",    "organisation",   "external-audit",   "external-finding", NULL };

/* ---- The entries as last read or saved ------------------------------------ */

/* Kept on the workspace, by entry id: a draft's save has only the workspace
 * and the id to go on, and must save over the revision that was read. */
static GHashTable *
loaded_entries (CwWorkspace *workspace)
{
  static GQuark quark;
  if (quark == 0)
    quark = g_quark_from_static_string ("cw-readiness-loaded-entries");
  GHashTable *table = g_object_get_qdata (G_OBJECT (workspace), quark);
  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify)cw_register_entry_free);
      g_object_set_qdata_full (G_OBJECT (workspace), quark, table,
                               (GDestroyNotify)g_hash_table_unref);
    }
  return table;
}

/* Reads the entry afresh: what is edited from now on saves over this. */
static CwRegisterEntry *
read_entry (CwWorkspace *workspace, gint64 id, GError **error)
{
  CwRegisterEntry *entry = cw_workspace_get_register_entry (workspace, id, error);
  if (entry != NULL)
    g_hash_table_replace (loaded_entries (workspace), &entry->id, entry);
  return entry;
}

static CwRegisterEntry *
loaded_entry (CwWorkspace *workspace, gint64 id, GError **error)
{
  CwRegisterEntry *entry = g_hash_table_lookup (loaded_entries (workspace), &id);
  return entry != NULL ? entry : read_entry (workspace, id, error);
}

static CwRegisterDraft
draft_of (const CwRegisterEntry *entry)
{
  CwRegisterDraft draft = {
    .reference = entry->reference,
    .title = entry->title,
    .kind = entry->kind,
    .clauses = (const char *const *)entry->clauses,
    .version = entry->version,
    .owner = entry->owner,
    .approved_on = entry->approved_on,
    .review_due = entry->review_due,
    .status = entry->stored,
    .location = entry->location,
  };
  return draft;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
save_field (CwWorkspace *workspace, gint64 id, const char *key, const char *text, GError **error)
{
  CwRegisterEntry *loaded = loaded_entry (workspace, id, error);
  if (loaded == NULL)
    return FALSE;
  CwRegisterDraft draft = draft_of (loaded);
  g_auto (GStrv) clauses = NULL;
  if (g_str_equal (key, "title"))
    draft.title = text;
  else if (g_str_equal (key, "clauses"))
    {
      clauses = cw_text_split_list (text);
      draft.clauses = (const char *const *)clauses;
    }
  else if (g_str_equal (key, "version"))
    draft.version = text;
  else if (g_str_equal (key, "owner"))
    draft.owner = text;
  else if (g_str_equal (key, "approved_on"))
    draft.approved_on = nonempty (text);
  else if (g_str_equal (key, "review_due"))
    draft.review_due = nonempty (text);
  else if (g_str_equal (key, "location"))
    draft.location = text;
  else
    g_return_val_if_reached (FALSE);
  if (!cw_workspace_update_register_entry (workspace, loaded, &draft, error))
    return FALSE;
  return read_entry (workspace, id, error) != NULL;
}

/* ---- Badges and rows ------------------------------------------------------ */

static const char *
colour_class (CwReadyColour colour)
{
  static const char *const classes[] = {
    [CW_READY_RED] = "ready-red",
    [CW_READY_AMBER] = "ready-amber",
    [CW_READY_GREEN] = "ready-green",
  };
  return classes[colour];
}

static GtkWidget *
badge (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* One width for every badge, so that the titles beside them line up. */
  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_widget_add_css_class (label, "result-badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  else
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* How a status shows: green when approved and current, amber on its way
 * or due for review, red when a mandatory item is missing. */
static const char *
status_class (CwDocStatus status, gboolean mandatory)
{
  switch (status)
    {
    case CW_DOC_APPROVED:
      return "ready-green";
    case CW_DOC_DRAFT:
    case CW_DOC_REVIEW_DUE:
      return "ready-amber";
    case CW_DOC_MISSING:
      return mandatory ? "ready-red" : NULL;
    case CW_DOC_WITHDRAWN:
    default:
      return NULL;
    }
}

static GtkWidget *
plain_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
set_accessible_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* ---- The criteria --------------------------------------------------------- */

static void load_entry (CwReadinessPage *self, gint64 id);

/* A record behind a criterion opens where it is kept: audits, findings and
 * actions through the window, register entries in this page's editor. */
static void
on_record_activated (AdwActionRow *row, CwReadinessPage *self)
{
  const char *entity = g_object_get_data (G_OBJECT (row), "entity");
  gint64 id = cw_object_get_id (row, "id");
  GtkWidget *widget = GTK_WIDGET (self);
  if (g_str_equal (entity, "audit"))
    gtk_widget_activate_action (widget, "win.show-audit", "x", id);
  else if (g_str_equal (entity, "finding"))
    gtk_widget_activate_action (widget, "win.show-finding", "x", id);
  else if (g_str_equal (entity, "action"))
    gtk_widget_activate_action (widget, "win.show-action", "x", id);
  else if (g_str_equal (entity, "register"))
    cw_readiness_page_show_entry (self, id);
  else if (g_str_equal (entity, "review"))
    gtk_widget_activate_action (widget, "win.show-review", "x", id);
  else if (g_str_equal (entity, "programme"))
    gtk_widget_activate_action (widget, "win.show-page", "s", "programme");
  else if (g_str_equal (entity, "organisation"))
    gtk_widget_activate_action (widget, "win.organisation", NULL);
}

static const char *
entity_label (const char *entity)
{
  if (g_str_equal (entity, "audit"))
    return _("Internal audit");
  if (g_str_equal (entity, "finding"))
    return _("Finding");
  if (g_str_equal (entity, "action"))
    return _("Corrective action");
  if (g_str_equal (entity, "register"))
    return _("Register entry");
  if (g_str_equal (entity, "review"))
    return _("Management review");
  if (g_str_equal (entity, "programme"))
    return _("Audit programme");
  if (g_str_equal (entity, "organisation"))
    return _("Organisation");
  return NULL;
}

static GtkWidget *
record_row (CwReadinessPage *self, const CwReadinessRecord *record)
{
  if (g_str_equal (record->entity, "external-finding"))
    {
      /* Listed with its audit under Certification Body Audits, below. */
      GtkWidget *row = plain_row (record->label, _("Certification body finding"));
      g_autofree char *name = g_strdup_printf (_("Certification body finding %s"), record->label);
      set_accessible_label (row, name);
      return row;
    }
  if (g_str_equal (record->entity, "external-audit"))
    {
      GtkWidget *row = plain_row (record->label, _("Certification body audit"));
      g_autofree char *name = g_strdup_printf (_("Certification body audit: %s"), record->label);
      set_accessible_label (row, name);
      return row;
    }
  const char *kind = entity_label (record->entity);
  if (kind == NULL || record->id <= 0)
    {
      /* A clause or an expected item with nothing behind it yet. */
      g_autofree char *title = g_strdup_printf (_("Clause %s: nothing recorded yet"),
                                                record->label ? record->label : "");
      return plain_row (title, NULL);
    }
  GtkWidget *row = plain_row (record->label ? record->label : kind, kind);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cw_decorative_icon ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "entity", g_strdup (record->entity), g_free);
  cw_object_set_id (row, "id", record->id);
  g_autofree char *name
      = g_strdup_printf (_("%s: %s; open it"), kind, record->label ? record->label : "");
  set_accessible_label (row, name);
  g_signal_connect (row, "activated", G_CALLBACK (on_record_activated), self);
  return row;
}

static GtkWidget *
criterion_row (CwReadinessPage *self, const CwCriterion *criterion)
{
  GtkWidget *row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), criterion->reason);
  adw_expander_row_add_prefix (
      ADW_EXPANDER_ROW (row),
      badge (cw_ready_colour_label (criterion->colour), colour_class (criterion->colour)));
  g_object_set_data_full (G_OBJECT (row), "criterion", g_strdup (criterion->id), g_free);
  g_object_set_data (G_OBJECT (row), "colour", GINT_TO_POINTER (criterion->colour));
  cw_expander_row_report_state (row);
  /* The colour in words, for those who cannot see the badge. */
  g_autofree char *name
      = g_strdup_printf (_("%s: %s. %s"), cw_ready_colour_label (criterion->colour),
                         criterion->title, criterion->reason);
  set_accessible_label (row, name);
  for (guint i = 0; i < criterion->records->len; i++)
    adw_expander_row_add_row (
        ADW_EXPANDER_ROW (row),
        record_row (self, &g_array_index (criterion->records, CwReadinessRecord, i)));
  if (criterion->n_records > criterion->records->len)
    {
      g_autofree char *more
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                          criterion->n_records - criterion->records->len),
                             criterion->n_records - criterion->records->len);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_row (more, NULL));
    }
  if (criterion->records->len == 0)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
  return row;
}

static void
set_stage_date (AdwActionRow *row, const char *day, const GDate *today)
{
  gint weeks;
  g_autofree char *text = NULL;
  gboolean set = cw_readiness_weeks_until (day, today, &weeks);
  /* Without a date, the row takes the user to where it is set. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !set);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), set ? NULL : "win.organisation");
  if (!set)
    text = g_strdup (_("No date set: activate to set it in the organisation’s details"));
  else if (weeks >= 0)
    text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s, in %d week", "%s, in %d weeks", weeks), day, weeks);
  else
    text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s, %d week ago", "%s, %d weeks ago", -weeks), day, -weeks);
  adw_action_row_set_subtitle (row, text);
}

/* The certificate's row: when it was granted and until when it runs, or
 * how to record it. */
static void
set_certificate (AdwActionRow *row, CwCertCycle *cycle, const GDate *today)
{
  gint weeks = 0;
  gboolean set = cycle != NULL && cw_readiness_weeks_until (cycle->expires_on, today, &weeks);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !set);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), set ? NULL : "win.organisation");
  g_autofree char *text = NULL;
  if (!set)
    text = g_strdup (_("Not certified yet: once the certificate is granted, activate to record "
                       "the day of the decision"));
  else if (weeks >= 0)
    /* TRANSLATORS: "Granted on 2025-12-01, valid until 2028-11-30 (104 weeks left)" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Granted on %s, valid until %s (%d week left)",
                                         "Granted on %s, valid until %s (%d weeks left)", weeks),
                            cycle->certified_on, cycle->expires_on, weeks);
  else
    text = g_strdup_printf (_("Granted on %s, expired on %s"), cycle->certified_on,
                            cycle->expires_on);
  adw_action_row_set_subtitle (row, text);
}

/* The certification body's audits, each with its findings as the body's
 * report gives them and where each stands. Record Audit… adds an audit, the
 * last row of each adds a finding to it, and an open finding's Resolve…
 * records how it was closed. */
static void
fill_external (CwReadinessPage *self, CwWorkspace *workspace)
{
  gboolean writable = !cw_workspace_is_read_only (workspace);
  /* A rebuild keeps open the audits the user opened. */
  g_autoptr (GHashTable) expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->external_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
      g_hash_table_add (expanded, g_memdup2 (&(gint64) { cw_object_get_id (row, "external-audit") },
                                             sizeof (gint64)));
  cw_list_box_remove_all (self->external_list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audits = cw_workspace_list_external_audits (workspace, &error);
  g_autoptr (GPtrArray) findings
      = audits ? cw_workspace_list_external_findings (workspace, 0, &error) : NULL;
  if (findings == NULL)
    {
      gtk_list_box_append (self->external_list,
                           plain_row (_("The certification body’s audits could not be read"),
                                      error->message));
      return;
    }
  if (audits->len == 0)
    {
      gtk_list_box_append (self->external_list,
                           plain_row (_("No audit by the certification body is recorded yet"),
                                      _("Once its report is in, record it with Record Audit…")));
      return;
    }
  for (guint i = 0; i < audits->len; i++)
    {
      CwExternalAudit *audit = g_ptr_array_index (audits, i);
      /* TRANSLATORS: "Stage One, 2026-11-09 to 2026-11-10" */
      g_autofree char *title
          = g_strdup_printf (_("%s, %s to %s"), cw_external_kind_label (audit->kind),
                             audit->starts_on, audit->ends_on ? audit->ends_on : audit->starts_on);
      g_autofree char *subtitle
          = *audit->reference != '\0'
                /* TRANSLATORS: "Fernhollow Certification Services Ltd, report FCS-S1-0412" */
                ? g_strdup_printf (_("%s, report %s"), audit->body, audit->reference)
                : g_strdup (audit->body);
      GtkWidget *row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      cw_expander_row_report_state (row);
      guint n = 0, open = 0;
      for (guint j = 0; j < findings->len; j++)
        {
          CwExternalFinding *finding = g_ptr_array_index (findings, j);
          if (finding->audit_id != audit->id)
            continue;
          n++;
          open += !finding->resolved;
          /* TRANSLATORS: "S1-C2 · Area of concern at 8.7.2" */
          g_autofree char *what
              = g_strdup_printf (_("%s · %s at %s"), finding->reference,
                                 cw_body_grade_label (finding->grade), finding->clause);
          g_autofree char *state = NULL;
          if (finding->resolved)
            state = g_strdup_printf (_("Resolved on %s"), finding->resolved_on);
          else if (finding->respond_by != NULL && finding->action_id != 0)
            state = g_strdup_printf (_("Open, response due %s; action %" PRId64),
                                     finding->respond_by, finding->action_id);
          else if (finding->respond_by != NULL)
            state = g_strdup_printf (_("Open, response due %s; no action yet"),
                                     finding->respond_by);
          else if (finding->action_id != 0)
            state = g_strdup_printf (_("Open; action %" PRId64), finding->action_id);
          else
            state = g_strdup (_("Open; no action yet"));
          /* TRANSLATORS: where the finding stands, then its text from the report */
          g_autofree char *detail = g_strdup_printf (_("%s\n%s"), state, finding->text);
          GtkWidget *child = plain_row (what, detail);
          /* TRANSLATORS: the finding, then where it stands */
          g_autofree char *name = g_strdup_printf (_("%s: %s"), what, state);
          set_accessible_label (child, name);
          if (!finding->resolved && writable)
            {
              GtkWidget *resolve = gtk_button_new_with_mnemonic (_("_Resolve…"));
              gtk_widget_set_valign (resolve, GTK_ALIGN_CENTER);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (resolve),
                                              "readiness.resolve-external");
              gtk_actionable_set_action_target (GTK_ACTIONABLE (resolve), "x", finding->id);
              /* TRANSLATORS: the button that records how S1-C2 was resolved */
              g_autofree char *resolve_name = g_strdup_printf (_("Resolve %s"), finding->reference);
              set_accessible_label (resolve, resolve_name);
              adw_action_row_add_suffix (ADW_ACTION_ROW (child), resolve);
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      if (writable)
        {
          GtkWidget *add = plain_row (_("Add Finding…"), NULL);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "readiness.add-external-finding");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "x", audit->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (add), cw_decorative_icon ("list-add-symbolic"));
          /* TRANSLATORS: "Add a finding to Stage One, 2026-11-09 to 2026-11-10" */
          g_autofree char *add_name = g_strdup_printf (_("Add a finding to %s"), title);
          set_accessible_label (add, add_name);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);
        }
      g_autofree char *counts
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding, %u open",
                                          "%u findings, %u open", n),
                             n, open);
      /* TRANSLATORS: the body and its report, then how many findings */
      g_autofree char *full = g_strdup_printf (_("%s · %s"), subtitle, counts);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), full);
      g_autofree char *name = g_strdup_printf (_("%s: %s"), title, full);
      set_accessible_label (row, name);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), n > 0 || writable);
      if (g_hash_table_contains (expanded, &audit->id))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      cw_object_set_id (row, "external-audit", audit->id);
      gtk_list_box_append (self->external_list, row);
    }
}

static void
fill_criteria (CwReadinessPage *self)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  /* A save rebuilds the rows: those the user opened stay open. */
  g_autoptr (GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkListBox *lists[] = { self->stage_one_list, self->stage_two_list, self->cycle_list };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[l])); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_strdup (g_object_get_data (G_OBJECT (row), "criterion")));
  cw_list_box_remove_all (self->stage_one_list);
  cw_list_box_remove_all (self->stage_two_list);
  cw_list_box_remove_all (self->cycle_list);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, &error);
  g_autoptr (GPtrArray) criteria
      = organisation ? cw_workspace_readiness (workspace, CW_STAGE_BOTH, &today, &error) : NULL;
  g_autoptr (CwCertCycle) cycle
      = criteria ? cw_workspace_certification_cycle (workspace, &error) : NULL;
  g_autoptr (GPtrArray) after
      = criteria && error == NULL
            ? cw_workspace_readiness (workspace, CW_STAGE_CYCLE, &today, &error)
            : NULL;
  if (criteria == NULL || after == NULL)
    {
      gtk_list_box_append (self->stage_one_list,
                           plain_row (_("Readiness could not be worked out"), error->message));
      return;
    }
  self->organisation_rev = organisation->rev;
  set_stage_date (self->stage_one_row, organisation->stage_one, &today);
  set_stage_date (self->stage_two_row, organisation->stage_two, &today);
  set_certificate (self->certified_row, cycle, &today);
  gtk_widget_set_visible (GTK_WIDGET (self->cycle_group), cycle != NULL);
  g_ptr_array_extend_and_steal (criteria, g_steal_pointer (&after));
  for (guint i = 0; i < criteria->len; i++)
    {
      CwCriterion *criterion = g_ptr_array_index (criteria, i);
      GtkWidget *row = criterion_row (self, criterion);
      if (criterion->records->len > 0 && g_hash_table_contains (expanded, criterion->id))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      GtkListBox *list = criterion->stage == CW_STAGE_ONE   ? self->stage_one_list
                         : criterion->stage == CW_STAGE_TWO ? self->stage_two_list
                                                            : self->cycle_list;
      gtk_list_box_append (list, row);
    }
  fill_external (self, workspace);
}

/* ---- The register and the expected items ---------------------------------- */

static void
on_entry_activated (AdwActionRow *row, CwReadinessPage *self)
{
  cw_readiness_page_show_entry (self, cw_object_get_id (row, "id"));
}

static GtkWidget *
entry_row (CwReadinessPage *self, const CwRegisterEntry *entry, const GDate *today)
{
  CwDocStatus status = cw_register_entry_status (entry, today);
  g_autofree char *title = g_strdup_printf ("%s · %s", entry->reference, entry->title);
  g_autoptr (GString) subtitle
      = g_string_new (entry->kind == CW_EXPECTED_DOCUMENT ? _("Document") : _("Record"));
  g_autofree char *clauses = g_strjoinv (", ", entry->clauses);
  g_string_append_printf (subtitle, " · %s", clauses);
  if (entry->version != NULL && *entry->version != '\0')
    g_string_append_printf (subtitle, _(" · version %s"), entry->version);
  if (entry->owner != NULL && *entry->owner != '\0')
    g_string_append_printf (subtitle, " · %s", entry->owner);
  if (entry->review_due != NULL)
    g_string_append_printf (subtitle, _(" · review by %s"), entry->review_due);
  GtkWidget *row = plain_row (title, subtitle->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             badge (cw_doc_status_label (status), status_class (status, TRUE)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  cw_object_set_id (row, "id", entry->id);
  g_autofree char *name = g_strdup_printf (_("%s, %s: %s; edit it"), entry->reference,
                                           cw_doc_status_label (status), entry->title);
  set_accessible_label (row, name);
  g_signal_connect (row, "activated", G_CALLBACK (on_entry_activated), self);
  return row;
}

static void open_add_dialog (CwReadinessPage *self, const char *clause, CwExpectedKind kind);

static void
on_missing_activated (AdwActionRow *row, CwReadinessPage *self)
{
  open_add_dialog (self, g_object_get_data (G_OBJECT (row), "clause"),
                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")));
}

static GtkWidget *
item_row (CwReadinessPage *self, const CwRegisterItem *item, GHashTable *references)
{
  g_autofree char *title = g_strdup_printf (
      "%s · %s%s", item->clause, item->kind == CW_EXPECTED_DOCUMENT ? _("Document") : _("Record"),
      item->mandatory ? _(" · mandatory") : "");
  g_autoptr (GString) subtitle = g_string_new (item->expected);
  for (guint i = 0; i < item->entries->len; i++)
    {
      gint64 id = g_array_index (item->entries, gint64, i);
      const char *reference = g_hash_table_lookup (references, &id);
      g_string_append (subtitle, i == 0 ? _(" — served by ") : ", ");
      g_string_append (subtitle, reference ? reference : "?");
    }
  GtkWidget *row = plain_row (title, subtitle->str);
  adw_action_row_add_suffix (
      ADW_ACTION_ROW (row),
      badge (cw_doc_status_label (item->status), status_class (item->status, item->mandatory)));
  g_autofree char *name = g_strdup_printf (_("%s: %s"), title, cw_doc_status_label (item->status));
  set_accessible_label (row, name);
  if (item->entries->len > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      cw_object_set_id (row, "id", g_array_index (item->entries, gint64, 0));
      g_signal_connect (row, "activated", G_CALLBACK (on_entry_activated), self);
    }
  else if (!cw_workspace_is_read_only (cw_page_get_workspace (CW_PAGE (self))))
    {
      /* Nothing serves it yet: the row offers to add what would. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cw_decorative_icon ("list-add-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "clause", g_strdup (item->clause), g_free);
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (item->kind));
      g_autofree char *add_name = g_strdup_printf (_("%s: %s; add an entry for it"), title,
                                                   cw_doc_status_label (item->status));
      set_accessible_label (row, add_name);
      g_signal_connect (row, "activated", G_CALLBACK (on_missing_activated), self);
    }
  return row;
}

static void
fill_register (CwReadinessPage *self)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  cw_list_box_remove_all (self->entries_list);
  cw_list_box_remove_all (self->items_list);
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = cw_workspace_list_register (workspace, &error);
  g_autoptr (GPtrArray) items
      = entries ? cw_workspace_register_items (workspace, &today, &error) : NULL;
  if (items == NULL)
    {
      gtk_list_box_append (self->entries_list,
                           plain_row (_("The register could not be read"), error->message));
      return;
    }
  g_autoptr (GHashTable) references = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (entries, i);
      g_hash_table_insert (references, &entry->id, entry->reference);
      gtk_list_box_append (self->entries_list, entry_row (self, entry, &today));
    }
  if (entries->len == 0)
    gtk_list_box_append (
        self->entries_list,
        plain_row (_("No entries yet"),
                   _("Add the policies, plans and records the organisation keeps, or import an "
                      "existing register from a CSV file.")));
  gboolean mandatory_only = gtk_toggle_button_get_active (self->mandatory_toggle);
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      if (!mandatory_only || item->mandatory)
        gtk_list_box_append (self->items_list, item_row (self, item, references));
    }
}

/* Everything but the editor, which may be being typed into. */
static void
fill_lists (CwReadinessPage *self)
{
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  fill_criteria (self);
  fill_register (self);
}

/* ---- The editor ----------------------------------------------------------- */

static Field
field_of_key (const char *key)
{
  for (Field field = 0; field < N_FIELDS; field++)
    if (g_str_equal (key, field_keys[field]))
      return field;
  g_return_val_if_reached (FIELD_TITLE);
}

static void
mark_refused (CwReadinessPage *self, Field field, const char *reason)
{
  GtkWidget *row = self->rows[field];
  if (reason != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, reason);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               reason ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* A save after a pause is refused quietly (a date may be half typed); the
 * reason is told when the user moves on. */
static void
on_field_failed (CwDraft *draft, GError *error, CwReadinessPage *self)
{
  Field field = field_of_key (cw_draft_get_key (draft));
  self->told[field] = FALSE;
  mark_refused (self, field, error->message);
}

static gboolean
fill_later (gpointer data)
{
  CwReadinessPage *self = data;
  self->fill_idle = 0;
  if (cw_page_get_workspace (CW_PAGE (self)) != NULL)
    fill_lists (self);
  return G_SOURCE_REMOVE;
}

/* A field saves when the focus leaves it, which may be a click on a row of
 * these very lists: they are rebuilt once that click is done with. */
static void
on_field_saved (CwDraft *draft, CwReadinessPage *self)
{
  Field field = field_of_key (cw_draft_get_key (draft));
  self->told[field] = FALSE;
  mark_refused (self, field, NULL);
  if (self->fill_idle == 0)
    self->fill_idle = g_idle_add (fill_later, self);
}

static gboolean
commit_field (CwReadinessPage *self, Field field)
{
  CwDraft *draft = self->drafts[field];
  if (draft == NULL || cw_draft_flush (draft))
    return TRUE;
  if (!self->told[field])
    {
      self->told[field] = TRUE;
      const char *reason = gtk_widget_get_tooltip_text (self->rows[field]);
      g_autoptr (GError) error
          = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 reason ? reason : _("The register refused the change"));
      cw_show_error (GTK_WIDGET (self), _("Could Not Save the Entry"), error);
    }
  return FALSE;
}

/* Before another entry is shown: what was typed goes to its own entry, and
 * nothing typed from now on can reach it. */
static void
drop_drafts (CwReadinessPage *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr (CwDraft) draft = g_steal_pointer (&self->drafts[field]);
      if (draft == NULL)
        continue;
      cw_draft_flush (draft);
      g_signal_handlers_disconnect_by_data (draft, self);
      self->told[field] = FALSE;
      mark_refused (self, field, NULL);
    }
}

static guint
status_position (CwDocStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    if (status_choices[i] == status)
      return i;
  return 0;
}

static void
hide_editor (CwReadinessPage *self)
{
  drop_drafts (self);
  self->entry_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->editor_group), FALSE);
}

/* Shows the entry in the editor as it is stored now. Loading writes
 * nothing: the drafts start from what was loaded. */
static void
load_entry (CwReadinessPage *self, gint64 id)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  drop_drafts (self);
  g_autoptr (GError) error = NULL;
  CwRegisterEntry *entry = read_entry (workspace, id, &error);
  if (entry == NULL)
    {
      hide_editor (self);
      return;
    }
  self->entry_id = id;
  self->loading = TRUE;
  g_autofree char *clauses = g_strjoinv (", ", entry->clauses);
  const char *texts[N_FIELDS] = {
    [FIELD_TITLE] = entry->title,
    [FIELD_CLAUSES] = clauses,
    [FIELD_VERSION] = entry->version,
    [FIELD_OWNER] = entry->owner,
    [FIELD_APPROVED_ON] = entry->approved_on,
    [FIELD_REVIEW_DUE] = entry->review_due,
    [FIELD_LOCATION] = entry->location,
  };
  for (Field field = 0; field < N_FIELDS; field++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), texts[field] ? texts[field] : "");
      self->drafts[field]
          = cw_draft_new (workspace, id, field_keys[field],
                          gtk_editable_get_text (GTK_EDITABLE (self->rows[field])), save_field);
      g_signal_connect (self->drafts[field], "saved", G_CALLBACK (on_field_saved), self);
      g_signal_connect (self->drafts[field], "failed", G_CALLBACK (on_field_failed), self);
    }
  adw_combo_row_set_selected (self->kind_row, entry->kind == CW_EXPECTED_DOCUMENT ? 0 : 1);
  adw_combo_row_set_selected (self->status_row, status_position (entry->stored));
  self->loading = FALSE;

  g_autofree char *heading = g_strdup_printf (_("Entry %s"), entry->reference);
  adw_preferences_group_set_title (self->editor_group, heading);
  gboolean writable = !cw_workspace_is_read_only (workspace);
  GDate today;
  cw_date_local_today (&today);
  const char *description
      = !writable ? _("This workspace is read-only: the entry cannot be changed.")
        : cw_register_entry_status (entry, &today) == CW_DOC_REVIEW_DUE
            ? _(
                "Past its review date: review it, then set the next review date. Changes are saved "
                "as you type.")
            : _("Changes are saved as you type.");
  adw_preferences_group_set_description (self->editor_group, description);
  gtk_widget_set_sensitive (gtk_widget_get_parent (self->rows[FIELD_TITLE]), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.withdraw",
                                 writable && entry->stored != CW_DOC_WITHDRAWN);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_group), TRUE);
}

static void
on_row_changed (GtkEditable *row, CwReadinessPage *self)
{
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  if (self->loading || self->drafts[field] == NULL)
    return;
  cw_draft_set_text (self->drafts[field], gtk_editable_get_text (row));
}

static void
on_row_entry_activated (AdwEntryRow *row, CwReadinessPage *self)
{
  commit_field (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field")));
}

/* Leaving a row saves it; a refusal is told only when the focus moved
 * within the window, not when the user turned to another program. */
static void
on_row_left (GtkEventControllerFocus *focus, CwReadinessPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  GtkRoot *root = gtk_widget_get_root (row);
  if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
    commit_field (self, field);
  else if (self->drafts[field] != NULL)
    cw_draft_flush (self->drafts[field]);
}

/* Kind and status are chosen, not typed: they save at once. */
static void
on_choice_changed (AdwComboRow *row, GParamSpec *pspec, CwReadinessPage *self)
{
  if (self->loading || self->entry_id == 0)
    return;
  /* What was typed goes first: the entry is read again after the change,
   * and a refusal is better told now than lost then. */
  for (Field field = 0; field < N_FIELDS; field++)
    commit_field (self, field);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  g_autoptr (GError) error = NULL;
  CwRegisterEntry *loaded = loaded_entry (workspace, self->entry_id, &error);
  if (loaded != NULL)
    {
      CwRegisterDraft draft = draft_of (loaded);
      guint selected = adw_combo_row_get_selected (row);
      if (row == self->kind_row)
        draft.kind = selected == 0 ? CW_EXPECTED_DOCUMENT : CW_EXPECTED_RECORD;
      else if (selected < G_N_ELEMENTS (status_choices))
        draft.status = status_choices[selected];
      if (cw_workspace_update_register_entry (workspace, loaded, &draft, &error))
        read_entry (workspace, self->entry_id, &error);
    }
  if (error != NULL)
    cw_show_error (GTK_WIDGET (self), _("Could Not Save the Entry"), error);
  /* Shows what is stored, whether or not the change was taken. */
  load_entry (self, self->entry_id);
  fill_lists (self);
}

/* ---- Withdrawing, with an undo -------------------------------------------- */

typedef struct
{
  CwReadinessPage *page; /* weak */
  CwWorkspace *workspace;
  gint64 id;
  CwDocStatus before;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;
  g_clear_weak_pointer (&undo->page);
  g_clear_object (&undo->workspace);
  g_free (undo);
}

/* Withdrawing only changes the status, so undoing it is setting the status
 * back, over the entry as the withdrawal left it. */
static void
on_undo_withdraw (AdwToast *toast, Undo *undo)
{
  g_autoptr (GError) error = NULL;
  CwRegisterEntry *withdrawn = read_entry (undo->workspace, undo->id, &error);
  if (withdrawn != NULL)
    {
      CwRegisterDraft draft = draft_of (withdrawn);
      draft.status = undo->before;
      if (cw_workspace_update_register_entry (undo->workspace, withdrawn, &draft, &error))
        read_entry (undo->workspace, undo->id, &error);
    }
  if (undo->page == NULL)
    return;
  if (error != NULL)
    cw_show_error (GTK_WIDGET (undo->page), _("Could Not Undo the Withdrawal"), error);
  if (undo->page->entry_id == undo->id)
    load_entry (undo->page, undo->id);
  fill_lists (undo->page);
}

static void
withdraw_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  if (self->entry_id == 0)
    return;
  drop_drafts (self);
  g_autoptr (GError) error = NULL;
  CwRegisterEntry *loaded = loaded_entry (workspace, self->entry_id, &error);
  CwDocStatus before = loaded ? loaded->stored : CW_DOC_DRAFT;
  g_autofree char *reference = loaded ? g_strdup (loaded->reference) : NULL;
  if (loaded == NULL || !cw_workspace_withdraw_register_entry (workspace, loaded, &error))
    {
      cw_show_error (widget, _("Could Not Withdraw the Entry"), error);
      load_entry (self, self->entry_id);
      return;
    }
  read_entry (workspace, self->entry_id, NULL);
  Undo *undo = g_new0 (Undo, 1);
  g_set_weak_pointer (&undo->page, self);
  undo->workspace = g_object_ref (workspace);
  undo->id = self->entry_id;
  undo->before = before;
  g_autofree char *title
      = g_strdup_printf (_("%s withdrawn: it no longer serves its clauses"), reference);
  AdwToast *toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_withdraw), undo,
                         (GClosureNotify)(void (*) (void))undo_free, 0);
  cw_add_toast (widget, toast);
  load_entry (self, self->entry_id);
  fill_lists (self);
}

/* ---- Adding an entry ------------------------------------------------------ */

static GtkWidget *
dialog_entry (GtkWidget *list, const char *name, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static const char *
dialog_text (GtkWidget *dialog, const char *name)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), name);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
on_add_response (AdwMessageDialog *dialog, const char *response, CwReadinessPage *self)
{
  if (!g_str_equal (response, "add"))
    return;
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  if (workspace == NULL)
    return;
  g_auto (GStrv) clauses = cw_text_split_list (dialog_text (GTK_WIDGET (dialog), "clauses"));
  guint kind = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (dialog), "kind"));
  guint status = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (dialog), "status"));
  CwRegisterDraft draft = {
    .reference = dialog_text (GTK_WIDGET (dialog), "reference"),
    .title = dialog_text (GTK_WIDGET (dialog), "title"),
    .kind = kind == 0 ? CW_EXPECTED_DOCUMENT : CW_EXPECTED_RECORD,
    .clauses = (const char *const *)clauses,
    .version = dialog_text (GTK_WIDGET (dialog), "version"),
    .owner = dialog_text (GTK_WIDGET (dialog), "owner"),
    .approved_on = nonempty (dialog_text (GTK_WIDGET (dialog), "approved_on")),
    .review_due = nonempty (dialog_text (GTK_WIDGET (dialog), "review_due")),
    .status = status < G_N_ELEMENTS (status_choices) ? status_choices[status] : CW_DOC_DRAFT,
    .location = dialog_text (GTK_WIDGET (dialog), "location"),
  };
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_add_register_entry (workspace, &draft, &error);
  if (id == 0)
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Add the Entry"), error);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("%s added to the register"), draft.reference);
  cw_toast (GTK_WIDGET (self), message);
  fill_lists (self);
  cw_readiness_page_show_entry (self, id);
}

static GtkWidget *
status_combo (const char *title)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (labels, cw_doc_status_label (status_choices[i]));
  GtkWidget *row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  return row;
}

/* The dialog that adds an entry; `clause` and `kind` fill it in for an
 * expected item that has none. */
static void
open_add_dialog (CwReadinessPage *self, const char *clause, CwExpectedKind kind)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add to the Register"),
      _("A document or record the organisation keeps. An expected item counts as present when an "
         "entry of its kind serves its clause."));
  GtkWidget *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  static const struct
  {
    const char *name;
    const char *title;
  } fields[] = {
    { "reference", N_("Reference, such as CHG-POL") },
    { "title", N_("Title") },
    { "clauses", N_("Clauses it serves (comma-separated)") },
    { "version", N_("Version") },
    { "owner", N_("Owner") },
    { "approved_on", N_("Approved on (YYYY-MM-DD)") },
    { "review_due", N_("Next review due (YYYY-MM-DD)") },
    { "location", N_("Where it lives (URL or location)") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = dialog_entry (list, fields[i].name, _(fields[i].title));
      g_object_set_data (G_OBJECT (dialog), fields[i].name, row);
      if (i == 2)
        {
          GtkWidget *kind = adw_combo_row_new ();
          gtk_widget_set_name (kind, "kind");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
          const char *kinds[] = { _("Document"), _("Record"), NULL };
          GtkStringList *model = gtk_string_list_new (kinds);
          adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (model));
          g_object_unref (model);
          gtk_list_box_append (GTK_LIST_BOX (list), kind);
          g_object_set_data (G_OBJECT (dialog), "kind", kind);
          GtkWidget *status = status_combo (_("Status"));
          gtk_widget_set_name (status, "status");
          adw_combo_row_set_selected (ADW_COMBO_ROW (status), status_position (CW_DOC_DRAFT));
          gtk_list_box_append (GTK_LIST_BOX (list), status);
          g_object_set_data (G_OBJECT (dialog), "status", status);
        }
    }
  if (clause != NULL)
    {
      gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "clauses"), clause);
      adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "kind"),
                                  kind == CW_EXPECTED_DOCUMENT ? 0 : 1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add",
                                    _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  open_add_dialog (CW_READINESS_PAGE (widget), NULL, CW_EXPECTED_DOCUMENT);
}

/* ---- CSV import and export ------------------------------------------------ */

/* Imports a register: every line or none. A refusal names each bad line,
 * in a dialog the user can read at leisure. */
gboolean
cw_readiness_page_import (CwReadinessPage *self, GFile *file)
{
  g_return_val_if_fail (CW_IS_READINESS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  g_return_val_if_fail (workspace != NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > IMPORT_MAX_BYTES)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The file is larger than a register can be (%d MiB at most)"),
                 IMPORT_MAX_BYTES / (1024 * 1024));
  else if (info != NULL)
    g_file_load_contents (file, NULL, &text, &length, NULL, &error);
  guint stored = 0;
  if (error == NULL)
    stored = cw_workspace_import_register (workspace, text, &error);
  if (error != NULL)
    {
      /* The core's first line says what happened; the lines after it name
       * each bad line of the file, read best as a left-aligned list. */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_auto (GStrv) lines = g_strsplit (error->message, "\n", 2);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Nothing Was Imported"), lines[0]);
      if (lines[0] != NULL && lines[1] != NULL)
        {
          GtkWidget *details = gtk_label_new (lines[1]);
          gtk_widget_set_name (details, "details");
          gtk_label_set_xalign (GTK_LABEL (details), 0);
          gtk_label_set_yalign (GTK_LABEL (details), 0);
          gtk_label_set_wrap (GTK_LABEL (details), TRUE);
          gtk_label_set_selectable (GTK_LABEL (details), TRUE);
          gtk_widget_add_css_class (details, "monospace");
          GtkWidget *scroller = gtk_scrolled_window_new ();
          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                          GTK_POLICY_AUTOMATIC);
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
          gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), details);
          adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
        }
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  g_autofree char *message
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry added or changed",
                                      "%u entries added or changed", stored),
                         stored);
  cw_toast (GTK_WIDGET (self), message);
  if (self->entry_id != 0)
    load_entry (self, self->entry_id);
  fill_lists (self);
  return TRUE;
}

gboolean
cw_readiness_page_export (CwReadinessPage *self, GFile *file)
{
  g_return_val_if_fail (CW_IS_READINESS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  g_return_val_if_fail (workspace != NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = cw_workspace_export_register (workspace, &error);
  if (csv == NULL
      || !g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                   NULL, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Export the Register"), error);
      return FALSE;
    }
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Register written to %s"), name);
  cw_toast (GTK_WIDGET (self), message);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, CwReadinessPage *self)
{
  gboolean importing
      = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN;
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                               ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                               : NULL;
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (importing)
    cw_readiness_page_import (self, file);
  else
    cw_readiness_page_export (self, file);
}

static void
choose_file (CwReadinessPage *self, gboolean importing)
{
  if (self->chooser != NULL)
    return;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      importing ? _("Import a Register") : _("Export the Register"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
      importing ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
      importing ? _("_Import") : _("_Export"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (!importing)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("register.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_file (CW_READINESS_PAGE (widget), TRUE);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  choose_file (CW_READINESS_PAGE (widget), FALSE);
}

/* ---- The certification body's audits --------------------------------------- */

static void
on_external_saved (GtkWidget *dialog, const char *response, CwReadinessPage *self)
{
  if (cw_external_ui_saved (dialog) == 0)
    return;
  cw_toast (GTK_WIDGET (self), g_object_get_data (G_OBJECT (dialog), "toast"));
  fill_lists (self);
}

static void
watch_form (CwReadinessPage *self, GtkWidget *dialog, const char *toast)
{
  if (dialog == NULL)
    return;
  g_object_set_data_full (G_OBJECT (dialog), "toast", g_strdup (toast), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_external_saved), self,
                           G_CONNECT_AFTER);
}

static void
record_external_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  watch_form (self, cw_external_ui_record_audit (widget, cw_page_get_workspace (CW_PAGE (self))),
              _("Certification body audit recorded"));
}

static void
add_external_finding_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  watch_form (self,
              cw_external_ui_add_finding (widget, cw_page_get_workspace (CW_PAGE (self)),
                                          g_variant_get_int64 (parameter)),
              _("Finding added"));
}

static void
resolve_external_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  watch_form (self,
              cw_external_ui_resolve_finding (widget, cw_page_get_workspace (CW_PAGE (self)),
                                              g_variant_get_int64 (parameter)),
              _("Finding resolved"));
}

static void
report_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwReport) report
    = cw_report_new_readiness (cw_page_get_workspace (CW_PAGE (widget)), &today, &error);
  if (report == NULL)
    cw_show_error (widget, _("Could Not Prepare the Report"), error);
  else
    cw_report_ui_export (widget, report, _("Certification readiness.pdf"));
}

/* ---- The Stage One submission pack ------------------------------------------ */

/* Every problem, each on its own line, in a list the user can read at
 * leisure and fix one by one: nothing was written. */
static void
show_pack_refused (CwReadinessPage *self, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_auto (GStrv) lines = g_strsplit (error->message, "\n", 2);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Stage One Pack Not Written"), lines[0]);
  if (lines[0] != NULL && lines[1] != NULL)
    {
      /* A blank line between problems: each wraps over several lines. */
      g_auto (GStrv) problems = g_strsplit (lines[1], "\n", -1);
      g_autofree char *spaced = g_strjoinv ("\n\n", problems);
      GtkWidget *details = gtk_label_new (spaced);
      gtk_widget_set_name (details, "problems");
      gtk_label_set_xalign (GTK_LABEL (details), 0);
      gtk_label_set_yalign (GTK_LABEL (details), 0);
      gtk_label_set_wrap (GTK_LABEL (details), TRUE);
      gtk_label_set_selectable (GTK_LABEL (details), TRUE);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), details);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes the pack into the new folder `folder`, or writes nothing and says
 * why. The rules and the all-or-nothing write are the core's (cw-pack.c). */
gboolean
cw_readiness_page_write_pack (CwReadinessPage *self, GFile *folder)
{
  g_return_val_if_fail (CW_IS_READINESS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  g_return_val_if_fail (workspace != NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (folder);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The pack can only be written to a folder on this computer or a mounted "
                     "share; choose another place."));
      cw_show_error (GTK_WIDGET (self), _("Could Not Write the Stage One Pack"), error);
      return FALSE;
    }
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (CwPackPlan) plan = cw_workspace_plan_stage_one_pack (workspace, &today, &error);
  if (plan == NULL || !cw_workspace_write_stage_one_pack (workspace, plan, path, &error))
    {
      if (plan != NULL && plan->problems->len > 0)
        show_pack_refused (self, error);
      else
        cw_show_error (GTK_WIDGET (self), _("Could Not Write the Stage One Pack"), error);
      return FALSE;
    }
  guint files = 0;
  for (guint i = 0; i < plan->items->len; i++)
    files += ((CwPackItem *)g_ptr_array_index (plan->items, i))->file_name != NULL;
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Stage One pack written to %s: %u file",
                   "Stage One pack written to %s: %u files", files),
      name, files);
  cw_toast (GTK_WIDGET (self), message);
  return TRUE;
}

static void
on_pack_chooser_response (GtkNativeDialog *chooser, int response, CwReadinessPage *self)
{
  g_autoptr (GFile) folder = response == GTK_RESPONSE_ACCEPT
                                 ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                                 : NULL;
  g_clear_object (&self->chooser);
  if (folder != NULL)
    cw_readiness_page_write_pack (self, folder);
}

/* A save chooser: the pack goes into a new folder, named here. */
static void
pack_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  if (self->chooser != NULL)
    return;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _("Name a New Folder for the Stage One Pack"),
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Write Pack"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Stage One pack"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pack_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* ---- The coverage window -------------------------------------------------- */

static void
on_months_changed (GtkSpinButton *spin, CwReadinessPage *self)
{
  CwWorkspace *workspace = cw_page_get_workspace (CW_PAGE (self));
  if (self->loading || workspace == NULL)
    return;
  guint months = (guint)gtk_spin_button_get_value_as_int (spin);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_set_coverage_months (workspace, months, self->organisation_rev, &error))
    {
      cw_show_error (GTK_WIDGET (self), _("Could Not Change the Coverage Window"), error);
      self->loading = TRUE;
      gtk_spin_button_set_value (spin, cw_workspace_get_coverage_months (workspace, NULL));
      self->loading = FALSE;
    }
  /* Reads the organisation's new revision with the criteria. */
  fill_criteria (self);
}

/* ---- Loading -------------------------------------------------------------- */

/* Another workspace: nothing shown before belongs to it. */
static void
load (CwPage *page)
{
  CwReadinessPage *self = CW_READINESS_PAGE (page);
  CwWorkspace *workspace = cw_page_get_workspace (page);
  hide_editor (self);
  if (workspace == NULL)
    {
      cw_list_box_remove_all (self->stage_one_list);
      cw_list_box_remove_all (self->stage_two_list);
      cw_list_box_remove_all (self->cycle_list);
      cw_list_box_remove_all (self->entries_list);
      cw_list_box_remove_all (self->items_list);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gboolean writable = !cw_workspace_is_read_only (workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.record-external", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.add-external-finding", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.resolve-external", writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->months_spin), writable);
  self->loading = TRUE;
  gtk_spin_button_set_value (self->months_spin, cw_workspace_get_coverage_months (workspace, NULL));
  self->loading = FALSE;
  fill_lists (self);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

/* The same workspace, changed elsewhere: the entry in the editor stays,
 * read again as it is stored now. */
static void
refresh (CwPage *page)
{
  CwReadinessPage *self = CW_READINESS_PAGE (page);
  gint64 shown = self->entry_id;
  load (page);
  if (shown != 0 && cw_page_get_workspace (page) != NULL)
    load_entry (self, shown);
}

static void
save (CwPage *page)
{
  CwReadinessPage *self = CW_READINESS_PAGE (page);
  for (Field field = 0; field < N_FIELDS; field++)
    if (self->drafts[field] != NULL)
      cw_draft_flush (self->drafts[field]);
}

/* ---- Public --------------------------------------------------------------- */

/* The editor may have just appeared: it has a place once a layout has run,
 * which a frame after the next one is sure to have done. */
static gboolean
scroll_to_editor (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CwReadinessPage *self = CW_READINESS_PAGE (widget);
  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t top;
  if (gtk_widget_get_visible (GTK_WIDGET (self->editor_group))
      && gtk_widget_compute_point (GTK_WIDGET (self->editor_group), viewport,
                                   &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 12);
    }
  return G_SOURCE_REMOVE;
}

/* Shows the entry in the editor, and takes the user there. */
void
cw_readiness_page_show_entry (CwReadinessPage *self, gint64 entry_id)
{
  g_return_if_fail (CW_IS_READINESS_PAGE (self));
  if (cw_page_get_workspace (CW_PAGE (self)) == NULL)
    return;
  load_entry (self, entry_id);
  if (self->entry_id != entry_id)
    return;
  /* The cursor at the end: the title is amended more often than replaced. */
  gtk_widget_grab_focus (self->rows[FIELD_TITLE]);
  gtk_editable_set_position (GTK_EDITABLE (self->rows[FIELD_TITLE]), -1);
  if (self->scroll_tick == 0)
    self->scroll_tick
        = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_editor, NULL, NULL);
  self->scroll_frames = 0;
}

gint64
cw_readiness_page_get_entry_id (CwReadinessPage *self)
{
  g_return_val_if_fail (CW_IS_READINESS_PAGE (self), 0);
  return self->entry_id;
}

/* ---- Class ---------------------------------------------------------------- */

static void
cw_readiness_page_dispose (GObject *object)
{
  CwReadinessPage *self = CW_READINESS_PAGE (object);
  drop_drafts (self);
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), CW_TYPE_READINESS_PAGE);
  G_OBJECT_CLASS (cw_readiness_page_parent_class)->dispose (object);
}

static void
cw_readiness_page_class_init (CwReadinessPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CwPageClass *page_class = CW_PAGE_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_readiness_page_dispose;
  page_class->watches = watches;
  page_class->load = load;
  page_class->refresh = refresh;
  page_class->save = save;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-readiness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, stage_one_row);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, stage_two_row);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, certified_row);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, cycle_group);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, cycle_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, months_spin);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, stage_one_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, stage_two_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, external_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, editor_group);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, items_list);
  gtk_widget_class_bind_template_child (widget_class, CwReadinessPage, mandatory_toggle);
  gtk_widget_class_bind_template_child_full (widget_class, "title_row", FALSE,
                                             G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_TITLE]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "clauses_row", FALSE, G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_CLAUSES]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "version_row", FALSE, G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_VERSION]));
  gtk_widget_class_bind_template_child_full (widget_class, "owner_row", FALSE,
                                             G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_OWNER]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "approved_row", FALSE,
      G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_APPROVED_ON]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "review_row", FALSE, G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_REVIEW_DUE]));
  gtk_widget_class_bind_template_child_full (
      widget_class, "location_row", FALSE, G_STRUCT_OFFSET (CwReadinessPage, rows[FIELD_LOCATION]));
  gtk_widget_class_install_action (widget_class, "readiness.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "readiness.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "readiness.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "readiness.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "readiness.pack", NULL, pack_action);
  gtk_widget_class_install_action (widget_class, "readiness.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "readiness.record-external", NULL,
                                   record_external_action);
  gtk_widget_class_install_action (widget_class, "readiness.add-external-finding", "x",
                                   add_external_finding_action);
  gtk_widget_class_install_action (widget_class, "readiness.resolve-external", "x",
                                   resolve_external_action);
}

static void
cw_readiness_page_init (CwReadinessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_adjustment (
      self->months_spin,
      gtk_adjustment_new (CW_READINESS_DEFAULT_MONTHS, 1, CW_READINESS_MAX_MONTHS, 1, 6, 0));
  g_signal_connect (self->months_spin, "value-changed", G_CALLBACK (on_months_changed), self);
  g_signal_connect_swapped (self->mandatory_toggle, "toggled", G_CALLBACK (fill_register), self);

  GtkStringList *labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_choices); i++)
    gtk_string_list_append (labels, cw_doc_status_label (status_choices[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  g_object_unref (labels);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (on_choice_changed), self);

  for (Field field = 0; field < N_FIELDS; field++)
    {
      GtkWidget *row = self->rows[field];
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (field));
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (on_row_entry_activated), self);
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (on_row_left), self);
      gtk_widget_add_controller (row, focus);
    }
}
