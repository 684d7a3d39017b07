/* fz-batch.c: a year's reports reviewed together
 *
 * A county bureau receives 30–60 reports at once, a province thousands.
 * The batch reads them on a pool of one worker per core, keeps for each a
 * row of the overview (unit, year, statuses, finding counts, grade), then
 * looks for passages the reports share with each other and with last
 * year's reports.  Workers never touch an entry: they hand their results
 * to the caller's main context, which applies them in bunches, so that a
 * window stays responsive while hundreds of reports come in.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-batch.h"
#include "fz-error.h"
#include "fz-formats.h"
#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-report.h"

#define SAVE_SCHEMA "fazhi-batch/1"

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

/* Grades */

const char *
fz_grade_to_string (FzGrade grade)
{
  switch (grade)
    {
    case FZ_GRADE_EXCELLENT: return "excellent";
    case FZ_GRADE_GOOD:      return "good";
    case FZ_GRADE_FAIR:      return "fair";
    case FZ_GRADE_POOR:      return "poor";
    case FZ_GRADE_NONE:
    default:                 return NULL;
    }
}

gboolean
fz_grade_from_string (const char *str,
                      FzGrade    *grade)
{
  for (FzGrade g = FZ_GRADE_EXCELLENT; g <= FZ_GRADE_POOR; g++)
    if (g_strcmp0 (str, fz_grade_to_string (g)) == 0)
      {
        *grade = g;
        return TRUE;
      }

  return FALSE;
}

const char *
fz_grade_get_label (FzGrade grade)
{
  switch (grade)
    {
    case FZ_GRADE_EXCELLENT: return _("excellent");
    case FZ_GRADE_GOOD:      return _("good");
    case FZ_GRADE_FAIR:      return _("fair");
    case FZ_GRADE_POOR:      return _("poor");
    case FZ_GRADE_NONE:
    default:                 return "";
    }
}

/* Entries */

struct _FzBatchEntry
{
  GObject            parent_instance;

  GFile             *file;
  char              *display_name;
  gboolean           reference;
  FzRuleSet         *rules;

  FzBatchEntryState  state;
  FzAnalysis        *analysis;
  GError            *error;
  char              *unit;
  char              *title;
  char              *date;
  FzLevel            level;
  int                year;
  GArray            *statuses;    /* FzStatus, in the rule set's order */
  GHashTable        *decisions;   /* element id → FzStatus + 1 */
  guint              n_findings[3];
  GPtrArray         *copy_findings;
  FzGrade            suggested;
  FzGrade            override;
  char              *sha256;
  char              *saved_sha256;
  char              *reviewer;    /* who reviewed it, from its review */
  FzFiling          *filing;      /* counted by fz-filing-counts.c */
  /* What the score needs of the analysis, and the score it gives: a batch
   * of thousands keeps no score model, only this. */
  FzScoreFacts      *facts;       /* nullable */
  double             score_total; /* -1 without a score */
  const FzScoreBand *score_band;  /* nullable */
  GHashTable        *findings;    /* source → GPtrArray of FzFinding given by the caller; nullable */
};

G_DEFINE_FINAL_TYPE (FzBatchEntry, fz_batch_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_FILE,
  ENTRY_PROP_DISPLAY_NAME,
  ENTRY_PROP_REFERENCE,
  ENTRY_PROP_STATE,
  ENTRY_PROP_UNIT,
  ENTRY_PROP_TITLE,
  ENTRY_PROP_YEAR,
  ENTRY_PROP_SUGGESTED_GRADE,
  ENTRY_PROP_GRADE_OVERRIDE,
  ENTRY_PROP_GRADE,
  ENTRY_PROP_CHANGED,
  ENTRY_PROP_SCORE,
  ENTRY_PROP_FILING,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

enum {
  ENTRY_CHANGED,
  N_ENTRY_SIGNALS
};

static guint entry_signals[N_ENTRY_SIGNALS];

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

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);

  /**
   * FzBatchEntry::changed:
   *
   * The row of the matrix changed: statuses, decisions or findings, which
   * are not properties.  Grades and the state notify on their own.
   */
  entry_signals[ENTRY_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void update_grade (FzBatchEntry *self);

/* The total and band of the score as the entry stands, kept for sorting
 * and the ledger. */
static void
update_score (FzBatchEntry *self)
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

/* The reviewer recorded when the report came in or went public: late
 * filing is a finding, so the counts, the grade and the score may
 * change. */
static void
entry_filing_changed (FzBatchEntry *self)
{
  update_grade (self);
  update_score (self);
  g_signal_emit (self, entry_signals[ENTRY_CHANGED], 0);
}

static void
fz_batch_entry_init (FzBatchEntry *self)
{
  self->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->copy_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  self->filing = fz_filing_new ();
  g_signal_connect_swapped (self->filing, "changed", G_CALLBACK (entry_filing_changed), self);
  self->score_total = -1;
}

static FzBatchEntry *
fz_batch_entry_new (GFile     *file,
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
  gpointer decision;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), FALSE);

  if (self->state == FZ_BATCH_ENTRY_DONE &&
      g_hash_table_lookup_extended (self->decisions, element_id, NULL, &decision))
    {
      *status = GPOINTER_TO_INT (decision) - 1;
      return TRUE;
    }

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

