/* fz-report-page-private.h: the page's state, shared by its two files
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-annotation-popover.h"
#include "fz-annotations-view.h"
#include "fz-checklist-view.h"
#include "fz-filing-view.h"
#include "fz-frame-step.h"
#include "fz-findings-view.h"
#include "fz-history-view.h"
#include "fz-memo-view.h"
#include "fz-outline-view.h"
#include "fz-report-page.h"
#include "fz-report-view.h"
#include "fz-score-badge.h"
#include "fz-score-view.h"
#include "fz-rounds-view.h"

G_BEGIN_DECLS

struct _FzReportPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkWidget            *loading_box;
  GtkSpinner           *spinner;
  guint                 busy_id;      /* shows the spinner once loading takes a while */
  FzFrameStep           apply_wait;   /* the views taking the analysis, a frame apart */
  guint                 apply_step;
  GtkLabel             *loading_label;
  FzImportProgress     *progress;     /* of the file being read, while it is */
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  GtkWidget            *report_box;   /* hidden for the tab's first frame */
  GdkFrameClock        *first_frame_clock;
  FzFrameStep           prepare_wait; /* the report's side, made a frame later */
  gboolean              side_prepared;
  GtkPaned             *outline_paned;
  GtkRevealer          *warnings_revealer;
  GtkLabel             *warnings_label;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  FzOutlineView        *outline_view;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *previous_match_button;
  GtkWidget            *next_match_button;
  GtkWidget            *hide_notes_button;
  GtkLabel             *search_label;
  FzReportView         *text_view;
  GtkDropDown          *ruleset_dropdown;
  GtkLabel             *progress_label;
  AdwViewSwitcher      *view_switcher;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *problems_page;
  AdwViewStackPage     *annotations_page;
  FzChecklistView      *checklist_view;
  FzFindingsView       *findings_view;
  FzAnnotationsView    *annotations_view;
  /* Made late (fz-report-page-views.c): NULL until first shown, or
   * until their other report is set. */
  AdwBin               *memo_bin;
  FzMemoView           *memo_view;
  AdwBin               *score_bin;
  FzScoreView          *score_view;
  AdwBin               *filing_bin;
  FzFilingView         *filing_view;
  AdwViewStackPage     *round_two_page;  /* shown once a first version is set beside the report */
  AdwBin               *rounds_bin;
  FzRoundsView         *rounds_view;
  AdwViewStackPage     *last_year_page;  /* shown once last year's report is */
  AdwBin               *history_bin;
  FzHistoryView        *history_view;
  FzAnnotationPopover  *annotation_popover;
  guint                 annotate_start;   /* the passage the popover annotates */
  guint                 annotate_end;

  FzReport             *report;       /* the model: read, review, rule set, analysis */
  FzRuleSetStore       *rulesets;     /* the report's, listed by the drop-down */
  FzReviewStore        *reviews;      /* the report's */
  GFile                *file;
  char                 *title;
  char                 *subtitle;
  char                 *error_message;
  FzAnalysis           *analysis;         /* the report's, as the views have it */
  FzDocument           *document;
  char                 *ruleset_id;
  GSettings            *settings;
  FzReview             *review;           /* the reviewer's work, saved as it changes */
  FzReviewSaver        *saver;
  guint                 n_required;
  guint                 n_decided;

  guint                 loading : 1;
  guint                 syncing : 1;      /* the rule set drop-down set by code */
  guint                 disposed : 1;
  guint                 walking_findings : 1; /* F8 is past the checklist */
};

/* fz-report-page.c */
void _fz_report_page_count_decisions (FzReportPage *self);
void _fz_report_page_toast           (FzReportPage *self,
                                      const char   *message);
void _fz_report_page_show_toast      (FzReportPage *self,
                                      AdwToast     *toast);
void _fz_report_page_emit_review_changed (FzReportPage *self);
void _fz_report_page_set_loading     (FzReportPage *self,
                                      gboolean      loading);
/* Gives every view the analysis now, for what needs them all. */
void     _fz_report_page_finish_apply (FzReportPage *self);

/* A view's "reveal": shows that range of the text. */
void _fz_report_page_on_reveal       (FzReportPage *self,
                                      guint         start,
                                      guint         end);

/* fz-report-page-views.c: the views made on their first showing, or
 * (round two, last year) when their other report is set. */
FzFilingView *_fz_report_page_ensure_filing_view (FzReportPage *self);
FzScoreView  *_fz_report_page_ensure_score_view  (FzReportPage *self);
FzMemoView   *_fz_report_page_ensure_memo_view   (FzReportPage *self);
void          _fz_report_page_ensure_shown_view  (FzReportPage *self);
void          _fz_report_page_attach_versions    (FzReportPage *self);
void _fz_report_page_set_error_message (FzReportPage *self,
                                        const char   *message);
/* The file could not be read or analysed: the error page says why. */
void _fz_report_page_fail            (FzReportPage *self,
                                      const GError *error);
/* An analysis is ready: every view takes it. */
void _fz_report_page_apply           (FzReportPage *self,
                                      FzAnalysis   *analysis);

/* fz-report-page-load.c */
void _fz_report_page_take_review     (FzReportPage *self,
                                      FzReview     *review);
/* Follows the report's properties; picks the default rule set. */
void _fz_report_page_connect_report  (FzReportPage *self);
void _fz_report_page_on_rules_changed (FzReportPage *self);
void _fz_report_page_on_ruleset_selected (FzReportPage *self);
void _fz_report_page_on_warnings_closed (FzReportPage *self);
void _fz_report_page_on_cancel_clicked (FzReportPage *self);
void _fz_report_page_on_retry_clicked (FzReportPage *self);

/* fz-report-page-review.c */
void _fz_report_page_init_review     (FzReportPage *self);
void _fz_report_page_update_badges   (FzReportPage *self);
void _fz_report_page_on_added_findings (FzReportPage *self);
void _fz_report_page_on_annotation_edit (FzReportPage *self,
                                         FzAnnotation *annotation);
void _fz_report_page_on_annotation_delete_requested (FzReportPage *self,
                                                     FzAnnotation *annotation);

G_END_DECLS
