/* fz-review-store.c: one live review per report, shared by every view
 *
 * A report can be open in its own tab and be a row of a batch at the same
 * time, and the memo is written from a third place.  If each of them read
 * the review file for itself, a decision made in one would not be seen in
 * the others, and the last to save would win.  The store hands out one
 * FzReview per report (by the hash of its bytes, so a renamed report keeps
 * its review) and keeps it on disk with one FzReviewSaver.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review-store"

#include "config.h"

#include "fz-review-store.h"

struct _FzReviewStore
{
  GObject     parent_instance;

  GFile      *folder;

  /* Workers look reviews up while the window works with them. */
  GMutex      lock;
  GHashTable *reviews;            /* sha256 → FzReview */
  GHashTable *savers;             /* FzReview → FzReviewSaver */
};

G_DEFINE_FINAL_TYPE (FzReviewStore, fz_review_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GFile *
fz_review_store_file_for (FzReviewStore *self,
                          const char    *report_sha256)
{
  g_autofree char *name = g_strconcat (report_sha256, ".fzreview", NULL);

  return g_file_get_child (self->folder, name);
}

/* With the lock held. */
static void
fz_review_store_add (FzReviewStore *self,
                     FzReview      *review)
{
  g_hash_table_insert (self->reviews,
                       g_strdup (fz_review_get_report_sha256 (review)),
                       g_object_ref (review));
  g_hash_table_insert (self->savers, review, fz_review_saver_new (review));
}

FzReview *
fz_review_store_lookup (FzReviewStore  *self,
                        const char     *report_sha256,
                        const char     *report_name,
                        GError        **warning)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReview) review = NULL;

  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), NULL);
  g_return_val_if_fail (report_sha256 != NULL, NULL);

  g_mutex_lock (&self->lock);

  if ((review = g_hash_table_lookup (self->reviews, report_sha256)) != NULL)
    {
      g_object_ref (review);
      g_mutex_unlock (&self->lock);
      return g_steal_pointer (&review);
    }

  /* Read under the lock: two workers asking for the same report at once
   * must get one object, and a review file is small. */
  file = fz_review_store_file_for (self, report_sha256);
  review = fz_review_load_from (file, report_sha256, report_name, &error);
  if (review == NULL)
    {
      /* Damaged (moved aside by now) or newer: the reviewer goes on with a
       * new review, whose saves never overwrite a newer file. */
      review = fz_review_new (report_sha256, report_name);
      fz_review_set_file (review, file);
      g_propagate_error (warning, g_steal_pointer (&error));
    }
  fz_review_store_add (self, review);

  g_mutex_unlock (&self->lock);

  return g_steal_pointer (&review);
}

FzReview *
fz_review_store_peek (FzReviewStore *self,
                      const char    *report_sha256)
{
  FzReview *review;

  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), NULL);
  g_return_val_if_fail (report_sha256 != NULL, NULL);

  g_mutex_lock (&self->lock);
  review = g_hash_table_lookup (self->reviews, report_sha256);
  g_mutex_unlock (&self->lock);

  return review;
}

FzReviewSaver *
fz_review_store_get_saver (FzReviewStore *self,
                           FzReview      *review)
{
  FzReviewSaver *saver;

  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), NULL);
  g_return_val_if_fail (FZ_IS_REVIEW (review), NULL);

  g_mutex_lock (&self->lock);
  saver = g_hash_table_lookup (self->savers, review);
  g_mutex_unlock (&self->lock);

  return saver;
}

gboolean
fz_review_store_flush (FzReviewStore  *self,
                       GError        **error)
{
  g_autoptr(GPtrArray) savers = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;
  gboolean ok = TRUE;

  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), FALSE);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->savers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (savers, g_object_ref (value));
  g_mutex_unlock (&self->lock);

  /* Every review is tried; the first failure is the one reported. */
  for (guint i = 0; i < savers->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!fz_review_saver_flush (g_ptr_array_index (savers, i), &local_error) && ok)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }

  return ok;
}

FzReview *
fz_review_store_import (FzReviewStore  *self,
                        GFile          *file,
                        GError        **error)
{
  g_autoptr(FzReview) incoming = NULL;
  g_autoptr(GFile) store_file = NULL;
  FzReview *live;
  const char *sha256;

  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((incoming = fz_review_new_from_file (file, error)) == NULL)
    return NULL;

  sha256 = fz_review_get_report_sha256 (incoming);
  store_file = fz_review_store_file_for (self, sha256);

  g_mutex_lock (&self->lock);
  live = g_hash_table_lookup (self->reviews, sha256);
  if (live != NULL)
    {
      g_object_ref (live);
      g_mutex_unlock (&self->lock);
      fz_review_replace (live, incoming);
    }
  else
    {
      fz_review_set_file (incoming, store_file);
      fz_review_store_add (self, incoming);
      live = g_object_ref (incoming);
      g_mutex_unlock (&self->lock);
    }

  if (!fz_review_saver_flush (fz_review_store_get_saver (self, live), error))
    g_clear_object (&live);

  return live;
}

GFile *
fz_review_store_get_folder (FzReviewStore *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW_STORE (self), NULL);

  return self->folder;
}

static void
fz_review_store_dispose (GObject *object)
{
  FzReviewStore *self = FZ_REVIEW_STORE (object);

  /* The savers write what is pending as they go. */
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->savers);
  g_hash_table_remove_all (self->reviews);
  g_mutex_unlock (&self->lock);

  G_OBJECT_CLASS (fz_review_store_parent_class)->dispose (object);
}

static void
fz_review_store_finalize (GObject *object)
{
  FzReviewStore *self = FZ_REVIEW_STORE (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->savers, g_hash_table_unref);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fz_review_store_parent_class)->finalize (object);
}

static void
fz_review_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzReviewStore *self = FZ_REVIEW_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_store_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzReviewStore *self = FZ_REVIEW_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_review_store_constructed (GObject *object)
{
  FzReviewStore *self = FZ_REVIEW_STORE (object);

  G_OBJECT_CLASS (fz_review_store_parent_class)->constructed (object);

  if (self->folder == NULL)
    {
      g_autofree char *dir = fz_review_get_store_dir ();

      self->folder = g_file_new_for_path (dir);
    }
}

static void
fz_review_store_class_init (FzReviewStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fz_review_store_constructed;
  object_class->dispose = fz_review_store_dispose;
  object_class->finalize = fz_review_store_finalize;
  object_class->get_property = fz_review_store_get_property;
  object_class->set_property = fz_review_store_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_review_store_init (FzReviewStore *self)
{
  g_mutex_init (&self->lock);
  self->reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->savers = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

FzReviewStore *
fz_review_store_new (GFile *folder)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  return g_object_new (FZ_TYPE_REVIEW_STORE, "folder", folder, NULL);
}
