/* test-checker.c: required elements found, or not, in fixture reports and the corpus
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-test-checker.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

static void
test_present (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-complete.txt", "national", 2024);
  const FzElementResult *causes;
  g_autofree char *heading = NULL;
  g_autofree char *sentence = NULL;

  for (guint i = 0; i < checked->results->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (checked->results, i);

      fz_test_assert_status (checked, result->id, FZ_STATUS_PRESENT);
      g_assert_cmpfloat (result->confidence, >=, 0.9);
      g_assert_cmpint (result->section, >=, 0);
    }

  causes = fz_test_find_result (checked, "causes");
  g_assert_cmpstr (causes->explanation, ==,
                   "在“三、2024年推进法治政府建设存在的不足和原因”中找到，"
                   "正文有原因分析（“主要是…”“由于…”）。");
  /* The heading, then the sentences that show the analysis. */
  heading = fz_test_evidence_text (checked, causes, 0);
  g_assert_cmpstr (heading, ==, "三、2024年推进法治政府建设存在的不足和原因");
  sentence = fz_test_evidence_text (checked, causes, 1);
  g_assert_true (g_str_has_prefix (sentence, "一是部分干部"));
  g_assert_true (g_str_has_suffix (sentence, "以案释法不够。"));

  /* Each section used is marked; a shared one by the element of higher
   * priority. */
  g_assert_cmpstr (fz_test_result_section (checked, causes)->element, ==, "shortcomings");
  g_assert_cmpstr (fz_test_result_section (checked, fz_test_find_result (checked, "next_year_plan"))->element,
                   ==, "next_year_plan");
  g_assert_null (((FzSection *) g_ptr_array_index (checked->sections, 1))->element);
}

static void
test_heading_only (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-heading-only.txt", "national", 2024);
  const FzElementResult *plan = fz_test_find_result (checked, "next_year_plan");

  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_PARTIAL);
  g_assert_cmpstr (plan->explanation, ==, "在“四、2025年工作安排”中找到。只有标题，未见具体内容。");
  g_assert_cmpstr (fz_test_result_section (checked, plan)->heading, ==, "2025年工作安排");
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
}

static void
test_sentence_only (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-sentence-only.txt", "national", 2024);
  const FzElementResult *frp = fz_test_find_result (checked, "first_responsible_person");
  g_autofree char *sentence = NULL;

  /* Only a sentence inside another part: a reviewer must look. */
  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PARTIAL);
  g_assert_cmpint (frp->section, ==, -1);
  fz_test_assert_explains (checked, "first_responsible_person", "只在“（一）加强组织领导”中提及");
  fz_test_assert_explains (checked, "first_responsible_person", "第一责任人职责");
  g_assert_cmpuint (frp->evidence->len, ==, 1);
  sentence = fz_test_evidence_text (checked, frp, 0);
  g_assert_cmpstr (sentence, ==, "镇党委书记切实履行推进法治建设第一责任人职责，带头学法用法。");

  /* Problems without causes: the causes are looked for in that section. */
  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "causes", FZ_STATUS_MISSING);
  fz_test_assert_explains (checked, "causes", "在“二、存在的问题”中也未见");
}

static void
test_missing (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-missing.txt", "national", 2024);
  const FzElementResult *plan = fz_test_find_result (checked, "next_year_plan");
  const FzElementResult *other = fz_test_find_result (checked, "other_matters");

  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_MISSING);
  g_assert_true (plan->required);
  g_assert_cmpint (plan->section, ==, -1);
  g_assert_cmpuint (plan->evidence->len, ==, 0);
  fz_test_assert_explains (checked, "next_year_plan", "下一年度推进法治政府建设的主要安排");

  /* Optional and absent: not a defect. */
  fz_test_assert_status (checked, "other_matters", FZ_STATUS_NOT_APPLICABLE);
  g_assert_false (other->required);
  fz_test_assert_explains (checked, "other_matters", "选报");
}

static void
test_shared_split (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-shared-split.txt", "national", 2023);
  const FzElementResult *shortcomings = fz_test_find_result (checked, "shortcomings");
  const FzElementResult *plan = fz_test_find_result (checked, "next_year_plan");

  /* "二、存在问题及下一步工作打算" serves both, but its sub-sections divide
   * it: each element is found in its own. */
  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_PRESENT);
  g_assert_cmpstr (fz_test_result_section (checked, shortcomings)->heading, ==, "存在问题");
  g_assert_cmpstr (fz_test_result_section (checked, plan)->heading, ==, "下一步工作打算");
  g_assert_cmpint (fz_test_result_section (checked, plan)->parent, ==,
                   fz_test_result_section (checked, shortcomings)->parent);
  /* The year check is skipped: the heading names no year. */
  fz_test_assert_explains (checked, "next_year_plan", "在“（二）下一步工作打算”中找到。");
}

