/* fz-batch-page.c: a batch of reports as a matrix
 *
 * The page a dropped folder opens: the batch read on workers, one row a
 * report, the grade drop-down and the progress.  Its filtering is
 * fz-batch-filter.c, its columns fz-batch-columns.c and its list of
 * shared passages fz-batch-copies.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page-private.h"
#include "fz-tooltip.h"

G_DEFINE_FINAL_TYPE (FzBatchPage, fz_batch_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_RUNNING,
  N_PROPS
};

enum {
  OPEN_REPORT,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


/* The grade drop-down above the matrix acts on the selected report. */
static void
fz_batch_page_sync_grade_dropdown (FzBatchPage *self)
{
  g_autoptr(FzBatchEntry) entry = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  self->syncing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_dropdown),
                            entry != NULL && fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE);
  gtk_drop_down_set_selected (self->grade_dropdown,
                              entry != NULL ? fz_batch_entry_get_grade_override (entry) : 0);
  self->syncing = FALSE;
}

static void
on_grade_selected (FzBatchPage *self)
{
  g_autoptr(FzBatchEntry) entry = NULL;
  guint position, selected;

  if (self->syncing || self->selection == NULL)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION ||
      !(entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position)))
    return;

  selected = gtk_drop_down_get_selected (self->grade_dropdown);
  fz_batch_entry_set_grade_override (entry, selected == 0 || selected > FZ_GRADE_POOR
                                              ? FZ_GRADE_NONE : (FzGrade) selected);
}


/* Reading ---------------------------------------------------------------- */

