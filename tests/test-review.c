/* test-review.c: the reviewer's judgement survives crashes, damage and moves
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fz-test-utils.h"
#include "libfazhi.h"

#define SHA_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define SHA_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"

static const char *self_path;

static const char report_text[] =
  "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
  "一、主要举措和成效\n"
  "全年办理行政处罚案件25宗，开展行政检查160次。\n"
  "二、存在的不足和原因\n"
  "执法力量薄弱，部分领域监管覆盖不全。执法力量薄弱的问题在乡镇普遍存在。\n"
  "三、下一年度主要安排\n"
  "加强执法队伍建设，开展行政检查。\n";

static char *
store_contents (const char *sha)
{
  g_autoptr(GFile) file = fz_review_get_store_file (sha);
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
write_store (const char *sha,
             const char *contents)
{
  g_autoptr(GFile) file = fz_review_get_store_file (sha);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_hash (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("test", 4);
  g_autofree char *sha = fz_review_hash_bytes (bytes);
  g_autofree char *dir = g_dir_make_tmp ("fz-hash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *missing = NULL;

  g_assert_cmpstr (sha, ==, SHA_A);
  g_file_set_contents (path, "test", 4, &error);
  g_assert_no_error (error);
  from_file = fz_review_hash_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_file, ==, SHA_A);

  g_unlink (path);
  missing = fz_review_hash_file (file, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
on_changed_count (FzReview *review,
                  guint    *count)
{
  (*count)++;
}

static void
test_decisions_and_log (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "report.txt");
  g_auto(GStrv) ids = NULL;
  GPtrArray *log;
  const FzReviewChange *c;
  const char *reason = NULL;
  GDateTime *time = NULL;
  FzStatus status;
  guint n_notify = 0, n_changed = 0;

  g_signal_connect (review, "notify::n-decided", G_CALLBACK (on_notify_count), &n_notify);
  g_signal_connect (review, "changed", G_CALLBACK (on_changed_count), &n_changed);

  g_assert_false (fz_review_get_decision (review, "causes", NULL, NULL, NULL));
  fz_review_set_decision (review, "causes", FZ_STATUS_PARTIAL, "只写了现象，原因分析不足");
  fz_review_set_decision (review, "plans", FZ_STATUS_PRESENT, NULL);
  fz_review_set_decision (review, "causes", FZ_STATUS_MISSING, "没有原因分析");
  /* Setting the same decision again is no change. */
  fz_review_set_decision (review, "causes", FZ_STATUS_MISSING, "没有原因分析");

  g_assert_cmpuint (fz_review_get_n_decided (review), ==, 2);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_true (fz_review_get_decision (review, "causes", &status, &reason, &time));
  g_assert_cmpint (status, ==, FZ_STATUS_MISSING);
  g_assert_cmpstr (reason, ==, "没有原因分析");
  g_assert_nonnull (time);

  ids = fz_review_dup_decided_ids (review);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "causes");
  g_assert_cmpstr (ids[1], ==, "plans");

  fz_review_clear_decision (review, "plans");
  g_assert_cmpuint (fz_review_get_n_decided (review), ==, 1);
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_cmpuint (n_changed, ==, 4);

  fz_review_set_opinion (review, "基本");
  fz_review_set_opinion (review, "基本符合要求");

  log = fz_review_get_log (review);
  g_assert_cmpuint (log->len, ==, 5);
  c = g_ptr_array_index (log, 0);
  g_assert_cmpstr (c->what, ==, "decision:causes");
  g_assert_null (c->old_value);
  g_assert_cmpstr (c->new_value, ==, "partial");
  g_assert_cmpstr (c->why, ==, "只写了现象，原因分析不足");
  c = g_ptr_array_index (log, 2);
  g_assert_cmpstr (c->what, ==, "decision:causes");
  g_assert_cmpstr (c->old_value, ==, "partial");
  g_assert_cmpstr (c->new_value, ==, "missing");
  c = g_ptr_array_index (log, 3);
  g_assert_cmpstr (c->what, ==, "decision:plans");
  g_assert_cmpstr (c->old_value, ==, "present");
  g_assert_null (c->new_value);
  /* Typing the opinion makes one entry from the old to the latest text. */
  c = g_ptr_array_index (log, 4);
  g_assert_cmpstr (c->what, ==, "opinion");
  g_assert_cmpstr (c->old_value, ==, "");
  g_assert_cmpstr (c->new_value, ==, "基本符合要求");
}

