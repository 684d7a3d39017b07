/* fz-rounds.c: round two of a review — what the revised report fixed
 *
 * A unit sends its report back revised.  Each point the first round
 * raised is looked up in the revision through the section-aligned
 * comparison: an element the checker now finds, a kind of finding gone,
 * the passage under an annotation untouched or rewritten.  The machine
 * proposes resolved, still open, or changed (have a look); the reviewer
 * confirms, and the confirmation is kept in the revised report's review.
 * Where the machine's own reading cannot be trusted (the reviewer
 * overruled it in the first round) it says "changed" or "open" from the
 * text alone, never "resolved".
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-rounds"

#include "config.h"

#include <string.h>

#include "fz-json-reader.h"
#include "fz-places.h"
#include "fz-round-point-private.h"
#include "fz-rounds-private.h"
#include "fz-rounds.h"

struct _FzRounds
{
  GObject       parent_instance;

  FzAnalysis   *first;
  FzAnalysis   *second;
  FzReview     *first_review;
  FzReview     *second_review;
  FzComparison *comparison;
  GPtrArray    *points;           /* FzRoundPoint */
};

static void fz_rounds_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzRounds, fz_rounds, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, fz_rounds_list_model_init))

enum
{
  PROP_0,
  PROP_FIRST,
  PROP_SECOND,
  PROP_FIRST_REVIEW,
  PROP_SECOND_REVIEW,
  PROP_COMPARISON,
  PROP_N_RESOLVED,
  PROP_N_OPEN,
  PROP_N_CHANGED,
  PROP_N_CONFIRMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
fz_rounds_get_item_type (GListModel *model)
{
  return FZ_TYPE_ROUND_POINT;
}

static guint
fz_rounds_get_n_items (GListModel *model)
{
  return FZ_ROUNDS (model)->points->len;
}

static gpointer
fz_rounds_get_item (GListModel *model,
                    guint       position)
{
  FzRounds *self = FZ_ROUNDS (model);

  if (position >= self->points->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->points, position));
}

static void
fz_rounds_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fz_rounds_get_item_type;
  iface->get_n_items = fz_rounds_get_n_items;
  iface->get_item = fz_rounds_get_item;
}

static void
fz_rounds_finalize (GObject *object)
{
  FzRounds *self = FZ_ROUNDS (object);

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_clear_object (&self->first_review);
  g_clear_object (&self->second_review);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->points, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_rounds_parent_class)->finalize (object);
}

