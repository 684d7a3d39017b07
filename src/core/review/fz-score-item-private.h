/* fz-score-item-private.h: how FzScore fills its items
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-score-item.h"

G_BEGIN_DECLS

/* The state of an item after one computation; points in hundredths. */
typedef struct
{
  int          points;
  int          machine_points;
  gboolean     pending;
  gboolean     adjusted;
  const char  *adjustment_reason; /* nullable */
  char        *reason;            /* owned */
  GPtrArray   *deductions;        /* FzScoreDeduction, owned */
} FzScoreItemState;

FzScoreItem *_fz_score_item_new         (const FzScoreTableItem *definition);
/* Takes @state's reason and deductions; notifies what changed. */
void         _fz_score_item_update      (FzScoreItem            *self,
                                         FzScoreItemState       *state);
const FzScoreTableItem *_fz_score_item_get_definition (FzScoreItem *self);
int          _fz_score_item_get_points_centi (FzScoreItem       *self);

G_END_DECLS
