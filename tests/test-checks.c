/* test-checks.c: form and language checks
 *
 * Each check gets a text that plants its defect and one that must stay
 * quiet.  When FAZHI_CORPUS_DIR names the reference corpus, every "finding"
 * line of its expected.tsv is checked as well.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-test-checks.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

static char *config_dir;

/* repeated_word */

static void
test_repeated_word (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("会议要求压实压实各部门责任，进一步进一步加强学习，"
                                              "坚持依法治国依法治国依法治国。", &doc);

  g_assert_cmpuint (fz_test_count_id (findings, "repeated_word"), ==, 3);
  fz_test_assert_finding (findings, "repeated_word", "压实压实", FZ_SEVERITY_WARNING, "压实");
  fz_test_assert_finding (findings, "repeated_word", "进一步进一步", FZ_SEVERITY_WARNING, "进一步");
  fz_test_assert_finding (findings, "repeated_word", "依法治国依法治国依法治国", FZ_SEVERITY_WARNING, "依法治国");
}

static void
test_repeated_word_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("压紧压实主体责任，压实压细工作措施，层层落实，件件有着落，"
                                              "事事有回应，家家户户知晓，一个一个地走访，开展面对面对接服务，"
                                              "溪水哗啦哗啦地流。对每起案件实行执法档案一案一卷一审，"
                                              "推行一村一辅警、一户一策。", &doc);

  /* "哗啦哗啦" comes from the user's own list, written in main(); counted
   * pairs ("档案一案一卷" holds "案一案一") are known by their form. */
  fz_test_assert_none (findings, "repeated_word");
}

/* markup_residue */

static void
test_markup_residue (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("**二是加强行政执法监督。**积极配合完成案卷评查工作。\n"
                                              "二是**强化法治工作队伍建设**。聘请法律顾问&nbsp;一名。\n"
                                              "在<b>政府网站</b>公开信息，详见[政府网站](http://www.gov.cn)。\n"
                                              "## 三、工作计划", &doc);

  fz_test_assert_finding (findings, "markup_residue", "**二是加强行政执法监督。**", FZ_SEVERITY_WARNING,
                  "二是加强行政执法监督。");
  fz_test_assert_finding (findings, "markup_residue", "**强化法治工作队伍建设**", FZ_SEVERITY_WARNING,
                  "强化法治工作队伍建设");
  fz_test_assert_finding (findings, "markup_residue", "&nbsp;", FZ_SEVERITY_WARNING, "");
  fz_test_assert_finding (findings, "markup_residue", "<b>", FZ_SEVERITY_WARNING, "");
  fz_test_assert_finding (findings, "markup_residue", "</b>", FZ_SEVERITY_WARNING, "");
  fz_test_assert_finding (findings, "markup_residue", "[政府网站](http://www.gov.cn)", FZ_SEVERITY_WARNING, "政府网站");
  fz_test_assert_finding (findings, "markup_residue", "## ", FZ_SEVERITY_WARNING, "");
  g_assert_cmpuint (fz_test_count_id (findings, "markup_residue"), ==, 7);

  /* The code is reported once, not again as English or as punctuation. */
  fz_test_assert_none (findings, "latin_word");
  fz_test_assert_none (findings, "punct_halfwidth");
}

static void
test_markup_residue_clean (void)
{
  fz_test_assert_clean ("markup_residue",
                        "一是加强行政执法监督。计算标准为每亩5*3元，"
                        "开展“法律明白人”培训。");
}

/* punct_halfwidth */

static void
test_punct_halfwidth (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("县委、县政府:\n"
                                              "2024年,在区委的领导下,落实《纲要(2021-2025年)》要求;"
                                              "整治期限为一年(2021年8月至2022年7月),已完成.下一步将推广\"枫桥经验\"!",
                                              &doc);

  static const struct { const char *text; const char *suggestion; } expected[] = {
    { ":", "：" }, { ",", "，" }, { ",", "，" }, { "(", "（" }, { ")", "）" }, { ";", "；" },
    { "(", "（" }, { "),", "），" }, { ".", "。" },
    /* Quotes are paired; adjacent marks make one finding. */
    { "\"", "“" }, { "\"!", "”！" },
  };
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, "punct_halfwidth") != 0)
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (f->text, ==, expected[n].text);
      g_assert_cmpstr (f->suggestion, ==, expected[n].suggestion);
      g_assert_cmpint (f->severity, ==, FZ_SEVERITY_WARNING);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static void
test_punct_halfwidth_clean (void)
{
  fz_test_assert_clean ("punct_halfwidth",
                        "一、主要举措\n"
                        "1.落实责任。罚款1.78万元，增长12.4%，参与1,000人，"
                        "上午9:30开会，详见https://www.gov.cn/zwgk/a.html?id=1，"
                        "英文名称为Rule of Law (ROL), since 2021.\n"
                        "特此报告。\n"
                        "青山镇人民政府\n"
                        "2024年12月25日\n"
                        "(联系人：林晓明，联系电话：0759-7171101)");
}

/* latin_word */

static void
test_latin_word (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("深入贯彻党的十九大精神 and 二十大精神，推进CBD片区建设，"
                                              "打造Rule of Law示范镇。", &doc);

  fz_test_assert_finding (findings, "latin_word", "and", FZ_SEVERITY_WARNING, NULL);
  fz_test_assert_finding (findings, "latin_word", "CBD", FZ_SEVERITY_INFO, NULL);
  fz_test_assert_finding (findings, "latin_word", "Rule of Law", FZ_SEVERITY_WARNING, NULL);
  g_assert_cmpuint (fz_test_count_id (findings, "latin_word"), ==, 3);
}

static void
test_latin_word_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("推广“粤省事”APP和政务Wi-Fi，制作PPT，建立QQ群，GDP增长5%，"
                                              "PM2.5浓度下降，通过ISO9001认证，app下载量提升，"
                                              "推进FZRV平台建设，详见www.gov.cn或来信fz@example.gov.cn，"
                                              "落实“1+6+N”体系。", &doc);

  /* "FZRV" comes from the user's own list, written in main(). */
  fz_test_assert_none (findings, "latin_word");
}