static void
fz_rounds_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzRounds *self = FZ_ROUNDS (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      g_value_set_object (value, self->first);
      break;
    case PROP_SECOND:
      g_value_set_object (value, self->second);
      break;
    case PROP_FIRST_REVIEW:
      g_value_set_object (value, self->first_review);
      break;
    case PROP_SECOND_REVIEW:
      g_value_set_object (value, self->second_review);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_N_RESOLVED:
      g_value_set_uint (value, fz_rounds_count (self, FZ_POINT_RESOLVED));
      break;
    case PROP_N_OPEN:
      g_value_set_uint (value, fz_rounds_count (self, FZ_POINT_OPEN));
      break;
    case PROP_N_CHANGED:
      g_value_set_uint (value, fz_rounds_count (self, FZ_POINT_CHANGED));
      break;
    case PROP_N_CONFIRMED:
      g_value_set_uint (value, fz_rounds_get_n_confirmed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_rounds_class_init (FzRoundsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_rounds_finalize;
  object_class->get_property = fz_rounds_get_property;

  properties[PROP_FIRST] = g_param_spec_object ("first", NULL, NULL, FZ_TYPE_ANALYSIS, ro);
  properties[PROP_SECOND] = g_param_spec_object ("second", NULL, NULL, FZ_TYPE_ANALYSIS, ro);
  properties[PROP_FIRST_REVIEW] = g_param_spec_object ("first-review", NULL, NULL, FZ_TYPE_REVIEW, ro);
  properties[PROP_SECOND_REVIEW] = g_param_spec_object ("second-review", NULL, NULL, FZ_TYPE_REVIEW, ro);
  properties[PROP_COMPARISON] = g_param_spec_object ("comparison", NULL, NULL, FZ_TYPE_COMPARISON, ro);
  properties[PROP_N_RESOLVED] = g_param_spec_uint ("n-resolved", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_CHANGED] = g_param_spec_uint ("n-changed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_CONFIRMED] = g_param_spec_uint ("n-confirmed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_rounds_init (FzRounds *self)
{
  self->points = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Confirmations are kept only for the first round they were made
 * against. */
static gboolean
second_review_follows_first (FzRounds *self)
{
  const char *previous;

  if (self->second_review == NULL)
    return FALSE;
  previous = fz_review_get_previous_round (self->second_review, NULL);
  return previous != NULL && self->first_review != NULL &&
         g_str_equal (previous, fz_review_get_report_sha256 (self->first_review));
}

static void
load_confirmations (FzRounds *self)
{
  if (!second_review_follows_first (self))
    return;

  for (guint i = 0; i < self->points->len; i++)
    {
      FzRoundPoint *point = g_ptr_array_index (self->points, i);
      const char *state = fz_review_get_point_state (self->second_review, fz_round_point_get_key (point), NULL);
      FzPointState s;

      if (fz_point_state_from_string (state, &s))
        _fz_round_point_set_confirmed (point, TRUE, s);
    }
}

FzRounds *
fz_rounds_new_with_comparison (FzAnalysis   *first,
                               FzReview     *first_review,
                               FzAnalysis   *second,
                               FzReview     *second_review,
                               FzComparison *comparison)
{
  FzRounds *self;

  g_return_val_if_fail (FZ_IS_ANALYSIS (first), NULL);
  g_return_val_if_fail (FZ_IS_ANALYSIS (second), NULL);
  g_return_val_if_fail (first_review == NULL || FZ_IS_REVIEW (first_review), NULL);
  g_return_val_if_fail (second_review == NULL || FZ_IS_REVIEW (second_review), NULL);
  g_return_val_if_fail (FZ_IS_COMPARISON (comparison), NULL);

  self = g_object_new (FZ_TYPE_ROUNDS, NULL);
  self->first = g_object_ref (first);
  self->second = g_object_ref (second);
  self->first_review = first_review ? g_object_ref (first_review) : NULL;
  self->second_review = second_review ? g_object_ref (second_review) : NULL;
  self->comparison = g_object_ref (comparison);

  _fz_rounds_gather (self->first, self->first_review, self->second, self->second_review,
                     self->comparison, self->points);
  load_confirmations (self);
  return self;
}

FzRounds *
fz_rounds_new (FzAnalysis *first,
               FzReview   *first_review,
               FzAnalysis *second,
               FzReview   *second_review)
{
  g_autoptr(FzComparison) comparison = NULL;

  g_return_val_if_fail (FZ_IS_ANALYSIS (first), NULL);
  g_return_val_if_fail (FZ_IS_ANALYSIS (second), NULL);

  comparison = fz_comparison_new (first, second);
  return fz_rounds_new_with_comparison (first, first_review, second, second_review, comparison);
}

typedef struct
{
  FzAnalysis *first;
  FzReview   *first_review;
  FzAnalysis *second;
  FzReview   *second_review;
} NewData;

static void
new_data_free (NewData *data)
{
  g_clear_object (&data->first);
  g_clear_object (&data->first_review);
  g_clear_object (&data->second);
  g_clear_object (&data->second_review);
  g_free (data);
}

static void
compared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NewData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzComparison) comparison = fz_comparison_new_finish (result, &error);

  if (comparison == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task,
                           fz_rounds_new_with_comparison (data->first, data->first_review, data->second,
                                                          data->second_review, comparison),
                           g_object_unref);
}

void
fz_rounds_new_async (FzAnalysis          *first,
                     FzReview            *first_review,
                     FzAnalysis          *second,
                     FzReview            *second_review,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  NewData *data;

  g_return_if_fail (FZ_IS_ANALYSIS (first));
  g_return_if_fail (FZ_IS_ANALYSIS (second));
  g_return_if_fail (first_review == NULL || FZ_IS_REVIEW (first_review));
  g_return_if_fail (second_review == NULL || FZ_IS_REVIEW (second_review));

  data = g_new0 (NewData, 1);
  data->first = g_object_ref (first);
  data->first_review = first_review ? g_object_ref (first_review) : NULL;
  data->second = g_object_ref (second);
  data->second_review = second_review ? g_object_ref (second_review) : NULL;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_rounds_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) new_data_free);
  fz_comparison_new_async (first, second, cancellable, compared, task);
}

FzRounds *
fz_rounds_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

FzAnalysis *
fz_rounds_get_first (FzRounds *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);
  return self->first;
}

