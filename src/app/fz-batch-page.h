/* fz-batch-page.h: a year's reports reviewed as one matrix
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_BATCH_PAGE (fz_batch_page_get_type ())

G_DECLARE_FINAL_TYPE (FzBatchPage, fz_batch_page, FZ, BATCH_PAGE, AdwBin)

/* A batch of @files (GFile: reports and folders of reports), checked
 * against the rule set @ruleset_id of @rulesets unless a saved batch of
 * the same files names another; each report's decisions are its live
 * review in @reviews, shared with the report's own tab.  Both stores are
 * nullable (the built-in rule sets; no reviews).  Nothing is read before
 * fz_batch_page_start(). */
FzBatchPage *fz_batch_page_new          (GPtrArray      *files,
                                         const char     *ruleset_id,
                                         FzRuleSetStore *rulesets,
                                         FzReviewStore  *reviews);
/* Reads the saved batch, the folders and then every report, each in a
 * worker: the batch's saved grades come back, and each report's review.
 * FzBatchPage:running is TRUE until all is read; fz_batch_page_get_batch()
 * is replaced by the saved batch once it is read. */
void         fz_batch_page_start        (FzBatchPage *self);
void         fz_batch_page_cancel       (FzBatchPage *self);
FzBatch     *fz_batch_page_get_batch    (FzBatchPage *self);
const char  *fz_batch_page_get_title    (FzBatchPage *self);
gboolean     fz_batch_page_get_running  (FzBatchPage *self);
/* Rows shown after filtering. */
guint        fz_batch_page_get_n_rows   (FzBatchPage *self);
/* The report shown in row @position, after filtering and sorting. */
FzBatchEntry *fz_batch_page_get_row     (FzBatchPage *self,
                                         guint        position);
/* Keeps only the rows whose required element @element_id is missing or
 * partial; NULL shows every row. */
void         fz_batch_page_filter_missing (FzBatchPage *self,
                                           const char  *element_id);

G_END_DECLS
