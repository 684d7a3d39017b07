/* fz-memo-docx.c: a memo as an Office Open XML document
 *
 * Laid out after GB/T 9704 (党政机关公文格式): A4, margins 37 mm top,
 * 35 mm bottom, 28 mm left and 26 mm right, the letterhead and title in
 * 方正小标宋, headings in 黑体, leads in 楷体 and the body in 仿宋_GB2312 三号
 * on a 28 pt line, page numbers "— 1 —" outside the type area.  Written
 * with libxml2's text writer (which escapes everything) and zipped as
 * the returned reports are (fz-docx-package.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-docx-package.h"
#include "fz-i18n.h"
#include "fz-memo-docx-private.h"

static void
run_with_font (Xml        *x,
               const char *font,
               const char *text)
{
  START (x, "w:r");
  if (font != NULL)
    {
      START (x, "w:rPr");
      _fz_docx_fonts (x, font);
      END (x);
    }
  START (x, "w:t");
  ATTR (x, "xml:space", "preserve");
  xmlTextWriterWriteString (x->w, BAD_CAST text);
  END (x);
  END (x);
}

static void
run (Xml        *x,
     const char *text)
{
  run_with_font (x, NULL, text);
}

/* A paragraph of @style.  @right_chars, when positive, sets the right
 * indent in characters (the signature and the date); @keep_next keeps it
 * on the page of the next one. */
static void
paragraph_one (Xml        *x,
               const char *style,
               const char *lead,
               const char *text,
               double      right_chars,
               gboolean    keep_next)
{
  START (x, "w:p");
  START (x, "w:pPr");
  _fz_docx_val (x, "w:pStyle", style);
  if (keep_next)
    {
      START (x, "w:keepNext");
      END (x);
      START (x, "w:keepLines");
      END (x);
    }
  if (right_chars > 0)
    {
      START (x, "w:ind");
      _fz_docx_attr_int (x, "w:rightChars", (int) (right_chars * 100));
      _fz_docx_attr_int (x, "w:right", (int) (right_chars * 320));
      END (x);
    }
  END (x);
  if (lead != NULL && *lead != '\0')
    run_with_font (x, FZ_MEMO_FONT_KAI, lead);
  if (text != NULL && *text != '\0')
    run (x, text);
  END (x);
}

/* A paragraph of @style; a block's text with line breaks is several, the
 * lead on the first.  @right_chars, when positive, sets the right indent
 * in characters (the signature and the date); @keep_next keeps it on the
 * page of the next one. */
static void
paragraph_full (Xml        *x,
                const char *style,
                const char *lead,
                const char *text,
                double      right_chars,
                gboolean    keep_next)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < MAX (n, 1); i++)
    paragraph_one (x, style, i == 0 ? lead : NULL, i < n ? lines[i] : "", right_chars,
                   keep_next || i + 1 < n);
}

static void
paragraph (Xml        *x,
           const char *style,
           const char *text)
{
  paragraph_full (x, style, NULL, text, 0, FALSE);
}

static void
table_cell (Xml        *x,
            int         width,
            const char *style,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  START (x, "w:tc");
  START (x, "w:tcPr");
  START (x, "w:tcW");
  _fz_docx_attr_int (x, "w:w", width);
  ATTR (x, "w:type", "dxa");
  END (x);
  END (x);
  /* A cell must hold at least one paragraph, even when empty. */
  for (guint i = 0; lines[i] != NULL || i == 0; i++)
    {
      paragraph (x, style, lines[i] ? lines[i] : "");
      if (lines[i] == NULL)
        break;
    }
  END (x);
}

static void
table (Xml               *x,
       const FzMemoBlock *b)
{
  guint n = g_strv_length (b->header);
  g_autofree int *widths = g_new (int, n);

  for (guint c = 0; c < n; c++)
    widths[c] = (int) (b->widths[c] * TEXT_W);

  START (x, "w:tbl");
  START (x, "w:tblPr");
  _fz_docx_val (x, "w:tblStyle", "MemoTable");
  START (x, "w:tblW");
  _fz_docx_attr_int (x, "w:w", TEXT_W);
  ATTR (x, "w:type", "dxa");
  END (x);
  _fz_docx_val (x, "w:jc", "center");
  _fz_docx_borders (x, "w:tblBorders");
  START (x, "w:tblLayout");
  ATTR (x, "w:type", "fixed");
  END (x);
  START (x, "w:tblCellMar");
  START (x, "w:left");
  ATTR (x, "w:w", "85");
  ATTR (x, "w:type", "dxa");
  END (x);
  START (x, "w:right");
  ATTR (x, "w:w", "85");
  ATTR (x, "w:type", "dxa");
  END (x);
  END (x);
  START (x, "w:tblLook");
  ATTR (x, "w:val", "04A0");
  END (x);
  END (x);

  START (x, "w:tblGrid");
  for (guint c = 0; c < n; c++)
    {
      START (x, "w:gridCol");
      _fz_docx_attr_int (x, "w:w", widths[c]);
      END (x);
    }
  END (x);

  /* The header row repeats on every page the table runs onto. */
  START (x, "w:tr");
  START (x, "w:trPr");
  START (x, "w:tblHeader");
  END (x);
  START (x, "w:cantSplit");
  END (x);
  END (x);
  for (guint c = 0; c < n; c++)
    table_cell (x, widths[c], "MemoTableHeader", b->header[c]);
  END (x);

  for (guint r = 0; r < b->rows->len; r++)
    {
      char **cells = g_ptr_array_index (b->rows, r);

      START (x, "w:tr");
      START (x, "w:trPr");
      START (x, "w:cantSplit");
      END (x);
      END (x);
      for (guint c = 0; c < n; c++)
        table_cell (x, widths[c], "MemoTableText", cells[c] ? cells[c] : "");
      END (x);
    }

  END (x);
}

