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

/* A tooltip for a widget made with every window or tab, set from code
 * rather than the template's "tooltip-text": on X11, GTK asks the server
 * where the pointer is (four round trips) each time a tooltip is set on a
 * shown widget, some 1–2 ms of every report opened.  @text is also the
 * widget's accessible description, as GTK's own tooltip makes it. */
void fz_tooltip_set_text_and_description (GtkWidget  *widget,
                                          const char *text);

/* For a button that shows only an icon: @text is its tooltip and also the
 * name a screen reader gives it. */
void fz_tooltip_set_text_and_label (GtkWidget  *widget,
                                    const char *text);

/* Show @text, or @markup, in @tooltip from a query-tooltip handler,
 * every line wrapped at some 25 Chinese characters.  GTK's own tooltip
 * label does not wrap a text with line breaks at all, so a report's
 * multi-line tooltips need this one. */
void fz_tooltip_show_text          (GtkTooltip *tooltip,
                                    const char *text);
void fz_tooltip_show_markup        (GtkTooltip *tooltip,
                                    const char *markup);

/* Once, at start: the tooltips GTK shows in its own label (a
 * "tooltip-text", a libadwaita tab's close button) wrap where
 * fz_tooltip_show_text() would.  GTK 4.8 gives that label a width of as
 * many average characters as the text has, and Pango's average character
 * is half a Chinese one: a Chinese tooltip wrapped at half its length
 * ("关闭" over "标签" over "页"). */
void fz_tooltip_fit_gtk_tooltips   (void);

G_END_DECLS
