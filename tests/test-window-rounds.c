/* test-window-rounds.c: round two, last year and the report returned, in the window
 *
 * The views are built on FzReports read from tests/data/views-rounds (a
 * unit's report of 2023, and the first and revised versions of its 2024
 * report), the way the report page builds them, and driven as a reviewer
 * drives them: a state picked in a row, a point activated, a report
 * returned to its unit.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "libfazhi.h"
#include "fz-app-resources.h"
#include "fz-history-row.h"
#include "fz-history-view.h"
#include "fz-return-export.h"
#include "fz-round-row.h"
#include "fz-rounds-view.h"
#include "fz-section-compare.h"
#include "fz-test-ooxml.h"
#include "fz-version-chooser.h"

#define TIMEOUT_SECONDS 60

static FzReviewStore *reviews;
static char *data_home;

/* Helpers ---------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, as a reviewer waits. */
static void
wait_until (Condition  condition,
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
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

/* Lets @ms pass with the main loop running: the views' pauses. */
static void
let_time_pass (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
report_settled (gpointer data)
{
  FzReportStage stage = fz_report_get_stage (data);

  return stage == FZ_REPORT_STAGE_READY || stage == FZ_REPORT_STAGE_FAILED;
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (TESTDATADIR, "views-rounds", name, NULL);
}

static FzReport *
load_report_file (GFile *file)
{
  FzReport *report = fz_report_new (file, reviews, NULL);

  fz_report_load_async (report, NULL, NULL, NULL);
  wait_until (report_settled, report);
  return report;
}

static FzReport *
load_report (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FzReport *report = load_report_file (file);

  g_assert_cmpint (fz_report_get_stage (report), ==, FZ_REPORT_STAGE_READY);
  g_assert_nonnull (fz_report_get_review (report));
  return report;
}

static guint
offset_of (FzReport   *report,
           const char *needle)
{
  const char *text = fz_document_get_text (fz_report_get_document (report));
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_named_child (GtkWidget  *widget,
                  GType       type,
                  const char *visible_child)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect_widgets (widget, type, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      GtkStack *stack = g_ptr_array_index (stacks, i);

      if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), visible_child) == 0)
        return GTK_WIDGET (stack);
    }
  return NULL;
}

/* Whether the view's own stack (the first one in it) shows @page. */
static const char *
shown_page (GtkWidget *view)
{
  GtkWidget *stack = gtk_widget_get_first_child (view);

  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The text of every label on screen under @widget: what a reviewer
 * reads. */
static void
collect_text (GtkWidget *widget,
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
    collect_text (child, mapped_only, out);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, TRUE, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
window_with (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 560, 860);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();
  return window;
}

/* The first round's review, as a reviewer would have written it. */
static void
write_first_review (FzReport *first)
{
  FzReview *review = fz_report_get_review (first);
  FzDocument *doc = fz_report_get_document (first);
  guint at = offset_of (first, "切实切实");

  fz_review_set_reviewer (review, "李审查");
  fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“切实”重复");
  fz_review_set_rectification (review,
                               "一、补充党政主要负责人履行推进法治建设第一责任人职责情况。\n"
                               "二、分析存在不足的原因。\n"
                               "三、说明“石桥法治广场”建设进度。");
}

static FzRoundPoint *
point_of_kind (FzRounds    *rounds,
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

static guint
position_of (GListModel *model,
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

static FzRoundRow *
row_of_point (GtkWidget    *view,
              FzRoundPoint *point)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (view, FZ_TYPE_ROUND_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (fz_round_row_get_point (g_ptr_array_index (rows, i)) == point)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static gboolean
rounds_ready (gpointer data)
{
  return fz_rounds_view_get_rounds (data) != NULL && !fz_rounds_view_get_loading (data);
}

typedef struct
{
  guint n;
  guint start;
  guint end;
} Revealed;

static void
on_reveal (GtkWidget *view,
           guint      start,
           guint      end,
           Revealed  *revealed)
{
  revealed->n++;
  revealed->start = start;
  revealed->end = end;
}

static gboolean
saver_clean (gpointer data)
{
  return !fz_review_saver_get_dirty (data);
}

/* Round two ------------------------------------------------------------ */

static void
test_rounds_waiting_and_failing (void)
{
  g_autoptr(FzReport) revised = load_report ("shiqiao-2024-revised.txt");
  g_autofree char *missing_path = fixture_path ("no-such-report.docx");
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing_path);
  g_autoptr(FzReport) missing = load_report_file (missing_file);
  GtkWidget *view = fz_rounds_view_new ();
  GtkWidget *window = window_with (view);
  g_autofree char *text = NULL;

  /* Only the revised report: nothing to compare, and the view says how. */
  fz_rounds_view_set_report (FZ_ROUNDS_VIEW (view), revised);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "waiting");
  g_assert_null (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)));

  /* A first version that cannot be read: the reason, not a crash. */
  g_assert_cmpint (fz_report_get_stage (missing), ==, FZ_REPORT_STAGE_FAILED);
  fz_rounds_view_set_first_report (FZ_ROUNDS_VIEW (view), missing);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "failed");
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "no-such-report.docx"));
  g_assert_null (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)));

  /* Taken away again: back to waiting. */
  fz_rounds_view_set_first_report (FZ_ROUNDS_VIEW (view), NULL);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "waiting");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static void
