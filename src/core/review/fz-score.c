/* fz-score.c: a report's score under a scoring table
 *
 * The score keeps only the facts its table asks about — the status and
 * evidence of the elements, the occurrences of the findings it counts —
 * so that a batch can recompute thousands of scores when a reviewer
 * decides, without keeping a single analysis.  Every input goes through
 * recompute(), which updates the items in place.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-review-private.h"
#include "fz-score-item-private.h"
#include "fz-score.h"

/* What the table may ask about an element. */
typedef struct
{
  const char *id;                 /* the rule set's */
  FzStatus    status;
  guint       first_range;        /* its evidence in FzScoreFacts.ranges */
  guint       n_ranges;
} ElementFact;

/* One finding the table counts. */
typedef struct
{
  const char *id;                 /* the table's copy, NULL when only the severity counts */
  FzSeverity  severity;
  guint       start;
  guint       end;
} FindingFact;

/* All a score keeps of an analysis, in one block: a batch of ten
 * thousand keeps ten thousand of them, made in worker threads. */
struct _FzScoreFacts
{
  FzRuleSet   *rules;
  FzLevel      level;
  int          report_year;
  guint        n_elements;
  guint        n_findings;
  guint        n_ranges;
  ElementFact *elements;
  FindingFact *findings;
  FzRange     *ranges;
};

#define FILING_SOURCE "filing"

struct _FzScore
{
  GObject        parent_instance;

  FzScoreTable  *table;
  GListStore    *items;           /* FzScoreItem */

  /* Inputs */
  FzScoreFacts  *facts;           /* nullable */
  GHashTable    *decisions;       /* element id → GINT_TO_POINTER (FzStatus + 1) */
  GHashTable    *findings;        /* source → GArray of FindingFact, besides the analysis's */
  GHashTable    *adjustments;     /* item id → FzReviewAdjustment, without a review; nullable */
  FzFiling      *filing;
  FzReview      *review;

  /* Outputs */
  int            total;           /* hundredths */
  int            pending;
  const FzScoreBand *band;
};

G_DEFINE_FINAL_TYPE (FzScore, fz_score, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_ITEMS,
  PROP_TOTAL,
  PROP_MAX,
  PROP_PENDING,
  PROP_COMPLETE,
  PROP_GRADE,
  PROP_GRADE_NAME,
  PROP_FILING,
  PROP_REVIEW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void recompute (FzScore *self);

/* Inputs */

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

static GArray *
facts_of (FzScore   *self,
          GPtrArray *findings)
{
  GArray *facts = g_array_new (FALSE, FALSE, sizeof (FindingFact));

  g_array_set_size (facts, collect_findings (self->table, findings, NULL));
  collect_findings (self->table, findings, (FindingFact *) (void *) facts->data);

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

static void
update_filing_findings (FzScore *self)
{
  g_autoptr(GPtrArray) findings = NULL;

  if (self->filing == NULL)
    {
      g_hash_table_remove (self->findings, FILING_SOURCE);
      return;
    }

  findings = self->facts != NULL
    ? fz_filing_check (self->filing, self->facts->rules, self->facts->level, self->facts->report_year)
    : fz_filing_check (self->filing, NULL, FZ_LEVEL_UNKNOWN, 0);
  g_hash_table_replace (self->findings, g_strdup (FILING_SOURCE), facts_of (self, findings));
}

void
fz_score_set_facts (FzScore      *self,
                    FzScoreFacts *facts)
{
  g_return_if_fail (FZ_IS_SCORE (self));

  g_clear_pointer (&self->facts, fz_score_facts_free);
  self->facts = facts;

  /* The deadlines depend on the rule set, level and year just learnt. */
  update_filing_findings (self);
  recompute (self);
}

void
fz_score_set_analysis (FzScore    *self,
                       FzAnalysis *analysis)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis));

  fz_score_set_facts (self, analysis != NULL ? fz_score_facts_new (self->table, analysis) : NULL);
}