/* The suggested grade, from the effective statuses of the required
 * elements and the findings:
 *
 *  - 较差 (poor): two or more required elements missing; or one missing
 *    together with copied passages or three or more errors.
 *  - 一般 (fair): one required element missing; or passages copied from
 *    another report; or three or more required elements only partial (or
 *    needing review); or three or more errors.
 *  - 优秀 (excellent): every required element present or not applicable,
 *    no error, no copied passage and at most three warnings.
 *  - 良好 (good): everything else — all required elements at least
 *    partly there, at most two of them partial, at most two errors.
 *
 * A missing element therefore always caps the grade at 一般: a report that
 * leaves out a part the 督察工作规定 requires cannot be good, however
 * well written the rest is. */
static FzGrade
compute_grade (FzBatchEntry *self)
{
  guint missing = 0, partial = 0, errors, warnings, copies;

  if (self->state != FZ_BATCH_ENTRY_DONE || self->reference)
    return FZ_GRADE_NONE;

  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    {
      const FzRuleElement *element = fz_ruleset_get_element (self->rules, i);
      FzStatus status;

      if (!element->required || !fz_batch_entry_get_status (self, element->id, &status))
        continue;

      switch (status)
        {
        case FZ_STATUS_MISSING:
          missing++;
          break;

        case FZ_STATUS_PARTIAL:
        case FZ_STATUS_NEEDS_REVIEW:
          partial++;
          break;

        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          break;
        }
    }

  errors = fz_batch_entry_get_n_findings (self, FZ_SEVERITY_ERROR);
  warnings = fz_batch_entry_get_n_findings (self, FZ_SEVERITY_WARNING);
  copies = self->copy_findings->len;

  if (missing >= 2 || (missing == 1 && (copies > 0 || errors >= 3)))
    return FZ_GRADE_POOR;
  if (missing == 1 || copies > 0 || partial >= 3 || errors >= 3)
    return FZ_GRADE_FAIR;
  if (partial == 0 && errors == 0 && warnings <= 3)
    return FZ_GRADE_EXCELLENT;
  return FZ_GRADE_GOOD;
}

static void
update_grade (FzBatchEntry *self)
{
  FzGrade grade = compute_grade (self);

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

  if (status != NULL)
    g_hash_table_replace (self->decisions, g_strdup (element_id), GINT_TO_POINTER (*status + 1));
  else
    g_hash_table_remove (self->decisions, element_id);
  update_grade (self);
  update_score (self);
  g_signal_emit (self, entry_signals[ENTRY_CHANGED], 0);
}

guint
fz_batch_entry_get_n_decided (FzBatchEntry *self)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), 0);

  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    {
      const FzRuleElement *element = fz_ruleset_get_element (self->rules, i);

      if (element->required && g_hash_table_contains (self->decisions, element->id))
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

  return self->reviewer;
}

void
fz_batch_entry_set_reviewer (FzBatchEntry *self,
                             const char   *reviewer)
{
  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));

  if (reviewer != NULL && *reviewer == '\0')
    reviewer = NULL;
  if (set_str (&self->reviewer, reviewer))
    g_signal_emit (self, entry_signals[ENTRY_CHANGED], 0);
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

/* The batch */

struct _FzBatch
{
  GObject           parent_instance;

  FzRuleSet        *rules;
  GListStore       *entries;
  GListStore       *references;
  GHashTable       *files;        /* GFile → the entry, to refuse duplicates */
  char             *reviewer;
  guint             n_total;
  guint             n_done;
  gboolean          keep_analyses;
  gboolean          detect_copies;
  gboolean          hash_files;
  gboolean          running;
  FzBatchEntryFunc  entry_func;
  gpointer          entry_func_data;
  GPtrArray        *copies;       /* FzBatchCopy */
};

G_DEFINE_FINAL_TYPE (FzBatch, fz_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULESET,
  PROP_REVIEWER,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
batch_copy_free (FzBatchCopy *copy)
{
  g_clear_object (&copy->a);
  g_clear_object (&copy->b);
  g_clear_pointer (&copy->passages, g_array_unref);
  g_clear_pointer (&copy->a_texts, g_ptr_array_unref);
  g_clear_pointer (&copy->b_texts, g_ptr_array_unref);
  g_free (copy);
}

static void
fz_batch_finalize (GObject *object)
{
  FzBatch *self = (FzBatch *)object;

  g_clear_object (&self->rules);
  g_clear_object (&self->entries);
  g_clear_object (&self->references);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->copies, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_batch_parent_class)->finalize (object);
}

