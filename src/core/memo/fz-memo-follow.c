/* fz-memo-follow.c: the letter's parts beyond the report itself
 *
 * What the reviewer knows of the report besides its text goes into the
 * letter as parts of their own, numbered in turn with the others and
 * keyed so that the reviewer can reword them:
 * - 评分情况: the total and 等次 under the bureau's scoring table, when the
 *   reviewer puts it in (a bureau that scores does not always send the
 *   figure back to the unit);
 * - 首次审查意见整改情况: in round two, what the revised report fixed of
 *   the first round's points and what is still open;
 * - 上年度工作落实情况: last year's plan, shortcomings and rectification
 *   requests, followed through into this year's report.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-memo-letter-private.h"

/* Keys of the paragraphs, as the review keeps their rewording. */
#define KEY_SCORE            "score"
#define KEY_ROUNDS_SUMMARY   "rounds:summary"
#define KEY_HISTORY          "history"

static gboolean
letter_states_score (Letter *l)
{
  if (l->options->score == NULL)
    return FALSE;

  return l->options->with_score || (l->review != NULL && fz_review_get_score_in_memo (l->review));
}

void
_fz_letter_add_score (Letter *l)
{
  g_autofree char *text = NULL;

  if (!letter_states_score (l))
    return;

  text = fz_score_dup_memo_paragraph (l->options->score);
  _fz_letter_heading (l, "评分情况");
  _fz_letter_paragraph (l, KEY_SCORE, NULL, text);
}

void
_fz_letter_add_rounds (Letter *l)
{
  static const struct { FzPointState state; const char *key; } parts[] = {
    { FZ_POINT_RESOLVED, "rounds:resolved" },
    { FZ_POINT_OPEN, "rounds:open" },
    { FZ_POINT_CHANGED, "rounds:changed" },
  };
  g_autofree char *summary = NULL;

  if (l->options->rounds == NULL)
    return;

  summary = fz_rounds_dup_memo_summary (l->options->rounds);
  _fz_letter_heading (l, "首次审查意见整改情况");
  _fz_letter_paragraph (l, KEY_ROUNDS_SUMMARY, NULL, summary);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *text = fz_rounds_dup_memo_points (l->options->rounds, parts[i].state);

      if (text != NULL)
        _fz_letter_paragraph (l, parts[i].key, NULL, text);
    }
}

void
_fz_letter_add_history (Letter *l)
{
  g_autofree char *text = NULL;

  if (l->options->history == NULL)
    return;

  text = fz_history_dup_memo_paragraph (l->options->history);
  _fz_letter_heading (l, "上年度工作落实情况");
  _fz_letter_paragraph (l, KEY_HISTORY, NULL, text);
}

/* Facts ------------------------------------------------------------------ */

static double
two_places (double points)
{
  return (double) (gint64) (points * 100 + (points >= 0 ? 0.5 : -0.5)) / 100;
}

void
_fz_letter_follow_facts (Letter     *l,
                         JsonObject *facts)
{
  if (letter_states_score (l))
    {
      FzScore *score = l->options->score;
      const FzScoreBand *band = fz_score_get_band (score);
      JsonObject *o = json_object_new ();

      json_object_set_double_member (o, "total", two_places (fz_score_get_total (score)));
      json_object_set_double_member (o, "max", two_places (fz_score_get_max (score)));
      json_object_set_boolean_member (o, "complete", fz_score_get_complete (score));
      if (band != NULL)
        {
          json_object_set_string_member (o, "grade", band->id);
          json_object_set_string_member (o, "grade_name", band->name);
        }
      else
        {
          json_object_set_null_member (o, "grade");
          json_object_set_null_member (o, "grade_name");
        }
      json_object_set_object_member (facts, "score", o);
    }
  else
    json_object_set_null_member (facts, "score");

  if (l->options->rounds != NULL)
    {
      FzRounds *rounds = l->options->rounds;
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "points", g_list_model_get_n_items (G_LIST_MODEL (rounds)));
      json_object_set_int_member (o, "resolved", fz_rounds_count (rounds, FZ_POINT_RESOLVED));
      json_object_set_int_member (o, "open", fz_rounds_count (rounds, FZ_POINT_OPEN));
      json_object_set_int_member (o, "changed", fz_rounds_count (rounds, FZ_POINT_CHANGED));
      json_object_set_object_member (facts, "rounds", o);
    }
  else
    json_object_set_null_member (facts, "rounds");

  if (l->options->history != NULL)
    {
      FzHistory *history = l->options->history;
      GListModel *plan = fz_history_get_plan (history);
      GListModel *requests = fz_history_get_requests (history);
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "plan", g_list_model_get_n_items (plan));
      json_object_set_int_member (o, "plan_done", fz_history_count (plan, FZ_FOLLOW_DONE));
      json_object_set_int_member (o, "plan_mentioned", fz_history_count (plan, FZ_FOLLOW_MENTIONED));
      json_object_set_int_member (o, "plan_not_mentioned", fz_history_count (plan, FZ_FOLLOW_NOT_MENTIONED));
      json_object_set_int_member (o, "shortcomings_repeated",
                                  g_list_model_get_n_items (fz_history_get_shortcomings (history)));
      if (fz_history_get_last_review (history) != NULL)
        {
          json_object_set_int_member (o, "requests", g_list_model_get_n_items (requests));
          json_object_set_int_member (o, "requests_answered", fz_history_count (requests, FZ_FOLLOW_ANSWERED));
        }
      else
        {
          json_object_set_null_member (o, "requests");
          json_object_set_null_member (o, "requests_answered");
        }
      json_object_set_object_member (facts, "history", o);
    }
  else
    json_object_set_null_member (facts, "history");
}
