/* fz-score-badge.c: the report's total and 等次 in the page's header
 *
 * Beside "Confirmed n/m" the reviewer sees where the report stands under
 * the bureau's table, updated as they decide elements or adjust items; a
 * click opens the score view with each item's points and reasons.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-tooltip.h"
#include "fz-score-badge.h"
#include "fz-object-util.h"

struct _FzScoreBadge
{
  AdwBin     parent_instance;

  GtkWidget *button;
  GtkWidget *label;
  FzScore   *score;
};

G_DEFINE_FINAL_TYPE (FzScoreBadge, fz_score_badge, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_score_badge_sync (FzScoreBadge *self)
{
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  const char *grade;

  gtk_widget_set_visible (GTK_WIDGET (self), self->score != NULL);
  if (self->score == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->label), "");
      return;
    }

  total = fz_score_format_points (fz_score_get_total (self->score));
  max = fz_score_format_points (fz_score_get_max (self->score));
  /* No 等次 while points still to score could change it. */
  grade = fz_score_get_grade_name (self->score);
  text = grade != NULL
    /* TRANSLATORS: the header's score: total, then the 等次, e.g. "86.5 pts · Good" */
    ? g_strdup_printf (_("%s pts · %s"), total, grade)
    /* TRANSLATORS: the header's score while items are still to be scored by hand */
    : g_strdup_printf (_("%s pts · grade pending"), total);
  spoken = grade != NULL
    ? g_strdup_printf (_("Score %s of %s points, grade %s"), total, max, grade)
    : g_strdup_printf (_("Score %s of %s points, grade pending"), total, max);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  fz_tooltip_set_text_and_label (self->button, spoken);
}

FzScore *
fz_score_badge_get_score (FzScoreBadge *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_BADGE (self), NULL);

  return self->score;
}

void
fz_score_badge_set_score (FzScoreBadge *self,
                          FzScore      *score)
{
  g_return_if_fail (FZ_IS_SCORE_BADGE (self));
  g_return_if_fail (score == NULL || FZ_IS_SCORE (score));

  if (!fz_set_watched (&self->score, score, self, "changed", G_CALLBACK (fz_score_badge_sync), NULL))
    return;

  fz_score_badge_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

const char *
fz_score_badge_get_text (FzScoreBadge *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_BADGE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

static void
fz_score_badge_dispose (GObject *object)
{
  FzScoreBadge *self = FZ_SCORE_BADGE (object);

  fz_clear_watched (&self->score, self);

  G_OBJECT_CLASS (fz_score_badge_parent_class)->dispose (object);
}

static void
fz_score_badge_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzScoreBadge *self = FZ_SCORE_BADGE (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_badge_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzScoreBadge *self = FZ_SCORE_BADGE (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      fz_score_badge_set_score (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_badge_class_init (FzScoreBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_score_badge_dispose;
  object_class->get_property = fz_score_badge_get_property;
  object_class->set_property = fz_score_badge_set_property;

  properties[PROP_SCORE] =
    g_param_spec_object ("score", NULL, NULL, FZ_TYPE_SCORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-score-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, FzScoreBadge, button);
  gtk_widget_class_bind_template_child (widget_class, FzScoreBadge, label);
}

static void
fz_score_badge_init (FzScoreBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fz_score_badge_sync (self);
}

GtkWidget *
fz_score_badge_new (void)
{
  return g_object_new (FZ_TYPE_SCORE_BADGE, NULL);
}