/* traditional_char */

static void
test_traditional_char (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("严厉打击非法开采矿产资源的行爲，提升這個工作水平，梳理發絲。", &doc);
  FzFinding *f;

  /* One finding for the report, at the first, with the count: "絲" comes
   * from the user's own list, the others from the built-in one. */
  g_assert_cmpuint (fz_test_count_id (findings, "traditional_char"), ==, 1);
  f = fz_test_assert_finding (findings, "traditional_char", "爲", FZ_SEVERITY_WARNING, "为");
  g_assert_nonnull (strstr (f->message, "5"));
  g_assert_nonnull (strstr (f->message, "“這”"));
}


static void
test_traditional_char_clean (void)
{
  fz_test_assert_clean ("traditional_char",
                        "镇长徐泽乾、副镇长於明带队，聘请著名律师，登上瞭望台，"
                        "得到慰藉，扭转乾坤，实现全覆盖，余下工作有序推进。");
}

/* numbering */

static void
test_numbering_form (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("一．主要举措\n"
                                              "（一）、加强组织领导\n"
                                              "1、落实责任。内容略。\n"
                                              "2、压实责任。内容略。\n"
                                              "(二)规范执法\n"
                                              "二、存在问题\n"
                                              "内容略。", &doc);

  fz_test_assert_finding (findings, "numbering", "一．", FZ_SEVERITY_WARNING, "一、");
  fz_test_assert_finding (findings, "numbering", "（一）、", FZ_SEVERITY_WARNING, "（一）");
  fz_test_assert_finding (findings, "numbering", "1、", FZ_SEVERITY_WARNING, "1.");
  fz_test_assert_finding (findings, "numbering", "2、", FZ_SEVERITY_WARNING, "2.");
  fz_test_assert_finding (findings, "numbering", "(二)", FZ_SEVERITY_WARNING, "（二）");
  g_assert_cmpuint (fz_test_count_id (findings, "numbering"), ==, 5);
  /* "(二)" is the numbering check's; punct_halfwidth leaves it alone. */
  fz_test_assert_none (findings, "punct_halfwidth");
}

static void
test_numbering_restart (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("一、2023年主要举措和成效\n"
                                              "内容略。\n"
                                              "二、存在的不足和原因\n"
                                              "内容略。\n"
                                              "三、2024年主要安排\n"
                                              "一、强化学法用法，增强法治观念。内容略。\n"
                                              "二、规范行政执法，建设法治社会。内容略。", &doc);
  GPtrArray *numbering = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((FzFinding *) g_ptr_array_index (findings, i))->id, "numbering") == 0)
      g_ptr_array_add (numbering, g_ptr_array_index (findings, i));

  g_assert_cmpuint (numbering->len, ==, 2);
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (numbering, 0))->text, ==, "一、");
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (numbering, 0))->suggestion, ==, "（一）");
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (numbering, 1))->text, ==, "二、");
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (numbering, 1))->suggestion, ==, "（二）");
  g_ptr_array_unref (numbering);
}

static void
test_numbering_sequence (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text ("（一）前言部分\n"
                                              "内容略。\n"
                                              "一、主要举措\n"
                                              "（二）加强领导\n"
                                              "内容略。\n"
                                              "二、存在问题\n"
                                              "内容略。\n"
                                              "四、工作安排\n"
                                              "内容略。", &doc);

  /* "（一）" before any "一、" has no parent; the first （） under "一、" is
   * "（二）"; "四、" follows "二、". */
  fz_test_assert_finding (findings, "numbering", "（一）", FZ_SEVERITY_WARNING, NULL);
  fz_test_assert_finding (findings, "numbering", "（二）", FZ_SEVERITY_WARNING, "（一）");
  fz_test_assert_finding (findings, "numbering", "四、", FZ_SEVERITY_WARNING, "三、");
  g_assert_cmpuint (fz_test_count_id (findings, "numbering"), ==, 3);
}

static void
test_numbering_clean (void)
{
  fz_test_assert_clean ("numbering",
                        "一、主要举措\n"
                        "（一）加强组织领导\n"
                        "1.落实责任。内容略。\n"
                        "（1）具体事项。内容略。\n"
                        "（2）具体事项。内容略。\n"
                        "2.压实责任。内容略。\n"
                        "（二）规范执法\n"
                        "内容略。\n"
                        "二、存在问题\n"
                        "1.跳过一级也可以。内容略。\n"
                        "三、工作安排\n"
                        "一是深化学法用法；二是规范执法行为。");
}

/* addressee_direction */

static GPtrArray *
check_with_addressee (FzDocument **doc_out,
                      const char  *title,
                      const char  *addressee)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s：\n2024年，我镇依法全面履行政府职能。现将有关情况报告如下：\n"
                                           "一、主要举措\n内容略。", title, addressee);

  return fz_test_check_text (text, doc_out);
}

static void
test_addressee_direction (void)
{
  static const char * const downward[] = {
    "各村（居）、各单位", "各有关单位", "各科室、各站所", "全体干部职工", "县委、各部门",
  };

  for (guint i = 0; i < G_N_ELEMENTS (downward); i++)
    {
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = check_with_addressee (&doc, "西坪镇人民政府关于2023年法治政府建设情况的报告",
                                                           downward[i]);

      fz_test_assert_finding (findings, "addressee_direction", downward[i], FZ_SEVERITY_WARNING, NULL);
    }
}

