/* fz-batch-entry.c: one report of a batch: a row of the matrix
 *
 * What the batch knows of one report — its file, what the analysis found
 * (unit, year, statuses, finding counts), the reviewer's part and the
 * grade — as a GObject the matrix binds to.  Kept apart from the batch
 * itself (fz-batch.c), which only holds the entries and runs the workers
 * that fill them.  How it takes the reviewer's part from the report's
 * review is fz-batch-entry-review.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include <string.h>

#include "fz-batch-private.h"
#include "fz-object-util.h"

G_DEFINE_FINAL_TYPE (FzBatchEntry, fz_batch_entry, G_TYPE_OBJECT)

static GParamSpec *entry_properties[N_ENTRY_PROPS];

enum {
  ENTRY_CHANGED,
  N_ENTRY_SIGNALS
};

static guint entry_signals[N_ENTRY_SIGNALS];

void
_fz_batch_entry_notify (FzBatchEntry     *self,
                        FzBatchEntryProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[prop]);
}

void
_fz_batch_entry_emit_changed (FzBatchEntry *self)
{
  g_signal_emit (self, entry_signals[ENTRY_CHANGED], 0);
}

static void
fz_batch_entry_finalize (GObject *object)
{
  FzBatchEntry *self = (FzBatchEntry *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->rules);
  g_clear_object (&self->analysis);
  g_clear_error (&self->error);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->statuses, g_array_unref);
  fz_clear_watched (&self->review, self);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->copy_findings, g_ptr_array_unref);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->saved_sha256, g_free);
  g_clear_pointer (&self->reviewer, g_free);

  g_signal_handlers_disconnect_by_data (self->filing, self);
  g_clear_object (&self->filing);
  g_clear_pointer (&self->facts, fz_score_facts_free);
  g_clear_pointer (&self->findings, g_hash_table_unref);

  G_OBJECT_CLASS (fz_batch_entry_parent_class)->finalize (object);
}

static void
fz_batch_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzBatchEntry *self = FZ_BATCH_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case ENTRY_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case ENTRY_PROP_REFERENCE:
      g_value_set_boolean (value, self->reference);
      break;

    case ENTRY_PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case ENTRY_PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case ENTRY_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case ENTRY_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case ENTRY_PROP_SUGGESTED_GRADE:
      g_value_set_uint (value, self->suggested);
      break;

    case ENTRY_PROP_GRADE_OVERRIDE:
      g_value_set_uint (value, self->override);
      break;

    case ENTRY_PROP_GRADE:
      g_value_set_uint (value, fz_batch_entry_get_grade (self));
      break;

    case ENTRY_PROP_CHANGED:
      g_value_set_boolean (value, fz_batch_entry_get_changed (self));
      break;

    case ENTRY_PROP_SCORE:
      g_value_set_double (value, fz_batch_entry_get_score_total (self));
      break;

    case ENTRY_PROP_FILING:
      g_value_set_object (value, self->filing);
      break;

    case ENTRY_PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_batch_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzBatchEntry *self = FZ_BATCH_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_GRADE_OVERRIDE:
      fz_batch_entry_set_grade_override (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_batch_entry_class_init (FzBatchEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_batch_entry_finalize;
  object_class->get_property = fz_batch_entry_get_property;
  object_class->set_property = fz_batch_entry_set_property;

  entry_properties[ENTRY_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  entry_properties[ENTRY_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_REFERENCE] =
    g_param_spec_boolean ("reference", NULL, NULL, FALSE, ro);
  /* FzBatchEntryState */
  entry_properties[ENTRY_PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, FZ_BATCH_ENTRY_FAILED, 0, ro);
  entry_properties[ENTRY_PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, ro);
  /* FzGrade */
  entry_properties[ENTRY_PROP_SUGGESTED_GRADE] =
    g_param_spec_uint ("suggested-grade", NULL, NULL, 0, FZ_GRADE_POOR, 0, ro);
  entry_properties[ENTRY_PROP_GRADE_OVERRIDE] =
    g_param_spec_uint ("grade-override", NULL, NULL, 0, FZ_GRADE_POOR, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_GRADE] =
    g_param_spec_uint ("grade", NULL, NULL, 0, FZ_GRADE_POOR, 0, ro);
  entry_properties[ENTRY_PROP_CHANGED] =
    g_param_spec_boolean ("changed", NULL, NULL, FALSE, ro);
  /* The score's total, -1 without one: what the matrix sorts by. */
  entry_properties[ENTRY_PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, -1, G_MAXDOUBLE, -1, ro);
  entry_properties[ENTRY_PROP_FILING] =
    g_param_spec_object ("filing", NULL, NULL, FZ_TYPE_FILING, ro);
  /* The report's live review, once the report is read (see
   * fz-batch-entry-review.c). */
  entry_properties[ENTRY_PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW, ro);

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);

  /**
   * FzBatchEntry::changed:
   *
   * The row of the matrix changed: statuses, decisions or findings, which
   * are not properties.  Grades and the state notify on their own.
   */
  entry_signals[ENTRY_CHANGED] = fz_signal_new (klass, "changed", 0);
}

