/* fz-memo-document.c: a memo laid out as blocks, for its writers
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-memo-document.h"
#include "fz-memo-writers.h"

struct _FzMemoDocument
{
  GObject    parent_instance;

  char      *heading;
  GPtrArray *blocks;              /* FzMemoBlock */
};

G_DEFINE_FINAL_TYPE (FzMemoDocument, fz_memo_document, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (FzMemoBlock, fz_memo_block, fz_memo_block_copy, fz_memo_block_free)
G_DEFINE_QUARK (fz-memo-error-quark, fz_memo_error)

FzMemoBlock *
fz_memo_block_new_text (FzMemoBlockKind  kind,
                        const char      *text)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);

  g_return_val_if_fail (kind != FZ_MEMO_BLOCK_TABLE, b);

  b->kind = kind;
  b->text = g_strdup (text != NULL ? text : "");

  return b;
}

FzMemoBlock *
fz_memo_block_new_table (guint               n_columns,
                         const char * const *header,
                         const double       *widths)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);

  g_return_val_if_fail (n_columns > 0 && header != NULL && widths != NULL, b);

  b->kind = FZ_MEMO_BLOCK_TABLE;
  b->header = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    b->header[c] = g_strdup (header[c] != NULL ? header[c] : "");
  b->widths = g_memdup2 (widths, n_columns * sizeof (double));
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return b;
}

void
fz_memo_block_add_row (FzMemoBlock        *table,
                       const char * const *cells)
{
  guint n;
  char **row;

  g_return_if_fail (table != NULL && table->kind == FZ_MEMO_BLOCK_TABLE);

  n = g_strv_length (table->header);
  row = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

FzMemoBlock *
fz_memo_block_copy (const FzMemoBlock *block)
{
  FzMemoBlock *copy = g_new0 (FzMemoBlock, 1);

  copy->kind = block->kind;
  copy->key = g_strdup (block->key);
  copy->lead = g_strdup (block->lead);
  copy->text = g_strdup (block->text);
  if (block->kind == FZ_MEMO_BLOCK_TABLE)
    {
      guint n = g_strv_length (block->header);

      copy->header = g_strdupv (block->header);
      copy->widths = g_memdup2 (block->widths, n * sizeof (double));
      copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint r = 0; r < block->rows->len; r++)
        g_ptr_array_add (copy->rows, g_strdupv (g_ptr_array_index (block->rows, r)));
    }

  return copy;
}

void
fz_memo_block_free (FzMemoBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->key);
  g_free (block->lead);
  g_free (block->text);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->widths);
  g_free (block);
}

static void
fz_memo_document_finalize (GObject *object)
{
  FzMemoDocument *self = FZ_MEMO_DOCUMENT (object);

  g_free (self->heading);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_memo_document_parent_class)->finalize (object);
}

static void
fz_memo_document_class_init (FzMemoDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_memo_document_finalize;
}

static void
fz_memo_document_init (FzMemoDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_memo_block_free);
}

FzMemoDocument *
fz_memo_document_new (const char *heading)
{
  FzMemoDocument *self = g_object_new (FZ_TYPE_MEMO_DOCUMENT, NULL);

  self->heading = g_strdup (heading != NULL ? heading : "");

  return self;
}

const char *
fz_memo_document_get_heading (FzMemoDocument *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), NULL);

  return self->heading;
}

void
fz_memo_document_add (FzMemoDocument *self,
                      FzMemoBlock    *block)
{
  g_return_if_fail (FZ_IS_MEMO_DOCUMENT (self));
  g_return_if_fail (block != NULL);

  g_ptr_array_add (self->blocks, block);
}

FzMemoBlock *
fz_memo_document_add_text (FzMemoDocument  *self,
                           FzMemoBlockKind  kind,
                           const char      *key,
                           const char      *lead,
                           const char      *text)
{
  FzMemoBlock *b;

  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), NULL);

  b = fz_memo_block_new_text (kind, text);
  b->key = g_strdup (key);
  b->lead = g_strdup (lead);
  g_ptr_array_add (self->blocks, b);

  return b;
}

guint
fz_memo_document_get_n_blocks (FzMemoDocument *self)
{
  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), 0);

  return self->blocks->len;
}

const FzMemoBlock *
fz_memo_document_get_block (FzMemoDocument *self,
                            guint           index)
{
  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

const FzMemoBlock *
fz_memo_document_find (FzMemoDocument *self,
                       const char     *key)
{
  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), NULL);

  for (guint i = 0; key != NULL && i < self->blocks->len; i++)
    {
      const FzMemoBlock *b = g_ptr_array_index (self->blocks, i);

      if (g_strcmp0 (b->key, key) == 0)
        return b;
    }

  return NULL;
}

char *
fz_memo_document_dup_text (FzMemoDocument *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FZ_IS_MEMO_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const FzMemoBlock *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == FZ_MEMO_BLOCK_TABLE)
        {
          g_autofree char *header = g_strjoinv ("\t", b->header);

          g_string_append_printf (out, "%s\n", header);
          for (guint r = 0; r < b->rows->len; r++)
            {
              g_autofree char *row = g_strjoinv ("\t", g_ptr_array_index (b->rows, r));

              g_string_append_printf (out, "%s\n", row);
            }
          continue;
        }

      g_string_append_printf (out, "%s%s\n", b->lead != NULL ? b->lead : "", b->text);
    }

  return g_string_free (out, FALSE);
}

guint
_fz_memo_first_of_closing (FzMemoDocument *doc)
{
  guint n = fz_memo_document_get_n_blocks (doc);

  for (guint i = 0; i < n; i++)
    {
      FzMemoBlockKind kind = fz_memo_document_get_block (doc, i)->kind;

      if (kind == FZ_MEMO_BLOCK_SIGNATURE || kind == FZ_MEMO_BLOCK_DATE)
        return i > 0 && fz_memo_document_get_block (doc, i - 1)->kind == FZ_MEMO_BLOCK_PARAGRAPH ? i - 1 : i;
    }

  return n;
}

/* How wide @text is in characters of the body font: CJK and full-width
 * forms one, everything else half. */
static double
width_in_chars (const char *text)
{
  double n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 1.0 : 0.5;

  return n;
}

double
_fz_memo_closing_indent (FzMemoDocument    *doc,
                         const FzMemoBlock *block)
{
  double signature = 0, date = 0;

  if (block->kind != FZ_MEMO_BLOCK_SIGNATURE)
    return 2.0;

  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (b->kind == FZ_MEMO_BLOCK_SIGNATURE)
        signature = width_in_chars (b->text);
      else if (b->kind == FZ_MEMO_BLOCK_DATE)
        date = width_in_chars (b->text);
    }

  return date > 0 ? MAX (2.0, 4.0 + date - signature) : 2.0;
}
