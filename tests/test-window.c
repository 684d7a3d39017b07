/* test-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "libfazhi.h"
#include "fz-application.h"
#include "fz-annotation-popover.h"
#include "fz-copy-window.h"
#include "fz-outline-view.h"
#include "fz-review-panel.h"
#include "fz-report-view.h"
#include "fz-report-page.h"
#include "fz-window.h"

#define LOAD_TIMEOUT_SECONDS 60

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @page has finished loading, as the reviewer
 * waiting in front of the spinner would. */
static void
wait_for_page (FzReportPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (LOAD_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (fz_report_page_get_loading (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* Hands @files to the window's drop target as the compositor would: a
 * GdkFileList through the "drop" signal, so the test takes the path a
 * drag from the file manager takes. */
static void
drop_files (FzWindow *window,
            GSList   *files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GdkDragAction action = 0;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "enter", 100.0, 100.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);
}

static GtkDropDown *
find_decision_dropdown (GtkWidget  *page,
                        const char *element_id)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  collect_widgets (page, GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GObject *dropdown = g_ptr_array_index (dropdowns, i);

      if (g_strcmp0 (g_object_get_data (dropdown, "fz-element-id"), element_id) == 0)
        return GTK_DROP_DOWN (dropdown);
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A seed from the shared corpus when the test environment names it, else
 * the sample that ships with the application. */
static GFile *
dup_report_file (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");

  if (corpus != NULL)
    {
      g_autofree char *seeds = g_build_filename (corpus, "seeds", NULL);
      g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (names, g_strdup (name));

      if (names->len > 0)
        {
          g_ptr_array_sort (names, compare_names);
          return g_file_new_build_filename (seeds, g_ptr_array_index (names, 0), NULL);
        }
    }

  return fz_application_dup_sample_file ();
}

/* One application for every test: it is registered on the session bus (when
 * there is one), and an id can be exported only once per connection. */
static FzApplication *app;

static void
create_application (void)
{
  g_autoptr(GError) error = NULL;

  app = fz_application_new ();
  /* No other instance to talk to, and maybe no session bus at all. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

static void
test_window_welcome (void)
{
  FzWindow *window = fz_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  g_assert_null (fz_window_get_current_report (window));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static void
test_window_open_review_and_fail (void)
{
  g_autoptr(GFile) report = dup_report_file ();
  g_autoptr(GFile) empty = NULL;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *empty_path = NULL;
  const FzElementResult *target = NULL;
  g_autofree char *target_id = NULL;
  g_autoptr(FzRuleSet) guangdong = NULL;
  const char *selected = NULL;
  const char *reason = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;
  FzReportPage *page, *failed;
  FzAnalysis *analysis;
  GPtrArray *elements;
  FzWindow *window;
  FzStatus status;
  FzStatus other;
  GSList *files;

  g_assert_nonnull (report);
  g_test_message ("Opening %s", g_file_peek_path (report));

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* Dropped on the window: one tab each. */
  files = g_slist_append (NULL, report);
  drop_files (window, files);
  g_slist_free (files);

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  page = fz_window_get_report (window, 0);
  g_assert_true (fz_report_page_get_loading (page));
  wait_for_page (page);

  g_assert_null (fz_report_page_get_error_message (page));
  analysis = fz_report_page_get_analysis (page);
  g_assert_nonnull (analysis);
  elements = fz_analysis_get_elements (analysis);
  g_assert_cmpuint (elements->len, >, 0);
  g_assert_cmpuint (fz_report_page_get_n_element_rows (page), ==, elements->len);

  /* Every element row carries one decision drop-down; the other one
   * chooses the rule set. */
  collect_widgets (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, elements->len + 1);
  g_assert_cmpstr (fz_report_page_get_ruleset (page), ==, "national");
  g_assert_cmpuint (fz_report_page_get_n_decided (page), ==, 0);

  /* Opening the same file again selects its tab instead of a second one. */
  g_assert_true (fz_window_open_file (window, report) == page);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);

  for (guint i = 0; i < elements->len && target == NULL; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);

      if (result->required && result->status != FZ_STATUS_NEEDS_REVIEW)
        target = result;
    }
  g_assert_nonnull (target);
  target_id = g_strdup (target->id);

  /* Agreeing with the checker is recorded at once. */
  dropdown = find_decision_dropdown (GTK_WIDGET (page), target->id);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (dropdown, 1 + target->status);
  g_assert_true (fz_report_page_get_decision (page, target->id, &status, &reason));
  g_assert_cmpint (status, ==, target->status);
  g_assert_null (reason);
  g_assert_cmpuint (fz_report_page_get_n_decided (page), ==, 1);

  /* Overriding it asks for a reason first. */
  other = target->status == FZ_STATUS_MISSING ? FZ_STATUS_PRESENT : FZ_STATUS_MISSING;
  gtk_drop_down_set_selected (dropdown, 1 + other);
  flush_main_loop ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Covered in the closing paragraph");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  g_assert_true (fz_report_page_get_decision (page, target->id, &status, &reason));
  g_assert_cmpint (status, ==, other);
  g_assert_cmpstr (reason, ==, "Covered in the closing paragraph");
  g_assert_cmpuint (fz_report_page_get_n_decided (page), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1 + other);

  /* Activating a row must not disturb anything; it scrolls and flashes. */
  if (target->evidence != NULL && target->evidence->len > 0)
    {
      const FzRange *range = &g_array_index (target->evidence, FzRange, 0);
      fz_report_page_reveal_range (page, range->start, range->end);
    }

  /* An unreadable file fails in its own tab and leaves the first alone. */
  tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", &error);
  g_assert_no_error (error);
  empty_path = g_build_filename (tmpdir, "empty.txt", NULL);
  g_file_set_contents (empty_path, "", 0, &error);
  g_assert_no_error (error);
  empty = g_file_new_for_path (empty_path);

  files = g_slist_append (NULL, empty);
  drop_files (window, files);
  g_slist_free (files);

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 2);
  failed = fz_window_get_report (window, 1);
  wait_for_page (failed);

  g_assert_nonnull (fz_report_page_get_error_message (failed));
  g_assert_null (fz_report_page_get_analysis (failed));
  g_test_message ("Empty file: %s", fz_report_page_get_error_message (failed));

  /* The toast is up over the tabs. */
  {
    g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
    GType toast_type = g_type_from_name ("AdwToastWidget");

    flush_main_loop ();
    g_assert_true (toast_type != G_TYPE_INVALID);
    collect_widgets (GTK_WIDGET (window), toast_type, toasts);
    g_assert_cmpuint (toasts->len, >, 0);
  }

  g_assert_true (fz_report_page_get_analysis (page) == analysis);
  g_assert_true (fz_report_page_get_decision (page, target->id, NULL, NULL));
  g_assert_cmpuint (fz_report_page_get_n_element_rows (page), ==, elements->len);

  /* Closing the failed tab goes back to the first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL);
  flush_main_loop ();
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  g_assert_true (fz_window_get_current_report (window) == page);

  /* Another rule set rebuilds the checklist from the text already read;
   * decisions on the elements both lists share survive. */
  guangdong = fz_ruleset_load ("guangdong", &error);
  g_assert_no_error (error);
  fz_report_page_set_ruleset (page, "guangdong");
  g_assert_true (fz_report_page_get_loading (page));
  wait_for_page (page);
  g_assert_null (fz_report_page_get_error_message (page));
  analysis = fz_report_page_get_analysis (page);
  g_assert_true (fz_analysis_get_ruleset (analysis) != NULL);
  g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (analysis)), ==, "guangdong");
  g_assert_cmpuint (fz_ruleset_get_n_elements (guangdong), ==, 8);
  g_assert_cmpuint (fz_report_page_get_n_element_rows (page), ==, fz_ruleset_get_n_elements (guangdong));
  if (fz_analysis_find_element (analysis, target_id) != NULL)
    g_assert_true (fz_report_page_get_decision (page, target_id, NULL, NULL));
  else
    g_assert_false (fz_report_page_get_decision (page, target_id, NULL, NULL));

  /* F8 moves to a required element still waiting for a decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-open", NULL));
  selected = fz_report_page_get_selected_element (page);
  g_assert_nonnull (selected);
  g_assert_true (fz_analysis_find_element (analysis, selected)->required);
  g_assert_false (fz_report_page_get_decision (page, selected, NULL, NULL));

  /* Alt+1…4 decide it; agreeing with the checker needs no reason. */
  {
    g_autofree char *id = g_strdup (selected);
    const FzElementResult *result = fz_analysis_find_element (analysis, id);
    FzStatus verdict = result->status == FZ_STATUS_NEEDS_REVIEW ? FZ_STATUS_PRESENT : result->status;
    guint n_decided = fz_report_page_get_n_decided (page);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.decide", "i", 1 + verdict));
    g_assert_true (fz_report_page_get_decision (page, id, &status, NULL));
    g_assert_cmpint (status, ==, verdict);
    g_assert_cmpuint (fz_report_page_get_n_decided (page), ==, n_decided + 1);

    /* The next F8 leaves the decided element behind. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-open", NULL));
    g_assert_cmpstr (fz_report_page_get_selected_element (page), !=, id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();

  g_unlink (empty_path);
  g_rmdir (tmpdir);
}

static void
test_window_outline_and_settings (void)
{
  g_autoptr(GFile) report = dup_report_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *basename = g_file_get_basename (report);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  FzOutlineView *outline;
  GtkRevealer *revealer;
  FzReportPage *page;
  FzWindow *window;
  GPtrArray *sections;
  GtkPaned *paned;
  GSList *files;
  gboolean listed = FALSE;
  int font_size;

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  files = g_slist_append (NULL, report);
  drop_files (window, files);
  g_slist_free (files);
  page = fz_window_get_report (window, 0);
  wait_for_page (page);
  g_assert_nonnull (fz_report_page_get_analysis (page));
  /* The outline and the long lists fill in on the following turns. */
  flush_main_loop ();

  /* One outline row per section; activating one selects its heading. */
  collect_widgets (GTK_WIDGET (page), FZ_TYPE_OUTLINE_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  outline = g_ptr_array_index (found, 0);
  sections = fz_analysis_get_sections (fz_report_page_get_analysis (page));
  g_assert_cmpuint (sections->len, >, 1);
  g_assert_cmpuint (fz_outline_view_get_n_rows (outline), ==, sections->len);

  g_ptr_array_set_size (found, 0);
  collect_widgets (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (found, 0));
  for (guint i = 0; i < sections->len; i += MAX (1, sections->len / 3))
    {
      const FzSection *section = g_ptr_array_index (sections, i);

      fz_outline_view_activate (outline, i);
      g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
      g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, section->start);
      g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, section->heading_end);
    }

  /* The outline follows its setting, and so does its toggle action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  g_assert_false (g_settings_get_boolean (settings, "show-outline"));
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (outline), GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_settings_reset (settings, "show-outline");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  /* Zoom is the font-size setting, shared by every tab. */
  font_size = g_settings_get_int (settings, "font-size");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size);

  /* The divider is remembered. */
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (outline), GTK_TYPE_PANED));
  g_assert_nonnull (paned);
  g_settings_set_int (settings, "pane-position", 640);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 640);
  gtk_paned_set_position (paned, 700);
  g_assert_cmpint (g_settings_get_int (settings, "pane-position"), ==, 700);
  g_settings_reset (settings, "pane-position");

  /* A rule set dropped into the reviewer's folder is offered at once; when
   * it goes, the tab goes back to the national checklist. */
  {
    g_autofree char *rules_dir = g_dir_make_tmp ("fazhi-rules-XXXXXX", NULL);
    g_autofree char *rules_path = g_build_filename (rules_dir, "county.xml", NULL);
    g_autofree char *example = NULL;
    FzRuleSetStore *rulesets = fz_application_get_rulesets (app);
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_get_contents (EXAMPLE_RULESET, &example, NULL, &error));
    g_assert_true (g_file_set_contents (rules_path, example, -1, &error));
    g_assert_no_error (error);
    g_settings_set_string (settings, "rules-folder", rules_dir);
    fz_ruleset_store_rescan (rulesets);
    while (fz_ruleset_store_get_loading (rulesets))
      g_main_context_iteration (NULL, TRUE);
    flush_main_loop ();
    wait_for_page (page);

    fz_report_page_set_ruleset (page, "example-county");
    wait_for_page (page);
    g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (fz_report_page_get_analysis (page))),
                     ==, "example-county");
    g_assert_cmpstr (fz_review_get_ruleset_id (fz_report_page_get_review (page)), ==, "example-county");

    g_unlink (rules_path);
    fz_ruleset_store_rescan (rulesets);
    while (fz_ruleset_store_get_loading (rulesets))
      g_main_context_iteration (NULL, TRUE);
    flush_main_loop ();
    wait_for_page (page);
    g_assert_cmpstr (fz_report_page_get_ruleset (page), ==, "national");
    g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (fz_report_page_get_analysis (page))),
                     ==, "national");

    g_settings_reset (settings, "rules-folder");
    g_rmdir (rules_dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();

  /* The next window's welcome page lists the report among the recent ones. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();
  g_ptr_array_set_size (found, 0);
  collect_widgets (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (found, i)), basename) == 0)
      {
        listed = TRUE;
        g_signal_emit_by_name (g_ptr_array_index (found, i), "activated");
      }
  g_assert_true (listed);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  wait_for_page (fz_window_get_report (window, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static gboolean
file_is_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_is_up (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* Runs the main loop until @done says so, as a reviewer waiting would. */
static void
wait_until (GSourceFunc done,
            gpointer    data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (LOAD_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

static FzReportPage *
open_in_new_window (GFile     *report,
                    FzWindow **window)
{
  GSList *files = g_slist_append (NULL, report);
  FzReportPage *page;

  *window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (*window));
  drop_files (*window, files);
  g_slist_free (files);
  page = fz_window_get_report (*window, 0);
  wait_for_page (page);
  g_assert_nonnull (fz_report_page_get_analysis (page));
  flush_main_loop ();

  return page;
}

static void
test_window_annotate_and_keep (void)
{
  g_autoptr(GFile) report = dup_report_file ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
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
  FzReviewPanel *panel;
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

  page = open_in_new_window (report, &window);
  review = fz_report_page_get_review (page);
  g_assert_nonnull (review);
  view = find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  panel = find_widget (GTK_WIDGET (page), FZ_TYPE_REVIEW_PANEL);
  popover = find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATION_POPOVER);
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
  flush_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  fz_annotation_popover_set_category (popover, FZ_ANNOTATION_SUGGESTION);
  fz_annotation_popover_set_note (popover, "数据来源请注明");
  fz_annotation_popover_save (popover);
  flush_main_loop ();

  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  annotation = g_list_model_get_item (fz_review_get_annotations (review), 0);
  g_object_unref (annotation);
  g_assert_cmpuint (fz_annotation_get_start (annotation), ==, 100);
  g_assert_cmpuint (fz_annotation_get_end (annotation), ==, 112);
  g_assert_cmpint (fz_annotation_get_category (annotation), ==, FZ_ANNOTATION_SUGGESTION);
  g_assert_cmpstr (fz_annotation_get_note (annotation), ==, "数据来源请注明");
  g_assert_cmpuint (fz_review_panel_get_n_annotation_rows (panel), ==, 1);

  /* The passage is shaded in the text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 105);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "annotation-suggestion")));

  /* Edited from its row: the popover comes back with its note. */
  g_signal_emit_by_name (panel, "annotation-edit", annotation);
  flush_main_loop ();
  {
    g_autofree char *note = fz_annotation_popover_dup_note (popover);
    g_assert_cmpstr (note, ==, "数据来源请注明");
  }
  fz_annotation_popover_set_category (popover, FZ_ANNOTATION_PROBLEM);
  fz_annotation_popover_save (popover);
  flush_main_loop ();
  g_assert_cmpint (fz_annotation_get_category (annotation), ==, FZ_ANNOTATION_PROBLEM);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 105);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "annotation-problem")));

  /* Deleted with its row's button. */
  collect_widgets (GTK_WIDGET (panel), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_object_get_data (g_ptr_array_index (buttons, i), "fz-annotation") != NULL &&
        g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "user-trash-symbolic") == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        break;
      }
  flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 0);
  g_assert_cmpuint (fz_review_panel_get_n_annotation_rows (panel), ==, 0);

  /* A decision and an annotation, then the window goes away. */
  elements = fz_analysis_get_elements (fz_report_page_get_analysis (page));
  for (guint i = 0; i < elements->len && element == NULL; i++)
    if (((const FzElementResult *) g_ptr_array_index (elements, i))->required)
      element = g_ptr_array_index (elements, i);
  g_assert_nonnull (element);
  element_id = g_strdup (element->id);
  g_assert_true (fz_report_page_set_decision (page, element_id, FZ_STATUS_PARTIAL, "只有标题，没有内容"));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 40);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 50);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (fz_report_page_annotate_selection (page));
  fz_annotation_popover_set_note (popover, "存疑");
  fz_annotation_popover_save (popover);

  /* The memo is written off the main loop and announced. */
  fz_window_export_memo (window, memo_file);
  wait_until (file_is_written, memo_path);
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
  wait_until (dialog_is_up, NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Memo");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);

  /* Saved for another machine. */
  g_assert_true (fz_review_save_to_file (review, review_file, &error));
  g_assert_no_error (error);
  store = fz_review_get_store_file (fz_review_get_report_sha256 (review));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
  g_assert_true (g_file_query_exists (store, NULL));

  /* A new window restores all of it. */
  page = open_in_new_window (report, &window);
  review = fz_report_page_get_review (page);
  g_assert_true (fz_review_get_restored (review));
  g_assert_true (fz_report_page_get_decision (page, element_id, &status, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 1);
  panel = find_widget (GTK_WIDGET (page), FZ_TYPE_REVIEW_PANEL);
  g_assert_cmpuint (fz_review_panel_get_n_annotation_rows (panel), ==, 1);

  /* Opening the .fzreview over an existing review asks first; keeping
   * the reviewer's own changes nothing. */
  fz_window_open_file (window, review_file);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (fz_report_page_get_review (page) == review);

  /* On a machine without a review of its own, the file's review is taken
   * in and the open report reads it at once. */
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
  g_assert_true (g_file_delete (store, NULL, &error));
  g_assert_no_error (error);
  page = open_in_new_window (report, &window);
  g_assert_false (fz_review_get_restored (fz_report_page_get_review (page)));
  g_assert_false (fz_report_page_get_decision (page, element_id, NULL, NULL));
  fz_window_open_file (window, review_file);
  g_assert_null (find_message_dialog ());
  g_assert_true (fz_report_page_get_loading (page));
  wait_for_page (page);
  g_assert_true (fz_report_page_get_decision (page, element_id, &status, NULL));
  g_assert_cmpint (status, ==, FZ_STATUS_PARTIAL);
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (fz_report_page_get_review (page))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();

  g_unlink (memo_path);
  g_unlink (review_path);
  g_rmdir (tmpdir);
}

static gboolean
batch_is_done (gpointer data)
{
  return !fz_batch_page_get_running (data);
}

static void
test_window_batch (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (TESTDATADIR "/batch/reports");
  g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
  g_autofree char *ledger_path = g_build_filename (tmpdir, "ledger.csv", NULL);
  g_autoptr(GFile) ledger = g_file_new_for_path (ledger_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *element_id = NULL;
  FzBatchEntry *entry = NULL;
  FzBatchPage *batch;
  FzReportPage *page;
  FzWindow *window;
  GListModel *entries;
  GSList *files;
  FzStatus status, machine;
  guint n_rows, n_missing, n_copied = 0;

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* A folder dropped on the window is a batch, read in the background. */
  files = g_slist_append (NULL, folder);
  drop_files (window, files);
  g_slist_free (files);
  batch = fz_window_get_current_batch (window);
  g_assert_nonnull (batch);
  g_assert_null (fz_window_get_current_report (window));
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  wait_until (batch_is_done, batch);
  flush_main_loop ();

  entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
  n_rows = fz_batch_page_get_n_rows (batch);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (entries));
  g_assert_cmpuint (n_rows, >=, 5);

  /* "Missing or partial: causes" keeps exactly the reports that lack it. */
  element_id = g_strdup ("causes");
  fz_batch_page_filter_missing (batch, element_id);
  n_missing = 0;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_status (e, element_id, &status) &&
          (status == FZ_STATUS_MISSING || status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW))
        {
          n_missing++;
          if (entry == NULL)
            entry = e;
        }
    }
  g_assert_cmpuint (n_missing, >, 0);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_missing);
  g_assert_true (fz_batch_page_get_row (batch, 0) != NULL);
  fz_batch_page_filter_missing (batch, NULL);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_rows);
  g_assert_nonnull (entry);

  /* Activating its row opens the report; deciding there shows in the
   * matrix at once. */
  g_signal_emit_by_name (batch, "open-report", entry);
  page = fz_window_get_current_report (window);
  g_assert_nonnull (page);
  wait_for_page (page);
  g_assert_true (fz_batch_entry_get_machine_status (entry, element_id, &machine));
  g_assert_true (fz_report_page_set_decision (page, element_id, FZ_STATUS_PRESENT,
                                              "原因在第二部分末尾有分析"));
  g_assert_true (fz_batch_entry_get_status (entry, element_id, &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);
  fz_batch_page_filter_missing (batch, element_id);
  g_assert_cmpuint (fz_batch_page_get_n_rows (batch), ==, n_missing - 1);
  fz_batch_page_filter_missing (batch, NULL);

  /* A report that shares passages opens with them among its findings. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);
      GPtrArray *copies = fz_batch_entry_get_copy_findings (e);
      FzReportPage *copied;

      if (copies == NULL || copies->len == 0)
        continue;

      g_signal_emit_by_name (batch, "open-report", e);
      copied = fz_window_get_current_report (window);
      wait_for_page (copied);
      g_assert_cmpuint (fz_report_page_get_n_findings (copied), ==,
                        fz_analysis_get_findings (fz_report_page_get_analysis (copied))->len + copies->len);
      /* Opened again: the same findings, not twice. */
      g_signal_emit_by_name (batch, "open-report", e);
      g_assert_cmpuint (fz_report_page_get_n_findings (copied), ==,
                        fz_analysis_get_findings (fz_report_page_get_analysis (copied))->len + copies->len);
      n_copied++;
      break;
    }
  g_assert_cmpuint (n_copied, ==, 1);

  /* Each pair of reports sharing passages opens side by side. */
  {
    GPtrArray *copies = fz_batch_get_copies (fz_batch_page_get_batch (batch));
    GtkWidget *compare;

    g_assert_cmpuint (copies->len, >, 0);
    compare = fz_copy_window_new (g_ptr_array_index (copies, 0));
    g_assert_cmpuint (fz_copy_window_get_n_passages (FZ_COPY_WINDOW (compare)), ==,
                      ((FzBatchCopy *) g_ptr_array_index (copies, 0))->passages->len);
    fz_copy_window_show_passage (FZ_COPY_WINDOW (compare), 1);
    gtk_window_present (GTK_WINDOW (compare));
    flush_main_loop ();
    gtk_window_destroy (GTK_WINDOW (compare));
  }

  /* A grade of the reviewer's own, and the ledger that records it. */
  fz_batch_entry_set_grade_override (entry, FZ_GRADE_FAIR);
  adw_tab_view_set_selected_page (ADW_TAB_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (batch), ADW_TYPE_TAB_VIEW)),
                                  adw_tab_view_get_page (ADW_TAB_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (batch), ADW_TYPE_TAB_VIEW)),
                                                         GTK_WIDGET (batch)));
  g_assert_true (fz_window_get_current_batch (window) == batch);
  g_assert_true (fz_window_export_ledger (window, ledger));
  g_assert_true (g_file_get_contents (ledger_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "fair"));

  /* Every report's memo and the summary memo, into a folder. */
  {
    g_autofree char *memos_path = g_build_filename (tmpdir, "memos", NULL);
    g_autofree char *summary_path = NULL;
    g_autoptr(GFile) memos = g_file_new_for_path (memos_path);
    g_autoptr(GDir) dir = NULL;
    const char *name;
    guint n_files = 0, n_read = 0;

    g_assert_cmpint (g_mkdir (memos_path, 0700), ==, 0);
    summary_path = g_build_filename (memos_path, "关于2024年度法治政府建设年度报告的汇总审查意见.docx", NULL);
    fz_window_export_batch_memos (window, memos);
    wait_until (file_is_written, summary_path);
    flush_main_loop ();

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

        if (fz_batch_entry_get_analysis (e) != NULL)
          n_read++;
      }
    dir = g_dir_open (memos_path, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (memos_path, name, NULL);

        n_files++;
        g_unlink (path);
      }
    g_assert_cmpuint (n_files, ==, n_read + 1);
    g_rmdir (memos_path);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();

  /* The same folder again: the grade comes back with the batch, and the
   * decision with the report's own review. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  files = g_slist_append (NULL, folder);
  drop_files (window, files);
  g_slist_free (files);
  batch = fz_window_get_current_batch (window);
  wait_until (batch_is_done, batch);
  flush_main_loop ();
  entries = fz_batch_get_entries (fz_batch_page_get_batch (batch));
  entry = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) e = g_list_model_get_item (entries, i);

      if (fz_batch_entry_get_grade_override (e) == FZ_GRADE_FAIR)
        entry = e;
    }
  g_assert_nonnull (entry);
  g_assert_true (fz_batch_entry_get_status (entry, element_id, &status));
  g_assert_cmpint (status, ==, FZ_STATUS_PRESENT);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();

  g_unlink (ledger_path);
  g_rmdir (tmpdir);
}

/* The other formats open through the same drop, and what the importer
 * noticed about a web page is shown above its text. */
