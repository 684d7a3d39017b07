/* fz-document.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-document"

#include "config.h"

#include <string.h>

#include "fz-document-private.h"
#include "fz-script.h"

struct _FzDocument
{
  GObject     parent_instance;

  char       *text;
  char       *analysis_text;      /* @text in simplified characters; NULL when the same */
  gsize       n_bytes;
  guint       n_chars;
  GArray     *paragraphs;         /* FzParagraph */
  GPtrArray  *warnings;
  char       *format;
  char       *display_name;
  char       *encoding;
  char       *page_date;          /* a web page's date of publication, YYYY-MM-DD */
};

G_DEFINE_FINAL_TYPE (FzDocument, fz_document, G_TYPE_OBJECT)

FzSourceLine *
fz_source_line_new (const char *text,
                    gssize      len,
                    guint       line,
                    guint       page)
{
  FzSourceLine *self = g_new0 (FzSourceLine, 1);

  self->text = len < 0 ? g_strdup (text) : g_strndup (text, len);
  self->line = line;
  self->page = page;

  return self;
}

void
fz_source_line_free (FzSourceLine *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

void
_fz_draft_paragraph_free (FzDraftParagraph *draft)
{
  if (draft == NULL)
    return;

  g_string_free (draft->text, TRUE);
  g_free (draft);
}

static void
fz_document_finalize (GObject *object)
{
  FzDocument *self = (FzDocument *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->analysis_text, g_free);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->page_date, g_free);

  G_OBJECT_CLASS (fz_document_parent_class)->finalize (object);
}

static void
fz_document_class_init (FzDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_document_finalize;
}

static void
fz_document_init (FzDocument *self)
{
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (FzParagraph));
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->encoding = g_strdup ("UTF-8");
}

FzDocument *
_fz_document_new_take (GPtrArray  *drafts,
                       const char *format,
                       const char *display_name)
{
  FzDocument *self = g_object_new (FZ_TYPE_DOCUMENT, NULL);
  GString *text = g_string_new (NULL);
  guint chars = 0;

  for (guint i = 0; i < drafts->len; i++)
    {
      FzDraftParagraph *draft = g_ptr_array_index (drafts, i);
      FzParagraph p = { 0 };

      if (i > 0)
        {
          g_string_append_c (text, '\n');
          chars++;
        }

      p.start = chars;
      p.byte_start = text->len;
      g_string_append_len (text, draft->text->str, draft->text->len);
      chars += g_utf8_strlen (draft->text->str, draft->text->len);
      p.end = chars;
      p.byte_end = text->len;
      p.kind = draft->kind;
      p.source_line = draft->source_line;
      p.source_line_end = draft->source_line_end;
      p.page = draft->page;

      g_array_append_val (self->paragraphs, p);
    }

  self->n_bytes = text->len;
  self->n_chars = chars;
  self->text = g_string_free (text, FALSE);
  self->analysis_text = fz_script_simplify (self->text, self->n_bytes, NULL);
  self->format = g_strdup (format ? format : "text");
  self->display_name = g_strdup (display_name);

  g_ptr_array_unref (drafts);

  return self;
}

/**
 * fz_document_new_from_lines:
 * @lines: (element-type FzSourceLine): the lines as read
 *
 * Returns: (transfer full): a new document
 */
FzDocument *
fz_document_new_from_lines (GPtrArray  *lines,
                            const char *format,
                            const char *display_name)
{
  g_return_val_if_fail (lines != NULL, NULL);

  return _fz_document_new_take (_fz_normalize_lines (lines), format, display_name);
}

FzDocument *
fz_document_new_from_text (const char *utf8,
                           gssize      len,
                           const char *display_name)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  const char *p, *end;
  guint line = 1;

  g_return_val_if_fail (utf8 != NULL, NULL);

  if (len < 0)
    len = strlen (utf8);

  p = utf8;
  end = utf8 + len;
  while (p < end)
    {
      const char *eol = p;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;

      g_ptr_array_add (lines, fz_source_line_new (p, eol - p, line, 0));
      line++;

      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }

  return fz_document_new_from_lines (lines, "text", display_name);
}

const char *
fz_document_get_text (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->text;
}

const char *
fz_document_get_analysis_text (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->analysis_text != NULL ? self->analysis_text : self->text;
}

gsize
fz_document_get_text_bytes (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  return self->n_bytes;
}

