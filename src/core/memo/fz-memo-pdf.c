/* fz-memo-pdf.c: a memo as PDF, and printed
 *
 * Drawn with cairo and Pango on A4 with the GB/T 9704 margins, body text
 * on a fixed 28 pt line as in the .docx.  Cairo embeds a subset of every
 * font it draws with, so the PDF reads the same on a machine without CJK
 * fonts.  The families name the usual 公文 fonts first and the Noto CJK
 * fonts Debian ships (fonts-noto-cjk) after them.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-memo-writers.h"

#define MM(x)     ((x) * 72.0 / 25.4)
#define PAGE_W    MM (210)
#define PAGE_H    MM (297)
#define TOP       MM (37)
#define BOTTOM    (PAGE_H - MM (35))
#define LEFT      MM (28)
#define RIGHT     (PAGE_W - MM (26))
#define TEXT_W    (RIGHT - LEFT)
#define BODY_SIZE 16.0          /* 三号 */
#define BODY_LINE 28.0          /* points between body baselines */
#define CELL_PAD  4.0

#define FAMILY_TITLE   FZ_MEMO_FONT_TITLE ", FZXiaoBiaoSong-B05S, " FZ_MEMO_FONT_TITLE_ALT ", SimSun, Noto Serif CJK SC, serif"
#define FAMILY_HEADING FZ_MEMO_FONT_HEADING ", SimHei, Noto Sans CJK SC, sans-serif"
#define FAMILY_KAI     FZ_MEMO_FONT_KAI ", " FZ_MEMO_FONT_KAI_ALT ", KaiTi, Noto Serif CJK SC, serif"
#define FAMILY_BODY    FZ_MEMO_FONT_BODY ", " FZ_MEMO_FONT_BODY_ALT ", FangSong, Noto Serif CJK SC, serif"
#define FAMILY_NUMBER  FZ_MEMO_FONT_TITLE_ALT ", SimSun, Noto Serif CJK SC, serif"

/* The same pass lays out the whole memo for the PDF (every page drawn,
 * cairo_show_page between them) and for printing (only @only_page drawn,
 * 0-based; nothing drawn when counting pages). */
typedef struct
{
  cairo_t  *cr;
  double    y;
  guint     page;               /* 1-based */
  gboolean  pdf;
  int       only_page;          /* -1: every page */
} Pen;

static gboolean
visible (Pen *pen)
{
  return pen->only_page < 0 || (guint) pen->only_page + 1 == pen->page;
}

static void
prepare_layout (PangoLayout *layout)
{
  /* Points are PDF units: without this Pango assumes 96 dpi and every
   * size comes out a third too large. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
}

/* "— 1 —" in 4号 half-width 宋体 7 mm under the type area: odd pages at
 * the right, even pages at the left, one character in (GB/T 9704 §7.5). */
static void
draw_page_number (Pen *pen)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FAMILY_NUMBER " 14");
  g_autofree char *text = g_strdup_printf ("— %u —", pen->page);
  int w, h;
  double x;

  if (!visible (pen))
    return;
  prepare_layout (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (pen->page % 2 == 1)
    x = RIGHT - 14.0 - (double) w / PANGO_SCALE;
  else
    x = LEFT + 14.0;
  cairo_move_to (pen->cr, x, BOTTOM + MM (7));
  pango_cairo_show_layout (pen->cr, layout);
}

static void
new_page (Pen *pen)
{
  draw_page_number (pen);
  if (pen->pdf)
    cairo_show_page (pen->cr);
  pen->page++;
  pen->y = TOP;
}

