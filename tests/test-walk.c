/* test-walk.c: every path a reviewer can take through the window, on every
 * seed of the shared corpus and every format fixture
 *
 * Each report is dropped on the window; the pointer rests on every mark
 * of the text where it is drawn; every row of every view is activated;
 * every action of the window and the application runs with valid
 * parameters, and every dialog and popover it opens is closed again; the
 * reviewer decides, overrides with a reason, annotates, edits, deletes
 * and undoes; the memo is exported in each format and printed to PDF;
 * the rule sets are switched; the tab is closed.  Any critical or warning
 * fails the test (gtk_test_init() makes them fatal), and the sanitizer
 * build runs it too.
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
#include "fz-memo-view.h"
#include "fz-outline-view.h"
#include "fz-reason-dialog.h"
#include "fz-reference-list.h"
#include "fz-report-view.h"
#include "fz-window-test-utils.h"

static FzApplication *app;
static char *tmpdir;

typedef struct
{
  guint reports;
  guint marks;
  guint tooltips;
  guint rows;
  guint actions;
  guint dialogs;
  guint popovers;
  guint exports;
} Counts;

static Counts counts;

/* Dialogs and other windows ------------------------------------------------ */

/* Closes every window but @window as the reviewer would, with Escape or
 * the close button: a file chooser is cancelled, a message dialog answers
 * with its close response. */
static guint
close_other_windows (GtkWindow *window)
{
  g_autoptr(GPtrArray) others = fz_test_dup_other_toplevels (window);

  for (guint i = 0; i < others->len; i++)
    {
      GtkWindow *other = g_ptr_array_index (others, i);

      /* Ours, that is: the file chooser, the print dialog and the about
       * window are GTK's and libadwaita's. */
      if (ADW_IS_MESSAGE_DIALOG (other) ||
          g_type_is_a (G_OBJECT_TYPE (other), g_type_from_name ("FzPreferencesWindow")))
        fz_test_assert_no_mnemonics (GTK_WIDGET (other));
      if (GTK_IS_DIALOG (other))
        gtk_dialog_response (GTK_DIALOG (other), GTK_RESPONSE_CANCEL);
      else
        gtk_window_close (other);
      fz_test_flush_main_loop ();
    }
  counts.dialogs += others->len;

  return others->len;
}

static GtkFileChooser *
find_file_chooser (void)
{
  g_autoptr(GPtrArray) others = fz_test_dup_other_toplevels (NULL);

  for (guint i = 0; i < others->len; i++)
    if (GTK_IS_FILE_CHOOSER (g_ptr_array_index (others, i)))
      return g_ptr_array_index (others, i);

  return NULL;
}

static gboolean
file_chooser_is_up (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_is_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Runs @action, which opens a file chooser, and answers it with @name in
 * the test's folder; returns the path chosen. */
static char *
choose_file (GtkWidget  *window,
             const char *action,
             const char *name)
{
  g_autoptr(GFile) file = NULL;
  GtkFileChooser *chooser;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_unlink (path);
  g_assert_true (gtk_widget_activate_action (window, action, NULL));
  /* Shown once the desktop portal is found missing, over the bus. */
  fz_test_wait_until (file_chooser_is_up, NULL);
  chooser = find_file_chooser ();
  counts.dialogs++;
  file = g_file_new_for_path (path);
  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    {
      /* Into the folder, nothing selected, and Select: the folder shown. */
      gtk_file_chooser_set_current_folder (chooser, file, NULL);
      for (guint tries = 0; tries < 200; tries++)
        {
          g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

          if (current != NULL && g_file_equal (current, file))
            break;
          fz_test_spin (20);
        }
    }
  else
    {
      /* The whole path typed in the name field, as one can. */
      for (guint tries = 0; ; tries++)
        {
          g_autoptr(GFile) chosen = NULL;

          gtk_file_chooser_set_current_name (chooser, path);
          chosen = gtk_file_chooser_get_file (chooser);
          if (chosen != NULL && g_file_equal (chosen, file))
            break;
          g_assert_cmpuint (tries, <, 200);
          fz_test_spin (20);
        }
    }
  /* Its accept button, as the reviewer clicks it: the chooser checks
   * the name before it answers. */
  g_object_ref (chooser);
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT), "clicked");
  fz_test_flush_main_loop ();
  for (guint tries = 0; tries < 100 && gtk_widget_get_visible (GTK_WIDGET (chooser)); tries++)
    fz_test_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_object_unref (chooser);

  return path;
}

