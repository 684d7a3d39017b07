/* fz-growing-list.c: a list model that shows its source a few items a turn
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-growing-list.h"
#include "fz-object-util.h"

struct _FzGrowingList
{
  GObject     parent_instance;

  GListModel *source;
  guint       step;
  guint       burst;
  guint       n_shown;
  guint       grow_id;
};

static GType
fz_growing_list_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (FZ_GROWING_LIST (model)->source);
}

static guint
fz_growing_list_get_n_items (GListModel *model)
{
  return FZ_GROWING_LIST (model)->n_shown;
}

static gpointer
fz_growing_list_get_item (GListModel *model,
                          guint       position)
{
  FzGrowingList *self = FZ_GROWING_LIST (model);

  if (position >= self->n_shown)
    return NULL;

  return g_list_model_get_item (self->source, position);
}

static void
fz_growing_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fz_growing_list_get_item_type;
  iface->get_n_items = fz_growing_list_get_n_items;
  iface->get_item = fz_growing_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FzGrowingList, fz_growing_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, fz_growing_list_model_init))

/* Shows up to @n_shown items (as many as the source has, at most). */
static void
fz_growing_list_show (FzGrowingList *self,
                      guint          n_shown)
{
  guint before = self->n_shown;

  n_shown = MIN (n_shown, g_list_model_get_n_items (self->source));
  if (n_shown <= before)
    return;

  self->n_shown = n_shown;
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_shown - before);
}

static gboolean
grow (gpointer data)
{
  FzGrowingList *self = data;
  guint n = g_list_model_get_n_items (self->source);

  fz_growing_list_show (self, self->n_shown >= self->burst ? n : self->n_shown + self->step);
  if (self->n_shown < n)
    return G_SOURCE_CONTINUE;

  self->grow_id = 0;
  return G_SOURCE_REMOVE;
}

/* Any change starts over from the first @step items: a new outline is a
 * new list, and its rows are made afresh either way. */
static void
on_source_items_changed (FzGrowingList *self,
                         guint          position,
                         guint          removed,
                         guint          added)
{
  guint before = self->n_shown;

  self->n_shown = MIN (self->step, g_list_model_get_n_items (self->source));
  if (before > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->n_shown);

  if (self->n_shown < g_list_model_get_n_items (self->source))
    {
      if (self->grow_id == 0)
        self->grow_id = g_idle_add (grow, self);
    }
  else
    g_clear_handle_id (&self->grow_id, g_source_remove);
}

void
fz_growing_list_flush (FzGrowingList *self)
{
  g_return_if_fail (FZ_IS_GROWING_LIST (self));

  g_clear_handle_id (&self->grow_id, g_source_remove);
  fz_growing_list_show (self, G_MAXUINT);
}

static void
fz_growing_list_dispose (GObject *object)
{
  FzGrowingList *self = FZ_GROWING_LIST (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  fz_clear_watched (&self->source, self);

  G_OBJECT_CLASS (fz_growing_list_parent_class)->dispose (object);
}

static void
fz_growing_list_class_init (FzGrowingListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fz_growing_list_dispose;
}

static void
fz_growing_list_init (FzGrowingList *self)
{
}

FzGrowingList *
fz_growing_list_new (GListModel *source,
                     guint       step,
                     guint       burst)
{
  FzGrowingList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (step > 0, NULL);

  self = g_object_new (FZ_TYPE_GROWING_LIST, NULL);
  self->source = g_object_ref (source);
  self->step = step;
  self->burst = MAX (burst, step);
  self->n_shown = g_list_model_get_n_items (source);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (on_source_items_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}
