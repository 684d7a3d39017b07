/* test-window-batch.c: a batch of reports in the window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "libfazhi.h"
#include "fz-cell-text.h"
#include "fz-copy-window.h"
#include "fz-findings-view.h"
#include "fz-window-test-utils.h"

static FzApplication *app;

static gboolean
file_is_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Chooses the entry labelled @label in the batch's filter drop-down. */
static gboolean
select_filter (FzBatchPage *batch,
               const char  *label)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  fz_test_collect_widgets (GTK_WIDGET (batch), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i));

      for (guint k = 0; GTK_IS_STRING_LIST (model) && k < g_list_model_get_n_items (model); k++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), k), label) == 0)
          {
            gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, i), k);
            fz_test_flush_main_loop ();
            return TRUE;
          }
    }

  return FALSE;
}

/* A cell of the matrix showing @text, with the style class @css_class
 * when that is given. */
static GtkWidget *
find_cell (FzBatchPage *batch,
           const char  *text,
           const char  *css_class)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  fz_test_flush_main_loop ();
  fz_test_collect_widgets (GTK_WIDGET (batch), FZ_TYPE_CELL_TEXT, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      if (g_strcmp0 (fz_cell_text_get_text (FZ_CELL_TEXT (cell)), text) == 0 &&
          gtk_widget_get_mapped (cell) &&
          (css_class == NULL || gtk_widget_has_css_class (cell, css_class)))
        return cell;
    }

  return NULL;
}

static void
show_batch (FzBatchPage *batch)
{
  AdwTabView *tabs = ADW_TAB_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (batch), ADW_TYPE_TAB_VIEW));

  adw_tab_view_set_selected_page (tabs, adw_tab_view_get_page (tabs, GTK_WIDGET (batch)));
  fz_test_spin (50);
}

static void
check_pinned_units (FzBatchPage *batch)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkColumnView *units = NULL, *matrix = NULL;
  GtkScrolledWindow *units_scroller, *matrix_scroller;
  GtkAdjustment *hadjustment;
  graphene_rect_t before, after, title_before, title_after;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GtkWidget *unit_cell = NULL, *title_cell = NULL;

  fz_test_collect_widgets (GTK_WIDGET (batch), GTK_TYPE_COLUMN_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (views, i), "batch-units"))
      units = g_ptr_array_index (views, i);
    else
      matrix = g_ptr_array_index (views, i);
  g_assert_nonnull (units);
  g_assert_nonnull (matrix);
  /* One selection: a row is selected across both. */
  g_assert_true (gtk_column_view_get_model (units) == gtk_column_view_get_model (matrix));

  units_scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (units), GTK_TYPE_SCROLLED_WINDOW));
  matrix_scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (matrix), GTK_TYPE_SCROLLED_WINDOW));

  /* Narrow enough that the matrix must scroll sideways. */
  gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (batch))), 800, 600);
  fz_test_spin (300);

  fz_test_collect_widgets (GTK_WIDGET (units), FZ_TYPE_CELL_TEXT, cells);
  for (guint i = 0; i < cells->len && unit_cell == NULL; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (cells, i)))
      unit_cell = g_ptr_array_index (cells, i);
  g_ptr_array_set_size (cells, 0);
  fz_test_collect_widgets (GTK_WIDGET (matrix), FZ_TYPE_CELL_TEXT, cells);
  for (guint i = 0; i < cells->len && title_cell == NULL; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (cells, i)))
      title_cell = g_ptr_array_index (cells, i);
  g_assert_nonnull (unit_cell);
  g_assert_nonnull (title_cell);

  hadjustment = gtk_scrolled_window_get_hadjustment (matrix_scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  g_assert_true (gtk_widget_compute_bounds (unit_cell, GTK_WIDGET (batch), &before));
  g_assert_true (gtk_widget_compute_bounds (title_cell, GTK_WIDGET (batch), &title_before));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  fz_test_spin (100);
  g_assert_true (gtk_widget_compute_bounds (unit_cell, GTK_WIDGET (batch), &after));
  g_assert_true (gtk_widget_compute_bounds (title_cell, GTK_WIDGET (batch), &title_after));
  g_assert_cmpfloat (after.origin.x, ==, before.origin.x);
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y);
  /* The other columns did move. */
  g_assert_cmpfloat (title_after.origin.x, <, title_before.origin.x);
  gtk_adjustment_set_value (hadjustment, 0);

  /* Scrolled down, both views go together. */
  {
    GtkAdjustment *matrix_v = gtk_scrolled_window_get_vadjustment (matrix_scroller);
    GtkAdjustment *units_v = gtk_scrolled_window_get_vadjustment (units_scroller);

    gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (batch))), 800, 420);
    fz_test_spin (300);
    if (gtk_adjustment_get_upper (matrix_v) > gtk_adjustment_get_page_size (matrix_v))
      {
        gtk_adjustment_set_value (matrix_v, gtk_adjustment_get_upper (matrix_v));
        fz_test_spin (50);
        g_assert_cmpfloat (gtk_adjustment_get_value (units_v), ==, gtk_adjustment_get_value (matrix_v));
        gtk_adjustment_set_value (units_v, 0);
        fz_test_spin (50);
        g_assert_cmpfloat (gtk_adjustment_get_value (matrix_v), ==, 0);
      }
    /* Back to a size that shows every row of the fixture batch. */
    gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (batch))), 1400, 860);
    fz_test_spin (300);
  }
}

