/* fz-memo-letter.c: the memo for one report, as a letter from the bureau
 *
 * A 审查意见 goes from the reviewing unit (司法局, 依法治X办) to the unit
 * that reported, in the form of a letter (函, GB/T 9704-2012 §10.1): the
 * 发文机关标志 and 文号, the title, the 主送机关, then the body — an
 * opening, the overall opinion, an opinion on each required element, the
 * problems grouped by kind with where they occur, the rectification
 * requests and a closing with the deadline — and the 署名, 成文日期 and
 * 联系人.  It says what the reviewer concluded: no file names, nothing of
 * what the machine thought, and nothing the reviewer left out.
 *
 * Each paragraph has a key; where the reviewer reworded one (kept in the
 * review), their words stand.  The body is a list of sections below: a new
 * paragraph (a score, a follow-up) is one function and one line there.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-memo-private.h"

typedef struct
{
  FzAnalysis          *analysis;
  FzReview            *review;          /* nullable */
  const FzMemoOptions *options;
  FzMemoDocument      *doc;
  GHashTable          *defaults;        /* key → the memo's own wording */
  GPtrArray           *problems;        /* FzProblem in the memo */
  char                *title;           /* the report's, nullable */
  char                *addressee;       /* the reporting unit, nullable */
  const char          *you;             /* 你镇, 你局, 你单位 */
  const char          *we;              /* 我局, 我办, 我单位 */
  guint                n_headings;
} Letter;

typedef void (*LetterSection) (Letter *l);

/* Helpers ----------------------------------------------------------------- */

static const char *
chinese_ordinal (guint n)
{
  static const char * const numbers[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
  };

  return n >= 1 && n <= G_N_ELEMENTS (numbers) ? numbers[n - 1] : "";
}

/* 一、总体意见: numbered in the order the sections write them. */
static void
letter_heading (Letter     *l,
                const char *text)
{
  g_autofree char *numbered = g_strdup_printf ("%s、%s", chinese_ordinal (++l->n_headings), text);

  fz_memo_document_add_text (l->doc, FZ_MEMO_BLOCK_HEADING, NULL, NULL, numbered);
}

/* A paragraph the reviewer may reword: their words when they did. */
static void
letter_paragraph (Letter     *l,
                  const char *key,
                  const char *lead,
                  const char *text)
{
  const char *reworded = l->review != NULL ? fz_review_get_paragraph (l->review, key) : NULL;

  g_hash_table_replace (l->defaults, g_strdup (key), g_strdup (text));
  fz_memo_document_add_text (l->doc, FZ_MEMO_BLOCK_PARAGRAPH, key, lead,
                             reworded != NULL ? reworded : text);
}

static FzStatus
effective_status (Letter                *l,
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
rule_element (Letter                *l,
              const FzElementResult *r)
{
  return fz_ruleset_find_element (fz_analysis_get_ruleset (l->analysis), r->id);
}

/* The element's name as the rule set states it, in Chinese. */
static const char *
element_name (Letter                *l,
              const FzElementResult *r)
{
  const FzRuleElement *e = rule_element (l, r);

  return e != NULL && e->name != NULL ? e->name : r->name;
}

static const char *
element_short_name (Letter                *l,
                    const FzElementResult *r)
{
  const FzRuleElement *e = rule_element (l, r);

  return e != NULL && e->short_name != NULL ? e->short_name : element_name (l, r);
}

static char *
quoted_names (GPtrArray *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? "、" : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (out, FALSE);
}

static char *
joined (GPtrArray  *items,
        const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? separator : "", (const char *) g_ptr_array_index (items, i));

  return g_string_free (out, FALSE);
}

/* The unit that reported: its signature, else its 发文机关标志 without
 * 文件, else the title before 关于. */
static char *
reporting_unit (const FzMetadata *meta)
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
static const char *
second_person (const char *unit)
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
static const char *
first_person (const char *unit)
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
static char *
section_place (Letter *l,
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
static char *
range_places (Letter *l,
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
      first = joined (places, "、");
      return g_strconcat (first, "等", NULL);
    }

  return joined (places, "、");
}

static gboolean
problem_in_memo (Letter          *l,
                 const FzProblem *problem)
{
  gboolean in_memo;

  if (l->review != NULL && fz_review_get_problem_choice (l->review, problem->kind, &in_memo))
    return in_memo;

  return fz_problem_kind_in_memo_by_default (problem->kind, problem->severity);
}

/* The 公文 elements the report lacks, by name. */
static GPtrArray *
missing_elements (Letter *l)
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

