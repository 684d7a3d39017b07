/* fz-compare-sections.c: each version's sections, and the outline aligned
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-compare"

#include "config.h"

#include <string.h>

#include "fz-compare-private.h"
#include "fz-text-util.h"

/* Preparing each side. */

static gboolean
is_closing_kind (FzParagraphKind kind)
{
  return kind == FZ_PARAGRAPH_CLOSING || kind == FZ_PARAGRAPH_SIGNATURE ||
         kind == FZ_PARAGRAPH_DATE || kind == FZ_PARAGRAPH_NOTE ||
         kind == FZ_PARAGRAPH_CC || kind == FZ_PARAGRAPH_PRINTED;
}

static guint32
text_hash (const char *text,
           gsize       len)
{
  guint32 h = 5381;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (fz_unichar_is_space (c) || c == '\n')
        continue;
      h = h * 33 + c;
    }

  return h;
}

static FzBigrams *
masked_heading (const char *heading)
{
  g_autoptr(GString) masked = g_string_new (NULL);

  /* 2024年 and 2025年 head the same section in two years' reports. */
  for (const char *p = heading ? heading : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        c = '#';
      g_string_append_unichar (masked, c);
    }

  return fz_bigrams_new (masked->str, masked->len);
}

/* The content of every section, its subsections' included, built from
 * the leaves up: each character is read once, whatever the depth. */
void
_fz_compare_side_content (Side  *side,
              guint  modulus)
{
  const char *text = fz_document_get_text (side->doc);

  for (int i = (int) side->sections->len - 1; i >= 0; i--)
    {
      const FzSection *s = g_ptr_array_index (side->sections, i);
      guint own_end = MAX (s->end, s->start);
      gsize from, to;

      /* A section's own text runs up to its first subsection, which
       * follows it directly in document order. */
      if ((guint) i + 1 < side->sections->len)
        {
          const FzSection *next = g_ptr_array_index (side->sections, i + 1);

          if (next->parent == i)
            own_end = MIN (own_end, next->start);
        }
      if (modulus > 1)
        {
          from = fz_document_char_to_byte (side->doc, s->start);
          to = fz_document_char_to_byte (side->doc, own_end);
          side->content[i] = fz_bigrams_new_sampled (text + from, to - from, modulus);
        }
      else
        {
          /* The paragraphs' pairs are already counted and sorted. */
          int first = fz_document_paragraph_at (side->doc, s->start);

          side->content[i] = fz_bigrams_new ("", 0);
          for (guint p = MAX (first, 0); first >= 0 && p < fz_document_get_n_paragraphs (side->doc); p++)
            {
              FzBigrams *merged;

              if (fz_document_get_paragraph (side->doc, p)->start >= own_end)
                break;
              merged = fz_bigrams_merge (side->content[i], side->para[p]);
              fz_bigrams_free (side->content[i]);
              side->content[i] = merged;
            }
        }

      for (guint j = i + 1; j < side->sections->len; j++)
        {
          const FzSection *t = g_ptr_array_index (side->sections, j);
          FzBigrams *merged;

          if (t->start >= MAX (s->end, s->start))
            break;
          if (t->parent != i)
            continue;
          merged = fz_bigrams_merge (side->content[i], side->content[j]);
          fz_bigrams_free (side->content[i]);
          side->content[i] = merged;
        }
    }
}

