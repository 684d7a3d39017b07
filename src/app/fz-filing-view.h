/* fz-filing-view.h: when the report came in and when it was published
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fz-published-view.h"
#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_FILING_VIEW (fz_filing_view_get_type ())

G_DECLARE_FINAL_TYPE (FzFilingView, fz_filing_view, FZ, FILING_VIEW, AdwBin)

/* The filing record of "report"'s review (fz_review_get_filing()): 收文日期
 * and channel, 公开日期, the address and column, each saved to the review
 * as the reviewer applies it; the deadlines of the report's rule set and
 * whether each was kept; and the published page (FzPublishedView).
 * ::reveal-range (start, end) carries the page view's. */
GtkWidget       *fz_filing_view_new                (void);
FzReport        *fz_filing_view_get_report         (FzFilingView *self);
void             fz_filing_view_set_report         (FzFilingView *self,
                                                    FzReport     *report);
FzPublishedView *fz_filing_view_get_published_view (FzFilingView *self);

G_END_DECLS
