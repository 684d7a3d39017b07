/* fz-rounds.h: round two of a review — what the revised report fixed
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fz-compare.h"
#include "fz-review.h"
#include "fz-round-point.h"

G_BEGIN_DECLS

#define FZ_TYPE_ROUNDS (fz_rounds_get_type ())

/* A GListModel of FzRoundPoint: the points of the first round (elements
 * missing or partial, kinds of findings kept, annotations, rectification
 * requests), each with the state the comparison of the two versions
 * proposes and the reviewer's confirmation, kept in the second round's
 * review. */
G_DECLARE_FINAL_TYPE (FzRounds, fz_rounds, FZ, ROUNDS, GObject)

/* @first_review and @second_review are nullable: without the first, the
 * machine's findings and statuses of the first version are its points;
 * without the second, nothing can be confirmed.  Compares the versions:
 * use the async variant from a window. */
FzRounds     *fz_rounds_new                 (FzAnalysis          *first,
                                             FzReview            *first_review,
                                             FzAnalysis          *second,
                                             FzReview            *second_review);
/* The same with the comparison of @first and @second already made. */
FzRounds     *fz_rounds_new_with_comparison (FzAnalysis          *first,
                                             FzReview            *first_review,
                                             FzAnalysis          *second,
                                             FzReview            *second_review,
                                             FzComparison        *comparison);
/* Compares in a worker, then gathers the points on the caller's thread,
 * where the reviews live. */
void          fz_rounds_new_async           (FzAnalysis          *first,
                                             FzReview            *first_review,
                                             FzAnalysis          *second,
                                             FzReview            *second_review,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
FzRounds     *fz_rounds_new_finish          (GAsyncResult        *result,
                                             GError             **error);

FzAnalysis   *fz_rounds_get_first           (FzRounds            *self);
FzAnalysis   *fz_rounds_get_second          (FzRounds            *self);
FzReview     *fz_rounds_get_first_review    (FzRounds            *self);
FzReview     *fz_rounds_get_second_review   (FzRounds            *self);
FzComparison *fz_rounds_get_comparison      (FzRounds            *self);

/* Points in each state as they now stand (confirmed or proposed). */
guint         fz_rounds_count               (FzRounds            *self,
                                             FzPointState         state);
guint         fz_rounds_get_n_confirmed     (FzRounds            *self);

/* The reviewer confirms @point as @state, in the second round's review
 * (which then names the first round's report).  FALSE, changing nothing,
 * when there is no second review or the first report's hash is unknown
 * (no first review). */
gboolean      fz_rounds_confirm             (FzRounds            *self,
                                             FzRoundPoint        *point,
                                             FzPointState         state);
void          fz_rounds_unconfirm           (FzRounds            *self,
                                             FzRoundPoint        *point);

/* The second memo's paragraphs on what was fixed and what is still open,
 * in Chinese, as plain text for the memo to place; NULL-terminated. */
char        **fz_rounds_dup_memo_paragraphs (FzRounds            *self);
/* The same one by one: the summary ("经与首次报送稿…对照，…"), and the
 * points in @state listed ("仍未整改的问题：1.…"), NULL when none is. */
char         *fz_rounds_dup_memo_summary    (FzRounds            *self);
char         *fz_rounds_dup_memo_points     (FzRounds            *self,
                                             FzPointState         state);

/* The points as the fazhi-check/1 "rounds" array: per point "kind",
 * "key", "text", "state" (as it stands), "proposed_state", "confirmed",
 * "explanation", and "first" and "second" ({"start", "end"} or null). */
JsonNode     *fz_rounds_to_json             (FzRounds            *self);

G_END_DECLS
