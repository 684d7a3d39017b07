/* fz-textsim.c: how alike two passages are, and where they differ
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-text-util.h"
#include "fz-textsim.h"

struct _FzBigrams
{
  guint64 *pairs;                 /* sorted */
  guint    n;
};

static gboolean
is_counted (gunichar c)
{
  return !fz_unichar_is_space (c) && !fz_unichar_is_invisible (c) &&
         !fz_unichar_is_cjk_punct (c) && !g_unichar_ispunct (c) &&
         c != '\n' && c != '\r' && c != '|';
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

FzBigrams *
fz_bigrams_new (const char *text,
                gssize      len)
{
  return fz_bigrams_new_sampled (text, len, 1);
}

static gboolean
keep_pair (guint64 pair,
           guint   modulus)
{
  /* A multiplicative hash, so that a sample keeps pairs at random but
   * the same ones in every text. */
  return modulus <= 1 || ((pair * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 33) % modulus == 0;
}

FzBigrams *
fz_bigrams_new_sampled (const char *text,
                        gssize      len,
                        guint       modulus)
{
  FzBigrams *self = g_new0 (FzBigrams, 1);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *end;
  gunichar prev = 0;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL || len == 0, self);

  if (text == NULL)
    return self;
  end = text + (len < 0 ? strlen (text) : (gsize) len);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint64 pair;

      if (!is_counted (c))
        continue;
      c = g_unichar_tolower (c);
      n_chars++;
      if (prev != 0)
        {
          pair = ((guint64) prev << 32) | c;
          if (keep_pair (pair, modulus))
            g_array_append_val (pairs, pair);
        }
      prev = c;
    }

  /* One character has no pair; it still has to count as itself. */
  if (n_chars == 1)
    {
      guint64 pair = (guint64) prev << 32;

      if (keep_pair (pair, modulus))
        g_array_append_val (pairs, pair);
    }

  if (pairs->len > 1)
    qsort (pairs->data, pairs->len, sizeof (guint64), compare_pairs);
  self->n = pairs->len;
  self->pairs = (guint64 *) (void *) g_array_free (g_steal_pointer (&pairs), FALSE);

  return self;
}

FzBigrams *
fz_bigrams_merge (const FzBigrams *a,
                  const FzBigrams *b)
{
  FzBigrams *self = g_new0 (FzBigrams, 1);
  guint i = 0, j = 0, k = 0;

  self->n = a->n + b->n;
  self->pairs = g_new (guint64, MAX (self->n, 1));
  while (i < a->n || j < b->n)
    {
      if (j == b->n || (i < a->n && a->pairs[i] <= b->pairs[j]))
        self->pairs[k++] = a->pairs[i++];
      else
        self->pairs[k++] = b->pairs[j++];
    }

  return self;
}

FzBigrams *
fz_bigrams_filter (const FzBigrams *bigrams,
                   gboolean       (*keep) (guint64  pair,
                                           gpointer user_data),
                   gpointer         user_data)
{
  FzBigrams *self = g_new0 (FzBigrams, 1);

  self->pairs = g_new (guint64, MAX (bigrams->n, 1));
  for (guint i = 0; i < bigrams->n; i++)
    if (keep (bigrams->pairs[i], user_data))
      self->pairs[self->n++] = bigrams->pairs[i];
  return self;
}

const guint64 *
fz_bigrams_get_pairs (const FzBigrams *bigrams,
                      guint           *n)
{
  g_return_val_if_fail (bigrams != NULL, NULL);

  if (n != NULL)
    *n = bigrams->n;
  return bigrams->pairs;
}

void
fz_bigrams_free (FzBigrams *bigrams)
{
  if (bigrams == NULL)
    return;
  g_free (bigrams->pairs);
  g_free (bigrams);
}

guint
fz_bigrams_get_size (const FzBigrams *bigrams)
{
  return bigrams != NULL ? bigrams->n : 0;
}

static guint
common_pairs (const FzBigrams *a,
              const FzBigrams *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->n && j < b->n)
    {
      if (a->pairs[i] == b->pairs[j])
        {
          common++;
          i++;
          j++;
        }
      else if (a->pairs[i] < b->pairs[j])
        i++;
      else
        j++;
    }

  return common;
}

double
fz_bigrams_dice (const FzBigrams *a,
                 const FzBigrams *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->n + b->n == 0)
    return 1;
  return 2.0 * common_pairs (a, b) / (a->n + b->n);
}

double
fz_bigrams_containment (const FzBigrams *part,
                        const FzBigrams *whole)
{
  g_return_val_if_fail (part != NULL && whole != NULL, 0);

  if (part->n == 0)
    return 0;
  return (double) common_pairs (part, whole) / part->n;
}