/* Popovers ------------------------------------------------------------------ */

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
is_on_screen (GtkWidget *root,
              GtkWidget *widget)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, root, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root) &&
         bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root);
}

static gboolean
scroll_into_view (GtkWidget *root,
                  GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
  for (guint tries = 0; tries < 20 && !is_on_screen (root, widget); tries++)
    fz_test_spin (20);

  return is_on_screen (root, widget);
}

static void
open_and_close_popovers (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  fz_test_collect_widgets (root, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);

      if (!gtk_widget_is_sensitive (GTK_WIDGET (button)) || !gtk_widget_get_mapped (GTK_WIDGET (button)))
        continue;
      gtk_menu_button_popup (button);
      fz_test_flush_main_loop ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
      fz_test_assert_no_mnemonics (GTK_WIDGET (gtk_menu_button_get_popover (button)));
      gtk_menu_button_popdown (button);
      fz_test_flush_main_loop ();
      counts.popovers++;
    }

  fz_test_collect_widgets (root, GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GtkWidget *dropdown = g_ptr_array_index (dropdowns, i);
      g_autoptr(GPtrArray) popovers = g_ptr_array_new ();

      if (!gtk_widget_is_sensitive (dropdown) || !gtk_widget_get_mapped (dropdown))
        continue;
      /* Reached with Tab, as a reviewer would: the view scrolls it into
       * sight. */
      if (!scroll_into_view (root, dropdown))
        continue;
      /* As Space or Enter on it: the button inside is activated, and
       * clicks a moment later. */
      g_signal_emit_by_name (dropdown, "activate");
      fz_test_collect_widgets (dropdown, GTK_TYPE_POPOVER, popovers);
      g_assert_cmpuint (popovers->len, ==, 1);
      fz_test_wait_until (widget_is_visible, g_ptr_array_index (popovers, 0));
      /* Nothing drawn over the open list: no tooltip around it. */
      for (GtkWidget *w = dropdown; w != NULL && w != root; w = gtk_widget_get_parent (w))
        g_assert_false (gtk_widget_get_has_tooltip (w));
      gtk_popover_popdown (g_ptr_array_index (popovers, 0));
      fz_test_flush_main_loop ();
      counts.popovers++;
    }
}

/* Tooltips at the marks ------------------------------------------------------ */

static gboolean
is_filled (gpointer data)
{
  FzReportView *view = data;
  FzAnalysis *analysis = fz_report_view_get_analysis (view);
  FzDocument *document = fz_analysis_get_document (analysis);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  return (guint) gtk_text_buffer_get_char_count (buffer) >= fz_document_get_length (document);
}

static gboolean
no_toast_left (gpointer data)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  fz_test_collect_widgets (data, g_type_from_name ("AdwToastWidget"), toasts);

  return toasts->len == 0;
}

/* Rests the pointer in the middle of [start, end) where the text view
 * draws it, scrolling it into view first, and asks for the tooltip GTK
 * would show there: the text's own, since every mark has one. */
