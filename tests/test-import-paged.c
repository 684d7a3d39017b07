/* test-import-paged.c: PDF and OFD, as they place text on pages
 *
 * Fixtures built here: OFDs whose text sits in a template page, in a
 * composite object among the resources, and in an annotation (a
 * watermark, which is not the report's); PDFs drawn with cairo with text
 * turned on its side, a few words repeated on every page, very little
 * text; and a PDF written by hand with a filled-in form field.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "fz-test-import.h"

#define OFD_NS "xmlns:ofd=\"http://www.ofdspec.org/2016\""

static const char ofd_root[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<ofd:OFD " OFD_NS " Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo/>"
  "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";

static char *
text_object (double      x,
             double      y,
             const char *text)
{
  return g_strdup_printf ("<ofd:TextObject Boundary=\"%g %g 160 8\" Size=\"5\">"
                          "<ofd:TextCode X=\"0\" Y=\"5\">%s</ofd:TextCode></ofd:TextObject>", x, y, text);
}

static char *
ofd_page (const char *head,
          const char *objects)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<ofd:Page " OFD_NS ">%s<ofd:Content><ofd:Layer ID=\"10\">%s</ofd:Layer>"
                          "</ofd:Content></ofd:Page>", head, objects);
}

/* A 公文's 版头 in the template page, its title drawn through a composite
 * object, a year standing alone mid-page, and a watermark annotation. */
static void
test_ofd_templates_and_composites (void)
{
  g_autofree char *tpl_text = text_object (30, 20, "某某县人民政府文件");
  g_autofree char *tpl = ofd_page ("", tpl_text);
  g_autofree char *number = text_object (30, 45, "某政发〔2025〕3号");
  g_autofree char *year = text_object (90, 150, "2025");
  g_autofree char *body = text_object (20, 200, "全年审查规范性文件9件，办理行政复议案件30件。");
  g_autofree char *objects =
    g_strdup_printf ("%s<ofd:CompositeObject ID=\"20\" ResourceID=\"7\" Boundary=\"20 80 170 20\""
                     " CTM=\"0.5 0 0 0.5 0 0\"/>%s%s", number, year, body);
  g_autofree char *page = ofd_page ("<ofd:Template TemplateID=\"5\" ZOrder=\"Background\"/>", objects);
  const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ofd:Document " OFD_NS "><ofd:CommonData><ofd:MaxUnitID>30</ofd:MaxUnitID>"
    "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
    "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
    "<ofd:TemplatePage ID=\"5\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>"
    "<ofd:TemplatePage ID=\"6\" BaseLoc=\"Tpls/Tpl_1/Content.xml\"/></ofd:CommonData>"
    "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
    "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>";
  const char *resources =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ofd:Res " OFD_NS " BaseLoc=\"Res\"><ofd:CompositeGraphicUnits>"
    "<ofd:CompositeGraphicUnit ID=\"7\" Width=\"340\" Height=\"40\"><ofd:Content><ofd:Layer ID=\"8\">"
    "<ofd:TextObject ID=\"9\" Boundary=\"0 0 340 20\" Size=\"10\">"
    "<ofd:TextCode X=\"0\" Y=\"10\">关于2024年法治政府建设情况的报告</ofd:TextCode></ofd:TextObject>"
    "</ofd:Layer></ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>";
  g_autofree char *unused_text = text_object (30, 20, "未使用的模板");
  g_autofree char *unused = ofd_page ("", unused_text);
  const char *annotations =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ofd:Annotations " OFD_NS "><ofd:Page PageID=\"1\"><ofd:FileLoc>Page_0/Annot_0.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>";
  const char *watermark =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ofd:PageAnnot " OFD_NS "><ofd:Annot Type=\"Watermark\" ID=\"40\"><ofd:Appearance Boundary=\"0 0 210 297\">"
    "<ofd:TextObject ID=\"41\" Boundary=\"0 0 210 297\" Size=\"8\"><ofd:TextCode X=\"10\" Y=\"10\">内部资料</ofd:TextCode>"
    "</ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>";
  const char *entries[] = {
    "OFD.xml", ofd_root,
    "Doc_0/Document.xml", document,
    "Doc_0/DocumentRes.xml", resources,
    "Doc_0/Tpls/Tpl_0/Content.xml", tpl,
    "Doc_0/Tpls/Tpl_1/Content.xml", unused,
    "Doc_0/Pages/Page_0/Content.xml", page,
    "Doc_0/Annots/Annotations.xml", annotations,
    "Doc_0/Annots/Page_0/Annot_0.xml", watermark,
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_zip ("composite.ofd", entries, &error);
  const char *text;
  const char *head, *title, *num, *y, *b;

  g_assert_no_error (error);
  text = fz_document_get_text (doc);
  head = strstr (text, "某某县人民政府文件");
  num = strstr (text, "某政发〔2025〕3号");
  title = strstr (text, "关于2024年法治政府建设情况的报告");
  y = title ? strstr (title, "2025") : NULL;
  b = strstr (text, "全年审查规范性文件9件");
  /* In the order they stand on the page. */
  g_assert_nonnull (head);
  g_assert_true (num > head);
  g_assert_true (title > num);
  /* A number alone mid-page is text, not a page number. */
  g_assert_nonnull (y);
  g_assert_true (b > y);
  g_assert_null (strstr (text, "内部资料"));
  g_assert_null (strstr (text, "未使用的模板"));
}

static char *
minimal_ofd (const char *name,
             const char *objects)
{
  g_autofree char *page = ofd_page ("", objects);
  const char *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<ofd:Document " OFD_NS "><ofd:CommonData><ofd:MaxUnitID>30</ofd:MaxUnitID>"
    "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>"
    "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";
  const char *entries[] = {
    "OFD.xml", ofd_root,
    "Doc_0/Document.xml", document,
    "Doc_0/Pages/Page_0/Content.xml", page,
    NULL,
  };

  return fz_test_write_zip (name, entries);
}

/* An OFD without text is a scan only when its pages are pictures. */
static void
test_ofd_no_text (void)
{
  g_autofree char *scan = minimal_ofd ("scan.ofd",
                                       "<ofd:ImageObject ID=\"11\" ResourceID=\"3\" Boundary=\"0 0 210 297\" CTM=\"210 0 0 297 0 0\"/>");
  g_autofree char *empty = minimal_ofd ("empty.ofd",
                                        "<ofd:PathObject ID=\"11\" Boundary=\"10 10 100 1\"><ofd:AbbreviatedData>M 0 0 L 100 0</ofd:AbbreviatedData></ofd:PathObject>");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  doc = fz_test_import_file_named ("scan.ofd", &error);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "scan"));
  g_clear_error (&error);
  doc = fz_test_import_file_named ("empty.ofd", &error);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT);
  g_assert_null (strstr (error->message, "scan"));
}

