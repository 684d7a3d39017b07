/* fz-score-view.h: a report's score, item by item
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_VIEW (fz_score_view_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreView, fz_score_view, FZ, SCORE_VIEW, AdwBin)

/* Shows the score of "report" (FzReport:score) and follows it: the
 * total, the maximum and the 等次, the table that applies, the items
 * still to score by hand, and every item with its points and what each
 * deduction took.  The reviewer sets an item's points with a reason, or
 * clears them, from its row; activating a row or a deduction's button
 * emits ::reveal-range (start, end) with a place in the report's text. */
GtkWidget           *fz_score_view_new          (void);
FzReport            *fz_score_view_get_report   (FzScoreView *self);
void                 fz_score_view_set_report   (FzScoreView *self,
                                                 FzReport    *report);
/* The score shown, NULL while there is none ("score", read-only). */
FzScore             *fz_score_view_get_score    (FzScoreView *self);
/* Opens the dialog that sets item @item_id's points, as its row's button
 * does, and returns it (GTK owns it); NULL without such an item. */
GtkWindow           *fz_score_view_adjust_item  (FzScoreView *self,
                                                 const char  *item_id);

G_END_DECLS
