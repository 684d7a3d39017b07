/* fz-compare.c: two versions of a report, aligned section by section
 *
 * Reports are formulaic: every one says 深入学习贯彻习近平法治思想 and
 * 严格规范公正文明执法 somewhere, so a diff that pairs each paragraph with
 * the most similar one anywhere pairs unrelated passages.  The outline is
 * aligned first, level by level and in order (a dynamic programme over the
 * headings, their wording with years masked, their content and the
 * checklist element the checker gave them); paragraphs are then aligned
 * only inside a pair of sections, in order, identical ones anchoring the
 * rest (as patience diff does) and reworded ones paired only when at
 * least half their wording is shared.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-compare"

#include "config.h"

#include <string.h>

#include "fz-compare-private.h"

struct _FzComparison
{
  GObject    parent_instance;

  FzDocument *a_doc;
  FzDocument *b_doc;
  GPtrArray  *a_sections;
  GPtrArray  *b_sections;
  GPtrArray  *pairs;              /* FzSectionPair, in reading order */
  GArray     *a_where;            /* per paragraph of a: (pair << 32 | change) + 1, 0 for none */
  GArray     *b_where;
  guint       counts[4];
  double      similarity;
};

G_DEFINE_FINAL_TYPE (FzComparison, fz_comparison, G_TYPE_OBJECT)

const char *
fz_change_to_string (FzChange change)
{
  switch (change)
    {
    case FZ_CHANGE_SAME:    return "same";
    case FZ_CHANGE_CHANGED: return "changed";
    case FZ_CHANGE_ADDED:   return "added";
    case FZ_CHANGE_REMOVED: return "removed";
    default:                return "same";
    }
}

void
_fz_compare_change_free (FzParagraphChange *change)
{
  g_clear_pointer (&change->a_spans, g_array_unref);
  g_clear_pointer (&change->b_spans, g_array_unref);
  g_free (change);
}

void
_fz_compare_pair_free (FzSectionPair *pair)
{
  g_clear_pointer (&pair->paragraphs, g_ptr_array_unref);
  g_free (pair);
}

static void
fz_comparison_finalize (GObject *object)
{
  FzComparison *self = (FzComparison *) object;

  g_clear_object (&self->a_doc);
  g_clear_object (&self->b_doc);
  g_clear_pointer (&self->a_sections, g_ptr_array_unref);
  g_clear_pointer (&self->b_sections, g_ptr_array_unref);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->a_where, g_array_unref);
  g_clear_pointer (&self->b_where, g_array_unref);

  G_OBJECT_CLASS (fz_comparison_parent_class)->finalize (object);
}

static void
fz_comparison_class_init (FzComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_comparison_finalize;
}

static void
fz_comparison_init (FzComparison *self)
{
  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_compare_pair_free);
}

/* Ordering and bookkeeping. */

typedef struct
{
  guint key;                      /* position in the second version */
  guint sub;                      /* then: 0 for what it has, 1 + a position for what only the first has */
  FzSectionPair *pair;
} Placed;

static int
compare_placed (gconstpointer x,
                gconstpointer y)
{
  const Placed *a = x, *b = y;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->sub < b->sub ? -1 : a->sub > b->sub;
}

