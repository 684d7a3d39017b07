/* fz-score-output.c: a score as JSON and as a paragraph of the memo
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-score"

#include "config.h"

#include <math.h>

#include "fz-json-reader.h"
#include "fz-score.h"

char *
fz_score_format_points (double points)
{
  gint64 centi = llround (points * 100);
  const char *sign = centi < 0 ? "-" : "";

  centi = ABS (centi);
  if (centi % 100 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, centi / 100);
  if (centi % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, sign, centi / 100, centi % 100 / 10);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, sign, centi / 100, centi % 100);
}

/* JSON */

/* Whole points as integers ("100", not "100.0"); halves and quarters are
 * exact in binary and print as written. */
static void
set_points (JsonObject *o,
            const char *name,
            double      points)
{
  gint64 centi = llround (points * 100);

  if (centi % 100 == 0)
    json_object_set_int_member (o, name, centi / 100);
  else
    json_object_set_double_member (o, name, centi / 100.0);
}

/* Where each deduction's evidence lies is not repeated here: the
 * elements and findings of the report give it. */
static JsonObject *
deduction_to_json (const FzScoreDeduction *d)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "kind", d->kind == FZ_SCORE_RULE_ELEMENT ? "element" : "finding");
  json_object_set_string_member (o, "ref", d->ref);
  json_object_set_string_member (o, "label", d->label);
  if (d->kind == FZ_SCORE_RULE_ELEMENT)
    {
      json_object_set_string_member (o, "status", fz_status_to_string (d->status));
      json_object_set_boolean_member (o, "by_reviewer", d->by_reviewer);
    }
  json_object_set_int_member (o, "count", d->count);
  set_points (o, "points", FZ_SCORE_POINTS (d->points));
  json_object_set_boolean_member (o, "capped", d->capped);

  return o;
}

static JsonObject *
item_to_json (FzScoreItem *item)
{
  JsonObject *o = json_object_new ();
  JsonArray *deductions = json_array_new ();
  GPtrArray *list = fz_score_item_get_deductions (item);
  gboolean pending = fz_score_item_get_pending (item);

  json_object_set_string_member (o, "id", fz_score_item_get_id (item));
  json_object_set_string_member (o, "name", fz_score_item_get_name (item));
  set_points (o, "max", fz_score_item_get_max (item));
  if (pending)
    {
      json_object_set_null_member (o, "points");
      json_object_set_null_member (o, "deducted");
    }
  else
    {
      set_points (o, "points", fz_score_item_get_points (item));
      set_points (o, "deducted", fz_score_item_get_deducted (item));
    }
  json_object_set_string_member (o, "reason", fz_score_item_get_reason (item));
  json_object_set_boolean_member (o, "manual", fz_score_item_get_manual (item));
  json_object_set_boolean_member (o, "pending", pending);
  json_object_set_boolean_member (o, "adjusted", fz_score_item_get_adjusted (item));
  if (fz_score_item_get_manual (item))
    json_object_set_null_member (o, "machine_points");
  else
    set_points (o, "machine_points", fz_score_item_get_machine_points (item));
  for (guint i = 0; i < list->len; i++)
    json_array_add_object_element (deductions, deduction_to_json (g_ptr_array_index (list, i)));
  json_object_set_array_member (o, "deductions", deductions);

  return o;
}

JsonNode *
fz_score_to_json (FzScore *self)
{
  JsonObject *o;
  JsonNode *node;
  JsonArray *items;
  GListModel *model;

  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);

  o = json_object_new ();
  items = json_array_new ();
  model = fz_score_get_items (self);

  json_object_set_string_member (o, "table", fz_score_table_get_id (fz_score_get_table (self)));
  json_object_set_string_member (o, "name", fz_score_table_get_display_name (fz_score_get_table (self)));
  set_points (o, "total", fz_score_get_total (self));
  set_points (o, "max", fz_score_get_max (self));
  set_points (o, "pending", fz_score_get_pending (self));
  json_object_set_boolean_member (o, "complete", fz_score_get_complete (self));
  _fz_json_set_string_or_null (o, "grade", fz_score_get_grade (self));
  _fz_json_set_string_or_null (o, "grade_name", fz_score_get_grade_name (self));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzScoreItem) item = g_list_model_get_item (model, i);

      json_array_add_object_element (items, item_to_json (item));
    }
  json_object_set_array_member (o, "items", items);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);
  return node;
}

