/* test-checks-text.c: the checks on text as real reports write it
 *
 * Rates, totals and years as reports really write them; page furniture;
 * traditional-script copies; 其他, 的/地/得 and the names of laws and
 * bodies (issue 14).  The fixtures are this file's own.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-checks-private.h"
#include "fz-test-checks.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

/* A site's converted page reads as the report it is: its wording is
 * checked in simplified form, and its script is one finding. */
static void
test_traditional_copy (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("湘潭縣衛生健康局關於2025年法治政府建設情況的報告\n"
                                              "2025年，我局壓實壓實法治建設責任，辦理行政複議案件5件，"
                                              "嚴格執行《中華人民共和國行政處罰法》。\n", &doc);
  FzFinding *f;

  g_assert_cmpuint (fz_test_count_id (findings, "traditional_char"), ==, 1);
  f = fz_test_assert_finding (findings, "traditional_char", "縣衛", FZ_SEVERITY_WARNING, "县卫");
  g_assert_nonnull (strstr (f->message, "traditional script"));
  /* Found in the simplified reading, shown as written. */
  fz_test_assert_finding (findings, "repeated_word", "壓實壓實", FZ_SEVERITY_WARNING, "压实");
  fz_test_assert_none (findings, "booktitle_missing");
}

/* How rates are really written: the part named the other way round, the
 * rate in a sentence of its own, spaces around the numbers. */
