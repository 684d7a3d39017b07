/* bench-window.c: how soon the reviewer sees a report, and whether the
 * window stays responsive while a large one loads
 *
 * Prints, for the real window under a display (meson runs it in xvfb-run):
 *   - the median time from fz_window_open_file() to the first frame painted
 *     with the analysed, highlighted report and its checklist, for a seed
 *     (goal < 100 ms), how much of it passed before the analysis was
 *     ready, and when the views drawn later (outline, problems, memo)
 *     had it too;
 *   - for a report of about 2 MB, the same time, the time until its whole
 *     text is in the view, and the longest main-loop stall from the open
 *     until the frames after that are drawn (goal < 16 ms, one frame);
 *   - for a batch of 500 reports opened as a folder, the time until the
 *     matrix is complete and the longest main-loop stall meanwhile (goal
 *     < 16 ms).
 *
 * A stall is measured as the longest gap between two runs of a 1 ms
 * timeout at high priority: nothing else can make the window wait longer
 * than the main loop does.
 *
 * Beside the wall-clock figures it prints the CPU time the main thread
 * spent on each seed open, in three parts: making the tab, reading it
 * until the text and checklist are in (the frames of the text among
 * them), and the frame that draws the checklist.  On a machine
 * busy with other work the wall clock waits for the processor, the CPU
 * time does not.
 *
 * Arguments name the parts to run (seed, large, batch); none runs all.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "libfazhi.h"
#include "fz-application.h"
#include "fz-report-view.h"
#include "fz-window.h"

#define RUNS        10
#define LARGE_BYTES (2 * 1024 * 1024)
#define BATCH_SIZE  500

typedef struct
{
  gint64 last;
  gint64 longest;
  gint64 longest_end;
  guint  id;
} StallMonitor;

static gboolean
stall_tick (gpointer data)
{
  StallMonitor *monitor = data;
  gint64 now = g_get_monotonic_time ();

  if (now - monitor->last > monitor->longest)
    {
      monitor->longest = now - monitor->last;
      monitor->longest_end = now;
    }
  monitor->last = now;

  return G_SOURCE_CONTINUE;
}

/* Starts watching now: whatever the caller does next without returning
 * to the main loop, as a drop handler would, counts as a stall too. */
static void
stall_monitor_start (StallMonitor *monitor)
{
  monitor->last = g_get_monotonic_time ();
  monitor->longest = 0;
  monitor->id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick, monitor, NULL);
}

static double
stall_monitor_stop (StallMonitor *monitor)
{
  g_clear_handle_id (&monitor->id, g_source_remove);

  /* The timer itself asks for a 1 ms gap. */
  return MAX (0, monitor->longest - 1000) / 1000.0;
}

/* CPU time of the calling thread, in microseconds. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 *painted = data;

  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

/* Presents @window and waits until it has drawn itself once: the stall
 * monitor watches a report load, not a window being made. */
