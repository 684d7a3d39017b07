/* fz-line-private.h: one line of a report, before it joins a paragraph
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document-private.h"

G_BEGIN_DECLS

typedef struct
{
  char            *text;          /* cleaned */
  char            *key;           /* @text in simplified characters, for reading; NULL until asked, then @text's copy or NULL when the same */
  guint            n_chars;
  guint            line;
  guint            line_end;
  guint            page;
  FzParagraphKind  kind;
  guint            hard_break : 1;
  guint            stands_alone : 1;
  guint            starts_paragraph : 1; /* split off the line before: never joined to it */
  guint            key_done : 1;
} FzLine;

/* @line's text in simplified characters: what classification reads. */
const char *_fz_line_key            (FzLine     *line);

/* A line of its own that is a heading: a marker, then a short text with
 * no full stop inside. */
gboolean    _fz_line_is_heading     (const char *text);
gboolean    _fz_text_has_sentence_punct (const char *text);
gboolean    _fz_unichar_is_sentence_punct (gunichar c);

G_END_DECLS
