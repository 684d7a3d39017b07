/* fz-review-panel.h: the reviewer's annotations and the memo's own text
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_REVIEW_PANEL (fz_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (FzReviewPanel, fz_review_panel, FZ, REVIEW_PANEL, GtkWidget)

GtkWidget  *fz_review_panel_new                (void);
FzReview   *fz_review_panel_get_review         (FzReviewPanel *self);
void        fz_review_panel_set_review         (FzReviewPanel *self,
                                                FzReview      *review);
/* The results the opinion draft is written from. */
void        fz_review_panel_set_analysis       (FzReviewPanel *self,
                                                FzAnalysis    *analysis);
guint       fz_review_panel_get_n_annotation_rows (FzReviewPanel *self);
/* Replaces the overall opinion with a draft written from the results. */
void        fz_review_panel_draft_opinion      (FzReviewPanel *self);

G_END_DECLS