static void
order_pairs (Aligner *al)
{
  FzComparison *self = al->self;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint b_len = fz_document_get_length (self->b_doc);

  for (guint k = 0; k < self->pairs->len; k++)
    {
      FzSectionPair *pair = g_ptr_array_index (self->pairs, k);
      Placed p = { 0, 0, pair };

      if (pair->region == FZ_REGION_FRONT)
        p.key = 0;
      else if (pair->region == FZ_REGION_CLOSING)
        p.key = G_MAXUINT;
      else if (pair->b_section >= 0)
        p.key = 1 + ((FzSection *) g_ptr_array_index (al->b.sections, pair->b_section))->start;
      else
        {
          /* Only in the first version: just before the next section of
           * the first version that the second one has. */
          p.key = b_len + 1;
          for (guint i = pair->a_section + 1; i < al->a.sections->len; i++)
            if (al->a.pair[i] >= 0 &&
                ((FzSectionPair *) g_ptr_array_index (self->pairs, al->a.pair[i]))->b_section >= 0)
              {
                const FzSectionPair *next = g_ptr_array_index (self->pairs, al->a.pair[i]);

                p.key = 1 + ((FzSection *) g_ptr_array_index (al->b.sections, next->b_section))->start;
                break;
              }
          p.key--;
          p.sub = 1 + ((FzSection *) g_ptr_array_index (al->a.sections, pair->a_section))->start;
        }
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  /* The pointers move to a new array in the new order; no pair is freed. */
  g_ptr_array_set_free_func (self->pairs, NULL);
  g_ptr_array_set_size (self->pairs, 0);
  g_ptr_array_set_free_func (self->pairs, (GDestroyNotify) _fz_compare_pair_free);
  for (guint k = 0; k < placed->len; k++)
    g_ptr_array_add (self->pairs, g_array_index (placed, Placed, k).pair);
}

static void
index_paragraphs (FzComparison *self)
{
  guint na = fz_document_get_n_paragraphs (self->a_doc);
  guint nb = fz_document_get_n_paragraphs (self->b_doc);
  guint64 total = 0, kept = 0;

  self->a_where = g_array_new (FALSE, TRUE, sizeof (guint64));
  self->b_where = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_array_set_size (self->a_where, na);
  g_array_set_size (self->b_where, nb);

  for (guint k = 0; k < self->pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (self->pairs, k);

      for (guint c = 0; c < pair->paragraphs->len; c++)
        {
          const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, c);
          /* Stored plus one, so that zero means "nowhere". */
          guint64 where = ((guint64) k << 32 | c) + 1;

          if (change->a_paragraph >= 0)
            g_array_index (self->a_where, guint64, change->a_paragraph) = where;
          if (change->b_paragraph >= 0)
            g_array_index (self->b_where, guint64, change->b_paragraph) = where;
          self->counts[change->change]++;

          if (change->a_paragraph >= 0)
            {
              guint len = change->a_end - change->a_start;

              total += len;
              if (change->change == FZ_CHANGE_SAME)
                kept += len;
              else if (change->change == FZ_CHANGE_CHANGED)
                {
                  guint differ = 0;

                  for (guint s = 0; s < change->a_spans->len; s++)
                    differ += g_array_index (change->a_spans, FzRange, s).end -
                              g_array_index (change->a_spans, FzRange, s).start;
                  kept += len > differ ? len - differ : 0;
                }
            }
        }
    }

  self->similarity = total > 0 ? (double) kept / total : 1;
}

/* The front matter's or the closing's similarity: of all their
 * paragraphs' wording together. */
static double
pseudo_similarity (Aligner             *al,
                   const FzSectionPair *pair)
{
  g_autoptr(FzBigrams) a = fz_bigrams_new ("", 0);
  g_autoptr(FzBigrams) b = fz_bigrams_new ("", 0);

  for (guint c = 0; c < pair->paragraphs->len; c++)
    {
      const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, c);

      if (change->a_paragraph >= 0)
        {
          FzBigrams *more = fz_bigrams_merge (a, al->a.para[change->a_paragraph]);

          fz_bigrams_free (a);
          a = more;
        }
      if (change->b_paragraph >= 0)
        {
          FzBigrams *more = fz_bigrams_merge (b, al->b.para[change->b_paragraph]);

          fz_bigrams_free (b);
          b = more;
        }
    }

  return fz_bigrams_dice (a, b);
}