static void
test_shared_flat (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-shared-flat.txt", "national", 2024);
  const FzElementResult *shortcomings = fz_test_find_result (checked, "shortcomings");
  const FzElementResult *causes = fz_test_find_result (checked, "causes");

  /* "二、存在的不足和原因" serves both elements at once. */
  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "causes", FZ_STATUS_PRESENT);
  g_assert_cmpint (shortcomings->section, ==, causes->section);
  g_assert_cmpstr (fz_test_result_section (checked, causes)->element, ==, "shortcomings");
  fz_test_assert_explains (checked, "causes", "正文有原因分析（“由于…”“导致…”）");
}

static void
test_year (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-year.txt", "national", 2024);
  g_autoptr(FzTestChecked) unknown_year = fz_test_check_fixture ("checker-year.txt", "national", 0);
  g_autoptr(FzTestChecked) earlier = fz_test_check_fixture ("checker-year.txt", "national", 2023);

  /* A plan headed with the report year itself. */
  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_NEEDS_REVIEW);
  fz_test_assert_explains (checked, "next_year_plan", "标题写的是2024年，报告年度为2024年，此处应为2025年");
  /* The measures heading names the report year, as it should. */
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);

  /* Without a report year nothing can be compared. */
  fz_test_assert_status (unknown_year, "next_year_plan", FZ_STATUS_PRESENT);

  /* For a report on 2023 the plan's year is right and the measures' wrong. */
  fz_test_assert_status (earlier, "next_year_plan", FZ_STATUS_PRESENT);
  fz_test_assert_status (earlier, "measures_and_results", FZ_STATUS_NEEDS_REVIEW);
}

static void
test_topical (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-topical.txt", "national", 2024);
  const FzElementResult *measures = fz_test_find_result (checked, "measures_and_results");
  g_autofree char *first = NULL;

  /* Topical parts before the shortcomings, about the 纲要's areas and with
   * substance under them, are the measures and results. */
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
  g_assert_cmpint (measures->section, ==, 0);
  fz_test_assert_explains (checked, "measures_and_results", "位于不足和安排之前");
  fz_test_assert_explains (checked, "measures_and_results", "“三、深化法治宣传教育”");
  g_assert_cmpuint (measures->evidence->len, ==, 3);
  first = fz_test_evidence_text (checked, measures, 0);
  g_assert_cmpstr (first, ==, "一、加强组织领导，压实法治建设责任");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (((FzSection *) g_ptr_array_index (checked->sections, i))->element, ==,
                     "measures_and_results");
  g_assert_cmpstr (((FzSection *) g_ptr_array_index (checked->sections, 3))->element, ==, "shortcomings");

  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_MISSING);
  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_PRESENT);
}






static void
test_nested (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-nested.txt", "national", 2024);

  /* "（三）着力解决存在的问题" is a measure, not the shortcomings part. */
  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_NEEDS_REVIEW);
  fz_test_assert_explains (checked, "shortcomings", "位于“一、2024年推进法治政府建设的主要举措和成效”之下");

  /* The first-responsible part may stand under the measures. */
  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_PRESENT);
}

static void
test_causes_subsection (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-causes-sub.txt", "national", 2024);
  const FzElementResult *shortcomings = fz_test_find_result (checked, "shortcomings");
  const FzElementResult *causes = fz_test_find_result (checked, "causes");

  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "causes", FZ_STATUS_PRESENT);
  g_assert_cmpstr (fz_test_result_section (checked, shortcomings)->heading, ==, "存在的问题");
  g_assert_cmpstr (fz_test_result_section (checked, causes)->heading, ==, "原因分析");
  g_assert_cmpstr (fz_test_result_section (checked, causes)->element, ==, "causes");
}

static void
test_deep (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-deep.txt", "national", 2024);
  const FzElementResult *frp = fz_test_find_result (checked, "first_responsible_person");

  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PARTIAL);
  g_assert_cmpuint (fz_test_result_section (checked, frp)->depth, ==, 3);
  fz_test_assert_explains (checked, "first_responsible_person", "这只是第3级小标题");
}

