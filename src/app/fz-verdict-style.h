/* fz-verdict-style.h: how statuses and severities look and read
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

/* Every view shows a verdict the same way: a label in the reviewer's
 * language, a symbolic icon and a style class for its colour. */
const char *fz_status_label        (FzStatus   status);
const char *fz_status_icon         (FzStatus   status);
const char *fz_status_css_class    (FzStatus   status);
const char *fz_severity_label      (FzSeverity severity);
const char *fz_severity_icon       (FzSeverity severity);
const char *fz_severity_css_class  (FzSeverity severity);

/* Colours @widget with @css_class — one of the classes above, "accent",
 * or NULL for none — taking away whichever other of them it had, so that
 * a row or label reused for another verdict never shows two colours. */
void        fz_widget_set_verdict_class (GtkWidget  *widget,
                                         const char *css_class);

/* Shows a verdict on @image: its icon, its colour and, for a screen
 * reader, its words. */
void        fz_image_show_verdict       (GtkImage   *image,
                                         const char *icon_name,
                                         const char *css_class,
                                         const char *label);

G_END_DECLS
