/* fz-history-item.h: one thing of last year's report followed into this
 * year's: a planned item, a shortcoming, a rectification request, a figure
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_HISTORY_PLAN,                /* an item of last year's 下一年度主要安排 */
  FZ_HISTORY_SHORTCOMING,         /* a shortcoming written again this year */
  FZ_HISTORY_REQUEST,             /* a rectification request of last year's review */
  FZ_HISTORY_FIGURE,              /* a key figure of both years */
} FzHistoryKind;

typedef enum
{
  FZ_FOLLOW_DONE,                 /* plan: this year's measures report it done */
  FZ_FOLLOW_MENTIONED,            /* plan: named, with nothing done to show */
  FZ_FOLLOW_NOT_MENTIONED,        /* plan: not a word of it */
  FZ_FOLLOW_REPEATED,             /* shortcoming: (nearly) the same words */
  FZ_FOLLOW_ANSWERED,             /* request: this year's report answers it */
  FZ_FOLLOW_NOT_ANSWERED,
  FZ_FOLLOW_UP,                   /* figure: larger this year */
  FZ_FOLLOW_DOWN,
  FZ_FOLLOW_SAME,
} FzFollowUp;

#define FZ_TYPE_HISTORY_KIND (fz_history_kind_get_type ())
#define FZ_TYPE_FOLLOW_UP    (fz_follow_up_get_type ())

GType       fz_history_kind_get_type  (void) G_GNUC_CONST;
GType       fz_follow_up_get_type     (void) G_GNUC_CONST;
/* "plan", "shortcoming", "request", "figure" */
const char *fz_history_kind_to_string (FzHistoryKind kind);
/* "done", "mentioned", "not_mentioned", "repeated", "answered",
 * "not_answered", "up", "down", "same" */
const char *fz_follow_up_to_string    (FzFollowUp    follow_up);
/* 已落实, 有提及, 未提及, 重复, 已回应, 未回应, 增加, 减少, 持平 */
const char *fz_follow_up_to_chinese   (FzFollowUp    follow_up);

#define FZ_TYPE_HISTORY_ITEM (fz_history_item_get_type ())

G_DECLARE_FINAL_TYPE (FzHistoryItem, fz_history_item, FZ, HISTORY_ITEM, GObject)

#define FZ_HISTORY_NO_PLACE G_MAXUINT

FzHistoryKind fz_history_item_get_kind          (FzHistoryItem *self);
FzFollowUp    fz_history_item_get_follow_up     (FzHistoryItem *self);
/* Last year's words: the planned item, the shortcoming, the request, or
 * what the figure counts ("办理行政处罚案件"). */
const char   *fz_history_item_get_last_text     (FzHistoryItem *self);
/* This year's words that answer it, or NULL: the sentence of the
 * measures, the shortcoming written again, the figure. */
const char   *fz_history_item_get_current_text  (FzHistoryItem *self);
/* How much of last year's wording this year's passage has, 0–1. */
double        fz_history_item_get_similarity    (FzHistoryItem *self);
/* Figures: the two values as written ("37宗") and as numbers; the
 * change is current − last. */
const char   *fz_history_item_get_last_value    (FzHistoryItem *self);
const char   *fz_history_item_get_current_value (FzHistoryItem *self);
double        fz_history_item_get_change        (FzHistoryItem *self);
/* The passages in each year's report (characters of each),
 * FZ_HISTORY_NO_PLACE when none. */
void          fz_history_item_get_last_place    (FzHistoryItem *self,
                                                 guint         *start,
                                                 guint         *end);
void          fz_history_item_get_current_place (FzHistoryItem *self,
                                                 guint         *start,
                                                 guint         *end);

G_END_DECLS
