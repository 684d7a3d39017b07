/* test-window-return.c: Return to Unit…, and the versions set beside a report in the window
 *
 * The report returned to its unit written in a worker and checked as
 * OOXML requires; the window's actions: the returned report with its
 * progress and its failure, the revised version opened as round two of
 * the review in front, last year's report beside it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-application.h"
#include "fz-return-export.h"
#include "fz-test-ooxml.h"
#include "fz-test-rounds-ui.h"
#include "fz-version-chooser.h"
#include "fz-window-rounds.h"

/* Returned to the unit --------------------------------------------------- */

typedef struct
{
  gboolean      done;
  GFile        *file;
  FzReturnKind  kind;
  char         *message;
  GError       *error;
} Written;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  written->file = fz_return_export_write_finish (result, &written->kind, &written->message, &written->error);
  written->done = TRUE;
}

static gboolean
written_done (gpointer data)
{
  return ((Written *) data)->done;
}

static void
written_clear (Written *written)
{
  g_clear_object (&written->file);
  g_clear_pointer (&written->message, g_free);
  g_clear_error (&written->error);
  written->done = FALSE;
}

static void
write_returned (FzReport *report,
                GFile    *destination,
                Written  *written)
{
  written_clear (written);
  fz_return_export_write_async (report, destination, NULL, on_written, written);
  /* Off the main thread: the call returns before anything is written. */
  g_assert_false (written->done);
  fz_test_wait_until (written_done, written);
}