gboolean
fz_text_equal_ignoring_spaces (const char *a,
                               gssize      a_len,
                               const char *b,
                               gssize      b_len)
{
  const char *ae = a + (a_len < 0 ? strlen (a) : (gsize) a_len);
  const char *be = b + (b_len < 0 ? strlen (b) : (gsize) b_len);

  for (;;)
    {
      while (a < ae && (fz_unichar_is_space (g_utf8_get_char (a)) || *a == '\n'))
        a = g_utf8_next_char (a);
      while (b < be && (fz_unichar_is_space (g_utf8_get_char (b)) || *b == '\n'))
        b = g_utf8_next_char (b);
      if (a >= ae || b >= be)
        return a >= ae && b >= be;
      if (g_utf8_get_char (a) != g_utf8_get_char (b))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
}

/* Character diff. */

static gunichar *
to_ucs4 (const char *text,
         gssize      len,
         int        *n)
{
  glong items = 0;
  gunichar *out = g_utf8_to_ucs4_fast (text, len, &items);

  *n = (int) items;
  return out;
}

/* Myers' O(ND) shortest edit script between @a and @b, marking in @a_del
 * the characters of @a it deletes and in @b_ins those of @b it inserts.
 * FALSE when more than @max_d edits would be needed. */
static gboolean
myers (const guint32  *a,
       int             n,
       const guint32  *b,
       int             m,
       int             max_d,
       guint8         *a_del,
       guint8         *b_ins)
{
  int limit = MIN (n + m, max_d);
  int offset = limit + 1;
  g_autofree int *v = g_new0 (int, 2 * limit + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int found = -1;

  for (int d = 0; d <= limit && found < 0; d++)
    {
      int *saved;

      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            {
              x++;
              y++;
            }
          v[offset + k] = x;
          if (x >= n && y >= m)
            found = d;
        }

      saved = g_new (int, 2 * d + 1);
      memcpy (saved, v + offset - d, sizeof (int) * (2 * d + 1));
      g_ptr_array_add (trace, saved);
    }

  if (found < 0)
    return FALSE;

  {
    int x = n, y = m;

    for (int d = found; d > 0; d--)
      {
        const int *prev = g_ptr_array_index (trace, d - 1);   /* k in -(d-1)…d-1 */
        int k = x - y;
        gboolean down = k == -d || (k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
        int prev_k = down ? k + 1 : k - 1;
        int prev_x = prev[prev_k + d - 1];
        int prev_y = prev_x - prev_k;
        int ex = down ? prev_x : prev_x + 1;
        int ey = down ? prev_y + 1 : prev_y;

        while (x > ex && y > ey)
          {
            x--;
            y--;
          }
        if (down)
          b_ins[prev_y] = 1;
        else
          a_del[prev_x] = 1;
        x = prev_x;
        y = prev_y;
      }
  }

  return TRUE;
}

gboolean
fz_sequence_diff (const guint32 *a,
                  guint          n,
                  const guint32 *b,
                  guint          m,
                  guint          max_edits,
                  guint8        *a_del,
                  guint8        *b_ins)
{
  guint prefix = 0, suffix = 0;

  g_return_val_if_fail (n < G_MAXINT / 4 && m < G_MAXINT / 4, FALSE);

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;
  if (prefix + suffix == n || prefix + suffix == m)
    {
      memset (a_del + prefix, 1, n - prefix - suffix);
      memset (b_ins + prefix, 1, m - prefix - suffix);
      return TRUE;
    }

  return myers (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix,
                (int) MIN (max_edits, G_MAXINT / 4), a_del + prefix, b_ins + prefix);
}

/* Spans of marked characters, shifted by @base; marks with only one or
 * two unmarked characters between them make one span. */
static void
marks_to_spans (const guint8 *marks,
                int           n,
                guint         base,
                GArray       *spans)
{
  int i = 0;

  while (i < n)
    {
      FzTextSpan span;

      if (!marks[i])
        {
          i++;
          continue;
        }
      span.start = base + i;
      while (i < n)
        {
          int gap = 0;

          while (i < n && marks[i])
            i++;
          while (i + gap < n && !marks[i + gap] && gap < 3)
            gap++;
          if (i + gap < n && marks[i + gap] && gap <= 2)
            i += gap;
          else
            break;
        }
      span.end = base + i;
      g_array_append_val (spans, span);
    }
}

guint
fz_text_diff (const char *a,
              gssize      a_len,
              const char *b,
              gssize      b_len,
              guint       max_edits,
              GArray     *a_spans,
              GArray     *b_spans)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint8 *a_del = NULL;
  g_autofree guint8 *b_ins = NULL;
  int n, m, prefix = 0, suffix = 0, mid_a, mid_b;
  guint common;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ua = to_ucs4 (a, a_len, &n);
  ub = to_ucs4 (b, b_len, &m);
  if (ua == NULL || ub == NULL)
    return 0;

  while (prefix < n && prefix < m && ua[prefix] == ub[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         ua[n - 1 - suffix] == ub[m - 1 - suffix])
    suffix++;
  mid_a = n - prefix - suffix;
  mid_b = m - prefix - suffix;

  a_del = g_new0 (guint8, MAX (mid_a, 1));
  b_ins = g_new0 (guint8, MAX (mid_b, 1));

  if (mid_a == 0 || mid_b == 0 ||
      !myers (ua + prefix, mid_a, ub + prefix, mid_b, (int) MIN (max_edits, G_MAXINT / 4), a_del, b_ins))
    {
      /* Too different for detail: everything between the common ends. */
      memset (a_del, 1, mid_a);
      memset (b_ins, 1, mid_b);
      common = prefix + suffix;
    }
  else
    {
      guint deleted = 0;

      for (int i = 0; i < mid_a; i++)
        deleted += a_del[i];
      common = n - deleted;
    }

  if (a_spans != NULL)
    marks_to_spans (a_del, mid_a, prefix, a_spans);
  if (b_spans != NULL)
    marks_to_spans (b_ins, mid_b, prefix, b_spans);

  return common;
}
