/* fz-compare-paragraphs.c: the paragraphs aligned inside each pair of sections
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-compare"

#include "config.h"

#include <string.h>

#include "fz-compare-private.h"
#include "fz-text-util.h"

/* Aligning paragraphs inside a pair. */

static GArray *
owned_paragraphs (Side *side,
                  int   owner)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = fz_document_get_n_paragraphs (side->doc);

  for (guint i = 0; i < n; i++)
    if (side->owner[i] == owner)
      g_array_append_val (list, i);

  return list;
}

static gboolean
same_text (Side  *a,
           guint  i,
           Side  *b,
           guint  j)
{
  gsize alen, blen;
  const char *at, *bt;

  if (a->hash[i] != b->hash[j])
    return FALSE;
  at = fz_document_get_paragraph_text (a->doc, i, &alen);
  bt = fz_document_get_paragraph_text (b->doc, j, &blen);
  return fz_text_equal_ignoring_spaces (at, alen, bt, blen);
}

/* Sets what @c says about paragraphs @i of the first version and @j of
 * the second (either -1), placing a missing side at @a_at or @b_at. */
static void
fill_change (Aligner           *al,
             FzParagraphChange *c,
             FzChange           change,
             int                i,
             int                j,
             guint              a_at,
             guint              b_at)
{
  const FzParagraph *pa = i >= 0 ? fz_document_get_paragraph (al->a.doc, i) : NULL;
  const FzParagraph *pb = j >= 0 ? fz_document_get_paragraph (al->b.doc, j) : NULL;

  g_clear_pointer (&c->a_spans, g_array_unref);
  g_clear_pointer (&c->b_spans, g_array_unref);
  c->change = change;
  c->a_paragraph = i;
  c->b_paragraph = j;
  c->a_start = pa ? pa->start : a_at;
  c->a_end = pa ? pa->end : a_at;
  c->b_start = pb ? pb->start : b_at;
  c->b_end = pb ? pb->end : b_at;
  c->similarity = change == FZ_CHANGE_SAME ? 1 : 0;

  if (change == FZ_CHANGE_CHANGED)
    {
      gsize alen, blen;
      const char *at = fz_document_get_paragraph_text (al->a.doc, i, &alen);
      const char *bt = fz_document_get_paragraph_text (al->b.doc, j, &blen);
      g_autoptr(GArray) as = g_array_new (FALSE, FALSE, sizeof (FzTextSpan));
      g_autoptr(GArray) bs = g_array_new (FALSE, FALSE, sizeof (FzTextSpan));

      c->similarity = fz_bigrams_dice (al->a.para[i], al->b.para[j]);
      fz_text_diff (at, alen, bt, blen, MAX_CHAR_EDITS, as, bs);
      c->a_spans = g_array_new (FALSE, FALSE, sizeof (FzRange));
      c->b_spans = g_array_new (FALSE, FALSE, sizeof (FzRange));
      for (guint k = 0; k < as->len; k++)
        {
          const FzTextSpan *t = &g_array_index (as, FzTextSpan, k);
          FzRange r = { pa->start + t->start, pa->start + t->end };

          g_array_append_val (c->a_spans, r);
        }
      for (guint k = 0; k < bs->len; k++)
        {
          const FzTextSpan *t = &g_array_index (bs, FzTextSpan, k);
          FzRange r = { pb->start + t->start, pb->start + t->end };

          g_array_append_val (c->b_spans, r);
        }
    }
}

static void
emit (Aligner       *al,
      FzSectionPair *pair,
      Cursor        *cur,
      FzChange       change,
      int            i,
      int            j)
{
  FzParagraphChange *c = g_new0 (FzParagraphChange, 1);

  fill_change (al, c, change, i, j, cur->a_at, cur->b_at);
  g_ptr_array_add (pair->paragraphs, c);
  if (i >= 0)
    cur->a_at = fz_document_get_paragraph (al->a.doc, i)->end;
  if (j >= 0)
    cur->b_at = fz_document_get_paragraph (al->b.doc, j)->end;
}

