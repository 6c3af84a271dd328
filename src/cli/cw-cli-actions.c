/* cw-cli-actions.c: the corrective action register and audit closure on the
 * command line (management reviews are in cw-cli-reviews.c). Each command
 * parses, calls the core and prints; the workflow, overdue and closure rules
 * are the core's. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-history.h"
#include "cw-cli.h"
#include "cw-text.h"

static void
print_field (const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_auto (GStrv) lines = g_strsplit (value, "\n", -1);
  g_print ("%-14s %s\n", label, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("%-14s %s\n", "", lines[i]);
}

/* ---- Actions ----------------------------------------------------------- */

int
cw_cli_run_action_new (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *finding = NULL, *source = NULL, *title = NULL, *owner = NULL, *due = NULL;
  g_autofree char *description = NULL, *kind_text = NULL, *external = NULL;
  GOptionEntry entries[] = {
    { "finding", 0, 0, G_OPTION_ARG_STRING, &finding,
      N_("Raise the action for this finding (source: internal audit)"), N_("ID") },
    { "external", 0, 0, G_OPTION_ARG_STRING, &external,
      N_("Raise the action for this finding of the certification body (source: certification "
         "audit; “external list” shows the ids)"),
      N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Where the action comes from when not from a finding: certification-audit, incident, "
         "complaint, management-review or other"),
      N_("SOURCE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What is to be fixed (with --source)"),
      N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("The problem, in more detail"),
      N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who is responsible"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due date"), N_("YYYY-MM-DD") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("corrective (answers a nonconformity; the default) or improvement; a finding's grade "
         "or a review decision sets it"),
      N_("KIND") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (finding != NULL && external != NULL)
    return cw_cli_usage_error (command, _("give either --finding or --external, not both"));
  if ((finding != NULL || external != NULL) && (source != NULL || title != NULL))
    return cw_cli_usage_error (command, _("give either --finding, or --source with --title"));
  if (finding == NULL && external == NULL && (source == NULL || title == NULL))
    return cw_cli_usage_error (command, _("--finding, or --source with --title, is required"));

  CwActionDraft draft = { .title = title, .description = description, .owner = owner, .due = due };
  if (finding != NULL && !cw_cli_parse_id (finding, _("a finding"), &draft.finding_id))
    return CW_CLI_BAD_INPUT;
  if (external != NULL
      && !cw_cli_parse_id (external, _("a certification body's finding"),
                           &draft.external_finding_id))
    return CW_CLI_BAD_INPUT;
  if (source != NULL && !cw_action_source_from_string (source, &draft.source))
    return cw_cli_input_error (_("“%s” is not a source; use one of %s"), source,
                               cw_action_source_tokens ());
  CwActionKind kind;
  if (kind_text != NULL && !cw_action_kind_from_string (kind_text, &kind))
    return cw_cli_input_error (_("“%s” is not a kind of action; use one of %s"), kind_text,
                               cw_action_kind_tokens ());
  draft.kind = kind_text != NULL ? &kind : NULL;
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_action (workspace, &draft, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

static char *
id_text (gint64 id)
{
  return id ? g_strdup_printf ("%" PRId64, id) : g_strdup ("");
}

static void
print_action_csv (CwAction *action, const GDate *today)
{
  g_autofree char *id = id_text (cw_action_get_id (action));
  g_autofree char *finding = id_text (cw_action_get_finding_id (action));
  g_autofree char *review = id_text (cw_action_get_review_id (action));
  const char *fields[] = {
    id,
    cw_action_get_title (action),
    cw_action_source_to_string (cw_action_get_source (action)),
    finding,
    review,
    cw_action_status_to_string (cw_action_get_status (action)),
    cw_action_get_owner (action),
    cw_action_get_due (action),
    cw_action_get_check_due (action),
    cw_action_due_state_to_string (cw_action_get_due_state (action, today)),
    cw_action_get_created_at (action),
    cw_action_kind_to_string (cw_action_get_kind (action)),
    cw_action_overdue_to_string (cw_action_get_overdue (action, today)),
    cw_action_get_verified_by (action),
    cw_action_get_verifier_justification (action),
  };
  cw_cli_print_csv_row (fields, G_N_ELEMENTS (fields));
}

int
cw_cli_run_action_list (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *status_text = NULL;
  gboolean overdue = FALSE, csv = FALSE;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only actions in this state: open, planned, implemented, verified or closed"),
      N_("STATUS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only overdue actions: not implemented by their due date, or implemented and not "
         "verified by their check-due date"),
      NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write RFC 4180 CSV with a header row"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  GDate today;
  cw_date_local_today (&today);
  CwActionFilter filter = { .overdue_only = overdue, .today = &today };
  if (status_text != NULL)
    {
      if (!cw_action_status_from_string (status_text, &filter.status))
        return cw_cli_input_error (_("“%s” is not a status of an action; use one of %s"),
                                   status_text, cw_action_status_tokens ());
      filter.by_status = TRUE;
    }
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cw_workspace_list_actions (workspace, &filter, &error);
  if (actions == NULL)
    return cw_cli_fail (error);
  if (csv)
    {
      const char *header[] = { "id",        "title",     "source",     "finding",
                               "review",    "status",    "owner",      "due",
                               "check_due", "due_state", "created_at", "kind",
                               "overdue",   "verified_by", "verifier_justification" };
      cw_cli_print_csv_row (header, G_N_ELEMENTS (header));
    }
  for (guint i = 0; i < actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (actions, i);
      if (csv)
        {
          print_action_csv (action, &today);
          continue;
        }
      const char *due = cw_action_get_due (action);
      const char *owner = cw_action_get_owner (action);
      g_autofree char *owner_line = cw_cli_one_line (*owner ? owner : "-");
      g_autofree char *title = cw_cli_one_line (cw_action_get_title (action));
      /* Which step is late, and who checked an action its owner verified. */
      CwActionOverdue late = cw_action_get_overdue (action, &today);
      g_autofree char *reason = cw_cli_one_line (cw_action_get_verifier_justification (action));
      g_autofree char *own_check
        = cw_action_get_verifier_is_owner (action)
            ? g_strdup_printf (_(" [verified by its owner: %s]"), reason)
            : NULL;
      g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\t%s\t%s%s\n", cw_action_get_id (action),
               cw_action_status_to_string (cw_action_get_status (action)), due ? due : "-",
               cw_action_due_state_to_string (cw_action_get_due_state (action, &today)),
               late == CW_ACTION_OVERDUE_NONE ? "-" : cw_action_overdue_to_string (late),
               owner_line, title, own_check ? own_check : "");

    }
  return CW_CLI_OK;
}

int
cw_cli_run_action_show (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an action"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwAction) action = cw_workspace_get_action (workspace, id, &error);
  g_autoptr (GPtrArray) history
    = action ? cw_workspace_list_action_history (workspace, id, &error) : NULL;
  if (history == NULL)
    return cw_cli_fail (error);
  GDate today;
  cw_date_local_today (&today);

  g_print (_("Action %" PRId64 ": %s\n"), id, cw_action_get_title (action));
  g_autofree char *state = g_strdup_printf (
    "%s (%s)", cw_action_status_label (cw_action_get_status (action)),
    cw_action_due_state_label (cw_action_get_due_state (action, &today)));
  g_autofree char *finding = id_text (cw_action_get_finding_id (action));
  g_autofree char *review = id_text (cw_action_get_review_id (action));
  g_autofree char *external = id_text (cw_action_get_external_finding_id (action));
  print_field (_("Status:"), state);
  CwActionOverdue late = cw_action_get_overdue (action, &today);
  if (late != CW_ACTION_OVERDUE_NONE)
    print_field (_("Overdue:"), cw_action_overdue_label (late));
  print_field (_("Kind:"), cw_action_kind_label (cw_action_get_kind (action)));
  print_field (_("Source:"), cw_action_source_label (cw_action_get_source (action)));
  print_field (_("Finding:"), finding);
  print_field (_("Body finding:"), external);
  print_field (_("Review:"), review);
  print_field (_("Owner:"), cw_action_get_owner (action));
  print_field (_("Due:"), cw_action_get_due (action));
  print_field (_("Check due:"), cw_action_get_check_due (action));
  print_field (_("Description:"), cw_action_get_description (action));
  print_field (_("Correction:"), cw_action_get_correction (action));
  print_field (_("Consequences:"), cw_action_get_consequences (action));
  g_auto (GStrv) whys = cw_action_dup_whys (action);
  for (guint i = 0; whys[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Why %u:"), i + 1);
      print_field (label, whys[i]);
    }
  if (cw_action_get_cause_category (action) != CW_CAUSE_NONE)
    print_field (_("Cause:"), cw_cause_category_label (cw_action_get_cause_category (action)));
  print_field (_("Similar:"), cw_action_get_similar (action));
  print_field (_("Plan:"), cw_action_get_plan (action));
  print_field (_("Verification:"), cw_action_get_verification (action));
  print_field (_("Verified by:"), cw_action_get_verified_by (action));
  if (cw_action_get_verifier_is_owner (action))
    print_field (_("Owner verifies:"), *cw_action_get_verifier_justification (action)
                                         ? cw_action_get_verifier_justification (action)
                                         : _("(no reason recorded)"));
  else
    print_field (_("Justification:"), cw_action_get_verifier_justification (action));
  print_field (_("Planned on:"), cw_action_get_planned_on (action));
  print_field (_("Implemented on:"), cw_action_get_implemented_on (action));
  print_field (_("Verified on:"), cw_action_get_verified_on (action));
  print_field (_("Closed on:"), cw_action_get_closed_on (action));

  g_print ("\n%s\n", _("Next steps:"));
  for (CwActionMove move = 0; move < CW_ACTION_N_MOVES; move++)
    {
      g_autoptr (GError) why = NULL;
      if (cw_action_can_move (action, move, &today, &why))
        g_print ("  %s\t%s\n", cw_action_move_to_string (move), _("allowed"));
      else
        g_print ("  %s\t%s\n", cw_action_move_to_string (move), why->message);
    }

  g_print ("\n%s\n", _("History:"));
  for (guint i = 0; i < history->len; i++)
    {
      CwHistoryEntry *event = g_ptr_array_index (history, i);
      g_autofree char *old_value = cw_cli_one_line (event->old_value);
      g_autofree char *new_value = cw_cli_one_line (event->new_value);
      g_print ("  %s\t%s\t%s\t%s\t%s\n", event->at, event->who, event->field, old_value,
               new_value);
    }
  return CW_CLI_OK;
}

int
cw_cli_run_action_update (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *title = NULL, *correction = NULL, *root_cause = NULL, *similar = NULL;
  g_autofree char *plan = NULL, *owner = NULL, *due = NULL, *check_due = NULL;
  g_autofree char *verification = NULL, *category = NULL, *description = NULL;
  g_autofree char *consequences = NULL, *verified_by = NULL, *justification = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What is to be fixed"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("The problem, in more detail"),
      N_("TEXT") },
    { "correction", 0, 0, G_OPTION_ARG_STRING, &correction,
      N_("What was done at once to contain the problem, or why nothing was needed"),
      N_("TEXT") },
    { "consequences", 0, 0, G_OPTION_ARG_STRING, &consequences,
      N_("The consequences of the nonconformity and how they were dealt with"), N_("TEXT") },
    { "root-cause", 0, 0, G_OPTION_ARG_STRING, &root_cause,
      N_("The 5-whys chain, one “why” a line (at most five)"), N_("TEXT") },
    { "cause-category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("people, process, technology, supplier, information or other"), N_("CATEGORY") },
    { "similar", 0, 0, G_OPTION_ARG_STRING, &similar,
      N_("Where similar nonconformities were looked for, and what was found"), N_("TEXT") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, N_("The action plan"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who is responsible"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due date (empty to clear)"), N_("DATE") },
    { "check-due", 0, 0, G_OPTION_ARG_STRING, &check_due,
      N_("When effectiveness is to be checked"), N_("DATE") },
    { "verification", 0, 0, G_OPTION_ARG_STRING, &verification,
      N_("Evidence of the effectiveness check"), N_("TEXT") },
    { "verified-by", 0, 0, G_OPTION_ARG_STRING, &verified_by,
      N_("Who checked the action's effectiveness"), N_("NAME") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification,
      N_("Why the owner checks their own action, when nobody else can"), N_("TEXT") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  CwCauseCategory cause;
  if (category != NULL && !cw_cause_category_from_string (category, &cause))
    return cw_cli_input_error (_("“%s” is not a cause category; use one of %s"), category,
                               cw_cause_category_tokens ());
  CwActionChanges changes = {
    .title = title,
    .description = description,
    .correction = correction,
    .root_cause = root_cause,
    .cause_category = category ? &cause : NULL,
    .similar = similar,
    .plan = plan,
    .owner = owner,
    .due = due,
    .check_due = check_due,
    .verification = verification,
    .consequences = consequences,
    .verified_by = verified_by,
    .verifier_justification = justification,
  };
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an action"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (!cw_workspace_update_action (workspace, id, &changes, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_action_move (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  CwActionMove move;
  if (!cw_action_move_from_string (args[2], &move))
    return cw_cli_input_error (_("“%s” is not a step of the workflow; use one of %s"), args[2],
                               cw_action_move_tokens ());
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("an action"), &id, &status);
  if (workspace == NULL)
    return status;

  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  if (!cw_workspace_move_action (workspace, id, move, &today, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
