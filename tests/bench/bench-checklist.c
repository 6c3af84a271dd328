/* bench-checklist.c: the checklist of a big audit, 1,600 findings on one
 * clause, with the real widgets: opening the audit, and moving to the next
 * question on that clause, each until the window has drawn the result. Prints each figure, its target and a
 * verdict. Needs a display: `xvfb-run -a meson test -C _build --benchmark
 * checklist -v`. */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bench-util.h"
#include "cw-application.h"
#include "cw-audit.h"
#include "cw-checklist.h"
#include "cw-finding.h"
#include "cw-window.h"

#define N_FINDINGS 1600

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until the window has painted a frame with what the
 * step changed, so that its figure includes layout and drawing (and up to
 * one frame's wait for the display, under 17 ms). */
static void
settle (GtkWidget *window)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  drain ();
}

static void
make_workspace (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwWorkspace) workspace = cw_workspace_create (path, "Large Ltd", &error);
  g_assert_no_error (error);
  const char *scope[] = { "8.6", NULL };
  CwAuditDraft plan = { .title = "Incident audit", .scope = scope };
  gint64 audit = cw_workspace_create_audit (workspace, &plan, &error);
  cw_workspace_begin_batch (workspace, &error);
  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autofree char *evidence = g_strdup_printf ("Ticket INC-%06u was closed without a cause.", i);
      CwFindingDraft draft = { .audit_id = audit, .clause = "8.6.1", .grade = CW_GRADE_OFI,
                               .evidence = evidence };
      cw_workspace_create_finding (workspace, &draft, &error);
    }
  cw_workspace_end_batch (workspace, TRUE, &error);
  g_assert_no_error (error);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
verdict (const char *what, double ms, double target)
{
  g_print ("%s: %.1f ms (target < %.0f ms): %s\n", what, ms, target,
           ms < target ? "met" : "MISSED");
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: run under xvfb-run -a\n");
      return 0;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clausewise-checklist-XXXXXX", &error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_autofree char *path = g_build_filename (dir, "big.clausewise", NULL);
  make_workspace (path);

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

  const char *renderer = g_getenv ("GSK_RENDERER");
  g_print ("(GTK renderer: %s)\n", renderer ? renderer : "GTK's default");
  gint64 start = g_get_monotonic_time ();
  cw_window_show_audit (window, 1, "8.6.1.q1");
  settle (GTK_WIDGET (window));
  verdict ("open the audit at a clause with 1,600 findings", bench_seconds_since (start) * 1000,
           300);

  CwChecklist *checklist = CW_CHECKLIST (cw_window_get_checklist (window));
  /* 8.6.1 has more questions than this: every step stays on the clause
   * with 1,600 findings. The first step settles the window and is not
   * counted. */
  gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.next", NULL);
  settle (GTK_WIDGET (window));
  double steps[5];
  double empty_steps[5];
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.previous", NULL);
      settle (GTK_WIDGET (window));
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.next", NULL);
      settle (GTK_WIDGET (window));
      steps[i] = bench_seconds_since (start) * 1000;
    }
  /* The same steps at a clause with no findings, for comparison. */
  cw_window_show_audit (window, 1, "8.6.2.q2");
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (empty_steps); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.previous", NULL);
      settle (GTK_WIDGET (window));
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.next", NULL);
      settle (GTK_WIDGET (window));
      empty_steps[i] = bench_seconds_since (start) * 1000;
    }
  qsort (empty_steps, G_N_ELEMENTS (empty_steps), sizeof (double), compare_doubles);
  qsort (steps, G_N_ELEMENTS (steps), sizeof (double), compare_doubles);
  g_print ("(next question at that clause: fastest %.1f ms, slowest %.1f ms)\n", steps[0],
           steps[G_N_ELEMENTS (steps) - 1]);
  g_print ("(next question at a clause with no findings, median of 5: %.1f ms)\n",
           empty_steps[G_N_ELEMENTS (empty_steps) / 2]);
  verdict ("next question at a clause with 1,600 findings (median of 5)",
           steps[G_N_ELEMENTS (steps) / 2], 50);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  return system (cleanup) == 0 ? 0 : 1;
}