static void
fz_batch_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FzBatch *self = FZ_BATCH (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      g_value_set_object (value, self->rules);
      break;

    case PROP_REVIEWER:
      g_value_set_string (value, self->reviewer);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_batch_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FzBatch *self = FZ_BATCH (object);

  switch (prop_id)
    {
    case PROP_RULESET:
      self->rules = g_value_dup_object (value);
      break;

    case PROP_REVIEWER:
      fz_batch_set_reviewer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_batch_class_init (FzBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_batch_finalize;
  object_class->get_property = fz_batch_get_property;
  object_class->set_property = fz_batch_set_property;

  properties[PROP_RULESET] =
    g_param_spec_object ("ruleset", NULL, NULL, FZ_TYPE_RULESET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEWER] =
    g_param_spec_string ("reviewer", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_batch_init (FzBatch *self)
{
  self->entries = g_list_store_new (FZ_TYPE_BATCH_ENTRY);
  self->references = g_list_store_new (FZ_TYPE_BATCH_ENTRY);
  self->files = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);
  self->keep_analyses = TRUE;
  self->detect_copies = TRUE;
  self->hash_files = TRUE;
  self->copies = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_copy_free);
}

FzBatch *
fz_batch_new (FzRuleSet *rules)
{
  g_return_val_if_fail (FZ_IS_RULESET (rules), NULL);

  return g_object_new (FZ_TYPE_BATCH, "ruleset", rules, NULL);
}

FzRuleSet *
fz_batch_get_ruleset (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return self->rules;
}

GListModel *
fz_batch_get_entries (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return G_LIST_MODEL (self->entries);
}

GListModel *
fz_batch_get_references (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return G_LIST_MODEL (self->references);
}

FzBatchEntry *
fz_batch_add_file (FzBatch  *self,
                   GFile    *file,
                   gboolean  reference)
{
  g_autoptr(FzBatchEntry) entry = NULL;

  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!self->running, NULL);

  if (g_hash_table_contains (self->files, file))
    return NULL;

  entry = fz_batch_entry_new (file, self->rules, reference);
  g_hash_table_insert (self->files, g_object_ref (file), entry);
  g_list_store_append (reference ? self->references : self->entries, entry);

  return entry;
}

/* What a folder of reports also holds and no one means to check. */
/* A file of a folder is read when its name says a report format, or says
 * none (an attachment saved without its extension): the content decides
 * then.  Office lock files (~$report.docx) and editor backups
 * (report.txt~) never are. */
static gboolean
is_report_name (const char *name)
{
  if (g_str_has_prefix (name, "~$") || g_str_has_suffix (name, "~"))
    return FALSE;

  return fz_formats_for_file_name (name) != NULL || strchr (name, '.') == NULL;
}

static gboolean
collect_folder (GFile         *folder,
                GPtrArray     *found,
                guint          depth,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* Symbolic links are followed; the depth bound keeps a loop finite. */
  if (depth > 32)
    return TRUE;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_BACKUP,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      if (g_file_info_get_is_hidden (info) || g_file_info_get_is_backup (info) || name[0] == '.')
        continue;

      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          {
            g_autoptr(GError) sub_error = NULL;

            /* An unreadable subfolder must not lose the rest of the batch. */
            if (!collect_folder (child, found, depth + 1, cancellable, &sub_error))
              {
                if (g_error_matches (sub_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                  {
                    g_propagate_error (error, g_steal_pointer (&sub_error));
                    return FALSE;
                  }
                g_warning ("Skipping folder %s: %s", g_file_peek_path (child), sub_error->message);
              }
          }
          break;

        case G_FILE_TYPE_REGULAR:
        case G_FILE_TYPE_SYMBOLIC_LINK:
        case G_FILE_TYPE_UNKNOWN:
          if (is_report_name (name))
            g_ptr_array_add (found, g_steal_pointer (&child));
          break;

        case G_FILE_TYPE_SPECIAL:
        case G_FILE_TYPE_SHORTCUT:
        case G_FILE_TYPE_MOUNTABLE:
        default:
          break;
        }
    }

  return error == NULL || *error == NULL;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_uri (*(GFile **) a);
  g_autofree char *y = g_file_get_uri (*(GFile **) b);

  return strcmp (x, y);
}

guint
fz_batch_add_folder (FzBatch       *self,
                     GFile         *folder,
                     gboolean       reference,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint added = 0;

  g_return_val_if_fail (FZ_IS_BATCH (self), 0);
  g_return_val_if_fail (G_IS_FILE (folder), 0);

  if (!collect_folder (folder, found, 0, cancellable, error))
    return 0;

  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    if (fz_batch_add_file (self, g_ptr_array_index (found, i), reference) != NULL)
      added++;

  return added;
}

int
fz_batch_get_year (FzBatch *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint n;
  guint known = 0, best = 0;
  int year = 0;

  g_return_val_if_fail (FZ_IS_BATCH (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      guint count;

      if (entry->year <= 0)
        continue;
      known++;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (entry->year))) + 1;
      g_hash_table_insert (counts, GINT_TO_POINTER (entry->year), GUINT_TO_POINTER (count));
      if (count > best || (count == best && entry->year > year))
        {
          best = count;
          year = entry->year;
        }
    }

  /* A year only when most of the reports are about it: a batch split
   * between years has none, and each report keeps its own. */
  return best * 2 > known ? year : 0;
}

