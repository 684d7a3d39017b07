/* fz-application.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

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
/* The rule sets to choose from: the built-in ones and those of the
 * folder the "rules-folder" setting names, watched.  One for the process,
 * handed by the window to whatever lists or loads rule sets. */
FzRuleSetStore *fz_application_get_rulesets   (FzApplication *self);
/* The live reviews of every report open in any window: one per content
 * hash, saved as they change and flushed on quit. */
FzReviewStore  *fz_application_get_reviews    (FzApplication *self);

/* The GSK renderer for a machine whose DRM devices are under @dri_dir:
 * "cairo" where OpenGL could only be Mesa's software rasteriser (no
 * render node, or LIBGL_ALWAYS_SOFTWARE set), else NULL for GTK's own
 * choice. */
const char     *fz_application_pick_renderer  (const char    *dri_dir);
/* Sets GSK_RENDERER to fz_application_pick_renderer()'s choice for this
 * machine, unless the user set it.  Call before GTK draws anything. */
void            fz_application_use_renderer   (void);

G_END_DECLS
