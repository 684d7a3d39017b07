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

#include "fz-test-utils.h"
#include "libfazhi.h"

static char *config_dir;

/* FzMetadata built by hand, so these tests do not depend on the metadata
 * pass; the fields set here are freed here. */
static void
set_field (FzMetaField *field,
           FzDocument  *doc,
           guint        start,
           guint        end)
{
  g_free (field->value);
  field->value = fz_document_dup_range (doc, start, end);
  field->start = start;
  field->end = end;
}

static FzMetadata *
metadata_from_paragraphs (FzDocument *doc,
                          gboolean    with_closing)
{
  FzMetadata *meta = g_new0 (FzMetadata, 1);

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      g_autofree char *text = fz_document_dup_range (doc, p->start, p->end);
      guint end = p->end;

      switch (p->kind)
        {
        case FZ_PARAGRAPH_TITLE:
          if (meta->title.value == NULL)
            set_field (&meta->title, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_ADDRESSEE:
          /* Without the final colon, as the metadata pass gives it. */
          if (g_str_has_suffix (text, "：") || g_str_has_suffix (text, ":"))
            end--;
          if (meta->addressee.value == NULL)
            set_field (&meta->addressee, doc, p->start, end);
          break;

        case FZ_PARAGRAPH_SIGNATURE:
          if (with_closing && meta->issuer.value == NULL)
            set_field (&meta->issuer, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_DATE:
          if (with_closing && meta->date.value == NULL)
            set_field (&meta->date, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_BODY:
        case FZ_PARAGRAPH_ISSUER_MARK:
        case FZ_PARAGRAPH_DOC_NUMBER:
        case FZ_PARAGRAPH_SIGNER:
        case FZ_PARAGRAPH_HEADING:
        case FZ_PARAGRAPH_CLOSING:
        case FZ_PARAGRAPH_NOTE:
        case FZ_PARAGRAPH_CC:
        case FZ_PARAGRAPH_PRINTED:
        default:
          break;
        }
    }

  return meta;
}

static void
metadata_release (FzMetadata *meta)
{
  g_free (meta->title.value);
  g_free (meta->addressee.value);
  g_free (meta->issuer.value);
  g_free (meta->date.value);
  g_free (meta);
}

/* Findings must be sorted, and each must describe its own range. */
static void
assert_consistent (FzDocument *doc,
                   GPtrArray  *findings)
{
  guint last = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *range = fz_document_dup_range (doc, f->start, f->end);

      g_assert_cmpstr (range, ==, f->text);
      g_assert_cmpuint (f->start, <=, f->end);
      g_assert_cmpuint (f->start, >=, last);
      g_assert_nonnull (f->message);
      g_assert_cmpstr (f->message, !=, "");
      last = f->start;
    }
}

static GPtrArray *
check_doc (FzDocument *doc,
           FzMetadata *meta)
{
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);
  GPtrArray *findings = fz_checks_run (doc, sections, meta);

  assert_consistent (doc, findings);

  return findings;
}

/* Runs every check on @text with the metadata its own paragraphs give. */
static GPtrArray *
check_text (const char  *text,
            FzDocument **doc_out)
{
  FzDocument *doc = fz_document_new_from_text (text, -1, NULL);
  FzMetadata *meta = metadata_from_paragraphs (doc, TRUE);
  GPtrArray *findings = check_doc (doc, meta);

  metadata_release (meta);
  *doc_out = doc;

  return findings;
}

static guint
count_id (GPtrArray  *findings,
          const char *id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((FzFinding *) g_ptr_array_index (findings, i))->id, id) == 0)
      n++;

  return n;
}

static FzFinding *
find (GPtrArray  *findings,
      const char *id,
      const char *text)
{
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, id) == 0 && g_strcmp0 (f->text, text) == 0)
        return f;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("have %s “%s”", f->id, f->text);
    }
  g_error ("no %s finding over “%s”", id, text);

  return NULL;
}

static void
assert_finding (GPtrArray  *findings,
                const char *id,
                const char *text,
                FzSeverity  severity,
                const char *suggestion)
{
  FzFinding *f = find (findings, id, text);

  g_assert_cmpint (f->severity, ==, severity);
  g_assert_cmpstr (f->suggestion, ==, suggestion);
}

