/* test-window-rounds.c: round two and last year's report, as views on FzReports
 *
 * The views are built on FzReports read from tests/data/views-rounds (a
 * unit's report of 2023, and the first and revised versions of its 2024
 * report), the way the window builds them, and driven as a reviewer
 * drives them: a state picked in a row, a point activated, last year's
 * review changed.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-history-row.h"
#include "fz-memo-paragraph.h"
#include "fz-memo-view.h"
#include "fz-report-page.h"
#include "fz-report-versions.h"
#include "fz-section-compare.h"
#include "fz-section-list.h"
#include "fz-test-rounds-ui.h"

/* Round two ------------------------------------------------------------ */

static void
test_rounds_waiting_and_failing (void)
{
  g_autoptr(FzReport) revised = fz_test_load_report ("shiqiao-2024-revised.txt");
  g_autofree char *missing_path = fz_test_fixture_path ("no-such-report.docx");
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing_path);
  g_autoptr(FzReport) missing = fz_test_load_report_file (missing_file);
  GtkWidget *view = fz_rounds_view_new ();
  GtkWidget *window = fz_test_window_with (view);
  g_autofree char *text = NULL;

  /* Only the revised report: nothing to compare, and the view says how. */
  fz_rounds_view_set_report (FZ_ROUNDS_VIEW (view), revised);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "waiting");
  g_assert_null (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)));

  /* A first version that cannot be read: the reason, not a crash. */
  g_assert_cmpint (fz_report_get_stage (missing), ==, FZ_REPORT_STAGE_FAILED);
  fz_rounds_view_set_first_report (FZ_ROUNDS_VIEW (view), missing);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "failed");
  text = fz_test_visible_text (view);
  g_assert_nonnull (strstr (text, "no-such-report.docx"));
  g_assert_null (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)));

  /* Taken away again: back to waiting. */
  fz_rounds_view_set_first_report (FZ_ROUNDS_VIEW (view), NULL);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "waiting");

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

