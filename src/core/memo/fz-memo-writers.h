/* fz-memo-writers.h: a memo document as a file's bytes, or printed
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "fz-memo-document.h"

G_BEGIN_DECLS

/* GB/T 9704 font names first, then what offices without them have: Word
 * and WPS read the font table's alternative names, and Pango (the PDF and
 * printing) the comma-separated lists with the Noto CJK fonts Debian ships
 * last.  LibreOffice reads neither: it asks fontconfig for the name, which
 * without the 方正 fonts gives the CJK face for Chinese that is installed
 * (Noto Sans CJK SC here), so the name itself must stay the standard's. */
#define FZ_MEMO_FONT_TITLE       "方正小标宋简体"
#define FZ_MEMO_FONT_TITLE_ALT   "宋体"
#define FZ_MEMO_FONT_HEADING     "黑体"
#define FZ_MEMO_FONT_HEADING_ALT "SimHei"
#define FZ_MEMO_FONT_KAI         "楷体_GB2312"
#define FZ_MEMO_FONT_KAI_ALT     "楷体"
#define FZ_MEMO_FONT_BODY        "仿宋_GB2312"
#define FZ_MEMO_FONT_BODY_ALT    "仿宋"
#define FZ_MEMO_FONT_LATIN       "Times New Roman"

/* A4 and the GB/T 9704 type area in twentieths of a point, Word's unit:
 * the memo's pages, and those of a report returned as a .docx of its text. */
#define FZ_MEMO_PAGE_W   11906
#define FZ_MEMO_PAGE_H   16838
#define FZ_MEMO_MARGIN_T 2098   /* 37 mm */
#define FZ_MEMO_MARGIN_B 1984   /* 35 mm */
#define FZ_MEMO_MARGIN_L 1587   /* 28 mm */
#define FZ_MEMO_MARGIN_R 1474   /* 26 mm */

GBytes *_fz_memo_write_docx     (FzMemoDocument  *doc,
                                 GError         **error);
GBytes *_fz_memo_write_pdf      (FzMemoDocument  *doc,
                                 GError         **error);
GBytes *_fz_memo_write_html     (FzMemoDocument  *doc,
                                 GError         **error);
GBytes *_fz_memo_write_markdown (FzMemoDocument  *doc,
                                 GError         **error);

/* Where the writers follow GB/T 9704 alike.  §7.3.5: the closing
 * paragraph, the signature, the date and the note stand on one page (a
 * page with nothing but the signature is what it forbids); the first block
 * of that group, or the number of blocks. */
guint   _fz_memo_first_of_closing (FzMemoDocument    *doc);
/* §7.3.5.2: how far in from the right margin a signature or date block
 * ends, in characters of the body font: the date two, the signature two
 * further in than the date's start is from its end, or two without one. */
double  _fz_memo_closing_indent   (FzMemoDocument    *doc,
                                   const FzMemoBlock *block);

/* Printing: the PDF's pages, drawn with @cr in points from the top-left
 * corner of an A4 sheet.  @page is 0-based; a page past the end draws
 * nothing. */
guint   _fz_memo_count_pages    (FzMemoDocument  *doc,
                                 cairo_t         *cr);
void    _fz_memo_draw_page      (FzMemoDocument  *doc,
                                 cairo_t         *cr,
                                 guint            page);

G_END_DECLS