static PangoLayout *
make_layout (cairo_t        *cr,
             const char     *family,
             double          size,
             double          width,
             PangoAlignment  align,
             gboolean        indent,
             const char     *lead,
             const char     *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  prepare_layout (layout);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_justify (layout, indent);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));

  if (lead != NULL && *lead != '\0')
    {
      /* The lead (（一）关于…。) in 楷体, the rest in the layout's font. */
      g_autofree char *whole = g_strconcat (lead, text, NULL);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *kai = pango_attr_family_new (FAMILY_KAI);

      kai->start_index = 0;
      kai->end_index = strlen (lead);
      pango_attr_list_insert (attrs, kai);
      pango_layout_set_text (layout, whole, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @layout line by line at @pitch points per line (0: its natural
 * height), from @x_offset, moving to a new page wherever the next line
 * would not fit. */
static void
flow (Pen         *pen,
      PangoLayout *layout,
      double       pitch,
      double       x_offset)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline, step;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      step = pitch > 0 ? MAX (pitch, height) : height;

      if (pen->y + step > BOTTOM && pen->y > TOP)
        new_page (pen);

      if (visible (pen))
        {
          cairo_move_to (pen->cr, LEFT + x_offset + (double) logical.x / PANGO_SCALE,
                         pen->y + (step - height) / 2 + baseline);
          pango_cairo_show_layout_line (pen->cr, line);
        }
      pen->y += step;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static double
layout_lines_height (PangoLayout *layout,
                     double       pitch)
{
  int w, h;

  if (pitch > 0)
    return pitch * pango_layout_get_line_count (layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
row_height (GPtrArray *layouts)
{
  double height = 0;

  for (guint c = 0; c < layouts->len; c++)
    {
      int w, h;

      pango_layout_get_size (g_ptr_array_index (layouts, c), &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
    }

  return height + 2 * CELL_PAD;
}

static GPtrArray *
row_layouts (Pen               *pen,
             const FzMemoBlock *b,
             char             **cells,
             gboolean           header)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; b->header[c] != NULL; c++)
    g_ptr_array_add (layouts,
                     make_layout (pen->cr, header ? FAMILY_HEADING : FAMILY_BODY, 12,
                                  b->widths[c] * TEXT_W - 2 * CELL_PAD,
                                  header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, FALSE,
                                  NULL, cells[c] ? cells[c] : ""));

  return layouts;
}

static void
draw_row (Pen               *pen,
          const FzMemoBlock *b,
          GPtrArray         *layouts,
          double             height)
{
  double x = LEFT;

  if (!visible (pen))
    {
      pen->y += height;
      return;
    }

  cairo_set_line_width (pen->cr, 0.6);
  for (guint c = 0; c < layouts->len; c++)
    {
      double w = b->widths[c] * TEXT_W;

      cairo_rectangle (pen->cr, x, pen->y, w, height);
      cairo_stroke (pen->cr);
      cairo_move_to (pen->cr, x + CELL_PAD, pen->y + CELL_PAD);
      pango_cairo_show_layout (pen->cr, g_ptr_array_index (layouts, c));
      x += w;
    }
  pen->y += height;
}

static void
table_block (Pen               *pen,
             const FzMemoBlock *b)
{
  g_autoptr(GPtrArray) header = row_layouts (pen, b, b->header, TRUE);
  double header_height = row_height (header);

  pen->y += 6;
  if (pen->y + header_height * 2 > BOTTOM)
    new_page (pen);
  draw_row (pen, b, header, header_height);

  for (guint r = 0; r < b->rows->len; r++)
    {
      g_autoptr(GPtrArray) layouts = row_layouts (pen, b, g_ptr_array_index (b->rows, r), FALSE);
      double height = row_height (layouts);

      /* A row is never split; the header is repeated on the new page. */
      if (pen->y + height > BOTTOM && pen->y > TOP + header_height)
        {
          new_page (pen);
          draw_row (pen, b, header, header_height);
        }
      draw_row (pen, b, layouts, height);
    }
  pen->y += 10;
}

/* The red 发文机关标志 and the red double line under it. */
static void
letterhead_block (Pen               *pen,
                  const FzMemoBlock *b)
{
  g_autoptr(PangoLayout) layout = make_layout (pen->cr, FAMILY_TITLE, 26, TEXT_W,
                                               PANGO_ALIGN_CENTER, FALSE, NULL, b->text);
  double line_y;

  cairo_save (pen->cr);
  cairo_set_source_rgb (pen->cr, 0.88, 0, 0);
  flow (pen, layout, 0, 0);
  line_y = pen->y + 6;
  if (visible (pen))
    {
      cairo_set_line_width (pen->cr, 2.0);
      cairo_move_to (pen->cr, LEFT, line_y);
      cairo_line_to (pen->cr, RIGHT, line_y);
      cairo_stroke (pen->cr);
      cairo_set_line_width (pen->cr, 0.6);
      cairo_move_to (pen->cr, LEFT, line_y + 3);
      cairo_line_to (pen->cr, RIGHT, line_y + 3);
      cairo_stroke (pen->cr);
    }
  cairo_restore (pen->cr);
  pen->y = line_y + 3 + BODY_LINE / 2;
}

typedef struct
{
  const char     *family;
  double          size;
  PangoAlignment  align;
  gboolean        indent;
  double          pitch;
  double          before;
  double          after;
  double          right_chars;  /* right indent, in body characters */
} Style;

static Style
block_style (FzMemoDocument    *doc,
             const FzMemoBlock *b)
{
  Style style = { FAMILY_BODY, BODY_SIZE, PANGO_ALIGN_LEFT, TRUE, BODY_LINE, 0, 0, 0 };

  switch (b->kind)
    {
    case FZ_MEMO_BLOCK_NUMBER:
      style.align = PANGO_ALIGN_RIGHT;
      style.indent = FALSE;
      break;
    case FZ_MEMO_BLOCK_TITLE:
      style.family = FAMILY_TITLE;
      style.size = 22;
      style.align = PANGO_ALIGN_CENTER;
      style.indent = FALSE;
      style.pitch = 0;
      style.after = BODY_LINE;
      break;
    case FZ_MEMO_BLOCK_ADDRESSEE:
      style.indent = FALSE;
      break;
    case FZ_MEMO_BLOCK_META:
      style.family = FAMILY_KAI;
      style.indent = FALSE;
      break;
    case FZ_MEMO_BLOCK_HEADING:
      style.family = FAMILY_HEADING;
      break;
    case FZ_MEMO_BLOCK_SIGNATURE:
    case FZ_MEMO_BLOCK_DATE:
      style.align = PANGO_ALIGN_RIGHT;
      style.indent = FALSE;
      style.right_chars = _fz_memo_closing_indent (doc, b);
      if (b->kind == FZ_MEMO_BLOCK_SIGNATURE)
        style.before = BODY_LINE;
      break;
    case FZ_MEMO_BLOCK_PARAGRAPH:
    case FZ_MEMO_BLOCK_NOTE:
    case FZ_MEMO_BLOCK_LETTERHEAD:
    case FZ_MEMO_BLOCK_TABLE:
    default:
      break;
    }

  return style;
}

static PangoLayout *
block_layout (Pen               *pen,
              const Style       *style,
              const FzMemoBlock *b)
{
  double right = style->right_chars * BODY_SIZE;

  return make_layout (pen->cr, style->family, style->size, TEXT_W - right, style->align,
                      style->indent, b->lead, b->text);
}

static void
text_block (Pen               *pen,
            FzMemoDocument    *doc,
            const FzMemoBlock *b)
{
  Style style = block_style (doc, b);
  g_autoptr(PangoLayout) layout = block_layout (pen, &style, b);

  pen->y += style.before;
  flow (pen, layout, style.pitch, 0);
  pen->y += style.after;
}

static double
closing_height (Pen            *pen,
                FzMemoDocument *doc,
                guint           first)
{
  double height = 0;

  for (guint i = first; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);
      Style style = block_style (doc, b);
      g_autoptr(PangoLayout) layout = NULL;

      if (b->kind == FZ_MEMO_BLOCK_TABLE || b->kind == FZ_MEMO_BLOCK_LETTERHEAD)
        continue;
      layout = block_layout (pen, &style, b);
      height += style.before + layout_lines_height (layout, style.pitch) + style.after;
    }

  return height;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Lays out every block with @pen; returns the number of pages. */
static guint
lay_out (FzMemoDocument *doc,
         Pen            *pen)
{
  guint n = fz_memo_document_get_n_blocks (doc);
  guint closing = _fz_memo_first_of_closing (doc);

  cairo_set_source_rgb (pen->cr, 0, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (i == closing && closing < n && pen->y > TOP &&
          pen->y + closing_height (pen, doc, closing) > BOTTOM)
        new_page (pen);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_LETTERHEAD:
          letterhead_block (pen, b);
          break;

        case FZ_MEMO_BLOCK_HEADING:
          /* Keep a heading with at least two lines of what follows. */
          if (pen->y + 3 * BODY_LINE > BOTTOM)
            new_page (pen);
          text_block (pen, doc, b);
          break;

        case FZ_MEMO_BLOCK_TABLE:
          table_block (pen, b);
          break;

        case FZ_MEMO_BLOCK_NUMBER:
        case FZ_MEMO_BLOCK_TITLE:
        case FZ_MEMO_BLOCK_ADDRESSEE:
        case FZ_MEMO_BLOCK_META:
        case FZ_MEMO_BLOCK_PARAGRAPH:
        case FZ_MEMO_BLOCK_SIGNATURE:
        case FZ_MEMO_BLOCK_DATE:
        case FZ_MEMO_BLOCK_NOTE:
          text_block (pen, doc, b);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  draw_page_number (pen);
  if (pen->pdf)
    cairo_show_page (pen->cr);

  return pen->page;
}

guint
_fz_memo_count_pages (FzMemoDocument *doc,
                      cairo_t        *cr)
{
  Pen pen = { cr, TOP, 1, FALSE, G_MAXINT };

  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (doc), 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  lay_out (doc, &pen);
  cairo_restore (cr);

  return pen.page;
}

void
_fz_memo_draw_page (FzMemoDocument *doc,
                    cairo_t        *cr,
                    guint           page)
{
  Pen pen = { cr, TOP, 1, FALSE, (int) page };

  g_return_if_fail (FZ_IS_MEMO_DOCUMENT (doc));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < G_MAXINT);

  cairo_save (cr);
  lay_out (doc, &pen);
  cairo_restore (cr);
}

GBytes *
_fz_memo_write_pdf (FzMemoDocument  *doc,
                    GError         **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, TOP, 1, TRUE, -1 };

  surface = cairo_pdf_surface_create_for_stream (write_cb, out, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fz_memo_document_get_heading (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fazhi Review");
  pen.cr = cairo_create (surface);
  lay_out (doc, &pen);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                   _("Could not draw the PDF memo: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
