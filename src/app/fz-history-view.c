/* fz-history-view.c: last year's report of the unit, followed up
 *
 * Next spring the unit reports again, and the reviewer asks: did it do
 * what it planned, are its shortcomings last year's, did it answer last
 * year's rectification requests, how did its figures move?  Four lists
 * answer, one at a time under a switcher; each row shows its passage in
 * this year's text (and last year's) when activated.
 *
 * The following up (FzHistory) runs in a worker on a copy of last year's
 * review, which the reviewer may be editing in another tab meanwhile;
 * when it changes, the follow-up is made again after a pause.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-history-row.h"
#include "fz-history-view.h"
#include "fz-report-pair.h"
#include "fz-object-util.h"

#define REFOLLOW_DELAY_MS 500

enum {
  SECTION_PLAN,
  SECTION_SHORTCOMINGS,
  SECTION_REQUESTS,
  SECTION_FIGURES,
  N_SECTIONS
};

static const char * const section_names[N_SECTIONS] = { "plan", "shortcomings", "requests", "figures" };

struct _FzHistoryView
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *failed_page;
  GtkLabel           *summary_label;
  GtkLabel           *detail_label;
  GtkLabel           *warning_label;
  AdwViewStack       *sections;
  GtkLabel           *labels[N_SECTIONS];
  GtkListView        *lists[N_SECTIONS];
  GtkSingleSelection *selections[N_SECTIONS];

  FzReportPair       *pair;         /* first: last year's; second: this year's */
  GCancellable       *cancellable;  /* of the follow-up under way */
  gboolean            loading;
  char               *error;
  FzHistory          *history;
  FzReview           *last_review;  /* live, watched */
  guint               refollow_id;
};

G_DEFINE_FINAL_TYPE (FzHistoryView, fz_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LAST_REPORT,
  PROP_HISTORY,
  PROP_LOADING,
  N_PROPS
};

enum {
  REVEAL,
  REVEAL_LAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What is shown ------------------------------------------------------------- */

static char *
section_caption (FzHistoryView *self,
                 guint          section,
                 GListModel    *model)
{
  guint n = g_list_model_get_n_items (model);
  FzReview *review = fz_history_get_last_review (self->history);

  switch (section)
    {
    case SECTION_PLAN:
      if (n == 0)
        return g_strdup (_("Last year’s report lists no plan for this year, so nothing can be followed up."));
      /* Translators: counts of last year's planned items by how this year's report followed them up */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u planned item: %u done, %u mentioned, %u not mentioned.",
                                           "%u planned items: %u done, %u mentioned, %u not mentioned.", n),
                              n, fz_history_count (model, FZ_FOLLOW_DONE), fz_history_count (model, FZ_FOLLOW_MENTIONED),
                              fz_history_count (model, FZ_FOLLOW_NOT_MENTIONED));
    case SECTION_SHORTCOMINGS:
      if (n == 0)
        return g_strdup (_("None of this year’s shortcomings repeats last year’s."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u shortcoming is written again nearly word for word.",
                                           "%u shortcomings are written again nearly word for word.", n),
                              n);
    case SECTION_REQUESTS:
      if (n == 0)
        return g_strdup (review == NULL || fz_text_is_blank (fz_review_get_rectification (review))
                           ? _("Last year’s review made no rectification requests.")
                           : _("Last year’s rectification requests could not be told apart."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u request of last year’s review: %u answered, %u not answered.",
                                           "%u requests of last year’s review: %u answered, %u not answered.", n),
                              n, fz_history_count (model, FZ_FOLLOW_ANSWERED),
                              fz_history_count (model, FZ_FOLLOW_NOT_ANSWERED));
    case SECTION_FIGURES:
    default:
      if (n == 0)
        return g_strdup (_("No figure counts the same thing in both reports."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u figure counted in both years.",
                                           "%u figures counted in both years.", n),
                              n);
    }
}

static GListModel *
section_model (FzHistory *history,
               guint      section)
{
  switch (section)
    {
    case SECTION_PLAN:
      return fz_history_get_plan (history);
    case SECTION_SHORTCOMINGS:
      return fz_history_get_shortcomings (history);
    case SECTION_REQUESTS:
      return fz_history_get_requests (history);
    case SECTION_FIGURES:
    default:
      return fz_history_get_figures (history);
    }
}

