/* test-history.c: a unit across the years — two years of one unit
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-test-utils.h"

#define LAST_SHA "3333333333333333333333333333333333333333333333333333333333333333"

static FzReview *
last_review (const char *sha256)
{
  FzReview *review = fz_review_new (sha256, "liuxi-2023.txt");

  fz_review_set_rectification (review,
                               "1.补充党政主要负责人履行推进法治建设第一责任人职责情况；"
                               "2.分析存在不足的原因；\n"
                               "3.规范标点符号，避免半角逗号。");
  return review;
}

static FzHistoryItem *
item (GListModel *model,
      guint       i)
{
  FzHistoryItem *it = g_list_model_get_item (model, i);

  g_object_unref (it);
  return it;
}

static void
test_follow_up (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("rounds", "liuxi-2023.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = last_review (LAST_SHA);
  g_autoptr(FzHistory) history = fz_history_new (last, review, current);
  FzDocument *doc = fz_analysis_get_document (current);
  GListModel *plan = fz_history_get_plan (history);
  GListModel *repeated = fz_history_get_shortcomings (history);
  GListModel *requests = fz_history_get_requests (history);
  GListModel *figures = fz_history_get_figures (history);
  GPtrArray *findings = fz_history_get_findings (history);
  guint n_plan_findings = 0, n_repeat_findings = 0;
  gboolean cases = FALSE, staff = FALSE;

  g_assert_true (fz_history_same_unit (last, current));

  /* The plan: two items carried out with figures, two never mentioned. */
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 4);
  g_assert_cmpstr (fz_history_item_get_last_text (item (plan, 0)), ==, "（一）健全依法决策机制");
  g_assert_cmpint (fz_history_item_get_follow_up (item (plan, 0)), ==, FZ_FOLLOW_DONE);
  g_assert_cmpint (fz_history_item_get_follow_up (item (plan, 1)), ==, FZ_FOLLOW_DONE);
  g_assert_true (g_str_has_prefix (fz_history_item_get_current_text (item (plan, 1)), "（二）规范行政执法行为"));
  g_assert_cmpint (fz_history_item_get_follow_up (item (plan, 2)), ==, FZ_FOLLOW_NOT_MENTIONED);
  g_assert_cmpstr (fz_history_item_get_last_text (item (plan, 3)), ==, "（四）实施“法律明白人”培养工程");
  g_assert_cmpint (fz_history_item_get_follow_up (item (plan, 3)), ==, FZ_FOLLOW_NOT_MENTIONED);
  g_assert_null (fz_history_item_get_current_text (item (plan, 3)));
  g_assert_cmpuint (fz_history_count (plan, FZ_FOLLOW_NOT_MENTIONED), ==, 2);

  /* Both shortcomings again, nearly word for word; not the heading. */
  g_assert_cmpuint (g_list_model_get_n_items (repeated), ==, 2);
  g_assert_cmpstr (fz_history_item_get_last_text (item (repeated, 0)), ==,
                   "一是基层执法力量不足，执法人员中法律专业背景人员仅2名。");
  g_assert_true (g_str_has_prefix (fz_history_item_get_current_text (item (repeated, 0)),
                                   "一是基层执法力量不足，执法人员中法律专业背景人员仅2名，主要原因"));
  g_assert_cmpfloat (fz_history_item_get_similarity (item (repeated, 0)), >=, 0.6);

  /* Requests: the named parts are there now; the commas are not fixed
   * and no words of the report say otherwise. */
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 3);
  g_assert_cmpint (fz_history_item_get_follow_up (item (requests, 0)), ==, FZ_FOLLOW_ANSWERED);
  g_assert_cmpstr (fz_history_item_get_current_text (item (requests, 0)), ==,
                   "二、党政主要负责人履行推进法治建设第一责任人职责情况");
  g_assert_cmpint (fz_history_item_get_follow_up (item (requests, 1)), ==, FZ_FOLLOW_ANSWERED);
  g_assert_cmpint (fz_history_item_get_follow_up (item (requests, 2)), ==, FZ_FOLLOW_NOT_ANSWERED);

  /* Figures side by side. */
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      FzHistoryItem *f = item (figures, i);

      if (g_str_equal (fz_history_item_get_last_text (f), "办理行政处罚案件"))
        {
          cases = TRUE;
          g_assert_cmpstr (fz_history_item_get_last_value (f), ==, "25宗");
          g_assert_cmpstr (fz_history_item_get_current_value (f), ==, "29宗");
          g_assert_cmpfloat (fz_history_item_get_change (f), ==, 4);
          g_assert_cmpint (fz_history_item_get_follow_up (f), ==, FZ_FOLLOW_UP);
        }
      if (g_str_has_suffix (fz_history_item_get_last_text (f), "持证执法人员"))
        {
          staff = TRUE;
          g_assert_cmpstr (fz_history_item_get_current_value (f), ==, "11名");
        }
      /* The plan's targets are not last year's figures. */
      g_assert_cmpstr (fz_history_item_get_last_value (f), !=, "5名");
    }
  g_assert_true (cases && staff);

  /* Findings on this year's report, quoting both years. */
  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *passage = fz_document_dup_range (doc, f->start, f->end);

      g_assert_cmpuint (f->end, <=, fz_document_get_length (doc));
      g_assert_cmpstr (passage, ==, f->text);
      if (g_str_equal (f->id, "plan_not_followed"))
        {
          n_plan_findings++;
          g_assert_cmpstr (passage, ==, "一、2024年推进法治政府建设的主要举措和成效");
        }
      else if (g_str_equal (f->id, "shortcomings_repeated"))
        {
          n_repeat_findings++;
          g_assert_true (g_str_has_prefix (passage, "一是") || g_str_has_prefix (passage, "二是"));
          g_assert_nonnull (strstr (f->message, fz_history_item_get_last_text (item (repeated, n_repeat_findings - 1))));
        }
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_plan_findings, ==, 2);
  g_assert_cmpuint (n_repeat_findings, ==, 2);
}

