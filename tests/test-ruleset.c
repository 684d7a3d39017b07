/* test-ruleset.c: reading rule sets, built in, from files and the user's folder
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fz-test-utils.h"

static char *
rules_path (const char *name)
{
  return g_build_filename (TESTDATADIR, "rules", name, NULL);
}

/* Writes @xml as @file_name into the user's rule folder, which the test
 * environment points at the build tree (XDG_CONFIG_HOME). */
static char *
write_user_rules (const char *file_name,
                  const char *xml)
{
  g_autofree char *dir = fz_ruleset_get_user_dir ();
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
remove_file (const char *path)
{
  g_assert_cmpint (g_remove (path), ==, 0);
}

static gpointer
load_in_thread (gpointer data)
{
  return fz_test_load_rules (data);
}

/* The first load of a built-in set happens here, from several threads at
 * once: the cache must hand every thread the same complete object. */
static void
test_threads (void)
{
  g_autofree char *user = NULL;
  GThread *threads[8];
  FzRuleSet *first = NULL;

  user = write_user_rules ("threads.xml",
                           "<ruleset id=\"threads\" version=\"1\" extends=\"guangdong\">"
                           "<name>线程</name></ruleset>");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, (gpointer) (i % 2 ? "guangdong" : "threads"));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(FzRuleSet) rules = g_thread_join (threads[i]);

      g_assert_true (FZ_IS_RULESET (rules));
      g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, 8);
      if (i % 2 == 1)
        {
          if (first == NULL)
            first = rules;
          g_assert_true (rules == first);
        }
    }

  remove_file (user);
}

static const char * const national_ids[] = {
  "measures_and_results", "shortcomings", "causes",
  "first_responsible_person", "next_year_plan", "other_matters",
};

static void
test_builtin_national (void)
{
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  const FzRuleElement *element;
  guint month = 0, day = 0;

  g_assert_cmpstr (fz_ruleset_get_id (rules), ==, "national");
  g_assert_cmpstr (fz_ruleset_get_name (rules), ==, "全国通用（督察工作规定）");
  g_assert_null (fz_ruleset_get_extends (rules));
  g_assert_true (g_str_has_prefix (fz_ruleset_get_origin (rules), "resource:///"));
  g_assert_nonnull (strstr (fz_ruleset_get_source (rules), "厅字〔2019〕28号"));

  fz_ruleset_get_deadline (rules, &month, &day);
  g_assert_cmpuint (month, ==, 3);
  g_assert_cmpuint (day, ==, 1);

  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, G_N_ELEMENTS (national_ids));
  for (guint i = 0; i < G_N_ELEMENTS (national_ids); i++)
    {
      element = fz_ruleset_get_element (rules, i);
      g_assert_cmpstr (element->id, ==, national_ids[i]);
      g_assert_nonnull (element->name);
      g_assert_nonnull (element->name_en);
      g_assert_cmpuint (element->headings->len, >, 0);
      g_assert_true (element->required == !g_str_equal (element->id, "other_matters"));
      g_assert_true (fz_ruleset_find_element (rules, national_ids[i]) == element);
    }
  g_assert_null (fz_ruleset_find_element (rules, "xi_thought_1310"));

  element = fz_ruleset_find_element (rules, "next_year_plan");
  g_assert_cmpint (element->year_offset, ==, 1);
  element = fz_ruleset_find_element (rules, "other_matters");
  g_assert_cmpint (element->year_offset, ==, G_MININT);

  element = fz_ruleset_find_element (rules, "causes");
  g_assert_cmpstr (element->evidence_in, ==, "shortcomings");
  g_assert_cmpuint (element->requirements->len, ==, 1);
  g_assert_true (((FzRuleRequirement *) g_ptr_array_index (element->requirements, 0))->in_body);

  element = fz_ruleset_find_element (rules, "measures_and_results");
  g_assert_true (element->collect_unclaimed);
  g_assert_cmpuint (element->weak_headings->len, >, 0);
}

