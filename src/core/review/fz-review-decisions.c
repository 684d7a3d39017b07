/* fz-review-decisions.c: the reviewer's decision on each element
 *
 * A decision overrides the machine's status for one element of the
 * checklist.  Each is logged with its time and reason, so the review
 * shows who changed what and why; clearing one hands the element back to
 * the machine.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include "fz-review-private.h"

void
fz_review_set_decision (FzReview   *self,
                        const char *element_id,
                        FzStatus    status,
                        const char *reason)
{
  const FzReviewDecision *old;
  FzReviewDecision *d;
  gboolean was_decided;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (element_id != NULL && *element_id != '\0');
  g_return_if_fail (_fz_review_is_decision_status (status));

  if (reason != NULL && *reason == '\0')
    reason = NULL;

  old = g_hash_table_lookup (self->decisions, element_id);
  if (old != NULL && old->status == status && g_strcmp0 (old->reason, reason) == 0)
    return;
  was_decided = old != NULL;

  {
    g_autofree char *what = g_strconcat ("decision:", element_id, NULL);

    d = g_new0 (FzReviewDecision, 1);
    d->status = status;
    d->reason = g_strdup (reason);
    d->time = g_date_time_new_now_utc ();

    /* Log before replacing: @old is freed by the replace. */
    {
      FzReviewChange *change = g_new0 (FzReviewChange, 1);

      change->time = g_date_time_ref (d->time);
      change->what = g_steal_pointer (&what);
      change->old_value = old ? g_strdup (fz_status_to_string (old->status)) : NULL;
      change->new_value = g_strdup (fz_status_to_string (status));
      change->why = g_strdup (reason);
      g_ptr_array_add (self->log, change);
    }
    g_hash_table_replace (self->decisions, g_strdup (element_id), d);
  }

  _fz_review_emit_decision_changed (self, element_id, !was_decided);
}

gboolean
fz_review_get_decision (FzReview    *self,
                        const char  *element_id,
                        FzStatus    *status,
                        const char **reason,
                        GDateTime  **time)
{
  const FzReviewDecision *d;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);

  d = g_hash_table_lookup (self->decisions, element_id);
  if (d == NULL)
    return FALSE;

  if (status != NULL)
    *status = d->status;
  if (reason != NULL)
    *reason = d->reason;
  if (time != NULL)
    *time = d->time;

  return TRUE;
}

void
fz_review_clear_decision (FzReview   *self,
                          const char *element_id)
{
  const FzReviewDecision *old;
  g_autofree char *what = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (element_id != NULL);

  old = g_hash_table_lookup (self->decisions, element_id);
  if (old == NULL)
    return;

  /* @element_id may point into the table's own key. */
  id = g_strdup (element_id);
  what = g_strconcat ("decision:", id, NULL);
  {
    FzReviewChange *change = g_new0 (FzReviewChange, 1);

    change->time = g_date_time_new_now_utc ();
    change->what = g_steal_pointer (&what);
    change->old_value = g_strdup (fz_status_to_string (old->status));
    g_ptr_array_add (self->log, change);
  }
  g_hash_table_remove (self->decisions, id);

  _fz_review_emit_decision_changed (self, id, TRUE);
}

guint
fz_review_get_n_decided (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  return g_hash_table_size (self->decisions);
}

char **
fz_review_dup_decided_ids (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  return _fz_review_dup_sorted_keys (self->decisions);
}
