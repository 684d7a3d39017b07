/* fz-copy-window.h: two reports side by side, their shared passages marked
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_COPY_WINDOW (fz_copy_window_get_type ())

G_DECLARE_FINAL_TYPE (FzCopyWindow, fz_copy_window, FZ, COPY_WINDOW, AdwWindow)

/* @copy must outlive the window's use of it only while it is built: the
 * texts and ranges are copied. */
GtkWidget *fz_copy_window_new            (const FzBatchCopy *copy);
guint      fz_copy_window_get_n_passages (FzCopyWindow      *self);
/* Scrolls both sides to passage @index and selects it. */
void       fz_copy_window_show_passage   (FzCopyWindow      *self,
                                          guint              index);

G_END_DECLS