static void
test_return (void)
{
  g_autoptr(FzReport) first = fz_test_load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) text_report = fz_test_load_report ("shiqiao-2023.txt");
  g_autofree char *folder = g_dir_make_tmp ("fazhi-return-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (folder, "returned.docx", NULL);
  g_autofree char *text_out_path = g_build_filename (folder, "returned-2023.docx", NULL);
  g_autofree char *nowhere = g_build_filename (folder, "no-such-folder", "returned.docx", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) text_out = g_file_new_for_path (text_out_path);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *original_sha = NULL;
  g_autofree char *after_sha = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  Written written = { 0 };
  gboolean annotated = FALSE;

  fz_test_write_first_review (first);
  original_sha = fz_review_hash_file (fz_report_get_file (first), NULL, &error);
  g_assert_no_error (error);

  /* The suggested name is the report's title, not the unit's file name. */
  name = fz_return_export_dup_file_name (first);
  g_assert_true (g_str_has_prefix (name, "云岭县石桥镇人民政府关于2024年度法治政府建设情况的报告"));
  g_assert_true (g_str_has_suffix (name, ".docx"));

  /* The unit's own .docx, with the comments in it. */
  write_returned (first, out, &written);
  g_assert_no_error (written.error);
  g_assert_true (g_file_equal (written.file, out));
  g_assert_cmpint (written.kind, ==, FZ_RETURN_ORIGINAL);
  g_assert_nonnull (strstr (written.message, "returned.docx"));
  bytes = g_file_load_bytes (out, NULL, NULL, &error);
  g_assert_no_error (error);
  anchors = fz_test_check_comments (bytes, NULL, texts);
  g_assert_cmpuint (anchors->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), "“切实”重复") != NULL)
      {
        annotated = TRUE;
        g_assert_cmpstr (g_ptr_array_index (anchors, i), ==, "切实切实");
      }
  g_assert_true (annotated);
  {
    g_autoptr(GHashTable) parts = fz_test_unzip (bytes);
    GBytes *comments = g_hash_table_lookup (parts, "word/comments.xml");
    g_autofree char *xml = g_strndup (g_bytes_get_data (comments, NULL), g_bytes_get_size (comments));

    /* Each comment is the reviewer's, dated. */
    g_assert_nonnull (strstr (xml, "w:author=\"李审查\""));
    g_assert_nonnull (strstr (xml, "w:date=\""));
  }
  /* The unit's file is only read. */
  after_sha = fz_review_hash_file (fz_report_get_file (first), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_sha, ==, original_sha);

  /* A report that came as text comes back as a .docx of its text. */
  write_returned (text_report, text_out, &written);
  g_assert_no_error (written.error);
  g_assert_cmpint (written.kind, ==, FZ_RETURN_TEXT);
  g_assert_true (g_file_query_exists (text_out, NULL));

  /* Somewhere it cannot be written: an error to show, nothing written. */
  write_returned (first, nowhere_file, &written);
  g_assert_null (written.file);
  g_assert_nonnull (written.error);
  g_assert_cmpstr (written.error->message, !=, "");
  g_assert_false (g_file_query_exists (nowhere_file, NULL));

  /* Never over the unit's own file. */
  write_returned (first, fz_report_get_file (first), &written);
  g_assert_null (written.file);
  g_assert_nonnull (written.error);
  g_clear_pointer (&after_sha, g_free);
  after_sha = fz_review_hash_file (fz_report_get_file (first), NULL, &error);
  g_assert_cmpstr (after_sha, ==, original_sha);

  /* The unit's file changed since it was read: refused, with why. */
  {
    g_autofree char *copy_path = g_build_filename (folder, "copy.docx", NULL);
    g_autofree char *copy_out_path = g_build_filename (folder, "copy-returned.docx", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autoptr(GFile) copy_out = g_file_new_for_path (copy_out_path);
    g_autoptr(FzReport) copied = NULL;

    g_file_copy (fz_report_get_file (first), copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    copied = fz_test_load_report_file (copy);
    g_assert_true (g_file_replace_contents (copy, "changed", 7, NULL, FALSE, 0, NULL, NULL, &error));
    write_returned (copied, copy_out, &written);
    g_assert_null (written.file);
    g_assert_nonnull (written.error);
    g_assert_nonnull (strstr (written.error->message, "changed"));
    g_assert_false (g_file_query_exists (copy_out, NULL));
    g_unlink (copy_path);
  }

  written_clear (&written);
  g_unlink (out_path);
  g_unlink (text_out_path);
  g_rmdir (folder);
}

static void
test_version_check (void)
{
  g_autoptr(FzReport) first = fz_test_load_report ("shiqiao-2024-first.docx");
  g_autofree char *other_path = fz_test_fixture_path ("shiqiao-2024-revised.txt");
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_version_chooser_check (first, other, &error));
  g_assert_no_error (error);
  g_assert_false (fz_version_chooser_check (first, fz_report_get_file (first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "shiqiao-2024-first.docx"));
}

/* In the window ------------------------------------------------------------ */

static gboolean
not_returning (gpointer data)
{
  return !fz_window_get_returning (data);
}

static gboolean
review_on_disk_has (FzReview   *review,
                    const char *key,
                    const char *state)
{
  g_autoptr(GFile) file = fz_review_get_store_file (fz_review_get_report_sha256 (review));
  g_autoptr(FzReview) on_disk = fz_review_load_from (file, fz_review_get_report_sha256 (review),
                                                     fz_review_get_report_name (review), NULL);

  return on_disk != NULL && g_strcmp0 (fz_review_get_point_state (on_disk, key, NULL), state) == 0;
}

typedef struct
{
  FzReview   *review;
  const char *key;
} Saved;

static gboolean
state_saved (gpointer data)
{
  Saved *saved = data;

  return review_on_disk_has (saved->review, saved->key, "open");
}

static guint
count_file_choosers (gpointer window)
{
  g_autoptr(GPtrArray) others = fz_test_dup_other_toplevels (window);
  guint n = 0;

  for (guint i = 0; i < others->len; i++)
    n += GTK_IS_FILE_CHOOSER (g_ptr_array_index (others, i));
  return n;
}

/* A file chooser is on show: it comes once the portal is found missing. */
static gboolean
file_chooser_is_up (gpointer window)
{
  return count_file_choosers (window) > 0;
}

/* Whether the side pane lists the page holding @view. */
static gboolean
view_page_visible (GtkWidget *view)
{
  GtkWidget *stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  GtkWidget *child = view;

  while (gtk_widget_get_parent (child) != stack)
    child = gtk_widget_get_parent (child);
  return adw_view_stack_page_get_visible (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child));
}