static void
test_addressee_direction_clean (void)
{
  static const struct { const char *title; const char *addressee; } cases[] = {
    { "西坪镇人民政府关于2023年法治政府建设情况的报告", "县委、县政府" },
    { "西坪镇人民政府关于2023年法治政府建设情况的报告", "中共遂溪县委、遂溪县人民政府" },
    { "西坪镇人民政府关于2023年法治政府建设情况的报告", "各级党委和政府的上级机关" },
    /* A notice does go down. */
    { "西坪镇人民政府关于做好法治政府建设工作的通知", "各村（居）、各单位" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = check_with_addressee (&doc, cases[i].title, cases[i].addressee);

      fz_test_assert_none (findings, "addressee_direction");
      fz_test_assert_none (findings, "missing_addressee");
    }
}

/* missing_title, missing_addressee, missing_signature, missing_date */

static void
test_missing_parts (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *empty = g_new0 (FzMetadata, 1);
  g_autoptr(GPtrArray) findings = fz_test_check_doc (doc, empty);
  const FzParagraph *body = NULL, *closing = NULL;

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);

      if (p->kind == FZ_PARAGRAPH_BODY && body == NULL)
        body = p;
      if (p->kind == FZ_PARAGRAPH_CLOSING)
        closing = p;
    }
  g_assert_nonnull (body);
  g_assert_nonnull (closing);

  g_assert_cmpuint (fz_test_find (findings, "missing_title", "")->start, ==, 0);
  g_assert_cmpuint (fz_test_find (findings, "missing_addressee", "")->start, ==, body->start);
  g_assert_cmpuint (fz_test_find (findings, "missing_signature", "")->start, ==, closing->end);
  g_assert_cmpuint (fz_test_find (findings, "missing_date", "")->start, ==, closing->end);
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      g_assert_true (g_str_has_prefix (f->id, "missing_"));
      g_assert_cmpuint (f->start, ==, f->end);
      g_assert_cmpint (f->severity, ==, FZ_SEVERITY_WARNING);
    }
  g_assert_cmpuint (findings->len, ==, 4);

  fz_test_metadata_release (empty);
}

static void
test_missing_parts_after_front_matter (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text ("青山镇人民政府文件\n"
                                                         "青府〔2024〕12号\n"
                                                         "2024年，我镇依法全面履行政府职能。\n"
                                                         "一、主要举措\n"
                                                         "内容略。", -1, NULL);
  FzMetadata *empty = g_new0 (FzMetadata, 1);
  g_autoptr(GPtrArray) findings = fz_test_check_doc (doc, empty);
  const FzParagraph *third = fz_document_get_paragraph (doc, 2);

  /* The title belongs after the 发文机关标志 and the 文号. */
  g_assert_cmpint (third->kind, ==, FZ_PARAGRAPH_BODY);
  g_assert_cmpuint (fz_test_find (findings, "missing_title", "")->start, ==, third->start);

  fz_test_metadata_release (empty);
}

static void
test_missing_parts_clean (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *meta = fz_test_metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = fz_test_check_doc (doc, meta);

  g_assert_nonnull (meta->title.value);
  g_assert_nonnull (meta->addressee.value);
  g_assert_nonnull (meta->issuer.value);
  g_assert_nonnull (meta->date.value);
  fz_test_assert_none (findings, "missing_title");
  fz_test_assert_none (findings, "missing_addressee");
  fz_test_assert_none (findings, "missing_signature");
  fz_test_assert_none (findings, "missing_date");

  fz_test_metadata_release (meta);
}

/* The checks that read the whole analysis
 *
 * Each plants one defect into checks-clean.txt, a report that is clean
 * under every check, and runs the full analysis with the national rule
 * set (or @rules_xml), as the window and fazhi-check do. */

static void
test_full_clean (void)
{
  g_autofree char *text = fz_test_clean_text ();
  g_autoptr(FzAnalysis) a = fz_test_analyse (text, NULL);
  GPtrArray *findings = fz_analysis_get_findings (a);
  GPtrArray *coverage = fz_analysis_get_coverage (a);

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("unexpected %s over “%s”: %s", f->id, f->text, f->message);
    }
  g_assert_cmpuint (findings->len, ==, 0);

  g_assert_cmpuint (coverage->len, ==, 9);
  for (guint i = 0; i < coverage->len; i++)
    g_assert_cmpint (((FzCoverageArea *) g_ptr_array_index (coverage, i))->status, ==, FZ_COVERAGE_COVERED);
}

/* One defect planted into checks-clean.txt (every @from replaced by @to)
 * and what the analysis must say about it.  Each row is a test of its
 * own, named by @name below /checks/. */
#define ANY_SEVERITY (-1)

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *id;
  const char *text;        /* the finding's text; NULL: no finding @id at all */
  const char *says[2];     /* what its message must hold (nullable) */
  int         severity;    /* an FzSeverity, or ANY_SEVERITY */
  const char *suggestion;  /* NULL: not checked */
} Planted;