void
fz_score_set_findings (FzScore    *self,
                       const char *source,
                       GPtrArray  *findings)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (source != NULL);
  g_return_if_fail (!g_str_equal (source, FILING_SOURCE));

  if (findings == NULL)
    g_hash_table_remove (self->findings, source);
  else
    g_hash_table_replace (self->findings, g_strdup (source), facts_of (self, findings));
  recompute (self);
}

static gboolean
put_decision (FzScore        *self,
              const char     *element_id,
              const FzStatus *status)
{
  gpointer old = g_hash_table_lookup (self->decisions, element_id);

  if (status == NULL)
    return g_hash_table_remove (self->decisions, element_id);
  if (old == GINT_TO_POINTER (*status + 1))
    return FALSE;
  g_hash_table_replace (self->decisions, g_strdup (element_id), GINT_TO_POINTER (*status + 1));
  return TRUE;
}

void
fz_score_set_decision (FzScore        *self,
                       const char     *element_id,
                       const FzStatus *status)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (element_id != NULL);

  if (put_decision (self, element_id, status))
    recompute (self);
}

static void
filing_changed (FzScore *self)
{
  update_filing_findings (self);
  recompute (self);
}

void
fz_score_set_filing (FzScore  *self,
                     FzFiling *filing)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (filing == NULL || FZ_IS_FILING (filing));

  if (self->filing == filing)
    return;
  if (self->filing != NULL)
    g_signal_handlers_disconnect_by_data (self->filing, self);
  g_set_object (&self->filing, filing);
  if (filing != NULL)
    g_signal_connect_swapped (filing, "changed", G_CALLBACK (filing_changed), self);

  update_filing_findings (self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILING]);
}

FzFiling *
fz_score_get_filing (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->filing;
}

static void
review_decision_changed (FzReview   *review,
                         const char *element_id,
                         FzScore    *self)
{
  FzStatus status;

  if (fz_review_get_decision (review, element_id, &status, NULL, NULL))
    fz_score_set_decision (self, element_id, &status);
  else
    fz_score_set_decision (self, element_id, NULL);
}

static void
review_adjustment_changed (FzReview   *review,
                           const char *table_id,
                           const char *item_id,
                           FzScore    *self)
{
  if (g_strcmp0 (table_id, fz_score_table_get_id (self->table)) == 0)
    recompute (self);
}

void
fz_score_set_review (FzScore  *self,
                     FzReview *review)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  if (self->review == review)
    return;
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);

  /* The review's decisions replace any given before. */
  g_hash_table_remove_all (self->decisions);
  if (review != NULL)
    {
      g_auto(GStrv) ids = fz_review_dup_decided_ids (review);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          FzStatus status;

          if (fz_review_get_decision (review, ids[i], &status, NULL, NULL))
            put_decision (self, ids[i], &status);
        }
      g_signal_connect (review, "decision-changed", G_CALLBACK (review_decision_changed), self);
      g_signal_connect (review, "score-adjustment-changed", G_CALLBACK (review_adjustment_changed), self);
    }

  g_object_freeze_notify (G_OBJECT (self));
  fz_score_set_filing (self, review != NULL ? fz_review_get_filing (review) : NULL);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
  g_object_thaw_notify (G_OBJECT (self));
}

FzReview *
fz_score_get_review (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->review;
}

