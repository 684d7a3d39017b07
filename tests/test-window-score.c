/* test-window-score.c: the scored checklist on a report, and the score
 * in the main window's side pane, menu and batch matrix
 *
 * The expected points are worked out here from the tables by hand
 * (data/rules/scoring-national.xml and the county table below), never
 * read back from the program.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-application.h"
#include "fz-batch-page.h"
#include "fz-date-row.h"
#include "fz-filing-view.h"
#include "fz-memo-paragraph.h"
#include "fz-memo-view.h"
#include "fz-report-page.h"
#include "fz-window-test-utils.h"
#include "fz-score-adjust-dialog.h"
#include "fz-score-badge.h"
#include "fz-score-item-row.h"
#include "fz-score-view.h"
#include "fz-score-test-utils.h"
#include "fz-window.h"

/* A county's own table, with an item only the reviewer scores. */
static const char county_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"county-scored\" version=\"1\" extends=\"national\">\n"
  "  <name>某县审查要点</name>\n"
  "  <scoring>\n"
  "    <name>某县评分表</name>\n"
  "    <item id=\"parts\" points=\"80\"><name>内容</name>"
  "<element ref=\"causes\" missing=\"30\" partial=\"10\"/></item>\n"
  "    <item id=\"judgement\" points=\"20\" manual=\"true\"><name>综合评价</name>"
  "<guide>措施是否具体</guide></item>\n"
  "    <band id=\"a\" min=\"90\"><name>优秀</name></band>\n"
  "    <band id=\"c\" min=\"0\"><name>其他</name></band>\n"
  "  </scoring>\n"
  "</ruleset>\n";

/* Helpers ------------------------------------------------------------------ */

