/* test-window-drag.c: a report dragged from another program's window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other window tests hand the drop target its value directly; this one
 * takes the path a reviewer's drag from the file manager takes.  A second
 * process (fz-drag-source) offers a report through a GtkDragSource, and
 * xdotool presses the pointer on it, moves it across to the review window
 * in steps and lets go, so the files cross between the two programs by
 * the X drag-and-drop protocol (XDND), as they do on a desktop.
 *
 * XDND needs no window manager: the source finds the window under the
 * pointer by walking the X window tree and talks to it through client
 * messages, so a bare Xvfb carries the drag.  Without a window manager
 * nothing places the windows either, so the test moves them side by side
 * itself.  It skips when xdotool is not installed or the display is not
 * an X11 one.
 */

#include "config.h"

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "libfazhi.h"
#include "fz-unit-name.h"
#include "fz-window-test-utils.h"

static FzApplication *app;

#ifdef GDK_WINDOWING_X11

/* Where the two windows are put on the screen (see meson.build for its size). */
#define SOURCE_X      20
#define SOURCE_Y      20
#define SOURCE_SIZE   400
#define WINDOW_X      460
#define WINDOW_Y      20

typedef struct {
  gboolean done;
  char    *line;
  GError  *error;
} LineRead;

static void
on_line_read (GObject      *stream,
              GAsyncResult *result,
              gpointer      data)
{
  LineRead *read = data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (stream), result,
                                                          NULL, &read->error);
  read->done = TRUE;
}

static gboolean
line_is_read (gpointer data)
{
  return ((LineRead *) data)->done;
}

/* The next line the helper prints, read while the window goes on with its
 * own events: the drop needs both programs answering. */
static char *
read_helper_line (GDataInputStream *stream)
{
  LineRead read = { FALSE, NULL, NULL };

  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, on_line_read, &read);
  fz_test_wait_until (line_is_read, &read);
  g_assert_no_error (read.error);
  g_assert_nonnull (read.line);

  return read.line;
}

static void
on_subprocess_done (GObject      *process,
                    GAsyncResult *result,
                    gpointer      data)
{
  gboolean *done = data;

  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *done = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs xdotool with @args (NULL-terminated) and returns what it printed.
 * The window's main loop runs meanwhile, as the pointer it moves crosses
 * the window. */
static char *
run_xdotool (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) output = NULL;
  gboolean done = FALSE;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_subprocess_done, &done);
  fz_test_wait_until (flag_is_set, &done);
  g_assert_true (g_subprocess_get_successful (process));

  output = g_input_stream_read_bytes (g_subprocess_get_stdout_pipe (process), 4096, NULL, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
}

static void
move_window (unsigned long xid,
             int           x,
             int           y)
{
  g_autofree char *id = g_strdup_printf ("%lu", xid);
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autofree char *output = run_xdotool ("windowmove", "--sync", id, xs, ys, NULL);
}

static gboolean
report_is_open (gpointer data)
{
  return fz_window_get_n_reports (data) > 0;
}

/* Presses at (@x0, @y0), moves to (@x1, @y1) in steps, as a hand does (GTK
 * starts a drag only past its threshold, and the target learns of the
 * drag from the motion over it), rests there and lets go. */
static void
drag_pointer (int x0,
              int y0,
              int x1,
              int y1)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  const int steps = 24;

  g_ptr_array_add (args, g_strdup ("xdotool"));
#define ADD(...) g_ptr_array_add (args, g_strdup_printf (__VA_ARGS__))
  ADD ("mousemove"); ADD ("%d", x0); ADD ("%d", y0);
  ADD ("sleep"); ADD ("0.2");
  ADD ("mousedown"); ADD ("1");
  ADD ("sleep"); ADD ("0.2");
  for (int i = 1; i <= steps; i++)
    {
      ADD ("mousemove"); ADD ("%d", x0 + (x1 - x0) * i / steps); ADD ("%d", y0 + (y1 - y0) * i / steps);
      ADD ("sleep"); ADD ("0.05");
    }
  ADD ("sleep"); ADD ("0.5");
  ADD ("mouseup"); ADD ("1");
#undef ADD
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_subprocess_done, &done);
  fz_test_wait_until (flag_is_set, &done);
  g_assert_true (g_subprocess_get_successful (process));
}