static void
present_and_draw (FzWindow *window)
{
  GdkFrameClock *clock;
  gint64 painted = 0;
  gulong id;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The page's text view, to wait for the last piece of a long text. */
static FzReportView *
find_report_view (GtkWidget *widget)
{
  if (FZ_IS_REPORT_VIEW (widget))
    return FZ_REPORT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FzReportView *view = find_report_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

static gboolean
settle_done (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a quarter of a second more: the frames that
 * follow the last change are part of the load, and the stall monitor
 * must tick after them for their time to count. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, settle_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens @file in @window, or in a fresh window when it is NULL, and
 * returns the milliseconds until the first frame painted after the
 * analysis reached the page.  With a @monitor, the stalls are watched
 * until the whole text is in the view and drawn, and @filled gets that
 * time.  A fresh window is destroyed afterwards; in @window the report's
 * tab is closed. */
static double
open_in (FzApplication *app,
         FzWindow      *reused,
               GFile         *file,
               StallMonitor  *monitor,
               double        *stall,
               double        *filled,
               double        *analysed,
               double        *all_views,
               double        *cpu)
{
  gint64 c1 = 0, c2 = 0;
  FzWindow *window = reused != NULL ? reused : fz_window_new (app);
  GdkFrameClock *clock;
  FzReportPage *page;
  gint64 painted = 0;
  gint64 loaded;
  gint64 t0, c0;
  gulong id;

  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (monitor != NULL)
    stall_monitor_start (monitor);

  t0 = g_get_monotonic_time ();
  c0 = thread_cpu_time ();
  page = fz_window_open_file (window, file);
  c1 = thread_cpu_time ();
  while (fz_report_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);
  g_assert (fz_report_page_get_analysis (page) != NULL);
  loaded = g_get_monotonic_time ();
  c2 = thread_cpu_time ();

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  if (cpu != NULL)
    {
      cpu[0] = (c1 - c0) / 1000.0;
      cpu[1] = (c2 - c1) / 1000.0;
      cpu[2] = (thread_cpu_time () - c2) / 1000.0;
    }

  /* The outline, the problems and the memo take the report in the
   * frames after. */
  while (fz_report_page_get_filling (page))
    g_main_context_iteration (NULL, TRUE);
  if (all_views != NULL)
    *all_views = (g_get_monotonic_time () - t0) / 1000.0;

  if (monitor != NULL)
    {
      FzReportView *view = find_report_view (GTK_WIDGET (page));
      gint64 all_in;

      while (view != NULL && fz_report_view_get_filling (view))
        g_main_context_iteration (NULL, TRUE);
      all_in = g_get_monotonic_time ();
      settle ();
      *stall = stall_monitor_stop (monitor);
      if (filled != NULL)
        *filled = (all_in - t0) / 1000.0;
      printf ("  analysed after %.0f ms, painted after %.0f ms, the whole text in after %.0f ms; "
              "the longest stall ended %.0f ms after opening\n",
              (loaded - t0) / 1000.0, (painted - t0) / 1000.0, (all_in - t0) / 1000.0,
              (monitor->longest_end - t0) / 1000.0);
    }

  if (analysed != NULL)
    *analysed = (loaded - t0) / 1000.0;
  if (reused != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL);
  else
    gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return (painted - t0) / 1000.0;
}

static double
open_and_wait (FzApplication *app,
               GFile         *file,
               StallMonitor  *monitor,
               double        *stall,
               double        *filled,
               double        *analysed,
               double        *cpu)
{
  return open_in (app, NULL, file, monitor, stall, filled, analysed, NULL, cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GFile *
dup_seed (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *seeds = corpus != NULL ? g_build_filename (corpus, "seeds", NULL) : NULL;
  g_autoptr(GDir) dir = seeds != NULL ? g_dir_open (seeds, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));

  if (names->len == 0)
    return fz_application_dup_sample_file ();

  g_ptr_array_sort (names, compare_names);
  return g_file_new_build_filename (seeds, g_ptr_array_index (names, 0), NULL);
}

/* A report of about LARGE_BYTES: @source's front matter, then its body
 * repeated under fresh numbered headings with shifted digits, so that the
 * outline, the figures and the findings grow with it as they would in a
 * compilation of many units' reports. */
static char *
write_large_report (GFile  *source,
                    char  **path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  int fd;

  if (!g_file_load_contents (source, NULL, &contents, NULL, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);

  for (guint round = 0; out->len < LARGE_BYTES; round++)
    for (guint i = 0; lines[i] != NULL && out->len < LARGE_BYTES; i++)
      {
        if (round > 0 && i < 6)
          continue;
        for (const char *p = lines[i]; *p; p++)
          g_string_append_c (out, round > 0 && g_ascii_isdigit (*p) ? '0' + (*p - '0' + round) % 10 : *p);
        g_string_append_c (out, '\n');
      }

  fd = g_file_open_tmp ("fazhi-bench-XXXXXX.txt", path, &error);
  if (fd < 0)
    g_error ("%s", error->message);
  close (fd);
  if (!g_file_set_contents (*path, out->str, out->len, &error))
    g_error ("%s", error->message);

  return g_string_free (out, FALSE);
}

static gboolean
batch_running (FzBatchPage *batch)
{
  return fz_batch_page_get_running (batch);
}

/* BATCH_SIZE reports in a fresh folder: @source with its unit's name and
 * its figures varied, so no two are the same file. */
static char *
write_batch (GFile *source)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fazhi-bench-batch-XXXXXX", &error);

  if (dir == NULL || !g_file_load_contents (source, NULL, &contents, NULL, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GString *out = g_string_new (NULL);

      for (const char *p = contents; *p; p++)
        g_string_append_c (out, g_ascii_isdigit (*p) && i > 0 ? '0' + (*p - '0' + i) % 10 : *p);
      g_string_append_printf (out, "\n（编号%u）\n", i);
      if (!g_file_set_contents (path, out->str, out->len, &error))
        g_error ("%s", error->message);
      g_string_free (out, TRUE);
    }

  return dir;
}

static void
remove_batch (const char *dir)
{
  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%03u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
bench_batch (FzApplication *app,
             GFile         *source)
{
  g_autofree char *dir = write_batch (source);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  FzWindow *window = fz_window_new (app);
  StallMonitor monitor = { 0 };
  FzBatchPage *batch;
  double stall;
  gint64 t0;

  present_and_draw (window);
  stall_monitor_start (&monitor);
  t0 = g_get_monotonic_time ();
  g_ptr_array_add (files, folder);
  batch = fz_window_open_batch (window, files);
  while (batch_running (batch))
    g_main_context_iteration (NULL, TRUE);
  /* The finished matrix's frames count too. */
  settle ();
  stall = stall_monitor_stop (&monitor);

  printf ("batch of %u reports: matrix complete after %.0f ms; longest main-loop stall %.1f ms (goal < 16 ms)\n",
          fz_batch_page_get_n_rows (batch), (g_get_monotonic_time () - t0) / 1000.0, stall);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_batch (dir);
}

/* Opens @seed RUNS times, in fresh windows or in @window, and prints the
 * medians. */
static void
bench_seed_runs (FzApplication *app,
                 FzWindow      *window,
                 GFile         *seed,
                 const char    *where)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) views = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *cpus[4];
  g_autofree char *seed_name = g_file_get_basename (seed);

  for (guint k = 0; k < G_N_ELEMENTS (cpus); k++)
    cpus[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < RUNS; i++)
    {
      double t, a, v, c[4];

      t = open_in (app, window, seed, NULL, NULL, NULL, &a, &v, c);
      g_array_append_val (views, v);
      c[3] = c[0] + c[1] + c[2];
      g_array_append_val (times, t);
      g_array_append_val (ready, a);
      for (guint k = 0; k < G_N_ELEMENTS (cpus); k++)
        g_array_append_val (cpus[k], c[k]);
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (ready, compare_doubles);
  g_array_sort (views, compare_doubles);
  for (guint k = 0; k < G_N_ELEMENTS (cpus); k++)
    g_array_sort (cpus[k], compare_doubles);
  printf ("open → highlighted report, %s, %s: median %.1f ms, worst %.1f ms over %u runs (goal < 100 ms)\n",
          seed_name, where, g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1), RUNS);
  printf ("  of which until the text and checklist were in: median %.1f ms; every view had it after %.1f ms\n",
          g_array_index (ready, double, ready->len / 2), g_array_index (views, double, views->len / 2));
  printf ("  main thread's CPU time meanwhile: median %.1f ms (the tab %.1f, the text and checklist in %.1f, "
          "the frame after %.1f); least %.1f ms\n",
          g_array_index (cpus[3], double, RUNS / 2), g_array_index (cpus[0], double, RUNS / 2),
          g_array_index (cpus[1], double, RUNS / 2), g_array_index (cpus[2], double, RUNS / 2),
          g_array_index (cpus[3], double, 0));
  for (guint k = 0; k < G_N_ELEMENTS (cpus); k++)
    g_array_unref (cpus[k]);
}

static void
bench_seed (FzApplication *app,
            GFile         *seed)
{
  FzWindow *window;

  /* The first open pays for loading fonts and styles once. */
  open_and_wait (app, seed, NULL, NULL, NULL, NULL, NULL);
  bench_seed_runs (app, NULL, seed, "each in a new window");

  /* What a reviewer does most: the next report dropped on the window
   * already open, whose renderer has the glyphs cached. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  open_in (app, window, seed, NULL, NULL, NULL, NULL, NULL, NULL);
  bench_seed_runs (app, window, seed, "in the open window");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
bench_large (FzApplication *app,
             GFile         *seed)
{
  g_autofree char *large_path = NULL;
  g_autofree char *large_text = write_large_report (seed, &large_path);
  g_autoptr(GFile) large = g_file_new_for_path (large_path);
  StallMonitor monitor = { 0 };
  double stall = 0, filled = 0, t;
  FzWindow *window = fz_window_new (app);

  /* Dropped on a window already open, as a reviewer does. */
  present_and_draw (window);
  t = open_in (app, window, large, &monitor, &stall, &filled, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  printf ("open → highlighted report, %.1f MB (%ld characters): %.0f ms; the whole text in after %.0f ms\n",
          strlen (large_text) / 1048576.0, g_utf8_strlen (large_text, -1), t, filled);
  printf ("longest main-loop stall while it loads, until its last frame: %.1f ms (goal < 16 ms)\n", stall);

  g_unlink (large_path);
}

static gboolean
wanted (int          argc,
        char        *argv[],
        const char  *part)
{
  if (argc < 2)
    return TRUE;
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], part))
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FzApplication) app = NULL;
  g_autoptr(GFile) seed = NULL;

  /* As the application does: the renderer for this machine. */
  fz_application_use_renderer ();
  gtk_init ();
  adw_init ();
  fz_init ();

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;

  printf ("renderer: %s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK’s choice");
  seed = dup_seed ();
  if (wanted (argc, argv, "seed"))
    bench_seed (app, seed);
  if (wanted (argc, argv, "large"))
    bench_large (app, seed);
  if (wanted (argc, argv, "batch"))
    bench_batch (app, seed);

  return 0;
}
