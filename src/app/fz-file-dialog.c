/* fz-file-dialog.c: a file chooser as an asynchronous call
 *
 * GTK 4.8 has no GtkFileDialog: GtkFileChooserNative answers through a
 * signal.  This wraps it in a GTask, so that a caller chains the dialog
 * and the work that follows as one cancellable call; the window it
 * belongs to takes it along when it closes, unanswered.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "libfazhi.h"
#include "fz-file-dialog.h"

/* The extension a Save dialog's filter gives a name typed without one. */
#define EXTENSION_KEY "fz-extension"

typedef struct
{
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
  GtkWindow            *parent;         /* watched until the dialog is answered */
  gboolean              answered;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  fz_file_dialog_clear (&data->chooser);
  g_clear_object (&data->cancellable);
  g_free (data);
}

/* The dialog is answered, or given up: it holds the task no longer. */
static void
settle (GTask *task)
{
  DialogData *data = g_task_get_task_data (task);

  data->answered = TRUE;
  g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  data->cancelled_id = 0;
  g_signal_handlers_disconnect_by_data (data->chooser, task);
  if (data->parent != NULL)
    g_signal_handlers_disconnect_by_data (data->parent, task);
  data->parent = NULL;
}

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             GTask           *task_ref)
{
  g_autoptr(GTask) task = g_object_ref (task_ref);
  GFile *file = NULL;

  settle (task);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "No file was chosen");
}

static gboolean
give_up (gpointer user_data)
{
  GTask *task = user_data;
  DialogData *data = g_task_get_task_data (task);

  if (!data->answered)
    {
      settle (task);
      gtk_native_dialog_hide (GTK_NATIVE_DIALOG (data->chooser));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The dialog was cancelled");
    }
  return G_SOURCE_REMOVE;
}

/* The window the dialog belongs to is going: so is the dialog, unanswered. */
static void
on_parent_destroy (GtkWindow *parent,
                   GTask     *task)
{
  g_autoptr(GTask) held = g_object_ref (task);

  give_up (held);
}

static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  /* Not from inside the cancellable's own emission, which may not
   * disconnect from it. */
  g_idle_add_full (G_PRIORITY_DEFAULT, give_up, g_object_ref (task), g_object_unref);
}

void
fz_file_dialog_run (GtkFileChooserNative *chooser,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  DialogData *data;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_file_dialog_run);
  data = g_new0 (DialogData, 1);
  data->chooser = chooser;
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);

  /* The dialog's handler holds the task until it is answered. */
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), g_object_ref (task),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), task, NULL);
  if ((data->parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser))) != NULL)
    g_signal_connect (data->parent, "destroy", G_CALLBACK (on_parent_destroy), task);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GFile *
fz_file_dialog_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
fz_file_dialog_clear (GtkFileChooserNative **chooser)
{
  g_return_if_fail (chooser != NULL);

  if (*chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}

void
fz_file_dialog_add_report_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) reports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const FzFormat *formats;
  guint n;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_filter_set_name (reports, _("All Reports"));
  gtk_file_chooser_add_filter (chooser, reports);

  /* By MIME type and by name: mail attachments often arrive without a
   * type, and a .wps has none registered. */
  formats = fz_formats_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, fz_format_get_name (&formats[i]));
      for (guint k = 0; k < FZ_FORMAT_MAX_NAMES && formats[i].mime_types[k] != NULL; k++)
        {
          gtk_file_filter_add_mime_type (filter, formats[i].mime_types[k]);
          gtk_file_filter_add_mime_type (reports, formats[i].mime_types[k]);
        }
      for (guint k = 0; k < FZ_FORMAT_MAX_NAMES && formats[i].extensions[k] != NULL; k++)
        {
          /* Any case: 报告.DOCX from an old machine. */
          gtk_file_filter_add_suffix (filter, formats[i].extensions[k]);
          gtk_file_filter_add_suffix (reports, formats[i].extensions[k]);
        }
      gtk_file_chooser_add_filter (chooser, filter);
    }

  /* The importer tells a report by its content and explains a refusal
   * better than a hidden file would: let the reviewer try anything. */
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, reports);
}

void
fz_file_dialog_start_beside (GtkFileChooser *chooser,
                             GFile          *file)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file != NULL && (folder = g_file_get_parent (file)) != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

GtkFileFilter *
fz_file_dialog_add_save_filter (GtkFileChooser *chooser,
                                const char     *name,
                                const char     *extension)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);
  g_return_val_if_fail (name != NULL && extension != NULL, NULL);

  pattern = g_strconcat ("*.", extension, NULL);
  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data_full (G_OBJECT (filter), EXTENSION_KEY, g_strdup (extension), g_free);
  gtk_file_chooser_add_filter (chooser, filter);

  return filter;
}

GFile *
fz_file_dialog_add_extension (GtkFileChooser *chooser,
                              GFile          *file,
                              const char     *fallback)
{
  GtkFileFilter *filter;
  const char *extension = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *named = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (fallback != NULL, NULL);

  if ((filter = gtk_file_chooser_get_filter (chooser)) != NULL)
    extension = g_object_get_data (G_OBJECT (filter), EXTENSION_KEY);
  if ((parent = g_file_get_parent (file)) == NULL || (basename = g_file_get_basename (file)) == NULL)
    return g_object_ref (file);
  named = g_strdup_printf ("%s.%s", basename, extension != NULL ? extension : fallback);
  return g_file_get_child (parent, named);
}
