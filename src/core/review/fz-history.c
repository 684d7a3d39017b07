/* fz-history.c: a unit across the years — last year's report followed up
 *
 * Next spring the same unit reports again, and the reviewer asks: did it
 * do what it planned, are its shortcomings last year's, did it answer
 * last year's rectification requests, how did its figures move?  The
 * matching is in fz-history-match.c; this holds the results as list
 * models for a view, and words them for the memo and the JSON.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-history"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fz-history-private.h"
#include "fz-history.h"
#include "fz-json-reader.h"
#include "fz-text-util.h"
#include "fz-textsim.h"

struct _FzHistory
{
  GObject     parent_instance;

  FzAnalysis *last;
  FzReview   *last_review;
  FzAnalysis *current;
  GListStore *plan;
  GListStore *shortcomings;
  GListStore *requests;
  GListStore *figures;
  GPtrArray  *findings;           /* FzFinding */
};

G_DEFINE_FINAL_TYPE (FzHistory, fz_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LAST,
  PROP_LAST_REVIEW,
  PROP_CURRENT,
  PROP_PLAN,
  PROP_SHORTCOMINGS,
  PROP_REQUESTS,
  PROP_FIGURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_history_finalize (GObject *object)
{
  FzHistory *self = FZ_HISTORY (object);

  g_clear_object (&self->last);
  g_clear_object (&self->last_review);
  g_clear_object (&self->current);
  g_clear_object (&self->plan);
  g_clear_object (&self->shortcomings);
  g_clear_object (&self->requests);
  g_clear_object (&self->figures);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_history_parent_class)->finalize (object);
}

static void
fz_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FzHistory *self = FZ_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LAST:
      g_value_set_object (value, self->last);
      break;
    case PROP_LAST_REVIEW:
      g_value_set_object (value, self->last_review);
      break;
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SHORTCOMINGS:
      g_value_set_object (value, self->shortcomings);
      break;
    case PROP_REQUESTS:
      g_value_set_object (value, self->requests);
      break;
    case PROP_FIGURES:
      g_value_set_object (value, self->figures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_history_class_init (FzHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_history_finalize;
  object_class->get_property = fz_history_get_property;

  properties[PROP_LAST] = g_param_spec_object ("last", NULL, NULL, FZ_TYPE_ANALYSIS, ro);
  properties[PROP_LAST_REVIEW] = g_param_spec_object ("last-review", NULL, NULL, FZ_TYPE_REVIEW, ro);
  properties[PROP_CURRENT] = g_param_spec_object ("current", NULL, NULL, FZ_TYPE_ANALYSIS, ro);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_SHORTCOMINGS] = g_param_spec_object ("shortcomings", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_REQUESTS] = g_param_spec_object ("requests", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_FIGURES] = g_param_spec_object ("figures", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_history_init (FzHistory *self)
{
  self->plan = g_list_store_new (FZ_TYPE_HISTORY_ITEM);
  self->shortcomings = g_list_store_new (FZ_TYPE_HISTORY_ITEM);
  self->requests = g_list_store_new (FZ_TYPE_HISTORY_ITEM);
  self->figures = g_list_store_new (FZ_TYPE_HISTORY_ITEM);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
}

FzHistory *
fz_history_new (FzAnalysis *last,
                FzReview   *last_review,
                FzAnalysis *current)
{
  FzHistory *self;

  g_return_val_if_fail (FZ_IS_ANALYSIS (last), NULL);
  g_return_val_if_fail (last_review == NULL || FZ_IS_REVIEW (last_review), NULL);
  g_return_val_if_fail (FZ_IS_ANALYSIS (current), NULL);

  self = g_object_new (FZ_TYPE_HISTORY, NULL);
  self->last = g_object_ref (last);
  self->last_review = last_review ? g_object_ref (last_review) : NULL;
  self->current = g_object_ref (current);
  _fz_history_match (last, last_review, current, self->plan, self->shortcomings,
                     self->requests, self->figures, self->findings);
  return self;
}

typedef struct
{
  FzAnalysis *last;
  FzReview   *last_review;
  FzAnalysis *current;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->last);
  g_clear_object (&data->last_review);
  g_clear_object (&data->current);
  g_free (data);
}

static void
new_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NewData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, fz_history_new (data->last, data->last_review, data->current), g_object_unref);
}

