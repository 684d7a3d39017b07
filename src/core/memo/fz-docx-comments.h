/* fz-docx-comments.h: Word comments written into a unit's own .docx
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-document.h"
#include "fz-return.h"

G_BEGIN_DECLS

/* One comment to write.  The range is in characters of @doc, the
 * document imported from the package; @text may hold '\n' between its
 * paragraphs. */
typedef struct
{
  guint            start;
  guint            end;
  const char      *text;
  const char      *author;
  const char      *initials;      /* nullable */
  GDateTime       *date;          /* nullable: none written */
  FzRemarkAnchor  quality;       /* set by _fz_docx_add_comments() */
} FzDocxComment;

/* The package @docx with @comments added as real Word comments: a
 * comments part (appended to when the unit's file has one), its
 * relationship and content type, and for each comment
 * w:commentRangeStart, w:commentRangeEnd and a run with
 * w:commentReference around its passage, ids following any already
 * there.  Each passage is found in the package's text by its wording and
 * its rank among equal passages, since @doc's text was normalised; where
 * it cannot be found the comment goes on the start of its paragraph, or
 * the first one, and @quality says so.  Every other part is copied
 * unchanged.  Errors are FZ_IMPORT_ERROR for a package that cannot be
 * read, FZ_MEMO_ERROR otherwise. */
GBytes *_fz_docx_add_comments (GBytes     *docx,
                               FzDocument *doc,
                               GPtrArray  *comments,
                               GError    **error);

G_END_DECLS