static void
finish_pair (Aligner       *al,
             FzSectionPair *pair)
{
  FzComparison *self = al->self;
  gboolean all_same = TRUE;

  for (guint c = 0; c < pair->paragraphs->len; c++)
    {
      const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, c);

      if (change->change != FZ_CHANGE_SAME || change->moved)
        all_same = FALSE;
    }

  if (pair->region == FZ_REGION_SECTION && pair->b_section < 0)
    pair->change = FZ_CHANGE_REMOVED;
  else if (pair->region == FZ_REGION_SECTION && pair->a_section < 0)
    pair->change = FZ_CHANGE_ADDED;
  else
    pair->change = all_same ? FZ_CHANGE_SAME : FZ_CHANGE_CHANGED;

  if (pair->a_section >= 0)
    {
      const FzSection *s = g_ptr_array_index (self->a_sections, pair->a_section);

      pair->a_start = s->start;
      pair->a_end = s->end;
    }
  if (pair->b_section >= 0)
    {
      const FzSection *s = g_ptr_array_index (self->b_sections, pair->b_section);

      pair->b_start = s->start;
      pair->b_end = s->end;
    }
  /* Pseudo-sections and one-sided pairs span their paragraphs; the absent
   * side is the empty place where they would stand. */
  if (pair->paragraphs->len > 0 && (pair->a_section < 0 || pair->b_section < 0))
    {
      const FzParagraphChange *first = g_ptr_array_index (pair->paragraphs, 0);
      const FzParagraphChange *last = g_ptr_array_index (pair->paragraphs, pair->paragraphs->len - 1);

      if (pair->a_section < 0)
        {
          pair->a_start = first->a_start;
          pair->a_end = last->a_end;
        }
      if (pair->b_section < 0)
        {
          pair->b_start = first->b_start;
          pair->b_end = last->b_end;
        }
    }
  if (pair->region != FZ_REGION_SECTION)
    {
      pair->similarity = pseudo_similarity (al, pair);
      pair->heading_similarity = 1;
    }
}

static FzComparison *
compare (FzDocument *a,
         GPtrArray  *a_sections,
         FzDocument *b,
         GPtrArray  *b_sections)
{
  FzComparison *self = g_object_new (FZ_TYPE_COMPARISON, NULL);
  Aligner al = { self, self->pairs };
  g_autoptr(GPtrArray) pairs_in_order = NULL;

  self->a_doc = g_object_ref (a);
  self->b_doc = g_object_ref (b);
  self->a_sections = g_ptr_array_ref (a_sections);
  self->b_sections = g_ptr_array_ref (b_sections);

  _fz_compare_side_init (&al.a, a, a_sections);
  _fz_compare_side_init (&al.b, b, b_sections);
  {
    /* Real reports nest three or four levels deep; a report whose
     * numbering restarts in every part nests hundreds, and its sections'
     * content is then compared on a sample of the same pairs on both
     * sides. */
    guint64 longest = MAX (_fz_compare_nested_length (a_sections), _fz_compare_nested_length (b_sections));
    guint modulus = (guint) MIN (longest / MAX_CONTENT_CHARS + 1, 1000);

    _fz_compare_side_content (&al.a, modulus);
    _fz_compare_side_content (&al.b, modulus);
  }

  _fz_compare_add_pair (&al, FZ_REGION_FRONT, -1, -1, FALSE);
  _fz_compare_align_children (&al, -1, -1);
  _fz_compare_pair_moved (&al);
  for (guint i = 0; i < a_sections->len; i++)
    if (al.a.pair[i] < 0)
      _fz_compare_add_pair (&al, FZ_REGION_SECTION, i, -1, FALSE);
  for (guint j = 0; j < b_sections->len; j++)
    if (al.b.pair[j] < 0)
      _fz_compare_add_pair (&al, FZ_REGION_SECTION, -1, j, FALSE);
  _fz_compare_add_pair (&al, FZ_REGION_CLOSING, -1, -1, FALSE);

  order_pairs (&al);

  /* Paragraphs pair by pair, in reading order, so that what one side
   * lacks is placed after what came before it. */
  {
    Cursor cur = { 0, 0 };

    for (guint k = 0; k < self->pairs->len; k++)
      {
        FzSectionPair *pair = g_ptr_array_index (self->pairs, k);
        int owner_a, owner_b;

        if (pair->region == FZ_REGION_FRONT)
          owner_a = owner_b = OWNER_FRONT;
        else if (pair->region == FZ_REGION_CLOSING)
          owner_a = owner_b = OWNER_CLOSING;
        else
          {
            owner_a = pair->a_section >= 0 ? pair->a_section : G_MININT;
            owner_b = pair->b_section >= 0 ? pair->b_section : G_MININT;
            if (pair->a_section >= 0)
              cur.a_at = ((FzSection *) g_ptr_array_index (a_sections, pair->a_section))->start;
            if (pair->b_section >= 0)
              cur.b_at = ((FzSection *) g_ptr_array_index (b_sections, pair->b_section))->start;
          }
        _fz_compare_align_paragraphs (&al, pair, owner_a, owner_b, &cur);
      }
  }
  _fz_compare_pair_moved_paragraphs (&al);
  for (guint k = 0; k < self->pairs->len; k++)
    finish_pair (&al, g_ptr_array_index (self->pairs, k));

  index_paragraphs (self);
  _fz_compare_side_clear (&al.a);
  _fz_compare_side_clear (&al.b);

  return self;
}