static void
test_builtin_guangdong (void)
{
  static const char * const ids[] = {
    "xi_instructions_20th", "xi_thought_1310", "first_responsible_person",
    "measures_and_results", "shortcomings", "causes", "next_year_plan", "other_matters",
  };
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("guangdong");
  g_autoptr(FzRuleSet) national = fz_test_load_rules ("national");
  g_autoptr(FzRuleSet) again = fz_test_load_rules ("guangdong");
  guint month = 0, day = 0;

  g_assert_cmpstr (fz_ruleset_get_extends (rules), ==, "national");
  g_assert_true (rules == again);

  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (fz_ruleset_get_element (rules, i)->id, ==, ids[i]);

  /* Inherited elements are the national ones, not copies. */
  g_assert_true (fz_ruleset_find_element (rules, "causes") ==
                 fz_ruleset_find_element (national, "causes"));
  g_assert_cmpuint (fz_ruleset_get_n_elements (national), ==, 6);

  fz_ruleset_get_deadline (rules, &month, &day);
  g_assert_cmpuint (month, ==, 3);
  g_assert_cmpuint (day, ==, 1);
}

static void
test_display_names (void)
{
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", NULL);
  const FzRuleElement *element = fz_ruleset_find_element (rules, "next_year_plan");
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (fz_ruleset_get_display_name (rules), ==, "全国通用（督察工作规定）");
  g_assert_cmpstr (fz_rule_element_get_display_name (element), ==, "下一年度推进法治政府建设的主要安排");
  g_assert_cmpstr (fz_rule_element_get_short_name (element), ==, "下一年度安排");

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (fz_ruleset_get_display_name (rules), ==, "National (Supervision Regulations)");
  g_assert_cmpstr (fz_rule_element_get_display_name (element), ==, "Main plans for the next year");
  g_assert_cmpstr (fz_rule_element_get_short_name (element), ==, "Next year's plans");
  g_assert_true (g_str_has_prefix (fz_ruleset_get_description (rules), "The contents"));

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_file (void)
{
  g_autofree char *path = rules_path ("valid-custom.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_file (path, &error);
  g_autoptr(FzRuleSet) by_path = NULL;
  const FzRuleElement *plan, *extra;
  const FzRuleRequirement *req;
  guint month, day;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_ruleset_get_id (rules), ==, "custom-county");
  g_assert_cmpstr (fz_ruleset_get_origin (rules), ==, path);
  g_assert_cmpstr (fz_ruleset_get_source (rules), ==, "某县依法治县办通知");
  fz_ruleset_get_deadline (rules, &month, &day);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 28);

  plan = fz_ruleset_get_element (rules, 0);
  g_assert_cmpstr (plan->id, ==, "plan");
  g_assert_cmpstr (plan->article, ==, "通知第三条");
  /* No <short>: column headers get the whole name. */
  g_assert_cmpstr (fz_rule_element_get_short_name (plan), ==, fz_rule_element_get_display_name (plan));
  g_assert_true (plan->required);
  g_assert_cmpint (plan->priority, ==, 7);
  g_assert_cmpuint (plan->min_body_chars, ==, 12);
  g_assert_cmpint (plan->year_offset, ==, 1);
  g_assert_cmpuint (plan->headings->len, ==, 1);
  g_assert_cmpuint (plan->weak_headings->len, ==, 1);
  g_assert_cmpuint (plan->evidence->len, ==, 1);
  g_assert_cmpuint (plan->xml_line, ==, 10);

  req = g_ptr_array_index (plan->requirements, 0);
  g_assert_false (req->in_body);
  g_assert_cmpuint (req->min_count, ==, 2);
  g_assert_cmpstr (req->message, ==, "未见具体措施");
  g_assert_cmpstr (req->message_en, ==, "no concrete measures");
  g_assert_cmpstr (req->label, ==, "具体措施");
  g_assert_cmpstr (req->label_en, ==, "concrete measures");
  g_assert_true (fz_regex_matches (req->pattern, "二是", -1));

  extra = fz_ruleset_get_element (rules, 1);
  g_assert_false (extra->required);
  g_assert_cmpuint (extra->min_body_chars, ==, 0);
  g_assert_null (extra->name_en);
  /* CDATA reads as plain text. */
  g_assert_cmpstr (fz_regex_get_pattern (g_ptr_array_index (extra->headings, 0)), ==, "其他(事项|情况)");

  /* fz_ruleset_load() takes a path as well. */
  by_path = fz_test_load_rules (path);
  g_assert_cmpstr (fz_ruleset_get_id (by_path), ==, "custom-county");
}

