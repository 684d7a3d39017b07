/* fz-batch-summary.c: the one sentence that sums up a batch
 *
 * "44 份报告：12 份缺少不足的原因…": counts over the entries worded for the
 * reviewer.  Apart because it is wording, not state.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include "fz-batch-private.h"
#include "fz-i18n.h"

/* Summary */

typedef struct
{
  const FzRuleElement *element;
  guint                count;
  guint                partial;     /* only partial, or left to the reviewer */
} MissingCount;

static int
compare_missing (gconstpointer a,
                 gconstpointer b)
{
  const MissingCount *x = a, *y = b;

  return (int) y->count - (int) x->count;
}

/**
 * fz_batch_dup_summary:
 *
 * Returns: (transfer full): one sentence on the whole batch, e.g.
 *   "44 份报告：12 份缺少不足的原因，3 份无法读取；1 对报告有雷同段落。"
 */
char *
fz_batch_dup_summary (FzBatch *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) missing = g_array_new (FALSE, TRUE, sizeof (MissingCount));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint n_elements = fz_ruleset_get_n_elements (self->rules);
  guint failed = 0, analysed = 0, grades[FZ_GRADE_POOR + 1] = { 0 };
  gboolean first = TRUE;

  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);

  g_array_set_size (missing, n_elements);
  for (guint e = 0; e < n_elements; e++)
    g_array_index (missing, MissingCount, e).element = fz_ruleset_get_element (self->rules, e);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->state == FZ_BATCH_ENTRY_FAILED)
        failed++;
      if (entry->state != FZ_BATCH_ENTRY_DONE)
        continue;
      analysed++;
      grades[fz_batch_entry_get_grade (entry)]++;
      for (guint e = 0; e < n_elements; e++)
        {
          MissingCount *m = &g_array_index (missing, MissingCount, e);
          FzStatus status;

          if (!m->element->required || !fz_batch_entry_get_status (entry, m->element->id, &status))
            continue;
          if (status == FZ_STATUS_MISSING)
            m->count++;
          else if (status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW)
            m->partial++;
        }
    }
  g_array_sort (missing, compare_missing);

  /* TRANSLATORS: the start of the batch summary, followed by ": " and what they lack */
  g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n), n);
  g_string_append (out, _(": "));

  for (guint e = 0; e < missing->len; e++)
    {
      const MissingCount *m = &g_array_index (missing, MissingCount, e);

      if (m->count == 0)
        break;
      if (!first)
        g_string_append (out, _(", "));
      /* TRANSLATORS: "12 lack 不足的原因"; %s is the name of a required element */
      g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u lacks %s", "%u lack %s", m->count),
                              m->count, fz_rule_element_get_display_name (m->element));
      first = FALSE;
    }
  if (first && analysed > 0)
    {
      g_string_append (out, _("none lacks a required element"));
      first = FALSE;
    }
  /* "None lacks" is not "all have": a part only partly there is said too,
   * so the summary never reads better than the matrix. */
  for (guint e = 0; e < missing->len; e++)
    {
      const MissingCount *m = &g_array_index (missing, MissingCount, e);

      if (m->partial == 0)
        continue;
      g_string_append (out, _(", "));
      /* TRANSLATORS: "3 only partly cover 不足的原因"; %s is the name of a required element */
      g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u only partly covers %s",
                                              "%u only partly cover %s", m->partial),
                              m->partial, fz_rule_element_get_display_name (m->element));
    }

  if (failed > 0)
    {
      if (!first)
        g_string_append (out, _(", "));
      g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u could not be read",
                                              "%u could not be read", failed), failed);
      first = FALSE;
    }

  if (self->copies->len > 0)
    {
      if (!first)
        g_string_append (out, _("; "));
      g_string_append_printf (out, dngettext (GETTEXT_PACKAGE, "%u pair shares passages",
                                              "%u pairs share passages", self->copies->len),
                              self->copies->len);
      first = FALSE;
    }

  if (analysed > 0)
    {
      gboolean first_grade = TRUE;

      if (!first)
        g_string_append (out, _("; "));
      g_string_append (out, _("suggested grades: "));
      for (FzGrade g = FZ_GRADE_EXCELLENT; g <= FZ_GRADE_POOR; g++)
        {
          if (grades[g] == 0)
            continue;
          if (!first_grade)
            g_string_append (out, _(", "));
          /* TRANSLATORS: a grade and how many reports have it, "3 excellent" */
          g_string_append_printf (out, _("%u %s"), grades[g], fz_grade_get_label (g));
          first_grade = FALSE;
        }
    }

  {
    FzFilingCounts counts;

    fz_batch_get_filing_counts (self, &counts);
    _fz_filing_counts_append_summary (&counts, out);
  }
  g_string_append (out, _("."));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
