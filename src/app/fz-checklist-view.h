/* fz-checklist-view.h: the required elements, decided one by one
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_CHECKLIST_VIEW (fz_checklist_view_get_type ())

G_DECLARE_FINAL_TYPE (FzChecklistView, fz_checklist_view, FZ, CHECKLIST_VIEW, AdwBin)

/* The view shows "checklist", a GListModel of FzChecklistItem (the
 * report's own, FzReport:checklist): required elements in one group,
 * the others in another, each missing first, then incomplete or open,
 * then the rest.  A decision changes its item in place and repaints one
 * row; nothing is built again.  Decisions made in the view are recorded
 * in "review"; "analysis" gives the 公文 elements, task areas and
 * figures listed below the elements, for reference. */
GListModel *fz_checklist_view_get_checklist       (FzChecklistView *self);
void        fz_checklist_view_set_checklist       (FzChecklistView *self,
                                                   GListModel      *checklist);
FzAnalysis *fz_checklist_view_get_analysis        (FzChecklistView *self);
void        fz_checklist_view_set_analysis        (FzChecklistView *self,
                                                   FzAnalysis      *analysis);
void        fz_checklist_view_prepare             (FzChecklistView *self);
void        fz_checklist_view_set_review          (FzChecklistView *self,
                                                   FzReview        *review);
/* Moves to the next (or previous) required element without a decision
 * after the selected one and shows it; FALSE when there is none left
 * that way (the caller goes on to the findings). */
gboolean    fz_checklist_view_select_next_open    (FzChecklistView *self,
                                                   gboolean         forward);
/* The element of the row with the focus or chosen last; NULL if none. */
const char *fz_checklist_view_get_selected_element (FzChecklistView *self);
void        fz_checklist_view_clear_selection     (FzChecklistView *self);
/* Decides the selected element as its drop-down would: an override asks
 * for a reason.  FALSE when no element is selected. */
gboolean    fz_checklist_view_decide_selected     (FzChecklistView *self,
                                                   FzStatus         status);

G_END_DECLS
