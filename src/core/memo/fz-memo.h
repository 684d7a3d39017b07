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
#include "fz-review.h"

G_BEGIN_DECLS

#define FZ_MEMO_ERROR (fz_memo_error_quark ())

typedef enum
{
  FZ_MEMO_ERROR_UNKNOWN_FORMAT,
  FZ_MEMO_ERROR_UNWRITABLE,
  FZ_MEMO_ERROR_INVALID,
  FZ_MEMO_ERROR_FAILED,
} FzMemoError;

GQuark fz_memo_error_quark (void);

typedef enum
{
  FZ_MEMO_FORMAT_DOCX,
  FZ_MEMO_FORMAT_PDF,
  FZ_MEMO_FORMAT_HTML,
  FZ_MEMO_FORMAT_MARKDOWN,
  FZ_MEMO_FORMAT_JSON,
} FzMemoFormat;

/* The schema of the JSON memo; see the README. */
#define FZ_MEMO_JSON_SCHEMA "fazhi-memo/1"

/* The format a file name asks for, by its extension (.docx .pdf .html
 * .htm .md .json, in any case).  FALSE for anything else. */
gboolean     fz_memo_format_from_filename (const char    *filename,
                                           FzMemoFormat  *format);
const char  *fz_memo_format_to_extension  (FzMemoFormat   format);

#define FZ_TYPE_MEMO (fz_memo_get_type ())

G_DECLARE_FINAL_TYPE (FzMemo, fz_memo, FZ, MEMO, GObject)

/* The memo for @analysis, with the reviewer's judgement from @review when
 * given (nullable: the machine-only memo).  Its text is in Chinese, as the
 * memo goes to a Chinese government office. */
FzMemo      *fz_memo_new                  (FzAnalysis    *analysis,
                                           FzReview      *review);
/* The summary memo of @batch (汇总审查意见): the overall picture, a row
 * per report with each required element's verdict and the grade, the
 * problems several share, the copied passages and the grades counted.
 * Written as .docx, .pdf, .html or .md. */
FzMemo      *fz_memo_new_for_batch        (FzBatch       *batch);
/* Reads a memo written by fz_memo_to_json(). */
FzMemo      *fz_memo_new_from_json        (const char    *data,
                                           gssize         len,
                                           GError       **error);
char        *fz_memo_to_json              (FzMemo        *self);

/* An overall opinion written from the results (and the decisions in
 * @review, nullable), for the reviewer to edit. */
char        *fz_memo_draft_opinion        (FzAnalysis    *analysis,
                                           FzReview      *review);

/* 关于《…》的审查意见 */
const char  *fz_memo_get_heading          (FzMemo        *self);
const char  *fz_memo_get_opinion          (FzMemo        *self);
/* TRUE when the opinion is the machine's draft, not the reviewer's. */
gboolean     fz_memo_get_opinion_is_draft (FzMemo        *self);

/* The memo as a file's bytes. */
GBytes      *fz_memo_render               (FzMemo        *self,
                                           FzMemoFormat   format,
                                           GError       **error);
/* Writes the memo in the format @file's extension names.  The file is
 * written beside its final place and renamed over it, so a failure never
 * leaves a half-written memo nor destroys an older one. */
gboolean     fz_memo_export               (FzMemo        *self,
                                           GFile         *file,
                                           GError       **error);

/* Printing (GtkPrintOperation): the pages as in the PDF, in points with
 * the origin at the paper's top-left corner of an A4 sheet, so set the
 * operation's unit to points, use_full_page and an A4 page setup.  Both
 * lay out the whole memo with @cr's font settings; @page is 0-based and a
 * page past the end draws nothing. */
guint        fz_memo_count_pages          (FzMemo        *self,
                                           cairo_t       *cr);
void         fz_memo_draw_page            (FzMemo        *self,
                                           cairo_t       *cr,
                                           guint          page);

G_END_DECLS
