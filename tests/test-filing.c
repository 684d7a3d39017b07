/* test-filing.c: filing and publication — the record, the deadlines, the
 * review that keeps them, the batch, the ledger and fazhi-check
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fz-test-utils.h"

#define assert_points(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 0.001)

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static char *
score_fixture (const char *name)
{
  return g_build_filename (TESTDATADIR, "score", name, NULL);
}

static FzAnalysis *
analyse_fixture (const char *name,
                 FzRuleSet  *rules)
{
  g_autofree char *path = score_fixture (name);
  g_autoptr(FzDocument) doc = fz_test_import_path (path);

  return fz_analysis_new (doc, rules);
}

static void
count_changes (FzFiling   *filing,
               const char *property,
               const char *old_value,
               const char *new_value,
               GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s:%s→%s", property, old_value ? old_value : "",
                                         new_value ? new_value : ""));
}

/* The record */

static void
test_record (void)
{
  g_autoptr(FzFiling) filing = fz_filing_new ();
  g_autoptr(FzFiling) copy = fz_filing_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_signal_connect (filing, "changed", G_CALLBACK (count_changes), log);
  g_assert_true (fz_filing_is_empty (filing));

  g_assert_true (fz_filing_set_received (filing, "2025-02-27", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fz_filing_get_received (filing), ==, "2025-02-27");

  /* Not dates: refused, and nothing changes. */
  g_assert_false (fz_filing_set_received (filing, "2025-2-27", &error));
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_filing_set_published (filing, "2025-02-30", &error));
  g_clear_error (&error);
  g_assert_false (fz_filing_set_channel (filing, "pigeon", &error));
  g_clear_error (&error);
  g_assert_cmpstr (fz_filing_get_received (filing), ==, "2025-02-27");
  g_assert_null (fz_filing_get_published (filing));

  g_assert_true (fz_filing_set_channel (filing, FZ_FILING_CHANNEL_EXCHANGE, NULL));
  fz_filing_set_published_url (filing, "  http://www.example.gov.cn/a.html ");
  fz_filing_set_published_column (filing, "法治政府建设年度报告");
  /* Empty text clears; the same value again is no change. */
  fz_filing_set_published_column (filing, "法治政府建设年度报告");
  g_assert_cmpstr (fz_filing_get_published_url (filing), ==, "http://www.example.gov.cn/a.html");
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "received:→2025-02-27");
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "channel:→exchange");
  g_assert_nonnull (fz_filing_channel_get_label ("exchange"));
  g_assert_null (fz_filing_channel_get_label ("pigeon"));
  g_assert_cmpuint (g_strv_length ((char **) fz_filing_list_channels ()), ==, 4);

  fz_filing_assign (copy, filing);
  g_assert_cmpstr (fz_filing_get_channel (copy), ==, "exchange");
  g_assert_cmpstr (fz_filing_get_published_column (copy), ==, "法治政府建设年度报告");

  g_assert_true (fz_filing_set_received (filing, "", NULL));
  g_assert_null (fz_filing_get_received (filing));
  g_assert_cmpstr (g_ptr_array_index (log, log->len - 1), ==, "received:2025-02-27→");
}

/* Deadlines: 3月1日 to file (4月1日 for a province), 4月1日 to publish;
 * the day itself is still in time. */