static gboolean
section_needs_attention (guint       section,
                         GListModel *model)
{
  switch (section)
    {
    case SECTION_PLAN:
      return fz_history_count (model, FZ_FOLLOW_NOT_MENTIONED) > 0;
    case SECTION_SHORTCOMINGS:
      return g_list_model_get_n_items (model) > 0;
    case SECTION_REQUESTS:
      return fz_history_count (model, FZ_FOLLOW_NOT_ANSWERED) > 0;
    case SECTION_FIGURES:
    default:
      return FALSE;
    }
}

static void
fz_history_view_update_header (FzHistoryView *self)
{
  FzAnalysis *last = fz_history_get_last (self->history);
  FzAnalysis *current = fz_history_get_current (self->history);
  const FzMetadata *last_meta = fz_analysis_get_metadata (last);
  const FzMetadata *meta = fz_analysis_get_metadata (current);
  FzReport *last_report = fz_report_pair_get_first (self->pair);
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  GString *warning = g_string_new (NULL);

  /* Translators: %s is the title of last year's report, or its file name */
  summary = g_strdup_printf (_("Last year’s report: %s"),
                             last_meta->title.value != NULL ? last_meta->title.value
                                                            : fz_report_get_display_name (last_report));
  gtk_label_set_text (self->summary_label, summary);

  if (last_meta->report_year > 0 && meta->report_year > 0)
    /* Translators: the years two reports are for */
    detail = g_strdup_printf (_("Its report is for %d; this one is for %d."), last_meta->report_year,
                              meta->report_year);
  else
    detail = g_strdup (_("The year of one of the reports is not known."));
  gtk_label_set_text (self->detail_label, detail);

  /* A report of another unit, or of the wrong year, makes every row
   * below wrong: say so first. */
  if (!fz_history_same_unit (last, current))
    g_string_append (warning, _("The two reports do not seem to be by the same unit. Check that the right report of last year is open."));
  if (last_meta->report_year > 0 && meta->report_year > 0 && last_meta->report_year != meta->report_year - 1)
    {
      if (warning->len > 0)
        g_string_append_c (warning, ' ');
      g_string_append (warning, _("The report followed up is not of the year before this one."));
    }
  gtk_label_set_text (self->warning_label, warning->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning->len > 0);
  g_string_free (warning, TRUE);
}

static void
fz_history_view_show (FzHistoryView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GListModel *model = self->history != NULL ? section_model (self->history, i) : NULL;
      AdwViewStackPage *page = adw_view_stack_get_page (self->sections,
                                                        adw_view_stack_get_child_by_name (self->sections,
                                                                                          section_names[i]));

      gtk_single_selection_set_model (self->selections[i], model);
      if (model == NULL)
        continue;
      {
        g_autofree char *caption = section_caption (self, i, model);

        gtk_label_set_text (self->labels[i], caption);
      }
      adw_view_stack_page_set_needs_attention (page, section_needs_attention (i, model));
    }
  if (self->history != NULL)
    fz_history_view_update_header (self);
}

static void
fz_history_view_update_page (FzHistoryView *self)
{
  fz_report_pair_show_page (self->pair, self->error, self->history != NULL,
                            self->stack, self->spinner, self->failed_page);
}

/* Following up ------------------------------------------------------------- */

