/* test-languages-ui.c: the window in another language. Run once in German
 * and once in a pseudo-language whose every message is 40 % longer, with
 * accents (build-aux/pseudo-po): each page, the checklist and the
 * organisation dialog are shown and photographed, to be looked at for
 * labels that truncate or overlap; the page titles and the catalogue's
 * question must come in that language.
 *
 * The last two arguments say which: a LANGUAGE value and its message
 * catalogue as built (tests/meson.build). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cw-checklist.h"
#include "cw-demo.h"
#include "cw-i18n.h"
#include "cw-test-util.h"
#include "cw-ui-test-util.h"
#include "cw-window.h"

static CwApplication *app;
static const char *language;
static const char *mo_path;

static const char *const pages[]
  = { "audits", "findings", "actions", "reviews", "programme", "readiness", "practice" };

/* The English of a page's title, for comparing. */
static const char *const english_titles[]
  = { "Audits", "Findings", "Actions", "Reviews", "Programme", "Readiness", "Practice" };

static char *
shot_name (const char *what)
{
  g_autofree char *tag = g_strdelimit (g_strdup (language), "@", '-');
  return g_strdup_printf ("language-%s-%s", tag, what);
}

static void
test_pages (void)
{
  g_autofree char *dir = cw_test_make_dir ();
  g_autofree char *path = cw_test_path (dir, "demo.clausewise");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CwWorkspace) demo = cw_demo_create (path, &error);
    g_assert_no_error (error);
  }
  CwWindow *window = cw_ui_open_window (app, path);
  AdwViewStack *stack = ADW_VIEW_STACK (cw_ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  guint translated = 0;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      cw_ui_wait_for_frames (GTK_WIDGET (window));
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i]);
      g_assert_nonnull (child);
      const char *title = adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child));
      if (g_strcmp0 (title, english_titles[i]) != 0)
        translated++;
      g_autofree char *name = shot_name (pages[i]);
      cw_ui_screenshot (GTK_WIDGET (window), name);
    }
  /* "Audits" is German too; the other titles are not English. */
  g_assert_cmpuint (translated, >=, G_N_ELEMENTS (pages) - 1);

  /* The checklist: its question and guidance come from the catalogue's
   * translation, the window's words from the messages. */
  cw_window_show_audit (window, 2, NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  g_autofree char *checklist = shot_name ("checklist");
  cw_ui_screenshot (GTK_WIDGET (window), checklist);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.organisation", NULL);
  cw_ui_wait_for_frames (GTK_WIDGET (window));
  GtkWindow *dialog = NULL;
  GList *toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  if (dialog != NULL)
    {
      cw_ui_wait_for_frames (GTK_WIDGET (dialog));
      g_autofree char *name = shot_name ("organisation");
      cw_ui_screenshot (GTK_WIDGET (dialog), name);
      gtk_window_destroy (dialog);
    }
  cw_ui_close_window (window);
}

/* The message catalogue in a folder of its own, as gettext looks for it. */
static void
install_catalogue (void)
{
  const char *mo = mo_path;
  g_autofree char *root = g_dir_make_tmp ("clausewise-locale-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (root, language, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_autofree char *target = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr (GBytes) bytes = cw_test_read (mo);
  cw_test_write (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_setenv ("CLAUSEWISE_LOCALEDIR", root, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, root);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  g_assert_cmpint (argc, >=, 3);
  language = argv[argc - 2];
  mo_path = argv[argc - 1];
  argc -= 2;
  argv[argc] = NULL;
  install_catalogue ();
  app = cw_ui_test_init (&argc, &argv);
  /* gtk_test_init sets a locale of its own; gettext reads LANGUAGE only
   * under a locale other than C. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_test_add_func ("/ui/languages/pages", test_pages);
  return g_test_run ();
}
