/* fz-score-private.h: what fz-score.c and fz-score-compute.c share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-score.h"

G_BEGIN_DECLS

/* What the table may ask about an element. */
typedef struct
{
  const char *id;                 /* the rule set's */
  FzStatus    status;
  guint       first_range;        /* its evidence in FzScoreFacts.ranges */
  guint       n_ranges;
} ElementFact;

/* One finding the table counts. */
typedef struct
{
  const char *id;                 /* the table's copy, NULL when only the severity counts */
  FzSeverity  severity;
  guint       start;
  guint       end;
} FindingFact;

/* All a score keeps of an analysis, in one block: a batch of ten
 * thousand keeps ten thousand of them, made in worker threads. */
struct _FzScoreFacts
{
  FzRuleSet   *rules;
  FzLevel      level;
  int          report_year;
  guint        n_elements;
  guint        n_findings;
  guint        n_ranges;
  ElementFact *elements;
  FindingFact *findings;
  FzRange     *ranges;
};

#define FILING_SOURCE "filing"

struct _FzScore
{
  GObject        parent_instance;

  FzScoreTable  *table;
  GListStore    *items;           /* FzScoreItem */

  /* Inputs */
  FzScoreFacts  *facts;           /* nullable */
  GHashTable    *decisions;       /* element id → GINT_TO_POINTER (FzStatus + 1) */
  GHashTable    *findings;        /* source → GArray of FindingFact, besides the analysis's */
  GHashTable    *adjustments;     /* item id → FzReviewAdjustment, without a review; nullable */
  FzFiling      *filing;
  FzReview      *review;

  /* Outputs */
  int            total;           /* hundredths */
  int            pending;
  const FzScoreBand *band;
};

/* The findings of @findings that @table counts, as facts (GArray of
 * FindingFact). */
GArray *_fz_score_findings_of  (FzScoreTable *table,
                                GPtrArray    *findings);
/* Works out @item's points, reason and deductions from @self's inputs. */
void    _fz_score_compute_item (FzScore      *self,
                                FzScoreItem  *item);

G_END_DECLS