static void
fz_batch_page_set_running (FzBatchPage *self,
                           gboolean     running)
{
  if (self->running == !!running)
    return;

  self->running = !!running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
on_progress (FzBatchPage *self)
{
  guint total = fz_batch_get_n_total (self->batch);
  guint done = fz_batch_get_n_done (self->batch);
  g_autofree char *text = NULL;

  /* Translators: progress of a batch being read */
  text = g_strdup_printf (_("Read %u of %u reports"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_entry_changed (FzBatchEntry *entry,
                  FzBatchPage  *self)
{
  _fz_batch_page_refresh_entry (self, entry);
}

/* What went wrong, for the reviewer; a cancellation is no news. */
static void
fz_batch_page_tell (FzBatchPage  *self,
                    const GError *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[TOAST], 0, error->message);
}

static void fz_batch_page_save_state (FzBatchPage *self);

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FzBatchPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  fz_batch_save_finish (FZ_BATCH (object), result, &error);
  fz_batch_page_tell (self, error);

  if (self->save_again)
    {
      self->save_again = FALSE;
      fz_batch_page_save_state (self);
    }
}

/* Written in a worker, one save at a time: a change made while one is
 * under way is saved once it is done. */
static void
fz_batch_page_save_state (FzBatchPage *self)
{
  if (self->running || self->batch == NULL)
    return;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  self->saving = TRUE;
  fz_batch_save_async (self->batch, self->state_file, NULL, saved_cb, g_object_ref (self));
}

static void
on_entry_grade_changed (FzBatchEntry *entry,
                        GParamSpec   *pspec,
                        FzBatchPage  *self)
{
  _fz_batch_page_refresh_entry (self, entry);
  fz_batch_page_save_state (self);
}

static gboolean
show_copies_step (gpointer data)
{
  _fz_batch_page_show_copies (data);

  return G_SOURCE_REMOVE;
}

static void
analysed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FzBatchPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  fz_batch_analyse_finish (FZ_BATCH (object), result, &error);
  fz_batch_page_set_running (self, FALSE);

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL && self->batch == NULL)
    return;

  fz_batch_page_tell (self, error);

  /* Each entry took its report's live review as the workers read it:
   * the reviewer's decisions are in the rows already.  The batch's year
   * is known only now, from every report: the year cells on screen flag
   * against it once more, and so does the filter "another year".  (Not
   * by putting every row in again: that rebound each cell of the matrix,
   * 12 ms in one turn for 500 reports.) */
  _fz_batch_page_refresh_years (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  summary = fz_batch_dup_summary (self->batch);
  gtk_label_set_label (self->summary_label, summary);
  /* The shared passages' rows in a frame of their own, after the one
   * that flags the years and filters the matrix. */
  fz_frame_step_schedule (&self->copies_wait, GTK_WIDGET (self), show_copies_step, self);
  _fz_batch_page_flush_refresh (self);
  _fz_batch_page_update_count (self);
  fz_batch_page_save_state (self);
}

/* Cancelled before the reports were read: by the reviewer, or because the
 * tab closed (then the page is disposed, and only its state changes). */
static void
fz_batch_page_stopped (FzBatchPage *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_label_set_label (self->summary_label, _("Reading the reports was cancelled."));
  fz_batch_page_set_running (self, FALSE);
}

static gboolean
start_analysis (gpointer data)
{
  FzBatchPage *self = data;

  if (g_cancellable_is_cancelled (self->cancellable))
    fz_batch_page_stopped (self);
  else
    fz_batch_analyse_async (self->batch, self->cancellable, analysed_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* The rows go into the matrix a few a frame.  GTK 4.8's list views make
 * the widgets of up to some 200 rows around the top however few are in
 * sight, a dozen cells each in two views: made in one turn, they held the
 * window for a third of a second with 500 reports, and even a few a
 * main-loop turn piled up into one frame of 13 ms of styles.  A step
 * costs its rows' widgets, and as much again when the window measures
 * them right after: on two cores, a dozen rows a step came to 12-17 ms
 * as the matrix filled, eight to 9-12 ms.  Past those 200, the rest go
 * in at once, making nothing. */
#define ROWS_PER_FRAME 8
#define ROWS_MADE      200

static gboolean
add_rows_step (gpointer data)
{
  FzBatchPage *self = data;
  guint done = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint left = self->pending_rows->len - done;
  guint take = done >= ROWS_MADE ? left : MIN (left, ROWS_PER_FRAME);

  g_list_store_splice (self->rows, done, 0, self->pending_rows->pdata + done, take);
  if (done + take < self->pending_rows->len)
    {
      fz_frame_step_schedule (&self->rows_wait, GTK_WIDGET (self), add_rows_step, self);
      return G_SOURCE_REMOVE;
    }

  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  _fz_batch_page_update_count (self);
  on_progress (self);
  /* The workers start once the matrix is drawn with its rows: the first
   * frame of hundreds of rows does not share the processor with them. */
  g_idle_add_full (G_PRIORITY_LOW, start_analysis, g_object_ref (self), g_object_unref);

  return G_SOURCE_REMOVE;
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FzBatchPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *entries;
  guint n;

  fz_batch_add_files_finish (FZ_BATCH (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fz_batch_page_stopped (self);
      return;
    }
  /* One folder that cannot be read does not lose the others. */
  fz_batch_page_tell (self, error);

  entries = fz_batch_get_entries (self->batch);
  n = g_list_model_get_n_items (entries);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  self->pending_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      FzBatchEntry *entry = g_list_model_get_item (entries, i);

      g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), self, 0);
      g_signal_connect_object (entry, "notify::grade-override", G_CALLBACK (on_entry_grade_changed), self, 0);
      g_ptr_array_add (self->pending_rows, entry);
    }
  g_list_store_remove_all (self->rows);

  if (n == 0)
    {
      g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
      gtk_label_set_label (self->summary_label, _("No reports were found in what was dropped."));
      fz_batch_page_set_running (self, FALSE);
      return;
    }

  fz_frame_step_schedule (&self->rows_wait, GTK_WIDGET (self), add_rows_step, self);
}

/* The page's batch, new or restored.  The matrix's columns are made
 * before the page is first shown (adding columns to a matrix on screen
 * costs far more), from the rule set the page starts with; a saved batch
 * of another rule set makes them again. */
static void
fz_batch_page_set_batch (FzBatchPage *self,
                         FzBatch     *batch)
{
  g_autoptr(GtkSorter) sorter = NULL;
  gboolean same_rules;

  same_rules = self->batch != NULL &&
               g_strcmp0 (fz_ruleset_get_id (fz_batch_get_ruleset (self->batch)),
                          fz_ruleset_get_id (fz_batch_get_ruleset (batch))) == 0;
  if (self->batch != NULL)
    g_signal_handlers_disconnect_by_data (self->batch, self);
  g_set_object (&self->batch, batch);
  if (fz_batch_get_reviews (batch) == NULL)
    fz_batch_set_reviews (batch, self->reviews);
  g_signal_connect_object (batch, "notify::n-done", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (batch, "notify::n-total", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);

  if (same_rules)
    return;
  sorter = _fz_batch_page_build_columns (self);
  gtk_sort_list_model_set_sorter (self->sorted, sorter);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FzBatchPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzBatch) batch = fz_batch_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fz_batch_page_stopped (self);
      return;
    }
  /* A damaged saved batch is said, and the reports are read anew. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    fz_batch_page_tell (self, error);
  if (batch != NULL)
    fz_batch_page_set_batch (self, batch);

  fz_batch_add_files_async (self->batch, self->files, FALSE, self->cancellable, scanned_cb, g_object_ref (self));
}

void
fz_batch_page_start (FzBatchPage *self)
{
  g_return_if_fail (FZ_IS_BATCH_PAGE (self));
  g_return_if_fail (!self->running);

  /* Nothing is read here: the saved batch, the folders and the reports,
   * each in a worker, one after the other. */
  gtk_label_set_label (self->summary_label, _("Reading the reports…"));
  fz_batch_page_set_running (self, TRUE);
  fz_batch_load_async (self->state_file, self->rulesets, self->reviews, self->cancellable,
                       loaded_cb, g_object_ref (self));
}

