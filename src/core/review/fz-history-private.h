/* fz-history-private.h: how FzHistory follows last year's report up
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-review.h"

G_BEGIN_DECLS

/* Fills the stores (FzHistoryItem) and @findings (FzFinding on @current). */
void _fz_history_match (FzAnalysis *last,
                        FzReview   *last_review,
                        FzAnalysis *current,
                        GListStore *plan,
                        GListStore *shortcomings,
                        GListStore *requests,
                        GListStore *figures,
                        GPtrArray  *findings);

G_END_DECLS
