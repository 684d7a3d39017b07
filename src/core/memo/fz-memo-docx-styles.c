/* fz-memo-docx-styles.c: the memo .docx's styles, fonts and settings
 *
 * The paragraph styles carry the GB/T 9704 faces and sizes, so the body
 * (fz-memo-docx.c) names a style and nothing more; the font table says
 * which faces stand in for them where they are missing.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-memo-docx-private.h"

GBytes *
_fz_memo_docx_settings_xml (void)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "w:settings");
  ATTR (&x, "xmlns:w", W_NS);
  START (&x, "w:evenAndOddHeaders");
  END (&x);
  START (&x, "w:themeFontLang");
  ATTR (&x, "w:val", "en-US");
  ATTR (&x, "w:eastAsia", "zh-CN");
  END (&x);
  END (&x);
  return _fz_docx_xml_end (&x);
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
  _fz_docx_val (x, "w:name", name);
  _fz_docx_val (x, "w:basedOn", "Normal");
  START (x, "w:qFormat");
  END (x);
  START (x, "w:pPr");
  if (keep_next)
    {
      START (x, "w:keepNext");
      END (x);
    }
  _fz_docx_val (x, "w:autoSpaceDE", "0");
  _fz_docx_val (x, "w:autoSpaceDN", "0");
  /* The document grid spaces body lines; the title and table text keep
   * their own single spacing off the grid. */
  if (line == 0)
    _fz_docx_val (x, "w:snapToGrid", "0");
  START (x, "w:spacing");
  ATTR (x, "w:before", "0");
  _fz_docx_attr_int (x, "w:after", after);
  _fz_docx_attr_int (x, "w:line", line > 0 ? line : 240);
  ATTR (x, "w:lineRule", line > 0 ? "exact" : "auto");
  END (x);
  if (indent)
    {
      START (x, "w:ind");
      ATTR (x, "w:firstLineChars", "200");
      _fz_docx_attr_int (x, "w:firstLine", half_points * 20);
      END (x);
    }
  if (align != NULL)
    _fz_docx_val (x, "w:jc", align);
  END (x);
  START (x, "w:rPr");
  _fz_docx_fonts (x, font);
  _fz_docx_val_int (x, "w:sz", half_points);
  _fz_docx_val_int (x, "w:szCs", half_points);
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
  _fz_docx_val (x, "w:name", "Memo Letterhead");
  _fz_docx_val (x, "w:basedOn", "Normal");
  START (x, "w:qFormat");
  END (x);
  START (x, "w:pPr");
  START (x, "w:keepNext");
  END (x);
  _fz_docx_val (x, "w:snapToGrid", "0");
  START (x, "w:spacing");
  ATTR (x, "w:before", "0");
  ATTR (x, "w:after", "280");
  ATTR (x, "w:line", "240");
  ATTR (x, "w:lineRule", "auto");
  END (x);
  _fz_docx_val (x, "w:jc", "center");
  END (x);
  START (x, "w:rPr");
  _fz_docx_fonts (x, FZ_MEMO_FONT_TITLE);
  _fz_docx_val (x, "w:color", "E00000");
  _fz_docx_val_int (x, "w:sz", 52);
  _fz_docx_val_int (x, "w:szCs", 52);
  END (x);
  END (x);
}

GBytes *
_fz_memo_docx_styles_xml (void)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "w:styles");
  ATTR (&x, "xmlns:w", W_NS);

  START (&x, "w:docDefaults");
  START (&x, "w:rPrDefault");
  START (&x, "w:rPr");
  _fz_docx_fonts (&x, FZ_MEMO_FONT_BODY);
  _fz_docx_val_int (&x, "w:sz", 32);
  _fz_docx_val_int (&x, "w:szCs", 32);
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
  _fz_docx_val (&x, "w:autoSpaceDE", "0");
  _fz_docx_val (&x, "w:autoSpaceDN", "0");
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
  _fz_docx_val (&x, "w:name", "Normal");
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
  _fz_docx_val (&x, "w:name", "Memo Table");
  START (&x, "w:tblPr");
  _fz_docx_borders (&x, "w:tblBorders");
  END (&x);
  END (&x);

  END (&x);
  return _fz_docx_xml_end (&x);
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
    _fz_docx_val (x, "w:altName", alt);
  _fz_docx_val (x, "w:charset", "86");
  _fz_docx_val (x, "w:family", family);
  _fz_docx_val (x, "w:pitch", "variable");
  END (x);
}

/* Word and WPS use a font's alternative name when the font is not
 * installed: the GB/T 9704 faces fall back to those every Chinese Windows
 * and WPS install has. */
GBytes *
_fz_memo_docx_font_table_xml (void)
{
  Xml x;

  _fz_docx_xml_begin (&x);
  START (&x, "w:fonts");
  ATTR (&x, "xmlns:w", W_NS);
  font_entry (&x, FZ_MEMO_FONT_TITLE, FZ_MEMO_FONT_TITLE_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_HEADING, FZ_MEMO_FONT_HEADING_ALT, "modern");
  font_entry (&x, FZ_MEMO_FONT_KAI, FZ_MEMO_FONT_KAI_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_BODY, FZ_MEMO_FONT_BODY_ALT, "roman");
  font_entry (&x, FZ_MEMO_FONT_TITLE_ALT, "SimSun", "roman");
  font_entry (&x, FZ_MEMO_FONT_LATIN, NULL, "roman");
  END (&x);
  return _fz_docx_xml_end (&x);
}
