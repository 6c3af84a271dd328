/* bench-exchange.c: the exchange format at 100,000 findings.
 *
 * A workspace of 100,000 findings is written as exchange XML and read into
 * an empty workspace, each in a child process of its own so that its time
 * and its peak memory are its own (wait4). Targets (issue 15): export in
 * < 3 s and < 100 MiB, import in < 10 s and < 100 MiB. */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "cw-exchange.h"

#define N_FINDINGS 100000

typedef struct
{
  double wall;
  long rss_mib;
} Figures;

static void
do_export (const char *workspace_path, const char *xml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_open (workspace_path, &error);
  CwExportRequest request = { .kind = CW_EXPORT_WORKSPACE };
  if (workspace == NULL || !cw_workspace_export (workspace, &request, xml, NULL, &error))
    g_error ("export: %s", error->message);
}

static void
do_import (const char *target, const char *xml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (target, "Receiving Ltd", &error);
  if (workspace == NULL)
    g_error ("create: %s", error->message);
  g_autoptr (CwImportResult) result = cw_workspace_import (workspace, xml, FALSE, &error);
  if (result == NULL)
    g_error ("import: %s", error->message);
  if (result->added < N_FINDINGS)
    g_error ("import added only %u records", result->added);
}

/* Runs `step` in a child and takes its wall time and peak memory. */
static Figures
measure (void (*step) (const char *, const char *), const char *a, const char *b)
{
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();
  if (pid == 0)
    {
      step (a, b);
      _exit (0);
    }
  int status;
  struct rusage usage;
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0)
    g_error ("the measured step failed");
  return (Figures) { bench_seconds_since (start), usage.ru_maxrss / 1024 };
}

static void
report (const char *what, Figures figures, double seconds_target, long mib_target)
{
  gboolean met = figures.wall < seconds_target && figures.rss_mib < mib_target;
  g_print ("%-40s %6.2f s, peak %4ld MiB  (target < %.0f s and < %ld MiB): %s\n", what,
           figures.wall, figures.rss_mib, seconds_target, mib_target, met ? "met" : "MISSED");
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-exchange-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "large.clausewise", NULL);
  g_autofree char *xml = g_build_filename (dir, "large.xml", NULL);
  g_autofree char *target = g_build_filename (dir, "target.clausewise", NULL);
  bench_make_large_workspace (source, N_FINDINGS);

  Figures exported = measure (do_export, source, xml);
  GStatBuf st;
  g_stat (xml, &st);
  Figures imported = measure (do_import, target, xml);
  g_print ("exchange file of 100,000 findings: %.1f MiB\n", st.st_size / 1048576.0);
  report ("export, 100,000 findings:", exported, 3, 100);
  report ("import into an empty workspace:", imported, 10, 100);

  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", dir);
  return 0;
}
