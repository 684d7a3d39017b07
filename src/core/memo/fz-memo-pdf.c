/* fz-memo-pdf.c: the review memo as PDF
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

#include "fz-i18n.h"
#include "fz-memo-private.h"

#define MM(x)     ((x) * 72.0 / 25.4)
#define PAGE_W    MM (210)
#define PAGE_H    MM (297)
#define TOP       MM (37)
#define BOTTOM    (PAGE_H - MM (35))
#define LEFT      MM (28)
#define RIGHT     (PAGE_W - MM (26))
#define TEXT_W    (RIGHT - LEFT)
#define BODY_LINE 28.0          /* points between body baselines */
#define CELL_PAD  4.0

#define FAMILY_TITLE   "FZXiaoBiaoSong-B05S, Noto Serif CJK SC"
#define FAMILY_HEADING "SimHei, Noto Sans CJK SC"
#define FAMILY_KAI     "KaiTi, Noto Serif CJK SC"
#define FAMILY_BODY    "FangSong, Noto Serif CJK SC"

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
draw_page_number (Pen *pen)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FAMILY_BODY " 14");
  g_autofree char *text = g_strdup_printf ("— %u —", pen->page);
  int w, h;

  if (!visible (pen))
    return;
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (pen->cr, (PAGE_W - (double) w / PANGO_SCALE) / 2, BOTTOM + MM (7));
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
             PangoWeight     weight,
             double          width,
             PangoAlignment  align,
             gboolean        indent,
             const char     *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  /* Points are PDF units: without this Pango assumes 96 dpi and every
   * size comes out a third too large. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_justify (layout, indent);
  if (indent)
    pango_layout_set_indent (layout, (int) (2 * size * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @layout line by line at @pitch points per line (0: its natural
 * height), moving to a new page wherever the next line would not fit. */
static void
flow (Pen         *pen,
      PangoLayout *layout,
      double       pitch)
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
          cairo_move_to (pen->cr, LEFT + (double) logical.x / PANGO_SCALE,
                         pen->y + (step - height) / 2 + baseline);
          pango_cairo_show_layout_line (pen->cr, line);
        }
      pen->y += step;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
text_block (Pen            *pen,
            const char     *family,
            double          size,
            PangoWeight     weight,
            PangoAlignment  align,
            gboolean        indent,
            double          pitch,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = make_layout (pen->cr, family, size, weight, TEXT_W, align, indent, text);

  flow (pen, layout, pitch);
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
                                  PANGO_WEIGHT_NORMAL, b->widths[c] * TEXT_W - 2 * CELL_PAD,
                                  header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, FALSE,
                                  cells[c] ? cells[c] : ""));

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
lay_out (FzMemo *self,
         Pen    *pen)
{
  g_autoptr(GPtrArray) blocks = _fz_memo_get_blocks (self);

  cairo_set_source_rgb (pen->cr, 0, 0, 0);

  for (guint i = 0; i < blocks->len; i++)
    {
      const FzMemoBlock *b = g_ptr_array_index (blocks, i);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_TITLE:
          text_block (pen, FAMILY_TITLE, 22, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, FALSE, 0, b->text);
          pen->y += BODY_LINE / 2;
          break;

        case FZ_MEMO_BLOCK_META:
          text_block (pen, FAMILY_KAI, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, FALSE, BODY_LINE, b->text);
          break;

        case FZ_MEMO_BLOCK_HEADING:
          /* Keep a heading with at least two lines of what follows. */
          if (pen->y + 3 * BODY_LINE > BOTTOM)
            new_page (pen);
          text_block (pen, FAMILY_HEADING, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, TRUE, BODY_LINE, b->text);
          break;

        case FZ_MEMO_BLOCK_PARAGRAPH:
          text_block (pen, FAMILY_BODY, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, TRUE, BODY_LINE, b->text);
          break;

        case FZ_MEMO_BLOCK_SIGNATURE:
          text_block (pen, FAMILY_BODY, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, FALSE, BODY_LINE, b->text);
          break;

        case FZ_MEMO_BLOCK_TABLE:
          table_block (pen, b);
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
fz_memo_count_pages (FzMemo  *self,
                     cairo_t *cr)
{
  Pen pen = { cr, TOP, 1, FALSE, G_MAXINT };

  g_return_val_if_fail (FZ_IS_MEMO (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  pen.page = 1;
  lay_out (self, &pen);
  cairo_restore (cr);

  return pen.page;
}

void
fz_memo_draw_page (FzMemo  *self,
                   cairo_t *cr,
                   guint    page)
{
  Pen pen = { cr, TOP, 1, FALSE, (int) page };

  g_return_if_fail (FZ_IS_MEMO (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < G_MAXINT);

  cairo_save (cr);
  lay_out (self, &pen);
  cairo_restore (cr);
}

GBytes *
_fz_memo_write_pdf (FzMemo  *self,
                    GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { NULL, TOP, 1, TRUE, -1 };

  surface = cairo_pdf_surface_create_for_stream (write_cb, out, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fz_memo_get_heading (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Fazhi Review");
  pen.cr = cairo_create (surface);
  lay_out (self, &pen);
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