/* Whether @report lists each of @copies once among its findings: in the
 * ones added, and in all of them, after the analysis's own. */
static void
assert_copies_listed_once (FzReport  *report,
                           GPtrArray *copies)
{
  GPtrArray *added = fz_report_get_added_findings (report);
  GPtrArray *all = fz_report_get_findings (report);
  guint n_checked = fz_analysis_get_findings (fz_report_get_analysis (report))->len;

  g_assert_cmpuint (added->len, ==, copies->len);
  for (guint i = 0; i < copies->len; i++)
    {
      const FzFinding *copy = g_ptr_array_index (copies, i);
      const FzFinding *listed = g_ptr_array_index (all, n_checked + i);

      g_assert_true (g_ptr_array_index (added, i) == listed);
      g_assert_cmpstr (listed->id, ==, copy->id);
      g_assert_cmpuint (listed->start, ==, copy->start);
      g_assert_cmpuint (listed->end, ==, copy->end);
    }
}

static void
test_window_batch (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (TESTDATADIR "/batch/reports");
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autofree char *ledger_path = g_build_filename (tmpdir, "ledger.csv", NULL);
  g_autoptr(GFile) ledger = g_file_new_for_path (ledger_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *element_id = NULL;
  FzBatchEntry *entry = NULL;
  FzBatchPage *batch;
  FzReportPage *page;
  FzWindow *window;
  GListModel *entries;
  GSList *files;
  FzStatus status, machine;
  guint n_rows, n_missing, n_copied = 0, n_unread = 0;

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* A folder dropped on the window is a batch, read in the background. */
  files = g_slist_append (NULL, folder);
  fz_test_drop_files (window, files);
  g_slist_free (files);
  batch = fz_window_get_current_batch (window);
  g_assert_nonnull (batch);
  g_assert_null (fz_window_get_current_report (window));
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  fz_test_wait_for_batch (batch);
  fz_test_flush_main_loop ();

  entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
  n_rows = fz_batch_page_get_n_rows (batch);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (entries));
  g_assert_cmpuint (n_rows, >=, 5);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_state (e) != FZ_BATCH_ENTRY_DONE)
        n_unread++;
    }

  /* The unit column stays where it is when the matrix scrolls sideways,
   * and goes up and down with it. */
  check_pinned_units (batch);

  /* "Missing or partial: causes" keeps exactly the reports that lack it. */
  element_id = g_strdup ("causes");
  fz_batch_page_filter_missing (batch, element_id);
  n_missing = 0;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_status (e, element_id, &status) &&
          (status == FZ_STATUS_MISSING || status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW))
        {
          n_missing++;
          if (entry == NULL)
            entry = e;
        }
    }
  g_assert_cmpuint (n_missing, >, 0);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_missing);
  g_assert_true (fz_batch_page_get_row (batch, 0) != NULL);
  fz_batch_page_filter_missing (batch, NULL);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_rows);
  g_assert_nonnull (entry);

  /* Activating its row opens the report; deciding there shows in the
   * matrix at once. */
  g_signal_emit_by_name (batch, "open-report", entry);
  page = fz_window_get_current_report (window);
  g_assert_nonnull (page);
  fz_test_wait_for_page (page);
  g_assert_true (fz_batch_entry_get_machine_status (entry, element_id, &machine));
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, 0);
  g_assert_true (select_filter (batch, "Reports not yet reviewed"));
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_rows - n_unread);
  g_assert_true (fz_test_set_decision (page, element_id, FZ_STATUS_PRESENT,
                                              "原因在第二部分末尾有分析"));
  g_assert_true (fz_batch_entry_get_status (entry, element_id, &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, 1);
  /* The reviewer named in the review is the ledger's 审查人. */
  fz_review_set_reviewer (fz_report_get_review (fz_report_page_get_report (page)), "李审查");
  g_assert_cmpstr (fz_batch_entry_get_reviewer (entry), ==, "李审查");
  /* Confirming every required element takes the report off the
   * unreviewed list, and its row says so. */
  for (guint i = 0; i < fz_analysis_get_elements (fz_report_get_analysis (fz_report_page_get_report (page)))->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (fz_analysis_get_elements (fz_report_get_analysis (fz_report_page_get_report (page))), i);
      FzStatus verdict = r->status == FZ_STATUS_NEEDS_REVIEW ? FZ_STATUS_PARTIAL : r->status;

      if (r->required && !fz_test_get_decision (page, r->id, NULL, NULL))
        g_assert_true (fz_test_set_decision (page, r->id, verdict, NULL));
    }
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, fz_batch_entry_get_n_required (entry));
  fz_test_flush_main_loop ();
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_rows - n_unread - 1);
  {
    g_autofree char *progress = g_strdup_printf ("%u/%u", fz_batch_entry_get_n_required (entry),
                                                 fz_batch_entry_get_n_required (entry));

    g_assert_true (select_filter (batch, "All reports"));
    show_batch (batch);
    g_assert_true (find_cell (batch, progress, "success") != NULL);
  }
  fz_batch_page_filter_missing (batch, element_id);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_missing - 1);
  fz_batch_page_filter_missing (batch, NULL);

  /* A report that shares passages opens with them among its findings. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);
      GPtrArray *copies = fz_batch_entry_get_copy_findings (e);
      FzReportPage *copied;

      if (copies == NULL || copies->len == 0)
        continue;

      g_signal_emit_by_name (batch, "open-report", e);
      copied = fz_window_get_current_report (window);
      fz_test_wait_for_page (copied);
      assert_copies_listed_once (fz_report_page_get_report (copied), copies);
      /* The problems list follows the report's findings. */
      g_assert_cmpuint (fz_findings_view_get_n_findings (fz_test_find_widget (GTK_WIDGET (copied), FZ_TYPE_FINDINGS_VIEW)),
                        ==, fz_analysis_get_findings (fz_report_get_analysis (fz_report_page_get_report (copied)))->len +
                              copies->len);
      /* Opened again: the same findings, not twice. */
      g_signal_emit_by_name (batch, "open-report", e);
      g_assert_true (fz_window_get_current_report (window) == copied);
      assert_copies_listed_once (fz_report_page_get_report (copied), copies);
      n_copied++;
      break;
    }
  g_assert_cmpuint (n_copied, ==, 1);

  /* Each pair of reports sharing passages opens side by side. */
  {
    GPtrArray *copies = fz_batch_get_copies (fz_batch_page_get_batch (batch));
    GtkWidget *compare;

    g_assert_cmpuint (copies->len, >, 0);
    compare = fz_copy_window_new (g_ptr_array_index (copies, 0));
    g_assert_cmpuint (fz_copy_window_get_n_passages (FZ_COPY_WINDOW (compare)), ==,
                      ((FzBatchCopy *) g_ptr_array_index (copies, 0))->passages->len);
    fz_copy_window_show_passage (FZ_COPY_WINDOW (compare), 1);
    gtk_window_present (GTK_WINDOW (compare));
    fz_test_flush_main_loop ();
    gtk_window_destroy (GTK_WINDOW (compare));
  }

  /* A grade of the reviewer's own, and the ledger that records it. */
  fz_batch_entry_set_grade_override (entry, FZ_GRADE_FAIR);
  show_batch (batch);
  g_assert_true (fz_window_get_current_batch (window) == batch);
  g_assert_true (fz_window_export_ledger (window, ledger));
  g_assert_true (g_file_get_contents (ledger_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "fair"));
  g_assert_nonnull (strstr (csv, "李审查"));

  /* Every report's memo and the summary memo, into a folder. */
  {
    g_autofree char *memos_path = g_build_filename (tmpdir, "memos", NULL);
    g_autofree char *summary_path = NULL;
    g_autoptr(GFile) memos = g_file_new_for_path (memos_path);
    g_autoptr(GDir) dir = NULL;
    const char *name;
    guint n_files = 0, n_read = 0;

    g_assert_cmpint (g_mkdir (memos_path, 0700), ==, 0);
    summary_path = g_build_filename (memos_path, "关于2024年度法治政府建设年度报告的汇总审查意见.docx", NULL);
    fz_window_export_batch_memos (window, memos);
    fz_test_wait_until (file_is_written, summary_path);
    fz_test_flush_main_loop ();

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

        if (fz_batch_entry_get_analysis (e) != NULL)
          n_read++;
      }
    dir = g_dir_open (memos_path, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (memos_path, name, NULL);

        n_files++;
        g_unlink (path);
      }
    g_assert_cmpuint (n_files, ==, n_read + 1);
    g_rmdir (memos_path);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  /* The same folder again: the grade comes back with the batch, and the
   * decision with the report's own review. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  files = g_slist_append (NULL, folder);
  batch = fz_test_drop_batch (window, files);
  g_slist_free (files);
  entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
  entry = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_grade_override (e) == FZ_GRADE_FAIR)
        entry = e;
    }
  g_assert_nonnull (entry);
  g_assert_true (fz_batch_entry_get_status (entry, element_id, &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  g_unlink (ledger_path);
  g_rmdir (tmpdir);
}

/* A report about another year than the batch's stands out, and a report
 * whose unit and title were not recognised says so in its row. */