/* Sections of the letter ------------------------------------------------ */

static void
add_opening (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);
  const char *source = fz_ruleset_get_source (fz_analysis_get_ruleset (l->analysis));
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s报送的", l->you);
  if (l->title != NULL)
    g_string_append_printf (text, "《%s》", l->title);
  else if (meta->report_year > 0)
    g_string_append_printf (text, "%d年度法治政府建设情况报告", meta->report_year);
  else
    g_string_append (text, "法治政府建设年度报告");
  if (meta->doc_number.value != NULL)
    g_string_append_printf (text, "（%s）", meta->doc_number.value);
  g_string_append (text, "收悉。");
  if (source != NULL && *source != '\0')
    g_string_append_printf (text, "%s依据%s对报告进行了审查，现将审查意见函告如下：", l->we, source);
  else
    g_string_append_printf (text, "%s对报告进行了审查，现将审查意见函告如下：", l->we);

  letter_paragraph (l, "opening", NULL, text->str);
}

static char *
draft_opinion (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) partial = g_ptr_array_new ();
  g_autoptr(GPtrArray) unsure = g_ptr_array_new ();
  g_autoptr(GPtrArray) lacking = missing_elements (l);
  GString *out = g_string_new (NULL);
  guint n_required = 0, n_present = 0, n_kinds = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      if (!r->required)
        continue;
      n_required++;
      switch (effective_status (l, r, NULL))
        {
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
          n_present++;
          break;
        case FZ_STATUS_PARTIAL:
          g_ptr_array_add (partial, (gpointer) element_name (l, r));
          break;
        case FZ_STATUS_MISSING:
          g_ptr_array_add (missing, (gpointer) element_name (l, r));
          break;
        case FZ_STATUS_NEEDS_REVIEW:
        default:
          g_ptr_array_add (unsure, (gpointer) element_name (l, r));
          break;
        }
    }

  for (guint i = 0; i < l->problems->len; i++)
    if (!fz_problem_kind_is_missing_element (((FzProblem *) g_ptr_array_index (l->problems, i))->kind))
      n_kinds++;

  if (missing->len == 0 && partial->len == 0 && unsure->len == 0 && lacking->len == 0 && n_kinds == 0)
    {
      g_string_append_printf (out, "报告应具备的%u项必备内容均已具备，公文要素齐全，符合要求。", n_required);
      return g_string_free (out, FALSE);
    }

  if (missing->len == 0 && partial->len == 0 && unsure->len == 0)
    g_string_append_printf (out, "报告应具备的%u项必备内容均已具备", n_required);
  else
    {
      g_string_append_printf (out, "报告应具备%u项必备内容，其中%u项已具备", n_required, n_present);
      if (partial->len > 0)
        {
          g_autofree char *names = quoted_names (partial);
          g_string_append_printf (out, "，%s内容不够完整", names);
        }
      if (missing->len > 0)
        {
          g_autofree char *names = quoted_names (missing);
          g_string_append_printf (out, "，未反映%s", names);
        }
      if (unsure->len > 0)
        {
          g_autofree char *names = quoted_names (unsure);
          g_string_append_printf (out, "，%s反映不够明确", names);
        }
    }
  g_string_append (out, "。");

  if (lacking->len > 0)
    {
      g_autofree char *names = joined (lacking, "、");
      g_string_append_printf (out, "报告缺少%s，公文要素不全。", names);
    }
  if (n_kinds > 0)
    g_string_append_printf (out, "%s报告在格式、文字或数据方面存在%u类问题。",
                            lacking->len > 0 ? "此外，" : "", n_kinds);

  if (missing->len > 0 || partial->len > 0 || lacking->len > 0)
    g_string_append (out, "请按本意见补充完善后重新报送。");
  else
    g_string_append (out, "请对照本意见修改完善。");

  return g_string_free (out, FALSE);
}

static void
add_opinion (Letter *l)
{
  g_autofree char *text = draft_opinion (l);

  letter_heading (l, "总体意见");
  letter_paragraph (l, FZ_REVIEW_PARAGRAPH_OPINION, NULL, text);
}

