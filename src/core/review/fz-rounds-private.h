/* fz-rounds-private.h: how the points of a first round are found
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-compare.h"
#include "fz-review.h"
#include "fz-round-point.h"

G_BEGIN_DECLS

/* Appends to @points (FzRoundPoint) the points of the first round, each
 * with its proposed state in the second. */
void  _fz_rounds_gather              (FzAnalysis   *first,
                                      FzReview     *first_review,
                                      FzAnalysis   *second,
                                      FzReview     *second_review,
                                      FzComparison *comparison,
                                      GPtrArray    *points);

/* The rectification requests as separate items: one per line, sentence or
 * "；" clause, their numbering ("1.", "（一）", "一是") taken off. */
char **_fz_rounds_split_requests     (const char   *text);

/* The effective status of element @id: the reviewer's decision in
 * @review (nullable), else the machine's.  FALSE when the rule set has no
 * such element. */
gboolean _fz_rounds_element_status   (FzAnalysis   *analysis,
                                      FzReview     *review,
                                      const char   *id,
                                      FzStatus     *status,
                                      gboolean     *decided);

/* Ids of the elements @item names, by their heading patterns or their
 * names (static strings of the rule set). */
GPtrArray *_fz_rounds_named_elements (FzAnalysis   *analysis,
                                      const char   *item);

G_END_DECLS
