/* fz-problems.c: a report's findings, one group per kind of problem
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-i18n.h"
#include "fz-problems.h"

G_DEFINE_BOXED_TYPE (FzProblem, fz_problem, fz_problem_copy, fz_problem_free)

/* Every kind the checks report.  The Chinese is the memo's wording (the
 * memo is in Chinese whatever the interface language); the label is the
 * window's, translated like any other message. */
static const struct
{
  const char     *kind;
  const char     *label;
  const char     *chinese;
  const char     *advice;       /* what the unit should do, in the memo */
  FzProblemFamily family;
  gboolean        in_memo;
} kinds[] = {
  { "missing_title", N_("The report has no title"), "报告缺少标题", NULL, FZ_PROBLEM_ELEMENT, TRUE },
  { "missing_addressee", N_("The report names no addressee"), "报告缺少主送机关", NULL, FZ_PROBLEM_ELEMENT, TRUE },
  { "missing_signature", N_("The report is not signed"), "报告缺少发文机关署名", NULL, FZ_PROBLEM_ELEMENT, TRUE },
  { "missing_date", N_("The report is not dated"), "报告缺少成文日期", NULL, FZ_PROBLEM_ELEMENT, TRUE },
  { "title_format", N_("Title not in the standard form"), "标题不规范",
    "标题应由发文机关名称、事由和文种组成，如“××关于20××年度法治政府建设情况的报告”。", FZ_PROBLEM_FORM, TRUE },
  { "doc_number_format", N_("Document number not in the standard form"), "发文字号不规范",
    "年份应用六角括号“〔〕”括入，序号不加“第”字、不编虚位。", FZ_PROBLEM_FORM, TRUE },
  { "addressee_direction", N_("Addressee unsuited to a report to a higher office"), "主送机关不当",
    "报告为上行文，应主送上级机关。", FZ_PROBLEM_FORM, TRUE },
  { "request_in_report", N_("A request for instructions inside the report"), "报告中夹带请示事项",
    "报告中不得夹带请示事项，需请示的事项应另行行文。", FZ_PROBLEM_FORM, TRUE },
  { "numbering", N_("Heading numbers not in the standard sequence"), "结构层次序数不规范",
    "结构层次序数应依次使用“一、”“（一）”“1.”“（1）”。", FZ_PROBLEM_FORM, TRUE },
  { "cc_format", N_("Copy-to line not in the standard form"), "抄送机关标注不规范",
    "应标注为“抄送：”加机关名称，最后一个机关名称后标句号。", FZ_PROBLEM_FORM, TRUE },
  { "date_format", N_("Date not written in the standard form"), "成文日期书写不规范",
    "成文日期应用阿拉伯数字将年、月、日标全，月、日不编虚位。", FZ_PROBLEM_FORM, TRUE },
  { "deadline", N_("Date does not fit the reporting deadline"), "成文日期与报送时限要求不符",
    "请核实成文日期和报送时间。", FZ_PROBLEM_FORM, TRUE },
  { "year_mismatch", N_("A year that does not match the report year"), "年份表述与报告年度不一致",
    "请核实有关年份。", FZ_PROBLEM_FIGURES, TRUE },
  { "figure_sum", N_("Parts that do not add up to their total"), "分项数据之和与合计数不符",
    "请核实有关数据。", FZ_PROBLEM_FIGURES, TRUE },
  { "figure_rate", N_("A rate that does not match its counts"), "比率与有关数据不符",
    "请核实有关数据。", FZ_PROBLEM_FIGURES, TRUE },
  { "figure_conflict", N_("One quantity given two different values"), "同一数据前后表述不一致",
    "请核实有关数据。", FZ_PROBLEM_FIGURES, TRUE },
  { "punct_halfwidth", N_("Half-width punctuation in Chinese text"), "中文语句中使用了半角标点符号",
    "应使用全角标点符号。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "punct_unbalanced", N_("Paired punctuation left unmatched"), "成对标点符号不配对",
    "请补全成对的括号、引号或书名号。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "repeated_word", N_("Repeated words"), "字词重复", "请删除重复的字词。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "traditional_char", N_("Traditional characters in simplified text"), "简体文本中夹用繁体字",
    "应使用规范简化字。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "latin_word", N_("English words in Chinese text"), "中文行文中夹用英文单词",
    "应使用中文表述。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "booktitle_missing", N_("Names of laws and documents without title marks"), "法律法规和文件名称未加书名号",
    "法律法规和文件的名称应加书名号。", FZ_PROBLEM_LANGUAGE, TRUE },
  { "weak_problems", N_("Shortcomings stated too briefly"), "存在的不足部分过于简略",
    "应如实查找问题，具体分析不足。", FZ_PROBLEM_CONTENT, TRUE },
  { "few_figures", N_("Few concrete figures or examples"), "具体数据和事例偏少",
    "建议用具体数据和典型事例反映工作成效。", FZ_PROBLEM_CONTENT, FALSE },
  { "vague_plan", N_("Plans for next year not concrete"), "下一年度安排不够具体",
    "下一年度安排应明确具体任务和措施。", FZ_PROBLEM_CONTENT, FALSE },
  { "copy_overlap", N_("Passages shared with another report"), "与其他报告存在雷同段落",
    "请结合本单位实际撰写，不得照抄照搬。", FZ_PROBLEM_CONTENT, TRUE },
  /* Never in the memo unless the reviewer asks: a note on scope, what
   * extracting the text left behind, and what the checklist says. */
  { "outline_coverage", N_("Task areas of the outline not covered"),
    "《法治政府建设实施纲要（2021—2025年）》部分任务未涉及", NULL, FZ_PROBLEM_CONTENT, FALSE },
  { "markup_residue", N_("Formatting marks left in the text"), "文中残留排版符号",
    "请删除多余的符号。", FZ_PROBLEM_LANGUAGE, FALSE },
  { "no_causes", N_("No analysis of the causes of the shortcomings"), "未分析存在不足的原因",
    "应分析存在不足的原因。", FZ_PROBLEM_CONTENT, FALSE },
};