/* Aligns @ga with @gb in order: a dynamic programme maximising the summed
 * similarity of the pairs made, when small enough; past that, identical
 * paragraphs only (a longest common subsequence).  Returns Step. */
static GArray *
align_lists (Aligner     *al,
             const guint *ga,
             guint        n,
             const guint *gb,
             guint        m)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Step));

  if (n == 0 || m == 0)
    {
      for (guint i = 0; i < n; i++)
        g_array_append_vals (steps, &(Step) { i, -1, FZ_CHANGE_REMOVED }, 1);
      for (guint j = 0; j < m; j++)
        g_array_append_vals (steps, &(Step) { -1, j, FZ_CHANGE_ADDED }, 1);
      return steps;
    }

  if ((gsize) n * m <= MAX_DP_CELLS)
    {
      g_autofree double *best = g_new0 (double, (n + 1) * (m + 1));
      g_autofree double *score = g_new (double, n * m);
      guint i = n, j = m;
#define BEST(i, j) best[(i) * (m + 1) + (j)]
#define SCORE(i, j) score[(i) * m + (j)]

      for (guint x = 1; x <= n; x++)
        for (guint y = 1; y <= m; y++)
          {
            double sc = same_text (&al->a, ga[x - 1], &al->b, gb[y - 1])
                        ? 1.01 : fz_bigrams_dice (al->a.para[ga[x - 1]], al->b.para[gb[y - 1]]);
            double v = MAX (BEST (x - 1, y), BEST (x, y - 1));

            SCORE (x - 1, y - 1) = sc;
            if (sc >= PARAGRAPH_THRESHOLD)
              v = MAX (v, BEST (x - 1, y - 1) + sc);
            BEST (x, y) = v;
          }

      /* Traced back from the end, the steps come out reversed. */
      while (i > 0 || j > 0)
        {
          Step step;

          if (i > 0 && j > 0 && SCORE (i - 1, j - 1) >= PARAGRAPH_THRESHOLD &&
              BEST (i, j) == BEST (i - 1, j - 1) + SCORE (i - 1, j - 1))
            {
              i--;
              j--;
              step = (Step) { i, j, SCORE (i, j) > 1 ? FZ_CHANGE_SAME : FZ_CHANGE_CHANGED };
            }
          else if (i > 0 && (j == 0 || BEST (i, j) == BEST (i - 1, j)))
            step = (Step) { --i, -1, FZ_CHANGE_REMOVED };
          else
            step = (Step) { -1, --j, FZ_CHANGE_ADDED };
          g_array_prepend_val (steps, step);
        }
#undef BEST
#undef SCORE
      return steps;
    }

  {
    g_autofree guint32 *ha = g_new (guint32, n);
    g_autofree guint32 *hb = g_new (guint32, m);
    g_autofree guint8 *del = g_new0 (guint8, n);
    g_autofree guint8 *ins = g_new0 (guint8, m);
    guint i = 0, j = 0;

    for (guint k = 0; k < n; k++)
      ha[k] = al->a.hash[ga[k]];
    for (guint k = 0; k < m; k++)
      hb[k] = al->b.hash[gb[k]];
    if (!fz_sequence_diff (ha, n, hb, m, G_MAXUINT, del, ins))
      {
        memset (del, 1, n);
        memset (ins, 1, m);
      }
    while (i < n || j < m)
      {
        if (i < n && del[i])
          g_array_append_vals (steps, &(Step) { i++, -1, FZ_CHANGE_REMOVED }, 1);
        else if (j < m && ins[j])
          g_array_append_vals (steps, &(Step) { -1, j++, FZ_CHANGE_ADDED }, 1);
        else if (i < n && j < m && same_text (&al->a, ga[i], &al->b, gb[j]))
          {
            g_array_append_vals (steps, &(Step) { i, j, FZ_CHANGE_SAME }, 1);
            i++;
            j++;
          }
        else
          {
            /* Equal hashes, different text: a collision, told apart. */
            if (i < n)
              g_array_append_vals (steps, &(Step) { i++, -1, FZ_CHANGE_REMOVED }, 1);
            if (j < m)
              g_array_append_vals (steps, &(Step) { -1, j++, FZ_CHANGE_ADDED }, 1);
          }
      }
  }

  return steps;
}

