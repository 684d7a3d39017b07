/* test-object-util.c: a held object's handlers follow it, and signals
 * declared in one call
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "libfazhi.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

typedef struct
{
  GObject *held;
  guint    notified;
  guint    changed;
} Watcher;

static void
on_notify (Watcher *w)
{
  w->notified++;
}

static void
on_changed (Watcher *w)
{
  w->changed++;
}

/* A GObject carries the watcher's counts as the widgets carry their own. */
static Watcher *
watcher_of (GObject *owner)
{
  return g_object_get_data (owner, "watcher");
}

static void
owner_on_notify (GObject *owner)
{
  on_notify (watcher_of (owner));
}

static void
owner_on_changed (GObject *owner)
{
  on_changed (watcher_of (owner));
}

static void
test_set_watched (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) first = g_object_new (G_TYPE_BINDING_GROUP, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_BINDING_GROUP, NULL);
  Watcher w = { NULL, 0, 0 };

  g_object_set_data (owner, "watcher", &w);

  g_assert_true (fz_set_watched (&w.held, first, owner,
                                 "notify::source", G_CALLBACK (owner_on_notify),
                                 "notify", G_CALLBACK (owner_on_changed),
                                 NULL));
  g_assert_true (w.held == first);
  g_object_notify (first, "source");
  g_assert_cmpuint (w.notified, ==, 1);
  g_assert_cmpuint (w.changed, ==, 1);

  /* The same object again: nothing changes, nothing is connected twice. */
  g_assert_false (fz_set_watched (&w.held, first, owner,
                                  "notify::source", G_CALLBACK (owner_on_notify), NULL));
  g_object_notify (first, "source");
  g_assert_cmpuint (w.notified, ==, 2);

  /* Replaced: the old object no longer reaches the watcher, the new one
   * does, and the old one is released. */
  g_assert_true (fz_set_watched (&w.held, second, owner,
                                 "notify::source", G_CALLBACK (owner_on_notify), NULL));
  g_assert_true (w.held == second);
  g_object_notify (first, "source");
  g_assert_cmpuint (w.notified, ==, 2);
  g_object_notify (second, "source");
  g_assert_cmpuint (w.notified, ==, 3);
  g_assert_cmpuint (w.changed, ==, 2);

  /* NULL: released and disconnected, with nothing to connect. */
  g_assert_true (fz_set_watched (&w.held, NULL, owner, NULL));
  g_assert_null (w.held);
  g_object_notify (second, "source");
  g_assert_cmpuint (w.notified, ==, 3);

  /* The watcher going away ends its handlers too (the connection is tied
   * to its life), so a later emission reaches nothing. */
  {
    GObject *short_lived = g_object_new (G_TYPE_OBJECT, NULL);
    GObject *held = NULL;

    g_object_set_data (short_lived, "watcher", &w);
    fz_set_watched (&held, first, short_lived, "notify::source", G_CALLBACK (owner_on_notify), NULL);
    g_object_unref (short_lived);
    g_object_notify (first, "source");
    g_assert_cmpuint (w.notified, ==, 3);
    g_clear_object (&held);
  }
}

static void
test_clear_watched (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *held_object = g_object_new (G_TYPE_BINDING_GROUP, NULL);
  GObject *weak = held_object;
  Watcher w = { NULL, 0, 0 };

  g_object_set_data (owner, "watcher", &w);
  g_object_add_weak_pointer (held_object, (gpointer *) &weak);
  fz_set_watched (&w.held, held_object, owner, "notify::source", G_CALLBACK (owner_on_notify), NULL);

  /* Our own reference keeps it alive; the watcher must hear nothing more. */
  fz_clear_watched (&w.held, owner);
  g_assert_null (w.held);
  g_object_notify (held_object, "source");
  g_assert_cmpuint (w.notified, ==, 0);

  /* Clearing an empty slot is fine, as in a second dispose. */
  fz_clear_watched (&w.held, owner);
  /* The slot's reference was dropped: ours was the last. */
  g_object_unref (held_object);
  g_assert_null (weak);
}

