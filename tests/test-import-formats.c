/* test-import-formats.c: every format a report arrives in, and hostile ones
 *
 * Fixtures are built here from text written for these tests: .docx with
 * pandoc, PDFs with cairo, zips with libarchive, and .odt/.pdf/.doc with
 * LibreOffice when it is installed (tests/data/formats holds small copies
 * made the same way, so the routes are tested without it too).  The five
 * reference reports, when ../shared/corpus is here, must give the same
 * result through every route as from their text.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <zlib.h>

#include "fz-test-import.h"
#include "fz-test-utils.h"
#include "libfazhi.h"
#include "fz-file-util.h"

#define FORMATS TESTDATADIR "/formats"

static char *tmp_dir;
static char *private_tmp;
static char *corpus_dir;
static GPtrArray *expectations;
static FzRuleSet *national;
static FzRuleSet *guangdong;
static gboolean have_pandoc;
static gboolean have_soffice;
/* Seeds converted by LibreOffice once per run: "odt" and "pdf". */
static gboolean soffice_done;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (FORMATS, name, NULL);
}

static FzDocument *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fz_import_file (file, NULL, error);
}

static FzDocument *
import_ok (const char *path)
{
  return fz_test_import_path (path);
}

static void
assert_fails (const char *path,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = import_path (path, &error);
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, basename));
}

/* Paragraph texts joined by newlines, for comparing two routes. */
static char *
paragraphs_of (FzDocument *doc,
               gboolean    with_kinds)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);

      if (with_kinds)
        g_string_append_printf (out, "%d ", fz_document_get_paragraph (doc, i)->kind);
      g_string_append_len (out, text, len);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static int
find_paragraph (FzDocument *doc,
                const char *needle)
{
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);
      g_autofree char *copy = g_strndup (text, len);

      if (strstr (copy, needle) != NULL)
        return (int) i;
    }
  return -1;
}

static gboolean
has_paragraph (FzDocument *doc,
               const char *exact)
{
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);

      if (len == strlen (exact) && memcmp (text, exact, len) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (tmp_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

/* Each line of a text file becomes one Word paragraph, spaces kept: the
 * pandoc AST in JSON says exactly that, where Markdown would not. */
static gboolean
text_to_docx (const char *txt,
              const char *docx)
{
  g_autofree char *contents = NULL;
  g_autofree char *json_path = g_strconcat (docx, ".json", NULL);
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *version_out = NULL;
  g_auto(GStrv) version = NULL;
  const char *argv[] = { "pandoc", "-f", "json", "-t", "docx", "-o", docx, json_path, NULL };
  const char *version_argv[] = { "pandoc", "--version", NULL };

  g_assert_true (g_file_get_contents (txt, &contents, NULL, NULL));

  /* The AST's version must be pandoc's own. */
  g_assert_true (g_spawn_sync (NULL, (char **) version_argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &version_out,
                               NULL, NULL, NULL));
  {
    const char *api = strstr (version_out, "pandoc-types ");

    g_assert_nonnull (api);
    api += strlen ("pandoc-types ");
    version = g_strsplit_set (api, ".,\n ", 6);
  }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pandoc-api-version");
  json_builder_begin_array (b);
  for (guint i = 0; version[i] != NULL && i < 4 && g_ascii_isdigit (version[i][0]); i++)
    json_builder_add_int_value (b, g_ascii_strtoll (version[i], NULL, 10));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "blocks");
  json_builder_begin_array (b);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\r", ' ');
      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "t");
      json_builder_add_string_value (b, "Para");
      json_builder_set_member_name (b, "c");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "t");
      json_builder_add_string_value (b, "Str");
      json_builder_set_member_name (b, "c");
      json_builder_add_string_value (b, lines[i]);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));

  return run_tool (argv);
}

/* LibreOffice converts every file in @inputs to @format in @outdir, in one
 * start, with a profile of its own. */
static gboolean
soffice_convert (const char * const *inputs,
                 const char         *format,
                 const char         *outdir)
{
  g_autofree char *profile_dir = tmp_path ("lo-profile");
  g_autofree char *profile = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "soffice");
  g_ptr_array_add (argv, env);
  g_ptr_array_add (argv, (char *) "--headless");
  g_ptr_array_add (argv, (char *) "--infilter=Text (encoded):UTF8,LF,,,");
  g_ptr_array_add (argv, (char *) "--convert-to");
  g_ptr_array_add (argv, (char *) format);
  g_ptr_array_add (argv, (char *) "--outdir");
  g_ptr_array_add (argv, (char *) outdir);
  for (guint i = 0; inputs[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) inputs[i]);
  g_ptr_array_add (argv, NULL);

  return run_tool ((const char * const *) argv->pdata);
}

