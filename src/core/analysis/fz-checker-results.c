/* fz-checker-results.c: the parts of a report that tell the year's work
 *
 * Many reports give the year's measures and results no heading of their
 * own: they open with topical parts (一、坚持党的领导…, 二、依法全面履行政府
 * 职能…) and only then come to 不足 and 安排.  A careful reviewer reads those
 * parts as the measures and results, from three things: where they stand
 * (before the first part that belongs to an element which may not stand
 * inside the results: the shortcomings, the plans), what they are about
 * (the task areas of the 纲要, data/rules/outline-2021.xml) and that they
 * have substance under the heading.  The rule set marks the element read
 * this way with collect-unclaimed="true".
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checker"

#include "config.h"

#include <string.h>

#include "fz-checker-private.h"
#include "fz-outline-areas.h"

/* Whether element @f may stand inside the results part (第一责任人, the
 * Guangdong study parts): its heading does not end the results. */
static gboolean
nests_in (const Checker *c,
          guint          f,
          guint          results)
{
  return f == results || element_nests_in (c, f, results);
}

/* Whether some section in [@from, @to) matches an element that may not
 * stand inside the results. */
static gboolean
has_foreign_match (const Checker *c,
                   guint          results,
                   guint          from,
                   guint          to)
{
  for (guint s = from; s < to; s++)
    for (guint f = 0; f < c->n_elements; f++)
      if (match_at (c, f, s) != MATCH_NONE && !nests_in (c, f, results))
        return TRUE;

  return FALSE;
}

static gboolean
claimed_by_other (const Checker *c,
                  guint          results,
                  guint          s)
{
  for (guint f = 0; f < c->n_elements; f++)
    if (f != results && match_at (c, f, s) != MATCH_NONE)
      return TRUE;

  return FALSE;
}

static void
find_parts (Checker *c,
            guint    results)
{
  g_autoptr(GArray) borrowed = g_array_new (FALSE, FALSE, sizeof (guint));

  if (c->parts != NULL && c->parts_element == results)
    return;
  g_clear_pointer (&c->parts, g_array_unref);
  c->parts = g_array_new (FALSE, FALSE, sizeof (guint));
  c->parts_element = results;
  c->parts_borrowed = FALSE;

  for (guint s = 0; s < c->n_sections; s++)
    {
      const FzSection *section = section_at (c, s);

      if (section->depth != 1)
        continue;
      /* 二、存在的问题, 三、下一步打算: the results are over. */
      if (has_foreign_match (c, results, s, s + 1))
        break;
      /* A bare heading is no part of anything. */
      if (_fz_checker_count_body_chars (c, s) < MIN_TOPICAL_CHARS)
        continue;
      /* "一、2024年工作情况" over (一)成效 (二)问题 (三)打算 is the whole
       * report, not one part of it. */
      if (has_foreign_match (c, results, s + 1, c->subtree_end[s]))
        continue;

      if (claimed_by_other (c, results, s))
        g_array_append_val (borrowed, s);
      else
        g_array_append_val (c->parts, s);
    }

  /* Nothing but a part headed by the first-responsible duty: it is what
   * the report says of its work, though not all of it. */
  if (c->parts->len == 0 && borrowed->len > 0)
    {
      g_array_append_vals (c->parts, borrowed->data, borrowed->len);
      c->parts_borrowed = TRUE;
    }
}

gboolean
_fz_checker_inside_results (Checker *c,
                            guint    element,
                            int      section)
{
  int top = section;

  if (section < 0 || section_at (c, section)->depth == 1)
    return FALSE;
  while (section_at (c, top)->parent >= 0)
    top = section_at (c, top)->parent;

  find_parts (c, element);
  if (c->parts_borrowed)
    return FALSE;
  for (guint i = 0; i < c->parts->len; i++)
    if (g_array_index (c->parts, guint, i) == (guint) top)
      return TRUE;

  return FALSE;
}