void
fz_history_new_async (FzAnalysis          *last,
                      FzReview            *last_review,
                      FzAnalysis          *current,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  NewData *data;

  g_return_if_fail (FZ_IS_ANALYSIS (last));
  g_return_if_fail (last_review == NULL || FZ_IS_REVIEW (last_review));
  g_return_if_fail (FZ_IS_ANALYSIS (current));

  data = g_new0 (NewData, 1);
  data->last = g_object_ref (last);
  data->last_review = last_review ? g_object_ref (last_review) : NULL;
  data->current = g_object_ref (current);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_history_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  g_task_run_in_thread (task, new_in_thread);
}

FzHistory *
fz_history_new_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

FzAnalysis *
fz_history_get_last (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return self->last;
}

FzReview *
fz_history_get_last_review (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return self->last_review;
}

FzAnalysis *
fz_history_get_current (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return self->current;
}

GListModel *
fz_history_get_plan (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->plan);
}

GListModel *
fz_history_get_shortcomings (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->shortcomings);
}

GListModel *
fz_history_get_requests (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->requests);
}

GListModel *
fz_history_get_figures (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->figures);
}

guint
fz_history_count (GListModel *model,
                  FzFollowUp  follow_up)
{
  guint n = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), 0);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);

      if (fz_history_item_get_follow_up (item) == follow_up)
        n++;
    }
  return n;
}

GPtrArray *
fz_history_get_findings (FzHistory *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);
  return self->findings;
}

/* The memo. */

/* Up to three of @model's items with @follow_up, quoted: “…”、“…”等. */
static void
append_quoted (GString    *out,
               GListModel *model,
               FzFollowUp  follow_up)
{
  guint shown = 0, total = fz_history_count (model, follow_up);

  for (guint i = 0; i < g_list_model_get_n_items (model) && shown < 3; i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);
      const char *text = fz_history_item_get_last_text (item);
      glong len = g_utf8_strlen (text, -1);

      if (fz_history_item_get_follow_up (item) != follow_up)
        continue;
      g_string_append (out, shown > 0 ? "、“" : "“");
      if (len > 30)
        {
          g_autofree char *head = g_utf8_substring (text, 0, 30);

          g_string_append_printf (out, "%s…", head);
        }
      else
        {
          g_autofree char *trimmed = g_strdup (text);
          gsize n = strlen (trimmed);

          /* A sentence's own full stop does not go inside the quote. */
          if (n >= strlen ("。") && g_str_has_suffix (trimmed, "。"))
            trimmed[n - strlen ("。")] = '\0';
          g_string_append (out, trimmed);
        }
      g_string_append (out, "”");
      shown++;
    }
  if (total > shown)
    g_string_append (out, "等");
}

