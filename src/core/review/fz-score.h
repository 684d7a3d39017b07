/* fz-score.h: a report's score under a scoring table
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fz-analysis.h"
#include "fz-filing.h"
#include "fz-review.h"
#include "fz-score-item.h"
#include "fz-score-table.h"

G_BEGIN_DECLS

/* What a score keeps of an analysis: the elements' statuses and evidence
 * and the findings its table counts.  Made in any thread (a batch makes
 * them in its workers, where the analysis is), then given to a score. */
typedef struct _FzScoreFacts FzScoreFacts;

FzScoreFacts      *fz_score_facts_new        (FzScoreTable  *table,
                                              FzAnalysis    *analysis);
FzScoreFacts      *fz_score_facts_copy       (const FzScoreFacts *facts);
void               fz_score_facts_free       (FzScoreFacts  *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzScoreFacts, fz_score_facts_free)

#define FZ_TYPE_SCORE (fz_score_get_type ())

G_DECLARE_FINAL_TYPE (FzScore, fz_score, FZ, SCORE, GObject)

/* The model of one report's score: a GListModel of FzScoreItem in the
 * table's order, and the total, maximum and 等次 as properties.  It is
 * computed from what it is given — the analysis, other findings, the
 * reviewer's decisions and adjustments, the filing record — and computed
 * again, notifying what changed, whenever one of them changes.
 *
 * A score belongs to the thread that made it; a worker makes the facts
 * (fz_score_facts_new()) and hands them over. */
FzScore           *fz_score_new              (FzScoreTable  *table);

FzScoreTable      *fz_score_get_table        (FzScore       *self);
GListModel        *fz_score_get_items        (FzScore       *self);
FzScoreItem       *fz_score_find_item        (FzScore       *self,
                                              const char    *item_id);
/* The points scored, counting a manual item only once it is scored. */
double             fz_score_get_total        (FzScore       *self);
double             fz_score_get_max          (FzScore       *self);
/* The points of manual items still to be scored. */
double             fz_score_get_pending      (FzScore       *self);
gboolean           fz_score_get_complete     (FzScore       *self);
/* The band the total falls in; NULL while the points still to be scored
 * could move it into another. */
const FzScoreBand *fz_score_get_band         (FzScore       *self);
/* The band's id ("excellent"…) and name in the reviewer's language. */
const char        *fz_score_get_grade        (FzScore       *self);
const char        *fz_score_get_grade_name   (FzScore       *self);

/* The element statuses, their evidence and the findings of @analysis
 * (nullable: forget them); also the rule set, level and report year the
 * filing deadlines are reckoned from. */
void               fz_score_set_analysis     (FzScore       *self,
                                              FzAnalysis    *analysis);
/* The same from facts made earlier (taken; nullable). */
void               fz_score_set_facts        (FzScore       *self,
                                              FzScoreFacts  *facts);
/* Findings from elsewhere, kept under @source and replaced by the next
 * call with the same @source (NULL @findings removes them): "copies" for
 * the passages a batch found shared, "published" for the published page.
 * The filing findings come from fz_score_set_filing(). */
void               fz_score_set_findings     (FzScore       *self,
                                              const char    *source,
                                              GPtrArray     *findings);
/* The reviewer's decision on an element (NULL withdraws it): it counts
 * instead of the machine's status. */
void               fz_score_set_decision     (FzScore       *self,
                                              const char    *element_id,
                                              const FzStatus *status);
/* Follows @filing (nullable): its dates become the findings filed_late
 * and published_late against the rule set's deadlines. */
void               fz_score_set_filing       (FzScore       *self,
                                              FzFiling      *filing);
FzFiling          *fz_score_get_filing       (FzScore       *self);
/* Follows @review (nullable): its decisions, its adjustments for this
 * table and its filing record. */
void               fz_score_set_review       (FzScore       *self,
                                              FzReview      *review);
FzReview          *fz_score_get_review       (FzScore       *self);

/* The reviewer gives item @item_id @points (0 to the item's points), with
 * a reason, required unless the item is manual.  Stored in the review
 * the score follows, else kept by the score. */
gboolean           fz_score_adjust           (FzScore       *self,
                                              const char    *item_id,
                                              double         points,
                                              const char    *reason,
                                              GError       **error);
void               fz_score_clear_adjustment (FzScore       *self,
                                              const char    *item_id);

/* "87.5", "90", "0.25": points as people write them. */
char              *fz_score_format_points    (double         points);
/* {"table", "name", "total", "max", "pending", "complete", "grade",
 * "grade_name", "items": [{"id", "name", "max", "points", "deducted",
 * "reason", "manual", "pending", "adjusted", "machine_points",
 * "deductions": [...]}]} as documented in README.md. */
JsonNode          *fz_score_to_json          (FzScore       *self);
/* The score as a paragraph of the review memo, in Chinese: the table, the
 * total and 等次, and what each item lost. */
char              *fz_score_dup_memo_paragraph (FzScore     *self);

G_END_DECLS
