/* cw-organisation-dialog.c: the organisation's profile: name, SMS scope,
 * services, certification body, the dates of Stage One and Two and the days
 * the auditee has to respond to a nonconformity of each grade; and its
 * people with the areas (clauses) each is responsible for, which keep
 * audits independent. The core checks the dates and the clauses; a refusal
 * is shown in the dialog. Each person's change is an edit of its own. */
#define G_LOG_DOMAIN "cw-organisation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-i18n.h"
#include "cw-organisation-dialog.h"
#include "cw-people.h"
#include "cw-text.h"
#include "cw-widgets.h"

struct _CwOrganisationDialog
{
  AdwWindow parent_instance;
  CwWorkspace *workspace;
  gint64 rev; /* the organisation's revision shown: saving goes over it only */

  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *body_row;
  AdwEntryRow *stage_one_row;
  AdwEntryRow *stage_two_row;
  AdwEntryRow *certified_row;
  AdwComboRow *language_row; /* in the order of cw_languages () */
  GtkTextView *scope_view;
  GtkTextView *services_view;
  GtkSpinButton *respond_major_spin;
  GtkSpinButton *respond_minor_spin;
  GPtrArray *people;      /* CwPerson, as loaded */
  GPtrArray *area_rows;   /* AdwEntryRow, one for each of `people` */
  AdwEntryRow *new_name_row;
  AdwEntryRow *new_role_row;
  AdwEntryRow *new_areas_row;
};

G_DEFINE_FINAL_TYPE (CwOrganisationDialog, cw_organisation_dialog, ADW_TYPE_WINDOW)

static guint saved_signal;

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Each person whose areas changed, then the new person if one is named. A
 * person saved stays saved when a later one is refused. */
static gboolean
save_people (CwOrganisationDialog *self, GError **error)
{
  for (guint i = 0; i < self->people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (self->people, i);
      g_auto (GStrv) areas = cw_text_split_list (row_text (g_ptr_array_index (self->area_rows, i)));
      g_autofree char *typed = g_strjoinv (",", areas);
      g_autofree char *stored = g_strjoinv (",", person->areas);
      if (g_strcmp0 (typed, stored) == 0)
        continue;
      if (!cw_workspace_update_person (self->workspace, person, person->name, person->role,
                                       (const char *const *) areas, error))
        {
          g_prefix_error (error, "%s: ", person->name);
          return FALSE;
        }
      /* Saved: a second save must not meet the old revision. */
      g_autoptr (CwPerson) fresh = cw_workspace_find_person (self->workspace, person->name, NULL);
      if (fresh != NULL)
        {
          person->rev = fresh->rev;
          g_strfreev (person->areas);
          person->areas = g_steal_pointer (&fresh->areas);
        }
    }
  if (cw_text_is_blank (row_text (self->new_name_row)))
    return TRUE;
  g_auto (GStrv) areas = cw_text_split_list (row_text (self->new_areas_row));
  if (cw_workspace_add_person_with_areas (self->workspace, row_text (self->new_name_row),
                                          row_text (self->new_role_row),
                                          (const char *const *) areas, error)
      == 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  return TRUE;
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  /* The title names the row; a label besides would be read twice. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

/* The people, one row each holding their areas, and rows to add someone:
 * after the profile, in the dialog's column. */
static void
build_people (CwOrganisationDialog *self)
{
  GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (self->error_label));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("People and Their Areas"));
  adw_preferences_group_set_description (
    group, _("The clauses each person is responsible for, separated by commas (8.5.1 covers its "
             "sub-clauses). Nobody is put on the team of an audit of their own areas without a "
             "reason."));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (group));
  self->people = cw_workspace_list_people (self->workspace, NULL);
  if (self->people == NULL)
    self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_person_free);
  for (guint i = 0; i < self->people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (self->people, i);
      g_autofree char *title
        = *person->role ? g_strdup_printf (_("Areas of %s (%s)"), person->name, person->role)
                        : g_strdup_printf (_("Areas of %s"), person->name);
      AdwEntryRow *row = entry_row (group, title);
      g_autofree char *areas = g_strjoinv (", ", person->areas);
      gtk_editable_set_text (GTK_EDITABLE (row), areas);
      g_ptr_array_add (self->area_rows, row);
    }
  AdwPreferencesGroup *add = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (add, _("Add a Person"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (add));
  self->new_name_row = entry_row (add, _("Name"));
  self->new_role_row = entry_row (add, _("Role"));
  self->new_areas_row = entry_row (add, _("Areas (clauses, separated by commas)"));
}

/* Types areas for a listed person (for tests); FALSE when not listed. */
gboolean
cw_organisation_dialog_set_areas (CwOrganisationDialog *self, const char *person,
                                  const char *areas)
{
  g_return_val_if_fail (CW_IS_ORGANISATION_DIALOG (self), FALSE);
  for (guint i = 0; i < self->people->len; i++)
    if (cw_people_same_name (((CwPerson *) g_ptr_array_index (self->people, i))->name, person))
      {
        gtk_editable_set_text (g_ptr_array_index (self->area_rows, i), areas);
        return TRUE;
      }
  return FALSE;
}