test_rounds_confirm (void)
{
  g_autoptr(FzReport) first = load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) revised = load_report ("shiqiao-2024-revised.txt");
  FzReview *second_review = fz_report_get_review (revised);
  GtkWidget *view = fz_rounds_view_new ();
  GtkWidget *window;
  FzRounds *rounds;
  FzRoundPoint *repeated, *duty, *plaza;
  FzRoundRow *row;
  Revealed revealed = { 0 }, revealed_first = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *summary_before = NULL;
  g_autoptr(FzReview) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *compare;
  guint start, end;

  write_first_review (first);
  window = window_with (view);
  g_signal_connect (view, "reveal", G_CALLBACK (on_reveal), &revealed);
  g_signal_connect (view, "reveal-first", G_CALLBACK (on_reveal), &revealed_first);
  g_object_set (view, "report", revised, "first-report", first, NULL);
  g_assert_true (fz_rounds_view_get_loading (FZ_ROUNDS_VIEW (view)));
  g_assert_cmpstr (shown_page (view), ==, "loading");
  wait_until (rounds_ready, view);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "list");
  rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rounds)), >=, 4);

  /* What the revision did, as the comparison proposes it: the paragraph
   * annotated was reworded (have a look), the duty section added; the
   * plaza's progress is still written as before. */
  repeated = point_of_kind (rounds, FZ_POINT_ANNOTATION, "切实");
  g_assert_nonnull (repeated);
  g_assert_cmpint (fz_round_point_get_proposed_state (repeated), ==, FZ_POINT_CHANGED);
  g_assert_nonnull (point_of_kind (rounds, FZ_POINT_ELEMENT, "第一责任人"));
  duty = point_of_kind (rounds, FZ_POINT_RECTIFICATION, "第一责任人");
  g_assert_nonnull (duty);
  g_assert_cmpint (fz_round_point_get_proposed_state (duty), ==, FZ_POINT_RESOLVED);
  plaza = point_of_kind (rounds, FZ_POINT_RECTIFICATION, "石桥法治广场");
  g_assert_nonnull (plaza);
  g_assert_cmpint (fz_round_point_get_proposed_state (plaza), !=, FZ_POINT_RESOLVED);

  /* The reviewer reads the counts and each point's words. */
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "第一责任人"));
  g_assert_nonnull (strstr (text, "0 of"));
  summary_before = g_strdup (text);

  /* The reviewer disagrees on the duty point: still open.  The state goes
   * to the revised report's review and its file at once. */
  row = row_of_point (view, duty);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, dropdowns);
    collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    g_assert_cmpuint (checks->len, ==, 1);
    g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (dropdowns, 0)));
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
    gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), FZ_POINT_OPEN);
    flush_main_loop ();
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  }
  g_assert_true (fz_round_point_get_confirmed (duty));
  g_assert_cmpint (fz_round_point_get_state (duty), ==, FZ_POINT_OPEN);
  g_assert_cmpstr (fz_review_get_point_state (second_review, fz_round_point_get_key (duty), NULL), ==, "open");
  g_assert_cmpstr (fz_review_get_previous_round (second_review, NULL), ==, fz_report_get_sha256 (first));
  g_clear_pointer (&text, g_free);
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "1 of"));
  g_assert_cmpstr (text, !=, summary_before);
  {
    GString *out = g_string_new (NULL);
    g_autofree char *row_text = NULL;

    /* The row says the reviewer overruled the checker, and what it said. */
    collect_text (GTK_WIDGET (row_of_point (view, duty)), FALSE, out);
    row_text = g_string_free (out, FALSE);
    g_assert_nonnull (strstr (row_text, "The checker proposed: Resolved"));
  }

  /* The annotated paragraph: the proposal ticked as it stands. */
  row = row_of_point (view, repeated);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
    flush_main_loop ();
  }
  g_assert_cmpstr (fz_review_get_point_state (second_review, fz_round_point_get_key (repeated), NULL), ==,
                   "changed");

  wait_until (saver_clean, fz_review_store_get_saver (reviews, second_review));
  on_disk = fz_review_load_from (fz_review_get_file (second_review), fz_report_get_sha256 (revised),
                                 "shiqiao-2024-revised.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_review_get_point_state (on_disk, fz_round_point_get_key (duty), NULL), ==, "open");
  g_assert_cmpstr (fz_review_get_point_state (on_disk, fz_round_point_get_key (repeated), NULL), ==, "changed");

  /* Activating the duty point shows where it stands in the revised text
   * and its section of both versions side by side. */
  fz_rounds_view_activate_point (FZ_ROUNDS_VIEW (view),
                                 position_of (G_LIST_MODEL (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view))),
                                              point_of_kind (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)),
                                                             FZ_POINT_ANNOTATION, "切实")));
  flush_main_loop ();
  repeated = point_of_kind (fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view)), FZ_POINT_ANNOTATION, "切实");
  fz_round_point_get_first_place (repeated, &start, &end);
  g_assert_cmpuint (revealed_first.n, ==, 1);
  g_assert_cmpuint (revealed_first.start, ==, start);
  g_assert_cmpuint (revealed_first.start, ==, offset_of (first, "切实切实"));
  {
    g_autoptr(GPtrArray) compares = g_ptr_array_new ();

    collect_widgets (view, FZ_TYPE_SECTION_COMPARE, compares);
    g_assert_cmpuint (compares->len, ==, 1);
    compare = g_ptr_array_index (compares, 0);
    g_assert_cmpuint (fz_section_compare_get_n_rows (FZ_SECTION_COMPARE (compare)), >, 0);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (compare,
                                                                                          GTK_TYPE_REVEALER))));
    g_clear_pointer (&text, g_free);
    {
      GString *out = g_string_new (NULL);

      /* The revealer may still be sliding in. */
      collect_text (compare, FALSE, out);
      text = g_string_free (out, FALSE);
    }
    /* The first version's words and the revised ones, beside each other. */
    g_assert_nonnull (strstr (text, "切实切实"));
    g_assert_nonnull (strstr (text, "和9个村（社区）调解委员会"));
  }
  if (revealed.n > 0)
    {
      g_autofree char *passage = fz_document_dup_range (fz_report_get_document (revised), revealed.start,
                                                        revealed.end);

      g_assert_null (strstr (passage, "切实切实"));
    }

  /* The first version's review changes (another annotation): the points
   * follow after a pause, the confirmations kept. */
  {
    FzReview *first_review = fz_report_get_review (first);
    guint at = offset_of (first, "具有法律职业资格的人员仅1名");

    fz_review_add_annotation (first_review, fz_report_get_document (first), at, at + 13,
                              FZ_ANNOTATION_DOUBT, "专业人才情况未改善");
    let_time_pass (600);
    flush_main_loop ();
    rounds = fz_rounds_view_get_rounds (FZ_ROUNDS_VIEW (view));
    g_assert_nonnull (point_of_kind (rounds, FZ_POINT_ANNOTATION, "专业人才"));
    duty = point_of_kind (rounds, FZ_POINT_RECTIFICATION, "第一责任人");
    g_assert_true (fz_round_point_get_confirmed (duty));
    g_assert_cmpint (fz_round_point_get_state (duty), ==, FZ_POINT_OPEN);
  }

  /* Unconfirming goes back to the machine's proposal. */
  row = row_of_point (view, duty);
  g_assert_nonnull (row);
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, checks);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
    flush_main_loop ();
  }
  g_assert_false (fz_round_point_get_confirmed (duty));
  g_assert_null (fz_review_get_point_state (second_review, fz_round_point_get_key (duty), NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

/* Last year ----------------------------------------------------------------- */

static gboolean
history_ready (gpointer data)
{
  return fz_history_view_get_history (data) != NULL && !fz_history_view_get_loading (data);
}

static FzHistoryItem *
item_with (GListModel *model,
           const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FzHistoryItem) item = g_list_model_get_item (model, i);

      if (strstr (fz_history_item_get_last_text (item), text) != NULL)
        return item;
    }
  return NULL;
}