static void
test_data (void)
{
  static const char xml[] =
    "<ruleset id=\"inline\" version=\"1\">\n"
    "  <name>内存中的规则</name>\n"
    "  <element id=\"a\">\n"
    "    <name>甲</name>\n"
    "    <heading>甲|乙</heading>\n"
    "    <heading>丙</heading>\n"
    "    <heading>(丁)\\1</heading>\n"
    "    <evidence>由于|导致|(?i)x|y</evidence>\n"
    "    <evidence>受限于</evidence>\n"
    "  </element>\n"
    "  <element id=\"b\">\n"
    "    <name>乙</name>\n"
    "    <heading>乙</heading>\n"
    "    <heading>丙</heading>\n"
    "  </element>\n"
    "</ruleset>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_data (xml, sizeof xml - 1, "inline.xml", &error);
  const FzRuleElement *a, *b;

  g_assert_no_error (error);
  g_assert_cmpstr (fz_ruleset_get_origin (rules), ==, "inline.xml");

  a = fz_ruleset_find_element (rules, "a");
  b = fz_ruleset_find_element (rules, "b");
  g_assert_cmpuint (a->xml_line, ==, 3);
  g_assert_cmpint (a->year_offset, ==, G_MININT);

  /* A back-reference keeps the headings from being joined; plain ones are. */
  g_assert_null (a->any_heading);
  g_assert_nonnull (b->any_heading);
  g_assert_true (fz_regex_matches (b->any_heading, "丙", -1));
  g_assert_false (fz_regex_matches (b->any_heading, "甲", -1));

  /* "由于|导致|(?i)x|y" cannot be split (its inline option reaches "y"),
   * "受限于" stays as it is. */
  g_assert_cmpuint (a->evidence_scan->len, ==, 2);
  g_assert_true (fz_regex_matches (g_ptr_array_index (a->evidence_scan, 0), "Y", -1));
}

static void
test_split_evidence (void)
{
  static const char xml[] =
    "<ruleset id=\"split\" version=\"1\">"
    "<name>拆分</name>"
    "<element id=\"a\"><name>甲</name><heading>甲</heading>"
    "<evidence>由于|导致(?:了|的)|[|]x|^原因</evidence>"
    "</element></ruleset>";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_data (xml, sizeof xml - 1, "split.xml", &error);
  const FzRuleElement *a;
  GPtrArray *scan;

  g_assert_no_error (error);
  a = fz_ruleset_find_element (rules, "a");
  scan = a->evidence_scan;

  /* Split at top-level bars only, not inside a group or a class. */
  g_assert_cmpuint (scan->len, ==, 4);
  g_assert_cmpstr (fz_regex_get_pattern (g_ptr_array_index (scan, 1)), ==, "导致(?:了|的)");
  g_assert_cmpstr (fz_regex_get_pattern (g_ptr_array_index (scan, 2)), ==, "[|]x");
  /* "^" means the start of a paragraph. */
  g_assert_true (fz_regex_matches (g_ptr_array_index (scan, 3), "前文。\n原因是", -1));
}

typedef struct
{
  const char *file;
  int         code;
  int         line;
  const char *detail;
} BadFile;

