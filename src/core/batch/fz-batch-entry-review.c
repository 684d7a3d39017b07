/* fz-batch-entry-review.c: a batch entry and its report's review
 *
 * The reviewer's decisions are kept once, in the report's live review
 * (FzReviewStore): the entry reads them from there and follows the
 * review's changes, so that the matrix shows at once what the reviewer
 * decides in the report's own tab.  Until the review comes (or in a batch
 * with no store) the entry holds what it is given, and hands it over to
 * the review once.  Apart from the entry's own file because this is the
 * one place the batch and the reviews meet.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include "fz-batch-private.h"
#include "fz-object-util.h"

/* The reviewer's decision: the review's, else one waiting for a review. */
gboolean
_fz_batch_entry_get_decision (FzBatchEntry *self,
                              const char   *element_id,
                              FzStatus     *status)
{
  gpointer decision;

  if (self->review != NULL)
    return fz_review_get_decision (self->review, element_id, status, NULL, NULL);

  if (!g_hash_table_lookup_extended (self->decisions, element_id, NULL, &decision))
    return FALSE;
  *status = GPOINTER_TO_INT (decision) - 1;
  return TRUE;
}

FzReview *
fz_batch_entry_get_review (FzBatchEntry *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_ENTRY (self), NULL);
  return self->review;
}

static void
on_review_decision_changed (FzReview     *review,
                            const char   *element_id,
                            FzBatchEntry *self)
{
  _fz_batch_entry_refresh (self);
}

static void
on_review_notify_reviewer (FzBatchEntry *self)
{
  _fz_batch_entry_emit_changed (self);
}

/* Whether the reviewer ever decided @element_id in @review, withdrawn
 * decisions included: then the review is newer than any copy of it. */
static gboolean
review_touched (FzReview   *review,
                const char *element_id)
{
  g_autofree char *what = g_strconcat ("decision:", element_id, NULL);
  GPtrArray *log = fz_review_get_log (review);
  FzStatus status;

  if (fz_review_get_decision (review, element_id, &status, NULL, NULL))
    return TRUE;
  for (guint i = 0; log != NULL && i < log->len; i++)
    if (g_strcmp0 (((FzReviewChange *) g_ptr_array_index (log, i))->what, what) == 0)
      return TRUE;

  return FALSE;
}

void
_fz_batch_entry_set_review (FzBatchEntry *self,
                            FzReview     *review)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (FZ_IS_BATCH_ENTRY (self));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  if (!fz_set_watched (&self->review, review, self, NULL))
    return;
  _fz_batch_entry_notify (self, ENTRY_PROP_REVIEW);
  if (review == NULL)
    return;

  /* Decisions an old .fzbatch carried, or made before the report was
   * read, move into the review once: only where the reviewer never
   * decided the element in the review itself, which is then the newer. */
  g_hash_table_iter_init (&iter, self->decisions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FzStatus status = GPOINTER_TO_INT (value) - 1;

      if (status != FZ_STATUS_NEEDS_REVIEW && !review_touched (review, key))
        fz_review_set_decision (review, key, status, NULL);
    }
  g_hash_table_remove_all (self->decisions);
  if (self->reviewer != NULL &&
      (fz_review_get_reviewer (review) == NULL || *fz_review_get_reviewer (review) == '\0'))
    fz_review_set_reviewer (review, self->reviewer);
  g_clear_pointer (&self->reviewer, g_free);

  g_signal_connect_object (review, "decision-changed", G_CALLBACK (on_review_decision_changed), self, 0);
  g_signal_connect_object (review, "notify::reviewer", G_CALLBACK (on_review_notify_reviewer), self,
                           G_CONNECT_SWAPPED);
}
