/* fz-review-annotations.c: the reviewer's annotations in a review
 *
 * Each one is logged when it is added, changed or removed, and a finished
 * one is saved at once like any other act.  Attaching a review to the
 * report's text finds each annotation again by its quote and context.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include "fz-annotation-private.h"
#include "fz-review-private.h"

char *
_fz_review_describe_annotation (FzAnnotation *a)
{
  return g_strdup_printf ("“%s” [%s] %s", fz_annotation_get_quote (a),
                          fz_annotation_category_to_chinese (fz_annotation_get_category (a)),
                          fz_annotation_get_note (a));
}

GListModel *
fz_review_get_annotations (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

FzAnnotation *
fz_review_add_annotation (FzReview             *self,
                          FzDocument           *doc,
                          guint                 start,
                          guint                 end,
                          FzAnnotationCategory  category,
                          const char           *note)
{
  g_autoptr(FzAnnotation) a = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *desc = NULL;
  guint len;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

  len = fz_document_get_length (doc);
  end = MIN (end, len);
  start = MIN (start, end);

  quote = fz_document_dup_range (doc, start, end);
  prefix = fz_document_dup_range (doc, start > FZ_ANNOTATION_CONTEXT ? start - FZ_ANNOTATION_CONTEXT : 0, start);
  suffix = fz_document_dup_range (doc, end, MIN (len, end + FZ_ANNOTATION_CONTEXT));
  a = _fz_annotation_new (start, end, quote, prefix, suffix, category, note, NULL, NULL);
  g_list_store_append (self->annotations, a);

  desc = _fz_review_describe_annotation (a);
  _fz_review_record (self, "annotation:add", NULL, desc, NULL, FALSE);

  return a;
}

void
fz_review_update_annotation (FzReview             *self,
                             FzAnnotation         *annotation,
                             FzAnnotationCategory  category,
                             const char           *note)
{
  g_autofree char *old = NULL;
  g_autofree char *desc = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint pos;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));
  g_return_if_fail (g_list_store_find (self->annotations, annotation, &pos));

  if (fz_annotation_get_category (annotation) == category &&
      g_strcmp0 (fz_annotation_get_note (annotation), note ? note : "") == 0)
    return;

  old = _fz_review_describe_annotation (annotation);
  _fz_annotation_set_category (annotation, category);
  _fz_annotation_set_note (annotation, note);
  now = g_date_time_new_now_utc ();
  _fz_annotation_touch (annotation, now);
  desc = _fz_review_describe_annotation (annotation);
  _fz_review_record (self, "annotation:change", old, desc, NULL, FALSE);
}

void
fz_review_remove_annotation (FzReview     *self,
                             FzAnnotation *annotation)
{
  g_autoptr(FzAnnotation) keep = NULL;
  g_autofree char *old = NULL;
  guint pos;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));

  if (!g_list_store_find (self->annotations, annotation, &pos))
    return;

  keep = g_object_ref (annotation);
  old = _fz_review_describe_annotation (annotation);
  g_list_store_remove (self->annotations, pos);
  _fz_review_record (self, "annotation:remove", old, NULL, NULL, FALSE);
}

guint
fz_review_attach (FzReview   *self,
                  FzDocument *doc)
{
  guint n, lost = 0;
  gboolean moved = FALSE;

  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);
      guint old_start = fz_annotation_get_start (a);
      guint old_end = fz_annotation_get_end (a);

      if (!_fz_annotation_attach (a, doc))
        lost++;
      else if (old_start != fz_annotation_get_start (a) || old_end != fz_annotation_get_end (a))
        moved = TRUE;
    }

  /* New offsets are worth saving, but they are no judgement: not logged. */
  if (moved)
    {
      _fz_review_emit_changed (self, TRUE);
    }

  return lost;
}