gboolean
fz_score_adjust (FzScore     *self,
                 const char  *item_id,
                 double       points,
                 const char  *reason,
                 GError     **error)
{
  const FzScoreTableItem *item;
  g_autofree char *max = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (FZ_IS_SCORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  item = fz_score_table_find_item (self->table, item_id);
  if (item == NULL)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
                   _("The scoring table has no item “%s”."), item_id);
      return FALSE;
    }

  max = fz_score_format_points (FZ_SCORE_POINTS (item->points));
  if (!(points >= 0) || lround (points * 100) > item->points)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
                   _("“%s” scores from 0 to %s points."),
                   fz_score_table_item_get_display_name (item), max);
      return FALSE;
    }

  trimmed = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  if (trimmed != NULL && trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);
  /* Overruling the checks needs a reason, as overruling a verdict does;
   * scoring a manual item is the reviewer's own judgement. */
  if (!item->manual && trimmed == NULL)
    {
      g_autofree char *given = fz_score_format_points (points);

      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
                   _("Say why “%s” should score %s instead of what the checks gave."),
                   fz_score_table_item_get_display_name (item), given);
      return FALSE;
    }
  reason = trimmed;

  if (self->review != NULL)
    {
      fz_review_set_score_adjustment (self->review, fz_score_table_get_id (self->table),
                                      item_id, points, reason);
      return TRUE;
    }

  {
    FzReviewAdjustment *adjustment = g_new0 (FzReviewAdjustment, 1);

    adjustment->points = (int) lround (points * 100);
    adjustment->reason = g_strdup (reason);
    adjustment->time = g_date_time_new_now_utc ();
    if (self->adjustments == NULL)
      self->adjustments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _fz_review_adjustment_free);
    g_hash_table_replace (self->adjustments, g_strdup (item_id), adjustment);
  }
  recompute (self);

  return TRUE;
}

void
fz_score_clear_adjustment (FzScore    *self,
                           const char *item_id)
{
  g_return_if_fail (FZ_IS_SCORE (self));
  g_return_if_fail (item_id != NULL);

  if (self->review != NULL)
    fz_review_clear_score_adjustment (self->review, fz_score_table_get_id (self->table), item_id);
  else if (self->adjustments != NULL && g_hash_table_remove (self->adjustments, item_id))
    recompute (self);
}

/* Computing */

static const char *
status_word (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_MISSING:      return _("missing");
    case FZ_STATUS_PARTIAL:      return _("partial");
    case FZ_STATUS_NEEDS_REVIEW: return _("needs review");
    case FZ_STATUS_PRESENT:
    case FZ_STATUS_NOT_APPLICABLE:
    default:                     return "";
    }
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

static char *
describe_deduction (const FzScoreDeduction *d)
{
  g_autofree char *points = fz_score_format_points (FZ_SCORE_POINTS (d->points));

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

static void
compute_item (FzScore     *self,
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
      text = describe_deduction (d);
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

static void
recompute (FzScore *self)
{
  GListModel *items = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (items);
  int total = 0, pending = 0;
  const FzScoreBand *band, *upper;
  gboolean was_complete = self->pending == 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzScoreItem) item = g_list_model_get_item (items, i);

      compute_item (self, item);
      if (fz_score_item_get_pending (item))
        pending += _fz_score_item_get_definition (item)->points;
      else
        total += _fz_score_item_get_points_centi (item);
    }

  /* Points still to be scored can only add: the 等次 is known when the
   * lowest and the highest total it could reach fall in one band. */
  band = fz_score_table_get_band_for (self->table, total);
  upper = fz_score_table_get_band_for (self->table, total + pending);
  if (band != upper)
    band = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      if (was_complete != (pending == 0))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
  if (self->band != band)
    {
      self->band = band;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE_NAME]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* The object */

static void
fz_score_dispose (GObject *object)
{
  FzScore *self = (FzScore *) object;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_clear_object (&self->review);
  if (self->filing != NULL)
    g_signal_handlers_disconnect_by_data (self->filing, self);
  g_clear_object (&self->filing);

  G_OBJECT_CLASS (fz_score_parent_class)->dispose (object);
}

static void
fz_score_finalize (GObject *object)
{
  FzScore *self = (FzScore *) object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->facts, fz_score_facts_free);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->adjustments, g_hash_table_unref);
  /* Last: the items borrow their definitions from it. */
  g_clear_object (&self->table);

  G_OBJECT_CLASS (fz_score_parent_class)->finalize (object);
}