static void
test_window (void)
{
  FzApplication *app = fz_test_create_application ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = fz_test_fixture_path ("shiqiao-2024-first.docx");
  g_autofree char *revised_path = fz_test_fixture_path ("shiqiao-2024-revised.txt");
  g_autofree char *last_path = fz_test_fixture_path ("shiqiao-2023.txt");
  g_autoptr(GFile) first_file = g_file_new_for_path (first_path);
  g_autoptr(GFile) revised_file = g_file_new_for_path (revised_path);
  g_autoptr(GFile) last_file = g_file_new_for_path (last_path);
  g_autofree char *folder = g_dir_make_tmp ("fazhi-window-return-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (folder, "石桥镇（审查意见）.docx", NULL);
  g_autofree char *bad_path = g_build_filename (folder, "missing", "out.docx", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  FzWindow *window;
  FzReportPage *first_page, *revised_page;
  GtkWidget *rounds_view, *history_view;
  FzRounds *rounds;
  FzRoundPoint *duty;
  FzRoundRow *row;
  AdwMessageDialog *dialog;
  Saved saved;
  g_autofree char *sha256 = NULL;
  g_autofree char *key = NULL;

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* The first version, reviewed: an annotation and requests. */
  first_page = fz_window_open_file (window, first_file);
  fz_test_wait_for_page (first_page);
  g_assert_nonnull (fz_report_get_analysis (fz_report_page_get_report (first_page)));
  {
    FzReview *review = fz_report_get_review (fz_report_page_get_report (first_page));
    FzDocument *doc = fz_analysis_get_document (fz_report_get_analysis (fz_report_page_get_report (first_page)));
    const char *text = fz_document_get_text (doc);
    guint at = g_utf8_pointer_to_offset (text, strstr (text, "切实切实"));

    fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“切实”重复");
    fz_review_set_rectification (review, "一、补充党政主要负责人履行推进法治建设第一责任人职责情况。");
  }

  /* Return to Unit: written in a worker, a toast meanwhile. */
  fz_window_return_to_unit (window, out);
  g_assert_true (fz_window_get_returning (window));
  fz_test_wait_until (not_returning, window);
  g_assert_true (g_file_query_exists (out, NULL));
  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (out, NULL, NULL, &error);
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) anchors = NULL;
    gboolean found = FALSE;

    g_assert_no_error (error);
    anchors = fz_test_check_comments (bytes, NULL, texts);
    for (guint i = 0; i < texts->len; i++)
      found |= strstr (g_ptr_array_index (texts, i), "“切实”重复") != NULL;
    g_assert_true (found);
  }
  g_assert_null (fz_test_find_message_dialog ());

  /* A folder that is not there: a dialog says why, nothing is written. */
  fz_window_return_to_unit (window, bad);
  fz_test_wait_until (not_returning, window);
  fz_test_flush_main_loop ();
  dialog = fz_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Return the Report");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_query_exists (bad, NULL));

  /* Open Revised Version…: the revised report in a tab of its own, its
   * round-two view in front in the side pane, following the first tab's
   * live review. */
  rounds_view = fz_window_open_version (window, first_page, FZ_VERSION_REVISED, revised_file);
  g_assert_nonnull (rounds_view);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 2);
  revised_page = fz_window_get_current_report (window);
  g_assert_true (revised_page != first_page);
  g_assert_true (gtk_widget_is_ancestor (rounds_view, GTK_WIDGET (revised_page)));
  g_assert_true (fz_window_get_version_view (window, revised_page, FZ_VERSION_REVISED) == rounds_view);
  g_assert_cmpstr (fz_report_page_get_visible_view (revised_page), ==, "round-two");
  g_assert_true (view_page_visible (rounds_view));
  /* The first tab has no first version of its own: no round-two view
   * is made for it. */
  g_assert_null (fz_window_get_version_view (window, first_page, FZ_VERSION_REVISED));
  fz_test_wait_for_page (revised_page);
  fz_test_wait_until (fz_test_rounds_ready, rounds_view);
  rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (rounds_view));
  g_assert_true (fz_rounds_get_first_review (rounds) == fz_report_get_review (fz_report_page_get_report (first_page)));
  g_assert_true (fz_rounds_get_second_review (rounds) == fz_report_get_review (fz_report_page_get_report (revised_page)));

  /* A state confirmed goes to the revised tab's review, and its file. */
  fz_test_flush_main_loop ();
  duty = fz_test_point_of_kind (rounds, FZ_POINT_RECTIFICATION, "第一责任人");
  g_assert_nonnull (duty);
  row = fz_test_row_of_point (rounds_view, duty);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, dropdowns);
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), FZ_POINT_OPEN);
  }
  g_assert_cmpstr (fz_review_get_point_state (fz_report_get_review (fz_report_page_get_report (revised_page)),
                                              fz_round_point_get_key (duty), NULL), ==, "open");
  saved.review = fz_report_get_review (fz_report_page_get_report (revised_page));
  saved.key = fz_round_point_get_key (duty);
  fz_test_wait_until (state_saved, &saved);
  sha256 = g_strdup (fz_review_get_report_sha256 (saved.review));
  key = g_strdup (saved.key);

  /* A decision on the first version, in its tab: round two follows. */
  fz_review_set_decision (fz_report_get_review (fz_report_page_get_report (first_page)), "causes", FZ_STATUS_MISSING, "未写原因");
  fz_test_spin (600);
  rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (rounds_view));
  g_assert_nonnull (fz_test_point_of_kind (rounds, FZ_POINT_ELEMENT, "原因"));

  /* Last year beside the first version, in its side pane. */
  history_view = fz_window_open_version (window, first_page, FZ_VERSION_LAST_YEAR, last_file);
  g_assert_nonnull (history_view);
  g_assert_true (gtk_widget_is_ancestor (history_view, GTK_WIDGET (first_page)));
  g_assert_cmpstr (fz_report_page_get_visible_view (first_page), ==, "last-year");
  g_assert_true (view_page_visible (history_view));
  fz_test_wait_until (fz_test_history_ready, history_view);
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_plan (fz_history_view_get_history (
                                                FZ_HISTORY_VIEW (history_view)))), ==, 4);
  /* Opened again from the same tab: the same view. */
  g_assert_true (fz_window_open_version (window, first_page, FZ_VERSION_LAST_YEAR, last_file) == history_view);

  /* The revised tab closed: its view goes with it, and the first tab's
   * review, which it followed, is left as it was. */
  {
    GtkWidget *gone = rounds_view;
    AdwTabView *tabs = ADW_TAB_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (revised_page), ADW_TYPE_TAB_VIEW));
    g_autoptr(FzReview) revised_review = g_object_ref (fz_report_get_review (fz_report_page_get_report (revised_page)));

    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
    adw_tab_view_set_selected_page (tabs, adw_tab_view_get_page (tabs, GTK_WIDGET (revised_page)));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL);
    fz_test_flush_main_loop ();
    g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
    g_assert_null (gone);
    fz_test_assert_review_only_in_store (revised_review);
    g_assert_nonnull (fz_report_get_review (fz_report_page_get_report (first_page)));
  }

  /* The actions' dialogs: one at a time, and gone with the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-last-year", NULL));
  fz_test_wait_until (file_chooser_is_up, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.return-to-unit", NULL));
  fz_test_spin (300);
  fz_test_wait_until (file_chooser_is_up, window);
  g_assert_cmpuint (count_file_choosers (window), ==, 1);

  /* Closing the window with everything open loses nothing and leaks no
   * view. */
  {
    g_autoptr(GFile) file = fz_review_get_store_file (sha256);
    g_autoptr(FzReview) on_disk = NULL;

    gtk_window_destroy (GTK_WINDOW (window));
    fz_test_flush_main_loop ();
    g_assert_cmpuint (count_file_choosers (NULL), ==, 0);
    on_disk = fz_review_load_from (file, sha256, "shiqiao-2024-revised.txt", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fz_review_get_point_state (on_disk, key, NULL), ==, "open");
  }
  g_object_unref (app);

  g_unlink (out_path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  fz_test_rounds_init (&argc, &argv);

  g_test_add_func ("/app/return/write", test_return);
  g_test_add_func ("/app/return/version-check", test_version_check);
  g_test_add_func ("/app/return/window", test_window);

  return fz_test_rounds_run ();
}