static char *
docx_with_body (const char *name,
                const char *document_xml)
{
  char *path = tmp_path (name);
  const char *entries[] = {
    "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "word/document.xml", document_xml,
    NULL,
  };

  fz_test_write_zip_at (path, entries);
  return path;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void on_cancelled_import (GObject *source, GAsyncResult *result, gpointer user_data);

/* ---- the routes ------------------------------------------------------ */

static void
test_docx_numbering (void)
{
  g_autofree char *path = fixture_path ("numbered.docx");
  g_autoptr(FzDocument) doc = import_ok (path);
  g_autofree char *all = paragraphs_of (doc, FALSE);
  const char *text = fz_document_get_text (doc);

  g_assert_cmpstr (fz_document_get_format (doc), ==, "docx");
  /* Word's own list numbers, written out as a reviewer sees them. */
  g_assert_true (has_paragraph (doc, "一、主要措施和成效"));
  g_assert_true (has_paragraph (doc, "（一）健全制度体系。全年审查规范性文件9件。"));
  g_assert_true (has_paragraph (doc, "（二）规范执法行为。评查案卷60卷。"));
  g_assert_true (has_paragraph (doc, "二、第一责任人职责情况"));
  /* A new first level restarts the second. */
  g_assert_true (has_paragraph (doc, "（一）区政府常务会议专题研究法治政府建设3次。"));
  /* Tracked changes read as accepted. */
  g_assert_nonnull (strstr (text, "行政复议案件三十件"));
  g_assert_null (strstr (text, "二十"));
  /* Table rows stand alone, cells side by side. */
  g_assert_true (has_paragraph (doc, "指标 | 数量"));
  g_assert_true (has_paragraph (doc, "复议案件 | 30"));
  /* Headers, comments and hidden text are not the report. */
  g_assert_null (strstr (text, "页眉"));
  g_assert_null (strstr (text, "批注"));
  g_assert_null (strstr (text, "隐藏"));
  g_assert_nonnull (strstr (text, "可见文字。"));
  /* The table of contents is not read: each heading once. */
  g_assert_null (strstr (text, "目录"));
  g_assert_true (strstr (text, "主要措施和成效") == g_strrstr (text, "主要措施和成效"));
  g_assert_true (strstr (text, "第一责任人职责情况") == g_strrstr (text, "第一责任人职责情况"));
  g_test_message ("%s", all);
}

/* @path reads as @format into the same paragraphs as @reference (usually
 * the text it was made from). */
static void
compare_with_text (const char *path,
                   const char *reference,
                   const char *format)
{
  g_autoptr(FzDocument) doc = import_ok (path);
  g_autoptr(FzDocument) ref = import_ok (reference);
  g_autofree char *a = paragraphs_of (doc, TRUE);
  g_autofree char *b = paragraphs_of (ref, TRUE);

  g_assert_cmpstr (fz_document_get_format (doc), ==, format);
  g_assert_cmpstr (a, ==, b);
}

static void
test_docx_pandoc (void)
{
  g_autofree char *txt = fixture_path ("report.txt");
  g_autofree char *docx = tmp_path ("report-pandoc.docx");

  if (!have_pandoc)
    {
      g_test_skip ("pandoc is not installed");
      return;
    }
  g_assert_true (text_to_docx (txt, docx));
  compare_with_text (docx, txt, "docx");
}

/* LibreOffice's .odt of numbered.docx (committed, made with
 * `soffice --convert-to odt`): its list styles give the same numbers, its
 * hidden-text style hides the same text. */
static void
test_odt_numbering (void)
{
  g_autofree char *odt = fixture_path ("numbered.odt");
  g_autofree char *docx = fixture_path ("numbered.docx");

  compare_with_text (odt, docx, "odt");
}

static void
test_odt (void)
{
  g_autofree char *txt = fixture_path ("report.txt");
  g_autofree char *odt = fixture_path ("report.odt");

  compare_with_text (odt, txt, "odt");
}

static void
test_pdf_simple (void)
{
  g_autofree char *txt = fixture_path ("report.txt");
  g_autofree char *pdf = fixture_path ("report.pdf");
  g_autoptr(FzDocument) doc = import_ok (pdf);

  compare_with_text (pdf, txt, "pdf");
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    g_assert_cmpuint (fz_document_get_paragraph (doc, i)->page, ==, 1);
}

/* A three-page report drawn with cairo as an office suite prints it: a
 * running header, "— n —" footers, indented first lines, a paragraph that
 * runs over a page break and a heading that fills its line. */
static const char * const pdf_paragraphs[] = {
  "测试县2025年法治政府建设情况的报告",
  "2025年，测试县在市委、市政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进依法行政，各项工作取得新的进展。现将有关情况报告如下。",
  "一、主要措施和成效",
  "（一）健全依法决策机制。县政府严格执行重大行政决策程序规定，全年作出重大行政决策6项，均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序，决策质量明显提高，群众满意度持续上升。",
  "指标\t数量",
  "行政复议案件\t30件",
  "（二）规范行政执法行为。全面推行行政执法公示、执法全过程记录和重大执法决定法制审核制度，组织开展行政执法案卷评查，共评查案卷120卷，发现问题15个，已全部整改到位，执法规范化水平进一步提升，为优化营商环境提供了有力保障。",
  "二、党政主要负责人履行推进法治建设第一责任人职责情况及其他有关工作安排",
  "县政府主要负责人带头学法用法，主持召开县政府常务会议专题研究法治政府建设工作4次，及时研究解决重大问题。",
  "三、存在的不足和原因",
  "一是基层执法力量仍然不足；二是部分干部运用法治思维的能力有待提高。原因主要是培训覆盖面不够，考核机制不够完善。",
  "四、下一年度工作计划",
  "2026年，我县将继续完善依法行政制度体系，加强行政执法监督，不断提升法治政府建设水平。",
  "特此报告。",
  NULL,
};

static void
draw_page_furniture (cairo_t *cr,
                     int      page)
{
  g_autofree char *footer = g_strdup_printf ("— %d —", page);

  cairo_move_to (cr, 200, 40);
  cairo_show_text (cr, "测试县人民政府办公室内部资料");
  cairo_move_to (cr, 280, 270);
  cairo_show_text (cr, footer);
}

static void
write_layout_pdf (const char *path)
{
  /* Short pages, so that page breaks fall inside paragraphs and
   * headings over four pages. */
  const double em = 12, left = 72, top = 100, bottom = 220, pitch = 20;
  const int per_line = 36;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  double y = top;
  int page = 1;

  cairo_select_font_face (cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, em);
  draw_page_furniture (cr, page);

  for (guint p = 0; pdf_paragraphs[p] != NULL; p++)
    {
      const char *text = pdf_paragraphs[p];
      const char *tab = strchr (text, '\t');
      glong n = g_utf8_strlen (text, -1);
      gboolean title = p == 0;
      glong done = 0;
      int line = 0;

      /* A table row: two cells far apart on one line. */
      if (tab != NULL)
        {
          g_autofree char *first = g_strndup (text, tab - text);

          if (y > bottom)
            {
              cairo_show_page (cr);
              page++;
              y = top;
              draw_page_furniture (cr, page);
            }
          cairo_move_to (cr, left, y);
          cairo_show_text (cr, first);
          cairo_move_to (cr, left + 220, y);
          cairo_show_text (cr, tab + 1);
          y += pitch;
          continue;
        }

      while (done < n)
        {
          /* The first line of a paragraph is indented two characters. */
          int room = line == 0 && !title ? per_line - 2 : per_line;
          glong take = MIN (room, n - done);
          const char *start = g_utf8_offset_to_pointer (text, done);
          const char *end = g_utf8_offset_to_pointer (text, done + take);
          g_autofree char *chunk = g_strndup (start, end - start);
          double x = title ? 150 : (line == 0 ? left + 2 * em : left);

          if (y > bottom)
            {
              cairo_show_page (cr);
              page++;
              y = top;
              draw_page_furniture (cr, page);
            }
          cairo_move_to (cr, x, y);
          cairo_show_text (cr, chunk);
          y += pitch;
          done += take;
          line++;
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_pdf_layout (void)
{
  g_autofree char *path = tmp_path ("layout.pdf");
  g_autoptr(FzDocument) doc = NULL;
  g_autofree char *all = NULL;
  int split;

  write_layout_pdf (path);
  doc = import_ok (path);
  all = paragraphs_of (doc, FALSE);
  g_test_message ("%s", all);

  g_assert_cmpstr (fz_document_get_format (doc), ==, "pdf");
  for (guint p = 0; pdf_paragraphs[p] != NULL; p++)
    {
      /* Table rows stand alone; the normalizer decides the spaces
       * between their cells. */
      g_auto(GStrv) cells = g_strsplit (pdf_paragraphs[p], "\t", -1);
      g_autofree char *cells_joined = g_strjoinv ("", cells);
      gboolean found = FALSE;

      for (guint i = 0; i < fz_document_get_n_paragraphs (doc) && !found; i++)
        {
          gsize len;
          const char *text = fz_document_get_paragraph_text (doc, i, &len);
          g_autofree char *squeezed = fz_strip_spaces (text, len);

          found = g_str_equal (squeezed, cells_joined);
        }
      if (!found)
        g_error ("paragraph %u not rebuilt: %s", p, pdf_paragraphs[p]);
    }
  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, g_strv_length ((char **) pdf_paragraphs));

  /* Running header and page numbers gone. */
  g_assert_null (strstr (fz_document_get_text (doc), "内部资料"));
  g_assert_null (strstr (fz_document_get_text (doc), "—"));

  /* The paragraph over the page break knows the page it starts on. */
  split = find_paragraph (doc, "（一）健全依法决策机制");
  g_assert_cmpint (split, >=, 0);
  g_assert_cmpuint (fz_document_get_paragraph (doc, split)->page, ==, 1);
  g_assert_cmpuint (fz_document_get_paragraph (doc, find_paragraph (doc, "特此报告"))->page, >=, 2);
}

static void
test_ofd (void)
{
  g_autofree char *path = fixture_path ("report.ofd");
  g_autoptr(FzDocument) doc = import_ok (path);
  int i;

  g_assert_cmpstr (fz_document_get_format (doc), ==, "ofd");
  g_assert_true (has_paragraph (doc, "测试镇人民政府2025年法治政府建设年度报告"));
  g_assert_true (has_paragraph (doc, "一、主要措施和成效"));
  g_assert_true (has_paragraph (doc, "四、下一年度工作计划"));
  /* Runs stored out of order read in place order, across the page. */
  i = find_paragraph (doc, "一是基层执法力量不足；原因主要是培训覆盖面不够。");
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpuint (fz_document_get_paragraph (doc, i)->page, ==, 1);
  i = find_paragraph (doc, "2026年");
  g_assert_cmpuint (fz_document_get_paragraph (doc, i)->page, ==, 2);
  g_assert_null (strstr (fz_document_get_text (doc), "—"));
  g_assert_cmpuint (fz_document_get_warnings (doc)->len, ==, 0);
}

static char *
ofd_with_page (const char *name,
               const char *page_xml)
{
  char *path = tmp_path (name);
  const char *entries[] = {
    "OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody>"
               "<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
    "Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages>"
                          "<ofd:Page ID=\"1\" BaseLoc=\"../Doc_0/./Pages/P0.xml\"/></ofd:Pages></ofd:Document>",
    "Doc_0/Pages/P0.xml", page_xml,
    NULL,
  };

  fz_test_write_zip_at (path, entries);
  return path;
}

static void
test_ofd_private_glyphs (void)
{
  g_autofree char *partly = ofd_with_page ("pua.ofd",
    "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer>"
    "<ofd:TextObject Boundary=\"20 20 150 6\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">测试镇人民政府法治政府建设年度报告</ofd:TextCode></ofd:TextObject>"
    "<ofd:TextObject Boundary=\"20 30 150 6\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">全年审查文件\xee\x80\x81\xee\x80\x82\xee\x80\x83件。</ofd:TextCode></ofd:TextObject>"
    "</ofd:Layer></ofd:Content></ofd:Page>");
  g_autofree char *all = ofd_with_page ("all-pua.ofd",
    "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer>"
    "<ofd:TextObject Boundary=\"20 20 150 6\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">\xee\x80\x81\xee\x80\x82\xee\x80\x83\xee\x80\x84</ofd:TextCode></ofd:TextObject>"
    "</ofd:Layer></ofd:Content></ofd:Page>");
  g_autoptr(FzDocument) doc = import_ok (partly);
  GPtrArray *warnings = fz_document_get_warnings (doc);

  /* Three characters in 26 are private glyphs: the reviewer is told. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "%"));
  assert_fails (all, FZ_IMPORT_ERROR_NO_TEXT);
}

static void
test_html (void)
{
  g_autofree char *path = fixture_path ("report.html");
  g_autofree char *gbk = fixture_path ("gbk.html");
  g_autoptr(FzDocument) doc = import_ok (path);
  g_autoptr(FzDocument) doc_gbk = import_ok (gbk);
  g_autofree char *a = paragraphs_of (doc, TRUE);
  g_autofree char *b = paragraphs_of (doc_gbk, TRUE);
  const char *text = fz_document_get_text (doc);
  GPtrArray *warnings = fz_document_get_warnings (doc);

  g_assert_cmpstr (fz_document_get_format (doc), ==, "html");
  /* The article, with its title first, and nothing of the site. */
  g_assert_true (has_paragraph (doc, "测试县2025年法治政府建设年度报告"));
  g_assert_cmpint (find_paragraph (doc, "测试县2025年法治政府建设年度报告"), ==, 0);
  g_assert_true (has_paragraph (doc, "一、主要措施和成效"));
  g_assert_true (has_paragraph (doc, "指标 | 数量"));
  g_assert_true (has_paragraph (doc, "一是基层执法力量不足。"));
  for (guint i = 0; i < 6; i++)
    {
      static const char * const site[] = { "首页", "相关链接", "备案号", "隐藏的统计代码", "var menu", "网站地图" };
      g_assert_null (strstr (text, site[i]));
    }
  /* Publication date kept. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "2026-01-15"));
  /* A GBK page declared by its meta tag reads the same. */
  g_assert_cmpstr (a, ==, b);
}

/* The same page saved by a browser as one file: MIME, quoted-printable,
 * its charset in the part's header only. */
static void
test_mhtml (void)
{
  g_autofree char *gbk = fixture_path ("gbk.html");
  g_autofree char *html = fixture_path ("report.html");
  g_autofree char *path = tmp_path ("page.mht");
  g_autofree char *page = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzDocument) ref = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  GString *mht = g_string_new ("From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
                               "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
                               "\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n"
                               "------MultipartBoundary--abc\r\nContent-Type: text/css\r\n\r\nbody{}\r\n"
                               "------MultipartBoundary--abc\r\n"
                               "Content-Type: text/html; charset=\"gbk\"\r\n"
                               "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
  gsize len, column = 0;

  g_assert_true (g_file_get_contents (gbk, &page, &len, NULL));
  /* The meta tag's charset blanked: the part header alone says the page
   * is GBK. */
  {
    char *meta = strstr (page, "charset=gb2312");
    g_assert_nonnull (meta);
    memcpy (meta, "charset=      ", 14);
  }
  for (gsize i = 0; i < len; i++)
    {
      guchar c = page[i];

      if (column > 70)
        {
          g_string_append (mht, "=\r\n");
          column = 0;
        }
      if (c == '\n')
        {
          g_string_append (mht, "\r\n");
          column = 0;
        }
      else if (c >= 0x80 || c == '=')
        {
          g_string_append_printf (mht, "=%02X", c);
          column += 3;
        }
      else
        {
          g_string_append_c (mht, c);
          column++;
        }
    }
  g_string_append (mht, "\r\n------MultipartBoundary--abc--\r\n");
  g_assert_true (g_file_set_contents (path, mht->str, mht->len, NULL));
  g_string_free (mht, TRUE);

  doc = import_ok (path);
  ref = import_ok (html);
  a = paragraphs_of (doc, TRUE);
  b = paragraphs_of (ref, TRUE);
  g_assert_cmpstr (fz_document_get_format (doc), ==, "mhtml");
  g_assert_cmpstr (a, ==, b);
}

static void
test_convert (void)
{
  g_autofree char *txt = fixture_path ("report.txt");
  g_autofree char *doc_path = fixture_path ("report.doc");
  g_autofree char *rtf = tmp_path ("note.rtf");
  g_autofree char *wps = tmp_path ("kingsoft.wps");
  g_autofree char *contents = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gsize len;
  char *name;

  if (!have_soffice)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  compare_with_text (doc_path, txt, "doc");

  /* RTF with the Chinese as \u escapes, as Word writes it. */
  g_assert_true (g_file_set_contents (rtf,
    "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}"
    "\\f0\\u27979?\\u35797?\\u25253?\\u21578?\\u12290?\\par}", -1, NULL));
  doc = import_ok (rtf);
  g_assert_cmpstr (fz_document_get_format (doc), ==, "rtf");
  g_assert_nonnull (strstr (fz_document_get_text (doc), "测试报告。"));
  g_clear_object (&doc);

  /* Kingsoft WPS writes a Word-compatible compound file with streams of
   * its own; renaming one stream of a .doc makes such a file. */
  g_assert_true (g_file_get_contents (doc_path, &contents, &len, NULL));
  for (name = contents; name + 40 < contents + len; name++)
    if (memcmp (name, "\005\000S\000u\000m\000m\000a\000r\000y\000I\000", 18) == 0)
      break;
  g_assert_true (name + 40 < contents + len);
  memset (name, 0, 64);
  for (guint i = 0; i < strlen ("WpsCustomData"); i++)
    name[2 * i] = "WpsCustomData"[i];
  name[64] = 2 * (strlen ("WpsCustomData") + 1);
  name[65] = 0;
  g_assert_true (g_file_set_contents (wps, contents, len, NULL));
  doc = import_ok (wps);
  g_assert_cmpstr (fz_document_get_format (doc), ==, "wps");
  g_assert_nonnull (strstr (fz_document_get_text (doc), "一、主要措施和成效"));
}

/* Conversions still running: processes whose command line names one of
 * the importer's private folders. */
static guint
count_converters (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize len;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &cmdline, &len, NULL))
        continue;
      for (gsize i = 0; i + 1 < len; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      /* Only this test's converters: other programs on the machine, or
       * another test running beside this one, may run LibreOffice too. */
      if (strstr (cmdline, "fazhi-convert-") != NULL && strstr (cmdline, private_tmp) != NULL)
        n++;
    }
  return n;
}

static guint
count_convert_dirs (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "fazhi-convert-");
  return n;
}

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* LibreOffice is stopped, all of it, at the time limit and when opening
 * is cancelled, and leaves no folder behind. */
