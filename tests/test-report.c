/* test-report.c: one report, read once, and the stores every view shares
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "libfazhi.h"

#include "fz-test-report.h"
#include "fz-test-utils.h"

static void
on_stage (FzReport   *report,
          GParamSpec *pspec,
          GString    *stages)
{
  GEnumClass *klass = g_type_class_peek (FZ_TYPE_REPORT_STAGE);

  g_string_append_printf (stages, "%s ", g_enum_get_value (klass, fz_report_get_stage (report))->value_nick);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GString) stages = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  GListModel *checklist;
  guint n_required = 0;

  g_signal_connect (report, "notify::stage", G_CALLBACK (on_stage), stages);
  g_assert_cmpstr (fz_report_get_display_name (report), ==, "青山镇.txt");
  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_NONE);

  error = load (report);
  g_assert_no_error (error);
  g_assert_cmpstr (stages->str, ==, "reading analysing ready ");
  g_assert_false (fz_report_get_loading (report));
  g_assert_cmpfloat (fz_report_get_progress (report), ==, 1.0);

  /* The hash is of the bytes on disk. */
  bytes = g_bytes_new_static (fz_test_report_text, strlen (fz_test_report_text));
  sha = fz_review_hash_bytes (bytes);
  g_assert_cmpstr (fz_report_get_sha256 (report), ==, sha);

  g_assert_nonnull (fz_report_get_document (report));
  g_assert_nonnull (fz_report_get_analysis (report));
  g_assert_nonnull (fz_report_get_review (report));
  g_assert_null (fz_report_get_review_warning (report));
  g_assert_cmpstr (fz_ruleset_get_id (fz_report_get_ruleset (report)), ==, "national");

  /* One item per element of the rule set, in its order. */
  checklist = fz_report_get_checklist (report);
  g_assert_cmpuint (g_list_model_get_n_items (checklist), ==,
                    fz_analysis_get_elements (fz_report_get_analysis (report))->len);
  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (checklist, i);
      const FzElementResult *result = g_ptr_array_index (fz_analysis_get_elements (fz_report_get_analysis (report)), i);

      g_assert_cmpstr (fz_checklist_item_get_element_id (item), ==, result->id);
      g_assert_cmpint (fz_checklist_item_get_status (item), ==, result->status);
      g_assert_false (fz_checklist_item_get_decided (item));
      if (result->required)
        n_required++;
    }
  g_assert_cmpuint (fz_report_get_n_required (report), ==, n_required);
  g_assert_cmpuint (fz_report_get_n_decided (report), ==, 0);
  g_assert_cmpuint (fz_report_get_findings (report)->len, ==,
                    fz_analysis_get_findings (fz_report_get_analysis (report))->len);

  g_signal_handlers_disconnect_by_data (report, stages);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_decision (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GError) error = load (report);
  GListModel *checklist = fz_report_get_checklist (report);
  g_autoptr(FzChecklistItem) first = NULL;
  g_autoptr(FzChecklistItem) second = NULL;
  guint first_status = 0, second_any = 0, rebuilt = 0, decided = 0;
  FzStatus machine;

  g_assert_no_error (error);
  first = g_list_model_get_item (checklist, 0);
  second = g_list_model_get_item (checklist, 1);
  machine = fz_checklist_item_get_machine_status (first);

  g_signal_connect (first, "notify::status", G_CALLBACK (count_notify), &first_status);
  g_signal_connect (second, "notify", G_CALLBACK (count_notify), &second_any);
  g_signal_connect (checklist, "items-changed", G_CALLBACK (count_items_changed), &rebuilt);
  g_signal_connect (report, "notify::n-decided", G_CALLBACK (count_notify), &decided);

  /* Confirming what the checker said: decided, not overridden. */
  fz_review_set_decision (fz_report_get_review (report), fz_checklist_item_get_element_id (first),
                          machine, NULL);
  g_assert_true (fz_checklist_item_get_decided (first));
  g_assert_false (fz_checklist_item_get_overridden (first));
  g_assert_cmpuint (first_status, ==, 0);
  g_assert_cmpuint (decided, ==, 1);
  g_assert_cmpuint (fz_report_get_n_decided (report), ==, 1);

  /* Overriding it, with a reason. */
  fz_review_set_decision (fz_report_get_review (report), fz_checklist_item_get_element_id (first),
                          machine == FZ_STATUS_MISSING ? FZ_STATUS_PARTIAL : FZ_STATUS_MISSING,
                          "标题有，内容只有一句");
  g_assert_true (fz_checklist_item_get_overridden (first));
  g_assert_cmpstr (fz_checklist_item_get_reason (first), ==, "标题有，内容只有一句");
  g_assert_cmpuint (first_status, ==, 1);
  g_assert_cmpuint (fz_report_get_n_decided (report), ==, 1);

  fz_review_clear_decision (fz_report_get_review (report), fz_checklist_item_get_element_id (first));
  g_assert_false (fz_checklist_item_get_decided (first));
  g_assert_cmpint (fz_checklist_item_get_status (first), ==, machine);
  g_assert_cmpuint (fz_report_get_n_decided (report), ==, 0);

  g_assert_cmpuint (second_any, ==, 0);
  g_assert_cmpuint (rebuilt, ==, 0);

  g_signal_handlers_disconnect_by_data (first, &first_status);
  g_signal_handlers_disconnect_by_data (second, &second_any);
  g_signal_handlers_disconnect_by_data (checklist, &rebuilt);
  g_signal_handlers_disconnect_by_data (report, &decided);
  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Two holders of one report (a tab and a batch row) share its review. */
