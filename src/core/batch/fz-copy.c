/* fz-copy.c: passages two reports share (copy_overlap)
 *
 * Reviewers look for units that copied each other or last year's report.
 * Comparing every sentence with every other is quadratic and a province
 * checks thousands of reports, so:
 *
 *  1. each body sentence is normalized (Han characters, letters and digits
 *     only; every number becomes "#", since a copied passage usually changes
 *     its figures), stock phrases (data/lists/stock-phrases.txt) are cut out,
 *     and what remains must still be long enough to mean something;
 *  2. its character 4-grams (shingles) get a MinHash signature, cut into
 *     LSH bands; sentences that agree on a whole band become candidates;
 *  3. each candidate pair is verified on the exact shingle sets: Jaccard
 *     similarity, or containment when one sentence is a copy padded out;
 *  4. what many reports of the batch share is stock too, not copying: a
 *     band bucket or a sentence spread over more than a few reports is
 *     dropped (document-frequency filtering), which also keeps every bucket
 *     small and the whole run near-linear;
 *  5. two reports are paired when they share at least two sentences or one
 *     long one, and adjacent matched sentences merge into passages.
 *
 * Step 1 and the band keys of step 2 are made in fz-copy-fingerprint.c,
 * once per report; this file finds the candidates on those keys, verifies
 * and pairs them (2 to 5) and turns a shared passage into a finding.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-copy"

#include "config.h"

#include <string.h>

#include "fz-copy-private.h"
#include "fz-i18n.h"

/* A single shared sentence this long is a passage on its own. */
#define LONG_SENTENCE     50
#define MIN_JACCARD       0.5
#define MIN_CONTAINMENT   0.8
#define MIN_CONTAINED     20      /* shingles of the shorter sentence */

void
fz_copy_pair_free (FzCopyPair *pair)
{
  if (pair == NULL)
    return;

  g_clear_pointer (&pair->passages, g_array_unref);
  g_free (pair);
}

/* Detection */

/* Stable LSD radix sort of @v by the bits [shift, 64), 8 bits a pass:
 * linear, where a comparison sort would add a log factor to every band. */
static void
radix_sort (guint64 *v,
            guint64 *tmp,
            gsize    n,
            guint    shift)
{
  for (; shift < 64; shift += 8)
    {
      gsize count[257] = { 0 };

      for (gsize i = 0; i < n; i++)
        count[((v[i] >> shift) & 0xFF) + 1]++;
      if (count[((v[0] >> shift) & 0xFF) + 1] == n)
        continue;
      for (guint d = 0; d < 256; d++)
        count[d + 1] += count[d];
      for (gsize i = 0; i < n; i++)
        tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
      memcpy (v, tmp, n * sizeof *v);
    }
}

typedef struct
{
  GPtrArray *prints;              /* the caller's array, NULL elements allowed */
  guint32   *doc_of;              /* sentence id → index into @prints */
  guint     *base;                /* index into @prints → first sentence id */
  guint      n_sentences;
  guint      n_docs;              /* non-NULL prints */
  guint      max_docs;
} Detector;

static const FzCopySentence *
sentence_get (Detector *d,
              guint     gid)
{
  const FzCopyFingerprint *print = g_ptr_array_index (d->prints, d->doc_of[gid]);

  return &g_array_index (print->sentences, FzCopySentence, gid - d->base[d->doc_of[gid]]);
}

static gboolean
is_reference (Detector *d,
              guint     gid)
{
  const FzCopyFingerprint *print = g_ptr_array_index (d->prints, d->doc_of[gid]);

  return print->reference;
}

static void
sentence_shingles (Detector *d,
                   guint     gid,
                   GArray   *norm,
                   GArray   *out)
{
  _fz_copy_sentence_shingles (g_ptr_array_index (d->prints, d->doc_of[gid]),
                              sentence_get (d, gid), norm, out);
}

typedef struct
{
  guint32 a;                      /* sentence ids, a < b */
  guint32 b;
  float   similarity;
} Match;

/* Exact check of a candidate pair; *similarity receives the Jaccard index. */
static gboolean
verify (Detector *d,
        guint     ga,
        guint     gb,
        gboolean  same_a,
        GArray   *norm,
        GArray   *sa,
        GArray   *sb,
        float    *similarity)
{
  const guint32 *x, *y;
  guint i = 0, j = 0, inter = 0, smaller;
  double jaccard, containment;

  /* Candidates come sorted by their first sentence: reuse its shingles. */
  if (!same_a)
    sentence_shingles (d, ga, norm, sa);
  sentence_shingles (d, gb, norm, sb);
  if (sa->len == 0 || sb->len == 0)
    return FALSE;

  x = (const guint32 *) (gconstpointer) sa->data;
  y = (const guint32 *) (gconstpointer) sb->data;
  while (i < sa->len && j < sb->len)
    {
      if (x[i] == y[j])
        inter++, i++, j++;
      else if (x[i] < y[j])
        i++;
      else
        j++;
    }

  smaller = MIN (sa->len, sb->len);
  jaccard = (double) inter / (sa->len + sb->len - inter);
  containment = (double) inter / smaller;
  *similarity = jaccard;

  return jaccard >= MIN_JACCARD ||
         (containment >= MIN_CONTAINMENT && smaller >= MIN_CONTAINED);
}

