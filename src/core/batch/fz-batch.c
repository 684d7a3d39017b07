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
 * This file is the batch object: its entries, settings and year.  The
 * entries are fz-batch-entry.c, their grading fz-batch-grade.c, the
 * folder scan fz-batch-scan.c, the workers fz-batch-run.c, the summary
 * fz-batch-summary.c and the .fzbatch file fz-batch-file.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include "fz-batch-private.h"

G_DEFINE_FINAL_TYPE (FzBatch, fz_batch, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
gboolean
_fz_batch_set_str (char       **str,
                   const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

void
_fz_batch_notify (FzBatch     *self,
                  FzBatchProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

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
  g_clear_object (&self->reviews);
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

    case PROP_REVIEWS:
      g_value_set_object (value, self->reviews);
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

    case PROP_REVIEWS:
      fz_batch_set_reviews (self, g_value_get_object (value));
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
  properties[PROP_REVIEWS] =
    g_param_spec_object ("reviews", NULL, NULL, FZ_TYPE_REVIEW_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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

FzReviewStore *
fz_batch_get_reviews (FzBatch *self)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), NULL);
  return self->reviews;
}

void
fz_batch_set_reviews (FzBatch       *self,
                      FzReviewStore *reviews)
{
  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (reviews == NULL || FZ_IS_REVIEW_STORE (reviews));
  /* The workers read it. */
  g_return_if_fail (!self->running);

  if (g_set_object (&self->reviews, reviews))
    _fz_batch_notify (self, PROP_REVIEWS);
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

  entry = _fz_batch_entry_new (file, self->rules, reference);
  g_hash_table_insert (self->files, g_object_ref (file), entry);
  g_list_store_append (reference ? self->references : self->entries, entry);
  self->year_known = FALSE;

  return entry;
}

int
fz_batch_get_year (FzBatch *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint n;
  guint known = 0, best = 0;
  int year = 0;

  g_return_val_if_fail (FZ_IS_BATCH (self), 0);

  /* Asked once for every row of the matrix: counted once. */
  if (self->year_known)
    return self->year;

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
  self->year = best * 2 > known ? year : 0;
  self->year_known = TRUE;

  return self->year;
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

  if (_fz_batch_set_str (&self->reviewer, reviewer))
    _fz_batch_notify (self, PROP_REVIEWER);
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
