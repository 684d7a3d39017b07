/* fz-score-item.c: one item of a report's score
 *
 * The window lists a report's score item by item, each with its points,
 * the reason for what it lost and the evidence; the reviewer may set any
 * item.  The items are the rows of that list: FzScore fills them, and
 * they notify only what changed, so a bound row updates in place.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score"

#include "config.h"

#include "fz-score-item-private.h"
#include "fz-object-util.h"

struct _FzScoreItem
{
  GObject                 parent_instance;

  const FzScoreTableItem *definition; /* borrowed from the table FzScore holds */
  int                     points;
  int                     machine_points;
  char                   *reason;
  char                   *adjustment_reason;
  gboolean                pending;
  gboolean                adjusted;
  GPtrArray              *deductions;
};

G_DEFINE_BOXED_TYPE (FzScoreDeduction, fz_score_deduction, fz_score_deduction_copy, fz_score_deduction_free)
G_DEFINE_FINAL_TYPE (FzScoreItem, fz_score_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GUIDE,
  PROP_MAX,
  PROP_POINTS,
  PROP_DEDUCTED,
  PROP_MACHINE_POINTS,
  PROP_REASON,
  PROP_MANUAL,
  PROP_PENDING,
  PROP_ADJUSTED,
  PROP_ADJUSTMENT_REASON,
  N_PROPS
};

enum {
  DEDUCTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

FzScoreDeduction *
fz_score_deduction_copy (const FzScoreDeduction *deduction)
{
  FzScoreDeduction *copy;

  g_return_val_if_fail (deduction != NULL, NULL);

  copy = g_memdup2 (deduction, sizeof *deduction);
  copy->ref = g_strdup (deduction->ref);
  copy->label = g_strdup (deduction->label);
  copy->label_zh = g_strdup (deduction->label_zh);
  copy->evidence = deduction->evidence ? g_array_copy (deduction->evidence) : NULL;

  return copy;
}

void
fz_score_deduction_free (FzScoreDeduction *deduction)
{
  if (deduction == NULL)
    return;

  g_free (deduction->ref);
  g_free (deduction->label);
  g_free (deduction->label_zh);
  g_clear_pointer (&deduction->evidence, g_array_unref);
  g_free (deduction);
}

static void
fz_score_item_finalize (GObject *object)
{
  FzScoreItem *self = (FzScoreItem *) object;

  g_free (self->reason);
  g_free (self->adjustment_reason);
  g_clear_pointer (&self->deductions, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_score_item_parent_class)->finalize (object);
}

static void
fz_score_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FzScoreItem *self = FZ_SCORE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, fz_score_item_get_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, fz_score_item_get_name (self));
      break;

    case PROP_GUIDE:
      g_value_set_string (value, fz_score_item_get_guide (self));
      break;

    case PROP_MAX:
      g_value_set_double (value, fz_score_item_get_max (self));
      break;

    case PROP_POINTS:
      g_value_set_double (value, fz_score_item_get_points (self));
      break;

    case PROP_DEDUCTED:
      g_value_set_double (value, fz_score_item_get_deducted (self));
      break;

    case PROP_MACHINE_POINTS:
      g_value_set_double (value, fz_score_item_get_machine_points (self));
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_MANUAL:
      g_value_set_boolean (value, self->definition->manual);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_ADJUSTED:
      g_value_set_boolean (value, self->adjusted);
      break;

    case PROP_ADJUSTMENT_REASON:
      g_value_set_string (value, self->adjustment_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_item_class_init (FzScoreItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_score_item_finalize;
  object_class->get_property = fz_score_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GUIDE] = g_param_spec_string ("guide", NULL, NULL, NULL, flags);
  properties[PROP_MAX] = g_param_spec_double ("max", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_POINTS] = g_param_spec_double ("points", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_DEDUCTED] = g_param_spec_double ("deducted", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_MACHINE_POINTS] =
    g_param_spec_double ("machine-points", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_MANUAL] = g_param_spec_boolean ("manual", NULL, NULL, FALSE, flags);
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, flags);
  properties[PROP_ADJUSTED] = g_param_spec_boolean ("adjusted", NULL, NULL, FALSE, flags);
  properties[PROP_ADJUSTMENT_REASON] =
    g_param_spec_string ("adjustment-reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The deductions (fz_score_item_get_deductions()) are new: what they
   * cost or where their evidence lies.  The reason says most of it, but
   * not while the reviewer's points stand in for the checks'. */
  signals[DEDUCTIONS_CHANGED] = fz_signal_new (klass, "deductions-changed", 0);
}

static void
fz_score_item_init (FzScoreItem *self)
{
  self->deductions = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_score_deduction_free);
}

