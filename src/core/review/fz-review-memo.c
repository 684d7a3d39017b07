/* fz-review-memo.c: what the reviewer made of the memo (审查意见)
 *
 * The memo is written from the results, paragraph by paragraph; the
 * reviewer rewords any paragraph, gives the letter its 文号 and decides
 * which kinds of problem it names and whether it states the score.  All of it is part of the review, so
 * the memo exported tomorrow on another machine reads as it reads today.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include "fz-annotation-private.h"
#include "fz-review-private.h"

const char *
fz_review_get_memo_number (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  return self->memo_number;
}

void
fz_review_set_memo_number (FzReview   *self,
                           const char *number)
{
  g_autofree char *old = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));

  if (number != NULL && *number == '\0')
    number = NULL;
  if (g_strcmp0 (self->memo_number, number) == 0)
    return;

  old = g_steal_pointer (&self->memo_number);
  self->memo_number = g_strdup (number);
  _fz_review_record (self, "memo:number", old, number, NULL, TRUE);
}

const char *
fz_review_get_paragraph (FzReview   *self,
                         const char *key)
{
  const char *text;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* The two paragraphs the review kept before the memo could be edited
   * as a whole still live in their own fields. */
  if (g_str_equal (key, FZ_REVIEW_PARAGRAPH_OPINION))
    text = fz_review_get_opinion (self);
  else if (g_str_equal (key, FZ_REVIEW_PARAGRAPH_RECTIFICATION))
    text = fz_review_get_rectification (self);
  else
    text = g_hash_table_lookup (self->paragraphs, key);

  return text != NULL && *text != '\0' ? text : NULL;
}

void
fz_review_set_paragraph (FzReview   *self,
                         const char *key,
                         const char *text)
{
  g_autofree char *what = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (key != NULL && *key != '\0');

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_str_equal (key, FZ_REVIEW_PARAGRAPH_OPINION))
    {
      fz_review_set_opinion (self, text);
      return;
    }
  if (g_str_equal (key, FZ_REVIEW_PARAGRAPH_RECTIFICATION))
    {
      fz_review_set_rectification (self, text);
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (self->paragraphs, key), text) == 0)
    return;

  old = g_strdup (g_hash_table_lookup (self->paragraphs, key));
  if (text != NULL)
    g_hash_table_replace (self->paragraphs, g_strdup (key), g_strdup (text));
  else
    g_hash_table_remove (self->paragraphs, key);

  what = g_strconcat ("paragraph:", key, NULL);
  _fz_review_record (self, what, old, text, NULL, TRUE);
}

char **
fz_review_dup_paragraph_keys (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  return _fz_review_dup_sorted_keys (self->paragraphs);
}

gboolean
fz_review_get_problem_choice (FzReview   *self,
                              const char *kind,
                              gboolean   *in_memo)
{
  gpointer value;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (!g_hash_table_lookup_extended (self->problems, kind, NULL, &value))
    return FALSE;

  if (in_memo != NULL)
    *in_memo = GPOINTER_TO_INT (value) - 1;

  return TRUE;
}

void
fz_review_set_problem_choice (FzReview   *self,
                              const char *kind,
                              gboolean    in_memo)
{
  g_autofree char *what = NULL;
  gboolean old;
  gboolean had;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (kind != NULL && *kind != '\0');

  in_memo = !!in_memo;
  had = fz_review_get_problem_choice (self, kind, &old);
  if (had && old == in_memo)
    return;

  g_hash_table_replace (self->problems, g_strdup (kind), GINT_TO_POINTER (in_memo + 1));
  what = g_strconcat ("problem:", kind, NULL);
  _fz_review_record (self, what, had ? (old ? "memo" : "left-out") : NULL,
                     in_memo ? "memo" : "left-out", NULL, FALSE);
}

void
fz_review_clear_problem_choice (FzReview   *self,
                                const char *kind)
{
  g_autofree char *what = NULL;
  gboolean old;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (kind != NULL);

  if (!fz_review_get_problem_choice (self, kind, &old))
    return;

  what = g_strconcat ("problem:", kind, NULL);
  g_hash_table_remove (self->problems, kind);
  _fz_review_record (self, what, old ? "memo" : "left-out", NULL, NULL, FALSE);
}

char **
fz_review_dup_problem_kinds (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  return _fz_review_dup_sorted_keys (self->problems);
}

gboolean
fz_review_get_score_in_memo (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);

  return self->memo_score;
}

void
fz_review_set_score_in_memo (FzReview *self,
                             gboolean  in_memo)
{
  g_return_if_fail (FZ_IS_REVIEW (self));

  in_memo = !!in_memo;
  if (self->memo_score == in_memo)
    return;

  self->memo_score = in_memo;
  _fz_review_record (self, "memo:score", in_memo ? "left-out" : "memo", in_memo ? "memo" : "left-out",
                     NULL, FALSE);
}

void
fz_review_insert_annotation (FzReview     *self,
                             guint         position,
                             FzAnnotation *annotation)
{
  g_autofree char *desc = NULL;
  guint pos;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));

  if (g_list_store_find (self->annotations, annotation, &pos))
    return;

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->annotations)));
  g_list_store_insert (self->annotations, position, annotation);

  desc = _fz_review_describe_annotation (annotation);
  _fz_review_record (self, "annotation:add", NULL, desc, NULL, FALSE);
}
