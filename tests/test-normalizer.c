/* test-normalizer.c: repairing damaged report text
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "libfazhi.h"

static FzDocument *
doc_from (const char *text)
{
  return fz_document_new_from_text (text, -1, "fixture.txt");
}

static const char *
para_kind (FzDocument *doc,
           guint       i)
{
  return fz_paragraph_kind_to_string (fz_document_get_paragraph (doc, i)->kind);
}

static char *
para_text (FzDocument *doc,
           guint       i)
{
  gsize len;
  const char *t = fz_document_get_paragraph_text (doc, i, &len);

  return g_strndup (t, len);
}

static void
test_page_break_join (void)
{
  g_autoptr(FzDocument) doc = doc_from ("一、主要举措\n\n"
                                        "全镇共开展宣传活动，不断提\n\n"
                                        "— 3 —\n\n"
                                        "高群众法治意识。\n"
                                        "二、存在问题\n");
  g_autofree char *body = NULL;

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 3);
  body = para_text (doc, 1);
  g_assert_cmpstr (body, ==, "全镇共开展宣传活动，不断提高群众法治意识。");
  g_assert_cmpstr (para_kind (doc, 0), ==, "heading");
  g_assert_cmpstr (para_kind (doc, 2), ==, "heading");
  /* The joined paragraph remembers both source lines. */
  g_assert_cmpuint (fz_document_get_paragraph (doc, 1)->source_line, ==, 3);
  g_assert_cmpuint (fz_document_get_paragraph (doc, 1)->source_line_end, ==, 7);
}

static void
test_heading_never_joins (void)
{
  /* A heading has no final stop, but the body after it is a new paragraph. */
  g_autoptr(FzDocument) doc = doc_from ("（一）加强组织领导\n镇党委定期研究法治工作。\n");

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 2);
  g_assert_cmpstr (para_kind (doc, 0), ==, "heading");
  g_assert_cmpstr (para_kind (doc, 1), ==, "body");
}

static void
test_inline_heading_split (void)
{
  g_autoptr(FzDocument) doc = doc_from ("（一）强化组织领导。镇党委高位推动，专\n\n班推进各项工作。\n");
  g_autofree char *text = para_text (doc, 0);

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 1);
  g_assert_cmpstr (text, ==, "（一）强化组织领导。镇党委高位推动，专班推进各项工作。");
  g_assert_cmpstr (para_kind (doc, 0), ==, "body");
}

static void
test_spaces (void)
{
  g_autoptr(FzDocument) doc = doc_from ("\xe3\x80\x80\xe3\x80\x80" "全年开展活动 44 次，罚款 1.78 万元，"
                                        "学习 APP 和 Wi-Fi 知识，精神 and 二十大精神。\r\n");
  g_autofree char *text = para_text (doc, 0);

  g_assert_cmpstr (text, ==, "全年开展活动44次，罚款1.78万元，学习 APP 和 Wi-Fi 知识，精神 and 二十大精神。");
}

static void
test_nbsp_and_invisible (void)
{
  g_autoptr(FzDocument) doc = doc_from ("依法\xc2\xa0行政\xe2\x80\x8b工作。\n");
  g_autofree char *text = para_text (doc, 0);

  g_assert_cmpstr (text, ==, "依法行政工作。");
}

static void
test_page_numbers (void)
{
  g_autoptr(FzDocument) doc = doc_from ("第一段。\n- 2 -\n第二段。\n—3—\n第 4 页 共 9 页\n7\n第三段。\n2024\n");

  /* "2024" alone is not a page number. */
  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 4);
}

static void
test_front_matter (void)
{
  g_autoptr(FzDocument) doc = doc_from ("青山镇人民政府文件\n\n"
                                        "青府〔2025〕3号\n\n"
                                        "签发人：张三\n\n"
                                        "中共青山镇委员会 青山镇人民政府\n"
                                        "关于2024年法治政府 建设情况的报告\n\n"
                                        "县委、县人民政府：\n\n"
                                        "2024年，我镇扎实推进法治政府建设。现报告如下：\n");
  g_autofree char *title = NULL;

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 6);
  g_assert_cmpstr (para_kind (doc, 0), ==, "issuer_mark");
  g_assert_cmpstr (para_kind (doc, 1), ==, "doc_number");
  g_assert_cmpstr (para_kind (doc, 2), ==, "signer");
  g_assert_cmpstr (para_kind (doc, 3), ==, "title");
  g_assert_cmpstr (para_kind (doc, 4), ==, "addressee");
  g_assert_cmpstr (para_kind (doc, 5), ==, "body");
  title = para_text (doc, 3);
  g_assert_cmpstr (title, ==, "中共青山镇委员会青山镇人民政府关于2024年法治政府建设情况的报告");
}

