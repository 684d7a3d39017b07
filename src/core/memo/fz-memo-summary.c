/* fz-memo-summary.c: the summary memo of a batch (汇总审查意见)
 *
 * What a bureau sends up or keeps with the year's file: how many reports
 * and for which year, how far the reviewers got, the verdict on each
 * required element for each unit, the problems many share, the passages
 * shared between units, and the grades.  In Chinese whatever the
 * interface language, laid out as blocks for the memo's writers.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-labels.h"
#include "fz-memo-private.h"

/* The conclusion as the memo's table words it: the checklist's Chinese
 * label, but the narrow column's 待审 for "needs review". */
static const char *
status_word (FzStatus status)
{
  return status == FZ_STATUS_NEEDS_REVIEW ? "待审" : fz_status_get_label_zh (status);
}

static const char *
grade_word (FzGrade grade)
{
  switch (grade)
    {
    case FZ_GRADE_EXCELLENT:
      return "优秀";
    case FZ_GRADE_GOOD:
      return "良好";
    case FZ_GRADE_FAIR:
      return "一般";
    case FZ_GRADE_POOR:
      return "较差";
    case FZ_GRADE_NONE:
    default:
      return "—";
    }
}

static void
add (FzMemoDocument  *doc,
     FzMemoBlockKind  kind,
     const char      *text)
{
  fz_memo_document_add_text (doc, kind, NULL, NULL, text);
}

/* The unit as the memo names it: never a file name when anything better
 * is known, and a report about another year says so. */
static char *
entry_name (FzBatch      *batch,
            FzBatchEntry *entry)
{
  const char *unit = fz_batch_entry_get_unit (entry);
  const char *title = fz_batch_entry_get_title (entry);
  g_autofree char *name = NULL;

  if (unit != NULL)
    name = g_strdup (unit);
  else if (title != NULL)
    name = g_strdup_printf ("《%s》", title);
  else
    name = g_strdup_printf ("未识别单位（%s）", fz_batch_entry_get_display_name (entry));

  if (fz_batch_entry_is_reference (entry))
    return g_strdup_printf ("%s（上年度）", name);
  if (fz_batch_is_off_year (batch, entry))
    return g_strdup_printf ("%s（%d年度）", name, fz_batch_entry_get_year (entry));

  return g_steal_pointer (&name);
}

static const char *
element_word (const FzRuleElement *element)
{
  return element->short_name != NULL ? element->short_name : element->name;
}

/* How many of the reports read lack @element_id, and how many have it
 * only in part or still to be checked. */
static void
count_element (GListModel *entries,
               const char *element_id,
               guint      *missing,
               guint      *partial)
{
  *missing = *partial = 0;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      FzStatus status;

      if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE ||
          !fz_batch_entry_get_status (entry, element_id, &status))
        continue;
      if (status == FZ_STATUS_MISSING)
        (*missing)++;
      else if (status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW)
        (*partial)++;
    }
}

/* 一、总体情况: the batch in one paragraph. */
static char *
overview (FzBatch   *batch,
          GPtrArray *required)
{
  GListModel *entries = fz_batch_get_entries (batch);
  guint n = g_list_model_get_n_items (entries);
  guint failed = 0, analysed = 0, grades[FZ_GRADE_POOR + 1] = { 0 };
  GPtrArray *copies = fz_batch_get_copies (batch);
  GString *out = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED)
        failed++;
      else if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE)
        {
          analysed++;
          grades[fz_batch_entry_get_grade (entry)]++;
        }
    }

  g_string_append_printf (out, "本批共%u份报告", n);
  if (failed > 0)
    g_string_append_printf (out, "，其中%u份无法读取", failed);
  g_string_append (out, "。");

  for (guint e = 0; e < required->len; e++)
    {
      const FzRuleElement *element = g_ptr_array_index (required, e);
      guint missing, partial;

      count_element (entries, element->id, &missing, &partial);
      if (missing + partial == 0)
        continue;
      g_string_append_printf (out, "%s“%s”", any ? "；" : "", element_word (element));
      if (missing > 0)
        g_string_append_printf (out, "缺失%u份", missing);
      if (partial > 0)
        g_string_append_printf (out, "%s不完整或待审%u份", missing > 0 ? "、" : "", partial);
      any = TRUE;
    }
  if (any)
    g_string_append (out, "。");
  else if (analysed > 0)
    g_string_append (out, "各份报告均具备全部必备内容。");

  if (copies != NULL && copies->len > 0)
    g_string_append_printf (out, "有%u对报告存在雷同段落。", copies->len);

  if (analysed > 0)
    g_string_append_printf (out, "等次评定：优秀%u份，良好%u份，一般%u份，较差%u份。",
                            grades[FZ_GRADE_EXCELLENT], grades[FZ_GRADE_GOOD],
                            grades[FZ_GRADE_FAIR], grades[FZ_GRADE_POOR]);

  return g_string_free (out, FALSE);
}

