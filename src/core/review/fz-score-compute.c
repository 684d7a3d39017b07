/* fz-score-compute.c: what a score keeps of an analysis, and how an
 * item's points are worked out from it
 *
 * Each item starts at its points and loses what each rule takes, never
 * more than its points; a rule on an element looks at the reviewer's
 * decision before the checker's status, a rule on findings counts them
 * in every source and stops at its cap.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score"

#include "config.h"

#include "fz-i18n.h"
#include "fz-labels.h"
#include "fz-review-private.h"
#include "fz-score-item-private.h"
#include "fz-score-private.h"

/* The findings the table counts, as facts. */
static guint
collect_findings (FzScoreTable *table,
                  GPtrArray    *findings,
                  FindingFact  *facts)
{
  guint n = 0;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);
      gboolean counted;
      const char *id = fz_score_table_counts_finding (table, f->id, f->severity, &counted);

      if (!counted)
        continue;
      if (facts != NULL)
        facts[n] = (FindingFact) { id, f->severity, f->start, f->end };
      n++;
    }

  return n;
}

GArray *
_fz_score_findings_of (FzScoreTable *table,
                       GPtrArray    *findings)
{
  GArray *facts = g_array_new (FALSE, FALSE, sizeof (FindingFact));

  g_array_set_size (facts, collect_findings (table, findings, NULL));
  collect_findings (table, findings, (FindingFact *) (void *) facts->data);

  return facts;
}

FzScoreFacts *
fz_score_facts_new (FzScoreTable *table,
                    FzAnalysis   *analysis)
{
  GPtrArray *elements, *findings;
  const FzMetadata *meta;
  guint n_ranges = 0, n_findings;
  FzScoreFacts *facts;
  gsize size;

  g_return_val_if_fail (FZ_IS_SCORE_TABLE (table), NULL);
  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);

  elements = fz_analysis_get_elements (analysis);
  findings = fz_analysis_get_findings (analysis);
  meta = fz_analysis_get_metadata (analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      n_ranges += r->evidence != NULL ? r->evidence->len : 0;
    }
  n_findings = collect_findings (table, findings, NULL);

  /* One allocation: pointers first, then the ranges. */
  size = sizeof (FzScoreFacts) + elements->len * sizeof (ElementFact) +
         n_findings * sizeof (FindingFact) + n_ranges * sizeof (FzRange);
  facts = g_malloc0 (size);
  facts->elements = (ElementFact *) (void *) (facts + 1);
  facts->findings = (FindingFact *) (void *) (facts->elements + elements->len);
  facts->ranges = (FzRange *) (void *) (facts->findings + n_findings);
  facts->rules = g_object_ref (fz_analysis_get_ruleset (analysis));
  facts->level = meta->level;
  facts->report_year = meta->report_year;
  facts->n_elements = elements->len;
  facts->n_findings = collect_findings (table, findings, facts->findings);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      const FzRuleElement *element = fz_ruleset_find_element (facts->rules, r->id);
      ElementFact *fact = &facts->elements[i];

      fact->id = element != NULL ? element->id : g_intern_string (r->id);
      fact->status = r->status;
      fact->first_range = facts->n_ranges;
      for (guint k = 0; r->evidence != NULL && k < r->evidence->len; k++)
        facts->ranges[facts->n_ranges++] = g_array_index (r->evidence, FzRange, k);
      fact->n_ranges = facts->n_ranges - fact->first_range;
    }

  return facts;
}

FzScoreFacts *
fz_score_facts_copy (const FzScoreFacts *facts)
{
  gsize size;
  FzScoreFacts *copy;

  g_return_val_if_fail (facts != NULL, NULL);

  size = sizeof (FzScoreFacts) + facts->n_elements * sizeof (ElementFact) +
         facts->n_findings * sizeof (FindingFact) + facts->n_ranges * sizeof (FzRange);
  copy = g_memdup2 (facts, size);
  copy->elements = (ElementFact *) (void *) (copy + 1);
  copy->findings = (FindingFact *) (void *) (copy->elements + copy->n_elements);
  copy->ranges = (FzRange *) (void *) (copy->findings + copy->n_findings);
  g_object_ref (copy->rules);

  return copy;
}

void
fz_score_facts_free (FzScoreFacts *facts)
{
  if (facts == NULL)
    return;

  g_clear_object (&facts->rules);
  g_free (facts);
}

/* A deduction's status; only a lacking element costs points. */
static const char *
status_word (FzStatus status)
{
  return status == FZ_STATUS_PRESENT || status == FZ_STATUS_NOT_APPLICABLE ? "" : fz_status_get_word (status);
}

