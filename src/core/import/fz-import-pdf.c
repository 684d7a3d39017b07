/* fz-import-pdf.c: PDF reports, through poppler
 *
 * A PDF has lines, not paragraphs.  Each page's lines go to the
 * normalizer, which joins them back into paragraphs (Chinese without a
 * space) and drops page numbers; running headers and footers are removed
 * here, since only the pages together show what repeats.  Rotated and
 * vertical text is read, and so are the values filled into form fields.
 * A scan has no text at all, and says so instead of opening empty.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <poppler.h>

#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-text-util.h"

#define MAX_PAGES 2000

static guint
count_visible (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (fz_unichar_is_visible (g_utf8_get_char (p)))
      n++;
  return n;
}

static gboolean
has_images (PopplerPage *page)
{
  GList *images = poppler_page_get_image_mapping (page);
  gboolean any = images != NULL;

  poppler_page_free_image_mapping (images);
  return any;
}

/* The page's text and the selection it was taken from.  poppler selects
 * text as a flow from one corner of the selection to the other, by
 * coordinates that need not fall inside the page's own box: rotated and
 * vertical text, and pages turned upside down, drop out of a selection of
 * just the page.  The whole page and well around it is selected from
 * either diagonal, and the fuller text kept. */
static char *
page_text (PopplerPage      *page,
           PopplerRectangle *area)
{
  double width = 0, height = 0, m;
  char *best = NULL;
  gsize best_len = 0;

  poppler_page_get_size (page, &width, &height);
  m = MAX (MAX (width, height), 1.0);
  if (!isfinite (m) || m > 1e6)
    m = 1e6;

  for (guint k = 0; k < 2; k++)
    {
      PopplerRectangle r = { -m, k == 0 ? -m : 2 * m, 2 * m, k == 0 ? 2 * m : -m };
      char *text = poppler_page_get_text_for_area (page, &r);
      gsize len = text ? strlen (text) : 0;

      if (best == NULL || len > best_len)
        {
          g_free (best);
          best = text;
          best_len = len;
          *area = r;
        }
      else
        g_free (text);
    }
  return best;
}

/* The values filled into the page's form fields, where they stand: the
 * text of a filled-in form is in its fields, not in the page. */
static void
add_form_fields (PopplerPage *page,
                 GArray      *lines,
                 double       page_width,
                 double       page_height)
{
  GList *mapping = poppler_page_get_form_field_mapping (page);

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerFormFieldMapping *m = l->data;
      PopplerFormField *field = m->field;
      g_autoptr(GString) value = g_string_new (NULL);
      FzPageLine line = { 0 };

      switch (poppler_form_field_get_field_type (field))
        {
        case POPPLER_FORM_FIELD_TEXT:
          {
            g_autofree char *text = poppler_form_field_text_get_text (field);
            if (text != NULL)
              g_string_append (value, text);
          }
          break;
        case POPPLER_FORM_FIELD_CHOICE:
          if (poppler_form_field_choice_is_editable (field))
            {
              g_autofree char *text = poppler_form_field_choice_get_text (field);
              if (text != NULL)
                g_string_append (value, text);
            }
          for (int i = 0; value->len == 0 && i < poppler_form_field_choice_get_n_items (field); i++)
            if (poppler_form_field_choice_is_item_selected (field, i))
              {
                g_autofree char *item = poppler_form_field_choice_get_item (field, i);
                if (item != NULL)
                  g_string_append_printf (value, "%s%s", value->len ? " " : "", item);
              }
          break;
        case POPPLER_FORM_FIELD_BUTTON:
        case POPPLER_FORM_FIELD_SIGNATURE:
        case POPPLER_FORM_FIELD_UNKNOWN:
        default:
          break;
        }

      g_strdelimit (value->str, "\r\n\t", ' ');
      g_strstrip (value->str);
      if (value->str[0] == '\0' || !g_utf8_validate (value->str, -1, NULL) ||
          !isfinite (m->area.x1) || !isfinite (m->area.y1) || !isfinite (m->area.x2) || !isfinite (m->area.y2))
        continue;
      /* Field areas count from the bottom of the page, text from the top. */
      line.text = g_strdup (value->str);
      line.left = MIN (m->area.x1, m->area.x2);
      line.right = MAX (m->area.x1, m->area.x2);
      line.top = page_height - MAX (m->area.y1, m->area.y2);
      line.bottom = page_height - MIN (m->area.y1, m->area.y2);
      line.page_width = page_width;
      g_array_append_val (lines, line);
    }
  poppler_page_free_form_field_mapping (mapping);
}

/* The page's lines with where they stand, from poppler's text and the box
 * of each of its characters (newlines included, one box per character),
 * and the values of its form fields. */