/* The 发文机关标志 of a letter (GB/T 9704 §10.1): red, centred, over a
 * red double line, thick above thin, across the type area. */
static void
letterhead (Xml        *x,
            const char *text)
{
  START (x, "w:p");
  START (x, "w:pPr");
  _fz_docx_val (x, "w:pStyle", "MemoLetterhead");
  START (x, "w:pBdr");
  START (x, "w:bottom");
  ATTR (x, "w:val", "thickThinSmallGap");
  ATTR (x, "w:sz", "24");
  ATTR (x, "w:space", "8");
  ATTR (x, "w:color", "E00000");
  END (x);
  END (x);
  END (x);
  run (x, text);
  END (x);
}

static GBytes *
document_xml (FzMemoDocument *doc)
{
  guint n = fz_memo_document_get_n_blocks (doc);
  /* The closing stays with the signature, the date and the note: a near-
   * empty last page is also what reviewers complained of. */
  guint closing = _fz_memo_first_of_closing (doc);
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "w:document");
  ATTR (&x, "xmlns:w", W_NS);
  ATTR (&x, "xmlns:r", R_NS);
  START (&x, "w:body");

  for (guint i = 0; i < n; i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);
      gboolean keep = i >= closing && i + 1 < n;

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_LETTERHEAD:
          letterhead (&x, b->text);
          break;
        case FZ_MEMO_BLOCK_NUMBER:
          paragraph (&x, "MemoNumber", b->text);
          break;
        case FZ_MEMO_BLOCK_TITLE:
          paragraph (&x, "MemoTitle", b->text);
          break;
        case FZ_MEMO_BLOCK_ADDRESSEE:
          paragraph (&x, "MemoAddressee", b->text);
          break;
        case FZ_MEMO_BLOCK_META:
          paragraph (&x, "MemoMeta", b->text);
          break;
        case FZ_MEMO_BLOCK_HEADING:
          paragraph (&x, "MemoHeading1", b->text);
          break;
        case FZ_MEMO_BLOCK_PARAGRAPH:
          paragraph_full (&x, "MemoBody", b->lead, b->text, 0, keep);
          break;
        case FZ_MEMO_BLOCK_SIGNATURE:
          /* One empty line between the body and the signature. */
          paragraph_full (&x, "MemoBody", NULL, NULL, 0, TRUE);
          paragraph_full (&x, "MemoSignature", NULL, b->text, _fz_memo_closing_indent (doc, b), keep);
          break;
        case FZ_MEMO_BLOCK_DATE:
          paragraph_full (&x, "MemoSignature", NULL, b->text, _fz_memo_closing_indent (doc, b), keep);
          break;
        case FZ_MEMO_BLOCK_NOTE:
          paragraph_full (&x, "MemoNote", NULL, b->text, 0, keep);
          break;
        case FZ_MEMO_BLOCK_TABLE:
          table (&x, b);
          /* Word joins two adjacent tables, and a body must not end with
           * one: an empty paragraph only where it is needed. */
          if (i + 1 == n || fz_memo_document_get_block (doc, i + 1)->kind == FZ_MEMO_BLOCK_TABLE)
            paragraph (&x, "MemoBody", "");
          break;
        default:
          g_assert_not_reached ();
        }
    }

  START (&x, "w:sectPr");
  START (&x, "w:footerReference");
  ATTR (&x, "w:type", "default");
  ATTR (&x, "r:id", "rId3");
  END (&x);
  START (&x, "w:footerReference");
  ATTR (&x, "w:type", "even");
  ATTR (&x, "r:id", "rId4");
  END (&x);
  START (&x, "w:pgSz");
  _fz_docx_attr_int (&x, "w:w", FZ_MEMO_PAGE_W);
  _fz_docx_attr_int (&x, "w:h", FZ_MEMO_PAGE_H);
  END (&x);
  START (&x, "w:pgMar");
  _fz_docx_attr_int (&x, "w:top", FZ_MEMO_MARGIN_T);
  _fz_docx_attr_int (&x, "w:right", FZ_MEMO_MARGIN_R);
  _fz_docx_attr_int (&x, "w:bottom", FZ_MEMO_MARGIN_B);
  _fz_docx_attr_int (&x, "w:left", FZ_MEMO_MARGIN_L);
  _fz_docx_attr_int (&x, "w:header", 851);
  /* The page number's rules sit 7 mm under the type area (§7.5). */
  _fz_docx_attr_int (&x, "w:footer", FZ_MEMO_MARGIN_B - 397 - 280);
  _fz_docx_attr_int (&x, "w:gutter", 0);
  END (&x);
  /* The 公文 grid: 22 lines of 28 characters. */
  START (&x, "w:docGrid");
  ATTR (&x, "w:type", "linesAndChars");
  ATTR (&x, "w:linePitch", "579");
  ATTR (&x, "w:charSpace", "0");
  END (&x);
  END (&x);

  END (&x);
  END (&x);
  return _fz_docx_xml_end (&x);
}