gboolean
fz_batch_is_off_year (FzBatch      *self,
                      FzBatchEntry *entry)
{
  int year;

  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (entry), FALSE);

  year = fz_batch_get_year (self);

  return year > 0 && entry->year > 0 && entry->year != year && !entry->reference;
}

const char *
fz_batch_get_reviewer (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return self->reviewer;
}

void
fz_batch_set_reviewer (FzBatch    *self,
                       const char *reviewer)
{
  g_return_if_fail (FZ_IS_BATCH (self));

  if (set_str (&self->reviewer, reviewer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

guint
fz_batch_get_n_total (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), 0);
  return self->n_total;
}

guint
fz_batch_get_n_done (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), 0);
  return self->n_done;
}

void
fz_batch_set_keep_analyses (FzBatch  *self,
                            gboolean  keep)
{
  g_return_if_fail (FZ_IS_BATCH (self));
  self->keep_analyses = !!keep;
}

void
fz_batch_set_detect_copies (FzBatch  *self,
                            gboolean  detect)
{
  g_return_if_fail (FZ_IS_BATCH (self));
  self->detect_copies = !!detect;
}

void
fz_batch_set_hash_files (FzBatch  *self,
                         gboolean  hash)
{
  g_return_if_fail (FZ_IS_BATCH (self));
  self->hash_files = !!hash;
}

void
fz_batch_set_entry_func (FzBatch          *self,
                         FzBatchEntryFunc  func,
                         gpointer          user_data)
{
  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (!self->running);

  self->entry_func = func;
  self->entry_func_data = user_data;
}

GPtrArray *
fz_batch_get_copies (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return self->copies;
}

/* Analysis */

typedef struct
{
  guint              index;       /* into Run.items */
  FzAnalysis        *analysis;
  GError            *error;
  FzCopyFingerprint *print;
  char              *sha256;
  char              *unit;
  char              *title;
  char              *date;
  FzLevel            level;
  int                year;
  GArray            *statuses;
  guint              n_findings[3];
  FzScoreFacts      *facts;       /* for the score, made on the main thread */
} Result;

typedef struct
{
  FzBatch      *self;
  GMainContext *context;
  GCancellable *cancellable;
  GThreadPool  *pool;
  GThreadPool  *convert_pool;     /* files read through LibreOffice */
  GPtrArray    *items;            /* FzBatchEntry */
  GPtrArray    *prints;           /* FzCopyFingerprint or NULL, parallel to @items */
  GMutex        mutex;
  GPtrArray    *done;             /* Result */
  gboolean      drain_pending;
  guint         n_received;
  GTask        *task;             /* the task owns the run; the run holds the
                                   * task until the pool is done */
} Run;

static void
result_free (Result *result)
{
  g_clear_object (&result->analysis);
  g_clear_error (&result->error);
  g_clear_pointer (&result->print, fz_copy_fingerprint_free);
  g_free (result->sha256);
  g_free (result->unit);
  g_free (result->title);
  g_free (result->date);
  g_clear_pointer (&result->statuses, g_array_unref);
  g_clear_pointer (&result->facts, fz_score_facts_free);
  g_free (result);
}

static void
run_free (Run *run)
{
  /* The first pool hands files to the second: it goes first. */
  if (run->pool != NULL)
    g_thread_pool_free (run->pool, TRUE, TRUE);
  if (run->convert_pool != NULL)
    g_thread_pool_free (run->convert_pool, TRUE, TRUE);
  g_clear_object (&run->self);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->items, g_ptr_array_unref);
  g_clear_pointer (&run->prints, g_ptr_array_unref);
  g_clear_pointer (&run->done, g_ptr_array_unref);
  g_mutex_clear (&run->mutex);
  g_free (run);
}

/* "…镇人民政府关于2024年度…的报告" → "…镇人民政府" */
static char *
unit_from_title (const char *title)
{
  const char *about;

  if (title == NULL || (about = strstr (title, "关于")) == NULL || about == title)
    return NULL;

  return g_strndup (title, about - title);
}

