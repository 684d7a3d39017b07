/* fz-problems.h: a report's findings, one group per kind of problem
 *
 * A report with 273 half-width commas has one problem, not 273: the window
 * lists it once with its count, and the memo names it once with where it
 * occurs.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-analysis.h"

G_BEGIN_DECLS

/* What a kind of problem is about, for the memo's requests. */
typedef enum
{
  FZ_PROBLEM_ELEMENT,             /* a 公文 element missing */
  FZ_PROBLEM_FORM,                /* 公文 form: numbers, dates, addressee */
  FZ_PROBLEM_LANGUAGE,            /* punctuation, characters, words */
  FZ_PROBLEM_FIGURES,             /* figures and years */
  FZ_PROBLEM_CONTENT,             /* what the report says */
} FzProblemFamily;

typedef struct
{
  char       *kind;               /* the findings' id: "punct_halfwidth", … */
  FzSeverity  severity;           /* the most serious among them */
  GPtrArray  *findings;           /* FzFinding, borrowed, in document order */
} FzProblem;

#define FZ_TYPE_PROBLEM (fz_problem_get_type ())

GType       fz_problem_get_type            (void) G_GNUC_CONST;
FzProblem  *fz_problem_copy                (const FzProblem *problem);
void        fz_problem_free                (FzProblem       *problem);

/* The findings of @analysis and @extra (FzFinding, nullable: the passages
 * a batch found shared), grouped by kind: errors first, then warnings and
 * notes, and within each the kinds with most occurrences first.  The
 * groups borrow the findings: keep @analysis and @extra alive. */
GPtrArray  *fz_problems_group              (FzAnalysis      *analysis,
                                            GPtrArray       *extra);

/* What a kind of problem is, in a few words: in the reviewer's language
 * (_label), and in the memo's Chinese (_chinese).  An unknown kind gets
 * the message of @example, or a general wording. */
const char *fz_problem_kind_get_label      (const char      *kind,
                                            const FzFinding *example);
const char *fz_problem_kind_get_chinese    (const char      *kind);
/* What the unit should do about it, in Chinese; NULL when nothing general
 * can be said. */
const char *fz_problem_kind_get_advice     (const char      *kind);
FzProblemFamily fz_problem_kind_get_family (const char      *kind);
/* Whether the memo names the kind unless the reviewer says otherwise:
 * not notes on scope (outline_coverage), not what reading the file left
 * behind (markup_residue), not what the checklist already says
 * (no_causes), not mere notes. */
gboolean    fz_problem_kind_in_memo_by_default (const char  *kind,
                                                FzSeverity   severity);
/* Whether the kind is a missing 公文 element (标题, 主送机关, 署名, 日期). */
gboolean    fz_problem_kind_is_missing_element (const char  *kind);

/* Where character @offset of the report is, as a reviewer would cite it:
 * "第2页" for a paged format, else the part it is in ("第三部分", "标题",
 * "开头部分", "落款"), in Chinese. */
char       *fz_problem_dup_place           (FzAnalysis      *analysis,
                                            guint            offset);
/* A few characters either side of [@start, @end), on one line. */
char       *fz_problem_dup_context         (FzAnalysis      *analysis,
                                            guint            start,
                                            guint            end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzProblem, fz_problem_free)

G_END_DECLS
