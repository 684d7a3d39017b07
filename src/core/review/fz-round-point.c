/* fz-round-point.c: a point raised in the first round of a review, as it
 * stands in the revised report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-rounds"

#include "config.h"

#include "fz-round-point-private.h"

struct _FzRoundPoint
{
  GObject       parent_instance;

  FzPointKind   kind;
  char         *key;
  char         *text;
  char         *explanation;
  FzPointState  proposed;
  FzPointState  confirmed_state;
  gboolean      confirmed;
  guint         first_start;
  guint         first_end;
  guint         second_start;
  guint         second_end;
};

G_DEFINE_FINAL_TYPE (FzRoundPoint, fz_round_point, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FzPointKind, fz_point_kind,
  G_DEFINE_ENUM_VALUE (FZ_POINT_ELEMENT, "element"),
  G_DEFINE_ENUM_VALUE (FZ_POINT_FINDING, "finding"),
  G_DEFINE_ENUM_VALUE (FZ_POINT_ANNOTATION, "annotation"),
  G_DEFINE_ENUM_VALUE (FZ_POINT_RECTIFICATION, "rectification"))

G_DEFINE_ENUM_TYPE (FzPointState, fz_point_state,
  G_DEFINE_ENUM_VALUE (FZ_POINT_RESOLVED, "resolved"),
  G_DEFINE_ENUM_VALUE (FZ_POINT_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (FZ_POINT_CHANGED, "changed"))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_TEXT,
  PROP_EXPLANATION,
  PROP_PROPOSED_STATE,
  PROP_STATE,
  PROP_CONFIRMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_point_kind_to_string (FzPointKind kind)
{
  switch (kind)
    {
    case FZ_POINT_ELEMENT:       return "element";
    case FZ_POINT_FINDING:       return "finding";
    case FZ_POINT_ANNOTATION:    return "annotation";
    case FZ_POINT_RECTIFICATION: return "rectification";
    default:                     return "finding";
    }
}

const char *
fz_point_state_to_string (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED: return "resolved";
    case FZ_POINT_OPEN:     return "open";
    case FZ_POINT_CHANGED:  return "changed";
    default:                return "changed";
    }
}

gboolean
fz_point_state_from_string (const char   *str,
                            FzPointState *state)
{
  static const FzPointState all[] = { FZ_POINT_RESOLVED, FZ_POINT_OPEN, FZ_POINT_CHANGED };

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (str, fz_point_state_to_string (all[i])))
      {
        if (state != NULL)
          *state = all[i];
        return TRUE;
      }
  return FALSE;
}

const char *
fz_point_state_to_chinese (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED: return "已整改";
    case FZ_POINT_OPEN:     return "仍未整改";
    case FZ_POINT_CHANGED:  return "有改动待核实";
    default:                return "有改动待核实";
    }
}

static void
fz_round_point_finalize (GObject *object)
{
  FzRoundPoint *self = FZ_ROUND_POINT (object);

  g_free (self->key);
  g_free (self->text);
  g_free (self->explanation);

  G_OBJECT_CLASS (fz_round_point_parent_class)->finalize (object);
}

static void
fz_round_point_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzRoundPoint *self = FZ_ROUND_POINT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_PROPOSED_STATE:
      g_value_set_enum (value, self->proposed);
      break;
    case PROP_STATE:
      g_value_set_enum (value, fz_round_point_get_state (self));
      break;
    case PROP_CONFIRMED:
      g_value_set_boolean (value, self->confirmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_round_point_class_init (FzRoundPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_round_point_finalize;
  object_class->get_property = fz_round_point_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FZ_TYPE_POINT_KIND, FZ_POINT_ELEMENT, ro);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, ro);
  properties[PROP_PROPOSED_STATE] =
    g_param_spec_enum ("proposed-state", NULL, NULL, FZ_TYPE_POINT_STATE, FZ_POINT_OPEN, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FZ_TYPE_POINT_STATE, FZ_POINT_OPEN, ro);
  properties[PROP_CONFIRMED] = g_param_spec_boolean ("confirmed", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_round_point_init (FzRoundPoint *self)
{
  self->first_start = self->first_end = FZ_ROUND_POINT_NO_PLACE;
  self->second_start = self->second_end = FZ_ROUND_POINT_NO_PLACE;
}

FzRoundPoint *
_fz_round_point_new (FzPointKind   kind,
                     const char   *key,
                     const char   *text,
                     FzPointState  proposed,
                     const char   *explanation)
{
  FzRoundPoint *self = g_object_new (FZ_TYPE_ROUND_POINT, NULL);

  self->kind = kind;
  self->key = g_strdup (key);
  self->text = g_strdup (text);
  self->proposed = proposed;
  self->explanation = g_strdup (explanation);
  return self;
}

void
_fz_round_point_set_places (FzRoundPoint *self,
                            guint         first_start,
                            guint         first_end,
                            guint         second_start,
                            guint         second_end)
{
  self->first_start = first_start;
  self->first_end = first_end;
  self->second_start = second_start;
  self->second_end = second_end;
}

void
_fz_round_point_set_confirmed (FzRoundPoint *self,
                               gboolean      confirmed,
                               FzPointState  state)
{
  FzPointState before = fz_round_point_get_state (self);

  if (self->confirmed == confirmed && (!confirmed || self->confirmed_state == state))
    return;
  self->confirmed = confirmed;
  self->confirmed_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED]);
  if (fz_round_point_get_state (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

FzPointKind
fz_round_point_get_kind (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), FZ_POINT_ELEMENT);
  return self->kind;
}

const char *
fz_round_point_get_key (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), NULL);
  return self->key;
}

const char *
fz_round_point_get_text (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), NULL);
  return self->text;
}

const char *
fz_round_point_get_explanation (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), NULL);
  return self->explanation;
}

FzPointState
fz_round_point_get_proposed_state (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), FZ_POINT_OPEN);
  return self->proposed;
}

FzPointState
fz_round_point_get_state (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), FZ_POINT_OPEN);
  return self->confirmed ? self->confirmed_state : self->proposed;
}

gboolean
fz_round_point_get_confirmed (FzRoundPoint *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_POINT (self), FALSE);
  return self->confirmed;
}

void
fz_round_point_get_first_place (FzRoundPoint *self,
                                guint        *start,
                                guint        *end)
{
  g_return_if_fail (FZ_IS_ROUND_POINT (self));
  if (start != NULL)
    *start = self->first_start;
  if (end != NULL)
    *end = self->first_end;
}

void
fz_round_point_get_second_place (FzRoundPoint *self,
                                 guint        *start,
                                 guint        *end)
{
  g_return_if_fail (FZ_IS_ROUND_POINT (self));
  if (start != NULL)
    *start = self->second_start;
  if (end != NULL)
    *end = self->second_end;
}
