/* test-window-review.c: the side pane's views, annotating, and the memo
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "libfazhi.h"
#include "fz-annotation-popover.h"
#include "fz-annotations-view.h"
#include "fz-checklist-view.h"
#include "fz-text-row.h"
#include "fz-finding-item.h"
#include "fz-findings-view.h"
#include "fz-growing-list.h"
#include "fz-occurrence-list.h"
#include "fz-memo-paragraph.h"
#include "fz-memo-view.h"
#include "fz-report-view.h"
#include "fz-window-test-utils.h"

static FzApplication *app;

static gboolean
file_is_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_is_up (gpointer data)
{
  return fz_test_find_message_dialog () != NULL;
}

static char *
export_and_read (FzWindow   *window,
                 const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_unlink (path);
  fz_window_export_memo (window, file);
  fz_test_wait_until (file_is_written, path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);

  return contents;
}

static void
test_window_annotate_and_keep (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autofree char *memo_path = g_build_filename (tmpdir, "memo.docx", NULL);
  g_autofree char *bad_path = g_build_filename (tmpdir, "missing", "memo.docx", NULL);
  g_autofree char *review_path = g_build_filename (tmpdir, "moved.fzreview", NULL);
  g_autoptr(GFile) memo_file = g_file_new_for_path (memo_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) review_file = g_file_new_for_path (review_path);
  g_autoptr(GFile) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *memo_data = NULL;
  g_autofree char *element_id = NULL;
  const FzElementResult *element = NULL;
  FzAnnotationPopover *popover;
  FzAnnotationsView *panel;
  FzReportView *view;
  FzAnnotation *annotation;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  AdwMessageDialog *dialog;
  FzReportPage *page;
  FzWindow *window;
  FzReview *review;
  GPtrArray *elements;
  gsize memo_len;
  FzStatus status;

  page = fz_test_open_in_new_window (app, report, &window);
  review = fz_report_get_review (fz_report_page_get_report (page));
  g_assert_nonnull (review);
  view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  panel = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATIONS_VIEW);
  /* The popover is made the first time the reviewer annotates. */
  {
    g_autoptr(GPtrArray) popovers = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_ANNOTATION_POPOVER, popovers);
    g_assert_cmpuint (popovers->len, ==, 0);
  }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 0);

  /* Nothing selected: Ctrl+M says what to do instead of opening. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_false (fz_report_page_annotate_selection (page));

  /* Select a passage, annotate it as a suggestion with a note. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 100);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 112);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.annotate", NULL));
  fz_test_flush_main_loop ();
  popover = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATION_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  fz_annotation_popover_set_category (popover, FZ_ANNOTATION_SUGGESTION);
  fz_annotation_popover_set_note (popover, "数据来源请注明");
  fz_annotation_popover_save (popover);
  fz_test_flush_main_loop ();

  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  annotation = g_list_model_get_item (fz_review_get_annotations (review), 0);
  g_object_unref (annotation);
  g_assert_cmpuint (fz_annotation_get_start (annotation), ==, 100);
  g_assert_cmpuint (fz_annotation_get_end (annotation), ==, 112);
  g_assert_cmpint (fz_annotation_get_category (annotation), ==, FZ_ANNOTATION_SUGGESTION);
  g_assert_cmpstr (fz_annotation_get_note (annotation), ==, "数据来源请注明");
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 1);

  /* The passage is shaded in the text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 105);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "annotation-suggestion")));

  /* Edited from its row: the popover comes back with its note, and
   * Ctrl+Enter saves it, even with the note's text view focused. */
  fz_annotations_view_edit (panel, 0);
  fz_test_flush_main_loop ();
  {
    g_autofree char *note = fz_annotation_popover_dup_note (popover);
    g_assert_cmpstr (note, ==, "数据来源请注明");
  }
  fz_annotation_popover_set_category (popover, FZ_ANNOTATION_PROBLEM);
  g_assert_true (fz_test_press_ctrl_return (GTK_WIDGET (popover)));
  fz_test_flush_main_loop ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (fz_annotation_get_category (annotation), ==, FZ_ANNOTATION_PROBLEM);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 105);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "annotation-problem")));

  /* Deleted from its row, and undone from the toast that says so. */
  fz_annotations_view_delete (panel, 0);
  fz_test_flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 0);
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 0);
  g_assert_true (fz_test_click_toast_button (GTK_WIDGET (window), "Undo"));
  fz_test_flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  g_assert_true (g_list_model_get_item (fz_review_get_annotations (review), 0) == (gpointer) annotation);
  g_object_unref (annotation);
  g_assert_cmpstr (fz_annotation_get_note (annotation), ==, "数据来源请注明");
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 105);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "annotation-problem")));
  /* The undone delete is on disk as well, at once. */
  {
    g_autoptr(FzReview) stored = fz_review_load_for_report (fz_review_get_report_sha256 (review), NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (stored);
    g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (stored)), ==, 1);
  }
  fz_annotations_view_delete (panel, 0);
  fz_test_flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 0);

  /* A decision and an annotation, then the window goes away. */
  elements = fz_analysis_get_elements (fz_report_get_analysis (fz_report_page_get_report (page)));
  for (guint i = 0; i < elements->len && element == NULL; i++)
    if (((const FzElementResult *) g_ptr_array_index (elements, i))->required)
      element = g_ptr_array_index (elements, i);
  g_assert_nonnull (element);
  element_id = g_strdup (element->id);
  g_assert_true (fz_test_set_decision (page, element_id, FZ_STATUS_PARTIAL, "只有标题，没有内容"));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 40);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 50);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (fz_report_page_annotate_selection (page));
  fz_annotation_popover_set_note (popover, "存疑");
  fz_annotation_popover_save (popover);

  /* The memo is written off the main loop and announced. */
  fz_window_export_memo (window, memo_file);
  fz_test_wait_until (file_is_written, memo_path);
  g_assert_true (g_file_get_contents (memo_path, &memo_data, &memo_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (memo_len, >, 1000);
  g_assert_true (memcmp (memo_data, "PK", 2) == 0);

  /* Printed through GtkPrintOperation, here into a PDF file. */
  {
    g_autoptr(GtkPrintOperation) operation = fz_window_create_memo_print (window);
    g_autofree char *pdf_path = g_build_filename (tmpdir, "printed.pdf", NULL);
    g_autofree char *pdf = NULL;
    gsize pdf_len;

    g_assert_nonnull (operation);
    gtk_print_operation_set_export_filename (operation, pdf_path);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              GTK_WINDOW (window), &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_len, &error));
    g_assert_true (g_str_has_prefix (pdf, "%PDF"));
    /* Embedded CJK glyphs, not an empty page. */
    g_assert_cmpuint (pdf_len, >, 10000);
    g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (operation), >=, 1);
    g_unlink (pdf_path);
  }

  /* An export to a place that cannot be written says so; nothing is lost. */
  fz_window_export_memo (window, bad_file);
  fz_test_wait_until (dialog_is_up, NULL);
  dialog = fz_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Memo");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);

  /* Saved for another machine. */
  g_assert_true (fz_review_save_to_file (review, review_file, &error));
  g_assert_no_error (error);
  store = fz_review_get_store_file (fz_review_get_report_sha256 (review));

  fz_test_close_and_assert_freed (GTK_WINDOW (window), page);
  g_assert_true (g_file_query_exists (store, NULL));

  /* A new window shows all of it: the application's store keeps the one
   * live review of the report (a new process reads it back from the file
   * checked above). */
  {
    FzReview *before = review;

    page = fz_test_open_in_new_window (app, report, &window);
    review = fz_report_get_review (fz_report_page_get_report (page));
    g_assert_true (review == before);
  }
  g_assert_true (fz_test_get_decision (page, element_id, &status, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  panel = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATIONS_VIEW);
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 1);

  /* Opening the .fzreview over an existing review asks first; keeping
   * the reviewer's own changes nothing. */
  fz_window_open_file (window, review_file);
  dialog = fz_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (fz_report_get_review (fz_report_page_get_report (page)) == review);

  /* Replacing takes the file's review in at once, in place: the reviewer
   * here had withdrawn the decision and the note since. */
  {
    g_autoptr(FzAnnotation) note = g_list_model_get_item (fz_review_get_annotations (review), 0);

    fz_review_clear_decision (review, element_id);
    fz_review_remove_annotation (review, note);
  }
  g_assert_false (fz_test_get_decision (page, element_id, NULL, NULL));
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 0);
  fz_window_open_file (window, review_file);
  dialog = fz_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (fz_report_get_review (fz_report_page_get_report (page)) == review);
  fz_test_wait_for_page (page);
  g_assert_true (fz_test_get_decision (page, element_id, &status, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  g_assert_cmpuint (fz_annotations_view_get_n_rows (panel), ==, 1);

  /* The import's window let go of the review it was handed too. */
  fz_test_close_and_assert_freed (GTK_WINDOW (window), page);

  g_unlink (memo_path);
  g_unlink (review_path);
  g_rmdir (tmpdir);
}

/* The side pane is views the reviewer switches between, the checklist
 * first; problems come one row per kind. */
static void
test_window_views (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  GHashTable *kinds = g_hash_table_new (g_str_hash, g_str_equal);
  FzFindingsView *findings;
  FzChecklistView *checklist;
  FzReportView *view;
  GListModel *groups;
  GtkTextBuffer *buffer;
  FzReportPage *page;
  FzWindow *window;
  guint total = 0;

  page = fz_test_open_in_new_window (app, report, &window);
  g_assert_cmpstr (fz_report_page_get_visible_view (page), ==, "checklist");
  checklist = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_CHECKLIST_VIEW);
  findings = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_FINDINGS_VIEW);
  view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (fz_checklist_view_get_checklist (checklist) == fz_report_get_checklist (fz_report_page_get_report (page)));
  g_assert_cmpuint (g_list_model_get_n_items (fz_checklist_view_get_checklist (checklist)), ==,
                    fz_analysis_get_elements (fz_report_get_analysis (fz_report_page_get_report (page)))->len);

  /* A decision however made (here straight in the report's review, as
   * another tab or the batch would) changes the report's item, and its
   * row follows: none is built again. */
  {
    g_autoptr(GPtrArray) before = g_ptr_array_new ();
    g_autoptr(GPtrArray) after = g_ptr_array_new ();
    FzReport *model = fz_report_page_get_report (page);
    FzReview *review = fz_report_get_review (model);
    g_autoptr(FzChecklistItem) first = g_list_model_get_item (fz_report_get_checklist (model), 0);
    const char *id = fz_checklist_item_get_element_id (first);
    FzStatus decided = fz_checklist_item_get_machine_status (first) == FZ_STATUS_PRESENT
                       ? FZ_STATUS_PARTIAL : FZ_STATUS_PRESENT;
    GtkWidget *row = NULL;
    /* Earlier tests may have decided it: put back as it was after. */
    gboolean was_decided = fz_checklist_item_get_decided (first);
    FzStatus was = fz_checklist_item_get_decision (first);
    g_autofree char *was_reason = g_strdup (fz_checklist_item_get_reason (first));

    fz_review_clear_decision (review, id);
    g_assert_false (fz_checklist_item_get_decided (first));
    fz_test_collect_widgets (GTK_WIDGET (checklist), FZ_TYPE_TEXT_ROW, before);
    for (guint i = 0; i < before->len; i++)
      if (g_object_get_data (G_OBJECT (g_ptr_array_index (before, i)), "fz-item") == first)
        row = g_ptr_array_index (before, i);
    g_assert_nonnull (row);
    g_assert_false (gtk_widget_has_css_class (row, "decided"));

    fz_review_set_decision (review, id, decided, "另一处作出的决定");
    fz_test_collect_widgets (GTK_WIDGET (checklist), FZ_TYPE_TEXT_ROW, after);
    g_assert_cmpuint (before->len, ==, after->len);
    for (guint i = 0; i < before->len; i++)
      g_assert_true (g_ptr_array_index (before, i) == g_ptr_array_index (after, i));
    g_assert_cmpint (fz_checklist_item_get_status (first), ==, decided);
    g_assert_cmpstr (fz_checklist_item_get_reason (first), ==, "另一处作出的决定");
    g_assert_true (gtk_widget_has_css_class (row, "decided"));
    g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "fz-dropdown")), ==,
                      1 + decided);

    fz_review_clear_decision (review, id);
    g_assert_false (fz_checklist_item_get_decided (first));
    g_assert_false (gtk_widget_has_css_class (row, "decided"));
    g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "fz-dropdown")), ==, 0);
    if (was_decided)
      fz_review_set_decision (review, id, was, was_reason);
  }

  /* One row per kind of problem, each counting its occurrences: together
   * every finding, none twice. */
  groups = fz_findings_view_get_groups (findings);
  g_assert_cmpuint (g_list_model_get_n_items (groups), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(FzFindingItem) group = g_list_model_get_item (groups, i);
      GListModel *children = fz_finding_item_get_children (group);

      g_assert_true (fz_finding_item_is_group (group));
      g_assert_false (g_hash_table_contains (kinds, fz_finding_item_get_kind (group)));
      g_hash_table_add (kinds, (gpointer) fz_finding_item_get_kind (group));
      g_assert_cmpuint (fz_finding_item_get_count (group), ==, g_list_model_get_n_items (children));
      g_assert_nonnull (fz_finding_item_get_title (group));
      total += fz_finding_item_get_count (group);
    }
  g_assert_cmpuint (total, ==, fz_findings_view_get_n_findings (findings));
  g_assert_cmpuint (total, ==, fz_report_get_findings (fz_report_page_get_report (page))->len);

  /* Activating a kind shows its first occurrence, then the next, and
   * after the last the first again. */
  fz_report_page_show_view (page, "problems");
  g_assert_cmpstr (fz_report_page_get_visible_view (page), ==, "problems");
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(FzFindingItem) group = g_list_model_get_item (groups, i);
      guint n = fz_finding_item_get_count (group);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
      GtkTextIter sel_start, sel_end;

      for (guint k = 0; k <= n; k++)
        {
          guint start, end;

          fz_findings_view_activate_group (findings, i);
          fz_finding_item_get_range (group, &start, &end);
          g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end) || start == end);
          if (start != end)
            {
              g_assert_cmpuint (gtk_text_iter_get_offset (&sel_start), ==, start);
              g_assert_cmpuint (gtk_text_iter_get_offset (&sel_end), ==, end);
            }
          g_array_append_val (starts, start);
        }
      /* n + 1 steps come round to where they began. */
      g_assert_cmpuint (g_array_index (starts, guint, 0), ==, g_array_index (starts, guint, n));
      /* Back one, from the first occurrence, is the last. */
      g_assert_cmpuint (fz_finding_item_get_position (group), ==, 0);
      fz_finding_item_step (group, FALSE);
      g_assert_cmpuint (fz_finding_item_get_position (group), ==, n - 1);
    }

  fz_test_close_and_assert_freed (GTK_WINDOW (window), page);
  g_hash_table_unref (kinds);
  g_rmdir (tmpdir);
}