/* Words of the 纲要's task areas in the parts, headings and text. */
static guint
count_area_hits (const Checker *c,
                 guint         *n_areas)
{
  const FzOutline *outline = _fz_outline_get ();
  guint hits = 0, areas = 0;

  *n_areas = 0;
  for (guint i = 0; i < c->parts->len; i++)
    {
      const FzSection *s = section_at (c, g_array_index (c->parts, guint, i));
      gsize lo = _fz_checker_to_byte (c, s->start), hi = _fz_checker_to_byte (c, s->end);
      glong n = 0;
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (c->text + lo, hi - lo, &n);

      hits += _fz_outline_count_hits (outline, chars, n, &areas);
      *n_areas = MAX (*n_areas, areas);
    }

  return hits;
}

gboolean
_fz_checker_read_results (Checker         *c,
                          guint            element,
                          FzElementResult *result)
{
  const FzRuleElement *e = element_at (c, element);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  const char *more;
  guint body = 0, hits, areas = 0;

  find_parts (c, element);
  if (c->parts->len == 0)
    return FALSE;

  for (guint i = 0; i < c->parts->len; i++)
    {
      guint s = g_array_index (c->parts, guint, i);
      const FzSection *section = section_at (c, s);

      body += _fz_checker_count_body_chars (c, s);
      _fz_checker_add_range (result->evidence, section->start, section->heading_end);
      if (names->len < MAX_LISTED_SECTIONS)
        g_ptr_array_add (names, _fz_checker_describe_section (section));
    }
  list = _fz_checker_join_names (c, names);
  more = c->parts->len > names->len ? (c->zh ? "等" : " and more") : "";
  hits = count_area_hits (c, &areas);
  result->section = g_array_index (c->parts, guint, 0);

  if (c->parts_borrowed)
    {
      result->status = FZ_STATUS_PARTIAL;
      result->confidence = 0.6;
      result->explanation =
        g_strdup_printf (tr (c, N_("There is no heading for it; the year's work is told only under %s%s, which belongs to another item. Check that the measures and results are reported in full."),
                             "没有相应的标题；本年度工作只在%s%s中叙述，该部分属于另一项内容。请核对举措和成效是否写全。"),
                         list, more);
    }
  else if (hits == 0)
    {
      result->status = FZ_STATUS_NEEDS_REVIEW;
      result->confidence = 0.5;
      result->explanation =
        g_strdup_printf (tr (c, N_("There is no overall heading for this part. The top-level parts %s%s come before the shortcomings and plans, but their text names none of the task areas of the outline; please check that they report the year's work."),
                             "没有本项的总标题。一级标题%s%s位于不足和安排之前，但内容未涉及《纲要》任务领域，请核对是否为本年度工作情况。"),
                         list, more);
    }
  else if (body < e->min_body_chars)
    {
      result->status = FZ_STATUS_PARTIAL;
      result->confidence = 0.7;
      result->explanation =
        g_strdup_printf (tr (c, N_("There is no overall heading for this part; it is read from the top-level parts %s%s, which report work in %u task areas of the outline. Their text is only %u characters long, which is too thin for this part; check that it is complete."),
                             "没有本项的总标题；按一级标题%s%s认定，涉及《纲要》%u个任务领域。正文仅%u字，内容过于简略，请核对是否完整。"),
                         list, more, areas, body);
    }
  else
    {
      result->status = FZ_STATUS_PRESENT;
      result->confidence = 0.85;
      result->explanation =
        g_strdup_printf (tr (c, N_("There is no overall heading for this part; it is read from the top-level parts %s%s, which come before the shortcomings and plans and report work in %u task areas of the outline."),
                             "没有本项的总标题；一级标题%s%s位于不足和安排之前，叙述《纲要》%u个任务领域的工作，据此认定。"),
                         list, more, areas);
    }

  return TRUE;
}

void
_fz_checker_tag_results (Checker *c,
                         guint    element)
{
  find_parts (c, element);
  if (c->parts_borrowed)
    return;

  for (guint i = 0; i < c->parts->len; i++)
    {
      FzSection *section = section_at (c, g_array_index (c->parts, guint, i));

      if (section->element == NULL)
        section->element = g_strdup (element_at (c, element)->id);
    }
}
