/* fz-compare-private.h: the alignment inside FzComparison
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-compare.h"
#include "fz-textsim.h"

G_BEGIN_DECLS

/* A reworded paragraph keeps at least half its character pairs. */
#define PARAGRAPH_THRESHOLD 0.5
/* A pair of sections scores the mean of its heading and content
 * similarity; below this it is two different sections. */
#define SECTION_THRESHOLD   0.35
/* A section paired out of order, or at another level, must be plainly
 * the same one. */
#define MOVED_THRESHOLD     0.6
/* Past this many cells a paragraph gap is aligned on identical text only. */
#define MAX_DP_CELLS        40000
#define MAX_CHAR_EDITS      2000
/* Sections' content is sampled past this many characters in all. */
#define MAX_CONTENT_CHARS   (4 * 1024 * 1024)

#define OWNER_FRONT   (-1)
#define OWNER_CLOSING (-2)
/* A web page's furniture (its date line, breadcrumb, links) is not the
 * report: it is compared with nothing. */
#define OWNER_NONE    (-3)

typedef struct
{
  FzDocument  *doc;
  GPtrArray   *sections;          /* FzSection */
  int         *owner;             /* per paragraph: section, OWNER_FRONT, OWNER_CLOSING or OWNER_NONE */
  guint32     *hash;              /* per paragraph, of its text without spaces */
  FzBigrams  **para;              /* per paragraph */
  FzBigrams  **heading;           /* per section, digits masked */
  FzBigrams  **content;           /* per section, subsections included */
  int         *pair;              /* per section: index in pairs, or -1 */
  guint8      *sole;              /* per section: the only one carrying its element */
} Side;

/* Aligning: the comparison being made, its pairs (FzSectionPair) and
 * each side. */
typedef struct
{
  FzComparison *self;
  GPtrArray    *pairs;
  Side          a;
  Side          b;
} Aligner;

/* Where the next paragraph would stand on a side: after the last one
 * emitted there, else at the start of the pair's range. */
typedef struct
{
  guint a_at;
  guint b_at;
} Cursor;

/* One step of an alignment: positions in the two lists, -1 for none. */
typedef struct
{
  int      i;
  int      j;
  FzChange change;
} Step;

void           _fz_compare_change_free    (FzParagraphChange *change);
void           _fz_compare_pair_free      (FzSectionPair     *pair);

/* fz-compare-sections.c */
void           _fz_compare_side_init      (Side          *side,
                                           FzDocument    *doc,
                                           GPtrArray     *sections);
void           _fz_compare_side_content   (Side          *side,
                                           guint          modulus);
void           _fz_compare_side_clear     (Side          *side);
guint64        _fz_compare_nested_length  (GPtrArray     *sections);
FzSectionPair *_fz_compare_add_pair       (Aligner       *al,
                                           FzRegion       region,
                                           int            i,
                                           int            j,
                                           gboolean       moved);
void           _fz_compare_align_children (Aligner       *al,
                                           int            pa,
                                           int            pb);
void           _fz_compare_pair_moved     (Aligner       *al);

/* fz-compare-paragraphs.c */
void           _fz_compare_align_paragraphs      (Aligner       *al,
                                                  FzSectionPair *pair,
                                                  int            owner_a,
                                                  int            owner_b,
                                                  Cursor        *cur);
void           _fz_compare_pair_moved_paragraphs (Aligner       *al);

G_END_DECLS
