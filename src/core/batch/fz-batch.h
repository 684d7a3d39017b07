/* fz-batch.h: a year's reports reviewed together
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-copy.h"
#include "fz-review-store.h"
#include "fz-ruleset.h"
#include "fz-ruleset-store.h"
#include "fz-filing-counts.h"
#include "fz-score.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_GRADE_NONE,                  /* not analysed, unreadable, or last year's */
  FZ_GRADE_EXCELLENT,             /* 优秀 */
  FZ_GRADE_GOOD,                  /* 良好 */
  FZ_GRADE_FAIR,                  /* 一般 */
  FZ_GRADE_POOR,                  /* 较差 */
} FzGrade;

typedef enum
{
  FZ_BATCH_ENTRY_PENDING,
  FZ_BATCH_ENTRY_DONE,
  FZ_BATCH_ENTRY_FAILED,
} FzBatchEntryState;

/* "excellent", "good", "fair", "poor", or NULL for FZ_GRADE_NONE. */
const char *fz_grade_to_string   (FzGrade     grade);
gboolean    fz_grade_from_string (const char *str,
                                  FzGrade    *grade);
/* 优秀 / 良好 / 一般 / 较差 in the reviewer's language. */
const char *fz_grade_get_label   (FzGrade     grade);

#define FZ_TYPE_BATCH_ENTRY (fz_batch_entry_get_type ())

G_DECLARE_FINAL_TYPE (FzBatchEntry, fz_batch_entry, FZ, BATCH_ENTRY, GObject)

GFile             *fz_batch_entry_get_file            (FzBatchEntry *self);
const char        *fz_batch_entry_get_display_name    (FzBatchEntry *self);
gboolean           fz_batch_entry_is_reference        (FzBatchEntry *self);
FzBatchEntryState  fz_batch_entry_get_state           (FzBatchEntry *self);
/* NULL unless the batch keeps analyses (the default) and the file was read. */
FzAnalysis        *fz_batch_entry_get_analysis        (FzBatchEntry *self);
const GError      *fz_batch_entry_get_error           (FzBatchEntry *self);
/* The unit that reports: the 署名, else the title before 关于. */
const char        *fz_batch_entry_get_unit            (FzBatchEntry *self);
const char        *fz_batch_entry_get_title           (FzBatchEntry *self);
FzLevel            fz_batch_entry_get_level           (FzBatchEntry *self);
int                fz_batch_entry_get_year            (FzBatchEntry *self);
const char        *fz_batch_entry_get_date            (FzBatchEntry *self);
/* The reviewer's decision when there is one, else the machine's status;
 * FALSE when the element is not in the rule set or not yet analysed. */
gboolean           fz_batch_entry_get_status          (FzBatchEntry *self,
                                                       const char   *element_id,
                                                       FzStatus     *status);
gboolean           fz_batch_entry_get_machine_status  (FzBatchEntry *self,
                                                       const char   *element_id,
                                                       FzStatus     *status);
/* Records (or, with @status NULL, withdraws) the reviewer's decision, in
 * the report's review when it has one (fz_batch_entry_get_review()); the
 * suggested grade follows at once and ::changed is emitted.  A decision
 * made in the review itself, in the report's tab, does the same. */
void               fz_batch_entry_set_decision        (FzBatchEntry   *self,
                                                       const char     *element_id,
                                                       const FzStatus *status);
/* Required elements of the rule set, and how many the reviewer decided. */
guint              fz_batch_entry_get_n_required      (FzBatchEntry *self);
guint              fz_batch_entry_get_n_decided       (FzBatchEntry *self);
/* The live review of the report, from the batch's review store, once the
 * report is read; NULL before, for last year's reports, and in a batch
 * without a store. */
FzReview          *fz_batch_entry_get_review          (FzBatchEntry *self);
/* Who reviewed the report, as its review records; NULL when unknown.
 * Setting it sets the review's reviewer when there is a review. */
const char        *fz_batch_entry_get_reviewer        (FzBatchEntry *self);
void               fz_batch_entry_set_reviewer        (FzBatchEntry *self,
                                                       const char   *reviewer);
/* Findings of the checks plus copy_overlap, by severity. */
guint              fz_batch_entry_get_n_findings      (FzBatchEntry *self,
                                                       FzSeverity    severity);