static char *
element_label (FzScore    *self,
               const char *element_id,
               gboolean    chinese)
{
  const FzRuleElement *element = self->facts ? fz_ruleset_find_element (self->facts->rules, element_id) : NULL;

  if (element == NULL)
    return g_strdup (element_id);
  if (chinese)
    return g_strdup (element->short_name != NULL ? element->short_name : element->name);
  return g_strdup (fz_rule_element_get_short_name (element));
}

static char *
finding_label (const FzScoreRule *rule,
               gboolean           chinese)
{
  const char *label = chinese ? rule->label : fz_score_rule_get_label (rule);

  if (label != NULL)
    return g_strdup (label);
  if (rule->findings != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      for (guint i = 0; rule->findings[i] != NULL; i++)
        g_ptr_array_add (labels, (gpointer) (chinese ? fz_finding_get_kind_label_in (rule->findings[i], TRUE)
                                                     : fz_finding_get_kind_label (rule->findings[i])));
      g_ptr_array_add (labels, NULL);
      return g_strjoinv (chinese ? "、" : _(", "), (char **) labels->pdata);
    }

  switch (rule->severity)
    {
    case FZ_SEVERITY_ERROR:   return g_strdup (chinese ? "差错" : _("errors"));
    case FZ_SEVERITY_WARNING: return g_strdup (chinese ? "警告" : _("warnings"));
    case FZ_SEVERITY_INFO:
    default:                  return g_strdup (chinese ? "提示" : _("notes"));
    }
}

static const ElementFact *
find_element (FzScore    *self,
              const char *id)
{
  for (guint i = 0; self->facts != NULL && i < self->facts->n_elements; i++)
    if (g_str_equal (self->facts->elements[i].id, id))
      return &self->facts->elements[i];

  return NULL;
}

static void
count_facts (const FzScoreRule *rule,
             const FindingFact *facts,
             guint              n,
             FzScoreDeduction  *d);

static gboolean
rule_counts (const FzScoreRule *rule,
             const FindingFact *fact)
{
  if (rule->findings != NULL)
    {
          for (guint i = 0; fact->id != NULL && rule->findings[i] != NULL; i++)
        if (g_str_equal (rule->findings[i], fact->id))
          return TRUE;
      return FALSE;
    }

  return (int) fact->severity == rule->severity;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const FzRange *x = a, *y = b;

  return x->start != y->start ? (x->start < y->start ? -1 : 1)
                              : (x->end < y->end ? -1 : x->end > y->end);
}

static void
count_facts (const FzScoreRule *rule,
             const FindingFact *facts,
             guint              n,
             FzScoreDeduction  *d)
{
  for (guint i = 0; i < n; i++)
    {
      const FindingFact *fact = &facts[i];

      if (!rule_counts (rule, fact))
        continue;
      d->count++;
      /* Filing findings have no place in the text. */
      if (fact->end > fact->start)
        {
          FzRange range = { fact->start, fact->end };

          g_array_append_val (d->evidence, range);
        }
    }
}

/* What one rule takes away, or NULL when it takes nothing. */
static FzScoreDeduction *
apply_rule (FzScore           *self,
            const FzScoreRule *rule)
{
  g_autoptr(FzScoreDeduction) d = g_new0 (FzScoreDeduction, 1);

  d->rule = rule;
  d->kind = rule->kind;
  d->evidence = g_array_new (FALSE, FALSE, sizeof (FzRange));

  if (rule->kind == FZ_SCORE_RULE_ELEMENT)
    {
      const ElementFact *fact = find_element (self, rule->element);
      gpointer decided = g_hash_table_lookup (self->decisions, rule->element);

      /* An element this rule set lacks (an inherited table's, removed)
       * costs nothing; without an analysis there is nothing to judge. */
      if (fact == NULL && decided == NULL)
        return NULL;
      d->status = decided != NULL ? (FzStatus) (GPOINTER_TO_INT (decided) - 1) : fact->status;
      d->by_reviewer = decided != NULL;
      d->points = d->status == FZ_STATUS_MISSING ? rule->missing
                : d->status == FZ_STATUS_PARTIAL ? rule->partial
                : d->status == FZ_STATUS_NEEDS_REVIEW ? rule->needs_review
                : 0;
      if (d->points == 0)
        return NULL;
      if (fact != NULL && d->status != FZ_STATUS_MISSING)
        g_array_append_vals (d->evidence, self->facts->ranges + fact->first_range, fact->n_ranges);
      d->ref = g_strdup (rule->element);
      d->label = element_label (self, rule->element, fz_locale_is_chinese ());
      d->label_zh = element_label (self, rule->element, TRUE);
      d->count = 1;
    }
  else
    {
      GHashTableIter iter;
      gpointer value;
      int total;

      if (self->facts != NULL)
        count_facts (rule, self->facts->findings, self->facts->n_findings, d);
      g_hash_table_iter_init (&iter, self->findings);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        count_facts (rule, (const FindingFact *) (void *) ((GArray *) value)->data, ((GArray *) value)->len, d);
      if (d->count == 0)
        return NULL;
      g_array_sort (d->evidence, compare_ranges);
      total = (int) MIN ((gint64) d->count * rule->each, (gint64) G_MAXINT);
      d->capped = total > rule->max;
      d->points = MIN (total, rule->max);
      d->ref = rule->findings != NULL ? g_strjoinv (" ", rule->findings)
                                      : g_strdup (fz_severity_to_string (rule->severity));
      d->label = finding_label (rule, fz_locale_is_chinese ());
      d->label_zh = finding_label (rule, TRUE);
    }

  return g_steal_pointer (&d);
}

