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
#include "fz-score-private.h"
#include "fz-object-util.h"

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
  g_hash_table_replace (self->findings, g_strdup (FILING_SOURCE), _fz_score_findings_of (self->table, findings));
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
    g_hash_table_replace (self->findings, g_strdup (source), _fz_score_findings_of (self->table, findings));
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

  if (!fz_set_watched (&self->filing, filing, self, "changed", G_CALLBACK (filing_changed), NULL))
    return;

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

  /* Its handlers here are connected below, unswapped. */
  if (!fz_set_watched (&self->review, review, self, NULL))
    return;

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

      _fz_score_compute_item (self, item);
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

  fz_clear_watched (&self->review, self);
  fz_clear_watched (&self->filing, self);

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
  signals[CHANGED] = fz_signal_new (klass, "changed", 0);
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
