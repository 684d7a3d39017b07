/* fz-history-match.c: last year's report followed into this year's
 *
 * Reports repeat the same formulae every year (依法行政, 法治宣传,
 * 严格规范公正文明执法), so wording they share with everything proves
 * nothing.  A character pair that occurs in many paragraphs of the two
 * reports is common; a planned item is matched on the pairs that are its
 * own, and counts as taken up this year when most of them are found in
 * one sentence of this year's measures.
 *
 * A planned item is often a heading and a paragraph of several
 * undertakings ("（二）重视培养干部法治思维能力 / 坚持……，积极组织……，
 * 督促……"), which no passage of this year's report repeats as a whole:
 * matched only as a whole, every such item was "not mentioned", however
 * plainly this year's measures took parts of it up.  Its statements (the
 * heading, each clause with wording of its own) are therefore looked for
 * one by one too.  Reports share so many formulae that a statement found
 * again proves little: it makes the item "mentioned", for the reviewer to
 * judge with the passage shown, and never "done".
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-history"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-history-item-private.h"
#include "fz-history-private.h"
#include "fz-i18n.h"
#include "fz-outline.h"
#include "fz-places.h"
#include "fz-regex.h"
#include "fz-rounds-private.h"
#include "fz-text-util.h"
#include "fz-textsim.h"

/* Share of an item's own wording found in one sentence. */
#define TAKEN_UP   0.5
#define NAMED      0.3
/* Two shortcomings this alike are one written again. */
#define REPEATED   0.6
/* A pair in more than this share of all paragraphs is common wording. */
#define COMMON_SHARE 0.15
/* A statement of a planned item is looked for on its own when it has at
 * least this many pairs of its own wording: fewer is a formula. */
#define OWN_PAIRS_ALONE 6

static const char * const not_measures[] = {
  "shortcomings", "causes", "next_year_plan", "other_matters", NULL,
};

FZ_DEFINE_STATIC_REGEX (done_regex, "完成|建成|实现|出台|印发|举办|召开|达到|新增|累计|已经|已于|全面推行")

typedef struct
{
  guint      start;
  guint      end;
  FzBigrams *pairs;
} Sentence;

static void
sentence_clear (gpointer data)
{
  Sentence *s = data;

  g_clear_pointer (&s->pairs, fz_bigrams_free);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == ';' || c == '!' || c == '?';
}

static gboolean
is_clause_end (gunichar c)
{
  return is_sentence_end (c) || c == 0xFF0C || c == ',';
}

/* The sentences (with @clauses, the clauses: "，" ends one too) of @doc
 * within [@from, @to), spaces trimmed, shorter than @min_chars dropped,
 * appended to @out (Sentence). */
static void
split_parts (FzDocument *doc,
             guint       from,
             guint       to,
             guint       min_chars,
             gboolean    clauses,
             GArray     *out)
{
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      gsize len;
      const char *text, *q;
      guint at, start;

      if (p->end <= from || p->start >= to)
        continue;
      text = fz_document_get_paragraph_text (doc, i, &len);
      at = p->start;
      start = MAX (p->start, from);
      q = g_utf8_offset_to_pointer (text, start - p->start);
      for (at = start; at <= MIN (p->end, to); at++)
        {
          gboolean last = at == MIN (p->end, to);
          gunichar c = last ? 0 : g_utf8_get_char (q);

          if (last || (clauses ? is_clause_end (c) : is_sentence_end (c)))
            {
              guint end = last ? at : at + 1;
              guint s = start, e = end;
              const char *sp = g_utf8_offset_to_pointer (text, s - p->start);

              while (s < e && fz_unichar_is_space (g_utf8_get_char (sp)))
                {
                  s++;
                  sp = g_utf8_next_char (sp);
                }
              if (e > s && e - s >= min_chars)
                {
                  Sentence sentence = { s, e, NULL };
                  const char *ep = g_utf8_offset_to_pointer (text, e - p->start);

                  sentence.pairs = fz_bigrams_new (sp, ep - sp);
                  g_array_append_val (out, sentence);
                }
              start = end;
            }
          if (!last)
            q = g_utf8_next_char (q);
        }
    }
}

