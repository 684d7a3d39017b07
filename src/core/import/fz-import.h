/* fz-import.h: reading a report file into an FzDocument
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-document.h"
#include "fz-error.h"
#include "fz-import-progress.h"

G_BEGIN_DECLS

/* Largest input accepted.  A real report's text is tens of kilobytes, but
 * a .docx or PDF with photographs and scanned seals can weigh tens of
 * megabytes; these bounds keep time and memory finite on hostile input. */
#define FZ_IMPORT_MAX_BYTES      (128 * 1024 * 1024)
/* Largest plain text or web page: all of it is text to analyse. */
#define FZ_IMPORT_MAX_TEXT_BYTES (32 * 1024 * 1024)

/* Decodes text bytes: a BOM (UTF-8, UTF-16LE/BE) first, then valid UTF-8,
 * else GB18030.  Refuses binary data.  @encoding receives the name of what
 * was found (static string). */
char       *fz_text_decode          (const char   *data,
                                     gsize         len,
                                     const char  **encoding,
                                     GError      **error);

FzDocument *fz_import_text_bytes    (GBytes       *bytes,
                                     const char   *display_name,
                                     GError      **error);

/* The format of @bytes, judged by content alone: "text", "docx", "odt",
 * "pdf", "ofd", "html", "mhtml", "doc", "wps", "works", "rtf",
 * "wordperfect", or a kind that is refused ("encrypted", "xlsx", "xls",
 * "pptx", "ppt", "opendocument", "zip", "ole", "link": a path left in
 * place of a symbolic link).  The same names appear in FzDocument:format. */
const char *fz_import_detect_format (GBytes       *bytes);

/* The format of @file by content, as fz_import_detect_format(), or NULL
 * when it cannot be read; for reporting the format of a file that failed
 * to open. */
const char *fz_import_file_detect_format (GFile        *file,
                                          GCancellable *cancellable);

/* Imports @bytes whatever their format; errors do not name the file. */
FzDocument *fz_import_bytes         (GBytes       *bytes,
                                     const char   *display_name,
                                     GCancellable *cancellable,
                                     GError      **error);

/* Detects the format by content and imports.  Errors are FZ_IMPORT_ERROR
 * with a message naming the file and what to do. */
FzDocument *fz_import_file          (GFile        *file,
                                     GCancellable *cancellable,
                                     GError      **error);
/* The same, giving the bytes it read (also when they could not be
 * imported): a report is read once, and hashed from those bytes. */
FzDocument *fz_import_file_full     (GFile            *file,
                                     FzImportProgress *progress,
                                     GCancellable     *cancellable,
                                     GBytes          **bytes_read,
                                     GError          **error);
/* As fz_import_file(), telling @progress (nullable) which stage it is in
 * and for how long: a conversion through LibreOffice can take a while. */
FzDocument *fz_import_file_with_progress (GFile            *file,
                                          FzImportProgress *progress,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* Whether reading @file goes through LibreOffice (.doc, .wps, Works,
 * .rtf, WordPerfect), which takes seconds, not milliseconds: a batch reads
 * such files apart from the others.  Reads the file. */
gboolean    fz_import_file_needs_conversion (GFile        *file,
                                             GCancellable *cancellable);
void        fz_import_file_async    (GFile              *file,
                                     int                 io_priority,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
FzDocument *fz_import_file_finish   (GAsyncResult *result,
                                     GError      **error);

G_END_DECLS
