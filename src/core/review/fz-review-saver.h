/* fz-review-saver.h: keeps a review on disk as it changes
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-review.h"

G_BEGIN_DECLS

/* How long after a keystroke in a text field the review is on disk, at
 * the latest; every other change is written at once. */
#define FZ_REVIEW_SAVER_DELAY_MS 500

#define FZ_TYPE_REVIEW_SAVER (fz_review_saver_get_type ())

G_DECLARE_FINAL_TYPE (FzReviewSaver, fz_review_saver, FZ, REVIEW_SAVER, GObject)

/* Saves @review at once after each finished change (FzReview::changed
 * with the detail "action"), and FZ_REVIEW_SAVER_DELAY_MS after the first
 * unsaved keystroke ("text"), from the thread-default main context of the
 * caller. */
FzReviewSaver *fz_review_saver_new        (FzReview      *review);
FzReview      *fz_review_saver_get_review (FzReviewSaver *self);
/* TRUE while a change is not yet on disk. */
gboolean       fz_review_saver_get_dirty  (FzReviewSaver *self);
/* The last save's error, NULL once a save succeeds again. */
const GError  *fz_review_saver_get_error  (FzReviewSaver *self);
/* Saves now if anything is unsaved (on closing a tab or quitting). */
gboolean       fz_review_saver_flush      (FzReviewSaver *self,
                                           GError       **error);

G_END_DECLS
