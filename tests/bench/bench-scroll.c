/* bench-scroll.c: the Findings page over 100,000 findings, scrolled from the
 * first row to the last, with the real widgets. Prints the time taken and
 * the peak RSS, which must stay low because the list keeps only the rows on
 * screen. Needs a display: `xvfb-run -a meson test -C _build --benchmark
 * scroll -v`. */
#include "config.h"

#include <adwaita.h>

#include "bench-util.h"
#include "cw-application.h"
#include "cw-findings-page.h"
#include "cw-window.h"

#define N_FINDINGS 100000
#define STEPS 400

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  /* The workspace is made by a child process, so that its writing does not
   * count in this process's peak RSS, which measures the window alone. */
  if (argc == 3 && g_str_equal (argv[1], "--make"))
    {
      bench_make_large_workspace (argv[2], N_FINDINGS);
      return 0;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run under xvfb-run -a\n");
      return 0;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-scroll-XXXXXX", &error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_autofree char *path = g_build_filename (dir, "large.clausewise", NULL);
  const char *make[] = { argv[0], "--make", path, NULL };
  int status;
  if (!g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("making the workspace: %s", error->message);

  gtk_init ();
  adw_init ();
  g_autoptr (CwApplication) app = cw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  CwWindow *window = cw_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  cw_window_open_path (window, path, FALSE);
  drain ();
  long window_rss = bench_peak_rss_mib ();

  gint64 start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "findings");
  drain ();
  g_print ("open the Findings page:   %7.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  long page_rss = bench_peak_rss_mib ();

  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    cw_findings_page_get_scroller (CW_FINDINGS_PAGE (cw_window_get_findings_page (window))));
  start = g_get_monotonic_time ();
  for (int step = 1; step <= STEPS; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gtk_adjustment_set_value (adjustment, upper * step / STEPS);
      drain ();
    }
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("scroll %d rows top to bottom in %d steps: %.3f s (%.1f ms a step)\n", N_FINDINGS,
           STEPS, seconds, seconds * 1000 / STEPS);
  g_print ("peak RSS: %ld MiB with the window open, %ld MiB with the page, %ld MiB after "
           "scrolling (target < 200 MiB)\n",
           window_rss, page_rss, bench_peak_rss_mib ());
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  return 0;
}
