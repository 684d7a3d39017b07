/* fz-report.h: one report, read once, with its review and analysis
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-import-progress.h"
#include "fz-checklist-item.h"
#include "fz-published.h"
#include "fz-review-store.h"
#include "fz-ruleset-store.h"
#include "fz-score.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_REPORT_STAGE_NONE,           /* not loaded yet */
  FZ_REPORT_STAGE_READING,        /* reading and converting the file */
  FZ_REPORT_STAGE_ANALYSING,      /* checking it against the rule set */
  FZ_REPORT_STAGE_READY,
  FZ_REPORT_STAGE_FAILED,         /* see FzReport:error */
} FzReportStage;

#define FZ_TYPE_REPORT (fz_report_get_type ())

G_DECLARE_FINAL_TYPE (FzReport, fz_report, FZ, REPORT, GObject)

/* @reviews (nullable) gives the report its live review; @rulesets
 * (nullable) gives the rule set its review remembers. */
FzReport      *fz_report_new                 (GFile          *file,
                                              FzReviewStore  *reviews,
                                              FzRuleSetStore *rulesets);

/* The one way a report is read: the file once, under the importer's size
 * limit; those bytes hashed to find the review; the text imported; then
 * checked with the rule set the review remembers, else FzReport:ruleset,
 * else the national one.  Properties change on the main thread as each
 * stage ends.  Loading again starts over; the earlier load is cancelled. */
void           fz_report_load_async          (FzReport       *self,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
gboolean       fz_report_load_finish         (FzReport       *self,
                                              GAsyncResult   *result,
                                              GError        **error);
/* The same pipeline in the calling thread, for a report no other thread
 * uses yet (the checker's workers). */
gboolean       fz_report_load                (FzReport       *self,
                                              GCancellable   *cancellable,
                                              GError        **error);
void           fz_report_cancel              (FzReport       *self);

GFile         *fz_report_get_file            (FzReport       *self);
const char    *fz_report_get_display_name    (FzReport       *self);
FzReportStage  fz_report_get_stage           (FzReport       *self);
gboolean       fz_report_get_loading         (FzReport       *self);
/* The reading under way, or the last one: which stage (a conversion
 * through LibreOffice takes a while) and for how long.  A new object for
 * each load; NULL before the first. */
FzImportProgress *fz_report_get_import_progress (FzReport *self);
/* 0–1 while loading. */
double         fz_report_get_progress        (FzReport       *self);
/* Why the last load failed; NULL unless FZ_REPORT_STAGE_FAILED. */
const GError  *fz_report_get_error           (FzReport       *self);
/* SHA-256 of the bytes read; NULL before. */
const char    *fz_report_get_sha256          (FzReport       *self);
FzDocument    *fz_report_get_document        (FzReport       *self);
/* NULL without a review store, or before the file is read. */
FzReview      *fz_report_get_review          (FzReport       *self);
/* Why the stored review could not be used (damaged, newer version), when
 * a new one was started instead; else NULL. */
const char    *fz_report_get_review_warning  (FzReport       *self);
FzAnalysis    *fz_report_get_analysis        (FzReport       *self);

/* The rule set the report is checked with.  Setting another after the
 * report is read checks it again in a worker (decisions on elements the
 * new set still has are kept) and remembers the choice in the review. */
FzRuleSet     *fz_report_get_ruleset         (FzReport       *self);
void           fz_report_set_ruleset         (FzReport       *self,
                                              FzRuleSet      *ruleset);

/* A GListModel of FzChecklistItem, one per element of the rule set, in
 * its order.  Rebuilt when the report is checked again; a decision only
 * changes its item. */
GListModel    *fz_report_get_checklist       (FzReport       *self);
FzChecklistItem *fz_report_find_item         (FzReport       *self,
                                              const char     *element_id);
/* Required elements, and those of them the reviewer decided. */
guint          fz_report_get_n_required      (FzReport       *self);
guint          fz_report_get_n_decided       (FzReport       *self);

/* Findings made elsewhere (copy_overlap, from a batch), kept across
 * re-checks and listed with the checks' own.  Those it has already are
 * not added again; FALSE when nothing was new. */
gboolean       fz_report_add_findings        (FzReport       *self,
                                              GPtrArray      *findings);
/* FzFinding: the ones added so far, in order (FzReport:added-findings).
 * The same array for the report's life: it only grows. */
GPtrArray     *fz_report_get_added_findings  (FzReport       *self);
/* FzFinding: the analysis's findings, then the added ones, then the
 * published page's differences (published_differs), then filed_late and
 * published_late as the review's filing record stands against the rule
 * set's deadlines.  ::findings-changed tells when it is new. */
GPtrArray     *fz_report_get_findings        (FzReport       *self);

/* The score under the rule set's scoring table, NULL before the report
 * is checked and when the set has no table.  It follows the analysis, the
 * review (decisions, adjustments, filing record) and the findings above,
 * and updates its items in place; a new score object comes only with a
 * rule set that has another table. */
FzScore       *fz_report_get_score           (FzReport       *self);

/* The saved web page of the published report, compared with this one
 * (fz_published_page_load_async() with the report's analysis): its
 * differences count among the findings and in the score.  NULL forgets
 * it.  The filing record is left to the caller
 * (fz_published_page_fill_filing()). */
FzPublishedPage *fz_report_get_published_page (FzReport      *self);
void           fz_report_set_published_page  (FzReport       *self,
                                              FzPublishedPage *page);

G_END_DECLS