static void
test_deadlines (void)
{
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzFiling) filing = fz_filing_new ();
  g_autofree char *filing_deadline = fz_filing_dup_deadline (rules, FZ_DEADLINE_FILING, FZ_LEVEL_TOWNSHIP, 2024);
  g_autofree char *province = fz_filing_dup_deadline (rules, FZ_DEADLINE_FILING, FZ_LEVEL_PROVINCE, 2024);
  g_autofree char *publication = fz_filing_dup_deadline (rules, FZ_DEADLINE_PUBLICATION, FZ_LEVEL_DEPARTMENT, 2024);
  g_autofree char *unknown = fz_filing_dup_deadline (rules, FZ_DEADLINE_FILING, FZ_LEVEL_TOWNSHIP, 0);

  g_assert_cmpstr (filing_deadline, ==, "2025-03-01");
  g_assert_cmpstr (province, ==, "2025-04-01");
  g_assert_cmpstr (publication, ==, "2025-04-01");
  g_assert_null (unknown);

  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_FILING, rules, FZ_LEVEL_TOWNSHIP, 2024),
                   ==, FZ_TIMELINESS_UNKNOWN);
  fz_filing_set_received (filing, "2025-03-01", NULL);
  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_FILING, rules, FZ_LEVEL_TOWNSHIP, 2024),
                   ==, FZ_TIMELINESS_ON_TIME);
  fz_filing_set_received (filing, "2025-03-02", NULL);
  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_FILING, rules, FZ_LEVEL_TOWNSHIP, 2024),
                   ==, FZ_TIMELINESS_LATE);
  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_FILING, rules, FZ_LEVEL_PROVINCE, 2024),
                   ==, FZ_TIMELINESS_ON_TIME);
  /* No report year, nothing to reckon from. */
  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_FILING, rules, FZ_LEVEL_TOWNSHIP, 0),
                   ==, FZ_TIMELINESS_UNKNOWN);

  fz_filing_set_published (filing, "2025-04-02", NULL);
  {
    g_autoptr(GPtrArray) findings = fz_filing_check (filing, rules, FZ_LEVEL_TOWNSHIP, 2024);
    const FzFinding *filed, *published;

    g_assert_cmpuint (findings->len, ==, 2);
    filed = g_ptr_array_index (findings, 0);
    published = g_ptr_array_index (findings, 1);
    g_assert_cmpstr (filed->id, ==, "filed_late");
    g_assert_cmpstr (published->id, ==, "published_late");
    g_assert_cmpint (filed->severity, ==, FZ_SEVERITY_WARNING);
    g_assert_cmpuint (filed->start, ==, 0);
    g_assert_cmpuint (filed->end, ==, 0);
    g_assert_nonnull (strstr (filed->message, "2025-03-02"));
    g_assert_nonnull (strstr (filed->message, "2025-03-01"));
    g_assert_nonnull (strstr (published->message, "第二十四条"));
  }

  /* A rule set may switch them off, and name its own dates. */
  {
    const char *xml =
      "<ruleset id=\"county\" version=\"1\" extends=\"national\"><name>某县</name>"
      "<deadline month=\"3\" day=\"10\"/>"
      "<deadline kind=\"publication\" month=\"3\" day=\"31\"/>"
      "<check id=\"published_late\" enabled=\"false\"/></ruleset>";
    g_autoptr(GError) error = NULL;
    g_autoptr(FzRuleSet) county = fz_ruleset_new_from_data (xml, strlen (xml), "county.xml", &error);
    g_autoptr(GPtrArray) findings = NULL;

    g_assert_no_error (error);
    findings = fz_filing_check (filing, county, FZ_LEVEL_TOWNSHIP, 2024);
    g_assert_cmpuint (findings->len, ==, 0);
    g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_PUBLICATION, county, FZ_LEVEL_TOWNSHIP, 2024),
                     ==, FZ_TIMELINESS_LATE);
  }
}

/* The review keeps the record and the adjustments: logged, saved, read
 * back. */