static int
compare_matches (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      user_data)
{
  Detector *d = user_data;
  const Match *a = pa, *b = pb;
  guint32 da = d->doc_of[a->a], db = d->doc_of[b->a];

  if (da != db)
    return da < db ? -1 : 1;
  da = d->doc_of[a->b];
  db = d->doc_of[b->b];
  if (da != db)
    return da < db ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

/* Builds the pair of reports from their matches [first, last), or NULL
 * when they share too little to count as copying. */
static FzCopyPair *
make_pair (Detector    *d,
           const Match *m,
           guint        n)
{
  FzCopyPair *pair;
  guint distinct_a = 0, distinct_b = 0, longest = 0;
  g_autoptr(GHashTable) seen_b = g_hash_table_new (NULL, NULL);
  FzCopyPassage cur = { 0 };
  guint cur_a_last = 0, cur_b_last = 0;
  double sim_sum = 0;

  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || m[i].a != m[i - 1].a)
        {
          distinct_a++;
          longest = MAX (longest, sentence_get (d, m[i].a)->norm_len);
        }
      if (g_hash_table_add (seen_b, GUINT_TO_POINTER (m[i].b)))
        distinct_b++;
    }

  if (MIN (distinct_a, distinct_b) < 2 && longest < LONG_SENTENCE)
    return NULL;

  pair = g_new0 (FzCopyPair, 1);
  pair->a = d->doc_of[m[0].a];
  pair->b = d->doc_of[m[0].b];
  pair->passages = g_array_new (FALSE, FALSE, sizeof (FzCopyPassage));

  /* Sentences adjacent in both reports (no comparable sentence between)
   * form one passage. */
  for (guint i = 0; i < n; i++)
    {
      const FzCopySentence *sa = sentence_get (d, m[i].a);
      const FzCopySentence *sb = sentence_get (d, m[i].b);

      if (cur.n_sentences > 0 &&
          (m[i].a == cur_a_last || m[i].a == cur_a_last + 1) &&
          (m[i].b == cur_b_last + 1 || m[i].b == cur_b_last))
        {
          cur.a_end = MAX (cur.a_end, sa->end);
          cur.b_start = MIN (cur.b_start, sb->start);
          cur.b_end = MAX (cur.b_end, sb->end);
          cur.n_sentences++;
          sim_sum += m[i].similarity;
        }
      else
        {
          if (cur.n_sentences > 0)
            {
              cur.similarity = sim_sum / cur.n_sentences;
              g_array_append_val (pair->passages, cur);
            }
          cur.a_start = sa->start;
          cur.a_end = sa->end;
          cur.b_start = sb->start;
          cur.b_end = sb->end;
          cur.n_sentences = 1;
          sim_sum = m[i].similarity;
        }
      cur_a_last = m[i].a;
      cur_b_last = m[i].b;
    }
  cur.similarity = sim_sum / cur.n_sentences;
  g_array_append_val (pair->passages, cur);

  return pair;
}

/**
 * fz_copy_detect:
 * @prints: (element-type FzCopyFingerprint): the reports, NULL for unreadable ones
 *
 * Returns: (transfer full) (element-type FzCopyPair): the pairs of reports
 *   that share passages
 */
