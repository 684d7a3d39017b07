/* fz-return-export.h: "Return to Unit…" — the report sent back with the review in the margin
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

/* Asks where to save: a .docx beside the report, named after its title.
 * Finish with fz_return_export_choose_finish(). */
void      fz_return_export_choose         (FzReport            *report,
                                           GtkWindow           *parent,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The file chosen (".docx" added when typed without it), or NULL with
 * G_IO_ERROR_CANCELLED when the reviewer dismissed the dialog. */
GFile    *fz_return_export_choose_finish  (GAsyncResult        *result,
                                           GError             **error);
/* The writing alone, in a worker: the unit's own .docx (the bytes the
 * report was read from, checked against its hash) or a .docx of its text,
 * with the review's remarks as Word comments.  The unit's file is only
 * read, and never written over. */
void      fz_return_export_write_async    (FzReport            *report,
                                           GFile               *destination,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The file written, or NULL with @error in the reviewer's language.
 * @kind (nullable) says whether the unit's own document or its text came
 * back; @message (nullable) what to tell the reviewer, for a toast with
 * a button that opens the file. */
GFile    *fz_return_export_write_finish   (GAsyncResult        *result,
                                           FzReturnKind        *kind,
                                           char               **message,
                                           GError             **error);

/* The name the save dialog suggests: "UNIT TITLE（审查意见）.docx"-like,
 * from the report's title (which names its unit) or file name. */
char     *fz_return_export_dup_file_name  (FzReport            *report);

G_END_DECLS
