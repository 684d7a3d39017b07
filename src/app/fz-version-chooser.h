/* fz-version-chooser.h: "Open Revised Version…" and "Open Last Year's Report…"
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_VERSION_REVISED,             /* the unit's revised version of @report */
  FZ_VERSION_LAST_YEAR,           /* the unit's report of the year before @report's */
} FzVersionKind;

/* Asks for another report to set beside @report: the Open dialog over
 * the report formats, in @report's folder.  The caller makes an FzReport
 * of the file and gives it to the round-two or last-year view.  Finish
 * with fz_version_chooser_finish(). */
void   fz_version_chooser_run    (FzReport            *report,
                                  FzVersionKind        kind,
                                  GtkWindow           *parent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* The file chosen, or NULL with @error: G_IO_ERROR_CANCELLED when the
 * reviewer dismissed the dialog (say nothing then), or, in the
 * reviewer's language, why the file cannot be the other version (it is
 * @report's own file). */
GFile *fz_version_chooser_finish (GAsyncResult        *result,
                                  GError             **error);

/* Whether @file can stand beside @report: FALSE, with @error in the
 * reviewer's language, when it is the report's own file. */
gboolean fz_version_chooser_check (FzReport           *report,
                                   GFile              *file,
                                   GError            **error);

G_END_DECLS