/* The total and band of the score as the entry stands, kept for sorting
 * and the ledger. */
void
_fz_batch_entry_update_score (FzBatchEntry *self)
{
  g_autoptr(FzScore) score = fz_batch_entry_dup_score (self);
  double total = score != NULL ? fz_score_get_total (score) : -1;

  self->score_band = score != NULL ? fz_score_get_band (score) : NULL;
  if (total != self->score_total)
    {
      self->score_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_SCORE]);
    }
}

/* A decision, a finding or the filing record changed (late filing is a
 * finding too): the counts, the grade and the score may change. */
void
_fz_batch_entry_refresh (FzBatchEntry *self)
{
  _fz_batch_entry_update_grade (self);
  _fz_batch_entry_update_score (self);
  _fz_batch_entry_emit_changed (self);
}

static void
fz_batch_entry_init (FzBatchEntry *self)
{
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->copy_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  self->filing = fz_filing_new ();
  /* The reviewer recorded when the report came in or went public. */
  g_signal_connect_swapped (self->filing, "changed", G_CALLBACK (_fz_batch_entry_refresh), self);
  self->score_total = -1;
}

FzBatchEntry *
_fz_batch_entry_new (GFile     *file,
                    FzRuleSet *rules,
                    gboolean   reference)
{
  FzBatchEntry *self = g_object_new (FZ_TYPE_BATCH_ENTRY, NULL);

  self->file = g_object_ref (file);
  self->display_name = g_file_get_basename (file);
  if (self->display_name == NULL)
    self->display_name = g_file_get_parse_name (file);
  self->rules = g_object_ref (rules);
  self->reference = !!reference;

  return self;
}

GFile *
fz_batch_entry_get_file (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->file;
}

const char *
fz_batch_entry_get_display_name (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->display_name;
}

gboolean
fz_batch_entry_is_reference (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FALSE);
  return self->reference;
}

FzBatchEntryState
fz_batch_entry_get_state (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_BATCH_ENTRY_PENDING);
  return self->state;
}

FzAnalysis *
fz_batch_entry_get_analysis (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->analysis;
}

const GError *
fz_batch_entry_get_error (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->error;
}

const char *
fz_batch_entry_get_unit (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->unit;
}

const char *
fz_batch_entry_get_title (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->title;
}

FzLevel
fz_batch_entry_get_level (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_LEVEL_UNKNOWN);
  return self->level;
}

int
fz_batch_entry_get_year (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), 0);
  return self->year;
}

const char *
fz_batch_entry_get_date (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->date;
}

static int
element_index (FzBatchEntry *self,
               const char   *element_id)
{
  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    if (g_strcmp0 (fz_ruleset_get_element (self->rules, i)->id, element_id) == 0)
      return i;

  return -1;
}