/* 审核情况: how far the reviewers got, so the memo never reads as the
 * machine's when people decided, nor as people's when they did not. */
static char *
review_state (FzBatch *batch)
{
  GListModel *entries = fz_batch_get_entries (batch);
  guint full = 0, part = 0, none = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      guint decided = fz_batch_entry_get_n_decided (entry);

      if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE)
        continue;
      if (decided > 0 && decided >= fz_batch_entry_get_n_required (entry))
        full++;
      else if (decided > 0)
        part++;
      else
        none++;
    }

  if (part == 0 && none == 0 && full > 0)
    return g_strdup_printf ("审核情况：%u份报告均已逐项人工审核", full);
  if (full == 0 && part == 0)
    return g_strdup ("审核情况：均为系统初审结果，尚未人工审核");

  return g_strdup_printf ("审核情况：已逐项人工审核%u份，部分审核%u份，未审核%u份（其结论为系统初审结果）",
                          full, part, none);
}

static const char *
review_word (FzBatchEntry *entry,
             char        **owned)
{
  guint decided = fz_batch_entry_get_n_decided (entry);
  guint required = fz_batch_entry_get_n_required (entry);

  if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE)
    return "—";
  if (decided == 0)
    return "未审核";
  if (decided >= required)
    return "已审核";

  *owned = g_strdup_printf ("已审%u/%u", decided, required);
  return *owned;
}