FzAnalysis *
fz_rounds_get_second (FzRounds *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);
  return self->second;
}

FzReview *
fz_rounds_get_first_review (FzRounds *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);
  return self->first_review;
}

FzReview *
fz_rounds_get_second_review (FzRounds *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);
  return self->second_review;
}

FzComparison *
fz_rounds_get_comparison (FzRounds *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);
  return self->comparison;
}

guint
fz_rounds_count (FzRounds     *self,
                 FzPointState  state)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    if (fz_round_point_get_state (g_ptr_array_index (self->points, i)) == state)
      n++;
  return n;
}

guint
fz_rounds_get_n_confirmed (FzRounds *self)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    if (fz_round_point_get_confirmed (g_ptr_array_index (self->points, i)))
      n++;
  return n;
}

static void
notify_counts (FzRounds *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESOLVED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFIRMED]);
}

gboolean
fz_rounds_confirm (FzRounds     *self,
                   FzRoundPoint *point,
                   FzPointState  state)
{
  g_return_val_if_fail (FZ_IS_ROUNDS (self), FALSE);
  g_return_val_if_fail (FZ_IS_ROUND_POINT (point), FALSE);
  g_return_val_if_fail (g_ptr_array_find (self->points, point, NULL), FALSE);

  if (self->second_review == NULL || self->first_review == NULL)
    return FALSE;

  if (!second_review_follows_first (self))
    {
      /* The revised report's review now follows this first round; any
       * confirmation made against another is dropped with it. */
      fz_review_set_previous_round (self->second_review,
                                    fz_review_get_report_sha256 (self->first_review),
                                    fz_review_get_report_name (self->first_review));
      for (guint i = 0; i < self->points->len; i++)
        _fz_round_point_set_confirmed (g_ptr_array_index (self->points, i), FALSE, FZ_POINT_OPEN);
    }

  fz_review_set_point_state (self->second_review, fz_round_point_get_key (point),
                             fz_point_state_to_string (state));
  _fz_round_point_set_confirmed (point, TRUE, state);
  notify_counts (self);
  return TRUE;
}

void
fz_rounds_unconfirm (FzRounds     *self,
                     FzRoundPoint *point)
{
  g_return_if_fail (FZ_IS_ROUNDS (self));
  g_return_if_fail (FZ_IS_ROUND_POINT (point));

  if (!fz_round_point_get_confirmed (point) || !second_review_follows_first (self))
    return;
  fz_review_set_point_state (self->second_review, fz_round_point_get_key (point), NULL);
  _fz_round_point_set_confirmed (point, FALSE, FZ_POINT_OPEN);
  notify_counts (self);
}

/* The second memo's paragraph. */

static void
list_points (GString      *out,
             GPtrArray    *points,
             FzPointState  state)
{
  guint n = 0;

  for (guint i = 0; i < points->len; i++)
    {
      FzRoundPoint *point = g_ptr_array_index (points, i);
      g_autofree char *text = NULL;
      gsize len;

      if (fz_round_point_get_state (point) != state)
        continue;
      text = g_strdup (fz_round_point_get_text (point));
      len = strlen (text);
      /* Items end with the list's own punctuation. */
      while (len > 0 && (g_str_has_suffix (text, "。") || g_str_has_suffix (text, "；")))
        {
          len -= strlen ("。");
          text[len] = '\0';
        }
      g_string_append_printf (out, "%s%u.%s", n > 0 ? "；" : "", n + 1, text);
      n++;
    }
  g_string_append (out, "。");
}

