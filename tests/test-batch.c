/* test-batch.c: a year's reports at once — matrix, grades, copies, ledger
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fz-test-utils.h"
#include "libfazhi.h"

#define BATCH_DIR TESTDATADIR "/batch"

static GThread *main_thread;

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  guint      n_done_notifies;
} Wait;

static void
analysed (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  fz_batch_analyse_finish (FZ_BATCH (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  Wait *wait = user_data;

  /* Progress must arrive on the caller's thread. */
  g_assert_true (g_thread_self () == main_thread);
  wait->n_done_notifies++;
}

static guint
run_batch (FzBatch *batch)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, 0 };
  gulong id = g_signal_connect (batch, "notify::n-done", G_CALLBACK (count_notify), &wait);

  fz_batch_analyse_async (batch, NULL, analysed, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_signal_handler_disconnect (batch, id);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (fz_batch_get_n_done (batch), ==, fz_batch_get_n_total (batch));

  return wait.n_done_notifies;
}

static FzBatch *
fixture_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(GFile) reports = g_file_new_for_path (BATCH_DIR "/reports");
  g_autoptr(GFile) previous = g_file_new_for_path (BATCH_DIR "/previous");
  FzBatch *batch;

  batch = fz_batch_new (rules);
  /* Six reports, one in a subfolder; the hidden file and the picture are
   * skipped. */
  g_assert_cmpuint (fz_batch_add_folder (batch, reports, FALSE, NULL, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_batch_add_folder (batch, previous, TRUE, NULL, &error), ==, 1);
  g_assert_no_error (error);
  /* Adding the same folder again adds nothing. */
  g_assert_cmpuint (fz_batch_add_folder (batch, reports, FALSE, NULL, &error), ==, 0);

  return batch;
}

static FzStatus
status_of (FzBatchEntry *entry,
           const char   *id)
{
  FzStatus status;

  g_assert_true (fz_batch_entry_get_status (entry, id, &status));
  return status;
}

static gboolean
copy_between (FzBatch    *batch,
              const char *a,
              const char *b)
{
  GPtrArray *copies = fz_batch_get_copies (batch);

  for (guint i = 0; i < copies->len; i++)
    {
      const FzBatchCopy *copy = g_ptr_array_index (copies, i);
      const char *x = fz_batch_entry_get_display_name (copy->a);
      const char *y = fz_batch_entry_get_display_name (copy->b);

      if ((g_str_equal (x, a) && g_str_equal (y, b)) || (g_str_equal (x, b) && g_str_equal (y, a)))
        return TRUE;
    }

  return FALSE;
}

/* Each copy finding of @entry names @other, and its text is the entry's own. */
static void
assert_copy_findings (FzBatchEntry *entry,
                      const char   *other)
{
  GPtrArray *findings = fz_batch_entry_get_copy_findings (entry);
  FzDocument *doc = fz_analysis_get_document (fz_batch_entry_get_analysis (entry));

  g_assert_cmpuint (findings->len, >=, 1);
  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *text = fz_document_dup_range (doc, f->start, f->end);

      g_assert_cmpstr (f->id, ==, "copy_overlap");
      g_assert_cmpint (f->severity, ==, FZ_SEVERITY_WARNING);
      g_assert_nonnull (strstr (f->message, other));
      g_assert_cmpstr (f->text, ==, text);
    }
}

static void
count_changed (guint *count)
{
  (*count)++;
}