static void
query_mark (GtkWidget    *window,
            FzReportView *view,
            guint         start,
            guint         end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GdkRectangle location, visible;
  graphene_point_t point;
  GtkTextIter iter;
  GtkWidget *shown;
  int x, y;

  if (end <= start)
    return;

  /* A character of the mark, not a line break (which has no width to
   * rest on): the middle one, or the nearest before it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start + (end - start) / 2);
  while (gtk_text_iter_get_offset (&iter) > start && gtk_text_iter_ends_line (&iter))
    gtk_text_iter_backward_char (&iter);
  if (gtk_text_iter_ends_line (&iter))
    return;
  counts.marks++;
  for (guint tries = 0; ; tries++)
    {
      GdkRectangle before;

      g_assert_cmpuint (tries, <, 50);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
      gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
      if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
        {
          gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &iter, 0.0, TRUE, 0.0, 0.4);
          fz_test_spin (20);
          continue;
        }

      /* Still, and where the pointer can rest: a toast may lie over the
       * text's last lines, and the reviewer waits for it to go. */
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             location.x + 1, location.y + location.height / 2, &x, &y);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), window, &GRAPHENE_POINT_INIT (x, y), &point));
      if (gtk_widget_get_ancestor (gtk_widget_pick (window, point.x, point.y, GTK_PICK_DEFAULT),
                                   g_type_from_name ("AdwToastWidget")) != NULL)
        {
          fz_test_wait_until (no_toast_left, window);
          continue;
        }
      before = visible;
      fz_test_flush_main_loop ();
      gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
      if (gdk_rectangle_equal (&before, &visible))
        break;
    }

  shown = fz_test_query_tooltip_at (window, point.x, point.y);
  g_assert_true (shown == GTK_WIDGET (view));
  counts.tooltips++;
}

static void
query_every_mark (GtkWidget    *window,
                  FzReportPage *page)
{
  FzReportView *view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  FzAnalysis *analysis = fz_report_get_analysis (fz_report_page_get_report (page));
  GPtrArray *sections = fz_analysis_get_sections (analysis);
  GPtrArray *figures = fz_analysis_get_figures (analysis);
  GPtrArray *findings = fz_analysis_get_findings (analysis);
  GListModel *annotations = fz_review_get_annotations (fz_report_get_review (fz_report_page_get_report (page)));

  fz_test_wait_until (is_filled, view);
  fz_test_flush_main_loop ();

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *section = g_ptr_array_index (sections, i);

      query_mark (window, view, section->start, section->heading_end);
    }
  for (guint i = 0; i < figures->len; i++)
    {
      const FzFigure *figure = g_ptr_array_index (figures, i);

      query_mark (window, view, figure->start, figure->end);
    }
  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *finding = g_ptr_array_index (findings, i);

      query_mark (window, view, finding->start, finding->end);
    }
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (fz_annotation_get_attached (annotation))
        query_mark (window, view, fz_annotation_get_start (annotation), fz_annotation_get_end (annotation));
    }
}

/* Rows -------------------------------------------------------------------------- */

static void
activate_every_row (FzReportPage *page)
{
  FzChecklistView *checklist = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_CHECKLIST_VIEW);
  FzFindingsView *findings = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_FINDINGS_VIEW);
  FzOutlineView *outline = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_OUTLINE_VIEW);
  FzReferenceList *reference = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REFERENCE_LIST);
  GListModel *groups = fz_findings_view_get_groups (findings);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  guint n_elements = 0;

  fz_report_page_show_view (page, "checklist");
  /* Each element row, as a click or Enter activates it: one per item of
   * the report's checklist. */
  fz_test_collect_widgets (GTK_WIDGET (checklist), FZ_TYPE_TEXT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "element-row"))
      {
        g_signal_emit_by_name (g_ptr_array_index (rows, i), "activate");
        counts.rows++;
        n_elements++;
      }
  g_assert_cmpuint (n_elements, ==, g_list_model_get_n_items (fz_report_get_checklist (fz_report_page_get_report (page))));
  g_ptr_array_set_size (rows, 0);
  fz_test_collect_widgets (GTK_WIDGET (reference), FZ_TYPE_TEXT_ROW, rows);
  for (guint i = 0; i < rows->len; i++, counts.rows++)
    if (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, i)))
      g_signal_emit_by_name (g_ptr_array_index (rows, i), "activate");
  fz_test_flush_main_loop ();
  close_other_windows (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));

  for (guint i = 0; i < fz_outline_view_get_n_rows (outline); i++, counts.rows++)
    fz_outline_view_activate (outline, i);

  /* Every kind of problem, then every occurrence of each, expanded. */
  fz_report_page_show_view (page, "problems");
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++, counts.rows++)
    fz_findings_view_activate_group (findings, i);
  fz_test_collect_widgets (GTK_WIDGET (findings), GTK_TYPE_LIST_VIEW, lists);
  g_assert_cmpuint (lists->len, ==, 1);
  {
    GtkSelectionModel *model = gtk_list_view_get_model (g_ptr_array_index (lists, 0));

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

        if (gtk_tree_list_row_is_expandable (row))
          gtk_tree_list_row_set_expanded (row, TRUE);
      }
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++, counts.rows++)
      g_signal_emit_by_name (g_ptr_array_index (lists, 0), "activate", i);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

        if (gtk_tree_list_row_is_expandable (row))
          gtk_tree_list_row_set_expanded (row, FALSE);
      }
  }
  fz_test_flush_main_loop ();
  fz_report_page_show_view (page, "checklist");
}

