/* fz-tooltip.h: tooltips for widgets made by the hundred
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Like gtk_widget_set_tooltip_text(), without its immediate tooltip query:
 * on X11 each query asks the server where the pointer is, and the
 * checklist and the batch matrix set thousands of tooltips as rows are
 * built and recycled.  The text is read only when a tooltip is wanted. */
void fz_tooltip_set_text           (GtkWidget  *widget,
                                    const char *text);

/* For a button that shows only an icon: @text is its tooltip and also the
 * name a screen reader gives it. */
void fz_tooltip_set_text_and_label (GtkWidget  *widget,
                                    const char *text);

/* Show @text, or @markup, in @tooltip from a query-tooltip handler,
 * wrapped at some 25 Chinese characters.  GTK 4.8 gives its own tooltip
 * label a width of as many average characters as the text has, and
 * Pango's average character is half a Chinese one: a Chinese tooltip
 * wrapped at half its length ("部分" over "具备"), and one with a line
 * break did not wrap at all. */
void fz_tooltip_show_text          (GtkTooltip *tooltip,
                                    const char *text);
void fz_tooltip_show_markup        (GtkTooltip *tooltip,
                                    const char *markup);

/* The tooltips a template gave @root and the widgets in it
 * ("tooltip-text") are shown as fz_tooltip_show_markup() shows them. */
void fz_tooltip_adopt_template     (GtkWidget  *root);

G_END_DECLS
