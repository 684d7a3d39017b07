/* test-import-web.c: saved web pages, and which part of them is the report
 *
 * Pages written here as government sites lay them out: a menu of links,
 * the site's header, an article whose title (h1) and table of figures
 * stand beside its text, a list that is the whole content, a header line
 * holding the site's name, the date and the source, and a .mhtml archive.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-import.h"

static const char menu[] =
  "<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk\">政务公开</a></li>"
  "<li><a href=\"/fzzf\">法治政府建设专栏</a></li><li><a href=\"/hdjl\">互动交流</a></li>"
  "<li><a href=\"/bszn\">办事指南</a></li><li><a href=\"/zcjd\">政策解读</a></li></ul></div>";

static const char footer[] =
  "<div class=\"footer\"><p>主办：某某县人民政府办公室 承办：某某县大数据中心</p>"
  "<p><a href=\"/sitemap\">网站地图</a> <a href=\"/contact\">联系我们</a></p></div>";

static FzDocument *
import_page (const char *name,
             const char *page)
{
  g_autoptr(GError) error = NULL;
  FzDocument *doc = fz_test_import_data (name, page, strlen (page), &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_has (FzDocument *doc,
            const char *needle)
{
  g_autofree char *text = fz_test_without_spaces (fz_document_get_text (doc));
  g_autofree char *want = fz_test_without_spaces (needle);

  if (strstr (text, want) == NULL)
    g_error ("“%s” is not in the text read:\n%s", needle, fz_document_get_text (doc));
}

static void
assert_lacks (FzDocument *doc,
              const char *needle)
{
  g_assert_null (strstr (fz_document_get_text (doc), needle));
}

static void
assert_valid (FzDocument *doc)
{
  GPtrArray *warnings = fz_document_get_warnings (doc);

  g_assert_true (g_utf8_validate (fz_document_get_text (doc), -1, NULL));
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
}

/* A title without separators, whose characters hold the bytes 0x80 and
 * 0x94 that an em dash (E2 80 94) is made of: it is not cut inside a
 * character, and what is read is valid UTF-8. */
static void
test_title_whole (void)
{
  static const char page[] =
    "<html><head><meta charset=\"utf-8\">"
    "<title>某某市人民政府关于2024年法治政府建设情况的报告—某某市人民政府网</title></head>"
    "<body><div class=\"content\"><p>2024年，我市深入推进依法行政，全年审查规范性文件十二件。</p>"
    "<p>全市办理行政复议案件三十件，纠错率百分之十。</p></div></body></html>";
  static const char bare[] =
    "<html><head><title>某某市人民政府关于2024年法治政府建设情况的报告</title></head>"
    "<body><p>2024年，我市深入推进依法行政。</p></body></html>";
  g_autoptr(FzDocument) doc = import_page ("title.html", page);
  g_autoptr(FzDocument) doc2 = import_page ("bare.html", bare);
  g_autofree char *first = fz_test_paragraph (doc, 0);
  g_autofree char *first2 = fz_test_paragraph (doc2, 0);

  assert_valid (doc);
  assert_valid (doc2);
  g_assert_cmpstr (first, ==, "某某市人民政府关于2024年法治政府建设情况的报告");
  g_assert_cmpstr (first2, ==, "某某市人民政府关于2024年法治政府建设情况的报告");
  g_assert_true (fz_test_has_warning (doc2, "某某市人民政府关于2024年法治政府建设情况的报告"));
}

/* The article's h1 and its table of figures stand beside its text, not
 * inside it; they are read with it, and the menu is not. */