FzComparison *
fz_comparison_new (FzAnalysis *a,
                   FzAnalysis *b)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (a), NULL);
  g_return_val_if_fail (FZ_IS_ANALYSIS (b), NULL);

  return compare (fz_analysis_get_document (a), fz_analysis_get_sections (a),
                  fz_analysis_get_document (b), fz_analysis_get_sections (b));
}

FzComparison *
fz_comparison_new_for_documents (FzDocument *a,
                                 FzDocument *b)
{
  g_autoptr(GPtrArray) a_sections = NULL;
  g_autoptr(GPtrArray) b_sections = NULL;

  g_return_val_if_fail (FZ_IS_DOCUMENT (a), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (b), NULL);

  a_sections = fz_outline_build (a);
  b_sections = fz_outline_build (b);
  return compare (a, a_sections, b, b_sections);
}

static void
compare_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FzAnalysis **pair = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, fz_comparison_new (pair[0], pair[1]), g_object_unref);
}

static void
free_analyses (gpointer data)
{
  FzAnalysis **pair = data;

  g_object_unref (pair[0]);
  g_object_unref (pair[1]);
  g_free (pair);
}

void
fz_comparison_new_async (FzAnalysis          *a,
                         FzAnalysis          *b,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FzAnalysis **pair;

  g_return_if_fail (FZ_IS_ANALYSIS (a));
  g_return_if_fail (FZ_IS_ANALYSIS (b));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pair = g_new (FzAnalysis *, 2);
  pair[0] = g_object_ref (a);
  pair[1] = g_object_ref (b);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_comparison_new_async);
  g_task_set_task_data (task, pair, free_analyses);
  g_task_run_in_thread (task, compare_in_thread);
}

FzComparison *
fz_comparison_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reading the result. */

FzDocument *
fz_comparison_get_a (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return self->a_doc;
}

FzDocument *
fz_comparison_get_b (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return self->b_doc;
}

GPtrArray *
fz_comparison_get_a_sections (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return self->a_sections;
}

GPtrArray *
fz_comparison_get_b_sections (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return self->b_sections;
}

GPtrArray *
fz_comparison_get_sections (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return self->pairs;
}

static const FzSectionPair *
find_section (FzComparison *self,
              int           section,
              gboolean      in_a)
{
  for (guint k = 0; k < self->pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (self->pairs, k);

      if (pair->region == FZ_REGION_SECTION && (in_a ? pair->a_section : pair->b_section) == section)
        return pair;
    }
  return NULL;
}

