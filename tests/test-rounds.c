/* test-rounds.c: round two of a review — a first and a revised version
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "fz-rounds-private.h"
#include "fz-test-utils.h"

#define FIRST_SHA  "1111111111111111111111111111111111111111111111111111111111111111"
#define SECOND_SHA "2222222222222222222222222222222222222222222222222222222222222222"

static guint
offset_of (FzDocument *doc,
           const char *needle)
{
  const char *text = fz_document_get_text (doc);
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

/* The first round's review: what a reviewer would have written. */
static FzReview *
first_review (FzAnalysis *first,
              const char *sha256)
{
  FzDocument *doc = fz_analysis_get_document (first);
  FzReview *review = fz_review_new (sha256, "liuxi-first.txt");
  guint at;

  at = offset_of (doc, "压实压实");
  fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“压实”重复");
  at = offset_of (doc, "审核合同37份");
  fz_review_add_annotation (review, doc, at, at + 7, FZ_ANNOTATION_DOUBT, "合同数与上年差异大");
  fz_review_set_rectification (review,
                               "1.补充党政主要负责人履行推进法治建设第一责任人职责情况；"
                               "2.分析存在不足的原因。\n"
                               "3.核实“审核合同37份”的数据。\n"
                               "4.规范标点符号");
  /* Overruled: the machine finds the measures present. */
  fz_review_set_decision (review, "measures_and_results", FZ_STATUS_PARTIAL, "成效缺少数据对比");
  return review;
}

static FzRoundPoint *
point_by_key (FzRounds   *rounds,
              const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) point = g_list_model_get_item (G_LIST_MODEL (rounds), i);

      if (g_str_equal (fz_round_point_get_key (point), key))
        return point;
    }
  g_error ("no point “%s”", key);
  return NULL;
}

static FzRoundPoint *
point_by_prefix (FzRounds    *rounds,
                 FzPointKind  kind,
                 const char  *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) point = g_list_model_get_item (G_LIST_MODEL (rounds), i);

      if (fz_round_point_get_kind (point) == kind && g_str_has_prefix (fz_round_point_get_text (point), text))
        return point;
    }
  g_error ("no point “%s”", text);
  return NULL;
}

static void
check_state (FzRoundPoint *point,
             FzPointState  state)
{
  if (fz_round_point_get_state (point) != state)
    g_error ("point %s (%s) is %s, not %s: %s", fz_round_point_get_key (point), fz_round_point_get_text (point),
             fz_point_state_to_string (fz_round_point_get_state (point)), fz_point_state_to_string (state),
             fz_round_point_get_explanation (point));
}

