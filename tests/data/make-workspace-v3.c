/* make-workspace-v3.c: how tests/data/workspace-v3.clausewise was made.
 *
 * Not part of the build. The fixture is a workspace as schema 3 and
 * catalogue version 1 left it, before 6.2 and 7.5 were split into their
 * sub-clauses (schema 4): once schema 4 exists the core can no longer write
 * such a file, so it was made once, through the public API, by this program
 * built against the core of commit e642dd2 (the last one with schema 3):
 *
 *   git worktree add /tmp/cw-v3 e642dd2 && cd /tmp/cw-v3
 *   meson setup _build && meson compile -C _build
 *   cc -o /tmp/make-workspace-v3 tests/data/make-workspace-v3.c \
 *     -I_build -Isrc/core -I_build/src/core _build/src/core/libclausewise-core.a \
 *     $(pkg-config --cflags --libs gio-2.0 sqlite3 libxml-2.0 pangocairo) -lm
 *   /tmp/make-workspace-v3 tests/data/workspace-v3.clausewise
 *
 * (this copy of the program lives in the later tree only as documentation;
 * copy it into the schema 3 worktree to build it). What it holds, which
 * tests/test-migrate-v4.c relies on:
 *
 * - audit 1 "Planning and documents", scope 6.2, 7.5 and 10.1, in progress:
 *   an answer to every question of 6.2 and 7.5 (each result once, notes in
 *   several scripts, 7.5.q5 answered twice), one to 10.1.q1; findings on
 *   6.2 (minor, with a corrective action), 7.5 (observation) and 10.1;
 *   evidence on 7.5.q3, on 6.2.q2 supporting the 6.2 finding, and on
 *   10.1.q1;
 * - audit 2 "Support", scope 7, reported: answers to 7.1.q1 and 7.5.q2;
 * - audit 3 "Incidents", scope 8.6, planned, no answers.
 */
#include <stdlib.h>

#include "cw-action.h"
#include "cw-audit.h"
#include "cw-evidence.h"
#include "cw-finding.h"
#include "cw-workspace.h"

static void
ok (gboolean done, GError *error)
{
  if (!done)
    g_error ("%s", error ? error->message : "failed");
}

static gint64
audit (CwWorkspace *workspace, const char *title, const char *const *scope)
{
  GError *error = NULL;
  CwAuditDraft draft = { .title = title, .scope = scope, .lead_auditor = "Fixture Auditor" };
  gint64 id = cw_workspace_create_audit (workspace, &draft, &error);
  ok (id != 0, error);
  return id;
}

static void
answer (CwWorkspace *workspace, gint64 audit_id, const char *question, CwResult result,
        const char *note)
{
  GError *error = NULL;
  ok (cw_workspace_answer (workspace, audit_id, question, result, note, &error), error);
}

static gint64
finding (CwWorkspace *workspace, gint64 audit_id, const char *clause, CwGrade grade,
         const char *statement)
{
  GError *error = NULL;
  CwFindingDraft draft = {
    .audit_id = audit_id,
    .clause = clause,
    .grade = grade,
    .requirement = "The organisation's own procedure asks for this at every review.",
    .evidence = "Seen during the fixture's fieldwork on 3 March.",
    .statement = statement,
  };
  gint64 id = cw_workspace_create_finding (workspace, &draft, &error);
  ok (id != 0, error);
  return id;
}

static void
evidence (CwWorkspace *workspace, gint64 audit_id, const char *question, gint64 finding_id,
          const char *reference)
{
  GError *error = NULL;
  CwEvidenceDraft draft = {
    .audit_id = audit_id,
    .question = question,
    .finding_id = finding_id,
    .kind = CW_EVIDENCE_RECORD,
    .reference = reference,
    .description = "Looked at with the process owner.",
    .sample_size = -1,
  };
  ok (cw_workspace_add_evidence (workspace, &draft, &error) != 0, error);
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      g_printerr ("usage: make-workspace-v3 OUTPUT.clausewise\n");
      return 2;
    }
  GError *error = NULL;
  CwWorkspace *workspace = cw_workspace_create (argv[1], "Fixture Services Ltd", &error);
  ok (workspace != NULL, error);
  cw_workspace_set_actor (workspace, "Fixture Auditor");

  const char *const planning_scope[] = { "6.2", "7.5", "10.1", NULL };
  gint64 planning = audit (workspace, "Planning and documents", planning_scope);
  answer (workspace, planning, "6.2.q1", CW_RESULT_CONFORMING, "OBJ-2025 lists six objectives.");
  answer (workspace, planning, "6.2.q2", CW_RESULT_MINOR, "Plan OBJ-P3 is three months late.");
  answer (workspace, planning, "6.2.q3", CW_RESULT_OBSERVATION, "Objectif 4 — traçé à SMP-01 §2.");
  answer (workspace, planning, "6.2.q4", CW_RESULT_CONFORMING, NULL);
  answer (workspace, planning, "7.5.q1", CW_RESULT_OFI, "DOC-01 v2; history of PRC-07 seen.");
  answer (workspace, planning, "7.5.q2", CW_RESULT_CONFORMING, "Intranet only; 変更管理 v4.");
  answer (workspace, planning, "7.5.q3", CW_RESULT_MAJOR, "Closed changes can be edited by all.");
  answer (workspace, planning, "7.5.q4", CW_RESULT_NOT_APPLICABLE, "No external documents held.");
  answer (workspace, planning, "7.5.q5", CW_RESULT_MINOR, "DR-01 missing.");
  answer (workspace, planning, "7.5.q5", CW_RESULT_CONFORMING, "DR-01 found: 30 documents.");
  answer (workspace, planning, "10.1.q1", CW_RESULT_CONFORMING, "Register CAR-2025 seen.");

  gint64 on_objectives
    = finding (workspace, planning, "6.2", CW_GRADE_MINOR, "Plan OBJ-P3 has not been followed.");
  finding (workspace, planning, "7.5", CW_GRADE_OBSERVATION, "Nine documents fall due together.");
  finding (workspace, planning, "10.1", CW_GRADE_OFI, "The register could show ages.");
  evidence (workspace, planning, "7.5.q3", 0, "ITSM tool role list, 3 March");
  evidence (workspace, planning, "6.2.q2", on_objectives, "Plan OBJ-P3 v1");
  evidence (workspace, planning, "10.1.q1", 0, "CAR-2025 register export");

  CwActionDraft action = { .finding_id = on_objectives, .owner = "Fixture Owner" };
  ok (cw_workspace_create_action (workspace, &action, &error) != 0, error);

  const char *const support_scope[] = { "7", NULL };
  gint64 support = audit (workspace, "Support", support_scope);
  answer (workspace, support, "7.1.q1", CW_RESULT_CONFORMING, "Staffing model SM-2 approved.");
  answer (workspace, support, "7.5.q2", CW_RESULT_OBSERVATION, "Two printed copies on desks.");
  ok (cw_workspace_report_audit (workspace, support, &error), error);

  const char *const incident_scope[] = { "8.6", NULL };
  audit (workspace, "Incidents", incident_scope);

  g_object_unref (workspace);
  return EXIT_SUCCESS;
}
