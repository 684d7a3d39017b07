/* fz-compare.h: two versions of a report, aligned section by section
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_CHANGE_SAME,                 /* the same text, spaces aside */
  FZ_CHANGE_CHANGED,              /* the same place, reworded */
  FZ_CHANGE_ADDED,                /* only in the second version */
  FZ_CHANGE_REMOVED,              /* only in the first */
} FzChange;

/* "same", "changed", "added", "removed" */
const char *fz_change_to_string (FzChange change);

typedef enum
{
  FZ_REGION_FRONT,                /* 版头, title, addressee, the opening before the first heading */
  FZ_REGION_SECTION,
  FZ_REGION_CLOSING,              /* 特此报告, signature, date, notes, 抄送 */
} FzRegion;

/* One paragraph of either version and its counterpart.  An added
 * paragraph has a_paragraph -1 and an empty a range where it would stand
 * in the first version; a removed one likewise in the second. */
typedef struct
{
  FzChange  change;
  int       a_paragraph;
  int       b_paragraph;
  guint     a_start;
  guint     a_end;
  guint     b_start;
  guint     b_end;
  double    similarity;           /* 0–1 */
  guint     moved : 1;            /* paired across sections: a heading above it was added or dropped */
  GArray   *a_spans;              /* FzRange: what changed inside, for FZ_CHANGE_CHANGED; else NULL */
  GArray   *b_spans;
} FzParagraphChange;

/* A section of either version and its counterpart, with the changes of
 * its own paragraphs (its heading and body, not its subsections', which
 * have pairs of their own).  The front matter and the closing are
 * compared as pseudo-sections with a_section and b_section -1. */
typedef struct
{
  FzRegion   region;
  FzChange   change;              /* same: every paragraph the same */
  int        a_section;           /* index in the first version's sections, -1 when added */
  int        b_section;
  guint      moved : 1;           /* paired out of order or at another level */
  double     heading_similarity;  /* 0–1 */
  double     similarity;          /* of the whole section, subsections included */
  guint      a_start;             /* the section's range; empty when absent on that side */
  guint      a_end;
  guint      b_start;
  guint      b_end;
  GPtrArray *paragraphs;          /* FzParagraphChange, in reading order */
} FzSectionPair;

#define FZ_TYPE_COMPARISON (fz_comparison_get_type ())

G_DECLARE_FINAL_TYPE (FzComparison, fz_comparison, FZ, COMPARISON, GObject)

/* Aligns @b (a revised version, or another year's report) with @a:
 * headings first, each level of the outline in order and by heading
 * wording, content and checklist element, then the paragraphs inside each
 * pair of sections.  Paragraphs are never paired across sections, so the
 * formulaic sentences every report shares cannot pull unrelated passages
 * together.  Pure computation on immutable inputs: safe in a worker. */
FzComparison    *fz_comparison_new                (FzAnalysis    *a,
                                                   FzAnalysis    *b);
/* The same for documents with no analysis (their outlines are built). */
FzComparison    *fz_comparison_new_for_documents  (FzDocument    *a,
                                                   FzDocument    *b);
void             fz_comparison_new_async          (FzAnalysis          *a,
                                                   FzAnalysis          *b,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
FzComparison    *fz_comparison_new_finish         (GAsyncResult        *result,
                                                   GError             **error);

FzDocument      *fz_comparison_get_a              (FzComparison  *self);
FzDocument      *fz_comparison_get_b              (FzComparison  *self);
GPtrArray       *fz_comparison_get_a_sections     (FzComparison  *self);  /* FzSection */
GPtrArray       *fz_comparison_get_b_sections     (FzComparison  *self);
/* FzSectionPair in reading order: the second version's, with what only
 * the first has where it stood. */
GPtrArray       *fz_comparison_get_sections       (FzComparison  *self);

/* The pair holding section @a_section of the first version (or
 * @b_section of the second); NULL when out of range. */
const FzSectionPair     *fz_comparison_find_a_section   (FzComparison *self,
                                                         int           a_section);
const FzSectionPair     *fz_comparison_find_b_section   (FzComparison *self,
                                                         int           b_section);
/* The change that holds paragraph @index of either version. */
const FzParagraphChange *fz_comparison_find_a_paragraph (FzComparison *self,
                                                         guint         index);
const FzParagraphChange *fz_comparison_find_b_paragraph (FzComparison *self,
                                                         guint         index);

/* Where the characters [@a_start, @a_end) of the first version are in
 * the second: the same characters of the counterpart paragraph when it is
 * the same, or the whole counterpart when it changed.  Returns the worst
 * change over the paragraphs the range touches (removed > changed >
 * same); @b_start and @b_end are set unless every one was removed. */
FzChange         fz_comparison_map_range          (FzComparison *self,
                                                   guint         a_start,
                                                   guint         a_end,
                                                   guint        *b_start,
                                                   guint        *b_end);

/* Paragraph counts by change, over the whole document. */
guint            fz_comparison_count              (FzComparison *self,
                                                   FzChange      change);
/* Share of the first version's characters found unchanged, 0–1. */
double           fz_comparison_get_similarity     (FzComparison *self);

G_END_DECLS
