/* fz-memo-paragraph.c: one block of the memo as the window shows it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-memo-paragraph.h"

struct _FzMemoParagraph
{
  GObject          parent_instance;

  FzMemoBlockKind  kind;
  char            *key;
  char            *lead;
  char            *text;
  char            *default_text;
};

G_DEFINE_FINAL_TYPE (FzMemoParagraph, fz_memo_paragraph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEAD,
  PROP_TEXT,
  PROP_EDITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_memo_paragraph_finalize (GObject *object)
{
  FzMemoParagraph *self = FZ_MEMO_PARAGRAPH (object);

  g_free (self->key);
  g_free (self->lead);
  g_free (self->text);
  g_free (self->default_text);

  G_OBJECT_CLASS (fz_memo_paragraph_parent_class)->finalize (object);
}

static void
fz_memo_paragraph_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzMemoParagraph *self = FZ_MEMO_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, fz_memo_paragraph_get_edited (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_memo_paragraph_class_init (FzMemoParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_memo_paragraph_finalize;
  object_class->get_property = fz_memo_paragraph_get_property;

  properties[PROP_LEAD] =
    g_param_spec_string ("lead", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITED] =
    g_param_spec_boolean ("edited", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_memo_paragraph_init (FzMemoParagraph *self)
{
}

FzMemoParagraph *
fz_memo_paragraph_new (const FzMemoBlock *block,
                       const char        *default_text)
{
  FzMemoParagraph *self;

  g_return_val_if_fail (block != NULL, NULL);

  self = g_object_new (FZ_TYPE_MEMO_PARAGRAPH, NULL);
  self->kind = block->kind;
  self->key = g_strdup (block->key);
  self->lead = g_strdup (block->lead);
  self->text = g_strdup (block->text);
  self->default_text = g_strdup (default_text);

  return self;
}

FzMemoBlockKind
fz_memo_paragraph_get_kind (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), FZ_MEMO_BLOCK_PARAGRAPH);
  return self->kind;
}

const char *
fz_memo_paragraph_get_key (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), NULL);
  return self->key;
}

const char *
fz_memo_paragraph_get_lead (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), NULL);
  return self->lead;
}

const char *
fz_memo_paragraph_get_text (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), NULL);
  return self->text;
}

const char *
fz_memo_paragraph_get_default_text (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), NULL);
  return self->default_text;
}

gboolean
fz_memo_paragraph_get_edited (FzMemoParagraph *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), FALSE);

  return self->key != NULL && self->default_text != NULL && g_strcmp0 (self->text, self->default_text) != 0;
}

gboolean
fz_memo_paragraph_matches (FzMemoParagraph   *self,
                           const FzMemoBlock *block)
{
  g_return_val_if_fail (FZ_IS_MEMO_PARAGRAPH (self), FALSE);

  return self->kind == block->kind && g_strcmp0 (self->key, block->key) == 0;
}

void
fz_memo_paragraph_update (FzMemoParagraph   *self,
                          const FzMemoBlock *block,
                          const char        *default_text)
{
  gboolean edited;

  g_return_if_fail (FZ_IS_MEMO_PARAGRAPH (self));

  edited = fz_memo_paragraph_get_edited (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->lead, block->lead) != 0)
    {
      g_free (self->lead);
      self->lead = g_strdup (block->lead);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
    }
  if (g_strcmp0 (self->text, block->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (block->text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  if (g_strcmp0 (self->default_text, default_text) != 0)
    {
      g_free (self->default_text);
      self->default_text = g_strdup (default_text);
    }
  if (edited != fz_memo_paragraph_get_edited (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
  g_object_thaw_notify (G_OBJECT (self));
}
