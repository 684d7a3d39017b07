/* fz-review-private.h: what fz-review-score.c shares with fz-review.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-json-reader.h"
#include "fz-review.h"

G_BEGIN_DECLS

/* The version of a review that records neither filing nor scoring: read
 * by every version of the program. */
#define FZ_REVIEW_PLAIN_FORMAT_VERSION 1

typedef struct
{
  int        points;              /* hundredths of a point */
  char      *reason;              /* nullable */
  GDateTime *time;
} FzReviewAdjustment;

/* fz-review-score.c */
void        _fz_review_adjustment_free  (gpointer       adjustment);
void        _fz_review_init_score       (FzReview      *self,
                                         FzFiling     **filing,
                                         GHashTable   **adjustments);
/* Adds "filing" and "score_adjustments" to @o when there is anything to
 * save; TRUE when it added them. */
gboolean    _fz_review_score_to_json    (FzFiling      *filing,
                                         GHashTable    *adjustments,
                                         JsonObject    *o);
/* Reads them back (both optional); FALSE with @r failed on a wrong one. */
gboolean    _fz_review_score_read_json  (FzFiling      *filing,
                                         GHashTable    *adjustments,
                                         FzJsonReader  *r,
                                         JsonObject    *o);

/* fz-review.c */
void        _fz_review_record           (FzReview      *self,
                                         const char    *what,
                                         const char    *old_value,
                                         const char    *new_value,
                                         const char    *why);
void        _fz_review_emit_score_adjustment_changed (FzReview   *self,
                                                      const char *table_id,
                                                      const char *item_id);
GHashTable *_fz_review_get_adjustments  (FzReview      *self);

G_END_DECLS
