/* test-import-docx.c: Word files as Office 365, WPS and Word write them
 *
 * Each .docx is built here from XML written for these tests: the main
 * part found through the package's relationships, footnotes and endnotes,
 * cells inside content controls, and a title kept apart from the smaller
 * lines under it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-import.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static char *
package_rels (const char *main_part)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"%s\"/>"
                          "</Relationships>", main_part);
}

static char *
document (const char *body)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<w:document " W "><w:body>%s</w:body></w:document>", body);
}

static char *
paragraph (const char *text)
{
  return g_strdup_printf ("<w:p><w:r><w:t>%s</w:t></w:r></w:p>", text);
}

/* Imports @name: a package whose main part, word/document.xml, holds
 * @body, with the parts @extra (name, contents, …, NULL; nullable)
 * besides. */
static FzDocument *
import_docx (const char         *name,
             const char         *body,
             const char * const *extra,
             GError            **error)
{
  g_autofree char *rels = package_rels ("word/document.xml");
  const char *entries[16] = {
    "[Content_Types].xml", content_types,
    "_rels/.rels", rels,
    "word/document.xml", body,
  };
  guint n = 6;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (entries) - 1);
      entries[n++] = extra[i];
    }
  entries[n] = NULL;

  return fz_test_import_zip (name, entries, error);
}

/* Office 365 names its main part word/document2.xml; only _rels/.rels
 * says so. */
