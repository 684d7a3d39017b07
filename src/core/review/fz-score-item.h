/* fz-score-item.h: one item of a report's score
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-checker.h"
#include "fz-score-table.h"

G_BEGIN_DECLS

/* One rule of the item that took points, and why. */
typedef struct
{
  const FzScoreRule *rule;        /* the table's rule, borrowed from the score's table */
  FzScoreRuleKind  kind;
  /* What the rule looks at: the element id, or the finding ids separated
   * by spaces, or the severity ("error"…) it counts. */
  char            *ref;
  char            *label;         /* the element or the findings, in the reviewer's language */
  char            *label_zh;      /* the same in Chinese, for the memo */
  FzStatus         status;        /* FZ_SCORE_RULE_ELEMENT: the status that cost points */
  gboolean         by_reviewer;   /* … the reviewer's decision rather than the machine's */
  guint            count;         /* FZ_SCORE_RULE_FINDING: occurrences */
  int              points;        /* centi-points deducted */
  gboolean         capped;        /* the rule's cap was reached */
  GArray          *evidence;      /* FzRange in the report's text, in document order */
} FzScoreDeduction;

#define FZ_TYPE_SCORE_DEDUCTION (fz_score_deduction_get_type ())

GType             fz_score_deduction_get_type (void) G_GNUC_CONST;
FzScoreDeduction *fz_score_deduction_copy     (const FzScoreDeduction *deduction);
void              fz_score_deduction_free     (FzScoreDeduction       *deduction);

/* What the deduction is for and what it costs, in the reviewer's language:
 * "不足的原因：缺失（−8）", "半角标点 ×3（−1.5）".  The item's reason joins
 * these; a view that lists them one by one asks each. */
char             *fz_score_deduction_dup_description (const FzScoreDeduction *deduction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzScoreDeduction, fz_score_deduction_free)

#define FZ_TYPE_SCORE_ITEM (fz_score_item_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreItem, fz_score_item, FZ, SCORE_ITEM, GObject)

/* An item keeps its identity while the score is recomputed: its
 * properties change and notify, so a row bound to it stays in place.
 * Points are in points (FZ_SCORE_POINTS of the table's hundredths). */
const char *fz_score_item_get_id                (FzScoreItem *self);
const char *fz_score_item_get_name              (FzScoreItem *self);
/* What the reviewer judges (<guide>), or NULL. */
const char *fz_score_item_get_guide             (FzScoreItem *self);
/* The item's full points in the table. */
double      fz_score_item_get_max               (FzScoreItem *self);
/* The points it scores: the reviewer's when adjusted, else the checks'.
 * 0 while pending. */
double      fz_score_item_get_points            (FzScoreItem *self);
double      fz_score_item_get_deducted          (FzScoreItem *self);
/* What the checks gave before any adjustment; 0 for a manual item. */
double      fz_score_item_get_machine_points    (FzScoreItem *self);
/* Why it scores what it does, in the reviewer's language. */
const char *fz_score_item_get_reason            (FzScoreItem *self);
gboolean    fz_score_item_get_manual            (FzScoreItem *self);
/* A manual item the reviewer has not scored yet. */
gboolean    fz_score_item_get_pending           (FzScoreItem *self);
gboolean    fz_score_item_get_adjusted          (FzScoreItem *self);
/* The reviewer's reason for the adjustment, or NULL. */
const char *fz_score_item_get_adjustment_reason (FzScoreItem *self);
/* (element-type FzScoreDeduction): the rules that took points, in the
 * table's order; those that took none are left out.  A new array each
 * time they change, after ::deductions-changed. */
GPtrArray  *fz_score_item_get_deductions        (FzScoreItem *self);

G_END_DECLS
