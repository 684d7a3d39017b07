/* fz-memo-letter-util.c: the wording the letter's sections share
 *
 * Ordinals, names of elements and units, places in the report, and the
 * letter's numbered headings and rewordable paragraphs.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-memo-letter-private.h"

const char *
_fz_letter_ordinal (guint n)
{
  static const char * const numbers[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
  };

  return n >= 1 && n <= G_N_ELEMENTS (numbers) ? numbers[n - 1] : "";
}

/* 一、总体意见: numbered in the order the sections write them. */
void
_fz_letter_heading (Letter     *l,
                const char *text)
{
  g_autofree char *numbered = g_strdup_printf ("%s、%s", _fz_letter_ordinal (++l->n_headings), text);

  fz_memo_document_add_text (l->doc, FZ_MEMO_BLOCK_HEADING, NULL, NULL, numbered);
}

/* A paragraph the reviewer may reword: their words when they did. */
void
_fz_letter_paragraph (Letter     *l,
                  const char *key,
                  const char *lead,
                  const char *text)
{
  const char *reworded = l->review != NULL ? fz_review_get_paragraph (l->review, key) : NULL;

  g_hash_table_replace (l->defaults, g_strdup (key), g_strdup (text));
  fz_memo_document_add_text (l->doc, FZ_MEMO_BLOCK_PARAGRAPH, key, lead,
                             reworded != NULL ? reworded : text);
}

FzStatus
_fz_letter_status (Letter                *l,
                  const FzElementResult *r,
                  gboolean              *by_reviewer)
{
  FzStatus status = r->status;
  gboolean decided = l->review != NULL && fz_review_get_decision (l->review, r->id, &status, NULL, NULL);

  if (by_reviewer != NULL)
    *by_reviewer = decided;

  return decided ? status : r->status;
}

static const FzRuleElement *
letter_rule_element (Letter                *l,
              const FzElementResult *r)
{
  return fz_ruleset_find_element (fz_analysis_get_ruleset (l->analysis), r->id);
}

/* The element's name as the rule set states it, in Chinese. */
const char *
_fz_letter_element_name (Letter                *l,
              const FzElementResult *r)
{
  const FzRuleElement *e = letter_rule_element (l, r);

  return e != NULL && e->name != NULL ? e->name : r->name;
}

const char *
_fz_letter_element_short_name (Letter                *l,
                    const FzElementResult *r)
{
  const FzRuleElement *e = letter_rule_element (l, r);

  return e != NULL && e->short_name != NULL ? e->short_name : _fz_letter_element_name (l, r);
}

char *
_fz_letter_quoted_names (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? "、" : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (out, FALSE);
}

char *
_fz_letter_joined (GPtrArray  *items,
        const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? separator : "", (const char *) g_ptr_array_index (items, i));

  return g_string_free (out, FALSE);
}

/* The unit that reported: its signature, else its 发文机关标志 without
 * 文件, else the title before 关于. */
char *
_fz_letter_reporting_unit (const FzMetadata *meta)
{
  const char *about;

  if (meta->issuer.value != NULL)
    return g_strdup (meta->issuer.value);
  if (meta->issuer_mark.value != NULL)
    {
      const char *mark = meta->issuer_mark.value;

      if (g_str_has_suffix (mark, "文件"))
        return g_strndup (mark, strlen (mark) - strlen ("文件"));
      return g_strdup (mark);
    }
  if (meta->title.value != NULL && (about = strstr (meta->title.value, "关于")) != NULL &&
      about != meta->title.value)
    return g_strndup (meta->title.value, about - meta->title.value);

  return NULL;
}

/* How a letter calls the unit it is addressed to: 你镇, 你县, 你局… */
const char *
_fz_letter_second_person (const char *unit)
{
  static const struct { const char *ending; const char *word; } forms[] = {
    { "街道办事处", "你街道" },
    { "镇人民政府", "你镇" },
    { "乡人民政府", "你乡" },
    { "县人民政府", "你县" },
    { "区人民政府", "你区" },
    { "市人民政府", "你市" },
    { "局", "你局" },
    { "委员会", "你委" },
    { "办公室", "你办" },
  };

  for (guint i = 0; unit != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_has_suffix (unit, forms[i].ending))
      return forms[i].word;

  return "你单位";
}