static void
split_sentences (FzDocument *doc,
                 guint       from,
                 guint       to,
                 guint       min_chars,
                 GArray     *out)
{
  split_parts (doc, from, to, min_chars, FALSE, out);
}

/* Whether @section or a section above it carries one of @elements. */
gboolean
_fz_history_under_element (GPtrArray          *sections,
                           int                 section,
                           const char * const *elements)
{
  for (int s = section; s >= 0; s = ((FzSection *) g_ptr_array_index (sections, s))->parent)
    {
      const FzSection *sec = g_ptr_array_index (sections, s);

      if (sec->element != NULL && g_strv_contains (elements, sec->element))
        return TRUE;
    }
  return FALSE;
}

/* The sentences of the parts of @analysis under @elements (or, with
 * @outside, of the body outside them). */
static GArray *
sentences_of (FzAnalysis         *analysis,
              const char * const *elements,
              gboolean            outside,
              guint               min_chars)
{
  FzDocument *doc = fz_analysis_get_document (analysis);
  GPtrArray *sections = fz_analysis_get_sections (analysis);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Sentence));

  g_array_set_clear_func (out, sentence_clear);
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      const FzSection *sec;
      int s;

      if (p->kind != FZ_PARAGRAPH_BODY && p->kind != FZ_PARAGRAPH_HEADING)
        continue;
      if ((s = fz_outline_section_at (sections, p->start)) < 0)
        continue;
      /* A heading on a line of its own is a title, not something said. */
      sec = g_ptr_array_index (sections, s);
      if (sec->paragraph == i && !sec->inline_heading)
        continue;
      if (_fz_history_under_element (sections, s, elements) != outside)
        split_sentences (doc, p->start, p->end, min_chars, out);
    }
  return out;
}

static gboolean
keep_all (guint64  pair,
          gpointer user_data)
{
  return TRUE;
}

/* Runs of one to three consecutive sentences of one paragraph: what a
 * planned item is looked for in, since a report may spread over three
 * sentences what the plan said in one. */
static GArray *
windows_of (FzDocument *doc,
            GArray     *sentences)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Sentence));

  g_array_set_clear_func (out, sentence_clear);
  for (guint i = 0; i < sentences->len; i++)
    {
      const Sentence *first = &g_array_index (sentences, Sentence, i);
      int paragraph = fz_document_paragraph_at (doc, first->start);
      FzBigrams *pairs = fz_bigrams_filter (first->pairs, keep_all, NULL);
      Sentence w;

      w = (Sentence) { first->start, first->end, pairs };
      g_array_append_val (out, w);
      for (guint k = i + 1; k < sentences->len && k < i + 3; k++)
        {
          const Sentence *next = &g_array_index (sentences, Sentence, k);

          if (fz_document_paragraph_at (doc, next->start) != paragraph)
            break;
          pairs = fz_bigrams_merge (g_array_index (out, Sentence, out->len - 1).pairs, next->pairs);
          w = (Sentence) { first->start, next->end, pairs };
          g_array_append_val (out, w);
        }
    }
  return out;
}

static char *
text_of (FzAnalysis *analysis,
         guint       start,
         guint       end)
{
  return fz_document_dup_range (fz_analysis_get_document (analysis), start, end);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Common wording: pairs found in more than COMMON_SHARE of the
 * paragraphs of the two reports, sorted. */
static GArray *
common_pairs (FzDocument *a,
              FzDocument *b)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint64));
  GArray *common = g_array_new (FALSE, FALSE, sizeof (guint64));
  FzDocument *docs[] = { a, b };
  guint n_paragraphs = 0, limit;

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (guint i = 0; i < fz_document_get_n_paragraphs (docs[d]); i++)
      {
        gsize len;
        const char *text = fz_document_get_paragraph_text (docs[d], i, &len);
        g_autoptr(FzBigrams) pairs = fz_bigrams_new (text, len);
        guint n;
        const guint64 *p = fz_bigrams_get_pairs (pairs, &n);

        n_paragraphs++;
        for (guint k = 0; k < n; k++)
          if (k == 0 || p[k] != p[k - 1])
            g_array_append_val (all, p[k]);
      }

  limit = MAX (3, (guint) (COMMON_SHARE * n_paragraphs));
  g_array_sort (all, compare_pairs);
  for (guint i = 0; i < all->len;)
    {
      guint64 pair = g_array_index (all, guint64, i);
      guint j = i;

      while (j < all->len && g_array_index (all, guint64, j) == pair)
        j++;
      if (j - i > limit)
        g_array_append_val (common, pair);
      i = j;
    }
  return common;
}

