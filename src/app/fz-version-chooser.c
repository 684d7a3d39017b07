/* fz-version-chooser.c: "Open Revised Version…" and "Open Last Year's Report…"
 *
 * The Open dialog for the report to set beside the one under review: the
 * unit's revised version, or its report of the year before.  It starts in
 * the report's folder, where the unit's files usually are, and lists the
 * formats the importer reads (from the one table of them).  Reading the
 * file is the caller's: it makes an FzReport of it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-file-dialog.h"
#include "fz-version-chooser.h"

gboolean
fz_version_chooser_check (FzReport  *report,
                          GFile     *file,
                          GError   **error)
{
  g_return_val_if_fail (FZ_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_equal (file, fz_report_get_file (report)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the report's file name */
                   _("“%s” is the report itself. Choose the other version of it."),
                   fz_report_get_display_name (report));
      return FALSE;
    }
  return TRUE;
}

static void
on_chosen (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GFile) file = fz_file_dialog_finish (result, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else if (!fz_version_chooser_check (g_task_get_task_data (task), file, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

void
fz_version_chooser_run (FzReport            *report,
                        FzVersionKind        kind,
                        GtkWindow           *parent,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (FZ_IS_REPORT (report));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_version_chooser_run);
  g_task_set_task_data (task, g_object_ref (report), g_object_unref);

  chooser = gtk_file_chooser_native_new (kind == FZ_VERSION_REVISED ? _("Open Revised Version")
                                                                    : _("Open Last Year’s Report"),
                                         parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  fz_file_dialog_add_report_filters (GTK_FILE_CHOOSER (chooser));
  fz_file_dialog_start_beside (GTK_FILE_CHOOSER (chooser), fz_report_get_file (report));

  fz_file_dialog_run (chooser, cancellable, on_chosen, task);
}

GFile *
fz_version_chooser_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
