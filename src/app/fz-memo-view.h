/* fz-memo-view.h: the whole memo, as it will be sent, for the reviewer to edit
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_MEMO_VIEW (fz_memo_view_get_type ())

G_DECLARE_FINAL_TYPE (FzMemoView, fz_memo_view, FZ, MEMO_VIEW, AdwBin)

/* Follows "analysis", "review" and the report's added findings (those a
 * batch found, FzReport:added-findings), and Preferences for who signs: the memo is written again as
 * they change, and what the reviewer types goes into the review. */
void        fz_memo_view_set_analysis       (FzMemoView *self,
                                             FzAnalysis *analysis);
void        fz_memo_view_set_review         (FzMemoView *self,
                                             FzReview   *review);
void        fz_memo_view_set_report         (FzMemoView *self,
                                             FzReport   *report);
/* "score" (the report's under the bureau's table, stated when the
 * reviewer switches it on), "rounds" (round two: what the revised report
 * fixed) and "history" (last year's report followed up): bound from the
 * page's score, rounds and history views. */
FzScore    *fz_memo_view_get_score          (FzMemoView *self);
void        fz_memo_view_set_score          (FzMemoView *self,
                                             FzScore    *score);
FzRounds   *fz_memo_view_get_rounds         (FzMemoView *self);
void        fz_memo_view_set_rounds         (FzMemoView *self,
                                             FzRounds   *rounds);
FzHistory  *fz_memo_view_get_history        (FzMemoView *self);
void        fz_memo_view_set_history        (FzMemoView *self,
                                             FzHistory  *history);
/* The memo as shown, made now from the review as it stands: what Export
 * and Print write.  NULL before the report is analysed. */
FzMemo     *fz_memo_view_create_memo        (FzMemoView *self);
/* The paragraphs shown (FzMemoParagraph). */
GListModel *fz_memo_view_get_paragraphs     (FzMemoView *self);
/* Rewords paragraph @key as the reviewer typing would; NULL restores the
 * memo's own wording. */
void        fz_memo_view_set_paragraph_text (FzMemoView *self,
                                             const char *key,
                                             const char *text);

G_END_DECLS