typedef void (*DrawPage) (cairo_t *cr, int page);

static char *
draw_pdf_sized (const char *name,
                double      width,
                double      height,
                int         n_pages,
                DrawPage    draw)
{
  char *path = fz_test_tmp_path (name);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (int page = 1; page <= n_pages; page++)
    {
      draw (cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return path;
}

static char *
draw_pdf (const char *name,
          int         n_pages,
          DrawPage    draw)
{
  return draw_pdf_sized (name, 595, 842, n_pages, draw);
}

static void
draw_turned (cairo_t *cr,
             int      page)
{
  static const char * const words[] = { "行政", "复议", "案件", "三十", "件数", "诉讼", "应诉", "十五", "规范" };

  cairo_set_font_size (cr, 15);
  cairo_move_to (cr, 0, 13);
  cairo_show_text (cr, "青州市司法局年度报告");
  /* Column heads of a table set on their side, reading upwards, under a
   * title: poppler's selection of the page's own box stops at the
   * title. */
  cairo_set_font_size (cr, 7.5);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      cairo_save (cr);
      cairo_move_to (cr, 18.8 + 11.3 * i, 93.6);
      cairo_rotate (cr, -M_PI / 2);
      cairo_show_text (cr, words[i]);
      cairo_restore (cr);
    }
}

/* Text turned on its side is read, not dropped. */
static void
test_pdf_turned_text (void)
{
  g_autofree char *path = draw_pdf_sized ("turned.pdf", 382, 230, 1, draw_turned);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_file_named ("turned.pdf", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = fz_test_without_spaces (fz_document_get_text (doc));
  g_assert_nonnull (strstr (text, "青州市司法局年度报告"));
  for (const char *w = "行政复议案件三十件数诉讼应诉十五规范"; *w; w = g_utf8_next_char (w))
    {
      char one[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (w), one);
      g_assert_nonnull (strstr (text, one));
    }
}

static void
draw_hello (cairo_t *cr,
            int      page)
{
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Hello world");
}

static void
draw_two_pages (cairo_t *cr,
                int      page)
{
  cairo_move_to (cr, 72, 60);
  cairo_show_text (cr, "青公（刑）立字〔2025〕12号");
  cairo_move_to (cr, 72, 200);
  cairo_show_text (cr, page == 1 ? "立案决定书" : "立案决定书（存根）");
}

/* Little text is text: five pages of one line each are read, and so is
 * the line that opens both pages of a decision and its stub. */
static void
test_pdf_little_text (void)
{
  g_autofree char *hello = draw_pdf ("hello.pdf", 5, draw_hello);
  g_autofree char *two = draw_pdf ("two.pdf", 2, draw_two_pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_file_named ("hello.pdf", &error);
  g_autoptr(FzDocument) stub = NULL;
  const char *text;

  g_assert_no_error (error);
  text = fz_document_get_text (doc);
  for (int i = 0; i < 5; i++)
    {
      text = strstr (text, "Hello world");
      g_assert_nonnull (text);
      text++;
    }

  stub = fz_test_import_file_named ("two.pdf", &error);
  g_assert_no_error (error);
  text = fz_document_get_text (stub);
  g_assert_nonnull (strstr (text, "〔2025〕12号"));
  g_assert_nonnull (strstr (strstr (text, "〔2025〕12号") + 1, "〔2025〕12号"));
}

/* A one-page PDF with a filled-in text field, written by hand: its
 * value stands beside its label. */
static void
test_pdf_form_field (void)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >>"
    " /Contents 4 0 R /Annots [5 0 R] >>",
    NULL, /* the content stream */
    "<< /Type /Annot /Subtype /Widget /FT /Tx /T (cases) /V (Thirty cases) /Rect [200 690 400 710]"
    " /P 3 0 R /F 4 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  const char *content = "BT /F1 12 Tf 72 700 Td (Administrative reviews:) Tj ET";
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.7\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gsize xref;
  int i;

  for (i = 0; i < (int) G_N_ELEMENTS (objects); i++)
    {
      gsize at = pdf->len;

      g_array_append_val (offsets, at);
      if (objects[i] != NULL)
        g_string_append_printf (pdf, "%d 0 obj\n%s\nendobj\n", i + 1, objects[i]);
      else
        g_string_append_printf (pdf, "%d 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
                                i + 1, strlen (content), content);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint k = 0; k < offsets->len; k++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, k));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          offsets->len + 1, xref);

  doc = fz_test_import_data ("form.pdf", pdf->str, pdf->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fz_test_find_paragraph (doc, "Administrative reviews: Thirty cases"), >=, 0);
}

