/* test-figures.c: the quantities a report states
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fz-test-utils.h"
#include "libfazhi.h"

typedef struct
{
  const char   *text;
  double        value;
  const char   *unit;
  FzFigureKind  kind;
  gboolean      approx;
} Expected;

/* Every figure must describe its own range of the text. */
static void
assert_consistent (FzDocument *doc,
                   GPtrArray  *figures)
{
  guint last = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      FzFigure *f = g_ptr_array_index (figures, i);
      g_autofree char *range = fz_document_dup_range (doc, f->start, f->end);

      g_assert_cmpstr (range, ==, f->text);
      g_assert_cmpuint (f->start, <, f->end);
      g_assert_cmpuint (f->start, >=, last);
      g_assert_nonnull (f->context);
      g_assert_nonnull (strstr (f->context, f->text));
      last = f->end;
    }
}

static GPtrArray *
figures_of (const char  *text,
            FzDocument **doc_out)
{
  FzDocument *doc = fz_document_new_from_text (text, -1, NULL);
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);
  GPtrArray *figures = fz_figures_extract (doc, sections);

  assert_consistent (doc, figures);
  *doc_out = doc;

  return figures;
}

static void
assert_figures (const char     *text,
                const Expected *expected,
                guint           n_expected)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) figures = figures_of (text, &doc);

  for (guint i = 0; i < MIN (figures->len, n_expected); i++)
    {
      FzFigure *f = g_ptr_array_index (figures, i);

      g_assert_cmpstr (f->text, ==, expected[i].text);
      g_assert_cmpfloat_with_epsilon (f->value, expected[i].value, 1e-9);
      g_assert_cmpstr (f->unit, ==, expected[i].unit);
      g_assert_cmpint (f->kind, ==, expected[i].kind);
      g_assert_cmpint (f->approx, ==, expected[i].approx);
    }
  g_assert_cmpuint (figures->len, ==, n_expected);
}

