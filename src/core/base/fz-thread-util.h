/* fz-thread-util.h: worker threads that give way to the window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowers the calling thread's scheduling priority, where the system
 * keeps one per thread (Linux): for pools as wide as the machine, whose
 * work must not hold up the thread that draws the window. */
void fz_thread_yield_to_foreground (void);

G_END_DECLS
