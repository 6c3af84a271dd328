/* cw-audit-editor.c: the New Audit form, which also corrects an audit's
 * details later (the audit and revision it was opened for are kept, so it
 * saves to that audit and never over a change made meanwhile). The scope
 * picker offers each main clause and its sub-clauses; the core normalises
 * whatever is picked and checks the dates and the rules, so the form only
 * gathers.
 *
 * When the core refuses a team that would audit its own areas, the form
 * asks, under the refusal, for the reason each such member may (one row a
 * person, named with their areas); the reasons are saved with the audit. */
#define G_LOG_DOMAIN "cw-audit-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cw-audit-editor.h"
#include "cw-widgets.h"
#include "cw-audit.h"
#include "cw-text.h"

struct _CwAuditEditor
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  CwAudit *audit; /* the audit being corrected; NULL for a new one */
  GHashTable *scope_checks; /* clause number → GtkCheckButton */

  GtkLabel *error_label;
  AdwEntryRow *title_row;
  AdwEntryRow *objectives_row;
  AdwEntryRow *criteria_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *lead_row;
  AdwEntryRow *team_row;
  AdwEntryRow *auditees_row;
  AdwPreferencesGroup *scope_group;
  GtkSwitch *whole_switch;
  GtkButton *save_button;
  AdwPreferencesGroup *reasons_group; /* built here, shown when a reason is needed */
  GHashTable *reason_rows;            /* person's name → AdwEntryRow */
};

G_DEFINE_FINAL_TYPE (CwAuditEditor, cw_audit_editor, ADW_TYPE_WINDOW)

static guint saved_signal;

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GStrv
picked_scope (CwAuditEditor *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  if (!gtk_switch_get_active (self->whole_switch))
    {
      GHashTableIter iter;
      gpointer number, check;
      g_hash_table_iter_init (&iter, self->scope_checks);
      while (g_hash_table_iter_next (&iter, &number, &check))
        if (gtk_check_button_get_active (check))
          g_strv_builder_add (builder, number);
    }
  return g_strv_builder_end (builder);
}

/* One row for each team member whose areas the scope reaches, keeping what
 * was typed; `recorded` fills in reasons already saved with the audit. */
static void
refresh_reasons (CwAuditEditor *self, gboolean recorded)
{
  g_auto (GStrv) scope = picked_scope (self);
  g_autofree char *team = cw_text_commas_to_lines (text_of (self->team_row));
  gint64 audit_id = self->audit != NULL ? cw_audit_get_id (self->audit) : 0;
  g_autoptr (GPtrArray) members = cw_workspace_preview_independence (
    self->workspace, audit_id, text_of (self->lead_row), team, (const char *const *) scope, NULL);
  g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      CwIndependence *member = g_ptr_array_index (members, i);
      if (member->own_areas[0] == NULL)
        continue;
      g_hash_table_add (wanted, member->name);
      g_autofree char *areas = g_strjoinv (", ", member->own_areas);
      g_autofree char *title = g_strdup_printf (_("Why %s may audit %s, their own area"),
                                                member->name, areas);
      AdwEntryRow *row = g_hash_table_lookup (self->reason_rows, member->name);
      if (row == NULL)
        {
          row = ADW_ENTRY_ROW (adw_entry_row_new ());
          g_hash_table_insert (self->reason_rows, g_strdup (member->name), row);
          adw_preferences_group_add (self->reasons_group, GTK_WIDGET (row));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      if (recorded && member->justification != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), member->justification);
    }
  GHashTableIter iter;
  gpointer name, row;
  g_hash_table_iter_init (&iter, self->reason_rows);
  while (g_hash_table_iter_next (&iter, &name, &row))
    if (!g_hash_table_contains (wanted, name))
      {
        adw_preferences_group_remove (self->reasons_group, row);
        g_hash_table_iter_remove (&iter);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group),
                          g_hash_table_size (self->reason_rows) > 0);
}

