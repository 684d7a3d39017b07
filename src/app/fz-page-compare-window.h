/* fz-page-compare-window.h: the reviewed text and the published page side by side
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_PAGE_COMPARE_WINDOW (fz_page_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (FzPageCompareWindow, fz_page_compare_window, FZ, PAGE_COMPARE_WINDOW, AdwWindow)

/* The text reviewed on the left and @page's text on the right, as its
 * comparison aligned them (fz_published_page_get_comparison()), each
 * paragraph of the body published otherwise marked on both sides.
 * @page must have been compared. */
GtkWidget       *fz_page_compare_window_new            (GtkWindow             *parent,
                                                        FzPublishedPage       *page);
FzPublishedPage *fz_page_compare_window_get_page       (FzPageCompareWindow   *self);
/* Paragraphs marked on each side. */
guint            fz_page_compare_window_get_n_marked   (FzPageCompareWindow   *self);
/* Scrolls both sides to @difference and selects it. */
void             fz_page_compare_window_show_difference (FzPageCompareWindow  *self,
                                                         FzPublishedDifference *difference);

G_END_DECLS