static void
test_no_front_matter (void)
{
  g_autoptr(FzDocument) doc = doc_from ("2024年，我镇扎实推进法治政府建设，取得明显成效。\n"
                                        "一、主要举措和成效\n");

  g_assert_cmpstr (para_kind (doc, 0), ==, "body");
  g_assert_cmpstr (para_kind (doc, 1), ==, "heading");
}

static void
test_tail (void)
{
  g_autoptr(FzDocument) doc = doc_from ("一、主要举措\n正文内容。\n特此报告。\n\n"
                                        "中共青山镇委员会      青山镇人民政府\n"
                                        "2025年2月18日\n"
                                        "（联系人：李四，电话：12345678）\n"
                                        "抄送：县司法局\n"
                                        "青山镇党政办公室\n"
                                        "2025年2月18日印发\n");
  g_autofree char *sig = NULL;

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 9);
  g_assert_cmpstr (para_kind (doc, 2), ==, "closing");
  g_assert_cmpstr (para_kind (doc, 3), ==, "signature");
  g_assert_cmpstr (para_kind (doc, 4), ==, "date");
  g_assert_cmpstr (para_kind (doc, 5), ==, "note");
  g_assert_cmpstr (para_kind (doc, 6), ==, "cc");
  g_assert_cmpstr (para_kind (doc, 7), ==, "printed");
  g_assert_cmpstr (para_kind (doc, 8), ==, "printed");
  /* Two signing bodies keep their separation. */
  sig = para_text (doc, 3);
  g_assert_cmpstr (sig, ==, "中共青山镇委员会 青山镇人民政府");
}

static void
test_body_end_is_not_signature (void)
{
  g_autoptr(FzDocument) doc = doc_from ("一、安排\n继续推进依法行政，建设法治政府。\n");

  g_assert_cmpstr (para_kind (doc, 1), ==, "body");
}

static void
test_offsets (void)
{
  g_autoptr(FzDocument) doc = doc_from ("标题行关于报告\n\n正文第一段。\n正文第二段。\n");
  const char *text = fz_document_get_text (doc);
  guint n = fz_document_get_n_paragraphs (doc);

  g_assert_cmpuint (fz_document_get_length (doc), ==, g_utf8_strlen (text, -1));
  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      g_autofree char *via_chars = fz_document_dup_range (doc, p->start, p->end);
      g_autofree char *via_bytes = g_strndup (text + p->byte_start, p->byte_end - p->byte_start);

      g_assert_cmpstr (via_chars, ==, via_bytes);
      g_assert_cmpuint (fz_document_char_to_byte (doc, p->start), ==, p->byte_start);
      g_assert_cmpuint (fz_document_byte_to_char (doc, p->byte_end), ==, p->end);
      g_assert_cmpint (fz_document_paragraph_at (doc, p->start), ==, (int) i);
    }
}

static void
test_empty_lines_only (void)
{
  g_autoptr(FzDocument) doc = doc_from ("\n\n   \n");

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 0);
  g_assert_cmpuint (fz_document_get_length (doc), ==, 0);
}

/* A page of a government site, saved: the furniture is set aside, and the
 * title shown twice is one title. */
static void
test_web_furniture (void)
{
  g_autoptr(FzDocument) doc = doc_from ("当前位置：首页 > 政务公开 > 法治政府建设年度报告\n"
                                        "索引号：11500116MB1521010A/2025-00005  发布机构：青山镇人民政府\n"
                                        "发文字号：青府〔2025〕3号  成文日期：2025-02-14\n"
                                        "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                                        "发布时间：2025-02-20 09:30  来源：本网  浏览次数：352\n"
                                        "【字体：大 中 小】 【打印】 分享到：\n"
                                        "青山镇人民政府关于2024年度\n法治政府建设情况的报告\n"
                                        "县委、县政府：\n"
                                        "2024年，我镇坚持依法行政。现将有关情况报告如下：\n"
                                        "一、主要举措和成效\n"
                                        "全镇开展法治宣传活动12场。\n"
                                        "【打印本页】 【关闭窗口】\n"
                                        "扫一扫在手机打开当前页\n");
  g_autofree char *title = NULL;
  guint n = fz_document_get_n_paragraphs (doc);

  g_assert_cmpuint (n, ==, 13);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (para_kind (doc, i), ==, i == 6 ? "title" : "furniture");
  title = para_text (doc, 6);
  g_assert_cmpstr (title, ==, "青山镇人民政府关于2024年度法治政府建设情况的报告");
  g_assert_cmpstr (para_kind (doc, 7), ==, "addressee");
  g_assert_cmpstr (para_kind (doc, 8), ==, "body");
  g_assert_cmpstr (para_kind (doc, 9), ==, "heading");
  g_assert_cmpstr (para_kind (doc, 10), ==, "body");
  g_assert_cmpstr (para_kind (doc, 11), ==, "furniture");
  g_assert_cmpstr (para_kind (doc, 12), ==, "furniture");
}

