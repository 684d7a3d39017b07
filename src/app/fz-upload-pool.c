/* fz-upload-pool.c: keep cairo's X11 upload memory from frame to frame
 *
 * With the cairo renderer on X11 -- the renderer the application picks
 * on a machine without a GPU driver -- GDK draws each frame into an image
 * and cairo copies it to the X server through a shared-memory segment.
 * cairo destroys a segment whenever none of its memory is in use, so the
 * window kept getting fresh ones (one for each report opened, in the
 * window benchmark), and the kernel had to map and clear their pages
 * again while the next large frames were copied: about a thousand page
 * faults for a whole window, each of which also waits whenever a loading
 * thread is growing its heap at the time.
 *
 * Holding one small image in a segment big enough for a whole monitor
 * keeps that segment, and the pages frames have used, for the display's
 * life: a monitor's worth, or two when one frame's copy is still in
 * flight as the next one starts.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-upload-pool.h"

#if defined (GDK_WINDOWING_X11) && defined (FZ_HAVE_CAIRO_XLIB)
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

#define PIN_KEY "fz-upload-pool-pin"

#if defined (GDK_WINDOWING_X11) && defined (FZ_HAVE_CAIRO_XLIB)
/* The most pixels a frame can have: the largest monitor's. */
static int
largest_monitor_pixels (GdkDisplay *display,
                        int        *width,
                        int        *height)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  int best = 0;

  *width = *height = 0;
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;
      int scale = gdk_monitor_get_scale_factor (monitor);

      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width * scale * geometry.height * scale > best)
        {
          *width = geometry.width * scale;
          *height = geometry.height * scale;
          best = *width * *height;
        }
    }

  return best;
}

static void
pin_upload_pool (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay;
  int screen, width, height;
  cairo_surface_t *root;
  cairo_surface_t *whole;
  cairo_surface_t *pin;

  if (!GDK_IS_X11_DISPLAY (display)
      || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window)))
      || g_object_get_data (G_OBJECT (display), PIN_KEY) != NULL
      || largest_monitor_pixels (display, &width, &height) == 0)
    return;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = DefaultScreen (xdisplay);
  root = cairo_xlib_surface_create (xdisplay, RootWindow (xdisplay, screen),
                                    DefaultVisual (xdisplay, screen), 1, 1);

  /* cairo sizes a new segment by the image that needs it, and gives the
   * next images room in the segments it has: so first a whole monitor's
   * image, then the small one that stays, in the same segment.  Without
   * shared memory both are plain images, and nothing is kept but 4 KiB. */
  whole = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, width, height);
  pin = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (root);

  if (cairo_surface_status (pin) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (pin);
      return;
    }

  g_object_set_data_full (G_OBJECT (display), PIN_KEY, pin,
                          (GDestroyNotify) cairo_surface_destroy);
}
#endif

void
fz_upload_pool_keep_for (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

#if defined (GDK_WINDOWING_X11) && defined (FZ_HAVE_CAIRO_XLIB)
  g_signal_connect (window, "realize", G_CALLBACK (pin_upload_pool), NULL);
#endif
}