static gboolean drain_results (gpointer data);

static void
analyse_entry (Run   *run,
               guint  index)
{
  FzBatch *self = run->self;
  Result *result = g_new0 (Result, 1);
  FzBatchEntry *entry;
  g_autoptr(FzReport) report = NULL;
  FzDocument *doc = NULL;

  result->index = index;
  entry = g_ptr_array_index (run->items, result->index);

  /* The one pipeline every holder of a report uses: the file read once
   * under the importer's limits, hashed from those bytes (for saving, and
   * for a restored batch to see which files changed), then checked. */
  if (!g_cancellable_set_error_if_cancelled (run->cancellable, &result->error))
    {
      report = fz_report_new (entry->file, NULL, NULL);
      fz_report_set_ruleset (report, self->rules);
      if (fz_report_load (report, run->cancellable, &result->error))
        doc = fz_report_get_document (report);
      if (self->hash_files || entry->saved_sha256 != NULL)
        result->sha256 = g_strdup (fz_report_get_sha256 (report));
    }

  if (doc != NULL)
    {
      const FzMetadata *meta;
      GPtrArray *elements, *findings;

      result->analysis = g_object_ref (fz_report_get_analysis (report));
      meta = fz_analysis_get_metadata (result->analysis);
      elements = fz_analysis_get_elements (result->analysis);
      findings = fz_analysis_get_findings (result->analysis);

      result->title = g_strdup (meta->title.value);
      result->unit = meta->issuer.value != NULL ? g_strdup (meta->issuer.value)
                                                : unit_from_title (meta->title.value);
      /* A report with neither signature nor title still has its
       * 发文机关标志 (“北坡镇人民政府文件”) more often than not. */
      if (result->unit == NULL && meta->issuer_mark.value != NULL)
        result->unit = g_str_has_suffix (meta->issuer_mark.value, "文件")
                       ? g_strndup (meta->issuer_mark.value, strlen (meta->issuer_mark.value) - strlen ("文件"))
                       : g_strdup (meta->issuer_mark.value);
      result->date = g_strdup (meta->date_iso);
      result->level = meta->level;
      result->year = meta->report_year;
      result->statuses = g_array_sized_new (FALSE, FALSE, sizeof (FzStatus), elements->len);
      for (guint i = 0; i < elements->len; i++)
        g_array_append_val (result->statuses, ((FzElementResult *) g_ptr_array_index (elements, i))->status);
      for (guint i = 0; i < findings->len; i++)
        {
          const FzFinding *f = g_ptr_array_index (findings, i);

          if (f->severity <= FZ_SEVERITY_INFO)
            result->n_findings[f->severity]++;
        }

      if (self->detect_copies)
        result->print = fz_copy_fingerprint_new (doc, entry->reference);
      /* What the score needs of the analysis, taken here where the
       * analysis is at hand; the score itself, with the reviewer's part,
       * is made on the main thread. */
      if (!entry->reference && fz_ruleset_get_score_table (self->rules) != NULL)
        result->facts = fz_score_facts_new (fz_ruleset_get_score_table (self->rules), result->analysis);
    }

  if (self->entry_func != NULL)
    self->entry_func (entry, result->analysis, result->error, self->entry_func_data);
  if (!self->keep_analyses)
    g_clear_object (&result->analysis);

  g_mutex_lock (&run->mutex);
  g_ptr_array_add (run->done, result);
  if (!run->drain_pending)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      run->drain_pending = TRUE;
      /* Not an idle priority: a window animating (a spinner in a slow
       * software renderer) is never idle, and the results would wait. */
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, drain_results, run, NULL);
      g_source_set_static_name (source, "[fazhi] batch results");
      g_source_attach (source, run->context);
    }
  g_mutex_unlock (&run->mutex);
}

/* A file read through LibreOffice waits seconds on another program: it
 * goes to a pool of its own, so that one slow conversion never holds up
 * the files behind it. */
static void
analyse_one (gpointer data,
             gpointer user_data)
{
  Run *run = user_data;
  FzBatchEntry *entry = g_ptr_array_index (run->items, GPOINTER_TO_UINT (data) - 1);

  if (!g_cancellable_is_cancelled (run->cancellable) &&
      fz_import_file_needs_conversion (entry->file, run->cancellable))
    g_thread_pool_push (run->convert_pool, data, NULL);
  else
    analyse_entry (run, GPOINTER_TO_UINT (data) - 1);
}

static void
analyse_converted (gpointer data,
                   gpointer user_data)
{
  analyse_entry (user_data, GPOINTER_TO_UINT (data) - 1);
}