static FzScoreItemRow *
find_row (GtkWidget  *view,
          const char *item_id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (view, FZ_TYPE_SCORE_ITEM_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      FzScoreItem *item = fz_score_item_row_get_item (g_ptr_array_index (rows, i));

      if (item != NULL && g_str_equal (fz_score_item_get_id (item), item_id))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static char *
points_text (double points,
             double max)
{
  g_autofree char *p = fz_score_format_points (points);
  g_autofree char *m = fz_score_format_points (max);

  return g_strdup_printf ("%s / %s", p, m);
}

/* The scored checklist ----------------------------------------------------- */

static void
check_header (FzScoreView *view,
              FzScore     *score)
{
  g_autofree char *total = fz_score_format_points (fz_score_get_total (score));

  g_assert_nonnull (find_label (GTK_WIDGET (view), total));
  if (fz_score_get_grade_name (score) != NULL)
    g_assert_nonnull (find_label (GTK_WIDGET (view), fz_score_get_grade_name (score)));
}

/* National table: the five contents decided present give 必备内容完整 its
 * 50; 不足的原因 decided missing costs 8 (42 / 50), shown in its row with
 * the deduction's reason; the reviewer sets 公文规范 to 20 with a reason,
 * which the review keeps and a new window shows again. */
static void
test_score_view (void)
{
  g_autoptr(FzReviewStore) reviews = new_store ("reviews-score");
  g_autoptr(FzReport) report = load_report ("score-full.txt", reviews, NULL);
  static const char * const contents[] = {
    "measures_and_results", "shortcomings", "causes", "first_responsible_person", "next_year_plan",
  };
  FzReview *review = fz_report_get_review (report);
  FzScoreView *view = FZ_SCORE_VIEW (fz_score_view_new ());
  GtkWindow *window = host (GTK_WIDGET (view));
  FzScore *score;
  FzScoreItem *content, *form;
  FzScoreItemRow *row;
  FzScoreAdjustDialog *dialog;
  GPtrArray *deductions;
  GtkWidget *clear_button;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *bullet = NULL;
  g_autofree char *memo = NULL;
  double form_before, total_before, points = 0;
  const char *reason = NULL;
  guint range[3] = { 0, 0, 0 };

  g_signal_connect (view, "reveal-range", G_CALLBACK (record_range), range);
  fz_score_view_set_report (view, report);
  flush_main_loop ();
  score = fz_score_view_get_score (view);
  g_assert_true (score == fz_report_get_score (report));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_child (GTK_WIDGET (view), GTK_TYPE_STACK))),
                   ==, "score");
  check_header (view, score);

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    fz_review_set_decision (review, contents[i], FZ_STATUS_PRESENT, NULL);
  content = fz_score_find_item (score, "content");
  row = find_row (GTK_WIDGET (view), "content");
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "50 / 50"));

  fz_review_set_decision (review, "causes", FZ_STATUS_MISSING, "没有分析原因");
  flush_main_loop ();
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (content), 50 - 8, 0.001);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "42 / 50"));
  g_assert_null (find_label (GTK_WIDGET (row), "50 / 50"));
  /* The deduction's line, with its reason and cost. */
  deductions = fz_score_item_get_deductions (content);
  g_assert_cmpuint (deductions->len, ==, 1);
  description = fz_score_deduction_dup_description (g_ptr_array_index (deductions, 0));
  bullet = g_strconcat ("• ", description, NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (row), bullet));
  check_header (view, score);

  /* Adjusting needs a reason; the points cannot pass the item's. */
  form = fz_score_find_item (score, "form");
  form_before = fz_score_item_get_points (form);
  total_before = fz_score_get_total (score);
  dialog = FZ_SCORE_ADJUST_DIALOG (fz_score_view_adjust_item (view, "form"));
  g_assert_nonnull (dialog);
  g_assert_null (fz_score_view_adjust_item (view, "no-such-item"));
  fz_score_adjust_dialog_set_points (dialog, 25);
  g_assert_cmpfloat_with_epsilon (fz_score_adjust_dialog_get_points (dialog), 20, 0.001);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "adjust"));
  fz_score_adjust_dialog_set_reason (dialog, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "adjust"));
  fz_score_adjust_dialog_set_reason (dialog, "格式问题已由单位更正");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "adjust"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "adjust");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_main_loop ();

  g_assert_true (fz_score_item_get_adjusted (form));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (form), 20, 0.001);
  g_assert_cmpfloat_with_epsilon (fz_score_get_total (score), total_before + (20 - form_before), 0.001);
  g_assert_true (fz_review_get_score_adjustment (review, fz_score_table_get_id (fz_score_get_table (score)),
                                                 "form", &points, &reason, NULL));
  g_assert_cmpfloat_with_epsilon (points, 20, 0.001);
  g_assert_cmpstr (reason, ==, "格式问题已由单位更正");
  row = find_row (GTK_WIDGET (view), "form");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "20 / 20"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), fz_score_item_get_reason (form)));
  check_header (view, score);

  /* In the memo and the JSON as the engine writes them. */
  memo = fz_score_dup_memo_paragraph (score);
  g_assert_nonnull (strstr (memo, "格式问题已由单位更正"));
  {
    g_autoptr(JsonNode) json = fz_score_to_json (score);
    g_autofree char *dump = json_to_string (json, FALSE);

    g_assert_nonnull (strstr (dump, "格式问题已由单位更正"));
  }

  /* Activating a row with evidence shows its first place. */
  g_signal_emit_by_name (find_child (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW), "activate", 0);
  if (((FzScoreDeduction *) g_ptr_array_index (deductions, 0))->evidence->len > 0)
    g_assert_cmpuint (range[2], ==, 1);

  /* Saved at once: a new store, as in a new window, reads it back. */
  g_assert_true (fz_review_store_flush (reviews, NULL));
  gtk_window_destroy (window);
  flush_main_loop ();
  {
    g_autoptr(FzReviewStore) again = new_store ("reviews-score");
    g_autoptr(FzReport) reopened = load_report ("score-full.txt", again, NULL);
    FzScoreView *second = FZ_SCORE_VIEW (fz_score_view_new ());
    GtkWindow *window2 = host (GTK_WIDGET (second));
    FzScoreItem *form2;

    fz_score_view_set_report (second, reopened);
    flush_main_loop ();
    form2 = fz_score_find_item (fz_score_view_get_score (second), "form");
    g_assert_true (fz_score_item_get_adjusted (form2));
    g_assert_cmpstr (fz_score_item_get_adjustment_reason (form2), ==, "格式问题已由单位更正");
    row = find_row (GTK_WIDGET (second), "form");
    g_assert_nonnull (find_label (GTK_WIDGET (row), "20 / 20"));

    /* Clearing from the row gives the checks' points back. */
    clear_button = NULL;
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect_widgets (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len && clear_button == NULL; i++)
        if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "edit-undo-symbolic") == 0)
          clear_button = g_ptr_array_index (buttons, i);
    }
    g_assert_nonnull (clear_button);
    g_assert_true (gtk_widget_get_visible (clear_button));
    g_signal_emit_by_name (clear_button, "clicked");
    flush_main_loop ();
    g_assert_false (fz_score_item_get_adjusted (form2));
    g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (form2), form_before, 0.001);
    g_assert_false (gtk_widget_get_visible (clear_button));
    text = points_text (form_before, 20);
    g_assert_nonnull (find_label (GTK_WIDGET (row), text));

    gtk_window_destroy (window2);
    flush_main_loop ();
  }
}