FzScoreItem *
_fz_score_item_new (const FzScoreTableItem *definition)
{
  FzScoreItem *self = g_object_new (FZ_TYPE_SCORE_ITEM, NULL);

  self->definition = definition;
  self->points = definition->manual ? 0 : definition->points;
  self->machine_points = self->points;
  self->pending = definition->manual;

  return self;
}

static gboolean
deductions_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const FzScoreDeduction *x = g_ptr_array_index (a, i);
      const FzScoreDeduction *y = g_ptr_array_index (b, i);

      if (x->points != y->points || x->count != y->count || x->status != y->status ||
          x->by_reviewer != y->by_reviewer || g_strcmp0 (x->ref, y->ref) != 0 ||
          (x->evidence ? x->evidence->len : 0) != (y->evidence ? y->evidence->len : 0))
        return FALSE;
      for (guint k = 0; x->evidence != NULL && k < x->evidence->len; k++)
        if (g_array_index (x->evidence, FzRange, k).start != g_array_index (y->evidence, FzRange, k).start ||
            g_array_index (x->evidence, FzRange, k).end != g_array_index (y->evidence, FzRange, k).end)
          return FALSE;
    }

  return TRUE;
}

void
_fz_score_item_update (FzScoreItem      *self,
                       FzScoreItemState *state)
{
  GObject *object = G_OBJECT (self);
  gboolean changed = FALSE;

  g_object_freeze_notify (object);

  if (self->points != state->points)
    {
      self->points = state->points;
      g_object_notify_by_pspec (object, properties[PROP_POINTS]);
      g_object_notify_by_pspec (object, properties[PROP_DEDUCTED]);
    }
  if (self->machine_points != state->machine_points)
    {
      self->machine_points = state->machine_points;
      g_object_notify_by_pspec (object, properties[PROP_MACHINE_POINTS]);
    }
  if (self->pending != state->pending)
    {
      self->pending = state->pending;
      g_object_notify_by_pspec (object, properties[PROP_PENDING]);
    }
  if (self->adjusted != state->adjusted)
    {
      self->adjusted = state->adjusted;
      g_object_notify_by_pspec (object, properties[PROP_ADJUSTED]);
    }
  if (g_strcmp0 (self->adjustment_reason, state->adjustment_reason) != 0)
    {
      g_free (self->adjustment_reason);
      self->adjustment_reason = g_strdup (state->adjustment_reason);
      g_object_notify_by_pspec (object, properties[PROP_ADJUSTMENT_REASON]);
    }
  if (g_strcmp0 (self->reason, state->reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_steal_pointer (&state->reason);
      g_object_notify_by_pspec (object, properties[PROP_REASON]);
    }
  g_clear_pointer (&state->reason, g_free);

  if (!deductions_equal (self->deductions, state->deductions))
    {
      g_ptr_array_unref (self->deductions);
      self->deductions = g_steal_pointer (&state->deductions);
      changed = TRUE;
    }
  g_clear_pointer (&state->deductions, g_ptr_array_unref);

  g_object_thaw_notify (object);
  if (changed)
    g_signal_emit (self, signals[DEDUCTIONS_CHANGED], 0);
}

const FzScoreTableItem *
_fz_score_item_get_definition (FzScoreItem *self)
{
  return self->definition;
}

int
_fz_score_item_get_points_centi (FzScoreItem *self)
{
  return self->points;
}

const char *
fz_score_item_get_id (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return self->definition->id;
}

const char *
fz_score_item_get_name (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return fz_score_table_item_get_display_name (self->definition);
}

const char *
fz_score_item_get_guide (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return fz_score_table_item_get_guide (self->definition);
}

double
fz_score_item_get_max (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), 0);
  return FZ_SCORE_POINTS (self->definition->points);
}

double
fz_score_item_get_points (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), 0);
  return FZ_SCORE_POINTS (self->points);
}

double
fz_score_item_get_deducted (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), 0);
  return self->pending ? 0 : FZ_SCORE_POINTS (self->definition->points - self->points);
}

double
fz_score_item_get_machine_points (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), 0);
  return FZ_SCORE_POINTS (self->machine_points);
}

const char *
fz_score_item_get_reason (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return self->reason;
}

gboolean
fz_score_item_get_manual (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), FALSE);
  return self->definition->manual;
}

gboolean
fz_score_item_get_pending (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), FALSE);
  return self->pending;
}

gboolean
fz_score_item_get_adjusted (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), FALSE);
  return self->adjusted;
}

const char *
fz_score_item_get_adjustment_reason (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return self->adjustment_reason;
}

GPtrArray *
fz_score_item_get_deductions (FzScoreItem *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM (self), NULL);
  return self->deductions;
}
