/* fz-score-view.c: a report's score, item by item
 *
 * The bureau's table scores the report; the reviewer reads why each item
 * lost what it lost, checks the evidence in the text, and sets the points
 * where the checks are wrong.  The list is the score's own list of items,
 * shown through a factory: rows are made for what is on screen and each
 * follows its item, so a decision elsewhere repaints the rows it changes
 * and nothing is rebuilt.  A new list comes only with another table.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-tooltip.h"
#include "fz-score-adjust-dialog.h"
#include "fz-score-item-row.h"
#include "fz-score-view.h"
#include "fz-object-util.h"
#include "fz-verdict-style.h"
#include "fz-widget-util.h"

struct _FzScoreView
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  AdwStatusPage  *none_page;
  GtkWidget      *total_box;
  GtkLabel       *total_label;
  GtkLabel       *max_label;
  GtkLabel       *grade_label;
  GtkLabel       *table_label;
  GtkLabel       *pending_label;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkListView    *list_view;

  FzReport       *report;
  FzScore        *score;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (FzScoreView, fz_score_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_SCORE,
  N_PROPS
};

enum {
  REVEAL_RANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The header ----------------------------------------------------------------- */

/* The band's place among the table's, for its colour: the highest reads
 * as success, the lowest as a failure, the others plainly. */
static const char *
band_style (FzScoreTable      *table,
            const FzScoreBand *band)
{
  guint n = fz_score_table_get_n_bands (table);

  if (band == NULL || n < 2)
    return "dim-label";
  if (band == fz_score_table_get_band (table, 0))
    return "success";
  if (band == fz_score_table_get_band (table, n - 1))
    return "error";
  return "accent";
}

static char *
pending_text (FzScore *score)
{
  GListModel *items = fz_score_get_items (score);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FzScoreItem) item = g_list_model_get_item (items, i);
      g_autofree char *points = NULL;

      if (!fz_score_item_get_pending (item))
        continue;
      points = fz_score_format_points (fz_score_item_get_max (item));
      /* TRANSLATORS: an item still to score, with its points: "综合评价 (10 points)" */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%s points)"), fz_score_item_get_name (item), points));
    }
  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (_(", "), (char **) names->pdata);
  /* TRANSLATORS: above the items: the manual items the total still lacks */
  return g_strdup_printf (_("Still to score by hand: %s. The total leaves them out until then."), joined);
}

static void
update_header (FzScoreView *self)
{
  FzScore *score = self->score;
  FzScoreTable *table;
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  g_autofree char *of = NULL;
  g_autofree char *table_text = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *accessible = NULL;
  const char *grade;

  if (score == NULL)
    return;

  table = fz_score_get_table (score);
  total = fz_score_format_points (fz_score_get_total (score));
  max = fz_score_format_points (fz_score_get_max (score));
  gtk_label_set_text (self->total_label, total);
  /* TRANSLATORS: after the total, "86.5" then "of 100 points" */
  of = g_strdup_printf (_("of %s points"), max);
  gtk_label_set_text (self->max_label, of);

  /* No 等次 while the points still to score could change it. */
  grade = fz_score_get_grade_name (score);
  gtk_label_set_text (self->grade_label, grade != NULL ? grade : _("Grade pending"));
  fz_widget_set_verdict_class (GTK_WIDGET (self->grade_label), band_style (table, fz_score_get_band (score)));

  accessible = grade != NULL
    /* TRANSLATORS: read out for the header: total, full points, 等次 */
    ? g_strdup_printf (_("Score %s of %s points, grade %s"), total, max, grade)
    : g_strdup_printf (_("Score %s of %s points, grade pending"), total, max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  /* TRANSLATORS: which table scores the report; %s its name */
  table_text = g_strdup_printf (_("Scoring table: %s"), fz_score_table_get_display_name (table));
  gtk_label_set_text (self->table_label, table_text);
  fz_tooltip_set_text (GTK_WIDGET (self->table_label), fz_score_table_get_description (table));

  pending = pending_text (score);
  gtk_label_set_text (self->pending_label, pending != NULL ? pending : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), pending != NULL);
}

static void
show_error (FzScoreView *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
on_error_dismissed (FzScoreView *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* Which page ----------------------------------------------------------------- */

static void
update_page (FzScoreView *self)
{
  FzRuleSet *ruleset;
  g_autofree char *description = NULL;

  if (self->score != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "score");
      return;
    }

  /* A report checked with a set that has no table, as against one not
   * checked yet. */
  if (self->report == NULL || fz_report_get_analysis (self->report) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "waiting");
      return;
    }

  ruleset = fz_report_get_ruleset (self->report);
  /* TRANSLATORS: the first %s is the rule set's name, the second the tag "<scoring>" */
  description = g_markup_printf_escaped (_("The rule set “%s” has no scoring table. Choose a rule set that has one, "
                                           "or give this one a %s table (see the rule sets’ README)."),
                                         ruleset != NULL ? fz_ruleset_get_display_name (ruleset) : "",
                                         "<scoring>");
  adw_status_page_set_description (self->none_page, description);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
sync_score (FzScoreView *self)
{
  FzScore *score = self->report != NULL ? fz_report_get_score (self->report) : NULL;

  if (fz_set_watched (&self->score, score, self, "changed", G_CALLBACK (update_header), NULL))
    {
      /* A new table is a new list; the same table keeps its items. */
      gtk_no_selection_set_model (self->selection, score != NULL ? fz_score_get_items (score) : NULL);
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      update_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
    }
  update_page (self);
}

/* Adjusting ------------------------------------------------------------------ */

static void
on_adjust_response (FzScoreAdjustDialog *dialog,
                    const char          *response,
                    FzScoreView         *self)
{
  FzScoreItem *item = fz_score_adjust_dialog_get_item (dialog);
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "adjust"))
    return;

  /* The report may have been checked with another table meanwhile. */
  if (self->score == NULL || fz_score_find_item (self->score, fz_score_item_get_id (item)) != item)
    {
      show_error (self, _("The scoring table changed while the dialog was open; the points were not recorded."));
      return;
    }

  reason = fz_score_adjust_dialog_dup_reason (dialog);
  if (!fz_score_adjust (self->score, fz_score_item_get_id (item), fz_score_adjust_dialog_get_points (dialog),
                        reason, &error))
    show_error (self, error->message);
  else
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

