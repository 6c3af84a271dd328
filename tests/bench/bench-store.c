/* bench-store.c: the workspace at scale. Creates workspaces, inserts
 * 100,000 findings and races the same rows written by a plain sqlite3
 * script, reopens, lists, searches and streams the findings as CSV through
 * the CLI, printing each figure beside its target and a verdict.
 *
 * Run with `meson test -C _build --benchmark -v`. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "cw-audit.h"
#include "cw-finding.h"
#include "cw-search.h"

#define N_FINDINGS 100000

static const char *const words[] = {
  "change",   "approval", "incident", "priority", "supplier", "review",   "capacity",
  "release",  "backup",   "restore",  "catalogue", "asset",   "licence",  "emergency",
  "customer", "complaint", "budget",  "forecast", "problem",  "workaround", "continuity",
};

static const char *const clauses[] = { "8.5.1.3", "8.6.1", "8.3.4.1", "8.7.2", "9.2" };

static char *
sentence (guint i, guint salt)
{
  return g_strdup_printf ("Record %u shows the %s %s was not followed for %s %u.", i,
                          words[(i + salt) % G_N_ELEMENTS (words)],
                          words[(i / 7 + salt) % G_N_ELEMENTS (words)],
                          words[(i / 49 + salt) % G_N_ELEMENTS (words)], i % 97);
}

static void
verdict (const char *what, double figure, double target, const char *unit, const char *note)
{
  g_print ("%-34s %9.2f %-3s (target < %g %s) %s%s%s\n", what, figure, unit, target, unit,
           figure < target ? "met" : "MISSED", note ? "; " : "", note ? note : "");
}

static void
insert_findings (CwWorkspace *workspace, gint64 audit, guint count)
{
  g_autoptr (GError) error = NULL;
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *requirement = sentence (i, 1);
      g_autofree char *evidence = sentence (i, 5);
      g_autofree char *statement = sentence (i, 11);
      CwFindingDraft draft = {
        .audit_id = audit,
        .clause = clauses[i % G_N_ELEMENTS (clauses)],
        .grade = (CwGrade) (i % 4),
        .requirement = requirement,
        .evidence = evidence,
        .statement = statement,
      };
      if (cw_workspace_create_finding (workspace, &draft, &error) == 0)
        g_error ("insert %u: %s", i, error->message);
    }
}

/* The same findings as a plain SQL script: each finding's row and its two
 * history rows (what it was created with, and its record), with the hashes
 * given as text. No search index and no hashing: what the sqlite3 shell
 * does with a script is the yardstick for the core's own bulk insert. */
static char *
write_script (const char *dir, gint64 audit, guint count)
{
  static const char *const grades[] = { "major", "minor", "observation", "ofi" };
  char *path = g_build_filename (dir, "insert.sql", NULL);
  FILE *out = g_fopen (path, "w");
  g_assert_nonnull (out);
  /* The same page cache as the core's connection (cw-workspace.c). */
  fputs ("PRAGMA cache_size = -16384;\nBEGIN;\n", out);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *requirement = sentence (i, 1);
      g_autofree char *evidence = sentence (i, 5);
      g_autofree char *statement = sentence (i, 11);
      g_autofree char *uuid = g_uuid_string_random ();
      const char *clause = clauses[i % G_N_ELEMENTS (clauses)];
      const char *grade = grades[i % 4];
      const char *at = "2026-11-29T06:00:00Z";
      fprintf (out,
               "INSERT INTO finding (audit, clause, grade, requirement, evidence, statement,"
               " created_at, uuid) VALUES (%" G_GINT64_FORMAT ", '%s', '%s', '%s', '%s', '%s',"
               " '%s', '%s');\n",
               audit, clause, grade, requirement, evidence, statement, at, uuid);
      fprintf (out,
               "INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value,"
               " hash) VALUES ('%s', 'Bench', 'finding', last_insert_rowid (), 'created', NULL,"
               " '%s' || char (31) || '%s' || char (31) || '%s' || char (31) || '%s' || char (31)"
               " || '%s', '%064x');\n",
               at, clause, grade, requirement, evidence, statement, i);
      fprintf (out,
               "INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value,"
               " hash) VALUES ('%s', 'Bench', 'finding', %u, 'record', NULL,"
               " '[\"%s\",1,%" G_GINT64_FORMAT ",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"open\","
               "\"%s\"]', '%064x');\n",
               at, i, uuid, audit, clause, grade, requirement, evidence, statement, at, i + 1);
    }
  fputs ("COMMIT;\n", out);
  fclose (out);
  return path;
}

