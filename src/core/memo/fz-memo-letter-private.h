/* fz-memo-letter-private.h: how the parts of the letter for one report meet
 *
 * The letter (fz-memo-letter.c) is made section by section: the opening,
 * the overall opinion and the requests there; each element's opinion and
 * the problems in fz-memo-letter-body.c; the score, the second round and
 * last year's follow-through in fz-memo-follow.c.  They share the wording
 * helpers of fz-memo-letter-util.c and the state below.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-memo-private.h"
#include "fz-problems.h"

G_BEGIN_DECLS

typedef struct
{
  FzAnalysis          *analysis;
  FzReview            *review;          /* nullable */
  const FzMemoOptions *options;
  FzMemoDocument      *doc;
  GHashTable          *defaults;        /* key → the memo's own wording */
  GPtrArray           *problems;        /* FzProblem in the memo */
  char                *title;           /* the report's, nullable */
  char                *addressee;       /* the reporting unit, nullable */
  const char          *you;             /* 你镇, 你局, 你单位 */
  const char          *we;              /* 我局, 我办, 我单位 */
  guint                n_headings;
} Letter;

typedef void (*LetterSection) (Letter *l);

/* 一, 二 … 二十; "" past that. */
const char      *_fz_letter_ordinal            (guint                  n);
/* 一、总体意见: numbered in the order the sections write them. */
void             _fz_letter_heading            (Letter                *l,
                                                const char            *text);
/* A paragraph the reviewer may reword: their words when they did. */
void             _fz_letter_paragraph          (Letter                *l,
                                                const char            *key,
                                                const char            *lead,
                                                const char            *text);
/* The element's status as the reviewer decided it, else the machine's. */
FzStatus         _fz_letter_status             (Letter                *l,
                                                const FzElementResult *r,
                                                gboolean              *by_reviewer);
const char      *_fz_letter_element_name       (Letter                *l,
                                                const FzElementResult *r);
const char      *_fz_letter_element_short_name (Letter                *l,
                                                const FzElementResult *r);
/* “甲”、“乙” */
char            *_fz_letter_quoted_names       (GPtrArray             *names);
char            *_fz_letter_joined             (GPtrArray             *items,
                                                const char            *separator);
char            *_fz_letter_reporting_unit     (const FzMetadata      *meta);
const char      *_fz_letter_second_person      (const char            *unit);
const char      *_fz_letter_first_person       (const char            *unit);
char            *_fz_letter_section_place      (Letter                *l,
                                                int                    index);
char            *_fz_letter_range_places       (Letter                *l,
                                                GArray                *ranges,
                                                guint                  max);
gboolean         _fz_letter_problem_in_memo    (Letter                *l,
                                                const FzProblem       *problem);
/* The 公文 elements the report lacks, by name (static strings). */
GPtrArray       *_fz_letter_missing_elements   (Letter                *l);

/* Sections (fz-memo-letter-body.c). */
void             _fz_letter_add_elements       (Letter                *l);
void             _fz_letter_add_problems       (Letter                *l);
/* Sections (fz-memo-follow.c). */
void             _fz_letter_add_score          (Letter                *l);
void             _fz_letter_add_rounds         (Letter                *l);
void             _fz_letter_add_history        (Letter                *l);
/* What the follow-up sections add to the JSON memo's facts. */
void             _fz_letter_follow_facts       (Letter                *l,
                                                JsonObject            *facts);

G_END_DECLS
