/* fz-window-test-utils.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "libfazhi.h"
#include "fz-window-test-utils.h"
#include "fz-file-util.h"

GFile *
fz_test_window_init (int    *argc,
                     char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("fazhi-window-test-XXXXXX", NULL);

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  fz_init ();

  return g_file_new_for_path (data_home);
}

void
fz_test_remove_tree (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  fz_remove_tree (path);
}

FzApplication *
fz_test_create_application (void)
{
  g_autoptr(GError) error = NULL;
  FzApplication *app = fz_application_new ();

  /* No other instance to talk to, and maybe no session bus at all. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

void
fz_test_flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
fz_test_timeout_cb (gpointer timed_out)
{
  *(gboolean *) timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

void
fz_test_wait_until (GSourceFunc done,
                    gpointer    data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (FZ_TEST_TIMEOUT_SECONDS, fz_test_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
page_is_loaded (gpointer data)
{
  return !fz_report_page_get_loading (data) && !fz_report_page_get_filling (data);
}

void
fz_test_wait_for_page (FzReportPage *page)
{
  fz_test_wait_until (page_is_loaded, page);
}

static gboolean
batch_is_done (gpointer data)
{
  return !fz_batch_page_get_running (data);
}

void
fz_test_wait_for_batch (FzBatchPage *batch)
{
  fz_test_wait_until (batch_is_done, batch);
}

void
fz_test_spin (guint ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, fz_test_timeout_cb, &timed_out);

  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

void
fz_test_collect_widgets (GtkWidget *widget,
                         GType      type,
                         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fz_test_collect_widgets (child, type, found);
}

gpointer
fz_test_find_widget (GtkWidget *root,
                     GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  fz_test_collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

gboolean
fz_test_get_decision (FzReportPage *page,
                      const char   *element_id,
                      FzStatus     *status,
                      const char  **reason)
{
  FzChecklistItem *item = fz_report_find_item (fz_report_page_get_report (page), element_id);

  if (item == NULL || !fz_checklist_item_get_decided (item))
    return FALSE;
  if (status != NULL)
    *status = fz_checklist_item_get_decision (item);
  if (reason != NULL)
    *reason = fz_checklist_item_get_reason (item);

  return TRUE;
}

gboolean
fz_test_set_decision (FzReportPage *page,
                      const char   *element_id,
                      FzStatus      status,
                      const char   *reason)
{
  FzReport *report = fz_report_page_get_report (page);

  if (fz_report_find_item (report, element_id) == NULL || fz_report_get_review (report) == NULL)
    return FALSE;
  fz_review_set_decision (fz_report_get_review (report), element_id, status, reason);

  return TRUE;
}

const char *
fz_test_get_ruleset_id (FzReportPage *page)
{
  FzRuleSet *ruleset = fz_report_get_ruleset (fz_report_page_get_report (page));

  return ruleset != NULL ? fz_ruleset_get_id (ruleset) : NULL;
}

/* How many references a review store keeps on a review it handed out,
 * measured on a store of our own rather than assumed. */
static guint
refs_held_by_a_store (void)
{
  static guint held;

  if (held == 0)
    {
      g_autofree char *tmpdir = g_dir_make_tmp ("fazhi-test-XXXXXX", NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
      FzReviewStore *store = fz_review_store_new (folder);
      FzReview *review = fz_review_store_lookup (store, "0123456789abcdef0123456789abcdef"
                                                 "0123456789abcdef0123456789abcdef",
                                                 "held.txt", NULL);

      held = g_atomic_int_get (&G_OBJECT (review)->ref_count) - 1;
      g_object_unref (review);
      g_assert_finalize_object (store);
      fz_test_remove_tree (folder);
    }

  return held;
}

void
fz_test_assert_review_only_in_store (FzReview *review)
{
  gint64 end = g_get_monotonic_time () + FZ_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  g_assert_true (FZ_IS_REVIEW (review));
  /* A closed tab's workers (a comparison of rounds, a save) may still be
   * finishing on their threads, cancelled, holding the review until their
   * callbacks run: those let go in time; a view, row, binding or handler
   * left holding it never does. */
  while (g_atomic_int_get (&G_OBJECT (review)->ref_count) > 1 + refs_held_by_a_store ()
         && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (G_USEC_PER_SEC / 100);
  g_assert_cmpuint (g_atomic_int_get (&G_OBJECT (review)->ref_count), ==, 1 + refs_held_by_a_store ());
}

void
fz_test_close_and_assert_freed (GtkWindow    *window,
                                FzReportPage *page)
{
  FzReport *report = g_object_ref (fz_report_page_get_report (page));
  FzReview *review = fz_report_get_review (report);

  if (review != NULL)
    g_object_ref (review);
  g_object_ref (page);
  gtk_window_destroy (window);
  /* Saving, the views' idle work and GTK's own let go on later turns. */
  fz_test_flush_main_loop ();

  g_assert_finalize_object (page);
  g_assert_finalize_object (report);
  if (review != NULL)
    {
      fz_test_assert_review_only_in_store (review);
      g_object_unref (review);
    }
}

AdwMessageDialog *
fz_test_find_message_dialog (void)
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

GPtrArray *
fz_test_dup_other_toplevels (GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_WINDOW (window) != except && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (found, window);
    }

  return found;
}

void
fz_test_drop_files (FzWindow *window,
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
  g_signal_emit_by_name (target, "leave");
}

FzMemoParagraph *
fz_test_memo_paragraph (FzMemoView *view,
                        const char *key)
{
  GListModel *paragraphs = fz_memo_view_get_paragraphs (view);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(FzMemoParagraph) p = g_list_model_get_item (paragraphs, i);

      if (g_strcmp0 (fz_memo_paragraph_get_key (p), key) == 0)
        return p;
    }
  return NULL;
}

