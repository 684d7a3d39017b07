/* fz-review.h: the reviewer's judgement on one report, kept safe
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-annotation.h"
#include "fz-document.h"
#include "fz-filing.h"

G_BEGIN_DECLS

#define FZ_REVIEW_ERROR (fz_review_error_quark ())

typedef enum
{
  FZ_REVIEW_ERROR_NOT_FOUND,
  FZ_REVIEW_ERROR_UNREADABLE,
  FZ_REVIEW_ERROR_CORRUPT,
  FZ_REVIEW_ERROR_NEWER_VERSION,
  FZ_REVIEW_ERROR_UNWRITABLE,
  FZ_REVIEW_ERROR_INVALID,
} FzReviewError;

GQuark fz_review_error_quark (void);

/* The version of the .fzreview format: a review is written as version 1,
 * or as 2 when it records filing, scoring or round two of a review (so
 * that an older program, which would drop them, leaves the file alone); a file with a larger
 * "version" than this is refused and never overwritten. */
#define FZ_REVIEW_FORMAT_VERSION 2

/* One entry of the append-only log.  @what is a stable key: "reviewer",
 * "ruleset", "opinion", "rectification", "deadline", "decision:ELEMENT",
 * "annotation:add", "annotation:change", "annotation:remove",
 * "memo:number", "memo:score", "paragraph:KEY", "problem:KIND",
 * "filing:PROPERTY" (received, channel, published, published-url,
 * published-column), "score:TABLE/ITEM", "round", "point:KEY". */
typedef struct
{
  GDateTime *time;
  char      *what;
  char      *old_value;            /* nullable */
  char      *new_value;            /* nullable */
  char      *why;                  /* nullable */
} FzReviewChange;

#define FZ_TYPE_REVIEW_CHANGE (fz_review_change_get_type ())

GType           fz_review_change_get_type (void) G_GNUC_CONST;
FzReviewChange *fz_review_change_copy     (const FzReviewChange *change);
void            fz_review_change_free     (FzReviewChange       *change);

#define FZ_TYPE_REVIEW (fz_review_get_type ())

G_DECLARE_FINAL_TYPE (FzReview, fz_review, FZ, REVIEW, GObject)

/* SHA-256 of the report's bytes, in lower-case hex: the key that finds a
 * review again after the report is renamed or moved. */