static GArray *
page_lines (PopplerPage      *page,
            const char       *text,
            PopplerRectangle *area)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (FzPageLine));
  PopplerRectangle *boxes = NULL;
  double width = 0, height = 0;
  guint n_boxes = 0;
  glong n_chars = g_utf8_strlen (text, -1);
  gboolean geometry;
  const char *p = text;
  guint index = 0;

  g_array_set_clear_func (lines, _fz_page_line_clear);
  poppler_page_get_size (page, &width, &height);
  geometry = n_chars == 0 ||
             (poppler_page_get_text_layout_for_area (page, area, &boxes, &n_boxes) && n_boxes == (guint) n_chars);

  while (*p)
    {
      FzPageLine line = { 0 };
      const char *start = p;
      const char *last_end = p;   /* after the last visible character */
      gboolean first = TRUE;

      while (*p && *p != '\n' && *p != '\r' && *p != '\f')
        {
          gunichar c = g_utf8_get_char (p);

          if (geometry && !g_unichar_isspace (c))
            {
              const PopplerRectangle *r = &boxes[index];
              double em = line.bottom - line.top;

              /* poppler puts cells of a table row on one line with a
               * single space: a gap of several characters splits them
               * again, for the merge to mark. */
              if (!first && em > 0 && r->x1 - line.right > 1.5 * em)
                {
                  line.text = g_strndup (start, last_end - start);
                  line.page_width = isfinite (width) && width > 0 ? width : 0;
                  g_array_append_val (lines, line);
                  memset (&line, 0, sizeof line);
                  start = p;
                  first = TRUE;
                }
              if (first)
                {
                  line.left = r->x1;
                  line.top = r->y1;
                  line.bottom = r->y2;
                  first = FALSE;
                }
              line.right = MAX (line.right, r->x2);
              line.top = MIN (line.top, r->y1);
              line.bottom = MAX (line.bottom, r->y2);
              last_end = g_utf8_next_char (p);
            }
          p = g_utf8_next_char (p);
          index++;
        }
      line.text = g_strndup (start, p - start);
      line.page_width = isfinite (width) && width > 0 ? width : 0;
      g_array_append_val (lines, line);
      if (*p)
        {
          p++;
          index++;
        }
    }

  g_free (boxes);
  if (geometry)
    {
      add_form_fields (page, lines, isfinite (width) && width > 0 ? width : 0, height);
      return _fz_page_lines_merge (lines);
    }
  return lines;
}

FzDocument *
_fz_import_pdf (GBytes        *bytes,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *pdf;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) empty_pages = NULL;
  guint n_scanned = 0;
  guint64 total_visible = 0;
  int n_pages;
  FzDocument *doc;

  pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCRYPTED,
                             _("The PDF is protected by a password. Ask the sender for a copy without a password."));
      else
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                             _("The PDF is damaged and cannot be read. Ask the sender for a new copy."));
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (pdf);
  if (n_pages <= 0 || n_pages > MAX_PAGES)
    g_object_unref (pdf);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                           _("The PDF has no pages."));
      return NULL;
    }
  if (n_pages > MAX_PAGES)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                   _("The PDF has %d pages; a report has far fewer. Check that this is the right file."),
                   n_pages);
      return NULL;
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  empty_pages = g_string_new (NULL);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      PopplerRectangle area = { 0 };
      g_autofree char *text = NULL;
      GArray *page_array;
      guint n_visible = 0;

      if (_fz_import_check_cancelled (cancellable, error))
        {
          g_object_unref (pdf);
          return NULL;
        }

      page = poppler_document_get_page (pdf, i);
      if (page != NULL)
        text = page_text (page, &area);
      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        {
          g_autofree char *valid = text ? g_utf8_make_valid (text, -1) : g_strdup ("");
          g_free (text);
          text = g_steal_pointer (&valid);
        }
      page_array = page ? page_lines (page, text, &area) : g_array_new (FALSE, TRUE, sizeof (FzPageLine));
      for (guint k = 0; k < page_array->len; k++)
        n_visible += count_visible (g_array_index (page_array, FzPageLine, k).text);
      total_visible += n_visible;
      /* A page without text but with a picture is a scanned page; one
       * without either is left blank on purpose. */
      if (n_visible == 0 && page != NULL && has_images (page))
        {
          n_scanned++;
          if (n_scanned <= 20)
            g_string_append_printf (empty_pages, "%s%d", empty_pages->len ? ", " : "", i + 1);
        }
      g_ptr_array_add (pages, page_array);
      g_clear_object (&page);
    }

  g_object_unref (pdf);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  _fz_pages_to_lines (pages, lines);

  /* Any text at all is read, however short: only a PDF without any is
   * refused, as a scan when its pages are pictures. */
  if (total_visible == 0 || !_fz_lines_check_text (lines, NULL))
    {
      if (n_scanned > 0)
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                             _("The PDF has no text layer: it is a scan or a picture of the pages. Ask the sender for the Word or text file, or run text recognition (OCR) on the PDF first."));
      else
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                             _("The PDF’s pages hold no text (they are blank, or drawn as shapes). Check that this is the right file."));
      return NULL;
    }

  doc = fz_document_new_from_lines (lines, "pdf", display_name);
  if (n_scanned > 0)
    {
      g_autofree char *msg =
        g_strdup_printf (_("PDF pages without a text layer (scanned images): %s. What they show was not checked."),
                         empty_pages->str);
      fz_document_add_warning (doc, msg);
    }

  return doc;
}
