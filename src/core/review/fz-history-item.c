/* fz-history-item.c: one thing of last year's report followed into this
 * year's
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-history"

#include "config.h"

#include "fz-history-item-private.h"

struct _FzHistoryItem
{
  GObject        parent_instance;

  FzHistoryKind  kind;
  FzFollowUp     follow_up;
  char          *last_text;
  char          *current_text;
  double         similarity;
  char          *last_value;
  char          *current_value;
  double         change;
  guint          last_start;
  guint          last_end;
  guint          current_start;
  guint          current_end;
};

G_DEFINE_FINAL_TYPE (FzHistoryItem, fz_history_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FzHistoryKind, fz_history_kind,
  G_DEFINE_ENUM_VALUE (FZ_HISTORY_PLAN, "plan"),
  G_DEFINE_ENUM_VALUE (FZ_HISTORY_SHORTCOMING, "shortcoming"),
  G_DEFINE_ENUM_VALUE (FZ_HISTORY_REQUEST, "request"),
  G_DEFINE_ENUM_VALUE (FZ_HISTORY_FIGURE, "figure"))

G_DEFINE_ENUM_TYPE (FzFollowUp, fz_follow_up,
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_DONE, "done"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_MENTIONED, "mentioned"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_NOT_MENTIONED, "not_mentioned"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_REPEATED, "repeated"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_ANSWERED, "answered"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_NOT_ANSWERED, "not_answered"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_UP, "up"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_DOWN, "down"),
  G_DEFINE_ENUM_VALUE (FZ_FOLLOW_SAME, "same"))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_FOLLOW_UP,
  PROP_LAST_TEXT,
  PROP_CURRENT_TEXT,
  PROP_SIMILARITY,
  PROP_LAST_VALUE,
  PROP_CURRENT_VALUE,
  PROP_CHANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_history_kind_to_string (FzHistoryKind kind)
{
  switch (kind)
    {
    case FZ_HISTORY_PLAN:        return "plan";
    case FZ_HISTORY_SHORTCOMING: return "shortcoming";
    case FZ_HISTORY_REQUEST:     return "request";
    case FZ_HISTORY_FIGURE:      return "figure";
    default:                     return "plan";
    }
}

const char *
fz_follow_up_to_string (FzFollowUp follow_up)
{
  switch (follow_up)
    {
    case FZ_FOLLOW_DONE:          return "done";
    case FZ_FOLLOW_MENTIONED:     return "mentioned";
    case FZ_FOLLOW_NOT_MENTIONED: return "not_mentioned";
    case FZ_FOLLOW_REPEATED:      return "repeated";
    case FZ_FOLLOW_ANSWERED:      return "answered";
    case FZ_FOLLOW_NOT_ANSWERED:  return "not_answered";
    case FZ_FOLLOW_UP:            return "up";
    case FZ_FOLLOW_DOWN:          return "down";
    case FZ_FOLLOW_SAME:          return "same";
    default:                      return "not_mentioned";
    }
}

const char *
fz_follow_up_to_chinese (FzFollowUp follow_up)
{
  switch (follow_up)
    {
    case FZ_FOLLOW_DONE:          return "已落实";
    case FZ_FOLLOW_MENTIONED:     return "有提及";
    case FZ_FOLLOW_NOT_MENTIONED: return "未提及";
    case FZ_FOLLOW_REPEATED:      return "重复";
    case FZ_FOLLOW_ANSWERED:      return "已回应";
    case FZ_FOLLOW_NOT_ANSWERED:  return "未回应";
    case FZ_FOLLOW_UP:            return "增加";
    case FZ_FOLLOW_DOWN:          return "减少";
    case FZ_FOLLOW_SAME:          return "持平";
    default:                      return "未提及";
    }
}

static void
fz_history_item_finalize (GObject *object)
{
  FzHistoryItem *self = FZ_HISTORY_ITEM (object);

  g_free (self->last_text);
  g_free (self->current_text);
  g_free (self->last_value);
  g_free (self->current_value);

  G_OBJECT_CLASS (fz_history_item_parent_class)->finalize (object);
}

static void
fz_history_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzHistoryItem *self = FZ_HISTORY_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FOLLOW_UP:
      g_value_set_enum (value, self->follow_up);
      break;
    case PROP_LAST_TEXT:
      g_value_set_string (value, self->last_text);
      break;
    case PROP_CURRENT_TEXT:
      g_value_set_string (value, self->current_text);
      break;
    case PROP_SIMILARITY:
      g_value_set_double (value, self->similarity);
      break;
    case PROP_LAST_VALUE:
      g_value_set_string (value, self->last_value);
      break;
    case PROP_CURRENT_VALUE:
      g_value_set_string (value, self->current_value);
      break;
    case PROP_CHANGE:
      g_value_set_double (value, self->change);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_history_item_class_init (FzHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_history_item_finalize;
  object_class->get_property = fz_history_item_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, FZ_TYPE_HISTORY_KIND, FZ_HISTORY_PLAN, ro);
  properties[PROP_FOLLOW_UP] =
    g_param_spec_enum ("follow-up", NULL, NULL, FZ_TYPE_FOLLOW_UP, FZ_FOLLOW_NOT_MENTIONED, ro);
  properties[PROP_LAST_TEXT] = g_param_spec_string ("last-text", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT_TEXT] = g_param_spec_string ("current-text", NULL, NULL, NULL, ro);
  properties[PROP_SIMILARITY] = g_param_spec_double ("similarity", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_LAST_VALUE] = g_param_spec_string ("last-value", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT_VALUE] = g_param_spec_string ("current-value", NULL, NULL, NULL, ro);
  properties[PROP_CHANGE] = g_param_spec_double ("change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_history_item_init (FzHistoryItem *self)
{
  self->last_start = self->last_end = FZ_HISTORY_NO_PLACE;
  self->current_start = self->current_end = FZ_HISTORY_NO_PLACE;
}

FzHistoryItem *
_fz_history_item_new (FzHistoryKind  kind,
                      FzFollowUp     follow_up,
                      const char    *last_text,
                      guint          last_start,
                      guint          last_end)
{
  FzHistoryItem *self = g_object_new (FZ_TYPE_HISTORY_ITEM, NULL);

  self->kind = kind;
  self->follow_up = follow_up;
  self->last_text = g_strdup (last_text);
  self->last_start = last_start;
  self->last_end = last_end;
  return self;
}

void
_fz_history_item_set_current (FzHistoryItem *self,
                              const char    *text,
                              guint          start,
                              guint          end,
                              double         similarity)
{
  g_free (self->current_text);
  self->current_text = g_strdup (text);
  self->current_start = start;
  self->current_end = end;
  self->similarity = CLAMP (similarity, 0, 1);
}

void
_fz_history_item_set_values (FzHistoryItem *self,
                             const char    *last_value,
                             const char    *current_value,
                             double         change)
{
  g_free (self->last_value);
  self->last_value = g_strdup (last_value);
  g_free (self->current_value);
  self->current_value = g_strdup (current_value);
  self->change = change;
}

FzHistoryKind
fz_history_item_get_kind (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), FZ_HISTORY_PLAN);
  return self->kind;
}

FzFollowUp
fz_history_item_get_follow_up (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), FZ_FOLLOW_NOT_MENTIONED);
  return self->follow_up;
}

const char *
fz_history_item_get_last_text (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), NULL);
  return self->last_text;
}

const char *
fz_history_item_get_current_text (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), NULL);
  return self->current_text;
}

double
fz_history_item_get_similarity (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), 0);
  return self->similarity;
}

const char *
fz_history_item_get_last_value (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), NULL);
  return self->last_value;
}

const char *
fz_history_item_get_current_value (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), NULL);
  return self->current_value;
}

double
fz_history_item_get_change (FzHistoryItem *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ITEM (self), 0);
  return self->change;
}

void
fz_history_item_get_last_place (FzHistoryItem *self,
                                guint         *start,
                                guint         *end)
{
  g_return_if_fail (FZ_IS_HISTORY_ITEM (self));
  if (start != NULL)
    *start = self->last_start;
  if (end != NULL)
    *end = self->last_end;
}

void
fz_history_item_get_current_place (FzHistoryItem *self,
                                   guint         *start,
                                   guint         *end)
{
  g_return_if_fail (FZ_IS_HISTORY_ITEM (self));
  if (start != NULL)
    *start = self->current_start;
  if (end != NULL)
    *end = self->current_end;
}