static void
test_window_drag_from_other_program (void)
{
  g_autoptr(GFile) report = g_file_new_for_path (SAMPLE_REPORT);
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GDataInputStream) helper_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *line = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *window_id = NULL;
  g_autofree char *window_name = NULL;
  unsigned long helper_xid = 0;
  unsigned long window_xid;
  GdkSurface *surface;
  FzReportPage *page;
  FzWindow *window;
  int width, height;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("The drag is driven by xdotool, which needs an X11 display");
      return;
    }

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  window_xid = gdk_x11_surface_get_xid (surface);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);

  /* The other program: its window offers the report. */
  helper = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             DRAG_SOURCE, "Reports to review", g_file_peek_path (report), NULL);
  g_assert_no_error (error);
  helper_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper));
  ready = read_helper_line (helper_out);
  g_assert_true (sscanf (ready, "ready %lu", &helper_xid) == 1);
  g_assert_cmpuint (helper_xid, !=, 0);

  /* No window manager places them: side by side, the source on the left. */
  move_window (helper_xid, SOURCE_X, SOURCE_Y);
  move_window (window_xid, WINDOW_X, WINDOW_Y);
  fz_test_spin (300);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (width, >, 0);
  g_test_message ("Dragging from (%d, %d) to (%d, %d)",
                  SOURCE_X + SOURCE_SIZE / 2, SOURCE_Y + SOURCE_SIZE / 2,
                  WINDOW_X + width / 2, WINDOW_Y + height / 2);
  drag_pointer (SOURCE_X + SOURCE_SIZE / 2, SOURCE_Y + SOURCE_SIZE / 2,
                WINDOW_X + width / 2, WINDOW_Y + height / 2);

  /* The source saw its drag begin and end in a drop… */
  line = read_helper_line (helper_out);
  g_assert_cmpstr (line, ==, "drag-begin");
  g_clear_pointer (&line, g_free);
  line = read_helper_line (helper_out);
  g_assert_cmpstr (line, ==, "dropped");

  /* …and the window took the file it carried: a tab for the report,
   * titled with its unit and year once read. */
  fz_test_wait_until (report_is_open, window);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  page = fz_window_get_report (window, 0);
  fz_test_wait_for_page (page);
  g_assert_null (fz_report_page_get_error_message (page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));

  short_title = fz_report_short_title (fz_report_get_analysis (fz_report_page_get_report (page)));
  g_assert_nonnull (short_title);
  g_assert_cmpstr (fz_report_page_get_title (page), ==, short_title);
  {
    g_autofree char *basename = g_file_get_basename (report);

    g_assert_cmpstr (fz_report_page_get_subtitle (page), ==, basename);
  }
  g_test_message ("The dropped report opened as “%s”", short_title);

  /* The title reached the X server, where a window list reads it. */
  fz_test_spin (200);
  window_id = g_strdup_printf ("%lu", window_xid);
  window_name = run_xdotool ("getwindowname", window_id, NULL);
  g_strchomp (window_name);
  g_assert_cmpstr (window_name, ==, short_title);

  /* Closing its input ends the helper. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (helper), NULL, NULL);
  {
    gboolean done = FALSE;

    g_subprocess_wait_async (helper, NULL, on_subprocess_done, &done);
    fz_test_wait_until (flag_is_set, &done);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

#endif /* GDK_WINDOWING_X11 */

static void
test_skip (gconstpointer reason)
{
  g_test_skip (reason);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  int ret;

  /* Without a display or xdotool there is nothing to drag with: say so
   * rather than fail, before GTK would abort for want of a display. */
  if (xdotool == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_data_func ("/app/window/drag-from-other-program",
                            xdotool == NULL ? "xdotool is not installed"
                                            : "No X display (xvfb-run is not installed)",
                            test_skip);
      return g_test_run ();
    }

  data_dir = fz_test_window_init (&argc, &argv);
#ifdef GDK_WINDOWING_X11
  g_test_add_func ("/app/window/drag-from-other-program", test_window_drag_from_other_program);
#else
  g_test_add_data_func ("/app/window/drag-from-other-program",
                        "GTK was built without X11, which the drag is driven through", test_skip);
#endif

  app = fz_test_create_application ();
  ret = g_test_run ();
  g_clear_object (&app);
  fz_test_remove_tree (data_dir);

  return ret;
}