static void
assert_none (GPtrArray  *findings,
             const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, id) == 0)
        g_error ("unexpected %s over “%s”: %s", f->id, f->text, f->message);
    }
}

/* repeated_word */

static void
test_repeated_word (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("会议要求压实压实各部门责任，进一步进一步加强学习，"
                                              "坚持依法治国依法治国依法治国。", &doc);

  g_assert_cmpuint (count_id (findings, "repeated_word"), ==, 3);
  assert_finding (findings, "repeated_word", "压实压实", FZ_SEVERITY_WARNING, "压实");
  assert_finding (findings, "repeated_word", "进一步进一步", FZ_SEVERITY_WARNING, "进一步");
  assert_finding (findings, "repeated_word", "依法治国依法治国依法治国", FZ_SEVERITY_WARNING, "依法治国");
}

static void
test_repeated_word_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("压紧压实主体责任，压实压细工作措施，层层落实，件件有着落，"
                                              "事事有回应，家家户户知晓，一个一个地走访，开展面对面对接服务，"
                                              "溪水哗啦哗啦地流。", &doc);

  /* "哗啦哗啦" comes from the user's own list, written in main(). */
  assert_none (findings, "repeated_word");
}

/* markup_residue */

static void
test_markup_residue (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("**二是加强行政执法监督。**积极配合完成案卷评查工作。\n"
                                              "二是**强化法治工作队伍建设**。聘请法律顾问&nbsp;一名。\n"
                                              "在<b>政府网站</b>公开信息，详见[政府网站](http://www.gov.cn)。\n"
                                              "## 三、工作计划", &doc);

  assert_finding (findings, "markup_residue", "**二是加强行政执法监督。**", FZ_SEVERITY_WARNING,
                  "二是加强行政执法监督。");
  assert_finding (findings, "markup_residue", "**强化法治工作队伍建设**", FZ_SEVERITY_WARNING,
                  "强化法治工作队伍建设");
  assert_finding (findings, "markup_residue", "&nbsp;", FZ_SEVERITY_WARNING, "");
  assert_finding (findings, "markup_residue", "<b>", FZ_SEVERITY_WARNING, "");
  assert_finding (findings, "markup_residue", "</b>", FZ_SEVERITY_WARNING, "");
  assert_finding (findings, "markup_residue", "[政府网站](http://www.gov.cn)", FZ_SEVERITY_WARNING, "政府网站");
  assert_finding (findings, "markup_residue", "## ", FZ_SEVERITY_WARNING, "");
  g_assert_cmpuint (count_id (findings, "markup_residue"), ==, 7);

  /* The code is reported once, not again as English or as punctuation. */
  assert_none (findings, "latin_word");
  assert_none (findings, "punct_halfwidth");
}

static void
test_markup_residue_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("一是加强行政执法监督。计算标准为每亩5*3元，"
                                              "开展“法律明白人”培训。", &doc);

  assert_none (findings, "markup_residue");
}

/* punct_halfwidth */

static void
test_punct_halfwidth (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("县委、县政府:\n"
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
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("一、主要举措\n"
                                              "1.落实责任。罚款1.78万元，增长12.4%，参与1,000人，"
                                              "上午9:30开会，详见https://www.gov.cn/zwgk/a.html?id=1，"
                                              "英文名称为Rule of Law (ROL), since 2021.\n"
                                              "特此报告。\n"
                                              "青山镇人民政府\n"
                                              "2024年12月25日\n"
                                              "(联系人：林晓明，联系电话：0759-7171101)", &doc);

  assert_none (findings, "punct_halfwidth");
}

/* latin_word */

static void
test_latin_word (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("深入贯彻党的十九大精神 and 二十大精神，推进CBD片区建设，"
                                              "打造Rule of Law示范镇。", &doc);

  assert_finding (findings, "latin_word", "and", FZ_SEVERITY_WARNING, NULL);
  assert_finding (findings, "latin_word", "CBD", FZ_SEVERITY_INFO, NULL);
  assert_finding (findings, "latin_word", "Rule of Law", FZ_SEVERITY_WARNING, NULL);
  g_assert_cmpuint (count_id (findings, "latin_word"), ==, 3);
}

static void
test_latin_word_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("推广“粤省事”APP和政务Wi-Fi，制作PPT，建立QQ群，GDP增长5%，"
                                              "PM2.5浓度下降，通过ISO9001认证，app下载量提升，"
                                              "推进FZRV平台建设，详见www.gov.cn或来信fz@example.gov.cn，"
                                              "落实“1+6+N”体系。", &doc);

  /* "FZRV" comes from the user's own list, written in main(). */
  assert_none (findings, "latin_word");
}