/* Another site's page: slashes in the breadcrumb, 时间 for the date. */
static void
test_web_furniture_other_site (void)
{
  g_autoptr(FzDocument) doc = doc_from ("首页 / 政务公开 / 法治政府建设\n"
                                        "关于2024年度法治政府建设情况的报告\n"
                                        "作者：  来源：区司法局  时间：2025-01-03  阅读次数：88\n"
                                        "【字号：大 中 小】 [ 打印 ] [ 关闭 ]\n"
                                        "关于2024年度法治政府建设情况的报告\n"
                                        "区委、区政府：\n"
                                        "2024年，区司法局坚持依法行政，截至2024/12/31共办理行政复议案件12件。\n");

  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (para_kind (doc, i), ==, "furniture");
  g_assert_cmpstr (para_kind (doc, 4), ==, "title");
  g_assert_cmpstr (para_kind (doc, 5), ==, "addressee");
  g_assert_cmpstr (para_kind (doc, 6), ==, "body");
}

/* Lines that only look like furniture stay the report's. */
static void
test_not_furniture (void)
{
  g_autoptr(FzDocument) doc = doc_from ("青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                                        "2024年，我镇坚持依法行政，全面推进法治政府建设。现将有关情况报告如下：\n"
                                        "一、主要举措和成效\n"
                                        "信息来源更加透明，主动公开政府信息120条。\n"
                                        "发布时间、来源等要素在公开栏中一并列明。\n"
                                        "二、下一步工作打算\n"
                                        "大力推进“八五”普法。\n");

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    g_assert_cmpstr (para_kind (doc, i), !=, "furniture");
}

/* A 主送机关 is a line of organs; "现将…报告如下：" is the body. */
static void
test_addressee_is_organs (void)
{
  static const struct { const char *line; const char *kind; } cases[] = {
    { "县委、县政府：", "addressee" },
    { "中共海宁市委、海宁市人民政府：", "addressee" },
    { "縣委、縣人民政府：", "addressee" },
    { "区委依法治区办：", "addressee" },
    { "各村（居）、各单位：", "addressee" },
    { "现将2024年法治政府建设情况报告如下：", "body" },
    { "根据县委依法治县办要求，现将有关情况报告如下：", "body" },
    { "按照上级要求：", "body" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("青山镇人民政府关于2024年度\n法治政府建设情况的报告\n%s\n"
                                               "一、主要举措和成效\n全镇开展法治宣传活动12场。\n",
                                               cases[i].line);
      g_autoptr(FzDocument) doc = doc_from (text);

      g_assert_cmpstr (para_kind (doc, 0), ==, "title");
      g_assert_cmpstr (para_kind (doc, 1), ==, cases[i].kind);
    }
}

/* A flattened page runs headings on within a line; they get lines of their
 * own.  Enumerations inside a sentence keep their place. */
static void
test_run_on_headings (void)
{
  g_autoptr(FzDocument) doc = doc_from ("一、主要措施和成效 （一）强化组织引领，夯实法治根基。全年召开会议4次。"
                                        " (二)深耕宣传教育，厚植法治理念。开展普法12场。 二、存在的不足\n"
                                        "主要问题有：（1）宣传不够；（2）队伍偏弱。共 3. 5万元。\n");
  g_autofree char *first = para_text (doc, 0);
  g_autofree char *second = para_text (doc, 1);
  g_autofree char *third = para_text (doc, 2);
  g_autofree char *fourth = para_text (doc, 3);
  g_autofree char *fifth = para_text (doc, 4);

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 5);
  g_assert_cmpstr (first, ==, "一、主要措施和成效");
  g_assert_cmpstr (para_kind (doc, 0), ==, "heading");
  g_assert_cmpstr (second, ==, "（一）强化组织引领，夯实法治根基。全年召开会议4次。");
  g_assert_cmpstr (third, ==, "(二)深耕宣传教育，厚植法治理念。开展普法12场。");
  g_assert_cmpstr (fourth, ==, "二、存在的不足");
  g_assert_cmpstr (fifth, ==, "主要问题有：（1）宣传不够；（2）队伍偏弱。共3. 5万元。");
}

/* A flattened page runs a heading without a stop into its text after a
 * gap; a heading of two phrases keeps both.  A paragraph of a document
 * that is not flattened keeps its stray space. */