void
cw_organisation_dialog_set_new_person (CwOrganisationDialog *self, const char *name,
                                       const char *role, const char *areas)
{
  g_return_if_fail (CW_IS_ORGANISATION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->new_role_row), role);
  gtk_editable_set_text (GTK_EDITABLE (self->new_areas_row), areas);
}

gboolean
cw_organisation_dialog_save (CwOrganisationDialog *self)
{
  g_return_val_if_fail (CW_IS_ORGANISATION_DIALOG (self), FALSE);
  g_autofree char *scope = cw_text_view_dup_text (self->scope_view);
  g_autofree char *services = cw_text_view_dup_text (self->services_view);
  /* A number typed but not yet confirmed with Enter counts. */
  gtk_spin_button_update (self->respond_major_spin);
  gtk_spin_button_update (self->respond_minor_spin);
  CwOrganisation organisation = {
    .name = (char *) row_text (self->name_row),
    .scope = scope,
    .services = services,
    .certification_body = (char *) row_text (self->body_row),
    .stage_one = (char *) row_text (self->stage_one_row),
    .stage_two = (char *) row_text (self->stage_two_row),
    .certified_on = (char *) row_text (self->certified_row),
    .respond_major_days = (guint) gtk_spin_button_get_value_as_int (self->respond_major_spin),
    .respond_minor_days = (guint) gtk_spin_button_get_value_as_int (self->respond_minor_spin),
    .language = (char *) cw_languages ()[MIN (adw_combo_row_get_selected (self->language_row),
                                              g_strv_length ((char **) cw_languages ()) - 1)],
    .rev = self->rev,
  };
  g_autoptr (GError) error = NULL;
  gboolean saved = cw_workspace_set_organisation (self->workspace, &organisation, &error);
  if (saved)
    {
      /* Saved: should the people then be refused, a second save must not
       * meet the old revision. */
      g_autoptr (CwOrganisation) fresh = cw_workspace_get_organisation (self->workspace, &error);
      saved = fresh != NULL;
      if (saved)
        self->rev = fresh->rev;
    }
  if (!saved || !save_people (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, saved_signal, 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  cw_organisation_dialog_save (CW_ORGANISATION_DIALOG (widget));
}

static void
cw_organisation_dialog_dispose (GObject *object)
{
  CwOrganisationDialog *self = CW_ORGANISATION_DIALOG (object);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_ORGANISATION_DIALOG);
  G_OBJECT_CLASS (cw_organisation_dialog_parent_class)->dispose (object);
}

static void
cw_organisation_dialog_class_init (CwOrganisationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = cw_organisation_dialog_dispose;
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                               NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-organisation-dialog.ui");
  /* A window that asks something and goes away: AT-SPI must say "dialog", which
   * GTK 4.8 only does for GtkDialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, body_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, stage_one_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, stage_two_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, certified_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, scope_view);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, services_view);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, respond_major_spin);
  gtk_widget_class_bind_template_child (widget_class, CwOrganisationDialog, respond_minor_spin);
  gtk_widget_class_install_action (widget_class, "organisation.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "organisation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_organisation_dialog_init (CwOrganisationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_rows = g_ptr_array_new ();
  GtkSpinButton *spins[] = { self->respond_major_spin, self->respond_minor_spin };
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      gtk_spin_button_set_range (spins[i], 1, CW_RESPOND_DAYS_MAX);
      gtk_spin_button_set_increments (spins[i], 1, 7);
    }
  gtk_spin_button_set_value (self->respond_major_spin, CW_RESPOND_MAJOR_DAYS_DEFAULT);
  gtk_spin_button_set_value (self->respond_minor_spin, CW_RESPOND_MINOR_DAYS_DEFAULT);
}

CwOrganisationDialog *
cw_organisation_dialog_new (GtkWindow *parent, CwWorkspace *workspace)
{
  CwOrganisationDialog *self
    = g_object_new (CW_TYPE_ORGANISATION_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  g_autoptr (CwOrganisation) organisation = cw_workspace_get_organisation (workspace, NULL);
  if (organisation != NULL)
    {
      self->rev = organisation->rev;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), organisation->name);
      gtk_editable_set_text (GTK_EDITABLE (self->body_row), organisation->certification_body);
      gtk_editable_set_text (GTK_EDITABLE (self->stage_one_row),
                             organisation->stage_one ? organisation->stage_one : "");
      gtk_editable_set_text (GTK_EDITABLE (self->stage_two_row),
                             organisation->stage_two ? organisation->stage_two : "");
      gtk_editable_set_text (GTK_EDITABLE (self->certified_row),
                             organisation->certified_on ? organisation->certified_on : "");
      cw_text_view_set_text (self->scope_view, organisation->scope);
      cw_text_view_set_text (self->services_view, organisation->services);
      const char *const *languages = cw_languages ();
      for (guint i = 0; languages[i] != NULL; i++)
        if (g_strcmp0 (languages[i], organisation->language) == 0)
          adw_combo_row_set_selected (self->language_row, i);
      gtk_spin_button_set_value (self->respond_major_spin, organisation->respond_major_days);
      gtk_spin_button_set_value (self->respond_minor_spin, organisation->respond_minor_days);
    }
  build_people (self);
  gboolean writable = !cw_workspace_is_read_only (workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.save", writable);
  return self;
}