static void
test_weak (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-weak.txt", "national", 2024);
  const FzElementResult *measures = fz_test_find_result (checked, "measures_and_results");
  const FzElementResult *frp = fz_test_find_result (checked, "first_responsible_person");

  /* "党政主要负责人推进法治建设工作情况" is the first-responsible part; its
   * generic "…工作情况" does not make it the measures part as well. */
  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PRESENT);
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (measures->section, ==, frp->section);
  fz_test_assert_explains (checked, "measures_and_results", "请核对是否也涵盖本项");
  g_assert_cmpstr (fz_test_result_section (checked, frp)->element, ==, "first_responsible_person");
}

static void
test_guangdong (void)
{
  static const char * const order[] = {
    "xi_instructions_20th", "xi_thought_1310", "first_responsible_person",
    "measures_and_results", "shortcomings", "causes", "next_year_plan", "other_matters",
  };
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-guangdong.txt", "guangdong", 2024);
  g_autoptr(FzTestChecked) national = fz_test_check_fixture ("checker-guangdong.txt", "national", 2024);
  g_autoptr(FzTestChecked) plain = fz_test_check_fixture ("checker-complete.txt", "guangdong", 2024);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const FzElementResult *result = g_ptr_array_index (checked->results, i);

      g_assert_cmpstr (result->id, ==, order[i]);
      fz_test_assert_status (checked, order[i],
                     i + 1 < G_N_ELEMENTS (order) ? FZ_STATUS_PRESENT : FZ_STATUS_NOT_APPLICABLE);
    }
  fz_test_assert_explains (checked, "xi_thought_1310", "正文有省委“1310”具体部署");
  g_assert_cmpstr (fz_test_result_section (checked, fz_test_find_result (checked, "xi_thought_1310"))->element,
                   ==, "xi_thought_1310");

  /* The same report under the national rules has no Guangdong parts. */
  g_assert_cmpuint (national->results->len, ==, 6);
  fz_test_assert_status (national, "measures_and_results", FZ_STATUS_PRESENT);

  /* A report that does not follow the Guangdong structure. */
  fz_test_assert_status (plain, "xi_instructions_20th", FZ_STATUS_MISSING);
  fz_test_assert_status (plain, "xi_thought_1310", FZ_STATUS_MISSING);
  fz_test_assert_status (plain, "next_year_plan", FZ_STATUS_PRESENT);
}

static void
test_english (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(FzTestChecked) checked = NULL;
  const FzElementResult *causes;

  g_setenv ("LANGUAGE", "en", TRUE);
  checked = fz_test_check_fixture ("checker-sentence-only.txt", "national", 2024);
  g_setenv ("LANGUAGE", saved, TRUE);

  causes = fz_test_find_result (checked, "causes");
  g_assert_cmpstr (causes->name, ==, "Causes of the shortcomings");
  g_assert_cmpstr (causes->explanation, ==,
                   "There is no heading for it, and nothing about it under “二、存在的问题”.");
  fz_test_assert_explains (checked, "first_responsible_person", "it is only mentioned in “（一）加强组织领导”");
  fz_test_assert_explains (checked, "measures_and_results", "Found under “一、主要做法和成效”.");
}

/* A rule set of the user's own, with a back-reference that keeps its
 * headings from being joined, applied to text given directly. */
static void
test_custom_rules (void)
{
  static const char xml[] =
    "<ruleset id=\"custom\" version=\"1\">"
    "<name>自定义</name>"
    "<element id=\"summary\" min-body=\"5\">"
    "<name>工作总结</name>"
    "<heading>(总结)|(回顾)</heading>"
    "<heading>(年度)\\1</heading>"
    "<require in=\"body\" min=\"2\" label=\"数据\" message=\"未见具体数据\">[0-9]+(件|次|宗)</require>"
    "</element>"
    "<element id=\"risks\" min-body=\"5\">"
    "<name>风险</name>"
    "<heading>风险</heading>"
    "<evidence>风险|隐患</evidence>"
    "</element>"
    "</ruleset>";
  static const char text[] =
    "一、年度年度回顾\n"
    "全年办理案件12件，开展检查30次。\n"
    "二、其他\n"
    "部分领域仍有安全隐患，需要排查。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_data (xml, sizeof xml - 1, "custom.xml", &error);
  g_autoptr(FzDocument) document = fz_document_new_from_text (text, -1, "custom.txt");
  g_autoptr(GPtrArray) sections = fz_outline_build (document);
  g_autoptr(GPtrArray) results = NULL;
  const FzElementResult *summary, *risks;

  g_assert_no_error (error);
  g_assert_null (fz_ruleset_find_element (rules, "summary")->any_heading);

  results = fz_checker_run (rules, document, sections, NULL);
  summary = g_ptr_array_index (results, 0);
  risks = g_ptr_array_index (results, 1);

  g_assert_cmpint (summary->status, ==, FZ_STATUS_PRESENT);
  g_assert_nonnull (strstr (summary->explanation, "正文有数据（“12件…”“30次…”）"));
  g_assert_cmpint (risks->status, ==, FZ_STATUS_PARTIAL);
  g_assert_nonnull (strstr (risks->explanation, "“二、其他”"));
  g_assert_nonnull (strstr (risks->explanation, "“部分领域仍有安全隐患，需要排查”"));
}

