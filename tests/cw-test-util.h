/* cw-test-util.h: helpers shared by the tests. */
#pragma once

#include <gio/gio.h>

#include "cw-workspace.h"

G_BEGIN_DECLS

char *cw_test_make_dir (void);
char *cw_test_path (const char *dir, const char *name);
CwWorkspace *cw_test_new_workspace (char **dir);
GBytes *cw_test_read (const char *path);
void cw_test_write (const char *path, const void *data, gsize size);
void cw_test_assert_untouched (const char *path, GBytes *before);
void cw_test_sql (const char *path, const char *sql);
gint64 cw_test_sql_int (const char *path, const char *sql);
char *cw_test_sql_text (const char *path, const char *sql);

/* A watchdog for calls in this process: should one block (opening a pipe,
 * say), the test ends with a message naming `what` instead of hanging. */
typedef struct _CwTestWatchdog CwTestWatchdog;
CwTestWatchdog *cw_test_watchdog_start (const char *what, guint seconds);
void cw_test_watchdog_stop (CwTestWatchdog *dog);

/* Running programs: clausewise-cli and the tools that read its output. */

/* A NULL-terminated argument list, written inline. */
#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* clausewise-cli's exit codes, which scripts rely on. */
enum
{
  CLI_OK = 0,
  CLI_BAD_INPUT = 1,
  CLI_USAGE = 2,
};

int cw_test_spawn (const char *const *argv, char **out, char **err);
char *cw_test_tool (const char *name, const char *const *args, int expected_status);
char *cw_test_normalise_space (const char *text);
int cw_test_cli (const char *const *args, char **out, char **err);
char *cw_test_cli_ok (const char *const *args);
char *cw_test_cli_id (const char *const *args);
void cw_test_cli_error (const char *const *args, int status, const char *mention);
GStrv cw_test_output_lines (const char *text);
void cw_test_assert_contains (const char *haystack, const char *needle);
void cw_test_issue_audit (CwWorkspace *workspace, gint64 audit);
void cw_test_assert_error_line (const char *err);

G_END_DECLS
