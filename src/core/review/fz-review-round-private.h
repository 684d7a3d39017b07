/* fz-review-round-private.h: what a review keeps of round two
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-json-reader.h"
#include "fz-review.h"

G_BEGIN_DECLS

typedef struct
{
  char       *previous_sha256;    /* the first round this review follows; nullable */
  char       *previous_name;
  GHashTable *points;             /* first-round point key → its confirmed state */
} FzReviewRound;

void           _fz_review_round_init      (FzReviewRound *round);
void           _fz_review_round_clear     (FzReviewRound *round);
/* The "round" member of a review file. */
JsonObject    *_fz_review_round_to_json   (FzReviewRound *round);
/* Reads it back; FALSE, with @r failed, when it is not what
 * _fz_review_round_to_json() writes. */
gboolean       _fz_review_round_from_json (FzReviewRound *round,
                                           FzJsonReader  *r,
                                           JsonObject    *o);

/* In fz-review.c: the review's round, and what a report hash looks like
 * (changes are logged with _fz_review_record()). */
FzReviewRound *_fz_review_get_round       (FzReview      *self);
gboolean       _fz_review_is_sha256       (const char    *str);

G_END_DECLS