static char *
element_opinion (Letter                *l,
                 const FzElementResult *r,
                 FzStatus               status)
{
  g_autofree char *place = section_place (l, r->section);
  g_autofree char *mentioned = range_places (l, r->evidence, 3);
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

static void
add_elements (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  guint number = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      FzStatus status = effective_status (l, r, NULL);
      g_autofree char *key = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *text = NULL;

      /* What does not apply to the report, or is optional and absent,
       * needs no word. */
      if (status == FZ_STATUS_NOT_APPLICABLE || (!r->required && status != FZ_STATUS_PRESENT))
        continue;
      if (number == 0)
        letter_heading (l, "必备内容审查意见");

      key = g_strconcat ("element:", r->id, NULL);
      lead = g_strdup_printf ("（%s）关于%s。", chinese_ordinal (++number), element_short_name (l, r));
      text = element_opinion (l, r, status);
      letter_paragraph (l, key, lead, text);
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
  places = range_places (l, ranges, 6);

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

static void
add_problems (Letter *l)
{
  g_autoptr(GPtrArray) lacking = missing_elements (l);
  GListModel *annotations = l->review != NULL ? fz_review_get_annotations (l->review) : NULL;
  guint number = 0;

  if (lacking->len > 0)
    {
      g_autofree char *names = joined (lacking, "、");
      g_autofree char *text = g_strdup_printf ("报告缺少%s，请按照《党政机关公文格式》（GB/T 9704—2012）补全。", names);
      g_autofree char *lead = g_strdup_printf ("（%s）公文要素不全。", chinese_ordinal (++number));

      letter_heading (l, "存在的问题");
      letter_paragraph (l, "problem:missing_elements", lead, text);
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
        letter_heading (l, "存在的问题");

      key = g_strconcat ("problem:", problem->kind, NULL);
      lead = g_strdup_printf ("（%s）%s。", chinese_ordinal (++number), fz_problem_kind_get_chinese (problem->kind));
      text = problem_text (l, problem);
      letter_paragraph (l, key, lead, text);
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
        letter_heading (l, "存在的问题");

      quote = g_strdup (fz_annotation_get_quote (a));
      if (g_utf8_strlen (quote, -1) > 30)
        {
          g_autofree char *head = g_utf8_substring (quote, 0, 30);

          g_free (quote);
          quote = g_strconcat (head, "……", NULL);
        }
      key = g_strconcat ("annotation:", created, NULL);
      lead = g_strdup_printf ("（%s）", chinese_ordinal (++number));
      if (fz_annotation_get_attached (a))
        {
          g_autofree char *place = fz_problem_dup_place (l->analysis, fz_annotation_get_start (a));

          text = g_strdup_printf ("%s%s（见%s：“%s”）", note,
                                  g_str_has_suffix (note, "。") ? "" : "。", place, quote);
        }
      else
        text = g_strdup_printf ("%s%s（原文：“%s”）", note, g_str_has_suffix (note, "。") ? "" : "。", quote);
      letter_paragraph (l, key, lead, text);
    }
}

static char *
draft_rectification (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lacking = missing_elements (l);
  GListModel *annotations = l->review != NULL ? fz_review_get_annotations (l->review) : NULL;
  gboolean families[FZ_PROBLEM_CONTENT + 1] = { FALSE };
  GString *out;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      if (!r->required)
        continue;
      switch (effective_status (l, r, NULL))
        {
        case FZ_STATUS_MISSING:
          g_ptr_array_add (items, g_strdup_printf ("补充“%s”的内容", element_name (l, r)));
          break;
        case FZ_STATUS_PARTIAL:
          g_ptr_array_add (items, g_strdup_printf ("充实完善“%s”的内容", element_name (l, r)));
          break;
        case FZ_STATUS_NEEDS_REVIEW:
          g_ptr_array_add (items, g_strdup_printf ("核实完善“%s”的内容", element_name (l, r)));
          break;
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          break;
        }
    }

  for (guint i = 0; i < l->problems->len; i++)
    families[fz_problem_kind_get_family (((FzProblem *) g_ptr_array_index (l->problems, i))->kind)] = TRUE;
  if (lacking->len > 0)
    {
      g_autofree char *names = joined (lacking, "、");
      g_ptr_array_add (items, g_strdup_printf ("补全%s等公文要素", names));
    }
  if (families[FZ_PROBLEM_FORM])
    g_ptr_array_add (items, g_strdup ("按照《党政机关公文格式》（GB/T 9704—2012）规范公文格式"));
  if (families[FZ_PROBLEM_FIGURES])
    g_ptr_array_add (items, g_strdup ("核实并更正有关数据和年份"));
  if (families[FZ_PROBLEM_LANGUAGE])
    g_ptr_array_add (items, g_strdup ("更正标点符号和文字错误"));

  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *note = g_strdup (fz_annotation_get_note (a));

      if (fz_annotation_get_category (a) != FZ_ANNOTATION_SUGGESTION || note == NULL)
        continue;
      g_strstrip (note);
      while (g_str_has_suffix (note, "。") || g_str_has_suffix (note, "；"))
        note[strlen (note) - strlen ("。")] = '\0';
      if (*note != '\0')
        g_ptr_array_add (items, g_steal_pointer (&note));
    }

  if (items->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%u.%s%s", i > 0 ? "\n" : "", i + 1,
                            (const char *) g_ptr_array_index (items, i),
                            i + 1 < items->len ? "；" : "。");

  return g_string_free (out, FALSE);
}

