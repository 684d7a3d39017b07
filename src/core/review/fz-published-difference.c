/* fz-published-difference.c: one place where the published page differs
 *
 * A finding's message says what differs in a sentence, which suits the
 * memo; a list beside the report wants the parts apart — the section to
 * group by, each side's words to set side by side, and the place to
 * scroll to — and wants them as list items.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-published"

#include "config.h"

#include "fz-published-difference-private.h"

struct _FzPublishedDifference
{
  GObject    parent_instance;

  FzChange   change;
  char      *section;
  guint      section_index;
  FzFinding *finding;
  char      *reviewed;
  char      *published;
};

G_DEFINE_FINAL_TYPE (FzPublishedDifference, fz_published_difference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHANGE,
  PROP_SECTION,
  PROP_SECTION_INDEX,
  PROP_START,
  PROP_END,
  PROP_REVIEWED,
  PROP_PUBLISHED,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_published_difference_finalize (GObject *object)
{
  FzPublishedDifference *self = (FzPublishedDifference *) object;

  g_free (self->section);
  g_clear_pointer (&self->finding, fz_finding_free);
  g_free (self->reviewed);
  g_free (self->published);

  G_OBJECT_CLASS (fz_published_difference_parent_class)->finalize (object);
}

static void
fz_published_difference_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FzPublishedDifference *self = FZ_PUBLISHED_DIFFERENCE (object);

  switch (prop_id)
    {
    case PROP_CHANGE:
      g_value_set_uint (value, self->change);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_SECTION_INDEX:
      g_value_set_uint (value, self->section_index);
      break;

    case PROP_START:
      g_value_set_uint (value, self->finding->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->finding->end);
      break;

    case PROP_REVIEWED:
      g_value_set_string (value, self->reviewed);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->finding->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_published_difference_class_init (FzPublishedDifferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_published_difference_finalize;
  object_class->get_property = fz_published_difference_get_property;

  /* Read-only: a difference is made whole by the comparison.  The change
   * is an FzChange. */
  properties[PROP_CHANGE] = g_param_spec_uint ("change", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, ro);
  properties[PROP_SECTION_INDEX] = g_param_spec_uint ("section-index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_REVIEWED] = g_param_spec_string ("reviewed", NULL, NULL, NULL, ro);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_published_difference_init (FzPublishedDifference *self)
{
}

FzPublishedDifference *
_fz_published_difference_new (FzChange         change,
                              const char      *section,
                              guint            section_index,
                              const FzFinding *finding,
                              const char      *reviewed,
                              const char      *published)
{
  FzPublishedDifference *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (FZ_TYPE_PUBLISHED_DIFFERENCE, NULL);
  self->change = change;
  self->section = g_strdup (section);
  self->section_index = section_index;
  self->finding = fz_finding_copy (finding);
  self->reviewed = reviewed != NULL && reviewed[0] != '\0' ? g_strdup (reviewed) : NULL;
  self->published = published != NULL && published[0] != '\0' ? g_strdup (published) : NULL;

  return self;
}

FzChange
fz_published_difference_get_change (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), FZ_CHANGE_SAME);
  return self->change;
}

const char *
fz_published_difference_get_section (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), NULL);
  return self->section;
}

guint
fz_published_difference_get_section_index (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), 0);
  return self->section_index;
}

guint
fz_published_difference_get_start (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), 0);
  return self->finding->start;
}

guint
fz_published_difference_get_end (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), 0);
  return self->finding->end;
}

const char *
fz_published_difference_get_reviewed (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), NULL);
  return self->reviewed;
}

const char *
fz_published_difference_get_published (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), NULL);
  return self->published;
}

const FzFinding *
fz_published_difference_get_finding (FzPublishedDifference *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (self), NULL);
  return self->finding;
}