static void
test_convert_limits (void)
{
  g_autofree char *doc_path = fixture_path ("report.doc");
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  guint dirs = count_convert_dirs ();
  gint64 start;

  if (!have_soffice)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  /* A fifth of a second is less than LibreOffice needs to start. */
  g_setenv ("FAZHI_CONVERT_TIMEOUT", "0.2", TRUE);
  start = g_get_monotonic_time ();
  doc = import_path (doc_path, &error);
  g_unsetenv ("FAZHI_CONVERT_TIMEOUT");
  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  start = g_get_monotonic_time ();
  g_timeout_add (300, cancel_later, cancellable);
  fz_import_file_async (file, G_PRIORITY_DEFAULT, cancellable, on_cancelled_import, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* Killed processes may take a moment to leave the process table. */
  for (guint i = 0; i < 50 && count_converters () > 0; i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_cmpuint (count_converters (), ==, 0);
  g_assert_cmpuint (count_convert_dirs (), ==, dirs);
}

static void
test_convert_missing (void)
{
  g_autofree char *doc_path = fixture_path ("report.doc");
  g_autofree char *empty_dir = tmp_path ("no-programs");
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  g_setenv ("PATH", empty_dir, TRUE);
  doc = import_path (doc_path, &error);
  g_setenv ("PATH", old_path, TRUE);

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_MISSING_TOOL);
  g_assert_nonnull (strstr (error->message, "libreoffice-writer"));
}

static GBytes *
bytes_of (const char *data,
          gsize       len)
{
  return g_bytes_new (data, len);
}

static GBytes *
ole_with (const char * const *names)
{
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  for (guint i = 0; i < 504; i++)
    g_byte_array_append (out, (const guint8 *) "\0", 1);
  for (guint k = 0; names[k] != NULL; k++)
    {
      guint8 entry[128] = { 0 };

      for (guint i = 0; names[k][i] && i < 31; i++)
        entry[2 * i] = names[k][i];
      entry[64] = 2 * (strlen (names[k]) + 1);
      g_byte_array_append (out, entry, sizeof entry);
    }
  return g_byte_array_free_to_bytes (out);
}

static void
test_detect (void)
{
  static const char * const word[] = { "Root Entry", "WordDocument", "1Table", NULL };
  static const char * const kingsoft[] = { "Root Entry", "WordDocument", "WpsCustomData", NULL };
  static const char * const works[] = { "Root Entry", "CONTENTS", "MatOST", "SPELLING", NULL };
  static const char * const excel[] = { "Root Entry", "Workbook", NULL };
  static const char * const locked[] = { "Root Entry", "EncryptionInfo", "EncryptedPackage", NULL };
  static const struct { const char *data; const char *format; } texts[] = {
    { "{\\rtf1\\ansi hello}", "rtf" },
    { "%PDF-1.4\n", "pdf" },
    { "\r\n\r\n%PDF-1.7 after junk", "pdf" },
    { "<!DOCTYPE html><html></html>", "html" },
    { "  <HTML><body>报告</body></HTML>", "html" },
    { "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html" },
    { "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", "mhtml" },
    { "关于2025年法治政府建设情况的报告", "text" },
    { "<报告>", "text" },
  };
  g_autoptr(GBytes) w = ole_with (word);
  g_autoptr(GBytes) k = ole_with (kingsoft);
  g_autoptr(GBytes) m = ole_with (works);
  g_autoptr(GBytes) x = ole_with (excel);
  g_autoptr(GBytes) e = ole_with (locked);
  g_autofree char *locked_path = tmp_path ("locked.docx");

  g_assert_cmpstr (fz_import_detect_format (w), ==, "doc");
  g_assert_cmpstr (fz_import_detect_format (k), ==, "wps");
  g_assert_cmpstr (fz_import_detect_format (m), ==, "works");
  g_assert_cmpstr (fz_import_detect_format (x), ==, "xls");
  g_assert_cmpstr (fz_import_detect_format (e), ==, "encrypted");
  /* A .docx saved with a password is a compound file, refused as such. */
  g_assert_true (g_file_set_contents (locked_path, g_bytes_get_data (e, NULL), g_bytes_get_size (e), NULL));
  assert_fails (locked_path, FZ_IMPORT_ERROR_ENCRYPTED);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) b = bytes_of (texts[i].data, strlen (texts[i].data));
      g_assert_cmpstr (fz_import_detect_format (b), ==, texts[i].format);
    }
}

