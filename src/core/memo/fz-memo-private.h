/* fz-memo-private.h: how the memo object and its makers meet
 *
 * The makers (fz-memo-letter.c for a report, fz-memo-summary.c for a
 * batch) lay the memo out as an FzMemoDocument; the writers only ever see
 * that document (fz-memo-writers.h).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-memo.h"

G_BEGIN_DECLS

/* What the letter maker hands back besides the document. */
typedef struct
{
  GHashTable *defaults;           /* paragraph key → the memo's own wording */
  JsonObject *facts;              /* the report, verdicts and problems, for JSON */
  gboolean    opinion_is_draft;
} FzMemoLetterInfo;

/* The letter for one report (fz-memo-letter.c).  Fills @info. */
FzMemoDocument *_fz_memo_build_letter  (FzAnalysis          *analysis,
                                        FzReview            *review,
                                        const FzMemoOptions *options,
                                        FzMemoLetterInfo    *info);
/* The summary of a batch (fz-memo-summary.c). */
FzMemoDocument *_fz_memo_build_summary (FzBatch             *batch,
                                        const FzMemoOptions *options);
/* Takes @doc, and @defaults and @facts when not NULL. */
FzMemo         *_fz_memo_new_for_document (FzMemoDocument   *doc,
                                           GHashTable       *defaults,
                                           JsonObject       *facts,
                                           gboolean          opinion_is_draft);

/* "2025年3月6日": Arabic numerals, months and days without leading zeros
 * (GB/T 9704 §7.3.5.4).  @date NULL: today. */
char           *_fz_memo_date_text     (GDateTime           *date);
/* The same for a YYYY-MM-DD (or any date fz_parse_date() reads); NULL
 * when @date is not one. */
char           *_fz_memo_iso_date_text (const char          *date);

G_END_DECLS