/* And how it calls the unit sending it: 我局, 我办… */
const char *
_fz_letter_first_person (const char *unit)
{
  if (unit == NULL)
    return "我单位";
  if (g_str_has_suffix (unit, "局"))
    return "我局";
  if (g_str_has_suffix (unit, "办公室") || g_str_has_suffix (unit, "办"))
    return "我办";
  if (g_str_has_suffix (unit, "委员会"))
    return "我委";

  return "我单位";
}

#define HEADING_CHARS 30

/* "第三部分“推进法治政府建设主要措施成效”" for a section of the outline;
 * a heading of a paragraph's length is cut short. */
char *
_fz_letter_section_place (Letter *l,
               int     index)
{
  GPtrArray *sections = fz_analysis_get_sections (l->analysis);
  const FzSection *s;
  g_autofree char *part = NULL;
  g_autofree char *heading = NULL;

  if (index < 0 || (guint) index >= sections->len)
    return NULL;

  s = g_ptr_array_index (sections, index);
  heading = g_strdup (s->heading != NULL ? s->heading : "");
  if (g_utf8_strlen (heading, -1) > HEADING_CHARS)
    {
      g_autofree char *head = g_utf8_substring (heading, 0, HEADING_CHARS);

      g_free (heading);
      heading = g_strconcat (head, "……", NULL);
    }

  part = fz_problem_dup_place (l->analysis, s->start);
  if (!g_str_has_prefix (part, "第") || !g_str_has_suffix (part, "部分"))
    return g_strdup_printf ("“%s%s”部分", s->label != NULL ? s->label : "", heading);
  if (s->parent < 0)
    return g_strdup_printf ("%s“%s”", part, heading);

  return g_strdup_printf ("%s中的“%s%s”", part, s->label != NULL ? s->label : "", heading);
}

/* The places of @ranges (FzRange), at most @max, as "第一部分、第三部分". */
char *
_fz_letter_range_places (Letter *l,
              GArray *ranges,
              guint   max)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      g_autofree char *place = fz_problem_dup_place (l->analysis, g_array_index (ranges, FzRange, i).start);

      if (!g_ptr_array_find_with_equal_func (places, place, g_str_equal, NULL))
        g_ptr_array_add (places, g_steal_pointer (&place));
    }

  if (places->len == 0)
    return NULL;
  if (places->len > max)
    {
      g_autofree char *first = NULL;

      g_ptr_array_set_size (places, max);
      first = _fz_letter_joined (places, "、");
      return g_strconcat (first, "等", NULL);
    }

  return _fz_letter_joined (places, "、");
}

gboolean
_fz_letter_problem_in_memo (Letter          *l,
                 const FzProblem *problem)
{
  gboolean in_memo;

  if (l->review != NULL && fz_review_get_problem_choice (l->review, problem->kind, &in_memo))
    return in_memo;

  return fz_problem_kind_in_memo_by_default (problem->kind, problem->severity);
}

/* The 公文 elements the report lacks, by name. */
GPtrArray *
_fz_letter_missing_elements (Letter *l)
{
  static const struct { const char *kind; const char *name; } names[] = {
    { "missing_title", "标题" },
    { "missing_addressee", "主送机关" },
    { "missing_signature", "发文机关署名" },
    { "missing_date", "成文日期" },
  };
  GPtrArray *missing = g_ptr_array_new ();

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint i = 0; i < l->problems->len; i++)
      if (g_str_equal (((FzProblem *) g_ptr_array_index (l->problems, i))->kind, names[n].kind))
        g_ptr_array_add (missing, (gpointer) names[n].name);

  return missing;
}
