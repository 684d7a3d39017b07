/* fz-growing-list.h: a list model that shows its source a few items a turn
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FZ_TYPE_GROWING_LIST (fz_growing_list_get_type ())

/* A GListModel of the items of @source, shown @step more each main-loop
 * turn after a change, and the rest at once past the first @burst.
 *
 * GTK 4.8's list views make the widgets of up to some 200 rows around the
 * top, however few are in sight, and measure them all in the next frame:
 * a 2 MB report's outline of thousands of headings held the window for
 * some 80 ms.  Grown a few rows a turn, each frame makes only those. */
G_DECLARE_FINAL_TYPE (FzGrowingList, fz_growing_list, FZ, GROWING_LIST, GObject)

FzGrowingList *fz_growing_list_new   (GListModel    *source,
                                      guint          step,
                                      guint          burst);
/* Shows every item of the source now. */
void           fz_growing_list_flush (FzGrowingList *self);

G_END_DECLS