static const BadFile bad_files[] = {
  { "malformed.xml", FZ_RULESET_ERROR_PARSE, 7, "mismatch" },
  { "bad-regex.xml", FZ_RULESET_ERROR_INVALID, 6, "missing closing parenthesis" },
  { "duplicate-id.xml", FZ_RULESET_ERROR_INVALID, 8, "duplicate element id “plan”" },
  { "billion-laughs.xml", FZ_RULESET_ERROR_PARSE, 2, "entity declarations are not allowed" },
  { "external-entity.xml", FZ_RULESET_ERROR_PARSE, 3, "document type" },
  { "undefined-entity.xml", FZ_RULESET_ERROR_PARSE, 5, "xxe" },
  { "unknown-element.xml", FZ_RULESET_ERROR_INVALID, 7, "<pattern>" },
  { "unknown-attribute.xml", FZ_RULESET_ERROR_INVALID, 4, "“mandatory”" },
  { "missing-heading.xml", FZ_RULESET_ERROR_INVALID, 4, "<heading>" },
  { "missing-name.xml", FZ_RULESET_ERROR_INVALID, 4, "<name>" },
  { "missing-id.xml", FZ_RULESET_ERROR_INVALID, 4, "“id”" },
  { "bad-number.xml", FZ_RULESET_ERROR_INVALID, 4, "“many”" },
  { "bad-version.xml", FZ_RULESET_ERROR_INVALID, 2, "version “2”" },
  { "empty-match.xml", FZ_RULESET_ERROR_INVALID, 6, "empty text" },
  { "bad-reference.xml", FZ_RULESET_ERROR_INVALID, 8, "“nowhere”" },
  { "extends-unknown.xml", FZ_RULESET_ERROR_NOT_FOUND, 2, "“nowhere”" },
  { "remove-without-extends.xml", FZ_RULESET_ERROR_INVALID, 4, "<remove>" },
  { "stray-text.xml", FZ_RULESET_ERROR_INVALID, 5, "unexpected text" },
  { "unknown-check.xml", FZ_RULESET_ERROR_INVALID, 4, "“figure_summ”" },
  { "bad-check-param.xml", FZ_RULESET_ERROR_INVALID, 4, "“lots”" },
  { "unknown-check-param.xml", FZ_RULESET_ERROR_INVALID, 4, "“tolerance”" },
  { "bad-deadline-level.xml", FZ_RULESET_ERROR_INVALID, 4, "“village”" },
};

static void
assert_deadline_for_level (FzRuleSet *rules,
                           FzLevel    level,
                           guint      month,
                           guint      day)
{
  guint got_month = 0, got_day = 0;

  fz_ruleset_get_deadline_for_level (rules, level, &got_month, &got_day);
  g_assert_cmpuint (got_month, ==, month);
  g_assert_cmpuint (got_day, ==, day);
}

/* <check> switches and tunes checks, inherited along "extends"; per-level
 * <deadline> elements give a province its own. */
static void
test_checks_and_deadlines (void)
{
  static const char county[] =
    "<ruleset id=\"county\" version=\"1\" extends=\"national\"><name>县</name>"
    "<deadline month=\"2\" day=\"15\"/>"
    "<check id=\"figure_sum\" enabled=\"false\"/>"
    "<check id=\"weak_problems\" min-share=\"8\"/>"
    "</ruleset>";
  static const char town[] =
    "<ruleset id=\"town\" version=\"1\" extends=\"county\"><name>镇</name>"
    "<deadline level=\"township\" month=\"1\" day=\"31\"/>"
    "<check id=\"figure_sum\" enabled=\"yes\"/>"
    "</ruleset>";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) national = fz_test_load_rules ("national");
  g_autoptr(FzRuleSet) rules = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzRuleSet) child = NULL;

  assert_deadline_for_level (national, FZ_LEVEL_TOWNSHIP, 3, 1);
  assert_deadline_for_level (national, FZ_LEVEL_PROVINCE, 4, 1);
  g_assert_true (fz_ruleset_get_check_enabled (national, "figure_sum"));
  g_assert_cmpfloat (fz_ruleset_get_check_param (national, "weak_problems", "min-share"), ==, 5);

  rules = fz_ruleset_new_from_data (county, sizeof county - 1, "county.xml", &error);
  g_assert_no_error (error);
  /* The set's own deadline replaces the inherited ones, province's too. */
  assert_deadline_for_level (rules, FZ_LEVEL_PROVINCE, 2, 15);
  g_assert_false (fz_ruleset_get_check_enabled (rules, "figure_sum"));
  g_assert_true (fz_ruleset_get_check_enabled (rules, "figure_rate"));
  g_assert_cmpfloat (fz_ruleset_get_check_param (rules, "weak_problems", "min-share"), ==, 8);
  g_assert_cmpfloat (fz_ruleset_get_check_param (rules, "weak_problems", "min-chars"), ==, 150);

  /* A user set extending the county: a township date of its own, the
   * county's for the others, and figure_sum on again. */
  dir = g_build_filename (g_get_user_config_dir (), "fazhi-review", "rules", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "county.xml", NULL);
  g_assert_true (g_file_set_contents (path, county, -1, NULL));
  child = fz_ruleset_new_from_data (town, sizeof town - 1, "town.xml", &error);
  g_remove (path);
  g_assert_no_error (error);
  assert_deadline_for_level (child, FZ_LEVEL_TOWNSHIP, 1, 31);
  assert_deadline_for_level (child, FZ_LEVEL_DEPARTMENT, 2, 15);
  g_assert_true (fz_ruleset_get_check_enabled (child, "figure_sum"));
  g_assert_cmpfloat (fz_ruleset_get_check_param (child, "weak_problems", "min-share"), ==, 8);
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = rules_path (bad->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load (path, &error);

  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, bad->code);
  fz_test_assert_error_at (error, path, bad->line, bad->detail);
}