/* Puts the cursor in the first reason still to be given. */
static void
focus_missing_reason (CwAuditEditor *self)
{
  GHashTableIter iter;
  gpointer row;
  g_hash_table_iter_init (&iter, self->reason_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (cw_text_is_blank (gtk_editable_get_text (row)))
      {
        gtk_widget_grab_focus (row);
        return;
      }
}

gint64
cw_audit_editor_save (CwAuditEditor *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_EDITOR (self), 0);
  g_auto (GStrv) scope = picked_scope (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) reasons = g_array_new (FALSE, FALSE, sizeof (CwJustification));
  GHashTableIter iter;
  gpointer name, row;
  g_hash_table_iter_init (&iter, self->reason_rows);
  while (g_hash_table_iter_next (&iter, &name, &row))
    if (!cw_text_is_blank (gtk_editable_get_text (row)))
      {
        CwJustification reason = { name, gtk_editable_get_text (row) };
        g_array_append_val (reasons, reason);
      }
  if (!gtk_switch_get_active (self->whole_switch) && g_strv_length (scope) == 0)
    error = g_error_new_literal (CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                                 _("Pick at least one clause, or audit the whole catalogue"));
  g_autofree char *team = cw_text_commas_to_lines (text_of (self->team_row));
  g_autofree char *auditees = cw_text_commas_to_lines (text_of (self->auditees_row));
  CwAuditDraft draft = {
    .title = text_of (self->title_row),
    .objectives = text_of (self->objectives_row),
    .criteria = text_of (self->criteria_row),
    .scope = (const char *const *) scope,
    .planned_start = text_of (self->start_row),
    .planned_end = text_of (self->end_row),
    .lead_auditor = text_of (self->lead_row),
    .team = team,
    .auditees = auditees,
    .justifications = (const CwJustification *) reasons->data,
    .n_justifications = reasons->len,
  };
  gint64 id = 0;
  if (error == NULL && self->audit != NULL)
    id = cw_workspace_update_audit (self->workspace, self->audit, &draft, &error)
           ? cw_audit_get_id (self->audit)
           : 0;
  else if (error == NULL)
    id = cw_workspace_create_audit (self->workspace, &draft, &error);
  if (id == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      refresh_reasons (self, FALSE);
      focus_missing_reason (self);
      return 0;
    }
  g_signal_emit (self, saved_signal, 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return id;
}

void
cw_audit_editor_set_title (CwAuditEditor *self, const char *title)
{
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

/* The lead auditor and team, the team comma-separated (for tests). */
void
cw_audit_editor_set_team (CwAuditEditor *self, const char *lead, const char *team)
{
  g_return_if_fail (CW_IS_AUDIT_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), lead ? lead : "");
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), team ? team : "");
}

/* Types the reason for a member the form asks about; FALSE when it does
 * not ask about them. */
gboolean
cw_audit_editor_set_reason (CwAuditEditor *self, const char *person, const char *reason)
{
  g_return_val_if_fail (CW_IS_AUDIT_EDITOR (self), FALSE);
  GtkEditable *row = g_hash_table_lookup (self->reason_rows, person);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->reasons_group)))
    return FALSE;
  gtk_editable_set_text (row, reason);
  return TRUE;
}

/* The refusal shown, or NULL. */
const char *
cw_audit_editor_get_error (CwAuditEditor *self)
{
  g_return_val_if_fail (CW_IS_AUDIT_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label)
           : NULL;
}

/* Picks these clauses (for tests and for planning from a programme). */
void
cw_audit_editor_set_scope (CwAuditEditor *self, const char *const *numbers)
{
  gtk_switch_set_active (self->whole_switch, numbers == NULL || numbers[0] == NULL);
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      GtkCheckButton *check = g_hash_table_lookup (self->scope_checks, numbers[i]);
      if (check != NULL)
        gtk_check_button_set_active (check, TRUE);
    }
}