static void
test_rounds_confirm (void)
{
  g_autoptr(FzReport) first = fz_test_load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) revised = fz_test_load_report ("shiqiao-2024-revised.txt");
  FzReview *second_review = fz_report_get_review (revised);
  GtkWidget *view = fz_rounds_view_new ();
  GtkWidget *window;
  FzRounds *rounds;
  FzRoundPoint *repeated, *duty, *plaza;
  FzRoundRow *row;
  Revealed revealed = { 0 }, revealed_first = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *summary_before = NULL;
  g_autoptr(FzReview) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *compare;
  guint start, end;

  fz_test_write_first_review (first);
  window = fz_test_window_with (view);
  g_signal_connect (view, "reveal", G_CALLBACK (fz_test_on_reveal), &revealed);
  g_signal_connect (view, "reveal-first", G_CALLBACK (fz_test_on_reveal), &revealed_first);
  g_object_set (view, "report", revised, "first-report", first, NULL);
  g_assert_true (fz_rounds_view_get_loading (FZ_ROUNDS_VIEW (view)));
  g_assert_cmpstr (fz_test_shown_page (view), ==, "loading");
  fz_test_wait_until (fz_test_rounds_ready, view);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "ready");
  rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rounds)), >=, 4);

  /* What the revision did, as the comparison proposes it: the paragraph
   * annotated was reworded (have a look), the duty section added; the
   * plaza's progress is still written as before. */
  repeated = fz_test_point_of_kind (rounds, FZ_POINT_ANNOTATION, "切实");
  g_assert_nonnull (repeated);
  g_assert_cmpint (fz_round_point_get_proposed_state (repeated), ==, FZ_POINT_CHANGED);
  g_assert_nonnull (fz_test_point_of_kind (rounds, FZ_POINT_ELEMENT, "第一责任人"));
  duty = fz_test_point_of_kind (rounds, FZ_POINT_RECTIFICATION, "第一责任人");
  g_assert_nonnull (duty);
  g_assert_cmpint (fz_round_point_get_proposed_state (duty), ==, FZ_POINT_RESOLVED);
  plaza = fz_test_point_of_kind (rounds, FZ_POINT_RECTIFICATION, "石桥法治广场");
  g_assert_nonnull (plaza);
  g_assert_cmpint (fz_round_point_get_proposed_state (plaza), !=, FZ_POINT_RESOLVED);

  /* The reviewer reads the counts and each point's words. */
  text = fz_test_visible_text (view);
  g_assert_nonnull (strstr (text, "第一责任人"));
  g_assert_nonnull (strstr (text, "0 of"));
  summary_before = g_strdup (text);

  /* The reviewer disagrees on the duty point: still open.  The state goes
   * to the revised report's review and its file at once. */
  row = fz_test_row_of_point (view, duty);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, dropdowns);
    fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    g_assert_cmpuint (checks->len, ==, 1);
    g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (dropdowns, 0)));
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), FZ_POINT_OPEN);
    fz_test_flush_main_loop ();
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  }
  g_assert_true (fz_round_point_get_confirmed (duty));
  g_assert_cmpint (fz_round_point_get_state (duty), ==, FZ_POINT_OPEN);
  g_assert_cmpstr (fz_review_get_point_state (second_review, fz_round_point_get_key (duty), NULL), ==, "open");
  g_assert_cmpstr (fz_review_get_previous_round (second_review, NULL), ==, fz_report_get_sha256 (first));
  g_clear_pointer (&text, g_free);
  text = fz_test_visible_text (view);
  g_assert_nonnull (strstr (text, "1 of"));
  g_assert_cmpstr (text, !=, summary_before);
  {
    GString *out = g_string_new (NULL);
    g_autofree char *row_text = NULL;

    /* The row says the reviewer overruled the checker, and what it said. */
    fz_test_collect_text (GTK_WIDGET (fz_test_row_of_point (view, duty)), FALSE, out);
    row_text = g_string_free (out, FALSE);
    g_assert_nonnull (strstr (row_text, "The checker proposed: Resolved"));
  }

  /* The annotated paragraph: the proposal ticked as it stands. */
  row = fz_test_row_of_point (view, repeated);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
    fz_test_flush_main_loop ();
  }
  g_assert_cmpstr (fz_review_get_point_state (second_review, fz_round_point_get_key (repeated), NULL), ==,
                   "changed");

  fz_test_wait_until (fz_test_saver_clean, fz_review_store_get_saver (fz_test_rounds_reviews (), second_review));
  on_disk = fz_review_load_from (fz_review_get_file (second_review), fz_report_get_sha256 (revised),
                                 "shiqiao-2024-revised.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_point_state (on_disk, fz_round_point_get_key (duty), NULL), ==, "open");
  g_assert_cmpstr (fz_review_get_point_state (on_disk, fz_round_point_get_key (repeated), NULL), ==, "changed");

  /* Activating the duty point shows where it stands in the revised text
   * and its section of both versions side by side. */
  fz_rounds_view_activate_point (FZ_ROUNDS_VIEW (view),
                                 fz_test_position_of (G_LIST_MODEL (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view))),
                                              fz_test_point_of_kind (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)),
                                                             FZ_POINT_ANNOTATION, "切实")));
  fz_test_flush_main_loop ();
  repeated = fz_test_point_of_kind (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)), FZ_POINT_ANNOTATION, "切实");
  fz_round_point_get_first_place (repeated, &start, &end);
  g_assert_cmpuint (revealed_first.n, ==, 1);
  g_assert_cmpuint (revealed_first.start, ==, start);
  g_assert_cmpuint (revealed_first.start, ==, fz_test_offset_of (first, "切实切实"));
  {
    g_autoptr(GPtrArray) compares = g_ptr_array_new ();

    fz_test_collect_widgets (view, FZ_TYPE_SECTION_COMPARE, compares);
    g_assert_cmpuint (compares->len, ==, 1);
    compare = g_ptr_array_index (compares, 0);
    g_assert_cmpuint (fz_section_compare_get_n_rows (FZ_SECTION_COMPARE (compare)), >, 0);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (compare,
                                                                                          GTK_TYPE_REVEALER))));
    g_clear_pointer (&text, g_free);
    {
      GString *out = g_string_new (NULL);

      /* The revealer may still be sliding in. */
      fz_test_collect_text (compare, FALSE, out);
      text = g_string_free (out, FALSE);
    }
    /* The first version's words and the revised ones, beside each other. */
    g_assert_nonnull (strstr (text, "切实切实"));
    g_assert_nonnull (strstr (text, "和9个村（社区）调解委员会"));
  }
  if (revealed.n > 0)
    {
      g_autofree char *passage = fz_document_dup_range (fz_report_get_document (revised), revealed.start,
                                                        revealed.end);

      g_assert_null (strstr (passage, "切实切实"));
    }

  /* The first version's review changes (another annotation): the points
   * follow after a pause, the confirmations kept. */
  {
    FzReview *first_review = fz_report_get_review (first);
    guint at = fz_test_offset_of (first, "具有法律职业资格的人员仅1名");

    fz_review_add_annotation (first_review, fz_report_get_document (first), at, at + 13,
                              FZ_ANNOTATION_DOUBT, "专业人才情况未改善");
    fz_test_spin (600);
    fz_test_flush_main_loop ();
    rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view));
    g_assert_nonnull (fz_test_point_of_kind (rounds, FZ_POINT_ANNOTATION, "专业人才"));
    duty = fz_test_point_of_kind (rounds, FZ_POINT_RECTIFICATION, "第一责任人");
    g_assert_true (fz_round_point_get_confirmed (duty));
    g_assert_cmpint (fz_round_point_get_state (duty), ==, FZ_POINT_OPEN);
  }

  /* The versions section by section: the duty section the revision added
   * is listed as added, and opens beside nothing in the first version. */
  {
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();
    FzSectionList *list;
    FzComparison *comparison = fz_rounds_get_comparison (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)));
    GString *out = g_string_new (NULL);
    g_autofree char *list_text = NULL;
    g_autofree char *heading = NULL;
    guint added_row = G_MAXUINT, n_rows = 0;

    fz_test_collect_widgets (view, FZ_TYPE_SECTION_LIST, lists);
    g_assert_cmpuint (lists->len, ==, 1);
    list = g_ptr_array_index (lists, 0);
    g_assert_true (fz_section_list_get_comparison (list) == comparison);
    g_assert_cmpuint (fz_section_list_get_n_rows (list), >=, 8);
    fz_test_collect_text (GTK_WIDGET (list), FALSE, out);
    list_text = g_string_free (out, FALSE);
    g_assert_nonnull (strstr (list_text, "Added"));
    g_assert_nonnull (strstr (list_text, "Reworded"));
    g_assert_nonnull (strstr (list_text, "Unchanged"));

    for (guint i = 0; i < fz_comparison_get_sections (comparison)->len; i++)
      {
        const FzSectionPair *pair = g_ptr_array_index (fz_comparison_get_sections (comparison), i);

        if (pair->region != FZ_REGION_SECTION)
          continue;
        if (pair->change == FZ_CHANGE_ADDED && added_row == G_MAXUINT)
          added_row = n_rows;
        n_rows++;
      }
    g_assert_cmpuint (added_row, !=, G_MAXUINT);
    revealed.n = 0;
    fz_section_list_activate_row (list, added_row);
    fz_test_flush_main_loop ();
    g_assert_cmpuint (revealed.n, ==, 1);
    heading = fz_document_dup_range (fz_report_get_document (revised), revealed.start, revealed.end);
    g_assert_true (g_str_has_prefix (heading, "二、党政主要负责人履行推进法治建设第一责任人职责情况"));
    g_assert_cmpuint (fz_section_compare_get_n_rows (FZ_SECTION_COMPARE (compare)), >, 0);
  }

  /* Unconfirming goes back to the machine's proposal. */
  row = fz_test_row_of_point (view, duty);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
    fz_test_flush_main_loop ();
  }
  g_assert_false (fz_round_point_get_confirmed (duty));
  g_assert_null (fz_review_get_point_state (second_review, fz_round_point_get_key (duty), NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

/* Last year ----------------------------------------------------------------- */

static FzHistoryItem *
item_with (GListModel *model,
           const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);

      if (strstr (fz_history_item_get_last_text (item), text) != NULL)
        return item;
    }
  return NULL;
}

