/* cw-report-actions.c: the corrective action register, as of one day: every
 * action with its kind, status, owner and due date, overdue ones marked with
 * the step that is late, then each action in full with who verified it. What
 * counts as overdue is cw-action.c's rule. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cw-action.h"
#include "cw-date.h"
#include "cw-report-private.h"
#include "cw-workspace-private.h"

#define N_STATUSES (CW_ACTION_CLOSED + 1)

typedef struct
{
  CwOrganisation *organisation;
  GPtrArray *actions;
  GArray *due_states; /* CwActionDueState per action, on `as_of` */
  GArray *overdues;   /* CwActionOverdue per action, on `as_of` */
  char *as_of;
  guint statuses[N_STATUSES];
  guint overdue;
  guint late_work, late_checks; /* of `overdue`: implementation, verification */
} ActionsContent;

static void
actions_content_free (ActionsContent *content)
{
  cw_organisation_free (content->organisation);
  g_clear_pointer (&content->actions, g_ptr_array_unref);
  g_clear_pointer (&content->due_states, g_array_unref);
  g_clear_pointer (&content->overdues, g_array_unref);
  g_free (content->as_of);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionsContent, actions_content_free)

/* The day of the workspace's last recorded change: the "today" of
 * reproducible output, so that the same workspace always gives the same
 * register whatever day it is printed. */
static gboolean
reference_date (CwWorkspace *workspace, GDate *date, GError **error)
{
  CwStmt *stmt = cw_workspace_prepare (
      workspace,
      "SELECT coalesce ((SELECT max (at) FROM history), (SELECT created_at FROM workspace))",
      error);
  if (stmt == NULL)
    return FALSE;
  if (!cw_stmt_expect_row (stmt, error))
    return FALSE;
  g_autofree char *at = cw_stmt_dup_text (stmt, 0);
  cw_stmt_reset (stmt);
  g_autofree char *day = g_strndup (at ? at : "", 10);
  if (!cw_date_parse (day, date, NULL))
    g_date_set_dmy (date, 1, 1, 2000);
  return TRUE;
}