static gboolean
is_own (guint64  pair,
        gpointer common)
{
  return bsearch (&pair, ((GArray *) common)->data, ((GArray *) common)->len,
                  sizeof (guint64), compare_pairs) == NULL;
}

/* An item's own wording: its pairs that are not common, or all of them
 * when hardly any are its own. */
static FzBigrams *
own_pairs (const char *text,
           gssize      len,
           GArray     *common)
{
  g_autoptr(FzBigrams) all = fz_bigrams_new (text, len);
  FzBigrams *own = fz_bigrams_filter (all, is_own, common);

  if (fz_bigrams_get_size (own) < 3)
    {
      fz_bigrams_free (own);
      return g_steal_pointer (&all);
    }
  return own;
}

/* The sentence of @sentences with most of @own, and how much. */
static const Sentence *
best_sentence (GArray          *sentences,
               const FzBigrams *own,
               double          *score)
{
  const Sentence *best = NULL;

  *score = 0;
  for (guint i = 0; i < sentences->len; i++)
    {
      const Sentence *s = &g_array_index (sentences, Sentence, i);
      double c = fz_bigrams_containment (own, s->pairs);

      if (c > *score)
        {
          *score = c;
          best = s;
        }
    }
  return best;
}

/* @best widened to the longest window from the same sentence that holds
 * as much of @own: a heading found again ("（一）健全依法决策机制。")
 * then comes with the sentences after it, which say what was done. */
static const Sentence *
widest_window (GArray          *windows,
               const Sentence  *best,
               const FzBigrams *own,
               double           score)
{
  const Sentence *end = (const Sentence *) (void *) windows->data + windows->len;

  for (const Sentence *w = best + 1; w < end && w->start == best->start; w++)
    if (fz_bigrams_containment (own, w->pairs) >= score)
      best = w;
  return best;
}

static gboolean
has_figure (FzAnalysis *analysis,
            guint       start,
            guint       end)
{
  GPtrArray *figures = fz_analysis_get_figures (analysis);

  for (guint i = 0; i < figures->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);

      if (f->start >= start && f->end <= end)
        return TRUE;
    }
  return FALSE;
}

/* The plan. */

typedef struct
{
  guint start;                    /* the whole item, matched */
  guint end;
  guint shown_end;                /* what is shown: its heading, or its first sentence */
} PlanItem;

static void
plan_items (FzAnalysis *last,
            GArray     *items)
{
  FzDocument *doc = fz_analysis_get_document (last);
  GPtrArray *sections = fz_analysis_get_sections (last);
  const char * const plan[] = { "next_year_plan", NULL };

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);
      gboolean children = FALSE;

      if (g_strcmp0 (s->element, "next_year_plan") != 0 ||
          (s->parent >= 0 && _fz_history_under_element (sections, s->parent, plan)))
        continue;

      /* Sub-headings are the items ("（一）加强执法队伍建设。…"). */
      for (guint j = i + 1; j < sections->len; j++)
        {
          const FzSection *c = g_ptr_array_index (sections, j);

          if (c->start >= s->end)
            break;
          if (c->parent != (int) i)
            continue;
          children = TRUE;
          g_array_append_vals (items, &(PlanItem) { c->start, c->end, c->heading_end }, 1);
        }
      if (children)
        continue;

      /* Else each sentence ("一是…。二是…。"), the opening one that only
       * announces the list ("…主要安排如下：") aside. */
      {
        g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));

        g_array_set_clear_func (sentences, sentence_clear);
        split_sentences (doc, s->body_start, s->end, 8, sentences);
        for (guint k = 0; k < sentences->len; k++)
          {
            const Sentence *sen = &g_array_index (sentences, Sentence, k);
            g_autofree char *text = fz_document_dup_range (doc, sen->start, sen->end);

            if (g_str_has_suffix (text, "：") || g_str_has_suffix (text, ":"))
              continue;
            g_array_append_vals (items, &(PlanItem) { sen->start, sen->end, sen->end }, 1);
          }
      }
    }
}

