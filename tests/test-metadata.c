/* test-metadata.c: 公文 elements and the report year
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "libfazhi.h"

static FzMetadata *
meta_of (const char *text)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, NULL);
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);

  return fz_metadata_extract (doc, sections);
}

static void
test_full (void)
{
  g_autoptr(FzMetadata) m = meta_of ("青山镇人民政府文件\n"
                                     "青府〔2025〕3号\n"
                                     "签发人：张三\n"
                                     "青州市青山镇人民政府关于 2024 年度法治政府\n建设情况的报告\n"
                                     "中共青州市委、青州市人民政府：\n"
                                     "2023年以来的工作基础上，我镇继续推进法治建设。现报告如下：\n"
                                     "一、主要举措和成效\n内容。\n"
                                     "特此报告。\n"
                                     "青州市青山镇人民政府\n"
                                     "2025年2月8日\n"
                                     "（联系人：李四，联系电话：12345678）\n"
                                     "抄送：青州市司法局\n");

  g_assert_cmpstr (m->issuer_mark.value, ==, "青山镇人民政府文件");
  g_assert_cmpstr (m->doc_number.value, ==, "青府〔2025〕3号");
  g_assert_cmpstr (m->signer.value, ==, "张三");
  g_assert_cmpstr (m->title.value, ==, "青州市青山镇人民政府关于2024年度法治政府建设情况的报告");
  g_assert_cmpstr (m->addressee.value, ==, "中共青州市委、青州市人民政府");
  g_assert_cmpstr (m->issuer.value, ==, "青州市青山镇人民政府");
  g_assert_cmpstr (m->date.value, ==, "2025年2月8日");
  g_assert_cmpstr (m->date_iso, ==, "2025-02-08");
  g_assert_nonnull (m->contact.value);
  g_assert_cmpstr (m->cc.value, ==, "青州市司法局");
  /* The title wins over the opening sentence's 2023. */
  g_assert_cmpint (m->report_year, ==, 2024);
  g_assert_true (m->report_year_from_title);
  g_assert_cmpint (m->level, ==, FZ_LEVEL_TOWNSHIP);
  g_assert_cmpuint (m->title.end, >, m->title.start);
}

static void
test_absent (void)
{
  g_autoptr(FzMetadata) m = meta_of ("2024年，在区委、区政府的领导下，我镇推进法治政府建设。我镇成效明显。\n"
                                     "一、主要举措和成效\n我镇依法行政。\n");

  g_assert_null (m->title.value);
  g_assert_null (m->doc_number.value);
  g_assert_null (m->addressee.value);
  g_assert_null (m->issuer.value);
  g_assert_null (m->date.value);
  g_assert_null (m->date_iso);
  g_assert_cmpint (m->report_year, ==, 2024);
  g_assert_false (m->report_year_from_title);
  /* Nothing names the body, but it calls itself 我镇. */
  g_assert_cmpint (m->level, ==, FZ_LEVEL_TOWNSHIP);
}

static void
test_year_not_range_end (void)
{
  g_autoptr(FzMetadata) m = meta_of ("对照《法治政府建设实施纲要（2021—2025年）》，2024年我局依法履职。\n");

  g_assert_cmpint (m->report_year, ==, 2024);
}

static void
test_chinese_date (void)
{
  int y, mo, d;
  g_autoptr(FzMetadata) m = meta_of ("一、工作情况\n内容。\n青州市人民政府\n二〇二五年二月二十八日\n");

  g_assert_cmpstr (m->date_iso, ==, "2025-02-28");
  g_assert_cmpint (m->level, ==, FZ_LEVEL_CITY);

  g_assert_true (fz_parse_date ("2024年12月25日", &y, &mo, &d));
  g_assert_cmpint (y * 10000 + mo * 100 + d, ==, 20241225);
  g_assert_true (fz_parse_date ("二〇二四年十月一日", &y, &mo, &d));
  g_assert_cmpint (y * 10000 + mo * 100 + d, ==, 20241001);
  g_assert_true (fz_parse_date ("2024.3.1", &y, &mo, &d));
  g_assert_cmpint (y * 10000 + mo * 100 + d, ==, 20240301);
  g_assert_true (fz_parse_date ("2024-02-01", &y, &mo, &d));
  g_assert_false (fz_parse_date ("2024年2月30日", NULL, NULL, NULL));
  g_assert_false (fz_parse_date ("2024年", NULL, NULL, NULL));
  g_assert_false (fz_parse_date ("十二月", NULL, NULL, NULL));
}