static void
test_deadline (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_A, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_review_set_deadline (review, "2026-03-31", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_deadline (review), ==, "2026-03-31");

  g_assert_false (fz_review_set_deadline (review, "2026-02-30", &error));
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fz_review_set_deadline (review, "next week", &error));
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID);
  g_assert_cmpstr (fz_review_get_deadline (review), ==, "2026-03-31");

  g_assert_true (fz_review_set_deadline (review, NULL, NULL));
  g_assert_null (fz_review_get_deadline (review));
}

static FzReview *
make_full_review (FzDocument *doc)
{
  FzReview *review = fz_review_new (SHA_A, "石桥镇报告.txt");
  const char *text = fz_document_get_text (doc);
  const char *hit = strstr (text, "执法力量薄弱");
  guint start = g_utf8_pointer_to_offset (text, hit);

  fz_review_set_reviewer (review, "李审查");
  fz_review_set_ruleset_id (review, "national");
  fz_review_set_opinion (review, "报告结构完整。\n原因分析需加强。");
  fz_review_set_rectification (review, "补充原因分析。");
  g_assert_true (fz_review_set_deadline (review, "2026-03-31", NULL));
  fz_review_set_decision (review, "causes", FZ_STATUS_PARTIAL, "原因分析过于简单");
  fz_review_add_annotation (review, doc, start, start + 6, FZ_ANNOTATION_PROBLEM, "“薄弱”的依据是什么？");

  return review;
}

static void
assert_reviews_equal (FzReview *a,
                      FzReview *b)
{
  g_autofree char *da = fz_review_to_data (a, NULL);
  g_autofree char *db = fz_review_to_data (b, NULL);

  g_assert_cmpstr (da, ==, db);
}

static void
test_save_and_restore (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = make_full_review (doc);
  g_autoptr(FzReview) again = NULL;
  g_autoptr(FzReview) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *annotations;
  g_autoptr(FzAnnotation) a = NULL;

  fresh = fz_review_load_for_report (SHA_B, "other.txt", &error);
  g_assert_no_error (error);
  g_assert_false (fz_review_get_restored (fresh));
  g_assert_cmpuint (fz_review_get_n_decided (fresh), ==, 0);

  g_assert_true (fz_review_save (review, &error));
  g_assert_no_error (error);

  /* The report was renamed: the hash finds the review anyway. */
  again = fz_review_load_for_report (SHA_A, "renamed.txt", &error);
  g_assert_no_error (error);
  g_assert_true (fz_review_get_restored (again));
  g_assert_cmpstr (fz_review_get_report_name (again), ==, "renamed.txt");
  fz_review_set_report_name (again, "石桥镇报告.txt");
  assert_reviews_equal (review, again);

  g_assert_cmpstr (fz_review_get_reviewer (again), ==, "李审查");
  g_assert_cmpstr (fz_review_get_deadline (again), ==, "2026-03-31");
  annotations = fz_review_get_annotations (again);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  a = g_list_model_get_item (annotations, 0);
  g_assert_cmpstr (fz_annotation_get_quote (a), ==, "执法力量薄弱");
  g_assert_cmpint (fz_annotation_get_category (a), ==, FZ_ANNOTATION_PROBLEM);
  g_assert_cmpuint (fz_review_get_log (again)->len, ==, fz_review_get_log (review)->len);
}

static FzReview *
load_for_file (GFile   *file,
               char   **sha,
               GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fz_review_load_for_file_async (file, NULL, fz_test_keep_result, &result);

  return fz_review_load_for_file_finish (fz_test_wait_result (&result), sha, error);
}

