/* fz-report-private.h: what the files of FzReport share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-report.h"

G_BEGIN_DECLS

struct _FzReport
{
  GObject         parent_instance;

  GFile          *file;
  char           *display_name;
  FzReviewStore  *reviews;        /* nullable */
  FzRuleSetStore *rulesets;       /* nullable */

  FzReportStage   stage;
  FzImportProgress *import_progress; /* of the reading under way */
  GError         *error;
  GCancellable   *cancellable;    /* of the stage under way */
  GTask          *pending;        /* the load to finish when the stages end */
  GCancellable   *caller_cancellable;
  gulong          caller_handler;

  char           *sha256;
  FzDocument     *document;
  FzReview       *review;
  char           *review_warning;
  FzRuleSet      *ruleset;
  FzAnalysis     *analysis;

  GListStore     *checklist;      /* FzChecklistItem */
  GPtrArray      *findings;       /* FzFinding, borrowed: the analysis's, @extra_findings, the page's, @filing_findings */
  GPtrArray      *extra_findings; /* FzFinding */
  guint           n_required;
  guint           n_decided;

  FzScore        *score;          /* nullable: the rule set's table, if it has one */
  FzPublishedPage *published;     /* nullable */
  FzFiling       *filing;         /* the review's record, followed */
  GPtrArray      *filing_findings; /* FzFinding: filed_late, published_late */
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_REVIEW_STORE,
  PROP_RULESET_STORE,
  PROP_STAGE,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_IMPORT_PROGRESS,
  PROP_ERROR,
  PROP_SHA256,
  PROP_DOCUMENT,
  PROP_REVIEW,
  PROP_REVIEW_WARNING,
  PROP_RULESET,
  PROP_ANALYSIS,
  PROP_CHECKLIST,
  PROP_N_REQUIRED,
  PROP_N_DECIDED,
  PROP_SCORE,
  PROP_PUBLISHED_PAGE,
  PROP_ADDED_FINDINGS,
  N_PROPS
};

extern GParamSpec *_fz_report_properties[N_PROPS];

/* fz-report.c: the state the views see, changed on the main thread. */
void _fz_report_notify           (FzReport      *self,
                                  guint          prop);
void _fz_report_set_stage        (FzReport      *self,
                                  FzReportStage  stage);
/* Ends the load under way, with @error (taken) or with success. */
void _fz_report_finish_pending   (FzReport      *self,
                                  GError        *error);
/* Takes @error. */
void _fz_report_fail             (FzReport      *self,
                                  GError        *error);
void _fz_report_take_review      (FzReport      *self,
                                  FzReview      *review);
void _fz_report_take_analysis    (FzReport      *self,
                                  FzAnalysis    *analysis);

/* fz-report-load.c: the pipeline. */
/* Cancels the stage under way, and gives the next one a new cancellable. */
void _fz_report_restart          (FzReport      *self);
/* Checks the document in a worker. */
void _fz_report_analyse          (FzReport      *self);

G_END_DECLS