FzMemoDocument *
_fz_memo_build_summary (FzBatch             *batch,
                        const FzMemoOptions *options)
{
  static const FzMemoOptions no_options = { NULL };
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autofree double *widths = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  FzMemoDocument *doc;
  FzRuleSet *rules;
  GListModel *entries;
  GPtrArray *copies;
  FzMemoBlock *table;
  guint n, n_failed = 0, n_off_year = 0;
  int year;

  if (options == NULL)
    options = &no_options;

  rules = fz_batch_get_ruleset (batch);
  entries = fz_batch_get_entries (batch);
  copies = fz_batch_get_copies (batch);
  n = g_list_model_get_n_items (entries);
  year = fz_batch_get_year (batch);

  for (guint i = 0; i < fz_ruleset_get_n_elements (rules); i++)
    if (fz_ruleset_get_element (rules, i)->required)
      g_ptr_array_add (required, (gpointer) fz_ruleset_get_element (rules, i));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED)
        n_failed++;
      if (fz_batch_is_off_year (batch, entry))
        n_off_year++;
    }

  heading = year > 0 ? g_strdup_printf ("关于%d年度法治政府建设年度报告的汇总审查意见", year)
                     : g_strdup ("关于法治政府建设年度报告的汇总审查意见");
  doc = fz_memo_document_new (heading);

  if (options->letterhead != NULL && *options->letterhead != '\0')
    add (doc, FZ_MEMO_BLOCK_LETTERHEAD, options->letterhead);
  add (doc, FZ_MEMO_BLOCK_TITLE, heading);

  text = g_strdup_printf ("报告数量：%u份%s", n, n_failed > 0 ? "（部分无法读取，见下表）" : "");
  add (doc, FZ_MEMO_BLOCK_META, text);
  g_clear_pointer (&text, g_free);
  if (year > 0)
    {
      text = n_off_year > 0 ? g_strdup_printf ("报告年度：%d年度（另有%u份不是本年度的报告，已在表中注明）", year, n_off_year)
                            : g_strdup_printf ("报告年度：%d年度", year);
      add (doc, FZ_MEMO_BLOCK_META, text);
      g_clear_pointer (&text, g_free);
    }
  else if (n > 0)
    add (doc, FZ_MEMO_BLOCK_META, "报告年度：本批报告年度不一，见下表");
  text = g_strdup_printf ("审查依据：%s", fz_ruleset_get_source (rules) != NULL ? fz_ruleset_get_source (rules)
                                                                               : fz_ruleset_get_name (rules));
  add (doc, FZ_MEMO_BLOCK_META, text);
  g_clear_pointer (&text, g_free);
  text = review_state (batch);
  add (doc, FZ_MEMO_BLOCK_META, text);
  g_clear_pointer (&text, g_free);

  add (doc, FZ_MEMO_BLOCK_HEADING, "一、总体情况");
  text = overview (batch, required);
  add (doc, FZ_MEMO_BLOCK_PARAGRAPH, text);
  g_clear_pointer (&text, g_free);

  /* One row per report: the unit, each required element's verdict (the
   * reviewer's where they decided), how far it was reviewed, the grade. */
  add (doc, FZ_MEMO_BLOCK_HEADING, "二、逐份审查结论");
  widths = g_new0 (double, required->len + 3);
  widths[0] = 0.22;
  widths[required->len + 1] = 0.10;
  widths[required->len + 2] = 0.08;
  g_ptr_array_add (header, (gpointer) "单位");
  for (guint e = 0; e < required->len; e++)
    {
      widths[e + 1] = 0.60 / required->len;
      g_ptr_array_add (header, (gpointer) element_word (g_ptr_array_index (required, e)));
    }
  g_ptr_array_add (header, (gpointer) "审核");
  g_ptr_array_add (header, (gpointer) "等次");
  table = fz_memo_block_new_table (header->len, (const char * const *) header->pdata, widths);
  fz_memo_document_add (doc, table);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *owned = NULL;

      g_ptr_array_add (cells, entry_name (batch, entry));
      for (guint e = 0; e < required->len; e++)
        {
          const FzRuleElement *element = g_ptr_array_index (required, e);
          FzStatus status;

          if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED)
            g_ptr_array_add (cells, g_strdup ("无法读取"));
          else if (fz_batch_entry_get_status (entry, element->id, &status))
            g_ptr_array_add (cells, g_strdup (status_word (status)));
          else
            g_ptr_array_add (cells, g_strdup ("—"));
        }
      g_ptr_array_add (cells, g_strdup (review_word (entry, &owned)));
      g_ptr_array_add (cells, g_strdup (grade_word (fz_batch_entry_get_grade (entry))));
      fz_memo_block_add_row (table, (const char * const *) cells->pdata);
    }

  /* What several reports lack, element by element. */
  add (doc, FZ_MEMO_BLOCK_HEADING, "三、共性问题");
  {
    gboolean any = FALSE;

    for (guint e = 0; e < required->len; e++)
      {
        const FzRuleElement *element = g_ptr_array_index (required, e);
        guint missing, partial;

        count_element (entries, element->id, &missing, &partial);
        if (missing + partial == 0)
          continue;
        text = g_strdup_printf ("“%s”：%u份报告缺失，%u份报告仅部分具备或待审查。",
                                element->name, missing, partial);
        add (doc, FZ_MEMO_BLOCK_PARAGRAPH, text);
        g_clear_pointer (&text, g_free);
        any = TRUE;
      }
    if (!any)
      add (doc, FZ_MEMO_BLOCK_PARAGRAPH, "各份报告均具备全部必备内容。");
  }

  add (doc, FZ_MEMO_BLOCK_HEADING, "四、雷同段落");
  if (copies == NULL || copies->len == 0)
    add (doc, FZ_MEMO_BLOCK_PARAGRAPH, "未发现报告之间存在雷同段落（各报告通用的表述除外）。");
  else
    {
      static const double copy_widths[] = { 0.22, 0.22, 0.56 };
      static const char * const copy_header[] = { "报告一", "报告二", "雷同段落（摘录）" };

      table = fz_memo_block_new_table (3, copy_header, copy_widths);
      fz_memo_document_add (doc, table);
      for (guint i = 0; i < copies->len; i++)
        {
          const FzBatchCopy *copy = g_ptr_array_index (copies, i);
          const char *excerpt = copy->a_texts->len > 0 ? g_ptr_array_index (copy->a_texts, 0) : "";
          glong len = g_utf8_strlen (excerpt, -1);
          g_autofree char *head = g_utf8_substring (excerpt, 0, MIN (len, 80));
          g_autofree char *a = entry_name (batch, copy->a);
          g_autofree char *b = entry_name (batch, copy->b);
          g_autofree char *quote = g_strdup_printf ("“%s%s”（共%u处）", head, len > 80 ? "…" : "",
                                                    copy->passages->len);
          const char *cells[] = { a, b, quote };

          fz_memo_block_add_row (table, cells);
        }
    }

  add (doc, FZ_MEMO_BLOCK_HEADING, "五、等次评定");
  {
    guint grades[FZ_GRADE_POOR + 1] = { 0 };

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

        if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE)
          grades[fz_batch_entry_get_grade (entry)]++;
      }
    text = g_strdup_printf ("优秀%u份，良好%u份，一般%u份，较差%u份%s。",
                            grades[FZ_GRADE_EXCELLENT], grades[FZ_GRADE_GOOD],
                            grades[FZ_GRADE_FAIR], grades[FZ_GRADE_POOR],
                            n_failed > 0 ? "；无法读取的报告未评定等次" : "");
    add (doc, FZ_MEMO_BLOCK_PARAGRAPH, text);
    g_clear_pointer (&text, g_free);
  }

  if (options->unit != NULL && *options->unit != '\0')
    add (doc, FZ_MEMO_BLOCK_SIGNATURE, options->unit);
  date = _fz_memo_date_text (options->date);
  add (doc, FZ_MEMO_BLOCK_DATE, date);

  return doc;
}