guint
fz_document_get_length (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  return self->n_chars;
}

const char *
fz_document_get_format (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->format;
}

void
_fz_document_set_format (FzDocument *self,
                         const char *format)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  g_free (self->format);
  self->format = g_strdup (format ? format : "text");
}

const char *
fz_document_get_display_name (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->display_name;
}

const char *
fz_document_get_encoding (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->encoding;
}

void
fz_document_set_encoding (FzDocument *self,
                          const char *encoding)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

guint
fz_document_get_n_paragraphs (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  return self->paragraphs->len;
}

const FzParagraph *
fz_document_get_paragraph (FzDocument *self,
                           guint       index)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return &g_array_index (self->paragraphs, FzParagraph, index);
}

/* @base + the paragraph's first byte, for the text and its analysis copy. */
static const char *
paragraph_in (FzDocument *self,
              const char *base,
              guint       index,
              gsize      *len)
{
  const FzParagraph *p = fz_document_get_paragraph (self, index);

  if (p == NULL)
    return NULL;

  if (len)
    *len = p->byte_end - p->byte_start;

  return base + p->byte_start;
}

const char *
fz_document_get_paragraph_text (FzDocument *self,
                                guint       index,
                                gsize      *len)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return paragraph_in (self, self->text, index, len);
}

const char *
fz_document_get_paragraph_key (FzDocument *self,
                               guint       index,
                               gsize      *len)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return paragraph_in (self, fz_document_get_analysis_text (self), index, len);
}

int
fz_document_paragraph_at (FzDocument *self,
                          guint       offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), -1);

  hi = self->paragraphs->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const FzParagraph *p = &g_array_index (self->paragraphs, FzParagraph, mid);

      if (offset < p->start)
        hi = mid;
      else if (offset > p->end)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

static int
paragraph_at_byte (FzDocument *self,
                   gsize       byte_offset)
{
  guint lo = 0, hi = self->paragraphs->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const FzParagraph *p = &g_array_index (self->paragraphs, FzParagraph, mid);

      if (byte_offset < p->byte_start)
        hi = mid;
      else if (byte_offset > p->byte_end)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

/* Both conversions find the paragraph by binary search and then walk inside
 * it, so the cost is bounded by a paragraph's length, not the document's. */
gsize
fz_document_char_to_byte (FzDocument *self,
                          guint       offset)
{
  const FzParagraph *p;
  int i;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  if (offset >= self->n_chars)
    return self->n_bytes;

  i = fz_document_paragraph_at (self, offset);
  if (i < 0)
    return self->n_bytes;

  p = &g_array_index (self->paragraphs, FzParagraph, i);
  return (g_utf8_offset_to_pointer (self->text + p->byte_start, offset - p->start) - self->text);
}

guint
fz_document_byte_to_char (FzDocument *self,
                          gsize       byte_offset)
{
  const FzParagraph *p;
  int i;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), 0);

  if (byte_offset >= self->n_bytes)
    return self->n_chars;

  i = paragraph_at_byte (self, byte_offset);
  if (i < 0)
    return self->n_chars;

  p = &g_array_index (self->paragraphs, FzParagraph, i);
  return p->start + g_utf8_pointer_to_offset (self->text + p->byte_start,
                                              self->text + byte_offset);
}

char *
fz_document_dup_range (FzDocument *self,
                       guint       start,
                       guint       end)
{
  gsize bs, be;

  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  if (end < start)
    end = start;

  bs = fz_document_char_to_byte (self, start);
  be = fz_document_char_to_byte (self, end);

  return g_strndup (self->text + bs, be - bs);
}

/**
 * fz_document_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): import warnings
 */
GPtrArray *
fz_document_get_warnings (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->warnings;
}

void
fz_document_add_warning (FzDocument *self,
                         const char *message)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));
  g_return_if_fail (message != NULL);

  g_ptr_array_add (self->warnings, g_strdup (message));
}

const char *
fz_document_get_page_date (FzDocument *self)
{
  g_return_val_if_fail (FZ_IS_DOCUMENT (self), NULL);

  return self->page_date;
}

void
fz_document_set_page_date (FzDocument *self,
                           const char *date)
{
  g_return_if_fail (FZ_IS_DOCUMENT (self));

  g_free (self->page_date);
  self->page_date = g_strdup (date);
}