static void
test_review_keeps (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "report.txt");
  g_autoptr(FzReview) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *data = NULL;
  FzFiling *filing = fz_review_get_filing (review);
  GPtrArray *log = fz_review_get_log (review);
  const FzReviewChange *last;
  double points = 0;
  const char *reason = NULL;
  gsize len;

  /* Nothing recorded: the file stays version 1, readable by any version. */
  plain = fz_review_to_data (review, &len);
  g_assert_nonnull (strstr (plain, "\"version\" : 1"));
  g_assert_null (strstr (plain, "filing"));

  fz_filing_set_received (filing, "2025-03-04", NULL);
  fz_filing_set_channel (filing, FZ_FILING_CHANNEL_PAPER, NULL);
  last = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpstr (last->what, ==, "filing:channel");
  g_assert_cmpstr (last->new_value, ==, "paper");

  fz_review_set_score_adjustment (review, "national", "form", 18.5, "纸质件署名齐全");
  last = g_ptr_array_index (log, log->len - 1);
  g_assert_cmpstr (last->what, ==, "score:national/form");
  g_assert_cmpstr (last->new_value, ==, "18.5");
  g_assert_cmpstr (last->why, ==, "纸质件署名齐全");
  g_assert_cmpuint (fz_review_get_n_score_adjustments (review), ==, 1);

  data = fz_review_to_data (review, &len);
  g_assert_nonnull (strstr (data, "\"version\" : 2"));
  back = fz_review_new_from_data (data, len, "review", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_filing_get_received (fz_review_get_filing (back)), ==, "2025-03-04");
  g_assert_cmpstr (fz_filing_get_channel (fz_review_get_filing (back)), ==, "paper");
  g_assert_true (fz_review_get_score_adjustment (back, "national", "form", &points, &reason, NULL));
  assert_points (points, 18.5);
  g_assert_cmpstr (reason, ==, "纸质件署名齐全");
  /* Per table: another table's item of the same name is not adjusted. */
  g_assert_false (fz_review_get_score_adjustment (back, "county", "form", NULL, NULL, NULL));

  fz_review_clear_score_adjustment (back, "national", "form");
  g_assert_cmpuint (fz_review_get_n_score_adjustments (back), ==, 0);
}

