/* fz-history-row.c: one thing of last year's report, followed into this year's
 *
 * A planned item and what this year's measures say of it; a shortcoming
 * written again, both years quoted; a rectification request and the
 * passage that answers it; a figure of both years and its change.  The
 * tag in front says how it was followed up.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fz-history-row.h"
#include "fz-passage.h"
#include "fz-verdict-style.h"

#define MAX_QUOTED 160

struct _FzHistoryRow
{
  AdwBin         parent_instance;

  GtkLabel      *tag_label;
  GtkLabel      *title_label;
  GtkLabel      *values_label;
  GtkLabel      *last_label;
  GtkLabel      *current_label;

  FzHistoryItem *item;
};

G_DEFINE_FINAL_TYPE (FzHistoryRow, fz_history_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_follow_up_label (FzFollowUp follow_up)
{
  switch (follow_up)
    {
    case FZ_FOLLOW_DONE:
      return _("Done");
    case FZ_FOLLOW_MENTIONED:
      return _("Mentioned");
    case FZ_FOLLOW_NOT_MENTIONED:
      return _("Not mentioned");
    case FZ_FOLLOW_REPEATED:
      return _("Repeated");
    case FZ_FOLLOW_ANSWERED:
      return _("Answered");
    case FZ_FOLLOW_NOT_ANSWERED:
      return _("Not answered");
    case FZ_FOLLOW_UP:
      return _("Up");
    case FZ_FOLLOW_DOWN:
      return _("Down");
    case FZ_FOLLOW_SAME:
    default:
      return _("Same");
    }
}

static const char *
follow_up_css_class (FzFollowUp follow_up)
{
  switch (follow_up)
    {
    case FZ_FOLLOW_DONE:
    case FZ_FOLLOW_ANSWERED:
      return "success";
    case FZ_FOLLOW_MENTIONED:
    case FZ_FOLLOW_REPEATED:
      return "warning";
    case FZ_FOLLOW_NOT_MENTIONED:
    case FZ_FOLLOW_NOT_ANSWERED:
      return "error";
    case FZ_FOLLOW_UP:
    case FZ_FOLLOW_DOWN:
      /* More cases is not better or worse in itself: the reviewer judges. */
      return "accent";
    case FZ_FOLLOW_SAME:
    default:
      return "dim-label";
    }
}

/* "Last year: …" with the words quoted, or @missing (dim) without them. */
static void
set_quote (GtkLabel   *label,
           const char *prefix,
           const char *text,
           const char *missing)
{
  g_autofree char *markup = NULL;

  if (text == NULL && missing == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }
  if (text != NULL)
    {
      g_autofree char *line = fz_passage_one_line (text, MAX_QUOTED);
      g_autofree char *escaped = g_markup_escape_text (line, -1);
      g_autofree char *escaped_prefix = g_markup_escape_text (prefix, -1);

      markup = g_strdup_printf ("<span alpha=\"70%%\">%s</span> %s", escaped_prefix, escaped);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (missing, -1);

      markup = g_strdup_printf ("<span alpha=\"70%%\">%s</span>", escaped);
    }
  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static char *
format_change (double change)
{
  if (change == 0)
    return g_strdup ("±0");
  /* Whole numbers as such; rates keep one decimal. */
  if (fabs (change - round (change)) < 1e-9)
    return g_strdup_printf ("%+.0f", change);
  return g_strdup_printf ("%+.1f", change);
}

void
fz_history_row_bind (FzHistoryRow  *self,
                     FzHistoryItem *item)
{
  FzFollowUp follow_up;
  const char *last, *current;
  g_autofree char *tag = NULL;

  g_return_if_fail (FZ_IS_HISTORY_ROW (self));
  g_return_if_fail (FZ_IS_HISTORY_ITEM (item));

  g_set_object (&self->item, item);
  follow_up = fz_history_item_get_follow_up (item);
  last = fz_history_item_get_last_text (item);
  current = fz_history_item_get_current_text (item);

  fz_widget_set_verdict_class (GTK_WIDGET (self->tag_label), follow_up_css_class (follow_up));
  gtk_widget_set_visible (GTK_WIDGET (self->values_label), FALSE);

  switch (fz_history_item_get_kind (item))
    {
    case FZ_HISTORY_PLAN:
      tag = g_strdup (fz_follow_up_label (follow_up));
      gtk_label_set_text (self->title_label, last);
      set_quote (self->last_label, NULL, NULL, NULL);
      set_quote (self->current_label, _("This year:"), current,
                 _("This year’s measures and results do not mention it."));
      break;

    case FZ_HISTORY_SHORTCOMING:
      {
        /* Translators: how alike a shortcoming is to last year's; %d is a percentage */
        g_autofree char *alike = g_strdup_printf (_("Written again, %d%% the same wording"),
                                                  (int) (fz_history_item_get_similarity (item) * 100 + 0.5));

        tag = g_strdup (fz_follow_up_label (follow_up));
        gtk_label_set_text (self->title_label, alike);
        set_quote (self->last_label, _("Last year:"), last, NULL);
        set_quote (self->current_label, _("This year:"), current, NULL);
      }
      break;

    case FZ_HISTORY_REQUEST:
      tag = g_strdup (fz_follow_up_label (follow_up));
      gtk_label_set_text (self->title_label, last);
      set_quote (self->last_label, NULL, NULL, NULL);
      set_quote (self->current_label, _("This year:"), current,
                 _("No passage of this year’s report answers it."));
      break;

    case FZ_HISTORY_FIGURE:
    default:
      {
        /* Translators: a figure last year and this year, as the reports write them */
        g_autofree char *values = g_strdup_printf (_("%s → %s"), fz_history_item_get_last_value (item),
                                                   fz_history_item_get_current_value (item));

        tag = format_change (fz_history_item_get_change (item));
        gtk_label_set_text (self->title_label, last);
        gtk_label_set_text (self->values_label, values);
        gtk_widget_set_visible (GTK_WIDGET (self->values_label), TRUE);
        set_quote (self->last_label, NULL, NULL, NULL);
        set_quote (self->current_label, NULL, NULL, NULL);
      }
      break;
    }

  gtk_label_set_text (self->tag_label, tag);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fz_follow_up_label (follow_up), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
fz_history_row_unbind (FzHistoryRow *self)
{
  g_return_if_fail (FZ_IS_HISTORY_ROW (self));

  if (g_set_object (&self->item, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

FzHistoryItem *
fz_history_row_get_item (FzHistoryRow *self)
{
  g_return_val_if_fail (FZ_IS_HISTORY_ROW (self), NULL);
  return self->item;
}

GtkWidget *
fz_history_row_new (void)
{
  return g_object_new (FZ_TYPE_HISTORY_ROW, NULL);
}

static void
fz_history_row_dispose (GObject *object)
{
  FzHistoryRow *self = FZ_HISTORY_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (fz_history_row_parent_class)->dispose (object);
}

static void
fz_history_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzHistoryRow *self = FZ_HISTORY_ROW (object);

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
fz_history_row_class_init (FzHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_history_row_dispose;
  object_class->get_property = fz_history_row_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, FZ_TYPE_HISTORY_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FzHistoryRow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryRow, values_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryRow, last_label);
  gtk_widget_class_bind_template_child (widget_class, FzHistoryRow, current_label);
}

static void
fz_history_row_init (FzHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
