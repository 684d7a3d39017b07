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
 * against the rule set @ruleset_id; nothing is read before
 * fz_batch_page_start(). */
FzBatchPage *fz_batch_page_new          (GPtrArray   *files,
                                         const char  *ruleset_id);
/* Reads and analyses every report on a pool of workers, restoring the
 * batch's saved grades and each report's saved review. */
void         fz_batch_page_start        (FzBatchPage *self);
void         fz_batch_page_cancel       (FzBatchPage *self);
FzBatch     *fz_batch_page_get_batch    (FzBatchPage *self);
const char  *fz_batch_page_get_title    (FzBatchPage *self);
gboolean     fz_batch_page_get_running  (FzBatchPage *self);
/* The reviewer changed @review in a report's tab: its row follows. */
void         fz_batch_page_sync_review  (FzBatchPage *self,
                                         FzReview    *review);
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
