/* fz-finding-item.h: a kind of problem in a report, or one occurrence of it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_FINDING_ITEM (fz_finding_item_get_type ())

G_DECLARE_FINAL_TYPE (FzFindingItem, fz_finding_item, FZ, FINDING_ITEM, GObject)

/* A group: @problem's kind, with its occurrences as children.  It keeps
 * @analysis (whose findings @problem borrows) and @review (nullable, for
 * whether the memo names the kind) alive. */
FzFindingItem *fz_finding_item_new_group       (FzAnalysis      *analysis,
                                                FzReview        *review,
                                                const FzProblem *problem);
/* One occurrence: @finding (borrowed: keep @analysis alive, which owns it
 * or outlives it). */
FzFindingItem *fz_finding_item_new_occurrence  (FzAnalysis      *analysis,
                                                FzFinding       *finding);
gboolean       fz_finding_item_is_group        (FzFindingItem   *self);
const char    *fz_finding_item_get_kind        (FzFindingItem   *self);
FzSeverity     fz_finding_item_get_severity    (FzFindingItem   *self);
/* The kind in a few words (groups), or the finding's own message. */
const char    *fz_finding_item_get_title       (FzFindingItem   *self);
/* Where it is and what it says (occurrences), or how many (groups). */
const char    *fz_finding_item_get_subtitle    (FzFindingItem   *self);
guint          fz_finding_item_get_count       (FzFindingItem   *self);
/* The occurrences of a group (FzFindingItem), each made when first asked
 * for; NULL for an occurrence. */
GListModel    *fz_finding_item_get_children    (FzFindingItem   *self);
/* [start, end) of an occurrence, or of the group's current one. */
void           fz_finding_item_get_range       (FzFindingItem   *self,
                                                guint           *start,
                                                guint           *end);
/* Steps a group to its next (or previous) occurrence, wrapping around,
 * and returns its range through get_range(). */
void           fz_finding_item_step            (FzFindingItem   *self,
                                                gboolean         forward);
/* The current occurrence, 0-based, and G_MAXUINT before the first step. */
guint          fz_finding_item_get_position    (FzFindingItem   *self);
/* Whether the memo names the kind: the reviewer's say, else the memo's
 * own rule.  Setting it is recorded in the review. */
gboolean       fz_finding_item_get_in_memo     (FzFindingItem   *self);
void           fz_finding_item_set_in_memo     (FzFindingItem   *self,
                                                gboolean         in_memo);

G_END_DECLS