void
_fz_compare_side_init (Side       *side,
           FzDocument *doc,
           GPtrArray  *sections)
{
  guint n = fz_document_get_n_paragraphs (doc);
  guint first_start = sections->len > 0 ? ((FzSection *) g_ptr_array_index (sections, 0))->start : G_MAXUINT;

  side->doc = doc;
  side->sections = sections;
  side->owner = g_new (int, MAX (n, 1));
  side->hash = g_new (guint32, MAX (n, 1));
  side->para = g_new0 (FzBigrams *, MAX (n, 1));
  side->heading = g_new0 (FzBigrams *, MAX (sections->len, 1));
  side->content = g_new0 (FzBigrams *, MAX (sections->len, 1));
  side->pair = g_new (int, MAX (sections->len, 1));
  side->sole = g_new0 (guint8, MAX (sections->len, 1));

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);
      int s;

      side->hash[i] = text_hash (text, len);
      side->para[i] = fz_bigrams_new (text, len);

      if (p->kind == FZ_PARAGRAPH_FURNITURE)
        side->owner[i] = OWNER_NONE;
      else if (is_closing_kind (p->kind))
        side->owner[i] = OWNER_CLOSING;
      else if (p->start < first_start || (s = fz_outline_section_at (sections, p->start)) < 0)
        side->owner[i] = p->start < first_start ? OWNER_FRONT : OWNER_CLOSING;
      else
        side->owner[i] = s;
    }

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      side->heading[i] = masked_heading (s->heading);
      side->pair[i] = -1;
    }

  /* The topical parts of the year's work all carry measures_and_results:
   * an element tells sections apart only where one section carries it. */
  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);
      guint carriers = 0;

      if (s->element == NULL)
        continue;
      for (guint k = 0; k < sections->len && carriers < 2; k++)
        carriers += g_strcmp0 (((const FzSection *) g_ptr_array_index (sections, k))->element, s->element) == 0;
      side->sole[i] = carriers == 1;
    }
}

/* How many characters the sections of @sections hold together, counting
 * a character once per section around it. */
guint64
_fz_compare_nested_length (GPtrArray *sections)
{
  guint64 total = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      total += s->end > s->start ? s->end - s->start : 0;
    }
  return total;
}

void
_fz_compare_side_clear (Side *side)
{
  guint n = fz_document_get_n_paragraphs (side->doc);

  for (guint i = 0; i < n; i++)
    fz_bigrams_free (side->para[i]);
  for (guint i = 0; i < side->sections->len; i++)
    {
      fz_bigrams_free (side->heading[i]);
      fz_bigrams_free (side->content[i]);
    }
  g_free (side->owner);
  g_free (side->hash);
  g_free (side->para);
  g_free (side->heading);
  g_free (side->content);
  g_free (side->pair);
  g_free (side->sole);
}

/* Aligning the outline. */

static double
section_score (Aligner *al,
               guint    i,
               guint    j,
               double  *heading_similarity)
{
  const FzSection *s = g_ptr_array_index (al->a.sections, i);
  const FzSection *t = g_ptr_array_index (al->b.sections, j);
  double h = fz_bigrams_dice (al->a.heading[i], al->b.heading[j]);
  double c = fz_bigrams_dice (al->a.content[i], al->b.content[j]);
  double score = (h + c) / 2;

  /* Between otherwise equal candidates, the one numbered alike. */
  if (s->marker_level == t->marker_level && s->number == t->number)
    score += 0.05;

  /* The checker's reading of a section outweighs its wording: "存在的问题"
   * and "不足和原因" are the same part of the report.  Parts that share an
   * element (the topical parts of the year's work) are told apart by
   * their words. */
  if (s->element != NULL && t->element != NULL)
    {
      if (!g_str_equal (s->element, t->element))
        score /= 2;
      else if (al->a.sole[i] && al->b.sole[j])
        score = MAX (score, 0.75);
    }

  if (heading_similarity != NULL)
    *heading_similarity = h;
  return score;
}

FzSectionPair *
_fz_compare_add_pair (Aligner  *al,
          FzRegion  region,
          int       i,
          int       j,
          gboolean  moved)
{
  FzSectionPair *pair = g_new0 (FzSectionPair, 1);

  pair->region = region;
  pair->a_section = i;
  pair->b_section = j;
  pair->moved = moved;
  pair->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_compare_change_free);
  if (i >= 0 && j >= 0)
    {
      pair->heading_similarity = fz_bigrams_dice (al->a.heading[i], al->b.heading[j]);
      pair->similarity = fz_bigrams_dice (al->a.content[i], al->b.content[j]);
    }
  if (i >= 0)
    al->a.pair[i] = al->pairs->len;
  if (j >= 0)
    al->b.pair[j] = al->pairs->len;
  g_ptr_array_add (al->pairs, pair);

  return pair;
}

