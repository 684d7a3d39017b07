/* fz-score-adjust-dialog.h: the reviewer's points for an item, and why
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_ADJUST_DIALOG (fz_score_adjust_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreAdjustDialog, fz_score_adjust_dialog, FZ, SCORE_ADJUST_DIALOG, AdwMessageDialog)

/* Asks for the points of @item (0 to its full points) and the reason,
 * which overruling the checks requires and a manual item may leave out.
 * Responds "adjust" or "cancel"; the caller stores the result. */
FzScoreAdjustDialog *fz_score_adjust_dialog_new        (GtkWindow           *parent,
                                                        FzScoreItem         *item);
FzScoreItem         *fz_score_adjust_dialog_get_item   (FzScoreAdjustDialog *self);
double               fz_score_adjust_dialog_get_points (FzScoreAdjustDialog *self);
void                 fz_score_adjust_dialog_set_points (FzScoreAdjustDialog *self,
                                                        double               points);
/* The reason as typed, trimmed; never NULL. */
char                *fz_score_adjust_dialog_dup_reason (FzScoreAdjustDialog *self);
void                 fz_score_adjust_dialog_set_reason (FzScoreAdjustDialog *self,
                                                        const char          *reason);

G_END_DECLS