static void
test_figure_rate_forms (void)
{
  static const char * const wrong[] = {
    "全年共受理纠纷 52 件，调解成功 48 件，调解成功率达 100%。",
    "全年共受理纠纷52件，成功调解48件，调解成功率达100%。",
    "全年共受理纠纷52件，调解成功48件。调解成功率达100%。",
    "全年共受理纠纷52件，其中调解成功48件，调解成功率为100％。",
  };
  static const char * const right[] = {
    "全年共受理纠纷52件，调解成功52件，调解成功率达100%。",
    "全年共受理纠纷52件，成功调解48件，调解成功率达92.3%。",
    /* The rate of another count: nothing to check it against. */
    "全年共受理纠纷52件，群众满意率达100%。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = fz_test_check_text (wrong[i], &doc);
      FzFinding *f = NULL;

      for (guint k = 0; k < findings->len && f == NULL; k++)
        if (g_str_equal (((FzFinding *) g_ptr_array_index (findings, k))->id, "figure_rate"))
          f = g_ptr_array_index (findings, k);
      if (f == NULL)
        g_error ("no figure_rate finding in “%s”", wrong[i]);
      g_assert_nonnull (strstr (f->message, "48 ÷ 52 = 92.3%"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (right); i++)
    {
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = fz_test_check_text (right[i], &doc);

      fz_test_assert_none (findings, "figure_rate");
    }
}

/* A subset after 其中 is no breakdown: outcomes may leave cases pending. */
static void
test_figure_sum_subset (void)
{
  g_autoptr(FzDocument) a = NULL;
  g_autoptr(FzDocument) b = NULL;
  g_autoptr(FzDocument) c = NULL;
  g_autoptr(GPtrArray) outcomes = fz_test_check_text ("全年共办理行政复议案件20件，其中立案撤销8件，维持10件。", &a);
  g_autoptr(GPtrArray) too_many = fz_test_check_text ("全年共办理行政复议案件20件，其中立案撤销8件，维持15件。", &b);
  g_autoptr(GPtrArray) kinds = fz_test_check_text ("全年共受理矛盾纠纷30件，其中婚姻家庭纠纷12件，邻里纠纷10件。", &c);

  fz_test_assert_none (outcomes, "figure_sum");
  /* More than the whole is wrong however the parts are named. */
  fz_test_find (too_many, "figure_sum", "20件，其中立案撤销8件，维持15件");
  fz_test_find (kinds, "figure_sum", "30件，其中婚姻家庭纠纷12件，邻里纠纷10件");
}

/* A heading that rightly names the year before: "持续抓好2024年督察反馈问题
 * 整改" in the report on 2025 is about last year's findings. */
static void
test_year_neighbour (void)
{
  g_autofree char *text = fz_test_plant ("（三）化解矛盾纠纷", "（三）化解矛盾纠纷");
  g_autofree char *a = fz_test_replace_in (text, "一、主要举措和成效", "一、扎实推进2023年度法治督察反馈问题整改");
  g_autofree char *b = fz_test_replace_in (text, "一、主要举措和成效", "一、2023年主要举措和成效");
  g_autoptr(FzAnalysis) neighbour = fz_test_analyse (a, NULL);
  g_autoptr(FzAnalysis) own = fz_test_analyse (b, NULL);

  fz_test_assert_none (fz_analysis_get_findings (neighbour), "year_mismatch");
  g_assert_cmpint (fz_analysis_find_element (neighbour, "measures_and_results")->status, ==, FZ_STATUS_PRESENT);
  fz_test_find_with (fz_analysis_get_findings (own), "year_mismatch", "2023", "2024");
  g_assert_cmpint (fz_analysis_find_element (own, "measures_and_results")->status, ==, FZ_STATUS_NEEDS_REVIEW);
}

/* Furniture of a saved web page is no text of the report: no Latin words,
 * no half-width or unbalanced marks there. */
static void
test_furniture_quiet (void)
{
  g_autofree char *text = fz_test_clean_text ();
  g_autofree char *page = g_strconcat ("当前位置：首页 > 政务公开 > 法治政府建设年度报告\n"
                                       "索引号：11440800MB2C91/2025-00031  发布机构：碧溪镇人民政府\n"
                                       "发布时间：2025-02-21 09:30  来源：本网  浏览次数：352\n"
                                       "【字体：大 中 小】 【打印】 分享到：(微信) [QQ空间]\n",
                                       text,
                                       "【打印本页】 【关闭窗口】\n", NULL);
  g_autoptr(FzAnalysis) plain = fz_test_analyse (text, NULL);
  g_autoptr(FzAnalysis) web = fz_test_analyse (page, NULL);
  static const char * const ids[] = {
    "latin_word", "punct_halfwidth", "punct_unbalanced", "repeated_word", "markup_residue",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpuint (fz_test_count_id (fz_analysis_get_findings (web), ids[i]), ==,
                      fz_test_count_id (fz_analysis_get_findings (plain), ids[i]));
  g_assert_cmpstr (fz_analysis_get_metadata (web)->title.value, ==,
                   fz_analysis_get_metadata (plain)->title.value);
  g_assert_cmpstr (fz_analysis_get_metadata (web)->published_iso, ==, "2025-02-21");
}

static void
test_word_usage (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzDocument) clean_doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("其它工作有序推进，持续打造法制政府，截止到目前已办结。", &doc);
  g_autoptr(GPtrArray) clean = fz_test_check_text ("其他工作有序推进，持续打造法治政府，截至目前已办结，"
                                           "健全法制审核机制。", &clean_doc);

  fz_test_assert_finding (findings, "word_usage", "其它", FZ_SEVERITY_WARNING, "其他");
  fz_test_assert_finding (findings, "word_usage", "法制政府", FZ_SEVERITY_WARNING, "法治政府");
  /* The longer form wins. */
  fz_test_assert_finding (findings, "word_usage", "截止到目前", FZ_SEVERITY_WARNING, "截至目前");
  g_assert_cmpuint (fz_test_count_id (findings, "word_usage"), ==, 3);
  fz_test_assert_none (clean, "word_usage");

  /* The three checks share a pass; each is still switched on its own. */
  {
    g_autoptr(FzAnalysis) off = fz_test_analyse ("其它工作有序推进，个别纠纷处理地不够好，认真学习《复议法》。",
                                         "<ruleset id=\"quiet\" version=\"1\" extends=\"national\">"
                                         "<name>静</name><check id=\"word_usage\" enabled=\"false\"/></ruleset>");

    fz_test_assert_none (fz_analysis_get_findings (off), "word_usage");
    g_assert_cmpuint (fz_test_count_id (fz_analysis_get_findings (off), "de_usage"), ==, 1);
    g_assert_cmpuint (fz_test_count_id (fz_analysis_get_findings (off), "standard_name"), ==, 1);
  }
}

static void
test_de_usage (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzDocument) clean_doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("个别纠纷处理地不够好，整改落实的不到位，干部认真得学习法律。", &doc);
  g_autoptr(GPtrArray) clean = fz_test_check_text ("纠纷处理得很好，认真地学习法律，开展的很多活动深受欢迎，"
                                           "问题有效得到解决，基地不够用，落实的措施不到位。", &clean_doc);
  FzFinding *f;

  f = fz_test_assert_finding (findings, "de_usage", "地", FZ_SEVERITY_WARNING, "得");
  g_assert_nonnull (strstr (f->message, "处理地不够"));
  fz_test_assert_finding (findings, "de_usage", "的", FZ_SEVERITY_WARNING, "得");
  f = fz_test_assert_finding (findings, "de_usage", "得", FZ_SEVERITY_WARNING, "地");
  g_assert_nonnull (strstr (f->message, "认真得学习"));
  g_assert_cmpuint (fz_test_count_id (findings, "de_usage"), ==, 3);
  fz_test_assert_none (clean, "de_usage");
}

static void
test_standard_name (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzDocument) clean_doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("认真学习《复议法》和《中华人民共和国处罚法》，"
                                              "主动接受县人大常委监督，配合市监局检查。", &doc);
  g_autoptr(GPtrArray) clean = fz_test_check_text ("认真学习《行政复议法》《中华人民共和国行政处罚法》和《民事诉讼法》，"
                                           "主动接受县人大常委会监督，配合市场监管局检查。", &clean_doc);

  fz_test_assert_finding (findings, "standard_name", "《复议法》", FZ_SEVERITY_WARNING, "《行政复议法》");
  fz_test_assert_finding (findings, "standard_name", "《中华人民共和国处罚法》", FZ_SEVERITY_WARNING, "《行政处罚法》");
  fz_test_assert_finding (findings, "standard_name", "人大常委", FZ_SEVERITY_WARNING, "人大常委会");
  fz_test_assert_finding (findings, "standard_name", "市监局", FZ_SEVERITY_WARNING, "市场监管局");
  fz_test_assert_none (clean, "standard_name");
}