static void
test_memo (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("rounds", "liuxi-2023.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = last_review (LAST_SHA);
  g_autoptr(FzHistory) history = fz_history_new (last, review, current);
  g_autoptr(FzHistory) unreviewed = fz_history_new (last, NULL, current);
  g_autofree char *memo = fz_history_dup_memo_paragraph (history);
  g_autofree char *plain = fz_history_dup_memo_paragraph (unreviewed);

  g_assert_cmpstr (memo, ==,
                   "对照上年度报告《青禾县柳溪镇人民政府关于2023年度法治政府建设情况的报告》，"
                   "上年度报告提出的下一年度主要安排共4项，本年度报告中已见落实2项，"
                   "未提及2项（“（三）建设镇村两级公共法律服务站点”、“（四）实施“法律明白人”培养工程”）；"
                   "本年度报告所列不足中有2处与上年度基本相同"
                   "（“一是基层执法力量不足，执法人员中法律专业背景人员仅2名”、“二是普法形式比较单一，普法活动多集中在重要节点”），"
                   "整改成效不明显；上年度审查提出的整改要求3项，本年度报告已回应2项，未回应1项（“规范标点符号，避免半角逗号”）。"
                   "请在今后的报告中逐项说明上年度工作安排的落实情况和存在问题的整改情况。");
  /* Without last year's review, nothing is said about its requests. */
  g_assert_null (strstr (plain, "整改要求"));
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_requests (unreviewed)), ==, 0);
}

static void
test_json (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("rounds", "liuxi-2023.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzHistory) history = fz_history_new (last, NULL, current);
  g_autoptr(JsonNode) node = fz_history_to_json (history);
  JsonObject *o = json_node_get_object (node);
  JsonArray *plan = json_object_get_array_member (o, "plan");
  JsonObject *first = json_array_get_object_element (plan, 0);
  JsonObject *figure = json_array_get_object_element (json_object_get_array_member (o, "figures"), 0);

  g_assert_cmpint (json_object_get_int_member (o, "previous_year"), ==, 2023);
  g_assert_false (json_object_get_boolean_member (o, "previous_reviewed"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "requests")));
  g_assert_cmpuint (json_array_get_length (plan), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "done");
  g_assert_nonnull (json_object_get_object_member (first, "current_place"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (plan, 3), "state"), ==, "not_mentioned");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (plan, 3), "current_place")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "shortcomings_repeated")), ==, 2);
  g_assert_true (json_object_has_member (figure, "last_value"));
  g_assert_true (json_object_has_member (figure, "change"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "memo"), "对照上年度报告"));
}

