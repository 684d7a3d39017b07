/* test-results.c: the year's work read from a report's parts
 *
 * Reports often give the measures and results no heading of their own and
 * tell them in topical parts (issue 14): those parts are read as the
 * measures and results by their place, their substance and the 纲要's
 * areas, and phrasings of the parts seen in other real reports read as
 * their parts.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-checker.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

/* Phrasings of the parts seen in real reports other than the development
 * set (../shared/docs/rules.md, A.1 and A.3): each reads as its part. */
static void
test_phrasings (void)
{
  static const char * const results[] = {
    "主要举措及成效", "2024年主要举措和工作成效", "2024年推进法治政府建设的总体情况及成效",
    "2024年度主要工作", "2024年度法治政府工作总结", "2024年推进法治政府建设工作情况",
    "2024法治政府建设工作主要情况", "2024年度主要工作开展情况", "全面推进依法行政，持续优化法治化营商环境",
  };
  static const char * const problems[] = {
    "存在的问题和不足", "存在问题", "主要问题及原因", "短板和不足", "差距和不足", "困难和问题",
  };
  static const char * const plans[] = {
    "下一年度主要安排", "2025年工作安排", "2025年度工作思路", "下一步工作计划", "下一步工作打算",
    "今后工作打算",
  };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *text =
        g_strdup_printf ("青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                         "县委、县政府：\n"
                         "2024年，我镇坚持依法行政。现将有关情况报告如下：\n"
                         "一、%s\n"
                         "全年召开党委理论学习中心组学法会议6次，开展普法宣传活动24场，办理行政复议案件3件，"
                         "落实行政执法“三项制度”，行政规范性文件均经合法性审核，政务服务事项全部网上可办。"
                         "重大行政决策均经公众参与、专家论证、风险评估、合法性审查和集体讨论决定，"
                         "全年排查调处矛盾纠纷42起，化解率达95%%以上，群众法治意识明显增强。\n"
                         "二、%s\n"
                         "普法针对性不强，执法人员专业化程度不高，主要原因是培训偏少、人员流动较大。\n"
                         "三、%s\n"
                         "一是深化学法用法，每季度组织一次专题学法；二是规范执法行为，开展案卷评查；"
                         "三是加强普法宣传，落实“谁执法谁普法”责任制。\n",
                         results[i], problems[i % G_N_ELEMENTS (problems)], plans[i % G_N_ELEMENTS (plans)]);
      g_autoptr(FzDocument) document = fz_document_new_from_text (text, -1, "phrasing.txt");
      g_autoptr(FzTestChecked) checked = fz_test_check_document (document, "national", 2024);

      fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
      fz_test_assert_status (checked, "shortcomings", FZ_STATUS_PRESENT);
      fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_PRESENT);
      g_assert_cmpstr (((FzSection *) g_ptr_array_index (checked->sections, 0))->element, ==,
                       "measures_and_results");
    }
}

/* Bare topical headings are no account of anything. */
static void
test_topical_bare (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-topical-bare.txt", "national", 2024);

  g_assert_cmpint (fz_test_find_result (checked, "measures_and_results")->status, !=, FZ_STATUS_PRESENT);
  for (guint i = 0; i < checked->sections->len; i++)
    g_assert_cmpstr (((FzSection *) g_ptr_array_index (checked->sections, i))->element, !=,
                     "measures_and_results");
}

/* Parts that name none of the 纲要's areas may be something else (a
 * profile of the town): a reviewer must look. */
static void
test_topical_off_subject (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-topical-off.txt", "national", 2024);

  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_NEEDS_REVIEW);
  fz_test_assert_explains (checked, "measures_and_results", "未涉及《纲要》任务领域");
}

/* A topical part's own sub-heading ("…推进法治建设情况") is not the
 * measures part; the part above it is.  After the shortcomings, topical
 * headings are not the year's work. */
static void
test_topical_nested_and_after (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-topical-nested.txt", "national", 2024);
  const FzElementResult *measures = fz_test_find_result (checked, "measures_and_results");

  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
  g_assert_cmpint (measures->section, ==, 0);
  for (guint i = 0; i < checked->sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (checked->sections, i);

      if (s->depth == 1 && i == 0)
        g_assert_cmpstr (s->element, ==, "measures_and_results");
      else if (s->depth > 1)
        g_assert_null (s->element);
      else if (g_str_has_prefix (s->heading, "加强队伍"))
        g_assert_null (s->element);
    }
}