/* The checks run are the ones a rule set may name, followed by the
 * findings about filing and publication. */
static void
test_registry (void)
{
  static const char * const outside[] = { "filed_late", "published_late", "published_differs", NULL };
  g_auto(GStrv) run = _fz_checks_run_ids ();
  g_auto(GStrv) known = fz_check_registry_list_ids ();
  guint n = g_strv_length (run);

  g_assert_cmpuint (g_strv_length (known), ==, n + g_strv_length ((char **) outside));
  for (guint i = 0; run[i] != NULL; i++)
    g_assert_cmpstr (run[i], ==, known[i]);
  for (guint i = 0; outside[i] != NULL; i++)
    {
      g_assert_cmpstr (known[n + i], ==, outside[i]);
      g_assert_true (fz_check_registry_is_known (outside[i]));
      g_assert_nonnull (fz_checks_get_source (outside[i]));
    }
  g_assert_false (fz_check_registry_is_known ("no_such_check"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/checks-text/traditional-copy", test_traditional_copy);
  g_test_add_func ("/checks-text/figure-rate/forms", test_figure_rate_forms);
  g_test_add_func ("/checks-text/figure-sum/subset", test_figure_sum_subset);
  g_test_add_func ("/checks-text/year-mismatch/neighbour", test_year_neighbour);
  g_test_add_func ("/checks-text/furniture-quiet", test_furniture_quiet);
  g_test_add_func ("/checks-text/word-usage", test_word_usage);
  g_test_add_func ("/checks-text/de-usage", test_de_usage);
  g_test_add_func ("/checks-text/standard-name", test_standard_name);
  g_test_add_func ("/checks-text/registry", test_registry);

  return g_test_run ();
}
