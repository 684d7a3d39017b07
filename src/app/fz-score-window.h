/* fz-score-window.h: a report's score, filing and publication, beside the window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fz-filing-view.h"
#include "fz-score-view.h"
#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_WINDOW (fz_score_window_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreWindow, fz_score_window, FZ, SCORE_WINDOW, AdwWindow)

/* The score view and the filing view of "report", one at a time (评分 /
 * 收文与公开).  The window follows the report it is given, which the main
 * window changes with the tab; ::reveal-range (start, end) carries the
 * views' requests to show a place in the report's text. */
GtkWidget    *fz_score_window_new              (GtkWindow     *parent);
FzReport     *fz_score_window_get_report       (FzScoreWindow *self);
void          fz_score_window_set_report       (FzScoreWindow *self,
                                                FzReport      *report);
/* "score" or "filing". */
void          fz_score_window_show_view        (FzScoreWindow *self,
                                                const char    *name);
/* The menu of scoring tables, for the header's button, and the group its
 * "win." actions are looked up in: a window of its own does not see the
 * main window's.  Never the main window itself, which the group would
 * then keep alive, tabs and unsaved reviews with it. */
void          fz_score_window_set_tables_menu  (FzScoreWindow *self,
                                                GMenuModel    *menu,
                                                GActionGroup  *actions);
FzScoreView  *fz_score_window_get_score_view   (FzScoreWindow *self);
FzFilingView *fz_score_window_get_filing_view  (FzScoreWindow *self);

G_END_DECLS
