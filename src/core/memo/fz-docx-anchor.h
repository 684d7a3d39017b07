/* fz-docx-anchor.h: where a passage of a report is in its .docx
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "fz-docx-comments.h"

G_BEGIN_DECLS

/* A visible character of the package: the w:t (or w:noBreakHyphen) that
 * holds it and its character offset there. */
typedef struct
{
  xmlNode *node;
  guint    offset;
} FzDocxPlace;

/* The package's visible text in reading order, spaces dropped. */
typedef struct
{
  GString *text;                  /* UTF-8 */
  GArray  *places;                /* FzDocxPlace per character of @text */
  GArray  *bytes;                 /* gsize per character: its byte offset in @text */
} FzDocxStream;

/* Reads the body of @document as the importer does (contents tables,
 * deletions, hidden runs, field codes left out; text boxes left out as
 * well, as no place for a comment); @styles (nullable) names the contents
 * styles. */
FzDocxStream  *_fz_docx_stream_new   (xmlDoc       *document,
                                      xmlDoc       *styles);
void           _fz_docx_stream_free  (FzDocxStream *stream);

typedef struct _FzDocxLocator FzDocxLocator;

FzDocxLocator *_fz_docx_locator_new  (const FzDocxStream *stream,
                                      FzDocument         *doc);
void           _fz_docx_locator_free (FzDocxLocator      *self);
/* The characters of the stream that hold [@start, @end) of the document:
 * [@stream_start, @stream_end), never empty.  FALSE only when the stream
 * has no text at all. */
gboolean       _fz_docx_locate       (FzDocxLocator      *self,
                                      guint               start,
                                      guint               end,
                                      guint              *stream_start,
                                      guint              *stream_end,
                                      FzRemarkAnchor    *quality);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzDocxStream, _fz_docx_stream_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzDocxLocator, _fz_docx_locator_free)

G_END_DECLS
