/* fz-occurrence-list.c: the occurrences of a kind of problem, made as shown
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-finding-item.h"
#include "fz-occurrence-list.h"

struct _FzOccurrenceList
{
  GObject     parent_instance;

  FzAnalysis *analysis;
  GPtrArray  *findings;         /* FzFinding, borrowed from @analysis */
  GPtrArray  *items;            /* FzFindingItem or NULL, as many as @findings */
};

static GType
fz_occurrence_list_get_item_type (GListModel *model)
{
  return FZ_TYPE_FINDING_ITEM;
}

static guint
fz_occurrence_list_get_n_items (GListModel *model)
{
  return FZ_OCCURRENCE_LIST (model)->findings->len;
}

static gpointer
fz_occurrence_list_get_item (GListModel *model,
                             guint       position)
{
  FzOccurrenceList *self = FZ_OCCURRENCE_LIST (model);

  if (position >= self->findings->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) =
      fz_finding_item_new_occurrence (self->analysis, g_ptr_array_index (self->findings, position));

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
fz_occurrence_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fz_occurrence_list_get_item_type;
  iface->get_n_items = fz_occurrence_list_get_n_items;
  iface->get_item = fz_occurrence_list_get_item;
}

/* Items never asked for are NULL, which g_object_unref() refuses. */
static void
unref_made (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FzOccurrenceList, fz_occurrence_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, fz_occurrence_list_model_init))

static void
fz_occurrence_list_finalize (GObject *object)
{
  FzOccurrenceList *self = FZ_OCCURRENCE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (fz_occurrence_list_parent_class)->finalize (object);
}

static void
fz_occurrence_list_class_init (FzOccurrenceListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_occurrence_list_finalize;
}

static void
fz_occurrence_list_init (FzOccurrenceList *self)
{
}

FzOccurrenceList *
fz_occurrence_list_new (FzAnalysis *analysis,
                        GPtrArray  *findings)
{
  FzOccurrenceList *self;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (findings != NULL, NULL);

  self = g_object_new (FZ_TYPE_OCCURRENCE_LIST, NULL);
  self->analysis = g_object_ref (analysis);
  self->findings = g_ptr_array_ref (findings);
  self->items = g_ptr_array_new_full (findings->len, unref_made);
  g_ptr_array_set_size (self->items, findings->len);

  return self;
}