static void
test_window_batch_years (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (TESTDATADIR "/batch/reports");
  g_autoptr(GFile) previous = g_file_new_for_path (TESTDATADIR "/batch/previous/c-hongqiao-2023.txt");
  g_autoptr(GFile) untitled = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autofree char *untitled_path = g_build_filename (tmpdir, "no-title.txt", NULL);
  g_autoptr(GError) error = NULL;
  FzBatchPage *batch;
  FzWindow *window;
  GListModel *entries;
  GSList *files = NULL;
  guint n_off = 0;

  /* A report with no title, no addressee, no signature: only its text. */
  g_assert_true (g_file_set_contents (untitled_path,
                                      "2024年，本镇扎实推进法治政府建设，完善依法行政制度体系。\n"
                                      "一、主要举措和成效\n全年开展普法活动12场，覆盖群众3000余人。\n"
                                      "二、存在的不足和原因\n法治宣传形式较为单一，原因是人员不足。\n"
                                      "三、下一步工作安排\n继续加强执法队伍建设。\n", -1, &error));
  g_assert_no_error (error);
  untitled = g_file_new_for_path (untitled_path);

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  files = g_slist_append (files, folder);
  files = g_slist_append (files, previous);
  files = g_slist_append (files, untitled);
  batch = fz_test_drop_batch (window, files);
  g_slist_free (files);

  g_assert_cmpint (fz_batch_get_year (fz_batch_page_get_batch (batch)), ==, 2024);
  entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_is_off_year (fz_batch_page_get_batch (batch), e))
        {
          n_off++;
          g_assert_cmpint (fz_batch_entry_get_year (e), ==, 2023);
        }
    }
  g_assert_cmpuint (n_off, ==, 1);
  g_assert_nonnull (find_cell (batch, "2023 ⚠", "warning"));
  g_assert_true (select_filter (batch, "Reports about another year"));
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, 1);
  g_assert_true (select_filter (batch, "All reports"));

  /* No blank cells for the report nothing was recognised in. */
  g_assert_nonnull (find_cell (batch, "no-title.txt", "dim-label"));
  g_assert_nonnull (find_cell (batch, "Title not recognised", "dim-label"));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  g_unlink (untitled_path);
  g_rmdir (tmpdir);
}

