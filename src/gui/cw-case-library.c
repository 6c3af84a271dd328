/* cw-case-library.c: see cw-case-library.h. Documents and interviews are
 * open and shown in full; a population shows its listing (ids and days),
 * and a record's text only once it has been asked for and handed out
 * (cw_case_hand_out), which the core keeps for the debrief. */
#define G_LOG_DOMAIN "cw-case-library"

#include "config.h"

#include <glib/gi18n.h>

#include "cw-case-audit.h"
#include "cw-case-library.h"
#include "cw-widgets.h"

struct _CwCaseLibrary
{
  AdwWindow parent_instance;

  CwWorkspace *workspace;
  gint64 audit_id;
  char *clause; /* NULL: no clause to start at */
  CwCaseStudy *study;
  GPtrArray *entries; /* CwLibraryEntry *, borrowing from `study` */
  GPtrArray *checks;  /* GtkCheckButton * of the records not yet handed out */
  guint n_handed_out;

  AdwWindowTitle *window_title;
  GtkSwitch *whole_switch;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkBox *content_box;
  GtkLabel *chosen_label;
};

G_DEFINE_FINAL_TYPE (CwCaseLibrary, cw_case_library, ADW_TYPE_WINDOW)

/* A document, an interview or a record handed out: what it is, then its
 * text in full. */
static GtkWidget *
make_text_row (const char *title, const char *meta, const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), cw_wrapped_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), cw_wrapped_label (meta, "dim-label"));
  gtk_box_append (GTK_BOX (box), cw_wrapped_label (text, NULL));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_autofree char *name = g_strdup_printf ("%s, %s", title, meta);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static GtkWidget *
make_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return list;
}

static GtkWidget *
make_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
    }
  return group;
}

static void
update_chosen (CwCaseLibrary *self)
{
  guint chosen = 0;
  for (guint i = 0; i < self->checks->len; i++)
    chosen += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  g_autofree char *handed = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u record handed out so far", "%u records handed out so far",
                 self->n_handed_out),
    self->n_handed_out);
  g_autofree char *ticked = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u ticked", "%u ticked", chosen), chosen);
  /* TRANSLATORS: "3 records handed out so far; 2 ticked" */
  g_autofree char *text = g_strdup_printf (_("%s; %s"), handed, ticked);
  gtk_label_set_label (self->chosen_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.ask", chosen > 0);
}

static GtkWidget *
make_record_row (CwCaseLibrary *self, const CwCaseItem *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (record->id, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), record->date ? record->date : "");
  GtkWidget *check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Named by the row's title (the record's id), as its activatable widget. */
  g_object_set_data_full (G_OBJECT (check), "cw-record-id", g_strdup (record->id), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_chosen), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static gboolean
is_handed_out (const CwLibraryEntry *entry, const CwCaseItem *record)
{
  for (guint i = 0; entry->handed_out != NULL && i < entry->handed_out->len; i++)
    {
      const CwCaseItem *out = g_ptr_array_index (entry->handed_out, i);
      if (out == record || g_ascii_strcasecmp (out->id, record->id) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
make_population (CwCaseLibrary *self, const CwLibraryEntry *entry)
{
  const CwCasePopulation *population = entry->population;
  GtkWidget *group = make_group (population->title, population->summary);
  g_autofree char *size = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u record held", "%u records held", population->size),
    population->size);
  GtkWidget *size_label = gtk_label_new (size);
  gtk_widget_add_css_class (size_label, "dim-label");
  gtk_widget_set_valign (size_label, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), size_label);
  g_autofree char *list_name = g_strdup_printf (_("Listing of %s"), population->title);
  GtkWidget *list = make_list (list_name);
  for (guint i = 0; population->records != NULL && i < population->records->len; i++)
    {
      const CwCaseItem *record = g_ptr_array_index (population->records, i);
      if (is_handed_out (entry, record))
        {
          self->n_handed_out++;
          /* TRANSLATORS: a record's day, then that it was handed out */
          g_autofree char *meta = g_strdup_printf (_("%s · handed out"), record->date);
          gtk_list_box_append (GTK_LIST_BOX (list), make_text_row (record->id, meta, record->text));
        }
      else
        gtk_list_box_append (GTK_LIST_BOX (list), make_record_row (self, record));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static void
reload (CwCaseLibrary *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box));
       child != NULL; child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box)))
    gtk_box_remove (self->content_box, child);
  g_ptr_array_set_size (self->checks, 0);
  self->n_handed_out = 0;
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  gboolean whole = self->clause == NULL || gtk_switch_get_active (self->whole_switch);
  g_autofree char *subtitle
    = whole ? g_strdup (self->study->kase->title)
            /* TRANSLATORS: the case's title, then the clause the library is open at */
            : g_strdup_printf (_("%s · clause %s"), self->study->kase->title, self->clause);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  g_autoptr (GError) error = NULL;
  self->entries = cw_case_library (self->workspace, self->study, self->audit_id,
                                   whole ? NULL : self->clause, &error);
  if (self->entries == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Library Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_chosen (self);
      return;
    }

  GtkWidget *documents = NULL, *interviews = NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CwLibraryEntry *entry = g_ptr_array_index (self->entries, i);
      const CwCaseItem *item = entry->item;
      switch (entry->kind)
        {
        case CW_LIBRARY_DOCUMENT:
          {
            if (documents == NULL)
              {
                GtkWidget *group = make_group (_("Documents"), NULL);
                documents = make_list (_("Documents"));
                adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), documents);
                gtk_box_append (self->content_box, group);
              }
            /* TRANSLATORS: a document's id, version and day */
            g_autofree char *meta = g_strdup_printf (_("%s · version %s · %s"), item->id,
                                                     item->version ? item->version : "–",
                                                     item->date);
            gtk_list_box_append (GTK_LIST_BOX (documents),
                                 make_text_row (item->title, meta, item->text));
          }
          break;
        case CW_LIBRARY_INTERVIEW:
          {
            if (interviews == NULL)
              {
                GtkWidget *group = make_group (_("Interviews"), NULL);
                interviews = make_list (_("Interviews"));
                adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), interviews);
                gtk_box_append (self->content_box, group);
              }
            /* TRANSLATORS: an interview's id and day */
            g_autofree char *meta = g_strdup_printf (_("%s · %s"), item->id, item->date);
            g_autofree char *title = g_strdup_printf (_("Interview with %s"), item->title);
            gtk_list_box_append (GTK_LIST_BOX (interviews),
                                 make_text_row (title, meta, item->text));
          }
          break;
        case CW_LIBRARY_POPULATION:
          gtk_box_append (self->content_box, make_population (self, entry));
          break;
        }
    }
  if (self->entries->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing on This Clause"));
      adw_status_page_set_description (
        self->empty_page, _("The case holds no document, interview or records on this clause or "
                            "the clauses around it. Switch on Whole Case to see everything."));
    }
  gtk_stack_set_visible_child_name (self->stack, self->entries->len ? "library" : "empty");
  update_chosen (self);
}

