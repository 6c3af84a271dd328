/* test-contrast.c: the result badges and the checked result buttons are
 * readable: their text meets WCAG AA (4.5:1) against their own background,
 * in the light and the dark style. Measured on what GTK draws with the
 * app's style sheet: the background beside the text, and the text's
 * colour as the pixel of the label that stands out most from it. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cw-application.h"
#include "cw-types.h"
#include "cw-ui-test-util.h"
#include "cw-widgets.h"

static CwApplication *app;

/* WCAG 2 relative luminance of an sRGB colour. */
static double
luminance (const guint8 *pixel)
{
  /* Cairo's ARGB32, native endian: blue, green, red, alpha on little endian. */
  double channel[3] = { pixel[2] / 255.0, pixel[1] / 255.0, pixel[0] / 255.0 };
  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92
                                       : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (double a, double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* The contrast of `widget`'s text against its background, as `window`
 * draws it. */
static double
measure (GtkWidget *window, GtkWidget *widget)
{
  g_autoptr (GdkTexture) texture = cw_ui_render (window);
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guint8 *pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  graphene_rect_t bounds;
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  int x0 = (int) ceil (bounds.origin.x), y0 = (int) ceil (bounds.origin.y);
  int x1 = (int) floor (bounds.origin.x + bounds.size.width);
  int y1 = (int) floor (bounds.origin.y + bounds.size.height);
  g_assert_cmpint (x1 - x0, >, 8);
  /* Beside the text, inside the padding and clear of the rounded corners. */
  const guint8 *background = pixels + (y0 + (y1 - y0) / 2) * stride + (x0 + 3) * 4;
  double back = luminance (background);
  double best = 1;
  for (int y = y0 + 2; y < y1 - 2; y++)
    for (int x = x0 + 3; x < x1 - 3; x++)
      best = MAX (best, contrast (back, luminance (pixels + y * stride + x * 4)));
  return best;
}

static void
check_style (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  GtkWidget *window = gtk_window_new ();
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_window_set_child (GTK_WINDOW (window), box);

  static const CwResult results[] = { CW_RESULT_CONFORMING, CW_RESULT_OBSERVATION,
                                      CW_RESULT_OFI,        CW_RESULT_MINOR,
                                      CW_RESULT_MAJOR };
  GtkWidget *badges[G_N_ELEMENTS (results)], *buttons[G_N_ELEMENTS (results)];
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      badges[i] = gtk_label_new (cw_result_to_string (results[i]));
      gtk_widget_set_halign (badges[i], GTK_ALIGN_START);
      gtk_widget_add_css_class (badges[i], "result-badge");
      gtk_widget_add_css_class (badges[i], cw_result_css_class (results[i]));
      gtk_box_append (GTK_BOX (box), badges[i]);
      buttons[i] = gtk_toggle_button_new_with_label (cw_result_label (results[i]));
      gtk_widget_set_halign (buttons[i], GTK_ALIGN_START);
      gtk_widget_add_css_class (buttons[i], "result-button");
      gtk_widget_add_css_class (buttons[i], cw_result_css_class (results[i]));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[i]), TRUE);
      gtk_box_append (GTK_BOX (box), buttons[i]);
    }
  /* The readiness page's colour badges (cw-readiness-page.c). */
  static const char *const ready[] = { "ready-red", "ready-amber", "ready-green" };
  GtkWidget *ready_badges[G_N_ELEMENTS (ready)];
  for (guint i = 0; i < G_N_ELEMENTS (ready); i++)
    {
      ready_badges[i] = gtk_label_new (ready[i]);
      gtk_widget_set_halign (ready_badges[i], GTK_ALIGN_START);
      gtk_widget_add_css_class (ready_badges[i], "result-badge");
      gtk_widget_add_css_class (ready_badges[i], ready[i]);
      gtk_box_append (GTK_BOX (box), ready_badges[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  cw_ui_wait_for_frames (window);
  cw_ui_screenshot (window, dark ? "contrast-dark" : "contrast-light");

  g_autoptr (GString) failures = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      double badge = measure (window, badges[i]);
      double button = measure (window, buttons[i]);
      g_test_message ("%s %s: badge %.2f:1, checked button %.2f:1", dark ? "dark" : "light",
                      cw_result_label (results[i]), badge, button);
      if (badge < 4.5)
        g_string_append_printf (failures, "%s badge %.2f:1; ", cw_result_label (results[i]),
                                badge);
      if (button < 4.5)
        g_string_append_printf (failures, "%s button %.2f:1; ", cw_result_label (results[i]),
                                button);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ready); i++)
    {
      double badge = measure (window, ready_badges[i]);
      g_test_message ("%s %s badge %.2f:1", dark ? "dark" : "light", ready[i], badge);
      if (badge < 4.5)
        g_string_append_printf (failures, "%s badge %.2f:1; ", ready[i], badge);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  if (failures->len > 0)
    g_error ("below 4.5:1 in the %s style: %s", dark ? "dark" : "light", failures->str);
}

static void
test_light (void)
{
  check_style (FALSE);
}

static void
test_dark (void)
{
  check_style (TRUE);
}

int
main (int argc, char **argv)
{
  app = cw_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/contrast/light", test_light);
  g_test_add_func ("/ui/contrast/dark", test_dark);
  return g_test_run ();
}
