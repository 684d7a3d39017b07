/* fz-formats-table.h: the file formats reviewers receive reports in
 *
 * Plain C with no GLib, so that the build can compile it for the build
 * machine too and write the desktop file's MimeType from it (also when
 * cross-compiling).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define FZ_FORMAT_MAX_NAMES 4

typedef struct
{
  const char *id;                               /* as fz_import_detect_format() names it */
  const char *name;                             /* untranslated, for a file chooser's filter */
  const char *mime_types[FZ_FORMAT_MAX_NAMES];  /* NULL-terminated unless full */
  const char *extensions[FZ_FORMAT_MAX_NAMES];  /* lower case, without the dot */
} FzFormat;

extern const FzFormat fz_formats[];
extern const unsigned int fz_n_formats;
