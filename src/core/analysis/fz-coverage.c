/* fz-coverage.c: which task areas of the 纲要 a report covers
 *
 * The areas are found by the outline_coverage check (fz-checks-substance.c);
 * this file only holds the boxed result.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-coverage"

#include "config.h"

#include "fz-coverage.h"
#include "fz-types.h"

G_DEFINE_BOXED_TYPE (FzCoverageArea, fz_coverage_area, fz_coverage_area_copy, fz_coverage_area_free)

FzCoverageArea *
fz_coverage_area_copy (const FzCoverageArea *area)
{
  FzCoverageArea *copy;

  g_return_val_if_fail (area != NULL, NULL);

  copy = g_memdup2 (area, sizeof *area);
  copy->id = g_strdup (area->id);
  copy->part = g_strdup (area->part);
  copy->name = g_strdup (area->name);
  copy->name_en = g_strdup (area->name_en);
  copy->keywords = g_strdupv (area->keywords);

  return copy;
}

void
fz_coverage_area_free (FzCoverageArea *area)
{
  if (area == NULL)
    return;

  g_free (area->id);
  g_free (area->part);
  g_free (area->name);
  g_free (area->name_en);
  g_strfreev (area->keywords);
  g_free (area);
}

const char *
fz_coverage_area_get_display_name (const FzCoverageArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return fz_localized (area->name, area->name_en);
}

const char *
fz_coverage_status_to_string (FzCoverageStatus status)
{
  switch (status)
    {
    case FZ_COVERAGE_ABSENT:
      return "absent";
    case FZ_COVERAGE_MENTIONED:
      return "mentioned";
    case FZ_COVERAGE_COVERED:
      return "covered";
    default:
      g_return_val_if_reached (NULL);
    }
}
