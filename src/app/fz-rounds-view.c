/* fz-rounds-view.c: round two of a review — which points the revision fixed
 *
 * The unit sent its report back revised.  Each point the first review
 * raised is listed with the state the comparison of the two versions
 * proposes (resolved, still open, changed: have a look), why, and its
 * passage in both versions; the reviewer confirms or changes it, and the
 * revised report's review keeps that.  Activating a point shows its
 * passage in the page's text and its section of both versions side by
 * side below the list.
 *
 * The versions are compared in a worker (FzRounds); only gathering the
 * points, which reads the live reviews, runs here.  When the first
 * review changes, or a decision on the revised report does, the points
 * are gathered again on the comparison already made.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-report-pair.h"
#include "fz-round-row.h"
#include "fz-rounds-view.h"
#include "fz-section-compare.h"
#include "fz-section-list.h"
#include "fz-object-util.h"

/* Reviews change on every keystroke; the points follow after a pause. */
#define REGATHER_DELAY_MS 300

struct _FzRoundsView
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *failed_page;
  GtkLabel           *summary_label;
  GtkLabel           *detail_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkRevealer        *compare_revealer;
  FzSectionCompare   *compare;
  FzSectionList      *section_list;

  FzReportPair       *pair;         /* first: the first version; second: the revised */
  GCancellable       *cancellable;  /* of the comparison under way */
  gboolean            loading;
  char               *error;        /* why the last comparison failed */
  FzRounds           *rounds;
  GtkSingleSelection *selection;
  FzReview           *first_review; /* watched while the points stand */
  FzReview           *second_review;
  guint               regather_id;
  gboolean            regather_needed;
};

G_DEFINE_FINAL_TYPE (FzRoundsView, fz_rounds_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_FIRST_REPORT,
  PROP_ROUNDS,
  PROP_LOADING,
  N_PROPS
};

enum {
  REVEAL,
  REVEAL_FIRST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The header ---------------------------------------------------------------- */

static void
fz_rounds_view_update_summary (FzRoundsView *self)
{
  FzComparison *comparison;
  FzReport *first;
  guint n, confirmed;
  g_autofree char *summary = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *confirmations = NULL;
  g_autofree char *detail = NULL;

  if (self->rounds == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rounds));
  confirmed = fz_rounds_get_n_confirmed (self->rounds);
  comparison = fz_rounds_get_comparison (self->rounds);
  first = fz_report_pair_get_first (self->pair);

  if (n == 0)
    summary = g_strdup (_("The first review raised no points"));
  else
    /* Translators: the counts of the first review's points by their state now */
    summary = g_strdup_printf (_("%u resolved, %u still open, %u changed: have a look"),
                               fz_rounds_count (self->rounds, FZ_POINT_RESOLVED),
                               fz_rounds_count (self->rounds, FZ_POINT_OPEN),
                               fz_rounds_count (self->rounds, FZ_POINT_CHANGED));
  gtk_label_set_text (self->summary_label, summary);

  if (fz_comparison_count (comparison, FZ_CHANGE_CHANGED) + fz_comparison_count (comparison, FZ_CHANGE_ADDED) +
      fz_comparison_count (comparison, FZ_CHANGE_REMOVED) == 0)
    /* Translators: %s is the first version's file name */
    versions = g_strdup_printf (_("The revised version has the same text as the first version “%s”."),
                                first != NULL ? fz_report_get_display_name (first) : "");
  else
    /* Translators: %s is the first version's file name, %d a percentage */
    versions = g_strdup_printf (_("Compared with the first version “%s”: %d%% of its text is unchanged."),
                                first != NULL ? fz_report_get_display_name (first) : "",
                                (int) (fz_comparison_get_similarity (comparison) * 100 + 0.5));

  if (fz_rounds_get_first_review (self->rounds) == NULL || fz_rounds_get_second_review (self->rounds) == NULL)
    confirmations = g_strdup (_("Without a review of both versions the states cannot be confirmed."));
  else if (n > 0)
    /* Translators: how many of the points the reviewer has confirmed */
    confirmations = g_strdup_printf (_("%u of %u confirmed."), confirmed, n);

  detail = g_strjoin (" ", versions, confirmations, NULL);
  gtk_label_set_text (self->detail_label, detail);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "points" : "none");
}