/* "— 1 —" in 4号 half-width 宋体 under the type area: odd pages at the
 * right, even pages at the left, one character in (GB/T 9704 §7.5). */
static GBytes *
footer_xml (gboolean even)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "w:ftr");
  ATTR (&x, "xmlns:w", W_NS);
  ATTR (&x, "xmlns:r", R_NS);
  START (&x, "w:p");
  START (&x, "w:pPr");
  _fz_docx_val (&x, "w:pStyle", "MemoPageNumber");
  _fz_docx_val (&x, "w:jc", even ? "left" : "right");
  START (&x, "w:ind");
  ATTR (&x, even ? "w:leftChars" : "w:rightChars", "100");
  ATTR (&x, even ? "w:left" : "w:right", "280");
  END (&x);
  END (&x);
  run (&x, "— ");
  START (&x, "w:fldSimple");
  ATTR (&x, "w:instr", " PAGE ");
  run (&x, "1");
  END (&x);
  run (&x, " —");
  END (&x);
  END (&x);
  return _fz_docx_xml_end (&x);
}

static GBytes *
content_types_xml (void)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
    { "/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml" },
    { "/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml" },
    { "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
  };
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "Types");
  ATTR (&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  START (&x, "Default");
  ATTR (&x, "Extension", "rels");
  ATTR (&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  END (&x);
  START (&x, "Default");
  ATTR (&x, "Extension", "xml");
  ATTR (&x, "ContentType", "application/xml");
  END (&x);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      START (&x, "Override");
      ATTR (&x, "PartName", overrides[i].part);
      ATTR (&x, "ContentType", overrides[i].type);
      END (&x);
    }
  END (&x);
  return _fz_docx_xml_end (&x);
}

static void
relationship (Xml        *x,
              const char *id,
              const char *type,
              const char *target)
{
  START (x, "Relationship");
  ATTR (x, "Id", id);
  ATTR (x, "Type", type);
  ATTR (x, "Target", target);
  END (x);
}

static GBytes *
package_rels_xml (void)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "Relationships");
  ATTR (&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  relationship (&x, "rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "word/document.xml");
  relationship (&x, "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  END (&x);
  return _fz_docx_xml_end (&x);
}

static GBytes *
document_rels_xml (void)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "Relationships");
  ATTR (&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  relationship (&x, "rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
                "styles.xml");
  relationship (&x, "rId2",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
                "fontTable.xml");
  relationship (&x, "rId3",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
                "footer1.xml");
  relationship (&x, "rId4",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
                "footer2.xml");
  relationship (&x, "rId5",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
                "settings.xml");
  END (&x);
  return _fz_docx_xml_end (&x);
}

static GBytes *
core_xml (FzMemoDocument *doc)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "cp:coreProperties");
  ATTR (&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  ATTR (&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  ATTR (&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  ATTR (&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:title", BAD_CAST fz_memo_document_get_heading (doc));
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:creator", BAD_CAST "Fazhi Review");
  xmlTextWriterWriteElement (x.w, BAD_CAST "dc:language", BAD_CAST "zh-CN");
  START (&x, "dcterms:created");
  ATTR (&x, "xsi:type", "dcterms:W3CDTF");
  xmlTextWriterWriteString (x.w, BAD_CAST stamp);
  END (&x);
  END (&x);
  return _fz_docx_xml_end (&x);
}

GBytes *
_fz_memo_write_docx (FzMemoDocument  *doc,
                     GError         **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) bytes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  struct
  {
    const char *name;
    GBytes     *bytes;
  } parts[] = {
    /* [Content_Types].xml first, as some readers expect. */
    { "[Content_Types].xml", content_types_xml () },
    { "_rels/.rels", package_rels_xml () },
    { "word/document.xml", document_xml (doc) },
    { "word/_rels/document.xml.rels", document_rels_xml () },
    { "word/styles.xml", _fz_memo_docx_styles_xml () },
    { "word/fontTable.xml", _fz_memo_docx_font_table_xml () },
    { "word/settings.xml", _fz_memo_docx_settings_xml () },
    { "word/footer1.xml", footer_xml (FALSE) },
    { "word/footer2.xml", footer_xml (TRUE) },
    { "docProps/core.xml", core_xml (doc) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_ptr_array_add (names, (gpointer) parts[i].name);
      g_hash_table_insert (bytes, (gpointer) parts[i].name, parts[i].bytes);
    }

  return _fz_package_write (names, bytes, error);
}