static void
test_shared_review (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FzReport) tab = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(FzReport) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_path = g_build_filename (f->dir, "renamed.txt", NULL);
  g_autoptr(GFile) moved = g_file_new_for_path (moved_path);
  FzChecklistItem *item;
  const char *id;

  g_assert_no_error ((error = load (tab)));

  /* A copy under another name is the same report. */
  g_assert_true (g_file_copy (f->report_file, moved, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  row = fz_report_new (moved, f->reviews, f->rulesets);
  g_assert_no_error ((error = load (row)));

  g_assert_true (fz_report_get_review (tab) == fz_report_get_review (row));

  item = g_list_model_get_item (fz_report_get_checklist (row), 0);
  id = fz_checklist_item_get_element_id (item);
  fz_review_set_decision (fz_report_get_review (tab), id, FZ_STATUS_PARTIAL, "只有标题");
  g_assert_true (fz_checklist_item_get_decided (item));
  g_assert_cmpint (fz_checklist_item_get_status (item), ==, FZ_STATUS_PARTIAL);
  g_object_unref (item);

  /* Written at once to the store's folder, under the report's hash. */
  g_assert_true (fz_review_store_flush (f->reviews, &error));
  g_assert_no_error (error);
  {
    g_autofree char *name = g_strconcat (fz_report_get_sha256 (tab), ".fzreview", NULL);
    g_autofree char *path = g_build_filename (f->dir, "reviews", name, NULL);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  g_assert_finalize_object (g_steal_pointer (&tab));
  g_assert_finalize_object (g_steal_pointer (&row));
}

/* Another rule set checks the report again; the choice is remembered. */
static void
test_ruleset (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(FzReport) again = NULL;
  g_autoptr(GError) error = load (report);
  FzRuleSet *guangdong = fz_ruleset_store_lookup (f->rulesets, "guangdong");
  FzAnalysis *before = fz_report_get_analysis (report);
  FzReview *review = fz_report_get_review (report);
  gboolean ready = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (guangdong);
  fz_review_set_decision (review, "shortcomings", FZ_STATUS_PRESENT, NULL);

  fz_report_set_ruleset (report, guangdong);
  g_assert_true (fz_report_get_loading (report));
  g_assert_cmpstr (fz_review_get_ruleset_id (review), ==, "guangdong");
  while (!ready)
    {
      g_main_context_iteration (NULL, TRUE);
      ready = fz_report_get_stage (report) == FZ_REPORT_STAGE_READY;
    }
  g_assert_true (fz_report_get_analysis (report) != before);
  g_assert_true (fz_report_get_ruleset (report) == guangdong);
  g_assert_cmpuint (g_list_model_get_n_items (fz_report_get_checklist (report)), ==,
                    fz_ruleset_get_n_elements (guangdong));
  /* The decision is kept on the element the new set still has. */
  g_assert_true (fz_checklist_item_get_decided (fz_report_find_item (report, "shortcomings")));

  /* Opened again, the report is checked with the set chosen last time. */
  again = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_assert_no_error ((error = load (again)));
  g_assert_cmpstr (fz_ruleset_get_id (fz_report_get_ruleset (again)), ==, "guangdong");

  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&again));
}

/* Findings a batch made (copied passages) belong to the report: listed
 * after the checks' own, each once however often they are added, and
 * kept when another rule set checks the report again. */