static void
test_fixtures (void)
{
  g_autoptr(FzBatch) batch = fixture_batch ();
  GListModel *entries = fz_batch_get_entries (batch);
  FzBatchEntry *a, *b, *c, *d, *e, *f;
  g_autofree char *summary = NULL;
  guint notifies;

  notifies = run_batch (batch);
  g_assert_cmpuint (fz_batch_get_n_total (batch), ==, 7);
  g_assert_cmpuint (notifies, >=, 2);  /* reset to 0, then progress */

  a = fz_test_find_entry (entries, "a-qingshan.txt");
  b = fz_test_find_entry (entries, "b-baishui.txt");
  c = fz_test_find_entry (entries, "c-hongqiao.txt");
  d = fz_test_find_entry (entries, "d-liutang.txt");
  e = fz_test_find_entry (entries, "e-songlin.txt");
  f = fz_test_find_entry (entries, "f-empty.txt");

  /* The row of the matrix */
  g_assert_cmpstr (fz_batch_entry_get_unit (a), ==, "青山镇人民政府");
  g_assert_cmpint (fz_batch_entry_get_year (a), ==, 2024);
  g_assert_cmpint (fz_batch_entry_get_level (a), ==, FZ_LEVEL_TOWNSHIP);
  g_assert_cmpstr (fz_batch_entry_get_date (a), ==, "2025-02-20");
  g_assert_cmpstr (fz_batch_entry_get_title (b), ==, "白水镇人民政府关于2024年度法治政府建设情况的报告");

  for (guint i = 0; i < 2; i++)
    {
      FzBatchEntry *complete = i == 0 ? a : e;

      g_assert_cmpint (status_of (complete, "measures_and_results"), ==, FZ_STATUS_PRESENT);
      g_assert_cmpint (status_of (complete, "shortcomings"), ==, FZ_STATUS_PRESENT);
      g_assert_cmpint (status_of (complete, "causes"), ==, FZ_STATUS_PRESENT);
      g_assert_cmpint (status_of (complete, "first_responsible_person"), ==, FZ_STATUS_PRESENT);
      g_assert_cmpint (status_of (complete, "next_year_plan"), ==, FZ_STATUS_PRESENT);
    }
  g_assert_cmpint (status_of (c, "shortcomings"), ==, FZ_STATUS_PRESENT);
  g_assert_cmpint (status_of (c, "causes"), ==, FZ_STATUS_MISSING);
  g_assert_cmpint (status_of (d, "shortcomings"), ==, FZ_STATUS_MISSING);
  g_assert_cmpint (status_of (d, "causes"), ==, FZ_STATUS_MISSING);
  g_assert_cmpint (status_of (d, "next_year_plan"), ==, FZ_STATUS_MISSING);
  g_assert_cmpint (status_of (d, "first_responsible_person"), ==, FZ_STATUS_PRESENT);

  /* One unreadable file does not stop the batch. */
  g_assert_cmpint (fz_batch_entry_get_state (f), ==, FZ_BATCH_ENTRY_FAILED);
  g_assert_error ((GError *) fz_batch_entry_get_error (f), FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (f), ==, FZ_GRADE_NONE);
  g_assert_null (fz_batch_entry_get_analysis (f));

  /* The planted copies, and nothing between reports that share only
   * slogans and headings (e-songlin is full of them). */
  g_assert_cmpuint (fz_batch_get_copies (batch)->len, ==, 2);
  g_assert_true (copy_between (batch, "a-qingshan.txt", "b-baishui.txt"));
  g_assert_true (copy_between (batch, "c-hongqiao.txt", "c-hongqiao-2023.txt"));
  assert_copy_findings (a, "b-baishui.txt");
  assert_copy_findings (b, "a-qingshan.txt");
  assert_copy_findings (c, "c-hongqiao-2023.txt");
  g_assert_cmpuint (fz_batch_entry_get_copy_findings (d)->len, ==, 0);
  g_assert_cmpuint (fz_batch_entry_get_copy_findings (e)->len, ==, 0);
  g_assert_nonnull (strstr (((FzFinding *) g_ptr_array_index (fz_batch_entry_get_copy_findings (a), 0))->text,
                            "调解工作室"));
  g_assert_cmpuint (fz_batch_entry_get_n_findings (a, FZ_SEVERITY_WARNING), >=, 1);

  /* Grades: complete and clean; complete but copied; one part missing and
   * copied from last year; three parts missing. */
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (e), ==, FZ_GRADE_EXCELLENT);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (a), ==, FZ_GRADE_FAIR);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (b), ==, FZ_GRADE_FAIR);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (c), ==, FZ_GRADE_POOR);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (d), ==, FZ_GRADE_POOR);

  summary = fz_batch_dup_summary (batch);
  g_assert_true (g_str_has_prefix (summary, "6 reports: 2 lack "));
  /* Partial elements are told too: "none lacks" must never read as "all have". */
  g_assert_nonnull (strstr (summary, "1 only partly covers "));
  g_assert_nonnull (strstr (summary, "1 could not be read"));
  g_assert_nonnull (strstr (summary, "2 pairs share passages"));

  /* The reviewer's decision moves the grade at once; an override wins. */
  {
    FzStatus present = FZ_STATUS_PRESENT;
    guint changed = 0;
    gulong id = g_signal_connect_swapped (c, "changed", G_CALLBACK (count_changed), &changed);

    fz_batch_entry_set_decision (c, "causes", &present);
    g_assert_cmpuint (changed, ==, 1);
    g_assert_cmpint (status_of (c, "causes"), ==, FZ_STATUS_PRESENT);
    g_assert_cmpint (fz_batch_entry_get_suggested_grade (c), ==, FZ_GRADE_FAIR);
    fz_batch_entry_set_decision (c, "causes", NULL);
    g_assert_cmpint (fz_batch_entry_get_suggested_grade (c), ==, FZ_GRADE_POOR);
    g_assert_cmpuint (changed, ==, 2);
    g_signal_handler_disconnect (c, id);
    fz_batch_entry_set_grade_override (c, FZ_GRADE_GOOD);
    g_assert_cmpint (fz_batch_entry_get_grade (c), ==, FZ_GRADE_GOOD);
  }
}

/* A title line first: the body is what the detector compares. */
static FzDocument *
doc_from (const char *text)
{
  g_autofree char *report = g_strconcat ("某镇人民政府关于2024年度法治政府建设情况的报告\n\n", text, "\n", NULL);

  return fz_document_new_from_text (report, -1, "test.txt");
}