FzBatchPage *
fz_test_drop_batch (FzWindow *window,
                    GSList   *files)
{
  FzBatchPage *batch;

  fz_test_drop_files (window, files);
  batch = fz_window_get_current_batch (window);
  g_assert_nonnull (batch);
  fz_test_wait_for_batch (batch);
  fz_test_flush_main_loop ();

  return batch;
}

FzReportPage *
fz_test_open_in_new_window (FzApplication *app,
                            GFile         *report,
                            FzWindow     **window)
{
  GSList *files = g_slist_append (NULL, report);
  FzReportPage *page;

  *window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (*window));
  fz_test_drop_files (*window, files);
  g_slist_free (files);
  page = fz_window_get_report (*window, 0);
  fz_test_wait_for_page (page);
  g_assert_nonnull (fz_report_get_analysis (fz_report_page_get_report (page)));
  fz_test_flush_main_loop ();

  return page;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (g_file_peek_path (*(GFile * const *) a), g_file_peek_path (*(GFile * const *) b));
}

GPtrArray *
fz_test_dup_seed_files (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *seeds = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (corpus == NULL)
    return files;

  seeds = g_build_filename (corpus, "seeds", NULL);
  dir = g_dir_open (seeds, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_file_new_build_filename (seeds, name, NULL));
  g_ptr_array_sort (files, compare_paths);

  return files;
}

GFile *
fz_test_dup_report_file (void)
{
  g_autoptr(GPtrArray) seeds = fz_test_dup_seed_files ();

  if (seeds->len > 0)
    return g_object_ref (g_ptr_array_index (seeds, 0));

  return fz_application_dup_sample_file ();
}

static gboolean
has_mnemonic (const char *text)
{
  /* "_O" marks a mnemonic; "__" is a literal underscore. */
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p != '_')
        continue;
      if (p[1] == '_')
        p++;
      else if (p[1] != '\0')
        return TRUE;
    }

  return FALSE;
}

void
fz_test_assert_no_mnemonics (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)) &&
      has_mnemonic (gtk_label_get_label (GTK_LABEL (widget))))
    g_error ("A label with a mnemonic: '%s'", gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      has_mnemonic (gtk_button_get_label (GTK_BUTTON (widget))))
    g_error ("A button with a mnemonic: '%s'", gtk_button_get_label (GTK_BUTTON (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget) && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)) &&
      has_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))))
    g_error ("A row with a mnemonic: '%s'", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  /* "打开(O)": the letter in brackets that Windows shows for a mnemonic. */
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *open = text != NULL ? strstr (text, "(") : NULL;

      if (open != NULL && g_ascii_isupper (open[1]) && open[2] == ')')
        g_error ("A Windows-style mnemonic: '%s'", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fz_test_assert_no_mnemonics (child);
}

GtkWidget *
fz_test_query_tooltip_at (GtkWidget *root,
                          double     x,
                          double     y)
{
  GtkWidget *widget = gtk_widget_pick (root, x, y, GTK_PICK_DEFAULT);
  /* One for every query, as GTK keeps one per display. */
  static GtkTooltip *tooltip;

  if (tooltip == NULL)
    tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      graphene_point_t point;
      gboolean shown = FALSE;

      if (!gtk_widget_get_has_tooltip (widget))
        continue;
      if (!gtk_widget_compute_point (root, widget, &GRAPHENE_POINT_INIT (x, y), &point))
        continue;
      g_signal_emit_by_name (widget, "query-tooltip", (int) point.x, (int) point.y, FALSE, tooltip, &shown);
      if (shown)
        return widget;
    }

  return NULL;
}

gboolean
fz_test_press_ctrl_return (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, GDK_CONTROL_MASK, &handled);
    }

  return handled;
}

gboolean
fz_test_click_toast_button (GtkWidget  *window,
                            const char *label)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  GType toast_type = g_type_from_name ("AdwToastWidget");

  g_assert_true (toast_type != G_TYPE_INVALID);
  /* As a person clicks it: once it is alone and has been read.  (A click
   * within the 300 ms in which an earlier toast slides away makes
   * libadwaita 1.2's overlay free that toast twice; no hand is that
   * quick, a test is.) */
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();

      fz_test_collect_widgets (window, toast_type, shown);
      if (shown->len <= 1)
        break;
      fz_test_spin (20);
    }
  fz_test_spin (500);
  fz_test_collect_widgets (window, toast_type, toasts);
  for (guint i = 0; i < toasts->len; i++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      fz_test_collect_widgets (g_ptr_array_index (toasts, i), GTK_TYPE_BUTTON, buttons);
      for (guint k = 0; k < buttons->len; k++)
        if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, k)), label) == 0)
          {
            g_signal_emit_by_name (g_ptr_array_index (buttons, k), "clicked");
            return TRUE;
          }
    }

  return FALSE;
}