/* A county table with an item scored by hand: the total leaves it out
 * and no 等次 is given until the reviewer scores it; then 80 + 15 = 95,
 * 优秀 under the table's bands.  No table at all says so. */
static void
test_score_manual (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) county = fz_ruleset_new_from_data (county_xml, strlen (county_xml), "county.xml", &error);
  g_autoptr(FzReviewStore) reviews = new_store ("reviews-manual");
  g_autoptr(FzReport) report = NULL;
  FzScoreView *view;
  GtkWindow *window;
  FzScore *score;
  FzScoreItem *judgement, *parts;
  FzScoreAdjustDialog *dialog;
  static const char bare_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"bare\" version=\"1\"><name>无评分表</name>"
    "<element id=\"plan\" required=\"true\"><name>工作安排</name>"
    "<heading>工作安排</heading></element></ruleset>\n";
  g_autoptr(FzRuleSet) bare = NULL;

  g_assert_no_error (error);
  report = load_report ("score-full.txt", reviews, county);
  view = FZ_SCORE_VIEW (fz_score_view_new ());
  window = host (GTK_WIDGET (view));
  fz_score_view_set_report (view, report);
  flush_main_loop ();

  score = fz_score_view_get_score (view);
  g_assert_nonnull (score);
  judgement = fz_score_find_item (score, "judgement");
  parts = fz_score_find_item (score, "parts");
  fz_review_set_decision (fz_report_get_review (report), "causes", FZ_STATUS_PRESENT, NULL);
  g_assert_true (fz_score_item_get_pending (judgement));
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (parts), 80, 0.001);
  g_assert_cmpfloat_with_epsilon (fz_score_get_total (score), 80, 0.001);
  g_assert_null (fz_score_get_grade_name (score));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "— / 20"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "措施是否具体"));

  /* A hand-scored item takes no reason. */
  dialog = FZ_SCORE_ADJUST_DIALOG (fz_score_view_adjust_item (view, "judgement"));
  fz_score_adjust_dialog_set_points (dialog, 15);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "adjust"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "adjust");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_main_loop ();
  g_assert_false (fz_score_item_get_pending (judgement));
  g_assert_cmpfloat_with_epsilon (fz_score_get_total (score), 95, 0.001);
  g_assert_cmpstr (fz_score_get_grade_name (score), ==, "优秀");
  g_assert_nonnull (find_label (GTK_WIDGET (view), "15 / 20"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "95"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "优秀"));

  /* Missing 不足的原因 costs 30 of 80: 50 + 15 = 65, 其他. */
  fz_review_set_decision (fz_report_get_review (report), "causes", FZ_STATUS_MISSING, "无");
  flush_main_loop ();
  g_assert_nonnull (find_label (GTK_WIDGET (view), "50 / 80"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "65"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "其他"));

  gtk_window_destroy (window);
  flush_main_loop ();

  /* A rule set without a table. */
  bare = fz_ruleset_new_from_data (bare_xml, strlen (bare_xml), "bare.xml", &error);
  g_assert_no_error (error);
  g_clear_object (&report);
  report = load_report ("score-full.txt", NULL, bare);
  view = FZ_SCORE_VIEW (fz_score_view_new ());
  window = host (GTK_WIDGET (view));
  fz_score_view_set_report (view, report);
  flush_main_loop ();
  g_assert_null (fz_score_view_get_score (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_child (GTK_WIDGET (view), GTK_TYPE_STACK))),
                   ==, "none");
  gtk_window_destroy (window);
  flush_main_loop ();
}

