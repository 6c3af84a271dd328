/* cw-cli-reviews.c: management reviews (9.3) on the command line. Each
 * command parses, calls the core and prints; what a review needs before its
 * minutes can be approved is the core's rule (cw-review.c), never this file's. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-cli.h"
#include "cw-text.h"
#include "cw-review.h"

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

/* ---- Management reviews ------------------------------------------------ */

int
cw_cli_run_review_new (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *date = NULL, *chair = NULL, *attendees = NULL, *since = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day the review is held (required)"),
      N_("YYYY-MM-DD") },
    { "chair", 0, 0, G_OPTION_ARG_STRING, &chair,
      N_("The member of top management who chairs it"), N_("NAME") },
    { "attendees", 0, 0, G_OPTION_ARG_STRING, &attendees, N_("Attendees, comma-separated"),
      N_("NAMES") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("First day of the period covered (default: the day after the previous review)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (date == NULL)
    return cw_cli_usage_error (command, _("--date is required"));
  g_autoptr (CwWorkspace) workspace = cw_cli_open (args[0], &status);
  if (workspace == NULL)
    return status;

  g_autofree char *attendee_lines = cw_text_commas_to_lines (attendees);
  CwReviewDraft draft
    = { .held_on = date, .chair = chair, .attendees = attendee_lines, .period_start = since };
  GDate today;
  cw_date_local_today (&today);
  g_autoptr (GError) error = NULL;
  gint64 id = cw_workspace_create_review (workspace, &draft, &today, &error);
  if (id == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return CW_CLI_OK;
}

static void
print_indented (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("    %s\n", lines[i]);
}

int
cw_cli_run_review_show (const CwCliCommand *command, int argc, char **argv)
{
  char **args;
  int status = cw_cli_parse (command, NULL, argc, argv, &args);
  if (status >= 0)
    return status;
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  g_autoptr (CwReview) review = cw_workspace_get_review (workspace, id, &error);
  CwActionFilter filter = { .review_id = id };
  g_autoptr (GPtrArray) decisions
    = review ? cw_workspace_list_actions (workspace, &filter, &error) : NULL;
  if (decisions == NULL)
    return cw_cli_fail (error);

  g_print (_("Management review %" PRId64 " held on %s\n"), id,
           cw_review_get_held_on (review));
  const char *start = cw_review_get_period_start (review);
  g_autofree char *period = g_strdup_printf ("%s – %s", start ? start : _("the start"),
                                             cw_review_get_period_end (review));
  print_field (_("Status:"), cw_review_status_label (cw_review_get_status (review)));
  print_field (_("Approved by:"), cw_review_get_approved_by (review));
  print_field (_("Approved at:"), cw_review_get_approved_at (review));
  print_field (_("Chair:"), cw_review_get_chair (review));
  print_field (_("Period:"), period);
  print_field (_("Figures as of:"), cw_review_get_figures_as_of (review));

  GPtrArray *attendees = cw_review_get_attendee_list (review);
  g_print ("\n%s\n", _("Attendees:"));
  if (attendees->len == 0)
    {
      /* Minutes made before roles were kept list names only. */
      const char *names = cw_review_get_attendees (review);
      if (names != NULL && *names != '\0')
        print_indented (names);
      else
        g_print ("    %s\n", _("none recorded"));
    }
  for (guint i = 0; i < attendees->len; i++)
    {
      CwReviewAttendee *attendee = g_ptr_array_index (attendees, i);
      g_print ("  %u\t%s\t%s%s\n", attendee->position, attendee->name,
               *attendee->role ? attendee->role : _("role not given"),
               attendee->top_management ? _(" (top management)") : "");
    }

  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      g_print ("\n%s (%s)\n", entry->title, entry->input);
      if (*entry->figures != '\0')
        {
          g_print ("  %s\n", _("Figures:"));
          print_indented (entry->figures);
        }
      if (*entry->notes != '\0')
        {
          g_print ("  %s\n", _("Notes:"));
          print_indented (entry->notes);
        }
      if (entry->nothing_to_report)
        g_print ("  %s\n", _("Nothing to report."));
      else if (*entry->notes == '\0')
        g_print ("  %s\n", _("Not addressed yet."));
    }

  g_print ("\n%s\n", _("Decisions:"));
  for (int kind = CW_REVIEW_OUTPUT_IMPROVEMENT; kind <= CW_REVIEW_OUTPUT_RESOURCES + 1; kind++)
    {
      /* The kinds 9.3 names, then any decision recorded before kinds were. */
      CwReviewOutputKind wanted
        = kind > CW_REVIEW_OUTPUT_RESOURCES ? CW_REVIEW_OUTPUT_NONE : (CwReviewOutputKind) kind;
      gboolean header = FALSE;
      for (guint i = 0; i < decisions->len; i++)
        {
          CwAction *action = g_ptr_array_index (decisions, i);
          if (cw_review_get_output_kind (review, cw_action_get_id (action)) != wanted)
            continue;
          if (!header)
            g_print ("  %s:\n", cw_review_output_kind_label (wanted));
          header = TRUE;
          g_autofree char *title = cw_cli_one_line (cw_action_get_title (action));
          g_autofree char *owner = cw_cli_one_line (cw_action_get_owner (action));
          const char *due = cw_action_get_due (action);
          g_print ("    %" PRId64 "\t%s\t%s\t%s\t%s\n", cw_action_get_id (action),
                   cw_action_status_to_string (cw_action_get_status (action)), due ? due : "-",
                   owner, title);
        }
    }
  g_print ("\n");
  const char *conclusion = cw_review_get_conclusion (review);
  print_field (_("Conclusion:"), *conclusion ? conclusion : _("not written yet"));
  const char *next = cw_review_get_next_review (review);
  print_field (_("Next review:"), next ? next : _("not set"));
  return CW_CLI_OK;
}

int
cw_cli_run_review_note (const CwCliCommand *command, int argc, char **argv)
{
  gboolean nothing = FALSE, something = FALSE;
  GOptionEntry entries[] = {
    { "nothing-to-report", 0, 0, G_OPTION_ARG_NONE, &nothing,
      N_("Also say the input was considered with nothing to report (TEXT may be empty)"), NULL },
    { "something-to-report", 0, 0, G_OPTION_ARG_NONE, &something,
      N_("Take back an earlier “nothing to report”"), NULL },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (nothing && something)
    return cw_cli_usage_error (command,
                               _("--nothing-to-report and --something-to-report exclude each "
                                 "other"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  /* The mark first: when it is refused, the note is not written either. */
  if ((nothing || something)
      && !cw_workspace_set_nothing_to_report (workspace, id, args[2], nothing, &error))
    return cw_cli_fail (error);
  if (!cw_workspace_note_review (workspace, id, args[2], args[3], &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_review_attendee (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *name = NULL, *role = NULL;
  gboolean top = FALSE;
  gint remove = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Who attended"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role, such as service owner"),
      N_("ROLE") },
    { "top-management", 0, 0, G_OPTION_ARG_NONE, &top,
      N_("They are a member of top management"), NULL },
    { "remove", 0, 0, G_OPTION_ARG_INT, &remove,
      N_("Remove the attendee at this position (as review show lists them)"), N_("N") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (remove == 0 && name == NULL)
    return cw_cli_usage_error (command, _("--name is required (or --remove N)"));
  if (remove != 0 && name != NULL)
    return cw_cli_usage_error (command, _("--remove takes no --name"));
  if (remove < 0)
    return cw_cli_usage_error (command, _("--remove takes a position such as 2"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (remove > 0)
    return cw_workspace_remove_review_attendee (workspace, id, remove, &error)
             ? CW_CLI_OK
             : cw_cli_fail (error);
  CwReviewAttendeeDraft attendee = { .name = name, .role = role, .top_management = top };
  guint position = cw_workspace_add_review_attendee (workspace, id, &attendee, &error);
  if (position == 0)
    return cw_cli_fail (error);
  g_print ("%u\n", position);
  return CW_CLI_OK;
}

int
cw_cli_run_review_conclude (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *text = NULL, *next = NULL;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text,
      N_("The conclusion on whether the SMS is still suitable, adequate and effective"),
      N_("TEXT") },
    { "next", 0, 0, G_OPTION_ARG_STRING, &next, N_("The date of the next review"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (text == NULL && next == NULL)
    return cw_cli_usage_error (command, _("give --text, --next or both"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  if (!cw_workspace_conclude_review (workspace, id, text, next, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}

int
cw_cli_run_review_decide (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *text = NULL, *owner = NULL, *due = NULL, *kind_token = NULL;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What was decided"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_token,
      N_("improvement, sms-change, service-change or resources"), N_("KIND") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who carries it out"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("By when"), N_("YYYY-MM-DD") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (text == NULL || owner == NULL || due == NULL || kind_token == NULL)
    return cw_cli_usage_error (command, _("--text, --owner, --due and --kind are required"));
  CwReviewOutputKind kind;
  if (!cw_review_output_kind_from_string (kind_token, &kind))
    return cw_cli_usage_error (command, _("--kind is one of %s, not “%s”"),
                               cw_review_output_kind_tokens (), kind_token);
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  CwReviewDecision decision = { .text = text, .owner = owner, .due = due, .kind = kind };
  g_autoptr (GError) error = NULL;
  gint64 action = cw_workspace_decide (workspace, id, &decision, &error);
  if (action == 0)
    return cw_cli_fail (error);
  g_print ("%" PRId64 "\n", action);
  return CW_CLI_OK;
}

int
cw_cli_run_review_approve (const CwCliCommand *command, int argc, char **argv)
{
  g_autofree char *by = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who approves the minutes (required)"),
      N_("NAME") },
    { NULL },
  };
  char **args;
  int status = cw_cli_parse (command, entries, argc, argv, &args);
  if (status >= 0)
    return status;
  /* Never the login name: minutes are approved by a person who says so. */
  if (by == NULL)
    return cw_cli_usage_error (command, _("--by is required: the name of who approves"));
  gint64 id;
  g_autoptr (CwWorkspace) workspace = cw_cli_open_record (args, _("a review"), &id, &status);
  if (workspace == NULL)
    return status;

  g_autoptr (GError) error = NULL;
  GDate today;
  cw_date_local_today (&today);
  if (!cw_workspace_approve_review (workspace, id, by, &today, &error))
    return cw_cli_fail (error);
  return CW_CLI_OK;
}