/* What the reviewer sees in the 审查意见 view is what is exported, with
 * what they did a moment before. */
static void
test_window_memo_view (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  FzAnnotationPopover *popover;
  FzMemoView *memo_view;
  FzFindingsView *findings;
  FzReportView *view;
  GListModel *paragraphs;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  FzReportPage *page;
  FzWindow *window;
  FzReview *review;
  gboolean opinion_found = FALSE;

  g_settings_set_string (settings, "reviewer-unit", "某某县司法局");
  page = fz_test_open_in_new_window (app, report, &window);
  review = fz_report_get_review (fz_report_page_get_report (page));
  /* The memo view is made when first shown. */
  {
    g_autoptr(GPtrArray) made = g_ptr_array_new ();

    fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_MEMO_VIEW, made);
    g_assert_cmpuint (made->len, ==, 0);
  }
  fz_report_page_show_view (page, "memo");
  memo_view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_MEMO_VIEW);
  findings = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_FINDINGS_VIEW);
  view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* The view holds the whole letter, title to signature. */
  paragraphs = fz_memo_view_get_paragraphs (memo_view);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), >, 5);
  {
    g_autoptr(FzMemoParagraph) first = g_list_model_get_item (paragraphs, 0);
    gboolean signed_off = FALSE;

    g_assert_cmpint (fz_memo_paragraph_get_kind (first), ==, FZ_MEMO_BLOCK_TITLE);
    for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
      {
        g_autoptr(FzMemoParagraph) p = g_list_model_get_item (paragraphs, i);

        if (fz_memo_paragraph_get_kind (p) == FZ_MEMO_BLOCK_SIGNATURE)
          signed_off = g_strcmp0 (fz_memo_paragraph_get_text (p), "某某县司法局") == 0;
        if (g_strcmp0 (fz_memo_paragraph_get_key (p), "opinion") == 0)
          opinion_found = TRUE;
      }
    g_assert_true (signed_off);
    g_assert_true (opinion_found);
  }

  /* A paragraph reworded and exported the same moment: the export has it,
   * and so does the review. */
  fz_memo_view_set_paragraph_text (memo_view, "opinion", "报告总体符合要求，个别内容需要补充。");
  g_assert_cmpstr (fz_review_get_paragraph (review, "opinion"), ==, "报告总体符合要求，个别内容需要补充。");
  md = export_and_read (window, tmpdir, "memo.md");
  g_assert_nonnull (strstr (md, "报告总体符合要求，个别内容需要补充。"));
  g_assert_null (strstr (md, ".txt"));

  /* A problem noted on a passage and exported at once is in the letter. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 60);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 70);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (fz_report_page_annotate_selection (page));
  popover = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATION_POPOVER);
  fz_annotation_popover_set_category (popover, FZ_ANNOTATION_PROBLEM);
  fz_annotation_popover_set_note (popover, "此处数据与上年口径不一致");
  fz_annotation_popover_save (popover);
  html = export_and_read (window, tmpdir, "memo.html");
  g_assert_nonnull (strstr (html, "此处数据与上年口径不一致"));

  /* A kind of problem the reviewer takes out of the memo leaves it. */
  {
    GListModel *groups = fz_findings_view_get_groups (findings);

    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(FzFindingItem) group = g_list_model_get_item (groups, i);
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        g_autofree char *title = NULL;

        if (!fz_finding_item_get_in_memo (group))
          continue;
        before = export_and_read (window, tmpdir, "before.md");
        fz_finding_item_set_in_memo (group, FALSE);
        g_assert_true (fz_review_get_problem_choice (review, fz_finding_item_get_kind (group), NULL));
        after = export_and_read (window, tmpdir, "after.md");
        g_assert_cmpstr (before, !=, after);
        g_assert_cmpuint (strlen (after), <, strlen (before));
        fz_finding_item_set_in_memo (group, TRUE);
        break;
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  g_settings_reset (settings, "reviewer-unit");
  g_rmdir (tmpdir);
}

