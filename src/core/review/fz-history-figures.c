/* fz-history-figures.c: the key figures of two years side by side
 *
 * A figure is known by what it counts: the run of Chinese characters
 * right before the number ("办理行政处罚案件37宗").  Figures of the same
 * unit and kind whose labels are alike are paired, the closest first.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-history"

#include "config.h"

#include "fz-history-item-private.h"
#include "fz-history-private.h"
#include "fz-text-util.h"
#include "fz-textsim.h"

/* Two figures whose labels are this alike count the same thing. */
#define SAME_LABEL 0.6

typedef struct
{
  const FzFigure *figure;
  char           *label;
  FzBigrams      *pairs;
} Labelled;

static void
labelled_clear (gpointer data)
{
  Labelled *l = data;

  g_free (l->label);
  g_clear_pointer (&l->pairs, fz_bigrams_free);
}

/* Figures outside the plan with what they count: the run of Chinese
 * characters right before the number ("办理行政处罚案件37宗"). */
static GArray *
labelled_figures (FzAnalysis *analysis)
{
  const char * const plan[] = { "next_year_plan", NULL };
  GPtrArray *figures = fz_analysis_get_figures (analysis);
  GPtrArray *sections = fz_analysis_get_sections (analysis);
  const char *text = fz_document_get_text (fz_analysis_get_document (analysis));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Labelled));

  g_array_set_clear_func (out, labelled_clear);
  for (guint i = 0; i < figures->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);
      const char *at = g_utf8_offset_to_pointer (text, f->start);
      const char *from = at;
      guint n = 0;
      Labelled l = { f, NULL, NULL };

      if (f->section >= 0 && _fz_history_under_element (sections, f->section, plan))
        continue;
      while (from > text && n < 8)
        {
          const char *prev = g_utf8_prev_char (from);

          if (!fz_unichar_is_han (g_utf8_get_char (prev)))
            break;
          from = prev;
          n++;
        }
      if (n < 2)
        continue;
      l.label = g_strndup (from, at - from);
      l.pairs = fz_bigrams_new (l.label, -1);
      g_array_append_val (out, l);
    }
  return out;
}

void
_fz_history_match_figures (FzAnalysis *last,
               FzAnalysis *current,
               GListStore *store)
{
  g_autoptr(GArray) before = labelled_figures (last);
  g_autoptr(GArray) now = labelled_figures (current);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Pairing));
  g_autoptr(GArray) chosen = NULL;

  for (guint i = 0; i < before->len; i++)
    for (guint j = 0; j < now->len; j++)
      {
        const Labelled *a = &g_array_index (before, Labelled, i);
        const Labelled *b = &g_array_index (now, Labelled, j);
        double d;

        if (g_strcmp0 (a->figure->unit, b->figure->unit) != 0 || a->figure->kind != b->figure->kind)
          continue;
        if ((d = fz_bigrams_dice (a->pairs, b->pairs)) >= SAME_LABEL)
          g_array_append_vals (candidates, &(Pairing) { i, j, d }, 1);
      }
  chosen = _fz_history_choose_pairs (candidates, before->len, now->len);

  for (guint k = 0; k < chosen->len; k++)
    {
      const Pairing *p = &g_array_index (chosen, Pairing, k);
      const Labelled *a = &g_array_index (before, Labelled, p->i);
      const Labelled *b = &g_array_index (now, Labelled, p->j);
      double change = b->figure->value - a->figure->value;
      FzFollowUp follow = change > 0 ? FZ_FOLLOW_UP : change < 0 ? FZ_FOLLOW_DOWN : FZ_FOLLOW_SAME;
      g_autoptr(FzHistoryItem) entry = _fz_history_item_new (FZ_HISTORY_FIGURE, follow, a->label,
                                                             a->figure->start, a->figure->end);

      _fz_history_item_set_current (entry, b->label, b->figure->start, b->figure->end, p->score);
      _fz_history_item_set_values (entry, a->figure->text, b->figure->text, change);
      g_list_store_append (store, entry);
    }
}

