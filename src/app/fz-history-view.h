/* fz-history-view.h: last year's report of the unit, followed up
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_HISTORY_VIEW (fz_history_view_get_type ())

G_DECLARE_FINAL_TYPE (FzHistoryView, fz_history_view, FZ, HISTORY_VIEW, AdwBin)

/* Properties: "report" (this year's, the one the page shows) and
 * "last-report" (last year's of the same unit, with its review); both
 * loaded by their owner.  Once both are checked, last year's is followed
 * into this year's in a worker, and "history" (FzHistory) holds the plan,
 * the shortcomings written again, last year's requests and the figures;
 * "loading" while that runs.  It is followed again when last year's
 * review changes.
 *
 * Signals, when a row is activated: "reveal" (start, end) with its
 * passage in this year's text, "reveal-last" (start, end) with the one in
 * last year's; each only where the row has one. */
GtkWidget *fz_history_view_new             (void);
FzReport  *fz_history_view_get_report      (FzHistoryView *self);
void       fz_history_view_set_report      (FzHistoryView *self,
                                            FzReport      *report);
FzReport  *fz_history_view_get_last_report (FzHistoryView *self);
void       fz_history_view_set_last_report (FzHistoryView *self,
                                            FzReport      *report);
/* NULL until last year's report is followed up. */
FzHistory *fz_history_view_get_history     (FzHistoryView *self);
gboolean   fz_history_view_get_loading     (FzHistoryView *self);
/* Activates @item (of one of the history's lists) as a click on its row
 * does, showing its list. */
void       fz_history_view_activate_item   (FzHistoryView *self,
                                            FzHistoryItem *item);

G_END_DECLS