/* Files named for one format holding another open by what they hold. */
static void
test_mislabelled (void)
{
  static const struct { const char *fixture; const char *as; const char *format; } cases[] = {
    { "report.pdf", "really-a-pdf.docx", "pdf" },
    { "numbered.docx", "really-a-docx.pdf", "docx" },
    { "report.html", "really-a-page.txt", "html" },
    { "report.ofd", "really-an-ofd.zip", "ofd" },
    { "report.odt", "really-an-odt.doc", "odt" },
    { "report.txt", "really-text.html", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = fixture_path (cases[i].fixture);
      g_autofree char *to = tmp_path (cases[i].as);
      g_autofree char *contents = NULL;
      g_autoptr(FzDocument) doc = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
      doc = import_ok (to);
      g_assert_cmpstr (fz_document_get_format (doc), ==, cases[i].format);
    }
}

/* ---- hostile input --------------------------------------------------- */

static void
put_le (GByteArray *out,
        guint64     value,
        guint       bytes)
{
  for (guint i = 0; i < bytes; i++)
    {
      guint8 b = (value >> (8 * i)) & 0xFF;
      g_byte_array_append (out, &b, 1);
    }
}

/* A zip header (local when @central is FALSE) for @name; sizes past
 * 32 bits go in a zip64 extra field. */
static void
put_header (GByteArray *out,
            gboolean    central,
            const char *name,
            guint       method,
            guint32     crc,
            guint64     csize,
            guint64     usize,
            guint32     offset)
{
  gboolean zip64 = usize >= G_MAXUINT32 || csize >= G_MAXUINT32;

  put_le (out, central ? 0x02014b50 : 0x04034b50, 4);
  if (central)
    put_le (out, 45, 2);
  put_le (out, 45, 2);                      /* version needed */
  put_le (out, 0, 2);                       /* flags */
  put_le (out, method, 2);
  put_le (out, 0, 2);                       /* time */
  put_le (out, 0x21, 2);                    /* date: 1980-01-01 */
  put_le (out, crc, 4);
  put_le (out, zip64 ? G_MAXUINT32 : csize, 4);
  put_le (out, zip64 ? G_MAXUINT32 : usize, 4);
  put_le (out, strlen (name), 2);
  put_le (out, zip64 ? 20 : 0, 2);          /* extra length */
  if (central)
    {
      put_le (out, 0, 2);                   /* comment */
      put_le (out, 0, 2);                   /* disk */
      put_le (out, 0, 2);                   /* internal attributes */
      put_le (out, 0, 4);                   /* external attributes */
      put_le (out, offset, 4);
    }
  g_byte_array_append (out, (const guint8 *) name, strlen (name));
  if (zip64)
    {
      put_le (out, 1, 2);
      put_le (out, 16, 2);
      put_le (out, usize, 8);
      put_le (out, csize, 8);
    }
}

/* @gigabytes of zeros as word/document.xml in a zip of a few megabytes,
 * made without ever holding them: one compressed megabyte of zeros after a
 * full flush is the same bytes every time, so it is written over and
 * over.  The headers give the true size, or @claimed when not zero (a
 * bomb that lies about its size). */
static void
write_zip_bomb (const char *path,
                guint       gigabytes,
                guint64     claimed)
{
  static const guint8 zeros[1 << 20];
  static const char types[] = "[Content_Types].xml";
  static const char name[] = "word/document.xml";
  g_autoptr(GByteArray) block = g_byte_array_new ();
  g_autoptr(GByteArray) last = g_byte_array_new ();
  g_autoptr(GByteArray) head = g_byte_array_new ();
  g_autoptr(GByteArray) tail = g_byte_array_new ();
  guint64 n_blocks = (guint64) gigabytes * 1024;
  guint64 usize = n_blocks << 20;
  guint64 csize;
  guint32 crc_block, crc = 0, offset;
  guint8 buf[1 << 16];
  z_stream z = { 0 };
  FILE *f;

  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);
  z.next_in = (guint8 *) zeros;
  z.avail_in = sizeof zeros;
  do
    {
      z.next_out = buf;
      z.avail_out = sizeof buf;
      deflate (&z, Z_FULL_FLUSH);
      g_byte_array_append (block, buf, sizeof buf - z.avail_out);
    }
  while (z.avail_out == 0);
  z.next_in = NULL;
  z.avail_in = 0;
  z.next_out = buf;
  z.avail_out = sizeof buf;
  g_assert_cmpint (deflate (&z, Z_FINISH), ==, Z_STREAM_END);
  g_byte_array_append (last, buf, sizeof buf - z.avail_out);
  deflateEnd (&z);

  csize = n_blocks * block->len + last->len;
  crc_block = crc32 (0, zeros, sizeof zeros);
  for (guint64 i = 0; i < n_blocks; i++)
    crc = crc32_combine (crc, crc_block, sizeof zeros);

  /* An empty first entry names the package as Word's. */
  put_header (head, FALSE, types, 0, 0, 0, 0, 0);
  offset = head->len;
  put_header (head, FALSE, name, 8, crc, csize, claimed ? claimed : usize, 0);

  put_header (tail, TRUE, types, 0, 0, 0, 0, 0);
  put_header (tail, TRUE, name, 8, crc, csize, claimed ? claimed : usize, offset);
  {
    guint cd_size = tail->len;

    put_le (tail, 0x06054b50, 4);
    put_le (tail, 0, 2);
    put_le (tail, 0, 2);
    put_le (tail, 2, 2);
    put_le (tail, 2, 2);
    put_le (tail, cd_size, 4);
    put_le (tail, head->len + csize, 4);
    put_le (tail, 0, 2);
  }

  f = g_fopen (path, "wb");
  g_assert_nonnull (f);
  fwrite (head->data, 1, head->len, f);
  for (guint64 i = 0; i < n_blocks; i++)
    fwrite (block->data, 1, block->len, f);
  fwrite (last->data, 1, last->len, f);
  fwrite (tail->data, 1, tail->len, f);
  fclose (f);
}