/* The memo paragraph.  The memo is a Chinese official document whatever
 * the reviewer's language, so this text is Chinese throughout: the
 * table's and the rule set's Chinese names, not the display names. */

static const char *
status_zh (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_MISSING:      return "缺失";
    case FZ_STATUS_PARTIAL:      return "部分具备";
    case FZ_STATUS_NEEDS_REVIEW: return "有待确认";
    case FZ_STATUS_PRESENT:
    case FZ_STATUS_NOT_APPLICABLE:
    default:                     return "";
    }
}

static void
append_deduction_zh (GString                *out,
                     const FzScoreDeduction *d)
{
  if (d->kind == FZ_SCORE_RULE_ELEMENT)
    g_string_append_printf (out, "%s%s", d->label_zh, status_zh (d->status));
  else
    g_string_append_printf (out, "%s%u处", d->label_zh, d->count);
}

char *
fz_score_dup_memo_paragraph (FzScore *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  FzScoreTable *table;
  const FzScoreBand *band;
  GListModel *items;
  gboolean first = TRUE;

  g_return_val_if_fail (FZ_IS_SCORE (self), NULL);

  table = fz_score_get_table (self);
  band = fz_score_get_band (self);
  items = fz_score_get_items (self);
  total = fz_score_format_points (fz_score_get_total (self));
  max = fz_score_format_points (fz_score_get_max (self));

  g_string_append_printf (out, "按《%s》评分，", fz_score_table_get_name (table));
  if (fz_score_get_complete (self))
    g_string_append_printf (out, "本报告得%s分（满分%s分）", total, max);
  else
    g_string_append_printf (out, "本报告已评项目得%s分（满分%s分）", total, max);
  if (band != NULL)
    g_string_append_printf (out, "，等次为%s。", band->name);
  else
    g_string_append (out, "，等次待审查人评分后确定。");

  g_string_append (out, "各项得分：");
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FzScoreItem) item = g_list_model_get_item (items, i);
      const FzScoreTableItem *def = fz_score_table_find_item (table, fz_score_item_get_id (item));
      g_autofree char *points = fz_score_format_points (fz_score_item_get_points (item));
      g_autofree char *item_max = fz_score_format_points (fz_score_item_get_max (item));
      g_autofree char *deducted = fz_score_format_points (fz_score_item_get_deducted (item));
      GPtrArray *deductions = fz_score_item_get_deductions (item);

      if (!first)
        g_string_append (out, "；");
      first = FALSE;

      if (fz_score_item_get_pending (item))
        {
          g_string_append_printf (out, "%s待评分（满分%s分）", def->name, item_max);
          g_string_append_printf (pending, "%s%s", pending->len > 0 ? "、" : "", def->name);
          continue;
        }

      g_string_append_printf (out, "%s%s分（满分%s分", def->name, points, item_max);
      if (fz_score_item_get_adjusted (item))
        {
          const char *reason = fz_score_item_get_adjustment_reason (item);

          if (def->manual)
            g_string_append (out, "，审查人评分");
          else
            g_string_append (out, "，审查人调整");
          if (reason != NULL)
            g_string_append_printf (out, "：%s", reason);
        }
      else if (deductions->len > 0)
        {
          g_string_append_printf (out, "，扣%s分：", deducted);
          for (guint k = 0; k < deductions->len; k++)
            {
              if (k > 0)
                g_string_append (out, "、");
              append_deduction_zh (out, g_ptr_array_index (deductions, k));
            }
        }
      g_string_append (out, "）");
    }
  g_string_append (out, "。");

  if (pending->len > 0)
    g_string_append_printf (out, "%s由审查人评分。", pending->str);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
