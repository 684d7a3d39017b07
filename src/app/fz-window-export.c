/* fz-window-export.c: the memo, the ledger and the review written out
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page.h"
#include "fz-file-dialog.h"
#include "fz-letter-sender.h"
#include "fz-recent-files.h"
#include "fz-window-private.h"

/* Annotating, exporting, saving the review ----------------------------- */

void
_fz_window_show_error (FzWindow   *self,
                       const char *heading,
                       const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_file_clicked (AdwToast *toast,
                      FzWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "fz-file");
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

void
_fz_window_show_file_toast (FzWindow   *self,
                            const char *title,
                            GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("Open"));
  g_object_set_data_full (G_OBJECT (toast), "fz-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_file_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_fz_window_annotate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);

  if (page != NULL && !fz_report_page_annotate_selection (page))
    fz_window_show_toast (self, _("Select a passage of the report first, then annotate it"));
}

static const struct {
  const char *name;
  const char *extension;
} memo_formats[] = {
  { N_("Word Document (.docx)"), "docx" },
  { N_("PDF Document (.pdf)"), "pdf" },
  { N_("Web Page (.html)"), "html" },
  { N_("Markdown (.md)"), "md" },
  { N_("JSON (.json)"), "json" },
};

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FzMemo *memo = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "fz-file");
  GError *error = NULL;

  if (fz_memo_export (memo, file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  GFile *file = g_object_get_data (G_OBJECT (result), "fz-file");
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A dialog, not a toast: the reviewer has to act on it, and the
       * review itself is untouched and still saved. */
      _fz_window_show_error (self, _("Could Not Export the Memo"), error->message);
      return;
    }

  /* Known as a memo when it is opened again, never listed as a report. */
  fz_recent_files_add_memo (fz_recent_files_get_default (), file,
                            g_object_get_data (G_OBJECT (result), "fz-report"));
  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Memo saved as “%s”"), basename);

    _fz_window_show_file_toast (self, title, file);
  }
}

void
fz_window_export_memo (FzWindow *self,
                       GFile    *file)
{
  FzReportPage *page;
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  page = _fz_window_get_read_report (self);
  if (page == NULL)
    return;

  /* The memo as the 审查意见 view shows it, made now from the review as it
   * stands: what the reviewer just did is in it.  Writing it runs off
   * the main loop. */
  memo = fz_report_page_create_memo (page);
  task = g_task_new (self, NULL, export_cb, NULL);
  g_task_set_source_tag (task, fz_window_export_memo);
  g_task_set_task_data (task, g_steal_pointer (&memo), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "fz-file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "fz-report", g_object_ref (fz_report_page_get_file (page)),
                          g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response (FzWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* A name typed without an extension takes the chosen filter's.  The
       * format chosen here is this memo's: the default is Preferences'. */
      file = fz_memo_format_from_filename (basename, NULL)
               ? g_object_ref (chosen)
               : fz_file_dialog_add_extension (GTK_FILE_CHOOSER (chooser), chosen, "docx");

      if (parent != NULL && g_file_peek_path (parent) != NULL)
        g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (parent));

      fz_window_export_memo (self, file);
    }

  g_clear_object (&self->save_chooser);
}

void
_fz_window_export_memo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = _fz_window_get_read_report (self);
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FzMemo) memo = NULL;

  if (page == NULL)
    return;

  memo = fz_report_page_create_memo (page);
  format = g_settings_get_string (self->settings, "memo-format");

  _fz_window_new_chooser (self, &self->save_chooser, _("Export Review Memo"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("Export"), G_CALLBACK (on_export_response));

  for (guint i = 0; i < G_N_ELEMENTS (memo_formats); i++)
    {
      GtkFileFilter *filter = fz_file_dialog_add_save_filter (GTK_FILE_CHOOSER (self->save_chooser),
                                                              _(memo_formats[i].name), memo_formats[i].extension);

      if (g_str_equal (format, memo_formats[i].extension))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
    }

  name = fz_memo_dup_file_name (fz_memo_get_heading (memo), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);

  /* Beside the report, unless memos were exported somewhere before. */
  fz_file_dialog_start_beside (GTK_FILE_CHOOSER (self->save_chooser), fz_report_page_get_file (page));
  _fz_window_chooser_start_in (self, GTK_FILE_CHOOSER (self->save_chooser), "last-export-folder");

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                FzMemo            *memo)
{
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, fz_memo_count_pages (memo, gtk_print_context_get_cairo_context (context))));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              FzMemo            *memo)
{
  fz_memo_draw_page (memo, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               FzWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      _fz_window_show_error (self, _("Could Not Print the Memo"), error->message);
    }
}

/* The memo is laid out on A4 in points, as the PDF is: the printed page
 * and the exported one are the same. */