static void
assert_bomb_refused (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  GStatBuf st;
  gint64 start;
  double seconds;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  start = g_get_monotonic_time ();
  doc = import_path (path, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("10 GB of zeros in %.1f MB, refused in %.3f s: %s",
                  st.st_size / 1048576.0, seconds, error ? error->message : "(opened!)");

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE);
  /* Well under a second on any machine; the bound leaves room for
   * sanitizer builds. */
  g_assert_cmpfloat (seconds, <, 3.0);
}

static void
test_zip_bomb (void)
{
  g_autofree char *honest = tmp_path ("bomb.docx");
  g_autofree char *lying = tmp_path ("bomb-lying.docx");

  /* Refused from its headers, and when they lie, while inflating. */
  write_zip_bomb (honest, 10, 0);
  assert_bomb_refused (honest);
  write_zip_bomb (lying, 10, 4096);
  assert_bomb_refused (lying);
}

static void
test_zip_many_entries (void)
{
  g_autofree char *path = tmp_path ("many.docx");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (entries, g_strdup ("word/document.xml"));
  g_ptr_array_add (entries, g_strdup ("<w:document " W_NS "><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p></w:body></w:document>"));
  for (guint i = 0; i < 5000; i++)
    {
      g_ptr_array_add (entries, g_strdup_printf ("word/media/e%u.xml", i));
      g_ptr_array_add (entries, g_strdup ("x"));
    }
  g_ptr_array_add (entries, NULL);
  fz_test_write_zip_at (path, (const char * const *) entries->pdata);

  assert_fails (path, FZ_IMPORT_ERROR_UNSAFE);
}

