/* fz-tooltip.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-tooltip.h"

#define TOOLTIP_KEY "fz-tooltip"

/* In average characters: half as many Chinese ones. */
#define TOOLTIP_WIDTH_CHARS 50

void
fz_tooltip_show_markup (GtkTooltip *tooltip,
                        const char *markup)
{
  /* A label of its own each time: GTK drops the last one when the tooltip
   * is asked again, and one label cannot be in two tooltips' windows. */
  GtkWidget *label;

  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (markup != NULL);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_WIDTH_CHARS);
  gtk_tooltip_set_custom (tooltip, label);
}

void
fz_tooltip_show_text (GtkTooltip *tooltip,
                      const char *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  fz_tooltip_show_markup (tooltip, markup);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;

  fz_tooltip_show_text (tooltip, text);

  return TRUE;
}

void
fz_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY "-handler") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_KEY "-handler", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }

  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
}

void
fz_tooltip_set_text_and_label (GtkWidget  *widget,
                               const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  fz_tooltip_set_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Ahead of GtkWidget's own handler, which would show the text GTK's way. */
static gboolean
on_query_template_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);

  if (markup == NULL || *markup == '\0')
    return FALSE;

  fz_tooltip_show_markup (tooltip, markup);
  return TRUE;
}

void
fz_tooltip_adopt_template (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_tooltip_markup (root) != NULL &&
      g_object_get_data (G_OBJECT (root), TOOLTIP_KEY "-adopted") == NULL)
    {
      g_signal_connect (root, "query-tooltip", G_CALLBACK (on_query_template_tooltip), NULL);
      g_object_set_data (G_OBJECT (root), TOOLTIP_KEY "-adopted", GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fz_tooltip_adopt_template (child);
}
