/* fz-thread-util.h: worker threads that give way to the window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Lowers the calling thread's scheduling priority, where the system
 * keeps one per thread (Linux): for pools as wide as the machine, whose
 * work must not hold up the thread that draws the window. */
void fz_thread_yield_to_foreground (void);

/* Like g_task_run_in_thread(), on a thread that has given way to the
 * window: for work the reviewer waits for but the window must not, such
 * as reading and checking a report.  GLib's own threads serve every
 * GTask in the process and are left as they are. */
void fz_thread_run_in_background   (GTask           *task,
                                    GTaskThreadFunc  task_func);

G_END_DECLS