static void
test_title_and_table (void)
{
  g_autofree char *page =
    g_strdup_printf ("<html><head><meta charset=\"utf-8\"><title>法治政府建设</title></head><body>"
                     "<div class=\"top\"><img alt=\"某某县人民政府\" src=\"logo.png\">%s</div>"
                     "<div class=\"main\"><div class=\"crumb\"><a href=\"/\">首页</a> &gt; <a href=\"/fzzf\">法治政府</a></div>"
                     "<div class=\"head\"><h1>某某县2024年法治政府建设年度报告</h1></div>"
                     "<div class=\"text\"><p>2024年，我县坚持以习近平法治思想为指导，深入推进法治政府建设，"
                     "各项工作取得明显成效。现将有关情况报告如下。</p>"
                     "<p>一、主要措施和成效。健全依法决策机制，全年作出重大行政决策六项，均经合法性审查。"
                     "规范行政执法行为，开展执法案卷评查，评查案卷一百二十卷，整改问题十五个。</p>"
                     "<p>二、存在的不足和原因。基层执法力量仍然不足，部分干部法治思维有待提高。</p>"
                     "<p>三、下一年度工作安排。继续完善依法行政制度体系，加强行政执法监督。</p></div>"
                     "<table class=\"data\"><tr><th>指标</th><th>数量</th></tr>"
                     "<tr><td>行政复议案件</td><td>30件</td></tr><tr><td>行政诉讼案件</td><td>15件</td></tr></table>"
                     "<div class=\"related\"><h3>相关文章</h3><ul><li><a href=\"/a1\">某某县2023年法治政府建设年度报告</a></li>"
                     "<li><a href=\"/a2\">某某县2022年法治政府建设年度报告</a></li></ul></div>"
                     "</div>%s</body></html>", menu, footer);
  g_autoptr(FzDocument) doc = import_page ("article.html", page);

  assert_valid (doc);
  assert_has (doc, "某某县2024年法治政府建设年度报告");
  assert_has (doc, "全年作出重大行政决策六项");
  assert_has (doc, "三、下一年度工作安排");
  assert_has (doc, "行政复议案件 | 30件");
  assert_has (doc, "行政诉讼案件 | 15件");
  assert_lacks (doc, "互动交流");
  assert_lacks (doc, "2023年法治政府建设年度报告");
  assert_lacks (doc, "网站地图");
  g_assert_cmpint (fz_test_find_paragraph (doc, "某某县2024年法治政府建设年度报告"), <,
                   fz_test_find_paragraph (doc, "全年作出重大行政决策六项"));
}

/* A page whose content is one list is read whole, not as its longest
 * item. */
static void
test_whole_list (void)
{
  g_autofree char *page =
    g_strdup_printf ("<html><body>%s<div class=\"list\"><h2>2024年度法治政府建设重点任务</h2><ol>"
                     "<li>健全依法决策机制，严格落实重大行政决策程序规定，全年决策事项全部经过合法性审查并集体讨论决定。</li>"
                     "<li>深化行政执法体制改革。</li>"
                     "<li>加强行政复议工作。</li>"
                     "<li>推进政务公开。</li></ol></div>%s</body></html>", menu, footer);
  g_autoptr(FzDocument) doc = import_page ("list.html", page);

  assert_has (doc, "2024年度法治政府建设重点任务");
  assert_has (doc, "全年决策事项全部经过合法性审查");
  assert_has (doc, "深化行政执法体制改革");
  assert_has (doc, "加强行政复议工作");
  assert_has (doc, "推进政务公开");
  assert_lacks (doc, "互动交流");
}

/* The site's name, then the date and the source, on one header line, and
 * the title: the name, the fields and the title each a paragraph of their
 * own, so the title stays the title. */
static void
test_header_fields_apart (void)
{
  static const char page[] =
    "<html><head><meta charset=\"utf-8\"></head><body><div class=\"article\">"
    "<div class=\"info\">某某县人民政府 发布日期：2025-01-10 来源：县司法局</div>"
    "<span class=\"title\">某某县人民政府关于2024年法治政府建设情况的报告</span>"
    "<div class=\"content\"><p>县人大常委会：</p><p>2024年，我县深入推进法治政府建设，全年审查规范性文件九件，"
    "办理行政复议案件三十件。现将有关情况报告如下。</p><p>特此报告。</p></div></div></body></html>";
  g_autoptr(FzDocument) doc = import_page ("header.html", page);
  int date = fz_test_find_paragraph (doc, "发布日期：2025-01-10");
  int source = fz_test_find_paragraph (doc, "来源：县司法局");
  int title = fz_test_find_paragraph (doc, "某某县人民政府关于2024年法治政府建设情况的报告");
  g_autofree char *title_text = NULL;

  /* The fields stay together: one line of the page. */
  g_assert_cmpint (date, >, 0);
  g_assert_cmpint (source, ==, date);
  g_assert_cmpint (fz_test_find_paragraph (doc, "某某县人民政府"), <, date);
  g_assert_cmpint (title, >, source);
  title_text = fz_test_paragraph (doc, title);
  g_assert_cmpstr (title_text, ==, "某某县人民政府关于2024年法治政府建设情况的报告");
}