static void
align_gap (Aligner       *al,
           FzSectionPair *pair,
           Cursor        *cur,
           const guint   *ga,
           guint          n,
           const guint   *gb,
           guint          m)
{
  g_autoptr(GArray) steps = align_lists (al, ga, n, gb, m);

  for (guint k = 0; k < steps->len; k++)
    {
      const Step *step = &g_array_index (steps, Step, k);

      emit (al, pair, cur, step->change,
            step->i >= 0 ? (int) ga[step->i] : -1,
            step->j >= 0 ? (int) gb[step->j] : -1);
    }
}

/* Identical paragraphs that occur once on each side, kept where they are
 * in the same order on both (a longest increasing run): the anchors. */
static GArray *
anchors (Aligner *al,
         GArray  *la,
         GArray  *lb)
{
  g_autoptr(GHashTable) count_a = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) count_b = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) where_b = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) cand = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *tail = NULL;
  g_autofree int *prev = NULL;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint len = 0;

  for (guint i = 0; i < la->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (al->a.hash[g_array_index (la, guint, i)]);

      g_hash_table_insert (count_a, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_a, key)) + 1));
    }
  for (guint j = 0; j < lb->len; j++)
    {
      gpointer key = GUINT_TO_POINTER (al->b.hash[g_array_index (lb, guint, j)]);

      g_hash_table_insert (count_b, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count_b, key)) + 1));
      g_hash_table_insert (where_b, key, GUINT_TO_POINTER (j));
    }
  for (guint i = 0; i < la->len; i++)
    {
      guint pa = g_array_index (la, guint, i);
      gpointer key = GUINT_TO_POINTER (al->a.hash[pa]);
      guint pos[2];

      if (GPOINTER_TO_UINT (g_hash_table_lookup (count_a, key)) != 1 ||
          GPOINTER_TO_UINT (g_hash_table_lookup (count_b, key)) != 1)
        continue;
      pos[0] = i;
      pos[1] = GPOINTER_TO_UINT (g_hash_table_lookup (where_b, key));
      if (same_text (&al->a, pa, &al->b, g_array_index (lb, guint, pos[1])))
        g_array_append_val (cand, pos);
    }

  /* Longest increasing subsequence of the b positions (patience). */
  tail = g_new (guint, cand->len + 1);
  prev = g_new (int, cand->len + 1);
  for (guint k = 0; k < cand->len; k++)
    {
      guint b = ((guint *) (void *) cand->data)[k * 2 + 1];
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (((guint *) (void *) cand->data)[tail[mid] * 2 + 1] < b)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[k] = lo > 0 ? (int) tail[lo - 1] : -1;
      tail[lo] = k;
      if (lo == len)
        len++;
    }
  g_array_set_size (result, len);
  for (int k = len > 0 ? (int) tail[len - 1] : -1, at = (int) len - 1; k >= 0; k = prev[k], at--)
    memcpy (result->data + (gsize) at * sizeof (guint) * 2,
            cand->data + (gsize) k * sizeof (guint) * 2, sizeof (guint) * 2);

  return result;
}

void
_fz_compare_align_paragraphs (Aligner       *al,
                  FzSectionPair *pair,
                  int            owner_a,
                  int            owner_b,
                  Cursor        *cur)
{
  g_autoptr(GArray) la = owner_a != G_MININT ? owned_paragraphs (&al->a, owner_a) : g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lb = owner_b != G_MININT ? owned_paragraphs (&al->b, owner_b) : g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) fixed = anchors (al, la, lb);
  guint i = 0, j = 0;

  for (guint k = 0; k <= fixed->len; k++)
    {
      guint ai = k < fixed->len ? ((guint *) (void *) fixed->data)[k * 2] : la->len;
      guint bj = k < fixed->len ? ((guint *) (void *) fixed->data)[k * 2 + 1] : lb->len;

      align_gap (al, pair, cur,
                 (const guint *) (void *) la->data + i, ai - i,
                 (const guint *) (void *) lb->data + j, bj - j);
      if (k < fixed->len)
        emit (al, pair, cur, FZ_CHANGE_SAME, g_array_index (la, guint, ai), g_array_index (lb, guint, bj));
      i = ai + 1;
      j = bj + 1;
    }
}