static void
add_rectification (Letter *l)
{
  g_autofree char *text = draft_rectification (l);
  const char *reworded = l->review != NULL
                         ? fz_review_get_paragraph (l->review, FZ_REVIEW_PARAGRAPH_RECTIFICATION) : NULL;

  if (text == NULL && reworded == NULL)
    return;

  letter_heading (l, "整改要求");
  letter_paragraph (l, FZ_REVIEW_PARAGRAPH_RECTIFICATION, NULL, text != NULL ? text : "");
}

static void
add_closing (Letter *l)
{
  const char *deadline = l->review != NULL ? fz_review_get_deadline (l->review) : NULL;
  g_autofree char *date = _fz_memo_iso_date_text (deadline);
  g_autofree char *text = NULL;
  gboolean requests = fz_memo_document_find (l->doc, FZ_REVIEW_PARAGRAPH_RECTIFICATION) != NULL;

  if (date != NULL)
    text = g_strdup_printf ("请于%s前将修改后的报告报送%s。\n特此函告。", date, l->we);
  else if (requests)
    text = g_strdup_printf ("请按照上述意见修改完善后，将报告重新报送%s。\n特此函告。", l->we);
  else
    text = g_strdup ("特此函告。");

  letter_paragraph (l, "closing", NULL, text);
}

/* The body, in order.  A new paragraph of the memo is a function above
 * and a line here. */
static const struct
{
  const char    *name;
  LetterSection  add;
} body[] = {
  { "opening", add_opening },
  { "opinion", add_opinion },
  { "elements", add_elements },
  { "problems", add_problems },
  { "rectification", add_rectification },
  { "closing", add_closing },
};

/* Facts for the JSON memo ---------------------------------------------- */

static void
set_str (JsonObject *o,
         const char *name,
         const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

static JsonObject *
letter_facts (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  JsonObject *facts = json_object_new ();
  JsonObject *report = json_object_new ();
  JsonArray *verdicts = json_array_new ();
  JsonArray *problems = json_array_new ();
  g_autoptr(GPtrArray) all = fz_problems_group (l->analysis, l->options->extra_findings);

  set_str (report, "title", l->title);
  set_str (report, "unit", l->addressee);
  set_str (report, "doc_number", meta->doc_number.value);
  set_str (report, "date", meta->date_iso);
  if (meta->report_year > 0)
    json_object_set_int_member (report, "year", meta->report_year);
  else
    json_object_set_null_member (report, "year");
  set_str (report, "sha256", l->review != NULL ? fz_review_get_report_sha256 (l->review) : NULL);
  json_object_set_object_member (facts, "report", report);
  set_str (facts, "ruleset", fz_ruleset_get_id (fz_analysis_get_ruleset (l->analysis)));

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      JsonObject *o = json_object_new ();
      gboolean by_reviewer;
      FzStatus status = effective_status (l, r, &by_reviewer);

      json_object_set_string_member (o, "id", r->id);
      json_object_set_string_member (o, "name", element_name (l, r));
      json_object_set_boolean_member (o, "required", r->required);
      json_object_set_string_member (o, "status", fz_status_to_string (status));
      json_object_set_boolean_member (o, "by_reviewer", by_reviewer);
      json_array_add_object_element (verdicts, o);
    }
  json_object_set_array_member (facts, "elements", verdicts);

  for (guint i = 0; i < all->len; i++)
    {
      const FzProblem *problem = g_ptr_array_index (all, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "kind", problem->kind);
      json_object_set_string_member (o, "severity", fz_severity_to_string (problem->severity));
      json_object_set_int_member (o, "count", problem->findings->len);
      json_object_set_boolean_member (o, "in_memo", problem_in_memo (l, problem));
      json_array_add_object_element (problems, o);
    }
  json_object_set_array_member (facts, "problems", problems);
  set_str (facts, "deadline", l->review != NULL ? fz_review_get_deadline (l->review) : NULL);

  return facts;
}

