/* fz-object-util.c: GObject helpers: a signal declared in one call, and a held
 * object's signals followed across its replacement
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "fz-object-util.h"

guint
fz_signal_new (gpointer    klass,
               const char *name,
               guint       n_params,
               ...)
{
  va_list args;
  guint id;

  g_return_val_if_fail (G_IS_OBJECT_CLASS (klass), 0);

  va_start (args, n_params);
  id = g_signal_new_valist (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                            NULL, NULL, NULL, NULL,
                            G_TYPE_NONE, n_params, args);
  va_end (args);

  return id;
}

gboolean
fz_set_watched (gpointer    object_ptr,
                gpointer    new_object,
                gpointer    watcher,
                ...)
{
  GObject **slot = object_ptr;
  va_list args;

  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (new_object == NULL || G_IS_OBJECT (new_object), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (watcher), FALSE);

  if (*slot == new_object)
    return FALSE;

  /* By data, not by callback: the watcher's handlers on the old object are
   * all stale once it is replaced, however they were connected. */
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, watcher);
  g_set_object (slot, new_object);
  if (new_object == NULL)
    return TRUE;

  va_start (args, watcher);
  for (const char *signal = va_arg (args, const char *); signal != NULL; signal = va_arg (args, const char *))
    {
      GCallback callback = va_arg (args, GCallback);

      g_signal_connect_object (new_object, signal, callback, watcher, G_CONNECT_SWAPPED);
    }
  va_end (args);

  return TRUE;
}

void
fz_clear_watched (gpointer object_ptr,
                  gpointer watcher)
{
  GObject **slot = object_ptr;

  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, watcher);
  g_clear_object (slot);
}