static const char *units[] = {
  "遂溪县北坡镇人民政府关于2023年度法治政府建设情况的报告\n\n一、主要举措和成效\n\n全年办理案件12件。\n\n遂溪县北坡镇人民政府\n\n2024年2月1日\n",
  "北坡镇人民政府2022年法治政府建设年度报告\n\n一、主要举措和成效\n\n全年办理案件10件。\n\n北坡镇人民政府\n\n2023年2月1日\n",
  "遂溪县城月镇人民政府关于2023年度法治政府建设情况的报告\n\n一、主要举措和成效\n\n全年办理案件9件。\n\n遂溪县城月镇人民政府\n\n2024年2月1日\n",
  "北坡镇人民政府关于2024年度法治政府建设情况的报告\n\n一、主要举措和成效\n\n全年办理案件15件。\n\n北坡镇人民政府\n\n2025年2月1日\n",
};

static void
test_find_previous (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    g_ptr_array_add (all, fz_test_analyse_text (units[i]));

  g_assert_true (fz_history_same_unit (g_ptr_array_index (all, 0), g_ptr_array_index (all, 1)));
  g_assert_false (fz_history_same_unit (g_ptr_array_index (all, 0), g_ptr_array_index (all, 2)));

  /* For 2024: the 2023 report of the same unit, not 2022, not the
   * neighbouring township, not itself. */
  g_ptr_array_add (candidates, g_ptr_array_index (all, 1));
  g_ptr_array_add (candidates, NULL);
  g_ptr_array_add (candidates, g_ptr_array_index (all, 2));
  g_ptr_array_add (candidates, g_ptr_array_index (all, 0));
  g_ptr_array_add (candidates, g_ptr_array_index (all, 3));
  g_assert_cmpint (fz_history_find_previous (g_ptr_array_index (all, 3), candidates), ==, 3);
  /* For 2023: 2022. */
  g_assert_cmpint (fz_history_find_previous (g_ptr_array_index (all, 0), candidates), ==, 0);
  /* For 2022: nothing earlier. */
  g_assert_cmpint (fz_history_find_previous (g_ptr_array_index (all, 1), candidates), ==, -1);
}

static void
test_async (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("rounds", "liuxi-2023.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzHistory) history = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fz_history_new_async (last, NULL, current, NULL, fz_test_keep_result, &result);
  history = fz_history_new_finish (fz_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_plan (history)), ==, 4);
  g_assert_true (fz_history_get_current (history) == current);
}