static void
test_main_part_from_rels (void)
{
  g_autofree char *rels = package_rels ("/word/document2.xml");
  g_autofree char *p = paragraph ("某某县司法局2024年法治政府建设情况报告");
  g_autofree char *body = document (p);
  const char *entries[] = {
    "[Content_Types].xml", content_types,
    "_rels/.rels", rels,
    "word/document2.xml", body,
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_zip ("office365.docx", entries, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_format (doc), ==, "docx");
  g_assert_cmpint (fz_test_find_paragraph (doc, "法治政府建设情况报告"), ==, 0);
}

/* The text of footnotes and endnotes follows the paragraph that refers to
 * them, labelled as Word numbers them; Word's separators are not text. */
static void
test_notes (void)
{
  g_autofree char *doc_rels =
    g_strdup ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"" REL "footnotes\" Target=\"notes/foot.xml\"/>"
              "<Relationship Id=\"rId2\" Type=\"" REL "endnotes\" Target=\"endnotes.xml\"/>"
              "</Relationships>");
  g_autofree char *body =
    document ("<w:p><w:r><w:t>全年办理行政复议案件30件。</w:t></w:r>"
              "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"
              "<w:r><w:t>纠错率下降。</w:t></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>"
              "<w:p><w:r><w:t>行政诉讼应诉案件15件。</w:t></w:r></w:p>");
  const char *footnotes =
    "<w:footnotes " W ">"
    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>续</w:t></w:r></w:p></w:footnote>"
    "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>含撤回申请的案件。</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>数据截至12月31日。</w:t></w:r></w:p></w:footnote>"
    "</w:footnotes>";
  const char *endnotes =
    "<w:endnotes " W ">"
    "<w:endnote w:id=\"1\"><w:p><w:r><w:t>纠错率为被纠错案件数占结案数的比例。</w:t></w:r></w:p></w:endnote>"
    "</w:endnotes>";
  const char *parts[] = {
    "word/_rels/document.xml.rels", doc_rels,
    "word/notes/foot.xml", footnotes,
    "word/endnotes.xml", endnotes,
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = import_docx ("notes.docx", body, parts, &error);
  int body_at, foot_at, end_at, next_at;
  g_autofree char *foot = NULL;
  g_autofree char *end = NULL;

  g_assert_no_error (error);
  body_at = fz_test_find_paragraph (doc, "全年办理行政复议案件30件。纠错率下降。");
  foot_at = fz_test_find_paragraph (doc, "含撤回申请的案件");
  end_at = fz_test_find_paragraph (doc, "纠错率为被纠错案件数");
  next_at = fz_test_find_paragraph (doc, "行政诉讼应诉案件15件");
  g_assert_cmpint (body_at, >=, 0);
  g_assert_cmpint (foot_at, ==, body_at + 1);
  g_assert_cmpint (end_at, >, foot_at);
  g_assert_cmpint (next_at, >, end_at);
  g_assert_cmpint (fz_test_find_paragraph (doc, "数据截至12月31日"), >, 0);
  foot = fz_test_paragraph (doc, foot_at);
  end = fz_test_paragraph (doc, end_at);
  g_assert_true (g_str_has_prefix (foot, "[1] 含撤回申请的案件。"));
  g_assert_true (g_str_has_prefix (end, "[i] 纠错率为被纠错案件数"));
  g_assert_cmpint (fz_test_find_paragraph (doc, "续"), ==, -1);
}

/* A content control may wrap a cell or a whole row; the cell is still in
 * its row. */
static void
test_content_control_cells (void)
{
  g_autofree char *a = paragraph ("复议案件");
  g_autofree char *b = paragraph ("30件");
  g_autofree char *c = paragraph ("诉讼案件");
  g_autofree char *d = paragraph ("15件");
  g_autofree char *table =
    g_strdup_printf ("<w:tbl>"
                     "<w:tr><w:tc>%s</w:tc><w:sdt><w:sdtPr><w:alias w:val=\"数量\"/></w:sdtPr>"
                     "<w:sdtContent><w:tc>%s</w:tc></w:sdtContent></w:sdt></w:tr>"
                     "<w:sdt><w:sdtContent><w:tr><w:customXml><w:tc>%s</w:tc></w:customXml>"
                     "<w:tc>%s</w:tc></w:tr></w:sdtContent></w:sdt>"
                     "</w:tbl>", a, b, c, d);
  g_autofree char *body = document (table);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = import_docx ("cells.docx", body, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (fz_test_find_paragraph (doc, "复议案件 | 30件"), >=, 0);
  g_assert_cmpint (fz_test_find_paragraph (doc, "诉讼案件 | 15件"), >=, 0);
}

/* The title in large centred print, and the 来源 and speaker lines in
 * body print under it: the title is the title alone. */
static void
test_title_apart (void)
{
  g_autofree char *body =
    document ("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"44\"/></w:rPr>"
              "<w:t>2025年某某县政府工作报告</w:t></w:r></w:p>"
              "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr>"
              "<w:t>来源：县政府研究室</w:t></w:r></w:p>"
              "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr>"
              "<w:t>2025年1月10日在某某县第十八届人民代表大会第五次会议上县长某某某作政府工作报告</w:t></w:r></w:p>"
              "<w:p><w:r><w:t>各位代表：</w:t></w:r></w:p>"
              "<w:p><w:r><w:t>现在，我代表县人民政府，向大会报告工作，请予审议。</w:t></w:r></w:p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = import_docx ("title.docx", body, NULL, &error);
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", NULL);
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  first = fz_test_paragraph (doc, 0);
  g_assert_cmpstr (first, ==, "2025年某某县政府工作报告");
  analysis = fz_analysis_new (doc, rules);
  g_assert_cmpstr (fz_analysis_get_metadata (analysis)->title.value, ==, "2025年某某县政府工作报告");
}

/* A table of contents' entries ("toc 1"…) are left out, as they repeat
 * the headings; a paragraph in the contents' title style ("TOC Heading")
 * is kept: authors give it to the document's own title. */
static void
test_toc_styles (void)
{
  const char *styles =
    "<w:styles " W ">"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"10\"><w:name w:val=\"toc 1\"/></w:style>"
    "</w:styles>";
  g_autofree char *body =
    document ("<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>某某县2024年法治政府建设情况报告</w:t></w:r></w:p>"
              "<w:p><w:pPr><w:pStyle w:val=\"10\"/></w:pPr><w:r><w:t>一、主要措施和成效</w:t><w:tab/><w:t>1</w:t></w:r></w:p>"
              "<w:p><w:r><w:t>一、主要措施和成效</w:t></w:r></w:p>"
              "<w:p><w:r><w:t>全年审查规范性文件9件。</w:t></w:r></w:p>");
  const char *parts[] = { "word/styles.xml", styles, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = import_docx ("toc.docx", body, parts, &error);
  int first;

  g_assert_no_error (error);
  g_assert_cmpint (fz_test_find_paragraph (doc, "某某县2024年法治政府建设情况报告"), ==, 0);
  first = fz_test_find_paragraph (doc, "主要措施和成效");
  g_assert_cmpint (first, >, 0);
  /* Once: the contents line is gone. */
  for (guint i = first + 1; i < fz_document_get_n_paragraphs (doc); i++)
    {
      g_autofree char *text = fz_test_paragraph (doc, i);

      g_assert_null (strstr (text, "主要措施和成效"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/docx/main-part-from-rels", test_main_part_from_rels);
  g_test_add_func ("/docx/notes", test_notes);
  g_test_add_func ("/docx/content-control-cells", test_content_control_cells);
  g_test_add_func ("/docx/title-apart", test_title_apart);
  g_test_add_func ("/docx/toc-styles", test_toc_styles);

  return fz_test_import_run ();
}
