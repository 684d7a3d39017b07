/* fz-review-private.h: the review's state, shared by its object and its file
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-review.h"

G_BEGIN_DECLS

#define FZ_REVIEW_FORMAT_NAME "fazhi-review"

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
  GListStore *annotations;        /* FzAnnotation */
  GPtrArray  *log;                /* FzReviewChange */
  GFile      *file;
  guint64     serial;
  guint       restored : 1;
};

void      _fz_review_decision_free     (gpointer    data);
gboolean  _fz_review_is_decision_status (FzStatus   status);
gboolean  _fz_review_is_sha256         (const char *str);
/* YYYY-MM-DD naming a real day. */
gboolean  _fz_review_is_iso_date       (const char *str);

/* Logs a change (@coalesce: a text field being typed, merged with the
 * last entry for the same field within a minute), bumps the serial and
 * emits ::changed with the detail "text" or "action". */
void      _fz_review_record            (FzReview   *self,
                                        const char *what,
                                        const char *old_value,
                                        const char *new_value,
                                        const char *why,
                                        gboolean    coalesce);

/* “quote” [类别] note, as the log records an annotation. */
char     *_fz_review_describe_annotation (FzAnnotation *annotation);

G_END_DECLS