/* The copy_overlap findings (FzFinding) the batch added. */
GPtrArray         *fz_batch_entry_get_copy_findings   (FzBatchEntry *self);
FzGrade            fz_batch_entry_get_suggested_grade (FzBatchEntry *self);
FzGrade            fz_batch_entry_get_grade_override  (FzBatchEntry *self);
void               fz_batch_entry_set_grade_override  (FzBatchEntry *self,
                                                       FzGrade       grade);
/* The override when set, else the suggestion. */
FzGrade            fz_batch_entry_get_grade           (FzBatchEntry *self);
/* Lower-case hex SHA-256 of the file as read, NULL before reading. */
const char        *fz_batch_entry_get_sha256          (FzBatchEntry *self);
/* The file differs from the one a restored batch recorded. */
gboolean           fz_batch_entry_get_changed         (FzBatchEntry *self);

/* What the reviewer records about the report's filing and publication;
 * a change updates the score and the counts of findings (filed_late,
 * published_late) and emits ::changed.  Saved with the batch. */
FzFiling          *fz_batch_entry_get_filing          (FzBatchEntry *self);
/* The score under the rule set's table as the entry stands — its
 * decisions, shared passages and filing record — as a new model that
 * follows nothing (the window's report page makes its own, bound to the
 * review); NULL before the report is analysed, for last year's reports,
 * and when the rule set has no table.  A batch keeps only what the score
 * needs, and its total and band: the "score" property is the total, -1
 * without one, kept up to date as decisions and the record change. */
FzScore           *fz_batch_entry_dup_score           (FzBatchEntry *self);
double             fz_batch_entry_get_score_total     (FzBatchEntry *self);
/* NULL without a score, or while manual items could still change it. */
const FzScoreBand *fz_batch_entry_get_score_band      (FzBatchEntry *self);
/* Findings from beyond the checks, kept under @source and replaced by the
 * next call with it (NULL removes them): "published" for the published
 * page's differences (FzPublishedPage).  They count among the findings
 * and in the score; the array is referenced. */
void               fz_batch_entry_set_findings        (FzBatchEntry *self,
                                                       const char   *source,
                                                       GPtrArray    *findings);
/* (element-type FzFinding) (nullable) */
GPtrArray         *fz_batch_entry_get_findings        (FzBatchEntry *self,
                                                       const char   *source);
/* Whether the report was filed or published by the rule set's deadline
 * for its level and year. */
FzTimeliness       fz_batch_entry_get_timeliness      (FzBatchEntry   *self,
                                                       FzDeadlineKind  kind);

/* A pair of reports sharing passages (see FzCopyPassage; side a is @a). */
typedef struct
{
  FzBatchEntry *a;
  FzBatchEntry *b;
  GArray       *passages;         /* FzCopyPassage */
  GPtrArray    *a_texts;          /* utf8, each passage's text in @a */
  GPtrArray    *b_texts;          /* utf8, in @b */
} FzBatchCopy;

#define FZ_TYPE_BATCH (fz_batch_get_type ())

G_DECLARE_FINAL_TYPE (FzBatch, fz_batch, FZ, BATCH, GObject)

/* Called in a worker thread for every file once it is analysed (@analysis
 * NULL and @error set when it could not be read), before the batch lets go
 * of the analysis. */
typedef void (*FzBatchEntryFunc) (FzBatchEntry *entry,
                                  FzAnalysis   *analysis,
                                  const GError *error,
                                  gpointer      user_data);

FzBatch     *fz_batch_new                (FzRuleSet           *rules);
FzRuleSet   *fz_batch_get_ruleset        (FzBatch             *self);
/* Where the reports' reviews come from (nullable, the default): with a
 * store, each entry takes the reviewer's decisions from its report's one
 * live review, looked up by the workers as they read the report, so that
 * the matrix shows a decision made in the report's own tab at once.  Set
 * before the batch is analysed. */
FzReviewStore *fz_batch_get_reviews      (FzBatch             *self);
void         fz_batch_set_reviews        (FzBatch             *self,
                                          FzReviewStore       *reviews);
/* The reports to grade, and last year's reports (compared, not graded). */
GListModel  *fz_batch_get_entries        (FzBatch             *self);
GListModel  *fz_batch_get_references     (FzBatch             *self);
/* Adds one file, whatever its name; returns the entry, or NULL when the
 * file is already in the batch. */
FzBatchEntry *fz_batch_add_file          (FzBatch             *self,
                                          GFile               *file,
                                          gboolean             reference);