/* The window's path: hash the report off the main thread, then restore. */
static void
test_load_for_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-load-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzReview) first = NULL;
  g_autoptr(FzReview) again = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha2 = NULL;

  g_file_set_contents (path, "test", 4, &error);
  g_assert_no_error (error);

  first = load_for_file (file, &sha, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, SHA_A);
  g_assert_false (fz_review_get_restored (first));
  fz_review_set_decision (first, "plans", FZ_STATUS_MISSING, "没有写明年度安排");
  g_assert_true (fz_review_save (first, NULL));

  /* Moved and renamed: restored all the same, under the new name. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  again = load_for_file (moved_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fz_review_get_restored (again));
  g_assert_cmpstr (fz_review_get_report_name (again), ==, "moved.txt");
  g_assert_true (fz_review_get_decision (again, "plans", NULL, NULL, NULL));

  /* A damaged store file: an error, and the hash to start anew with. */
  write_store (SHA_A, "{");
  g_clear_object (&again);
  again = load_for_file (moved_file, &sha2, &error);
  g_assert_null (again);
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
  g_assert_cmpstr (sha2, ==, SHA_A);

  g_unlink (moved);
  g_rmdir (dir);
}

static void
test_export_import (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = make_full_review (doc);
  g_autoptr(FzReview) imported = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fz-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "审查.fzreview", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) store = fz_review_get_store_file (SHA_A);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_review_save_to_file (review, file, &error));
  g_assert_no_error (error);

  imported = fz_review_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_report_sha256 (imported), ==, SHA_A);
  g_assert_cmpstr (fz_review_get_report_name (imported), ==, "石桥镇报告.txt");
  /* Autosave goes to this machine's store, not back to the exported file. */
  g_assert_true (g_file_equal (fz_review_get_file (imported), store));
  assert_reviews_equal (review, imported);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_corrupt (void)
{
  static const char garbage[] = "{\"format\": \"fazhi-review\", \"version\": 1, \"report\": ";
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) store = fz_review_get_store_file (SHA_A);
  g_autofree char *path = g_file_get_path (store);
  g_autofree char *aside = g_strconcat (path, ".corrupt-1", NULL);
  g_autofree char *kept = NULL;

  write_store (SHA_A, garbage);
  review = fz_review_load_for_report (SHA_A, "r.txt", &error);
  g_assert_null (review);
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
  /* The message says where the damaged file went. */
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A new review saves beside the kept copy. */
  review = fz_review_new (SHA_A, "r.txt");
  fz_review_set_opinion (review, "重新审查");
  g_assert_true (fz_review_save (review, NULL));
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);

  /* A file damaged behind our back is moved aside before a save, too. */
  write_store (SHA_A, "not json at all");
  fz_review_set_opinion (review, "再次保存");
  g_assert_true (fz_review_save (review, NULL));
  g_clear_pointer (&kept, g_free);
  {
    g_autofree char *aside2 = g_strconcat (path, ".corrupt-2", NULL);

    g_assert_true (g_file_get_contents (aside2, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "not json at all");
  }

  /* Wrong types are damage as well, never silently dropped. */
  g_clear_error (&error);
  g_clear_object (&review);
  review = fz_review_new_from_data ("{\"format\":\"fazhi-review\",\"version\":1,"
                                    "\"report\":{\"sha256\":\"" SHA_A "\"},\"reviewer\":\"\","
                                    "\"opinion\":\"\",\"rectification\":\"\",\"decisions\":"
                                    "[{\"element\":\"causes\",\"status\":\"maybe\"}],"
                                    "\"annotations\":[],\"log\":[]}", -1, "x.fzreview", &error);
  g_assert_null (review);
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
}

/* Every truncation of a real review file is refused cleanly. */
static void
test_truncated (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = make_full_review (doc);
  gsize len;
  g_autofree char *data = fz_review_to_data (review, &len);

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzReview) back = fz_review_new_from_data (data, cut, "cut.fzreview", &error);

      /* Cutting only trailing white space leaves a whole review. */
      if (back != NULL)
        {
          g_assert_no_error (error);
          for (gsize i = cut; i < len; i++)
            g_assert_true (g_ascii_isspace (data[i]));
          continue;
        }
      g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT);
    }
}