static const Planted planted[] = {
  /* figure_sum */
  { "figure-sum/fewer", "其他纠纷8件，", "",
    "figure_sum", "30件，其中婚姻家庭纠纷12件，邻里纠纷10件", { "12 + 10 = 22", "30" }, FZ_SEVERITY_WARNING, NULL },
  { "figure-sum/more", "其他纠纷8件", "其他纠纷18件",
    "figure_sum", "30件，其中婚姻家庭纠纷12件，邻里纠纷10件，其他纠纷18件", { "12 + 10 + 18 = 40" }, ANY_SEVERITY, NULL },
  { "figure-sum/partial", "其中婚姻家庭纠纷12件，邻里纠纷10件，其他纠纷8件", "其中主要有婚姻家庭纠纷12件，邻里纠纷10件",
    "figure_sum", NULL, { NULL }, ANY_SEVERITY, NULL },
  { "figure-sum/subset", "其中婚姻家庭纠纷12件，邻里纠纷10件，其他纠纷8件", "其中调解成功28件，婚姻家庭纠纷12件",
    "figure_sum", NULL, { NULL }, ANY_SEVERITY, NULL },

  /* figure_rate */
  { "figure-rate/wrong", "办结率90.9%", "办结率100%",
    "figure_rate", "11件，办结10件，办结率100%", { "10 ÷ 11 = 90.9%" }, FZ_SEVERITY_WARNING, NULL },
  { "figure-rate/over", "办结率90.9%", "办结率109.1%",
    "figure_rate", "109.1%", { "100%" }, FZ_SEVERITY_ERROR, NULL },
  /* 10/11 = 90.909…%: both roundings are as written. */
  { "figure-rate/truncated", "办结率90.9%", "办结率90.90%",
    "figure_rate", NULL, { NULL }, ANY_SEVERITY, NULL },
  { "figure-rate/coarse", "办结率90.9%", "办结率91%",
    "figure_rate", NULL, { NULL }, ANY_SEVERITY, NULL },
  /* Nothing says what was covered: no arithmetic to check. */
  { "figure-rate/coverage", "办结率90.9%", "覆盖率达90.9%",
    "figure_rate", NULL, { NULL }, ANY_SEVERITY, NULL },

  /* figure_conflict */
  { "figure-conflict/differs", "依照《中华人民共和国行政复议法》依法办理。",
    "依照《中华人民共和国行政复议法》依法办理。全镇办理行政处罚案件19宗。",
    "figure_conflict", "办理行政处罚案件19宗", { "16", "19" }, FZ_SEVERITY_WARNING, NULL },
  { "figure-conflict/same", "依照《中华人民共和国行政复议法》依法办理。",
    "依照《中华人民共和国行政复议法》依法办理。全镇办理行政处罚案件16宗。",
    "figure_conflict", NULL, { NULL }, ANY_SEVERITY, NULL },

  /* year_mismatch */
  { "year-mismatch/opening", "2024年，我镇在县委", "2023年，我镇在县委",
    "year_mismatch", "2023", { "2024" }, ANY_SEVERITY, "2024" },
  { "year-mismatch/plan", "三、2025年工作安排", "三、2024年工作安排",
    "year_mismatch", "2024", { "2025" }, ANY_SEVERITY, "2025" },
  { "year-mismatch/stale", "严格落实行政执法“三项制度”，办理行政处罚案件16宗。",
    "严格落实行政执法“三项制度”。2022年，办理行政处罚案件16宗。",
    "year_mismatch", "2022", { "2022" }, FZ_SEVERITY_INFO, NULL },
  { "year-mismatch/shortcomings", "二、存在的不足和原因", "二、2023年存在的不足和原因",
    "year_mismatch", "2023", { "2024" }, ANY_SEVERITY, NULL },
  /* A span reaching the report year is no other year. */
  { "year-mismatch/since", "一、主要举措和成效", "一、2023年以来的主要举措和成效",
    "year_mismatch", NULL, { NULL }, ANY_SEVERITY, NULL },

  /* deadline */
  { "deadline/late", "2025年2月20日", "2025年4月10日",
    "deadline", "2025年4月10日", { "2025-03-01" }, FZ_SEVERITY_WARNING, NULL },
  { "deadline/early", "2025年2月20日", "2024年12月25日",
    "deadline", "2024年12月25日", { "2024-12-25" }, FZ_SEVERITY_INFO, NULL },
  { "deadline/before", "2025年2月20日", "2023年12月25日",
    "deadline", "2023年12月25日", { NULL }, FZ_SEVERITY_WARNING, NULL },

  /* date_format */
  { "date-format/chinese", "2025年2月20日", "二〇二五年二月二十日",
    "date_format", "二〇二五年二月二十日", { NULL }, ANY_SEVERITY, "2025年2月20日" },
  { "date-format/zeros", "2025年2月20日", "2025年02月20日",
    "date_format", "2025年02月20日", { NULL }, ANY_SEVERITY, "2025年2月20日" },
  { "date-format/iso", "2025年2月20日", "2025-02-20",
    "date_format", "2025-02-20", { NULL }, ANY_SEVERITY, "2025年2月20日" },

  /* 公文 form */
  { "doc-number-format/good", "碧溪镇人民政府关于2024", "碧府〔2025〕8号\n\n碧溪镇人民政府关于2024",
    "doc_number_format", NULL, { NULL }, ANY_SEVERITY, NULL },
  { "addressee-form/government", "县委、县政府：", "县人民政府：",
    "addressee_direction", "县人民政府：", { NULL }, FZ_SEVERITY_INFO, NULL },
  { "request-in-report/tuofou", "特此报告。", "以上报告妥否，请批示。",
    "request_in_report", "妥否", { NULL }, ANY_SEVERITY, NULL },
  { "request-in-report/pishi", "特此报告。", "以上报告妥否，请批示。",
    "request_in_report", "请批示", { NULL }, ANY_SEVERITY, NULL },
  { "request-in-report/support", "特此报告。", "恳请县政府给予支持。\n\n特此报告。",
    "request_in_report", "恳请县政府给予支持", { NULL }, ANY_SEVERITY, NULL },
  { "request-in-report/apply", "特此报告。", "群众申请批准的事项均按时办结，规范性文件均报请县政府批准。\n\n特此报告。",
    "request_in_report", NULL, { NULL }, ANY_SEVERITY, NULL },
  { "title-format/no-year", "关于2024年度法治政府建设情况的报告", "关于法治政府建设情况的报告",
    "title_format", "碧溪镇人民政府关于法治政府建设情况的报告", { "year" }, ANY_SEVERITY, NULL },
  { "title-format/no-build", "关于2024年度法治政府建设情况的报告", "2024年法治政府年度报告",
    "title_format", "碧溪镇人民政府2024年法治政府年度报告", { "法治政府建设" }, ANY_SEVERITY, NULL },
  { "title-format/mixed", "关于2024年度法治政府建设情况的报告", "关于2024年度法治政府建设工作总结的报告",
    "title_format", "碧溪镇人民政府关于2024年度法治政府建设工作总结的报告", { "genre" }, ANY_SEVERITY, NULL },
  { "title-format/genre", "关于2024年度法治政府建设情况的报告", "2024年度法治政府建设工作总结",
    "title_format", "碧溪镇人民政府2024年度法治政府建设工作总结", { "报告" }, ANY_SEVERITY, NULL },
  { "cc-format/colon", "(联系人", "抄送:县司法局\n\n(联系人",
    "cc_format", ":", { NULL }, ANY_SEVERITY, "：" },
  { "cc-format/ending", "(联系人", "抄送:县司法局\n\n(联系人",
    "cc_format", "", { NULL }, FZ_SEVERITY_INFO, NULL },
  { "cc-format/good", "(联系人", "抄送：县司法局。\n\n(联系人",
    "cc_format", NULL, { NULL }, ANY_SEVERITY, NULL },

  /* Language */
  { "punct-unbalanced/open", "依照《中华人民共和国行政复议法》依法办理", "依照《中华人民共和国行政复议法依法办理",
    "punct_unbalanced", "《", { "never closed" }, ANY_SEVERITY, NULL },
  { "punct-unbalanced/stray", "严格落实行政执法“三项制度”", "严格落实行政执法三项制度”",
    "punct_unbalanced", "”", { "never opened" }, ANY_SEVERITY, NULL },
  { "punct-unbalanced/nested", "推广“粤省事”APP", "推广（“粤省事）APP",
    "punct_unbalanced", "“", { "never closed" }, ANY_SEVERITY, NULL },
  { "booktitle-missing/bare", "依照《中华人民共和国行政复议法》依法办理", "依照中华人民共和国行政复议法依法办理",
    "booktitle_missing", "中华人民共和国行政复议法", { NULL }, FZ_SEVERITY_INFO, "《中华人民共和国行政复议法》" },
  { "booktitle-missing/short-name", "依照《中华人民共和国行政复议法》依法办理", "依照行政复议法依法办理",
    "booktitle_missing", "行政复议法", { NULL }, ANY_SEVERITY, "《行政复议法》" },
  /* From the reviewer's own list. */
  { "booktitle-missing/user", "依照《中华人民共和国行政复议法》依法办理",
    "依照《中华人民共和国行政复议法》和青禾县物业管理办法依法办理",
    "booktitle_missing", "青禾县物业管理办法", { NULL }, ANY_SEVERITY, NULL },

  /* Substance */
  { "weak-problems", "二是基层执法力量薄弱，执法人员专业素质参差不齐，导致个别案件办理周期偏长。"
    "究其原因，一方面镇综合执法队人员流动较大，另一方面执法培训的针对性不强，新进人员未能及时取得执法证。", "",
    "weak_problems", "二、存在的不足和原因", { "150" }, FZ_SEVERITY_WARNING, NULL },
  { "vague-plan/no-year", "三、2025年工作安排", "三、下一步工作安排",
    "vague_plan", "三、下一步工作安排", { "2025" }, FZ_SEVERITY_INFO, NULL },
  { "vague-plan/no-action", "一是深化学法用法，每季度组织一次专题学法；二是规范执法行为，开展案卷评查；三是加强普法宣传，落实“谁执法谁普法”责任制。",
    "我镇将继续努力，争取更好成绩。",
    "vague_plan", "三、2025年工作安排", { "concrete" }, ANY_SEVERITY, NULL },
};