/* A heading added or dropped in the revision moves the paragraphs under
 * it into another section, where the section-bound pass sees them as
 * removed here and added there.  Each run of removed paragraphs is
 * aligned, once more, with the added ones that stand between the same
 * neighbours in the second version: nothing paired lies between them, so
 * this pairs text that stayed in place, never the formula of another
 * part of the report. */
void
_fz_compare_pair_moved_paragraphs (Aligner *al)
{
  guint na = fz_document_get_n_paragraphs (al->a.doc);
  guint nb = fz_document_get_n_paragraphs (al->b.doc);
  g_autofree FzParagraphChange **a_change = g_new0 (FzParagraphChange *, MAX (na, 1));
  g_autofree FzParagraphChange **b_change = g_new0 (FzParagraphChange *, MAX (nb, 1));
  g_autofree FzSectionPair **a_pair = g_new0 (FzSectionPair *, MAX (na, 1));
  g_autofree FzSectionPair **b_pair = g_new0 (FzSectionPair *, MAX (nb, 1));

  for (guint k = 0; k < al->pairs->len; k++)
    {
      FzSectionPair *pair = g_ptr_array_index (al->pairs, k);

      for (guint c = 0; c < pair->paragraphs->len; c++)
        {
          FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, c);

          if (change->a_paragraph >= 0)
            {
              a_change[change->a_paragraph] = change;
              a_pair[change->a_paragraph] = pair;
            }
          if (change->b_paragraph >= 0)
            {
              b_change[change->b_paragraph] = change;
              b_pair[change->b_paragraph] = pair;
            }
        }
    }

  for (guint i = 0; i < na;)
    {
      g_autoptr(GArray) la = NULL;
      g_autoptr(GArray) lb = NULL;
      g_autoptr(GArray) steps = NULL;
      guint s = i;
      int prev_b = -1, next_b = nb;

      if (a_change[i] == NULL || a_change[i]->change != FZ_CHANGE_REMOVED)
        {
          i++;
          continue;
        }
      while (i < na && a_change[i] != NULL && a_change[i]->change == FZ_CHANGE_REMOVED)
        i++;

      for (int k = (int) s - 1; k >= 0 && prev_b < 0; k--)
        if (a_change[k] != NULL && a_change[k]->b_paragraph >= 0)
          prev_b = a_change[k]->b_paragraph;
      for (guint k = i; k < na && next_b == (int) nb; k++)
        if (a_change[k] != NULL && a_change[k]->b_paragraph >= 0)
          next_b = a_change[k]->b_paragraph;
      if (prev_b + 1 >= next_b)
        continue;

      la = g_array_new (FALSE, FALSE, sizeof (guint));
      lb = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint k = s; k < i; k++)
        g_array_append_val (la, k);
      for (int j = prev_b + 1; j < next_b; j++)
        if (b_change[j] != NULL && b_change[j]->change == FZ_CHANGE_ADDED)
          g_array_append_val (lb, j);
      if (lb->len == 0)
        continue;

      steps = align_lists (al, (const guint *) (void *) la->data, la->len,
                           (const guint *) (void *) lb->data, lb->len);
      for (guint k = 0; k < steps->len; k++)
        {
          const Step *step = &g_array_index (steps, Step, k);
          guint ai, bj;
          FzParagraphChange *moved;

          if (step->i < 0 || step->j < 0)
            continue;
          ai = g_array_index (la, guint, step->i);
          bj = g_array_index (lb, guint, step->j);
          /* The second version's entry takes both; the first's goes. */
          moved = b_change[bj];
          fill_change (al, moved, step->change, ai, bj, 0, 0);
          moved->moved = TRUE;
          g_ptr_array_remove (a_pair[ai]->paragraphs, a_change[ai]);
          a_change[ai] = moved;
          a_pair[ai] = b_pair[bj];
        }
    }
}

