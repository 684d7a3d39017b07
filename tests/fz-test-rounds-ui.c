/* fz-test-rounds-ui.c: what the round-two, last-year and return tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-app-resources.h"
#include "fz-test-rounds-ui.h"
#include "fz-window-test-utils.h"

static FzReviewStore *reviews;
static GFile *data_dir;

/* Helpers ---------------------------------------------------------------- */

static gboolean
report_settled (gpointer data)
{
  FzReportStage stage = fz_report_get_stage (data);

  return stage == FZ_REPORT_STAGE_READY || stage == FZ_REPORT_STAGE_FAILED;
}

char *
fz_test_fixture_path (const char *name)
{
  return g_build_filename (TESTDATADIR, "views-rounds", name, NULL);
}

FzReport *
fz_test_load_report_file (GFile *file)
{
  FzReport *report = fz_report_new (file, fz_test_rounds_reviews (), NULL);

  fz_report_load_async (report, NULL, NULL, NULL);
  fz_test_wait_until (report_settled, report);
  return report;
}

FzReport *
fz_test_load_report (const char *name)
{
  g_autofree char *path = fz_test_fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FzReport *report = fz_test_load_report_file (file);

  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_READY);
  g_assert_nonnull (fz_report_get_review (report));
  return report;
}

guint
fz_test_offset_of (FzReport   *report,
           const char *needle)
{
  const char *text = fz_document_get_text (fz_report_get_document (report));
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

/* Whether the view's own stack (the first one in it) shows @page. */
const char *
fz_test_shown_page (GtkWidget *view)
{
  GtkWidget *stack = gtk_widget_get_first_child (view);

  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The text of every label on screen under @widget: what a reviewer
 * reads. */
void
fz_test_collect_text (GtkWidget *widget,
              gboolean   mapped_only,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && (gtk_widget_get_mapped (widget) || !mapped_only))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fz_test_collect_text (child, mapped_only, out);
}

char *
fz_test_visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  fz_test_collect_text (widget, TRUE, out);
  return g_string_free (out, FALSE);
}

GtkWidget *
fz_test_window_with (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 560, 860);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  fz_test_flush_main_loop ();
  return window;
}

/* The first round's review, as a reviewer would have written it. */
void
fz_test_write_first_review (FzReport *first)
{
  FzReview *review = fz_report_get_review (first);
  FzDocument *doc = fz_report_get_document (first);
  guint at = fz_test_offset_of (first, "切实切实");

  fz_review_set_reviewer (review, "李审查");
  fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“切实”重复");
  fz_review_set_rectification (review,
                               "一、补充党政主要负责人履行推进法治建设第一责任人职责情况。\n"
                               "二、分析存在不足的原因。\n"
                               "三、说明“石桥法治广场”建设进度。");
}

FzRoundPoint *
fz_test_point_of_kind (FzRounds    *rounds,
               FzPointKind  kind,
               const char  *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rounds)); i++)
    {
      g_autoptr(FzRoundPoint) point = g_list_model_get_item (G_LIST_MODEL (rounds), i);

      if (fz_round_point_get_kind (point) == kind && strstr (fz_round_point_get_text (point), text) != NULL)
        return point;
    }
  return NULL;
}

guint
fz_test_position_of (GListModel *model,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  g_assert_not_reached ();
}

FzRoundRow *
fz_test_row_of_point (GtkWidget    *view,
              FzRoundPoint *point)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  fz_test_collect_widgets (view, FZ_TYPE_ROUND_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (fz_round_row_get_point (g_ptr_array_index (rows, i)) == point)
      return g_ptr_array_index (rows, i);
  return NULL;
}

gboolean
fz_test_rounds_ready (gpointer data)
{
  return fz_rounds_view_get_rounds (data) != NULL && !fz_rounds_view_get_loading (data);
}

void
fz_test_on_reveal (GtkWidget *view,
           guint      start,
           guint      end,
           Revealed  *revealed)
{
  revealed->n++;
  revealed->start = start;
  revealed->end = end;
}

gboolean
fz_test_saver_clean (gpointer data)
{
  return !fz_review_saver_get_dirty (data);
}

gboolean
fz_test_history_ready (gpointer data)
{
  return fz_history_view_get_history (data) != NULL && !fz_history_view_get_loading (data);
}

void
fz_test_rounds_init (int    *argc,
                     char ***argv)
{
  g_autoptr(GFile) review_dir = NULL;

  data_dir = fz_test_window_init (argc, argv);
  /* The views' templates: referencing the bundle links its constructor. */
  (void) fz_app_get_resource ();
  review_dir = g_file_get_child (data_dir, "reviews");
  reviews = fz_review_store_new (review_dir);
}

int
fz_test_rounds_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&reviews);
  fz_test_remove_tree (data_dir);
  g_clear_object (&data_dir);
  return ret;
}

FzReviewStore *
fz_test_rounds_reviews (void)
{
  return reviews;
}