static void
test_history (void)
{
  g_autoptr(FzReport) last = load_report ("shiqiao-2023.txt");
  g_autoptr(FzReport) current = load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) other = NULL;
  g_autoptr(GFile) sample = g_file_new_for_path (SAMPLE_REPORT);
  GtkWidget *view = fz_history_view_new ();
  GtkWidget *window = window_with (view);
  FzHistory *history;
  FzHistoryItem *item;
  Revealed revealed = { 0 }, revealed_last = { 0 };
  g_autofree char *text = NULL;
  GListModel *requests;

  fz_review_set_rectification (fz_report_get_review (last),
                               "一、提高行政执法人员专业化水平。\n二、发挥村级法律顾问作用。");
  g_signal_connect (view, "reveal", G_CALLBACK (on_reveal), &revealed);
  g_signal_connect (view, "reveal-last", G_CALLBACK (on_reveal), &revealed_last);

  fz_history_view_set_report (FZ_HISTORY_VIEW (view), current);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "waiting");
  fz_history_view_set_last_report (FZ_HISTORY_VIEW (view), last);
  wait_until (history_ready, view);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (view), ==, "content");
  history = fz_history_view_get_history (FZ_HISTORY_VIEW (view));

  /* Last year's plan, followed into this year's measures. */
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_plan (history)), ==, 4);
  item = item_with (fz_history_get_plan (history), "重大行政决策");
  g_assert_nonnull (item);
  g_assert_cmpint (fz_history_item_get_follow_up (item), ==, FZ_FOLLOW_DONE);
  item = item_with (fz_history_get_plan (history), "三项制度");
  g_assert_nonnull (item);
  g_assert_cmpint (fz_history_item_get_follow_up (item), ==, FZ_FOLLOW_NOT_MENTIONED);
  /* The shortcoming written again. */
  g_assert_nonnull (item_with (fz_history_get_shortcomings (history), "专业化水平不高"));
  /* Last year's requests, from last year's review. */
  requests = fz_history_get_requests (history);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 2);

  /* The header names last year's report; no warning on the same unit a
   * year apart. */
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "2023"));
  g_assert_null (strstr (text, "same unit"));
  g_assert_nonnull (strstr (text, "not mentioned"));

  /* Each list is a page of the switcher; a row shows its passages. */
  item = item_with (fz_history_get_shortcomings (history), "专业化水平不高");
  fz_history_view_activate_item (FZ_HISTORY_VIEW (view), item);
  flush_main_loop ();
  g_assert_nonnull (find_named_child (view, GTK_TYPE_STACK, "shortcomings"));
  g_assert_cmpuint (revealed.n, ==, 1);
  g_assert_cmpuint (revealed_last.n, ==, 1);
  {
    g_autofree char *now = fz_document_dup_range (fz_report_get_document (current), revealed.start, revealed.end);
    g_autofree char *then = fz_document_dup_range (fz_report_get_document (last), revealed_last.start,
                                                   revealed_last.end);

    g_assert_nonnull (strstr (now, "专业化水平不高"));
    g_assert_nonnull (strstr (then, "专业化水平不高"));
  }
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_widgets (view, FZ_TYPE_HISTORY_ROW, rows);
    g_assert_cmpuint (rows->len, >, 0);
  }

  /* Last year's review changes: the requests follow after a pause. */
  fz_review_set_rectification (fz_report_get_review (last), "一、提高行政执法人员专业化水平。");
  let_time_pass (700);
  wait_until (history_ready, view);
  history = fz_history_view_get_history (FZ_HISTORY_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (fz_history_get_requests (history)), ==, 1);

  /* Another unit's report as "last year's": the view says so first. */
  other = load_report_file (sample);
  g_assert_cmpint (fz_report_get_stage (other), ==, FZ_REPORT_STAGE_READY);
  fz_history_view_set_last_report (FZ_HISTORY_VIEW (view), other);
  wait_until (history_ready, view);
  flush_main_loop ();
  g_clear_pointer (&text, g_free);
  text = visible_text (view);
  g_assert_nonnull (strstr (text, "same unit"));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

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
  wait_until (written_done, written);
}