/* Two unrelated reports built almost wholly of stock phrases. */
static void
test_stock_only (void)
{
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  const char *texts[] = {
    "2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面依法治国。"
    "我们认真落实《法治政府建设实施纲要（2021－2025年）》，坚持严格规范公正文明执法。"
    "县长认真履行推进法治建设第一责任人职责，增强四个意识、坚定四个自信、做到两个维护。"
    "防汛抗旱指挥部修订了应急预案，汛期前组织了三次实战演练。",
    "2024年，我区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面依法治国。"
    "我们认真落实《法治政府建设实施纲要（2021－2025年）》，坚持严格规范公正文明执法。"
    "区长认真履行推进法治建设第一责任人职责，增强四个意识、坚定四个自信、做到两个维护。"
    "区教育局新建两所公办幼儿园，新增学位九百个。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(FzDocument) doc = doc_from (texts[i]);

      g_ptr_array_add (prints, fz_copy_fingerprint_new (doc, FALSE));
    }
  /* Only the last sentence of each is the report's own. */
  g_assert_cmpuint (fz_copy_fingerprint_get_n_sentences (g_ptr_array_index (prints, 0)), ==, 1);

  pairs = fz_copy_detect (prints, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 0);
}

/* Three reports share a passage, last year's two share another: the
 * reference pair is not reported, and a passage copied by more reports
 * than the batch allows is stock. */
static void
test_detect_rules (void)
{
  const char *own[] = {
    "镇水利站对全镇二十三座小型水库逐一开展安全鉴定，对发现的三处渗漏隐患全部完成整治。",
    "县市场监管局在农贸市场推行电子秤统一管理，缺斤短两的投诉比上年减少了一半以上。",
    "街道社区卫生服务中心为辖区六十五岁以上老人建立健康档案，签约家庭医生服务覆盖率持续提升。",
    "乡里组织农技人员下村指导春耕生产，推广水稻集中育秧技术面积超过三千亩。",
  };
  const char *shared =
    "我们把法律明白人培养工程作为基层普法的重要抓手，每个村遴选三至五名群众威望高的村民进行集中培训。"
    "培训结业的法律明白人在调解邻里纠纷、宣传惠民政策等方面发挥了积极作用，受到群众普遍欢迎。";
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *text = g_strconcat (own[i], i < 2 ? shared : "", NULL);
      g_autoptr(FzDocument) doc = doc_from (text);

      /* 0 and 1 are last year's */
      g_ptr_array_add (prints, fz_copy_fingerprint_new (doc, i < 2));
    }
  g_ptr_array_add (prints, NULL);  /* an unreadable file */

  pairs = fz_copy_detect (prints, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 0);
  g_clear_pointer (&pairs, g_ptr_array_unref);

  /* Now report 2 copies the passage from last year's 0 and 1. */
  {
    g_autofree char *text = g_strconcat (own[2], shared, NULL);
    g_autoptr(FzDocument) doc = doc_from (text);
    const FzCopyPair *pair;
    const FzCopyPassage *passage;

    g_ptr_array_remove_index (prints, 2);
    g_ptr_array_insert (prints, 2, fz_copy_fingerprint_new (doc, FALSE));

    pairs = fz_copy_detect (prints, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pairs->len, ==, 2);
    pair = g_ptr_array_index (pairs, 0);
    g_assert_cmpuint (pair->a, ==, 0);
    g_assert_cmpuint (pair->b, ==, 2);
    g_assert_cmpuint (pair->passages->len, ==, 1);
    passage = &g_array_index (pair->passages, FzCopyPassage, 0);
    g_assert_cmpuint (passage->n_sentences, ==, 2);
    {
      g_autofree char *a_text = fz_document_dup_range (fz_copy_fingerprint_get_document (g_ptr_array_index (prints, 0)),
                                                       passage->a_start, passage->a_end);
      g_autofree char *b_text = fz_document_dup_range (fz_copy_fingerprint_get_document (g_ptr_array_index (prints, 2)),
                                                       passage->b_start, passage->b_end);

      g_assert_cmpstr (a_text, ==, shared);
      g_assert_cmpstr (b_text, ==, shared);
    }
    g_assert_cmpfloat (passage->similarity, ==, 1.0);
    g_clear_pointer (&pairs, g_ptr_array_unref);
  }

  /* Report 3 has it too: four reports of five share it now, more than a
   * batch this size allows (3), so it is stock text of the year. */
  {
    g_autofree char *text = g_strconcat (own[3], shared, NULL);
    g_autoptr(FzDocument) doc = doc_from (text);

    g_ptr_array_remove_index (prints, 3);
    g_ptr_array_insert (prints, 3, fz_copy_fingerprint_new (doc, FALSE));
    pairs = fz_copy_detect (prints, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pairs->len, ==, 0);
  }
}

/* What real files throw at the detector: no punctuation at all, only
 * numbers or punctuation, characters outside the BMP, a very long line. */
