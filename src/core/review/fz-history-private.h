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

/* Shared by the matchers (fz-history-match.c, fz-history-figures.c). */
typedef struct
{
  guint  i;
  guint  j;
  double score;
} Pairing;

/* Whether @section or a section above it carries one of @elements. */
gboolean _fz_history_under_element (GPtrArray          *sections,
                                    int                 section,
                                    const char * const *elements);
/* One Pairing per item on each side of @candidates, the closest first,
 * then in last year's order. */
GArray  *_fz_history_choose_pairs  (GArray             *candidates,
                                    guint               n_last,
                                    guint               n_now);
/* The key figures of both years, paired, into @store. */
void     _fz_history_match_figures (FzAnalysis         *last,
                                    FzAnalysis         *current,
                                    GListStore         *store);

G_END_DECLS