static void
apply_result (FzBatchEntry *entry,
              Result       *result)
{
  GObject *object = G_OBJECT (entry);

  g_object_freeze_notify (object);

  g_clear_object (&entry->analysis);
  g_clear_error (&entry->error);
  entry->analysis = g_steal_pointer (&result->analysis);
  entry->error = g_steal_pointer (&result->error);
  set_str (&entry->sha256, result->sha256);
  g_free (entry->unit);
  entry->unit = g_steal_pointer (&result->unit);
  g_free (entry->title);
  entry->title = g_steal_pointer (&result->title);
  g_free (entry->date);
  entry->date = g_steal_pointer (&result->date);
  entry->level = result->level;
  entry->year = result->year;
  g_clear_pointer (&entry->statuses, g_array_unref);
  entry->statuses = g_steal_pointer (&result->statuses);
  memcpy (entry->n_findings, result->n_findings, sizeof entry->n_findings);
  g_ptr_array_set_size (entry->copy_findings, 0);
  g_clear_pointer (&entry->facts, fz_score_facts_free);
  entry->facts = g_steal_pointer (&result->facts);
  entry->state = entry->error != NULL ? FZ_BATCH_ENTRY_FAILED : FZ_BATCH_ENTRY_DONE;

  g_object_notify_by_pspec (object, entry_properties[ENTRY_PROP_STATE]);
  g_object_notify_by_pspec (object, entry_properties[ENTRY_PROP_UNIT]);
  g_object_notify_by_pspec (object, entry_properties[ENTRY_PROP_TITLE]);
  g_object_notify_by_pspec (object, entry_properties[ENTRY_PROP_YEAR]);
  g_object_notify_by_pspec (object, entry_properties[ENTRY_PROP_CHANGED]);
  update_grade (entry);
  update_score (entry);

  g_object_thaw_notify (object);
  g_signal_emit (entry, entry_signals[ENTRY_CHANGED], 0);
}

static void
set_running (FzBatch  *self,
             gboolean  running)
{
  if (self->running != running)
    {
      self->running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static void
detect_copies_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *pairs = fz_copy_detect (task_data, cancellable, &error);

  if (pairs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify) g_ptr_array_unref);
}