static void
test_xxe (void)
{
  g_autofree char *secret = tmp_path ("secret.txt");
  g_autofree char *secret_uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"%s\">]>"
    "<w:document " W_NS "><w:body><w:p><w:r><w:t>报告&xxe;</w:t></w:r></w:p></w:body></w:document>",
    secret_uri);
  g_autofree char *padding = g_strnfill (8000, ' ');
  /* A DOCTYPE past the first kilobytes, behind a long comment. */
  g_autofree char *late = g_strdup_printf (
    "<?xml version=\"1.0\"?><!--%s--><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"%s\">]>"
    "<w:document " W_NS "><w:body><w:p><w:r><w:t>报告&xxe;</w:t></w:r></w:p></w:body></w:document>",
    padding, secret_uri);
  g_autofree char *path = NULL;
  g_autofree char *late_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  g_assert_true (g_file_set_contents (secret, "机密内容", -1, NULL));
  path = docx_with_body ("xxe.docx", xml);
  late_path = docx_with_body ("xxe-late.docx", late);

  assert_fails (path, FZ_IMPORT_ERROR_UNSAFE);
  assert_fails (late_path, FZ_IMPORT_ERROR_UNSAFE);
  doc = import_path (late_path, &error);
  g_assert_null (strstr (error->message, "机密"));
}