/* Adds the reports in @folder and its subfolders, sorted by path, skipping
 * hidden files and what is plainly no report (images, archives,
 * spreadsheets, office lock files…).  Returns the number added.  Reads
 * the folder in the calling thread: a window uses fz_batch_add_files_async(). */
guint        fz_batch_add_folder         (FzBatch             *self,
                                          GFile               *folder,
                                          gboolean             reference,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* Adds what was dropped: each folder's reports as fz_batch_add_folder()
 * finds them, each other file as it is.  The folders are read in a
 * worker; the entries are added on the caller's main context, at once.
 * A folder that cannot be read does not stop the others: finish returns
 * the number added and sets @error to the first such failure (or to
 * G_IO_ERROR_CANCELLED, when nothing is added). */
void         fz_batch_add_files_async    (FzBatch             *self,
                                          GPtrArray           *files,
                                          gboolean             reference,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
guint        fz_batch_add_files_finish   (FzBatch             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* The year most reports are about (more than half of those whose year is
 * known), 0 when there is none. */
int          fz_batch_get_year           (FzBatch             *self);
/* Whether @entry is about another year than the batch's. */
gboolean     fz_batch_is_off_year        (FzBatch             *self,
                                          FzBatchEntry        *entry);
/* The batch's own reviewer, for the summary memo and reports whose review
 * names none. */
const char  *fz_batch_get_reviewer      (FzBatch             *self);
void         fz_batch_set_reviewer      (FzBatch             *self,
                                          const char          *reviewer);
guint        fz_batch_get_n_total        (FzBatch             *self);
guint        fz_batch_get_n_done         (FzBatch             *self);
void         fz_batch_set_keep_analyses  (FzBatch             *self,
                                          gboolean             keep);
void         fz_batch_set_detect_copies  (FzBatch             *self,
                                          gboolean             detect);
/* Whether workers record each file's SHA-256 (default TRUE), which saving
 * needs; a one-off run that never saves can skip the second read. */
void         fz_batch_set_hash_files     (FzBatch             *self,
                                          gboolean             hash);
void         fz_batch_set_entry_func     (FzBatch             *self,
                                          FzBatchEntryFunc     func,
                                          gpointer             user_data);

/* Reads and analyses every pending file on a pool of one worker per core,
 * then looks for shared passages.  Progress (n-done) is notified on the
 * thread-default main context of the caller, where @callback runs too.
 * One unreadable file never stops the batch: its entry carries the error. */
void         fz_batch_analyse_async      (FzBatch             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     fz_batch_analyse_finish     (FzBatch             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* (element-type FzBatchCopy) the pairs found by the last analysis. */
GPtrArray   *fz_batch_get_copies         (FzBatch             *self);

void         fz_batch_get_filing_counts  (FzBatch             *self,
                                          FzFilingCounts      *counts);

/* "44 reports: 12 lack …" in the reviewer's language; with the filing
 * and publication rates once any date is recorded. */
char        *fz_batch_dup_summary        (FzBatch             *self);

/* The state a reviewer would lose that no review keeps: files with their
 * SHA-256, grade overrides, filing records, reviewer (and decisions that
 * have no review to go to yet, see FzBatchEntry).  Written atomically. */
gboolean     fz_batch_save               (FzBatch             *self,
                                          GFile               *file,
                                          GError             **error);
/* The same, the state taken now and the file (and the SHA-256 of files
 * not yet read) written in a worker. */
void         fz_batch_save_async         (FzBatch             *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     fz_batch_save_finish        (FzBatch             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* A batch with the saved files (not yet analysed) and state.  Its rule set
 * comes from @rulesets (nullable: the built-in sets and
 * fz_ruleset_set_user_dir()'s), and it takes its reviews from @reviews
 * (nullable).  Decisions an older .fzbatch carried go into the reviews as
 * the reports are read.  Any thread. */
FzBatch     *fz_batch_load               (GFile               *file,
                                          FzRuleSetStore      *rulesets,
                                          FzReviewStore       *reviews,
                                          GError             **error);
/* The same in a worker.  A file that does not exist fails with
 * G_IO_ERROR_NOT_FOUND: no batch was saved. */
void         fz_batch_load_async         (GFile               *file,
                                          FzRuleSetStore      *rulesets,
                                          FzReviewStore       *reviews,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
FzBatch     *fz_batch_load_finish        (GAsyncResult        *result,
                                          GError             **error);
/* $XDG_DATA_HOME/fazhi-review/batches, where the window keeps batches. */
char        *fz_batch_get_default_dir    (void);

G_END_DECLS