static void
on_whole_changed (CwCaseLibrary *self)
{
  if (self->study != NULL)
    reload (self);
}

static void
ask_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  CwCaseLibrary *self = CW_CASE_LIBRARY (widget);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (ids, g_object_get_data (G_OBJECT (check), "cw-record-id"));
    }
  if (ids->len == 0)
    return;
  g_ptr_array_add (ids, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) given = cw_case_hand_out (self->workspace, self->study, self->audit_id,
                                                  (const char *const *) ids->pdata, &error);
  if (given == NULL)
    {
      cw_show_error (widget, _("No Records Were Handed Out"), error);
      return;
    }
  reload (self);
  g_autofree char *message = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u record handed out", "%u records handed out", given->len),
    given->len);
  cw_toast (widget, message);
}

static void
cw_case_library_dispose (GObject *object)
{
  CwCaseLibrary *self = CW_CASE_LIBRARY (object);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->study, cw_case_study_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CASE_LIBRARY);
  G_OBJECT_CLASS (cw_case_library_parent_class)->dispose (object);
}

static void
cw_case_library_finalize (GObject *object)
{
  g_free (CW_CASE_LIBRARY (object)->clause);
  G_OBJECT_CLASS (cw_case_library_parent_class)->finalize (object);
}

static void
cw_case_library_class_init (CwCaseLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = cw_case_library_dispose;
  object_class->finalize = cw_case_library_finalize;

  /* A window over the main one: screen readers announce it as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cw-case-library.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, whole_switch);
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, stack);
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, content_box);
  gtk_widget_class_bind_template_child (widget_class, CwCaseLibrary, chosen_label);
  gtk_widget_class_bind_template_callback (widget_class, on_whole_changed);

  gtk_widget_class_install_action (widget_class, "library.ask", NULL, ask_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "library.ask", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_case_library_init (CwCaseLibrary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

CwCaseLibrary *
cw_case_library_new (GtkWindow *parent, CwWorkspace *workspace, gint64 audit_id,
                     const char *clause, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_autoptr (CwCaseStudy) study = cw_case_study_load (workspace, error);
  if (study == NULL)
    return NULL;
  CwCaseLibrary *self = g_object_new (CW_TYPE_CASE_LIBRARY, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->audit_id = audit_id;
  self->clause = g_strdup (clause);
  gtk_widget_set_sensitive (GTK_WIDGET (self->whole_switch), clause != NULL);
  if (clause == NULL)
    gtk_switch_set_active (self->whole_switch, TRUE);
  self->study = g_steal_pointer (&study);
  reload (self);
  return self;
}

gboolean
cw_case_library_choose (CwCaseLibrary *self, const char *record_id)
{
  g_return_val_if_fail (CW_IS_CASE_LIBRARY (self), FALSE);
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      if (g_ascii_strcasecmp (g_object_get_data (G_OBJECT (check), "cw-record-id"), record_id)
          == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

guint
cw_case_library_get_n_handed_out (CwCaseLibrary *self)
{
  g_return_val_if_fail (CW_IS_CASE_LIBRARY (self), 0);
  return self->n_handed_out;
}

void
cw_case_library_set_whole_case (CwCaseLibrary *self, gboolean whole)
{
  g_return_if_fail (CW_IS_CASE_LIBRARY (self));
  gtk_switch_set_active (self->whole_switch, whole);
}