static void
test_window_formats (void)
{
  const char * const names[] = { "report.docx", "report.odt", "report.pdf", "report.ofd", "report.html" };
  g_autoptr(GSList) files = NULL;
  FzWindow *window = fz_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (TESTDATADIR, "formats", names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        files = g_slist_append (files, g_file_new_for_path (path));
    }
  g_assert_cmpuint (g_slist_length (files), >=, 4);

  drop_files (window, files);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, g_slist_length (files));
  for (guint i = 0; i < fz_window_get_n_reports (window); i++)
    {
      FzReportPage *page = fz_window_get_report (window, i);
      const char *format;

      wait_for_page (page);
      g_assert_null (fz_report_page_get_error_message (page));
      g_assert_nonnull (fz_report_page_get_analysis (page));
      format = fz_document_get_format (fz_analysis_get_document (fz_report_page_get_analysis (page)));
      g_test_message ("%s read as %s", fz_report_page_get_title (page), format);
      if (g_strcmp0 (format, "html") == 0)
        g_assert_cmpuint (fz_report_page_get_n_warnings (page), >, 0);
    }

  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GFile) data_dir = NULL;
  int ret;

  /* Reviews are kept by the report's hash in the user's data folder: each
   * run starts with none, as a reviewer new to a report would. */
  data_home = g_dir_make_tmp ("fazhi-window-test-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  data_dir = g_file_new_for_path (data_home);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fz_init ();

  g_test_add_func ("/app/window/welcome", test_window_welcome);
  g_test_add_func ("/app/window/open-review-and-fail", test_window_open_review_and_fail);
  g_test_add_func ("/app/window/outline-and-settings", test_window_outline_and_settings);
  g_test_add_func ("/app/window/annotate-and-keep", test_window_annotate_and_keep);
  g_test_add_func ("/app/window/batch", test_window_batch);
  g_test_add_func ("/app/window/formats", test_window_formats);

  create_application ();
  ret = g_test_run ();
  g_clear_object (&app);

  remove_tree (data_dir);

  return ret;
}
