/* bench-startup.c: process start to first painted window, side by side with
 * the floor (hello-window: a bare AdwApplicationWindow) on the same display
 * and renderer, for the demo workspace and a 100,000-finding workspace. Also
 * the peak RSS of the app by then. Needs a display: run under
 * `xvfb-run -a meson test -C _build --benchmark startup -v`. */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "cw-demo.h"

#define RUNS 11

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Time from starting the process to its first painted frame (which the
 * process prints), and the peak RSS of the whole run. */
static double
start_once (const char *const *argv, long *peak_kib)
{
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int out_fd;
  g_autoptr (GError) error = NULL;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);
  char buffer[128] = { 0 };
  gssize n, total = 0;
  while ((n = read (out_fd, buffer + total, sizeof buffer - 1 - total)) > 0)
    total += n;
  close (out_fd);
  int status;
  struct rusage usage;
  wait4 (pid, &status, 0, &usage);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s did not exit cleanly (%d)", argv[0], status);
  const char *mark = strstr (buffer, "first-frame ");
  if (mark == NULL)
    g_error ("%s printed no first-frame time", argv[0]);
  *peak_kib = MAX (*peak_kib, usage.ru_maxrss);
  return (g_ascii_strtoll (mark + strlen ("first-frame "), NULL, 10) - start) / 1e6;
}

static double
median (double *times, guint n)
{
  qsort (times, n, sizeof times[0], compare_doubles);
  return times[n / 2];
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
  bench_make_large_workspace (large, 100000);

  const char *renderer = g_getenv ("GSK_RENDERER");
  g_print ("renderer: %s, %d runs each, interleaved, median\n", renderer ? renderer : "default",
           RUNS);
  /* Interleaved, so that any drift of the machine hits all three alike. */
  const char *floor_argv[] = { HELLO_PATH, NULL };
  const char *demo_argv[] = { APP_PATH, demo, NULL };
  const char *large_argv[] = { APP_PATH, large, NULL };
  double floor_times[RUNS], demo_times[RUNS], large_times[RUNS];
  long floor_rss = 0, demo_rss = 0, large_rss = 0;
  for (int i = 0; i < RUNS; i++)
    {
      floor_times[i] = start_once (floor_argv, &floor_rss);
      demo_times[i] = start_once (demo_argv, &demo_rss);
      large_times[i] = start_once (large_argv, &large_rss);
    }
  double floor = median (floor_times, RUNS);
  double with_demo = median (demo_times, RUNS);
  double with_large = median (large_times, RUNS);
  g_print ("start to first frame, hello-world floor: %6.3f s  (peak RSS %ld MiB)\n", floor,
           floor_rss / 1024);
  g_print ("clausewise, demo workspace:              %6.3f s  (%+.0f%% of floor, target within "
           "15%%; peak RSS %ld MiB)\n",
           with_demo, (with_demo / floor - 1) * 100, demo_rss / 1024);
  g_print ("clausewise, 100,000 findings:            %6.3f s  (%+.0f%% of floor, target within "
           "15%%; peak RSS %ld MiB, target < 200 MiB)\n",
           with_large, (with_large / floor - 1) * 100, large_rss / 1024);
  return 0;
}
