/* fz-unit-name.c: how the window names a report: 北坡镇 · 2024年度
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fz-unit-name.h"

/* Endings of a government's full name, longest first. */
static const char * const government_endings[] = {
  "人民政府办公室", "人民政府", "党委和政府", "街道办事处", "委员会",
};

/* What a place name ends with, the unit it names. */
static const char * const place_endings[] = { "街道", "镇", "乡", "区", "县", "市", "省" };

/* Where the place before @end starts: after the last larger unit (县, 市,
 * 委员会…) written in front of it, or at the start. */
static const char *
place_start (const char *name,
             const char *end)
{
  static const char * const boundaries[] = {
    "委员会", "人民政府", "中共", "自治州", "自治县", "省", "市", "县", "区", "、", "，", " ",
  };
  const char *start = name;

  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    {
      const char *p = name;
      const char *hit;

      while ((hit = strstr (p, boundaries[i])) != NULL && hit + strlen (boundaries[i]) < end)
        {
          /* The boundary must leave a name of at least one character. */
          if (hit + strlen (boundaries[i]) > start)
            start = hit + strlen (boundaries[i]);
          p = hit + strlen (boundaries[i]);
        }
    }

  return start;
}

char *
fz_unit_short_name (const char *unit)
{
  g_autofree char *name = NULL;
  gsize len;

  if (unit == NULL || *unit == '\0')
    return NULL;

  name = g_strstrip (g_strdup (unit));
  len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (government_endings); i++)
    if (g_str_has_suffix (name, government_endings[i]) && len > strlen (government_endings[i]))
      {
        const char *end = name + len - strlen (government_endings[i]);

        for (guint j = 0; j < G_N_ELEMENTS (place_endings); j++)
          {
            gsize n = strlen (place_endings[j]);

            if ((gsize) (end - name) > n && strncmp (end - n, place_endings[j], n) == 0)
              {
                const char *start = place_start (name, end - n);

                return g_strndup (start, end - start);
              }
          }
        break;
      }

  /* A department, a committee office: its name as it is. */
  return g_steal_pointer (&name);
}

static char *
report_unit (const FzMetadata *meta)
{
  const char *about;

  if (meta->issuer.value != NULL)
    return g_strdup (meta->issuer.value);
  if (meta->issuer_mark.value != NULL)
    return g_str_has_suffix (meta->issuer_mark.value, "文件")
           ? g_strndup (meta->issuer_mark.value, strlen (meta->issuer_mark.value) - strlen ("文件"))
           : g_strdup (meta->issuer_mark.value);
  if (meta->title.value != NULL && (about = strstr (meta->title.value, "关于")) != NULL &&
      about != meta->title.value)
    return g_strndup (meta->title.value, about - meta->title.value);

  return NULL;
}

char *
fz_report_short_title (FzAnalysis *analysis)
{
  const FzMetadata *meta;
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);

  meta = fz_analysis_get_metadata (analysis);
  unit = report_unit (meta);
  name = fz_unit_short_name (unit);

  if (name != NULL && meta->report_year > 0)
    /* Translators: a report's tab: the unit and the year it reports on, "北坡镇 · 2024年度" */
    return g_strdup_printf (_("%s · %d"), name, meta->report_year);
  if (name != NULL)
    return g_steal_pointer (&name);
  if (meta->report_year > 0)
    /* Translators: a report's tab when its unit is not known: "2024年度报告" */
    return g_strdup_printf (_("Report on %d"), meta->report_year);

  return NULL;
}
