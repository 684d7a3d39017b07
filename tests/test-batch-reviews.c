/* test-batch-reviews.c: a batch's entries and the reports' live reviews
 *
 * A decision is kept once, in the report's review: the batch's entry
 * reads it from there, live, and an older .fzbatch's own copy of the
 * decisions goes into the reviews once.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-file-util.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

#define BATCH_DIR TESTDATADIR "/batch"

static void
run_batch (FzBatch *batch)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fz_batch_analyse_async (batch, NULL, fz_test_keep_result, &result);
  g_assert_true (fz_batch_analyse_finish (batch, fz_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static char *
read_text (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static guint
count_log (FzReview   *review,
           const char *what)
{
  GPtrArray *log = fz_review_get_log (review);
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    if (g_strcmp0 (((FzReviewChange *) g_ptr_array_index (log, i))->what, what) == 0)
      n++;
  return n;
}

static void
count_changed (FzBatchEntry *entry,
               guint        *n)
{
  (*n)++;
}

static void
count_review_notify (FzBatchEntry *entry,
                     GParamSpec   *pspec,
                     guint        *n)
{
  (*n)++;
}

/* A decision made in the review, as the report's tab makes it, is the
 * entry's at once; one made on the entry goes into the review. */
static void
test_live_decision (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-batch-reviews-XXXXXX", &error);
  g_autofree char *reviews_path = g_build_filename (dir, "reviews", NULL);
  g_autoptr(GFile) reviews_folder = g_file_new_for_path (reviews_path);
  g_autoptr(FzReviewStore) store = fz_review_store_new (reviews_folder);
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(FzBatch) restored = NULL;
  g_autoptr(GFile) c = g_file_new_for_path (BATCH_DIR "/reports/c-hongqiao.txt");
  g_autoptr(GFile) saved = NULL;
  g_autofree char *saved_text = NULL;
  FzBatchEntry *entry;
  FzReview *review;
  FzStatus status, partial = FZ_STATUS_PARTIAL;
  guint changed = 0;
  double score_before;

  fz_batch_set_reviews (batch, store);
  g_assert_true (fz_batch_get_reviews (batch) == store);
  fz_batch_add_file (batch, c, FALSE);
  entry = fz_test_find_entry (fz_batch_get_entries (batch), "c-hongqiao.txt");
  g_assert_null (fz_batch_entry_get_review (entry));
  g_signal_connect (entry, "notify::review", G_CALLBACK (count_review_notify), &changed);
  run_batch (batch);
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handlers_disconnect_by_data (entry, &changed);
  changed = 0;

  /* The entry's review is the store's live one for the report. */
  review = fz_batch_entry_get_review (entry);
  g_assert_nonnull (review);
  g_assert_true (fz_review_store_peek (store, fz_batch_entry_get_sha256 (entry)) == review);
  g_assert_true (fz_batch_entry_get_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_MISSING);
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, 0);
  g_assert_cmpint (fz_batch_entry_get_suggested_grade (entry), >=, FZ_GRADE_FAIR);
  score_before = fz_batch_entry_get_score_total (entry);

  g_signal_connect (entry, "changed", G_CALLBACK (count_changed), &changed);
  fz_review_set_decision (review, "causes", FZ_STATUS_PRESENT, "原因在第二部分");
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (fz_batch_entry_get_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);
  g_assert_true (fz_batch_entry_get_machine_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_MISSING);
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, 1);
  /* The score counts the decision too (the national table has one). */
  g_assert_cmpfloat (fz_batch_entry_get_score_total (entry), >, score_before);

  fz_review_set_reviewer (review, "李审查");
  g_assert_cmpstr (fz_batch_entry_get_reviewer (entry), ==, "李审查");

  /* Withdrawn in the review, the machine's status shows again. */
  changed = 0;
  fz_review_clear_decision (review, "causes");
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (fz_batch_entry_get_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_MISSING);
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry), ==, 0);
  g_assert_cmpfloat (fz_batch_entry_get_score_total (entry), ==, score_before);

  /* Decided on the entry (the batch's own controls), kept in the review. */
  fz_batch_entry_set_decision (entry, "causes", &partial);
  g_assert_true (fz_review_get_decision (review, "causes", &status, NULL, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_true (fz_batch_entry_get_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);

  /* The saved batch does not keep the decisions a second time… */
  saved = g_file_new_build_filename (dir, "batch.fzbatch", NULL);
  g_assert_true (fz_batch_save (batch, saved, &error));
  g_assert_no_error (error);
  saved_text = read_text (saved);
  g_assert_null (strstr (saved_text, "\"decisions\""));

  /* …and restored with the store, the row shows the review's. */
  restored = fz_batch_load (saved, NULL, store, &error);
  g_assert_no_error (error);
  g_assert_true (fz_batch_get_reviews (restored) == store);
  run_batch (restored);
  entry = fz_test_find_entry (fz_batch_get_entries (restored), "c-hongqiao.txt");
  g_assert_true (fz_batch_entry_get_review (entry) == review);
  g_assert_true (fz_batch_entry_get_status (entry, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_cmpstr (fz_batch_entry_get_reviewer (entry), ==, "李审查");

  g_assert_true (fz_review_store_flush (store, &error));
  g_assert_no_error (error);
  g_clear_object (&restored);
  g_clear_object (&batch);
  g_clear_object (&store);
  fz_remove_tree (dir);
}

/* A .fzbatch written before the reviews held the decisions. */
static void
write_old_batch (GFile      *file,
                 const char *sha_a,
                 const char *sha_c)
{
  g_autoptr(GFile) a = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
  g_autoptr(GFile) c = g_file_new_for_path (BATCH_DIR "/reports/c-hongqiao.txt");
  g_autofree char *uri_a = g_file_get_uri (a);
  g_autofree char *uri_c = g_file_get_uri (c);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  text = g_strdup_printf ("{\n"
                          "  \"schema\" : \"fazhi-batch/1\",\n"
                          "  \"ruleset\" : \"national\",\n"
                          "  \"reviewer\" : \"王审查\",\n"
                          "  \"reports\" : [\n"
                          "    { \"uri\" : \"%s\", \"sha256\" : \"%s\", \"grade\" : null,\n"
                          "      \"decisions\" : { \"causes\" : \"missing\", \"next_year_plan\" : \"present\" } },\n"
                          "    { \"uri\" : \"%s\", \"sha256\" : \"%s\", \"grade\" : \"fair\",\n"
                          "      \"decisions\" : { \"causes\" : \"present\", \"shortcomings\" : \"present\",\n"
                          "                        \"first_responsible_person\" : \"not_applicable\",\n"
                          "                        \"measures_and_results\" : \"needs_review\" } }\n"
                          "  ],\n"
                          "  \"previous\" : [ ]\n"
                          "}\n", uri_a, sha_a, uri_c, sha_c);
  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_old_batch_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-batch-reviews-XXXXXX", &error);
  g_autofree char *reviews_path = g_build_filename (dir, "reviews", NULL);
  g_autoptr(GFile) reviews_folder = g_file_new_for_path (reviews_path);
  g_autoptr(GFile) a = g_file_new_for_path (BATCH_DIR "/reports/a-qingshan.txt");
  g_autoptr(GFile) c = g_file_new_for_path (BATCH_DIR "/reports/c-hongqiao.txt");
  g_autoptr(GFile) saved = g_file_new_build_filename (dir, "old.fzbatch", NULL);
  g_autofree char *sha_a = fz_review_hash_file (a, NULL, NULL);
  g_autofree char *sha_c = fz_review_hash_file (c, NULL, NULL);
  g_autoptr(FzReviewStore) store = NULL;
  g_autoptr(FzBatch) batch = NULL;
  g_autofree char *text = NULL;
  FzBatchEntry *entry_a, *entry_c;
  FzReview *review_a, *review_c;
  FzStatus status;

  g_assert_no_error (error);
  g_assert_nonnull (sha_a);
  g_assert_nonnull (sha_c);

  /* Since the batch was saved, the reviewer worked in c's own tab: the
   * causes decided partial, the shortcomings decided and withdrawn. */
  {
    g_autoptr(FzReviewStore) earlier = fz_review_store_new (reviews_folder);
    g_autoptr(FzReview) review = fz_review_store_lookup (earlier, sha_c, "c-hongqiao.txt", NULL);

    fz_review_set_decision (review, "causes", FZ_STATUS_PARTIAL, "只写了一句");
    fz_review_set_decision (review, "shortcomings", FZ_STATUS_PRESENT, NULL);
    fz_review_clear_decision (review, "shortcomings");
    g_assert_true (fz_review_store_flush (earlier, &error));
    g_assert_no_error (error);
  }

  /* A new session: the store reads the reviews from disk. */
  store = fz_review_store_new (reviews_folder);
  write_old_batch (saved, sha_a, sha_c);
  batch = fz_batch_load (saved, NULL, store, &error);
  g_assert_no_error (error);
  entry_a = fz_test_find_entry (fz_batch_get_entries (batch), "a-qingshan.txt");
  entry_c = fz_test_find_entry (fz_batch_get_entries (batch), "c-hongqiao.txt");
  g_assert_cmpint (fz_batch_entry_get_grade_override (entry_c), ==, FZ_GRADE_FAIR);

  /* Saved before the reports are read, nothing is lost: the decisions
   * still have no review to go to. */
  g_assert_true (fz_batch_save (batch, saved, &error));
  g_assert_no_error (error);
  text = read_text (saved);
  g_assert_nonnull (strstr (text, "\"next_year_plan\""));
  g_clear_pointer (&text, g_free);

  run_batch (batch);
  review_a = fz_batch_entry_get_review (entry_a);
  review_c = fz_batch_entry_get_review (entry_c);
  g_assert_nonnull (review_a);
  g_assert_nonnull (review_c);

  /* a had no review: the batch's decisions became its review's. */
  g_assert_true (fz_review_get_decision (review_a, "causes", &status, NULL, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_MISSING);
  g_assert_true (fz_review_get_decision (review_a, "next_year_plan", &status, NULL, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);
  g_assert_cmpuint (fz_batch_entry_get_n_decided (entry_a), ==, 2);

  /* c's review is newer where it decided: its causes stay partial, its
   * withdrawn shortcomings stay withdrawn; the element it never decided
   * takes the batch's decision; "needs review" is no decision. */
  g_assert_true (fz_batch_entry_get_status (entry_c, "causes", &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_false (fz_review_get_decision (review_c, "shortcomings", NULL, NULL, NULL));
  g_assert_true (fz_review_get_decision (review_c, "first_responsible_person", &status, NULL, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_NOT_APPLICABLE);
  g_assert_false (fz_review_get_decision (review_c, "measures_and_results", NULL, NULL, NULL));
  g_assert_cmpint (fz_batch_entry_get_grade_override (entry_c), ==, FZ_GRADE_FAIR);

  /* Once moved, the decisions leave the .fzbatch… */
  g_assert_true (fz_batch_save (batch, saved, &error));
  g_assert_no_error (error);
  text = read_text (saved);
  g_assert_null (strstr (text, "\"decisions\""));
  g_assert_nonnull (strstr (text, "\"fair\""));

  /* …so reading the batch again moves nothing a second time, even after
   * the reviewer changed a decision in the review. */
  fz_review_clear_decision (review_a, "next_year_plan");
  g_clear_object (&batch);
  batch = fz_batch_load (saved, NULL, store, &error);
  g_assert_no_error (error);
  run_batch (batch);
  entry_a = fz_test_find_entry (fz_batch_get_entries (batch), "a-qingshan.txt");
  g_assert_true (fz_batch_entry_get_review (entry_a) == review_a);
  g_assert_false (fz_review_get_decision (review_a, "next_year_plan", NULL, NULL, NULL));
  {
    FzStatus machine;

    g_assert_true (fz_batch_entry_get_status (entry_a, "next_year_plan", &status));
    g_assert_true (fz_batch_entry_get_machine_status (entry_a, "next_year_plan", &machine));
    g_assert_cmpint (status, ==, machine);
  }
  g_assert_cmpuint (count_log (review_a, "decision:causes"), ==, 1);

  g_assert_true (fz_review_store_flush (store, &error));
  g_assert_no_error (error);
  g_clear_object (&batch);
  g_clear_object (&store);
  fz_remove_tree (dir);
}

/* The window's way in: the saved batch and the folders read in workers. */
static void
test_async_load_and_scan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) nowhere = g_file_new_for_path (BATCH_DIR "/no-such.fzbatch");
  g_autoptr(GFile) folder = g_file_new_for_path (BATCH_DIR "/reports");
  g_autoptr(GFile) single = g_file_new_for_path (BATCH_DIR "/previous/c-hongqiao-2023.txt");
  g_autoptr(GFile) missing = g_file_new_for_path (BATCH_DIR "/no-such-folder");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  g_autoptr(FzBatch) sync = fz_batch_new (rules);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FzBatch *none;
  guint added;


  /* No batch saved: "not found", which the page takes for a new batch. */
  fz_batch_load_async (nowhere, NULL, NULL, NULL, fz_test_keep_result, &result);
  none = fz_batch_load_finish (fz_test_wait_result (&result), &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A folder, a file and a file gone since it was dropped: the folder's
   * reports in the order fz_batch_add_folder() gives, then the files,
   * the one gone to be a row that could not be read. */
  g_ptr_array_add (dropped, folder);
  g_ptr_array_add (dropped, single);
  g_ptr_array_add (dropped, missing);
  fz_batch_add_files_async (batch, dropped, FALSE, NULL, fz_test_keep_result, &result);
  g_assert_cmpuint (g_list_model_get_n_items (fz_batch_get_entries (batch)), ==, 0);
  added = fz_batch_add_files_finish (batch, fz_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (fz_batch_add_folder (sync, folder, FALSE, NULL, &error), ==, added - 2);
  g_assert_no_error (error);
  g_assert_cmpuint (added, >=, 7);
  {
    g_autoptr(FzBatchEntry) last = g_list_model_get_item (fz_batch_get_entries (batch), added - 1);

    g_assert_true (g_file_equal (fz_batch_entry_get_file (last), missing));
  }
  for (guint i = 0; i < added - 2; i++)
    {
      g_autoptr(FzBatchEntry) x = g_list_model_get_item (fz_batch_get_entries (batch), i);
      g_autoptr(FzBatchEntry) y = g_list_model_get_item (fz_batch_get_entries (sync), i);

      g_assert_true (g_file_equal (fz_batch_entry_get_file (x), fz_batch_entry_get_file (y)));
    }

  /* Cancelled, nothing is added. */
  g_cancellable_cancel (cancellable);
  g_clear_object (&sync);
  sync = fz_batch_new (rules);
  fz_batch_add_files_async (sync, dropped, FALSE, cancellable, fz_test_keep_result, &result);
  g_assert_cmpuint (fz_batch_add_files_finish (sync, fz_test_wait_result (&result), &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (fz_batch_get_entries (sync)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANG");

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/batch-reviews/live-decision", test_live_decision);
  g_test_add_func ("/batch-reviews/old-batch-migration", test_old_batch_migration);
  g_test_add_func ("/batch-reviews/async-load-and-scan", test_async_load_and_scan);

  return g_test_run ();
}
