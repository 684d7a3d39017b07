/* fz-review-score.c: what a review records for scoring and filing
 *
 * The reviewer's points for an item of a scoring table, with the reason,
 * and the filing record (收文日期, channel, 公开日期, address and column)
 * belong to the review: they are logged, saved with it and restored when
 * the report is opened again.  An adjustment is kept per table and item,
 * so that switching to another rule set's table never applies points
 * meant for a different item.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fz-filing-private.h"
#include "fz-review-private.h"
#include "fz-score.h"

/* Far above any table's points: a bound on what a file may claim. */
#define MAX_ADJUSTMENT_CENTI (100000 * 100)

void
_fz_review_adjustment_free (gpointer data)
{
  FzReviewAdjustment *adjustment = data;

  g_free (adjustment->reason);
  g_clear_pointer (&adjustment->time, g_date_time_unref);
  g_free (adjustment);
}

static char *
adjustment_key (const char *table_id,
                const char *item_id)
{
  /* Ids never hold "/", so the key is unambiguous. */
  return g_strconcat (table_id, "/", item_id, NULL);
}

static void
filing_changed (FzFiling   *filing,
                const char *property,
                const char *old_value,
                const char *new_value,
                gpointer    user_data)
{
  g_autofree char *what = g_strconcat ("filing:", property, NULL);

  _fz_review_record (user_data, what, old_value, new_value, NULL, FALSE);
}

void
_fz_review_init_score (FzReview    *self,
                       FzFiling   **filing,
                       GHashTable **adjustments)
{
  *filing = fz_filing_new ();
  g_signal_connect (*filing, "changed", G_CALLBACK (filing_changed), self);
  *adjustments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _fz_review_adjustment_free);
}

static int
to_centi (double points)
{
  return (int) lround (points * 100);
}

static char *
describe_points (int centi)
{
  return fz_score_format_points (FZ_SCORE_POINTS (centi));
}

void
fz_review_set_score_adjustment (FzReview   *self,
                                const char *table_id,
                                const char *item_id,
                                double      points,
                                const char *reason)
{
  GHashTable *adjustments;
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_points = NULL;
  g_autofree char *new_points = NULL;
  const FzReviewAdjustment *old;
  FzReviewAdjustment *adjustment;
  int centi;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (table_id != NULL && item_id != NULL);
  g_return_if_fail (points >= 0 && to_centi (points) <= MAX_ADJUSTMENT_CENTI);

  if (reason != NULL && *reason == '\0')
    reason = NULL;
  centi = to_centi (points);
  adjustments = _fz_review_get_adjustments (self);
  key = adjustment_key (table_id, item_id);
  old = g_hash_table_lookup (adjustments, key);
  if (old != NULL && old->points == centi && g_strcmp0 (old->reason, reason) == 0)
    return;

  adjustment = g_new0 (FzReviewAdjustment, 1);
  adjustment->points = centi;
  adjustment->reason = g_strdup (reason);
  adjustment->time = g_date_time_new_now_utc ();

  what = g_strconcat ("score:", key, NULL);
  old_points = old != NULL ? describe_points (old->points) : NULL;
  new_points = describe_points (centi);
  /* The table keeps the key; @old dies in the replace. */
  g_hash_table_replace (adjustments, g_strdup (key), adjustment);
  _fz_review_emit_score_adjustment_changed (self, table_id, item_id);
  _fz_review_record (self, what, old_points, new_points, reason, FALSE);
}

gboolean
fz_review_get_score_adjustment (FzReview    *self,
                                const char  *table_id,
                                const char  *item_id,
                                double      *points,
                                const char **reason,
                                GDateTime  **time)
{
  g_autofree char *key = NULL;
  const FzReviewAdjustment *adjustment;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (table_id != NULL && item_id != NULL, FALSE);

  key = adjustment_key (table_id, item_id);
  adjustment = g_hash_table_lookup (_fz_review_get_adjustments (self), key);
  if (adjustment == NULL)
    return FALSE;

  if (points != NULL)
    *points = FZ_SCORE_POINTS (adjustment->points);
  if (reason != NULL)
    *reason = adjustment->reason;
  if (time != NULL)
    *time = adjustment->time;

  return TRUE;
}