/* The main window ----------------------------------------------------------- */

static FzApplication *app;

static void
wait_for_report_page (FzReportPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (fz_report_page_get_loading (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  flush_main_loop ();
}

static gboolean
menu_has_table (GMenuModel *menu,
                const char *ruleset_id)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), ruleset_id))
        return TRUE;
      if ((section != NULL && menu_has_table (section, ruleset_id)) ||
          (submenu != NULL && menu_has_table (submenu, ruleset_id)))
        return TRUE;
    }

  return FALSE;
}

static GMenuModel *
primary_menu (FzWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      return gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));

  return NULL;
}

/* The tab's side pane has the 评分 and 收文与公开 views on its report; the
 * user's table is in the main menu, and choosing it checks the report
 * with its rule set.  What the reviewer records there is saved with the
 * review and comes back in a new window. */
static void
test_window_menu (void)
{
  g_autoptr(GFile) report = fixture ("score-full.txt");
  FzWindow *window = fz_window_new (app);
  FzReportPage *page;
  FzScoreView *score_view;
  FzFilingView *filing_view;
  GMenuModel *menu;
  g_autoptr(GVariant) state = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = fz_window_open_file (window, report);
  wait_for_report_page (page);
  g_assert_nonnull (fz_report_get_score (fz_report_page_get_report (page)));

  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "scoring-table");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "national");
  g_clear_pointer (&state, g_variant_unref);

  /* The side pane's views follow the tab's report; the score and filing
   * views are made when they are first shown. */
  g_assert_null (find_child (GTK_WIDGET (page), FZ_TYPE_SCORE_VIEW));
  g_assert_null (find_child (GTK_WIDGET (page), FZ_TYPE_FILING_VIEW));
  fz_report_page_show_view (page, "score");
  score_view = FZ_SCORE_VIEW (find_child (GTK_WIDGET (page), FZ_TYPE_SCORE_VIEW));
  g_assert_nonnull (score_view);
  fz_report_page_show_view (page, "filing");
  filing_view = FZ_FILING_VIEW (find_child (GTK_WIDGET (page), FZ_TYPE_FILING_VIEW));
  g_assert_nonnull (filing_view);
  fz_report_page_show_view (page, "checklist");
  g_assert_true (fz_score_view_get_report (score_view) == fz_report_page_get_report (page));
  g_assert_true (fz_filing_view_get_report (filing_view) == fz_report_page_get_report (page));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-score"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-score", NULL);
  flush_main_loop ();
  g_assert_cmpstr (fz_report_page_get_visible_view (page), ==, "score");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (score_view)));

  /* The application's store reads the folder in a worker. */
  menu = primary_menu (window);
  g_assert_nonnull (menu);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

    while (!menu_has_table (menu, "county-scored") && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
  g_assert_true (menu_has_table (menu, "national"));
  g_assert_false (menu_has_table (menu, "guangdong"));

  /* Choosing the county's table checks the report again with its set. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "scoring-table",
                                  g_variant_new_string ("county-scored"));
  wait_for_report_page (page);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

    while (fz_score_view_get_score (score_view) == NULL ||
           fz_score_find_item (fz_score_view_get_score (score_view), "judgement") == NULL)
      {
        g_assert_false (timed_out);
        g_main_context_iteration (NULL, TRUE);
      }
    g_source_remove (id);
  }
  g_assert_cmpstr (fz_test_get_ruleset_id (page), ==, "county-scored");
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "scoring-table");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "county-scored");

  /* What the reviewer records is saved with the tab's review. */
  {
    FzDateRow *received = date_row (filing_view, 0);
    FzScoreAdjustDialog *dialog;
    FzReport *again;
    FzScoreItem *judgement;
    gpointer weak = page;

    /* The action shows this view and a file dialog, which the walk test
     * answers; here only the view. */
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-published-page"));
    fz_report_page_show_view (page, "filing");
    flush_main_loop ();
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (filing_view)));

    gtk_editable_set_text (GTK_EDITABLE (received), "2025/2/26");
    g_signal_emit_by_name (received, "apply");
    g_assert_cmpstr (fz_filing_get_received (fz_review_get_filing (fz_report_get_review (fz_report_page_get_report (page)))), ==,
                     "2025-02-26");
    dialog = FZ_SCORE_ADJUST_DIALOG (fz_score_view_adjust_item (score_view, "judgement"));
    fz_score_adjust_dialog_set_points (dialog, 18);
    fz_score_adjust_dialog_set_reason (dialog, "措施具体");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "adjust");
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* Nothing holds the window or its tab once it is closed. */
    g_object_add_weak_pointer (G_OBJECT (page), &weak);
    gtk_window_destroy (GTK_WINDOW (window));
    flush_main_loop ();
    g_assert_null (weak);

    window = fz_window_new (app);
    gtk_window_present (GTK_WINDOW (window));
    page = fz_window_open_file (window, report);
    wait_for_report_page (page);
    g_assert_cmpstr (fz_test_get_ruleset_id (page), ==, "county-scored");
    again = fz_report_page_get_report (page);
    g_assert_cmpstr (fz_filing_get_received (fz_review_get_filing (fz_report_get_review (again))), ==, "2025-02-26");
    judgement = fz_score_find_item (fz_report_get_score (again), "judgement");
    g_assert_false (fz_score_item_get_pending (judgement));
    g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (judgement), 18, 0.001);
    g_assert_cmpstr (fz_score_item_get_adjustment_reason (judgement), ==, "措施具体");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static gboolean