gboolean
fz_batch_entry_get_machine_status (FzBatchEntry *self,
                                   const char   *element_id,
                                   FzStatus     *status)
{
  int i;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FALSE);

  i = element_index (self, element_id);
  if (i < 0 || self->statuses == NULL || (guint) i >= self->statuses->len)
    return FALSE;

  *status = g_array_index (self->statuses, FzStatus, i);
  return TRUE;
}

gboolean
fz_batch_entry_get_status (FzBatchEntry *self,
                           const char   *element_id,
                           FzStatus     *status)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FALSE);

  if (self->state == FZ_BATCH_ENTRY_DONE && _fz_batch_entry_get_decision (self, element_id, status))
    return TRUE;

  return fz_batch_entry_get_machine_status (self, element_id, status);
}

guint
fz_batch_entry_get_n_findings (FzBatchEntry *self,
                               FzSeverity    severity)
{
  guint n;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), 0);
  g_return_val_if_fail (severity <= FZ_SEVERITY_INFO, 0);

  n = self->n_findings[severity];
  for (guint i = 0; i < self->copy_findings->len; i++)
    if (((FzFinding *) g_ptr_array_index (self->copy_findings, i))->severity == severity)
      n++;
  if (self->findings != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->findings);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GPtrArray *findings = value;

          for (guint i = 0; i < findings->len; i++)
            if (((FzFinding *) g_ptr_array_index (findings, i))->severity == severity)
              n++;
        }
    }
  if (self->state == FZ_BATCH_ENTRY_DONE && !fz_filing_is_empty (self->filing))
    {
      g_autoptr(GPtrArray) late = fz_filing_check (self->filing, self->rules, self->level, self->year);

      for (guint i = 0; i < late->len; i++)
        if (((FzFinding *) g_ptr_array_index (late, i))->severity == severity)
          n++;
    }

  return n;
}

GPtrArray *
fz_batch_entry_get_copy_findings (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->copy_findings;
}

void
_fz_batch_entry_update_grade (FzBatchEntry *self)
{
  FzGrade grade = _fz_batch_entry_compute_grade (self);

  if (grade != self->suggested)
    {
      self->suggested = grade;
      g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_SUGGESTED_GRADE]);
      if (self->override == FZ_GRADE_NONE)
        g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_GRADE]);
    }
}

void
fz_batch_entry_set_decision (FzBatchEntry   *self,
                             const char     *element_id,
                             const FzStatus *status)
{
  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));
  g_return_if_fail (element_id != NULL);

  /* The review tells the entry (on_review_decision_changed()). */
  if (self->review != NULL)
    {
      /* A review records what the reviewer found, never "needs review". */
      g_return_if_fail (status == NULL || *status != FZ_STATUS_NEEDS_REVIEW);
      if (status != NULL)
        fz_review_set_decision (self->review, element_id, *status, NULL);
      else
        fz_review_clear_decision (self->review, element_id);
      return;
    }

  if (status != NULL)
    g_hash_table_replace (self->decisions, g_strdup (element_id), GINT_TO_POINTER (*status + 1));
  else
    g_hash_table_remove (self->decisions, element_id);
  _fz_batch_entry_refresh (self);
}

guint
fz_batch_entry_get_n_decided (FzBatchEntry *self)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), 0);

  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    {
      const FzRuleElement *element = fz_ruleset_get_element (self->rules, i);
      FzStatus status;

      if (element->required && _fz_batch_entry_get_decision (self, element->id, &status))
        n++;
    }

  return n;
}

guint
fz_batch_entry_get_n_required (FzBatchEntry *self)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), 0);

  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    if (fz_ruleset_get_element (self->rules, i)->required)
      n++;

  return n;
}

const char *
fz_batch_entry_get_reviewer (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);

  if (self->review != NULL)
    {
      const char *reviewer = fz_review_get_reviewer (self->review);

      return reviewer != NULL && *reviewer != '\0' ? reviewer : NULL;
    }

  return self->reviewer;
}

