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

static const char report_text[] =
  "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
  "县人民政府：\n"
  "现将我镇2024年度法治政府建设情况报告如下。\n"
  "一、主要举措和成效\n"
  "全年办理行政处罚案件25宗，开展行政检查160次，组织普法宣传活动42场，"
  "调解矛盾纠纷118宗，调解成功112宗。镇党委书记、镇长履行推进法治建设第一责任人职责，"
  "专题研究法治工作4次。\n"
  "二、存在的不足和原因\n"
  "执法力量薄弱，部分领域监管覆盖不全。原因是执法人员编制不足，培训不够系统。\n"
  "三、2025年工作安排\n"
  "加强执法队伍建设，开展行政检查，完善法律顾问制度，推进基层依法治理。\n"
  "青山镇人民政府\n"
  "2025年1月20日\n";

typedef struct
{
  char           *dir;
  GFile          *report_file;
  FzReviewStore  *reviews;
  FzRuleSetStore *rulesets;
} Fixture;

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Drops the last reference to @object and checks that it is freed: at
 * once, or once a superseded worker's result has come back to the main
 * thread (a cancelled read still holds the report until then). */
static void
assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_store_loaded (FzRuleSetStore *store,
                 GParamSpec     *pspec,
                 gboolean       *done)
{
  if (!fz_ruleset_store_get_loading (store))
    *done = TRUE;
}

static void
wait_for_rulesets (FzRuleSetStore *store)
{
  gboolean done = !fz_ruleset_store_get_loading (store);
  gulong id = g_signal_connect (store, "notify::loading", G_CALLBACK (on_store_loaded), &done);

  wait_for (&done);
  g_signal_handler_disconnect (store, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *rules = NULL;
  g_autoptr(GFile) reviews_dir = NULL;

  f->dir = g_dir_make_tmp ("fz-report-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (f->dir, "青山镇.txt", NULL);
  g_file_set_contents (path, report_text, -1, &error);
  g_assert_no_error (error);
  f->report_file = g_file_new_for_path (path);

  reviews = g_build_filename (f->dir, "reviews", NULL);
  reviews_dir = g_file_new_for_path (reviews);
  f->reviews = fz_review_store_new (reviews_dir);

  rules = g_build_filename (f->dir, "rules", NULL);
  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  f->rulesets = fz_ruleset_store_new (rules);
  wait_for_rulesets (f->rulesets);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->rulesets);
  g_assert_finalize_object (f->reviews);
  g_clear_object (&f->report_file);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  if (!fz_report_load_finish (FZ_REPORT (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "loaded");
}

/* Loads @report and returns how it ended: NULL when it loaded. */
static GError *
load (FzReport *report)
{
  GError *error = NULL;

  fz_report_load_async (report, NULL, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

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
  bytes = g_bytes_new_static (report_text, strlen (report_text));
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
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* A decision changes its item and the counts, nothing else: no list is
 * rebuilt, no other row repaints. */
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
  g_assert_true (g_file_set_contents (empty_path, report_text, -1, NULL));
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
  g_autoptr(GBytes) bytes = g_bytes_new_static (report_text, strlen (report_text));
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
write_rules (const char *folder,
             const char *name,
             const char *xml)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
}

static const char county_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"county\" version=\"1\" extends=\"national\">\n"
  "  <name>某县审查要点</name>\n"
  "</ruleset>\n";

static const char broken_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"broken\" version=\"1\">\n"
  "  <name>坏的</name>\n"
  "  <element id=\"x\" required=\"yes\"><name>某项</name><heading>(</heading></element>\n"
  "</ruleset>\n";

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *changed)
{
  *changed = TRUE;
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
  write_rules (folder, "county.xml", county_xml);
  write_rules (folder, "broken.xml", broken_xml);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

#define ADD(path, func) \
  g_test_add ("/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("decision", test_decision);
  ADD ("shared-review", test_shared_review);
  ADD ("ruleset", test_ruleset);
  ADD ("failures", test_failures);
  ADD ("cancel", test_cancel);
  ADD ("load-sync", test_load_sync);
  ADD ("import", test_import);
  ADD ("damaged-review", test_damaged_review);
  ADD ("ruleset-store", test_ruleset_store);
#undef ADD

  return g_test_run ();
}
