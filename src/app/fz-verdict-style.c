/* fz-verdict-style.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-verdict-style.h"

const char *
fz_status_label (FzStatus status)
{
  return fz_status_get_label (status);
}

const char *
fz_status_icon (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:
      return "object-select-symbolic";
    case FZ_STATUS_PARTIAL:
      return "dialog-warning-symbolic";
    case FZ_STATUS_MISSING:
      return "dialog-error-symbolic";
    case FZ_STATUS_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    case FZ_STATUS_NEEDS_REVIEW:
      return "dialog-question-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fz_status_css_class (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:
      return "success";
    case FZ_STATUS_PARTIAL:
      return "warning";
    case FZ_STATUS_MISSING:
      return "error";
    case FZ_STATUS_NOT_APPLICABLE:
    case FZ_STATUS_NEEDS_REVIEW:
      return "dim-label";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fz_severity_label (FzSeverity severity)
{
  return fz_severity_get_label (severity);
}

const char *
fz_severity_icon (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case FZ_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case FZ_SEVERITY_INFO:
      return "dialog-information-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fz_severity_css_class (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:
      return "error";
    case FZ_SEVERITY_WARNING:
      return "warning";
    case FZ_SEVERITY_INFO:
      return "accent";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Every colour the functions above give, and the score's "accent". */
static const char * const verdict_classes[] = { "success", "warning", "error", "accent", "dim-label" };

void
fz_widget_set_verdict_class (GtkWidget  *widget,
                             const char *css_class)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    if (g_strcmp0 (verdict_classes[i], css_class) != 0)
      gtk_widget_remove_css_class (widget, verdict_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

void
fz_image_show_verdict (GtkImage   *image,
                       const char *icon_name,
                       const char *css_class,
                       const char *label)
{
  g_return_if_fail (GTK_IS_IMAGE (image));

  gtk_image_set_from_icon_name (image, icon_name);
  fz_widget_set_verdict_class (GTK_WIDGET (image), css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
