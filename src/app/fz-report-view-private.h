/* fz-report-view-private.h: the text view's state, shared by its files
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-report-view.h"

G_BEGIN_DECLS

struct _FzReportView
{
  GtkTextView    parent_instance;

  GtkTextBuffer *buffer;
  GtkTextTag    *zoom_tag;
  GtkTextTag    *heading_tag;
  GtkTextTag    *figure_tag;
  GtkTextTag    *finding_tags[3];  /* by FzSeverity */
  GtkTextTag    *search_tag;
  GtkTextTag    *flash_tag;
  GtkTextTag    *annotation_tags[3]; /* by FzAnnotationCategory */
  GSettings     *settings;

  GListModel    *annotations;     /* FzAnnotation, from the review */
  GPtrArray     *extra_findings;  /* FzFinding not in the analysis (copy_overlap) */
  GPtrArray     *popovers;        /* popovers pointing into the text */

  FzAnalysis    *analysis;
  FzDocument    *filled;          /* the document whose text the buffer holds */
  guint          flash_id;
  GdkFrameClock *clock;           /* while realized */
  gulong         layout_id;       /* its layout, after the window's */
  int            baseline;        /* of the last allocation */

  /* Laying in a long text: how far it got, and the next mark of each
   * kind to apply (all three lists are in document order). */
  guint          fill_id;
  gsize          fill_bytes;
  guint          fill_chars;
  guint          next_section;
  guint          next_figure;
  guint          next_finding;
};

/* fz-report-view.c */
/* Whether [start, end) is exactly a section heading. */
gboolean _fz_report_view_is_heading_range (FzAnalysis *analysis,
                                           guint       start,
                                           guint       end);

/* Lays in the rest of the text now: for what needs all of it. */
void     _fz_report_view_finish_fill      (FzReportView *self);

/* fz-report-view-tooltip.c */
gboolean _fz_report_view_query_tooltip    (GtkWidget  *widget,
                                           int         x,
                                           int         y,
                                           gboolean    keyboard_mode,
                                           GtkTooltip *tooltip);

G_END_DECLS
