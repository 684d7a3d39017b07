/* fz-thread-util.c: worker threads that give way to the window
 *
 * A batch runs as many workers as the machine has cores.  On two cores
 * the window's thread then waited for a core behind them: a frame of
 * 17 ms of work took 37 ms to reach the screen.  A worker at a lower
 * priority still uses every idle cycle, and the window goes first.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-thread-util.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* Nice 10: well behind the window, still ahead of truly idle work. */
#define BACKGROUND_NICE 10

void
fz_thread_yield_to_foreground (void)
{
#ifdef __linux__
  /* On Linux, PRIO_PROCESS with a thread's id sets that thread alone. */
  pid_t tid = (pid_t) syscall (SYS_gettid);

  if (getpriority (PRIO_PROCESS, (id_t) tid) < BACKGROUND_NICE)
    setpriority (PRIO_PROCESS, (id_t) tid, BACKGROUND_NICE);
#endif
}
