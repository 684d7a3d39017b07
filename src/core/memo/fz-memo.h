/* fz-memo.h: the review memo (审查意见) sent back with the report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-batch.h"
#include "fz-history.h"
#include "fz-memo-document.h"
#include "fz-problems.h"
#include "fz-review.h"
#include "fz-rounds.h"
#include "fz-score.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_MEMO_FORMAT_DOCX,
  FZ_MEMO_FORMAT_PDF,
  FZ_MEMO_FORMAT_HTML,
  FZ_MEMO_FORMAT_MARKDOWN,
  FZ_MEMO_FORMAT_JSON,
} FzMemoFormat;

/* The schema of the JSON memo; see the README. */
#define FZ_MEMO_JSON_SCHEMA "fazhi-memo/2"

/* The format a file name asks for, by its extension (.docx .pdf .html
 * .htm .md .json, in any case).  FALSE for anything else. */
gboolean     fz_memo_format_from_filename (const char    *filename,
                                           FzMemoFormat  *format);
const char  *fz_memo_format_to_extension  (FzMemoFormat   format);
/* A file name for a memo titled @heading, safe on every file system:
 * control characters and / \ : * ? " < > | become "_", nothing else
 * changes; then "." and @extension. */
char        *fz_memo_dup_file_name        (const char    *heading,
                                           const char    *extension);

/* Who sends the memo, and what else it draws on; every member nullable. */
typedef struct
{
  const char *unit;               /* 发文机关署名: the reviewing unit */
  const char *letterhead;         /* 发文机关标志, e.g. 遂溪县司法局 */
  const char *contact;            /* 联系人 */
  const char *phone;              /* 联系电话 */
  GPtrArray  *extra_findings;     /* FzFinding the batch found (copy_overlap) */
  GDateTime  *date;               /* 成文日期; NULL: today */
  /* The score under the bureau's table: stated (评分情况) when @with_score
   * or when the review puts it in (fz_review_get_score_in_memo()). */
  FzScore    *score;
  gboolean    with_score;
  /* Round two: the second memo says what the revised report fixed of the
   * first round's points and what is still open (首次审查意见整改情况). */
  FzRounds   *rounds;
  /* Last year's report of the unit followed up: its plan, shortcomings
   * and requests (上年度工作落实情况). */
  FzHistory  *history;
} FzMemoOptions;

#define FZ_TYPE_MEMO (fz_memo_get_type ())

G_DECLARE_FINAL_TYPE (FzMemo, fz_memo, FZ, MEMO, GObject)

/* The memo for @analysis as a letter (函) from the reviewing unit to the
 * reporting one, with the reviewer's judgement and wording from @review
 * (nullable: the machine's memo).  In Chinese whatever the interface
 * language: it goes to a Chinese government office.  Nothing internal
 * goes in: no file names, no notes on what the machine thought. */
FzMemo      *fz_memo_new                  (FzAnalysis          *analysis,
                                           FzReview            *review);
FzMemo      *fz_memo_new_full             (FzAnalysis          *analysis,
                                           FzReview            *review,
                                           const FzMemoOptions *options);
/* The summary memo of @batch (汇总审查意见): the overall picture, how far
 * the reviewers got, a row per report with each required element's
 * verdict and the grade, the problems several share, the passages shared
 * between units, and the grades counted. */
FzMemo      *fz_memo_new_for_batch        (FzBatch             *batch);
FzMemo      *fz_memo_new_for_batch_full   (FzBatch             *batch,
                                           const FzMemoOptions *options);
/* Reads a memo written by fz_memo_to_json(). */
FzMemo      *fz_memo_new_from_json        (const char          *data,
                                           gssize               len,
                                           GError             **error);
char        *fz_memo_to_json              (FzMemo              *self);

/* The overall opinion as the memo words it from the results and the
 * decisions in @review (nullable), for the reviewer to edit. */
char        *fz_memo_draft_opinion        (FzAnalysis          *analysis,
                                           FzReview            *review);

/* 关于《…》的审查意见 */
const char  *fz_memo_get_heading          (FzMemo              *self);
/* The memo as laid out: what every format writes. */
FzMemoDocument *fz_memo_get_document      (FzMemo              *self);
/* The memo's own wording of the paragraph @key, before the reviewer's;
 * NULL when it has no such paragraph. */
const char  *fz_memo_get_default_text     (FzMemo              *self,
                                           const char          *key);
/* TRUE when the overall opinion is the memo's own, not the reviewer's. */
gboolean     fz_memo_get_opinion_is_draft (FzMemo              *self);

/* The memo as a file's bytes. */
GBytes      *fz_memo_render               (FzMemo              *self,
                                           FzMemoFormat         format,
                                           GError             **error);
/* Writes the memo in the format @file's extension names.  The file is
 * written beside its final place and renamed over it, so a failure never
 * leaves a half-written memo nor destroys an older one. */
gboolean     fz_memo_export               (FzMemo              *self,
                                           GFile               *file,
                                           GError             **error);

/* Printing (GtkPrintOperation): the pages as in the PDF, in points with
 * the origin at the paper's top-left corner of an A4 sheet, so set the
 * operation's unit to points, use_full_page and an A4 page setup.  Both
 * lay out the whole memo with @cr's font settings; @page is 0-based and a
 * page past the end draws nothing. */
guint        fz_memo_count_pages          (FzMemo              *self,
                                           cairo_t             *cr);
void         fz_memo_draw_page            (FzMemo              *self,
                                           cairo_t             *cr,
                                           guint                page);

G_END_DECLS
