/* fz-review-store.h: one live review per report, shared by every view
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-review.h"
#include "fz-review-saver.h"

G_BEGIN_DECLS

#define FZ_TYPE_REVIEW_STORE (fz_review_store_get_type ())

G_DECLARE_FINAL_TYPE (FzReviewStore, fz_review_store, FZ, REVIEW_STORE, GObject)

/* Reviews are kept in @folder as SHA256.fzreview; NULL is
 * fz_review_get_store_dir(). */
FzReviewStore *fz_review_store_new        (GFile          *folder);
GFile         *fz_review_store_get_folder (FzReviewStore  *self);

/* Any thread.  The live review of the report whose bytes hash to
 * @report_sha256: the same object for every caller, read from the folder
 * the first time and saved there by its FzReviewSaver after each change.
 * When the stored file is damaged (moved aside) or from a newer version
 * (left alone, never overwritten), a new review is started all the same
 * and @warning says what happened. */
FzReview      *fz_review_store_lookup     (FzReviewStore  *self,
                                           const char     *report_sha256,
                                           const char     *report_name,
                                           GError        **warning);
/* The live review of that report, or NULL when nobody has looked it up. */
FzReview      *fz_review_store_peek       (FzReviewStore  *self,
                                           const char     *report_sha256);
/* The saver that keeps @review on disk; NULL for a review not from here. */
FzReviewSaver *fz_review_store_get_saver  (FzReviewStore  *self,
                                           FzReview       *review);
/* Main thread.  Writes every review with unsaved changes now: before a
 * memo is exported and when the application quits. */
gboolean       fz_review_store_flush      (FzReviewStore  *self,
                                           GError        **error);
/* Main thread.  Opens a .fzreview written elsewhere ("Save review as…" on
 * another machine).  When its report's review is live, that review takes
 * the file's content in place, so every view shows it at once; otherwise
 * the file's review becomes the live one.  Either way it is saved in the
 * folder.  Returns the live review, a reference the caller owns. */
FzReview      *fz_review_store_import     (FzReviewStore  *self,
                                           GFile          *file,
                                           GError        **error);

G_END_DECLS
