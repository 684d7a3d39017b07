/* test-window.c: opening reports, deciding, the outline and the formats
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "libfazhi.h"
#include "fz-checklist-view.h"
#include "fz-text-row.h"
#include "fz-outline-view.h"
#include "fz-reason-dialog.h"
#include "fz-recent-files.h"
#include "fz-report-view.h"
#include "fz-unit-name.h"
#include "fz-window-private.h"
#include "fz-window-test-utils.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static FzApplication *app;

static void
respond_and_close (AdwMessageDialog *dialog,
                   const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static GtkDropDown *
find_decision_dropdown (GtkWidget  *page,
                        const char *element_id)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  fz_test_collect_widgets (page, GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GObject *dropdown = g_ptr_array_index (dropdowns, i);

      if (g_strcmp0 (g_object_get_data (dropdown, "fz-element-id"), element_id) == 0)
        return GTK_DROP_DOWN (dropdown);
    }

  return NULL;
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
    }
}

/* The shortcuts window is named as the menu item that opens it, and its
 * groups come in the order the menu lists their actions. */
static void
check_shortcuts_follow_menu (FzWindow *window)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GMenuModel *menu = NULL;
  guint last = 0, ranked = 0;
  int item = -1;

  g_assert_nonnull (overlay);
  fz_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
  g_assert_nonnull (menu);
  collect_menu_actions (menu, actions);
  g_assert_cmpuint (actions->len, >, 5);

  /* The menu's "Keyboard Shortcuts" and the window's title are one. */
  for (int s = 0; s < g_menu_model_get_n_items (menu) && item < 0; s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "win.show-help-overlay") &&
              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            {
              g_assert_cmpstr (label, ==, gtk_window_get_title (GTK_WINDOW (overlay)));
              item = i;
            }
        }
    }
  g_assert_cmpint (item, >=, 0);

  fz_test_collect_widgets (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_GROUP, groups);
  g_assert_cmpuint (groups->len, >, 2);
  for (guint g = 0; g < groups->len; g++)
    {
      g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
      g_autofree char *title = NULL;
      guint first = G_MAXUINT;

      fz_test_collect_widgets (g_ptr_array_index (groups, g), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
      for (guint k = 0; k < shortcuts->len; k++)
        {
          g_autofree char *action = NULL;
          guint index;

          g_object_get (g_ptr_array_index (shortcuts, k), "action-name", &action, NULL);
          if (action != NULL && g_ptr_array_find_with_equal_func (actions, action, g_str_equal, &index))
            first = MIN (first, index);
        }
      g_object_get (g_ptr_array_index (groups, g), "title", &title, NULL);
      if (first == G_MAXUINT)
        continue;
      g_test_message ("Shortcut group “%s” follows menu item %u", title, first);
      g_assert_cmpuint (first, >=, last);
      last = first;
      ranked++;
    }
  g_assert_cmpuint (ranked, >=, 3);
}

static void
test_window_welcome (void)
{
  FzWindow *window = fz_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  g_assert_null (fz_window_get_current_report (window));

  /* No report, no outline to show: its toggle is insensitive. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-outline"));
  /* No Windows-style mnemonics (打开(O)) anywhere on the welcome page. */
  fz_test_assert_no_mnemonics (GTK_WIDGET (window));
  check_shortcuts_follow_menu (window);

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

/* The element rows the checklist view shows, counted on screen; each is
 * an item of the model it is bound to, the report's own checklist. */
static guint
n_element_rows (FzReportPage *page)
{
  FzChecklistView *checklist = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_CHECKLIST_VIEW);
  GListModel *items = fz_report_get_checklist (fz_report_page_get_report (page));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  g_assert_true (fz_checklist_view_get_checklist (checklist) == items);
  fz_test_collect_widgets (GTK_WIDGET (checklist), FZ_TYPE_TEXT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "element-row"))
      n++;
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (items));

  return n;
}