static void
test_planted (gconstpointer data)
{
  const Planted *p = data;
  g_autoptr(FzAnalysis) a = fz_test_analyse_planted (p->from, p->to);
  GPtrArray *findings = fz_analysis_get_findings (a);
  FzFinding *f = NULL;

  if (p->text == NULL)
    {
      fz_test_assert_none (findings, p->id);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (p->says); i++)
    f = fz_test_find_with (findings, p->id, p->text, p->says[i]);
  if (p->severity != ANY_SEVERITY)
    g_assert_cmpint (f->severity, ==, p->severity);
  if (p->suggestion != NULL)
    g_assert_cmpstr (f->suggestion, ==, p->suggestion);
}

/* deadline: a rule set's own, and a province's */

static const char *province_rules =
  "<ruleset id=\"strict\" version=\"1\" extends=\"national\">"
  "<name>严格</name><deadline month=\"2\" day=\"15\"/></ruleset>";

static void
test_deadline (void)
{
  g_autofree char *text = fz_test_clean_text ();
  g_autoptr(FzAnalysis) strict = fz_test_analyse (text, province_rules);
  g_autofree char *province_text = fz_test_plant ("碧溪镇人民政府", "青禾省人民政府");
  g_autofree char *province_late = NULL;
  g_autoptr(FzAnalysis) province = NULL;
  g_autoptr(FzAnalysis) province_after = NULL;

  /* A rule set's own deadline: 2月20日 is late under 2月15日. */
  fz_test_find_with (fz_analysis_get_findings (strict), "deadline", "2025年2月20日", "2025-02-15");

  /* A province has until 4月1日 under the national set. */
  province = fz_test_analyse (province_text, NULL);
  g_assert_cmpint (fz_analysis_get_metadata (province)->level, ==, FZ_LEVEL_PROVINCE);
  fz_test_assert_none (fz_analysis_get_findings (province), "deadline");
  province_late = fz_test_replace_in (province_text, "2025年2月20日", "2025年3月20日");
  province_after = fz_test_analyse (province_late, NULL);
  fz_test_assert_none (fz_analysis_get_findings (province_after), "deadline");
}

/* 公文 form */

