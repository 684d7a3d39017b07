/* fz-round-point-private.h: what FzRounds does to its points
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-round-point.h"

G_BEGIN_DECLS

FzRoundPoint *_fz_round_point_new           (FzPointKind   kind,
                                             const char   *key,
                                             const char   *text,
                                             FzPointState  proposed,
                                             const char   *explanation);
void          _fz_round_point_set_places    (FzRoundPoint *self,
                                             guint         first_start,
                                             guint         first_end,
                                             guint         second_start,
                                             guint         second_end);
/* Notifies "confirmed" and, when it changes, "state". */
void          _fz_round_point_set_confirmed (FzRoundPoint *self,
                                             gboolean      confirmed,
                                             FzPointState  state);

G_END_DECLS