static void
test_history (void)
{
  g_autoptr(FzReport) last = fz_test_load_report ("shiqiao-2023.txt");
  g_autoptr(FzReport) current = fz_test_load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) other = NULL;
  g_autoptr(GFile) sample = g_file_new_for_path (SAMPLE_REPORT);
  GtkWidget *view = fz_history_view_new ();
  GtkWidget *window = fz_test_window_with (view);
  FzHistory *history;
  FzHistoryItem *item;
  Revealed revealed = { 0 }, revealed_last = { 0 };
  g_autofree char *text = NULL;
  GListModel *requests;

  fz_review_set_rectification (fz_report_get_review (last),
                               "一、提高行政执法人员专业化水平。\n二、发挥村级法律顾问作用。");
  g_signal_connect (view, "reveal", G_CALLBACK (fz_test_on_reveal), &revealed);
  g_signal_connect (view, "reveal-last", G_CALLBACK (fz_test_on_reveal), &revealed_last);

  fz_history_view_set_report (FZ_HISTORY_VIEW (view), current);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "waiting");
  fz_history_view_set_last_report (FZ_HISTORY_VIEW (view), last);
  fz_test_wait_until (fz_test_history_ready, view);
  fz_test_flush_main_loop ();
  g_assert_cmpstr (fz_test_shown_page (view), ==, "ready");
  history = fz_history_view_get_history (FZ_HISTORY_VIEW (view));

  /* Last year's plan, followed into this year's measures. */
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_plan (history)), ==, 4);
  item = item_with (fz_history_get_plan (history), "重大行政决策");
  g_assert_nonnull (item);
  g_assert_cmpint (fz_history_item_get_follow_up (item), ==, FZ_FOLLOW_DONE);
  item = item_with (fz_history_get_plan (history), "三项制度");
  g_assert_nonnull (item);
  g_assert_cmpint (fz_history_item_get_follow_up (item), ==, FZ_FOLLOW_NOT_MENTIONED);
  /* The shortcoming written again. */
  g_assert_nonnull (item_with (fz_history_get_shortcomings (history), "专业化水平不高"));
  /* Last year's requests, from last year's review. */
  requests = fz_history_get_requests (history);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 2);

  /* The header names last year's report; no warning on the same unit a
   * year apart. */
  text = fz_test_visible_text (view);
  g_assert_nonnull (strstr (text, "2023"));
  g_assert_null (strstr (text, "same unit"));
  g_assert_nonnull (strstr (text, "not mentioned"));

  /* Each list is a page of the switcher; a row shows its passages. */
  item = item_with (fz_history_get_shortcomings (history), "专业化水平不高");
  fz_history_view_activate_item (FZ_HISTORY_VIEW (view), item);
  fz_test_flush_main_loop ();
  {
    g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

    fz_test_collect_widgets (view, ADW_TYPE_VIEW_STACK, stacks);
    g_assert_cmpuint (stacks->len, ==, 1);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (g_ptr_array_index (stacks, 0)), ==, "shortcomings");
  }
  g_assert_cmpuint (revealed.n, ==, 1);
  g_assert_cmpuint (revealed_last.n, ==, 1);
  {
    g_autofree char *now = fz_document_dup_range (fz_report_get_document (current), revealed.start, revealed.end);
    g_autofree char *then = fz_document_dup_range (fz_report_get_document (last), revealed_last.start,
                                                   revealed_last.end);

    g_assert_nonnull (strstr (now, "专业化水平不高"));
    g_assert_nonnull (strstr (then, "专业化水平不高"));
  }
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    fz_test_collect_widgets (view, FZ_TYPE_HISTORY_ROW, rows);
    g_assert_cmpuint (rows->len, >, 0);
  }

  /* Last year's review changes: the requests follow after a pause. */
  fz_review_set_rectification (fz_report_get_review (last), "一、提高行政执法人员专业化水平。");
  fz_test_spin (700);
  fz_test_wait_until (fz_test_history_ready, view);
  history = fz_history_view_get_history (FZ_HISTORY_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_requests (history)), ==, 1);

  /* Another unit's report as "last year's": the view says so first. */
  other = fz_test_load_report_file (sample);
  g_assert_cmpint (fz_report_get_stage (other), ==, FZ_REPORT_STAGE_READY);
  fz_history_view_set_last_report (FZ_HISTORY_VIEW (view), other);
  fz_test_wait_until (fz_test_history_ready, view);
  fz_test_flush_main_loop ();
  g_clear_pointer (&text, g_free);
  text = fz_test_visible_text (view);
  g_assert_nonnull (strstr (text, "same unit"));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