static void
test_split_requests (void)
{
  g_auto(GStrv) items = _fz_rounds_split_requests ("一、补充第一责任人履职情况；二是分析原因。\n\n（三）规范标点符号;4.核实数据\n  ");
  g_auto(GStrv) none = _fz_rounds_split_requests ("");

  g_assert_cmpuint (g_strv_length (items), ==, 4);
  g_assert_cmpstr (items[0], ==, "补充第一责任人履职情况");
  g_assert_cmpstr (items[1], ==, "分析原因");
  g_assert_cmpstr (items[2], ==, "规范标点符号");
  g_assert_cmpstr (items[3], ==, "核实数据");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_points (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = first_review (first, FIRST_SHA);
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, review, second, NULL);
  FzRoundPoint *point;
  guint start, end;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rounds)) == FZ_TYPE_ROUND_POINT);

  /* Elements the revision added. */
  point = point_by_key (rounds, "element:causes");
  g_assert_cmpint (fz_round_point_get_kind (point), ==, FZ_POINT_ELEMENT);
  check_state (point, FZ_POINT_RESOLVED);
  g_assert_true (g_str_has_prefix (fz_round_point_get_text (point), "缺少“"));
  point = point_by_key (rounds, "element:first_responsible_person");
  check_state (point, FZ_POINT_RESOLVED);
  fz_round_point_get_second_place (point, &start, &end);
  {
    g_autofree char *heading = fz_document_dup_range (fz_analysis_get_document (second), start, end);

    g_assert_cmpstr (heading, ==, "二、党政主要负责人履行推进法治建设第一责任人职责情况");
  }

  /* The reviewer overruled the machine's "present": the machine saying
   * it again resolves nothing; the section was edited, so: have a look. */
  point = point_by_key (rounds, "element:measures_and_results");
  check_state (point, FZ_POINT_CHANGED);
  g_assert_nonnull (strstr (fz_round_point_get_text (point), "成效缺少数据对比"));

  /* Kinds of findings: the repeated word fixed, the comma not. */
  check_state (point_by_key (rounds, "finding:repeated_word"), FZ_POINT_RESOLVED);
  point = point_by_key (rounds, "finding:punct_halfwidth");
  check_state (point, FZ_POINT_OPEN);
  fz_round_point_get_first_place (point, &start, &end);
  g_assert_cmpuint (end, ==, start + 1);
  /* Notes are not points. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) p = g_list_model_get_item (G_LIST_MODEL (rounds), i);

      g_assert_cmpstr (fz_round_point_get_key (p), !=, "finding:outline_coverage");
    }

  /* Annotations: the passage rewritten, the passage untouched. */
  check_state (point_by_prefix (rounds, FZ_POINT_ANNOTATION, "【问题】“压实”重复"), FZ_POINT_CHANGED);
  point = point_by_prefix (rounds, FZ_POINT_ANNOTATION, "【存疑】");
  check_state (point, FZ_POINT_OPEN);
  fz_round_point_get_second_place (point, &start, &end);
  {
    g_autofree char *passage = fz_document_dup_range (fz_analysis_get_document (second), start, end);

    g_assert_cmpstr (passage, ==, "审核合同37份");
  }

  /* Requests: two name elements now present, one quotes a passage still
   * there, one cannot be judged by a machine. */
  point = point_by_key (rounds, "rectification:1");
  g_assert_cmpstr (fz_round_point_get_text (point), ==, "补充党政主要负责人履行推进法治建设第一责任人职责情况");
  check_state (point, FZ_POINT_RESOLVED);
  check_state (point_by_key (rounds, "rectification:2"), FZ_POINT_RESOLVED);
  check_state (point_by_key (rounds, "rectification:3"), FZ_POINT_OPEN);
  check_state (point_by_key (rounds, "rectification:4"), FZ_POINT_CHANGED);

  g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_RESOLVED) + fz_rounds_count (rounds, FZ_POINT_OPEN) +
                    fz_rounds_count (rounds, FZ_POINT_CHANGED), ==, g_list_model_get_n_items (G_LIST_MODEL (rounds)));
  g_assert_cmpuint (fz_rounds_get_n_confirmed (rounds), ==, 0);
}

/* Nothing changed: nothing is resolved. */
static void
test_unchanged (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) again = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzReview) review = first_review (first, FIRST_SHA);
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, review, again, NULL);
  g_auto(GStrv) memo = fz_rounds_dup_memo_paragraphs (rounds);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rounds)), >, 8);
  g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_RESOLVED), ==, 0);
  g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_CHANGED), ==, 0);
  g_assert_nonnull (strstr (memo[0], "仍未整改"));
  g_assert_null (strstr (memo[0], "已整改"));
  g_assert_true (g_str_has_prefix (memo[1], "仍未整改的问题："));
}

static void
test_machine_only (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, NULL, second, NULL);
  g_autoptr(FzReview) orphan = fz_review_new (SECOND_SHA, "liuxi-revised.txt");
  g_autoptr(FzRounds) with_second = fz_rounds_new (first, NULL, second, orphan);
  g_autoptr(FzRoundPoint) any = g_list_model_get_item (G_LIST_MODEL (with_second), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) p = g_list_model_get_item (G_LIST_MODEL (rounds), i);

      g_assert_true (fz_round_point_get_kind (p) == FZ_POINT_ELEMENT || fz_round_point_get_kind (p) == FZ_POINT_FINDING);
    }
  check_state (point_by_key (rounds, "element:causes"), FZ_POINT_RESOLVED);
  /* Without a first review there is no first report to link to. */
  g_assert_false (fz_rounds_confirm (with_second, any, FZ_POINT_OPEN));
  g_assert_null (fz_review_get_previous_round (orphan, NULL));
}

