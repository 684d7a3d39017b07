/* fz-formats.h: the file formats reviewers receive reports in
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fz-formats-table.h"

G_BEGIN_DECLS

/* The formats, in the order a file chooser lists them. */
const FzFormat *fz_formats_get            (guint       *n_formats);
/* The format's name in the reviewer's language. */
const char     *fz_format_get_name        (const FzFormat *format);
/* The format a file name's extension says, or NULL. */
const FzFormat *fz_formats_for_file_name  (const char  *name);

G_END_DECLS
