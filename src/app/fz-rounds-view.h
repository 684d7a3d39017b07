/* fz-rounds-view.h: round two of a review — which points the revision fixed
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_ROUNDS_VIEW (fz_rounds_view_get_type ())

G_DECLARE_FINAL_TYPE (FzRoundsView, fz_rounds_view, FZ, ROUNDS_VIEW, AdwBin)

/* Properties: "report" (the revised version, the one the page shows),
 * "first-report" (the version of the first round, with its review); both
 * loaded by their owner.  Once both are checked the two are compared in
 * a worker, and "rounds" (FzRounds) holds the points; "loading" while the
 * comparison runs.  The reviewer's states go to the revised report's
 * review.
 *
 * Signals, when a point is activated: "reveal" (start, end) with its
 * passage in the revised report's text, "reveal-first" (start, end) with
 * its passage in the first version's; each only where the point has one. */
GtkWidget *fz_rounds_view_new              (void);
FzReport  *fz_rounds_view_get_report       (FzRoundsView *self);
void       fz_rounds_view_set_report       (FzRoundsView *self,
                                            FzReport     *report);
FzReport  *fz_rounds_view_get_first_report (FzRoundsView *self);
void       fz_rounds_view_set_first_report (FzRoundsView *self,
                                            FzReport     *report);
/* NULL until both versions are compared. */
FzRounds  *fz_rounds_view_get_rounds       (FzRoundsView *self);
gboolean   fz_rounds_view_get_loading      (FzRoundsView *self);
/* Activates point @index as a click on its row does. */
void       fz_rounds_view_activate_point   (FzRoundsView *self,
                                            guint         index);

G_END_DECLS