static void
test_counts (void)
{
  static const Expected expected[] = {
    { "25件", 25, "件", FZ_FIGURE_COUNT, FALSE },
    { "16宗", 16, "宗", FZ_FIGURE_COUNT, FALSE },
    { "2起", 2, "起", FZ_FIGURE_COUNT, FALSE },
    { "44次", 44, "次", FZ_FIGURE_COUNT, FALSE },
    { "8场", 8, "场", FZ_FIGURE_COUNT, FALSE },
    { "668场次", 668, "场次", FZ_FIGURE_COUNT, FALSE },
    { "311人次", 311, "人次", FZ_FIGURE_COUNT, FALSE },
    { "11人", 11, "人", FZ_FIGURE_COUNT, FALSE },
    { "9名", 9, "名", FZ_FIGURE_COUNT, FALSE },
    { "17个", 17, "个", FZ_FIGURE_COUNT, FALSE },
    { "424项", 424, "项", FZ_FIGURE_COUNT, FALSE },
    { "48家", 48, "家", FZ_FIGURE_COUNT, FALSE },
    { "8份", 8, "份", FZ_FIGURE_COUNT, FALSE },
    { "72条", 72, "条", FZ_FIGURE_COUNT, FALSE },
    { "90篇", 90, "篇", FZ_FIGURE_COUNT, FALSE },
    { "28台", 28, "台", FZ_FIGURE_COUNT, FALSE },
    { "9辆", 9, "辆", FZ_FIGURE_COUNT, FALSE },
    { "106批", 106, "批", FZ_FIGURE_COUNT, FALSE },
    { "3期", 3, "期", FZ_FIGURE_COUNT, FALSE },
    { "120户", 120, "户", FZ_FIGURE_COUNT, FALSE },
    { "2所", 2, "所", FZ_FIGURE_COUNT, FALSE },
    { "5座", 5, "座", FZ_FIGURE_COUNT, FALSE },
    { "30套", 30, "套", FZ_FIGURE_COUNT, FALSE },
    { "500册", 500, "册", FZ_FIGURE_COUNT, FALSE },
    { "3000张", 3000, "张", FZ_FIGURE_COUNT, FALSE },
    { "6块", 6, "块", FZ_FIGURE_COUNT, FALSE },
    { "2处", 2, "处", FZ_FIGURE_COUNT, FALSE },
    { "4部", 4, "部", FZ_FIGURE_COUNT, FALSE },
    { "3支", 3, "支", FZ_FIGURE_COUNT, FALSE },
  };

  assert_figures ("全年受理案件25件，办结16宗，移交2起，开展夜访44次，进校园8场，"
                  "召开宣传会668场次，接访311人次，执法人员11人，专职9名，覆盖17个村，"
                  "梳理事项424项，检查企业48家，发放通知书8份，公开信息72条，推送稿件90篇，"
                  "查扣挖掘机28台、车辆9辆，接待来访106批，举办培训班3期，走访120户，"
                  "联系学校2所，建成公园5座，配发执法记录仪30套，印制手册500册、传单3000张，"
                  "设置展板6块、宣传栏2处，拍摄微电影4部，组建志愿服务队3支。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_longest_unit (void)
{
  static const Expected expected[] = {
    { "30人次", 30, "人次", FZ_FIGURE_COUNT, FALSE },
    { "12场次", 12, "场次", FZ_FIGURE_COUNT, FALSE },
    { "6个月", 6, "个月", FZ_FIGURE_MEASURE, FALSE },
    { "3个百分点", 3, "个百分点", FZ_FIGURE_PERCENT, FALSE },
    { "1200平方米", 1200, "平方米", FZ_FIGURE_MEASURE, FALSE },
    { "3个多月", 3, "个月", FZ_FIGURE_MEASURE, TRUE },
  };

  assert_figures ("培训30人次，宣讲12场次，整治6个月，比例提高3个百分点，"
                  "新建广场1200平方米，历时3个多月。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_money (void)
{
  static const Expected expected[] = {
    { "587377元", 587377, "元", FZ_FIGURE_MONEY, FALSE },
    { "1.7808万元", 1.7808, "万元", FZ_FIGURE_MONEY, FALSE },
    { "3万元", 3, "万元", FZ_FIGURE_MONEY, FALSE },
    { "1.2亿元", 1.2, "亿元", FZ_FIGURE_MONEY, FALSE },
    { "5千元", 5, "千元", FZ_FIGURE_MONEY, FALSE },
    { "约3000万元", 3000, "万元", FZ_FIGURE_MONEY, TRUE },
  };

  /* The source has "1.7808 万元": the normalizer drops the space. */
  assert_figures ("罚没款共计587377元，处罚了1.7808 万元，罚款3万元，"
                  "项目总投资1.2亿元，奖励5千元，涉及金额约3000万元。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_percent (void)
{
  static const Expected expected[] = {
    { "100%", 100, "%", FZ_FIGURE_PERCENT, FALSE },
    { "90.9%", 90.9, "%", FZ_FIGURE_PERCENT, FALSE },
    { "87％", 87, "％", FZ_FIGURE_PERCENT, FALSE },
    { "2‰", 2, "‰", FZ_FIGURE_PERCENT, FALSE },
    { "2个百分点", 2, "个百分点", FZ_FIGURE_PERCENT, FALSE },
    { "1.5倍", 1.5, "倍", FZ_FIGURE_PERCENT, FALSE },
    /* A space the normalizer keeps, between a number and "%". */
    { "98 %", 98, "%", FZ_FIGURE_PERCENT, FALSE },
  };

  assert_figures ("合格率100%，覆盖率达90.9%，持证率87％，发案率2‰，"
                  "比上年下降2个百分点，增长1.5倍，满意度98 %。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_measures (void)
{
  static const Expected expected[] = {
    { "12.5亩", 12.5, "亩", FZ_FIGURE_MEASURE, FALSE },
    { "3公里", 3, "公里", FZ_FIGURE_MEASURE, FALSE },
    { "800米", 800, "米", FZ_FIGURE_MEASURE, FALSE },
    { "2.3吨", 2.3, "吨", FZ_FIGURE_MEASURE, FALSE },
    { "150千克", 150, "千克", FZ_FIGURE_MEASURE, FALSE },
    { "20公斤", 20, "公斤", FZ_FIGURE_MEASURE, FALSE },
    { "50克以上", 50, "克", FZ_FIGURE_MEASURE, TRUE },
    { "16小时", 16, "小时", FZ_FIGURE_MEASURE, FALSE },
    { "7天", 7, "天", FZ_FIGURE_MEASURE, FALSE },
    { "5个工作日", 5, "个工作日", FZ_FIGURE_MEASURE, FALSE },
  };

  assert_figures ("复垦耕地12.5亩，清理河道3公里、沟渠800米，清运垃圾2.3吨，"
                  "收缴物品150千克、20公斤，收缴毒品50克以上，培训16小时，"
                  "整改期限7天，办结时限压缩至5个工作日。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_multipliers_and_approx (void)
{
  static const Expected expected[] = {
    { "6万余份", 6, "万份", FZ_FIGURE_COUNT, TRUE },
    { "超10万人次以上", 10, "万人次", FZ_FIGURE_COUNT, TRUE },
    { "约330人次", 330, "人次", FZ_FIGURE_COUNT, TRUE },
    { "近50人", 50, "人", FZ_FIGURE_COUNT, TRUE },
    { "超过200次", 200, "次", FZ_FIGURE_COUNT, TRUE },
    { "逾300户", 300, "户", FZ_FIGURE_COUNT, TRUE },
    { "将近30个", 30, "个", FZ_FIGURE_COUNT, TRUE },
    { "100多人", 100, "人", FZ_FIGURE_COUNT, TRUE },
    { "3000余人次", 3000, "人次", FZ_FIGURE_COUNT, TRUE },
    { "20人左右", 20, "人", FZ_FIGURE_COUNT, TRUE },
    { "12万", 12, "万", FZ_FIGURE_COUNT, FALSE },
    { "3次", 3, "次", FZ_FIGURE_COUNT, FALSE },
    { "5家", 5, "家", FZ_FIGURE_COUNT, FALSE },
  };

  /* "达" is no approximation; 最近 and 附近 are "recent" and "nearby". */
  assert_figures ("发放材料6万余份，阅读量超10万人次以上，当面报告约330人次，"
                  "参训近50人，查访超过200次，走访逾300户，设立将近30个站点，"
                  "组织100多人，出动3000余人次，每期20人左右，点击量达12万，"
                  "最近3次会议，附近5家企业。",
                  expected, G_N_ELEMENTS (expected));
}

static void
test_separators (void)
{
  static const Expected expected[] = {
    { "1,200人", 1200, "人", FZ_FIGURE_COUNT, FALSE },
    { "12,345,678元", 12345678, "元", FZ_FIGURE_MONEY, FALSE },
    { "0.5吨", 0.5, "吨", FZ_FIGURE_MEASURE, FALSE },
    { "１２件", 12, "件", FZ_FIGURE_COUNT, FALSE },
  };

  assert_figures ("参与人数达1,200人，涉案金额12,345,678元，清运0.5吨，办结１２件。",
                  expected, G_N_ELEMENTS (expected));
}

/* Numbers that are no quantity: years, dates, clock times, ordinals, 文号,
 * phone numbers, hotlines, slogans and product names. */
static void
test_non_figures (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("figures-nonfigures.txt");
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);
  g_autoptr(GPtrArray) figures = fz_figures_extract (doc, sections);

  for (guint i = 0; i < figures->len; i++)
    g_test_message ("unexpected figure “%s”", ((FzFigure *) g_ptr_array_index (figures, i))->text);
  g_assert_cmpuint (figures->len, ==, 0);
}

static void
test_non_figures_inline (void)
{
  static const char * const texts[] = {
    "2024年12月25日召开会议。",
    "第3批典型镇名单公布，第 5 次会议召开。",
    "上午9:30开会，下午14：00结束。",
    "北府〔2024〕47号文件印发。",
    "联系电话：0759-7171101。",
    "市长热线“12345”全天受理。",
    "健全“1+6+N”工作体系。",
    "围绕省委“1310”具体部署。",
    "推进5G基站建设，监测PM2.5浓度。",
    "在“12.4”国家宪法日开展宣传。",
    "文件于2024.01.05印发。",
    "完成2021-2025年规划。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) figures = figures_of (texts[i], &doc);

      if (figures->len != 0)
        g_error ("“%s” gave the figure “%s”", texts[i],
                 ((FzFigure *) g_ptr_array_index (figures, 0))->text);
    }
}

static int
section_of (GPtrArray  *figures,
            const char *text)
{
  for (guint i = 0; i < figures->len; i++)
    {
      FzFigure *f = g_ptr_array_index (figures, i);

      if (g_strcmp0 (f->text, text) == 0)
        return f->section;
    }

  g_error ("no figure “%s”", text);
  return -1;
}

static const char *
section_label (GPtrArray *sections,
               int        index)
{
  g_assert_cmpint (index, >=, 0);
  return ((FzSection *) g_ptr_array_index (sections, index))->label;
}

static void
test_report (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("figures-report.txt");
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);
  g_autoptr(GPtrArray) figures = fz_figures_extract (doc, sections);
  FzFigure *first;

  assert_consistent (doc, figures);
  g_assert_cmpuint (figures->len, ==, 26);

  /* Section assignment follows the heading tree. */
  g_assert_cmpstr (section_label (sections, section_of (figures, "125件")), ==, "（一）");
  g_assert_cmpstr (section_label (sections, section_of (figures, "1.7808万元")), ==, "（二）");
  g_assert_cmpstr (section_label (sections, section_of (figures, "6万余份")), ==, "（三）");
  g_assert_cmpstr (section_label (sections, section_of (figures, "2个百分点")), ==, "二、");
  g_assert_cmpstr (section_label (sections, section_of (figures, "约150万元")), ==, "三、");

  first = g_ptr_array_index (figures, 0);
  g_assert_cmpstr (first->text, ==, "125件");
  g_assert_cmpstr (first->context, ==, "全年受理矛盾纠纷125件");

  /* The hotline, the date, "1+6+N" and the phone number of the 附注 are
   * not figures. */
  for (guint i = 0; i < figures->len; i++)
    {
      FzFigure *f = g_ptr_array_index (figures, i);

      g_assert_null (strstr (f->text, "12345"));
      g_assert_null (strstr (f->text, "0759"));
      g_assert_null (strstr (f->text, "20日"));
      g_assert_cmpint (f->section, >=, 0);
    }
}

static void
test_outside_sections (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) figures = figures_of ("2024年，全镇受理纠纷25件。\n一、主要成效\n调解成功23件。", &doc);
  g_autoptr(GPtrArray) none = fz_figures_extract (doc, NULL);

  g_assert_cmpuint (figures->len, ==, 2);
  g_assert_cmpint (((FzFigure *) g_ptr_array_index (figures, 0))->section, ==, -1);
  g_assert_cmpint (((FzFigure *) g_ptr_array_index (figures, 1))->section, ==, 0);
  g_assert_cmpuint (none->len, ==, 2);
  g_assert_cmpint (((FzFigure *) g_ptr_array_index (none, 1))->section, ==, -1);
}

static void
test_context (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) figures = figures_of ("一是加强执法。共办理案件1,200宗；罚款3万元：其中简易程序10宗,普通程序5宗。", &doc);

  g_assert_cmpuint (figures->len, ==, 4);
  g_assert_cmpstr (((FzFigure *) g_ptr_array_index (figures, 0))->context, ==, "共办理案件1,200宗");
  g_assert_cmpstr (((FzFigure *) g_ptr_array_index (figures, 1))->context, ==, "罚款3万元");
  g_assert_cmpstr (((FzFigure *) g_ptr_array_index (figures, 2))->context, ==, "其中简易程序10宗");
  g_assert_cmpstr (((FzFigure *) g_ptr_array_index (figures, 3))->context, ==, "普通程序5宗");
}

static void
test_boxed (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) figures = figures_of ("发放材料6万余份。", &doc);
  FzFigure *f = g_ptr_array_index (figures, 0);
  g_autoptr(FzFigure) copy = g_boxed_copy (FZ_TYPE_FIGURE, f);

  g_assert_true (G_TYPE_IS_BOXED (fz_figure_get_type ()));
  g_assert_true (copy != f);
  g_assert_cmpstr (copy->text, ==, f->text);
  g_assert_true (copy->text != f->text);
  g_assert_cmpstr (copy->unit, ==, "万份");
  g_assert_cmpstr (copy->context, ==, f->context);
  g_assert_cmpuint (copy->start, ==, f->start);
  g_assert_cmpuint (copy->end, ==, f->end);
  g_assert_true (copy->approx);
}

int
main (int   argc,
      char *argv[])
{
  fz_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/counts", test_counts);
  g_test_add_func ("/figures/longest-unit", test_longest_unit);
  g_test_add_func ("/figures/money", test_money);
  g_test_add_func ("/figures/percent", test_percent);
  g_test_add_func ("/figures/measures", test_measures);
  g_test_add_func ("/figures/multipliers-and-approx", test_multipliers_and_approx);
  g_test_add_func ("/figures/separators", test_separators);
  g_test_add_func ("/figures/non-figures", test_non_figures);
  g_test_add_func ("/figures/non-figures-inline", test_non_figures_inline);
  g_test_add_func ("/figures/report", test_report);
  g_test_add_func ("/figures/outside-sections", test_outside_sections);
  g_test_add_func ("/figures/context", test_context);
  g_test_add_func ("/figures/boxed", test_boxed);

  return g_test_run ();
}