/* fazhi-check --previous: the follow-up, and the batch as before. */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fazhi-history-XXXXXX", NULL);
  g_autofree char *last_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-2023.txt", NULL);
  g_autofree char *current_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-revised.txt", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *previous_arg = g_strconcat ("--previous=", last_path, NULL);
  g_autoptr(GFile) last_file = g_file_new_for_path (last_path);
  g_autofree char *sha = NULL;
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *mine, *other, *history;
  JsonArray *findings;
  guint n_plan = 0;

  g_assert_true (g_file_set_contents (other_path, units[2], -1, NULL));
  sha = fz_review_hash_file (last_file, NULL, &error);
  review = last_review (sha);
  g_assert_true (fz_review_save (review, &error));

  {
    const char *args[] = { "--format=json", previous_arg, current_path, other_path, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  mine = json_array_get_object_element (json_object_get_array_member (root, "reports"), 0);
  other = json_array_get_object_element (json_object_get_array_member (root, "reports"), 1);

  history = json_object_get_object_member (mine, "history");
  g_assert_cmpstr (json_object_get_string_member (history, "previous"), ==, last_path);
  g_assert_true (json_object_get_boolean_member (history, "previous_reviewed"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (history, "requests")), ==, 3);
  /* Another unit: no last year among --previous. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (other, "history")));

  findings = json_object_get_array_member (mine, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, i), "id"), "plan_not_followed"))
      n_plan++;
  g_assert_cmpuint (n_plan, ==, 2);

  /* What --previous did before is still done. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "batch"), "previous")), ==, 1);
  g_assert_false (json_object_has_member (root, "history"));

  g_remove (other_path);
  g_rmdir (dir);
}

/* The seeds: no two are the same unit, and each followed into itself
 * finds all its shortcomings written again. */
static void
test_seeds (void)
{
  g_autoptr(GPtrArray) analyses = fz_test_analyse_seeds ();

  if (analyses == NULL)
    return;
  for (guint i = 0; i < analyses->len; i++)
    {
      FzAnalysis *a = g_ptr_array_index (analyses, i);
      g_autoptr(FzHistory) self = fz_history_new (a, NULL, a);
      FzDocument *doc = fz_analysis_get_document (a);
      GPtrArray *findings = fz_history_get_findings (self);
      GListModel *figures = fz_history_get_figures (self);

      for (guint j = 0; j < analyses->len; j++)
        if (j != i)
          g_assert_false (fz_history_same_unit (a, g_ptr_array_index (analyses, j)));

      for (guint k = 0; k < findings->len; k++)
        {
          const FzFinding *f = g_ptr_array_index (findings, k);

          g_assert_cmpuint (f->end, <=, fz_document_get_length (doc));
          g_assert_cmpuint (f->start, <=, f->end);
        }
      /* Against itself every figure outside the plan is unchanged. */
      for (guint k = 0; k < g_list_model_get_n_items (figures); k++)
        g_assert_cmpint (fz_history_item_get_follow_up (item (figures, k)), ==, FZ_FOLLOW_SAME);
      g_test_message ("seed %u against itself: %u plan items (%u not mentioned), %u shortcomings again, %u figures",
                      i, g_list_model_get_n_items (fz_history_get_plan (self)),
                      fz_history_count (fz_history_get_plan (self), FZ_FOLLOW_NOT_MENTIONED),
                      g_list_model_get_n_items (fz_history_get_shortcomings (self)),
                      g_list_model_get_n_items (figures));
      g_assert_cmpint (fz_history_find_previous (a, analyses), ==, -1);
    }
}

/* fazhi-check --memo with --previous, --resubmission-of and --memo-score:
 * the memo written has each part, and only those asked for. */
static void
test_cli_memo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fazhi-history-memo-XXXXXX", NULL);
  g_autofree char *last_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-2023.txt", NULL);
  g_autofree char *first_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-first.txt", NULL);
  g_autofree char *current_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-revised.txt", NULL);
  g_autofree char *memo_path = g_build_filename (dir, "memo.md", NULL);
  g_autofree char *memo_arg = g_strconcat ("--memo=", memo_path, NULL);
  g_autofree char *previous_arg = g_strconcat ("--previous=", last_path, NULL);
  g_autofree char *first_arg = g_strconcat ("--resubmission-of=", first_path, NULL);
  const char *plain[] = { memo_arg, current_path, NULL };
  const char *full[] = { "--format=json", memo_arg, "--memo-score", previous_arg, first_arg, current_path, NULL };
  const char * const *runs[] = { plain, full };

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *memo = NULL;

      g_assert_cmpint (fz_test_run_cli (runs[r], &out, &err), ==, 0);
      g_assert_true (g_file_get_contents (memo_path, &memo, NULL, NULL));
      g_assert_null (strstr (memo, ".txt"));
      if (r == 0)
        {
          g_assert_null (strstr (memo, "评分情况"));
          g_assert_null (strstr (memo, "首次审查意见整改情况"));
          g_assert_null (strstr (memo, "上年度工作落实情况"));
          continue;
        }
      /* 一、总体意见 二、评分情况 三、首次审查意见整改情况 … 上年度工作落实情况. */
      g_assert_nonnull (strstr (memo, "二、评分情况"));
      g_assert_nonnull (strstr (memo, "三、首次审查意见整改情况"));
      g_assert_nonnull (strstr (memo, "上年度工作落实情况"));
      g_assert_nonnull (strstr (memo, "按《示例评分表（百分制，供各地替换）》评分"));
      g_assert_nonnull (strstr (memo, "经与首次报送稿《青禾县柳溪镇人民政府关于2024年度法治政府建设情况的报告》对照"));
      /* Last year's (三) and (四) are not in this year's measures. */
      g_assert_nonnull (strstr (memo, "未提及2项（“（三）建设镇村两级公共法律服务站点”、“（四）实施“法律明白人”培养工程”）"));
      g_remove (memo_path);
    }
  g_rmdir (dir);
}