static void
test_review_damaged (void)
{
  static const char * const damaged[] = {
    "\"filing\":{\"received\":\"2025-13-01\"}",
    "\"filing\":{\"channel\":\"pigeon\"}",
    "\"filing\":[]",
    "\"score_adjustments\":[{\"table\":\"national\",\"item\":\"form\",\"points\":-1,\"reason\":null,\"time\":\"2025-03-01T00:00:00Z\"}]",
    "\"score_adjustments\":[{\"table\":\"nat/ional\",\"item\":\"form\",\"points\":1,\"reason\":null,\"time\":\"2025-03-01T00:00:00Z\"}]",
    "\"score_adjustments\":[{\"table\":\"national\",\"item\":\"form\",\"points\":\"1\",\"reason\":null,\"time\":\"2025-03-01T00:00:00Z\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"format\":\"fazhi-review\",\"version\":2,"
                                               "\"report\":{\"sha256\":\"" SHA_A "\"},"
                                               "\"decisions\":[],\"annotations\":[],\"log\":[],%s}",
                                               damaged[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(FzReview) review = fz_review_new_from_data (data, strlen (data), "r.fzreview", &error);

      g_assert_null (review);
      g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
    }
}

/* A score that follows a review: its decisions, its adjustments for the
 * table, its filing record. */
static void
test_score_follows_review (void)
{
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = analyse_fixture ("score-gaps.txt", rules);
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "score-gaps.txt");
  g_autoptr(FzReview) back = NULL;
  g_autoptr(FzScore) score = fz_score_new (fz_ruleset_get_score_table (rules));
  g_autoptr(FzScore) again = fz_score_new (fz_ruleset_get_score_table (rules));
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const double machine = 100 - 8 - 10 - 3 - 2 * 2 - 3 * 0.5;
  gsize len;

  fz_review_set_decision (review, "first_responsible_person", FZ_STATUS_PARTIAL, "述法一句");
  fz_score_set_analysis (score, analysis);
  fz_score_set_review (score, review);
  /* −5 for partial instead of −10 for missing. */
  assert_points (fz_score_get_total (score), machine + 5);

  fz_review_clear_decision (review, "first_responsible_person");
  assert_points (fz_score_get_total (score), machine);

  /* Received 2025-03-03, after 3月1日: −4 from 按时报送和公开. */
  fz_filing_set_received (fz_review_get_filing (review), "2025-03-03", NULL);
  assert_points (fz_score_get_total (score), machine - 4);

  /* Adjusting through the score stores it in the review. */
  g_assert_true (fz_score_adjust (score, "timeliness", 10, "经核实系系统故障延误", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fz_review_get_n_score_adjustments (review), ==, 1);
  assert_points (fz_score_get_total (score), machine - 4 + 4);

  /* Saved and opened again, another score shows the same. */
  data = fz_review_to_data (review, &len);
  back = fz_review_new_from_data (data, len, "review", &error);
  g_assert_no_error (error);
  fz_score_set_analysis (again, analysis);
  fz_score_set_review (again, back);
  assert_points (fz_score_get_total (again), machine);
  g_assert_true (fz_score_item_get_adjusted (fz_score_find_item (again, "timeliness")));
  g_assert_cmpstr (fz_score_item_get_adjustment_reason (fz_score_find_item (again, "timeliness")),
                   ==, "经核实系系统故障延误");

  fz_score_clear_adjustment (score, "timeliness");
  g_assert_cmpuint (fz_review_get_n_score_adjustments (review), ==, 0);
  assert_points (fz_score_get_total (score), machine - 4);

  fz_score_set_review (score, NULL);
  assert_points (fz_score_get_total (score), machine);
}

/* The published pages */

static void
test_page_identical (void)
{
  g_autofree char *path = score_fixture ("page-identical.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPublishedPage) page = fz_published_page_load (file, NULL, &error);
  g_autoptr(FzFiling) filing = fz_filing_new ();
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");

  g_assert_no_error (error);
  g_assert_cmpstr (fz_published_page_get_date (page), ==, "2025-03-20");
  g_assert_cmpstr (fz_published_page_get_url (page), ==,
                   "http://www.qingshan.gov.cn/zwgk/fzzfjsndbg/202503/t20250320_4821.html");
  g_assert_cmpstr (fz_document_get_format (fz_published_page_get_document (page)), ==, "html");

  g_assert_true (fz_published_page_fill_filing (page, filing));
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-03-20");
  /* Before 4月1日. */
  g_assert_cmpint (fz_filing_get_timeliness (filing, FZ_DEADLINE_PUBLICATION, rules, FZ_LEVEL_TOWNSHIP, 2024),
                   ==, FZ_TIMELINESS_ON_TIME);

  /* The site's menus, crumbs and footer aside, the page is the report. */
  {
    g_autoptr(FzAnalysis) reviewed = analyse_fixture ("score-full.txt", rules);
    FzComparison *comparison;

    g_assert_null (fz_published_page_get_comparison (page));
    g_assert_cmpuint (fz_published_page_get_findings (page)->len, ==, 0);
    fz_published_page_compare (page, reviewed);
    comparison = fz_published_page_get_comparison (page);
    g_assert_nonnull (comparison);
    g_assert_cmpuint (fz_comparison_count (comparison, FZ_CHANGE_CHANGED), ==, 0);
    g_assert_cmpuint (fz_comparison_count (comparison, FZ_CHANGE_ADDED), ==, 0);
    g_assert_cmpuint (fz_comparison_count (comparison, FZ_CHANGE_REMOVED), ==, 0);
    g_assert_cmpuint (fz_published_page_get_findings (page)->len, ==, 0);
  }
}

static void
test_page_late (void)
{
  g_autofree char *path = fz_test_write_late_page ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPublishedPage) page = fz_published_page_load (file, NULL, &error);
  g_autoptr(FzFiling) filing = fz_filing_new ();
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = analyse_fixture ("score-full.txt", rules);
  g_autoptr(FzScore) score = fz_score_new (fz_ruleset_get_score_table (rules));
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_published_page_get_date (page), ==, "2025-04-15");

  /* What the reviewer typed stays. */
  fz_filing_set_published_url (filing, "http://typed.example/");
  fz_published_page_fill_filing (page, filing);
  g_assert_cmpstr (fz_filing_get_published_url (filing), ==, "http://typed.example/");
  g_assert_cmpstr (fz_filing_get_published (filing), ==, "2025-04-15");

  findings = fz_filing_check (filing, rules, FZ_LEVEL_TOWNSHIP, 2024);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((FzFinding *) g_ptr_array_index (findings, 0))->id, ==, "published_late");

  /* Full marks but for 逾期公开: 100 − 4. */
  fz_score_set_analysis (score, analysis);
  fz_score_set_filing (score, filing);
  assert_points (fz_score_get_total (score), 100 - 4);
  g_assert_cmpstr (fz_score_get_grade (score), ==, "excellent");
  fz_test_remove_copy (path);
}

