/* fz-application.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FZ_TYPE_APPLICATION (fz_application_get_type ())

G_DECLARE_FINAL_TYPE (FzApplication, fz_application, FZ, APPLICATION, AdwApplication)

FzApplication *fz_application_new             (void);
/* The bundled sample report: $FAZHI_SAMPLE, the installed copy, or the one
 * in the source tree for uninstalled runs.  NULL when none is there. */
GFile         *fz_application_dup_sample_file (void);

G_END_DECLS