static void
test_odd_input (void)
{
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_line = g_string_new (NULL);
  const char *odd[] = {
    "。。。。。！！！？？？；；；",
    "1234567890 3.14159 2024-12-31 100% 12345678901234567890",
    "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑𠀒𠀓𠀔𠀕𠀖𠀗 😀😀😀😀😀😀😀😀😀😀😀",
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰ abcdefghijklmnop",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(FzDocument) doc = doc_from (odd[i]);

      g_ptr_array_add (prints, fz_copy_fingerprint_new (doc, FALSE));
    }

  /* A 30,000-character paragraph without a full stop, in two reports: one
   * sentence, long enough to be a passage on its own. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (long_line, "第%u号网格员每天巡查辖区道路", i);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FzDocument) doc = doc_from (long_line->str);

      g_ptr_array_add (prints, fz_copy_fingerprint_new (doc, FALSE));
    }

  pairs = fz_copy_detect (prints, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpuint (((FzCopyPair *) g_ptr_array_index (pairs, 0))->a, ==, 4);
  g_assert_cmpuint (((FzCopyPair *) g_ptr_array_index (pairs, 0))->b, ==, 5);
}

static void
test_seeds (void)
{
  g_autofree char *seeds_path = fz_test_corpus_dir ("seeds");
  g_autoptr(GFile) seeds = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(FzBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  const FzBatchCopy *copy;
  const char *a, *b;

  if (seeds_path == NULL)
    return;

  seeds = g_file_new_for_path (seeds_path);
  rules = fz_test_load_rules ("national");
  batch = fz_batch_new (rules);
  g_assert_cmpuint (fz_batch_add_folder (batch, seeds, FALSE, NULL, &error), ==, 5);
  g_assert_no_error (error);
  run_batch (batch);

  /* Two of the seeds (Henan 2023 and Guangdong 2024) tell their 普法
   * campaign in nearly the same sentences; nothing else is shared beyond
   * slogans and the headings every report has. */
  g_assert_cmpuint (fz_batch_get_copies (batch)->len, ==, 1);
  copy = g_ptr_array_index (fz_batch_get_copies (batch), 0);
  a = fz_batch_entry_get_display_name (copy->a);
  b = fz_batch_entry_get_display_name (copy->b);
  g_assert_true (g_str_has_prefix (a, "002_"));
  g_assert_true (g_str_has_prefix (b, "004_"));
  g_assert_cmpuint (copy->passages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (copy->a_texts, 0), "网络诈骗"));
  g_assert_nonnull (strstr (g_ptr_array_index (copy->b_texts, 0), "网络诈骗"));
}

static char *
expected_header (FzBatch *batch)
{
  FzRuleSet *rules = fz_batch_get_ruleset (batch);
  GString *s = g_string_new ("File,Unit,Level,Report year,Title,Date");

  for (guint i = 0; i < fz_ruleset_get_n_elements (rules); i++)
    g_string_append_printf (s, ",%s", fz_rule_element_get_display_name (fz_ruleset_get_element (rules, i)));
  g_string_append (s, ",Errors,Warnings,Notes,Copied passages,Suggested grade,Grade,Confirmed,"
                  "Score,Score band,Received,Channel,Filed on time,Published,Published at,Column,Published on time,"
                  "Reviewer,Could not be read\r\n");

  return g_string_free (s, FALSE);
}

/* The summary memo: a row per report named by its unit, how far the
 * reviewers got, the shared passages, the grades; written like a report's
 * memo, and refused as JSON. */
static void
test_summary_memo (void)
{
  g_autoptr(FzBatch) batch = fixture_batch ();
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(FzMemo) reviewed = NULL;
  g_autoptr(GBytes) md = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  FzMemoOptions options = { .unit = "青禾县司法局" };
  GListModel *entries;
  const char *text;

  run_batch (batch);
  memo = fz_memo_new_for_batch_full (batch, &options);
  g_assert_cmpint (fz_batch_get_year (batch), ==, 2024);
  g_assert_cmpstr (fz_memo_get_heading (memo), ==, "关于2024年度法治政府建设年度报告的汇总审查意见");

  md = fz_memo_render (memo, FZ_MEMO_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (md, NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "二、逐份审查结论"));
  g_assert_nonnull (strstr (text, "四、雷同段落"));
  g_assert_nonnull (strstr (text, "青禾县司法局"));
  /* Nobody decided anything yet, and the memo says so. */
  g_assert_nonnull (strstr (text, "审核情况：均为系统初审结果，尚未人工审核"));
  g_assert_null (strstr (text, "系统初审，未经人工审查"));
  entries = fz_batch_get_entries (batch);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      const char *unit = fz_batch_entry_get_unit (entry);

      g_assert_nonnull (strstr (text, unit != NULL ? unit : fz_batch_entry_get_display_name (entry)));
    }
  /* The planted copy between two units is named by the units, not the
   * files. */
  g_assert_cmpuint (fz_batch_get_copies (batch)->len, >, 0);
  {
    const FzBatchCopy *copy = g_ptr_array_index (fz_batch_get_copies (batch), 0);
    const char *section = strstr (text, "四、雷同段落");

    g_assert_nonnull (strstr (section, fz_batch_entry_get_unit (copy->a)));
    g_assert_null (strstr (section, fz_batch_entry_get_display_name (copy->a)));
  }

  docx = fz_memo_render (memo, FZ_MEMO_FORMAT_DOCX, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (docx, NULL), "PK", 2) == 0);

  json = fz_memo_render (memo, FZ_MEMO_FORMAT_JSON, &error);
  g_assert_null (json);
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  /* Once a report is decided in full, the memo counts it as reviewed. */
  {
    g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, 0);
    FzRuleSet *rules = fz_batch_get_ruleset (batch);
    g_autoptr(GBytes) again = NULL;

    for (guint e = 0; e < fz_ruleset_get_n_elements (rules); e++)
      if (fz_ruleset_get_element (rules, e)->required)
        {
          FzStatus status = FZ_STATUS_PRESENT;

          fz_batch_entry_set_decision (entry, fz_ruleset_get_element (rules, e)->id, &status);
        }
    g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, fz_batch_entry_get_n_required (entry));
    reviewed = fz_memo_new_for_batch_full (batch, &options);
    again = fz_memo_render (reviewed, FZ_MEMO_FORMAT_MARKDOWN, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (g_bytes_get_data (again, NULL), "已逐项人工审核1份"));
  }
}

