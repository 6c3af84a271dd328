/* cw-report-review.c: the minutes of a management review as a certifier
 * reads them: who attended in what role (top management marked), each input
 * with the figures as they stood on the meeting date and the notes, or that
 * there was nothing to report; the decisions by the kinds clause 9.3 names,
 * with owner and date; the conclusion on the SMS, the next review, and who
 * approved the minutes when. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <inttypes.h>

#include "cw-i18n.h"

#include "cw-action.h"
#include "cw-report-private.h"
#include "cw-review.h"

typedef struct
{
  CwOrganisation *organisation;
  CwReview *review;
  GPtrArray *decisions; /* CwAction */
  char *held_on;
  char *period;
  char *reference;
} ReviewContent;

static void
review_content_free (ReviewContent *content)
{
  cw_organisation_free (content->organisation);
  g_clear_object (&content->review);
  g_clear_pointer (&content->decisions, g_ptr_array_unref);
  g_free (content->held_on);
  g_free (content->period);
  g_free (content->reference);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReviewContent, review_content_free)

static void
compose_review (CwTypeset *ts, gpointer data)
{
  ReviewContent *c = data;
  CwReview *review = c->review;
  gboolean approved = cw_review_get_status (review) == CW_REVIEW_APPROVED;
  g_autofree char *approved_on = cw_report_date (cw_review_get_approved_at (review));
  g_autofree char *approval
      = approved ? g_strdup_printf (_ ("Approved by %s on %s"),
                                    cw_report_or_dash (cw_review_get_approved_by (review)), approved_on)
                 : g_strdup (_ ("Draft, not yet approved"));
  g_autofree char *title = g_strdup_printf (_ ("Management review of %s"), c->held_on);
  const char *fields[] = {
    _ ("Organisation"),
    c->organisation->name,
    _ ("Reference"),
    c->reference,
    _ ("Held on"),
    c->held_on,
    _ ("Chair"),
    cw_report_or_dash (cw_review_get_chair (review)),
    _ ("Period reviewed"),
    c->period,
    _ ("Minutes"),
    approval,
    NULL,
  };
  cw_typeset_cover (ts, _ ("Management review minutes"), title, c->organisation->name, fields,
                    _ ("Confidential. Minutes of the management review of the service management "
                       "system, prepared with Clausewise."));
  cw_typeset_contents_here (ts);

  cw_typeset_heading (ts, 1, _ ("1  Attendees"), TRUE);
  const char *chair = cw_review_get_chair (review);
  GPtrArray *people = cw_review_get_attendee_list (review);
  if (people->len > 0)
    {
      static const double widths[] = { 0.38, 0.42, 0.2 };
      const char *header[] = { _ ("Name"), _ ("Role"), _ ("Top management") };
      CwTable *table = cw_typeset_table_begin (ts, 3, widths, header);
      for (guint i = 0; i < people->len; i++)
        {
          CwReviewAttendee *a = g_ptr_array_index (people, i);
          gboolean chairs = g_strcmp0 (a->name, chair) == 0;
          g_autofree char *name = cw_markup_printf ("%s", a->name);
          g_autofree char *role_text
              = chairs ? g_strdup_printf (_ ("%s; chair of the review"),
                                          *a->role ? a->role : _ ("role not given"))
                       : g_strdup (*a->role ? a->role : _ ("role not given"));
          g_autofree char *role = cw_markup_printf ("%s", role_text);
          g_autofree char *top = cw_markup_printf ("%s", a->top_management ? _ ("Yes") : "—");
          const char *cells[] = { name, role, top };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (table);
    }
  else
    {
      /* Minutes made before roles were kept: the names as they were. */
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("These minutes were recorded before attendees' roles were kept."));
      static const double widths[] = { 0.6, 0.4 };
      const char *header[] = { _ ("Name"), _ ("Role in the review") };
      CwTable *table = cw_typeset_table_begin (ts, 2, widths, header);
      if (chair && *chair)
        {
          g_autofree char *name = cw_markup_printf ("%s", chair);
          g_autofree char *role = cw_markup_printf ("%s", _ ("Chair"));
          const char *cells[] = { name, role };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      g_auto (GStrv) attendees
          = g_strsplit (cw_report_or_dash (cw_review_get_attendees (review)), "\n", -1);
      for (guint i = 0; attendees[i]; i++)
        {
          if (*g_strstrip (attendees[i]) == '\0' || g_strcmp0 (attendees[i], chair) == 0)
            continue;
          g_autofree char *name = cw_markup_printf ("%s", attendees[i]);
          g_autofree char *role = cw_markup_printf ("%s", _ ("Attendee"));
          const char *cells[] = { name, role };
          cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
        }
      cw_table_end (table);
    }

  cw_typeset_heading (ts, 1, _ ("2  Inputs considered"), TRUE);
  g_autofree char *as_of = cw_report_date (cw_review_get_figures_as_of (review));
  g_autofree char *intro = g_strdup_printf (
      _ ("For each input, the figures Clausewise counted in the workspace as it stood on %s "
         "(records made later are not counted), then what the meeting noted on it."),
      as_of);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);
  GPtrArray *entries = cw_review_get_entries (review);
  for (guint i = 0; i < entries->len; i++)
    {
      CwReviewEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *heading = g_strdup_printf ("2.%u  %s", i + 1, entry->title);
      cw_typeset_heading (ts, 2, heading, TRUE);
      cw_typeset_labelled (ts, _ ("Figures"),
                           entry->figures && *entry->figures ? entry->figures
                           : entry->prefill == NULL
                               ? _ ("Clausewise keeps no records for this input; see the notes.")
                               : _ ("The workspace held no records for this input."),
                           NULL);
      if (entry->notes && *entry->notes)
        cw_typeset_labelled (ts, _ ("Notes"), entry->notes, NULL);
      if (entry->nothing_to_report)
        cw_typeset_labelled (ts, _ ("Outcome"), _ ("Nothing to report."), NULL);
      else if (!(entry->notes && *entry->notes))
        cw_typeset_labelled (ts, _ ("Notes"), _ ("Not addressed: no notes were recorded."),
                             NULL);
    }

  cw_typeset_heading (ts, 1, _ ("3  Decisions and actions"), TRUE);
  if (c->decisions->len == 0)
    cw_typeset_text (ts, CW_STYLE_BODY, _ ("The review recorded no decisions."));
  else
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("Decisions are grouped by the kind of output; each is tracked as an "
                          "action in the register under the number shown."));
      guint section = 0;
      for (int k = CW_REVIEW_OUTPUT_IMPROVEMENT; k <= CW_REVIEW_OUTPUT_RESOURCES + 1; k++)
        {
          /* The kinds 9.3 names, then decisions recorded before kinds were. */
          CwReviewOutputKind kind
              = k > CW_REVIEW_OUTPUT_RESOURCES ? CW_REVIEW_OUTPUT_NONE : (CwReviewOutputKind) k;
          CwTable *decisions = NULL;
          for (guint i = 0; i < c->decisions->len; i++)
            {
              CwAction *action = g_ptr_array_index (c->decisions, i);
              if (cw_review_get_output_kind (review, cw_action_get_id (action)) != kind)
                continue;
              if (decisions == NULL)
                {
                  g_autofree char *heading = g_strdup_printf (
                      "3.%u  %s", ++section, cw_review_output_kind_label (kind));
                  cw_typeset_heading (ts, 2, heading, TRUE);
                  static const double d_widths[] = { 0.09, 0.45, 0.18, 0.14, 0.14 };
                  const char *d_header[]
                      = { _ ("No."), _ ("Decision"), _ ("Owner"), _ ("Due"), _ ("Status") };
                  decisions = cw_typeset_table_begin (ts, 5, d_widths, d_header);
                }
              g_autofree char *number
                  = g_strdup_printf ("A-%" PRId64, cw_action_get_id (action));
              const char *description = cw_action_get_description (action);
              g_autofree char *text = cw_markup_printf (
                  "%s", description && *description
                            ? description
                            : cw_report_or_dash (cw_action_get_title (action)));
              g_autofree char *owner
                  = cw_markup_printf ("%s", cw_report_or_dash (cw_action_get_owner (action)));
              g_autofree char *date = cw_report_short_date (cw_action_get_due (action));
              g_autofree char *due
                  = cw_markup_printf ("%s", cw_action_get_due (action) ? date : "—");
              g_autofree char *status = cw_markup_printf (
                  "%s", cw_action_status_label (cw_action_get_status (action)));
              const char *cells[] = { number, text, owner, due, status };
              cw_table_row (decisions, cells, CW_ROW_NORMAL, -1, NULL);
            }
          if (decisions != NULL)
            cw_table_end (decisions);
        }
    }

  cw_typeset_heading (ts, 1, _ ("4  Conclusion"), TRUE);
  const char *conclusion = cw_review_get_conclusion (review);
  cw_typeset_labelled (ts, _ ("Suitability, adequacy and effectiveness of the SMS"),
                       conclusion && *conclusion ? conclusion : _ ("No conclusion was recorded."),
                       NULL);
  g_autofree char *next = cw_report_date (cw_review_get_next_review (review));
  cw_typeset_labelled (ts, _ ("Next review"),
                       cw_review_get_next_review (review) ? next : _ ("Not set."), NULL);

  cw_typeset_heading (ts, 1, _ ("5  Approval of the minutes"), TRUE);
  const char *roles[] = { _ ("Chair"), _ ("Approved by") };
  const char *names[] = { chair, cw_review_get_approved_by (review) };
  cw_typeset_sign_off (ts, approval, _ ("Role"), roles, names, approved ? 2 : 1);
}