static void
test_added_findings (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  g_autoptr(GError) error = load (report);
  GPtrArray *added = fz_report_get_added_findings (report);
  FzRuleSet *guangdong = fz_ruleset_store_lookup (f->rulesets, "guangdong");
  guint n_notified = 0, n_checked;
  gboolean ready = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (added->len, ==, 0);
  g_assert_false (fz_report_add_findings (report, NULL));
  g_signal_connect (report, "notify::added-findings", G_CALLBACK (count_notify), &n_notified);

  g_ptr_array_add (copies, fz_finding_new ("copy_overlap", FZ_SEVERITY_WARNING, 0, 8, "甲乙丙丁戊己庚辛",
                                           "与另一份报告雷同"));
  g_ptr_array_add (copies, fz_finding_new ("copy_overlap", FZ_SEVERITY_WARNING, 20, 30, "一二三四五六七八九十",
                                           "与另一份报告雷同"));
  g_assert_true (fz_report_add_findings (report, copies));
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (fz_report_get_added_findings (report) == added);
  g_assert_cmpuint (added->len, ==, 2);
  n_checked = fz_analysis_get_findings (fz_report_get_analysis (report))->len;
  g_assert_true (g_ptr_array_index (fz_report_get_findings (report), n_checked) == g_ptr_array_index (added, 0));
  g_assert_true (g_ptr_array_index (fz_report_get_findings (report), n_checked + 1) == g_ptr_array_index (added, 1));

  /* Again (the report opened from its batch twice): nothing new. */
  g_assert_false (fz_report_add_findings (report, copies));
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (added->len, ==, 2);

  /* Checked again: the analysis is new, the batch's findings stay. */
  fz_report_set_ruleset (report, guangdong);
  while (!ready)
    {
      g_main_context_iteration (NULL, TRUE);
      ready = fz_report_get_stage (report) == FZ_REPORT_STAGE_READY;
    }
  n_checked = fz_analysis_get_findings (fz_report_get_analysis (report))->len;
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (fz_report_get_findings (report)->len, >=, n_checked + 2);
  g_assert_true (g_ptr_array_index (fz_report_get_findings (report), n_checked) == g_ptr_array_index (added, 0));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *missing_path = g_build_filename (f->dir, "nothing.docx", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(FzReport) report = fz_report_new (missing, f->reviews, f->rulesets);
  g_autoptr(GError) error = load (report);

  g_assert_nonnull (error);
  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_FAILED);
  g_assert_nonnull (fz_report_get_error (report));
  g_assert_cmpstr (fz_report_get_error (report)->message, ==, error->message);
  g_assert_null (fz_report_get_review (report));
  g_assert_finalize_object (g_steal_pointer (&report));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  report = fz_report_new (empty, f->reviews, f->rulesets);
  error = load (report);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY);
  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_FAILED);
  g_clear_error (&error);

  /* The same report loaded again after the file was mended. */
  g_assert_true (g_file_set_contents (empty_path, fz_test_report_text, -1, NULL));
  error = load (report);
  g_assert_no_error (error);
  g_assert_null (fz_report_get_error (report));
  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_READY);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  fz_report_load_async (report, cancellable, on_loaded, &error);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (fz_report_get_loading (report));

  /* Loading twice: the first ends as cancelled, the second loads. */
  {
    GError *first = NULL;

    fz_report_load_async (report, NULL, on_loaded, &first);
    error = load (report);
    g_assert_error (first, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_no_error (error);
    g_clear_error (&first);
  }
  assert_finalized (g_steal_pointer (&report));
}

/* The checker's workers load in their own thread. */
static void
test_load_sync (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_report_load (report, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fz_report_get_review (report));
  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (fz_report_get_checklist (report)), >, 0);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
count_decision_changed (FzReview   *review,
                        const char *id,
                        GPtrArray  *ids)
{
  g_ptr_array_add (ids, g_strdup (id));
}

