/* fz-score-badge.h: the report's total and 等次 in the page's header
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_BADGE (fz_score_badge_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreBadge, fz_score_badge, FZ, SCORE_BADGE, AdwBin)

/* Follows "score" (nullable: hidden): the total and the 等次 as they
 * change; a click shows the score view (win.show-score). */
GtkWidget  *fz_score_badge_new       (void);
FzScore    *fz_score_badge_get_score (FzScoreBadge *self);
void        fz_score_badge_set_score (FzScoreBadge *self,
                                      FzScore      *score);
/* What the badge reads, e.g. "86.5 pts · Good"; for tests. */
const char *fz_score_badge_get_text  (FzScoreBadge *self);

G_END_DECLS