/* The minutes of management review `review_id`. */
CwReport *
cw_report_new_review (CwWorkspace *workspace, gint64 review_id, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  g_autoptr (ReviewContent) content = g_new0 (ReviewContent, 1);
  content->review = cw_workspace_get_review (workspace, review_id, error);
  if (content->review == NULL)
    return NULL;
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  CwActionFilter mine = { .review_id = review_id };
  content->decisions = cw_workspace_list_actions (workspace, &mine, error);
  if (content->decisions == NULL)
    return NULL;
  content->held_on = cw_report_date (cw_review_get_held_on (content->review));
  const char *start = cw_review_get_period_start (content->review);
  g_autofree char *from = cw_report_date (start);
  g_autofree char *to = cw_report_date (cw_review_get_period_end (content->review));
  content->period = start && *start ? g_strdup_printf ("%s – %s", from, to)
                                    : g_strdup_printf (_ ("Up to %s"), to);
  content->reference = g_strdup_printf ("MR-%" PRId64, review_id);
  g_autofree char *subject = g_strdup_printf ("%s: %s", content->reference, content->held_on);
  CwReportInfo info = {
    .title = _ ("Management review minutes"),
    .subject = subject,
    .author = cw_report_or_dash (cw_review_get_chair (content->review)),
    .organisation = content->organisation->name,
  };
  return cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                             (GDestroyNotify)review_content_free, compose_review, error);
}