static void
test_doctype_in_memory (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<ruleset id=\"x\" version=\"1\">\n"
    "<!ENTITY e \"e\">\n"
    "</ruleset>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_data (xml, sizeof xml - 1, "memory", &error);

  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "memory:3: "));
}

static void
test_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("no-such-rules", &error);
  g_autofree char *missing = rules_path ("no-such-file.xml");

  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-rules"));
  g_assert_nonnull (strstr (error->message, "national"));
  g_clear_error (&error);

  rules = fz_ruleset_load (missing, &error);
  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND);
}

static void
test_user_list_and_load (void)
{
  g_autofree char *user_dir = fz_ruleset_get_user_dir ();
  g_autofree char *county = NULL;
  g_autofree char *shadow = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_auto(GStrv) ids = NULL;

  /* The test environment keeps the real user's folder out of reach. */
  g_assert_true (g_str_has_prefix (user_dir, g_getenv ("XDG_CONFIG_HOME")));

  /* The id inside decides, not the file name. */
  county = write_user_rules ("my-county-2025.xml",
                             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<ruleset id=\"county\" version=\"1\">\n"
                             "  <name>本县规则</name>\n"
                             "  <element id=\"plan\">\n"
                             "    <name>下一年度安排</name>\n"
                             "    <heading>下一年度</heading>\n"
                             "  </element>\n"
                             "</ruleset>\n");
  /* A user file cannot take over a built-in id. */
  shadow = write_user_rules ("national.xml",
                             "<ruleset id=\"national\" version=\"1\"><name>冒名</name>"
                             "<element id=\"a\"><name>甲</name><heading>甲</heading></element></ruleset>");
  /* Broken XML has no id to list. */
  broken = write_user_rules ("broken.xml", "<ruleset id=\"broken\"");

  ids = fz_ruleset_list_available ();
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_cmpstr (ids[0], ==, "national");
  g_assert_cmpstr (ids[1], ==, "guangdong");
  g_assert_cmpstr (ids[2], ==, "county");

  rules = fz_test_load_rules ("county");
  g_assert_cmpstr (fz_ruleset_get_origin (rules), ==, county);
  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, 1);
  g_clear_object (&rules);

  rules = fz_test_load_rules ("national");
  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, 6);

  remove_file (county);
  remove_file (shadow);
  remove_file (broken);
}