char *
fz_rounds_dup_memo_summary (FzRounds *self)
{
  const FzMetadata *meta;
  guint resolved, open, changed;
  GString *p;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);

  resolved = fz_rounds_count (self, FZ_POINT_RESOLVED);
  open = fz_rounds_count (self, FZ_POINT_OPEN);
  changed = fz_rounds_count (self, FZ_POINT_CHANGED);
  meta = fz_analysis_get_metadata (self->first);

  p = g_string_new ("经与首次报送稿");
  if (meta->title.value != NULL)
    g_string_append_printf (p, "《%s》", meta->title.value);
  if (self->points->len == 0)
    g_string_append (p, "对照，首次审查未提出需要整改的问题。");
  else
    {
      g_string_append_printf (p, "对照，首次审查提出的%u项问题中，", self->points->len);
      if (resolved == self->points->len)
        g_string_append (p, "均已整改。");
      else
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

          if (resolved > 0)
            g_ptr_array_add (parts, g_strdup_printf ("已整改%u项", resolved));
          if (open > 0)
            g_ptr_array_add (parts, g_strdup_printf ("仍未整改%u项", open));
          if (changed > 0)
            g_ptr_array_add (parts, g_strdup_printf ("有改动但尚需核实%u项", changed));
          g_ptr_array_add (parts, NULL);
          {
            g_autofree char *joined = g_strjoinv ("，", (char **) parts->pdata);

            g_string_append_printf (p, "%s。", joined);
          }
        }
    }

  return g_string_free (p, FALSE);
}

char *
fz_rounds_dup_memo_points (FzRounds     *self,
                           FzPointState  state)
{
  GString *p;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);

  if (fz_rounds_count (self, state) == 0)
    return NULL;

  switch (state)
    {
    case FZ_POINT_RESOLVED:
      p = g_string_new ("已整改的问题：");
      list_points (p, self->points, state);
      break;
    case FZ_POINT_OPEN:
      p = g_string_new ("仍未整改的问题：");
      list_points (p, self->points, state);
      g_string_append (p, "请继续整改。");
      break;
    case FZ_POINT_CHANGED:
    default:
      p = g_string_new ("有改动但尚需核实的问题：");
      list_points (p, self->points, state);
      break;
    }

  return g_string_free (p, FALSE);
}

char **
fz_rounds_dup_memo_paragraphs (FzRounds *self)
{
  static const FzPointState states[] = { FZ_POINT_RESOLVED, FZ_POINT_OPEN, FZ_POINT_CHANGED };
  GPtrArray *paragraphs;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);

  paragraphs = g_ptr_array_new ();
  g_ptr_array_add (paragraphs, fz_rounds_dup_memo_summary (self));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      char *p = fz_rounds_dup_memo_points (self, states[i]);

      if (p != NULL)
        g_ptr_array_add (paragraphs, p);
    }
  g_ptr_array_add (paragraphs, NULL);

  return (char **) g_ptr_array_free (paragraphs, FALSE);
}

/* A place nowhere is written as null. */
G_STATIC_ASSERT (FZ_ROUND_POINT_NO_PLACE == G_MAXUINT);

JsonNode *
fz_rounds_to_json (FzRounds *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  g_return_val_if_fail (FZ_IS_ROUNDS (self), NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      FzRoundPoint *point = g_ptr_array_index (self->points, i);
      JsonObject *o = json_object_new ();
      guint start, end;

      json_object_set_string_member (o, "kind", fz_point_kind_to_string (fz_round_point_get_kind (point)));
      json_object_set_string_member (o, "key", fz_round_point_get_key (point));
      json_object_set_string_member (o, "text", fz_round_point_get_text (point));
      json_object_set_string_member (o, "state", fz_point_state_to_string (fz_round_point_get_state (point)));
      json_object_set_string_member (o, "proposed_state",
                                     fz_point_state_to_string (fz_round_point_get_proposed_state (point)));
      json_object_set_boolean_member (o, "confirmed", fz_round_point_get_confirmed (point));
      json_object_set_string_member (o, "explanation", fz_round_point_get_explanation (point));
      fz_round_point_get_first_place (point, &start, &end);
      _fz_json_set_place_or_null (o, "first", start, end);
      fz_round_point_get_second_place (point, &start, &end);
      _fz_json_set_place_or_null (o, "second", start, end);
      json_array_add_object_element (array, o);
    }

  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}