static void
fz_history_view_set_loading (FzHistoryView *self,
                             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
fz_history_view_take_history (FzHistoryView *self,
                              FzHistory     *history)
{
  if (!g_set_object (&self->history, history))
    return;
  fz_history_view_show (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* @user_data is the view, which cancels the follow-up before it starts
 * another and when it goes: a cancelled one must not touch it. */
static void
on_history_built (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzHistory) history = fz_history_new_finish (result, &error);
  FzHistoryView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FZ_HISTORY_VIEW (user_data);

  g_clear_pointer (&self->error, g_free);
  if (history == NULL)
    self->error = g_strdup (error->message);
  else
    fz_history_view_take_history (self, history);
  fz_history_view_set_loading (self, FALSE);
  fz_history_view_update_page (self);
}

/* A copy of @review as it stands, for the worker to read while the
 * reviewer goes on editing the live one. */
static FzReview *
snapshot (FzReview *review)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  FzReview *copy;
  gsize len;

  if (review == NULL)
    return NULL;
  data = fz_review_to_data (review, &len);
  copy = fz_review_new_from_data (data, len, fz_review_get_report_name (review), &error);
  if (copy == NULL)
    g_warning ("Last year’s review could not be copied: %s", error->message);
  return copy;
}

static void fz_history_view_follow (FzHistoryView *self);

static gboolean
refollow_cb (gpointer user_data)
{
  FzHistoryView *self = user_data;

  self->refollow_id = 0;
  if (fz_report_pair_get_state (self->pair) == FZ_REPORT_PAIR_READY)
    fz_history_view_follow (self);
  return G_SOURCE_REMOVE;
}

static void
on_last_review_changed (FzHistoryView *self)
{
  g_clear_handle_id (&self->refollow_id, g_source_remove);
  self->refollow_id = g_timeout_add (REFOLLOW_DELAY_MS, refollow_cb, self);
}

static void
watch_last_review (FzHistoryView *self,
                   FzReview      *review)
{
  fz_set_watched (&self->last_review, review, self, "changed", G_CALLBACK (on_last_review_changed), NULL);
}

static void
fz_history_view_stop (FzHistoryView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refollow_id, g_source_remove);
  fz_history_view_set_loading (self, FALSE);
}

/* Follows last year's report into this year's, in a worker.  What is
 * shown stays until the new follow-up replaces it. */
static void
fz_history_view_follow (FzHistoryView *self)
{
  FzReport *last = fz_report_pair_get_first (self->pair);
  FzReport *current = fz_report_pair_get_second (self->pair);
  g_autoptr(FzReview) copy = NULL;

  fz_history_view_stop (self);
  g_clear_pointer (&self->error, g_free);
  watch_last_review (self, fz_report_get_review (last));
  copy = snapshot (fz_report_get_review (last));

  self->cancellable = g_cancellable_new ();
  fz_history_view_set_loading (self, TRUE);
  fz_history_new_async (fz_report_get_analysis (last), copy, fz_report_get_analysis (current),
                        self->cancellable, on_history_built, self);
  fz_history_view_update_page (self);
}

static void
on_pair_changed (FzHistoryView *self)
{
  /* Other reports, or the same checked again: nothing shown holds. */
  fz_history_view_take_history (self, NULL);
  fz_history_view_follow (self);
}

static void
on_pair_state (FzHistoryView *self)
{
  if (fz_report_pair_get_state (self->pair) != FZ_REPORT_PAIR_READY)
    {
      fz_history_view_stop (self);
      watch_last_review (self, NULL);
      fz_history_view_take_history (self, NULL);
    }
  fz_history_view_update_page (self);
}

/* Rows --------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FzHistoryView            *self)
{
  gtk_list_item_set_child (list_item, fz_history_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FzHistoryView            *self)
{
  fz_history_row_bind (FZ_HISTORY_ROW (gtk_list_item_get_child (list_item)), gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FzHistoryView            *self)
{
  fz_history_row_unbind (FZ_HISTORY_ROW (gtk_list_item_get_child (list_item)));
}

void
fz_history_view_activate_item (FzHistoryView *self,
                               FzHistoryItem *item)
{
  guint start, end;

  g_return_if_fail (FZ_IS_HISTORY_VIEW (self));
  g_return_if_fail (FZ_IS_HISTORY_ITEM (item));

  if (self->history == NULL)
    return;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GListModel *model = section_model (self->history, i);
      guint position;

      if (g_list_store_find (G_LIST_STORE (model), item, &position))
        {
          adw_view_stack_set_visible_child_name (self->sections, section_names[i]);
          gtk_single_selection_set_selected (self->selections[i], position);
          break;
        }
    }

  fz_history_item_get_current_place (item, &start, &end);
  if (start != FZ_HISTORY_NO_PLACE)
    g_signal_emit (self, signals[REVEAL], 0, start, end);
  fz_history_item_get_last_place (item, &start, &end);
  if (start != FZ_HISTORY_NO_PLACE)
    g_signal_emit (self, signals[REVEAL_LAST], 0, start, end);
}

static void
on_activate (FzHistoryView *self,
             guint          position,
             GtkListView   *list)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    fz_history_view_activate_item (self, item);
}

/* Properties ----------------------------------------------------------------- */

GtkWidget *
fz_history_view_new (void)
{
  return g_object_new (FZ_TYPE_HISTORY_VIEW, NULL);
}