/* A report about another year is flagged, and a batch of mixed years is
 * titled by no year. */
static void
test_off_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", &error);
  g_autofree char *dir = g_dir_make_tmp ("fazhi-years-XXXXXX", &error);
  g_autofree char *old_path = g_build_filename (dir, "old.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(FzBatch) split = fz_batch_new (rules);
  g_autoptr(GFile) a = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
  g_autoptr(GFile) b = g_file_new_for_path (BATCH_DIR "/reports/b-baishui.txt");
  g_autoptr(GFile) old = NULL;
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(FzMemo) split_memo = NULL;
  g_autoptr(GBytes) md = NULL;
  FzBatchEntry *entry_old;

  g_assert_true (g_file_get_contents (BATCH_DIR "/reports/c-hongqiao.txt", &text, NULL, &error));
  {
    g_autoptr(GString) older = g_string_new (text);

    g_string_replace (older, "2024", "2022", 0);
    g_string_replace (older, "2025", "2023", 0);
    g_assert_true (g_file_set_contents (old_path, older->str, -1, &error));
  }
  old = g_file_new_for_path (old_path);

  fz_batch_add_file (batch, a, FALSE);
  fz_batch_add_file (batch, b, FALSE);
  entry_old = fz_batch_add_file (batch, old, FALSE);
  /* Asked before any report is read, the batch has no year yet; the
   * answer kept meanwhile gives way to the reports' own. */
  g_assert_cmpint (fz_batch_get_year (batch), ==, 0);
  g_assert_false (fz_batch_is_off_year (batch, entry_old));
  run_batch (batch);
  g_assert_cmpint (fz_batch_entry_get_year (entry_old), ==, 2022);
  g_assert_cmpint (fz_batch_get_year (batch), ==, 2024);
  g_assert_true (fz_batch_is_off_year (batch, entry_old));
  memo = fz_memo_new_for_batch (batch);
  g_assert_cmpstr (fz_memo_get_heading (memo), ==, "关于2024年度法治政府建设年度报告的汇总审查意见");
  md = fz_memo_render (memo, FZ_MEMO_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (md, NULL), "另有1份不是本年度的报告"));
  g_assert_nonnull (strstr (g_bytes_get_data (md, NULL), "红桥镇人民政府（2022年度）"));

  /* Half and half: no year is the batch's. */
  fz_batch_add_file (split, a, FALSE);
  run_batch (split);
  g_assert_cmpint (fz_batch_get_year (split), ==, 2024);
  fz_batch_add_file (split, old, FALSE);
  run_batch (split);
  g_assert_cmpint (fz_batch_get_year (split), ==, 0);
  split_memo = fz_memo_new_for_batch (split);
  g_assert_cmpstr (fz_memo_get_heading (split_memo), ==, "关于法治政府建设年度报告的汇总审查意见");

  g_unlink (old_path);
  g_rmdir (dir);
}

