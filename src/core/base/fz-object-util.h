/* fz-object-util.h: GObject helpers: a signal declared in one call, and a held
 * object's signals followed across its replacement
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sets *@object_ptr to @new_object as g_set_object() does, and moves
 * @watcher's handlers with it: every handler whose data is @watcher is
 * disconnected from the old object, and each signal name and GCallback pair
 * that follows @watcher, up to a NULL, is connected on @new_object (when not
 * NULL) swapped, for as long as @watcher lives. Returns FALSE, and does
 * nothing, when *@object_ptr already is @new_object. */
gboolean fz_set_watched   (gpointer    object_ptr,
                           gpointer    new_object,
                           gpointer    watcher,
                           ...) G_GNUC_NULL_TERMINATED;

/* Disconnects @watcher's handlers from *@object_ptr and clears it, as a
 * dispose does. */
void     fz_clear_watched (gpointer    object_ptr,
                           gpointer    watcher);

/* Declares a run-last signal of @klass's type that returns nothing and carries
 * @n_params values of the GTypes that follow: the shape of the project's
 * signals, which have no class handler. */
guint    fz_signal_new    (gpointer    klass,
                           const char *name,
                           guint       n_params,
                           ...);

G_END_DECLS
