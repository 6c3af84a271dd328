/* cw-demo.c: writes the demo content (cw-demo-data.c) through the same core
 * API the app and the CLI use, so the demo obeys every rule a user's own
 * workspace does. */
#define G_LOG_DOMAIN "cw-demo"

#include "config.h"

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-date.h"
#include "cw-demo-data.h"
#include "cw-demo.h"
#include "cw-evidence.h"
#include "cw-external.h"
#include "cw-finding.h"
#include "cw-programme.h"
#include "cw-register.h"
#include "cw-review.h"
#include "cw-text.h"

/* "a, b, c" as one entry a line, the way audits keep lists of people. */
static char *
list_to_lines (const char *list)
{
  g_auto (GStrv) items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    g_strstrip (items[i]);
  return g_strjoinv ("\n", items);
}

static gint64
add_audit (CwWorkspace *workspace, const CwDemoAudit *demo, GError **error)
{
  g_auto (GStrv) scope = g_strsplit (demo->scope, ",", -1);
  g_autofree char *team = list_to_lines (demo->team);
  g_autofree char *auditees = list_to_lines (demo->auditees);
  CwAuditDraft draft = {
    .title = demo->title,
    .objectives = demo->objectives,
    .criteria = demo->criteria,
    .scope = (const char *const *) scope,
    .planned_start = demo->start,
    .planned_end = demo->end,
    .lead_auditor = demo->lead,
    .team = team,
    .auditees = auditees,
  };
  g_autoptr (GArray) reasons = g_array_new (FALSE, FALSE, sizeof (CwJustification));
  for (const CwDemoJustification *j = demo->justifications; j != NULL && j->person != NULL; j++)
    {
      CwJustification reason = { j->person, j->justification };
      g_array_append_val (reasons, reason);
    }
  draft.justifications = (const CwJustification *) reasons->data;
  draft.n_justifications = reasons->len;
  return cw_workspace_create_audit (workspace, &draft, error);
}

/* The plan's sites and schedule, and the meetings held so far. */
static gboolean
add_plan_and_meetings (CwWorkspace *workspace, gint64 audit, const CwDemoAudit *demo,
                       const CwDemoSession *sessions, GError **error)
{
  if (!cw_workspace_set_audit_sites (workspace, audit, demo->sites, error))
    return FALSE;
  for (const CwDemoSession *s = sessions; s != NULL && s->day != NULL; s++)
    {
      CwAuditSession session = { s->day, s->time, s->subject, s->auditee, s->auditor };
      if (!cw_workspace_add_audit_session (workspace, audit, &session, error))
        return FALSE;
    }
  GDate today;
  cw_date_local_today (&today);
  CwMeetingRecord opening = { demo->opening_on, demo->opening_attendees };
  return demo->opening_on == NULL
         || cw_workspace_record_meeting (workspace, audit, CW_MEETING_OPENING, &opening, &today,
                                         error);
}

static gboolean
add_closing (CwWorkspace *workspace, gint64 audit, const CwDemoAudit *demo, GError **error)
{
  GDate today;
  cw_date_local_today (&today);
  CwMeetingRecord closing = { demo->closing_on, demo->closing_attendees, demo->auditee_response,
                              demo->diverging_opinions };
  /* The report went out a week after the closing meeting. */
  GDate issued;
  cw_date_parse (demo->closing_on, &issued, NULL);
  g_date_add_days (&issued, 7);
  return cw_workspace_record_meeting (workspace, audit, CW_MEETING_CLOSING, &closing, &today,
                                      error)
         && cw_workspace_issue_audit (workspace, audit, &issued, error);
}

