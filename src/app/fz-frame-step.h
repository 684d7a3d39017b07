/* fz-frame-step.h: work spread over frames, one step a frame
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What waits for the next step: kept in the owner's instance, zeroed. */
typedef struct
{
  GdkFrameClock *clock;
  gulong         drawn_id;
  guint          source_id;
  GSourceFunc    func;
  gpointer       data;
} FzFrameStep;

/* Calls @func (@data) once: after the frame that draws what the last
 * step changed in @widget, on an idle of its own; after a short wait
 * when no frame comes (a window on another desktop); or on the next idle
 * when @widget is not on show.  A step already waiting is replaced. */
void     fz_frame_step_schedule (FzFrameStep *step,
                                 GtkWidget   *widget,
                                 GSourceFunc  func,
                                 gpointer     data);
void     fz_frame_step_cancel   (FzFrameStep *step);
gboolean fz_frame_step_pending  (FzFrameStep *step);

G_END_DECLS