static void
notified (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_confirm (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review1 = first_review (first, FIRST_SHA);
  g_autoptr(FzReview) review2 = fz_review_new (SECOND_SHA, "liuxi-revised.txt");
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, review1, second, review2);
  g_autoptr(FzReview) reread = NULL;
  g_autoptr(FzRounds) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  FzRoundPoint *point = point_by_key (rounds, "rectification:4");
  const char *name = NULL;
  guint state_notes = 0, count_notes = 0;
  gsize len;

  g_signal_connect (point, "notify::state", G_CALLBACK (notified), &state_notes);
  g_signal_connect (rounds, "notify::n-resolved", G_CALLBACK (notified), &count_notes);

  g_assert_true (fz_rounds_confirm (rounds, point, FZ_POINT_RESOLVED));
  check_state (point, FZ_POINT_RESOLVED);
  g_assert_cmpint (fz_round_point_get_proposed_state (point), ==, FZ_POINT_CHANGED);
  g_assert_true (fz_round_point_get_confirmed (point));
  g_assert_cmpuint (state_notes, ==, 1);
  g_assert_cmpuint (count_notes, ==, 1);
  g_assert_cmpuint (fz_rounds_get_n_confirmed (rounds), ==, 1);
  g_assert_cmpstr (fz_review_get_previous_round (review2, &name), ==, FIRST_SHA);
  g_assert_cmpstr (name, ==, "liuxi-first.txt");
  g_assert_cmpstr (fz_review_get_point_state (review2, "rectification:4", NULL), ==, "resolved");

  /* An open point confirmed open, one resolved then taken back. */
  g_assert_true (fz_rounds_confirm (rounds, point_by_key (rounds, "finding:punct_halfwidth"), FZ_POINT_OPEN));
  g_assert_true (fz_rounds_confirm (rounds, point_by_key (rounds, "element:causes"), FZ_POINT_RESOLVED));
  fz_rounds_unconfirm (rounds, point_by_key (rounds, "element:causes"));
  g_assert_null (fz_review_get_point_state (review2, "element:causes", NULL));
  g_assert_false (fz_round_point_get_confirmed (point_by_key (rounds, "element:causes")));

  /* Kept in the review file, read back into a new round; a version that
   * would drop it leaves the file alone. */
  data = fz_review_to_data (review2, &len);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, data, len, NULL));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "version"),
                     ==, FZ_REVIEW_FORMAT_VERSION);
    g_assert_cmpint (FZ_REVIEW_FORMAT_VERSION, >, 1);
  }
  reread = fz_review_new_from_data (data, len, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_previous_round (reread, NULL), ==, FIRST_SHA);
  again = fz_rounds_new (first, review1, second, reread);
  g_assert_cmpuint (fz_rounds_get_n_confirmed (again), ==, 2);
  check_state (point_by_key (again, "rectification:4"), FZ_POINT_RESOLVED);
  g_assert_true (fz_round_point_get_confirmed (point_by_key (again, "finding:punct_halfwidth")));

  /* Against another first round, those confirmations do not count. */
  {
    g_autoptr(FzReview) other_first = first_review (first, SECOND_SHA);
    g_autoptr(FzRounds) other = fz_rounds_new (first, other_first, second, reread);

    g_assert_cmpuint (fz_rounds_get_n_confirmed (other), ==, 0);
    g_assert_true (fz_rounds_confirm (other, point_by_key (other, "rectification:1"), FZ_POINT_OPEN));
    /* Linking to it dropped the old ones. */
    g_assert_null (fz_review_get_point_state (reread, "rectification:4", NULL));
    g_assert_cmpstr (fz_review_get_previous_round (reread, NULL), ==, SECOND_SHA);
  }

  /* The log says who confirmed what. */
  {
    GPtrArray *log = fz_review_get_log (review2);
    gboolean seen = FALSE;

    for (guint i = 0; i < log->len; i++)
      {
        const FzReviewChange *c = g_ptr_array_index (log, i);

        if (g_str_equal (c->what, "point:rectification:4") && g_strcmp0 (c->new_value, "resolved") == 0)
          seen = TRUE;
      }
    g_assert_true (seen);
  }
}

