/* fz-places.c: where a remark on a report belongs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-places.h"

void
fz_analysis_get_title_place (FzAnalysis *analysis,
                             guint      *start,
                             guint      *end)
{
  const FzMetadata *meta;
  FzDocument *doc;

  g_return_if_fail (FZ_IS_ANALYSIS (analysis));

  meta = fz_analysis_get_metadata (analysis);
  doc = fz_analysis_get_document (analysis);
  if (meta->title.value != NULL && meta->title.end > meta->title.start)
    {
      *start = meta->title.start;
      *end = meta->title.end;
    }
  else if (fz_document_get_n_paragraphs (doc) > 0)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, 0);

      *start = p->start;
      *end = p->end;
    }
  else
    *start = *end = 0;
}

gboolean
fz_analysis_get_heading_place (FzAnalysis *analysis,
                               int         section,
                               guint      *start,
                               guint      *end)
{
  GPtrArray *sections;
  const FzSection *s;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), FALSE);

  sections = fz_analysis_get_sections (analysis);
  if (section < 0 || (guint) section >= sections->len)
    return FALSE;
  s = g_ptr_array_index (sections, section);
  *start = s->start;
  *end = MAX (s->heading_end, s->start + 1);
  return TRUE;
}

gboolean
fz_analysis_get_element_place (FzAnalysis            *analysis,
                               const FzElementResult *result,
                               guint                 *start,
                               guint                 *end)
{
  const FzRuleElement *re;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (fz_analysis_get_heading_place (analysis, result->section, start, end))
    return TRUE;
  if (result->evidence != NULL && result->evidence->len > 0)
    {
      const FzRange *range = &g_array_index (result->evidence, FzRange, 0);

      *start = range->start;
      *end = range->end;
      return TRUE;
    }

  re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), result->id);
  if (re != NULL)
    {
      const FzElementResult *home = re->evidence_in ? fz_analysis_find_element (analysis, re->evidence_in) : NULL;

      if (home != NULL && fz_analysis_get_heading_place (analysis, home->section, start, end))
        return FALSE;
      for (guint i = 0; re->nest_in != NULL && re->nest_in[i] != NULL; i++)
        if ((home = fz_analysis_find_element (analysis, re->nest_in[i])) != NULL &&
            fz_analysis_get_heading_place (analysis, home->section, start, end))
          return FALSE;
    }
  fz_analysis_get_title_place (analysis, start, end);
  return FALSE;
}