/* Deciding and annotating ------------------------------------------------------- */

static void
decide_every_element (FzReportPage *page)
{
  FzAnalysis *analysis = fz_report_get_analysis (fz_report_page_get_report (page));
  GPtrArray *elements = fz_analysis_get_elements (analysis);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  fz_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (dropdowns, i);
      const char *id = g_object_get_data (G_OBJECT (dropdown), "fz-element-id");
      const FzElementResult *result = id != NULL ? fz_analysis_find_element (analysis, id) : NULL;
      FzStatus agree, other, status;
      const char *reason = NULL;
      AdwMessageDialog *dialog;
      GtkWidget *row, *button;

      if (result == NULL)
        continue;

      /* Agreeing needs no reason. */
      agree = result->status == FZ_STATUS_NEEDS_REVIEW ? FZ_STATUS_PARTIAL : result->status;
      gtk_drop_down_set_selected (dropdown, 1 + agree);
      fz_test_flush_main_loop ();
      g_assert_null (fz_test_find_message_dialog ());
      g_assert_true (fz_test_get_decision (page, id, &status, NULL));
      g_assert_cmpint (status, ==, agree);

      /* Overriding asks why; Cancel leaves the decision as it was. */
      other = agree == FZ_STATUS_MISSING ? FZ_STATUS_PRESENT : FZ_STATUS_MISSING;
      gtk_drop_down_set_selected (dropdown, 1 + other);
      fz_test_flush_main_loop ();
      dialog = fz_test_find_message_dialog ();
      g_assert_nonnull (dialog);
      fz_test_assert_no_mnemonics (GTK_WIDGET (dialog));
      gtk_window_close (GTK_WINDOW (dialog));
      fz_test_flush_main_loop ();
      counts.dialogs++;
      g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), !=, 1 + other);

      gtk_drop_down_set_selected (dropdown, 1 + other);
      fz_test_flush_main_loop ();
      dialog = fz_test_find_message_dialog ();
      g_assert_nonnull (dialog);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (fz_reason_dialog_get_text_view (dialog)),
                                "第二部分末尾有相关表述。", -1);
      g_assert_true (fz_test_press_ctrl_return (GTK_WIDGET (dialog)));
      fz_test_flush_main_loop ();
      counts.dialogs++;
      g_assert_true (fz_test_get_decision (page, id, &status, &reason));
      g_assert_cmpint (status, ==, other);
      g_assert_cmpstr (reason, ==, "第二部分末尾有相关表述。");

      /* The reason changed in place. */
      row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), FZ_TYPE_TEXT_ROW);
      button = g_object_get_data (G_OBJECT (row), "fz-reason-button");
      g_assert_true (gtk_widget_get_visible (button));
      g_signal_emit_by_name (button, "clicked");
      fz_test_flush_main_loop ();
      dialog = fz_test_find_message_dialog ();
      g_assert_nonnull (dialog);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (fz_reason_dialog_get_text_view (dialog)),
                                "第二部分末尾有相关表述，\n但不完整。", -1);
      g_assert_true (fz_test_press_ctrl_return (GTK_WIDGET (dialog)));
      fz_test_flush_main_loop ();
      counts.dialogs++;
      g_assert_true (fz_test_get_decision (page, id, &status, &reason));
      g_assert_cmpstr (reason, ==, "第二部分末尾有相关表述，\n但不完整。");
    }

  /* Alt+1…4 on the element F8 picks, then every decision withdrawn. */
  for (int choice = 1; choice <= 4; choice++, counts.actions++)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "win.previous-open", NULL);
      gtk_widget_activate_action (GTK_WIDGET (page), "win.decide", "i", choice);
      close_other_windows (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
    }
  for (guint i = 0; i < dropdowns->len; i++)
    if (g_object_get_data (g_ptr_array_index (dropdowns, i), "fz-element-id") != NULL)
      gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, i), 0);
  fz_test_flush_main_loop ();
  for (guint i = 0; i < elements->len; i++)
    g_assert_false (fz_test_get_decision (page, ((FzElementResult *) g_ptr_array_index (elements, i))->id,
                                                 NULL, NULL));
}

