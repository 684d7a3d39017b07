/* fz-report-page.h: one report in its tab, its text beside the review
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_REPORT_PAGE (fz_report_page_get_type ())

G_DECLARE_FINAL_TYPE (FzReportPage, fz_report_page, FZ, REPORT_PAGE, AdwBin)

/* A page showing @report, which has the stores to find its review and
 * rule sets in; call fz_report_page_load() to read it. */
FzReportPage *fz_report_page_new               (FzReport      *report);
FzReport     *fz_report_page_get_report        (FzReportPage  *self);
GFile        *fz_report_page_get_file          (FzReportPage  *self);
/* The unit and year once the report is read ("北坡镇 · 2024年度"), the
 * file name before or when neither is known. */
const char   *fz_report_page_get_title         (FzReportPage  *self);
/* The file name. */
const char   *fz_report_page_get_subtitle      (FzReportPage  *self);
gboolean      fz_report_page_get_loading       (FzReportPage  *self);
/* TRUE while the views take a new analysis over the frames that follow
 * it: the text and the checklist first (then the page is no longer
 * loading), the outline, the problems and the memo after. */
gboolean      fz_report_page_get_filling       (FzReportPage  *self);
/* The reason the last load failed, NULL unless it failed. */
const char   *fz_report_page_get_error_message (FzReportPage  *self);
/* NULL until the report is loaded and analysed. */
FzAnalysis   *fz_report_page_get_analysis      (FzReportPage  *self);

/* Starts (or restarts) importing and analysing the file off the main thread. */
void          fz_report_page_load              (FzReportPage  *self);
void          fz_report_page_cancel            (FzReportPage  *self);

/* Scrolls the text to [start, end) (character offsets), selects it and
 * flashes it. */
void          fz_report_page_reveal_range      (FzReportPage  *self,
                                                guint          start,
                                                guint          end);
void          fz_report_page_begin_search      (FzReportPage  *self);

/* Checks the report with rule set @ruleset_id (FzReport:ruleset follows);
 * the imported text is analysed again and decisions on elements still
 * listed are kept. */
void          fz_report_page_set_ruleset       (FzReportPage  *self,
                                                const char    *ruleset_id);
/* Moves to the next (or previous) required element without a decision,
 * then through the kinds of problem, and shows it in the text. */
gboolean      fz_report_page_select_next_open  (FzReportPage  *self,
                                                gboolean       forward);
/* The element of the selected checklist row, NULL if it is no element. */
const char   *fz_report_page_get_selected_element (FzReportPage *self);
gboolean      fz_report_page_decide_selected   (FzReportPage  *self,
                                                FzStatus       status);

/* The reviewer's work on this report; NULL until the report is read. */
FzReview     *fz_report_page_get_review        (FzReportPage  *self);
/* The report model of this tab: its checklist, findings, score and
 * published page follow what the tab reads, checks and decides. */
FzReport     *fz_report_page_get_report        (FzReportPage  *self);
/* Opens the annotation popover on the selected passage; FALSE when
 * nothing is selected. */
gboolean      fz_report_page_annotate_selection (FzReportPage *self);
/* Deletes @annotation and offers to undo it (::show-toast). */
void          fz_report_page_delete_annotation (FzReportPage  *self,
                                                FzAnnotation  *annotation);
/* The memo as the 审查意见 view shows it, made now: NULL before the report
 * is analysed. */
FzMemo       *fz_report_page_create_memo       (FzReportPage  *self);
/* Brings a view of the side pane to the front: "checklist", "problems",
 * "annotations", "score", "filing" or "memo". */
void          fz_report_page_show_view         (FzReportPage  *self,
                                                const char    *name);
const char   *fz_report_page_get_visible_view  (FzReportPage  *self);
/* Shows the filing view and asks for the saved web page of the published
 * report, to compare it with this one. */
void          fz_report_page_choose_published_page (FzReportPage *self);

G_END_DECLS
