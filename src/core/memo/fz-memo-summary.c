/* fz-memo-summary.c: the summary memo of a batch (汇总审查意见)
 *
 * What a bureau sends up or keeps with the year's file: how many reports,
 * the verdict on each required element for each, the problems many share,
 * the passages copied between units, and the grades.  Laid out as blocks,
 * so the memo's .docx, .pdf, .html and .md writers print it as they print a
 * report's memo.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-memo-private.h"

/* The conclusion as the memo's table words it. */
static const char *
status_word (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:
      return "具备";
    case FZ_STATUS_PARTIAL:
      return "部分具备";
    case FZ_STATUS_MISSING:
      return "缺失";
    case FZ_STATUS_NOT_APPLICABLE:
      return "不适用";
    case FZ_STATUS_NEEDS_REVIEW:
    default:
      return "待审";
    }
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
add (GPtrArray       *blocks,
     FzMemoBlockKind  kind,
     char            *text)
{
  g_ptr_array_add (blocks, _fz_memo_block_new_text (kind, text));
}

/* The year most of the reports are about, 0 when none is known. */
static int
batch_year (GListModel *entries)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0;
  int year = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      int y = fz_batch_entry_get_year (entry);
      guint n;

      if (y <= 0)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (y))) + 1;
      g_hash_table_insert (counts, GINT_TO_POINTER (y), GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          year = y;
        }
    }

  return year;
}

