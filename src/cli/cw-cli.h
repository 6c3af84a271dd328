/* cw-cli.h: what the commands of clausewise-cli share. */
#pragma once

#include <gio/gio.h>

#include "cw-audit.h"
#include "cw-workspace.h"

G_BEGIN_DECLS

/* Exit codes: scripts rely on them. */
enum
{
  CW_CLI_OK = 0,
  CW_CLI_BAD_INPUT = 1, /* bad input or data, refused by a rule, or a failed check */
  CW_CLI_USAGE = 2,     /* the command line itself is wrong */
};

typedef struct _CwCliCommand
{
  const char *name;        /* "audit new" */
  const char *parameters;  /* "WORKSPACE AUDIT" */
  const char *summary;
  int (*run) (const struct _CwCliCommand *command, int argc, char **argv);
} CwCliCommand;

/* Parses options and exactly the positional parameters of `command`. On
 * success `args` holds the positional values (owned by argv) and the return
 * is -1; otherwise it is the exit code to return (0 after --help). */
int cw_cli_parse (const CwCliCommand *command, GOptionEntry *entries, int argc, char **argv,
                  char ***args);

int cw_cli_fail (const GError *error);
int cw_cli_usage_error (const CwCliCommand *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
int cw_cli_input_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
CwWorkspace *cw_cli_parse_open (const CwCliCommand *command, GOptionEntry *entries, int argc,
                               char **argv, char ***args, int *status);
CwWorkspace *cw_cli_open (const char *path, int *status);
gboolean cw_cli_parse_id (const char *text, const char *what, gint64 *id);
CwWorkspace *cw_cli_open_record (char **args, const char *what, gint64 *id, int *status);
char *cw_cli_one_line (const char *text);
char *cw_cli_safe_line (const char *text);
void cw_cli_print_csv_row (const char *const *fields, gsize n_fields);

extern const CwCliCommand cw_cli_commands[];

/* The manual pages and shell completions, written from cw_cli_commands[]
 * by the hidden "clausewise-cli --generate WHAT" (cw-cli-generate.c).
 * While cw_cli_options_hook is set, cw_cli_parse hands each command's
 * option entries to it and returns CW_CLI_OK without parsing anything. */
int cw_cli_generate (const char *what);
extern void (*cw_cli_options_hook) (const CwCliCommand *command, const GOptionEntry *entries);

/* The commands, one function each (cw-cli-commands.c). */
int cw_cli_run_init (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_demo (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_catalogue (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_new (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_answer (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_finding_new (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_finding_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_search (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_check (const CwCliCommand *command, int argc, char **argv);

/* The exchange format and merging (cw-cli-exchange.c). */
int cw_cli_run_export_workspace (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_export_audit (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_export_register (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_assign (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_import (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_conflicts (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_resolve (const CwCliCommand *command, int argc, char **argv);

/* An audit's lifecycle (cw-cli-audits.c). */
int cw_cli_run_audit_sites (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_session (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_meeting (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_issue (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_revise (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_close (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_follow_up (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_sample (const CwCliCommand *command, int argc, char **argv);
gboolean cw_cli_print_follow_up (CwWorkspace *workspace, CwAudit *audit, GError **error);

/* The internal audit programme (cw-cli-programme.c). */
int cw_cli_run_programme_start (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_programme_plan (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_programme_importance (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_programme_show (const CwCliCommand *command, int argc, char **argv);

/* People and the independence of an audit's team (cw-cli-people.c). */
int cw_cli_run_person_add (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_person_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_person_areas (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_audit_independence (const CwCliCommand *command, int argc, char **argv);
gboolean cw_cli_parse_justifications (char **items, GArray *justifications);

/* The organisation's profile (cw-cli-organisation.c). */
int cw_cli_run_organisation_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_organisation_set (const CwCliCommand *command, int argc, char **argv);

/* Correcting and deleting findings (cw-cli-findings.c). */
int cw_cli_run_finding_update (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_finding_delete (const CwCliCommand *command, int argc, char **argv);

/* Corrective actions (cw-cli-actions.c). */
int cw_cli_run_action_new (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_action_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_action_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_action_update (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_action_move (const CwCliCommand *command, int argc, char **argv);

/* Management reviews (cw-cli-reviews.c). */
int cw_cli_run_review_new (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_note (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_decide (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_approve (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_attendee (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_review_conclude (const CwCliCommand *command, int argc, char **argv);

/* The register of documented information and readiness (cw-cli-register.c). */
int cw_cli_run_register_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_add (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_update (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_withdraw (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_import (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_export (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_register_cite (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_readiness (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_readiness_window (const CwCliCommand *command, int argc, char **argv);

/* The Stage One submission pack (cw-cli-pack.c). */
int cw_cli_run_docs_bundle (const CwCliCommand *command, int argc, char **argv);
/* The certification body's audits and findings (cw-cli-external.c). */
int cw_cli_run_external_new (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_external_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_external_finding (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_external_resolve (const CwCliCommand *command, int argc, char **argv);
/* The nonconformity statement checker (cw-cli-statement.c). */
int cw_cli_run_statement_check (const CwCliCommand *command, int argc, char **argv);

/* Lead-auditor practice: packs, exercises, exams, progress (cw-cli-practice.c). */
int cw_cli_run_practice_init (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_pack_validate (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_pack_import (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_pack_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exercise_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exercise_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exercise_answer (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exam_start (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exam_answer (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exam_finish (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exam_show (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_exam_confirm (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_progress (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_exam (const CwCliCommand *command, int argc, char **argv);

/* Case audits (cw-cli-case.c). */
int cw_cli_run_case_list (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_case_start (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_case_records (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_case_debrief (const CwCliCommand *command, int argc, char **argv);

/* PDF reports (cw-cli-report.c). */
int cw_cli_run_report_audit (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_nc (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_plan (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_programme (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_readiness (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_actions (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_review (const CwCliCommand *command, int argc, char **argv);
int cw_cli_run_report_debrief (const CwCliCommand *command, int argc, char **argv);

G_END_DECLS
