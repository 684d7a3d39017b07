/* fz-application.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fz-rules-monitor.h"

G_BEGIN_DECLS

#define FZ_TYPE_APPLICATION (fz_application_get_type ())

G_DECLARE_FINAL_TYPE (FzApplication, fz_application, FZ, APPLICATION, AdwApplication)

FzApplication *fz_application_new             (void);
/* The bundled sample report: $FAZHI_SAMPLE (set for uninstalled runs by
 * build-aux/dev and the tests), else the installed copy.  NULL when none is
 * there. */
GFile         *fz_application_dup_sample_file (void);
/* The application's settings (schema io.github.fazhireview.FazhiReview). */
GSettings     *fz_application_get_settings    (FzApplication *self);
/* The reviewer's rule-set folder, following the "rules-folder" setting;
 * connect to its "changed" signal to refresh rule-set menus. */
FzRulesMonitor *fz_application_get_rules_monitor (FzApplication *self);

G_END_DECLS