/* The current audit follows up the completed audit's nonconformities. */
static gboolean
add_follow_ups (CwWorkspace *workspace, gint64 audit, GError **error)
{
  for (const CwDemoFollowUp *f = cw_demo_follow_ups; f->clause != NULL; f++)
    {
      g_autoptr (GPtrArray) earlier
        = cw_workspace_list_earlier_findings (workspace, audit, f->clause, error);
      if (earlier == NULL)
        return FALSE;
      if (earlier->len == 0)
        g_error ("demo follow-up on %s finds no earlier nonconformity", f->clause);
      CwFinding *finding = g_ptr_array_index (earlier, 0);
      if (!cw_workspace_follow_up_finding (workspace, cw_finding_get_id (finding), audit, f->note,
                                           error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_answers (CwWorkspace *workspace, gint64 audit, const CwDemoAnswer *answers, GError **error)
{
  for (const CwDemoAnswer *a = answers; a->clause != NULL; a++)
    {
      g_autofree char *question = g_strdup_printf ("%s.q%d", a->clause, a->question);
      CwResult result;
      if (!cw_result_from_string (a->result, &result))
        g_error ("demo answer %s has an unknown result %s", question, a->result);
      if (!cw_workspace_answer (workspace, audit, question, result, a->note, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_findings (CwWorkspace *workspace, gint64 audit, GError **error)
{
  for (const CwDemoFinding *f = cw_demo_completed_findings; f->clause != NULL; f++)
    {
      g_autofree char *question = g_strdup_printf ("%s.q%d", f->clause, f->question);
      CwFindingDraft draft = {
        .audit_id = audit,
        .question = question,
        .requirement = f->requirement,
        .evidence = f->evidence,
        .statement = f->statement,
        .raised_on = f->raised_on,
        .grade_reason = f->grade_reason,
      };
      if (!cw_grade_from_string (f->grade, &draft.grade))
        g_error ("demo finding at %s has an unknown grade %s", f->clause, f->grade);
      if (cw_workspace_create_finding (workspace, &draft, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_evidence (CwWorkspace *workspace, gint64 audit, GError **error)
{
  for (const CwDemoEvidence *e = cw_demo_completed_evidence; e->clause != NULL; e++)
    {
      g_autofree char *question = g_strdup_printf ("%s.q%d", e->clause, e->question);
      CwEvidenceDraft draft = {
        .audit_id = audit,
        .question = question,
        .reference = e->reference,
        .description = e->description,
        .population = e->population,
        .sample_size = e->population ? e->sample_size : -1,
        .population_size = e->population_size,
        .exceptions = e->exceptions,
      };
      if (e->method != NULL && !cw_sample_method_from_string (e->method, &draft.method))
        g_error ("demo evidence %s has an unknown sampling method %s", e->reference, e->method);
      if (!cw_evidence_kind_from_string (e->kind, &draft.kind))
        g_error ("demo evidence %s has an unknown kind %s", e->reference, e->kind);
      if (cw_workspace_add_evidence (workspace, &draft, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gint64
finding_at (CwWorkspace *workspace, gint64 audit, const char *clause, GError **error)
{
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, audit, error);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CwFinding *finding = g_ptr_array_index (findings, i);
      if (g_str_equal (cw_finding_get_clause (finding), clause)
          && cw_grade_is_nonconformity (cw_finding_get_grade (finding)))
        return cw_finding_get_id (finding);
    }
  if (findings != NULL)
    g_error ("demo action for %s has no nonconformity to answer", clause);
  return 0;
}

/* A demo day, "YYYY-MM-DD"; NULL: the day before (the moves of review
 * decisions, dated by their review). */
static void
demo_day (const char *text, const GDate *fallback, GDate *day)
{
  if (text == NULL || !cw_date_parse (text, day, NULL))
    *day = *fallback;
}

/* The days a demo action took its steps. */
typedef struct
{
  const char *planned_on, *implemented_on, *failed_on, *verified_on, *closed_on;
} DemoDays;

/* Walks an action through the workflow to the status the demo gives it,
 * the way its owner would have, on the days the demo says, so that its
 * history and its dates read true. */
static gboolean
advance (CwWorkspace *workspace, gint64 id, CwActionStatus target, const char *failed_check,
         const char *verification, const DemoDays *days, const GDate *start, GError **error)
{
  if (target == CW_ACTION_OPEN)
    return TRUE;
  GDate planned, implemented, failed, verified, closed;
  demo_day (days->planned_on, start, &planned);
  demo_day (days->failed_on, &planned, &failed);
  demo_day (days->implemented_on, &failed, &implemented);
  demo_day (days->verified_on, &implemented, &verified);
  demo_day (days->closed_on, &verified, &closed);
  if (!cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_PLANNED, &planned, error))
    return FALSE;
  if (failed_check != NULL)
    {
      CwActionChanges failed_changes = { .verification = failed_check };
      if (!cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_IMPLEMENTED, &failed, error)
          || !cw_workspace_update_action (workspace, id, &failed_changes, error)
          || !cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_NOT_EFFECTIVE, &failed,
                                        error))
        return FALSE;
    }
  if (target >= CW_ACTION_IMPLEMENTED
      && !cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_IMPLEMENTED, &implemented,
                                    error))
    return FALSE;
  if (target >= CW_ACTION_VERIFIED)
    {
      CwActionChanges checked = { .verification = verification };
      if (!cw_workspace_update_action (workspace, id, &checked, error)
          || !cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_VERIFIED, &verified, error))
        return FALSE;
    }
  return target < CW_ACTION_CLOSED
         || cw_workspace_move_action (workspace, id, CW_ACTION_MOVE_CLOSED, &closed, error);
}

static gboolean
add_actions (CwWorkspace *workspace, gint64 audit, GError **error)
{
  for (const CwDemoAction *a = cw_demo_actions; a->title != NULL; a++)
    {
      CwActionDraft draft = { .title = a->title, .owner = a->owner, .due = a->due };
      if (a->finding_clause != NULL)
        {
          draft.finding_id = finding_at (workspace, audit, a->finding_clause, error);
          if (draft.finding_id == 0)
            return FALSE;
        }
      else if (!cw_action_source_from_string (a->source, &draft.source))
        g_error ("demo action %s has an unknown source %s", a->title, a->source);
      CwActionStatus target;
      if (!cw_action_status_from_string (a->status, &target))
        g_error ("demo action %s has an unknown status %s", a->title, a->status);
      CwCauseCategory cause = CW_CAUSE_NONE;
      if (a->cause != NULL && !cw_cause_category_from_string (a->cause, &cause))
        g_error ("demo action %s has an unknown cause %s", a->title, a->cause);
      CwActionChanges changes = {
        .correction = a->correction,
        .root_cause = a->root_cause,
        .cause_category = &cause,
        .similar = a->similar,
        .plan = a->plan,
        .check_due = a->check_due,
        .consequences = a->consequences,
        .verified_by = a->verified_by,
        .verifier_justification = a->justification,
      };
      DemoDays days = { a->planned_on, a->implemented_on, a->failed_on, a->verified_on,
                        a->closed_on };
      GDate today;
      cw_date_local_today (&today);
      gint64 id = cw_workspace_create_action (workspace, &draft, error);
      if (id == 0 || !cw_workspace_update_action (workspace, id, &changes, error)
          || !advance (workspace, id, target, a->failed_check, a->verification, &days, &today,
                       error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_review (CwWorkspace *workspace, const CwDemoReview *r, GError **error)
{
  CwReviewDraft draft = { .held_on = r->held_on, .chair = r->chair,
                          .period_start = r->period_start };
  GDate today;
  cw_date_local_today (&today);
  gint64 id = cw_workspace_create_review (workspace, &draft, &today, error);
  if (id == 0)
    return FALSE;
  for (const CwDemoAttendee *a = r->attendees; a != NULL && a->name != NULL; a++)
    {
      CwReviewAttendeeDraft attendee = { a->name, a->role, a->top_management };
      if (cw_workspace_add_review_attendee (workspace, id, &attendee, error) == 0)
        return FALSE;
    }
  for (const CwDemoReviewNote *n = r->notes; n != NULL && n->input != NULL; n++)
    if (!cw_workspace_note_review (workspace, id, n->input, n->notes, error)
        || (n->nothing_to_report
            && !cw_workspace_set_nothing_to_report (workspace, id, n->input, TRUE, error)))
      return FALSE;
  for (const CwDemoDecision *d = r->decisions; d != NULL && d->text != NULL; d++)
    {
      CwReviewDecision decision = { .text = d->text, .owner = d->owner, .due = d->due };
      if (!cw_review_output_kind_from_string (d->kind, &decision.kind))
        g_error ("demo decision %s has an unknown kind %s", d->text, d->kind);
      gint64 action = cw_workspace_decide (workspace, id, &decision, error);
      if (action == 0)
        return FALSE;
      CwActionStatus target;
      if (!cw_action_status_from_string (d->status, &target))
        g_error ("demo decision %s has an unknown status %s", d->text, d->status);
      CwActionChanges planning = { .root_cause = d->root_cause, .plan = d->plan };
      GDate held;
      demo_day (r->held_on, &today, &held);
      if (!cw_workspace_update_action (workspace, action, &planning, error)
          || !advance (workspace, action, target, NULL, NULL, &(DemoDays) { NULL }, &held,
                       error))
        return FALSE;
    }
  if ((r->conclusion != NULL || r->next_review != NULL)
      && !cw_workspace_conclude_review (workspace, id, r->conclusion, r->next_review, error))
    return FALSE;
  return r->approved_by == NULL
         || cw_workspace_approve_review (workspace, id, r->approved_by, &today, error);
}

static gboolean
add_register (CwWorkspace *workspace, GError **error)
{
  for (const CwDemoRegisterEntry *e = cw_demo_register; e->reference != NULL; e++)
    {
      g_auto (GStrv) clauses = cw_text_split_list (e->clauses);
      CwRegisterDraft draft = {
        .reference = e->reference,
        .title = e->title,
        .clauses = (const char *const *) clauses,
        .version = e->version,
        .owner = e->owner,
        .approved_on = e->approved_on,
        .review_due = e->review_due,
        .location = e->location,
      };
      if (!cw_expected_kind_from_string (e->kind, &draft.kind)
          || !cw_doc_status_from_string (e->status, &draft.status))
        g_return_val_if_reached (FALSE);
      if (cw_workspace_add_register_entry (workspace, &draft, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The body's Stage One and its findings; with `with_actions`, the actions
 * on the findings still open instead (they come last, so that the ids of
 * the other demo actions stay as they were). */
static gboolean
add_body_audit (CwWorkspace *workspace, const CwDemoBodyAudit *demo, gboolean with_actions,
                GError **error)
{
  if (with_actions)
    {
      g_autoptr (GPtrArray) findings = cw_workspace_list_external_findings (workspace, 0, error);
      if (findings == NULL)
        return FALSE;
      for (guint i = 0; i < findings->len; i++)
        {
          CwExternalFinding *finding = g_ptr_array_index (findings, i);
          CwActionDraft draft = { .external_finding_id = finding->id,
                                  .owner = demo->action_owner, .due = demo->action_due };
          if (!finding->resolved && cw_workspace_create_action (workspace, &draft, error) == 0)
            return FALSE;
        }
      return TRUE;
    }
  CwExternalAuditDraft audit = { .body = cw_demo_organisation.certification_body,
                                 .starts_on = demo->start, .ends_on = demo->end,
                                 .lead = demo->lead, .reference = demo->reference,
                                 .outcome = demo->outcome };
  cw_external_kind_from_string (demo->kind, &audit.kind);
  gint64 id = cw_workspace_add_external_audit (workspace, &audit, error);
  if (id == 0)
    return FALSE;
  for (const CwDemoBodyFinding *f = demo->findings; f->kind != NULL; f++)
    {
      CwExternalFindingDraft draft = { .audit_id = id, .reference = f->reference,
                                       .clause = f->clause, .text = f->text,
                                       .respond_by = f->respond_by };
      cw_body_grade_from_string (f->kind, &draft.grade);
      gint64 finding = cw_workspace_add_external_finding (workspace, &draft, error);
      if (finding == 0
          || (f->resolved_on != NULL
              && !cw_workspace_resolve_external_finding (workspace, finding, f->resolved_on,
                                                         f->resolution, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_demo (CwWorkspace *workspace, gpointer data, GError **error)
{
  const CwDemoOrganisation *o = &cw_demo_organisation;
  CwOrganisation organisation = {
    (char *) o->name, (char *) o->scope, (char *) o->services, (char *) o->certification_body,
    (char *) o->stage_one, (char *) o->stage_two,
  };
  if (!cw_workspace_set_organisation (workspace, &organisation, error))
    return FALSE;
  for (const CwDemoPerson *p = cw_demo_people; p->name != NULL; p++)
    {
      g_auto (GStrv) areas = cw_text_split_list (p->areas);
      if (cw_workspace_add_person_with_areas (workspace, p->name, p->role,
                                              (const char *const *) areas, error)
          == 0)
        return FALSE;
    }

  /* The quality manager runs the audit programme. */
  cw_workspace_set_actor (workspace, cw_demo_people[1].name);
  if (!cw_workspace_start_programme (workspace, cw_demo_programme_start, 3, error))
    return FALSE;
  for (const CwDemoImportance *i = cw_demo_importances; i->clause != NULL; i++)
    {
      CwImportance importance;
      if (!cw_importance_from_string (i->importance, &importance)
          || !cw_workspace_set_importance (workspace, i->clause, importance, error))
        return FALSE;
    }

  /* The history should read as the auditors' own work. */
  cw_workspace_set_actor (workspace, cw_demo_completed_audit.lead);
  gint64 completed = add_audit (workspace, &cw_demo_completed_audit, error);
  if (completed == 0
      || !add_plan_and_meetings (workspace, completed, &cw_demo_completed_audit,
                                 cw_demo_completed_sessions, error)
      || !add_answers (workspace, completed, cw_demo_completed_answers, error)
      || !add_findings (workspace, completed, error) || !add_evidence (workspace, completed, error)
      || !add_closing (workspace, completed, &cw_demo_completed_audit, error))
    return FALSE;

  /* The quality manager keeps the register; the service manager, who owns
   * the SMS, prepares the reviews. */
  cw_workspace_set_actor (workspace, cw_demo_completed_audit.lead);
  if (!add_actions (workspace, completed, error))
    return FALSE;
  cw_workspace_set_actor (workspace, cw_demo_people[1].name);
  if (!add_register (workspace, error))
    return FALSE;
  /* The quality manager records the body's Stage One before the January
   * review's figures are drawn up. */
  if (!add_body_audit (workspace, &cw_demo_stage_one, FALSE, error))
    return FALSE;
  cw_workspace_set_actor (workspace, cw_demo_people[0].name);
  for (const CwDemoReview *r = cw_demo_reviews; r->held_on != NULL; r++)
    if (!add_review (workspace, r, error))
      return FALSE;

  cw_workspace_set_actor (workspace, cw_demo_current_audit.lead);
  gint64 current = add_audit (workspace, &cw_demo_current_audit, error);
  if (current == 0
      || !add_plan_and_meetings (workspace, current, &cw_demo_current_audit, NULL, error)
      || !add_answers (workspace, current, cw_demo_current_answers, error)
      || !add_follow_ups (workspace, current, error))
    return FALSE;
  cw_workspace_set_actor (workspace, cw_demo_people[1].name);
  return add_body_audit (workspace, &cw_demo_stage_one, TRUE, error);
}

CwWorkspace *
cw_demo_create (const char *path, GError **error)
{
  return cw_workspace_create_filled (path, cw_demo_organisation.name, fill_demo, NULL, error);
}
