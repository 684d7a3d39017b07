/* fz-memo-letter-body.c: the letter's opinion on each element, and the problems
 *
 * 必备内容审查意见: an opinion on each required element, saying where the
 * report treats it; 存在的问题: the problems grouped by kind, with where
 * they occur and an example, then those the reviewer noted on passages.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-memo-letter-private.h"

static char *
element_opinion (Letter                *l,
                 const FzElementResult *r,
                 FzStatus               status)
{
  g_autofree char *place = _fz_letter_section_place (l, r->section);
  g_autofree char *mentioned = _fz_letter_range_places (l, r->evidence, 3);
  gboolean own = FALSE;

  if (r->section >= 0)
    {
      const FzSection *s = g_ptr_array_index (fz_analysis_get_sections (l->analysis), r->section);

      own = g_strcmp0 (s->element, r->id) == 0;
    }

  switch (status)
    {
    case FZ_STATUS_PRESENT:
      if (place != NULL && own)
        return g_strdup_printf ("报告%s对此作了专门报告，内容具备。", place);
      if (place != NULL)
        return g_strdup_printf ("报告%s对此作了反映，内容具备。", place);
      return g_strdup ("报告对此作了反映，内容具备。");

    case FZ_STATUS_PARTIAL:
      if (place != NULL)
        return g_strdup_printf ("报告%s对此有所反映，但内容不够完整，请予以充实。", place);
      if (mentioned != NULL)
        return g_strdup_printf ("报告未设专门部分，仅在%s有所提及，内容不够完整，请予以补充完善。", mentioned);
      return g_strdup ("报告对此反映不够完整，请予以补充完善。");

    case FZ_STATUS_MISSING:
      return g_strdup ("报告未反映此项内容，请予以补充。");

    case FZ_STATUS_NEEDS_REVIEW:
    case FZ_STATUS_NOT_APPLICABLE:
    default:
      if (place != NULL)
        return g_strdup_printf ("报告%s对此项内容的反映不够明确，请予以核实完善。", place);
      return g_strdup ("报告对此项内容的反映不够明确，请予以核实完善。");
    }
}

void
_fz_letter_add_elements (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  guint number = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      FzStatus status = _fz_letter_status (l, r, NULL);
      g_autofree char *key = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *text = NULL;

      /* What does not apply to the report, or is optional and absent,
       * needs no word. */
      if (status == FZ_STATUS_NOT_APPLICABLE || (!r->required && status != FZ_STATUS_PRESENT))
        continue;
      if (number == 0)
        _fz_letter_heading (l, "必备内容审查意见");

      key = g_strconcat ("element:", r->id, NULL);
      lead = g_strdup_printf ("（%s）关于%s。", _fz_letter_ordinal (++number), _fz_letter_element_short_name (l, r));
      text = element_opinion (l, r, status);
      _fz_letter_paragraph (l, key, lead, text);
    }
}

static char *
problem_text (Letter          *l,
              const FzProblem *problem)
{
  const char *advice = fz_problem_kind_get_advice (problem->kind);
  FzProblemFamily family = fz_problem_kind_get_family (problem->kind);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (FzRange));
  g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *places = NULL;
  GString *out = g_string_new (NULL);
  /* Figures and years are checked one by one, so each is quoted. */
  guint max_examples = family == FZ_PROBLEM_FIGURES ? 3 : 1;

  for (guint i = 0; i < problem->findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (problem->findings, i);
      FzRange range = { f->start, f->end };

      g_array_append_val (ranges, range);
      if (examples->len < max_examples)
        {
          g_autofree char *context = fz_problem_dup_context (l->analysis, f->start, f->end);

          if (*context != '\0' && !g_ptr_array_find_with_equal_func (examples, context, g_str_equal, NULL))
            g_ptr_array_add (examples, g_steal_pointer (&context));
        }
    }
  places = _fz_letter_range_places (l, ranges, 6);

  if (problem->findings->len > 1)
    g_string_append_printf (out, "共%u处", problem->findings->len);
  if (places != NULL)
    g_string_append_printf (out, "%s见%s", out->len > 0 ? "，" : "", places);
  for (guint i = 0; i < examples->len; i++)
    g_string_append_printf (out, "%s“%s”", i == 0 ? (out->len > 0 ? "，如" : "如") : "；",
                            (const char *) g_ptr_array_index (examples, i));
  if (out->len > 0)
    g_string_append (out, "。");
  if (advice != NULL)
    g_string_append (out, advice);

  return g_string_free (out, FALSE);
}

void
_fz_letter_add_problems (Letter *l)
{
  g_autoptr(GPtrArray) lacking = _fz_letter_missing_elements (l);
  GListModel *annotations = l->review != NULL ? fz_review_get_annotations (l->review) : NULL;
  guint number = 0;

  if (lacking->len > 0)
    {
      g_autofree char *names = _fz_letter_joined (lacking, "、");
      g_autofree char *text = g_strdup_printf ("报告缺少%s，请按照《党政机关公文格式》（GB/T 9704—2012）补全。", names);
      g_autofree char *lead = g_strdup_printf ("（%s）公文要素不全。", _fz_letter_ordinal (++number));

      _fz_letter_heading (l, "存在的问题");
      _fz_letter_paragraph (l, "problem:missing_elements", lead, text);
    }

  for (guint i = 0; i < l->problems->len; i++)
    {
      const FzProblem *problem = g_ptr_array_index (l->problems, i);
      g_autofree char *key = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *text = NULL;

      if (fz_problem_kind_is_missing_element (problem->kind))
        continue;
      if (number == 0)
        _fz_letter_heading (l, "存在的问题");

      key = g_strconcat ("problem:", problem->kind, NULL);
      lead = g_strdup_printf ("（%s）%s。", _fz_letter_ordinal (++number), fz_problem_kind_get_chinese (problem->kind));
      text = problem_text (l, problem);
      _fz_letter_paragraph (l, key, lead, text);
    }

  /* The problems the reviewer noted on passages.  Their doubts stay
   * theirs; suggestions go with the requests. */
  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *created = g_date_time_format_iso8601 (fz_annotation_get_created (a));
      g_autofree char *key = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *text = NULL;
      g_autofree char *quote = NULL;
      const char *note = fz_annotation_get_note (a);

      if (fz_annotation_get_category (a) != FZ_ANNOTATION_PROBLEM || note == NULL || *note == '\0')
        continue;
      if (number == 0)
        _fz_letter_heading (l, "存在的问题");

      quote = g_strdup (fz_annotation_get_quote (a));
      if (g_utf8_strlen (quote, -1) > 30)
        {
          g_autofree char *head = g_utf8_substring (quote, 0, 30);

          g_free (quote);
          quote = g_strconcat (head, "……", NULL);
        }
      key = g_strconcat ("annotation:", created, NULL);
      lead = g_strdup_printf ("（%s）", _fz_letter_ordinal (++number));
      if (fz_annotation_get_attached (a))
        {
          g_autofree char *place = fz_problem_dup_place (l->analysis, fz_annotation_get_start (a));

          text = g_strdup_printf ("%s%s（见%s：“%s”）", note,
                                  g_str_has_suffix (note, "。") ? "" : "。", place, quote);
        }
      else
        text = g_strdup_printf ("%s%s（原文：“%s”）", note, g_str_has_suffix (note, "。") ? "" : "。", quote);
      _fz_letter_paragraph (l, key, lead, text);
    }
}
