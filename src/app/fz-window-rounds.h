/* fz-window-rounds.h: Return to Unit…, Open Revised Version… and Open Last Year's Report…
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-version-chooser.h"
#include "fz-window.h"

G_BEGIN_DECLS

/* The window's actions "win.return-to-unit", "win.open-revised-version",
 * "win.open-last-year", and "win.show-round-two" and "win.show-last-year"
 * that bring a view opened before back, installed on its class. */
void       _fz_window_rounds_install_actions (GtkWidgetClass *widget_class);
/* Enables them for the report in front (NULL: none, or not read yet). */
void       _fz_window_rounds_update_actions  (FzWindow       *self,
                                              FzReportPage   *page);

/* Sets @file beside @page's report as its revised version's first round
 * or as last year's report, reads it and shows the view; what the dialog
 * of the actions ends with.  Returns the view. */
GtkWidget *fz_window_open_version           (FzWindow       *self,
                                              FzReportPage   *page,
                                              FzVersionKind   kind,
                                              GFile          *file);
/* The round-two or last-year view of @page, or NULL when none is open. */
GtkWidget *fz_window_get_version_view       (FzWindow       *self,
                                              FzReportPage   *page,
                                              FzVersionKind   kind);
/* Writes the report in front, returned to its unit, to @file in a worker,
 * as "Return to Unit…" does once the file is chosen. */
void       fz_window_return_to_unit         (FzWindow       *self,
                                              GFile          *file);
/* TRUE while a returned report is being written. */
gboolean   fz_window_get_returning          (FzWindow       *self);

G_END_DECLS