static void
copies_done (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  FzBatch *self = run->self;
  g_autoptr(GPtrArray) pairs = NULL;
  GError *error = NULL;

  pairs = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (pairs == NULL)
    {
      set_running (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const FzCopyPair *pair = g_ptr_array_index (pairs, i);
      FzBatchEntry *a = g_ptr_array_index (run->items, pair->a);
      FzBatchEntry *b = g_ptr_array_index (run->items, pair->b);
      FzCopyFingerprint *pa = g_ptr_array_index (run->prints, pair->a);
      FzCopyFingerprint *pb = g_ptr_array_index (run->prints, pair->b);
      FzBatchCopy *copy = g_new0 (FzBatchCopy, 1);

      copy->a = g_object_ref (a);
      copy->b = g_object_ref (b);
      copy->passages = g_array_ref (pair->passages);
      copy->a_texts = g_ptr_array_new_with_free_func (g_free);
      copy->b_texts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->copies, copy);

      for (guint j = 0; j < pair->passages->len; j++)
        {
          const FzCopyPassage *passage = &g_array_index (pair->passages, FzCopyPassage, j);

          g_ptr_array_add (copy->a_texts, fz_document_dup_range (fz_copy_fingerprint_get_document (pa),
                                                                 passage->a_start, passage->a_end));
          g_ptr_array_add (copy->b_texts, fz_document_dup_range (fz_copy_fingerprint_get_document (pb),
                                                                 passage->b_start, passage->b_end));
          if (!a->reference)
            g_ptr_array_add (a->copy_findings,
                             fz_copy_finding_new (pa, passage, TRUE, b->display_name, b->reference));
          if (!b->reference)
            g_ptr_array_add (b->copy_findings,
                             fz_copy_finding_new (pb, passage, FALSE, a->display_name, a->reference));
        }
    }

  /* The documents the fingerprints hold are no longer needed. */
  g_ptr_array_set_size (run->prints, 0);

  for (guint i = 0; i < run->items->len; i++)
    {
      FzBatchEntry *entry = g_ptr_array_index (run->items, i);

      update_grade (entry);
      if (entry->copy_findings->len > 0)
        update_score (entry);
      if (entry->copy_findings->len > 0)
        g_signal_emit (entry, entry_signals[ENTRY_CHANGED], 0);
    }

  set_running (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
finish_analysis (Run *run)
{
  FzBatch *self = run->self;
  g_autoptr(GTask) task = g_steal_pointer (&run->task);
  guint n_prints = 0, n_graded = 0;

  g_thread_pool_free (g_steal_pointer (&run->pool), FALSE, TRUE);
  g_thread_pool_free (g_steal_pointer (&run->convert_pool), FALSE, TRUE);

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      set_running (self, FALSE);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The batch was cancelled"));
      return;
    }

  for (guint i = 0; i < run->prints->len; i++)
    {
      FzCopyFingerprint *print = g_ptr_array_index (run->prints, i);

      if (print != NULL)
        {
          n_prints++;
          if (!fz_copy_fingerprint_is_reference (print))
            n_graded++;
        }
    }

  if (self->detect_copies && n_prints >= 2 && n_graded >= 1)
    {
      g_autoptr(GTask) copy_task = g_task_new (self, run->cancellable, copies_done, g_object_ref (task));

      g_task_set_source_tag (copy_task, detect_copies_thread);
      g_task_set_task_data (copy_task, g_ptr_array_ref (run->prints), (GDestroyNotify) g_ptr_array_unref);
      g_task_run_in_thread (copy_task, detect_copies_thread);
      return;
    }

  g_ptr_array_set_size (run->prints, 0);
  set_running (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
drain_results (gpointer data)
{
  Run *run = data;
  FzBatch *self = run->self;
  g_autoptr(GPtrArray) done = NULL;

  g_mutex_lock (&run->mutex);
  done = g_steal_pointer (&run->done);
  run->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  run->drain_pending = FALSE;
  g_mutex_unlock (&run->mutex);

  for (guint i = 0; i < done->len; i++)
    {
      Result *result = g_ptr_array_index (done, i);

      g_ptr_array_index (run->prints, result->index) = g_steal_pointer (&result->print);
      /* A report the cancellation kept from being read stays as it was. */
      if (!g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (result->error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED))
        apply_result (g_ptr_array_index (run->items, result->index), result);
    }

  run->n_received += done->len;
  self->n_done += done->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);

  if (run->n_received == run->items->len)
    finish_analysis (run);

  return G_SOURCE_REMOVE;
}

void
fz_batch_analyse_async (FzBatch             *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListStore *stores[] = { self->entries, self->references };
  Run *run;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_batch_analyse_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("The batch is already being analysed"));
      return;
    }

  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->context = g_main_context_ref_thread_default ();
  run->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  run->items = g_ptr_array_new_with_free_func (g_object_unref);
  run->prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  run->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_mutex_init (&run->mutex);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  /* Every report is (re)read: copy detection needs all of them at once. */
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      g_ptr_array_add (run->items, g_list_model_get_item (G_LIST_MODEL (stores[s]), i));
  g_ptr_array_set_size (run->prints, run->items->len);
  g_ptr_array_set_size (self->copies, 0);

  self->n_total = run->items->len;
  self->n_done = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);

  if (run->items->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  set_running (self, TRUE);
  run->pool = g_thread_pool_new (analyse_one, run, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  /* Two at least: one long conversion does not hold up the next either. */
  run->convert_pool = g_thread_pool_new (analyse_converted, run, MAX (2, (int) g_get_num_processors () / 2),
                                         FALSE, NULL);
  for (guint i = 0; i < run->items->len; i++)
    g_thread_pool_push (run->pool, GUINT_TO_POINTER (i + 1), NULL);
  run->task = g_steal_pointer (&task);
}

gboolean
fz_batch_analyse_finish (FzBatch       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

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

/* Saving and restoring */

char *
fz_batch_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fazhi-review", "batches", NULL);
}

static JsonObject *
entry_to_json (FzBatchEntry *entry)
{
  JsonObject *o = json_object_new ();
  g_autofree char *uri = g_file_get_uri (entry->file);
  const char *sha = fz_batch_entry_get_sha256 (entry);
  const char *grade = fz_grade_to_string (entry->override);

  json_object_set_string_member (o, "uri", uri);
  if (sha != NULL)
    json_object_set_string_member (o, "sha256", sha);
  else
    json_object_set_null_member (o, "sha256");

  if (!entry->reference)
    {
      JsonObject *decisions = json_object_new ();
      GHashTableIter iter;
      gpointer key, value;

      if (grade != NULL)
        json_object_set_string_member (o, "grade", grade);
      else
        json_object_set_null_member (o, "grade");

      g_hash_table_iter_init (&iter, entry->decisions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (decisions, key,
                                       fz_status_to_string (GPOINTER_TO_INT (value) - 1));
      json_object_set_object_member (o, "decisions", decisions);
      if (!fz_filing_is_empty (entry->filing))
        json_object_set_object_member (o, "filing", fz_filing_to_json (entry->filing));
    }

  return o;
}

static void
ensure_hashes (FzBatch *self)
{
  GListStore *stores[] = { self->entries, self->references };

  /* A batch saved before it was analysed still records what it holds. */
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

        if (fz_batch_entry_get_sha256 (entry) == NULL)
          entry->sha256 = fz_review_hash_file (entry->file, NULL, NULL);
      }
}

gboolean
fz_batch_save (FzBatch  *self,
               GFile    *file,
               GError  **error)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *data = NULL;
  GListStore *stores[] = { self->entries, self->references };
  const char *names[] = { "reports", "previous" };
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ensure_hashes (self);

  json_object_set_string_member (o, "schema", SAVE_SCHEMA);
  json_object_set_string_member (o, "ruleset", fz_ruleset_get_id (self->rules));
  if (self->reviewer != NULL)
    json_object_set_string_member (o, "reviewer", self->reviewer);
  else
    json_object_set_null_member (o, "reviewer");

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
        {
          g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

          json_array_add_object_element (a, entry_to_json (entry));
        }
      json_object_set_array_member (o, names[s], a);
    }
  json_node_take_object (root, o);
  data = json_to_string (root, TRUE);

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return FALSE;
      g_clear_error (error);
    }

  /* Written beside the old file and renamed over it: a crash leaves the
   * old batch or the new one, never half of one. */
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