GtkPrintOperation *
fz_window_create_memo_print (FzWindow *self)
{
  FzReportPage *page;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  FzMemo *memo;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  page = _fz_window_get_read_report (self);
  if (page == NULL)
    return NULL;

  memo = fz_report_page_create_memo (page);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "fz-memo", memo, g_object_unref);

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, fz_memo_get_heading (memo));

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), memo, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), memo, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  return operation;
}

void
_fz_window_print_memo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = fz_window_create_memo_print (self);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    on_print_done (operation, GTK_PRINT_OPERATION_RESULT_ERROR, self);
}

gboolean
fz_window_export_ledger (FzWindow *self,
                         GFile    *file)
{
  FzBatchPage *batch;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((batch = fz_window_get_current_batch (self)) == NULL)
    return FALSE;

  if (!fz_ledger_write (fz_batch_page_get_batch (batch), g_file_peek_path (file), &error))
    {
      _fz_window_show_error (self, _("Could Not Export the Ledger"), error->message);
      return FALSE;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Ledger saved as “%s”"), basename);

    _fz_window_show_file_toast (self, title, file);
  }

  return TRUE;
}

/* Every report's memo and the summary memo, into one folder ------------ */

typedef struct
{
  FzBatch        *batch;
  FzMemo         *summary;      /* made on the main thread: it reads decisions */
  GFile          *folder;
  char           *extension;
  FzLetterSender  sender;       /* who signs, from Preferences */
  GHashTable     *scores;       /* FzBatchEntry → FzScore, made on the main thread */
  guint           n_written;
  GPtrArray      *memos;        /* the files written, and the reports they */
  GPtrArray      *reports;      /* are for (NULL for the summary) */
} ExportMemos;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
export_memos_free (ExportMemos *job)
{
  g_clear_object (&job->batch);
  g_clear_object (&job->summary);
  g_clear_object (&job->folder);
  g_clear_pointer (&job->scores, g_hash_table_unref);
  g_free (job->extension);
  fz_letter_sender_clear (&job->sender);
  g_clear_pointer (&job->memos, g_ptr_array_unref);
  g_clear_pointer (&job->reports, g_ptr_array_unref);
  g_free (job);
}

static void
export_memos_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportMemos *job = task_data;
  GListModel *entries = fz_batch_get_entries (job->batch);
  FzMemo *summary = job->summary;
  g_autoptr(GFile) summary_file = NULL;
  /* The summary has no JSON form; it goes with the others as .docx. */
  g_autofree char *summary_name = g_strdup_printf ("%s.%s", fz_memo_get_heading (summary),
                                                   g_str_equal (job->extension, "json") ? "docx" : job->extension);
  GError *error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      FzAnalysis *analysis = fz_batch_entry_get_analysis (entry);
      g_autoptr(FzReview) review = NULL;
      g_autoptr(FzMemo) memo = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *base = NULL;
      g_autofree char *name = NULL;
      FzMemoOptions options = { 0 };
      char *dot;

      if (analysis == NULL)
        continue;

      /* The reviewer's own work on the report, as the report's tab saved it. */
      if (fz_batch_entry_get_sha256 (entry) != NULL)
        review = fz_review_load_for_report (fz_batch_entry_get_sha256 (entry),
                                            fz_batch_entry_get_display_name (entry), NULL);
      fz_letter_sender_apply (&job->sender, &options);
      options.extra_findings = fz_batch_entry_get_copy_findings (entry);
      /* Stated when the report's review puts the score in. */
      options.score = g_hash_table_lookup (job->scores, entry);
      memo = fz_memo_new_full (analysis, review, &options);

      base = g_strdup (fz_batch_entry_get_display_name (entry));
      if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
      /* Translators: the file name of one report's memo; %s is the report's name */
      name = g_strdup_printf (_("%s - review memo.%s"), base, job->extension);
      file = g_file_get_child (job->folder, name);
      if (!fz_memo_export (memo, file, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->n_written++;
      g_ptr_array_add (job->memos, g_object_ref (file));
      g_ptr_array_add (job->reports, g_object_ref (fz_batch_entry_get_file (entry)));
    }

  summary_file = g_file_get_child (job->folder, summary_name);
  if (!fz_memo_export (summary, summary_file, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->n_written++;
  g_ptr_array_add (job->memos, g_object_ref (summary_file));
  g_ptr_array_add (job->reports, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
export_memos_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  ExportMemos *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* Those written before a failure are memos all the same. */
  for (guint i = 0; i < job->memos->len; i++)
    fz_recent_files_add_memo (fz_recent_files_get_default (), g_ptr_array_index (job->memos, i),
                              g_ptr_array_index (job->reports, i));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _fz_window_show_error (self, _("Could Not Export the Memos"), error->message);
      return;
    }

  /* Translators: after exporting a batch's memos into a folder */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u memo written", "%u memos written", job->n_written),
                           job->n_written);
  _fz_window_show_file_toast (self, title, job->folder);
}

void
fz_window_export_batch_memos (FzWindow *self,
                              GFile    *folder)
{
  FzBatchPage *batch;
  g_autoptr(GTask) task = NULL;
  ExportMemos *job;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if ((batch = fz_window_get_current_batch (self)) == NULL)
    return;

  job = g_new0 (ExportMemos, 1);
  job->batch = g_object_ref (fz_batch_page_get_batch (batch));
  job->folder = g_object_ref (folder);
  job->extension = g_settings_get_string (self->settings, "memo-format");
  job->memos = g_ptr_array_new_with_free_func (g_object_unref);
  job->reports = g_ptr_array_new_with_free_func (unref_nullable);
  fz_letter_sender_load (&job->sender, self->settings);
  /* Each score as the entry stands, a model that follows nothing, so the
   * worker only reads it. */
  job->scores = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  {
    GListModel *entries = fz_batch_get_entries (job->batch);

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        FzBatchEntry *entry = g_list_model_get_item (entries, i);
        FzScore *score = fz_batch_entry_dup_score (entry);

        if (score != NULL)
          g_hash_table_insert (job->scores, entry, score);
        else
          g_object_unref (entry);
      }
  }
  if (g_strcmp0 (fz_batch_get_reviewer (job->batch), NULL) == 0)
    {
      g_autofree char *reviewer = fz_letter_sender_dup_reviewer (self->settings);

      if (reviewer != NULL)
        fz_batch_set_reviewer (job->batch, reviewer);
    }
  {
    FzMemoOptions options = { 0 };

    fz_letter_sender_apply (&job->sender, &options);
    job->summary = fz_memo_new_for_batch_full (job->batch, &options);
  }

  task = g_task_new (self, NULL, export_memos_cb, NULL);
  g_task_set_source_tag (task, fz_window_export_batch_memos);
  g_task_set_task_data (task, job, (GDestroyNotify) export_memos_free);
  g_task_run_in_thread (task, export_memos_thread);
}