static GtkWidget *
scope_check (CwAuditEditor *self, CwClause *clause)
{
  GtkWidget *check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_autofree char *label
    = g_strdup_printf (_("Include %s %s"), cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_hash_table_insert (self->scope_checks, g_strdup (cw_clause_get_number (clause)), check);
  return check;
}

/* One expander a main clause, with a check for it and one for each of its
 * direct sub-clauses: enough to plan any audit an internal auditor runs. */
static void
build_scope_picker (CwAuditEditor *self)
{
  CwCatalogue *catalogue = cw_workspace_get_catalogue (self->workspace);
  if (catalogue == NULL)
    return;
  GPtrArray *main_clauses = cw_catalogue_get_main_clauses (catalogue);
  for (guint i = 0; i < main_clauses->len; i++)
    {
      CwClause *clause = g_ptr_array_index (main_clauses, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title
        = g_strdup_printf ("%s  %s", cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      /* libadwaita 1.2 neither names the row nor says whether it is open:
       * the row gets the clause for a name, and follows its own state. */
      g_autofree char *name
        = g_strdup_printf ("%s %s", cw_clause_get_number (clause), cw_clause_get_title_shown (clause));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      cw_expander_row_report_state (expander);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), scope_check (self, clause));
      GPtrArray *children = cw_clause_get_children (clause);
      for (guint c = 0; c < children->len; c++)
        {
          CwClause *child = g_ptr_array_index (children, c);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *child_title
            = g_strdup_printf ("%s  %s", cw_clause_get_number (child), cw_clause_get_title_shown (child));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), child_title);
          GtkWidget *check = scope_check (self, child);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      g_object_bind_property (self->whole_switch, "active", expander, "sensitive",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      adw_preferences_group_add (self->scope_group, expander);
    }
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_audit_editor_save (CW_AUDIT_EDITOR (widget));
}

static void
cw_audit_editor_dispose (GObject *object)
{
  CwAuditEditor *self = CW_AUDIT_EDITOR (object);
  g_clear_object (&self->workspace);
  g_clear_object (&self->audit);
  g_clear_pointer (&self->scope_checks, g_hash_table_unref);
  g_clear_pointer (&self->reason_rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_AUDIT_EDITOR);
  G_OBJECT_CLASS (cw_audit_editor_parent_class)->dispose (object);
}

static void
cw_audit_editor_class_init (CwAuditEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_audit_editor_dispose;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-audit-editor.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, objectives_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, team_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, auditees_row);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, scope_group);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, whole_switch);
  gtk_widget_class_bind_template_child (widget_class, CwAuditEditor, save_button);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_audit_editor_init (CwAuditEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scope_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reason_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Under the refusal, which names the same people. */
  self->reasons_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reasons_group, _("Auditing Their Own Areas"));
  adw_preferences_group_set_description (
    self->reasons_group,
    _("Nobody should audit their own work. Where there is nobody else, say why each of these "
      "people may audit their areas; or change the team or the scope."));
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), FALSE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->error_label))),
                              GTK_WIDGET (self->reasons_group), GTK_WIDGET (self->error_label));
}

CwAuditEditor *
cw_audit_editor_new (GtkWindow *parent, CwWorkspace *workspace)
{
  CwAuditEditor *self = g_object_new (CW_TYPE_AUDIT_EDITOR, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  build_scope_picker (self);
  cw_window_focus_when_shown (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  return self;
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The form filled with an audit's details, to correct them. */
CwAuditEditor *
cw_audit_editor_new_for_audit (GtkWindow *parent, CwWorkspace *workspace, CwAudit *audit)
{
  CwAuditEditor *self = cw_audit_editor_new (parent, workspace);
  self->audit = g_object_ref (audit);
  gtk_window_set_title (GTK_WINDOW (self), _("Audit Details"));
  gtk_button_set_label (self->save_button, _("_Save"));
  set_row (self->title_row, cw_audit_get_title (audit));
  set_row (self->objectives_row, cw_audit_get_objectives (audit));
  set_row (self->criteria_row, cw_audit_get_criteria (audit));
  set_row (self->start_row, cw_audit_get_planned_start (audit));
  set_row (self->end_row, cw_audit_get_planned_end (audit));
  set_row (self->lead_row, cw_audit_get_lead_auditor (audit));
  g_auto (GStrv) team = cw_text_split_list (cw_audit_get_team (audit));
  g_autofree char *team_text = g_strjoinv (", ", team);
  set_row (self->team_row, team_text);
  g_auto (GStrv) auditees = cw_text_split_list (cw_audit_get_auditees (audit));
  g_autofree char *auditees_text = g_strjoinv (", ", auditees);
  set_row (self->auditees_row, auditees_text);
  /* The whole catalogue is stored as its main clauses. */
  CwCatalogue *catalogue = cw_workspace_get_catalogue (workspace);
  const char *const *scope = cw_audit_get_scope (audit);
  gboolean whole = catalogue != NULL
                   && g_strv_length ((char **) scope) == cw_catalogue_get_main_clauses (catalogue)->len;
  for (guint i = 0; whole && scope[i] != NULL; i++)
    whole = strchr (scope[i], '.') == NULL;
  cw_audit_editor_set_scope (self, whole ? NULL : scope);
  refresh_reasons (self, TRUE);
  return self;
}
