/* fz-history-row.h: one thing of last year's report, followed into this year's
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_HISTORY_ROW (fz_history_row_get_type ())

G_DECLARE_FINAL_TYPE (FzHistoryRow, fz_history_row, FZ, HISTORY_ROW, AdwBin)

GtkWidget     *fz_history_row_new        (void);
void           fz_history_row_bind       (FzHistoryRow  *self,
                                          FzHistoryItem *item);
void           fz_history_row_unbind     (FzHistoryRow  *self);
FzHistoryItem *fz_history_row_get_item   (FzHistoryRow  *self);

/* A follow-up's name in the reviewer's language. */
const char    *fz_follow_up_label        (FzFollowUp     follow_up);

G_END_DECLS