static void
test_window_open_review_and_fail (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
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
  fz_test_drop_files (window, files);
  g_slist_free (files);

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  page = fz_window_get_report (window, 0);
  g_assert_true (fz_report_page_get_loading (page));
  fz_test_wait_for_page (page);

  g_assert_null (fz_report_page_get_error_message (page));
  analysis = fz_report_get_analysis (fz_report_page_get_report (page));
  g_assert_nonnull (analysis);

  /* The tab and the window carry the unit and year; the file name is
   * the subtitle. */
  {
    g_autofree char *basename = g_file_get_basename (report);
    g_autofree char *short_title = fz_report_short_title (analysis);

    g_assert_cmpstr (fz_report_page_get_subtitle (page), ==, basename);
    if (short_title != NULL)
      g_assert_cmpstr (fz_report_page_get_title (page), ==, short_title);
    else
      g_assert_cmpstr (fz_report_page_get_title (page), ==, basename);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, fz_report_page_get_title (page));
    g_test_message ("Tab titled “%s”", fz_report_page_get_title (page));
  }
  elements = fz_analysis_get_elements (analysis);
  g_assert_cmpuint (elements->len, >, 0);
  g_assert_cmpuint (n_element_rows (page), ==, elements->len);

  /* Every element row carries one decision drop-down; the other one
   * chooses the rule set. */
  fz_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, elements->len + 1);
  g_assert_cmpstr (fz_test_get_ruleset_id (page), ==, "national");
  g_assert_cmpuint (fz_report_get_n_decided (fz_report_page_get_report (page)), ==, 0);

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
  g_assert_true (fz_test_get_decision (page, target->id, &status, &reason));
  g_assert_cmpint (status, ==, target->status);
  g_assert_null (reason);
  g_assert_cmpuint (fz_report_get_n_decided (fz_report_page_get_report (page)), ==, 1);

  /* Overriding it asks for a reason first. */
  other = target->status == FZ_STATUS_MISSING ? FZ_STATUS_PRESENT : FZ_STATUS_MISSING;
  gtk_drop_down_set_selected (dropdown, 1 + other);
  fz_test_flush_main_loop ();
  dialog = fz_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  /* A few lines for a sentence or two, not one narrow line. */
  g_assert_true (GTK_IS_TEXT_VIEW (fz_reason_dialog_get_text_view (dialog)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (fz_reason_dialog_get_text_view (dialog)),
                            "Covered in the closing paragraph", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "record"));
  respond_and_close (dialog, "record");

  g_assert_true (fz_test_get_decision (page, target->id, &status, &reason));
  g_assert_cmpint (status, ==, other);
  g_assert_cmpstr (reason, ==, "Covered in the closing paragraph");
  g_assert_cmpuint (fz_report_get_n_decided (fz_report_page_get_report (page)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1 + other);

  /* The reason is changed from its own button, keeping the decision; the
   * dialog opens with the reason as it stands, and Ctrl+Enter records. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), FZ_TYPE_TEXT_ROW);
    GtkWidget *button = g_object_get_data (G_OBJECT (row), "fz-reason-button");
    GtkTextBuffer *buffer;
    g_autofree char *shown = NULL;
    GtkTextIter start, end;

    g_assert_true (gtk_widget_get_visible (button));
    g_signal_emit_by_name (button, "clicked");
    fz_test_flush_main_loop ();
    dialog = fz_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    buffer = gtk_text_view_get_buffer (fz_reason_dialog_get_text_view (dialog));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Covered in the closing paragraph");
    gtk_text_buffer_set_text (buffer, "Covered in the closing paragraph,\nunder its own heading", -1);
    g_assert_true (fz_test_press_ctrl_return (GTK_WIDGET (dialog)));
    fz_test_flush_main_loop ();
    g_assert_null (fz_test_find_message_dialog ());
    g_assert_true (fz_test_get_decision (page, target->id, &status, &reason));
    g_assert_cmpint (status, ==, other);
    g_assert_cmpstr (reason, ==, "Covered in the closing paragraph,\nunder its own heading");
  }

  /* No tooltip on a decision drop-down or anything around it: it would
   * cover the list the drop-down opens. */
  for (guint i = 0; i < dropdowns->len; i++)
    for (GtkWidget *w = g_ptr_array_index (dropdowns, i); w != NULL && w != GTK_WIDGET (page);
         w = gtk_widget_get_parent (w))
      g_assert_false (gtk_widget_get_has_tooltip (w));

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
  fz_test_drop_files (window, files);
  g_slist_free (files);

  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 2);
  failed = fz_window_get_report (window, 1);
  fz_test_wait_for_page (failed);

  g_assert_nonnull (fz_report_page_get_error_message (failed));
  g_assert_null (fz_report_get_analysis (fz_report_page_get_report (failed)));
  g_test_message ("Empty file: %s", fz_report_page_get_error_message (failed));

  /* The toast is up over the tabs. */
  {
    g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
    GType toast_type = g_type_from_name ("AdwToastWidget");

    fz_test_flush_main_loop ();
    g_assert_true (toast_type != G_TYPE_INVALID);
    fz_test_collect_widgets (GTK_WIDGET (window), toast_type, toasts);
    g_assert_cmpuint (toasts->len, >, 0);
  }

  g_assert_true (fz_report_get_analysis (fz_report_page_get_report (page)) == analysis);
  g_assert_true (fz_test_get_decision (page, target->id, NULL, NULL));
  g_assert_cmpuint (n_element_rows (page), ==, elements->len);

  /* Closing the failed tab goes back to the first, and lets go of all
   * the tab held. */
  {
    FzReport *failed_report = g_object_ref (fz_report_page_get_report (failed));

    g_object_ref (failed);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL);
    fz_test_flush_main_loop ();
    g_assert_finalize_object (failed);
    g_assert_finalize_object (failed_report);
  }
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  g_assert_true (fz_window_get_current_report (window) == page);

  /* Another rule set rebuilds the checklist from the text already read;
   * decisions on the elements both lists share survive. */
  guangdong = fz_ruleset_load ("guangdong", &error);
  g_assert_no_error (error);
  fz_report_page_set_ruleset (page, "guangdong");
  g_assert_true (fz_report_page_get_loading (page));
  fz_test_wait_for_page (page);
  g_assert_null (fz_report_page_get_error_message (page));
  analysis = fz_report_get_analysis (fz_report_page_get_report (page));
  g_assert_true (fz_analysis_get_ruleset (analysis) != NULL);
  g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (analysis)), ==, "guangdong");
  g_assert_cmpuint (fz_ruleset_get_n_elements (guangdong), ==, 8);
  g_assert_cmpuint (n_element_rows (page), ==, fz_ruleset_get_n_elements (guangdong));
  if (fz_analysis_find_element (analysis, target_id) != NULL)
    g_assert_true (fz_test_get_decision (page, target_id, NULL, NULL));
  else
    g_assert_false (fz_test_get_decision (page, target_id, NULL, NULL));

  /* F8 moves to a required element still waiting for a decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-open", NULL));
  selected = fz_report_page_get_selected_element (page);
  g_assert_nonnull (selected);
  g_assert_true (fz_analysis_find_element (analysis, selected)->required);
  g_assert_false (fz_test_get_decision (page, selected, NULL, NULL));

  /* Alt+1…4 decide it; agreeing with the checker needs no reason. */
  {
    g_autofree char *id = g_strdup (selected);
    const FzElementResult *result = fz_analysis_find_element (analysis, id);
    FzStatus verdict = result->status == FZ_STATUS_NEEDS_REVIEW ? FZ_STATUS_PRESENT : result->status;
    guint n_decided = fz_report_get_n_decided (fz_report_page_get_report (page));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.decide", "i", 1 + verdict));
    g_assert_true (fz_test_get_decision (page, id, &status, NULL));
    g_assert_cmpint (status, ==, verdict);
    g_assert_cmpuint (fz_report_get_n_decided (fz_report_page_get_report (page)), ==, n_decided + 1);

    /* The next F8 leaves the decided element behind. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-open", NULL));
    g_assert_cmpstr (fz_report_page_get_selected_element (page), !=, id);
  }

  fz_test_close_and_assert_freed (GTK_WINDOW (window), page);

  g_unlink (empty_path);
  g_rmdir (tmpdir);
}

static void
test_window_outline_and_settings (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *basename = g_file_get_basename (report);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  FzOutlineView *outline;
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
  fz_test_drop_files (window, files);
  g_slist_free (files);
  page = fz_window_get_report (window, 0);
  fz_test_wait_for_page (page);
  g_assert_nonnull (fz_report_get_analysis (fz_report_page_get_report (page)));
  /* The outline and the long lists fill in on the following turns. */
  fz_test_flush_main_loop ();

  /* One outline row per section; activating one selects its heading. */
  fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_OUTLINE_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  outline = g_ptr_array_index (found, 0);
  sections = fz_analysis_get_sections (fz_report_get_analysis (fz_report_page_get_report (page)));
  g_assert_cmpuint (sections->len, >, 1);
  g_assert_cmpuint (fz_outline_view_get_n_rows (outline), ==, sections->len);

  g_ptr_array_set_size (found, 0);
  fz_test_collect_widgets (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW, found);
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
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-outline"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  g_assert_false (g_settings_get_boolean (settings, "show-outline"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (outline)));
  g_settings_reset (settings, "show-outline");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (outline)));

  /* The outline pane is resized by its own divider, and remembered. */
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (outline), GTK_TYPE_PANED));
  g_assert_nonnull (paned);
  g_assert_true (gtk_paned_get_start_child (paned) == GTK_WIDGET (outline) ||
                 gtk_widget_is_ancestor (GTK_WIDGET (outline), gtk_paned_get_start_child (paned)));
  g_assert_true (gtk_paned_get_resize_start_child (paned) == FALSE);
  g_settings_set_int (settings, "outline-width", 320);
  g_assert_cmpint (gtk_paned_get_position (paned), ==, 320);
  gtk_paned_set_position (paned, 280);
  g_assert_cmpint (g_settings_get_int (settings, "outline-width"), ==, 280);
  g_settings_reset (settings, "outline-width");

  /* Zoom is the font-size setting, shared by every tab. */
  font_size = g_settings_get_int (settings, "font-size");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, font_size);

  /* The divider between the text and the side pane is remembered. */
  paned = GTK_PANED (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (paned)), GTK_TYPE_PANED));
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
    fz_test_flush_main_loop ();
    fz_test_wait_for_page (page);

    fz_report_page_set_ruleset (page, "example-county");
    fz_test_wait_for_page (page);
    g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (fz_report_get_analysis (fz_report_page_get_report (page)))),
                     ==, "example-county");
    g_assert_cmpstr (fz_review_get_ruleset_id (fz_report_get_review (fz_report_page_get_report (page))), ==, "example-county");

    g_unlink (rules_path);
    fz_ruleset_store_rescan (rulesets);
    while (fz_ruleset_store_get_loading (rulesets))
      g_main_context_iteration (NULL, TRUE);
    fz_test_flush_main_loop ();
    fz_test_wait_for_page (page);
    g_assert_cmpstr (fz_test_get_ruleset_id (page), ==, "national");
    g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (fz_report_get_analysis (fz_report_page_get_report (page)))),
                     ==, "national");

    g_settings_reset (settings, "rules-folder");
    g_rmdir (rules_dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  /* The next window's welcome page lists the report among the recent ones,
   * from the window's own list: at once, and whatever GTK's recently-used
   * list (shared by every program) has kept. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  g_ptr_array_set_size (found, 0);
  fz_test_collect_widgets (GTK_WIDGET (window), FZ_TYPE_TEXT_ROW, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (fz_text_row_get_title (g_ptr_array_index (found, i)), basename) == 0)
      {
        listed = TRUE;
        g_signal_emit_by_name (g_ptr_array_index (found, i), "activate");
      }
  g_assert_true (listed);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  fz_test_wait_for_page (fz_window_get_report (window, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
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

  fz_test_drop_files (window, files);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, g_slist_length (files));
  for (guint i = 0; i < fz_window_get_n_reports (window); i++)
    {
      FzReportPage *page = fz_window_get_report (window, i);
      const char *format;

      fz_test_wait_for_page (page);
      g_assert_null (fz_report_page_get_error_message (page));
      g_assert_nonnull (fz_report_get_analysis (fz_report_page_get_report (page)));
      format = fz_document_get_format (fz_analysis_get_document (fz_report_get_analysis (fz_report_page_get_report (page))));
      g_test_message ("%s read as %s", fz_report_page_get_title (page), format);
      if (g_strcmp0 (format, "html") == 0)
        {
          GPtrArray *warnings = fz_document_get_warnings (fz_report_get_document (fz_report_page_get_report (page)));

          g_assert_true (warnings != NULL && warnings->len > 0);
        }
    }

  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

static gboolean
memo_is_known (gpointer data)
{
  return fz_recent_files_is_memo (fz_recent_files_get_default (), data, NULL);
}

static gboolean
lists_recent (FzWindow   *window,
              const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  fz_test_collect_widgets (GTK_WIDGET (window), FZ_TYPE_TEXT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (fz_text_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return TRUE;

  return FALSE;
}

/* The welcome page's list looks at each file on disk: it is made again
 * when the page shows, not each time a report opens behind it. */
static void
test_window_recent_when_shown (void)
{
  g_autoptr(GFile) sample = fz_test_dup_report_file ();
  g_autofree char *dir = g_dir_make_tmp ("fz-recent-shown-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "recent-when-shown.txt", NULL);
  g_autoptr(GFile) report = g_file_new_for_path (path);
  FzWindow *window;

  g_assert_true (g_file_copy (sample, report, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  fz_test_open_in_new_window (app, report, &window);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  g_assert_false (lists_recent (window, "recent-when-shown.txt"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL);
  fz_test_flush_main_loop ();
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  g_assert_true (lists_recent (window, "recent-when-shown.txt"));

  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The list itself: kept across runs, newest first, and a memo is known by
 * the file written, not by its name alone. */
static void
test_window_recent_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-recent-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "recent-files", NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.txt", NULL);
  g_autofree char *memo_path = g_build_filename (dir, "关于《a》的审查意见.docx", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (a_path);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  g_autoptr(GFile) memo = g_file_new_for_path (memo_path);
  g_autoptr(GFile) gone = g_file_new_for_path ("/nonexistent/fazhi/c.txt");
  g_autoptr(GFile) report = NULL;
  g_autoptr(FzRecentFiles) recent = fz_recent_files_new (store);
  g_autoptr(FzRecentFiles) again = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_assert_true (g_file_set_contents (a_path, "a", -1, NULL));
  g_assert_true (g_file_set_contents (b_path, "b", -1, NULL));
  g_assert_true (g_file_set_contents (memo_path, "memo", -1, NULL));

  fz_recent_files_add_report (recent, a);
  fz_recent_files_add_report (recent, gone);
  fz_recent_files_add_report (recent, b);
  fz_recent_files_add_report (recent, a);
  fz_recent_files_add_memo (recent, memo, a);

  /* Written in the background; read back by the next run. */
  fz_test_spin (300);
  again = fz_recent_files_new (store);
  files = fz_recent_files_dup_reports (again, 8);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_true (g_file_equal (g_ptr_array_index (files, 0), a));
  g_assert_true (g_file_equal (g_ptr_array_index (files, 1), b));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = fz_recent_files_dup_reports (again, 1);
  g_assert_cmpuint (files->len, ==, 1);

  g_assert_true (fz_recent_files_is_memo (again, memo, &report));
  g_assert_nonnull (report);
  g_assert_true (g_file_equal (report, a));
  g_assert_false (fz_recent_files_is_memo (again, a, NULL));

  /* Another file saved under the memo's name is not the memo. */
  g_usleep (20000);
  g_assert_true (g_file_set_contents (memo_path, "a report saved here later", -1, NULL));
  g_assert_false (fz_recent_files_is_memo (again, memo, NULL));

  /* A damaged list is an empty one. */
  g_assert_true (g_file_set_contents (store, "[Memos]\nUris=x;\n", -1, NULL));
  g_clear_object (&again);
  again = fz_recent_files_new (store);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = fz_recent_files_dup_reports (again, 8);
  g_assert_cmpuint (files->len, ==, 0);

  g_unlink (a_path);
  g_unlink (b_path);
  g_unlink (memo_path);
  g_unlink (store);
  g_rmdir (dir);
}

/* A memo the window exported stays out of the welcome page's recent
 * reports, and opening it brings back its report instead of checking the
 * memo as one. */
static void
test_window_exported_memo (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  g_autofree char *tmpdir = g_dir_make_tmp ("fz-memo-recent-XXXXXX", NULL);
  g_autofree char *memo_path = g_build_filename (tmpdir, "关于《报告》的审查意见.docx", NULL);
  g_autofree char *report_name = g_file_get_basename (report);
  g_autoptr(GFile) memo = g_file_new_for_path (memo_path);
  g_autofree char *text = NULL;
  FzReportPage *page;
  FzWindow *window;
  GSList *files;

  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = fz_window_open_file (window, report);
  g_assert_nonnull (page);
  fz_test_wait_for_page (page);

  fz_window_export_memo (window, memo);
  fz_test_wait_until (memo_is_known, memo);
  g_assert_true (g_file_test (memo_path, G_FILE_TEST_IS_REGULAR));

  /* Opened while its report is open: that tab, no new one. */
  g_assert_null (fz_window_open_file (window, memo));
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  /* A new window: the report is a recent one, the memo is not. */
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  g_assert_true (lists_recent (window, report_name));
  g_assert_false (lists_recent (window, "关于《报告》的审查意见.docx"));

  /* Dropped with nothing open, beside its report, the memo opens the
   * report: one tab, no second one for the memo. */
  files = g_slist_append (NULL, memo);
  files = g_slist_append (files, report);
  fz_test_drop_files (window, files);
  g_slist_free (files);
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 1);
  page = fz_window_get_report (window, 0);
  g_assert_true (g_file_equal (fz_report_page_get_file (page), report));
  fz_test_wait_for_page (page);
  g_assert_null (fz_report_page_get_error_message (page));
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  /* A report saved later under the memo's name is a report again. */
  g_assert_true (g_file_get_contents (g_file_peek_path (report), &text, NULL, NULL));
  g_usleep (20000);
  g_assert_true (g_file_set_contents (memo_path, text, -1, NULL));
  window = fz_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = fz_window_open_file (window, memo);
  g_assert_nonnull (page);
  g_assert_true (g_file_equal (fz_report_page_get_file (page), memo));
  fz_test_wait_for_page (page);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();

  g_unlink (memo_path);
  g_rmdir (tmpdir);
}

/* The checklist's row: AdwActionRow's parts on a grid.  Its subtitle
 * shows only when there is one, the same text set again changes nothing
 * (rows are synced on every change of their item), and it reads as its
 * title. */
static void
test_text_row (void)
{
  FzTextRow *row = FZ_TEXT_ROW (g_object_ref_sink (fz_text_row_new ()));
  GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  GtkWidget *button = gtk_button_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *subtitle = NULL;
  guint notified = 0;

  g_signal_connect_swapped (row, "notify::subtitle", G_CALLBACK (g_atomic_int_inc), &notified);
  fz_text_row_set_title (row, "<b>主要举措</b>");
  g_assert_cmpstr (fz_text_row_get_title (row), ==, "<b>主要举措</b>");

  fz_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "subtitle"))
      subtitle = g_ptr_array_index (labels, i);
  g_assert_nonnull (subtitle);
  g_assert_false (gtk_widget_get_visible (subtitle));

  fz_text_row_set_subtitle (row, "<b>具备</b> · 在“一、”中找到。");
  g_assert_true (gtk_widget_get_visible (subtitle));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (subtitle)), ==, "具备 · 在“一、”中找到。");
  fz_text_row_set_subtitle (row, "<b>具备</b> · 在“一、”中找到。");
  g_assert_cmpuint (notified, ==, 1);
  fz_text_row_set_subtitle (row, NULL);
  g_assert_false (gtk_widget_get_visible (subtitle));
  g_assert_cmpstr (fz_text_row_get_subtitle (row), ==, "");
  g_assert_cmpuint (notified, ==, 2);

  fz_text_row_add_prefix (row, icon);
  fz_text_row_add_suffix (row, button);
  g_assert_true (gtk_widget_is_ancestor (icon, GTK_WIDGET (row)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (icon)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (button)));

  g_assert_finalize_object (row);
}

/* A row says it was activated when its list activates it, as AdwActionRow
 * does, and only while it is in that list. */
static void
test_text_row_activated (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = fz_text_row_new ();
  GtkWidget *other = fz_text_row_new ();
  guint activated = 0;

  /* Activating a row moves the focus: the list is in a window. */
  gtk_window_set_child (GTK_WINDOW (window), list);
  g_object_ref (row);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (g_atomic_int_inc), &activated);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), other);

  g_signal_emit_by_name (row, "activate");
  g_assert_cmpuint (activated, ==, 1);
  g_signal_emit_by_name (other, "activate");
  g_assert_cmpuint (activated, ==, 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpuint (activated, ==, 1);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpuint (activated, ==, 1);

  /* The window held the row as its focus until it went. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (row);
}

/* The label GTK shows a plain tooltip in: it shares a box with the
 * tooltip's custom widget. */
static GtkLabel *
gtk_tooltip_label (GtkTooltip *tooltip)
{
  GtkWidget *probe = gtk_label_new (NULL);
  GtkLabel *label = NULL;

  gtk_tooltip_set_custom (tooltip, probe);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (probe));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != probe && GTK_IS_LABEL (child))
      label = GTK_LABEL (child);
  gtk_tooltip_set_custom (tooltip, NULL);

  g_assert_nonnull (label);
  return label;
}