static void
test_doc_number_format (void)
{
  g_autoptr(FzAnalysis) bad = fz_test_analyse_planted ("碧溪镇人民政府关于2024",
                                               "碧府[2025]第08号\n\n碧溪镇人民政府关于2024");
  GPtrArray *findings = fz_analysis_get_findings (bad);

  g_assert_cmpstr (fz_analysis_get_metadata (bad)->doc_number.value, ==, "碧府[2025]第08号");
  g_assert_cmpuint (fz_test_count_id (findings, "doc_number_format"), ==, 3);
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, "doc_number_format"))
        {
          g_assert_cmpint (f->severity, ==, FZ_SEVERITY_ERROR);
          g_assert_cmpstr (f->suggestion, ==, "碧府〔2025〕8号");
          g_assert_nonnull (strstr (f->message, "GB/T 9704-2012 §7.2.5"));
        }
    }
}

static void
test_addressee_form (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text ("青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                                                         "\n县委、县政府\n\n2024年，我镇依法全面履行政府职能。\n", -1, NULL);
  FzMetadata *meta = fz_test_metadata_from_paragraphs (doc, FALSE);
  g_autoptr(GPtrArray) no_colon = NULL;
  FzFinding *f;

  /* The metadata pass needs the colon to see an addressee (the line
   * without one runs on into the body); a field set by hand stands for
   * one taken from a known 主送 pattern. */
  fz_test_set_field (&meta->addressee, doc, 27, 33);
  g_assert_cmpstr (meta->addressee.value, ==, "县委、县政府");
  no_colon = fz_test_check_doc (doc, meta);
  f = fz_test_find_with (no_colon, "addressee_direction", "县委、县政府", NULL);
  g_assert_cmpstr (f->suggestion, ==, "县委、县政府：");
  fz_test_metadata_release (meta);
}

/* Coverage and substance */


static void
test_outline_coverage (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_planted ("修订安全生产和防汛应急预案5项，组织应急演练4次，", "");
  g_autoptr(FzAnalysis) old = fz_test_analyse_planted ("2024", "2019");
  GPtrArray *coverage = fz_analysis_get_coverage (a);
  const FzCoverageArea *emergency = NULL;
  FzFinding *f;

  for (guint i = 0; i < coverage->len; i++)
    {
      const FzCoverageArea *c = g_ptr_array_index (coverage, i);

      if (g_str_equal (c->id, "area_emergency"))
        emergency = c;
      else
        g_assert_cmpint (c->status, ==, FZ_COVERAGE_COVERED);
    }
  g_assert_nonnull (emergency);
  g_assert_cmpint (emergency->status, ==, FZ_COVERAGE_ABSENT);
  g_assert_cmpuint (emergency->hits, ==, 0);
  g_assert_cmpstr (emergency->part, ==, "六");

  f = fz_test_find_with (fz_analysis_get_findings (a), "outline_coverage", "", "1");
  g_assert_cmpint (f->severity, ==, FZ_SEVERITY_INFO);

  /* The 2021 outline does not apply to a report on 2019. */
  g_assert_cmpuint (fz_analysis_get_coverage (old)->len, ==, 0);
  fz_test_assert_none (fz_analysis_get_findings (old), "outline_coverage");
}

static void
test_no_causes (void)
{
  g_autofree char *a_text = fz_test_plant ("，主要原因是学习形式单一，以集中学习为主，", "，");
  g_autofree char *b_text = fz_test_replace_in (a_text, "，导致个别案件办理周期偏长。究其原因，一方面", "，个别案件办理周期偏长；");
  g_autofree char *c_text = fz_test_replace_in (b_text, "存在的不足和原因", "存在的不足");
  g_autoptr(FzAnalysis) a = fz_test_analyse (c_text, NULL);
  FzFinding *f = fz_test_find_with (fz_analysis_get_findings (a), "no_causes", "二、存在的不足", NULL);

  g_assert_cmpint (f->severity, ==, FZ_SEVERITY_WARNING);
}

static void
test_few_figures (void)
{
  g_autofree char *text = fz_test_clean_text ();
  g_autoptr(GRegex) digits = g_regex_new ("[0-9.,]+(?:万元|人次|件|场|次|条|项|宗|%)", 0, 0, NULL);
  g_autofree char *stripped = g_regex_replace_literal (digits, text, -1, 0, "多", 0, NULL);
  g_autoptr(FzAnalysis) a = fz_test_analyse (stripped, NULL);
  FzFinding *f = fz_test_find_with (fz_analysis_get_findings (a), "few_figures", "一、主要举措和成效", "per thousand");

  g_assert_cmpint (f->severity, ==, FZ_SEVERITY_INFO);
}

/* Every prefix of the clean report, cut anywhere: half a heading, a
 * figure without its unit, a title alone.  No check may crash or warn. */
static void
test_truncated (void)
{
  g_autofree char *text = fz_test_clean_text ();
  glong n = g_utf8_strlen (text, -1);
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", NULL);

  for (glong cut = 0; cut <= n; cut += 7)
    {
      const char *end = g_utf8_offset_to_pointer (text, cut);
      g_autoptr(FzDocument) doc = fz_document_new_from_text (text, end - text, NULL);
      g_autoptr(FzAnalysis) a = fz_analysis_new (doc, rules);

      fz_test_assert_consistent (doc, fz_analysis_get_findings (a));
    }
}

/* A rule set switches checks off and tunes their thresholds. */
static void
test_rules_tune_checks (void)
{
  static const char *off =
    "<ruleset id=\"quiet\" version=\"1\" extends=\"national\"><name>安静</name>"
    "<check id=\"figure_sum\" enabled=\"false\"/>"
    "<check id=\"weak_problems\" min-chars=\"2000\"/>"
    "</ruleset>";
  static const char *on_again =
    "<ruleset id=\"loud\" version=\"1\" extends=\"national\"><name>全开</name>"
    "<check id=\"few_figures\" min-per-1000=\"50\"/>"
    "</ruleset>";
  g_autofree char *text = fz_test_plant ("其他纠纷8件，", "");
  g_autofree char *clean = fz_test_clean_text ();
  g_autoptr(FzAnalysis) a = fz_test_analyse (text, off);
  g_autoptr(FzAnalysis) b = fz_test_analyse (clean, on_again);
  g_autoptr(FzAnalysis) c = fz_test_analyse (text, NULL);

  fz_test_assert_none (fz_analysis_get_findings (a), "figure_sum");
  fz_test_find_with (fz_analysis_get_findings (a), "weak_problems", "二、存在的不足和原因", "2000");
  fz_test_find_with (fz_analysis_get_findings (b), "few_figures", "一、主要举措和成效", "50");
  fz_test_find (fz_analysis_get_findings (c), "figure_sum", "30件，其中婚姻家庭纠纷12件，邻里纠纷10件");
}

/* Whole reports */

static void
test_clean_report (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *meta = fz_test_metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = fz_test_check_doc (doc, meta);

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("unexpected %s over “%s”: %s", f->id, f->text, f->message);
    }
  g_assert_cmpuint (findings->len, ==, 0);

  fz_test_metadata_release (meta);
}