static void
fz_rounds_view_update_page (FzRoundsView *self)
{
  fz_report_pair_show_page (self->pair, self->error, self->rounds != NULL && !self->loading,
                            self->stack, self->spinner, self->failed_page);
}

/* The points ------------------------------------------------------------- */

static void
fz_rounds_view_set_loading (FzRoundsView *self,
                            gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void schedule_regather (FzRoundsView *self,
                               gboolean      needed);

static void
on_first_review_changed (FzRoundsView *self)
{
  schedule_regather (self, TRUE);
}

static void
on_second_decision_changed (FzRoundsView *self)
{
  schedule_regather (self, TRUE);
}

/* The revised report's review changed: the reviewer's own confirmation
 * here, or a review file taken in place, which the points must follow. */
static void
on_second_review_changed (FzRoundsView *self)
{
  schedule_regather (self, FALSE);
}

static void
watch_reviews (FzRoundsView *self,
               FzReview     *first,
               FzReview     *second)
{
  fz_set_watched (&self->first_review, first, self, "changed", G_CALLBACK (on_first_review_changed), NULL);
  fz_set_watched (&self->second_review, second, self,
                  "decision-changed", G_CALLBACK (on_second_decision_changed),
                  "changed", G_CALLBACK (on_second_review_changed),
                  NULL);
}

static void
on_counts_changed (FzRoundsView *self)
{
  fz_rounds_view_update_summary (self);
}

static void
fz_rounds_view_take_rounds (FzRoundsView *self,
                            FzRounds     *rounds)
{
  gboolean same_comparison;

  if (self->rounds == rounds)
    return;

  same_comparison = self->rounds != NULL && rounds != NULL &&
                    fz_rounds_get_comparison (self->rounds) == fz_rounds_get_comparison (rounds);
  /* Every count is notified together; one of them is enough. */
  fz_set_watched (&self->rounds, rounds, self, "notify::n-confirmed", G_CALLBACK (on_counts_changed), NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (rounds));
  if (!same_comparison)
    {
      gtk_revealer_set_reveal_child (self->compare_revealer, FALSE);
      fz_section_compare_clear (self->compare);
      fz_section_list_set_comparison (self->section_list, rounds != NULL ? fz_rounds_get_comparison (rounds) : NULL);
    }

  if (rounds != NULL)
    {
      watch_reviews (self, fz_rounds_get_first_review (rounds), fz_rounds_get_second_review (rounds));
      fz_rounds_view_update_summary (self);
    }
  else
    watch_reviews (self, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUNDS]);
}

/* Whether every point's confirmation is the one the revised report's
 * review keeps. */
static gboolean
points_follow_review (FzRounds *rounds)
{
  FzReview *first = fz_rounds_get_first_review (rounds);
  FzReview *second = fz_rounds_get_second_review (rounds);
  const char *previous;
  gboolean follows;

  if (first == NULL || second == NULL)
    return TRUE;
  previous = fz_review_get_previous_round (second, NULL);
  follows = previous != NULL && g_str_equal (previous, fz_review_get_report_sha256 (first));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) point = g_list_model_get_item (G_LIST_MODEL (rounds), i);
      const char *kept = follows ? fz_review_get_point_state (second, fz_round_point_get_key (point), NULL) : NULL;

      if ((kept != NULL) != fz_round_point_get_confirmed (point))
        return FALSE;
      if (kept != NULL && !g_str_equal (kept, fz_point_state_to_string (fz_round_point_get_state (point))))
        return FALSE;
    }
  return TRUE;
}

static gboolean
regather_cb (gpointer user_data)
{
  FzRoundsView *self = user_data;
  g_autoptr(FzRounds) rounds = NULL;
  FzRounds *old = self->rounds;

  self->regather_id = 0;
  if (old == NULL || self->loading || (!self->regather_needed && points_follow_review (old)))
    return G_SOURCE_REMOVE;
  self->regather_needed = FALSE;

  rounds = fz_rounds_new_with_comparison (fz_rounds_get_first (old), fz_rounds_get_first_review (old),
                                          fz_rounds_get_second (old), fz_rounds_get_second_review (old),
                                          fz_rounds_get_comparison (old));
  fz_rounds_view_take_rounds (self, rounds);

  return G_SOURCE_REMOVE;
}

