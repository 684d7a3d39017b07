/* fz-history-item-private.h: how FzHistory fills its items
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-history-item.h"

G_BEGIN_DECLS

FzHistoryItem *_fz_history_item_new         (FzHistoryKind  kind,
                                              FzFollowUp     follow_up,
                                              const char    *last_text,
                                              guint          last_start,
                                              guint          last_end);
void           _fz_history_item_set_current (FzHistoryItem *self,
                                              const char    *text,
                                              guint          start,
                                              guint          end,
                                              double         similarity);
void           _fz_history_item_set_values  (FzHistoryItem *self,
                                              const char    *last_value,
                                              const char    *current_value,
                                              double         change);

G_END_DECLS
