/* fz-score-table-list.c: the scoring tables a reviewer can choose from
 *
 * The window's menu of tables lists a bureau's own table as soon as its
 * rule set is saved in the folder, as the rule-set menus do; so the list
 * is the store's sets, each that brings a table of its own, and changes
 * when the store does.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-score-table-list.h"

struct _FzScoreTableList
{
  GObject         parent_instance;

  FzRuleSetStore *store;
  GPtrArray      *tables;         /* FzScoreTable */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzScoreTableList, fz_score_table_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_get_item_type (GListModel *model)
{
  return FZ_TYPE_SCORE_TABLE;
}

static guint
list_get_n_items (GListModel *model)
{
  return FZ_SCORE_TABLE_LIST (model)->tables->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (model);

  if (position >= self->tables->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tables, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static gboolean
same_tables (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;

  return TRUE;
}

static void
fz_score_table_list_refresh (FzScoreTableList *self)
{
  GListModel *sets = G_LIST_MODEL (self->store);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  guint removed;

  for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
    {
      g_autoptr(FzRuleSet) set = g_list_model_get_item (sets, i);
      FzScoreTable *table = fz_ruleset_get_score_table (set);

      /* An inherited table is listed under the set that defines it. */
      if (table != NULL && g_strcmp0 (fz_score_table_get_ruleset_id (table), fz_ruleset_get_id (set)) == 0)
        g_ptr_array_add (tables, g_object_ref (table));
    }

  if (same_tables (tables, self->tables))
    return;

  removed = self->tables->len;
  g_ptr_array_unref (self->tables);
  self->tables = g_steal_pointer (&tables);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->tables->len);
}

static void
on_store_changed (FzScoreTableList *self)
{
  fz_score_table_list_refresh (self);
}

static void
fz_score_table_list_constructed (GObject *object)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (object);

  G_OBJECT_CLASS (fz_score_table_list_parent_class)->constructed (object);

  g_assert (FZ_IS_RULESET_STORE (self->store));
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  fz_score_table_list_refresh (self);
}

static void
fz_score_table_list_dispose (GObject *object)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (fz_score_table_list_parent_class)->dispose (object);
}

static void
fz_score_table_list_finalize (GObject *object)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (object);

  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_score_table_list_parent_class)->finalize (object);
}

static void
fz_score_table_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_table_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FzScoreTableList *self = FZ_SCORE_TABLE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_table_list_class_init (FzScoreTableListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fz_score_table_list_constructed;
  object_class->dispose = fz_score_table_list_dispose;
  object_class->finalize = fz_score_table_list_finalize;
  object_class->get_property = fz_score_table_list_get_property;
  object_class->set_property = fz_score_table_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FZ_TYPE_RULESET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_score_table_list_init (FzScoreTableList *self)
{
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
}

FzScoreTableList *
fz_score_table_list_new (FzRuleSetStore *store)
{
  g_return_val_if_fail (FZ_IS_RULESET_STORE (store), NULL);

  return g_object_new (FZ_TYPE_SCORE_TABLE_LIST, "store", store, NULL);
}

FzRuleSetStore *
fz_score_table_list_get_store (FzScoreTableList *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE_LIST (self), NULL);

  return self->store;
}

guint
fz_score_table_list_find (FzScoreTableList *self,
                          const char       *ruleset_id)
{
  g_return_val_if_fail (FZ_IS_SCORE_TABLE_LIST (self), G_MAXUINT);
  g_return_val_if_fail (ruleset_id != NULL, G_MAXUINT);

  for (guint i = 0; i < self->tables->len; i++)
    if (g_strcmp0 (fz_score_table_get_ruleset_id (g_ptr_array_index (self->tables, i)), ruleset_id) == 0)
      return i;

  return G_MAXUINT;
}