/* traditional_char */

static void
test_traditional_char (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("严厉打击非法开采矿产资源的行爲，提升這個工作水平，梳理發絲。", &doc);

  assert_finding (findings, "traditional_char", "爲", FZ_SEVERITY_WARNING, "为");
  assert_finding (findings, "traditional_char", "這個", FZ_SEVERITY_WARNING, "这个");
  /* "絲" comes from the user's own list, "發" from the built-in one. */
  assert_finding (findings, "traditional_char", "發絲", FZ_SEVERITY_WARNING, "发丝");
  g_assert_cmpuint (count_id (findings, "traditional_char"), ==, 3);
}

static void
test_traditional_char_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("镇长徐泽乾、副镇长於明带队，聘请著名律师，登上瞭望台，"
                                              "得到慰藉，扭转乾坤，实现全覆盖，余下工作有序推进。", &doc);

  assert_none (findings, "traditional_char");
}

/* numbering */

static void
test_numbering_form (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("一．主要举措\n"
                                              "（一）、加强组织领导\n"
                                              "1、落实责任。内容略。\n"
                                              "2、压实责任。内容略。\n"
                                              "(二)规范执法\n"
                                              "二、存在问题\n"
                                              "内容略。", &doc);

  assert_finding (findings, "numbering", "一．", FZ_SEVERITY_WARNING, "一、");
  assert_finding (findings, "numbering", "（一）、", FZ_SEVERITY_WARNING, "（一）");
  assert_finding (findings, "numbering", "1、", FZ_SEVERITY_WARNING, "1.");
  assert_finding (findings, "numbering", "2、", FZ_SEVERITY_WARNING, "2.");
  assert_finding (findings, "numbering", "(二)", FZ_SEVERITY_WARNING, "（二）");
  g_assert_cmpuint (count_id (findings, "numbering"), ==, 5);
  /* "(二)" is the numbering check's; punct_halfwidth leaves it alone. */
  assert_none (findings, "punct_halfwidth");
}

static void
test_numbering_restart (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("一、2023年主要举措和成效\n"
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
  g_autoptr(GPtrArray) findings = check_text ("（一）前言部分\n"
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
  assert_finding (findings, "numbering", "（一）", FZ_SEVERITY_WARNING, NULL);
  assert_finding (findings, "numbering", "（二）", FZ_SEVERITY_WARNING, "（一）");
  assert_finding (findings, "numbering", "四、", FZ_SEVERITY_WARNING, "三、");
  g_assert_cmpuint (count_id (findings, "numbering"), ==, 3);
}

static void
test_numbering_clean (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = check_text ("一、主要举措\n"
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
                                              "一是深化学法用法；二是规范执法行为。", &doc);

  assert_none (findings, "numbering");
}

/* addressee_direction */

static GPtrArray *
check_with_addressee (FzDocument **doc_out,
                      const char  *title,
                      const char  *addressee)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s：\n2024年，我镇依法全面履行政府职能。现将有关情况报告如下：\n"
                                           "一、主要举措\n内容略。", title, addressee);

  return check_text (text, doc_out);
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

      assert_finding (findings, "addressee_direction", downward[i], FZ_SEVERITY_WARNING, NULL);
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

      assert_none (findings, "addressee_direction");
      assert_none (findings, "missing_addressee");
    }
}

/* missing_title, missing_addressee, missing_signature, missing_date */