/* GObject ----------------------------------------------------------------- */

static void
on_cancel_clicked (FzBatchPage *self)
{
  fz_batch_page_cancel (self);
}

/* The summary is cut after a few lines (a label that may wrap to any
 * length makes every layout of the window search for its width: 5 ms a
 * frame); the whole of it is then in its tooltip. */
static gboolean
on_summary_query_tooltip (FzBatchPage *self,
                          int          x,
                          int          y,
                          gboolean     keyboard_mode,
                          GtkTooltip  *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (self->summary_label)))
    return FALSE;

  fz_tooltip_show_text (tooltip, gtk_label_get_text (self->summary_label));
  return TRUE;
}

static void
on_row_activated (FzBatchPage   *self,
                  guint          position)
{
  g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (entry != NULL)
    g_signal_emit (self, signals[OPEN_REPORT], 0, entry);
}

/* The same drop, in any order, finds the same saved batch. */
static GFile *
state_file_for (GPtrArray *files)
{
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *dir = fz_batch_get_default_dir ();
  g_autofree char *name = NULL;

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (uris, g_file_get_uri (g_ptr_array_index (files, i)));
  g_ptr_array_sort (uris, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < uris->len; i++)
    {
      g_checksum_update (checksum, (const guchar *) g_ptr_array_index (uris, i), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  name = g_strdup_printf ("%s.fzbatch", g_checksum_get_string (checksum));

  return g_file_new_build_filename (dir, name, NULL);
}

static void
fz_batch_page_dispose (GObject *object)
{
  FzBatchPage *self = FZ_BATCH_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  fz_frame_step_cancel (&self->rows_wait);
  fz_frame_step_cancel (&self->copies_wait);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  _fz_batch_page_forget_year_cells (self);

  G_OBJECT_CLASS (fz_batch_page_parent_class)->dispose (object);
}

static void
fz_batch_page_finalize (GObject *object)
{
  FzBatchPage *self = FZ_BATCH_PAGE (object);

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->year_cells, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->batch);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->element_ids, g_ptr_array_unref);
  g_clear_pointer (&self->copy_rows, g_ptr_array_unref);
  g_clear_object (&self->state_file);
  g_clear_object (&self->selection);
  g_clear_object (&self->rulesets);
  g_clear_object (&self->reviews);
  g_clear_pointer (&self->ruleset_id, g_free);

  G_OBJECT_CLASS (fz_batch_page_parent_class)->finalize (object);
}

static void
fz_batch_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FzBatchPage *self = FZ_BATCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_batch_page_class_init (FzBatchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_batch_page_dispose;
  object_class->finalize = fz_batch_page_finalize;
  object_class->get_property = fz_batch_page_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzBatchPage::open-report:
   * @entry: the report of the row the reviewer activated
   */
  signals[OPEN_REPORT] =
    fz_signal_new (klass, "open-report", 1, FZ_TYPE_BATCH_ENTRY);

  /**
   * FzBatchPage::toast:
   * @message: something the reviewer should know
   */
  signals[TOAST] =
    fz_signal_new (klass, "toast", 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-batch-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, unit_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, unit_view);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, matrix_scroller);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, copies_group);
  gtk_widget_class_bind_template_child (widget_class, FzBatchPage, copies_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_query_tooltip);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed",
                                                G_CALLBACK (_fz_batch_page_on_filter_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_grade_selected);
}

static gboolean
sync_scroll (gpointer data)
{
  FzBatchPage *self = data;
  GtkAdjustment *matrix = gtk_scrolled_window_get_vadjustment (self->matrix_scroller);
  GtkAdjustment *units = gtk_scrolled_window_get_vadjustment (self->unit_scroller);
  GtkAdjustment *source = self->scroll_source == 1 ? matrix : units;

  self->scroll_id = 0;
  self->scrolling = TRUE;
  gtk_adjustment_set_value (source == matrix ? units : matrix, gtk_adjustment_get_value (source));
  self->scrolling = FALSE;

  return G_SOURCE_REMOVE;
}

/* Followed before the next frame is laid out, not at once: a change made
 * while one view is being laid out would reach the other before it knows
 * its own new size. */
static void
on_vscroll (GtkAdjustment *adjustment,
            FzBatchPage   *self)
{
  if (self->scrolling)
    return;

  self->scroll_source = adjustment == gtk_scrolled_window_get_vadjustment (self->matrix_scroller) ? 1 : 2;
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, sync_scroll, self, NULL);
}