typedef struct
{
  const char *action;
  const char *icon;     /* the button's icon, or NULL for any */
  GtkWidget  *found;
} ActionSearch;

static void
find_actionable (GtkWidget    *widget,
                 ActionSearch *search)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), search->action) == 0 &&
      (search->icon == NULL ||
       (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), search->icon) == 0)))
    search->found = widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && search->found == NULL;
       child = gtk_widget_get_next_sibling (child))
    find_actionable (child, search);
}

/* The buttons made with every window and tab have their tooltips, set
 * without GTK's "tooltip-text" (which asks the X server where the pointer
 * is each time one is set). */
static void
test_window_button_tooltips (void)
{
  g_autoptr(GFile) report = fz_test_dup_report_file ();
  const struct {
    const char *action;
    const char *icon;
  } buttons[] = {
    { "app.open", NULL },
    { "win.show-outline", NULL },
    { "win.find", NULL },
    /* The annotations' header button, not the pill of their empty page. */
    { "win.annotate", "list-add-symbolic" },
  };
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  FzWindow *window;

  fz_test_open_in_new_window (app, report, &window);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      ActionSearch search = { buttons[i].action, buttons[i].icon, NULL };
      gboolean shown = FALSE;

      find_actionable (GTK_WIDGET (window), &search);
      g_assert_nonnull (search.found);
      g_assert_true (gtk_widget_get_has_tooltip (search.found));
      g_assert_null (gtk_widget_get_tooltip_text (search.found));
      g_signal_emit_by_name (search.found, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_true (shown);
    }

  g_object_unref (tooltip);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

/* The tooltips GTK shows itself (a template's, libadwaita's) are as wide
 * as their text, a Chinese character counting two, up to fifty: GTK 4.8
 * alone gave 关闭标签页 five, and three lines. */
/* The shared-memory segments the process has attached, by id: the inode
 * column of their lines in /proc/self/maps. */
static void
add_attached_segments (GHashTable *segments)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (strstr (lines[i], "/SYSV") == NULL)
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      /* address, permissions, offset, device, inode */
      g_hash_table_add (segments, g_strdup (fields[4]));
    }
}