void
fz_review_clear_score_adjustment (FzReview   *self,
                                  const char *table_id,
                                  const char *item_id)
{
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_points = NULL;
  const FzReviewAdjustment *old;

  g_return_if_fail (FZ_IS_REVIEW (self));
  g_return_if_fail (table_id != NULL && item_id != NULL);

  key = adjustment_key (table_id, item_id);
  old = g_hash_table_lookup (_fz_review_get_adjustments (self), key);
  if (old == NULL)
    return;

  what = g_strconcat ("score:", key, NULL);
  old_points = describe_points (old->points);
  g_hash_table_remove (_fz_review_get_adjustments (self), key);
  _fz_review_emit_score_adjustment_changed (self, table_id, item_id);
  _fz_review_record (self, what, old_points, NULL, NULL, FALSE);
}

guint
fz_review_get_n_score_adjustments (FzReview *self)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), 0);
  return g_hash_table_size (_fz_review_get_adjustments (self));
}

/* Saving and reading */

gboolean
_fz_review_score_to_json (FzFiling   *filing,
                          GHashTable *adjustments,
                          JsonObject *o)
{
  g_auto(GStrv) keys = NULL;
  JsonArray *array;

  if (fz_filing_is_empty (filing) && g_hash_table_size (adjustments) == 0)
    return FALSE;

  json_object_set_object_member (o, "filing", fz_filing_to_json (filing));

  /* Sorted, so that saving twice writes the same file. */
  keys = _fz_review_dup_sorted_keys (adjustments);

  array = json_array_new ();
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *k = keys[i];
      const FzReviewAdjustment *adjustment = g_hash_table_lookup (adjustments, k);
      const char *slash = strchr (k, '/');
      g_autofree char *table = g_strndup (k, slash - k);
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "table", table);
      json_object_set_string_member (e, "item", slash + 1);
      json_object_set_double_member (e, "points", FZ_SCORE_POINTS (adjustment->points));
      _fz_json_set_string_or_null (e, "reason", adjustment->reason);
      _fz_json_set_time_or_null (e, "time", adjustment->time);
      json_array_add_object_element (array, e);
    }
  json_object_set_array_member (o, "score_adjustments", array);

  return TRUE;
}

static gboolean
is_id (const char *id)
{
  if (id == NULL || !g_ascii_isalpha (id[0]) || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

gboolean
_fz_review_score_read_json (FzFiling     *filing,
                            GHashTable   *adjustments,
                            FzJsonReader *r,
                            JsonObject   *o)
{
  JsonArray *array;

  if (json_object_has_member (o, "filing") && !JSON_NODE_HOLDS_NULL (json_object_get_member (o, "filing")))
    {
      JsonObject *f = _fz_json_reader_get_object (r, o, "filing");

      if (f == NULL || !_fz_filing_read_json (filing, r, f))
        return FALSE;
    }

  if (!json_object_has_member (o, "score_adjustments"))
    return TRUE;
  if ((array = _fz_json_reader_get_array (r, o, "score_adjustments")) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *e = _fz_json_reader_get_element (r, array, i, "score_adjustments");
      const char *table, *item, *reason;
      JsonNode *points;
      FzReviewAdjustment *adjustment;
      double value;

      if (e == NULL)
        return FALSE;
      table = _fz_json_reader_get_string (r, e, "table", FALSE);
      item = _fz_json_reader_get_string (r, e, "item", FALSE);
      reason = _fz_json_reader_get_string (r, e, "reason", TRUE);
      points = json_object_get_member (e, "points");
      if (r->failed)
        return FALSE;
      if (!is_id (table) || !is_id (item))
        {
          _fz_json_reader_fail_member (r, is_id (table) ? "item" : "table");
          return FALSE;
        }
      if (points == NULL || !JSON_NODE_HOLDS_VALUE (points) ||
          (json_node_get_value_type (points) != G_TYPE_DOUBLE &&
           json_node_get_value_type (points) != G_TYPE_INT64) ||
          !((value = json_node_get_double (points)) >= 0) || to_centi (value) > MAX_ADJUSTMENT_CENTI)
        {
          _fz_json_reader_fail_member (r, "points");
          return FALSE;
        }

      adjustment = g_new0 (FzReviewAdjustment, 1);
      adjustment->points = to_centi (value);
      adjustment->reason = g_strdup (reason);
      adjustment->time = _fz_json_reader_get_time (r, e, "time", FALSE);
      if (adjustment->time == NULL)
        {
          _fz_review_adjustment_free (adjustment);
          return FALSE;
        }
      g_hash_table_replace (adjustments, adjustment_key (table, item), adjustment);
    }

  return TRUE;
}