static void
test_review_file (void)
{
  const char *bad =
    "{\"format\":\"fazhi-review\",\"version\":1,\"report\":{\"sha256\":\"" SECOND_SHA "\",\"name\":\"x\"},"
    "\"ruleset\":null,\"reviewer\":\"\",\"opinion\":\"\",\"rectification\":\"\",\"deadline\":null,"
    "\"decisions\":[],\"annotations\":[],\"round\":{\"previous_sha256\":\"" FIRST_SHA "\","
    "\"points\":[{\"key\":\"element:causes\",\"state\":\"fixed\",\"time\":null}]},\"log\":[]}";
  g_autoptr(FzReview) plain = fz_review_new (SECOND_SHA, "x");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReview) refused = NULL;

  /* A review without a second round is written as before. */
  data = fz_review_to_data (plain, NULL);
  g_assert_null (strstr (data, "\"round\""));

  refused = fz_review_new_from_data (bad, strlen (bad), "bad.fzreview", &error);
  g_assert_null (refused);
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A review file from elsewhere taken in place ("Open review…" while the
   * revised report is open) brings its round with it. */
  {
    g_autoptr(FzReview) incoming = fz_review_new (SECOND_SHA, "x");
    g_autofree char *incoming_data = NULL;
    g_autoptr(FzReview) read_back = NULL;
    const char *name = NULL;

    fz_review_set_previous_round (incoming, FIRST_SHA, "first.docx");
    fz_review_set_point_state (incoming, "element:causes", "resolved");
    incoming_data = fz_review_to_data (incoming, NULL);
    read_back = fz_review_new_from_data (incoming_data, strlen (incoming_data), "in.fzreview", &error);
    g_assert_no_error (error);

    fz_review_replace (plain, read_back);
    g_assert_cmpstr (fz_review_get_previous_round (plain, &name), ==, FIRST_SHA);
    g_assert_cmpstr (name, ==, "first.docx");
    g_assert_cmpstr (fz_review_get_point_state (plain, "element:causes", NULL), ==, "resolved");
  }
}

static void
test_memo (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = first_review (first, FIRST_SHA);
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, review, second, NULL);
  g_auto(GStrv) memo = fz_rounds_dup_memo_paragraphs (rounds);
  g_autofree char *counts = g_strdup_printf ("首次审查提出的%u项问题中，已整改%u项，仍未整改%u项，有改动但尚需核实%u项。",
                                             g_list_model_get_n_items (G_LIST_MODEL (rounds)),
                                             fz_rounds_count (rounds, FZ_POINT_RESOLVED),
                                             fz_rounds_count (rounds, FZ_POINT_OPEN),
                                             fz_rounds_count (rounds, FZ_POINT_CHANGED));

  g_assert_cmpuint (g_strv_length (memo), ==, 4);
  g_assert_true (g_str_has_prefix (memo[0], "经与首次报送稿《青禾县柳溪镇人民政府关于2024年度法治政府建设情况的报告》对照，"));
  g_assert_true (g_str_has_suffix (memo[0], counts));
  g_assert_true (g_str_has_prefix (memo[1], "已整改的问题：1.缺少“上一年度推进法治政府建设存在不足的原因”；2."));
  g_assert_true (g_str_has_prefix (memo[2], "仍未整改的问题：1."));
  g_assert_true (g_str_has_suffix (memo[2], "。请继续整改。"));
  g_assert_true (g_str_has_prefix (memo[3], "有改动但尚需核实的问题：1."));
  g_assert_nonnull (strstr (memo[3], "规范标点符号"));
}

/* The second memo: a part of its own on the first round's points, each
 * state a paragraph the reviewer may reword, following the confirmations. */