static void
test_defects_report (void)
{
  static const struct { const char *id; const char *text; } expected[] = {
    { "punct_halfwidth", ":" },
    { "punct_halfwidth", "," },
    { "repeated_word", "压实压实" },
    { "numbering", "1、" },
    { "traditional_char", "爲" },
    { "markup_residue", "**二是加强行政执法监督。**" },
    { "markup_residue", "&nbsp;" },
    { "latin_word", "and" },
    { "latin_word", "CBD" },
    { "punct_halfwidth", "(" },
    { "punct_halfwidth", ")" },
    { "numbering", "2、" },
    { "repeated_word", "进一步进一步" },
  };
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-defects.txt");
  FzMetadata *meta = fz_test_metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = fz_test_check_doc (doc, meta);

  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpstr (f->id, ==, expected[i].id);
      g_assert_cmpstr (f->text, ==, expected[i].text);
    }

  fz_test_metadata_release (meta);
}

/* No text, no sections, no metadata: nothing to report, and no crash. */
static void
test_degenerate (void)
{
  g_autoptr(FzDocument) empty = fz_document_new_from_text ("", 0, NULL);
  g_autoptr(FzDocument) one = fz_document_new_from_text ("压实压实", -1, NULL);
  g_autoptr(GPtrArray) none = fz_checks_run (empty, NULL, NULL);
  g_autoptr(GPtrArray) figures = fz_figures_extract (empty, NULL);
  g_autoptr(GPtrArray) short_text = fz_checks_run (one, NULL, NULL);
  FzMetadata *meta = g_new0 (FzMetadata, 1);
  g_autoptr(GPtrArray) missing = fz_checks_run (empty, NULL, meta);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (figures->len, ==, 0);
  g_assert_cmpuint (short_text->len, ==, 1);
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (short_text, 0))->text, ==, "压实压实");
  g_assert_cmpuint (missing->len, ==, 4);
  for (guint i = 0; i < missing->len; i++)
    g_assert_cmpuint (((FzFinding *) g_ptr_array_index (missing, i))->start, ==, 0);

  fz_test_metadata_release (meta);
}

typedef struct
{
  FzDocument *doc;
  GPtrArray  *sections;
  FzMetadata *meta;
  guint       expected;
} ThreadData;

static gpointer
run_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GPtrArray) findings = fz_checks_run (data->doc, data->sections, data->meta);

      if (findings->len != data->expected)
        return GUINT_TO_POINTER (FALSE);
    }

  return GUINT_TO_POINTER (TRUE);
}

/* Lists and patterns are shared between threads analysing files in
 * parallel; the very first use may come from several at once. */
