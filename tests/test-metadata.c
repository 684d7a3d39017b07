/* test-metadata.c: 公文 elements and the report year
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/metadata/full", test_full);
  g_test_add_func ("/metadata/absent", test_absent);
  g_test_add_func ("/metadata/year-not-range-end", test_year_not_range_end);
  g_test_add_func ("/metadata/chinese-date", test_chinese_date);
  g_test_add_func ("/metadata/number-and-signer", test_number_and_signer_on_one_line);
  g_test_add_func ("/metadata/levels", test_levels);
  g_test_add_func ("/metadata/copy", test_copy);

  return g_test_run ();
}
