/* test-window-filing.c: the date row, the filing record and the
 * published page, as widgets on a report
 *
 * The points lost are worked out from data/rules/scoring-national.xml by
 * hand: filed late 4, published late 4, each paragraph published
 * otherwise 1 up to 2, of 按时报送和公开's 10.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-date-row.h"
#include "fz-filing-view.h"
#include "fz-page-compare-window.h"
#include "fz-published-view.h"
#include "fz-score-test-utils.h"
#include "fz-test-utils.h"
#include "fz-window-test-utils.h"

static gboolean
page_is_loaded (gpointer view)
{
  return !fz_published_view_get_loading (view);
}

static void
wait_for_page (FzPublishedView *view)
{
  fz_test_wait_until (page_is_loaded, view);
  fz_test_flush_main_loop ();
}

/* The date row -------------------------------------------------------------- */

static void
test_date_row (void)
{
  static const struct { const char *text; const char *date; } cases[] = {
    { "2025-03-05", "2025-03-05" },
    { "2025-3-5", "2025-03-05" },
    { "2025/3/5", "2025-03-05" },
    { "2025.3.5", "2025-03-05" },
    { "2025年3月5日", "2025-03-05" },
    { "２０２５年３月５日", "2025-03-05" },
    { " 2025 年 12 月 31 日 ", "2025-12-31" },
    { "2024-02-29", "2024-02-29" },
    { "2025-02-29", NULL },
    { "2025-13-01", NULL },
    { "2025-00-10", NULL },
    { "3月5日", NULL },
    { "yesterday", NULL },
    { "", NULL },
  };
  FzDateRow *row;
  GtkWindow *window;
  guint notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = fz_date_row_parse (cases[i].text);

      g_assert_cmpstr (date, ==, cases[i].date);
    }

  row = FZ_DATE_ROW (fz_date_row_new ());
  window = host (GTK_WIDGET (row));
  g_signal_connect_swapped (row, "notify::date", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Typing changes nothing until applied. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025年3月5日");
  g_assert_null (fz_date_row_get_date (row));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (fz_date_row_get_date (row), ==, "2025-03-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-03-05");
  g_assert_cmpuint (notified, ==, 1);

  /* A day that is none is refused and said; the date stays. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-30");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (fz_date_row_get_date (row), ==, "2025-03-05");
  g_assert_nonnull (fz_date_row_get_error (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpuint (notified, ==, 1);
  /* Mending the text takes the complaint away. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-28");
  g_assert_null (fz_date_row_get_error (row));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (fz_date_row_get_date (row), ==, "2025-02-28");

  /* Empty clears it. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_signal_emit_by_name (row, "apply");
  g_assert_null (fz_date_row_get_date (row));
  g_assert_cmpuint (notified, ==, 3);

  /* The calendar opens on the day recorded, and its button takes the day
   * picked. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2024-02-29");
  g_signal_emit_by_name (row, "apply");
  {
    GtkMenuButton *button = fz_test_find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover;
    GtkCalendar *calendar;
    GtkButton *use;
    g_autoptr(GDateTime) day = NULL;
    g_autoptr(GDateTime) picked = g_date_time_new_local (2025, 3, 7, 0, 0, 0);

    g_assert_nonnull (button);
    gtk_menu_button_popup (button);
    fz_test_flush_main_loop ();
    popover = gtk_menu_button_get_popover (button);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    calendar = fz_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR);
    day = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_year (day), ==, 2024);
    g_assert_cmpint (g_date_time_get_month (day), ==, 2);
    g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 29);

    gtk_calendar_select_day (calendar, picked);
    use = NULL;
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      /* The calendar's own arrows are buttons too. */
      fz_test_collect_widgets (GTK_WIDGET (popover), GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
          use = g_ptr_array_index (buttons, i);
    }
    g_assert_nonnull (use);
    g_assert_true (strstr (gtk_button_get_label (use), "2025-03-07") != NULL);
    g_signal_emit_by_name (use, "clicked");
    fz_test_flush_main_loop ();
    g_assert_cmpstr (fz_date_row_get_date (row), ==, "2025-03-07");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

    /* Opened again, it is the same calendar, on the new day. */
    gtk_menu_button_popup (button);
    fz_test_flush_main_loop ();
    g_assert_true (gtk_menu_button_get_popover (button) == popover);
    g_clear_pointer (&day, g_date_time_unref);
    day = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 7);
    gtk_menu_button_popdown (button);
  }

  gtk_window_destroy (window);
  fz_test_flush_main_loop ();

  /* Typed and left behind, it is applied all the same. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *other = gtk_button_new_with_label ("next");

    row = FZ_DATE_ROW (fz_date_row_new ());
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (row));
    gtk_box_append (GTK_BOX (box), other);
    window = host (box);
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
    fz_test_flush_main_loop ();
    gtk_editable_set_text (GTK_EDITABLE (row), "2025.4.1");
    g_assert_true (gtk_widget_grab_focus (other));
    fz_test_flush_main_loop ();
    g_assert_cmpstr (fz_date_row_get_date (row), ==, "2025-04-01");
    gtk_window_destroy (window);
    fz_test_flush_main_loop ();
  }
}

/* The filing record and the published page ---------------------------------- */

