/* fz-batch-private.h: what the batch's files share
 *
 * The batch and its entries are split by concern over fz-batch*.c; this
 * is their common state, never included outside src/core/batch.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-batch.h"

G_BEGIN_DECLS

struct _FzBatchEntry
{
  GObject            parent_instance;

  GFile             *file;
  char              *display_name;
  gboolean           reference;
  FzRuleSet         *rules;

  FzBatchEntryState  state;
  FzAnalysis        *analysis;
  GError            *error;
  char              *unit;
  char              *title;
  char              *date;
  FzLevel            level;
  int                year;
  GArray            *statuses;    /* FzStatus, in the rule set's order */
  /* The reviewer's decisions are the review's: the live one of the
   * batch's FzReviewStore, once the report is read.  @decisions holds only
   * those with no review to go to: from an old .fzbatch, or made in a
   * batch without a store (the checker); a review that comes takes them
   * in, unless it decided the element itself. */
  FzReview          *review;      /* nullable */
  GHashTable        *decisions;   /* element id → FzStatus + 1 */
  guint              n_findings[3];
  GPtrArray         *copy_findings;
  FzGrade            suggested;
  FzGrade            override;
  char              *sha256;
  char              *saved_sha256;
  char              *reviewer;    /* who reviewed it, when there is no review */
  FzFiling          *filing;      /* counted by fz-filing-counts.c */
  /* What the score needs of the analysis, and the score it gives: a batch
   * of thousands keeps no score model, only this. */
  FzScoreFacts      *facts;       /* nullable */
  double             score_total; /* -1 without a score */
  const FzScoreBand *score_band;  /* nullable */
  GHashTable        *findings;    /* source → GPtrArray of FzFinding given by the caller; nullable */
};

typedef enum {
  ENTRY_PROP_0,
  ENTRY_PROP_FILE,
  ENTRY_PROP_DISPLAY_NAME,
  ENTRY_PROP_REFERENCE,
  ENTRY_PROP_STATE,
  ENTRY_PROP_UNIT,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_YEAR,
  ENTRY_PROP_SUGGESTED_GRADE,
  ENTRY_PROP_GRADE_OVERRIDE,
  ENTRY_PROP_GRADE,
  ENTRY_PROP_CHANGED,
  ENTRY_PROP_SCORE,
  ENTRY_PROP_FILING,
  ENTRY_PROP_REVIEW,
  N_ENTRY_PROPS
} FzBatchEntryProp;

struct _FzBatch
{
  GObject           parent_instance;

  FzRuleSet        *rules;
  FzReviewStore    *reviews;      /* nullable */
  GListStore       *entries;
  GListStore       *references;
  GHashTable       *files;        /* GFile → the entry, to refuse duplicates */
  char             *reviewer;
  guint             n_total;
  guint             n_done;
  gboolean          keep_analyses;
  gboolean          detect_copies;
  gboolean          hash_files;
  gboolean          running;
  FzBatchEntryFunc  entry_func;
  gpointer          entry_func_data;
  GPtrArray        *copies;       /* FzBatchCopy */
  int               year;         /* fz_batch_get_year()'s answer, */
  gboolean          year_known;   /* kept until an entry or its year changes */
};

typedef enum {
  PROP_0,
  PROP_RULESET,
  PROP_REVIEWER,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_RUNNING,
  PROP_REVIEWS,
  N_PROPS
} FzBatchProp;

/* fz-batch.c */
gboolean      _fz_batch_set_str               (char             **str,
                                               const char        *value);
void          _fz_batch_notify                (FzBatch           *self,
                                               FzBatchProp        prop);

/* fz-batch-entry.c */
FzBatchEntry *_fz_batch_entry_new             (GFile             *file,
                                               FzRuleSet         *rules,
                                               gboolean           reference);
void          _fz_batch_entry_notify          (FzBatchEntry      *self,
                                               FzBatchEntryProp   prop);
void          _fz_batch_entry_emit_changed    (FzBatchEntry      *self);
/* The suggested grade and the score follow the entry as it stands. */
void          _fz_batch_entry_update_grade    (FzBatchEntry      *self);
void          _fz_batch_entry_update_score    (FzBatchEntry      *self);
/* Both, then ::changed: after a decision, a finding or the filing record. */
void          _fz_batch_entry_refresh         (FzBatchEntry      *self);

/* fz-batch-entry-review.c */
/* The reviewer's decision on @element_id: the review's, else one the
 * entry holds for want of a review. */
gboolean      _fz_batch_entry_get_decision    (FzBatchEntry      *self,
                                               const char        *element_id,
                                               FzStatus          *status);
/* Main thread.  Gives the entry its report's live review: the decisions
 * the entry held move into it, where the review has none of its own, and
 * the entry follows its changes from then on.  The caller updates the
 * grade and the score, and emits ::changed (it does so for the rest of
 * what it changes anyway: a result of the workers). */
void          _fz_batch_entry_set_review      (FzBatchEntry      *self,
                                               FzReview          *review);

/* fz-batch-grade.c */
FzGrade       _fz_batch_entry_compute_grade   (FzBatchEntry      *self);

G_END_DECLS