static void
test_missing_parts (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *empty = g_new0 (FzMetadata, 1);
  g_autoptr(GPtrArray) findings = check_doc (doc, empty);
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

  g_assert_cmpuint (find (findings, "missing_title", "")->start, ==, 0);
  g_assert_cmpuint (find (findings, "missing_addressee", "")->start, ==, body->start);
  g_assert_cmpuint (find (findings, "missing_signature", "")->start, ==, closing->end);
  g_assert_cmpuint (find (findings, "missing_date", "")->start, ==, closing->end);
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpuint (f->start, ==, f->end);
      g_assert_cmpint (f->severity, ==, FZ_SEVERITY_WARNING);
    }
  g_assert_cmpuint (findings->len, ==, 4);

  metadata_release (empty);
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
  g_autoptr(GPtrArray) findings = check_doc (doc, empty);
  const FzParagraph *third = fz_document_get_paragraph (doc, 2);

  /* The title belongs after the 发文机关标志 and the 文号. */
  g_assert_cmpint (third->kind, ==, FZ_PARAGRAPH_BODY);
  g_assert_cmpuint (find (findings, "missing_title", "")->start, ==, third->start);

  metadata_release (empty);
}

static void
test_missing_parts_clean (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *meta = metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = check_doc (doc, meta);

  g_assert_nonnull (meta->title.value);
  g_assert_nonnull (meta->addressee.value);
  g_assert_nonnull (meta->issuer.value);
  g_assert_nonnull (meta->date.value);
  assert_none (findings, "missing_title");
  assert_none (findings, "missing_addressee");
  assert_none (findings, "missing_signature");
  assert_none (findings, "missing_date");

  metadata_release (meta);
}

/* Whole reports */

static void
test_clean_report (void)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-clean.txt");
  FzMetadata *meta = metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = check_doc (doc, meta);

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("unexpected %s over “%s”: %s", f->id, f->text, f->message);
    }
  g_assert_cmpuint (findings->len, ==, 0);

  metadata_release (meta);
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
    { "traditional_char", "這個" },
    { "repeated_word", "进一步进一步" },
  };
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checks-defects.txt");
  FzMetadata *meta = metadata_from_paragraphs (doc, TRUE);
  g_autoptr(GPtrArray) findings = check_doc (doc, meta);

  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpstr (f->id, ==, expected[i].id);
      g_assert_cmpstr (f->text, ==, expected[i].text);
    }

  metadata_release (meta);
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

  metadata_release (meta);
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
  data.meta = metadata_from_paragraphs (doc, TRUE);
  data.expected = 14;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("checks", run_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));

  metadata_release (data.meta);
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
  const char *dir = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *tsv = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("FAZHI_CORPUS_DIR does not name the reference corpus");
      return;
    }

  tsv = g_build_filename (dir, "expected.tsv", NULL);
  if (!g_file_get_contents (tsv, &contents, NULL, NULL))
    {
      g_test_skip ("the corpus has no expected.tsv");
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) error = NULL;
      FzMetadata *meta;
      guint n;

      if (lines[i][0] == '#' || g_strv_length (cols) < 4 || strcmp (cols[1], "finding") != 0)
        continue;

      path = g_build_filename (dir, "seeds", cols[0], NULL);
      file = g_file_new_for_path (path);
      doc = fz_import_file (file, NULL, &error);
      g_assert_no_error (error);

      /* Only the title and the addressee, as the brief for these tests
       * says: the rest is the metadata pass's business. */
      meta = metadata_from_paragraphs (doc, FALSE);
      findings = check_doc (doc, meta);
      metadata_release (meta);

      n = count_id (findings, cols[2]);
      if (strcmp (cols[3], "yes") == 0 && n == 0)
        g_error ("%s: %s should be reported", cols[0], cols[2]);
      else if (strcmp (cols[3], "no") == 0 && n > 0)
        g_error ("%s: %s is reported %u times but should not be", cols[0], cols[2], n);
      else if (strcmp (cols[3], "yes") != 0 && strcmp (cols[3], "no") != 0)
        g_error ("expected.tsv line %u: “%s” is neither yes nor no", i + 1, cols[3]);

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
}

static void
remove_user_lists (void)
{
  static const char * const names[] = {
    "repeated-words.txt", "latin-words.txt", "traditional-chars.txt",
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