static void
test_number_and_signer_on_one_line (void)
{
  g_autoptr(FzMetadata) m = meta_of ("青府〔2025〕12号 签发人：王五 赵六\n"
                                     "青州市人民政府关于2024年法治政府建设情况的报告\n"
                                     "省委、省政府：\n"
                                     "2024年，我市推进法治政府建设。\n");

  g_assert_cmpstr (m->doc_number.value, ==, "青府〔2025〕12号");
  g_assert_cmpstr (m->signer.value, ==, "王五 赵六");
  g_assert_cmpint (m->level, ==, FZ_LEVEL_CITY);
}

static void
test_levels (void)
{
  struct {
    const char *title;
    FzLevel     level;
  } cases[] = {
    { "青州市市场监督管理局2024年法治政府建设年度报告", FZ_LEVEL_DEPARTMENT },
    { "青山县人民政府关于2024年法治政府建设情况的报告", FZ_LEVEL_COUNTY },
    { "东湖区人民政府关于2024年法治政府建设情况的报告", FZ_LEVEL_COUNTY },
    { "青海省人民政府关于2024年度法治政府建设情况的报告", FZ_LEVEL_PROVINCE },
    { "青州市东风街道办事处关于2024年法治政府建设情况的报告", FZ_LEVEL_TOWNSHIP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n上级机关：\n2024年，工作扎实推进。\n", cases[i].title);
      g_autoptr(FzMetadata) m = meta_of (text);

      g_assert_cmpstr (m->title.value, ==, cases[i].title);
      g_assert_cmpint (m->level, ==, cases[i].level);
    }
}

static void
test_copy (void)
{
  g_autoptr(FzMetadata) m = meta_of ("青州市人民政府关于2024年法治政府建设情况的报告\n省政府：\n2024年。\n");
  g_autoptr(FzMetadata) c = fz_metadata_copy (m);

  g_assert_cmpstr (c->title.value, ==, m->title.value);
  g_assert_true (c->title.value != m->title.value);
  g_assert_cmpint (c->report_year, ==, 2024);
}

/* What a saved web page's table says is kept; the page itself is never the
 * title, the addressee or the reporter. */
static void
test_web_page_fields (void)
{
  g_autoptr(FzMetadata) m = meta_of ("您当前的位置：首页>政府信息公开>部门信息>青州市司法局\n"
                                     "索引号：11370700MB2852/2025-00031  发布机构：青州市人民政府办公室\n"
                                     "发文字号：青司〔2025〕6号  成文日期：2025-02-14\n"
                                     "发布时间：2025-02-20 09:30  来源：青州市司法局  浏览次数：352\n"
                                     "【字体：大 中 小】 分享到：\n"
                                     "2024年，青州市司法局坚持依法行政。现将有关情况报告如下：\n"
                                     "一、主要举措和成效\n全局办理行政复议案件12件。\n"
                                     "【打印本页】 【关闭窗口】\n");

  g_assert_null (m->title.value);
  g_assert_null (m->addressee.value);
  g_assert_cmpstr (m->doc_number.value, ==, "青司〔2025〕6号");
  g_assert_cmpstr (m->date.value, ==, "2025-02-14");
  g_assert_cmpstr (m->date_iso, ==, "2025-02-14");
  g_assert_cmpstr (m->published.value, ==, "2025-02-20");
  g_assert_cmpstr (m->published_iso, ==, "2025-02-20");
  g_assert_cmpint (m->report_year, ==, 2024);
  g_assert_cmpint (m->level, ==, FZ_LEVEL_DEPARTMENT);
}

/* Another site: 时间 for the date, the gaps of the table taken out. */
static void
test_web_page_fields_squeezed (void)
{
  g_autoptr(FzMetadata) m = meta_of ("首页 / 政务公开 / 法治政府建设\n"
                                     "作者：  来源：区司法局  时间：2025-01-03  阅读次数：88\n"
                                     "关于2024年度法治政府建设情况的报告\n"
                                     "区委、区政府：\n"
                                     "2024年，区司法局坚持依法行政。现将有关情况报告如下：\n");

  g_assert_cmpstr (m->published_iso, ==, "2025-01-03");
  g_assert_cmpstr (m->title.value, ==, "关于2024年度法治政府建设情况的报告");
  g_assert_cmpint (m->level, ==, FZ_LEVEL_DEPARTMENT);
}

/* The report's own 文号 and date come before its page's. */
static void
test_web_page_fields_second (void)
{
  g_autoptr(FzMetadata) m = meta_of ("发文字号：青司〔2025〕6号  成文日期：2025-02-14\n"
                                     "青司〔2025〕7号\n"
                                     "青州市司法局关于2024年度法治政府建设情况的报告\n"
                                     "市委、市政府：\n"
                                     "2024年，我局坚持依法行政。现将有关情况报告如下：\n"
                                     "一、主要举措和成效\n全局办理行政复议案件12件。\n"
                                     "青州市司法局\n2025年2月10日\n");

  g_assert_cmpstr (m->doc_number.value, ==, "青司〔2025〕7号");
  g_assert_cmpstr (m->date_iso, ==, "2025-02-10");
  g_assert_null (m->published.value);
}

/* The level is the reporter's: from the title, the signature or the
 * opening sentence's subject; never from the addressee, a superior named
 * in passing, or the page. */
static void
test_level_of_reporter (void)
{
  static const struct { const char *text; FzLevel level; } cases[] = {
    /* The year before the unit's name. */
    { "2025年陇西县法治政府建设情况\n2025年，全县依法行政。\n", FZ_LEVEL_COUNTY },
    { "塘栖镇法治政府建设年度报告(2024年度)\n2024年，工作扎实推进。\n", FZ_LEVEL_TOWNSHIP },
    /* Names that hold a unit's word inside them. */
    { "景德镇市2024年法治政府建设情况报告\n2024年，工作扎实推进。\n", FZ_LEVEL_CITY },
    { "宿迁市自然资源和规划局宿城分局2024年法治政府建设年度报告\n2024年，工作扎实推进。\n", FZ_LEVEL_DEPARTMENT },
    { "中共双牌县教育局党组2024年度法治政府建设年度报告\n2024年，工作扎实推进。\n", FZ_LEVEL_DEPARTMENT },
    { "重庆市南川区卫生健康委员会关于2024年法治政府建设情况的报告\n2024年，工作扎实推进。\n", FZ_LEVEL_DEPARTMENT },
    { "中共黄湾镇委员会黄湾镇人民政府关于报送2024年度法治政府建设的报告\n2024年，工作扎实推进。\n", FZ_LEVEL_TOWNSHIP },
    { "东疆综合保税区2025年度法治政府建设情况报告\n2025年，工作扎实推进。\n", FZ_LEVEL_DEPARTMENT },
    { "重庆市人民政府关于2024年法治政府建设情况的报告\n2024年，工作扎实推进。\n", FZ_LEVEL_PROVINCE },
    /* A traditional-script copy. */
    { "湘潭縣雲湖橋鎮2025年度法治政府建設情況報告\n2025年，工作紮實推進。\n", FZ_LEVEL_TOWNSHIP },
    /* No title: the opening's subject, past the adverbials. */
    { "中共红河州委、红河州人民政府：\n2025年，在州委、州政府的坚强领导下，中共金平县委、金平县人民政府深入推进法治建设。\n",
      FZ_LEVEL_COUNTY },
    { "今年以来，重庆市涪陵区荔枝街道在区委、区政府的坚强领导下扎实推进法治政府建设。\n", FZ_LEVEL_TOWNSHIP },
    { "2024年，我局在县委、县政府的领导下依法履职。\n", FZ_LEVEL_DEPARTMENT },
    { "省委、省政府：\n2024年，景德镇市坚持依法行政。现将有关情况报告如下：\n", FZ_LEVEL_CITY },
    /* The page names another body; nothing in the report names one. */
    { "当前位置：首页 > 青州市人民政府 > 政务公开\n发布机构：青州市人民政府\n"
      "2024年，工作扎实推进。现将有关情况报告如下：\n", FZ_LEVEL_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FzMetadata) m = meta_of (cases[i].text);

      if (m->level != cases[i].level)
        g_error ("“%s”: level %s, want %s", cases[i].text,
                 fz_level_to_string (m->level), fz_level_to_string (cases[i].level));
    }
}

/* The year reported on: the title, the opening, the first heading, and
 * only then the dates. */
static void
test_year_sources (void)
{
  g_autoptr(FzMetadata) heading = meta_of ("今年以来，我镇扎实推进法治政府建设。现将有关情况报告如下：\n"
                                           "一、2024年推进法治政府建设的主要举措和成效\n全镇开展普法12场。\n");
  g_autoptr(FzMetadata) published = meta_of ("发布时间：2025-02-20\n"
                                             "今年以来，我镇扎实推进法治政府建设。现将有关情况报告如下：\n"
                                             "一、主要举措和成效\n全镇开展普法12场。\n");
  g_autoptr(FzMetadata) traditional = meta_of ("湘潭縣自然資源局2025年度法治政府建設(shè)工作報告\n"
                                               "潭縣自然資字〔2025〕79號\n"
                                               "縣委、縣人民政府：\n"
                                               "2025年，我局堅持依法行政。\n");

  g_assert_cmpint (heading->report_year, ==, 2024);
  g_assert_false (heading->report_year_from_title);
  g_assert_cmpint (published->report_year, ==, 2024);
  g_assert_cmpint (traditional->report_year, ==, 2025);
  g_assert_cmpstr (traditional->title.value, ==, "湘潭縣自然資源局2025年度法治政府建設工作報告");
  g_assert_cmpstr (traditional->doc_number.value, ==, "潭縣自然資字〔2025〕79號");
  g_assert_cmpstr (traditional->addressee.value, ==, "縣委、縣人民政府");
  g_assert_cmpint (traditional->level, ==, FZ_LEVEL_DEPARTMENT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/metadata/full", test_full);
  g_test_add_func ("/metadata/absent", test_absent);
  g_test_add_func ("/metadata/year-not-range-end", test_year_not_range_end);
  g_test_add_func ("/metadata/chinese-date", test_chinese_date);
  g_test_add_func ("/metadata/number-and-signer", test_number_and_signer_on_one_line);
  g_test_add_func ("/metadata/levels", test_levels);
  g_test_add_func ("/metadata/copy", test_copy);
  g_test_add_func ("/metadata/web-page-fields", test_web_page_fields);
  g_test_add_func ("/metadata/web-page-fields/second", test_web_page_fields_second);
  g_test_add_func ("/metadata/web-page-fields/squeezed", test_web_page_fields_squeezed);
  g_test_add_func ("/metadata/level-of-reporter", test_level_of_reporter);
  g_test_add_func ("/metadata/year-sources", test_year_sources);

  return g_test_run ();
}