static void
test_return (void)
{
  g_autoptr(FzReport) first = load_report ("shiqiao-2024-first.docx");
  g_autoptr(FzReport) text_report = load_report ("shiqiao-2023.txt");
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

  write_first_review (first);
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
    copied = load_report_file (copy);
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
  g_autoptr(FzReport) first = load_report ("shiqiao-2024-first.docx");
  g_autofree char *other_path = fixture_path ("shiqiao-2024-revised.txt");
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_version_chooser_check (first, other, &error));
  g_assert_no_error (error);
  g_assert_false (fz_version_chooser_check (first, fz_report_get_file (first), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "shiqiao-2024-first.docx"));
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(GFile) review_dir = NULL;
  int ret;

  /* Each run starts with no reviews, as a reviewer new to the reports. */
  data_home = g_dir_make_tmp ("fazhi-window-rounds-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  data_dir = g_file_new_for_path (data_home);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fz_init ();
  /* The views' templates: referencing the bundle links its constructor. */
  (void) fz_app_get_resource ();

  review_dir = g_file_get_child (data_dir, "reviews");
  reviews = fz_review_store_new (review_dir);

  g_test_add_func ("/app/rounds/waiting-and-failing", test_rounds_waiting_and_failing);
  g_test_add_func ("/app/rounds/confirm", test_rounds_confirm);
  g_test_add_func ("/app/rounds/last-year", test_history);
  g_test_add_func ("/app/rounds/return", test_return);
  g_test_add_func ("/app/rounds/version-check", test_version_check);

  ret = g_test_run ();

  g_clear_object (&reviews);
  remove_tree (data_dir);
  g_free (data_home);

  return ret;
}