static void
compose_actions (CwTypeset *ts, gpointer data)
{
  ActionsContent *c = data;
  g_autofree char *total
      = g_strdup_printf (_ ("%u actions, %u still open, %u overdue"), c->actions->len,
                         c->actions->len - c->statuses[CW_ACTION_CLOSED], c->overdue);
  const char *fields[] = {
    _ ("Organisation"),
    c->organisation->name,
    _ ("Status as of"),
    c->as_of,
    _ ("Actions"),
    total,
    NULL,
  };
  cw_typeset_cover (ts, _ ("Corrective action register"), _ ("Corrective actions"),
                    c->organisation->name, fields,
                    _ ("Confidential. Prepared with Clausewise. Implementation overdue: not "
                       "implemented by its due date. Verification overdue: implemented, but its "
                       "effectiveness check, due before the date above, not yet made."));
  cw_typeset_contents_here (ts);

  cw_typeset_heading (ts, 1, _ ("1  Summary"), TRUE);
  g_autofree char *intro = g_strdup_printf (
      _ ("The register holds %u actions as of %s. %u are overdue: %u not implemented by their "
         "due date, and %u implemented but not verified by the date their effectiveness check "
         "was due. Overdue actions are the first thing an auditor asks about; each needs a new "
         "date agreed by its owner or a reason recorded."),
      c->actions->len, c->as_of, c->overdue, c->late_work, c->late_checks);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);
  static const double summary_widths[] = { 0.5, 0.5 };
  const char *summary_header[] = { _ ("Status"), _ ("Actions") };
  CwTable *summary = cw_typeset_table_begin (ts, 2, summary_widths, summary_header);
  for (guint s = 0; s < N_STATUSES; s++)
    {
      g_autofree char *label = cw_markup_printf ("%s", cw_action_status_label (s));
      g_autofree char *count = g_strdup_printf ("%u", c->statuses[s]);
      const char *cells[] = { label, count };
      cw_table_row (summary, cells, CW_ROW_NORMAL, -1, NULL);
    }
  g_autofree char *overdue_label = cw_markup_printf ("<b>%s</b>", _ ("Overdue"));
  g_autofree char *overdue_count = g_strdup_printf ("<b>%u</b>", c->overdue);
  const char *overdue_cells[] = { overdue_label, overdue_count };
  cw_table_row (summary, overdue_cells, CW_ROW_GROUP, 0,
                c->overdue ? cw_report_result_colour (CW_RESULT_MAJOR) : NULL);
  const struct
  {
    CwActionOverdue kind;
    guint count;
  } lates[] = { { CW_ACTION_OVERDUE_IMPLEMENTATION, c->late_work },
                { CW_ACTION_OVERDUE_VERIFICATION, c->late_checks } };
  for (guint l = 0; l < G_N_ELEMENTS (lates); l++)
    {
      g_autofree char *label = cw_markup_printf ("%s", cw_action_overdue_label (lates[l].kind));
      g_autofree char *count = g_strdup_printf ("%u", lates[l].count);
      const char *cells[] = { label, count };
      cw_table_row (summary, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (summary);

  cw_typeset_heading (ts, 1, _ ("2  Register"), TRUE);
  if (c->actions->len == 0)
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("No corrective action has been raised yet."));
  else
    {
      static const double widths[] = { 0.07, 0.36, 0.15, 0.21, 0.21 };
      const char *header[]
          = { _ ("No."), _ ("Action and source"), _ ("Owner"), _ ("Due"), _ ("Status") };
      CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
      for (guint i = 0; i < c->actions->len; i++)
        {
          CwAction *action = g_ptr_array_index (c->actions, i);
          CwActionDueState due = g_array_index (c->due_states, CwActionDueState, i);
          CwActionOverdue late = g_array_index (c->overdues, CwActionOverdue, i);
          g_autofree char *number
              = g_strdup_printf ("A-%" G_GINT64_FORMAT, cw_action_get_id (action));
          g_autofree char *source
              = cw_action_get_finding_id (action)
                    ? g_strdup_printf (_ ("%s, finding %" PRId64),
                                       cw_action_source_label (cw_action_get_source (action)),
                                       cw_action_get_finding_id (action))
                    : g_strdup (cw_action_source_label (cw_action_get_source (action)));
          g_autofree char *title = cw_markup_printf (
              "%s\n<span size=\"smaller\" foreground=\"#6b7380\">%s · %s</span>",
              cw_report_or_dash (cw_action_get_title (action)),
              cw_action_kind_label (cw_action_get_kind (action)), source);
          g_autofree char *owner = cw_markup_printf ("%s", cw_report_or_dash (cw_action_get_owner (action)));
          /* Once implemented, the date that counts is the check's. */
          const char *due_day = cw_action_get_status (action) == CW_ACTION_IMPLEMENTED
                                    && cw_action_get_check_due (action) != NULL
                                  ? cw_action_get_check_due (action)
                                  : cw_action_get_due (action);
          g_autofree char *date = cw_report_short_date (due_day);
          /* In capitals, like the entry's badge: it must catch the eye. */
          g_autofree char *late_text = g_utf8_strup (cw_action_overdue_label (late), -1);
          g_autofree char *due_text
              = late != CW_ACTION_OVERDUE_NONE
                    ? cw_markup_printf ("<b>%s</b>\n<span size=\"smaller\"><b>%s</b></span>", date,
                                        late_text)
                : due == CW_ACTION_DUE_SOON
                    ? cw_markup_printf ("%s\n<i>%s</i>", date, cw_action_due_state_label (due))
                : due_day != NULL && due_day != cw_action_get_due (action)
                    ? cw_markup_printf (_ ("%s\n<span size=\"smaller\">effectiveness check</span>"),
                                        date)
                    : cw_markup_printf ("%s", due_day ? date : "—");
          const char *verifier = cw_action_get_verified_by (action);
          /* The verdict's author, once there is a verdict to stand by. */
          g_autofree char *checked_by
              = *verifier == '\0' || cw_action_get_status (action) < CW_ACTION_VERIFIED
                    ? g_strdup ("")
              : cw_action_get_verifier_is_owner (action)
                  ? cw_markup_printf (_ ("\n<span size=\"smaller\">Verified by %s, the owner: "
                                         "%s</span>"),
                                      verifier,
                                      cw_report_or_dash (
                                          cw_action_get_verifier_justification (action)))
                  : cw_markup_printf (_ ("\n<span size=\"smaller\">Verified by %s</span>"),
                                      verifier);
          g_autofree char *label
              = cw_markup_printf ("%s", cw_action_status_label (cw_action_get_status (action)));
          g_autofree char *status = g_strconcat (label, checked_by, NULL);
          const char *cells[] = { number, title, owner, due_text, status };
          cw_table_row (table, cells, CW_ROW_NORMAL, due == CW_ACTION_DUE_OVERDUE ? 3 : -1,
                        due == CW_ACTION_DUE_OVERDUE ? cw_report_result_colour (CW_RESULT_MAJOR)
                                                     : NULL);
        }
      cw_table_end (table);
    }

  if (c->actions->len == 0)
    return;
  cw_typeset_heading (ts, 1, _ ("3  Actions in detail"), TRUE);
  for (guint i = 0; i < c->actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (c->actions, i);
      CwActionDueState due = g_array_index (c->due_states, CwActionDueState, i);
      CwActionOverdue late = g_array_index (c->overdues, CwActionOverdue, i);
      g_autofree char *heading
          = g_strdup_printf ("A-%" G_GINT64_FORMAT "  %s", cw_action_get_id (action),
                             cw_report_or_dash (cw_action_get_title (action)));
      cw_typeset_heading (ts, 2, heading, FALSE);
      g_autofree char *date = cw_report_date (cw_action_get_due (action));
      g_autofree char *line = cw_markup_printf (
          _ ("%s  ·  owner: %s  ·  due %s  ·  %s"),
          cw_action_kind_label (cw_action_get_kind (action)),
          cw_report_or_dash (cw_action_get_owner (action)),
          cw_action_get_due (action) ? date : "—",
          cw_action_status_label (cw_action_get_status (action)));
      const CwRgb *colour = due == CW_ACTION_DUE_OVERDUE
                                ? cw_report_result_colour (CW_RESULT_MAJOR)
                                : cw_report_result_colour (CW_RESULT_NOT_APPLICABLE);
      cw_typeset_badge_line (ts,
                             late != CW_ACTION_OVERDUE_NONE ? cw_action_overdue_label (late)
                                                            : cw_action_due_state_label (due),
                             colour, line, NULL);
      /* The days of the steps taken, one line. */
      const char *days[] = { cw_action_get_planned_on (action),
                             cw_action_get_implemented_on (action),
                             cw_action_get_verified_on (action), cw_action_get_closed_on (action) };
      const char *day_names[] = { _ ("planned"), _ ("implemented"), _ ("verified"), _ ("closed") };
      g_autoptr (GString) steps = g_string_new (NULL);
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        if (days[d] != NULL)
          {
            g_autofree char *when = cw_report_date (days[d]);
            g_string_append_printf (steps, "%s%s %s", steps->len ? ", " : "", day_names[d], when);
          }
      g_autofree char *check = cw_action_get_check_due (action)
                                   ? cw_report_date (cw_action_get_check_due (action))
                                   : NULL;
      const char *verifier = cw_action_get_verified_by (action);
      g_autofree char *verified_by
          = *verifier == '\0' ? NULL
            : cw_action_get_verifier_is_owner (action)
                ? g_strdup_printf (_ ("%s, the action's owner"), verifier)
                : g_strdup (verifier);
      struct
      {
        const char *label;
        const char *text;
      } parts[] = {
        { _ ("Description"), cw_action_get_description (action) },
        { _ ("Correction"), cw_action_get_correction (action) },
        { _ ("Consequences"), cw_action_get_consequences (action) },
        { _ ("Root cause"), cw_action_get_root_cause (action) },
        { _ ("Similar cases"), cw_action_get_similar (action) },
        { _ ("Action plan"), cw_action_get_plan (action) },
        { _ ("Steps taken"), steps->str },
        { _ ("Effectiveness check due"), check },
        { _ ("Effectiveness verification"), cw_action_get_verification (action) },
        { _ ("Verified by"), verified_by },
        { _ ("Why the owner verified"), cw_action_get_verifier_is_owner (action)
                                            ? cw_action_get_verifier_justification (action)
                                            : NULL },
      };
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (parts[p].text != NULL && *parts[p].text != '\0')
          cw_typeset_labelled (ts, parts[p].label, parts[p].text, NULL);
    }
}