FzMemo *
fz_memo_new_for_batch (FzBatch *batch)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_memo_block_free);
  g_autoptr(GPtrArray) widths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  FzRuleSet *rules;
  GListModel *entries;
  GPtrArray *copies;
  FzMemoBlock *table;
  double *w;
  guint n, n_failed = 0, grades[FZ_GRADE_POOR + 1] = { 0 };
  int year;

  g_return_val_if_fail (FZ_IS_BATCH (batch), NULL);

  rules = fz_batch_get_ruleset (batch);
  entries = fz_batch_get_entries (batch);
  copies = fz_batch_get_copies (batch);
  n = g_list_model_get_n_items (entries);
  year = batch_year (entries);

  for (guint i = 0; i < fz_ruleset_get_n_elements (rules); i++)
    if (fz_ruleset_get_element (rules, i)->required)
      g_ptr_array_add (required, (gpointer) fz_ruleset_get_element (rules, i));

  heading = year > 0 ? g_strdup_printf ("关于%d年度法治政府建设年度报告的汇总审查意见", year)
                     : g_strdup ("关于法治政府建设年度报告的汇总审查意见");
  add (blocks, FZ_MEMO_BLOCK_TITLE, g_strdup (heading));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED)
        n_failed++;
      else
        grades[fz_batch_entry_get_grade (entry)]++;
    }

  add (blocks, FZ_MEMO_BLOCK_META, g_strdup_printf ("报告数量：%u 份%s", n,
                                                     n_failed > 0 ? "（部分无法读取，见下表）" : ""));
  add (blocks, FZ_MEMO_BLOCK_META, g_strdup_printf ("审查依据：%s", fz_ruleset_get_name (rules)));
  add (blocks, FZ_MEMO_BLOCK_META,
       g_strdup_printf ("审查人：%s", fz_batch_get_reviewer (batch) ? fz_batch_get_reviewer (batch)
                                                                    : "（系统初审，未经人工审查）"));
  add (blocks, FZ_MEMO_BLOCK_META,
       g_date_time_format (today, "审查日期：%Y年%-m月%-d日"));

  add (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("一、总体情况"));
  summary = fz_batch_dup_summary (batch);
  add (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_steal_pointer (&summary));

  /* One row per report: the unit, the verdict on each required element
   * (the reviewer's where they decided) and the grade. */
  add (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("二、逐份审查结论"));
  w = g_new0 (double, required->len + 2);
  w[0] = 0.22;
  w[required->len + 1] = 0.10;
  for (guint e = 0; e < required->len; e++)
    w[e + 1] = 0.68 / required->len;
  g_ptr_array_add (widths, w);
  g_strv_builder_add (header, "单位");
  for (guint e = 0; e < required->len; e++)
    g_strv_builder_add (header, fz_rule_element_get_short_name (g_ptr_array_index (required, e)));
  g_strv_builder_add (header, "等次");
  table = _fz_memo_block_new_table (w, g_strv_builder_end (header));
  g_ptr_array_add (blocks, table);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      const char *unit = fz_batch_entry_get_unit (entry);

      g_strv_builder_add (row, unit != NULL ? unit : fz_batch_entry_get_display_name (entry));
      for (guint e = 0; e < required->len; e++)
        {
          const FzRuleElement *element = g_ptr_array_index (required, e);
          FzStatus status;

          if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED)
            g_strv_builder_add (row, "无法读取");
          else if (fz_batch_entry_get_status (entry, element->id, &status))
            g_strv_builder_add (row, status_word (status));
          else
            g_strv_builder_add (row, "—");
        }
      g_strv_builder_add (row, grade_word (fz_batch_entry_get_grade (entry)));
      g_ptr_array_add (table->rows, g_strv_builder_end (row));
    }

  /* What several reports lack, element by element. */
  add (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("三、共性问题"));
  {
    gboolean any = FALSE;

    for (guint e = 0; e < required->len; e++)
      {
        const FzRuleElement *element = g_ptr_array_index (required, e);
        guint missing = 0, partial = 0;

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
            FzStatus status;

            if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE ||
                !fz_batch_entry_get_status (entry, element->id, &status))
              continue;
            if (status == FZ_STATUS_MISSING)
              missing++;
            else if (status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW)
              partial++;
          }
        if (missing + partial == 0)
          continue;
        add (blocks, FZ_MEMO_BLOCK_PARAGRAPH,
             g_strdup_printf ("“%s”：%u 份报告缺失，%u 份报告仅部分具备或待审查。",
                              element->name, missing, partial));
        any = TRUE;
      }
    if (!any)
      add (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_strdup ("各份报告均具备全部必备内容。"));
  }

  add (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("四、雷同段落"));
  if (copies == NULL || copies->len == 0)
    add (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_strdup ("未发现报告之间存在雷同段落（各报告通用的表述除外）。"));
  else
    {
      static const double copy_widths[] = { 0.22, 0.22, 0.56 };
      g_auto(GStrv) copy_header = NULL;

      copy_header = g_strsplit ("报告一|报告二|雷同段落（摘录）", "|", -1);
      table = _fz_memo_block_new_table (copy_widths, g_steal_pointer (&copy_header));
      g_ptr_array_add (blocks, table);
      for (guint i = 0; i < copies->len; i++)
        {
          const FzBatchCopy *copy = g_ptr_array_index (copies, i);
          const char *text = copy->a_texts->len > 0 ? g_ptr_array_index (copy->a_texts, 0) : "";
          glong len = g_utf8_strlen (text, -1);
          g_autofree char *head = g_utf8_substring (text, 0, MIN (len, 80));
          char **row = g_new0 (char *, 4);

          row[0] = g_strdup (fz_batch_entry_get_display_name (copy->a));
          row[1] = g_strdup_printf ("%s%s", fz_batch_entry_get_display_name (copy->b),
                                    fz_batch_entry_is_reference (copy->b) ? "（上年度）" : "");
          row[2] = g_strdup_printf ("“%s%s”（共 %u 处）", head, len > 80 ? "…" : "", copy->passages->len);
          g_ptr_array_add (table->rows, row);
        }
    }

  add (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("五、等次评定"));
  add (blocks, FZ_MEMO_BLOCK_PARAGRAPH,
       g_strdup_printf ("优秀 %u 份，良好 %u 份，一般 %u 份，较差 %u 份%s。",
                        grades[FZ_GRADE_EXCELLENT], grades[FZ_GRADE_GOOD],
                        grades[FZ_GRADE_FAIR], grades[FZ_GRADE_POOR],
                        n_failed > 0 ? "；无法读取的报告未评定等次" : ""));

  if (fz_batch_get_reviewer (batch) != NULL)
    add (blocks, FZ_MEMO_BLOCK_SIGNATURE, g_strdup_printf ("审查人：%s", fz_batch_get_reviewer (batch)));
  add (blocks, FZ_MEMO_BLOCK_SIGNATURE, g_date_time_format (today, "%Y年%-m月%-d日"));

  return _fz_memo_new_with_blocks (heading, blocks, widths);
}