FzReport *
fz_history_view_get_report (FzHistoryView *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_VIEW (self), NULL);
  return fz_report_pair_get_second (self->pair);
}

void
fz_history_view_set_report (FzHistoryView *self,
                            FzReport      *report)
{
  g_return_if_fail (FZ_IS_HISTORY_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_report_pair_get_second (self->pair) == report)
    return;
  fz_report_pair_set_second (self->pair, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

FzReport *
fz_history_view_get_last_report (FzHistoryView *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_VIEW (self), NULL);
  return fz_report_pair_get_first (self->pair);
}

void
fz_history_view_set_last_report (FzHistoryView *self,
                                 FzReport      *report)
{
  g_return_if_fail (FZ_IS_HISTORY_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_report_pair_get_first (self->pair) == report)
    return;
  fz_report_pair_set_first (self->pair, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPORT]);
}

FzHistory *
fz_history_view_get_history (FzHistoryView *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_VIEW (self), NULL);
  return self->history;
}

gboolean
fz_history_view_get_loading (FzHistoryView *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_VIEW (self), FALSE);
  return self->loading;
}

static void
fz_history_view_dispose (GObject *object)
{
  FzHistoryView *self = FZ_HISTORY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refollow_id, g_source_remove);
  fz_clear_watched (&self->pair, self);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (self->lists[i] != NULL)
        gtk_list_view_set_model (self->lists[i], NULL);
      g_clear_object (&self->selections[i]);
    }
  g_clear_object (&self->history);
  watch_last_review (self, NULL);

  G_OBJECT_CLASS (fz_history_view_parent_class)->dispose (object);
}

static void
fz_history_view_finalize (GObject *object)
{
  FzHistoryView *self = FZ_HISTORY_VIEW (object);

  g_free (self->error);

  G_OBJECT_CLASS (fz_history_view_parent_class)->finalize (object);
}

static void
fz_history_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzHistoryView *self = FZ_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, fz_history_view_get_report (self));
      break;
    case PROP_LAST_REPORT:
      g_value_set_object (value, fz_history_view_get_last_report (self));
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_history_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzHistoryView *self = FZ_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_history_view_set_report (self, g_value_get_object (value));
      break;
    case PROP_LAST_REPORT:
      fz_history_view_set_last_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_history_view_class_init (FzHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_history_view_dispose;
  object_class->finalize = fz_history_view_finalize;
  object_class->get_property = fz_history_view_get_property;
  object_class->set_property = fz_history_view_set_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_LAST_REPORT] = g_param_spec_object ("last-report", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, FZ_TYPE_HISTORY, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzHistoryView::reveal:
   * @start: first character of the passage in this year's text
   * @end: one past the last
   */
  signals[REVEAL] = fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * FzHistoryView::reveal-last:
   * @start: first character of the passage in last year's text
   * @end: one past the last
   */
  signals[REVEAL_LAST] = fz_signal_new (klass, "reveal-last", 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, failed_page);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryView, sections);
  gtk_widget_class_bind_template_child_full (widget_class, "plan_label", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, labels[SECTION_PLAN]));
  gtk_widget_class_bind_template_child_full (widget_class, "shortcomings_label", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, labels[SECTION_SHORTCOMINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "requests_label", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, labels[SECTION_REQUESTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "figures_label", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, labels[SECTION_FIGURES]));
  gtk_widget_class_bind_template_child_full (widget_class, "plan_list", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, lists[SECTION_PLAN]));
  gtk_widget_class_bind_template_child_full (widget_class, "shortcomings_list", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, lists[SECTION_SHORTCOMINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "requests_list", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, lists[SECTION_REQUESTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "figures_list", FALSE,
                                             G_STRUCT_OFFSET (FzHistoryView, lists[SECTION_FIGURES]));
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
}

static void
fz_history_view_init (FzHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pair = fz_report_pair_new ();
  g_signal_connect_object (self->pair, "changed", G_CALLBACK (on_pair_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair, "notify::state", G_CALLBACK (on_pair_state), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      self->selections[i] = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (self->selections[i], FALSE);
      gtk_single_selection_set_can_unselect (self->selections[i], TRUE);
      gtk_list_view_set_model (self->lists[i], GTK_SELECTION_MODEL (self->selections[i]));
    }
  fz_history_view_update_page (self);
}
