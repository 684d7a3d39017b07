/* fz-import-progress.h: how far reading a report has come
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_IMPORT_STAGE_READING,      /* the file's bytes are being read */
  FZ_IMPORT_STAGE_CONVERTING,   /* LibreOffice is converting it (.doc, .wps, .rtf…) */
  FZ_IMPORT_STAGE_EXTRACTING,   /* its text is being taken out */
} FzImportStage;

#define FZ_TYPE_IMPORT_PROGRESS (fz_import_progress_get_type ())

G_DECLARE_FINAL_TYPE (FzImportProgress, fz_import_progress, FZ, IMPORT_PROGRESS, GObject)

/* Its properties change on the importing thread and are notified in the
 * thread-default main context of the thread that made it, so a window can
 * bind to them. */
FzImportProgress *fz_import_progress_new             (void);

FzImportStage     fz_import_progress_get_stage       (FzImportProgress *self);
/* Seconds the current stage has taken. */
double            fz_import_progress_get_elapsed     (FzImportProgress *self);
/* Seconds after which the stage is given up (a conversion's time limit),
 * or 0 when it has none. */
double            fz_import_progress_get_limit       (FzImportProgress *self);
/* What is happening, for the reviewer: "Converting with LibreOffice… 12 s
 * (stopped after 90 s)". */
char             *fz_import_progress_dup_description (FzImportProgress *self);

G_END_DECLS
