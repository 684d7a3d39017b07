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

/* The view follows its "analysis" and "review" properties: a new analysis
 * lists its elements, and every decision made in the review shows on its
 * row without the rows being built again. */
FzAnalysis *fz_checklist_view_get_analysis        (FzChecklistView *self);
void        fz_checklist_view_set_analysis        (FzChecklistView *self,
                                                   FzAnalysis      *analysis);
FzReview   *fz_checklist_view_get_review          (FzChecklistView *self);
void        fz_checklist_view_set_review          (FzChecklistView *self,
                                                   FzReview        *review);
/* Element rows listed, required and other. */
guint       fz_checklist_view_get_n_element_rows  (FzChecklistView *self);
/* The checklist items (FzChecklistItem), required ones first. */
GListModel *fz_checklist_view_get_items           (FzChecklistView *self);
/* Activates the row of element @index in get_items(): shows its evidence
 * in the text or what was looked for. */
void        fz_checklist_view_activate            (FzChecklistView *self,
                                                   guint            index);
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