char *
fz_history_dup_memo_paragraph (FzHistory *self)
{
  const FzMetadata *meta;
  GListModel *plan, *repeated, *requests;
  guint n_plan, done, mentioned, missing;
  GString *out;
  gboolean said = FALSE;

  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);

  meta = fz_analysis_get_metadata (self->last);
  plan = G_LIST_MODEL (self->plan);
  repeated = G_LIST_MODEL (self->shortcomings);
  requests = G_LIST_MODEL (self->requests);
  n_plan = g_list_model_get_n_items (plan);
  done = fz_history_count (plan, FZ_FOLLOW_DONE);
  mentioned = fz_history_count (plan, FZ_FOLLOW_MENTIONED);
  missing = fz_history_count (plan, FZ_FOLLOW_NOT_MENTIONED);

  out = g_string_new ("对照上年度报告");
  if (meta->title.value != NULL)
    g_string_append_printf (out, "《%s》", meta->title.value);
  g_string_append (out, "，");

  if (n_plan > 0)
    {
      g_string_append_printf (out, "上年度报告提出的下一年度主要安排共%u项，本年度报告中已见落实%u项", n_plan, done);
      if (mentioned > 0)
        g_string_append_printf (out, "，有提及但未见具体成效%u项", mentioned);
      if (missing > 0)
        {
          g_string_append_printf (out, "，未提及%u项（", missing);
          append_quoted (out, plan, FZ_FOLLOW_NOT_MENTIONED);
          g_string_append (out, "）");
        }
      said = TRUE;
    }
  else
    {
      g_string_append (out, "上年度报告未列明下一年度主要安排，无法对照落实情况");
      said = TRUE;
    }

  if (g_list_model_get_n_items (repeated) > 0)
    {
      g_string_append_printf (out, "%s本年度报告所列不足中有%u处与上年度基本相同（", said ? "；" : "",
                              g_list_model_get_n_items (repeated));
      append_quoted (out, repeated, FZ_FOLLOW_REPEATED);
      g_string_append (out, "），整改成效不明显");
    }

  if (self->last_review != NULL && g_list_model_get_n_items (requests) > 0)
    {
      guint answered = fz_history_count (requests, FZ_FOLLOW_ANSWERED);
      guint open = fz_history_count (requests, FZ_FOLLOW_NOT_ANSWERED);

      g_string_append_printf (out, "；上年度审查提出的整改要求%u项，本年度报告已回应%u项",
                              g_list_model_get_n_items (requests), answered);
      if (open > 0)
        {
          g_string_append_printf (out, "，未回应%u项（", open);
          append_quoted (out, requests, FZ_FOLLOW_NOT_ANSWERED);
          g_string_append (out, "）");
        }
    }
  g_string_append (out, "。");

  if (missing > 0 || g_list_model_get_n_items (repeated) > 0)
    g_string_append (out, "请在今后的报告中逐项说明上年度工作安排的落实情况和存在问题的整改情况。");

  return g_string_free (out, FALSE);
}

/* JSON. */

/* A place nowhere is written as null. */
G_STATIC_ASSERT (FZ_HISTORY_NO_PLACE == G_MAXUINT);

static JsonArray *
items_json (GListModel *model)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();
      guint start, end;

      json_object_set_string_member (o, "state", fz_follow_up_to_string (fz_history_item_get_follow_up (item)));
      json_object_set_string_member (o, "last", fz_history_item_get_last_text (item));
      _fz_json_set_string_or_null (o, "current", fz_history_item_get_current_text (item));
      json_object_set_double_member (o, "similarity", round (fz_history_item_get_similarity (item) * 100) / 100);
      fz_history_item_get_last_place (item, &start, &end);
      _fz_json_set_place_or_null (o, "last_place", start, end);
      fz_history_item_get_current_place (item, &start, &end);
      _fz_json_set_place_or_null (o, "current_place", start, end);
      if (fz_history_item_get_kind (item) == FZ_HISTORY_FIGURE)
        {
          json_object_set_string_member (o, "last_value", fz_history_item_get_last_value (item));
          json_object_set_string_member (o, "current_value", fz_history_item_get_current_value (item));
          json_object_set_double_member (o, "change", fz_history_item_get_change (item));
        }
      json_array_add_object_element (array, o);
    }
  return array;
}

JsonNode *
fz_history_to_json (FzHistory *self)
{
  JsonObject *o = json_object_new ();
  const FzMetadata *meta;
  g_autofree char *memo = NULL;
  JsonNode *node;

  g_return_val_if_fail (FZ_IS_HISTORY (self), NULL);

  meta = fz_analysis_get_metadata (self->last);
  _fz_json_set_int_or_null (o, "previous_year", meta->report_year > 0 ? meta->report_year : -1);
  _fz_json_set_string_or_null (o, "previous_title", meta->title.value);
  json_object_set_boolean_member (o, "previous_reviewed", self->last_review != NULL);
  json_object_set_array_member (o, "plan", items_json (G_LIST_MODEL (self->plan)));
  json_object_set_array_member (o, "shortcomings_repeated", items_json (G_LIST_MODEL (self->shortcomings)));
  if (self->last_review != NULL)
    json_object_set_array_member (o, "requests", items_json (G_LIST_MODEL (self->requests)));
  else
    json_object_set_null_member (o, "requests");
  json_object_set_array_member (o, "figures", items_json (G_LIST_MODEL (self->figures)));
  memo = fz_history_dup_memo_paragraph (self);
  json_object_set_string_member (o, "memo", memo);

  node = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);
  return node;
}

