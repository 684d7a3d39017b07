/* fz-preferences-window.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_PREFERENCES_WINDOW (fz_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FzPreferencesWindow, fz_preferences_window, FZ, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Every row is bound to @settings (the application's schema) at once; the
 * rule-set rows follow @monitor. */
FzPreferencesWindow *fz_preferences_window_new (GtkWindow      *parent,
                                                GSettings      *settings,
                                                FzRuleSetStore *rulesets);

G_END_DECLS