static void
fz_batch_page_init (FzBatchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (FZ_TYPE_BATCH_ENTRY);
  self->element_ids = g_ptr_array_new_with_free_func (g_free);
  self->year_cells = g_hash_table_new (NULL, NULL);
  self->copy_rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);

  /* The unit column scrolls up and down with the matrix, never sideways.
   * Each view keeps its own adjustment, which its own layout bounds (one
   * shared by both would be set by each to its own measure), and each
   * follows the other's. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->matrix_scroller), "value-changed",
                           G_CALLBACK (on_vscroll), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->unit_scroller), "value-changed",
                           G_CALLBACK (on_vscroll), self, 0);
}

FzBatchPage *
fz_batch_page_new (GPtrArray      *files,
                   const char     *ruleset_id,
                   FzRuleSetStore *rulesets,
                   FzReviewStore  *reviews)
{
  FzBatchPage *self;
  GFile *first;

  g_return_val_if_fail (files != NULL && files->len > 0, NULL);
  g_return_val_if_fail (rulesets == NULL || FZ_IS_RULESET_STORE (rulesets), NULL);
  g_return_val_if_fail (reviews == NULL || FZ_IS_REVIEW_STORE (reviews), NULL);

  self = g_object_new (FZ_TYPE_BATCH_PAGE, NULL);
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (self->files, g_object_ref (g_ptr_array_index (files, i)));
  self->ruleset_id = g_strdup (ruleset_id != NULL ? ruleset_id : "national");
  self->rulesets = rulesets != NULL ? g_object_ref (rulesets) : NULL;
  self->reviews = reviews != NULL ? g_object_ref (reviews) : NULL;

  first = g_ptr_array_index (files, 0);
  if (files->len == 1)
    self->title = g_file_get_basename (first);
  else
    {
      g_autofree char *name = g_file_get_basename (first);
      /* Translators: the tab of a batch: the first file or folder dropped, and how many more */
      self->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                                  files->len - 1),
                                     name, files->len - 1);
    }

  /* A saved batch brings back its grades; the reports are read again. */
  self->state_file = state_file_for (files);

  self->filter = gtk_custom_filter_new (_fz_batch_page_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* One selection for both views: a row is selected across the matrix. */
  gtk_column_view_set_model (self->unit_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (fz_batch_page_sync_grade_dropdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (fz_batch_page_sync_grade_dropdown), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

    gtk_string_list_append (grades, _("As suggested"));
    for (FzGrade grade = FZ_GRADE_EXCELLENT; grade <= FZ_GRADE_POOR; grade++)
      gtk_string_list_append (grades, fz_grade_get_label (grade));
    gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grades));
  }
  fz_batch_page_sync_grade_dropdown (self);

  /* The rule set asked for, as the application lists it; a saved batch
   * (read in fz_batch_page_start()) may bring back another. */
  {
    g_autoptr(FzRuleSet) rules = NULL;
    g_autoptr(FzBatch) batch = NULL;

    if (self->rulesets != NULL && fz_ruleset_store_lookup (self->rulesets, self->ruleset_id) != NULL)
      rules = g_object_ref (fz_ruleset_store_lookup (self->rulesets, self->ruleset_id));
    if (rules == NULL)
      rules = fz_ruleset_load (self->ruleset_id, NULL);
    if (rules == NULL)
      rules = fz_ruleset_load ("national", NULL);
    batch = fz_batch_new (rules);
    fz_batch_page_set_batch (self, batch);
  }

  return self;
}

void
fz_batch_page_cancel (FzBatchPage *self)
{
  g_return_if_fail (FZ_IS_BATCH_PAGE (self));

  g_cancellable_cancel (self->cancellable);
}

FzBatch *
fz_batch_page_get_batch (FzBatchPage *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_PAGE (self), NULL);

  return self->batch;
}

const char *
fz_batch_page_get_title (FzBatchPage *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_PAGE (self), NULL);

  return self->title;
}

gboolean
fz_batch_page_get_running (FzBatchPage *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_PAGE (self), FALSE);

  return self->running;
}

guint
fz_batch_page_get_n_rows (FzBatchPage *self)
{
  g_return_val_if_fail (FZ_IS_BATCH_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

FzBatchEntry *
fz_batch_page_get_row (FzBatchPage *self,
                       guint        position)
{
  g_autoptr(FzBatchEntry) entry = NULL;

  g_return_val_if_fail (FZ_IS_BATCH_PAGE (self), NULL);

  entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  /* The batch holds it: a borrowed pointer is enough for callers. */
  return entry;
}