static void
test_memo_part (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = first_review (first, FIRST_SHA);
  g_autoptr(FzReview) second_review = fz_review_new (SECOND_SHA, "liuxi-revised.txt");
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, review, second, second_review);
  g_autoptr(FzMemo) plain = fz_memo_new (second, second_review);
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(FzMemo) confirmed = NULL;
  g_autoptr(JsonNode) facts = NULL;
  g_autofree char *json = NULL;
  FzMemoOptions options = { 0 };
  FzMemoDocument *doc;
  const FzMemoBlock *summary, *resolved, *open, *changed, *heading;
  FzRoundPoint *comma = point_by_key (rounds, "finding:punct_halfwidth");
  static const char * const order[] = { "rounds:summary", "rounds:resolved", "rounds:open", "rounds:changed" };
  guint last = 0;

  g_assert_null (fz_memo_document_find (fz_memo_get_document (plain), "rounds:summary"));

  options.rounds = rounds;
  memo = fz_memo_new_full (second, second_review, &options);
  doc = fz_memo_get_document (memo);
  summary = fz_memo_document_find (doc, "rounds:summary");
  resolved = fz_memo_document_find (doc, "rounds:resolved");
  open = fz_memo_document_find (doc, "rounds:open");
  changed = fz_memo_document_find (doc, "rounds:changed");
  g_assert_nonnull (summary);
  g_assert_nonnull (resolved);
  g_assert_nonnull (open);
  g_assert_nonnull (changed);

  /* Under its own heading, right after the overall opinion. */
  heading = fz_test_block_before (doc, "rounds:summary", FZ_MEMO_BLOCK_HEADING);
  g_assert_cmpstr (heading->text, ==, "二、首次审查意见整改情况");
  g_assert_nonnull (fz_memo_document_find (doc, "opinion"));
  /* In the order resolved, open, changed, after the summary. */
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
      if (g_strcmp0 (fz_memo_document_get_block (doc, i)->key, order[k]) == 0)
        {
          g_assert_cmpuint (i, >, last);
          last = i;
        }

  g_assert_true (g_str_has_prefix (summary->text, "经与首次报送稿《青禾县柳溪镇人民政府关于2024年度法治政府建设情况的报告》对照，"));
  /* The first request's element is there now; the contracts' figure is
   * unchanged; the punctuation was touched. */
  g_assert_true (g_str_has_prefix (resolved->text, "已整改的问题："));
  g_assert_nonnull (strstr (resolved->text, "补充党政主要负责人履行推进法治建设第一责任人职责情况"));
  g_assert_true (g_str_has_prefix (open->text, "仍未整改的问题："));
  g_assert_nonnull (strstr (open->text, "核实“审核合同37份”的数据"));
  g_assert_nonnull (strstr (open->text, fz_round_point_get_text (comma)));
  g_assert_true (g_str_has_suffix (open->text, "请继续整改。"));
  g_assert_nonnull (strstr (changed->text, "规范标点符号"));
  g_assert_null (strstr (summary->text, ".txt"));

  json = fz_memo_to_json (memo);
  facts = json_from_string (json, NULL);
  {
    JsonObject *r = json_object_get_object_member (json_object_get_object_member (json_node_get_object (facts), "facts"),
                                                   "rounds");
    guint n_open = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
      {
        g_autoptr(FzRoundPoint) p = g_list_model_get_item (G_LIST_MODEL (rounds), i);

        n_open += fz_round_point_get_state (p) == FZ_POINT_OPEN;
      }
    g_assert_cmpint (json_object_get_int_member (r, "open"), ==, n_open);
    g_assert_cmpint (json_object_get_int_member (r, "points"), ==, g_list_model_get_n_items (G_LIST_MODEL (rounds)));
  }

  /* The reviewer finds the commas fixed after all: the memo says so. */
  g_assert_true (fz_rounds_confirm (rounds, comma, FZ_POINT_RESOLVED));
  confirmed = fz_memo_new_full (second, second_review, &options);
  doc = fz_memo_get_document (confirmed);
  g_assert_null (strstr (fz_memo_document_find (doc, "rounds:open")->text, fz_round_point_get_text (comma)));
  g_assert_nonnull (strstr (fz_memo_document_find (doc, "rounds:resolved")->text, fz_round_point_get_text (comma)));
}

