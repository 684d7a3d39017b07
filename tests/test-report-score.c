/* test-report-score.c: a report's score, published page and filing, and
 * the tables to choose from
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fz-test-report.h"
#include "fz-test-utils.h"

/* The report as a site published it, with one figure changed. */
static const char published_html[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
  "<title>青山镇人民政府关于2024年度法治政府建设情况的报告</title></head><body>\n"
  "<h1>青山镇人民政府关于2024年度法治政府建设情况的报告</h1>\n"
  "<div class=\"info\">发布时间：2025-04-08</div>\n"
  "<p>县人民政府：</p>\n"
  "<p>现将我镇2024年度法治政府建设情况报告如下。</p>\n"
  "<p>一、主要举措和成效</p>\n"
  "<p>全年办理行政处罚案件52宗，开展行政检查160次，组织普法宣传活动42场，"
  "调解矛盾纠纷118宗，调解成功112宗。镇党委书记、镇长履行推进法治建设第一责任人职责，"
  "专题研究法治工作4次。</p>\n"
  "<p>二、存在的不足和原因</p>\n"
  "<p>执法力量薄弱，部分领域监管覆盖不全。原因是执法人员编制不足，培训不够系统。</p>\n"
  "<p>三、2025年工作安排</p>\n"
  "<p>加强执法队伍建设，开展行政检查，完善法律顾问制度，推进基层依法治理。</p>\n"
  "<p>青山镇人民政府</p>\n"
  "<p>2025年1月20日</p>\n"
  "</body></html>\n";

/* The report's score under the national table follows the decisions, the
 * filing record and the published page in place: one score object, its
 * items updated, never rebuilt.  The points are the table's, by hand:
 * 不足的原因 missing costs 8 of 必备内容完整's 50; filing late costs 4 and
 * each paragraph published otherwise 1 of 按时报送和公开's 10. */
static void
test_score (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GError) error = load (report);
  g_autofree char *page_path = g_build_filename (f->dir, "published.html", NULL);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(FzPublishedPage) page = NULL;
  static const char * const contents[] = {
    "measures_and_results", "shortcomings", "causes", "first_responsible_person", "next_year_plan",
  };
  FzReview *review;
  FzFiling *filing;
  FzScore *score;
  FzScoreItem *content, *timeliness;
  guint rebuilt = 0, findings_changed = 0, new_score = 0;

  g_assert_no_error (error);
  review = fz_report_get_review (report);
  filing = fz_review_get_filing (review);
  score = fz_report_get_score (report);
  g_assert_nonnull (score);
  g_assert_true (fz_score_get_table (score) == fz_ruleset_get_score_table (fz_report_get_ruleset (report)));
  g_assert_true (fz_score_get_review (score) == review);

  g_signal_connect (fz_score_get_items (score), "items-changed", G_CALLBACK (count_items_changed), &rebuilt);
  g_signal_connect (report, "findings-changed", G_CALLBACK (count_notify), &findings_changed);
  g_signal_connect (report, "notify::score", G_CALLBACK (count_notify), &new_score);

  content = fz_score_find_item (score, "content");
  timeliness = fz_score_find_item (score, "timeliness");
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    fz_review_set_decision (review, contents[i], FZ_STATUS_PRESENT, NULL);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (content), 50, 0.001);
  fz_review_set_decision (review, "causes", FZ_STATUS_MISSING, "没有分析原因");
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (content), 50 - 8, 0.001);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10, 0.001);

  /* Received after 1 March 2025: filed late, a finding and 4 points. */
  g_assert_cmpuint (fz_test_count_id (fz_report_get_findings (report), "filed_late"), ==, 0);
  g_assert_true (fz_filing_set_received (filing, "2025-03-05", NULL));
  g_assert_cmpuint (fz_test_count_id (fz_report_get_findings (report), "filed_late"), ==, 1);
  g_assert_cmpuint (findings_changed, ==, 1);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4, 0.001);
  /* Another field of the record changes no finding. */
  fz_filing_set_published_column (filing, "法治政府建设");
  g_assert_cmpuint (findings_changed, ==, 1);

  /* The published page, compared in a worker: one paragraph differs. */
  g_assert_true (g_file_set_contents (page_path, published_html, -1, NULL));
  fz_published_page_load_async (page_file, fz_report_get_analysis (report), NULL, fz_test_page_loaded, &page);
  while (page == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (fz_published_page_get_differences (page)), ==, 1);
  fz_report_set_published_page (report, page);
  g_assert_true (fz_report_get_published_page (report) == page);
  g_assert_cmpuint (fz_test_count_id (fz_report_get_findings (report), "published_differs"), ==, 1);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4 - 1, 0.001);

  /* Its date, filled in, is after 1 April: published late too. */
  g_assert_true (fz_published_page_fill_filing (page, filing));
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-04-08");
  g_assert_cmpuint (fz_test_count_id (fz_report_get_findings (report), "published_late"), ==, 1);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4 - 4 - 1, 0.001);
  g_assert_cmpfloat_with_epsilon (fz_score_get_total (score),
                                  fz_score_get_max (score) - 8 - 9 -
                                  fz_score_item_get_deducted (fz_score_find_item (score, "substance")) -
                                  fz_score_item_get_deducted (fz_score_find_item (score, "form")), 0.001);

  /* Forgetting the page takes its difference away again. */
  fz_report_set_published_page (report, NULL);
  g_assert_cmpuint (fz_test_count_id (fz_report_get_findings (report), "published_differs"), ==, 0);
  g_assert_cmpfloat_with_epsilon (fz_score_item_get_points (timeliness), 10 - 4 - 4, 0.001);

  g_assert_cmpuint (rebuilt, ==, 0);
  g_assert_cmpuint (new_score, ==, 0);
  g_assert_true (fz_report_get_score (report) == score);

  g_signal_handlers_disconnect_by_data (fz_score_get_items (score), &rebuilt);
  g_signal_handlers_disconnect_by_data (report, &findings_changed);
  g_signal_handlers_disconnect_by_data (report, &new_score);
  g_assert_finalize_object (g_steal_pointer (&page));
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* A rule set without a table gives no score. */
static void
test_no_score (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, NULL, NULL);
  g_autoptr(FzRuleSet) bare = NULL;
  g_autoptr(GError) error = NULL;
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ruleset id=\"bare\" version=\"1\"><name>无评分表</name>"
    "<element id=\"plan\" required=\"true\"><name>工作安排</name>"
    "<heading>工作安排</heading></element></ruleset>\n";

  bare = fz_ruleset_new_from_data (xml, strlen (xml), "bare.xml", &error);
  g_assert_no_error (error);
  fz_report_set_ruleset (report, bare);
  g_assert_true (fz_report_load (report, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fz_report_get_score (report));
  g_assert_finalize_object (g_steal_pointer (&report));
}