/* The statements of a planned item with wording of their own: its heading
 * and each clause of its body ("深入学校、店铺、农村等场所"), as Sentence
 * with those pairs; none for an item of one clause. */
static GArray *
item_statements (FzDocument     *doc,
                 const PlanItem *item,
                 GArray         *common)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Sentence));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Sentence));

  g_array_set_clear_func (parts, sentence_clear);
  g_array_set_clear_func (out, sentence_clear);
  if (item->shown_end > item->start && item->shown_end < item->end)
    {
      g_autofree char *heading = fz_document_dup_range (doc, item->start, item->shown_end);

      g_array_append_vals (parts, &(Sentence) { item->start, item->shown_end,
                                                fz_bigrams_new (heading, -1) }, 1);
    }
  split_parts (doc, item->shown_end < item->end ? item->shown_end : item->start, item->end, 6, TRUE, parts);
  if (parts->len < 2)
    return out;

  for (guint i = 0; i < parts->len; i++)
    {
      Sentence *part = &g_array_index (parts, Sentence, i);
      FzBigrams *own = fz_bigrams_filter (part->pairs, is_own, common);

      if (fz_bigrams_get_size (own) < OWN_PAIRS_ALONE)
        {
          fz_bigrams_free (own);
          continue;
        }
      g_array_append_vals (out, &(Sentence) { part->start, part->end, own }, 1);
    }
  return out;
}

/* The statement of @statements found best in @measures, when one is
 * taken up there, with the passage and how much. */
static const Sentence *
best_statement (GArray *statements,
                GArray *measures,
                double *score)
{
  const Sentence *best = NULL;

  *score = 0;
  for (guint k = 0; k < statements->len; k++)
    {
      const FzBigrams *part = g_array_index (statements, Sentence, k).pairs;
      double part_score;
      const Sentence *found = best_sentence (measures, part, &part_score);

      if (found != NULL && part_score >= TAKEN_UP && part_score > *score)
        {
          *score = part_score;
          best = widest_window (measures, found, part, part_score);
        }
    }
  return best;
}

static void
match_plan (FzAnalysis *last,
            FzAnalysis *current,
            GArray     *common,
            GArray     *measures,
            GListStore *store,
            GPtrArray  *findings)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PlanItem));
  const FzElementResult *home = fz_analysis_find_element (current, "measures_and_results");
  guint anchor_start = 0, anchor_end = 0;

  plan_items (last, items);
  if (home != NULL)
    fz_analysis_get_element_place (current, home, &anchor_start, &anchor_end);
  else
    fz_analysis_get_title_place (current, &anchor_start, &anchor_end);

  for (guint i = 0; i < items->len; i++)
    {
      const PlanItem *item = &g_array_index (items, PlanItem, i);
      g_autofree char *whole = text_of (last, item->start, item->end);
      g_autofree char *shown = text_of (last, item->start, item->shown_end);
      g_autoptr(FzBigrams) own = own_pairs (whole, -1, common);
      g_autoptr(FzHistoryItem) entry = NULL;
      const Sentence *best;
      double score;
      FzFollowUp follow;

      best = best_sentence (measures, own, &score);
      if (best != NULL && score >= TAKEN_UP)
        {
          g_autofree char *sentence = text_of (current, best->start, best->end);

          follow = has_figure (current, best->start, best->end) ||
                   fz_regex_matches (done_regex (), sentence, -1) ? FZ_FOLLOW_DONE : FZ_FOLLOW_MENTIONED;
        }
      else if (best != NULL && score >= NAMED)
        follow = FZ_FOLLOW_MENTIONED;
      else
        {
          g_autoptr(GArray) statements = item_statements (fz_analysis_get_document (last), item, common);
          double part_score;
          const Sentence *part = best_statement (statements, measures, &part_score);

          follow = FZ_FOLLOW_NOT_MENTIONED;
          if (part != NULL)
            {
              follow = FZ_FOLLOW_MENTIONED;
              best = part;
              score = part_score;
            }
        }

      entry = _fz_history_item_new (FZ_HISTORY_PLAN, follow, shown, item->start, item->end);
      if (follow != FZ_FOLLOW_NOT_MENTIONED)
        {
          g_autofree char *sentence = text_of (current, best->start, best->end);

          _fz_history_item_set_current (entry, sentence, best->start, best->end, score);
        }
      else
        {
          g_autofree char *heading = text_of (current, anchor_start, anchor_end);
          g_autofree char *message = g_strdup_printf (_("Last year’s report planned “%s” for this year, "
                                                        "but this year’s measures and results do not mention it"),
                                                      shown);

          _fz_history_item_set_current (entry, NULL, FZ_HISTORY_NO_PLACE, FZ_HISTORY_NO_PLACE, score);
          g_ptr_array_add (findings, fz_finding_new ("plan_not_followed", FZ_SEVERITY_WARNING,
                                                     anchor_start, anchor_end, heading, message));
        }
      g_list_store_append (store, entry);
    }
}