static void
annotate_edit_delete_undo (GtkWidget    *window,
                           FzReportPage *page)
{
  FzReportView *view = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_REPORT_VIEW);
  FzAnnotationPopover *popover = NULL;
  FzAnnotationsView *list = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATIONS_VIEW);
  FzReview *review = fz_report_get_review (fz_report_page_get_report (page));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint length = gtk_text_buffer_get_char_count (buffer);
  const FzAnnotationCategory categories[] = { FZ_ANNOTATION_PROBLEM, FZ_ANNOTATION_SUGGESTION, FZ_ANNOTATION_DOUBT };
  GtkTextIter start, end;

  for (guint i = 0; i < G_N_ELEMENTS (categories) && length > 4; i++)
    {
      guint from = length * (i + 1) / 5;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (from + 8, length));
      gtk_text_buffer_select_range (buffer, &start, &end);
      g_assert_true (gtk_widget_activate_action (window, "win.annotate", NULL));
      fz_test_flush_main_loop ();
      /* Made at the first annotation. */
      if (popover == NULL)
        popover = fz_test_find_widget (GTK_WIDGET (page), FZ_TYPE_ANNOTATION_POPOVER);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      fz_test_assert_no_mnemonics (GTK_WIDGET (popover));
      fz_annotation_popover_set_category (popover, categories[i]);
      fz_annotation_popover_set_note (popover, "请核实此处表述。");
      g_assert_true (fz_test_press_ctrl_return (GTK_WIDGET (popover)));
      fz_test_flush_main_loop ();
      counts.popovers++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 3);

  fz_report_page_show_view (page, "annotations");
  for (guint i = 0; i < fz_annotations_view_get_n_rows (list); i++, counts.rows++)
    fz_annotations_view_activate (list, i);
  fz_annotations_view_edit (list, 0);
  fz_test_flush_main_loop ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  fz_annotation_popover_set_note (popover, "请核实此处表述的数据来源。");
  fz_annotation_popover_save (popover);
  fz_test_flush_main_loop ();

  fz_annotations_view_delete (list, 1);
  fz_test_flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 2);
  g_assert_true (fz_test_click_toast_button (window, "Undo"));
  fz_test_flush_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (fz_review_get_annotations (review)), ==, 3);
  fz_report_page_show_view (page, "checklist");
}

/* Actions ------------------------------------------------------------------------ */

static const char * const skipped_actions[] = {
  "close-tab",     /* the end of each report's walk */
  "quit",          /* the end of the whole walk */
  "decide",        /* with each of its parameters, above */
  "scoring-table", /* with the table in use, below */
  NULL,
};