/* A .fzreview from another machine replaces the live review in place. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FzReport) report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_autoptr(GError) error = load (report);
  g_autoptr(FzReview) other = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (f->dir, "from-elsewhere.fzreview", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FzReview *live;
  FzReview *imported;

  g_assert_no_error (error);
  live = fz_report_get_review (report);
  fz_review_set_decision (live, "causes", FZ_STATUS_MISSING, "没有原因");

  other = fz_review_new (fz_report_get_sha256 (report), "青山镇.txt");
  fz_review_set_decision (other, "shortcomings", FZ_STATUS_PARTIAL, "只列问题");
  fz_review_set_opinion (other, "基本符合要求。");
  fz_review_add_annotation (other, fz_report_get_document (report), 4, 10,
                            FZ_ANNOTATION_PROBLEM, "标题不规范");
  g_assert_true (fz_review_save_to_file (other, file, &error));
  g_assert_no_error (error);

  g_signal_connect (live, "decision-changed", G_CALLBACK (count_decision_changed), ids);
  imported = fz_review_store_import (f->reviews, file, &error);
  g_assert_no_error (error);
  g_assert_true (imported == live);
  g_object_unref (imported);

  g_assert_cmpstr (fz_review_get_opinion (live), ==, "基本符合要求。");
  g_assert_false (fz_review_get_decision (live, "causes", NULL, NULL, NULL));
  g_assert_true (fz_checklist_item_get_decided (fz_report_find_item (report, "shortcomings")));
  g_assert_false (fz_checklist_item_get_decided (fz_report_find_item (report, "causes")));
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (live)), ==, 1);
  /* Both the decision that came and the one that went were announced. */
  g_assert_cmpuint (ids->len, ==, 2);

  g_signal_handlers_disconnect_by_data (live, ids);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_damaged_review (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (fz_test_report_text, strlen (fz_test_report_text));
  g_autofree char *sha = fz_review_hash_bytes (bytes);
  g_autofree char *name = g_strconcat (sha, ".fzreview", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "reviews", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *aside = g_strconcat (path, ".corrupt-1", NULL);
  g_autoptr(FzReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));

  report = fz_report_new (f->report_file, f->reviews, f->rulesets);
  g_assert_no_error ((error = load (report)));
  /* The reviewer works on; the damaged file is kept aside and named. */
  g_assert_nonnull (fz_report_get_review (report));
  g_assert_nonnull (fz_report_get_review_warning (report));
  g_assert_nonnull (strstr (fz_report_get_review_warning (report), ".corrupt-1"));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_ruleset_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "rules", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other-rules", NULL);
  g_autoptr(FzRuleSet) dup = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (f->rulesets);
  const char * const *problems;
  gboolean changed = FALSE;

  /* The built-in sets, parsed in a worker. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (fz_ruleset_store_find (f->rulesets, "national"), ==, 0);
  g_assert_cmpuint (fz_ruleset_store_find (f->rulesets, "county"), ==, G_MAXUINT);

  /* A file saved in the folder is noticed without being asked. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  write_rules (folder, "county.xml", fz_test_county_xml);
  write_rules (folder, "broken.xml", fz_test_broken_xml);
  wait_for (&changed);
  wait_for_rulesets (f->rulesets);
  g_signal_handlers_disconnect_by_data (list, &changed);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_nonnull (fz_ruleset_store_lookup (f->rulesets, "county"));
  g_assert_cmpstr (fz_ruleset_get_name (fz_ruleset_store_lookup (f->rulesets, "county")), ==, "某县审查要点");
  problems = fz_ruleset_store_get_problems (f->rulesets);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "broken.xml:4:"));

  /* Workers get the listed object itself. */
  dup = fz_ruleset_store_dup_ruleset (f->rulesets, "county", &error);
  g_assert_no_error (error);
  g_assert_true (dup == fz_ruleset_store_lookup (f->rulesets, "county"));
  g_clear_object (&dup);
  dup = fz_ruleset_store_dup_ruleset (f->rulesets, "broken", &error);
  g_assert_null (dup);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Another folder: its sets only. */
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  fz_ruleset_store_set_folder (f->rulesets, other);
  wait_for_rulesets (f->rulesets);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_null (fz_ruleset_store_lookup (f->rulesets, "county"));
  g_assert_cmpuint (g_strv_length ((char **) fz_ruleset_store_get_problems (f->rulesets)), ==, 0);
}

/* An element that shares its section's heading with another points at its
 * own words: 不足的原因, whose part is headed 存在的不足和原因 like the
 * shortcomings, shows the sentence that gives the causes, not the heading
 * the shortcomings show in their colour. */