static void
schedule_regather (FzRoundsView *self,
                   gboolean      needed)
{
  self->regather_needed |= needed;
  if (self->regather_id == 0)
    self->regather_id = g_timeout_add (REGATHER_DELAY_MS, regather_cb, self);
}

/* @user_data is the view, which cancels the comparison before it starts
 * another and when it goes: a cancelled one must not touch it. */
static void
on_rounds_built (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRounds) rounds = fz_rounds_new_finish (result, &error);
  FzRoundsView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FZ_ROUNDS_VIEW (user_data);

  g_clear_pointer (&self->error, g_free);
  if (rounds == NULL)
    self->error = g_strdup (error->message);
  fz_rounds_view_take_rounds (self, rounds);
  fz_rounds_view_set_loading (self, FALSE);
  fz_rounds_view_update_page (self);
}

static void
on_pair_changed (FzRoundsView *self)
{
  FzReport *first = fz_report_pair_get_first (self->pair);
  FzReport *second = fz_report_pair_get_second (self->pair);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->regather_id, g_source_remove);
  self->regather_needed = FALSE;
  g_clear_pointer (&self->error, g_free);
  fz_rounds_view_take_rounds (self, NULL);

  self->cancellable = g_cancellable_new ();
  fz_rounds_view_set_loading (self, TRUE);
  fz_rounds_new_async (fz_report_get_analysis (first), fz_report_get_review (first),
                       fz_report_get_analysis (second), fz_report_get_review (second),
                       self->cancellable, on_rounds_built, self);
  fz_rounds_view_update_page (self);
}

static void
on_pair_state (FzRoundsView *self)
{
  /* A report being read again or gone: what was compared is no more. */
  if (fz_report_pair_get_state (self->pair) != FZ_REPORT_PAIR_READY)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      fz_rounds_view_set_loading (self, FALSE);
      g_clear_handle_id (&self->regather_id, g_source_remove);
      fz_rounds_view_take_rounds (self, NULL);
    }
  fz_rounds_view_update_page (self);
}

/* Rows -------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FzRoundsView             *self)
{
  gtk_list_item_set_child (list_item, fz_round_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FzRoundsView             *self)
{
  fz_round_row_bind (FZ_ROUND_ROW (gtk_list_item_get_child (list_item)), self->rounds,
                     gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FzRoundsView             *self)
{
  fz_round_row_unbind (FZ_ROUND_ROW (gtk_list_item_get_child (list_item)));
}

void
fz_rounds_view_activate_point (FzRoundsView *self,
                               guint         index)
{
  g_autoptr(FzRoundPoint) point = NULL;
  guint first_start, first_end, second_start, second_end;

  g_return_if_fail (FZ_IS_ROUNDS_VIEW (self));

  if (self->rounds == NULL || (point = g_list_model_get_item (G_LIST_MODEL (self->rounds), index)) == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, index);
  fz_round_point_get_first_place (point, &first_start, &first_end);
  fz_round_point_get_second_place (point, &second_start, &second_end);

  gtk_revealer_set_reveal_child (self->compare_revealer,
                                 fz_section_compare_show (self->compare, fz_rounds_get_comparison (self->rounds),
                                                          first_start, second_start));
  if (second_start != FZ_ROUND_POINT_NO_PLACE)
    g_signal_emit (self, signals[REVEAL], 0, second_start, second_end);
  if (first_start != FZ_ROUND_POINT_NO_PLACE)
    g_signal_emit (self, signals[REVEAL_FIRST], 0, first_start, first_end);
}

static void
on_activate (FzRoundsView *self,
             guint         position)
{
  fz_rounds_view_activate_point (self, position);
}

/* A pair of sections from the list: side by side, and in the revised
 * text where the revision has it. */
static void
on_activate_pair (FzRoundsView *self,
                  guint         index)
{
  FzComparison *comparison = self->rounds != NULL ? fz_rounds_get_comparison (self->rounds) : NULL;
  const FzSectionPair *pair;

  if (comparison == NULL || index >= fz_comparison_get_sections (comparison)->len)
    return;
  pair = g_ptr_array_index (fz_comparison_get_sections (comparison), index);
  fz_section_compare_show_pair (self->compare, comparison, pair);
  gtk_revealer_set_reveal_child (self->compare_revealer, TRUE);
  if (pair->b_section >= 0)
    g_signal_emit (self, signals[REVEAL], 0, pair->b_start, pair->b_end);
  else if (pair->a_section >= 0)
    g_signal_emit (self, signals[REVEAL_FIRST], 0, pair->a_start, pair->a_end);
}

