/* fz-review-round.c: what a review keeps of round two
 *
 * The review of a revised report names the report of the first round by
 * its hash, and keeps the reviewer's confirmed state of each point raised
 * then.  Its file gains a "round" member only when there is a first round
 * to follow, so that every other review file is written as before.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include <string.h>

#include "fz-review-private.h"
#include "fz-review-round-private.h"

typedef struct
{
  char      *state;               /* "resolved", "open", "changed" */
  GDateTime *time;
} PointState;

static void
point_state_free (gpointer data)
{
  PointState *p = data;

  g_free (p->state);
  g_clear_pointer (&p->time, g_date_time_unref);
  g_free (p);
}

static gboolean
is_point_state (const char *state)
{
  return g_strcmp0 (state, "resolved") == 0 || g_strcmp0 (state, "open") == 0 ||
         g_strcmp0 (state, "changed") == 0;
}

void
_fz_review_round_init (FzReviewRound *round)
{
  round->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, point_state_free);
}

void
_fz_review_round_clear (FzReviewRound *round)
{
  g_clear_pointer (&round->previous_sha256, g_free);
  g_clear_pointer (&round->previous_name, g_free);
  g_clear_pointer (&round->points, g_hash_table_unref);
}

JsonObject *
_fz_review_round_to_json (FzReviewRound *round)
{
  JsonObject *o = json_object_new ();
  JsonArray *points = json_array_new ();
  g_auto(GStrv) keys = _fz_review_dup_sorted_keys (round->points);

  json_object_set_string_member (o, "previous_sha256", round->previous_sha256);
  _fz_json_set_string_or_null (o, "previous_name", round->previous_name);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const PointState *p = g_hash_table_lookup (round->points, keys[i]);
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "key", keys[i]);
      json_object_set_string_member (e, "state", p->state);
      _fz_json_set_time_or_null (e, "time", p->time);
      json_array_add_object_element (points, e);
    }
  json_object_set_array_member (o, "points", points);
  return o;
}

gboolean
_fz_review_round_from_json (FzReviewRound *round,
                            FzJsonReader  *r,
                            JsonObject    *o)
{
  const char *previous;
  JsonArray *array;

  if (o == NULL || r->failed)
    return FALSE;
  previous = _fz_json_reader_get_string (r, o, "previous_sha256", FALSE);
  if (r->failed)
    return FALSE;
  if (!_fz_review_is_sha256 (previous))
    {
      _fz_json_reader_fail_member (r, "previous_sha256");
      return FALSE;
    }
  round->previous_sha256 = g_strdup (previous);
  round->previous_name = g_strdup (_fz_json_reader_get_string (r, o, "previous_name", TRUE));
  if ((array = _fz_json_reader_get_array (r, o, "points")) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = _fz_json_reader_get_element (r, array, i, "points");
      const char *key, *state;
      g_autoptr(GDateTime) time = NULL;
      PointState *p;

      if (e == NULL)
        return FALSE;
      key = _fz_json_reader_get_string (r, e, "key", FALSE);
      state = _fz_json_reader_get_string (r, e, "state", FALSE);
      time = _fz_json_reader_get_time (r, e, "time", TRUE);
      if (r->failed)
        return FALSE;
      if (!is_point_state (state))
        {
          _fz_json_reader_fail_member (r, "state");
          return FALSE;
        }
      p = g_new0 (PointState, 1);
      p->state = g_strdup (state);
      p->time = g_steal_pointer (&time);
      g_hash_table_replace (round->points, g_strdup (key), p);
    }
  return TRUE;
}

void
fz_review_set_previous_round (FzReview   *self,
                              const char *report_sha256,
                              const char *report_name)
{
  FzReviewRound *round;
  g_autofree char *old = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (report_sha256 == NULL || _fz_review_is_sha256 (report_sha256));

  round = _fz_review_get_round (self);
  if (g_strcmp0 (round->previous_sha256, report_sha256) == 0 &&
      g_strcmp0 (round->previous_name, report_name) == 0)
    return;

  old = g_steal_pointer (&round->previous_sha256);
  round->previous_sha256 = g_strdup (report_sha256);
  g_free (round->previous_name);
  round->previous_name = report_sha256 != NULL ? g_strdup (report_name) : NULL;
  /* Confirmations belong to the round they were made against. */
  if (g_strcmp0 (old, report_sha256) != 0)
    g_hash_table_remove_all (round->points);
  _fz_review_record (self, "round", old, report_sha256, NULL, FALSE);
}

const char *
fz_review_get_previous_round (FzReview    *self,
                              const char **report_name)
{
  FzReviewRound *round;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);

  round = _fz_review_get_round (self);
  if (report_name != NULL)
    *report_name = round->previous_name;
  return round->previous_sha256;
}

void
fz_review_set_point_state (FzReview   *self,
                           const char *key,
                           const char *state)
{
  FzReviewRound *round;
  PointState *old;
  g_autofree char *what = NULL;
  g_autofree char *old_state = NULL;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (state == NULL || is_point_state (state));

  round = _fz_review_get_round (self);
  g_return_if_fail (round->previous_sha256 != NULL);

  old = g_hash_table_lookup (round->points, key);
  if ((old == NULL && state == NULL) || (old != NULL && g_strcmp0 (old->state, state) == 0))
    return;

  old_state = old ? g_strdup (old->state) : NULL;
  what = g_strconcat ("point:", key, NULL);
  if (state == NULL)
    g_hash_table_remove (round->points, key);
  else
    {
      PointState *p = g_new0 (PointState, 1);

      p->state = g_strdup (state);
      p->time = g_date_time_new_now_utc ();
      g_hash_table_replace (round->points, g_strdup (key), p);
    }
  _fz_review_record (self, what, old_state, state, NULL, FALSE);
}

const char *
fz_review_get_point_state (FzReview    *self,
                           const char  *key,
                           GDateTime  **time)
{
  const PointState *p;

  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  p = g_hash_table_lookup (_fz_review_get_round (self)->points, key);
  if (time != NULL)
    *time = p ? p->time : NULL;
  return p ? p->state : NULL;
}

char **
fz_review_dup_point_keys (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), NULL);
  return _fz_review_dup_sorted_keys (_fz_review_get_round (self)->points);
}