static void
test_filing_view (void)
{
  g_autoptr(FzReviewStore) reviews = new_store ("reviews-filing");
  g_autoptr(FzReport) report = load_report ("score-full.txt", reviews, NULL);
  g_autoptr(GFile) identical = fixture ("page-identical.html");
  g_autoptr(GFile) changed = fixture ("page-changed.mht");
  g_autoptr(GFile) broken = NULL;
  g_autofree char *broken_path = g_build_filename (fz_score_test_dir, "broken.mht", NULL);
  FzFiling *filing = fz_review_get_filing (fz_report_get_review (report));
  FzScoreItem *timeliness = fz_score_find_item (fz_report_get_score (report), "timeliness");
  FzFilingView *view = FZ_FILING_VIEW (fz_filing_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  FzPublishedView *pages = fz_filing_view_get_published_view (view);
  FzDateRow *received, *published;
  AdwComboRow *channel;
  GListModel *differences;
  g_autoptr(GPtrArray) list_rows = g_ptr_array_new ();
  GtkListBox *list;
  guint range[3] = { 0, 0, 0 };
  guint n;

  fz_filing_view_set_report (view, report);
  fz_test_flush_main_loop ();
  g_signal_connect (view, "reveal-range", G_CALLBACK (record_range), range);
  received = date_row (view, 0);
  published = date_row (view, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "No date recorded"));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10, 0.001);

  gtk_editable_set_text (GTK_EDITABLE (received), "2025年3月5日");
  g_signal_emit_by_name (received, "apply");
  g_assert_cmpstr (fz_filing_get_received (filing), ==, "2025-03-05");
  g_assert_cmpuint (count_findings (report, "filed_late"), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Late"));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4, 0.001);

  /* On 28 February it was on time after all. */
  gtk_editable_set_text (GTK_EDITABLE (received), "2025-02-28");
  g_signal_emit_by_name (received, "apply");
  g_assert_cmpuint (count_findings (report, "filed_late"), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "On time"));
  g_assert_null (find_label (GTK_WIDGET (view), "Late"));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10, 0.001);

  channel = ADW_COMBO_ROW (find_child (GTK_WIDGET (view), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (channel, 2);
  g_assert_cmpstr (fz_filing_get_channel (filing), ==, fz_filing_list_channels ()[1]);
  adw_combo_row_set_selected (channel, 0);
  g_assert_null (fz_filing_get_channel (filing));

  /* A change made elsewhere shows here. */
  g_assert_true (fz_filing_set_published (filing, "2025-03-30", NULL));
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_date_row_get_date (published), ==, "2025-03-30");
  g_assert_true (fz_filing_set_published (filing, NULL, NULL));

  /* A file that is no page: said, and nothing lost. */
  g_assert_true (g_file_set_contents (broken_path, "\x01\x02 not a saved page", -1, NULL));
  broken = g_file_new_for_path (broken_path);
  fz_published_view_open (pages, broken);
  wait_for_page (pages);
  g_assert_nonnull (fz_published_view_get_error (pages));
  g_assert_null (fz_report_get_published_page (report));

  /* The page identical to the report. */
  fz_published_view_open (pages, identical);
  g_assert_true (fz_published_view_get_loading (pages));
  wait_for_page (pages);
  g_assert_null (fz_published_view_get_error (pages));
  g_assert_nonnull (fz_report_get_published_page (report));
  g_assert_cmpuint (g_list_model_get_n_items (fz_published_page_get_differences (fz_report_get_published_page (report))),
                    ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "The page publishes the body of the report as reviewed."));
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-03-20");
  g_assert_cmpstr (fz_date_row_get_date (published), ==, "2025-03-20");
  g_assert_cmpstr (fz_filing_get_published_url (filing), ==,
                   "http://www.qingshan.gov.cn/zwgk/fzzfjsndbg/202503/t20250320_4821.html");
  g_assert_cmpuint (count_findings (report, "published_late"), ==, 0);
  g_assert_cmpuint (count_findings (report, "published_differs"), ==, 0);

  /* The page with a changed paragraph: each difference a row under its
   * section, with the words on each side; each costs 1, at most 2. */
  fz_published_view_open (pages, changed);
  wait_for_page (pages);
  differences = fz_published_page_get_differences (fz_report_get_published_page (report));
  n = g_list_model_get_n_items (differences);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (count_findings (report, "published_differs"), ==, n);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - MIN (n, 2), 0.001);
  /* What the reviewer recorded stays: the first page's date. */
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-03-20");

  fz_test_collect_widgets (GTK_WIDGET (pages), GTK_TYPE_LIST_BOX, list_rows);
  list = g_ptr_array_index (list_rows, list_rows->len - 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  {
    g_autoptr(FzPublishedDifference) first = g_list_model_get_item (differences, 0);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    g_autofree char *reviewed = g_strconcat ("Reviewed: ", fz_published_difference_get_reviewed (first), NULL);

    g_assert_nonnull (row);
    g_assert_null (gtk_list_box_get_row_at_index (list, n));
    g_assert_nonnull (gtk_list_box_row_get_header (row));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==,
                     fz_published_difference_get_section (first));
    if (fz_published_difference_get_reviewed (first) != NULL)
      g_assert_nonnull (find_label (GTK_WIDGET (row), reviewed));
    g_signal_emit_by_name (list, "row-activated", row);
    g_assert_cmpuint (range[2], ==, 1);
    g_assert_cmpuint (range[0], ==, fz_published_difference_get_start (first));
    g_assert_cmpuint (range[1], ==, fz_published_difference_get_end (first));
  }

  /* Side by side: the reviewed text and the page's, the difference
   * selected in both as the row is activated. */
  {
    GtkWindow *beside = fz_published_view_show_side_by_side (pages);
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    g_autoptr(FzPublishedDifference) first = g_list_model_get_item (differences, 0);
    GtkTextBuffer *left;
    GtkTextIter a, b;
    g_autofree char *text = NULL;

    g_assert_nonnull (beside);
    g_assert_true (fz_published_view_show_side_by_side (pages) == beside);
    g_assert_cmpuint (fz_page_compare_window_get_n_marked (FZ_PAGE_COMPARE_WINDOW (beside)), >=, 1);
    fz_test_collect_widgets (GTK_WIDGET (beside), GTK_TYPE_TEXT_VIEW, views);
    g_assert_cmpuint (views->len, ==, 2);
    left = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
    gtk_text_buffer_get_bounds (left, &a, &b);
    text = gtk_text_buffer_get_text (left, &a, &b, FALSE);
    g_assert_cmpstr (text, ==, fz_document_get_text (fz_report_get_document (report)));
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    g_assert_true (gtk_text_buffer_get_selection_bounds (left, &a, &b));
    g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, fz_published_difference_get_start (first));
    g_assert_cmpint (gtk_text_iter_get_offset (&b), ==, fz_published_difference_get_end (first));
    g_object_add_weak_pointer (G_OBJECT (beside), (gpointer *) &beside);
    /* Another page, or none, closes it. */
    fz_published_view_close_page (pages);
    fz_test_flush_main_loop ();
    g_assert_null (beside);
    g_assert_null (fz_published_view_show_side_by_side (pages));
  }

  /* Closing the page takes its differences away; its date stays. */
  fz_published_view_close_page (pages);
  fz_test_flush_main_loop ();
  g_assert_null (fz_report_get_published_page (report));
  g_assert_cmpuint (count_findings (report, "published_differs"), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-03-20");

  /* The record was saved with the review. */
  g_assert_true (fz_review_store_flush (reviews, NULL));
  gtk_window_destroy (window);
  fz_test_flush_main_loop ();
  {
    g_autoptr(FzReviewStore) again = new_store ("reviews-filing");
    g_autoptr(FzReport) reopened = load_report ("score-full.txt", again, NULL);
    FzFiling *kept = fz_review_get_filing (fz_report_get_review (reopened));

    g_assert_cmpstr (fz_filing_get_received (kept), ==, "2025-02-28");
    g_assert_cmpstr (fz_filing_get_published (kept), ==, "2025-03-20");
  }
}

