/* fz-types.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-types.h"

const char *
fz_paragraph_kind_to_string (FzParagraphKind kind)
{
  switch (kind)
    {
    case FZ_PARAGRAPH_BODY:        return "body";
    case FZ_PARAGRAPH_ISSUER_MARK: return "issuer_mark";
    case FZ_PARAGRAPH_DOC_NUMBER:  return "doc_number";
    case FZ_PARAGRAPH_SIGNER:      return "signer";
    case FZ_PARAGRAPH_TITLE:       return "title";
    case FZ_PARAGRAPH_ADDRESSEE:   return "addressee";
    case FZ_PARAGRAPH_HEADING:     return "heading";
    case FZ_PARAGRAPH_CLOSING:     return "closing";
    case FZ_PARAGRAPH_SIGNATURE:   return "signature";
    case FZ_PARAGRAPH_DATE:        return "date";
    case FZ_PARAGRAPH_NOTE:        return "note";
    case FZ_PARAGRAPH_CC:          return "cc";
    case FZ_PARAGRAPH_PRINTED:     return "printed";
    case FZ_PARAGRAPH_FURNITURE:   return "furniture";
    default:                       return "body";
    }
}

static const char * const status_names[] = {
  [FZ_STATUS_PRESENT] = "present",
  [FZ_STATUS_PARTIAL] = "partial",
  [FZ_STATUS_MISSING] = "missing",
  [FZ_STATUS_NOT_APPLICABLE] = "not_applicable",
  [FZ_STATUS_NEEDS_REVIEW] = "needs_review",
};

const char *
fz_status_to_string (FzStatus status)
{
  if ((guint) status < G_N_ELEMENTS (status_names))
    return status_names[status];
  return "needs_review";
}

gboolean
fz_status_from_string (const char *str,
                       FzStatus   *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
fz_severity_to_string (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:   return "error";
    case FZ_SEVERITY_WARNING: return "warning";
    case FZ_SEVERITY_INFO:    return "info";
    default:                  return "info";
    }
}

const char *
fz_level_to_string (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:   return "township";
    case FZ_LEVEL_COUNTY:     return "county";
    case FZ_LEVEL_CITY:       return "city";
    case FZ_LEVEL_PROVINCE:   return "province";
    case FZ_LEVEL_DEPARTMENT: return "department";
    case FZ_LEVEL_UNKNOWN:
    default:                  return "unknown";
    }
}

FzLevel
fz_level_from_string (const char *str)
{
  for (FzLevel level = FZ_LEVEL_TOWNSHIP; str != NULL && level <= FZ_LEVEL_DEPARTMENT; level++)
    if (g_str_equal (str, fz_level_to_string (level)))
      return level;

  return FZ_LEVEL_UNKNOWN;
}

const char *
fz_figure_kind_to_string (FzFigureKind kind)
{
  switch (kind)
    {
    case FZ_FIGURE_COUNT:   return "count";
    case FZ_FIGURE_MONEY:   return "money";
    case FZ_FIGURE_PERCENT: return "percent";
    case FZ_FIGURE_MEASURE: return "measure";
    default:                return "count";
    }
}

gboolean
fz_locale_is_chinese (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      if (strcmp (langs[i], "C") == 0 || strcmp (langs[i], "POSIX") == 0)
        continue;
      return g_str_has_prefix (langs[i], "zh");
    }

  return FALSE;
}

const char *
fz_localized (const char *zh,
              const char *en)
{
  if (en == NULL || fz_locale_is_chinese ())
    return zh;
  return en;
}