static void
test_newer_version (void)
{
  static const char newer[] =
    "{\"format\": \"fazhi-review\", \"version\": 7, \"report\": {\"sha256\": \"" SHA_B "\"},"
    " \"something\": \"from the future\"}";
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  write_store (SHA_B, newer);
  review = fz_review_load_for_report (SHA_B, "r.txt", &error);
  g_assert_null (review);
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  /* Work started anyway is kept in memory and never overwrites the file. */
  review = fz_review_new (SHA_B, "r.txt");
  fz_review_set_opinion (review, "临时意见");
  g_assert_false (fz_review_save (review, &error));
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NEWER_VERSION);
  g_assert_cmpstr (fz_review_get_opinion (review), ==, "临时意见");
  after = store_contents (SHA_B);
  g_assert_cmpstr (after, ==, newer);
}

static void
test_unwritable (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "r.txt");
  g_autoptr(FzReviewSaver) saver = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fz-unwritable-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (blocker, "r.fzreview", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);

  /* A plain file where the folder should be: fails even for root. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  fz_review_set_file (review, file);

  saver = fz_review_saver_new (review);
  fz_review_set_opinion (review, "不能丢失的意见");
  g_assert_true (fz_review_saver_get_dirty (saver));
  g_assert_false (fz_review_saver_flush (saver, &error));
  g_assert_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (fz_review_saver_get_error (saver));
  g_assert_true (fz_review_saver_get_dirty (saver));
  g_assert_cmpstr (fz_review_get_opinion (review), ==, "不能丢失的意见");

  /* Once the place is usable again the next save clears the error. */
  g_unlink (blocker);
  g_assert_true (fz_review_saver_flush (saver, NULL));
  g_assert_null (fz_review_saver_get_error (saver));
  g_assert_false (fz_review_saver_get_dirty (saver));

  g_clear_object (&saver);
  g_unlink (target);
  g_rmdir (blocker);
  g_rmdir (dir);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_saver_delay (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_B, "r.txt");
  g_autoptr(FzReviewSaver) saver = fz_review_saver_new (review);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *contents = NULL;
  g_autofree char *later = NULL;

  /* A decision is a finished act: on disk before the call returns, with
   * no main loop turning. */
  g_assert_false (fz_review_saver_get_dirty (saver));
  fz_review_set_decision (review, "plans", FZ_STATUS_PRESENT, NULL);
  g_assert_false (fz_review_saver_get_dirty (saver));
  contents = store_contents (SHA_B);
  g_assert_nonnull (contents);
  g_assert_nonnull (strstr (contents, "\"plans\""));

  /* Typing waits a moment, then goes out with the rest. */
  fz_review_set_opinion (review, "正在输入的意见");
  g_assert_true (fz_review_saver_get_dirty (saver));
  later = store_contents (SHA_B);
  g_assert_null (strstr (later, "正在输入的意见"));

  g_timeout_add (1000, quit_loop, loop);
  g_main_loop_run (loop);

  g_assert_false (fz_review_saver_get_dirty (saver));
  g_clear_pointer (&later, g_free);
  later = store_contents (SHA_B);
  g_assert_nonnull (strstr (later, "正在输入的意见"));
}

/* Every finished act on the memo and the annotations is written at once,
 * and comes back from the file as it was made. */
