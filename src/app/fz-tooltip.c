/* fz-tooltip.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-tooltip.h"

#include <string.h>

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

/* The tooltip, and @text as what a screen reader says of @widget. */
static void
set_text_and_accessible (GtkWidget             *widget,
                         const char            *text,
                         GtkAccessibleProperty  property)
{
  fz_tooltip_set_text (widget, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), property, text, -1);
}

void
fz_tooltip_set_text_and_description (GtkWidget  *widget,
                                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_text_and_accessible (widget, text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
fz_tooltip_set_text_and_label (GtkWidget  *widget,
                               const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  set_text_and_accessible (widget, text, GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* GTK's own tooltip label ------------------------------------------------ */

/* The tooltips GTK shows itself (a "tooltip-text" from a template, or
 * one GTK's and libadwaita's widgets set, such as a tab's 关闭标签页) are
 * in the one GtkLabel of the tooltip's window.  GTK 4.8 gives it a
 * maximum width of as many average characters as the text has
 * characters; a Chinese character is two, so that text stood on three
 * lines (关闭 / 标签 / 页).  The label is given the width its text takes
 * instead, in the same unit, up to the same limit as ours. */

#define FITTED_KEY "fz-tooltip-fitted"

static int
text_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      columns += g_unichar_iswide (c) ? 2 : 1;
    }

  return columns;
}

static void
fit_label_width (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);

  /* GTK does not wrap a text with line breaks, and leaves the lines as
   * they are: so do we. */
  if (strchr (text, '\n') != NULL)
    return;

  gtk_label_set_max_width_chars (label, MIN (text_columns (text), TOOLTIP_WIDTH_CHARS));
}

static void
on_gtk_label_notify (GtkLabel   *label,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  fit_label_width (label);
}

/* The label is private to GTK's tooltip window.  A widget set as the
 * tooltip's custom content goes into the same box as the label, which is
 * how the label is found with public calls alone. */
static void
fit_gtk_label_of (GtkTooltip *tooltip)
{
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new (NULL));
  GtkWidget *box;

  gtk_tooltip_set_custom (tooltip, probe);
  box = gtk_widget_get_parent (probe);
  for (GtkWidget *child = box ? gtk_widget_get_first_child (box) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == probe || !GTK_IS_LABEL (child))
        continue;
      /* GTK sets the text, then the width, then whether it wraps: the
       * label's width is fitted after each. */
      g_signal_connect (child, "notify::label", G_CALLBACK (on_gtk_label_notify), NULL);
      g_signal_connect (child, "notify::max-width-chars", G_CALLBACK (on_gtk_label_notify), NULL);
      g_signal_connect (child, "notify::wrap", G_CALLBACK (on_gtk_label_notify), NULL);
    }
  /* As GTK leaves it before asking a widget for its tooltip. */
  gtk_tooltip_set_custom (tooltip, NULL);
}

/* Before any handler of the widget's, and before GtkWidget's own. */
static gboolean
on_query_tooltip_emitted (GSignalInvocationHint *hint,
                          guint                  n_params,
                          const GValue          *params,
                          gpointer               user_data)
{
  GtkTooltip *tooltip = g_value_get_object (&params[4]);

  if (GTK_IS_TOOLTIP (tooltip) && g_object_get_data (G_OBJECT (tooltip), FITTED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (tooltip), FITTED_KEY, GINT_TO_POINTER (TRUE));
      fit_gtk_label_of (tooltip);
    }

  return TRUE;
}

void
fz_tooltip_fit_gtk_tooltips (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal is there once the class is: at start no widget may be. */
      g_autoptr(GTypeClass) widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint signal_id = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (signal_id, 0, on_query_tooltip_emitted, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