static void
test_item_target (Fixture       *f,
                  gconstpointer  data)
{
  const char *text =
    "青山镇人民政府关于2024年度法治政府建设情况的报告\n\n"
    "县委、县政府：\n\n"
    "一、2024年推进法治政府建设的主要举措和成效\n\n"
    "全年重大行政决策全部经合法性审查，办理行政复议案件12件。\n\n"
    "二、2024年推进法治政府建设存在的不足和原因\n\n"
    "执法人员专业化程度不高，部分案件办理不够规范。"
    "究其原因，主要是执法人员多为转岗人员，系统培训不足。\n\n"
    "三、2025年推进法治政府建设的主要安排\n\n"
    "一是分批组织执法人员参加系统培训；二是健全法律顾问参与重大决策机制。\n\n"
    "青山镇人民政府\n2025年2月20日\n";
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, "causes.txt");
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = NULL;
  GPtrArray *sections;
  const FzElementResult *causes;
  g_autoptr(FzChecklistItem) item = NULL;
  g_autofree char *shown = NULL;
  guint start, end;

  analysis = fz_analysis_new (doc, rules);
  causes = fz_analysis_find_element (analysis, "causes");
  g_assert_nonnull (causes);
  g_assert_cmpint (causes->status, !=, FZ_STATUS_MISSING);

  item = fz_checklist_item_new (analysis, causes, NULL);
  g_assert_true (fz_checklist_item_get_target (item, &start, &end));
  shown = fz_document_dup_range (doc, start, end);
  g_test_message ("causes shows “%s”", shown);
  g_assert_nonnull (strstr (shown, "原因"));
  g_assert_null (strstr (shown, "存在的不足"));

  /* Not a heading another element claims. */
  sections = fz_analysis_get_sections (analysis);
  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      if (s->start == start && s->heading_end == end)
        g_assert_true (s->element == NULL || g_str_equal (s->element, "causes"));
    }
}

/* An item given another review reads its decision from it, notifying
 * what changed; given none, it shows the checker's status again. */
static void
test_item_review (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text ("青山镇人民政府关于2024年度法治政府建设情况的报告\n\n"
                                                         "一、2024年推进法治政府建设的主要举措和成效\n\n"
                                                         "办理行政复议案件12件。\n", -1, "item.txt");
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(FzReview) first = NULL;
  g_autoptr(FzReview) second = NULL;
  g_autoptr(FzChecklistItem) item = NULL;
  const FzElementResult *plan;
  guint notified = 0;

  analysis = fz_analysis_new (doc, rules);
  plan = fz_analysis_find_element (analysis, "next_year_plan");
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->status, ==, FZ_STATUS_MISSING);

  first = fz_review_new ("0000000000000000000000000000000000000000000000000000000000000001", "item.txt");
  second = fz_review_new ("0000000000000000000000000000000000000000000000000000000000000001", "item.txt");
  fz_review_set_decision (second, "next_year_plan", FZ_STATUS_PARTIAL, "只有一句");

  item = fz_checklist_item_new (analysis, plan, first);
  g_signal_connect_swapped (item, "notify::status", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_false (fz_checklist_item_get_decided (item));

  fz_checklist_item_set_review (item, second);
  g_assert_true (fz_checklist_item_get_decided (item));
  g_assert_cmpint (fz_checklist_item_get_status (item), ==, FZ_STATUS_PARTIAL);
  g_assert_cmpstr (fz_checklist_item_get_reason (item), ==, "只有一句");
  g_assert_true (fz_checklist_item_get_overridden (item));
  g_assert_cmpuint (notified, ==, 1);

  /* It follows the new review, not the old. */
  fz_review_set_decision (first, "next_year_plan", FZ_STATUS_PRESENT, "见第三部分");
  fz_checklist_item_sync (item);
  g_assert_cmpint (fz_checklist_item_get_status (item), ==, FZ_STATUS_PARTIAL);

  fz_checklist_item_set_review (item, NULL);
  g_assert_false (fz_checklist_item_get_decided (item));
  g_assert_cmpint (fz_checklist_item_get_status (item), ==, FZ_STATUS_MISSING);
  g_assert_cmpuint (notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  fz_test_report_add ("load", test_load);
  fz_test_report_add ("decision", test_decision);
  fz_test_report_add ("shared-review", test_shared_review);
  fz_test_report_add ("ruleset", test_ruleset);
  fz_test_report_add ("added-findings", test_added_findings);
  fz_test_report_add ("failures", test_failures);
  fz_test_report_add ("cancel", test_cancel);
  fz_test_report_add ("load-sync", test_load_sync);
  fz_test_report_add ("import", test_import);
  fz_test_report_add ("damaged-review", test_damaged_review);
  fz_test_report_add ("ruleset-store", test_ruleset_store);
  fz_test_report_add ("item-target", test_item_target);
  fz_test_report_add ("item-review", test_item_review);

  return g_test_run ();
}
