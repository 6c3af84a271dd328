/* bench-startup.c: process start to first painted window, side by side with
 * the floor (hello-window: a bare AdwApplicationWindow) on the same display
 * and renderer, for the demo workspace and a 100,000-finding workspace. Also
 * the peak RSS of the app by then. Needs a display: run under
 * `xvfb-run -a meson test -C _build --benchmark startup -v`. */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include "cw-audit.h"
#include "cw-demo.h"
#include "cw-finding.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Median wall time of RUNS starts, and the largest peak RSS seen. */
static double
median_start (const char *const *argv, long *peak_kib)
{
  double times[RUNS];
  *peak_kib = 0;
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      GPid pid;
      g_autoptr (GError) error = NULL;
      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                          &error))
        g_error ("%s: %s", argv[0], error->message);
      int status;
      struct rusage usage;
      wait4 (pid, &status, 0, &usage);
      times[i] = (g_get_monotonic_time () - start) / 1e6;
      *peak_kib = MAX (*peak_kib, usage.ru_maxrss);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("%s did not exit cleanly (%d)", argv[0], status);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  return times[RUNS / 2];
}

static void
make_large_workspace (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Large Ltd", &error);
  CwAuditDraft plan = { .title = "Audit with 100,000 findings" };
  gint64 audit = cw_workspace_create_audit (workspace, &plan, &error);
  cw_workspace_begin_batch (workspace, &error);
  for (int i = 0; i < 100000; i++)
    {
      g_autofree char *evidence = g_strdup_printf ("Record INC-%06d was closed without a cause.", i);
      CwFindingDraft draft = { .audit_id = audit, .clause = "8.6.1", .grade = CW_GRADE_MINOR,
                               .requirement = "Incidents are closed with a recorded cause.",
                               .evidence = evidence, .statement = "The cause is not recorded." };
      cw_workspace_create_finding (workspace, &draft, &error);
    }
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run under xvfb-run -a\n");
      return 0;
    }
  g_setenv ("CLAUSEWISE_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-startup-XXXXXX", &error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_autofree char *demo = g_build_filename (dir, "demo.clausewise", NULL);
  g_autofree char *large = g_build_filename (dir, "large.clausewise", NULL);
  CwWorkspace *made = cw_demo_create (demo, &error);
  g_assert_no_error (error);
  g_object_unref (made);
  make_large_workspace (large);

  const char *renderer = g_getenv ("GSK_RENDERER");
  g_print ("renderer: %s, %d runs each, median\n", renderer ? renderer : "default", RUNS);
  long rss;
  const char *floor_argv[] = { HELLO_PATH, NULL };
  double floor = median_start (floor_argv, &rss);
  g_print ("hello-world floor:         %6.3f s  (peak RSS %ld MiB)\n", floor, rss / 1024);
  const char *demo_argv[] = { APP_PATH, demo, NULL };
  double with_demo = median_start (demo_argv, &rss);
  g_print ("clausewise, demo:          %6.3f s  (%+.0f%% of floor, target within 15%%; RSS %ld MiB)\n",
           with_demo, (with_demo / floor - 1) * 100, rss / 1024);
  const char *large_argv[] = { APP_PATH, large, NULL };
  double with_large = median_start (large_argv, &rss);
  g_print ("clausewise, 100k findings: %6.3f s  (%+.0f%% of floor, target within 15%%; RSS %ld MiB, "
           "target < 200 MiB)\n",
           with_large, (with_large / floor - 1) * 100, rss / 1024);
  return 0;
}