/* Every action the window and the application offer, as the menu, the
 * buttons and the shortcuts run them; each dialog or popover one opens
 * is looked at and closed. */
static void
activate_every_action (GtkWidget *window)
{
  GActionGroup *groups[] = { G_ACTION_GROUP (app), G_ACTION_GROUP (window) };
  const char *prefixes[] = { "app", "win" };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) names = g_action_group_list_actions (groups[g]);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *detailed = g_strdup_printf ("%s.%s", prefixes[g], names[i]);
          const GVariantType *type = g_action_group_get_action_parameter_type (groups[g], names[i]);
          guint n_reports = fz_window_get_n_reports (FZ_WINDOW (window));

          if (g_strv_contains (skipped_actions, names[i]) || g_str_has_prefix (names[i], "export-") ||
              g_str_equal (names[i], "print-memo") || g_str_equal (names[i], "save-review"))
            continue;
          g_assert_null (type);

          /* Said first, so a warning in the log follows its action. */
          g_test_message ("action %s", detailed);
          gtk_widget_activate_action (window, detailed, NULL);
          fz_test_flush_main_loop ();
          counts.actions++;
          /* A file chooser comes once the portal is found missing. */
          if (g_str_equal (names[i], "open") || g_str_equal (names[i], "open-folder") ||
              (g_str_equal (names[i], "open-published-page") &&
               g_action_group_get_action_enabled (groups[g], names[i])))
            fz_test_wait_until (file_chooser_is_up, NULL);
          close_other_windows (GTK_WINDOW (window));
          /* A toggle goes back to how it was; a search bar is closed; the
           * sample opened in a tab of its own is read, then closed. */
          {
            g_autoptr(GVariant) state = g_action_group_get_action_state (groups[g], names[i]);

            if (state != NULL)
              {
                gtk_widget_activate_action (window, detailed, NULL);
                fz_test_flush_main_loop ();
              }
          }
          if (g_str_equal (names[i], "find"))
            gtk_widget_activate_action (window, "win.find", NULL);
          if (g_str_equal (names[i], "open-sample"))
            {
              FzReportPage *sample = fz_window_get_current_report (FZ_WINDOW (window));

              /* In this window, whatever other window was in front last. */
              g_assert_cmpuint (fz_window_get_n_reports (FZ_WINDOW (window)), ==, n_reports + 1);
              g_assert_nonnull (sample);
              fz_test_wait_for_page (sample);
              g_assert_true (gtk_widget_activate_action (window, "win.close-tab", NULL));
              fz_test_flush_main_loop ();
            }
        }
    }
}

/* The scoring table: choosing the one in use again checks nothing anew. */
static void
choose_scoring_table (GtkWidget *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "scoring-table");

  g_assert_nonnull (state);
  if (*g_variant_get_string (state, NULL) == '\0' ||
      !g_action_group_get_action_enabled (G_ACTION_GROUP (window), "scoring-table"))
    return;
  gtk_widget_activate_action (window, "win.scoring-table", "s", g_variant_get_string (state, NULL));
  fz_test_flush_main_loop ();
  counts.actions++;
}

/* The memo in every format, through the dialog once and directly for the
 * rest; printing, once through the dialog (cancelled) and once to PDF. */