static void
test_run_on_heading_text (void)
{
  g_autoptr(FzDocument) doc = doc_from ("现将有关情况报告如下： 一、坚持党的领导 全年召开会议4次。"
                                        " （一）党建引领法治建设 深化基层依法治理 全镇开展普法12场。\n"
                                        "（二）加强组织 领导，镇党委定期研究法治工作。\n");
  g_autofree char *heading = para_text (doc, 1);
  g_autofree char *body = para_text (doc, 2);
  g_autofree char *sub = para_text (doc, 3);
  g_autofree char *sub_body = para_text (doc, 4);
  g_autofree char *kept = para_text (doc, 5);

  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 6);
  g_assert_cmpstr (heading, ==, "一、坚持党的领导");
  g_assert_cmpstr (para_kind (doc, 1), ==, "heading");
  g_assert_cmpstr (body, ==, "全年召开会议4次。");
  g_assert_cmpstr (sub, ==, "（一）党建引领法治建设深化基层依法治理");
  g_assert_cmpstr (para_kind (doc, 3), ==, "heading");
  g_assert_cmpstr (sub_body, ==, "全镇开展普法12场。");
  g_assert_cmpstr (kept, ==, "（二）加强组织领导，镇党委定期研究法治工作。");
}

/* A converter's pinyin after a character it could not choose a reading
 * for goes; brackets that are text stay. */
static void
test_pinyin_debris (void)
{
  g_autoptr(FzDocument) doc = doc_from ("一、法治政府建設(shè)工作開展情況\n"
                                        "貫徹落實自然資源領(lǐng)域主要法律法規(guī)，使用政务APP(app)办理，"
                                        "审批时限压缩(30%)。\n");
  g_autofree char *heading = para_text (doc, 0);
  g_autofree char *body = para_text (doc, 1);

  g_assert_cmpstr (heading, ==, "一、法治政府建設工作開展情況");
  g_assert_cmpstr (body, ==, "貫徹落實自然資源領域主要法律法規，使用政务APP(app)办理，审批时限压缩(30%)。");
}

/* A 文号 at the end of a title line is the 文号, not part of the title. */
static void
test_title_doc_number (void)
{
  g_autoptr(FzDocument) doc = doc_from ("威海市生态环境局2022年法治政府建设情况工作报告（威环发〔2023〕3号）\n"
                                        "2022年，我局坚持依法行政。现将有关情况报告如下：\n");
  g_autofree char *title = para_text (doc, 0);
  g_autofree char *number = para_text (doc, 1);

  g_assert_cmpstr (para_kind (doc, 0), ==, "title");
  g_assert_cmpstr (title, ==, "威海市生态环境局2022年法治政府建设情况工作报告");
  g_assert_cmpstr (para_kind (doc, 1), ==, "doc_number");
  g_assert_cmpstr (number, ==, "威环发〔2023〕3号");
}

/* Blank is what a reader sees as nothing: spaces of any width, line
 * breaks and characters that carry nothing. */
static void
test_text_is_blank (void)
{
  g_assert_true (fz_text_is_blank (NULL));
  g_assert_true (fz_text_is_blank (""));
  g_assert_true (fz_text_is_blank (" \t\r\n"));
  g_assert_true (fz_text_is_blank ("\u3000\u00a0\u200b\ufeff\n"));
  g_assert_false (fz_text_is_blank ("\u3000整改\u3000"));
  g_assert_false (fz_text_is_blank ("。"));
  g_assert_false (fz_text_is_blank (" x"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/normalizer/page-break-join", test_page_break_join);
  g_test_add_func ("/normalizer/heading-never-joins", test_heading_never_joins);
  g_test_add_func ("/normalizer/inline-heading-split", test_inline_heading_split);
  g_test_add_func ("/normalizer/spaces", test_spaces);
  g_test_add_func ("/normalizer/nbsp-invisible", test_nbsp_and_invisible);
  g_test_add_func ("/normalizer/text-is-blank", test_text_is_blank);
  g_test_add_func ("/normalizer/page-numbers", test_page_numbers);
  g_test_add_func ("/normalizer/front-matter", test_front_matter);
  g_test_add_func ("/normalizer/no-front-matter", test_no_front_matter);
  g_test_add_func ("/normalizer/tail", test_tail);
  g_test_add_func ("/normalizer/body-end-not-signature", test_body_end_is_not_signature);
  g_test_add_func ("/normalizer/offsets", test_offsets);
  g_test_add_func ("/normalizer/empty", test_empty_lines_only);
  g_test_add_func ("/normalizer/web-furniture", test_web_furniture);
  g_test_add_func ("/normalizer/web-furniture/other-site", test_web_furniture_other_site);
  g_test_add_func ("/normalizer/not-furniture", test_not_furniture);
  g_test_add_func ("/normalizer/addressee-is-organs", test_addressee_is_organs);
  g_test_add_func ("/normalizer/run-on-headings", test_run_on_headings);
  g_test_add_func ("/normalizer/run-on-heading-text", test_run_on_heading_text);
  g_test_add_func ("/normalizer/pinyin-debris", test_pinyin_debris);
  g_test_add_func ("/normalizer/title-doc-number", test_title_doc_number);

  return g_test_run ();
}
