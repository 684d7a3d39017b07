/* fz-report-view.h: the report as read, with what the engine found marked
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_REPORT_VIEW (fz_report_view_get_type ())

G_DECLARE_FINAL_TYPE (FzReportView, fz_report_view, FZ, REPORT_VIEW, GtkTextView)

GtkWidget  *fz_report_view_new              (void);
FzAnalysis *fz_report_view_get_analysis     (FzReportView *self);
/* TRUE while a long text is still being laid in (#FzReportView:filling). */
gboolean    fz_report_view_get_filling      (FzReportView *self);
/* Shows the analysed document's text with headings, figures and findings
 * marked.  A long text is laid in over several main-loop turns so the
 * window never waits for it; the first screens come at once. */
void        fz_report_view_set_analysis     (FzReportView *self,
                                             FzAnalysis   *analysis);
/* Scrolls to the characters [start, end), selects and flashes them. */
void        fz_report_view_reveal_range     (FzReportView *self,
                                             guint         start,
                                             guint         end);
/* Marks every match of @needle (case-insensitive) and returns how many;
 * an empty needle clears the marks.  The selection collapses to its start,
 * so the next fz_report_view_find() refines the current match in place. */
guint       fz_report_view_mark_matches     (FzReportView *self,
                                             const char   *needle);
/* Moves to the next or previous match from the selection, wrapping
 * around; FALSE when there is none. */
gboolean    fz_report_view_find             (FzReportView *self,
                                             const char   *needle,
                                             gboolean      forward);
/* The selected characters, FALSE when nothing is selected. */
gboolean    fz_report_view_get_selection    (FzReportView *self,
                                             guint        *start,
                                             guint        *end);

/* Shades the annotations of @annotations (FzAnnotation) by category, and
 * follows the list as annotations come and go. */
void        fz_report_view_set_annotations  (FzReportView *self,
                                             GListModel   *annotations);
/* Shades again after an annotation's category or range changed. */
void        fz_report_view_refresh_annotations (FzReportView *self);
/* Underlines @findings (FzFinding) too, besides the analysis's own. */
void        fz_report_view_set_extra_findings (FzReportView *self,
                                               GPtrArray    *findings);
/* @popover points into the text from now on; the view owns it. */
void        fz_report_view_add_popover      (FzReportView *self,
                                             GtkPopover   *popover);
/* Points @popover at the passage [start, end). */
void        fz_report_view_point_popover    (FzReportView *self,
                                             GtkPopover   *popover,
                                             guint         start,
                                             guint         end);

G_END_DECLS