static int
kind_index (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return i;

  return -1;
}

FzProblem *
fz_problem_copy (const FzProblem *problem)
{
  FzProblem *copy = g_new0 (FzProblem, 1);

  copy->kind = g_strdup (problem->kind);
  copy->severity = problem->severity;
  copy->findings = g_ptr_array_ref (problem->findings);

  return copy;
}

void
fz_problem_free (FzProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->kind);
  g_clear_pointer (&problem->findings, g_ptr_array_unref);
  g_free (problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const FzProblem *pa = *(const FzProblem * const *) a;
  const FzProblem *pb = *(const FzProblem * const *) b;

  if (pa->severity != pb->severity)
    return (int) pa->severity - (int) pb->severity;
  if (pa->findings->len != pb->findings->len)
    return (int) pb->findings->len - (int) pa->findings->len;

  return g_strcmp0 (pa->kind, pb->kind);
}

GPtrArray *
fz_problems_group (FzAnalysis *analysis,
                   GPtrArray  *extra)
{
  GPtrArray *lists[2] = { NULL, extra };
  g_autoptr(GHashTable) by_kind = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_problem_free);

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), problems);

  lists[0] = fz_analysis_get_findings (analysis);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        FzFinding *finding = g_ptr_array_index (lists[l], i);
        FzProblem *problem = g_hash_table_lookup (by_kind, finding->id);

        if (problem == NULL)
          {
            problem = g_new0 (FzProblem, 1);
            problem->kind = g_strdup (finding->id);
            problem->severity = finding->severity;
            problem->findings = g_ptr_array_new ();
            g_hash_table_insert (by_kind, problem->kind, problem);
            g_ptr_array_add (problems, problem);
          }
        problem->severity = MIN (problem->severity, finding->severity);
        g_ptr_array_add (problem->findings, finding);
      }

  g_ptr_array_sort (problems, compare_problems);

  return problems;
}

const char *
fz_problem_kind_get_label (const char      *kind,
                           const FzFinding *example)
{
  int i = kind_index (kind);

  if (i >= 0)
    return _(kinds[i].label);
  if (example != NULL && example->message != NULL)
    return example->message;

  return _("Other problems");
}

const char *
fz_problem_kind_get_chinese (const char *kind)
{
  int i = kind_index (kind);

  return i >= 0 ? kinds[i].chinese : "其他问题";
}

const char *
fz_problem_kind_get_advice (const char *kind)
{
  int i = kind_index (kind);

  return i >= 0 ? kinds[i].advice : NULL;
}

FzProblemFamily
fz_problem_kind_get_family (const char *kind)
{
  int i = kind_index (kind);

  return i >= 0 ? kinds[i].family : FZ_PROBLEM_FORM;
}

gboolean
fz_problem_kind_in_memo_by_default (const char *kind,
                                    FzSeverity  severity)
{
  int i = kind_index (kind);

  if (i >= 0)
    return kinds[i].in_memo;

  return severity <= FZ_SEVERITY_WARNING;
}