static void
test_async (void)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzReview) review = first_review (first, FIRST_SHA);
  g_autoptr(FzRounds) sync = fz_rounds_new (first, review, second, NULL);
  g_autoptr(FzRounds) rounds = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fz_rounds_new_async (first, review, second, NULL, NULL, fz_test_keep_result, &result);
  rounds = fz_rounds_new_finish (fz_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rounds)), ==, g_list_model_get_n_items (G_LIST_MODEL (sync)));
  g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_RESOLVED), ==, fz_rounds_count (sync, FZ_POINT_RESOLVED));
  g_assert_true (fz_rounds_get_first_review (rounds) == review);
}

/* fazhi-check --resubmission-of=FIRST REPORT, with the first review in
 * the store. */
static void
test_cli (void)
{
  g_autofree char *first_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-first.txt", NULL);
  g_autofree char *second_path = g_build_filename (TESTDATADIR, "rounds", "liuxi-revised.txt", NULL);
  g_autofree char *arg = g_strconcat ("--resubmission-of=", first_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (first_path);
  g_autofree char *sha = NULL;
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report, *resub;
  JsonArray *points;
  gboolean saw_open_request = FALSE;

  sha = fz_review_hash_file (file, NULL, &error);
  g_assert_no_error (error);
  review = first_review (first, sha);
  g_assert_true (fz_review_save (review, &error));

  {
    const char *args[] = { "--format=json", arg, second_path, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  report = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "reports"), 0);
  points = json_object_get_array_member (report, "rounds");
  resub = json_object_get_object_member (report, "resubmission");
  g_assert_cmpuint (json_array_get_length (points), ==, 13);
  g_assert_true (json_object_get_boolean_member (resub, "first_reviewed"));
  g_assert_cmpint (json_object_get_int_member (resub, "resolved") + json_object_get_int_member (resub, "open") +
                   json_object_get_int_member (resub, "changed"), ==, 13);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (resub, "memo")), ==, 4);
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *p = json_array_get_object_element (points, i);
      const char *kind = json_object_get_string_member (p, "kind");
      const char *state = json_object_get_string_member (p, "state");

      g_assert_true (g_strv_contains ((const char *[]) { "element", "finding", "annotation", "rectification", NULL }, kind));
      g_assert_true (g_strv_contains ((const char *[]) { "resolved", "open", "changed", NULL }, state));
      g_assert_nonnull (json_object_get_string_member (p, "text"));
      if (g_str_equal (kind, "rectification") && g_str_equal (state, "open"))
        saw_open_request = TRUE;
    }
  g_assert_true (saw_open_request);

  /* More than one report: a usage error. */
  {
    const char *args[] = { arg, second_path, first_path, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 2);
  }
}

/* Each seed against itself: nothing fixed, nothing claimed fixed. */
static void
test_seeds (void)
{
  g_autoptr(GPtrArray) analyses = fz_test_analyse_seeds ();

  if (analyses == NULL)
    return;
  for (guint i = 0; i < analyses->len; i++)
    {
      FzAnalysis *a = g_ptr_array_index (analyses, i);
      FzDocument *doc = fz_analysis_get_document (a);
      g_autoptr(FzAnalysis) b = fz_analysis_new (doc, fz_test_national ());
      g_autoptr(FzRounds) rounds = fz_rounds_new (a, NULL, b, NULL);

      g_test_message ("%s: %u points, all still open", fz_document_get_display_name (doc), g_list_model_get_n_items (G_LIST_MODEL (rounds)));
      g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_RESOLVED), ==, 0);
      g_assert_cmpuint (fz_rounds_count (rounds, FZ_POINT_CHANGED), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/rounds/split-requests", test_split_requests);
  g_test_add_func ("/rounds/points", test_points);
  g_test_add_func ("/rounds/unchanged", test_unchanged);
  g_test_add_func ("/rounds/machine-only", test_machine_only);
  g_test_add_func ("/rounds/confirm", test_confirm);
  g_test_add_func ("/rounds/review-file", test_review_file);
  g_test_add_func ("/rounds/memo", test_memo);
  g_test_add_func ("/rounds/memo-part", test_memo_part);
  g_test_add_func ("/rounds/async", test_async);
  g_test_add_func ("/rounds/cli", test_cli);
  g_test_add_func ("/rounds/seeds", test_seeds);

  return fz_test_run ();
}
