/* fz-check-registry.c: the finding ids and thresholds a rule set may name
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-check-registry.h"

/* In the order the checks run (see src/core/analysis/fz-checks.c, whose
 * table must name the same ids; a test compares them). */
static const char * const ids[] = {
  "markup_residue",
  "repeated_word",
  "punct_halfwidth",
  "punct_unbalanced",
  "latin_word",
  "traditional_char",
  "booktitle_missing",
  "word_usage",
  "de_usage",
  "standard_name",
  "numbering",
  "addressee_direction",
  "missing_title",
  "missing_addressee",
  "missing_signature",
  "missing_date",
  "doc_number_format",
  "request_in_report",
  "title_format",
  "cc_format",
  "date_format",
  "deadline",
  "year_mismatch",
  "figure_sum",
  "figure_rate",
  "figure_conflict",
  "outline_coverage",
  "weak_problems",
  "no_causes",
  "few_figures",
  "vague_plan",
};

/* Findings about the report that do not come from its text: when it was
 * filed and published, as the review records, and what the published page
 * says (src/core/review: fz-filing.c, fz-published.c). */
static const char * const outside[] = {
  "filed_late",
  "published_late",
  "published_differs",
};

/* The thresholds a rule set may tune with <check id="…" name="value"/>. */
static const struct
{
  const char *id;
  const char *param;
  double      value;
  double      min;
  double      max;
} params[] = {
  { "weak_problems",    "min-share",    5,   0, 100 },     /* % of the body */
  { "weak_problems",    "min-chars",    150, 0, 100000 },
  { "few_figures",      "min-per-1000", 3,   0, 1000 },
  { "few_figures",      "min-chars",    300, 0, 100000 },  /* shorter achievements are not judged */
  { "figure_conflict",  "min-key",      4,   2, 20 },      /* characters naming the quantity */
  { "outline_coverage", "min-hits",     2,   1, 1000 },
};

char **
fz_check_registry_list_ids (void)
{
  char **out = g_new0 (char *, G_N_ELEMENTS (ids) + G_N_ELEMENTS (outside) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    out[i] = g_strdup (ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    out[G_N_ELEMENTS (ids) + i] = g_strdup (outside[i]);

  return out;
}

gboolean
fz_check_registry_is_known (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (strcmp (ids[i], id) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    if (strcmp (outside[i], id) == 0)
      return TRUE;

  return FALSE;
}

gboolean
fz_check_registry_get_param (const char *id,
                             const char *param,
                             double     *value,
                             double     *min,
                             double     *max)
{
  g_return_val_if_fail (id != NULL && param != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (strcmp (params[i].id, id) == 0 && strcmp (params[i].param, param) == 0)
      {
        if (value != NULL)
          *value = params[i].value;
        if (min != NULL)
          *min = params[i].min;
        if (max != NULL)
          *max = params[i].max;
        return TRUE;
      }

  return FALSE;
}