const FzSectionPair *
fz_comparison_find_a_section (FzComparison *self,
                              int           a_section)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return a_section >= 0 ? find_section (self, a_section, TRUE) : NULL;
}

const FzSectionPair *
fz_comparison_find_b_section (FzComparison *self,
                              int           b_section)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return b_section >= 0 ? find_section (self, b_section, FALSE) : NULL;
}

static const FzParagraphChange *
locate (FzComparison *self,
        GArray       *where,
        guint         index)
{
  guint64 w;
  const FzSectionPair *pair;

  if (index >= where->len || (w = g_array_index (where, guint64, index)) == 0)
    return NULL;
  w--;
  pair = g_ptr_array_index (self->pairs, (guint) (w >> 32));
  return g_ptr_array_index (pair->paragraphs, (guint) (w & 0xFFFFFFFF));
}

const FzParagraphChange *
fz_comparison_find_a_paragraph (FzComparison *self,
                                guint         index)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return locate (self, self->a_where, index);
}

const FzParagraphChange *
fz_comparison_find_b_paragraph (FzComparison *self,
                                guint         index)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), NULL);
  return locate (self, self->b_where, index);
}

static int
change_weight (FzChange change)
{
  switch (change)
    {
    case FZ_CHANGE_REMOVED: return 3;
    case FZ_CHANGE_CHANGED: return 2;
    case FZ_CHANGE_ADDED:   return 1;
    case FZ_CHANGE_SAME:
    default:                return 0;
    }
}

FzChange
fz_comparison_map_range (FzComparison *self,
                         guint         a_start,
                         guint         a_end,
                         guint        *b_start,
                         guint        *b_end)
{
  guint n = fz_document_get_n_paragraphs (self->a_doc);
  FzChange worst = FZ_CHANGE_SAME;
  gboolean found = FALSE;
  guint lo = G_MAXUINT, hi = 0;

  g_return_val_if_fail (FZ_IS_COMPARISON (self), FZ_CHANGE_REMOVED);

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (self->a_doc, i);
      const FzParagraphChange *c;
      gboolean touches = a_end > a_start ? p->start < a_end && p->end > a_start
                                         : p->start <= a_start && a_start <= p->end;

      if (!touches)
        continue;
      if ((c = locate (self, self->a_where, i)) == NULL)
        continue;
      if (change_weight (c->change) > change_weight (worst))
        worst = c->change;
      if (c->b_paragraph < 0)
        continue;

      found = TRUE;
      if (c->change == FZ_CHANGE_SAME && c->b_end - c->b_start == p->end - p->start)
        {
          /* Character for character where the text is exactly the same;
           * a same paragraph that differs in spaces maps whole. */
          gsize alen, blen;
          const char *at = fz_document_get_paragraph_text (self->a_doc, i, &alen);
          const char *bt = fz_document_get_paragraph_text (self->b_doc, c->b_paragraph, &blen);

          if (alen == blen && memcmp (at, bt, alen) == 0)
            {
              guint from = MAX (a_start, p->start) - p->start;
              guint to = MIN (MAX (a_end, a_start), p->end) - p->start;

              lo = MIN (lo, c->b_start + from);
              hi = MAX (hi, c->b_start + MAX (to, from));
              continue;
            }
        }
      lo = MIN (lo, c->b_start);
      hi = MAX (hi, c->b_end);
    }

  if (found)
    {
      if (b_start != NULL)
        *b_start = lo;
      if (b_end != NULL)
        *b_end = hi;
    }
  return found ? worst : FZ_CHANGE_REMOVED;
}

guint
fz_comparison_count (FzComparison *self,
                     FzChange      change)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), 0);
  g_return_val_if_fail (change <= FZ_CHANGE_REMOVED, 0);
  return self->counts[change];
}

double
fz_comparison_get_similarity (FzComparison *self)
{
  g_return_val_if_fail (FZ_IS_COMPARISON (self), 0);
  return self->similarity;
}
