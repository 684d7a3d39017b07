/* fz-round-row.h: one point of the first round, as it stands now
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_ROUND_ROW (fz_round_row_get_type ())

G_DECLARE_FINAL_TYPE (FzRoundRow, fz_round_row, FZ, ROUND_ROW, AdwBin)

GtkWidget    *fz_round_row_new       (void);
/* Shows @point of @rounds; the reviewer's choices go to fz_rounds_confirm(). */
void          fz_round_row_bind      (FzRoundRow   *self,
                                      FzRounds     *rounds,
                                      FzRoundPoint *point);
void          fz_round_row_unbind    (FzRoundRow   *self);
FzRoundPoint *fz_round_row_get_point (FzRoundRow   *self);

/* The name of a state and of a kind of point, in the reviewer's language. */
const char   *fz_point_state_label   (FzPointState  state);
const char   *fz_point_kind_label    (FzPointKind   kind);

G_END_DECLS
