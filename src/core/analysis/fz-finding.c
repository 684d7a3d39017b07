/* fz-finding.c: one problem the checks report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-finding.h"

G_DEFINE_BOXED_TYPE (FzFinding, fz_finding, fz_finding_copy, fz_finding_free)

FzFinding *
fz_finding_new (const char *id,
                FzSeverity  severity,
                guint       start,
                guint       end,
                const char *text,
                const char *message)
{
  FzFinding *finding;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  finding = g_new0 (FzFinding, 1);
  finding->id = g_strdup (id);
  finding->severity = severity;
  finding->message = g_strdup (message);
  finding->start = start;
  finding->end = end;
  finding->text = g_strdup (text != NULL ? text : "");

  return finding;
}

FzFinding *
fz_finding_copy (const FzFinding *finding)
{
  FzFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_memdup2 (finding, sizeof *finding);
  copy->id = g_strdup (finding->id);
  copy->message = g_strdup (finding->message);
  copy->text = g_strdup (finding->text);
  copy->suggestion = g_strdup (finding->suggestion);

  return copy;
}

void
fz_finding_free (FzFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->id);
  g_free (finding->message);
  g_free (finding->text);
  g_free (finding->suggestion);
  g_free (finding);
}

/* What each kind of finding is, in a few words: for headings and for the
 * reasons of a score, where the finding's own message is too particular.
 * Both languages are here, as rule sets hold theirs, because the memo is
 * written in Chinese whatever the reviewer's language. */
static const struct
{
  const char *id;
  const char *zh;
  const char *en;
} kind_labels[] = {
  { "markup_residue",      "文中残留排版符号",     "markup left in the text" },
  { "repeated_word",       "字词重复",             "repeated words" },
  { "punct_halfwidth",     "半角标点",             "half-width punctuation" },
  { "punct_unbalanced",    "括号引号不成对",       "unpaired brackets or quotes" },
  { "latin_word",          "中文中夹杂外文字母",   "Latin letters in Chinese text" },
  { "traditional_char",    "繁体字",               "traditional characters" },
  { "booktitle_missing",   "文件名称未加书名号",   "titles without 《》" },
  { "numbering",           "层次序数不规范",       "heading numbers" },
  { "addressee_direction", "主送机关不当",         "addressee of an upward report" },
  { "missing_title",       "缺少标题",             "no title" },
  { "missing_addressee",   "缺少主送机关",         "no addressee" },
  { "missing_signature",   "缺少发文机关署名",     "no issuer signature" },
  { "missing_date",        "缺少成文日期",         "no date" },
  { "doc_number_format",   "发文字号格式",         "form of the document number" },
  { "request_in_report",   "报告中夹带请示事项",   "requests in a report" },
  { "title_format",        "标题格式",             "form of the title" },
  { "cc_format",           "抄送格式",             "form of the copy line" },
  { "date_format",         "成文日期格式",         "form of the date" },
  { "deadline",            "成文日期与报送期限",   "date against the deadline" },
  { "year_mismatch",       "年份不符",             "wrong years" },
  { "figure_sum",          "合计与分项不符",       "totals that do not add up" },
  { "figure_rate",         "比率与数据不符",       "rates that do not match" },
  { "figure_conflict",     "同一数据前后不一",     "figures that disagree" },
  { "outline_coverage",    "纲要任务覆盖",         "areas of the outline covered" },
  { "weak_problems",       "重成绩轻问题",         "problems played down" },
  { "no_causes",           "未分析问题原因",       "no causes analysed" },
  { "few_figures",         "事例和数据少",         "few figures" },
  { "vague_plan",          "下一年度安排不具体",   "vague plans" },
  { "copy_overlap",        "与其他报告雷同",       "passages shared with another report" },
  { "filed_late",          "逾期报送",             "filed late" },
  { "published_late",      "逾期公开",             "published late" },
  { "published_differs",   "公开文本与审查文本不一致", "published text differs" },
};

const char *
fz_finding_get_kind_label_in (const char *id,
                              gboolean    chinese)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (strcmp (kind_labels[i].id, id) == 0)
      return chinese ? kind_labels[i].zh : kind_labels[i].en;

  return id;
}

const char *
fz_finding_get_kind_label (const char *id)
{
  return fz_finding_get_kind_label_in (id, fz_locale_is_chinese ());
}
