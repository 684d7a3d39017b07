/* fz-review-private.h: the review's state, shared by its object and its file
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-json-reader.h"
#include "fz-review-round-private.h"
#include "fz-review.h"

G_BEGIN_DECLS

#define FZ_REVIEW_FORMAT_NAME "fazhi-review"
/* The version of a review that records neither filing nor scoring nor a
 * second round: read by every version of the program. */
#define FZ_REVIEW_PLAIN_FORMAT_VERSION 1

typedef struct
{
  int        points;              /* hundredths of a point */
  char      *reason;              /* nullable */
  GDateTime *time;
} FzReviewAdjustment;

typedef struct
{
  FzStatus   status;
  char      *reason;
  GDateTime *time;
} FzReviewDecision;

struct _FzReview
{
  GObject     parent_instance;

  char       *report_sha256;
  char       *report_name;
  char       *ruleset_id;
  char       *reviewer;
  char       *opinion;
  char       *rectification;
  char       *deadline;
  char       *memo_number;        /* 文号 of the memo, nullable */
  GHashTable *decisions;          /* element id → FzReviewDecision */
  GHashTable *paragraphs;         /* memo paragraph key → the reviewer's wording */
  GHashTable *problems;           /* finding kind → GINT_TO_POINTER (in memo + 1) */
  gboolean    memo_score;         /* the memo states the score */
  GListStore *annotations;        /* FzAnnotation */
  GPtrArray  *log;                /* FzReviewChange */
  FzReviewRound round;            /* round two: fz-review-round.c */
  GFile      *file;
  guint64     serial;
  guint       restored : 1;
  FzFiling   *filing;             /* 收文日期, 公开日期…; see fz-review-score.c */
  GHashTable *adjustments;        /* "TABLE/ITEM" → FzReviewAdjustment */
};

void      _fz_review_decision_free     (gpointer    data);
gboolean  _fz_review_is_decision_status (FzStatus   status);
/* The keys of @table (strings), copied and sorted, NULL-terminated: the
 * order a file is written in and a list is shown in, the same each time. */
char    **_fz_review_dup_sorted_keys   (GHashTable *table);

/* Logs a change (@coalesce: a text field being typed, merged with the
 * last entry for the same field within a minute), bumps the serial and
 * emits ::changed with the detail "text" or "action". */
void      _fz_review_record            (FzReview   *self,
                                        const char *what,
                                        const char *old_value,
                                        const char *new_value,
                                        const char *why,
                                        gboolean    coalesce);

/* ::changed with the detail "text" (@typing: the next keystroke follows
 * soon) or "action" (a finished act, on disk at once); bumps the serial
 * without logging. */
void      _fz_review_emit_changed      (FzReview   *self,
                                        gboolean    typing);

/* “quote” [类别] note, as the log records an annotation. */
char     *_fz_review_describe_annotation (FzAnnotation *annotation);

/* fz-review-score.c */
void        _fz_review_adjustment_free  (gpointer       adjustment);
void        _fz_review_init_score       (FzReview      *self,
                                         FzFiling     **filing,
                                         GHashTable   **adjustments);
/* Adds "filing" and "score_adjustments" to @o when there is anything to
 * save; TRUE when it added them. */
gboolean    _fz_review_score_to_json    (FzFiling      *filing,
                                         GHashTable    *adjustments,
                                         JsonObject    *o);
/* Reads them back (both optional); FALSE with @r failed on a wrong one. */
gboolean    _fz_review_score_read_json  (FzFiling      *filing,
                                         GHashTable    *adjustments,
                                         FzJsonReader  *r,
                                         JsonObject    *o);

/* fz-review.c, for fz-review-decisions.c: notifies ::n-decided when
 * @added, emits ::decision-changed and ::changed as a finished act. */
void        _fz_review_emit_decision_changed (FzReview   *self,
                                              const char *element_id,
                                              gboolean    added);

/* fz-review.c, for fz-review-score.c */
void        _fz_review_emit_score_adjustment_changed (FzReview   *self,
                                                      const char *table_id,
                                                      const char *item_id);
GHashTable *_fz_review_get_adjustments  (FzReview      *self);

G_END_DECLS
