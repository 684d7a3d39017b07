/* fz-score-table.c: a bureau's scoring table (评分表), read from XML
 *
 * Bureaus score the reports with their own tables: items with points,
 * deductions for parts that are missing or thin, for problems found (so
 * much each, up to a cap), for filing or publishing late, items the
 * reviewer scores by hand, and bands that turn the total into a 等次.  The
 * table is data, in the same safe XML and with the same line-numbered
 * errors as the rule sets (read in fz-score-table-parse.c); the score
 * itself is computed in FzScore.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score-table"

#include "config.h"

#include "fz-check-registry.h"
#include "fz-i18n.h"
#include "fz-score-table-private.h"

G_DEFINE_FINAL_TYPE (FzScoreTable, fz_score_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_ORIGIN,
  PROP_RULESET_ID,
  PROP_MAX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Parts */

void
_fz_score_rule_free (FzScoreRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->element);
  g_strfreev (rule->findings);
  g_free (rule->label);
  g_free (rule->label_en);
  g_free (rule);
}

void
_fz_score_item_free (FzScoreTableItem *item)
{
  if (item == NULL)
    return;

  g_free (item->id);
  g_free (item->name);
  g_free (item->name_en);
  g_free (item->guide);
  g_free (item->guide_en);
  g_clear_pointer (&item->rules, g_ptr_array_unref);
  g_free (item);
}

void
_fz_score_band_free (FzScoreBand *band)
{
  if (band == NULL)
    return;

  g_free (band->id);
  g_free (band->name);
  g_free (band->name_en);
  g_free (band);
}

const char *
fz_score_table_item_get_display_name (const FzScoreTableItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return fz_localized (item->name, item->name_en);
}

const char *
fz_score_table_item_get_guide (const FzScoreTableItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return fz_localized (item->guide, item->guide_en);
}

const char *
fz_score_band_get_display_name (const FzScoreBand *band)
{
  g_return_val_if_fail (band != NULL, NULL);
  return fz_localized (band->name, band->name_en);
}

const char *
fz_score_rule_get_label (const FzScoreRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return fz_localized (rule->label, rule->label_en);
}

gboolean
fz_score_table_finding_is_known (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  /* copy_overlap comes from comparing a batch's reports, not from a check
   * a rule set can switch, so the checks do not list it. */
  return fz_check_registry_is_known (id) || g_str_equal (id, "copy_overlap");
}

/* The object */

static void
fz_score_table_finalize (GObject *object)
{
  FzScoreTable *self = (FzScoreTable *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_en);
  g_free (self->description);
  g_free (self->description_en);
  g_free (self->origin);
  g_free (self->ruleset_id);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_clear_pointer (&self->counted_ids, g_hash_table_unref);

  G_OBJECT_CLASS (fz_score_table_parent_class)->finalize (object);
}

static void
fz_score_table_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzScoreTable *self = FZ_SCORE_TABLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, fz_score_table_get_display_name (self));
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_RULESET_ID:
      g_value_set_string (value, self->ruleset_id);
      break;

    case PROP_MAX:
      g_value_set_double (value, FZ_SCORE_POINTS (self->max));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_table_class_init (FzScoreTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_score_table_finalize;
  object_class->get_property = fz_score_table_get_property;

  /* Read-only: a table never changes once read. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULESET_ID] =
    g_param_spec_string ("ruleset-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX] =
    g_param_spec_double ("max", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_score_table_init (FzScoreTable *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_score_item_free);
  self->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_score_band_free);
  self->counted_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_fz_score_table_index_findings (FzScoreTable *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const FzScoreTableItem *item = g_ptr_array_index (self->items, i);

      for (guint r = 0; r < item->rules->len; r++)
        {
          const FzScoreRule *rule = g_ptr_array_index (item->rules, r);

          if (rule->kind != FZ_SCORE_RULE_FINDING)
            continue;
          if (rule->findings == NULL)
            self->counted_severities |= 1u << rule->severity;
          for (guint k = 0; rule->findings != NULL && rule->findings[k] != NULL; k++)
            g_hash_table_add (self->counted_ids, rule->findings[k]);
        }
    }
}

const char *
fz_score_table_counts_finding (FzScoreTable *self,
                               const char   *id,
                               FzSeverity    severity,
                               gboolean     *counted)
{
  const char *own;

  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  own = g_hash_table_lookup (self->counted_ids, id);
  if (counted != NULL)
    *counted = own != NULL || (self->counted_severities & (1u << severity)) != 0;

  return own;
}

const char *
fz_score_table_get_id (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return self->id;
}

const char *
fz_score_table_get_name (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return self->name;
}

const char *
fz_score_table_get_display_name (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return fz_localized (self->name, self->name_en);
}

const char *
fz_score_table_get_description (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return fz_localized (self->description, self->description_en);
}

const char *
fz_score_table_get_origin (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return self->origin;
}

const char *
fz_score_table_get_ruleset_id (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  return self->ruleset_id;
}

double
fz_score_table_get_max (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), 0);
  return FZ_SCORE_POINTS (self->max);
}

int
fz_score_table_get_max_centi (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), 0);
  return self->max;
}

guint
fz_score_table_get_n_items (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), 0);
  return self->items->len;
}

const FzScoreTableItem *
fz_score_table_get_item (FzScoreTable *self,
                         guint         index)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

const FzScoreTableItem *
fz_score_table_find_item (FzScoreTable *self,
                          const char   *id)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const FzScoreTableItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (item->id, id))
        return item;
    }

  return NULL;
}

guint
fz_score_table_get_n_bands (FzScoreTable *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), 0);
  return self->bands->len;
}

const FzScoreBand *
fz_score_table_get_band (FzScoreTable *self,
                         guint         index)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);
  return g_ptr_array_index (self->bands, index);
}

const FzScoreBand *
fz_score_table_get_band_for (FzScoreTable *self,
                             int           centi)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE (self), NULL);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const FzScoreBand *band = g_ptr_array_index (self->bands, i);

      if (centi >= band->min)
        return band;
    }

  return NULL;
}
