/* fz-findings-view.h: the problems found, one row per kind
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_FINDINGS_VIEW (fz_findings_view_get_type ())

G_DECLARE_FINAL_TYPE (FzFindingsView, fz_findings_view, FZ, FINDINGS_VIEW, AdwBin)

/* Follows "analysis", "review" and the report's added findings (the
 * passages a batch found shared, FzReport:added-findings): the findings
 * grouped by kind, each group expandable to its occurrences. */
void        fz_findings_view_set_analysis       (FzFindingsView *self,
                                                 FzAnalysis     *analysis);
void        fz_findings_view_set_review         (FzFindingsView *self,
                                                 FzReview       *review);
void        fz_findings_view_set_report         (FzFindingsView *self,
                                                 FzReport       *report);
/* The groups (FzFindingItem), most serious first. */
GListModel *fz_findings_view_get_groups         (FzFindingsView *self);
/* Findings in all the groups. */
guint       fz_findings_view_get_n_findings     (FzFindingsView *self);
/* Shows the next occurrence of group @index in the text. */
void        fz_findings_view_activate_group     (FzFindingsView *self,
                                                 guint           index);
/* F8 after the checklist: the next (previous) group, its first
 * occurrence shown; FALSE past the last one (the caller wraps around). */
gboolean    fz_findings_view_select_next        (FzFindingsView *self,
                                                 gboolean        forward);
void        fz_findings_view_clear_selection    (FzFindingsView *self);

G_END_DECLS
