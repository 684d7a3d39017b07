/* fz-history.h: a unit across the years — last year's report followed up
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fz-history-item.h"
#include "fz-review.h"

G_BEGIN_DECLS

#define FZ_TYPE_HISTORY (fz_history_get_type ())

G_DECLARE_FINAL_TYPE (FzHistory, fz_history, FZ, HISTORY, GObject)

/* Follows @last (last year's report of the unit, with its saved review
 * @last_review, nullable) into @current:
 * - the plan: each item of last year's 下一年度主要安排 matched against
 *   this year's 主要举措和成效, done, mentioned or not mentioned;
 * - the shortcomings this year writes again (nearly) word for word;
 * - last year's rectification requests, answered or not (only with
 *   @last_review);
 * - the key figures of both years side by side, with their change.
 * Pure computation on immutable inputs and the review's fields: safe in
 * a worker when nothing changes the review meanwhile. */
FzHistory    *fz_history_new              (FzAnalysis          *last,
                                           FzReview            *last_review,
                                           FzAnalysis          *current);
void          fz_history_new_async        (FzAnalysis          *last,
                                           FzReview            *last_review,
                                           FzAnalysis          *current,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
FzHistory    *fz_history_new_finish       (GAsyncResult        *result,
                                           GError             **error);

FzAnalysis   *fz_history_get_last         (FzHistory           *self);
FzReview     *fz_history_get_last_review  (FzHistory           *self);
FzAnalysis   *fz_history_get_current      (FzHistory           *self);

/* GListModels of FzHistoryItem, in last year's order. */
GListModel   *fz_history_get_plan         (FzHistory           *self);
GListModel   *fz_history_get_shortcomings (FzHistory           *self);
GListModel   *fz_history_get_requests     (FzHistory           *self);
GListModel   *fz_history_get_figures      (FzHistory           *self);
/* Items of @model with @follow_up. */
guint         fz_history_count            (GListModel          *model,
                                           FzFollowUp           follow_up);

/* Findings on this year's report (FzFinding): plan_not_followed for each
 * planned item not mentioned, shortcomings_repeated for each shortcoming
 * written again, quoting both years. */
GPtrArray    *fz_history_get_findings     (FzHistory           *self);

/* The memo's paragraph on follow-through, in Chinese. */
char         *fz_history_dup_memo_paragraph (FzHistory         *self);

/* The fazhi-check/1 "history" object; see the README. */
JsonNode     *fz_history_to_json          (FzHistory           *self);

/* Whether two reports are by the same unit, judged by the issuer or the
 * unit named in the title ("遂溪县北坡镇人民政府" and "北坡镇人民政府" are). */
gboolean      fz_history_same_unit        (FzAnalysis          *a,
                                           FzAnalysis          *b);
/* Last year's report of @current's unit among @candidates (FzAnalysis;
 * NULL entries are skipped): the same unit, on the year before, else on
 * the latest earlier year.  Its index, or -1. */
int           fz_history_find_previous    (FzAnalysis          *current,
                                           GPtrArray           *candidates);

G_END_DECLS
