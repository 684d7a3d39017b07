/* fz-drag-source.c: another program's window that report files are dragged from
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built for the tests only.  `fz-drag-source TITLE FILE…` shows a window
 * titled TITLE that is one large drag source offering FILE… as a
 * GdkFileList, which GDK serialises as text/uri-list: what a file manager
 * offers.  It prints "ready XID" on stdout once the window is mapped (the
 * X window to move it by, 0 on another windowing system), prints
 * "dropped" when a drag ends in a drop somewhere, and quits when its
 * window is closed or its stdin is closed.
 */

#include <gtk/gtk.h>
#include <stdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static GdkContentProvider *
on_prepare (GtkDragSource *source,
            double         x,
            double         y,
            gpointer       data)
{
  GSList *files = data;
  GdkFileList *list = gdk_file_list_new_from_list (files);
  GdkContentProvider *content;

  /* The provider keeps a copy of the boxed list. */
  content = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, list);
  g_boxed_free (GDK_TYPE_FILE_LIST, list);

  return content;
}

static void
on_drop_performed (GdkDrag *drag,
                   gpointer data)
{
  printf ("dropped\n");
  fflush (stdout);
}

/* The target's answer, which xdotool cannot see: the test reads it here. */
static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       data)
{
  printf ("drag-begin\n");
  fflush (stdout);
  g_signal_connect (drag, "drop-performed", G_CALLBACK (on_drop_performed), NULL);
}

static void
on_map (GtkWidget *window,
        gpointer   data)
{
  unsigned long xid = 0;

#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (GDK_IS_X11_SURFACE (surface))
    xid = gdk_x11_surface_get_xid (surface);
#endif
  printf ("ready %lu\n", xid);
  fflush (stdout);
}

static gboolean
on_stdin (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      data)
{
  gboolean *done = data;
  char buffer[64];
  gsize n = 0;

  /* The test closed its end: it is over, whatever state the drag is in. */
  if (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) != G_IO_STATUS_NORMAL || n == 0)
    {
      *done = TRUE;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
on_destroy (GtkWidget *window,
            gpointer   data)
{
  gboolean *done = data;

  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GIOChannel) input = NULL;
  GSList *files = NULL;
  GtkDragSource *source;
  GtkWidget *window, *label;
  gboolean done = FALSE;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s TITLE FILE…\n", argv[0]);
      return 2;
    }

  gtk_init ();

  for (int i = argc - 1; i >= 2; i--)
    files = g_slist_prepend (files, g_file_new_for_commandline_arg (argv[i]));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), argv[1]);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 400);
  label = gtk_label_new ("Drag the reports from here");
  gtk_window_set_child (GTK_WINDOW (window), label);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_prepare), files);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &done);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, &done);

  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_slist_free_full (files, g_object_unref);

  return 0;
}