static void
test_saver_acts (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "r.txt");
  g_autoptr(FzReviewSaver) saver = fz_review_saver_new (review);
  g_autoptr(FzReview) back = NULL;
  g_autoptr(FzAnnotation) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean in_memo = TRUE;

  note = g_object_ref (fz_review_add_annotation (review, doc, 30, 40, FZ_ANNOTATION_PROBLEM, "数字有误"));
  contents = store_contents (SHA_A);
  g_assert_nonnull (strstr (contents, "数字有误"));
  g_clear_pointer (&contents, g_free);

  /* Deleted, then put back where it was (the undo of a delete). */
  fz_review_remove_annotation (review, note);
  back = fz_review_load_for_report (SHA_A, "r.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (back)), ==, 0);
  g_clear_object (&back);
  fz_review_insert_annotation (review, 0, note);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  back = fz_review_load_for_report (SHA_A, "r.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (back)), ==, 1);
  g_clear_object (&back);

  fz_review_set_problem_choice (review, "markup_residue", TRUE);
  fz_review_set_problem_choice (review, "punct_halfwidth", FALSE);
  g_assert_false (fz_review_saver_get_dirty (saver));

  /* Rewording a paragraph and the 文号 are typing. */
  fz_review_set_paragraph (review, "element:causes", "请补充原因分析。");
  fz_review_set_paragraph (review, FZ_REVIEW_PARAGRAPH_OPINION, "报告基本符合要求。");
  fz_review_set_memo_number (review, "遂司函〔2025〕12号");
  g_assert_true (fz_review_saver_get_dirty (saver));
  g_assert_true (fz_review_saver_flush (saver, &error));
  g_assert_no_error (error);

  back = fz_review_load_for_report (SHA_A, "r.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_paragraph (back, "element:causes"), ==, "请补充原因分析。");
  g_assert_cmpstr (fz_review_get_opinion (back), ==, "报告基本符合要求。");
  g_assert_cmpstr (fz_review_get_paragraph (back, FZ_REVIEW_PARAGRAPH_OPINION), ==, "报告基本符合要求。");
  g_assert_null (fz_review_get_paragraph (back, "element:plans"));
  g_assert_cmpstr (fz_review_get_memo_number (back), ==, "遂司函〔2025〕12号");
  g_assert_true (fz_review_get_problem_choice (back, "markup_residue", &in_memo));
  g_assert_true (in_memo);
  g_assert_true (fz_review_get_problem_choice (back, "punct_halfwidth", &in_memo));
  g_assert_false (in_memo);
  g_assert_false (fz_review_get_problem_choice (back, "numbering", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (back)), ==, 1);

  /* Going back to the memo's own wording is saved too. */
  fz_review_set_paragraph (review, "element:causes", NULL);
  fz_review_clear_problem_choice (review, "markup_residue");
  g_assert_true (fz_review_saver_flush (saver, &error));
  g_clear_object (&back);
  back = fz_review_load_for_report (SHA_A, "r.txt", &error);
  g_assert_no_error (error);
  g_assert_null (fz_review_get_paragraph (back, "element:causes"));
  g_assert_false (fz_review_get_problem_choice (back, "markup_residue", NULL));
}

/* The crash test.  The child edits a review under an autosaver, printing
 * each change after making it; the parent kills it with SIGKILL in the
 * middle and checks that every decision printed before the kill is in the
 * store (a finished act is written at once), and every opinion typed more
 * than a second before it. */
#define CHILD_STEP_MS 40

static guint child_step;

static gboolean
child_tick (gpointer data)
{
  FzReview *review = data;
  g_autofree char *id = g_strdup_printf ("e%u", child_step);
  g_autofree char *reason = g_strdup_printf ("step %u", child_step);
  g_autofree char *opinion = g_strdup_printf ("opinion %u", child_step);

  fz_review_set_decision (review, id, FZ_STATUS_PARTIAL, reason);
  fz_review_set_opinion (review, opinion);
  printf ("%u\n", child_step);
  fflush (stdout);
  child_step++;

  return G_SOURCE_CONTINUE;
}

static int
run_child (void)
{
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "crash.txt");
  g_autoptr(FzReviewSaver) saver = fz_review_saver_new (review);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (CHILD_STEP_MS, child_tick, review);
  /* Never reached in the test; a bound in case the parent dies. */
  g_timeout_add_seconds (60, quit_loop, loop);
  g_main_loop_run (loop);

  return 0;
}

static void
test_crash (void)
{
  const char *argv[] = { self_path, "--child-edit", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(FzReview) review = NULL;
  GPid pid;
  int out_fd, status;
  gint64 start, killed;
  guint checked = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Until enough acts have been reported and a second more has passed,
   * however slow the machine's disk is at saving each (fsync). */
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      GPollFD fd = { out_fd, G_IO_IN, 0 };
      char buf[256];
      gssize n;
      char *nl;

      if (g_poll (&fd, 1, 50) <= 0)
        continue;
      n = read (out_fd, buf, sizeof buf);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (pending, buf, n);
      while ((nl = strchr (pending->str, '\n')) != NULL)
        {
          gint64 now = g_get_monotonic_time ();

          g_array_append_val (reported, now);
          g_string_erase (pending, 0, nl - pending->str + 1);
        }
      if (reported->len > 12 &&
          g_get_monotonic_time () - g_array_index (reported, gint64, 11) > 3 * G_USEC_PER_SEC / 2)
        break;
    }

  killed = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
  close (out_fd);

  g_assert_cmpuint (reported->len, >, 10);

  review = fz_review_load_for_report (SHA_A, "crash.txt", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reported->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *want = g_strdup_printf ("step %u", i);
      const char *reason = NULL;

      g_assert_true (fz_review_get_decision (review, id, NULL, &reason, NULL));
      g_assert_cmpstr (reason, ==, want);
      if (killed - g_array_index (reported, gint64, i) > G_USEC_PER_SEC)
        checked++;
    }
  /* The opinion typed last more than a second before the kill, or later. */
  {
    guint typed = 0;

    g_assert_true (sscanf (fz_review_get_opinion (review), "opinion %u", &typed) == 1);
    g_assert_cmpuint (typed + 1, >=, checked);
  }
  g_test_message ("%u decisions reported, all found after SIGKILL; %u older than a second",
                  reported->len, checked);
  g_assert_cmpuint (checked, >, 10);
}

static FzAnnotation *
annotate (FzReview   *review,
          FzDocument *doc,
          const char *quote,
          guint       occurrence)
{
  const char *text = fz_document_get_text (doc);
  const char *hit = text;
  guint start;

  for (guint i = 0; i <= occurrence; i++)
    {
      hit = strstr (i == 0 ? text : hit + 1, quote);
      g_assert_nonnull (hit);
    }
  start = g_utf8_pointer_to_offset (text, hit);

  return fz_review_add_annotation (review, doc, start, start + g_utf8_strlen (quote, -1),
                                   FZ_ANNOTATION_DOUBT, "核实");
}

static void
assert_anchor (FzAnnotation *a,
               FzDocument   *doc,
               const char   *expected)
{
  g_autofree char *slice = fz_document_dup_range (doc, fz_annotation_get_start (a), fz_annotation_get_end (a));

  g_assert_true (fz_annotation_get_attached (a));
  g_assert_cmpstr (slice, ==, expected);
}

static void
test_reanchor (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "r.txt");
  FzAnnotation *figure, *second, *plan, *gone;
  g_autoptr(FzDocument) converted = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  figure = annotate (review, doc, "行政处罚案件25宗", 0);
  /* The second of two identical passages: the context tells them apart. */
  second = annotate (review, doc, "执法力量薄弱", 1);
  plan = annotate (review, doc, "加强执法队伍建设", 0);
  gone = annotate (review, doc, "部分领域监管覆盖不全", 0);

  /* As if the .txt came back as a .docx: a paragraph added in front,
   * the figure written with full-width digits and a space, a sentence
   * reworded, one passage deleted. */
  g_string_append (text, "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
                         "中共青禾县委、青禾县人民政府：\n"
                         "现将有关情况报告如下。\n"
                         "一、主要举措和成效\n"
                         "全年办理行政处罚案件 ２５宗，开展行政检查160次。\n"
                         "二、存在的不足和原因\n"
                         "执法力量薄弱。执法力量薄弱的问题在乡镇普遍存在。\n"
                         "三、下一年度主要安排\n"
                         "加强乡镇执法队伍建设，开展行政检查。\n");
  converted = fz_document_new_from_text (text->str, text->len, "r.docx");

  g_assert_cmpuint (fz_review_attach (review, converted), ==, 1);
  assert_anchor (figure, converted, "行政处罚案件２５宗");
  assert_anchor (second, converted, "执法力量薄弱");
  g_assert_true (g_str_has_prefix (fz_annotation_get_suffix (second), "的问题"));
  assert_anchor (plan, converted, "加强乡镇执法队伍建设");
  g_assert_false (fz_annotation_get_attached (gone));

  /* Back to the original: everything found again, the lost one too,
   * since an annotation that was not found keeps its old anchor. */
  g_assert_cmpuint (fz_review_attach (review, doc), ==, 0);
  assert_anchor (figure, doc, "行政处罚案件25宗");
  assert_anchor (second, doc, "执法力量薄弱");
  assert_anchor (plan, doc, "加强执法队伍建设");
  assert_anchor (gone, doc, "部分领域监管覆盖不全");
}