gboolean
fz_problem_kind_is_missing_element (const char *kind)
{
  return kind != NULL && g_str_has_prefix (kind, "missing_") && kind_index (kind) >= 0;
}

/* 一 … 九十九, as 公文 number their parts. */
static char *
chinese_number (guint n)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n == 0 || n >= 100)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strdup_printf ("十%s", n % 10 ? digits[n % 10] : "");

  return g_strdup_printf ("%s十%s", digits[n / 10], n % 10 ? digits[n % 10] : "");
}

char *
fz_problem_dup_place (FzAnalysis *analysis,
                      guint       offset)
{
  FzDocument *doc;
  GPtrArray *sections;
  const FzParagraph *para;
  int p, s;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);

  doc = fz_analysis_get_document (analysis);
  sections = fz_analysis_get_sections (analysis);
  p = fz_document_paragraph_at (doc, MIN (offset, fz_document_get_length (doc) > 0
                                                    ? fz_document_get_length (doc) - 1 : 0));
  para = p >= 0 ? fz_document_get_paragraph (doc, p) : NULL;

  /* A PDF's or an OFD's page is what the unit sees in its own copy. */
  if (para != NULL && para->page > 0)
    return g_strdup_printf ("第%u页", para->page);

  if (para != NULL)
    switch (para->kind)
      {
      case FZ_PARAGRAPH_TITLE:
        return g_strdup ("标题");
      case FZ_PARAGRAPH_ADDRESSEE:
        return g_strdup ("主送机关");
      case FZ_PARAGRAPH_ISSUER_MARK:
      case FZ_PARAGRAPH_DOC_NUMBER:
      case FZ_PARAGRAPH_SIGNER:
        return g_strdup ("版头");
      case FZ_PARAGRAPH_SIGNATURE:
      case FZ_PARAGRAPH_DATE:
      case FZ_PARAGRAPH_CLOSING:
        return g_strdup ("落款");
      case FZ_PARAGRAPH_NOTE:
      case FZ_PARAGRAPH_CC:
      case FZ_PARAGRAPH_PRINTED:
        return g_strdup ("版记");
      case FZ_PARAGRAPH_BODY:
      case FZ_PARAGRAPH_HEADING:
      case FZ_PARAGRAPH_FURNITURE:
      default:
        break;
      }

  s = fz_outline_section_at (sections, offset);
  if (s < 0)
    return g_strdup ("开头部分");

  /* The part at the top of the outline that holds it. */
  while (((const FzSection *) g_ptr_array_index (sections, s))->parent >= 0)
    s = ((const FzSection *) g_ptr_array_index (sections, s))->parent;

  {
    const FzSection *top = g_ptr_array_index (sections, s);
    g_autofree char *number = chinese_number (top->number);

    return g_strdup_printf ("第%s部分", number);
  }
}

static gboolean
is_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x3002 /* 。 */ || c == 0xff0c /* ， */ ||
         c == 0x3001 /* 、 */ || c == 0xff1b /* ； */ || c == 0xff1a /* ： */ ||
         c == 0xff01 /* ！ */ || c == 0xff1f /* ？ */;
}

#define CONTEXT_CHARS 8
#define PASSAGE_CHARS 36

char *
fz_problem_dup_context (FzAnalysis *analysis,
                        guint       start,
                        guint       end)
{
  FzDocument *doc;
  guint length, from, to;
  g_autofree char *text = NULL;
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  GString *out;
  glong first, last;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);

  doc = fz_analysis_get_document (analysis);
  length = fz_document_get_length (doc);
  end = MIN (MAX (start, end), length);
  start = MIN (start, end);
  from = start > CONTEXT_CHARS ? start - CONTEXT_CHARS : 0;
  to = MIN (length, end + CONTEXT_CHARS);
  text = fz_document_dup_range (doc, from, to);
  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);

  /* A short passage (a comma, a word) gets a few words either side, up to
   * the nearest punctuation, so the unit can find it; a long one (a
   * sentence of figures) is quoted from its start. */
  first = start - from;
  last = MIN ((glong) (end - from), n_chars);
  if (last - first < CONTEXT_CHARS)
    {
      while (first > 0 && !is_break (chars[first - 1]))
        first--;
      while (last < n_chars && !is_break (chars[last]))
        last++;
    }

  out = g_string_new (NULL);
  for (glong i = first; i < last && i - first < PASSAGE_CHARS; i++)
    if (chars[i] != '\n' && chars[i] != '\r' && chars[i] != '\t')
      g_string_append_unichar (out, chars[i]);
  if (last - first > PASSAGE_CHARS)
    g_string_append (out, "……");

  return g_string_free (out, FALSE);
}