void
fz_batch_entry_set_reviewer (FzBatchEntry *self,
                             const char   *reviewer)
{
  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));

  if (reviewer != NULL && *reviewer == '\0')
    reviewer = NULL;
  /* The review tells the entry (on_review_notify_reviewer()). */
  if (self->review != NULL)
    fz_review_set_reviewer (self->review, reviewer);
  else if (_fz_batch_set_str (&self->reviewer, reviewer))
    _fz_batch_entry_emit_changed (self);
}

FzGrade
fz_batch_entry_get_suggested_grade (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_GRADE_NONE);
  return self->suggested;
}

FzGrade
fz_batch_entry_get_grade_override (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_GRADE_NONE);
  return self->override;
}

void
fz_batch_entry_set_grade_override (FzBatchEntry *self,
                                   FzGrade       grade)
{
  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));
  g_return_if_fail (grade <= FZ_GRADE_POOR);

  if (grade == self->override)
    return;

  self->override = grade;
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_GRADE_OVERRIDE]);
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_GRADE]);
}

FzGrade
fz_batch_entry_get_grade (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_GRADE_NONE);
  return self->override != FZ_GRADE_NONE ? self->override : self->suggested;
}

const char *
fz_batch_entry_get_sha256 (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->sha256 != NULL ? self->sha256 : self->saved_sha256;
}

gboolean
fz_batch_entry_get_changed (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FALSE);
  return self->saved_sha256 != NULL && self->sha256 != NULL &&
         g_strcmp0 (self->saved_sha256, self->sha256) != 0;
}

/* Filing and scoring. */

FzFiling *
fz_batch_entry_get_filing (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->filing;
}

FzScore *
fz_batch_entry_dup_score (FzBatchEntry *self)
{
  GHashTableIter iter;
  gpointer key, value;
  FzScore *score;
  guint n_elements;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);

  if (self->facts == NULL || self->state != FZ_BATCH_ENTRY_DONE)
    return NULL;

  score = fz_score_new (fz_ruleset_get_score_table (self->rules));
  fz_score_set_facts (score, fz_score_facts_copy (self->facts));
  n_elements = fz_ruleset_get_n_elements (self->rules);
  for (guint i = 0; i < n_elements; i++)
    {
      const char *id = fz_ruleset_get_element (self->rules, i)->id;
      FzStatus status;

      if (_fz_batch_entry_get_decision (self, id, &status))
        fz_score_set_decision (score, id, &status);
    }
  if (self->copy_findings->len > 0)
    fz_score_set_findings (score, "copies", self->copy_findings);
  if (self->findings != NULL)
    {
      g_hash_table_iter_init (&iter, self->findings);
      while (g_hash_table_iter_next (&iter, &key, &value))
        fz_score_set_findings (score, key, value);
    }
  /* A copy of the record: the score is a snapshot, and follows nothing. */
  {
    g_autoptr(FzFiling) filing = fz_filing_new ();

    fz_filing_assign (filing, self->filing);
    fz_score_set_filing (score, filing);
  }

  return score;
}

double
fz_batch_entry_get_score_total (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), -1);
  return self->score_total;
}

const FzScoreBand *
fz_batch_entry_get_score_band (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->score_band;
}

FzTimeliness
fz_batch_entry_get_timeliness (FzBatchEntry   *self,
                               FzDeadlineKind  kind)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FZ_TIMELINESS_UNKNOWN);
  return fz_filing_get_timeliness (self->filing, kind, self->rules, self->level, self->year);
}

void
fz_batch_entry_set_findings (FzBatchEntry *self,
                             const char   *source,
                             GPtrArray    *findings)
{
  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));
  g_return_if_fail (source != NULL && !g_str_equal (source, "copies") && !g_str_equal (source, "filing"));

  if (self->findings == NULL)
    self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  if (findings != NULL)
    g_hash_table_replace (self->findings, g_strdup (source), g_ptr_array_ref (findings));
  else
    g_hash_table_remove (self->findings, source);

  _fz_batch_entry_refresh (self);
}

GPtrArray *
fz_batch_entry_get_findings (FzBatchEntry *self,
                             const char   *source)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  return self->findings != NULL ? g_hash_table_lookup (self->findings, source) : NULL;
}