static void
test_annotation_edits (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report_text, -1, "r.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA_A, "r.txt");
  FzAnnotation *a = annotate (review, doc, "开展行政检查160次", 0);
  g_autoptr(FzAnnotation) keep = g_object_ref (a);
  GListModel *model = fz_review_get_annotations (review);
  GPtrArray *log = fz_review_get_log (review);
  const FzReviewChange *c;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  fz_review_update_annotation (review, a, FZ_ANNOTATION_SUGGESTION, "写明检查覆盖率");
  g_assert_cmpint (fz_annotation_get_category (a), ==, FZ_ANNOTATION_SUGGESTION);
  g_assert_cmpstr (fz_annotation_get_note (a), ==, "写明检查覆盖率");
  fz_review_remove_annotation (review, a);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_assert_cmpuint (log->len, ==, 3);
  c = g_ptr_array_index (log, 1);
  g_assert_cmpstr (c->what, ==, "annotation:change");
  g_assert_nonnull (strstr (c->old_value, "存疑"));
  g_assert_nonnull (strstr (c->new_value, "建议"));
  c = g_ptr_array_index (log, 2);
  g_assert_cmpstr (c->what, ==, "annotation:remove");
  g_assert_null (c->new_value);
}

/* Each test starts from an empty store. */
static void
run_with_empty_store (gconstpointer data)
{
  g_autofree char *dir = fz_review_get_store_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }

  ((GTestFunc) data) ();
}