/* Occurrences are made as asked for, once each; a list dropped with most
 * of them never made lets go of the ones it made, and only those. */
static void
test_occurrence_list (void)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text ("青山镇人民政府关于2024年度法治政府建设情况的报告\n\n"
                                                         "一、主要举措和成效\n\n"
                                                         "全年办理案件12件,调解纠纷30件,开展培训5次,发放资料200份。\n", -1,
                                                         "occurrences.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", &error);
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(FzOccurrenceList) list = NULL;
  g_autoptr(FzFindingItem) first = NULL;
  g_autoptr(FzFindingItem) again = NULL;
  GPtrArray *findings;

  g_assert_no_error (error);
  analysis = fz_analysis_new (doc, rules);
  findings = fz_analysis_get_findings (analysis);
  g_assert_cmpuint (findings->len, >=, 2);

  list = fz_occurrence_list_new (analysis, findings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, findings->len);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == FZ_TYPE_FINDING_ITEM);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_assert_false (fz_finding_item_is_group (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), findings->len));

  g_clear_object (&list);
  g_assert_cmpstr (fz_finding_item_get_title (first), ==,
                   ((FzFinding *) g_ptr_array_index (findings, 0))->message);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n)
{
  (*n)++;
}

/* The outline's model: the first rows at once, a few more a turn, the
 * rest together past the burst; a change starts over; flush shows all. */