static void
test_no_headings (void)
{
  static const char text[] =
    "2024年，本镇认真履行推进法治建设第一责任人职责，扎实推进法治政府建设。\n"
    "下一步，我们将继续加强执法队伍建设。\n";
  g_autoptr(FzDocument) document = fz_document_new_from_text (text, -1, "flat.txt");
  g_autoptr(FzTestChecked) checked = fz_test_check_document (document, "national", 2024);

  g_assert_cmpuint (checked->sections->len, ==, 0);
  fz_test_assert_status (checked, "measures_and_results", FZ_STATUS_MISSING);
  fz_test_assert_status (checked, "shortcomings", FZ_STATUS_MISSING);
  /* Causes are only looked for in the shortcomings part, which is absent. */
  fz_test_assert_status (checked, "causes", FZ_STATUS_MISSING);
  fz_test_assert_status (checked, "first_responsible_person", FZ_STATUS_PARTIAL);
  fz_test_assert_explains (checked, "first_responsible_person", "只在开头部分中提及");
  fz_test_assert_status (checked, "next_year_plan", FZ_STATUS_PARTIAL);
  fz_test_assert_status (checked, "other_matters", FZ_STATUS_NOT_APPLICABLE);
}

/* Marks describe the latest run only. */
static void
test_rerun (void)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", "checker-guangdong.txt", NULL);
  g_autoptr(FzDocument) document = fz_test_import_path (path);
  g_autoptr(GPtrArray) sections = fz_outline_build (document);
  g_autoptr(FzRuleSet) guangdong = fz_test_load_rules ("guangdong");
  g_autoptr(FzRuleSet) national = fz_test_load_rules ("national");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  FzMetadata meta = { 0 };

  meta.report_year = 2024;
  first = fz_checker_run (guangdong, document, sections, &meta);
  g_assert_cmpstr (((FzSection *) g_ptr_array_index (sections, 0))->element, ==, "xi_instructions_20th");

  /* Under the national set the same part is one of the year's work. */
  second = fz_checker_run (national, document, sections, &meta);
  g_assert_cmpstr (((FzSection *) g_ptr_array_index (sections, 0))->element, ==, "measures_and_results");
  g_assert_cmpstr (((FzSection *) g_ptr_array_index (sections, 2))->element, ==, "first_responsible_person");
}

static void
test_boxed (void)
{
  g_autoptr(FzTestChecked) checked = fz_test_check_fixture ("checker-sentence-only.txt", "national", 2024);
  const FzElementResult *result = fz_test_find_result (checked, "first_responsible_person");
  g_autoptr(FzElementResult) copy = fz_element_result_copy (result);
  GType type = fz_element_result_get_type ();

  g_assert_true (G_TYPE_IS_BOXED (type));
  g_assert_cmpstr (g_type_name (type), ==, "FzElementResult");

  g_assert_true (copy->id != result->id);
  g_assert_cmpstr (copy->id, ==, result->id);
  g_assert_cmpstr (copy->explanation, ==, result->explanation);
  g_assert_cmpint (copy->status, ==, result->status);
  g_assert_cmpint (copy->section, ==, result->section);
  g_assert_true (copy->evidence != result->evidence);
  g_assert_cmpuint (copy->evidence->len, ==, result->evidence->len);
  g_assert_cmpmem (copy->evidence->data, copy->evidence->len * sizeof (FzRange),
                   result->evidence->data, result->evidence->len * sizeof (FzRange));
}

typedef struct
{
  FzRuleSet  *rules;
  FzDocument *document;
  GPtrArray  *expected;           /* char *: "id status section" */
} ThreadJob;

static char *
describe_results (GPtrArray *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (results, i);

      g_string_append_printf (out, "%s %s %d %s\n", r->id, fz_status_to_string (r->status),
                              r->section, r->explanation);
    }

  return g_string_free (out, FALSE);
}

static gpointer
check_in_thread (gpointer data)
{
  ThreadJob *job = data;
  FzMetadata meta = { 0 };

  meta.report_year = 2022;
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GPtrArray) sections = fz_outline_build (job->document);
      g_autoptr(GPtrArray) results = fz_checker_run (job->rules, job->document, sections, &meta);
      g_autofree char *got = describe_results (results);

      g_assert_cmpstr (got, ==, g_ptr_array_index (job->expected, 0));
    }

  return NULL;
}