static void
export_and_print (GtkWidget    *window,
                  FzReportPage *page)
{
  const char * const formats[] = { "docx", "pdf", "html", "md", "json" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *format = g_settings_get_string (settings, "memo-format");
  g_autofree char *chosen = choose_file (window, "win.export-memo", "chosen.pdf");
  g_autofree char *review = NULL;

  fz_test_wait_until (file_is_written, chosen);
  counts.exports++;
  {
    g_autofree char *now = g_settings_get_string (settings, "memo-format");

    g_assert_cmpstr (now, ==, format);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++, counts.exports++)
    {
      g_autofree char *name = g_strdup_printf ("memo.%s", formats[i]);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      gsize length;

      g_unlink (path);
      fz_window_export_memo (FZ_WINDOW (window), file);
      fz_test_wait_until (file_is_written, path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 200);
      /* Nothing internal: not the report's file name. */
      if (g_str_equal (formats[i], "md") || g_str_equal (formats[i], "html"))
        {
          g_autofree char *basename = g_file_get_basename (fz_report_page_get_file (page));

          g_assert_null (strstr (contents, basename));
        }
      g_unlink (path);
    }

  /* The print dialog, cancelled; then printing to a PDF file. */
  g_assert_true (gtk_widget_activate_action (window, "win.print-memo", NULL));
  fz_test_flush_main_loop ();
  counts.actions++;
  close_other_windows (GTK_WINDOW (window));
  {
    g_autoptr(GtkPrintOperation) operation = fz_window_create_memo_print (FZ_WINDOW (window));
    g_autofree char *pdf = g_build_filename (tmpdir, "printed.pdf", NULL);
    g_autoptr(GError) error = NULL;

    gtk_print_operation_set_export_filename (operation, pdf);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              GTK_WINDOW (window), &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_unlink (pdf);
    counts.exports++;
  }

  review = choose_file (window, "win.save-review", "walk.fzreview");
  g_assert_true (g_file_test (review, G_FILE_TEST_EXISTS));
  g_unlink (review);
  g_unlink (chosen);
  counts.actions += 3;
}

static void
switch_rule_sets (FzReportPage *page)
{
  g_auto(GStrv) ids = fz_ruleset_list_available ();
  g_autofree char *first = g_strdup (fz_test_get_ruleset_id (page));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      fz_report_page_set_ruleset (page, ids[i]);
      fz_test_wait_for_page (page);
      g_assert_cmpstr (fz_ruleset_get_id (fz_analysis_get_ruleset (fz_report_get_analysis (fz_report_page_get_report (page)))), ==, ids[i]);
      fz_test_flush_main_loop ();
    }
  fz_report_page_set_ruleset (page, first);
  fz_test_wait_for_page (page);
}

/* One report ------------------------------------------------------------------- */

