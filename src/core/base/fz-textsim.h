/* fz-textsim.h: how alike two passages are, and where they differ
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The character pairs of a passage, spaces and punctuation left out, as a
 * sorted multiset: Chinese has no words to count, and pairs of characters
 * are what a reader recognises as "the same wording". */
typedef struct _FzBigrams FzBigrams;

FzBigrams *fz_bigrams_new        (const char      *text,
                                  gssize           len);
/* Only the pairs a hash picks, one in @modulus on average, the same ones
 * in every text: Dice of two samples estimates Dice of the whole when
 * whole sections of a very long report are compared. */
FzBigrams *fz_bigrams_new_sampled (const char     *text,
                                   gssize          len,
                                   guint           modulus);
/* The union of @a and @b (as multisets), newly allocated. */
FzBigrams *fz_bigrams_merge      (const FzBigrams *a,
                                  const FzBigrams *b);
/* The pairs of @bigrams that @keep accepts, newly allocated. */
FzBigrams *fz_bigrams_filter     (const FzBigrams *bigrams,
                                  gboolean       (*keep) (guint64  pair,
                                                          gpointer user_data),
                                  gpointer         user_data);
/* The sorted pairs themselves, each a character in the high and one in
 * the low 32 bits. */
const guint64 *fz_bigrams_get_pairs (const FzBigrams *bigrams,
                                     guint           *n);
void       fz_bigrams_free       (FzBigrams       *bigrams);
guint      fz_bigrams_get_size   (const FzBigrams *bigrams);
/* Dice coefficient, 0–1: 1 for the same wording in any order, 0 for
 * nothing in common.  Two empty passages are alike (1). */
double     fz_bigrams_dice       (const FzBigrams *a,
                                  const FzBigrams *b);
/* The share of @part's pairs that @whole also has, 0–1: how much of a
 * short item a long passage takes up.  An empty @part gives 0. */
double     fz_bigrams_containment (const FzBigrams *part,
                                   const FzBigrams *whole);

/* TRUE when @a and @b read the same once spaces are ignored. */
gboolean   fz_text_equal_ignoring_spaces (const char *a,
                                          gssize      a_len,
                                          const char *b,
                                          gssize      b_len);

typedef struct
{
  guint start;                    /* characters from the start of the text */
  guint end;
} FzTextSpan;

/* The characters that differ between @a and @b: appends to @a_spans the
 * spans of @a not in @b (deleted or replaced) and to @b_spans the spans of
 * @b not in @a, both in characters of their own text, merged where only a
 * character or two of common text lies between.  A minimal character diff
 * (Myers); past @max_edits edits it gives up on detail and reports the one
 * span between the common start and the common end.  Returns the number
 * of characters the two have in common. */
guint      fz_text_diff          (const char *a,
                                  gssize      a_len,
                                  const char *b,
                                  gssize      b_len,
                                  guint       max_edits,
                                  GArray     *a_spans,
                                  GArray     *b_spans);

/* The same for any two sequences of numbers (characters, hashes of
 * paragraphs): marks in @a_del (n bytes, zeroed by the caller) the items
 * of @a not in a longest common subsequence with @b, and in @b_ins (m
 * bytes, zeroed) those of @b.  FALSE,
 * with nothing marked, when that takes more than @max_edits edits. */
gboolean   fz_sequence_diff      (const guint32 *a,
                                  guint          n,
                                  const guint32 *b,
                                  guint          m,
                                  guint          max_edits,
                                  guint8        *a_del,
                                  guint8        *b_ins);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzBigrams, fz_bigrams_free)

G_END_DECLS
