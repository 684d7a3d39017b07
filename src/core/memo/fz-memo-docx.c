/* fz-memo-docx.c: a memo as an Office Open XML document
 *
 * Laid out after GB/T 9704 (党政机关公文格式): A4, margins 37 mm top,
 * 35 mm bottom, 28 mm left and 26 mm right, the letterhead and title in
 * 方正小标宋, headings in 黑体, leads in 楷体 and the body in 仿宋_GB2312 三号
 * on a 28 pt line, page numbers "— 1 —" outside the type area.  Written
 * with libxml2's text writer (which escapes everything) and zipped with
 * libarchive.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-memo-writers.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Twentieths of a point: A4 and the GB/T 9704 margins. */
#define PAGE_W   11906
#define PAGE_H   16838
#define MARGIN_T 2098           /* 37 mm */
#define MARGIN_B 1984           /* 35 mm */
#define MARGIN_L 1587           /* 28 mm */
#define MARGIN_R 1474           /* 26 mm */
#define TEXT_W   (PAGE_W - MARGIN_L - MARGIN_R)

#define FONT_LATIN   "Times New Roman"

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr w;
} Xml;

static void
xml_begin (Xml *x)
{
  x->buffer = xmlBufferCreate ();
  x->w = xmlNewTextWriterMemory (x->buffer, 0);
  xmlTextWriterStartDocument (x->w, NULL, "UTF-8", "yes");
}

static GBytes *
xml_end (Xml *x)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (x->w);
  xmlFreeTextWriter (x->w);
  bytes = g_bytes_new (xmlBufferContent (x->buffer), xmlBufferLength (x->buffer));
  xmlBufferFree (x->buffer);

  return bytes;
}

#define START(x, name) xmlTextWriterStartElement ((x)->w, BAD_CAST (name))
#define END(x) xmlTextWriterEndElement ((x)->w)
#define ATTR(x, name, value) xmlTextWriterWriteAttribute ((x)->w, BAD_CAST (name), BAD_CAST (value))

static void
attr_int (Xml        *x,
          const char *name,
          int         value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%d", value);
  ATTR (x, name, buf);
}

/* <NAME w:val="VALUE"/> */
static void
val (Xml        *x,
     const char *name,
     const char *value)
{
  START (x, name);
  ATTR (x, "w:val", value);
  END (x);
}

static void
val_int (Xml        *x,
         const char *name,
         int         value)
{
  START (x, name);
  attr_int (x, "w:val", value);
  END (x);
}

/* The hint makes Word and WPS set the characters Chinese and Western text
 * share (quotation marks, dashes, ellipses) in the Chinese face, as a
 * 公文 sets them, rather than in Times New Roman.  The face LibreOffice
 * falls back to, where the GB/T 9704 fonts are missing, follows the
 * document's East Asian language (zh-CN, in styles_xml()): fontconfig
 * answers with the installed Simplified Chinese face. */
static void
fonts (Xml        *x,
       const char *east_asia)
{
  START (x, "w:rFonts");
  ATTR (x, "w:hint", "eastAsia");
  ATTR (x, "w:ascii", FONT_LATIN);
  ATTR (x, "w:hAnsi", FONT_LATIN);
  ATTR (x, "w:eastAsia", east_asia);
  ATTR (x, "w:cs", FONT_LATIN);
  END (x);
}

/* How wide @text is in characters of the body font: CJK and full-width
 * forms one, everything else half. */
static double
text_chars (const char *text)
{
  double n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 1.0 : 0.5;

  return n;
}