/* The child's own high-water mark: its rusage would count the pages it
 * shared with this process between fork and exec. Read until it exits;
 * the mark only grows, so the last reading is its peak (near enough). */
static long
read_hwm_kib (pid_t pid, const char *program)
{
  g_autofree char *status_path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  if (!g_file_get_contents (status_path, &status, NULL, NULL))
    return -1;
  /* Until the child has run exec it is a copy of this process, whose
   * memory is not the program's: skip those readings. */
  g_autofree char *base = g_path_get_basename (program);
  g_autofree char *name = g_strdup_printf ("Name:\t%.15s\n", base);
  const char *line = strstr (status, "VmHWM:");
  return g_str_has_prefix (status, name) && line ? strtol (line + 6, NULL, 10) : -1;
}

/* Runs a program to its end; returns its wall time and its peak RSS. */
static double
run_measured (const char *const *argv, const char *input, const char *output, long *rss_kib)
{
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();
  if (pid == 0)
    {
      if ((input != NULL && freopen (input, "r", stdin) == NULL)
          || (output != NULL && freopen (output, "w", stdout) == NULL))
        _exit (126);
      execv (argv[0], (char *const *) argv);
      _exit (127);
    }
  long peak = 0;
  int status;
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      peak = MAX (peak, read_hwm_kib (pid, argv[0]));
      g_usleep (2000);
    }
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  if (rss_kib != NULL)
    *rss_kib = peak;
  return bench_seconds_since (start);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gint64