/* A page without <html> or <body>: its sections are its text. */
static void
test_no_body (void)
{
  static const char page[] =
    "<!DOCTYPE html><meta charset=\"utf-8\"><title>汇报</title>"
    "<section><h1>法治政府建设汇报</h1></section>"
    "<section><p>第一部分：全年审查规范性文件九件。</p></section>"
    "<section><ul><li>复议案件三十件</li><li>诉讼案件十五件</li></ul></section>"
    "<section><p>第二部分：基层执法力量不足，部分干部法治思维有待提高，"
    "培训覆盖面不够，考核机制不够完善，执法人员流动较大，执法装备保障不足，"
    "案件办理质量参差不齐，群众满意度仍有提升空间，需要在下一年度重点加以解决。</p></section>";
  g_autoptr(FzDocument) doc = import_page ("sections.html", page);

  assert_has (doc, "法治政府建设汇报");
  assert_has (doc, "全年审查规范性文件九件");
  assert_has (doc, "复议案件三十件");
  assert_has (doc, "需要在下一年度重点加以解决");
}

/* A web archive's page, quoted-printable, with its text in many blocks:
 * all of it is read. */
static void
test_mhtml_whole (void)
{
  GString *page = g_string_new (NULL);
  g_autoptr(GString) mime = g_string_new (NULL);
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *qp = NULL;

  g_string_append (page, "<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>");
  for (int i = 1; i <= 6; i++)
    g_string_append_printf (page, "<div class=\"block\"><p>第%d部分：全年办理行政复议案件%d件，行政诉讼应诉案件%d件。</p></div>",
                            i, 10 * i, 5 * i);
  g_string_append (page, "</body></html>");
  /* Quoted-printable, as browsers write it: every byte above 0x7F and
   * "=" escaped, soft line breaks every 76 characters. */
  {
    GString *out = g_string_new (NULL);
    guint col = 0;

    for (const guchar *p = (const guchar *) page->str; *p; p++)
      {
        if (col >= 72)
          {
            g_string_append (out, "=\r\n");
            col = 0;
          }
        if (*p >= 0x80 || *p == '=')
          {
            g_string_append_printf (out, "=%02X", *p);
            col += 3;
          }
        else
          {
            g_string_append_c (out, *p);
            col++;
          }
      }
    qp = g_string_free (out, FALSE);
  }
  g_string_append (mime,
                   "From: <Saved by Mozilla>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
                   "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_Part_1\"\r\n\r\n"
                   "------=_Part_1\r\nContent-Type: text/html; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.gov.cn/report.html\r\n\r\n");
  g_string_append (mime, qp);
  g_string_append (mime, "\r\n------=_Part_1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                         "iVBORw0KGgo=\r\n------=_Part_1--\r\n");
  g_string_free (page, TRUE);

  doc = import_page ("page.mhtml", mime->str);
  g_assert_cmpstr (fz_document_get_format (doc), ==, "mhtml");
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *part = g_strdup_printf ("第%d部分：全年办理行政复议案件%d件", i, 10 * i);
      assert_has (doc, part);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/web/title-whole", test_title_whole);
  g_test_add_func ("/web/title-and-table", test_title_and_table);
  g_test_add_func ("/web/whole-list", test_whole_list);
  g_test_add_func ("/web/header-fields-apart", test_header_fields_apart);
  g_test_add_func ("/web/no-body", test_no_body);
  g_test_add_func ("/web/mhtml-whole", test_mhtml_whole);

  return fz_test_import_run ();
}