static void
fz_score_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FzScore *self = FZ_SCORE (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    case PROP_TOTAL:
      g_value_set_double (value, fz_score_get_total (self));
      break;

    case PROP_MAX:
      g_value_set_double (value, fz_score_get_max (self));
      break;

    case PROP_PENDING:
      g_value_set_double (value, fz_score_get_pending (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, fz_score_get_complete (self));
      break;

    case PROP_GRADE:
      g_value_set_string (value, fz_score_get_grade (self));
      break;

    case PROP_GRADE_NAME:
      g_value_set_string (value, fz_score_get_grade_name (self));
      break;

    case PROP_FILING:
      g_value_set_object (value, self->filing);
      break;

    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FzScore *self = FZ_SCORE (object);

  switch (prop_id)
    {
    case PROP_FILING:
      fz_score_set_filing (self, g_value_get_object (value));
      break;

    case PROP_REVIEW:
      fz_score_set_review (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_class_init (FzScoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_score_dispose;
  object_class->finalize = fz_score_finalize;
  object_class->get_property = fz_score_get_property;
  object_class->set_property = fz_score_set_property;

  properties[PROP_TABLE] = g_param_spec_object ("table", NULL, NULL, FZ_TYPE_SCORE_TABLE, ro);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_TOTAL] = g_param_spec_double ("total", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_MAX] = g_param_spec_double ("max", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_PENDING] = g_param_spec_double ("pending", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, TRUE, ro);
  properties[PROP_GRADE] = g_param_spec_string ("grade", NULL, NULL, NULL, ro);
  properties[PROP_GRADE_NAME] = g_param_spec_string ("grade-name", NULL, NULL, NULL, ro);
  properties[PROP_FILING] = g_param_spec_object ("filing", NULL, NULL, FZ_TYPE_FILING, rw);
  properties[PROP_REVIEW] = g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every computation, whatever changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fz_score_init (FzScore *self)
{
  self->items = g_list_store_new (FZ_TYPE_SCORE_ITEM);
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
}

FzScore *
fz_score_new (FzScoreTable *table)
{
  FzScore *self;

  g_return_val_if_fail (FZ_IS_SCORE_TABLE (table), NULL);

  self = g_object_new (FZ_TYPE_SCORE, NULL);
  self->table = g_object_ref (table);

  for (guint i = 0; i < fz_score_table_get_n_items (table); i++)
    {
      const FzScoreTableItem *def = fz_score_table_get_item (table, i);
      g_autoptr(FzScoreItem) item = _fz_score_item_new (def);

      g_list_store_append (self->items, item);
    }

  recompute (self);

  return self;
}

FzScoreTable *
fz_score_get_table (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->table;
}

GListModel *
fz_score_get_items (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return G_LIST_MODEL (self->items);
}

FzScoreItem *
fz_score_find_item (FzScore    *self,
                    const char *item_id)
{
  GListModel *items;

  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  items = G_LIST_MODEL (self->items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FzScoreItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (fz_score_item_get_id (item), item_id))
        return item;          /* the store keeps its reference */
    }

  return NULL;
}

double
fz_score_get_total (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), 0);
  return FZ_SCORE_POINTS (self->total);
}

double
fz_score_get_max (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), 0);
  return fz_score_table_get_max (self->table);
}

double
fz_score_get_pending (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), 0);
  return FZ_SCORE_POINTS (self->pending);
}

gboolean
fz_score_get_complete (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), FALSE);
  return self->pending == 0;
}

const FzScoreBand *
fz_score_get_band (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->band;
}

const char *
fz_score_get_grade (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->band != NULL ? self->band->id : NULL;
}

const char *
fz_score_get_grade_name (FzScore *self)
{
  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);
  return self->band != NULL ? fz_score_band_get_display_name (self->band) : NULL;
}
