/* fz-score-item-row.h: one item of a report's score, as a list row
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_ITEM_ROW (fz_score_item_row_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreItemRow, fz_score_item_row, FZ, SCORE_ITEM_ROW, AdwBin)

/* Shows "item" (an FzScoreItem, nullable) and follows it: its points and
 * full points, what each deduction took and why, the reviewer's points
 * and reason, an item still to score by hand.  Emits ::reveal-range
 * (start, end) for a deduction's evidence, ::adjust and ::clear for its
 * buttons; the view does the rest. */
GtkWidget   *fz_score_item_row_new      (void);
FzScoreItem *fz_score_item_row_get_item (FzScoreItemRow *self);
void         fz_score_item_row_set_item (FzScoreItemRow *self,
                                         FzScoreItem    *item);

G_END_DECLS
