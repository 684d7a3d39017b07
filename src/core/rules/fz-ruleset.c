/* fz-ruleset.c: a rule set, read safely from XML, built in or the user's own
 *
 * The object and what it answers: its elements in checking order, its
 * deadlines, check settings and scoring table, each looked up through the
 * sets it extends.  Reading is in fz-ruleset-parse.c and
 * fz-ruleset-element.c, finding the file in fz-ruleset-load.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include "fz-check-registry.h"
#include "fz-i18n.h"
#include "fz-ruleset-private.h"

G_DEFINE_FINAL_TYPE (FzRuleSet, fz_ruleset, G_TYPE_OBJECT)

static void
rule_check_free (gpointer data)
{
  FzRuleCheck *check = data;

  g_clear_pointer (&check->params, g_hash_table_unref);
  g_free (check);
}

static void
fz_ruleset_finalize (GObject *object)
{
  FzRuleSet *self = (FzRuleSet *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_en);
  g_free (self->description);
  g_free (self->description_en);
  g_free (self->source);
  g_free (self->origin);
  g_free (self->extends);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->own, g_ptr_array_unref);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_object (&self->scoring);

  G_OBJECT_CLASS (fz_ruleset_parent_class)->finalize (object);
}

/* Read-only, so that lists of rule sets can be bound to in the window. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_ruleset_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FzRuleSet *self = FZ_RULESET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, fz_ruleset_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_ruleset_class_init (FzRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_ruleset_finalize;
  object_class->get_property = fz_ruleset_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_ruleset_init (FzRuleSet *self)
{
  self->own = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_rule_element_free);
  self->elements = g_ptr_array_new ();
  self->deadline_month = 3;
  self->deadline_day = 1;
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rule_check_free);
}

const char *
fz_ruleset_get_id (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->id;
}

const char *
fz_ruleset_get_name (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->name;
}

const char *
fz_ruleset_get_display_name (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return fz_localized (self->name, self->name_en);
}

const char *
fz_ruleset_get_description (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return fz_localized (self->description, self->description_en);
}

const char *
fz_ruleset_get_source (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->source;
}

const char *
fz_ruleset_get_origin (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->origin;
}

const char *
fz_ruleset_get_extends (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  return self->extends;
}

guint
fz_ruleset_get_n_elements (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), 0);

  return self->elements->len;
}

const FzRuleElement *
fz_ruleset_get_element (FzRuleSet *self,
                        guint      index)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);
  g_return_val_if_fail (index < self->elements->len, NULL);

  return g_ptr_array_index (self->elements, index);
}

const FzRuleElement *
fz_ruleset_find_element (FzRuleSet  *self,
                         const char *id)
{
  int k;

  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  k = _fz_rule_elements_find (self->elements, id);
  return k >= 0 ? g_ptr_array_index (self->elements, k) : NULL;
}

void
fz_ruleset_get_deadline (FzRuleSet *self,
                         guint     *month,
                         guint     *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));

  if (month != NULL)
    *month = self->deadline_month;
  if (day != NULL)
    *day = self->deadline_day;
}

/* A deadline the set names for @level itself comes first, then its own
 * default, then what it inherits: a set's own <deadline> replaces the
 * inherited ones for every level it does not name. */
void
fz_ruleset_get_deadline_for_level (FzRuleSet *self,
                                   FzLevel    level,
                                   guint     *month,
                                   guint     *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      if (level > FZ_LEVEL_UNKNOWN && level <= FZ_LEVEL_DEPARTMENT && set->level_deadline_month[level] != 0)
        {
          *month = set->level_deadline_month[level];
          *day = set->level_deadline_day[level];
          return;
        }
      if (set->deadline_own)
        {
          *month = set->deadline_month;
          *day = set->deadline_day;
          return;
        }
    }

  /* Nobody named one: the default, inherited or built in. */
  *month = self->deadline_month;
  *day = self->deadline_day;
}

void
fz_ruleset_get_deadline_for (FzRuleSet      *self,
                             FzDeadlineKind  kind,
                             FzLevel         level,
                             guint          *month,
                             guint          *day)
{
  g_return_if_fail (FZ_IS_RULESET (self));
  g_return_if_fail (month != NULL && day != NULL);

  if (kind == FZ_DEADLINE_FILING)
    {
      fz_ruleset_get_deadline_for_level (self, level, month, day);
      return;
    }

  /* As for filing: the level's own date, then the set's plain one, then
   * up the chain of sets it extends. */
  if (level < FZ_LEVEL_UNKNOWN || level > FZ_LEVEL_DEPARTMENT)
    level = FZ_LEVEL_UNKNOWN;
  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      if (set->publication_month[level] != 0)
        {
          *month = set->publication_month[level];
          *day = set->publication_day[level];
          return;
        }
      if (set->publication_month[FZ_LEVEL_UNKNOWN] != 0)
        {
          *month = set->publication_month[FZ_LEVEL_UNKNOWN];
          *day = set->publication_day[FZ_LEVEL_UNKNOWN];
          return;
        }
    }

  /* 督察工作规定 第二十四条: public by 4月1日. */
  *month = 4;
  *day = 1;
}

FzScoreTable *
fz_ruleset_get_score_table (FzRuleSet *self)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), NULL);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    if (set->scoring != NULL)
      return set->scoring;

  return NULL;
}

gboolean
fz_ruleset_get_check_enabled (FzRuleSet  *self,
                              const char *id)
{
  g_return_val_if_fail (FZ_IS_RULESET (self), TRUE);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      const FzRuleCheck *check = g_hash_table_lookup (set->checks, id);

      if (check != NULL && check->enabled >= 0)
        return check->enabled;
    }

  return TRUE;
}

double
fz_ruleset_get_check_param (FzRuleSet  *self,
                            const char *id,
                            const char *param)
{
  double value = 0, min, max;

  g_return_val_if_fail (FZ_IS_RULESET (self), 0);

  if (!fz_check_registry_get_param (id, param, &value, &min, &max))
    g_return_val_if_reached (0);

  for (FzRuleSet *set = self; set != NULL; set = set->parent)
    {
      const FzRuleCheck *check = g_hash_table_lookup (set->checks, id);
      const double *v = check != NULL ? g_hash_table_lookup (check->params, param) : NULL;

      if (v != NULL)
        return *v;
    }

  return value;
}
