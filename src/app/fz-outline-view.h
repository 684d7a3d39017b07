/* fz-outline-view.h: the report's section tree, to jump around in it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_OUTLINE_VIEW (fz_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (FzOutlineView, fz_outline_view, FZ, OUTLINE_VIEW, GtkWidget)

GtkWidget  *fz_outline_view_new          (void);
FzAnalysis *fz_outline_view_get_analysis (FzOutlineView *self);
void        fz_outline_view_set_analysis (FzOutlineView *self,
                                          FzAnalysis    *analysis);
guint       fz_outline_view_get_n_rows   (FzOutlineView *self);
/* Activates the row of section @index, as a click would. */
void        fz_outline_view_activate     (FzOutlineView *self,
                                          guint          index);

G_END_DECLS
