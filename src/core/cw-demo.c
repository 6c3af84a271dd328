/* cw-demo.c: writes the demo content (cw-demo-data.c) through the same core
 * API the app and the CLI use, so the demo obeys every rule a user's own
 * workspace does. */
#define G_LOG_DOMAIN "cw-demo"

#include "config.h"

#include "cw-audit.h"
#include "cw-demo-data.h"
#include "cw-demo.h"
#include "cw-evidence.h"
#include "cw-finding.h"

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
  return cw_workspace_create_audit (workspace, &draft, error);
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
      CwFindingDraft draft = {
        .audit_id = audit,
        .clause = f->clause,
        .requirement = f->requirement,
        .evidence = f->evidence,
        .statement = f->statement,
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
      g_autofree char *question = g_strdup_printf ("%s.q1", e->clause);
      CwEvidenceDraft draft = {
        .audit_id = audit,
        .question = question,
        .reference = e->reference,
        .description = e->description,
        .population = e->population,
        .sample_size = e->population ? e->sample_size : -1,
      };
      if (!cw_evidence_kind_from_string (e->kind, &draft.kind))
        g_error ("demo evidence %s has an unknown kind %s", e->reference, e->kind);
      if (cw_workspace_add_evidence (workspace, &draft, error) == 0)
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
    if (cw_workspace_add_person (workspace, p->name, p->role, error) == 0)
      return FALSE;

  /* The history should read as the auditors' own work. */
  cw_workspace_set_actor (workspace, cw_demo_completed_audit.lead);
  gint64 completed = add_audit (workspace, &cw_demo_completed_audit, error);
  if (completed == 0 || !add_answers (workspace, completed, cw_demo_completed_answers, error)
      || !add_findings (workspace, completed, error) || !add_evidence (workspace, completed, error)
      || !cw_workspace_report_audit (workspace, completed, error))
    return FALSE;

  cw_workspace_set_actor (workspace, cw_demo_current_audit.lead);
  gint64 current = add_audit (workspace, &cw_demo_current_audit, error);
  return current != 0 && add_answers (workspace, current, cw_demo_current_answers, error);
}

CwWorkspace *
cw_demo_create (const char *path, GError **error)
{
  return cw_workspace_create_filled (path, cw_demo_organisation.name, fill_demo, NULL, error);
}