char           *fz_review_hash_bytes         (GBytes        *bytes);
char           *fz_review_hash_file          (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* $XDG_DATA_HOME/fazhi-review/reviews */
char           *fz_review_get_store_dir      (void);
GFile          *fz_review_get_store_file     (const char    *report_sha256);

/* A new, empty review whose autosave file is the store's file for it. */
FzReview       *fz_review_new                (const char    *report_sha256,
                                              const char    *report_name);
/* The stored review of a report, or a new empty one when there is none.
 * A damaged store file is moved aside (the message names where) and a
 * file from a newer version is left alone; both give NULL and an
 * FZ_REVIEW_ERROR, after which the caller may start with fz_review_new(),
 * whose saves then never overwrite that newer file. */
FzReview       *fz_review_load_for_report    (const char    *report_sha256,
                                              const char    *report_name,
                                              GError       **error);
/* The same, from @file instead of the default store's file; the review
 * is saved there. */
FzReview       *fz_review_load_from          (GFile         *file,
                                              const char    *report_sha256,
                                              const char    *report_name,
                                              GError       **error);
/* Takes the content of @other, a review of the same report, in place:
 * decisions, annotations, texts and log.  Logged as an import. */
void            fz_review_replace            (FzReview      *self,
                                              FzReview      *other);
/* Hashes @report and loads its review as fz_review_load_for_report()
 * does, naming it by @report's file name.  @report_sha256 receives the
 * hash whenever the file could be read, also when the stored review could
 * not: the caller may then start afresh with fz_review_new().  Blocking. */
FzReview       *fz_review_load_for_file      (GFile         *report,
                                              GCancellable  *cancellable,
                                              char         **report_sha256,
                                              GError       **error);
/* Hashes @report in a worker thread and loads its review as
 * fz_review_load_for_report() does, naming it by @report's display name.
 * The finish function gives the hash even on error, so that after a
 * damaged or newer-version store file the window can still start a new
 * review with fz_review_new(). */
void            fz_review_load_for_file_async  (GFile               *report,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
FzReview       *fz_review_load_for_file_finish (GAsyncResult        *result,
                                                char               **report_sha256,
                                                GError             **error);
/* Opens a .fzreview file (from "Save review as…" on another machine).
 * The review's autosave file becomes the store's file for its report. */
FzReview       *fz_review_new_from_file      (GFile         *file,
                                              GError       **error);
FzReview       *fz_review_new_from_data      (const char    *data,
                                              gsize          len,
                                              const char    *origin,
                                              GError       **error);

/* Writes the review to its autosave file with an atomic replace. */
gboolean        fz_review_save               (FzReview      *self,
                                              GError       **error);
/* "Save review as…": the same content in a file of the user's choosing. */
gboolean        fz_review_save_to_file       (FzReview      *self,
                                              GFile         *file,
                                              GError       **error);
char           *fz_review_to_data            (FzReview      *self,
                                              gsize         *len);

GFile          *fz_review_get_file           (FzReview      *self);
void            fz_review_set_file           (FzReview      *self,
                                              GFile         *file);
/* TRUE when the review was read from an existing file. */
gboolean        fz_review_get_restored       (FzReview      *self);
/* Bumped on every change; FzReviewSaver compares it with what it saved. */
guint64         fz_review_get_serial         (FzReview      *self);

const char     *fz_review_get_report_sha256  (FzReview      *self);
const char     *fz_review_get_report_name    (FzReview      *self);
void            fz_review_set_report_name    (FzReview      *self,
                                              const char    *name);
const char     *fz_review_get_ruleset_id     (FzReview      *self);
void            fz_review_set_ruleset_id     (FzReview      *self,
                                              const char    *ruleset_id);
const char     *fz_review_get_reviewer       (FzReview      *self);
void            fz_review_set_reviewer       (FzReview      *self,
                                              const char    *reviewer);
const char     *fz_review_get_opinion        (FzReview      *self);
void            fz_review_set_opinion        (FzReview      *self,
                                              const char    *opinion);
const char     *fz_review_get_rectification  (FzReview      *self);
void            fz_review_set_rectification  (FzReview      *self,
                                              const char    *rectification);
/* YYYY-MM-DD or NULL. */
const char     *fz_review_get_deadline       (FzReview      *self);
gboolean        fz_review_set_deadline       (FzReview      *self,
                                              const char    *deadline,
                                              GError       **error);

/* The reviewer's decision on an element of the rule set.  @reason is
 * nullable.  A status other than present, partial, missing or
 * not_applicable is refused. */
void            fz_review_set_decision       (FzReview      *self,
                                              const char    *element_id,
                                              FzStatus       status,
                                              const char    *reason);
gboolean        fz_review_get_decision       (FzReview      *self,
                                              const char    *element_id,
                                              FzStatus      *status,
                                              const char   **reason,
                                              GDateTime    **time);
void            fz_review_clear_decision     (FzReview      *self,
                                              const char    *element_id);
guint           fz_review_get_n_decided      (FzReview      *self);
/* Element ids with a decision, sorted. */
char          **fz_review_dup_decided_ids    (FzReview      *self);

/* A GListModel of FzAnnotation, in the order they were made. */
GListModel     *fz_review_get_annotations    (FzReview      *self);
FzAnnotation   *fz_review_add_annotation     (FzReview      *self,
                                              FzDocument    *doc,
                                              guint          start,
                                              guint          end,
                                              FzAnnotationCategory category,
                                              const char    *note);
void            fz_review_update_annotation  (FzReview      *self,
                                              FzAnnotation  *annotation,
                                              FzAnnotationCategory category,
                                              const char    *note);
void            fz_review_remove_annotation  (FzReview      *self,
                                              FzAnnotation  *annotation);
/* Anchors every annotation in @doc (after re-import or conversion).
 * Returns how many could not be found; those have attached == FALSE. */
guint           fz_review_attach             (FzReview      *self,
                                              FzDocument    *doc);

/* The memo (审查意见) as the reviewer made it.  Its paragraphs are keyed
 * ("opinion", "element:causes", "problem:punct_halfwidth", …); a key the
 * reviewer reworded returns their text, NULL while the memo's own wording
 * stands.  "opinion" and "rectification" are the fields above. */
#define FZ_REVIEW_PARAGRAPH_OPINION       "opinion"
#define FZ_REVIEW_PARAGRAPH_RECTIFICATION "rectification"

/* The 文号 the bureau gives its memo, e.g. 遂司函〔2025〕12号; NULL: none. */
const char     *fz_review_get_memo_number    (FzReview      *self);
void            fz_review_set_memo_number    (FzReview      *self,
                                              const char    *number);
const char     *fz_review_get_paragraph      (FzReview      *self,
                                              const char    *key);
/* @text NULL or empty goes back to the memo's own wording. */
void            fz_review_set_paragraph      (FzReview      *self,
                                              const char    *key,
                                              const char    *text);
/* Keys of the reworded paragraphs, "opinion" and "rectification" aside. */
char          **fz_review_dup_paragraph_keys (FzReview      *self);
/* Whether the memo names problems of the finding kind @kind (a finding
 * id): FALSE when the reviewer has not said, and the memo decides. */
gboolean        fz_review_get_problem_choice (FzReview      *self,
                                              const char    *kind,
                                              gboolean      *in_memo);
void            fz_review_set_problem_choice (FzReview      *self,
                                              const char    *kind,
                                              gboolean       in_memo);
void            fz_review_clear_problem_choice (FzReview    *self,
                                                const char  *kind);
char          **fz_review_dup_problem_kinds  (FzReview      *self);
/* Whether the memo states the report's score under the bureau's table
 * (评分情况): the reviewer's choice for this report, FALSE until made, as
 * a table is the bureau's own yardstick and not every bureau sends the
 * figure back to the unit. */
gboolean        fz_review_get_score_in_memo  (FzReview      *self);
void            fz_review_set_score_in_memo  (FzReview      *self,
                                              gboolean       in_memo);

/* Puts back an annotation taken out with fz_review_remove_annotation()
 * (undoing a delete), at @position in the list. */
void            fz_review_insert_annotation  (FzReview      *self,
                                              guint          position,
                                              FzAnnotation  *annotation);

/* Round two of a review: the review of a revised report names the
 * report of the first round (by its hash) and keeps the reviewer's
 * confirmed state — "resolved", "open" or "changed" — of each point
 * raised then, by the point's key (see FzRoundPoint).  Setting another
 * first round forgets the confirmations; NULL ends the link. */
void            fz_review_set_previous_round (FzReview      *self,
                                              const char    *report_sha256,
                                              const char    *report_name);
const char     *fz_review_get_previous_round (FzReview      *self,
                                              const char   **report_name);
/* @state NULL clears the confirmation.  Needs a previous round. */
void            fz_review_set_point_state    (FzReview      *self,
                                              const char    *key,
                                              const char    *state);
const char     *fz_review_get_point_state    (FzReview      *self,
                                              const char    *key,
                                              GDateTime    **time);
/* Keys of the confirmed points, sorted. */
char          **fz_review_dup_point_keys     (FzReview      *self);

/* FzReviewChange, oldest first.  Consecutive edits of the same text field
 * within a minute make one entry (old → latest), so typing an opinion
 * does not log every keystroke. */
GPtrArray      *fz_review_get_log            (FzReview      *self);

/* What the reviewer records about the report's filing and publication
 * (收文日期 and channel, 公开日期, address and column).  Changes to it are
 * logged and saved like every other part of the review. */
FzFiling       *fz_review_get_filing         (FzReview      *self);

/* The reviewer's points for item @item_id of the scoring table @table_id,
 * with the reason (nullable for a manual item, see FzScore, which checks
 * the points and the reason before storing them).  Logged and saved;
 * ::score-adjustment-changed tells. */
void            fz_review_set_score_adjustment   (FzReview    *self,
                                                  const char  *table_id,
                                                  const char  *item_id,
                                                  double       points,
                                                  const char  *reason);
gboolean        fz_review_get_score_adjustment   (FzReview    *self,
                                                  const char  *table_id,
                                                  const char  *item_id,
                                                  double      *points,
                                                  const char **reason,
                                                  GDateTime  **time);
void            fz_review_clear_score_adjustment (FzReview    *self,
                                                  const char  *table_id,
                                                  const char  *item_id);
guint           fz_review_get_n_score_adjustments (FzReview   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzReviewChange, fz_review_change_free)

G_END_DECLS