/* Shortcomings written again. */

static int
compare_pairings (gconstpointer a,
                  gconstpointer b)
{
  const Pairing *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->j != y->j ? (x->j < y->j ? -1 : 1) : (x->i < y->i ? -1 : x->i > y->i);
}

static int
compare_by_last (gconstpointer a,
                 gconstpointer b)
{
  const Pairing *x = a, *y = b;

  return x->i < y->i ? -1 : x->i > y->i;
}

/* One pair per item on each side, the closest first, then in last
 * year's order. */
GArray *
_fz_history_choose_pairs (GArray *candidates,
                          guint   n_last,
                          guint   n_now)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (Pairing));
  g_autofree guint8 *used_i = g_new0 (guint8, MAX (n_last, 1));
  g_autofree guint8 *used_j = g_new0 (guint8, MAX (n_now, 1));

  g_array_sort (candidates, compare_pairings);
  for (guint k = 0; k < candidates->len; k++)
    {
      const Pairing *p = &g_array_index (candidates, Pairing, k);

      if (used_i[p->i] || used_j[p->j])
        continue;
      used_i[p->i] = used_j[p->j] = 1;
      g_array_append_val (chosen, *p);
    }
  g_array_sort (chosen, compare_by_last);
  return chosen;
}

static void
match_shortcomings (FzAnalysis *last,
                    FzAnalysis *current,
                    GListStore *store,
                    GPtrArray  *findings)
{
  const char * const shortcomings[] = { "shortcomings", "causes", NULL };
  g_autoptr(GArray) before = sentences_of (last, shortcomings, FALSE, 8);
  g_autoptr(GArray) now = sentences_of (current, shortcomings, FALSE, 8);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Pairing));
  g_autoptr(GArray) chosen = NULL;

  for (guint i = 0; i < before->len; i++)
    for (guint j = 0; j < now->len; j++)
      {
        double d = fz_bigrams_dice (g_array_index (before, Sentence, i).pairs, g_array_index (now, Sentence, j).pairs);

        if (d >= REPEATED)
          g_array_append_vals (candidates, &(Pairing) { i, j, d }, 1);
      }
  chosen = _fz_history_choose_pairs (candidates, before->len, now->len);

  for (guint k = 0; k < chosen->len; k++)
    {
      const Pairing *p = &g_array_index (chosen, Pairing, k);
      const Sentence *a = &g_array_index (before, Sentence, p->i);
      const Sentence *b = &g_array_index (now, Sentence, p->j);
      g_autofree char *then = text_of (last, a->start, a->end);
      g_autofree char *again = text_of (current, b->start, b->end);
      g_autofree char *message = g_strdup_printf (_("This shortcoming repeats last year’s almost word for word: "
                                                    "this year “%s”, last year “%s”"), again, then);
      g_autoptr(FzHistoryItem) entry = _fz_history_item_new (FZ_HISTORY_SHORTCOMING, FZ_FOLLOW_REPEATED,
                                                             then, a->start, a->end);

      _fz_history_item_set_current (entry, again, b->start, b->end, p->score);
      g_list_store_append (store, entry);
      g_ptr_array_add (findings, fz_finding_new ("shortcomings_repeated", FZ_SEVERITY_WARNING,
                                                 b->start, b->end, again, message));
    }
}

