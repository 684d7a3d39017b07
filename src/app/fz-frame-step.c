/* fz-frame-step.c: work spread over frames, one step a frame
 *
 * New widgets cost their styles, sizes and drawing in the frame that
 * first shows them.  Put in many at once, they make one long frame; a
 * step a frame keeps each frame short while the work goes on.  Waiting
 * for the frame clock's after-paint, not for an idle, is what makes the
 * steps a frame apart: idles run many times between two frames.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-frame-step.h"

/* Longest a step waits for its frame. */
#define FRAME_WAIT_MS 50

static gboolean
run_step (gpointer data)
{
  FzFrameStep *step = data;
  GSourceFunc func = step->func;

  step->source_id = 0;
  fz_frame_step_cancel (step);
  func (step->data);

  return G_SOURCE_REMOVE;
}

/* A window's frame clock drops its handlers when the window goes, so
 * the step's may be gone already. */
static void
forget_clock (FzFrameStep *step)
{
  if (step->clock != NULL && step->drawn_id != 0 &&
      g_signal_handler_is_connected (step->clock, step->drawn_id))
    g_signal_handler_disconnect (step->clock, step->drawn_id);
  step->drawn_id = 0;
  g_clear_object (&step->clock);
}

static void
on_frame_drawn (GdkFrameClock *clock,
                FzFrameStep   *step)
{
  forget_clock (step);
  g_clear_handle_id (&step->source_id, g_source_remove);
  step->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_step, step, NULL);
}

void
fz_frame_step_schedule (FzFrameStep *step,
                        GtkWidget   *widget,
                        GSourceFunc  func,
                        gpointer     data)
{
  GdkFrameClock *clock = NULL;

  g_return_if_fail (step != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  fz_frame_step_cancel (step);
  step->func = func;
  step->data = data;

  if (gtk_widget_get_mapped (widget))
    clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      step->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_step, step, NULL);
      return;
    }

  step->clock = g_object_ref (clock);
  step->drawn_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_drawn), step);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  step->source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, FRAME_WAIT_MS, run_step, step, NULL);
}

void
fz_frame_step_cancel (FzFrameStep *step)
{
  g_return_if_fail (step != NULL);

  forget_clock (step);
  g_clear_handle_id (&step->source_id, g_source_remove);
}

gboolean
fz_frame_step_pending (FzFrameStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);

  return step->source_id != 0;
}
