/* fz-report-versions.h: a page's report and the other versions set beside it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-report-page.h"

G_BEGIN_DECLS

#define FZ_TYPE_REPORT_VERSIONS (fz_report_versions_get_type ())

G_DECLARE_FINAL_TYPE (FzReportVersions, fz_report_versions, FZ, REPORT_VERSIONS, GObject)

/* The page's own, made on first use and kept as long as the page.
 * Properties, for the round-two and last-year views to bind to:
 * "report" — the page's FzReport; "first-report" — the first version,
 * whose review's points round two follows; "last-report" — the unit's
 * report of the year before.  The last two are NULL until set. */
FzReportVersions *fz_report_versions_for_page         (FzReportPage     *page);
FzReport         *fz_report_versions_get_report       (FzReportVersions *self);
FzReport         *fz_report_versions_get_first_report (FzReportVersions *self);
FzReport         *fz_report_versions_get_last_report  (FzReportVersions *self);

/* The page's report is the revised version of @first (nullable: none),
 * another tab's report with its live review. */
void              fz_report_versions_set_first_report (FzReportVersions *self,
                                                       FzReport         *first);
/* @last (nullable) is the unit's report of the year before: another
 * tab's, or one read for this page (which then loads it). */
void              fz_report_versions_set_last_report  (FzReportVersions *self,
                                                       FzReport         *last);

/* Binds the page's round-two and last-year pages of the side pane to
 * these reports: each page is shown once its other report is set. */
void              fz_report_versions_attach           (FzReportVersions *self,
                                                       AdwViewStackPage *round_two_page,
                                                       AdwViewStackPage *last_year_page);
/* Binds @view's "report" and its @version ("first-report" for the
 * round-two view, "last-report" for last year's) to these. */
void              fz_report_versions_bind_view        (FzReportVersions *self,
                                                       GtkWidget        *view,
                                                       const char       *version);

G_END_DECLS
