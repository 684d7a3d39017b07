/* fz-score-item-row.c: one item of a report's score, as a list row
 *
 * The row is the item's view and nothing else: it follows the item's
 * notifications, so a decision or a finding that changes the score
 * repaints the rows it touches, in place.  What each deduction took is a
 * line of its own with a button that steps through its evidence in the
 * text: the reviewer checks the reason before accepting the points.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-score-item-row.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"
#include "fz-object-util.h"
#include "fz-verdict-style.h"

struct _FzScoreItemRow
{
  AdwBin       parent_instance;

  GtkLabel    *name_label;
  GtkLabel    *points_label;
  GtkButton   *clear_button;
  GtkButton   *adjust_button;
  GtkLabel    *status_label;
  GtkLabel    *guide_label;
  GtkBox      *deductions_box;

  FzScoreItem *item;
};

G_DEFINE_FINAL_TYPE (FzScoreItemRow, fz_score_item_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  REVEAL_RANGE,
  ADJUST,
  CLEAR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEDUCTION_KEY "fz-deduction"
#define NEXT_KEY "fz-next-evidence"

/* Showing ------------------------------------------------------------------ */

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_item (FzScoreItemRow *self)
{
  FzScoreItem *item = self->item;
  g_autofree char *points = NULL;
  g_autofree char *max = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  gboolean pending, adjusted;

  if (item == NULL)
    return;

  pending = fz_score_item_get_pending (item);
  adjusted = fz_score_item_get_adjusted (item);
  max = fz_score_format_points (fz_score_item_get_max (item));
  points = pending ? g_strdup ("—") : fz_score_format_points (fz_score_item_get_points (item));

  gtk_label_set_text (self->name_label, fz_score_item_get_name (item));
  /* TRANSLATORS: an item's points out of its full points, "42 / 50" */
  text = g_strdup_printf (_("%s / %s"), points, max);
  gtk_label_set_text (self->points_label, text);
  fz_widget_set_verdict_class (GTK_WIDGET (self->points_label),
             pending ? "dim-label"
             : adjusted ? "accent"
             : fz_score_item_get_deducted (item) > 0 ? "warning" : NULL);
  accessible = pending
    /* TRANSLATORS: read out for an item the reviewer has yet to score: its full points */
    ? g_strdup_printf (_("Not scored yet, out of %s points"), max)
    /* TRANSLATORS: read out for an item's score, "42 of 50 points" */
    : g_strdup_printf (_("%s of %s points"), points, max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->points_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  /* What the reviewer did, or has yet to do, says itself above the
   * checks' deductions; the item's reason already words both. */
  set_label (self->status_label, pending || adjusted ? fz_score_item_get_reason (item) : NULL);
  fz_widget_set_verdict_class (GTK_WIDGET (self->status_label), pending ? "warning" : adjusted ? "accent" : NULL);
  set_label (self->guide_label, fz_score_item_get_manual (item) ? fz_score_item_get_guide (item) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), adjusted);
  fz_tooltip_set_text_and_label (GTK_WIDGET (self->adjust_button),
                                 pending ? _("Score This Item…") : _("Adjust Points…"));
}

static void
on_evidence_clicked (GtkButton      *button,
                     FzScoreItemRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), DEDUCTION_KEY));
  guint next = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), NEXT_KEY));
  GPtrArray *deductions;
  const FzScoreDeduction *d;
  FzRange range;

  if (self->item == NULL)
    return;

  /* Read at the click: evidence may move without the row being told. */
  deductions = fz_score_item_get_deductions (self->item);
  if (index >= deductions->len)
    return;
  d = g_ptr_array_index (deductions, index);
  if (d->evidence == NULL || d->evidence->len == 0)
    return;

  range = g_array_index (d->evidence, FzRange, next % d->evidence->len);
  g_object_set_data (G_OBJECT (button), NEXT_KEY, GUINT_TO_POINTER ((next + 1) % d->evidence->len));
  g_signal_emit (self, signals[REVEAL_RANGE], 0, range.start, range.end);
}