/* One immutable rule set shared by threads, as the CLI does. */
static void
test_threads (void)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", "checker-shared-split.txt", NULL);
  g_autoptr(FzDocument) document = fz_test_import_path (path);
  g_autoptr(FzTestChecked) reference = fz_test_check_document (document, "guangdong", 2022);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  ThreadJob job = { NULL, document, expected };
  GThread *threads[4];

  job.rules = fz_test_load_rules ("guangdong");
  g_ptr_array_add (expected, describe_results (reference->results));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("check", check_in_thread, &job);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_object_unref (job.rules);
}

/* The acceptance standard: every element line of the corpus's expected.tsv,
 * under both built-in rule sets. */
static void
test_corpus (void)
{
  g_autofree char *corpus = fz_test_corpus_dir (NULL);
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) fz_test_checked_free);
  g_autoptr(GString) mismatches = g_string_new (NULL);
  guint n_checked = 0;

  if (corpus == NULL)
    return;

  expectations = fz_test_load_expectations (corpus);
  g_assert_nonnull (expectations);

  /* The report years first: element lines of a seed may precede its meta. */
  for (guint i = 0; i < expectations->len; i++)
    {
      const FzTestExpectation *e = g_ptr_array_index (expectations, i);

      if (g_str_equal (e->kind, "meta") && g_str_equal (e->id, "report_year"))
        g_hash_table_insert (years, g_strdup (e->seed), GINT_TO_POINTER (atoi (e->expected)));
    }

  for (guint i = 0; i < expectations->len; i++)
    {
      const FzTestExpectation *e = g_ptr_array_index (expectations, i);
      g_auto(GStrv) allowed = NULL;
      const char *rules_name = "national";
      const char *id;
      g_autofree char *key = NULL;
      const FzTestChecked *checked;
      const FzElementResult *result;

      if (!g_str_equal (e->kind, "element"))
        continue;

      id = e->id;
      if (g_str_has_prefix (id, "gd:"))
        {
          rules_name = "guangdong";
          id += 3;
        }

      key = g_strconcat (e->seed, "\t", rules_name, NULL);
      checked = g_hash_table_lookup (checks, key);
      if (checked == NULL)
        {
          g_autofree char *path = g_build_filename (corpus, "seeds", e->seed, NULL);
          g_autoptr(FzDocument) document = fz_test_import_path (path);
          int year = GPOINTER_TO_INT (g_hash_table_lookup (years, e->seed));
          FzTestChecked *c = fz_test_check_document (document, rules_name, year);

          g_hash_table_insert (checks, g_strdup (key), c);
          checked = c;
        }

      result = fz_test_find_result (checked, id);
      allowed = g_strsplit (e->expected, "|", -1);
      if (!g_strv_contains ((const char * const *) allowed, fz_status_to_string (result->status)))
        g_string_append_printf (mismatches, "%s %s: %s, expected %s (%s)\n", e->seed, e->id,
                                fz_status_to_string (result->status), e->expected, result->explanation);
      else
        g_test_message ("%s %s: %s", e->seed, e->id, fz_status_to_string (result->status));
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpstr (mismatches->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The explanations asserted below are the Chinese ones. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/checker/corpus", test_corpus);
  g_test_add_func ("/checker/present", test_present);
  g_test_add_func ("/checker/heading-only", test_heading_only);
  g_test_add_func ("/checker/sentence-only", test_sentence_only);
  g_test_add_func ("/checker/missing", test_missing);
  g_test_add_func ("/checker/shared/split", test_shared_split);
  g_test_add_func ("/checker/shared/flat", test_shared_flat);
  g_test_add_func ("/checker/year", test_year);
  g_test_add_func ("/checker/topical", test_topical);
  g_test_add_func ("/checker/nested", test_nested);
  g_test_add_func ("/checker/causes-subsection", test_causes_subsection);
  g_test_add_func ("/checker/deep", test_deep);
  g_test_add_func ("/checker/weak", test_weak);
  g_test_add_func ("/checker/guangdong", test_guangdong);
  g_test_add_func ("/checker/english", test_english);
  g_test_add_func ("/checker/custom-rules", test_custom_rules);
  g_test_add_func ("/checker/no-headings", test_no_headings);
  g_test_add_func ("/checker/rerun", test_rerun);
  g_test_add_func ("/checker/boxed", test_boxed);
  g_test_add_func ("/checker/threads", test_threads);

  return g_test_run ();
}
