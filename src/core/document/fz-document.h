/* fz-document.h: one report's normalized text and its paragraphs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* All public offsets in libfazhi count Unicode characters of the normalized
 * text, as GtkTextBuffer and the JSON output do.  Byte offsets appear only
 * where a field name says so. */
struct _FzParagraph
{
  guint           start;          /* first character */
  guint           end;            /* one past the last character; the '\n' separator is not included */
  gsize           byte_start;
  gsize           byte_end;
  FzParagraphKind kind;
  guint           source_line;    /* 1-based first line in the source */
  guint           source_line_end;
  guint           page;           /* 1-based page, 0 when the format has no pages */
};

/* One line as an importer read it, before normalization. */
typedef struct
{
  char  *text;
  guint  line;                    /* 1-based */
  guint  page;                    /* 1-based, 0 when unpaged */
  guint  hard_break : 1;          /* the source says this line ends a paragraph (e.g. a .docx <w:p>) */
  guint  stands_alone : 1;        /* a table row: never joined with the lines around it */
} FzSourceLine;

FzSourceLine *fz_source_line_new  (const char   *text,
                                   gssize        len,
                                   guint         line,
                                   guint         page);
void          fz_source_line_free (FzSourceLine *line);

#define FZ_TYPE_DOCUMENT (fz_document_get_type ())

G_DECLARE_FINAL_TYPE (FzDocument, fz_document, FZ, DOCUMENT, GObject)

/* Normalizes @lines (an array of FzSourceLine) into a document: removes page
 * numbers and stray spaces, joins paragraphs broken across pages, and
 * classifies front matter, headings and closing parts.  @format is a short
 * identifier ("text", "docx", …) and @display_name the file name shown to
 * the reviewer (both nullable). */
FzDocument        *fz_document_new_from_lines   (GPtrArray    *lines,
                                                 const char   *format,
                                                 const char   *display_name);
/* Convenience for tests and plain text already in UTF-8. */
FzDocument        *fz_document_new_from_text    (const char   *utf8,
                                                 gssize        len,
                                                 const char   *display_name);

const char        *fz_document_get_text          (FzDocument  *self);
/* The text as the engine reads it: fz_document_get_text() with the
 * traditional characters of a converted copy in simplified form (see
 * fz-script.h), at the same byte and character offsets.  Headings,
 * metadata, the checklist and the checks read this; the reviewer sees the
 * text as it came. */
const char        *fz_document_get_analysis_text (FzDocument  *self);
gsize              fz_document_get_text_bytes    (FzDocument  *self);
guint              fz_document_get_length        (FzDocument  *self);
const char        *fz_document_get_format        (FzDocument  *self);
const char        *fz_document_get_display_name  (FzDocument  *self);
const char        *fz_document_get_encoding      (FzDocument  *self);
void               fz_document_set_encoding      (FzDocument  *self,
                                                  const char  *encoding);

guint              fz_document_get_n_paragraphs  (FzDocument  *self);
const FzParagraph *fz_document_get_paragraph     (FzDocument  *self,
                                                  guint        index);
/* Pointer into the text at the paragraph's first byte; not NUL-terminated
 * at the paragraph end: use @len. */
const char        *fz_document_get_paragraph_text (FzDocument *self,
                                                   guint       index,
                                                   gsize      *len);
/* Like fz_document_get_paragraph_text(), in the analysis text. */
const char        *fz_document_get_paragraph_key (FzDocument *self,
                                                  guint       index,
                                                  gsize      *len);
/* Index of the paragraph that holds character @offset, or -1. */
int                fz_document_paragraph_at      (FzDocument  *self,
                                                  guint        offset);

gsize              fz_document_char_to_byte      (FzDocument  *self,
                                                  guint        offset);
guint              fz_document_byte_to_char      (FzDocument  *self,
                                                  gsize        byte_offset);
/* Newly allocated copy of the characters [start, end). */
char              *fz_document_dup_range         (FzDocument  *self,
                                                  guint        start,
                                                  guint        end);

/* The date a web page gives for its publication (发布时间), as
 * YYYY-MM-DD; NULL for other formats or when the page gives none. */
const char        *fz_document_get_page_date     (FzDocument  *self);
void               fz_document_set_page_date     (FzDocument  *self,
                                                  const char  *date);

/* Problems met while importing, in the reviewer's language. */
GPtrArray         *fz_document_get_warnings      (FzDocument  *self);
void               fz_document_add_warning       (FzDocument  *self,
                                                  const char  *message);

G_END_DECLS
