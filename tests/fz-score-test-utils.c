/* fz-score-test-utils.c: what the score and filing window tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fz-app-resources.h"
#include "fz-score-test-utils.h"
#include "fz-test-utils.h"
#include "fz-window-test-utils.h"
#include "fz-file-util.h"

char *fz_score_test_dir;

/* The visible label under @widget whose text is @text, or NULL. */
GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  fz_test_collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_get_visible (g_ptr_array_index (labels, i)))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* A visible label under @widget whose text starts with @prefix. */
gboolean
has_label_starting (GtkWidget  *widget,
                    const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  fz_test_collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix) &&
        gtk_widget_get_visible (g_ptr_array_index (labels, i)))
      return TRUE;

  return FALSE;
}

GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  fz_test_collect_widgets (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GFile *
fixture (const char *name)
{
  return g_file_new_build_filename (TESTDATADIR, "score", name, NULL);
}

FzReport *
load_report (const char    *name,
             FzReviewStore *reviews,
             FzRuleSet     *rules)
{
  g_autoptr(GFile) file = fixture (name);
  FzReport *report = fz_report_new (file, reviews, NULL);
  g_autoptr(GError) error = NULL;

  if (rules != NULL)
    fz_report_set_ruleset (report, rules);
  g_assert_true (fz_report_load (report, NULL, &error));
  g_assert_no_error (error);

  return report;
}

FzReviewStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (fz_score_test_dir, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return fz_review_store_new (folder);
}

GtkWindow *
host (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 520, 1400);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  fz_test_flush_main_loop ();

  return window;
}

guint
count_findings (FzReport   *report,
                const char *id)
{
  return fz_test_count_id (fz_report_get_findings (report), id);
}

void
record_range (GObject *view,
              guint    start,
              guint    end,
              guint   *range)
{
  range[0] = start;
  range[1] = end;
  range[2]++;
}

FzDateRow *
date_row (FzFilingView *view,
          guint         index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  fz_test_collect_widgets (GTK_WIDGET (view), FZ_TYPE_DATE_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  return g_ptr_array_index (rows, index);
}

/* Received 5 March 2025 by the exchange system: past 1 March, so filed
 * late — the row says so, the report has filed_late and 按时报送和公开
 * loses 4 of its 10.  The page identical to the report adds no
 * difference and fills in its date (20 March, on time) and address. */
void
fz_score_test_init (int    *argc,
                    char ***argv)
{
  fz_score_test_dir = g_dir_make_tmp ("fazhi-window-score-XXXXXX", NULL);
  g_assert_nonnull (fz_score_test_dir);
  /* Reviews (data) and the reviewer's rule sets (config) in a folder of
   * the test's own, removed at the end. */
  g_setenv ("XDG_DATA_HOME", fz_score_test_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", fz_score_test_dir, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  fz_init ();
  /* Referencing the bundle links in the constructor that registers it,
   * as the application does; a test of widgets alone needs it too. */
  (void) fz_app_get_resource ();
}

void
fz_score_test_finish (void)
{
  fz_remove_tree (fz_score_test_dir);
  g_clear_pointer (&fz_score_test_dir, g_free);
}