static const char scored_county_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"scored\" version=\"1\" extends=\"national\">\n"
  "  <name>某县审查要点（带评分表）</name>\n"
  "  <scoring>\n"
  "    <name>某县评分表</name>\n"
  "    <item id=\"parts\" points=\"90\"><name>内容</name>"
  "<element ref=\"causes\" missing=\"30\" partial=\"10\"/></item>\n"
  "    <item id=\"judgement\" points=\"10\" manual=\"true\"><name>综合</name></item>\n"
  "    <band id=\"a\" min=\"90\"><name>优秀</name></band>\n"
  "    <band id=\"c\" min=\"0\"><name>其他</name></band>\n"
  "  </scoring>\n"
  "</ruleset>\n";

/* The tables to choose from: those the store's sets define, each once,
 * following the folder as the store does. */
static void
test_score_tables (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "rules", NULL);
  g_autoptr(FzScoreTableList) tables = fz_score_table_list_new (f->rulesets);
  GListModel *list = G_LIST_MODEL (tables);
  gboolean changed = FALSE;

  /* Of the two built-in sets only national defines a table; guangdong
   * inherits it. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->rulesets)), ==, 2);
  g_assert_nonnull (fz_ruleset_get_score_table (fz_ruleset_store_lookup (f->rulesets, "guangdong")));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (fz_score_table_list_find (tables, "national"), ==, 0);
  g_assert_cmpuint (fz_score_table_list_find (tables, "guangdong"), ==, G_MAXUINT);

  /* A set that inherits the table adds none; one with its own adds it. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  write_rules (folder, "county.xml", fz_test_county_xml);
  write_rules (folder, "scored.xml", scored_county_xml);
  while (fz_score_table_list_find (tables, "scored") == G_MAXUINT)
    {
      wait_for (&changed);
      wait_for_rulesets (f->rulesets);
      changed = FALSE;
    }
  g_signal_handlers_disconnect_by_data (list, &changed);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(FzScoreTable) table = g_list_model_get_item (list, fz_score_table_list_find (tables, "scored"));

    g_assert_cmpstr (fz_score_table_get_name (table), ==, "某县评分表");
    g_assert_cmpfloat (fz_score_table_get_max (table), ==, 100);
  }
  g_assert_true (fz_score_table_list_get_store (tables) == f->rulesets);
  g_assert_finalize_object (g_steal_pointer (&tables));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  fz_test_report_add ("score", test_score);
  fz_test_report_add ("no-score", test_no_score);
  fz_test_report_add ("score-tables", test_score_tables);

  return g_test_run ();
}