static int
measured_height (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return minimum;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *left = data;

  if (*left > 0)
    (*left)--;
  return *left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
no_frame_left (gpointer data)
{
  return *(guint *) data == 0;
}

/* Styles change in a frame: two frames on, the last change is in. */
static void
wait_two_frames (GtkWidget *widget)
{
  guint left = 2;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  fz_test_wait_until (no_frame_left, &left);
}

/* What the widget itself draws, now: not the last frame's. */
static gboolean
draws_something (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL;
}

/* The matrix's cells: as tall as a line of their font whatever their
 * text, as wide as their column gives them, and drawn with what they say. */
static void
test_cell_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *empty = fz_cell_text_new ();
  GtkWidget *cell = fz_cell_text_new ();
  GtkWidget *title = fz_cell_text_new ();
  int line, minimum, natural;

  fz_cell_text_set_text (FZ_CELL_TEXT (cell), "中共湖头镇委员会 湖头镇人民政府关于2024年度法治政府建设情况的报告");
  fz_cell_text_set_text (FZ_CELL_TEXT (title), "具备");
  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (box), empty);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_size_request (box, 120, -1);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  line = measured_height (cell);
  g_assert_cmpint (line, >, 0);
  g_assert_cmpint (measured_height (empty), ==, line);
  /* Another font, another height: the line's height is per font. */
  g_assert_cmpint (measured_height (title), >, line);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);

  /* A longer text is cut at the width, not measured. */
  fz_cell_text_set_text (FZ_CELL_TEXT (empty), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
  fz_test_flush_main_loop ();
  g_assert_cmpint (measured_height (empty), ==, line);
  g_assert_cmpint (gtk_widget_get_width (empty), ==, 120);
  g_assert_cmpstr (fz_cell_text_get_text (FZ_CELL_TEXT (empty)), ==,
                   "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
  g_assert_true (draws_something (empty));

  fz_cell_text_set_text (FZ_CELL_TEXT (empty), NULL);
  g_assert_null (fz_cell_text_get_text (FZ_CELL_TEXT (empty)));
  g_assert_false (draws_something (empty));

  /* The title's font grows back to the others' when its class goes. */
  gtk_widget_remove_css_class (title, "title-1");
  wait_two_frames (title);
  g_assert_cmpint (measured_height (title), ==, line);
  g_assert_true (draws_something (title));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = fz_test_window_init (&argc, &argv);
  int ret;

  g_test_add_func ("/app/window/batch", test_window_batch);
  g_test_add_func ("/app/window/batch-years", test_window_batch_years);
  g_test_add_func ("/app/window/batch-cell-text", test_cell_text);

  app = fz_test_create_application ();
  ret = g_test_run ();
  g_clear_object (&app);
  fz_test_remove_tree (data_dir);

  return ret;
}