static gboolean
record_segments_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       segments)
{
  add_attached_segments (segments);
  return G_SOURCE_CONTINUE;
}

/* With the cairo renderer on X11, the frames of a window that opens one
 * report after another are copied to the server through one segment:
 * cairo would otherwise make a fresh one, all its pages to fault in
 * again, every time none of its memory was in use. */
static void
test_window_upload_pool (void)
{
  g_autoptr(GPtrArray) seeds = fz_test_dup_seed_files ();
  g_autoptr(GHashTable) segments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GskRenderer *renderer;
  FzWindow *window;
  guint tick;

  if (seeds->len < 2)
    {
      g_test_skip ("needs two seed reports from ../shared");
      return;
    }

  fz_test_open_in_new_window (app, g_ptr_array_index (seeds, 0), &window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window)))
      || !GSK_IS_CAIRO_RENDERER (renderer))
#endif
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("needs the cairo renderer on X11");
      return;
    }

  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), record_segments_cb, segments, NULL);
  for (guint i = 1; i < MIN (seeds->len, 4); i++)
    {
      GSList *files = g_slist_append (NULL, g_ptr_array_index (seeds, i));

      fz_test_drop_files (window, files);
      g_slist_free (files);
      fz_test_wait_for_page (fz_window_get_report (window, i));
      gtk_widget_queue_draw (GTK_WIDGET (window));
      fz_test_spin (100);
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  add_attached_segments (segments);

  g_assert_cmpuint (g_hash_table_size (segments), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

static void
test_window_gtk_tooltips (void)
{
  const struct {
    const char *markup;
    int         width;
  } cases[] = {
    { "关闭标签页", 10 },
    { "Show Outline (F9)", 17 },
    { "显示提纲（F9）", 14 },
    { "法治政府建设法治政府建设法治政府建设法治政府建设法治政府建设", 50 },
    { "部分具备", 8 },
    /* Lines GTK leaves as they are: no wrapping, whatever the width. */
    { "第一行\n第二行", -1 },
  };
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *button = g_object_ref_sink (gtk_button_new ());

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean shown = FALSE;
      GtkLabel *label;

      gtk_widget_set_tooltip_markup (button, cases[i].markup);
      g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_true (shown);

      label = gtk_tooltip_label (tooltip);
      g_assert_cmpstr (gtk_label_get_text (label), ==, cases[i].markup);
      if (cases[i].width < 0)
        {
          g_assert_false (gtk_label_get_wrap (label));
          continue;
        }
      g_assert_true (gtk_label_get_wrap (label));
      g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, cases[i].width);
    }

  g_object_unref (button);
  g_object_unref (tooltip);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = fz_test_window_init (&argc, &argv);
  int ret;

  g_test_add_func ("/app/text-row", test_text_row);
  g_test_add_func ("/app/text-row/activated", test_text_row_activated);
  g_test_add_func ("/app/window/welcome", test_window_welcome);
  g_test_add_func ("/app/window/open-review-and-fail", test_window_open_review_and_fail);
  g_test_add_func ("/app/window/outline-and-settings", test_window_outline_and_settings);
  g_test_add_func ("/app/window/formats", test_window_formats);
  g_test_add_func ("/app/window/recent-files", test_window_recent_files);
  g_test_add_func ("/app/window/recent-when-shown", test_window_recent_when_shown);
  g_test_add_func ("/app/window/exported-memo", test_window_exported_memo);
  g_test_add_func ("/app/window/gtk-tooltips", test_window_gtk_tooltips);
  g_test_add_func ("/app/window/button-tooltips", test_window_button_tooltips);
  g_test_add_func ("/app/window/upload-pool", test_window_upload_pool);

  app = fz_test_create_application ();
  ret = g_test_run ();
  g_clear_object (&app);
  fz_test_remove_tree (data_dir);

  return ret;
}