/* The planned item whose shown text starts with @prefix. */
static FzHistoryItem *
plan_item (FzHistory  *history,
           const char *prefix)
{
  GListModel *plan = fz_history_get_plan (history);

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    if (g_str_has_prefix (fz_history_item_get_last_text (item (plan, i)), prefix))
      return item (plan, i);
  g_assert_not_reached ();
}

static guint
count_plan_findings (FzHistory  *history,
                     const char *about)
{
  GPtrArray *findings = fz_history_get_findings (history);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, "plan_not_followed") && (about == NULL || strstr (f->message, about) != NULL))
        n++;
    }
  return n;
}

/* Planned items of a heading and a paragraph of undertakings:松林乡's
 * 2025 report takes up one undertaking of (二) in its own words (every
 * village has its 法律顾问), (三) almost as planned, and (一) not at all.
 * Matched only as a whole, (二) was "not mentioned" and drew a false
 * plan_not_followed. */
static void
test_plan_statements (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("history", "songlin-2024.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("history", "songlin-2025.txt");
  g_autoptr(FzHistory) history = fz_history_new (last, NULL, current);
  GListModel *plan = fz_history_get_plan (history);
  FzHistoryItem *equipment, *advisers, *forest;

  g_assert_true (fz_history_same_unit (last, current));
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 3);
  equipment = plan_item (history, "（一）提升执法保障水平");
  advisers = plan_item (history, "（二）发挥村级法律顾问作用");
  forest = plan_item (history, "（三）推进林权纠纷源头治理");

  g_assert_cmpint (fz_history_item_get_follow_up (equipment), ==, FZ_FOLLOW_NOT_MENTIONED);
  /* One statement found again is a mention, for the reviewer to judge:
   * never "done", though the passage gives figures. */
  g_assert_cmpint (fz_history_item_get_follow_up (advisers), ==, FZ_FOLLOW_MENTIONED);
  g_assert_nonnull (strstr (fz_history_item_get_current_text (advisers), "均已配备法律顾问"));
  g_assert_cmpint (fz_history_item_get_follow_up (forest), ==, FZ_FOLLOW_DONE);
  g_assert_nonnull (strstr (fz_history_item_get_current_text (forest), "山林权属争议"));

  g_assert_cmpuint (count_plan_findings (history, NULL), ==, 1);
  g_assert_cmpuint (count_plan_findings (history, "提升执法保障水平"), ==, 1);
}

/* Seed 000 (北坡镇's report on 2024) and a 2025 report of 北坡镇 written for
 * the test, which takes up (二) (干部 learn law on 湛江干部在线 and 学习强国)
 * and (四) (普法 in shops, schools and villages, and on WeChat groups and
 * the official account) in its own words, and (三) (执法 training) not. */
static void
test_plan_seed (void)
{
  g_autofree char *seeds = fz_test_corpus_dir ("seeds");
  g_autofree char *path = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzAnalysis) last = NULL;
  g_autoptr(FzAnalysis) current = NULL;
  g_autoptr(FzHistory) history = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  if (seeds == NULL)
    return;
  path = g_build_filename (seeds, "000_0b557e95e53b83c8.txt", NULL);
  doc = fz_test_import_path (path);
  last = fz_analysis_new (doc, fz_test_national ());
  current = fz_test_analyse_fixture ("history", "beipo-2025.txt");
  g_ptr_array_add (candidates, last);
  g_assert_cmpint (fz_history_find_previous (current, candidates), ==, 0);

  history = fz_history_new (last, NULL, current);
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_plan (history)), ==, 4);
  g_assert_cmpint (fz_history_item_get_follow_up (plan_item (history, "（二）重视培养干部法治思维能力")), !=,
                   FZ_FOLLOW_NOT_MENTIONED);
  g_assert_cmpint (fz_history_item_get_follow_up (plan_item (history, "（四）持续开展常态化法治宣传活动")), !=,
                   FZ_FOLLOW_NOT_MENTIONED);
  g_assert_cmpint (fz_history_item_get_follow_up (plan_item (history, "（三）注重提高综合行政执法水平")), ==,
                   FZ_FOLLOW_NOT_MENTIONED);
  g_assert_cmpuint (count_plan_findings (history, "重视培养干部法治思维能力"), ==, 0);
  g_assert_cmpuint (count_plan_findings (history, "持续开展常态化法治宣传活动"), ==, 0);
  g_assert_cmpuint (count_plan_findings (history, "注重提高综合行政执法水平"), ==, 1);
}