/* Last year's rectification requests. */

static void
match_requests (FzAnalysis *last,
                FzReview   *last_review,
                FzAnalysis *current,
                GArray     *common,
                GArray     *body,
                GListStore *store)
{
  g_auto(GStrv) items = _fz_rounds_split_requests (fz_review_get_rectification (last_review));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) named = _fz_rounds_named_elements (last, items[i]);
      g_autoptr(GPtrArray) lacking = g_ptr_array_new ();
      g_autoptr(FzHistoryItem) entry = NULL;
      g_autoptr(FzBigrams) own = own_pairs (items[i], -1, common);
      const Sentence *best;
      double score;
      gboolean answered;

      /* A request is about what last year's report lacked. */
      for (guint k = 0; k < named->len; k++)
        {
          FzStatus status = FZ_STATUS_MISSING;

          _fz_rounds_element_status (last, last_review, g_ptr_array_index (named, k), &status, NULL);
          if (status != FZ_STATUS_PRESENT && status != FZ_STATUS_NOT_APPLICABLE)
            g_ptr_array_add (lacking, g_ptr_array_index (named, k));
        }

      /* Else about what it names, whatever it was last year. */
      if (lacking->len == 0)
        g_ptr_array_extend (lacking, named, NULL, NULL);

      best = best_sentence (body, own, &score);
      if (lacking->len > 0)
        {
          const FzElementResult *r = NULL;

          answered = TRUE;
          for (guint k = 0; k < lacking->len; k++)
            {
              FzStatus status = FZ_STATUS_MISSING;

              _fz_rounds_element_status (current, NULL, g_ptr_array_index (lacking, k), &status, NULL);
              answered = answered && (status == FZ_STATUS_PRESENT || status == FZ_STATUS_NOT_APPLICABLE);
              if (r == NULL)
                r = fz_analysis_find_element (current, g_ptr_array_index (lacking, k));
            }
          entry = _fz_history_item_new (FZ_HISTORY_REQUEST, answered ? FZ_FOLLOW_ANSWERED : FZ_FOLLOW_NOT_ANSWERED,
                                        items[i], FZ_HISTORY_NO_PLACE, FZ_HISTORY_NO_PLACE);
          if (answered && r != NULL)
            {
              guint start, end;
              g_autofree char *place = NULL;

              fz_analysis_get_element_place (current, r, &start, &end);
              place = text_of (current, start, end);
              _fz_history_item_set_current (entry, place, start, end, 1);
            }
        }
      else
        {
          answered = best != NULL && score >= TAKEN_UP;
          entry = _fz_history_item_new (FZ_HISTORY_REQUEST, answered ? FZ_FOLLOW_ANSWERED : FZ_FOLLOW_NOT_ANSWERED,
                                        items[i], FZ_HISTORY_NO_PLACE, FZ_HISTORY_NO_PLACE);
          if (answered)
            {
              g_autofree char *sentence = text_of (current, best->start, best->end);

              _fz_history_item_set_current (entry, sentence, best->start, best->end, score);
            }
        }
      g_list_store_append (store, entry);
    }
}

void
_fz_history_match (FzAnalysis *last,
                   FzReview   *last_review,
                   FzAnalysis *current,
                   GListStore *plan,
                   GListStore *shortcomings,
                   GListStore *requests,
                   GListStore *figures,
                   GPtrArray  *findings)
{
  g_autoptr(GArray) common = common_pairs (fz_analysis_get_document (last), fz_analysis_get_document (current));
  g_autoptr(GArray) sentences = sentences_of (current, not_measures, TRUE, 4);
  g_autoptr(GArray) measures = windows_of (fz_analysis_get_document (current), sentences);

  match_plan (last, current, common, measures, plan, findings);
  match_shortcomings (last, current, shortcomings, findings);
  if (last_review != NULL)
    {
      const char * const none[] = { NULL };
      g_autoptr(GArray) body = sentences_of (current, none, TRUE, 4);

      match_requests (last, last_review, current, common, body, requests);
    }
  _fz_history_match_figures (last, current, figures);
}