static GArray *
unpaired_children (Side *side,
                   int   parent)
{
  GArray *children = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < side->sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (side->sections, i);

      if (s->parent == parent && side->pair[i] < 0)
        g_array_append_val (children, i);
    }

  return children;
}

/* Pairs the children of @pa and @pb in order, maximising the summed
 * score, then the children of every pair made. */
void
_fz_compare_align_children (Aligner *al,
                int      pa,
                int      pb)
{
  g_autoptr(GArray) ca = unpaired_children (&al->a, pa);
  g_autoptr(GArray) cb = unpaired_children (&al->b, pb);
  guint n = ca->len, m = cb->len;
  g_autofree double *best = NULL;
  g_autofree double *score = NULL;
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (int));

  if (n == 0 || m == 0)
    return;

  best = g_new0 (double, (n + 1) * (m + 1));
  score = g_new0 (double, n * m);
#define BEST(i, j) best[(i) * (m + 1) + (j)]
#define SCORE(i, j) score[(i) * m + (j)]
  for (guint i = 1; i <= n; i++)
    for (guint j = 1; j <= m; j++)
      {
        double s = section_score (al, g_array_index (ca, guint, i - 1), g_array_index (cb, guint, j - 1), NULL);
        double v = MAX (BEST (i - 1, j), BEST (i, j - 1));

        SCORE (i - 1, j - 1) = s;
        if (s >= SECTION_THRESHOLD)
          v = MAX (v, BEST (i - 1, j - 1) + s);
        BEST (i, j) = v;
      }

  for (guint i = n, j = m; i > 0 && j > 0;)
    {
      double s = SCORE (i - 1, j - 1);

      if (s >= SECTION_THRESHOLD && BEST (i, j) == BEST (i - 1, j - 1) + s)
        {
          _fz_compare_add_pair (al, FZ_REGION_SECTION, g_array_index (ca, guint, i - 1), g_array_index (cb, guint, j - 1), FALSE);
          i--;
          j--;
        }
      else if (BEST (i, j) == BEST (i - 1, j))
        i--;
      else
        j--;
    }
#undef BEST
#undef SCORE

  for (guint i = 0; i < n; i++)
    {
      guint s = g_array_index (ca, guint, i);

      if (al->a.pair[s] >= 0)
        {
          const FzSectionPair *pair = g_ptr_array_index (al->pairs, al->a.pair[s]);

          _fz_compare_align_children (al, pair->a_section, pair->b_section);
        }
    }
}

typedef struct
{
  guint  i;
  guint  j;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->i != b->i)
    return a->i < b->i ? -1 : 1;
  return a->j < b->j ? -1 : a->j > b->j;
}

/* Sections left over after the ordered pass that are plainly the same
 * one, moved or re-levelled: strongest first. */
void
_fz_compare_pair_moved (Aligner *al)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < al->a.sections->len; i++)
    for (guint j = 0; j < al->b.sections->len && al->a.pair[i] < 0; j++)
      {
        Candidate c = { i, j, 0 };

        if (al->b.pair[j] >= 0)
          continue;
        c.score = section_score (al, i, j, NULL);
        if (c.score >= MOVED_THRESHOLD)
          g_array_append_val (candidates, c);
      }
  g_array_sort (candidates, compare_candidates);

  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, k);

      if (al->a.pair[c->i] >= 0 || al->b.pair[c->j] >= 0)
        continue;
      _fz_compare_add_pair (al, FZ_REGION_SECTION, c->i, c->j, TRUE);
      _fz_compare_align_children (al, c->i, c->j);
    }
}