static void
test_ledger_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", &error);
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(GFile) a = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
  g_autoptr(GFile) f = g_file_new_for_path (BATCH_DIR "/reports/f-empty.txt");
  g_autofree char *csv = NULL;
  g_autofree char *header = NULL;
  g_autofree char *expected = NULL;

  fz_batch_add_file (batch, a, FALSE);
  fz_batch_add_file (batch, f, FALSE);
  fz_batch_set_reviewer (batch, "Li, \"Wei\"");
  run_batch (batch);

  csv = fz_ledger_to_csv (batch);
  header = expected_header (batch);
  expected = g_strconcat ("\xEF\xBB\xBF", header,
                          "a-qingshan.txt,青山镇人民政府,Township,2024,"
                          "青山镇人民政府关于2024年度法治政府建设情况的报告,2025-02-20,"
                          "Present,Present,Present,Present,Present,Present,"
                          /* A short report: its shortcomings part is thin
                           * (weak_problems) and it covers few task areas. */
                          "0,1,1,0,excellent,excellent,0/5,"
                          /* The national table takes weak_problems' 4 from
                           * 内容翔实准确; no filing recorded. */
                          "96,Excellent,,,,,,,,"
                          "\"Li, \"\"Wei\"\"\",\r\n"
                          "f-empty.txt,,,,,,,,,,,,,,,,,,,,,,,,,,,,\"Li, \"\"Wei\"\"\","
                          "Cannot open “f-empty.txt”: The file is empty.\r\n",
                          NULL);
  g_assert_cmpstr (csv, ==, expected);

  /* A grade the reviewer changes shows up in the ledger. */
  {
    g_autoptr(FzBatchEntry) entry = g_list_model_get_item (fz_batch_get_entries (batch), 0);
    g_autofree char *changed = NULL;

    fz_batch_entry_set_grade_override (entry, FZ_GRADE_GOOD);
    changed = fz_ledger_to_csv (batch);
    g_assert_nonnull (strstr (changed, ",excellent,good,"));

    /* The reviewer the report's own review names is the row's. */
    g_clear_pointer (&changed, g_free);
    fz_batch_entry_set_reviewer (entry, "青禾县司法局 张审查");
    changed = fz_ledger_to_csv (batch);
    g_assert_nonnull (strstr (changed, ",青禾县司法局 张审查,\r\n"));
  }
}

static void
test_ledger_xlsx (void)
{
  g_autoptr(FzBatch) batch = fixture_batch ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-ledger-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "ledger.txt", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *types = NULL;
  guint rows = 0;

  g_assert_no_error (error);
  run_batch (batch);
  fz_batch_set_reviewer (batch, "王审查");

  g_assert_true (fz_ledger_write (batch, path, &error));
  g_assert_no_error (error);

  types = fz_test_read_zip_member (path, "[Content_Types].xml");
  g_assert_nonnull (types);
  sheet = fz_test_read_zip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (sheet);
  for (const char *p = sheet; (p = strstr (p, "<row ")) != NULL; p++)
    rows++;
  g_assert_cmpuint (rows, ==, 7);  /* the header and six reports */
  g_assert_nonnull (strstr (sheet, "青山镇人民政府"));
  g_assert_nonnull (strstr (sheet, "王审查"));
  g_assert_nonnull (strstr (sheet, "Missing"));

  /* Unknown extension: a clear message, nothing written. */
  g_assert_false (fz_ledger_write (batch, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_cancel (void)
{
  g_autoptr(FzBatch) batch = fixture_batch ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FzBatchEntry) entry = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, 0 };

  g_cancellable_cancel (cancellable);
  fz_batch_analyse_async (batch, cancellable, analysed, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);

  /* Nothing was read, nothing is marked as failed. */
  entry = g_list_model_get_item (fz_batch_get_entries (batch), 0);
  g_assert_cmpint (fz_batch_entry_get_state (entry), ==, FZ_BATCH_ENTRY_PENDING);
  g_assert_cmpuint (fz_batch_get_copies (batch)->len, ==, 0);

  /* The batch can run again afterwards. */
  run_batch (batch);
  g_assert_cmpint (fz_batch_entry_get_state (entry), ==, FZ_BATCH_ENTRY_DONE);
  g_assert_cmpuint (fz_batch_get_copies (batch)->len, ==, 2);
}

static void
test_save_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", &error);
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(FzBatch) restored = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-batch-XXXXXX", &error);
  g_autofree char *copy_path = g_build_filename (dir, "copy.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) save = NULL;
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) a = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
  g_autoptr(GFile) prev = g_file_new_for_path (BATCH_DIR "/previous/c-hongqiao-2023.txt");
  g_autoptr(GFile) missing = g_file_new_for_path (BATCH_DIR "/no-such-report.txt");
  g_autoptr(FzBatchEntry) first = NULL;
  g_autoptr(FzBatchEntry) second = NULL;
  FzStatus partial = FZ_STATUS_PARTIAL, status;
  g_autofree char *save_dir = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (BATCH_DIR "/reports/b-baishui.txt", &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, -1, &error));

  fz_batch_add_file (batch, a, FALSE);
  fz_batch_add_file (batch, copy, FALSE);
  fz_batch_add_file (batch, missing, FALSE);
  fz_batch_add_file (batch, prev, TRUE);
  fz_batch_set_reviewer (batch, "王审查");
  run_batch (batch);

  /* A file that does not exist is one more failed row. */
  {
    g_autoptr(FzBatchEntry) gone = g_list_model_get_item (fz_batch_get_entries (batch), 2);

    g_assert_error ((GError *) fz_batch_entry_get_error (gone), FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NOT_FOUND);
  }

  first = g_list_model_get_item (fz_batch_get_entries (batch), 0);
  fz_batch_entry_set_grade_override (first, FZ_GRADE_GOOD);
  fz_batch_entry_set_decision (first, "causes", &partial);
  g_clear_object (&first);

  save_dir = fz_batch_get_default_dir ();
  g_assert_true (g_str_has_prefix (save_dir, g_get_user_data_dir ()));
  save = g_file_new_build_filename (dir, "batches", "2024.json", NULL);
  g_assert_true (fz_batch_save (batch, save, &error));
  g_assert_no_error (error);
  /* Saving again replaces the file. */
  g_assert_true (fz_batch_save (batch, save, &error));
  g_assert_no_error (error);

  restored = fz_batch_load (save, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_batch_get_reviewer (restored), ==, "王审查");
  g_assert_cmpuint (g_list_model_get_n_items (fz_batch_get_entries (restored)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (fz_batch_get_references (restored)), ==, 1);
  first = g_list_model_get_item (fz_batch_get_entries (restored), 0);
  g_assert_true (g_file_equal (fz_batch_entry_get_file (first), a));
  g_assert_cmpint (fz_batch_entry_get_grade_override (first), ==, FZ_GRADE_GOOD);
  g_assert_nonnull (fz_batch_entry_get_sha256 (first));
  g_assert_cmpuint (strlen (fz_batch_entry_get_sha256 (first)), ==, 64);

  /* The report changes on disk after saving; the restored batch says so. */
  g_assert_true (g_file_set_contents (copy_path, "白水镇人民政府关于2024年度法治政府建设情况的报告\n\n改过了。\n", -1, &error));
  run_batch (restored);
  g_assert_true (fz_batch_entry_get_status (first, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_false (fz_batch_entry_get_changed (first));
  second = g_list_model_get_item (fz_batch_get_entries (restored), 1);
  g_assert_true (fz_batch_entry_get_changed (second));

  /* Not a saved batch */
  {
    g_autoptr(GFile) report = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
    g_autoptr(FzBatch) none = fz_batch_load (report, NULL, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "a-qingshan.txt"));
    g_clear_error (&error);
  }

  g_assert_true (g_file_delete (save, NULL, NULL));
  {
    g_autoptr(GFile) parent = g_file_get_parent (save);

    g_file_delete (parent, NULL, NULL);
  }
  g_unlink (copy_path);
  g_rmdir (dir);
}

static JsonObject *
report_named (JsonArray  *reports,
              const char *suffix)
{
  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *o = json_array_get_object_element (reports, i);

      if (g_str_has_suffix (json_object_get_string_member (o, "file"), suffix))
        return o;
    }

  g_error ("no report %s", suffix);
  return NULL;
}