GtkWindow *
fz_score_view_adjust_item (FzScoreView *self,
                           const char  *item_id)
{
  FzScoreItem *item;
  FzScoreAdjustDialog *dialog;

  g_return_val_if_fail (FZ_IS_SCORE_VIEW (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  if (self->score == NULL || (item = fz_score_find_item (self->score, item_id)) == NULL)
    return NULL;

  dialog = fz_score_adjust_dialog_new (fz_widget_get_window (GTK_WIDGET (self)), item);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_adjust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* Rows ----------------------------------------------------------------------- */

static void
on_row_reveal (FzScoreItemRow *row,
               guint           start,
               guint           end,
               FzScoreView    *self)
{
  g_signal_emit (self, signals[REVEAL_RANGE], 0, start, end);
}

static void
on_row_adjust (FzScoreItemRow *row,
               FzScoreView    *self)
{
  FzScoreItem *item = fz_score_item_row_get_item (row);

  if (item != NULL)
    fz_score_view_adjust_item (self, fz_score_item_get_id (item));
}

static void
on_row_clear (FzScoreItemRow *row,
              FzScoreView    *self)
{
  FzScoreItem *item = fz_score_item_row_get_item (row);

  if (item != NULL && self->score != NULL)
    fz_score_clear_adjustment (self->score, fz_score_item_get_id (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FzScoreView              *self)
{
  GtkWidget *row = fz_score_item_row_new ();

  g_signal_connect_object (row, "reveal-range", G_CALLBACK (on_row_reveal), self, 0);
  g_signal_connect_object (row, "adjust", G_CALLBACK (on_row_adjust), self, 0);
  g_signal_connect_object (row, "clear", G_CALLBACK (on_row_clear), self, 0);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FzScoreView              *self)
{
  fz_score_item_row_set_item (FZ_SCORE_ITEM_ROW (gtk_list_item_get_child (list_item)),
                              gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FzScoreView              *self)
{
  fz_score_item_row_set_item (FZ_SCORE_ITEM_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* A row shows where its first deduction's evidence is. */
static void
on_activate (FzScoreView *self,
             guint        position)
{
  g_autoptr(FzScoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GPtrArray *deductions;

  if (item == NULL)
    return;

  deductions = fz_score_item_get_deductions (item);
  for (guint i = 0; i < deductions->len; i++)
    {
      const FzScoreDeduction *d = g_ptr_array_index (deductions, i);

      if (d->evidence != NULL && d->evidence->len > 0)
        {
          const FzRange *range = &g_array_index (d->evidence, FzRange, 0);

          g_signal_emit (self, signals[REVEAL_RANGE], 0, range->start, range->end);
          return;
        }
    }
}

/* The report ---------------------------------------------------------------- */

FzReport *
fz_score_view_get_report (FzScoreView *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_VIEW (self), NULL);

  return self->report;
}

void
fz_score_view_set_report (FzScoreView *self,
                          FzReport    *report)
{
  g_return_if_fail (FZ_IS_SCORE_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (!fz_set_watched (&self->report, report, self,
                       "notify::score", G_CALLBACK (sync_score),
                       "notify::analysis", G_CALLBACK (update_page),
                       NULL))
    return;

  sync_score (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

FzScore *
fz_score_view_get_score (FzScoreView *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_VIEW (self), NULL);

  return self->score;
}

/* GObject -------------------------------------------------------------------- */

static void
fz_score_view_dispose (GObject *object)
{
  FzScoreView *self = FZ_SCORE_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  fz_clear_watched (&self->report, self);
  fz_clear_watched (&self->score, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (fz_score_view_parent_class)->dispose (object);
}

static void
fz_score_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FzScoreView *self = FZ_SCORE_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FzScoreView *self = FZ_SCORE_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_score_view_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_view_class_init (FzScoreViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_score_view_dispose;
  object_class->get_property = fz_score_view_get_property;
  object_class->set_property = fz_score_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_object ("score", NULL, NULL, FZ_TYPE_SCORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzScoreView::reveal-range:
   * @start: first character of the evidence in the report's text
   * @end: one past the last
   */
  signals[REVEAL_RANGE] = fz_signal_new (klass, "reveal-range", 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (FZ_TYPE_SCORE_ITEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-score-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, none_page);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, total_box);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, total_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, max_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, grade_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, table_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, pending_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_error_dismissed);
}

static void
fz_score_view_init (FzScoreView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->stack, "waiting");
}

GtkWidget *
fz_score_view_new (void)
{
  return g_object_new (FZ_TYPE_SCORE_VIEW, NULL);
}
