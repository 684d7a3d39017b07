/* fz-finding-item.c: a kind of problem in a report, or one occurrence of it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-finding-item.h"
#include "fz-occurrence-list.h"
#include "fz-object-util.h"

struct _FzFindingItem
{
  GObject     parent_instance;

  FzAnalysis *analysis;
  FzReview   *review;           /* groups only, nullable */
  FzProblem  *problem;          /* groups only */
  FzFinding  *finding;          /* occurrences only, borrowed from @problem */
  GListModel *children;         /* groups: FzOccurrenceList, made on demand */
  char       *title;
  char       *subtitle;
  guint       position;         /* groups: the occurrence shown last */
};

G_DEFINE_FINAL_TYPE (FzFindingItem, fz_finding_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IN_MEMO,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_finding_item_dispose (GObject *object)
{
  FzFindingItem *self = FZ_FINDING_ITEM (object);

  fz_clear_watched (&self->review, self);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (fz_finding_item_parent_class)->dispose (object);
}

static void
fz_finding_item_finalize (GObject *object)
{
  FzFindingItem *self = FZ_FINDING_ITEM (object);

  g_clear_pointer (&self->problem, fz_problem_free);
  g_clear_object (&self->analysis);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (fz_finding_item_parent_class)->finalize (object);
}

static void
fz_finding_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzFindingItem *self = FZ_FINDING_ITEM (object);

  switch (prop_id)
    {
    case PROP_IN_MEMO:
      g_value_set_boolean (value, fz_finding_item_get_in_memo (self));
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_finding_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzFindingItem *self = FZ_FINDING_ITEM (object);

  switch (prop_id)
    {
    case PROP_IN_MEMO:
      fz_finding_item_set_in_memo (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_finding_item_class_init (FzFindingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fz_finding_item_dispose;
  object_class->finalize = fz_finding_item_finalize;
  object_class->get_property = fz_finding_item_get_property;
  object_class->set_property = fz_finding_item_set_property;

  properties[PROP_IN_MEMO] =
    g_param_spec_boolean ("in-memo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_finding_item_init (FzFindingItem *self)
{
  self->position = G_MAXUINT;
}

static void
on_review_changed (FzFindingItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_MEMO]);
}

FzFindingItem *
fz_finding_item_new_group (FzAnalysis      *analysis,
                           FzReview        *review,
                           const FzProblem *problem)
{
  FzFindingItem *self;
  const FzFinding *first;
  guint n;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (problem != NULL && problem->findings->len > 0, NULL);

  self = g_object_new (FZ_TYPE_FINDING_ITEM, NULL);
  self->analysis = g_object_ref (analysis);
  self->problem = fz_problem_copy (problem);
  if (review != NULL)
    {
      self->review = g_object_ref (review);
      /* Only finished acts: what the memo names is one. */
      g_signal_connect_object (review, "changed::action", G_CALLBACK (on_review_changed), self,
                               G_CONNECT_SWAPPED);
    }

  first = g_ptr_array_index (problem->findings, 0);
  n = problem->findings->len;
  self->title = g_strdup (fz_problem_kind_get_label (problem->kind, first));
  if (n == 1)
    self->subtitle = g_strdup (first->message);
  else
    /* Translators: under a kind of problem in the list: how often it occurs */
    self->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time in the report",
                                                   "%u times in the report", n), n);

  return self;
}

FzFindingItem *
fz_finding_item_new_occurrence (FzAnalysis *analysis,
                                FzFinding  *finding)
{
  FzFindingItem *self;
  g_autofree char *place = NULL;
  g_autofree char *context = NULL;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (FZ_TYPE_FINDING_ITEM, NULL);
  place = fz_problem_dup_place (analysis, finding->start);
  context = fz_problem_dup_context (analysis, finding->start, finding->end);
  self->analysis = g_object_ref (analysis);
  self->finding = finding;
  self->title = g_strdup (finding->message);
  if (finding->suggestion != NULL)
    /* Translators: under a problem: 1: where, 2: the passage, 3: what to write instead */
    self->subtitle = g_strdup_printf (_("%s · “%s” · Suggestion: %s"), place, context, finding->suggestion);
  else
    /* Translators: under a problem: 1: where, 2: the passage */
    self->subtitle = g_strdup_printf (_("%s · “%s”"), place, context);

  return self;
}

gboolean
fz_finding_item_is_group (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), FALSE);
  return self->problem != NULL;
}

const char *
fz_finding_item_get_kind (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), NULL);
  return self->problem != NULL ? self->problem->kind : self->finding->id;
}

FzSeverity
fz_finding_item_get_severity (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), FZ_SEVERITY_INFO);
  return self->problem != NULL ? self->problem->severity : self->finding->severity;
}

const char *
fz_finding_item_get_title (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), NULL);
  return self->title;
}

const char *
fz_finding_item_get_subtitle (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), NULL);
  return self->subtitle;
}

guint
fz_finding_item_get_count (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), 0);
  return self->problem != NULL ? self->problem->findings->len : 1;
}

GListModel *
fz_finding_item_get_children (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), NULL);

  if (self->problem == NULL)
    return NULL;

  if (self->children == NULL)
    self->children = G_LIST_MODEL (fz_occurrence_list_new (self->analysis, self->problem->findings));

  return self->children;
}

void
fz_finding_item_get_range (FzFindingItem *self,
                           guint         *start,
                           guint         *end)
{
  const FzFinding *finding;

  g_return_if_fail (FZ_IS_FINDING_ITEM (self));

  if (self->problem != NULL)
    finding = g_ptr_array_index (self->problem->findings,
                                 self->position == G_MAXUINT ? 0 : self->position);
  else
    finding = self->finding;

  *start = finding->start;
  *end = finding->end;
}

void
fz_finding_item_step (FzFindingItem *self,
                      gboolean       forward)
{
  guint n;

  g_return_if_fail (FZ_IS_FINDING_ITEM (self));
  g_return_if_fail (self->problem != NULL);

  n = self->problem->findings->len;
  if (self->position == G_MAXUINT)
    self->position = forward ? 0 : n - 1;
  else
    self->position = (self->position + (forward ? 1 : n - 1)) % n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

guint
fz_finding_item_get_position (FzFindingItem *self)
{
  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), G_MAXUINT);
  return self->position;
}

gboolean
fz_finding_item_get_in_memo (FzFindingItem *self)
{
  gboolean in_memo;

  g_return_val_if_fail (FZ_IS_FINDING_ITEM (self), FALSE);

  if (self->problem == NULL)
    return FALSE;
  if (self->review != NULL && fz_review_get_problem_choice (self->review, self->problem->kind, &in_memo))
    return in_memo;

  return fz_problem_kind_in_memo_by_default (self->problem->kind, self->problem->severity);
}

void
fz_finding_item_set_in_memo (FzFindingItem *self,
                             gboolean       in_memo)
{
  g_return_if_fail (FZ_IS_FINDING_ITEM (self));

  if (self->problem == NULL || self->review == NULL || fz_finding_item_get_in_memo (self) == !!in_memo)
    return;

  /* Back to the memo's own rule when the reviewer agrees with it. */
  if (!!in_memo == fz_problem_kind_in_memo_by_default (self->problem->kind, self->problem->severity))
    fz_review_clear_problem_choice (self->review, self->problem->kind);
  else
    fz_review_set_problem_choice (self->review, self->problem->kind, in_memo);
}