static void
run_with_font (Xml        *x,
               const char *font,
               const char *text)
{
  START (x, "w:r");
  if (font != NULL)
    {
      START (x, "w:rPr");
      fonts (x, font);
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
  val (x, "w:pStyle", style);
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
      attr_int (x, "w:rightChars", (int) (right_chars * 100));
      attr_int (x, "w:right", (int) (right_chars * 320));
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
borders (Xml        *x,
         const char *element)
{
  static const char * const sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };

  START (x, element);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      START (x, sides[i]);
      ATTR (x, "w:val", "single");
      ATTR (x, "w:sz", "4");
      ATTR (x, "w:space", "0");
      ATTR (x, "w:color", "000000");
      END (x);
    }
  END (x);
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
  attr_int (x, "w:w", width);
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
  val (x, "w:tblStyle", "MemoTable");
  START (x, "w:tblW");
  attr_int (x, "w:w", TEXT_W);
  ATTR (x, "w:type", "dxa");
  END (x);
  val (x, "w:jc", "center");
  borders (x, "w:tblBorders");
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
      attr_int (x, "w:w", widths[c]);
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
  val (x, "w:pStyle", "MemoLetterhead");
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

/* The closing stays with the signature, the date and the note: a page
 * holding nothing but the signature is what GB/T 9704 §7.3.5 forbids, and
 * a near-empty last page is what reviewers complained of. */
static guint
first_of_closing (FzMemoDocument *doc)
{
  guint n = fz_memo_document_get_n_blocks (doc);
  guint first = n;

  for (guint i = 0; i < n; i++)
    if (fz_memo_document_get_block (doc, i)->kind == FZ_MEMO_BLOCK_SIGNATURE ||
        fz_memo_document_get_block (doc, i)->kind == FZ_MEMO_BLOCK_DATE)
      {
        first = i;
        break;
      }

  if (first < n && first > 0 &&
      fz_memo_document_get_block (doc, first - 1)->kind == FZ_MEMO_BLOCK_PARAGRAPH)
    first--;

  return first;
}

static GBytes *
document_xml (FzMemoDocument *doc)
{
  guint n = fz_memo_document_get_n_blocks (doc);
  guint closing = first_of_closing (doc);
  double signature_chars = 0, date_chars = 0;
  Xml x;

  /* GB/T 9704 §7.3.5.2: the signature two characters in from the right,
   * the date under it starting two characters further right. */
  for (guint i = 0; i < n; i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (b->kind == FZ_MEMO_BLOCK_SIGNATURE)
        signature_chars = text_chars (b->text);
      else if (b->kind == FZ_MEMO_BLOCK_DATE)
        date_chars = text_chars (b->text);
    }

  xml_begin (&x);
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
          paragraph_full (&x, "MemoSignature", NULL, b->text,
                          date_chars > 0 ? MAX (2.0, 4.0 + date_chars - signature_chars) : 2.0, keep);
          break;
        case FZ_MEMO_BLOCK_DATE:
          paragraph_full (&x, "MemoSignature", NULL, b->text, 2.0, keep);
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
  attr_int (&x, "w:w", PAGE_W);
  attr_int (&x, "w:h", PAGE_H);
  END (&x);
  START (&x, "w:pgMar");
  attr_int (&x, "w:top", MARGIN_T);
  attr_int (&x, "w:right", MARGIN_R);
  attr_int (&x, "w:bottom", MARGIN_B);
  attr_int (&x, "w:left", MARGIN_L);
  attr_int (&x, "w:header", 851);
  /* The page number's rules sit 7 mm under the type area (§7.5). */
  attr_int (&x, "w:footer", MARGIN_B - 397 - 280);
  attr_int (&x, "w:gutter", 0);
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
  return xml_end (&x);
}

/* "— 1 —" in 4号 half-width 宋体 under the type area: odd pages at the
 * right, even pages at the left, one character in (GB/T 9704 §7.5). */
static GBytes *
footer_xml (gboolean even)
{
  Xml x;

  xml_begin (&x);
  START (&x, "w:ftr");
  ATTR (&x, "xmlns:w", W_NS);
  ATTR (&x, "xmlns:r", R_NS);
  START (&x, "w:p");
  START (&x, "w:pPr");
  val (&x, "w:pStyle", "MemoPageNumber");
  val (&x, "w:jc", even ? "left" : "right");
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
  return xml_end (&x);
}

static GBytes *
settings_xml (void)
{
  Xml x;

  xml_begin (&x);
  START (&x, "w:settings");
  ATTR (&x, "xmlns:w", W_NS);
  START (&x, "w:evenAndOddHeaders");
  END (&x);
  START (&x, "w:themeFontLang");
  ATTR (&x, "w:val", "en-US");
  ATTR (&x, "w:eastAsia", "zh-CN");
  END (&x);
  END (&x);
  return xml_end (&x);
}

static void
paragraph_style (Xml        *x,
                 const char *id,
                 const char *name,
                 const char *font,
                 int         half_points,
                 const char *align,
                 gboolean    indent,
                 int         line,
                 int         after,
                 gboolean    keep_next)
{
  START (x, "w:style");
  ATTR (x, "w:type", "paragraph");
  ATTR (x, "w:customStyle", "1");
  ATTR (x, "w:styleId", id);
  val (x, "w:name", name);
  val (x, "w:basedOn", "Normal");
  START (x, "w:qFormat");
  END (x);
  START (x, "w:pPr");
  if (keep_next)
    {
      START (x, "w:keepNext");
      END (x);
    }
  val (x, "w:autoSpaceDE", "0");
  val (x, "w:autoSpaceDN", "0");
  /* The document grid spaces body lines; the title and table text keep
   * their own single spacing off the grid. */
  if (line == 0)
    val (x, "w:snapToGrid", "0");
  START (x, "w:spacing");
  ATTR (x, "w:before", "0");
  attr_int (x, "w:after", after);
  attr_int (x, "w:line", line > 0 ? line : 240);
  ATTR (x, "w:lineRule", line > 0 ? "exact" : "auto");
  END (x);
  if (indent)
    {
      START (x, "w:ind");
      ATTR (x, "w:firstLineChars", "200");
      attr_int (x, "w:firstLine", half_points * 20);
      END (x);
    }
  if (align != NULL)
    val (x, "w:jc", align);
  END (x);
  START (x, "w:rPr");
  fonts (x, font);
  val_int (x, "w:sz", half_points);
  val_int (x, "w:szCs", half_points);
  END (x);
  END (x);
}

/* The 发文机关标志's red 小标宋; its line is drawn by letterhead(). */
static void
letterhead_style (Xml *x)
{
  START (x, "w:style");
  ATTR (x, "w:type", "paragraph");
  ATTR (x, "w:customStyle", "1");
  ATTR (x, "w:styleId", "MemoLetterhead");
  val (x, "w:name", "Memo Letterhead");
  val (x, "w:basedOn", "Normal");
  START (x, "w:qFormat");
  END (x);
  START (x, "w:pPr");
  START (x, "w:keepNext");
  END (x);
  val (x, "w:snapToGrid", "0");
  START (x, "w:spacing");
  ATTR (x, "w:before", "0");
  ATTR (x, "w:after", "280");
  ATTR (x, "w:line", "240");
  ATTR (x, "w:lineRule", "auto");
  END (x);
  val (x, "w:jc", "center");
  END (x);
  START (x, "w:rPr");
  fonts (x, FZ_MEMO_FONT_TITLE);
  val (x, "w:color", "E00000");
  val_int (x, "w:sz", 52);
  val_int (x, "w:szCs", 52);
  END (x);
  END (x);
}

static GBytes *
styles_xml (void)
{
  Xml x;

  xml_begin (&x);
  START (&x, "w:styles");
  ATTR (&x, "xmlns:w", W_NS);

  START (&x, "w:docDefaults");
  START (&x, "w:rPrDefault");
  START (&x, "w:rPr");
  fonts (&x, FZ_MEMO_FONT_BODY);
  val_int (&x, "w:sz", 32);
  val_int (&x, "w:szCs", 32);
  START (&x, "w:lang");
  ATTR (&x, "w:val", "en-US");
  ATTR (&x, "w:eastAsia", "zh-CN");
  END (&x);
  END (&x);
  END (&x);
  START (&x, "w:pPrDefault");
  START (&x, "w:pPr");
  START (&x, "w:widowControl");
  END (&x);
  /* No extra space between Chinese and Latin or digits: 公文 set
   * "2024年" close, and the date must line up under the signature. */
  val (&x, "w:autoSpaceDE", "0");
  val (&x, "w:autoSpaceDN", "0");
  START (&x, "w:spacing");
  ATTR (&x, "w:line", "560");
  ATTR (&x, "w:lineRule", "exact");
  END (&x);
  START (&x, "w:jc");
  ATTR (&x, "w:val", "both");
  END (&x);
  END (&x);
  END (&x);
  END (&x);

  START (&x, "w:style");
  ATTR (&x, "w:type", "paragraph");
  ATTR (&x, "w:default", "1");
  ATTR (&x, "w:styleId", "Normal");
  val (&x, "w:name", "Normal");
  START (&x, "w:qFormat");
  END (&x);
  END (&x);

  /* 一号 = 26 pt, 二号 = 22 pt, 三号 = 16 pt, 四号 = 14 pt, 小四 = 12 pt. */
  letterhead_style (&x);
  paragraph_style (&x, "MemoNumber", "Memo Number", FZ_MEMO_FONT_BODY, 32, "right", FALSE, 560, 0, TRUE);
  paragraph_style (&x, "MemoTitle", "Memo Title", FZ_MEMO_FONT_TITLE, 44, "center", FALSE, 0, 560, TRUE);
  paragraph_style (&x, "MemoAddressee", "Memo Addressee", FZ_MEMO_FONT_BODY, 32, "left", FALSE, 560, 0, TRUE);
  paragraph_style (&x, "MemoMeta", "Memo Header Line", FZ_MEMO_FONT_KAI, 32, "left", FALSE, 560, 0, FALSE);
  paragraph_style (&x, "MemoHeading1", "Memo Heading 1", FZ_MEMO_FONT_HEADING, 32, NULL, TRUE, 560, 0, TRUE);
  paragraph_style (&x, "MemoBody", "Memo Body", FZ_MEMO_FONT_BODY, 32, NULL, TRUE, 560, 0, FALSE);
  paragraph_style (&x, "MemoSignature", "Memo Signature", FZ_MEMO_FONT_BODY, 32, "right", FALSE, 560, 0, FALSE);
  paragraph_style (&x, "MemoNote", "Memo Note", FZ_MEMO_FONT_BODY, 32, "left", TRUE, 560, 0, FALSE);
  paragraph_style (&x, "MemoTableHeader", "Memo Table Header", FZ_MEMO_FONT_HEADING, 24, "center", FALSE, 0, 0, FALSE);
  paragraph_style (&x, "MemoTableText", "Memo Table Text", FZ_MEMO_FONT_BODY, 24, "left", FALSE, 0, 0, FALSE);
  paragraph_style (&x, "MemoPageNumber", "Memo Page Number", FZ_MEMO_FONT_TITLE_ALT, 28, NULL, FALSE, 0, 0, FALSE);

  START (&x, "w:style");
  ATTR (&x, "w:type", "table");
  ATTR (&x, "w:customStyle", "1");
  ATTR (&x, "w:styleId", "MemoTable");
  val (&x, "w:name", "Memo Table");
  START (&x, "w:tblPr");
  borders (&x, "w:tblBorders");
  END (&x);
  END (&x);

  END (&x);
  return xml_end (&x);
}

static void
font_entry (Xml        *x,
            const char *name,
            const char *alt,
            const char *family)
{
  START (x, "w:font");
  ATTR (x, "w:name", name);
  if (alt != NULL)
    val (x, "w:altName", alt);
  val (x, "w:charset", "86");
  val (x, "w:family", family);
  val (x, "w:pitch", "variable");
  END (x);
}

/* Word and WPS use a font's alternative name when the font is not
 * installed: the GB/T 9704 faces fall back to those every Chinese Windows
 * and WPS install has. */
static GBytes *
font_table_xml (void)
{
  Xml x;

  xml_begin (&x);
  START (&x, "w:fonts");
  ATTR (&x, "xmlns:w", W_NS);
  font_entry (&x, FZ_MEMO_FONT_TITLE, FZ_MEMO_FONT_TITLE_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_HEADING, FZ_MEMO_FONT_HEADING_ALT, "modern");
  font_entry (&x, FZ_MEMO_FONT_KAI, FZ_MEMO_FONT_KAI_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_BODY, FZ_MEMO_FONT_BODY_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_TITLE_ALT, "SimSun", "roman");
  font_entry (&x, FONT_LATIN, NULL, "roman");
  END (&x);
  return xml_end (&x);
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

  xml_begin (&x);
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
  return xml_end (&x);
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

  xml_begin (&x);
  START (&x, "Relationships");
  ATTR (&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  relationship (&x, "rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "word/document.xml");
  relationship (&x, "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  END (&x);
  return xml_end (&x);
}

static GBytes *
document_rels_xml (void)
{
  Xml x;

  xml_begin (&x);
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
  return xml_end (&x);
}

static GBytes *
core_xml (FzMemoDocument *doc)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Xml x;

  xml_begin (&x);
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
  return xml_end (&x);
}

static la_ssize_t
archive_write_cb (struct archive *a,
                  void           *user_data,
                  const void     *buffer,
                  size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

static gboolean
add_part (struct archive  *a,
          const char      *name,
          GBytes          *bytes,
          GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, len);
  archive_entry_set_mtime (entry, (time_t) (g_get_real_time () / G_USEC_PER_SEC), 0);

  ok = archive_write_header (a, entry) == ARCHIVE_OK &&
       archive_write_data (a, data, len) == (la_ssize_t) len;
  if (!ok)
    g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                 _("Could not build the .docx file: %s"), archive_error_string (a));
  archive_entry_free (entry);

  return ok;
}

GBytes *
_fz_memo_write_docx (FzMemoDocument  *doc,
                     GError         **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  struct archive *a = archive_write_new ();
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
    { "word/styles.xml", styles_xml () },
    { "word/fontTable.xml", font_table_xml () },
    { "word/settings.xml", settings_xml () },
    { "word/footer1.xml", footer_xml (FALSE) },
    { "word/footer2.xml", footer_xml (TRUE) },
    { "docProps/core.xml", core_xml (doc) },
  };
  gboolean ok;

  ok = archive_write_set_format_zip (a) == ARCHIVE_OK &&
       archive_write_set_bytes_in_last_block (a, 1) == ARCHIVE_OK &&
       archive_write_open (a, out, NULL, archive_write_cb, NULL) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                 _("Could not build the .docx file: %s"), archive_error_string (a));

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (ok)
        ok = add_part (a, parts[i].name, parts[i].bytes, error);
      g_bytes_unref (parts[i].bytes);
    }

  if (ok && archive_write_close (a) != ARCHIVE_OK)
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                   _("Could not build the .docx file: %s"), archive_error_string (a));
      ok = FALSE;
    }
  archive_write_free (a);

  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
