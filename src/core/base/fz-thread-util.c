/* fz-thread-util.c: worker threads that give way to the window
 *
 * A batch runs as many workers as the machine has cores.  On two cores
 * the window's thread then waited for a core behind them: a frame of
 * 17 ms of work took 37 ms to reach the screen.  A worker at a lower
 * priority still uses every idle cycle, and the window goes first.
 * The same holds for one report being read and checked: a 2 MB one kept
 * a core for some 150 ms, and the X server, woken by the window's thread
 * for a reply, waited behind it up to a scheduler tick.
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

/* A worker's time slice, in nanoseconds; see below. */
#define BACKGROUND_SLICE_NS (12 * 1000 * 1000)

#if defined(__linux__) && defined(SYS_sched_setattr)
/* The kernel's struct sched_attr (its first version); glibc 2.36 has no
 * wrapper, and <linux/sched/types.h> clashes with <sched.h>. */
typedef struct
{
  guint32 size;
  guint32 sched_policy;
  guint64 sched_flags;
  gint32  sched_nice;
  guint32 sched_priority;
  guint64 sched_runtime;
  guint64 sched_deadline;
  guint64 sched_period;
} SchedAttr;

/* Linux's EEVDF scheduler (6.6 and later) lets a running thread finish
 * its slice before a thread that wakes up takes the core, however lower
 * its priority: the window's thread, woken for a frame or by the X
 * server's reply, waited up to 4 ms behind a worker.  Since 6.12 a thread
 * that wakes with a shorter slice than the running one's takes the core
 * at once, so the workers ask a longer one: a batch, or a report being
 * read, wants throughput, not the quick turns the window needs.
 * Older kernels ignore the slice for normal threads; the call needs no
 * privilege either way. */
static gboolean
set_background_attr (pid_t tid)
{
  SchedAttr attr = { 0 };

  attr.size = sizeof attr;
  attr.sched_policy = 0;        /* SCHED_OTHER */
  attr.sched_nice = BACKGROUND_NICE;
  attr.sched_runtime = BACKGROUND_SLICE_NS;

  return syscall (SYS_sched_setattr, tid, &attr, 0) == 0;
}
#endif

void
fz_thread_yield_to_foreground (void)
{
#ifdef __linux__
  /* On Linux, PRIO_PROCESS with a thread's id sets that thread alone. */
  pid_t tid = (pid_t) syscall (SYS_gettid);

  if (getpriority (PRIO_PROCESS, (id_t) tid) >= BACKGROUND_NICE)
    return;
#ifdef SYS_sched_setattr
  if (set_background_attr (tid))
    return;
#endif
  setpriority (PRIO_PROCESS, (id_t) tid, BACKGROUND_NICE);
#endif
}

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} BackgroundJob;

static void
run_background_job (gpointer data,
                    gpointer user_data)
{
  BackgroundJob *job = data;

  /* Once per thread: the next calls see the priority already lowered. */
  fz_thread_yield_to_foreground ();
  job->func (job->task, g_task_get_source_object (job->task),
             g_task_get_task_data (job->task), g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

/* Threads of its own (exclusive), for the process's life: a thread lowered
 * must not go back to serve GLib's pools. */
static GThreadPool *
background_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* Four at least: a read from a slow share does not hold up the
       * next report. */
      GThreadPool *new_pool = g_thread_pool_new (run_background_job, NULL,
                                                 MAX (4, (int) g_get_num_processors ()),
                                                 TRUE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  return pool;
}

void
fz_thread_run_in_background (GTask           *task,
                             GTaskThreadFunc  task_func)
{
  BackgroundJob *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (task_func != NULL);

  job = g_new (BackgroundJob, 1);
  job->task = g_object_ref (task);
  job->func = task_func;
  g_thread_pool_push (background_pool (), job, NULL);
}
