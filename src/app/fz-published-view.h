/* fz-published-view.h: the published page beside the report, and how it differs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_PUBLISHED_VIEW (fz_published_view_get_type ())

G_DECLARE_FINAL_TYPE (FzPublishedView, fz_published_view, FZ, PUBLISHED_VIEW, AdwBin)

/* Shows the saved web page of the published report that "report" holds
 * (FzReport:published-page): its file and date, and its differences
 * (fz_published_page_get_differences()) with their sections and the
 * words on each side.  Activating a difference emits ::reveal-range
 * (start, end) with its place in the report's text. */
GtkWidget *fz_published_view_new         (void);
FzReport  *fz_published_view_get_report  (FzPublishedView *self);
void       fz_published_view_set_report  (FzPublishedView *self,
                                          FzReport        *report);
/* Reads @file in a worker, compares it with the report, and gives it to
 * the report; its date and address go into the review's filing record
 * where the reviewer recorded none.  "loading" is TRUE meanwhile; a page
 * that cannot be read is said in the view, and the page held before is
 * kept. */
void       fz_published_view_open        (FzPublishedView *self,
                                          GFile           *file);
/* Asks for the file first. */
void       fz_published_view_choose      (FzPublishedView *self);
/* Forgets the page (its differences leave the findings and the score);
 * the dates it recorded stay, as the reviewer's record. */
void       fz_published_view_close_page  (FzPublishedView *self);
/* Opens (or presents) the window with the reviewed text and the page's
 * side by side (FzPageCompareWindow); NULL without a compared page.
 * Activating a difference then shows it there too. */
GtkWindow *fz_published_view_show_side_by_side (FzPublishedView *self);
gboolean   fz_published_view_get_loading (FzPublishedView *self);
/* Why the last page could not be opened, or NULL. */
const char *fz_published_view_get_error  (FzPublishedView *self);

G_END_DECLS