static gboolean
load_entries (FzBatch     *self,
              JsonObject  *root,
              const char  *member,
              gboolean     reference,
              GError     **error)
{
  JsonArray *a;

  if (!json_object_has_member (root, member))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, member)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a list of files"), member);
      return FALSE;
    }

  a = json_object_get_array_member (root, member);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *node = json_array_get_element (a, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *uri = o ? json_object_get_string_member_with_default (o, "uri", NULL) : NULL;
      g_autoptr(GFile) file = NULL;
      FzBatchEntry *entry;
      JsonObject *decisions;
      FzGrade grade;

      if (uri == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Entry %u of “%s” names no file"), i + 1, member);
          return FALSE;
        }

      file = g_file_new_for_uri (uri);
      entry = fz_batch_add_file (self, file, reference);
      if (entry == NULL)
        continue;

      entry->saved_sha256 = g_strdup (json_object_get_string_member_with_default (o, "sha256", NULL));
      if (json_object_has_member (o, "filing") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "filing")))
        _fz_filing_from_json (entry->filing, json_object_get_object_member (o, "filing"));
      if (fz_grade_from_string (json_object_get_string_member_with_default (o, "grade", NULL), &grade))
        entry->override = grade;

      decisions = json_object_has_member (o, "decisions") &&
                  JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "decisions"))
                  ? json_object_get_object_member (o, "decisions") : NULL;
      if (decisions != NULL)
        {
          g_autoptr(GList) ids = json_object_get_members (decisions);

          for (const GList *l = ids; l != NULL; l = l->next)
            {
              FzStatus status;

              if (fz_status_from_string (json_object_get_string_member_with_default (decisions, l->data, NULL),
                                         &status))
                g_hash_table_replace (entry->decisions, g_strdup (l->data),
                                      GINT_TO_POINTER (status + 1));
            }
        }
    }

  return TRUE;
}

/**
 * fz_batch_load:
 *
 * Returns: (transfer full): the restored batch, or NULL with @error set
 */
FzBatch *
fz_batch_load (GFile   *file,
               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(FzBatch) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  JsonObject *root;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error) ||
      !json_parser_load_from_data (parser, contents, len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "schema", NULL), SAVE_SCHEMA) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a saved batch of Fazhi Review"), name);
      return NULL;
    }

  rules = fz_ruleset_load (json_object_get_string_member_with_default (root, "ruleset", "national"),
                           &local_error);
  if (rules == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  self = fz_batch_new (rules);
  fz_batch_set_reviewer (self, json_object_get_string_member_with_default (root, "reviewer", NULL));
  if (!load_entries (self, root, "reports", FALSE, &local_error) ||
      !load_entries (self, root, "previous", TRUE, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
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

  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);

  if (self->facts == NULL || self->state != FZ_BATCH_ENTRY_DONE)
    return NULL;

  score = fz_score_new (fz_ruleset_get_score_table (self->rules));
  fz_score_set_facts (score, fz_score_facts_copy (self->facts));
  g_hash_table_iter_init (&iter, self->decisions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FzStatus status = GPOINTER_TO_INT (value) - 1;

      fz_score_set_decision (score, key, &status);
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

  update_grade (self);
  update_score (self);
  g_signal_emit (self, entry_signals[ENTRY_CHANGED], 0);
}

GPtrArray *
fz_batch_entry_get_findings (FzBatchEntry *self,
                             const char   *source)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  return self->findings != NULL ? g_hash_table_lookup (self->findings, source) : NULL;
}

void
fz_batch_get_filing_counts (FzBatch        *self,
                            FzFilingCounts *counts)
{
  GListModel *entries;
  guint n;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (counts != NULL);

  *counts = (FzFilingCounts) { 0 };
  entries = fz_batch_get_entries (self);
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

      fz_filing_counts_add (counts, fz_batch_entry_get_filing (entry),
                            fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_FILING),
                            fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_PUBLICATION));
    }
}
