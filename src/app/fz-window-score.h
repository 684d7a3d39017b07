/* fz-window-score.h: the main window's score and filing actions and menu
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-score-window.h"
#include "fz-window.h"

G_BEGIN_DECLS

/* Adds to @window the actions win.show-score, win.open-published-page and
 * win.scoring-table (a rule-set id: the table that set defines), and
 * fills @tables (a section of the main menu) with the tables the rule
 * sets define, built-in and the reviewer's own.  Everything follows the
 * tab selected in @tab_view. */
void           fz_window_score_setup      (FzWindow   *window,
                                           AdwTabView *tab_view,
                                           GMenu      *tables);
/* The window of the score and filing views, made on first use, showing
 * the current tab's report ("score" or "filing" view), and presented. */
FzScoreWindow *fz_window_score_present    (FzWindow   *window,
                                           const char *view);

G_END_DECLS