/* The memo's part on follow-through: a heading numbered in turn, and the
 * paragraph "history", which the reviewer may reword. */
static void
test_memo_part (void)
{
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("history", "songlin-2024.txt");
  g_autoptr(FzAnalysis) current = fz_test_analyse_fixture ("history", "songlin-2025.txt");
  g_autoptr(FzHistory) history = fz_history_new (last, NULL, current);
  g_autoptr(FzReview) review = fz_review_new (LAST_SHA, "songlin-2025.txt");
  FzMemoOptions options = { 0 };
  g_autoptr(FzMemo) plain = fz_memo_new (current, NULL);
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(FzMemo) reworded = NULL;
  FzMemoDocument *doc;
  const FzMemoBlock *paragraph = NULL, *heading = NULL;
  guint n_headings = 0;
  static const char * const ordinals[] = { "一、", "二、", "三、", "四、", "五、", "六、", "七、" };

  g_assert_null (fz_memo_document_find (fz_memo_get_document (plain), "history"));

  options.history = history;
  memo = fz_memo_new_full (current, NULL, &options);
  doc = fz_memo_get_document (memo);
  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (b->kind == FZ_MEMO_BLOCK_HEADING)
        {
          /* 一、二、… in order, whatever parts the letter has. */
          g_assert_cmpuint (n_headings, <, G_N_ELEMENTS (ordinals));
          g_assert_true (g_str_has_prefix (b->text, ordinals[n_headings]));
          n_headings++;
          heading = b;
        }
      if (g_strcmp0 (b->key, "history") == 0)
        {
          paragraph = b;
          g_assert_true (g_str_has_suffix (heading->text, "、上年度工作落实情况"));
        }
    }
  g_assert_nonnull (paragraph);
  /* Three items planned: (三) done, (二) mentioned, (一) not. */
  g_assert_nonnull (strstr (paragraph->text, "下一年度主要安排共3项"));
  g_assert_nonnull (strstr (paragraph->text, "已见落实1项"));
  g_assert_nonnull (strstr (paragraph->text, "有提及但未见具体成效1项"));
  g_assert_nonnull (strstr (paragraph->text, "未提及1项（“（一）提升执法保障水平”）"));
  g_assert_nonnull (strstr (paragraph->text, "《白水县松林乡人民政府关于2024年度法治政府建设情况的报告》"));
  g_assert_null (strstr (paragraph->text, ".txt"));

  fz_review_set_paragraph (review, "history", "上年度工作安排已基本落实。");
  reworded = fz_memo_new_full (current, review, &options);
  g_assert_cmpstr (fz_memo_document_find (fz_memo_get_document (reworded), "history")->text, ==,
                   "上年度工作安排已基本落实。");
  g_assert_cmpstr (fz_memo_get_default_text (reworded, "history"), ==, paragraph->text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/history/follow-up", test_follow_up);
  g_test_add_func ("/history/memo", test_memo);
  g_test_add_func ("/history/json", test_json);
  g_test_add_func ("/history/find-previous", test_find_previous);
  g_test_add_func ("/history/async", test_async);
  g_test_add_func ("/history/cli", test_cli);
  g_test_add_func ("/history/seeds", test_seeds);
  g_test_add_func ("/history/plan-statements", test_plan_statements);
  g_test_add_func ("/history/plan-seed", test_plan_seed);
  g_test_add_func ("/history/memo-part", test_memo_part);
  g_test_add_func ("/history/cli-memo", test_cli_memo);

  return fz_test_run ();
}