static void
assert_refused (const char *name,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_file_named (name, &error);

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

static void
draw_scanned (cairo_t *cr,
              int      page)
{
  cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 280);
  cairo_t *pc = cairo_create (picture);

  /* What a scanner makes: pictures of pages, no text. */
  cairo_set_source_rgb (pc, 1, 1, 1);
  cairo_paint (pc);
  cairo_set_source_rgb (pc, 0, 0, 0);
  for (int i = 0; i < 30; i++)
    cairo_rectangle (pc, 20, 20 + 8 * i, 150 - 3 * i, 4);
  cairo_fill (pc);
  cairo_destroy (pc);

  cairo_save (cr);
  cairo_scale (cr, 2.5, 2.5);
  cairo_set_source_surface (cr, picture, 10, 10);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (picture);
}

static void
draw_shapes (cairo_t *cr,
             int      page)
{
  for (int i = 0; i < 30; i++)
    cairo_rectangle (cr, 72, 100 + 20 * i, 400 - 7 * i, 10);
  cairo_fill (cr);
}

/* A PDF without text is called a scan only when its pages are pictures;
 * a password-protected one is refused as such. */
static void
test_pdf_scan_and_password (void)
{
  g_autofree char *scan = draw_pdf ("scan.pdf", 2, draw_scanned);
  g_autofree char *drawn = draw_pdf ("drawn.pdf", 1, draw_shapes);
  g_autofree char *locked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gsize len;

  g_setenv ("LANGUAGE", "C", TRUE);
  assert_refused ("scan.pdf", FZ_IMPORT_ERROR_NO_TEXT);
  doc = fz_test_import_file_named ("scan.pdf", &error);
  g_assert_nonnull (strstr (error->message, "OCR"));
  g_clear_error (&error);

  assert_refused ("drawn.pdf", FZ_IMPORT_ERROR_NO_TEXT);
  doc = fz_test_import_file_named ("drawn.pdf", &error);
  g_assert_null (strstr (error->message, "OCR"));
  g_assert_null (strstr (error->message, "scan"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (TESTDATADIR "/formats/password.pdf", &locked, &len, NULL));
  doc = fz_test_import_data ("password.pdf", locked, len, &error);
  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCRYPTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/paged/ofd/templates-and-composites", test_ofd_templates_and_composites);
  g_test_add_func ("/paged/ofd/no-text", test_ofd_no_text);
  g_test_add_func ("/paged/pdf/turned-text", test_pdf_turned_text);
  g_test_add_func ("/paged/pdf/little-text", test_pdf_little_text);
  g_test_add_func ("/paged/pdf/form-field", test_pdf_form_field);
  g_test_add_func ("/paged/pdf/scan-and-password", test_pdf_scan_and_password);

  return fz_test_import_run ();
}
