/* fz-formats.c: the file formats reviewers receive reports in
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-formats.h"
#include "fz-i18n.h"

const FzFormat *
fz_formats_get (guint *n_formats)
{
  if (n_formats != NULL)
    *n_formats = fz_n_formats;

  return fz_formats;
}

const char *
fz_format_get_name (const FzFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);

  return _(format->name);
}

const FzFormat *
fz_formats_for_file_name (const char *name)
{
  g_autofree char *lower = NULL;
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);

  if ((dot = strrchr (name, '.')) == NULL || dot[1] == '\0')
    return NULL;
  lower = g_utf8_strdown (dot + 1, -1);

  for (guint i = 0; i < fz_n_formats; i++)
    for (guint k = 0; k < FZ_FORMAT_MAX_NAMES && fz_formats[i].extensions[k] != NULL; k++)
      if (g_str_equal (fz_formats[i].extensions[k], lower))
        return &fz_formats[i];

  return NULL;
}