static void
on_compare_close (FzRoundsView *self)
{
  gtk_revealer_set_reveal_child (self->compare_revealer, FALSE);
}

/* Properties -------------------------------------------------------------- */

GtkWidget *
fz_rounds_view_new (void)
{
  return g_object_new (FZ_TYPE_ROUNDS_VIEW, NULL);
}

FzReport *
fz_rounds_view_get_report (FzRoundsView *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS_VIEW (self), NULL);
  return fz_report_pair_get_second (self->pair);
}

void
fz_rounds_view_set_report (FzRoundsView *self,
                           FzReport     *report)
{
  g_return_if_fail (FZ_IS_ROUNDS_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_report_pair_get_second (self->pair) == report)
    return;
  fz_report_pair_set_second (self->pair, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

FzReport *
fz_rounds_view_get_first_report (FzRoundsView *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS_VIEW (self), NULL);
  return fz_report_pair_get_first (self->pair);
}

void
fz_rounds_view_set_first_report (FzRoundsView *self,
                                 FzReport     *report)
{
  g_return_if_fail (FZ_IS_ROUNDS_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_report_pair_get_first (self->pair) == report)
    return;
  fz_report_pair_set_first (self->pair, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_REPORT]);
}

FzRounds *
fz_rounds_view_get_rounds (FzRoundsView *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS_VIEW (self), NULL);
  return self->rounds;
}

gboolean
fz_rounds_view_get_loading (FzRoundsView *self)
{
  g_return_val_if_fail (FZ_IS_ROUNDS_VIEW (self), FALSE);
  return self->loading;
}

static void
fz_rounds_view_dispose (GObject *object)
{
  FzRoundsView *self = FZ_ROUNDS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->regather_id, g_source_remove);
  fz_clear_watched (&self->pair, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  fz_clear_watched (&self->rounds, self);
  watch_reviews (self, NULL, NULL);

  G_OBJECT_CLASS (fz_rounds_view_parent_class)->dispose (object);
}

static void
fz_rounds_view_finalize (GObject *object)
{
  FzRoundsView *self = FZ_ROUNDS_VIEW (object);

  g_free (self->error);

  G_OBJECT_CLASS (fz_rounds_view_parent_class)->finalize (object);
}

static void
fz_rounds_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzRoundsView *self = FZ_ROUNDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, fz_rounds_view_get_report (self));
      break;
    case PROP_FIRST_REPORT:
      g_value_set_object (value, fz_rounds_view_get_first_report (self));
      break;
    case PROP_ROUNDS:
      g_value_set_object (value, self->rounds);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_rounds_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzRoundsView *self = FZ_ROUNDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_rounds_view_set_report (self, g_value_get_object (value));
      break;
    case PROP_FIRST_REPORT:
      fz_rounds_view_set_first_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_rounds_view_class_init (FzRoundsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_rounds_view_dispose;
  object_class->finalize = fz_rounds_view_finalize;
  object_class->get_property = fz_rounds_view_get_property;
  object_class->set_property = fz_rounds_view_set_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_FIRST_REPORT] = g_param_spec_object ("first-report", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_ROUNDS] = g_param_spec_object ("rounds", NULL, NULL, FZ_TYPE_ROUNDS, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzRoundsView::reveal:
   * @start: first character of the passage in the revised report's text
   * @end: one past the last
   */
  signals[REVEAL] = fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * FzRoundsView::reveal-first:
   * @start: first character of the passage in the first version's text
   * @end: one past the last
   */
  signals[REVEAL_FIRST] = fz_signal_new (klass, "reveal-first", 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (FZ_TYPE_SECTION_COMPARE);
  g_type_ensure (FZ_TYPE_SECTION_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-rounds-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, failed_page);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, compare_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, compare);
  gtk_widget_class_bind_template_child (widget_class, FzRoundsView, section_list);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_close);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_pair);
}

static void
fz_rounds_view_init (FzRoundsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pair = fz_report_pair_new ();
  g_signal_connect_object (self->pair, "changed", G_CALLBACK (on_pair_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair, "notify::state", G_CALLBACK (on_pair_state), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  fz_rounds_view_update_page (self);
}
