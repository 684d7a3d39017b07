/* fz-window-rounds.h: Return to Unit…, Open Revised Version… and Open Last Year's Report…
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-version-chooser.h"
#include "fz-window.h"

G_BEGIN_DECLS

/* The window's actions "win.return-to-unit", "win.open-revised-version"
 * and "win.open-last-year", installed on its class. */
void       _fz_window_rounds_install_actions (GtkWidgetClass *widget_class);
/* Enables them for the report in front (NULL: none, or not read yet). */
void       _fz_window_rounds_update_actions  (FzWindow       *self,
                                              FzReportPage   *page);

/* What the dialogs of the actions end with.  FZ_VERSION_REVISED: @file is
 * the revised version of @page's report, opened in its own tab with its
 * round-two view in front; FZ_VERSION_LAST_YEAR: @file is last year's
 * report of the unit, read beside @page's and its view shown.  Returns
 * the view. */
GtkWidget *fz_window_open_version           (FzWindow       *self,
                                              FzReportPage   *page,
                                              FzVersionKind   kind,
                                              GFile          *file);
/* The round-two or last-year view of @page (a page of its side pane,
 * shown once its other report is set); NULL until that report is set. */
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