batch_is_done (gpointer data)
{
  return !fz_batch_page_get_running (data);
}

/* The batch matrix has the score and sorts by it: lowest first, as the
 * reports wanting most attention come first. */
/* The display name of the example table's band @id, read from the table. */
static const char *
band_name (FzScoreTable *table,
           const char   *id)
{
  for (guint i = 0; i < fz_score_table_get_n_bands (table); i++)
    if (g_str_equal (fz_score_table_get_band (table, i)->id, id))
      return fz_score_band_get_display_name (fz_score_table_get_band (table, i));
  g_assert_not_reached ();
}

static void
assert_badge (FzScoreBadge *badge,
              const char   *total,
              const char   *grade)
{
  g_autofree char *prefix = g_strconcat (total, " ", NULL);
  const char *text = fz_score_badge_get_text (badge);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  if (!g_str_has_prefix (text, prefix) || strstr (text, grade) == NULL)
    g_error ("the header reads “%s”, not %s and %s", text, total, grade);
}

/* The memo view's paragraph @key, or NULL. */
static FzMemoParagraph *
memo_paragraph (FzMemoView *view,
                const char *key)
{
  GListModel *paragraphs = fz_memo_view_get_paragraphs (view);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(FzMemoParagraph) p = g_list_model_get_item (paragraphs, i);

      if (g_strcmp0 (fz_memo_paragraph_get_key (p), key) == 0)
        return p;
    }
  return NULL;
}