/* The page published on 15 April: past 1 April, published late. */
static void
test_published_late (void)
{
  g_autoptr(FzReviewStore) reviews = new_store ("reviews-late");
  g_autoptr(FzReport) report = load_report ("score-full.txt", reviews, NULL);
  g_autofree char *late_path = fz_test_write_late_page ();
  g_autoptr(GFile) late = g_file_new_for_path (late_path);
  FzFilingView *view = FZ_FILING_VIEW (fz_filing_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  FzPublishedView *pages = fz_filing_view_get_published_view (view);
  FzScoreItem *timeliness = fz_score_find_item (fz_report_get_score (report), "timeliness");
  FzFiling *filing = fz_review_get_filing (fz_report_get_review (report));

  fz_filing_view_set_report (view, report);
  fz_published_view_open (pages, late);
  wait_for_page (pages);
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-04-15");
  g_assert_cmpstr (fz_date_row_get_date (date_row (view, 1)), ==, "2025-04-15");
  g_assert_cmpuint (count_findings (report, "published_late"), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Late"));
  g_assert_true (has_label_starting (GTK_WIDGET (view), "Published on 2025-04-15\nhttp://"));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4, 0.001);

  gtk_window_destroy (window);
  fz_test_flush_main_loop ();
  fz_test_remove_copy (late_path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  fz_score_test_init (&argc, &argv);

  g_test_add_func ("/app/filing/date-row", test_date_row);
  g_test_add_func ("/app/filing/record-and-page", test_filing_view);
  g_test_add_func ("/app/filing/published-late", test_published_late);

  ret = g_test_run ();
  fz_score_test_finish ();

  return ret;
}
