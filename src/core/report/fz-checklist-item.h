/* fz-checklist-item.h: one required element of a report, as the checklist shows it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-analysis.h"
#include "fz-review.h"

G_BEGIN_DECLS

#define FZ_TYPE_CHECKLIST_ITEM (fz_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (FzChecklistItem, fz_checklist_item, FZ, CHECKLIST_ITEM, GObject)

/* The item of @result, an element of @analysis.  Its decision follows
 * @review (nullable) through fz_checklist_item_sync(). */
FzChecklistItem       *fz_checklist_item_new               (FzAnalysis      *analysis,
                                                            const FzElementResult *result,
                                                            FzReview        *review);
const FzElementResult *fz_checklist_item_get_result        (FzChecklistItem *self);
/* The analysis the element was found by: its rule set, sections, colours. */
FzAnalysis            *fz_checklist_item_get_analysis      (FzChecklistItem *self);
const char            *fz_checklist_item_get_element_id    (FzChecklistItem *self);
const char            *fz_checklist_item_get_name          (FzChecklistItem *self);
const char            *fz_checklist_item_get_short_name    (FzChecklistItem *self);
gboolean               fz_checklist_item_get_required      (FzChecklistItem *self);
/* What the checker concluded, with its confidence and explanation. */
FzStatus               fz_checklist_item_get_machine_status (FzChecklistItem *self);
double                 fz_checklist_item_get_confidence    (FzChecklistItem *self);
const char            *fz_checklist_item_get_explanation   (FzChecklistItem *self);
/* The reviewer's decision, when there is one. */
gboolean               fz_checklist_item_get_decided       (FzChecklistItem *self);
FzStatus               fz_checklist_item_get_decision      (FzChecklistItem *self);
const char            *fz_checklist_item_get_reason        (FzChecklistItem *self);
/* The decision when there is one, else the checker's status. */
FzStatus               fz_checklist_item_get_status        (FzChecklistItem *self);
/* Decided otherwise than the checker concluded. */
gboolean               fz_checklist_item_get_overridden    (FzChecklistItem *self);

/* Where the element shows in the text: the first passage of its evidence
 * that is its own (a 不足的原因 sentence, not the 不足 heading it shares),
 * else its section's heading; FALSE when the text shows nothing of it. */
gboolean               fz_checklist_item_get_target        (FzChecklistItem *self,
                                                            guint           *start,
                                                            guint           *end);

/* Follows @review (nullable) from now on: the decision is read from it,
 * notifying what changed. */
void                   fz_checklist_item_set_review        (FzChecklistItem *self,
                                                            FzReview        *review);
/* Reads the decision from the review again, notifying what changed. */
void                   fz_checklist_item_sync              (FzChecklistItem *self);

G_END_DECLS