/* Finding last year's report. */

/* The unit as named by the report, with the words every unit's name has
 * taken off: "中共湖头镇委员会 湖头镇人民政府" → "湖头镇湖头镇". */
static char *
unit_key (FzAnalysis *analysis)
{
  static const char * const generic[] = { "中国共产党", "中共", "委员会", "人民政府", "办事处", "政府", "党委", NULL };
  const FzMetadata *meta = fz_analysis_get_metadata (analysis);
  g_autofree char *name = NULL;
  GString *key;

  if (meta->issuer.value != NULL)
    name = g_strdup (meta->issuer.value);
  else if (meta->title.value != NULL)
    {
      /* The title names the unit before "关于" or the year. */
      const char *t = meta->title.value;
      const char *stop = strstr (t, "关于");
      const char *digit = t;

      while (*digit != '\0' && !g_ascii_isdigit (*digit))
        digit++;
      if (stop == NULL || (*digit != '\0' && digit < stop))
        stop = *digit != '\0' ? digit : NULL;
      if (stop != NULL && stop > t)
        name = g_strndup (t, stop - t);
    }
  if (name == NULL)
    return NULL;

  key = g_string_new (NULL);
  for (const char *p = name; *p != '\0';)
    {
      gboolean skipped = FALSE;

      for (guint i = 0; generic[i] != NULL && !skipped; i++)
        if (g_str_has_prefix (p, generic[i]))
          {
            p += strlen (generic[i]);
            skipped = TRUE;
          }
      if (skipped)
        continue;
      if (!fz_unichar_is_space (g_utf8_get_char (p)) && *p != ' ')
        g_string_append_unichar (key, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  if (g_utf8_strlen (key->str, -1) < 2)
    {
      g_string_free (key, TRUE);
      return NULL;
    }
  return g_string_free (key, FALSE);
}

gboolean
fz_history_same_unit (FzAnalysis *a,
                      FzAnalysis *b)
{
  g_autofree char *ka = unit_key (a);
  g_autofree char *kb = unit_key (b);
  g_autoptr(FzBigrams) pa = NULL;
  g_autoptr(FzBigrams) pb = NULL;

  if (ka == NULL || kb == NULL)
    return FALSE;
  /* "遂溪县北坡镇" and "北坡镇": one name inside the other. */
  if (strstr (ka, kb) != NULL || strstr (kb, ka) != NULL)
    return TRUE;
  pa = fz_bigrams_new (ka, -1);
  pb = fz_bigrams_new (kb, -1);
  return fz_bigrams_dice (pa, pb) >= 0.8;
}

int
fz_history_find_previous (FzAnalysis *current,
                          GPtrArray  *candidates)
{
  int year = fz_analysis_get_metadata (current)->report_year;
  int best = -1, best_year = G_MININT;

  g_return_val_if_fail (FZ_IS_ANALYSIS (current), -1);
  g_return_val_if_fail (candidates != NULL, -1);

  for (guint i = 0; i < candidates->len; i++)
    {
      FzAnalysis *c = g_ptr_array_index (candidates, i);
      int y;

      if (c == NULL || c == current || !fz_history_same_unit (current, c))
        continue;
      y = fz_analysis_get_metadata (c)->report_year;
      /* An earlier year; the year before above all. */
      if (year > 0 && (y <= 0 || y >= year))
        continue;
      if (y > best_year)
        {
          best_year = y;
          best = i;
        }
    }
  return best;
}