static void
test_billion_laughs (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY lol \"lol\">");
  g_autofree char *path = NULL;
  g_autofree char *ofd = NULL;
  gint64 start;

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (xml, "<!ENTITY lol%d \"", i);
      for (int k = 0; k < 10; k++)
        g_string_append_printf (xml, i == 1 ? "&lol;" : "&lol%d;", i - 1);
      g_string_append (xml, "\">");
    }
  g_string_append (xml, "]><w:document " W_NS "><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
  path = docx_with_body ("laughs.docx", xml->str);
  ofd = ofd_with_page ("laughs.ofd", xml->str);

  start = g_get_monotonic_time ();
  assert_fails (path, FZ_IMPORT_ERROR_UNSAFE);
  assert_fails (ofd, FZ_IMPORT_ERROR_UNSAFE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_string_free (xml, TRUE);
}

/* Every cut of a file refuses cleanly or reads what is there. */
static void
check_truncations (const char *fixture,
                   guint       steps)
{
  g_autofree char *from = fixture_path (fixture);
  g_autofree char *contents = NULL;
  g_autofree char *to = NULL;
  g_autofree char *name = g_strconcat ("cut-", fixture, NULL);
  gsize len;

  to = tmp_path (name);
  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  for (guint s = 1; s < steps; s++)
    {
      gsize cut = len * s / steps;
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = NULL;

      g_assert_true (g_file_set_contents (to, contents, cut, NULL));
      doc = import_path (to, &error);
      g_assert_true ((doc == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (error->domain == FZ_IMPORT_ERROR);
    }
}

static void
test_truncated (void)
{
  check_truncations ("numbered.docx", 40);
  check_truncations ("report.odt", 40);
  check_truncations ("report.ofd", 40);
  check_truncations ("report.pdf", 25);
  check_truncations ("report.html", 40);
}

static void
test_corrupt (void)
{
  g_autofree char *bad_xml = docx_with_body ("bad-xml.docx", "<w:document " W_NS "><w:body><w:p>");
  g_autofree char *no_body = tmp_path ("no-body.docx");
  g_autofree char *empty = tmp_path ("empty.docx");
  g_autofree char *deep = NULL;
  GString *nested = g_string_new ("<w:document " W_NS "><w:body>");
  const char *no_body_entries[] = { "[Content_Types].xml", "<Types/>", "word/document.xml.bak", "x", NULL };

  fz_test_write_zip_at (no_body, no_body_entries);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  /* Nesting far beyond any document's, closed properly. */
  for (int i = 0; i < 5000; i++)
    g_string_append (nested, "<w:sdt><w:sdtContent>");
  g_string_append (nested, "<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
  for (int i = 0; i < 5000; i++)
    g_string_append (nested, "</w:sdtContent></w:sdt>");
  g_string_append (nested, "</w:body></w:document>");
  deep = docx_with_body ("deep.docx", nested->str);
  g_string_free (nested, TRUE);

  assert_fails (bad_xml, FZ_IMPORT_ERROR_CORRUPT);
  assert_fails (no_body, FZ_IMPORT_ERROR_UNSUPPORTED);
  assert_fails (empty, FZ_IMPORT_ERROR_EMPTY);
  /* libxml2 refuses the depth; either way no crash and a clear error. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FzDocument) doc = import_path (deep, &error);
    g_assert_true (doc == NULL);
    g_assert_true (error->domain == FZ_IMPORT_ERROR);
  }
}

static void
on_cancelled_import (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GError **out = user_data;
  g_autoptr(FzDocument) doc = fz_import_file_finish (result, out);

  g_assert_null (doc);
  if (*out == NULL)
    g_set_error_literal (out, G_IO_ERROR, G_IO_ERROR_FAILED, "no error");
}

static void
test_cancel (void)
{
  static const char * const fixtures[] = { "numbered.docx", "report.odt", "report.pdf", "report.ofd", "report.html" };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = fixture_path (fixtures[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      fz_import_file_async (file, G_PRIORITY_DEFAULT, cancellable, on_cancelled_import, &error);
      while (error == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED);
    }
}

static void
test_cli_json (void)
{
  g_autofree char *pdf = tmp_path ("layout.pdf");
  g_autofree char *cut = tmp_path ("cut.docx");
  g_autofree char *docx = fixture_path ("numbered.docx");
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *reports;
  gsize len;
  const char *argv[] = { FAZHI_CHECK, "--format", "json", pdf, cut, NULL };

  if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
    write_layout_pdf (pdf);
  g_assert_true (g_file_get_contents (docx, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, len / 2, NULL));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  reports = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "reports");
  g_assert_cmpuint (json_array_get_length (reports), ==, 2);

  {
    JsonObject *r = json_array_get_object_element (reports, 0);
    JsonArray *sections = json_object_get_array_member (r, "sections");
    gint64 last_page = 0;

    g_assert_cmpstr (json_object_get_string_member (r, "format"), ==, "pdf");
    g_assert_cmpuint (json_array_get_length (sections), >, 0);
    for (guint i = 0; i < json_array_get_length (sections); i++)
      last_page = MAX (last_page, json_object_get_int_member (json_array_get_object_element (sections, i), "page"));
    g_assert_cmpint (last_page, >=, 2);
  }
  {
    JsonObject *r = json_array_get_object_element (reports, 1);
    JsonObject *e = json_object_get_object_member (r, "error");

    /* A damaged file still says what it was. */
    g_assert_cmpstr (json_object_get_string_member (r, "format"), ==, "docx");
    g_assert_cmpstr (json_object_get_string_member (e, "code"), ==, "corrupt");
  }
}

/* ---- the reference corpus through every route ------------------------- */

static void
convert_corpus_once (void)
{
  g_autoptr(GPtrArray) inputs = NULL;
  g_autofree char *seeds = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (soffice_done || !have_soffice)
    return;
  soffice_done = TRUE;

  seeds = g_build_filename (corpus_dir, "seeds", NULL);
  dir = g_dir_open (seeds, 0, NULL);
  inputs = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (inputs, g_build_filename (seeds, name, NULL));
  g_ptr_array_add (inputs, NULL);

  g_assert_true (soffice_convert ((const char * const *) inputs->pdata, "odt", tmp_dir));
  g_assert_true (soffice_convert ((const char * const *) inputs->pdata, "pdf", tmp_dir));
}

static void
compare_routes (FzDocument *doc,
                FzDocument *ref,
                const char *seed,
                const char *route,
                guint      *failures)
{
  g_autoptr(FzAnalysis) nat = fz_analysis_new (doc, national);
  g_autoptr(FzAnalysis) gd = fz_analysis_new (doc, guangdong);
  g_autoptr(FzAnalysis) ref_nat = fz_analysis_new (ref, national);
  g_autoptr(FzAnalysis) ref_gd = fz_analysis_new (ref, guangdong);
  static const char * const meta_ids[] = { "title", "doc_number", "signer", "addressee", "issuer", "date", "report_year" };
  FzAnalysis *pairs[2][2] = { { nat, ref_nat }, { gd, ref_gd } };

  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *got = fz_analysis_get_elements (pairs[k][0]);
      GPtrArray *want = fz_analysis_get_elements (pairs[k][1]);

      g_assert_cmpuint (got->len, ==, want->len);
      for (guint i = 0; i < got->len; i++)
        {
          const FzElementResult *a = g_ptr_array_index (got, i);
          const FzElementResult *b = g_ptr_array_index (want, i);

          if (a->status != b->status)
            {
              g_test_message ("%s via %s: %s is %s, from the text %s", seed, route, b->id,
                              fz_status_to_string (a->status), fz_status_to_string (b->status));
              (*failures)++;
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (meta_ids); i++)
    {
      g_autofree char *a = fz_test_meta_value (fz_analysis_get_metadata (nat), meta_ids[i]);
      g_autofree char *b = fz_test_meta_value (fz_analysis_get_metadata (ref_nat), meta_ids[i]);
      g_autofree char *a_ns = a ? fz_strip_spaces (a, -1) : NULL;
      g_autofree char *b_ns = b ? fz_strip_spaces (b, -1) : NULL;

      if (g_strcmp0 (a_ns, b_ns) != 0)
        {
          g_test_message ("%s via %s: %s is “%s”, from the text “%s”", seed, route, meta_ids[i],
                          a ? a : "(absent)", b ? b : "(absent)");
          (*failures)++;
        }
    }

  /* And every line of expected.tsv holds, text lines included. */
  for (guint i = 0; i < expectations->len; i++)
    {
      FzTestExpectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *got = NULL;

      if (!g_str_equal (e->seed, seed))
        continue;
      if (!fz_test_check_expectation (e, doc, nat, gd, &got))
        {
          g_test_message ("%s via %s: expected.tsv:%u %s %s: expected “%s”, got “%s”",
                          seed, route, e->line, e->kind, e->id, e->expected, got);
          (*failures)++;
        }
    }
}

static void
test_corpus_routes (gconstpointer data)
{
  const char *seed = data;
  g_autofree char *txt = g_build_filename (corpus_dir, "seeds", seed, NULL);
  g_autofree char *stem = g_strndup (seed, strlen (seed) - strlen (".txt"));
  g_autoptr(FzDocument) ref = import_ok (txt);
  static const char * const routes[] = { "docx", "odt", "pdf" };
  guint failures = 0, checked = 0;

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    {
      g_autofree char *name = g_strconcat (stem, ".", routes[r], NULL);
      g_autofree char *path = tmp_path (name);
      g_autoptr(FzDocument) doc = NULL;

      if (g_str_equal (routes[r], "docx"))
        {
          if (!have_pandoc || !text_to_docx (txt, path))
            continue;
        }
      else
        {
          convert_corpus_once ();
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            continue;
        }

      doc = import_ok (path);
      g_assert_cmpstr (fz_document_get_format (doc), ==, routes[r]);
      compare_routes (doc, ref, seed, routes[r], &failures);
      checked++;
    }

  if (checked == 0)
    {
      g_test_skip ("neither pandoc nor LibreOffice is installed");
      return;
    }
  g_test_message ("%s: %u routes compared with the text, %u differences", seed, checked, failures);
  if (failures > 0)
    g_test_fail ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  int ret;

  /* A temporary folder of this run's own, set before GLib first reads
   * TMPDIR, so the converters and folders counted are this test's. */
  private_tmp = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                  "fazhi-formats-run-XXXXXX", NULL);
  if (g_mkdtemp (private_tmp) == NULL)
    g_error ("cannot make a temporary folder: %s", g_strerror (errno));
  g_setenv ("TMPDIR", private_tmp, TRUE);

  /* Messages print the Chinese they compare. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  tmp_dir = g_dir_make_tmp ("fazhi-formats-XXXXXX", &error);
  g_assert_no_error (error);
  have_pandoc = pandoc != NULL;
  have_soffice = soffice != NULL;

  g_test_add_func ("/formats/docx/numbering", test_docx_numbering);
  g_test_add_func ("/formats/docx/pandoc", test_docx_pandoc);
  g_test_add_func ("/formats/odt", test_odt);
  g_test_add_func ("/formats/odt/numbering", test_odt_numbering);
  g_test_add_func ("/formats/pdf/simple", test_pdf_simple);
  g_test_add_func ("/formats/pdf/layout", test_pdf_layout);
  g_test_add_func ("/formats/ofd", test_ofd);
  g_test_add_func ("/formats/ofd/private-glyphs", test_ofd_private_glyphs);
  g_test_add_func ("/formats/html", test_html);
  g_test_add_func ("/formats/mhtml", test_mhtml);
  g_test_add_func ("/formats/convert", test_convert);
  g_test_add_func ("/formats/convert/missing", test_convert_missing);
  g_test_add_func ("/formats/convert/limits", test_convert_limits);
  g_test_add_func ("/formats/detect", test_detect);
  g_test_add_func ("/formats/mislabelled", test_mislabelled);
  g_test_add_func ("/formats/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/formats/hostile/many-entries", test_zip_many_entries);
  g_test_add_func ("/formats/hostile/xxe", test_xxe);
  g_test_add_func ("/formats/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/formats/hostile/truncated", test_truncated);
  g_test_add_func ("/formats/hostile/corrupt", test_corrupt);
  g_test_add_func ("/formats/cancel", test_cancel);
  g_test_add_func ("/formats/cli-json", test_cli_json);

  corpus_dir = g_strdup (env ? env : "../shared/corpus");
  expectations = fz_test_load_expectations (corpus_dir);
  fz_test_add_seed_tests ("/formats/corpus", expectations, test_corpus_routes);
  if (expectations != NULL)
    {
      national = fz_test_load_rules ("national");
      guangdong = fz_test_load_rules ("guangdong");
    }

  ret = g_test_run ();

  fz_remove_tree (tmp_dir);
  g_free (tmp_dir);
  fz_remove_tree (private_tmp);
  g_free (private_tmp);
  g_free (corpus_dir);
  g_clear_pointer (&expectations, g_ptr_array_unref);
  g_clear_object (&national);
  g_clear_object (&guangdong);
  /* cairo keeps its font caches for the process's life otherwise. */
  cairo_debug_reset_static_data ();

  return ret;
}