static GtkWidget *
deduction_line (FzScoreItemRow         *self,
                const FzScoreDeduction *d,
                guint                   index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  g_autofree char *description = fz_score_deduction_dup_description (d);
  g_autofree char *text = g_strconcat ("• ", description, NULL);

  label = fz_label_new_wrapped (text);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (d->evidence != NULL && d->evidence->len > 0)
    {
      GtkWidget *button;
      g_autofree char *tip = NULL;

      /* TRANSLATORS: tooltip of the button beside a deduction; %u places in the text */
      tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show in the Report", "Show in the Report (%u places)",
                                          d->evidence->len), d->evidence->len);
      button = fz_icon_button_new ("find-location-symbolic", tip);
      gtk_widget_add_css_class (button, "circular");
      g_object_set_data (G_OBJECT (button), DEDUCTION_KEY, GUINT_TO_POINTER (index));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_evidence_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
update_deductions (FzScoreItemRow *self)
{
  GtkWidget *child;
  GPtrArray *deductions;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deductions_box))) != NULL)
    gtk_box_remove (self->deductions_box, child);
  if (self->item == NULL)
    return;

  deductions = fz_score_item_get_deductions (self->item);
  for (guint i = 0; i < deductions->len; i++)
    gtk_box_append (self->deductions_box, deduction_line (self, g_ptr_array_index (deductions, i), i));

  if (deductions->len == 0 && !fz_score_item_get_manual (self->item))
    {
      GtkWidget *label = gtk_label_new (_("Nothing deducted"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->deductions_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deductions_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->deductions_box)) != NULL);
}

static void
on_clear_clicked (FzScoreItemRow *self)
{
  g_signal_emit (self, signals[CLEAR], 0);
}

static void
on_adjust_clicked (FzScoreItemRow *self)
{
  g_signal_emit (self, signals[ADJUST], 0);
}

/* The item --------------------------------------------------------------- */

FzScoreItem *
fz_score_item_row_get_item (FzScoreItemRow *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_ITEM_ROW (self), NULL);

  return self->item;
}

void
fz_score_item_row_set_item (FzScoreItemRow *self,
                            FzScoreItem    *item)
{
  g_return_if_fail (FZ_IS_SCORE_ITEM_ROW (self));
  g_return_if_fail (item == NULL || FZ_IS_SCORE_ITEM (item));

  if (!fz_set_watched (&self->item, item, self,
                       "notify", G_CALLBACK (update_item),
                       "deductions-changed", G_CALLBACK (update_deductions),
                       NULL))
    return;

  update_item (self);
  update_deductions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* GObject ---------------------------------------------------------------- */

static void
fz_score_item_row_dispose (GObject *object)
{
  FzScoreItemRow *self = FZ_SCORE_ITEM_ROW (object);

  fz_clear_watched (&self->item, self);

  G_OBJECT_CLASS (fz_score_item_row_parent_class)->dispose (object);
}

static void
fz_score_item_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzScoreItemRow *self = FZ_SCORE_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_item_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FzScoreItemRow *self = FZ_SCORE_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      fz_score_item_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_item_row_class_init (FzScoreItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_score_item_row_dispose;
  object_class->get_property = fz_score_item_row_get_property;
  object_class->set_property = fz_score_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, FZ_TYPE_SCORE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzScoreItemRow::reveal-range:
   * @start: first character of a deduction's evidence in the report
   * @end: one past the last
   */
  signals[REVEAL_RANGE] = fz_signal_new (klass, "reveal-range", 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[ADJUST] = fz_signal_new (klass, "adjust", 0);
  signals[CLEAR] = fz_signal_new (klass, "clear", 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-score-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, points_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, adjust_button);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, guide_label);
  gtk_widget_class_bind_template_child (widget_class, FzScoreItemRow, deductions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_adjust_clicked);
}

static void
fz_score_item_row_init (FzScoreItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fz_score_item_row_new (void)
{
  return g_object_new (FZ_TYPE_SCORE_ITEM_ROW, NULL);
}