static void
test_page_archive (void)
{
  g_autofree char *path = score_fixture ("page-changed.mht");
  g_autofree char *text = score_fixture ("score-full.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) not_page = g_file_new_for_path (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPublishedPage) page = fz_published_page_load (file, NULL, &error);
  g_autoptr(FzPublishedPage) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_format (fz_published_page_get_document (page)), ==, "mhtml");
  g_assert_cmpstr (fz_published_page_get_date (page), ==, "2025-03-18");
  g_assert_cmpstr (fz_published_page_get_url (page), ==,
                   "http://www.qingshan.gov.cn/zwgk/fzzfjsndbg/202503/t20250318_4810.html");

  none = fz_published_page_load (not_page, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED);
}

/* page-changed.mht publishes （二） with other figures: “办理行政处罚案件
 * 64宗，罚没款12.5万元，其中1宗被复议纠错” for the reviewed “…46宗，罚没款
 * 7.2万元，无一宗被复议纠错”.  One difference, in that section, marking
 * the reviewed words; 1 point off 按时报送和公开. */
static void
test_page_changed (void)
{
  g_autofree char *path = score_fixture ("page-changed.mht");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzPublishedPage) page = fz_published_page_load (file, NULL, &error);
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) reviewed = analyse_fixture ("score-full.txt", rules);
  g_autoptr(FzScore) score = fz_score_new (fz_ruleset_get_score_table (rules));
  g_autoptr(FzPublishedDifference) listed = NULL;
  GPtrArray *differences;
  const FzFinding *difference;
  const FzSectionPair *pair;
  int section;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fz_published_page_get_differences (page)), ==, 0);
  fz_published_page_compare (page, reviewed);
  differences = fz_published_page_get_findings (page);
  g_assert_cmpuint (differences->len, ==, 1);
  difference = g_ptr_array_index (differences, 0);
  g_assert_cmpstr (difference->id, ==, "published_differs");
  g_assert_cmpint (difference->severity, ==, FZ_SEVERITY_WARNING);
  g_assert_cmpstr (difference->text, ==, "办理行政处罚案件46宗，罚没款7.2万元，无一宗被复议纠错");
  g_assert_nonnull (strstr (difference->message, "办理行政处罚案件64宗，罚没款12.5万元，其中1宗被复议纠错"));
  g_assert_nonnull (strstr (difference->message, "（二）规范行政执法行为"));

  /* Aligned by section: the change sits in the pair of （二）, and every
   * other paragraph is the same. */
  section = fz_outline_section_at (fz_analysis_get_sections (reviewed), difference->start);
  g_assert_cmpint (section, >=, 0);
  pair = fz_comparison_find_a_section (fz_published_page_get_comparison (page), section);
  g_assert_nonnull (pair);
  g_assert_cmpint (pair->change, ==, FZ_CHANGE_CHANGED);
  g_assert_cmpuint (fz_comparison_count (fz_published_page_get_comparison (page), FZ_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (fz_comparison_count (fz_published_page_get_comparison (page), FZ_CHANGE_ADDED), ==, 0);
  g_assert_cmpuint (fz_comparison_count (fz_published_page_get_comparison (page), FZ_CHANGE_REMOVED), ==, 0);

  /* The same difference as a list item, in its parts: the section, the
   * pair it is in, the reviewed words and the published ones. */
  listed = g_list_model_get_item (fz_published_page_get_differences (page), 0);
  g_assert_cmpuint (g_list_model_get_n_items (fz_published_page_get_differences (page)), ==, 1);
  g_assert_cmpint (fz_published_difference_get_change (listed), ==, FZ_CHANGE_CHANGED);
  g_assert_nonnull (strstr (fz_published_difference_get_section (listed), "（二）规范行政执法行为"));
  g_assert_true (fz_comparison_get_sections (fz_published_page_get_comparison (page))->pdata
                   [fz_published_difference_get_section_index (listed)] == pair);
  g_assert_cmpuint (fz_published_difference_get_start (listed), ==, difference->start);
  g_assert_cmpuint (fz_published_difference_get_end (listed), ==, difference->end);
  g_assert_cmpstr (fz_published_difference_get_reviewed (listed), ==, "办理行政处罚案件46宗，罚没款7.2万元，无一宗被复议纠错");
  g_assert_cmpstr (fz_published_difference_get_published (listed), ==, "办理行政处罚案件64宗，罚没款12.5万元，其中1宗被复议纠错");
  g_assert_cmpstr (fz_published_difference_get_finding (listed)->message, ==, difference->message);

  fz_score_set_analysis (score, reviewed);
  fz_score_set_findings (score, "published", differences);
  assert_points (fz_score_get_total (score), 100 - 1);
  assert_points (fz_score_item_get_points (fz_score_find_item (score, "timeliness")), 10 - 1);
}

/* Off the main thread, read and compared at once. */
static void
test_page_async (void)
{
  g_autofree char *path = score_fixture ("page-changed.mht");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) reviewed = analyse_fixture ("score-full.txt", rules);
  g_autoptr(FzPublishedPage) page = NULL;

  fz_published_page_load_async (file, reviewed, NULL, fz_test_page_loaded, &page);
  while (page == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (fz_published_page_get_comparison (page));
  g_assert_cmpuint (fz_published_page_get_findings (page)->len, ==, 1);
}

/* The batch */

static void
batch_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_batch_analyse_finish (FZ_BATCH (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

static void
analyse_batch (FzBatch *batch)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  fz_batch_analyse_async (batch, NULL, batch_done, loop);
  g_main_loop_run (loop);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static FzBatchEntry *
add (FzBatch    *batch,
     const char *name)
{
  g_autofree char *path = score_fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fz_batch_add_file (batch, file, FALSE);
}

static void
test_batch (void)
{
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(FzBatch) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-batch-XXXXXX", &error);
  g_autofree char *saved = g_build_filename (dir, "batch.json", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
  g_autofree char *summary = NULL;
  g_autofree char *csv = NULL;
  FzBatchEntry *full = add (batch, "score-full.txt");
  FzBatchEntry *gaps = add (batch, "score-gaps.txt");
  FzFilingCounts counts;
  FzStatus partial = FZ_STATUS_PARTIAL;
  guint score_notified = 0;
  guint warnings;

  g_assert_no_error (error);
  g_assert_null (fz_batch_entry_dup_score (full));
  g_assert_cmpfloat (fz_batch_entry_get_score_total (full), ==, -1);
  analyse_batch (batch);

  /* The two reports share two passages (“组织执法人员培训…期，培训…人次”,
   * “全年排查调处矛盾纠纷…件，调解成功…件，调解成功率…”): copy_overlap,
   * 1 each from 内容翔实准确. */
  assert_points (fz_batch_entry_get_score_total (full), 100 - 2 * 1);
  assert_points (fz_batch_entry_get_score_total (gaps), 100 - 8 - 10 - 3 - 2 * 2 - 3 * 0.5 - 2 * 1);

  /* Nothing recorded: no rates in the summary. */
  summary = fz_batch_dup_summary (batch);
  g_assert_null (strstr (summary, "rate"));
  g_clear_pointer (&summary, g_free);

  /* The reviewer's decision reaches the score, and the "score" property
   * (what the matrix sorts by) tells. */
  g_signal_connect (gaps, "notify::score", G_CALLBACK (count_notify), &score_notified);
  fz_batch_entry_set_decision (gaps, "first_responsible_person", &partial);
  assert_points (fz_batch_entry_get_score_total (gaps), 100 - 8 - 5 - 3 - 2 * 2 - 3 * 0.5 - 2 * 1);
  g_assert_cmpuint (score_notified, >, 0);

  /* Filed late: a warning more, 4 points less. */
  warnings = fz_batch_entry_get_n_findings (gaps, FZ_SEVERITY_WARNING);
  fz_filing_set_received (fz_batch_entry_get_filing (gaps), "2025-03-05", NULL);
  fz_filing_set_received (fz_batch_entry_get_filing (full), "2025-02-18", NULL);
  fz_filing_set_published (fz_batch_entry_get_filing (full), "2025-03-20", NULL);
  fz_filing_set_published_url (fz_batch_entry_get_filing (full), "http://www.qingshan.gov.cn/a.html");
  g_assert_cmpuint (fz_batch_entry_get_n_findings (gaps, FZ_SEVERITY_WARNING), ==, warnings + 1);
  assert_points (fz_batch_entry_get_score_total (gaps), 100 - 8 - 5 - 3 - 2 * 2 - 3 * 0.5 - 2 * 1 - 4);
  g_assert_cmpint (fz_batch_entry_get_timeliness (gaps, FZ_DEADLINE_FILING), ==, FZ_TIMELINESS_LATE);

  /* 报送率: one of two on time; 公开率: one of two published, on time. */
  fz_batch_get_filing_counts (batch, &counts);
  g_assert_cmpuint (counts.reports, ==, 2);
  g_assert_cmpuint (counts.received, ==, 2);
  g_assert_cmpuint (counts.filed_on_time, ==, 1);
  g_assert_cmpuint (counts.filed_late, ==, 1);
  g_assert_cmpuint (counts.published, ==, 1);
  g_assert_cmpuint (counts.published_on_time, ==, 1);
  summary = fz_batch_dup_summary (batch);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "filing rate 50%: 1 of the 2 with a date received came in on time"));
  g_assert_nonnull (strstr (summary, "publication rate 50%: 1 of 2 published, 1 of them on time"));

  /* The ledger has the columns. */
  csv = fz_ledger_to_csv (batch);
  g_assert_nonnull (strstr (csv, ",Score,Score band,Received,Channel,Filed on time,Published,"
                                 "Published at,Column,Published on time,"));
  g_assert_nonnull (strstr (csv, ",98,Excellent,2025-02-18,,on time,2025-03-20,"
                                 "http://www.qingshan.gov.cn/a.html,,on time,"));
  g_assert_nonnull (strstr (csv, ",72.5,Pass,2025-03-05,,late,,,,,"));

  /* Saved with the batch and restored. */
  g_assert_true (fz_batch_save (batch, saved_file, &error));
  g_assert_no_error (error);
  restored = fz_batch_load (saved_file, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(FzBatchEntry) first = g_list_model_get_item (fz_batch_get_entries (restored), 0);

    g_assert_cmpstr (fz_filing_get_published_url (fz_batch_entry_get_filing (first)), ==,
                     "http://www.qingshan.gov.cn/a.html");
    g_assert_cmpstr (fz_filing_get_received (fz_batch_entry_get_filing (first)), ==, "2025-02-18");
  }

  {
    g_autofree char *xlsx = g_build_filename (dir, "ledger.xlsx", NULL);

    g_assert_true (fz_ledger_write (batch, xlsx, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_remove (xlsx), ==, 0);
  }
  g_assert_cmpint (g_remove (saved), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* fazhi-check */

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_ptr_array_add (argv, (gpointer) FAZHI_CHECK);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *gaps = score_fixture ("score-gaps.txt");
  g_autofree char *full = score_fixture ("score-full.txt");
  g_autofree char *late = fz_test_write_late_page ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report, *score, *filing;
  JsonArray *findings;
  gboolean filed_late = FALSE;
  const char *json_args[] = { "--format=json", "--received=2025-03-05", "--published=2025-04-10", gaps, NULL };

  g_assert_cmpint (run_cli (json_args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  report = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "reports"), 0);

  score = json_object_get_object_member (report, "score");
  /* 100 − 8 − 10 − 3 − 2×2 − 3×0.5, less 4 for filing and 4 for publishing late */
  assert_points (json_object_get_double_member (score, "total"), 100 - 8 - 10 - 3 - 2 * 2 - 3 * 0.5 - 4 - 4);
  assert_points (json_object_get_double_member (score, "max"), 100);
  g_assert_cmpstr (json_object_get_string_member (score, "grade"), ==, "pass");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (score, "items")), ==, 4);
  {
    JsonObject *item = json_array_get_object_element (json_object_get_array_member (score, "items"), 3);

    g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "timeliness");
    assert_points (json_object_get_double_member (item, "points"), 10 - 4 - 4);
    assert_points (json_object_get_double_member (item, "deducted"), 4 + 4);
    g_assert_nonnull (json_object_get_string_member (item, "reason"));
  }

  filing = json_object_get_object_member (report, "filing");
  g_assert_cmpstr (json_object_get_string_member (filing, "received"), ==, "2025-03-05");
  g_assert_cmpstr (json_object_get_string_member (filing, "filing_deadline"), ==, "2025-03-01");
  g_assert_false (json_object_get_boolean_member (filing, "filed_on_time"));
  g_assert_false (json_object_get_boolean_member (filing, "published_on_time"));

  findings = json_object_get_array_member (report, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    filed_late |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (findings, i), "id"),
                             "filed_late") == 0;
  g_assert_true (filed_late);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The text report: the page gives the publication date. */
  {
    const char *args[] = { "--published", late, full, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Published: 2025-04-15 — late (deadline 2025-04-01)"));
    g_assert_nonnull (strstr (out, "Published at: http://www.qingshan.gov.cn/zwgk/fzzfjsndbg/202504/t20250415_4907.html"));
    g_assert_nonnull (strstr (out, "Score: 96 of 100 (Excellent)"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* The changed page, compared: one difference, 1 point. */
  {
    g_autofree char *changed = score_fixture ("page-changed.mht");
    const char *args[] = { "--format=json", "--published", changed, full, NULL };
    g_autoptr(JsonParser) page_parser = json_parser_new ();
    JsonObject *page_report, *published;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_true (json_parser_load_from_data (page_parser, out, -1, &error));
    page_report = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (page_parser)), "reports"), 0);
    published = json_object_get_object_member (page_report, "published_page");
    g_assert_cmpstr (json_object_get_string_member (published, "date"), ==, "2025-03-18");
    g_assert_cmpint (json_object_get_int_member (published, "differences"), ==, 1);
    assert_points (json_object_get_double_member (json_object_get_object_member (page_report, "score"), "total"),
                   100 - 1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Mistakes are usage errors with a message. */
  {
    const char *bad[][4] = {
      { "--received=2025-3-5", full, NULL },
      { "--received=yesterday", full, NULL },
      { "--published=2025-02-30", full, NULL },
      { "--published", gaps, full, NULL },                /* not a web page */
      { "--published", late, full, gaps },                /* a page, two reports */
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        const char *args[5] = { bad[i][0], bad[i][1], bad[i][2], bad[i][3], NULL };

        g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
        g_assert_true (g_str_has_prefix (err, "fazhi-check: "));
        g_assert_nonnull (strstr (err, "--"));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
  fz_test_remove_copy (late);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/filing/record", test_record);
  g_test_add_func ("/filing/deadlines", test_deadlines);
  g_test_add_func ("/filing/review-keeps", test_review_keeps);
  g_test_add_func ("/filing/review-damaged", test_review_damaged);
  g_test_add_func ("/filing/score-follows-review", test_score_follows_review);
  g_test_add_func ("/filing/page/identical", test_page_identical);
  g_test_add_func ("/filing/page/late", test_page_late);
  g_test_add_func ("/filing/page/archive", test_page_archive);
  g_test_add_func ("/filing/page/changed", test_page_changed);
  g_test_add_func ("/filing/page/async", test_page_async);
  g_test_add_func ("/filing/batch", test_batch);
  g_test_add_func ("/filing/cli", test_cli);

  return g_test_run ();
}