static void
walk_report (gconstpointer data)
{
  GFile *file = (GFile *) data;
  GSList *files = g_slist_append (NULL, file);
  FzWindow *window = fz_window_new (app);
  FzReportPage *page;

  gtk_window_present (GTK_WINDOW (window));
  fz_test_drop_files (window, files);
  g_slist_free (files);
  page = fz_window_get_current_report (window);
  g_assert_nonnull (page);
  fz_test_wait_for_page (page);
  fz_test_flush_main_loop ();
  counts.reports++;

  if (fz_report_get_analysis (fz_report_page_get_report (page)) == NULL)
    {
      /* A file that cannot be read fails in its tab, says why, and the
       * window goes on: retry, then close. */
      g_test_message ("%s: %s", g_file_peek_path (file), fz_report_page_get_error_message (page));
      g_assert_nonnull (fz_report_page_get_error_message (page));
      fz_test_assert_no_mnemonics (GTK_WIDGET (window));
      fz_report_page_load (page);
      fz_test_wait_for_page (page);
      activate_every_action (GTK_WIDGET (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
      fz_test_flush_main_loop ();
      gtk_window_destroy (GTK_WINDOW (window));
      fz_test_flush_main_loop ();
      return;
    }

  fz_test_assert_no_mnemonics (GTK_WIDGET (window));
  g_test_message ("annotating");
  annotate_edit_delete_undo (GTK_WIDGET (window), page);
  g_test_message ("resting on the marks");
  query_every_mark (GTK_WIDGET (window), page);
  g_test_message ("activating the rows");
  activate_every_row (page);
  g_test_message ("opening the popovers");
  open_and_close_popovers (GTK_WIDGET (window));
  g_test_message ("deciding");
  decide_every_element (page);
  g_test_message ("running the actions");
  activate_every_action (GTK_WIDGET (window));
  choose_scoring_table (GTK_WIDGET (window));
  g_test_message ("exporting and printing");
  export_and_print (GTK_WIDGET (window), page);
  g_test_message ("switching rule sets");
  switch_rule_sets (page);

  /* The shortcuts window's groups come in the menu's order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  fz_test_flush_main_loop ();
  close_other_windows (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  fz_test_flush_main_loop ();
  g_assert_cmpuint (fz_window_get_n_reports (window), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-outline"));

  fz_test_spin (1000);
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

/* A batch: its own actions, the ledger and every memo. */
static void
walk_batch (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (TESTDATADIR "/batch/reports");
  GSList *files = g_slist_append (NULL, folder);
  FzWindow *window = fz_window_new (app);
  g_autofree char *ledger = NULL;
  g_autofree char *memos = g_build_filename (tmpdir, "memos", NULL);

  gtk_window_present (GTK_WINDOW (window));
  fz_test_drop_batch (window, files);
  g_slist_free (files);
  fz_test_assert_no_mnemonics (GTK_WIDGET (window));
  open_and_close_popovers (GTK_WIDGET (window));
  activate_every_action (GTK_WIDGET (window));

  ledger = choose_file (GTK_WIDGET (window), "win.export-ledger", "ledger.xlsx");
  g_assert_true (g_file_test (ledger, G_FILE_TEST_EXISTS));
  g_unlink (ledger);
  g_assert_cmpint (g_mkdir (memos, 0700), ==, 0);
  {
    g_autofree char *chosen = choose_file (GTK_WIDGET (window), "win.export-memos", "memos");
    g_autoptr(GDir) dir = NULL;
    const char *name;
    guint n = 0;

    for (guint tries = 0; tries < 200 && n == 0; tries++)
      {
        g_autoptr(GDir) probe = g_dir_open (memos, 0, NULL);

        fz_test_spin (50);
        while (probe != NULL && g_dir_read_name (probe) != NULL)
          n++;
      }
    fz_test_spin (500);
    dir = g_dir_open (memos, 0, NULL);
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (memos, name, NULL);

        g_unlink (path);
      }
    g_assert_cmpuint (n, >, 0);
    g_rmdir (memos);
  }
  counts.exports += 2;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  fz_test_flush_main_loop ();
  gtk_window_destroy (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
}

static void
print_counts (void)
{
  g_test_message ("walked %u reports: %u marks, %u tooltips, %u rows, %u actions, %u dialogs, %u popovers, %u exports",
                  counts.reports, counts.marks, counts.tooltips, counts.rows, counts.actions, counts.dialogs,
                  counts.popovers, counts.exports);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = fz_test_window_init (&argc, &argv);
  g_autoptr(GPtrArray) files = fz_test_dup_seed_files ();
  const char * const fixtures[] = {
    "report.txt", "report.docx", "numbered.docx", "report.odt", "numbered.odt", "report.doc",
    "report.pdf", "password.pdf", "report.ofd", "report.html", "gbk.html",
  };
  int ret;

  tmpdir = g_dir_make_tmp ("fazhi-walk-XXXXXX", NULL);
  if (files->len == 0)
    g_test_message ("No seeds in $FAZHI_CORPUS_DIR: walking the fixtures only");
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    g_ptr_array_add (files, g_file_new_build_filename (TESTDATADIR, "formats", fixtures[i], NULL));

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *path = g_strdup_printf ("/app/walk/%s", name);

      g_test_add_data_func (path, g_ptr_array_index (files, i), walk_report);
    }
  g_test_add_func ("/app/walk/batch", walk_batch);
  g_test_add_func ("/app/walk/counts", print_counts);

  app = fz_test_create_application ();
  ret = g_test_run ();
  /* The last action of all. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
  fz_test_remove_tree (data_dir);
  g_rmdir (tmpdir);
  g_free (tmpdir);

  return ret;
}