/* The total and 等次 stand in the tab's header and follow the reviewer's
 * decisions and adjustments; the memo view states them when the reviewer
 * switches the score on, and the export carries what it shows. */
static void
test_header_and_memo (void)
{
  g_autoptr(GFile) report = fixture ("score-gaps.txt");
  FzWindow *window = fz_window_new (app);
  FzReportPage *page;
  FzScoreBadge *badge;
  FzMemoView *memo_view;
  FzScoreView *score_view;
  GtkSwitch *score_switch;
  FzScore *score;
  FzScoreTable *table;
  FzReview *review;
  FzMemoParagraph *paragraph;
  g_autoptr(FzMemo) exported = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  page = fz_window_open_file (window, report);
  wait_for_report_page (page);
  review = fz_report_get_review (fz_report_page_get_report (page));
  score = fz_report_get_score (fz_report_page_get_report (page));
  g_assert_nonnull (score);
  table = fz_score_get_table (score);
  badge = FZ_SCORE_BADGE (find_child (GTK_WIDGET (page), FZ_TYPE_SCORE_BADGE));
  g_assert_nonnull (badge);
  /* The score and memo views are made when first shown. */
  fz_report_page_show_view (page, "score");
  score_view = FZ_SCORE_VIEW (find_child (GTK_WIDGET (page), FZ_TYPE_SCORE_VIEW));
  fz_report_page_show_view (page, "memo");
  memo_view = FZ_MEMO_VIEW (find_child (GTK_WIDGET (page), FZ_TYPE_MEMO_VIEW));
  fz_report_page_show_view (page, "checklist");
  g_assert_nonnull (score_view);
  g_assert_nonnull (memo_view);

  /* Bound, not copied: the views share the page's one score. */
  g_assert_true (fz_score_badge_get_score (badge) == score);
  g_assert_true (fz_memo_view_get_score (memo_view) == fz_score_view_get_score (score_view));
  g_assert_true (fz_memo_view_get_score (memo_view) == score);

  /* The example table on score-gaps.txt, by hand: 100 − 8 (no causes)
   * − 10 (no first responsible person) − 3 (no_causes) − 2 × 2 (no
   * signature, no date) − 3 × 0.5 (half-width commas) = 73.5: 合格. */
  assert_badge (badge, "73.5", band_name (table, "pass"));

  /* The reviewer finds the first responsible person: +10, 83.5, 良好. */
  g_assert_true (fz_test_set_decision (page, "first_responsible_person", FZ_STATUS_PRESENT, NULL));
  flush_main_loop ();
  assert_badge (badge, "83.5", band_name (table, "good"));

  /* …and gives 必备内容完整 its full 50 (42 before): 91.5, 优秀. */
  g_assert_true (fz_score_adjust (score, "content", 50, "原因分析见第二部分", &error));
  g_assert_no_error (error);
  flush_main_loop ();
  assert_badge (badge, "91.5", band_name (table, "excellent"));

  /* The memo: no score until the reviewer switches it on. */
  fz_report_page_show_view (page, "memo");
  flush_main_loop ();
  score_switch = GTK_SWITCH (find_child (GTK_WIDGET (memo_view), GTK_TYPE_SWITCH));
  g_assert_nonnull (score_switch);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (score_switch)));
  g_assert_false (gtk_switch_get_active (score_switch));
  g_assert_null (memo_paragraph (memo_view, "score"));

  gtk_switch_set_active (score_switch, TRUE);
  flush_main_loop ();
  g_assert_true (fz_review_get_score_in_memo (review));
  paragraph = memo_paragraph (memo_view, "score");
  g_assert_nonnull (paragraph);
  g_assert_nonnull (strstr (fz_memo_paragraph_get_text (paragraph), "本报告得91.5分（满分100分），等次为优秀。"));
  exported = fz_report_page_create_memo (page);
  g_assert_nonnull (fz_memo_document_find (fz_memo_get_document (exported), "score"));

  /* Adjusting again changes the memo too: 必备内容完整 back to 42, 83.5. */
  fz_score_clear_adjustment (score, "content");
  flush_main_loop ();
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

    while (!timed_out && (paragraph = memo_paragraph (memo_view, "score")) != NULL &&
           strstr (fz_memo_paragraph_get_text (paragraph), "83.5分") == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
  assert_badge (badge, "83.5", band_name (table, "good"));

  /* The choice is the review's: set elsewhere, the switch follows. */
  fz_review_set_score_in_memo (review, FALSE);
  flush_main_loop ();
  g_assert_false (gtk_switch_get_active (score_switch));
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

    while (!timed_out && memo_paragraph (memo_view, "score") != NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static void
test_batch_score (void)
{
  g_autofree char *folder = g_build_filename (fz_score_test_dir, "batch", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  static const char * const names[] = { "score-full.txt", "score-gaps.txt" };
  FzWindow *window = fz_window_new (app);
  GtkColumnView *matrix = NULL;
  GtkColumnViewColumn *column = NULL;
  GListModel *columns;
  FzBatchPage *batch;
  gboolean timed_out = FALSE;
  guint id;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (TESTDATADIR, "score", names[i], NULL);
      g_autofree char *to = g_build_filename (folder, names[i], NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
      g_assert_true (g_file_set_contents (to, text, -1, NULL));
    }
  g_ptr_array_add (files, g_file_new_for_path (folder));

  gtk_window_present (GTK_WINDOW (window));
  batch = fz_window_open_batch (window, files);
  id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (!batch_is_done (batch) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  flush_main_loop ();
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, 2);

  collect_widgets (GTK_WIDGET (batch), GTK_TYPE_COLUMN_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (!gtk_widget_has_css_class (g_ptr_array_index (views, i), "batch-units"))
      matrix = g_ptr_array_index (views, i);
  g_assert_nonnull (matrix);
  columns = gtk_column_view_get_columns (matrix);
  for (guint i = 0; i < g_list_model_get_n_items (columns) && column == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (c), "Score") == 0)
        column = c;
    }
  g_assert_nonnull (column);

  /* score-gaps.txt lacks two parts the full one has: it scores lower. */
  for (guint pass = 0; pass < 2; pass++)
    {
      GtkSortType order = pass == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
      FzBatchEntry *first, *second;

      gtk_column_view_sort_by_column (matrix, column, order);
      flush_main_loop ();
      first = fz_batch_page_get_row (batch, 0);
      second = fz_batch_page_get_row (batch, 1);
      g_assert_cmpfloat (fz_batch_entry_get_score_total (first), >=, 0);
      g_assert_cmpfloat (fz_batch_entry_get_score_total (second), >=, 0);
      if (order == GTK_SORT_ASCENDING)
        g_assert_cmpfloat (fz_batch_entry_get_score_total (first), <, fz_batch_entry_get_score_total (second));
      else
        g_assert_cmpfloat (fz_batch_entry_get_score_total (first), >, fz_batch_entry_get_score_total (second));
      g_assert_true (g_str_has_suffix (g_file_peek_path (fz_batch_entry_get_file (pass == 0 ? first : second)),
                                       "score-gaps.txt"));
    }

  /* Export Memos: the report whose review puts the score in states it,
   * the other does not. */
  {
    g_autofree char *memos_path = g_build_filename (fz_score_test_dir, "batch-memos", NULL);
    g_autoptr(GFile) memos = g_file_new_for_path (memos_path);
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    GListModel *entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
    g_autoptr(GDir) dir = NULL;
    const char *name;
    guint n_files = 0, n_stated = 0, gaps_copies = 0;

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);
        g_autoptr(FzReview) review = NULL;
        g_autoptr(GError) error = NULL;

        if (!g_str_has_suffix (g_file_peek_path (fz_batch_entry_get_file (e)), "score-gaps.txt"))
          continue;
        gaps_copies = fz_batch_entry_get_copy_findings (e) != NULL ? fz_batch_entry_get_copy_findings (e)->len : 0;
        review = fz_review_load_for_report (fz_batch_entry_get_sha256 (e), fz_batch_entry_get_display_name (e), &error);
        g_assert_no_error (error);
        fz_review_set_score_in_memo (review, TRUE);
        g_assert_true (fz_review_save (review, &error));
      }

    g_settings_set_string (settings, "memo-format", "md");
    g_assert_cmpint (g_mkdir_with_parents (memos_path, 0700), ==, 0);
    fz_window_export_batch_memos (window, memos);
    id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);
    while (!timed_out)
      {
        g_autoptr(GDir) d = g_dir_open (memos_path, 0, NULL);
        guint n = 0;

        while (g_dir_read_name (d) != NULL)
          n++;
        if (n == 3)
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_false (timed_out);
    g_source_remove (id);
    flush_main_loop ();

    dir = g_dir_open (memos_path, 0, NULL);
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (memos_path, name, NULL);
        g_autofree char *text = NULL;

        n_files++;
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        if (g_str_has_prefix (name, "score-gaps"))
          {
            g_autofree char *expected = NULL;

            /* score-gaps.txt by hand: 100 − 8 − 10 − 3 − 2 × 2 − 3 × 0.5
             * = 73.5, less 1 a passage shared with score-full.txt (at most
             * 3): still 合格. */
            g_assert_cmpuint (gaps_copies, >, 0);
            expected = g_strdup_printf ("本报告得%.1f分（满分100分），等次为合格。", 73.5 - MIN (gaps_copies, 3));
            g_assert_nonnull (strstr (text, "二、评分情况"));
            if (strstr (text, expected) == NULL)
              g_error ("“%s” not in the memo:\n%s", expected, text);
            n_stated++;
          }
        else
          g_assert_null (strstr (text, "评分情况"));
        g_unlink (path);
      }
    g_assert_cmpuint (n_files, ==, 3);
    g_assert_cmpuint (n_stated, ==, 1);
    g_rmdir (memos_path);
    g_settings_reset (settings, "memo-format");
    /* The review is the report's wherever it lies: leave it as found. */
    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);
        g_autoptr(FzReview) review = fz_review_load_for_report (fz_batch_entry_get_sha256 (e),
                                                                fz_batch_entry_get_display_name (e), NULL);

        g_assert_nonnull (review);
        fz_review_set_score_in_memo (review, FALSE);
        g_assert_true (fz_review_save (review, NULL));
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *rules_dir = NULL;
  g_autofree char *county_path = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  fz_score_test_init (&argc, &argv);

  /* The reviewer's own rule set with its table, where the window looks. */
  rules_dir = fz_ruleset_get_user_dir ();
  g_assert_cmpint (g_mkdir_with_parents (rules_dir, 0700), ==, 0);
  county_path = g_build_filename (rules_dir, "county-scored.xml", NULL);
  g_assert_true (g_file_set_contents (county_path, county_xml, -1, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/score/view", test_score_view);
  g_test_add_func ("/app/score/manual", test_score_manual);
  g_test_add_func ("/app/score/window-menu", test_window_menu);
  g_test_add_func ("/app/score/batch", test_batch_score);
  g_test_add_func ("/app/score/header-memo", test_header_and_memo);

  app = fz_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  ret = g_test_run ();
  g_clear_object (&app);
  fz_score_test_finish ();

  return ret;
}