/* The letter ------------------------------------------------------------ */

static char *
letter_heading_text (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);

  if (l->title != NULL)
    return g_strdup_printf ("关于《%s》的审查意见", l->title);
  if (meta->report_year > 0)
    return g_strdup_printf ("关于%s%d年度法治政府建设情况报告的审查意见",
                            l->addressee != NULL ? l->addressee : "", meta->report_year);

  return g_strdup_printf ("关于%s法治政府建设年度报告的审查意见", l->addressee != NULL ? l->addressee : "");
}

FzMemoDocument *
_fz_memo_build_letter (FzAnalysis          *analysis,
                       FzReview            *review,
                       const FzMemoOptions *options,
                       FzMemoLetterInfo    *info)
{
  static const FzMemoOptions no_options = { NULL };
  const FzMetadata *meta = fz_analysis_get_metadata (analysis);
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  Letter l = { 0 };
  const char *addressee;

  l.analysis = analysis;
  l.review = review;
  l.options = options != NULL ? options : &no_options;
  l.defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_problem_free);
  l.title = g_strdup (meta->title.value);
  l.addressee = reporting_unit (meta);

  all = fz_problems_group (analysis, l.options->extra_findings);
  for (guint i = 0; i < all->len; i++)
    if (problem_in_memo (&l, g_ptr_array_index (all, i)))
      g_ptr_array_add (l.problems, fz_problem_copy (g_ptr_array_index (all, i)));

  heading = letter_heading_text (&l);
  l.doc = fz_memo_document_new (heading);

  /* The head: 发文机关标志, 发文字号, title, 主送机关. */
  if (l.options->letterhead != NULL && *l.options->letterhead != '\0')
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_LETTERHEAD, NULL, NULL, l.options->letterhead);
  if (review != NULL && fz_review_get_memo_number (review) != NULL)
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_NUMBER, NULL, NULL, fz_review_get_memo_number (review));
  fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_TITLE, NULL, NULL, heading);

  addressee = review != NULL ? fz_review_get_paragraph (review, "addressee") : NULL;
  g_hash_table_replace (l.defaults, g_strdup ("addressee"), g_strdup (l.addressee != NULL ? l.addressee : ""));
  if (addressee == NULL)
    addressee = l.addressee;
  if (addressee != NULL)
    {
      g_autofree char *line = g_strconcat (addressee, "：", NULL);
      FzMemoBlock *b = fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_ADDRESSEE, NULL, NULL, line);

      b->key = g_strdup ("addressee");
    }
  l.you = second_person (addressee);
  l.we = first_person (l.options->unit);

  for (guint i = 0; i < G_N_ELEMENTS (body); i++)
    body[i].add (&l);

  /* The end: 发文机关署名, 成文日期, 联系人. */
  if (l.options->unit != NULL && *l.options->unit != '\0')
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_SIGNATURE, NULL, NULL, l.options->unit);
  date = _fz_memo_date_text (l.options->date);
  fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_DATE, NULL, NULL, date);
  if ((l.options->contact != NULL && *l.options->contact != '\0') ||
      (l.options->phone != NULL && *l.options->phone != '\0'))
    {
      g_autoptr(GString) note = g_string_new ("（");

      if (l.options->contact != NULL && *l.options->contact != '\0')
        g_string_append_printf (note, "联系人：%s", l.options->contact);
      if (l.options->phone != NULL && *l.options->phone != '\0')
        g_string_append_printf (note, "%s联系电话：%s", note->len > strlen ("（") ? "，" : "", l.options->phone);
      g_string_append (note, "）");
      fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_NOTE, NULL, NULL, note->str);
    }

  info->facts = letter_facts (&l);
  info->defaults = l.defaults;
  info->opinion_is_draft = review == NULL || fz_review_get_opinion (review) == NULL ||
                           *fz_review_get_opinion (review) == '\0';

  g_clear_pointer (&l.problems, g_ptr_array_unref);
  g_free (l.title);
  g_free (l.addressee);

  return l.doc;
}

char *
fz_memo_draft_opinion (FzAnalysis *analysis,
                       FzReview   *review)
{
  FzMemoLetterInfo info = { 0 };
  g_autoptr(FzMemoDocument) doc = NULL;
  char *text;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  doc = _fz_memo_build_letter (analysis, review, NULL, &info);
  text = g_strdup (g_hash_table_lookup (info.defaults, FZ_REVIEW_PARAGRAPH_OPINION));
  g_hash_table_unref (info.defaults);
  json_object_unref (info.facts);

  return text;
}
