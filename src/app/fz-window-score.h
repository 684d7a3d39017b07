/* fz-window-score.h: the main window's score and filing actions and menu
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-window.h"

G_BEGIN_DECLS

/* Adds to @window the actions win.show-score (the tab's 评分 view),
 * win.open-published-page and win.scoring-table (a rule-set id: the
 * table that set defines), and
 * fills @tables (a section of the main menu) with the tables the rule
 * sets define, built-in and the reviewer's own.  Everything follows the
 * tab selected in @tab_view. */
void           fz_window_score_setup      (FzWindow   *window,
                                           AdwTabView *tab_view,
                                           GMenu      *tables);
G_END_DECLS
