/* fz-checklist-item.c: one required element of a report, as the checklist shows it
 *
 * The checker's conclusion and the reviewer's decision side by side, as
 * properties a row can bind to.  A decision changes the item in place and
 * notifies just what changed, so the row repaints and nothing is rebuilt.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-checklist-item.h"
#include "fz-enums.h"

struct _FzChecklistItem
{
  GObject                parent_instance;

  FzAnalysis            *analysis;    /* owns @result */
  const FzElementResult *result;
  FzReview              *review;      /* nullable */

  gboolean               decided;
  FzStatus               decision;
  char                  *reason;
};

G_DEFINE_FINAL_TYPE (FzChecklistItem, fz_checklist_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ELEMENT_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_REQUIRED,
  PROP_MACHINE_STATUS,
  PROP_CONFIDENCE,
  PROP_EXPLANATION,
  PROP_DECIDED,
  PROP_DECISION,
  PROP_REASON,
  PROP_STATUS,
  PROP_OVERRIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
fz_checklist_item_sync (FzChecklistItem *self)
{
  const char *reason = NULL;
  FzStatus decision = self->result->status;
  FzStatus old_status;
  gboolean old_overridden;
  gboolean decided = FALSE;

  g_return_if_fail (FZ_IS_CHECKLIST_ITEM (self));

  if (self->review != NULL)
    decided = fz_review_get_decision (self->review, self->result->id, &decision, &reason, NULL);
  if (!decided)
    {
      decision = self->result->status;
      reason = NULL;
    }

  old_status = fz_checklist_item_get_status (self);
  old_overridden = fz_checklist_item_get_overridden (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->decided != decided)
    {
      self->decided = decided;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED]);
    }
  if (self->decision != decision)
    {
      self->decision = decision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  if (old_status != fz_checklist_item_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (old_overridden != fz_checklist_item_get_overridden (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDDEN]);

  g_object_thaw_notify (G_OBJECT (self));
}

const FzElementResult *
fz_checklist_item_get_result (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->result;
}

FzAnalysis *
fz_checklist_item_get_analysis (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->analysis;
}

const char *
fz_checklist_item_get_element_id (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->result->id;
}

const char *
fz_checklist_item_get_name (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->result->name;
}

const char *
fz_checklist_item_get_short_name (FzChecklistItem *self)
{
  const FzRuleElement *element;

  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  element = fz_ruleset_find_element (fz_analysis_get_ruleset (self->analysis), self->result->id);

  return element != NULL ? fz_rule_element_get_short_name (element) : self->result->name;
}

gboolean
fz_checklist_item_get_required (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);

  return self->result->required;
}

FzStatus
fz_checklist_item_get_machine_status (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FZ_STATUS_NEEDS_REVIEW);

  return self->result->status;
}

double
fz_checklist_item_get_confidence (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), 0);

  return self->result->confidence;
}

const char *
fz_checklist_item_get_explanation (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->result->explanation;
}

gboolean
fz_checklist_item_get_decided (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);

  return self->decided;
}

FzStatus
fz_checklist_item_get_decision (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FZ_STATUS_NEEDS_REVIEW);

  return self->decision;
}

const char *
fz_checklist_item_get_reason (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), NULL);

  return self->reason;
}

FzStatus
fz_checklist_item_get_status (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FZ_STATUS_NEEDS_REVIEW);

  return self->decided ? self->decision : self->result->status;
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

gboolean
fz_checklist_item_get_target (FzChecklistItem *self,
                              guint           *start,
                              guint           *end)
{
  const FzElementResult *result;
  GPtrArray *sections;

  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);

  result = self->result;
  for (guint i = 0; result->evidence != NULL && i < result->evidence->len; i++)
    {
      const FzRange *range = &g_array_index (result->evidence, FzRange, i);

      if (range->end > range->start &&
          !is_foreign_heading (self->analysis, result->id, range->start, range->end))
        {
          if (start != NULL)
            *start = range->start;
          if (end != NULL)
            *end = range->end;
          return TRUE;
        }
    }

  sections = fz_analysis_get_sections (self->analysis);
  if (result->section >= 0 && (guint) result->section < sections->len)
    {
      const FzSection *section = g_ptr_array_index (sections, result->section);

      if (start != NULL)
        *start = section->start;
      if (end != NULL)
        *end = section->heading_end;
      return TRUE;
    }

  return FALSE;
}

gboolean
fz_checklist_item_get_overridden (FzChecklistItem *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_ITEM (self), FALSE);

  return self->decided && self->decision != self->result->status;
}

static void
fz_checklist_item_finalize (GObject *object)
{
  FzChecklistItem *self = FZ_CHECKLIST_ITEM (object);

  g_clear_object (&self->analysis);
  g_clear_object (&self->review);
  g_clear_pointer (&self->reason, g_free);

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
    case PROP_ELEMENT_ID:
      g_value_set_string (value, fz_checklist_item_get_element_id (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, fz_checklist_item_get_name (self));
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, fz_checklist_item_get_short_name (self));
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, fz_checklist_item_get_required (self));
      break;

    case PROP_MACHINE_STATUS:
      g_value_set_enum (value, fz_checklist_item_get_machine_status (self));
      break;

    case PROP_CONFIDENCE:
      g_value_set_double (value, fz_checklist_item_get_confidence (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, fz_checklist_item_get_explanation (self));
      break;

    case PROP_DECIDED:
      g_value_set_boolean (value, self->decided);
      break;

    case PROP_DECISION:
      g_value_set_enum (value, self->decision);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, fz_checklist_item_get_status (self));
      break;

    case PROP_OVERRIDDEN:
      g_value_set_boolean (value, fz_checklist_item_get_overridden (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_checklist_item_class_init (FzChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_checklist_item_finalize;
  object_class->get_property = fz_checklist_item_get_property;

  properties[PROP_ELEMENT_ID] = g_param_spec_string ("element-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, NULL, flags);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, flags);
  properties[PROP_MACHINE_STATUS] =
    g_param_spec_enum ("machine-status", NULL, NULL, FZ_TYPE_STATUS, FZ_STATUS_NEEDS_REVIEW, flags);
  properties[PROP_CONFIDENCE] = g_param_spec_double ("confidence", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED] = g_param_spec_boolean ("decided", NULL, NULL, FALSE, flags);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, FZ_TYPE_STATUS, FZ_STATUS_NEEDS_REVIEW, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, FZ_TYPE_STATUS, FZ_STATUS_NEEDS_REVIEW, flags);
  properties[PROP_OVERRIDDEN] = g_param_spec_boolean ("overridden", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

void
fz_checklist_item_set_review (FzChecklistItem *self,
                              FzReview        *review)
{
  g_return_if_fail (FZ_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  if (g_set_object (&self->review, review))
    fz_checklist_item_sync (self);
}

static void
fz_checklist_item_init (FzChecklistItem *self)
{
}

FzChecklistItem *
fz_checklist_item_new (FzAnalysis            *analysis,
                       const FzElementResult *result,
                       FzReview              *review)
{
  FzChecklistItem *self;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  self = g_object_new (FZ_TYPE_CHECKLIST_ITEM, NULL);
  self->analysis = g_object_ref (analysis);
  self->result = result;
  self->review = review != NULL ? g_object_ref (review) : NULL;
  self->decision = result->status;
  fz_checklist_item_sync (self);

  return self;
}
