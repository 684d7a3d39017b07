/* fz-document-private.h: construction of FzDocument inside libfazhi
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

/* A paragraph while the normalizer builds it. */
typedef struct
{
  GString         *text;
  FzParagraphKind  kind;
  guint            source_line;
  guint            source_line_end;
  guint            page;
} FzDraftParagraph;

/* Takes @drafts (FzDraftParagraph, freed with _fz_draft_paragraph_free). */
FzDocument *_fz_document_new_take      (GPtrArray  *drafts,
                                        const char *format,
                                        const char *display_name);
void        _fz_draft_paragraph_free   (FzDraftParagraph *draft);

/* For importers that read through another format (.doc via .docx). */
void        _fz_document_set_format    (FzDocument *self,
                                        const char *format);

/* The normalizer, in fz-normalizer.c. */
GPtrArray  *_fz_normalize_lines        (GPtrArray  *lines);

G_END_DECLS
