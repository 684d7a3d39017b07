/* fz-widget-util.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-tooltip.h"
#include "fz-widget-util.h"

#define PROSE_MARGIN 6

GtkWidget *
fz_text_view_new_for_prose (const char *label)
{
  GtkWidget *widget = gtk_text_view_new ();
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  g_return_val_if_fail (label != NULL, widget);

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, PROSE_MARGIN);
  gtk_text_view_set_bottom_margin (view, PROSE_MARGIN);
  gtk_text_view_set_left_margin (view, PROSE_MARGIN);
  gtk_text_view_set_right_margin (view, PROSE_MARGIN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return widget;
}

GtkWidget *
fz_label_new_wrapped (const char *text)
{
  GtkWidget *widget = gtk_label_new (text);
  GtkLabel *label = GTK_LABEL (widget);

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);

  return widget;
}

GtkWidget *
fz_icon_button_new (const char *icon_name,
                    const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  fz_tooltip_set_text_and_label (button, label);

  return button;
}

GtkWindow *
fz_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
fz_widget_set_css_class (GtkWidget  *widget,
                         const char *css_class,
                         gboolean    on)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (css_class != NULL);

  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}