GPtrArray *
fz_copy_detect (GPtrArray     *prints,
                GCancellable  *cancellable,
                GError       **error)
{
  Detector d = { 0 };
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_pair_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) norm = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) sa = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) sb = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint64 *entries = NULL;
  g_autofree guint64 *tmp = NULL;
  g_autofree guint32 *doc_of = NULL;
  g_autofree guint *base = NULL;
  g_autofree guint16 *spread = NULL;
  guint gid = 0, start;

  g_return_val_if_fail (prints != NULL, NULL);

  base = g_new0 (guint, prints->len + 1);
  for (guint i = 0; i < prints->len; i++)
    {
      const FzCopyFingerprint *print = g_ptr_array_index (prints, i);

      base[i] = d.n_sentences;
      if (print != NULL)
        {
          d.n_sentences += print->sentences->len;
          d.n_docs++;
        }
    }
  base[prints->len] = d.n_sentences;

  /* A sentence or band spread over more reports than this is stock text of
   * the year (a template the higher level sent round), not one unit
   * copying another: a tenth of the batch, at least 3 and at most 30
   * reports, which also bounds the work per bucket. */
  d.max_docs = CLAMP (d.n_docs / 10, 3, 30);

  if (d.n_docs < 2 || d.n_sentences < 2)
    return g_steal_pointer (&pairs);

  doc_of = g_new (guint32, d.n_sentences);
  for (guint i = 0; i < prints->len; i++)
    for (gid = base[i]; gid < base[i + 1]; gid++)
      doc_of[gid] = i;
  d.prints = prints;
  d.doc_of = doc_of;
  d.base = base;

  entries = g_new (guint64, d.n_sentences);
  tmp = g_new (guint64, d.n_sentences);

  for (guint band = 0; band < FZ_COPY_N_BANDS; band++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (gid = 0; gid < d.n_sentences; gid++)
        entries[gid] = ((guint64) sentence_get (&d, gid)->keys[band] << 32) | gid;
      /* Stable on the key: a bucket stays in sentence order, hence in
       * report order. */
      radix_sort (entries, tmp, d.n_sentences, 32);

      for (gsize i = 0; i < d.n_sentences;)
        {
          gsize j = i + 1;
          guint n_docs = 1;

          while (j < d.n_sentences && (entries[j] >> 32) == (entries[i] >> 32))
            {
              if (doc_of[(guint32) entries[j]] != doc_of[(guint32) entries[j - 1]])
                n_docs++;
              j++;
            }

          if (n_docs >= 2 && n_docs <= d.max_docs && j - i <= 4 * d.max_docs)
            {
              for (gsize p = i; p < j; p++)
                for (gsize q = p + 1; q < j; q++)
                  {
                    guint32 a = (guint32) entries[p], b = (guint32) entries[q];
                    guint64 pair;

                    if (doc_of[a] == doc_of[b] || (is_reference (&d, a) && is_reference (&d, b)))
                      continue;
                    pair = ((guint64) a << 32) | b;
                    g_array_append_val (candidates, pair);
                  }
            }
          i = j;
        }
    }

  if (candidates->len > 0)
    {
      guint64 *c = (guint64 *) (gpointer) candidates->data;
      guint n = 0;

      tmp = g_renew (guint64, tmp, MAX (candidates->len, 1));
      radix_sort (c, tmp, candidates->len, 0);
      for (guint i = 0; i < candidates->len; i++)
        if (n == 0 || c[n - 1] != c[i])
          c[n++] = c[i];
      g_array_set_size (candidates, n);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      guint64 c = g_array_index (candidates, guint64, i);
      Match m = { (guint32) (c >> 32), (guint32) c, 0 };

      if ((i & 0xFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (verify (&d, m.a, m.b, i > 0 && (guint32) (g_array_index (candidates, guint64, i - 1) >> 32) == m.a,
                  norm, sa, sb, &m.similarity))
        g_array_append_val (matches, m);
    }

  /* Document frequency within the batch: a sentence matched in too many
   * reports is stock phrasing nobody copied from anybody. */
  spread = g_new0 (guint16, d.n_sentences);
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *m = &g_array_index (matches, Match, i);

      if (spread[m->a] < G_MAXUINT16)
        spread[m->a]++;
      if (spread[m->b] < G_MAXUINT16)
        spread[m->b]++;
    }
  for (guint i = 0; i < matches->len;)
    {
      const Match *m = &g_array_index (matches, Match, i);

      if (spread[m->a] + 1u > d.max_docs || spread[m->b] + 1u > d.max_docs)
        g_array_remove_index_fast (matches, i);
      else
        i++;
    }

  g_array_sort_with_data (matches, compare_matches, &d);
  start = 0;
  for (guint i = 1; i <= matches->len; i++)
    {
      const Match *m = (const Match *) (gpointer) matches->data;

      if (i == matches->len ||
          doc_of[m[i].a] != doc_of[m[start].a] ||
          doc_of[m[i].b] != doc_of[m[start].b])
        {
          FzCopyPair *pair = make_pair (&d, &m[start], i - start);

          if (pair != NULL)
            g_ptr_array_add (pairs, pair);
          start = i;
        }
    }

  return g_steal_pointer (&pairs);
}

/**
 * fz_copy_finding_new:
 *
 * Returns: (transfer full): a copy_overlap finding
 */
FzFinding *
fz_copy_finding_new (const FzCopyFingerprint *print,
                     const FzCopyPassage     *passage,
                     gboolean                 side_a,
                     const char              *other_name,
                     gboolean                 other_is_reference)
{
  guint start = side_a ? passage->a_start : passage->b_start;
  guint end = side_a ? passage->a_end : passage->b_end;
  guint other_start = side_a ? passage->b_start : passage->a_start;
  guint other_end = side_a ? passage->b_end : passage->a_end;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  int percent;

  g_return_val_if_fail (print != NULL && passage != NULL && other_name != NULL, NULL);

  text = fz_document_dup_range (print->document, start, end);
  percent = (int) (passage->similarity * 100.0 + 0.5);
  if (other_is_reference)
    /* TRANSLATORS: %s is a file name; the characters are offsets in that file's text */
    message = g_strdup_printf (_("This passage closely matches last year's report %s "
                                 "(characters %u–%u there, %d%% alike)"),
                               other_name, other_start, other_end, percent);
  else
    /* TRANSLATORS: %s is a file name; the characters are offsets in that file's text */
    message = g_strdup_printf (_("This passage closely matches the report %s "
                                 "(characters %u–%u there, %d%% alike)"),
                               other_name, other_start, other_end, percent);

  return fz_finding_new ("copy_overlap", FZ_SEVERITY_WARNING, start, end, text, message);
}
