/* fz-file-dialog.h: a file chooser as an asynchronous call
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @chooser (taken over, and destroyed once answered) and finishes
 * with the file chosen.  Cancelling @cancellable, or destroying the
 * window it is transient for, closes it. */
void   fz_file_dialog_run    (GtkFileChooserNative *chooser,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
/* The file, or NULL with G_IO_ERROR_CANCELLED when the reviewer dismissed
 * the dialog or it was cancelled. */
GFile *fz_file_dialog_finish (GAsyncResult         *result,
                              GError              **error);

/* Destroys the dialog at *@chooser, closing it unanswered if it is shown,
 * and clears the pointer: g_clear_object() for a dialog, which its own
 * reference would otherwise keep on screen. */
void   fz_file_dialog_clear  (GtkFileChooserNative **chooser);

/* Gives an Open dialog the formats the importer reads, from the one table
 * of them: "All Reports" (chosen), one filter a format, and "All Files". */
void   fz_file_dialog_add_report_filters (GtkFileChooser *chooser);

/* Adds to the Save dialog @chooser a filter, @name, of the files ending in
 * "." @extension: the extension a name typed without one takes while the
 * filter is chosen (fz_file_dialog_add_extension()).  Returns the filter,
 * which @chooser holds. */
GtkFileFilter *fz_file_dialog_add_save_filter (GtkFileChooser *chooser,
                                               const char     *name,
                                               const char     *extension);
/* @file, named in the Save dialog @chooser without an extension, under its
 * name with the extension of the filter chosen there, or @fallback when
 * none of fz_file_dialog_add_save_filter()'s is chosen. */
GFile         *fz_file_dialog_add_extension   (GtkFileChooser *chooser,
                                               GFile          *file,
                                               const char     *fallback);

/* Opens @chooser in the folder that holds @file (a report's: the unit's
 * other files are usually beside it); nothing when @file is NULL or has
 * no parent. */
void   fz_file_dialog_start_beside (GtkFileChooser *chooser,
                                    GFile          *file);

G_END_DECLS