char *
fz_score_deduction_dup_description (const FzScoreDeduction *d)
{
  g_autofree char *points = NULL;

  g_return_val_if_fail (d != NULL, NULL);

  points = fz_score_format_points (FZ_SCORE_POINTS (d->points));

  if (d->kind == FZ_SCORE_RULE_ELEMENT)
    return d->by_reviewer
      /* TRANSLATORS: "不足的原因: missing, as the reviewer decided (−8)" */
      ? g_strdup_printf (_("%s: %s, as the reviewer decided (−%s)"), d->label, status_word (d->status), points)
      /* TRANSLATORS: "不足的原因: missing (−8)" */
      : g_strdup_printf (_("%s: %s (−%s)"), d->label, status_word (d->status), points);

  return d->capped
    /* TRANSLATORS: "half-width punctuation ×12 (−6, the most it may cost)" */
    ? g_strdup_printf (_("%s ×%u (−%s, the most it may cost)"), d->label, d->count, points)
    /* TRANSLATORS: "half-width punctuation ×3 (−1.5)" */
    : g_strdup_printf (_("%s ×%u (−%s)"), d->label, d->count, points);
}

static const FzReviewAdjustment *
adjustment_for (FzScore    *self,
                const char *item_id)
{
  if (self->review != NULL)
    {
      g_autofree char *key = g_strconcat (fz_score_table_get_id (self->table), "/", item_id, NULL);

      return g_hash_table_lookup (_fz_review_get_adjustments (self->review), key);
    }

  return self->adjustments != NULL ? g_hash_table_lookup (self->adjustments, item_id) : NULL;
}

void
_fz_score_compute_item (FzScore     *self,
                        FzScoreItem *item)
{
  const FzScoreTableItem *def = _fz_score_item_get_definition (item);
  const FzReviewAdjustment *adjustment = adjustment_for (self, def->id);
  FzScoreItemState state = { 0 };
  g_autoptr(GString) reason = g_string_new (NULL);
  int deducted = 0;

  state.deductions = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_score_deduction_free);

  for (guint r = 0; !def->manual && r < def->rules->len; r++)
    {
      FzScoreDeduction *d = apply_rule (self, g_ptr_array_index (def->rules, r));
      g_autofree char *text = NULL;

      if (d == NULL)
        continue;
      deducted += d->points;
      text = fz_score_deduction_dup_description (d);
      if (reason->len > 0)
        g_string_append (reason, _("; "));
      g_string_append (reason, text);
      g_ptr_array_add (state.deductions, d);
    }

  /* An item never loses more than it is worth. */
  state.machine_points = def->manual ? 0 : MAX (def->points - deducted, 0);
  state.points = state.machine_points;
  /* An adjustment above the item's points (from a table since changed)
   * is held to them. */
  if (adjustment != NULL)
    {
      g_autofree char *machine = fz_score_format_points (FZ_SCORE_POINTS (state.machine_points));

      state.adjusted = TRUE;
      state.points = MIN (adjustment->points, def->points);
      state.adjustment_reason = adjustment->reason;
      if (def->manual)
        state.reason = g_strdup (adjustment->reason ? adjustment->reason : _("scored by the reviewer"));
      else
        state.reason = g_strdup_printf (_("set by the reviewer: %s (the checks gave %s)"),
                                        adjustment->reason ? adjustment->reason : "", machine);
    }
  else if (def->manual)
    {
      state.pending = TRUE;
      state.reason = g_strdup (_("to be scored by the reviewer"));
    }
  else
    state.reason = reason->len > 0 ? g_strdup (reason->str) : g_strdup (_("nothing deducted"));

  _fz_score_item_update (item, &state);
}
