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

#include "fz-compare.h"
#include "fz-text-util.h"
#include "fz-textsim.h"

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

static void
paragraph_change_free (FzParagraphChange *change)
{
  g_clear_pointer (&change->a_spans, g_array_unref);
  g_clear_pointer (&change->b_spans, g_array_unref);
  g_free (change);
}

static void
section_pair_free (FzSectionPair *pair)
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
  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) section_pair_free);
}

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
static void
side_content (Side  *side,
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

static void
side_init (Side       *side,
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
static guint64
nested_length (GPtrArray *sections)
{
  guint64 total = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      total += s->end > s->start ? s->end - s->start : 0;
    }
  return total;
}

static void
side_clear (Side *side)
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

typedef struct
{
  FzComparison *self;
  Side          a;
  Side          b;
} Aligner;

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

static FzSectionPair *
add_pair (Aligner  *al,
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
  pair->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_change_free);
  if (i >= 0 && j >= 0)
    {
      pair->heading_similarity = fz_bigrams_dice (al->a.heading[i], al->b.heading[j]);
      pair->similarity = fz_bigrams_dice (al->a.content[i], al->b.content[j]);
    }
  if (i >= 0)
    al->a.pair[i] = al->self->pairs->len;
  if (j >= 0)
    al->b.pair[j] = al->self->pairs->len;
  g_ptr_array_add (al->self->pairs, pair);

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
static void
align_children (Aligner *al,
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
          add_pair (al, FZ_REGION_SECTION, g_array_index (ca, guint, i - 1), g_array_index (cb, guint, j - 1), FALSE);
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
          const FzSectionPair *pair = g_ptr_array_index (al->self->pairs, al->a.pair[s]);

          align_children (al, pair->a_section, pair->b_section);
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
static void
pair_moved (Aligner *al)
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
      add_pair (al, FZ_REGION_SECTION, c->i, c->j, TRUE);
      align_children (al, c->i, c->j);
    }
}

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

/* Where the next paragraph would stand on a side: after the last one
 * emitted there, else at the start of the pair's range. */
typedef struct
{
  guint a_at;
  guint b_at;
} Cursor;

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

/* One step of an alignment: positions in the two lists, -1 for none. */
typedef struct
{
  int      i;
  int      j;
  FzChange change;
} Step;

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

static void
align_paragraphs (Aligner       *al,
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
static void
pair_moved_paragraphs (Aligner *al)
{
  FzComparison *self = al->self;
  guint na = fz_document_get_n_paragraphs (al->a.doc);
  guint nb = fz_document_get_n_paragraphs (al->b.doc);
  g_autofree FzParagraphChange **a_change = g_new0 (FzParagraphChange *, MAX (na, 1));
  g_autofree FzParagraphChange **b_change = g_new0 (FzParagraphChange *, MAX (nb, 1));
  g_autofree FzSectionPair **a_pair = g_new0 (FzSectionPair *, MAX (na, 1));
  g_autofree FzSectionPair **b_pair = g_new0 (FzSectionPair *, MAX (nb, 1));

  for (guint k = 0; k < self->pairs->len; k++)
    {
      FzSectionPair *pair = g_ptr_array_index (self->pairs, k);

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
  g_ptr_array_set_free_func (self->pairs, (GDestroyNotify) section_pair_free);
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
  Aligner al = { self };
  g_autoptr(GPtrArray) pairs_in_order = NULL;

  self->a_doc = g_object_ref (a);
  self->b_doc = g_object_ref (b);
  self->a_sections = g_ptr_array_ref (a_sections);
  self->b_sections = g_ptr_array_ref (b_sections);

  side_init (&al.a, a, a_sections);
  side_init (&al.b, b, b_sections);
  {
    /* Real reports nest three or four levels deep; a report whose
     * numbering restarts in every part nests hundreds, and its sections'
     * content is then compared on a sample of the same pairs on both
     * sides. */
    guint64 longest = MAX (nested_length (a_sections), nested_length (b_sections));
    guint modulus = (guint) MIN (longest / MAX_CONTENT_CHARS + 1, 1000);

    side_content (&al.a, modulus);
    side_content (&al.b, modulus);
  }

  add_pair (&al, FZ_REGION_FRONT, -1, -1, FALSE);
  align_children (&al, -1, -1);
  pair_moved (&al);
  for (guint i = 0; i < a_sections->len; i++)
    if (al.a.pair[i] < 0)
      add_pair (&al, FZ_REGION_SECTION, i, -1, FALSE);
  for (guint j = 0; j < b_sections->len; j++)
    if (al.b.pair[j] < 0)
      add_pair (&al, FZ_REGION_SECTION, -1, j, FALSE);
  add_pair (&al, FZ_REGION_CLOSING, -1, -1, FALSE);

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
        align_paragraphs (&al, pair, owner_a, owner_b, &cur);
      }
  }
  pair_moved_paragraphs (&al);
  for (guint k = 0; k < self->pairs->len; k++)
    finish_pair (&al, g_ptr_array_index (self->pairs, k));

  index_paragraphs (self);
  side_clear (&al.a);
  side_clear (&al.b);

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
