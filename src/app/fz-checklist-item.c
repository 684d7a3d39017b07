/* fz-checklist-item.c: one element of the checklist, as the reviewer sees it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-checklist-item.h"
#include "fz-element-color.h"

struct _FzChecklistItem
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *explanation;
  char     *color;
  char     *reason;
  FzStatus  machine_status;
  FzStatus  status;
  guint     target_start;
  guint     target_end;
  guint     required : 1;
  guint     decided : 1;
  guint     has_target : 1;
};

G_DEFINE_FINAL_TYPE (FzChecklistItem, fz_checklist_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REQUIRED,
  PROP_STATUS,
  PROP_DECIDED,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_checklist_item_finalize (GObject *object)
{
  FzChecklistItem *self = FZ_CHECKLIST_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->explanation);
  g_free (self->color);
  g_free (self->reason);

  G_OBJECT_CLASS (fz_checklist_item_parent_class)->finalize (object);
}

static void
fz_checklist_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzChecklistItem *self = FZ_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_DECIDED:
      g_value_set_boolean (value, self->decided);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_checklist_item_class_init (FzChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_checklist_item_finalize;
  object_class->get_property = fz_checklist_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, FZ_STATUS_PRESENT, FZ_STATUS_NEEDS_REVIEW, FZ_STATUS_NEEDS_REVIEW,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED] =
    g_param_spec_boolean ("decided", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_checklist_item_init (FzChecklistItem *self)
{
}

/* Whether [@start, @end) is a section heading another element claims: the
 * 不足 heading that 不足的原因 shares is the 不足's to show. */
static gboolean
is_foreign_heading (FzAnalysis *analysis,
                    const char *element_id,
                    guint       start,
                    guint       end)
{
  GPtrArray *sections = fz_analysis_get_sections (analysis);

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      if (s->start == start && s->heading_end == end)
        return s->element != NULL && g_strcmp0 (s->element, element_id) != 0;
    }

  return FALSE;
}

FzChecklistItem *
fz_checklist_item_new (FzAnalysis            *analysis,
                       const FzElementResult *result)
{
  FzChecklistItem *self;
  GPtrArray *sections;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (FZ_TYPE_CHECKLIST_ITEM, NULL);
  self->id = g_strdup (result->id);
  self->name = g_strdup (result->name);
  self->explanation = g_strdup (result->explanation);
  self->required = result->required;
  self->machine_status = self->status = result->status;

  for (guint i = 0; result->evidence != NULL && i < result->evidence->len && !self->has_target; i++)
    {
      const FzRange *range = &g_array_index (result->evidence, FzRange, i);

      if (range->end > range->start &&
          !is_foreign_heading (analysis, result->id, range->start, range->end))
        {
          self->target_start = range->start;
          self->target_end = range->end;
          self->has_target = TRUE;
        }
    }

  sections = fz_analysis_get_sections (analysis);
  if (!self->has_target && result->section >= 0 && (guint) result->section < sections->len)
    {
      const FzSection *section = g_ptr_array_index (sections, result->section);

      self->target_start = section->start;
      self->target_end = section->heading_end;
      self->has_target = TRUE;
    }

  if (self->has_target)
    self->color = g_strdup (fz_element_color (analysis, result->id));

  return self;
}

const char *
fz_checklist_item_get_id (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);
  return self->id;
}

const char *
fz_checklist_item_get_name (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);
  return self->name;
}

gboolean
fz_checklist_item_get_required (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);
  return self->required;
}

FzStatus
fz_checklist_item_get_machine_status (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FZ_STATUS_NEEDS_REVIEW);
  return self->machine_status;
}

const char *
fz_checklist_item_get_explanation (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);
  return self->explanation;
}

const char *
fz_checklist_item_get_color (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);
  return self->color;
}

FzStatus
fz_checklist_item_get_status (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FZ_STATUS_NEEDS_REVIEW);
  return self->status;
}

gboolean
fz_checklist_item_get_decided (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);
  return self->decided;
}

const char *
fz_checklist_item_get_reason (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);
  return self->reason;
}

gboolean
fz_checklist_item_get_target (FzChecklistItem *self,
                              guint           *start,
                              guint           *end)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);

  if (start != NULL)
    *start = self->target_start;
  if (end != NULL)
    *end = self->target_end;

  return self->has_target;
}

void
fz_checklist_item_sync (FzChecklistItem *self,
                        FzReview        *review)
{
  FzStatus status = self->machine_status;
  const char *reason = NULL;
  gboolean decided;

  g_return_if_fail (FZ_IS_CHECKLIST_ITEM (self));

  decided = review != NULL && fz_review_get_decision (review, self->id, &status, &reason, NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->decided != decided)
    {
      self->decided = decided;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED]);
    }
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
