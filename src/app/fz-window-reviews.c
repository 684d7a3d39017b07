/* fz-window-reviews.c: a review file from another machine
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-window-private.h"

/* Reviews from elsewhere ------------------------------------------------- */

gboolean
_fz_window_is_review_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, ".fzreview");
}

static FzReportPage *
fz_window_find_report_by_hash (FzWindow   *self,
                               const char *sha256)
{
  guint n = fz_window_get_n_reports (self);

  for (guint i = 0; i < n; i++)
    {
      FzReportPage *page = fz_window_get_report (self, i);
      FzReview *review = fz_report_page_get_review (page);

      if (review != NULL && g_strcmp0 (fz_review_get_report_sha256 (review), sha256) == 0)
        return page;
    }

  return NULL;
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  char *sha256 = fz_review_hash_file (task_data, cancellable, &error);

  if (sha256 != NULL)
    g_task_return_pointer (task, sha256, g_free);
  else
    g_task_return_error (task, error);
}

static void
located_report_hashed (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  g_autoptr(FzReview) review = user_data;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_task_propagate_pointer (G_TASK (result), &error);

  if (sha256 == NULL)
    fz_window_show_toast (self, error->message);
  else if (!g_str_equal (sha256, fz_review_get_report_sha256 (review)))
    {
      g_autofree char *message = NULL;

      /* Translators: the review names the report by its file name */
      message = g_strdup_printf (_("This is not the report the review was made for (“%s”): its content differs."),
                                 fz_review_get_report_name (review));
      fz_window_show_toast (self, message);
    }
  else
    fz_window_open_file (self, file);
}

static void
on_locate_report_response (FzWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  FzReview *review = g_object_get_data (G_OBJECT (chooser), "fz-review");

  /* The report is hashed in a worker: it may be large, and on a share. */
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GTask) task = g_task_new (self, NULL, located_report_hashed, g_object_ref (review));

      g_task_set_source_tag (task, on_locate_report_response);
      g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
      g_task_run_in_thread (task, hash_thread);
    }

  g_clear_object (&self->save_chooser);
}

/* The review file goes into the store: the live review of its report, if
 * a tab shows it, takes the file's content in place; the report opened
 * later finds it by its hash. */
static void
fz_window_finish_review_import (FzWindow *self,
                                GFile    *file)
{
  FzApplication *app = FZ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(FzReview) review = NULL;
  FzReportPage *page;

  if (!(review = fz_review_store_import (fz_application_get_reviews (app), file, &error)))
    {
      fz_window_show_toast (self, error->message);
      return;
    }

  if ((page = fz_window_find_report_by_hash (self, fz_review_get_report_sha256 (review))))
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      /* Checked again with the rule set the imported review remembers. */
      fz_report_page_load (page);
      return;
    }

  /* Translators: %s is the report's file name as the review records it */
  title = g_strdup_printf (_("Locate the Report “%s”"), fz_review_get_report_name (review));
  _fz_window_new_chooser (self, &self->save_chooser, title, GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("Open"), G_CALLBACK (on_locate_report_response));
  g_object_set_data_full (G_OBJECT (self->save_chooser), "fz-review", g_object_ref (review), g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_replace_review_response (AdwMessageDialog *dialog,
                            const char       *response,
                            FzWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "fz-file");

  if (g_str_equal (response, "replace"))
    fz_window_finish_review_import (self, file);
}

void
_fz_window_open_review_file (FzWindow *self,
                            GFile    *file)
{
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GFile) store = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!(review = fz_review_new_from_file (file, &error)))
    {
      fz_window_show_toast (self, error->message);
      return;
    }

  /* Never overwrite the reviewer's own work on this machine unasked. */
  store = fz_review_get_store_file (fz_review_get_report_sha256 (review));
  if (!g_file_query_exists (store, NULL))
    {
      fz_window_finish_review_import (self, file);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace Your Review?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("You already have a review of “%s” on this computer. Opening this file replaces it with the one from the file."),
                                  fz_review_get_report_name (review));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("Keep Mine"),
                                    "replace", _("Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fz-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_review_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