new_workspace_with_audit (const char *path, CwWorkspace **out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Bench Ltd", &error);
  g_assert_no_error (error);
  CwAuditDraft plan = { .title = "Benchmark audit" };
  gint64 audit = cw_workspace_create_audit (workspace, &plan, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&workspace);
  return audit;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.clausewise", NULL);

  /* The first start creates the default workspace. */
  double creates[11];
  for (guint i = 0; i < G_N_ELEMENTS (creates); i++)
    {
      g_autofree char *name = g_strdup_printf ("create-%u.clausewise", i);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr (CwWorkspace) made = cw_workspace_create (file, "Bench Ltd", &error);
      creates[i] = bench_seconds_since (start);
      g_assert_no_error (error);
    }
  qsort (creates, G_N_ELEMENTS (creates), sizeof creates[0], compare_doubles);
  verdict ("create a workspace (median of 11)", creates[5] * 1000, 10, "ms", NULL);

  CwWorkspace *workspace = NULL;
  gint64 audit = new_workspace_with_audit (path, &workspace);

  /* Edits one at a time, each its own durable transaction. */
  gint64 start = g_get_monotonic_time ();
  insert_findings (workspace, audit, 200);
  g_print ("%-34s %9.2f ms  (synchronous=FULL, mean of 200)\n", "one edit, own transaction",
           bench_seconds_since (start) * 1000 / 200);

  /* The yardstick first, on a workspace of its own. */
  g_autofree char *script_path = g_build_filename (dir, "script.clausewise", NULL);
  gint64 script_audit = new_workspace_with_audit (script_path, NULL);
  g_autofree char *script = write_script (dir, script_audit, N_FINDINGS);
  const char *sqlite_argv[] = { "/usr/bin/sqlite3", "-batch", script_path, NULL };
  double script_seconds = run_measured (sqlite_argv, script, NULL, NULL);

  start = g_get_monotonic_time ();
  cw_workspace_begin_batch (workspace, &error);
  insert_findings (workspace, audit, N_FINDINGS);
  gint64 commit = g_get_monotonic_time ();
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
  double insert_seconds = bench_seconds_since (start);
  g_print ("%-34s %9.3f s   (of which the commit %.3f s)\n", "insert 100,000 findings",
           insert_seconds, bench_seconds_since (commit));
  g_print ("%-34s %9.3f s   (rows and history rows, no index, no hashing)\n",
           "the same rows, sqlite3 script", script_seconds);
  g_autofree char *goal = g_strdup_printf ("goal 0.5x; %s", insert_seconds / script_seconds <= 0.5
                                                                ? "goal met"
                                                                : "goal not yet met");
  verdict ("insert, as a share of the script", insert_seconds / script_seconds, 1, "x", goal);
  g_clear_object (&workspace);

  GStatBuf st;
  g_stat (path, &st);
  g_print ("%-34s %9.1f MiB\n", "workspace file", st.st_size / 1048576.0);

  start = g_get_monotonic_time ();
  workspace = cw_workspace_open (path, &error);
  g_assert_no_error (error);
  verdict ("reopen", bench_seconds_since (start) * 1000, 50, "ms", NULL);
  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (workspace, &error);
  CwAuditProgress progress;
  cw_workspace_get_audit_progress (workspace, g_ptr_array_index (audits, 0), &progress, &error);
  g_print ("%-34s %9.2f ms  (catalogue, audits, findings by grade)\n", "then the audits list",
           bench_seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) findings = cw_workspace_list_findings (workspace, 0, &error);
  g_assert_no_error (error);
  g_print ("%-34s %9.3f s   (%u findings)\n", "list all findings", bench_seconds_since (start),
           findings->len);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A word in one finding of seven, and two words together. */
  const char *queries[] = { "change", "emergency approval", "record 1234" };
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) hits = cw_workspace_search (workspace, queries[i], 50, &error);
      g_assert_no_error (error);
      double ms = bench_seconds_since (start) * 1000;
      g_autofree char *what = g_strdup_printf ("search \"%s\", first page", queries[i]);
      g_autofree char *note = g_strdup_printf ("%u hits shown", hits->len);
      verdict (what, ms, 50, "ms", note);
    }
  g_clear_object (&workspace);

  /* The CSV export streams: its memory does not grow with the findings.
   * Past 20,000 findings SQLite's page cache (16 MiB) is full, so from
   * there on any growth would be the export's own. */
  g_autofree char *small = g_build_filename (dir, "small.clausewise", NULL);
  {
    CwWorkspace *few = NULL;
    gint64 few_audit = new_workspace_with_audit (small, &few);
    cw_workspace_begin_batch (few, &error);
    insert_findings (few, few_audit, 50000);
    cw_workspace_end_batch (few, TRUE, &error);
    g_assert_no_error (error);
    g_object_unref (few);
  }
  long small_kib, large_kib;
  const char *small_argv[] = { CLI_PATH, "finding", "list", small, "--csv", NULL };
  const char *large_argv[] = { CLI_PATH, "finding", "list", path, "--csv", NULL };
  run_measured (small_argv, NULL, "/dev/null", &small_kib);
  double csv_seconds = run_measured (large_argv, NULL, "/dev/null", &large_kib);
  g_print ("%-34s %9.3f s\n", "finding list --csv, 100,200 rows", csv_seconds);
  g_autofree char *csv_note
    = g_strdup_printf ("%.1f MiB for 50,000 rows", small_kib / 1024.0);
  g_autofree char *csv_note2
    = g_strdup_printf ("%.1f MiB against %s", large_kib / 1024.0, csv_note);
  verdict ("  its peak RSS, growth over 50,000", (large_kib - small_kib) / 1024.0, 4, "MiB",
           csv_note2);

  verdict ("peak RSS of this benchmark", bench_peak_rss_mib (), 100, "MiB", NULL);

  if (g_getenv ("BENCH_KEEP"))
    {
      g_print ("kept %s\n", dir);
      return 0;
    }
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return 0;
}