static void
on_export_memos_response (FzWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* Accepted from inside the folder, with nothing selected in it: the
       * folder shown is the one meant. */
      if (folder == NULL)
        folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
      if (folder != NULL)
        fz_window_export_batch_memos (self, folder);
    }

  g_clear_object (&self->save_chooser);
}

void
_fz_window_export_memos_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  if (fz_window_get_current_batch (self) == NULL)
    return;

  _fz_window_new_chooser (self, &self->save_chooser, _("Export the Memos into a Folder"),
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Export"),
                         G_CALLBACK (on_export_memos_response));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_export_ledger_response (FzWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* A name typed without an extension takes the chosen filter's. */
      file = g_str_has_suffix (basename, ".xlsx") || g_str_has_suffix (basename, ".csv")
               ? g_object_ref (chosen)
               : fz_file_dialog_add_extension (GTK_FILE_CHOOSER (chooser), chosen, "xlsx");

      fz_window_export_ledger (self, file);
    }

  g_clear_object (&self->save_chooser);
}

void
_fz_window_export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzBatchPage *batch = fz_window_get_current_batch (self);
  static const char * const names[] = { N_("Excel Workbook (.xlsx)"), N_("CSV (.csv)") };
  static const char * const extensions[] = { "xlsx", "csv" };
  g_autofree char *name = NULL;

  if (batch == NULL)
    return;

  _fz_window_new_chooser (self, &self->save_chooser, _("Export Ledger"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("Export"), G_CALLBACK (on_export_ledger_response));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fz_file_dialog_add_save_filter (GTK_FILE_CHOOSER (self->save_chooser), _(names[i]), extensions[i]);
  /* Translators: the default file name of the ledger; %s names the batch */
  name = g_strdup_printf (_("Ledger of %s.xlsx"), fz_batch_page_get_title (batch));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_save_review_response (FzWindow             *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  FzReportPage *page = fz_window_get_current_report (self);

  if (response == GTK_RESPONSE_ACCEPT && page != NULL && fz_report_page_get_review (page) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (fz_review_save_to_file (fz_report_page_get_review (page), file, &error))
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Review saved as “%s”"), basename);

          fz_window_show_toast (self, message);
        }
      else
        {
          _fz_window_show_error (self, _("Could Not Save the Review"), error->message);
        }
    }

  g_clear_object (&self->save_chooser);
}

void
_fz_window_save_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (page == NULL || fz_report_page_get_review (page) == NULL)
    return;

  _fz_window_new_chooser (self, &self->save_chooser, _("Save Review As"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("Save"), G_CALLBACK (on_save_review_response));
  gtk_file_filter_set_name (filter, _("Reviews"));
  gtk_file_filter_add_pattern (filter, "*.fzreview");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);

  basename = g_file_get_basename (fz_report_page_get_file (page));
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  name = g_strdup_printf ("%s.fzreview", basename);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}