static guint
count_copy_findings (JsonObject *report)
{
  JsonArray *findings = json_object_get_array_member (report, "findings");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (findings, i), "id"),
                     "copy_overlap"))
      n++;

  return n;
}

/* fazhi-check writes the summary memo too, and says why it cannot. */
static void
test_cli_summary_memo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.md", NULL);
  g_autofree char *arg = g_strconcat ("--summary-memo=", path, NULL);
  g_autofree char *json_arg = g_strconcat ("--summary-memo=", dir, "/summary.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *md = NULL;
  const char *args[] = { arg, BATCH_DIR "/reports/a-qingshan.txt", BATCH_DIR "/reports/b-baishui.txt", NULL };
  const char *json_args[] = { json_arg, BATCH_DIR "/reports/a-qingshan.txt", NULL };

  g_assert_no_error (error);
  g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &md, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "汇总审查意见"));
  g_assert_nonnull (strstr (md, "青山镇"));
  g_assert_nonnull (strstr (md, "四、雷同段落"));

  g_assert_cmpint (fz_test_run_cli (json_args, &out, &err), ==, 4);
  g_assert_nonnull (strstr (err, ".json"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-cli-XXXXXX", &error);
  g_autofree char *ledger = g_build_filename (dir, "ledger.csv", NULL);
  g_autofree char *ledger_arg = g_strconcat ("--ledger=", ledger, NULL);
  g_autofree char *out = NULL, *err = NULL, *csv = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "--format=json", ledger_arg, "--previous=" BATCH_DIR "/previous",
                         BATCH_DIR "/reports", NULL };
  JsonObject *root, *batch, *a;
  JsonArray *reports, *copies;

  g_assert_no_error (error);

  /* The empty file makes it exit 3; every other report is there. */
  g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 3);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "fazhi-check/1");
  reports = json_object_get_array_member (root, "reports");
  g_assert_cmpuint (json_array_get_length (reports), ==, 6);
  a = report_named (reports, "/a-qingshan.txt");
  g_assert_cmpuint (count_copy_findings (a), ==, 1);
  g_assert_cmpuint (count_copy_findings (report_named (reports, "/b-baishui.txt")), ==, 1);
  g_assert_cmpuint (count_copy_findings (report_named (reports, "/c-hongqiao.txt")), ==, 1);
  g_assert_cmpuint (count_copy_findings (report_named (reports, "/e-songlin.txt")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (a, "grade"), ==, "fair");
  g_assert_cmpstr (json_object_get_string_member (report_named (reports, "/e-songlin.txt"), "grade"), ==, "excellent");
  g_assert_true (json_object_get_null_member (report_named (reports, "/f-empty.txt"), "grade"));
  g_assert_nonnull (json_object_get_object_member (report_named (reports, "/f-empty.txt"), "error"));

  batch = json_object_get_object_member (root, "batch");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (batch, "summary"), "6 reports: "));
  copies = json_object_get_array_member (batch, "copies");
  g_assert_cmpuint (json_array_get_length (copies), ==, 2);
  {
    JsonObject *pair = json_array_get_object_element (copies, 1);
    JsonObject *passage = json_array_get_object_element (json_object_get_array_member (pair, "passages"), 0);

    g_assert_true (g_str_has_suffix (json_object_get_string_member (pair, "b"), "c-hongqiao-2023.txt"));
    g_assert_true (json_object_get_boolean_member (pair, "b_previous"));
    g_assert_nonnull (strstr (json_object_get_string_member (passage, "a_text"), "法治文化长廊"));
  }

  g_assert_true (g_file_get_contents (ledger, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "File,"));
  g_assert_nonnull (strstr (csv, "a-qingshan.txt,青山镇人民政府,"));
  g_unlink (ledger);

  /* Text output lists the copies among the findings, then the summary. */
  {
    const char *text_args[] = { BATCH_DIR "/reports/a-qingshan.txt", BATCH_DIR "/reports/b-baishui.txt", NULL };
    g_autofree char *text = NULL, *text_err = NULL;

    g_assert_cmpint (fz_test_run_cli (text_args, &text, &text_err), ==, 0);
    g_assert_nonnull (strstr (text, "closely matches the report b-baishui.txt"));
    g_assert_nonnull (strstr (text, "2 reports: "));
  }

  /* A ledger that cannot be written is a usage error with a message. */
  {
    const char *bad_args[] = { "--ledger=/nonexistent-dir/ledger.xlsx", BATCH_DIR "/reports/a-qingshan.txt", NULL };
    g_autofree char *bad_out = NULL, *bad_err = NULL;

    g_assert_cmpint (fz_test_run_cli (bad_args, &bad_out, &bad_err), ==, 2);
    g_assert_nonnull (strstr (bad_err, "ledger.xlsx"));
  }

  g_rmdir (dir);
}