/* The memo, on the page ------------------------------------------------ */

static const char *
memo_text (FzMemoView *view,
           const char *key)
{
  GListModel *paragraphs = fz_memo_view_get_paragraphs (view);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(FzMemoParagraph) p = g_list_model_get_item (paragraphs, i);

      if (g_strcmp0 (fz_memo_paragraph_get_key (p), key) == 0)
        return fz_memo_paragraph_get_text (p);
    }
  return NULL;
}

static int
memo_index (FzMemoView *view,
            const char *text)
{
  GListModel *paragraphs = fz_memo_view_get_paragraphs (view);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(FzMemoParagraph) p = g_list_model_get_item (paragraphs, i);

      if (g_strcmp0 (fz_memo_paragraph_get_text (p), text) == 0)
        return i;
    }
  return -1;
}

static gboolean
report_read (gpointer data)
{
  FzReportStage stage = fz_report_get_stage (data);

  return stage == FZ_REPORT_STAGE_READY || stage == FZ_REPORT_STAGE_FAILED;
}

typedef struct
{
  FzMemoView *view;
  const char *key;
  const char *needle;
} MemoWait;

static gboolean
memo_says (gpointer data)
{
  MemoWait *w = data;
  const char *text = memo_text (w->view, w->key);

  return text != NULL && strstr (text, w->needle) != NULL;
}