static void
test_signal_new (void)
{
  /* Declared on a type of the engine's, by its class_init: a run-last
   * signal that carries what it was declared with. */
  gpointer klass = g_type_class_ref (FZ_TYPE_REVIEW);
  guint id = g_signal_lookup ("score-adjustment-changed", FZ_TYPE_REVIEW);
  GSignalQuery query;

  g_assert_cmpuint (id, !=, 0);
  g_signal_query (id, &query);
  g_assert_true ((query.signal_flags & G_SIGNAL_RUN_LAST) != 0);
  g_assert_true (query.return_type == G_TYPE_NONE);
  g_assert_cmpuint (query.n_params, ==, 2);
  g_assert_true (query.param_types[0] == G_TYPE_STRING);
  g_assert_true (query.param_types[1] == G_TYPE_STRING);
  g_type_class_unref (klass);
}

#ifdef __linux__
/* The calling thread's time slice in nanoseconds, as Linux 6.12 and later
 * report it for normal threads; 0 where it does not. */
static guint64
thread_slice (void)
{
#ifdef SYS_sched_getattr
  struct {
    guint32 size, policy;
    guint64 flags;
    gint32  nice;
    guint32 priority;
    guint64 runtime, deadline, period;
  } attr = { 0 };

  if (syscall (SYS_sched_getattr, 0, &attr, sizeof attr, 0) == 0)
    return attr.runtime;
#endif
  return 0;
}

typedef struct
{
  int     nice[2];
  guint64 slice;
} Yielded;

static gpointer
yield_in_thread (gpointer data)
{
  Yielded *yielded = data;

  fz_thread_yield_to_foreground ();
  yielded->nice[0] = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  yielded->slice = thread_slice ();
  /* Twice is once: never lowered further, never raised. */
  fz_thread_yield_to_foreground ();
  yielded->nice[1] = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));

  return NULL;
}
#endif

/* A worker gives way to the window; the thread that called it, and so
 * the window's, keeps its place.  Where the kernel has time slices per
 * thread, the worker's is the longer: a waking window preempts it. */
static void
test_thread_yield (void)
{
#ifdef __linux__
  int before = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  guint64 slice_before = thread_slice ();
  Yielded yielded = { { 0, 0 }, 0 };
  GThread *thread = g_thread_new ("yield", yield_in_thread, &yielded);

  g_thread_join (thread);
  g_assert_cmpint (yielded.nice[0], >=, 10);
  g_assert_cmpint (yielded.nice[1], ==, yielded.nice[0]);
  if (slice_before != 0)
    g_assert_cmpuint (yielded.slice, >, slice_before);
  g_assert_cmpuint (thread_slice (), ==, slice_before);
  g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid)), ==, before);
#else
  g_test_skip ("thread priorities are per thread only on Linux");
#endif
}

#ifdef __linux__
static int
current_nice (void)
{
  return getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
}

static void
nice_in_task (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_assert_true (task_data == GINT_TO_POINTER (42));
  g_task_return_int (task, current_nice ());
}

static void
task_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  gssize *nice = data;

  *nice = g_task_propagate_int (G_TASK (result), NULL);
}

/* The task's function runs on a thread given way to the window, and its
 * result comes back as from g_task_run_in_thread(); then GLib's own
 * threads, which every GTask shares, still run at the window's priority. */
static gssize
run_task (gboolean background)
{
  g_autoptr(GTask) task = NULL;
  gssize nice = G_MININT;

  task = g_task_new (NULL, NULL, task_done_cb, &nice);
  g_task_set_task_data (task, GINT_TO_POINTER (42), NULL);
  if (background)
    fz_thread_run_in_background (task, nice_in_task);
  else
    g_task_run_in_thread (task, nice_in_task);
  while (nice == G_MININT)
    g_main_context_iteration (NULL, TRUE);

  return nice;
}
#endif

static void
test_thread_run_in_background (void)
{
#ifdef __linux__
  int before = current_nice ();

  /* More than the pool has threads, so that threads are reused. */
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (run_task (TRUE), >=, 10);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (run_task (FALSE), ==, before);
  g_assert_cmpint (current_nice (), ==, before);
#else
  g_test_skip ("thread priorities are per thread only on Linux");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/object-util/set-watched", test_set_watched);
  g_test_add_func ("/object-util/clear-watched", test_clear_watched);
  g_test_add_func ("/object-util/signal-new", test_signal_new);
  g_test_add_func ("/object-util/thread-yield", test_thread_yield);
  g_test_add_func ("/object-util/thread-run-in-background", test_thread_run_in_background);

  return g_test_run ();
}
