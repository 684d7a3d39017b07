/* fz-window.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fz-application.h"
#include "fz-batch-page.h"
#include "fz-report-page.h"

G_BEGIN_DECLS

#define FZ_TYPE_WINDOW (fz_window_get_type ())

G_DECLARE_FINAL_TYPE (FzWindow, fz_window, FZ, WINDOW, AdwApplicationWindow)

FzWindow     *fz_window_new              (FzApplication *application);
/* Opens each file of @files (a GSList of GFile, as a GdkFileList holds them)
 * in its own tab; the drop handler and the Open dialog both end here. */
void          fz_window_open_files       (FzWindow      *self,
                                          GSList        *files);
FzReportPage *fz_window_open_file        (FzWindow      *self,
                                          GFile         *file);
void          fz_window_show_open_dialog (FzWindow      *self);
void          fz_window_show_open_folder_dialog (FzWindow *self);
void          fz_window_show_toast       (FzWindow      *self,
                                          const char    *message);
guint         fz_window_get_n_reports    (FzWindow      *self);
FzReportPage *fz_window_get_report       (FzWindow      *self,
                                          guint          index);
FzReportPage *fz_window_get_current_report (FzWindow    *self);
/* Opens @files (GFile: reports and folders) as one batch in an overview tab. */
FzBatchPage  *fz_window_open_batch       (FzWindow      *self,
                                          GPtrArray     *files);
/* Writes the ledger of the overview in front (.xlsx or .csv by @file's
 * name); FALSE, after telling the reviewer, when it could not. */
gboolean      fz_window_export_ledger    (FzWindow      *self,
                                          GFile         *file);
/* Writes every report's memo of the overview in front, with its saved
 * review, and the summary memo into @folder, off the main thread. */
void          fz_window_export_batch_memos (FzWindow    *self,
                                            GFile       *folder);
/* The overview in front, or NULL when a report (or nothing) is. */
FzBatchPage  *fz_window_get_current_batch (FzWindow     *self);
/* Writes the current report's memo to @file, in the format its name asks
 * for, off the main thread; tells the reviewer how it went. */
void          fz_window_export_memo      (FzWindow      *self,
                                          GFile         *file);

/* A print operation for the current report's memo, ready to run. */
GtkPrintOperation *fz_window_create_memo_print (FzWindow *self);

G_END_DECLS
