/* fz-widget-util.h: small GTK helpers the views share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkTextView for a paragraph of prose the reviewer writes: wrapped at
 * words, or between characters where a word is too long for the line;
 * padded from its frame; Tab moves the focus on rather than being typed;
 * @label is the name a screen reader gives it. */
GtkWidget *fz_text_view_new_for_prose (const char *label);

/* A label for text of any length: from the start of the line, wrapped at
 * words, or between characters where a word is too long for the line. */
GtkWidget *fz_label_new_wrapped       (const char *text);

/* A flat button showing only the icon @icon_name, centred in the height
 * of the row it sits in; @label is its tooltip and the name a screen
 * reader gives it. */
GtkWidget *fz_icon_button_new         (const char *icon_name,
                                       const char *label);

/* The window @widget is in, for a dialog to stand over; NULL while it is
 * in none (@widget may be NULL too). */
GtkWindow *fz_widget_get_window       (GtkWidget  *widget);

/* Adds @css_class to @widget when @on, removes it otherwise: for a style
 * that follows a state as a row is bound again and again. */
void       fz_widget_set_css_class    (GtkWidget  *widget,
                                       const char *css_class,
                                       gboolean    on);

G_END_DECLS