/* The page's memo view takes the round-two and last-year views' models:
 * the second memo says what was fixed and what is still open, and how
 * last year's plan was followed through, and follows the reviewer. */
static void
test_memo_parts (void)
{
  g_autoptr(FzReport) first = fz_test_load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) last = fz_test_load_report ("shiqiao-2023.txt");
  g_autofree char *rules_dir = g_build_filename (g_get_user_config_dir (), "fazhi-review", "rules", NULL);
  g_autoptr(FzRuleSetStore) rulesets = fz_ruleset_store_new (rules_dir);
  g_autofree char *revised_path = fz_test_fixture_path ("shiqiao-2024-revised.txt");
  g_autoptr(GFile) revised_file = g_file_new_for_path (revised_path);
  /* A page's report, as the window makes it: with the rule sets. */
  g_autoptr(FzReport) revised = fz_report_new (revised_file, fz_test_rounds_reviews (), rulesets);
  FzReportPage *page;
  GtkWidget *window;
  FzRoundsView *rounds_view;
  FzHistoryView *history_view;
  FzMemoView *memo_view;
  FzRounds *rounds;
  FzRoundPoint *plaza;
  g_autoptr(FzMemo) exported = NULL;
  g_autofree char *counts = NULL;
  const char *open;
  MemoWait wait;

  fz_test_write_first_review (first);
  page = fz_report_page_new (revised);
  fz_report_load_async (revised, NULL, NULL, NULL);
  window = fz_test_window_with (GTK_WIDGET (page));
  fz_test_wait_until (report_read, revised);
  g_assert_cmpint (fz_report_get_stage (revised), ==, FZ_REPORT_STAGE_READY);
  fz_test_flush_main_loop ();
  fz_report_page_show_view (page, "memo");
  memo_view = FZ_MEMO_VIEW (fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_MEMO_VIEW));

  /* A first round's memo has neither part, and the page has neither
   * view. */
  g_assert_null (fz_memo_view_get_rounds (memo_view));
  g_assert_null (memo_text (memo_view, "rounds:summary"));
  g_assert_null (memo_text (memo_view, "history"));
  {
    g_autoptr(GPtrArray) made = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_ROUNDS_VIEW, made);
    fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_HISTORY_VIEW, made);
    g_assert_cmpuint (made->len, ==, 0);
  }

  /* Made as their reports are set, and bound to the memo made before
   * them. */
  fz_report_versions_set_first_report (fz_report_versions_for_page (page), first);
  fz_report_versions_set_last_report (fz_report_versions_for_page (page), last);
  rounds_view = FZ_ROUNDS_VIEW (fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ROUNDS_VIEW));
  history_view = FZ_HISTORY_VIEW (fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_HISTORY_VIEW));
  fz_test_wait_until (fz_test_rounds_ready, rounds_view);
  fz_test_wait_until (fz_test_history_ready, history_view);
  fz_report_page_show_view (page, "memo");
  fz_test_flush_main_loop ();

  /* Bound, not copied. */
  rounds = fz_rounds_view_get_rounds (rounds_view);
  g_assert_true (fz_memo_view_get_rounds (memo_view) == rounds);
  g_assert_true (fz_memo_view_get_history (memo_view) == fz_history_view_get_history (history_view));

  /* No point is confirmed yet: the summary counts them all. */
  counts = g_strdup_printf ("首次审查提出的%u项问题中", g_list_model_get_n_items (G_LIST_MODEL (rounds)));
  g_assert_nonnull (memo_text (memo_view, "rounds:summary"));
  g_assert_nonnull (strstr (memo_text (memo_view, "rounds:summary"), counts));
  /* The duty section was added (resolved); the plaza's progress is
   * written as before (not resolved). */
  g_assert_nonnull (strstr (memo_text (memo_view, "rounds:resolved"), "第一责任人"));
  plaza = fz_test_point_of_kind (rounds, FZ_POINT_RECTIFICATION, "石桥法治广场");
  g_assert_nonnull (plaza);
  g_assert_null (strstr (memo_text (memo_view, "rounds:resolved"), fz_round_point_get_text (plaza)));
  /* Last year's 三项制度 is not in this year's measures. */
  g_assert_nonnull (strstr (memo_text (memo_view, "history"), "三项制度"));
  g_assert_nonnull (strstr (memo_text (memo_view, "history"), "未提及"));
  /* Headings in turn, the second round's part before last year's. */
  g_assert_cmpint (memo_index (memo_view, "二、首次审查意见整改情况"), >, 0);
  g_assert_cmpint (memo_index (memo_view, "二、首次审查意见整改情况"), <,
                   memo_index (memo_view, "五、上年度工作落实情况"));

  /* The reviewer finds the plaza done after all: the memo follows. */
  g_assert_true (fz_rounds_confirm (rounds, plaza, FZ_POINT_RESOLVED));
  wait = (MemoWait) { memo_view, "rounds:resolved", fz_round_point_get_text (plaza) };
  fz_test_wait_until (memo_says, &wait);
  open = memo_text (memo_view, "rounds:open");
  g_assert_true (open == NULL || strstr (open, fz_round_point_get_text (plaza)) == NULL);

  /* And Export writes what the view shows. */
  exported = fz_report_page_create_memo (page);
  g_assert_nonnull (strstr (fz_memo_document_find (fz_memo_get_document (exported), "rounds:resolved")->text,
                            fz_round_point_get_text (plaza)));
  g_assert_nonnull (fz_memo_document_find (fz_memo_get_document (exported), "history"));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  fz_test_rounds_init (&argc, &argv);

  g_test_add_func ("/app/rounds/waiting-and-failing", test_rounds_waiting_and_failing);
  g_test_add_func ("/app/rounds/confirm", test_rounds_confirm);
  g_test_add_func ("/app/rounds/last-year", test_history);
  g_test_add_func ("/app/rounds/memo-parts", test_memo_parts);

  return fz_test_rounds_run ();
}
