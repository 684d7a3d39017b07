/* fazhi-check-rounds.h: fazhi-check's report returned with comments, the
 * second round of a review and a unit across the years
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* --return: each report's own .docx (or a .docx of its text) with the
 * review as Word comments. */
typedef struct _FzcReturns FzcReturns;

/* @pattern is the --return value; @author (nullable) names the reviewer
 * when a report has no saved review naming one. */
FzcReturns *fzc_returns_new    (const char    *pattern,
                                const char    *author);
void        fzc_returns_free   (FzcReturns    *self);
/* Decides where @entry's returned report goes; FALSE with a usage error
 * when @pattern does not fit (several reports and no folder or {name},
 * not a .docx, two reports on one file, the report itself). */
gboolean    fzc_returns_add    (FzcReturns    *self,
                                FzBatchEntry  *entry,
                                const char    *report_path,
                                gboolean       several,
                                GError       **error);
/* Writes @entry's returned report; called from the batch's workers. */
void        fzc_returns_write  (FzcReturns    *self,
                                FzBatchEntry  *entry,
                                FzAnalysis    *analysis);
/* Prints what could not be written or placed; FALSE when any returned
 * report could not be written. */
gboolean    fzc_returns_report (FzcReturns    *self);

/* --resubmission-of: the report as round two of the review of FIRST. */
typedef struct _FzcRounds FzcRounds;

/* Reads and analyses @first_path under @rules, with its saved review;
 * NULL with the import error when it cannot be read. */
FzcRounds  *fzc_rounds_new         (const char    *first_path,
                                    FzRuleSet     *rules,
                                    GError       **error);
void        fzc_rounds_free        (FzcRounds     *self);
/* Compares @entry's @analysis with the first round; from a worker. */
void        fzc_rounds_compute     (FzcRounds     *self,
                                    FzBatchEntry  *entry,
                                    FzAnalysis    *analysis);
/* Appends ,"rounds":[…],"resubmission":{…} for @entry, when computed. */
void        fzc_rounds_append_json (FzcRounds     *self,
                                    FzBatchEntry  *entry,
                                    GString       *out);
void        fzc_rounds_print_text  (FzcRounds     *self,
                                    FzBatchEntry  *entry,
                                    GString       *out);

/* --previous: each report followed up from last year's of its unit. */
typedef struct _FzcHistory FzcHistory;

FzcHistory *fzc_history_new          (void);
void        fzc_history_free         (FzcHistory    *self);
/* One of last year's reports, named as given. */
void        fzc_history_add_previous (FzcHistory    *self,
                                      FzBatchEntry  *entry,
                                      const char    *path);
/* Finds @entry's report of last year and follows it up; once every
 * report is analysed. */
void        fzc_history_compute      (FzcHistory    *self,
                                      FzBatchEntry  *entry);
/* Appends ,"history":{…} (or null: none found) for @entry. */
void        fzc_history_append_json  (FzcHistory    *self,
                                      FzBatchEntry  *entry,
                                      GString       *out);
void        fzc_history_print_text   (FzcHistory    *self,
                                      FzBatchEntry  *entry,
                                      GString       *out);
/* The findings on @entry (FzFinding), or NULL. */
GPtrArray  *fzc_history_get_findings (FzcHistory    *self,
                                      FzBatchEntry  *entry);

/* --memo: @entry's memo (the machine's, as no review is read), with what
 * --resubmission-of and --previous found of it (both nullable) and, when
 * @with_score (--memo-score), its score under the rule set's table;
 * @after_batch: every report is read, so the passages shared between
 * them are named too. */
FzMemo     *fzc_memo_new             (FzBatchEntry  *entry,
                                      FzAnalysis    *analysis,
                                      FzcRounds     *rounds,
                                      FzcHistory    *history,
                                      gboolean       with_score,
                                      gboolean       after_batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzcReturns, fzc_returns_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzcHistory, fzc_history_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzcRounds, fzc_rounds_free)

G_END_DECLS