static void
test_growing_list (void)
{
  g_autoptr(GtkStringList) source = gtk_string_list_new (NULL);
  g_autoptr(FzGrowingList) shown = fz_growing_list_new (G_LIST_MODEL (source), 3, 7);
  GListModel *model = G_LIST_MODEL (shown);
  guint turns = 0, changes = 0;

  g_signal_connect (shown, "items-changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u节", i);

      gtk_string_list_append (source, text);
    }
  /* Each append started over: three shown, the rest to come. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_null (g_list_model_get_item (model, 3));
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "第0节");
  }

  /* 3 → 6 → 9 (past the burst of 7) → all 20. */
  while (g_list_model_get_n_items (model) < 20 && turns < 100)
    {
      guint before = g_list_model_get_n_items (model);

      g_main_context_iteration (NULL, TRUE);
      if (g_list_model_get_n_items (model) != before)
        turns++;
    }
  g_assert_cmpuint (turns, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);

  /* A new list starts over; flush shows it whole at once. */
  gtk_string_list_splice (source, 0, 20, (const char * const[]) { "一", "二", "三", "四", "五", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  changes = 0;
  fz_growing_list_flush (shown);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (changes, ==, 1);
  fz_growing_list_flush (shown);
  g_assert_cmpuint (changes, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

/* A report in its tab, with its review store of its own: once the window
 * closes and the store is let go, the page, the report, the store and the
 * review are freed, nothing kept alive by a view, a signal or a cycle. */
static void
test_window_report_graph_freed (void)
{
  g_autoptr(GFile) file = fz_test_dup_report_file ();
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  FzReviewStore *store = fz_review_store_new (folder);
  FzReport *report = fz_report_new (file, store, fz_application_get_rulesets (app));
  FzReportPage *page = fz_report_page_new (report);
  gpointer weak_page = page;
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  FzChecklistView *checklist;
  g_autoptr(FzChecklistItem) first = NULL;
  FzReview *review;

  /* The window holds the page alone, as a tab view does. */
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_object_add_weak_pointer (G_OBJECT (page), &weak_page);
  gtk_window_present (window);
  fz_report_page_load (page);
  fz_test_wait_for_page (page);
  review = g_object_ref (fz_report_get_review (report));
  g_assert_nonnull (review);

  /* Work of every kind the views follow: a decision and an annotation. */
  checklist = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_CHECKLIST_VIEW);
  g_assert_true (fz_checklist_view_get_checklist (checklist) == fz_report_get_checklist (report));
  first = g_list_model_get_item (fz_report_get_checklist (report), 0);
  fz_review_set_decision (review, fz_checklist_item_get_element_id (first), FZ_STATUS_PRESENT, "正文第一段");
  fz_review_add_annotation (review, fz_report_get_document (report), 0, 4, FZ_ANNOTATION_DOUBT, "请核实");
  fz_test_flush_main_loop ();

  gtk_window_destroy (window);
  fz_test_flush_main_loop ();
  g_clear_object (&first);
  g_assert_null (weak_page);
  g_assert_finalize_object (report);
  /* The store writes what is pending as it goes. */
  g_assert_finalize_object (store);
  /* Last, the review: no finding row, binding or handler keeps it. */
  g_assert_finalize_object (review);

  fz_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = fz_test_window_init (&argc, &argv);
  int ret;

  g_test_add_func ("/app/growing-list", test_growing_list);
  g_test_add_func ("/app/occurrence-list", test_occurrence_list);
  g_test_add_func ("/app/window/annotate-and-keep", test_window_annotate_and_keep);
  g_test_add_func ("/app/window/views", test_window_views);
  g_test_add_func ("/app/window/report-graph-freed", test_window_report_graph_freed);
  g_test_add_func ("/app/window/memo-view", test_window_memo_view);

  app = fz_test_create_application ();
  ret = g_test_run ();
  g_clear_object (&app);
  fz_test_remove_tree (data_dir);

  return ret;
}
