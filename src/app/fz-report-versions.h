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
 * "report" — the page's report as an FzReport, with the page's analysis
 * and its live review, following the page when it reads or checks the
 * report again; "first-report" — the first version, whose review's
 * points round two follows; "last-report" — the unit's report of the
 * year before.  The last two are NULL until opened. */
FzReportVersions *fz_report_versions_for_page         (FzReportPage     *page);
FzReportPage     *fz_report_versions_get_page         (FzReportVersions *self);
FzReport         *fz_report_versions_get_report       (FzReportVersions *self);
FzReport         *fz_report_versions_get_first_report (FzReportVersions *self);
FzReport         *fz_report_versions_get_last_report  (FzReportVersions *self);

/* The page's report is the revised version of @first (nullable: none),
 * the report of another tab as fz_report_versions_get_report() gives it,
 * with its live review. */
void              fz_report_versions_set_first_report (FzReportVersions *self,
                                                       FzReport         *first);
/* Sets @file beside the page's report as the unit's report of last year
 * and reads it.  When @open_page (nullable) is a tab showing that file,
 * its report and live review are used rather than a second copy. */
void              fz_report_versions_open_last_year   (FzReportVersions *self,
                                                       GFile            *file,
                                                       FzReportPage     *open_page);
void              fz_report_versions_set_last_report  (FzReportVersions *self,
                                                       FzReport         *last);

G_END_DECLS
