/* fz-memo-paragraph.h: one block of the memo as the window shows it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_MEMO_PARAGRAPH (fz_memo_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (FzMemoParagraph, fz_memo_paragraph, FZ, MEMO_PARAGRAPH, GObject)

/* @block as laid out, and @default_text the memo's own wording of it
 * (nullable: the block is not the reviewer's to reword). */
FzMemoParagraph *fz_memo_paragraph_new              (const FzMemoBlock *block,
                                                     const char        *default_text);
FzMemoBlockKind  fz_memo_paragraph_get_kind         (FzMemoParagraph   *self);
/* NULL when the reviewer cannot reword it. */
const char      *fz_memo_paragraph_get_key          (FzMemoParagraph   *self);
const char      *fz_memo_paragraph_get_lead         (FzMemoParagraph   *self);
const char      *fz_memo_paragraph_get_text         (FzMemoParagraph   *self);
const char      *fz_memo_paragraph_get_default_text (FzMemoParagraph   *self);
/* TRUE when the text is the reviewer's, not the memo's own. */
gboolean         fz_memo_paragraph_get_edited       (FzMemoParagraph   *self);
/* Whether @block stands where this paragraph does (same key and kind). */
gboolean         fz_memo_paragraph_matches          (FzMemoParagraph   *self,
                                                     const FzMemoBlock *block);
/* Takes @block's text and lead and the new @default_text, notifying what
 * changed. */
void             fz_memo_paragraph_update           (FzMemoParagraph   *self,
                                                     const FzMemoBlock *block,
                                                     const char        *default_text);

G_END_DECLS