/* The register as of today in the user's time zone; reproducible, as of the
 * workspace's last change, and marked reproducible. */
CwReport *
cw_report_new_actions (CwWorkspace *workspace, gboolean reproducible, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  GDate day;
  if (!reproducible)
    cw_date_local_today (&day);
  else if (!reference_date (workspace, &day, error))
    return NULL;
  g_autoptr (ActionsContent) content = g_new0 (ActionsContent, 1);
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  CwActionFilter all = { 0 };
  content->actions = cw_workspace_list_actions (workspace, &all, error);
  if (content->actions == NULL)
    return NULL;
  content->due_states = g_array_new (FALSE, FALSE, sizeof (CwActionDueState));
  content->overdues = g_array_new (FALSE, FALSE, sizeof (CwActionOverdue));
  for (guint i = 0; i < content->actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (content->actions, i);
      CwActionDueState due = cw_action_get_due_state (action, &day);
      CwActionOverdue late = cw_action_get_overdue (action, &day);
      g_array_append_val (content->due_states, due);
      g_array_append_val (content->overdues, late);
      content->statuses[cw_action_get_status (action)]++;
      content->overdue += late != CW_ACTION_OVERDUE_NONE;
      content->late_work += late == CW_ACTION_OVERDUE_IMPLEMENTATION;
      content->late_checks += late == CW_ACTION_OVERDUE_VERIFICATION;
    }
  g_autofree char *iso = cw_date_to_string (&day);
  content->as_of = cw_report_date (iso);
  g_autofree char *subject = g_strdup_printf (_ ("Corrective actions as of %s"), content->as_of);
  CwReportInfo info = {
    .title = _ ("Corrective action register"),
    .subject = subject,
    .author = content->organisation->name,
    .organisation = content->organisation->name,
  };
  CwReport *report
      = cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                            (GDestroyNotify)actions_content_free, compose_actions, error);
  if (report != NULL)
    cw_report_set_reproducible (report, reproducible);
  return report;
}