static void
test_threads (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  ThreadData data = { 0 };
  GThread *threads[8];

  /* In a subprocess, so that the lists are loaded there for the first
   * time, by several threads at once. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  doc = fz_test_load_fixture ("checks-defects.txt");
  sections = fz_outline_build (doc);
  data.doc = doc;
  data.sections = sections;
  data.meta = fz_test_metadata_from_paragraphs (doc, TRUE);
  data.expected = 13;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("checks", run_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));

  fz_test_metadata_release (data.meta);
}

static void
test_boxed (void)
{
  g_autoptr(FzFinding) finding = fz_finding_new ("repeated_word", FZ_SEVERITY_WARNING, 3, 7,
                                                 "压实压实", "词语重复“压实”");
  g_autoptr(FzFinding) copy = NULL;

  finding->suggestion = g_strdup ("压实");
  copy = g_boxed_copy (FZ_TYPE_FINDING, finding);

  g_assert_true (G_TYPE_IS_BOXED (fz_finding_get_type ()));
  g_assert_true (copy != finding);
  g_assert_cmpstr (copy->id, ==, "repeated_word");
  g_assert_cmpint (copy->severity, ==, FZ_SEVERITY_WARNING);
  g_assert_cmpuint (copy->start, ==, 3);
  g_assert_cmpuint (copy->end, ==, 7);
  g_assert_cmpstr (copy->text, ==, "压实压实");
  g_assert_true (copy->text != finding->text);
  g_assert_cmpstr (copy->message, ==, "词语重复“压实”");
  g_assert_cmpstr (copy->suggestion, ==, "压实");
}

/* The reference corpus */

static void
test_corpus (void)
{
  g_autofree char *dir = fz_test_corpus_dir (NULL);
  g_autoptr(GPtrArray) expectations = NULL;
  guint checked = 0;

  if (dir == NULL)
    return;

  expectations = fz_test_load_expectations (dir);
  if (expectations == NULL)
    {
      g_test_skip ("the corpus has no expected.tsv");
      return;
    }

  for (guint i = 0; i < expectations->len; i++)
    {
      const FzTestExpectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *path = NULL;
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      FzMetadata *meta;
      guint n;

      if (strcmp (e->kind, "finding") != 0)
        continue;

      path = g_build_filename (dir, "seeds", e->seed, NULL);
      doc = fz_test_import_path (path);

      /* Only the title and the addressee, as the brief for these tests
       * says: the rest is the metadata pass's business. */
      meta = fz_test_metadata_from_paragraphs (doc, FALSE);
      findings = fz_test_check_doc (doc, meta);
      fz_test_metadata_release (meta);

      n = fz_test_count_id (findings, e->id);
      if (strcmp (e->expected, "yes") == 0 && n == 0)
        g_error ("%s: %s should be reported", e->seed, e->id);
      else if (strcmp (e->expected, "no") == 0 && n > 0)
        g_error ("%s: %s is reported %u times but should not be", e->seed, e->id, n);
      else if (strcmp (e->expected, "yes") != 0 && strcmp (e->expected, "no") != 0)
        g_error ("expected.tsv line %u: “%s” is neither yes nor no", e->line, e->expected);

      checked++;
    }

  g_assert_cmpuint (checked, >, 0);
}

/* The user's own lists, in a configuration folder of this test alone.  A
 * subprocess inherits the parent's folder through the environment. */
static void
write_user_lists (void)
{
  g_autofree char *lists = NULL;
  const char *inherited = g_getenv ("FAZHI_TEST_CHECKS_CONFIG");

  if (inherited != NULL)
    {
      g_setenv ("XDG_CONFIG_HOME", inherited, TRUE);
      return;
    }

  config_dir = g_dir_make_tmp ("fazhi-checks-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("FAZHI_TEST_CHECKS_CONFIG", config_dir, TRUE);

  lists = g_build_filename (config_dir, "fazhi-review", "lists", NULL);
  g_assert_cmpint (g_mkdir_with_parents (lists, 0700), ==, 0);

  {
    g_autofree char *path = g_build_filename (lists, "repeated-words.txt", NULL);
    g_assert_true (g_file_set_contents (path, "# ours\n哗啦哗啦\n", -1, NULL));
  }
  {
    g_autofree char *path = g_build_filename (lists, "latin-words.txt", NULL);
    g_assert_true (g_file_set_contents (path, "FZRV\n", -1, NULL));
  }
  {
    g_autofree char *path = g_build_filename (lists, "traditional-chars.txt", NULL);
    g_assert_true (g_file_set_contents (path, "絲 丝\n", -1, NULL));
  }
  {
    g_autofree char *path = g_build_filename (lists, "law-names.txt", NULL);
    g_assert_true (g_file_set_contents (path, "# ours\n青禾县物业管理办法\n", -1, NULL));
  }
}

static void
remove_user_lists (void)
{
  static const char * const names[] = {
    "repeated-words.txt", "latin-words.txt", "traditional-chars.txt", "law-names.txt",
  };
  g_autofree char *lists = NULL;
  g_autofree char *app = NULL;

  if (config_dir == NULL)
    return;

  lists = g_build_filename (config_dir, "fazhi-review", "lists", NULL);
  app = g_build_filename (config_dir, "fazhi-review", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (lists, names[i], NULL);
      g_remove (path);
    }
  g_rmdir (lists);
  g_rmdir (app);
  g_rmdir (config_dir);
  g_clear_pointer (&config_dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before anything asks GLib for the configuration folder. */
  write_user_lists ();

  fz_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/repeated-word", test_repeated_word);
  g_test_add_func ("/checks/repeated-word/clean", test_repeated_word_clean);
  g_test_add_func ("/checks/markup-residue", test_markup_residue);
  g_test_add_func ("/checks/markup-residue/clean", test_markup_residue_clean);
  g_test_add_func ("/checks/punct-halfwidth", test_punct_halfwidth);
  g_test_add_func ("/checks/punct-halfwidth/clean", test_punct_halfwidth_clean);
  g_test_add_func ("/checks/latin-word", test_latin_word);
  g_test_add_func ("/checks/latin-word/clean", test_latin_word_clean);
  g_test_add_func ("/checks/traditional-char", test_traditional_char);
  g_test_add_func ("/checks/traditional-char/clean", test_traditional_char_clean);
  g_test_add_func ("/checks/numbering/form", test_numbering_form);
  g_test_add_func ("/checks/numbering/restart", test_numbering_restart);
  g_test_add_func ("/checks/numbering/sequence", test_numbering_sequence);
  g_test_add_func ("/checks/numbering/clean", test_numbering_clean);
  g_test_add_func ("/checks/addressee-direction", test_addressee_direction);
  g_test_add_func ("/checks/addressee-direction/clean", test_addressee_direction_clean);
  g_test_add_func ("/checks/missing-parts", test_missing_parts);
  g_test_add_func ("/checks/missing-parts/after-front-matter", test_missing_parts_after_front_matter);
  g_test_add_func ("/checks/missing-parts/clean", test_missing_parts_clean);
  g_test_add_func ("/checks/full/clean", test_full_clean);
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *name = g_strdup_printf ("/checks/%s", planted[i].name);

      g_test_add_data_func (name, &planted[i], test_planted);
    }
  g_test_add_func ("/checks/deadline", test_deadline);
  g_test_add_func ("/checks/doc-number-format", test_doc_number_format);
  g_test_add_func ("/checks/addressee-form", test_addressee_form);
  g_test_add_func ("/checks/outline-coverage", test_outline_coverage);
  g_test_add_func ("/checks/no-causes", test_no_causes);
  g_test_add_func ("/checks/few-figures", test_few_figures);
  g_test_add_func ("/checks/rules-tune-checks", test_rules_tune_checks);
  g_test_add_func ("/checks/truncated", test_truncated);
  g_test_add_func ("/checks/report/clean", test_clean_report);
  g_test_add_func ("/checks/report/defects", test_defects_report);
  g_test_add_func ("/checks/degenerate", test_degenerate);
  g_test_add_func ("/checks/threads", test_threads);
  g_test_add_func ("/checks/boxed", test_boxed);
  g_test_add_func ("/checks/corpus", test_corpus);

  ret = g_test_run ();

  /* Only the process that made the folder removes it. */
  remove_user_lists ();

  return ret;
}
