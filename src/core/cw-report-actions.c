/* cw-report-actions.c: the corrective action register, as of one day: every
 * action with its kind, status, owner and due date, overdue ones marked with
 * the step that is late, then each action in full with who verified it. What
 * counts as overdue is cw-action.c's rule. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-action.h"
#include "cw-date.h"
#include "cw-finding.h"
#include "cw-report-private.h"
#include "cw-workspace-private.h"

#define N_STATUSES (CW_ACTION_CLOSED + 1)

typedef struct
{
  CwOrganisation *organisation;
  GPtrArray *actions;
  GArray *due_states; /* CwActionDueState per action, on `as_of` */
  GArray *overdues;   /* CwActionOverdue per action, on `as_of` */
  GPtrArray *findings; /* CwFinding or NULL per action */
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
  g_clear_pointer (&content->findings, g_ptr_array_unref);
  g_free (content->as_of);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionsContent, actions_content_free)

static void
cw_g_object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}


static void
compose_actions (CwTypeset *ts, gpointer data)
{
  ActionsContent *c = data;
  guint n = c->actions->len, open = n - c->statuses[CW_ACTION_CLOSED];
  g_autofree char *n_text
      = g_strdup_printf (cw_ngettext ("%u action", "%u actions", n), n);
  g_autofree char *open_text = g_strdup_printf (
      cw_ngettext ("%u still open", "%u still open", open), open);
  g_autofree char *overdue_text = g_strdup_printf (
      cw_ngettext ("%u overdue", "%u overdue", c->overdue), c->overdue);
  g_autofree char *total = g_strdup_printf ("%s, %s, %s", n_text, open_text, overdue_text);
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
  g_autofree char *holds = g_strdup_printf (
      cw_ngettext ("The register holds %u action as of %s.",
                   "The register holds %u actions as of %s.", n),
      n, c->as_of);
  g_autofree char *late = g_strdup_printf (
      cw_ngettext ("%u is overdue: %u not implemented by its due date, and %u implemented but not "
                   "verified by the date its effectiveness check was due.",
                   "%u are overdue: %u not implemented by their due date, and %u implemented but "
                   "not verified by the date their effectiveness check was due.",
                   c->overdue),
      c->overdue, c->late_work, c->late_checks);
  g_autofree char *intro = g_strdup_printf (
      "%s %s %s", holds, late,
      _ ("Overdue actions are the first thing an auditor asks about; each needs a new date "
         "agreed by its owner or a reason recorded."));
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
      static const double widths[]
          = { 0.065, 0.075, 0.095, 0.10, 0.105, 0.105, 0.12, 0.105, 0.105, 0.125 };
      const char *header[] = { _ ("No."),    _ ("Clause"),      _ ("Grade"),    _ ("Source"),
                               _ ("Raised"), _ ("Due"),         _ ("Implemented"),
                               _ ("Verified"), _ ("Closed"),    _ ("Status") };
      CwTable *table = cw_typeset_table_begin (ts, 10, widths, header);
      for (guint i = 0; i < c->actions->len; i++)
        {
          CwAction *action = g_ptr_array_index (c->actions, i);
          CwFinding *finding = g_ptr_array_index (c->findings, i);
          CwActionDueState due = g_array_index (c->due_states, CwActionDueState, i);
          CwActionOverdue late = g_array_index (c->overdues, CwActionOverdue, i);
          g_autofree char *number
              = g_strdup_printf ("<b>A-%" PRId64 "</b>", cw_action_get_id (action));
          g_autofree char *clause
              = cw_markup_printf ("%s", finding ? cw_finding_get_clause (finding) : "—");
          g_autofree char *finding_label = finding ? cw_finding_dup_label (finding) : NULL;
          static const char *const grades[] = {
            [CW_GRADE_OFI] = N_ ("OFI"),
            [CW_GRADE_OBSERVATION] = N_ ("Observation"),
            [CW_GRADE_MINOR] = N_ ("Minor"),
            [CW_GRADE_MAJOR] = N_ ("Major"),
          };
          g_autofree char *grade
              = finding ? cw_markup_printf ("%s\n<span size=\"smaller\">%s</span>",
                                            _ (grades[cw_finding_get_grade (finding)]),
                                            finding_label)
                        : cw_markup_printf ("%s", cw_action_kind_label (cw_action_get_kind (action)));
          g_autofree char *source
              = cw_markup_printf ("%s", cw_action_source_label (cw_action_get_source (action)));
          const char *days[] = { cw_action_get_created_at (action), cw_action_get_due (action),
                                 cw_action_get_implemented_on (action),
                                 cw_action_get_verified_on (action),
                                 cw_action_get_closed_on (action) };
          char *dates[G_N_ELEMENTS (days)];
          for (guint d = 0; d < G_N_ELEMENTS (days); d++)
            {
              g_autofree char *day = days[d] ? cw_report_short_date (days[d]) : NULL;
              dates[d] = cw_markup_printf ("%s", day ? day : "—");
            }
          /* Once implemented, the date that counts is the check's. */
          if (cw_action_get_status (action) == CW_ACTION_IMPLEMENTED
              && cw_action_get_check_due (action) != NULL)
            {
              g_autofree char *check = cw_report_short_date (cw_action_get_check_due (action));
              char *with = cw_markup_printf (_ ("%s\n<span size=\"smaller\">check due %s</span>"),
                                             "", check);
              char *joined = g_strconcat (dates[1], with, NULL);
              g_free (with);
              g_free (dates[1]);
              dates[1] = joined;
            }
          /* In capitals, like the entry's badge: it must catch the eye. */
          g_autofree char *late_text = g_utf8_strup (cw_action_overdue_label (late), -1);
          g_autofree char *status
              = late != CW_ACTION_OVERDUE_NONE
                    ? cw_markup_printf ("%s\n<span size=\"smaller\"><b>%s</b></span>",
                                        cw_action_status_label (cw_action_get_status (action)),
                                        late_text)
                : due == CW_ACTION_DUE_SOON
                    ? cw_markup_printf ("%s\n<i>%s</i>",
                                        cw_action_status_label (cw_action_get_status (action)),
                                        cw_action_due_state_label (due))
                    : cw_markup_printf ("%s",
                                        cw_action_status_label (cw_action_get_status (action)));
          const char *cells[] = { number,   clause,   grade,    source,   dates[0],
                                  dates[1], dates[2], dates[3], dates[4], status };
          cw_table_row (table, cells, CW_ROW_NORMAL, late != CW_ACTION_OVERDUE_NONE ? 9 : -1,
                        late != CW_ACTION_OVERDUE_NONE
                            ? cw_report_result_colour (CW_RESULT_MAJOR)
                            : NULL);
          for (guint d = 0; d < G_N_ELEMENTS (days); d++)
            g_free (dates[d]);
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
          = g_strdup_printf ("A-%" PRId64 "  %s", cw_action_get_id (action),
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
      /* Verified and closed actions have no due state: their badge says
       * where they stand, never "no due date" beside the date. */
      const char *badge = late != CW_ACTION_OVERDUE_NONE ? cw_action_overdue_label (late)
                          : due == CW_ACTION_DUE_NONE
                              ? cw_action_status_label (cw_action_get_status (action))
                              : cw_action_due_state_label (due);
      cw_typeset_badge_line (ts, badge, colour, line, NULL);
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
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  GDate day;
  if (!reproducible)
    cw_date_local_today (&day);
  else if (!cw_report_reference_date (workspace, &day, error))
    return NULL;
  g_autoptr (ActionsContent) content = g_new0 (ActionsContent, 1);
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  CwActionFilter all = { 0 };
  content->actions = cw_workspace_list_actions (workspace, &all, error);
  if (content->actions == NULL)
    return NULL;
  content->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)cw_g_object_unref0);
  for (guint i = 0; i < content->actions->len; i++)
    {
      CwAction *action = g_ptr_array_index (content->actions, i);
      CwFinding *finding = NULL;
      if (cw_action_get_finding_id (action) != 0)
        {
          finding = cw_workspace_get_finding (workspace, cw_action_get_finding_id (action), error);
          if (finding == NULL)
            return NULL;
        }
      g_ptr_array_add (content->findings, finding);
    }
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