/* The first-responsible duty in a traditional-script copy. */
static void
test_traditional_copy (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-traditional.txt", "national", 2023);

  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PRESENT);
  fz_test_assert_explains (checked, "first_responsible_person", "第一責任人");
}

/* The first-responsible duty heads a part at any level, however named. */
static void
test_first_responsible_any_level (void)
{
  static const char * const headings[] = {
    "（二）压实“一把手”法治建设责任",
    "（二）主要负责人履行推进法治建设第一责任人职责",
    "（二）嚴格履行第一責任人職責",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *text =
        g_strdup_printf ("青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                         "县委、县政府：\n"
                         "2024年，我镇坚持依法行政。现将有关情况报告如下：\n"
                         "一、主要举措和成效\n"
                         "（一）深入学习贯彻习近平法治思想\n"
                         "党委理论学习中心组集体学法6次，开展法治培训4场，参训干部120人次。\n"
                         "%s\n"
                         "镇党委书记、镇长带头学法述法，4次主持召开专题会议研究法治建设重大问题，"
                         "对重要工作亲自部署、重大问题亲自过问。\n"
                         "二、存在的不足和原因\n"
                         "普法针对性不强，主要原因是培训偏少，由于人员流动较大导致执法力量不足。\n",
                         headings[i]);
      g_autoptr(FzDocument) document = fz_document_new_from_text (text, -1, "frp.txt");
      g_autoptr(FzTestChecked) checked = fz_test_check_document (document, "national", 2024);
      const FzElementResult *frp = fz_test_find_result (checked, "first_responsible_person");

      fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PRESENT);
      g_assert_cmpuint (fz_test_result_section (checked, frp)->depth, ==, 2);
    }
}

/* "解决工作中存在的问题" in the year's work is work, not a shortcoming; a
 * sentence that owns one ("但也存在一些问题") is. */
static void
test_shortcomings_phrase (void)
{
  static const char report[] =
    "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
    "县委、县政府：\n"
    "2024年，我镇坚持依法行政。现将有关情况报告如下：\n"
    "一、主要举措和成效\n"
    "全年召开党委理论学习中心组学法会议6次，开展普法宣传活动24场，及时解决工作中存在的问题，"
    "对督察反馈存在的问题全部整改到位，落实行政执法“三项制度”，行政规范性文件均经合法性审核，"
    "重大行政决策均经公众参与、专家论证、风险评估、合法性审查和集体讨论决定。";
  g_autofree char *acting = g_strconcat (report, "\n", NULL);
  g_autofree char *owning = g_strconcat (report, "但也存在一些问题，普法针对性不强。\n", NULL);
  g_autoptr(FzDocument) a = fz_document_new_from_text (acting, -1, "acting.txt");
  g_autoptr(FzDocument) b = fz_document_new_from_text (owning, -1, "owning.txt");
  g_autoptr(FzTestChecked) work = fz_test_check_document (a, "national", 2024);
  g_autoptr(FzTestChecked) confession = fz_test_check_document (b, "national", 2024);

  fz_test_assert_status (work, "shortcomings", FZ_STATUS_MISSING);
  fz_test_assert_status (confession, "shortcomings", FZ_STATUS_PARTIAL);
  fz_test_assert_explains (confession, "shortcomings", "但也存在一些问题");
}

int
main (int   argc,
      char *argv[])
{
  /* The explanations asserted below are the Chinese ones. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/results/phrasings", test_phrasings);
  g_test_add_func ("/results/topical/bare", test_topical_bare);
  g_test_add_func ("/results/topical/off-subject", test_topical_off_subject);
  g_test_add_func ("/results/topical/nested-and-after", test_topical_nested_and_after);
  g_test_add_func ("/results/traditional-copy", test_traditional_copy);
  g_test_add_func ("/results/shortcomings-phrase", test_shortcomings_phrase);
  g_test_add_func ("/results/first-responsible-any-level", test_first_responsible_any_level);

  return g_test_run ();
}
