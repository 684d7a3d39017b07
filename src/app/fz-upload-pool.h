/* fz-upload-pool.h: keep cairo's X11 upload memory from frame to frame
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call on a window before it is realized.  When it is drawn with the
 * cairo renderer on X11, its display keeps one shared-memory segment for
 * the frames' uploads instead of a new one for nearly every large frame. */
void fz_upload_pool_keep_for (GtkWindow *window);

G_END_DECLS