static void
test_user_extends (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(FzRuleSet) national = fz_ruleset_load ("national", NULL);
  const FzRuleElement *plan;
  guint month, day;

  path = write_user_rules ("strict.xml",
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<ruleset id=\"strict\" version=\"1\" extends=\"national\">\n"
                           "  <name>从严</name>\n"
                           "  <deadline month=\"2\" day=\"15\"/>\n"
                           "  <order>next_year_plan publication</order>\n"
                           "  <remove element=\"other_matters\"/>\n"
                           "  <element id=\"next_year_plan\" priority=\"60\" min-body=\"300\">\n"
                           "    <name>下一年度主要安排</name>\n"
                           "    <heading>下一年度</heading>\n"
                           "    <year offset=\"1\"/>\n"
                           "  </element>\n"
                           "  <element id=\"publication\" required=\"false\">\n"
                           "    <name>报告公开情况</name>\n"
                           "    <heading>公开</heading>\n"
                           "  </element>\n"
                           "</ruleset>\n");

  rules = fz_test_load_rules ("strict");
  g_assert_cmpstr (fz_ruleset_get_extends (rules), ==, "national");
  /* The source is inherited when not given. */
  g_assert_cmpstr (fz_ruleset_get_source (rules), ==, fz_ruleset_get_source (national));
  fz_ruleset_get_deadline (rules, &month, &day);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 15);

  /* <order> first, then the others in inherited order; other_matters gone. */
  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, 6);
  g_assert_cmpstr (fz_ruleset_get_element (rules, 0)->id, ==, "next_year_plan");
  g_assert_cmpstr (fz_ruleset_get_element (rules, 1)->id, ==, "publication");
  g_assert_cmpstr (fz_ruleset_get_element (rules, 2)->id, ==, "measures_and_results");
  g_assert_cmpstr (fz_ruleset_get_element (rules, 5)->id, ==, "first_responsible_person");
  g_assert_null (fz_ruleset_find_element (rules, "other_matters"));

  plan = fz_ruleset_find_element (rules, "next_year_plan");
  g_assert_cmpuint (plan->min_body_chars, ==, 300);
  g_assert_cmpint (plan->priority, ==, 60);
  g_assert_cmpuint (plan->xml_line, ==, 7);

  /* The built-in set is untouched. */
  g_assert_cmpuint (fz_ruleset_get_n_elements (national), ==, 6);
  g_assert_cmpuint (fz_ruleset_find_element (national, "next_year_plan")->min_body_chars, ==, 40);

  remove_file (path);
}

static void
test_user_extends_errors (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;

  a = write_user_rules ("loop-a.xml",
                        "<ruleset id=\"loop-a\" version=\"1\" extends=\"loop-b\"><name>甲</name></ruleset>");
  b = write_user_rules ("loop-b.xml",
                        "<ruleset id=\"loop-b\" version=\"1\" extends=\"loop-a\"><name>乙</name></ruleset>");
  rules = fz_ruleset_load ("loop-a", &error);
  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_clear_error (&error);

  c = write_user_rules ("bad-order.xml",
                        "<ruleset id=\"bad-order\" version=\"1\" extends=\"national\">\n"
                        "<name>丙</name>\n"
                        "<order>causes nothing</order>\n"
                        "</ruleset>");
  rules = fz_ruleset_load ("bad-order", &error);
  g_assert_null (rules);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, c));
  g_assert_nonnull (strstr (error->message, ":3: "));
  g_assert_nonnull (strstr (error->message, "“nothing”"));

  remove_file (a);
  remove_file (b);
  remove_file (c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/ruleset/threads", test_threads);
  g_test_add_func ("/ruleset/builtin/national", test_builtin_national);
  g_test_add_func ("/ruleset/builtin/guangdong", test_builtin_guangdong);
  g_test_add_func ("/ruleset/display-names", test_display_names);
  g_test_add_func ("/ruleset/file", test_file);
  g_test_add_func ("/ruleset/data", test_data);
  g_test_add_func ("/ruleset/split-evidence", test_split_evidence);
  g_test_add_func ("/ruleset/checks-and-deadlines", test_checks_and_deadlines);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ruleset/error/%s", bad_files[i].file);

      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/ruleset/error/doctype-in-memory", test_doctype_in_memory);
  g_test_add_func ("/ruleset/not-found", test_not_found);
  g_test_add_func ("/ruleset/user/list-and-load", test_user_list_and_load);
  g_test_add_func ("/ruleset/user/extends", test_user_extends);
  g_test_add_func ("/ruleset/user/extends-errors", test_user_extends_errors);

  return g_test_run ();
}