static void
add_test (const char *path,
          GTestFunc   func)
{
  g_test_add_data_func (path, (gconstpointer) func, run_with_empty_store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  self_path = argv[0];
  setlocale (LC_ALL, "");

  if (argc > 1 && g_str_equal (argv[1], "--child-edit"))
    return run_child ();

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  /* Never the user's own reviews: a private store for this run, set
   * before GLib reads and caches $XDG_DATA_HOME. */
  data_home = g_dir_make_tmp ("fz-test-review-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  add_test ("/review/hash", test_hash);
  add_test ("/review/decisions-and-log", test_decisions_and_log);
  add_test ("/review/deadline", test_deadline);
  add_test ("/review/save-and-restore", test_save_and_restore);
  add_test ("/review/load-for-file", test_load_for_file);
  add_test ("/review/export-import", test_export_import);
  add_test ("/review/corrupt", test_corrupt);
  add_test ("/review/truncated", test_truncated);
  add_test ("/review/newer-version", test_newer_version);
  add_test ("/review/unwritable", test_unwritable);
  add_test ("/review/saver-delay", test_saver_delay);
  add_test ("/review/saver-acts", test_saver_acts);
  add_test ("/review/crash", test_crash);
  add_test ("/review/reanchor", test_reanchor);
  add_test ("/review/annotation-edits", test_annotation_edits);

  status = g_test_run ();

  {
    g_autofree char *store = fz_review_get_store_dir ();
    g_autofree char *app = g_path_get_dirname (store);
    g_autoptr(GDir) d = g_dir_open (store, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (store, name, NULL);

        g_unlink (path);
      }
    g_rmdir (store);
    g_rmdir (app);
    g_rmdir (data_home);
  }

  return status;
}