/* Under a Chinese locale the ledger's header and the summary are Chinese. */
static void
test_cli_chinese (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-cli-XXXXXX", &error);
  g_autofree char *ledger = g_build_filename (dir, "台账.csv", NULL);
  g_autofree char *ledger_arg = g_strconcat ("--ledger=", ledger, NULL);
  g_autofree char *out = NULL, *err = NULL, *csv = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { FAZHI_CHECK, ledger_arg, BATCH_DIR "/reports/a-qingshan.txt",
                         BATCH_DIR "/reports/b-baishui.txt", NULL };
  int status;

  g_assert_no_error (error);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_nonnull (strstr (out, "2 份报告：无报告缺少必备要素；1 对报告存在雷同段落；建议等次：一般 2 份。"));
  g_assert_nonnull (strstr (out, "该段文字与报告 b-baishui.txt 高度雷同"));
  g_assert_true (g_file_get_contents (ledger, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "文件,"));
  g_assert_nonnull (strstr (csv, ",层级,报告年度,标题,成文日期,"));
  /* The grades, the confirmed count, then the score: no filing
   * recorded, no reviewer, no error. */
  g_assert_nonnull (strstr (csv, ",一般,一般,0/5,"));
  g_assert_nonnull (strstr (csv, ",得分,评分等次,收文日期,"));
  g_assert_nonnull (strstr (csv, ",,,,,,,,,\r\n"));

  g_unlink (ledger);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected texts are the English msgids. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANG");

  g_test_init (&argc, &argv, NULL);
  fz_init ();
  main_thread = g_thread_self ();

  g_test_add_func ("/batch/fixtures", test_fixtures);
  g_test_add_func ("/batch/stock-only", test_stock_only);
  g_test_add_func ("/batch/detect-rules", test_detect_rules);
  g_test_add_func ("/batch/odd-input", test_odd_input);
  g_test_add_func ("/batch/seeds", test_seeds);
  g_test_add_func ("/batch/ledger-csv", test_ledger_csv);
  g_test_add_func ("/batch/summary-memo", test_summary_memo);
  g_test_add_func ("/batch/off-year", test_off_year);
  g_test_add_func ("/batch/ledger-xlsx", test_ledger_xlsx);
  g_test_add_func ("/batch/cancel", test_cancel);
  g_test_add_func ("/batch/save-restore", test_save_restore);
  g_test_add_func ("/batch/cli", test_cli);
  g_test_add_func ("/batch/cli-summary-memo", test_cli_summary_memo);
  g_test_add_func ("/batch/cli-chinese", test_cli_chinese);

  return g_test_run ();
}
